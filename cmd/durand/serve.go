package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/durandbot/durand/adapters/slack"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
)

// serveConfig is everything `durand serve` reads from the environment.
type serveConfig struct {
	Addr string
	TZ   *time.Location

	SlackBotToken, SlackSigningSecret, SlackAppToken, SlackAPIURL string
}

// slackHTTP reports whether Slack is configured for signed HTTP requests.
func (c serveConfig) slackHTTP() bool { return c.SlackBotToken != "" && c.SlackSigningSecret != "" }

// slackSocket reports whether Slack is configured for Socket Mode.
func (c serveConfig) slackSocket() bool { return c.SlackBotToken != "" && c.SlackAppToken != "" }

// loadServeConfig reads and validates the environment. A problem is one
// line naming the variable, returned as a usage error (exit status 2).
func loadServeConfig(getenv func(string) string) (serveConfig, error) {
	c := serveConfig{
		Addr:               getenv("DURAND_ADDR"),
		SlackBotToken:      getenv("SLACK_BOT_TOKEN"),
		SlackSigningSecret: getenv("SLACK_SIGNING_SECRET"),
		SlackAppToken:      getenv("SLACK_APP_TOKEN"),
		SlackAPIURL:        getenv("SLACK_API_URL"),
	}
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return c, usageError("DURAND_ADDR: %q is not host:port: %v", c.Addr, err)
	}
	tz := getenv("DURAND_TZ")
	if tz == "" {
		tz = "UTC"
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return c, usageError("DURAND_TZ: unknown time zone %q", tz)
	}
	c.TZ = loc
	if c.SlackAPIURL != "" {
		if err := checkURL(c.SlackAPIURL); err != nil {
			return c, usageError("SLACK_API_URL: %v", err)
		}
	}
	switch {
	case c.SlackBotToken == "" && (c.SlackSigningSecret != "" || c.SlackAppToken != ""):
		return c, usageError("SLACK_BOT_TOKEN: not set, but SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is")
	case c.SlackBotToken != "" && c.SlackSigningSecret == "" && c.SlackAppToken == "":
		return c, usageError("SLACK_SIGNING_SECRET: not set (or set SLACK_APP_TOKEN for Socket Mode)")
	case !c.slackHTTP() && !c.slackSocket():
		return c, usageError("no chat platform configured: set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (Events API) or SLACK_APP_TOKEN (Socket Mode)")
	}
	return c, nil
}

// runServe runs the configured chat adapters and the HTTP endpoints until
// ctx is cancelled, then shuts down gracefully.
func runServe(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	packDir := fl.String("pack", "", "serve the pack in `DIR` instead of the embedded one")
	if err := fl.Parse(args); err != nil {
		return &exitError{code: 2}
	}
	cfg, err := loadServeConfig(getenv)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	base, err := knowledge.Load(packFS(*packDir))
	if err != nil {
		return fmt.Errorf("serve: loading the pack: %w", err)
	}
	router := bot.NewRouter(base, log)

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return usageError("DURAND_ADDR: cannot listen on %s: %v", cfg.Addr, err)
	}
	defer ln.Close()

	var ready readiness
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /readyz", ready.serve)

	sa, err := slack.New(slack.Config{
		BotToken: cfg.SlackBotToken, SigningSecret: cfg.SlackSigningSecret, AppToken: cfg.SlackAppToken,
		APIURL: cfg.SlackAPIURL, Router: router, Log: log,
	})
	if err != nil {
		return usageError("%v", err)
	}
	if err := sa.Start(ctx); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if cfg.slackHTTP() {
		mux.Handle("/slack/", sa.Handler())
	}
	var wg sync.WaitGroup
	if cfg.slackSocket() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := sa.RunSocketMode(ctx); err != nil {
				log.Error("slack socket mode stopped", "err", err)
			}
		}()
	}
	ready.set("slack", true)

	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	log.Info("durand serving", "addr", ln.Addr().String(), "slack_http", cfg.slackHTTP(), "slack_socket_mode", cfg.slackSocket())

	select {
	case <-ctx.Done():
	case err := <-serveErr:
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shutCtx)
	wg.Wait()
	sa.Wait()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}

// readiness tracks whether each component is ready to serve.
type readiness struct {
	mu    sync.Mutex
	parts map[string]bool
}

func (r *readiness) set(part string, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.parts == nil {
		r.parts = map[string]bool{}
	}
	r.parts[part] = ok
}

func (r *readiness) serve(w http.ResponseWriter, _ *http.Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	status := http.StatusOK
	for part, ok := range r.parts {
		if !ok {
			status = http.StatusServiceUnavailable
			fmt.Fprintf(w, "%s: not ready\n", part)
		}
	}
	if len(r.parts) == 0 {
		status = http.StatusServiceUnavailable
	}
	w.WriteHeader(status)
	if status == http.StatusOK {
		io.WriteString(w, "ready\n")
	}
}

// checkURL accepts an absolute http or https URL.
func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("%q is not an http(s) URL", s)
	}
	return nil
}
