package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/durandbot/durand/internal/cli"

	"github.com/durandbot/durand/bot"
)

// runDigest prints the digest for a day: the same day always gives the
// same digest.
func runDigest(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("digest", flag.ContinueOnError)
	fl.SetOutput(stderr)
	date := fl.String("date", "", "the day, `YYYY-MM-DD` (default: today in the zone)")
	tz := fl.String("tz", "", "the time `ZONE` of the day (default: DURAND_TZ, else UTC)")
	packDir := fl.String("pack", "", "use the pack in `DIR` instead of the embedded one")
	if err := fl.Parse(args); err != nil {
		return &cli.ExitError{Code: 2}
	}
	if fl.NArg() > 0 {
		return cli.Usage("digest takes no arguments, got %q", fl.Args())
	}
	zone := *tz
	if zone == "" {
		zone = getenv("DURAND_TZ")
	}
	if zone == "" {
		zone = "UTC"
	}
	loc, err := bot.LoadZone(zone)
	if err != nil {
		return cli.Usage("digest: %v", err)
	}
	day := time.Now().In(loc).Format(time.DateOnly)
	if *date != "" {
		if _, err := time.Parse(time.DateOnly, *date); err != nil {
			if shapedAsDate(*date) {
				return cli.Usage("digest: --date %q is no such date", *date) // "2024-13-01", "2023-02-30"
			}
			return cli.Usage("digest: --date %q is not YYYY-MM-DD", *date)
		}
		day = *date
	}
	base, err := loadPackFor("digest", *packDir, getenv)
	if err != nil {
		return err
	}
	d, err := (&bot.Digester{KB: base}).Compose(ctx, bot.ChannelKey{}, day)
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	_, err = fmt.Fprintln(stdout, d.Text())
	return err
}

// shapedAsDate reports whether s has the shape YYYY-MM-DD, all digits:
// one that does yet does not parse names a day the calendar lacks.
func shapedAsDate(s string) bool {
	if len(s) != len(time.DateOnly) {
		return false
	}
	for i, r := range s {
		if i == 4 || i == 7 {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
