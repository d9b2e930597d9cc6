package knowledge

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

// conversation is one line of testdata/conversations.jsonl: turns of one
// conversation, each with what its answer must contain.
type conversation struct {
	ID    string `json:"id"`
	Turns []struct {
		Q      string     `json:"q"`
		Kind   string     `json:"kind"` // first, pronoun, ellipsis, more, sources, unresolved, smalltalk
		Must   [][]string `json:"must"`
		Expect string     `json:"expect"`
	} `json:"turns"`
}

// minFollowUps is the least share of follow-up turns of the conversation
// set that must be right: a floor under what durand scores today (87.6% of
// the 125 batches pooled, 14349/16384, scored as the question sets
// are: a decline is wrong however much of the answer it mentions), so that
// no change slips back unnoticed. The goal is 90%; most misses left are
// answers the ranker gets wrong however the follow-up is read.
const minFollowUps = 0.83

// TestConversationSet runs each conversation of testdata/conversations.jsonl
// through AnswerIn, turn by turn, and scores the follow-ups: a turn is right
// when its answer holds an alternative of every must group (its text, with
// its sources' titles and ids for a "sources" turn); small talk must be a
// reply with no fact and no source; an unresolved pronoun must be asked
// about. The set was written from the documents alone, without sight of
// the pack.
func TestConversationSet(t *testing.T) {
	path := "testdata/conversations.jsonl"
	if p := os.Getenv("DURAND_CONVERSATIONS"); p != "" {
		path = p // another set, scored the same way: go test -run TestConversationSet -v
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := packFromDisk(t)
	right, total := map[string]int{}, map[string]int{}
	firstRight, firsts := 0, 0 // first turns, which stand alone: not scored, but logged for comparison
	var misses []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var c conversation
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("bad line %q: %v", sc.Text(), err)
		}
		var ctx Context
		for i, turn := range c.Turns {
			var a Answer
			a, ctx = b.AnswerIn(ctx, turn.Q)
			if turn.Kind == "first" {
				if ok, _ := turnRight(a, turn.Kind, turn.Must, turn.Expect); ok {
					firstRight++
				}
				firsts++
				continue
			}
			total[turn.Kind]++
			if ok, why := turnRight(a, turn.Kind, turn.Must, turn.Expect); ok {
				right[turn.Kind]++
			} else {
				misses = append(misses, c.ID+"#"+string(rune('1'+i))+" ["+turn.Kind+"] "+turn.Q+" → "+a.Resolved+" — "+why+": "+trimTo(a.Text(), 140))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	sumRight, sumTotal := 0, 0
	for k := range total {
		kinds = append(kinds, k)
		sumRight += right[k]
		sumTotal += total[k]
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("%-10s %3d/%3d", k, right[k], total[k])
	}
	share := float64(sumRight) / float64(sumTotal)
	t.Logf("follow-ups right: %d/%d = %.1f%% (first turns, standing alone: %d/%d)", sumRight, sumTotal, 100*share, firstRight, firsts)
	for _, m := range misses {
		t.Log("miss: " + m)
	}
	if share < minFollowUps {
		t.Errorf("follow-ups right %.1f%%, want at least %.0f%%", 100*share, 100*minFollowUps)
	}
}

// turnRight scores one turn as the question sets' scorer scores a
// question: a turn that asks something must be answered, and hold its must
// groups (a decline that mentions the right fact is still a decline); one
// the sources cannot answer (expect "decline") must be declined.
func turnRight(a Answer, kind string, must [][]string, expect string) (bool, string) {
	text := a.Text()
	switch {
	case kind == "smalltalk":
		if !a.Reply || a.Answered || len(a.Sources) > 0 || len(a.Facts) > 0 {
			return false, "not a reply free of facts"
		}
		return true, ""
	case kind == "unresolved":
		if !a.Reply {
			return false, "not asked back"
		}
	case expect == "decline":
		if a.Answered {
			return false, "answered what the sources do not say"
		}
		return true, ""
	case !a.Answered:
		return false, "declined"
	}
	switch kind {
	case "sources":
		for _, s := range a.Sources {
			text += " " + s.Doc + " " + s.Title + " " + s.Quote
		}
	}
	hay := fold(text)
	for _, group := range must {
		found := false
		for _, alt := range group {
			if strings.Contains(hay, fold(alt)) {
				found = true
				break
			}
		}
		if !found {
			return false, "missing " + strings.Join(group, " | ")
		}
	}
	return true, ""
}

// fold is the scorer's folding: case, curly quotes, white space.
func fold(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

func trimTo(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// followUpExample is an answered follow-up of the conversation set: the
// single-question model's chance, whether the answer holds what the turn
// must, and which of two folds its conversation is in.
type followUpExample struct {
	p     float64
	right bool
	fold  int
}

// conversationSet reads the conversations of testdata/conversations.jsonl.
func conversationSet(t *testing.T) []conversation {
	t.Helper()
	data, err := os.ReadFile("testdata/conversations.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var out []conversation
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var c conversation
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		out = append(out, c)
	}
	return out
}

// followUpExamples answers every conversation of the set and keeps the
// answered follow-ups read against the conversation (those whose reading
// differs from what was typed), with the single-question chance.
func followUpExamples(t *testing.T, b *Base) []followUpExample {
	t.Helper()
	var out []followUpExample
	for n, c := range conversationSet(t) {
		var ctx Context
		for _, turn := range c.Turns {
			a, next, read := b.answerIn(ctx, turn.Q, nil)
			ctx = next
			if turn.Kind == "first" || !a.Answered || !read {
				continue // as AnswerIn recalibrates: readings only
			}
			ok, _ := turnRight(a, turn.Kind, turn.Must, turn.Expect)
			out = append(out, followUpExample{p: a.Confidence, right: ok, fold: n % 2})
		}
	}
	return out
}

// fitFollowUp fits the follow-up recalibration, a logistic regression on
// the log-odds of the single-question chance (Platt scaling), by Newton's
// method on the log loss with a slight L2 penalty. It is deterministic.
func fitFollowUp(exs []followUpExample) logistic {
	const l2 = 1e-3
	w, bias := 1.0, 0.0
	for range 50 {
		var gw, gb, hww, hwb, hbb float64
		for _, e := range exs {
			x := logit(clampChance(e.p))
			p := sigmoid(w*x + bias)
			y := 0.0
			if e.right {
				y = 1
			}
			gw += (p - y) * x
			gb += p - y
			s := p * (1 - p)
			hww += s * x * x
			hwb += s * x
			hbb += s
		}
		gw += l2 * w
		hww += l2
		hbb += l2
		det := hww*hbb - hwb*hwb
		if det == 0 {
			break
		}
		w -= (hbb*gw - hwb*gb) / det
		bias -= (hww*gb - hwb*gw) / det
	}
	return logistic{Features: followUpFeatures, Mean: []float64{0}, Scale: []float64{1}, Weights: []float64{w}, Bias: bias}
}

// followUpECE is how far stated confidence is from the share right over
// exs, under the recalibration m (nil: the single-question chance).
func followUpECE(m *logistic, exs []followUpExample) float64 {
	var ps []float64
	var right []bool
	for _, e := range exs {
		p := e.p
		if m != nil {
			p = m.prob([]float64{logit(clampChance(p))})
		}
		ps = append(ps, p)
		right = append(right, e.right)
	}
	return binnedECE(ps, right)
}

// maxFollowUpECE bounds the shipped recalibration's distance from the share
// right on the conversation set: a guard a little above what it does today
// (0.054 over 214 answers, judged by the strict must-strings), where the
// goal is issue 10's 0.05 for single questions.
const maxFollowUpECE = 0.06

// TestFitFollowUps checks that the confidence of answers to follow-ups
// means the chance they are right, on the conversation set: with the
// shipped recalibration, within maxFollowUpECE. With -refit it refits the
// reading model (fitReadings) and then the recalibration on the whole set,
// and writes both into weights.json (the other models are kept), after
// checking the recalibration out of fold, each half of the conversations
// fitted on the other:
//
//	go test ./knowledge -run TestFitFollowUps -refit
func TestFitFollowUps(t *testing.T) {
	if *refit {
		// Start without the reading model, so that a refit works after
		// its inputs change.
		var shipped models
		if err := json.Unmarshal(weightsJSON, &shipped); err != nil {
			t.Fatal(err)
		}
		shipped.Reading = nil
		data, err := json.Marshal(shipped)
		if err != nil {
			t.Fatal(err)
		}
		weightsJSON = data
	}
	b := packFromDisk(t)
	if *refit {
		// The reading model first: what it chooses is what the
		// recalibration is fitted on.
		b.idx.models.Reading = fitReadings(t, b)
	}
	exs := followUpExamples(t, b)
	if len(exs) < 100 {
		t.Fatalf("%d answered follow-ups: too few to judge confidence by", len(exs))
	}
	raw := followUpECE(nil, exs)
	if !*refit {
		if m := b.idx.models.Reading; m == nil {
			t.Error("weights.json has no reading model: refit")
		} else {
			rules, chosen := 0, 0
			for _, q := range readingQuestions(t, b) {
				rules += int(b2f(q.xs[0].right))
				chosen += int(b2f(q.xs[chooseAmong(m, q.xs)].right))
			}
			t.Logf("reading model: %d turns right, the rules alone %d", chosen, rules)
			if chosen < rules {
				t.Errorf("the reading model gets %d turns right, the rules alone %d: refit", chosen, rules)
			}
		}
		shipped := b.idx.models.FollowUp
		if shipped == nil {
			t.Fatal("weights.json has no follow_up recalibration: refit")
		}
		got := followUpECE(shipped, exs)
		t.Logf("%d answered follow-ups: ece %.3f as the single-question model states it, %.3f recalibrated", len(exs), raw, got)
		if got > maxFollowUpECE {
			t.Errorf("follow-up confidence is %.3f from the share right, want at most %.2f: go test ./knowledge -run TestFitFollowUps -refit", got, maxFollowUpECE)
		}
		return
	}
	var folds [2][]followUpExample
	for _, e := range exs {
		folds[e.fold] = append(folds[e.fold], e)
	}
	m0, m1 := fitFollowUp(folds[1]), fitFollowUp(folds[0])
	oof := (followUpECE(&m0, folds[0])*float64(len(folds[0])) + followUpECE(&m1, folds[1])*float64(len(folds[1]))) / float64(len(exs))
	m := fitFollowUp(exs)
	m.Command = "go test ./knowledge -run TestFitFollowUps -refit"
	m.FittedOn = fmt.Sprintf("the answered follow-ups of testdata/conversations.jsonl (%d)", len(exs))
	m.HeldOut = fmt.Sprintf("out of fold (halves of the conversations): ece %.3f, against %.3f unrecalibrated", oof, raw)
	t.Logf("%s; %s", m.FittedOn, m.HeldOut)
	data, err := os.ReadFile(*fitOut)
	if err != nil {
		t.Fatal(err)
	}
	var all models
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	all.FollowUp = &m
	all.Reading = b.idx.models.Reading
	out, err := json.MarshalIndent(all, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*fitOut, append(compactNodes(out), '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readingQuestion is a turn of the conversation set with more than one
// reading: each candidate's inputs and whether its answer is right, and the
// batch of its conversation (the letters of its id).
type readingQuestion struct {
	xs    []example
	batch string
}

// readingQuestions answers every conversation of the set with the rules'
// readings, as the reading model sees them before it chooses.
func readingQuestions(t *testing.T, b *Base) []readingQuestion {
	t.Helper()
	var out []readingQuestion
	for _, c := range conversationSet(t) {
		var ctx Context
		for _, turn := range c.Turns {
			var rc readingChoice
			_, ctx, _ = b.answerIn(ctx, turn.Q, &rc)
			if len(rc.cands) < 2 {
				continue
			}
			q := readingQuestion{batch: strings.TrimRight(c.ID, "0123456789")}
			for j, x := range b.readingInputs(&rc) {
				ok, _ := turnRight(rc.cands[j].a, turn.Kind, turn.Must, turn.Expect)
				q.xs = append(q.xs, example{x: x, right: ok, weight: 1})
			}
			out = append(out, q)
		}
	}
	return out
}

// readingFolds is how many folds of batches the reading model is checked
// on, each fitted on the others.
const readingFolds = 5

// fitReadings fits the reading model, boosted trees on each candidate's
// chance of being right, on the conversation set; and checks it out of
// fold, the batches split readingFolds ways, against the rules alone. It
// fails when, out of fold, choosing with the model gets fewer turns right
// than the rules do.
func fitReadings(t *testing.T, b *Base) *boosted {
	t.Helper()
	qs := readingQuestions(t, b)
	flat := func(keep func(readingQuestion) bool) []example {
		var out []example
		for _, q := range qs {
			if keep(q) {
				out = append(out, q.xs...)
			}
		}
		return out
	}
	var batches []string
	for _, q := range qs {
		if !slices.Contains(batches, q.batch) {
			batches = append(batches, q.batch)
		}
	}
	rules, chosen, changed := 0, 0, 0
	for k := range readingFolds {
		held := func(q readingQuestion) bool { return slices.Index(batches, q.batch)%readingFolds == k }
		m := fitBoosted(readingFeatures[:], flat(func(q readingQuestion) bool { return !held(q) }), boostSettings)
		for _, q := range qs {
			if !held(q) {
				continue
			}
			j := chooseAmong(&m, q.xs)
			if j != 0 {
				changed++
			}
			if q.xs[0].right {
				rules++
			}
			if q.xs[j].right {
				chosen++
			}
		}
	}
	m := fitBoosted(readingFeatures[:], flat(func(readingQuestion) bool { return true }), boostSettings)
	m.Command = "go test ./knowledge -run TestFitFollowUps -refit"
	m.FittedOn = fmt.Sprintf("the %d turns of testdata/conversations.jsonl read more than one way", len(qs))
	m.HeldOut = fmt.Sprintf("out of fold (%d folds of the batches): %d turns right against the rules' %d, %d readings changed", readingFolds, chosen, rules, changed)
	t.Logf("reading model: %s; %s", m.FittedOn, m.HeldOut)
	if chosen < rules {
		t.Errorf("out of fold the reading model gets %d turns right, the rules alone %d", chosen, rules)
	}
	return &m
}

// chooseAmong is chooseReading on candidates' inputs.
func chooseAmong(m *boosted, xs []example) int {
	ps := make([]float64, len(xs))
	answered := make([]bool, len(xs))
	for j, x := range xs {
		ps[j], answered[j] = m.prob(x.x), x.x[inAnswered] == 1
	}
	return likeliest(ps, answered)
}

// FuzzAnswerIn reads any two messages as a conversation: the reply to each
// is whole (some text, and sources only with facts), never a panic, and the
// context it leaves stays small enough to keep.
func FuzzAnswerIn(f *testing.F) {
	for _, s := range [][2]string{
		{"who is asif durrani", "what did he say?"}, {"timeline ttp", "more"}, {"when did torkham close", "why?"},
		{"what did he say?", "and when was that?"}, {"hi", "sources"}, {"how many registered afghans live in pakistan", "and undocumented ones?"},
		{"who is the taliban's defence minister", "and the pm?"}, {"\x00\xff", "<@U1> it there they"}, {"and", "vs 2021?"},
	} {
		f.Add(s[0], s[1])
	}
	b := packFromDisk(f)
	f.Fuzz(func(t *testing.T, first, second string) {
		var c Context
		for _, q := range []string{first, second} {
			var a Answer
			a, c = b.AnswerIn(c, q)
			if strings.TrimSpace(a.Text()) == "" {
				t.Fatalf("%q: empty reply", q)
			}
			if len(a.Sources) > 0 && len(a.Facts) == 0 {
				t.Fatalf("%q: sources with no facts", q)
			}
		}
		data, err := json.Marshal(c)
		if err != nil || len(data) > 16<<10 {
			t.Fatalf("context of %d bytes (%v) after %q, %q", len(data), err, first, second)
		}
	})
}

// TestWeighCarried: a follow-up's reading weighs the words the follow-up
// says in full and those it carries from the conversation at carriedShare,
// so that what it asks leads: after the Peshawar school attack, "and the
// army's response?" is answered by the offensive, not by the attack again.
func TestWeighCarried(t *testing.T) {
	b := packFromDisk(t)
	q := b.parse(Normalize("what is the army's response peshawar school attack 2014"))
	plain := b.parse(Normalize("what is the army's response peshawar school attack 2014"))
	q.weighCarried(b.idx, b.saidIn("what is the army's response"))
	for k, u := range q.units {
		said := u.link == nil && (u.stems[0] == b.idx.stem("army") || u.stems[0] == b.idx.stem("response"))
		want := plain.units[k].weight * carriedShare
		if said {
			want = plain.units[k].weight
		}
		if u.weight != want {
			t.Errorf("unit %d (%v, said %v): weight %.3f, want %.3f", k, u.stems, said, u.weight, want)
		}
	}
	var c Context
	_, c = b.AnswerIn(c, "how many were killed in the 2014 peshawar school attack")
	if a, _ := b.AnswerIn(c, "and the army's response?"); !strings.Contains(a.Text(), "offensive") {
		t.Errorf("the army's response: %q, want the offensive", a.Text())
	}
}

// TestListedWith: a fact names a person in one breath with another when
// only "and" (or "with") and a title stand between their names; names far
// apart, or overlapping, are not listed together (and overlapping names
// do not panic).
func TestListedWith(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		text, person string
		entities     []string
		want         bool
	}{
		{"Maulawi Faqir Muhammad Bajauri and Mufti Khalid Bulti were freed.", "faqir-muhammad-bajauri", []string{"faqir-muhammad-bajauri", "khalid-balti"}, true},
		{"Najiba Faiz Hameed spoke.", "faiz-hameed", []string{"faiz-hameed", "najiba-faiz"}, false},
		{"Faiz Hameed flew to Kabul; weeks later the TV host Najiba Faiz tweeted.", "faiz-hameed", []string{"faiz-hameed", "najiba-faiz"}, false},
	} {
		f := &Fact{Text: tc.text, Entities: tc.entities}
		if got := b.listedWith(f, b.entityByID[tc.person]); got != tc.want {
			t.Errorf("listedWith(%q, %s) = %v, want %v", tc.text, tc.person, got, tc.want)
		}
	}
}

// TestCountedNoun: what a how-many question counts, which "they" may stand
// for next.
func TestCountedNoun(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"how many afghans fled to pakistan", "afghans"},
		{"how many attacks hit pakistan in 2023", "attacks"},
		{"how many documented afghan refugees does unhcr count", "documented afghan refugees"},
		{"how many afghans hold por cards", "por card holders"}, // counted by what they hold
		{"how many refugees hold acc holders", "acc holders"},   // a swap gone awry: still the holders
		{"what is the ttp", ""},
	} {
		if got := strings.Join(countedNoun(tc.q), " "); got != tc.want {
			t.Errorf("countedNoun(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestStaleContext: a context kept in the store from an older pack may
// name facts and entities the pack no longer has; every kind of follow-up
// is still answered, or declined, and never panics.
func TestStaleContext(t *testing.T) {
	b := packFromDisk(t)
	stale := Context{
		Question: "what did the sigar report say caused the republic collapse",
		Entities: []string{"gone-entity", "ttp"},
		Facts:    []string{"gone-fact", "gone-too"},
		Shown:    []string{"gone-fact"},
		Led:      []string{"gone-a", "gone-b"},
		More:     3,
		After:    20230901,
	}
	for _, q := range []string{
		"and the USIP paper?", "increase?", "over what period?", "when did he say it", "and mujahid?",
		"why not?", "and in 2018?", "more", "sources", "what was the point of it?", "how many police died there",
		"are they hit by the eviction order", "what did he quote clinton saying", "who says so", "what came next?",
	} {
		a, _ := b.AnswerIn(stale, q)
		if len(a.Lines) == 0 {
			t.Errorf("%q after a stale context: no reply at all", q)
		}
	}
}
