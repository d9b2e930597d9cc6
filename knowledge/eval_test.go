package knowledge

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

var calibrate = flag.Bool("calibrate", false, "sweep the confidence tuning over the question sets")

// evalQuestion is one line of a question set in the eval format.
type evalQuestion struct {
	ID         string     `json:"id"`
	Q          string     `json:"q"`
	Kind       string     `json:"kind"`
	Answerable bool       `json:"answerable"`
	Must       [][]string `json:"must"`
	Docs       []string   `json:"docs"`
}

func loadQuestions(t testing.TB, path string) []evalQuestion {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("question set not found: %v", err)
	}
	defer f.Close()
	var qs []evalQuestion
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q evalQuestion
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		qs = append(qs, q)
	}
	return qs
}

var spaceRE = regexp.MustCompile(`\s+`)

func evalFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return strings.ToLower(strings.TrimSpace(spaceRE.ReplaceAllString(b.String(), " ")))
}

// evalScore judges answers as the eval's scorer does: an answerable
// question passes when answered and every must-group has an alternative in
// the text; a negative passes when declined.
type evalScore struct{ answerable, passed, negatives, declined, cited, answered int }

func (s evalScore) String() string {
	return fmt.Sprintf("answerable %d/%d (%.1f%%) negatives declined %d/%d (%.1f%%) cited %d/%d precision %d/%d (%.1f%%)",
		s.passed, s.answerable, pct(s.passed, s.answerable), s.declined, s.negatives, pct(s.declined, s.negatives), s.cited, s.passed,
		s.passed, s.answered, pct(s.passed, s.answered))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func runEval(b *Base, qs []evalQuestion, fails func(evalQuestion, Answer)) evalScore {
	var s evalScore
	for _, q := range qs {
		a := b.Answer(q.Q)
		if a.Answered {
			s.answered++
		}
		if !q.Answerable {
			s.negatives++
			if !a.Answered {
				s.declined++
			} else if fails != nil {
				fails(q, a)
			}
			continue
		}
		s.answerable++
		text := evalFold(a.Text())
		ok := a.Answered
		for _, g := range q.Must {
			hit := false
			for _, alt := range g {
				hit = hit || strings.Contains(text, evalFold(alt))
			}
			ok = ok && hit
		}
		if !ok {
			if fails != nil {
				fails(q, a)
			}
			continue
		}
		s.passed++
		for _, src := range a.Sources {
			for _, d := range q.Docs {
				if src.Doc == d {
					s.cited++
					goto next
				}
			}
		}
	next:
	}
	return s
}

// packFromDisk loads the pack from ../seeds: the knowledge package's own
// tests do not import the seeds package.
func packFromDisk(t testing.TB) *Base {
	t.Helper()
	m := fstest.MapFS{}
	for _, pat := range []string{"../seeds/*.yaml", "../seeds/*.txt", "../seeds/entities/*.yaml", "../seeds/facts/*.yaml"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m[strings.TrimPrefix(f, "../seeds/")] = &fstest.MapFile{Data: data}
		}
	}
	b, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestQuestionSets holds the answering quality to floors on our own
// question set and, when it is present, the shared dev set. Raise the
// floors as answering improves; a drop below them is a regression.
func TestQuestionSets(t *testing.T) {
	b := packFromDisk(t)
	sets := []struct {
		path                              string
		minAnswered, minNeg, minPrecision float64
	}{
		{"testdata/questions.jsonl", 85, 97, 94},
		{"../../shared/eval/dev.jsonl", 92, 100, 92},
		{"../../shared/eval/dev2.jsonl", 85, 98, 90},
	}
	for _, set := range sets {
		t.Run(set.path, func(t *testing.T) {
			qs := loadQuestions(t, set.path)
			s := runEval(b, qs, nil)
			t.Log(s)
			if got := pct(s.passed, s.answerable); got < set.minAnswered {
				t.Errorf("answerable %.1f%% < floor %.0f%%", got, set.minAnswered)
			}
			if got := pct(s.declined, s.negatives); got < set.minNeg {
				t.Errorf("negatives declined %.1f%% < floor %.0f%%", got, set.minNeg)
			}
			if got := pct(s.passed, s.answered); got < set.minPrecision {
				t.Errorf("precision %.1f%% < floor %.0f%%: answers given are wrong too often", got, set.minPrecision)
			}
			if s.cited < s.passed*95/100 {
				t.Errorf("cited %d of %d passing answers, want 95%%", s.cited, s.passed)
			}
		})
	}
}

// TestCalibrate sweeps the confidence tuning and prints each setting's
// scores on both sets, for choosing defaultTuning. Run with -calibrate.
func TestCalibrate(t *testing.T) {
	if !*calibrate {
		t.Skip("run with -calibrate to sweep the tuning")
	}
	b := packFromDisk(t)
	own := loadQuestions(t, "testdata/questions.jsonl")
	dev := loadQuestions(t, "../../shared/eval/dev.jsonl")
	for _, minC := range []float64{0.45, 0.5, 0.55, 0.6, 0.65} {
		for _, unk := range []float64{0.5, 0.65, 0.8, 1.0} {
			b.idx.tune = tuning{minConfidence: minC, unknownWeight: unk}
			so, sd := runEval(b, own, nil), runEval(b, dev, nil)
			total := pct(so.passed, so.answerable) + pct(so.declined, so.negatives) + pct(sd.passed, sd.answerable) + pct(sd.declined, sd.negatives)
			fmt.Printf("min %.2f unk %.2f | own %5.1f %5.1f | dev %5.1f %5.1f | sum %.1f\n", minC, unk,
				pct(so.passed, so.answerable), pct(so.declined, so.negatives), pct(sd.passed, sd.answerable), pct(sd.declined, sd.negatives), total)
		}
	}
}
