package bot

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/durandbot/durand/knowledge"
)

// Digester composes daily digests from the pack: what happened on this day
// in past years, a fact of the day that rotates per channel through the
// whole pack without repeating, a short focus timeline of one entity, and
// what is new in the pack since the channel's last digest.
type Digester struct {
	KB *knowledge.Base
	// Store, when set, supplies each channel's rotation position and last
	// digest time. Without it the day itself picks the fact and focus, so
	// the same day always gives the same digest.
	Store Store
}

// Digest sizes: short enough to read in under a minute.
const (
	digestOnThisDay = 2
	digestFocus     = 3
	digestNew       = 2
)

// Compose builds channel k's digest for the local date (YYYY-MM-DD).
func (d *Digester) Compose(ctx context.Context, k ChannelKey, date string) (Digest, error) {
	day, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return Digest{}, fmt.Errorf("digest date %q: %w", date, err)
	}
	// The rotation position: digests sent to the channel so far, or, with
	// no store, the day's number, so that each day differs.
	pos := int(day.Unix() / 86400)
	var st DigestState
	if d.Store != nil {
		if st, err = d.Store.State(ctx, k); err != nil {
			return Digest{}, fmt.Errorf("digest state: %w", err)
		}
		pos = st.Sent
	}
	dg := Digest{Date: date, Title: "durand digest — " + day.Format("Monday 2 January 2006")}
	var cited []*knowledge.Fact

	// On this day; when nothing happened on it in earlier years, this week
	// or this month, and the heading says which.
	var lines []string
	near, scope := d.KB.DatedNear(day.Year(), int(day.Month()), day.Day())
	for _, f := range near {
		lines = append(lines, knowledge.DateLine(f))
		cited = append(cited, f)
		if len(lines) == digestOnThisDay {
			break
		}
	}
	if len(lines) > 0 {
		dg.Sections = append(dg.Sections, DigestSection{Heading: scope, Lines: lines})
	}

	// Fact of the day: the channel's own permutation of the pack, so every
	// fact comes round once before any repeats.
	if facts := d.rotation(k); len(facts) > 0 {
		f := facts[pos%len(facts)]
		dg.Sections = append(dg.Sections, DigestSection{Heading: "Fact of the day", Lines: []string{f.Stated()}})
		cited = append(cited, f)
	}

	// Focus: a short timeline of one entity, rotating.
	if ents := d.KB.FocusEntities(); len(ents) > 0 {
		perm := permutation(len(ents), seed(k, "focus"))
		e := ents[perm[pos%len(perm)]]
		tl, more := d.KB.EntityTimeline(e.ID, digestFocus)
		sec := DigestSection{Heading: "Focus: " + e.Name}
		if post := d.KB.Post(e.ID); post != nil && !slices.Contains(tl, post) {
			// Who the person is, and as of when, before what they did.
			sec.Lines = append(sec.Lines, post.Stated())
			cited = append(cited, post)
		}
		for _, f := range tl {
			sec.Lines = append(sec.Lines, knowledge.DateLine(f))
			cited = append(cited, f)
		}
		if more > 0 {
			sec.Lines = append(sec.Lines, fmt.Sprintf("…and %d more: ask “timeline %s”", more, e.Name))
		}
		dg.Sections = append(dg.Sections, sec)
	}

	// New in the pack since this channel's last digest.
	if d.Store != nil && !st.LastSent.IsZero() {
		ids, err := d.Store.ChangedSince(ctx, st.LastSent)
		if err != nil {
			return Digest{}, fmt.Errorf("digest changes: %w", err)
		}
		sec := DigestSection{Heading: "New in the pack"}
		for _, id := range ids {
			f, ok := d.KB.Fact(id)
			if !ok {
				continue
			}
			if len(sec.Lines) == digestNew {
				sec.Lines = append(sec.Lines, fmt.Sprintf("…and %d more", len(ids)-digestNew))
				break
			}
			sec.Lines = append(sec.Lines, f.Stated())
			cited = append(cited, f)
		}
		if len(sec.Lines) > 0 {
			dg.Sections = append(dg.Sections, sec)
		}
	}
	for _, s := range d.KB.SourcesOf(cited) {
		dg.Sources = append(dg.Sources, Source(s))
	}
	return dg, nil
}

// rotation is channel k's order of the facts eligible as fact of the day:
// every fact but reports about events, shuffled by the channel's seed.
func (d *Digester) rotation(k ChannelKey) []*knowledge.Fact {
	var facts []*knowledge.Fact
	for _, f := range d.KB.Facts() {
		if !f.Meta {
			facts = append(facts, f)
		}
	}
	out := make([]*knowledge.Fact, len(facts))
	for i, j := range permutation(len(facts), seed(k, "facts")) {
		out[i] = facts[j]
	}
	return out
}

// seed derives a stable seed from a channel and a purpose.
func seed(k ChannelKey, purpose string) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00%s", k.Platform, k.Channel, purpose)
	return h.Sum64()
}

// permutation is a stable pseudo-random order of 0..n-1 for a seed.
func permutation(n int, s uint64) []int {
	return rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15)).Perm(n)
}
