package knowledge

// Ranking: each candidate's features and hand score, and the fitted
// models (weights.json) that order candidates and say how likely the best
// one is right.

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"slices"
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
	x := make([]float64, 0, len(rankFeatureNames)) // one buffer for all: prob keeps nothing of it
	for k := range items {
		x = appendRankInputs(x[:0], items[k].feat)
		items[k].score = rerankScale * m.prob(x)
	}
	sort.SliceStable(items, func(i, j int) bool { return better(&items[i], &items[j]) })
}

// rerankScale maps the ranking model's chance onto the hand score's range.
const rerankScale = 10

// score judges how well fact i answers q: its features, combined by the
// hand model into a ranking score and a confidence.
func (b *Base) score(q *query, i int) scored {
	ft := b.features(q, i)
	h := &b.idx.models.Hand
	ft.HandConf = h.conf(&ft)
	ft.Score = h.score(&ft)
	return scored{fact: i, score: ft.Score, conf: ft.HandConf, cov: ft.Cov, feat: ft}
}

// textNamesYear reports whether text names a year from..to, or a decade
// one of them falls in: "in the 1990s" names 1996, as it does the 1990s.
func textNamesYear(text string, from, to int) bool {
	var buf [24]byte // a year's digits, and an "s": written here, not allocated per year
	for y := from; y <= to && y-from < 20; y++ {
		if strings.Contains(text, string(strconv.AppendInt(buf[:0], int64(y), 10))) {
			return true
		}
		if (y == from || y%10 == 0) && strings.Contains(text, string(append(strconv.AppendInt(buf[:0], int64(y/10*10), 10), 's'))) {
			return true
		}
	}
	return false
}

// coveredEntities reports whether fact f mentions every entity the
// question names, broad ones included, and the question names at least one.
func coveredEntities(q *query, b *Base, f *Fact, i int) bool {
	for _, l := range q.links {
		if !b.mentions(f, i, l.entities) {
			return false
		}
	}
	return len(q.links) > 0
}

// mentions reports whether fact f (number i) is about one of es: it names
// the entity, or its text uses one of the entity's names.
func (b *Base) mentions(f *Fact, i int, es []*Entity) bool {
	for _, e := range es {
		if contains(f.Entities, e.ID) {
			return true
		}
		for _, name := range b.idx.nameStems[e.ID] {
			all := true
			for _, s := range name {
				if b.idx.tf(i, s) == 0 {
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

// bm25Fact is the BM25 score of fact i for the question's words: each
// word's share (unit.bm25) and each link's (linkBM25).
func (b *Base) bm25Fact(q *query, i int) float64 {
	ix := b.idx
	s := 0.0
	for k := range q.units {
		if u := &q.units[k]; u.link == nil && u.bm25 != nil {
			s += u.bm25[i]
		}
	}
	for n := range q.links {
		s += q.linkBM25(ix, n)[i]
	}
	return s
}

// linkBM25 returns, per fact, what the question's link number n adds to
// its BM25 score: the name's words as the question spells them; or, for a
// fact using none of them (named by a misspelling or another alias), the
// fact's own words for the first of the link's entities it uses. Worked out
// from the terms' postings the first time a fact is scored, then kept.
func (q *query) linkBM25(ix *index, n int) []float64 {
	if len(q.linkScores) != len(q.links) {
		q.linkScores = make([][]float64, len(q.links))
	}
	if q.linkScores[n] != nil {
		return q.linkScores[n]
	}
	l := &q.links[n]
	found := ix.perFact(q)
	for j := l.start; j < l.end; j++ {
		t := q.fixedTerms[j]
		for _, p := range ix.termPostings[t.no] {
			found[p.fact] += t.idf * ix.bm25tf(p.tf, p.fact)
		}
	}
	var own []float64 // one entity's own words' score, for the facts found has none for
	d := ix.scratch(q)
	touched := d.facts[:0] // the facts own scores, in the order first scored
	for _, e := range l.entities {
		ts := ix.mainTerms[e.ID]
		if len(ts) == 0 {
			continue
		}
		if own == nil {
			own = ix.perFact(q)
		}
		from := len(touched)
		for _, t := range ts {
			for _, p := range ix.termPostings[t.no] {
				if found[p.fact] == 0 {
					if own[p.fact] == 0 {
						touched = append(touched, p.fact)
					}
					own[p.fact] += t.idf * ix.bm25tf(p.tf, p.fact)
				}
			}
		}
		for _, f := range touched[from:] {
			if v := own[f]; v > 0 && found[f] == 0 {
				found[f] = -v // marked: taken from an entity's words, not to be added to by the next
			}
			own[f] = 0 // cleared for the next entity
		}
	}
	for _, f := range touched {
		if v := found[f]; v < 0 {
			found[f] = -v
		}
	}
	d.facts = touched
	q.linkScores[n] = found
	return found
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

// termCredit is how far fact i's terms cover a question word: fully when
// it uses the word's stem or a synonym, mostly when it uses a longer or
// shorter form the stemmer did not join (depends, dependent), partly when
// it uses a word WordNet relates to it. The kinds of credit are looked up
// per fact once per question (see creditByFact), not per candidate.
func termCredit(i int, u *unit) float64 {
	if u.credit == nil {
		return 0
	}
	switch u.credit[i] {
	case creditFull:
		return 1
	case creditNear:
		return nearCredit
	case creditRelated:
		return u.relCredit
	}
	return 0
}

// The kinds of credit a fact earns for a question word, best last.
const (
	creditNone uint8 = iota
	creditRelated
	creditNear
	creditFull
)

// creditByFact returns, per fact, the best kind of credit it earns for
// word u: from the postings of the word's stems and synonyms, its other
// forms and its related words.
func (ix *index) creditByFact(q *query, u *unit) []uint8 {
	out := ix.scratch(q).credits.take(len(ix.docLen))
	mark := func(stems []string, c uint8) {
		for _, s := range stems {
			for _, p := range ix.postings[s] {
				out[p.fact] = max(out[p.fact], c)
			}
		}
	}
	mark(u.related, creditRelated)
	mark(u.near, creditNear)
	for _, s := range u.inFacts {
		for _, p := range ix.postings[s.stem] {
			out[p.fact] = creditFull
		}
	}
	return out
}

// bm25ByFact returns, per fact, what word u adds to the fact's BM25 score:
// for the first of the word's stems and synonyms in u.inFacts that the
// fact uses, its idf times the saturated count, halved for a synonym. It
// is what bm25Fact would work out fact by fact, from the stems' postings
// once per question; nil when no fact uses the word.
func (ix *index) bm25ByFact(q *query, u *unit) []float64 {
	if len(u.inFacts) == 0 {
		return nil
	}
	out := ix.perFact(q)
	for _, fs := range u.inFacts {
		for _, p := range ix.postings[fs.stem] {
			if out[p.fact] != 0 {
				continue // an earlier stem of the word counted (every score is positive)
			}
			w := fs.idf * ix.bm25tf(p.tf, p.fact)
			if fs.j > 0 {
				w /= 2
			}
			out[p.fact] = w
		}
	}
	return out
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
	return b.namesUnasked(q, f, func(e *Entity) bool { return e.Kind == KindPerson || groups && (isBody(e) || e.Pronoun == "they") })
}

// namesBody reports whether fact f names an organisation or group the
// question does not.
func (b *Base) namesBody(q *query, f *Fact) bool {
	return b.namesUnasked(q, f, isBody)
}

// namesUnasked reports whether fact f names an entity the question does
// not link and keep accepts.
func (b *Base) namesUnasked(q *query, f *Fact, keep func(*Entity) bool) bool {
	es := b.idx.factEnts[b.idx.factIndex[f]]
	for k, id := range f.Entities {
		if e := es[k]; e != nil && !q.linked(id) && keep(e) {
			return true
		}
	}
	return false
}

// isBody reports whether e is an organisation or group.
func isBody(e *Entity) bool { return e.Kind == KindGroup || e.Kind == KindOrganisation }

// hasFigure reports whether a fact states a figure: a number that is not
// part of a date.
func hasFigure(f *Fact) bool {
	return len(f.Numbers) > 0 || len(figures(f.textWords())) > 0
}

// figures returns the positions of the words in toks that state a figure:
// a number that is not part of a date, or a word such as "million".
func figures(toks []string) []int {
	var out []int
	for i, t := range toks {
		if t[0] >= '0' && t[0] <= '9' {
			_, isYear := year(t)
			isDay := i+1 < len(toks) && monthByName[toks[i+1]] > 0 || i > 0 && monthByName[toks[i-1]] > 0
			isLabel := i > 0 && labelNouns[toks[i-1]] // "Recommendation 7" numbers, not counts
			if !isYear && !isDay && !isLabel {
				out = append(out, i)
			}
			continue
		}
		switch t {
		case "million", "thousand", "hundred", "thousands", "hundreds", "dozens", "percent", "half":
			out = append(out, i)
		default:
			if figureWords[t] {
				out = append(out, i) // "six key factors", "eleven recommendations"
			}
		}
	}
	return out
}

// labelNouns, before a number, make it a label: "Recommendation 7",
// "chapter 5", "resolution 2593" name one thing rather than count many.
var labelNouns = setOf("recommendation chapter section article clause paragraph para page annex appendix table figure item resolution step")

// statesDuration reports whether toks say how long something lasted: a
// unit of time after a figure, a vague quantity or "for" ("for several
// days", "two decades", "40 years").
func statesDuration(toks []string) bool {
	for i := 1; i < len(toks); i++ {
		if durationUnits[toks[i]] {
			p := toks[i-1]
			if p[0] >= '0' && p[0] <= '9' || figureWords[p] || vagueWords[p] || p == "for" {
				return true
			}
		}
	}
	return false
}

// statesSizeInWords reports whether toks say in words, with no figure, how
// large a force or a presence is: "little presence", "hardly any
// fighters", "a handful of members". That answers "how strong is the NRF".
func statesSizeInWords(toks []string) bool {
	for i := 1; i < len(toks); i++ {
		if !sizedNouns[toks[i]] {
			continue
		}
		if p := toks[i-1]; sizeWords[p] || p == "any" && i >= 2 && sizeWords[toks[i-2]] || p == "of" && i >= 2 && sizeWords[toks[i-2]] {
			return true
		}
	}
	return false
}

// sizedNouns are what a force's size is told in; sizeWords tell it without
// a figure.
var (
	sizedNouns = setOf(`presence fighters members militants cadres support following`)
	sizeWords  = setOf(`little hardly few handful negligible minimal scant limited sizeable sizable significant considerable strong`)
)

// durationUnits are the units a duration is given in.
var durationUnits = setOf(`hour hours day days week weeks month months year years decade decades`)

// figureWords are numbers written as words. "One" is left out: "one of the
// leaders" states no figure.
var figureWords = setOf(`two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
	sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen`)

// countedStems returns the stems of what fact f counts: the words around
// each of its figures ("294 attacks", "4,000 to 6,000 fighters", "killed
// 141"), and the units of its parsed numbers.
func (ix *index) countedStems(f *Fact, byID map[string]*Entity) map[string]bool {
	out := map[string]bool{}
	toks := f.textWords()
	inName := ix.inLongNames(f, toks, byID)
	for _, p := range figures(toks) {
		for k := max(p-countedBefore, 0); k < len(toks) && k <= p+countedReach; k++ {
			if inName[k] {
				continue // "200 Tehreek-e-Taliban Pakistan cadres" count no Pakistanis
			}
			st := ix.stem(toks[k])
			if k > p && modifies(toks, k) {
				out[st] = out[st] // "65 militant attacks" counts attacks, not militants
			} else {
				out[st] = true
			}
			if k > 0 {
				out[ix.stem(toks[k-1]+toks[k])] = true // "sub-factions" counts subfactions
			}
		}
	}
	for _, n := range f.Numbers {
		toks := tokenize(n.Unit)
		for k, t := range toks {
			if st := ix.stem(t); modifies(toks, k) {
				out[st] = out[st]
			} else {
				out[st] = true
			}
		}
	}
	return out
}

// inLongNames marks the tokens of toks that spell a name of two or more
// words of one of fact f's entities that act: a group, an organisation or
// a person. (A concept's name may be what is counted: "880,000 Afghan
// Citizen Cards".)
func (ix *index) inLongNames(f *Fact, toks []string, byID map[string]*Entity) []bool {
	out := make([]bool, len(toks))
	var at []int // positions of the words that are not stop words
	var stems []string
	for k, t := range toks {
		if !ix.stop[t] {
			at = append(at, k)
			stems = append(stems, ix.stem(t))
		}
	}
	for _, id := range f.Entities {
		if e := byID[id]; e == nil || e.Kind != KindGroup && e.Kind != KindOrganisation && e.Kind != KindPerson {
			continue
		}
		for _, name := range ix.nameStems[id] {
			if len(name) < 2 {
				continue
			}
			for j := 0; j+len(name) <= len(stems); j++ {
				if slices.Equal(stems[j:j+len(name)], name) {
					for k := at[j]; k <= at[j+len(name)-1]; k++ {
						out[k] = true
					}
				}
			}
		}
	}
	return out
}

// modifies reports whether toks[k], after a figure, is a singular word
// before a plural noun of events or bodies: "militant" in "65 militant
// attacks", which count attacks, not militants. A question counting the
// plural ("how many militants") is not answered by it; one counting the
// word as it stands ("how many suicide attacks") still is. Before a noun
// of people the word is theirs: "880,000 Afghan refugees" are Afghans.
func modifies(toks []string, k int) bool {
	return k+1 < len(toks) && !plural(toks[k]) && countNouns[toks[k+1]]
}

// countNouns are plural nouns of events and bodies, which a word before
// them describes but does not count.
var countNouns = setOf(`attacks assaults incidents bombings blasts strikes airstrikes raids operations clashes factions groups
	outfits organisations organizations`)

// plural reports whether word w looks like a plural noun: ending in s, not
// ss.
func plural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// countedReach is how many words after a figure may name what it counts:
// "1.7 million undocumented Afghans"; countedBefore, how many before it:
// "killed at least 59".
const (
	countedReach  = 4
	countedBefore = 3
)

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

	// whole holds, per input, part(i, v) for the whole values v below
	// wholeParts, worked out once the weights are loaded (keepWhole): most
	// inputs are signs, whose parts are then read, not worked out with a
	// division per candidate. Nil for a model built in code.
	whole [][wholeParts]float64
}

// wholeParts is how many whole values, from 0, logistic.whole keeps each
// input's part for: a sign's values (signWhenPrecision's reach 3).
const wholeParts = 4

// keepWhole works out m.whole from m's weights.
func (m *logistic) keepWhole() {
	m.whole = make([][wholeParts]float64, len(m.Weights))
	for i := range m.whole {
		for v := range wholeParts {
			m.whole[i][v] = m.part(i, float64(v))
		}
	}
}

// models are the weights of ranking and confidence: the hand model, and
// the two models fitted on top of it.
type models struct {
	Hand       handModel `json:"hand"`
	Rank       logistic  `json:"rank"`
	Confidence boosted   `json:"confidence"`
	Timeline   measured  `json:"timeline"`
	// FollowUp recalibrates the confidence of an answer to a follow-up
	// read against a conversation ("why?" as "why did Pakistan close
	// Torkham"): the reading adds doubt the single-question model does not
	// see. Its one input is the log-odds of that model's chance.
	FollowUp *logistic `json:"follow_up,omitempty"`
	// Reading weighs the readings of a follow-up against the one answerIn's
	// rules chose, by their answers (see readings.go): the chance that
	// each is right.
	Reading *boosted `json:"reading,omitempty"`
}

// followUpFeatures are the inputs of the follow-up recalibration.
var followUpFeatures = []string{"logit_confidence"}

// measured is how often a timeline answer (dated facts in order, not the
// ranked best fact) is right on the labelled sets: its confidence. Zero
// when not measured.
type measured struct {
	Share    float64 `json:"share,omitempty"`
	Command  string  `json:"command,omitempty"`   // how to measure it again
	FittedOn string  `json:"fitted_on,omitempty"` // what it was measured on
}

// handModel is the hand-set scoring that the fitted models build on, kept
// as data: a ranking score that adds up weighted features, and a
// confidence that scales the coverage down by a factor per sign against
// the fact. Its weights were set by hand on the public dev set and our own
// set; the fitted models reweigh its outputs.
type handModel struct {
	Cov   float64            `json:"cov"`   // score per unit of coverage
	BM25  float64            `json:"bm25"`  // score per unit of BM25
	Conf  float64            `json:"conf"`  // score per unit of the hand confidence
	Score map[string]float64 `json:"score"` // score added per sign (times its value)

	ConfFactor   map[string]float64 `json:"conf_factor"`   // confidence multiplied by this when the sign is present
	MissedEntity float64            `json:"missed_entity"` // confidence kept per specific entity the fact does not mention
	ListFloor    float64            `json:"list_floor"`    // a list of everything the question names: confidence at least ListFloor + ListSlope × coverage
	ListSlope    float64            `json:"list_slope"`
	EditFloor    float64            `json:"edit_floor"` // confidence × max(EditFloor, 1 − EditCost × letters corrected)
	EditCost     float64            `json:"edit_cost"`

	bySign, factor [numSigns]float64 // Score and ConfFactor by sign, resolved at load
}

// resolve checks that every sign the hand model weighs is one the code
// observes, and indexes the weights by sign.
func (h *handModel) resolve() error {
	byName := map[string]sign{}
	for s := range numSigns {
		byName[signInfo[s].name] = s
		h.factor[s] = 1
	}
	for name, w := range h.Score {
		s, ok := byName[name]
		if !ok {
			return fmt.Errorf("hand score: no sign %q", name)
		}
		h.bySign[s] = w
	}
	for name, w := range h.ConfFactor {
		s, ok := byName[name]
		if !ok {
			return fmt.Errorf("hand conf_factor: no sign %q", name)
		}
		h.factor[s] = w
	}
	return nil
}

// conf is the hand model's confidence that the fact answers: its coverage,
// scaled down for each sign against it.
func (h *handModel) conf(ft *features) float64 {
	c := ft.Cov * math.Pow(h.MissedEntity, ft.MissedEntity)
	if ft.Signs[signListCovered] != 0 {
		// The list about the thing named is the answer, however
		// differently the question words it.
		c = max(c, h.ListFloor+h.ListSlope*ft.Cov)
	}
	for m := ft.signed; m != 0; m &= m - 1 {
		c *= h.factor[bits.TrailingZeros64(m)]
	}
	if ft.Edits > 0 {
		c *= math.Max(h.EditFloor, 1-h.EditCost*ft.Edits)
	}
	return c
}

// score is the hand model's ranking score, once conf is known: a fact that
// covers the question but is the wrong kind of answer gives way to one that
// is the right kind.
func (h *handModel) score(ft *features) float64 {
	sc := h.Cov*ft.Cov + h.BM25*ft.BM25
	for m := ft.signed; m != 0; m &= m - 1 { // a sign that is 0 adds 0
		s := bits.TrailingZeros64(m)
		sc += h.bySign[s] * float64(ft.Signs[s])
	}
	return sc + h.Conf*ft.HandConf
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
	if err := m.Hand.resolve(); err != nil {
		return m, fmt.Errorf("weights.json: %w", err)
	}
	m.Rank.keepWhole()
	if m.FollowUp != nil {
		if err := m.FollowUp.check(followUpFeatures); err != nil {
			return m, fmt.Errorf("weights.json: follow_up: %w", err)
		}
		m.FollowUp.keepWhole()
	}
	if m.Reading != nil {
		if err := m.Reading.check(readingFeatures[:]); err != nil {
			return m, fmt.Errorf("weights.json: reading: %w", err)
		}
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
		if k := int(v); m.whole != nil && k >= 0 && k < wholeParts && float64(k) == v {
			z += m.whole[i][k] // part(i, v), worked out at load
		} else {
			z += m.part(i, v)
		}
	}
	return sigmoid(z)
}

// part is what input i with value v adds to the model's log-odds. Scoring
// and explaining both sum these parts, so an explanation is the score.
func (m logistic) part(i int, v float64) float64 {
	return m.Weights[i] * (v - m.Mean[i]) / m.Scale[i]
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
