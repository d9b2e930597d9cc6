package knowledge

// Parsing: a normalised question taken apart into intent, date span,
// content words and their weights.

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Intent is what kind of answer a question wants.
type Intent int

// The intents durand recognises.
const (
	IntentFact      Intent = iota // anything else: the best-matching fact
	IntentWho                     // who is X, who leads Y, who wrote Z
	IntentDefine                  // what is X, what does X stand for
	IntentWhen                    // when did X happen
	IntentWhere                   // where, which city/province/prison
	IntentHowMany                 // how many, how much, what percentage
	IntentWhy                     // why, for what reason
	IntentList                    // list the X, what were the demands
	IntentStatement               // what did X say, how did X describe Y
	IntentTimeline                // what happened in September 2023, timeline of X
)

var intentNames = [...]string{"fact", "who", "define", "when", "where", "howmany", "why", "list", "statement", "timeline"}

func (i Intent) String() string {
	if int(i) < len(intentNames) {
		return intentNames[i]
	}
	return "intent(" + strconv.Itoa(int(i)) + ")"
}

// query is a question taken apart.
type query struct {
	norm       string
	toks       []string // tokens as typed (normalised)
	fixed      []string // tokens after spelling correction
	fixedStems []string // the stem of each fixed token
	fixedTerms []term   // and as a term
	edits      int      // letters corrected, summed
	intent     Intent
	also       Intent // a second question joined by "and": "who was X and what did he say"
	alsoAt     int    // the place of that "and" among toks, or 0
	links      []link
	units      []unit
	shown      map[string]bool // facts a conversation has seen: a timeline's "more" leaves them out
	after      Point           // when set, a timeline's earliest entries after it, not its most telling: what came next
	limit      int             // when set with after, the most entries to show
	floor      float64         // when set, the chance at which to answer, if below the model's threshold (asking.floor)
	within     []string        // when set, the only facts to answer from (asking.within)

	from, to      Point // a date span the question names
	hasSpan       bool
	spanToks      map[int]bool    // token positions that made the span
	personQ       bool            // asks who (a person is wanted)
	title         []string        // who holds a post: the stems of the title asked about, its head last ("caretak prime minist")
	titleOwner    string          // ... and the entity whose post it is, if named ("pakistan")
	clauseFact    int             // "who was PM when the Taliban took Kabul": the fact that dated the clause, or -1
	clauses       []clauseAnswer  // a joined question's clauses asked alone, once asked (clauseAnswersOf); nil before
	counted       []string        // how many: the stems, with synonyms, of what is counted ("how many attacks")
	countedPlural map[string]bool // ... those of them from a plural word ("militants"), which a word modifying another does not count (modifies)
	sourceDoc     string          // "according to Ghosh": prefer facts from this source
	sourceToks    map[int]bool    // token positions that describe the source ("the piece citing 2,867 deaths"), not the topic
	compareDocs   []string        // the sources a question asks to compare ("how do Gul and Ghosh date…"), two or more
	passing       [2]int          // the token range of a source described in passing ("the op-ed about the expulsions") or as no one document ("according to the TTP / Taliban governance article"), names in it included
	succession    bool            // asks who came before or after someone: not that someone
	future        bool            // asks about tomorrow or next year: past the sources
	current       bool            // asks what holds now: answered as of the source's date
	asksStart     bool            // asks when someone took up a post or something began
	asksDuration  bool            // asks how long something lasted
	asksStrength  bool            // asks how large a group or its presence is, which words may say (asksSize)
	asksEnd       bool            // asks when someone left a post or something ended
	asksDay       bool            // asks for the very day: "exact date", "what day"
	asksFirst     bool            // a when-question for the first time: "when did the Taliban first take Kabul"
	asksName      bool            // asks what something is called: "officially called", "nickname"
	asksResult    bool            // asks whether something worked: "did the ceasefires work", "how did it turn out"
	asksFate      bool            // asks what became of someone: "what happened to Najibullah", "what's he up to now"
	spanDescribes bool            // the span is in a clause on what is asked for: "the groups that emerged after August 2021"
	spanNamers    []string        // the entities whose names hold the whole span: "the amnesty offer to the TTP (2021)"
	asksLocal     bool            // names a place within a country as what it asks for: "which provinces", "the district" (localPlaces)
	published     bool            // speaks of something published: where it came out is an outlet as much as a place
	doer          *link           // the party after "did" when two are named, found once for every candidate (findDoer)
	stemOrder     []string        // every stem the question uses, synonyms and links' names included, in the question's order
	scratch       []float64       // reused per alternate question by altMatch
	alt           *altMarks       // which alternate questions and stems the question uses (hits, useAt)
	dense         *denseScratch   // room for its per-fact slices, taken by perFact and the like, returned on release
	linkScores    [][]float64     // per link, once worked out: what it adds to each fact's BM25 (linkBM25)
	useList       []stemUse       // each stem's use, in stemOrder's order
	named         [][]bool        // per unit naming entities, per fact: the fact is about one of them (mentions)
	subjects      []bool          // per fact, once asked: it names an entity the question links first (linkedSubject)
	asksDocument  bool            // about a document, an abbreviation or a spelling
	heldOut       string          // when fitting: the alternate question being asked, not to be matched
}

// unit is one thing the question asks about: a linked entity or a content
// word. An answer should cover the units that carry the most weight.
type unit struct {
	link      *link
	stems     []string   // the word's stem and its synonyms
	related   []string   // pack stems WordNet relates to the word, worth relCredit
	relCredit float64    // what a related stem earns: relatedCredit, or relatedKnownCredit for a word the pack uses
	near      []string   // pack stems that are another form of the word, worth nearCredit
	inFacts   []factStem // the stems the facts use, in stems' order, for scoring facts
	credit    []uint8    // per fact: the kind of credit it earns for the word (termCredit)
	bm25      []float64  // per fact: what the word adds to its BM25 score (bm25Fact); nil when inFacts is empty
	weight    float64
	carried   bool // taken by a follow-up's reading from the conversation, not said (weighCarried)
	broad     bool // names a broad entity (index.broad), looked up once, not per candidate
	known     bool
	pos       int // where in the question it first stands: its token's index, or a link's start
	// frame marks a word that shapes a timeline request ("a short
	// history"): it still ranks the entries, but no entry is picked to
	// cover it.
	frame bool
}

var monthByName = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// noteFrameWord notes what question word t, at i, says of what is asked:
// when something began, who leads, who succeeded whom, the future, the
// present, the document itself. clause is where the first of two joined
// questions ends.
func (q *query) noteFrameWord(i int, t string, clause int) {
	if askStartWords[t] && i < clause {
		// "when did FATA lose its status and what did it become"
		// asks when it lost it, not when something began.
		q.asksStart = true
	}
	if askEndWords[t] && i < clause {
		q.asksEnd = true // "when did Imran Khan leave office"
	}
	switch {
	case leadVerbs[t]:
		q.personQ = true // "who runs X": a person, not a group
	case successionWords[t]:
		q.succession = true
	case futureWords[t]:
		q.future = true
	case currentWords[t]:
		q.current = true
	case documentWords[t]:
		q.asksDocument = true
	}
}

// parse analyses a normalised question.
func (b *Base) parse(norm string) *query {
	ix := b.idx
	q := &query{norm: norm, toks: tokenize(yearRanges(afterPrefixRead(norm))), spanToks: map[int]bool{}, sourceToks: map[int]bool{}, clauseFact: -1}
	if len(q.toks) > maxReadWords {
		q.toks = q.toks[:maxReadWords]
	}
	q.toks = ix.rewriteTokens(dropPhrases(dropClaims(q.toks)))
	if outAsPublished(q.toks) {
		q.toks[len(q.toks)-1] = "published" // "when was Gul's paper out"
	}
	if asksNextMove(q.toks) {
		q.toks = append(q.toks, "options") // "what might Pakistan do next": its options
	}
	fixedWord := false
	for i, t := range q.toks {
		if fw := ix.functionWord(t); fw != "" && !kinWords[t] { // "dad" is no misspelt "did"
			q.toks[i] = fw
			fixedWord = true
		}
		if (t == "n" || t == "nd") && i > 0 && i+1 < len(q.toks) && ix.qwords[q.toks[i+1]] {
			q.toks[i] = "and" // "65 attacks n how many died": chat's "and", not "N Waziristan"
		}
		if t == "est" {
			// "when was it est." is established; "est. TTP manpower" is
			// estimated.
			q.toks[i] = "estimated"
			if i > 0 && (auxWords[q.toks[i-1]] || q.toks[i-1] == "first") {
				q.toks[i] = "established"
			}
		}
	}
	if fixedWord {
		q.toks = ix.rewritePhrases(q.toks) // "take ovr as" is "take over as": become
	}
	q.fixed = make([]string, len(q.toks))
	copy(q.fixed, q.toks)
	q.parseSpan(ix.lex.decades)
	if aside := setAsideAt(q.toks); q.hasSpan && len(aside) > 0 && !slices.ContainsFunc(slices.Collect(maps.Keys(q.spanToks)), func(k int) bool { return !slices.Contains(aside, k) }) {
		// "the Marxist party, not the 2022 group": a year set aside is
		// no time asked about.
		q.hasSpan, q.spanToks, q.from, q.to = false, map[int]bool{}, Point{}, Point{}
	}
	q.intent = classify(q.toks, q.hasSpan)
	if strings.Contains(norm, "->") || strings.Contains(norm, "→") || countOf(q.toks, "when") >= manyWhens {
		// "pdpa coup -> soviet invasion -> geneva accords", "when herat,
		// when kabul, when mazar": a sequence.
		q.intent = IntentTimeline
	}
	q.sinceOnward()
	q.also = -1
	clause := len(q.toks) // the end of the first question asked
	for i := 1; i+1 < len(q.toks); i++ {
		if q.toks[i] != "and" {
			continue
		}
		next := i + 1
		if askPrepositions[q.toks[next]] && next+1 < len(q.toks) {
			next++ // "and in which year", "and by whom"
		}
		// "on what date did Pakistan begin deporting Afghans, and was Iran
		// doing the same": a yes-or-no question may follow a question, when
		// it has a subject of its own ("and was killed in 2013" has none).
		yesNo := yesNoStarts[q.toks[next]] && next+1 < len(q.toks) && !strings.HasSuffix(q.toks[next+1], "ed") &&
			slices.ContainsFunc(q.toks[:i], func(t string) bool { return ix.qwords[t] })
		if (ix.qwords[q.toks[next]] || yesNo || slotAskedAgain(q.toks, i)) && q.intent != IntentTimeline {
			q.intent = classify(q.toks[:i], q.hasSpan)
			q.also = classify(q.toks[next:], q.hasSpan)
			q.alsoAt = i
			clause = i
			break
		}
	}
	q.asksResult = asksResult(q.toks)
	q.asksFate = asksFate(q.toks)
	q.published = slices.ContainsFunc(q.toks, func(t string) bool { return publishWords[t] })
	q.spanDescribes = q.hasSpan && (q.intent == IntentList || q.intent == IntentDefine) && spanInClause(q.toks, q.spanToks)
	if q.asksName = asksName(q.toks); q.asksName && q.intent == IntentStatement {
		q.intent = IntentDefine // "what is the plan called" asks its name, not what was said
	}
	q.personQ = namesPerson(q.toks) || strings.Contains(" "+norm+" ", " which person ") || q.intent == IntentWho && askedNoun(q.toks) == IntentWho
	if hisName(q.toks) {
		// "the local commander blamed for the attack - what's his name"
		// asks who, not what the name of a thing is.
		q.personQ = true
		if q.intent == IntentDefine || q.intent == IntentStatement || q.intent == IntentFact {
			q.intent = IntentWho
		}
	}
	// "how long has X been PM" asks since when; "how long was Torkham
	// shut" asks a duration.
	howLong := hasPhrase(" "+strings.Join(q.toks, " ")+" ", "how long")
	q.asksStart = q.intent == IntentWhen && (howLong || takesPost(q.toks))
	q.asksDuration = q.intent == IntentHowMany && howLong
	q.asksStrength = q.intent == IntentHowMany && q.asksSize() && !slices.ContainsFunc(q.toks, func(t string) bool { return t == "many" || t == "number" || t == "numbers" })
	for _, p := range dayPhrases {
		q.asksDay = q.asksDay || q.intent == IntentWhen && hasPhrase(" "+strings.Join(q.toks, " ")+" ", p)
	}
	if q.intent == IntentWhen && exactDate(q.toks) {
		q.asksDay = true // "the exact signing date", "precise start date"
	}
	if q.asksDay && slices.ContainsFunc(q.toks, func(t string) bool { return monthYearWords[t] }) {
		q.asksDay = false // "when exactly (month + yr)": the month is what is asked
	}
	framed := map[string]string{} // each distinct word read once, and at most maxCorrections of them
	for i, t := range q.toks {
		w, ok := framed[t]
		if !ok && len(framed) < maxCorrections {
			w = ix.frameWord(t)
			framed[t] = w
		} else if !ok {
			w = t
		}
		q.noteFrameWord(i, w, clause)
		if t == "next" && i+1 < len(q.toks) && comingTimes[q.toks[i+1]] {
			q.future = true // "when does Ramadan start next year": a time to come
		}
	}
	b.link(q)
	for i, t := range q.fixed {
		if t != q.toks[i] && roleNouns[t] && !q.inLink(i) {
			q.toks[i] = t // "the current ISKP cheif" asks for the chief: a misspelt post is read as the post
		}
	}
	for i, t := range q.toks {
		// (A word of a name asks nothing: "where is Islamic State
		// Khorasan Province strongest" asks no province.)
		q.asksLocal = q.asksLocal || localPlaces[t] && !q.inLink(i)
	}
	if q.hasSpan {
		q.spanNamers = q.namersOf(q.spanToks)
	}
	if q.edits > 0 && q.also < 0 {
		// A misspelt word may have hidden what is asked: "which
		// distrcit" asks where once it reads "district".
		if in := classify(q.fixed, q.hasSpan); in != IntentFact && in != IntentDefine {
			q.intent = in
		}
	}
	q.doer = q.findDoer()
	if (q.intent == IntentFact || q.intent == IntentDefine || q.intent == IntentStatement) && q.also < 0 && q.asksPostOf() {
		q.intent = IntentWho // "what position does Yaqoob hold" asks who he is
	}
	q.personQ = q.personQ || q.titleAsked()
	if q.intent == IntentWho {
		for _, l := range q.links {
			// "who led the TTP after Noor Wali Mehsud" asks for someone else.
			if l.start > 0 && (q.toks[l.start-1] == "after" || q.toks[l.start-1] == "before") && l.entities[0].Kind == KindPerson {
				q.succession = true
			}
			// "who took over as PM from Kakar" ("took over" reads "became"):
			// his successor.
			if l.start > 0 && q.toks[l.start-1] == "from" && l.entities[0].Kind == KindPerson &&
				slices.ContainsFunc(q.toks[:l.start], func(t string) bool { return askStartWords[t] || t == "over" }) {
				q.succession = true
			}
		}
		q.title, q.titleOwner = q.askedTitle(ix)
		if len(q.title) > 0 && !q.hasSpan {
			b.clauseTime(q)
		}
	}
	q.fixedStems = make([]string, len(q.fixed))
	q.fixedTerms = make([]term, len(q.fixed))
	for j, t := range q.fixed {
		q.fixedStems[j] = ix.stem(t) // once per question, not once per candidate
		q.fixedTerms[j] = ix.termOf(q.fixedStems[j])
	}
	// Content units: linked entities, then the remaining content words.
	used := make([]bool, len(q.toks))
	b.comparedSources(q)
	b.sourceFilter(q)
	b.unsourcedEvents(q)
	b.numberedSource(q)
	b.describedSource(q)
	b.relativeYear(q)
	b.boundNamed(q)
	if q.intent == IntentHowMany {
		q.counted, q.countedPlural = q.countedWords(ix, nil) // after the source is known: its words are not counted
		if len(q.counted) == 0 && q.asksSize() {
			// "how big is the TTP now": a group's size is its fighters.
			q.countedPlural = map[string]bool{}
			for _, w := range sizeCounted {
				st := ix.stem(w)
				for _, s := range append([]string{st}, ix.lex.syn[st]...) {
					q.counted = append(q.counted, s)
					q.countedPlural[s] = true
				}
			}
		}
	}
	seenEntity := map[string]bool{}
	for i := range q.links {
		l := &q.links[i]
		if q.spanToks[l.start] {
			continue // in a "when" clause that gave the time asked about
		}
		if q.namesSource(ix, l) || slices.Contains(q.compareDocs, ix.entityDoc[l.entities[0].ID]) {
			for j := l.start; j < l.end; j++ {
				used[j] = true
			}
			continue // names the source, not the topic
		}
		if l.start >= q.passing[0] && l.end <= q.passing[1] {
			for j := l.start; j < l.end; j++ {
				used[j] = true
			}
			continue // in a source described in passing: "the op-ed about the expulsions", or no one document fits (settleSource)
		}
		if q.describesDocument(i) {
			for j := l.start; j < l.end; j++ {
				used[j] = true
			}
			continue // "who wrote the FNF paper on how Pakistan sees Afghanistan": the paper is asked about
		}
		if !slices.ContainsFunc(l.entities, func(e *Entity) bool { return len(ix.namedBy[e.ID]) > 0 }) {
			continue // no fact is about it: its words are matched as words
		}
		for j := l.start; j < l.end; j++ {
			used[j] = true
		}
		if seenEntity[l.entities[0].ID] {
			continue
		}
		seenEntity[l.entities[0].ID] = true
		// An entity weighs what it tells: how few facts name it, or how
		// rare the name the reader used is ("TTA" is rarer than "Taliban").
		w := 0.0
		for _, e := range l.entities {
			w = max(w, ix.entityIDF(e.ID))
		}
		for j := l.start; j < l.end; j++ {
			if t := q.fixedStems[j]; !ix.stop[q.fixed[j]] && len(ix.postings[t]) > 0 {
				w = max(w, 0.8*ix.termIDF(t))
			}
		}
		q.units = append(q.units, unit{link: l, weight: w, known: true, pos: l.start, broad: ix.broad(l.entities[0].ID)})
	}
	seen := map[string]bool{}
	// "where is ISKP active" asks where ISKP is: the fact need not say
	// "active". With more words ("where does the Uzbek-dominated FTT
	// operate") the verb is kept, to hold the fact to.
	asksNothing := func(i int, t string) bool { // a word that is no content of its own
		return used[i] || q.spanToks[i] || q.sourceToks[i] || ix.stop[t] || ix.qwords[t] || intentWords[t] || currentWords[t] ||
			q.asksStrength && t == "strong" && i > 0 && q.fixed[i-1] == "how" // "how strong is the NRF": the size asked, in whatever words
	}
	activeOnly := q.intent == IntentWhere
	for i, t := range q.fixed {
		if !asksNothing(i, t) && !activeWords[t] {
			activeOnly = false
		}
	}
	for i, t := range q.fixed {
		if asksNothing(i, t) {
			continue
		}
		if answerTypes[t] && i > 0 && (q.toks[i-1] == "which" || q.toks[i-1] == "what") || personNouns[t] && answerTypes[t] && afterWhich(q.toks, i) {
			continue // "which city", "which afghan strongman": the fact need not say "city"
		}
		if (postAskNouns[t] || holdWords[t]) && q.asksPostOf() {
			continue // "what role did Kakar hold": a role fact answers it without saying "role"
		}
		if q.intent == IntentWhen && (t == "first" || t == "earliest") {
			q.asksFirst = true
			continue // "when did the Taliban first take Kabul": the earliest time, whatever the fact says
		}
		if q.intent == IntentWhen && (t == "time" || t == "occasion") && i > 0 && (q.fixed[i-1] == "first" || q.fixed[i-1] == "earliest") {
			continue // "the first time": the earliest, in no word of the fact's
		}
		if k, ok := timeFragment(q.toks); ok && k == i && q.intent == IntentWhen {
			continue // "date of the Chitral attack": the fact need not say "date"
		}
		if q.intent == IntentWhere && (t == "far" || slices.Contains(extentWordList, t) || landWords[t] || activeOnly && activeWords[t]) {
			continue // "how far do the claims extend", "where is ISKP active": the fact need not say "extend" or "active"
		}
		if q.intent == IntentWhen && occurWords[t] {
			continue // "when was the Bonn conference held": when the conference was
		}
		if q.intendsAt(i) || q.announcesAt(i) {
			continue // "how many Afghans does Pakistan plan to deport": the deporting, planned or decided
		}
		if q.intent == IntentWho && q.toks[0] == "where" && workVerbs[t] {
			continue // "where does Bhonsle work": his post, whatever its words
		}
		if t == "next" && i > 0 && (q.fixed[i-1] == "do" || q.fixed[i-1] == "doing" || q.fixed[i-1] == "happen" || q.fixed[i-1] == "happens") {
			continue // "what might Pakistan do next": what it might do, whatever the fact's words for the future
		}
		if q.intent == IntentHowMany && attackVerbs[t] && slices.Contains(q.counted, "attack") {
			continue // "how many militant attacks hit Pakistan": attacks that took place
		}
		if q.asksResult && resultAskWords[t] {
			continue // "did the ceasefires work": what came of them, in whatever words
		}
		if q.asksFate && (fateTimeWords[t] || endVerbs[t] || ruleNouns[t]) {
			continue // "what happened to Balti later", "how did Daoud's rule end": what became of him, whenever, in whatever words
		}
		if q.asksName && namingWords[t] {
			continue // "what is the plan officially called": the fact need not say "called"
		}
		if asksTimeNoun(q.fixed, i) {
			continue // "founder + month/yr": asks for a date; the fact need not say "month"
		}
		if q.refersBack(i) {
			continue // "the TTP … the group's origins": the group is the TTP
		}
		s := q.fixedStems[i]
		if seen[s] {
			continue
		}
		seen[s] = true
		u := unit{stems: append([]string{s}, ix.lex.syn[s]...), pos: i, frame: q.intent == IntentTimeline && timelineFrame[t]}
		if other, ok := numberForms[t]; ok {
			u.stems = append(u.stems, ix.stem(other)) // "4 demands" are the fact's "four demands"
		}
		if n, ok := ordinalNumbers[t]; ok {
			u.stems = append(u.stems, n) // "the second recommendation" is "Recommendation 2"
		}
		df := 0
		for _, st := range u.stems {
			df = max(df, len(ix.postings[st]))
		}
		// WordNet's relations bridge words the pack never uses. A word it
		// does use is widened too ("aims" finds "objectives"), for less:
		// the word itself, where a fact has it, is surer than any of its
		// senses.
		u.relCredit = relatedCredit
		if df > 0 {
			u.relCredit = relatedKnownCredit
		}
		for _, st := range ix.lex.related[s] {
			if !contains(u.stems, st) && len(ix.postings[st]) > 0 {
				u.related = append(u.related, st)
			}
		}
		if ev := q.linkedEvent(); deedVerbs[t] && q.intent == IntentWho && ev != nil {
			// "who carried out the Bajaur rally attack": to carry out
			// an attack is to attack, whatever the fact's verb.
			if toks := tokenize(stripParen(ev.Name)); len(toks) > 0 {
				if st := ix.stem(toks[len(toks)-1]); !contains(u.stems, st) && !contains(u.related, st) && len(ix.postings[st]) > 0 {
					u.related = append(u.related, st)
				}
			}
		}
		switch {
		case df == 0 && len(u.related) > 0:
			// Only WordNet's relations are in the pack: a known word, but
			// weighed as the relation is trusted.
			for _, st := range u.related {
				df = max(df, len(ix.postings[st]))
			}
			u.known = true
			u.weight = ix.idf(df, len(ix.docLen))
			if inflected(t) || ix.light[t] {
				u.weight /= 2
			}
		case df > 0:
			u.known = true
			u.weight = ix.idf(df, len(ix.docLen))
			if inflected(t) || ix.light[t] {
				u.weight /= 2 // verbs tell less about the topic than nouns
			}
		case inflected(t):
			u.weight = 0.3 * ix.maxIDF
		default:
			u.weight = ix.tune.unknownWeight * ix.maxIDF
		}
		q.units = append(q.units, u)
	}
	q.figuresGiven()
	q.deedsCounted()
	q.collectStems(ix)
	q.markNamed(b)
	q.askedAbout()
	q.bareName()
	return q
}

// figureVerbs give figures: asked "what numbers did he cite", the figures
// are what is asked, and the giving need not be said ("citing Gul" in a
// fact on a letter is no figure).
var figureVerbs = setOf(`cite cited cites give gave given gives quote quoted quotes mention mentioned provide provided offer offered use used put`)

// figuresGiven lets a question for figures ("what stats did Kakar cite")
// ask the figures, not the verb that gives them: its verb is dropped, as
// "give" is.
func (q *query) figuresGiven() {
	if q.intent != IntentHowMany {
		return
	}
	q.units = slices.DeleteFunc(q.units, func(u unit) bool {
		return u.link == nil && u.pos < len(q.toks) && figureVerbs[q.toks[u.pos]]
	})
}

// deedsCounted lets a question that counts attacks ("how many attacks did
// the TTP carry out in December 2021") ask mostly the attacks, not the
// verb that does them: to carry out, launch or stage an attack is to
// attack, and a fact counting attacks may say "claimed" or say nothing.
func (q *query) deedsCounted() {
	if q.intent != IntentHowMany || !slices.ContainsFunc(q.toks, func(t string) bool { return attackNouns[strings.TrimSuffix(t, "s")] }) {
		return
	}
	for k, u := range q.units {
		if u.link == nil && u.pos < len(q.toks) && deedVerbs[q.toks[u.pos]] {
			q.units[k].weight *= countedDeedShare
		}
	}
}

// countedDeedShare is how much of its weight the verb of a counted attack
// keeps: a fact using it ("carried out by Afghans") is still the likelier,
// but one that counts the attacks with another verb is not passed over.
const countedDeedShare = 0.25

// defineCues ask what something is or means, however much else the
// question says.
var defineCues = []string{"define", "definition", "meaning", "mean", "means", "stand for", "stands for", "abbreviation", "acronym", "explain", "called", "name"}

// askedAbout reads a question that opens "what is" or "what was" but says
// more of its topic than its name as asking about it, not what it is:
// "what's Hafiz Gul Bahadur's group blamed for in March", "what was the
// HRCP's criticism of the expulsions".
func (q *query) askedAbout() {
	if q.intent != IntentDefine || q.asksName {
		return
	}
	s := " " + strings.Join(q.toks, " ") + " "
	for _, c := range defineCues {
		if hasPhrase(s, c) {
			return
		}
	}
	for i, t := range q.fixed[:min(len(q.fixed), askedDateReach)] {
		if fragmentTimes[t] && (i+1 == len(q.fixed) || q.fixed[i+1] == "of" || q.fixed[i+1] == "for") {
			q.intent = IntentWhen // "what was the exact signing date of the Doha deal"
			q.asksDay = t == "date" || t == "day"
			return
		}
	}
	words := 0
	for _, u := range q.units {
		if u.link == nil {
			words++
		}
	}
	if q.hasSpan {
		words++ // "what's the HGB accused of in March 2024": what it is has no date
	}
	// More than a name: a verb or a preposition carries the topic on ("the
	// HRCP's criticism of the expulsions"); "what is the red line" is
	// still a term.
	more := slices.ContainsFunc(q.toks[min(2, len(q.toks)):], func(t string) bool { return aboutLinks[t] || inflected(t) })
	if words >= defineMaxWords && (more || q.hasSpan) {
		q.intent = IntentFact
	}
}

// aboutLinks are prepositions that tie more of a topic to a "what is"
// question's subject.
var aboutLinks = setOf(`of for about on to in with by from against over`)

// askedDateReach is how far into a "what was" question a date may stand
// and be what is asked: "what was the exact signing date of …".
const askedDateReach = 6

// defineMaxWords is how many words besides names make a "what is"
// question ask about its topic rather than what the topic is.
const defineMaxWords = 2

// authorWords ask who wrote something, or name who did ("the 003 author").
var authorWords = setOf(`wrote write writes written writer writers author authored authors byline bylines`)

// describesDocument reports whether link k, in a question asking who wrote
// a document, only says what that document is on: "who wrote the FNF
// paper on how Pakistan sees Afghanistan" asks for the paper's author,
// not the author of the op-ed its description happens to name.
func (q *query) describesDocument(k int) bool {
	l := q.links[k]
	if k == 0 || l.start == 0 || !slices.ContainsFunc(q.toks, func(t string) bool { return authorWords[t] }) {
		return false
	}
	if w := q.toks[l.start-1]; w != "on" && w != "about" {
		return false
	}
	if l.start >= 2 && sourceNouns[q.toks[l.start-2]] {
		return true // "who wrote the FNF Neighbourhood Perspectives paper on how Pakistan sees Afghanistan"
	}
	prev := q.links[k-1]
	return prev.end == l.start-1 && prev.entities[0].Kind == KindDocument
}

// kindNouns are the common nouns that may stand for a named thing of a
// kind, once the question has named it: "the group" for the TTP, "the
// country" for Afghanistan.
var kindNouns = map[string][]string{
	"group":        {KindGroup, KindOrganisation},
	"outfit":       {KindGroup},
	"movement":     {KindGroup},
	"organisation": {KindGroup, KindOrganisation},
	"organization": {KindGroup, KindOrganisation},
	"body":         {KindOrganisation},
	"country":      {KindPlace},
	"nation":       {KindPlace},
	"man":          {KindPerson},
	"guy":          {KindPerson},
}

// referringWords come before a noun that points back to something named.
var referringWords = setOf(`the this that its their his`)

// refersBack reports whether the word at i is a kind noun ("the group")
// standing for a thing of that kind the question names elsewhere: it asks
// nothing the name does not.
func (q *query) refersBack(i int) bool {
	kinds := kindNouns[q.fixed[i]]
	if len(kinds) == 0 || i == 0 || !referringWords[q.toks[i-1]] {
		return false
	}
	if q.toks[i-1] == "the" && (q.fixed[i] == "country" || q.fixed[i] == "nation") {
		return true // "renaming the country": here always Afghanistan or Pakistan
	}
	for _, l := range q.links {
		e := l.entities[0]
		if l.end > i-1 && l.start <= i || !slices.Contains(kinds, e.Kind) {
			continue
		}
		if e.Kind == KindPlace && len(e.Within) > 0 {
			continue // "the country" is no city or province
		}
		return true
	}
	return false
}

// asksDeed reports whether a question asks what someone did: "what did
// Islamabad do after the Chitral attack" names only Islamabad and the
// attack, and asks no definition of either. ("What does the NRF do" asks
// what it is.)
func asksDeed(toks []string) bool {
	return slices.Contains(toks, "did") && slices.Contains(toks, "do")
}

// bareName reads a question that only names something ("the TTP", "tell me
// about Durrani", "Torkham?") as asking who or what it is.
func (q *query) bareName() {
	if q.intent != IntentFact || len(q.links) == 0 || q.hasSpan || q.asksFate || asksDeed(q.toks) {
		return // ("how did Daoud Khan's rule end" names only him, and asks what became of him)
	}
	for _, u := range q.units {
		if u.link == nil {
			return
		}
	}
	q.intent = IntentDefine
	if q.linkedPerson() != nil {
		q.intent = IntentWho
	}
}

// factStem is one of a word's stems that the facts use, with its idf and
// its place among the word's stems (0 for the word itself).
type factStem struct {
	stem string
	term
	j int
}

// markNamed works out, for each unit that names entities, which facts are
// about one of them: the facts naming each entity are worked out once, at
// load (index.namedBy), not per question or per candidate.
func (q *query) markNamed(b *Base) {
	ix := b.idx
	n := len(ix.docLen)
	q.named = make([][]bool, len(q.units))
	for k, u := range q.units {
		if u.link == nil {
			continue
		}
		named := ix.scratch(q).flags.take(n)
		for _, e := range u.link.entities {
			for _, i := range ix.namedBy[e.ID] {
				named[i] = true
			}
		}
		q.named[k] = named
	}
	// "Ahmad Masoud's NRF": a person named beside a group they lead is
	// named by every fact about the group.
	for k, u := range q.units {
		if u.link == nil || u.link.entities[0].Kind != KindPerson {
			continue
		}
		for j, v := range q.units {
			if j == k || v.link == nil || !b.holdsPostIn(u.link.entities[0].ID, v.link.entities[0].ID) {
				continue
			}
			for i, ok := range q.named[j] {
				q.named[k][i] = q.named[k][i] || ok
			}
		}
	}
}

// holdsPostIn reports whether a role fact has person hold a post in body:
// Masoud leads the NRF.
func (b *Base) holdsPostIn(person, body string) bool {
	for _, i := range b.idx.subjectOf[person] {
		f := b.facts[i]
		if f.Type == TypeRole && (f.Role != nil && f.Role.Of == body || contains(f.Entities, body)) {
			return true
		}
	}
	return false
}

// containsRun reports whether seq holds run as consecutive elements.
func containsRun(seq, run []string) bool { return indexRun(seq, run) >= 0 }

// indexRun returns where run first occurs in seq as consecutive elements,
// or -1.
func indexRun(seq, run []string) int {
	for i := 0; i+len(run) <= len(seq); i++ {
		if slices.Equal(seq[i:i+len(run)], run) {
			return i
		}
	}
	return -1
}

// stemUse is what one stem the question uses stands for: the units whose
// word, synonym or related word it is, and the credit it earns each.
type stemUse struct {
	covers []cover
}

// cover is the credit a stem earns unit number unit.
type cover struct {
	unit   int
	credit float64
}

// collectStems gathers every stem the question uses, for matching against
// alternate questions.
func (q *query) collectStems(ix *index) {
	add := func(s string, unit int, credit float64) {
		p := slices.Index(q.stemOrder, s) // a question has a few dozen stems at most
		if p < 0 {
			p = len(q.stemOrder)
			q.stemOrder = append(q.stemOrder, s)
			q.useList = append(q.useList, stemUse{})
		}
		if credit > 0 {
			q.useList[p].covers = append(q.useList[p].covers, cover{unit, credit})
		}
	}
	for k, u := range q.units {
		if u.link != nil {
			for j := u.link.start; j < u.link.end; j++ {
				if t := q.fixed[j]; !ix.stop[t] {
					add(q.fixedStems[j], k, 0)
				}
			}
			for _, e := range u.link.entities {
				for _, s := range ix.mainStems[e.ID] {
					add(s, k, 0)
				}
			}
			continue
		}
		q.units[k].near = ix.nearForms(u.stems[0])
		for j, st := range u.stems {
			// Most synonyms' forms are in no fact: scoring skips them.
			if len(ix.postings[st]) > 0 {
				q.units[k].inFacts = append(q.units[k].inFacts, factStem{st, ix.termOf(st), j})
			}
		}
		q.units[k].credit = ix.creditByFact(q, &q.units[k])
		q.units[k].bm25 = ix.bm25ByFact(q, &q.units[k])
		for _, s := range u.stems {
			add(s, k, 1)
		}
		for _, s := range u.related {
			add(s, k, u.relCredit)
		}
	}
}

// dropClaims removes a figure the asker already has and wants checked: "draft
// says 2,640 km, pls check", "we have 7", "our copy just says 2007". The
// figure is what the answer is to confirm or correct, not a topic to match
// or a year to keep to. The claim runs from its lead-in to the next question
// word or word of asking, and is dropped only when a number follows the
// lead-in.
func dropClaims(toks []string) []string {
	for i := 0; i < len(toks); i++ {
		n := claimLeadIn(toks[i:])
		if n == 0 {
			continue
		}
		j := i + n
		for j < len(toks) && claimFillers[toks[j]] {
			j++
		}
		if j == len(toks) || !isNumber(toks[j]) {
			continue
		}
		end := j + 1
		for end < len(toks) && !claimEnds[toks[end]] {
			end++
		}
		return append(slices.Clip(toks[:i]), toks[end:]...)
	}
	return toks
}

// claimLeadIns introduce a figure the asker has and wants checked.
var claimLeadIns = [][]string{
	{"draft", "says"}, {"draft", "has"}, {"copy", "says"}, {"our", "copy", "says"}, {"story", "says"}, {"wire", "says"},
	{"notes", "say"}, {"we", "have"}, {"we", "say"}, {"weve", "got"}, {"i", "have"}, {"i", "heard"},
}

// claimLeadIn returns the length of the claim lead-in toks starts with, or 0.
func claimLeadIn(toks []string) int {
	for _, l := range claimLeadIns {
		if len(toks) >= len(l) && slices.Equal(toks[:len(l)], l) {
			return len(l)
		}
	}
	if len(toks) >= 3 && toks[0] == "our" && toks[1] == "copy" {
		return 2 // "our copy just says 2007": the filler and verb are read as fillers
	}
	return 0
}

// claimFillers may stand between a claim's lead-in and its figure.
var claimFillers = setOf(`just only says say it as about around`)

// claimEnds end a claimed figure: what follows asks.
var claimEnds = setOf(`pls plz please check confirm verify want need is right correct what which who when where why how can could`)

// isNumber reports whether t is written in digits: "2640", "7", "1.7".
func isNumber(t string) bool {
	return t != "" && strings.Trim(t, "0123456789.") == "" && strings.Trim(t, ".") != ""
}

// dropPhrases removes idioms whose words would mislead the search: "take
// place" is not about taking or places, and "in the author's view" asks
// nothing of views or authors.
// inTerms returns how many tokens of toks, from its start, frame a
// question "in … terms" and end it ("in afghan opposition terms?"), or 0.
func inTerms(toks []string) int {
	if len(toks) < 3 || toks[0] != "in" {
		return 0
	}
	for k := 2; k < len(toks) && k <= inTermsWords+1; k++ {
		if t := strings.Trim(toks[k], "?!.,"); (t == "terms" || t == "parlance") && k == len(toks)-1 {
			return k + 1
		}
	}
	return 0
}

// inTermsWords is the most words "in … terms" may frame.
const inTermsWords = 3

func dropPhrases(toks []string) []string {
	out := toks[:0:0]
	for i := 0; i < len(toks); i++ {
		if i+1 < len(toks) && toks[i+1] == "place" {
			switch toks[i] {
			case "take", "took", "taken", "takes", "taking":
				i++
				continue
			}
		}
		if toks[i] == "rest" && restOfMany(toks[i+1:]) && !slices.ContainsFunc(toks[:i], func(t string) bool { return !restLeads[t] }) {
			// "and the rest of the recommendations?": list them, which
			// is no rest, nor what rests on something.
			out = append(out[:0], "list")
			i++
			continue
		}
		if i > 0 && auxWords[toks[i-1]] && i+2 < len(toks) && toks[i] == "the" && (toks[i+1] == "author" || toks[i+1] == "writer") && beliefVerbs[toks[i+2]] {
			// "why does the writer think the Taliban won't expel the
			// TTP": why they won't, in the source's view; which source,
			// it does not say.
			i += 2
			continue
		}
		if (toks[i] == "want" || toks[i] == "wants") && wantsDone(toks[i+1:]) {
			// "what does the op-ed want Islamabad to do": what it
			// recommends Islamabad do.
			out = append(out, "recommend")
			continue
		}
		if n := inTerms(toks[i:]); n > 0 {
			// "what's the Ankara Circle in Afghan opposition terms":
			// what it is; the terms only frame it.
			i += n - 1
			continue
		}
		if n := takeOutOn(toks[i:]); n > 0 {
			// "why did Pakistan take its anger out on the refugees": why
			// it turned on them, not anything taken out.
			out = append(out, "turned", "on")
			i += n - 1
			continue
		}
		if n, doc := viewOf(toks[i:]); n > 0 {
			if len(doc) > 0 {
				// "in the op-ed author's view": per the op-ed.
				out = append(append(out, "per", "the"), doc...)
			}
			i += n - 1
			continue
		}
		out = append(out, toks[i])
	}
	return out
}

// beliefVerbs, after "does the author", say the question is asked in a
// source's view: "why does the writer think …".
var beliefVerbs = setOf("think thinks believe reckon argue claim say suggest contend")

// wantsDone reports whether toks, after "want", are someone and "to do":
// "… Islamabad to do instead", "… the West to do".
func wantsDone(toks []string) bool {
	for j := 1; j+1 < len(toks) && j <= maxWantedWords; j++ {
		if toks[j] == "to" && toks[j+1] == "do" {
			return true
		}
	}
	return false
}

// maxWantedWords is how many words the one wanted to do something may
// take: "want the international community to do".
const maxWantedWords = 3

// takeForms are the forms of "take" in "take it out on".
var takeForms = setOf("take takes took taken taking")

// takeOutOn returns the length of the "take it out on" toks starts with
// ("took its anger out on", "taking out its frustration on"), or 0.
func takeOutOn(toks []string) int {
	if len(toks) < 4 || !takeForms[toks[0]] {
		return 0
	}
	rest := toks[1:]
	out := false
	if rest[0] == "out" {
		out, rest = true, rest[1:]
	}
	switch {
	case len(rest) > 0 && rest[0] == "it":
		rest = rest[1:]
	case len(rest) > 1 && (rest[0] == "its" || rest[0] == "their" || rest[0] == "his" || rest[0] == "her") && (rest[1] == "anger" || rest[1] == "frustration" || rest[1] == "frustrations"):
		rest = rest[2:]
	default:
		return 0
	}
	if !out {
		if len(rest) == 0 || rest[0] != "out" {
			return 0
		}
		rest = rest[1:]
	}
	if len(rest) == 0 || rest[0] != "on" {
		return 0
	}
	return len(toks) - len(rest) + 1
}

// restLeads may come before "rest of" that asks for the rest of a list:
// "and the rest of the groups?", "what about the rest of them".
var restLeads = setOf("and the what about ok okay so give me show us all")

// restOfMany reports whether toks, after "rest", are "of" and the many
// the rest is of: "of the recommendations", "of them" (the rest of a
// decision is more of it, no list).
func restOfMany(toks []string) bool {
	if len(toks) < 2 || toks[0] != "of" {
		return false
	}
	n := toks[1]
	if n == "the" && len(toks) > 2 {
		n = toks[2]
	}
	return n == "them" || n == "those" || n == "list" || len(n) > 3 && strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss")
}

// viewOf returns the length of the "in the author's view" toks starts
// with ("in his view", "in the op-ed writer's opinion"), or 0, and the
// words in it that name a kind of document ("op ed").
func viewOf(toks []string) (n int, doc []string) {
	if len(toks) < 3 || toks[0] != "in" {
		return 0, nil
	}
	for j := 1; j < len(toks) && j <= maxViewWords; j++ {
		switch t := toks[j]; {
		case viewNouns[t]:
			if j == 1 {
				return 0, nil
			}
			return j + 1, doc
		case viewHolders[t]:
		case sourceNouns[t] || t == "ed" || t == "oped":
			doc = append(doc, t)
		default:
			return 0, nil
		}
	}
	return 0, nil
}

// maxViewWords is how many words "in the op-ed author's view" may hold
// between "in" and "view".
const maxViewWords = 6

// viewNouns end an "in the author's view"; viewHolders may come before.
var (
	viewNouns   = setOf(`view views opinion estimation reckoning eyes`)
	viewHolders = setOf(`the author authors writer writers s his her their its`)
)

// sourceNouns name a kind of document a reader cites.
var sourceNouns = setOf(`piece article op ed oped paper report analysis blog viewpoint post commentary editorial overview essay column publication writeup
	account explainer section chapter source sources background summary study document documents`)

// describedSource notices a source described rather than named: "per the
// piece citing 2,867 deaths", "the op-ed on Pakistan's new hard line". The
// description runs from "per" or "according to" to the end of the
// question; the source is the document whose facts use the most of its
// words, when one does clearly, and the words then describe the source,
// not the topic.
func (b *Base) describedSource(q *query) {
	named := q.sourceDoc
	start, end := -1, len(q.toks)
	for i, t := range q.toks {
		if t == "per" || t == "according" && i+1 < len(q.toks) && q.toks[i+1] == "to" {
			start = i
		}
	}
	if start < 0 {
		if named == "" {
			b.describedInPassing(q)
		}
		return
	}
	noun := -1
	for i := start + 1; i < len(q.toks) && i <= start+describedReach; i++ {
		if sourceNouns[q.toks[i]] {
			noun = i
			break
		}
	}
	if noun < 0 {
		return
	}
	for i := noun + 1; i < len(q.toks); i++ {
		if b.idx.qwords[q.toks[i]] {
			end = i // "according to the piece on X, how many…": the question goes on
			break
		}
	}
	if named != "" {
		// "per the op-ed on the hard line on the Taliban": the source is
		// named, and the words after its name describe it, not the topic.
		if b.namesDocAt(q, start, end, named) {
			for i := start; i < end; i++ {
				q.sourceToks[i] = true
			}
		}
		return
	}
	b.settleSource(q, start, end, start >= minAskedBeforeSource)
}

// namesDocAt reports whether toks[start:end] name document doc by a link
// to it.
func (b *Base) namesDocAt(q *query, start, end int, doc string) bool {
	return slices.ContainsFunc(q.links, func(l link) bool {
		return l.start > start && l.end <= end && l.entities[0].Kind == KindDocument && b.idx.entityDoc[l.entities[0].ID] == doc
	})
}

// describedInPassing notices a source described in passing, with no "per"
// or "according to": "as cited in the blog post on the rift", "the figure
// the historical piece gives", "the op-ed about the expulsions says". The
// description runs from the article before the kind of document to the
// next question word or verb of saying when a clause describes it ("on",
// "about", "that", "calling"…), else it ends at the noun.
func (b *Base) describedInPassing(q *query) {
	if slices.ContainsFunc(q.toks, func(t string) bool { return authorWords[t] }) {
		return // "who wrote the piece arguing…": the description is what is asked about
	}
	for n, t := range q.toks {
		if !passingSourceNouns[t] && !(t == "post" && n > 0 && q.toks[n-1] == "blog") {
			continue
		}
		start := -1
		for j := n - 1; j >= 0 && j >= n-describedReach; j-- {
			if sourceArticles[q.toks[j]] {
				start = j
				break
			}
		}
		if start < 0 {
			continue
		}
		for start > 0 && sourceLeadIns[q.toks[start-1]] {
			start-- // "as cited in the…"
		}
		for n+1 < len(q.toks) && sourceNouns[q.toks[n+1]] {
			n++ // "the blog post"
		}
		end := n + 1
		if end < len(q.toks) && sourceAttachers[q.fixed[end]] { // as mended: "the piece recomending…"
			for end++; end < len(q.toks); end++ {
				t := q.toks[end]
				if b.idx.qwords[t] || sayingWords[t] && q.toks[end-1] != "that" && q.toks[end-1] != "which" {
					break
				}
			}
		}
		asked, follows := 0, false
		for i, t := range q.toks {
			if (i < start || i >= end) && !b.idx.stop[t] && !b.idx.qwords[t] {
				asked++
			}
			follows = follows || i >= end && b.idx.qwords[t]
		}
		if follows {
			asked++ // "the piece that says…: how many had left by then": a question follows it
		}
		if asked < minAskedInPassing {
			return // the description is most of the question: "whose byline is on the recalibration piece"
		}
		b.settleSource(q, start, end, true)
		q.passing = [2]int{start, end}
		return
	}
}

// minAskedInPassing is how many content words must stand outside a source
// described in passing for it to be set aside: fewer, and the source is
// what is asked about.
const minAskedInPassing = 2

// passingSourceNouns are the kinds of document that, described in
// passing, can only mean a source: not "report" (the UN report is a topic)
// or "post" (border posts), which only "per" makes a source.
var passingSourceNouns = setOf(`piece article ed oped blog viewpoint commentary editorial overview essay column writeup explainer analysis`)

// documentNameWeight is what a name of a document in a source's description
// counts for that document, against one per word its facts use: a name
// ("the op-ed", "the FNF paper") says more than the topic words around it.
const documentNameWeight = 3 * titleWeight

// titleWeight is what a word of a source's description counts for each
// document whose facts use it; a document whose title has it gets one
// more: less than a word of its facts, enough to settle a tie.
const titleWeight = 2

// sourceArticles begin a source's description: "the piece", "that op-ed".
var sourceArticles = setOf(`the that this`)

// sourceLeadIns come before a source's description and belong to it: "as
// cited in the piece".
var sourceLeadIns = setOf(`in from by as cited quoted mentioned described given reported stated`)

// sourceAttachers begin a clause that describes a source: "the piece on
// the rift", "the op-ed calling it a disaster".
var sourceAttachers = setOf(`on about that which calling citing saying says arguing predicting comparing criticising criticizing
	covering blaming recommending titled called where with`)

// sayingWords are verbs that end a source's description and report what
// it says: "the op-ed about the expulsions gives a range".
var sayingWords = setOf(`say says said argue argues recommend recommends suggest suggests claim claims give gives
	mention mentions list lists describe describes quote quotes attribute attributes cite cites note notes offer offers put puts`)

// settleSource reads toks[start:end] as a source's description: the
// source is the document whose facts use the most of its words, when one
// does clearly. The words are set aside as describing a source when a
// document fits, or when setAside says they do anyway.
func (b *Base) settleSource(q *query, start, end int, setAside bool) {
	ix := b.idx
	score := map[string]int{}
	for _, l := range q.links {
		if l.start > start && l.end <= end && l.entities[0].Kind == KindDocument {
			if doc := ix.entityDoc[l.entities[0].ID]; doc != "" {
				score[doc] += documentNameWeight // "the op-ed": the pack's name for one document
			}
		}
	}
	titles := map[string]map[string]bool{} // each source's title's stems, worked out once per description
	for _, src := range b.srcOrder {
		titles[src.ID] = map[string]bool{}
		for _, w := range tokenize(src.Title) {
			titles[src.ID][ix.stem(w)] = true
		}
	}
	for i := start + 1; i < end; i++ {
		t := q.toks[i]
		if ix.stop[t] || sourceNouns[t] {
			continue
		}
		st := ix.stem(t)
		for doc, stems := range ix.docStems {
			if stems[st] {
				score[doc] += titleWeight
			}
		}
		for doc, stems := range titles {
			if stems[st] {
				score[doc]++ // of two pieces that use the word, the one whose title does: "the article criticising the expulsion policy"
			}
		}
		if pastWords[t] && b.historical != "" {
			score[b.historical] += titleWeight // "the Taliban history piece": the one that tells of the past
		}
	}
	best, top, ties := "", 0, 0
	for doc, n := range score {
		switch {
		case n > top:
			best, top, ties = doc, n, 1
		case n == top:
			ties++
		}
	}
	if top == 0 || ties > 1 {
		// No document, or no one document, fits the description. When a
		// question came before it, the words still describe a source, not
		// the topic: "…, according to the sources on the group's origins".
		if setAside {
			for i := start; i < end; i++ {
				q.sourceToks[i] = true
			}
			if q.passing == [2]int{} {
				q.passing = [2]int{start, end} // "according to the TTP / Taliban governance article": its names too
			}
		}
		return
	}
	q.sourceDoc = best
	for i := start; i < end; i++ {
		q.sourceToks[i] = true
	}
}

// pastWords describe a source as one that tells of the past: "the history
// piece", "the historical explainer", "the background article".
var pastWords = setOf(`history historical histories background backstory`)

// mostHistorical returns the source whose dated facts lie furthest in the
// past, by their median year: the one a reader calls the history piece.
// "" when no source has dated facts. It is worked out once, at load.
func (b *Base) mostHistorical() string {
	years := map[string][]int{}
	for _, f := range b.facts {
		if !f.Date.IsZero() {
			years[f.Cite.Doc] = append(years[f.Cite.Doc], f.Date.Start.Year)
		}
	}
	best, bestMedian := "", 0
	for _, src := range b.srcOrder { // in the pack's order, so a tie goes the same way every time
		ys := years[src.ID]
		if len(ys) == 0 {
			continue
		}
		slices.Sort(ys)
		if m := ys[len(ys)/2]; best == "" || m < bestMedian {
			best, bestMedian = src.ID, m
		}
	}
	return best
}

// numberedSource notices a source named by the number its file starts
// with, as the citations show it ("001_d9af….txt"): "the 001 essay", "what
// does the 003 author want". The number and the words that name the kind
// of document or its author describe the source, not the topic.
func (b *Base) numberedSource(q *query) {
	if q.sourceDoc != "" {
		return
	}
	for i, t := range q.toks {
		if len(t) != 3 || strings.Trim(t, "0123456789") != "" {
			continue
		}
		for doc := range b.sources {
			if !strings.HasPrefix(doc, t+"_") {
				continue
			}
			q.sourceDoc = doc
			q.sourceToks[i] = true
			if i+1 < len(q.toks) && (sourceNouns[q.toks[i+1]] || authorWords[q.toks[i+1]]) {
				q.sourceToks[i+1] = true
			}
			return
		}
	}
}

// minAskedBeforeSource is how many words must come before "per" or
// "according to" for a source description no document fits to be set
// aside: fewer, and the description may be the question.
const minAskedBeforeSource = 4

// describedReach is how many words after "per" or "according to" the kind
// of document may come: "per the 2867-fatalities article", "according to
// the ttp / taliban governance article".
const describedReach = 6

// relativeYears say which year "last year" and "this year" are, counted
// from the year of the source that says it.
var relativeYears = map[string]int{"last": -1, "past": -1, "previous": -1, "this": 0}

// relativeYear reads "last year" in a question that names its source as
// that source's year less one ("fatalities last year per the leverage
// analysis" asks about 2022), and "this year" as the source's year. The
// words are never matched against facts: a source's "last year" is its own.
func (b *Base) relativeYear(q *query) {
	for i := 0; i+1 < len(q.toks); i++ {
		shift, ok := relativeYears[q.toks[i]]
		if !ok || q.toks[i+1] != "year" {
			continue
		}
		q.spanToks[i], q.spanToks[i+1] = true, true
		if q.hasSpan || q.sourceDoc == "" {
			return
		}
		if src := b.sources[q.sourceDoc]; src != nil && !src.Date.IsZero() {
			y := src.Date.Start.Year + shift
			q.from, q.to = Point{Year: y}, Point{Year: y}
			q.hasSpan = true
		}
		return
	}
}

// namesSource reports whether link l names the question's source, its
// document or the document's author, not its topic: "per Gul's paper",
// "according to the FNF paper".
func (q *query) namesSource(ix *index, l *link) bool {
	return q.sourceDoc != "" && ix.entityDoc[l.entities[0].ID] == q.sourceDoc
}

// sourceFilter notices a source named as a qualifier — "according to
// Ghosh", "per the opinion article", "in the FNF paper" — when the question
// also asks about something else.
// unsourcedEvents reads the name of an event the source asked of never
// speaks of as words: "Ghosh's piece: where did the Pakistani airstrikes
// in Afghanistan land" asks of the strikes her piece tells, those of April
// 2022, not the March 2024 strikes the words name.
func (b *Base) unsourcedEvents(q *query) {
	if q.sourceDoc == "" {
		return
	}
	ix := b.idx
	q.links = slices.DeleteFunc(q.links, func(l link) bool {
		e := l.entities[0]
		return (e.Kind == KindEvent || e.Kind == KindOperation) && len(l.entities) == 1 &&
			!slices.ContainsFunc(ix.entityFacts[e.ID], func(i int) bool { return b.facts[i].Cite.Doc == q.sourceDoc })
	})
}

func (b *Base) sourceFilter(q *query) {
	ix := b.idx
	for _, l := range q.links {
		// "Gul's first recommendation", "Ghosh's prediction": what the
		// author's document says.
		j := l.end
		for j < len(q.toks) && (ordinalWord(q.toks[j]) || authorNounQualifiers[q.toks[j]]) {
			j++
		}
		if doc := ix.entityDoc[l.entities[0].ID]; doc != "" && l.entities[0].Kind == KindPerson && j < len(q.toks) && authorNouns[q.toks[j]] &&
			!(authorWorks[q.toks[j]] && q.published) {
			q.sourceDoc = doc
			return
		}
	}
	if len(q.links) < 2 && len(q.toks) < 6 && !slices.ContainsFunc(q.toks, func(t string) bool { return adviceVerbs[t] }) {
		return // ("what does Gul recommend", however short, asks what his paper does)
	}
	for _, l := range q.links {
		doc := ix.entityDoc[l.entities[0].ID]
		if doc == "" {
			continue
		}
		for j := max(0, l.start-3); j < l.start; j++ {
			switch q.toks[j] {
			case "according", "per", "in", "from", "by", "says", "say":
				q.sourceDoc = doc
				return
			}
		}
		// "why does Gul say", "what does Ghosh argue": the author speaks.
		if l.end < len(q.toks) && authorVerbs[q.toks[l.end]] {
			q.sourceDoc = doc
			if !adviceVerbs[q.toks[l.end]] {
				q.sourceToks[l.end] = true // "that Bhonsle recalls": the verb attributes, it asks nothing
			} // ("what does Gul recommend" asks his recommendations)
			return
		}
	}
}

// ownView reports whether a question asks someone's view by a noun for it
// after their name, on nothing named: "Kugelman's take?", "and his view"
// (the possessive's "'s" is gone by now). "Did they take" is a verb;
// a country's "angle" is its interest.
func ownView(toks []string) bool {
	n := len(toks)
	if n < 2 {
		return false
	}
	switch strings.Trim(toks[n-1], "?!.,") {
	case "take", "view", "views", "verdict":
	default:
		return false
	}
	p := toks[n-2]
	return !auxWords[p] && pronounKind[p] == "" && p != "it" && p != "to" && p != "i" && p != "we" && p != "you" || p == "his" || p == "her" || p == "their"
}

// gistWords ask what a source argues as a whole: "what does Ghosh argue",
// "the op-ed's bottom line", "gist of Bhonsle's piece", "her angle".
var gistWords = setOf(`argue argues argued argument arguments angle take takeaway takeaways view views thesis gist verdict
	conclusion conclusions conclude concludes bottom line point points message main key central core summary summarise summarize sum
	nutshell say says saying said think thinks position stance opinion read`)

// gistOf returns the source a question asks the gist of, or "": one named
// by its author or its title, with words that ask what it argues, and no
// other content word ("what does Ghosh argue", but not "what does Ghosh
// argue about the Durand Line"). "What is Ghosh's article about" asks it
// too: "about" with a word for the document.
func (b *Base) gistOf(q *query) string {
	doc, topic := b.gistAsked(q)
	if len(topic) > 0 {
		return ""
	}
	return doc
}

// gistAsked is gistOf, allowing the question to add what the argument is
// on: it returns the source, and the stems of the words that say the
// topic ("the op-ed's argument on the refugee expulsions": refugees,
// expulsions), none when the whole argument is asked.
func (b *Base) gistAsked(q *query) (doc string, topic []string) {
	if q.hasSpan || len(q.compareDocs) > 0 || q.also >= 0 {
		return "", nil
	}
	aboutAt := slices.IndexFunc(q.toks, func(t string) bool { return t == "about" || t == "on" })
	named := make([]bool, len(q.toks))
	for _, l := range q.links {
		d := b.idx.entityDoc[l.entities[0].ID]
		if d == "" && aboutAt >= 0 && l.start > aboutAt {
			continue // a name in the topic asked: its words are the topic's
		}
		if d == "" || doc != "" && d != doc {
			return "", nil // a topic, or two sources
		}
		doc = d
		for i := l.start; i < l.end; i++ {
			named[i] = true
		}
	}
	if src := b.sources[doc]; src == nil || len(src.Gist) == 0 {
		return "", nil
	}
	asks, about, document := false, false, false
	for i, t := range q.toks {
		switch {
		case named[i]:
		case about && (isQuestionWord(t) || t == "whether"):
			return "", nil // "Bhonsle's read on why Pakistan is expelling refugees": a reason, not a claim, is asked
		case gistWords[t]:
			asks = true
		case sourceNouns[t]:
			document = true
		case t == "about" || t == "on":
			about = true
		case !b.idx.stop[t]:
			if !about {
				return "", nil // a word before "about": a question of its own
			}
			topic = append(topic, b.idx.stem(t))
		}
	}
	if asks || about && document {
		return doc, topic
	}
	return "", nil
}

// adviceVerbs, after an author's name, ask what the author advises: the
// facts that recommend or propose, whose words they share.
var adviceVerbs = setOf(`recommend recommends propose proposes advise advises urge urges suggest suggests`)

// comparedSources notices a question that names two sources or more, by
// author or title, to set what each says side by side: "how do Gul and
// Ghosh date the TTP's founding", "do Gul and the op-ed agree on…".
func (b *Base) comparedSources(q *query) {
	var docs []string
	for _, l := range q.links {
		if doc := b.idx.entityDoc[l.entities[0].ID]; doc != "" && !slices.Contains(docs, doc) {
			docs = append(docs, doc)
		}
	}
	if len(docs) < 2 || q.intent == IntentWho {
		return
	}
	joined := false // "Gul and Ghosh": two sources named together
	for k := 1; k < len(q.links); k++ {
		a, c := q.links[k-1], q.links[k]
		if c.start == a.end+1 && q.toks[a.end] == "and" && b.idx.entityDoc[a.entities[0].ID] != "" && b.idx.entityDoc[c.entities[0].ID] != "" {
			joined = true
		}
	}
	if !joined && !slices.ContainsFunc(q.toks, func(t string) bool { return compareWords[t] }) {
		return
	}
	q.compareDocs = docs
}

// compareWords ask how sources stand to each other.
var compareWords = setOf(`compare compared comparing differ differs difference differences agree agreed agreement disagree both vs versus each`)

// authorNouns, after an author's name, are what the author's document
// says: "Gul's recommendations".
var authorNouns = setOf(`recommendation recommendations view views argument arguments take prediction predictions proposal proposals
	conclusion conclusions findings finding analysis assessment advice suggestion suggestions verdict forecast
	paper piece article report numbers figures figure number count counts estimate estimates data stats tally account`)

// authorWorks are the author nouns that name the document itself: asked
// where or when it was published, it is the topic, not the source.
var authorWorks = setOf(`paper piece article report account`)

// authorNounQualifiers may stand between an author's name and what the
// author says: "Gul's main recommendation".
var authorNounQualifiers = setOf(`main key top last final central chief overall`)

// ordinalWord reports whether t is an ordinal: "first", "2nd".
func ordinalWord(t string) bool {
	return slices.ContainsFunc(ordinalsInOrder, func(list []string) bool { return slices.Contains(list, t) })
}

// authorVerbs, after an author's name, make the author the source of what
// is asked rather than its topic: "why does Gul say", "what does Ghosh
// argue".
var authorVerbs = setOf(`say says said argue argues argued write writes wrote think thinks reckon reckons believe believes
	claim claims suggest suggests recommend recommends blame blames trace traces caution cautions warn warns see sees
	mean means expect expects predict predicts call calls describe describes note notes conclude concludes propose proposes
	recall recalls recalled cite cites cited attribute attributes attributed quote quotes quoted report reports reported
	mention mentions mentioned give gives regard regards consider considers`)

// parseSpan finds a date span in the question: "September 2023", "2023",
// "1994-1998", "between 2021 and 2023", "sept 22 2023".
func (q *query) parseSpan(decades map[string]int) {
	var pts []Point
	for i := 0; i < len(q.toks); i++ {
		if i > 0 && periodParts[q.toks[i-1]] {
			// "the mid-90s", "late 2023": part of the period, no topic
			// word. The span stays the whole period, which a fact dated
			// inside it always fits.
			if _, ok := decade(q.toks[i], decades); ok {
				q.spanToks[i-1] = true
			} else if _, ok := year(q.toks[i]); ok {
				q.spanToks[i-1] = true
			}
		}
		if d, ok := decade(q.toks[i], decades); ok {
			// "the 90s": the whole decade.
			q.spanToks[i] = true
			pts = append(pts, Point{Year: d}, Point{Year: d + 9})
			continue
		}
		y, ok := year(q.toks[i])
		if !ok {
			y, ok = shortYear(q.toks, i)
		}
		if !ok || baselineYear(q.toks, i) {
			continue
		}
		p := Point{Year: y}
		q.spanToks[i] = true
		if i > 0 {
			if m, ok := monthByName[q.toks[i-1]]; ok {
				p.Month = m
				q.spanToks[i-1] = true
			} else if d, err := strconv.Atoi(q.toks[i-1]); err == nil && d >= 1 && d <= 31 && i > 1 {
				if m, ok := monthByName[q.toks[i-2]]; ok {
					p.Month, p.Day = m, d
					q.spanToks[i-1], q.spanToks[i-2] = true, true
				}
			}
		}
		pts = append(pts, p)
	}
	switch len(pts) {
	case 0:
		return
	case 1:
		q.from, q.to = pts[0], pts[0]
		if k := slices.Index(q.toks, strconv.Itoa(pts[0].Year)); pts[0].Precision() == YearPrecision && k > 0 {
			if ms, ok := seasonMonths[q.toks[k-1]]; ok {
				// "spring 2022": March to May.
				q.from, q.to = Point{Year: pts[0].Year, Month: ms[0]}, Point{Year: pts[0].Year, Month: ms[1]}
				q.spanToks[k-1] = true
			}
		}
		// "formed after August 2021", "since 2021": from then on;
		// "before 2001": up to then.
		first := -1
		for i := range q.toks {
			if q.spanToks[i] {
				first = i
				break
			}
		}
		if first > 0 {
			// (A bare year after "after" is mostly when something began:
			// "why did Pakistan back the Taliban after 2001" asks of 2001.
			// Before a year is up to it: "Afghanistan before 1990".)
			last := first
			for last+1 < len(q.toks) && q.spanToks[last+1] {
				last++
			}
			switch q.toks[first-1] {
			case "from":
				if onwardAt(q.toks, last+1) {
					// "from 1933 onwards": on from then, earliest first.
					q.to, q.after = Point{Year: openYear}, justBefore(pts[0].Year)
					q.spanToks[last+1] = true
				}
			case "after", "since":
				if pts[0].Precision() > YearPrecision {
					q.to = Point{Year: openYear}
				}
			case "before", "until", "till":
				q.from = Point{Year: 1}
			}
		}
	default:
		q.from, q.to = pts[0], pts[len(pts)-1]
		if q.to.Key() < q.from.Key() {
			q.from, q.to = q.to, q.from
		}
	}
	q.hasSpan = true
}

// sinceOnward reads a timeline "since 2021", or "from 2021" said last, as
// running on from that year:
// "timeline of the TTP talks since 2021" is no list of 2021's events
// alone. (Asked of anything else, a bare year after "since" is the year
// something began: parseSpan.)
func (q *query) sinceOnward() {
	if q.intent != IntentTimeline || !q.hasSpan || q.from != q.to || q.from.Precision() != YearPrecision {
		return
	}
	for i := 1; i < len(q.toks); i++ {
		if q.spanToks[i] {
			if q.toks[i-1] == "since" || i >= 2 && q.toks[i-2] == "since" && (q.toks[i-1] == "late" || q.toks[i-1] == "early" || q.toks[i-1] == "mid") {
				q.to = Point{Year: openYear}
			}
			if q.toks[i-1] == "from" && i+1 == len(q.toks) {
				// "timeline of Afghan politics from 1933", said last, runs
				// on from it as "from 1933 onwards" does, earliest first.
				q.to, q.after = Point{Year: openYear}, justBefore(q.from.Year)
			}
			return
		}
	}
}

// baselineYear reports whether the year at toks[i] is what a change is
// measured against, not a time asked about: "attacks in 2021, and by what
// percent were they up on 2020". Another year must be asked about.
func baselineYear(toks []string, i int) bool {
	if i == 0 || !baselineWords[toks[i-1]] && !(i > 1 && (toks[i-1] == "to" || toks[i-1] == "with") && toks[i-2] == "compared") {
		return false
	}
	if !slices.ContainsFunc(toks, func(t string) bool { return changeWords[t] }) {
		return false
	}
	return slices.ContainsFunc(toks[:i], func(t string) bool { _, ok := year(t); return ok })
}

// baselineWords, before a year, make it what a change is measured against
// ("up on 2020", "higher than 2021"); changeWords say that a change is
// asked.
var (
	baselineWords = setOf(`on over than vs versus`)
	changeWords   = setOf(`up down rise rose risen increase increased increases fall fell drop dropped higher lower more fewer percent percentage change changed jump jumped growth grew`)
)

// seasonMonths are the first and last months of a season before a year
// ("spring 2022"), as the northern hemisphere has them. Winter runs
// across two years, and which two "winter 2023" means is not clear: it is
// left out.
var seasonMonths = map[string][2]int{"spring": {3, 5}, "summer": {6, 8}, "autumn": {9, 11}, "fall": {9, 11}}

// openYear ends a span open to the present: "since 2021" runs on past
// every date the sources give.
const openYear = 9999

// periodParts, before a decade or a year, say which part of it.
var periodParts = setOf(`early mid late`)

// decade reads "1990s", "90s" and the lexicon's words ("nineties") as the
// decade's first year. Two digits mean the twentieth century from 30 up and
// the twenty-first below it: the sources run from the 1970s to 2024.
func decade(t string, words map[string]int) (int, bool) {
	if d, ok := words[t]; ok {
		return d, true
	}
	digits, ok := strings.CutSuffix(t, "s")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	switch {
	case err != nil || n%10 != 0:
		return 0, false
	case len(digits) == 4 && n >= 1800 && n <= 2090:
		return n, true
	case len(digits) == 2 && n >= 30:
		return 1900 + n, true
	case len(digits) == 2:
		return 2000 + n, true
	}
	return 0, false
}

func year(t string) (int, bool) {
	if len(t) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t)
	if err != nil || y < 1800 || y > 2100 {
		return 0, false
	}
	return y, true
}

// shortYear reads a year written with two digits after "in", "since" or
// the like and ending the phrase — "formed in 92", "since 01 and" — as
// 1970–1999 or 2000–2029, the years the sources cover. "in 24 hours" is
// not a year.
func shortYear(toks []string, i int) (int, bool) {
	t := toks[i]
	if len(t) != 2 || t[0] < '0' || t[0] > '9' || t[1] < '0' || t[1] > '9' || i == 0 {
		return 0, false
	}
	if i+1 < len(toks) && !shortYearAfter[toks[i+1]] {
		return 0, false
	}
	v := int(t[0]-'0')*10 + int(t[1]-'0')
	if !shortYearBefore[toks[i-1]] && (v < 70 || inflected(toks[i-1]) || quantifiers[toks[i-1]]) {
		// "in 98" is a year; so is "Mazar-i-Sharif 98" at a phrase's end,
		// a past year after a name. "killed 98" and "about 98" count.
		return 0, false
	}
	switch {
	case v >= 70:
		return 1900 + v, true
	case v < 30:
		return 2000 + v, true
	}
	return 0, false
}

// quantifiers come before a number that counts, or numbers a part: "about
// 98", "chapter 92".
var quantifiers = setOf(`the a about over nearly some almost roughly approx approximately only just least most than of
	chapter section page paragraph part point item number no`)

// shortYearBefore may come before a two-digit year; shortYearAfter after
// it, the phrase ending.
var (
	shortYearBefore = setOf(`in since by until till circa around from during`)
	shortYearAfter  = setOf(`and or but when after before while who what which where why how so then`)
)

// timelineAsks are the other ways analysts ask for events in order: "walk
// me through March 2024", "the sequence from Zahir Shah's ouster to the
// Soviet invasion", "key milestones", "with years".
var timelineAsks = []string{"walk me through", "walk us through", "run me through", "take me through",
	"sequence", "what order", "milestones", "key dates", "key years", "chronologically", "in order",
	"step by step", "with years", "with dates", "with the dates", "with the years", "give years", "give dates",
	"give me the dates", "give me dates", "which years", "what years", "trace how", "trace the", "year by year", "year-by-year",
	"blow by blow", "month by month"}

// manyWhens is how many times a question may ask "when" before it asks
// for a timeline.
const manyWhens = 3

// countOf counts the tokens equal to w.
func countOf(toks []string, w string) int {
	n := 0
	for _, t := range toks {
		if t == w {
			n++
		}
	}
	return n
}

// intendsAt reports whether the word at i says only that what follows is
// meant: "plan to deport", "intend to expel" — the verb after
// "to" says what, and the fact need not say it was planned.
func (q *query) intendsAt(i int) bool {
	return i+1 < len(q.fixed) && intentionVerbs[q.fixed[i]] && q.fixed[i+1] == "to"
}

// announcesAt reports whether the i-th word of a how-many or when question
// says only that a deed was announced: "how many Afghans has Pakistan said
// it will expel" asks the figure of the expulsion, decided or announced.
func (q *query) announcesAt(i int) bool {
	if (q.intent != IntentHowMany && q.intent != IntentWhen) || !announceVerbs[q.fixed[i]] || i+2 >= len(q.fixed) {
		return false
	}
	return pronounKind[q.fixed[i+1]] != "" && (q.fixed[i+2] == "will" || q.fixed[i+2] == "would")
}

// announceVerbs, before a pronoun and "will", announce a deed.
var announceVerbs = setOf("say says said announce announces announced declare declares declared")

// intentionVerbs, before "to" and a verb, say something is meant. ("Want",
// "aim" and "seek" are left out: "wants to shed the label" is what was said.)
var intentionVerbs = setOf("plan plans planned planning intend intends intended intending")

// activeWords, asked where, say only that something is there: "where is
// ISKP active" is answered by where it is strongest.
var activeWords = setOf("active operate operates operating present based strongest strong")

// workVerbText lists the verbs that, asked where, need not be in the fact
// that answers (workVerbs): "where does Bhonsle work" is answered by his
// post, "where does Firdous write" by his outlet.
const workVerbText = `work works worked working write writes writing`

var workVerbs = setOf(workVerbText)

// workplaceWords, with "where", ask whom someone works for: the work
// verbs, and the words for a post ("where is Lieven a fellow").
var workplaceWords = setOf(workVerbText + ` fellow employed teach teaches taught lecture lectures research researcher`)

// asksWhereWorks reports whether the question asks where someone works:
// "where does Bhonsle work", "where is Lieven a fellow", not "did it work".
func asksWhereWorks(toks []string) bool {
	s := " " + strings.Join(toks, " ") + " "
	if slices.ContainsFunc(toks, func(t string) bool { return affiliationWords[t] }) && !slices.ContainsFunc(toks, func(t string) bool { return t == "party" || t == "political" }) ||
		len(toks) > 3 && (toks[0] == "which" || toks[0] == "what") && (employerNouns[toks[1]] || toks[1] == "think" && toks[2] == "tank") &&
			(toks[len(toks)-1] == "with" || toks[len(toks)-1] == "at") {
		return true // "what's her affiliation", "which think tank is Ghosh with"
	}
	return slices.Contains(toks, "where") && slices.ContainsFunc(toks, func(t string) bool { return workplaceWords[t] }) &&
		!hasPhrase(s, "did they work") && !hasPhrase(s, "does it work") && !hasPhrase(s, "did it work")
}

// affiliationWords ask whom someone works for (a party affiliation is
// another thing); employerNouns, after "which", ask it with the kind of
// place: "which institute is she with".
var (
	affiliationWords = setOf("affiliation affiliations affiliated employer employers")
	employerNouns    = setOf("institute institution organisation organization body outfit firm")
)

// asksWorkplace reports whether q asks whom someone works for.
func (q *query) asksWorkplace() bool { return q.intent == IntentWho && asksWhereWorks(q.toks) }

// asksMotive reports whether the question asks what someone's interests or
// motives are ("what are China's interests in Afghanistan", "whats
// Russia's motive"), not what showed them ("what move signalled China's
// interest").
func asksMotive(toks []string) bool {
	k := 0
	switch {
	case len(toks) > 2 && toks[0] == "what" && (toks[1] == "is" || toks[1] == "are" || toks[1] == "was" || toks[1] == "were"):
		k = 2
	case len(toks) > 1 && toks[0] == "whats":
		k = 1
	default:
		// "China's angle?", "Central Asia's stake in Afghanistan": an
		// owner's motive, asked with no question word.
		return len(toks) > 1 && len(toks) <= bareMotiveMax && !slices.ContainsFunc(toks, isQuestionWord) &&
			slices.ContainsFunc(toks[1:], func(t string) bool { return motiveNouns[t] })
	}
	return slices.ContainsFunc(toks[k:min(len(toks), k+motiveReach)], func(t string) bool { return motiveNouns[t] })
}

// motiveNouns ask why someone is engaged.
var motiveNouns = setOf("interest interests motive motives motivation motivations stake stakes angle angles reason rationale purpose")

// bareMotiveMax is the most words a motive asked with no question word may
// take: "China's angle in Afghanistan".
const bareMotiveMax = 5

// motiveReach is how many words after "what are" a motive noun may stand:
// "what are the Central Asian states' main interests".
const motiveReach = 6

// classify decides what kind of answer the question wants from its words.
func classify(toks []string, hasSpan bool) Intent {
	s := " " + strings.Join(toks, " ") + " "
	has := func(words ...string) bool {
		for _, w := range words {
			if hasPhrase(s, w) {
				return true
			}
		}
		return false
	}
	first := ""
	if len(toks) > 0 {
		first = toks[0]
	}
	if k := quotingClauseEnd(toks); k > 0 {
		// "when Bhonsle says 'the establishment', who does he mean": the
		// clause sets the scene; what follows it asks.
		return classify(toks[k:], hasSpan)
	}
	if has("who", "whos") && has("mean", "means", "meant") {
		return IntentDefine // "who does Bhonsle mean by the establishment": what the term stands for
	}
	switch first {
	case "who", "whos", "whom", "whose":
		// "who was PM when the Taliban took Kabul": a later "when" opens a
		// clause; the question asks who.
		if !has("timeline", "chronology") {
			return IntentWho
		}
	}
	if bareTitle(toks) || titleNameAsked(toks) {
		return IntentWho // "iskp leader", "head of the isi", "army chief's name": who holds the post
	}
	if in := askedNoun(toks); in != IntentFact {
		return in // "which afghan provinces", "what year", "which army chief"
	}
	switch {
	case has("how long") && (has("been", "served", "held", "ruled", "led", "headed") || has("has", "have", "had") && !has("has to", "have to", "had to")):
		return IntentWhen // "how long has X been PM": since when ("how long they had to leave" is a time allowed)
	case has("timeline", "chronology", "history of", "brief history", "short history") || has(timelineAsks...) ||
		// ("how many died, per the piece that goes through Afghan history
		// from Zahir Shah": a history that describes a source asks none.)
		has("quick history", "potted history", "rough history", "history from", "history since", "history before", "history up to", "history until") && !has("how many", "how much", "according to", "per the") || (hasSpan && !asksFate(toks) && has("what happened", "what happen", "whats happened", "what went on", "outline", "what else happened", "what else went on", "events in", "events of", "what occurred", "news", "updates", "developments") ||
		// "what did Pakistan do on March 18 2024": what it did then.
		hasSpan && has("what did", "what does", "what do") && has("do on", "do in", "do during")):
		return IntentTimeline
	case has("how far") && has(extentWordList...), has("how far into"), has("how far") && has("claim", "claims", "claimed"):
		// "how far do the Taliban's claims extend", "how far into Pakistan
		// do they claim land": up to where.
		return IntentWhere
	case has("what date", "which date", "what year", "which year", "what day", "which day", "what month", "which month", "dates of", "what dates", "which dates",
		"exact date", "precise date", "exact day", "date of", "dates for", "date for", "both dates", "the dates", "dates of both",
		"month and year", "year and month", "month and yr", "want the month", "need the month") ||
		has("when") && !whenClause(toks) ||
		has("date", "dates") && !slices.ContainsFunc(toks, func(t string) bool { return questionStarts[t] }): // "chitral attack and the demarche - dates pls"
		return IntentWhen
	case asksWhereWorks(toks):
		return IntentWho // "where does Bhonsle work", "where is Lieven a fellow": whom he works for, which is his post
	case asksDegree(toks):
		return IntentFact // "how big a threat is ISKP": how serious, in words, not a count
	case (first == "where" || first == "why") && !has(countAsks...):
		// "where did the TTP get its new manpower", "why are the
		// casualties so high": from where, and why, not how many.
		if first == "where" {
			return IntentWhere
		}
		return IntentWhy
	case has("how many", "how much", "number of", "what percentage", "what percent", "what share", "how long", "how large", "how big", "how far", "death toll", "how often",
		"cost", "costs", "costed", "price", "expenditure", "budget", "budgets", "funding", "what range", "the range", "fighter strength", "troop strength",
		"population", "worth", "value of", "size of", "amount of", "estimate", "estimates", "headcount", "head count", "how strong", "strength of", "fighting strength", "how old", "volume",
		"casualties", "casualty", "fatalities", "toll", "estimated", "manpower",
		"figures for", "figures on", "figure for", "figure on", "numbers", "totals", "stats", "statistics", "tally",
		"what figure", "which figure", "what number", "which number", "exact number", "precise number", "total number", "exact figure", "exact count", "whats the figure", "whats the number") ||
		has("length", "lenght", "km", "kilometres", "kilometers", "percentage", "percent", "count for", "count of", "counts for", "the count", "attack count", "death count") ||
		has("figures") && !has(peopleFigures...) && !has("which", "who", "whom", "whose"):
		return IntentHowMany
	case first == "list" || has("list the", "list them", "list all", "list of", "quick list", "enumerate"):
		return IntentList // "list the reasons SIGAR gave": each of them, not why
	case countedPlural(toks) && slices.ContainsFunc(toks, func(t string) bool { return reasonNouns[t] }),
		(first == "what" || first == "which") && len(toks) > 1 && causeNouns[toks[1]]:
		return IntentList // "the two principal reasons for the tension", "what factors did SIGAR give for why …": each of them
	case has("why", "for what reason", "what reason", "reasons", "what caused", "what led", "what drove", "how come", "what prompted", "what triggered"),
		first == "what" && has("doing with", "playing at", "really up to", "really doing", "game plan", "endgame", "up to with"),
		first == "what" && has("is behind", "was behind", "are behind", "were behind", "lies behind", "lay behind") || first == "whats" && has("behind"),
		first == "what" && has("say caused", "says caused", "said caused", "say led to", "said led to", "say drove", "said drove", "say triggered", "said triggered", "blame for"):
		// ("What is Pakistan doing with the refugees", "what is it playing
		// at": what it does them for. "What did SIGAR say caused the
		// collapse": why it came, in SIGAR's words.)
		return IntentWhy
	case has("where", "which city", "which province", "which provinces", "which district", "which districts",
		"which prison", "which prisons", "which port", "which country", "which countries", "which region", "which regions",
		"what city", "what province", "what port", "in which", "through which", "from which", "which area", "which areas", "what area"):
		return IntentWhere
	case asksFate(toks) && !has("who", "whos", "whom", "whose"):
		return IntentFact // "what happened to Khalid Balti": what became of him, not who he is
	case has("who", "whos", "whom", "which person", "whose") || namesPerson(toks):
		return IntentWho
	case (first == "what" || first == "how") && has("tell") && !has("tell me", "tell us"):
		return IntentStatement // "what did Durrani tell the Taliban"
	case (first == "which" || first == "what") && has(listNouns...):
		return IntentList
	case first == "what" && has(wantVerbs...) && !has("want to", "wants to", "wanted to"):
		// ("what does the TTP want to set up": its aim, one thing.)
		return IntentList // "what did the TTP demand in return": its demands, each of them
	case first == "what" && len(toks) <= bareAdviceMax && slices.ContainsFunc(toks, func(t string) bool { return adviceVerbs[t] }):
		return IntentList // "what does Gul recommend", of nothing in particular: his recommendations
	case countedPlural(toks):
		return IntentList // "two main drivers of the tension", "what 3 objectives"
	case has("list", "enumerate", "name the", "name all", "what are the", "what were the", "which are the", "which were the", "what groups", "which groups", "what factors", "which factors") ||
		has("demands", "recommendations", "factors", "priorities", "objectives", "conditions", "measures", "steps"):
		return IntentList
	case has("say", "said", "says", "told", "describe", "described", "call", "called", "pledge", "pledged", "promise", "promised", "quote", "quotation",
		"warn", "warned", "claim", "claimed", "threaten", "threatened", "remark", "remarked", "statement", "tweet", "tweeted", "tweets", "react", "reacted", "respond", "responded", "reaction", "response",
		"criticism", "criticisms", "criticise", "criticised", "criticize", "criticized", "critique",
		"view on", "views on", "view of", "take on", "opinion on", "opinion of", "stance on", "position on", "think of", "think about", "thinks of", "thinks about",
		"words on", "words about", "comments on", "comments about", "remarks on", "remarks about") ||
		ownView(toks):
		return IntentStatement
	case asksMotive(toks):
		return IntentWhy // "what are China's interests in Afghanistan": why it is engaged
	case has("what is", "what was", "what are", "what were", "whats", "wat is", "wats", "wat", "wht is", "what does", "what do", "define", "definition", "meaning", "mean", "means", "stand for", "stands for", "stand", "abbreviation", "acronym", "explain") ||
		(first == "what" || first == "wat") && len(toks) <= whatDefineMax:
		return IntentDefine
	}
	if _, ok := timeFragment(toks); ok {
		return IntentWhen // "exact date the taliban took kabul", "fnf paper publication date"
	}
	return IntentFact
}

// wantVerbs, in a what-question, ask for what someone demanded or wants:
// a list of its demands or aims. (What a source recommends may be one
// recommendation: "what does the paper recommend on girls' education".)
var wantVerbs = []string{"demand", "demanded", "demands", "want", "wanted", "wants", "ask for", "asked for", "asking for",
	"call for", "called for", "calls for"}

// promiseVerbs, before "it would do", report what someone undertook:
// "what did the IEA say it would do".
var promiseVerbs = setOf("say said says tell told promise promised pledge pledged commit committed vow vowed agree agreed")

// moveModals, in "what might X do", ask what someone may do next.
var moveModals = setOf("might could may will would")

// asksNextMove reports whether a what-question asks what someone might do
// ("what might Pakistan do next", "what does Ghosh think Pakistan might
// do", "what could Islamabad do about it"),
// which the sources answer with the options or steps they see.
func asksNextMove(toks []string) bool {
	if len(toks) < 4 || toks[0] != "what" {
		return false
	}
	for i, t := range toks {
		if !moveModals[t] {
			continue
		}
		if slices.ContainsFunc(toks[:i], func(w string) bool { return promiseVerbs[w] }) {
			return false // "what did the IEA say it would do": what it committed to
		}
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if toks[j] == "do" && toks[j-1] != "to" {
				return true // ("what might push it to do so" asks why)
			}
		}
	}
	return false
}

// bareAdviceMax is the most words a what-question of what someone
// recommends may have and still ask for all of it: "what does Imtiaz Gul
// recommend" (a longer one recommends on something, "… on girls'
// education", and may be one recommendation).
const bareAdviceMax = 5

// whatDefineMax is the most words a question that only starts with
// "what" may have and still ask what something is ("what ttp"); a longer
// one asks about something ("what econ screws should pak tighten").
const whatDefineMax = 3

// whenClause reports whether a question that asks what, which or how many
// uses "when" only to open a clause: "what three objectives did Pakistan
// have when it backed the Taliban" asks for the objectives.
func whenClause(toks []string) bool {
	if len(toks) < 2 {
		return false
	}
	switch {
	case toks[0] == "what" || toks[0] == "which" || toks[0] == "why" || toks[0] == "who" || toks[0] == "where" || toks[0] == "wheres":
		// "why does Gul say there is no way around Pakistan when engaging
		// Afghanistan"
	case toks[0] == "how" && (toks[1] == "many" || toks[1] == "much"):
		// "how many troops died when the border forces retaliated"
	default:
		return false
	}
	for i, t := range toks {
		if t == "when" && (i == 1 || toks[i-1] == "and" || toks[i-1] == "or") {
			return false // "what and when", "which when": a second question
		}
	}
	return true
}

// timeFragment finds the time noun of a question written as a noun phrase
// asking for a date: one that opens it ("date of the Chitral attack",
// "exact date the Taliban took Kabul") or closes it ("FNF paper publication
// date"). It returns the noun's index.
func timeFragment(toks []string) (int, bool) {
	i := 0
	for i < len(toks) && fragmentOpeners[toks[i]] {
		i++
	}
	if i+1 < len(toks) && (fragmentTimes[toks[i]] || leadingTimes[toks[i]]) {
		if _, isYear := year(toks[i+1]); !isYear {
			return i, true // not "the year 2023"
		}
	}
	if n := len(toks); n >= 2 && fragmentTimes[toks[n-1]] {
		if _, isYear := year(toks[n-2]); !isYear && !fragmentOpeners[toks[n-2]] {
			return n - 1, true
		}
	}
	return 0, false
}

// asksTimeNoun reports whether toks[i] is a time noun that asks for a
// date ("founder + month/yr", "the year it was set up") rather than one
// that is part of a period ("four years", "last year", "the first ten
// months of 2023").
func asksTimeNoun(toks []string, i int) bool {
	if !timeNouns[toks[i]] {
		return false
	}
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(toks) {
			continue
		}
		if t := toks[j]; t[0] >= '0' && t[0] <= '9' || countWords[t] {
			return false // "four years", "2023 year", "month 3"
		}
	}
	return i == 0 || !periodWords[toks[i-1]]
}

// countWords are numbers written as words, which make a time noun a
// period: "four years".
var countWords = setOf(`one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred a few several`)

// periodWords before a time noun make it a period, not a question: "last
// year", "each month", "first ten months".
var periodWords = setOf(`last this next previous past each every per first ten twelve several few many that same`)

// countedPlural reports whether the question asks for a given number of
// things — "two main drivers", "3 objectives", "both factors" — which a
// list gives.
func countedPlural(toks []string) bool {
	for i, t := range toks {
		if !smallCounts[t] {
			continue
		}
		if i > 0 && (toks[i-1] == "many" || toks[i-1] == "of") {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+2; j++ {
			if w := toks[j]; len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !timeNounPlurals[w] {
				return true
			}
		}
	}
	return false
}

// reasonNouns, counted ("the two principal reasons"), ask for a list of
// reasons rather than why; causeNouns ask for one even uncounted ("what
// factors did SIGAR give"), where "what reasons did Iran give" asks why.
var (
	reasonNouns = setOf(`reasons causes factors drivers grounds motives`)
	causeNouns  = setOf(`causes factors drivers`)
)

// smallCounts are the numbers of things a list question asks for.
var smallCounts = setOf(`two three four five six 2 3 4 5 6 both`)

// timeNounPlurals make a count a period, not a list: "two years".
var timeNounPlurals = setOf(`years months days weeks decades hours yrs`)

// monthYearWords ask for a month or a year, not a day.
var monthYearWords = setOf(`month months year years yr yrs`)

// dayPhrases ask for the very day something happened, which a month or a
// year does not give.
// exactDate reports whether "exact" or "precise" qualifies a date or day a
// few words on: "the exact signing date of the deal".
func exactDate(toks []string) bool {
	for i, t := range toks {
		if t != "exact" && t != "precise" {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+exactReach; j++ {
			if toks[j] == "date" || toks[j] == "day" {
				return true
			}
		}
	}
	return false
}

// exactReach is how many words after "exact" the date it qualifies may
// come: "exact start date".
const exactReach = 2

var dayPhrases = []string{"exact date", "precise date", "exact day", "what day", "which day", "specific date", "when exactly", "exactly when", "what date", "which date", "on what date"}

// fragmentTimes are the nouns that, opening or closing a question without a
// question word, ask when; leadingTimes do so opening it only, and
// fragmentOpeners may come before either.
var (
	fragmentTimes   = setOf(`date year yr`)
	fragmentOpeners = setOf(`the exact precise approximate approx rough specific`)
	leadingTimes    = setOf(`month day`) // "month the TTP was founded", not "deported last month"
)

// askedNoun reads "which" or "what" and the noun it asks for, up to two
// words on ("which afghan provinces", "what yr", "which army chief"): a
// place asks where, a time when, a title or a person who. It returns
// IntentFact when no such noun follows; a plural that asks for a list
// ("which leaders") is left to the list rule.
func askedNoun(toks []string) Intent {
	for i, t := range toks {
		if t != "which" && t != "what" && !(t == "name" && i == 0) {
			continue // "which TTP leaders", "name the TTP figures"
		}
		for j := i + 1; j < len(toks) && j <= i+asknounReach; j++ {
			w := toks[j]
			if auxWords[w] {
				break // "what did the army chief say" asks what, not who
			}
			switch {
			case placeNouns[w]:
				return IntentWhere
			case timeNouns[w]:
				return IntentWhen
			case slices.Contains(listNouns, w):
				return IntentFact
			case roleNouns[w], personNouns[w]:
				return IntentWho
			}
		}
	}
	return IntentFact
}

// afterWhich reports whether toks[i] is the noun "which" or "what" asks
// for: it follows one of them within asknounReach words, with no verb
// between ("which afghan strongman", not "what did the city say").
func afterWhich(toks []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-asknounReach; j-- {
		switch {
		case toks[j] == "which" || toks[j] == "what":
			return true
		case auxWords[toks[j]]:
			return false
		}
	}
	return false
}

// asknounReach is how many words after "which" or "what" askedNoun looks
// for the noun asked about: the noun and up to two words before it.
const asknounReach = 3

// timeOwners say whose time the noun after them is: "this year's attacks".
var timeOwners = setOf("year years month months week weeks today yesterday")

// placePrepositions open a phrase that says where: "were in Chitral".
var placePrepositions = setOf("in at inside near from within across along")

// saidAt reports whether the follow-up said the word at j, or the name
// it is part of, rather than its reading carrying it.
func (q *query) saidAt(ix *index, j int, said *saidWords) bool {
	if l := q.linkAt(j); l != nil {
		return slices.ContainsFunc(l.entities, func(e *Entity) bool { return said.entities[e.ID] })
	}
	return said.stems[ix.stem(q.fixed[j])]
}

// countNounAhead reports whether a noun of events or bodies (countNouns)
// stands in toks from k up to end, before anything that ends the phrase
// counted: the name or year before it describes what is counted.
func countNounAhead(toks []string, k, end int) bool {
	for ; k < len(toks) && k < end; k++ {
		if countNouns[toks[k]] {
			return true
		}
		if auxWords[toks[k]] || toks[k] == "and" || timeClauseWords[toks[k]] {
			return false
		}
	}
	return false
}

// countedWords returns the stems, with their lexicon synonyms, of the
// words after "how many", "how much" or "number of" that say what is
// counted: "how many TTP attacks" counts attacks (and names the TTP). The
// stems of plural words are also in plurals. For a follow-up's reading,
// said holds the words the follow-up said (nil for a question asked as
// typed): what it counts ends where the words it carries begin.
func (q *query) countedWords(ix *index, said *saidWords) (out []string, plurals map[string]bool) {
	plurals = map[string]bool{}
	add := func(t string) {
		st := ix.stem(t)
		for _, s := range append([]string{st}, ix.lex.syn[st]...) {
			out = append(out, s)
			if plural(t) {
				plurals[s] = true
			}
		}
	}
	for i := 0; i+1 < len(q.toks); i++ {
		if !(q.toks[i] == "how" && (q.toks[i+1] == "many" || q.toks[i+1] == "much")) && !(q.toks[i] == "number" && q.toks[i+1] == "of") {
			continue
		}
		if i+2 < len(q.toks) && q.toks[i+2] == "of" {
			// "how many of those killed were children": what is counted
			// is said last.
			for k := len(q.toks) - 2; k > i+2; k-- {
				if q.toks[k] != "were" && q.toks[k] != "are" && q.toks[k] != "was" {
					continue
				}
				of := i + 3
				for of < k && ix.stop[q.fixed[of]] {
					of++ // "of the TTP"
				}
				if l := q.linkAt(of); placePrepositions[q.fixed[k+1]] && l != nil && isBody(l.entities[0]) {
					break // "how many of the TTP were in Chitral": its fighters, where they were
				}
				for j := k + 1; j < len(q.fixed) && j <= k+countedReach; j++ {
					if len(out) > 0 && (q.inLink(j) || q.spanToks[j]) {
						break // "how many of them are women, Pakistan, August 2021": a follow-up's carried names are no more of what is counted
					}
					if t := q.fixed[j]; !ix.stop[t] && !auxWords[t] {
						add(t)
					}
				}
				if len(out) > 0 {
					return out, plurals
				}
				break
			}
		}
		for j := i + 2; j < len(q.fixed) && j <= i+1+countedReach; j++ {
			t := q.fixed[j] // as corrected: "attaks" counts attacks
			if auxWords[t] || ix.qwords[t] || t == "and" || timeClauseWords[t] {
				break // "how many were killed", "how much since the takeover": what follows is what happened, or when
			}
			if ix.stop[t] || q.sourceToks[j] || q.namesPersonAt(j) {
				continue // "how many per Bhonsle": a source, not what is counted
			}
			if said != nil && len(out) > 0 && !q.saidAt(ix, j, said) {
				break // the conversation's words, carried after the follow-up's
			}
			if currencyWords[t] && q.fixed[j-1] == "in" {
				continue // "how much aid in dollars": the unit, not what is counted
			}
			if l := q.linkAt(j); l != nil && j == l.start && l.end-l.start > 1 && isBody(l.entities[0]) && (l.end >= len(q.fixed) || !isWordy(q.fixed[l.end]) || q.inLink(l.end) || auxWords[q.fixed[l.end]]) {
				// "how many of the TTP", "how many Tehrik-e-Taliban
				// Pakistan were there": a group counted is its fighters.
				for _, w := range sizeCounted {
					add(w)
				}
				for _, s := range out {
					plurals[s] = true
				}
				break
			}
			if modifies(q.fixed, j) {
				continue // "how many militant attacks" counts attacks
			}
			if (q.inLink(j) || isYear(t) || timeOwners[t]) && countNounAhead(q.fixed, j+1, j+1+countedReach) {
				continue // "how many of Pakistan's 2023 suicide bombings", "this year's suicide bombings" count bombings
			}
			add(t)
			if casualtyNouns[t] {
				break // "how many killed Chitral attack": the dead are counted, the rest says in what
			}
			if plural(t) && j+1 < len(q.fixed) && pastVerb(q.fixed[j+1]) && !ix.stop[q.fixed[j+1]] {
				break // "how many militants died": militants are counted, whatever killed them; not deaths
			}
		}
		return out, plurals
	}
	for i := 1; i < len(q.fixed); i++ {
		// "ISKP fighter numbers", "refugee figures": the people counted
		// stand before the word that counts them. (What "attack
		// numbers" count is left to the facts: a month's attacks and
		// deaths alike.)
		if w := q.fixed[i-1]; tallyNouns[q.fixed[i]] && talliedPeople[w] && !q.inLink(i-1) {
			add(w)
			for _, s := range out {
				plurals[s] = true // "fighter numbers" are the number of fighters
			}
			return out, plurals
		}
	}
	return nil, nil
}

// attackVerbs say only that counted attacks took place: "how many attacks
// hit Pakistan", "rocked the province".
var attackVerbs = setOf(`hit hits struck strike rock rocked rocks shook`)

// deedVerbs, in a who-question that names an event, ask who did it:
// "who carried out (launched, staged) the Peshawar school attack".
var deedVerbs = setOf(`launch launched conduct conducted stage staged commit committed perpetrate perpetrated mount mounted execute executed orchestrate orchestrated`)

// tallyNouns name a count of what stands before them: "fighter numbers",
// "casualty figures", "the refugee tally".
var tallyNouns = setOf(`number numbers figure figures count counts tally total totals`)

// talliedPeople are the people a tally noun after them counts: "fighter
// numbers".
var talliedPeople = setOf(`fighter fighters militant militants cadre cadres soldier soldiers troop troops refugee refugees migrant migrants
	member members recruit recruits deportee deportees returnee returnees`)

// countAsks ask for a count outright, whatever question word leads:
// "why so many attacks, give me the numbers".
var countAsks = []string{"how many", "how much", "how long", "how far", "numbers", "figures", "stats", "statistics", "number of"}

// asksDegree reports whether toks ask how serious something is: "how
// big a threat", "how serious a problem", "how much of a danger"; or how
// far one party's hold over another reaches: "how much leverage".
func asksDegree(toks []string) bool {
	for i := 0; i+3 < len(toks); i++ {
		if toks[i] != "how" {
			continue
		}
		j := i + 1
		switch {
		case (toks[j] == "big" || toks[j] == "serious" || toks[j] == "great" || toks[j] == "large" || toks[j] == "severe") && (toks[j+1] == "a" || toks[j+1] == "an"):
			j += 2
		case toks[j] == "much" && toks[j+1] == "of" && j+2 < len(toks) && (toks[j+2] == "a" || toks[j+2] == "an"):
			j += 3
		case toks[j] == "much" && sway[toks[j+1]]:
			return true // "how much leverage does Pakistan have": how far it reaches, in words
		default:
			continue
		}
		if j < len(toks) && degreeNouns[toks[j]] {
			return true
		}
	}
	return false
}

// sway are the nouns of one party's hold over another that "how much"
// asks the extent of, which the sources give in words, not a figure.
var sway = setOf("leverage influence sway clout control power pull")

// degreeNouns are what "how big a …" asks the seriousness of, not a size.
var degreeNouns = setOf("threat threats danger problem problems risk risks challenge deal concern issue blow setback factor role worry headache")

// asksSize reports whether the question asks how big something is.
func (q *query) asksSize() bool {
	s := " " + strings.Join(q.toks, " ") + " "
	return slices.ContainsFunc(sizeAsks, func(p string) bool { return hasPhrase(s, p) })
}

// sizeAsks ask how big a group is; sizeCounted is what its size counts.
var (
	sizeAsks = []string{"how big is", "how big are", "how big was", "how large is", "how large are", "how strong",
		"size of", "strength of", "fighting strength", "fighter strength", "manpower",
		"how much presence", "how much of a presence", "how big a presence", "how much support", "how much of a following", "how big a following"}
	sizeCounted = []string{"fighters", "members"}
)

// namesPersonAt reports whether token j is part of a name of a person or a
// document: never what a question counts.
func (q *query) namesPersonAt(j int) bool {
	for _, l := range q.links {
		if l.start <= j && j < l.end {
			k := l.entities[0].Kind
			return k == KindPerson || k == KindDocument
		}
	}
	return false
}

// clauseTime dates a "when" clause in a question about who held a post:
// "who was Pakistan's PM when the Taliban took Kabul" asks about August
// 2021. The clause is asked as a question of its own; when durand would
// answer it with a dated fact, its date becomes the span asked about and
// its words leave the question, which then reads "who was Pakistan's PM in
// August 2021".
func (b *Base) clauseTime(q *query) {
	w := slices.Index(q.toks, "when")
	if w <= 0 || len(q.toks)-w-1 < minClauseWords {
		return
	}
	if pronouns[q.toks[w+1]] {
		return // "where was he when he said it": the clause points back, it dates nothing
	}
	sub := b.parse(strings.Join(q.toks[w:], " "))
	defer b.idx.release(sub)
	if sub.intent != IntentWhen {
		return
	}
	ranked := b.rank(sub)
	if len(ranked) == 0 {
		return
	}
	f := b.facts[ranked[0].fact]
	m := b.idx.models.Confidence
	if f.Date.IsZero() || m.prob(b.confInputs(sub, ranked)) < m.Threshold || b.missingPart(sub, ranked) != "" {
		return
	}
	q.from, q.to = f.Date.Start, f.Date.Start
	if f.Date.End.Year != 0 {
		q.to = f.Date.End
	}
	q.hasSpan = true
	q.clauseFact = ranked[0].fact
	for j := w; j < len(q.toks); j++ {
		q.spanToks[j] = true
	}
}

// pronouns stand for something named before them.
var pronouns = setOf(`he she they it we i you his her their its this that these those`)

// minClauseWords is the fewest words a "when" clause needs to be dated:
// "when the Taliban took Kabul", not "when".
const minClauseWords = 2

// askedTitle returns the title a who-question asks about, as stems with
// its head last ("the caretaker pm": caretak prime minist), and the entity
// whose post it is when the question names it before the title or after
// "of" ("Pakistan's army chief", "the leader of the TTP").
func (q *query) askedTitle(ix *index) (title []string, owner string) {
	if start, j, ok := q.titleSpan(); ok {
		for _, w := range q.toks[start : j+1] {
			title = append(title, ix.stem(w))
		}
		for _, l := range q.links {
			if l.end == start || l.end == start-1 && q.toks[start-1] == "s" ||
				j+2 < len(q.toks) && q.toks[j+1] == "of" && (l.start == j+2 || l.start == j+3 && q.toks[j+2] == "the") {
				owner = l.entities[0].ID
			}
		}
		return title, owner
	}
	return nil, ""
}

// titleSpan returns where the first title the question names stands: from
// its first modifier to its noun ("caretaker prime minister", "army
// chief"), both included.
func (q *query) titleSpan() (start, end int, ok bool) {
	for j, t := range q.toks {
		if !roleNouns[t] {
			continue
		}
		start := j
		for start > 0 && titleModifiers[q.toks[start-1]] && !q.inLink(start-1) {
			start--
		}
		return start, j, true
	}
	return 0, 0, false
}

// titleAsked reports whether the question asks who holds a title: the
// title follows "who" or "which" with nothing between them but linking
// words, names and the title's own modifiers ("who is Pakistan's army
// chief", "which Taliban spokesman"). In "who met Pakistan's special
// envoy" the title is someone else in the question, not the one asked for.
func (q *query) titleAsked() bool {
	for i, t := range q.toks {
		if t != "who" && t != "whos" && t != "which" {
			continue
		}
	scan:
		for j := i + 1; j < len(q.toks); j++ {
			w := q.toks[j]
			switch {
			case roleNouns[w], personNouns[w]:
				return true
			case q.namesPersonAt(j):
				break scan // "who is Imtiaz Gul, the FNF paper's author": the title describes him
			case copulas[w], titleLinkWords[w], currentWords[w], titleModifiers[w], q.inLink(j):
				continue
			}
			break scan // "who played referee between the officials": they are not asked about
		}
	}
	// "the leader of X" with no "who" before it still asks for a person.
	return len(q.toks) > 0 && q.toks[0] != "who" && q.toks[0] != "whos" && q.toks[0] != "which" && q.hasTitle()
}

// hasTitle reports whether the question uses a title.
func (q *query) hasTitle() bool {
	for _, t := range q.toks {
		if roleNouns[t] {
			return true
		}
	}
	return false
}

// copulas may stand between "who" and the title asked about; "did" may
// not: in "who did the caretaker PM write to" the PM is not who is asked
// for.
var copulas = setOf(`is was are were s`)

// titleLinkWords may stand between "who" and the title asked about.
var titleLinkWords = setOf(`the a an s of former then new`)

// titleModifiers are words that qualify a title: "special envoy",
// "caretaker prime minister", "army chief".
var titleModifiers = setOf(`special caretaker interim acting prime foreign interior defence defense army military top senior
	supreme deputy chief founding first second`)

// holderNoun returns the post or kind of person a who-question asks the
// holder of: the noun after "which" or "who is the" ("which Afghan
// diplomat", "who is the army chief"), after "name of" ("names of the two
// officers"), or, asked by "his name", the first such noun. It returns ""
// when none is asked.
func (q *query) holderNoun() string {
	holder := func(j int) bool { return (roleNouns[q.toks[j]] || rankNouns[q.toks[j]]) && !q.inLink(j) }
	for i, t := range q.toks {
		switch t {
		case "which", "what", "who", "whos":
		case "name", "names":
			if i+1 == len(q.toks) || q.toks[i+1] != "of" {
				continue
			}
		default:
			continue
		}
		other := 0 // words of the noun phrase that are none of the above: "which Afghan diplomat"
		for j := i + 1; j < len(q.toks) && j <= i+holderReach; j++ {
			if holder(j) {
				for j+1 < len(q.toks) && holder(j+1) {
					j++ // "deputy emir": the last noun is the post
				}
				return q.toks[j]
			}
			w := q.toks[j]
			if copulas[w] || titleLinkWords[w] || titleModifiers[w] || currentWords[w] || q.inLink(j) || figureWords[w] || isNumber(w) || w == "of" {
				continue
			}
			if other++; other > holderOthers || inflected(w) {
				break // "who played referee between Pakistani officials": the officials are not asked about
			}
		}
	}
	if hisName(q.toks) {
		for j := range q.toks {
			if holder(j) {
				return q.toks[j]
			}
		}
	}
	return ""
}

// rankNouns are kinds of person, besides posts, whose holder a question may
// ask by name: "which Afghan diplomat", "the two officers". ("Official" or
// "man" is anyone: a fact speaking of officials leaves no one unnamed.)
var rankNouns = setOf(`diplomat diplomats officer officers`)

// holderOthers is how many other words may qualify the noun asked about:
// "which Afghan diplomat", "who is Bangladesh's army chief".
const holderOthers = 1

// holderReach is how many words after "which" or "name of" the noun asked
// about may stand: "which senior Taliban official", "who is the Afghan
// Taliban's army chief".
const holderReach = 5

// hisName reports whether the question asks for a person's name by a
// pronoun: "what's his name", "her full name?".
func hisName(toks []string) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i] != "his" && toks[i] != "her" {
			continue
		}
		if j := i + 1; toks[j] == "name" || toks[j] == "full" && j+1 < len(toks) && toks[j+1] == "name" {
			return true
		}
	}
	return false
}

// namesPerson reports whether "name of" or "names of" is followed, within
// a few words, by a title or a person: "names of the two officers" asks
// who; "name of the operation" asks what.
func namesPerson(toks []string) bool {
	if n := len(toks); n > 1 && (toks[n-1] == "name" || toks[n-1] == "names") {
		// "current isi dg name?"
		for j := max(0, n-1-namedPersonReach); j < n-1; j++ {
			if roleNouns[toks[j]] || personNouns[toks[j]] {
				return true
			}
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		from := i + 2 // "name of the ..."
		switch {
		case (toks[i] == "name" || toks[i] == "names") && toks[i+1] == "of":
		case i == 0 && toks[i] == "name":
			from = 1 // "name China's envoy", "name the guy running the NRF"
		default:
			continue
		}
		for j := from; j < len(toks) && j <= i+namedPersonReach; j++ {
			if auxWords[toks[j]] {
				break // "name of the operation that was led by the general": the operation is named
			}
			if roleNouns[toks[j]] || personNouns[toks[j]] {
				return true
			}
		}
	}
	return appointeeAsked(toks)
}

// appointeeAsked reports whether toks ask who was put in a post: "who did
// China name as its ambassador", "who was appointed as envoy". The answer
// is a person's name, which a fact that the post was filled does not give.
func appointeeAsked(toks []string) bool {
	if len(toks) == 0 || toks[0] != "who" && toks[0] != "whom" {
		return false
	}
	for i, t := range toks {
		if !appointVerbs[t] {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+appointeeReach; j++ {
			if toks[j] == "as" && slices.ContainsFunc(toks[j+1:min(j+1+appointeeReach, len(toks))], func(w string) bool { return roleNouns[w] }) {
				return true
			}
		}
	}
	return false
}

// appointVerbs put someone in a post.
var appointVerbs = setOf(`name named names appoint appointed appoints pick picked choose chose chosen nominate nominated
	install installed select selected send sent`)

// appointeeReach is how far "as" and the post may come after the verb that
// fills it: "who did China name as its new ambassador".
const appointeeReach = 4

// askPrepositions may stand between "and" and the question word of a
// second question: "and in which year", "and by whom".
var askPrepositions = setOf(`in by from to for since at on with under`)

// namedPersonReach is how far after "name" a title or person may come:
// "name of the TTP's first supreme leader".
const namedPersonReach = 7

// placeNouns, after "which" or "what", ask where.
var placeNouns = setOf(`city cities town towns province provinces district districts region regions area areas
	port ports prison prisons village villages valley place places`)

// timeNouns, after "which" or "what", ask when.
var timeNouns = setOf(`year yr month day date dates`)

// personNouns, like roleNouns, ask for a person.
var personNouns = setOf(`officer officers official officials person man woman guy cleric politician general generals diplomat diplomats
	warlord warlords strongman strongmen`)

// peopleFigures use "figures" for people, not numbers: "key TTP figures",
// "what figures were freed".
var peopleFigures = []string{"key figures", "senior figures", "top figures", "leading figures", "prominent figures", "political figures",
	"public figures", "religious figures", "what figures were", "ttp figures", "taliban figures"}

// setAside returns the words the question sets aside ("not the 2022
// group", "rather than the new one"): those setAsideAt marks, but for
// articles.
func (q *query) setAside() []string {
	var out []string
	for _, j := range setAsideAt(q.toks) {
		if w := q.toks[j]; w != "the" && w != "a" && w != "one" {
			out = append(out, w)
		}
	}
	return out
}

// setAsideAt returns the places of the few words after "not the",
// "rather than", "instead of" or "as opposed to".
func setAsideAt(toks []string) []int {
	var out []int
	for i, t := range toks {
		start := -1
		switch {
		case t == "not" && i+1 < len(toks) && toks[i+1] == "the":
			start = i + 2
		case (t == "than" || t == "of" || t == "to") && i > 0 && (toks[i-1] == "rather" || toks[i-1] == "instead" || toks[i-1] == "opposed"):
			start = i + 1
		}
		for j := start; start >= 0 && j < len(toks) && j < start+setAsideReach; j++ {
			out = append(out, j)
		}
	}
	return out
}

// setAsideReach is how many words after "not the" say what is set aside.
const setAsideReach = 3

// postAskNouns ask, of a person, what post they hold: "Yaqoob's role",
// "what position does Durrani hold". Unlike postNouns, they name no
// government.
var postAskNouns = setOf(`role roles position positions job title designation portfolio`)

// playWords make a role a part played, not a post: "what role did Bajwa
// play in the talks".
var playWords = setOf(`play plays played playing`)

// stanceWords, after a post noun, make it a stance: "position on".
var stanceWords = setOf(`on regarding towards toward about over`)

// holdWords, beside a post noun, say only that a post is held.
var holdWords = setOf(`hold holds held holding occupy occupies occupied`)

// asksPostOf reports whether the question names a person and a post noun,
// and asks no part they played: it asks which post they hold.
func (q *query) asksPostOf() bool {
	if slices.ContainsFunc(q.toks, func(t string) bool { return playWords[t] }) || !slices.ContainsFunc(q.toks, func(t string) bool { return postAskNouns[t] }) {
		return false
	}
	for i, t := range q.toks {
		if postAskNouns[t] && i+1 < len(q.toks) && stanceWords[q.toks[i+1]] {
			return false // "Masoud's position on girls' schooling" is his stance, not his post
		}
	}
	return slices.ContainsFunc(q.links, func(l link) bool { return l.entities[0].Kind == KindPerson })
}

// placeAsked returns the kind of place "which" or "what" asks for
// ("which provinces", "what port"), or "".
func (q *query) placeAsked() string {
	return askedWord(q.toks, placeNouns)
}

// askedWord returns the first word of set in the noun phrase after
// "which" or "what" (up to asknounReach words, ended by an auxiliary), or "".
func askedWord(toks []string, set map[string]bool) string {
	for i, t := range toks {
		if t != "which" && t != "what" && !(t == "name" && i == 0) {
			continue // "which TTP leaders", "name the TTP figures"
		}
		for j := i + 1; j < len(toks) && j <= i+asknounReach; j++ {
			if set[toks[j]] {
				return toks[j]
			}
			if auxWords[toks[j]] {
				break
			}
		}
	}
	return ""
}

// asksPeople reports whether "which" or "what" asks for people in the
// plural: "which TTP leaders", "what figures".
func (q *query) asksPeople() bool {
	return askedWord(q.toks, personPlurals) != ""
}

// asksOrganisations reports whether "which" or "what" asks for bodies by
// name: "which Chinese companies", "what banks".
func (q *query) asksOrganisations() bool {
	return askedWord(q.toks, organisationNouns) != ""
}

// organisationNouns, after "which" or "what", ask for companies or other
// bodies by name.
var organisationNouns = setOf(`company companies firm firms bank banks business businesses corporation corporations
	agency agencies ngo ngos charity charities`)

// personPlurals, after "which" or "what", ask for people by name.
var personPlurals = setOf(`leaders figures people persons commanders officials officers members names heavyweights bigwigs individuals men`)

// auxWords end the noun phrase after "which" or "what".
var auxWords = setOf(`did does do is was are were has have had will would can could should`)

// intentWords say what kind of answer is wanted, not what it is about:
// they are not matched against facts.
var intentWords = setOf(`many much number numbers total totals count counts toll tolls stat stats statistics data percentage percent share figure figures
		list name names enumerate timeline chronology sequence happened happen define definition meaning mean means stand stands
		abbreviation acronym describe explain tell happening events event estimate estimates estimated headcount job jobs occupation profession
		quote quotes quotation words`)

// numberForms pairs each small number in figures with its word, both ways.
var numberForms = func() map[string]string {
	words := strings.Fields("two three four five six seven eight nine ten eleven twelve")
	m := map[string]string{}
	for i, w := range words {
		n := strconv.Itoa(i + 2)
		m[n], m[w] = w, n
	}
	return m
}()

// ordinalNumbers are the numbers ordinals past the first stand for, which
// a numbered item uses ("Recommendation 2"). "First" is left out: it
// seldom means "1" ("the first half", "the TTP's first leader").
var ordinalNumbers = map[string]string{"second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
	"eighth": "8", "ninth": "9", "tenth": "10", "2nd": "2", "3rd": "3", "4th": "4", "5th": "5", "6th": "6", "7th": "7", "8th": "8", "9th": "9", "10th": "10"}

// framesOnly reports whether toks only shape a timeline's request:
// "from Zahir Shah, timeline style".
func framesOnly(toks []string) bool {
	return !slices.ContainsFunc(toks, func(t string) bool { return !timelineFrame[t] && t != "timeline" && t != "pls" && t != "please" })
}

// timelineFrame are words that shape a request for a timeline and name no
// topic: "a brief history", "a quick rundown".
var timelineFrame = setOf(`history histories short brief quick potted rundown run down recap overview summary outline key main major milestones dates
	walk style format`)

// answerTypes are nouns that, after "which" or "what", name the kind of
// answer wanted rather than the topic: the intent carries them.
var answerTypes = setOf(`city cities town towns province provinces district districts country countries region regions
	area areas port ports prison prisons place places year years month months day date outfit outfits faction factions
	organisation organisations organization organizations warlord warlords strongman strongmen`)

// extentWordList, after "how far", ask up to where something reaches, not
// a distance.
var extentWordList = strings.Fields(`extend extends extended reach reaches reached stretch stretches go goes went`)

// landWords, asked where, ask where something hit: "where did the strikes
// land".
var landWords = setOf(`land lands landed`)

// occurWords say only that something took place; asked when it did, they
// ask when the thing was.
var occurWords = setOf(`held hold holds happen happened happens occur occurred occurs staged convened`)

// namingWords ask for a name: a question that asks what something is called
// ("officially called", "its nickname") is answered by a fact that gives
// the name, whatever words it uses for naming.
var namingWords = setOf(`called named name names nickname nicknamed officially formally official formal known dubbed`)

// spanInClause reports whether the first of the span's tokens (spanToks)
// stands in a relative clause — after "that", "which" or "who", with no
// question word between — so that the span says which things are asked
// about: "list the groups that emerged after Aug 2021".
func spanInClause(toks []string, spanToks map[int]bool) bool {
	first := -1
	for i := range toks {
		if spanToks[i] {
			first = i
			break
		}
	}
	for i := first - 1; i > 0; i-- {
		switch t := toks[i]; {
		case t == "that" || t == "which" || t == "who":
			return true
		case isQuestionWord(t) || auxWords[t]:
			return false
		}
	}
	return false
}

// resultAskWords ask whether something worked; resultWords say what came
// of it.
var (
	resultAskWords = setOf(`work worked works succeed succeeded turn turned out pay paid off successful success`)
	resultWords    = setOf(`backfired backfire counterproductive opposite failed fail failure collapsed collapse succeeded success successful worked reconsolidate emboldened blunder nightmare`)
)

// afterPrefixRead reads the prefix "post-" as the word "after":
// "post-takeover arrivals" are the arrivals after the takeover, not
// arrivals with a post.
func afterPrefixRead(norm string) string {
	if !strings.Contains(norm, "post-") {
		return norm
	}
	var b strings.Builder
	for i, w := range strings.Split(norm, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		if rest, ok := strings.CutPrefix(w, "post-"); ok && rest != "" {
			b.WriteString("after ")
			w = rest
		}
		b.WriteString(w)
	}
	return b.String()
}

// asksFate reports whether a question asks what became of someone or
// something: "what happened to Najibullah", "what became of Faiz Hameed"
// (read as "happen to"), "what's he up to now", "what is he doing these
// days" (read as "currently"), "how did Daoud Khan's rule end".
func asksFate(toks []string) bool {
	if len(toks) >= 4 && toks[0] == "how" && endVerbs[toks[len(toks)-1]] && slices.ContainsFunc(toks, func(t string) bool { return ruleNouns[t] }) {
		return true // "how did Daoud Khan's rule end": what became of him
	}
	if len(toks) < 3 || toks[0] != "what" && toks[0] != "whats" && toks[0] != "what's" && toks[0] != "whatever" {
		return false
	}
	s := " " + strings.Join(toks, " ") + " "
	if hasPhrase(s, "happened to") || hasPhrase(s, "happen to") || hasPhrase(s, "happens to") {
		return true
	}
	timed := false // "what is he doing now"; "what is he doing" alone asks what he did
	for len(toks) > 2 && fateTimeWords[toks[len(toks)-1]] {
		toks, timed = toks[:len(toks)-1], true
	}
	n := len(toks)
	return toks[n-2] == "up" && toks[n-1] == "to" || toks[n-1] == "doing" && timed
}

// endVerbs and ruleNouns ask how someone's time in power ended: "how did
// his rule end", "how did Najibullah's government fall".
var (
	endVerbs  = setOf("end ended finish finished fall fell")
	ruleNouns = setOf("rule reign government regime presidency tenure premiership term")
)

// fateTimeWords close a question about what became of someone: "what's
// he up to now", "what is he doing lately".
var fateTimeWords = setOf("now currently lately since later then nowadays today")

// asksResult reports whether a question asks whether something worked:
// "did the ceasefires work", "did it pay off", "how did the truces turn
// out", "was the policy a success".
func asksResult(toks []string) bool {
	if len(toks) < 2 {
		return false
	}
	s := " " + strings.Join(toks, " ") + " "
	if hasPhrase(s, "turn out") || hasPhrase(s, "turned out") || hasPhrase(s, "work out") || hasPhrase(s, "worked out") || hasPhrase(s, "pay off") || hasPhrase(s, "paid off") {
		return true
	}
	if auxWords[toks[0]] && (hasPhrase(s, "get anywhere") || hasPhrase(s, "go anywhere") || hasPhrase(s, "lead anywhere") || hasPhrase(s, "achieve anything")) {
		return true // "did the talks get anywhere"
	}
	last := toks[len(toks)-1]
	for last == "tho" || last == "though" || last == "then" || last == "really" || last == "actually" {
		toks = toks[:len(toks)-1]
		if len(toks) < 2 {
			return false
		}
		last = toks[len(toks)-1]
	}
	// ("Did it work out" reaches here read as "did it outcome", and "how
	// did that pan out" as "how did that outcome".)
	asks := auxWords[toks[0]] || toks[0] == "how" && auxWords[toks[1]] && last == "outcome"
	return asks && (last == "work" || last == "succeed" || last == "successful" || last == "success" || last == "outcome")
}

// asksName reports whether a question asks what something is called: "what
// is the plan officially called", "what's the SRC's nickname", "which bloc
// is known as", "what name does it go by".
func asksName(toks []string) bool {
	for i, t := range toks {
		switch t {
		case "nickname", "nicknamed", "dubbed":
			return true
		case "called", "named":
			// "is it called", "was the plan officially called"; not "X
			// called Y a threat" (a statement).
			for j := i - 1; j >= 0 && j >= i-6; j-- {
				switch toks[j] {
				case "is", "was", "are", "were", "be", "being", "been", "whats", "its":
					return true
				}
			}
		case "known":
			if i+1 < len(toks) && toks[i+1] == "as" {
				return true
			}
		case "word", "words", "term", "label", "phrase":
			// "what word does Bhonsle use for it": what he calls it.
			if i > 0 && (toks[i-1] == "what" || toks[i-1] == "which") && slices.Contains(toks[i:], "use") {
				return true
			}
		case "name":
			if i > 0 && (toks[i-1] == "official" || toks[i-1] == "formal" || toks[i-1] == "full") ||
				i+1 < len(toks) && (toks[i+1] == "of" || toks[i+1] == "for") && i > 0 && (toks[i-1] == "the" || toks[i-1] == "whats") {
				return true
			}
		}
	}
	return false
}

// bareTitleMax is the most words a title with its holder's party may have
// and still ask, with no question word, who holds it: "head of the ISI".
const bareTitleMax = 5

// bareTitle reports whether toks are a title and its party and nothing
// more: a title last ("ISKP leader", "Pakistan's envoy") or first ("leader
// ISKP", "head of the ISI"), with no question word and no verb. It asks
// who holds the post.
func bareTitle(toks []string) bool {
	if len(toks) < 2 || len(toks) > bareTitleMax {
		return false
	}
	for _, t := range toks {
		if questionStarts[t] || auxWords[t] || inflected(t) {
			return false
		}
	}
	title := func(t string) bool { return roleNouns[t] && !strings.HasSuffix(t, "s") }
	return title(toks[len(toks)-1]) || title(toks[0])
}

// titleNameAsked reports whether toks ask the name of a post's holder,
// first thing: "army chief's name" (the possessive dropped), however much
// a follow-up's reading carries after it.
func titleNameAsked(toks []string) bool {
	for i, t := range toks[:min(len(toks), titleNameReach)] {
		if t == "name" && i > 0 && roleNouns[toks[i-1]] && !strings.HasSuffix(toks[i-1], "s") {
			return true
		}
	}
	return false
}

// titleNameReach is how far into a question "name" after a post may stand
// and still be what it asks: "what was the army chief's name".
const titleNameReach = 6

// roleNouns are titles: a who-question about one wants a person.
var roleNouns = setOf(`leader leaders head chief minister ministers spokesman spokesperson president founder commander
	ambassador envoy representative editor editors author emir premier governor general secretary deputy
	rapporteur chairman chairperson chair director adviser advisor chancellor commissioner king monarch ruler mayor`)

// leadVerbs ask who holds a post now, or who founded something: "who runs
// the NRF", "who founded ISKP" want a person. ("Who led the attack" may
// want a group, so past tenses of leading are not here.)
var leadVerbs = setOf(`leads heads runs commands chairs founded cofounded running leading heading`)

// successionWords ask about someone other than the person named.
var successionWords = setOf(`replaced replace succeeded succeed successor predecessor preceded precede`)

// askStartWords ask when someone took up a post: "when did X become chief".
// takesPost reports whether toks say someone took up a post in other
// words: "when did he take that job", "when did Durrani get the post".
func takesPost(toks []string) bool {
	for i := 0; i+1 < len(toks); i++ {
		if !takeVerbs[toks[i]] {
			continue
		}
		if strings.Trim(toks[i+1], "?!.,") == "office" {
			return true // "take office"
		}
		if !postOwners[toks[i+1]] {
			continue
		}
		for k := i + 2; k < len(toks) && k <= i+3; k++ {
			if postNouns[strings.Trim(toks[k], "?!.,")] {
				return true // "take that job", "take over the interior ministry"
			}
		}
	}
	return false
}

// takeVerbs and postOwners, with postNouns, make up taking a post in
// other words: "take that job", "got his post", "assume the role",
// "take over the ministry" (read "seize" by the lexicon).
var (
	takeVerbs  = setOf(`take took taken get got gotten assume assumed land landed seize seized`)
	postOwners = setOf(`the that this his her their`)
)

var askStartWords = setOf(`become became appointed appoint named elected assume assumed sworn inaugurated installed made
	founded found formed form established establish created create`)

// askEndWords, asked when, ask when someone left a post or something
// ended: "when did Imran Khan leave office".
var askEndWords = setOf(`leave leaves left quit quits resign resigns resigned end ends ended step stepped`)

// hasPhrase reports whether s, a space-padded run of tokens, contains the
// phrase w as whole tokens, without building " "+w+" ".
func hasPhrase(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if j > 0 && s[j-1] == ' ' && j+len(w) < len(s) && s[j+len(w)] == ' ' {
			return true
		}
		i = j + 1
	}
}

// currentWords ask what holds now. The sources stop at their dates, so the
// answer says which date it holds as of.
var currentWords = setOf(`current currently now nowadays today presently latest still`)

// futureWords ask about a time past the sources, which end in 2024.
var futureWords = setOf(`tomorrow tonight forecast upcoming`)

// comingTimes, after "next", name a time to come: "next year".
var comingTimes = setOf(`year yr years week month decade`)

// listNouns are plurals that, after "which" or "what", ask for a list.
var listNouns = strings.Fields(`groups factors demands recommendations countries members steps measures
	priorities objectives leaders organisations organizations outfits reasons factions parties movements figures people persons names`)

// asksSpeaker reports whether a who-question asks who said something.
func (q *query) asksSpeaker() bool {
	for _, t := range q.toks {
		switch t {
		case "said", "say", "says", "wrote", "write", "called", "claimed", "warned", "described", "stated", "argued", "argues", "tweeted", "posted":
			return true
		}
	}
	return false
}

// secondAskRE finds a second question asked after a break: "how many
// attacks, how many killed", "when did it close; why", "who leads it — when
// was it set up", or a repeated "how many" with no break at all.
var secondAskRE = regexp.MustCompile(`(?i)(\s*[,;]\s+|\s+[-–—]+\s+|\s+)(how many|how much|how long|what|which|who|whom|when|where|why)\b`)

// appositionLeads open a description of what a question asks about, set
// after it: "… after Kabul fell - the group the eviction order hits".
var appositionLeads = setOf("the those ones i.e ie")

// withoutApposition returns norm without a description it ends with, after
// a dash or in brackets, that repeats what the question asks of in other
// words ("how many Afghans crossed into Pakistan after Kabul fell - the
// group the eviction order is aimed at"): its words would weigh as much as
// the question's and draw other facts. A tail that asks something of its
// own ("- and why?") is kept, as is norm when the question before is short.
func withoutApposition(norm string) string {
	head, tail := "", ""
	if i := strings.LastIndex(norm, " - "); i > 0 {
		head, tail = norm[:i], norm[i+3:]
	} else if i := strings.LastIndex(norm, " ("); i > 0 && strings.HasSuffix(norm, ")") {
		head, tail = norm[:i], norm[i+2:len(norm)-1]
	}
	ht, tt := strings.Fields(head), strings.Fields(tail)
	if len(ht) < minAppositionHead || len(tt) < 2 || !appositionLeads[tt[0]] || strings.Contains(tail, ",") ||
		!slices.ContainsFunc(ht, isQuestionWord) || slices.ContainsFunc(tt, isQuestionWord) {
		return norm // (a list after the dash, "- the démarche, the closure and the meeting", is what is asked)
	}
	return head
}

// minAppositionHead is the fewest words the question before a description
// may have for the description to be set aside: a shorter one may need it.
const minAppositionHead = 5

// joinAsks writes "and" where a question asks a second question after a
// comma, semicolon or dash, or repeats "how many": the join the parse reads
// as two questions. The first part must itself ask, so that "in Kabul,
// what happened" stays one question.
func joinAsks(norm string) string {
	if !strings.ContainsAny(norm, ",;-–—") && !strings.Contains(strings.TrimRight(norm, "? \t\n\f\r"), "?") && strings.Count(strings.ToLower(norm), "how ") < 2 {
		// No separator, no repeated "how many", and no question mark
		// but those it ends with, which no second question follows:
		// nothing below would join.
		return norm
	}
	if quotingClauseEnd(tokenize(norm)) > 0 {
		return norm // "when Bhonsle says X, who does he mean": one question after a clause on his words
	}
	locs := secondAskRE.FindAllStringSubmatchIndex(norm, -1)
	for i := len(locs) - 1; i >= 0; i-- {
		l := locs[i]
		sep := norm[l[2]:l[3]]
		word := strings.ToLower(norm[l[4]:l[5]])
		before := strings.ToLower(norm[:l[0]])
		// A question mark ends a question, even one with no question
		// word: "ttp leader 2023? where is he based".
		asked := strings.HasSuffix(strings.TrimSpace(before), "?")
		if strings.TrimSpace(sep) == "" && !asked && !(strings.HasPrefix(word, "how ") && strings.Contains(before, word)) {
			continue // a bare space breaks only a repeated "how many"
		}
		if toks := tokenize(before); !asksBefore(before) && !asked || len(toks) > 0 && endJoins[toks[len(toks)-1]] {
			continue
		}
		norm = norm[:l[0]] + " and " + norm[l[4]:]
	}
	return norm
}

// asksBefore reports whether text holds a question word of its own.
func asksBefore(text string) bool {
	for _, t := range tokenize(text) {
		if questionStarts[t] {
			return true
		}
	}
	return false
}

// endJoins are the joins that already end the part before a second ask.
var endJoins = setOf(`and n nd plus also then`)

// slotAskedAgain reports whether the words after "and" at i ask again for
// the kind of thing asked before it, of something else: "date of the
// attack and date of the démarche", "the year of X and the year of Y".
func slotAskedAgain(toks []string, i int) bool {
	next := i + 1
	if next < len(toks) && toks[next] == "the" {
		next++
	}
	return next+1 < len(toks) && slotNouns[toks[next]] && toks[next+1] == "of" && slices.Contains(toks[:i], toks[next])
}

// slotNouns name the part of an answer a question asks for, as in "date
// of the attack".
var slotNouns = setOf(`date year day month place number toll`)

// questionStarts are the words that begin a question.
var questionStarts = setOf(`how what which who whom when where why whats whos`)

// quotingClauseEnd returns where the question proper starts after an
// opening clause on someone's words ("when Bhonsle says X, who does he
// mean", "where Gul writes of X, what is meant"), or 0 when there is none:
// a "when" or "where" first, a verb of saying, then a question word.
func quotingClauseEnd(toks []string) int {
	if len(toks) < 4 || toks[0] != "when" && toks[0] != "where" {
		return 0
	}
	said := false
	for k := 1; k < len(toks); k++ {
		switch {
		case sayingVerbs[toks[k]]:
			said = true
		case said && clauseAsks[toks[k]]:
			return k
		}
	}
	return 0
}

// sayingVerbs report someone's words; clauseAsks begin the question after
// a clause about them.
var (
	sayingVerbs = setOf(`says said writes wrote talks talked speaks spoke mentions mentioned uses used refers referred calls called`)
	clauseAsks  = setOf(`who what which whom whose why how`)
)

// namersOf returns the entities of the links that hold every token of
// toks, or nil when a token lies outside any link.
func (q *query) namersOf(toks map[int]bool) []string {
	var ids []string
	for k := range toks {
		l := q.linkAt(k)
		if l == nil {
			return nil
		}
		for _, e := range l.entities {
			if !slices.Contains(ids, e.ID) {
				ids = append(ids, e.ID)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// outAsPublished reports whether a question asks when a document was
// out: "when was Gul's paper out".
func outAsPublished(toks []string) bool {
	n := len(toks)
	return n > 2 && toks[n-1] == "out" && sourceNouns[toks[n-2]] && (slices.Contains(toks, "when") || toks[0] == "was" || toks[0] == "is")
}

// publishWords say that a document came out: "it" in a follow-up is then
// a document, and where it came out is an outlet as much as a place.
var publishWords = setOf(`published publish publishes written released issued printed run ran appeared`)

// yearRangeRE matches a range of years whose end is written short:
// "1995-97", "2021/22".
var yearRangeRE = regexp.MustCompile(`\b((?:19|20)\d\d)[-–/](\d\d)\b`)

// yearRanges writes the end of a short range of years in full ("1995-97"
// is 1995 to 1997), when it comes after the start.
func yearRanges(s string) string {
	if !strings.ContainsAny(s, "-–/") {
		return s
	}
	return yearRangeRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := yearRangeRE.FindStringSubmatch(m)
		start, end := sub[1], sub[1][:2]+sub[2]
		if end <= start {
			return m // "2019-05": a month, or no range
		}
		return start + " " + end
	})
}

// pastVerb reports whether w reads as a verb in the past: "died", "fled",
// "left".
func pastVerb(w string) bool {
	return len(w) >= 4 && strings.HasSuffix(w, "ed") || irregularPast[w]
}

// irregularPast are common verbs in the past that do not end in -ed.
var irregularPast = setOf(`fell left came went took fought made gave got ran sent lost won`)

// boundNamed reads a timeline bounded by something named as a time:
// "Afghan history before the Taliban" runs up to the year before the first
// dated fact about them, and "Afghan history from Zahir Shah onwards" or
// "since Zahir Shah" from it. The name then gives the time, not the topic,
// and is no longer a link.
func (b *Base) boundNamed(q *query) {
	if q.hasSpan || q.intent != IntentTimeline {
		return
	}
	for n, l := range q.links {
		at := l.start - 1 // "before", perhaps then "the"
		if at > 0 && q.toks[at] == "the" {
			at--
		}
		if at < 0 {
			continue
		}
		end := l.end
		onward := onwardAt(q.toks, end)
		if onward {
			end++
		}
		before := q.toks[at] == "before"
		if !before && q.toks[at] != "since" && !(q.toks[at] == "from" && (onward || end == len(q.toks) || framesOnly(q.toks[end:]))) {
			continue // ("timeline from Zahir Shah", said last, runs on from him as "onwards" does)
		}
		if !onward && end < len(q.toks) && !b.idx.stop[q.toks[end]] && !framesOnly(q.toks[end:]) {
			continue // "since the Taliban takeover": the name says whose takeover, not when
		}
		first := b.firstDated(l.entities[0])
		if first.Year <= 1 {
			return
		}
		if before {
			q.from, q.to = Point{Year: 1}, Point{Year: first.Year - 1}
		} else {
			q.from, q.to, q.after = Point{Year: first.Year}, Point{Year: openYear}, justBefore(first.Year)
		}
		q.hasSpan = true
		for k := at; k < end; k++ {
			q.spanToks[k] = true
		}
		q.links = slices.Delete(q.links, n, n+1) // a time, not a topic
		return
	}
}

// justBefore is the last day of the year before year: a timeline that
// runs on from year lists its entries after that day, earliest first.
func justBefore(year int) Point { return Point{Year: year - 1, Month: 12, Day: 31} }

// onwardAt reports whether toks[i] ends a time something runs from: "from
// Zahir Shah onwards", "from 1933 on" ("on" only last: "attacks from the
// TTP on Pakistan" name who attacked whom).
func onwardAt(toks []string, i int) bool {
	return i < len(toks) && (toks[i] == "onwards" || toks[i] == "onward" || toks[i] == "on" && i == len(toks)-1)
}

// firstDated returns the start of the earliest dated fact about e (or, if
// none is dated, naming e: an event may be no fact's subject), or the zero
// Point.
func (b *Base) firstDated(e *Entity) Point {
	var first Point
	for _, fs := range [][]int{b.idx.subjectOf[e.ID], b.idx.entityFacts[e.ID]} {
		for _, i := range fs {
			if d := b.facts[i].Date.Start; d.Year != 0 && (first.Year == 0 || d.Key() < first.Key()) {
				first = d
			}
		}
		if first.Year != 0 {
			break
		}
	}
	return first
}
