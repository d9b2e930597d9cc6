package knowledge

import (
	"strconv"
	"strings"
)

// Source is the bibliographic record of one source document.
type Source struct {
	ID         string `yaml:"id"` // the document's file name
	Title      string `yaml:"title"`
	TitleNote  string `yaml:"title_note"`
	Author     string `yaml:"author"`
	AuthorNote string `yaml:"author_note"`
	Outlet     string `yaml:"outlet"`
	OutletNote string `yaml:"outlet_note"`
	Kind       string `yaml:"kind"`
	RawDate    string `yaml:"date"`
	DateNote   string `yaml:"date_note"`
	// URL is the document's own address, where the document gives one;
	// URLNote says what it gives instead, where it gives none.
	URL      string    `yaml:"url"`
	URLNote  string    `yaml:"url_note"`
	Sections []Section `yaml:"sections"`
	// Gist are the facts that state what the source argues as a whole,
	// lead first: the answer to "what does Ghosh argue" or "the op-ed's
	// bottom line". Each must cite this source.
	Gist []string `yaml:"gist"`

	Date Date `yaml:"-"`
}

// Section is a citable part of a source: a numbered section, a heading or a
// paragraph.
type Section struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
}

// Section returns the section with the given id.
func (s *Source) Section(id string) (Section, bool) {
	for _, sec := range s.Sections {
		if sec.ID == id {
			return sec, true
		}
	}
	return Section{}, false
}

// Entity kinds.
const (
	KindPerson       = "person"
	KindOrganisation = "organisation"
	KindGroup        = "group"
	KindPlace        = "place"
	KindCrossing     = "crossing"
	KindOperation    = "operation"
	KindAgreement    = "agreement"
	KindEvent        = "event"
	KindConcept      = "concept"
	KindDocument     = "document"
)

var entityKinds = map[string]bool{
	KindPerson: true, KindOrganisation: true, KindGroup: true, KindPlace: true, KindCrossing: true,
	KindOperation: true, KindAgreement: true, KindEvent: true, KindConcept: true, KindDocument: true,
}

// Entity is something the sources name: a person, group, place, event,
// concept or document.
type Entity struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind"`
	Abbr    string   `yaml:"abbr"`
	Aliases []string `yaml:"aliases"`
	Summary string   `yaml:"summary"`
	// Within is, for a place, the id of the place that contains it: a
	// province's country, a town's district. Empty when not recorded.
	Within string `yaml:"within"`
	// Pronoun is, for a person, "she" when she is a woman, so that "she"
	// and "her" in a follow-up stand for her and "he" never does; for a
	// group or a people spoken of in the plural (the Taliban, the
	// Pashtuns, the Afghan refugees), "they", so that "it" stands for
	// something else and "are they affected" may stand for them. Empty for
	// everyone else.
	Pronoun string `yaml:"pronoun"`
}

// Fact types.
const (
	TypeRole       = "role"
	TypeEvent      = "event"
	TypeFigure     = "figure"
	TypeDefinition = "definition"
	TypeRelation   = "relation"
	TypeStatement  = "statement"
	TypeList       = "list"
	TypeCause      = "cause"
)

var factTypes = map[string]bool{
	TypeRole: true, TypeEvent: true, TypeFigure: true, TypeDefinition: true,
	TypeRelation: true, TypeStatement: true, TypeList: true, TypeCause: true,
}

// Fact is one claim in durand's own words, citing the source it came from.
type Fact struct {
	ID       string   `yaml:"id"`
	Text     string   `yaml:"text"`
	Type     string   `yaml:"type"`
	Entities []string `yaml:"entities"`
	RawDate  string   `yaml:"date"`
	Numbers  []Number `yaml:"numbers"`
	Items    []string `yaml:"items"`
	Cite     Citation `yaml:"cite"`
	// Questions are alternate questions the fact answers, in analysts'
	// words rather than the fact's own; questions are matched against them
	// as well as against the text, and suggestions are drawn from them.
	Questions []string `yaml:"questions"`
	// Open is what the fact's source leaves unanswered about it, when it
	// says so ("the outcome is unknown"); nil for most facts.
	Open *Open `yaml:"open"`
	// Role says, for a role fact, which post its first entity (a person)
	// held and whose post it was; nil for other facts.
	Role *Role `yaml:"role"`
	// RawAsOf is, for a role fact, the date the source shows the post held
	// — the latest dated event it shows the person in it at, or else the
	// source's own date — so an answer can say "(as of September 2023)"
	// and "who is … now" takes the newest. Every role fact not marked
	// former has one.
	RawAsOf string `yaml:"as_of"`

	Date     Date   `yaml:"-"`
	AsOf     Date   `yaml:"-"` // RawAsOf parsed
	Conflict string `yaml:"-"` // id of the conflict the fact belongs to, if any
	Meta     bool   `yaml:"-"` // cites a bibliography or endnote: a report about an event
	file     string
	words    []string // Text tokenized, set once the index is built; see textWords
}

// textWords returns the fact's text as tokenize splits it: kept from
// loading, or tokenized now for a fact no index has seen. The caller must
// not change them.
func (f *Fact) textWords() []string {
	if f.words != nil {
		return f.words
	}
	return tokenize(f.Text)
}

// Role is a post a person held, as a role fact states it: "caretaker
// prime minister" of pakistan. The person held it at the fact's date, or
// from From to To when the source says so; To is empty while it still
// held at the source's date. Former marks a post the fact says the person
// no longer holds ("former ISI chief").
type Role struct {
	Title   string `yaml:"title"`
	Of      string `yaml:"of"`
	RawFrom string `yaml:"from"`
	RawTo   string `yaml:"to"`
	Former  bool   `yaml:"former"`

	From, To Date `yaml:"-"`
}

// Former reports whether the fact's post is no longer held, as its source
// tells it: "the former ISI chief".
func (f *Fact) Former() bool { return f.Role != nil && f.Role.Former }

// Stated is the fact's sentence as answers and digests show it: a post
// still held when the source was written says as of when ("Asif Durrani is
// Pakistan's special representative on Afghanistan (as of September
// 2023)."), unless the sentence already names that date.
func (f *Fact) Stated() string {
	if f.AsOf.IsZero() || f.Former() || namesDate(f.Text, f.AsOf) {
		return f.Text
	}
	return strings.TrimSuffix(f.Text, ".") + " (as of " + f.AsOf.String() + ")."
}

// namesDate reports whether text already gives date d: in full, or its
// month and year, or, for a year, the year.
func namesDate(text string, d Date) bool {
	if strings.Contains(text, d.String()) {
		return true
	}
	if d.Precision() == DayPrecision {
		return strings.Contains(text, monthNames[d.Start.Month]+" "+strconv.Itoa(d.Start.Year))
	}
	return false
}

// Open is a question a fact raises and its source leaves unanswered: the
// fact is what the sources say on it, and asked the question, durand
// declines with the fact rather than answers.
type Open struct {
	// Part names what the sources do not say, to follow "don't say":
	// "what came of the talks".
	Part string `yaml:"part"`
	// Questions are ways an analyst asks it, matched as alternate questions
	// are.
	Questions []string `yaml:"questions"`
}

// Number is a figure a fact states.
type Number struct {
	Value float64 `yaml:"value"`
	Unit  string  `yaml:"unit"`
}

// Citation locates a fact in its source: the document, the section and a
// short phrase that occurs there verbatim.
type Citation struct {
	Doc     string `yaml:"doc"`
	Section string `yaml:"section"`
	Anchor  string `yaml:"anchor"`
	// Quote is the words of the document the fact rests on, verbatim but
	// for white space: the sentence, or the part of it, that holds the
	// anchor (MinQuoteWords to MaxQuoteWords words). Readers see it under
	// the source; `durand check --sources` verifies it.
	Quote string `yaml:"quote"`
	// Via is whom the document credits for the passage, as its in-text
	// citation gives it ("Amu TV, 2024"; see CitedAfter for which
	// citation that is). Empty when the document credits no one there.
	// internal/quotegen fills it in; `durand check --sources` verifies it.
	// "Source?" names it.
	Via string `yaml:"via"`
}

// Conflict groups facts whose sources disagree. Kind "distinct" marks two
// different things that share a name.
type Conflict struct {
	ID    string   `yaml:"id"`
	Kind  string   `yaml:"kind"`
	Topic string   `yaml:"topic"`
	Facts []string `yaml:"facts"`
}

// Stats counts what a pack holds.
type Stats struct {
	Sources, Entities, Facts, Conflicts int
}
