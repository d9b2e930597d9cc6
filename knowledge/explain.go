package knowledge

import (
	"fmt"
	"strings"
)

// Explain describes how a question was understood and how the best
// candidate facts scored, for people tuning the pack or the ranking.
func (b *Base) Explain(question string, n int) string {
	q := b.parse(Normalize(question))
	var sb strings.Builder
	fmt.Fprintf(&sb, "normalised: %q\nintent: %s\ntokens: %v\ncorrected: %v (edits %d)\n", q.norm, q.intent, q.toks, q.fixed, q.edits)
	if q.hasSpan {
		fmt.Fprintf(&sb, "span: %v – %v\n", q.from, q.to)
	}
	for _, l := range q.links {
		var ids []string
		for _, e := range l.entities {
			broad := ""
			if b.idx.broad(e.ID) {
				broad = " (broad)"
			}
			ids = append(ids, e.ID+broad)
		}
		fmt.Fprintf(&sb, "link: %q -> %v (edits %d)\n", strings.Join(q.toks[l.start:l.end], " "), ids, l.edits)
	}
	for _, u := range q.units {
		name := strings.Join(u.stems, "|")
		if u.link != nil {
			name = "entity " + u.link.entities[0].ID
		}
		fmt.Fprintf(&sb, "unit: %s weight %.2f known %v\n", name, u.weight, u.known)
	}
	for i, s := range b.rank(q) {
		if i == n {
			break
		}
		f := b.facts[s.fact]
		fmt.Fprintf(&sb, "%2d. score %.2f conf %.2f cov %.2f [%s %s] %s\n", i+1, s.score, s.conf, s.cov, f.Type, f.ID, f.Text)
	}
	return sb.String()
}
