// Package cli is the exit-status plumbing durand's commands share: an error
// that carries a status, usage errors (status 2), and turning an error into
// the status a command exits with.
package cli

import (
	"errors"
	"fmt"
	"io"
)

// ExitError carries a process exit status; Msg, if any, has not been
// printed yet.
type ExitError struct {
	Code int
	Msg  string
}

func (e *ExitError) Error() string { return e.Msg }

// Usage reports bad invocation or configuration: exit status 2.
func Usage(format string, args ...any) error {
	return &ExitError{Code: 2, Msg: fmt.Sprintf(format, args...)}
}

// Status prints err, if any, as one line prefixed with the program's name
// and returns the exit status: 0 for nil, an ExitError's code, else 1.
func Status(err error, stderr io.Writer, prog string) int {
	if err == nil {
		return 0
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Msg != "" {
			fmt.Fprintln(stderr, prog+":", ee.Msg)
		}
		return ee.Code
	}
	fmt.Fprintln(stderr, prog+":", err)
	return 1
}
