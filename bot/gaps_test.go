package bot_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
)

// gapT0 is the start of the gaps tests' period.
var gapT0 = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// rec is a feedback record for the gaps tests, hours after gapT0.
func rec(hours int, rating bot.Rating, question string) bot.Feedback {
	return bot.Feedback{Time: gapT0.Add(time.Duration(hours) * time.Hour), Platform: "slack", Channel: "C1", Question: question, Rating: rating}
}

// with sets a record's comment, platform and fact ids.
func with(f bot.Feedback, comment, platform string, facts ...string) bot.Feedback {
	f.Comment, f.Platform, f.Facts = comment, platform, facts
	return f
}

// wantGroup is what one group of the report must hold.
type wantGroup struct {
	question string   // the representative wording
	variants []string // the other wordings, in order
	count    int
	declined int
	down     int
}

func gapsOf(t *testing.T, kb *knowledge.Base, recs []bot.Feedback, n int) bot.GapReport {
	t.Helper()
	ctx := context.Background()
	store := bot.NewMemoryStore()
	for _, f := range recs {
		if err := store.AddFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := bot.Gaps(ctx, store, kb, gapT0, gapT0.Add(30*24*time.Hour), n)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestGapsGrouping(t *testing.T) {
	kb, err := packBase()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		kb       *knowledge.Base
		recs     []bot.Feedback
		want     []wantGroup
		untexted int
		up       int
	}{
		{
			name: "a typo and a rewording join the most frequent wording",
			kb:   kb,
			recs: []bot.Feedback{
				rec(1, bot.RatingDeclined, "when did torkham reopen"),
				rec(2, bot.RatingDeclined, "when did torkam reopen"),
				rec(3, bot.RatingDeclined, "when did torkham reopen"),
				rec(4, bot.RatingDown, "when was the torkham crossing opened again"),
			},
			want: []wantGroup{{"when did torkham reopen", []string{"when was the torkham crossing opened again", "when did torkam reopen"}, 4, 3, 1}},
		},
		{
			name: "a typo in a question naming nothing",
			kb:   kb,
			recs: []bot.Feedback{
				rec(1, bot.RatingDeclined, "who won the cricket world cup"),
				rec(2, bot.RatingDeclined, "who won the crikcet world cup"),
				rec(3, bot.RatingDeclined, " who won the  crikcet world cup"),
			},
			want: []wantGroup{{"who won the crikcet world cup", []string{"who won the cricket world cup"}, 3, 3, 0}},
		},
		{
			name: "words nearly the same about different entities stay apart",
			kb:   kb,
			recs: []bot.Feedback{
				rec(1, bot.RatingDeclined, "who leads the isi"),
				rec(2, bot.RatingDeclined, "who leads the iea"),
				rec(3, bot.RatingDeclined, "who leads the isi"),
				rec(4, bot.RatingDown, "what did the isi chief say"),
				rec(5, bot.RatingDeclined, "what did the ttp chief say"),
			},
			want: []wantGroup{
				{"who leads the isi", nil, 2, 2, 0},
				{"what did the ttp chief say", nil, 1, 1, 0},
				{"what did the isi chief say", nil, 1, 0, 1},
				{"who leads the iea", nil, 1, 1, 0},
			},
		},
		{
			name: "the same entity asked in different ways stays apart",
			kb:   kb,
			recs: []bot.Feedback{
				rec(1, bot.RatingDeclined, "who leads the isi"),
				rec(2, bot.RatingDeclined, "what did the isi chief say"),
			},
			want: []wantGroup{
				{"what did the isi chief say", nil, 1, 1, 0},
				{"who leads the isi", nil, 1, 1, 0},
			},
		},
		{
			name: "up votes and records without text are counted, never grouped",
			kb:   kb,
			recs: []bot.Feedback{
				rec(1, bot.RatingUp, "who leads the ttp"),
				rec(2, bot.RatingUp, "who leads the ttp"),
				rec(3, bot.RatingDeclined, ""),
				rec(4, bot.RatingDown, ""),
				rec(5, bot.RatingDown, "who leads the ttp"),
			},
			want:     []wantGroup{{"who leads the ttp", nil, 1, 0, 1}},
			untexted: 2,
			up:       2,
		},
		{
			name: "equally frequent: the most recent wording leads, and the group",
			kb:   kb,
			recs: []bot.Feedback{
				rec(1, bot.RatingDeclined, "who won the cricket world cup"),
				rec(2, bot.RatingDeclined, "who leads the iea"),
				rec(3, bot.RatingDeclined, "who won the crikcet world cup"),
			},
			want: []wantGroup{
				{"who won the crikcet world cup", []string{"who won the cricket world cup"}, 2, 2, 0},
				{"who leads the iea", nil, 1, 1, 0},
			},
		},
		{
			name: "without the pack, only near-identical words join",
			kb:   nil,
			recs: []bot.Feedback{
				rec(1, bot.RatingDeclined, "when did torkham reopen"),
				rec(2, bot.RatingDeclined, "when did torkam reopen"),
				rec(3, bot.RatingDeclined, "when was the torkham crossing opened again"),
			},
			want: []wantGroup{
				{"when did torkam reopen", []string{"when did torkham reopen"}, 2, 2, 0},
				{"when was the torkham crossing opened again", nil, 1, 1, 0},
			},
		},
		{
			name: "short texts are never fuzzy-equal",
			kb:   nil,
			recs: []bot.Feedback{
				rec(1, bot.RatingDeclined, "ttp"),
				rec(2, bot.RatingDeclined, "tlp"),
			},
			want: []wantGroup{{"tlp", nil, 1, 1, 0}, {"ttp", nil, 1, 1, 0}},
		},
		{name: "nothing kept", kb: kb},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := gapsOf(t, tt.kb, tt.recs, 0)
			var got []wantGroup
			for _, g := range rep.Groups {
				got = append(got, wantGroup{g.Question, g.Variants, g.Count, g.Declined, g.Down})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("groups:\n got %v\nwant %v", got, tt.want)
			}
			if rep.Untexted != tt.untexted || rep.Up != tt.up || rep.More != 0 {
				t.Errorf("untexted %d, up %d, more %d; want %d, %d, 0", rep.Untexted, rep.Up, rep.More, tt.untexted, tt.up)
			}
		})
	}
}

// TestGapsGroupDetail: a group's last time, comments, platforms, the facts
// of its 👎'd answers and what the pack holds nearest it; and the cap on
// the number of groups.
func TestGapsGroupDetail(t *testing.T) {
	kb, err := packBase()
	if err != nil {
		t.Fatal(err)
	}
	recs := []bot.Feedback{
		with(rec(1, bot.RatingDown, "when did torkham reopen"), "wrong date", "slack", "fnf-torkham-closure-september-2023"),
		with(rec(2, bot.RatingDown, "when did torkam reopen"), "it reopened in october", "discord", "fnf-torkham-closure-september-2023", "x"),
		with(rec(3, bot.RatingDown, "when did torkham reopen"), "wrong date", "console"),
		with(rec(4, bot.RatingDeclined, "when did torkham reopen"), "", "slack"),
		rec(5, bot.RatingDeclined, "who won the cricket world cup"),
		rec(6, bot.RatingDeclined, "who leads the iea"),
	}
	for i := range 7 {
		recs = append(recs, with(rec(10+i, bot.RatingDown, "when did torkham reopen"), fmt.Sprintf("comment %d", i), "slack"))
	}
	rep := gapsOf(t, kb, recs, 2)
	if len(rep.Groups) != 2 || rep.More != 1 {
		t.Fatalf("%d groups and %d more, want 2 and 1", len(rep.Groups), rep.More)
	}
	g := rep.Groups[0]
	if g.Question != "when did torkham reopen" || g.Count != 11 || g.Declined != 1 || g.Down != 10 {
		t.Errorf("group %q: count %d, declined %d, down %d; want 11, 1, 10", g.Question, g.Count, g.Declined, g.Down)
	}
	if want := gapT0.Add(16 * time.Hour); !g.Last.Equal(want) {
		t.Errorf("last %v, want %v", g.Last, want)
	}
	if want := []string{"comment 6", "comment 5", "comment 4", "comment 3", "comment 2"}; !slices.Equal(g.Comments, want) {
		t.Errorf("comments %q, want %q", g.Comments, want)
	}
	if want := []string{"console", "discord", "slack"}; !slices.Equal(g.Platforms, want) {
		t.Errorf("platforms %v, want %v", g.Platforms, want)
	}
	if want := []string{"fnf-torkham-closure-september-2023", "x"}; !slices.Equal(g.DownFacts, want) {
		t.Errorf("down facts %v, want %v", g.DownFacts, want)
	}
	if g.Near.Intent != knowledge.IntentWhen || !slices.Equal(g.Near.Entities, []string{"torkham"}) || !slices.Contains(g.Near.Facts, "fnf-torkham-closure-september-2023") || len(g.Near.Facts) > 3 {
		t.Errorf("near %+v, want when, torkham and its closure among up to 3 facts", g.Near)
	}
	// Comments older than the five most recent are cut; distinct ones only.
	rep = gapsOf(t, kb, recs[:4], 0)
	if want := []string{"wrong date", "it reopened in october"}; !slices.Equal(rep.Groups[0].Comments, want) {
		t.Errorf("comments %q, want %q", rep.Groups[0].Comments, want)
	}
}

// failingStore fails to read feedback.
type failingStore struct{ bot.Store }

func (failingStore) FeedbackSince(context.Context, time.Time) ([]bot.Feedback, error) {
	return nil, errors.New("disk on fire")
}

func TestGapsStoreError(t *testing.T) {
	_, err := bot.Gaps(context.Background(), failingStore{bot.NewMemoryStore()}, nil, gapT0, gapT0, 0)
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v, want the store's error wrapped", err)
	}
}

// TestGapsCommand: managers see the top of the report in chat; others are
// told who may; without feedback kept, the command says so.
func TestGapsCommand(t *testing.T) {
	ctx := context.Background()
	now := gapT0.Add(24 * time.Hour)
	store := bot.NewMemoryStore()
	for i, q := range []string{"who won the cricket world cup", "what is the capital of france", "how tall is mount everest",
		"what is the price of gold", "who wrote hamlet", "when is the next eclipse", "how do i bake bread", "what is the speed of light",
		"who painted the mona lisa", "where is the eiffel tower", "what is bitcoin worth", "how many moons has jupiter"} {
		store.AddFeedback(ctx, rec(-i, bot.RatingDeclined, q))
	}
	for _, f := range []bot.Feedback{
		rec(1, bot.RatingDeclined, "when did torkham reopen"),
		with(rec(2, bot.RatingDown, "when did torkam reopen"), "wrong date", "discord"),
		rec(3, bot.RatingDeclined, "when did torkham reopen"),
		rec(4, bot.RatingDeclined, ""),
		rec(-40*24, bot.RatingDeclined, "who leads the iea"), // before the 30 days
	} {
		store.AddFeedback(ctx, f)
	}
	r := newRouter(t)
	r.SetFeedback(bot.FeedbackSettings{Store: store, KeepText: true, Now: func() time.Time { return now }})
	hint := "users listed in DURAND_ADMINS"

	resp := r.Handle(ctx, bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: "<@U0> gaps", Curator: true, CuratorHint: hint})
	if resp.Kind != bot.KindInfo || len(resp.Lines) != 11 {
		t.Fatalf("a curator's gaps: kind %v, %d lines, want info with 10 groups and a footer:\n%s", resp.Kind, len(resp.Lines), resp.Text())
	}
	top := resp.Lines[0]
	for _, want := range []string{"3×", "“when did torkham reopen”", "2 declined, 1 👎", "last 1 Nov 15:00 UTC", "near torkham, fnf-torkham-closure-september-2023", "“wrong date”"} {
		if !strings.Contains(top, want) {
			t.Errorf("top line %q lacks %q", top, want)
		}
	}
	if foot := resp.Lines[10]; !strings.Contains(foot, "3 more groups") || !strings.Contains(foot, "1 kept without their text") || !strings.Contains(foot, "durand gaps") {
		t.Errorf("footer %q, want 3 more groups, 1 without text and a pointer to durand gaps", foot)
	}
	if strings.Contains(resp.Text(), "iea") {
		t.Errorf("the report shows a question from before the 30 days:\n%s", resp.Text())
	}

	// A channel manager who is no curator (a Discord DM, a Slack workspace
	// without DURAND_ADMINS) sees nothing of other channels' questions.
	resp = r.Handle(ctx, bot.Message{Platform: "slack", Channel: "C1", User: "U2", Text: "gaps", Manager: true, CuratorHint: hint})
	if resp.Kind != bot.KindInfo || !strings.Contains(resp.Lead, "Only "+hint) || len(resp.Lines) != 0 || strings.Contains(resp.Text(), "torkham") {
		t.Errorf("a non-curator's gaps: %v %q, want a refusal naming %q and nothing of the report", resp.Kind, resp.Text(), hint)
	}

	off := newRouter(t)
	resp = off.Handle(ctx, bot.Message{Platform: "slack", Text: "gaps", Curator: true})
	if resp.Kind != bot.KindInfo || !strings.Contains(resp.Lead, "not kept") {
		t.Errorf("gaps with feedback off: %v %q, want it said that feedback is not kept", resp.Kind, resp.Lead)
	}

	empty := newRouter(t)
	empty.SetFeedback(bot.FeedbackSettings{Store: bot.NewMemoryStore(), KeepText: true})
	resp = empty.Handle(ctx, bot.Message{Platform: "slack", Text: "gaps", Curator: true})
	if resp.Kind != bot.KindInfo || !strings.Contains(resp.Lead, "No declined or 👎 questions") {
		t.Errorf("gaps with nothing kept: %v %q", resp.Kind, resp.Lead)
	}
}

// TestGapsCommandLimited: the report, costly to make, is limited per
// user like changes to a channel's settings.
func TestGapsCommandLimited(t *testing.T) {
	r := newRouter(t)
	r.SetOptions(bot.Options{RatePerMinute: 20, Now: func() time.Time { return gapT0 }})
	r.SetFeedback(bot.FeedbackSettings{Store: bot.NewMemoryStore(), KeepText: true})
	m := bot.Message{Platform: "slack", User: "U1", Text: "gaps", Curator: true}
	var leads []string
	for range 4 {
		leads = append(leads, r.Handle(context.Background(), m).Lead)
	}
	if !strings.Contains(leads[2], "No declined") || !strings.Contains(leads[3], "too often") {
		t.Errorf("four gaps reports in a minute: %q, want the fourth refused", leads)
	}
}

// BenchmarkGaps groups a busy quarter: 2,000 distinct declined wordings.
func BenchmarkGaps(b *testing.B) {
	kb, err := packBase()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	store := bot.NewMemoryStore()
	subjects := []string{"torkham", "the ttp", "the isi", "kabul", "the durand line", "imran khan", "afghan refugees", "the taliban", "chaman", "peshawar"}
	asks := []string{"when did %s reopen in %d", "who leads %s now %d", "how many people in %s in %d", "why did %s matter in %d", "what did %s say in %d"}
	for i := range 2000 {
		q := fmt.Sprintf(asks[i%len(asks)], subjects[(i/len(asks))%len(subjects)], 1990+i/50)
		store.AddFeedback(ctx, rec(i, bot.RatingDeclined, q))
	}
	b.ResetTimer()
	for range b.N {
		if _, err := bot.Gaps(ctx, store, kb, gapT0, gapT0, 10); err != nil {
			b.Fatal(err)
		}
	}
}
