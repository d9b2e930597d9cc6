package knowledge

import (
	"strings"
	"testing"
)

// TestReadingChoice: follow-ups that the rules' reading leaves declined,
// and another reading, which the reading model prefers, answers. Each row
// is a conversation; the last turn's answer must be given and hold want.
func TestReadingChoice(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		turns []string
		want  string
	}{
		// "why did Iran expel them" is not said; that Iran expelled
		// Afghans as Pakistan did is.
		{[]string{"why did pakistan expel undocumented afghans", "and iran?"}, "Iran"},
		// How strong ISKP is in Panjshir is not said; what ISKP is to the
		// Taliban is.
		{[]string{"what is the national resistance front", "how strong is it in panjshir", "and the iskp?"}, "threat"},
		// What Maas said of nation building is not said; that his remarks
		// on military interventions echoed Lieven is.
		{[]string{"what did anatol lieven say about nation building", "and heiko maas?"}, "military interventions"},
	} {
		var c Context
		var a Answer
		for _, q := range tc.turns {
			a, c = b.AnswerIn(c, q)
		}
		if !a.Answered || !strings.Contains(a.Text(), tc.want) {
			t.Errorf("%q: answered %v, read as %q, want %q in %q", tc.turns, a.Answered, a.Resolved, tc.want, a.Text())
		}
	}
}

// TestLikeliest: another reading is taken only when likelier than the
// rules' by more than readingMargin, and one decline never for another.
func TestLikeliest(t *testing.T) {
	for _, tc := range []struct {
		ps       []float64
		answered []bool
		want     int
	}{
		{[]float64{0.5, 0.9}, []bool{false, true}, 1},
		{[]float64{0.5, 0.5 + readingMargin/2}, []bool{false, true}, 0},
		{[]float64{0.2, 0.9}, []bool{false, false}, 0},
		{[]float64{0.2, 0.9}, []bool{true, false}, 1}, // a decline for an answer likely wrong
		{[]float64{0.3, 0.6, 0.8}, []bool{true, true, true}, 2},
		{[]float64{0.9}, []bool{true}, 0},
	} {
		if got := likeliest(tc.ps, tc.answered); got != tc.want {
			t.Errorf("likeliest(%v, %v) = %d, want %d", tc.ps, tc.answered, got, tc.want)
		}
	}
}

// TestClaimOf: a follow-up asks of what a fact claims, not of its
// source's tag or of a closing detail.
func TestClaimOf(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"After the Chitral attack in September 2023, Pakistan briefly shut the Torkham border crossing, halting movement of people and trade in both directions for several days.",
			"after the Chitral attack in September 2023, Pakistan briefly shut the Torkham border crossing"},
		{"The Durand Line is the international land border between Afghanistan and Pakistan, a border Afghanistan has never recognised, Ghosh notes.",
			"the Durand Line is the international land border between Afghanistan and Pakistan, a border Afghanistan has never recognised"},
		{"Pakistan suffered 294 militant attacks in 2021, a 56 percent increase on 2020, according to figures Ghosh cites.",
			"pakistan suffered 294 militant attacks in 2021, a 56 percent increase on 2020"},
		{"Taliban spokesperson Zabiullah Mujahid denied that Kabul supports the TTP, saying Kabul is not responsible for peace in Pakistan.",
			"taliban spokesperson Zabiullah Mujahid denied that Kabul supports the TTP, saying Kabul is not responsible for peace in Pakistan"},
		{"Fighting began, killing many.", "fighting began, killing many"}, // too short a claim to cut
	} {
		if got := claimOf(tt.text); got != tt.want {
			t.Errorf("claimOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
