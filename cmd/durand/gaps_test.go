package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/sqlite"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/internal/cli"
	"github.com/durandbot/durand/internal/golden"
)

// gapsRecords are feedback records for the gaps tests, hours before now.
func gapsRecords(now time.Time) []bot.Feedback {
	at := func(h float64) time.Time { return now.Add(-time.Duration(h * float64(time.Hour))) }
	return []bot.Feedback{
		{Time: at(5), Platform: "slack", Channel: "C1", Question: "when did torkham reopen", Rating: bot.RatingDeclined},
		{Time: at(4), Platform: "discord", Channel: "D1", Question: "when did torkam reopen", Rating: bot.RatingDeclined},
		{Time: at(3), Platform: "slack", Channel: "C1", Question: "when did torkham reopen", Rating: bot.RatingDown,
			Facts: []string{"fnf-torkham-closure-september-2023"}, Confidence: 0.81, Comment: "it asked about reopening, not closing"},
		{Time: at(2), Platform: "slack", Channel: "C2", Question: "who won the cricket world cup", Rating: bot.RatingDeclined},
		{Time: at(0.5), Platform: "console", Channel: "console", Question: "who won the crikcet world cup", Rating: bot.RatingDeclined},
		{Time: at(0.4), Platform: "slack", Channel: "C2", Question: "who is asif durrani", Rating: bot.RatingUp, Facts: []string{"x"}},
		{Time: at(0.3), Platform: "slack", Channel: "C3", Rating: bot.RatingDeclined}, // DURAND_GAPS=0
		{Time: at(40 * 24), Platform: "slack", Channel: "C1", Question: "who leads the iea", Rating: bot.RatingDeclined},
	}
}

// gapsDB makes a SQLite store holding recs and returns its path.
func gapsDB(t *testing.T, recs []bot.Feedback) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "durand.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, f := range recs {
		if err := s.AddFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// runEnv runs durand with env as its environment.
func runEnv(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errb)
	code = cli.Status(err, &errb, "durand")
	return out.String(), errb.String(), code
}

func TestGapsCommandText(t *testing.T) {
	path := gapsDB(t, gapsRecords(time.Now()))
	env := map[string]string{"DURAND_DB": path}
	tests := []struct {
		name    string
		args    []string
		want    []string
		notWant []string
	}{
		{"the last 30 days by default", []string{"gaps"},
			[]string{"5 declined or 👎 questions in 2 groups", "(30d)",
				"  1. when did torkham reopen\n     3× (2 declined, 1 👎)", "discord, slack",
				"also asked: when did torkam reopen", "comment: it asked about reopening, not closing",
				"near: intent when · entities torkham · facts fnf-torkham-closure-september-2023",
				"👎 answers: fnf-torkham-closure-september-2023",
				"  2. who won the crikcet world cup\n     2× (2 declined)", "also asked: who won the cricket world cup",
				"1 declined or 👎 record kept without the question's text", "1 👍 in the period"},
			[]string{"iea", "asif"}},
		{"a longer period", []string{"gaps", "--since", "50d"},
			[]string{"in 3 groups", "who leads the iea", "(50d)"}, nil},
		{"a Go duration", []string{"gaps", "--since", "90m"},
			[]string{"1 declined or 👎 question in 1 group", "who won the crikcet world cup"},
			[]string{"torkham", "cricket"}},
		{"--db overrides DURAND_DB", []string{"gaps", "--db", path},
			[]string{"in 2 groups"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := env
			if slices.Contains(tt.args, "--db") {
				e = map[string]string{"DURAND_DB": filepath.Join(t.TempDir(), "absent.db")}
			}
			out, errs, code := runEnv(t, e, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(out, w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestGapsCommandJSON(t *testing.T) {
	now := time.Now()
	path := gapsDB(t, gapsRecords(now))
	out, errs, code := runEnv(t, map[string]string{"DURAND_DB": path}, "gaps", "--json")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want one per group (2):\n%s", len(lines), out)
	}
	for _, l := range lines {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &raw); err != nil {
			t.Fatalf("not one JSON object: %v\n%s", err, l)
		}
		for _, k := range []string{"question", "count", "declined", "down", "last", "comments", "near"} {
			if _, ok := raw[k]; !ok {
				t.Errorf("missing key %q in %s", k, l)
			}
		}
	}
	var g gapOutput
	if err := json.Unmarshal([]byte(lines[0]), &g); err != nil {
		t.Fatal(err)
	}
	last, err := time.Parse(time.RFC3339, g.Last)
	if err != nil || last.Sub(now.Add(-3*time.Hour)).Abs() > time.Second {
		t.Errorf("last = %q (%v), want RFC 3339 three hours ago", g.Last, err)
	}
	if g.Question != "when did torkham reopen" || g.Count != 3 || g.Declined != 2 || g.Down != 1 ||
		!slices.Equal(g.Comments, []string{"it asked about reopening, not closing"}) ||
		!slices.Equal(g.Variants, []string{"when did torkam reopen"}) ||
		!slices.Equal(g.Platforms, []string{"discord", "slack"}) ||
		!slices.Equal(g.DownFacts, []string{"fnf-torkham-closure-september-2023"}) ||
		g.Near.Intent != "when" || !slices.Equal(g.Near.Entities, []string{"torkham"}) || !slices.Contains(g.Near.Facts, "fnf-torkham-closure-september-2023") {
		t.Errorf("first group = %+v", g)
	}
	if !strings.Contains(lines[1], `"comments":[]`) || !strings.Contains(lines[1], `"down_facts":[]`) {
		t.Errorf("empty lists are not []: %s", lines[1])
	}
}

func TestGapsCommandEmpty(t *testing.T) {
	path := gapsDB(t, nil)
	out, errs, code := runEnv(t, map[string]string{"DURAND_DB": path}, "gaps")
	if code != 0 || !strings.HasPrefix(out, "durand gaps: no declined or 👎 questions with their text since ") {
		t.Errorf("exit %d, output %q, errors %q; want it said there are none", code, out, errs)
	}
	out, errs, code = runEnv(t, map[string]string{"DURAND_DB": path}, "gaps", "--json")
	if code != 0 || out != "" || !strings.Contains(errs, "no declined or 👎 questions") {
		t.Errorf("--json: exit %d, output %q, errors %q; want nothing printed and it said on stderr", code, out, errs)
	}
}

// TestGapsCommandBadInput: a bad flag or database is one line naming it,
// exit status 2, and no database is made.
func TestGapsCommandBadInput(t *testing.T) {
	path := gapsDB(t, gapsRecords(time.Now()))
	dir := t.TempDir()
	absent := filepath.Join(dir, "absent.db")
	notDB := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("not a database\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"days not a number", nil, []string{"--since", "xd"}, `--since "xd" is not a period`},
		{"not a duration", nil, []string{"--since", "soon"}, `--since "soon" is not a period`},
		{"zero", nil, []string{"--since", "0d"}, `--since "0d" is not a period`},
		{"negative", nil, []string{"--since", "-5h"}, `--since "-5h" is not a period`},
		{"too long", nil, []string{"--since", "99999999d"}, `--since "99999999d" is not a period`},
		{"unknown flag", nil, []string{"--bogus"}, "flag provided but not defined: -bogus"},
		{"flag without value", nil, []string{"--since"}, "flag needs an argument: -since"},
		{"an argument", nil, []string{"torkham"}, `gaps takes no arguments, got ["torkham"]`},
		{"no database at DURAND_DB", map[string]string{"DURAND_DB": absent}, nil, "DURAND_DB: no database at " + absent},
		{"no database at --db", map[string]string{"DURAND_DB": path}, []string{"--db", absent}, "--db: no database at " + absent},
		{"--db in a missing directory", nil, []string{"--db", filepath.Join(dir, "none", "x.db")}, "--db: no database at"},
		{"--db not a database", nil, []string{"--db", notDB}, "--db: "},
		{"no PostgreSQL there", nil, []string{"--db", "postgres://durand@127.0.0.1:1/durand?connect_timeout=2"}, "--db: postgres"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := tt.env
			if env == nil {
				env = map[string]string{"DURAND_DB": path}
			}
			out, errs, code := runEnv(t, env, append([]string{"gaps"}, tt.args...)...)
			if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, output %q, errors %q; want exit 2 and one line with %q", code, out, errs, tt.want)
			}
		})
	}
	if ents, err := os.ReadDir(dir); err != nil || len(ents) != 0 {
		t.Errorf("bad input left files behind: %v %v", ents, err)
	}
}

// TestGapsTextGolden pins the text report's layout.
func TestGapsTextGolden(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	store := bot.NewMemoryStore()
	for _, f := range gapsRecords(now) {
		store.AddFeedback(ctx, f)
	}
	store.AddFeedback(ctx, bot.Feedback{Time: now.Add(-time.Hour), Platform: "slack", Rating: bot.RatingDown,
		Question: "what is the \x1b[31mred\x1b[0m line", Comment: "bad\u202Eevil\nline"})
	base, err := loadPack("", defaultPackMax)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := bot.Gaps(ctx, store, base, now.Add(-30*24*time.Hour), now, 0)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	writeGapsText(&b, rep, "30d")
	golden.Check(t, "testdata/gaps.txt", b.Bytes())
	if strings.ContainsAny(b.String(), "\x1b\u202E") {
		t.Errorf("control characters reach the terminal:\n%s", b.String())
	}
}
