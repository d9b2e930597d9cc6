// Package sqlite provides a bot.Store in one SQLite file, the default
// store: pure Go (modernc.org/sqlite), no server. Several processes may
// open the same file; their digest claims exclude each other.
//
// Times are kept as integer Unix microseconds, as PostgreSQL keeps them.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/durandbot/durand/bot"

	"modernc.org/sqlite" // also registers the "sqlite" database/sql driver
)

// busyTimeout is how long a connection waits for another writer before
// giving up with SQLITE_BUSY.
const busyTimeout = 10 * time.Second

// Store is a bot.Store in a SQLite file. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string

	sweep    bot.Chore // removing expired event keys; Every is bot.EventSweepEvery
	ctxSweep bot.Chore // removing expired contexts; Every is bot.EventSweepEvery
}

var _ bot.Store = (*Store)(nil)

// migrations are the schema versions in order: migrations[i] brings the
// schema to version i+1. Append; never edit one that has shipped.
var migrations = []string{
	// 1: subscriptions, digest claims and state, pack facts.
	`CREATE TABLE subscriptions (
		platform TEXT NOT NULL,
		channel  TEXT NOT NULL,
		hour     INTEGER NOT NULL,
		minute   INTEGER NOT NULL,
		zone     TEXT NOT NULL,
		by_user  TEXT NOT NULL,
		since    INTEGER NOT NULL, -- Unix microseconds
		PRIMARY KEY (platform, channel)
	);
	CREATE TABLE digest_claims (
		platform    TEXT NOT NULL,
		channel     TEXT NOT NULL,
		date        TEXT NOT NULL,              -- local date, YYYY-MM-DD
		owner       TEXT NOT NULL,
		lease_until INTEGER NOT NULL,           -- Unix microseconds
		sent        INTEGER NOT NULL DEFAULT 0, -- boolean
		message_id  TEXT,
		sent_at     INTEGER,                    -- Unix microseconds
		PRIMARY KEY (platform, channel, date)
	);
	CREATE TABLE digest_state (
		platform  TEXT NOT NULL,
		channel   TEXT NOT NULL,
		sent      INTEGER NOT NULL,
		last_sent INTEGER NOT NULL, -- Unix microseconds
		PRIMARY KEY (platform, channel)
	);
	CREATE TABLE pack_facts (
		id         TEXT PRIMARY KEY,
		hash       TEXT NOT NULL,
		changed_at INTEGER NOT NULL -- Unix microseconds
	);
	CREATE INDEX pack_facts_changed_at ON pack_facts (changed_at);`,
	// 2: platform events already answered, for deduplicating retries.
	`CREATE TABLE seen_events (
		key     TEXT PRIMARY KEY,
		seen_at INTEGER NOT NULL -- Unix microseconds
	);
	CREATE INDEX seen_events_seen_at ON seen_events (seen_at);`,
	// 3: a heartbeat row that Ping writes, to show the store takes writes.
	`CREATE TABLE heartbeat (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		at INTEGER NOT NULL -- Unix microseconds
	);`,
	// 4: feedback on answers and declined questions, for the gaps report.
	// No user id is kept.
	`CREATE TABLE feedback (
		id         INTEGER PRIMARY KEY,
		at         INTEGER NOT NULL, -- Unix microseconds
		platform   TEXT NOT NULL,
		channel    TEXT NOT NULL,
		question   TEXT NOT NULL,    -- normalised; '' when not kept
		facts      TEXT NOT NULL,    -- fact ids, comma-separated
		confidence REAL NOT NULL,
		rating     TEXT NOT NULL,    -- up, down, declined
		comment    TEXT NOT NULL
	);
	CREATE INDEX feedback_at ON feedback (at);`,
	// 5: conversations' contexts, opaque values kept until they expire.
	`CREATE TABLE conversations (
		key     TEXT PRIMARY KEY,
		data    BLOB NOT NULL,
		expires INTEGER NOT NULL -- Unix microseconds
	);
	CREATE INDEX conversations_expires ON conversations (expires);`,
}

// Open opens (creating it if need be) the SQLite database at path and
// brings its schema up to date. The directory must exist. path ":memory:"
// is a private in-memory database.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: open: empty path")
	}
	memory := path == ":memory:"
	if !memory {
		dir := filepath.Dir(path)
		fi, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: directory %s: %w", path, dir, err)
		}
		if !fi.IsDir() {
			return nil, fmt.Errorf("sqlite: open %s: %s is not a directory: %w", path, dir, fs.ErrInvalid)
		}
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if memory {
		db.SetMaxOpenConns(1) // every connection would have its own database
	}
	s := &Store{
		db:       db,
		path:     path,
		sweep:    bot.Chore{Every: bot.EventSweepEvery},
		ctxSweep: bot.Chore{Every: bot.EventSweepEvery},
	}
	if err := s.migrateRetrying(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// dsn is the driver's name for path: a file: URI (so that '?' and '#' in
// the path stay part of it) with the connection settings every
// connection gets. Transactions begin IMMEDIATE: they take the write lock
// at once, so a claim's read and write are never interleaved with another
// writer's, in this process or another.
func dsn(path string) string {
	q := []string{
		"_txlock=immediate",
		fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeout.Milliseconds()),
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(NORMAL)",
	}
	if path != ":memory:" {
		q = append(q, "_pragma=journal_mode(WAL)")
	}
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + esc + "?" + strings.Join(q, "&")
}

// migrateRetrying runs migrate, trying again for up to busyTimeout while
// the file is busy. The busy timeout covers most waits, but not all: a
// connection that finds the file turned into WAL mode under it by another
// process's first Open gets SQLITE_BUSY at once.
func (s *Store) migrateRetrying(ctx context.Context) error {
	deadline := time.Now().Add(busyTimeout)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := s.migrate(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("sqlite: open %s: %w (after %w)", s.path, ctx.Err(), err)
		case <-time.After(wait):
		}
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (or an extended
// code of it).
func isBusy(err error) bool {
	const sqliteBusy = 5
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqliteBusy
}

// migrate applies the migrations the database lacks, all in one
// transaction that holds the write lock, so that two processes opening
// the file at once apply each migration once.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: open %s: begin migrations: %w", s.path, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
	)`); err != nil {
		return fmt.Errorf("sqlite: open %s: create schema_migrations: %w", s.path, err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("sqlite: open %s: read schema version: %w", s.path, err)
	}
	if have > len(migrations) {
		return fmt.Errorf("sqlite: open %s: schema version %d is newer than this program knows (%d)", s.path, have, len(migrations))
	}
	for v := have + 1; v <= len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v-1]); err != nil {
			return fmt.Errorf("sqlite: open %s: migration %d: %w", s.path, v, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES (?)`, v); err != nil {
			return fmt.Errorf("sqlite: open %s: record migration %d: %w", s.path, v, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: open %s: commit migrations: %w", s.path, err)
	}
	return nil
}

// Subscribe creates or replaces the subscription of sub's channel.
func (s *Store) Subscribe(ctx context.Context, sub bot.Subscription) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO subscriptions (platform, channel, hour, minute, zone, by_user, since)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (platform, channel) DO UPDATE SET
			hour = excluded.hour, minute = excluded.minute, zone = excluded.zone,
			by_user = excluded.by_user, since = excluded.since`,
		sub.Platform, sub.Channel, sub.Hour, sub.Minute, sub.Zone, sub.By, sub.Since.UnixMicro())
	if err != nil {
		return fmt.Errorf("sqlite: subscribe %s/%s: %w", sub.Platform, sub.Channel, err)
	}
	return nil
}

// Unsubscribe removes a channel's subscription and reports whether there
// was one.
func (s *Store) Unsubscribe(ctx context.Context, k bot.ChannelKey) (bool, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM subscriptions WHERE platform = ? AND channel = ?`, k.Platform, k.Channel)
	if err != nil {
		return false, fmt.Errorf("sqlite: unsubscribe %s/%s: %w", k.Platform, k.Channel, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("sqlite: unsubscribe %s/%s: %w", k.Platform, k.Channel, err)
	}
	return n > 0, nil
}

// Subscription returns a channel's subscription, or an error that
// errors.Is bot.ErrNotFound.
func (s *Store) Subscription(ctx context.Context, k bot.ChannelKey) (bot.Subscription, error) {
	row := s.db.QueryRowContext(ctx, `SELECT platform, channel, hour, minute, zone, by_user, since
		FROM subscriptions WHERE platform = ? AND channel = ?`, k.Platform, k.Channel)
	sub, err := scanSubscription(row)
	if errors.Is(err, sql.ErrNoRows) {
		return bot.Subscription{}, fmt.Errorf("sqlite: subscription %s/%s: %w", k.Platform, k.Channel, bot.ErrNotFound)
	}
	if err != nil {
		return bot.Subscription{}, fmt.Errorf("sqlite: subscription %s/%s: %w", k.Platform, k.Channel, err)
	}
	return sub, nil
}

// Subscriptions returns every subscription, ordered by platform and
// channel.
func (s *Store) Subscriptions(ctx context.Context) ([]bot.Subscription, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT platform, channel, hour, minute, zone, by_user, since
		FROM subscriptions ORDER BY platform, channel`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: subscriptions: %w", err)
	}
	defer rows.Close()
	var out []bot.Subscription
	for rows.Next() {
		sub, err := scanSubscription(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: subscriptions: %w", err)
		}
		out = append(out, sub)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: subscriptions: %w", err)
	}
	return out, nil
}

func scanSubscription(row interface{ Scan(...any) error }) (bot.Subscription, error) {
	var (
		sub   bot.Subscription
		since int64
	)
	if err := row.Scan(&sub.Platform, &sub.Channel, &sub.Hour, &sub.Minute, &sub.Zone, &sub.By, &since); err != nil {
		return bot.Subscription{}, err
	}
	sub.Since = fromMicro(since)
	return sub, nil
}

// Claim tries to take the right to post channel k's digest for date. The
// read and the write happen in one IMMEDIATE transaction, which holds the
// database's write lock, so exactly one of any number of racing
// claimants, in any process, wins.
func (s *Store) Claim(ctx context.Context, k bot.ChannelKey, date, owner string, now time.Time, lease time.Duration) (int, error) {
	fail := func(err error) (int, error) {
		return 0, fmt.Errorf("sqlite: claim %s/%s %s for %s: %w", k.Platform, k.Channel, date, owner, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	var (
		leaseUntil int64
		sent       bool
	)
	err = tx.QueryRowContext(ctx, `SELECT lease_until, sent FROM digest_claims
		WHERE platform = ? AND channel = ? AND date = ?`, k.Platform, k.Channel, date).Scan(&leaseUntil, &sent)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx, `INSERT INTO digest_claims (platform, channel, date, owner, lease_until)
			VALUES (?, ?, ?, ?, ?)`, k.Platform, k.Channel, date, owner, now.Add(lease).UnixMicro())
	case err != nil:
		return fail(err)
	case sent:
		return bot.ClaimSent, nil
	case now.UnixMicro() < leaseUntil:
		return bot.ClaimHeld, nil
	default: // an unsent claim whose holder let its lease run out
		var res sql.Result
		res, err = tx.ExecContext(ctx, `UPDATE digest_claims SET owner = ?, lease_until = ?
			WHERE platform = ? AND channel = ? AND date = ? AND NOT sent AND lease_until <= ?`,
			owner, now.Add(lease).UnixMicro(), k.Platform, k.Channel, date, now.UnixMicro())
		if err == nil {
			err = oneRow(res)
		}
	}
	if err != nil {
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return bot.ClaimWon, nil
}

// MarkSent records that owner posted the digest as messageID and advances
// the channel's digest state. It fails with an error wrapping bot.ErrClaimLost
// when owner does not hold the claim; marking it sent again is a
// no-op.
func (s *Store) MarkSent(ctx context.Context, k bot.ChannelKey, date, owner, messageID string, now time.Time) error {
	fail := func(err error) error {
		return fmt.Errorf("sqlite: mark sent %s/%s %s by %s: %w", k.Platform, k.Channel, date, owner, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	var (
		holder string
		sent   bool
	)
	err = tx.QueryRowContext(ctx, `SELECT owner, sent FROM digest_claims
		WHERE platform = ? AND channel = ? AND date = ?`, k.Platform, k.Channel, date).Scan(&holder, &sent)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fail(bot.ErrClaimLost)
	case err != nil:
		return fail(err)
	case holder != owner:
		return fail(bot.ErrClaimLost)
	case sent:
		return nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE digest_claims SET sent = 1, message_id = ?, sent_at = ?
		WHERE platform = ? AND channel = ? AND date = ? AND owner = ? AND NOT sent`,
		messageID, now.UnixMicro(), k.Platform, k.Channel, date, owner)
	if err != nil {
		return fail(err)
	}
	if err := oneRow(res); err != nil {
		return fail(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO digest_state (platform, channel, sent, last_sent) VALUES (?, ?, 1, ?)
		ON CONFLICT (platform, channel) DO UPDATE SET sent = sent + 1, last_sent = excluded.last_sent`,
		k.Platform, k.Channel, now.UnixMicro()); err != nil {
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return nil
}

// Release gives up an unsent claim held by owner, so that the next Claim
// wins at once. It does nothing when owner does not hold the claim.
func (s *Store) Release(ctx context.Context, k bot.ChannelKey, date, owner string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM digest_claims
		WHERE platform = ? AND channel = ? AND date = ? AND owner = ? AND NOT sent`,
		k.Platform, k.Channel, date, owner)
	if err != nil {
		return fmt.Errorf("sqlite: release %s/%s %s by %s: %w", k.Platform, k.Channel, date, owner, err)
	}
	return nil
}

// State returns a channel's digest state, zero when it has none.
func (s *Store) State(ctx context.Context, k bot.ChannelKey) (bot.DigestState, error) {
	var (
		st   bot.DigestState
		last int64
	)
	err := s.db.QueryRowContext(ctx, `SELECT sent, last_sent FROM digest_state WHERE platform = ? AND channel = ?`,
		k.Platform, k.Channel).Scan(&st.Sent, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return bot.DigestState{}, nil
	}
	if err != nil {
		return bot.DigestState{}, fmt.Errorf("sqlite: state %s/%s: %w", k.Platform, k.Channel, err)
	}
	st.LastSent = fromMicro(last)
	return st, nil
}

// SyncPack records the pack's facts by id and hash, noting now for each
// new or changed one, and returns those ids, sorted.
func (s *Store) SyncPack(ctx context.Context, facts map[string]string, now time.Time) ([]string, error) {
	fail := func(err error) ([]string, error) { return nil, fmt.Errorf("sqlite: sync pack: %w", err) }
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO pack_facts (id, hash, changed_at) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, changed_at = excluded.changed_at
		WHERE hash <> excluded.hash
		RETURNING id`)
	if err != nil {
		return fail(err)
	}
	defer stmt.Close()
	var changed []string
	for _, id := range slices.Sorted(maps.Keys(facts)) {
		var got string
		err := stmt.QueryRowContext(ctx, id, facts[id], now.UnixMicro()).Scan(&got)
		switch {
		case errors.Is(err, sql.ErrNoRows): // same hash: unchanged
		case err != nil:
			return fail(fmt.Errorf("fact %s: %w", id, err))
		default:
			changed = append(changed, got)
		}
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return changed, nil
}

// ChangedSince returns the ids of facts added or changed after t, sorted.
func (s *Store) ChangedSince(ctx context.Context, t time.Time) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM pack_facts WHERE changed_at > ? ORDER BY id`, t.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("sqlite: changed since %v: %w", t, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlite: changed since %v: %w", t, err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: changed since %v: %w", t, err)
	}
	return out, nil
}

// RecordEvent records an event key at now and reports whether it is new
// within ttl. One upsert inserts the key, or renews it when it has
// expired; it returns a row only then, and SQLite's write lock makes
// exactly one of any number of racing callers, in any process, get it.
// Expired keys are deleted at most once per bot.EventSweepEvery. On an error
// the result is false and means nothing.
func (s *Store) RecordEvent(ctx context.Context, key string, now time.Time, ttl time.Duration) (bool, error) {
	cutoff := now.Add(-ttl).UnixMicro()
	var got string
	err := s.db.QueryRowContext(ctx, `INSERT INTO seen_events (key, seen_at) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE seen_events.seen_at <= ?
		RETURNING key`, key, now.UnixMicro(), cutoff).Scan(&got)
	fresh := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("sqlite: record event: %w", err)
	}
	if s.sweep.Due(now) {
		if _, err := s.db.ExecContext(ctx, `DELETE FROM seen_events WHERE seen_at <= ?`, cutoff); err != nil {
			return false, fmt.Errorf("sqlite: expire events: %w", err)
		}
	}
	return fresh, nil
}

// SaveContext keeps data under key until now+ttl, replacing what was kept
// there. It refuses an empty key and data longer than bot.MaxContextBytes.
// Expired contexts are deleted at most once per bot.EventSweepEvery; an
// error from that delete is returned though data was kept.
func (s *Store) SaveContext(ctx context.Context, key string, data []byte, now time.Time, ttl time.Duration) error {
	if err := bot.CheckContext(key, data); err != nil {
		return fmt.Errorf("sqlite: save context: %w", err)
	}
	if data == nil {
		data = []byte{} // NULL is not an empty value
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO conversations (key, data, expires) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET data = excluded.data, expires = excluded.expires`,
		key, data, now.Add(ttl).UnixMicro()); err != nil {
		return fmt.Errorf("sqlite: save context: %w", err)
	}
	if s.ctxSweep.Due(now) {
		if _, err := s.DeleteExpiredContexts(ctx, now); err != nil {
			return err
		}
	}
	return nil
}

// LoadContext returns the context kept under key, or an error that
// errors.Is bot.ErrNotFound when there is none or it expired at or before
// now.
func (s *Store) LoadContext(ctx context.Context, key string, now time.Time) ([]byte, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT data FROM conversations WHERE key = ? AND expires > ?`,
		key, now.UnixMicro()).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: load context: %w", bot.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: load context: %w", err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// DeleteExpiredContexts deletes the contexts expired at or before now and
// reports how many it deleted.
func (s *Store) DeleteExpiredContexts(ctx context.Context, now time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM conversations WHERE expires <= ?`, now.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("sqlite: expire contexts: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("sqlite: expire contexts: %w", err)
	}
	return int(n), nil
}

// Ping checks that the database takes a write and that the subscriptions
// the scheduler reads can be read: in one transaction it records a
// heartbeat and counts the subscriptions, which visits every page of
// their table. A read-only file or a corrupt page fails it.
func (s *Store) Ping(ctx context.Context) error {
	fail := func(err error) error { return fmt.Errorf("sqlite: ping %s: %w", s.path, err) }
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO heartbeat (id, at) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET at = excluded.at`, time.Now().UnixMicro()); err != nil {
		return fail(fmt.Errorf("write: %w", err))
	}
	var n int
	// NOT INDEXED: count the table's own pages, not its primary key's.
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM subscriptions NOT INDEXED`).Scan(&n); err != nil {
		return fail(fmt.Errorf("read subscriptions: %w", err))
	}
	if err := tx.Commit(); err != nil {
		return fail(fmt.Errorf("write: %w", err))
	}
	return nil
}

// Close closes the database. Closing twice is harmless.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("sqlite: close %s: %w", s.path, err)
	}
	return nil
}

// oneRow checks that a write changed exactly one row.
func oneRow(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return fmt.Errorf("changed %d rows; want 1", n)
	}
	return nil
}

// fromMicro is the UTC time of Unix microseconds us.
func fromMicro(us int64) time.Time { return time.UnixMicro(us).UTC() }

// AddFeedback keeps one feedback record.
func (s *Store) AddFeedback(ctx context.Context, f bot.Feedback) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO feedback (at, platform, channel, question, facts, confidence, rating, comment)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		f.Time.UnixMicro(), f.Platform, f.Channel, f.Question, strings.Join(f.Facts, ","), f.Confidence, string(f.Rating), f.Comment)
	if err != nil {
		return fmt.Errorf("sqlite: add feedback: %w", err)
	}
	return nil
}

// FeedbackSince returns the records kept at or after since, oldest first.
func (s *Store) FeedbackSince(ctx context.Context, since time.Time) ([]bot.Feedback, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, platform, channel, question, facts, confidence, rating, comment
		FROM feedback WHERE at >= ? ORDER BY at, id`, since.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("sqlite: feedback since %v: %w", since, err)
	}
	defer rows.Close()
	var out []bot.Feedback
	for rows.Next() {
		var (
			f      bot.Feedback
			at     int64
			facts  string
			rating string
		)
		if err := rows.Scan(&at, &f.Platform, &f.Channel, &f.Question, &facts, &f.Confidence, &rating, &f.Comment); err != nil {
			return nil, fmt.Errorf("sqlite: feedback since %v: %w", since, err)
		}
		f.Time, f.Rating = time.UnixMicro(at).UTC(), bot.Rating(rating)
		if facts != "" {
			f.Facts = strings.Split(facts, ",")
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: feedback since %v: %w", since, err)
	}
	return out, nil
}

// DeleteFeedbackBefore deletes the records kept before t.
func (s *Store) DeleteFeedbackBefore(ctx context.Context, t time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM feedback WHERE at < ?`, t.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("sqlite: delete feedback before %v: %w", t, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("sqlite: delete feedback before %v: %w", t, err)
	}
	return int(n), nil
}
