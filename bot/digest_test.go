package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/internal/golden"

	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
)

func digester(t *testing.T, store bot.Store) *bot.Digester {
	t.Helper()
	kb, err := packBase()
	if err != nil {
		t.Fatal(err)
	}
	return &bot.Digester{KB: kb, Store: store}
}

func TestDigestGolden(t *testing.T) {
	d, err := digester(t, nil).Compose(context.Background(), bot.ChannelKey{}, "2025-09-05")
	if err != nil {
		t.Fatal(err)
	}
	got := d.Text() + "\n"
	golden.Check(t, "testdata/digest_2025-09-05.golden", []byte(got))
	if !strings.Contains(got, "On this day") || !strings.Contains(got, "Chitral") {
		t.Errorf("5 September should recall the Chitral attack of 2023:\n%s", got)
	}
	if n := len(strings.Fields(got)); n > 260 {
		t.Errorf("digest is %d words: too long to read in a minute", n)
	}
}

func TestDigestDeterministicAndVaried(t *testing.T) {
	dg := digester(t, nil)
	ctx := context.Background()
	a, _ := dg.Compose(ctx, bot.ChannelKey{}, "2026-03-01")
	b, _ := dg.Compose(ctx, bot.ChannelKey{}, "2026-03-01")
	c, _ := dg.Compose(ctx, bot.ChannelKey{}, "2026-03-02")
	if a.Text() != b.Text() {
		t.Error("the same day gave different digests")
	}
	if a.Text() == c.Text() {
		t.Error("two days gave the same digest")
	}
	if _, err := dg.Compose(ctx, bot.ChannelKey{}, "2026-13-01"); err == nil {
		t.Error("a bad date was accepted")
	}
}

// TestFactOfTheDayRotatesWithoutRepeats sends a channel as many digests as
// the pack has facts: no fact of the day may repeat before all were shown.
func TestFactOfTheDayRotatesWithoutRepeats(t *testing.T) {
	store := bot.NewMemoryStore()
	dg := digester(t, store)
	ctx := context.Background()
	k := bot.ChannelKey{Platform: "slack", Channel: "C1"}
	seen := map[string]bool{}
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for _, f := range dg.KB.Facts() {
		if !f.Meta {
			n++
		}
	}
	for i := 0; i < n; i++ {
		date := day.AddDate(0, 0, i).Format(time.DateOnly)
		d, err := dg.Compose(ctx, k, date)
		if err != nil {
			t.Fatal(err)
		}
		fact := section(d, "Fact of the day")
		if seen[fact] {
			t.Fatalf("fact of the day repeated after %d of %d digests: %s", i, n, fact)
		}
		seen[fact] = true
		mustSend(t, store, k, date, day.AddDate(0, 0, i))
	}
	other, _ := dg.Compose(ctx, bot.ChannelKey{Platform: "slack", Channel: "C2"}, day.Format(time.DateOnly))
	first, _ := digester(t, bot.NewMemoryStore()).Compose(ctx, k, day.Format(time.DateOnly))
	if section(other, "Fact of the day") == section(first, "Fact of the day") {
		t.Log("two channels started on the same fact (possible, but unlikely)")
	}
}

func TestNewInThePack(t *testing.T) {
	store := bot.NewMemoryStore()
	dg := digester(t, store)
	ctx := context.Background()
	k := bot.ChannelKey{Platform: "discord", Channel: "42"}
	t0 := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	if _, err := store.SyncPack(ctx, dg.KB.Fingerprints(), t0.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	mustSend(t, store, k, "2026-05-01", t0)
	d, _ := dg.Compose(ctx, k, "2026-05-02")
	if section(d, "New in the pack") != "" {
		t.Errorf("nothing changed, yet: %s", section(d, "New in the pack"))
	}
	// The pack is upgraded: one fact's text changes.
	fp := dg.KB.Fingerprints()
	fp["fnf-chitral-attack"] = "changed"
	if _, err := store.SyncPack(ctx, fp, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	d, _ = dg.Compose(ctx, k, "2026-05-02")
	if !strings.Contains(section(d, "New in the pack"), "Chitral") {
		t.Errorf("new in the pack = %q, want the changed Chitral fact", section(d, "New in the pack"))
	}
}

func section(d bot.Digest, heading string) string {
	for _, s := range d.Sections {
		if strings.HasPrefix(s.Heading, heading) {
			return strings.Join(s.Lines, "\n")
		}
	}
	return ""
}

func mustSend(t *testing.T, s bot.Store, k bot.ChannelKey, date string, now time.Time) {
	t.Helper()
	ctx := context.Background()
	if r, err := s.Claim(ctx, k, date, "test", now, time.Minute); err != nil || r != bot.ClaimWon {
		t.Fatalf("claim %s: %v %v", date, r, err)
	}
	if err := s.MarkSent(ctx, k, date, "test", "m-"+date, now); err != nil {
		t.Fatal(err)
	}
}

// TestOnThisDayFallsBack: a date on which nothing happened in earlier
// years gets the same week, then the same month, under a heading that
// says which; a date with an anniversary keeps "On this day".
func TestOnThisDayFallsBack(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ date, heading, want string }{
		{"2025-09-05", knowledge.ScopeDay, "5 September 2023"},
		{"2025-01-15", knowledge.ScopeWeek, "13 January"},
		{"2025-12-04", knowledge.ScopeMonth, "December"},
	} {
		d, err := digester(t, nil).Compose(ctx, bot.ChannelKey{}, tc.date)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Sections) == 0 || d.Sections[0].Heading != tc.heading || !strings.Contains(strings.Join(d.Sections[0].Lines, " "), tc.want) {
			t.Errorf("%s: first section %+v, want %q with %q", tc.date, d.Sections[0], tc.heading, tc.want)
		}
	}
}

// TestFocusOnAPersonSaysAsOfWhen: a focus on a person whom the sources show
// in a post opens with that post, saying as of when it was held.
func TestFocusOnAPersonSaysAsOfWhen(t *testing.T) {
	ctx := context.Background()
	dg := digester(t, nil)
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 400 {
		d, err := dg.Compose(ctx, bot.ChannelKey{}, day.AddDate(0, 0, i).Format(time.DateOnly))
		if err != nil {
			t.Fatal(err)
		}
		for _, sec := range d.Sections {
			name, ok := strings.CutPrefix(sec.Heading, "Focus: ")
			if !ok || name != "Asif Durrani" {
				continue
			}
			if len(sec.Lines) == 0 || !strings.Contains(sec.Lines[0], "Asif Durrani") || !strings.Contains(sec.Lines[0], "(as of 25 September 2023)") {
				t.Errorf("focus on Asif Durrani: %q, want his post as of 25 September 2023 first", sec.Lines)
			}
			return
		}
	}
	t.Fatal("no focus on Asif Durrani in 400 days of digests")
}
