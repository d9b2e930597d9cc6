package knowledge

import (
	"strings"

	"github.com/sahilm/fuzzy"
)

// Complete offers up to n questions the pack can answer that match what a
// user has typed so far: subsequence matching (sahilm/fuzzy) over
// questions about every entity the pack has facts on. With nothing typed
// it offers the questions about the entities it says most about first.
func (b *Base) Complete(input string, n int) []string {
	if n <= 0 {
		return nil
	}
	input = Normalize(input)
	choices := b.idx.completions
	if input == "" {
		return append([]string(nil), choices[:min(n, len(choices))]...)
	}
	var out []string
	seen := map[string]bool{}
	add := func(s string) bool {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
		return len(out) == n
	}
	// A question that starts with what was typed comes first, then fuzzy
	// matches, best first.
	for _, c := range choices {
		if strings.HasPrefix(strings.ToLower(c), input) && add(c) {
			return out
		}
	}
	for _, m := range fuzzy.FindFrom(input, completionSource(choices)) {
		if add(choices[m.Index]) {
			return out
		}
	}
	// Typos the subsequence match cannot forgive: link what was typed and
	// offer questions about the entities found.
	for _, l := range b.parse(input).links {
		for _, e := range l.entities {
			if len(b.idx.entityFacts[e.ID]) > 0 && add(SuggestQuestion(e)) {
				return out
			}
		}
	}
	return out
}

// completionSource adapts the completion list to sahilm/fuzzy.
type completionSource []string

func (c completionSource) String(i int) string { return strings.ToLower(c[i]) }
func (c completionSource) Len() int            { return len(c) }
