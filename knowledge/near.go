package knowledge

// Nearness: what the pack holds closest to a question, for curators
// deciding what to add for a question durand could not answer well.

import "strings"

// Near is what the pack holds closest to a question: the entities it
// names, what it asks, and the facts the ranking puts nearest it. A
// curator attaches an alias, an alternate question or a fact to these.
type Near struct {
	Intent   Intent
	Entities []string // the linked entities' ids, in the question's order, each once
	Facts    []string // the nearest facts' ids, best first
	// Edits is how many letters the question's words were corrected by
	// to read it: a wording with none is the cleaner to show.
	Edits int
}

// nearMinChance is the least chance, as the ranking gives it, that a fact
// answers the question for it to count as near: below it, facts share only
// a common word with the question and would send a curator astray.
const nearMinChance = 0.01

// Near returns what the pack holds closest to question: its linked
// entities, its intent and the ids of up to n facts the ranking puts
// nearest it. It answers nothing and changes nothing.
func (b *Base) Near(question string, n int) Near {
	norm := Normalize(question)
	var near Near
	if strings.TrimSpace(norm) == "" {
		return near
	}
	q := b.parse(norm)
	defer b.idx.release(q)
	near.Intent, near.Edits = q.intent, q.edits
	seen := map[string]bool{}
	for _, l := range q.links {
		for _, e := range l.entities {
			if !seen[e.ID] {
				seen[e.ID] = true
				near.Entities = append(near.Entities, e.ID)
			}
		}
	}
	if n <= 0 {
		return near
	}
	for _, s := range b.rank(q) {
		if len(near.Facts) == n || s.score < nearMinChance*rerankScale {
			break
		}
		near.Facts = append(near.Facts, b.facts[s.fact].ID)
	}
	return near
}

// EditDistance is the number of single-letter insertions, deletions,
// substitutions and swaps of adjacent letters that turn a into b (the
// optimal-string-alignment distance the speller uses). Its work grows with
// the product of the lengths: callers bound them.
func EditDistance(a, b string) int {
	return osaDistance(a, b)
}
