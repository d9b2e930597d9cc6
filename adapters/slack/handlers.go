package slack

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/durandbot/durand/bot"
)

// Handler serves Slack's HTTP endpoints: POST /slack/commands,
// /slack/events and /slack/interactions.
func (a *Adapter) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /slack/commands", a.serveCommand)
	mux.HandleFunc("POST /slack/events", a.serveEvents)
	mux.HandleFunc("POST /slack/interactions", a.serveInteraction)
	mux.HandleFunc("/slack/", a.serveOther)
	return mux
}

// readVerified reads a request body of at most maxBody bytes and checks
// Slack's signature over it. On failure it has written the response.
func (a *Adapter) readVerified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		a.reject(w, RejectBodyTooLarge, http.StatusRequestEntityTooLarge, "request body too large")
		return nil, false
	case err != nil:
		a.reject(w, RejectUnreadable, http.StatusBadRequest, "cannot read request body")
		return nil, false
	}
	if err := a.verify(r.Header, body); err != nil {
		// Counted and logged in aggregate by reason: never the secret or
		// the signature, and not a line per request.
		a.reject(w, rejectReason(err), http.StatusUnauthorized, "invalid signature")
		return nil, false
	}
	return body, true
}

// errBadTimestamp is verify's error for a timestamp that is not a number.
var errBadTimestamp = errors.New("timestamp is not a number")

// verify checks the v0 HMAC-SHA256 signature of body and that the
// timestamp is within five minutes.
func (a *Adapter) verify(h http.Header, body []byte) error {
	if a.cfg.SigningSecret == "" {
		return errors.New("no signing secret configured")
	}
	sv, err := slackgo.NewSecretsVerifier(h, a.cfg.SigningSecret)
	var numErr *strconv.NumError
	if errors.As(err, &numErr) {
		return fmt.Errorf("%w: %w", errBadTimestamp, err)
	}
	if err != nil {
		return err
	}
	if _, err := sv.Write(body); err != nil {
		return err
	}
	return sv.Ensure()
}

// message is a Slack message body for a slash command reply or a
// response_url post.
type message struct {
	ResponseType    string          `json:"response_type,omitempty"`
	Text            string          `json:"text"`
	Blocks          []slackgo.Block `json:"blocks,omitempty"`
	ReplaceOriginal *bool           `json:"replace_original,omitempty"` // said either way where it matters
	DeleteOriginal  bool            `json:"delete_original,omitempty"`
}

func messageOf(r Rendered, responseType string) message {
	return message{ResponseType: responseType, Text: r.Text, Blocks: r.Blocks}
}

func (a *Adapter) serveCommand(w http.ResponseWriter, r *http.Request) {
	body, ok := a.readVerified(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil || form.Get("command") == "" || form.Get("user_id") == "" {
		a.reject(w, RejectMalformed, http.StatusBadRequest, "malformed slash command")
		return
	}
	cmd := slackgo.SlashCommand{
		Command:     form.Get("command"),
		Text:        form.Get("text"),
		UserID:      form.Get("user_id"),
		ChannelID:   form.Get("channel_id"),
		TeamID:      form.Get("team_id"),
		ResponseURL: form.Get("response_url"),
		TriggerID:   form.Get("trigger_id"),
	}
	writeJSON(w, a.command(r.Context(), cmd))
}

// lateRefusedText answers a slash command whose answer was not ready in
// time and whose response_url durand will not post to.
const lateRefusedText = "Sorry, that answer took too long to send here. Please ask again."

// command answers a slash command: inline when the answer is ready within
// AnswerTimeout, otherwise with an acknowledgement now and the answer
// through response_url later.
func (a *Adapter) command(ctx context.Context, cmd slackgo.SlashCommand) message {
	m := a.message(cmd.ChannelID, cmd.UserID, cmd.Text, "")
	done := make(chan message, 1)
	a.background(ctx, func(ctx context.Context) {
		resp := a.cfg.Router.Handle(ctx, m)
		shareable := resp.Kind == bot.KindAnswer || resp.Kind == bot.KindTimeline
		done <- messageOf(Render(resp, RenderOptions{Question: cmd.Text, Share: shareable}), "ephemeral")
	})
	select {
	case msg := <-done:
		return msg
	case <-time.After(a.cfg.AnswerTimeout):
	}
	if err := a.checkResponseURL(cmd.ResponseURL); err != nil {
		a.log.WarnContext(ctx, "late answer dropped: response_url refused", "channel", cmd.ChannelID, "err", err)
		return message{ResponseType: "ephemeral", Text: lateRefusedText}
	}
	a.background(ctx, func(ctx context.Context) {
		select {
		case msg := <-done:
			if err := a.respond(ctx, cmd.ResponseURL, msg); err != nil {
				a.log.ErrorContext(ctx, "late answer not delivered", "channel", cmd.ChannelID, "err", err)
			}
		case <-ctx.Done():
			a.log.WarnContext(ctx, "late answer abandoned", "channel", cmd.ChannelID, "err", ctx.Err())
		}
	})
	return message{ResponseType: "ephemeral", Text: "Looking that up…"}
}

func (a *Adapter) serveEvents(w http.ResponseWriter, r *http.Request) {
	body, ok := a.readVerified(w, r)
	if !ok {
		return
	}
	var env struct {
		Type      string          `json:"type"`
		Challenge string          `json:"challenge"`
		TeamID    string          `json:"team_id"`
		EventID   string          `json:"event_id"`
		Event     json.RawMessage `json:"event"`
	}
	if err := json.Unmarshal(body, &env); err != nil || env.Type == "" {
		a.reject(w, RejectMalformed, http.StatusBadRequest, "malformed event")
		return
	}
	switch env.Type {
	case "url_verification":
		writeJSON(w, map[string]string{"challenge": env.Challenge})
		return
	case "event_callback":
		if retry := r.Header.Get("X-Slack-Retry-Num"); retry != "" {
			a.log.InfoContext(r.Context(), "event retry", "event_id", env.EventID, "retry", retry, "reason", r.Header.Get("X-Slack-Retry-Reason"))
		}
		a.event(r.Context(), env.TeamID, env.EventID, env.Event)
	}
	w.WriteHeader(http.StatusOK)
}

// mention is the part of an app_mention event, or of a message event in a
// direct message, that durand uses.
type mention struct {
	Type        string          `json:"type"`
	ChannelType string          `json:"channel_type"`
	Subtype     string          `json:"subtype"`
	User        string          `json:"user"`
	BotID       string          `json:"bot_id"`
	Text        string          `json:"text"`
	Channel     string          `json:"channel"`
	TS          string          `json:"ts"`
	ThreadTS    string          `json:"thread_ts"`
	Edited      json.RawMessage `json:"edited"`
}

// event handles an Events API event once, however often Slack retries it
// and whichever replica the retry reaches: an app_mention from a person is
// answered in a thread under it.
func (a *Adapter) event(ctx context.Context, team, eventID string, raw json.RawMessage) {
	var ev mention
	if err := json.Unmarshal(raw, &ev); err != nil {
		return
	}
	dm := ev.Type == "message" && ev.ChannelType == "im"
	if ev.Type != "app_mention" && !dm {
		return
	}
	if ev.BotID != "" || ev.Subtype != "" || len(ev.Edited) > 0 || a.isSelf(ev.User) {
		return // bots (durand included), edits and deletions are not questions
	}
	if key, ok := eventKey(team, eventID, ev); ok && !a.firstSighting(ctx, key) {
		a.log.InfoContext(ctx, "duplicate event ignored", "event_id", eventID, "channel", ev.Channel, "ts", ev.TS)
		return
	}
	thread := ev.ThreadTS
	if thread == "" && !dm {
		thread = ev.TS // a mention is answered in a thread under it
	}
	m := a.message(ev.Channel, ev.User, ev.Text, thread)
	// A thread is one conversation, and so is a direct message: each
	// follow-up is read against the turn before.
	m.Conversation, m.MentionsNeeded = ev.Channel+":"+thread, true
	if dm {
		m.Conversation, m.MentionsNeeded = ev.Channel, false
	}
	a.background(ctx, func(ctx context.Context) {
		resp := a.cfg.Router.Handle(ctx, m)
		r := Render(resp, RenderOptions{})
		_, _, err := a.api.PostMessageContext(ctx, ev.Channel,
			slackgo.MsgOptionText(r.Text, false), slackgo.MsgOptionBlocks(r.Blocks...),
			slackgo.MsgOptionTS(thread), slackgo.MsgOptionDisableLinkUnfurl())
		if err != nil {
			a.log.ErrorContext(ctx, "chat.postMessage failed", "channel", ev.Channel, "err", err)
		}
	})
}

// eventTTL is how long an answered event is remembered: Slack retries an
// event up to three times, the last about five minutes after the first.
const eventTTL = 10 * time.Minute

// eventStoreTimeout bounds the shared store's check of an event, so that a
// slow store cannot hold up the acknowledgement Slack wants within three
// seconds; past it, the event is deduplicated in this process only.
const eventStoreTimeout = time.Second

// eventKey names an event for deduplication: by its event_id, or, when
// Slack sent none, by the message it is about (team, channel and ts),
// which a retry repeats. It reports false when the event names neither.
func eventKey(team, eventID string, ev mention) (string, bool) {
	var parts []string
	switch {
	case eventID != "":
		parts = []string{"event", team, eventID}
	case ev.Channel != "" && ev.TS != "":
		parts = []string{"message", team, ev.Channel, ev.TS}
	default:
		return "", false
	}
	// Hashed, so that the key has a fixed length and no part can run into
	// the next.
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return "slack:" + hex.EncodeToString(sum[:]), true
}

// firstSighting records an event key and reports whether the event is
// seen for the first time: in this process, and, when the adapter has an
// event store, by any replica sharing it. When the store fails, this
// process's memory decides.
func (a *Adapter) firstSighting(ctx context.Context, key string) bool {
	now := time.Now()
	local := a.seen.first(key, now)
	if a.cfg.Events == nil || !local {
		return local
	}
	ctx, cancel := context.WithTimeout(ctx, eventStoreTimeout)
	defer cancel()
	fresh, err := a.cfg.Events.RecordEvent(ctx, key, now, eventTTL)
	if err != nil {
		a.log.WarnContext(ctx, "event store failed: retries are deduplicated in this process only", "err", err)
		return true
	}
	return fresh
}

func (a *Adapter) serveInteraction(w http.ResponseWriter, r *http.Request) {
	body, ok := a.readVerified(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	var cb slackgo.InteractionCallback
	if err == nil && form.Get("payload") != "" {
		err = json.Unmarshal([]byte(form.Get("payload")), &cb)
	}
	if err != nil || form.Get("payload") == "" {
		a.reject(w, RejectMalformed, http.StatusBadRequest, "malformed interaction payload")
		return
	}
	if resp := a.interaction(r.Context(), cb); resp != nil {
		writeJSON(w, resp)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// interaction handles a button press or a modal's submission: Share in
// channel posts the answer for everyone; a suggestion asks that question;
// 👍 and 👎 are votes on the answer, and the "What was wrong?" modal's
// submission is a 👎's comment. It returns what to answer Slack with at
// once: nil for an empty acknowledgement.
func (a *Adapter) interaction(ctx context.Context, cb slackgo.InteractionCallback) any {
	if cb.Type == slackgo.InteractionTypeViewSubmission {
		return a.voteSubmitted(ctx, cb)
	}
	if cb.Type != slackgo.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) == 0 || cb.ResponseURL == "" {
		return nil
	}
	if err := a.checkResponseURL(cb.ResponseURL); err != nil {
		a.log.WarnContext(ctx, "button press ignored: response_url refused", "channel", cb.Channel.ID, "err", err)
		return nil
	}
	act := *cb.ActionCallback.BlockActions[0]
	q := act.Value
	m := a.message(cb.Channel.ID, cb.User.ID, q, "")
	switch baseAction(act.ActionID) {
	case ActionShare:
		a.background(ctx, func(ctx context.Context) {
			resp := a.cfg.Router.Handle(ctx, m)
			msg := messageOf(Render(resp, RenderOptions{Question: q, SharedBy: cb.User.ID}), "in_channel")
			if err := a.respond(ctx, cb.ResponseURL, msg); err != nil {
				a.log.ErrorContext(ctx, "share failed", "channel", cb.Channel.ID, "err", err)
				return
			}
			// The private copy is no longer needed.
			if err := a.respond(ctx, cb.ResponseURL, message{DeleteOriginal: true}); err != nil {
				a.log.WarnContext(ctx, "could not remove the private answer", "err", err)
			}
		})
	case ActionAsk:
		a.background(ctx, func(ctx context.Context) {
			resp := a.cfg.Router.Handle(ctx, m)
			shareable := resp.Kind == bot.KindAnswer || resp.Kind == bot.KindTimeline
			msg := messageOf(Render(resp, RenderOptions{Question: q, Share: shareable}), "ephemeral")
			msg.ReplaceOriginal = boolPtr(true)
			if err := a.respond(ctx, cb.ResponseURL, msg); err != nil {
				a.log.ErrorContext(ctx, "suggestion answer failed", "channel", cb.Channel.ID, "err", err)
			}
		})
	case ActionVoteUp, ActionVoteDown:
		a.votePressed(ctx, cb, act)
	}
	return nil
}

// slackHooksHost is the host of the response_urls Slack sends.
const slackHooksHost = "hooks.slack.com"

// errResponseURLRefused is returned, wrapped, for a response_url that is
// not Slack's.
var errResponseURLRefused = errors.New("response_url refused: not https://hooks.slack.com/ or the Web API's host")

// checkResponseURL accepts a response_url only on https://hooks.slack.com/,
// or on the scheme and host of the configured Web API base (tests and
// proxies): a signed payload must not make durand post anywhere else.
func (a *Adapter) checkResponseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.User != nil || u.Host == "" {
		return fmt.Errorf("%w: unreadable", errResponseURLRefused)
	}
	if u.Scheme == "https" && strings.EqualFold(u.Host, slackHooksHost) {
		return nil
	}
	if api := a.apiBase; api != nil && u.Scheme == api.Scheme && strings.EqualFold(u.Host, api.Host) {
		return nil
	}
	return fmt.Errorf("%w: host %.100q", errResponseURLRefused, u.Host)
}

// respond posts msg to a response_url, honouring Retry-After on 429 and
// retrying 5xx a bounded number of times with backoff.
// It posts only where checkResponseURL allows, and follows no redirect.
func (a *Adapter) respond(ctx context.Context, responseURL string, msg message) error {
	if err := a.checkResponseURL(responseURL); err != nil {
		return err
	}
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	backoff := 200 * time.Millisecond
	for attempt := 1; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, responseURL, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := a.hooks.Do(req)
		wait := backoff
		if err == nil {
			io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
			resp.Body.Close()
			switch {
			case resp.StatusCode < 300:
				return nil
			case resp.StatusCode == http.StatusTooManyRequests:
				if s, perr := strconv.Atoi(resp.Header.Get("Retry-After")); perr == nil && s >= 0 {
					wait = time.Duration(s) * time.Second
				}
				err = fmt.Errorf("response_url: 429 rate limited")
			case resp.StatusCode >= 500:
				err = fmt.Errorf("response_url: %s", resp.Status)
			default:
				return fmt.Errorf("response_url: %s", resp.Status)
			}
		}
		if attempt == 4 {
			return fmt.Errorf("giving up after %d attempts: %w", attempt, err)
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
		backoff *= 2
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		http.Error(w, "encoding failed", http.StatusInternalServerError)
	}
}
