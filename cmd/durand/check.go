package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/durandbot/durand/internal/cli"

	"github.com/durandbot/durand/knowledge"
)

// runCheck validates the pack and, with --sources, every anchor phrase and
// quote.
func runCheck(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	packDir := fl.String("pack", "", "validate the pack in `DIR` instead of the embedded one")
	srcDir := fl.String("sources", "", "also find every anchor phrase and quote in the source documents in `DIR`")
	if err := fl.Parse(args); err != nil {
		return &cli.ExitError{Code: 2}
	}
	if fl.NArg() > 0 {
		return cli.Usage("check takes no arguments, got %q", fl.Args())
	}
	limit, err := packMax(getenv)
	if err != nil {
		return err
	}
	base, err := loadPack(*packDir, limit)
	var ve *knowledge.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Fprintln(stdout, p)
		}
		return &cli.ExitError{Code: 1, Msg: fmt.Sprintf("check: %d problems", len(ve.Problems))}
	}
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	if *srcDir != "" {
		if _, err := os.Stat(*srcDir); err != nil {
			return cli.Usage("check: --sources: %v", err)
		}
		r := base.VerifyAnchors(os.DirFS(*srcDir))
		for _, p := range r.Missing {
			fmt.Fprintln(stdout, p)
		}
		anchors := len(r.Missing) - r.MissingQuotes
		fmt.Fprintf(stdout, "anchors: verified=%d missing=%d\n", r.Verified, anchors)
		fmt.Fprintf(stdout, "quotes: verified=%d missing=%d\n", r.QuotesVerified, r.MissingQuotes)
		if len(r.Missing) > 0 {
			return &cli.ExitError{Code: 1, Msg: fmt.Sprintf("check: %d anchors and %d quotes not found in the documents", anchors, r.MissingQuotes)}
		}
	}
	s := base.Stats()
	fmt.Fprintf(stdout, "ok: sources=%d entities=%d facts=%d conflicts=%d\n", s.Sources, s.Entities, s.Facts, s.Conflicts)
	return nil
}
