package knowledge

import (
	_ "embed"
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
	"hand_conf", "cov", "text_cov", "alt", "log_bm25", "bm25_share", "missed_entity", "intent_fit", "span_fit", "meta",
	"margin", "runner_up_conf", "unknown_share", "edits", "specific_links", "same_fact_alt",
	"missed_known", "missed_new",
	"asks_who", "asks_when", "asks_how_many", "asks_why", "asks_list", "asks_define", "asks_where",
}

// confInputs builds the confidence model's inputs for a ranked list.
func (b *Base) confInputs(q *query, ranked []scored) []float64 {
	top := ranked[0].feat
	// The margin is over the best candidate that gives another answer:
	// sources that agree on the same thing are no rival to each other.
	margin, runnerUp := marginCap, 0.0
	lead := b.facts[ranked[0].fact]
	for _, s := range ranked[1:] {
		if b.sameAnswer(q, lead, b.facts[s.fact]) {
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
	missedKnown, missedNew := b.missedWords(q, ranked[0].fact)
	bm25Share := 0.0
	if ideal := b.idealBM25(q); ideal > 0 {
		bm25Share = min(top.BM25/ideal, bm25ShareCap)
	}

	return []float64{
		top.HandConf, top.Cov, top.TextCov, top.Alt, math.Log1p(top.BM25), bm25Share, top.MissedEntity, top.IntentFit, top.SpanFit, top.Meta,
		margin, runnerUp, unknownShare, float64(q.edits), specific, agree,
		missedKnown, missedNew,
		b2f(q.intent == IntentWho), b2f(q.intent == IntentWhen), b2f(q.intent == IntentHowMany), b2f(q.intent == IntentWhy),
		b2f(q.intent == IntentList), b2f(q.intent == IntentDefine), b2f(q.intent == IntentWhere),
	}
}

// missedWords returns the shares of the question's weight carried by words
// that fact i covers neither in its text nor in its alternate questions:
// words the pack uses elsewhere (known), and words it never uses (new). A
// known word the answer leaves out is a sign it answers something else
// ("when did Torkham reopen" answered by its closing); a new word may be a
// paraphrase the pack has no word for.
func (b *Base) missedWords(q *query, i int) (known, fresh float64) {
	ix := b.idx
	var total float64
	for _, u := range q.units {
		total += u.weight
		if u.link != nil || termCredit(ix.terms[i], u) > 0 || ix.altCovers(i, u) {
			continue
		}
		if u.known {
			known += u.weight
		} else {
			fresh += u.weight
		}
	}
	if total == 0 {
		return 0, 0
	}
	return known / total, fresh / total
}

// sameAnswer reports whether two facts give q the same answer: the same
// kind of fact about the same subject, two sides of one conflict, or, for
// the intent asked, the same date (when), the same figure (how many), or the
// same place or person the question did not name (where, who).
func (b *Base) sameAnswer(q *query, f, g *Fact) bool {
	if f.Conflict != "" && f.Conflict == g.Conflict {
		return true
	}
	if f.Type == g.Type && len(f.Entities) > 0 && len(g.Entities) > 0 && f.Entities[0] == g.Entities[0] {
		return true
	}
	switch q.intent {
	case IntentWhen:
		return !f.Date.IsZero() && f.Date == g.Date
	case IntentHowMany:
		return len(f.Numbers) > 0 && sameNumbers(f.Numbers, g.Numbers)
	case IntentWhere:
		return b.shareUnasked(q, f, g, KindPlace, KindCrossing)
	case IntentWho:
		return b.shareUnasked(q, f, g, KindPerson)
	}
	return false
}

// shareUnasked reports whether facts f and g both name an entity of one of
// kinds that the question did not name: the answer they share.
func (b *Base) shareUnasked(q *query, f, g *Fact, kinds ...string) bool {
	for _, id := range f.Entities {
		e := b.entityByID[id]
		if e == nil || q.linked(id) || !contains(kinds, e.Kind) || !contains(g.Entities, id) {
			continue
		}
		return true
	}
	return false
}

// bm25ShareCap bounds a fact's BM25 as a share of the ideal: a fact that
// repeats the question's words is no surer an answer for it.
const bm25ShareCap = 1.5

// marginCap bounds the score margin over the runner-up that the confidence
// model sees: past it, a lead is a lead.
const marginCap = 5.0

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

func b2f(v bool) float64 {
	if v {
		return 1
	}
	return 0
}
