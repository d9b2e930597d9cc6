package slack

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/internal/testutil"
)

// The fault tests make the fake Slack fail the way Slack does (429 with
// Retry-After, 5xx, a Web API that never answers, a websocket that drops)
// and check that durand retries what it should, gives up in bounded time,
// and keeps answering meanwhile.

// attempts records when the adapter's HTTP client sent each request, by
// URL path, on its way to the fake.
type attempts struct {
	next http.RoundTripper
	mu   sync.Mutex
	at   map[string][]time.Time
}

func newAttempts() *attempts {
	return &attempts{next: &http.Transport{}, at: map[string][]time.Time{}}
}

func (a *attempts) RoundTrip(req *http.Request) (*http.Response, error) {
	a.mu.Lock()
	a.at[req.URL.Path] = append(a.at[req.URL.Path], time.Now())
	a.mu.Unlock()
	return a.next.RoundTrip(req)
}

// times returns when requests to path were sent.
func (a *attempts) times(path string) []time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]time.Time(nil), a.at[path]...)
}

// gaps returns the time between consecutive requests to path.
func (a *attempts) gaps(path string) []time.Duration {
	ts := a.times(path)
	var out []time.Duration
	for i := 1; i < len(ts); i++ {
		out = append(out, ts[i].Sub(ts[i-1]))
	}
	return out
}

func TestMentionReplyFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		fail     []int
		calls    int           // chat.postMessage calls in all
		posted   bool          // the reply got through in the end
		minGap   time.Duration // the least wait before the first retry
		maxGap   time.Duration
		logsFail bool
	}{
		// Retry-After: 1 from the fake, plus slack-go's jitter.
		{name: "429 then 200", fail: []int{429}, calls: 2, posted: true, minGap: 950 * time.Millisecond, maxGap: 3 * time.Second},
		// Backoff from 200 ms, with jitter.
		{name: "500 then 200", fail: []int{500}, calls: 2, posted: true, minGap: 150 * time.Millisecond, maxGap: 2 * time.Second},
		{name: "502 and 503 then 200", fail: []int{502, 503}, calls: 3, posted: true, minGap: 150 * time.Millisecond, maxGap: 2 * time.Second},
		{name: "500 until it gives up", fail: []int{500, 500, 500, 500, 500}, calls: 4, minGap: 150 * time.Millisecond, maxGap: 2 * time.Second, logsFail: true},
		{name: "404 is not retried", fail: []int{404}, calls: 1, logsFail: true},
	}
	// Every case runs at once, each against its own fake; then each is
	// checked.
	type run struct {
		f      *slacktest.Fake
		a      *Adapter
		client *attempts
		logs   *syncBuffer
	}
	runs := make([]run, len(tests))
	for i, tt := range tests {
		f := slacktest.NewFake(t)
		f.FailNext("chat.postMessage", tt.fail...)
		client := newAttempts()
		a, srv, logs := testAdapter(t, f, func(c *Config) { c.HTTPClient = &http.Client{Transport: client, Timeout: 5 * time.Second} })
		start := time.Now()
		postEvent(t, srv, slacktest.MentionEvent("EvFault", "U1", "", "<@"+testBotUser+"> who is faiz hameed", "1700000600.000100", ""), "")
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: the event took %v to acknowledge", tt.name, d)
		}
		runs[i] = run{f, a, client, logs}
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, client, logs := runs[i].f, runs[i].client, runs[i].logs
			waitFor(t, 10*time.Second, runs[i].a.Wait)

			if c := f.Calls("chat.postMessage"); c != tt.calls {
				t.Errorf("chat.postMessage called %d times, want %d", c, tt.calls)
			}
			if gaps := client.gaps("/api/chat.postMessage"); len(gaps) > 0 && (gaps[0] < tt.minGap || gaps[0] > tt.maxGap) {
				t.Errorf("first retry after %v, want %v–%v", gaps[0], tt.minGap, tt.maxGap)
			}
			posts := f.Posts()
			if tt.posted {
				if len(posts) != 1 {
					t.Fatalf("%d replies, want 1", len(posts))
				}
				p := posts[0]
				if p.Get("channel") != "C1" || p.Get("thread_ts") != "1700000600.000100" || !strings.Contains(p.Get("blocks"), "Faiz Hameed") {
					t.Errorf("reply %v", p)
				}
			} else if len(posts) != 0 {
				t.Errorf("%d replies, want none", len(posts))
			}
			if failed := strings.Contains(logs.String(), "chat.postMessage failed"); failed != tt.logsFail {
				t.Errorf("failure logged %v, want %v:\n%s", failed, tt.logsFail, logs)
			}
		})
	}
}

func TestResponseURLFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		fail      []int
		attempts  int // posts to the response_url in all: the share, its retries and the delete
		delivered bool
		minGap    time.Duration
		maxGap    time.Duration
	}{
		{name: "500 then 200", fail: []int{500}, attempts: 3, delivered: true, minGap: 150 * time.Millisecond, maxGap: time.Second},
		{name: "429 then 200", fail: []int{429}, attempts: 3, delivered: true, minGap: 950 * time.Millisecond, maxGap: 2 * time.Second},
		{name: "500 until it gives up", fail: []int{500, 500, 500, 500}, attempts: 4, minGap: 150 * time.Millisecond, maxGap: time.Second},
		{name: "404 is not retried", fail: []int{404}, attempts: 1},
	}
	type run struct {
		f      *slacktest.Fake
		a      *Adapter
		client *attempts
		logs   *syncBuffer
	}
	runs := make([]run, len(tests))
	for i, tt := range tests {
		f := slacktest.NewFake(t)
		f.FailNext("/response/share", tt.fail...)
		client := newAttempts()
		a, srv, logs := testAdapter(t, f, func(c *Config) { c.HTTPClient = &http.Client{Transport: client, Timeout: 5 * time.Second} })
		start := time.Now()
		code, body := do(t, slacktest.SignedRequest(t, srv.URL+"/slack/interactions", form,
			slacktest.BlockActionPayload(ActionShare, "who is asif durrani", f.ResponseURL("share")), testSecret, time.Now()))
		if code != http.StatusOK || time.Since(start) > time.Second {
			t.Fatalf("%s: interaction answered %d after %v: %s", tt.name, code, time.Since(start), body)
		}
		runs[i] = run{f, a, client, logs}
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, client, logs := runs[i].f, runs[i].client, runs[i].logs
			waitFor(t, 10*time.Second, runs[i].a.Wait)

			if n := len(client.times("/response/share")); n != tt.attempts {
				t.Errorf("%d posts to the response_url, want %d", n, tt.attempts)
			}
			if gaps := client.gaps("/response/share"); len(tt.fail) > 0 && len(gaps) > 0 && (gaps[0] < tt.minGap || gaps[0] > tt.maxGap) {
				t.Errorf("first retry after %v, want %v–%v", gaps[0], tt.minGap, tt.maxGap)
			}
			rs := f.Responses()
			if !tt.delivered {
				if len(rs) != 0 {
					t.Errorf("responses %+v, want none", rs)
				}
				if !strings.Contains(logs.String(), "share failed") {
					t.Errorf("the failure is not logged:\n%s", logs)
				}
				return
			}
			if len(rs) != 2 || rs[0].Body["response_type"] != "in_channel" || !strings.Contains(mustJSON(t, rs[0].Body), "special representative") || rs[1].Body["delete_original"] != true {
				t.Errorf("responses %+v, want the shared answer, then delete_original", rs)
			}
		})
	}
}

// answeredWhileHung checks that the HTTP handlers still answer, each
// within limit, while something the adapter sent hangs.
func answeredWhileHung(t *testing.T, f *slacktest.Fake, srv *httptest.Server, limit time.Duration) {
	t.Helper()
	for _, req := range []*http.Request{
		slacktest.SignedRequest(t, srv.URL+"/slack/events", "application/json", `{"type":"url_verification","challenge":"still-here"}`, testSecret, time.Now()),
		slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, slacktest.SlashForm("who is asif durrani", f.ResponseURL("r1")), testSecret, time.Now()),
	} {
		start := time.Now()
		code, body := do(t, req)
		if d := time.Since(start); code != http.StatusOK || d > limit {
			t.Errorf("%s answered %d after %v while a call hangs: %.200s", req.URL.Path, code, d, body)
		}
		if req.URL.Path == "/slack/commands" && !strings.Contains(body, "special representative") {
			t.Errorf("slash command answered %.300s", body)
		}
	}
}

// TestWebAPIHangs makes chat.postMessage never answer: the mention is
// acknowledged at once, other requests are answered meanwhile, and the
// reply gives up after the HTTP client's timeout (slack-go does not retry
// a timeout).
func TestWebAPIHangs(t *testing.T) {
	t.Parallel()
	const timeout = time.Second
	f := slacktest.NewFake(t)
	h := testutil.NewHangingProxy(t, f.APIURL(), func(r *http.Request) bool { return r.URL.Path == "/api/chat.postMessage" })
	a, srv, logs := testAdapter(t, f, func(c *Config) {
		c.APIURL = h.URL() + "/api/"
		c.HTTPClient = &http.Client{Timeout: timeout}
	})
	failed := func() bool { return strings.Contains(logs.String(), "chat.postMessage failed") }

	start := time.Now()
	postEvent(t, srv, slacktest.MentionEvent("EvHang", "U1", "", "<@"+testBotUser+"> who is imran khan", "1700000700.000100", ""), "")
	if d := time.Since(start); d > timeout/2 {
		t.Errorf("the mention took %v to acknowledge: the handler waited for the reply", d)
	}
	slacktest.Eventually(t, "the reply to hang", func() bool { return h.Hung() >= 1 })
	answeredWhileHung(t, f, srv, timeout/2)
	if failed() {
		t.Fatalf("the reply gave up after %v, before the other requests were answered; want about %v", time.Since(start), timeout)
	}
	gaveUp := waitFor(t, 5*time.Second, func() { slacktest.Eventually(t, "the failure logged", failed) })
	if d := gaveUp.Sub(start); d < timeout || d > 2*timeout {
		t.Errorf("gave up %v after the mention, want about the %v timeout", d, timeout)
	}
	waitFor(t, 5*time.Second, a.Wait)
	if n := h.Hung(); n != 1 {
		t.Errorf("chat.postMessage tried %d times, want 1", n)
	}
	if len(f.Posts()) != 0 {
		t.Errorf("posts %v reached the fake", f.Posts())
	}
}

// TestResponseURLHangs makes a response_url never answer: the button
// press is acknowledged at once, other requests are answered meanwhile,
// and the share gives up after four attempts, each cut off by the HTTP
// client's timeout.
func TestResponseURLHangs(t *testing.T) {
	t.Parallel()
	const timeout = 200 * time.Millisecond
	f := slacktest.NewFake(t)
	h := testutil.NewHangingProxy(t, f.APIURL(), func(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/response/hang") })
	// The Web API goes through the proxy too: a response_url must be on
	// its host.
	a, srv, logs := testAdapter(t, f, func(c *Config) {
		c.APIURL = h.URL() + "/api/"
		c.HTTPClient = &http.Client{Timeout: timeout}
	})
	failed := func() bool { return strings.Contains(logs.String(), "share failed") }

	start := time.Now()
	code, body := do(t, slacktest.SignedRequest(t, srv.URL+"/slack/interactions", form,
		slacktest.BlockActionPayload(ActionShare, "who is asif durrani", h.URL()+"/response/hang"), testSecret, time.Now()))
	// Giving up takes four attempts of 200 ms, 200 + 400 + 800 ms apart:
	// about 2.2 s.
	const givingUp = 4*timeout + 1400*time.Millisecond
	if d := time.Since(start); code != http.StatusOK || d > time.Second {
		t.Fatalf("interaction answered %d after %v: %s", code, d, body)
	}
	slacktest.Eventually(t, "the response_url to hang", func() bool { return h.Hung() >= 1 })
	answeredWhileHung(t, f, srv, time.Second)
	if failed() {
		t.Fatalf("the share gave up after %v, before the other requests were answered; want about %v", time.Since(start), givingUp)
	}
	gaveUp := waitFor(t, 10*time.Second, func() { slacktest.Eventually(t, "the failure logged", failed) })
	if d := gaveUp.Sub(start); d < givingUp || d > givingUp+3*time.Second {
		t.Errorf("gave up %v after the button press, want about %v", d, givingUp)
	}
	waitFor(t, 5*time.Second, a.Wait)
	if n := h.Hung(); n != 4 {
		t.Errorf("response_url tried %d times, want 4", n)
	}
	if strings.Contains(logs.String(), "could not remove the private answer") || len(f.Responses()) != 0 {
		t.Errorf("responses %v after the share failed", f.Responses())
	}
}

// waitFor runs f, failing the test if it takes longer than d, and returns
// when it returned.
func waitFor(t *testing.T, d time.Duration, f func()) time.Time {
	t.Helper()
	done := make(chan time.Time, 1)
	go func() {
		f()
		done <- time.Now()
	}()
	select {
	case at := <-done:
		return at
	case <-time.After(d):
		t.Fatalf("still waiting after %v", d)
		return time.Time{}
	}
}

// TestSocketModeDropMidSession drops the websocket right after sending an
// envelope, makes the reconnection fail once (apps.connections.open
// answers 500, then the websocket upgrade 503), and has Slack redeliver
// the envelope on the new connection, as it does for one not acked: the
// event is answered exactly once, and the new connection serves mentions
// and slash commands.
func TestSocketModeDropMidSession(t *testing.T) {
	t.Parallel()
	f := slacktest.NewFake(t)
	s := newFakeSocket(t, f)
	serveWS := f.WS
	var dials atomic.Int32
	f.WS = func(w http.ResponseWriter, r *http.Request) {
		if dials.Add(1) == 2 { // the first redial
			http.Error(w, "service unavailable", http.StatusServiceUnavailable)
			return
		}
		serveWS(w, r)
	}
	_, logs, stop := startSocketMode(t, f)

	c1 := s.conn(t, 1)
	c1.send(t, eventsEnvelope("env-1", slacktest.MentionEvent("Ev1", "U1", "", "<@UDURAND> who is asif durrani", "1700000000.000100", ""), 0))
	s.ack(t, "env-1")
	slacktest.Eventually(t, "the first answer", func() bool { return len(f.Posts()) == 1 })

	f.FailNext("apps.connections.open", http.StatusInternalServerError)
	mid := slacktest.MentionEvent("Ev2", "U1", "", "<@UDURAND> who is imran khan", "1700000000.000200", "")
	c1.send(t, eventsEnvelope("env-2", mid, 0))
	c1.ws.Close() // mid-session, maybe before the client read env-2

	c2 := s.conn(t, 2)
	c2.send(t, eventsEnvelope("env-2-retry", mid, 1))
	c2.send(t, slashEnvelope("env-3", "who is noor wali mehsud", f.ResponseURL("slash")))
	c2.send(t, eventsEnvelope("env-4", slacktest.MentionEvent("Ev4", "U1", "", "<@UDURAND> who is sarfraz bugti", "1700000000.000400", ""), 0))
	for _, id := range []string{"env-2-retry", "env-3", "env-4"} {
		s.ack(t, id)
	}
	slacktest.Eventually(t, "answers on the new connection", func() bool { return len(f.Posts()) >= 3 })
	stop()

	byThread := map[string]int{}
	for _, p := range f.Posts() {
		byThread[p.Get("thread_ts")]++
	}
	for _, ts := range []string{"1700000000.000100", "1700000000.000200", "1700000000.000400"} {
		if byThread[ts] != 1 {
			t.Errorf("thread %s answered %d times, want 1 (all: %v)", ts, byThread[ts], byThread)
		}
	}
	if ack := s.Acks("env-3"); len(ack) != 1 || !strings.Contains(string(ack[0].Payload), "Noor Wali Mehsud") {
		t.Errorf("slash command on the new connection acked with %+v", ack)
	}
	// The first connection, the 500 and its retry, and one more after the
	// refused upgrade.
	if n := f.Calls("apps.connections.open"); n != 4 {
		t.Errorf("apps.connections.open called %d times, want 4", n)
	}
	if n := dials.Load(); n != 3 {
		t.Errorf("%d websocket dials, want 3", n)
	}
	for _, want := range []string{"socket mode reconnecting", "socket mode connection failed"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
	if strings.Count(logs.String(), "socket mode connected") != 2 {
		t.Errorf("want two connections logged:\n%s", logs)
	}
}

// TestSocketModeAnswersAfterFailedReconnects keeps the websocket refusing
// for a while after a drop: slack-go backs off and retries, and the first
// envelope on the connection that finally opens is answered.
func TestSocketModeAnswersAfterFailedReconnects(t *testing.T) {
	t.Parallel()
	f := slacktest.NewFake(t)
	s := newFakeSocket(t, f)
	serveWS := f.WS
	var dials atomic.Int32
	f.WS = func(w http.ResponseWriter, r *http.Request) {
		if n := dials.Add(1); n >= 2 && n <= 4 {
			http.Error(w, "bad gateway", http.StatusBadGateway)
			return
		}
		serveWS(w, r)
	}
	_, logs, stop := startSocketMode(t, f)

	s.conn(t, 1).ws.Close()
	c2 := s.conn(t, 2)
	c2.send(t, eventsEnvelope("env-1", slacktest.MentionEvent("Ev1", "U1", "", "<@UDURAND> who is asif durrani", "1700000000.000100", ""), 0))
	s.ack(t, "env-1")
	slacktest.Eventually(t, "the answer", func() bool { return len(f.Posts()) == 1 })
	stop()
	if n := dials.Load(); n != 5 {
		t.Errorf("%d dials, want 5 (one, three refused, one)", n)
	}
	if n := strings.Count(logs.String(), "socket mode connection failed"); n != 3 {
		t.Errorf("%d failed connections logged, want 3:\n%s", n, logs)
	}
}
