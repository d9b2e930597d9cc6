package knowledge

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Answer is durand's reply to one question, free of any chat formatting.
type Answer struct {
	Question    string
	Intent      Intent
	Answered    bool
	Lines       []string // the direct answer first, then supporting lines
	More        int      // timeline entries left out
	Facts       []*Fact  // the facts the lines come from, in order
	Sources     []SourceRef
	Confidence  float64
	Suggestions []string // questions the pack can answer, when declining
	Entities    []*Entity
}

// Text is the answer as one paragraph.
func (a Answer) Text() string {
	s := strings.Join(a.Lines, " ")
	if a.More > 0 {
		s += fmt.Sprintf(" …and %d more.", a.More)
	}
	return s
}

// SourceRef names a cited source and the part of it a fact came from.
type SourceRef struct {
	Doc     string // the source id: the document's file name
	Title   string
	Author  string
	Section string // the section's title
}

// DeclineText is what durand says when the pack does not cover a question.
const DeclineText = "The sources I have don't cover that."

// docFactPenalty is taken from the score of a fact about a document (an
// abbreviation entry, a spelling note, a caption, a note on authorship) when
// the question is about the topic rather than the document.
const docFactPenalty = 1.5

// Limits on the size of answers and on the work done per question.
const (
	maxSupport    = 2  // supporting facts after the direct answer
	maxWords      = 48 // a short answer: supporting facts must fit
	timelineCap   = 6
	candidateCap  = 60 // BM25 candidates considered
	postingBudget = 4000
	perEntityCap  = 300 // candidate facts taken from one entity
	timelinePool  = 400 // dated facts considered for one timeline
	rankKeep      = 24  // ranked candidates kept for composing and suggesting
)

// Answer answers a question from the pack. It never guesses: below a
// calibrated confidence it declines and suggests what it can answer.
func (b *Base) Answer(question string) Answer {
	norm := Normalize(question)
	a := Answer{Question: question}
	if strings.TrimSpace(norm) == "" {
		a.Lines = []string{"Ask me a question about Pakistan–Afghanistan relations."}
		a.Suggestions = b.defaultSuggestions()
		return a
	}
	q := b.parse(norm)
	a.Intent = q.intent
	if q.future {
		return b.decline(q, a, nil)
	}
	for _, l := range q.links {
		a.Entities = append(a.Entities, l.entities...)
	}
	if q.intent == IntentTimeline {
		if b.timeline(q, &a) {
			return a
		}
		if q.hasSpan {
			return b.decline(q, a, nil) // nothing dated then: say so, never fill in
		}
	}
	ranked := b.rank(q)
	if len(ranked) == 0 {
		return b.decline(q, a, ranked)
	}
	p := b.idx.models.Confidence.prob(b.confInputs(q, ranked))
	if p < b.idx.models.Confidence.Threshold {
		a = b.decline(q, a, ranked)
		a.Confidence = round2(p)
		b.nearest(q, &a, ranked)
		return a
	}
	b.compose(q, &a, ranked)
	a.Confidence = round2(p)
	return a
}

// scored is a candidate fact with its ranking score and confidence.
type scored struct {
	fact  int
	score float64
	conf  float64
	cov   float64
	feat  features
}

// rank scores the facts the question could be about, best first.
func (b *Base) rank(q *query) []scored {
	ix := b.idx
	cands := map[int]bool{}
	for _, l := range q.links {
		for _, e := range l.entities {
			fs := ix.entityFacts[e.ID]
			if ix.broad(e.ID) || len(fs) > perEntityCap {
				// Too many facts name it; take those that are about it.
				fs = ix.subjectOf[e.ID]
				if len(fs) > perEntityCap {
					fs = fs[:perEntityCap]
				}
			}
			for _, i := range fs {
				cands[i] = true
			}
		}
	}
	for _, s := range b.bm25(q, candidateCap) {
		cands[s.fact] = true
	}
	b.altCandidates(q, cands)
	if q.hasSpan && len(cands) < 400 {
		for _, i := range ix.dated(b, q.from, q.to) {
			if len(cands) > 400 {
				break
			}
			cands[i] = true
		}
	}
	top := newTopK(rankKeep)
	for i := range cands {
		top.add(b.score(q, i))
	}
	b.rerank(top.items)
	return top.items
}

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

// bm25 proposes candidate facts from the question's rarest words. Terms
// are taken rarest first until a budget of postings is spent, so the work
// depends on the rare terms' postings, not on the size of the pack; common
// terms count later, when each candidate is scored in full.
func (b *Base) bm25(q *query, k int) []scored {
	ix := b.idx
	type qterm struct {
		t string
		w float64
	}
	var terms []qterm
	seen := map[string]bool{}
	addTerm := func(t string, w float64) {
		if !seen[t] && len(ix.postings[t]) > 0 {
			seen[t] = true
			terms = append(terms, qterm{t, w})
		}
	}
	for _, u := range q.units {
		if u.link != nil {
			for _, e := range u.link.entities {
				for _, t := range ix.mainStems[e.ID] {
					addTerm(t, 1)
				}
			}
			continue
		}
		for j, s := range u.stems {
			w := 1.0
			if j > 0 {
				w = 0.5
			}
			addTerm(s, w)
		}
		for _, s := range u.related {
			addTerm(s, relatedCredit/2)
		}
	}
	sort.Slice(terms, func(i, j int) bool { return len(ix.postings[terms[i].t]) < len(ix.postings[terms[j].t]) })
	acc := map[int]float64{}
	budget := postingBudget
	for _, qt := range terms {
		ps := ix.postings[qt.t]
		if len(ps) > budget {
			break
		}
		budget -= len(ps)
		idf := ix.idf(len(ps), len(ix.docLen)) * qt.w
		for _, p := range ps {
			acc[p.fact] += idf * ix.bm25tf(p.tf, p.fact)
		}
	}
	top := newTopK(k)
	for f, s := range acc {
		top.add(scored{fact: f, score: s})
	}
	return top.items
}

// topK keeps the k best-scoring candidates seen, best first; ties go to the
// earlier fact so that answers do not depend on map order.
type topK struct {
	k     int
	items []scored
}

func newTopK(k int) *topK { return &topK{k: k, items: make([]scored, 0, k+1)} }

func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.fact < b.fact
}

func (t *topK) add(s scored) {
	n := len(t.items)
	if n == t.k && !better(s, t.items[n-1]) {
		return
	}
	i := sort.Search(n, func(i int) bool { return better(s, t.items[i]) })
	t.items = append(t.items, scored{})
	copy(t.items[i+1:], t.items[i:])
	t.items[i] = s
	if len(t.items) > t.k {
		t.items = t.items[:t.k]
	}
}

func (ix *index) bm25tf(tf, f int) float64 {
	const k1, bb = 1.2, 0.75
	return float64(tf) * (k1 + 1) / (float64(tf) + k1*(1-bb+bb*float64(ix.docLen[f])/ix.avgLen))
}

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
		for j := l.start; j < l.end; j++ {
			if st := q.fixedStems[j]; terms[st] > 0 {
				s += ix.termIDF(st) * ix.bm25tf(terms[st], i)
			}
		}
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

// compose turns the ranked facts into a short answer: the best fact, the
// other sides of any conflict it belongs to, then supporting facts while the
// answer stays short.
func (b *Base) compose(q *query, a *Answer, ranked []scored) {
	lead := b.facts[ranked[0].fact]
	a.Answered = true
	a.Confidence = round2(ranked[0].conf)
	used := []*Fact{lead}
	if c := b.conflictByID[lead.Conflict]; c != nil && c.Kind != "distinct" {
		a.Lines = append(a.Lines, "The sources differ.")
		for _, id := range c.Facts {
			f := b.factByID[id]
			a.Lines = append(a.Lines, b.attributed(f))
			if f != lead {
				used = append(used, f)
			}
		}
		a.Facts = append([]*Fact{lead}, used[1:]...)
		a.Sources = b.sourcesOf(a.Facts)
		return
	}
	a.Lines = []string{withItems(lead)}
	words := wordCount(lead.Text)
	if q.also >= 0 {
		// A second question: its best fact comes first among the support.
		if f := b.bestFor(q, q.also, ranked, used); f != nil {
			used = append(used, f)
			a.Lines = append(a.Lines, f.Text)
			words += wordCount(f.Text)
		}
	}
	limit := maxWords
	if q.intent == IntentWhy {
		limit += 15 // reasons come in several
	}
	for _, s := range ranked[1:] {
		if len(used) > maxSupport || s.conf < b.idx.tune.minConfidence || s.score < ranked[0].score-1.5 {
			break
		}
		f := b.facts[s.fact]
		if words+wordCount(f.Text) > limit || b.redundant(f, used) {
			continue
		}
		if f.Conflict != "" && b.conflictByID[f.Conflict].Kind != "distinct" {
			continue // a conflict is reported whole or not at all
		}
		used = append(used, f)
		a.Lines = append(a.Lines, f.Text)
		words += wordCount(f.Text)
	}
	if c := b.conflictByID[lead.Conflict]; c != nil && c.Kind == "distinct" {
		a.Lines = append(a.Lines, "Not to be confused with the other "+c.Topic[strings.Index(c.Topic, " ")+1:]+".")
	}
	a.Facts = used
	a.Sources = b.sourcesOf(used)
}

// bestFor picks, among the ranked facts, the best one of the kind a second
// intent wants.
func (b *Base) bestFor(q *query, in Intent, ranked []scored, used []*Fact) *Fact {
	want := map[Intent]string{IntentStatement: TypeStatement, IntentWhy: TypeCause, IntentList: TypeList,
		IntentDefine: TypeDefinition, IntentWho: TypeRole}[in]
	for _, s := range ranked[1:] {
		f := b.facts[s.fact]
		if s.conf < b.idx.tune.minConfidence || b.redundant(f, used) {
			continue
		}
		ok := f.Type == want
		switch in {
		case IntentWhen:
			ok = !f.Date.IsZero()
		case IntentHowMany:
			ok = len(f.Numbers) > 0
		}
		if ok {
			return f
		}
	}
	return nil
}

// withItems renders a list fact with its items when its text does not
// already spell them out.
func withItems(f *Fact) string {
	if len(f.Items) == 0 {
		return f.Text
	}
	text := strings.ToLower(f.Text)
	missing := 0
	for _, it := range f.Items {
		if !strings.Contains(text, strings.ToLower(it)) {
			missing++
		}
	}
	if missing*2 < len(f.Items) {
		return f.Text
	}
	items := make([]string, len(f.Items))
	for i, it := range f.Items {
		items[i] = strings.TrimSuffix(strings.TrimSpace(it), ".")
	}
	return strings.TrimSuffix(f.Text, ".") + ": " + strings.Join(items, "; ") + "."
}

// attributed renders a fact with the source it comes from, for conflicts.
func (b *Base) attributed(f *Fact) string {
	return strings.TrimSuffix(f.Text, ".") + " (" + b.sources[f.Cite.Doc].Short() + ")."
}

// Short names a source briefly: its author, or its title when unsigned.
func (s *Source) Short() string {
	if s.Author != "" {
		return s.Author
	}
	return "“" + s.Title + "”"
}

// redundant reports whether f says much the same as one of the facts
// already used.
func (b *Base) redundant(f *Fact, used []*Fact) bool {
	ix := b.idx
	if b.namesSomethingNew(f, used) {
		return false // parallel sentences about different things complement each other
	}
	fi := ix.terms[ix.factIndex[f]]
	for _, u := range used {
		if len(f.Numbers) > 0 && len(u.Numbers) > 0 && !sameNumbers(f.Numbers, u.Numbers) {
			continue // different figures are different answers
		}
		ui := ix.terms[ix.factIndex[u]]
		inter, union := 0, len(ui)
		for t := range fi {
			if ui[t] > 0 {
				inter++
			} else {
				union++
			}
		}
		if union > 0 && float64(inter)/float64(union) > 0.45 {
			return true
		}
	}
	return false
}

// namesSomethingNew reports whether f names a specific (not broad) entity
// that none of the used facts name.
func (b *Base) namesSomethingNew(f *Fact, used []*Fact) bool {
	for _, id := range f.Entities {
		if b.idx.broad(id) {
			continue
		}
		seen := false
		for _, u := range used {
			if contains(u.Entities, id) {
				seen = true
				break
			}
		}
		if !seen {
			return true
		}
	}
	return false
}

func sameNumbers(a, b []Number) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Value == y.Value {
				return true
			}
		}
	}
	return false
}

func (b *Base) sourcesOf(fs []*Fact) []SourceRef {
	var out []SourceRef
	seen := map[string]bool{}
	for _, f := range fs {
		key := f.Cite.Doc + "\x00" + f.Cite.Section
		if seen[key] {
			continue
		}
		seen[key] = true
		s := b.sources[f.Cite.Doc]
		sec, _ := s.Section(f.Cite.Section)
		out = append(out, SourceRef{Doc: s.ID, Title: s.Title, Author: s.Author, Section: sec.Title})
	}
	return out
}

// timeline answers "what happened in September 2023" and "timeline of the
// TTP": dated facts in order, compact, capped. It reports false when it has
// nothing to say, so that ordinary ranking can try.
func (b *Base) timeline(q *query, a *Answer) bool {
	ix := b.idx
	var idxs []int
	var narrow []string
	for _, l := range q.links {
		for _, e := range l.entities {
			if !ix.broad(e.ID) {
				narrow = append(narrow, e.ID)
			}
		}
	}
	switch {
	case q.hasSpan:
		for _, i := range ix.dated(b, q.from, q.to) {
			// A fact dated only to its year says nothing about a month, nor
			// does a trend over several years.
			d := b.facts[i].Date
			if d.Precision() < q.from.Precision() {
				continue
			}
			if d.End.Year != 0 && q.from.Month != 0 && d.End.Key()-d.Start.Key() > 300 {
				continue
			}
			idxs = append(idxs, i)
		}
		if len(narrow) > 0 {
			var keep []int
			for _, i := range idxs {
				for _, id := range narrow {
					if contains(b.facts[i].Entities, id) {
						keep = append(keep, i)
						break
					}
				}
			}
			if len(keep) > 0 {
				idxs = keep
			}
		}
	case len(q.links) > 0:
		seen := map[int]bool{}
		ids := narrow
		if len(ids) == 0 {
			for _, l := range q.links {
				for _, e := range l.entities {
					ids = append(ids, e.ID)
				}
			}
		}
		for _, id := range ids {
			for _, i := range ix.entityFacts[id] {
				if !b.facts[i].Date.IsZero() && !seen[i] {
					seen[i] = true
					idxs = append(idxs, i)
				}
			}
		}
	}
	if len(idxs) == 0 {
		return false
	}
	if len(idxs) > timelinePool {
		// Sample evenly across the span rather than score every fact in it.
		step := float64(len(idxs)) / timelinePool
		sample := make([]int, 0, timelinePool)
		for k := 0; k < timelinePool; k++ {
			sample = append(sample, idxs[int(float64(k)*step)])
		}
		more := len(idxs) - timelinePool
		idxs = sample
		defer func() { a.More += more }()
	}
	// Pick the most telling entries, then show them in date order.
	type entry struct {
		i     int
		score float64
	}
	es := make([]entry, 0, len(idxs))
	for _, i := range idxs {
		f := b.facts[i]
		s := float64(f.Date.Precision())
		if f.Type == TypeEvent {
			s += 2
		}
		if f.Meta {
			s -= 3
		}
		s += b.score(q, i).cov * 2
		es = append(es, entry{i, s})
	}
	sort.SliceStable(es, func(x, y int) bool { return es[x].score > es[y].score })
	var used []*Fact
	more := 0
	for k, e := range es {
		if len(used) == timelineCap {
			more = len(es) - k // not checked for repeats: an upper bound
			break
		}
		if f := b.facts[e.i]; !b.redundant(f, used) {
			used = append(used, f)
		}
	}
	sort.SliceStable(used, func(x, y int) bool { return used[x].Date.Start.Key() < used[y].Date.Start.Key() })
	for _, f := range used {
		a.Lines = append(a.Lines, DateLine(f))
	}
	a.More = more
	a.Facts = used
	a.Sources = b.sourcesOf(used)
	a.Answered = true
	a.Confidence = 1
	return true
}

// trimLeadingDate drops an opening "On 5 September 2023," from a fact's
// text when the date is printed beside it anyway.
func trimLeadingDate(text string, d Date) string {
	ds := d.Start.String()
	for _, p := range []string{"On " + ds + ", ", "In " + ds + ", ", "On " + ds + " ", "In " + ds + " "} {
		if strings.HasPrefix(text, p) {
			rest := text[len(p):]
			r, n := utf8.DecodeRuneInString(rest)
			return string(unicode.ToUpper(r)) + rest[n:]
		}
	}
	return text
}

// decline says honestly that the pack does not cover the question and
// suggests up to three things it does know, nearest first.
func (b *Base) decline(q *query, a Answer, ranked []scored) Answer {
	a.Answered = false
	if len(ranked) > 0 {
		a.Confidence = round2(ranked[0].conf)
	}
	// The nearest facts first, then what the pack says about the things
	// the question names.
	var near []*Fact
	for _, s := range ranked {
		near = append(near, b.facts[s.fact])
	}
	for _, l := range q.links {
		for _, e := range l.entities {
			for _, i := range b.idx.subjectOf[e.ID] {
				near = append(near, b.facts[i])
			}
		}
	}
	a.Suggestions = b.suggestFacts(near)
	if len(a.Suggestions) == 0 {
		a.Suggestions = b.defaultSuggestions()
	}
	a.Lines = []string{DeclineText}
	if len(a.Suggestions) > 0 {
		a.Lines = append(a.Lines, "You could ask: "+strings.Join(a.Suggestions, "; ")+".")
	}
	return a
}

// NearestText introduces, in a decline, what the sources do say about the
// thing asked about.
const NearestText = "What they do say:"

// nearest adds to a decline the fact the sources give about the very thing
// the question names, when there is one: "when did Torkham reopen" is not
// answered, but what the sources say about Torkham's closing is worth
// knowing. The answer stays a decline.
func (b *Base) nearest(q *query, a *Answer, ranked []scored) {
	if len(ranked) == 0 {
		return
	}
	top := ranked[0]
	specific := 0
	for _, l := range q.links {
		if !b.idx.broad(l.entities[0].ID) {
			specific++
		}
	}
	f := b.facts[top.fact]
	if specific == 0 || top.feat.MissedEntity > 0 || top.feat.Meta > 0 || b.idx.docFact[top.fact] || !coveredEntities(q, b, f, b.idx.terms[top.fact]) {
		return
	}
	a.Lines = append(a.Lines[:1:1], NearestText+" "+f.Text)
	if len(a.Suggestions) > 0 {
		a.Lines = append(a.Lines, "You could ask: "+strings.Join(a.Suggestions, "; ")+".")
	}
	a.Facts = []*Fact{f}
	a.Sources = b.sourcesOf(a.Facts)
}

// Limits on the work of suggesting.
const (
	maxSuggestions  = 3
	suggestionTries = 5 // alternate questions tried per decline, each a ranking
)

// suggestFacts offers, for up to three of the facts, an alternate question
// that durand answers with that very fact: a suggestion always works. Facts
// about one entity are offered once.
func (b *Base) suggestFacts(fs []*Fact) []string {
	var out []string
	seenFact := map[*Fact]bool{}
	seenSubject := map[string]bool{}
	tries := 0
	for _, f := range fs {
		if len(out) == maxSuggestions || tries >= suggestionTries {
			break
		}
		if seenFact[f] || len(f.Questions) == 0 || len(f.Entities) > 0 && seenSubject[f.Entities[0]] {
			continue
		}
		seenFact[f] = true
		for _, text := range f.Questions {
			tries++
			if b.answersWith(text, f) {
				out = append(out, text)
				if len(f.Entities) > 0 {
					seenSubject[f.Entities[0]] = true
				}
				break
			}
			if tries >= suggestionTries {
				break
			}
		}
	}
	return out
}

// answersWith reports whether durand answers question with fact f leading,
// confidently enough not to decline.
func (b *Base) answersWith(question string, f *Fact) bool {
	if ok, seen := b.verified.Load(question); seen {
		return ok.(bool)
	}
	ok := b.answersWithNow(question, f)
	b.verified.Store(question, ok)
	return ok
}

// answersWithNow is answersWith without the memory.
func (b *Base) answersWithNow(question string, f *Fact) bool {
	q := b.parse(Normalize(question))
	if q.future || q.intent == IntentTimeline {
		return false
	}
	ranked := b.rank(q)
	if len(ranked) == 0 || b.facts[ranked[0].fact] != f {
		return false
	}
	return b.idx.models.Confidence.prob(b.confInputs(q, ranked)) >= b.idx.models.Confidence.Threshold
}

// SuggestQuestion phrases a question about an entity that the pack can
// answer.
func SuggestQuestion(e *Entity) string {
	name := stripParen(e.Name)
	switch {
	case e.Kind == KindPerson:
		return "who is " + name
	case e.Kind == KindPlace || e.Kind == KindCrossing:
		return "what happened in " + name
	case e.Kind == KindEvent || e.Kind == KindOperation:
		return "when was the " + name
	case e.Kind == KindDocument:
		return "who wrote " + name
	case e.Abbr != "":
		return "what is the " + e.Abbr
	}
	return "tell me about " + name
}

// defaultSuggestions offers questions about the entities the pack says most
// about, for questions that name nothing it knows.
func (b *Base) defaultSuggestions() []string {
	var fs []*Fact
	for _, e := range b.idx.topEntities {
		for _, i := range b.idx.subjectOf[e.ID] {
			fs = append(fs, b.facts[i])
		}
	}
	return b.suggestFacts(fs)
}

func wordCount(s string) int { return len(strings.Fields(s)) }

func round2(x float64) float64 { return math.Round(x*100) / 100 }
