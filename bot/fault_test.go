package bot_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/durandbot/durand/bot"
)

// flakyStore is a Store that can be taken down: every call then fails.
type flakyStore struct {
	*bot.MemoryStore
	down atomic.Bool
}

var errDown = errors.New("store unavailable")

func (f *flakyStore) err() error {
	if f.down.Load() {
		return errDown
	}
	return nil
}

func (f *flakyStore) Subscribe(ctx context.Context, s bot.Subscription) error {
	if err := f.err(); err != nil {
		return err
	}
	return f.MemoryStore.Subscribe(ctx, s)
}

func (f *flakyStore) Subscriptions(ctx context.Context) ([]bot.Subscription, error) {
	if err := f.err(); err != nil {
		return nil, err
	}
	return f.MemoryStore.Subscriptions(ctx)
}

func (f *flakyStore) Claim(ctx context.Context, k bot.ChannelKey, date, owner string, now time.Time, lease time.Duration) (int, error) {
	if err := f.err(); err != nil {
		return 0, err
	}
	return f.MemoryStore.Claim(ctx, k, date, owner, now, lease)
}

type recordingPoster struct {
	mu    sync.Mutex
	dates []string
}

func (p *recordingPoster) PostDigest(_ context.Context, _ string, d bot.Digest) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.dates = append(p.dates, d.Date)
	return "m", nil
}

func (p *recordingPoster) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.dates)
}

// TestStoreDownDuringRun: answers keep working, digest settings say nothing
// changed, and the digest is posted once the store is back.
func TestStoreDownDuringRun(t *testing.T) {
	ctx := context.Background()
	store := &flakyStore{MemoryStore: bot.NewMemoryStore()}
	now := time.Date(2026, 6, 1, 7, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	r := newRouter(t)
	r.SetDigest(bot.DigestSettings{Store: store, Now: clock})
	say := func(text string) bot.Response {
		return r.Handle(ctx, bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: text, Manager: true})
	}
	if resp := say("digest on 08:00 UTC"); !strings.Contains(resp.Lead, "Daily digest on") {
		t.Fatalf("subscribe: %q", resp.Lead)
	}
	kb, _ := packBase()
	poster := &recordingPoster{}
	sched := &bot.Scheduler{Store: store, Posters: map[string]bot.Poster{"slack": poster},
		Compose: (&bot.Digester{KB: kb, Store: store}).Compose, Now: clock, Owner: "a",
		Sleep: func(context.Context, time.Duration) error { return nil }}

	store.down.Store(true)
	if resp := say("who is asif durrani"); resp.Kind != bot.KindAnswer {
		t.Errorf("answers stopped with the store down: %q", resp.Lead)
	}
	if resp := say("digest on 09:00 UTC"); resp.Kind != bot.KindError || !strings.Contains(resp.Lead, "nothing changed") {
		t.Errorf("digest change with the store down: %v %q", resp.Kind, resp.Lead)
	}
	now = time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	sched.RunOnce(ctx)
	if poster.count() != 0 {
		t.Fatal("posted with the store down")
	}
	store.down.Store(false)
	now = now.Add(30 * time.Second)
	sched.RunOnce(ctx)
	sched.RunOnce(ctx)
	if poster.count() != 1 {
		t.Errorf("%d digests once the store was back, want 1", poster.count())
	}
	if s, err := store.Subscription(ctx, bot.ChannelKey{Platform: "slack", Channel: "C1"}); err != nil || s.Hour != 8 {
		t.Errorf("the refused change changed the subscription: %+v %v", s, err)
	}
}
