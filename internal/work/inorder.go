package work

import "sync"

// InOrder applies f to each item next yields, on up to workers goroutines
// at once, and hands the results to emit in the order of the items: each
// as soon as it is ready and all before it have been emitted. next is
// called on one goroutine, in turn; it reports false when there are no
// more items. Once emit returns an
// error, InOrder returns it at once: no more items are taken, those in
// flight are finished and dropped, and a call of next still waiting on
// its input returns in its own time, its item dropped too.
//
// At most 2×workers items are in flight, so memory stays bounded however
// long the input.
func InOrder[T, R any](workers int, next func() (T, bool), f func(T) R, emit func(R) error) error {
	workers = max(workers, 1)
	type slot struct {
		in  T
		out chan R
	}
	order := make(chan *slot, 2*workers) // the items, as taken
	todo := make(chan *slot, 2*workers)  // the same, for the workers
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range todo {
				s.out <- f(s.in)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(todo)
		for {
			select {
			case <-stop:
				return
			default:
			}
			it, ok := next()
			if !ok {
				return
			}
			s := &slot{in: it, out: make(chan R, 1)}
			select {
			case order <- s:
			case <-stop:
				return
			}
			todo <- s // never blocks for long: the workers take what order took
		}
	}()
	for s := range order {
		if err := emit(<-s.out); err != nil {
			close(stop)
			return err
		}
	}
	wg.Wait()
	return nil
}
