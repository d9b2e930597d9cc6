package knowledge

// Ranking: each candidate's features and hand score, and the fitted
// models (weights.json) that order candidates and say how likely the best
// one is right.

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// rerank orders the kept candidates by the fitted ranking model's chance
// that each is the answer. The score becomes that chance, scaled as the
// hand score was, so "close to the best" keeps its meaning.
func (b *Base) rerank(items []scored) {
	m := b.idx.models.Rank
	if len(m.Weights) == 0 || m.Weights[0] == 0 && m.Bias == 0 {
		return // not fitted: keep the hand order
	}
	for k := range items {
		items[k].score = rerankScale * m.prob(rankInputs(items[k].feat))
	}
	sort.SliceStable(items, func(i, j int) bool { return better(items[i], items[j]) })
}

// rerankScale maps the ranking model's chance onto the hand score's range.
const rerankScale = 10

// score judges how well fact i answers q: how much of the question it
// covers, weighted by how telling each part is, and whether it is the kind
// of fact the intent wants.
func (b *Base) score(q *query, i int) scored {
	ix := b.idx
	f := b.facts[i]
	terms := ix.terms[i]
	var total, covered float64
	missedEntity := 0
	for _, u := range q.units {
		total += u.weight
		if u.link != nil {
			if b.mentions(f, terms, u.link.entities) {
				covered += u.weight
			} else if !ix.broad(u.link.entities[0].ID) {
				missedEntity++
			}
			continue
		}
		covered += u.weight * termCredit(terms, u)
	}
	cov := 1.0
	if total > 0 {
		cov = covered / total
	}
	// An alternate question that matches says the fact answers the question
	// however differently the two are worded.
	textCov, alt := cov, b.altMatch(q, i)
	cov = max(cov, alt)
	spanFit := 0.0
	bm25 := b.bm25Fact(q, i)
	// A specific thing the question names but the fact does not is a sign
	// the fact is about something else.
	conf := cov * math.Pow(b.idx.tune.missedEntity, float64(missedEntity))
	score := 4*cov + 0.25*bm25
	subject := len(f.Entities) > 0 && q.linked(f.Entities[0])
	if q.intent == IntentWho && q.linkedPerson() == nil && len(f.Entities) > 0 {
		// "who leads the NRF": the fact should be about the person who does.
		if e := b.entityByID[f.Entities[0]]; e != nil && e.Kind == KindPerson && !q.linked(e.ID) {
			score += 0.6
		}
	} else if subject {
		score += 0.6
	}
	fit := 0.0 // +1 for each sign the fact is the kind of answer wanted, -1 for each that it is not
	hasPlace := false
	for _, id := range f.Entities {
		if e := b.entityByID[id]; e != nil && (e.Kind == KindPlace || e.Kind == KindCrossing) && !q.linked(id) {
			hasPlace = true
		}
	}
	typeIs := func(ts ...string) bool {
		for _, t := range ts {
			if f.Type == t {
				return true
			}
		}
		return false
	}
	switch q.intent {
	case IntentWho:
		p := q.linkedPerson()
		if q.succession {
			p = nil // "who replaced X" is not answered by X
		}
		switch {
		case p != nil && len(f.Entities) > 0 && f.Entities[0] == p.ID && typeIs(TypeRole):
			score += 2
			fit++
		case p != nil && contains(f.Entities, p.ID):
			score += 0.5
		case p == nil && b.answersWho(q, f):
			// "who leads the NRF": the fact is about the person who does.
			score += 1.5
			fit++
			if typeIs(TypeRole) {
				score += 0.5
			} else if q.personQ && !typeIs(TypeRelation, TypeDefinition) {
				conf *= 0.5 // "the army chief": a fact must say who holds the role
				fit--
			}
		case p == nil && b.namesOther(q, f, !q.personQ):
			conf *= 0.6 // a name in passing, not who holds the role
			fit--
		default:
			conf *= 0.45
			fit--
			score -= 1
		}
	case IntentDefine:
		if typeIs(TypeDefinition) {
			score += 1.5
			fit++
			if subject {
				score += 1
			}
		} else if typeIs(TypeRole, TypeRelation) && subject {
			score += 0.5
		}
	case IntentWhen:
		if f.Date.IsZero() {
			conf *= 0.5
			fit--
			score -= 2
		} else {
			score += 1 + 0.6*float64(f.Date.Precision())
			fit++
		}
	case IntentHowMany:
		if !ix.figure[i] {
			conf *= 0.5
			fit--
			score -= 2
		} else {
			score += 1.5
			fit++
			if typeIs(TypeFigure) || len(f.Numbers) > 0 {
				score += 0.5
			}
		}
	case IntentWhy:
		if typeIs(TypeCause) {
			score += 2
			fit++
		} else if typeIs(TypeEvent, TypeFigure, TypeRole) {
			conf *= 0.7 // says what happened, not why
			fit--
		}
	case IntentList:
		if typeIs(TypeList) {
			score += 3
			fit++
			if missedEntity == 0 && coveredEntities(q, b, f, terms) {
				// The list about the thing named is the answer, however
				// differently the question words it.
				conf = max(conf, 0.6+0.4*cov)
				score += 1.5
			}
		} else {
			conf *= 0.8 // one item, or a sentence about the list, is not the list
			fit--
		}
	case IntentStatement:
		if typeIs(TypeStatement) {
			score += 1.5
			fit++
		}
	case IntentWhere:
		if hasPlace {
			score += 1.2
			fit++
		}
	}
	if q.hasSpan && q.intent != IntentTimeline {
		if f.Date.Overlaps(q.from, q.to) || textNamesYear(f.Text, q.from.Year, q.to.Year) {
			score += 1
			spanFit = 1
		} else {
			spanFit = -1
			conf *= 0.5
			score -= 2
		}
	}
	if f.Meta {
		score -= 0.8 // prefer the event to a report about it
	}
	if ix.docFact[i] && !q.asksDocument && !(q.intent == IntentDefine && f.Cite.Section == "abbreviations") {
		// An abbreviation entry, a spelling note or a caption answers a
		// question about the document, not about the topic.
		score -= docFactPenalty
		fit--
	}
	if q.sourceDoc != "" {
		if f.Cite.Doc == q.sourceDoc {
			score += 1.5
		} else {
			conf *= 0.85 // asked what one source says; another says this
		}
	}
	if q.edits > 0 {
		conf *= math.Max(0.7, 1-0.04*float64(q.edits))
	}
	// Rank by confidence too: a fact that covers the question but is the
	// wrong kind of answer gives way to one that is the right kind.
	score += 3 * conf
	ft := features{Cov: cov, TextCov: textCov, Alt: alt, BM25: bm25, MissedEntity: float64(missedEntity),
		IntentFit: fit, SpanFit: spanFit, Meta: b2f(f.Meta), HandConf: conf, Score: score}
	return scored{fact: i, score: score, conf: conf, cov: cov, feat: ft}
}

// textNamesYear reports whether text names a year from..to, or the decade
// that starts at from when the span is one ("the 1990s").
func textNamesYear(text string, from, to int) bool {
	if from%10 == 0 && to == from+9 && strings.Contains(text, fmt.Sprintf("%ds", from)) {
		return true
	}
	for y := from; y <= to && y-from < 20; y++ {
		if strings.Contains(text, strconv.Itoa(y)) {
			return true
		}
	}
	return false
}

// coveredEntities reports whether fact f mentions every entity the
// question names, broad ones included, and the question names at least one.
func coveredEntities(q *query, b *Base, f *Fact, terms map[string]int) bool {
	for _, l := range q.links {
		if !b.mentions(f, terms, l.entities) {
			return false
		}
	}
	return len(q.links) > 0
}

// mentions reports whether fact f is about one of es: it names the entity,
// or its text uses one of the entity's names.
func (b *Base) mentions(f *Fact, terms map[string]int, es []*Entity) bool {
	for _, e := range es {
		if contains(f.Entities, e.ID) {
			return true
		}
		for _, name := range b.idx.nameStems[e.ID] {
			all := true
			for _, s := range name {
				if terms[s] == 0 {
					all = false
					break
				}
			}
			if all {
				return true
			}
		}
	}
	return false
}

// bm25Fact is the BM25 score of fact i for the question's words.
func (b *Base) bm25Fact(q *query, i int) float64 {
	ix := b.idx
	terms := ix.terms[i]
	s := 0.0
	for _, u := range q.units {
		if u.link != nil {
			continue
		}
		for j, st := range u.stems {
			if tf := terms[st]; tf > 0 {
				w := ix.termIDF(st) * ix.bm25tf(tf, i)
				if j > 0 {
					w /= 2
				}
				s += w
				break
			}
		}
	}
	for _, l := range q.links {
		found := 0.0
		for j := l.start; j < l.end; j++ {
			if st := q.fixedStems[j]; terms[st] > 0 {
				found += ix.termIDF(st) * ix.bm25tf(terms[st], i)
			}
		}
		if found == 0 {
			// Named by a misspelling or another alias: the fact's own
			// words for the entity are the evidence.
			for _, e := range l.entities {
				for _, st := range ix.mainStems[e.ID] {
					if terms[st] > 0 {
						found += ix.termIDF(st) * ix.bm25tf(terms[st], i)
					}
				}
				if found > 0 {
					break
				}
			}
		}
		s += found
	}
	return s
}

// idealBM25 is the BM25 a fact would score that used every word of the
// question once, at average length: the scale against which a fact's BM25
// says how much of the question's wording it shares, whatever the
// question's length.
func (b *Base) idealBM25(q *query) float64 {
	ix := b.idx
	s := 0.0
	for _, u := range q.units {
		if u.link != nil {
			continue
		}
		best := 0.0
		for _, st := range u.stems {
			if len(ix.postings[st]) > 0 {
				best = max(best, ix.termIDF(st))
			}
		}
		s += best
	}
	for _, l := range q.links {
		found := 0.0
		for j := l.start; j < l.end; j++ {
			if st := q.fixedStems[j]; len(ix.postings[st]) > 0 {
				found += ix.termIDF(st)
			}
		}
		if found == 0 && len(l.entities) > 0 {
			for _, st := range ix.mainStems[l.entities[0].ID] {
				if len(ix.postings[st]) > 0 {
					found += ix.termIDF(st)
				}
			}
		}
		s += found
	}
	return s
}

// termCredit is how far a fact's terms cover a question word: fully when it
// uses the word's stem or a synonym, mostly when it uses a longer or shorter
// form the stemmer did not join (depends, dependent).
func termCredit(terms map[string]int, u unit) float64 {
	for _, s := range u.stems {
		if terms[s] > 0 {
			return 1
		}
	}
	for _, s := range u.related {
		if terms[s] > 0 {
			return relatedCredit
		}
	}
	for _, t := range u.near {
		if terms[t] > 0 {
			return nearCredit
		}
	}
	return 0
}

// nearCredit is the credit for a longer or shorter form of a question word
// that the stemmer did not join to it.
const nearCredit = 0.8

// nearForms returns the pack's stems that are likely another form of stem w:
// they share a prefix of at least nearPrefix letters that covers four fifths
// of the shorter word.
func (ix *index) nearForms(w string) []string {
	if len(w) < nearPrefix {
		return nil
	}
	var out []string
	for _, t := range ix.byPrefix[w[:nearPrefix]] {
		if n := commonPrefix(t, w); t != w && n*5 >= min(len(t), len(w))*4 {
			out = append(out, t)
		}
	}
	return out
}

// nearPrefix is the shortest shared prefix that makes two words forms of
// one another.
const nearPrefix = 5

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// answersWho reports whether fact f is about someone the question did not
// name: its subject is a person, or a group when groups may answer.
func (b *Base) answersWho(q *query, f *Fact) bool {
	if len(f.Entities) == 0 || q.linked(f.Entities[0]) {
		return false
	}
	e := b.entityByID[f.Entities[0]]
	if e == nil || f.Type == TypeStatement && e.Kind == KindPerson && !q.asksSpeaker() {
		return false // an analyst's remark names the analyst, not the answer
	}
	return e.Kind == KindPerson || !q.personQ && (e.Kind == KindGroup || e.Kind == KindOrganisation)
}

// namesOther reports whether fact f names a person the question did not
// (the answer to "who leads the NRF"), or, when groups are allowed, a group
// or organisation (the answer to "who attacked Chitral").
func (b *Base) namesOther(q *query, f *Fact, groups bool) bool {
	for _, id := range f.Entities {
		e := b.entityByID[id]
		if e == nil || q.linked(id) {
			continue
		}
		if e.Kind == KindPerson || groups && (e.Kind == KindGroup || e.Kind == KindOrganisation) {
			return true
		}
	}
	return false
}

// hasFigure reports whether a fact states a figure: a number that is not
// part of a date.
func hasFigure(f *Fact) bool {
	if len(f.Numbers) > 0 {
		return true
	}
	toks := tokenize(f.Text)
	for i, t := range toks {
		if t[0] >= '0' && t[0] <= '9' {
			_, isYear := year(t)
			isDay := i+1 < len(toks) && monthByName[toks[i+1]] > 0 || i > 0 && monthByName[toks[i-1]] > 0
			if !isYear && !isDay {
				return true
			}
		}
		switch t {
		case "million", "thousand", "hundred", "thousands", "hundreds", "dozens", "percent", "half":
			return true
		}
	}
	return false
}

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

// prob is the model's chance that an answer with inputs x is right.
func (m logistic) prob(x []float64) float64 {
	z := m.Bias
	for i, v := range x {
		z += m.part(i, v)
	}
	return sigmoid(z)
}

// part is what input i with value v adds to the model's log-odds. Scoring
// and explaining both sum these parts, so an explanation is the score.
func (m logistic) part(i int, v float64) float64 {
	return m.Weights[i] * (v - m.Mean[i]) / m.Scale[i]
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
