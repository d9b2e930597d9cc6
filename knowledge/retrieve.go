package knowledge

// Retrieval: the facts a question could be about, from the entities it
// names, BM25 over its words, its alternate questions and its dates.

import (
	"slices"
	"sort"
)

// rank scores the facts the question could be about, best first.
func (b *Base) rank(q *query) []scored {
	ix := b.idx
	cands := ix.candScratch(len(b.facts))
	defer ix.candPool.Put(cands)
	if len(q.within) > 0 {
		for _, id := range q.within {
			if f := b.factByID[id]; f != nil {
				cands.add(ix.factIndex[f])
			}
		}
		return b.scored(q, cands)
	}
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
				cands.add(i)
			}
		}
	}
	b.bm25(q, candidateCap, cands)
	b.altCandidates(q, cands)
	if q.hasSpan && len(cands.list) < 400 {
		for _, i := range ix.dated(b, q.from, q.to) {
			if len(cands.list) > 400 {
				break
			}
			cands.add(i)
		}
	}
	return b.scored(q, cands)
}

// scored scores the candidate facts and returns the best, best first.
func (b *Base) scored(q *query, cands *candSet) []scored {
	ix := b.idx
	top := ix.topKFor(rankKeep)
	for _, i := range cands.list {
		s := b.score(q, i)
		top.add(&s)
	}
	items := top.sorted()
	ix.topPool.Put(top)
	b.rerank(items)
	return items
}

// bm25 proposes to cands, best first, the k facts that score best on the
// question's rarest words. Terms are taken rarest first until a budget of
// postings is spent, so the work depends on the rare terms' postings, not
// on the size of the pack; common terms count later, when each candidate
// is scored in full.
func (b *Base) bm25(q *query, k int, cands *candSet) {
	ix := b.idx
	sc := ix.bm25Scratch(len(ix.docLen))
	defer ix.bm25Done(sc)
	terms := sc.terms[:0]
	addTerm := func(t string, w float64) {
		if slices.ContainsFunc(terms, func(x qterm) bool { return x.t == t }) {
			return // a question has a few dozen terms at most
		}
		if ps := ix.postings[t]; len(ps) > 0 {
			terms = append(terms, qterm{t, ps, w})
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
			addTerm(s, u.relCredit/2)
		}
	}
	sort.Slice(terms, func(i, j int) bool { return len(terms[i].ps) < len(terms[j].ps) })
	sc.terms = terms
	acc, hit, touched := sc.acc, sc.hit, sc.touched[:0]
	budget := postingBudget
	for _, qt := range terms {
		ps := qt.ps
		if len(ps) > budget {
			break
		}
		budget -= len(ps)
		idf := ix.idf(len(ps), len(ix.docLen)) * qt.w
		for _, p := range ps {
			if !hit[p.fact] {
				hit[p.fact] = true
				touched = append(touched, p.fact)
			}
			acc[p.fact] += idf * ix.bm25tf(p.tf, p.fact)
		}
	}
	sc.touched = touched
	sc.top = bestOf(acc, touched, k, sc.top[:0])
	for _, p := range sc.top {
		cands.add(p.fact)
	}
}

// qterm is one of a question's words, or a word of a name it links, as
// bm25 reads it: the stem, its postings and its weight.
type qterm struct {
	t  string
	ps []posting
	w  float64
}

// bm25Buffers are one question's BM25 accumulators, reused across
// questions: a score and a hit flag per fact, and the facts touched, the
// only ones to clear; and room for its terms and its best facts.
type bm25Buffers struct {
	acc     []float64
	hit     []bool
	touched []int
	terms   []qterm
	top     []factScore
}

// bm25Scratch takes cleared accumulators for n facts from the index's pool.
func (ix *index) bm25Scratch(n int) *bm25Buffers {
	if sc, ok := ix.bm25Pool.Get().(*bm25Buffers); ok && len(sc.acc) == n {
		return sc
	}
	return &bm25Buffers{acc: make([]float64, n), hit: make([]bool, n)}
}

// bm25Done clears what a question touched and returns the accumulators.
func (ix *index) bm25Done(sc *bm25Buffers) {
	for _, f := range sc.touched {
		sc.acc[f], sc.hit[f] = 0, false
	}
	sc.touched = sc.touched[:0]
	clear(sc.terms) // (their postings are the index's: nothing to keep alive)
	sc.terms = sc.terms[:0]
	ix.bm25Pool.Put(sc)
}

// factScore is a fact and its BM25 score.
type factScore struct {
	fact  int
	score float64
}

// bestOf appends to top, best first, the k facts among touched with the
// highest score in acc (ties to the earlier fact), and returns it.
func bestOf(acc []float64, touched []int, k int, top []factScore) []factScore {
	for _, f := range touched {
		p := factScore{f, acc[f]}
		n := len(top)
		if n == k && !(p.score > top[n-1].score || p.score == top[n-1].score && p.fact < top[n-1].fact) {
			continue
		}
		i := sort.Search(n, func(i int) bool {
			return p.score > top[i].score || p.score == top[i].score && p.fact < top[i].fact
		})
		top = append(top, factScore{})
		copy(top[i+1:], top[i:])
		top[i] = p
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

// topK keeps the k best of the candidates it is shown. Candidates are
// large, so it keeps them in an arena and orders indexes into it.
type topK struct {
	k     int
	arena []scored
	order []int // indexes into arena, best first
	free  int   // the arena slot of the candidate last pushed out, or -1
}

func newTopK(k int) *topK {
	// Only the top k candidates are kept: a candidate pushed out of them
	// leaves its slot to the next that enters, so the arena holds k+1.
	return &topK{k: k, order: make([]int, 0, k+1), arena: make([]scored, 0, k+1), free: -1}
}

// topKFor returns an empty topK of k, reused from an earlier question when
// there is one: its arena is 25 candidates, large enough to be worth
// keeping.
func (ix *index) topKFor(k int) *topK {
	if t, ok := ix.topPool.Get().(*topK); ok && t.k == k {
		t.arena, t.order, t.free = t.arena[:0], t.order[:0], -1
		return t
	}
	return newTopK(k)
}

func better(a, b *scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.fact < b.fact
}

func (t *topK) add(s *scored) {
	n := len(t.order)
	if n == t.k && !better(s, &t.arena[t.order[n-1]]) {
		return
	}
	i := sort.Search(n, func(i int) bool { return better(s, &t.arena[t.order[i]]) })
	slot := t.free
	if slot >= 0 {
		t.arena[slot] = *s
	} else {
		t.arena = append(t.arena, *s)
		slot = len(t.arena) - 1
	}
	t.order = append(t.order, 0)
	copy(t.order[i+1:], t.order[i:])
	t.order[i] = slot
	t.free = -1
	if len(t.order) > t.k {
		t.free = t.order[t.k]
		t.order = t.order[:t.k]
	}
}

// sorted returns the kept candidates, best first.
func (t *topK) sorted() []scored {
	out := make([]scored, len(t.order))
	for j, i := range t.order {
		out[j] = t.arena[i]
	}
	return out
}

// candSet is a set of fact indexes that remembers the order they came in.
type candSet struct {
	seen []bool
	list []int
}

// candScratch takes an empty candSet for n facts from the index's pool.
// Only the facts listed are marked seen, so emptying it clears just those.
func (ix *index) candScratch(n int) *candSet {
	c, ok := ix.candPool.Get().(*candSet)
	if !ok || len(c.seen) != n {
		return &candSet{seen: make([]bool, n), list: make([]int, 0, candListCap)}
	}
	for _, i := range c.list {
		c.seen[i] = false
	}
	c.list = c.list[:0]
	return c
}

// candListCap is room for the candidates of most questions: about 140 on
// average, a few hundred for a question naming a broad entity.
const candListCap = 256

func (c *candSet) add(i int) {
	if !c.seen[i] {
		c.seen[i] = true
		c.list = append(c.list, i)
	}
}

// bm25Params are BM25's two parameters, as bluge's BM25Similarity keeps
// them: K1 saturates term frequency, B scales by document length.
type bm25Params struct {
	K1, B float64
}

// defaultBM25 is the usual choice, which fits short facts well enough.
func defaultBM25() bm25Params { return bm25Params{K1: 1.2, B: 0.75} }

// bm25tf is BM25's term-frequency part for a term used tf times in fact f.
// Only a finished index has the length norms: questions are asked of no
// other.
func (ix *index) bm25tf(tf, f int) float64 {
	return float64(tf) * (ix.bm25.K1 + 1) / (float64(tf) + ix.lenNorm[f])
}

// lengthNorm is what BM25 adds to a term's count in fact f for the fact's
// length: K1 scaled by how far the fact is from the average length.
func (ix *index) lengthNorm(f int) float64 {
	k1, b := ix.bm25.K1, ix.bm25.B
	return k1 * (1 - b + b*float64(ix.docLen[f])/ix.avgLen)
}
