package knowledge

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZDump(t *testing.T) {
	b := packFromDisk(t)
	paths, _ := filepath.Glob("testdata/batches/*.jsonl")
	paths = append(paths, "../../shared/eval/dev2.jsonl")
	var sb strings.Builder
	for _, p := range paths {
		for _, eq := range loadQuestions(t, p) {
			if !eq.Answerable {
				continue
			}
			q, ranked, ok := rankFor(b, eq.Q, "")
			if !ok {
				fmt.Fprintf(&sb, "%s\tnorank\n", eq.ID)
				continue
			}
			pos := -1
			for k, s := range ranked {
				if mustHold(withItems(b.facts[s.fact]), eq.Must) {
					pos = k
					break
				}
			}
			conf := b.idx.models.Confidence.prob(b.confInputs(q, ranked))
			gate := b.missingPart(q, ranked[0])
			right := ""
			if pos >= 0 {
				right = b.facts[ranked[pos].fact].ID
			}
			fmt.Fprintf(&sb, "%s\t%d\t%.2f\t%q\t%s\t%s\t%s\n", eq.ID, pos, conf, gate, b.facts[ranked[0].fact].ID, right, eq.Q)
		}
	}
	os.WriteFile("/tmp/an/dump.tsv", []byte(sb.String()), 0o644)
}
