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
		fmt.Fprintf(&sb, "%2d. [%s %s] %s\n", i+1, f.Type, f.ID, f.Text)
		explainModel(&sb, "    ", fmt.Sprintf("rank score %.2f", s.score), rankFeatureNames, rankInputs(s.feat), b.idx.models.Rank)
	}
	if len(ranked) > 0 {
		m := b.idx.models.Confidence
		head := fmt.Sprintf("confidence (answer at %.2f or more)", m.Threshold)
		explainModel(&sb, "", head, confFeatureNames, b.confInputs(q, ranked), m)
		if missing := b.missingPart(q, ranked[0].fact); missing != "" {
			fmt.Fprintf(&sb, "declined: the best fact does not say %s\n", missing)
		}
	}
	return sb.String()
}

// explainModel prints a model's decision as a tree: the chance, then one
// child per input giving its value less its mean over the fit, its weight
// and the part it adds to the log-odds. The parts are the very ones the model sums.
func explainModel(sb *strings.Builder, indent, head string, names []string, x []float64, m logistic) {
	fmt.Fprintf(sb, "%s%s: chance %.3f, log-odds %+.3f\n", indent, head, m.prob(x), logit(m.prob(x)))
	fmt.Fprintf(sb, "%s  bias %+.3f\n", indent, m.Bias)
	for i, name := range names {
		fmt.Fprintf(sb, "%s  %-16s (%7.3f − %7.3f) × %+.3f → %+.3f\n", indent, name, x[i], m.Mean[i], m.Weights[i]/m.Scale[i], m.part(i, x[i]))
	}
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }
