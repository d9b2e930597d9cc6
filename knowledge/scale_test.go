package knowledge

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// synthBase builds a pack of n facts about n/5 entities, with a vocabulary
// that grows with the pack, to measure how answering scales.
func synthBase(n int) *Base {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	syll := []string{"ka", "ra", "mi", "zu", "no", "tep", "shal", "dar", "gul", "han", "bor", "qi", "sta", "lun", "ved", "ox", "pir", "tal"}
	word := func() string {
		var sb strings.Builder
		for k := 2 + r.IntN(3); k > 0; k-- {
			sb.WriteString(syll[r.IntN(len(syll))])
		}
		return sb.String()
	}
	vocab := make([]string, 2000+n/20)
	for i := range vocab {
		vocab[i] = word()
	}
	b := &Base{sources: map[string]*Source{}, entityByID: map[string]*Entity{}, factByID: map[string]*Fact{}, conflictByID: map[string]*Conflict{}}
	src := &Source{ID: "synthetic.txt", Title: "Synthetic", Sections: []Section{{ID: "1", Title: "1"}}}
	b.sources[src.ID], b.srcOrder = src, []*Source{src}
	kinds := []string{KindPerson, KindGroup, KindPlace, KindEvent, KindConcept}
	for i := 0; i < max(n/5, 10); i++ {
		e := &Entity{ID: fmt.Sprintf("e%d", i), Name: word() + " " + word(), Kind: kinds[i%len(kinds)], Summary: "synthetic"}
		e.Aliases = []string{strings.Fields(e.Name)[1]}
		b.entities = append(b.entities, e)
		b.entityByID[e.ID] = e
	}
	types := []string{TypeRole, TypeEvent, TypeFigure, TypeDefinition, TypeCause, TypeStatement}
	for i := 0; i < n; i++ {
		var es []string
		var words []string
		for k := 0; k < 1+r.IntN(3); k++ {
			e := b.entities[r.IntN(len(b.entities))]
			es = append(es, e.ID)
			words = append(words, e.Name)
		}
		for k := 0; k < 12+r.IntN(10); k++ {
			words = append(words, vocab[r.IntN(len(vocab))])
		}
		f := &Fact{ID: fmt.Sprintf("f%d", i), Text: strings.Join(words, " ") + ".", Type: types[i%len(types)], Entities: es,
			Cite: Citation{Doc: src.ID, Section: "1", Anchor: "x"}}
		if i%3 == 0 {
			f.Date = Date{Start: Point{Year: 1990 + r.IntN(35), Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)}}
		}
		if i%4 == 0 {
			f.Numbers = []Number{{Value: float64(r.IntN(1000))}}
		}
		b.facts = append(b.facts, f)
		b.factByID[f.ID] = f
	}
	m, err := loadModels()
	if err != nil {
		panic(err) // the embedded weights are checked by Load's tests
	}
	b.idx = buildIndex(b, m)
	return b
}

// synthQuestions asks about the synthetic pack's entities and words, with
// typos, dates and unknown words, as people would.
func synthQuestions(b *Base) []string {
	r := rand.New(rand.NewPCG(7, 7))
	var qs []string
	for i := 0; i < 60; i++ {
		e := b.entities[r.IntN(len(b.entities))]
		f := b.facts[r.IntN(len(b.facts))]
		w := strings.Fields(f.Text)
		name := e.Name
		if i%4 == 0 && len(name) > 6 { // a typo: swap two letters
			rs := []rune(name)
			rs[2], rs[3] = rs[3], rs[2]
			name = string(rs)
		}
		switch i % 6 {
		case 0:
			qs = append(qs, "who is "+name)
		case 1:
			qs = append(qs, "when did "+name+" "+w[len(w)-2])
		case 2:
			qs = append(qs, "how many "+w[len(w)-3]+" did "+name+" have")
		case 3:
			qs = append(qs, "what happened in march 2011")
		case 4:
			qs = append(qs, "why did "+name+" "+w[len(w)-1]+" the "+w[len(w)-4])
		default:
			qs = append(qs, "what is the population of "+name)
		}
	}
	return qs
}

// BenchmarkScale measures answering on synthetic packs of 1k, 10k and 100k
// facts. ns/op is per question; it should grow far slower than the pack.
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		kb := synthBase(n)
		qs := synthQuestions(kb)
		b.Run(fmt.Sprintf("facts=%d", n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				kb.Answer(qs[i%len(qs)])
				i++
			}
		})
	}
}

// TestSynthBaseAnswers guards the scale benchmark: the synthetic pack's
// questions must find facts that cover them, or the benchmark would time
// only questions that match nothing. (Whether each is then answered is the
// confidence model's call, fitted on the real pack, not on random words.)
func TestSynthBaseAnswers(t *testing.T) {
	kb := synthBase(1000)
	found := 0
	for _, q := range synthQuestions(kb) {
		if ranked := kb.rank(kb.parse(Normalize(q))); len(ranked) > 0 && ranked[0].cov == 1 {
			found++
		}
	}
	if found < 10 {
		t.Errorf("synthetic pack's questions found covering facts for %d of 60; the benchmark would measure only misses", found)
	}
}
