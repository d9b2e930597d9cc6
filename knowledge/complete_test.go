package knowledge_test

import (
	"strings"
	"testing"
)

func TestComplete(t *testing.T) {
	b := base(t)
	tests := []struct {
		typed string
		want  string // one of the offers must contain this
	}{
		{"", "who is"},
		{"who is asif", "Asif Durrani"},
		{"durr", "Asif Durrani"},
		{"ttp", "TTP"},
		{"torkh", "Torkham"},
		{"mujahed", "Mujahid"}, // a typo the subsequence match cannot forgive
	}
	for _, tt := range tests {
		got := b.Complete(tt.typed, 25)
		if len(got) == 0 || len(got) > 25 {
			t.Errorf("Complete(%q) gave %d offers", tt.typed, len(got))
			continue
		}
		if !strings.Contains(strings.Join(got, "\n"), tt.want) {
			t.Errorf("Complete(%q) = %q, want one containing %q", tt.typed, got, tt.want)
		}
	}
	if got := b.Complete("who", 3); len(got) != 3 {
		t.Errorf("Complete capped at 3 gave %d", len(got))
	}
}
