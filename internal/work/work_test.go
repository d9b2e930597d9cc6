package work

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
)

type ctxKey struct{}

// TestGroup runs tasks that finish, time out, outlive their request,
// panic, and hang until Shutdown abandons them.
func TestGroup(t *testing.T) {
	var logs bytes.Buffer
	g := New(50*time.Millisecond, slog.New(slog.NewTextHandler(&logs, nil)))

	// A task keeps its request's values but not its cancellation, and
	// ends at the Group's timeout.
	req, cancelReq := context.WithCancel(context.WithValue(context.Background(), ctxKey{}, "v"))
	cancelReq()
	got := make(chan error, 1)
	g.Go(req, func(ctx context.Context) {
		if ctx.Value(ctxKey{}) != "v" {
			got <- errors.New("lost the request's values")
			return
		}
		<-ctx.Done()
		got <- ctx.Err()
	})
	if err := <-got; !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a task's context ended with %v, want the timeout", err)
	}

	// A panic is logged and the process goes on.
	g.Go(context.Background(), func(context.Context) { panic("boom") })
	g.Wait()
	if !strings.Contains(logs.String(), "panic in background work") {
		t.Errorf("the panic was not logged:\n%s", logs.String())
	}
	if g.Busy() != 0 {
		t.Errorf("Busy() = %d after Wait, want 0", g.Busy())
	}

	// Shutdown with nothing running returns 0 at once.
	if n := g.Shutdown(context.Background()); n != 0 {
		t.Errorf("Shutdown with no work = %d, want 0", n)
	}
}

// TestShutdownAbandons: a task that would run past the shutdown's deadline
// is cancelled, counted and logged, and Wait returns.
func TestShutdownAbandons(t *testing.T) {
	var logs bytes.Buffer
	g := New(time.Hour, slog.New(slog.NewTextHandler(&logs, nil)))
	started := make(chan struct{})
	ended := make(chan error, 1)
	g.Go(context.Background(), func(ctx context.Context) {
		close(started)
		<-ctx.Done()
		ended <- ctx.Err()
	})
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if n := g.Shutdown(ctx); n != 1 {
		t.Errorf("Shutdown abandoned %d tasks, want 1", n)
	}
	if err := <-ended; !errors.Is(err, context.Canceled) {
		t.Errorf("the abandoned task's context ended with %v, want cancelled", err)
	}
	g.Wait()
	if !strings.Contains(logs.String(), "unfinished work abandoned") {
		t.Errorf("the abandoned work was not logged:\n%s", logs.String())
	}
}
