package slack

import (
	"errors"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"
)

// Reasons a request to the HTTP endpoints is rejected: the values of
// Config.OnReject's argument, and of durand_requests_rejected_total's
// reason label.
const (
	RejectUnsigned     = "unsigned"       // no signature or timestamp header
	RejectSignature    = "signature"      // a signature that does not match the body
	RejectStale        = "stale"          // a timestamp more than five minutes from now, or not a number
	RejectBodyTooLarge = "body_too_large" // a body over maxBody
	RejectUnreadable   = "unreadable"     // a body that could not be read
	RejectMethod       = "method"         // a method other than POST
	RejectNotFound     = "not_found"      // a path under /slack/ that is no endpoint
	RejectMalformed    = "malformed"      // correctly signed, but not a request durand understands
)

// rejectLogInterval is how often at most the adapter logs the requests it
// rejected, when Config.RejectLogInterval is zero: one WARN line with the
// counts since the last, however many arrive, so that anyone sending
// unsigned requests cannot fill the log.
const rejectLogInterval = 10 * time.Second

// rejectReason names why verify refused a request.
func rejectReason(err error) string {
	switch {
	case errors.Is(err, slackgo.ErrMissingHeaders):
		return RejectUnsigned
	case errors.Is(err, slackgo.ErrExpiredTimestamp), errors.Is(err, errBadTimestamp):
		return RejectStale
	}
	return RejectSignature
}

// reject answers a request with status and msg, counts it by reason and
// notes it for the aggregate log line.
func (a *Adapter) reject(w http.ResponseWriter, reason string, status int, msg string) {
	if status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", http.MethodPost)
	}
	http.Error(w, msg, status)
	if a.cfg.OnReject != nil {
		a.cfg.OnReject(reason)
	}
	a.rejects.note(reason)
}

// serveOther rejects what no endpoint takes: a method other than POST on
// an endpoint, and a path under /slack/ that is no endpoint.
func (a *Adapter) serveOther(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/slack/commands", "/slack/events", "/slack/interactions":
		a.reject(w, RejectMethod, http.StatusMethodNotAllowed, "method not allowed")
	default:
		a.reject(w, RejectNotFound, http.StatusNotFound, "not found")
	}
}

// rejectLog aggregates rejected requests into at most one log line per
// interval: the first rejection after a quiet interval starts a window,
// and when it ends one line reports how many were rejected in it, by
// reason. It is safe for concurrent use.
type rejectLog struct {
	log   *slog.Logger
	every time.Duration

	mu      sync.Mutex
	counts  map[string]int
	pending bool // a line is due at the end of the current window
}

func newRejectLog(log *slog.Logger, every time.Duration) *rejectLog {
	return &rejectLog{log: log, every: every, counts: map[string]int{}}
}

// note counts one rejection, starting a window when none is open.
func (l *rejectLog) note(reason string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.counts[reason]++
	if !l.pending {
		l.pending = true
		time.AfterFunc(l.every, l.flush)
	}
}

// flush logs the window's counts and closes it; with nothing counted it
// logs nothing. Nothing but the counts is logged: never a header, a body
// or a signature.
func (l *rejectLog) flush() {
	l.mu.Lock()
	if len(l.counts) == 0 {
		l.mu.Unlock()
		return
	}
	counts := l.counts
	l.counts, l.pending = map[string]int{}, false
	l.mu.Unlock()
	total := 0
	attrs := []any{"window", l.every.String()}
	for _, reason := range slices.Sorted(maps.Keys(counts)) {
		total += counts[reason]
		attrs = append(attrs, reason, counts[reason])
	}
	l.log.Warn("rejected requests", append([]any{"count", total}, attrs...)...)
}
