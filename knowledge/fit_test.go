package knowledge

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var (
	refit      = flag.Bool("refit", false, "refit the confidence model and rewrite weights.json")
	fitBatches = flag.String("fitbatches", "testdata/batches/*.jsonl", "with -refit: the question batches to fit on besides the public sets (a glob; \"none\" holds them all out)")
	refitRank  = flag.Bool("refitrank", false, "with -refit: refit the ranking model too (by default the shipped one is kept: refitted on the batches since, it put the right fact first no more often on a batch held out of both fits)")
	fitOut     = flag.String("fitout", "weights.json", "with -refit: where to write the weights (another file leaves the shipped ones alone)")
)

// example is one labelled question for fitting the confidence model: the
// inputs for its best candidate, and whether answering with it is right.
type example struct {
	x        []float64
	right    bool
	weight   float64
	negative bool // from a question the sources do not answer
}

// Weights of the two kinds of labelled question in the fit. Questions from
// the question sets are written as people ask, negatives included, so they
// count for more than the alternate questions, which are many but easy.
const (
	altExampleWeight  = 0.25
	evalExampleWeight = 4.0
)

// rankFor takes a question through the pipeline as Answer does, up to the
// ranked candidates; ok is false when Answer settles it before ranking (no
// question, the future, a timeline).
func rankFor(b *Base, question, heldOut string) (*query, []scored, bool) {
	norm := Normalize(question)
	if strings.TrimSpace(norm) == "" {
		return nil, nil, false
	}
	q := b.parse(norm)
	q.heldOut = heldOut
	if q.future {
		return nil, nil, false
	}
	if q.intent == IntentTimeline {
		var a Answer
		if b.timeline(q, &a) || q.hasSpan {
			return nil, nil, false
		}
	}
	ranked := b.rank(q)
	return q, ranked, len(ranked) > 0
}

// labelled is a question with a way to tell a right answer: the alternate
// question's own fact, or the question set's must-groups.
type labelled struct {
	text, heldOut string
	weight        float64
	negative      bool                // the sources do not answer it
	rightFact     func(f *Fact) bool  // a candidate that answers it
	rightAnswer   func(a Answer) bool // a composed answer that passes
}

// altLabelled turns every alternate question into a labelled question: with
// that very question held out of matching, its own fact (or another side of
// the same conflict, or a fact saying the same) is the answer.
func altLabelled(b *Base) []labelled {
	var out []labelled
	for _, f := range b.facts {
		f := f
		right := func(g *Fact) bool {
			return g == f || f.Conflict != "" && g.Conflict == f.Conflict || g.Text == f.Text
		}
		for _, text := range f.Questions {
			out = append(out, labelled{
				text: text, heldOut: Normalize(text), weight: altExampleWeight, rightFact: right,
				rightAnswer: func(a Answer) bool { return len(a.Facts) > 0 && right(a.Facts[0]) },
			})
		}
	}
	return out
}

// evalLabelled turns a question set into labelled questions; a negative has
// no right answer.
func evalLabelled(qs []evalQuestion) []labelled {
	var out []labelled
	for _, eq := range qs {
		eq := eq
		out = append(out, labelled{
			text: eq.Q, weight: evalExampleWeight, negative: !eq.Answerable,
			rightFact:   func(f *Fact) bool { return eq.Answerable && mustHold(withItems(f), eq.Must) },
			rightAnswer: func(a Answer) bool { return eq.Answerable && mustHold(a.Text(), eq.Must) },
		})
	}
	return out
}

// oofFolds is how many parts the fit's questions are split into, so that
// each part's confidence examples come from a ranking fitted on the others.
const oofFolds = 5

// rankExamplesByQuestion labels every kept candidate of every question by
// whether it answers the question, kept per question in the order of ls; a
// question the pipeline settles before ranking has none.
func rankExamplesByQuestion(b *Base, ls []labelled) [][]example {
	out := make([][]example, len(ls))
	for i, l := range ls {
		_, ranked, ok := rankFor(b, l.text, l.heldOut)
		if !ok {
			continue
		}
		for _, s := range ranked {
			out[i] = append(out[i], example{x: rankInputs(s.feat), right: l.rightFact(b.facts[s.fact]), weight: l.weight})
		}
	}
	return out
}

// confExamples labels each question's composed answer by whether it passes.
func confExamples(b *Base, ls []labelled) []example {
	var out []example
	for _, l := range ls {
		q, ranked, ok := rankFor(b, l.text, l.heldOut)
		if !ok {
			continue
		}
		ranked = b.placeFirst(q, ranked)
		if b.openAsked(q, ranked) >= 0 || b.missingPart(q, ranked) != "" {
			continue // declined whatever the confidence: no example
		}
		var a Answer
		b.compose(q, &a, ranked)
		out = append(out, example{x: b.confInputs(q, ranked), right: l.rightAnswer(a), weight: l.weight, negative: l.negative})
	}
	return out
}

func mustHold(text string, must [][]string) bool {
	text = evalFold(text)
	for _, g := range must {
		hit := false
		for _, alt := range g {
			hit = hit || strings.Contains(text, evalFold(alt))
		}
		if !hit {
			return false
		}
	}
	return true
}

// standardised returns a blank model over names whose inputs are centred
// and scaled by their weighted mean and spread in exs.
func standardised(names []string, exs []example) logistic {
	n := len(names)
	m := logistic{Features: names, Mean: make([]float64, n), Scale: make([]float64, n), Weights: make([]float64, n)}
	var wsum float64
	for _, e := range exs {
		wsum += e.weight
		for j, v := range e.x {
			m.Mean[j] += e.weight * v
		}
	}
	for j := range m.Mean {
		m.Mean[j] /= wsum
	}
	for _, e := range exs {
		for j, v := range e.x {
			m.Scale[j] += e.weight * (v - m.Mean[j]) * (v - m.Mean[j])
		}
	}
	for j := range m.Scale {
		m.Scale[j] = math.Sqrt(m.Scale[j] / wsum)
		if m.Scale[j] < 1e-9 {
			m.Scale[j] = 1 // a constant input: its weight stays near zero
		}
	}
	return m
}

// standardise returns exs' inputs centred and scaled as m's are.
func (m logistic) standardise(exs []example) [][]float64 {
	z := make([][]float64, len(exs))
	for i, e := range exs {
		z[i] = make([]float64, len(e.x))
		for j, v := range e.x {
			z[i][j] = (v - m.Mean[j]) / m.Scale[j]
		}
	}
	return z
}

// fitRanking fits the ranking model to put a right candidate first: a
// softmax over each question's kept candidates, the right ones against all
// (a listwise fit, as in learning to rank), with an L2 penalty. Questions
// with no right candidate teach nothing about order and are left out.
// Pointwise logistic regression, fitted to each candidate alone, spends
// itself on telling bad candidates from worse ones; out of fold, the
// listwise fit puts the right fact first more often. A last pass fits the
// bias alone, so that the model's chance is a candidate's chance of being
// right, which the explanation shows and the confidence model's margin
// reads. It is deterministic.
func fitRanking(names []string, perQ [][]example, l2 float64, iters int) logistic {
	var all []example
	for _, xs := range perQ {
		all = append(all, xs...)
	}
	m := standardised(names, all)
	type question struct {
		z      [][]float64
		right  []bool
		weight float64
	}
	var qs []question
	var wsum float64
	for _, xs := range perQ {
		hasRight := false
		for _, e := range xs {
			hasRight = hasRight || e.right
		}
		if !hasRight || len(xs) < 2 {
			continue
		}
		q := question{z: m.standardise(xs), weight: xs[0].weight}
		for _, e := range xs {
			q.right = append(q.right, e.right)
		}
		qs = append(qs, q)
		wsum += q.weight
	}
	const rate = 0.5
	grad := make([]float64, len(names))
	var s []float64
	for it := 0; it < iters; it++ {
		for j := range grad {
			grad[j] = l2 * m.Weights[j]
		}
		for _, q := range qs {
			s = s[:0]
			top := math.Inf(-1)
			for _, z := range q.z {
				v := 0.0
				for j, x := range z {
					v += m.Weights[j] * x
				}
				s = append(s, v)
				top = math.Max(top, v)
			}
			var sum, right float64
			for k := range s {
				s[k] = math.Exp(s[k] - top)
				sum += s[k]
				if q.right[k] {
					right += s[k]
				}
			}
			for k, z := range q.z {
				// The gradient of -log(P(right)) in the candidate's score.
				d := s[k] / sum
				if q.right[k] {
					d -= s[k] / right
				}
				d *= q.weight / wsum
				for j, x := range z {
					grad[j] += d * x
				}
			}
		}
		for j := range grad {
			m.Weights[j] -= rate * grad[j]
		}
	}
	z := m.standardise(all)
	var total float64
	for _, e := range all {
		total += e.weight
	}
	for range biasIters {
		var g float64
		for i, e := range all {
			g += e.weight * (m.probStd(z[i]) - b2f(e.right))
		}
		m.Bias -= 2 * g / total
	}
	return m
}

// biasIters is how many steps fitRanking takes to fit the bias alone.
const biasIters = 500

func (m logistic) probStd(z []float64) float64 {
	s := m.Bias
	for j, v := range z {
		s += m.Weights[j] * v
	}
	return 1 / (1 + math.Exp(-s))
}

// targetPrecision is the share of answers that must be right on the
// question sets, judged on chances given out of fold: an analyst told
// something false may repeat it, one told "the sources don't say" looks
// elsewhere. The threshold is the lowest that reaches it, so durand answers
// as much as that allows. A target is stabler than trading costs, which
// shifts the threshold with small changes in the fit. It is issue 10's
// bar for unseen questions: 95 answers in 100 right. (At 0.935, as the
// fit improved, the threshold fell to 0.35, and the answers it added
// between 0.35 and 0.60 were right only half the time.)
const targetPrecision = 0.95

// targetDeclined is the share of the question sets' unanswerable
// questions that must be declined, out of fold, counting those a rule
// declines before the model is asked. Issue 10's bar is 95%. Set by
// precision alone, the threshold fell to 0.41–0.43 as the fit improved,
// where 95% are declined out of fold but only 93.6–94.3% of the negatives
// of batches f91–f98 were before they were studied: the studied sets
// flatter the share by a point, so the target is a point above the bar.
const targetDeclined = 0.96

// bestThreshold picks the lowest threshold at which the answered examples
// reach targetPrecision and the unanswerable questions, negatives of them
// in all, targetDeclined; or the highest tried when none does. ps are the
// chances the model gives exs.
func bestThreshold(ps []float64, exs []example, negatives float64) float64 {
	const lo, hi = 0.30, 0.80
	for t := lo; t <= hi+1e-9; t += 0.01 {
		var answered, right, wrongNeg float64
		for i, e := range exs {
			if ps[i] >= t {
				answered += e.weight
				if e.right {
					right += e.weight
				}
				if e.negative {
					wrongNeg++
				}
			}
		}
		if answered > 0 && right/answered >= targetPrecision && (negatives == 0 || 1-wrongNeg/negatives >= targetDeclined) {
			return math.Round(t*100) / 100
		}
	}
	return hi
}

// calibrationOf is calibration for the chances ps given to exs.
func calibrationOf(ps []float64, threshold float64, exs []example) (decided, ece float64, answered int) {
	type bin struct{ n, right, conf float64 }
	var bins [5]bin
	right := 0
	for i, e := range exs {
		p := ps[i]
		if (p >= threshold) == e.right {
			right++
		}
		if p < threshold {
			continue
		}
		answered++
		k := min(int(p*5), 4)
		bins[k].n++
		bins[k].conf += p
		bins[k].right += b2f(e.right)
	}
	for _, b := range bins {
		if b.n > 0 {
			ece += b.n / float64(answered) * math.Abs(b.conf/b.n-b.right/b.n)
		}
	}
	return float64(right) / float64(len(exs)), ece, answered
}

// calibration summarises how the model does on examples: the share of right
// decisions, and the expected calibration error of answered ones in five
// bins, as the eval's scorer computes it.
func calibration(m *boosted, exs []example) (decided, ece float64, answered int) {
	ps := make([]float64, len(exs))
	for i, e := range exs {
		ps[i] = m.prob(e.x)
	}
	return calibrationOf(ps, m.Threshold, exs)
}

// TestFitConfidence refits the ranking and confidence models on the
// alternate questions and the public question sets, checks them on our own
// set (held back from the fit), and with -refit writes weights.json. Without
// -refit it checks that the shipped confidence model decides better on the
// held-back set than always doing the likelier thing.
//
//	go test ./knowledge -run TestFitConfidence -refit
//
// To score the question batches honestly, fit without them and elsewhere,
// then build durand with those weights:
//
//	go test ./knowledge -run TestFitConfidence -refit -fitbatches none -fitout /tmp/weights.json
func TestFitConfidence(t *testing.T) {
	if *refit {
		// Start from blank models of the features the code computes now,
		// so a refit works after features are added or removed.
		blank := func(names []string) logistic {
			n := len(names)
			return logistic{Features: names, Mean: make([]float64, n), Scale: ones(n), Weights: make([]float64, n)}
		}
		var shipped models
		if err := json.Unmarshal(weightsJSON, &shipped); err != nil {
			t.Fatal(err)
		}
		rank := shipped.Rank
		if *refitRank {
			rank = blank(rankFeatureNames)
		}
		data, err := json.Marshal(models{Hand: shipped.Hand, Rank: rank, Confidence: boosted{Features: confFeatureNames, Rate: 1, Trees: []tree{{{}}}, Threshold: 0.5}})
		if err != nil {
			t.Fatal(err)
		}
		weightsJSON = data
	}
	b := packFromDisk(t)
	heldQs := evalLabelled(loadQuestions(t, "testdata/questions.jsonl"))
	if !*refit {
		m := b.idx.models.Confidence
		held := confExamples(b, heldQs)
		decided, ece, answered := calibration(&m, held)
		t.Logf("shipped model on held-back set: %.1f%% right decisions, ece %.3f over %d answered", 100*decided, ece, answered)
		base := 0
		for _, e := range held {
			if e.right {
				base++
			}
		}
		if trivial := math.Max(float64(base), float64(len(held)-base)) / float64(len(held)); decided < trivial {
			t.Errorf("shipped model decides %.1f%% right, less than always doing the likelier thing (%.1f%%)", 100*decided, 100*trivial)
		}
		return
	}
	train := altLabelled(b)
	nAlt := len(train)
	var sets []string
	batches, _ := filepath.Glob(*fitBatches) // no match for "none"
	for _, path := range append([]string{"../../shared/eval/dev.jsonl", "../../shared/eval/dev2.jsonl"}, batches...) {
		qs := loadQuestions(t, path)
		train = append(train, evalLabelled(qs)...)
		sets = append(sets, fmt.Sprintf("%s (%d)", path[strings.LastIndex(path, "/")+1:], len(qs)))
	}
	fittedOn := fmt.Sprintf("%d alternate questions, each held out of its own matching; %s", nAlt, strings.Join(sets, ", "))
	const cmd = "go test ./knowledge -run TestFitConfidence -refit"

	rm, exs := fitRankFor(t, b, train, cmd+" -refitrank", fittedOn)
	var evalExs []example
	evalPos := map[int]int{} // an example's place among evalExs
	for i, e := range exs {
		if e.weight == evalExampleWeight {
			evalPos[i] = len(evalExs)
			evalExs = append(evalExs, e)
		}
	}
	// The threshold is set on chances from trees fitted without the
	// question, as they will be given on questions never seen: on its own
	// questions a boosted fit is surer than it should be.
	oof := make([]float64, len(evalExs))
	for k := range oofFolds {
		var in []example
		for i, e := range exs {
			if i%oofFolds != k {
				in = append(in, e)
			}
		}
		fm := fitBoosted(confFeatureNames, in, boostSettings)
		for i, e := range exs {
			if i%oofFolds == k && e.weight == evalExampleWeight {
				oof[evalPos[i]] = fm.prob(e.x)
			}
		}
	}
	for th := 0.30; th < 0.81; th += 0.05 {
		var answered, right float64
		for i, e := range evalExs {
			if oof[i] >= th {
				answered++
				right += b2f(e.right)
			}
		}
		t.Logf("out of fold at %.2f: %.0f of %d answered, %.1f%% of them right", th, answered, len(evalExs), 100*right/answered)
	}
	m := fitBoosted(confFeatureNames, exs, boostSettings)
	var negatives float64
	for _, l := range train {
		if l.negative {
			negatives++
		}
	}
	m.Threshold = bestThreshold(oof, evalExs, negatives)
	m.Command, m.FittedOn = cmd, fittedOn
	oofDecided, oofECE, oofAnswered := calibrationOf(oof, m.Threshold, evalExs)
	held := confExamples(b, heldQs)
	decided, ece, answered := calibration(&m, held)
	m.HeldOut = fmt.Sprintf("out of fold on the question sets (%d ranked): %.1f%% right decisions, ece %.3f over %d answered; testdata/questions.jsonl (%d ranked): %.1f%% right decisions, ece %.3f over %d answered",
		len(evalExs), 100*oofDecided, oofECE, oofAnswered, len(held), 100*decided, ece, answered)
	if *refitRank {
		rm.HeldOut = m.HeldOut
	}
	t.Logf("held out: %s", m.HeldOut)
	data, err := json.MarshalIndent(models{Hand: b.idx.models.Hand, Rank: rm, Confidence: m, Timeline: measured{Share: timelineShareRight(t, b), Command: cmd,
		FittedOn: "every labelled set: the public sets, our own set and the batches"}, FollowUp: b.idx.models.FollowUp}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*fitOut, append(compactNodes(data), '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// nodeRE matches a tree node as MarshalIndent writes it, a field a line;
// its fields have one-letter names, which nothing else in weights.json has.
var nodeRE = regexp.MustCompile(`\{(\s*"[a-z]": [^,{}\[\]\n]+,?)+\s*\}`)

// compactNodes writes each tree node on one line, so that weights.json
// stays readable and its diffs short.
func compactNodes(data []byte) []byte {
	space := regexp.MustCompile(`\s*\n\s*`)
	return nodeRE.ReplaceAllFunc(data, func(n []byte) []byte {
		return space.ReplaceAll(n, nil)
	})
}

// fitRankFor returns the ranking model and the confidence examples its
// answers give. With -refitrank it refits the ranking first, on the hand
// order's candidates (which the ranking model does not change: it only
// reorders the kept ones), and each question's answer comes from a
// ranking fitted without it, so the confidence model learns how right
// answers are on questions the ranking has not seen. Without, the shipped
// ranking answers every question.
func fitRankFor(t *testing.T, b *Base, train []labelled, cmd, fittedOn string) (logistic, []example) {
	if !*refitRank {
		return b.idx.models.Rank, confExamples(b, train)
	}
	b.idx.models.Rank = logistic{}
	perQ := rankExamplesByQuestion(b, train)
	rm := fitRanking(rankFeatureNames, perQ, rankL2, rankIters)
	rm.Command, rm.FittedOn = cmd, fittedOn
	logWeights(t, "rank", rm)
	var exs []example
	for k := range oofFolds {
		var in [][]example
		var held []labelled
		for qi, xs := range perQ {
			if qi%oofFolds == k {
				held = append(held, train[qi])
			} else {
				in = append(in, xs)
			}
		}
		b.idx.models.Rank = fitRanking(rankFeatureNames, in, rankL2, rankIters)
		exs = append(exs, confExamples(b, held)...)
	}
	b.idx.models.Rank = rm
	return rm, exs
}

func logWeights(t *testing.T, name string, m logistic) {
	t.Helper()
	order := make([]int, len(m.Weights))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return math.Abs(m.Weights[order[i]]) > math.Abs(m.Weights[order[j]]) })
	t.Logf("%s model, bias %+.3f:", name, m.Bias)
	for _, i := range order {
		t.Logf("  %-16s %+.3f", m.Features[i], m.Weights[i])
	}
}

func ones(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = 1
	}
	return out
}

// rankL2 is the ranking fit's L2 penalty: strong enough that a sign seen on
// few candidates cannot outweigh the hand model's judgement.
const rankL2 = 0.05

// rankIters is how many full-batch steps the ranking fit takes.
const rankIters = 1500

// TestCalibration: the confidence stated with answers is near how often
// they are right, on our own set, which no fit sees: within maxHeldECE,
// over ten bins as the eval's scorer counts them.
func TestCalibration(t *testing.T) {
	b := packFromDisk(t)
	var ps []float64
	var right []bool
	for _, eq := range loadQuestions(t, "testdata/questions.jsonl") {
		if a := b.Answer(eq.Q); a.Answered {
			ps = append(ps, a.Confidence)
			right = append(right, eq.Answerable && mustHold(a.Text(), eq.Must))
		}
	}
	if len(ps) < minCalibrationAnswers {
		t.Fatalf("%d answers, want at least %d to judge calibration by", len(ps), minCalibrationAnswers)
	}
	if ece := binnedECE(ps, right); ece > maxHeldECE {
		t.Errorf("stated confidence is %.3f from the share right over %d answers, want at most %.2f: refit", ece, len(ps), maxHeldECE)
	}
}

// timelineShareRight measures how often a timeline answer is right over
// every labelled set: the public sets, our own set and the batches.
func timelineShareRight(t *testing.T, b *Base) float64 {
	paths, _ := filepath.Glob("testdata/batches/*.jsonl")
	paths = append(paths, "testdata/questions.jsonl", "../../shared/eval/dev.jsonl", "../../shared/eval/dev2.jsonl")
	var n, right int
	for _, path := range paths {
		if _, err := os.Stat(path); err != nil {
			continue // the public sets are absent outside the workspace
		}
		for _, eq := range loadQuestions(t, path) {
			q := b.parse(Normalize(eq.Q))
			if q.intent != IntentTimeline {
				continue
			}
			var a Answer
			if !b.timeline(q, &a) {
				continue
			}
			n++
			if eq.Answerable && mustHold(a.Text(), eq.Must) {
				right++
			}
		}
	}
	if n < minTimelineAnswers {
		return 0
	}
	t.Logf("timelines: %d of %d right", right, n)
	return float64(right) / float64(n)
}

// Limits of the calibration check and the timeline measure.
const (
	minCalibrationAnswers = 100 // fewer, and the check is noise
	minTimelineAnswers    = 20  // fewer timelines, and their share right is not measured
	// maxHeldECE is the calibration error allowed on our own set: issue
	// 10 asks for 0.05 on unseen questions, and 150-odd answers in ten
	// bins add a few points of noise.
	maxHeldECE = 0.08
)

// binnedECE is the expected calibration error over ten equal-width bins of
// stated confidence: the mean gap between stated and right, weighted by the
// answers in each bin.
func binnedECE(conf []float64, right []bool) float64 {
	var n, sumC, sumR [10]float64
	for i, c := range conf {
		k := min(int(c*10), 9)
		n[k]++
		sumC[k] += c
		if right[i] {
			sumR[k]++
		}
	}
	var e float64
	for k := range n {
		if n[k] > 0 {
			e += math.Abs(sumC[k]-sumR[k]) / float64(len(conf))
		}
	}
	return e
}
