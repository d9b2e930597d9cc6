package knowledge

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
)

// Answer is durand's reply to one question, free of any chat formatting.
type Answer struct {
	Question    string
	Intent      Intent
	Answered    bool
	Lines       []string // the direct answer first, then supporting lines
	More        int      // timeline entries left out
	Facts       []*Fact  // the facts the lines come from, in order
	Sources     []SourceRef
	Confidence  float64
	Suggestions []string // questions the pack can answer, when declining
	Entities    []*Entity
	// Reply marks what is neither an answer nor a decline: small talk (a
	// greeting, thanks, a question about durand itself), a question back
	// ("Who do you mean by “he”?"), or nothing more to show.
	Reply bool
	// Resolved is the question a conversation's follow-up was read as
	// ("why did Pakistan close Torkham" for "why?"); empty otherwise.
	Resolved string
	// MoreHint says the conversation can continue the lines left out by
	// saying "more", and Text says so.
	MoreHint bool
	// lacks is the part asked for that the sources, found on what was
	// asked, do not give ("how many"); empty for other declines.
	lacks string
}

// Text is the answer as one paragraph.
func (a Answer) Text() string {
	s := strings.Join(a.Lines, " ")
	if a.More > 0 {
		s += fmt.Sprintf(" …and %d more.", a.More)
		if a.MoreHint {
			s += fmt.Sprintf(" Say “more” for the next %d.", min(a.More, TimelineCap))
		}
	}
	return s
}

// SourceRef names a cited source and the part of it a fact came from.
type SourceRef struct {
	Doc     string // the source id: the document's file name
	Title   string // as shown: a title we supplied is in square brackets
	Author  string
	Section string // the section's title
	Quote   string // the document's words the fact rests on; empty in digests
	URL     string // the document's own address, where it gives one
}

// DeclineText is what durand says when the pack does not cover a question.
const DeclineText = "The sources I have don't cover that."

// EnglishOnlyText answers a question written in another script: durand
// reads English questions so far.
const EnglishOnlyText = "I can only read questions in English so far; the sources are in English too."

// TimelineCap is how many entries a timeline shows at a time; "more" in a
// conversation shows the next ones.
const TimelineCap = 6

// Limits on the size of answers and on the work done per question.
const (
	maxSupport    = 2  // supporting facts after the direct answer
	maxWords      = 48 // a short answer: supporting facts must fit
	timelineCap   = TimelineCap
	candidateCap  = 60 // BM25 candidates considered
	postingBudget = 4000
	perEntityCap  = 300 // candidate facts taken from one entity
	timelinePool  = 400 // dated facts considered for one timeline
	rankKeep      = 24  // ranked candidates kept for composing and suggesting

	// maxReadWords is how many of a question's words are read: the
	// longest of the thousands of labelled questions has 33, and every
	// stage's work grows with the count, so a pasted paragraph costs no
	// more than a long question.
	maxReadWords = 64
	// maxCorrections is how many distinct unknown words of one question
	// are spell-corrected; a real question carries two or three typos.
	maxCorrections = 12
)

// otherScript reports whether most of s's letters are not Latin: a
// question in Urdu, Pashto or Dari script.
func otherScript(s string) bool {
	latin, other := 0, 0
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			latin++
		default:
			other++
		}
	}
	return other > latin
}

// Answer answers a question from the pack. It never guesses: below a
// calibrated confidence it declines and suggests what it can answer.
func (b *Base) Answer(question string) Answer { return b.answerWith(question, asking{}) }

// asking is how a conversation asks a question: what it has been shown,
// what a follow-up said, and whether a timeline goes on from a date.
type asking struct {
	// shown are the facts the conversation has seen ("more" leaves them
	// out).
	shown map[string]bool
	// said, for a reading of a follow-up that carries words from the
	// conversation, are the words and names the follow-up said: they weigh
	// in full, and those carried weigh less (see weighCarried).
	said *saidWords
	// after, when set, asks a timeline for its earliest entries after it,
	// not its most telling: what came next.
	after Point
	// limit, when set, shows at most that many of a timeline's entries
	// after after: what is left of a page.
	limit int
	// floor, when set below the confidence model's threshold, is the
	// chance at which to answer instead: "anything else on the TTP's ties
	// with the Taliban?" asks for whatever else the sources say of them,
	// which is no single answer that may be wrong.
	floor float64
	// within, when set, are the only facts the answer may come from: the
	// last answer's, for a follow-up that asks what it already said
	// ("increase?" after a count the last answer gave with its rise).
	within []string
}

// answerWith answers question as asked in a conversation.
func (b *Base) answerWith(question string, how asking) Answer {
	shown, said := how.shown, how.said
	norm := withoutApposition(Normalize(question))
	a := Answer{Question: question}
	if t, ok := b.smallTalk(question); ok {
		return t
	}
	if strings.TrimSpace(norm) == "" {
		a.Lines = []string{"Ask me a question about Pakistan–Afghanistan relations."}
		a.Suggestions = b.defaultSuggestions()
		return a
	}
	if otherScript(question) {
		// "طالبان کون ہیں": not a question the English pack can be
		// searched with; say so, with questions it answers.
		a.Lines = []string{EnglishOnlyText}
		a.Suggestions = b.defaultSuggestions()
		if len(a.Suggestions) > 0 {
			a.Lines = append(a.Lines, "You could ask: "+strings.Join(a.Suggestions, "; ")+".")
		}
		return a
	}
	q := b.parse(norm)
	defer b.idx.release(q)
	q.weighCarried(b.idx, said)
	q.shown, q.limit, q.floor, q.within = shown, how.limit, how.floor, how.within
	if how.after.Year != 0 {
		q.after = how.after // (else what the question itself starts from: "from 1933 onwards")
	}
	a.Intent = q.intent
	if q.future {
		return b.decline(q, a, nil)
	}
	for _, l := range q.links {
		a.Entities = append(a.Entities, l.entities...)
	}
	if doc, topic := b.gistAsked(q); doc != "" && b.gist(q, &a, doc, topic) {
		return a
	}
	if q.intent == IntentTimeline {
		if b.timeline(q, &a) {
			return a
		}
		if q.hasSpan {
			a = b.decline(q, a, nil) // nothing dated then: say so, never fill in
			if name := q.unknownName(b, nil); name != "" {
				a.Lines[0] = "The sources I have don't say anything about " + name + "."
			}
			return a
		}
	}
	if len(q.compareDocs) >= 2 && b.compareSources(q, &a) {
		return a
	}
	whole := b.answerRanked(q, a)
	// Two questions in one: when each is answered on its own, by different
	// facts, both answers lead, unless the whole question's answer agrees
	// with either. A second question after a comma or dash is read as
	// joined here only, so the whole question is parsed as typed.
	qc := q
	if joined := joinAsks(norm); q.also < 0 && joined != norm {
		qc = b.parse(joined)
		defer b.idx.release(qc)
		qc.weighCarried(b.idx, said)
	}
	if qc.also >= 0 {
		if c, ok := b.answerClauses(qc, a); ok && !(whole.Answered && containsAll(whole.Facts, c.Facts)) {
			return c
		}
	}
	return whole
}

// answerRanked answers a question from its ranked facts, or declines: the
// ordinary path once timelines and source comparisons are ruled out.
func (b *Base) answerRanked(q *query, a Answer) Answer {
	ranked := b.rank(q)
	if len(ranked) == 0 {
		return b.decline(q, a, ranked)
	}
	if len(q.shown) > 0 {
		// "more": the next facts, not those the conversation has seen.
		ranked = slices.DeleteFunc(ranked, func(s scored) bool { return q.shown[b.facts[s.fact].ID] })
		if len(ranked) == 0 {
			return b.decline(q, a, ranked)
		}
	}
	ranked = b.placeFirst(q, ranked)
	if q.current {
		ranked = b.newestHolder(q, ranked)
	}
	// The model's chance is the confidence: its threshold is set, and its
	// calibration checked, on chances given out of fold.
	p := b.idx.models.Confidence.prob(b.confInputs(q, ranked))
	if r := b.openAsked(q, ranked); r >= 0 {
		// The sources say this is not known: the fact that says so leads.
		open := b.facts[ranked[r].fact].Open
		ranked = toFront(ranked, r)
		a = b.decline(q, a, ranked)
		a.Confidence = round2(1 - p)
		a.Lines[0] = "The sources I have don't say " + open.Part + "."
		a.lacks = open.Part
		b.nearest(q, &a, ranked, true)
		return a
	}
	missing := b.missingPart(q, ranked)
	threshold := b.idx.models.Confidence.Threshold
	if q.floor > 0 {
		threshold = min(threshold, q.floor)
	}
	if missing != "" && p >= missingFloor || p < threshold {
		if cr, cp, ok := b.clausesAnswered(q); ok {
			// "the March 2024 strikes followed an attack where? and which
			// groups were they aimed at": asked as one, no fact answers
			// both; asked one by one, each is answered.
			b.compose(q, &a, cr)
			a.Confidence = round2(cp)
			return a
		}
	}
	if missing != "" && p >= missingFloor {
		// The fact is about what was asked but lacks the part asked for:
		// "when did Torkham reopen" is not answered by its closing. This
		// is said below the threshold too, since it is what a reader
		// needs to know; the model is fitted on the other questions.
		a = b.decline(q, a, ranked)
		a.Confidence = round2(1 - p)
		a.Lines[0] = "The sources I have don't say " + missing + "."
		a.lacks = missing
		b.nearest(q, &a, ranked, true)
		return a
	}
	if p < threshold {
		a = b.decline(q, a, ranked)
		a.Confidence = round2(p)
		b.nearest(q, &a, ranked, false)
		return a
	}
	b.compose(q, &a, ranked)
	a.Confidence = round2(p)
	if q.current {
		b.asOf(&a)
	}
	return a
}

// asksAdvice reports whether a question asks what someone should do:
// "what should Pakistan do", "what ought Islamabad to do", "how should it
// use its leverage".
func asksAdvice(toks []string) bool {
	for i, t := range toks {
		if (t == "should" || t == "ought") && i > 0 && (toks[0] == "what" || toks[0] == "how" || toks[0] == "whats") {
			return true
		}
	}
	return false
}

// adviceWords say that a source advises something.
var adviceWords = setOf(`recommend recommends recommended recommendation recommendations propose proposes proposed proposal should urge urges urged advise advises advised needs
	suggest suggests suggested`)

// adviceCovShare is how much of what the best fact covers a fact that
// advises must cover to lead it, asked what someone should do.
const adviceCovShare = 0.6

// deedWords tell what was done: what happened, not what was said of it.
// fateWords say what befell someone: what became of them.
var fateWords = setOf(`killed died dead death executed assassinated murdered sidelined sidelines exiled exile fled ousted overthrown deposed
	removed replaced arrested jailed imprisoned detained released freed resigned dismissed sacked hanged captured surrendered sentenced convicted
	stayed refuge sheltered injured wounded hurt maimed`)

// reprisalWords name a response: "in retaliation for the attack", "in
// response to it".
var reprisalWords = setOf(`retaliation reprisal reprisals response`)

// asksDoneAfter reports whether the question asks what someone did after
// something: "what did Pakistan do after that", which asks its response.
func (q *query) asksDoneAfter() bool {
	for i := 1; i+1 < len(q.toks); i++ {
		if (q.toks[i] == "do" || q.toks[i] == "doing") && q.toks[i+1] == "after" && q.toks[0] == "what" {
			return true
		}
	}
	return false
}

// eventNamedBare reports whether a question only names an attack, with
// no question word but "what happened": "mastung blast sept 29 -
// details", "march 30 2022 attack in tank".
func (b *Base) eventNamedBare(q *query) bool {
	if len(q.toks) == 0 || b.idx.qwords[q.toks[0]] || auxWords[q.toks[0]] || slices.ContainsFunc(q.units, func(u unit) bool { return u.carried }) {
		return false // (a follow-up's reading carries the words of what it asks of)
	}
	for k, t := range q.toks {
		if isQuestionWord(t) && !(t == "what" && k+1 < len(q.toks) && (q.toks[k+1] == "happened" || q.toks[k+1] == "happen")) {
			return false // ("… - what happened" asks it too)
		}
		if t != "happened" && pastVerb(t) && !b.idx.stop[t] {
			return false // "anyone arrested over the Mastung bombing": what was done after it
		}
	}
	for _, l := range q.links {
		if l.entities[0].Kind == KindEvent {
			return true
		}
	}
	return slices.ContainsFunc(q.toks, func(t string) bool { return attackNouns[t] })
}

// killWords tell a toll beside casualtyNouns ("killed 59"): "killing 54".
var killWords = setOf(`killing`)

// attackNouns name one attack: "attacks" in a month are counted instead.
var attackNouns = setOf(`attack blast bombing raid assault massacre`)

var deedWords = setOf(`killed killing wounded injured attacked struck exploded bombed seized captured stormed overthrew massacred destroyed launched shelled`)

// siblingGap is how close in rank score two items of one list must stand
// for a question to be read as asking for all of the list, not for the
// item that fits it best.
const siblingGap = 0.5

// publishedWords say when a document came out.
var publishedWords = setOf(`published publication released issued dated appeared`)

// coversWordsOf reports whether fact i uses every question word that fact
// j uses: "how many Afghans did Pakistan order to leave" is not answered
// by how many left, which says nothing of the order.
func (q *query) coversWordsOf(i, j int) bool {
	for k, u := range q.units {
		if u.link == nil && q.unitCredit(k, j) > 0 && q.unitCredit(k, i) == 0 {
			return false
		}
	}
	return true
}

// partOfYear are words that ask about part of a year, not all of it: "late
// 2023", "the first ten months of 2023".
var partOfYear = setOf(`late early mid first last half months month quarter spring summer autumn fall winter`)

// missingFloor is the least chance at which a decline names the part the
// best fact lacks. Below it the fact is not about what was asked ("the
// population of Afghanistan" against a count of deportees, at 0.01), and
// "the sources don't cover that" is the truer decline; the missing-part
// declines of our tests stand at 0.28 and above.
const missingFloor = 0.2

// rankOf returns where fact f stands in ranked, or 0 when it is not there.
func (b *Base) rankOf(ranked []scored, f *Fact) int {
	i := b.idx.factIndex[f]
	for r, s := range ranked {
		if s.fact == i {
			return r
		}
	}
	return 0
}

// firstThat puts first the next fact on the same thing that gives what the
// question asks for (ok), when the best does not: asked which people were
// freed, the fact that names them leads the one that counts them. The fact
// must miss no more of the names the question says than the best (those
// a follow-up carries may go), and cover at least share of what the best
// covers.
func (b *Base) firstThat(q *query, ranked []scored, share float64, ok func(*Fact) bool) []scored {
	if ok(b.facts[ranked[0].fact]) {
		return ranked
	}
	reach := firstReach
	if q.asksResult || q.asksFate {
		// Whether something worked, or what became of someone, is asked
		// of all the facts on it alike: what came of it may stand
		// anywhere among them.
		reach = len(ranked)
	}
	if slices.ContainsFunc(q.units, func(u unit) bool { return u.carried }) && !slices.ContainsFunc(q.units, func(u unit) bool { return !u.carried && u.link == nil }) {
		// A follow-up that says only what kind of answer it wants ("which
		// provinces?"), or only whom it is now about ("and Lieven?"), is
		// about all it carries alike: any fact on it that gives that kind
		// will do.
		reach, share = len(ranked), min(share, bareCovShare)
	}
	for r := 1; r < len(ranked) && r <= reach; r++ {
		s := ranked[r]
		if b.missedSaid(q, s) > b.missedSaid(q, ranked[0]) || s.cov < share*ranked[0].cov || !ok(b.facts[s.fact]) {
			continue
		}
		return toFront(ranked, r)
	}
	return ranked
}

// describesDocument reports whether f says what a document is, rather
// than what it says: a definition or relation whose subject is a document.
func (b *Base) describesDocument(f *Fact) bool {
	return (f.Type == TypeDefinition || f.Type == TypeRelation) && b.ofDocument(f)
}

// byOtherParty reports whether fact i is about a party the question names
// other than the one it says acts (q.doer): a source is no party.
func (b *Base) byOtherParty(q *query, i int) bool {
	f, a := b.facts[i], q.doer
	if len(f.Entities) == 0 || !q.linked(f.Entities[0]) || b.idx.entityDoc[a.entities[0].ID] != "" {
		return false
	}
	return !containsEntity(a.entities, b.entityByID[f.Entities[0]])
}

// usesAny reports whether fact i's text uses one of words, as typed or by
// stem.
func (b *Base) usesAny(i int, words []string) bool {
	toks := b.facts[i].textWords()
	for _, w := range words {
		for _, t := range toks {
			if t == w || len(w) > 3 && b.idx.stem(t) == b.idx.stem(w) {
				return true
			}
		}
	}
	return false
}

// unitFit is how much of what fact i's best figure counts the question
// says: the share of the words of its unit (its numbers' units) that the
// question uses, synonyms included; 0 for a fact with no units.
func (b *Base) unitFit(q *query, i int) float64 {
	best := 0.0
	for _, n := range b.facts[i].Numbers {
		best = max(best, b.numberFit(q, n))
	}
	return best
}

// numberFit is the share of the words of figure n's unit that the
// question uses, synonyms included; 0 for a unit of no words.
func (b *Base) numberFit(q *query, n Number) float64 {
	words, said := 0, 0
	for _, t := range tokenize(n.Unit) {
		if b.idx.stop[t] || t[0] >= '0' && t[0] <= '9' {
			continue
		}
		words++
		if slices.Contains(q.stemOrder, b.idx.stem(t)) {
			said++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(said) / float64(words)
}

// countedFigure is the figure of fact i whose unit the question says most
// of, and how much; ok is false when the fact has none the question says.
func (b *Base) countedFigure(q *query, i int) (n Number, fit float64, ok bool) {
	for _, m := range b.facts[i].Numbers {
		if v := b.numberFit(q, m); v > fit {
			n, fit, ok = m, v, true
		}
	}
	return n, fit, ok
}

// firstReach is how far down the ranking a fact that gives what is asked
// may stand and still lead. peopleCovShare and dateCovShare are how much
// of the best fact's coverage of the question it must have, asked for
// people and for a month or day.
const (
	firstReach     = 3
	pluralReach    = 6 // how far down the list of what a plural asks for ("what reasons") may lead from
	peopleCovShare = 0.6
	dateCovShare   = 0.8
	doerCovShare   = 0.6 // and for the party that acts
	unitCovShare   = 0.9 // and for the figure whose unit the question says more of
	placeCovShare  = 0.6 // and for a place, asked where
	saidCovShare   = 0.9 // and for what a person said, asked what they said
	// and for it when the best fact is someone else's words
	otherSpeakerCovShare = 0.5
	resultCovShare       = 0.8 // and for what came of something, asked whether it worked
	fateCovShare         = 0.6 // and for what befell someone, asked what became of them
	degreeCovShare       = 0.6 // and for what is said of a thing itself, asked how serious it is
	reactionCovShare     = 0.8 // and for a response to an event, asked how someone responded to it
	bareCovShare         = 0.5 // and for any of these, asked by a follow-up that says nothing but the kind of answer
	// and for what a document says, against a fact that says what the
	// document is: that one echoes the question's words ("a paper on what
	// went wrong") and covers more of them than what the paper found.
	docSaysCovShare = 0.6
)

// compareSources answers a question that sets sources side by side with
// what each says, one sentence per source: the best fact from each, ranked
// as if that source alone were asked. It answers only when every source
// has a fact the confidence model would answer with, and reports the least
// sure of them.
func (b *Base) compareSources(q *query, a *Answer) bool {
	var used []*Fact
	conf := 1.0
	for _, doc := range q.compareDocs {
		qc := *q
		qc.sourceDoc, qc.clauses = doc, nil // its clauses are asked of this source
		ranked := slices.DeleteFunc(b.rank(&qc), func(s scored) bool { return b.facts[s.fact].Cite.Doc != doc })
		if len(ranked) == 0 {
			return false
		}
		p := b.idx.models.Confidence.prob(b.confInputs(&qc, ranked))
		if p < b.idx.models.Confidence.Threshold || b.missingPart(&qc, ranked) != "" {
			return false
		}
		conf = min(conf, p)
		used = append(used, b.facts[ranked[0].fact])
	}
	for _, f := range used {
		line := b.attributed(f)
		if author := b.sources[f.Cite.Doc].Author; author != "" {
			if words := strings.Fields(author); strings.Contains(f.Text, words[len(words)-1]) {
				line = f.Stated() // "according to Anwesha Ghosh": named once
			}
		}
		a.Lines = append(a.Lines, line)
	}
	lead := a.Lines[0]
	for _, l := range a.Lines[1:] {
		lead = joinClauses(lead, l) // every source in the first sentence
	}
	a.Lines = []string{lead}
	a.Facts = used
	a.Sources = b.sourcesOf(used)
	a.Answered = true
	a.Confidence = round2(conf)
	return true
}

// gistConfidence is the confidence of a source's gist given as the answer
// to a question read as asking it: the facts are chosen by hand as what the
// source argues, so what is left to doubt is the reading, which the gist
// questions of our sets bear out.
const gistConfidence = 0.9

// gistShown is how many of a source's gist facts one answer gives: its
// main claim and one more, in two sentences; "more" gives the next ones.
const gistShown = 2

// gist answers a question that asks what source doc argues as a whole with
// the facts its record names as its gist, those on the topic asked where
// one is, leaving out those the conversation has shown; it reports false
// when none is left.
func (b *Base) gist(q *query, a *Answer, doc string, topic []string) bool {
	var fs []*Fact
	for _, id := range b.sources[doc].Gist {
		if f := b.factByID[id]; f != nil && !q.shown[id] && b.usesAllStems(f, topic) {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		return false
	}
	if len(fs) > gistShown {
		a.More = len(fs) - gistShown
		fs = fs[:gistShown]
	}
	a.Intent = IntentStatement
	for _, f := range fs {
		a.Lines = append(a.Lines, f.Stated())
	}
	a.Facts = fs
	a.Sources = b.sourcesOf(fs)
	a.Answered = true
	a.Confidence = gistConfidence
	return true
}

// usesAllStems reports whether fact f's text uses each of stems, or a
// synonym: of a source's main claims, those on the topic asked.
func (b *Base) usesAllStems(f *Fact, stems []string) bool {
	for _, s := range stems {
		if !b.textUsesStem(f.Text, s) {
			return false
		}
	}
	return true
}

// scored is a candidate fact with its ranking score and confidence.
type scored struct {
	fact  int
	score float64
	conf  float64
	cov   float64
	feat  features
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// toFront returns ranked with its r-th fact moved first, leaving ranked
// itself as it was.
func toFront(ranked []scored, r int) []scored {
	return append([]scored{ranked[r]}, slices.Delete(slices.Clone(ranked), r, r+1)...)
}

// newestReach is how many of the ranked facts a question about who holds a
// post now looks through for a newer holder; newestCovShare is the least
// share of the best fact's coverage of the question a newer holder's fact
// must have, so that it is about the post asked for.
const (
	newestReach    = 12
	newestCovShare = 0.6
)

// newestHolder answers a question about what holds now ("who is the
// current prime minister of Pakistan", "who leads the TTP now") from the
// newest fact on the post asked about: of the ranked role facts on the
// same post, the one its source shows held latest (Fact.AsOf) leads, and
// a former holder never leads while a holder not marked former is found.
func (b *Base) newestHolder(q *query, ranked []scored) []scored {
	lead := b.facts[ranked[0].fact]
	if lead.Role == nil {
		return ranked
	}
	post := q.title
	if len(post) == 0 {
		for _, t := range tokenize(lead.Role.Title) {
			post = append(post, b.idx.stem(t))
		}
	}
	best := -1
	for r, s := range ranked[:min(len(ranked), newestReach)] {
		f := b.facts[s.fact]
		if f.Role == nil || f.Former() || f.Role.Of != lead.Role.Of || !b.roleIs(post, f.Role.Title) || s.cov < newestCovShare*ranked[0].cov {
			continue
		}
		if best < 0 || f.AsOf.Start.Key() > b.facts[ranked[best].fact].AsOf.Start.Key() {
			best = r
		}
	}
	if best <= 0 || !lead.Former() && lead.AsOf.Start.Key() >= b.facts[ranked[best].fact].AsOf.Start.Key() {
		return ranked
	}
	return toFront(ranked, best)
}

// placeFirst puts first, when the best fact lacks it, the next fact on the
// same thing that gives the kind of answer asked for: a date as fine as
// the month or day asked, the people asked for by name (see firstThat),
// or, for a where-question whose best fact names no place but those asked
// about, a place: "which province is Mastung in" is answered by the
// bombing "in Mastung district, Balochistan", not by the fact that nobody
// claimed it.
func (b *Base) placeFirst(q *query, ranked []scored) []scored {
	if (q.intent == IntentWhy || q.intent == IntentList) && len(ranked) >= 2 && len(b.facts[ranked[0].fact].Items) == 0 {
		// "why did the Afghan Republic collapse according to SIGAR": when
		// the best facts are each one of a list's items, the list of
		// them all leads.
		lead, second := b.facts[ranked[0].fact], b.facts[ranked[1].fact]
		// "What reasons did SIGAR give": asked in the plural, for no one
		// of them, the list leads from further down.
		plural := slices.ContainsFunc(q.toks, func(t string) bool { return reasonNouns[t] })
		reach := firstReach
		if plural {
			reach = pluralReach
		}
		for r := 1; r < len(ranked) && r <= reach; r++ {
			f := b.facts[ranked[r].fact]
			if len(f.Items) > 1 && f.Cite.Doc == lead.Cite.Doc && f.Cite.Section == lead.Cite.Section && ranked[r].cov >= dateCovShare*ranked[0].cov &&
				second != f && second.Cite.Doc == lead.Cite.Doc && second.Cite.Section == lead.Cite.Section && len(second.Items) == 0 &&
				(plural || ranked[1].score >= ranked[0].score-siblingGap) {
				// (Two of its items fit as well as each other: the
				// question asks for no one of them.)
				return toFront(ranked, r)
			}
		}
	}
	if len(ranked) >= 2 && asksAdvice(q.toks) && !usesWordOf(b.facts[ranked[0].fact], adviceWords) {
		// "what should Pakistan do to squeeze the Taliban": what a source
		// recommends leads what Pakistan does.
		// (What a source named recommends is its own advice, not another's.)
		advises := func(f *Fact) bool {
			return usesWordOf(f, adviceWords) && (q.sourceDoc == "" || f.Cite.Doc == q.sourceDoc)
		}
		if r := b.firstThat(q, ranked, adviceCovShare, advises); r[0].fact != ranked[0].fact {
			return r
		}
	}
	if len(ranked) >= 2 && q.intent == IntentWhen && (q.asksDay || slices.Contains(q.toks, "month")) {
		// "month+year the TTP was created": the fact that gives the month
		// leads the one that gives the year.
		want := MonthPrecision
		if q.asksDay {
			want = DayPrecision
		}
		return b.firstThat(q, ranked, dateCovShare, func(f *Fact) bool { return f.Date.Precision() >= want })
	}
	if len(ranked) >= 2 && q.intent == IntentWhen {
		for _, l := range q.links {
			if doc := l.entities[0]; doc.Kind == KindDocument {
				// "FNF paper publication date": the fact that dates the
				// paper leads what the paper dates.
				return b.firstThat(q, ranked, dateCovShare, func(f *Fact) bool {
					return len(f.Entities) > 0 && f.Entities[0] == doc.ID && !f.Date.IsZero() && usesWordOf(f, publishedWords)
				})
			}
		}
	}
	if len(ranked) >= 2 && q.asksFirst {
		// "when did the Taliban first take Kabul": of the facts on it, the
		// earliest dated leads.
		best := 0
		for r := 1; r < len(ranked) && r <= firstReach; r++ {
			s, f := ranked[r], b.facts[ranked[r].fact]
			if !f.Date.IsZero() && s.cov >= dateCovShare*ranked[0].cov && b.missedSaid(q, s) <= b.missedSaid(q, ranked[0]) &&
				(b.facts[ranked[best].fact].Date.IsZero() || f.Date.Start.Key() < b.facts[ranked[best].fact].Date.Start.Key()) {
				best = r
			}
		}
		if best > 0 {
			return toFront(ranked, best)
		}
	}
	if lead := b.facts[ranked[0].fact]; len(ranked) >= 2 && lead.Conflict != "" && b.conflictByID[lead.Conflict].Kind == "distinct" {
		// "when was the PDPA founded (the Marxist party, not the 2022
		// group)": of two things one name stands for, the one the
		// question sets aside does not lead.
		if not := q.setAside(); len(not) > 0 && b.usesAny(ranked[0].fact, not) {
			for r := 1; r < len(ranked) && r <= firstReach; r++ {
				if f := b.facts[ranked[r].fact]; f.Conflict == lead.Conflict && !b.usesAny(ranked[r].fact, not) {
					return toFront(ranked, r)
				}
			}
		}
	}
	if len(ranked) >= 2 && q.intent == IntentHowMany && q.hasSpan && q.from.Precision() == YearPrecision && q.to == q.from &&
		b.facts[ranked[0].fact].Date.Start.Precision() > YearPrecision && !slices.ContainsFunc(q.toks, func(t string) bool { return partOfYear[t] }) {
		// "how many TTP attacks in 2021": the year's count leads
		// December's, when it counts what the question does as well.
		fit := b.unitFit(q, ranked[0].fact)
		if r := b.firstThat(q, ranked, dateCovShare, func(f *Fact) bool {
			return f.Date.Start.Precision() == YearPrecision && f.Date.Start.Year == q.from.Year && hasFigure(f) && b.unitFit(q, b.idx.factIndex[f]) >= fit &&
				(q.sourceDoc == "" || f.Cite.Doc == q.sourceDoc) &&
				(q.doer == nil || b.mentions(f, b.idx.factIndex[f], q.doer.entities)) // Bugti's count is not Kakar's
		}); r[0].fact != ranked[0].fact {
			return r
		}
	}
	if len(ranked) >= 2 && q.intent == IntentHowMany && q.asksDone() && plannedFigure(b.facts[ranked[0].fact]) {
		// "how many Afghans were deported": how many went, not the 1.7
		// million Pakistan decided to expel.
		lead := b.facts[ranked[0].fact]
		if r := b.firstThat(q, ranked, dateCovShare, func(f *Fact) bool {
			return hasFigure(f) && !plannedFigure(f) && !slices.ContainsFunc(f.Entities, func(id string) bool {
				// Iran's count of those it deported is not Pakistan's.
				return !contains(lead.Entities, id) && !q.linked(id) && !b.idx.broad(id)
			})
		}); r[0].fact != ranked[0].fact {
			return r
		}
	}
	if len(ranked) >= 2 && q.intent == IntentHowMany && !joinsAsks(q) && q.also < 0 {
		// "how many Afghans moved to Pakistan after Kabul fell": the
		// figure of Afghans who moved leads the figure of undocumented
		// Afghans, "most of whom arrived" then; its unit says what the
		// question does.
		if best := b.unitFit(q, ranked[0].fact); best < 1 {
			for r := 1; r < len(ranked) && r <= firstReach; r++ {
				s := ranked[r]
				if s.cov >= unitCovShare*ranked[0].cov && s.feat.MissedEntity <= ranked[0].feat.MissedEntity && b.unitFit(q, s.fact) == 1 &&
					q.coversWordsOf(s.fact, ranked[0].fact) {
					return toFront(ranked, r)
				}
			}
		}
	}
	if len(ranked) >= 2 && q.intent == IntentHowMany && q.hasSpan && q.from.Precision() >= MonthPrecision &&
		!heldAt(b.facts[ranked[0].fact]).Within(q.from, q.to) {
		// "how many deaths in September 2023": September's count leads
		// the one for the first ten months of 2023, which only takes the
		// month in, when it counts what the question does as well.
		fit := b.unitFit(q, ranked[0].fact)
		if r := b.firstThat(q, ranked, dateCovShare, func(f *Fact) bool {
			return heldAt(f).Within(q.from, q.to) && hasFigure(f) && b.unitFit(q, b.idx.factIndex[f]) >= fit &&
				(q.sourceDoc == "" || f.Cite.Doc == q.sourceDoc) &&
				(q.doer == nil || b.mentions(f, b.idx.factIndex[f], q.doer.entities))
		}); r[0].fact != ranked[0].fact {
			return r
		}
	}
	if len(ranked) >= 2 && q.intent == IntentWho && q.companionAsked() {
		// "who was Faiz Hameed with in that photo": the fact that names
		// someone with him leads the one about the photo.
		return b.firstThat(q, ranked, peopleCovShare, func(f *Fact) bool { return b.namesOther(q, f, false) })
	}
	if len(ranked) >= 2 && (q.intent == IntentList || q.intent == IntentWho || q.intent == IntentFact) && q.asksPeople() {
		return b.firstThat(q, ranked, peopleCovShare, func(f *Fact) bool { return b.namesOther(q, f, false) })
	}
	if a := q.doer; len(ranked) >= 2 && a != nil && b.byOtherParty(q, ranked[0].fact) {
		// "what conditions did Pakistan set for the TTP": the TTP's own
		// conditions are the other party's; Pakistan's lead.
		if r := b.firstThat(q, ranked, doerCovShare, func(f *Fact) bool {
			return len(f.Entities) > 0 && containsEntity(a.entities, b.entityByID[f.Entities[0]])
		}); r[0].fact != ranked[0].fact {
			return r
		}
		// (None of the party's own: what else leads is judged below.)
	}
	if a := q.speaker(); len(ranked) >= 2 && a != nil && (q.intent == IntentStatement || q.intent == IntentFact) && q.speaks(a) &&
		speakerKind(a.entities[0]) && !b.mentions(b.facts[ranked[0].fact], ranked[0].fact, a.entities) {
		// "how did the HRCP react to the expulsion order": the HRCP's
		// words lead the Taliban's reaction to the order.
		if r := b.firstThat(q, ranked, doerCovShare, func(f *Fact) bool {
			return slices.ContainsFunc(a.entities, func(e *Entity) bool { return contains(f.Entities, e.ID) })
		}); r[0].fact != ranked[0].fact {
			return r
		}
	}
	if len(ranked) >= 2 && q.intent == IntentFact && b.eventNamedBare(q) {
		// "mastung blast sept 29 - details", "march 30 2022 attack in
		// tank": what happened, with its toll, leads who did or did not
		// claim it, or what the attack went beyond.
		return b.firstThat(q, ranked, dateCovShare, func(f *Fact) bool {
			return b.idx.figure[b.idx.factIndex[f]] && (usesWordOf(f, casualtyNouns) || usesWordOf(f, killWords))
		})
	}
	if len(ranked) >= 2 && len(q.toks) > 2 && q.toks[0] == "what" && (q.toks[1] == "happened" || q.toks[1] == "happen") && q.intent == IntentFact && !q.asksFate {
		// "what happened in Mastung on 29 September": the deed leads who
		// did or did not claim it.
		return b.firstThat(q, ranked, dateCovShare, func(f *Fact) bool { return usesWordOf(f, deedWords) })
	}
	if n := q.placeAsked(); len(ranked) >= 2 && q.intent == IntentWhere && n != "" && !b.namesPlaceAsked(q, b.facts[ranked[0].fact], n) {
		// "which prisons were TTP fighters freed from": the fact naming
		// the prisons leads a speech in Kunar province. (Not one saying
		// the part asked is not known, nor one lacking another part.)
		if r := b.firstThat(q, ranked, dateCovShare, func(f *Fact) bool {
			return f.Open == nil && b.namesPlaceAsked(q, f, n) && b.missingPart(q, toFront(slices.Clone(ranked), b.rankOf(ranked, f))) == ""
		}); r[0].fact != ranked[0].fact {
			return r
		}
	}
	if len(ranked) >= 2 && b.kindMissing(q, ranked[0].fact) != "" {
		// "which party's rally did the TTP hit in Bajaur": the fact that
		// names the party (the JUI-F) leads the one on who was blamed.
		if r := b.firstThat(q, ranked, dateCovShare, func(f *Fact) bool { return b.namesKindAsked(q, b.idx.factIndex[f], "") }); r[0].fact != ranked[0].fact {
			return r
		}
	}
	if lead := b.facts[ranked[0].fact]; asksDegree(q.toks) && lead.Type == TypeList && len(ranked) >= 2 {
		// "how big a threat is the NRF": what the sources say of the NRF
		// itself ("little presence") leads a list of threats that names
		// it among others.
		for _, l := range q.links {
			if id := l.entities[0].ID; !b.idx.broad(id) && (len(lead.Entities) == 0 || lead.Entities[0] != id) {
				if r := b.firstThat(q, ranked, degreeCovShare, func(f *Fact) bool { return f.Type != TypeList && len(f.Entities) > 0 && f.Entities[0] == id }); r[0].fact != ranked[0].fact {
					return r
				}
			}
		}
	}
	if p := q.linkedPerson(); p != nil && q.asksFate && len(ranked) >= 2 {
		// "what happened to Daoud Khan": his killing leads his coup; "what
		// has become of Faiz Hameed": his fall leads his old post.
		return b.firstThat(q, ranked, fateCovShare, func(f *Fact) bool { return contains(f.Entities, p.ID) && usesWordOf(f, fateWords) })
	}
	if ev := q.linkedEvent(); ev != nil && (q.asksReaction() || q.asksDoneAfter()) && len(ranked) >= 2 {
		// "how did Pakistan respond to the Tank fort attack": the
		// operations that answered it lead the attack itself. (Words
		// said of it are a response already.)
		responds := func(f *Fact) bool { return usesWordOf(f, responseWords) || usesWordOf(f, reprisalWords) }
		if f := b.facts[ranked[0].fact]; (f.Type == TypeEvent || f.Type == TypeFigure) && contains(f.Entities, ev.ID) && !responds(f) {
			return b.firstThat(q, ranked, reactionCovShare, func(f *Fact) bool { return contains(f.Entities, ev.ID) && responds(f) })
		}
	}
	if q.asksResult && len(ranked) >= 2 {
		// "did the ceasefires work": the fact that says what came of them
		// leads the one that says they were made.
		return b.firstThat(q, ranked, resultCovShare, func(f *Fact) bool { return usesWordOf(f, resultWords) })
	}
	if p := q.linkedPerson(); len(ranked) >= 2 && p != nil && b.idx.entityDoc[p.ID] == "" && (q.intent == IntentStatement || q.intent == IntentFact) && (q.asksSaid() || q.asksReaction()) {
		// "what did Faiz Hameed say after the Taliban took Kabul": his
		// words at the Serena lead his flight to Kabul (see missingPart).
		share := saidCovShare
		if !contains(b.facts[ranked[0].fact].Entities, p.ID) {
			// "how did Mujahid react to the expulsions": Yaqoob's words on
			// them are no answer at all, however well they fit.
			share = otherSpeakerCovShare
		}
		// Their own words, as the fact's subject, lead words said to them:
		// "what did Durrani tell Muttaqi about the TTP" is his red line,
		// not the Taliban's pledge at his meeting.
		if t := b.facts[ranked[0].fact].Type; t == TypeRole || t == TypeDefinition {
			// "what did Clinton warn Pakistan about": her words, not her
			// post's note that she warned.
			if r := b.firstThat(q, ranked, share, func(f *Fact) bool {
				return len(f.Entities) > 0 && f.Entities[0] == p.ID && f.Type == TypeStatement
			}); r[0].fact != ranked[0].fact {
				return r
			}
		}
		if r := b.firstThat(q, ranked, share, func(f *Fact) bool {
			return len(f.Entities) > 0 && f.Entities[0] == p.ID && (f.Type == TypeStatement || b.saysAfter(f, p))
		}); r[0].fact != ranked[0].fact {
			return r
		}
		return b.firstThat(q, ranked, share, func(f *Fact) bool {
			return contains(f.Entities, p.ID) && (f.Type == TypeStatement || b.saysAfter(f, p))
		})
	}
	if lead := b.facts[ranked[0].fact]; len(ranked) >= 2 && (q.intent == IntentStatement || q.intent == IntentFact) && b.describesDocument(lead) {
		// "what went wrong according to the USIP paper": what the paper
		// says leads the fact that it is a paper on what went wrong.
		doc := lead.Entities[0]
		return b.firstThat(q, ranked, docSaysCovShare, func(f *Fact) bool {
			return f.Type != TypeDefinition && f.Type != TypeRelation && contains(f.Entities, doc)
		})
	}
	if p := q.linkedPerson(); p != nil && len(ranked) >= 2 && q.intent == IntentWho && len(q.toks) > 0 && q.toks[0] == "where" {
		// "where does Bhonsle work": the post he holds somewhere leads
		// what else is said of him.
		return b.firstThat(q, ranked, peopleCovShare, func(f *Fact) bool {
			return f.Role != nil && f.Role.Of != "" && len(f.Entities) > 0 && f.Entities[0] == p.ID
		})
	}
	if q.intent == IntentWhere && len(ranked) >= 2 {
		// "which provinces were the drones over": the fact that names a
		// place leads one on the drones that names none.
		// (Not one that drops a word of the question the best fact uses:
		// "where was the Durrani–Muttaqi meeting held" is not answered
		// by what Durrani said of the TTP in Afghanistan, though that
		// fact is tagged with the meeting and so "covers" it by its name:
		// a word the best fact's own text uses, the other's text or
		// alternate questions must use too.)
		// (A word of a clause that times it, "when the spokesman
		// complained", is no part of what is asked where.)
		top, clause := ranked[0].fact, len(q.toks)
		if k := slices.Index(q.toks[min(1, len(q.toks)):], "when"); k >= 0 {
			clause = k + 1
		}
		keeps := func(f *Fact) bool {
			i := b.idx.factIndex[f]
			return !slices.ContainsFunc(q.units, func(u unit) bool {
				return u.link == nil && !u.carried && u.pos < clause &&
					(b.idx.covers(top, u) && !b.idx.covers(i, u) || b.idx.textUses(top, u) && !b.idx.textUses(i, u) && !b.idx.altCovers(i, u))
			})
		}
		where := func(f *Fact) bool {
			return (b.holdsPostAt(q, f) || b.namesPlace(q, f) && !b.notWhereBased(q, f)) && keeps(f)
		}
		if title, _ := q.askedTitle(b.idx); len(title) > 0 && q.linkedPerson() == nil {
			// "where is the TTP's leader": where the one who holds the
			// post is, so a fact that names a person leads.
			if r := b.firstThat(q, ranked, placeCovShare, func(f *Fact) bool { return where(f) && b.namesOther(q, f, false) }); r[0].fact != ranked[0].fact {
				return r
			}
		}
		return b.firstThat(q, ranked, placeCovShare, where)
	}
	if p := q.linkedPerson(); p != nil && len(ranked) >= 2 && q.asksPostOf() {
		// "what's Bhonsle's current job": the post he holds leads his
		// degrees and his past.
		return b.firstThat(q, ranked, peopleCovShare, func(f *Fact) bool {
			return f.Role != nil && f.Role.Title != "" && !f.Role.Former && len(f.Entities) > 0 && f.Entities[0] == p.ID
		})
	}
	return ranked
}

// plannedFigure reports whether f's figure is what someone decided or
// ordered, not what came of it: "decided to expel around 1.7 million
// Afghans", "ordered all illegal immigrants, 1.73 million Afghans among
// them, to quit".
func plannedFigure(f *Fact) bool {
	toks := f.textWords()
	figs := figures(toks)
	for i, t := range toks {
		if planWords[t] && slices.ContainsFunc(figs, func(k int) bool { return k > i && k <= i+planReach }) {
			return true
		}
	}
	return false
}

// planReach is how many words after a word of deciding or ordering its
// figure may stand: "decided to expel around 1.7 million" is four.
const planReach = 5

// planWords say that something was decided, ordered or meant, not done.
var planWords = setOf(`decided decide decides decision ordered order orders plans plan planned planning intends intend intended aims aim aimed
	wants want wanted target targets targeted targeting deciding`)

// asksDone reports whether a how-many question asks how many it came to,
// in the past or perfect ("how many were deported", "how many got sent
// back", "how many has it pushed out"), and not how many were meant:
// "how many did Pakistan decide to deport", "how many were to be
// expelled". A plan named as a time ("since the expulsion order") asks
// what came after it.
func (q *query) asksDone() bool {
	// The words as typed, for the lexicon reads "ordered to leave" as
	// "expelled", and as mended, for "ordred".
	toks := strings.Fields(q.norm)
	if asksPlan(toks) || asksPlan(q.fixed) {
		return false
	}
	done := false
	for i, t := range toks {
		switch {
		case t == "to" && i > 0 && tellWords[toks[i-1]] || t == "to" && i > 1 && tellWords[toks[i-2]]:
			return false // "told to leave", "tell them to leave"
		case t == "to" && i+1 < len(toks) && toks[i+1] == "be":
			return false // "were to be expelled"
		case t == "did" || t == "already":
			done = true
		case doneAux[t]:
			// "how many were deported", "how many have they sent back";
			// not "how many were in Pakistan before".
			for _, w := range toks[i+1 : min(len(toks), i+participleReach+1)] {
				if len(w) > 4 && strings.HasSuffix(w, "ed") || pastParticiples[w] {
					done = true
				}
			}
		}
	}
	return done
}

// asksPlan reports whether toks use a word of deciding or ordering
// (planWords), other than to name a time: "since the expulsion order"
// asks what came after it.
func asksPlan(toks []string) bool {
	for i, t := range toks {
		if planWords[t] && !slices.ContainsFunc(toks[max(0, i-planReach):i], func(w string) bool { return timeAfterWords[w] }) {
			return true
		}
	}
	return false
}

// participleReach is how far after "were" or "have" a past participle
// may stand: "how many have they sent back" is two words.
const participleReach = 3

// doneAux, with a past participle, ask a question in the past or perfect.
var doneAux = setOf(`were was have has had got been`)

// pastParticiples are past participles that do not end in "ed".
var pastParticiples = setOf(`sent left gone thrown driven made kept taken`)

// tellWords, with "to", say what someone was told to do: an order.
var tellWords = setOf(`told tell tells asked ask`)

// timeAfterWords name a time as what came after something: "since the
// expulsion order".
var timeAfterWords = setOf(`since after following`)
