package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var d []time.Duration
		for _, n := range ns {
			d = append(d, time.Duration(n)*time.Millisecond)
		}
		return d
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1 // 1..100 ms
	}
	for _, tc := range []struct {
		name   string
		values []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one p50", ms(7), 50, 7 * time.Millisecond},
		{"one p99", ms(7), 99, 7 * time.Millisecond},
		{"two p50", ms(1, 2), 50, 1 * time.Millisecond},
		{"two p51", ms(1, 2), 51, 2 * time.Millisecond},
		{"five p50", ms(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{"five p90", ms(1, 2, 3, 4, 5), 90, 5 * time.Millisecond},
		{"hundred p50", ms(hundred...), 50, 50 * time.Millisecond},
		{"hundred p90", ms(hundred...), 90, 90 * time.Millisecond},
		{"hundred p99", ms(hundred...), 99, 99 * time.Millisecond},
		{"hundred max", ms(hundred...), 100, 100 * time.Millisecond},
		{"tiny p", ms(hundred...), 0.001, 1 * time.Millisecond},
		{"ten p99 is the max", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 99, 10 * time.Millisecond},
		{"thousand p99.9", ms(append(slices.Repeat([]int{1}, 999), 500)...), 99.9, 1 * time.Millisecond},
		{"thousand p99.95", ms(append(slices.Repeat([]int{1}, 999), 500)...), 99.95, 500 * time.Millisecond},
	} {
		if got := percentile(tc.values, tc.p); got != tc.want {
			t.Errorf("%s: percentile(p%v) = %v, want %v", tc.name, tc.p, got, tc.want)
		}
	}
}

func TestReportAndCheck(t *testing.T) {
	r := &result{
		Requests: 4, Errors: map[string]int{}, Elapsed: 2 * time.Second, Users: 2,
		Latencies: []time.Duration{time.Millisecond, 2 * time.Millisecond, 3 * time.Millisecond, 40 * time.Millisecond},
	}
	var b strings.Builder
	r.report(&b)
	last := strings.TrimSpace(b.String())
	last = last[strings.LastIndex(last, "\n")+1:]
	if want := "load: requests=4 errors=0 rps=2 p50_ms=2.00 p99_ms=40.00"; last != want {
		t.Errorf("last line %q, want %q", last, want)
	}
	if f := r.check(2, 40*time.Millisecond); len(f) != 0 {
		t.Errorf("check failed: %v", f)
	}
	if f := r.check(3, 0); len(f) != 1 || !strings.Contains(f[0], "rps") {
		t.Errorf("rps floor: %v", f)
	}
	if f := r.check(0, 39*time.Millisecond); len(f) != 1 || !strings.Contains(f[0], "p99") {
		t.Errorf("p99 ceiling: %v", f)
	}
	r.Errors["status_500"] = 1
	if f := r.check(1, time.Second); len(f) != 1 || !strings.Contains(f[0], "status_500=1") {
		t.Errorf("errors: %v", f)
	}
}

func TestPerUserPerMinute(t *testing.T) {
	for _, tc := range []struct {
		requests, users int
		elapsed         time.Duration
		want            float64
	}{
		{40000, 20000, 5 * time.Second, 2},    // a short run: every request falls in one minute
		{180000, 20000, time.Minute, 9},       // 3,000 rps
		{480000, 20000, 60 * time.Second, 24}, // 8,000 rps: above the default 20
		{360000, 20000, 2 * time.Minute, 9},
		{10, 0, time.Second, 0},
	} {
		r := &result{Requests: tc.requests, Users: tc.users, Elapsed: tc.elapsed}
		if got := r.perUserPerMinute(); got != tc.want {
			t.Errorf("%d requests, %d users, %v: %v a minute, want %v", tc.requests, tc.users, tc.elapsed, got, tc.want)
		}
	}
}
