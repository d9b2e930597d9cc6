package knowledge

import (
	"fmt"
	"math"
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
	ranked := b.rank(q)
	for i, s := range ranked {
		if i == n {
			break
		}
		f := b.facts[s.fact]
		fmt.Fprintf(&sb, "%2d. score %.2f conf %.2f cov %.2f [%s %s] %s\n", i+1, s.score, s.conf, s.cov, f.Type, f.ID, f.Text)
		fmt.Fprintf(&sb, "    features: %s\n", explainInputs(rankFeatureNames, rankInputs(s.feat), b.idx.models.Rank))
	}
	if len(ranked) > 0 {
		m := b.idx.models.Confidence
		x := b.confInputs(q, ranked)
		fmt.Fprintf(&sb, "confidence %.2f (answer at %.2f or more), log-odds %+.2f = bias %+.2f + %s\n",
			m.prob(x), m.Threshold, logit(m.prob(x)), m.Bias, explainInputs(confFeatureNames, x, m))
	}
	return sb.String()
}

// explainInputs lists each named input with its value and, after "→", what
// it adds to the model's log-odds: the same products the model sums.
func explainInputs(names []string, x []float64, m logistic) string {
	terms := m.terms(x)
	parts := make([]string, len(names))
	for i, name := range names {
		parts[i] = fmt.Sprintf("%s=%.2f→%+.2f", name, x[i], terms[i])
	}
	return strings.Join(parts, " ")
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }
