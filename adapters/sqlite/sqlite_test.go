package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/sqlite"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/bot/storetest"
)

func open(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) bot.Store {
		return open(t, filepath.Join(t.TempDir(), "durand.db"))
	})
}

func TestStoreInMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) bot.Store { return open(t, ":memory:") })
}

func TestStoreShared(t *testing.T) {
	storetest.RunShared(t, func(t *testing.T) (bot.Store, bot.Store) {
		path := filepath.Join(t.TempDir(), "durand.db")
		return open(t, path), open(t, path)
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "durand.db")
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	k := bot.ChannelKey{Platform: "slack", Channel: "C1"}

	s := open(t, path)
	sub := bot.Subscription{Platform: "slack", Channel: "C1", Hour: 8, Minute: 30, Zone: "Asia/Karachi", By: "U1", Since: now}
	if err := s.Subscribe(ctx, sub); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Claim(ctx, k, "2024-03-01", "a", now, time.Minute); err != nil || got != bot.ClaimWon {
		t.Fatalf("Claim = %d, %v; want ClaimWon", got, err)
	}
	if err := s.MarkSent(ctx, k, "2024-03-01", "a", "m1", now); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SyncPack(ctx, map[string]string{"f1": "h1"}, now); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = open(t, path)
	defer s.Close()
	got, err := s.Subscription(ctx, k)
	if err != nil || got.Key() != sub.Key() || got.Hour != sub.Hour || got.Minute != sub.Minute ||
		got.Zone != sub.Zone || got.By != sub.By || !got.Since.Equal(sub.Since) {
		t.Fatalf("Subscription after reopen = %+v, %v; want %+v", got, err, sub)
	}
	if c, err := s.Claim(ctx, k, "2024-03-01", "b", now.Add(time.Hour), time.Minute); err != nil || c != bot.ClaimSent {
		t.Fatalf("Claim after reopen = %d, %v; want ClaimSent", c, err)
	}
	if st, err := s.State(ctx, k); err != nil || st.Sent != 1 || !st.LastSent.Equal(now) {
		t.Fatalf("State after reopen = %+v, %v; want Sent 1 at %v", st, err, now)
	}
	if ids, err := s.SyncPack(ctx, map[string]string{"f1": "h1"}, now.Add(time.Hour)); err != nil || len(ids) != 0 {
		t.Fatalf("SyncPack of the same pack after reopen = %q, %v; want none", ids, err)
	}
}

func TestOpenTwiceMigratesOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "durand.db")
	for i := range 3 {
		s := open(t, path)
		if err := s.Ping(ctx); err != nil {
			t.Fatalf("open %d: Ping: %v", i, err)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("open %d: Close: %v", i, err)
		}
	}

	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var versions []int
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		versions = append(versions, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(versions, []int{1, 2, 3, 4, 5}) {
		t.Errorf("schema_migrations after three Opens = %v; want [1 2 3 4 5]", versions)
	}
	var mode string
	if err := db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q; want wal", mode)
	}
}

func TestOpenConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "durand.db")
	errs := make(chan error, 4)
	for range cap(errs) {
		go func() {
			s, err := sqlite.Open(context.Background(), path)
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path string
		is         error  // errors.Is the error, when not nil
		mention    string // the error names this
	}{
		{"missing directory", filepath.Join(dir, "no", "such", "dir", "durand.db"), fs.ErrNotExist, filepath.Join(dir, "no", "such", "dir")},
		{"empty path", "", nil, "empty path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := sqlite.Open(context.Background(), tt.path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded; want an error", tt.path)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("Open(%q) = %v; want one that errors.Is %v", tt.path, err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("Open(%q) = %q; want it to mention %q", tt.path, err, tt.mention)
			}
		})
	}
}

func TestOddPath(t *testing.T) {
	// '?', '#' and '%' belong to the file name, not to the driver's options.
	path := filepath.Join(t.TempDir(), "a?b#c%20d.db")
	s := open(t, path)
	defer s.Close()
	if err := s.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the database is not at %q: %v", path, err)
	}
}

// TestExpiredRowsDeleted writes many event keys, or contexts, then one more
// after they have all expired: the expired rows are gone from the file
// without a call to delete them, so each table holds about a ttl's worth of
// rows however long durand runs.
func TestExpiredRowsDeleted(t *testing.T) {
	ctx := context.Background()
	const ttl = 10 * time.Minute
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	later := now.Add(ttl + bot.EventSweepEvery)
	tests := []struct {
		table string
		write func(s *sqlite.Store, i int, at time.Time) error
	}{
		{"seen_events", func(s *sqlite.Store, i int, at time.Time) error {
			fresh, err := s.RecordEvent(ctx, "slack:key"+strconv.Itoa(i)+at.String(), at, ttl)
			if err == nil && !fresh {
				err = fmt.Errorf("key %d at %v not fresh", i, at)
			}
			return err
		}},
		{"conversations", func(s *sqlite.Store, i int, at time.Time) error {
			return s.SaveContext(ctx, fmt.Sprintf("slack:C1:U%d", i), []byte("ctx"), at, ttl)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.table, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "durand.db")
			s := open(t, path)
			defer s.Close()
			for i := range 100 {
				if err := tt.write(s, i, now); err != nil {
					t.Fatal(err)
				}
			}
			if n := countRows(t, path, tt.table); n != 100 {
				t.Fatalf("%d rows after 100 writes; want 100", n)
			}
			if err := tt.write(s, 1000, later); err != nil {
				t.Fatalf("a write after expiry: %v", err)
			}
			if n := countRows(t, path, tt.table); n != 1 {
				t.Errorf("%d rows after the old ones expired; want 1", n)
			}
		})
	}
}

// TestUpgradeAddsContexts opens a database made before contexts were
// kept (schema version 4): Open adds their table and keeps the data.
func TestUpgradeAddsContexts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "durand.db")
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	sub := bot.Subscription{Platform: "slack", Channel: "C1", Hour: 8, Zone: "UTC", By: "U1", Since: now}

	s := open(t, path)
	if err := s.Subscribe(ctx, sub); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Take the database back to version 4.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TABLE conversations`, `DELETE FROM schema_migrations WHERE version > 4`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			db.Close()
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	s = open(t, path)
	defer s.Close()
	if got, err := s.Subscription(ctx, sub.Key()); err != nil || got.Hour != sub.Hour || !got.Since.Equal(now) {
		t.Fatalf("Subscription after the upgrade = %+v, %v; want %+v", got, err, sub)
	}
	if err := s.SaveContext(ctx, "slack:C1:U1", []byte("ctx"), now, time.Minute); err != nil {
		t.Fatalf("SaveContext after the upgrade: %v", err)
	}
	if got, err := s.LoadContext(ctx, "slack:C1:U1", now); err != nil || string(got) != "ctx" {
		t.Fatalf("LoadContext after the upgrade = %q, %v; want %q", got, err, "ctx")
	}
}

// countRows counts the rows of table in the database at path, through a
// connection of its own.
func countRows(t *testing.T, path, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
