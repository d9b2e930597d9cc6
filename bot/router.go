package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/durandbot/durand/knowledge"
)

// Router turns messages into responses. It is safe for concurrent use.
type Router struct {
	kb     atomic.Pointer[knowledge.Base]
	log    *slog.Logger
	digest *DigestSettings // nil: digest commands are off
	opts   Options
	limits *limiter // every message, per user
	// settings limits changes to channel settings (digest on/off) per
	// user, more strictly: each one writes to the store.
	settings *limiter
	// completes limits each user's autocompletes, apart from questions.
	completes *limiter
	feedback  *FeedbackSettings     // nil: votes and declined questions are not kept
	conv      *ConversationSettings // nil: every message stands alone
}

// CompletionsPerQuestion is how many autocompletes a user may ask for per
// question the rate limit allows, a minute: the client asks again each
// time the user pauses while typing, several times per question.
const CompletionsPerQuestion = 10

// settingsPerMinute is how many digest changes (on, off, a new time) one
// user may make a minute, when messages are limited at all: enough to set
// a channel up and correct a typo, and far from the thousands of store
// writes a second a script could otherwise cause.
const settingsPerMinute = 3

// Options tune a Router; the zero value limits nothing and logs no text.
type Options struct {
	// RatePerMinute is how many messages — questions and commands — one
	// user may send a minute (a token bucket with that burst); 0 is
	// unlimited. Changes to a channel's digest are limited further, to
	// settingsPerMinute (or RatePerMinute, if less).
	RatePerMinute int
	// MaxInput is the longest message accepted, in characters; 1,000 when 0.
	MaxInput int
	// LogQuestions puts the question's text in the log line; off, only
	// its length is logged.
	LogQuestions bool
	// Observe, when set, is told each question's platform, outcome
	// (answered, declined, limited, refused, error) and latency.
	Observe func(platform, outcome string, latency time.Duration)
	// Now is the clock for the rate limit; time.Now when nil.
	Now func() time.Time
}

// NewRouter returns a Router answering from kb. A nil logger discards.
func NewRouter(kb *knowledge.Base, log *slog.Logger) *Router {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Router{log: log}
	r.kb.Store(kb)
	r.SetOptions(Options{})
	return r
}

// SetOptions sets the rate limit, the input limit, logging and metrics.
// Call it before serving.
func (r *Router) SetOptions(o Options) {
	if o.MaxInput <= 0 {
		o.MaxInput = 1000
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	r.opts = o
	r.limits = newLimiter(o.RatePerMinute, o.Now)
	r.settings = newLimiter(min(o.RatePerMinute, settingsPerMinute), o.Now)
	r.completes = newLimiter(o.RatePerMinute*CompletionsPerQuestion, o.Now)
}

// Base returns the pack the Router answers from.
func (r *Router) Base() *knowledge.Base { return r.kb.Load() }

// SetBase swaps in a newly loaded pack; questions already being answered
// finish on the old one.
func (r *Router) SetBase(kb *knowledge.Base) { r.kb.Store(kb) }

// helpLines describes the commands, for every platform.
func helpLines() []string {
	return []string{
		"Ask me anything about Pakistan–Afghanistan relations, 2021–2024: who is Asif Durrani, when did Torkham close, how many Afghans were deported.",
		"timeline <topic or period> — dated events in order, e.g. timeline TTP, timeline September 2023",
		"sources — the documents I answer from; after an answer, the words it rests on (documents lists them all)",
		"about — what I am and what I know",
		"digest on 08:00 Asia/Karachi · digest off · digest status — a daily digest in this channel",
		"gaps — for curators: the questions I answered badly or not at all, the last 30 days",
		"help — this message",
	}
}

// Handle answers one message. It never panics: a failure becomes a short
// error response and a log line.
func (r *Router) Handle(ctx context.Context, m Message) (resp Response) {
	start := r.opts.Now()
	outcome := ""
	defer func() {
		if p := recover(); p != nil {
			r.log.ErrorContext(ctx, "handler panic", "platform", m.Platform, "channel", m.Channel, "panic", fmt.Sprint(p))
			resp = Response{Kind: KindError, Lead: "Sorry, something went wrong answering that. Please try again."}
			outcome = "error"
		}
		if outcome != "" {
			r.record(ctx, m, resp, outcome, r.opts.Now().Sub(start))
		}
	}()
	if !r.limits.allow(userKey(m)) {
		outcome = "limited"
		return Response{Kind: KindInfo, Lead: fmt.Sprintf("You're asking faster than I can keep up with (%d questions a minute); please try again in a little while.", r.opts.RatePerMinute)}
	}
	if n := utf8.RuneCountInString(m.Text); n > r.opts.MaxInput {
		outcome = "refused"
		return Response{Kind: KindInfo, Lead: fmt.Sprintf("That's too long for me (%d characters): please ask in under %d.", n, r.opts.MaxInput)}
	}
	text := knowledge.Normalize(m.Text)
	cmd, arg, _ := strings.Cut(text, " ")
	arg = strings.TrimSpace(arg)
	switch strings.Trim(cmd, "!/?.") {
	case "", "help", "commands", "usage":
		if arg == "" {
			return r.help()
		}
	case "sources", "source", "docs", "documents", "bibliography":
		if arg == "" {
			if c := r.loadContext(ctx, m); len(c.Facts) > 0 && strings.HasPrefix(cmd, "source") {
				// In a conversation, the last answer's sources and quotes.
				return r.questionIn(ctx, m, c, m.Text, &outcome)
			}
			return r.sources()
		}
	case "about", "version":
		if arg == "" {
			return r.about()
		}
	case "digest":
		return r.digestCommand(ctx, m)
	case "gaps":
		if arg == "" {
			return r.gapsCommand(ctx, m)
		}
	case "timeline", "chronology":
		if arg == "" {
			return Response{Kind: KindHelp, Lead: "Tell me what the timeline is of: a topic or a period.",
				Lines: []string{"e.g. timeline TTP, timeline September 2023, timeline 1994-1998"}}
		}
		return r.question(ctx, m, "timeline "+arg, &outcome)
	}
	return r.question(ctx, m, m.Text, &outcome)
}

// userKey identifies m's sender for the rate limits.
func userKey(m Message) string { return m.Platform + "\x00" + m.User }

// question answers q, asked in m, and notes the outcome for the log and
// metrics; a declined question is kept for the curators' gaps report.
func (r *Router) question(ctx context.Context, m Message, q string, outcome *string) Response {
	return r.questionIn(ctx, m, r.loadContext(ctx, m), q, outcome)
}

// questionIn is question with m's conversation context c already loaded.
func (r *Router) questionIn(ctx context.Context, m Message, c knowledge.Context, q string, outcome *string) Response {
	var a knowledge.Answer
	if r.conversationKey(m) != "" {
		var next knowledge.Context
		a, next = r.Base().AnswerIn(c, q)
		r.saveContext(ctx, m, next)
	} else {
		a = r.Base().Answer(q)
	}
	resp, ref := r.respond(q, a)
	if a.MoreHint {
		resp.MoreHint = moreHint(a.More, m.MentionsNeeded)
	}
	*outcome = "answered"
	if resp.Kind == KindDecline {
		*outcome = "declined"
		r.keep(ctx, m, Feedback{Question: ref.Question, Facts: ref.Facts, Confidence: ref.Confidence, Rating: RatingDeclined})
	}
	return resp
}

// moreHint says how to see the next of more entries left out: by saying
// "more", or, where durand hears only mentions (a Slack thread), by
// mentioning it with "more".
func moreHint(more int, mention bool) string {
	say := "say"
	if mention {
		say = "mention me with"
	}
	return say + " “more” for the next " + strconv.Itoa(min(more, knowledge.TimelineCap))
}

// record writes the question's log line and tells the observer.
func (r *Router) record(ctx context.Context, m Message, resp Response, outcome string, d time.Duration) {
	attrs := []any{"platform", m.Platform, "channel", m.Channel, "outcome", outcome,
		"latency_ms", float64(d.Microseconds()) / 1000, "entity", resp.Entity, "confidence", resp.Confidence}
	if r.opts.LogQuestions {
		attrs = append(attrs, "text", m.Text)
	} else {
		attrs = append(attrs, "chars", utf8.RuneCountInString(m.Text))
	}
	r.log.InfoContext(ctx, "question", attrs...)
	if r.opts.Observe != nil {
		r.opts.Observe(m.Platform, outcome, d)
	}
}

// ask answers a question from the pack; ref is what a vote on the answer,
// or the record of a decline, keeps of it.
func (r *Router) ask(q string) (resp Response, ref *AnswerRef) {
	return r.respond(q, r.Base().Answer(q))
}

// respond turns a's answer to q into a Response, and the reference a vote
// on it keeps: a follow-up is kept as the question it was read as.
func (r *Router) respond(q string, a knowledge.Answer) (resp Response, ref *AnswerRef) {
	if a.Resolved != "" {
		q = a.Resolved
	}
	ref = refOf(q, a)
	resp = Response{Confidence: a.Confidence, Suggestions: a.Suggestions, More: a.More}
	if len(a.Entities) > 0 {
		resp.Entity = a.Entities[0].ID
	}
	switch {
	case a.Reply:
		resp.Kind = KindInfo
		if len(a.Lines) > 0 {
			resp.Lead = a.Lines[0]
		}
		return resp, nil
	case !a.Answered:
		resp.Kind = KindDecline
	case a.Intent == knowledge.IntentTimeline:
		resp.Kind = KindTimeline
	default:
		resp.Kind = KindAnswer
	}
	if len(a.Lines) > 0 {
		resp.Lead, resp.Lines = a.Lines[0], a.Lines[1:]
	}
	if resp.Kind == KindDecline {
		// The suggestions travel on their own; what the sources do say
		// about the thing asked stays, so its cited source has its line.
		var keep []string
		for _, l := range resp.Lines {
			if strings.HasPrefix(l, knowledge.NearestText) {
				keep = append(keep, l)
			}
		}
		resp.Lines = keep
	}
	for _, s := range a.Sources {
		resp.Sources = append(resp.Sources, Source(s))
	}
	if resp.Kind != KindDecline {
		resp.Answer = ref
	}
	return resp, ref
}

// Answer answers question from the pack as Handle answers a question, but
// with no side effect: no rate limit, no log line, no metrics and no
// record of a decline. Adapters use it to redraw an answer they showed
// before, such as a voter's own copy with the thanks in place of its
// vote buttons.
func (r *Router) Answer(question string) Response {
	resp, _ := r.ask(question)
	return resp
}

// Complete offers up to n questions matching what m's user has typed so
// far (m.Text), for autocomplete. Past the user's autocomplete limit
// (CompletionsPerQuestion times RatePerMinute a minute), or past the input
// limit, it offers none, at once.
func (r *Router) Complete(m Message, n int) []string {
	if utf8.RuneCountInString(m.Text) > r.opts.MaxInput || !r.completes.allow(m.Platform+"\x00"+m.User) {
		return nil
	}
	return r.Base().Complete(m.Text, n)
}

func (r *Router) help() Response {
	h := helpLines()
	return Response{Kind: KindHelp, Lead: h[0], Lines: h[1:]}
}

func (r *Router) sources() Response {
	resp := Response{Kind: KindInfo, Lead: "I answer from these documents:"}
	for _, s := range r.Base().Sources() {
		line := s.ShownTitle()
		if s.Author != "" {
			line += ", by " + s.Author
		}
		if s.Outlet != "" {
			line += " (" + s.Outlet + ")"
		}
		if d := s.Date.String(); d != "" {
			line += ", " + d
		}
		// Say what the document itself does not: a supplied title, no
		// author, an inferred date.
		var notes []string
		if s.TitleNote != "" {
			notes = append(notes, "title ours")
		}
		if s.Author == "" && s.AuthorNote != "" {
			notes = append(notes, "no author named")
		}
		if s.DateNote != "" {
			notes = append(notes, "date inferred")
		}
		if s.URL != "" {
			line += " " + s.URL
		} else if s.URLNote != "" {
			notes = append(notes, "no address given")
		}
		if len(notes) > 0 {
			line += " (" + strings.Join(notes, "; ") + ")"
		}
		resp.Lines = append(resp.Lines, line)
	}
	return resp
}

func (r *Router) about() Response {
	st := r.Base().Stats()
	return Response{Kind: KindInfo,
		Lead:  "durand answers questions about Pakistan–Afghanistan relations from a curated knowledge pack, citing the source of every answer. It declines rather than guess.",
		Lines: []string{fmt.Sprintf("The pack holds %d facts about %d people, groups, places and events, drawn from %d documents.", st.Facts, st.Entities, st.Sources)},
	}
}
