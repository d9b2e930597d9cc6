package knowledge_test

import (
	"slices"
	"testing"

	"github.com/durandbot/durand/knowledge"
)

// TestNear pins what the pack holds nearest a question: a typo'd and a
// reworded question find what the plain one does, and a question the pack
// does not cover still gets its intent and no entities.
func TestNear(t *testing.T) {
	b := base(t)
	tests := []struct {
		q        string
		intent   knowledge.Intent
		entities []string
		fact     string // among the nearest three, if set
	}{
		{"when did torkham reopen", knowledge.IntentWhen, []string{"torkham"}, "fnf-torkham-closure-september-2023"},
		{"when did torkam reopen", knowledge.IntentWhen, []string{"torkham"}, "fnf-torkham-closure-september-2023"},
		{"when was the torkham crossing opened again", knowledge.IntentWhen, []string{"torkham"}, "fnf-torkham-closure-september-2023"},
		{"what is the durand lin", knowledge.IntentDefine, []string{"durand-line"}, "recal-durand-line-definition"},
		{"who leads the TTP", knowledge.IntentWho, []string{"ttp"}, "fnf-noor-wali-mehsud-role"},
		{"who won the cricket world cup", knowledge.IntentWho, nil, ""},
		{"", knowledge.IntentFact, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			n := b.Near(tt.q, 3)
			if n.Intent != tt.intent || !slices.Equal(n.Entities, tt.entities) {
				t.Errorf("Near(%q) = intent %v, entities %v; want %v, %v", tt.q, n.Intent, n.Entities, tt.intent, tt.entities)
			}
			if len(n.Facts) > 3 {
				t.Errorf("Near(%q, 3) gave %d facts: %v", tt.q, len(n.Facts), n.Facts)
			}
			if tt.fact != "" && !slices.Contains(n.Facts, tt.fact) {
				t.Errorf("Near(%q).Facts = %v, want %s among them", tt.q, n.Facts, tt.fact)
			}
			if tt.q == "" && n.Facts != nil {
				t.Errorf("Near(\"\").Facts = %v, want none", n.Facts)
			}
		})
	}
	if n := b.Near("when did torkham reopen", 0); n.Facts != nil || len(n.Entities) != 1 {
		t.Errorf("Near(q, 0) = %+v, want the entity and no facts", n)
	}
}

// TestNearAnswersNothing checks that asking what is near leaves the
// answer as it was.
func TestNearAnswersNothing(t *testing.T) {
	b := base(t)
	for _, q := range []string{"when did torkham reopen", "who leads the ttp"} {
		before := b.Answer(q)
		b.Near(q, 5)
		if after := b.Answer(q); after.Text() != before.Text() || after.Confidence != before.Confidence {
			t.Errorf("%q: answer changed after Near: %q (%.2f) then %q (%.2f)", q, before.Text(), before.Confidence, after.Text(), after.Confidence)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"torkham", "torkham", 0},
		{"torkham", "torkam", 1},
		{"torkham", "tokrham", 1}, // a swap costs one
		{"durand", "durnad", 1},
		{"kabul", "", 5},
		{"peshawar", "karachi", 7},
		{"pāk", "pak", 1}, // letters, not bytes
	}
	for _, tt := range tests {
		if got := knowledge.EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
