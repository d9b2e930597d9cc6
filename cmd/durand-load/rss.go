package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// rssStats is a process's resident set size over a run, in KiB.
type rssStats struct {
	PID             int
	Start, Max, End int64
	Samples         int
}

// readRSS reads VmRSS (KiB) from /proc/PID/status.
func readRSS(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			fields := strings.Fields(rest) // "12345 kB"
			if len(fields) == 0 {
				break
			}
			return strconv.ParseInt(fields[0], 10, 64)
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("/proc/%d/status has no VmRSS", pid)
}

// rssSampler samples a process's RSS every interval until stopped.
type rssSampler struct {
	mu    sync.Mutex
	stats rssStats
	stop  context.CancelFunc
	done  chan struct{}
}

// startRSS takes a first sample now (failing if the process cannot be
// read) and then one every interval.
func startRSS(ctx context.Context, pid int, interval time.Duration) (*rssSampler, error) {
	first, err := readRSS(pid)
	if err != nil {
		return nil, fmt.Errorf("-pid %d: %v", pid, err)
	}
	ctx, stop := context.WithCancel(ctx)
	s := &rssSampler{stats: rssStats{PID: pid, Start: first, Max: first, End: first, Samples: 1}, stop: stop, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				s.sample()
			}
		}
	}()
	return s, nil
}

func (s *rssSampler) sample() {
	v, err := readRSS(s.stats.PID)
	if err != nil {
		return // the process went away; keep what we have
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats.End = v
	s.stats.Max = max(s.stats.Max, v)
	s.stats.Samples++
}

// finish takes a last sample and returns the figures.
func (s *rssSampler) finish() *rssStats {
	s.stop()
	<-s.done
	s.sample()
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	return &st
}
