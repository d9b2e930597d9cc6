package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/bot"
)

// testAdapter starts an adapter against a fake Slack and serves its
// handlers on 127.0.0.1. logs collects what it logged.
func testAdapter(t *testing.T, f *slacktest.Fake, mutate func(*Config)) (*Adapter, *httptest.Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	cfg := Config{
		BotToken: testBotToken, SigningSecret: testSecret, APIURL: f.APIURL(),
		Router: testRouter(t), Log: slog.New(slog.NewTextHandler(logs, nil)),
	}
	if mutate != nil {
		mutate(&cfg)
	}
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(func() { srv.Close(); a.Wait() })
	return a, srv, logs
}

func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

const form = "application/x-www-form-urlencoded"

func TestSlashCommandSigned(t *testing.T) {
	f := slacktest.NewFake(t)
	_, srv, _ := testAdapter(t, f, nil)
	req := slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, slacktest.SlashForm("who is asif durrani", f.ResponseURL("r1")), testSecret, time.Now())
	code, body := do(t, req)
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	var msg map[string]any
	if err := json.Unmarshal([]byte(body), &msg); err != nil {
		t.Fatal(err)
	}
	if msg["response_type"] != "ephemeral" {
		t.Errorf("response_type = %v, want ephemeral", msg["response_type"])
	}
	// The answer and its cited source, whichever of the sources that say it
	// leads.
	for _, want := range []string{"special representative", `"action_id":"` + ActionShare + `"`, "📄 *", `"block_id":"durand_sources"`} {
		if !strings.Contains(body, want) {
			t.Errorf("reply lacks %q:\n%s", want, body)
		}
	}
}

func TestRejectedRequests(t *testing.T) {
	f := slacktest.NewFake(t)
	_, srv, logs := testAdapter(t, f, func(c *Config) { c.RejectLogInterval = 10 * time.Millisecond })
	body := slacktest.SlashForm("who is asif durrani", f.ResponseURL("r1"))
	unsigned, _ := http.NewRequest(http.MethodPost, srv.URL+"/slack/commands", strings.NewReader(body))
	unsigned.Header.Set("Content-Type", form)
	// Signed for one body, sent with another.
	signed := slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, body, testSecret, time.Now())
	tampered, _ := http.NewRequest(http.MethodPost, srv.URL+"/slack/commands", strings.NewReader(strings.Replace(body, "asif", "imran", 1)))
	tampered.Header = signed.Header.Clone()
	tests := []struct {
		name string
		req  *http.Request
		code int
	}{
		{"unsigned", unsigned, http.StatusUnauthorized},
		{"wrong secret", slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, body, "not-the-secret", time.Now()), http.StatusUnauthorized},
		{"stale timestamp", slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, body, testSecret, time.Now().Add(-6*time.Minute)), http.StatusUnauthorized},
		{"future timestamp", slacktest.SignedRequest(t, srv.URL+"/slack/events", "application/json", `{"type":"url_verification","challenge":"x"}`, testSecret, time.Now().Add(6*time.Minute)), http.StatusUnauthorized},
		{"tampered body", tampered, http.StatusUnauthorized},
		{"malformed command", slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, "text=%zz", testSecret, time.Now()), http.StatusBadRequest},
		{"command without fields", slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, "text=hi", testSecret, time.Now()), http.StatusBadRequest},
		{"malformed event", slacktest.SignedRequest(t, srv.URL+"/slack/events", "application/json", `{"type":`, testSecret, time.Now()), http.StatusBadRequest},
		{"interaction without payload", slacktest.SignedRequest(t, srv.URL+"/slack/interactions", form, "x=1", testSecret, time.Now()), http.StatusBadRequest},
		{"oversized", slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, slacktest.SlashForm(strings.Repeat("a", 70<<10), ""), testSecret, time.Now()), http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, body := do(t, tt.req); code != tt.code {
				t.Errorf("status %d (%s), want %d", code, body, tt.code)
			}
		})
	}
	a := f.Responses()
	if len(a) != 0 || len(f.Posts()) != 0 {
		t.Errorf("rejected requests had effects: %d responses, %d posts", len(a), len(f.Posts()))
	}
	slacktest.Eventually(t, "the rejections logged", func() bool { return strings.Contains(logs.String(), "rejected requests") })
	if strings.Contains(logs.String(), testSecret) || strings.Contains(logs.String(), "v0=") {
		t.Errorf("log leaks the secret or a signature:\n%s", logs)
	}
}

func TestSlowAnswerGoesToResponseURL(t *testing.T) {
	f := slacktest.NewFake(t)
	_, srv, _ := testAdapter(t, f, func(c *Config) { c.AnswerTimeout = time.Nanosecond })
	code, body := do(t, slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, slacktest.SlashForm("when was the chitral attack", f.ResponseURL("slow")), testSecret, time.Now()))
	if code != http.StatusOK || !strings.Contains(body, "Looking that up") {
		// The answer may still win the race; then it came inline.
		if !strings.Contains(body, "Chitral") {
			t.Fatalf("status %d: %s", code, body)
		}
		return
	}
	slacktest.Eventually(t, "the answer at response_url", func() bool { return len(f.Responses()) == 1 })
	r := f.Responses()[0]
	if r.Path != "/response/slow" || r.Body["response_type"] != "ephemeral" || !strings.Contains(mustJSON(t, r.Body), "September 2023") {
		t.Errorf("response_url got %+v", r)
	}
}

func TestURLVerification(t *testing.T) {
	f := slacktest.NewFake(t)
	_, srv, _ := testAdapter(t, f, nil)
	code, body := do(t, slacktest.SignedRequest(t, srv.URL+"/slack/events", "application/json", `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`, testSecret, time.Now()))
	if code != http.StatusOK || !strings.Contains(body, `"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"`) {
		t.Errorf("status %d body %s", code, body)
	}
}

func postEvent(t *testing.T, srv *httptest.Server, body string, retry string) {
	t.Helper()
	req := slacktest.SignedRequest(t, srv.URL+"/slack/events", "application/json", body, testSecret, time.Now())
	if retry != "" {
		req.Header.Set("X-Slack-Retry-Num", retry)
		req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	if code, b := do(t, req); code != http.StatusOK {
		t.Fatalf("event status %d: %s", code, b)
	}
}

func TestMentionAnsweredInThread(t *testing.T) {
	f := slacktest.NewFake(t)
	a, srv, _ := testAdapter(t, f, nil)
	postEvent(t, srv, slacktest.MentionEvent("Ev1", "U1", "", "<@"+testBotUser+"> who is noor wali mehsud", "1700000000.000100", ""), "")
	// A question inside an existing thread is answered in that thread.
	postEvent(t, srv, slacktest.MentionEvent("Ev2", "U1", "", "<@"+testBotUser+"> wat is ttp", "1700000050.000200", "1700000000.000100"), "")
	slacktest.Eventually(t, "two replies", func() bool { return len(f.Posts()) == 2 })
	a.Wait()
	byTS := map[string]string{}
	for _, p := range f.Posts() {
		if p.Get("channel") != "C1" {
			t.Errorf("posted to %q", p.Get("channel"))
		}
		byTS[p.Get("thread_ts")] += p.Get("blocks")
	}
	if !strings.Contains(byTS["1700000000.000100"], "Noor Wali Mehsud") || !strings.Contains(byTS["1700000000.000100"], "Tehr") {
		t.Errorf("replies by thread: %v", byTS)
	}
	if len(byTS) != 1 {
		t.Errorf("replies went to threads %v, want both in 1700000000.000100", byTS)
	}
}

func TestMentionRetriesAndBotsIgnored(t *testing.T) {
	f := slacktest.NewFake(t)
	a, srv, _ := testAdapter(t, f, nil)
	ev := slacktest.MentionEvent("EvDup", "U1", "", "<@"+testBotUser+"> who is sarfraz bugti", "1700000100.000100", "")
	postEvent(t, srv, ev, "")
	postEvent(t, srv, ev, "1")
	postEvent(t, srv, ev, "2")
	postEvent(t, srv, slacktest.MentionEvent("EvBot", "U2", "B999", "<@"+testBotUser+"> who is imran khan", "1700000200.000100", ""), "")
	postEvent(t, srv, slacktest.MentionEvent("EvSelf", testBotUser, "", "<@"+testBotUser+"> who is imran khan", "1700000300.000100", ""), "")
	edited := strings.Replace(slacktest.MentionEvent("EvEdit", "U1", "", "<@"+testBotUser+"> who is imran khan", "1700000400.000100", ""), `"type":"app_mention"`, `"type":"app_mention","edited":{"user":"U1","ts":"1"}`, 1)
	postEvent(t, srv, edited, "")
	postEvent(t, srv, `{"type":"event_callback","event_id":"EvMsg","event":{"type":"message","subtype":"message_deleted","channel":"C1"}}`, "")
	slacktest.Eventually(t, "one reply", func() bool { return len(f.Posts()) >= 1 })
	a.Wait()
	if n := len(f.Posts()); n != 1 {
		t.Fatalf("%d replies, want exactly 1 (retries, bots, edits and deletions ignored)", n)
	}
	if !strings.Contains(f.Posts()[0].Get("blocks"), "interior minister") {
		t.Errorf("reply %v", f.Posts()[0])
	}
}

func TestMentionNeverPingsEveryone(t *testing.T) {
	f := slacktest.NewFake(t)
	a, srv, _ := testAdapter(t, f, nil)
	postEvent(t, srv, slacktest.MentionEvent("EvPing", "U1", "", "<@"+testBotUser+"> <!everyone> <!channel> <@U0BOSS> who is <!here> asif durrani", "1700000500.000100", ""), "")
	slacktest.Eventually(t, "a reply", func() bool { return len(f.Posts()) == 1 })
	a.Wait()
	p := f.Posts()[0]
	for _, field := range []string{p.Get("blocks"), p.Get("text")} {
		for _, bad := range []string{"<!everyone>", "<!channel>", "<!here>", "<@U0BOSS>"} {
			if strings.Contains(field, bad) {
				t.Errorf("reply carries live mention %s: %s", bad, field)
			}
		}
	}
	if p.Get("link_names") == "true" || p.Get("link_names") == "1" {
		t.Error("link_names turned on")
	}
}

func TestPostMessageHonoursRetryAfter(t *testing.T) {
	f := slacktest.NewFake(t)
	f.FailNext("chat.postMessage", http.StatusTooManyRequests)
	a, srv, _ := testAdapter(t, f, nil)
	start := time.Now()
	postEvent(t, srv, slacktest.MentionEvent("Ev429", "U1", "", "<@"+testBotUser+"> who is faiz hameed", "1700000600.000100", ""), "")
	slacktest.Eventually(t, "the reply after 429", func() bool { return len(f.Posts()) == 1 })
	a.Wait()
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Errorf("retried after %v, before Retry-After: 1", waited)
	}
	if c := f.Calls("chat.postMessage"); c != 2 {
		t.Errorf("chat.postMessage called %d times, want 2", c)
	}
}

func TestShareAndSuggestionButtons(t *testing.T) {
	f := slacktest.NewFake(t)
	a, srv, _ := testAdapter(t, f, nil)
	post := func(action, value, rid string) {
		code, body := do(t, slacktest.SignedRequest(t, srv.URL+"/slack/interactions", form, slacktest.BlockActionPayload(action, value, f.ResponseURL(rid)), testSecret, time.Now()))
		if code != http.StatusOK {
			t.Fatalf("interaction status %d: %s", code, body)
		}
	}
	post(ActionShare, "who is asif durrani", "share")
	slacktest.Eventually(t, "shared answer and delete", func() bool { return len(f.Responses()) == 2 })
	a.Wait()
	rs := f.Responses()
	if rs[0].Body["response_type"] != "in_channel" || !strings.Contains(mustJSON(t, rs[0].Body), "special representative") || !strings.Contains(mustJSON(t, rs[0].Body), "<@U1>") {
		t.Errorf("share posted %+v", rs[0])
	}
	if rs[1].Body["delete_original"] != true {
		t.Errorf("second share call %+v, want delete_original", rs[1])
	}
	post(ActionAsk+"_3", "who is imran khan", "ask") // the third suggestion button
	slacktest.Eventually(t, "suggestion answered", func() bool { return len(f.Responses()) == 3 })
	a.Wait()
	r := f.Responses()[2]
	if r.Body["response_type"] != "ephemeral" || r.Body["replace_original"] != true || !strings.Contains(mustJSON(t, r.Body), "Imran Khan") {
		t.Errorf("suggestion posted %+v", r)
	}
}

func TestResponseURLRetries5xx(t *testing.T) {
	f := slacktest.NewFake(t)
	f.FailNext("/response/flaky", http.StatusInternalServerError, http.StatusBadGateway)
	a, _, _ := testAdapter(t, f, nil)
	err := a.respond(context.Background(), f.ResponseURL("flaky"), message{Text: "hello"})
	if err != nil {
		t.Fatal(err)
	}
	if rs := f.Responses(); len(rs) != 1 || rs[0].Body["text"] != "hello" {
		t.Errorf("responses %+v", rs)
	}
	if err := a.respond(context.Background(), "file:///etc/passwd", message{Text: "x"}); err == nil {
		t.Error("a non-HTTP response_url was accepted")
	}
}

func TestDedupe(t *testing.T) {
	d := newDedupe(time.Minute, 3)
	now := time.Now()
	if !d.first("a", now) || d.first("a", now.Add(time.Second)) {
		t.Error("second sighting within ttl not caught")
	}
	if !d.first("a", now.Add(2*time.Minute)) {
		t.Error("sighting after ttl treated as duplicate")
	}
	for _, id := range []string{"b", "c", "d", "e"} {
		d.first(id, now.Add(2*time.Minute))
	}
	if len(d.seen) > 3 {
		t.Errorf("dedupe holds %d ids, max 3", len(d.seen))
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// syncBuffer is a log buffer safe for concurrent handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestDigestAdmins(t *testing.T) {
	f := slacktest.NewFake(t)
	store := bot.NewMemoryStore()
	_, srv, _ := testAdapter(t, f, func(c *Config) {
		c.Admins = []string{"UADMIN"}
		c.Router.SetDigest(bot.DigestSettings{Store: store})
	})
	send := func(user string) string {
		cmd := strings.Replace(slacktest.SlashForm("digest on 08:00 Asia/Karachi", f.ResponseURL("d")), "user_id=U1", "user_id="+user, 1)
		_, body := do(t, slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, cmd, testSecret, time.Now()))
		return body
	}
	if body := send("U1"); !strings.Contains(body, "Only users listed in DURAND_ADMINS") {
		t.Errorf("non-admin: %s", body)
	}
	if _, err := store.Subscription(context.Background(), bot.ChannelKey{Platform: "slack", Channel: "C1"}); err == nil {
		t.Fatal("a non-admin subscribed the channel")
	}
	if body := send("UADMIN"); !strings.Contains(body, "08:00 Asia/Karachi") || !strings.Contains(body, "DURAND_ADMINS") {
		t.Errorf("admin: %s", body)
	}
}

func TestBackgroundPanicIsLogged(t *testing.T) {
	f := slacktest.NewFake(t)
	a, srv, logs := testAdapter(t, f, nil)
	a.background(context.Background(), func(context.Context) { panic("render blew up") })
	a.Wait()
	if !strings.Contains(logs.String(), "panic in background work") || !strings.Contains(logs.String(), "render blew up") {
		t.Errorf("panic not logged:\n%s", logs)
	}
	// The adapter goes on answering.
	code, body := do(t, slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, slacktest.SlashForm("who is imran khan", f.ResponseURL("p")), testSecret, time.Now()))
	if code != http.StatusOK || !strings.Contains(body, "Imran Khan") {
		t.Errorf("after a panic: %d %s", code, body)
	}
}

// TestMentionWithoutEventIDAnsweredOnce sends mentions whose event_id is
// empty, with Slack's retries: each message (team, channel, ts) is
// answered once, and different messages are each answered.
func TestMentionWithoutEventIDAnsweredOnce(t *testing.T) {
	inChannel := func(ev, channel string) string {
		return strings.Replace(ev, `"channel":"C1"`, `"channel":"`+channel+`"`, 1)
	}
	inTeam := func(ev, team string) string {
		return strings.Replace(ev, `"team_id":"T1"`, `"team_id":"`+team+`"`, 1)
	}
	first := slacktest.MentionEvent("", "U1", "", "<@"+testBotUser+"> who is asif durrani", "1700001000.000100", "")
	tests := []struct {
		name   string
		events []string
		posts  int
	}{
		{"a retried message", []string{first, first, first}, 1},
		{"two messages", []string{first, slacktest.MentionEvent("", "U1", "", "<@"+testBotUser+"> who is asif durrani", "1700001001.000100", "")}, 2},
		{"one ts in two channels", []string{first, inChannel(first, "C2")}, 2},
		{"one ts in two teams", []string{first, inTeam(first, "T2")}, 2},
		{"a missing event_id beside a present one", []string{first, first, slacktest.MentionEvent("EvX", "U1", "", "<@"+testBotUser+"> who is asif durrani", "1700001002.000100", "")}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := slacktest.NewFake(t)
			a, srv, _ := testAdapter(t, f, nil)
			for i, ev := range tt.events {
				retry := ""
				if i > 0 {
					retry = strconv.Itoa(i)
				}
				postEvent(t, srv, ev, retry)
			}
			slacktest.Eventually(t, "the replies", func() bool { return len(f.Posts()) >= tt.posts })
			a.Wait()
			if n := f.Calls("chat.postMessage"); n != tt.posts {
				t.Errorf("chat.postMessage called %d times, want %d", n, tt.posts)
			}
		})
	}
}

// TestRetryToAnotherReplicaAnsweredOnce runs two adapters, each with its
// own process memory, sharing one event store, as two replicas share one
// database: a retry that reaches the other replica is not answered again,
// with or without an event_id.
func TestRetryToAnotherReplicaAnsweredOnce(t *testing.T) {
	for _, id := range []string{"EvShared", ""} {
		t.Run("event_id "+strconv.Quote(id), func(t *testing.T) {
			f := slacktest.NewFake(t)
			store := bot.NewMemoryStore()
			shared := func(c *Config) { c.Events = store }
			a1, srv1, _ := testAdapter(t, f, shared)
			a2, srv2, logs2 := testAdapter(t, f, shared)
			ev := slacktest.MentionEvent(id, "U1", "", "<@"+testBotUser+"> who is sarfraz bugti", "1700001100.000100", "")
			postEvent(t, srv1, ev, "")
			postEvent(t, srv2, ev, "1")
			postEvent(t, srv2, ev, "2")
			slacktest.Eventually(t, "a reply", func() bool { return len(f.Posts()) >= 1 })
			a1.Wait()
			a2.Wait()
			if n := f.Calls("chat.postMessage"); n != 1 {
				t.Errorf("chat.postMessage called %d times by two replicas, want 1", n)
			}
			if !strings.Contains(logs2.String(), "duplicate event ignored") {
				t.Errorf("the second replica did not log the duplicate:\n%s", logs2)
			}
		})
	}
}

// failingEvents is an event store that is down.
type failingEvents struct{ calls atomic.Int32 }

func (f *failingEvents) RecordEvent(context.Context, string, time.Time, time.Duration) (bool, error) {
	f.calls.Add(1)
	return false, errors.New("connection refused")
}

// TestEventStoreDownDedupesInProcess: while the event store fails, a
// mention is still answered, and its retry to the same process is not.
func TestEventStoreDownDedupesInProcess(t *testing.T) {
	f := slacktest.NewFake(t)
	events := &failingEvents{}
	a, srv, logs := testAdapter(t, f, func(c *Config) { c.Events = events })
	ev := slacktest.MentionEvent("EvDown", "U1", "", "<@"+testBotUser+"> who is sarfraz bugti", "1700001200.000100", "")
	postEvent(t, srv, ev, "")
	postEvent(t, srv, ev, "1")
	slacktest.Eventually(t, "a reply", func() bool { return len(f.Posts()) >= 1 })
	a.Wait()
	if n := f.Calls("chat.postMessage"); n != 1 {
		t.Errorf("chat.postMessage called %d times, want 1", n)
	}
	if events.calls.Load() == 0 || !strings.Contains(logs.String(), "event store failed") {
		t.Errorf("the store's failure was not tried or not logged (%d calls):\n%s", events.calls.Load(), logs)
	}
}

// listener is a TCP listener on 127.0.0.1 that counts the connections
// made to it and answers none of them.
type listener struct {
	ln    net.Listener
	conns atomic.Int32
}

func newListener(t *testing.T) *listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := &listener{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			l.conns.Add(1)
			c.Close()
		}
	}()
	return l
}

// TestResponseURLOnlySlack sends signed slash commands and button presses
// whose response_url points elsewhere than Slack (or the configured Web
// API's host): nothing is ever sent there, and the refusal is logged.
func TestResponseURLOnlySlack(t *testing.T) {
	target := newListener(t)
	host := target.ln.Addr().String()
	_, port, _ := net.SplitHostPort(host)
	urls := []string{
		"http://" + host + "/hook",
		"https://" + host + "/hook",
		"http://localhost:" + port + "/hook",
		"HTTP://" + host + "/hook",
		"http://hooks.slack.com@" + host + "/hook",
	}
	for _, u := range urls {
		t.Run(u, func(t *testing.T) {
			f := slacktest.NewFake(t)
			// An answer is never ready at once: a slash command's answer
			// would go to the response_url.
			a, srv, logs := testAdapter(t, f, func(c *Config) { c.AnswerTimeout = time.Nanosecond })
			before := target.conns.Load()
			for _, req := range []*http.Request{
				slacktest.SignedRequest(t, srv.URL+"/slack/interactions", form, slacktest.BlockActionPayload(ActionShare, "who is asif durrani", u), testSecret, time.Now()),
				slacktest.SignedRequest(t, srv.URL+"/slack/interactions", form, slacktest.BlockActionPayload(ActionAsk, "who is imran khan", u), testSecret, time.Now()),
				slacktest.SignedRequest(t, srv.URL+"/slack/interactions", form, slacktest.BlockActionPayload(ActionVoteUp, "0.90|fact|who is imran khan", u), testSecret, time.Now()),
				slacktest.SignedRequest(t, srv.URL+"/slack/interactions", form, slacktest.BlockActionPayload(ActionVoteDown, "0.90|fact|who is imran khan", u), testSecret, time.Now()),
				slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, slacktest.SlashForm("when was the chitral attack", u), testSecret, time.Now()),
			} {
				if code, body := do(t, req); code != http.StatusOK {
					t.Errorf("%s: status %d: %s", req.URL.Path, code, body)
				}
			}
			a.Wait()
			if n := target.conns.Load() - before; n != 0 {
				t.Fatalf("%d connections to the response_url %s", n, u)
			}
			if n := len(f.Views()); n != 0 {
				t.Errorf("a 👎 with a refused response_url opened %d modals", n)
			}
			if n := strings.Count(logs.String(), "response_url refused"); n < 4 {
				t.Errorf("%d refusals logged, want one per button press at least:\n%s", n, logs)
			}
		})
	}
}

func TestCheckResponseURL(t *testing.T) {
	f := slacktest.NewFake(t)
	a, _, _ := testAdapter(t, f, nil)
	api, err := url.Parse(f.APIURL())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		url string
		ok  bool
	}{
		{"https://hooks.slack.com/commands/T1/1234/abcdef", true},
		{"https://hooks.slack.com/actions/T1/1/abc", true},
		{"https://HOOKS.SLACK.COM/actions/T1/1/abc", true},
		{"http://" + api.Host + "/response/r1", true}, // the Web API's host, for tests and proxies
		{"http://hooks.slack.com/commands/T1/1234/abcdef", false},
		{"https://hooks.slack.com:8443/commands/T1", false},
		{"https://hooks.slack.com.evil.example/commands/T1", false},
		{"https://evil.example/hooks.slack.com/", false},
		{"https://user@hooks.slack.com/commands/T1", false},
		{"https://" + api.Host + "/response/r1", false}, // another scheme than the Web API's
		{"http://127.0.0.1/response/r1", false},
		{"http://[::1]:" + api.Port() + "/response/r1", false},
		{"https://slack.com/api/chat.postMessage", false},
		{"file:///etc/passwd", false},
		{"hooks.slack.com/commands/T1", false},
		{"", false},
		{"https://hooks.slack.com\x00/commands", false},
	}
	for _, tt := range tests {
		if err := a.checkResponseURL(tt.url); (err == nil) != tt.ok {
			t.Errorf("checkResponseURL(%q) = %v; want ok %v", tt.url, err, tt.ok)
		}
	}
}

// TestResponseURLRedirectNotFollowed: a response_url on an allowed host
// that redirects elsewhere is not followed there.
func TestResponseURLRedirectNotFollowed(t *testing.T) {
	target := newListener(t)
	f := slacktest.NewFake(t)
	api, err := url.Parse(f.APIURL())
	if err != nil {
		t.Fatal(err)
	}
	api.Path = ""
	proxy := httputil.NewSingleHostReverseProxy(api)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/response/") {
			http.Redirect(w, r, "http://"+target.ln.Addr().String()+"/stolen", http.StatusTemporaryRedirect)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	a, _, _ := testAdapter(t, f, func(c *Config) { c.APIURL = front.URL + "/api/" })
	if err := a.respond(context.Background(), front.URL+"/response/r1", message{Text: "hello"}); err == nil {
		t.Error("a redirected response_url post reported success")
	}
	if n := target.conns.Load(); n != 0 {
		t.Errorf("the redirect was followed: %d connections to its target", n)
	}
}

// TestEchoedTextNeverLinks sends each kind of message whose answer
// repeats what the user typed — an unknown digest command, time or zone,
// and the question shown above a command's answer — with a masked link,
// a Slack link or a bare URL in it, as a slash command and as a mention.
// The answer shows the text, but no link in it is live.
func TestEchoedTextNeverLinks(t *testing.T) {
	f := slacktest.NewFake(t)
	a, srv, _ := testAdapter(t, f, func(c *Config) { c.Router.SetDigest(bot.DigestSettings{Store: bot.NewMemoryStore()}) })
	tests := []struct {
		name, text string
		echoed     string // what the answer must show of it
		asked      bool   // only the question is echoed, which a mention's answer does not show
	}{
		{"unknown digest command", "digest [free-nitro](https://evil.example/nitro)", "evil.example/nitro", false},
		{"unknown digest command, a Slack link", "digest <https://evil.example/nitro|nitro>", "evil.example/nitro", false},
		{"unknown digest command, a URL", "digest https://evil.example/nitro", "evil.example/nitro", false},
		{"not a time of day", "digest on <https://evil.example/nitro|8>", "evil.example/nitro", false},
		{"unknown zone", "digest on 08:00 https://evil.example/nitro", "evil?example/nitro", false}, // the bot shows a refused zone with no punctuation
		{"unknown zone, www", "digest on 08:00 www.evil.example", "evil?example", false},
		{"the question above the answer", "who is <https://evil.example/nitro|Asif Durrani>", "evil.example/nitro", true},
	}
	check := func(t *testing.T, echoed string, doc any) {
		t.Helper()
		shown := ""
		walk(doc, "", func(key, s string) {
			if key == "value" || key == "action_id" || key == "block_id" || key == "type" || key == "response_type" {
				return // not shown
			}
			shown += s + "\n"
			for _, bad := range []string{"://", "www.", "<http", "<www"} {
				if strings.Contains(strings.ToLower(s), bad) {
					t.Errorf("%q is live in %q", bad, s)
				}
			}
		})
		if echoed != "" && !strings.Contains(strings.ReplaceAll(shown, "\u200b", ""), echoed) {
			t.Errorf("the answer does not show %q:\n%s", echoed, shown)
		}
	}
	for i, tt := range tests {
		t.Run(tt.name+", slash command", func(t *testing.T) {
			_, body := do(t, slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, slacktest.SlashForm(tt.text, f.ResponseURL("e")), testSecret, time.Now()))
			var doc any
			if err := json.Unmarshal([]byte(body), &doc); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
			check(t, tt.echoed, doc)
		})
		t.Run(tt.name+", mention", func(t *testing.T) {
			n := len(f.Posts())
			ts := fmt.Sprintf("1700001%03d.000100", i)
			postEvent(t, srv, slacktest.MentionEvent(fmt.Sprintf("EvEcho%d", i), "U1", "", "<@"+testBotUser+"> "+tt.text, ts, ""), "")
			slacktest.Eventually(t, "the reply", func() bool { return len(f.Posts()) == n+1 })
			a.Wait()
			p := f.Posts()[n]
			var blocks any
			if err := json.Unmarshal([]byte(p.Get("blocks")), &blocks); err != nil {
				t.Fatalf("%v: %s", err, p.Get("blocks"))
			}
			echoed := tt.echoed
			if tt.asked {
				echoed = ""
			}
			check(t, echoed, map[string]any{"text": p.Get("text"), "blocks": blocks})
		})
	}
}
