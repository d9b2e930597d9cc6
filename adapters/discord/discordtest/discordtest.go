// Package discordtest is a fake Discord for tests: the REST API routes
// durand calls (under /api/v9) and the gateway websocket (JSON encoding, no
// compression), all on 127.0.0.1. It speaks the real protocols closely
// enough for discordgo: HELLO, IDENTIFY/READY, heartbeats and their ACKs,
// RESUME (replaying missed events) or INVALID_SESSION, dispatches with
// sequence numbers; REST answers shaped like Discord's, including its
// error bodies, rate-limit headers and the validation mistakes an adapter is
// most likely to make (empty or over-long messages, bad command names,
// acknowledging an interaction twice or too late). Everything it receives is
// recorded so tests can assert what the adapter sent.
package discordtest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
)

// Identities the fake uses. All ids are snowflakes, as Discord's are.
const (
	BotUserID = "100000000000000001" // the bot user (GET /users/@me, READY, message authors)
	AppID     = "100000000000000002" // the application (READY, /oauth2/applications/@me)
	BotName   = "durand"             // the bot's username

	UserID    = "200000000000000001" // the human the builders make messages and interactions from
	UserName  = "analyst"            // that human's username
	GuildID   = "300000000000000001" // the guild the builders put things in
	ChannelID = "400000000000000001" // a text channel in that guild
)

// HeartbeatInterval is what HELLO announces: short, so tests see heartbeats
// (discordgo gives up on a connection after five intervals without an ACK).
const HeartbeatInterval = 250 * time.Millisecond

// InteractionAckWindow is how long after an INTERACTION_CREATE dispatch
// Discord accepts the initial response; later ones get 404 Unknown
// interaction (code 10062).
const InteractionAckWindow = 3 * time.Second

const (
	apiPrefix     = "/api/v9"
	discordEpoch  = 1420070400000 // ms, the snowflake epoch
	flagEphemeral = 1 << 6
	flagLoading   = 1 << 7
	waitLimit     = 10 * time.Second
	// reconnectLimit bounds a wait that spans discordgo's reconnection,
	// which retries 1, 2, 4, 8 and 16 s after each failed attempt: on a
	// machine busy with other tests an attempt may fail before one lands.
	reconnectLimit = 40 * time.Second
)

// Call is one recorded REST request.
type Call struct {
	Method  string
	Path    string         // URL path, e.g. /api/v9/channels/400000000000000001/messages
	Query   string         // raw query string, e.g. wait=true
	Body    map[string]any // the JSON object body; for multipart bodies, the payload_json part
	List    []any          // the body when it is a JSON array (bulk command overwrite)
	RawBody string
	Auth    string // the Authorization header, "Bot <token>"
	Files   []File // file parts of a multipart body
	Status  int    // the status code the fake answered with
}

// File is one uploaded file of a multipart request.
type File struct {
	Field, Name, ContentType string
	Data                     []byte
}

// Fake is Discord's REST API and gateway on 127.0.0.1. Use NewFake.
type Fake struct {
	srv      *httptest.Server
	wsURL    string
	upgrader websocket.Upgrader
	wg       sync.WaitGroup // gateway connections being served

	mu           sync.Mutex
	closed       bool
	calls        []Call
	fails        []*failRule
	conns        map[*gwConn]bool
	sessions     map[string]*session
	cur          *session // the latest session to become ready
	identifies   []map[string]any
	presences    []map[string]any
	resumes      int
	acks         int
	lastID       int64
	ackWindow    time.Duration
	messages     map[string]map[string]any // by id: sent by the bot or dispatched as MESSAGE_CREATE
	interactions map[string]*interaction   // by token
	commands     map[string][]map[string]any
}

type failRule struct {
	method, prefix string
	codes          []int
}

type gwConn struct {
	ws   *websocket.Conn
	wmu  sync.Mutex
	sess *session // guarded by Fake.mu; set by IDENTIFY or RESUME
}

// session is a gateway session: what RESUME resumes.
type session struct {
	id, token string
	seq       int64
	log       []frame // dispatches, replayed on RESUME
	conn      *gwConn // the live connection, nil while the client is away
}

type frame struct {
	seq  int64
	data []byte
}

type interaction struct {
	id, token, channelID, guildID string
	kind                          int // 2 command, 3 component, 4 autocomplete, 5 modal submit
	dispatched                    time.Time
	acked                         bool
	original                      map[string]any // the @original response message
	message                       map[string]any // the message a component sits on
	modal                         map[string]any // the modal it was answered with (type 9)
	followups                     map[string]map[string]any
}

// NewFake starts a fake Discord, closed when the test ends together with
// every gateway socket.
func NewFake(t testing.TB) *Fake {
	f := &Fake{
		conns:        map[*gwConn]bool{},
		sessions:     map[string]*session{},
		messages:     map[string]map[string]any{},
		interactions: map[string]*interaction{},
		commands:     map[string][]map[string]any{},
		ackWindow:    InteractionAckWindow,
		upgrader:     websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }},
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	f.wsURL = "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/gateway"
	t.Cleanup(f.close)
	return f
}

// APIURL is the REST base to use instead of discordgo.EndpointAPI:
// "http://127.0.0.1:PORT/api/v9/".
func (f *Fake) APIURL() string { return f.srv.URL + apiPrefix + "/" }

// GatewayURL is the websocket URL GET /gateway returns.
func (f *Fake) GatewayURL() string { return f.wsURL }

func (f *Fake) close() {
	f.mu.Lock()
	f.closed = true
	for c := range f.conns {
		c.ws.Close()
	}
	f.mu.Unlock()
	f.wg.Wait()
	f.srv.Close()
}

// Calls returns every recorded REST request, in order.
func (f *Fake) Calls() []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Call(nil), f.calls...)
}

// CallsTo returns the recorded requests with this method whose path starts
// with pathPrefix, e.g. ("POST", "/api/v9/channels/").
func (f *Fake) CallsTo(method, pathPrefix string) []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Call
	for _, c := range f.calls {
		if strings.EqualFold(c.Method, method) && strings.HasPrefix(c.Path, pathPrefix) {
			out = append(out, c)
		}
	}
	return out
}

// FailNext makes the next requests with this method whose path starts with
// pathPrefix answer with these status codes, in order, before the route
// answers normally again. 429 is answered like Discord does (JSON body
// with retry_after 0.3 and the Retry-After and X-RateLimit-* headers);
// other codes with Discord's {"message","code"} error body. Failed
// requests are recorded too, with their Status.
func (f *Fake) FailNext(method, pathPrefix string, codes ...int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fails = append(f.fails, &failRule{method: method, prefix: pathPrefix, codes: append([]int(nil), codes...)})
}

// Identifies returns the "d" of every IDENTIFY received (token, intents,
// shard, properties, ...), in order.
func (f *Fake) Identifies() []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]any(nil), f.identifies...)
}

// Presences returns the "d" of every PRESENCE_UPDATE (op 3) received.
func (f *Fake) Presences() []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]any(nil), f.presences...)
}

// Resumes is how many RESUME (op 6) payloads were received, whether the
// session could be resumed or not.
func (f *Fake) Resumes() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.resumes
}

// HeartbeatsAcked is how many heartbeats the fake has acknowledged.
func (f *Fake) HeartbeatsAcked() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.acks
}

// Eventually polls cond until it holds, failing the test after 10s.
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	eventuallyWithin(t, what, waitLimit, cond)
}

// EventuallyReconnected is Eventually for what waits on the client
// reconnecting after DropConnection: it allows discordgo's backoff, up to
// 40s.
func EventuallyReconnected(t testing.TB, what string, cond func() bool) {
	t.Helper()
	eventuallyWithin(t, what, reconnectLimit, cond)
}

// eventuallyWithin polls cond until it holds, failing the test after limit.
func eventuallyWithin(t testing.TB, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// snowflake returns a fresh, increasing id. Call with f.mu held.
func (f *Fake) snowflake() string {
	id := (time.Now().UnixMilli() - discordEpoch) << 22
	if id <= f.lastID {
		id = f.lastID + 1
	}
	f.lastID = id
	return strconv.FormatInt(id, 10)
}

// ---------------------------------------------------------------------------
// Gateway

// WaitReady blocks until a client has identified (or resumed) and received
// READY (or RESUMED) on a connection that is still open, failing the test
// after 40s. After DropConnection it waits for the reconnection, however
// long discordgo's backoff takes.
func (f *Fake) WaitReady(t testing.TB) {
	t.Helper()
	EventuallyReconnected(t, "a gateway client to be READY", f.ready)
}

func (f *Fake) ready() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cur != nil && f.cur.conn != nil
}

// Dispatch sends {"op":0,"t":event,"s":next,"d":data} to the current
// client, waiting (≤40s) for one to be ready. The event is also kept in the
// session, so a client that lost it resumes and gets it replayed, as from
// Discord. MESSAGE_CREATE and INTERACTION_CREATE data is remembered so that
// replies to the message and responses to the interaction can be checked.
func (f *Fake) Dispatch(t testing.TB, event string, data any) {
	t.Helper()
	raw, err := json.Marshal(data)
	if err != nil {
		t.Fatalf("discordtest: Dispatch %s: %v", event, err)
	}
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	f.WaitReady(t)
	f.mu.Lock()
	defer f.mu.Unlock()
	switch event {
	case "MESSAGE_CREATE":
		if id := str(m["id"]); id != "" {
			f.messages[id] = m
		}
	case "INTERACTION_CREATE":
		f.rememberInteraction(m)
	}
	s := f.cur
	s.seq++
	b, _ := json.Marshal(map[string]any{"op": 0, "t": event, "s": s.seq, "d": json.RawMessage(raw)})
	s.log = append(s.log, frame{seq: s.seq, data: b})
	if s.conn != nil {
		// A failed write means the client is going away; it will resume and
		// get the event replayed.
		_ = s.conn.sendRaw(b)
	}
}

// DropConnection closes the current gateway socket abruptly, without a
// close frame, as a network failure would. The session stays resumable.
func (f *Fake) DropConnection() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cur == nil || f.cur.conn == nil {
		return
	}
	c := f.cur.conn
	f.cur.conn = nil
	c.sess = nil
	c.ws.Close()
}

// InvalidateSessions forgets every gateway session, so that a later RESUME
// gets INVALID_SESSION (op 9, d false) and the client must IDENTIFY again.
// Live connections are not closed; combine with DropConnection.
func (f *Fake) InvalidateSessions() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sessions = map[string]*session{}
}

func (c *gwConn) send(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.sendRaw(b)
}

func (c *gwConn) sendRaw(b []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteMessage(websocket.TextMessage, b)
}

// closeWith sends a close frame with a Discord close code and closes.
func (c *gwConn) closeWith(code int, text string) {
	c.wmu.Lock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	c.wmu.Unlock()
	c.ws.Close()
}

func (f *Fake) serveGateway(w http.ResponseWriter, r *http.Request) {
	if !websocket.IsWebSocketUpgrade(r) {
		writeJSON(w, http.StatusBadRequest, nil, map[string]any{"message": "400: Bad Request", "code": 0})
		return
	}
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		http.Error(w, "closed", http.StatusServiceUnavailable)
		return
	}
	f.wg.Add(1)
	f.mu.Unlock()
	defer f.wg.Done()

	ws, err := f.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		ws.Close()
		return
	}
	f.conns[c] = true
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		delete(f.conns, c)
		if c.sess != nil && c.sess.conn == c {
			c.sess.conn = nil
		}
		c.sess = nil
		f.mu.Unlock()
		ws.Close()
	}()

	q := r.URL.Query()
	switch {
	case q.Get("v") != "" && q.Get("v") != "9":
		c.closeWith(4012, "Invalid API version.")
		return
	case q.Get("encoding") != "" && q.Get("encoding") != "json":
		c.closeWith(4002, "Error while decoding payload.") // the fake speaks JSON only
		return
	case q.Get("compress") != "":
		c.closeWith(4002, "Error while decoding payload.") // no zlib-stream here
		return
	}

	ws.SetReadLimit(1 << 20)
	if c.send(map[string]any{"op": 10, "s": nil, "t": nil, "d": map[string]any{
		"heartbeat_interval": HeartbeatInterval.Milliseconds(),
		"_trace":             []string{`["gateway-fake",{"micros":0}]`},
	}}) != nil {
		return
	}
	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			return
		}
		if !f.handleGateway(c, msg) {
			return
		}
	}
}

// handleGateway handles one payload from a client; false closes the socket.
func (f *Fake) handleGateway(c *gwConn, msg []byte) bool {
	var p struct {
		Op *int            `json:"op"`
		D  json.RawMessage `json:"d"`
	}
	if err := json.Unmarshal(msg, &p); err != nil || p.Op == nil {
		c.closeWith(4002, "Error while decoding payload.")
		return false
	}
	switch *p.Op {
	case 1: // HEARTBEAT
		if c.send(map[string]any{"op": 11, "s": nil, "t": nil, "d": nil}) != nil {
			return false
		}
		f.mu.Lock()
		f.acks++
		f.mu.Unlock()
		return true
	case 2:
		return f.identify(c, p.D)
	case 6:
		return f.resume(c, p.D)
	case 3, 4, 8: // PRESENCE_UPDATE, VOICE_STATE_UPDATE, REQUEST_GUILD_MEMBERS
		f.mu.Lock()
		authed := c.sess != nil
		if authed && *p.Op == 3 {
			var d map[string]any
			_ = json.Unmarshal(p.D, &d)
			f.presences = append(f.presences, d)
		}
		f.mu.Unlock()
		if !authed {
			c.closeWith(4003, "Not authenticated.")
			return false
		}
		return true
	default:
		c.closeWith(4001, "Unknown opcode.")
		return false
	}
}

func (f *Fake) identify(c *gwConn, raw json.RawMessage) bool {
	var d map[string]any
	if err := json.Unmarshal(raw, &d); err != nil || d == nil {
		c.closeWith(4002, "Error while decoding payload.")
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.identifies = append(f.identifies, d)
	if c.sess != nil {
		c.closeWith(4005, "Already authenticated.")
		return false
	}
	if str(d["token"]) == "" {
		c.closeWith(4004, "Authentication failed.")
		return false
	}
	if intents, ok := d["intents"].(float64); !ok || intents < 0 || intents >= 1<<26 || intents != float64(int64(intents)) {
		c.closeWith(4013, "Invalid intent(s).")
		return false
	}
	var shard []any
	if v, present := d["shard"]; present && v != nil {
		sh, ok := v.([]any)
		if !ok || len(sh) != 2 {
			c.closeWith(4010, "Invalid shard.")
			return false
		}
		id, ok1 := sh[0].(float64)
		n, ok2 := sh[1].(float64)
		if !ok1 || !ok2 || n < 1 || id < 0 || id >= n {
			c.closeWith(4010, "Invalid shard.")
			return false
		}
		shard = sh
	}
	id := make([]byte, 16)
	_, _ = rand.Read(id)
	s := &session{id: hex.EncodeToString(id), token: str(d["token"]), seq: 1, conn: c}
	ready := map[string]any{
		"v":                       9,
		"user":                    botUser(),
		"session_id":              s.id,
		"session_type":            "normal",
		"resume_gateway_url":      f.wsURL,
		"application":             map[string]any{"id": AppID, "flags": 0},
		"guilds":                  []any{},
		"private_channels":        []any{},
		"relationships":           []any{},
		"presences":               []any{},
		"guild_join_requests":     []any{},
		"user_settings":           map[string]any{},
		"geo_ordered_rtc_regions": []string{"local"},
		"_trace":                  []string{`["gateway-fake",{"micros":0}]`},
	}
	if shard != nil {
		ready["shard"] = shard
	}
	if c.send(map[string]any{"op": 0, "t": "READY", "s": s.seq, "d": ready}) != nil {
		return false
	}
	f.sessions[s.id] = s
	c.sess = s
	f.cur = s
	return true
}

func (f *Fake) resume(c *gwConn, raw json.RawMessage) bool {
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       *int64 `json:"seq"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.resumes++
	if c.sess != nil {
		c.closeWith(4005, "Already authenticated.")
		return false
	}
	s := f.sessions[d.SessionID]
	var seq int64
	if d.Seq != nil {
		seq = *d.Seq
	}
	if s == nil || s.token != d.Token || seq > s.seq {
		// The client may IDENTIFY again on this connection.
		return c.send(map[string]any{"op": 9, "s": nil, "t": nil, "d": false}) == nil
	}
	if old := s.conn; old != nil && old != c {
		old.sess = nil
		old.ws.Close() // the session moved; Discord drops the old connection
	}
	s.conn = c
	c.sess = s
	for _, fr := range s.log {
		if fr.seq > seq && c.sendRaw(fr.data) != nil {
			return false
		}
	}
	s.seq++
	if c.send(map[string]any{"op": 0, "t": "RESUMED", "s": s.seq, "d": map[string]any{
		"_trace": []string{`["gateway-fake",{"micros":0}]`},
	}}) != nil {
		return false
	}
	f.cur = s
	return true
}

// ---------------------------------------------------------------------------
// REST

type reply struct {
	status int
	body   any
	header map[string]string
}

func ok(body any) *reply { return &reply{status: http.StatusOK, body: body} }

func noContent() *reply { return &reply{status: http.StatusNoContent} }

func apiError(status, code int, message string) *reply {
	return &reply{status: status, body: map[string]any{"message": message, "code": code}}
}

func notFound() *reply { return apiError(http.StatusNotFound, 0, "404: Not Found") }

// formError is Discord's 400 Invalid Form Body (code 50035) for one field,
// path being dot separated ("embeds.0.description", "0.options.1.name").
func formError(path, code, message string) *reply {
	leaf := map[string]any{"_errors": []any{map[string]any{"code": code, "message": message}}}
	if path != "" {
		parts := strings.Split(path, ".")
		for i := len(parts) - 1; i >= 0; i-- {
			leaf = map[string]any{parts[i]: leaf}
		}
	}
	return &reply{status: http.StatusBadRequest, body: map[string]any{"code": 50035, "errors": leaf, "message": "Invalid Form Body"}}
}

func writeJSON(w http.ResponseWriter, status int, header map[string]string, body any) {
	var b []byte
	if status != http.StatusNoContent && body != nil {
		b, _ = json.Marshal(body)
	}
	writeRaw(w, status, header, b)
}

func writeRaw(w http.ResponseWriter, status int, header map[string]string, body []byte) {
	for k, v := range header {
		w.Header().Set(k, v)
	}
	if body != nil {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/gateway" || r.URL.Path == "/gateway/" {
		f.serveGateway(w, r)
		return
	}
	raw, _ := io.ReadAll(r.Body)
	call := Call{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, RawBody: string(raw), Auth: r.Header.Get("Authorization")}
	bad := parseBody(&call, r.Header.Get("Content-Type"), raw)

	f.mu.Lock()
	rep := f.failure(&call)
	if rep == nil {
		rep = bad
	}
	if rep == nil {
		rep = f.route(&call)
	}
	call.Status = rep.status
	f.calls = append(f.calls, call)
	var body []byte
	if rep.status != http.StatusNoContent && rep.body != nil {
		body, _ = json.Marshal(rep.body) // under the lock: bodies share stored messages
	}
	f.mu.Unlock()

	if rep.header == nil {
		rep.header = map[string]string{}
	}
	if _, limited := rep.header["X-RateLimit-Remaining"]; !limited {
		reset := time.Now().Add(time.Second)
		rep.header["X-RateLimit-Limit"] = "5"
		rep.header["X-RateLimit-Remaining"] = "4"
		rep.header["X-RateLimit-Reset"] = fmt.Sprintf("%.3f", float64(reset.UnixMilli())/1000)
		rep.header["X-RateLimit-Reset-After"] = "1.000"
		rep.header["X-RateLimit-Bucket"] = bucket(r.Method, r.URL.Path)
	}
	writeRaw(w, rep.status, rep.header, body)
}

// parseBody fills call.Body/List/Files; non-nil means the body is invalid.
func parseBody(call *Call, contentType string, raw []byte) *reply {
	if len(raw) == 0 {
		return nil
	}
	mt, params, _ := mime.ParseMediaType(contentType)
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(bytes.NewReader(raw), params["boundary"])
		for {
			part, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return apiError(http.StatusBadRequest, 0, "400: Bad Request")
			}
			data, _ := io.ReadAll(part)
			if part.FormName() == "payload_json" {
				if err := json.Unmarshal(data, &call.Body); err != nil {
					return apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
				}
				continue
			}
			call.Files = append(call.Files, File{Field: part.FormName(), Name: part.FileName(), ContentType: part.Header.Get("Content-Type"), Data: data})
		}
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	switch v := v.(type) {
	case map[string]any:
		call.Body = v
	case []any:
		call.List = v
	}
	return nil
}

// failure pops a FailNext code for this call, if any. f.mu held.
func (f *Fake) failure(call *Call) *reply {
	for i, fr := range f.fails {
		if !strings.EqualFold(fr.method, call.Method) || !strings.HasPrefix(call.Path, fr.prefix) {
			continue
		}
		code := fr.codes[0]
		fr.codes = fr.codes[1:]
		if len(fr.codes) == 0 {
			f.fails = append(f.fails[:i], f.fails[i+1:]...)
		}
		switch code {
		case http.StatusTooManyRequests:
			reset := time.Now().Add(300 * time.Millisecond)
			return &reply{status: code,
				body: map[string]any{"message": "You are being rate limited.", "retry_after": 0.3, "global": false},
				header: map[string]string{
					"Retry-After":             "1",
					"X-RateLimit-Limit":       "5",
					"X-RateLimit-Remaining":   "0",
					"X-RateLimit-Reset":       fmt.Sprintf("%.3f", float64(reset.UnixMilli())/1000),
					"X-RateLimit-Reset-After": "0.300",
					"X-RateLimit-Bucket":      bucket(call.Method, call.Path),
					"X-RateLimit-Scope":       "user",
				}}
		case http.StatusUnauthorized:
			return apiError(code, 0, "401: Unauthorized")
		case http.StatusForbidden:
			return apiError(code, 50013, "Missing Permissions")
		case http.StatusNotFound:
			return notFound()
		default:
			return apiError(code, 0, fmt.Sprintf("%d: %s", code, http.StatusText(code)))
		}
	}
	return nil
}

// bucket is a stable X-RateLimit-Bucket for a route.
func bucket(method, path string) string {
	h := fnv.New64a()
	segs := strings.Split(path, "/")
	if len(segs) > 5 {
		segs = segs[:5]
	}
	io.WriteString(h, method+" "+strings.Join(segs, "/"))
	return hex.EncodeToString(h.Sum(nil))
}

// match reports whether segs matches pattern, "*" matching any segment.
func match(segs []string, pattern ...string) bool {
	if len(segs) != len(pattern) {
		return false
	}
	for i, p := range pattern {
		if p != "*" && p != segs[i] {
			return false
		}
	}
	return true
}

var snowflakeRE = regexp.MustCompile(`^[0-9]{1,20}$`)

// checkIDs answers 400 when a path segment that must be a snowflake isn't.
func checkIDs(segs []string, fields map[int]string) *reply {
	for i, name := range fields {
		if i < len(segs) && segs[i] != "@me" && segs[i] != "@original" && !snowflakeRE.MatchString(segs[i]) {
			return formError(name, "NUMBER_TYPE_COERCE", fmt.Sprintf("Value \"%s\" is not snowflake.", segs[i]))
		}
	}
	return nil
}

func methodNotAllowed() *reply {
	return apiError(http.StatusMethodNotAllowed, 0, "405: Method Not Allowed")
}

// route answers a REST call. f.mu held.
func (f *Fake) route(c *Call) *reply {
	if !strings.HasPrefix(c.Path, apiPrefix+"/") {
		return notFound()
	}
	segs := strings.Split(strings.Trim(strings.TrimPrefix(c.Path, apiPrefix), "/"), "/")
	// Interaction and webhook routes authenticate with their token; the
	// gateway URL is public; everything else needs "Bot <token>".
	public := segs[0] == "interactions" || segs[0] == "webhooks" || match(segs, "gateway")
	if !public && (!strings.HasPrefix(c.Auth, "Bot ") || strings.TrimSpace(strings.TrimPrefix(c.Auth, "Bot ")) == "") {
		return apiError(http.StatusUnauthorized, 0, "401: Unauthorized")
	}
	only := func(method string, h func() *reply) *reply {
		if c.Method != method {
			return methodNotAllowed()
		}
		return h()
	}
	switch {
	case match(segs, "gateway"):
		return only("GET", func() *reply { return ok(map[string]any{"url": f.wsURL}) })
	case match(segs, "gateway", "bot"):
		return only("GET", func() *reply {
			return ok(map[string]any{"url": f.wsURL, "shards": 1, "session_start_limit": map[string]any{
				"total": 1000, "remaining": 1000 - len(f.identifies), "reset_after": 86400000, "max_concurrency": 1}})
		})
	case match(segs, "users", "@me"):
		return only("GET", func() *reply { return ok(botUser()) })
	case match(segs, "oauth2", "applications", "@me"):
		return only("GET", func() *reply { return ok(application()) })
	case match(segs, "applications", "*", "commands"):
		if r := checkIDs(segs, map[int]string{1: "application_id"}); r != nil {
			return r
		}
		return f.commandsRoute(c, segs[1], "")
	case match(segs, "applications", "*", "guilds", "*", "commands"):
		if r := checkIDs(segs, map[int]string{1: "application_id", 3: "guild_id"}); r != nil {
			return r
		}
		return f.commandsRoute(c, segs[1], segs[3])
	case match(segs, "channels", "*", "messages"):
		if r := checkIDs(segs, map[int]string{1: "channel_id"}); r != nil {
			return r
		}
		switch c.Method {
		case "POST":
			return f.createChannelMessage(c, segs[1])
		case "GET":
			return ok(f.channelMessages(segs[1]))
		}
		return methodNotAllowed()
	case match(segs, "channels", "*", "messages", "*"):
		if r := checkIDs(segs, map[int]string{1: "channel_id", 3: "message_id"}); r != nil {
			return r
		}
		return f.channelMessage(c, segs[1], segs[3])
	case match(segs, "channels", "*", "typing"):
		if r := checkIDs(segs, map[int]string{1: "channel_id"}); r != nil {
			return r
		}
		return only("POST", noContent)
	case match(segs, "interactions", "*", "*", "callback"):
		if r := checkIDs(segs, map[int]string{1: "interaction_id"}); r != nil {
			return r
		}
		return only("POST", func() *reply { return f.interactionCallback(c, segs[1], segs[2]) })
	case match(segs, "webhooks", "*", "*"):
		if r := checkIDs(segs, map[int]string{1: "webhook_id"}); r != nil {
			return r
		}
		return only("POST", func() *reply { return f.followup(c, segs[1], segs[2]) })
	case match(segs, "webhooks", "*", "*", "messages", "*"):
		if r := checkIDs(segs, map[int]string{1: "webhook_id", 4: "message_id"}); r != nil {
			return r
		}
		return f.webhookMessage(c, segs[1], segs[2], segs[4])
	}
	return notFound()
}

func botUser() map[string]any {
	return map[string]any{
		"id": BotUserID, "username": BotName, "global_name": nil, "discriminator": "0", "avatar": nil,
		"bot": true, "system": false, "verified": true, "mfa_enabled": false, "locale": "en-US",
		"flags": 0, "public_flags": 0, "premium_type": 0, "banner": nil, "accent_color": nil, "bio": "",
	}
}

func humanUser() map[string]any {
	return map[string]any{
		"id": UserID, "username": UserName, "global_name": "Analyst", "discriminator": "0", "avatar": nil,
		"public_flags": 0, "flags": 0, "banner": nil, "accent_color": nil,
	}
}

func application() map[string]any {
	owner := humanUser()
	return map[string]any{
		"id": AppID, "name": BotName, "icon": nil, "description": "", "summary": "", "type": nil,
		"bot_public": false, "bot_require_code_grant": false, "verify_key": strings.Repeat("ab", 32),
		"flags": 0, "owner": owner, "team": nil, "bot": botUser(), "hook": true, "tags": []any{},
		"redirect_uris": []any{}, "interactions_endpoint_url": nil, "role_connections_verification_url": nil,
		"integration_types_config": map[string]any{"0": map[string]any{}},
	}
}

func now() string { return time.Now().UTC().Format("2006-01-02T15:04:05.000000+00:00") }

// newMessage builds a message the bot sends. f.mu held.
func (f *Fake) newMessage(channelID string, body map[string]any, files []File) map[string]any {
	body = clone(body) // keep the recorded call intact
	m := map[string]any{
		"id":               f.snowflake(),
		"type":             0,
		"channel_id":       channelID,
		"author":           botUser(),
		"content":          str(body["content"]),
		"embeds":           embeds(body["embeds"]),
		"components":       orEmpty(body["components"]),
		"attachments":      f.attachments(channelID, body, files),
		"mentions":         []any{},
		"mention_roles":    []any{},
		"mention_everyone": false,
		"pinned":           false,
		"tts":              body["tts"] == true,
		"timestamp":        now(),
		"edited_timestamp": nil,
		"flags":            num(body["flags"]) & (1<<2 | flagEphemeral | 1<<12 | 1<<15),
	}
	if n, ok := body["nonce"]; ok && n != nil {
		m["nonce"] = n
	}
	if p, ok := body["poll"]; ok && p != nil {
		m["poll"] = p
	}
	return m
}

func (f *Fake) attachments(channelID string, body map[string]any, files []File) []any {
	out := []any{}
	for i, file := range files {
		id := f.snowflake()
		a := map[string]any{
			"id": id, "filename": file.Name, "size": len(file.Data), "content_type": file.ContentType,
			"url":       fmt.Sprintf("%s/attachments/%s/%s/%s", f.srv.URL, channelID, id, file.Name),
			"proxy_url": fmt.Sprintf("%s/attachments/%s/%s/%s", f.srv.URL, channelID, id, file.Name),
		}
		// Attachment metadata (description, ...) comes in body.attachments by index.
		if list, ok := body["attachments"].([]any); ok && i < len(list) {
			if meta, ok := list[i].(map[string]any); ok && meta["description"] != nil {
				a["description"] = meta["description"]
			}
		}
		out = append(out, a)
	}
	return out
}

// editMessage applies a PATCH body to a stored message.
func (f *Fake) editMessage(m map[string]any, body map[string]any, files []File) {
	body = clone(body)
	if v, ok := body["content"]; ok {
		m["content"] = str(v)
	}
	if v, ok := body["embeds"]; ok {
		m["embeds"] = embeds(v)
	}
	if v, ok := body["components"]; ok {
		m["components"] = orEmpty(v)
	}
	if _, ok := body["attachments"]; ok || len(files) > 0 {
		m["attachments"] = f.attachments(str(m["channel_id"]), body, files)
	}
	m["flags"] = num(m["flags"]) &^ flagLoading
	m["edited_timestamp"] = now()
}

func embeds(v any) []any {
	list, _ := v.([]any)
	out := []any{}
	for _, e := range list {
		if em, ok := e.(map[string]any); ok {
			if em["type"] == nil {
				em["type"] = "rich"
			}
			out = append(out, em)
		}
	}
	return out
}

func orEmpty(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{}
}

// fold returns m's value for key, matched as encoding/json matches a
// field's name, case aside, when no key matches exactly: the client reads
// an interaction whose token key is "tokeN" as having that token, so the
// fake remembers it so too.
func fold(m map[string]any, key string) any {
	if v, ok := m[key]; ok {
		return v
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) int {
	switch n := v.(type) {
	case float64:
		return int(n)
	case int:
		return n
	}
	return 0
}

func clone(m map[string]any) map[string]any {
	b, _ := json.Marshal(m)
	var out map[string]any
	_ = json.Unmarshal(b, &out)
	return out
}

// checkMessage validates a message body the way Discord does, for the
// limits an adapter is likely to hit. create also rejects empty messages.
func checkMessage(body map[string]any, files int, create bool) *reply {
	if v, ok := body["content"]; ok && v != nil {
		s, isString := v.(string)
		if !isString {
			return formError("content", "STRING_TYPE_CONVERT", "Could not interpret value as string.")
		}
		if utf8.RuneCountInString(s) > 2000 {
			return formError("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.")
		}
	}
	list, _ := body["embeds"].([]any)
	if len(list) > 10 {
		return formError("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
	}
	total := 0
	for i, e := range list {
		em, _ := e.(map[string]any)
		path := "embeds." + strconv.Itoa(i)
		for _, lim := range []struct {
			field string
			max   int
		}{{"title", 256}, {"description", 4096}} {
			n := utf8.RuneCountInString(str(em[lim.field]))
			if n > lim.max {
				return formError(path+"."+lim.field, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", lim.max))
			}
			total += n
		}
		if footer, ok := em["footer"].(map[string]any); ok {
			n := utf8.RuneCountInString(str(footer["text"]))
			if n > 2048 {
				return formError(path+".footer.text", "BASE_TYPE_MAX_LENGTH", "Must be 2048 or fewer in length.")
			}
			total += n
		}
		if author, ok := em["author"].(map[string]any); ok {
			n := utf8.RuneCountInString(str(author["name"]))
			if n > 256 {
				return formError(path+".author.name", "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length.")
			}
			total += n
		}
		fields, _ := em["fields"].([]any)
		if len(fields) > 25 {
			return formError(path+".fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for j, fv := range fields {
			field, _ := fv.(map[string]any)
			fp := path + ".fields." + strconv.Itoa(j)
			name, value := str(field["name"]), str(field["value"])
			switch {
			case name == "":
				return formError(fp+".name", "BASE_TYPE_REQUIRED", "This field is required")
			case value == "":
				return formError(fp+".value", "BASE_TYPE_REQUIRED", "This field is required")
			case utf8.RuneCountInString(name) > 256:
				return formError(fp+".name", "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length.")
			case utf8.RuneCountInString(value) > 1024:
				return formError(fp+".value", "BASE_TYPE_MAX_LENGTH", "Must be 1024 or fewer in length.")
			}
			total += utf8.RuneCountInString(name) + utf8.RuneCountInString(value)
		}
	}
	if total > 6000 {
		return formError("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
	}
	if r := checkComponents(body["components"]); r != nil {
		return r
	}
	if create && strings.TrimSpace(str(body["content"])) == "" && len(list) == 0 && files == 0 &&
		len(orEmpty(body["components"])) == 0 && len(orEmpty(body["sticker_ids"])) == 0 && body["poll"] == nil {
		return apiError(http.StatusBadRequest, 50006, "Cannot send an empty message")
	}
	return nil
}

// Discord's limits on message components and modals, in characters.
const (
	maxCustomID    = 100 // a component's or a modal's custom_id
	maxButtonLabel = 80
	maxModalTitle  = 45
	maxInputLabel  = 45
	maxInputValue  = 4000 // a text input's max_length
)

// checkComponents validates a message's components the way Discord does:
// at most five action rows (type 1) of at most five buttons (type 2)
// each; a button that is not a link has a custom_id of 1 to 100
// characters, unique within the message; a button has a label (at most
// 80 characters) or an emoji.
func checkComponents(v any) *reply {
	if v == nil {
		return nil
	}
	rows, ok := v.([]any)
	if !ok {
		return formError("components", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType")
	}
	if len(rows) > 5 {
		return formError("components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
	}
	ids := map[string]bool{}
	for i, rv := range rows {
		path := "components." + strconv.Itoa(i)
		row, _ := rv.(map[string]any)
		if num(row["type"]) != 1 {
			return formError(path+".type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,).")
		}
		items, _ := row["components"].([]any)
		if len(items) == 0 || len(items) > 5 {
			return formError(path+".components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
		}
		for j, cv := range items {
			cp := path + ".components." + strconv.Itoa(j)
			c, _ := cv.(map[string]any)
			if num(c["type"]) != 2 {
				return formError(cp+".type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (2, 3, 5, 6, 7, 8).")
			}
			label := str(c["label"])
			if utf8.RuneCountInString(label) > maxButtonLabel {
				return formError(cp+".label", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxButtonLabel))
			}
			if label == "" && c["emoji"] == nil {
				return formError(cp, "COMPONENT_INVALID_EMOJI_OR_LABEL", "A button must have a label or an emoji")
			}
			if num(c["style"]) == 5 { // LINK: a url, no custom_id
				continue
			}
			id := str(c["custom_id"])
			switch {
			case id == "":
				return formError(cp+".custom_id", "BASE_TYPE_REQUIRED", "This field is required")
			case utf8.RuneCountInString(id) > maxCustomID:
				return formError(cp+".custom_id", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxCustomID))
			case ids[id]:
				return formError(cp+".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated")
			}
			ids[id] = true
		}
	}
	return nil
}

// checkModal validates a modal response's data: a custom_id of 1 to 100
// characters, a title of 1 to 45, and one to five action rows each
// holding one text input (type 4) with a custom_id, a label of 1 to 45
// characters, a style of 1 (short) or 2 (paragraph) and a max_length of
// at most 4000.
func checkModal(data map[string]any) *reply {
	for _, k := range []string{"custom_id", "title", "components"} {
		if data[k] == nil {
			return formError("data."+k, "BASE_TYPE_REQUIRED", "This field is required")
		}
	}
	if n := utf8.RuneCountInString(str(data["custom_id"])); n == 0 || n > maxCustomID {
		return formError("data.custom_id", "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between 1 and %d in length.", maxCustomID))
	}
	if n := utf8.RuneCountInString(str(data["title"])); n == 0 || n > maxModalTitle {
		return formError("data.title", "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between 1 and %d in length.", maxModalTitle))
	}
	rows, _ := data["components"].([]any)
	if len(rows) == 0 || len(rows) > 5 {
		return formError("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
	}
	for i, rv := range rows {
		path := "data.components." + strconv.Itoa(i)
		row, _ := rv.(map[string]any)
		items, _ := row["components"].([]any)
		if num(row["type"]) != 1 || len(items) != 1 {
			return formError(path, "MODAL_ROW_INVALID", "A modal row must be an action row holding one text input")
		}
		in, _ := items[0].(map[string]any)
		ip := path + ".components.0"
		switch {
		case num(in["type"]) != 4:
			return formError(ip+".type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (4,).")
		case str(in["custom_id"]) == "" || utf8.RuneCountInString(str(in["custom_id"])) > maxCustomID:
			return formError(ip+".custom_id", "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between 1 and %d in length.", maxCustomID))
		case str(in["label"]) == "" || utf8.RuneCountInString(str(in["label"])) > maxInputLabel:
			return formError(ip+".label", "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between 1 and %d in length.", maxInputLabel))
		case num(in["style"]) != 1 && num(in["style"]) != 2:
			return formError(ip+".style", "BASE_TYPE_CHOICES", "Value must be one of (1, 2).")
		case num(in["max_length"]) > maxInputValue:
			return formError(ip+".max_length", "NUMBER_TYPE_MAX", fmt.Sprintf("int value should be less than or equal to %d.", maxInputValue))
		}
	}
	return nil
}

func (f *Fake) createChannelMessage(c *Call, channelID string) *reply {
	if r := checkMessage(c.Body, len(c.Files), true); r != nil {
		return r
	}
	m := f.newMessage(channelID, c.Body, c.Files)
	if ref, ok := c.Body["message_reference"].(map[string]any); ok {
		target := f.messages[str(ref["message_id"])]
		switch {
		case target != nil:
			ref = clone(ref)
			if ref["channel_id"] == nil {
				ref["channel_id"] = target["channel_id"]
			}
			if g := target["guild_id"]; g != nil && ref["guild_id"] == nil {
				ref["guild_id"] = g
			}
			m["message_reference"] = ref
			m["referenced_message"] = clone(target)
			m["type"] = 19 // REPLY
		case ref["fail_if_not_exists"] == false:
		default:
			return formError("message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message")
		}
	}
	f.messages[str(m["id"])] = m
	return ok(m)
}

func (f *Fake) channelMessages(channelID string) []any {
	var ms []map[string]any
	for _, m := range f.messages {
		if str(m["channel_id"]) == channelID {
			ms = append(ms, m)
		}
	}
	// Newest first, as Discord lists them; ids grow with time.
	sort.Slice(ms, func(i, j int) bool {
		a, b := str(ms[i]["id"]), str(ms[j]["id"])
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a > b
	})
	out := []any{}
	for i, m := range ms {
		if i == 50 {
			break
		}
		out = append(out, m)
	}
	return out
}

func (f *Fake) channelMessage(c *Call, channelID, messageID string) *reply {
	m := f.messages[messageID]
	if m == nil || str(m["channel_id"]) != channelID {
		return apiError(http.StatusNotFound, 10008, "Unknown Message")
	}
	switch c.Method {
	case "GET":
		return ok(m)
	case "PATCH":
		if author, _ := m["author"].(map[string]any); str(author["id"]) != BotUserID {
			return apiError(http.StatusForbidden, 50005, "Cannot edit a message authored by another user")
		}
		if r := checkMessage(c.Body, len(c.Files), false); r != nil {
			return r
		}
		f.editMessage(m, c.Body, c.Files)
		return ok(m)
	case "DELETE":
		delete(f.messages, messageID)
		return noContent()
	}
	return methodNotAllowed()
}

// rememberInteraction records a dispatched INTERACTION_CREATE. f.mu held.
func (f *Fake) rememberInteraction(m map[string]any) {
	token := str(fold(m, "token"))
	if token == "" {
		return
	}
	it := &interaction{
		id: str(fold(m, "id")), token: token, channelID: str(fold(m, "channel_id")), guildID: str(fold(m, "guild_id")),
		kind: num(fold(m, "type")), dispatched: time.Now(), followups: map[string]map[string]any{},
	}
	if it.channelID == "" {
		if ch, ok := m["channel"].(map[string]any); ok {
			it.channelID = str(ch["id"])
		}
	}
	if msg, ok := m["message"].(map[string]any); ok {
		if stored := f.message(str(msg["id"])); stored != nil {
			it.message = stored
		} else {
			it.message = msg
		}
	}
	f.interactions[token] = it
}

// message finds a message by id: one sent by the bot or dispatched as
// MESSAGE_CREATE, or an interaction's response or follow-up. f.mu held.
func (f *Fake) message(id string) map[string]any {
	if m := f.messages[id]; m != nil {
		return m
	}
	for _, it := range f.interactions {
		if it.original != nil && str(it.original["id"]) == id {
			return it.original
		}
		if m := it.followups[id]; m != nil {
			return m
		}
	}
	return nil
}

// Messages returns copies of the messages in channelID — those the bot
// sent and those dispatched as MESSAGE_CREATE, not interaction responses —
// newest first, as GET channels/{id}/messages lists them.
func (f *Fake) Messages(channelID string) []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []map[string]any
	for _, m := range f.channelMessages(channelID) {
		out = append(out, clone(m.(map[string]any)))
	}
	return out
}

// Original returns a copy of the response message to the interaction
// with this token, nil while there is none (not yet answered, or answered
// with a modal or an autocomplete).
func (f *Fake) Original(token string) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	if it := f.interactions[token]; it != nil && it.original != nil {
		return clone(it.original)
	}
	return nil
}

// Modal returns a copy of the modal (the "data" of a type 9 response) the
// interaction with this token was answered with, nil when there is none.
func (f *Fake) Modal(token string) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	if it := f.interactions[token]; it != nil && it.modal != nil {
		return clone(it.modal)
	}
	return nil
}

func (f *Fake) interactionCallback(c *Call, id, token string) *reply {
	it := f.interactions[token]
	if it == nil {
		// Not dispatched through the fake: accept it, without a time limit.
		it = &interaction{id: id, token: token, followups: map[string]map[string]any{}}
		f.interactions[token] = it
	}
	if it.id != id || (!it.dispatched.IsZero() && time.Since(it.dispatched) > f.ackWindow) {
		return apiError(http.StatusNotFound, 10062, "Unknown interaction")
	}
	if it.acked {
		return apiError(http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
	}
	data, _ := c.Body["data"].(map[string]any)
	if data == nil {
		data = map[string]any{}
	}
	kind, isNum := c.Body["type"].(float64)
	if !isNum {
		return formError("type", "BASE_TYPE_REQUIRED", "This field is required")
	}
	component := it.kind == 3 || it.kind == 5 || it.kind == 0
	switch int(kind) {
	case 1: // PONG
	case 4: // CHANNEL_MESSAGE_WITH_SOURCE
		if r := checkMessage(data, len(c.Files), true); r != nil {
			return prefixErr(r, "data")
		}
		it.original = f.responseMessage(it, data, c.Files)
	case 5: // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: a "thinking..." message
		it.original = f.responseMessage(it, nil, nil)
		it.original["flags"] = num(data["flags"])&flagEphemeral | flagLoading
	case 6, 7: // DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE
		if !component {
			return formError("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Interaction response type is not valid for this interaction")
		}
		if int(kind) == 7 {
			if r := checkMessage(data, len(c.Files), false); r != nil {
				return prefixErr(r, "data")
			}
			if it.message != nil {
				f.editMessage(it.message, data, c.Files)
			}
		}
		it.original = it.message
	case 8: // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
		if it.kind != 4 && it.kind != 0 {
			return formError("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Interaction response type is not valid for this interaction")
		}
	case 9: // MODAL: not in answer to a modal's submission or an autocomplete
		if it.kind == 4 || it.kind == 5 {
			return formError("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Interaction response type is not valid for this interaction")
		}
		if r := checkModal(data); r != nil {
			return r
		}
		it.modal = clone(data)
	case 10, 12: // PREMIUM_REQUIRED, LAUNCH_ACTIVITY
	default:
		return formError("type", "BASE_TYPE_CHOICES", "Value must be one of (1, 4, 5, 6, 7, 8, 9, 10, 12).")
	}
	it.acked = true
	return noContent()
}

// prefixErr nests a form error under a field ("data").
func prefixErr(r *reply, field string) *reply {
	if b, ok := r.body.(map[string]any); ok && b["errors"] != nil {
		b["errors"] = map[string]any{field: b["errors"]}
	}
	return r
}

// responseMessage is a message sent in response to an interaction.
func (f *Fake) responseMessage(it *interaction, body map[string]any, files []File) map[string]any {
	m := f.newMessage(it.channelID, body, files)
	m["webhook_id"] = AppID
	m["application_id"] = AppID
	if it.kind == 2 {
		m["type"] = 20 // CHAT_INPUT_COMMAND
	}
	if it.guildID != "" {
		m["guild_id"] = it.guildID
	}
	return m
}

// webhookInteraction finds the acknowledged interaction behind a webhook
// token; follow-ups and edits need the initial response first.
func (f *Fake) webhookInteraction(appID, token string) (*interaction, *reply) {
	it := f.interactions[token]
	if appID != AppID || it == nil || !it.acked {
		return nil, apiError(http.StatusNotFound, 10015, "Unknown Webhook")
	}
	return it, nil
}

func (f *Fake) followup(c *Call, appID, token string) *reply {
	it, r := f.webhookInteraction(appID, token)
	if r != nil {
		return r
	}
	if r := checkMessage(c.Body, len(c.Files), true); r != nil {
		return r
	}
	var m map[string]any
	if it.original != nil && num(it.original["flags"])&flagLoading != 0 {
		// The first follow-up after a deferred response replaces the
		// "thinking..." message.
		m = it.original
		f.editMessage(m, c.Body, c.Files)
	} else {
		m = f.responseMessage(it, c.Body, c.Files)
		m["type"] = 0
		m["flags"] = num(c.Body["flags"]) & (1<<2 | flagEphemeral | 1<<12)
		it.followups[str(m["id"])] = m
	}
	if q, _ := url.ParseQuery(c.Query); q.Get("wait") != "true" {
		return noContent()
	}
	return ok(m)
}

func (f *Fake) webhookMessage(c *Call, appID, token, messageID string) *reply {
	it, r := f.webhookInteraction(appID, token)
	if r != nil {
		return r
	}
	var m map[string]any
	switch {
	case messageID == "@original" || (it.original != nil && str(it.original["id"]) == messageID):
		m = it.original
	default:
		m = it.followups[messageID]
	}
	if m == nil {
		return apiError(http.StatusNotFound, 10008, "Unknown Message")
	}
	switch c.Method {
	case "GET":
		return ok(m)
	case "PATCH":
		if r := checkMessage(c.Body, len(c.Files), false); r != nil {
			return r
		}
		f.editMessage(m, c.Body, c.Files)
		return ok(m)
	case "DELETE":
		if it.original != nil && str(it.original["id"]) == str(m["id"]) {
			it.original = nil
		}
		delete(it.followups, str(m["id"]))
		return noContent()
	}
	return methodNotAllowed()
}

// ---------------------------------------------------------------------------
// Application commands

var commandNameRE = regexp.MustCompile(`^[-_\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

func (f *Fake) commandsRoute(c *Call, appID, guildID string) *reply {
	if appID != AppID {
		return apiError(http.StatusForbidden, 50001, "Missing Access")
	}
	key := guildID
	switch c.Method {
	case "GET":
		out := []any{}
		for _, cmd := range f.commands[key] {
			out = append(out, cmd)
		}
		return ok(out)
	case "PUT": // bulk overwrite
		if c.List == nil && c.Body != nil {
			return formError("", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType")
		}
		seen := map[string]bool{}
		var cmds []map[string]any
		out := []any{}
		for i, v := range c.List {
			cmd, _ := v.(map[string]any)
			if cmd == nil {
				return formError(strconv.Itoa(i), "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
			}
			if r := checkCommand(cmd, strconv.Itoa(i)+"."); r != nil {
				return r
			}
			kind := num(cmd["type"])
			if kind == 0 {
				kind = 1
			}
			k := fmt.Sprint(kind, "/", cmd["name"])
			if seen[k] {
				return formError(strconv.Itoa(i)+".name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
			}
			seen[k] = true
			saved := f.saveCommand(key, cmd)
			cmds = append(cmds, saved)
			out = append(out, saved)
		}
		f.commands[key] = cmds
		return ok(out)
	case "POST": // create or overwrite one
		if c.Body == nil {
			return formError("", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
		}
		if r := checkCommand(c.Body, ""); r != nil {
			return r
		}
		saved := f.saveCommand(key, c.Body)
		status := http.StatusCreated
		list := f.commands[key]
		for i, old := range list {
			if old["id"] == saved["id"] {
				list[i] = saved
				status = http.StatusOK
			}
		}
		if status == http.StatusCreated {
			f.commands[key] = append(list, saved)
		}
		return &reply{status: status, body: saved}
	}
	return methodNotAllowed()
}

// saveCommand returns cmd as Discord echoes it, keeping the id of an
// existing command with the same name and type.
func (f *Fake) saveCommand(guildID string, cmd map[string]any) map[string]any {
	out := clone(cmd)
	if out["type"] == nil {
		out["type"] = 1
	}
	id := ""
	for _, old := range f.commands[guildID] {
		if old["name"] == out["name"] && num(old["type"]) == num(out["type"]) {
			id = str(old["id"])
		}
	}
	if id == "" {
		id = f.snowflake()
	}
	out["id"] = id
	out["application_id"] = AppID
	out["version"] = f.snowflake()
	if out["description"] == nil {
		out["description"] = ""
	}
	if _, ok := out["default_member_permissions"]; !ok {
		out["default_member_permissions"] = nil
	}
	if out["nsfw"] == nil {
		out["nsfw"] = false
	}
	if guildID != "" {
		out["guild_id"] = guildID
	} else if out["dm_permission"] == nil {
		out["dm_permission"] = true
	}
	if out["integration_types"] == nil {
		out["integration_types"] = []any{0}
	}
	return out
}

func checkCommand(cmd map[string]any, path string) *reply {
	kind := 1
	if t, ok := cmd["type"]; ok && t != nil {
		kind = num(t)
	}
	if kind < 1 || kind > 4 {
		return formError(path+"type", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4).")
	}
	name := str(cmd["name"])
	if name == "" {
		return formError(path+"name", "BASE_TYPE_REQUIRED", "This field is required")
	}
	if kind == 1 || kind == 4 {
		if !commandNameRE.MatchString(name) || strings.ToLower(name) != name {
			return formError(path+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if n := utf8.RuneCountInString(str(cmd["description"])); n < 1 || n > 100 {
			return formError(path+"description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
		}
		return checkOptions(cmd["options"], path+"options")
	}
	if utf8.RuneCountInString(name) > 32 {
		return formError(path+"name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.")
	}
	if str(cmd["description"]) != "" {
		return formError(path+"description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have description")
	}
	return nil
}

func checkOptions(v any, path string) *reply {
	if v == nil {
		return nil
	}
	opts, ok := v.([]any)
	if !ok {
		return formError(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType")
	}
	if len(opts) > 25 {
		return formError(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	optional := false
	seen := map[string]bool{}
	for i, ov := range opts {
		o, _ := ov.(map[string]any)
		p := path + "." + strconv.Itoa(i) + "."
		kind := num(o["type"])
		if kind < 1 || kind > 11 {
			return formError(p+"type", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).")
		}
		name := str(o["name"])
		if !commandNameRE.MatchString(name) || strings.ToLower(name) != name {
			return formError(p+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if seen[name] {
			return formError(p+"name", "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique")
		}
		seen[name] = true
		if n := utf8.RuneCountInString(str(o["description"])); n < 1 || n > 100 {
			return formError(p+"description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
		}
		if kind == 1 || kind == 2 { // SUB_COMMAND, SUB_COMMAND_GROUP
			if r := checkOptions(o["options"], p+"options"); r != nil {
				return r
			}
			continue
		}
		if o["required"] == true {
			if optional {
				return formError(p+"required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
			}
		} else {
			optional = true
		}
		if choices, _ := o["choices"].([]any); len(choices) > 25 {
			return formError(p+"choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// Builders for the events Discord sends

func member() map[string]any {
	return map[string]any{
		"user": humanUser(), "roles": []any{}, "joined_at": "2024-01-01T00:00:00.000000+00:00", "nick": nil,
		"avatar": nil, "premium_since": nil, "deaf": false, "mute": false, "flags": 0, "pending": false,
		"permissions": "2248473465835073", "communication_disabled_until": nil,
	}
}

// UserMessage is MESSAGE_CREATE data for content posted by the user UserID
// in channelID of guild GuildID, mentioning the bot when content contains
// <@BotUserID>. For a DM, delete "guild_id" and "member".
func (f *Fake) UserMessage(channelID, content string) map[string]any {
	f.mu.Lock()
	id := f.snowflake()
	f.mu.Unlock()
	mentions := []any{}
	if strings.Contains(content, "<@"+BotUserID+">") || strings.Contains(content, "<@!"+BotUserID+">") {
		mentions = append(mentions, botUser())
	}
	m := member()
	delete(m, "user") // MESSAGE_CREATE's member omits the user; it is the author
	return map[string]any{
		"id": id, "type": 0, "channel_id": channelID, "guild_id": GuildID, "author": humanUser(), "member": m,
		"content": content, "timestamp": now(), "edited_timestamp": nil, "tts": false,
		"mention_everyone": false, "mentions": mentions, "mention_roles": []any{}, "attachments": []any{},
		"embeds": []any{}, "components": []any{}, "pinned": false, "flags": 0, "nonce": id,
	}
}

// SlashCommand is INTERACTION_CREATE data for the user UserID running
// /name in channelID of guild GuildID. options maps option names to string,
// integer, boolean or float values, sent in name order. Its "id" and
// "token" are what the response must use.
func (f *Fake) SlashCommand(channelID, name string, options map[string]any) map[string]any {
	names := make([]string, 0, len(options))
	for k := range options {
		names = append(names, k)
	}
	sort.Strings(names)
	opts := []any{}
	for _, k := range names {
		v := options[k]
		kind := 3 // STRING
		switch v.(type) {
		case int, int64, int32:
			kind = 4
		case bool:
			kind = 5
		case float64, float32:
			kind = 10
		}
		opts = append(opts, map[string]any{"name": k, "type": kind, "value": v})
	}
	f.mu.Lock()
	cmdID := ""
	for _, key := range []string{GuildID, ""} {
		for _, cmd := range f.commands[key] {
			if cmd["name"] == name && num(cmd["type"]) == 1 {
				cmdID = str(cmd["id"])
			}
		}
	}
	if cmdID == "" {
		cmdID = f.snowflake()
	}
	data := map[string]any{"id": cmdID, "name": name, "type": 1, "options": opts}
	it := f.interactionData(2, channelID, data)
	f.mu.Unlock()
	return it
}

// ComponentPress is INTERACTION_CREATE data for the user UserID pressing
// the button customID on message messageID in channelID (a message the bot
// sent through the fake, or one dispatched as MESSAGE_CREATE).
func (f *Fake) ComponentPress(channelID, messageID, customID string) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	it := f.interactionData(3, channelID, map[string]any{"custom_id": customID, "component_type": 2})
	it["message"] = f.messageData(channelID, messageID)
	return it
}

// ModalSubmit is INTERACTION_CREATE data for the user UserID submitting
// the modal customID, opened from a component on message messageID in
// channelID (a message the bot sent, or an interaction's response),
// with values mapping its text inputs' custom ids to what was typed, one
// action row each, in custom id order.
func (f *Fake) ModalSubmit(channelID, messageID, customID string, values map[string]string) map[string]any {
	ids := make([]string, 0, len(values))
	for k := range values {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	rows := []any{}
	for _, k := range ids {
		rows = append(rows, map[string]any{"type": 1, "components": []any{
			map[string]any{"type": 4, "custom_id": k, "value": values[k]}}})
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	it := f.interactionData(5, channelID, map[string]any{"custom_id": customID, "components": rows})
	it["message"] = f.messageData(channelID, messageID)
	return it
}

// messageData is the "message" of a component's or a modal's interaction:
// the stored message, or its ids alone when the fake has not seen it.
// f.mu held.
func (f *Fake) messageData(channelID, messageID string) map[string]any {
	if stored := f.message(messageID); stored != nil {
		return clone(stored)
	}
	return map[string]any{"id": messageID, "channel_id": channelID}
}

func (f *Fake) interactionData(kind int, channelID string, data map[string]any) map[string]any {
	id := f.snowflake()
	return map[string]any{
		"id": id, "application_id": AppID, "type": kind, "data": data, "guild_id": GuildID,
		"channel_id": channelID, "channel": map[string]any{"id": channelID, "type": 0, "guild_id": GuildID, "name": "general"},
		"member": member(), "token": "interaction-token-" + id, "version": 1, "app_permissions": "2248473465835073",
		"locale": "en-US", "guild_locale": "en-US", "entitlements": []any{},
		"authorizing_integration_owners": map[string]any{"0": GuildID}, "context": 0,
	}
}
