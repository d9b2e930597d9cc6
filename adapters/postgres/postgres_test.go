package postgres_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/durandbot/durand/adapters/postgres"
	"github.com/durandbot/durand/adapters/postgres/pgtest"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/bot/storetest"
)

func open(t *testing.T, url string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestStore(t *testing.T) {
	base := pgtest.Server(t)
	storetest.Run(t, func(t *testing.T) bot.Store { return open(t, pgtest.FreshURL(t, base)) })
}

func TestStoreShared(t *testing.T) {
	base := pgtest.Server(t)
	storetest.RunShared(t, func(t *testing.T) (bot.Store, bot.Store) {
		u := pgtest.FreshURL(t, base)
		return open(t, u), open(t, u)
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	u := pgtest.FreshURL(t, pgtest.Server(t))
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	k := bot.ChannelKey{Platform: "discord", Channel: "42"}

	s := open(t, u)
	if err := s.Subscribe(ctx, bot.Subscription{Platform: "discord", Channel: "42", Hour: 7, Zone: "Asia/Kabul", By: "u1", Since: now}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Claim(ctx, k, "2024-03-01", "a", now, time.Minute); err != nil || got != bot.ClaimWon {
		t.Fatalf("Claim = %d, %v; want ClaimWon", got, err)
	}
	if err := s.MarkSent(ctx, k, "2024-03-01", "a", "m1", now); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = open(t, u)
	defer s.Close()
	if sub, err := s.Subscription(ctx, k); err != nil || sub.Hour != 7 || !sub.Since.Equal(now) {
		t.Fatalf("Subscription after reopen = %+v, %v", sub, err)
	}
	if c, err := s.Claim(ctx, k, "2024-03-01", "b", now.Add(time.Hour), time.Minute); err != nil || c != bot.ClaimSent {
		t.Fatalf("Claim after reopen = %d, %v; want ClaimSent", c, err)
	}
}

// TestMigrateConcurrently starts several replicas at once on one empty
// schema: the advisory lock lets each migration run once.
func TestMigrateConcurrently(t *testing.T) {
	u := pgtest.FreshURL(t, pgtest.Server(t))
	const n = 4
	stores := make(chan *postgres.Store, n)
	errs := make(chan error, n)
	for range n {
		go func() {
			s, err := postgres.Open(context.Background(), u)
			if err != nil {
				errs <- err
				return
			}
			stores <- s
		}()
	}
	for range n {
		select {
		case err := <-errs:
			t.Errorf("concurrent Open: %v", err)
		case s := <-stores:
			s.Close()
		}
	}

	ctx := context.Background()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(versions, []int32{1, 2, 3, 4, 5}) {
		t.Errorf("schema_migrations after %d concurrent Opens = %v; want [1 2 3 4 5]", n, versions)
	}
}

// TestUpgradeAddsContexts opens a database made before contexts were
// kept (schema version 4): Open adds their table and keeps the data.
func TestUpgradeAddsContexts(t *testing.T) {
	ctx := context.Background()
	u := pgtest.FreshURL(t, pgtest.Server(t))
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	sub := bot.Subscription{Platform: "discord", Channel: "42", Hour: 7, Zone: "Asia/Kabul", By: "u1", Since: now}

	s := open(t, u)
	if err := s.Subscribe(ctx, sub); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Take the database back to version 4.
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TABLE conversations`, `DELETE FROM schema_migrations WHERE version > 4`} {
		if _, err := conn.Exec(ctx, q); err != nil {
			conn.Close(ctx)
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := conn.Close(ctx); err != nil {
		t.Fatal(err)
	}

	s = open(t, u)
	defer s.Close()
	if got, err := s.Subscription(ctx, sub.Key()); err != nil || got.Hour != sub.Hour || !got.Since.Equal(now) {
		t.Fatalf("Subscription after the upgrade = %+v, %v; want %+v", got, err, sub)
	}
	if err := s.SaveContext(ctx, "discord:42:u1", []byte("ctx"), now, time.Minute); err != nil {
		t.Fatalf("SaveContext after the upgrade: %v", err)
	}
	if got, err := s.LoadContext(ctx, "discord:42:u1", now); err != nil || string(got) != "ctx" {
		t.Fatalf("LoadContext after the upgrade = %q, %v; want %q", got, err, "ctx")
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name, url string
		mention   string // the error names this
		never     string // the error must not show this
	}{
		{"not a URL", "postgres://%zz", "postgres: open", ""},
		// Port 1 on loopback: nothing listens there.
		{"nobody listening", "postgres://durand:s3cret@127.0.0.1:1/durand?connect_timeout=2", "127.0.0.1:1/durand", "s3cret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			s, err := postgres.Open(ctx, tt.url)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded; want an error", tt.url)
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("Open error %q; want it to mention %q", err, tt.mention)
			}
			if tt.never != "" && strings.Contains(err.Error(), tt.never) {
				t.Errorf("Open error %q shows %q", err, tt.never)
			}
		})
	}
}
