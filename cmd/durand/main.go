// Command durand is a chat bot that answers questions about
// Pakistan–Afghanistan relations from a curated knowledge pack.
//
// Usage:
//
//	durand chat                          interactive console chat
//	durand ask [--json] QUESTION...      answer questions (stdin when none or "-")
//	durand gaps [--since 30d] [--json] [--db DSN]
//	                                     the curators' report of declined and 👎 questions
//	durand digest [--date D] [--tz Z]    print the digest for a day
//	durand check [--pack DIR] [--sources DIR]
//	                                     validate the knowledge pack
//	durand serve                         run the chat adapters and the scheduler
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // time zones work where the system has no zoneinfo

	"github.com/durandbot/durand/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(cli.Status(err, os.Stderr, "durand"))
}

const usage = `usage: durand <command> [arguments]

commands:
  chat                                 chat in the terminal
  ask [--json] QUESTION...             answer questions; with none or "-", read one per line from stdin
  gaps [--since 30d] [--json] [--db DSN]
                                       the curators' report: declined and 👎 questions, grouped
  digest [--date YYYY-MM-DD] [--tz ZONE]
                                       print the digest for a day
  check [--pack DIR] [--sources DIR]   validate the knowledge pack
  serve                                run the chat adapters, the scheduler and the HTTP endpoints`

// run is the whole program: main only supplies the process's environment.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return cli.Usage("no command\n%s", usage)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "chat":
		return runChat(ctx, rest, getenv, stdin, stdout, stderr)
	case "ask":
		return runAsk(rest, getenv, stdin, stdout, stderr)
	case "digest":
		return runDigest(ctx, rest, getenv, stdout, stderr)
	case "gaps":
		return runGaps(ctx, rest, getenv, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, getenv, stderr)
	case "check":
		return runCheck(rest, getenv, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	return cli.Usage("unknown command %q\n%s", cmd, usage)
}
