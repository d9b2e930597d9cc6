package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/sqlite"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/internal/testutil"
)

// TestPingChecksWritesAndReads opens stores that answer but cannot do
// their work: Ping, which readiness and serve's start rely on, fails.
func TestPingChecksWritesAndReads(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		spoil func(t *testing.T, path string)
	}{
		{"read-only file", func(t *testing.T, path string) { testutil.ReadOnly(t, path) }},
		{"corrupt subscriptions page", func(t *testing.T, path string) { testutil.CorruptSQLiteTable(t, path, "subscriptions") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "durand.db")
			s := open(t, path)
			for _, ch := range []string{"C1", "C2", "C3"} {
				sub := bot.Subscription{Platform: "slack", Channel: ch, Hour: 8, Zone: "UTC", By: "U1", Since: time.Now()}
				if err := s.Subscribe(ctx, sub); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Ping(ctx); err != nil {
				t.Fatalf("Ping on a sound store: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			tt.spoil(t, path)
			s, err := sqlite.Open(ctx, path)
			if err != nil {
				return // refused at once: as good as a failed Ping
			}
			defer s.Close()
			if err := s.Ping(ctx); err == nil {
				t.Error("Ping succeeded")
			}
		})
	}
}
