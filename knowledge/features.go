package knowledge

import (
	_ "embed"
	"math"
	"math/bits"
	"regexp"
	"slices"
	"strings"
)

// features describe, by name, how one candidate fact fits a question. The
// ranker and the confidence model combine them with weights; nothing here is
// a weight.
type features struct {
	Cov          float64        // share of the question's weight the fact covers, by text or alternate question
	TextCov      float64        // the same, by the fact's own text only
	Alt          float64        // how well the best alternate question matches
	BM25         float64        // BM25 of the fact for the question's words
	MissedEntity float64        // specific things the question names that the fact does not
	IntentFit    float64        // signs the fact is (+) or is not (−) the kind of answer the intent wants
	SpanFit      float64        // +1 dated in the span asked about, −1 not, 0 no span asked
	Meta         float64        // 1 when the fact is about a document (an abbreviation entry, a caption, a citation)
	Edits        float64        // letters the question's spelling was corrected by
	Signs        [numSigns]int8 // small whole numbers; a byte each keeps candidates small
	signed       uint64         // bit s set when Signs[s] is not 0: the signs to read, in order, without reading them all

	// Set by the hand model (rank.go), not here.
	HandConf float64 // the hand model's confidence
	Score    float64 // the hand model's ranking score
}

// sign is one named observation about a (question, fact) pair: mostly 1 or
// 0, the date's precision for signWhenPrecision.
type sign int

// The signs. Each says whether the fact is the kind of answer the question
// wants; the hand model in weights.json says what each is worth.
const (
	signSubject             sign = iota // the fact is about what was asked (its first entity), or about the person a who-question seeks
	signWhoRoleOfAsked                  // who is X: a role fact about X
	signWhoMentionsAsked                // who is X: a fact naming X
	signWhoAnswers                      // who leads Y: a fact about a person (or group) not named
	signWhoAnswersRole                  // ... and a role fact
	signWhoUnnamed                      // who holds a role: the fact does not say who
	signWhoInPassing                    // who leads Y: the fact names someone only in passing
	signWhoOther                        // who: none of the above
	signDefineDefinition                // what is X: a definition
	signDefineOfSubject                 // ... of X itself
	signDefineRoleOfSubject             // what is X: a role or relation of X
	signWhenUndated                     // when: the fact has no date
	signWhenDated                       // when: the fact is dated
	signWhenPrecision                   // when: the date's precision (1 year, 2 month, 3 day)
	signHowManyNoFigure                 // how many: the fact states no figure
	signHowManyFigure                   // how many: the fact states a figure
	signHowManyNumbers                  // ... as a figure fact or with parsed numbers
	signHowManyCounted                  // ... of the thing the question counts ("how many attacks": "294 attacks")
	signWhyCause                        // why: a cause
	signWhyEvent                        // why: what happened, not why
	signListType                        // list: a list
	signListCovered                     // ... of everything the question names
	signListNotList                     // list: one item or a sentence about the list
	signStatementType                   // what did X say: a statement
	signWherePlace                      // where: the fact names a place not asked about
	signSpanIn                          // dated in, or naming, the span asked about
	signSpanOut                         // not in the span asked about
	signMeta                            // a report about an event rather than the event
	signDocFact                         // about a document when the question is about the topic
	signSourceMatch                     // from the source the question names
	signSourceOther                     // from another source than the one named
	signRoleTitle                       // who holds a post: the fact's role is that post
	signRoleOwner                       // ... of the party asked about
	signRoleOther                       // who holds a post: the fact's role is another post
	numSigns
)

// features.signed has a bit for each sign: there may be at most 64.
const _ = uint64(1) << (64 - numSigns) // (a negative shift does not compile)

// signInfo names each sign and says whether it shows the fact is (+1) or
// is not (−1) the kind of answer the intent wants; the sum is IntentFit.
var signInfo = [numSigns]struct {
	name string
	fit  float64
}{
	signSubject:             {"subject", 0},
	signWhoRoleOfAsked:      {"who_role_of_asked", 1},
	signWhoMentionsAsked:    {"who_mentions_asked", 0},
	signWhoAnswers:          {"who_answers", 1},
	signWhoAnswersRole:      {"who_answers_role", 0},
	signWhoUnnamed:          {"who_unnamed", -1},
	signWhoInPassing:        {"who_in_passing", -1},
	signWhoOther:            {"who_other", -1},
	signDefineDefinition:    {"define_definition", 1},
	signDefineOfSubject:     {"define_of_subject", 0},
	signDefineRoleOfSubject: {"define_role_of_subject", 0},
	signWhenUndated:         {"when_undated", -1},
	signWhenDated:           {"when_dated", 1},
	signWhenPrecision:       {"when_precision", 0},
	signHowManyNoFigure:     {"howmany_no_figure", -1},
	signHowManyFigure:       {"howmany_figure", 1},
	signHowManyNumbers:      {"howmany_numbers", 0},
	signHowManyCounted:      {"howmany_counted", 0},
	signWhyCause:            {"why_cause", 1},
	signWhyEvent:            {"why_event", -1},
	signListType:            {"list_type", 1},
	signListCovered:         {"list_covered", 0},
	signListNotList:         {"list_not_list", -1},
	signStatementType:       {"statement_type", 1},
	signWherePlace:          {"where_place", 1},
	signSpanIn:              {"span_in", 0},
	signSpanOut:             {"span_out", 0},
	signMeta:                {"meta", 0},
	signDocFact:             {"doc_fact", -1},
	signSourceMatch:         {"source_match", 0},
	signSourceOther:         {"source_other", 0},
	signRoleTitle:           {"role_title", 0},
	signRoleOwner:           {"role_owner", 0},
	signRoleOther:           {"role_other", 0},
}

// unitCredit is how far fact i covers the question's unit k: fully when the
// unit names an entity the fact is about, by termCredit for a word.
func (q *query) unitCredit(k, i int) float64 {
	if q.units[k].link != nil {
		return b2f(q.named[k][i])
	}
	return termCredit(i, &q.units[k])
}

// partSpanFit is SpanFit for a fact whose dates run past the span asked
// about: it fits, less than one wholly inside.
const partSpanFit = 0.5

// usesName reports whether the question's own words (not the names of what
// it links) use every word of name, in any form or by a synonym: "afghan
// provinces" uses Afghanistan, which is then asked about, not the answer.
func (q *query) usesName(ix *index, e *Entity) bool {
	words := ix.nameWords[e.ID]
	for _, st := range words {
		if !slices.ContainsFunc(q.units, func(u unit) bool { return u.link == nil && contains(u.stems, st) }) {
			return false
		}
	}
	return len(words) > 0
}

// linkedSubject reports whether fact i is about an entity the question
// links: whether it names one of them first, as q.linked(f.Entities[0])
// says. The facts are marked once per question, from the facts each
// entity is the subject of, not worked out per candidate.
func (q *query) linkedSubject(ix *index, i int) bool {
	if q.subjects == nil {
		q.subjects = ix.scratch(q).flags.take(len(ix.docLen))
		for _, l := range q.links {
			for _, e := range l.entities {
				for _, j := range ix.subjectOf[e.ID] {
					q.subjects[j] = true
				}
			}
		}
	}
	return q.subjects[i]
}

// findDoer returns the link for the party a question asks about as the doer
// of its verb — the name right after "did", "does", "has" ("what did
// Pakistan demand of the TTP") — when the question names another party
// too; nil otherwise.
func (q *query) findDoer() *link {
	if len(q.links) < 2 {
		return nil
	}
	for i := range q.links {
		l := &q.links[i]
		j := l.start - 1
		if j >= 0 && q.toks[j] == "the" {
			j--
		}
		if j >= 0 && agentAux[q.toks[j]] {
			if strings.Contains(q.norm, strings.Join(q.toks[l.start:l.end], " ")+"'s ") {
				continue // "what does Pakistan's policy mean": the policy does it
			}
			return l
		}
		if k := l.start - 1; k >= 0 && madeNouns[q.toks[k]] && l.end < len(q.toks) && !q.inLink(l.end) && !isQuestionWord(q.toks[l.end]) && !notVerbs[q.toks[l.end]] {
			return l // "the demands Pakistan placed on the TTP": Pakistan made them
		}
	}
	return nil
}

// madeNouns, before a name and its verb, are what that party made: "the
// demands Pakistan placed on the TTP", "the conditions Islamabad set".
// (Plurals only: "offer" and "demand" may be the verb.)
var madeNouns = setOf(`demands conditions terms requests pledges promises accusations`)

// notVerbs after a party named after a madeNoun show that no verb
// follows it: "the demands of Pakistan and the TTP" names no doer.
var notVerbs = setOf("and or on to for of in by with")

// personActs reports whether the person a who-question names is the doer
// of its verb, or the one its doer acted with, so the question asks for
// someone else: "who did Kakar write to", "whom did Durrani meet", "who was
// having tea with Faiz Hameed".
func (q *query) personActs() bool {
	for _, l := range q.links {
		if l.entities[0].Kind != KindPerson {
			continue
		}
		j := l.start - 1
		for j >= 0 && (titleModifiers[q.toks[j]] || roleNouns[q.toks[j]] || titleLinkWords[q.toks[j]]) {
			j-- // "did caretaker PM Kakar", "did the envoy Durrani"
		}
		if j >= 0 && agentAux[q.toks[j]] && j > 0 && (q.toks[j-1] == "who" || q.toks[j-1] == "whom") {
			return true
		}
	}
	return q.companionAsked()
}

// companionAsked reports whether a who-question asks who was with the
// person it names: "who was having tea with Faiz Hameed", "who was Faiz
// Hameed with", "who accompanied him". The answer is another person, not a
// group.
func (q *query) companionAsked() bool {
	if len(q.toks) == 0 || q.toks[0] != "who" && q.toks[0] != "whom" {
		return false
	}
	for _, l := range q.links {
		if l.entities[0].Kind == KindPerson && l.start > 0 && q.toks[l.start-1] == "with" {
			return true
		}
		if l.entities[0].Kind == KindPerson && slices.Contains(q.toks[l.end:min(l.end+companionReach, len(q.toks))], "with") {
			return true // "who was Faiz Hameed with in that photo"
		}
		if l.entities[0].Kind == KindPerson && l.start > 0 && companionVerbs[q.toks[l.start-1]] {
			return true // "who accompanied Faiz Hameed"
		}
	}
	return false
}

// photographerAsked reports whether a who-question asks who took a
// picture ("who took the photo of Faiz Hameed", "who took the photo?"):
// someone other than whoever it shows.
func (q *query) photographerAsked() bool {
	if len(q.toks) == 0 || q.toks[0] != "who" {
		return false
	}
	return slices.ContainsFunc(q.toks, func(t string) bool { return shootVerbs[t] }) &&
		slices.ContainsFunc(q.toks, func(t string) bool { return pictureNouns[t] })
}

// namesPhotographer reports whether fact f says who took a picture: a
// word for taking one with "by" close after it ("photographed by", "taken
// by"), or one of shootVerbs said of a picture ("took the photo").
func namesPhotographer(f *Fact) bool {
	toks := f.textWords()
	for i, t := range toks {
		if !shootVerbs[t] && !shotWords[t] {
			continue
		}
		for _, u := range toks[i+1 : min(len(toks), i+1+photographerReach)] {
			if u == "by" || shootVerbs[t] && pictureNouns[u] {
				return true
			}
		}
	}
	return false
}

// photographerReach is how far after a word for taking a picture "by", or
// the picture, may stand: "photographed at the hotel by", "took a photo".
const photographerReach = 4

// shotWords say a picture was taken, passively, where shootVerbs do not:
// "photographed", "pictured".
var shotWords = setOf("photographed pictured")

// shootVerbs take a picture; pictureNouns are what they take.
var (
	shootVerbs   = setOf("took take takes taking shot shoot snapped snap captured filmed")
	pictureNouns = setOf("photo photos photograph photographs picture pictures pic pics image images footage video")
)

// companionReach is how far after a person's name "with" may stand and
// still ask who was with them: "who was Faiz Hameed with in Kabul", "who
// was Faiz Hameed having tea with".
const companionReach = 3

// companionVerbs, before a person, ask who was with them, or who met
// them: "who led the delegation that met Noor Wali" is someone else.
var companionVerbs = setOf("accompanied accompany accompanying joined met meet meets hosted received visited interviewed")

// otherDoerAltShare is how much an alternate question's match counts for
// a fact whose subject is another party the question names than its doer.
const otherDoerAltShare = 0.75

// agentAux, before a name, make it the doer of the question's verb.
var agentAux = setOf(`did does do has have had will would could should can`)

// features observes how fact i fits question q.
func (b *Base) features(q *query, i int) features {
	ix := b.idx
	f := b.facts[i]
	var ft features
	var total, covered float64
	for k := range q.units {
		u := &q.units[k] // (a unit is large: not copied)
		total += u.weight
		c := q.unitCredit(k, i)
		if u.link != nil && c == 0 && !u.broad {
			if u.carried {
				ft.MissedEntity += carriedShare // a name a follow-up carried may go, as its words weigh less
			} else {
				ft.MissedEntity++
			}
		}
		covered += u.weight * c
	}
	ft.TextCov = 1
	if total > 0 {
		ft.TextCov = covered / total
	}
	// An alternate question that matches says the fact answers the question
	// however differently the two are worded.
	ft.Alt = b.altMatch(q, i)
	subject := q.linkedSubject(ix, i) // q.linked(f.Entities[0])
	if a := q.doer; a != nil && subject && ix.entityDoc[a.entities[0].ID] == "" && !containsEntity(a.entities, ix.factEnts[i][0]) {
		// "what did Pakistan demand of the TTP": a fact about the TTP's
		// demands is about the other party the question names, and its
		// alternate questions ("what did the TTP demand") match the words
		// with the parties swapped. A source that says it ("what does the
		// FNF paper say …") is no party.
		subject = false
		ft.Alt *= otherDoerAltShare
	}
	ft.Cov = max(ft.TextCov, ft.Alt)
	ft.BM25 = b.bm25Fact(q, i)
	ft.Edits = float64(q.edits)
	ft.Meta = b2f(f.Meta)
	on := func(s sign) { ft.setSign(s, 1) }

	if q.intent == IntentWho && q.linkedPerson() == nil && len(f.Entities) > 0 {
		// "who leads the NRF": the fact should be about the person who does.
		if e := ix.factEnts[i][0]; e != nil && e.Kind == KindPerson && !q.linkedSubject(ix, i) {
			on(signSubject)
		}
	} else if subject {
		on(signSubject)
	}
	typeIs := func(ts ...string) bool {
		for _, t := range ts {
			if f.Type == t {
				return true
			}
		}
		return false
	}
	switch q.intent {
	case IntentWho:
		p := q.linkedPerson()
		if q.succession || q.personActs() {
			p = nil // "who replaced X", "who did X write to": not answered by X
		}
		switch {
		case p != nil && len(f.Entities) > 0 && f.Entities[0] == p.ID && typeIs(TypeRole):
			on(signWhoRoleOfAsked)
		case p != nil && contains(f.Entities, p.ID):
			on(signWhoMentionsAsked)
		case p == nil && b.answersWho(q, f):
			on(signWhoAnswers)
			if typeIs(TypeRole) {
				on(signWhoAnswersRole)
			} else if q.personQ && !typeIs(TypeRelation, TypeDefinition) {
				on(signWhoUnnamed) // "the army chief": a fact must say who holds the role
			}
		case p == nil && b.namesOther(q, f, !q.personQ && !q.companionAsked()):
			on(signWhoInPassing)
		default:
			on(signWhoOther)
		}
	case IntentDefine:
		if typeIs(TypeDefinition) {
			on(signDefineDefinition)
			if subject {
				on(signDefineOfSubject)
			}
		} else if typeIs(TypeRole, TypeRelation) && subject {
			on(signDefineRoleOfSubject)
		}
	case IntentWhen:
		if f.Date.IsZero() {
			on(signWhenUndated)
		} else {
			on(signWhenDated)
			ft.setSign(signWhenPrecision, int8(f.Date.Precision()))
		}
	case IntentHowMany:
		if !ix.figure[i] && !(q.asksDuration && ix.duration[i]) && !(q.asksStrength && ix.sized[i]) {
			on(signHowManyNoFigure)
		} else {
			on(signHowManyFigure)
			if typeIs(TypeFigure) || len(f.Numbers) > 0 {
				on(signHowManyNumbers)
			}
			for _, s := range q.counted {
				if head, ok := ix.counted[i][s]; head || ok && !q.countedPlural[s] {
					on(signHowManyCounted)
					break
				}
			}
		}
	case IntentWhy:
		if typeIs(TypeCause) {
			on(signWhyCause)
		} else if ix.noReason[i] { // givesNoReason(f)
			on(signWhyEvent)
		}
	case IntentList:
		switch {
		case q.asksPeople():
			// "which Taliban leaders criticised the expulsions": facts
			// naming them answer, whether or not they are lists.
			if b.namesOther(q, f, false) {
				on(signListType)
			} else {
				on(signListNotList)
			}
		case typeIs(TypeList):
			on(signListType)
			if ft.MissedEntity == 0 && coveredEntities(q, b, f, i) {
				// The list about the thing named is the answer, however
				// differently the question words it.
				on(signListCovered)
			}
		default:
			on(signListNotList)
		}
	case IntentStatement:
		if typeIs(TypeStatement) {
			on(signStatementType)
		}
	case IntentWhere:
		if b.holdsPostAt(q, f) || b.namesPlace(q, f) && !b.notWhereBased(q, f) {
			on(signWherePlace)
		}
	}
	if len(q.title) > 0 && f.Role != nil {
		if b.roleIs(q.title, f.Role.Title) {
			on(signRoleTitle)
			if q.titleOwner != "" && q.titleOwner == f.Role.Of {
				on(signRoleOwner)
			}
		} else {
			on(signRoleOther)
		}
	}
	if q.hasSpan && q.intent != IntentTimeline && !(q.spanDescribes && (heldAt(f).IsZero() || q.to.Year == openYear)) {
		// (A span that only says which things are asked about — "the
		// groups that emerged after August 2021" — leaves an undated list
		// of them in, and, open to the present, sets no dated one first.)
		held := heldAt(f)
		if held.IsZero() && f.Role != nil && !f.Role.Former {
			// An undated post is held at least when the source shows it
			// held: Noor Wali Mehsud leading the TTP, as of September
			// 2023, answers who led it in 2023. (Whether it was held
			// later is not known, and no reason to decline.)
			held = f.AsOf
		}
		if held.Overlaps(q.from, q.to) || q.from.Precision() == YearPrecision && textNamesYear(f.Text, q.from.Year, q.to.Year) {
			on(signSpanIn)
			ft.SpanFit = 1
			if f.Type != TypeRole && held.Overlaps(q.from, q.to) && !held.Within(q.from, q.to) {
				// "attacks in 2021": a count for August 2021 to May 2022
				// only partly answers.
				ft.SpanFit = partSpanFit
			}
		} else if !slices.ContainsFunc(q.spanNamers, func(id string) bool { return contains(f.Entities, id) }) {
			// (A fact about the thing whose name gives the year, "the
			// amnesty offer (2021)", is about it, whenever it is dated.)
			on(signSpanOut)
			ft.SpanFit = -1
		}
	}
	if f.Meta {
		on(signMeta)
	}
	if ix.docFact[i] && !q.asksDocument && !(q.intent == IntentDefine && f.Cite.Section == "abbreviations") {
		// An abbreviation entry, a spelling note or a caption answers a
		// question about the document, not about the topic.
		on(signDocFact)
	}
	if q.sourceDoc != "" {
		if f.Cite.Doc == q.sourceDoc {
			on(signSourceMatch)
		} else {
			on(signSourceOther) // asked what one source says; another says this
		}
	}
	for m := ft.signed; m != 0; m &= m - 1 {
		if fit := signInfo[bits.TrailingZeros64(m)].fit; fit != 0 {
			ft.IntentFit += fit
		}
	}
	return ft
}

// setSign sets sign s to v, keeping signed in step.
func (ft *features) setSign(s sign, v int8) {
	ft.Signs[s] = v
	if v != 0 {
		ft.signed |= 1 << s
	} else {
		ft.signed &^= 1 << s
	}
}

// roleIs reports whether a post's title is the one asked about: the same
// head ("minister"; "secretary" in "secretary of state"), or a lexicon
// synonym of it, and every word the question puts before it ("caretaker
// prime") in the title.
func (b *Base) roleIs(asked []string, title string) bool {
	var have []string
	head := ""
	for _, t := range tokenize(title) {
		if t == "of" && head == "" && len(have) > 0 {
			head = have[len(have)-1]
			continue
		}
		have = append(have, b.idx.stem(t))
	}
	if len(have) == 0 || len(asked) == 0 {
		return false
	}
	if head == "" {
		head = have[len(have)-1]
	}
	same := func(a, h string) bool { return a == h || contains(b.idx.lex.syn[a], h) }
	if !same(asked[len(asked)-1], head) {
		return false
	}
	for _, a := range asked[:len(asked)-1] {
		if !slices.ContainsFunc(have, func(h string) bool { return same(a, h) }) {
			return false
		}
	}
	return true
}

// heldAt is when a fact holds: for a role with a start or end the source
// gives, from the one to the other; else the fact's date.
func heldAt(f *Fact) Date {
	if f.Role == nil || f.Role.From.IsZero() && f.Role.To.IsZero() {
		return f.Date
	}
	d := Date{Start: f.Role.From.Start, End: f.Role.To.Start}
	if d.Start.Year == 0 {
		d.Start = f.Date.Start
	}
	if d.End.Year == 0 {
		d.End = f.Date.Start // still held at the fact's date
		if f.Date.End.Year != 0 {
			d.End = f.Date.End
		}
	}
	return d
}

// confFeatureNames name, in order, the inputs of the confidence model: the
// best candidate's features and what the question and the runner-up say
// about them.
var confFeatureNames = []string{
	"hand_conf", "cov", "text_cov", "alt", "log_bm25", "bm25_share", "missed_entity", "intent_fit", "span_fit", "meta",
	"margin", "runner_up_conf", "unknown_share", "edits", "specific_links", "same_fact_alt",
	"missed_known", "missed_new", "pair_gain",
	"asks_who", "asks_when", "asks_how_many", "asks_why", "asks_list", "asks_define", "asks_where",
}

// confInputs builds the confidence model's inputs for a ranked list.
func (b *Base) confInputs(q *query, ranked []scored) []float64 {
	top := ranked[0].feat
	// The margin is over the best candidate that gives another answer:
	// sources that agree on the same thing are no rival to each other.
	margin, runnerUp := marginCap, 0.0
	lead := b.facts[ranked[0].fact]
	for _, s := range ranked[1:] {
		if b.sameAnswer(q, lead, b.facts[s.fact]) {
			continue
		}
		margin = min(ranked[0].score-s.score, marginCap)
		runnerUp = s.feat.HandConf
		break
	}
	var total, unknown float64
	specific := 0.0
	for _, u := range q.units {
		total += u.weight
		if !u.known {
			unknown += u.weight
		}
		if u.link != nil && !u.broad {
			specific++
		}
	}
	unknownShare := 0.0
	if total > 0 {
		unknownShare = unknown / total
	}
	// Agreement: the runner-up is another way of saying the same answer.
	agree := 0.0
	if len(ranked) > 1 && b.facts[ranked[0].fact].Conflict != "" && b.facts[ranked[0].fact].Conflict == b.facts[ranked[1].fact].Conflict {
		agree = 1
	}
	// A joined question is answered by the lead and its partners together:
	// a word only a partner covers is not missed.
	rs, pairGain := b.partners(q, ranked)
	partners := make([]int, len(rs))
	for j, r := range rs {
		partners[j] = ranked[r].fact
	}
	missedKnown, missedNew := b.missedWords(q, ranked[0].fact, partners)
	bm25Share := 0.0
	if ideal := b.idealBM25(q); ideal > 0 {
		bm25Share = min(top.BM25/ideal, bm25ShareCap)
	}

	return []float64{
		top.HandConf, top.Cov, top.TextCov, top.Alt, math.Log1p(top.BM25), bm25Share, top.MissedEntity, top.IntentFit, top.SpanFit, top.Meta,
		margin, runnerUp, unknownShare, float64(q.edits), specific, agree,
		missedKnown, missedNew, pairGain,
		b2f(q.intent == IntentWho), b2f(q.intent == IntentWhen), b2f(q.intent == IntentHowMany), b2f(q.intent == IntentWhy),
		b2f(q.intent == IntentList), b2f(q.intent == IntentDefine), b2f(q.intent == IntentWhere),
	}
}

// missedWords returns the shares of the question's weight carried by words
// that fact i covers neither in its text nor in its alternate questions:
// words the pack uses elsewhere (known), and words it never uses (new). A
// known word the answer leaves out is a sign it answers something else
// ("when did Torkham reopen" answered by its closing); a new word may be a
// paraphrase the pack has no word for. A word that one of partners (fact
// indexes) covers is not missed: they answer a joined question together.
func (b *Base) missedWords(q *query, i int, partners []int) (known, fresh float64) {
	ix := b.idx
	var total float64
	for _, u := range q.units {
		total += u.weight
		if u.link != nil || ix.covers(i, u) || slices.ContainsFunc(partners, func(p int) bool { return ix.covers(p, u) }) {
			continue
		}
		if u.known {
			known += u.weight
		} else {
			fresh += u.weight
		}
	}
	if total == 0 {
		return 0, 0
	}
	return known / total, fresh / total
}

// sameAnswer reports whether two facts give q the same answer: the same
// kind of fact about the same subject, two sides of one conflict, or, for
// the intent asked, the same date (when), the same figure (how many), or the
// same place or person the question did not name (where, who).
func (b *Base) sameAnswer(q *query, f, g *Fact) bool {
	if f.Conflict != "" && f.Conflict == g.Conflict {
		return true
	}
	if f.Type == g.Type && len(f.Entities) > 0 && len(g.Entities) > 0 && f.Entities[0] == g.Entities[0] {
		return true
	}
	switch q.intent {
	case IntentWhen:
		return !f.Date.IsZero() && f.Date == g.Date
	case IntentHowMany:
		return len(f.Numbers) > 0 && sameNumbers(f.Numbers, g.Numbers)
	case IntentWhere:
		return b.shareUnasked(q, f, g, KindPlace, KindCrossing)
	case IntentWho:
		return b.shareUnasked(q, f, g, KindPerson)
	}
	return false
}

// shareUnasked reports whether facts f and g both name an entity of one of
// kinds that the question did not name: the answer they share.
func (b *Base) shareUnasked(q *query, f, g *Fact, kinds ...string) bool {
	for _, id := range f.Entities {
		e := b.entityByID[id]
		if e == nil || q.linked(id) || !contains(kinds, e.Kind) || !contains(g.Entities, id) {
			continue
		}
		return true
	}
	return false
}

// bm25ShareCap bounds a fact's BM25 as a share of the ideal: a fact that
// repeats the question's words is no surer an answer for it.
const bm25ShareCap = 1.5

// marginCap bounds the score margin over the runner-up that the confidence
// model sees: past it, a lead is a lead.
const marginCap = 5.0

// rankFeatureNames name, in order, the ranking model's inputs for one
// candidate.
var rankFeatureNames = append([]string{
	"cov", "text_cov", "alt", "log_bm25", "missed_entity", "intent_fit", "span_fit", "meta", "hand_conf", "hand_score",
}, signNames()...)

// signNames lists the signs' names in order.
func signNames() []string {
	out := make([]string, numSigns)
	for s := range numSigns {
		out[s] = signInfo[s].name
	}
	return out
}

// rankInputs builds the ranking model's inputs for one candidate: its
// features, the hand model's outputs, and every sign.
func rankInputs(f features) []float64 {
	return appendRankInputs(make([]float64, 0, len(rankFeatureNames)), f)
}

// appendRankInputs appends f's ranking model inputs to dst.
func appendRankInputs(dst []float64, f features) []float64 {
	dst = append(dst, f.Cov, f.TextCov, f.Alt, math.Log1p(f.BM25), f.MissedEntity, f.IntentFit, f.SpanFit, f.Meta, f.HandConf, f.Score/handScoreScale)
	for _, v := range f.Signs {
		dst = append(dst, float64(v))
	}
	return dst
}

// handScoreScale brings the hand-tuned ranking score to about the range of
// the other inputs.
const handScoreScale = 10

func b2f(v bool) float64 {
	if v {
		return 1
	}
	return 0
}

// namesPlace reports whether fact f names a place, or a crossing, the
// question does not: what a where-question asks for. Asked for provinces,
// districts or towns (localPlaces), a place within none is none.
func (b *Base) namesPlace(q *query, f *Fact) bool {
	i := b.idx.factIndex[f]
	if !q.asksLocal && b.idx.region[i] {
		return true // "mostly in the eastern provinces": a place, in words
	}
	for k, id := range f.Entities {
		e := b.idx.factEnts[i][k]
		if e == nil {
			continue
		}
		// (What kind of thing it is is read first: most are neither, and
		// then whether the question names it does not matter.)
		place := (e.Kind == KindPlace || e.Kind == KindCrossing) && (!q.asksLocal || e.Within != "")
		outlet := q.published && e.Kind == KindOrganisation // "where was it published": in Dawn, an outlet
		if !place && !outlet || q.linked(id) || q.usesName(b.idx, e) {
			continue
		}
		if place && !b.namedOnlyWithin(f, e) || outlet {
			return true
		}
	}
	return false
}

// holdsPostAt reports whether fact f answers where the person q asks
// about is based by the post they hold at an organisation: "where is
// Lieven based" — a fellow at the Quincy Institute.
func (b *Base) holdsPostAt(q *query, f *Fact) bool {
	p := q.linkedPerson()
	if p == nil || !q.asksBase() || f.Type != TypeRole || len(f.Entities) == 0 || f.Entities[0] != p.ID {
		return false
	}
	return slices.ContainsFunc(f.Entities[1:], func(id string) bool {
		e := b.entityByID[id]
		return e != nil && (e.Kind == KindOrganisation || e.Kind == KindPlace)
	})
}

// notWhereBased reports whether q asks where a person is based and fact f,
// though it names a place, does not say where they are: it neither says
// where they live or are based nor gives their post at an organisation.
// Lieven on Washington says nothing of where Lieven works.
func (b *Base) notWhereBased(q *query, f *Fact) bool {
	p := q.linkedPerson()
	return p != nil && q.asksBase() && !b.holdsPostAt(q, f) && !(contains(f.Entities, p.ID) && usesWordOf(f, livesWords))
}

// baseWords ask where someone is based: "where is Lieven based". ("Where
// does she work" asks whom she works for: see asksWhereWorks.)
var baseWords = setOf(`based base located stationed headquartered`)

// asksBase reports whether a where-question asks where someone is based.
func (q *query) asksBase() bool {
	return q.intent == IntentWhere && slices.ContainsFunc(q.toks, func(t string) bool { return baseWords[t] })
}

// namedOnlyWithin reports whether fact f's text names e only inside the
// name of another of its entities, or only as the owner of what follows
// (ownerOnly): the Pakistan of "Tehrik-e-Taliban Pakistan", or of
// "Pakistan's special representative", is no place the fact says anything
// happened. The index holds the answer for each of a fact's places
// (nestedPlaces).
func (b *Base) namedOnlyWithin(f *Fact, e *Entity) bool {
	ix := b.idx
	i := ix.factIndex[f]
	if k := slices.Index(f.Entities, e.ID); k >= 0 && k < 64 && (e.Kind == KindPlace || e.Kind == KindCrossing) {
		return ix.nestedPlaces[i]&(1<<k) != 0 // worked out at build time (nestPlaces)
	}
	return ix.nestedName(b.entityByID, i, f, e) || ownerOnly(f, e)
}

// ownerOnly reports whether fact f's text names e, each time it does, as
// the owner of what follows: the Pakistan of "Pakistan's special
// representative led a meeting" says whose envoy he is, not where the
// meeting was.
func ownerOnly(f *Fact, e *Entity) bool {
	names := append([]string{e.Name, e.Abbr}, e.Aliases...)
	seen := false
	for _, text := range append([]string{f.Text}, f.Items...) {
		text = strings.ToLower(text)
		for _, name := range names {
			name = strings.ToLower(name)
			if name == "" {
				continue
			}
			for at := 0; ; {
				k := strings.Index(text[at:], name)
				if k < 0 {
					break
				}
				start, end := at+k, at+k+len(name)
				at = end
				if start > 0 && isWordByte(text[start-1]) || end < len(text) && isWordByte(text[end]) {
					continue // inside another word
				}
				if !possessiveAt(text, end) || placeOwned(text[end:]) {
					return false
				}
				seen = true
			}
		}
	}
	return seen
}

// ownedPlaceWords is how many words after a possessive may name a place
// it owns: "Pakistan's northernmost district".
const ownedPlaceWords = 2

// placeOwned reports whether one of the first words of rest, after a
// possessive, names a kind of place: a place that owns a district says
// where the district is.
func placeOwned(rest string) bool {
	words := tokenize(rest) // (which drops the possessive's "'s")
	return slices.ContainsFunc(words[:min(len(words), ownedPlaceWords)], func(w string) bool { return placeNouns[w] })
}

// possessiveAt reports whether text holds a possessive 's at byte i.
func possessiveAt(text string, i int) bool {
	rest := text[i:]
	for _, p := range []string{"'s", "\u2019s"} {
		if strings.HasPrefix(rest, p) && (len(rest) == len(p) || !isWordByte(rest[len(p)])) {
			return true
		}
	}
	return false
}

// isWordByte reports whether c is an ASCII letter or digit.
func isWordByte(c byte) bool { return asciiLetter(c) || asciiDigit(c) }

// nestedName is namedOnlyWithin worked out from fact i's text.
func (ix *index) nestedName(byID map[string]*Entity, i int, f *Fact, e *Entity) bool {
	text := ix.textStems[i]
	spans := func(id string) [][2]int {
		var out [][2]int
		for _, name := range ix.nameStems[id] {
			for p := 0; p+len(name) <= len(text); p++ {
				if slices.Equal(text[p:p+len(name)], name) {
					out = append(out, [2]int{p, p + len(name)})
				}
			}
		}
		return out
	}
	own := spans(e.ID)
	if len(own) == 0 {
		return false
	}
	var others [][2]int
	for _, id := range f.Entities {
		if x := byID[id]; x != nil && id != e.ID && x.Kind != KindEvent && x.Kind != KindOperation && x.Kind != KindAgreement {
			others = append(others, spans(id)...) // (an event named for a place, "the capture of Herat", names the place)
		}
	}
	for _, s := range own {
		if !slices.ContainsFunc(others, func(o [2]int) bool { return o[0] <= s[0] && s[1] <= o[1] && o[1]-o[0] > s[1]-s[0] }) {
			return false
		}
	}
	return true
}

// nestPlaces works out, for each fact, which of its first 64 entities
// that are places or crossings it names only inside another name
// (nestedName) or as an owner (ownerOnly): a mask over its entities, so that no question works it
// out again. namedOnlyWithin reads the mask for those, and works out any
// other entity as asked.
func (ix *index) nestPlaces(b *Base) {
	ix.nestedPlaces = make([]uint64, len(b.facts))
	for i, f := range b.facts {
		for k, id := range f.Entities[:min(len(f.Entities), 64)] {
			if e := b.entityByID[id]; e != nil && (e.Kind == KindPlace || e.Kind == KindCrossing) && (ix.nestedName(b.entityByID, i, f, e) || ownerOnly(f, e)) {
				ix.nestedPlaces[i] |= 1 << k
			}
		}
	}
}

// regionRE matches a region named in words rather than by a place's
// name: "the eastern provinces", "north-western Pakistan", "the tribal
// belt", "border areas".
var regionRE = regexp.MustCompile(`\b(?:(?:north|south)?(?:-)?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|central)\s+(?:provinces?|regions?|areas?|parts?|districts?|afghanistan|pakistan|belt|border)\b|\btribal (?:belt|areas?|districts?|regions?)\b|\bborder (?:areas?|regions?|provinces?|districts?)\b|\bin the (?:east|west|north|south|north-?west|north-?east|south-?west|south-?east)\b`)

// missedSaid is how many of the specific things question q says, and a
// follow-up did not only carry, candidate s does not mention: its
// MissedEntity, less what a reading carried.
func (b *Base) missedSaid(q *query, s scored) float64 {
	n := s.feat.MissedEntity
	for k, u := range q.units {
		if u.carried && u.link != nil && q.unitCredit(k, s.fact) == 0 && !u.broad {
			n--
		}
	}
	return n
}
