package knowledge

import (
	"bufio"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"
)

// Lexicon is the pack's vocabulary for matching questions to facts: the
// words analysts use for what the facts say in other words. It is read from
// lexicon.yaml; see seeds/lexicon.yaml for what each part means.
type Lexicon struct {
	Synonyms  []string            `yaml:"synonyms"`  // groups of words, space-separated
	Shorthand map[string]string   `yaml:"shorthand"` // one word -> what it stands for
	Phrases   map[string]string   `yaml:"phrases"`   // two or more words -> one word
	Decades   map[string]int      `yaml:"decades"`   // "nineties" -> 1990
	Capitals  map[string][]string `yaml:"capitals"`  // capital -> entity ids it stands for
	// Related maps a question word to the words of the pack's that answer
	// it in part, as WordNet's relations do: "respond" is answered by a
	// fact that someone summoned an envoy or warned of consequences.
	Related map[string]string `yaml:"related"` // word -> space-separated related words
}

// Files of the lexicon inside the pack.
const (
	lexiconFile = "lexicon.yaml"
	// wordnetFile holds English words related to the pack's words, generated
	// from WordNet by internal/wordnetgen. It is optional.
	wordnetFile = "wordnet.txt"
	// englishFile holds English words a letter or two from a name, which
	// are taken as typed; generated with wordnetFile. It is optional.
	englishFile = "english.txt"
)

// relatedCredit is how much a fact using a word WordNet relates to a question
// word counts, against 1 for the word itself or a lexicon synonym: related
// words widen the net without outranking the words typed.
const relatedCredit = 0.6

// relatedKnownCredit is that credit when the question word is one the pack
// uses itself: a fact with the very word should still come first.
const relatedKnownCredit = 0.4

// maxRelated caps the WordNet relations kept per question word, so that a
// word with many senses does not flood the search.
const maxRelated = 12

func (l *loader) loadLexicon(b *Base) {
	var lex Lexicon
	l.decode(lexiconFile, &lex, false)
	for i, g := range lex.Synonyms {
		if len(strings.Fields(g)) < 2 {
			l.add(lexiconFile, fmt.Sprintf("synonyms %d", i+1), "a group needs two or more words, got %q", g)
		}
	}
	for k, v := range lex.Shorthand {
		if len(strings.Fields(k)) != 1 || strings.TrimSpace(v) == "" {
			l.add(lexiconFile, "shorthand "+k, "want one word standing for one or more words, got %q: %q", k, v)
		}
	}
	for k, v := range lex.Phrases {
		if len(tokenize(k)) < 2 || len(strings.Fields(v)) == 0 {
			l.add(lexiconFile, "phrases "+k, "want two or more words standing for a word, got %q: %q", k, v)
		}
	}
	for k, v := range lex.Decades {
		if v%10 != 0 || v < 1800 || v > 2090 {
			l.add(lexiconFile, "decades "+k, "%d is not the first year of a decade", v)
		}
	}
	for k, v := range lex.Related {
		if len(strings.Fields(k)) != 1 || len(strings.Fields(v)) == 0 {
			l.add(lexiconFile, "related "+k, "want one word and the words related to it, got %q: %q", k, v)
		}
	}
	for k, ids := range lex.Capitals {
		if len(ids) == 0 {
			l.add(lexiconFile, "capitals "+k, "names no entity")
		}
		for _, id := range ids {
			if _, ok := b.entityByID[id]; !ok {
				l.add(lexiconFile, "capitals "+k, "unknown entity %q", id)
			}
		}
	}
	b.lexicon = &lex
	related, err := readRelated(l.fsys)
	if err != nil {
		l.add(wordnetFile, "", "%v", err)
	}
	b.related = related
	english, err := readWords(l.fsys, englishFile)
	if err != nil {
		l.add(englishFile, "", "%v", err)
	}
	b.english = english
}

// readWords reads a file of one word a line after "#" comments. A missing
// file means no words.
func readWords(fsys fs.FS, name string) (map[string]bool, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, nil //nolint:nilerr // the list is optional
	}
	out := map[string]bool{}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsAny(line, " \t") {
			return nil, fmt.Errorf("line %d: want one word", n+1)
		}
		out[line] = true
	}
	return out, nil
}

// readRelated reads wordnet.txt: "word: rel rel …" lines after "#" comments.
// A missing file means no relations.
func readRelated(fsys fs.FS) (map[string][]string, error) {
	f, err := fsys.Open(wordnetFile)
	if err != nil {
		return nil, nil //nolint:nilerr // the table is optional
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, rels, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(word) == "" {
			return nil, fmt.Errorf("line %d: want \"word: related words\"", n)
		}
		out[strings.TrimSpace(word)] = strings.Fields(rels)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	return out, nil
}

// lexIndex is the lexicon compiled for answering: stems, token sequences
// and entities in place of the words written in the pack.
type lexIndex struct {
	syn       map[string][]string  // stem -> the other stems of its synonym groups
	related   map[string][]string  // stem -> pack stems WordNet relates to it
	shorthand map[string][]string  // token -> the tokens it stands for
	phrases   map[string][]rewrite // first token -> phrases starting with it
	decades   map[string]int       // token -> first year
	capitals  map[string][]*Entity // capital token -> entities it stands for
}

// rewrite replaces a run of tokens with others.
type rewrite struct {
	from, to []string
}

func compileLexicon(b *Base) lexIndex {
	lx := lexIndex{
		syn:       map[string][]string{},
		related:   map[string][]string{},
		shorthand: map[string][]string{},
		phrases:   map[string][]rewrite{},
		decades:   map[string]int{},
		capitals:  map[string][]*Entity{},
	}
	lex := b.lexicon
	if lex == nil {
		lex = &Lexicon{}
	}
	// WordNet's relations name the same words many times over: each is
	// stemmed once.
	seen := map[string]string{}
	stemOnce := func(w string) string {
		s, ok := seen[w]
		if !ok {
			s = stem(w)
			seen[w] = s
		}
		return s
	}
	for _, line := range lex.Synonyms {
		var stems []string
		for _, t := range tokenize(line) {
			if s := stemOnce(t); !contains(stems, s) {
				stems = append(stems, s)
			}
		}
		for _, s := range stems {
			for _, o := range stems {
				if o != s && !contains(lx.syn[s], o) {
					lx.syn[s] = append(lx.syn[s], o)
				}
			}
		}
	}
	// Maps are read in key order, so that the index is the same on every
	// load (and its snapshot too).
	for _, k := range slices.Sorted(maps.Keys(lex.Shorthand)) {
		lx.shorthand[strings.ToLower(k)] = tokenize(lex.Shorthand[k])
	}
	for _, k := range slices.Sorted(maps.Keys(lex.Phrases)) {
		from := tokenize(k)
		lx.phrases[from[0]] = append(lx.phrases[from[0]], rewrite{from: from, to: tokenize(lex.Phrases[k])})
	}
	for _, rs := range lx.phrases {
		// Longest first, so "kicked out of" wins over "kicked out".
		sort.SliceStable(rs, func(i, j int) bool { return len(rs[i].from) > len(rs[j].from) })
	}
	for _, k := range slices.Sorted(maps.Keys(lex.Decades)) {
		lx.decades[strings.ToLower(k)] = lex.Decades[k]
	}
	for _, k := range slices.Sorted(maps.Keys(lex.Capitals)) {
		key := strings.Join(tokenize(k), " ")
		for _, id := range lex.Capitals[k] {
			if e := b.entityByID[id]; e != nil {
				lx.capitals[key] = append(lx.capitals[key], e)
			}
		}
	}
	// The lexicon's own relations come first: they are what WordNet does
	// not know of this domain.
	for _, k := range slices.Sorted(maps.Keys(lex.Related)) {
		ks := stemOnce(strings.ToLower(k))
		for _, r := range strings.Fields(lex.Related[k]) {
			if rs := stemOnce(strings.ToLower(r)); rs != ks && !contains(lx.related[ks], rs) {
				lx.related[ks] = append(lx.related[ks], rs)
			}
		}
	}
	// WordNet relates pack words to others; a question word finds the pack
	// words it is related to.
	for _, w := range slices.Sorted(maps.Keys(b.related)) {
		ws := stemOnce(w)
		for _, r := range b.related[w] {
			rs := stemOnce(r)
			if rs != ws && len(lx.related[rs]) < maxRelated && !contains(lx.related[rs], ws) {
				lx.related[rs] = append(lx.related[rs], ws)
			}
		}
	}
	return lx
}

// splitPhrase finds a two-word phrasal verb whose particle comes after a
// short object ("kick the TTP out", "push Afghans back"), returning the
// rewrite and how many words stand between, or nil.
func splitPhrase(toks []string, i int, rs []rewrite) (*rewrite, int) {
	for k := range rs {
		r := &rs[k]
		if len(r.from) != 2 || !particles[r.from[1]] {
			continue
		}
		for gap := 1; gap <= maxPhraseGap && i+1+gap < len(toks); gap++ {
			if toks[i+gap] == r.from[1] || particles[toks[i+gap]] {
				break // the particle right after is the contiguous form
			}
			if toks[i+1+gap] == r.from[1] {
				return r, gap
			}
		}
	}
	return nil, 0
}

// closePhrasalVerbs rewrites a phrasal verb parted by a pronoun ("turn it
// down", "kick them out") as the word it stands for, the pronoun after it
// ("reject it"): once the pronoun is named, the name may part the verb
// from its particle by more than maxPhraseGap words.
func (ix *index) closePhrasalVerbs(toks []string) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		if i+2 < len(toks) && pronounKind[toks[i+1]] != "" {
			if r, gap := splitPhrase(toks, i, ix.lex.phrases[toks[i]]); r != nil && gap == 1 {
				if out == nil {
					out = slices.Clone(toks[:i])
				}
				out = append(append(out, r.to...), toks[i+1])
				i += 2
				continue
			}
		}
		if out != nil {
			out = append(out, toks[i])
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// isPhrase reports whether the two words are a phrase of the lexicon's on
// their own: in "got taken out", "taken out" is, so "got … out" is not
// read as "get out".
func (ix *index) isPhrase(w, particle string) bool {
	for _, r := range ix.lex.phrases[w] {
		if len(r.from) == 2 && r.from[1] == particle {
			return true
		}
	}
	return false
}

// phraseAdverbs may stand inside a phrase after its first word without
// breaking it: "have now so many", "has still got".
var phraseAdverbs = setOf(`now still currently nowadays really actually already`)

// particles end a phrasal verb and may follow its object.
var particles = setOf(`out off back up down over`)

// maxPhraseGap is how many words of an object may stand between a phrasal
// verb and its particle.
const maxPhraseGap = 3

// rewriteTokens expands shorthand and phrasal verbs into the words the pack
// uses. Tokens that name something in the pack are kept as typed.
func (ix *index) rewriteTokens(toks []string) []string {
	out := make([]string, 0, len(toks)+2)
	expanded := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if rs, ok := ix.lex.phrases[t]; ok {
			if r := matchPhrase(toks, i, rs); r != nil {
				out = append(out, r.to...)
				i += len(r.from) - 1
				continue
			}
			if i+2 < len(toks) && phraseAdverbs[toks[i+1]] {
				// "why does the TTP have now so many fighters": the
				// phrase "have so many" with an adverb inside it, which
				// is kept after it.
				if r := matchPhrase(slices.Concat(toks[i:i+1], toks[i+2:]), 0, rs); r != nil && len(r.from) > 1 {
					out = append(append(out, r.to...), toks[i+1])
					i += len(r.from)
					continue
				}
			}
			if r, gap := splitPhrase(toks, i, rs); r != nil && !ix.isPhrase(toks[i+gap], toks[i+1+gap]) {
				// "kick the TTP out": the verb, then its object, then the
				// particle.
				out = append(out, r.to...)
				out = append(out, toks[i+1:i+1+gap]...)
				i += gap + 1
				continue
			}
		}
		if full, ok := ix.lex.shorthand[t]; ok && !ix.namesAt(toks, i) {
			out = append(out, full...)
			expanded = true
			continue
		}
		if n := scaledNumber(t); n != nil {
			out = append(out, n...)
			continue
		}
		out = append(out, t)
	}
	if expanded {
		// A phrase may be spelt with shorthand: "goin forward" is "going
		// forward".
		return ix.rewritePhrases(out)
	}
	return out
}

// numberScales are the suffixes of a figure written short, and the word
// the pack writes for each: "1.7m", "2bn".
var numberScales = map[string]string{"m": "million", "mn": "million", "mln": "million", "bn": "billion"}

// scaledNumber returns a figure written short as the pack writes it:
// "1.73m" as 1.73 million, "40k" as 40000. It returns nil for any other
// token.
func scaledNumber(t string) []string {
	k := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if k <= 0 || !isNumber(t[:k]) {
		return nil
	}
	num, suffix := t[:k], t[k:]
	if word, ok := numberScales[suffix]; ok {
		return []string{num, word}
	}
	if suffix == "k" && !strings.Contains(num, ".") {
		return []string{num + "000"}
	}
	return nil
}

// rewritePhrases replaces the lexicon's phrases in toks, as written.
func (ix *index) rewritePhrases(toks []string) []string {
	out := make([]string, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		if r := matchPhrase(toks, i, ix.lex.phrases[toks[i]]); r != nil {
			out = append(out, r.to...)
			i += len(r.from) - 1
			continue
		}
		out = append(out, toks[i])
	}
	return out
}

// timeAfter reports whether a phrase from ending in "after" or "in",
// followed in toks from j on, ends in a time: "where did Dostum go after
// that" asks where he went then, not whom he went after ("go after the
// TTP"); "how bad did violence get in 2023" asks how bad it got then, not
// who got in.
func timeAfter(from, toks []string, j int) bool {
	if last := from[len(from)-1]; last != "after" && last != "in" || j >= len(toks) {
		return false
	}
	t := toks[j]
	return isYear(t) || monthByName[t] > 0 || (t == "that" || t == "this") && j == len(toks)-1
}

// matchPhrase returns the first of rs, longest first, that toks spell from
// i on, or nil. A phrase ending in "after" or "in" that a time follows is
// none, unless it keeps that word ("back in 2015" is "in 2015").
func matchPhrase(toks []string, i int, rs []rewrite) *rewrite {
	for k := range rs {
		if r := &rs[k]; i+len(r.from) <= len(toks) && equalTokens(toks[i:i+len(r.from)], r.from) &&
			!(timeAfter(r.from, toks, i+len(r.from)) && r.to[len(r.to)-1] != r.from[len(r.from)-1]) {
			return r
		}
	}
	return nil
}

// namesAt reports whether the tokens from i on spell a name in full: "pm"
// is left alone in "PM Imran Khan" and read as "prime minister" elsewhere.
func (ix *index) namesAt(toks []string, i int) bool {
	for _, a := range ix.aliases[toks[i]] {
		if i+len(a.toks) <= len(toks) && equalTokens(toks[i:i+len(a.toks)], a.toks) {
			return true
		}
	}
	return false
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// stopwordText lists words that carry no topic: they are skipped for search
// and for judging how much of a question an answer covers.
const stopwordText = `a an the of in on at to for from by with about into onto over under and or but nor
is are was were be been being am do does did done doing has have had having will would shall should can could may might must
this that these those there here theres thats heres it its he she they them their his her him we our you your i me my mine
what whats whatever wat wats wut wht which who whos whom whose when whens where wheres why how hows
tell please know say give show explain describe detail details info information
any all some many mostly main mainly largely chiefly predominantly much more very also just only even ever still yet then than so as such else
if not no yes ok okay hey hi hello thanks thank bot
one ones thing things stuff anything something everything lot lots kind sort
get got make made let lets want need
between among during after before since until till while whilst within without through throughout via afterwards afterward thereafter later subsequently eventually
inside outside across along around beyond toward towards upon amid amidst despite beneath behind
again further extra additional once both each few other own same too s t happen happened happening
mention mentioned mentions named listed discussed cover covered covers according regarding concerning
overall exactly precisely approximately approx roughly supposedly allegedly alleged apart altogether currently actually really basically specifically just already ultimately
famously infamously notoriously notably apparently essentially evidently seemingly ostensibly purportedly
per piece article paper report remind context famous btw fyi asap ballpark quick q summary tldr vs versus exact precise era
iirc afaik imo imho tbh idk fwiw lol true especially though commentary overview essay column publication writeup
isnt arent wasnt werent doesnt didnt dont hasnt havent hadnt getting gets gotten out up off
confirm verify accurate briefly nutshell ie eg etc scene landscape anyway rough given henceforth
someone somebody anyone anybody footnote footnotes client clients sitrep sitreps
believe believed believes reckon reckoned deem deemed characterise characterised characterize characterized portray portrayed`

// questionWordText lists words that mark intent; they are never
// spelling-corrected into other words.
const questionWordText = `what whats wat wats wut wht which who whos whom whose when where why how
list timeline chronology happened happen define meaning mean means stand stands`

// lightWordText lists common verbs and adjectives, and the nouns for
// people in general, that say little about a question's topic; they count
// for half ("attacks and people killed" asks about the killed, not about
// a fact that says "people").
const lightWordText = `start starts begin begins stop stops continue continues keep keeps try tries use uses go goes come comes
become becomes seem seems take takes put puts see sees look looks set sets went gone
came saw gave put kept
big large small new old main major key first last recent biggest largest greatest
people persons ppl folks guy guys
add adds added adding`

// honorificText lists titles that may precede a person's name and may be left
// out when the person is asked about.
const honorificText = `mullah mulla maulawi maulana mufti general gen lt dr doctor marshal brigadier president senator sheikh haji`

// statePlace reports whether place id is a state, one a capital stands
// for ("China"): a place that may take a stance, as the Durand Line may
// not. (A capital itself, "Kabul's response", is read as it always was.)
func (ix *index) statePlace(id string) bool {
	for _, es := range ix.lex.capitals {
		for _, e := range es {
			if e.ID == id {
				return true
			}
		}
	}
	return false
}
