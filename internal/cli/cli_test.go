package cli

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

func TestStatus(t *testing.T) {
	tests := []struct {
		err  error
		code int
		out  string
	}{
		{nil, 0, ""},
		{errors.New("boom"), 1, "prog: boom\n"},
		{Usage("DURAND_TZ: unknown time zone %q", "Mars"), 2, "prog: DURAND_TZ: unknown time zone \"Mars\"\n"},
		{fmt.Errorf("wrapped: %w", &ExitError{Code: 3}), 3, ""},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if got := Status(tt.err, &b, "prog"); got != tt.code || b.String() != tt.out {
			t.Errorf("Status(%v) = %d, %q; want %d, %q", tt.err, got, b.String(), tt.code, tt.out)
		}
	}
}
