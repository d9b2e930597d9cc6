// Package slack connects durand to Slack: the /durand slash command and
// @durand mentions, over signed HTTP requests or Socket Mode, answered with
// Block Kit messages.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/durandbot/durand/internal/work"

	slackgo "github.com/slack-go/slack"

	"github.com/durandbot/durand/bot"
)

// Config configures the Slack adapter.
type Config struct {
	BotToken      string // xoxb-…: posting messages
	SigningSecret string // verifies HTTP requests from Slack
	AppToken      string // xapp-…: Socket Mode, when set
	APIURL        string // the Web API base; Slack's own when empty

	Router *bot.Router
	// Admins are the user ids who may change a channel's digest; anyone
	// may when it is empty.
	Admins []string
	Log    *slog.Logger
	// HTTPClient makes Web API and response_url calls; a client with a
	// 10-second timeout when nil.
	HTTPClient *http.Client
	// AnswerTimeout is how long a slash command's answer may take before
	// the adapter acknowledges and answers later through response_url.
	AnswerTimeout time.Duration
	// OnReject, when set, is called with the reason (RejectUnsigned,
	// RejectSignature, …) of each request the HTTP endpoints refuse.
	OnReject func(reason string)
	// RejectLogInterval is how often at most the refused requests are
	// logged, in one line with their counts; 10 seconds when zero.
	RejectLogInterval time.Duration
	// Events remembers the events answered, so that replicas sharing it
	// answer a retried event once; when nil, each process remembers its
	// own. A bot.Store is one.
	Events EventStore
	// WorkTimeout bounds the work a request starts, answering and posting
	// included, after which it is abandoned: DefaultWorkTimeout when zero.
	WorkTimeout time.Duration
}

// DefaultWorkTimeout is how long an answer may take, posting included,
// before it is abandoned: long enough for Slack's retries after a 429 or a
// 5xx, well within response_url's 30 minutes.
const DefaultWorkTimeout = 30 * time.Second

// EventStore records the events the adapter answers (bot.Store has the
// method).
type EventStore interface {
	// RecordEvent records key at now and reports whether it is new:
	// not recorded less than ttl before now, by anyone sharing the store.
	RecordEvent(ctx context.Context, key string, now time.Time, ttl time.Duration) (bool, error)
}

var _ EventStore = bot.Store(nil)

// Adapter serves Slack. It is safe for concurrent use.
type Adapter struct {
	cfg   Config
	api   *slackgo.Client
	hooks *http.Client // posts to response_urls; follows no redirect
	// apiBase is the configured Web API base, whose host response_urls may
	// name too; nil for Slack's own.
	apiBase *url.URL
	log     *slog.Logger
	seen    *dedupe
	rejects *rejectLog

	mu        sync.Mutex
	botUserID string
	socketUp  atomic.Bool // a Socket Mode connection is up

	work *work.Group // answers still being worked on or posted
}

// maxSeenEvents bounds the event keys one process remembers by itself.
// Slack sends an app at most 30,000 events an hour per workspace, 5,000
// in an eventTTL; past the bound, keys are forgotten to make room.
const maxSeenEvents = 10000

// maxBody is the largest request body accepted from Slack.
const maxBody = 64 << 10

// New checks the configuration and returns an adapter. It makes no
// network calls; Start does.
func New(cfg Config) (*Adapter, error) {
	if cfg.Router == nil {
		return nil, errors.New("slack: no router")
	}
	if cfg.BotToken == "" {
		return nil, errors.New("slack: SLACK_BOT_TOKEN is not set")
	}
	if cfg.SigningSecret == "" && cfg.AppToken == "" {
		return nil, errors.New("slack: set SLACK_SIGNING_SECRET for HTTP, or SLACK_APP_TOKEN for Socket Mode")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if cfg.AnswerTimeout <= 0 {
		cfg.AnswerTimeout = 2 * time.Second
	}
	if cfg.RejectLogInterval <= 0 {
		cfg.RejectLogInterval = rejectLogInterval
	}
	if cfg.WorkTimeout <= 0 {
		cfg.WorkTimeout = DefaultWorkTimeout
	}
	retry := slackgo.RetryConfig{
		MaxRetries:         3,
		RetryAfterDuration: 5 * time.Second,
		RetryAfterJitter:   250 * time.Millisecond,
		BackoffInitial:     200 * time.Millisecond,
		BackoffMax:         5 * time.Second,
		BackoffJitter:      100 * time.Millisecond,
	}
	// Retry-After on 429, bounded backoff with jitter on 5xx and connection errors.
	retry.Handlers = []slackgo.RetryHandler{
		slackgo.NewConnectionErrorRetryHandler(),
		slackgo.NewRateLimitErrorRetryHandler(retry),
		slackgo.NewServerErrorRetryHandler(retry),
	}
	opts := []slackgo.Option{slackgo.OptionHTTPClient(cfg.HTTPClient), slackgo.OptionRetryConfig(retry)}
	var apiBase *url.URL
	if cfg.APIURL != "" {
		var err error
		if apiBase, err = url.Parse(cfg.APIURL); err != nil || apiBase.Host == "" {
			return nil, fmt.Errorf("slack: the Web API base %q is not an absolute URL", cfg.APIURL)
		}
		u := cfg.APIURL
		if !strings.HasSuffix(u, "/") {
			u += "/"
		}
		opts = append(opts, slackgo.OptionAPIURL(u))
	}
	if cfg.AppToken != "" {
		opts = append(opts, slackgo.OptionAppLevelToken(cfg.AppToken))
	}
	log := cfg.Log.With("platform", "slack")
	return &Adapter{
		cfg:     cfg,
		api:     slackgo.New(cfg.BotToken, opts...),
		hooks:   noRedirects(cfg.HTTPClient),
		apiBase: apiBase,
		log:     log,
		seen:    newDedupe(eventTTL, maxSeenEvents),
		rejects: newRejectLog(log, cfg.RejectLogInterval),
		work:    work.New(cfg.WorkTimeout, log),
	}, nil
}

// noRedirects returns a copy of c that does not follow redirects, so that
// a response_url cannot send a post on to a host checkResponseURL refuses.
func noRedirects(c *http.Client) *http.Client {
	nc := *c
	nc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &nc
}

// Start checks the bot token with auth.test and learns the bot's own user
// id, so that its own messages are never answered.
func (a *Adapter) Start(ctx context.Context) error {
	resp, err := a.api.AuthTestContext(ctx)
	if err != nil {
		return fmt.Errorf("slack: auth.test: %w", err)
	}
	a.mu.Lock()
	a.botUserID = resp.UserID
	a.mu.Unlock()
	a.log.InfoContext(ctx, "slack connected", "team", resp.Team, "bot_user", resp.UserID)
	return nil
}

// Ready reports whether the adapter can take questions: always over HTTP
// (once Start has checked the token), and in Socket Mode while connected.
func (a *Adapter) Ready() bool { return !a.SocketMode() || a.socketUp.Load() }

// SocketMode reports whether the adapter is configured for Socket Mode.
func (a *Adapter) SocketMode() bool { return a.cfg.AppToken != "" }

// Wait blocks until every answer still being posted has been posted (or
// abandoned).
func (a *Adapter) Wait() { a.work.Wait() }

// Shutdown logs the requests refused since the last such line, then waits
// for the answers still being worked on or posted until ctx is done and
// abandons the rest, so that their calls to Slack return at once; their
// number is logged and returned.
func (a *Adapter) Shutdown(ctx context.Context) int {
	a.rejects.flush()
	return a.work.Shutdown(ctx)
}

// background runs f on its own goroutine, with a context that outlives
// the request that started it but ends after WorkTimeout, or when
// Shutdown abandons it.
func (a *Adapter) background(ctx context.Context, f func(ctx context.Context)) { a.work.Go(ctx, f) }

// message builds a bot.Message from Slack, saying whether the user may
// change channel settings and read the gaps report.
func (a *Adapter) message(channel, user, text, thread string) bot.Message {
	m := bot.Message{Platform: "slack", Channel: channel, User: user, Text: text, Thread: thread,
		CuratorHint: "users listed in DURAND_ADMINS"}
	for _, id := range a.cfg.Admins {
		m.Curator = m.Curator || id == user
	}
	if len(a.cfg.Admins) == 0 {
		m.Manager, m.ManagerHint = true, "anyone in the workspace (DURAND_ADMINS is unset)"
		m.CuratorHint = "users listed in DURAND_ADMINS (it is unset)"
		return m
	}
	m.ManagerHint = "users listed in DURAND_ADMINS"
	m.Manager = m.Curator
	return m
}

func (a *Adapter) isSelf(user string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return user != "" && user == a.botUserID
}

// dedupe remembers recently seen event ids, so that Slack's retries of an
// event are answered once.
type dedupe struct {
	mu   sync.Mutex
	ttl  time.Duration
	max  int
	seen map[string]time.Time
}

func newDedupe(ttl time.Duration, max int) *dedupe {
	return &dedupe{ttl: ttl, max: max, seen: map[string]time.Time{}}
}

// first reports whether id is seen for the first time within the ttl.
func (d *dedupe) first(id string, now time.Time) bool {
	if id == "" {
		return true
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if t, ok := d.seen[id]; ok && now.Sub(t) < d.ttl {
		return false
	}
	if len(d.seen) >= d.max {
		for k, t := range d.seen {
			if now.Sub(t) >= d.ttl || len(d.seen) >= d.max {
				delete(d.seen, k)
			}
		}
	}
	d.seen[id] = now
	return true
}
