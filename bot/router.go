package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/durandbot/durand/knowledge"
)

// Router turns messages into responses. It is safe for concurrent use.
type Router struct {
	kb     *knowledge.Base
	log    *slog.Logger
	digest *DigestSettings // nil: digest commands are off
}

// NewRouter returns a Router answering from kb. A nil logger discards.
func NewRouter(kb *knowledge.Base, log *slog.Logger) *Router {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Router{kb: kb, log: log}
}

// helpLines describes the commands, for every platform.
var helpLines = []string{
	"Ask me anything about Pakistan–Afghanistan relations, 2021–2024: who is Asif Durrani, when did Torkham close, how many Afghans were deported.",
	"timeline <topic or period> — dated events in order, e.g. timeline TTP, timeline September 2023",
	"sources — the documents I answer from",
	"about — what I am and what I know",
	"digest on 08:00 Asia/Karachi · digest off · digest status — a daily digest in this channel",
	"help — this message",
}

// Handle answers one message. It never panics: a failure becomes a short
// error response and a log line.
func (r *Router) Handle(ctx context.Context, m Message) (resp Response) {
	defer func() {
		if p := recover(); p != nil {
			r.log.ErrorContext(ctx, "handler panic", "platform", m.Platform, "channel", m.Channel, "panic", fmt.Sprint(p))
			resp = Response{Kind: KindError, Lead: "Sorry, something went wrong answering that. Please try again."}
		}
	}()
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
			return r.sources()
		}
	case "about", "version":
		if arg == "" {
			return r.about()
		}
	case "digest":
		return r.digestCommand(ctx, m)
	case "timeline", "chronology":
		if arg == "" {
			return Response{Kind: KindHelp, Lead: "Tell me what the timeline is of: a topic or a period.",
				Lines: []string{"e.g. timeline TTP, timeline September 2023, timeline 1994-1998"}}
		}
		return r.ask("timeline " + arg)
	}
	return r.ask(m.Text)
}

// ask answers a question from the pack.
func (r *Router) ask(q string) Response {
	a := r.kb.Answer(q)
	resp := Response{Confidence: a.Confidence, Suggestions: a.Suggestions, More: a.More}
	if len(a.Entities) > 0 {
		resp.Entity = a.Entities[0].ID
	}
	switch {
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
		// The suggestions travel on their own; the lead says the rest.
		resp.Lines = nil
	}
	for _, s := range a.Sources {
		resp.Sources = append(resp.Sources, Source(s))
	}
	return resp
}

// Complete offers up to n questions matching what a user has typed, for
// autocomplete.
func (r *Router) Complete(typed string, n int) []string {
	return r.kb.Complete(typed, n)
}

func (r *Router) help() Response {
	return Response{Kind: KindHelp, Lead: helpLines[0], Lines: helpLines[1:]}
}

func (r *Router) sources() Response {
	resp := Response{Kind: KindInfo, Lead: "I answer from these documents:"}
	for _, s := range r.kb.Sources() {
		line := s.Title
		if s.Author != "" {
			line += ", by " + s.Author
		}
		if s.Outlet != "" {
			line += " (" + s.Outlet + ")"
		}
		if d := s.Date.String(); d != "" {
			line += ", " + d
		}
		resp.Lines = append(resp.Lines, line)
	}
	return resp
}

func (r *Router) about() Response {
	st := r.kb.Stats()
	return Response{Kind: KindInfo,
		Lead:  "durand answers questions about Pakistan–Afghanistan relations from a curated knowledge pack, citing the source of every answer. It declines rather than guess.",
		Lines: []string{fmt.Sprintf("The pack holds %d facts about %d people, groups, places and events, drawn from %d documents.", st.Facts, st.Entities, st.Sources)},
	}
}
