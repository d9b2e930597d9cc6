package knowledge

// Timelines: dated facts about what was asked, in order.

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
)

// timeline answers "what happened in September 2023" and "timeline of the
// TTP": dated facts in order, compact, capped. It reports false when it has
// nothing to say, so that ordinary ranking can try.
func (b *Base) timeline(q *query, a *Answer) bool {
	ix := b.idx
	var idxs []int
	// extra are dated facts on what the question names that narrowing to
	// its specific entities left out: they may still fill a gap in what it
	// lists ("TTP history: founding, the Peshawar school attack").
	var extra []int
	var narrow []string
	for _, l := range q.links {
		if q.namesSource(ix, &l) {
			continue // "per Gul's paper": what the paper says, not what names Gul
		}
		for _, e := range l.entities {
			if !ix.broad(e.ID) {
				narrow = append(narrow, e.ID)
			}
		}
	}
	from, to, about, between := b.fromTo(q)
	switch {
	case between && len(about) > 0:
		// "from the monarchy to the Soviet invasion": what happened
		// between the two, on what the question and the two ends name.
		ids := about
		for _, l := range q.links {
			for _, e := range l.entities {
				ids = append(ids, e.ID)
			}
		}
		for _, i := range ix.dated(b, from, to) {
			if d := b.facts[i].Date; d.Within(from, to) && slices.ContainsFunc(ids, func(id string) bool { return contains(b.facts[i].Entities, id) }) {
				idxs = append(idxs, i)
			}
		}
	case q.hasSpan:
		if q.unknownName(b, nil) != "" {
			// "what happened in the July 2023 Zhob garrison attack": what
			// happened then, but not of a place the pack has never heard
			// of, is no answer.
			return false
		}
		for _, i := range ix.dated(b, q.from, q.to) {
			// A fact dated only to its year says nothing about a month, nor
			// does a trend over several years.
			d := b.facts[i].Date
			if d.Precision() < q.from.Precision() {
				continue
			}
			if d.End.Year != 0 && q.from.Month != 0 && d.End.Key()-d.Start.Key() > 300 {
				continue
			}
			idxs = append(idxs, i)
		}
		if len(narrow) > 0 {
			var keep []int
			for _, i := range idxs {
				for _, id := range narrow {
					if contains(b.facts[i].Entities, id) {
						keep = append(keep, i)
						break
					}
				}
			}
			if len(keep) == 0 && !slices.ContainsFunc(narrow, func(id string) bool { return ix.entityDoc[id] != "" }) {
				// "what happened with Iran's strikes in April 2024": nothing
				// then on Iran. (An author named is the source, not the
				// topic.)
				return false
			}
			if len(keep) > 0 {
				extra = slices.DeleteFunc(idxs, func(i int) bool { return slices.Contains(keep, i) })
				idxs = keep
			}
		}
	case len(q.links) > 0:
		seen := map[int]bool{}
		ids := narrow
		if len(ids) == 0 {
			for _, l := range q.links {
				for _, e := range l.entities {
					ids = append(ids, e.ID)
				}
			}
		}
		for _, id := range ids {
			for _, i := range ix.entityFacts[id] {
				if !b.facts[i].Date.IsZero() && !seen[i] {
					seen[i] = true
					idxs = append(idxs, i)
				}
			}
		}
		if len(narrow) > 0 {
			for _, l := range q.links {
				for _, e := range l.entities {
					for _, i := range ix.entityFacts[e.ID] {
						if ix.broad(e.ID) && !b.facts[i].Date.IsZero() && !seen[i] {
							seen[i] = true
							extra = append(extra, i)
						}
					}
				}
			}
		}
	}
	if slices.ContainsFunc(q.links, func(l link) bool { return q.namesSource(ix, &l) }) {
		// "per Gul's paper": the dates that paper gives, where it gives
		// any. (A source told only by the words describing it, "per the
		// history piece", is a guess, and narrows nothing.)
		// Nor is what the paper says of itself or its author a date on
		// the topic.
		other := func(i int) bool {
			f := b.facts[i]
			return f.Cite.Doc != q.sourceDoc || len(f.Entities) > 0 && ix.entityDoc[f.Entities[0]] == q.sourceDoc
		}
		if own := slices.DeleteFunc(slices.Clone(idxs), other); len(own) > 0 {
			idxs, extra = own, slices.DeleteFunc(extra, other)
		}
	}
	lastShown := 0               // the latest date of this timeline's entries shown, as a key
	shownYears := map[int]bool{} // the years of those entries
	if len(q.shown) > 0 {
		for _, i := range slices.Concat(idxs, extra) {
			if q.shown[b.facts[i].ID] {
				lastShown = max(lastShown, b.facts[i].Date.Start.Key())
				shownYears[b.facts[i].Date.Start.Year] = true
			}
		}
		// "more": what the conversation has seen is not shown again.
		seen := func(i int) bool { return q.shown[b.facts[i].ID] }
		idxs = slices.DeleteFunc(idxs, seen)
		extra = slices.DeleteFunc(extra, seen)
		if len(idxs) == 0 && q.hasSpan {
			// "more" after the civil war's entries of the 1990s: what else
			// the span holds on the question's words.
			if idxs = b.coveringAny(q, extra); len(idxs) == 0 {
				idxs = extra
			}
			extra = nil
		}
	}
	if len(idxs) == 0 {
		return false
	}
	if q.after.Year != 0 {
		// What came next: the earliest entries after it, in date order.
		idxs = slices.DeleteFunc(idxs, func(i int) bool { return b.facts[i].Date.Start.Key() <= q.after.Key() })
		if len(idxs) == 0 {
			return false
		}
		sort.SliceStable(idxs, func(x, y int) bool { return b.facts[idxs[x]].Date.Start.Key() < b.facts[idxs[y]].Date.Start.Key() })
		if milestones := b.milestones(q, idxs); milestones != nil {
			// Decades still to go: a page is one entry a year, the most
			// telling, and "more" goes on past the years shown.
			idxs = slices.DeleteFunc(milestones, func(i int) bool { return b.facts[i].Date.Start.Key() <= lastShown })
			if len(idxs) == 0 {
				return false
			}
		}
		var used []*Fact
		limit := timelineCap
		if q.limit > 0 {
			limit = min(limit, q.limit)
		}
		for k, i := range idxs {
			if len(used) == limit {
				a.More = len(idxs) - k
				break
			}
			if f := b.facts[i]; !b.redundant(f, used) {
				used = append(used, f)
			}
		}
		b.timelineLines(q, a, used)
		return true
	}
	if len(idxs) > timelinePool {
		// Sample evenly across the span rather than score every fact in it.
		step := float64(len(idxs)) / timelinePool
		sample := make([]int, 0, timelinePool)
		for k := 0; k < timelinePool; k++ {
			sample = append(sample, idxs[int(float64(k)*step)])
		}
		more := len(idxs) - timelinePool
		idxs = sample
		defer func() { a.More += more }()
	}
	// Pick the most telling entries, then show them in date order.
	es := b.byTimelineScore(q, idxs)
	// First the entries that between them cover what the question names —
	// "founding, the Peshawar school attack, dropping global jihad" wants
	// each — then the best of the rest.
	order := append(slices.Clone(es), b.byTimelineScore(q, b.coveringAny(q, extra))...)
	var used []*Fact
	taken := map[int]bool{}
	for _, i := range b.coverPick(q, order, timelineCap) {
		if f := b.facts[i]; !b.redundant(f, used) {
			used = append(used, f)
			taken[i] = true
		}
	}
	// Then the most telling of the rest. Asked for a history or its key
	// dates, a year not yet shown comes first: an overview spreads over the
	// years before it dwells on one.
	years := map[int]bool{}
	for _, f := range used {
		years[f.Date.Start.Year] = true
	}
	// (So does a timeline that runs on from a year: "since 2021" is no
	// list of 2021's events.) The next page of any other timeline goes on
	// first to years after those shown, before it fills in between them.
	spread := slices.ContainsFunc(q.units, func(u unit) bool { return u.frame }) || q.hasSpan && q.to.Year == openYear
	onward := !spread && len(shownYears) > 0
	if onward {
		maps.Copy(years, shownYears)
	}
	for _, i := range es {
		if len(used) == timelineCap || !spread && !onward {
			break
		}
		if f := b.facts[i]; !taken[i] && !years[f.Date.Start.Year] && (!onward || f.Date.Start.Key() > lastShown) && !b.redundant(f, used) {
			used = append(used, f)
			taken[i] = true
			years[f.Date.Start.Year] = true
		}
	}
	// The rest fill what room is left: the entries on what the question
	// names first, then the dated facts beside them that cover a word it
	// uses ("the North Waziristan attack and then the airstrikes": the
	// strikes of 18 March are on HGB, not on the attack).
	more := 0
	for k, i := range order {
		if len(used) == timelineCap {
			more = len(order) - k // not checked for repeats: an upper bound
			break
		}
		if f := b.facts[i]; !taken[i] && !b.redundant(f, used) {
			used = append(used, f)
		}
	}
	sort.SliceStable(used, func(x, y int) bool { return used[x].Date.Start.Key() < used[y].Date.Start.Key() })
	a.More = more
	b.timelineLines(q, a, used)
	return true
}

// milestones returns, of idxs in date order, the most telling entry of
// each year in date order, when they span at least milestoneBuckets years,
// or else of each month, when they span that many months; nil otherwise.
// "More" after the first page of Afghanistan's history from Zahir Shah on
// goes on through the decades, not through the three entries of 1973
// before the next.
func (b *Base) milestones(q *query, idxs []int) []int {
	// A year each over decades; over a few crowded years, a month each.
	for _, bucket := range []func(p Point) int{
		func(p Point) int { return p.Year },
		func(p Point) int { return p.Year*100 + p.Month },
	} {
		seen := map[int]bool{}
		for _, i := range idxs {
			seen[bucket(b.facts[i].Date.Start)] = true
		}
		if len(seen) < milestoneBuckets {
			continue
		}
		best := map[int]bool{}
		taken := map[int]bool{}
		for _, i := range b.byTimelineScore(q, idxs) {
			if k := bucket(b.facts[i].Date.Start); !taken[k] {
				taken[k], best[i] = true, true
			}
		}
		return slices.DeleteFunc(slices.Clone(idxs), func(i int) bool { return !best[i] })
	}
	return nil
}

// milestoneBuckets is how many years (or, failing those, months) the
// rest of a timeline must span for it to go one entry a year (or a month):
// about three pages of them.
const milestoneBuckets = 3 * timelineCap

// timelineLines writes the timeline of used, in date order, into a: its
// key dates, then an entry a line.
func (b *Base) timelineLines(q *query, a *Answer, used []*Fact) {
	if len(used) >= 2 {
		a.Lines = append(a.Lines, b.keyDates(q, used))
	}
	for _, f := range used {
		a.Lines = append(a.Lines, DateLine(f))
	}
	a.Facts = used
	a.Sources = b.sourcesOf(used)
	a.Answered = true
	a.Confidence = 1
	if c := b.idx.models.Timeline.Share; c > 0 {
		a.Confidence = round2(c) // how often timelines are right, measured
	}
}

// fromTo finds the span a timeline question gives by two events rather
// than by dates: "from the monarchy to the Soviet invasion". Each end is
// the date of the best dated fact on its words, and about the entities
// those facts are about; ok is false when the question gives no such span,
// or an end has no dated fact or names only places.
func (b *Base) fromTo(q *query) (from, to Point, about []string, ok bool) {
	if q.intent != IntentTimeline {
		return from, to, nil, false
	}
	start, mid := -1, -1
	for i, t := range q.toks {
		switch {
		case start < 0 && t == "from":
			start = i
		case start >= 0 && mid < 0 && i > start+1 && (t == "to" || t == "till" || t == "until" || t == "through"):
			mid = i
		}
	}
	if start < 0 || mid < 0 || mid+1 >= len(q.toks) {
		return from, to, nil, false
	}
	x, xs, okx := b.anchorDate(q.toks[start+1:mid], false)
	y, ys, oky := b.anchorDate(q.toks[mid+1:], true)
	if !okx || !oky {
		return from, to, nil, false
	}
	about = append(xs, ys...)
	if y.Start.Key() < x.Start.Key() {
		x, y = y, x
	}
	to = y.Start
	if y.End.Year != 0 {
		to = y.End
	}
	return x.Start, to, about, true
}

// anchorDate returns the date of the best-ranked dated fact on words, one
// end of a span given by events, and the entities that fact is about (none
// for an end given as a date). A group or person said alone as the span's
// last end (last) runs through their first era: "from Zahir Shah to the
// Taliban" takes in the Taliban's rule, not only the year they appear.
func (b *Base) anchorDate(words []string, last bool) (Date, []string, bool) {
	sub := b.parse(strings.Join(words, " "))
	defer b.idx.release(sub)
	if sub.hasSpan {
		return Date{Start: sub.from, End: sub.to}, nil, true // "from 1973 to the invasion"
	}
	if len(sub.units) == 0 || !slices.ContainsFunc(sub.units, func(u unit) bool {
		return u.link == nil || u.link.entities[0].Kind != KindPlace
	}) {
		return Date{}, nil, false // "from Pakistan to Afghanistan" names places, not a time
	}
	if len(sub.links) == 1 && len(sub.units) == 1 {
		// "from Zahir Shah up to the Taliban": a group or a person said
		// alone is an end at their first dated fact, when they appear.
		if e := sub.links[0].entities[0]; e.Kind == KindGroup || e.Kind == KindPerson || e.Kind == KindOrganisation {
			if p := b.firstDated(e); p.Year != 0 {
				var about []string // what the facts of that year on them are about
				for _, i := range b.idx.entityFacts[e.ID] {
					if f := b.facts[i]; f.Date.Start.Year == p.Year {
						about = append(about, f.Entities...)
					}
				}
				d := Date{Start: p}
				if last {
					d.End = b.firstEraEnd(e, p)
				}
				return d, about, true
			}
		}
	}
	for k, s := range b.rank(sub) {
		if k == anchorReach {
			break
		}
		if f := b.facts[s.fact]; !f.Date.IsZero() {
			return f.Date, f.Entities, true
		}
	}
	return Date{}, nil, false
}

// firstEraEnd returns the end of e's first era from p, its first dated
// fact: the last of the dated facts on e that follow each other with no
// gap longer than eraGap years; the zero Point, no end, when none follows
// within that gap.
func (b *Base) firstEraEnd(e *Entity, p Point) Point {
	var years []int
	for _, i := range b.idx.entityFacts[e.ID] {
		if d := b.facts[i].Date; d.Start.Year != 0 {
			years = append(years, d.Start.Year)
		}
	}
	slices.Sort(years)
	end := p.Year
	for _, y := range years {
		if y > end+eraGap {
			break
		}
		end = max(end, y)
	}
	if end == p.Year {
		return Point{}
	}
	return Point{Year: end}
}

// eraGap is the longest run of years without a dated fact on a group or
// person that their first era spans: the Taliban's facts run from 1994 to
// 2001, and then from 2020.
const eraGap = 2

// anchorReach is how far down its ranking an end of a span given by events
// looks for a dated fact.
const anchorReach = 3

// trimLeadingDate drops an opening "On 5 September 2023," from a fact's
// text when the date is printed beside it anyway.
func trimLeadingDate(text string, d Date) string {
	ds := d.Start.String()
	for _, p := range []string{"On " + ds + ", ", "In " + ds + ", ", "On " + ds + " ", "In " + ds + " "} {
		if strings.HasPrefix(text, p) {
			return upperFirst(text[len(p):])
		}
	}
	return text
}

// coverPick picks, from the candidate facts in order of preference, up to
// n that between them cover the most of the question's words, greedily:
// each pick adds the most weight of words not yet covered, a word only
// related to a fact's counting less, and a bibliography entry's cover half.
// Ties are broken as closer says, then by the earlier candidate. It stops
// when no candidate adds any.
func (b *Base) coverPick(q *query, cands []int, n int) []int {
	covered := make([]bool, len(q.units))
	var out []int
	// gap is how many years fact i lies from the nearest fact picked.
	gap := func(i int) int {
		d := math.MaxInt
		for _, o := range out {
			d = min(d, abs(b.facts[i].Date.Start.Year-b.facts[o].Date.Start.Year))
		}
		return d
	}
	// subject is whether fact i's subject is what the question names
	// first, its topic.
	subject := func(i int) bool {
		f := b.facts[i]
		return len(f.Entities) > 0 && len(q.links) > 0 && slices.ContainsFunc(q.links[0].entities, func(e *Entity) bool { return e.ID == f.Entities[0] })
	}
	// Of two entries that cover the question's words equally, the one
	// whose subject is the question's topic wins ("TTP: founding, …" wants the
	// TTP's founding, not a founding deputy's speech); then, or where they
	// cover only names, the one nearer in time to those picked ("Herat,
	// then Kabul": 1996, not 2021).
	closer := func(i, best int, words bool) bool {
		if si, sb := subject(i), subject(best); words && si != sb {
			return si
		}
		return gap(i) < gap(best)
	}
	for len(out) < n {
		best, bestGain := -1, 0.0
		for _, i := range cands {
			if slices.Contains(out, i) {
				continue
			}
			gain, words := 0.0, false
			for k := range q.units {
				if !covered[k] && !q.units[k].frame {
					c := b.coverCredit(i, &q.units[k])
					gain += q.units[k].weight * c
					words = words || c > 0 && q.units[k].link == nil
				}
			}
			if b.facts[i].Meta {
				gain *= metaCoverShare // a report about the event, not the event
			}
			if gain > bestGain || gain > 0 && gain == bestGain && closer(i, best, words) {
				best, bestGain = i, gain
			}
		}
		if best < 0 {
			break
		}
		out = append(out, best)
		for k := range q.units {
			covered[k] = covered[k] || b.unitCovered(best, &q.units[k])
		}
	}
	return out
}

// metaCoverShare is how much a bibliography or endnote entry's cover
// counts in picking timeline entries: it dates a report, and the event
// itself, where the pack has it, says more.
const metaCoverShare = 0.5

// coverCredit is how well fact i covers question word u: fully for a
// name it is about or a word it uses, less for a word only related to it
// ("launched" is not "founded", though WordNet relates them).
func (b *Base) coverCredit(i int, u *unit) float64 {
	if u.link != nil {
		if b.unitCovered(i, u) {
			return 1
		}
		return 0
	}
	c := termCredit(i, u)
	if c < 1 && b.idx.altCovers(i, *u) {
		c = max(c, u.relCredit)
	}
	return c
}

// unitCovered reports whether fact i covers question word u: for a name,
// the fact is about one of the entities it names; for a word, the fact or
// its alternate questions use it.
func (b *Base) unitCovered(i int, u *unit) bool {
	if u.link != nil {
		return slices.ContainsFunc(u.link.entities, func(e *Entity) bool { return contains(b.facts[i].Entities, e.ID) })
	}
	return b.idx.covers(i, *u)
}

// byTimelineScore returns the facts idxs, the most telling timeline entry
// first: precisely dated events that cover the question's words.
func (b *Base) byTimelineScore(q *query, idxs []int) []int {
	type entry struct {
		i     int
		score float64
	}
	es := make([]entry, 0, len(idxs))
	for _, i := range idxs {
		f := b.facts[i]
		s := float64(f.Date.Precision())
		if f.Type == TypeEvent {
			s += 2
		}
		if f.Meta {
			s -= 3
		}
		s += b.score(q, i).cov * 2
		es = append(es, entry{i, s})
	}
	sort.SliceStable(es, func(x, y int) bool { return es[x].score > es[y].score })
	out := make([]int, len(es))
	for k, e := range es {
		out[k] = e.i
	}
	return out
}

// coveringAny returns, of the facts idxs, at most timelinePool that cover
// one of the question's words that is not a name.
func (b *Base) coveringAny(q *query, idxs []int) []int {
	var out []int
	for _, i := range idxs {
		if len(out) == timelinePool {
			break
		}
		if slices.ContainsFunc(q.units, func(u unit) bool { return u.link == nil && b.unitCovered(i, &u) }) {
			out = append(out, i)
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// keyDates sums a timeline up in one line, its lead: each entry's date and
// the thing it is about that the question did not name ("Key dates: 1995
// (Herat), 1996 (Kabul)."), so the dates asked for come first and the
// entries that follow tell them.
func (b *Base) keyDates(q *query, used []*Fact) string {
	parts := make([]string, 0, len(used))
	for _, f := range used {
		part := f.Date.String()
		if e := b.entryLabel(q, f); e != nil {
			part += " (" + shortName(e) + ")"
		}
		if len(parts) == 0 || parts[len(parts)-1] != part {
			parts = append(parts, part) // two entries on one thing that day are one key date
		}
	}
	return "Key dates: " + strings.Join(parts, ", ") + "."
}

// entryLabel returns what a timeline entry is about, for its key date: the
// first thing the fact names that the question does not, is no author or
// document, and is not named everywhere (a broad entity); nil if none.
func (b *Base) entryLabel(q *query, f *Fact) *Entity {
	for _, id := range f.Entities {
		e := b.entityByID[id]
		if e == nil || q.linked(id) || b.idx.broad(id) || b.idx.entityDoc[id] != "" || e.Kind == KindDocument {
			continue
		}
		return e
	}
	return nil
}

// shortName is how a key date names an entity: by its abbreviation when it
// has one ("HGB"), else by its name without the date or note in brackets
// that tells it from another ("Chitral attack (September 2023)").
func shortName(e *Entity) string {
	if e.Abbr != "" {
		return e.Abbr
	}
	if i := strings.LastIndex(e.Name, " ("); i > 0 && strings.HasSuffix(e.Name, ")") {
		return e.Name[:i]
	}
	return e.Name
}
