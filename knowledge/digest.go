package knowledge

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"time"
)

// OnThisDay returns the facts dated to the day (not just the month) whose
// anniversary is month/day, oldest first, reports about events (from
// bibliographies) last.
func (b *Base) OnThisDay(month, day int) []*Fact {
	var out []*Fact
	for _, i := range b.idx.byDay[month*100+day] {
		out = append(out, b.facts[i])
	}
	sortDated(out)
	return out
}

// Anniversary scopes, widest last: what DatedNear found.
const (
	ScopeDay   = "On this day"
	ScopeWeek  = "This week in earlier years"
	ScopeMonth = "This month in earlier years"
)

// DatedNear returns the facts whose anniversary falls on month/day before
// year (OnThisDay); when there are none, those dated to a day within
// weekReach days of it; when there are none, those dated to its month. The
// scope says which it found; facts are oldest first, reports about events
// last.
func (b *Base) DatedNear(year, month, day int) (facts []*Fact, scope string) {
	keep := func(fs []*Fact) []*Fact {
		var out []*Fact
		for _, f := range fs {
			if f.Date.Start.Year < year && !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
		return out
	}
	if fs := keep(b.OnThisDay(month, day)); len(fs) > 0 {
		return fs, ScopeDay
	}
	var week []*Fact
	for d := -weekReach; d <= weekReach; d++ {
		t := time.Date(year, time.Month(month), day+d, 0, 0, 0, 0, time.UTC)
		if d != 0 {
			week = append(week, b.OnThisDay(int(t.Month()), t.Day())...)
		}
	}
	if fs := keep(week); len(fs) > 0 {
		sortDated(fs)
		return fs, ScopeWeek
	}
	var inMonth []*Fact
	for _, f := range b.facts {
		if !f.Date.IsZero() && f.Date.Precision() >= MonthPrecision && f.Date.Start.Month == month {
			inMonth = append(inMonth, f)
		}
	}
	if fs := keep(inMonth); len(fs) > 0 {
		sortDated(fs)
		return fs, ScopeMonth
	}
	return nil, ScopeDay
}

// weekReach is how many days either side of a date "this week" reaches.
const weekReach = 3

// sortDated orders facts oldest first, reports about events last.
func sortDated(fs []*Fact) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Meta != fs[j].Meta {
			return !fs[i].Meta
		}
		return fs[i].Date.Start.Key() < fs[j].Date.Start.Key()
	})
}

// EntityTimeline returns up to n of an entity's dated facts in date order,
// leaving out reports about events and near-repeats, and how many more it
// has.
func (b *Base) EntityTimeline(id string, n int) (facts []*Fact, more int) {
	var dated []*Fact
	for _, i := range b.idx.entityFacts[id] {
		if f := b.facts[i]; !f.Date.IsZero() && !f.Meta && !b.redundant(f, dated) {
			dated = append(dated, f)
		}
	}
	sort.SliceStable(dated, func(i, j int) bool { return dated[i].Date.Start.Key() < dated[j].Date.Start.Key() })
	if len(dated) > n {
		// Keep the first and spread the rest: the story, not one week of it.
		step := float64(len(dated)-1) / float64(n-1)
		picked := make([]*Fact, 0, n)
		for k := 0; k < n; k++ {
			picked = append(picked, dated[int(float64(k)*step+0.5)])
		}
		return picked, len(dated) - n
	}
	return dated, 0
}

// Post returns the newest fact on a post the person holds, by the date its
// source shows it held (Fact.AsOf), or nil when the sources show none still
// held: a digest's focus on a person opens with it.
func (b *Base) Post(person string) *Fact {
	var best *Fact
	for _, i := range b.idx.entityFacts[person] {
		f := b.facts[i]
		if f.Type != TypeRole || f.Former() || f.AsOf.IsZero() || len(f.Entities) == 0 || f.Entities[0] != person {
			continue
		}
		if best == nil || f.AsOf.Start.Key() > best.AsOf.Start.Key() {
			best = f
		}
	}
	return best
}

// FocusEntities returns the people, groups, places and events with enough
// dated facts for a short timeline, in id order.
func (b *Base) FocusEntities() []*Entity { return b.focus }

// focusEntities computes FocusEntities, once, at load.
func (b *Base) focusEntities() []*Entity {
	var out []*Entity
	for _, e := range b.entities {
		switch e.Kind {
		case KindPerson, KindGroup, KindPlace, KindCrossing, KindEvent, KindOperation, KindAgreement:
		default:
			continue // outlets, documents and concepts make thin stories
		}
		if f, _ := b.EntityTimeline(e.ID, 3); len(f) >= 3 {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Fingerprints returns a hash of each fact's content (text, type, date,
// citation) by fact id, to notice facts added or changed between packs.
func (b *Base) Fingerprints() map[string]string {
	out := make(map[string]string, len(b.facts))
	for _, f := range b.facts {
		h := sha256.New()
		for _, s := range []string{f.Text, f.Type, f.RawDate, f.Cite.Doc, f.Cite.Section, f.Cite.Anchor} {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
		out[f.ID] = hex.EncodeToString(h.Sum(nil)[:12])
	}
	return out
}

// SourcesOf returns the distinct sources and sections the facts cite,
// without quotes: a digest's list of where its lines come from.
func (b *Base) SourcesOf(facts []*Fact) []SourceRef { return b.cite(facts, false) }

// DateLine renders a fact for a list: "5 September 2023 — …" with the
// fact's own opening date dropped; an undated one as stated.
func DateLine(f *Fact) string {
	if f.Date.IsZero() {
		return f.Stated()
	}
	return f.Date.String() + " — " + trimLeadingDate(f.Stated(), f.Date)
}
