package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// MemoryStore is a Store in memory: for the console chat and for tests. It
// is safe for concurrent use within one process.
type MemoryStore struct {
	mu     sync.Mutex
	subs   map[ChannelKey]Subscription
	claims map[claimKey]*memClaim
	states map[ChannelKey]DigestState
	facts  map[string]memFact
	// events holds when each event key was recorded; swept is when
	// expired keys were last removed.
	events map[string]time.Time
	swept  time.Time
	// feedback is every feedback record, oldest first.
	feedback []Feedback
	// contexts holds each conversation's context; ctxSweep says when
	// expired ones are next removed.
	contexts map[string]memContext
	ctxSweep Chore
}

type claimKey struct {
	k    ChannelKey
	date string
}

type memClaim struct {
	owner      string
	leaseUntil time.Time
	sent       bool
	messageID  string
}

type memFact struct {
	hash    string
	changed time.Time
}

type memContext struct {
	data    []byte
	expires time.Time
}

var _ Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{
		subs:   map[ChannelKey]Subscription{},
		claims: map[claimKey]*memClaim{},
		states: map[ChannelKey]DigestState{},
		facts:  map[string]memFact{},
		events: map[string]time.Time{},

		contexts: map[string]memContext{},
		ctxSweep: Chore{Every: EventSweepEvery},
	}
}

// Subscribe creates or replaces a channel's subscription.
func (m *MemoryStore) Subscribe(_ context.Context, s Subscription) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.subs[s.Key()] = s
	return nil
}

// Unsubscribe removes a channel's subscription.
func (m *MemoryStore) Unsubscribe(_ context.Context, k ChannelKey) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.subs[k]
	delete(m.subs, k)
	return ok, nil
}

// Subscription returns a channel's subscription, or ErrNotFound.
func (m *MemoryStore) Subscription(_ context.Context, k ChannelKey) (Subscription, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.subs[k]
	if !ok {
		return Subscription{}, ErrNotFound
	}
	return s, nil
}

// Subscriptions returns every subscription, ordered by platform and channel.
func (m *MemoryStore) Subscriptions(_ context.Context) ([]Subscription, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Subscription, 0, len(m.subs))
	for _, s := range m.subs {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Platform != out[j].Platform {
			return out[i].Platform < out[j].Platform
		}
		return out[i].Channel < out[j].Channel
	})
	return out, nil
}

// Claim takes the right to post a channel's digest for a local date.
func (m *MemoryStore) Claim(_ context.Context, k ChannelKey, date, owner string, now time.Time, lease time.Duration) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.claims[claimKey{k, date}]
	switch {
	case c == nil:
		m.claims[claimKey{k, date}] = &memClaim{owner: owner, leaseUntil: now.Add(lease)}
		return ClaimWon, nil
	case c.sent:
		return ClaimSent, nil
	case now.Before(c.leaseUntil):
		return ClaimHeld, nil
	}
	c.owner, c.leaseUntil = owner, now.Add(lease)
	return ClaimWon, nil
}

// MarkSent records the posted digest and advances the channel's state.
func (m *MemoryStore) MarkSent(_ context.Context, k ChannelKey, date, owner, messageID string, now time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.claims[claimKey{k, date}]
	if c == nil || c.owner != owner {
		return ErrClaimLost
	}
	if c.sent {
		return nil
	}
	c.sent, c.messageID = true, messageID
	st := m.states[k]
	st.Sent++
	st.LastSent = now
	m.states[k] = st
	return nil
}

// Release gives up an unsent claim held by owner.
func (m *MemoryStore) Release(_ context.Context, k ChannelKey, date, owner string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if c := m.claims[claimKey{k, date}]; c != nil && c.owner == owner && !c.sent {
		delete(m.claims, claimKey{k, date})
	}
	return nil
}

// State returns a channel's digest state.
func (m *MemoryStore) State(_ context.Context, k ChannelKey) (DigestState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.states[k], nil
}

// SyncPack records the pack's fact hashes and returns the new or changed ids.
func (m *MemoryStore) SyncPack(_ context.Context, facts map[string]string, now time.Time) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var changed []string
	for id, h := range facts {
		if f, ok := m.facts[id]; !ok || f.hash != h {
			m.facts[id] = memFact{hash: h, changed: now}
			changed = append(changed, id)
		}
	}
	sort.Strings(changed)
	return changed, nil
}

// ChangedSince returns the ids of facts added or changed after t.
func (m *MemoryStore) ChangedSince(_ context.Context, t time.Time) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for id, f := range m.facts {
		if f.changed.After(t) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out, nil
}

// RecordEvent records an event key at now and reports whether it is new
// within ttl. Expired keys are removed at most once per ttl, so that the
// sweep's cost is spread over the keys recorded meanwhile.
func (m *MemoryStore) RecordEvent(_ context.Context, key string, now time.Time, ttl time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if now.Sub(m.swept) >= ttl {
		for k, at := range m.events {
			if now.Sub(at) >= ttl {
				delete(m.events, k)
			}
		}
		m.swept = now
	}
	if at, ok := m.events[key]; ok && now.Sub(at) < ttl {
		return false, nil
	}
	m.events[key] = now
	return true, nil
}

// SaveContext keeps a copy of data under key until now+ttl, replacing
// what was kept there. It refuses an empty key and data longer than
// MaxContextBytes. Expired contexts are removed at most once per
// EventSweepEvery.
func (m *MemoryStore) SaveContext(_ context.Context, key string, data []byte, now time.Time, ttl time.Duration) error {
	if err := CheckContext(key, data); err != nil {
		return fmt.Errorf("memory store: save context: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.contexts[key] = memContext{data: bytes.Clone(data), expires: now.Add(ttl)}
	if m.ctxSweep.Due(now) {
		m.deleteExpiredContexts(now)
	}
	return nil
}

// LoadContext returns a copy of the context kept under key, or
// ErrNotFound when there is none or it expired at or before now.
func (m *MemoryStore) LoadContext(_ context.Context, key string, now time.Time) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.contexts[key]
	if !ok || !now.Before(c.expires) {
		return nil, ErrNotFound
	}
	return append([]byte{}, c.data...), nil
}

// DeleteExpiredContexts deletes the contexts expired at or before now and
// reports how many it deleted.
func (m *MemoryStore) DeleteExpiredContexts(_ context.Context, now time.Time) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.deleteExpiredContexts(now), nil
}

// deleteExpiredContexts deletes the contexts expired at or before now and
// returns how many it deleted. m.mu must be held.
func (m *MemoryStore) deleteExpiredContexts(now time.Time) int {
	n := 0
	for k, c := range m.contexts {
		if !now.Before(c.expires) {
			delete(m.contexts, k)
			n++
		}
	}
	return n
}

// CheckContext checks a context before a store keeps it: its key is text
// (not empty, valid UTF-8, no NUL byte) and data is at most
// MaxContextBytes long. Every Store calls it, so
// that all refuse the same.
func CheckContext(key string, data []byte) error {
	if key == "" {
		return errors.New("empty key")
	}
	if !utf8.ValidString(key) || strings.ContainsRune(key, 0) {
		return errors.New("key is not text: PostgreSQL stores no NUL bytes or invalid UTF-8")
	}
	if len(data) > MaxContextBytes {
		return fmt.Errorf("%d bytes is more than the %d a context may hold", len(data), MaxContextBytes)
	}
	return nil
}

// Ping always succeeds.
func (m *MemoryStore) Ping(context.Context) error { return nil }

// Close does nothing.
func (m *MemoryStore) Close() error { return nil }

// AddFeedback keeps a copy of f.
func (m *MemoryStore) AddFeedback(_ context.Context, f Feedback) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	f.Facts = append([]string(nil), f.Facts...)
	i := sort.Search(len(m.feedback), func(i int) bool { return m.feedback[i].Time.After(f.Time) })
	m.feedback = append(m.feedback, Feedback{})
	copy(m.feedback[i+1:], m.feedback[i:])
	m.feedback[i] = f
	return nil
}

// FeedbackSince returns copies of the records kept at or after since,
// oldest first.
func (m *MemoryStore) FeedbackSince(_ context.Context, since time.Time) ([]Feedback, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Feedback
	for _, f := range m.feedback {
		if !f.Time.Before(since) {
			f.Facts = append([]string(nil), f.Facts...)
			out = append(out, f)
		}
	}
	return out, nil
}

// DeleteFeedbackBefore deletes the records kept before t.
func (m *MemoryStore) DeleteFeedbackBefore(_ context.Context, t time.Time) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keep := m.feedback[:0]
	for _, f := range m.feedback {
		if !f.Time.Before(t) {
			keep = append(keep, f)
		}
	}
	n := len(m.feedback) - len(keep)
	clear(m.feedback[len(keep):])
	m.feedback = keep
	return n, nil
}
