package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"runtime/debug"
	"sync"
	"time"
)

// Defaults for the zero values of Scheduler's fields.
const (
	defaultDigestLease    = 2 * time.Minute
	defaultDigestTick     = 30 * time.Second
	defaultDigestAttempts = 4
	defaultDigestBackoff  = time.Second
)

// Outcomes reported to Scheduler.OnResult.
const (
	OutcomePosted  = "posted"  // the digest was posted (and marked sent)
	OutcomeFailed  = "failed"  // this replica held the claim but did not post; the claim was released
	OutcomeSkipped = "skipped" // another replica's live claim holds the digest
)

// digestStoreTimeout bounds the store calls made after a post (MarkSent) or a
// failure (Release); they run even when the caller's context is done, so
// that a shutdown right after a post cannot lose its record.
const digestStoreTimeout = 10 * time.Second

// Scheduler posts each subscription's digest once per local day.
//
// Each (channel, local date) is claimed in the Store before it is posted,
// so that a restart, a crash or several replicas sharing one Store post it
// once: the replica that wins the claim composes and posts the digest and
// marks it sent; the others skip it. A claim that is never marked sent (its
// holder crashed) lapses after Lease, and the next RunOnce of any replica
// posts it then.
//
// The fields are read, never written, by the Scheduler: set them before the
// first call and leave them alone while it runs. Its methods are safe for
// concurrent use.
type Scheduler struct {
	Store   Store
	Posters map[string]Poster // by platform name ("slack", "discord", "console")
	// Compose builds the digest of channel k for the local date (YYYY-MM-DD).
	Compose func(ctx context.Context, k ChannelKey, date string) (Digest, error)
	Now     func() time.Time                                 // time.Now when nil
	Sleep   func(ctx context.Context, d time.Duration) error // waits d or until ctx is done; a real timer when nil
	Log     *slog.Logger                                     // discards when nil
	Owner   string                                           // this replica's name, e.g. host:pid
	Lease   time.Duration                                    // how long a claim holds unsent; 2 minutes when zero
	Tick    time.Duration                                    // how often Run looks for due digests; 30 seconds when zero
	// MaxAttempts is the number of posting attempts per digest, 429s
	// included; 4 when zero.
	MaxAttempts int
	// Backoff is the first retry wait after a 5xx/network error, doubled
	// each time, with jitter (each wait is drawn from [b/2, b] for the
	// current b); 1s when zero. A 429 waits its RetryAfterError.Wait
	// instead. No wait runs past the claim's lease: a retry whose wait
	// would leave less than a tenth of the lease for the attempt after it
	// is not made, and the digest fails.
	Backoff time.Duration
	// OnResult, when set, is told each digest's outcome (for metrics):
	// platform and "posted", "failed" or "skipped". Every digest this
	// replica claims ends in exactly one "posted" or "failed"; "failed" is
	// also reported when a due digest cannot be claimed or posted at all
	// (store error, unknown platform). "skipped" means another live claim
	// holds the digest (another replica is posting it). A digest already
	// sent reports nothing: that is the steady state of every tick for
	// the rest of the day. OnResult is called from several goroutines at
	// once.
	OnResult func(platform, outcome string)

	mu   sync.Mutex
	sent map[ChannelKey]string // the latest local date known to be sent, per channel
}

// Due reports the local date of now in the subscription's zone and whether
// that day's digest is due: the local time has reached the subscription's
// HH:MM (a time that does not exist that day, in a daylight-saving gap, is
// reached when the clock jumps past it).
//
// A digest stays due for the rest of its local day, so a digest missed
// while the bot was down is still due until local midnight; but a
// subscription made after that day's time (Since) starts the next day. A time that
// occurs twice (the repeated hour when clocks go back) is reached at its
// first occurrence. An empty zone is UTC. In the rare zones whose gap
// crosses midnight or that skip a whole day, a digest whose time falls in
// the gap or the skipped day is not due on that date.
func Due(s Subscription, now time.Time) (date string, due bool, err error) {
	loc, err := subscriptionZone(s)
	if err != nil {
		return "", false, err
	}
	local := now.In(loc)
	y, m, d := local.Date()
	at := reachedAt(loc, y, m, d, s.Hour, s.Minute)
	// A channel that subscribes after today's time starts tomorrow: a new
	// subscription is no missed digest to catch up on.
	if !s.Since.IsZero() && s.Since.After(at) {
		return local.Format(time.DateOnly), false, nil
	}
	return local.Format(time.DateOnly), !now.Before(at), nil
}

// NextRun returns the first instant after now at which s's digest falls due.
func NextRun(s Subscription, now time.Time) (time.Time, error) {
	loc, err := subscriptionZone(s)
	if err != nil {
		return time.Time{}, err
	}
	y, m, d := now.In(loc).Date()
	// Today's time may have passed; a skipped day or a gap across
	// midnight may cost one more.
	for i := range 4 {
		day := time.Date(y, m, d+i, 0, 0, 0, 0, time.UTC)
		dy, dm, dd := day.Date()
		at := reachedAt(loc, dy, dm, dd, s.Hour, s.Minute)
		if !at.After(now) {
			continue
		}
		if ay, am, ad := at.In(loc).Date(); ay == dy && am == dm && ad == dd {
			return at, nil
		}
	}
	return time.Time{}, fmt.Errorf("digest of %s/%s: no run time found after %s", s.Platform, s.Channel, now.Format(time.RFC3339))
}

// subscriptionZone checks s's time of day and loads its zone.
func subscriptionZone(s Subscription) (*time.Location, error) {
	if s.Hour < 0 || s.Hour > 23 || s.Minute < 0 || s.Minute > 59 {
		return nil, fmt.Errorf("digest of %s/%s: invalid time %02d:%02d", s.Platform, s.Channel, s.Hour, s.Minute)
	}
	loc, err := time.LoadLocation(s.Zone)
	if err != nil {
		return nil, fmt.Errorf("digest of %s/%s: zone %q: %w", s.Platform, s.Channel, s.Zone, err)
	}
	return loc, nil
}

// reachedAt returns the first instant at which the wall clock in loc
// reads y-m-d hh:mm or later: the time itself, its first occurrence when
// it occurs twice, or the instant the clock jumps past it when it does not
// occur.
func reachedAt(loc *time.Location, y int, m time.Month, d, hh, mm int) time.Time {
	// wall is the wall-clock reading wanted, written as if it were UTC; an
	// instant t whose zone offset is off reads t+off.
	wall := time.Date(y, m, d, hh, mm, 0, 0, time.UTC)
	// Zone offsets stay within ±15 hours, so the instants that read wall
	// lie within a day of it. Walk the spans of constant offset from a day
	// and a half before: within a span the reading rises with t, so the
	// span's first instant reading wall or later is max(span start,
	// wall-off), if that is before the span's end. The first span that has
	// one has the earliest.
	t := wall.Add(-36 * time.Hour)
	for range 64 { // a zone changes offset a few times a year at most
		lt := t.In(loc)
		_, off := lt.Zone()
		_, end := lt.ZoneBounds()
		c := wall.Add(-time.Duration(off) * time.Second)
		if c.Before(t) {
			c = t
		}
		if end.IsZero() || c.Before(end) {
			return c
		}
		t = end
	}
	return time.Date(y, m, d, hh, mm, 0, 0, loc) // unreachable for real zones
}

// RunOnce posts every digest that is due now and not yet posted (catch-up
// included: a digest missed while down is posted as long as it is still
// that local day), each subscription independently and concurrently, and
// waits for them.
//
// Failures are logged and reported to OnResult, never returned: a digest
// that failed is released, and a later RunOnce tries it again.
func (s *Scheduler) RunOnce(ctx context.Context) {
	s.runOnce(ctx)
}

// runOnce is RunOnce, returning the subscriptions it looked at.
func (s *Scheduler) runOnce(ctx context.Context) []Subscription {
	if ctx.Err() != nil {
		return nil
	}
	log := s.logger()
	if s.Store == nil {
		log.Error("digest scheduler: no store")
		return nil
	}
	subs, err := s.Store.Subscriptions(ctx)
	if err != nil {
		log.Error("digest scheduler: listing subscriptions", "error", err)
		return nil
	}
	var wg sync.WaitGroup
	for _, sub := range subs {
		wg.Go(func() { s.runOne(ctx, sub) })
	}
	wg.Wait()
	return subs
}

// runOne posts sub's digest if it is due, unsent and this replica wins its
// claim.
func (s *Scheduler) runOne(ctx context.Context, sub Subscription) {
	k := sub.Key()
	log := s.logger().With("platform", k.Platform, "channel", k.Channel)
	now := s.now()
	date, due, err := Due(sub, now)
	if err != nil {
		log.Error("digest: bad subscription", "zone", sub.Zone, "error", err)
		return
	}
	if !due || s.knownSent(k, date) || ctx.Err() != nil {
		return
	}
	log = log.With("date", date)
	poster := s.Posters[k.Platform]
	if poster == nil {
		// Checked before claiming, so that a replica without this
		// platform never holds a claim another replica could use.
		log.Error("digest: no poster for platform")
		s.result(k.Platform, OutcomeFailed)
		return
	}
	state, err := s.Store.Claim(ctx, k, date, s.Owner, now, s.lease())
	if err != nil {
		log.Error("digest: claim", "error", err)
		s.result(k.Platform, OutcomeFailed)
		return
	}
	switch state {
	case ClaimSent:
		s.markKnownSent(k, date)
	case ClaimHeld:
		log.Debug("digest: claimed by another owner")
		s.result(k.Platform, OutcomeSkipped)
	case ClaimWon:
		s.deliver(ctx, log, poster, k, date, now)
	default:
		log.Error("digest: unknown claim state", "state", state)
	}
}

// deliver composes and posts a digest whose claim this replica won at
// claimed, marks it sent, or releases it on failure.
func (s *Scheduler) deliver(ctx context.Context, log *slog.Logger, poster Poster, k ChannelKey, date string, claimed time.Time) {
	outcome := OutcomeFailed
	defer func() {
		if r := recover(); r != nil {
			log.Error("digest: panic", "panic", r, "stack", string(debug.Stack()))
		}
		if outcome == OutcomeFailed {
			s.release(ctx, log, k, date)
		}
		s.result(k.Platform, outcome)
	}()

	if s.Compose == nil {
		log.Error("digest: no Compose function")
		return
	}
	d, err := s.Compose(ctx, k, date)
	if err != nil {
		log.Error("digest: compose", "error", err)
		return
	}
	deadline := claimed.Add(s.lease())
	id, attempts, err := s.post(ctx, log, poster, k.Channel, d, deadline)
	if err != nil {
		log.Error("digest: post failed", "attempts", attempts, "error", err)
		return
	}
	outcome = OutcomePosted
	log.Info("digest: posted", "message", id, "attempts", attempts)
	s.markSent(ctx, log, k, date, id, deadline)
}

// post posts d to channel, retrying 429s after their wait and other errors
// with backoff, within MaxAttempts and before deadline. It returns the
// message id and the number of attempts made.
func (s *Scheduler) post(ctx context.Context, log *slog.Logger, poster Poster, channel string, d Digest, deadline time.Time) (string, int, error) {
	maxAttempts := s.MaxAttempts
	if maxAttempts <= 0 {
		maxAttempts = defaultDigestAttempts
	}
	reserve := s.lease() / 10 // kept for the attempt after a wait
	backoff := s.Backoff
	if backoff <= 0 {
		backoff = defaultDigestBackoff
	}
	for attempt := 1; ; attempt++ {
		remaining := deadline.Sub(s.now())
		if remaining <= 0 {
			return "", attempt - 1, errors.New("claim lease expired before posting")
		}
		actx, cancel := context.WithTimeout(ctx, remaining)
		id, err := poster.PostDigest(actx, channel, d)
		cancel()
		if err == nil {
			return id, attempt, nil
		}
		if attempt >= maxAttempts {
			return "", attempt, fmt.Errorf("giving up after %d attempts: %w", attempt, err)
		}
		if ctx.Err() != nil {
			return "", attempt, fmt.Errorf("interrupted: %w", err)
		}
		var wait time.Duration
		var ra *RetryAfterError
		if errors.As(err, &ra) && ra.Wait > 0 {
			wait = ra.Wait
		} else {
			wait = backoff/2 + rand.N(backoff/2+1)
			backoff = min(2*backoff, s.lease())
		}
		if s.now().Add(wait).After(deadline.Add(-reserve)) {
			return "", attempt, fmt.Errorf("next retry in %s would outlast the claim: %w", wait, err)
		}
		log.Warn("digest: post failed, retrying", "attempt", attempt, "wait", wait, "error", err)
		if serr := s.sleep(ctx, wait); serr != nil {
			return "", attempt, fmt.Errorf("interrupted: %w", err)
		}
	}
}

// markSent records a posted digest, retrying a failing store while the
// lease lasts. It goes on when ctx is done: the post happened.
func (s *Scheduler) markSent(ctx context.Context, log *slog.Logger, k ChannelKey, date, id string, deadline time.Time) {
	ctx = context.WithoutCancel(ctx)
	backoff := s.Backoff
	if backoff <= 0 {
		backoff = defaultDigestBackoff
	}
	for attempt := 1; ; attempt++ {
		sctx, cancel := context.WithTimeout(ctx, digestStoreTimeout)
		err := s.Store.MarkSent(sctx, k, date, s.Owner, id, s.now())
		cancel()
		switch {
		case err == nil:
			s.markKnownSent(k, date)
			return
		case errors.Is(err, ErrClaimLost):
			// The lease ran out during the post and another owner took
			// the claim: it may post this digest a second time.
			log.Error("digest: posted after the claim was lost", "message", id, "error", err)
			return
		case attempt >= defaultDigestAttempts || s.now().Add(backoff).After(deadline):
			log.Error("digest: posted but not marked sent", "message", id, "error", err)
			return
		}
		log.Warn("digest: mark sent failed, retrying", "attempt", attempt, "error", err)
		if s.sleep(ctx, backoff) != nil {
			return
		}
		backoff *= 2
	}
}

// release gives up this replica's claim on a digest that was not posted,
// so that a later tick (of any replica) tries again at once.
func (s *Scheduler) release(ctx context.Context, log *slog.Logger, k ChannelKey, date string) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), digestStoreTimeout)
	defer cancel()
	if err := s.Store.Release(rctx, k, date, s.Owner); err != nil {
		log.Error("digest: release claim", "error", err)
	}
}

// Run calls RunOnce at start and then every Tick (or sooner, at the next
// NextRun) until ctx is done; it returns nil then. It returns an error
// only when it cannot run: no Store, or a Sleep that fails while ctx is
// not done.
func (s *Scheduler) Run(ctx context.Context) error {
	if s.Store == nil {
		return errors.New("digest scheduler: no store")
	}
	tick := s.Tick
	if tick <= 0 {
		tick = defaultDigestTick
	}
	for {
		subs := s.runOnce(ctx)
		if ctx.Err() != nil {
			return nil
		}
		wait := tick
		now := s.now()
		for _, sub := range subs {
			if next, err := NextRun(sub, now); err == nil {
				wait = min(wait, next.Sub(now))
			}
		}
		if err := s.sleep(ctx, wait); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("digest scheduler: sleep: %w", err)
		}
	}
}

// knownSent reports whether this Scheduler saw k's digest for date sent,
// sparing the store a claim on every tick for the rest of the day.
func (s *Scheduler) knownSent(k ChannelKey, date string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sent[k] == date
}

// markKnownSent remembers that k's digest for date was sent. Only the
// latest date is kept per channel.
func (s *Scheduler) markKnownSent(k ChannelKey, date string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sent == nil {
		s.sent = map[ChannelKey]string{}
	}
	if date > s.sent[k] {
		s.sent[k] = date
	}
}

func (s *Scheduler) result(platform, outcome string) {
	if s.OnResult != nil {
		s.OnResult(platform, outcome)
	}
}

func (s *Scheduler) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Scheduler) sleep(ctx context.Context, d time.Duration) error {
	if s.Sleep != nil {
		return s.Sleep(ctx, d)
	}
	return sleepTimer(ctx, d)
}

func (s *Scheduler) lease() time.Duration {
	if s.Lease > 0 {
		return s.Lease
	}
	return defaultDigestLease
}

func (s *Scheduler) logger() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.New(slog.DiscardHandler)
}

// sleepTimer waits d on a real timer, or until ctx is done.
func sleepTimer(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
