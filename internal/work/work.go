// Package work runs the background work a chat adapter starts for a
// request — answering, posting, following up — so that each piece has a
// deadline, is counted, and can be abandoned when the process shuts down.
package work

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Group is the background work of one adapter. It is safe for concurrent
// use.
type Group struct {
	timeout time.Duration
	log     *slog.Logger

	wg   sync.WaitGroup // tasks still running
	busy atomic.Int64   // how many; for the log when they are abandoned
	// quit is cancelled when Shutdown abandons the tasks still running;
	// every task's context ends with it.
	quit    context.Context
	abandon context.CancelFunc
}

// New returns a Group whose tasks end after timeout at the latest; it logs
// abandoned tasks and panics to log.
func New(timeout time.Duration, log *slog.Logger) *Group {
	g := &Group{timeout: timeout, log: log}
	g.quit, g.abandon = context.WithCancel(context.Background())
	return g
}

// Go runs f on its own goroutine. f's context keeps parent's values but
// not its cancellation, so that the work outlives the request that
// started it; it ends after the Group's timeout, or when Shutdown
// abandons it. A panic in f is logged, and the process goes on.
func (g *Group) Go(parent context.Context, f func(ctx context.Context)) {
	g.wg.Add(1)
	g.busy.Add(1)
	go func() {
		defer g.wg.Done()
		defer g.busy.Add(-1)
		ctx, cancel := context.WithTimeout(context.WithoutCancel(parent), g.timeout)
		defer cancel()
		defer context.AfterFunc(g.quit, cancel)()
		defer func() {
			if p := recover(); p != nil {
				g.log.ErrorContext(ctx, "panic in background work", "panic", fmt.Sprint(p))
			}
		}()
		f(ctx)
	}()
}

// Wait blocks until every task has returned, or until Shutdown has
// abandoned those still running (they return as soon as they notice).
func (g *Group) Wait() {
	done := make(chan struct{})
	go func() { g.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-g.quit.Done():
	}
}

// Shutdown waits for the tasks still running until ctx is done, then
// abandons the rest: their contexts are cancelled, so that their calls
// return at once, and their number is logged and returned. Tasks started
// after that are abandoned as they start.
func (g *Group) Shutdown(ctx context.Context) int {
	done := make(chan struct{})
	go func() { g.wg.Wait(); close(done) }()
	select {
	case <-done:
		return 0
	case <-ctx.Done():
	}
	g.abandon()
	n := int(g.busy.Load())
	if n > 0 {
		g.log.WarnContext(ctx, "shutdown: unfinished work abandoned", "tasks", n)
	}
	return n
}

// Busy is how many tasks are running.
func (g *Group) Busy() int { return int(g.busy.Load()) }
