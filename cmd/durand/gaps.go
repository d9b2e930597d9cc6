package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/durandbot/durand/internal/cli"
	"github.com/durandbot/durand/internal/textcut"

	"github.com/durandbot/durand/bot"
)

// gapsUsage is the one line `durand gaps` shows with a bad flag.
const gapsUsage = "usage: durand gaps [--since 30d] [--json] [--db DSN] [--pack DIR]"

// gapOutput is the JSON contract of `durand gaps --json`, one object per
// group.
type gapOutput struct {
	Question  string   `json:"question"`
	Count     int      `json:"count"`
	Declined  int      `json:"declined"`
	Down      int      `json:"down"`
	Last      string   `json:"last"` // RFC 3339, UTC
	Comments  []string `json:"comments"`
	Near      gapNear  `json:"near"`
	Variants  []string `json:"variants"`   // the group's other wordings
	DownFacts []string `json:"down_facts"` // the fact ids of the answers voted 👎
	Platforms []string `json:"platforms"`
}

// gapNear is what the pack holds nearest a group's question.
type gapNear struct {
	Intent   string   `json:"intent"`
	Entities []string `json:"entities"`
	Facts    []string `json:"facts"`
}

// runGaps prints the curators' report of declined and 👎 questions, read
// from the store DURAND_DB names (or --db), grouped.
func runGaps(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("gaps", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	sinceText := fl.String("since", "30d", "report on the `PERIOD` before now: 30d, 12h")
	asJSON := fl.Bool("json", false, "print one JSON object per group")
	dbFlag := fl.String("db", "", "read the store at `DSN`, a SQLite file or a postgres:// URL (default: DURAND_DB, else durand.db)")
	packDir := fl.String("pack", "", "find what is nearest in the pack in `DIR` instead of the embedded one")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, gapsUsage)
			fl.SetOutput(stdout)
			fl.PrintDefaults()
			return nil
		}
		return cli.Usage("gaps: %v; %s", err, gapsUsage)
	}
	if fl.NArg() > 0 {
		return cli.Usage("gaps takes no arguments, got %q; %s", fl.Args(), gapsUsage)
	}
	period, err := parsePeriod(*sinceText)
	if err != nil {
		return cli.Usage("gaps: --since %q is not a period such as 30d or 12h", *sinceText)
	}
	db, from := *dbFlag, "--db"
	if db == "" {
		db, from = getenv("DURAND_DB"), "DURAND_DB"
	}
	if db == "" {
		db = "durand.db"
	}
	if !isPostgres(db) {
		if _, err := os.Stat(db); errors.Is(err, fs.ErrNotExist) {
			return cli.Usage("%s: no database at %s", from, db)
		}
	}
	base, err := loadPackFor("gaps", *packDir, getenv)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, db)
	if err != nil {
		return cli.Usage("%s: %s", from, textcut.OneLine(err.Error()))
	}
	defer store.Close()
	now := time.Now()
	rep, err := bot.Gaps(ctx, store, base, now.Add(-period), now, 0)
	if err != nil {
		return fmt.Errorf("gaps: %w", err)
	}
	out := bufio.NewWriter(stdout)
	if *asJSON {
		err = writeGapsJSON(out, rep)
		if err == nil && len(rep.Groups) == 0 {
			fmt.Fprintln(stderr, "durand:", noGaps(rep))
		}
	} else {
		writeGapsText(out, rep, *sinceText)
	}
	if err != nil {
		return fmt.Errorf("gaps: %w", err)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("gaps: %w", err)
	}
	return nil
}

// parsePeriod reads a Go duration ("12h", "90m") or a number of days
// ("30d"); it must be positive.
func parsePeriod(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 || n > maxPeriodDays {
			return 0, fmt.Errorf("not a number of days: %q", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("not a positive duration: %q", s)
	}
	return d, nil
}

// maxPeriodDays is the longest period --since takes in days: a hundred
// years, far past any retention, and far from overflowing a Duration.
const maxPeriodDays = 36500

// isPostgres reports whether db names a PostgreSQL database, as openStore
// reads it.
func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// noGaps is what an empty report says.
func noGaps(rep bot.GapReport) string {
	return "no declined or 👎 questions with their text since " + rep.Since.UTC().Format(gapsTime) + "."
}

// gapsTime is how the report writes a time.
const gapsTime = "2 Jan 2006 15:04 MST"

// writeGapsJSON writes one JSON object per group.
func writeGapsJSON(w io.Writer, rep bot.GapReport) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, g := range rep.Groups {
		o := gapOutput{
			Question: g.Question, Count: g.Count, Declined: g.Declined, Down: g.Down,
			Last:     g.Last.UTC().Format(time.RFC3339),
			Comments: orEmpty(g.Comments),
			Near: gapNear{Intent: g.Near.Intent.String(),
				Entities: orEmpty(g.Near.Entities), Facts: orEmpty(g.Near.Facts)},
			Variants: orEmpty(g.Variants), DownFacts: orEmpty(g.DownFacts), Platforms: orEmpty(g.Platforms),
		}
		if err := enc.Encode(o); err != nil {
			return err
		}
	}
	return nil
}

// orEmpty makes a nil list an empty one, so that JSON shows [] not null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeGapsText writes the report for people: a heading, then each group
// with its tallies, wordings, comments and what the pack holds nearest.
func writeGapsText(w io.Writer, rep bot.GapReport, period string) {
	if len(rep.Groups) == 0 {
		fmt.Fprintf(w, "durand gaps: %s\n", noGaps(rep))
	} else {
		total := 0
		for _, g := range rep.Groups {
			total += g.Count
		}
		fmt.Fprintf(w, "durand gaps: %s in %s since %s (%s), most frequent first.\n",
			counted(total, "declined or 👎 question"), counted(len(rep.Groups), "group"), rep.Since.UTC().Format(gapsTime), period)
	}
	for i, g := range rep.Groups {
		fmt.Fprintf(w, "\n%3d. %s\n", i+1, shown(g.Question))
		fmt.Fprintf(w, "     %d× (%s) · last %s · %s\n", g.Count, g.Tally(), g.Last.UTC().Format(gapsTime), strings.Join(g.Platforms, ", "))
		if len(g.Variants) > 0 {
			fmt.Fprintf(w, "     also asked: %s\n", shown(strings.Join(g.Variants, " · ")))
		}
		for _, c := range g.Comments {
			fmt.Fprintf(w, "     comment: %s\n", shown(c))
		}
		fmt.Fprintf(w, "     near: intent %s · entities %s · facts %s\n", g.Near.Intent, listOrNone(g.Near.Entities), listOrNone(g.Near.Facts))
		if len(g.DownFacts) > 0 {
			fmt.Fprintf(w, "     👎 answers: %s\n", strings.Join(g.DownFacts, ", "))
		}
	}
	if rep.Untexted > 0 || rep.Up > 0 {
		fmt.Fprintln(w)
	}
	if rep.Untexted > 0 {
		fmt.Fprintf(w, "%s kept without the question's text (DURAND_GAPS=0).\n", counted(rep.Untexted, "declined or 👎 record"))
	}
	if rep.Up > 0 {
		fmt.Fprintf(w, "%d 👍 in the period.\n", rep.Up)
	}
}

// shown is user text as the report prints it to a terminal: on one line,
// with control characters (escape sequences, bidirectional overrides) and
// invalid UTF-8 replaced, so that no question can restyle or rewrite the
// curator's screen.
func shown(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return '\uFFFD'
		}
		return r
	}, strings.Join(strings.Fields(s), " "))
	return s
}

// counted is n things: "1 group", "2 groups".
func counted(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}

// listOrNone joins ids, or says there are none.
func listOrNone(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}
