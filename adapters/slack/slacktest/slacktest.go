// Package slacktest is a fake Slack for tests: the Web API methods durand
// calls, response_url endpoints and a hook for a Socket Mode websocket, all
// on 127.0.0.1, recording what they receive; plus requests signed and
// shaped the way Slack sends them.
package slacktest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// BotUser is the user id auth.test reports for the bot.
const BotUser = "UDURAND"

// Fake is Slack's Web API and response_url endpoint on 127.0.0.1. It
// records every call so tests can assert what durand sent.
type Fake struct {
	t   testing.TB
	srv *httptest.Server

	mu        sync.Mutex
	posts     []url.Values   // chat.postMessage form bodies
	views     []ViewOpen     // views.open bodies
	responses []Response     // response_url bodies
	calls     map[string]int // API method -> count
	auth      []string       // Authorization headers seen
	// failNext makes the next calls to a method answer with these status
	// codes first (e.g. 429, 500) before succeeding.
	failNext map[string][]int

	// WS serves the Socket Mode websocket at /ws, when a test sets it
	// before the adapter connects.
	WS http.HandlerFunc
}

// ViewOpen is a views.open call: the trigger it answers and the modal.
type ViewOpen struct {
	TriggerID string
	View      map[string]any
}

// Response is a body posted to a response_url.
type Response struct {
	Path string
	Body map[string]any
}

// NewFake starts a fake Slack, closed when the test ends.
func NewFake(t testing.TB) *Fake {
	f := &Fake{t: t, calls: map[string]int{}, failNext: map[string][]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// APIURL is the Web API base to give the adapter.
func (f *Fake) APIURL() string { return f.srv.URL + "/api/" }

// ResponseURL is a response_url that records what is posted to it.
func (f *Fake) ResponseURL(id string) string { return f.srv.URL + "/response/" + id }

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/ws" && f.WS != nil {
		f.WS(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	if strings.HasPrefix(r.URL.Path, "/response/") {
		if codes := f.failNext[r.URL.Path]; len(codes) > 0 {
			f.failNext[r.URL.Path] = codes[1:]
			if codes[0] == http.StatusTooManyRequests {
				w.Header().Set("Retry-After", "1")
			}
			w.WriteHeader(codes[0])
			return
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			f.t.Errorf("response_url body is not JSON: %v: %s", err, body)
		}
		f.responses = append(f.responses, Response{Path: r.URL.Path, Body: m})
		w.WriteHeader(http.StatusOK)
		return
	}
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	f.calls[method]++
	f.auth = append(f.auth, r.Header.Get("Authorization"))
	if codes := f.failNext[method]; len(codes) > 0 {
		f.failNext[method] = codes[1:]
		if codes[0] == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "1")
		}
		w.WriteHeader(codes[0])
		return
	}
	form, _ := url.ParseQuery(string(body))
	w.Header().Set("Content-Type", "application/json")
	switch method {
	case "auth.test":
		fmt.Fprintf(w, `{"ok":true,"url":"https://test.slack.com/","team":"Test","user":"durand","team_id":"T1","user_id":%q,"bot_id":"BDURAND"}`, BotUser)
	case "chat.postMessage":
		f.posts = append(f.posts, form)
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"%d.000100"}`, form.Get("channel"), time.Now().Unix())
	case "views.open":
		// slack-go sends views.open as JSON.
		var v struct {
			TriggerID string         `json:"trigger_id"`
			View      map[string]any `json:"view"`
		}
		if err := json.Unmarshal(body, &v); err != nil || v.TriggerID == "" {
			fmt.Fprint(w, `{"ok":false,"error":"invalid_arguments"}`)
			return
		}
		f.views = append(f.views, ViewOpen{TriggerID: v.TriggerID, View: v.View})
		fmt.Fprintf(w, `{"ok":true,"view":{"id":"V%d","type":"modal"}}`, len(f.views))
	case "apps.connections.open":
		u := "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/ws"
		fmt.Fprintf(w, `{"ok":true,"url":%q}`, u)
	default:
		fmt.Fprint(w, `{"ok":false,"error":"unknown_method"}`)
	}
}

// Posts returns the recorded chat.postMessage calls.
func (f *Fake) Posts() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]url.Values(nil), f.posts...)
}

// Views returns the recorded views.open calls.
func (f *Fake) Views() []ViewOpen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]ViewOpen(nil), f.views...)
}

// Responses returns the recorded response_url posts.
func (f *Fake) Responses() []Response {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Response(nil), f.responses...)
}

// Auth returns the Authorization headers of the Web API calls, in order.
func (f *Fake) Auth() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.auth...)
}

// Calls returns how often a Web API method was called.
func (f *Fake) Calls(method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[method]
}

// FailNext makes the next calls to method (or a /response/ path) fail with
// these status codes, in order.
func (f *Fake) FailNext(method string, codes ...int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failNext[method] = append(f.failNext[method], codes...)
}

// Eventually polls cond until it holds or a deadline passes.
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Sign computes Slack's v0 signature of body at timestamp ts.
func Sign(secret string, ts int64, body string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%d:%s", ts, body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// SignedRequest builds a request the way Slack builds it: the body signed
// with the secret at timestamp ts.
func SignedRequest(t testing.TB, target, contentType, body, secret string, ts time.Time) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewBufferString(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts.Unix(), 10))
	req.Header.Set("X-Slack-Signature", Sign(secret, ts.Unix(), body))
	return req
}

// SlashForm is a slash command body as Slack sends it.
func SlashForm(text, responseURL string) string {
	return url.Values{
		"token": {"deprecated"}, "team_id": {"T1"}, "team_domain": {"test"}, "channel_id": {"C1"},
		"channel_name": {"general"}, "user_id": {"U1"}, "user_name": {"analyst"}, "command": {"/durand"},
		"text": {text}, "api_app_id": {"A1"}, "response_url": {responseURL}, "trigger_id": {"1.2.3"},
	}.Encode()
}

// MentionEvent is an Events API callback for an app_mention.
func MentionEvent(eventID, user, botID, text, ts, threadTS string) string {
	ev := map[string]any{"type": "app_mention", "user": user, "text": text, "ts": ts, "channel": "C1", "event_ts": ts}
	if botID != "" {
		ev["bot_id"] = botID
	}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	b, _ := json.Marshal(map[string]any{"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": time.Now().Unix(), "event": ev})
	return string(b)
}

// BlockActionPayload is an interaction body for a button press.
func BlockActionPayload(actionID, value, responseURL string) string {
	return url.Values{"payload": {blockAction(actionID, value, responseURL, nil)}}.Encode()
}

// TriggerID is the trigger_id of the button presses built here.
const TriggerID = "1.2.3"

// MessageActionPayload is an interaction body for a button press on a
// message, saying as Slack does whether the message is ephemeral (seen by
// the user alone) or in the channel.
func MessageActionPayload(actionID, value, responseURL string, ephemeral bool) string {
	container := map[string]any{"type": "message", "message_ts": "1700000000.000900", "channel_id": "C1", "is_ephemeral": ephemeral}
	return url.Values{"payload": {blockAction(actionID, value, responseURL, container)}}.Encode()
}

func blockAction(actionID, value, responseURL string, container map[string]any) string {
	p := map[string]any{
		"type": "block_actions", "user": map[string]any{"id": "U1", "name": "analyst"},
		"channel": map[string]any{"id": "C1", "name": "general"}, "response_url": responseURL, "trigger_id": TriggerID,
		"actions": []map[string]any{{"action_id": actionID, "block_id": "b", "type": "button", "value": value, "action_ts": "1.2"}},
	}
	if container != nil {
		p["container"] = container
	}
	b, _ := json.Marshal(p)
	return string(b)
}

// ViewSubmissionPayload is an interaction body for the submission of a
// modal: its callback_id and private_metadata as the app opened it, and
// the value typed into each input (block_id -> action_id -> text; a nil
// text is an input left empty).
func ViewSubmissionPayload(callbackID, privateMetadata string, inputs map[string]map[string]*string) string {
	values := map[string]any{}
	for block, actions := range inputs {
		vs := map[string]any{}
		for action, text := range actions {
			v := map[string]any{"type": "plain_text_input"}
			if text != nil {
				v["value"] = *text
			}
			vs[action] = v
		}
		values[block] = vs
	}
	b, _ := json.Marshal(map[string]any{
		"type": "view_submission", "team": map[string]any{"id": "T1"}, "user": map[string]any{"id": "U1", "name": "analyst"},
		"trigger_id": "4.5.6",
		"view": map[string]any{"id": "V1", "type": "modal", "callback_id": callbackID, "private_metadata": privateMetadata,
			"state": map[string]any{"values": values}},
	})
	return url.Values{"payload": {string(b)}}.Encode()
}

// DirectMessageEvent is an Events API body for a message sent to the bot
// in a direct message (channel D1), as Slack sends it for message.im.
func DirectMessageEvent(eventID, user, text, ts string) string {
	ev := map[string]any{"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts, "channel": "D1", "event_ts": ts}
	b, _ := json.Marshal(map[string]any{"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": time.Now().Unix(), "event": ev})
	return string(b)
}
