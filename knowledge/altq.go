package knowledge

// Alternate questions: each fact carries a few questions it answers, in
// analysts' words. A question is matched against them as well as against the
// fact's text, as QnA Maker matches a knowledge base's alternate questions.

import (
	"maps"
	"math/bits"
	"slices"
)

// altQuestion is one alternate question, reduced to the stems that carry its
// topic.
type altQuestion struct {
	// The fields read for every candidate fact come first, in one cache
	// line (altMatchOf); the rest are read at load or when explaining.
	ids   []int32   // each stem's number in index.altStemID
	names []*Entity // the entities the question names in full
	total float64   // the stems' idf, summed
	open  bool      // a question the fact raises but does not answer (Fact.Open)
	asks  Intent    // for an open question, what kind of answer it asks for

	fact  int
	key   string    // the question normalised, to recognise it when asked as written
	stems []string  // distinct content stems, shorthand and phrases expanded
	idf   []float64 // each stem's altIDF (index.altStemIDF by its number)
}

// indexAltQuestions reduces every fact's alternate questions to stems and
// posts them by stem, so a question finds the alternate questions that share
// its words without scanning them all.
func (ix *index) indexAltQuestions(b *Base) {
	ix.altPosts = map[string][]altPost{}
	ix.factAlts = make([][]int, len(b.facts))
	for i, f := range b.facts {
		texts := f.Questions
		if f.Open != nil {
			texts = append(slices.Clip(texts), f.Open.Questions...)
		}
		for k, text := range texts {
			aq := altQuestion{fact: i, key: Normalize(text), open: k >= len(f.Questions)}
			toks := tokenize(aq.key)
			if aq.open {
				aq.asks = classify(toks, false)
			}
			for _, t := range toks {
				// A word the pack's questions use is one a misspelling
				// may be corrected into ("lenght" is "length").
				if !ix.stop[t] && !ix.spell.known(t) && isWordy(t) && !ix.misspeltName(t) {
					ix.spell.add(t, false)
				}
			}
			for _, t := range ix.rewriteTokens(toks) {
				if ix.stop[t] || ix.qwords[t] {
					continue
				}
				if s := ix.learnStem(t); !contains(aq.stems, s) {
					aq.stems = append(aq.stems, s)
				}
			}
			if len(aq.stems) == 0 {
				continue
			}
			n := len(ix.altQs)
			for k, s := range aq.stems {
				ix.altPosts[s] = append(ix.altPosts[s], altPost{int32(n), uint8(min(k, wideStem))})
			}
			ix.altQs = append(ix.altQs, aq)
			ix.factAlts[i] = append(ix.factAlts[i], n)
		}
	}
	// Entities are found by the first stem of each of their names.
	byFirst := map[string][]string{}
	for _, id := range slices.Sorted(maps.Keys(ix.nameStems)) {
		for _, name := range ix.nameStems[id] {
			if len(name) > 0 && !contains(byFirst[name[0]], id) {
				byFirst[name[0]] = append(byFirst[name[0]], id)
			}
		}
	}
	ix.altStemID = map[string]int32{}
	for n := range ix.altQs {
		aq := &ix.altQs[n]
		for _, s := range aq.stems {
			id, ok := ix.altStemID[s]
			if !ok {
				id = int32(len(ix.altStemID))
				ix.altStemID[s] = id
			}
			aq.ids = append(aq.ids, id)
		}
	}
	for n := range ix.altQs {
		aq := &ix.altQs[n]
		aq.idf = make([]float64, len(aq.stems))
		for k, s := range aq.stems {
			aq.idf[k] = ix.altIDF(s)
			aq.total += aq.idf[k]
			for _, id := range byFirst[s] {
				if e := b.entityByID[id]; e != nil && !slices.Contains(aq.names, e) && ix.namesEntity(aq.stems, id) {
					aq.names = append(aq.names, e)
				}
			}
		}
	}
}

// namesEntity reports whether stems include every stem of one of entity
// id's names.
func (ix *index) namesEntity(stems []string, id string) bool {
	for _, name := range ix.nameStems[id] {
		all := len(name) > 0
		for _, s := range name {
			if !contains(stems, s) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// altIDF is how telling a stem is among the alternate questions and the
// facts together: a word every question uses says little.
func (ix *index) altIDF(s string) float64 {
	return ix.idf(len(ix.altPosts[s])+len(ix.postings[s]), len(ix.altQs)+len(ix.docLen))
}

// altMatch is how well the question matches fact i's best alternate
// question: the share of the question's weight the alternate question covers,
// tempered by how much of the alternate question the question leaves out.
func (b *Base) altMatch(q *query, i int) float64 {
	return b.altMatchOf(q, i, false)
}

// openMatch is how well the question matches the best of the questions
// fact i raises but does not answer, as altMatch measures.
func (b *Base) openMatch(q *query, i int) float64 {
	if b.facts[i].Open == nil {
		return 0
	}
	return b.altMatchOf(q, i, true)
}

// altMatchOf is altMatch over fact i's answered questions, or, when open,
// over the questions it leaves open.
func (b *Base) altMatchOf(q *query, i int, open bool) float64 {
	ix := b.idx
	ix.markAlts(q)
	best := 0.0
	var total, linked float64
	for k := range q.units {
		total += q.units[k].weight
		if q.units[k].link != nil {
			linked += q.units[k].weight
		}
	}
	if total == 0 {
		return 0
	}
	// An alternate question that shares no stem with the question covers
	// at most its linked words, and uses none of its own: it scores at
	// most noHit, and once the best reaches that, such questions are
	// passed over unscored.
	noHit := linked / total * altFwdShare
	if cap(q.scratch) < len(q.units) {
		q.scratch = make([]float64, len(q.units))
	}
	credit := q.scratch[:len(q.units)]
	// (The question's marks and the index's alternate questions are read
	// into locals: the loop below stores into credit, after which fields
	// behind pointers would be read again.)
	marks, altQs, stemIDF, useList, heldOut := q.alt, ix.altQs, ix.altStemIDF, q.useList, q.heldOut
	for _, n := range ix.factAlts[i] {
		aq := &altQs[n]
		if aq.open != open || heldOut != "" && aq.key == heldOut {
			continue // fitting: a question may not match itself
		}
		hit := marks.hits(n)
		if !hit && (len(aq.names) == 0 || aq.total > 0 && best >= noHit) {
			// (Sharing no stem and naming nothing, it covers nothing:
			// it scores 0.)
			continue
		}
		if open && !openFits(aq.asks, q.intent) {
			// "which provinces did they promise to leave" is not "did they
			// leave them", however many words the two share.
			continue
		}
		// One pass over the alternate question's stems finds both the
		// question words it covers and its own words the question uses.
		// (A stem's idf is the same in every alternate question using
		// it: it is read by the stem's number.)
		var used float64
		if hit {
			clear(credit)
			if len(aq.ids) <= wideStem {
				// Only the stems the question uses, in their order.
				for m := marks.alts[n].stems; m != 0; m &= m - 1 {
					id := aq.ids[bits.TrailingZeros64(m)]
					used += stemIDF[id]
					for _, c := range useList[marks.useAt(id)-1].covers {
						credit[c.unit] = max(credit[c.unit], c.credit)
					}
				}
			} else {
				for _, id := range aq.ids {
					if at := marks.useAt(id); at != 0 {
						used += stemIDF[id]
						for _, c := range useList[at-1].covers {
							credit[c.unit] = max(credit[c.unit], c.credit)
						}
					}
				}
			}
		}
		var covered float64
		for k := range q.units {
			u := &q.units[k] // (a unit is large: not copied)
			switch {
			case u.link != nil:
				if len(aq.names) > 0 && altNames(aq, u.link.entities) {
					covered += u.weight
				}
			case hit:
				covered += u.weight * credit[k]
			}
		}
		fwd := covered / total
		// The other way round: the alternate question's words the question
		// uses. One that asks about more than was asked fits less well.
		rev := 1.0
		if aq.total > 0 {
			rev = used / aq.total
		}
		best = max(best, fwd*(altFwdShare+(1-altFwdShare)*rev))
	}
	return best
}

// openFits reports whether a question of intent asked may be the open
// question of intent open: the same kind of ask, or any question of whether
// or when something came about ("did they merge", "when did they merge",
// "what did he say back"). A question for a list, a place, a person or a
// figure is a question of its own.
func openFits(open, asked Intent) bool {
	if open == asked {
		return true
	}
	whether := func(in Intent) bool {
		return in == IntentFact || in == IntentWhen || in == IntentStatement || in == IntentDefine
	}
	return whether(open) && whether(asked)
}

// altFwdShare is the part of an alternate-question match that depends only
// on how much of the question it covers; the rest depends on how much of
// the alternate question the question covers.
const altFwdShare = 0.6

// altNames reports whether an alternate question names one of es.
func altNames(aq *altQuestion, es []*Entity) bool {
	for _, e := range es {
		if slices.Contains(aq.names, e) { // by pointer: no string compared
			return true
		}
	}
	return false
}

// altCovers reports whether one of fact i's alternate questions uses
// question word u, its synonyms or related words.
func (ix *index) altCovers(i int, u unit) bool {
	return ix.altUses(i, u, false)
}

// altUses reports whether one of fact i's answered questions, or when open
// one of the questions it leaves open, uses question word u, its synonyms
// or related words.
func (ix *index) altUses(i int, u unit, open bool) bool {
	for _, n := range ix.factAlts[i] {
		aq := &ix.altQs[n]
		if aq.open != open {
			continue
		}
		for _, s := range aq.stems {
			if contains(u.stems, s) || contains(u.related, s) {
				return true
			}
		}
	}
	return false
}

// covers reports whether fact i covers question word u, in its text or in
// one of its alternate questions.
func (ix *index) covers(i int, u unit) bool {
	return termCredit(i, &u) > 0 || ix.altCovers(i, u)
}

// textUses reports whether fact i's own text or items use question word
// u, as typed, by a synonym or in another form: not only the name of
// an entity the fact is tagged with, nor an alternate question.
func (ix *index) textUses(i int, u unit) bool {
	return slices.ContainsFunc(ix.textStems[i], func(s string) bool {
		return s != "" && (contains(u.stems, s) || contains(u.near, s))
	})
}

// altCandidates proposes the facts whose alternate questions share the
// question's rarest words.
func (b *Base) altCandidates(q *query, cands *candSet) {
	ix := b.idx
	budget := altPostingBudget
	for _, s := range q.stemOrder {
		ps := ix.altPosts[s]
		if len(ps) > altPostingCap || len(ps) > budget {
			continue
		}
		budget -= len(ps)
		for _, p := range ps {
			cands.add(ix.altQs[p.n].fact)
		}
	}
}

// altPostingBudget bounds the alternate questions one question's words may
// propose: each proposed fact is scored in full.
const altPostingBudget = 600

// altPostingCap skips stems so common among the alternate questions that
// they narrow nothing down.
const altPostingCap = 60

// misspeltName reports whether t, a word the pack's facts and names do not
// use, is one edit from a name: an alternate question written as a reader
// would type it ("afganistan") must not make the misspelling a word of its
// own, which the speller would then leave uncorrected.
func (ix *index) misspeltName(t string) bool {
	if len(t) < minMisspeltName {
		return false
	}
	for _, c := range ix.spell.suggest(t) {
		if c.dist == 1 && ix.spell.vocab[c.word].alias {
			return true
		}
	}
	return false
}

// minMisspeltName is the shortest alternate-question word taken for a
// misspelt name: shorter words one letter from a name are as often words
// of their own.
const minMisspeltName = 6

// altMarks say which alternate questions share a stem with a question,
// and where in its stems each alternate-question stem stands. A question
// marks them with its own generation, so that a buffer taken from the
// index's pool needs no clearing: a mark of another generation is none.
type altMarks struct {
	gen  uint32
	alts []altMark // per alternate question
	use  []uint32  // per alternate-question stem number: generation<<useShift | 1 + its place in stemOrder
}

// altMark is one alternate question's mark: both halves are read together,
// so they are kept together.
type altMark struct {
	hit   uint32 // the generation that marked it
	stems uint64 // when hit: bit k set when the question uses its stem k
}

// altPost is one alternate question a stem is in, and where among its
// stems: bit k of altMarks.stems, or wideStem past the 64 bits.
type altPost struct {
	n int32
	k uint8
}

// wideStem marks the stems past the 64th of an alternate question: there
// the question's stems are read one by one (altMatchOf).
const wideStem = 64

// markAlt marks that the question uses stem p.k of alternate question p.n.
func (m *altMarks) markAlt(p altPost) {
	a := &m.alts[p.n]
	if a.hit != m.gen {
		a.hit, a.stems = m.gen, 0
	}
	if p.k < wideStem {
		a.stems |= 1 << p.k
	}
}

// useShift leaves the low bits of an altMarks use for a stem's place: a
// question has far fewer than 1<<useShift stems (maxReadWords bounds it).
const useShift = 12

// hits reports whether alternate question n shares a stem with the
// question.
func (m *altMarks) hits(n int) bool { return m.alts[n].hit == m.gen }

// useAt returns 1 + the place in the question's stems of alternate-question
// stem number id, or 0 when the question does not use it.
func (m *altMarks) useAt(id int32) int32 {
	if u := m.use[id]; u>>useShift == m.gen {
		return int32(u & (1<<useShift - 1))
	}
	return 0
}

// altScratch takes marks for a new question from the index's pool: a
// fresh generation, which no mark in them has.
func (ix *index) altScratch() *altMarks {
	m, ok := ix.altPool.Get().(*altMarks)
	if !ok || len(m.alts) != len(ix.altQs) || len(m.use) != len(ix.altStemID) || m.gen+1 >= 1<<(32-useShift) {
		m = &altMarks{alts: make([]altMark, len(ix.altQs)), use: make([]uint32, len(ix.altStemID))}
	}
	m.gen++
	return m
}

// markAlts marks, once, the alternate questions that use each of q's
// stems, and where in each (altMarks): the first match against an
// alternate question does it, so that a question parsed only for its names
// or its intent, as follow-ups are, costs no marks.
func (ix *index) markAlts(q *query) {
	if q.alt != nil {
		return
	}
	q.alt = ix.altScratch()
	for p, s := range q.stemOrder {
		for _, ap := range ix.altPosts[s] {
			q.alt.markAlt(ap)
		}
		if id, ok := ix.altStemID[s]; ok {
			q.alt.use[id] = q.alt.gen<<useShift | uint32(p+1)
		}
	}
}

// release returns q's marks to the pool once q is answered; q must not be
// used after it.
func (ix *index) release(q *query) {
	if q.alt != nil {
		ix.altPool.Put(q.alt)
		q.alt = nil
	}
	if d := q.dense; d != nil {
		d.floats.reset()
		d.credits.reset()
		d.flags.reset()
		ix.densePool.Put(d)
		q.dense = nil
	}
}

// denseScratch is room for a question's per-fact slices — a word's BM25
// share (unit.bm25), its kinds of credit (unit.credit), the facts about
// what a unit names (query.named) — reused across questions.
type denseScratch struct {
	floats  arena[float64]
	credits arena[uint8]
	flags   arena[bool]
	facts   []int // a list of facts, for one use at a time (linkBM25)
}

// arena hands out zeroed slices of one buffer, one after another, and
// clears only what it handed out when reset.
type arena[T any] struct {
	buf  []T
	used int
}

// take returns a zeroed slice of n from the arena, or from the heap when
// the arena has no room left.
func (a *arena[T]) take(n int) []T {
	if a.used+n > len(a.buf) {
		return make([]T, n)
	}
	out := a.buf[a.used : a.used+n : a.used+n]
	a.used += n
	return out
}

// reset clears what the arena handed out, for the next question.
func (a *arena[T]) reset() {
	clear(a.buf[:a.used])
	a.used = 0
}

// denseSlices is how many per-fact slices of each kind a denseScratch
// holds: more than most questions' words; a question with more takes the
// rest from the heap.
const denseSlices = 12

// scratch returns q's dense scratch, taking one from the index's pool the
// first time.
func (ix *index) scratch(q *query) *denseScratch {
	if q.dense == nil {
		n := len(ix.docLen)
		d, ok := ix.densePool.Get().(*denseScratch)
		if !ok || len(d.floats.buf) != denseSlices*n {
			d = &denseScratch{
				floats:  arena[float64]{buf: make([]float64, denseSlices*n)},
				credits: arena[uint8]{buf: make([]uint8, denseSlices*n)},
				flags:   arena[bool]{buf: make([]bool, denseSlices*n)},
			}
		}
		q.dense = d
	}
	return q.dense
}

// perFact returns a zeroed slice of one number per fact, for q's use until
// q is released.
func (ix *index) perFact(q *query) []float64 {
	return ix.scratch(q).floats.take(len(ix.docLen))
}
