package knowledge

import (
	"hash/fnv"
	"slices"
	"testing"
)

// TestDeletionHashes: the hashes deletionHashes makes without spelling the
// strings out are the FNV-1a hashes of the strings made by deleting up to
// n letters, each once.
func TestDeletionHashes(t *testing.T) {
	spelt := func(w string, n int) []uint64 {
		seen := map[string]bool{w: true}
		level := []string{w}
		for range n {
			var next []string
			for _, x := range level {
				if len(x) <= 2 {
					continue
				}
				for j := range x {
					if d := x[:j] + x[j+1:]; !seen[d] {
						seen[d] = true
						next = append(next, d)
					}
				}
			}
			level = next
		}
		var out []uint64
		for d := range seen {
			h := fnv.New64a()
			h.Write([]byte(d))
			out = append(out, h.Sum64())
		}
		slices.Sort(out)
		return out
	}
	for _, w := range []string{"", "a", "ab", "abc", "abcd", "hello", "mississippi", "durrani", "aaaa"} {
		for n := range 3 {
			if got, want := deletionHashes(w, n, nil), spelt(w, n); !slices.Equal(got, want) {
				t.Errorf("deletionHashes(%q, %d): %d hashes, want %d", w, n, len(got), len(want))
			}
		}
	}
}

// TestFunctionWord: a short unknown token one edit off a question or
// function word is read as it; one that drops a letter of a word ("ovr",
// "whee") is read as that word before one that swaps a letter ("our",
// "when"), and a three-letter token only when it drops or swaps letters,
// never when one differs ("sim" is no "him"); and a phrase the corrected word completes is read as the
// lexicon says ("take ovr as" is "become").
func TestFunctionWord(t *testing.T) {
	b := packFromDisk(t)
	for tok, want := range map[string]string{
		"ovr":     "over",
		"whee":    "where",
		"wen":     "when",
		"hav":     "have",
		"durrani": "",    // a name is never replaced
		"teh":     "the", // three letters swapped: the word
		"sim":     "",    // three letters, one other than "him"'s: a word of its own
	} {
		if got := b.idx.functionWord(tok); got != want {
			t.Errorf("functionWord(%q) = %q, want %q", tok, got, want)
		}
	}
	q := b.parse(Normalize("when did noor wali mehsud take ovr as ttp chief"))
	defer b.idx.release(q)
	if !slices.Contains(q.toks, "become") {
		t.Errorf("tokens %q: want 'take ovr as' read as 'become'", q.toks)
	}
}

// TestSuggestKeepsTheFirstLetterAtTwoEdits: a word two edits from a
// vocabulary word is corrected to it only when they start alike ("chaman"
// is another place, not "rahman"); one edit may change any letter.
func TestSuggestKeepsTheFirstLetterAtTwoEdits(t *testing.T) {
	s := newSpeller()
	s.add("rahman", true)
	s.add("durrani", true)
	for _, tc := range []struct {
		tok, want string
	}{
		{"chaman", ""},         // two edits, another first letter
		{"raman", "rahman"},    // one edit
		{"dhurani", "durrani"}, // two edits, the same first letter
		{"burrani", "durrani"}, // one edit, the first letter changed
	} {
		got := ""
		if cs := s.suggest(tc.tok); len(cs) > 0 {
			got = cs[0].word
		}
		if got != tc.want {
			t.Errorf("suggest(%q) = %q, want %q", tc.tok, got, tc.want)
		}
	}
}
