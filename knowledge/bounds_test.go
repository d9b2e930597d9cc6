package knowledge_test

import (
	"runtime"
	"testing"
)

// maxBytesPerQuestion is the most one question may allocate, whatever it
// holds (issue: bounded work per message).
const maxBytesPerQuestion = 1 << 20

// allocated reports the bytes f allocates, as the runtime counts them.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestWorstInputsBounded answers, and completes, the costliest inputs the
// input limit admits, and fails when one allocates more than a megabyte.
// Their time is measured by BenchmarkWorstInputs.
func TestWorstInputsBounded(t *testing.T) {
	kb := base(t)
	kb.Answer("warm up the lazy parts") // one-time work is not the question's
	for _, w := range worstInputs {
		t.Run(w.name, func(t *testing.T) {
			if got := allocated(func() { kb.Answer(w.q) }); got > maxBytesPerQuestion {
				t.Errorf("Answer allocated %d bytes, want at most %d", got, maxBytesPerQuestion)
			}
			if got := allocated(func() { kb.Complete(w.q, 25) }); got > maxBytesPerQuestion {
				t.Errorf("Complete allocated %d bytes, want at most %d", got, maxBytesPerQuestion)
			}
		})
	}
}
