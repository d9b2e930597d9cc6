package knowledge

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// boosted is the confidence model: gradient-boosted regression trees over
// the confidence inputs, whose summed outputs are the log-odds that the
// answer is right. Trees see what a weighted sum cannot: that a missed word
// costs a why-question more than a who-question, or that a wide margin
// matters only when the coverage is low. It is data, fitted by
//
//	go test ./knowledge -run TestFitConfidence -refit
type boosted struct {
	Features []string `json:"features"`
	// Base is the log-odds before any tree; Rate scales every tree's output.
	Base  float64 `json:"base"`
	Rate  float64 `json:"rate"`
	Trees []tree  `json:"trees"`
	// Threshold: answer at or above this chance, decline below.
	Threshold float64 `json:"threshold"`
	Command   string  `json:"command"`   // how to refit
	FittedOn  string  `json:"fitted_on"` // what it was fitted on
	HeldOut   string  `json:"held_out"`  // what it was checked on, and how it did
}

// tree is one regression tree, its nodes in an array with the root first.
type tree []treeNode

// treeNode is a split (Left > 0) or a leaf. Every node keeps the value a
// leaf there would have had, so an explanation can say what each split
// added.
type treeNode struct {
	Feature   int     `json:"f,omitempty"`
	Threshold float64 `json:"t,omitempty"` // inputs at or below go left
	Left      int     `json:"l,omitempty"` // the children's places; 0 for a leaf
	Right     int     `json:"r,omitempty"`
	Value     float64 `json:"v"`
}

// UnmarshalJSON reads a tree as weights.json writes it, an array of
// {"f","t","l","r","v"} objects, with a scanner of its own: the two
// models' trees hold thousands of nodes, and reading them through
// reflection took a third of start-up. Anything else it meets, it leaves
// to encoding/json, which reads it, or says what is wrong with it.
func (t *tree) UnmarshalJSON(data []byte) error {
	if nodes, ok := scanTree(data, (*t)[:0]); ok {
		*t = nodes
		return nil
	}
	return json.Unmarshal(data, (*[]treeNode)(t))
}

// scanTree appends the nodes of the JSON array data to nodes; false when
// data is not an array of node objects with numbers for values.
func scanTree(data []byte, nodes []treeNode) ([]treeNode, bool) {
	i := 0
	space := func() {
		for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t' || data[i] == '\r') {
			i++
		}
	}
	expect := func(c byte) bool {
		space()
		if i < len(data) && data[i] == c {
			i++
			return true
		}
		return false
	}
	if !expect('[') {
		return nil, false
	}
	if expect(']') {
		return nodes, true
	}
	for {
		if !expect('{') {
			return nil, false
		}
		var n treeNode
		for {
			if !expect('"') || i+2 > len(data) || data[i+1] != '"' {
				return nil, false // every key is one letter
			}
			key := data[i]
			i += 2
			if !expect(':') {
				return nil, false
			}
			space()
			start := i
			for i < len(data) && (data[i] >= '0' && data[i] <= '9' || data[i] == '-' || data[i] == '+' || data[i] == '.' || data[i] == 'e' || data[i] == 'E') {
				i++
			}
			v, err := strconv.ParseFloat(string(data[start:i]), 64)
			if err != nil {
				return nil, false
			}
			switch key {
			case 'f', 'l', 'r':
				k := int(v)
				if float64(k) != v {
					return nil, false
				}
				switch key {
				case 'f':
					n.Feature = k
				case 'l':
					n.Left = k
				default:
					n.Right = k
				}
			case 't':
				n.Threshold = v
			case 'v':
				n.Value = v
			default:
				return nil, false
			}
			if expect('}') {
				break
			}
			if !expect(',') {
				return nil, false
			}
		}
		nodes = append(nodes, n)
		if expect(']') {
			space()
			return nodes, i == len(data)
		}
		if !expect(',') {
			return nil, false
		}
	}
}

// prob is the model's chance that an answer with inputs x is right.
func (m *boosted) prob(x []float64) float64 {
	z := m.Base
	for _, t := range m.Trees {
		z += m.Rate * t.leaf(x).Value
	}
	return sigmoid(z)
}

// leaf returns the leaf that inputs x fall into.
func (t tree) leaf(x []float64) *treeNode {
	n := &t[0]
	for n.Left > 0 {
		if x[n.Feature] <= n.Threshold {
			n = &t[n.Left]
		} else {
			n = &t[n.Right]
		}
	}
	return n
}

// parts splits the model's log-odds for x among its inputs: each split on
// the path x takes adds the change in value it makes to its input's part,
// and what the roots give is the bias. bias plus the parts is the log-odds,
// exactly.
func (m *boosted) parts(x []float64) (bias float64, parts []float64) {
	parts = make([]float64, len(m.Features))
	bias = m.Base
	for _, t := range m.Trees {
		n := &t[0]
		bias += m.Rate * n.Value
		for n.Left > 0 {
			next := &t[n.Right]
			if x[n.Feature] <= n.Threshold {
				next = &t[n.Left]
			}
			parts[n.Feature] += m.Rate * (next.Value - n.Value)
			n = next
		}
	}
	return bias, parts
}

// check reports whether the model reads the inputs the code computes, and
// whether its trees are well formed: every split on a known input, every
// child after its parent and inside the tree.
func (m *boosted) check(names []string) error {
	if len(m.Features) != len(names) {
		return fmt.Errorf("has %d features; the code computes %d: refit", len(m.Features), len(names))
	}
	for i, name := range names {
		if m.Features[i] != name {
			return fmt.Errorf("feature %d is %q, the code computes %q: refit", i, m.Features[i], name)
		}
	}
	if len(m.Trees) == 0 || m.Rate <= 0 || math.IsNaN(m.Base) {
		return fmt.Errorf("no trees, or no rate: refit")
	}
	for k, t := range m.Trees {
		if len(t) == 0 {
			return fmt.Errorf("tree %d is empty", k)
		}
		for i, n := range t {
			if n.Left == 0 && n.Right == 0 {
				continue
			}
			if n.Left <= i || n.Right <= i || n.Left >= len(t) || n.Right >= len(t) || n.Feature < 0 || n.Feature >= len(names) {
				return fmt.Errorf("tree %d node %d: a split to %d and %d on input %d does not fit a tree of %d nodes", k, i, n.Left, n.Right, n.Feature, len(t))
			}
		}
	}
	return nil
}
