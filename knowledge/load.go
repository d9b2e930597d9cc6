package knowledge

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Problem is one thing wrong with a pack: where it is and what is wrong.
type Problem struct {
	File  string // the pack file, e.g. "facts/000a.yaml"
	Entry string // e.g. "fact fnf-chitral-attack"; empty for file-level problems
	Msg   string
}

func (p Problem) String() string {
	if p.Entry == "" {
		return p.File + ": " + p.Msg
	}
	return p.File + ": " + p.Entry + ": " + p.Msg
}

// ValidationError lists every problem found in a pack.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string {
	if len(e.Problems) == 1 {
		return "invalid pack: " + e.Problems[0].String()
	}
	return fmt.Sprintf("invalid pack: %d problems, first: %s", len(e.Problems), e.Problems[0])
}

// Base is a loaded, validated and indexed knowledge pack. It is immutable
// and safe for concurrent use.
type Base struct {
	sources      map[string]*Source
	srcOrder     []*Source
	entities     []*Entity
	entityByID   map[string]*Entity
	facts        []*Fact
	factByID     map[string]*Fact
	conflicts    []*Conflict
	conflictByID map[string]*Conflict

	lexicon *Lexicon
	related map[string][]string // wordnet.txt: pack word -> related English words
	english map[string]bool     // english.txt: English words near names, taken as typed

	idx   *index
	focus []*Entity // entities with enough dated facts for a digest's focus
	// historical is the source whose dated facts lie furthest back: the
	// one a reader calls the history piece (mostHistorical).
	historical string

	// verified remembers, per alternate question, whether durand answers it
	// with its own fact: the answer depends only on the pack, and declines
	// would otherwise ask the same few suggestions again and again. It holds
	// at most one entry per alternate question.
	verified sync.Map // question text -> bool
}

// Pack file locations inside the file system given to Load.
const (
	sourcesFile   = "sources.yaml"
	conflictsFile = "conflicts.yaml"
	entitiesDir   = "entities"
	factsDir      = "facts"
)

// Load reads, validates and indexes the pack in fsys. On any problem it
// returns a *ValidationError listing all of them.
func Load(fsys fs.FS) (*Base, error) {
	l := loader{fsys: fsys}
	b := l.load()
	if len(l.problems) > 0 {
		sort.SliceStable(l.problems, func(i, j int) bool { return l.problems[i].File < l.problems[j].File })
		return nil, &ValidationError{Problems: l.problems}
	}
	model, err := loadModels()
	if err != nil {
		return nil, err
	}
	b.idx = buildIndex(b, model)
	b.focus = b.focusEntities()
	b.historical = b.mostHistorical()
	return b, nil
}

type loader struct {
	fsys     fs.FS
	problems []Problem
}

func (l *loader) add(file, entry, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: file, Entry: entry, Msg: fmt.Sprintf(format, args...)})
}

// decode reads a YAML list from file into out, rejecting unknown fields.
func (l *loader) decode(file string, out any, required bool) {
	data, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		if required || !errors.Is(err, fs.ErrNotExist) {
			l.add(file, "", "cannot read: %v", err)
		}
		return
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil && !errors.Is(err, io.EOF) {
		msg := yamlProblem(err)
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			// The parser may name the line where the enclosing block
			// began ("line 4" for a bad indent at line 1099): the first
			// line whose prefix of the file fails is the one to fix.
			if n := firstBadLine(data); n > 0 {
				msg = yamlLineRE.ReplaceAllString(msg, "line "+strconv.Itoa(n))
			}
		}
		l.add(file, "", "%s", msg)
	}
}

// firstBadLine returns the first line of data at which the YAML before it
// stops parsing, found by halving, or 0 when data parses or is too large
// to halve (maxBisectBytes).
func firstBadLine(data []byte) int {
	if len(data) > maxBisectBytes {
		return 0
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	bad := func(n int) bool {
		var v any
		return yaml.Unmarshal(bytes.Join(lines[:n], nil), &v) != nil
	}
	if !bad(len(lines)) {
		return 0
	}
	lo, hi := 1, len(lines) // bad(hi) holds; find the least such
	for lo < hi {
		mid := (lo + hi) / 2
		if bad(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// maxBisectBytes is the largest file whose syntax error is placed by
// halving it: each step parses a prefix again, and pack files are a few
// hundred kilobytes.
const maxBisectBytes = 4 << 20

// yamlLineRE finds the line a YAML error points at.
var yamlLineRE = regexp.MustCompile(`\bline (\d+)\b`)

// yamlWordsRE matches a YAML syntax message made only of words, such as
// "did not find expected key": the parser's own, quoting nothing.
var yamlWordsRE = regexp.MustCompile(`^[a-z]+( [a-z]+)*$`)

// maxYAMLProblems is how many of a file's type errors are described; the
// rest are counted.
const maxYAMLProblems = 3

// yamlProblem describes a YAML error by its line and its kind, never
// quoting the file: the file may be no pack file at all (a stray or planted
// link to a password file), and problems end up in logs.
func yamlProblem(err error) string {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		// A syntax error: "yaml: line 3: did not find expected key".
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		at := ""
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			at = "line " + m[1] + ": "
			msg = strings.TrimPrefix(msg[strings.Index(msg, m[0])+len(m[0]):], ": ")
		}
		if !yamlWordsRE.MatchString(msg) {
			return at + "not valid YAML"
		}
		return at + "not valid YAML: " + msg
	}
	var parts []string
	for i, e := range te.Errors {
		if i == maxYAMLProblems {
			parts = append(parts, fmt.Sprintf("and %d more", len(te.Errors)-i))
			break
		}
		what := "a value of the wrong kind for its place"
		switch {
		case strings.Contains(e, " not found in type "):
			what = "a field the pack does not have"
		case strings.Contains(e, " already set in type "), strings.Contains(e, " already defined at line "):
			what = "a field given twice"
		}
		if m := yamlLineRE.FindStringSubmatch(e); m != nil {
			what = "line " + m[1] + ": " + what
		}
		parts = append(parts, what)
	}
	return strings.Join(parts, "; ")
}

func (l *loader) dir(dir string) []string {
	files, err := fs.Glob(l.fsys, path.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		l.add(dir, "", "no .yaml files")
		return nil
	}
	sort.Strings(files)
	return files
}

func (l *loader) load() *Base {
	b := &Base{
		sources:      map[string]*Source{},
		entityByID:   map[string]*Entity{},
		factByID:     map[string]*Fact{},
		conflictByID: map[string]*Conflict{},
	}
	l.loadSources(b)
	entityFile := map[string]string{}
	for _, file := range l.dir(entitiesDir) {
		var es []*Entity
		l.decode(file, &es, true)
		for i, e := range es {
			l.checkEntity(b, file, i, e, entityFile)
		}
	}
	for _, file := range l.dir(factsDir) {
		var fs []*Fact
		l.decode(file, &fs, true)
		for i, f := range fs {
			l.checkFact(b, file, i, f)
		}
	}
	l.checkUntagged(b, entityFile)
	l.checkWithin(b, entityFile)
	l.checkGists(b)
	l.loadLexicon(b)
	var cs []*Conflict
	l.decode(conflictsFile, &cs, false)
	for i, c := range cs {
		l.checkConflict(b, i, c)
	}
	return b
}

func (l *loader) loadSources(b *Base) {
	var ss []*Source
	l.decode(sourcesFile, &ss, true)
	for i, s := range ss {
		entry := fmt.Sprintf("source %d", i+1)
		if s == nil || s.ID == "" {
			l.add(sourcesFile, entry, "missing id")
			continue
		}
		entry = "source " + s.ID
		if _, dup := b.sources[s.ID]; dup {
			l.add(sourcesFile, entry, "duplicate id")
			continue
		}
		if s.Title == "" {
			l.add(sourcesFile, entry, "missing title")
		}
		if s.Author == "" && s.AuthorNote == "" {
			l.add(sourcesFile, entry, "missing author (or author_note saying why there is none)")
		}
		d, err := ParseDate(s.RawDate)
		if err != nil {
			l.add(sourcesFile, entry, "%v", err)
		}
		s.Date = d
		if u, err := url.Parse(s.URL); s.URL != "" && (err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "") {
			l.add(sourcesFile, entry, "url %q is not an http(s) address", s.URL)
		}
		if len(s.Sections) == 0 {
			l.add(sourcesFile, entry, "no sections")
		}
		seen := map[string]bool{}
		for _, sec := range s.Sections {
			if sec.ID == "" || sec.Title == "" {
				l.add(sourcesFile, entry, "section needs an id and a title")
			}
			if seen[sec.ID] {
				l.add(sourcesFile, entry, "duplicate section %q", sec.ID)
			}
			seen[sec.ID] = true
		}
		b.sources[s.ID] = s
		b.srcOrder = append(b.srcOrder, s)
	}
}

// checkGists checks that every source's gist names facts that cite it.
func (l *loader) checkGists(b *Base) {
	for _, s := range b.srcOrder {
		for _, id := range s.Gist {
			switch f, ok := b.factByID[id]; {
			case !ok:
				l.add(sourcesFile, "source "+s.ID, "gist names unknown fact %q", id)
			case f.Cite.Doc != s.ID:
				l.add(sourcesFile, "source "+s.ID, "gist fact %q cites %s, not this source", id, f.Cite.Doc)
			}
		}
	}
}

func (l *loader) checkEntity(b *Base, file string, i int, e *Entity, entityFile map[string]string) {
	if e == nil || e.ID == "" {
		l.add(file, fmt.Sprintf("entity %d", i+1), "missing id")
		return
	}
	entry := "entity " + e.ID
	if prev, dup := entityFile[e.ID]; dup {
		l.add(file, entry, "duplicate id (also in %s)", prev)
		return
	}
	entityFile[e.ID] = file
	if e.Name == "" {
		l.add(file, entry, "missing name")
	}
	if !entityKinds[e.Kind] {
		l.add(file, entry, "unknown kind %q", e.Kind)
	}
	if strings.TrimSpace(e.Summary) == "" {
		l.add(file, entry, "missing summary")
	}
	if e.Pronoun != "" && !(e.Pronoun == "she" && e.Kind == KindPerson || e.Pronoun == "they" && (e.Kind == KindGroup || e.Kind == KindConcept)) {
		l.add(file, entry, "pronoun %q: only \"she\", of a person, or \"they\", of a group or a people", e.Pronoun)
	}
	b.entities = append(b.entities, e)
	b.entityByID[e.ID] = e
}

// checkWithin reports a place said to be within something that is not a
// known place, or within itself by a chain of places.
func (l *loader) checkWithin(b *Base, entityFile map[string]string) {
	for _, e := range b.entities {
		if e.Within == "" {
			continue
		}
		entry := "entity " + e.ID
		if e.Kind != KindPlace {
			l.add(entityFile[e.ID], entry, "within %q, but it is not a place", e.Within)
			continue
		}
		seen := map[string]bool{e.ID: true}
		for id := e.Within; id != ""; {
			c := b.entityByID[id]
			if c == nil || c.Kind != KindPlace {
				l.add(entityFile[e.ID], entry, "within %q, which is not a known place", id)
				break
			}
			if seen[id] {
				l.add(entityFile[e.ID], entry, "within itself by way of %q", id)
				break
			}
			seen[id] = true
			id = c.Within
		}
	}
}

// checkUntagged reports the entities no fact is tagged with: a question
// naming one could only be declined, and its name, linked, would count
// against every fact that answers.
func (l *loader) checkUntagged(b *Base, entityFile map[string]string) {
	tagged := map[string]bool{}
	for _, f := range b.facts {
		for _, id := range f.Entities {
			tagged[id] = true
		}
	}
	for _, e := range b.entities {
		if !tagged[e.ID] {
			l.add(entityFile[e.ID], "entity "+e.ID, "no fact is tagged with it")
		}
	}
}

func (l *loader) checkFact(b *Base, file string, i int, f *Fact) {
	if f == nil || f.ID == "" {
		l.add(file, fmt.Sprintf("fact %d", i+1), "missing id")
		return
	}
	entry := "fact " + f.ID
	if prev, dup := b.factByID[f.ID]; dup {
		l.add(file, entry, "duplicate id (also in %s)", prev.file)
		return
	}
	f.file = file
	f.Text = strings.Join(strings.Fields(f.Text), " ")
	if f.Text == "" {
		l.add(file, entry, "missing text")
	}
	if !factTypes[f.Type] {
		l.add(file, entry, "unknown type %q", f.Type)
	}
	if len(f.Entities) == 0 {
		l.add(file, entry, "names no entities")
	}
	for _, id := range f.Entities {
		if _, ok := b.entityByID[id]; !ok {
			l.add(file, entry, "unknown entity %q", id)
		}
	}
	d, err := ParseDate(f.RawDate)
	if err != nil {
		l.add(file, entry, "%v", err)
	}
	f.Date = d
	switch src, ok := b.sources[f.Cite.Doc]; {
	case f.Cite.Doc == "":
		l.add(file, entry, "not cited (cite.doc missing)")
	case !ok:
		l.add(file, entry, "cites unknown source %q", f.Cite.Doc)
	default:
		sec, ok := src.Section(f.Cite.Section)
		if !ok {
			l.add(file, entry, "cites unknown section %q of %s", f.Cite.Section, f.Cite.Doc)
		}
		t := strings.ToLower(sec.Title)
		f.Meta = strings.Contains(t, "bibliography") || strings.Contains(t, "endnotes")
	}
	if strings.TrimSpace(f.Cite.Anchor) == "" {
		l.add(file, entry, "citation has no anchor phrase")
	}
	if msg := checkQuote(f.Cite); msg != "" {
		l.add(file, entry, "%s", msg)
	}
	if f.Type == TypeList && len(f.Items) == 0 {
		l.add(file, entry, "list fact has no items")
	}
	if f.Role != nil {
		l.checkRole(b, file, entry, f)
	}
	if f.AsOf, err = ParseDate(f.RawAsOf); err != nil {
		l.add(file, entry, "as_of: %v", err)
	}
	switch {
	case f.RawAsOf != "" && f.Type != TypeRole:
		l.add(file, entry, "as_of given for a fact of type %s", f.Type)
	case f.Type == TypeRole && f.RawAsOf == "" && !f.Former():
		l.add(file, entry, "role fact has no as_of (the date its source shows the post held) and is not marked former")
	}
	l.checkQuestions(file, entry, f)
	b.facts = append(b.facts, f)
	b.factByID[f.ID] = f
}

// checkRole checks a role fact's post: the fact is a role fact about a
// person, the post's title is worded as in the text, it belongs to a known
// entity, and its dates parse and run forwards.
func (l *loader) checkRole(b *Base, file, entry string, f *Fact) {
	r := f.Role
	if f.Type != TypeRole {
		l.add(file, entry, "role given for a fact of type %s", f.Type)
	}
	if len(f.Entities) > 0 {
		if e := b.entityByID[f.Entities[0]]; e != nil && e.Kind != KindPerson {
			l.add(file, entry, "role held by %s, a %s, not a person", e.ID, e.Kind)
		}
	}
	text := " " + strings.Join(f.textWords(), " ") + " "
	if r.Title == "" {
		l.add(file, entry, "role has no title")
	} else if t := strings.Join(tokenize(r.Title), " "); !strings.Contains(text, " "+t+" ") {
		l.add(file, entry, "role title %q is not worded so in the text", r.Title)
	}
	if _, ok := b.entityByID[r.Of]; !ok {
		l.add(file, entry, "role of unknown entity %q", r.Of)
	}
	var err error
	if r.From, err = ParseDate(r.RawFrom); err != nil {
		l.add(file, entry, "role from: %v", err)
	}
	if r.To, err = ParseDate(r.RawTo); err != nil {
		l.add(file, entry, "role to: %v", err)
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Start.Key() < r.From.Start.Key() {
		l.add(file, entry, "role ends (%s) before it begins (%s)", r.RawTo, r.RawFrom)
	}
}

func (l *loader) checkConflict(b *Base, i int, c *Conflict) {
	if c == nil || c.ID == "" {
		l.add(conflictsFile, fmt.Sprintf("conflict %d", i+1), "missing id")
		return
	}
	entry := "conflict " + c.ID
	if _, dup := b.conflictByID[c.ID]; dup {
		l.add(conflictsFile, entry, "duplicate id")
		return
	}
	if c.Kind != "" && c.Kind != "distinct" {
		l.add(conflictsFile, entry, "unknown kind %q (want distinct or nothing)", c.Kind)
	}
	if len(c.Facts) < 2 {
		l.add(conflictsFile, entry, "needs at least two facts")
	}
	for _, id := range c.Facts {
		f, ok := b.factByID[id]
		switch {
		case !ok:
			l.add(conflictsFile, entry, "unknown fact %q", id)
		case f.Conflict != "":
			l.add(conflictsFile, entry, "fact %q is already in conflict %q", id, f.Conflict)
		default:
			f.Conflict = c.ID
		}
	}
	b.conflicts = append(b.conflicts, c)
	b.conflictByID[c.ID] = c
}

// Stats counts the pack's sources, entities, facts and conflicts.
func (b *Base) Stats() Stats {
	return Stats{Sources: len(b.srcOrder), Entities: len(b.entities), Facts: len(b.facts), Conflicts: len(b.conflicts)}
}

// Sources returns the source records in pack order.
func (b *Base) Sources() []*Source { return b.srcOrder }

// Source returns the source with the given id.
func (b *Base) Source(id string) (*Source, bool) {
	s, ok := b.sources[id]
	return s, ok
}

// Entity returns the entity with the given id.
func (b *Base) Entity(id string) (*Entity, bool) {
	e, ok := b.entityByID[id]
	return e, ok
}

// Fact returns the fact with the given id.
func (b *Base) Fact(id string) (*Fact, bool) {
	f, ok := b.factByID[id]
	return f, ok
}

// Facts returns every fact in pack order.
func (b *Base) Facts() []*Fact { return b.facts }

// Entities returns every entity in pack order.
func (b *Base) Entities() []*Entity { return b.entities }

// Conflict returns the conflict with the given id.
func (b *Base) Conflict(id string) (*Conflict, bool) {
	c, ok := b.conflictByID[id]
	return c, ok
}

// Limits on a fact's alternate questions.
const (
	maxQuestions     = 6  // alternate questions per fact
	maxQuestionWords = 25 // words in one alternate question
)

func (l *loader) checkQuestions(file, entry string, f *Fact) {
	if len(f.Questions) > maxQuestions {
		l.add(file, entry, "%d alternate questions (at most %d)", len(f.Questions), maxQuestions)
	}
	seen := map[string]bool{}
	l.checkQuestionList(file, entry, f.Questions, seen)
	if o := f.Open; o != nil {
		switch {
		case strings.TrimSpace(o.Part) == "":
			l.add(file, entry, "open: no part (what the sources do not say)")
		case len(o.Questions) == 0 || len(o.Questions) > maxQuestions:
			l.add(file, entry, "open: %d questions (want 1 to %d)", len(o.Questions), maxQuestions)
		}
		l.checkQuestionList(file, entry, o.Questions, seen)
	}
}

// checkQuestionList tidies a fact's questions and reports one too short,
// too long, or given twice (seen holds those already given).
func (l *loader) checkQuestionList(file, entry string, qs []string, seen map[string]bool) {
	for i, q := range qs {
		q = strings.Join(strings.Fields(q), " ")
		qs[i] = q
		n := len(strings.Fields(q))
		switch key := strings.Join(tokenize(Normalize(q)), " "); {
		case n < 2 || n > maxQuestionWords:
			l.add(file, entry, "alternate question %q has %d words (want 2 to %d)", q, n, maxQuestionWords)
		case seen[key]:
			l.add(file, entry, "alternate question %q given twice", q)
		default:
			seen[key] = true
		}
	}
}
