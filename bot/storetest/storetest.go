// Package storetest is the one test suite that every bot.Store must pass:
// the memory store, SQLite and PostgreSQL run the same subtests, so the
// scheduler can rely on the same claim semantics whichever store it has.
//
// Times handed to the store are whole microseconds (PostgreSQL keeps no
// more), and times read back are compared with time.Time.Equal, so a store
// may return them in any location.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/durandbot/durand/bot"
)

// lease is the claim lease the suite uses.
const lease = 10 * time.Minute

// base is the suite's "now": whole microseconds, so that every store can
// keep it exactly. It is never written.
var base = time.Date(2024, 3, 1, 9, 0, 0, 123456000, time.UTC)

// Run runs the suite against fresh stores made by open. open is called
// once per subtest and must return an empty store; Run closes it when the
// subtest ends (the Close subtest closes its store itself), so open should
// register nothing but the clean-up of the store's backing data.
func Run(t *testing.T, open func(t *testing.T) bot.Store) {
	t.Helper()
	fresh := func(t *testing.T) bot.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
		return s
	}
	t.Run("Subscriptions", func(t *testing.T) { testSubscriptions(t, fresh(t)) })
	t.Run("SubscriptionNotFound", func(t *testing.T) { testSubscriptionNotFound(t, fresh(t)) })
	t.Run("Claims", func(t *testing.T) { testClaims(t, fresh) })
	t.Run("State", func(t *testing.T) { testState(t, fresh(t)) })
	t.Run("SyncPack", func(t *testing.T) { testSyncPack(t, fresh(t)) })
	t.Run("ChangedSince", func(t *testing.T) { testChangedSince(t, fresh(t)) })
	t.Run("ConcurrentClaim", func(t *testing.T) {
		s := fresh(t)
		testConcurrentClaim(t, []bot.Store{s})
	})
	t.Run("Events", func(t *testing.T) { testEvents(t, fresh(t)) })
	t.Run("ConcurrentEvents", func(t *testing.T) {
		s := fresh(t)
		testConcurrentEvents(t, []bot.Store{s})
	})
	t.Run("Feedback", func(t *testing.T) { testFeedback(t, fresh(t)) })
	t.Run("Contexts", func(t *testing.T) { testContexts(t, fresh(t)) })
	t.Run("ContextSweep", func(t *testing.T) { testContextSweep(t, fresh(t)) })
	t.Run("Ping", func(t *testing.T) {
		if err := fresh(t).Ping(context.Background()); err != nil {
			t.Fatalf("Ping: %v", err)
		}
	})
	t.Run("PingConcurrently", func(t *testing.T) { testPingConcurrently(t, fresh(t)) })
	t.Run("Close", func(t *testing.T) {
		s := open(t)
		if err := s.Ping(context.Background()); err != nil {
			t.Fatalf("Ping: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	})
}

// RunShared runs the subtests that need two handles on one backing
// database, as two replicas have: what one writes the other reads, and
// their claims exclude each other. open returns two fresh handles on one
// empty database; RunShared closes both when each subtest ends.
func RunShared(t *testing.T, open func(t *testing.T) (a, b bot.Store)) {
	t.Helper()
	fresh := func(t *testing.T) (a, b bot.Store) {
		t.Helper()
		a, b = open(t)
		t.Cleanup(func() {
			for _, s := range []bot.Store{a, b} {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}
		})
		return a, b
	}
	t.Run("SharedPing", func(t *testing.T) {
		a, b := fresh(t)
		testPingConcurrently(t, a, b)
	})
	t.Run("SharedFeedback", func(t *testing.T) {
		a, b := fresh(t)
		testSharedFeedback(t, a, b)
	})
	t.Run("SharedSubscriptions", func(t *testing.T) {
		ctx := context.Background()
		a, b := fresh(t)
		s := bot.Subscription{Platform: "slack", Channel: "C1", Hour: 8, Zone: "UTC", By: "U1", Since: base}
		mustSubscribe(t, a, s)
		got, err := b.Subscription(ctx, s.Key())
		if err != nil {
			t.Fatalf("Subscription via the second handle: %v", err)
		}
		checkSubscription(t, got, s)
		if ok, err := b.Unsubscribe(ctx, s.Key()); err != nil || !ok {
			t.Fatalf("Unsubscribe via the second handle = %v, %v; want true, nil", ok, err)
		}
		if _, err := a.Subscription(ctx, s.Key()); !errors.Is(err, bot.ErrNotFound) {
			t.Fatalf("Subscription via the first handle after Unsubscribe: err = %v; want ErrNotFound", err)
		}
	})
	t.Run("SharedClaims", func(t *testing.T) {
		ctx := context.Background()
		a, b := fresh(t)
		k := bot.ChannelKey{Platform: "discord", Channel: "42"}
		steps := []struct {
			name  string
			s     bot.Store
			owner string
			at    time.Duration
			want  int
		}{
			{"first replica wins", a, "replica-a", 0, bot.ClaimWon},
			{"second replica is held", b, "replica-b", time.Minute, bot.ClaimHeld},
			{"second replica takes an expired lease", b, "replica-b", lease + time.Second, bot.ClaimWon},
			{"first replica is held now", a, "replica-a", lease + 2*time.Second, bot.ClaimHeld},
		}
		for _, st := range steps {
			checkClaim(t, st.name, st.s, k, "2024-03-01", st.owner, base.Add(st.at), st.want)
		}
		if err := a.MarkSent(ctx, k, "2024-03-01", "replica-a", "m-a", base.Add(lease+3*time.Second)); !errors.Is(err, bot.ErrClaimLost) {
			t.Fatalf("MarkSent by the replica that lost its lease: err = %v; want ErrClaimLost", err)
		}
		if err := b.MarkSent(ctx, k, "2024-03-01", "replica-b", "m-b", base.Add(lease+3*time.Second)); err != nil {
			t.Fatalf("MarkSent by the holder: %v", err)
		}
		checkClaim(t, "after MarkSent", a, k, "2024-03-01", "replica-a", base.Add(48*time.Hour), bot.ClaimSent)
		st, err := a.State(ctx, k)
		if err != nil {
			t.Fatalf("State: %v", err)
		}
		if st.Sent != 1 || !st.LastSent.Equal(base.Add(lease+3*time.Second)) {
			t.Fatalf("State via the other handle = %+v; want Sent 1, LastSent %v", st, base.Add(lease+3*time.Second))
		}
	})
	t.Run("SharedPack", func(t *testing.T) {
		a, b := fresh(t)
		checkIDs(t, "SyncPack on the first handle", syncPack(t, a, map[string]string{"f1": "h1", "f2": "h2"}, base), "f1", "f2")
		checkIDs(t, "SyncPack of the same pack on the second handle", syncPack(t, b, map[string]string{"f1": "h1", "f2": "h2"}, base.Add(time.Hour)))
		checkIDs(t, "ChangedSince on the second handle", changedSince(t, b, base.Add(-time.Second)), "f1", "f2")
	})
	t.Run("SharedConcurrentClaim", func(t *testing.T) {
		a, b := fresh(t)
		testConcurrentClaim(t, []bot.Store{a, b})
	})
	t.Run("SharedEvents", func(t *testing.T) {
		a, b := fresh(t)
		checkEvent(t, "first sighting on the first handle", a, "slack:Ev1", base, true)
		checkEvent(t, "a retry on the second handle", b, "slack:Ev1", base.Add(time.Minute), false)
		checkEvent(t, "another event on the second handle", b, "slack:Ev2", base.Add(time.Minute), true)
		checkEvent(t, "that event's retry on the first handle", a, "slack:Ev2", base.Add(2*time.Minute), false)
	})
	t.Run("SharedConcurrentEvents", func(t *testing.T) {
		a, b := fresh(t)
		testConcurrentEvents(t, []bot.Store{a, b})
	})
	t.Run("SharedContexts", func(t *testing.T) {
		a, b := fresh(t)
		testSharedContexts(t, a, b)
	})
}

func testSubscriptions(t *testing.T, s bot.Store) {
	ctx := context.Background()
	pkt := time.FixedZone("PKT", 5*3600)
	subs := []bot.Subscription{
		{Platform: "slack", Channel: "C2", Hour: 9, Minute: 30, Zone: "Asia/Karachi", By: "U1", Since: base},
		{Platform: "discord", Channel: "99", Hour: 0, Minute: 0, Zone: "UTC", By: "u2", Since: base.In(pkt).Add(time.Hour)},
		{Platform: "slack", Channel: "C1", Hour: 23, Minute: 59, Zone: "Asia/Kabul", By: "U3"}, // zero Since
		{Platform: "console", Channel: "term", Hour: 7, Minute: 5, Zone: "Europe/London", By: "me", Since: base.Add(-24 * time.Hour)},
	}
	for _, sub := range subs {
		mustSubscribe(t, s, sub)
	}
	for _, sub := range subs {
		got, err := s.Subscription(ctx, sub.Key())
		if err != nil {
			t.Fatalf("Subscription(%v): %v", sub.Key(), err)
		}
		checkSubscription(t, got, sub)
	}

	// Replacing keeps one subscription per channel.
	repl := subs[0]
	repl.Hour, repl.Minute, repl.Zone, repl.By, repl.Since = 18, 15, "Europe/Berlin", "U9", base.Add(time.Minute)
	mustSubscribe(t, s, repl)
	got, err := s.Subscription(ctx, repl.Key())
	if err != nil {
		t.Fatalf("Subscription after replace: %v", err)
	}
	checkSubscription(t, got, repl)

	// Listed by platform, then channel.
	all, err := s.Subscriptions(ctx)
	if err != nil {
		t.Fatalf("Subscriptions: %v", err)
	}
	want := []bot.Subscription{subs[3], subs[1], subs[2], repl}
	if len(all) != len(want) {
		t.Fatalf("Subscriptions returned %d; want %d: %+v", len(all), len(want), all)
	}
	for i := range want {
		if all[i].Key() != want[i].Key() {
			t.Fatalf("Subscriptions[%d] is %v; want %v (ordered by platform, then channel)", i, all[i].Key(), want[i].Key())
		}
		checkSubscription(t, all[i], want[i])
	}

	// Unsubscribe reports whether there was a subscription.
	tests := []struct {
		k    bot.ChannelKey
		want bool
	}{
		{subs[1].Key(), true},
		{subs[1].Key(), false},
		{bot.ChannelKey{Platform: "slack", Channel: "nope"}, false},
		{bot.ChannelKey{Platform: "discord", Channel: "C1"}, false}, // same channel, other platform
	}
	for _, tt := range tests {
		ok, err := s.Unsubscribe(ctx, tt.k)
		if err != nil || ok != tt.want {
			t.Fatalf("Unsubscribe(%v) = %v, %v; want %v, nil", tt.k, ok, err, tt.want)
		}
	}
	if _, err := s.Subscription(ctx, subs[1].Key()); !errors.Is(err, bot.ErrNotFound) {
		t.Fatalf("Subscription after Unsubscribe: err = %v; want ErrNotFound", err)
	}
	all, err = s.Subscriptions(ctx)
	if err != nil {
		t.Fatalf("Subscriptions: %v", err)
	}
	if len(all) != 3 {
		t.Fatalf("Subscriptions after Unsubscribe returned %d; want 3", len(all))
	}
}

func testSubscriptionNotFound(t *testing.T, s bot.Store) {
	ctx := context.Background()
	all, err := s.Subscriptions(ctx)
	if err != nil || len(all) != 0 {
		t.Fatalf("Subscriptions of an empty store = %v, %v; want none", all, err)
	}
	_, err = s.Subscription(ctx, bot.ChannelKey{Platform: "slack", Channel: "C404"})
	if !errors.Is(err, bot.ErrNotFound) {
		t.Fatalf("Subscription of an unknown channel: err = %v; want one that errors.Is ErrNotFound", err)
	}
}

// claimStep is one call in a claim scenario.
type claimStep struct {
	op    string // "claim", "sent" (MarkSent) or "release"
	k     bot.ChannelKey
	date  string
	owner string
	at    time.Duration // after base
	want  int           // claim: the state Claim returns
	lost  bool          // sent: MarkSent fails with ErrClaimLost
}

func testClaims(t *testing.T, fresh func(t *testing.T) bot.Store) {
	k := bot.ChannelKey{Platform: "slack", Channel: "C1"}
	k2 := bot.ChannelKey{Platform: "slack", Channel: "C2"}
	kd := bot.ChannelKey{Platform: "discord", Channel: "C1"}
	const d, d2 = "2024-03-01", "2024-03-02"
	claim := func(k bot.ChannelKey, date, owner string, at time.Duration, want int) claimStep {
		return claimStep{op: "claim", k: k, date: date, owner: owner, at: at, want: want}
	}
	sent := func(k bot.ChannelKey, date, owner string, at time.Duration, lost bool) claimStep {
		return claimStep{op: "sent", k: k, date: date, owner: owner, at: at, lost: lost}
	}
	release := func(k bot.ChannelKey, date, owner string, at time.Duration) claimStep {
		return claimStep{op: "release", k: k, date: date, owner: owner, at: at}
	}
	tests := []struct {
		name  string
		steps []claimStep
	}{
		{"first claim wins", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
		}},
		{"another owner is held during the lease", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
			claim(k, d, "b", time.Second, bot.ClaimHeld),
			claim(k, d, "b", lease-time.Microsecond, bot.ClaimHeld),
		}},
		{"sent is final for everyone", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
			sent(k, d, "a", time.Minute, false),
			claim(k, d, "b", 2*time.Minute, bot.ClaimSent),
			claim(k, d, "a", 2*time.Minute, bot.ClaimSent),
			claim(k, d, "b", lease+time.Hour, bot.ClaimSent),
			claim(k, d, "c", 30*24*time.Hour, bot.ClaimSent),
		}},
		{"marking sent twice is harmless", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
			sent(k, d, "a", time.Minute, false),
			sent(k, d, "a", 2*time.Minute, false),
			claim(k, d, "b", 3*time.Minute, bot.ClaimSent),
		}},
		{"an expired unsent claim is won by another owner", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
			claim(k, d, "b", lease, bot.ClaimWon), // the lease runs out at its end
			claim(k, d, "a", lease+time.Second, bot.ClaimHeld),
			sent(k, d, "a", lease+2*time.Second, true),
			sent(k, d, "b", lease+3*time.Second, false),
			claim(k, d, "a", lease+4*time.Second, bot.ClaimSent),
		}},
		{"the crashed owner may win again after expiry", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
			claim(k, d, "a", 2*lease, bot.ClaimWon),
			sent(k, d, "a", 2*lease+time.Second, false),
		}},
		{"MarkSent by a non-holder fails", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
			sent(k, d, "b", time.Second, true),
			claim(k, d, "b", 2*time.Second, bot.ClaimHeld),
			sent(k, d, "a", 3*time.Second, false),
			sent(k, d, "b", 4*time.Second, true),
		}},
		{"MarkSent without a claim fails", []claimStep{
			sent(k, d, "a", 0, true),
			claim(k, d, "b", time.Second, bot.ClaimWon),
		}},
		{"Release lets another owner win at once", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
			release(k, d, "a", time.Second),
			claim(k, d, "b", 2*time.Second, bot.ClaimWon),
			sent(k, d, "a", 3*time.Second, true),
		}},
		{"Release by a non-holder changes nothing", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
			release(k, d, "b", time.Second),
			claim(k, d, "b", 2*time.Second, bot.ClaimHeld),
			sent(k, d, "a", 3*time.Second, false),
		}},
		{"Release after sent changes nothing", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
			sent(k, d, "a", time.Second, false),
			release(k, d, "a", 2*time.Second),
			claim(k, d, "b", 3*time.Second, bot.ClaimSent),
		}},
		{"Release of nothing is harmless", []claimStep{
			release(k, d, "a", 0),
			claim(k, d, "a", time.Second, bot.ClaimWon),
		}},
		{"claims are per channel and date", []claimStep{
			claim(k, d, "a", 0, bot.ClaimWon),
			claim(k, d2, "b", time.Second, bot.ClaimWon),
			claim(k2, d, "b", time.Second, bot.ClaimWon),
			claim(kd, d, "b", time.Second, bot.ClaimWon),
			sent(k, d, "a", 2*time.Second, false),
			claim(k, d2, "c", 3*time.Second, bot.ClaimHeld),
			claim(k2, d, "c", 3*time.Second, bot.ClaimHeld),
			claim(kd, d, "c", 3*time.Second, bot.ClaimHeld),
			sent(k2, d, "b", 4*time.Second, false),
			claim(kd, d, "c", lease+2*time.Second, bot.ClaimWon),
			claim(k, d2, "c", lease+2*time.Second, bot.ClaimWon),
			claim(k, d, "c", lease+2*time.Second, bot.ClaimSent),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fresh(t)
			ctx := context.Background()
			for i, st := range tt.steps {
				now := base.Add(st.at)
				where := fmt.Sprintf("step %d: %s %v %s by %q at +%v", i, st.op, st.k, st.date, st.owner, st.at)
				switch st.op {
				case "claim":
					checkClaim(t, where, s, st.k, st.date, st.owner, now, st.want)
				case "sent":
					err := s.MarkSent(ctx, st.k, st.date, st.owner, "msg-"+st.owner, now)
					switch {
					case st.lost && !errors.Is(err, bot.ErrClaimLost):
						t.Fatalf("%s: err = %v; want bot.ErrClaimLost", where, err)
					case !st.lost && err != nil:
						t.Fatalf("%s: %v", where, err)
					}
				case "release":
					if err := s.Release(ctx, st.k, st.date, st.owner); err != nil {
						t.Fatalf("%s: %v", where, err)
					}
				default:
					t.Fatalf("%s: unknown op", where)
				}
			}
		})
	}
}

func testState(t *testing.T, s bot.Store) {
	ctx := context.Background()
	k := bot.ChannelKey{Platform: "slack", Channel: "C1"}
	other := bot.ChannelKey{Platform: "discord", Channel: "C1"}
	if st, err := s.State(ctx, k); err != nil || st.Sent != 0 || !st.LastSent.IsZero() {
		t.Fatalf("State before any digest = %+v, %v; want zero", st, err)
	}
	days := []struct {
		date string
		at   time.Time
	}{
		{"2024-03-01", base},
		{"2024-03-02", base.Add(24*time.Hour + 7*time.Microsecond)},
		{"2024-03-03", base.Add(48*time.Hour + 3*time.Second)},
	}
	for i, day := range days {
		checkClaim(t, "claim "+day.date, s, k, day.date, "a", day.at, bot.ClaimWon)
		if err := s.MarkSent(ctx, k, day.date, "a", "m"+day.date, day.at); err != nil {
			t.Fatalf("MarkSent %s: %v", day.date, err)
		}
		// A repeated MarkSent neither counts nor moves LastSent.
		if err := s.MarkSent(ctx, k, day.date, "a", "m"+day.date, day.at.Add(time.Minute)); err != nil {
			t.Fatalf("repeated MarkSent %s: %v", day.date, err)
		}
		st, err := s.State(ctx, k)
		if err != nil {
			t.Fatalf("State: %v", err)
		}
		if st.Sent != i+1 || !st.LastSent.Equal(day.at) {
			t.Fatalf("State after %s = {Sent %d, LastSent %v}; want {Sent %d, LastSent %v}", day.date, st.Sent, st.LastSent, i+1, day.at)
		}
	}
	// A failed MarkSent does not count either.
	checkClaim(t, "claim 2024-03-04", s, k, "2024-03-04", "a", base.Add(72*time.Hour), bot.ClaimWon)
	if err := s.MarkSent(ctx, k, "2024-03-04", "b", "mx", base.Add(72*time.Hour)); !errors.Is(err, bot.ErrClaimLost) {
		t.Fatalf("MarkSent by a non-holder: err = %v; want ErrClaimLost", err)
	}
	if st, err := s.State(ctx, k); err != nil || st.Sent != len(days) {
		t.Fatalf("State after a failed MarkSent = %+v, %v; want Sent %d", st, err, len(days))
	}
	if st, err := s.State(ctx, other); err != nil || st.Sent != 0 || !st.LastSent.IsZero() {
		t.Fatalf("State of another channel = %+v, %v; want zero", st, err)
	}
}

func testSyncPack(t *testing.T, s bot.Store) {
	ctx := context.Background()
	steps := []struct {
		name  string
		facts map[string]string
		want  []string
	}{
		{"everything is new", map[string]string{"f1": "h1", "f2": "h2", "f3": "h3"}, []string{"f1", "f2", "f3"}},
		{"same hashes are unchanged", map[string]string{"f1": "h1", "f2": "h2", "f3": "h3"}, nil},
		{"changed and new only", map[string]string{"f1": "h1", "f2": "h2b", "f3": "h3", "f4": "h4"}, []string{"f2", "f4"}},
		{"a subset is unchanged", map[string]string{"f1": "h1"}, nil},
		{"an empty pack", map[string]string{}, nil},
		{"changed back", map[string]string{"f2": "h2"}, []string{"f2"}},
	}
	for i, st := range steps {
		got, err := s.SyncPack(ctx, st.facts, base.Add(time.Duration(i)*time.Hour))
		if err != nil {
			t.Fatalf("SyncPack %q: %v", st.name, err)
		}
		checkIDs(t, "SyncPack "+st.name, got, st.want...)
	}
}

func testChangedSince(t *testing.T, s bot.Store) {
	ctx := context.Background()
	t1, t2 := base, base.Add(25*time.Hour)
	checkIDs(t, "SyncPack at t1", syncPack(t, s, map[string]string{"a": "1", "b": "1", "c": "1"}, t1), "a", "b", "c")
	checkIDs(t, "SyncPack at t2", syncPack(t, s, map[string]string{"a": "1", "b": "2", "d": "1"}, t2), "b", "d")
	tests := []struct {
		name  string
		since time.Time
		want  []string
	}{
		{"the zero time", time.Time{}, []string{"a", "b", "c", "d"}},
		{"before t1", t1.Add(-time.Microsecond), []string{"a", "b", "c", "d"}},
		{"at t1", t1, []string{"b", "d"}},
		{"between", t1.Add(time.Hour), []string{"b", "d"}},
		{"just before t2", t2.Add(-time.Microsecond), []string{"b", "d"}},
		{"at t2", t2, nil},
		{"after t2", t2.Add(time.Hour), nil},
		{"in another zone", t1.In(time.FixedZone("AFT", 4*3600+1800)), []string{"b", "d"}},
	}
	for _, tt := range tests {
		got, err := s.ChangedSince(ctx, tt.since)
		if err != nil {
			t.Fatalf("ChangedSince %s: %v", tt.name, err)
		}
		checkIDs(t, "ChangedSince "+tt.name, got, tt.want...)
	}
}

// eventTTL is how long the suite's event keys are remembered.
const eventTTL = 10 * time.Minute

// testEvents records event keys: a key is new once within its ttl, new
// again once it has expired, and keys do not disturb each other.
func testEvents(t *testing.T, s bot.Store) {
	steps := []struct {
		name string
		key  string
		at   time.Duration
		want bool
	}{
		{"first sighting", "slack:Ev1", 0, true},
		{"the same key at once", "slack:Ev1", 0, false},
		{"a retry a minute later", "slack:Ev1", time.Minute, false},
		{"another key", "slack:Ev2", time.Minute, true},
		{"a key that differs only in case", "slack:ev1", time.Minute, true},
		{"a retry just inside the ttl", "slack:Ev1", eventTTL - time.Microsecond, false},
		{"the first key once its ttl has run out", "slack:Ev1", eventTTL, true},
		{"a retry of the renewed key", "slack:Ev1", eventTTL + time.Minute, false},
		{"the second key long after", "slack:Ev2", 3 * eventTTL, true},
		{"an empty key", "", 3 * eventTTL, true},
		{"a long key", strings.Repeat("k", 1000), 3 * eventTTL, true},
		{"the long key again", strings.Repeat("k", 1000), 3 * eventTTL, false},
	}
	for _, st := range steps {
		checkEvent(t, st.name, s, st.key, base.Add(st.at), st.want)
	}
	// Many keys, then all of them expired: each is new again once.
	for i := range 50 {
		checkEvent(t, "one of many", s, fmt.Sprintf("slack:many%d", i), base.Add(4*eventTTL), true)
	}
	for i := range 50 {
		checkEvent(t, "one of many after expiry", s, fmt.Sprintf("slack:many%d", i), base.Add(6*eventTTL), true)
	}
}

// testConcurrentEvents races 20 recorders, spread over the handles, for
// one key, round after round, each round after the last one's key
// expired: each round exactly one is told the event is new.
func testConcurrentEvents(t *testing.T, stores []bot.Store) {
	const n, rounds = 20, 3
	ctx := context.Background()
	for r := range rounds {
		now := base.Add(time.Duration(r) * (eventTTL + time.Second))
		var (
			wg    sync.WaitGroup
			mu    sync.Mutex
			fresh int
			errs  []error
		)
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				got, err := stores[i%len(stores)].RecordEvent(ctx, "slack:race", now, eventTTL)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
				} else if got {
					fresh++
				}
			}()
		}
		close(start)
		wg.Wait()
		if len(errs) > 0 {
			t.Fatalf("round %d: %v", r, errors.Join(errs...))
		}
		if fresh != 1 {
			t.Fatalf("round %d: %d concurrent recorders of one event were told it is new %d times; want once", r, n, fresh)
		}
	}
}

func checkEvent(t *testing.T, where string, s bot.Store, key string, now time.Time, want bool) {
	t.Helper()
	got, err := s.RecordEvent(context.Background(), key, now, eventTTL)
	if err != nil {
		t.Fatalf("%s: RecordEvent(%.40q): %v", where, key, err)
	}
	if got != want {
		t.Fatalf("%s: RecordEvent(%.40q) at %v = %v; want %v", where, key, now, got, want)
	}
}

// testConcurrentClaim races 20 claimants, spread over the handles, for one
// (channel, date), round after round: first for a claim nobody has, then,
// each round, for the claim whose holder let its lease run out. Each
// round exactly one may win, and the rest are held.
func testConcurrentClaim(t *testing.T, stores []bot.Store) {
	const n, rounds = 20, 5
	ctx := context.Background()
	k := bot.ChannelKey{Platform: "slack", Channel: "race"}
	const date = "2024-03-01"
	var winner string
	for r := range rounds {
		now := base.Add(time.Duration(r) * (lease + time.Second))
		var (
			wg      sync.WaitGroup
			mu      sync.Mutex
			winners []string
			held    int
			errs    []error
		)
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				owner := fmt.Sprintf("round-%d-owner-%02d", r, i)
				<-start
				got, err := stores[i%len(stores)].Claim(ctx, k, date, owner, now, lease)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err != nil:
					errs = append(errs, fmt.Errorf("%s: %w", owner, err))
				case got == bot.ClaimWon:
					winners = append(winners, owner)
				case got == bot.ClaimHeld:
					held++
				default:
					errs = append(errs, fmt.Errorf("%s: Claim = %s", owner, claimName(got)))
				}
			}()
		}
		close(start)
		wg.Wait()
		if len(errs) > 0 {
			t.Fatalf("round %d: %v", r, errors.Join(errs...))
		}
		if len(winners) != 1 || held != n-1 {
			t.Fatalf("round %d: %d concurrent claims: winners %v, %d held; want exactly 1 winner and %d held", r, n, winners, held, n-1)
		}
		winner = winners[0]
	}
	// The last winner, and only the last winner, may mark it sent: not
	// a claimant of round 0, who lost then or has been taken over since.
	now := base.Add(rounds * (lease + time.Second))
	for _, s := range stores {
		if err := s.MarkSent(ctx, k, date, "round-0-owner-00", "m", now); !errors.Is(err, bot.ErrClaimLost) {
			t.Fatalf("MarkSent by a claimant of round 0: err = %v; want ErrClaimLost", err)
		}
	}
	if err := stores[len(stores)-1].MarkSent(ctx, k, date, winner, "m", now); err != nil {
		t.Fatalf("MarkSent by the winner %s: %v", winner, err)
	}
	for _, s := range stores {
		checkClaim(t, "after MarkSent", s, k, date, "late", now.Add(2*lease), bot.ClaimSent)
	}
	st, err := stores[0].State(ctx, k)
	if err != nil || st.Sent != 1 {
		t.Fatalf("State after the race = %+v, %v; want Sent 1", st, err)
	}
}

func mustSubscribe(t *testing.T, s bot.Store, sub bot.Subscription) {
	t.Helper()
	if err := s.Subscribe(context.Background(), sub); err != nil {
		t.Fatalf("Subscribe(%+v): %v", sub, err)
	}
}

func checkSubscription(t *testing.T, got, want bot.Subscription) {
	t.Helper()
	if got.Key() != want.Key() || got.Hour != want.Hour || got.Minute != want.Minute ||
		got.Zone != want.Zone || got.By != want.By || !got.Since.Equal(want.Since) {
		t.Fatalf("subscription = %+v; want %+v", got, want)
	}
}

func checkClaim(t *testing.T, where string, s bot.Store, k bot.ChannelKey, date, owner string, now time.Time, want int) {
	t.Helper()
	got, err := s.Claim(context.Background(), k, date, owner, now, lease)
	if err != nil {
		t.Fatalf("%s: Claim: %v", where, err)
	}
	if got != want {
		t.Fatalf("%s: Claim = %s; want %s", where, claimName(got), claimName(want))
	}
}

func claimName(c int) string {
	switch c {
	case bot.ClaimWon:
		return "ClaimWon"
	case bot.ClaimHeld:
		return "ClaimHeld"
	case bot.ClaimSent:
		return "ClaimSent"
	}
	return fmt.Sprintf("claim state %d", c)
}

// checkIDs compares ids in any order with want.
func checkIDs(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	g, w := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if !slices.Equal(g, w) {
		t.Fatalf("%s = %q; want %q", what, g, w)
	}
}

func syncPack(t *testing.T, s bot.Store, facts map[string]string, now time.Time) []string {
	t.Helper()
	ids, err := s.SyncPack(context.Background(), facts, now)
	if err != nil {
		t.Fatalf("SyncPack: %v", err)
	}
	return ids
}

func changedSince(t *testing.T, s bot.Store, since time.Time) []string {
	t.Helper()
	ids, err := s.ChangedSince(context.Background(), since)
	if err != nil {
		t.Fatalf("ChangedSince: %v", err)
	}
	return ids
}

// testPingConcurrently pings the stores (replicas' handles on one
// database) from several goroutines at once, beside subscription writes:
// a ping writes too (readiness checks that the store takes writes), and
// must neither fail nor disturb the data.
func testPingConcurrently(t *testing.T, stores ...bot.Store) {
	t.Helper()
	ctx := context.Background()
	const each = 4
	var wg sync.WaitGroup
	errs := make(chan error, 2*each*len(stores))
	for i, s := range stores {
		for j := range each {
			wg.Add(2)
			go func() {
				defer wg.Done()
				errs <- s.Ping(ctx)
			}()
			go func() {
				defer wg.Done()
				sub := bot.Subscription{Platform: "slack", Channel: fmt.Sprintf("C%d-%d", i, j), Hour: 8, Zone: "UTC", By: "U1", Since: base}
				errs <- s.Subscribe(ctx, sub)
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent Ping or Subscribe: %v", err)
		}
	}
	subs, err := stores[0].Subscriptions(ctx)
	if err != nil || len(subs) != each*len(stores) {
		t.Errorf("Subscriptions after the pings = %d, %v; want %d", len(subs), err, each*len(stores))
	}
}

// feedbackRecords are records of every kind, out of time order, with the
// empty and unusual values a store must keep as they are.
func feedbackRecords() []bot.Feedback {
	return []bot.Feedback{
		{Time: base.Add(2 * time.Hour), Platform: "slack", Channel: "C1", Question: "who is asif durrani",
			Facts: []string{"fnf-durrani-role", "fnf-durrani-interview"}, Confidence: 0.93, Rating: bot.RatingUp},
		{Time: base, Platform: "discord", Channel: "400000000000000001", Question: "who won the cricket world cup",
			Confidence: 0.12, Rating: bot.RatingDeclined},
		{Time: base.Add(time.Hour), Platform: "slack", Channel: "C2", Question: "how many afghans were deported",
			Facts: []string{"iran-million"}, Confidence: 0.71, Rating: bot.RatingDown, Comment: "that's Iran's figure, not Pakistan's — «quote», 'single' and, commas"},
		{Time: base.Add(3 * time.Hour), Platform: "console", Channel: "", Question: "", Rating: bot.RatingDown},
	}
}

func testFeedback(t *testing.T, s bot.Store) {
	ctx := context.Background()
	recs := feedbackRecords()
	for _, f := range recs {
		if err := s.AddFeedback(ctx, f); err != nil {
			t.Fatalf("AddFeedback(%+v): %v", f, err)
		}
	}
	got, err := s.FeedbackSince(ctx, base)
	if err != nil {
		t.Fatalf("FeedbackSince: %v", err)
	}
	want := []bot.Feedback{recs[1], recs[2], recs[0], recs[3]} // oldest first
	checkFeedback(t, "all of them", got, want)
	got, err = s.FeedbackSince(ctx, base.Add(time.Hour))
	if err != nil {
		t.Fatalf("FeedbackSince: %v", err)
	}
	checkFeedback(t, "since an hour in (inclusive)", got, want[1:])

	// Retention deletes what is older than the cut-off, and only that.
	n, err := s.DeleteFeedbackBefore(ctx, base.Add(2*time.Hour))
	if err != nil || n != 2 {
		t.Fatalf("DeleteFeedbackBefore = %d, %v; want 2, nil", n, err)
	}
	got, err = s.FeedbackSince(ctx, time.Time{})
	if err != nil {
		t.Fatalf("FeedbackSince: %v", err)
	}
	checkFeedback(t, "after retention", got, want[2:])
	if n, err := s.DeleteFeedbackBefore(ctx, base.Add(2*time.Hour)); err != nil || n != 0 {
		t.Errorf("DeleteFeedbackBefore again = %d, %v; want 0, nil", n, err)
	}
}

// testSharedFeedback: what one replica keeps, the other reports and can
// delete.
func testSharedFeedback(t *testing.T, a, b bot.Store) {
	ctx := context.Background()
	recs := feedbackRecords()
	for i, f := range recs {
		s := a
		if i%2 == 1 {
			s = b
		}
		if err := s.AddFeedback(ctx, f); err != nil {
			t.Fatalf("AddFeedback: %v", err)
		}
	}
	want := []bot.Feedback{recs[1], recs[2], recs[0], recs[3]}
	for name, s := range map[string]bot.Store{"a": a, "b": b} {
		got, err := s.FeedbackSince(ctx, time.Time{})
		if err != nil {
			t.Fatalf("%s: FeedbackSince: %v", name, err)
		}
		checkFeedback(t, "from "+name, got, want)
	}
	if n, err := b.DeleteFeedbackBefore(ctx, base.Add(time.Hour)); err != nil || n != 1 {
		t.Fatalf("DeleteFeedbackBefore on b = %d, %v; want 1, nil", n, err)
	}
	got, err := a.FeedbackSince(ctx, time.Time{})
	if err != nil {
		t.Fatalf("FeedbackSince: %v", err)
	}
	checkFeedback(t, "a after b's retention", got, want[1:])
}

func checkFeedback(t *testing.T, what string, got, want []bot.Feedback) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d records, want %d: %+v", what, len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if !g.Time.Equal(w.Time) || g.Platform != w.Platform || g.Channel != w.Channel || g.Question != w.Question ||
			!slices.Equal(g.Facts, w.Facts) || g.Confidence != w.Confidence || g.Rating != w.Rating || g.Comment != w.Comment {
			t.Errorf("%s: record %d = %+v, want %+v", what, i, g, w)
		}
	}
}

// contextTTL is how long the suite's conversation contexts are kept.
const contextTTL = 30 * time.Minute

// testContexts saves, replaces, loads and expires conversation contexts:
// a context is loaded until its expiry and not at it, a replacement
// brings a new value and a new expiry, refused values change nothing,
// and DeleteExpiredContexts deletes exactly the expired ones.
func testContexts(t *testing.T, s bot.Store) {
	ctx := context.Background()
	var (
		who    = []byte(`{"intent":"who","entities":["durrani"]}`)
		when   = []byte(`{"intent":"when","span":[3,9]}`)
		binary = []byte{0, 1, 2, 0xfe, 0xff, '\n', 0}
		full   = bytes.Repeat([]byte("x"), bot.MaxContextBytes)
		short  = []byte("short-lived")
	)
	// Nothing has expired by the last save, so that no sweep a save makes
	// disturbs what follows.
	saves := []struct {
		key  string
		data []byte
		at   time.Duration // after base
		ttl  time.Duration
	}{
		{"slack:C1:U1", who, 0, contextTTL},
		{"slack:C1:U2", binary, 0, contextTTL},
		{"discord:42:u1", []byte{}, 0, contextTTL},
		{"slack:C2:U1", short, 0, time.Minute},
		{"console:term:me", full, time.Second, contextTTL},
		{"slack:C1:U1", when, time.Second, contextTTL}, // a replacement, with a later expiry
	}
	for _, sv := range saves {
		mustSaveContext(t, s, sv.key, sv.data, base.Add(sv.at), sv.ttl)
	}
	latest := map[string][]byte{}
	for _, sv := range saves {
		latest[sv.key] = sv.data
	}

	loads := []struct {
		name string
		key  string
		at   time.Duration
		want []byte // nil: not found
	}{
		{"the replaced context", "slack:C1:U1", 2 * time.Second, when},
		{"binary data", "slack:C1:U2", 2 * time.Second, binary},
		{"an empty value", "discord:42:u1", 2 * time.Second, []byte{}},
		{"the largest value allowed", "console:term:me", 2 * time.Second, full},
		{"at once", "slack:C2:U1", 0, short},
		{"just before expiry", "slack:C2:U1", time.Minute - time.Microsecond, short},
		{"at expiry", "slack:C2:U1", time.Minute, nil},
		{"after expiry", "slack:C2:U1", time.Hour, nil},
		{"the replaced context at its first expiry", "slack:C1:U1", contextTTL, when},
		{"the replaced context at its new expiry", "slack:C1:U1", contextTTL + time.Second, nil},
		{"an unreplaced context at its expiry", "slack:C1:U2", contextTTL, nil},
		{"an unknown key", "slack:C9:U9", 0, nil},
		{"a key that differs only in case", "SLACK:C1:U1", 0, nil},
		{"the empty key", "", 0, nil},
	}
	for _, tt := range loads {
		checkContext(t, "LoadContext "+tt.name, s, tt.key, base.Add(tt.at), tt.want)
	}

	// Refused values are not kept, and leave what was kept as it was.
	refused := []struct {
		name string
		key  string
		data []byte
	}{
		{"an empty key", "", []byte("x")},
		{"an empty key and no data", "", nil},
		{"one byte too many", "slack:C1:U1", bytes.Repeat([]byte("y"), bot.MaxContextBytes+1)},
		{"far too many", "slack:C9:U9", make([]byte, 1<<20)},
		{"a NUL byte in the key", "slack\x00C1", []byte("x")},
		{"a key that is not UTF-8", "slack:\xff", []byte("x")},
	}
	for _, tt := range refused {
		if err := s.SaveContext(ctx, tt.key, tt.data, base.Add(2*time.Second), contextTTL); err == nil {
			t.Fatalf("SaveContext of %s (%d bytes) succeeded; want an error", tt.name, len(tt.data))
		}
	}
	checkContext(t, "LoadContext after a refused replacement", s, "slack:C1:U1", base.Add(2*time.Second), when)
	checkContext(t, "LoadContext of a refused new key", s, "slack:C9:U9", base.Add(2*time.Second), nil)
	checkContext(t, "LoadContext of the empty key after refusals", s, "", base.Add(2*time.Second), nil)

	// DeleteExpiredContexts deletes what expired at or before now: a
	// deleted context is gone even when loaded at a time it was live, and
	// the live ones are still loaded.
	deletes := []struct {
		name string
		at   time.Duration
		want int
		gone []string
		live []string
	}{
		{"before anything expired", 30 * time.Second, 0, nil,
			[]string{"slack:C1:U1", "slack:C1:U2", "discord:42:u1", "slack:C2:U1", "console:term:me"}},
		{"at the first expiry", time.Minute, 1, []string{"slack:C2:U1"},
			[]string{"slack:C1:U1", "slack:C1:U2", "discord:42:u1", "console:term:me"}},
		{"at the same time again", time.Minute, 0, nil,
			[]string{"slack:C1:U1", "slack:C1:U2", "discord:42:u1", "console:term:me"}},
		{"once the first saves expired", contextTTL, 2, []string{"slack:C1:U2", "discord:42:u1"},
			[]string{"slack:C1:U1", "console:term:me"}},
		{"once everything expired", contextTTL + time.Second, 2, []string{"slack:C1:U1", "console:term:me"}, nil},
		{"long after", 24 * time.Hour, 0, nil, nil},
	}
	for _, tt := range deletes {
		now := base.Add(tt.at)
		n, err := s.DeleteExpiredContexts(ctx, now)
		if err != nil || n != tt.want {
			t.Fatalf("DeleteExpiredContexts %s = %d, %v; want %d, nil", tt.name, n, err, tt.want)
		}
		for _, key := range tt.gone {
			checkContext(t, "LoadContext before its expiry, after DeleteExpiredContexts "+tt.name, s, key, base, nil)
		}
		for _, key := range tt.live {
			checkContext(t, "LoadContext after DeleteExpiredContexts "+tt.name, s, key, now, latest[key])
		}
	}

	// The store keeps a copy: changing the slice saved, or the one
	// loaded, changes nothing kept.
	now := base.Add(48 * time.Hour)
	buf := []byte("mutable")
	mustSaveContext(t, s, "slack:C3:U1", buf, now, contextTTL)
	buf[0] = 'X'
	got, err := s.LoadContext(ctx, "slack:C3:U1", now)
	if err != nil || len(got) == 0 {
		t.Fatalf("LoadContext = %q, %v; want %q", got, err, "mutable")
	}
	got[0] = 'Y'
	checkContext(t, "LoadContext after the slices saved and loaded were changed", s, "slack:C3:U1", now, []byte("mutable"))
}

// testContextSweep: SaveContext deletes the expired contexts itself, at
// most once per bot.EventSweepEvery, so that the store holds about a
// ttl's worth of them however seldom DeleteExpiredContexts is called.
func testContextSweep(t *testing.T, s bot.Store) {
	ctx := context.Background()
	old := []string{"slack:C1:U1", "slack:C1:U2", "slack:C1:U3"}
	for _, key := range old {
		mustSaveContext(t, s, key, []byte("old"), base, time.Minute)
	}
	later := base.Add(time.Minute + bot.EventSweepEvery)
	mustSaveContext(t, s, "slack:C1:U4", []byte("new"), later, contextTTL)
	if n, err := s.DeleteExpiredContexts(ctx, later); err != nil || n != 0 {
		t.Fatalf("DeleteExpiredContexts after a save %v after the expiry = %d, %v; want 0 (the save deleted them), nil", bot.EventSweepEvery, n, err)
	}
	for _, key := range old {
		checkContext(t, "LoadContext, before its expiry, of a context swept", s, key, base, nil)
	}
	checkContext(t, "LoadContext of the context saved last", s, "slack:C1:U4", later, []byte("new"))
}

// testSharedContexts: a context one replica saves, the other loads; a
// replacement through either is seen through both, and so is a deletion.
func testSharedContexts(t *testing.T, a, b bot.Store) {
	ctx := context.Background()
	const key = "slack:C1:U1"
	v1, v2 := []byte(`{"intent":"who"}`), []byte(`{"intent":"when"}`)
	mustSaveContext(t, a, key, v1, base, contextTTL)
	checkContext(t, "LoadContext through b of a's save", b, key, base.Add(time.Second), v1)
	mustSaveContext(t, b, key, v2, base.Add(time.Second), contextTTL)
	checkContext(t, "LoadContext through a of b's replacement", a, key, base.Add(2*time.Second), v2)
	checkContext(t, "LoadContext through a at the first expiry", a, key, base.Add(contextTTL), v2)
	checkContext(t, "LoadContext through b at the replacement's expiry", b, key, base.Add(contextTTL+time.Second), nil)
	if n, err := a.DeleteExpiredContexts(ctx, base.Add(contextTTL+time.Second)); err != nil || n != 1 {
		t.Fatalf("DeleteExpiredContexts through a = %d, %v; want 1, nil", n, err)
	}
	checkContext(t, "LoadContext through b, before its expiry, of a context a deleted", b, key, base, nil)
}

func mustSaveContext(t *testing.T, s bot.Store, key string, data []byte, now time.Time, ttl time.Duration) {
	t.Helper()
	if err := s.SaveContext(context.Background(), key, data, now, ttl); err != nil {
		t.Fatalf("SaveContext(%q, %d bytes, %v, %v): %v", key, len(data), now, ttl, err)
	}
}

// checkContext loads key at now: want is the context, or nil when
// LoadContext must fail with ErrNotFound.
func checkContext(t *testing.T, where string, s bot.Store, key string, now time.Time, want []byte) {
	t.Helper()
	got, err := s.LoadContext(context.Background(), key, now)
	if want == nil {
		if !errors.Is(err, bot.ErrNotFound) {
			t.Fatalf("%s: LoadContext(%q) at %v = %.40q, %v; want an error that errors.Is ErrNotFound", where, key, now, got, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("%s: LoadContext(%q) at %v: %v", where, key, now, err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: LoadContext(%q) at %v = %d bytes %.40q; want %d bytes %.40q", where, key, now, len(got), got, len(want), want)
	}
}
