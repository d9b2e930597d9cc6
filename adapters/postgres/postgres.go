// Package postgres provides a bot.Store in PostgreSQL, for several
// replicas sharing one database: their digest claims exclude each other,
// so each (channel, local date) is posted by exactly one of them.
//
// The tables live in the first schema of the connection's search_path
// (set it with the URL's search_path parameter to keep several
// installations in one database apart).
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/durandbot/durand/bot"
)

// migrationLock is the advisory lock key held while migrating, so that
// replicas starting at once apply each migration once ("durandmg").
const migrationLock int64 = 0x647572616e646d67

// Store is a bot.Store in a PostgreSQL database. It is safe for
// concurrent use, and any number of Stores, in any number of processes,
// may share one database.
type Store struct {
	pool *pgxpool.Pool
	name string // host:port/database, for errors; never the password

	sweep    bot.Chore // removing expired event keys; Every is bot.EventSweepEvery
	ctxSweep bot.Chore // removing expired contexts; Every is bot.EventSweepEvery
}

var _ bot.Store = (*Store)(nil)

// migrations are the schema versions in order: migrations[i] brings the
// schema to version i+1. Append; never edit one that has shipped.
var migrations = []string{
	// 1: subscriptions, digest claims and state, pack facts.
	`CREATE TABLE subscriptions (
		platform text NOT NULL,
		channel  text NOT NULL,
		hour     integer NOT NULL,
		minute   integer NOT NULL,
		zone     text NOT NULL,
		by_user  text NOT NULL,
		since    timestamptz NOT NULL,
		PRIMARY KEY (platform, channel)
	);
	CREATE TABLE digest_claims (
		platform    text NOT NULL,
		channel     text NOT NULL,
		date        text NOT NULL, -- local date, YYYY-MM-DD
		owner       text NOT NULL,
		lease_until timestamptz NOT NULL,
		sent        boolean NOT NULL DEFAULT false,
		message_id  text,
		sent_at     timestamptz,
		PRIMARY KEY (platform, channel, date)
	);
	CREATE TABLE digest_state (
		platform  text NOT NULL,
		channel   text NOT NULL,
		sent      integer NOT NULL,
		last_sent timestamptz NOT NULL,
		PRIMARY KEY (platform, channel)
	);
	CREATE TABLE pack_facts (
		id         text PRIMARY KEY,
		hash       text NOT NULL,
		changed_at timestamptz NOT NULL
	);
	CREATE INDEX pack_facts_changed_at ON pack_facts (changed_at);`,
	// 2: platform events already answered, for deduplicating retries.
	`CREATE TABLE seen_events (
		key     text PRIMARY KEY,
		seen_at timestamptz NOT NULL
	);
	CREATE INDEX seen_events_seen_at ON seen_events (seen_at);`,
	// 3: a heartbeat row that Ping writes, to show the store takes writes.
	`CREATE TABLE heartbeat (
		id integer PRIMARY KEY CHECK (id = 1),
		at timestamptz NOT NULL
	);`,
	// 4: feedback on answers and declined questions, for the gaps report.
	// No user id is kept.
	`CREATE TABLE feedback (
		id         bigserial PRIMARY KEY,
		at         timestamptz NOT NULL,
		platform   text NOT NULL,
		channel    text NOT NULL,
		question   text NOT NULL,  -- normalised; '' when not kept
		facts      text[] NOT NULL,
		confidence double precision NOT NULL,
		rating     text NOT NULL,  -- up, down, declined
		comment    text NOT NULL
	);
	CREATE INDEX feedback_at ON feedback (at);`,
	// 5: conversations' contexts, opaque values kept until they expire.
	`CREATE TABLE conversations (
		key     text PRIMARY KEY,
		data    bytea NOT NULL,
		expires timestamptz NOT NULL
	);
	CREATE INDEX conversations_expires ON conversations (expires);`,
}

// Open connects to the PostgreSQL database at url (postgres://…), checks
// that it answers, and brings its schema up to date.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx's parse errors leave out the password.
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	cc := cfg.ConnConfig
	name := net.JoinHostPort(cc.Host, strconv.Itoa(int(cc.Port))) + "/" + cc.Database
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", name, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", name, err)
	}
	s := &Store{
		pool:     pool,
		name:     name,
		sweep:    bot.Chore{Every: bot.EventSweepEvery},
		ctxSweep: bot.Chore{Every: bot.EventSweepEvery},
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// migrate applies the migrations the database lacks, in one transaction
// that first takes an advisory lock: replicas that start together wait
// for each other instead of racing to create the same tables. The lock
// goes with the transaction, whatever happens to it.
func (s *Store) migrate(ctx context.Context) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`); err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		var have int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if have > len(migrations) {
			return fmt.Errorf("schema version %d is newer than this program knows (%d)", have, len(migrations))
		}
		for v := have + 1; v <= len(migrations); v++ {
			if _, err := tx.Exec(ctx, migrations[v-1]); err != nil {
				return fmt.Errorf("migration %d: %w", v, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v); err != nil {
				return fmt.Errorf("record migration %d: %w", v, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: open %s: migrate: %w", s.name, err)
	}
	return nil
}

// Subscribe creates or replaces the subscription of sub's channel.
func (s *Store) Subscribe(ctx context.Context, sub bot.Subscription) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO subscriptions (platform, channel, hour, minute, zone, by_user, since)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (platform, channel) DO UPDATE SET
			hour = excluded.hour, minute = excluded.minute, zone = excluded.zone,
			by_user = excluded.by_user, since = excluded.since`,
		sub.Platform, sub.Channel, sub.Hour, sub.Minute, sub.Zone, sub.By, sub.Since)
	if err != nil {
		return fmt.Errorf("postgres: subscribe %s/%s: %w", sub.Platform, sub.Channel, err)
	}
	return nil
}

// Unsubscribe removes a channel's subscription and reports whether there
// was one.
func (s *Store) Unsubscribe(ctx context.Context, k bot.ChannelKey) (bool, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM subscriptions WHERE platform = $1 AND channel = $2`, k.Platform, k.Channel)
	if err != nil {
		return false, fmt.Errorf("postgres: unsubscribe %s/%s: %w", k.Platform, k.Channel, err)
	}
	return tag.RowsAffected() > 0, nil
}

// Subscription returns a channel's subscription, or an error that
// errors.Is bot.ErrNotFound.
func (s *Store) Subscription(ctx context.Context, k bot.ChannelKey) (bot.Subscription, error) {
	row := s.pool.QueryRow(ctx, `SELECT platform, channel, hour, minute, zone, by_user, since
		FROM subscriptions WHERE platform = $1 AND channel = $2`, k.Platform, k.Channel)
	sub, err := scanSubscription(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return bot.Subscription{}, fmt.Errorf("postgres: subscription %s/%s: %w", k.Platform, k.Channel, bot.ErrNotFound)
	}
	if err != nil {
		return bot.Subscription{}, fmt.Errorf("postgres: subscription %s/%s: %w", k.Platform, k.Channel, err)
	}
	return sub, nil
}

// Subscriptions returns every subscription, ordered by platform and
// channel (byte order, whatever the database's collation).
func (s *Store) Subscriptions(ctx context.Context) ([]bot.Subscription, error) {
	rows, err := s.pool.Query(ctx, `SELECT platform, channel, hour, minute, zone, by_user, since
		FROM subscriptions ORDER BY platform COLLATE "C", channel COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("postgres: subscriptions: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (bot.Subscription, error) { return scanSubscription(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: subscriptions: %w", err)
	}
	return out, nil
}

func scanSubscription(row pgx.Row) (bot.Subscription, error) {
	var sub bot.Subscription
	if err := row.Scan(&sub.Platform, &sub.Channel, &sub.Hour, &sub.Minute, &sub.Zone, &sub.By, &sub.Since); err != nil {
		return bot.Subscription{}, err
	}
	sub.Since = sub.Since.UTC()
	return sub, nil
}

// Claim tries to take the right to post channel k's digest for date. One
// statement inserts the claim, or takes over an unsent one whose lease
// ran out; PostgreSQL serialises racing upserts of one row, so exactly one
// claimant, on any replica, gets the row back.
func (s *Store) Claim(ctx context.Context, k bot.ChannelKey, date, owner string, now time.Time, lease time.Duration) (int, error) {
	fail := func(err error) (int, error) {
		return 0, fmt.Errorf("postgres: claim %s/%s %s for %s: %w", k.Platform, k.Channel, date, owner, err)
	}
	// A claim released between the upsert and the look that follows it
	// sends us round again; a few rounds are plenty.
	for range 3 {
		var got string
		err := s.pool.QueryRow(ctx, `INSERT INTO digest_claims (platform, channel, date, owner, lease_until)
			VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (platform, channel, date) DO UPDATE
				SET owner = excluded.owner, lease_until = excluded.lease_until
				WHERE NOT digest_claims.sent AND digest_claims.lease_until <= $6
			RETURNING owner`,
			k.Platform, k.Channel, date, owner, now.Add(lease), now).Scan(&got)
		switch {
		case err == nil && got == owner:
			return bot.ClaimWon, nil
		case err == nil:
			return fail(fmt.Errorf("claim came back held by %q", got))
		case !errors.Is(err, pgx.ErrNoRows):
			return fail(err)
		}
		// Someone else's claim is there: live, or sent.
		var sent bool
		err = s.pool.QueryRow(ctx, `SELECT sent FROM digest_claims
			WHERE platform = $1 AND channel = $2 AND date = $3`, k.Platform, k.Channel, date).Scan(&sent)
		switch {
		case err == nil && sent:
			return bot.ClaimSent, nil
		case err == nil:
			return bot.ClaimHeld, nil
		case !errors.Is(err, pgx.ErrNoRows):
			return fail(err)
		}
	}
	// The claim keeps being taken and released: someone is at work on it.
	return bot.ClaimHeld, nil
}

// MarkSent records that owner posted the digest as messageID and advances
// the channel's digest state, in one transaction. It fails with an error
// wrapping bot.ErrClaimLost when owner does not hold the claim;
// marking it sent again is a no-op.
func (s *Store) MarkSent(ctx context.Context, k bot.ChannelKey, date, owner, messageID string, now time.Time) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE digest_claims SET sent = true, message_id = $5, sent_at = $6
			WHERE platform = $1 AND channel = $2 AND date = $3 AND owner = $4 AND NOT sent`,
			k.Platform, k.Channel, date, owner, messageID, now)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 1 {
			_, err = tx.Exec(ctx, `INSERT INTO digest_state (platform, channel, sent, last_sent) VALUES ($1, $2, 1, $3)
				ON CONFLICT (platform, channel) DO UPDATE
					SET sent = digest_state.sent + 1, last_sent = excluded.last_sent`,
				k.Platform, k.Channel, now)
			return err
		}
		// Not updated: sent by owner already (fine), or not owner's.
		var (
			holder string
			sent   bool
		)
		err = tx.QueryRow(ctx, `SELECT owner, sent FROM digest_claims
			WHERE platform = $1 AND channel = $2 AND date = $3`, k.Platform, k.Channel, date).Scan(&holder, &sent)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			return bot.ErrClaimLost
		case err != nil:
			return err
		case holder != owner || !sent:
			return bot.ErrClaimLost
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: mark sent %s/%s %s by %s: %w", k.Platform, k.Channel, date, owner, err)
	}
	return nil
}

// Release gives up an unsent claim held by owner, so that the next Claim
// wins at once. It does nothing when owner does not hold the claim.
func (s *Store) Release(ctx context.Context, k bot.ChannelKey, date, owner string) error {
	_, err := s.pool.Exec(ctx, `DELETE FROM digest_claims
		WHERE platform = $1 AND channel = $2 AND date = $3 AND owner = $4 AND NOT sent`,
		k.Platform, k.Channel, date, owner)
	if err != nil {
		return fmt.Errorf("postgres: release %s/%s %s by %s: %w", k.Platform, k.Channel, date, owner, err)
	}
	return nil
}

// State returns a channel's digest state, zero when it has none.
func (s *Store) State(ctx context.Context, k bot.ChannelKey) (bot.DigestState, error) {
	var st bot.DigestState
	err := s.pool.QueryRow(ctx, `SELECT sent, last_sent FROM digest_state WHERE platform = $1 AND channel = $2`,
		k.Platform, k.Channel).Scan(&st.Sent, &st.LastSent)
	if errors.Is(err, pgx.ErrNoRows) {
		return bot.DigestState{}, nil
	}
	if err != nil {
		return bot.DigestState{}, fmt.Errorf("postgres: state %s/%s: %w", k.Platform, k.Channel, err)
	}
	st.LastSent = st.LastSent.UTC()
	return st, nil
}

// SyncPack records the pack's facts by id and hash in one statement,
// noting now for each new or changed one, and returns those ids, sorted.
// Rows are written in id order, so replicas syncing at once cannot
// deadlock.
func (s *Store) SyncPack(ctx context.Context, facts map[string]string, now time.Time) ([]string, error) {
	ids := make([]string, 0, len(facts))
	for id := range facts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	hashes := make([]string, len(ids))
	for i, id := range ids {
		hashes[i] = facts[id]
	}
	rows, err := s.pool.Query(ctx, `INSERT INTO pack_facts (id, hash, changed_at)
		SELECT id, hash, $3 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS f(id, hash, n) ORDER BY n
		ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, changed_at = excluded.changed_at
			WHERE pack_facts.hash <> excluded.hash
		RETURNING id`, ids, hashes, now)
	if err != nil {
		return nil, fmt.Errorf("postgres: sync pack: %w", err)
	}
	changed, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: sync pack: %w", err)
	}
	slices.Sort(changed)
	return changed, nil
}

// ChangedSince returns the ids of facts added or changed after t, sorted.
func (s *Store) ChangedSince(ctx context.Context, t time.Time) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT id FROM pack_facts WHERE changed_at > $1 ORDER BY id COLLATE "C"`, t)
	if err != nil {
		return nil, fmt.Errorf("postgres: changed since %v: %w", t, err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: changed since %v: %w", t, err)
	}
	return ids, nil
}

// RecordEvent records an event key at now and reports whether it is new
// within ttl. One upsert inserts the key, or renews it when it has
// expired, and returns a row only then; PostgreSQL serialises racing
// upserts of one key, and the loser sees the winner's fresh row, so
// exactly one caller, on any replica, is told the event is new. Expired
// keys are deleted at most once per bot.EventSweepEvery by each Store. On an
// error the result is false and means nothing.
func (s *Store) RecordEvent(ctx context.Context, key string, now time.Time, ttl time.Duration) (bool, error) {
	cutoff := now.Add(-ttl)
	var got string
	err := s.pool.QueryRow(ctx, `INSERT INTO seen_events (key, seen_at) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE seen_events.seen_at <= $3
		RETURNING key`, key, now, cutoff).Scan(&got)
	fresh := err == nil
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return false, fmt.Errorf("postgres: record event: %w", err)
	}
	if s.sweep.Due(now) {
		if _, err := s.pool.Exec(ctx, `DELETE FROM seen_events WHERE seen_at <= $1`, cutoff); err != nil {
			return false, fmt.Errorf("postgres: expire events: %w", err)
		}
	}
	return fresh, nil
}

// SaveContext keeps data under key until now+ttl, replacing what was kept
// there; of replicas saving one key at once, the last write wins. It
// refuses an empty key and data longer than bot.MaxContextBytes. Expired
// contexts are deleted at most once per bot.EventSweepEvery by each Store;
// an error from that delete is returned though data was kept.
func (s *Store) SaveContext(ctx context.Context, key string, data []byte, now time.Time, ttl time.Duration) error {
	if err := bot.CheckContext(key, data); err != nil {
		return fmt.Errorf("postgres: save context: %w", err)
	}
	if data == nil {
		data = []byte{} // NULL is not an empty value
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO conversations (key, data, expires) VALUES ($1, $2, $3)
		ON CONFLICT (key) DO UPDATE SET data = excluded.data, expires = excluded.expires`,
		key, data, now.Add(ttl)); err != nil {
		return fmt.Errorf("postgres: save context: %w", err)
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
	err := s.pool.QueryRow(ctx, `SELECT data FROM conversations WHERE key = $1 AND expires > $2`,
		key, now).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: load context: %w", bot.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: load context: %w", err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// DeleteExpiredContexts deletes the contexts expired at or before now and
// reports how many it deleted.
func (s *Store) DeleteExpiredContexts(ctx context.Context, now time.Time) (int, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM conversations WHERE expires <= $1`, now)
	if err != nil {
		return 0, fmt.Errorf("postgres: expire contexts: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// Ping checks that the database takes a write and that the subscriptions
// the scheduler reads can be read: in one transaction it records a
// heartbeat and counts the subscriptions. A read-only database (a standby,
// default_transaction_read_only, a full disk) fails it.
func (s *Store) Ping(ctx context.Context) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO heartbeat (id, at) VALUES (1, now())
			ON CONFLICT (id) DO UPDATE SET at = excluded.at`); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM subscriptions`).Scan(&n); err != nil {
			return fmt.Errorf("read subscriptions: %w", err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: ping %s: %w", s.name, err)
	}
	return nil
}

// Close closes the store's connections, waiting for those in use to be
// returned. Closing twice is harmless.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// AddFeedback keeps one feedback record.
func (s *Store) AddFeedback(ctx context.Context, f bot.Feedback) error {
	facts := f.Facts
	if facts == nil {
		facts = []string{}
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO feedback (at, platform, channel, question, facts, confidence, rating, comment)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		f.Time, f.Platform, f.Channel, f.Question, facts, f.Confidence, string(f.Rating), f.Comment)
	if err != nil {
		return fmt.Errorf("postgres: add feedback: %w", err)
	}
	return nil
}

// FeedbackSince returns the records kept at or after since, oldest first.
func (s *Store) FeedbackSince(ctx context.Context, since time.Time) ([]bot.Feedback, error) {
	rows, err := s.pool.Query(ctx, `SELECT at, platform, channel, question, facts, confidence, rating, comment
		FROM feedback WHERE at >= $1 ORDER BY at, id`, since)
	if err != nil {
		return nil, fmt.Errorf("postgres: feedback since %v: %w", since, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (bot.Feedback, error) {
		var (
			f      bot.Feedback
			rating string
		)
		err := row.Scan(&f.Time, &f.Platform, &f.Channel, &f.Question, &f.Facts, &f.Confidence, &rating, &f.Comment)
		f.Time, f.Rating = f.Time.UTC(), bot.Rating(rating)
		if len(f.Facts) == 0 {
			f.Facts = nil
		}
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: feedback since %v: %w", since, err)
	}
	return out, nil
}

// DeleteFeedbackBefore deletes the records kept before t.
func (s *Store) DeleteFeedbackBefore(ctx context.Context, t time.Time) (int, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM feedback WHERE at < $1`, t)
	if err != nil {
		return 0, fmt.Errorf("postgres: delete feedback before %v: %w", t, err)
	}
	return int(tag.RowsAffected()), nil
}
