package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// socketStopTimeout bounds how long RunSocketMode waits for slack-go's
// connection loop to close the websocket on shutdown.
const socketStopTimeout = 5 * time.Second

// socketErrorText is the reply to a slash command whose envelope could not
// be read.
const socketErrorText = "Sorry, something went wrong with that request. Please try again."

// RunSocketMode receives slash commands, mentions and button presses over
// Slack's Socket Mode websocket instead of HTTP, and answers them with the
// same handlers as the HTTP endpoints. It runs until ctx is done and then
// returns nil; it returns an error when the adapter has no app-level token
// or Slack refuses the token.
//
// Every envelope is acknowledged at once (a slash command's answer travels
// in its acknowledgement). A dropped or closed socket, a disconnect request
// from Slack and a missing ping make slack-go open a new connection with
// apps.connections.open and redial; RunSocketMode keeps serving across
// reconnects. Call Start first so that durand's own messages are ignored.
func (a *Adapter) RunSocketMode(ctx context.Context) error {
	if a.cfg.AppToken == "" {
		return errors.New("slack: Socket Mode needs an app-level token (SLACK_APP_TOKEN)")
	}
	// slack-go logs only in debug mode; route it to our logger anyway, so
	// that nothing is ever written to stderr behind our back.
	sm := socketmode.New(a.api, socketmode.OptionLog(slog.NewLogLogger(a.log.Handler(), slog.LevelDebug)))

	// Slash commands are answered on their own goroutines; wait for them
	// after the context is cancelled (deferred calls run last-in first-out).
	var inflight sync.WaitGroup
	defer inflight.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	runErr := make(chan error, 1)
	go func() { runErr <- sm.RunContext(ctx) }()
	a.log.InfoContext(ctx, "socket mode starting")

	for {
		select {
		case <-ctx.Done():
			select {
			case <-runErr:
			case <-time.After(socketStopTimeout):
				a.log.WarnContext(ctx, "socket mode connection did not close in time")
			}
			a.log.InfoContext(ctx, "socket mode stopped")
			return nil
		case err := <-runErr:
			if ctx.Err() != nil {
				a.log.InfoContext(ctx, "socket mode stopped")
				return nil
			}
			a.log.ErrorContext(ctx, "socket mode gave up", "err", err)
			return fmt.Errorf("slack: socket mode: %w", err)
		case evt := <-sm.Events:
			a.socketEvent(ctx, sm, evt, &inflight)
		}
	}
}

// socketEvent handles one event from the Socket Mode client. A panic is
// logged and does not stop the loop.
func (a *Adapter) socketEvent(ctx context.Context, sm *socketmode.Client, evt socketmode.Event, inflight *sync.WaitGroup) {
	defer a.recoverSocket(ctx, evt.Type, evt.Request)

	req := evt.Request
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		a.socketUp.Store(false)
		if c, ok := evt.Data.(*slackgo.ConnectingEvent); ok {
			if c.ConnectionCount > 0 && c.Attempt == 1 {
				// slack-go reports no event when a socket drops; this is
				// the first sign of it.
				a.log.InfoContext(ctx, "socket mode reconnecting", "connection", c.ConnectionCount+1)
			} else {
				a.log.DebugContext(ctx, "socket mode connecting", "attempt", c.Attempt, "connection", c.ConnectionCount+1)
			}
		}
	case socketmode.EventTypeConnected:
		a.socketUp.Store(true)
		if c, ok := evt.Data.(*socketmode.ConnectedEvent); ok {
			// Info carries the websocket URL, whose ticket is a credential:
			// never log it.
			a.log.InfoContext(ctx, "socket mode connected", "connection", c.ConnectionCount+1)
		}
	case socketmode.EventTypeHello:
		if req != nil {
			a.log.InfoContext(ctx, "socket mode hello", "connections", req.NumConnections, "host", req.DebugInfo.Host)
		}
	case socketmode.EventTypeDisconnect:
		if req != nil {
			a.log.InfoContext(ctx, "socket mode disconnect requested", "reason", req.Reason)
		}
	case socketmode.EventTypeConnectionError:
		if c, ok := evt.Data.(*slackgo.ConnectionErrorEvent); ok && ctx.Err() == nil {
			a.log.WarnContext(ctx, "socket mode connection failed", "attempt", c.Attempt, "retry_in", c.Backoff, "err", c.ErrorObj)
		}
	case socketmode.EventTypeInvalidAuth:
		a.log.ErrorContext(ctx, "socket mode: Slack rejected the app-level token")
	case socketmode.EventTypeIncomingError:
		if e, ok := evt.Data.(*slackgo.IncomingEventError); ok {
			if errors.Is(e.ErrorObj, net.ErrClosed) {
				// slack-go closed the socket itself, to reconnect or stop.
				a.log.DebugContext(ctx, "socket mode socket closed")
				break
			}
			a.log.WarnContext(ctx, "socket mode read failed", "err", e.ErrorObj)
		}
	case socketmode.EventTypeErrorWriteFailed:
		if e, ok := evt.Data.(*socketmode.ErrorWriteFailed); ok {
			env := ""
			if e.Response != nil {
				env = e.Response.EnvelopeID
			}
			a.log.ErrorContext(ctx, "socket mode write failed", "envelope_id", env, "err", e.Cause)
		}
	case socketmode.EventTypeErrorBadMessage:
		if e, ok := evt.Data.(*socketmode.ErrorBadMessage); ok {
			a.socketBadMessage(ctx, sm, e)
		}
	case socketmode.EventTypeEventsAPI:
		if req != nil {
			a.socketEventsAPI(ctx, sm, req)
		}
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slackgo.SlashCommand)
		if req == nil || !ok {
			return
		}
		// command may wait up to AnswerTimeout for the answer; do not hold
		// up the envelopes behind this one meanwhile.
		inflight.Add(1)
		go func() {
			defer inflight.Done()
			a.socketCommand(ctx, sm, req, cmd)
		}()
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slackgo.InteractionCallback)
		if req == nil || !ok {
			return
		}
		// interaction only starts work: its answer, if any, is the ack's.
		a.ack(ctx, sm, req, a.interaction(ctx, cb))
	default:
		if req != nil && req.EnvelopeID != "" {
			a.ack(ctx, sm, req, nil)
		}
		a.log.DebugContext(ctx, "socket mode event ignored", "type", string(evt.Type))
	}
}

// socketEventsAPI acknowledges an events_api envelope and hands its inner
// event to the Events API handler, which drops Slack's retries.
func (a *Adapter) socketEventsAPI(ctx context.Context, sm *socketmode.Client, req *socketmode.Request) {
	a.ack(ctx, sm, req, nil)
	var env struct {
		Type    string          `json:"type"`
		TeamID  string          `json:"team_id"`
		EventID string          `json:"event_id"`
		Event   json.RawMessage `json:"event"`
	}
	if err := json.Unmarshal(req.Payload, &env); err != nil {
		a.log.WarnContext(ctx, "socket mode: malformed events_api payload", "envelope_id", req.EnvelopeID, "err", err)
		return
	}
	if env.Type != "event_callback" {
		a.log.InfoContext(ctx, "socket mode: events_api envelope ignored", "type", env.Type, "envelope_id", req.EnvelopeID)
		return
	}
	if req.RetryAttempt > 0 {
		a.log.InfoContext(ctx, "event retry", "event_id", env.EventID, "retry", req.RetryAttempt, "reason", req.RetryReason)
	}
	a.event(ctx, env.TeamID, env.EventID, env.Event)
}

// socketCommand answers a slash command in its acknowledgement. An answer
// Slack would not accept there goes to the response_url instead.
func (a *Adapter) socketCommand(ctx context.Context, sm *socketmode.Client, req *socketmode.Request, cmd slackgo.SlashCommand) {
	defer func() {
		if p := recover(); p != nil {
			a.log.ErrorContext(ctx, "slash command panicked", "envelope_id", req.EnvelopeID, "channel", cmd.ChannelID, "panic", fmt.Sprint(p))
			a.ack(ctx, sm, req, message{ResponseType: "ephemeral", Text: socketErrorText})
		}
	}()
	msg := a.command(ctx, cmd)
	if req.AcceptsResponsePayload {
		err := sm.AckCtx(ctx, req.EnvelopeID, msg)
		if err == nil || ctx.Err() != nil {
			return
		}
		a.log.WarnContext(ctx, "slash command answer sent through response_url", "envelope_id", req.EnvelopeID, "reason", err.Error())
	}
	a.ack(ctx, sm, req, nil)
	a.background(ctx, func(ctx context.Context) {
		if err := a.respond(ctx, cmd.ResponseURL, msg); err != nil {
			a.log.ErrorContext(ctx, "slash command answer not delivered", "channel", cmd.ChannelID, "err", err)
		}
	})
}

// socketBadMessage handles an envelope slack-go could not parse (an inner
// event type it does not know, a field it reads more strictly than we do,
// a new envelope type): it is acknowledged so that Slack does not resend
// it, and an events_api envelope still reaches the Events API handler,
// which reads only what it needs.
func (a *Adapter) socketBadMessage(ctx context.Context, sm *socketmode.Client, e *socketmode.ErrorBadMessage) {
	var req socketmode.Request
	if err := json.Unmarshal(e.Message, &req); err != nil || req.EnvelopeID == "" {
		a.log.WarnContext(ctx, "socket mode message not understood", "err", e.Cause)
		return
	}
	switch req.Type {
	case socketmode.RequestTypeEventsAPI:
		a.socketEventsAPI(ctx, sm, &req)
		return
	case socketmode.RequestTypeSlashCommands:
		if req.AcceptsResponsePayload {
			a.ack(ctx, sm, &req, message{ResponseType: "ephemeral", Text: socketErrorText})
			break
		}
		a.ack(ctx, sm, &req, nil)
	default:
		a.ack(ctx, sm, &req, nil)
	}
	a.log.WarnContext(ctx, "socket mode envelope not understood", "type", req.Type, "envelope_id", req.EnvelopeID, "err", e.Cause)
}

// ack acknowledges an envelope, with payload when it is not nil.
func (a *Adapter) ack(ctx context.Context, sm *socketmode.Client, req *socketmode.Request, payload any) {
	if err := sm.AckCtx(ctx, req.EnvelopeID, payload); err != nil && ctx.Err() == nil {
		a.log.ErrorContext(ctx, "socket mode ack failed", "envelope_id", req.EnvelopeID, "err", err)
	}
}

// recoverSocket logs a panic while handling a Socket Mode event, so that
// one bad envelope never stops the bot.
func (a *Adapter) recoverSocket(ctx context.Context, t socketmode.EventType, req *socketmode.Request) {
	p := recover()
	if p == nil {
		return
	}
	env := ""
	if req != nil {
		env = req.EnvelopeID
	}
	a.log.ErrorContext(ctx, "socket mode event handler panicked", "type", string(t), "envelope_id", env, "panic", fmt.Sprint(p))
}
