package knowledge

import (
	"path/filepath"
	"testing"
)

func TestZZCats(t *testing.T) {
	b := packFromDisk(t)
	batches, _ := filepath.Glob("testdata/batches/*.jsonl")
	cat := map[string]int{}
	for _, path := range append([]string{"../../shared/eval/dev.jsonl", "../../shared/eval/dev2.jsonl", "testdata/questions.jsonl"}, batches...) {
		for _, eq := range loadQuestions(t, path) {
			if !eq.Answerable {
				continue
			}
			a := b.Answer(eq.Q)
			if a.Answered && mustHold(a.Text(), eq.Must) {
				cat["ok"]++
				continue
			}
			q, ranked, ok := rankFor(b, eq.Q, "")
			if !ok {
				cat["timeline/none"]++
				continue
			}
			pos := -1
			for k, s := range ranked {
				if mustHold(withItems(b.facts[s.fact]), eq.Must) {
					pos = k
					break
				}
			}
			gated := b.missingPart(q, ranked[0].fact) != ""
			key := ""
			switch {
			case pos == 0 && !a.Answered && gated:
				key = "top right, gated"
			case pos == 0 && !a.Answered:
				key = "top right, low confidence"
			case pos == 0:
				key = "top right, composed wrong?"
			case pos > 0 && pos < 3:
				key = "right in 2-3"
			case pos >= 3:
				key = "right in 4-24"
			default:
				key = "no single fact holds must"
			}
			if a.Answered {
				key += " (answered)"
			}
			cat[key]++
		}
	}
	for k, v := range cat {
		t.Logf("%-45s %d", k, v)
	}
}
