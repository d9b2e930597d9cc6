// Command wordnetgen writes seeds/wordnet.txt, a compact table of English
// words related to the knowledge pack's vocabulary, taken from WordNet 3.0,
// so that durand can match a question word such as "deportee", "expulsion"
// or "truce" to the words the pack itself uses ("deported", "expel",
// "ceasefire").
//
// Regenerate the table (and WordNet's licence beside it) from the repository
// root with:
//
//	go run ./internal/wordnetgen -dict /usr/share/wordnet -pack seeds -out seeds/wordnet.txt -english seeds/english.txt -license seeds/WORDNET-LICENSE
//
// The WordNet database comes from Debian's wordnet-base package
// (apt-get install wordnet-base), which puts index.POS, data.POS and POS.exc
// under /usr/share/wordnet.
//
// The pack's vocabulary is every word (a run of letters, folded to lower
// case, at least 3 long, not a stop word) in the text, items and questions
// fields of seeds/facts/*.yaml and the name, aliases and summary fields of
// seeds/entities/*.yaml. Each word is reduced to its WordNet lemmas with
// Morphy's exception lists and rules of detachment (see morphy(7WN)); a word
// that WordNet spells with a hyphen ("ceasefire", "cease-fire") is found by
// its hyphen-less form. For each lemma the generator collects single-word
// lemmas related to it:
//
//   - its base form, when the pack word is inflected ("deported" → deport);
//   - derivationally related forms ("+" pointers, every sense), and for
//     adjectives pertainyms ("\" pointers);
//   - synonyms: the other lemmas of the synsets of its first 3 senses in each
//     part of speech.
//
// Hypernyms and hyponyms are left out as too noisy. At most 12 relations are
// kept per word, in that order of preference (earlier senses first), then
// sorted. Each line of the output is "word: rel1 rel2 ...".
//
// With -license FILE the generator also writes WordNet's licence to FILE: the
// text heading every WordNet data file, under the "WordNet Release 3.0"
// title line of the LICENSE file that ships with WordNet 3.0.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// MaxRelated is the most related words kept for one pack word.
const MaxRelated = 12

// SynonymSenses is how many senses per part of speech contribute synonyms.
const SynonymSenses = 3

// MinWordLen is the shortest word kept, in the vocabulary and as a relation.
const MinWordLen = 3

// POS is a WordNet part of speech, by its one-letter code: n, v, a or r.
type POS byte

// The parts of speech, in the order they are searched.
const (
	Noun POS = 'n'
	Verb POS = 'v'
	Adj  POS = 'a'
	Adv  POS = 'r'
)

// AllPOS lists the parts of speech in search order.
var AllPOS = []POS{Noun, Verb, Adj, Adv}

// FileName is the part of speech as WordNet names its files: noun, verb,
// adj or adv.
func (p POS) FileName() string {
	switch p {
	case Noun:
		return "noun"
	case Verb:
		return "verb"
	case Adj:
		return "adj"
	case Adv:
		return "adv"
	}
	return ""
}

// ParsePOS reads a part of speech as written in WordNet's files; the
// adjective satellite "s" counts as an adjective.
func ParsePOS(s string) (POS, error) {
	switch s {
	case "n":
		return Noun, nil
	case "v":
		return Verb, nil
	case "a", "s":
		return Adj, nil
	case "r":
		return Adv, nil
	}
	return 0, fmt.Errorf("unknown part of speech %q", s)
}

// IndexEntry is one line of an index.POS file: a lemma and its synsets, in
// sense order (most frequent sense first).
type IndexEntry struct {
	Lemma   string
	POS     POS
	Offsets []int64
	Tagged  int // senses tagged in WordNet's semantic concordance: 0 for words seldom met
}

// ParseIndexLine parses a line of an index.POS file:
//
//	lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset [synset_offset...]
func ParseIndexLine(line string) (IndexEntry, error) {
	f := strings.Fields(line)
	if len(f) < 6 {
		return IndexEntry{}, fmt.Errorf("index line too short: %q", line)
	}
	pos, err := ParsePOS(f[1])
	if err != nil {
		return IndexEntry{}, err
	}
	synsets, err := strconv.Atoi(f[2])
	if err != nil {
		return IndexEntry{}, fmt.Errorf("index line synset_cnt: %w", err)
	}
	ptrs, err := strconv.Atoi(f[3])
	if err != nil {
		return IndexEntry{}, fmt.Errorf("index line p_cnt: %w", err)
	}
	first := 4 + ptrs + 2 // skip pointer symbols, sense_cnt and tagsense_cnt
	if synsets < 1 || len(f) != first+synsets {
		return IndexEntry{}, fmt.Errorf("index line has %d fields, want %d: %q", len(f), first+synsets, line)
	}
	tagged, err := strconv.Atoi(f[first-1])
	if err != nil {
		return IndexEntry{}, fmt.Errorf("index line tagsense_cnt: %w", err)
	}
	e := IndexEntry{Lemma: f[0], POS: pos, Offsets: make([]int64, synsets), Tagged: tagged}
	for i := range synsets {
		if e.Offsets[i], err = strconv.ParseInt(f[first+i], 10, 64); err != nil {
			return IndexEntry{}, fmt.Errorf("index line offset: %w", err)
		}
	}
	return e, nil
}

// Pointer is one relation from a synset, or from one of its words, to
// another synset or word. Source and Target are 1-based word numbers within
// the two synsets; both are 0 for a relation between whole synsets.
type Pointer struct {
	Symbol string
	Offset int64
	POS    POS
	Source int
	Target int
}

// Synset is one line of a data.POS file: a set of synonyms and its pointers.
type Synset struct {
	Offset   int64
	POS      POS
	Words    []string // as spelt in WordNet, without adjective markers such as "(a)"
	Pointers []Pointer
}

// ParseDataLine parses a line of a data.POS file:
//
//	synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames...] | gloss
//
// where w_cnt and lex_id are hexadecimal, p_cnt decimal, and each pointer is
// "pointer_symbol synset_offset pos source/target" with source/target as
// four hexadecimal digits.
func ParseDataLine(line string) (Synset, error) {
	if i := strings.Index(line, " | "); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) < 5 {
		return Synset{}, fmt.Errorf("data line too short: %q", line)
	}
	var s Synset
	var err error
	if s.Offset, err = strconv.ParseInt(f[0], 10, 64); err != nil {
		return Synset{}, fmt.Errorf("data line offset: %w", err)
	}
	if s.POS, err = ParsePOS(f[2]); err != nil {
		return Synset{}, err
	}
	words, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil {
		return Synset{}, fmt.Errorf("data line w_cnt: %w", err)
	}
	i := 4
	for range words {
		if i+1 >= len(f) {
			return Synset{}, fmt.Errorf("data line ends inside its words: %q", line)
		}
		w := f[i]
		if j := strings.IndexByte(w, '('); j > 0 && strings.HasSuffix(w, ")") {
			w = w[:j] // adjective marker: (a), (p) or (ip)
		}
		s.Words = append(s.Words, w)
		i += 2
	}
	if i >= len(f) {
		return Synset{}, fmt.Errorf("data line lacks p_cnt: %q", line)
	}
	ptrs, err := strconv.Atoi(f[i])
	if err != nil {
		return Synset{}, fmt.Errorf("data line p_cnt: %w", err)
	}
	i++
	for range ptrs {
		if i+3 >= len(f) {
			return Synset{}, fmt.Errorf("data line ends inside its pointers: %q", line)
		}
		p := Pointer{Symbol: f[i]}
		if p.Offset, err = strconv.ParseInt(f[i+1], 10, 64); err != nil {
			return Synset{}, fmt.Errorf("data line pointer offset: %w", err)
		}
		if p.POS, err = ParsePOS(f[i+2]); err != nil {
			return Synset{}, err
		}
		st := f[i+3]
		if len(st) != 4 {
			return Synset{}, fmt.Errorf("data line pointer source/target %q", st)
		}
		src, err1 := strconv.ParseUint(st[:2], 16, 8)
		tgt, err2 := strconv.ParseUint(st[2:], 16, 8)
		if err := errors.Join(err1, err2); err != nil {
			return Synset{}, fmt.Errorf("data line pointer source/target: %w", err)
		}
		p.Source, p.Target = int(src), int(tgt)
		s.Pointers = append(s.Pointers, p)
		i += 4
	}
	return s, nil
}

// detachment holds Morphy's rules of detachment, per part of speech, in the
// order they are tried (morphy(7WN)). Adverbs have none.
var detachment = map[POS][][2]string{
	Noun: {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb: {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	Adj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// Lexicon is the part of WordNet that morphology needs: which lemmas each
// part of speech has, and its exception lists.
type Lexicon struct {
	// Lemmas holds the lemmas of each part of speech, in lower case.
	Lemmas map[POS]map[string]bool
	// Exceptions maps an irregular inflected form to its base forms.
	Exceptions map[POS]map[string][]string
	// compact maps a hyphenated lemma with its hyphens removed to the lemma.
	compact map[POS]map[string][]string
}

// NewLexicon returns an empty Lexicon.
func NewLexicon() *Lexicon {
	l := &Lexicon{
		Lemmas:     map[POS]map[string]bool{},
		Exceptions: map[POS]map[string][]string{},
		compact:    map[POS]map[string][]string{},
	}
	for _, p := range AllPOS {
		l.Lemmas[p] = map[string]bool{}
		l.Exceptions[p] = map[string][]string{}
		l.compact[p] = map[string][]string{}
	}
	return l
}

// AddLemma records a lemma of a part of speech.
func (l *Lexicon) AddLemma(pos POS, lemma string) {
	lemma = strings.ToLower(lemma)
	l.Lemmas[pos][lemma] = true
	if strings.Contains(lemma, "-") && !strings.Contains(lemma, "_") {
		c := strings.ReplaceAll(lemma, "-", "")
		l.compact[pos][c] = append(l.compact[pos][c], lemma)
	}
}

// AddExceptionLine records one line of a POS.exc file: an inflected form
// followed by its base forms.
func (l *Lexicon) AddExceptionLine(pos POS, line string) {
	f := strings.Fields(line)
	if len(f) < 2 {
		return
	}
	l.Exceptions[pos][f[0]] = append(l.Exceptions[pos][f[0]], f[1:]...)
}

// defined returns the lemmas of pos spelt s: s itself, or failing that the
// hyphenated lemmas that s spells without hyphens.
func (l *Lexicon) defined(pos POS, s string) []string {
	if l.Lemmas[pos][s] {
		return []string{s}
	}
	return l.compact[pos][s]
}

// Morph returns the WordNet lemmas of pos that word may be a form of, the
// way WordNet's search does: the word itself if it is a lemma, then its base
// forms from the exception list, or, for a word not on that list, the first
// rule of detachment that yields a lemma (nouns ending in "ss" or shorter
// than 3 letters are not detached; "-ful" nouns are detached before "ful").
func (l *Lexicon) Morph(word string, pos POS) []string {
	word = strings.ToLower(word)
	var out []string
	seen := map[string]bool{}
	add := func(ls ...string) {
		for _, s := range ls {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	add(l.defined(pos, word)...)
	if bases, ok := l.Exceptions[pos][word]; ok {
		for _, b := range bases {
			add(l.defined(pos, b)...)
		}
		return out
	}
	stem, end := word, ""
	if pos == Noun {
		if strings.HasSuffix(word, "ful") {
			stem, end = strings.TrimSuffix(word, "ful"), "ful"
		} else if strings.HasSuffix(word, "ss") || len(word) <= 2 {
			return out
		}
	}
	for _, r := range detachment[pos] {
		if !strings.HasSuffix(stem, r[0]) {
			continue
		}
		base := strings.TrimSuffix(stem, r[0]) + r[1] + end
		if base == word {
			continue
		}
		if ls := l.defined(pos, base); len(ls) > 0 {
			add(ls...)
			break
		}
	}
	return out
}

// Dict is a loaded WordNet database.
type Dict struct {
	*Lexicon
	index map[POS]map[string]IndexEntry
	data  map[POS][]byte
	cache map[POS]map[int64]Synset
}

// LoadDict reads the index, data and exception files of the WordNet
// database in dir.
func LoadDict(dir string) (*Dict, error) {
	d := &Dict{
		Lexicon: NewLexicon(),
		index:   map[POS]map[string]IndexEntry{},
		data:    map[POS][]byte{},
		cache:   map[POS]map[int64]Synset{},
	}
	for _, pos := range AllPOS {
		d.index[pos] = map[string]IndexEntry{}
		d.cache[pos] = map[int64]Synset{}
		if err := eachLine(filepath.Join(dir, "index."+pos.FileName()), func(line string) error {
			if strings.HasPrefix(line, " ") {
				return nil // licence header
			}
			e, err := ParseIndexLine(line)
			if err != nil {
				return err
			}
			d.index[pos][e.Lemma] = e
			d.AddLemma(pos, e.Lemma)
			return nil
		}); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, pos.FileName()+".exc"), func(line string) error {
			d.AddExceptionLine(pos, line)
			return nil
		}); err != nil {
			return nil, err
		}
		b, err := os.ReadFile(filepath.Join(dir, "data."+pos.FileName()))
		if err != nil {
			return nil, err
		}
		d.data[pos] = b
	}
	return d, nil
}

// eachLine calls fn on each line of a file.
func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(sc.Text()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// Synset reads the synset at a byte offset of data.POS.
func (d *Dict) Synset(pos POS, off int64) (Synset, error) {
	if s, ok := d.cache[pos][off]; ok {
		return s, nil
	}
	b := d.data[pos]
	if off < 0 || off >= int64(len(b)) {
		return Synset{}, fmt.Errorf("data.%s: offset %d out of range", pos.FileName(), off)
	}
	line := b[off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	s, err := ParseDataLine(string(line))
	if err != nil {
		return Synset{}, fmt.Errorf("data.%s at %d: %w", pos.FileName(), off, err)
	}
	if s.Offset != off {
		return Synset{}, fmt.Errorf("data.%s at %d: line names offset %d", pos.FileName(), off, s.Offset)
	}
	d.cache[pos][off] = s
	return s, nil
}

// candidate is a related word with its rank: lower tier and sense first.
type candidate struct {
	word        string
	tier, sense int
	seq         int
}

// The tiers of preference for related words.
const (
	tierBase    = iota // the pack word's own lemma, when it is inflected
	tierDerived        // derivationally related forms and pertainyms
	tierSynonym        // other lemmas of the word's synsets
)

// Related returns up to MaxRelated words related to word in WordNet,
// sorted: its base forms, derivationally related forms and pertainyms, and
// synonyms of its first SynonymSenses senses per part of speech. Only
// single words of lower-case letters are kept, less word itself, stop words
// and abbreviations (lemmas WordNet spells in capitals, such as USA).
func (d *Dict) Related(word string, stop map[string]bool) ([]string, error) {
	best := map[string]candidate{}
	seq := 0
	offer := func(w string, tier, sense int) {
		if len(w) > 1 && strings.ToUpper(w) == w {
			return // an abbreviation such as USA, not a word
		}
		w = strings.ToLower(w)
		if w == word || stop[w] || !isWord(w) {
			return
		}
		seq++
		c := candidate{w, tier, sense, seq}
		if old, ok := best[w]; !ok || rankLess(c, old) {
			best[w] = c
		}
	}
	for _, pos := range AllPOS {
		for _, lemma := range d.Morph(word, pos) {
			offer(lemma, tierBase, 0)
			e, ok := d.index[pos][lemma]
			if !ok {
				continue
			}
			for sense, off := range e.Offsets {
				s, err := d.Synset(pos, off)
				if err != nil {
					return nil, err
				}
				own := 0 // the lemma's word number in this synset
				for i, w := range s.Words {
					if strings.ToLower(w) == lemma {
						own = i + 1
						break
					}
				}
				for _, p := range s.Pointers {
					if p.Symbol != "+" && !(pos == Adj && p.Symbol == `\`) {
						continue
					}
					if p.Source != 0 && p.Source != own {
						continue
					}
					t, err := d.Synset(p.POS, p.Offset)
					if err != nil {
						return nil, err
					}
					for i, w := range t.Words {
						if p.Target == 0 || p.Target == i+1 {
							offer(w, tierDerived, sense)
						}
					}
				}
				if sense < SynonymSenses {
					for _, w := range s.Words {
						offer(w, tierSynonym, sense)
					}
				}
			}
		}
	}
	cs := make([]candidate, 0, len(best))
	for _, c := range best {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool { return rankLess(cs[i], cs[j]) })
	if len(cs) == 0 {
		return nil, nil
	}
	if len(cs) > MaxRelated {
		cs = cs[:MaxRelated]
	}
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.word
	}
	sort.Strings(out)
	return out, nil
}

// rankLess orders candidates by preference.
func rankLess(a, b candidate) bool {
	if a.tier != b.tier {
		return a.tier < b.tier
	}
	if a.sense != b.sense {
		return a.sense < b.sense
	}
	return a.seq < b.seq
}

// isWord reports whether s is a single word of at least MinWordLen
// lower-case ASCII letters.
func isWord(s string) bool {
	if len(s) < MinWordLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// StopWords are common English words left out of the vocabulary and of the
// relations.
var StopWords = strings.Fields(`
a about above after again against all also am an and any are as at be
because been before being below between both but by can could did do does
doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves
may might must shall upon within without via per among amid whether yet
ever also one two three many much another every either neither
`)

// Tokens returns the words of s: runs of letters, in lower case, of at
// least MinWordLen ASCII letters.
func Tokens(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		t = strings.ToLower(t)
		if isWord(t) {
			out = append(out, t)
		}
	}
	return out
}

// packFields names, per folder of the pack, the fields whose words make up
// the vocabulary.
var packFields = map[string][]string{
	"facts":    {"text", "items", "questions"},
	"entities": {"name", "aliases", "summary"},
}

// Vocabulary returns the sorted, distinct words of the pack in dir that are
// not stop words.
func Vocabulary(dir string, stop map[string]bool) ([]string, error) {
	seen := map[string]bool{}
	for _, sub := range []string{"facts", "entities"} {
		files, err := filepath.Glob(filepath.Join(dir, sub, "*.yaml"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no %s/*.yaml under %s", sub, dir)
		}
		sort.Strings(files)
		for _, file := range files {
			recs, err := readRecords(file)
			if err != nil {
				return nil, err
			}
			for _, rec := range recs {
				for _, field := range packFields[sub] {
					for _, s := range strs(rec[field]) {
						for _, t := range Tokens(s) {
							if !stop[t] {
								seen[t] = true
							}
						}
					}
				}
			}
		}
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	return words, nil
}

// readRecords reads a pack file: a YAML list of records.
func readRecords(file string) ([]map[string]any, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var recs []map[string]any
	if err := yaml.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return recs, nil
}

// strs returns the strings in a decoded YAML value, however nested.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, strs(x)...)
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []string
		for _, k := range keys {
			out = append(out, strs(v[k])...)
		}
		return out
	}
	return nil
}

// License returns WordNet's licence from the header of a data file (the
// lines before the first synset, each numbered), under the title line of
// the LICENSE file in the WordNet 3.0 distribution.
func License(data []byte) (string, error) {
	var b strings.Builder
	b.WriteString("WordNet Release 3.0\n\n")
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "  ") {
			break
		}
		f := strings.SplitN(strings.TrimLeft(line, " "), " ", 2)
		if _, err := strconv.Atoi(f[0]); err != nil {
			break
		}
		text := ""
		if len(f) == 2 {
			text = strings.TrimRight(f[1], " ")
		}
		b.WriteString(text + "\n")
		n++
	}
	if n == 0 {
		return "", errors.New("no licence header found")
	}
	return b.String(), nil
}

// CommonForms returns the one-word lemmas WordNet's concordance tags at
// least once (words people use, not rare senses or most proper names), in
// lower case, with their irregular forms from the exception lists and
// their regular ones (-s, -es, -ies, -ed, -d, -ing, -er, -est).
func (d *Dict) CommonForms() map[string]bool {
	out := map[string]bool{}
	for _, pos := range AllPOS {
		for lemma, e := range d.index[pos] {
			if e.Tagged == 0 || !isLetters(lemma) {
				continue
			}
			out[lemma] = true
			for _, f := range regularForms(lemma, pos) {
				out[f] = true
			}
		}
		for form, bases := range d.Exceptions[pos] {
			for _, b := range bases {
				if e, ok := d.index[pos][b]; ok && e.Tagged > 0 && isLetters(form) {
					out[form] = true
				}
			}
		}
	}
	return out
}

// regularForms returns the regular inflections of a lemma of pos.
func regularForms(w string, pos POS) []string {
	var out []string
	plural := w + "s"
	switch {
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		plural = w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		plural = w + "es"
	}
	switch pos {
	case Noun:
		out = append(out, plural)
	case Verb:
		out = append(out, plural)
		if strings.HasSuffix(w, "e") {
			out = append(out, w+"d", w[:len(w)-1]+"ing")
		} else {
			out = append(out, w+"ed", w+"ing")
		}
	case Adj:
		if strings.HasSuffix(w, "e") {
			out = append(out, w+"r", w+"st")
		} else {
			out = append(out, w+"er", w+"est")
		}
	}
	return out
}

// isLetters reports whether s is all lower-case ASCII letters.
func isLetters(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return s != ""
}

// NameTokens returns the distinct words of the names, abbreviations and
// aliases of the pack's entities, in lower case.
func NameTokens(dir string) (map[string]bool, error) {
	files, err := filepath.Glob(filepath.Join(dir, "entities", "*.yaml"))
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, file := range files {
		recs, err := readRecords(file)
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			for _, field := range []string{"name", "abbr", "aliases"} {
				for _, s := range strs(rec[field]) {
					for _, t := range Tokens(s) {
						out[t] = true
					}
				}
			}
		}
	}
	return out, nil
}

// FingerprintPrefix starts the header line that records the Fingerprint of
// the pack a generated file was made for.
const FingerprintPrefix = "# pack: "

// Fingerprint names the pack's vocabulary and name words in a few
// characters, so that a test can tell when the generated files no longer
// match the pack they were made for.
func Fingerprint(vocab []string, names map[string]bool) string {
	h := sha256.New()
	for _, w := range vocab {
		fmt.Fprintln(h, w)
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	fmt.Fprintln(h, "--")
	for _, n := range sorted {
		fmt.Fprintln(h, n)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// NearNames returns, sorted, the English words that are within a
// speller's reach of a name's word (one edit for up to five letters, two
// for more) but are neither a name's word nor a word of the pack: a reader
// who types one means the word, not a misspelt name ("drawn" is not
// "Dawn", "best" is not "West").
func NearNames(english, names, vocab map[string]bool) []string {
	byLen := map[int][]string{}
	for n := range names {
		if len(n) >= minNearName {
			byLen[len(n)] = append(byLen[len(n)], n)
		}
	}
	var out []string
	for w := range english {
		if names[w] || vocab[w] || len(w) < minNearName {
			continue
		}
		limit := 1
		if len(w) > 5 {
			limit = 2
		}
		near := false
		for n := len(w) - limit; n <= len(w)+limit && !near; n++ {
			for _, name := range byLen[n] {
				if osa(w, name) <= limit {
					near = true
					break
				}
			}
		}
		if near {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// NearWords returns, sorted, the English words one edit from a word of the
// pack's vocabulary that are not words of the pack themselves: a reader
// who types "stormed" means it, though the pack only says "stormer". The
// speller corrects an unknown word one edit into a word of the pack, so
// these are the words it must leave as typed.
func NearWords(english, vocab map[string]bool) []string {
	// Every word is indexed under itself and each of its one-letter
	// deletions; two words one edit apart share a key.
	keys := func(w string) []string {
		out := []string{w}
		for i := range w {
			out = append(out, w[:i]+w[i+1:])
		}
		return out
	}
	index := map[string][]string{}
	for v := range vocab {
		if len(v) < minNearName || !isLetters(v) {
			continue
		}
		for _, k := range keys(v) {
			index[k] = append(index[k], v)
		}
	}
	var out []string
	for w := range english {
		if vocab[w] || len(w) < minNearName {
			continue
		}
	find:
		for _, k := range keys(w) {
			for _, v := range index[k] {
				if osa(w, v) <= 1 {
					out = append(out, w)
					break find
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// minNearName is the shortest word a speller corrects.
const minNearName = 4

// osa is the optimal string alignment distance between a and b: edits,
// with a swap of neighbours counting as one.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// EnglishHeader is the comment at the top of the English words; %s is the
// command that regenerates them.
const EnglishHeader = `# English words a reader may type that are a letter or two from a name in
# durand's knowledge pack, or a letter from one of its words: one per line.
# durand takes them as typed and does not correct them into the name or the
# word ("drawn" is not "Dawn", "stormed" is not "stormer").
# Generated from WordNet 3.0 (Princeton University), used under the WordNet
# licence in seeds/WORDNET-LICENSE. Do not edit; regenerate with:
#   %s
# pack: %s
`

// WriteEnglish writes the English words to w; pack is the Fingerprint of the
// pack they were made for.
func WriteEnglish(w io.Writer, words []string, command, pack string) {
	fmt.Fprintf(w, EnglishHeader, command, pack)
	for _, word := range words {
		fmt.Fprintln(w, word)
	}
}

// Header is the comment at the top of the table; %s is the command that
// regenerates it.
const Header = `# Related English words for the vocabulary of durand's knowledge pack.
# Each line is "word: related words": a word used in seeds/facts and
# seeds/entities, then up to 12 single-word WordNet lemmas related to it (its
# base form when inflected, derivationally related forms and pertainyms,
# synonyms of its first 3 senses per part of speech), sorted.
# Generated from WordNet 3.0 (Princeton University), used under the WordNet
# licence in seeds/WORDNET-LICENSE. Do not edit; regenerate with:
#   %s
# pack: %s
`

// Write writes the table for words to w; pack is the Fingerprint of the pack
// the words come from.
func Write(w io.Writer, d *Dict, words []string, stop map[string]bool, command, pack string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, Header, command, pack)
	for _, word := range words {
		rel, err := d.Related(word, stop)
		if err != nil {
			return err
		}
		if len(rel) > 0 {
			fmt.Fprintf(bw, "%s: %s\n", word, strings.Join(rel, " "))
		}
	}
	return bw.Flush()
}

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "WordNet 3.0 database directory (index.noun, data.noun, noun.exc, ...)")
	pack := flag.String("pack", "seeds", "knowledge pack directory, with facts/ and entities/")
	out := flag.String("out", "seeds/wordnet.txt", "table to write")
	english := flag.String("english", "", "also write the English words near the pack's names to this file")
	license := flag.String("license", "", "also write WordNet's licence to this file")
	flag.Parse()
	if err := run(*dict, *pack, *out, *english, *license); err != nil {
		fmt.Fprintln(os.Stderr, "wordnetgen:", err)
		os.Exit(1)
	}
}

// run generates the table, the English words near names when english is
// not empty, and the licence when license is not empty.
func run(dict, pack, out, english, license string) error {
	command := fmt.Sprintf("go run ./internal/wordnetgen -dict %s -pack %s -out %s", dict, pack, out)
	if english != "" {
		command += " -english " + english
	}
	if license != "" {
		command += " -license " + license
	}
	stop := map[string]bool{}
	for _, w := range StopWords {
		stop[w] = true
	}
	d, err := LoadDict(dict)
	if err != nil {
		return err
	}
	words, err := Vocabulary(pack, stop)
	if err != nil {
		return err
	}
	names, err := NameTokens(pack)
	if err != nil {
		return err
	}
	fp := Fingerprint(words, names)
	var buf bytes.Buffer
	if err := Write(&buf, d, words, stop, command, fp); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if english != "" {
		vocab := map[string]bool{}
		for _, w := range words {
			vocab[w] = true
		}
		buf.Reset()
		common := d.CommonForms()
		near := map[string]bool{}
		for _, w := range NearNames(common, names, vocab) {
			near[w] = true
		}
		for _, w := range NearWords(common, vocab) {
			if !names[w] {
				near[w] = true
			}
		}
		all := make([]string, 0, len(near))
		for w := range near {
			all = append(all, w)
		}
		sort.Strings(all)
		WriteEnglish(&buf, all, command, fp)
		if err := os.WriteFile(english, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if license != "" {
		text, err := License(d.data[Noun])
		if err != nil {
			return fmt.Errorf("data.noun: %w", err)
		}
		if err := os.WriteFile(license, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
