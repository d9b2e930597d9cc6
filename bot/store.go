package bot

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Subscription is a channel's request for a daily digest at a local time.
type Subscription struct {
	Platform string // "slack", "discord", "console"
	Channel  string
	Hour     int    // 0–23, local
	Minute   int    // 0–59, local
	Zone     string // IANA zone name, e.g. "Asia/Karachi"
	By       string // the user who subscribed
	Since    time.Time
}

// Key identifies a channel across platforms.
func (s Subscription) Key() ChannelKey { return ChannelKey{Platform: s.Platform, Channel: s.Channel} }

// ChannelKey identifies a channel on a platform.
type ChannelKey struct {
	Platform, Channel string
}

// Claim states.
const (
	ClaimWon  = iota // the caller now holds the claim and should post
	ClaimHeld        // another live claim holds it: someone else is posting
	ClaimSent        // the digest was posted already: never post again
)

// DigestState is what the store remembers per channel to compose the next
// digest: how many digests were sent (the position in the fact rotation)
// and when the last one was sent (for "new in the pack").
type DigestState struct {
	Sent     int       // digests sent so far
	LastSent time.Time // zero before the first
}

// ErrNotFound is returned by a Store when a subscription, or a
// conversation's context, does not exist.
var ErrNotFound = errors.New("not found")

// MaxContextBytes is the most a Store keeps as one conversation's context.
// A conversation's context is small — entities, intent, a span and what
// was shown; a larger value is refused.
const MaxContextBytes = 64 << 10

// Store keeps subscriptions, digest claims and digest state, the platform
// events already answered, and conversations' contexts. One store may be
// shared by several replicas (PostgreSQL); its claims make each (channel,
// local date) post exactly once among them, its event keys answer each
// event once, and a context saved on one is loaded on any other.
type Store interface {
	// Subscribe creates or replaces the subscription of s's channel.
	Subscribe(ctx context.Context, s Subscription) error
	// Unsubscribe removes a channel's subscription; it reports whether
	// there was one.
	Unsubscribe(ctx context.Context, k ChannelKey) (bool, error)
	// Subscription returns a channel's subscription, or ErrNotFound.
	Subscription(ctx context.Context, k ChannelKey) (Subscription, error)
	// Subscriptions returns every subscription.
	Subscriptions(ctx context.Context) ([]Subscription, error)

	// Claim tries to take the right to post the digest of channel k for
	// the local date (YYYY-MM-DD). It returns ClaimWon when there was no
	// claim, or when an unsent claim's lease has expired (its holder
	// crashed); ClaimHeld while another unsent claim's lease runs; and
	// ClaimSent once the digest was marked sent. owner names the claimant;
	// lease is how long the claim holds without being marked sent.
	Claim(ctx context.Context, k ChannelKey, date, owner string, now time.Time, lease time.Duration) (int, error)
	// MarkSent records that owner posted the digest as messageID, and
	// advances the channel's digest state.
	MarkSent(ctx context.Context, k ChannelKey, date, owner, messageID string, now time.Time) error
	// Release gives up an unsent claim held by owner so that a later
	// attempt may take it at once (after a failed post).
	Release(ctx context.Context, k ChannelKey, date, owner string) error
	// State returns a channel's digest state (zero when it has none).
	State(ctx context.Context, k ChannelKey) (DigestState, error)

	// SyncPack records the pack's facts by id and content hash, noting
	// now as the time each new or changed fact appeared; it returns the
	// ids whose content is new or changed.
	SyncPack(ctx context.Context, facts map[string]string, now time.Time) ([]string, error)
	// ChangedSince returns the ids of facts added or changed after t.
	ChangedSince(ctx context.Context, t time.Time) ([]string, error)

	// RecordEvent records that the platform event named by key was seen
	// at now, and reports whether it is new: true unless key was recorded
	// less than ttl before now. Of any number of callers racing to record
	// one key, on any replica, exactly one is told it is new, so that a
	// retried event is answered once. Keys older than ttl are forgotten.
	RecordEvent(ctx context.Context, key string, now time.Time, ttl time.Duration) (bool, error)

	// SaveContext keeps a conversation's context, an opaque value, under
	// key until now+ttl, replacing what was kept there.
	SaveContext(ctx context.Context, key string, data []byte, now time.Time, ttl time.Duration) error
	// LoadContext returns the context kept under key, or ErrNotFound when
	// there is none or it expired at or before now.
	LoadContext(ctx context.Context, key string, now time.Time) ([]byte, error)
	// DeleteExpiredContexts deletes the contexts expired at or before now
	// and reports how many it deleted.
	DeleteExpiredContexts(ctx context.Context, now time.Time) (int, error)

	// AddFeedback keeps one feedback record: a vote on an answer, or a
	// declined question.
	AddFeedback(ctx context.Context, f Feedback) error
	// FeedbackSince returns the records kept at or after since, oldest
	// first.
	FeedbackSince(ctx context.Context, since time.Time) ([]Feedback, error)
	// DeleteFeedbackBefore deletes the records kept before t, for
	// retention, and reports how many it deleted.
	DeleteFeedbackBefore(ctx context.Context, t time.Time) (int, error)

	// Ping checks that the store can do its work: that it answers, takes
	// a write and can read the subscriptions. Readiness relies on it, and
	// serve refuses to start without it.
	Ping(ctx context.Context) error
	// Close releases the store.
	Close() error
}

// Poster posts a digest to a channel of its platform and returns the
// posted message's id.
type Poster interface {
	PostDigest(ctx context.Context, channel string, d Digest) (messageID string, err error)
}

// RetryAfterError is returned by a Poster when the platform asked to wait
// before trying again (HTTP 429).
type RetryAfterError struct {
	Wait time.Duration
	Err  error
}

func (e *RetryAfterError) Error() string { return "rate limited: retry after " + e.Wait.String() }

func (e *RetryAfterError) Unwrap() error { return e.Err }

// ErrClaimLost is returned, possibly wrapped, when an owner marks a digest
// sent but no longer holds its claim.
var ErrClaimLost = errors.New("claim not held by this owner")

// EventSweepEvery is how often at most a store removes expired event keys,
// and expired conversation contexts: often enough that it holds about a
// ttl's worth of them, seldom enough that the delete is not a second write
// for every event or save.
const EventSweepEvery = time.Minute

// Chore says when a periodic chore, such as removing expired event keys,
// is due: at most once per Every, whatever the number of callers. The zero
// value with Every set is ready to use; it is safe for concurrent use.
type Chore struct {
	Every time.Duration

	mu   sync.Mutex
	last time.Time
}

// Due reports whether the chore is due at now, and if so notes now as
// when it was done. A clock that went back makes it due.
func (c *Chore) Due(now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.Sub(c.last) < c.Every && !now.Before(c.last) {
		return false
	}
	c.last = now
	return true
}
