package knowledge

// Composing: the best fact first, then the other sides of its conflict
// and supporting facts while the answer stays short.

import (
	"slices"
	"strings"
)

// compose turns the ranked facts into a short answer: the best fact, the
// other sides of any conflict it belongs to, then supporting facts while the
// answer stays short.
func (b *Base) compose(q *query, a *Answer, ranked []scored) {
	lead := b.facts[ranked[0].fact]
	a.Answered = true
	a.Confidence = round2(ranked[0].conf)
	used := []*Fact{lead}
	if c := b.conflictByID[lead.Conflict]; c != nil && c.Kind != "distinct" {
		// The best-fitting side leads, so the answer's first sentence
		// answers; the others follow at once, flagged as differing.
		a.Lines = append(a.Lines, b.attributed(lead))
		var others []string
		for _, id := range c.Facts {
			if f := b.factByID[id]; f != lead {
				others = append(others, b.attributed(f))
				used = append(used, f)
			}
		}
		// A joined question's other part ("PoR vs ACC holders") is
		// answered in the lead sentence, as for any lead.
		var more []*Fact
		rs, _ := b.partners(q, ranked)
		for _, r := range rs {
			more = append(more, b.facts[ranked[r].fact])
		}
		if q.also >= 0 {
			more = append(more, b.clauseAnswers(q)...) // "how many hold PoR cards and how many got ACCs"
		}
		for _, f := range more {
			if !slices.Contains(used, f) && !b.redundant(f, used) {
				a.Lines[0] = joinClauses(a.Lines[0], b.attributed(f))
				used = append(used, f)
			}
		}
		switch {
		case len(others) > 0 && q.comparesSides():
			// "was it 14 or 15?": the disagreement is what is asked, so
			// the first sentence carries every side.
			a.Lines[0] = joinClauses(a.Lines[0], "but the sources differ: "+strings.Join(others, " "))
		case len(others) > 0:
			a.Lines = append(a.Lines, "The sources differ: "+strings.Join(others, " "))
		}
		for _, f := range b.figuresBeside(q, ranked, used) {
			// "what numbers did Kakar give", led by his disputed 15 of
			// 24: his 60 percent rise that day comes too.
			a.Lines = append(a.Lines, f.Stated())
			used = append(used, f)
		}
		a.Facts = append([]*Fact{lead}, used[1:]...)
		a.Sources = b.sourcesOf(a.Facts)
		return
	}
	a.Lines = []string{withItems(lead)}
	if q.intent == IntentWhen && !lead.Date.IsZero() && !textNamesAnyYear(lead.Text) {
		// A when-question is answered by a date: one the fact's own words
		// leave out is put first ("April 2024 — The paper was published").
		a.Lines[0] = DateLine(lead)
	}
	words := wordCount(lead.Text)
	// A joined question's other parts are answered in the lead sentence
	// itself, so that it answers all that was asked: "65 attacks …; they
	// killed 136".
	joinLead := func(f *Fact) {
		used = append(used, f)
		a.Lines[0] = joinClauses(a.Lines[0], f.Stated())
		words += wordCount(f.Text)
	}
	if f := b.otherEnd(q, ranked, used); f != nil {
		// "TTP attacks claimed: Dec 2021 vs April 2022": April's 54 leads,
		// and December's 45 joins it; the two times are what is joined.
		joinLead(f)
	} else {
		rs, _ := b.partners(q, ranked)
		for _, r := range rs {
			// A joined question: the facts that answer its other parts
			// come with the lead, whatever their length.
			joinLead(b.facts[ranked[r].fact])
		}
	}
	if q.also >= 0 {
		// Two questions joined: each is asked on its own, and the answer
		// to the one the lead does not answer joins it ("Chitral attack
		// date and when did Pakistan issue the demarche").
		for _, f := range b.clauseAnswers(q) {
			if !slices.Contains(used, f) && !b.redundant(f, used) {
				joinLead(f)
			}
		}
	}
	if q.intent == IntentWhen && len(used) == 1 {
		// "March 2024" answers when, but the day is better, where the
		// pack knows it.
		if f := b.sharperDate(lead); f != nil && !slices.Contains(used, f) {
			joinLead(f)
		}
	}
	if q.also >= 0 && len(used) == 1 {
		// A second question: its best fact joins the lead.
		if f := b.bestFor(q, q.also, ranked, used); f != nil {
			joinLead(f)
		}
	}
	limit := maxWords
	reaction := q.asksReaction() && usesWordOf(lead, responseWords)
	if q.intent == IntentWhy || reaction {
		limit += 15 // reasons, and responses, come in several
	}
	if others := b.disputing(q, ranked[0].fact); len(others) > 0 && len(used) == 1 {
		// "how many PoR holders", led by the UNHCR breakdown that gives
		// Bhonsle's 1.3 million: the FNF paper's 1.4 million differs.
		var lines []string
		for _, f := range others {
			lines = append(lines, b.attributed(f))
			used = append(used, f)
			words += wordCount(f.Text)
		}
		a.Lines = append(a.Lines, "The sources differ: "+strings.Join(lines, " "))
	}
	for _, f := range b.figuresBeside(q, ranked, used) {
		used = append(used, f)
		a.Lines = append(a.Lines, f.Stated())
		words += wordCount(f.Text)
	}
	for _, s := range ranked[1:] {
		f := b.facts[s.fact]
		if reaction && len(used) <= maxSupport && s.score >= ranked[0].score-reactionGap && s.conf >= 0.9*ranked[0].conf &&
			usesWordOf(f, responseWords) && sameSubject(lead, f) && (!b.redundant(f, used) || otherResponse(f, used)) && words+wordCount(f.Text) <= limit {
			// "how did the Taliban respond to the April 2022 strikes":
			// they warned, and they summoned the ambassador. A party's
			// responses to one thing come together.
			used = append(used, f)
			a.Lines = append(a.Lines, f.Stated())
			words += wordCount(f.Text)
			continue
		}
		if len(used) > maxSupport || s.conf < b.idx.tune.minConfidence || s.score < ranked[0].score-1.5 {
			if reaction && s.score >= ranked[0].score-reactionGap {
				continue // a response further down may still join
			}
			break
		}
		room := limit
		if b.namesWhoLeadOmits(ranked[0], s) {
			room += whoNamedWords
		}
		if detailsAdvice(q, lead, f) {
			room += adviceListWords
		}
		if words+wordCount(f.Text) > room || b.redundant(f, used) {
			continue
		}
		if f.Conflict != "" && b.conflictByID[f.Conflict].Kind != "distinct" {
			continue // a conflict is reported whole or not at all
		}
		used = append(used, f)
		a.Lines = append(a.Lines, f.Stated())
		words += wordCount(f.Text)
	}
	for _, s := range ranked[1:] {
		// A fact drawn from the very words the lead was drawn from says
		// the rest of what they say of the same thing, when there is
		// room: an e-tazkira is an Afghan electronic identity card, which
		// Pakistan accepted at the border only until 31 October 2023.
		if f := b.facts[s.fact]; len(used) <= maxSupport && f.Cite.Doc == lead.Cite.Doc && f.Cite.Quote == lead.Cite.Quote && f.Cite.Quote != "" && tellsOf(f, lead) &&
			s.conf >= b.idx.tune.minConfidence && words+wordCount(f.Text) <= limit && !slices.Contains(used, f) && !b.redundant(f, used) && f.Conflict == "" {
			used = append(used, f)
			a.Lines = append(a.Lines, f.Stated())
			words += wordCount(f.Text)
		}
	}
	if c := b.conflictByID[lead.Conflict]; c != nil && c.Kind == "distinct" {
		a.Lines = append(a.Lines, upperFirst(c.Topic)+".") // "The name PDPA belongs to two different bodies."
	}
	a.Facts = used
	a.Sources = b.sourcesOf(used)
}

// sharperDate returns the fact that dates the lead's event to the day when
// the lead dates it only to the month or the year: "its March 2024
// airstrikes" is made exact by "on 18 March 2024 Pakistan retaliated". The
// event is the lead's subject, an event, operation or agreement; the day
// must fall within the lead's date and be the only day the facts about
// that event give there, or which day was meant is unknown. Nil when
// there is none.
func (b *Base) sharperDate(lead *Fact) *Fact {
	d := lead.Date
	if d.IsZero() || d.End.Year != 0 || d.Precision() == DayPrecision || len(lead.Entities) == 0 {
		return nil
	}
	ev := lead.Entities[0]
	if e := b.entityByID[ev]; e == nil || !isDeed(e) {
		return nil
	}
	var day *Fact
	for _, i := range b.idx.subjectOf[ev] {
		f := b.facts[i]
		if f.Date.Precision() != DayPrecision || f.Date.End.Year != 0 || !f.Date.Within(d.Start, d.Start) {
			continue
		}
		if day != nil && day.Date.Start != f.Date.Start {
			return nil // two days in the lead's month: which is unknown
		}
		if day == nil {
			day = f
		}
	}
	return day
}

// namesWhoLeadOmits reports whether, asked who, the lead names no person,
// only a party in passing ("mediated by the Afghan government"), and s
// names who did it ("interior minister Sirajuddin Haqqani acted as
// arbiter"): the person is what was asked, and joins however long the
// lead.
func (b *Base) namesWhoLeadOmits(lead, s scored) bool {
	if lead.feat.Signs[signWhoInPassing] == 0 || s.feat.Signs[signWhoAnswers] == 0 {
		return false
	}
	return !slices.ContainsFunc(b.facts[lead.fact].Entities, b.isPerson)
}

// whoNamedWords is how far past maxWords a fact that names who was asked
// may take the answer when the lead names its party only in passing.
const whoNamedWords = 30

// detailsAdvice reports whether, asked what someone should do, list f
// gives the steps of the advice that lead, from the same source, gives:
// "raise economic pressure" is answered in full with the four measures
// the analysis proposes for it.
func detailsAdvice(q *query, lead, f *Fact) bool {
	return f.Type == TypeList && f.Cite.Doc == lead.Cite.Doc && asksAdvice(q.toks) &&
		usesWordOf(lead, adviceWords) && usesWordOf(f, adviceWords)
}

// adviceListWords is how far past maxWords the list of steps that details
// the advice leading an answer may take it.
const adviceListWords = 40

// reactionGap is how far below the lead, in rank score, another response
// of the same party may stand and still join it, asked how that party
// responded: the ranking scores the one it likes best far ahead of the
// others, though each is an answer.
const reactionGap = 4.0

// responseWords say what a party did in response: warned, condemned,
// summoned an envoy.
var responseWords = setOf(`warned warn summoned summon condemned condemn protested protest retaliated retaliate denounced denounce rebuked rebuke rejected reject criticised criticized threatened`)

// otherResponse reports whether f tells of a response none of used tells
// of: summoning an envoy, after a warning, is another answer however many
// words the two facts share.
func otherResponse(f *Fact, used []*Fact) bool {
	for _, t := range f.textWords() {
		if responseWords[t] && !slices.ContainsFunc(used, func(u *Fact) bool { return slices.Contains(u.textWords(), t) }) {
			return true
		}
	}
	return false
}

// sameSubject reports whether facts f and g are first about the same
// entity.
func sameSubject(f, g *Fact) bool {
	return len(f.Entities) > 0 && len(g.Entities) > 0 && f.Entities[0] == g.Entities[0]
}

// tellsOf reports whether fact f tells of what fact lead is about: it
// names lead's subject, or lead names f's.
func tellsOf(f, lead *Fact) bool {
	return len(f.Entities) > 0 && len(lead.Entities) > 0 && (contains(f.Entities, lead.Entities[0]) || contains(lead.Entities, f.Entities[0]))
}

// figuresBeside returns, for a question for figures in the plural ("what
// numbers did Kakar give"), the ranked facts that give other figures of
// the lead's subject on the lead's day, none in used: the figures one
// speaker gave on one day come together. At most maxSupport.
func (b *Base) figuresBeside(q *query, ranked []scored, used []*Fact) []*Fact {
	lead := b.facts[ranked[0].fact]
	if q.intent != IntentHowMany || !q.asksFigures() || lead.Date.IsZero() {
		return nil
	}
	var out []*Fact
	for _, s := range ranked[1:] {
		f := b.facts[s.fact]
		if len(out) == maxSupport || s.score < ranked[0].score-reactionGap {
			break
		}
		if hasFigure(f) && sameSubject(lead, f) && f.Date == lead.Date && f.Conflict == "" && !slices.Contains(used, f) && !b.redundant(f, append(used, out...)) {
			out = append(out, f)
		}
	}
	return out
}

// asksFigures reports whether the question asks for figures in the
// plural: "what numbers did he give", "Kakar's stats".
func (q *query) asksFigures() bool {
	return slices.ContainsFunc(q.toks, func(t string) bool { return pluralFigureNouns[t] })
}

// pluralFigureNouns ask for figures, several of them (figureNouns, one).
var pluralFigureNouns = setOf(`numbers figures stats statistics data`)

// asksReaction reports whether the question asks how someone responded:
// "how did the Taliban respond to the strikes", "Kabul's reaction".
func (q *query) asksReaction() bool {
	return slices.ContainsFunc(q.toks, func(t string) bool {
		return t == "respond" || t == "responded" || t == "response" || t == "react" || t == "reacted" || t == "reaction"
	})
}

// clauseAnswer is one clause of a joined question asked alone: its
// ranking, the model's chance, and whether it is answered (answersClause).
type clauseAnswer struct {
	ranked []scored
	p      float64
	ok     bool
}

// clauseAnswersOf asks each of two joined questions on its own (see
// clauses), once per question: compose and the decline both use them.
// ok is false when the question is not two joined questions.
func (b *Base) clauseAnswersOf(q *query) ([]clauseAnswer, bool) {
	if q.clauses == nil {
		q.clauses = []clauseAnswer{} // asked: not again
		if subs, ok := b.clauses(q); ok {
			for _, sub := range subs {
				ranked, p, ok := b.answersClause(sub)
				q.clauses = append(q.clauses, clauseAnswer{ranked, p, ok})
				b.idx.release(sub)
			}
		}
	}
	return q.clauses, len(q.clauses) > 0
}

// clauseAnswers returns the facts that answer the clauses of a joined
// question with confidence; a clause that names nothing is left to
// bestFor.
func (b *Base) clauseAnswers(q *query) []*Fact {
	cs, _ := b.clauseAnswersOf(q)
	var out []*Fact
	for _, c := range cs {
		if c.ok {
			out = append(out, b.facts[c.ranked[0].fact])
		}
	}
	return out
}

// clausesAnswered reports whether each clause of a joined question,
// asked alone, is answered with confidence, and the chance that both
// answers are right (the product of theirs) reaches the threshold. ranked
// is the first clause's ranking, which compose leads with; the second
// clause's answer joins it there.
func (b *Base) clausesAnswered(q *query) (ranked []scored, p float64, ok bool) {
	cs, ok := b.clauseAnswersOf(q)
	if !ok {
		return nil, 0, false
	}
	p = 1
	for _, c := range cs {
		if !c.ok {
			return nil, 0, false
		}
		p *= c.p
	}
	return cs[0].ranked, p, p >= b.idx.models.Confidence.Threshold
}

// answersClause ranks one clause of a joined question as if it were asked
// alone, and reports whether its best fact answers it with confidence: the
// clause names something, the model's chance reaches the threshold, and the
// fact neither lacks the part asked nor leaves it open. p is that chance.
func (b *Base) answersClause(sub *query) (ranked []scored, p float64, ok bool) {
	if sub.future || sub.intent == IntentTimeline || sub.also >= 0 {
		return nil, 0, false
	}
	if ranked = b.rank(sub); len(ranked) == 0 {
		return nil, 0, false
	}
	ranked = b.placeFirst(sub, ranked)
	m := b.idx.models.Confidence
	p = m.prob(b.confInputs(sub, ranked))
	ok = p >= m.Threshold && b.missingPart(sub, ranked) == "" && b.openAsked(sub, ranked) < 0
	return ranked, p, ok
}

// bestFor picks, among the ranked facts, the best one of the kind a second
// intent wants.
func (b *Base) bestFor(q *query, in Intent, ranked []scored, used []*Fact) *Fact {
	want := map[Intent]string{IntentStatement: TypeStatement, IntentWhy: TypeCause, IntentList: TypeList,
		IntentDefine: TypeDefinition, IntentWho: TypeRole}[in]
	// A fact that gives the part the first answer lacks (its date, its
	// figure) is not redundant, however like the first it reads.
	gives := func(f *Fact) bool {
		for _, u := range used {
			if in == IntentWhen && !u.Date.IsZero() || in == IntentHowMany && len(u.Numbers) > 0 {
				return false
			}
		}
		return in == IntentWhen && !f.Date.IsZero() || in == IntentHowMany && len(f.Numbers) > 0
	}
	for _, s := range ranked[1:] {
		f := b.facts[s.fact]
		if s.conf < b.idx.tune.minConfidence || b.redundant(f, used) && !gives(f) || s.feat.MissedEntity > 0 {
			continue // the second part is about the same thing as the first
		}
		ok := f.Type == want
		switch in {
		case IntentWhen:
			ok = !f.Date.IsZero()
		case IntentHowMany:
			ok = len(f.Numbers) > 0
		}
		if ok {
			return f
		}
	}
	return nil
}

// withItems renders a list fact with its items when its text does not
// already spell them out; any other fact as stated (see Fact.Stated).
func withItems(f *Fact) string {
	if len(f.Items) == 0 {
		return f.Stated()
	}
	text := strings.ToLower(f.Text)
	missing := 0
	for _, it := range f.Items {
		if !strings.Contains(text, strings.ToLower(it)) {
			missing++
		}
	}
	if missing*2 < len(f.Items) {
		return f.Text
	}
	items := make([]string, len(f.Items))
	for i, it := range f.Items {
		items[i] = strings.TrimSuffix(strings.TrimSpace(it), ".")
	}
	if head, tail, ok := strings.Cut(f.Text, ": "); ok && (listsAbbreviations(tail, f.Items) || listParts(tail) == len(f.Items)) {
		// "twelve groups: RMJ, NFF, …" already lists them by their
		// initials, and "four demands: surrender, accept the
		// constitution, …" in short: the items take the short list's
		// place, so the list is printed once, in full.
		return head + ": " + strings.Join(items, "; ") + "."
	}
	return strings.TrimSuffix(f.Text, ".") + ": " + strings.Join(items, "; ") + "."
}

// listParts returns how many entries text lists, separated by commas or
// semicolons and a last "and": "surrender, accept the constitution and
// disband" lists three. A text that ends its sentence before the list
// does is no list: 0.
func listParts(text string) int {
	text = strings.TrimSuffix(strings.TrimSpace(text), ".")
	if strings.ContainsAny(text, ".:") {
		return 0
	}
	n := 1 + strings.Count(text, ", ") + strings.Count(text, "; ")
	if k := strings.LastIndex(text, " and "); k >= 0 && !strings.HasSuffix(strings.TrimSpace(text[:k]), ",") {
		n++ // "a, b and c"; with the Oxford comma ("a, b, and c") the comma counted it
	}
	return n
}

// listsAbbreviations reports whether text is a list of most of items by
// the initials each gives in brackets ("RMJ, NFF and PF" for "Resistance
// Movement for Justice (RMJ)" …): most items are named so, and the
// initials are most of text's words.
func listsAbbreviations(text string, items []string) bool {
	words := slices.DeleteFunc(tokenize(text), func(w string) bool { return w == "and" })
	named := 0
	for _, it := range items {
		open, close := strings.LastIndex(it, "("), strings.LastIndex(it, ")")
		if open < 0 || close < open {
			continue
		}
		if abbr := strings.ToLower(strings.TrimSpace(it[open+1 : close])); abbr != "" && slices.Contains(words, abbr) {
			named++
		}
	}
	return named*2 > len(items) && named*2 > len(words)
}

// attributed renders a fact with the source it comes from, for conflicts.
func (b *Base) attributed(f *Fact) string {
	return strings.TrimSuffix(f.Stated(), ".") + " (" + b.sources[f.Cite.Doc].Short() + ")."
}

// Short names a source briefly: its author, or its title when unsigned.
func (s *Source) Short() string {
	if s.Author != "" {
		return s.Author
	}
	if s.TitleNote != "" {
		return s.ShownTitle() // "[Pakistan's hard line …]": ours, in brackets, not in quotes
	}
	return "“" + s.Title + "”"
}

// Named is the source as a list of sources names it: its title, quoted
// (or, supplied by us, bracketed), and its author when known.
func (s *Source) Named() string {
	name := "“" + s.Title + "”"
	if s.TitleNote != "" {
		name = s.ShownTitle()
	}
	if s.Author != "" {
		name += " by " + s.Author
	}
	return name
}

// ShownTitle is the title as every rendering shows it: a title the
// document does not carry, which we supplied (TitleNote says so), goes in
// square brackets, as cataloguers mark a supplied title.
func (s *Source) ShownTitle() string {
	if s.TitleNote != "" {
		return "[" + s.Title + "]"
	}
	return s.Title
}

// redundant reports whether f says much the same as one of the facts
// already used.
func (b *Base) redundant(f *Fact, used []*Fact) bool {
	ix := b.idx
	if b.namesSomethingNew(f, used) {
		return false // parallel sentences about different things complement each other
	}
	fi := ix.terms[ix.factIndex[f]]
	for _, u := range used {
		if len(f.Numbers) > 0 && len(u.Numbers) > 0 && !sameNumbers(f.Numbers, u.Numbers) {
			continue // different figures are different answers
		}
		ui := ix.terms[ix.factIndex[u]]
		inter, union := 0, len(ui)
		for _, t := range fi {
			if ui.get(t.no) > 0 {
				inter++
			} else {
				union++
			}
		}
		if union > 0 && float64(inter)/float64(union) > 0.45 {
			return true
		}
	}
	return false
}

// namesSomethingNew reports whether f names a specific (not broad) entity
// that none of the used facts name.
func (b *Base) namesSomethingNew(f *Fact, used []*Fact) bool {
	for _, id := range f.Entities {
		if b.idx.broad(id) {
			continue
		}
		seen := false
		for _, u := range used {
			if contains(u.Entities, id) {
				seen = true
				break
			}
		}
		if !seen {
			return true
		}
	}
	return false
}

func sameNumbers(a, b []Number) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Value == y.Value {
				return true
			}
		}
	}
	return false
}

// sourcesOf cites the facts of an answer: one source per fact, with the
// quote its claim rests on; facts citing the same words share one.
func (b *Base) sourcesOf(fs []*Fact) []SourceRef { return b.cite(fs, true) }

// cite lists the sources of the facts, in order, once each: with quotes,
// one per distinct quote, without, one per section.
func (b *Base) cite(fs []*Fact, quotes bool) []SourceRef {
	var out []SourceRef
	seen := map[string]bool{}
	for _, f := range fs {
		key := f.Cite.Doc + "\x00" + f.Cite.Section
		if quotes {
			key += "\x00" + f.Cite.Quote
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		s := b.sources[f.Cite.Doc]
		sec, _ := s.Section(f.Cite.Section)
		ref := SourceRef{Doc: s.ID, Title: s.ShownTitle(), Author: s.Author, Section: sec.Title, URL: s.URL}
		if quotes {
			ref.Quote = f.Cite.Quote
		}
		out = append(out, ref)
	}
	return out
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// asOf dates an answer to a question about what holds now: the sources
// say what held when they were written, so the lead says when that was.
func (b *Base) asOf(a *Answer) {
	if len(a.Facts) == 0 || len(a.Lines) == 0 {
		return
	}
	if lead := a.Facts[0]; !lead.AsOf.IsZero() && !lead.Former() && lead.Conflict == "" {
		// A post still held says as of when in its own sentence (see
		// Fact.Stated): the lead alone answers.
		a.Lines, a.Facts = a.Lines[:1], a.Facts[:1]
		a.Sources = b.sourcesOf(a.Facts)
		return
	}
	if a.Facts[0].Conflict == "" {
		// What held before is not what was asked: the lead alone.
		a.Lines, a.Facts = a.Lines[:1], a.Facts[:1]
		a.Sources = b.sourcesOf(a.Facts)
	}
	src := b.sources[a.Facts[0].Cite.Doc]
	if src == nil || src.Date.IsZero() {
		a.Lines[0] = "The sources do not say when this held; as they tell it: " + a.Lines[0]
		return
	}
	a.Lines[0] = "As of " + src.Date.String() + " (the source's date): " + a.Lines[0]
}

// A question that joins asks — "how many attacks and how many deaths",
// "registered vs undocumented" — may be answered by several facts, each
// giving one part. The partners are the facts among the first few ranked
// that add most to what the lead covers of the question.
const (
	// pairReach is how many of the ranked facts after the lead may be its
	// partners: a partner ranks high because it shares the question's
	// words.
	pairReach = 6
	// pairMinGain is the least share of the question's weight a partner
	// must add to what the facts before it cover: less, and it is mere
	// support.
	pairMinGain = 0.12
	// pairConjunctGain is that least share for a partner that gives a
	// joined word the facts before it leave out: "terrorism" in "terrorism
	// and suicide attacks" is asked for in its own right, however little
	// it weighs.
	pairConjunctGain = 0.05
	// maxPartners is how many partners an answer takes: "attacks, deaths
	// and injuries" asks three things.
	maxPartners = 2
	// uncountedCredit is the share of a joined word's weight that a fact
	// whose figures do not count it earns, in choosing among the partners
	// of a how-many question: "34 percent fewer incidents … deaths in
	// attacks" names attacks; "65 militant attacks" counts them.
	uncountedCredit = 0.5
)

// joinWords join two asks in one question.
var joinWords = setOf("and vs versus plus both then")

// joinsAsks reports whether the question joins two or more asks: "and",
// "vs", "plus", "+", "&".
func joinsAsks(q *query) bool {
	for _, t := range q.toks {
		if joinWords[t] {
			return true
		}
	}
	return strings.ContainsAny(q.norm, "+&")
}

// conjuncts marks the units a join word stands between: the nearest unit
// before each "and" and the nearest after it ("terrorism and suicide
// attacks").
func conjuncts(q *query) []bool {
	out := make([]bool, len(q.units))
	for j, t := range q.toks {
		if !joinWords[t] {
			continue
		}
		before, after := -1, -1
		for k, u := range q.units {
			if u.pos < j && (before < 0 || u.pos > q.units[before].pos) {
				before = k
			}
			if u.pos > j && (after < 0 || u.pos < q.units[after].pos) {
				after = k
			}
		}
		for _, k := range []int{before, after} {
			if k >= 0 {
				out[k] = true
			}
		}
	}
	return out
}

// partners returns the places in ranked of the facts that answer the parts
// of a joined question the lead does not, in the order they join it, and
// the share of the question's weight they add; nil and 0 when there are
// none.
func (b *Base) partners(q *query, ranked []scored) ([]int, float64) {
	if len(ranked) < 2 || !joinsAsks(q) {
		return nil, 0
	}
	lead := ranked[0]
	joined := conjuncts(q)
	// credit is what fact earns for unit k; counted is whether, in a
	// how-many question, its figures count the joined word k, not only
	// say it.
	credit := func(k, fact int) (c float64, counted bool) {
		if u := q.units[k]; joined[k] && u.link != nil {
			e := u.link.entities[0]
			if q.intent == IntentWhen && e.Kind == KindEvent {
				// "the dates of the Chitral attack and of the démarche":
				// the démarche's date, though its fact names the attack,
				// is not the attack's.
				return b2f(b.facts[fact].Entities[0] == e.ID), true
			}
			// "Herat and then Kabul": the place itself, not what else
			// its name may stand for (Kabul's government).
			return b2f(b.idx.names(fact, e.ID)), true
		}
		c = q.unitCredit(k, fact)
		if q.intent != IntentHowMany || !joined[k] || b.idx.countsUnit(fact, q.units[k]) {
			return c, true
		}
		for j, u := range q.units {
			if j != k && joined[j] && u.link == nil && b.idx.countsUnit(fact, u) {
				// "attacks and deaths": a toll of the attacks' dead
				// says "attacks" but counts only deaths.
				return 0, false
			}
		}
		return c, false
	}
	// namesJoined reports whether fact names a joined entity the lead
	// does not: "Kabul" in "Herat and then Kabul" misses Herat but gives
	// the other part.
	namesJoined := func(fact int) bool {
		for k, u := range q.units {
			if c, _ := credit(k, fact); joined[k] && u.link != nil && c > 0 {
				if lc, _ := credit(k, lead.fact); lc == 0 {
					return true
				}
			}
		}
		return false
	}
	var total float64
	covered := make([]float64, len(q.units))
	for k, u := range q.units {
		total += u.weight
		covered[k], _ = credit(k, lead.fact)
	}
	if total == 0 {
		return nil, 0
	}
	leadFact := b.facts[lead.fact]
	used := []*Fact{leadFact}
	var out []int
	var sum float64
	for len(out) < maxPartners {
		best, bestGain, bestPref := -1, 0.0, 0.0
		for r := 1; r < len(ranked) && r <= pairReach; r++ {
			s := ranked[r]
			f := b.facts[s.fact]
			if s.feat.MissedEntity > lead.feat.MissedEntity && !namesJoined(s.fact) || f.Meta && !leadFact.Meta {
				continue // about something else, or a note on a document
			}
			if f.Conflict != "" && f.Conflict == leadFact.Conflict {
				continue // the other side of a conflict is reported with it
			}
			if held := heldAt(f); q.hasSpan && q.intent == IntentWhen && !held.IsZero() && !held.Overlaps(q.from, q.to) {
				continue // "in the 90s, when did they take Herat and Kabul": not Kabul's fall in 2021
			}
			switch q.intent {
			case IntentWhen:
				if f.Date.IsZero() {
					continue
				}
			case IntentHowMany:
				if len(f.Numbers) == 0 || slices.ContainsFunc(f.Numbers, func(n Number) bool { return slices.Contains(leadFact.Numbers, n) }) {
					continue // no figure, or the lead's figure again (a total given with its parts)
				}
			}
			if b.redundant(f, used) {
				continue
			}
			var gain, pref float64
			least := pairMinGain
			for k, u := range q.units {
				c, counted := credit(k, s.fact)
				if d := c - covered[k]; d > 0 {
					gain += u.weight * d
					if !counted {
						d *= uncountedCredit // a figure that counts the word gives it more surely
					}
					pref += u.weight * d
					if joined[k] && covered[k] == 0 {
						least = pairConjunctGain
					}
				}
			}
			gain /= total
			nearer := q.intent == IntentWhen && best >= 0 && pref/total >= bestPref-prefTie &&
				yearsApart(f, leadFact) < yearsApart(b.facts[ranked[best].fact], leadFact)
			if gain >= least && (pref/total > bestPref+prefTie || nearer) {
				// ("when did the Taliban take Herat and Kabul": of two
				// captures of Kabul that answer as well, the one nearer
				// Herat's, 1996, not 2021.)
				best, bestGain, bestPref = r, gain, pref/total
			}
		}
		if best < 0 {
			break
		}
		out = append(out, best)
		sum += bestGain
		used = append(used, b.facts[ranked[best].fact])
		for k := range q.units {
			c, _ := credit(k, ranked[best].fact)
			covered[k] = max(covered[k], c)
		}
	}
	return out, sum
}

// prefTie is how close two partners' shares of the question may be and
// still be a tie, which the nearer date breaks.
const prefTie = 1e-9

// yearsApart is how many years lie between the starts of f and g, or 0
// when either is undated.
func yearsApart(f, g *Fact) int {
	if f.Date.IsZero() || g.Date.IsZero() {
		return 0
	}
	d := f.Date.Start.Year - g.Date.Start.Year
	return max(d, -d)
}

// countsUnit reports whether a figure of fact i counts what unit u names:
// a word of u stands near the figure.
func (ix *index) countsUnit(i int, u unit) bool {
	if u.link != nil {
		return true // an entity is what the figure is about, not what it counts
	}
	for _, s := range u.stems {
		if _, ok := ix.counted[i][s]; ok {
			return true
		}
	}
	return false
}

// names reports whether fact i names entity id (see factsNaming).
func (ix *index) names(i int, id string) bool {
	_, ok := slices.BinarySearch(ix.namedBy[id], i)
	return ok
}

// joinClauses joins two sentences into one, with a semicolon: the second
// starts in lower case when its first word is a common one ("The FNF paper
// …" becomes "the FNF paper …"), and keeps a name's capital ("Pakistan
// saw …").
func joinClauses(first, second string) string {
	first = strings.TrimRight(strings.TrimSpace(first), ".")
	second = strings.TrimSpace(second)
	if w, _, _ := strings.Cut(second, " "); joinLowered[w] {
		second = strings.ToLower(w[:1]) + second[1:]
	}
	return first + "; " + second
}

// joinLowered are the capitalised first words that a sentence loses its
// capital on when it joins another: articles, prepositions and the like,
// never names.
var joinLowered = setOf(`The A An In On At After Before During Since From By For Of With About Around Over Under Nearly Almost
	More Most Some Many Several Both Each Its Their His Her This That These Those Once When While Although Though Then`)

// comparesSides reports whether a question asks for two figures or
// accounts side by side: "was it 14 or 15", "Kakar vs Bugti", "what
// figure does each give".
func (q *query) comparesSides() bool {
	return slices.ContainsFunc(q.toks, func(t string) bool { return sidesWords[t] })
}

// sidesWords ask for more than one account of a thing.
var sidesWords = setOf(`or vs versus each both differ differs different difference discrepancy conflicting disagree`)

// answerClauses answers each of two joined questions on its own ("how many
// attacks, how many killed"; "how long is the border, and who called the
// ties love-hate"), and joins the two answers in one first sentence. It
// answers only when both clauses name what they ask about, are answered
// with confidence, and by different facts; the answer is as sure as the
// less sure clause.
func (b *Base) answerClauses(q *query, a Answer) (Answer, bool) {
	subs, ok := b.clauses(q)
	if !ok {
		return a, false
	}
	defer b.idx.release(subs[1])
	defer b.idx.release(subs[0])
	conf := 1.0
	var lines []string
	var used []*Fact
	for _, sub := range subs {
		ranked, p, ok := b.answersClause(sub)
		if !ok {
			return a, false
		}
		var sa Answer
		b.compose(sub, &sa, ranked)
		if slices.Contains(used, sa.Facts[0]) {
			return a, false // one fact answers both: the whole question's path says it
		}
		conf = min(conf, p)
		lines = append(lines, sa.Lines[0])
		used = append(used, sa.Facts[0])
	}
	a.Lines = []string{joinClauses(lines[0], lines[1])}
	a.Facts = used
	a.Sources = b.sourcesOf(used)
	a.Answered = true
	a.Confidence = round2(conf)
	return a, true
}

// clauses parses the two questions of a joined one, each as if asked
// alone. The second's pronoun stands for the first's name ("who is Bajauri
// and where did he speak"), and a clause that names nothing asks about what
// the other names, then ("how many attacks, how many killed in Sept 2023").
// ok is false when there are not two clauses, or a pronoun has nothing of
// its kind to stand for. When ok, the caller releases both once done.
func (b *Base) clauses(q *query) (subs [2]*query, ok bool) {
	if q.alsoAt <= 0 || q.alsoAt+1 >= len(q.toks) {
		return subs, false
	}
	parts := [2][]string{q.toks[:q.alsoAt], q.toks[q.alsoAt+1:]}
	subs[0] = b.parse(strings.Join(parts[0], " "))
	var first *link
	for _, l := range subs[0].links {
		if !b.idx.broad(l.entities[0].ID) {
			first = &l
			break
		}
	}
	personal := slices.ContainsFunc(parts[1], func(t string) bool { return clausePronouns[t] && personPronouns[t] })
	if first != nil && subs[0].intent == IntentWho && first.entities[0].Kind != KindPerson && personal {
		first = nil // "who heads the NFF and what was his job": he is the answer, not the NFF ("and when was it set up": it is)
	}
	if first == nil && subs[0].intent == IntentWho && personal {
		// "who wrote the FNF paper and what outfit does he head": he is
		// the person the first clause's answer names.
		if e := b.answerPerson(subs[0]); e != nil {
			first = &link{entities: []*Entity{e}, spelling: tokenize(e.Name)}
		}
	}
	if first == nil && !slices.ContainsFunc(parts[1], func(t string) bool { return personPronouns[t] }) {
		// "the March 2024 strikes followed an attack where, and which
		// groups were they aimed at": with no name to stand for, "they"
		// stands for what the first clause is about, in its words.
		parts[1] = referToWords(parts[1], clauseTopic(b.idx, subs[0]))
	}
	if parts[1], ok = referTo(parts[1], first); !ok {
		b.idx.release(subs[0])
		return [2]*query{}, false
	}
	subs[1] = b.parse(strings.Join(parts[1], " "))
	for i, sub := range subs {
		if other := subs[1-i]; len(sub.links) == 0 && len(other.links) > 0 {
			subs[i] = b.parse(strings.Join(slices.Concat(parts[i], clauseContext(other)), " "))
			b.idx.release(sub) // read again with the other's context: this reading is done with
		}
	}
	return subs, true
}

// answerPerson returns the person who answers a who-question asked alone,
// when durand answers it with confidence: the first person its best fact
// is about that the question does not name; otherwise nil.
func (b *Base) answerPerson(sub *query) *Entity {
	ranked, _, ok := b.answersClause(sub)
	if !ok {
		return nil
	}
	for _, id := range b.facts[ranked[0].fact].Entities {
		if e := b.entityByID[id]; e != nil && e.Kind == KindPerson && !sub.linked(id) {
			return e
		}
	}
	return nil
}

// clauseContext returns the words of a parsed clause that name who,
// where or when: its dates and the names of all but concepts. A concept is
// the clause's own topic, which the other clause sets beside it, not
// shares: in "how many hold PoR cards and how many got citizen cards" the
// second clause asks about no PoR card.
func clauseContext(q *query) []string {
	var out []string
	for k, t := range q.toks {
		if q.spanToks[k] || slices.ContainsFunc(q.links, func(l link) bool {
			return k >= l.start && k < l.end && l.entities[0].Kind != KindConcept
		}) {
			out = append(out, t)
		}
	}
	return out
}

// containsAll reports whether every fact of want is among have.
func containsAll(have, want []*Fact) bool {
	return !slices.ContainsFunc(want, func(f *Fact) bool { return !slices.Contains(have, f) })
}

// referTo puts the first clause's name in place of the second clause's
// pronoun: in "who is Bajauri and where did he speak", the second clause
// asks where Bajauri spoke. ok is false when the pronoun has no name of its
// kind to stand for: "he" for a group, or nothing named.
func referTo(clause []string, first *link) (out []string, ok bool) {
	for i, t := range clause {
		if !clausePronouns[t] {
			continue
		}
		if first == nil || personPronouns[t] != (first.entities[0].Kind == KindPerson) {
			return nil, false
		}
		return slices.Concat(clause[:i], first.spelling, clause[i+1:]), true
	}
	return clause, true
}

// referToWords puts words in place of the clause's first pronoun, when it
// has one and words has any.
func referToWords(clause, words []string) []string {
	i := slices.IndexFunc(clause, func(t string) bool { return clausePronouns[t] })
	if i < 0 || len(words) == 0 {
		return clause
	}
	return slices.Concat(clause[:i], words, clause[i+1:])
}

// clauseTopic returns the words of a parsed clause that say what it is
// about, when it opens with them: its subject, up to its verb ("the March
// 2024 strikes" of "the March 2024 strikes followed an attack where").
// A clause that opens with a question word has no such subject: nil.
func clauseTopic(ix *index, q *query) []string {
	var out []string
	for k, t := range q.toks {
		switch {
		case ix.qwords[t] || ix.stop[t] && k > 0 && len(out) > 0 && !q.spanToks[k]:
			return nil
		case q.spanToks[k] || slices.ContainsFunc(q.links, func(l link) bool { return k >= l.start && k < l.end }):
			out = append(out, t)
		case ix.light[t] || strings.HasSuffix(t, "ed") && len(out) > 0:
			return out // the verb
		case !ix.stop[t]:
			out = append(out, t)
		}
	}
	return nil
}

// clausePronouns stand, in a second clause, for what the first one named;
// personPronouns stand for a person.
var (
	clausePronouns = setOf(`he she it they him her them his its their`)
	personPronouns = setOf(`he she him her his`)
)

// disputing returns, asked how many, the facts that give another figure
// for what fact i counts, when i is in no conflict but its figure is one
// side of one: the UNHCR breakdown gives Bhonsle's 1.3 million PoR
// holders, which the FNF paper puts at 1.4 million.
func (b *Base) disputing(q *query, i int) []*Fact {
	lead := b.facts[i]
	if q.intent != IntentHowMany || lead.Conflict != "" {
		return nil
	}
	n, fit, ok := b.countedFigure(q, i)
	if !ok {
		return nil
	}
	states := func(f *Fact) bool {
		return slices.ContainsFunc(f.Numbers, func(m Number) bool { return m.Value == n.Value && b.numberFit(q, m) >= fit })
	}
	for _, c := range b.conflicts {
		if c.Kind == "distinct" || !slices.ContainsFunc(c.Facts, func(id string) bool { return states(b.factByID[id]) }) {
			continue
		}
		var out []*Fact
		for _, id := range c.Facts {
			if f := b.factByID[id]; !states(f) {
				out = append(out, f)
			}
		}
		return out
	}
	return nil
}

// otherEnd returns, when a question sets two times side by side ("Dec
// 2021 vs April 2022", "in 2021 and 2022") and the lead gives a figure for
// one of them, the fact among the next ranked that gives the same figure
// for the other; nil otherwise. Two times joined by "between" or "from …
// to" are a span, not two asks.
func (b *Base) otherEnd(q *query, ranked []scored, used []*Fact) *Fact {
	if len(used) != 1 || !q.hasSpan || q.from == q.to || !q.timesJoined() {
		return nil
	}
	lead := used[0]
	held := heldAt(lead)
	var other Point
	switch {
	case held.Within(q.from, q.from):
		other = q.to
	case held.Within(q.to, q.to):
		other = q.from
	default:
		return nil
	}
	if !hasFigure(lead) {
		return nil
	}
	fit := b.unitFit(q, ranked[0].fact)
	for _, s := range ranked[1:min(len(ranked), pairReach+1)] {
		f := b.facts[s.fact]
		if heldAt(f).Within(other, other) && hasFigure(f) && sameSubject(f, lead) && b.unitFit(q, s.fact) >= fit && !b.redundant(f, used) {
			return f
		}
	}
	return nil
}

// timesJoined reports whether a join word ("vs", "and", "then") stands
// between the words that name the question's two times, with no "between"
// or "from" to make them a span's ends.
func (q *query) timesJoined() bool {
	first, last := -1, -1
	for i := range q.toks {
		if q.spanToks[i] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return false
	}
	for i := max(0, first-2); i < first; i++ {
		if q.toks[i] == "between" || q.toks[i] == "from" {
			return false
		}
	}
	for i := first + 1; i < last; i++ {
		if joinWords[q.toks[i]] && !q.spanToks[i] {
			return true
		}
	}
	return false
}
