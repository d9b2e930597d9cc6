package main

import (
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/discord/discordtest"
	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/internal/testutil"
)

// shortShutdown is the shutdown budget the tests give serve.
const shortShutdown = time.Second

// overrun is how far past its budget a shutdown may return in a test: the
// scheduling of a busy 2-core machine, not part of the budget.
const overrun = 500 * time.Millisecond

// TestServeShutdownWithinBudget stops serve while a client trickles a body,
// while Slack's API or a response_url or Discord's REST API hangs, and
// with answers in flight: serve returns without error (exit 0) within its
// shutdown budget, and logs what it abandoned.
func TestServeShutdownWithinBudget(t *testing.T) {
	const secret = "shutdown-secret"
	slackHang := func(t *testing.T, hang func(*http.Request) bool) (env map[string]string, base string, hung *testutil.HangingProxy) {
		f := slacktest.NewFake(t)
		hung = testutil.NewHangingProxy(t, f.APIURL(), hang)
		base = hung.URL()
		return map[string]string{
			"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-shutdown", "SLACK_SIGNING_SECRET": secret, "SLACK_API_URL": base + "/api/",
		}, base, hung
	}
	mention := func(t *testing.T, addr string, n int) {
		ev := slacktest.MentionEvent("EvShut"+strconv.Itoa(n), "U"+strconv.Itoa(n), "", "<@"+slacktest.BotUser+"> who is imran khan", "1700000000.00010"+strconv.Itoa(n), "")
		resp, err := http.DefaultClient.Do(slacktest.SignedRequest(t, "http://"+addr+"/slack/events", "application/json", ev, secret, time.Now()))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	isPost := func(r *http.Request) bool { return r.URL.Path == "/api/chat.postMessage" }
	tests := []struct {
		name      string
		setup     func(t *testing.T) (env map[string]string, act func(t *testing.T, addr string), want int, hung *testutil.HangingProxy)
		abandoned bool // the log must say work was abandoned
	}{
		{"a client trickling a body", func(t *testing.T) (map[string]string, func(*testing.T, string), int, *testutil.HangingProxy) {
			env, _, hung := slackHang(t, func(*http.Request) bool { return false })
			return env, func(t *testing.T, addr string) {
				conn, err := net.Dial("tcp", addr)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { conn.Close() })
				io.WriteString(conn, "POST /slack/events HTTP/1.1\r\nHost: durand\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
				go func() {
					for {
						if _, err := io.WriteString(conn, " "); err != nil {
							return
						}
						time.Sleep(50 * time.Millisecond)
					}
				}()
				time.Sleep(100 * time.Millisecond) // the request is being read
			}, 0, hung
		}, false},
		{"a hanging chat.postMessage", func(t *testing.T) (map[string]string, func(*testing.T, string), int, *testutil.HangingProxy) {
			env, _, hung := slackHang(t, isPost)
			return env, func(t *testing.T, addr string) { mention(t, addr, 1) }, 1, hung
		}, true},
		{"a hanging response_url", func(t *testing.T) (map[string]string, func(*testing.T, string), int, *testutil.HangingProxy) {
			env, base, hung := slackHang(t, func(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/response/") })
			return env, func(t *testing.T, addr string) {
				p := slacktest.BlockActionPayload("durand_share", "who is imran khan", base+"/response/share")
				resp, err := http.DefaultClient.Do(slacktest.SignedRequest(t, "http://"+addr+"/slack/interactions", "application/x-www-form-urlencoded", p, secret, time.Now()))
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
			}, 1, hung
		}, true},
		{"ten answers in flight", func(t *testing.T) (map[string]string, func(*testing.T, string), int, *testutil.HangingProxy) {
			env, _, hung := slackHang(t, isPost)
			return env, func(t *testing.T, addr string) {
				for i := range 10 {
					mention(t, addr, i)
				}
			}, 10, hung
		}, true},
		{"a hanging Discord reply", func(t *testing.T) (map[string]string, func(*testing.T, string), int, *testutil.HangingProxy) {
			fd := discordtest.NewFake(t)
			hung := testutil.NewHangingProxy(t, fd.APIURL(), func(r *http.Request) bool {
				return r.Method == http.MethodPost && r.URL.Path == "/api/v9/channels/"+discordtest.ChannelID+"/messages"
			})
			base := hung.URL()
			env := map[string]string{"DURAND_ADDR": "127.0.0.1:0", "DISCORD_BOT_TOKEN": "discord-shutdown", "DISCORD_API_URL": base + "/api/v9/"}
			return env, func(t *testing.T, _ string) {
				fd.WaitReady(t)
				fd.Dispatch(t, "MESSAGE_CREATE", fd.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan"))
			}, 1, hung
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, act, want, hung := tt.setup(t)
			tune := defaultTuning()
			tune.Shutdown = shortShutdown
			addr, logs, stop := startServeTuned(t, env, tune)
			act(t, addr)
			slacktest.Eventually(t, "the calls to hang", func() bool { return hung.Hung() == want })
			start := time.Now()
			err := stop()
			took := time.Since(start)
			t.Logf("shutdown took %v", took)
			if err != nil {
				t.Errorf("serve returned %v; want nil (exit 0)", err)
			}
			if took > tune.Shutdown+overrun {
				t.Errorf("shutdown took %v; budget %v", took, tune.Shutdown)
			}
			if tt.abandoned && !strings.Contains(logs.String(), "unfinished work abandoned") {
				t.Errorf("the abandoned work is not logged:\n%s", logs)
			}
		})
	}
}

// TestServeDrain stops serve with DURAND_DRAIN set: /readyz turns 503 at
// once, questions are still answered during the drain, and serve returns
// after it, within the shutdown budget.
func TestServeDrain(t *testing.T) {
	const secret = "drain-secret"
	const drain = time.Second
	f := slacktest.NewFake(t)
	tune := defaultTuning()
	tune.Shutdown = shortShutdown
	env := slackEnv(f, secret)
	env["DURAND_DRAIN"] = drain.String()
	addr, logs, stop := startServeTuned(t, env, tune)
	base := "http://" + addr
	status := func(path string) int {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatalf("%s during the drain: %v", path, err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := status("/readyz"); code != http.StatusOK {
		t.Fatalf("/readyz before the drain: %d", code)
	}
	start := time.Now()
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	for status("/readyz") != http.StatusServiceUnavailable {
		if time.Since(start) > 500*time.Millisecond {
			t.Fatal("/readyz still 200 after SIGTERM")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if body := get(t, base+"/readyz"); !strings.Contains(body, "draining") {
		t.Errorf("/readyz during the drain: %q", body)
	}
	if code := status("/healthz"); code != http.StatusOK {
		t.Errorf("/healthz during the drain: %d", code)
	}
	if body := slash(t, base, secret, "who is asif durrani", "U1"); !strings.Contains(body, "Durrani") {
		t.Errorf("a question during the drain: %s", body)
	}
	select {
	case err := <-stopped:
		t.Fatalf("serve returned %v after %v, before the %v drain was over", err, time.Since(start), drain)
	default:
	}
	if err := <-stopped; err != nil {
		t.Errorf("serve returned %v", err)
	}
	if took := time.Since(start); took < drain || took > drain+tune.Shutdown+overrun {
		t.Errorf("serve returned %v after SIGTERM; want between %v and %v", took, drain, drain+tune.Shutdown)
	}
	if !strings.Contains(logs.String(), `"msg":"draining"`) {
		t.Errorf("the drain is not logged:\n%s", logs)
	}
}
