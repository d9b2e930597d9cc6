package bot

// The curators' gaps report: declined and 👎 questions, near-duplicates
// grouped, most frequent first, each with what the pack holds nearest it.

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/durandbot/durand/internal/textcut"
	"github.com/durandbot/durand/knowledge"
)

// GapReport is the curators' report of what durand could not answer well
// in a period: the declined and 👎 questions, grouped.
type GapReport struct {
	Since, Until time.Time
	Groups       []GapGroup // most frequent first
	More         int        // groups past the number asked for, left out
	// Untexted counts the declined and 👎 records kept without their
	// question (DURAND_GAPS=0): counted here, never grouped.
	Untexted int
	// Up counts the 👍 votes in the period, for scale.
	Up int
}

// GapGroup is one gap: questions declined or voted 👎 that are
// near-duplicates of each other — the same entities and intent, or nearly
// the same words.
type GapGroup struct {
	// Question is the group's representative wording: its most frequent,
	// the one of those with the fewest typos, then the most recent.
	Question string
	// Variants are the group's other wordings, most frequent first, at
	// most maxGapVariants: candidates for alternate questions.
	Variants []string
	Count    int // records in the group
	Declined int // of which declined
	Down     int // of which voted 👎
	Last     time.Time
	// Comments are what 👎 voters said was wrong: distinct, most recent
	// first, at most maxGapComments.
	Comments []string
	// Near is what the pack holds nearest the question: the entities it
	// names (those of every wording) and its nearest facts — what to
	// attach an alias, an alternate question or a fact to.
	Near knowledge.Near
	// DownFacts are the fact ids of the answers voted 👎, most often
	// voted first.
	DownFacts []string
	Platforms []string // sorted
}

// Limits on the gaps report's work and size.
const (
	// maxGapTexts is how many distinct wordings, the most frequent first,
	// are linked and ranked against the pack and compared with each
	// other; the rest are grouped by their exact text only. Linking and
	// ranking one costs about half a millisecond and the comparisons grow
	// with the square of their number, so a report over a busy quarter
	// stays within a second or two.
	maxGapTexts = 1000
	// maxFuzzyRunes is the longest wording compared letter by letter;
	// the comparison's work grows with the product of two lengths, and
	// longer wordings are pasted text rather than questions.
	maxFuzzyRunes = 200
	// fuzzyRunesPerEdit is how many letters a wording needs per edit it
	// may differ by and still count as the same question: one edit in 8
	// letters takes in a typo or two in a question ("torkam", "crikcet")
	// and keeps "kabul" apart from "lahore".
	fuzzyRunesPerEdit = 8
	// nearFacts is how many of the pack's nearest facts a group shows.
	nearFacts = 3
	// maxGapComments and maxGapVariants cap what a group lists.
	maxGapComments = 5
	maxGapVariants = 5
	// maxDownFacts caps the fact ids of 👎'd answers a group lists.
	maxDownFacts = 4
)

// wording is one distinct question text of the report, with its records'
// tallies.
type wording struct {
	text           string
	count          int
	declined, down int
	last           time.Time
	comments       []dated
	facts          map[string]int // 👎'd answers' fact ids, by votes
	platforms      map[string]bool
	near           knowledge.Near
	key            string // intent and sorted entity ids; "" when it names none
	hist           letterHist
	runes          int
}

// dated is a comment with the time it was made.
type dated struct {
	at   time.Time
	text string
}

// Gaps reads the feedback kept since since and returns the curators'
// report: declined and 👎 questions grouped, most frequent first, at most
// n groups (all when n ≤ 0). kb, when not nil, supplies what the pack
// holds nearest each question and groups questions naming the same
// entities with the same intent; without it, only near-identical
// wordings are grouped. until is the report's end, as the caller's clock
// tells it.
func Gaps(ctx context.Context, s Store, kb *knowledge.Base, since, until time.Time, n int) (GapReport, error) {
	rep := GapReport{Since: since, Until: until}
	recs, err := s.FeedbackSince(ctx, since)
	if err != nil {
		return rep, fmt.Errorf("reading feedback: %w", err)
	}
	byText := map[string]*wording{}
	var ws []*wording
	for _, f := range recs {
		if f.Rating == RatingUp {
			rep.Up++
			continue
		}
		if f.Rating != RatingDeclined && f.Rating != RatingDown {
			continue
		}
		text := strings.Join(strings.Fields(f.Question), " ")
		if text == "" {
			rep.Untexted++
			continue
		}
		w := byText[text]
		if w == nil {
			w = &wording{text: text, facts: map[string]int{}, platforms: map[string]bool{}}
			byText[text] = w
			ws = append(ws, w)
		}
		w.count++
		if f.Rating == RatingDown {
			w.down++
			for _, id := range f.Facts {
				w.facts[id]++
			}
		} else {
			w.declined++
		}
		if f.Time.After(w.last) {
			w.last = f.Time
		}
		if c := strings.TrimSpace(f.Comment); c != "" {
			w.comments = append(w.comments, dated{f.Time, c})
		}
		if f.Platform != "" {
			w.platforms[f.Platform] = true
		}
	}
	slices.SortFunc(ws, func(a, b *wording) int {
		return cmp.Or(b.count-a.count, b.last.Compare(a.last), strings.Compare(a.text, b.text))
	})
	groups, err := group(ctx, kb, ws)
	if err != nil {
		return rep, err
	}
	for _, g := range groups {
		rep.Groups = append(rep.Groups, summarise(g))
	}
	slices.SortFunc(rep.Groups, func(a, b GapGroup) int {
		return cmp.Or(b.Count-a.Count, b.Last.Compare(a.Last), strings.Compare(a.Question, b.Question))
	})
	if n > 0 && len(rep.Groups) > n {
		rep.More = len(rep.Groups) - n
		rep.Groups = rep.Groups[:n]
	}
	return rep, nil
}

// group puts ws, most frequent first, into groups of near-duplicates.
// Two of the first maxGapTexts wordings join when they name the same
// entities with the same intent, or when their texts are a few edits
// apart and the groups they join name no two different sets of entities;
// the rest stand alone.
func group(ctx context.Context, kb *knowledge.Base, ws []*wording) ([][]*wording, error) {
	m := min(len(ws), maxGapTexts)
	parent := make([]int, len(ws))
	// keys holds, per group root, the one intent-and-entities key its
	// wordings share, or "" while they name no entities.
	keys := make([]string, len(ws))
	for i := range ws {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		parent[rb] = ra
		if keys[ra] == "" {
			keys[ra] = keys[rb]
		}
	}
	byKey := map[string]int{}
	for i, w := range ws[:m] {
		if kb != nil {
			w.near = kb.Near(w.text, nearFacts)
			w.key = nearKey(w.near)
		}
		w.runes = utf8.RuneCountInString(w.text)
		w.hist = histogram(w.text)
		if w.key == "" {
			continue
		}
		keys[i] = w.key
		if j, ok := byKey[w.key]; ok {
			union(j, i)
		} else {
			byKey[w.key] = i
		}
	}
	for i := 0; i < m; i++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("grouping questions: %w", err)
		}
		for j := i + 1; j < m; j++ {
			ri, rj := find(i), find(j)
			if ri == rj || keys[ri] != "" && keys[rj] != "" && keys[ri] != keys[rj] || !fuzzyEqual(ws[i], ws[j]) {
				continue
			}
			union(i, j)
		}
	}
	var out [][]*wording
	at := map[int]int{}
	for i, w := range ws {
		r := find(i)
		k, ok := at[r]
		if !ok {
			k = len(out)
			at[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], w)
	}
	return out, nil
}

// nearKey is what questions naming the same entities with the same
// intent share; "" for a question that names none.
func nearKey(n knowledge.Near) string {
	if len(n.Entities) == 0 {
		return ""
	}
	ids := slices.Clone(n.Entities)
	slices.Sort(ids)
	return n.Intent.String() + ":" + strings.Join(ids, ",")
}

// fuzzyEqual reports whether a's and b's texts are a few edits apart: at
// most one in fuzzyRunesPerEdit letters of the longer.
func fuzzyEqual(a, b *wording) bool {
	long := max(a.runes, b.runes)
	edits := long / fuzzyRunesPerEdit
	if edits == 0 || long > maxFuzzyRunes || abs(a.runes-b.runes) > edits {
		return false
	}
	// Each edit changes the letter counts by at most two: a cheap bound
	// that spares most pairs the full distance.
	if a.hist.diff(b.hist) > 2*edits {
		return false
	}
	return knowledge.EditDistance(a.text, b.text) <= edits
}

// letterHist counts a text's letters a–z, digits and everything else.
type letterHist [28]int16

func histogram(s string) letterHist {
	var h letterHist
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			h[r-'a']++
		case r >= '0' && r <= '9':
			h[26]++
		default:
			h[27]++
		}
	}
	return h
}

// diff is the sum of the differences of two histograms' counts.
func (h letterHist) diff(o letterHist) int {
	d := 0
	for i := range h {
		d += abs(int(h[i]) - int(o[i]))
	}
	return d
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// summarise tallies one group of wordings, most frequent first.
func summarise(ws []*wording) GapGroup {
	// The most frequent wording, and of those the one read with the
	// fewest spelling corrections, then the most recent (ws's order).
	rep := ws[0]
	for _, w := range ws[1:] {
		if w.count == rep.count && w.near.Edits < rep.near.Edits {
			rep = w
		}
	}
	g := GapGroup{Question: rep.text, Near: knowledge.Near{Intent: rep.near.Intent, Facts: rep.near.Facts, Edits: rep.near.Edits}}
	var comments []dated
	facts := map[string]int{}
	platforms := map[string]bool{}
	seen := map[string]bool{}
	for _, w := range ws {
		g.Count += w.count
		g.Declined += w.declined
		g.Down += w.down
		if w.last.After(g.Last) {
			g.Last = w.last
		}
		if w != rep && len(g.Variants) < maxGapVariants {
			g.Variants = append(g.Variants, w.text)
		}
		comments = append(comments, w.comments...)
		for id, c := range w.facts {
			facts[id] += c
		}
		for p := range w.platforms {
			platforms[p] = true
		}
		for _, id := range w.near.Entities {
			if !seen[id] {
				seen[id] = true
				g.Near.Entities = append(g.Near.Entities, id)
			}
		}
		if g.Near.Facts == nil {
			g.Near.Facts = w.near.Facts
		}
	}
	slices.SortStableFunc(comments, func(a, b dated) int { return b.at.Compare(a.at) })
	for _, c := range comments {
		if len(g.Comments) == maxGapComments {
			break
		}
		if !slices.Contains(g.Comments, c.text) {
			g.Comments = append(g.Comments, c.text)
		}
	}
	for id := range facts {
		g.DownFacts = append(g.DownFacts, id)
	}
	slices.SortFunc(g.DownFacts, func(a, b string) int { return cmp.Or(facts[b]-facts[a], strings.Compare(a, b)) })
	if len(g.DownFacts) > maxDownFacts {
		g.DownFacts = g.DownFacts[:maxDownFacts]
	}
	for p := range platforms {
		g.Platforms = append(g.Platforms, p)
	}
	slices.Sort(g.Platforms)
	return g
}

// Tally says how the group's records divide: "3 declined, 1 👎".
func (g GapGroup) Tally() string {
	var parts []string
	if g.Declined > 0 {
		parts = append(parts, fmt.Sprintf("%d declined", g.Declined))
	}
	if g.Down > 0 {
		parts = append(parts, fmt.Sprintf("%d 👎", g.Down))
	}
	return strings.Join(parts, ", ")
}

// The chat command's report.
const (
	// gapsPeriod is how far back the chat command's report looks: the
	// default of durand gaps --since, and what its text says ("the last
	// 30 days").
	gapsPeriod = 30 * 24 * time.Hour
	// gapsShown is how many groups the chat command shows.
	gapsShown = 10
	// gapsLineRunes is the most of a wording or comment a chat line
	// shows.
	gapsLineRunes = 80
)

// gapsCommand shows curators the top of the gaps report.
func (r *Router) gapsCommand(ctx context.Context, m Message) Response {
	s := r.feedback
	if s == nil || s.Store == nil {
		return Response{Kind: KindInfo, Lead: "Feedback is not kept on this server, so there is no gaps report."}
	}
	if !m.Curator {
		who := m.CuratorHint
		if who == "" {
			who = "curators"
		}
		return Response{Kind: KindInfo, Lead: "Only " + who + " can see the gaps report; anyone can ask me questions."}
	}
	if !r.settings.allow(userKey(m)) {
		return Response{Kind: KindInfo, Lead: "You're asking for the gaps report too often; please try again in a minute."}
	}
	now := s.Now()
	rep, err := Gaps(ctx, s.Store, r.Base(), now.Add(-gapsPeriod), now, gapsShown)
	if err != nil {
		r.log.ErrorContext(ctx, "gaps report", "err", err)
		return Response{Kind: KindError, Lead: "I couldn't read the feedback store. Please try again shortly."}
	}
	resp := Response{Kind: KindInfo, Lead: "Questions I answered badly or not at all in the last 30 days, most frequent first:"}
	if len(rep.Groups) == 0 {
		resp.Lead = "No declined or 👎 questions with their text in the last 30 days."
	}
	for _, g := range rep.Groups {
		line := fmt.Sprintf("%d× “%s” (%s), last %s", g.Count, textcut.Trim(g.Question, gapsLineRunes), g.Tally(), g.Last.UTC().Format("2 Jan 15:04 MST"))
		if near := slices.Concat(g.Near.Entities, g.Near.Facts); len(near) > 0 {
			line += " · near " + strings.Join(near, ", ")
		}
		if len(g.Comments) > 0 {
			line += " · “" + textcut.Trim(g.Comments[0], gapsLineRunes) + "”"
		}
		resp.Lines = append(resp.Lines, line)
	}
	var foot []string
	if rep.More > 0 {
		foot = append(foot, fmt.Sprintf("%d more groups", rep.More))
	}
	if rep.Untexted > 0 {
		foot = append(foot, fmt.Sprintf("%d kept without their text", rep.Untexted))
	}
	foot = append(foot, "durand gaps gives the full report")
	resp.Lines = append(resp.Lines, strings.Join(foot, " · "))
	return resp
}
