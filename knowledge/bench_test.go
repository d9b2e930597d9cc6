package knowledge_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/durandbot/durand/knowledge"
	"github.com/durandbot/durand/seeds"
)

// benchQuestions are varied questions of every kind, typos and
// out-of-scope ones included.
var benchQuestions = []string{
	"who is Asif Durrani", "@durand when did torkham close", "how many afghans were deported", "wat is ttp",
	"what happened in september 2023", "why did pakistan deport afghans", "list the opposition groups",
	"who is amir khan muttaqi", "whos sirajuddin haqqani", "who is the spokesman of the taliban",
	"who runs the national freedom front", "<@U024BE7LH> who is mushahid hussain", "what does NIFMA stand for",
	"hey can you tell me what the supreme resistance council is", "what is a por card", "when was the mastung bombing",
	"when did pakistan issue the demarche", "when did deportations of afghans begin", "when was the tank fort attack",
	"where did the ttp attack a jui-f rally", "which provinces did the taliban promise to move ttp commanders away from",
	"how many people died in the mastung blast", "how many suicide bombings in 2023 were by afghans",
	"how many attacks did the ttp claim in december 2021", "why did the taliban not act against the ttp",
	"why did pakistan support the taliban in the 1990s", "list pakistan's strategic priorities", "timeline 1994-1998",
	"who is zabiulah mujahid", "wat is the nrf", "when did the ttp revoke the cesefire", "hw many fighters does ttp have",
	"who is sarfaraz bugty", "mullah haibatulah who is he", "what is the durand lin", "who is the president of france",
	"what is the capital of germany", "who won the cricket world cup", "what did joe biden say about the taliban",
	"how many chinese tourists visited kabul in 2022", "timeline of the ttp", "what is the moscow format",
	"who is noor wali mehsud", "what is the iskp", "how long is the pakistan afghanistan border",
	"what did mullah yaqoob say about the deportations", "who is anwar ul haq kakkar", "torkam closed when",
	"how much revenue does the taliban get from trade via pakistan", "what is fata", "who wrote the fnf paper",
	"what are pakistan's demands on the ttp", "when did china appoint an ambassador to afghanistan",
	"what happened in march 2024", "who is hafiz gul bahadur", "what is the illegal foreigners repatriation plan",
	"why does the ttp attack pakistan", "best biryani in peshawar",
}

// BenchmarkAnswer measures one question's answer, over a varied set: ns/op
// is per question.
// It also reports the median over questions of each question's own mean
// time, since a few timelines cost more than the typical question.
func BenchmarkAnswer(b *testing.B) {
	kb := base(b)
	per := make([]time.Duration, len(benchQuestions))
	i := 0
	for b.Loop() {
		k := i % len(benchQuestions)
		t0 := time.Now()
		kb.Answer(benchQuestions[k])
		per[k] += time.Since(t0)
		i++
	}
	rounds := i / len(benchQuestions)
	if rounds == 0 {
		return
	}
	for k := range per {
		per[k] /= time.Duration(rounds)
	}
	slices.Sort(per)
	b.ReportMetric(float64(per[len(per)/2].Nanoseconds()), "median-ns/question")
	b.ReportMetric(float64(per[len(per)*9/10].Nanoseconds()), "p90-ns/question")
}

// BenchmarkAnswerBatches answers every question of the labelled batches
// (testdata/batches), each as typed and in three variants an analyst might
// type — an opener, an ending, two letters swapped in its longest word — so
// that thousands of distinct questions of every kind, mistyped ones and
// ones the pack does not cover included, are answered. ns/op is per
// question; it also reports the 99th percentile of the questions' times.
func BenchmarkAnswerBatches(b *testing.B) {
	kb := base(b)
	qs := batchQuestions(b)
	times := make([]time.Duration, 0, len(qs))
	i := 0
	for b.Loop() {
		t0 := time.Now()
		kb.Answer(qs[i%len(qs)])
		if len(times) < cap(times) {
			times = append(times, time.Since(t0))
		}
		i++
	}
	if len(times) > 0 {
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)*99/100].Nanoseconds()), "p99-ns/question")
	}
}

// BenchmarkAnswerIn answers the conversations of testdata/conversations.jsonl
// turn by turn, each in its own conversation: follow-ups are read against
// what came before, and each reading worth weighing is answered. ns/op is
// per turn; it also reports the 99th percentile of the turns' times.
func BenchmarkAnswerIn(b *testing.B) {
	kb := base(b)
	data, err := os.ReadFile("testdata/conversations.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var convs [][]string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var c struct{ Turns []struct{ Q string } }
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			b.Fatal(err)
		}
		var qs []string
		for _, t := range c.Turns {
			qs = append(qs, t.Q)
		}
		convs = append(convs, qs)
	}
	times := make([]time.Duration, 0, 20000)
	var ctx knowledge.Context
	k, turn := 0, 0
	for b.Loop() {
		if turn == 0 {
			ctx = knowledge.Context{}
		}
		t0 := time.Now()
		_, ctx = kb.AnswerIn(ctx, convs[k][turn])
		if len(times) < cap(times) {
			times = append(times, time.Since(t0))
		}
		if turn++; turn == len(convs[k]) {
			k, turn = (k+1)%len(convs), 0
		}
	}
	if len(times) > 0 {
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)*99/100].Nanoseconds()), "p99-ns/turn")
	}
}

// batchQuestions returns the batches' questions, each as typed and in three
// variants of it.
func batchQuestions(tb testing.TB) []string {
	paths, err := filepath.Glob("testdata/batches/*.jsonl")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no question batches in testdata/batches (%v)", err)
	}
	var out []string
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var line struct{ Q string }
			if json.Unmarshal(sc.Bytes(), &line) != nil || line.Q == "" {
				continue
			}
			out = append(out, line.Q, "hey "+line.Q, line.Q+" pls", swapInLongest(line.Q))
		}
		f.Close()
	}
	return out
}

// swapInLongest swaps the middle two letters of q's longest word: a typo.
func swapInLongest(q string) string {
	words := strings.Fields(q)
	k := 0
	for j, w := range words {
		if len(w) > len(words[k]) {
			k = j
		}
	}
	if w := []byte(words[k]); len(w) >= 4 {
		m := len(w) / 2
		w[m-1], w[m] = w[m], w[m-1]
		words[k] = string(w)
	}
	return strings.Join(words, " ")
}

// BenchmarkLoad measures loading, validating and indexing the embedded pack.
func BenchmarkLoad(b *testing.B) {
	fsys := seeds.FS()
	for b.Loop() {
		if _, err := knowledge.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadSnapshot measures starting from the embedded pack's
// snapshot, as the binary does: the digest of the pack files, the checksum
// and the decoding. BenchmarkLoad is the same pack parsed and indexed.
func BenchmarkLoadSnapshot(b *testing.B) {
	fsys, snap := seeds.FS(), seeds.Snapshot()
	for b.Loop() {
		if _, err := knowledge.DecodeSnapshot(fsys, snap); err != nil {
			b.Fatal(err)
		}
	}
}

// worstInputs are the questions that cost most per character: each stays
// within the 1,000-character input limit. BenchmarkWorstInputs keeps them
// cheap.
var worstInputs = []struct{ name, q string }{
	{"long-word", strings.Repeat("a", 1000)},
	{"long-mixed-word", strings.Repeat("talibanx", 125)},
	{"one-letter-words", strings.Repeat("a ", 500)},
	{"varied-short-words", strings.Repeat("ab cd ef gh ij kl mn op ", 41)},
	{"digits", strings.Repeat("7", 1000)},
	{"spaced-digits", strings.Repeat("7 ", 500)},
	{"repeated-names", strings.Repeat("taliban ttp durrani ", 50)},
	{"repeated-typo-names", strings.Repeat("talibn tpp durani haqani ", 40)},
	{"mixed-scripts", strings.Repeat("طالبان Талибан 塔利班 ", 50)},
	{"punctuation", strings.Repeat("?!.,;:'\"()-", 91)},
	{"long-typo-words", strings.Repeat("pakistanafghan ", 66)},
}

// BenchmarkWorstInputs measures each worst input's answer; the issue's
// bound is 5 ms and 1 MB allocated per question.
func BenchmarkWorstInputs(b *testing.B) {
	kb := base(b)
	for _, w := range worstInputs {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				kb.Answer(w.q)
			}
		})
	}
}

// TestConcurrentAnswersAgree: questions answered at once from several
// goroutines, which share the index's pooled buffers, are answered as they
// are one at a time.
func TestConcurrentAnswersAgree(t *testing.T) {
	kb := base(t)
	want := make([]string, len(benchQuestions))
	for i, q := range benchQuestions {
		want[i] = kb.Answer(q).Text()
	}
	const workers = 4
	errs := make(chan string, workers*len(benchQuestions))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range benchQuestions {
				i := (k + w*7) % len(benchQuestions) // each worker in its own order
				if got := kb.Answer(benchQuestions[i]).Text(); got != want[i] {
					errs <- benchQuestions[i] + ": " + got
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("answered differently at once: %s", e)
	}
}
