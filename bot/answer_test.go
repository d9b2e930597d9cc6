package bot_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/durandbot/durand/bot"
)

// TestAnswerHasNoSideEffects: Router.Answer answers as Handle does, but
// spends no rate limit and keeps no record, of an answer or a decline.
func TestAnswerHasNoSideEffects(t *testing.T) {
	r := newRouter(t)
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	r.SetOptions(bot.Options{RatePerMinute: 1, Now: func() time.Time { return now }})
	store := bot.NewMemoryStore()
	r.SetFeedback(bot.FeedbackSettings{Store: store, KeepText: true})
	for _, q := range []string{"who is asif durrani", "what is the capital of peru", "who is asif durrani"} {
		r.Answer(q)
	}
	if ans := r.Answer("who is asif durrani"); ans.Kind != bot.KindAnswer || ans.Answer == nil {
		t.Fatalf("Answer gave %+v", ans)
	}
	if recs, _ := store.FeedbackSince(context.Background(), time.Time{}); len(recs) != 0 {
		t.Errorf("Answer kept %+v", recs)
	}
	m := bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: "who is asif durrani"}
	got := r.Handle(context.Background(), m)
	if got.Kind != bot.KindAnswer {
		t.Fatalf("Handle after Answer gave %+v: Answer spent the rate limit", got)
	}
	if want := r.Answer(m.Text); !reflect.DeepEqual(got, want) {
		t.Errorf("Handle gave %+v, Answer %+v", got, want)
	}
}
