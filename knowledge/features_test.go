package knowledge

import "testing"

// TestNamedOnlyWithin: a place a fact names only inside another entity's
// name is no place the fact says anything happened.
func TestNamedOnlyWithin(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		fact, entity string
		want         bool
	}{
		{"fnf-ttp-45-attacks-december-2021", "pakistan", true}, // only in "Tehrik-e-Taliban Pakistan"
		{"recal-attack-locations", "balochistan", false},
		{"recal-attack-locations", "pakistan", false},     // "attacks in Pakistan"
		{"fnf-durrani-muttaqi-meeting", "pakistan", true}, // only in "Pakistan's special representative"
		{"fnf-chitral-northernmost", "pakistan", false},   // "Pakistan's northernmost district" says where Chitral is
	} {
		f, ok := b.Fact(tc.fact)
		e := b.entityByID[tc.entity]
		if !ok || e == nil {
			t.Fatalf("no fact %s or entity %s", tc.fact, tc.entity)
		}
		if got := b.namedOnlyWithin(f, e); got != tc.want {
			t.Errorf("namedOnlyWithin(%s, %s) = %v, want %v", tc.fact, tc.entity, got, tc.want)
		}
	}
}

// TestOwnStems: a word the stemmer would take to another of another
// meaning keeps its own stem, and the pack reads it so.
func TestOwnStems(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct{ word, other string }{
		{"authority", "author"},
		{"authorities", "authors"},
	} {
		if b.idx.stem(tc.word) == b.idx.stem(tc.other) {
			t.Errorf("%q and %q share the stem %q", tc.word, tc.other, b.idx.stem(tc.word))
		}
	}
}

// TestTextNamesYear: a text names a year it gives, or a decade the year
// falls in; not a year of another decade, nor one outside the span.
func TestTextNamesYear(t *testing.T) {
	for _, tc := range []struct {
		text     string
		from, to int
		want     bool
	}{
		{"Pakistan backed the emerging Afghan Taliban in the 1990s", 1996, 1996, true},
		{"Pakistan backed the emerging Afghan Taliban in the 1990s", 1990, 1999, true},
		{"Pakistan backed the emerging Afghan Taliban in the 1990s", 2001, 2001, false},
		{"Pakistan backed the emerging Afghan Taliban in the 1990s", 1985, 1992, true}, // the span reaches into the decade
		{"the Taliban took Kabul in 1996", 1996, 1996, true},
		{"the Taliban took Kabul in 1996", 1995, 1995, false},
		{"in the 1980s millions fled", 1996, 1996, false},
	} {
		if got := textNamesYear(tc.text, tc.from, tc.to); got != tc.want {
			t.Errorf("textNamesYear(%q, %d, %d) = %v, want %v", tc.text, tc.from, tc.to, got, tc.want)
		}
	}
}
