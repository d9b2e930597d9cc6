package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/net/netutil"

	"github.com/durandbot/durand/internal/cli"

	"github.com/durandbot/durand/adapters/discord"
	"github.com/durandbot/durand/adapters/metrics"
	"github.com/durandbot/durand/adapters/postgres"
	"github.com/durandbot/durand/adapters/slack"
	"github.com/durandbot/durand/adapters/sqlite"
	"github.com/durandbot/durand/bot"
)

// HTTP server timeouts and the shutdown budget (see serveTuning).
const (
	// readHeaderTimeout drops a connection whose request headers do not
	// arrive in time, e.g. one opened and left silent.
	readHeaderTimeout = 5 * time.Second
	// readTimeout bounds reading a whole request, body included: Slack's
	// bodies are at most 64 KiB, sent at once; a body that stops arriving
	// is dropped.
	readTimeout = 10 * time.Second
	// writeTimeout bounds a request from the end of its headers to the end
	// of the reply: the body's read, a slash command's 2-second answer
	// window, and a slow reader of /metrics, with room to spare.
	writeTimeout = 15 * time.Second
	// idleTimeout closes a keep-alive connection that sends no new
	// request.
	idleTimeout = 60 * time.Second
	// shutdownBudget is how long serve takes at most from the end of the
	// drain to its return.
	shutdownBudget = 5 * time.Second
)

// serveConfig is everything `durand serve` reads from the environment.
type serveConfig struct {
	Addr   string
	TZ     *time.Location
	DB     string   // a SQLite file path or a postgres:// URL
	Admins []string // Slack users who may change digests; anyone when empty
	Pack   string   // a pack directory to serve and reload; the embedded pack when empty
	// PackMax is the most a pack directory's files may hold together.
	PackMax int64
	Rate    int // questions per user per minute; 0 is unlimited
	// LogQuestions logs each question's text.
	LogQuestions bool
	// Drain is how long serving goes on after SIGTERM, with /readyz at
	// 503, before shutdown.
	Drain time.Duration
	// Gaps keeps each feedback record's question text (DURAND_GAPS);
	// GapsDays is how many days records are kept (DURAND_GAPS_DAYS).
	Gaps     bool
	GapsDays int
	// ContextTTL is how long a conversation is remembered after its last
	// message (DURAND_CONTEXT_TTL).
	ContextTTL time.Duration

	SlackBotToken, SlackSigningSecret, SlackAppToken, SlackAPIURL string

	DiscordToken, DiscordAPIURL, DiscordGuildID string
	DiscordShardID, DiscordShardCount           int
}

// slack reports whether Slack is configured at all.
func (c serveConfig) slack() bool { return c.slackHTTP() || c.slackSocket() }

// discord reports whether Discord is configured.
func (c serveConfig) discord() bool { return c.DiscordToken != "" }

// slackHTTP reports whether Slack is configured for signed HTTP requests.
func (c serveConfig) slackHTTP() bool { return c.SlackBotToken != "" && c.SlackSigningSecret != "" }

// slackSocket reports whether Slack is configured for Socket Mode.
func (c serveConfig) slackSocket() bool { return c.SlackBotToken != "" && c.SlackAppToken != "" }

// maxContextTTL bounds DURAND_CONTEXT_TTL: a conversation remembered for
// longer than a day is no longer one.
const maxContextTTL = 24 * time.Hour

// contextTTL reads DURAND_CONTEXT_TTL: how long a conversation is
// remembered after its last message (bot.DefaultContextTTL when unset).
func contextTTL(getenv func(string) string) (time.Duration, error) {
	v := getenv("DURAND_CONTEXT_TTL")
	if v == "" {
		return bot.DefaultContextTTL, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 || d > maxContextTTL {
		return 0, cli.Usage("DURAND_CONTEXT_TTL: %q is not a duration between 1s and 24h, such as 30m", v)
	}
	return d, nil
}

// loadServeConfig reads and validates the environment. A problem is one
// line naming the variable, returned as a usage error (exit status 2).
func loadServeConfig(getenv func(string) string) (serveConfig, error) {
	c := serveConfig{
		Addr:               getenv("DURAND_ADDR"),
		SlackBotToken:      getenv("SLACK_BOT_TOKEN"),
		SlackSigningSecret: getenv("SLACK_SIGNING_SECRET"),
		SlackAppToken:      getenv("SLACK_APP_TOKEN"),
		SlackAPIURL:        getenv("SLACK_API_URL"),
		DiscordToken:       getenv("DISCORD_BOT_TOKEN"),
		DiscordAPIURL:      getenv("DISCORD_API_URL"),
		DiscordGuildID:     getenv("DISCORD_GUILD_ID"),
	}
	var err error
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	if c.DB = getenv("DURAND_DB"); c.DB == "" {
		c.DB = "durand.db"
	}
	c.Pack = getenv("DURAND_PACK")
	if c.Pack != "" {
		if info, err := os.Stat(c.Pack); err != nil || !info.IsDir() {
			return c, cli.Usage("DURAND_PACK: %q is not a directory", c.Pack)
		}
	}
	if c.PackMax, err = packMax(getenv); err != nil {
		return c, err
	}
	c.Rate = 20
	if getenv("DURAND_RATE") != "" {
		if c.Rate, err = intVar(getenv, "DURAND_RATE"); err != nil {
			return c, err
		}
	}
	switch v := getenv("DURAND_LOG_QUESTIONS"); v {
	case "", "0", "false":
	case "1", "true":
		c.LogQuestions = true
	default:
		return c, cli.Usage("DURAND_LOG_QUESTIONS: %q is not 1 or 0", v)
	}
	if v := getenv("DURAND_DRAIN"); v != "" {
		if c.Drain, err = time.ParseDuration(v); err != nil || c.Drain < 0 {
			return c, cli.Usage("DURAND_DRAIN: %q is not a duration such as 10s", v)
		}
	}
	if c.Gaps, err = gapsVar(getenv); err != nil {
		return c, err
	}
	if c.ContextTTL, err = contextTTL(getenv); err != nil {
		return c, err
	}
	if c.GapsDays, err = gapsDaysVar(getenv); err != nil {
		return c, err
	}
	for _, id := range strings.Split(getenv("DURAND_ADMINS"), ",") {
		if id = strings.TrimSpace(id); id != "" {
			c.Admins = append(c.Admins, id)
		}
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return c, cli.Usage("DURAND_ADDR: %q is not host:port: %v", c.Addr, err)
	}
	tz := getenv("DURAND_TZ")
	if tz == "" {
		tz = "UTC"
	}
	loc, err := bot.LoadZone(tz)
	if err != nil {
		return c, cli.Usage("DURAND_TZ: %v", err)
	}
	c.TZ = loc
	if c.SlackAPIURL != "" {
		if err := checkURL(c.SlackAPIURL); err != nil {
			return c, cli.Usage("SLACK_API_URL: %v", err)
		}
	}
	if c.DiscordAPIURL != "" {
		if err := checkURL(c.DiscordAPIURL); err != nil {
			return c, cli.Usage("DISCORD_API_URL: %v", err)
		}
	}
	if c.DiscordGuildID != "" && !isSnowflake(c.DiscordGuildID) {
		return c, cli.Usage("DISCORD_GUILD_ID: %q is not a Discord id", c.DiscordGuildID)
	}
	if c.DiscordShardID, err = intVar(getenv, "DISCORD_SHARD_ID"); err != nil {
		return c, err
	}
	if c.DiscordShardCount, err = intVar(getenv, "DISCORD_SHARD_COUNT"); err != nil {
		return c, err
	}
	if c.DiscordShardCount > 0 && c.DiscordShardID >= c.DiscordShardCount {
		return c, cli.Usage("DISCORD_SHARD_ID: %d is not below DISCORD_SHARD_COUNT %d", c.DiscordShardID, c.DiscordShardCount)
	}
	if c.DiscordShardID > 0 && c.DiscordShardCount == 0 {
		return c, cli.Usage("DISCORD_SHARD_COUNT: must be set with DISCORD_SHARD_ID")
	}
	if c.SlackAppToken != "" && !strings.HasPrefix(c.SlackAppToken, "xapp-") {
		// A bot or user token here fails later, with an error about the
		// connection; say now what is wrong.
		return c, cli.Usage("SLACK_APP_TOKEN: not an app-level token (they begin xapp-)")
	}
	switch {
	case c.SlackBotToken == "" && (c.SlackSigningSecret != "" || c.SlackAppToken != ""):
		return c, cli.Usage("SLACK_BOT_TOKEN: not set, but SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is")
	case c.SlackBotToken != "" && c.SlackSigningSecret == "" && c.SlackAppToken == "":
		return c, cli.Usage("SLACK_SIGNING_SECRET: not set (or set SLACK_APP_TOKEN for Socket Mode)")
	case !c.slack() && !c.discord():
		return c, cli.Usage("no chat platform configured: set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (Events API) or SLACK_APP_TOKEN (Socket Mode), and/or DISCORD_BOT_TOKEN")
	}
	return c, nil
}

// serveTuning is how long the HTTP server waits for clients, how many
// connections it keeps open, how long shutdown may take, and the clock and
// interval of feedback retention. Production uses defaultTuning; tests
// shorten it.
type serveTuning struct {
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// MaxConns caps open HTTP connections; 0 sizes the cap from the
	// process's descriptor limit.
	MaxConns int
	// Shutdown is the budget from the end of the drain to the return of
	// serve.
	Shutdown time.Duration
	// Now is the clock of feedback records and their retention.
	Now func() time.Time
	// RetentionEvery is how often feedback records older than
	// DURAND_GAPS_DAYS are deleted (also once at start).
	RetentionEvery time.Duration
}

// defaultTuning is serve's tuning outside tests.
func defaultTuning() serveTuning {
	return serveTuning{
		ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout, IdleTimeout: idleTimeout,
		Shutdown: shutdownBudget,
		Now:      time.Now, RetentionEvery: retentionEvery,
	}
}

// runServe runs the configured chat adapters and the HTTP endpoints until
// ctx is cancelled, then shuts down gracefully.
func runServe(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	return serve(ctx, args, getenv, stderr, defaultTuning())
}

// serve is runServe with its tuning.
func serve(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, tune serveTuning) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	packDir := fl.String("pack", "", "serve the pack in `DIR` instead of the embedded one")
	if err := fl.Parse(args); err != nil {
		return &cli.ExitError{Code: 2}
	}
	cfg, err := loadServeConfig(getenv)
	if err != nil {
		return err
	}
	if tune.Now == nil {
		tune.Now = time.Now
	}
	if tune.RetentionEvery <= 0 {
		tune.RetentionEvery = retentionEvery
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	if *packDir != "" {
		cfg.Pack = *packDir
	}
	base, err := loadPack(cfg.Pack, cfg.PackMax)
	if err != nil {
		if cfg.Pack != "" {
			return cli.Usage("DURAND_PACK: the pack in %s is invalid: %v", cfg.Pack, err)
		}
		return fmt.Errorf("serve: loading the pack: %w", err)
	}
	met := metrics.New()
	st := base.Stats()
	met.Pack(st.Facts, st.Entities)
	router := bot.NewRouter(base, log)
	router.SetOptions(bot.Options{RatePerMinute: cfg.Rate, LogQuestions: cfg.LogQuestions, Observe: met.Question})
	store, err := openStore(ctx, cfg.DB)
	if err != nil {
		return cli.Usage("DURAND_DB: %v", err)
	}
	defer store.Close()
	if err := pingStore(ctx, store); err != nil {
		return cli.Usage("DURAND_DB: %v", err)
	}
	if changed, err := store.SyncPack(ctx, base.Fingerprints(), time.Now()); err != nil {
		return fmt.Errorf("serve: recording the pack: %w", err)
	} else if len(changed) > 0 {
		log.Info("pack facts new or changed since the last start", "facts", len(changed))
	}
	router.SetDigest(bot.DigestSettings{Store: store, DefaultZone: cfg.TZ})
	router.SetFeedback(bot.FeedbackSettings{Store: store, KeepText: cfg.Gaps, Observe: met.Feedback, Now: tune.Now})
	// Conversations live in the store, so that replicas share a thread's.
	router.SetConversations(bot.ConversationSettings{Store: store, TTL: cfg.ContextTTL, Now: tune.Now})

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return cli.Usage("DURAND_ADDR: cannot listen on %s: %v", cfg.Addr, err)
	}
	defer ln.Close()

	// A signal cancels stop; the adapters run on until the drain is over.
	// Cancelling ctx then stops every adapter (also when one fails).
	stop := ctx
	ctx, cancelAll := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelAll()

	var ready readiness
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /readyz", ready.serve)
	mux.Handle("GET /metrics", met.Handler())
	ready.set("pack", func() bool { return router.Base() != nil })

	var wg sync.WaitGroup
	var adapters []shutdowner
	fatal := make(chan error, 2)
	posters := map[string]bot.Poster{}
	ready.set("store", storeCheck(store, time.Now))
	if cfg.slack() {
		sa, err := slack.New(slack.Config{
			BotToken: cfg.SlackBotToken, SigningSecret: cfg.SlackSigningSecret, AppToken: cfg.SlackAppToken,
			APIURL: cfg.SlackAPIURL, Router: router, Admins: cfg.Admins, Log: log,
			HTTPClient: &http.Client{Transport: met.Transport("slack", outboundTransport()), Timeout: 10 * time.Second},
			Events:     store, // replicas on one database answer a retried event once
			OnReject:   met.Rejected,
		})
		if err != nil {
			return cli.Usage("%v", err)
		}
		if err := sa.Start(ctx); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		if cfg.slackHTTP() {
			mux.Handle("/slack/", sa.Handler())
		}
		if cfg.slackSocket() {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := sa.RunSocketMode(ctx); err != nil {
					log.Error("slack socket mode stopped", "err", err)
				}
			}()
		}
		ready.set("slack", sa.Ready)
		adapters = append(adapters, sa)
		posters["slack"] = sa
	}
	if cfg.discord() {
		da, err := discord.New(discord.Config{
			Token: cfg.DiscordToken, APIURL: cfg.DiscordAPIURL, GuildID: cfg.DiscordGuildID,
			ShardID: cfg.DiscordShardID, ShardCount: cfg.DiscordShardCount, Router: router, Log: log,
			Transport: met.Transport("discord", outboundTransport()),
		})
		if err != nil {
			return cli.Usage("%v", err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := da.Run(ctx); err != nil && ctx.Err() == nil {
				fatal <- err // cannot connect at all: stop serving
			}
		}()
		ready.set("discord", da.Ready)
		adapters = append(adapters, da)
		posters["discord"] = da
	}
	sched := &bot.Scheduler{
		Store:   store,
		Posters: posters,
		Compose: func(ctx context.Context, k bot.ChannelKey, date string) (bot.Digest, error) {
			return (&bot.Digester{KB: router.Base(), Store: store}).Compose(ctx, k, date)
		},
		Owner:    owner(),
		Log:      log,
		OnResult: met.Digest,
	}
	if cfg.Pack != "" {
		r := &reloader{dir: cfg.Pack, router: router, store: store, metrics: met, log: log, max: cfg.PackMax}
		r.last, _ = fingerprint(cfg.Pack)
		hup := make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
		wg.Add(1)
		go func() { defer wg.Done(); r.watch(ctx, hup, 2*time.Second) }()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		retainFeedback(ctx, store, cfg.GapsDays, tune.RetentionEvery, tune.Now, log)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := sched.Run(ctx); err != nil {
			log.Error("digest scheduler stopped", "err", err)
		}
	}()

	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: tune.ReadHeaderTimeout,
		ReadTimeout:       tune.ReadTimeout,
		WriteTimeout:      tune.WriteTimeout,
		IdleTimeout:       tune.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	conns := tune.MaxConns
	if conns <= 0 {
		conns = maxConns(nofileLimit())
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(netutil.LimitListener(ln, conns)) }()
	log.Info("durand serving", "addr", ln.Addr().String(), "max_conns", conns,
		"slack_http", cfg.slackHTTP(), "slack_socket_mode", cfg.slackSocket(), "discord", cfg.discord())

	var runErr error
	select {
	case <-stop.Done():
		// Tell the load balancer at once, and go on serving while it
		// notices.
		ready.drain()
		if cfg.Drain > 0 {
			log.Info("draining", "for", cfg.Drain.String())
			select {
			case <-time.After(cfg.Drain):
			case err := <-serveErr:
				runErr = fmt.Errorf("serve: %w", err)
			case err := <-fatal:
				runErr = fmt.Errorf("serve: %w", err)
			}
		}
	case err := <-serveErr:
		runErr = fmt.Errorf("serve: %w", err)
	case err := <-fatal:
		runErr = fmt.Errorf("serve: %w", err)
	}
	shutdown(log, tune.Shutdown, srv, cancelAll, adapters, &wg)
	return runErr
}

// shutdowner is a chat adapter that finishes its work in flight until a
// deadline and abandons the rest.
type shutdowner interface {
	Shutdown(ctx context.Context) (abandoned int)
}

// abandonShare is the share of the shutdown budget kept, after work still
// running is abandoned, for its goroutines to return (their calls are
// cancelled) and for the store to close: 1/abandonShare of it.
const abandonShare = 10

// shutdown stops everything within budget: the adapters stop taking new
// work (gateways and Socket Mode close, the scheduler stops); HTTP
// requests and answers in flight may finish until the budget less its
// last tenth; then connections still open are closed, and answers still
// running are abandoned and logged. A shutdown that had to abandon
// something is not a failure: serve still exits 0.
func shutdown(log *slog.Logger, budget time.Duration, srv *http.Server, cancelAll context.CancelFunc, adapters []shutdowner, wg *sync.WaitGroup) {
	start := time.Now()
	log.Info("shutting down", "budget", budget.String())
	hard, cancelHard := context.WithTimeout(context.Background(), budget)
	defer cancelHard()
	soft, cancelSoft := context.WithTimeout(hard, budget-budget/abandonShare)
	defer cancelSoft()
	cancelAll()
	if err := srv.Shutdown(soft); err != nil {
		log.Warn("shutdown: HTTP connections still open at the deadline are closed", "err", err)
		srv.Close()
	}
	abandoned := 0
	for _, a := range adapters {
		abandoned += a.Shutdown(soft)
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-hard.Done():
		log.Warn("shutdown: tasks still running at exit are left behind")
	}
	log.Info("stopped", "took_ms", time.Since(start).Milliseconds(), "abandoned", abandoned)
}

// readiness reports whether each configured platform is connected, and
// not ready at all once draining.
type readiness struct {
	mu       sync.Mutex
	parts    map[string]func() bool
	draining atomic.Bool
}

// drain makes readiness answer 503 from now on.
func (r *readiness) drain() { r.draining.Store(true) }

func (r *readiness) set(part string, ok func() bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.parts == nil {
		r.parts = map[string]func() bool{}
	}
	r.parts[part] = ok
}

func (r *readiness) serve(w http.ResponseWriter, _ *http.Request) {
	if r.draining.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, "not ready: draining\n")
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	var notReady []string
	for part, ok := range r.parts {
		if !ok() {
			notReady = append(notReady, part)
		}
	}
	if len(r.parts) == 0 || len(notReady) > 0 {
		sort.Strings(notReady)
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "not ready: %s\n", strings.Join(notReady, ", "))
		return
	}
	io.WriteString(w, "ready\n")
}

// storePingTimeout bounds one check of the store.
const storePingTimeout = time.Second

// storeCheckEvery is how often readiness checks the store at most: each
// check is a write, and /readyz may be asked often, by anyone.
const storeCheckEvery = time.Second

// pingStore checks that store takes a write and reads what the scheduler
// reads.
func pingStore(ctx context.Context, store bot.Store) error {
	ctx, cancel := context.WithTimeout(ctx, storePingTimeout)
	defer cancel()
	return store.Ping(ctx)
}

// storeCheck is the readiness check of the store: a ping, run at most once
// per storeCheckEvery; in between, the last result stands.
func storeCheck(store bot.Store, now func() time.Time) func() bool {
	var (
		mu   sync.Mutex
		last time.Time
		ok   bool
	)
	return func() bool {
		mu.Lock()
		defer mu.Unlock()
		if t := now(); last.IsZero() || t.Sub(last) >= storeCheckEvery {
			ok, last = pingStore(context.Background(), store) == nil, t
		}
		return ok
	}
}

// openStore opens the store DURAND_DB names: a postgres:// URL, or a
// SQLite file.
func openStore(ctx context.Context, db string) (bot.Store, error) {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// owner names this replica in digest claims.
func owner() string {
	host, err := os.Hostname()
	if err != nil {
		host = "durand"
	}
	return host + ":" + strconv.Itoa(os.Getpid())
}

// intVar reads a non-negative integer variable; unset is 0.
func intVar(getenv func(string) string, name string) (int, error) {
	v := getenv(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, cli.Usage("%s: %q is not a non-negative integer", name, v)
	}
	return n, nil
}

// Feedback retention (DURAND_GAPS_DAYS).
const (
	// defaultGapsDays is how many days feedback records are kept when
	// DURAND_GAPS_DAYS is unset.
	defaultGapsDays = 90
	// maxGapsDays bounds DURAND_GAPS_DAYS at a century: a longer one is a
	// typo, and its cut-off could fall before the earliest time a store
	// can hold.
	maxGapsDays = 36500
)

// gapsVar reads DURAND_GAPS: 1 (the default) keeps question text in
// feedback records, 0 keeps only the ratings.
func gapsVar(getenv func(string) string) (bool, error) {
	switch v := getenv("DURAND_GAPS"); v {
	case "", "1":
		return true, nil
	case "0":
		return false, nil
	default:
		return false, cli.Usage("DURAND_GAPS: %q is not 1 or 0", v)
	}
}

// gapsDaysVar reads DURAND_GAPS_DAYS: how many days feedback records are
// kept, defaultGapsDays when unset.
func gapsDaysVar(getenv func(string) string) (int, error) {
	v := getenv("DURAND_GAPS_DAYS")
	if v == "" {
		return defaultGapsDays, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxGapsDays {
		return 0, cli.Usage("DURAND_GAPS_DAYS: %q is not a number of days from 1 to %d", v, maxGapsDays)
	}
	return n, nil
}

// isSnowflake reports whether s looks like a Discord id.
func isSnowflake(s string) bool {
	if len(s) < 15 || len(s) > 21 {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
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

// The connection cap (see maxConns).
const (
	// minReserve is the fewest descriptors kept out of the cap.
	minReserve = 128
	// reserveShare keeps 1/reserveShare of the descriptor limit, when that
	// is more than minReserve, for everything but HTTP clients: the store
	// (SQLite's file, WAL and shared memory, or PostgreSQL's pool),
	// outbound calls to Slack and Discord and their gateways, pack files
	// read on reload, stdio and the runtime's own.
	reserveShare = 4
	// minConns is the cap when the limit is too low to keep the reserve.
	minConns = 16
	// maxConnsCeiling bounds the cap however high the limit: beyond it
	// connections cost more memory (a goroutine and buffers each) than
	// descriptors.
	maxConnsCeiling = 1 << 16
)

// outboundConnsPerHost caps the connections to each of Slack's and
// Discord's hosts (slack.com, hooks.slack.com, discord.com), so that calls
// to them stay within the descriptors the HTTP cap keeps free: calls beyond
// it wait for a connection, within their deadline.
const outboundConnsPerHost = 16

// outboundHosts is how many hosts durand calls at most: Slack's Web API
// and response_url hosts, Discord's REST API, and their gateways.
const outboundHosts = 5

// outboundTransport is the transport for calls to Slack and Discord: the
// default one, with outboundConnsPerHost.
func outboundTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxConnsPerHost = outboundConnsPerHost
	return t
}

// maxConns is the cap on open HTTP connections for a process allowed
// nofile descriptors.
func maxConns(nofile uint64) int {
	reserve := max(nofile/reserveShare, minReserve)
	if nofile < reserve+minConns {
		return minConns
	}
	return int(min(nofile-reserve, maxConnsCeiling))
}

// nofileLimit is the process's soft limit on open descriptors (which Go
// raises to the hard limit at start), or 1,024 when it cannot be read.
func nofileLimit() uint64 {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return 1024
	}
	return lim.Cur
}
