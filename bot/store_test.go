package bot

import (
	"testing"
	"time"
)

func TestChoreDue(t *testing.T) {
	t0 := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	c := Chore{Every: time.Minute}
	steps := []struct {
		at   time.Time
		want bool
	}{
		{t0, true},                        // never done
		{t0.Add(30 * time.Second), false}, // too soon
		{t0.Add(time.Minute), true},       // a minute on
		{t0.Add(90 * time.Second), false}, // too soon again
		{t0.Add(-time.Hour), true},        // the clock went back
		{t0.Add(-time.Hour + 1), false},   // and on from there
		{t0.Add(-time.Hour + 61e9), true}, // a minute after that
	}
	for i, s := range steps {
		if got := c.Due(s.at); got != s.want {
			t.Errorf("step %d: Due(%v) = %v, want %v", i, s.at, got, s.want)
		}
	}
}
