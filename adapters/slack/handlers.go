package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
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
	return mux
}

// readVerified reads a request body of at most maxBody bytes and checks
// Slack's signature over it. On failure it has written the response.
func (a *Adapter) readVerified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return nil, false
	case err != nil:
		http.Error(w, "cannot read request body", http.StatusBadRequest)
		return nil, false
	}
	if err := a.verify(r.Header, body); err != nil {
		// Log the reason, never the secret or the signature.
		a.log.WarnContext(r.Context(), "rejected unsigned or stale request", "path", r.URL.Path, "reason", err.Error())
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}

// verify checks the v0 HMAC-SHA256 signature of body and that the
// timestamp is within five minutes.
func (a *Adapter) verify(h http.Header, body []byte) error {
	if a.cfg.SigningSecret == "" {
		return errors.New("no signing secret configured")
	}
	sv, err := slackgo.NewSecretsVerifier(h, a.cfg.SigningSecret)
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
	ReplaceOriginal bool            `json:"replace_original,omitempty"`
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
		http.Error(w, "malformed slash command", http.StatusBadRequest)
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
		EventID   string          `json:"event_id"`
		Event     json.RawMessage `json:"event"`
	}
	if err := json.Unmarshal(body, &env); err != nil || env.Type == "" {
		http.Error(w, "malformed event", http.StatusBadRequest)
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
		a.event(r.Context(), env.EventID, env.Event)
	}
	w.WriteHeader(http.StatusOK)
}

// mention is the part of an app_mention event durand uses.
type mention struct {
	Type     string          `json:"type"`
	Subtype  string          `json:"subtype"`
	User     string          `json:"user"`
	BotID    string          `json:"bot_id"`
	Text     string          `json:"text"`
	Channel  string          `json:"channel"`
	TS       string          `json:"ts"`
	ThreadTS string          `json:"thread_ts"`
	Edited   json.RawMessage `json:"edited"`
}

// event handles an Events API event once, however often Slack retries it:
// an app_mention from a person is answered in a thread under it.
func (a *Adapter) event(ctx context.Context, eventID string, raw json.RawMessage) {
	if !a.seen.first(eventID, time.Now()) {
		a.log.InfoContext(ctx, "duplicate event ignored", "event_id", eventID)
		return
	}
	var ev mention
	if err := json.Unmarshal(raw, &ev); err != nil || ev.Type != "app_mention" {
		return
	}
	if ev.BotID != "" || ev.Subtype != "" || len(ev.Edited) > 0 || a.isSelf(ev.User) {
		return // bots (durand included), edits and deletions are not questions
	}
	thread := ev.ThreadTS
	if thread == "" {
		thread = ev.TS
	}
	a.background(ctx, func(ctx context.Context) {
		resp := a.cfg.Router.Handle(ctx, a.message(ev.Channel, ev.User, ev.Text, thread))
		r := Render(resp, RenderOptions{})
		_, _, err := a.api.PostMessageContext(ctx, ev.Channel,
			slackgo.MsgOptionText(r.Text, false), slackgo.MsgOptionBlocks(r.Blocks...),
			slackgo.MsgOptionTS(thread), slackgo.MsgOptionDisableLinkUnfurl())
		if err != nil {
			a.log.ErrorContext(ctx, "chat.postMessage failed", "channel", ev.Channel, "err", err)
		}
	})
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
		http.Error(w, "malformed interaction payload", http.StatusBadRequest)
		return
	}
	a.interaction(r.Context(), cb)
	w.WriteHeader(http.StatusOK)
}

// interaction handles a button press: Share in channel posts the answer
// for everyone; a suggestion asks that question.
func (a *Adapter) interaction(ctx context.Context, cb slackgo.InteractionCallback) {
	if cb.Type != slackgo.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) == 0 || cb.ResponseURL == "" {
		return
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
			msg.ReplaceOriginal = true
			if err := a.respond(ctx, cb.ResponseURL, msg); err != nil {
				a.log.ErrorContext(ctx, "suggestion answer failed", "channel", cb.Channel.ID, "err", err)
			}
		})
	}
}

// respond posts msg to a response_url, honouring Retry-After on 429 and
// retrying 5xx a bounded number of times with backoff.
func (a *Adapter) respond(ctx context.Context, responseURL string, msg message) error {
	u, err := url.Parse(responseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return fmt.Errorf("bad response_url %q", responseURL)
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
		resp, err := a.http.Do(req)
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
