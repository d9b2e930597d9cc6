package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/sqlite"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/internal/testutil"
)

// soundDB makes a SQLite store with a few subscriptions and closes it.
func soundDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "durand.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range []string{"C1", "C2", "C3"} {
		sub := bot.Subscription{Platform: "slack", Channel: ch, Hour: 8, Zone: "UTC", By: "U1", Since: time.Now()}
		if err := s.Subscribe(ctx, sub); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestServeUnwritableDatabaseExits2 starts serve on a SQLite file it
// cannot write, or whose subscriptions it cannot read: one line naming
// DURAND_DB, exit 2.
func TestServeUnwritableDatabaseExits2(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(t *testing.T, path string)
	}{
		{"read-only", func(t *testing.T, path string) { testutil.ReadOnly(t, path) }},
		{"corrupt", func(t *testing.T, path string) { testutil.CorruptSQLiteTable(t, path, "subscriptions") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := soundDB(t)
			tt.spoil(t, path)
			_, errs, code := runCmdEnv(t, map[string]string{
				"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "DURAND_DB": path,
			}, "serve")
			if code != 2 || !strings.HasPrefix(errs, "durand: DURAND_DB:") || strings.Count(errs, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want one line naming DURAND_DB and exit 2", code, errs)
			}
		})
	}
}

// TestReadinessChecksTheStore serves /readyz beside a SQLite store whose
// subscriptions page is corrupt: 503, naming the store.
func TestReadinessChecksTheStore(t *testing.T) {
	path := soundDB(t)
	testutil.CorruptSQLiteTable(t, path, "subscriptions")
	store, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var ready readiness
	ready.set("store", storeCheck(store, time.Now))
	w := httptest.NewRecorder()
	ready.serve(w, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "store") {
		t.Errorf("/readyz: %d %q; want 503 naming the store", w.Code, w.Body)
	}
}

// countingStore counts pings.
type countingStore struct {
	bot.Store
	pings int
}

func (s *countingStore) Ping(ctx context.Context) error {
	s.pings++
	return s.Store.Ping(ctx)
}

// TestStoreCheckRateLimited asks readiness many times a second: the store
// is written at most once per storeCheckEvery.
func TestStoreCheckRateLimited(t *testing.T) {
	store := &countingStore{Store: bot.NewMemoryStore()}
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	check := storeCheck(store, func() time.Time { return now })
	steps := []struct {
		advance time.Duration
		pings   int
	}{
		{0, 1},
		{storeCheckEvery / 2, 1},
		{storeCheckEvery / 2, 2},
		{0, 2},
		{10 * storeCheckEvery, 3},
	}
	for i, st := range steps {
		now = now.Add(st.advance)
		if !check() {
			t.Errorf("step %d: a sound store is not ready", i)
		}
		if store.pings != st.pings {
			t.Errorf("step %d: %d pings, want %d", i, store.pings, st.pings)
		}
	}
}
