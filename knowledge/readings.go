package knowledge

import (
	"slices"
	"strings"
)

// A follow-up can be read in several ways: "and ISKP?" after how strong
// the NRF is in Panjshir may ask how strong ISKP is there, how strong it
// is at all, or what the sources say of it. answerIn's rules pick one
// reading, in an order written by hand; the reading model, fitted on the
// conversation set, then weighs the answers of the others against it, by
// what each answer says and how it sits with the conversation, and takes
// another when that one is likelier right by readingMargin.

// candidate is one reading of a follow-up and the answer to it.
type candidate struct {
	reading string
	a       Answer
}

// readingChoice is what a follow-up's reading is chosen among: the
// conversation before it, its words, and the readings with their answers,
// the rules' choice first.
type readingChoice struct {
	c     Context
	toks  []string
	cands []candidate
	topic string // the follow-up's own words with the topic carried (withTopicCarried)
	// The follow-up's own words asked, whether it names something, and
	// what specific it names (ownWords).
	asked    []string
	names    bool
	specific []*Entity
}

// readingMargin is how much likelier right, as a chance, the reading
// model must find another reading's answer than the rules' choice to take
// it instead. A wrong answer costs an analyst more than a decline, and the
// margin trades the two: out of fold on the conversation set of seventy
// batches (five folds of them), taking the likeliest reading at a margin
// of 0.05 got 50 more turns right but gave 44 new wrong answers for 8 it
// mended; at 0.25 it gets 44 more right, and gives 7 new wrong answers for
// 3 it mends.
const readingMargin = 0.25

// The reading model's inputs, one row per candidate, by their place in a row.
const (
	inChosenByRules     = iota // the rules' choice
	inAnswered                 // the reading is answered
	inLogOdds                  // the answer's log-odds, when answered
	inDeclineLogOdds           // the log-odds of a decline's best fact
	inOwnWords                 // the reading is the follow-up's own words, nothing carried
	inTopicCarried             // the reading is the follow-up with the topic carried
	inNamesWhatIsNamed         // the lead fact names what the follow-up names
	inMissesWhatIsNamed        // the follow-up names something, and the lead fact does not
	inOnConversation           // the lead fact names one of the three things spoken of most
	inOnSalient                // the lead fact names the thing spoken of most
	inRepeatsLast              // the lead fact led the last answer
	inShownBefore              // the lead fact was given before in the conversation
	inSameDocument             // the lead fact cites the last answer's document
	inLacksPart                // declined for lack of the part asked for ("how many")
	inAnsweredShare            // the share of the readings answered
	inLeadAgreement            // the share of the readings whose answers lead with the same fact
	inNamesSomething           // the follow-up names something specific
	inReadingWords             // the reading's length, in tens of words
	inOwnWordsAsked            // own_words × the follow-up's own asked words, in threes
	inOwnWordsPronoun          // own_words × the follow-up has a pronoun
	inOwnWordsNames            // own_words × names_something
	inBelowBest                // log-odds below the best answered reading's
	inCarriedPronoun           // words carried, in fives × the follow-up has a pronoun
	inAnsweredAsked            // answered × the follow-up's own asked words, in threes
	inAskedWordsUsed           // the share of the follow-up's own asked words the lead fact uses
	inAsksOwnWords             // the follow-up asks words of its own
	inReadingWordsUsed         // the share of the reading's words the lead fact uses
	inCarriedWords             // words carried from the conversation, in fives
	inSameLeadAsRules          // the lead fact is the rules' choice's
	inIntentAsRules            // the reading asks what the rules' choice asks (who, when, how many…)
	readingInputCount
)

// readingFeatures names the reading model's inputs, in a row's order: one
// name for each (the array's type says so).
var readingFeatures = [readingInputCount]string{
	inChosenByRules:     "chosen_by_rules",
	inAnswered:          "answered",
	inLogOdds:           "log_odds",
	inDeclineLogOdds:    "decline_log_odds",
	inOwnWords:          "own_words",
	inTopicCarried:      "topic_carried",
	inNamesWhatIsNamed:  "names_what_is_named",
	inMissesWhatIsNamed: "misses_what_is_named",
	inOnConversation:    "on_conversation",
	inOnSalient:         "on_salient",
	inRepeatsLast:       "repeats_last",
	inShownBefore:       "shown_before",
	inSameDocument:      "same_document",
	inLacksPart:         "lacks_part",
	inAnsweredShare:     "answered_share",
	inLeadAgreement:     "lead_agreement",
	inNamesSomething:    "names_something",
	inReadingWords:      "reading_words",
	inOwnWordsAsked:     "own_words_asked",
	inOwnWordsPronoun:   "own_words_pronoun",
	inOwnWordsNames:     "own_words_names",
	inBelowBest:         "below_best",
	inCarriedPronoun:    "carried_pronoun",
	inAnsweredAsked:     "answered_asked",
	inAskedWordsUsed:    "asked_words_used",
	inAsksOwnWords:      "asks_own_words",
	inReadingWordsUsed:  "reading_words_used",
	inCarriedWords:      "carried_words",
	inSameLeadAsRules:   "same_lead_as_rules",
	inIntentAsRules:     "intent_as_rules",
}

// addCandidates answers every reading of rc's follow-up worth weighing
// that the rules did not choose: the readings the conversation gives, the
// follow-up's own words, and its words with the topic carried. chosen is
// the rules' choice, first.
func (b *Base) addCandidates(rc *readingChoice, chosen candidate, readings []string, answer func(string) Answer) {
	alone := ownReading(rc.toks)
	rc.topic = b.withTopicCarried(rc.c, alone)
	rc.cands = []candidate{chosen}
	for _, r := range append(slices.Clone(readings), alone, rc.topic) {
		if slices.ContainsFunc(rc.cands, func(x candidate) bool { return x.reading == r }) {
			continue
		}
		rc.cands = append(rc.cands, candidate{reading: r, a: answer(r)})
	}
}

// ownReading is a follow-up's own words without the "and" or "so" that
// joins it on.
func ownReading(toks []string) string {
	return strings.Join(slices.DeleteFunc(slices.Clone(toks), func(t string) bool { return t == "and" || t == "so" }), " ")
}

// chooseReading returns the candidate m finds likeliest right, if it is
// likelier than the rules' choice by readingMargin and answers where the
// rules' choice does not, or answers at all; else 0.
func (b *Base) chooseReading(m *boosted, rc *readingChoice) int {
	if len(rc.cands) < 2 {
		return 0
	}
	ps := make([]float64, len(rc.cands))
	answered := make([]bool, len(rc.cands))
	for j, x := range b.readingInputs(rc) {
		ps[j], answered[j] = m.prob(x), rc.cands[j].a.Answered
	}
	return likeliest(ps, answered)
}

// likeliest returns the index of the highest of ps, the chances that each
// candidate is right, when it beats the rules' choice, ps[0], by more than
// readingMargin; else 0. One decline is not taken for another: the rules'
// reading says better what was not found.
func likeliest(ps []float64, answered []bool) int {
	best := 0
	for j, p := range ps {
		if p > ps[best] {
			best = j
		}
	}
	if ps[best]-ps[0] <= readingMargin || !answered[best] && !answered[0] {
		return 0
	}
	return best
}

// readingInputs returns the reading model's inputs for each candidate of
// rc, in readingFeatures' order.
func (b *Base) readingInputs(rc *readingChoice) [][]float64 {
	c, toks, topic := rc.c, rc.toks, rc.topic
	asked, names, specific := rc.asked, rc.names, rc.specific
	alone, whole := ownReading(toks), strings.Join(toks, " ")
	var spoken []*Entity
	for _, id := range c.Entities[:min(3, len(c.Entities))] {
		if e := b.entityByID[id]; e != nil {
			spoken = append(spoken, e)
		}
	}
	lastDoc := ""
	if len(c.Facts) > 0 {
		if f := b.factByID[c.Facts[0]]; f != nil {
			lastDoc = f.Cite.Doc
		}
	}
	pronoun := slices.ContainsFunc(toks, func(w string) bool {
		w = strings.Trim(w, "?!.,")
		return pronounKind[w] != "" || thingPronouns[w]
	})
	lead := func(a Answer) *Fact {
		if a.Answered && len(a.Facts) > 0 {
			return a.Facts[0]
		}
		return nil
	}
	leads := map[*Fact]int{}
	answered, best := 0, -10.0
	for _, x := range rc.cands {
		if f := lead(x.a); f != nil {
			leads[f]++
			answered++
			best = max(best, logit(clampChance(x.a.Confidence)))
		}
	}
	n := float64(len(rc.cands))
	rows := make([][]float64, len(rc.cands))
	for j, x := range rc.cands {
		f := lead(x.a)
		i := -1
		stems := map[string]bool{} // of the lead fact's text and items, tokenized once (as textUsesStem reads them)
		if f != nil {
			i = b.idx.factIndex[f]
			for _, t := range tokenize(strings.Join(append([]string{f.Text}, f.Items...), " ")) {
				stems[b.idx.stem(t)] = true
			}
		}
		uses := func(w string) bool {
			s := b.idx.stem(w)
			return stems[s] || slices.ContainsFunc(b.idx.lex.syn[s], func(x string) bool { return stems[x] })
		}
		odds := logit(clampChance(x.a.Confidence))
		own := x.reading == alone || x.reading == whole
		usedAsked := 0.0
		for _, w := range asked {
			if uses(w) {
				usedAsked++
			}
		}
		if len(asked) > 0 {
			usedAsked /= float64(len(asked))
		}
		words, carried, used := 0.0, 0.0, 0.0
		for _, w := range strings.Fields(x.reading) {
			if b.idx.stop[w] || b.idx.qwords[w] {
				continue
			}
			words++
			if !slices.Contains(toks, w) {
				carried++
			}
			if uses(w) {
				used++
			}
		}
		if words > 0 {
			used /= words
		}
		row := make([]float64, readingInputCount)
		set := func(k int, v bool) {
			if v {
				row[k] = 1
			}
		}
		set(inChosenByRules, j == 0)
		set(inAnswered, f != nil)
		if f != nil {
			row[inLogOdds] = odds
			row[inLeadAgreement] = float64(leads[f]) / n
			row[inBelowBest] = odds - best
		} else {
			row[inDeclineLogOdds] = odds
		}
		set(inOwnWords, own)
		set(inTopicCarried, x.reading == topic)
		set(inNamesWhatIsNamed, f != nil && len(specific) > 0 && b.mentions(f, i, specific))
		set(inMissesWhatIsNamed, f != nil && len(specific) > 0 && !b.mentions(f, i, specific))
		set(inOnConversation, f != nil && len(spoken) > 0 && b.mentions(f, i, spoken))
		set(inOnSalient, f != nil && len(spoken) > 0 && b.mentions(f, i, spoken[:1]))
		set(inRepeatsLast, f != nil && len(c.Facts) > 0 && f.ID == c.Facts[0])
		set(inShownBefore, f != nil && (slices.Contains(c.Facts, f.ID) || slices.Contains(c.Led, f.ID)))
		set(inSameDocument, f != nil && lastDoc != "" && f.Cite.Doc == lastDoc)
		set(inLacksPart, x.a.lacks != "")
		row[inAnsweredShare] = float64(answered) / n
		set(inNamesSomething, names)
		row[inReadingWords] = float64(len(strings.Fields(x.reading))) / 10
		if own {
			row[inOwnWordsAsked] = float64(len(asked)) / 3
			set(inOwnWordsPronoun, pronoun)
			set(inOwnWordsNames, names)
		}
		if pronoun {
			row[inCarriedPronoun] = carried / 5
		}
		if f != nil {
			row[inAnsweredAsked] = float64(len(asked)) / 3
		}
		row[inAskedWordsUsed] = usedAsked
		set(inAsksOwnWords, len(asked) > 0)
		row[inReadingWordsUsed] = used
		row[inCarriedWords] = carried / 5
		set(inSameLeadAsRules, f != nil && lead(rc.cands[0].a) == f)
		set(inIntentAsRules, x.a.Intent == rc.cands[0].a.Intent)
		rows[j] = row
	}
	return rows
}
