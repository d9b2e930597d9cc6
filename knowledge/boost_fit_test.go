package knowledge

import (
	"math"
	"sort"
	"testing"
)

// boostSettings shape the confidence model's fit. Out of fold, on the
// labelled batches, shallow trees learn as much as deep ones: depth 3,
// 200 rounds at rate 0.1, and leaves of at least 20 questions. A smaller
// rate or more rounds changed nothing measurable.
var boostSettings = boostParams{rounds: 200, depth: 3, minLeaf: 20, rate: 0.1, lambda: 1}

// boostParams are the settings of a boosted fit: how many trees, how deep,
// the fewest examples a leaf may hold, the rate each tree is scaled by, and
// the L2 penalty on leaf values.
type boostParams struct {
	rounds, depth, minLeaf int
	rate, lambda           float64
}

// fitBoosted fits gradient-boosted regression trees to the weighted log
// loss of exs, growing each tree a level at a time with Newton leaf values
// (as XGBoost does). Each input's examples are sorted once, so a level
// costs one pass per input. It is deterministic.
func fitBoosted(names []string, exs []example, p boostParams) boosted {
	n, nf := len(exs), len(names)
	order := make([][]int, nf)
	for f := range nf {
		o := make([]int, n)
		for i := range o {
			o[i] = i
		}
		sort.SliceStable(o, func(a, b int) bool { return exs[o[a]].x[f] < exs[o[b]].x[f] })
		order[f] = o
	}
	var pos, tot float64
	for _, e := range exs {
		tot += e.weight
		if e.right {
			pos += e.weight
		}
	}
	m := boosted{Features: names, Base: math.Log(pos / (tot - pos)), Rate: p.rate}
	z := make([]float64, n)
	for i := range z {
		z[i] = m.Base
	}
	g, h := make([]float64, n), make([]float64, n)
	at := make([]int, n) // each example's node in the tree being grown
	for range p.rounds {
		for i, e := range exs {
			q := sigmoid(z[i])
			g[i] = e.weight * (q - b2f(e.right))
			h[i] = e.weight * math.Max(q*(1-q), 1e-6)
			at[i] = 0
		}
		t := tree{{}}
		sums := func() (G, H []float64, cnt []int) {
			G, H, cnt = make([]float64, len(t)), make([]float64, len(t)), make([]int, len(t))
			for i, k := range at {
				G[k] += g[i]
				H[k] += h[i]
				cnt[k]++
			}
			return G, H, cnt
		}
		for range p.depth {
			G, H, cnt := sums()
			best := make([]float64, len(t))
			feat := make([]int, len(t))
			thr := make([]float64, len(t))
			for k := range t {
				feat[k] = -1
				if t[k].Left == 0 {
					// A leaf so far: its value, kept if it splits, so an
					// explanation can say what the split added.
					t[k].Value = -G[k] / (H[k] + p.lambda)
				}
			}
			gl, hl := make([]float64, len(t)), make([]float64, len(t))
			c := make([]int, len(t))
			last := make([]float64, len(t))
			for f := range nf {
				clear(gl)
				clear(hl)
				clear(c)
				for _, i := range order[f] {
					k := at[i]
					v := exs[i].x[f]
					if c[k] >= p.minLeaf && cnt[k]-c[k] >= p.minLeaf && v != last[k] {
						gr, hr := G[k]-gl[k], H[k]-hl[k]
						gain := gl[k]*gl[k]/(hl[k]+p.lambda) + gr*gr/(hr+p.lambda) - G[k]*G[k]/(H[k]+p.lambda)
						if gain > best[k]+1e-12 {
							best[k], feat[k], thr[k] = gain, f, (last[k]+v)/2
						}
					}
					gl[k] += g[i]
					hl[k] += h[i]
					c[k]++
					last[k] = v
				}
			}
			split := false
			for k := range best {
				if feat[k] < 0 || t[k].Left > 0 {
					continue
				}
				t[k].Feature, t[k].Threshold = feat[k], thr[k]
				t[k].Left, t[k].Right = len(t), len(t)+1
				t = append(t, treeNode{}, treeNode{})
				split = true
			}
			if !split {
				break
			}
			for i, k := range at {
				if t[k].Left > 0 {
					if exs[i].x[t[k].Feature] <= t[k].Threshold {
						at[i] = t[k].Left
					} else {
						at[i] = t[k].Right
					}
				}
			}
		}
		G, H, _ := sums()
		for k := range t {
			if t[k].Left == 0 {
				t[k].Value = -G[k] / (H[k] + p.lambda)
			}
		}
		for i, k := range at {
			z[i] += p.rate * t[k].Value
		}
		m.Trees = append(m.Trees, t)
	}
	return m
}

// TestFitBoostedLearns: on inputs where the right answers are those with
// x0 high and x1 low, an interaction no weighted sum draws, the trees tell
// them apart, every node is well formed, and the parts of an explanation
// sum to the log-odds.
func TestFitBoostedLearns(t *testing.T) {
	var exs []example
	for i := range 400 {
		x0, x1 := float64(i%20)/20, float64(i/20)/20
		exs = append(exs, example{x: []float64{x0, x1}, right: x0 > 0.5 && x1 < 0.5, weight: 1})
	}
	m := fitBoosted([]string{"a", "b"}, exs, boostParams{rounds: 50, depth: 2, minLeaf: 5, rate: 0.3, lambda: 1})
	if err := m.check([]string{"a", "b"}); err != nil {
		t.Fatal(err)
	}
	wrong := 0
	for _, e := range exs {
		if (m.prob(e.x) >= 0.5) != e.right {
			wrong++
		}
		bias, parts := m.parts(e.x)
		if z := bias + parts[0] + parts[1]; math.Abs(z-logit(m.prob(e.x))) > 1e-9 {
			t.Fatalf("parts of %v sum to %.6f, log-odds %.6f", e.x, z, logit(m.prob(e.x)))
		}
	}
	if wrong > 0 {
		t.Errorf("%d of %d examples on the wrong side of 0.5", wrong, len(exs))
	}
}

// TestBoostedCheck: a tree whose child points back at its parent, or at an
// input the code does not compute, is refused at load.
func TestBoostedCheck(t *testing.T) {
	ok := boosted{Features: []string{"a"}, Rate: 0.1, Trees: []tree{{{Feature: 0, Left: 1, Right: 2}, {Value: -1}, {Value: 1}}}}
	if err := ok.check([]string{"a"}); err != nil {
		t.Fatalf("a well-formed model: %v", err)
	}
	for name, m := range map[string]boosted{
		"loop":          {Features: []string{"a"}, Rate: 0.1, Trees: []tree{{{Feature: 0, Left: 0, Right: 1}, {Value: 1}}}},
		"outside":       {Features: []string{"a"}, Rate: 0.1, Trees: []tree{{{Feature: 0, Left: 1, Right: 5}, {Value: 1}}}},
		"unknown input": {Features: []string{"a"}, Rate: 0.1, Trees: []tree{{{Feature: 3, Left: 1, Right: 2}, {}, {}}}},
		"no trees":      {Features: []string{"a"}, Rate: 0.1},
		"other inputs":  {Features: []string{"b"}, Rate: 0.1, Trees: []tree{{{Value: 1}}}},
	} {
		if err := m.check([]string{"a"}); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
