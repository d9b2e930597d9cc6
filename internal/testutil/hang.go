package testutil

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
)

// HangingProxy is a reverse proxy on 127.0.0.1 in front of a fake server
// that never answers the requests its predicate picks: they hang until
// the client gives up or the test ends. The rest pass through.
type HangingProxy struct {
	srv  *httptest.Server
	hung atomic.Int32
}

// NewHangingProxy puts a hanging proxy in front of the server at target
// (scheme and host; its path is ignored); hang picks the requests that
// never get an answer.
func NewHangingProxy(t testing.TB, target string, hang func(r *http.Request) bool) *HangingProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = ""
	proxy := httputil.NewSingleHostReverseProxy(u)
	release := make(chan struct{})
	h := &HangingProxy{}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hang(r) {
			proxy.ServeHTTP(w, r)
			return
		}
		h.hung.Add(1)
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(h.srv.Close)
	t.Cleanup(func() { close(release) }) // runs first
	return h
}

// URL is the proxy's base URL, with no trailing slash.
func (h *HangingProxy) URL() string { return h.srv.URL }

// Hung reports how many requests have hung so far.
func (h *HangingProxy) Hung() int { return int(h.hung.Load()) }

// BlockingRouter returns a router on kb whose every answer blocks until the
// test calls release (or ends): the answer's own work, which no context
// stops.
func BlockingRouter(t testing.TB, kb *knowledge.Base) (r *bot.Router, release func()) {
	t.Helper()
	gate := make(chan struct{})
	r = bot.NewRouter(kb, nil)
	r.SetOptions(bot.Options{Observe: func(string, string, time.Duration) { <-gate }})
	var released bool
	release = func() {
		if !released {
			released = true
			close(gate)
		}
	}
	t.Cleanup(release)
	return r, release
}

// ReturnsWithin fails the test unless f returns within d.
func ReturnsWithin(t testing.TB, what string, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not return within %v", what, d)
	}
}
