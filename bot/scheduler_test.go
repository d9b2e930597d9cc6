package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, wherever the tests run
)

// fakeClock is an injected clock whose Sleep records the wait and moves
// the clock on at once.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	waits []time.Duration
}

func newFakeClock(t time.Time) *fakeClock { return &fakeClock{now: t} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waits = append(c.waits, d)
	c.now = c.now.Add(d)
	return nil
}

func (c *fakeClock) Waits() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.waits)
}

// postCall is one PostDigest call seen by a fakePoster.
type postCall struct {
	Channel, Date string
	OK            bool
}

// fakePoster records every call; fail, when set, decides the n-th call
// (from 1) for a channel.
type fakePoster struct {
	mu    sync.Mutex
	calls []postCall
	fail  func(ctx context.Context, channel string, n int) error
}

func (p *fakePoster) PostDigest(ctx context.Context, channel string, d Digest) (string, error) {
	p.mu.Lock()
	n := 1
	for _, c := range p.calls {
		if c.Channel == channel {
			n++
		}
	}
	i := len(p.calls)
	p.calls = append(p.calls, postCall{Channel: channel, Date: d.Date})
	p.mu.Unlock()
	runtime.Gosched() // let racing schedulers interleave
	if p.fail != nil {
		if err := p.fail(ctx, channel, n); err != nil {
			return "", err
		}
	}
	p.mu.Lock()
	p.calls[i].OK = true
	p.mu.Unlock()
	return fmt.Sprintf("%s/%s/%d", channel, d.Date, n), nil
}

// attempts returns the number of calls for channel.
func (p *fakePoster) attempts(channel string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, c := range p.calls {
		if c.Channel == channel {
			n++
		}
	}
	return n
}

// posted returns the successful calls as "channel date", in order.
func (p *fakePoster) posted() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, c := range p.calls {
		if c.OK {
			out = append(out, c.Channel+" "+c.Date)
		}
	}
	return out
}

// recorder collects strings from several goroutines.
type recorder struct {
	mu   sync.Mutex
	list []string
}

func (r *recorder) add(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.list = append(r.list, s)
}

// take returns what was recorded since the last take, sorted.
func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.list
	r.list = nil
	sort.Strings(out)
	return out
}

// harness is a MemoryStore, a fake clock, a fake "slack" poster and what
// the schedulers built on them composed and reported.
type harness struct {
	t        *testing.T
	store    *MemoryStore
	clock    *fakeClock
	poster   *fakePoster
	composed recorder // "channel date"
	results  recorder // "platform:outcome"
}

func newHarness(t *testing.T, now time.Time, subs ...Subscription) *harness {
	t.Helper()
	h := &harness{t: t, store: NewMemoryStore(), clock: newFakeClock(now), poster: &fakePoster{}}
	for _, s := range subs {
		if err := h.store.Subscribe(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
	return h
}

// scheduler returns a Scheduler named owner on the harness.
func (h *harness) scheduler(owner string) *Scheduler {
	return &Scheduler{
		Store:   h.store,
		Posters: map[string]Poster{"slack": h.poster},
		Compose: func(_ context.Context, k ChannelKey, date string) (Digest, error) {
			h.composed.add(k.Channel + " " + date)
			return Digest{Date: date, Title: "Digest for " + date}, nil
		},
		Now:      h.clock.Now,
		Sleep:    h.clock.Sleep,
		Log:      slog.New(slog.NewTextHandler(h.t.Output(), &slog.HandlerOptions{Level: slog.LevelDebug})),
		Owner:    owner,
		OnResult: func(platform, outcome string) { h.results.add(platform + ":" + outcome) },
	}
}

// claimState claims k's digest for date as a fresh owner, to see what
// state it is in; a won claim is released again.
func (h *harness) claimState(k ChannelKey, date string) int {
	h.t.Helper()
	ctx := context.Background()
	st, err := h.store.Claim(ctx, k, date, "probe", h.clock.Now(), time.Minute)
	if err != nil {
		h.t.Fatal(err)
	}
	if st == ClaimWon {
		if err := h.store.Release(ctx, k, date, "probe"); err != nil {
			h.t.Fatal(err)
		}
	}
	return st
}

func sub(channel, zone string, hh, mm int) Subscription {
	return Subscription{Platform: "slack", Channel: channel, Hour: hh, Minute: mm, Zone: zone, By: "U1"}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

var errServer = errors.New("platform answered 503 Service Unavailable")

func TestDueAndNextRun(t *testing.T) {
	tests := []struct {
		name    string
		zone    string
		hh, mm  int
		now     string // RFC 3339
		date    string
		due     bool
		next    string // RFC 3339, as an instant
		wantErr bool
	}{
		// UTC
		{"UTC before", "UTC", 9, 0, "2024-06-01T08:59:59Z", "2024-06-01", false, "2024-06-01T09:00:00Z", false},
		{"UTC exactly at", "UTC", 9, 0, "2024-06-01T09:00:00Z", "2024-06-01", true, "2024-06-02T09:00:00Z", false},
		{"UTC late", "UTC", 9, 0, "2024-06-01T23:59:59Z", "2024-06-01", true, "2024-06-02T09:00:00Z", false},
		{"empty zone is UTC", "", 9, 0, "2024-06-01T09:00:00Z", "2024-06-01", true, "2024-06-02T09:00:00Z", false},
		{"UTC 00:00 at midnight", "UTC", 0, 0, "2024-06-01T00:00:00Z", "2024-06-01", true, "2024-06-02T00:00:00Z", false},
		{"UTC 00:00 a second before midnight", "UTC", 0, 0, "2024-05-31T23:59:59Z", "2024-05-31", true, "2024-06-01T00:00:00Z", false},
		{"UTC 23:59 a minute before", "UTC", 23, 59, "2024-06-01T23:58:00Z", "2024-06-01", false, "2024-06-01T23:59:00Z", false},
		{"UTC 23:59 exactly at", "UTC", 23, 59, "2024-06-01T23:59:00Z", "2024-06-01", true, "2024-06-02T23:59:00Z", false},
		{"UTC 23:59 at midnight", "UTC", 23, 59, "2024-06-02T00:00:00Z", "2024-06-02", false, "2024-06-02T23:59:00Z", false},

		// Asia/Karachi, UTC+5, no daylight saving
		{"Karachi before", "Asia/Karachi", 9, 0, "2024-06-01T03:59:00Z", "2024-06-01", false, "2024-06-01T04:00:00Z", false},
		{"Karachi exactly at", "Asia/Karachi", 9, 0, "2024-06-01T04:00:00Z", "2024-06-01", true, "2024-06-02T04:00:00Z", false},
		{"Karachi is a day ahead of UTC", "Asia/Karachi", 9, 0, "2024-06-01T19:30:00Z", "2024-06-02", false, "2024-06-02T04:00:00Z", false},
		{"Karachi 00:00 at local midnight", "Asia/Karachi", 0, 0, "2024-06-01T19:00:00Z", "2024-06-02", true, "2024-06-02T19:00:00Z", false},
		{"Karachi 00:00 before local midnight", "Asia/Karachi", 0, 0, "2024-06-01T18:59:59Z", "2024-06-01", true, "2024-06-01T19:00:00Z", false},
		{"Karachi 23:59 before", "Asia/Karachi", 23, 59, "2024-06-01T18:58:00Z", "2024-06-01", false, "2024-06-01T18:59:00Z", false},
		{"Karachi 23:59 at", "Asia/Karachi", 23, 59, "2024-06-01T18:59:00Z", "2024-06-01", true, "2024-06-02T18:59:00Z", false},

		// America/New_York springs forward 2024-03-10 02:00 EST → 03:00 EDT (07:00Z).
		{"NY day before spring, before", "America/New_York", 2, 30, "2024-03-09T07:29:00Z", "2024-03-09", false, "2024-03-09T07:30:00Z", false},
		{"NY day before spring, at", "America/New_York", 2, 30, "2024-03-09T07:30:00Z", "2024-03-09", true, "2024-03-10T07:00:00Z", false},
		{"NY spring gap, just before the jump", "America/New_York", 2, 30, "2024-03-10T06:59:59Z", "2024-03-10", false, "2024-03-10T07:00:00Z", false},
		{"NY spring gap, at the jump", "America/New_York", 2, 30, "2024-03-10T07:00:00Z", "2024-03-10", true, "2024-03-11T06:30:00Z", false},
		{"NY spring gap, later that day", "America/New_York", 2, 30, "2024-03-10T15:00:00Z", "2024-03-10", true, "2024-03-11T06:30:00Z", false},
		{"NY spring 02:00 is the jump too", "America/New_York", 2, 0, "2024-03-10T06:59:00Z", "2024-03-10", false, "2024-03-10T07:00:00Z", false},
		{"NY spring 03:00 is the jump", "America/New_York", 3, 0, "2024-03-10T07:00:00Z", "2024-03-10", true, "2024-03-11T07:00:00Z", false},
		{"NY day after spring, before", "America/New_York", 2, 30, "2024-03-11T06:29:00Z", "2024-03-11", false, "2024-03-11T06:30:00Z", false},
		{"NY day after spring, at", "America/New_York", 2, 30, "2024-03-11T06:30:00Z", "2024-03-11", true, "2024-03-12T06:30:00Z", false},

		// America/New_York falls back 2024-11-03 02:00 EDT → 01:00 EST (06:00Z): 01:30 occurs at 05:30Z and 06:30Z.
		{"NY day before fall", "America/New_York", 1, 30, "2024-11-02T05:30:00Z", "2024-11-02", true, "2024-11-03T05:30:00Z", false},
		{"NY fall, before the first 01:30", "America/New_York", 1, 30, "2024-11-03T05:29:00Z", "2024-11-03", false, "2024-11-03T05:30:00Z", false},
		{"NY fall, the first 01:30", "America/New_York", 1, 30, "2024-11-03T05:30:00Z", "2024-11-03", true, "2024-11-04T06:30:00Z", false},
		{"NY fall, clocks back to 01:00", "America/New_York", 1, 30, "2024-11-03T06:00:00Z", "2024-11-03", true, "2024-11-04T06:30:00Z", false},
		{"NY fall, the second 01:30", "America/New_York", 1, 30, "2024-11-03T06:30:00Z", "2024-11-03", true, "2024-11-04T06:30:00Z", false},
		{"NY day after fall, before", "America/New_York", 1, 30, "2024-11-04T06:29:59Z", "2024-11-04", false, "2024-11-04T06:30:00Z", false},
		{"NY 00:00 on the fall day", "America/New_York", 0, 0, "2024-11-03T04:00:00Z", "2024-11-03", true, "2024-11-04T05:00:00Z", false},

		// Europe/Berlin springs forward 2024-03-31 02:00 CET → 03:00 CEST (01:00Z).
		{"Berlin day before spring", "Europe/Berlin", 2, 30, "2024-03-30T01:30:00Z", "2024-03-30", true, "2024-03-31T01:00:00Z", false},
		{"Berlin spring gap, before the jump", "Europe/Berlin", 2, 30, "2024-03-31T00:59:00Z", "2024-03-31", false, "2024-03-31T01:00:00Z", false},
		{"Berlin spring gap, at the jump", "Europe/Berlin", 2, 30, "2024-03-31T01:00:00Z", "2024-03-31", true, "2024-04-01T00:30:00Z", false},
		{"Berlin day after spring, before", "Europe/Berlin", 2, 30, "2024-04-01T00:29:00Z", "2024-04-01", false, "2024-04-01T00:30:00Z", false},

		// Europe/Berlin falls back 2024-10-27 03:00 CEST → 02:00 CET (01:00Z): 02:30 occurs at 00:30Z and 01:30Z.
		{"Berlin day before fall", "Europe/Berlin", 2, 30, "2024-10-26T00:30:00Z", "2024-10-26", true, "2024-10-27T00:30:00Z", false},
		{"Berlin fall, before the first 02:30", "Europe/Berlin", 2, 30, "2024-10-27T00:29:00Z", "2024-10-27", false, "2024-10-27T00:30:00Z", false},
		{"Berlin fall, the first 02:30", "Europe/Berlin", 2, 30, "2024-10-27T00:30:00Z", "2024-10-27", true, "2024-10-28T01:30:00Z", false},
		{"Berlin fall, clocks back to 02:00", "Europe/Berlin", 2, 30, "2024-10-27T01:00:00Z", "2024-10-27", true, "2024-10-28T01:30:00Z", false},
		{"Berlin fall, the second 02:30", "Europe/Berlin", 2, 30, "2024-10-27T01:30:00Z", "2024-10-27", true, "2024-10-28T01:30:00Z", false},
		{"Berlin day after fall, before", "Europe/Berlin", 2, 30, "2024-10-28T01:29:00Z", "2024-10-28", false, "2024-10-28T01:30:00Z", false},
		{"Berlin 01:30 on the fall day is not repeated", "Europe/Berlin", 1, 30, "2024-10-26T23:30:00Z", "2024-10-27", true, "2024-10-28T00:30:00Z", false},

		// Pacific/Apia skipped 2011-12-30: there is no digest that day.
		{"Apia skipped day", "Pacific/Apia", 9, 0, "2011-12-29T20:00:00Z", "2011-12-29", true, "2011-12-30T19:00:00Z", false},

		// Errors
		{"unknown zone", "Mars/Olympus_Mons", 9, 0, "2024-06-01T09:00:00Z", "", false, "", true},
		{"hour out of range", "UTC", 24, 0, "2024-06-01T09:00:00Z", "", false, "", true},
		{"minute out of range", "UTC", 9, -1, "2024-06-01T09:00:00Z", "", false, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sub("C1", tt.zone, tt.hh, tt.mm)
			now := mustTime(t, tt.now)
			date, due, err := Due(s, now)
			next, nerr := NextRun(s, now)
			if tt.wantErr {
				if err == nil || nerr == nil {
					t.Fatalf("Due err = %v, NextRun err = %v; want errors", err, nerr)
				}
				return
			}
			if err != nil || nerr != nil {
				t.Fatalf("Due err = %v, NextRun err = %v", err, nerr)
			}
			if date != tt.date || due != tt.due {
				t.Errorf("Due = %s, %v; want %s, %v", date, due, tt.date, tt.due)
			}
			if want := mustTime(t, tt.next); !next.Equal(want) {
				t.Errorf("NextRun = %s; want %s", next.UTC().Format(time.RFC3339), tt.next)
			}
		})
	}
}

// TestDueFlipsOnceADay sweeps minute by minute across daylight-saving
// changes: each local day's digest becomes due exactly once and stays due,
// and NextRun always names the next such instant.
func TestDueFlipsOnceADay(t *testing.T) {
	tests := []struct {
		zone   string
		hh, mm int
		from   string // a local date; the sweep covers it and the next two days
		want   []string
	}{
		{"America/New_York", 2, 30, "2024-03-09", []string{"2024-03-09T07:30:00Z", "2024-03-10T07:00:00Z", "2024-03-11T06:30:00Z"}},
		{"America/New_York", 1, 30, "2024-11-02", []string{"2024-11-02T05:30:00Z", "2024-11-03T05:30:00Z", "2024-11-04T06:30:00Z"}},
		{"Europe/Berlin", 2, 30, "2024-03-30", []string{"2024-03-30T01:30:00Z", "2024-03-31T01:00:00Z", "2024-04-01T00:30:00Z"}},
		{"Europe/Berlin", 2, 30, "2024-10-26", []string{"2024-10-26T00:30:00Z", "2024-10-27T00:30:00Z", "2024-10-28T01:30:00Z"}},
		{"Europe/Berlin", 0, 0, "2024-10-26", []string{"2024-10-25T22:00:00Z", "2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z"}},
		{"Asia/Karachi", 23, 59, "2024-06-01", []string{"2024-06-01T18:59:00Z", "2024-06-02T18:59:00Z", "2024-06-03T18:59:00Z"}},
		{"UTC", 0, 0, "2024-06-01", []string{"2024-06-01T00:00:00Z", "2024-06-02T00:00:00Z", "2024-06-03T00:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %02d:%02d from %s", tt.zone, tt.hh, tt.mm, tt.from), func(t *testing.T) {
			s := sub("C1", tt.zone, tt.hh, tt.mm)
			loc := mustZone(t, tt.zone)
			day, err := time.ParseInLocation(time.DateOnly, tt.from, loc)
			if err != nil {
				t.Fatal(err)
			}
			end := time.Date(day.Year(), day.Month(), day.Day()+3, 0, 0, 0, 0, loc)
			var flips []time.Time
			dueDates := map[string]bool{}
			var steps []time.Time
			for now := day; now.Before(end); now = now.Add(time.Minute) {
				steps = append(steps, now)
				date, due, err := Due(s, now)
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case due && !dueDates[date]:
					dueDates[date] = true
					flips = append(flips, now)
				case !due && dueDates[date]:
					t.Fatalf("%s: the %s digest is no longer due", now.UTC().Format(time.RFC3339), date)
				}
			}
			var got []string
			for _, f := range flips {
				got = append(got, f.UTC().Format(time.RFC3339))
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("due from %v; want %v", got, tt.want)
			}
			for _, now := range steps {
				next, err := NextRun(s, now)
				if err != nil {
					t.Fatal(err)
				}
				i := sort.Search(len(flips), func(i int) bool { return flips[i].After(now) })
				if i < len(flips) && !next.Equal(flips[i]) {
					t.Fatalf("NextRun(%s) = %s; want %s", now.UTC().Format(time.RFC3339), next.UTC().Format(time.RFC3339), flips[i].UTC().Format(time.RFC3339))
				}
				if !next.After(now) {
					t.Fatalf("NextRun(%s) = %s, not after now", now, next)
				}
			}
		})
	}
}

// TestReachedAtEveryDay checks, for every day of two years in zones with
// odd offsets and odd transitions, that the due instant is the first at
// which the local clock reads the time or later.
func TestReachedAtEveryDay(t *testing.T) {
	zones := []string{
		"UTC", "Asia/Karachi", "America/New_York", "Europe/Berlin", "Europe/London",
		"Australia/Lord_Howe", "Australia/Sydney", "Asia/Kathmandu", "Asia/Tehran",
		"America/Santiago", "America/Havana", "America/St_Johns", "Pacific/Chatham", "Pacific/Apia",
	}
	times := [][2]int{{0, 0}, {0, 30}, {1, 30}, {2, 0}, {2, 30}, {3, 0}, {12, 0}, {23, 30}, {23, 59}}
	wallOf := func(t time.Time) time.Time {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	}
	for _, zone := range zones {
		loc := mustZone(t, zone)
		for _, year := range []int{2011, 2024} {
			for day := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() == year; day = day.AddDate(0, 0, 1) {
				for _, hm := range times {
					y, m, d := day.Date()
					want := time.Date(y, m, d, hm[0], hm[1], 0, 0, time.UTC)
					r := reachedAt(loc, y, m, d, hm[0], hm[1])
					if wallOf(r.In(loc)).Before(want) {
						t.Fatalf("%s %s: %s reads before it", zone, want.Format("2006-01-02 15:04"), r.In(loc))
					}
					if !wallOf(r.Add(-time.Second).In(loc)).Before(want) {
						t.Fatalf("%s %s: %s is not the first instant reading it", zone, want.Format("2006-01-02 15:04"), r.In(loc))
					}
					if start, _ := r.In(loc).ZoneBounds(); !wallOf(r.In(loc)).Equal(want) && !start.Equal(r) {
						t.Fatalf("%s %s: %s neither reads it nor is a clock change", zone, want.Format("2006-01-02 15:04"), r.In(loc))
					}
				}
			}
		}
	}
}

// TestRunOnceSchedule runs RunOnce at the given instants and checks what
// each run posts: once per local day, catch-up the same local day only.
func TestRunOnceSchedule(t *testing.T) {
	type step struct {
		at   string   // RFC 3339
		want []string // "channel date" posted by this run, sorted
	}
	tests := []struct {
		name  string
		subs  []Subscription
		steps []step
	}{
		{
			name: "once per local day",
			subs: []Subscription{sub("karachi", "Asia/Karachi", 9, 0)},
			steps: []step{
				{"2024-06-01T03:59:00Z", nil}, // 08:59 PKT
				{"2024-06-01T04:00:00Z", []string{"karachi 2024-06-01"}},
				{"2024-06-01T04:00:30Z", nil},
				{"2024-06-01T18:59:00Z", nil}, // 23:59 PKT
				{"2024-06-01T19:00:00Z", nil}, // 00:00 PKT on the 2nd, not yet due
				{"2024-06-02T04:00:00Z", []string{"karachi 2024-06-02"}},
				{"2024-06-02T12:00:00Z", nil},
			},
		},
		{
			name: "catch-up the same local day",
			subs: []Subscription{sub("ny", "America/New_York", 8, 0)},
			steps: []step{
				// down from before 08:00 EDT until 10:30 EDT
				{"2024-06-03T14:30:00Z", []string{"ny 2024-06-03"}},
				{"2024-06-03T14:31:00Z", nil},
			},
		},
		{
			name: "a day missed while down is not posted the next day",
			subs: []Subscription{sub("ny", "America/New_York", 8, 0)},
			steps: []step{
				{"2024-06-03T11:00:00Z", nil},                       // 07:00 EDT, then down all day
				{"2024-06-04T04:30:00Z", nil},                       // 00:30 EDT on the 4th: not due yet
				{"2024-06-04T12:00:00Z", []string{"ny 2024-06-04"}}, // 08:00 EDT
			},
		},
		{
			name: "after midnight the new day's digest is due at once at 00:00",
			subs: []Subscription{sub("ny", "America/New_York", 0, 0)},
			steps: []step{
				// down all of the 3rd; 00:30 EDT on the 4th posts the 4th only
				{"2024-06-04T04:30:00Z", []string{"ny 2024-06-04"}},
				{"2024-06-04T05:30:00Z", nil},
			},
		},
		{
			name: "each channel in its own zone",
			subs: []Subscription{
				sub("berlin", "Europe/Berlin", 6, 0),
				sub("karachi", "Asia/Karachi", 9, 0),
				sub("ny", "America/New_York", 0, 0),
				sub("utc", "UTC", 9, 0),
			},
			steps: []step{
				// 05:59 CEST, 08:59 PKT; 23:59 EDT on the 31st, whose 00:00 digest is caught up
				{"2024-06-01T03:59:00Z", []string{"ny 2024-05-31"}},
				{"2024-06-01T04:00:00Z", []string{"berlin 2024-06-01", "karachi 2024-06-01", "ny 2024-06-01"}},
				{"2024-06-01T09:00:00Z", []string{"utc 2024-06-01"}},
				{"2024-06-01T22:00:00Z", nil},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, time.Time{}, tt.subs...)
			s := h.scheduler("a")
			for _, st := range tt.steps {
				h.clock.Set(mustTime(t, st.at))
				before := len(h.poster.posted())
				s.RunOnce(context.Background())
				got := h.poster.posted()[before:]
				sort.Strings(got)
				if !slices.Equal(got, st.want) {
					t.Errorf("at %s posted %q; want %q", st.at, got, st.want)
				}
				if composed := h.composed.take(); !slices.Equal(composed, st.want) {
					t.Errorf("at %s composed %q; want %q", st.at, composed, st.want)
				}
				var wantResults []string
				for range st.want {
					wantResults = append(wantResults, "slack:posted")
				}
				if res := h.results.take(); !slices.Equal(res, wantResults) {
					t.Errorf("at %s results %q; want %q", st.at, res, wantResults)
				}
			}
		})
	}
}

// TestRunOnceAcrossDST runs RunOnce every five minutes across clock
// changes, alternating between two replicas: one post per local day, at
// the instant it falls due.
func TestRunOnceAcrossDST(t *testing.T) {
	tests := []struct {
		zone   string
		hh, mm int
		from   string   // local date; three days are run
		want   []string // "date posted-at"
	}{
		{"America/New_York", 2, 30, "2024-03-09", []string{"2024-03-09 2024-03-09T07:30:00Z", "2024-03-10 2024-03-10T07:00:00Z", "2024-03-11 2024-03-11T06:30:00Z"}},
		{"America/New_York", 1, 30, "2024-11-02", []string{"2024-11-02 2024-11-02T05:30:00Z", "2024-11-03 2024-11-03T05:30:00Z", "2024-11-04 2024-11-04T06:30:00Z"}},
		{"Europe/Berlin", 2, 30, "2024-03-30", []string{"2024-03-30 2024-03-30T01:30:00Z", "2024-03-31 2024-03-31T01:00:00Z", "2024-04-01 2024-04-01T00:30:00Z"}},
		{"Europe/Berlin", 2, 30, "2024-10-26", []string{"2024-10-26 2024-10-26T00:30:00Z", "2024-10-27 2024-10-27T00:30:00Z", "2024-10-28 2024-10-28T01:30:00Z"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %02d:%02d from %s", tt.zone, tt.hh, tt.mm, tt.from), func(t *testing.T) {
			loc := mustZone(t, tt.zone)
			day, err := time.ParseInLocation(time.DateOnly, tt.from, loc)
			if err != nil {
				t.Fatal(err)
			}
			end := time.Date(day.Year(), day.Month(), day.Day()+3, 0, 0, 0, 0, loc)
			h := newHarness(t, day, sub("C1", tt.zone, tt.hh, tt.mm))
			replicas := []*Scheduler{h.scheduler("a"), h.scheduler("b")}
			var got []string
			for i, now := 0, day; now.Before(end); i, now = i+1, now.Add(5*time.Minute) {
				h.clock.Set(now)
				before := len(h.poster.posted())
				replicas[i%2].RunOnce(context.Background())
				for _, p := range h.poster.posted()[before:] {
					got = append(got, strings.TrimPrefix(p, "C1 ")+" "+now.UTC().Format(time.RFC3339))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("posted %q; want %q", got, tt.want)
			}
		})
	}
}

func TestRestartDoesNotRepost(t *testing.T) {
	s := sub("C1", "Asia/Karachi", 9, 0)
	h := newHarness(t, mustTime(t, "2024-06-01T04:00:00Z"), s)
	h.scheduler("host:1").RunOnce(context.Background())
	if got := h.poster.posted(); len(got) != 1 {
		t.Fatalf("first run posted %q; want one digest", got)
	}
	h.results.take()
	for _, at := range []string{"2024-06-01T04:00:00Z", "2024-06-01T04:01:00Z", "2024-06-01T18:00:00Z"} {
		h.clock.Set(mustTime(t, at))
		h.scheduler("host:2").RunOnce(context.Background()) // a new process each time
	}
	if got := h.poster.posted(); len(got) != 1 {
		t.Errorf("restarted schedulers posted %q; want the first digest only", got)
	}
	if res := h.results.take(); len(res) != 0 {
		t.Errorf("results %q; want none for a digest already sent", res)
	}
}

// TestCrashAfterClaim: a replica claimed the digest and died before
// marking it sent. Nobody posts while its lease runs; the first run after
// it lapses posts once.
func TestCrashAfterClaim(t *testing.T) {
	const lease = 2 * time.Minute
	s := sub("C1", "UTC", 9, 0)
	t0 := mustTime(t, "2024-06-01T09:00:00Z")
	h := newHarness(t, t0, s)
	if st, err := h.store.Claim(context.Background(), s.Key(), "2024-06-01", "dead:1", t0, lease); err != nil || st != ClaimWon {
		t.Fatalf("Claim = %d, %v", st, err)
	}
	steps := []struct {
		after   time.Duration
		posts   int // in total so far
		results []string
	}{
		{30 * time.Second, 0, []string{"slack:skipped"}},
		{lease - time.Second, 0, []string{"slack:skipped"}},
		{lease, 1, []string{"slack:posted"}},
		{lease + time.Second, 1, nil},
		{lease + time.Hour, 1, nil},
	}
	for _, st := range steps {
		h.clock.Set(t0.Add(st.after))
		h.scheduler("live:2").RunOnce(context.Background()) // fresh, so each run asks the store
		if got := h.poster.posted(); len(got) != st.posts {
			t.Errorf("after %s: posted %q; want %d", st.after, got, st.posts)
		}
		if res := h.results.take(); !slices.Equal(res, st.results) {
			t.Errorf("after %s: results %q; want %q", st.after, res, st.results)
		}
	}
	if st := h.claimState(s.Key(), "2024-06-01"); st != ClaimSent {
		t.Errorf("claim state %d; want ClaimSent", st)
	}
}

// TestReplicasRace runs two replicas' RunOnce at the same time, round
// after round over two days, on one store: each (channel, date) is posted
// exactly once.
func TestReplicasRace(t *testing.T) {
	zones := []string{"UTC", "Asia/Karachi", "America/New_York", "Europe/Berlin"}
	var subs []Subscription
	for i := range 16 {
		subs = append(subs, sub(fmt.Sprintf("C%02d", i), zones[i%len(zones)], (i*5)%24, (i*17)%60))
	}
	start := mustTime(t, "2024-10-26T00:00:00Z")
	h := newHarness(t, start, subs...)
	replicas := []*Scheduler{h.scheduler("a:1"), h.scheduler("b:2"), h.scheduler("c:3")}
	want := map[string]bool{}
	for now := start; now.Before(start.Add(48 * time.Hour)); now = now.Add(10 * time.Minute) {
		h.clock.Set(now)
		for _, s := range subs {
			if date, due, _ := Due(s, now); due {
				want[s.Channel+" "+date] = true
			}
		}
		var wg sync.WaitGroup
		for _, r := range replicas {
			for range 2 {
				wg.Go(func() { r.RunOnce(context.Background()) })
			}
		}
		wg.Wait()
	}
	counts := map[string]int{}
	for _, p := range h.poster.posted() {
		counts[p]++
	}
	for k, n := range counts {
		if n != 1 {
			t.Errorf("%s posted %d times", k, n)
		}
		if !want[k] {
			t.Errorf("%s posted but never due", k)
		}
	}
	for k := range want {
		if counts[k] == 0 {
			t.Errorf("%s never posted", k)
		}
	}
	if len(want) < 2*len(subs) {
		t.Errorf("only %d digests were due; the test covers too little", len(want))
	}
}

// TestPostRetries: 429s wait as told, 5xx back off with jitter, and no
// retry outlasts MaxAttempts or the lease.
func TestPostRetries(t *testing.T) {
	type waitRange struct{ min, max time.Duration }
	exactly := func(d time.Duration) waitRange { return waitRange{d, d} }
	failFirst := func(n int, err error) func(context.Context, string, int) error {
		return func(_ context.Context, _ string, i int) error {
			if i <= n {
				return err
			}
			return nil
		}
	}
	always := func(err error) func(context.Context, string, int) error {
		return func(context.Context, string, int) error { return err }
	}
	rateLimited := func(d time.Duration) error {
		return &RetryAfterError{Wait: d, Err: errors.New("429 Too Many Requests")}
	}
	wrapped5xx := fmt.Errorf("post message: %w", errServer)
	tests := []struct {
		name        string
		fail        func(context.Context, string, int) error
		maxAttempts int
		backoff     time.Duration
		lease       time.Duration
		attempts    int
		waits       []waitRange
		posted      bool
	}{
		{"success", nil, 0, 0, 0, 1, nil, true},
		{"429 then success", failFirst(1, rateLimited(3*time.Second)), 0, 0, 0, 2, []waitRange{exactly(3 * time.Second)}, true},
		{"wrapped 429 then success", failFirst(1, fmt.Errorf("slack: %w", rateLimited(7*time.Second))), 0, 0, 0, 2, []waitRange{exactly(7 * time.Second)}, true},
		{"5xx then success", failFirst(1, errServer), 0, 0, 0, 2, []waitRange{{500 * time.Millisecond, time.Second}}, true},
		{"two 5xx then success: backoff doubles", failFirst(2, wrapped5xx), 0, 0, 0, 3, []waitRange{{500 * time.Millisecond, time.Second}, {time.Second, 2 * time.Second}}, true},
		{"always 5xx", always(errServer), 0, 0, 0, 4, []waitRange{{500 * time.Millisecond, time.Second}, {time.Second, 2 * time.Second}, {2 * time.Second, 4 * time.Second}}, false},
		{"always 429", always(rateLimited(3 * time.Second)), 0, 0, 0, 4, []waitRange{exactly(3 * time.Second), exactly(3 * time.Second), exactly(3 * time.Second)}, false},
		{"MaxAttempts 2", always(errServer), 2, 0, 0, 2, []waitRange{{500 * time.Millisecond, time.Second}}, false},
		{"Backoff 100ms", failFirst(1, errServer), 0, 100 * time.Millisecond, 0, 2, []waitRange{{50 * time.Millisecond, 100 * time.Millisecond}}, true},
		{"429 longer than the lease", always(rateLimited(5 * time.Minute)), 0, 0, 0, 1, nil, false},
		{"backoff past the lease", always(errServer), 0, 8 * time.Second, 10 * time.Second, 2, []waitRange{{4 * time.Second, 8 * time.Second}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sub("C1", "UTC", 9, 0)
			h := newHarness(t, mustTime(t, "2024-06-01T09:00:00Z"), s)
			h.poster.fail = tt.fail
			sch := h.scheduler("a:1")
			sch.MaxAttempts, sch.Backoff, sch.Lease = tt.maxAttempts, tt.backoff, tt.lease
			sch.RunOnce(context.Background())

			if n := h.poster.attempts("C1"); n != tt.attempts {
				t.Errorf("%d attempts; want %d", n, tt.attempts)
			}
			waits := h.clock.Waits()
			if len(waits) != len(tt.waits) {
				t.Fatalf("waits %v; want %d", waits, len(tt.waits))
			}
			for i, w := range waits {
				if w < tt.waits[i].min || w > tt.waits[i].max {
					t.Errorf("wait %d = %s; want within [%s, %s]", i, w, tt.waits[i].min, tt.waits[i].max)
				}
			}
			wantResult, wantState := "slack:failed", ClaimWon // released: free to claim
			if tt.posted {
				wantResult, wantState = "slack:posted", ClaimSent
			}
			if got := h.poster.posted(); len(got) != map[bool]int{true: 1}[tt.posted] {
				t.Errorf("posted %q", got)
			}
			if res := h.results.take(); !slices.Equal(res, []string{wantResult}) {
				t.Errorf("results %q; want %q", res, wantResult)
			}
			if st := h.claimState(s.Key(), "2024-06-01"); st != wantState {
				t.Errorf("claim state %d; want %d", st, wantState)
			}
		})
	}
}

// TestFailingSubscriptionDoesNotDelayOthers: a channel whose posts always
// fail is retried to MaxAttempts and released, while another channel in
// the same RunOnce is posted meanwhile. The failing channel sorts first
// and its first post waits until the other was posted, so a RunOnce that
// handled subscriptions one after the other would not pass.
func TestFailingSubscriptionDoesNotDelayOthers(t *testing.T) {
	h := newHarness(t, mustTime(t, "2024-06-01T09:00:00Z"), sub("a-bad", "UTC", 9, 0), sub("b-good", "UTC", 9, 0))
	goodPosted := make(chan struct{})
	var once sync.Once
	h.poster.fail = func(_ context.Context, channel string, n int) error {
		if channel == "b-good" {
			once.Do(func() { close(goodPosted) })
			return nil
		}
		if n == 1 {
			select {
			case <-goodPosted:
			case <-time.After(5 * time.Second): // a fail-safe, never reached when concurrent
				t.Error("b-good was not posted while a-bad was being posted")
			}
		}
		return errServer
	}
	h.scheduler("a:1").RunOnce(context.Background())

	if got := h.poster.posted(); !slices.Equal(got, []string{"b-good 2024-06-01"}) {
		t.Errorf("posted %q; want b-good only", got)
	}
	if n := h.poster.attempts("a-bad"); n != defaultDigestAttempts {
		t.Errorf("a-bad: %d attempts; want %d", n, defaultDigestAttempts)
	}
	if res := h.results.take(); !slices.Equal(res, []string{"slack:failed", "slack:posted"}) {
		t.Errorf("results %q", res)
	}
	if st := h.claimState(ChannelKey{"slack", "a-bad"}, "2024-06-01"); st != ClaimWon {
		t.Errorf("a-bad claim state %d; want released", st)
	}

	// A later tick tries the failed digest again.
	h.poster.fail = nil
	h.clock.Set(mustTime(t, "2024-06-01T09:00:30Z"))
	h.scheduler("a:1").RunOnce(context.Background())
	if got := h.poster.posted(); !slices.Equal(got, []string{"b-good 2024-06-01", "a-bad 2024-06-01"}) {
		t.Errorf("after a later tick posted %q", got)
	}
}

// TestDigestFailures: what cannot be composed or posted at all is logged,
// reported "failed" and left free to claim, and does not stop the others.
func TestDigestFailures(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(h *harness, s *Scheduler)
		failed ChannelKey
	}{
		{
			name: "unknown platform",
			setup: func(h *harness, _ *Scheduler) {
				irc := sub("C1", "UTC", 9, 0)
				irc.Platform = "irc"
				if err := h.store.Subscribe(context.Background(), irc); err != nil {
					h.t.Fatal(err)
				}
			},
			failed: ChannelKey{"irc", "C1"},
		},
		{
			name: "compose fails",
			setup: func(_ *harness, s *Scheduler) {
				compose := s.Compose
				s.Compose = func(ctx context.Context, k ChannelKey, date string) (Digest, error) {
					if k.Channel == "C1" {
						return Digest{}, errors.New("pack not loaded")
					}
					return compose(ctx, k, date)
				}
			},
			failed: ChannelKey{"slack", "C1"},
		},
		{
			name: "compose panics",
			setup: func(_ *harness, s *Scheduler) {
				compose := s.Compose
				s.Compose = func(ctx context.Context, k ChannelKey, date string) (Digest, error) {
					if k.Channel == "C1" {
						panic("boom")
					}
					return compose(ctx, k, date)
				}
			},
			failed: ChannelKey{"slack", "C1"},
		},
		{
			name: "poster panics",
			setup: func(h *harness, _ *Scheduler) {
				h.poster.fail = func(_ context.Context, channel string, _ int) error {
					if channel == "C1" {
						panic("boom")
					}
					return nil
				}
			},
			failed: ChannelKey{"slack", "C1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, mustTime(t, "2024-06-01T09:00:00Z"), sub("C2", "UTC", 9, 0))
			if tt.failed.Platform == "slack" {
				if err := h.store.Subscribe(context.Background(), sub("C1", "UTC", 9, 0)); err != nil {
					t.Fatal(err)
				}
			}
			s := h.scheduler("a:1")
			tt.setup(h, s)
			s.RunOnce(context.Background())
			if got := h.poster.posted(); !slices.Equal(got, []string{"C2 2024-06-01"}) {
				t.Errorf("posted %q; want C2 only", got)
			}
			want := []string{tt.failed.Platform + ":failed", "slack:posted"}
			sort.Strings(want)
			if res := h.results.take(); !slices.Equal(res, want) {
				t.Errorf("results %q; want %q", res, want)
			}
			if st := h.claimState(tt.failed, "2024-06-01"); st != ClaimWon {
				t.Errorf("failed digest's claim state %d; want free", st)
			}
		})
	}
}

// TestPostedDigestIsRecordedDuringShutdown: a shutdown that cancels the
// context while a post succeeds must not lose the record of the post.
func TestPostedDigestIsRecordedDuringShutdown(t *testing.T) {
	s := sub("C1", "UTC", 9, 0)
	h := newHarness(t, mustTime(t, "2024-06-01T09:00:00Z"), s)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h.poster.fail = func(context.Context, string, int) error { cancel(); return nil }
	h.scheduler("a:1").RunOnce(ctx)
	if st := h.claimState(s.Key(), "2024-06-01"); st != ClaimSent {
		t.Errorf("claim state %d; want ClaimSent", st)
	}
	if res := h.results.take(); !slices.Equal(res, []string{"slack:posted"}) {
		t.Errorf("results %q", res)
	}
}

// countingStore counts RunOnce's look-ups of the subscriptions.
type countingStore struct {
	*MemoryStore
	mu    sync.Mutex
	calls int
	after func(n int) // called with the count after each look-up
}

func (c *countingStore) Subscriptions(ctx context.Context) ([]Subscription, error) {
	c.mu.Lock()
	c.calls++
	n := c.calls
	c.mu.Unlock()
	if c.after != nil {
		c.after(n)
	}
	return c.MemoryStore.Subscriptions(ctx)
}

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		start  string
		tick   time.Duration
		sleeps int  // cancel during this Sleep
		dueNow bool // the digest is due at start
		waits  []time.Duration
		posted []string
	}{
		{
			name:   "runs at start, then every tick",
			start:  "2024-06-01T09:00:00Z",
			sleeps: 3,
			dueNow: true,
			waits:  []time.Duration{defaultDigestTick, defaultDigestTick},
			posted: []string{"C1 2024-06-01"},
		},
		{
			name:   "wakes at the next run when it comes before the tick",
			start:  "2024-06-01T08:59:50Z",
			tick:   time.Minute,
			sleeps: 4,
			waits:  []time.Duration{10 * time.Second, time.Minute, time.Minute},
			posted: []string{"C1 2024-06-01"},
		},
		{
			name:   "a long tick still wakes for the next day",
			start:  "2024-06-01T09:00:00Z",
			tick:   48 * time.Hour,
			sleeps: 3,
			dueNow: true,
			waits:  []time.Duration{24 * time.Hour, 24 * time.Hour},
			posted: []string{"C1 2024-06-01", "C1 2024-06-02", "C1 2024-06-03"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, mustTime(t, tt.start), sub("C1", "UTC", 9, 0))
			store := &countingStore{MemoryStore: h.store}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			s := h.scheduler("a:1")
			s.Store, s.Tick = store, tt.tick
			sleeps := 0
			s.Sleep = func(ctx context.Context, d time.Duration) error {
				sleeps++
				if sleeps == 1 && tt.dueNow && len(h.poster.posted()) == 0 {
					t.Error("Run slept before its first RunOnce")
				}
				if sleeps == tt.sleeps {
					cancel()
					return ctx.Err()
				}
				return h.clock.Sleep(ctx, d)
			}
			if err := s.Run(ctx); err != nil {
				t.Fatalf("Run = %v; want nil", err)
			}
			if !slices.Equal(h.clock.Waits(), tt.waits) {
				t.Errorf("waits %v; want %v", h.clock.Waits(), tt.waits)
			}
			if store.calls != tt.sleeps {
				t.Errorf("%d runs; want %d", store.calls, tt.sleeps)
			}
			if got := h.poster.posted(); !slices.Equal(got, tt.posted) {
				t.Errorf("posted %q; want %q", got, tt.posted)
			}
		})
	}
}

// TestRunRealTimer runs with the default Sleep and a 1ms tick, cancelled
// after a few runs.
func TestRunRealTimer(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	store := &countingStore{MemoryStore: NewMemoryStore(), after: func(n int) {
		if n == 3 {
			cancel()
		}
	}}
	s := &Scheduler{Store: store, Tick: time.Millisecond, Now: newFakeClock(mustTime(t, "2024-06-01T09:00:00Z")).Now}
	if err := s.Run(ctx); err != nil {
		t.Fatalf("Run = %v; want nil", err)
	}
	if store.calls != 3 {
		t.Errorf("%d runs; want 3", store.calls)
	}
}

func TestRunErrors(t *testing.T) {
	if err := (&Scheduler{}).Run(context.Background()); err == nil {
		t.Error("Run without a store: nil error")
	}
	boom := errors.New("boom")
	s := &Scheduler{Store: NewMemoryStore(), Sleep: func(context.Context, time.Duration) error { return boom }}
	if err := s.Run(context.Background()); !errors.Is(err, boom) {
		t.Errorf("Run with a failing Sleep = %v; want %v", err, boom)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	store := &countingStore{MemoryStore: NewMemoryStore()}
	if err := (&Scheduler{Store: store}).Run(ctx); err != nil || store.calls != 0 {
		t.Errorf("Run on a done context = %v after %d runs; want nil, 0", err, store.calls)
	}
}

func TestSleepTimer(t *testing.T) {
	if err := sleepTimer(context.Background(), time.Millisecond); err != nil {
		t.Errorf("sleepTimer = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sleepTimer(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("sleepTimer on a done context = %v", err)
	}
}

func TestNewSubscriptionStartsNextDay(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Karachi")
	sub := Subscription{Platform: "slack", Channel: "C1", Hour: 8, Zone: "Asia/Karachi",
		Since: time.Date(2026, 3, 2, 10, 0, 0, 0, loc)}
	if _, due, _ := Due(sub, time.Date(2026, 3, 2, 10, 5, 0, 0, loc)); due {
		t.Error("due on the day it was made after 08:00")
	}
	if date, due, _ := Due(sub, time.Date(2026, 3, 3, 8, 0, 0, 0, loc)); !due || date != "2026-03-03" {
		t.Errorf("next day: due=%v date=%s", due, date)
	}
	sub.Since = time.Date(2026, 3, 2, 7, 0, 0, 0, loc)
	if _, due, _ := Due(sub, time.Date(2026, 3, 2, 10, 5, 0, 0, loc)); !due {
		t.Error("made before 08:00, missed while down: should be caught up")
	}
}
