package knowledge

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// features describe, by name, how one candidate fact fits a question. The
// ranker and the confidence model combine them with weights; nothing here is
// a weight.
type features struct {
	Cov          float64 // share of the question's weight the fact covers, by text or alternate question
	TextCov      float64 // the same, by the fact's own text only
	Alt          float64 // how well the best alternate question matches
	BM25         float64 // BM25 of the fact for the question's words
	MissedEntity float64 // specific things the question names that the fact does not
	IntentFit    float64 // signs the fact is (+) or is not (−) the kind of answer the intent wants
	SpanFit      float64 // +1 dated in the span asked about, −1 not, 0 no span asked
	Meta         float64 // 1 when the fact is about a document (an abbreviation entry, a caption, a citation)
	HandConf     float64 // the ranker's own confidence rules, before calibration
	Score        float64 // the ranking score
}

// confFeatureNames name, in order, the inputs of the confidence model: the
// best candidate's features and what the question and the runner-up say
// about them.
var confFeatureNames = []string{
	"hand_conf", "cov", "text_cov", "alt", "log_bm25", "missed_entity", "intent_fit", "span_fit", "meta",
	"margin", "runner_up_conf", "unknown_share", "edits", "specific_links", "same_fact_alt",
}

// confInputs builds the confidence model's inputs for a ranked list.
func (b *Base) confInputs(q *query, ranked []scored) []float64 {
	top := ranked[0].feat
	// The margin is over the best candidate that gives another answer:
	// sources that agree on the same thing are no rival to each other.
	margin, runnerUp := marginCap, 0.0
	lead := b.facts[ranked[0].fact]
	for _, s := range ranked[1:] {
		if b.sameAnswer(lead, b.facts[s.fact]) {
			continue
		}
		margin = min(ranked[0].score-s.score, marginCap)
		runnerUp = s.feat.HandConf
		break
	}
	var total, unknown float64
	specific := 0.0
	for _, u := range q.units {
		total += u.weight
		if !u.known {
			unknown += u.weight
		}
		if u.link != nil && !b.idx.broad(u.link.entities[0].ID) {
			specific++
		}
	}
	unknownShare := 0.0
	if total > 0 {
		unknownShare = unknown / total
	}
	// Agreement: the runner-up is another way of saying the same answer.
	agree := 0.0
	if len(ranked) > 1 && b.facts[ranked[0].fact].Conflict != "" && b.facts[ranked[0].fact].Conflict == b.facts[ranked[1].fact].Conflict {
		agree = 1
	}
	return []float64{
		top.HandConf, top.Cov, top.TextCov, top.Alt, math.Log1p(top.BM25), top.MissedEntity, top.IntentFit, top.SpanFit, top.Meta,
		margin, runnerUp, unknownShare, float64(q.edits), specific, agree,
	}
}

// sameAnswer reports whether two facts answer alike: the same kind of fact
// about the same subject, or two sides of one conflict.
func (b *Base) sameAnswer(f, g *Fact) bool {
	if f.Conflict != "" && f.Conflict == g.Conflict {
		return true
	}
	return f.Type == g.Type && len(f.Entities) > 0 && len(g.Entities) > 0 && f.Entities[0] == g.Entities[0]
}

// marginCap bounds the score margin over the runner-up that the confidence
// model sees: past it, a lead is a lead.
const marginCap = 5.0

// logistic is a logistic regression from named inputs to a chance: that a
// candidate is the answer (ranking), or that an answer is right
// (confidence). It is fitted on labelled questions (see fit_test.go) and kept
// as data in weights.json.
type logistic struct {
	Features  []string  `json:"features"`
	Mean      []float64 `json:"mean"`
	Scale     []float64 `json:"scale"`
	Weights   []float64 `json:"weights"`
	Bias      float64   `json:"bias"`
	Threshold float64   `json:"threshold,omitempty"` // answer at or above this chance, decline below
	Command   string    `json:"command"`             // how to refit
	FittedOn  string    `json:"fitted_on"`           // what it was fitted on
	HeldOut   string    `json:"held_out"`            // what it was checked on, and how it did
}

// models are the fitted weights of ranking and confidence.
type models struct {
	Rank       logistic `json:"rank"`
	Confidence logistic `json:"confidence"`
}

//go:embed weights.json
var weightsJSON []byte

// loadModels reads the embedded weights, checking they fit the features this
// code computes.
func loadModels() (models, error) {
	var m models
	if err := json.Unmarshal(weightsJSON, &m); err != nil {
		return m, fmt.Errorf("weights.json: %w", err)
	}
	if err := m.Rank.check(rankFeatureNames); err != nil {
		return m, fmt.Errorf("weights.json: rank: %w", err)
	}
	if err := m.Confidence.check(confFeatureNames); err != nil {
		return m, fmt.Errorf("weights.json: confidence: %w", err)
	}
	return m, nil
}

func (m logistic) check(names []string) error {
	if len(m.Features) != len(names) || len(m.Weights) != len(m.Features) || len(m.Mean) != len(m.Features) || len(m.Scale) != len(m.Features) {
		return fmt.Errorf("has %d features, %d weights; the code computes %d features", len(m.Features), len(m.Weights), len(names))
	}
	for i, name := range names {
		if m.Features[i] != name {
			return fmt.Errorf("feature %d is %q, the code computes %q: refit", i, m.Features[i], name)
		}
	}
	return nil
}

// rankFeatureNames name, in order, the ranking model's inputs for one
// candidate.
var rankFeatureNames = []string{
	"cov", "text_cov", "alt", "log_bm25", "missed_entity", "intent_fit", "span_fit", "meta", "hand_conf", "hand_score",
}

// rankInputs builds the ranking model's inputs for one candidate.
func rankInputs(f features) []float64 {
	return []float64{f.Cov, f.TextCov, f.Alt, math.Log1p(f.BM25), f.MissedEntity, f.IntentFit, f.SpanFit, f.Meta, f.HandConf, f.Score / handScoreScale}
}

// handScoreScale brings the hand-tuned ranking score to about the range of
// the other inputs.
const handScoreScale = 10

// prob is the model's chance that an answer with inputs x is right.
func (m logistic) prob(x []float64) float64 {
	z := m.Bias
	for i, v := range x {
		z += m.Weights[i] * (v - m.Mean[i]) / m.Scale[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// terms returns each input's contribution to the model's log-odds, for
// explanations.
func (m logistic) terms(x []float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = m.Weights[i] * (v - m.Mean[i]) / m.Scale[i]
	}
	return out
}

func b2f(v bool) float64 {
	if v {
		return 1
	}
	return 0
}
