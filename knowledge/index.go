package knowledge

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// tuning holds the calibrated constants of ranking and confidence.
type tuning struct {
	minConfidence float64 // below this, decline
	unknownWeight float64 // weight of a word the pack never uses, as a share of the largest idf
}

// defaultTuning was calibrated on our own question set and the dev set
// together (go test ./knowledge -run Calibrate -calibrate).
func defaultTuning() tuning {
	return tuning{minConfidence: 0.55, unknownWeight: 0.8}
}

// index holds the lookup structures built once at load time, so that
// answering a question touches only the entries its words lead to.
type index struct {
	tune   tuning
	models models // fitted ranking and confidence

	// bm25Pool holds *bm25Buffers, altPool *altMarks, topPool *topK,
	// candPool *candSet and densePool *denseScratch, for reuse by concurrent
	// questions.
	bm25Pool, altPool, topPool, candPool, densePool sync.Pool

	stop, qwords, light map[string]bool
	lex                 lexIndex

	// smallTalk maps each way of saying a small-talk phrase to its reply's
	// place in smallTalkReplies (see smallTalkKeys).
	smallTalk map[string]int

	spell *speller

	// aliases maps an alias's first token to every alias starting with it.
	aliases map[string][]alias

	// BM25 over fact text plus the names of the fact's entities.
	postings            map[string][]posting
	bm25                bm25Params
	docLen              []int
	avgLen              float64
	terms               []termCounts        // per fact: term number -> term frequency
	termNo              map[string]int32    // each stem the facts use -> its term number, from 1 (0 is no term)
	termPostings        [][]posting         // term number -> its stem's postings, derived in finish
	lenNorm             []float64           // per fact: lengthNorm, derived in finish
	mainTerms           map[string][]term   // entity id -> the terms of its canonical name the facts use, for scoring
	textStems           [][]string          // per fact: the stems of its text and items in order, "" between them
	byPrefix            map[string][]string // the first nearPrefix letters -> the stems of that length or more
	qwordList, stopList []string            // qwords and stop, sorted, for typo checks
	frames              map[string]string   // frame word, or its stem -> the frame word (frameWord)
	frameLongest        int                 // letters in the longest frame word
	stemOf              map[string]string   // every word of the pack, its alternate questions and names -> its stem

	entityFacts  map[string][]int      // entity id -> facts naming it, in pack order
	subjectOf    map[string][]int      // entity id -> facts naming it first (about it)
	namedBy      map[string][]int      // entity id -> facts naming it, tagged or in their text (factsNaming)
	nameStems    map[string][][]string // entity id -> stems of each of its names
	mainStems    map[string][]string   // entity id -> stems of its canonical name
	nameWords    map[string][]string   // entity id -> stems of every word of its canonical name, as spaces part them
	figure       []bool                // per fact: states a figure
	duration     []bool                // per fact: states how long something lasted, in words or by its dates' span
	sized        []bool                // per fact: says in words how large a force or presence is
	region       []bool                // per fact: names a region in words ("the eastern provinces")
	nestedPlaces []uint64              // per fact: which of its places (bits over its entities) it names only inside another name
	counted      []map[string]bool     // per fact with a figure: the stems of what it counts; false for a singular word before a plural one (modifies)
	docFact      []bool                // per fact: about a document rather than the topic
	noReason     []bool                // per fact: tells what happened without a reason (givesNoReason), derived in finish
	factEnts     [][]*Entity           // per fact: its entities, looked up (nil for an id with no entity), derived in finish
	factIndex    map[*Fact]int
	byDate       []int                      // dated facts, by start
	byDay        map[int][]int              // month*100+day -> facts dated to that day
	topEntities  []*Entity                  // the entities with most facts, for suggestions
	completions  []string                   // a question about each entity with facts, for autocomplete
	entityDoc    map[string]string          // author or document entity id -> the source document it is
	docStems     map[string]map[string]bool // source document -> the stems its facts use, for a source a question describes
	maxIDF       float64

	altQs      []altQuestion        // every fact's alternate questions
	altStemID  map[string]int32     // each stem the alternate questions use -> its number
	altStemIDF []float64            // stem number -> its altIDF, derived in finish
	altPosts   map[string][]altPost // stem -> the alternate questions using it, and where in them
	factAlts   [][]int              // per fact: its alternate questions

	// The memos keep what question words are once the index is finished
	// (finish); they are nil, and keep nothing, while it is built.
	stemMemo     *wordMemo[string]       // word -> stem, for words not in stemOf
	functionMemo *wordMemo[string]       // token -> functionWord's result
	frameMemo    *wordMemo[string]       // token -> frameWord's result, for tokens not in frames
	suggestMemo  *wordMemo[[]correction] // token -> the speller's suggestions (suggest)
}

// alias is one name an entity is known by, as tokens.
type alias struct {
	toks   []string
	entity *Entity
	short  bool // an abbreviation or a one-word alias that is also a common word
}

type posting struct {
	fact int
	tf   int
}

// newIndex returns an index holding only what needs no pack: the word
// lists, the tuning and the fitted models m, with its maps empty.
func newIndex(m models) *index {
	ix := &index{
		models:      m,
		tune:        defaultTuning(),
		bm25:        defaultBM25(),
		stop:        setOf(stopwordText),
		qwords:      setOf(questionWordText),
		light:       setOf(lightWordText),
		smallTalk:   smallTalkKeys(),
		spell:       newSpeller(),
		aliases:     map[string][]alias{},
		postings:    map[string][]posting{},
		byPrefix:    map[string][]string{},
		stemOf:      map[string]string{},
		entityFacts: map[string][]int{},
		subjectOf:   map[string][]int{},
		byDay:       map[int][]int{},
		entityDoc:   map[string]string{},
		docStems:    map[string]map[string]bool{},
		nameStems:   map[string][][]string{},
		mainStems:   map[string][]string{},
		nameWords:   map[string][]string{},
		factIndex:   map[*Fact]int{},
	}
	for w := range ix.qwords {
		ix.qwordList = append(ix.qwordList, w)
	}
	for w := range ix.stop {
		ix.stopList = append(ix.stopList, w)
	}
	sort.Strings(ix.qwordList)
	sort.Strings(ix.stopList)
	return ix
}

func buildIndex(b *Base, m models) *index {
	ix := newIndex(m)
	ix.keepNamesWhole(b)
	for t, st := range ownStems {
		ix.stemOf[t] = st
	}
	ix.lex = compileLexicon(b)
	honorifics := setOf(honorificText)
	// A deed's name without its demonym ("airstrikes in Khost and Kunar")
	// is a name of its own only where it names a narrow place, and no wide
	// one: "airstrikes in Afghanistan" could be any of them, and "civil
	// war" any country's.
	placeHeads := map[string]bool{} // "pakistan", "afghanistan": what a deed's demonym derives from
	wide := map[string]bool{}       // the words of the broad places (broadIn)
	narrow := map[string]bool{}     // the words of the other places
	named := map[string]int{}
	for _, f := range b.facts {
		for _, id := range f.Entities {
			named[id]++
		}
	}
	for _, e := range b.entities {
		if e.Kind == KindPlace {
			toks := tokenize(e.Name)
			if len(toks) > 0 {
				placeHeads[toks[0]] = true
			}
			for _, t := range toks {
				if broadIn(named[e.ID], len(b.facts)) {
					wide[t] = true
				} else if !ix.stop[t] {
					narrow[t] = true
				}
			}
		}
	}
	for _, e := range b.entities {
		for _, src := range b.srcOrder {
			switch {
			case e.Kind == KindDocument && strings.EqualFold(stripParen(e.Name), src.Title),
				e.Kind == KindPerson && src.Author != "" && strings.EqualFold(e.Name, src.Author):
				ix.entityDoc[e.ID] = src.ID
			}
		}
		for _, t := range tokenize(e.Name) {
			if !ix.stop[t] {
				ix.mainStems[e.ID] = append(ix.mainStems[e.ID], ix.learnStem(t))
			}
		}
		for _, w := range strings.Fields(strings.ToLower(e.Name)) {
			ix.nameWords[e.ID] = append(ix.nameWords[e.ID], ix.stem(w))
		}
		// The summary's words are the pack's words too, as english.txt
		// counts them: "town" is meant as typed, not as "down".
		for _, t := range tokenize(e.Summary) {
			ix.spell.add(t, false)
		}
		names := map[string]bool{}
		addName := func(s string) {
			toks := tokenize(s)
			if len(toks) == 0 {
				return
			}
			key := strings.Join(toks, " ")
			if names[key] {
				return
			}
			names[key] = true
			var stems []string
			for _, t := range toks {
				if !ix.stop[t] {
					stems = append(stems, ix.learnStem(t))
				}
			}
			if len(strings.Join(stems, "")) >= 3 { // "IS-K" says nothing in running text
				ix.nameStems[e.ID] = append(ix.nameStems[e.ID], stems)
			}
			short := len(toks) == 1 && (ix.stop[toks[0]] || len(toks[0]) <= 2)
			ix.aliases[toks[0]] = append(ix.aliases[toks[0]], alias{toks: toks, entity: e, short: short})
			for _, t := range toks {
				ix.spell.add(t, true)
			}
		}
		for _, n := range append([]string{e.Name, e.Abbr, stripParen(e.Name)}, e.Aliases...) {
			addName(n)
			if isDeed(e) {
				// "the pak airstrikes in Khost and Kunar": a deed is named
				// without the demonym of who did it, which the question
				// may say otherwise or not at all.
				if toks := tokenize(stripParen(n)); len(toks) > 2 && demonymOf(toks[0], placeHeads) &&
					!slices.ContainsFunc(toks[1:], func(t string) bool { return wide[t] }) && slices.ContainsFunc(toks[1:], func(t string) bool { return narrow[t] }) {
					addName(strings.Join(toks[1:], " "))
				}
			}
			if e.Kind == KindPerson {
				toks := tokenize(n)
				if len(toks) > 1 && honorifics[toks[0]] {
					addName(strings.Join(toks[1:], " "))
				}
				// A surname alone names the person ("Mujahid", "Durrani");
				// one several people share links to each of them.
				// An epithet ("Lion of Panjshir") has no surname.
				if len(toks) > 1 && !slices.Contains(toks, "of") && !slices.Contains(toks, "the") {
					if last := toks[len(toks)-1]; len(last) >= 4 && !ix.stop[last] && !honorifics[last] {
						addName(last)
					}
				}
			}
		}
	}
	total := 0
	ix.docLen = make([]int, len(b.facts))
	ix.figure = make([]bool, len(b.facts))
	ix.duration = make([]bool, len(b.facts))
	ix.sized = make([]bool, len(b.facts))
	ix.region = make([]bool, len(b.facts))
	ix.counted = make([]map[string]bool, len(b.facts))
	ix.docFact = make([]bool, len(b.facts))
	ix.terms = make([]termCounts, len(b.facts))
	ix.termNo = map[string]int32{}
	ix.textStems = make([][]string, len(b.facts))
	for i, f := range b.facts {
		ix.factIndex[f] = i
		ix.figure[i] = hasFigure(f)
		// A span from one date to another says how long it lasted:
		// "lasted from June to September 2022".
		ix.duration[i] = statesDuration(f.textWords()) || f.Date.End.Year != 0 && f.Date.End.Key() != f.Date.Start.Key()
		ix.sized[i] = statesSizeInWords(f.textWords())
		ix.region[i] = regionRE.MatchString(strings.ToLower(f.Text))
		if ix.figure[i] {
			ix.counted[i] = ix.countedStems(f, b.entityByID)
		}
		ix.docFact[i] = aboutDocument(f)
		tf := map[string]int{}
		n := 0
		add := func(s string, vocab bool) {
			for _, t := range tokenize(s) {
				if vocab {
					ix.spell.add(t, false)
				}
				if ix.stop[t] {
					continue
				}
				st := ix.learnStem(t)
				tf[st]++
				n++
				if vocab {
					ix.textStems[i] = append(ix.textStems[i], st)
				}
			}
			if vocab {
				ix.textStems[i] = append(ix.textStems[i], "") // no name runs across items
			}
		}
		add(f.Text, true)
		for _, it := range f.Items {
			add(it, true)
		}
		if len(f.Entities) > 0 {
			ix.subjectOf[f.Entities[0]] = append(ix.subjectOf[f.Entities[0]], i)
		}
		for _, id := range f.Entities {
			ix.entityFacts[id] = append(ix.entityFacts[id], i)
			if e := b.entityByID[id]; e != nil {
				add(e.Name, false)
				add(e.Abbr, false)
			}
		}
		// The stems in order, so that term numbers and the lists below
		// are the same on every load.
		stems := slices.Sorted(maps.Keys(tf))
		for _, t := range stems {
			c := tf[t]
			if len(ix.postings[t]) == 0 && len(t) >= nearPrefix {
				ix.byPrefix[t[:nearPrefix]] = append(ix.byPrefix[t[:nearPrefix]], t)
			}
			ix.postings[t] = append(ix.postings[t], posting{i, c})
		}
		counts := make(termCounts, 0, len(tf))
		for _, t := range stems {
			c := tf[t]
			no, ok := ix.termNo[t]
			if !ok {
				no = int32(len(ix.termNo) + 1)
				ix.termNo[t] = no
			}
			counts = append(counts, termCount{no, int32(c)})
		}
		slices.SortFunc(counts, func(a, b termCount) int { return int(a.no - b.no) })
		ix.terms[i] = counts
		if ix.docStems[f.Cite.Doc] == nil {
			ix.docStems[f.Cite.Doc] = map[string]bool{}
		}
		for t := range tf {
			ix.docStems[f.Cite.Doc][t] = true
		}
		ix.docLen[i] = n
		total += n
		if !f.Date.IsZero() {
			ix.byDate = append(ix.byDate, i)
		}
		if p := f.Date.Start; p.Precision() == DayPrecision && f.Date.End.Year == 0 {
			ix.byDay[p.Month*100+p.Day] = append(ix.byDay[p.Month*100+p.Day], i)
		}
	}
	if len(b.facts) > 0 {
		ix.avgLen = float64(total) / float64(len(b.facts))
	}
	sort.SliceStable(ix.byDate, func(i, j int) bool {
		return b.facts[ix.byDate[i]].Date.Start.Key() < b.facts[ix.byDate[j]].Date.Start.Key()
	})
	ix.maxIDF = ix.idf(0, len(b.facts))
	for _, e := range b.entities {
		if n := len(ix.entityFacts[e.ID]); n > 0 && !ix.broad(e.ID) {
			ix.topEntities = append(ix.topEntities, e)
		}
	}
	sort.SliceStable(ix.topEntities, func(i, j int) bool {
		return len(ix.entityFacts[ix.topEntities[i].ID]) > len(ix.entityFacts[ix.topEntities[j].ID])
	})
	byCount := append([]*Entity(nil), b.entities...)
	sort.SliceStable(byCount, func(i, j int) bool { return len(ix.entityFacts[byCount[i].ID]) > len(ix.entityFacts[byCount[j].ID]) })
	for _, e := range byCount {
		if len(ix.entityFacts[e.ID]) > 0 {
			ix.completions = append(ix.completions, SuggestQuestion(e))
		}
	}
	if len(ix.topEntities) > 3 {
		ix.topEntities = ix.topEntities[:3]
	}
	ix.namedBy = make(map[string][]int, len(b.entities))
	for _, e := range b.entities {
		ix.namedBy[e.ID] = ix.factsNaming(b, e)
	}
	ix.mainTerms = make(map[string][]term, len(ix.mainStems))
	for id, stems := range ix.mainStems {
		for _, st := range stems {
			ix.mainTerms[id] = append(ix.mainTerms[id], ix.termOf(st))
		}
	}
	ix.indexAltQuestions(b)
	// The words that frame what a question asks — who succeeded whom,
	// when someone became something — are words a misspelling may be
	// read as ("succeded", "becom"), though no fact need use them.
	ix.frames = map[string]string{}
	for _, set := range frameSets() {
		for _, w := range slices.Sorted(maps.Keys(set)) {
			ix.frames[w] = w
			ix.frameLongest = max(ix.frameLongest, len(w))
			if st := ix.stem(w); ix.frames[st] == "" {
				ix.frames[st] = w
			}
			if !ix.spell.known(w) {
				ix.spell.add(w, false)
			}
		}
	}
	ix.nestPlaces(b)
	ix.spell.freeze()
	ix.finish(b)
	return ix
}

// finish marks the index complete, built or read from a snapshot: from
// now on what a question word is may be kept (the index's memos), each
// fact's words are tokenized once, for the checks that read them, each
// term's postings are found by its number, and each fact's BM25 length
// norm is worked out once.
func (ix *index) finish(b *Base) {
	ix.stemMemo, ix.functionMemo, ix.frameMemo = &wordMemo[string]{}, &wordMemo[string]{}, &wordMemo[string]{}
	ix.suggestMemo = &wordMemo[[]correction]{}
	for _, f := range b.facts {
		f.words = slices.Clip(tokenize(f.Text)) // clipped: an append to them copies
	}
	ix.lenNorm = make([]float64, len(ix.docLen))
	for f := range ix.docLen {
		ix.lenNorm[f] = ix.lengthNorm(f)
	}
	ix.termPostings = make([][]posting, len(ix.termNo)+1)
	for s, no := range ix.termNo {
		ix.termPostings[no] = ix.postings[s]
	}
	ix.packAltQuestions()
	ix.altStemIDF = make([]float64, len(ix.altStemID))
	for _, aq := range ix.altQs {
		for k, id := range aq.ids {
			ix.altStemIDF[id] = aq.idf[k]
		}
	}
	ix.noReason = make([]bool, len(b.facts))
	ix.factEnts = make([][]*Entity, len(b.facts))
	n := 0
	for _, f := range b.facts {
		n += len(f.Entities)
	}
	ents := make([]*Entity, 0, n) // every fact's entities in one array, in order, as packAltQuestions keeps the alternate questions'
	for i, f := range b.facts {
		ix.noReason[i] = givesNoReason(f)
		s := len(ents)
		for _, id := range f.Entities {
			ents = append(ents, b.entityByID[id])
		}
		ix.factEnts[i] = ents[s:len(ents):len(ents)]
	}
}

// packAltQuestions moves the alternate questions' stem numbers, idfs and
// names into one array each, in the questions' order, and the facts' lists
// of their questions into another: a fact's questions are numbered
// together, so scoring a fact then reads memory in order rather than from
// allocations scattered over the heap.
func (ix *index) packAltQuestions() {
	var nStems, nNames, nAlts int
	for _, aq := range ix.altQs {
		nStems += len(aq.ids)
		nNames += len(aq.names)
	}
	for _, ns := range ix.factAlts {
		nAlts += len(ns)
	}
	alts := make([]int, 0, nAlts)
	for i, ns := range ix.factAlts {
		s := len(alts)
		alts = append(alts, ns...)
		ix.factAlts[i] = alts[s:len(alts):len(alts)]
	}
	ids, idf, names := make([]int32, 0, nStems), make([]float64, 0, nStems), make([]*Entity, 0, nNames)
	for n := range ix.altQs {
		aq := &ix.altQs[n]
		s, e := len(ids), len(names)
		ids, idf, names = append(ids, aq.ids...), append(idf, aq.idf...), append(names, aq.names...)
		aq.ids, aq.idf = ids[s:len(ids):len(ids)], idf[s:len(idf):len(idf)]
		if len(aq.names) > 0 {
			aq.names = names[e:len(names):len(names)]
		}
	}
}

// frameSets are the sets of words that frame what a question asks.
func frameSets() []map[string]bool {
	return []map[string]bool{askStartWords, successionWords, leadVerbs, futureWords, currentWords, documentWords}
}

// frameWord returns the frame word token t stands for: itself, or, for a
// word the pack does not know, a frame word of its stem ("becom" is
// "become") or one edit away ("succeded" is "succeeded"); otherwise t.
func (ix *index) frameWord(t string) string {
	if w, ok := ix.frames[t]; ok {
		return w
	}
	return ix.frameMemo.of(t, ix.findFrameWord)
}

// suggest returns the speller's corrections for tok (speller.suggest),
// kept per token once the index is finished. The slice is shared: it is
// read, never changed, and appending to it copies it.
func (ix *index) suggest(tok string) []correction {
	return ix.suggestMemo.of(tok, ix.findSuggestions)
}

// findSuggestions is suggest, worked out afresh.
func (ix *index) findSuggestions(tok string) []correction {
	return slices.Clip(ix.spell.suggest(tok))
}

// findFrameWord is frameWord for a token not in index.frames, worked out
// afresh.
func (ix *index) findFrameWord(t string) string {
	if ix.spell.known(t) || !isWordy(t) {
		return t // a word of the pack's is what it says ("chaired" is no "chairs")
	}
	if w, ok := ix.frames[ix.stem(t)]; ok {
		return w
	}
	if len(t) >= minFrameTypo && len(t) <= ix.frameLongest+1 { // one edit from a frame word at most
		// The likeliest word one edit away decides: "presdent" is
		// "president" before it is "present(ly)".
		for _, c := range ix.suggest(t) {
			if c.dist != 1 {
				continue
			}
			if w, ok := ix.frames[c.word]; ok {
				return w
			}
			break
		}
	}
	return t
}

// minFrameTypo is the shortest misspelt word read as a frame word: a
// shorter one is as likely another word mistyped.
const minFrameTypo = 5

// functionWord returns the question or function word that an unknown token
// is one edit away from ("wen" is "when", "hav" is "have", "acording" is
// "according"), or "". Question words win ties; names and pack words are
// never replaced.
func (ix *index) functionWord(tok string) string {
	return ix.functionMemo.of(tok, ix.findFunctionWord)
}

// findFunctionWord is functionWord, worked out afresh.
func (ix *index) findFunctionWord(tok string) string {
	if len(tok) < 2 || len(tok) > maxFunctionTypo || !isWordy(tok) || ix.knownWord(tok) || ix.stop[tok] || ix.qwords[tok] {
		return ""
	}
	for i, words := range [][]string{ix.qwordList, ix.stopList} {
		// The first word one edit away, unless one the token drops a
		// letter of comes later: "ovr" is "over", not "our".
		near := ""
		for _, w := range words { // sorted: the first found is the least
			switch {
			case i == 1 && len(tok) > 5 && len(tok) < minLongFunctionTypo:
				// A middling word one letter off a function word is as
				// likely a word of its own ("heres" for "here's").
				continue
			case len(tok) >= minLongFunctionTypo:
				// A long word one edit off a long function word is that
				// word mistyped ("actualy", "specificaly"): no other word
				// is that near.
				if len(w) >= minLongFunctionTypo && max(len(w)-len(tok), len(tok)-len(w)) <= 1 && osaDistance(tok, w) == 1 {
					return w
				}
				continue
			}
			// A typo drops or swaps letters of a short word ("wen", "hav",
			// "teh"); a longer token ("ban") is a word of its own.
			if len(w) >= 2 && len(tok) <= len(w) && len(w)-len(tok) <= 1 && osaDistance(tok, w) == 1 {
				if len(w) == len(tok)+1 {
					return w
				}
				if near == "" && (len(tok) > 3 || sameLetters(tok, w)) {
					near = w // ("sim", a letter other than "him"'s, is a word of its own; "teh" swaps "the"'s)
				}
			}
		}
		if near != "" {
			return near
		}
	}
	return ""
}

// sameLetters reports whether a and b are made of the same letters.
func sameLetters(a, b string) bool {
	x, y := []byte(a), []byte(b)
	slices.Sort(x)
	slices.Sort(y)
	return string(x) == string(y)
}

// minLongFunctionTypo is the length from which a word one edit off a
// function word of that length is read as it ("acording"), and
// maxFunctionTypo the longest token tried ("approximatly").
const (
	minLongFunctionTypo = 7
	maxFunctionTypo     = 14
)

// factsNaming returns, in order, the facts that name entity id: those
// tagged with it, and those whose text uses one of its names. The words of a
// name must stand together: "Islamic State" is not named by "Islamic
// Emirate ... states", nor by the longer name of another thing the fact is
// about ("the Islamic State of Afghanistan"). A one-word name inside a
// longer one is still named: the "Chitral attack" was at Chitral. But a
// person's one-word name inside another person's name is that other
// person: "Noor" in "Atta Mohammad Noor" is not Noor Wali Mehsud.
func (ix *index) factsNaming(b *Base, e *Entity) []int {
	facts, id := b.facts, e.ID
	named := make([]bool, len(facts))
	for _, i := range ix.entityFacts[id] {
		named[i] = true
	}
	for _, name := range ix.nameStems[id] {
		if len(name) == 0 {
			continue
		}
		for _, p := range ix.postings[name[0]] {
			if named[p.fact] {
				continue
			}
			all := true
			for _, s := range name[1:] {
				if ix.tf(p.fact, s) == 0 {
					all = false
					break
				}
			}
			switch {
			case !all:
			case len(name) == 1:
				named[p.fact] = e.Kind != KindPerson || !ix.inLongerName(b, p.fact, id, name, KindPerson)
			default:
				named[p.fact] = containsRun(ix.textStems[p.fact], name) && !ix.inLongerName(b, p.fact, id, name, "")
			}
		}
	}
	var out []int
	for i, ok := range named {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// inLongerName reports whether, in fact number i, the name of entity id
// is part of the longer name of another entity the fact is about, of kind
// (any kind if empty).
func (ix *index) inLongerName(b *Base, i int, id string, name []string, kind string) bool {
	for _, other := range b.facts[i].Entities {
		if other == id || kind != "" && (b.entityByID[other] == nil || b.entityByID[other].Kind != kind) {
			continue
		}
		for _, longer := range ix.nameStems[other] {
			if len(longer) > len(name) && containsRun(longer, name) && containsRun(ix.textStems[i], longer) {
				return true
			}
		}
	}
	return false
}

// factWord reports whether tok, no stopword, is a word of the facts, as
// typed or inflected otherwise.
func (ix *index) factWord(tok string) bool {
	return !ix.stop[tok] && len(ix.postings[ix.stem(tok)]) > 0
}

// knownWord reports whether the pack uses tok, as typed or inflected
// otherwise ("revenue" is known when the pack says "revenues").
func (ix *index) knownWord(tok string) bool {
	s := ix.stem(tok)
	if ix.spell.known(tok) || len(ix.postings[s]) > 0 {
		return true
	}
	if _, ok := ix.lex.syn[s]; ok {
		return true
	}
	_, ok := ix.lex.related[s]
	return ok
}

// aboutDocument reports whether a fact is about a document rather than the
// topic: an entry of a list of abbreviations, front matter, a citation, a
// spelling note, a figure caption or a note on authorship.
func aboutDocument(f *Fact) bool {
	if f.Meta || f.Cite.Section == "abbreviations" || f.Cite.Section == "front" {
		return true
	}
	t := strings.ToLower(f.Text)
	for _, w := range []string{" spells ", " spelled ", " spelt ", "misspell", "caption", "names no author", "no author", "stands for"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// documentWords mark a question about a document, an abbreviation or a
// spelling, which facts about documents answer.
var documentWords = setOf(`stand stands abbreviation abbreviations acronym acronyms abbreviated spell spelled spelt spelling spellings
	caption captions figure fig author authors wrote written writer published publisher outlet paper article document report source sources cite cites cited`)

// demonymOf reports whether w is a people's word for one of the places
// whose names start with a word of heads: "pakistani" for Pakistan,
// "afghan" for Afghanistan; not the place's own name ("chitral").
func demonymOf(w string, heads map[string]bool) bool {
	for h := range heads {
		if w != h && len(w) >= 4 && len(h) >= 4 && (strings.HasPrefix(w, h) || strings.HasPrefix(h, w)) {
			return true
		}
	}
	return false
}

// stripParen drops a trailing parenthetical: "Chitral attack (September
// 2023)" is also known as "Chitral attack".
func stripParen(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		return s[:i]
	}
	return s
}

// idf is BM25's inverse document frequency for a term in df of n facts.
func (ix *index) idf(df, n int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// termIDF is the idf of a stemmed term; a term the pack never uses gets the
// largest idf there is.
func (ix *index) termIDF(t string) float64 {
	return ix.idf(len(ix.postings[t]), len(ix.docLen))
}

// termCounts are a fact's terms, by term number (index.termNo), and how
// often it uses each, in term order: numbers, not stems, so that scoring a
// candidate hashes no strings, and a sorted slice rather than a map, since
// a fact has a few dozen terms and a candidate's are looked up by the
// hundred per question.
type termCounts []termCount

// termCount is how often a fact uses term no.
type termCount struct{ no, c int32 }

// get returns how often the fact uses term no.
func (tc termCounts) get(no int32) int32 {
	lo, hi := 0, len(tc)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if tc[m].no < no {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(tc) && tc[lo].no == no {
		return tc[lo].c
	}
	return 0
}

// term is one term a question or a name uses, by its number (0 when no
// fact uses it) and its idf.
type term struct {
	no  int32
	idf float64
}

// termOf returns stem s as a term.
func (ix *index) termOf(s string) term { return term{ix.termNo[s], ix.termIDF(s)} }

// tf returns how often fact i uses stem s.
func (ix *index) tf(i int, s string) int {
	if no, ok := ix.termNo[s]; ok {
		return int(ix.terms[i].get(no))
	}
	return 0
}

// entityIDF measures how specific an entity is: one named in most facts
// (Pakistan) says little, one named in three says a lot.
func (ix *index) entityIDF(id string) float64 {
	return ix.idf(len(ix.entityFacts[id]), len(ix.docLen))
}

// broad reports whether an entity is named in so many facts that it cannot
// narrow a question down by itself.
func (ix *index) broad(id string) bool {
	return broadIn(len(ix.entityFacts[id]), len(ix.docLen))
}

// broadIn reports whether an entity named in named of total facts is
// broad: in a pack of fifty facts or more, named in over a tenth of them.
func broadIn(named, total int) bool {
	return total >= 50 && named*10 > total
}

// dated returns the dated facts that overlap from..to, in date order.
func (ix *index) dated(b *Base, from, to Point) []int {
	_, hi := span(to)
	lo, _ := span(from)
	// Facts are sorted by start; any fact starting after hi cannot overlap.
	end := sort.Search(len(ix.byDate), func(i int) bool {
		return b.facts[ix.byDate[i]].Date.Start.Key() > hi
	})
	// A fact starting more than ten years before lo would need a decade-long
	// range to overlap; none in the pack is that long.
	start := sort.Search(len(ix.byDate), func(i int) bool {
		return b.facts[ix.byDate[i]].Date.Start.Key() >= lo-100000
	})
	var out []int
	for _, i := range ix.byDate[start:end] {
		if b.facts[i].Date.Overlaps(from, to) {
			out = append(out, i)
		}
	}
	return out
}

// stem is stem(t), remembered for the words of the pack: Snowball costs a
// microsecond a word, and a question's words are mostly the pack's. Words
// the pack never uses are stemmed afresh; the table does not grow after
// loading.
func (ix *index) stem(t string) string {
	if s, ok := ix.stemOf[t]; ok {
		return s
	}
	return ix.stemMemo.of(t, stem)
}

// keepNamesWhole makes each word of a person's name its own stem when the
// facts only ever write it capitalised, as a name: the stemmer would take
// "Sayed" to "say", and Abdul Sayed would answer who said something.
func (ix *index) keepNamesWhole(b *Base) {
	names := map[string]bool{}
	for _, e := range b.entities {
		if e.Kind != KindPerson {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			for _, t := range tokenize(n) {
				if stem(t) != t {
					names[t] = true
				}
			}
		}
	}
	for _, f := range b.facts {
		for _, s := range append([]string{f.Text}, f.Items...) {
			for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
				if unicode.IsLower([]rune(w)[0]) {
					delete(names, w) // "said", "senate": the word is also used as a word
				}
			}
		}
	}
	for t := range names {
		ix.stemOf[t] = t
	}
}

// ownStems are words the stemmer would give another word's stem, of
// another meaning, and the stems they keep instead: an authority is no
// author ("which authority told the Senate").
var ownStems = map[string]string{
	"authority": "authorit", "authorities": "authorit",
}

// learnStem remembers the stem of word t.
func (ix *index) learnStem(t string) string {
	s, ok := ix.stemOf[t]
	if !ok {
		s = stem(t)
		ix.stemOf[t] = s
	}
	return s
}

// nameHasStem reports whether one of entity id's names has a word with stem
// s: "strike" for the March 2024 airstrikes' "March 2024 air strikes".
func (ix *index) nameHasStem(id, s string) bool {
	for _, name := range ix.nameStems[id] {
		if slices.Contains(name, s) {
			return true
		}
	}
	return false
}
