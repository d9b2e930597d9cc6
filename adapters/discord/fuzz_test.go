package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/durandbot/durand/adapters/discord/discordtest"
	"github.com/durandbot/durand/bot"
)

// sent is one REST request the adapter made, with the status it got.
type sent struct {
	method, path string
	body         []byte
	status       int
	err          error
}

// recordREST is a RoundTripper that records the adapter's REST requests on
// their way to the fake.
type recordREST struct {
	next http.RoundTripper
	mu   sync.Mutex
	reqs []sent
}

func (r *recordREST) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		req.Body.Close()
		req = req.Clone(req.Context())
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	resp, err := r.next.RoundTrip(req)
	s := sent{method: req.Method, path: req.URL.Path, body: body, err: err}
	if resp != nil {
		s.status = resp.StatusCode
	}
	r.mu.Lock()
	r.reqs = append(r.reqs, s)
	r.mu.Unlock()
	return resp, err
}

// take returns and forgets the requests recorded so far.
func (r *recordREST) take() []sent {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.reqs
	r.reqs = nil
	return out
}

// panics is a slog handler that keeps the log lines about a recovered
// panic.
type panics struct {
	mu    sync.Mutex
	lines []string
}

func (p *panics) Enabled(context.Context, slog.Level) bool { return true }
func (p *panics) WithAttrs([]slog.Attr) slog.Handler       { return p }
func (p *panics) WithGroup(string) slog.Handler            { return p }

func (p *panics) Handle(_ context.Context, r slog.Record) error {
	if !strings.Contains(strings.ToLower(r.Message), "panic") {
		return nil
	}
	line := r.Message
	r.Attrs(func(a slog.Attr) bool {
		line += " " + a.String()
		return true
	})
	p.mu.Lock()
	p.lines = append(p.lines, line)
	p.mu.Unlock()
	return nil
}

func (p *panics) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.lines
	p.lines = nil
	return out
}

// fuzzMessageID is the id of the fuzzed messages; replies refer to it.
const (
	fuzzMessageID = "500000000000000001"
	fuzzDM        = "400000000000000009"
)

// FuzzMessageContent feeds MESSAGE_CREATE events with arbitrary content
// and mentions to the adapter's handler, which answers through the fake's
// REST API. The fake refuses what Discord would (an empty message, limits
// exceeded); the reply must never ping anyone.
func FuzzMessageContent(f *testing.F) {
	fake := discordtest.NewFake(f)
	kb, err := packBase()
	if err != nil {
		f.Fatal(err)
	}
	logged := &panics{}
	a, err := New(Config{Token: testToken, APIURL: fake.APIURL(), Router: bot.NewRouter(kb, slog.New(logged)), Log: slog.New(logged)})
	if err != nil {
		f.Fatal(err)
	}
	// As after READY, without a gateway round trip per input.
	a.botID.Store(discordtest.BotUserID)
	rest := &recordREST{next: a.s.Client.Transport}
	a.s.Client.Transport = rest
	f.Cleanup(a.work.Wait)

	f.Fuzz(func(t *testing.T, content string, dm, mentionBot, fromBot bool, mentioned string) {
		m := &discordgo.Message{
			ID: fuzzMessageID, ChannelID: discordtest.ChannelID, GuildID: discordtest.GuildID, Content: content,
			Author:          &discordgo.User{ID: discordtest.UserID, Username: discordtest.UserName, Bot: fromBot},
			MentionEveryone: strings.Contains(content, "@everyone"),
		}
		if dm {
			m.ChannelID, m.GuildID = fuzzDM, ""
		}
		for _, id := range strings.Split(mentioned, ",") {
			if id != "" {
				m.Mentions = append(m.Mentions, &discordgo.User{ID: id})
			}
		}
		if mentionBot {
			m.Mentions = append(m.Mentions, &discordgo.User{ID: discordtest.BotUserID, Bot: true})
		}
		a.onMessage(a.s, &discordgo.MessageCreate{Message: m})
		a.work.Wait()
		if p := logged.take(); len(p) > 0 {
			t.Fatalf("logged:\n%s", strings.Join(p, "\n"))
		}

		addressed := dm || strings.Contains(content, "<@"+discordtest.BotUserID+">") || strings.Contains(content, "<@!"+discordtest.BotUserID+">")
		for _, u := range m.Mentions {
			addressed = addressed || u.ID == discordtest.BotUserID
		}
		reqs := rest.take()
		if want := !fromBot && addressed; want != (len(reqs) > 0) {
			t.Fatalf("addressed %v, from a bot %v: %d requests", addressed, fromBot, len(reqs))
		}
		if len(reqs) == 0 {
			return
		}
		if len(reqs) != 1 {
			t.Fatalf("%d requests for one message", len(reqs))
		}
		r := reqs[0]
		if r.method != http.MethodPost || r.path != "/api/v9/channels/"+m.ChannelID+"/messages" {
			t.Fatalf("%s %s, want a reply in %s", r.method, r.path, m.ChannelID)
		}
		if r.err != nil || r.status >= 300 {
			t.Fatalf("the fake refused the reply (status %d, %v): %s", r.status, r.err, r.body)
		}
		checkReply(t, r.body)
	})
}

// checkReply checks a message body sent to Discord: allowed_mentions
// allows nothing, it replies to the fuzzed message, it keeps within
// Discord's limits, and no string in it is a live mention.
func checkReply(t *testing.T, raw []byte) {
	t.Helper()
	var body struct {
		Content         string                    `json:"content"`
		Embeds          []*discordgo.MessageEmbed `json:"embeds"`
		AllowedMentions *struct {
			Parse       *[]string `json:"parse"`
			Users       []string  `json:"users"`
			Roles       []string  `json:"roles"`
			RepliedUser bool      `json:"replied_user"`
		} `json:"allowed_mentions"`
		Reference *struct {
			MessageID string `json:"message_id"`
		} `json:"message_reference"`
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatalf("reply is not JSON: %v: %s", err, raw)
	}
	am := body.AllowedMentions
	if am == nil || am.Parse == nil || len(*am.Parse) != 0 || len(am.Users) > 0 || len(am.Roles) > 0 || am.RepliedUser {
		t.Fatalf("allowed_mentions allows pings: %s", raw)
	}
	if body.Reference == nil || body.Reference.MessageID != fuzzMessageID {
		t.Fatalf("not a reply to %s: %s", fuzzMessageID, raw)
	}
	checkMessage(t, Rendered{Content: body.Content, Embeds: body.Embeds})
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	walk(doc, func(s string) {
		if p := pings(s); p != "" {
			t.Fatalf("%s in %q", p, s)
		}
	})
}

// FuzzGatewayEvents sends arbitrary MESSAGE_CREATE and INTERACTION_CREATE
// payloads (data is the event's "d", as JSON) through the fake gateway to
// a running adapter. Whatever they hold, nothing may panic — not even a
// panic recovered and logged — the adapter must keep answering, and what
// it sends must allow no mentions and be what Discord accepts (a 400 only
// when the event's own ids are unusable in a URL).
//
// The seed corpus holds the payloads that crashed the process: an
// interaction without data or with data a string, a question that is a
// number or null (command and autocomplete), a digest time that is an
// integer or null, a message that is null or mentions null. It holds
// votes too: 👍 and 👎 presses on an answer, on a reply and on a message
// not shown, the 👎 modal's submission, and the malformed ones — data
// missing or a string, a custom id null, unknown or unreadable, a modal
// with null components, a button inside or a 👍's custom id.
//
// Each input makes a round trip through the gateway, so minimising the
// default 60s per new input is slow; fuzz with -fuzzminimizetime 20x.
func FuzzGatewayEvents(f *testing.F) {
	fake := discordtest.NewFake(f)
	kb, err := packBase()
	if err != nil {
		f.Fatal(err)
	}
	logged := &panics{}
	router := bot.NewRouter(kb, slog.New(logged))
	router.SetDigest(bot.DigestSettings{Store: bot.NewMemoryStore()})
	router.SetFeedback(bot.FeedbackSettings{Store: bot.NewMemoryStore(), KeepText: true})
	a, _ := startWith(f, fake, func(c *Config) {
		c.Router, c.Log = router, slog.New(logged)
		// Short, so that a command waiting for its answer never holds the
		// gateway's reader long enough to miss heartbeat ACKs.
		c.AnswerTimeout = 100 * time.Millisecond
	}, func(a *Adapter) {
		// Handlers run in order on the gateway's reader, so once the
		// sentinel message after each event is answered, the event was
		// handled. A panic there crashes the process as it does in
		// discordgo's own goroutines.
		a.s.SyncEvents = true
	})

	f.Fuzz(func(t *testing.T, interaction bool, data string) {
		if !json.Valid([]byte(data)) {
			t.Skip("not JSON")
		}
		before := len(fake.Calls())
		event := "MESSAGE_CREATE"
		if interaction {
			event = "INTERACTION_CREATE"
		}
		fake.Dispatch(t, event, json.RawMessage(data))

		sentinel := fake.UserMessage(fuzzDM, "help")
		delete(sentinel, "guild_id")
		delete(sentinel, "member")
		fake.Dispatch(t, "MESSAGE_CREATE", sentinel)
		discordtest.Eventually(t, "the answer to the message after the event", func() bool {
			for _, c := range fake.CallsTo("POST", "/api/v9/channels/"+fuzzDM+"/messages") {
				if ref, _ := c.Body["message_reference"].(map[string]any); ref["message_id"] == sentinel["id"] {
					return true
				}
			}
			return false
		})
		a.work.Wait()
		if p := logged.take(); len(p) > 0 {
			t.Fatalf("logged:\n%s", strings.Join(p, "\n"))
		}

		for _, c := range fake.Calls()[before:] {
			if c.Status == http.StatusBadRequest && idsUsable(c.Path) {
				t.Errorf("%s %s: 400 for %s", c.Method, c.Path, c.RawBody)
			}
			var doc any
			if err := json.Unmarshal([]byte(c.RawBody), &doc); c.RawBody != "" && err != nil {
				t.Errorf("%s %s: body is not JSON: %s", c.Method, c.Path, c.RawBody)
			}
			walk(doc, func(s string) {
				if p := pings(s); p != "" {
					t.Errorf("%s %s: %s in %q", c.Method, c.Path, p, s)
				}
			})
			if am, ok := c.Body["data"].(map[string]any); ok && am["embeds"] != nil {
				assertNoMentions(t, am)
			}
			if c.Body["embeds"] != nil {
				assertNoMentions(t, c.Body)
			}
		}
	})
}

// idsUsable reports whether the ids in a REST path are snowflakes, so
// that Discord would answer 400 only for what the body holds.
func idsUsable(path string) bool {
	segs := strings.Split(strings.TrimPrefix(path, "/api/v9/"), "/")
	for i := 0; i+1 < len(segs); i++ {
		switch segs[i] {
		case "channels", "interactions", "webhooks", "messages":
			if id := segs[i+1]; id != "@original" && !snowflake.MatchString(id) {
				return false
			}
			i++
		}
	}
	return true
}

var snowflake = regexp.MustCompile(`^[0-9]{1,20}$`)
