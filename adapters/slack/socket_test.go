package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/bot"

	"github.com/gorilla/websocket"
)

// slackOrigin is the Origin header slack-go sends when it dials.
const slackOrigin = "https://api.slack.com"

// fakeSocket is Slack's Socket Mode websocket, served by a fakeSlack at
// /ws. Each connection is greeted with hello and pinged every few
// milliseconds; the test sends envelopes and the fake records the
// client's acks, its pongs and the Origin it dialled with.
type fakeSocket struct {
	upgrader websocket.Upgrader
	conns    chan *socketConn // each connection, once hello is sent
	wg       sync.WaitGroup   // connection handlers and pingers

	mu       sync.Mutex
	closed   bool
	all      []*socketConn
	origins  []string
	acks     []socketAck
	pings    map[string]bool // payloads sent
	pongs    map[string]bool // payloads echoed
	problems []string
}

// socketConn is one websocket connection to the fake.
type socketConn struct {
	n    int // 1 for the first connection
	ws   *websocket.Conn
	wmu  sync.Mutex    // serialises writes other than control frames
	done chan struct{} // closed when the client's side is gone
}

// socketAck is an acknowledgement as the client sends it.
type socketAck struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload"`
}

// newFakeSocket serves Socket Mode on f. Call it before the adapter starts.
func newFakeSocket(t *testing.T, f *slacktest.Fake) *fakeSocket {
	s := &fakeSocket{conns: make(chan *socketConn, 16), pings: map[string]bool{}, pongs: map[string]bool{}}
	s.upgrader.CheckOrigin = func(r *http.Request) bool {
		o := r.Header.Get("Origin")
		s.mu.Lock()
		s.origins = append(s.origins, o)
		s.mu.Unlock()
		return o == slackOrigin
	}
	f.WS = s.serve
	t.Cleanup(func() {
		s.mu.Lock()
		s.closed = true
		all := s.all
		s.mu.Unlock()
		for _, c := range all {
			c.ws.Close()
		}
		s.wg.Wait()
		for _, p := range s.Problems() {
			t.Errorf("fake socket: %s", p)
		}
	})
	return s
}

func (s *fakeSocket) serve(w http.ResponseWriter, r *http.Request) {
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		s.problem("upgrade: %v", err)
		return
	}
	c := &socketConn{ws: ws, done: make(chan struct{})}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close()
		return
	}
	s.all = append(s.all, c)
	c.n = len(s.all)
	s.wg.Add(2)
	s.mu.Unlock()
	defer s.wg.Done()

	ws.SetPongHandler(func(data string) error {
		s.mu.Lock()
		s.pongs[data] = true
		s.mu.Unlock()
		return nil
	})
	c.write(map[string]any{
		"type": "hello", "num_connections": 1,
		"connection_info": map[string]any{"app_id": "A1"},
		"debug_info":      map[string]any{"host": "applink-test", "build_number": 1, "approximate_connection_time": 18060},
	})
	go s.ping(c)
	s.conns <- c

	defer close(c.done)
	for {
		_, data, err := ws.ReadMessage() // also answers pings and runs the pong handler
		if err != nil {
			return
		}
		var ack socketAck
		if err := json.Unmarshal(data, &ack); err != nil || ack.EnvelopeID == "" {
			s.problem("connection %d: not an ack: %s", c.n, data)
			continue
		}
		s.mu.Lock()
		s.acks = append(s.acks, ack)
		s.mu.Unlock()
	}
}

// ping sends a websocket ping every few milliseconds, as Slack does every
// few seconds, until the connection ends.
func (s *fakeSocket) ping(c *socketConn) {
	defer s.wg.Done()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for i := 1; ; i++ {
		select {
		case <-c.done:
			return
		case <-tick.C:
		}
		data := fmt.Sprintf("ping-%d-%d", c.n, i)
		s.mu.Lock()
		s.pings[data] = true
		s.mu.Unlock()
		if err := c.ws.WriteControl(websocket.PingMessage, []byte(data), time.Now().Add(time.Second)); err != nil {
			return
		}
	}
}

func (s *fakeSocket) problem(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems = append(s.problems, fmt.Sprintf(format, args...))
}

// Problems returns what went wrong on the server's side.
func (s *fakeSocket) Problems() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.problems)
}

// conn waits for the n-th connection (from 1).
func (s *fakeSocket) conn(t *testing.T, n int) *socketConn {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case c := <-s.conns:
			if c.n == n {
				return c
			}
		case <-timeout:
			t.Fatalf("timed out waiting for socket connection %d", n)
		}
	}
}

// Acks returns the acknowledgements of an envelope received so far.
func (s *fakeSocket) Acks(envelopeID string) []socketAck {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []socketAck
	for _, a := range s.acks {
		if a.EnvelopeID == envelopeID {
			out = append(out, a)
		}
	}
	return out
}

// ack waits for the acknowledgement of an envelope.
func (s *fakeSocket) ack(t *testing.T, envelopeID string) socketAck {
	t.Helper()
	slacktest.Eventually(t, "ack of "+envelopeID, func() bool { return len(s.Acks(envelopeID)) > 0 })
	return s.Acks(envelopeID)[0]
}

// Ponged reports whether the client answered any of the fake's pings.
func (s *fakeSocket) Ponged() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for p := range s.pongs {
		if s.pings[p] {
			return true
		}
	}
	return false
}

// Origins returns the Origin headers the client dialled with.
func (s *fakeSocket) Origins() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.origins)
}

// send writes a message to the client.
func (c *socketConn) send(t *testing.T, v any) {
	t.Helper()
	if err := c.write(v); err != nil {
		t.Fatalf("connection %d: send: %v", c.n, err)
	}
}

func (c *socketConn) write(v any) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.ws.WriteJSON(v)
}

// eventsEnvelope wraps an Events API callback (mentionEvent) as Socket
// Mode delivers it; retry > 0 marks Slack's redelivery.
func eventsEnvelope(envelopeID, callback string, retry int) map[string]any {
	env := map[string]any{"envelope_id": envelopeID, "type": "events_api", "accepts_response_payload": false,
		"retry_attempt": retry, "payload": json.RawMessage(callback)}
	if retry > 0 {
		env["retry_reason"] = "timeout"
	}
	return env
}

// slashEnvelope is a slash command as Socket Mode delivers it.
func slashEnvelope(envelopeID, text, responseURL string) map[string]any {
	form, _ := url.ParseQuery(slacktest.SlashForm(text, responseURL))
	payload := map[string]string{}
	for k := range form {
		payload[k] = form.Get(k)
	}
	return map[string]any{"envelope_id": envelopeID, "type": "slash_commands", "accepts_response_payload": true, "payload": payload}
}

// interactiveEnvelope is a button press as Socket Mode delivers it.
func interactiveEnvelope(t *testing.T, envelopeID, actionID, value, responseURL string) map[string]any {
	form, err := url.ParseQuery(slacktest.BlockActionPayload(actionID, value, responseURL))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]any{"envelope_id": envelopeID, "type": "interactive", "accepts_response_payload": false,
		"payload": json.RawMessage(form.Get("payload"))}
}

// startSocketMode starts an adapter in Socket Mode against f. stop cancels
// it, checks that RunSocketMode returned nil, waits for answers still
// being posted and checks that nothing secret was logged; it also runs at
// cleanup.
func startSocketMode(t *testing.T, f *slacktest.Fake, mutate ...func(*Config)) (a *Adapter, logs *syncBuffer, stop func()) {
	t.Helper()
	logs = &syncBuffer{}
	cfg := Config{BotToken: testBotToken, AppToken: testAppToken, APIURL: f.APIURL(), Router: testRouter(t),
		Log: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	for _, m := range mutate {
		m(&cfg)
	}
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if err := a.Start(ctx); err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.RunSocketMode(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("RunSocketMode: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Error("RunSocketMode did not return after cancel")
			}
			a.Wait()
			for _, secret := range []string{testAppToken, testBotToken} {
				if strings.Contains(logs.String(), secret) {
					t.Errorf("a token was logged:\n%s", logs.String())
				}
			}
		})
	}
	t.Cleanup(stop)
	return a, logs, stop
}

// postText is the text and blocks of a chat.postMessage call, lower-cased.
func postText(p url.Values) string {
	return strings.ToLower(p.Get("text") + " " + p.Get("blocks"))
}

func TestSocketModeMention(t *testing.T) {
	f := slacktest.NewFake(t)
	s := newFakeSocket(t, f)
	a, logs, stop := startSocketMode(t, f)

	c := s.conn(t, 1)
	c.send(t, eventsEnvelope("env-1", slacktest.MentionEvent("Ev1", "U1", "", "<@UDURAND> who is asif durrani", "1700000000.000100", ""), 0))
	if ack := s.ack(t, "env-1"); len(ack.Payload) != 0 && string(ack.Payload) != "null" {
		t.Errorf("events_api ack carries a payload: %s", ack.Payload)
	}
	slacktest.Eventually(t, "answer posted", func() bool { return len(f.Posts()) > 0 })
	slacktest.Eventually(t, "pong for a ping", s.Ponged)
	stop()

	posts := f.Posts()
	if len(posts) != 1 {
		t.Fatalf("%d chat.postMessage calls, want 1", len(posts))
	}
	p := posts[0]
	if p.Get("channel") != "C1" || p.Get("thread_ts") != "1700000000.000100" {
		t.Errorf("posted to channel %q thread %q, want C1 thread 1700000000.000100", p.Get("channel"), p.Get("thread_ts"))
	}
	if !strings.Contains(postText(p), "special representative") {
		t.Errorf("answer does not say who Asif Durrani is: %v", p)
	}
	if n := len(s.Acks("env-1")); n != 1 {
		t.Errorf("envelope acked %d times, want 1", n)
	}
	if o := s.Origins(); len(o) != 1 || o[0] != slackOrigin {
		t.Errorf("dialled with Origin %q, want [%s]", o, slackOrigin)
	}
	if n := f.Calls("apps.connections.open"); n != 1 {
		t.Errorf("apps.connections.open called %d times, want 1", n)
	}
	if !a.Ready() {
		t.Error("not ready while connected")
	}
	if !slices.Contains(f.Auth(), "Bearer "+testAppToken) {
		t.Error("apps.connections.open was not called with the app-level token")
	}
	for _, want := range []string{"socket mode connected", "socket mode hello", "host=applink-test"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
}

func TestSocketModeRetryAnsweredOnce(t *testing.T) {
	f := slacktest.NewFake(t)
	s := newFakeSocket(t, f)
	_, logs, stop := startSocketMode(t, f)

	c := s.conn(t, 1)
	mention := slacktest.MentionEvent("Ev1", "U1", "", "<@UDURAND> who is asif durrani", "1700000000.000100", "")
	c.send(t, eventsEnvelope("env-1", mention, 0))
	c.send(t, eventsEnvelope("env-2", mention, 1)) // Slack's retry: new envelope, same event_id
	c.send(t, eventsEnvelope("env-3", slacktest.MentionEvent("Ev2", "U1", "", "<@UDURAND> who is imran khan", "1700000000.000200", ""), 0))
	// Envelopes are handled in order: once env-3 is acked, the retry has
	// been through the handler.
	for _, id := range []string{"env-1", "env-2", "env-3"} {
		s.ack(t, id)
	}
	slacktest.Eventually(t, "two answers posted", func() bool { return len(f.Posts()) >= 2 })
	stop()

	var threads []string
	for _, p := range f.Posts() {
		threads = append(threads, p.Get("thread_ts"))
	}
	slices.Sort(threads)
	if want := []string{"1700000000.000100", "1700000000.000200"}; !slices.Equal(threads, want) {
		t.Errorf("answers posted in threads %q, want one in each of %q", threads, want)
	}
	for _, id := range []string{"env-1", "env-2", "env-3"} {
		if n := len(s.Acks(id)); n != 1 {
			t.Errorf("%s acked %d times, want 1", id, n)
		}
	}
	if !strings.Contains(logs.String(), "duplicate event ignored") {
		t.Errorf("retry not logged as a duplicate:\n%s", logs.String())
	}
}

// TestSocketModeRetryAfterAnotherReplica answers a mention over HTTP on
// one replica; Slack's retry of it reaches another replica over Socket
// Mode, sharing the event store, which does not answer it again.
func TestSocketModeRetryAfterAnotherReplica(t *testing.T) {
	f := slacktest.NewFake(t)
	store := bot.NewMemoryStore()
	first, srv, _ := testAdapter(t, f, func(c *Config) { c.Events = store })
	mention := slacktest.MentionEvent("EvReplica", "U1", "", "<@UDURAND> who is asif durrani", "1700000000.000300", "")
	postEvent(t, srv, mention, "")
	slacktest.Eventually(t, "the first replica's answer", func() bool { return len(f.Posts()) == 1 })
	first.Wait()

	s := newFakeSocket(t, f)
	_, logs, stop := startSocketMode(t, f, func(c *Config) { c.Events = store })
	c := s.conn(t, 1)
	c.send(t, eventsEnvelope("env-r1", mention, 1))
	c.send(t, eventsEnvelope("env-r2", slacktest.MentionEvent("EvOther", "U1", "", "<@UDURAND> who is imran khan", "1700000000.000400", ""), 0))
	s.ack(t, "env-r1")
	s.ack(t, "env-r2")
	slacktest.Eventually(t, "the other mention answered", func() bool { return len(f.Posts()) >= 2 })
	stop()
	if n := f.Calls("chat.postMessage"); n != 2 {
		t.Errorf("chat.postMessage called %d times, want 2: the retry answered again", n)
	}
	if !strings.Contains(logs.String(), "duplicate event ignored") {
		t.Errorf("retry not logged as a duplicate:\n%s", logs.String())
	}
}

// TestSocketModeResponseURLOnlySlack: over Socket Mode too, a button
// press or a slash command whose response_url is not Slack's sends
// nothing there.
func TestSocketModeResponseURLOnlySlack(t *testing.T) {
	target := newListener(t)
	elsewhere := "http://" + target.ln.Addr().String() + "/hook"
	f := slacktest.NewFake(t)
	s := newFakeSocket(t, f)
	_, logs, stop := startSocketMode(t, f, func(c *Config) { c.AnswerTimeout = time.Nanosecond })
	c := s.conn(t, 1)
	c.send(t, interactiveEnvelope(t, "env-share", ActionShare, "who is asif durrani", elsewhere))
	c.send(t, slashEnvelope("env-slash", "when was the chitral attack", elsewhere))
	s.ack(t, "env-share")
	s.ack(t, "env-slash")
	stop()
	if n := target.conns.Load(); n != 0 {
		t.Errorf("%d connections to the response_url %s", n, elsewhere)
	}
	if !strings.Contains(logs.String(), "button press ignored: response_url refused") {
		t.Errorf("the refusal is not logged:\n%s", logs)
	}
}

func TestSocketModeSlashCommand(t *testing.T) {
	f := slacktest.NewFake(t)
	s := newFakeSocket(t, f)
	_, _, stop := startSocketMode(t, f)

	c := s.conn(t, 1)
	c.send(t, slashEnvelope("env-slash", "who is asif durrani", f.ResponseURL("slash")))
	ack := s.ack(t, "env-slash")
	stop()

	var msg struct {
		ResponseType string            `json:"response_type"`
		Text         string            `json:"text"`
		Blocks       []json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(ack.Payload, &msg); err != nil {
		t.Fatalf("ack payload %s: %v", ack.Payload, err)
	}
	if msg.ResponseType != "ephemeral" || len(msg.Blocks) == 0 {
		t.Errorf("ack payload is not an ephemeral Block Kit message: %s", ack.Payload)
	}
	for _, want := range []string{"special representative", `"action_id":"` + ActionShare + `"`} {
		if !strings.Contains(string(ack.Payload), want) {
			t.Errorf("ack payload lacks %s: %s", want, ack.Payload)
		}
	}
	if n := len(s.Acks("env-slash")); n != 1 {
		t.Errorf("slash command acked %d times, want 1", n)
	}
	if len(f.Posts()) != 0 || len(f.Responses()) != 0 {
		t.Errorf("answer also sent elsewhere: posts %v, responses %v", f.Posts(), f.Responses())
	}
}

func TestSocketModeReconnects(t *testing.T) {
	tests := []struct {
		name string
		drop func(t *testing.T, c *socketConn)
	}{
		{"dropped socket", func(t *testing.T, c *socketConn) { c.ws.Close() }},
		{"close frame", func(t *testing.T, c *socketConn) {
			msg := websocket.FormatCloseMessage(websocket.CloseGoingAway, "server restarting")
			if err := c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second)); err != nil {
				t.Fatal(err)
			}
			select {
			case <-c.done: // the client answered the close
			case <-time.After(5 * time.Second):
			}
			c.ws.Close()
		}},
		{"disconnect request", func(t *testing.T, c *socketConn) {
			c.send(t, map[string]any{"type": "disconnect", "reason": "refresh_requested", "debug_info": map[string]any{"host": "applink-test"}})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := slacktest.NewFake(t)
			s := newFakeSocket(t, f)
			_, logs, stop := startSocketMode(t, f)

			c1 := s.conn(t, 1)
			c1.send(t, eventsEnvelope("env-1", slacktest.MentionEvent("Ev1", "U1", "", "<@UDURAND> who is asif durrani", "1700000000.000100", ""), 0))
			s.ack(t, "env-1")
			tt.drop(t, c1)

			c2 := s.conn(t, 2)
			select {
			case <-c1.done:
			case <-time.After(10 * time.Second):
				t.Fatal("first connection still open after the client reconnected")
			}
			c2.send(t, eventsEnvelope("env-2", slacktest.MentionEvent("Ev2", "U1", "", "<@UDURAND> who is imran khan", "1700000000.000200", ""), 0))
			s.ack(t, "env-2")
			slacktest.Eventually(t, "answer after reconnecting", func() bool { return len(f.Posts()) >= 2 })
			stop()

			if n := f.Calls("apps.connections.open"); n != 2 {
				t.Errorf("apps.connections.open called %d times, want 2", n)
			}
			var second []url.Values
			for _, p := range f.Posts() {
				if p.Get("thread_ts") == "1700000000.000200" {
					second = append(second, p)
				}
			}
			if len(second) != 1 || !strings.Contains(postText(second[0]), "imran khan") {
				t.Errorf("after reconnecting, posted %v", f.Posts())
			}
			if o := s.Origins(); len(o) != 2 || o[1] != slackOrigin {
				t.Errorf("origins %q", o)
			}
			if got := strings.Count(logs.String(), "socket mode connected"); got != 2 {
				t.Errorf("logged %d connections, want 2:\n%s", got, logs.String())
			}
			if !strings.Contains(logs.String(), "socket mode reconnecting") {
				t.Errorf("reconnect not logged:\n%s", logs.String())
			}
		})
	}
}

func TestSocketModeShareButton(t *testing.T) {
	f := slacktest.NewFake(t)
	s := newFakeSocket(t, f)
	_, _, stop := startSocketMode(t, f)

	c := s.conn(t, 1)
	c.send(t, interactiveEnvelope(t, "env-share", ActionShare, "who is asif durrani", f.ResponseURL("share")))
	s.ack(t, "env-share")
	slacktest.Eventually(t, "shared answer", func() bool { return len(f.Responses()) > 0 })
	stop()

	rs := f.Responses()
	if len(rs) == 0 {
		t.Fatal("nothing posted to the response_url")
	}
	shared := rs[0]
	if shared.Path != "/response/share" || shared.Body["response_type"] != "in_channel" {
		t.Errorf("first response_url post %s %v, want an in_channel message at /response/share", shared.Path, shared.Body)
	}
	if body := fmt.Sprint(shared.Body); !strings.Contains(body, "special representative") || !strings.Contains(body, "<@U1>") {
		t.Errorf("shared message does not answer the question or credit the sharer: %s", body)
	}
	if n := len(s.Acks("env-share")); n != 1 {
		t.Errorf("interaction acked %d times, want 1", n)
	}
	if len(f.Posts()) != 0 {
		t.Errorf("share also used chat.postMessage: %v", f.Posts())
	}
}

func TestSocketModeUnknownEnvelopesAcked(t *testing.T) {
	f := slacktest.NewFake(t)
	s := newFakeSocket(t, f)
	_, _, stop := startSocketMode(t, f)

	c := s.conn(t, 1)
	// An inner event type slack-go does not know, and an envelope type
	// that does not exist (yet): both are acked so Slack stops resending.
	unknownInner := `{"type":"event_callback","event_id":"Ev9","team_id":"T1","api_app_id":"A1","event":{"type":"future_event","ts":"1.2"}}`
	c.send(t, eventsEnvelope("env-unknown-event", unknownInner, 0))
	c.send(t, map[string]any{"envelope_id": "env-unknown-type", "type": "future_type", "accepts_response_payload": false, "payload": map[string]any{}})
	// The loop is still serving afterwards.
	c.send(t, eventsEnvelope("env-mention", slacktest.MentionEvent("Ev1", "U1", "", "<@UDURAND> who is asif durrani", "1700000000.000100", ""), 0))
	for _, id := range []string{"env-unknown-event", "env-unknown-type", "env-mention"} {
		s.ack(t, id)
	}
	slacktest.Eventually(t, "answer posted", func() bool { return len(f.Posts()) > 0 })
	stop()
	if n := len(f.Posts()); n != 1 {
		t.Errorf("%d posts, want 1", n)
	}
}

func TestSocketModeNeedsAppToken(t *testing.T) {
	f := slacktest.NewFake(t)
	a, err := New(Config{BotToken: testBotToken, SigningSecret: testSecret, APIURL: f.APIURL(), Router: testRouter(t)})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.RunSocketMode(t.Context()); err == nil || !strings.Contains(err.Error(), "SLACK_APP_TOKEN") {
		t.Errorf("RunSocketMode without an app token: %v", err)
	}
	if n := f.Calls("apps.connections.open"); n != 0 {
		t.Errorf("apps.connections.open called %d times", n)
	}
}
