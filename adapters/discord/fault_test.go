package discord

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/discord/discordtest"
	"github.com/durandbot/durand/internal/testutil"
)

// The fault tests make the fake Discord fail the way Discord does (429
// with retry_after, 5xx, an interaction callback that never answers, a
// gateway that drops) and check that durand retries what it should, gives
// up in bounded time, and keeps answering meanwhile.

// clock records when the adapter sent each REST request, by method and
// path as discordgo names them (https://discord.com/api/v9/...).
type clock struct {
	next http.RoundTripper
	mu   sync.Mutex
	at   map[string][]time.Time
}

func (c *clock) RoundTrip(req *http.Request) (*http.Response, error) {
	c.mu.Lock()
	k := req.Method + " " + req.URL.Path
	c.at[k] = append(c.at[k], time.Now())
	c.mu.Unlock()
	return c.next.RoundTrip(req)
}

func (c *clock) times(method, path string) []time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Time(nil), c.at[method+" "+path]...)
}

func TestReplyFaults(t *testing.T) {
	tests := []struct {
		name               string
		fail               []int
		minCalls, maxCalls int  // POST channels/messages in all
		delivered          bool // the reply got through in the end
		minGap             time.Duration
	}{
		// The fake's 429 says retry_after 0.3 s.
		{name: "429 then 200", fail: []int{429}, minCalls: 2, maxCalls: 2, delivered: true, minGap: 250 * time.Millisecond},
		{name: "502 then 200", fail: []int{502}, minCalls: 2, maxCalls: 2, delivered: true},
		{name: "500 then 200", fail: []int{500}, minCalls: 2, maxCalls: 2, delivered: true},
		{name: "503 then 200", fail: []int{503}, minCalls: 2, maxCalls: 2, delivered: true},
		{name: "500 until it gives up", fail: []int{500, 500, 500, 500, 500, 500}, minCalls: 2, maxCalls: 5},
		{name: "502 until it gives up", fail: []int{502, 502, 502, 502, 502, 502}, minCalls: 2, maxCalls: 5},
		{name: "403 is not retried", fail: []int{403}, minCalls: 1, maxCalls: 1},
	}
	// One adapter answers a mention in each case's own channel, all at
	// once; each channel's replies fail as the case says.
	t.Parallel()
	f := discordtest.NewFake(t)
	var c *clock
	_, logs := startWith(t, f, nil, func(a *Adapter) {
		c = &clock{next: a.s.Client.Transport, at: map[string][]time.Time{}}
		a.s.Client.Transport = c
	})
	channel := func(i int) string { return fmt.Sprintf("4000000000000010%02d", i) }
	for i, tt := range tests {
		f.FailNext("POST", "/api/v9/channels/"+channel(i)+"/", tt.fail...)
		f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(channel(i), "<@"+discordtest.BotUserID+"> who is imran khan"))
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := channel(i)
			failed := func() bool { return strings.Contains(logs.String(), "channel="+ch) }
			discordtest.Eventually(t, "the reply or its failure", func() bool {
				return len(replies(f, ch)) > 0 || failed()
			})
			time.Sleep(100 * time.Millisecond) // a retry after a failure logged would show now

			path := "/api/v9/channels/" + ch + "/messages"
			calls := f.CallsTo("POST", path)
			if len(calls) < tt.minCalls || len(calls) > tt.maxCalls {
				t.Errorf("%d calls (statuses %v), want %d–%d", len(calls), statuses(calls), tt.minCalls, tt.maxCalls)
			}
			if got := len(replies(f, ch)) == 1; got != tt.delivered {
				t.Errorf("delivered %v, want %v (statuses %v)", got, tt.delivered, statuses(calls))
			}
			if ts := c.times("POST", path); tt.minGap > 0 && len(ts) >= 2 && ts[1].Sub(ts[0]) < tt.minGap {
				t.Errorf("retried after %v, want at least %v", ts[1].Sub(ts[0]), tt.minGap)
			}
			if failed() == tt.delivered {
				t.Errorf("failure logged %v, want %v:\n%s", failed(), !tt.delivered, logs)
			}
			if !tt.delivered && !strings.Contains(logs.String(), `msg="reply failed" platform=discord route="POST channels/messages" channel=`+ch) {
				t.Errorf("the failure is not logged by route:\n%s", logs)
			}
		})
	}
}

func statuses(calls []discordtest.Call) []int {
	var out []int
	for _, c := range calls {
		out = append(out, c.Status)
	}
	return out
}

// newHangingDiscord puts the fake's REST API behind a proxy that never
// answers the requests hang picks, until the client gives up or the test
// ends.
func newHangingDiscord(t *testing.T, f *discordtest.Fake, hang func(r *http.Request) bool) *testutil.HangingProxy {
	t.Helper()
	return testutil.NewHangingProxy(t, f.APIURL(), hang)
}

func TestInteractionCallbackHangs(t *testing.T) {
	t.Parallel()
	const timeout = time.Second
	f := discordtest.NewFake(t)
	var hangID atomic.Value
	hangID.Store("none")
	h := newHangingDiscord(t, f, func(r *http.Request) bool {
		return strings.HasPrefix(r.URL.Path, "/api/v9/interactions/"+hangID.Load().(string)+"/")
	})
	_, logs := startWith(t, f, func(c *Config) { c.APIURL = h.URL() + "/api/v9/" }, func(a *Adapter) {
		// Config has no knob for it; 20 s would make this test slow.
		a.s.Client.Timeout = timeout
	})

	hung := f.SlashCommand(discordtest.ChannelID, CommandName, map[string]any{"question": "who is asif durrani"})
	hangID.Store(hung["id"].(string))
	start := time.Now()
	f.Dispatch(t, "INTERACTION_CREATE", hung)
	discordtest.Eventually(t, "the callback to hang", func() bool { return h.Hung() == 1 })

	// Meanwhile, a mention and another command are answered.
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan"))
	other := f.SlashCommand(discordtest.ChannelID, CommandName, map[string]any{"question": "who is noor wali mehsud"})
	f.Dispatch(t, "INTERACTION_CREATE", other)
	discordtest.Eventually(t, "answers while the callback hangs", func() bool {
		return len(replies(f, discordtest.ChannelID)) == 1 && len(interactionCallbacks(f, other)) == 1
	})
	failed := func() bool { return strings.Contains(logs.String(), "interaction response failed") }
	if failed() {
		t.Errorf("the hung callback gave up after %v, before the other answers; want about %v", time.Since(start), timeout)
	}
	if cb := interactionCallbacks(f, other)[0]; cb.Status >= 300 || !strings.Contains(embedText(t, cb.Body["data"].(map[string]any)), "Noor Wali Mehsud") {
		t.Errorf("other interaction answered %d: %s", cb.Status, cb.RawBody)
	}

	discordtest.Eventually(t, "the hung callback logged as failed", failed)
	if d := time.Since(start); d < timeout || d > 3*timeout {
		t.Errorf("gave up on the callback after %v, want about %v", d, timeout)
	}
	if n := h.Hung(); n != 1 {
		t.Errorf("the hung callback was tried %d times", n)
	}
	if len(interactionCallbacks(f, hung)) != 0 {
		t.Error("the hung callback reached the fake")
	}
	l := logs.String()
	if strings.Contains(l, hung["token"].(string)) || !strings.Contains(l, `route="POST interactions/callback"`) {
		t.Errorf("failure not logged by route, or with the interaction token:\n%s", l)
	}

	// And after it, too.
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is faiz hameed"))
	discordtest.Eventually(t, "an answer after the hang", func() bool { return len(replies(f, discordtest.ChannelID)) == 2 })
}

// TestGatewayDropMidSession drops the gateway right after a dispatch, so
// that the client may or may not have read it, and later invalidates the
// session so that the client must identify again: every message is
// answered exactly once, and the commands are not registered again.
func TestGatewayDropMidSession(t *testing.T) {
	t.Parallel()
	f := discordtest.NewFake(t)
	a, logs := start(t, f, nil)
	mention := func(q string) map[string]any {
		return f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> "+q)
	}
	replied := func(m map[string]any) int {
		n := 0
		for _, c := range replies(f, discordtest.ChannelID) {
			if ref, _ := c.Body["message_reference"].(map[string]any); ref != nil && ref["message_id"] == m["id"] {
				n++
			}
		}
		return n
	}

	m1 := mention("who is asif durrani")
	f.Dispatch(t, "MESSAGE_CREATE", m1)
	discordtest.Eventually(t, "the first answer", func() bool { return replied(m1) == 1 })

	// Dropped right after the dispatch: the client resumes, and the fake
	// replays the event if the client had not read it.
	m2 := mention("who is imran khan")
	f.Dispatch(t, "MESSAGE_CREATE", m2)
	f.DropConnection()
	discordtest.EventuallyReconnected(t, "the answer across the drop", func() bool { return replied(m2) >= 1 })
	f.WaitReady(t)

	// Sent while the session is gone: a RESUME is refused, the client
	// identifies again and gets the events after READY.
	f.InvalidateSessions()
	f.DropConnection()
	discordtest.EventuallyReconnected(t, "a new IDENTIFY", func() bool { return len(f.Identifies()) >= 2 })
	m3 := mention("who is noor wali mehsud")
	f.Dispatch(t, "MESSAGE_CREATE", m3)
	discordtest.Eventually(t, "the answer after identifying again", func() bool { return replied(m3) >= 1 })

	time.Sleep(200 * time.Millisecond) // a duplicate answer would land now
	for i, m := range []map[string]any{m1, m2, m3} {
		if n := replied(m); n != 1 {
			t.Errorf("message %d answered %d times, want 1", i+1, n)
		}
	}
	if f.Resumes() == 0 {
		t.Error("the client never tried to resume")
	}
	if n := len(f.CallsTo("PUT", "/api/v9/applications/")); n != 1 {
		t.Errorf("commands registered %d times, want 1", n)
	}
	if !a.Ready() {
		t.Error("not ready after reconnecting")
	}
	if !strings.Contains(logs.String(), "discord gateway disconnected") {
		t.Errorf("the drop is not logged:\n%s", logs)
	}
}
