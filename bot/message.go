package bot

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Message is one chat message addressed to the bot, from any platform.
type Message struct {
	Platform string // "slack", "discord", "console"
	Channel  string
	User     string
	Text     string // as typed, mentions included
	Thread   string // the thread to answer in, if any
	// Conversation names the conversation the message belongs to — a
	// Slack thread or DM, a Discord reply chain or DM, a terminal
	// session — so that a follow-up is read against the turns before it;
	// empty when the message stands alone.
	Conversation string
	// Follows, when set, names the conversation the message continues,
	// kept under another key: a Discord reply is its own message, and
	// continues the conversation of the question durand's answer replied
	// to. The message's turn is then kept under Conversation.
	Follows string
	// MentionsNeeded says durand hears a follow-up here only when it is
	// mentioned (a Slack thread), so that hints say "mention me with".
	MentionsNeeded bool
	// Manager says the sender may change channel settings (the digest);
	// ManagerHint says who may, for the refusal: "users listed in
	// DURAND_ADMINS", "members with Manage Channels".
	Manager     bool
	ManagerHint string
	// Curator says the sender may read the curators' gaps report, which
	// holds every channel's declined questions and comments: a Slack user
	// listed in DURAND_ADMINS, a Discord member with Manage Channels in a
	// server — never anyone in a DM. CuratorHint says who may, for the
	// refusal.
	Curator     bool
	CuratorHint string
	// DigestHint says what becomes of a digest subscription where the
	// platform posts none, for the reply that confirms it: the terminal
	// keeps it in memory and prints nothing unasked.
	DigestHint string
}

// Kind says what a Response is.
type Kind int

// The kinds of Response.
const (
	KindAnswer   Kind = iota // a direct answer from the pack
	KindTimeline             // dated entries in order
	KindDecline              // the pack does not cover the question
	KindHelp                 // how to use durand
	KindInfo                 // sources, about
	KindError                // something went wrong; Lead says what the user may do
)

var kindNames = [...]string{"answer", "timeline", "decline", "help", "info", "error"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Response is the bot's reply, free of any platform's markup: adapters
// escape and render it.
type Response struct {
	Kind        Kind
	Lead        string   // the direct answer or the main line
	Lines       []string // supporting facts, timeline entries, help lines
	More        int      // entries left out of a timeline
	MoreHint    string   // how to see them, in a conversation: "say “more” for the next 6"
	Sources     []Source
	Suggestions []string // questions to ask instead, as buttons or hints
	Confidence  float64
	Entity      string  // the main entity matched, for logs
	Digest      *Digest // a digest preview: adapters render it as they render digests
	// Answer is set on answers (not declines, help or info): what a vote
	// on this answer keeps. Adapters put it in their 👍/👎 buttons.
	Answer *AnswerRef
}

// Source is a cited document and the part of it an answer came from.
type Source struct {
	Doc     string // the source id: the document's file name
	Title   string // as shown: a title we supplied is in square brackets
	Author  string
	Section string
	Quote   string // the document's words the fact rests on; empty in digests
	URL     string // the document's own address, where it gives one
}

// MoreLine says how many entries were left out, and how to see them where
// the conversation can: "…and 7 more — say “more” for the next 6"; empty
// when none were.
func (r Response) MoreLine() string {
	if r.More <= 0 {
		return ""
	}
	s := "…and " + strconv.Itoa(r.More) + " more"
	if r.MoreHint != "" {
		s += " — " + r.MoreHint
	}
	return s
}

// Line names the source as plain text shows it: "Title — Author, Section",
// leaving out what is empty, then its address where it has one.
func (s Source) Line() string {
	line := s.Title
	if s.Author != "" {
		line += " — " + s.Author
	}
	if s.Section != "" {
		line += ", " + s.Section
	}
	if s.URL != "" {
		line += " <" + s.URL + ">"
	}
	return line
}

// QuoteLine is the source's quote as every rendering shows it under the
// source: in quotation marks, with "…" where it begins or ends inside a
// sentence. It is empty when the source has no quote.
func (s Source) QuoteLine() string {
	q := strings.Join(strings.Fields(s.Quote), " ")
	if q == "" {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(q); unicode.IsLower(r) {
		q = "…" + q
	}
	end := strings.TrimRight(q, `"'”’)]`)
	if r, _ := utf8.DecodeLastRuneInString(end); !strings.ContainsRune(".?!…", r) {
		q = strings.TrimRight(q, ",;:") + "…"
	}
	return "“" + q + "”"
}

// Cited is a source as renderings list it: a document and section, then the
// quotes of the facts that cite it, in answer order.
type Cited struct {
	Source
	Quotes []string // QuoteLine of each source
}

// Group merges the sources that name the same document, section and
// address into one Cited each, in order of first mention, so a section two
// facts cite is named once above both quotes.
func Group(sources []Source) []Cited {
	var out []Cited
	at := map[string]int{}
	for _, s := range sources {
		key := s.Line()
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			c := Cited{Source: s}
			c.Quote = ""
			out = append(out, c)
		}
		if q := s.QuoteLine(); q != "" && !slices.Contains(out[i].Quotes, q) {
			out[i].Quotes = append(out[i].Quotes, q)
		}
	}
	return out
}

// Text renders the response as plain text, one line per element, the way
// the console shows it.
func (r Response) Text() string {
	s := r.Lead
	for _, l := range r.Lines {
		s += "\n" + l
	}
	return s
}

// Digest is one channel's digest for one local day, free of any platform's
// markup.
type Digest struct {
	Date     string // YYYY-MM-DD, the local date it is for
	Title    string
	Sections []DigestSection
	Sources  []Source
}

// DigestSection is one part of a digest: on this day, fact of the day, a
// focus, new in the pack.
type DigestSection struct {
	Heading string
	Lines   []string
}

// Text renders the digest as plain text, the way the console prints it.
func (d Digest) Text() string {
	s := d.Title
	for _, sec := range d.Sections {
		s += "\n\n" + sec.Heading
		for _, l := range sec.Lines {
			s += "\n  • " + l
		}
	}
	if len(d.Sources) > 0 {
		s += "\n\nSources:"
		for _, src := range d.Sources {
			s += "\n  " + src.Line()
		}
	}
	return s
}
