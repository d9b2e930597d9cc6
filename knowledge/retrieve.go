package knowledge

// Retrieval: the facts a question could be about, from the entities it
// names, BM25 over its words, its alternate questions and its dates.

import "sort"

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
