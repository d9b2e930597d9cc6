package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/postgres"
	"github.com/durandbot/durand/adapters/postgres/pgtest"
	"github.com/durandbot/durand/adapters/slack"
	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/adapters/sqlite"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
	"github.com/durandbot/durand/seeds"
)

// clock is a settable time for the router and the schedulers.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// digestPosts returns the recorded chat.postMessage calls that are digests.
func digestPosts(f *slacktest.Fake) []string {
	var out []string
	for _, p := range f.Posts() {
		if strings.Contains(p.Get("blocks"), `"type":"header"`) {
			out = append(out, p.Get("channel")+" "+p.Get("blocks"))
		}
	}
	return out
}

// TestDigestEndToEnd subscribes a channel through a signed Slack slash
// command, then runs the real scheduler on the real SQLite store with an
// injected clock: the digest is posted at its time, not again after a
// restart, and caught up after downtime.
func TestDigestEndToEnd(t *testing.T) {
	ctx := context.Background()
	kb, err := knowledge.Load(seeds.FS())
	if err != nil {
		t.Fatal(err)
	}
	karachi, _ := time.LoadLocation("Asia/Karachi")
	clk := &clock{t: time.Date(2026, 3, 2, 6, 0, 0, 0, karachi)}
	dbPath := filepath.Join(t.TempDir(), "durand.db")
	store, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	f := slacktest.NewFake(t)
	router := bot.NewRouter(kb, nil)
	router.SetDigest(bot.DigestSettings{Store: store, DefaultZone: time.UTC, Now: clk.Now})
	sa, err := slack.New(slack.Config{BotToken: "xoxb-e2e", SigningSecret: "e2e-secret", APIURL: f.APIURL(), Router: router})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sa.Handler())
	defer srv.Close()

	// 1. A channel manager subscribes through a signed slash command.
	req := slacktest.SignedRequest(t, srv.URL+"/slack/commands", "application/x-www-form-urlencoded",
		slacktest.SlashForm("digest on 08:00 Asia/Karachi", f.ResponseURL("sub")), "e2e-secret", time.Now())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	sub, err := store.Subscription(ctx, bot.ChannelKey{Platform: "slack", Channel: "C1"})
	if err != nil || sub.Hour != 8 || sub.Zone != "Asia/Karachi" {
		t.Fatalf("subscription %+v, %v", sub, err)
	}

	scheduler := func(s bot.Store, owner string) *bot.Scheduler {
		return &bot.Scheduler{Store: s, Posters: map[string]bot.Poster{"slack": sa},
			Compose: (&bot.Digester{KB: kb, Store: s}).Compose, Now: clk.Now, Owner: owner}
	}
	run := func(s *bot.Scheduler, at time.Time) {
		clk.Set(at)
		s.RunOnce(ctx)
	}

	// 2. Posted at its time, once.
	first := scheduler(store, "replica-1")
	run(first, time.Date(2026, 3, 2, 7, 59, 0, 0, karachi))
	if n := len(digestPosts(f)); n != 0 {
		t.Fatalf("%d digests before 08:00", n)
	}
	run(first, time.Date(2026, 3, 2, 8, 0, 0, 0, karachi))
	run(first, time.Date(2026, 3, 2, 8, 1, 0, 0, karachi))
	posts := digestPosts(f)
	if len(posts) != 1 || !strings.HasPrefix(posts[0], "C1 ") || !strings.Contains(posts[0], "Monday 2 March 2026") {
		t.Fatalf("digests at 08:00: %d %v", len(posts), posts)
	}

	// 3. A restart: the store is reopened and a new replica runs.
	store.Close()
	if store, err = sqlite.Open(ctx, dbPath); err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	run(scheduler(store, "replica-1-restarted"), time.Date(2026, 3, 2, 9, 0, 0, 0, karachi))
	if n := len(digestPosts(f)); n != 1 {
		t.Fatalf("%d digests after a restart the same day, want still 1", n)
	}

	// 4. Down at 08:00 the next day, up again at 10:30: caught up, once.
	again := scheduler(store, "replica-1-again")
	run(again, time.Date(2026, 3, 3, 10, 30, 0, 0, karachi))
	run(again, time.Date(2026, 3, 3, 11, 0, 0, 0, karachi))
	posts = digestPosts(f)
	if len(posts) != 2 || !strings.Contains(posts[1], "Tuesday 3 March 2026") {
		t.Fatalf("catch-up: %d digests %v", len(posts), posts)
	}
}

// TestDigestTwoReplicasOnePostgres starts two schedulers on one PostgreSQL
// database, racing over many rounds: each (channel, date) is posted by
// exactly one of them.
func TestDigestTwoReplicasOnePostgres(t *testing.T) {
	url := pgtest.FreshURL(t, pgtest.Server(t))
	ctx := context.Background()
	kb, err := knowledge.Load(seeds.FS())
	if err != nil {
		t.Fatal(err)
	}
	storeA, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer storeA.Close()
	storeB, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer storeB.Close()
	poster := &countingPoster{}
	for _, ch := range []string{"C1", "C2", "C3"} {
		if err := storeA.Subscribe(ctx, bot.Subscription{Platform: "slack", Channel: ch, Hour: 8, Zone: "Europe/Berlin"}); err != nil {
			t.Fatal(err)
		}
	}
	clk := &clock{}
	replica := func(s bot.Store, owner string) *bot.Scheduler {
		return &bot.Scheduler{Store: s, Posters: map[string]bot.Poster{"slack": poster},
			Compose: (&bot.Digester{KB: kb, Store: s}).Compose, Now: clk.Now, Owner: owner}
	}
	a, b := replica(storeA, "replica-a"), replica(storeB, "replica-b")
	berlin, _ := time.LoadLocation("Europe/Berlin")
	// Three days, around the spring change of 29 March 2026, every 20 minutes.
	for at := time.Date(2026, 3, 28, 7, 0, 0, 0, berlin); at.Before(time.Date(2026, 3, 31, 0, 0, 0, 0, berlin)); at = at.Add(20 * time.Minute) {
		clk.Set(at)
		var wg sync.WaitGroup
		for _, s := range []*bot.Scheduler{a, b} {
			wg.Add(1)
			go func() { defer wg.Done(); s.RunOnce(ctx) }()
		}
		wg.Wait()
	}
	got := poster.counts()
	if len(got) != 9 {
		t.Errorf("%d (channel, date) digests, want 3 channels x 3 days: %v", len(got), got)
	}
	for k, n := range got {
		if n != 1 {
			t.Errorf("%s posted %d times", k, n)
		}
	}
}

// countingPoster counts posts by channel and digest date.
type countingPoster struct {
	mu sync.Mutex
	n  map[string]int
}

func (p *countingPoster) PostDigest(_ context.Context, channel string, d bot.Digest) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.n == nil {
		p.n = map[string]int{}
	}
	p.n[channel+" "+d.Date]++
	return channel + "-" + d.Date, nil
}

func (p *countingPoster) counts() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]int{}
	for k, v := range p.n {
		out[k] = v
	}
	return out
}
