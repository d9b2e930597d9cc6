package slack

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/internal/testutil"
)

// hangingAdapter is an adapter whose Web API and response_url calls go
// through h, serving its handlers on 127.0.0.1.
func hangingAdapter(t *testing.T, h *slacktest.Hanging, mutate func(*Config)) (*Adapter, *httptest.Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	cfg := Config{
		BotToken: testBotToken, SigningSecret: testSecret, APIURL: h.APIURL(),
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
	t.Cleanup(srv.Close)
	return a, srv, logs
}

// TestLateAnswerBounded sends a slash command whose answer comes after the
// acknowledgement, to a response_url that never answers: the work ends at
// WorkTimeout, logged, instead of running on.
func TestLateAnswerBounded(t *testing.T) {
	f := slacktest.NewFake(t)
	h := slacktest.NewHanging(t, f, slacktest.HangResponses)
	router, release := testutil.BlockingRouter(t, testRouter(t).Base())
	a, srv, logs := hangingAdapter(t, h, func(c *Config) {
		c.Router, c.AnswerTimeout, c.WorkTimeout = router, 50*time.Millisecond, 300*time.Millisecond
	})
	req := slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, slacktest.SlashForm("who is asif durrani", h.ResponseURL("late")), testSecret, time.Now())
	if _, body := do(t, req); !strings.Contains(body, "Looking that up") {
		t.Fatalf("want the acknowledgement, got %s", body)
	}
	release()
	slacktest.Eventually(t, "the late answer's post to hang", func() bool { return h.Hung() == 1 })
	testutil.ReturnsWithin(t, "the late answer", 3*time.Second, a.Wait)
	if !strings.Contains(logs.String(), "late answer not delivered") {
		t.Errorf("the undelivered answer is not logged:\n%s", logs)
	}
}

// TestShutdownAbandonsWork leaves work in flight — a post that hangs, or an
// answer still being worked on — and shuts down: Shutdown returns at its
// deadline, logs what it abandoned, and the calls to Slack end at once.
func TestShutdownAbandonsWork(t *testing.T) {
	const deadline = 200 * time.Millisecond
	tests := []struct {
		name  string
		hang  func(*http.Request) bool
		block bool // the answer itself never finishes
		send  func(t *testing.T, srv *httptest.Server, h *slacktest.Hanging)
	}{
		{"hanging chat.postMessage", slacktest.HangMethod("chat.postMessage"), false, func(t *testing.T, srv *httptest.Server, _ *slacktest.Hanging) {
			ev := slacktest.MentionEvent("EvHang", "U1", "", "<@"+testBotUser+"> who is imran khan", "1700000000.000100", "")
			do(t, slacktest.SignedRequest(t, srv.URL+"/slack/events", "application/json", ev, testSecret, time.Now()))
		}},
		{"hanging response_url", slacktest.HangResponses, false, func(t *testing.T, srv *httptest.Server, h *slacktest.Hanging) {
			p := slacktest.BlockActionPayload(ActionShare, "who is imran khan", h.ResponseURL("share"))
			do(t, slacktest.SignedRequest(t, srv.URL+"/slack/interactions", form, p, testSecret, time.Now()))
		}},
		{"answer in flight", slacktest.HangResponses, true, func(t *testing.T, srv *httptest.Server, h *slacktest.Hanging) {
			do(t, slacktest.SignedRequest(t, srv.URL+"/slack/commands", form, slacktest.SlashForm("who is imran khan", h.ResponseURL("slow")), testSecret, time.Now()))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := slacktest.NewFake(t)
			h := slacktest.NewHanging(t, f, tt.hang)
			router, release := testutil.BlockingRouter(t, testRouter(t).Base())
			if !tt.block {
				release()
			}
			a, srv, logs := hangingAdapter(t, h, func(c *Config) { c.Router, c.AnswerTimeout = router, 50*time.Millisecond })
			tt.send(t, srv, h)
			if !tt.block {
				slacktest.Eventually(t, "the call to hang", func() bool { return h.Hung() == 1 })
			}
			ctx, cancel := context.WithTimeout(context.Background(), deadline)
			defer cancel()
			var n int
			testutil.ReturnsWithin(t, "Shutdown", deadline+time.Second, func() { n = a.Shutdown(ctx) })
			if n == 0 {
				t.Error("Shutdown abandoned nothing")
			}
			if !strings.Contains(logs.String(), "unfinished work abandoned") {
				t.Errorf("the abandoned work is not logged:\n%s", logs)
			}
			if !tt.block {
				// The hanging call was cancelled: nothing is left running.
				testutil.ReturnsWithin(t, "the abandoned work", time.Second, a.Wait)
			}
			release()
			if rs := f.Responses(); len(rs) != 0 {
				t.Errorf("abandoned work still answered: %v", rs)
			}
		})
	}
}
