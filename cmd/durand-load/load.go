package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// defaultUserRate is durand's default per-user limit, questions per
// minute; a run above it per user needs DURAND_RATE raised or more -users.
const defaultUserRate = 20

// loader sends signed slash commands from many users to one target.
type loader struct {
	Target      string // the /slack/commands URL, loopback
	Secret      string
	Questions   []string
	Users       int
	Concurrency int
	Requests    int64         // stop after this many; 0: no limit
	Duration    time.Duration // stop starting requests after this long; 0: no limit
	ResponseURL string        // prefix; each command gets its own path under it
	LimitedText string        // an answer containing this is durand's rate-limit reply; "" to not look
	Seed        uint64
	Client      *http.Client
	Now         func() time.Time
}

// newClient returns an http.Client tuned for load on loopback: keep-alive
// connections, one idle connection per worker, no proxy, no compression,
// no redirects, and a dialler that refuses any non-loopback address.
func newClient(concurrency int, timeout time.Duration) *http.Client {
	d := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second, Control: dialLoopbackOnly}
	return &http.Client{
		Transport: &http.Transport{
			Proxy:                 nil, // never via HTTP_PROXY: load goes straight to loopback
			DialContext:           d.DialContext,
			MaxIdleConns:          concurrency,
			MaxIdleConnsPerHost:   concurrency,
			IdleConnTimeout:       90 * time.Second,
			ResponseHeaderTimeout: timeout,
			DisableCompression:    true,
		},
		Timeout:       timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// workerStats is one worker's tally, merged at the end.
type workerStats struct {
	lat  []time.Duration
	errs map[string]int
}

// run sends load until a bound is reached or ctx is cancelled, and
// returns what it measured. Requests cut short by ctx are not counted.
func (l *loader) run(ctx context.Context) *result {
	var next atomic.Int64
	var deadline time.Time
	start := l.Now()
	if l.Duration > 0 {
		deadline = start.Add(l.Duration)
	}
	stats := make([]workerStats, l.Concurrency)
	var wg sync.WaitGroup
	for i := range stats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.worker(ctx, uint64(i), &next, deadline, &stats[i])
		}()
	}
	wg.Wait()
	res := &result{Errors: map[string]int{}, Elapsed: l.Now().Sub(start), Users: l.Users}
	for _, s := range stats {
		res.Latencies = append(res.Latencies, s.lat...)
		for k, n := range s.errs {
			res.Errors[k] += n
		}
	}
	slices.Sort(res.Latencies)
	res.Requests = len(res.Latencies)
	return res
}

func (l *loader) worker(ctx context.Context, worker uint64, next *atomic.Int64, deadline time.Time, st *workerStats) {
	rng := rand.New(rand.NewPCG(l.Seed, worker))
	sig := newSigner(l.Secret)
	st.errs = map[string]int{}
	for ctx.Err() == nil {
		if !deadline.IsZero() && !l.Now().Before(deadline) {
			return
		}
		n := next.Add(1) - 1
		if l.Requests > 0 && n >= l.Requests {
			return
		}
		// Users take turns, so each sends as few requests as possible;
		// questions are drawn at random.
		user := n % int64(l.Users)
		seq := strconv.FormatInt(n, 10)
		cmd := slashCommand{
			Text:        l.Questions[rng.IntN(len(l.Questions))],
			UserID:      "ULOAD" + strconv.FormatInt(user, 10),
			UserName:    "load" + strconv.FormatInt(user, 10),
			ChannelID:   "CLOAD" + strconv.FormatInt(n%97, 10),
			TeamID:      "T0LOAD",
			ResponseURL: l.ResponseURL + seq,
			TriggerID:   seq + "." + strconv.FormatInt(user, 10) + "." + strconv.FormatUint(rng.Uint64(), 16),
		}
		t0 := time.Now()
		kind := l.send(ctx, sig, cmd.body())
		d := time.Since(t0)
		if kind != "" && ctx.Err() != nil {
			return // interrupted: neither a result nor an error
		}
		st.lat = append(st.lat, d)
		if kind != "" {
			st.errs[kind]++
		}
	}
}

// send posts one signed command and returns "" on success or the kind of
// failure: success is HTTP 200 with a JSON body whose "text" is not empty
// and is not durand's rate-limit reply.
func (l *loader) send(ctx context.Context, sig *signer, body []byte) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.Target, bytes.NewReader(body))
	if err != nil {
		return "request"
	}
	ts := strconv.FormatInt(l.Now().Unix(), 10)
	req.Header = http.Header{
		"Content-Type":              {"application/x-www-form-urlencoded"},
		"User-Agent":                {"Slackbot 1.0 (+https://api.slack.com/robots)"},
		"Accept":                    {"application/json,*/*"},
		"X-Slack-Request-Timestamp": {ts},
		"X-Slack-Signature":         {sig.sign(ts, body)},
	}
	resp, err := l.Client.Do(req)
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return "timeout"
		}
		return "transport"
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "read"
	}
	if resp.StatusCode != http.StatusOK {
		return "status_" + strconv.Itoa(resp.StatusCode)
	}
	var m struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return "bad_json"
	}
	if m.Text == "" {
		return "empty_text"
	}
	// A rate-limit reply is HTTP 200 with text, but it measures the
	// limiter, not the answer: the run was too fast per user.
	if l.LimitedText != "" && strings.Contains(m.Text, l.LimitedText) {
		return "rate_limited"
	}
	return ""
}
