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
		explainHand(&sb, "    ", s.feat, &b.idx.models.Hand)
		explainModel(&sb, "    ", fmt.Sprintf("rank score %.2f", s.score), rankFeatureNames, rankInputs(s.feat), b.idx.models.Rank)
	}
	if len(ranked) > 0 {
		m := b.idx.models.Confidence
		head := fmt.Sprintf("confidence (answer at %.2f or more)", m.Threshold)
		explainBoosted(&sb, head, b.confInputs(q, ranked), &m)
		if r := b.openAsked(q, ranked); r >= 0 {
			f := b.facts[ranked[r].fact]
			fmt.Fprintf(&sb, "declined: %s leaves it open (open question match %.2f): %s\n", f.ID, b.openMatch(q, ranked[r].fact), f.Open.Part)
		} else if missing := b.missingPart(q, ranked); missing != "" {
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

// explainBoosted prints the confidence model's decision as a tree: the
// chance, then what the trees give before any split, then one child per
// input giving its value and the part its splits add to the log-odds. The
// parts sum to the log-odds.
func explainBoosted(sb *strings.Builder, head string, x []float64, m *boosted) {
	p := m.prob(x)
	bias, parts := m.parts(x)
	fmt.Fprintf(sb, "%s: chance %.3f, log-odds %+.3f\n", head, p, logit(p))
	fmt.Fprintf(sb, "  bias %+.3f\n", bias)
	for i, name := range m.Features {
		fmt.Fprintf(sb, "  %-16s %7.3f → %+.3f\n", name, x[i], parts[i])
	}
}

// explainHand prints the hand model's score and confidence for one
// candidate as trees: one child per feature or sign present, with its value,
// its weight and what it adds (or the factor it scales by).
func explainHand(sb *strings.Builder, indent string, ft features, h *handModel) {
	fmt.Fprintf(sb, "%shand score %.3f\n", indent, ft.Score)
	fmt.Fprintf(sb, "%s  %-22s %6.3f × %+.3f → %+.3f\n", indent, "cov", ft.Cov, h.Cov, h.Cov*ft.Cov)
	fmt.Fprintf(sb, "%s  %-22s %6.3f × %+.3f → %+.3f\n", indent, "bm25", ft.BM25, h.BM25, h.BM25*ft.BM25)
	for s, v := range ft.Signs {
		if v != 0 && h.bySign[s] != 0 {
			fmt.Fprintf(sb, "%s  %-22s %6.3f × %+.3f → %+.3f\n", indent, signInfo[s].name, float64(v), h.bySign[s], h.bySign[s]*float64(v))
		}
	}
	fmt.Fprintf(sb, "%s  %-22s %6.3f × %+.3f → %+.3f\n", indent, "hand_conf", ft.HandConf, h.Conf, h.Conf*ft.HandConf)
	fmt.Fprintf(sb, "%shand confidence %.3f = cov %.3f", indent, ft.HandConf, ft.Cov)
	if ft.MissedEntity > 0 {
		fmt.Fprintf(sb, " × missed_entity %.2f^%.0f", h.MissedEntity, ft.MissedEntity)
	}
	if ft.Signs[signListCovered] != 0 {
		fmt.Fprintf(sb, " (list_covered: at least %.2f + %.2f × cov)", h.ListFloor, h.ListSlope)
	}
	for s, v := range ft.Signs {
		if v != 0 && h.factor[s] != 1 {
			fmt.Fprintf(sb, " × %s %.2f", signInfo[s].name, h.factor[s])
		}
	}
	if ft.Edits > 0 {
		fmt.Fprintf(sb, " × edits %.2f", math.Max(h.EditFloor, 1-h.EditCost*ft.Edits))
	}
	sb.WriteString("\n")
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }
