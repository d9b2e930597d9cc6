package work

import (
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// TestInOrder: results come out in the order of the items, however long
// each takes and however many workers there are; no more items are worked
// on at once than there are workers; and an error from emit stops the
// taking of items.
func TestInOrder(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 7} {
		const n = 200
		i := 0
		next := func() (int, bool) { i++; return i, i <= n }
		var inFlight, most atomic.Int64
		f := func(k int) int {
			c := inFlight.Add(1)
			for m := most.Load(); c > m && !most.CompareAndSwap(m, c); m = most.Load() {
			}
			time.Sleep(time.Duration(k%5) * 100 * time.Microsecond) // later items often finish first
			inFlight.Add(-1)
			return k * k
		}
		var got []int
		err := InOrder(workers, next, f, func(r int) error {
			got = append(got, r)
			return nil
		})
		if err != nil {
			t.Fatalf("workers %d: %v", workers, err)
		}
		if len(got) != n {
			t.Fatalf("workers %d: %d results, want %d", workers, len(got), n)
		}
		for k, r := range got {
			if r != (k+1)*(k+1) {
				t.Fatalf("workers %d: result %d is %d, want %d", workers, k, r, (k+1)*(k+1))
			}
		}
		if limit := int64(max(workers, 1)); most.Load() > limit {
			t.Errorf("workers %d: %d items worked on at once", workers, most.Load())
		}
	}

	var taken atomic.Int64
	stop := errors.New("stdout closed")
	err := InOrder(2, func() (int64, bool) { return taken.Add(1), true }, func(k int64) int64 { return k }, func(r int64) error {
		if r == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("InOrder = %v, want emit's error", err)
	}
	time.Sleep(10 * time.Millisecond) // the feeder notices
	if n := taken.Load(); n > 3+2*2+2 {
		t.Errorf("%d items taken after emit failed at the third", n)
	}
}
