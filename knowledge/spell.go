package knowledge

import (
	"slices"
	"sort"

	"github.com/sahilm/fuzzy"
)

// word is one vocabulary entry: a token seen in the pack.
type word struct {
	freq  int  // occurrences across facts, names and aliases
	alias bool // part of an entity name, abbreviation or alias
}

// speller corrects misspelt question words against the pack's vocabulary.
// Swapped, wrong, missing and extra letters are found through a
// symmetric-deletion index (every vocabulary word is stored under each
// variant with up to two letters deleted), so a lookup costs a handful of
// map probes whatever the vocabulary's size; candidates are then confirmed
// with a Damerau–Levenshtein distance. Prefixes and longer runs of dropped
// letters fall back to sahilm/fuzzy's subsequence matching over the alias
// words that share the first two letters.
type speller struct {
	vocab map[string]*word
	// The deletion index holds, under the hash of each variant of a
	// vocabulary word with up to two letters deleted, the words (as
	// indexes into words) it is a variant of. Two variants may share a
	// hash: every candidate is confirmed by its distance, so a shared one
	// only costs a check. While the index is built it is the map adding;
	// freeze turns it into flat arrays, which take no allocation per hash
	// and are what a snapshot holds: the words under hashes[i] are
	// ids[starts[i]:starts[i+1]].
	adding  map[uint64][]int32
	hashes  []uint64 // sorted
	starts  []int32  // len(hashes)+1 offsets into ids
	ids     []int32
	words   []string
	byHead  map[string][]string // alias words by their first two letters
	longest int                 // letters in the longest vocabulary word
}

// osaStackLetters is the longest word osaDistance compares without
// allocating.
const osaStackLetters = 32

// appendRunes appends the runes of s to dst.
func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// correction is a vocabulary word proposed for a question word.
type correction struct {
	word string
	dist int
}

// isAlias reports whether w is part of a name; a nil word is not.
func (w *word) isAlias() bool { return w != nil && w.alias }

func newSpeller() *speller {
	return &speller{vocab: map[string]*word{}, adding: map[uint64][]int32{}, byHead: map[string][]string{}}
}

// freeze ends adding: the deletion index becomes the flat arrays lookups
// search, in the same order, and no word may be added after.
func (s *speller) freeze() {
	s.hashes = make([]uint64, 0, len(s.adding))
	for h := range s.adding {
		s.hashes = append(s.hashes, h)
	}
	slices.Sort(s.hashes)
	s.starts = make([]int32, 0, len(s.hashes)+1)
	s.ids = s.ids[:0]
	for _, h := range s.hashes {
		s.starts = append(s.starts, int32(len(s.ids)))
		s.ids = append(s.ids, s.adding[h]...)
	}
	s.starts = append(s.starts, int32(len(s.ids)))
	s.adding = nil
}

// variants returns the words (indexes into words) with a deletion variant
// hashed to h.
func (s *speller) variants(h uint64) []int32 {
	if s.adding != nil {
		return s.adding[h]
	}
	i, ok := slices.BinarySearch(s.hashes, h)
	if !ok {
		return nil
	}
	return s.ids[s.starts[i]:s.starts[i+1]]
}

func (s *speller) add(tok string, alias bool) {
	w, ok := s.vocab[tok]
	if !ok {
		w = &word{}
		s.vocab[tok] = w
	}
	w.freq++
	s.longest = max(s.longest, len(tok))
	if alias && !w.alias {
		w.alias = true
		if len(tok) >= 3 {
			h := tok[:2]
			s.byHead[h] = append(s.byHead[h], tok)
		}
	}
	if ok {
		return
	}
	if maxEdits(len(tok)+2) == 0 {
		return
	}
	id := int32(len(s.words))
	s.words = append(s.words, tok)
	for _, h := range deletionHashes(tok, 2, nil) {
		s.adding[h] = append(s.adding[h], id)
	}
}

// maxEdits is how many edits a word of n letters may carry and still be
// corrected.
func maxEdits(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

// deletionHashes appends to buf, and returns, the distinct hashes of the
// strings made by deleting up to n (at most 2) letters from w, w itself
// included; a string of two letters or fewer loses none. The strings are
// hashed as they would be spelt, without being made.
func deletionHashes(w string, n int, buf []uint64) []uint64 {
	out := append(buf[:0], hashSkipping(w, -1, -1))
	if n >= 1 && len(w) > 2 {
		for j := range len(w) {
			out = append(out, hashSkipping(w, j, -1))
		}
	}
	if n >= 2 && len(w) > 3 {
		for j := range len(w) {
			for k := j + 1; k < len(w); k++ {
				out = append(out, hashSkipping(w, j, k))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// hashSkipping is the 64-bit FNV-1a hash of w without its bytes at j and k
// (-1 for none).
func hashSkipping(w string, j, k int) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := range len(w) {
		if i != j && i != k {
			h = (h ^ uint64(w[i])) * prime
		}
	}
	return h
}

// known reports whether tok is a vocabulary word.
func (s *speller) known(tok string) bool {
	_, ok := s.vocab[tok]
	return ok
}

// suggest returns vocabulary words close to tok, nearest first; alias
// words and frequent words win ties.
func (s *speller) suggest(tok string) []correction {
	limit := maxEdits(len(tok))
	// A word longer than every vocabulary word by more than the edits it
	// may carry is near none of them; its deletions, which grow with the
	// cube of its length, are never made.
	if limit == 0 || len(tok) > s.longest+limit || !isWordy(tok) {
		return nil
	}
	seen := map[int32]bool{}
	var out []correction
	for _, h := range deletionHashes(tok, limit, nil) {
		for _, id := range s.variants(h) {
			if seen[id] {
				continue
			}
			seen[id] = true
			cand := s.words[id]
			if dist := osaDistance(tok, cand); dist <= limit && dist <= maxEdits(len(cand)) && (dist < 2 || tok[0] == cand[0]) {
				// (Two edits and another first letter make another word:
				// "chaman" is not "rahman".)
				out = append(out, correction{cand, dist})
			}
		}
	}
	if len(out) == 0 && len(tok) >= 4 {
		out = s.subsequence(tok)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		wa, wb := s.vocab[a.word], s.vocab[b.word]
		if wa.alias != wb.alias {
			return wa.alias
		}
		if wa.freq != wb.freq {
			return wa.freq > wb.freq
		}
		return a.word < b.word
	})
	if len(out) > 4 {
		out = out[:4]
	}
	return out
}

// lengthen proposes, for a three-letter word too short to correct in
// general, the four-letter name words it is missing one letter of ("lin"
// for "line" in "durand lin"). Linking accepts them only inside a longer
// name.
func (s *speller) lengthen(tok string) []correction {
	if len(tok) != lengthenedWord || !isWordy(tok) {
		return nil
	}
	var out []correction
	for _, id := range s.variants(hashSkipping(tok, -1, -1)) {
		if cand := s.words[id]; len(cand) == 4 && s.vocab[cand].isAlias() && osaDistance(tok, cand) == 1 {
			out = append(out, correction{cand, 1})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].word < out[j].word })
	return out
}

// subsequence finds alias words that contain tok's letters in order (a
// prefix such as "durr", or a word with letters dropped such as "mhsud"),
// among the alias words sharing its first two letters.
func (s *speller) subsequence(tok string) []correction {
	bucket := s.byHead[tok[:2]]
	if len(bucket) == 0 {
		return nil
	}
	var out []correction
	for _, m := range fuzzy.Find(tok, bucket) {
		cand := m.Str
		if len(cand) > 2*len(tok)+1 || len(tok)*10 < len(cand)*6 && !prefixMatch(m.MatchedIndexes) {
			continue
		}
		out = append(out, correction{cand, len(cand) - len(tok)})
		if len(out) == 3 {
			break
		}
	}
	return out
}

func prefixMatch(idx []int) bool {
	for i, j := range idx {
		if i != j {
			return false
		}
	}
	return true
}

func isWordy(tok string) bool {
	for _, r := range tok {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// osaDistance is the optimal-string-alignment form of the Damerau–Levenshtein
// distance: insertions, deletions, substitutions and transpositions of
// adjacent letters each cost one.
func osaDistance(a, b string) int {
	// Words are short: their runes and rows fit in buffers on the stack.
	var runes [2][osaStackLetters]rune
	var rows [3][osaStackLetters + 1]int
	ra, rb := appendRunes(runes[0][:0], a), appendRunes(runes[1][:0], b)
	n, m := len(ra), len(rb)
	prev2, prev, cur := rows[0][:0], rows[1][:0], rows[2][:0]
	if m+1 > osaStackLetters+1 {
		prev2, prev, cur = nil, nil, nil
	}
	prev2 = append(prev2, make([]int, m+1)...)
	prev = append(prev, make([]int, m+1)...)
	cur = append(cur, make([]int, m+1)...)
	for j := 0; j <= m; j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		for j := 1; j <= m; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[m]
}
