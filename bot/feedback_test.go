package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/durandbot/durand/bot"
)

func TestAnswerRefEncode(t *testing.T) {
	ref := bot.AnswerRef{Question: "how many afghans were deported — «since» 2023?", Facts: []string{"fnf-deportations-total", "bhonsle-por-cards", "x", "y", "z"}, Confidence: 0.876}
	tests := []struct {
		name      string
		max       int
		facts     []string
		question  string
		wantEmpty bool
	}{
		{"room for everything", 2000, ref.Facts[:4], ref.Question, false},
		{"Discord's custom id after a prefix", 60, ref.Facts[:4], "how many a", false},
		{"room for one fact and a little question", 30, ref.Facts[:1], "ho", false},
		{"room for no fact", 8, nil, "ho", false},
		{"no room at all", 4, nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ref.Encode(tt.max)
			if len(s) > tt.max || !utf8.ValidString(s) {
				t.Fatalf("Encode(%d) = %q: %d bytes, valid UTF-8 %v", tt.max, s, len(s), utf8.ValidString(s))
			}
			if tt.wantEmpty {
				if s != "" {
					t.Errorf("Encode(%d) = %q, want empty", tt.max, s)
				}
				return
			}
			got, ok := bot.DecodeAnswerRef(s)
			if !ok {
				t.Fatalf("DecodeAnswerRef(%q) failed", s)
			}
			if got.Confidence != 0.88 || !slices.Equal(got.Facts, tt.facts) || got.Question != tt.question {
				t.Errorf("round trip of %q = %+v, want facts %v and question %q", s, got, tt.facts, tt.question)
			}
		})
	}
	for _, bad := range []string{"", "x|a|q", "2|a|q", "-1|a|q", "0.5", "0.5|a"} {
		if _, ok := bot.DecodeAnswerRef(bad); ok {
			t.Errorf("DecodeAnswerRef(%q) accepted a malformed ref", bad)
		}
	}
}

// TestFeedbackKept: answers carry a ref, declines do not and are kept as
// declined; votes are kept with their comment and without a user id;
// without KeepText no question or comment is stored.
func TestFeedbackKept(t *testing.T) {
	for _, keepText := range []bool{true, false} {
		t.Run(map[bool]string{true: "text kept", false: "DURAND_GAPS=0"}[keepText], func(t *testing.T) {
			ctx := context.Background()
			store := bot.NewMemoryStore()
			now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
			var observed []string
			r := newRouter(t)
			r.SetFeedback(bot.FeedbackSettings{Store: store, KeepText: keepText, Now: func() time.Time { return now },
				Observe: func(p string, rt bot.Rating) { observed = append(observed, p+" "+string(rt)) }})
			m := bot.Message{Platform: "slack", Channel: "C1", User: "U1"}

			m.Text = "who is Asif Durrani"
			ans := r.Handle(ctx, m)
			if ans.Kind != bot.KindAnswer || ans.Answer == nil || len(ans.Answer.Facts) == 0 {
				t.Fatalf("the answer carries no ref: %+v", ans)
			}
			m.Text = "who won the cricket world cup"
			if dec := r.Handle(ctx, m); dec.Kind != bot.KindDecline || dec.Answer != nil {
				t.Fatalf("a decline: %+v", dec)
			}
			m.Text = "help"
			if h := r.Handle(ctx, m); h.Answer != nil {
				t.Errorf("help carries a ref")
			}
			if got := r.Vote(ctx, m, *ans.Answer, bot.RatingDown, "  wrong person "+strings.Repeat("x", 2000)); got.Lead != bot.Thanks {
				t.Errorf("Vote = %q, want %q", got.Lead, bot.Thanks)
			}
			r.Vote(ctx, m, *ans.Answer, bot.RatingUp, "ignored")
			if got := r.Vote(ctx, m, *ans.Answer, "sideways", ""); got.Kind != bot.KindError {
				t.Errorf("a vote with no rating was accepted: %+v", got)
			}

			recs, err := store.FeedbackSince(ctx, time.Time{})
			if err != nil || len(recs) != 3 {
				t.Fatalf("FeedbackSince = %d records, %v; want 3", len(recs), err)
			}
			wantRatings := []bot.Rating{bot.RatingDeclined, bot.RatingDown, bot.RatingUp}
			for i, f := range recs {
				if f.Rating != wantRatings[i] || f.Platform != "slack" || f.Channel != "C1" || !f.Time.Equal(now) {
					t.Errorf("record %d = %+v", i, f)
				}
				if keepText != (f.Question != "") {
					t.Errorf("record %d keeps question %q with KeepText %v", i, f.Question, keepText)
				}
			}
			if keepText {
				if recs[0].Question != "who won the cricket world cup" || recs[1].Question != "who is asif durrani" {
					t.Errorf("questions kept: %q, %q", recs[0].Question, recs[1].Question)
				}
				if c := recs[1].Comment; !strings.HasPrefix(c, "wrong person x") || utf8.RuneCountInString(c) > bot.MaxComment {
					t.Errorf("the 👎 comment kept is %d characters: %.40q…", utf8.RuneCountInString(c), c)
				}
				if recs[2].Comment != "" {
					t.Errorf("a 👍 kept a comment: %q", recs[2].Comment)
				}
			} else if recs[1].Comment != "" {
				t.Errorf("a comment was kept with KeepText off: %q", recs[1].Comment)
			}
			if !slices.Equal(recs[1].Facts, ans.Answer.Facts) || recs[1].Confidence != ans.Answer.Confidence {
				t.Errorf("the vote kept facts %v at %v, want %v at %v", recs[1].Facts, recs[1].Confidence, ans.Answer.Facts, ans.Answer.Confidence)
			}
			if want := []string{"slack declined", "slack down", "slack up"}; !slices.Equal(observed, want) {
				t.Errorf("observed %v, want %v", observed, want)
			}
		})
	}
}
