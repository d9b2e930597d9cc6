package slacktest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/durandbot/durand/internal/testutil"
)

// Hanging is a Fake behind a proxy on 127.0.0.1 that never answers the
// requests its predicate picks: they hang until the client gives up or the
// test ends. The rest pass through to the Fake.
type Hanging struct{ *testutil.HangingProxy }

// NewHanging puts a hanging proxy in front of f; hang picks the requests
// that never get an answer.
func NewHanging(t testing.TB, f *Fake, hang func(r *http.Request) bool) *Hanging {
	t.Helper()
	return &Hanging{testutil.NewHangingProxy(t, f.srv.URL, hang)}
}

// APIURL is the Web API base through the proxy.
func (h *Hanging) APIURL() string { return h.URL() + "/api/" }

// ResponseURL is a response_url through the proxy.
func (h *Hanging) ResponseURL(id string) string { return h.URL() + "/response/" + id }

// HangMethod picks the Web API calls to method (e.g. "chat.postMessage").
func HangMethod(method string) func(*http.Request) bool {
	return func(r *http.Request) bool { return r.URL.Path == "/api/"+method }
}

// HangResponses picks every response_url post.
func HangResponses(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/response/") }
