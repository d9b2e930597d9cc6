package slacktest

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// Hanging is a Fake behind a proxy on 127.0.0.1 that never answers the
// requests its predicate picks: they hang until the client gives up or the
// test ends. The rest pass through to the Fake.
type Hanging struct {
	srv  *httptest.Server
	hung atomic.Int32
}

// NewHanging puts a hanging proxy in front of f; hang picks the requests
// that never get an answer.
func NewHanging(t testing.TB, f *Fake, hang func(r *http.Request) bool) *Hanging {
	t.Helper()
	target, err := url.Parse(f.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	release := make(chan struct{})
	h := &Hanging{}
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

// APIURL is the Web API base through the proxy.
func (h *Hanging) APIURL() string { return h.srv.URL + "/api/" }

// ResponseURL is a response_url through the proxy.
func (h *Hanging) ResponseURL(id string) string { return h.srv.URL + "/response/" + id }

// Hung reports how many requests have hung so far.
func (h *Hanging) Hung() int { return int(h.hung.Load()) }

// HangMethod picks the Web API calls to method (e.g. "chat.postMessage").
func HangMethod(method string) func(*http.Request) bool {
	return func(r *http.Request) bool { return r.URL.Path == "/api/"+method }
}

// HangResponses picks every response_url post.
func HangResponses(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/response/") }
