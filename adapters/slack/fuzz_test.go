package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/bot"
)

// The fuzz tests call the adapter's HTTP handler directly, with requests
// signed (or not) as Slack signs them; their seed corpora are under
// testdata/fuzz. Every outgoing call the adapter makes, whatever URL a
// fuzzed response_url names, goes to a fake Slack on 127.0.0.1.

// fuzzTarget is the base URL of the requests the fuzz tests build; the
// handler is called directly, so it is never dialled.
const fuzzTarget = "http://durand.test"

// toFake sends every request to the fake Slack, whatever host its URL
// names, and counts them.
type toFake struct {
	host string
	next http.RoundTripper
	n    atomic.Int64
}

func (t *toFake) RoundTrip(req *http.Request) (*http.Response, error) {
	t.n.Add(1)
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host, req.Host = "http", t.host, t.host
	return t.next.RoundTrip(req)
}

// panicLog is a slog handler that keeps the lines that report a recovered
// panic or carry a secret; it logs nothing else.
type panicLog struct {
	secrets []string
	mu      sync.Mutex
	bad     []string
}

func (h *panicLog) Enabled(context.Context, slog.Level) bool { return true }
func (h *panicLog) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *panicLog) WithGroup(string) slog.Handler            { return h }

func (h *panicLog) Handle(_ context.Context, r slog.Record) error {
	var line strings.Builder
	line.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&line, " %s=%v", a.Key, a.Value)
		return true
	})
	s := line.String()
	problem := strings.Contains(strings.ToLower(r.Message), "panic")
	for _, secret := range h.secrets {
		problem = problem || strings.Contains(s, secret)
	}
	if problem {
		h.mu.Lock()
		h.bad = append(h.bad, s)
		h.mu.Unlock()
	}
	return nil
}

// take returns and forgets the lines kept so far.
func (h *panicLog) take() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := h.bad
	h.bad = nil
	return out
}

// fuzzAdapter is an adapter for the fuzz tests, started against a fake
// Slack; log keeps what it and its router log about panics. calls counts
// its outgoing HTTP requests, all of which go to the fake.
func fuzzAdapter(f *testing.F) (a *Adapter, fake *slacktest.Fake, calls *toFake, log *panicLog) {
	f.Helper()
	fake = slacktest.NewFake(f)
	u, err := url.Parse(fake.APIURL())
	if err != nil {
		f.Fatal(err)
	}
	calls = &toFake{host: u.Host, next: &http.Transport{}}
	log = &panicLog{secrets: []string{testSecret, testBotToken}}
	kb, err := packBase()
	if err != nil {
		f.Fatal(err)
	}
	a, err = New(Config{
		BotToken: testBotToken, SigningSecret: testSecret, APIURL: fake.APIURL(), Router: bot.NewRouter(kb, slog.New(log)),
		Log: slog.New(log), HTTPClient: &http.Client{Transport: calls, Timeout: 5 * time.Second},
	})
	if err != nil {
		f.Fatal(err)
	}
	if err := a.Start(context.Background()); err != nil {
		f.Fatal(err)
	}
	f.Cleanup(a.Wait)
	return a, fake, calls, log
}

// serve posts body to path with Slack's signature, straight to the
// handler, and waits for the answers it started.
func serve(t *testing.T, a *Adapter, path, contentType, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := slacktest.SignedRequest(t, fuzzTarget+path, contentType, body, testSecret, time.Now())
	rec := httptest.NewRecorder()
	a.Handler().ServeHTTP(rec, req)
	a.Wait()
	return rec
}

// checkStatus fails unless the status is one of want, and the body is
// JSON or text.
func checkStatus(t *testing.T, rec *httptest.ResponseRecorder, want ...int) {
	t.Helper()
	ok := false
	for _, c := range want {
		ok = ok || rec.Code == c
	}
	if !ok {
		t.Fatalf("status %d, want one of %v: %q", rec.Code, want, rec.Body.String())
	}
	ct := rec.Header().Get("Content-Type")
	if rec.Body.Len() > 0 && !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "text/plain") {
		t.Fatalf("status %d with Content-Type %q: %q", rec.Code, ct, rec.Body.String())
	}
}

// checkNoPanics fails when the router or the adapter logged a recovered
// panic (or a secret) while handling the input.
func checkNoPanics(t *testing.T, log *panicLog) {
	t.Helper()
	if bad := log.take(); len(bad) > 0 {
		t.Fatalf("logged:\n%s", strings.Join(bad, "\n"))
	}
}

// checkReply checks a Slack message durand sends as JSON: non-empty
// fallback text, Slack's limits (checkMessage), and no '<' or '>' in any
// text that could start a live mention or link ("<!everyone>", "<@U1>");
// allowed lists the live mentions that are durand's own, such as the
// "<@U1>" of "Shared by".
func checkReply(t *testing.T, raw []byte, allowed ...string) {
	t.Helper()
	var msg struct {
		Text   string         `json:"text"`
		Blocks slackgo.Blocks `json:"blocks"`
	}
	if err := json.Unmarshal(raw, &msg); err != nil {
		t.Fatalf("reply is not a Slack message: %v: %q", err, raw)
	}
	if strings.TrimSpace(msg.Text) == "" {
		t.Fatalf("reply has no text: %s", raw)
	}
	checkMessage(t, Rendered{Text: msg.Text, Blocks: msg.Blocks.BlockSet})

	var tree any
	if err := json.Unmarshal(raw, &tree); err != nil {
		t.Fatal(err)
	}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				walk(k, e)
			}
		case []any:
			for _, e := range v {
				walk(key, e)
			}
		case string:
			if key != "text" {
				return // ids, types, and button values, which are never shown
			}
			for _, ok := range allowed {
				v = strings.ReplaceAll(v, ok, "")
			}
			if strings.ContainsAny(v, "<>") {
				t.Fatalf("unescaped < or > in a text: %q", v)
			}
		}
	}
	walk("", tree)
}

// FuzzSlashCommand posts arbitrary form bodies, correctly signed, to
// /slack/commands: the handler answers 200, 400 or 413, never panics, and
// answers 200 exactly when the form parses and names a command and a user,
// with a JSON message within Slack's limits that pings no one.
func FuzzSlashCommand(f *testing.F) {
	a, _, _, log := fuzzAdapter(f)
	f.Fuzz(func(t *testing.T, body string) {
		rec := serve(t, a, "/slack/commands", form, body)
		checkStatus(t, rec, http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge)
		checkNoPanics(t, log)
		v, err := url.ParseQuery(body)
		wellFormed := err == nil && v.Get("command") != "" && v.Get("user_id") != ""
		switch {
		case len(body) > maxBody:
			if rec.Code != http.StatusRequestEntityTooLarge {
				t.Fatalf("a body of %d bytes got %d", len(body), rec.Code)
			}
		case wellFormed != (rec.Code == http.StatusOK):
			t.Fatalf("well-formed %v, status %d: %q", wellFormed, rec.Code, rec.Body.String())
		}
		if rec.Code != http.StatusOK {
			return
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Fatalf("200 with Content-Type %q", ct)
		}
		checkReply(t, rec.Body.Bytes())
	})
}

// FuzzEvents posts arbitrary JSON bodies, correctly signed, to
// /slack/events: the handler answers 200, 400 or 413, never panics,
// answers a url_verification with its challenge, and every reply it posts
// to a mention is within Slack's limits and pings no one.
func FuzzEvents(f *testing.F) {
	a, fake, _, log := fuzzAdapter(f)
	f.Fuzz(func(t *testing.T, body string) {
		posted := len(fake.Posts())
		rec := serve(t, a, "/slack/events", "application/json", body)
		checkStatus(t, rec, http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge)
		checkNoPanics(t, log)
		for _, p := range fake.Posts()[posted:] {
			blocks := p.Get("blocks")
			if blocks == "" {
				blocks = "null"
			}
			checkReply(t, []byte(`{"text":`+strconv.Quote(p.Get("text"))+`,"blocks":`+blocks+`}`))
		}
		var env struct {
			Type      string `json:"type"`
			Challenge string `json:"challenge"`
		}
		if json.Unmarshal([]byte(body), &env) != nil || env.Type == "" {
			if rec.Code == http.StatusOK {
				t.Fatalf("malformed event accepted: %q", body)
			}
			return
		}
		if env.Type == "url_verification" && len(body) <= maxBody {
			var got map[string]string
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got["challenge"] != env.Challenge {
				t.Fatalf("challenge %q answered with %q", env.Challenge, rec.Body.String())
			}
		}
	})
}

// FuzzInteraction posts arbitrary payload strings, correctly signed, to
// /slack/interactions: the handler answers 200, 400 or 413, never panics,
// and what it posts to a response_url is within Slack's limits and pings
// no one but the user who shared.
func FuzzInteraction(f *testing.F) {
	a, fake, _, log := fuzzAdapter(f)
	f.Fuzz(func(t *testing.T, payload string) {
		responded := len(fake.Responses())
		body := url.Values{"payload": {payload}}.Encode()
		rec := serve(t, a, "/slack/interactions", form, body)
		checkStatus(t, rec, http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge)
		checkNoPanics(t, log)
		if rec.Code == http.StatusOK && !json.Valid([]byte(payload)) {
			t.Fatalf("a payload that is not JSON was accepted: %q", payload)
		}
		var cb slackgo.InteractionCallback
		_ = json.Unmarshal([]byte(payload), &cb)
		for _, r := range fake.Responses()[responded:] {
			if r.Body["delete_original"] == true {
				continue
			}
			raw, err := json.Marshal(r.Body)
			if err != nil {
				t.Fatal(err)
			}
			// "Shared by <@U…>" is durand's own mention of who shared.
			checkReply(t, raw, "<@"+cb.User.ID+">")
		}
	})
}

// Ways FuzzSignatureRejects gets a request wrong.
const (
	sigAsGiven     = iota // the fuzzed headers as they are
	sigTampered           // signed, then the body changed
	sigStale              // signed more than five minutes ago (or ahead)
	sigWrongSecret        // signed with another secret
	sigOtherTime          // signed at one time, sent with another timestamp
	sigNoHeaders          // no signature headers at all
	sigPrefixOnly         // the fuzzed signature after "v0=", a valid timestamp
	sigModes
)

// FuzzSignatureRejects posts requests that are not correctly signed to
// every endpoint: arbitrary headers, and signed ones spoilt in each of the
// ways above. Each gets 401 (413 when too big to read) and makes no Web API
// or response_url call.
func FuzzSignatureRejects(f *testing.F) {
	a, fake, calls, log := fuzzAdapter(f)
	before := calls.n.Load()
	paths := []string{"/slack/commands", "/slack/events", "/slack/interactions"}
	f.Fuzz(func(t *testing.T, path uint8, mode uint8, ts, sig, body string) {
		now := time.Now()
		p := paths[int(path)%len(paths)]
		h := http.Header{"Content-Type": {form}}
		// sign signs body with secret at signedAt, and sends it stamped sentAt.
		sign := func(secret string, signedAt, sentAt int64) {
			h.Set("X-Slack-Request-Timestamp", strconv.FormatInt(sentAt, 10))
			h.Set("X-Slack-Signature", slacktest.Sign(secret, signedAt, body))
		}
		sent := body
		switch mode % sigModes {
		case sigAsGiven:
			h.Set("X-Slack-Request-Timestamp", ts)
			h.Set("X-Slack-Signature", sig)
		case sigTampered:
			sign(testSecret, now.Unix(), now.Unix())
			if sent = body + "&"; len(body) > 0 {
				i := len(body) / 2
				sent = body[:i] + string([]byte{body[i] ^ 0x20}) + body[i+1:]
			}
		case sigStale:
			skew := 5*time.Minute + time.Second + time.Duration(len(ts))*time.Second
			if len(sig)%2 == 1 {
				skew = -skew
			}
			at := now.Add(-skew).Unix()
			sign(testSecret, at, at)
		case sigWrongSecret:
			secret := sig
			if secret == testSecret || secret == "" {
				secret = "not-" + testSecret
			}
			sign(secret, now.Unix(), now.Unix())
		case sigOtherTime:
			sign(testSecret, now.Unix(), now.Unix()-1-int64(len(ts)%200))
		case sigNoHeaders:
		case sigPrefixOnly:
			h.Set("X-Slack-Request-Timestamp", strconv.FormatInt(now.Unix(), 10))
			h.Set("X-Slack-Signature", "v0="+sig)
		}
		if validSignature(h, sent, now) {
			t.Skip("correctly signed after all")
		}
		req, err := http.NewRequest(http.MethodPost, fuzzTarget+p, strings.NewReader(sent))
		if err != nil {
			t.Fatal(err)
		}
		req.Header = h
		rec := httptest.NewRecorder()
		a.Handler().ServeHTTP(rec, req)
		a.Wait()
		want := http.StatusUnauthorized
		if len(sent) > maxBody {
			want = http.StatusRequestEntityTooLarge
		}
		if rec.Code != want {
			t.Fatalf("%s got %d, want %d: %q", p, rec.Code, want, rec.Body.String())
		}
		checkNoPanics(t, log)
		if n := calls.n.Load(); n != before {
			t.Fatalf("an unsigned request made %d Web API or response_url calls", n-before)
		}
		if n := len(fake.Posts()) + len(fake.Responses()); n != 0 {
			t.Fatalf("an unsigned request had %d effects at the fake", n)
		}
	})
}

// validSignature is Slack's rule, written out again: a v0 HMAC-SHA256 of
// "v0:timestamp:body" with the signing secret, the timestamp an integer
// within five minutes of now.
func validSignature(h http.Header, body string, now time.Time) bool {
	ts, sig := h.Get("X-Slack-Request-Timestamp"), h.Get("X-Slack-Signature")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	if d := now.Sub(time.Unix(sec, 0)); d > 5*time.Minute || d < -5*time.Minute {
		return false
	}
	got, err := hex.DecodeString(strings.TrimPrefix(sig, "v0="))
	if err != nil || !strings.HasPrefix(sig, "v0=") {
		return false
	}
	mac := hmac.New(sha256.New, []byte(testSecret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	return hmac.Equal(got, mac.Sum(nil))
}
