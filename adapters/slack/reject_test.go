package slack

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/slack/slacktest"
)

// rejectLine matches the aggregate line the adapter logs for rejected
// requests, in slog's text format.
var rejectLine = regexp.MustCompile(`msg="rejected requests".* count=(\d+)`)

// TestRejectsLoggedInAggregate sends many requests of every kind the
// adapter rejects: each is counted by its reason for the metric, and the
// log gets one line per interval with the counts, not one per request.
func TestRejectsLoggedInAggregate(t *testing.T) {
	const interval = 2 * time.Second
	f := slacktest.NewFake(t)
	var (
		mu      sync.Mutex
		counted = map[string]int{}
	)
	a, _, logs := testAdapter(t, f, func(c *Config) {
		c.RejectLogInterval = interval
		c.OnReject = func(reason string) {
			mu.Lock()
			defer mu.Unlock()
			counted[reason]++
		}
	})
	body := slacktest.SlashForm("who is asif durrani", f.ResponseURL("r"))
	post := func(path, body string) *http.Request {
		r := httptest.NewRequest(http.MethodPost, fuzzTarget+path, strings.NewReader(body))
		r.Header.Set("Content-Type", form)
		return r
	}
	signed := func(path, body, secret string, at time.Time) *http.Request {
		return slacktest.SignedRequest(t, fuzzTarget+path, form, body, secret, at)
	}
	kinds := []struct {
		reason string
		req    func() *http.Request
		code   int
	}{
		{RejectUnsigned, func() *http.Request { return post("/slack/commands", body) }, http.StatusUnauthorized},
		{RejectSignature, func() *http.Request { return signed("/slack/events", body, "not-the-secret", time.Now()) }, http.StatusUnauthorized},
		{RejectSignature, func() *http.Request {
			r := signed("/slack/interactions", body, testSecret, time.Now())
			r.Header.Set("X-Slack-Signature", "v0=zz")
			return r
		}, http.StatusUnauthorized},
		{RejectStale, func() *http.Request {
			return signed("/slack/commands", body, testSecret, time.Now().Add(-6*time.Minute))
		}, http.StatusUnauthorized},
		{RejectStale, func() *http.Request {
			r := signed("/slack/events", body, testSecret, time.Now())
			r.Header.Set("X-Slack-Request-Timestamp", "soon")
			return r
		}, http.StatusUnauthorized},
		{RejectBodyTooLarge, func() *http.Request {
			return signed("/slack/commands", slacktest.SlashForm(strings.Repeat("a", maxBody), ""), testSecret, time.Now())
		}, http.StatusRequestEntityTooLarge},
		{RejectMethod, func() *http.Request { return httptest.NewRequest(http.MethodGet, fuzzTarget+"/slack/commands", nil) }, http.StatusMethodNotAllowed},
		{RejectNotFound, func() *http.Request { return post("/slack/nothing-here", body) }, http.StatusNotFound},
		{RejectMalformed, func() *http.Request { return signed("/slack/commands", "text=hi", testSecret, time.Now()) }, http.StatusBadRequest},
	}
	const rounds = 100
	want := map[string]int{}
	h := a.Handler()
	start := time.Now()
	for range rounds {
		for _, k := range kinds {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, k.req())
			if rec.Code != k.code {
				t.Fatalf("%s: status %d, want %d", k.reason, rec.Code, k.code)
			}
			want[k.reason]++
		}
	}
	sent := time.Since(start)
	total := rounds * len(kinds)

	// lines returns the aggregate lines logged so far and the requests they
	// count.
	lines := func() ([]string, int) {
		var out []string
		n := 0
		for _, l := range strings.Split(logs.String(), "\n") {
			if m := rejectLine.FindStringSubmatch(l); m != nil {
				out = append(out, l)
				c, _ := strconv.Atoi(m[1])
				n += c
			}
		}
		return out, n
	}
	slacktest.Eventually(t, "every rejection reported in the log", func() bool { _, n := lines(); return n >= total })
	got, n := lines()
	if n != total {
		t.Errorf("the log reports %d rejections, want %d", n, total)
	}
	// One line per interval: one in all, unless sending took longer.
	if maxLines := 1 + int(sent/interval); len(got) > maxLines {
		t.Errorf("%d lines for %d rejections sent in %v, want at most %d (one per %v):\n%s", len(got), total, sent, maxLines, interval, strings.Join(got, "\n"))
	}
	for reason, w := range want {
		if sent < interval && !strings.Contains(got[0], " "+reason+"="+strconv.Itoa(w)) {
			t.Errorf("the line lacks %s=%d: %s", reason, w, got[0])
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for reason, w := range want {
		if counted[reason] != w {
			t.Errorf("counted %d rejections for %s, want %d", counted[reason], reason, w)
		}
	}
	if len(counted) != len(want) {
		t.Errorf("counted reasons %v, want %v", counted, want)
	}
	if strings.Contains(logs.String(), testSecret) || strings.Contains(logs.String(), "v0=") {
		t.Errorf("the log leaks the secret or a signature:\n%s", logs)
	}
}

// TestRejectsLoggedAtShutdown: the refusals of a window still open when
// the process stops are logged by Shutdown, once.
func TestRejectsLoggedAtShutdown(t *testing.T) {
	f := slacktest.NewFake(t)
	a, _, logs := testAdapter(t, f, func(c *Config) { c.RejectLogInterval = time.Hour })
	h := a.Handler()
	for range 3 {
		r := httptest.NewRequest(http.MethodPost, fuzzTarget+"/slack/commands", strings.NewReader("x=1"))
		r.Header.Set("Content-Type", form)
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	if strings.Contains(logs.String(), "rejected requests") {
		t.Fatalf("logged before the window closed:\n%s", logs)
	}
	a.Shutdown(context.Background())
	a.Shutdown(context.Background())
	if n := strings.Count(logs.String(), "rejected requests"); n != 1 {
		t.Fatalf("%d lines of rejected requests after shutdown, want 1:\n%s", n, logs)
	}
	if !strings.Contains(logs.String(), "count=3") {
		t.Errorf("the line does not count 3 refusals:\n%s", logs)
	}
}
