package bot

import (
	"fmt"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// TestLimiterBucket: each user has a bucket of perMinute tokens that
// refills at perMinute a minute; users do not share.
func TestLimiterBucket(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	l := newLimiter(20, func() time.Time { return now })
	steps := []struct {
		after time.Duration // the clock moves on this much first
		user  string
		n     int  // asks this many times
		want  bool // what the last ask gets
	}{
		{0, "U1", 20, true},              // a full burst
		{0, "U1", 1, false},              // the 21st at once
		{0, "U2", 20, true},              // another user has their own bucket
		{time.Second, "U1", 1, false},    // a token takes 3 s to come back
		{2 * time.Second, "U1", 1, true}, // 3 s: one token back
		{0, "U1", 1, false},              // and only one
		{time.Minute, "U1", 20, true},    // a minute: the bucket is full again
		{0, "U1", 1, false},              // but no fuller
	}
	for i, st := range steps {
		now = now.Add(st.after)
		var got bool
		for range st.n {
			got = l.allow(st.user)
		}
		if got != st.want {
			t.Errorf("step %d (%s asks %d times): allowed %v, want %v", i+1, st.user, st.n, got, st.want)
		}
	}
}

// TestLimiterUnlimited: zero per minute, and a nil limiter, allow all.
func TestLimiterUnlimited(t *testing.T) {
	var nilLimiter *limiter
	for _, l := range []*limiter{newLimiter(0, time.Now), nilLimiter} {
		for i := range 100 {
			if !l.allow("U1") {
				t.Fatalf("ask %d refused by an unlimited limiter", i+1)
			}
		}
	}
}

// TestLimiterMemoryBounded: a flood of distinct users, all within one
// minute so that none of their buckets could be forgotten losslessly,
// keeps the limiter's memory bounded.
func TestLimiterMemoryBounded(t *testing.T) {
	const users = 300_000
	const maxGrowth = 16 << 20 // bytes; unbounded, 300,000 users took 55 MB
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	l := newLimiter(20, func() time.Time { return now })
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range users {
		l.allow("slack\x00U" + strconv.Itoa(i))
		if i%1000 == 0 {
			now = now.Add(time.Millisecond)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if n := l.size(); n > limiterCap {
		t.Errorf("%d users tracked, want at most %d", n, limiterCap)
	}
	if growth := int64(after.HeapAlloc) - int64(before.HeapAlloc); growth > maxGrowth {
		t.Errorf("%d users grew the heap by %.1f MiB, want at most %.1f MiB", users, float64(growth)/(1<<20), float64(maxGrowth)/(1<<20))
	}
}

// TestLimiterKeepsActiveUsersUnderFlood: a user who spent their burst stays
// limited while many other users come and go, within the cap and beyond
// it, as long as they keep asking.
func TestLimiterKeepsActiveUsersUnderFlood(t *testing.T) {
	tests := []struct {
		name   string
		others int // distinct other users
		every  int // the limited user asks again after this many of them
	}{
		{"fewer others than the cap", 20_000, 20_000},
		{"many more others than the cap", 500_000, 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
			l := newLimiter(20, func() time.Time { return now })
			for range 20 {
				l.allow("slack\x00U-limited")
			}
			for i := range tt.others {
				if !l.allow(fmt.Sprintf("slack\x00U%d", i)) {
					t.Fatalf("new user %d refused", i)
				}
				if (i+1)%tt.every == 0 && l.allow("slack\x00U-limited") {
					t.Fatalf("after %d other users, the limited user was let through", i+1)
				}
			}
		})
	}
}

// BenchmarkLimiterAllow measures one allow: for the same few users, and
// for a stream of new users that keeps the limiter at its cap.
func BenchmarkLimiterAllow(b *testing.B) {
	for _, bm := range []struct {
		name  string
		users int
	}{{"1k users", 1000}, {"new users", 0}} {
		b.Run(bm.name, func(b *testing.B) {
			l := newLimiter(20, time.Now)
			keys := make([]string, 1<<20)
			for i := range keys {
				keys[i] = "slack\x00U" + strconv.Itoa(i)
			}
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					k := keys[i%len(keys)]
					if bm.users > 0 {
						k = keys[i%bm.users]
					}
					l.allow(k)
					i++
				}
			})
		})
	}
}
