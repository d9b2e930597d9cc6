// Package pgtest finds the PostgreSQL server tests may use and gives each
// test an empty schema of its own on it.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// envURL names the server tests use (a postgres:// URL); each test works
// in a schema of its own that it drops at the end. When envRequired is set
// too (CI sets it for the server it starts), a server that cannot be
// reached fails the tests instead of skipping them.
const (
	envURL      = "DURAND_TEST_POSTGRES"
	envRequired = "DURAND_TEST_POSTGRES_REQUIRED"
)

// Server returns the URL of the test server, or skips the test when
// there is none to use.
func Server(t *testing.T) string {
	t.Helper()
	base := os.Getenv(envURL)
	if base == "" {
		t.Skip(envURL + " is unset, so the PostgreSQL store is not tested: set it to a postgres:// URL of a server where the tests may create and drop schemas")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil && os.Getenv(envRequired) != "" {
		t.Fatalf("the PostgreSQL server named by %s (%s) cannot be reached, and %s is set: %v", envURL, redact(base), envRequired, err)
	}
	if err != nil {
		t.Skipf("the PostgreSQL server named by %s (%s) cannot be reached, so the PostgreSQL store is not tested: %v", envURL, redact(base), err)
	}
	conn.Close(ctx)
	return base
}

// FreshURL creates an empty schema on the server at base and returns a
// URL whose connections work in it. The schema is dropped when the test
// ends.
func FreshURL(t *testing.T, base string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s: %v", redact(base), err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "durand_test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize()); err != nil {
		admin.Close(ctx)
		t.Fatalf("create schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := admin.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close(ctx)
	})
	return withSearchPath(t, base, schema)
}

// withSearchPath returns base, a URL or a key=value string, with its
// search_path set to schema.
func withSearchPath(t *testing.T, base, schema string) string {
	t.Helper()
	if !strings.HasPrefix(base, "postgres://") && !strings.HasPrefix(base, "postgresql://") {
		return base + " search_path=" + schema
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", envURL, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func redact(s string) string {
	if u, err := url.Parse(s); err == nil && u.Scheme != "" {
		return u.Redacted()
	}
	return "a key=value connection string"
}
