package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
)

// percentile returns the p-th percentile (0 < p <= 100) of sorted by the
// nearest-rank method: the smallest value with at least p% of the values
// at or below it. It is 0 for no values.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	// The epsilon keeps float error (99.9/100*1000 = 999.0000000000001)
	// from pushing an exact rank up by one.
	rank := int(math.Ceil(p/100*float64(len(sorted)) - 1e-9))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// result is what a load run measured.
type result struct {
	Requests  int            // requests answered (or failed), excluding any cut short by an interrupt
	Errors    map[string]int // failed requests by kind
	Elapsed   time.Duration
	Latencies []time.Duration // of every counted request, sorted
	Users     int
	Late      int // answers posted later to the response_url sink
	RSS       *rssStats
}

func (r *result) errorCount() int {
	n := 0
	for _, c := range r.Errors {
		n += c
	}
	return n
}

func (r *result) rps() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// perUserPerMinute is how many requests one user sent in a minute: all of
// its requests for a run shorter than a minute, its share of a minute's
// requests for a longer one.
func (r *result) perUserPerMinute() float64 {
	if r.Users == 0 {
		return 0
	}
	return float64(r.Requests) / float64(r.Users) / max(r.Elapsed.Minutes(), 1)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// report writes the human summary and, last, the machine-readable line
//
//	load: requests=N errors=N rps=N p50_ms=N p99_ms=N
func (r *result) report(w io.Writer) {
	lat := r.Latencies
	fmt.Fprintf(w, "requests   %d\n", r.Requests)
	fmt.Fprintf(w, "errors     %d\n", r.errorCount())
	kinds := make([]string, 0, len(r.Errors))
	for k := range r.Errors {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		fmt.Fprintf(w, "  %-14s %d\n", k, r.Errors[k])
	}
	fmt.Fprintf(w, "elapsed    %.2fs\n", r.Elapsed.Seconds())
	fmt.Fprintf(w, "rps        %.1f\n", r.rps())
	fmt.Fprintf(w, "latency    p50 %.2fms  p90 %.2fms  p99 %.2fms  max %.2fms\n",
		ms(percentile(lat, 50)), ms(percentile(lat, 90)), ms(percentile(lat, 99)), ms(percentile(lat, 100)))
	if r.Users > 0 && r.Requests > 0 {
		// Users take turns, so in any minute each sends about this many.
		perMin := r.perUserPerMinute()
		fmt.Fprintf(w, "per user   %.1f requests in any minute over %d users", perMin, r.Users)
		if perMin > defaultUserRate {
			fmt.Fprintf(w, " (above durand's default limit of %d a minute: once a user's burst is spent, answers are limited; start durand with DURAND_RATE raised, or pass -users %d or more)",
				defaultUserRate, int(math.Ceil(float64(r.Users)*perMin/defaultUserRate/1000))*1000)
		}
		fmt.Fprintln(w)
	}
	if r.Late > 0 {
		fmt.Fprintf(w, "late       %d answers posted to the response_url after an acknowledgement\n", r.Late)
	}
	if r.RSS != nil {
		fmt.Fprintf(w, "rss        pid %d  start %s  max %s  end %s  (%d samples)\n",
			r.RSS.PID, mib(r.RSS.Start), mib(r.RSS.Max), mib(r.RSS.End), r.RSS.Samples)
		fmt.Fprintf(w, "load-rss: start_kib=%d max_kib=%d end_kib=%d\n", r.RSS.Start, r.RSS.Max, r.RSS.End)
	}
	fmt.Fprintf(w, "load: requests=%d errors=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
		r.Requests, r.errorCount(), r.rps(), ms(percentile(lat, 50)), ms(percentile(lat, 99)))
}

// mib formats a size in KiB as MiB.
func mib(kib int64) string { return fmt.Sprintf("%.1fMiB", float64(kib)/1024) }

// check compares r with the floors and ceilings asked for; it returns
// each failure, or none.
func (r *result) check(minRPS float64, maxP99 time.Duration) []string {
	var fails []string
	if n := r.errorCount(); n > 0 {
		kinds := make([]string, 0, len(r.Errors))
		for k, c := range r.Errors {
			kinds = append(kinds, fmt.Sprintf("%s=%d", k, c))
		}
		slices.Sort(kinds)
		fails = append(fails, fmt.Sprintf("%d errors (%s)", n, strings.Join(kinds, " ")))
	}
	if r.Requests == 0 {
		fails = append(fails, "no requests completed")
	}
	if minRPS > 0 && r.rps() < minRPS {
		fails = append(fails, fmt.Sprintf("rps %.1f is below %.1f", r.rps(), minRPS))
	}
	if p99 := percentile(r.Latencies, 99); maxP99 > 0 && p99 > maxP99 {
		fails = append(fails, fmt.Sprintf("p99 %v is above %v", p99.Round(10*time.Microsecond), maxP99))
	}
	return fails
}
