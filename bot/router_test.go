package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
	"github.com/durandbot/durand/seeds"
)

var packBase = sync.OnceValues(func() (*knowledge.Base, error) { return knowledge.Load(seeds.FS()) })

func newRouter(t *testing.T) *bot.Router {
	t.Helper()
	kb, err := packBase()
	if err != nil {
		t.Fatal(err)
	}
	return bot.NewRouter(kb, nil)
}

func TestRouterCommands(t *testing.T) {
	r := newRouter(t)
	tests := []struct {
		text string
		kind bot.Kind
		lead string // a substring of the lead
	}{
		{"", bot.KindHelp, "Ask me anything"},
		{"<@U123>", bot.KindHelp, "Ask me anything"},
		{"help", bot.KindHelp, "Ask me anything"},
		{"HELP!", bot.KindHelp, "Ask me anything"},
		{"sources", bot.KindInfo, "documents"},
		{"about", bot.KindInfo, "durand answers"},
		{"timeline", bot.KindHelp, "timeline is of"},
		{"timeline september 2023", bot.KindTimeline, "2023"},
		{"@durand who is asif durrani", bot.KindAnswer, "special representative"},
		{"who won the cricket world cup", bot.KindDecline, knowledge.DeclineText},
		{"help me understand the ttp", bot.KindAnswer, "T"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			resp := r.Handle(context.Background(), bot.Message{Platform: "test", Text: tt.text})
			if resp.Kind != tt.kind {
				t.Errorf("kind = %v, want %v (lead %q)", resp.Kind, tt.kind, resp.Lead)
			}
			if !strings.Contains(resp.Lead, tt.lead) {
				t.Errorf("lead = %q, want it to contain %q", resp.Lead, tt.lead)
			}
		})
	}
}

func TestRouterAnswerCarriesSources(t *testing.T) {
	resp := newRouter(t).Handle(context.Background(), bot.Message{Text: "when was the mastung bombing"})
	if resp.Kind != bot.KindAnswer || len(resp.Sources) == 0 || resp.Sources[0].Title == "" || resp.Entity == "" {
		t.Errorf("response = %+v", resp)
	}
}

// TestRouterDeclineSaysWhatIsKnown: a decline about a known thing keeps the
// line that says what the sources do say, so the source it cites has its
// statement; the suggestions travel on their own.
func TestRouterDeclineSaysWhatIsKnown(t *testing.T) {
	resp := newRouter(t).Handle(context.Background(), bot.Message{Text: "when did torkham reopen"})
	if resp.Kind != bot.KindDecline || len(resp.Lines) != 1 || !strings.HasPrefix(resp.Lines[0], knowledge.NearestText) || len(resp.Sources) != 1 || len(resp.Suggestions) == 0 {
		t.Errorf("response = %+v; want a decline with what the sources say, its source and suggestions", resp)
	}
	for _, l := range resp.Lines {
		if strings.Contains(l, "You could ask") {
			t.Errorf("suggestions repeated in the lines: %q", l)
		}
	}
}

func TestRouterDeclineSuggests(t *testing.T) {
	resp := newRouter(t).Handle(context.Background(), bot.Message{Text: "what is the population of afghanistan"})
	if resp.Kind != bot.KindDecline || len(resp.Suggestions) == 0 || len(resp.Lines) != 0 {
		t.Errorf("response = %+v; want a decline with suggestions and no lines", resp)
	}
}

// TestRouterRecovers checks that a failure inside answering becomes a short
// error reply and a log line, never a crash.
func TestRouterRecovers(t *testing.T) {
	var logs bytes.Buffer
	r := bot.NewRouter(nil, slog.New(slog.NewTextHandler(&logs, nil))) // no pack: answering panics
	resp := r.Handle(context.Background(), bot.Message{Platform: "test", Channel: "C1", Text: "who is asif durrani"})
	if resp.Kind != bot.KindError || resp.Lead == "" {
		t.Errorf("response = %+v, want a short error", resp)
	}
	if !strings.Contains(logs.String(), "handler panic") || !strings.Contains(logs.String(), "channel=C1") {
		t.Errorf("log = %q", logs.String())
	}
}

// TestCompleteLimits checks autocomplete's limits: CompletionsPerQuestion
// times the question rate per user and platform, and the input limit.
func TestCompleteLimits(t *testing.T) {
	r := newRouter(t)
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	r.SetOptions(bot.Options{RatePerMinute: 1, MaxInput: 10, Now: func() time.Time { return now }})
	m := bot.Message{Platform: "discord", User: "U1", Text: "durr"}
	for i := range bot.CompletionsPerQuestion {
		if len(r.Complete(m, 5)) == 0 {
			t.Fatalf("autocomplete %d of %d got nothing", i+1, bot.CompletionsPerQuestion)
		}
	}
	tests := []struct {
		name string
		m    bot.Message
		want bool // some completions
	}{
		{"over the limit", m, false},
		{"another user", bot.Message{Platform: "discord", User: "U2", Text: "durr"}, true},
		{"the same id on another platform", bot.Message{Platform: "slack", User: "U1", Text: "durr"}, true},
		{"over the input limit", bot.Message{Platform: "discord", User: "U3", Text: "asif durrani"}, false},
	}
	for _, tt := range tests {
		if got := len(r.Complete(tt.m, 5)) > 0; got != tt.want {
			t.Errorf("%s: completions %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSourcesSayWhatIsOurs: the sources command marks a title we supplied
// with square brackets and says what a document does not state itself.
func TestSourcesSayWhatIsOurs(t *testing.T) {
	resp := newRouter(t).Handle(context.Background(), bot.Message{Platform: "console", Channel: "c", User: "u", Text: "sources"})
	text := strings.Join(resp.Lines, "\n")
	for _, want := range []string{
		"[Pakistan's hard line on the Taliban and the expulsion of Afghan refugees], 2023 (title ours; no author named; date inferred; no address given)",
		"Pakistan's Viewpoint of Afghanistan, by Imtiaz Gul",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("sources lack %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "[Pakistan's Viewpoint") {
		t.Errorf("a document's own title is bracketed:\n%s", text)
	}
}

// TestSourceQuotes: a quote is shown in quotation marks with "…" where it
// begins or ends inside a sentence, and sources naming the same section are
// grouped under one line, each quote once.
func TestSourceQuotes(t *testing.T) {
	for _, tt := range []struct{ quote, want string }{
		{"The border was closed.", "“The border was closed.”"},
		{"the border was closed,", "“…the border was closed…”"},
		{"He said “no.”", "“He said “no.””"},
		{"  Date\n April 2024 ", "“Date April 2024…”"},
		{"", ""},
	} {
		if got := (bot.Source{Quote: tt.quote}).QuoteLine(); got != tt.want {
			t.Errorf("QuoteLine(%q) = %q, want %q", tt.quote, got, tt.want)
		}
	}
	a := bot.Source{Doc: "a.txt", Title: "A", Section: "1", Quote: "One claim."}
	b := bot.Source{Doc: "b.txt", Title: "[B]", Section: "¶2", Quote: "Another claim."}
	a2, a3 := a, a
	a2.Quote = "A second claim."
	got := bot.Group([]bot.Source{a, b, a2, a3})
	if len(got) != 2 || got[0].Line() != "A, 1" || strings.Join(got[0].Quotes, "|") != "“One claim.”|“A second claim.”" ||
		got[1].Line() != "[B], ¶2" || len(got[1].Quotes) != 1 {
		t.Errorf("Group = %+v", got)
	}
	if l := (bot.Source{Title: "T", Author: "W", Section: "§1", URL: "https://example.org/t"}).Line(); l != "T — W, §1 <https://example.org/t>" {
		t.Errorf("Line = %q", l)
	}
}

// TestCurrentHolderOnEveryPlatform: a question about who holds a post now
// is answered from the newest holder, dated, whichever platform asks.
func TestCurrentHolderOnEveryPlatform(t *testing.T) {
	r := newRouter(t)
	for _, p := range []string{"slack", "discord", "console"} {
		resp := r.Handle(context.Background(), bot.Message{Platform: p, Channel: "c", User: "u", Text: "who is the current prime minister of pakistan?"})
		if resp.Kind != bot.KindAnswer || !strings.Contains(resp.Lead, "Kakar") || !strings.Contains(resp.Lead, "October 2023") || strings.Contains(resp.Text(), "Imran") {
			t.Errorf("%s: %s %q, want Kakar as of October 2023 and not Imran Khan", p, resp.Kind, resp.Text())
		}
	}
}
