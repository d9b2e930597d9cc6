package knowledge

// Declining: what to say when the sources do not answer, what they do say
// instead, and suggestions checked to work.

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lacksDate is what a fact about another time than the one asked lacks.
const lacksDate = "anything for that date"

// missingPart returns what the question asks that the best ranked fact
// cannot give, phrased to follow "don't say" ("when", "how many"), or ""
// when it can give it: a when-question needs a date, a how-many question a
// figure, a who-question about someone unnamed a person or group, a
// where-question a place. The facts after it may be its partners in
// answering a joined question.
func (b *Base) missingPart(q *query, ranked []scored) string {
	best := ranked[0]
	i := best.fact
	f := b.facts[i]
	if b.missesEvent(q, i) || b.missesEventNamed(q, i) {
		if q.intent == IntentHowMany {
			return q.howMuchPart()
		}
		if part := partAsked(q.intent); part != "" {
			return part
		}
	}
	if q.intent == IntentWhen && q.asksSaid() && f.Type == TypeStatement && b.datedBySource(f) {
		// "when did he say it?" of a remark whose source gives no date
		// of it ("Durrani's recent statement"): the fact's date is the
		// source's, not the remark's.
		return "exactly when"
	}
	if b.missesOwnWords(q, i) && q.asksYesNo() {
		// A follow-up read with the conversation's words ("is there a
		// bounty on him" as "… on Noor Wali Mehsud in Kabul"): a fact
		// that has the words carried and none of those the follow-up
		// said does not answer what it asked.
		if part := partAsked(q.intent); part != "" {
			return part
		}
		return "that"
	}
	if held := heldAt(f); q.hasSpan && q.intent != IntentTimeline && !held.IsZero() &&
		!held.Overlaps(q.from, q.to) && !(q.from.Precision() == YearPrecision && textNamesYear(f.Text, q.from.Year, q.to.Year)) {
		// A year the text names answers a question about that year, not
		// about one of its months ("attacks in December 2022" is not
		// answered by April 2022's).
		return lacksDate // the fact is about another time
	}
	if part := b.missesKiller(q, i); part != "" {
		// "who killed Baitullah Mehsud": that he led the TTP does not say.
		return part
	}
	if name := q.unknownOwner(b); name != "" {
		// "who heads Nepal's interim government": a party the pack never
		// names owns what is asked, and Pakistan's caretaker government is
		// not its.
		return "anything about " + name
	}
	if name := q.unknownPlace(b); name != "" {
		// "did the Chaman crossing close too": a place the pack never
		// names is not the Torkham crossing it does.
		return "anything about " + name
	}
	if b.partOfYearOnly(q, f) {
		// "how many attacks did the TTP claim in 2022": April's 54 is
		// not the year's count.
		return "how many in all of " + strconv.Itoa(q.from.Year)
	}
	if q.asksMoney() && !usesWordOf(f, currencyWords) {
		// "the dollar value of the customs revenue" is not answered by its
		// share.
		return "how much money"
	}
	if q.asksRate() && !hasFigure(f) {
		// "what duty rate did Pakistan set": that it should levy a duty
		// gives no rate.
		return "the rate"
	}
	if asked := b.kindMissing(q, i); asked != "" {
		// "which party is Kakar from": a fact on Kakar that names no
		// party does not say which.
		return asked
	}
	if p := q.linkedPerson(); p != nil && q.asksWorkplace() && !((f.Type == TypeRole || f.Role != nil) && f.Entities[0] == p.ID) {
		// "where does Ghosh work": that she wrote a viewpoint says
		// nothing of where she works.
		return "where " + p.Name + " works"
	}
	if part := otherOrdinal(q.fixed, f.Text); part != "" {
		// "the second half of 2023" is not answered by the first half's
		// figures.
		return "anything for the " + part
	}
	if people := q.kinAsked(); len(people) == 2 && !(b.mentions(f, i, people[0].entities) && b.mentions(f, i, people[1].entities)) {
		// "how is Mullah Yaqoob related to Mullah Omar": a fact on one of
		// them says nothing of the two.
		return "how they are related"
	}
	if w := b.otherSideOf(q, f); w != "" {
		// "the trilateral meeting" is not the bilateral one.
		return "anything about a " + w + " one"
	}
	if missed := b.missedEventWord(q, i); missed != "" && !b.partnerCovers(q, ranked, missed) {
		// "how many were injured" is not answered by how many were killed.
		switch q.intent {
		case IntentWhen:
			return "when it was " + missed
		case IntentHowMany:
			if shortPasts[missed] {
				return "how many " + missed // "how many died", not "were died"
			}
			return "how many were " + missed
		case IntentFact:
			if q.asksYesNo() {
				// "was Faiz Hameed arrested": his sidelining does not say.
				who := "it"
				switch {
				case slices.ContainsFunc(q.toks[:min(2, len(q.toks))], func(t string) bool { return someoneWords[t] }):
					who = "anyone" // "(was) anyone arrested over the Mastung bombing"
				case len(q.links) > 0:
					who = q.links[0].entities[0].Name
				}
				return "whether " + who + " was " + missed
			}
		}
	}
	if mainVerb := b.missesMainVerb(q, i); (mainVerb || b.missesRedoing(q, i)) && q.intent != IntentWhy {
		// "when did Torkham reopen" is not answered by its closing, nor
		// "who did Clinton meet" by her visit.
		if part := partAsked(q.intent); part != "" {
			return part
		}
		if q.intent == IntentWho {
			return "who"
		}
		if q.intent == IntentFact && mainVerb {
			return "that" // "what did the Doha deal require the Taliban to do"
		}
	}
	if a := q.speaker(); a != nil && (q.intent == IntentStatement || q.intent == IntentFact) && q.speaks(a) && !(reactionWords[q.speechVerb(a)] && a.entities[0].Kind == KindPlace && b.mentions(f, i, a.entities)) &&
		!slices.ContainsFunc(a.entities, func(e *Entity) bool {
			return contains(f.Entities, e.ID) || b.idx.entityDoc[e.ID] == f.Cite.Doc || b.governedIn(f, e) || b.governsIn(f, e) || b.officialIn(f, e)
		}) {
		// "what did Beijing say about the strikes": what the Taliban said
		// about them is not China's word. (An author's own document is
		// her word: "what options does Ghosh think Pakistan has". How a
		// state responded may be what it did: Pakistan's operations after
		// the Tank fort attack, in a fact on Pakistan.)
		return "what " + a.entities[0].Name + " said"
	}
	if a, to := q.doer, q.respondedTo(); a != nil && to != nil && usesWordOf(f, speechWords) && b.namedBefore(f, to.entities[0], a.entities[0]) {
		// "how did Pakistan respond to Clinton": her warning, which
		// names Pakistan after her, is her word, not Pakistan's answer.
		return "what " + a.entities[0].Name + " said"
	}
	if a := q.doer; a != nil && len(a.entities) == 1 && !b.idx.broad(a.entities[0].ID) && b.idx.entityDoc[a.entities[0].ID] == "" &&
		!b.mentions(f, i, a.entities) && !b.partnerMentions(q, ranked, a.entities) {
		// "when did Russia recognise the Taliban": that Islamabad lobbied
		// for their recognition says nothing of what Russia did. (A name
		// that may stand for more than one, as "Kabul" for the country or
		// its government, is too loose to hold a fact to.)
		if part := partAsked(q.intent); part != "" {
			return part
		}
		return "what " + a.entities[0].Name + " did"
	}
	if p := q.linkedPerson(); p != nil && !q.carriedName(p.ID) && b.idx.entityDoc[p.ID] == "" && (q.intent == IntentStatement || q.intent == IntentFact) && q.asksSaid() && f.Type != TypeStatement && !b.saysAfter(f, p) && !q.repliedTo(p) &&
		!(q.asksWhatAbout() && b.mentions(f, i, []*Entity{p})) {
		// "what did Mansour Ahmed Khan say at the Serena": a photo of him
		// there, before the Taliban "announced" their government, is not
		// his word; nor is a paper reproducing Barakat's op-ed what it
		// recommends. (What a source's author suggests is the whole
		// source.)
		return "what " + p.Name + " said"
	}
	if p := q.linkedPerson(); p != nil && (q.asksSaid() || slices.ContainsFunc(q.toks, func(t string) bool { return writeVerbs[t] })) && !q.carriedName(p.ID) && q.sourceDoc != "" && b.idx.entityDoc[p.ID] == q.sourceDoc && f.Cite.Doc != q.sourceDoc {
		// "what did Ghosh say about the March 2024 strikes", "what did
		// Bhonsle write about them": what another source says of them is
		// not the author's word.
		return "what " + p.Name + " said"
	}
	if p := q.linkedPerson(); p != nil && (q.asksSaid() || q.asksReaction() || q.asksOpinion()) && !q.carriedName(p.ID) && b.idx.entityDoc[p.ID] == "" && !q.repliedTo(p) {
		if q.onePersonAsked() && !b.mentions(f, i, []*Entity{p}) {
			return "what " + p.Name + " said" // "what did Noor Wali Mehsud say": the Taliban government's words are not his
		}
		if k := q.topicStart(); k >= 0 {
			var total, covered float64
			for _, u := range q.units {
				if u.pos <= k || u.carried || u.link == nil && topicHeads[q.toks[u.pos]] {
					continue // "the deportation policy", "the expulsion order": the deportations, the expulsion
				}
				total += u.weight
				if u.link != nil && b.mentions(f, i, u.link.entities) || u.link == nil && b.idx.covers(i, u) {
					covered += u.weight
				}
			}
			if total > 0 && covered < saidAboutShare*total {
				// "what did Kugelman say about the deportations": his
				// words on NATO's support say nothing of them.
				if about := q.saidAbout(b.idx); about != nil && !b.mentions(f, i, about.entities) {
					return "what " + p.Name + " said about " + about.entities[0].Name
				}
				return "what " + p.Name + " said about that"
			}
		}
	}
	if q.asksEarlier() && !usesWordOf(f, earlierWords) {
		// "what did Muttaqi do before he became foreign minister": a fact
		// that he is foreign minister says nothing of before.
		return "what came before"
	}
	if (q.intent == IntentWho || q.linkedPerson() != nil) && b.missesKin(q, f) {
		// "who is Mullah Yaqoob's father", "Yaqoob's dad's name": the fact
		// on Yaqoob names no father.
		if q.intent == IntentWho {
			return "who"
		}
		return "that"
	}
	if b.missesDeath(q, f) {
		return "that" // "how was Baitullah Mehsud killed": the fact on him says nothing of his death
	}
	if part := b.missesAttribute(q, f); part != "" {
		// "how old is Kakar": no fact on him gives an age.
		return part
	}
	if q.asksLater() && !usesWordOf(f, laterWords) {
		// "which post did Bugti take up after serving as interior
		// minister": a fact that he was interior minister says nothing
		// of what came next.
		return "what came after"
	}
	if nouns := q.nameAsked(b.idx); len(nouns) > 0 && !namesCapitalised(f.Text, nouns) && !b.namesCapitalisedSynonym(f.Text, nouns) {
		// "the name of the railway project": a fact about the project
		// that gives it no name ("Project X") does not answer.
		return "what it is called"
	}
	if q.also < 0 && asksTitle(q.toks) && !quotedTitleRE.MatchString(f.Text) {
		// "title of Barakat's Al Jazeera op-ed": a fact that he wrote one
		// gives no title unless it quotes it.
		return "its title"
	}
	if q.asksOrganisations() && !b.namesBody(q, f) {
		// "which Chinese companies invested": a fact that companies did
		// names none.
		return "which ones"
	}
	if (q.intent == IntentList || q.intent == IntentWho) && q.asksPeople() && !b.namesOther(q, f, false) {
		// "which TTP leaders were freed": a fact that names none does not
		// say who.
		return "who"
	}
	switch q.intent {
	case IntentWhy:
		if (f.Type == TypeEvent || f.Type == TypeFigure || f.Type == TypeRole || f.Type == TypeDefinition) && !usesWordOf(f, causeWords) {
			return "why" // what happened, or what a thing is, with no reason given
		}
	case IntentWhen:
		title, _ := q.askedTitle(b.idx)
		if f.Date.IsZero() && !textNamesAnyYear(withoutDatedTag(f.Text)) {
			// (The date of a source's tag, "…, Bhonsle notes in October
			// 2023", is when it was said, not when it happened.)
			return "when"
		}
		if q.asksDay && f.Date.Precision() < DayPrecision {
			return "the exact date" // "in September 2023" is not the day
		}
		if (q.asksStart || q.asksTenure()) && !usesWordOf(f, startWords) && !(len(title) > 0 && cameToPower(f.textWords())) && f.Date.End.Year == 0 {
			// "when did X become leader", "since when has X been chief": a
			// fact that X led in 2023 does not say when X began. (One dated
			// from 1947 to 2018 does.)
			return "when it began"
		}
		if len(title) > 0 && q.linkedPerson() != nil && f.Role == nil && slices.ContainsFunc(title, func(s string) bool { return !b.textUsesStem(f.Text, s) }) {
			// "when was Yasin Zia army chief": the founding of the front
			// he leads does not date his time in the post.
			return "when"
		}
		if q.asksEnd && !usesWordOf(f, endWords) {
			// "when did Imran Khan leave office": a fact that he was
			// prime minister in 2021 does not say when he stopped.
			return "when it ended"
		}
		if q.asksStart && len(title) > 0 && f.Role == nil && !b.startsTitle(f.Text, title) {
			// "when did Durrani become special envoy": not "the special
			// envoy said peace had become a nightmare".
			return "when it began"
		}
	case IntentHowMany:
		if !b.idx.figure[i] && !(q.asksDuration && b.idx.duration[i]) && !(q.asksStrength && b.idx.sized[i]) &&
			!(!q.asksExact() && usesWordOf(f, scaleWords)) {
			// (How long something lasted is said by its dates, when it
			// has a first and a last: "from 1947 until May 2018". A scale
			// in words, "hundreds of TTP prisoners", is how many the
			// sources say, unless an exact number is asked.)
			return q.howMuchPart()
		}
		if q.asksExact() && b.vagueAbout(q, f, vagueWords) {
			return "the exact number" // "injuring several", "thousands waiting"
		}
		if q.asksCasualties() && b.vagueAbout(q, f, countlessWords) {
			return q.howMuchPart() // "how many were injured at Bajaur": "injuring several" gives no number
		}
		if len(q.counted) > 0 && best.feat.Signs[signHowManyCounted] == 0 && !b.partnerCounts(q, ranked) && !(q.asksStrength && b.idx.sized[i]) &&
			!(!q.asksExact() && b.scaleOfCounted(q, f)) {
			// "how many TTP militants were killed" is not answered by a
			// count of civilians and soldiers.
			return "how many"
		}
		if b.countsOtherPeople(q, i) && !b.partnerCounts(q, ranked) {
			// "how many of the TTP are Afghan nationals" is not answered
			// by attacks on Chinese nationals.
			return "how many"
		}
		if m := q.measuredThing(b.idx); m != "" && !b.textUsesStem(f.Text, b.idx.stem(m)) {
			// "how long is the fence along the Durand Line" is not
			// answered by the length of the border.
			return q.howMuchPart()
		}
	case IntentWho:
		switch {
		case q.succession:
			if !b.namesOther(q, f, false) || !usesWordOf(f, startWords) {
				// "who succeeded X" is answered by a fact that someone
				// else took X's place, not by X or a passing name.
				return "who"
			}
		case q.companionAsked() && !b.namesOther(q, f, false):
			return "who" // "who was having tea with Faiz Hameed": someone else, by name
		case q.photographerAsked() && (!b.namesOther(q, f, false) || !namesPhotographer(f)):
			// "who took the photo of Faiz Hameed": not he, whom it shows,
			// nor anyone a fact names that does not say who took it.
			return "who"
		case appointeeAsked(q.toks) && q.linkedPerson() != nil:
			// "who installed Babrak Karmal as president": a fact that says
			// he was installed, naming a person, body or state other than
			// he (the Soviet Union).
			if !usesWordOf(f, appointVerbs) || !b.namesUnasked(q, f, func(e *Entity) bool { return e.Kind == KindPerson || e.Kind == KindPlace || isBody(e) }) {
				return "who"
			}
		case appointeeAsked(q.toks) && !b.namesHolder(q, f, true):
			return "who" // "who did China name as its ambassador": a person named as the ambassador
		case q.linkedPerson() == nil && !b.answersWho(q, f) && !b.namesOther(q, f, !q.personQ) &&
			!(slices.Contains(q.toks, "whose") && b.namesUnasked(q, f, func(e *Entity) bool { return e.Kind == KindPlace })):
			// ("whose nationals did the TTP target": a country answers.)
			return "who"
		case b.missesLedThing(q, i):
			return "who" // "who heads the Afghan embassy": a fact about who heads a think tank does not say
		case b.otherHolder(q, f):
			return "who" // "the Taliban's ambassador" is not Pakistan's
		case best.feat.Signs[signWhoUnnamed] != 0 && !b.namesHolder(q, f, true):
			return "who" // "the army chief": the fact names a role, not who holds it
		case q.titleAsked() && best.feat.MissedEntity > 0 && !b.missedOnlyAsTime(q, i) && !b.missedOnlyAsPost(q, i):
			// "the US ambassador in Islamabad": a holder of the title
			// somewhere the question does not ask about.
			return "who"
		case (q.current || q.asksHolderNow()) && !q.formerTitle() && f.Role != nil && f.Role.Former && (b.roleIs(q.title, f.Role.Title) || f.Role.Of != "" && q.linked(f.Role.Of)):
			return "who" // "the current ISI chief", "who heads the ISI now": not a former one
		case b.namesRoleUnnamed(q, f):
			return "who" // "which Afghan diplomat got the démarche": the fact speaks of "an Afghan diplomat"
		case b.foundedUnnamed(q, f):
			return "who" // "who set up the Free Afghans Front": "a group created in January 2022" says not by whom
		case q.linkedPerson() != nil && q.titleAsked() && !appointeeAsked(q.toks) && !b.namesHolder(q, f, true):
			// "the army chief at Kakar's meeting" asks for someone beside
			// the person named, and the fact names no one as army chief.
			// (Who made the one named president asks who did it, above.)
			return "who"
		}
	case IntentWhere:
		if best.feat.Signs[signWherePlace] == 0 && !(asksWherePosted(q.toks) && namesPlatform(f)) {
			return "where" // the fact names no place but those asked about ("on X" is where a statement was posted)
		}
		if b.missesWhereVerb(q, i) {
			return "where" // "where did Zahir Shah live": not where he was overthrown
		}
		if b.notWhereBased(q, f) {
			return "where" // "where is Lieven based": not the Washington he spoke of
		}
		if n := q.placeAsked(); localPlaces[n] && !b.namesLocalPlace(q, f) {
			// "which provinces are the camps in": "Taliban-run
			// Afghanistan" names the country, and "anti-Pakistan" another.
			return "where"
		}
		if r := b.regionAsked(q); r != "" && b.placesOutside(q, f, r) {
			// "which Afghan provinces did the strikes hit": a fact whose
			// places all lie in Pakistan does not say.
			return "where"
		}
		if n := q.placeAsked(); n != "" && !b.textUsesStem(f.Text, b.idx.stem(n)) && usesWordOf(f, placeNouns) && !b.placeOfKind(q, f, n) && !b.otherPlaceAsked(q, f, n) {
			// "which town in Kunar" is not answered by "Kunar province"; a
			// fact naming no kind of place ("captured Herat") may still.
			return "where"
		}
	case IntentStatement:
		if q.asksSaid() && f.Type != TypeStatement && !usesWordOf(f, speechWords) && !(f.Type == TypeList && len(f.Items) > 0 && b.ofDocument(f)) &&
			!b.namesSourceOf(q, f) && !(q.respondedTo() != nil && usesWordOf(f, reactionWords)) && !(dataSays(q.toks) && b.idx.figure[i]) {
			// (Whether anyone has responded to a statement, a fact that
			// says no response came answers.)
			// A document's list of what it found is what it says, and so
			// is all of a source asked what its author says ("what does
			// Ghosh say about the Durand Line": what her piece says of it).
			return "what was said"
		}
		if l := q.aboutLink(); l != nil && !b.mentions(f, i, l.entities) {
			// "what did Karzai say about the TTP": a remark of his on
			// something else does not answer, however common the TTP.
			return "what was said about that"
		}
		if l := q.aboutLink(); l != nil {
			// "what did India say about Pakistan deporting Afghans": a
			// fact on India and Pakistan that says nothing of deporting
			// is no word on it.
			if b.missesTopic(q, i, l.start) {
				return "what was said about that"
			}
		}
		if l := q.stanceHolder(); l != nil && !b.mentions(f, i, l.entities) {
			// "the TTP's position on girls' education": a recommendation
			// by the FNF paper is not the TTP's stance.
			return "what " + l.entities[0].Name + " thinks"
		}
	}
	if l := b.reactorActedOn(q, f, i); l != nil {
		// "how did the HGB respond to the March 18 strikes": the strikes
		// Pakistan retaliated with were on the HGB, no response of its own.
		if e := l.entities[0]; isBody(e) {
			return "how the " + e.Name + " responded" // "the Hafiz Gul Bahadur group"
		}
		return "how " + l.entities[0].Name + " responded"
	}
	return ""
}

// dataSays reports whether a question asks what data, figures or a
// report say: "what does PICSS data say about September 2023", which a
// figure answers as well as a remark.
func dataSays(toks []string) bool {
	for k := 0; k+1 < len(toks); k++ {
		if (dataNouns[toks[k]] || tallyNouns[toks[k]]) && (toks[k+1] == "say" || toks[k+1] == "says" || toks[k+1] == "show" || toks[k+1] == "shows") {
			return true
		}
	}
	return false
}

// otherPlaceAsked reports whether the question offers, right after the
// kind of place n, another kind that fact f does name: "which
// cities/provinces" is answered by "Khost province".
func (b *Base) otherPlaceAsked(q *query, f *Fact, n string) bool {
	for j, t := range q.toks {
		if t == n && j+1 < len(q.toks) && placeNouns[q.toks[j+1]] {
			m := q.toks[j+1]
			return b.textUsesStem(f.Text, b.idx.stem(m)) || b.placeOfKind(q, f, m)
		}
	}
	return false
}

// namesPlaceAsked reports whether fact f says the kind of place asked for
// by noun ("which prisons"): in its words, or by naming a place of that
// kind.
func (b *Base) namesPlaceAsked(q *query, f *Fact, noun string) bool {
	return b.textUsesStem(f.Text, b.idx.stem(noun)) || b.placeOfKind(q, f, noun)
}

// placeOfKind reports whether fact f names a place the question does not
// whose summary calls it a noun: "which province" is answered by
// Balochistan, "Pakistan's south-western province", though the fact says
// only "Mastung district, Balochistan".
func (b *Base) placeOfKind(q *query, f *Fact, noun string) bool {
	st := b.idx.stem(noun)
	for _, id := range f.Entities {
		if e := b.entityByID[id]; e != nil && e.Kind == KindPlace && !q.linked(id) && b.textUsesStem(e.Summary, st) {
			return true
		}
	}
	return false
}

// regionAsked returns the id of the place the question puts the place it
// asks for in: "which Afghan provinces", "which provinces in Afghanistan",
// "where in Afghanistan"; "" when it names none.
func (b *Base) regionAsked(q *query) string {
	for i, t := range q.toks {
		at := -1
		switch {
		case placeNouns[t]:
			if l := q.linkEndingAt(i); l != nil {
				return placeID(l) // "Kabul's prisons"
			}
			if i > 0 {
				if id := b.placeNamedBy(q.toks[i-1]); id != "" {
					return id // "afghan provinces"
				}
			}
			at = i + 1
		case t == "where":
			at = i + 1
		default:
			continue
		}
		if at+1 < len(q.toks) && (q.toks[at] == "in" || q.toks[at] == "of" || q.toks[at] == "inside" || q.toks[at] == "within") {
			for _, l := range q.links {
				if l.start == at+1 || l.start == at+2 && q.toks[at+1] == "the" {
					return placeID(&l) // "provinces in Afghanistan", "where in the Punjab"
				}
			}
		}
	}
	return ""
}

// placeNamedBy returns the place a word names, as a name or as the lexicon
// relates it to one ("afghan" to Afghanistan), or "".
func (b *Base) placeNamedBy(w string) string {
	words := []string{w}
	for _, s := range b.idx.lex.syn[b.idx.stem(w)] {
		words = append(words, s)
	}
	for _, w := range words {
		for _, id := range b.partyIDs(w) {
			if e := b.entityByID[id]; e != nil && e.Kind == KindPlace {
				return id
			}
		}
	}
	return ""
}

// linkEndingAt returns the link that ends right before token i, or nil.
func (q *query) linkEndingAt(i int) *link {
	for k := range q.links {
		if q.links[k].end == i {
			return &q.links[k]
		}
	}
	return nil
}

// placeID returns the first place a link names, or "".
func placeID(l *link) string {
	for _, e := range l.entities {
		if e.Kind == KindPlace {
			return e.ID
		}
	}
	return ""
}

// placesOutside reports whether fact f names places besides those the
// question names, and every one of them whose place is recorded lies
// outside region r.
func (b *Base) placesOutside(q *query, f *Fact, r string) bool {
	outside := false
	for _, id := range f.Entities {
		e := b.entityByID[id]
		if e == nil || e.Kind != KindPlace || id == r || q.linked(id) || e.Within == "" {
			continue
		}
		if b.within(id, r) {
			return false
		}
		outside = true
	}
	return outside
}

// within reports whether place id lies inside place r, by the chain of
// places each lies within.
func (b *Base) within(id, r string) bool {
	for steps := 0; id != "" && steps < maxWithinDepth; steps++ {
		e := b.entityByID[id]
		if e == nil {
			return false
		}
		if e.Within == r {
			return true
		}
		id = e.Within
	}
	return false
}

// maxWithinDepth bounds the walk up the places a place lies within; the
// pack's chains are town, district, province, country.
const maxWithinDepth = 8

// partnerCovers reports whether a partner of the best ranked fact in
// answering a joined question covers word: "registered vs undocumented"
// is answered by two facts, and the second gives "undocumented".
func (b *Base) partnerCovers(q *query, ranked []scored, word string) bool {
	rs, _ := b.partners(q, ranked)
	st := b.idx.stem(word)
	for _, r := range rs {
		for _, u := range q.units {
			if u.link == nil && len(u.stems) > 0 && u.stems[0] == st && b.idx.covers(ranked[r].fact, u) {
				return true
			}
		}
	}
	return false
}

// partnerMentions reports whether a fact joined to the lead for another
// part of the question mentions one of es.
func (b *Base) partnerMentions(q *query, ranked []scored, es []*Entity) bool {
	rs, _ := b.partners(q, ranked)
	for _, r := range rs {
		if b.mentions(b.facts[ranked[r].fact], ranked[r].fact, es) {
			return true
		}
	}
	return false
}

// partnerCounts reports whether a fact joined to the lead for another part
// of the question counts what the question counts: in "the number of
// attacks and deaths", the deaths' toll leads and the attacks' count joins
// it.
func (b *Base) partnerCounts(q *query, ranked []scored) bool {
	rs, _ := b.partners(q, ranked)
	for _, r := range rs {
		if ranked[r].feat.Signs[signHowManyCounted] != 0 {
			return true
		}
	}
	return false
}

// A question the sources leave open ("did the TTP and HGB merge", of a
// fact saying the outcome of their talks is unknown) is declined with the
// fact that says so.
const (
	// openMinMatch is the least a question must match one of a fact's open
	// questions to be taken for it: less, and it shares only the fact's
	// topic.
	openMinMatch = 0.6
	// openCueMatch is the least when the question asks what came of
	// something ("did they actually…"): the cue says the open part is
	// asked, and the match need only show it is this fact's.
	openCueMatch = 0.35
	// openReach is how many of the first ranked facts may hold the open
	// question: the fact that leaves it open need not fit the rest of the
	// question best.
	openReach = 3
	// openMargin is how much better than any answered question an open
	// one must match a question that asks nothing the fact does not
	// cover: "who did Kakar write to" is not "did Akhund reply to Kakar's
	// letter", however many words the two share.
	openMargin = 0.04
)

// openAsked returns the place in ranked of the fact that leaves the
// question open, or -1: its open question matches the question better than
// any question the lead or it answers.
func (b *Base) openAsked(q *query, ranked []scored) int {
	for r := 0; r < len(ranked) && r < openReach; r++ {
		s := ranked[r]
		if b.facts[s.fact].Open == nil {
			continue
		}
		m := b.openMatch(q, s.fact)
		if m >= openCueMatch && q.asksOutcome() {
			// "did the Taliban actually move the commanders": what the
			// source leaves open is asked, however well the fact's own
			// questions match.
			return r
		}
		if m < openMinMatch || m <= ranked[0].feat.Alt || m <= s.feat.Alt || q.asksPledge() || asksWhichOne(q.toks) {
			// ("which provinces did the IEA say it would move the
			// commanders from" asks what was pledged, which is known;
			// "which of the Central Asian states plans projects" asks
			// which state, not which projects.)
			continue
		}
		words := slices.ContainsFunc(q.units, func(u unit) bool { return u.link == nil })
		if (words && m-max(ranked[0].feat.Alt, s.feat.Alt) >= openMargin || b.asksBeyond(q, s.fact)) && b.asksOpenPart(q, b.facts[s.fact].Open) {
			// A question that names things but asks nothing of them in
			// words ("Kakar's letter to Akhund: what was in it") matches
			// what is left open no better than what is known.
			return r
		}
	}
	return -1
}

// asksOpenPart reports whether q may ask what the sources leave open: an
// open whether-question ("whether Akhund replied") is asked only with one
// of its words beyond the names in it. "Did Akhund reply to Kakar's
// letter" asks it; "Kakar's letter to Akhund, what was it about" asks what
// the letter said, which is known.
func (b *Base) asksOpenPart(q *query, o *Open) bool {
	if !strings.HasPrefix(o.Part, "whether ") {
		return true // "what the op-ed argues": asked in any words
	}
	part := b.parse(Normalize(o.Part))
	defer b.idx.release(part)
	for _, pu := range part.units {
		if pu.link != nil || len(pu.stems) == 0 {
			continue
		}
		if slices.ContainsFunc(q.units, func(u unit) bool { return u.link == nil && slices.Contains(u.stems, pu.stems[0]) }) {
			return true
		}
	}
	return false
}

// asksWhichOne reports whether toks ask which one of things named or
// spoken of: "which one", "which ones", "which of the states".
func asksWhichOne(toks []string) bool {
	for i, t := range toks[:max(len(toks)-1, 0)] {
		if t == "which" && (toks[i+1] == "one" || toks[i+1] == "ones" || toks[i+1] == "of") {
			return true
		}
	}
	return false
}

// asksOutcome reports whether the question asks what came of something,
// not what was said or planned: "did they actually merge", "have any been
// resettled so far", "did Kabul follow through", "did the talks work".
func (q *query) asksOutcome() bool {
	if q.asksResult {
		return true // "did the merger talks work"
	}
	s := " " + strings.Join(q.toks, " ") + " "
	for _, c := range purposeCues {
		if hasPhrase(s, c) {
			return false // "what was the letter really about": its purpose, not what came of it
		}
	}
	return slices.ContainsFunc(outcomeCues, func(c string) bool { return hasPhrase(s, c) })
}

// asksPledge reports whether the question asks what was promised or
// reported ("the provinces the IEA said it would move them from", "the
// provinces drones were said to be flying over"), not whether it came
// about.
func (q *query) asksPledge() bool {
	for i, t := range q.toks {
		if pledgeWords[t] {
			return true
		}
		if t != "said" && t != "say" && t != "says" || i+1 >= len(q.toks) {
			continue // ("what did he say" asks no pledge)
		}
		if next := q.toks[i+1]; next == "to" || next == "itd" || next == "theyd" || next == "hed" ||
			i+2 < len(q.toks) && (q.toks[i+2] == "would" || q.toks[i+2] == "will") {
			return true // "said it would", "said it'd": a promise; "said to be flying": a report
		}
	}
	return false
}

// pledgeWords say that something was promised.
var pledgeWords = setOf(`promised promise promises pledged pledge pledges committed commit commits vowed vow agreed`)

// purposeCues ask what something was meant to do, however "really" they
// ask it: not what came of it.
var purposeCues = []string{"really about", "actually about", "really getting at", "really get at", "really implying", "really imply",
	"really mean", "really meant", "really meaning", "really driving at"}

// outcomeCues ask whether something came about.
var outcomeCues = []string{"actually", "really", "in practice", "so far", "follow through", "followed through", "carried out", "carry out",
	"end up", "ended up", "formally", "implemented", "implement", "outcome", "came of", "come of", "upshot", "result of", "results of"}

// asksBeyond reports whether the question uses a word that fact i covers
// only in the questions it leaves open: "reply" of a fact about a letter
// whose answer the sources do not report.
func (b *Base) asksBeyond(q *query, i int) bool {
	ix := b.idx
	for _, u := range q.units {
		if u.link == nil && !ix.covers(i, u) && ix.altUses(i, u, true) {
			return true
		}
	}
	return false
}

// asksExact reports whether the question asks for an exact figure.
func (q *query) asksExact() bool {
	return slices.ContainsFunc(q.toks, func(t string) bool {
		return t == "exactly" || t == "exact" || t == "precisely" || t == "precise"
	})
}

// vagueWords give a quantity without a figure.
var vagueWords = setOf(`several some many hundreds thousands dozens numerous scores few`)

// scaleOfCounted reports whether fact f gives the scale of what q counts
// in words: a scale word (scaleWords) with, after it, a word of what is
// counted ("hundreds of TTP prisoners"), in a fact on whoever the question
// says did it.
func (b *Base) scaleOfCounted(q *query, f *Fact) bool {
	if a := q.doer; a != nil && !slices.ContainsFunc(a.entities, func(e *Entity) bool { return contains(f.Entities, e.ID) }) {
		return false // "how many TTP prisoners did Pakistan release": not those the Taliban freed
	}
	toks := f.textWords()
	for p, t := range toks {
		if !scaleWords[t] {
			continue
		}
		for k := p + 1; k < len(toks) && k <= p+scaleReach; k++ {
			if slices.Contains(q.counted, b.idx.stem(toks[k])) {
				return true
			}
		}
	}
	return false
}

// scaleReach is how many words after a scale word what it counts may
// stand: "hundreds of Tehreek-e-Taliban Pakistan (TTP) prisoners".
const scaleReach = 8

// scaleWords give a quantity's scale without a figure: "hundreds of
// prisoners", "thousands waiting".
var scaleWords = setOf(`hundreds thousands millions dozens`)

// countlessWords are the vague quantities that give not even a scale:
// "injuring several" says not how many were injured, where "dozens
// injured" says about how many.
var countlessWords = setOf(`several some many numerous few`)

// vagueAbout reports whether fact f gives what the question counts only
// vaguely: a word of the question with a vague quantity (one of vague)
// beside it and no figure ("killing 54 people and injuring several" asked
// how many were injured).
func (b *Base) vagueAbout(q *query, f *Fact, vague map[string]bool) bool {
	toks := f.textWords()
	for p, t := range toks {
		st := b.idx.stem(t)
		if !slices.ContainsFunc(q.units, func(u unit) bool { return u.link == nil && contains(u.stems, st) }) {
			continue
		}
		vagueNear, figure := false, false
		for k := max(0, p-vagueReach); k < len(toks) && k <= p+vagueReach; k++ {
			vagueNear = vagueNear || vague[toks[k]]
			figure = figure || toks[k][0] >= '0' && toks[k][0] <= '9'
		}
		if vagueNear && !figure {
			return true
		}
	}
	return false
}

// asksCasualties reports whether the question counts the dead or the
// wounded: "how many were injured" is not answered by "injuring several",
// exact or not.
func (q *query) asksCasualties() bool {
	return slices.ContainsFunc(q.toks, func(t string) bool { return casualtyNouns[t] })
}

// vagueReach is how many words from the counted word a vague quantity may
// stand: "injuring several", "thousands of Afghans waiting".
const vagueReach = 2

// formerTitle reports whether the title the question asks of is a former
// one: "which former chief of general staff now leads the NFF" asks who
// held it, whatever "now" asks of what he does.
func (q *query) formerTitle() bool {
	start, _, ok := q.titleSpan()
	return ok && start > 0 && (q.toks[start-1] == "former" || q.toks[start-1] == "ex")
}

// asksHolderNow reports whether the question asks who holds a post, in
// the present tense and of no one it names: "who is the chief of staff of
// the Taliban army" is not answered by a former chief.
func (q *query) asksHolderNow() bool {
	return len(q.toks) > 1 && (q.toks[0] == "whos" || q.toks[0] == "who" && (q.toks[1] == "is" || q.toks[1] == "s")) &&
		q.linkedPerson() == nil && len(q.title) > 0
}

// measuredThing returns, for "how long is the fence Pakistan built", the
// thing a measure is asked of: the last word of the noun phrase the
// measure and "is" or "was" open (a name in it, "the TTP ceasefire", says
// whose); "" for any other question, or one asked of a name.
func (q *query) measuredThing(ix *index) string {
	for i := 0; i+3 < len(q.fixed); i++ {
		if q.fixed[i] != "how" || !measureAsks[q.fixed[i+1]] || !copulas[q.fixed[i+2]] || !determiners[q.fixed[i+3]] {
			continue // ("how long was Najibullah stuck" asks of him, not of a thing)
		}
		head := ""
		for j := i + 4; j < len(q.fixed) && j <= i+3+countedReach; j++ {
			t := q.fixed[j]
			switch {
			case q.inLink(j):
				if head != "" {
					return head
				}
			case auxWords[t] || ix.qwords[t] || ix.stop[t] && head != "":
				return head
			case !ix.stop[t] && isWordy(t):
				head = t
			}
		}
		return head
	}
	return ""
}

// measureAsks, after "how" and before "is" or "was", ask how big a thing
// is by a measure: "how long is the fence".
var measureAsks = setOf(`long far wide tall deep high`)

// determiners open a noun phrase: "the fence", "that border".
var determiners = setOf(`the a an this that these those`)

// howMuchPart names the figure a how-many question asks for, to follow
// "don't say": "how old", "how much" or "how many".
func (q *query) howMuchPart() string {
	s := " " + strings.Join(q.toks, " ") + " "
	switch {
	case hasPhrase(s, "how old"):
		return "how old"
	case hasPhrase(s, "how much"), hasPhrase(s, "volume"):
		return "how much"
	case hasPhrase(s, "how long"):
		return "how long"
	case hasPhrase(s, "how far"):
		return "how far"
	}
	return "how many"
}

// partAsked names, to follow "don't say", the part of an answer an intent
// asks for ("when", "how many"), or "" for intents that ask for no one part.
func partAsked(in Intent) string {
	switch in {
	case IntentWhen:
		return "when"
	case IntentHowMany:
		return "how many"
	case IntentWhere:
		return "where"
	case IntentWhy:
		return "why"
	}
	return ""
}

// missedEventWord returns the question's verb that fact i does not cover,
// or "": a word like "injured" or "reopened" says
// what happened, and a fact about something else that happened to the same
// thing does not answer it.
func (b *Base) missedEventWord(q *query, i int) string {
	ix := b.idx
	asked := 0 // where the question proper starts: "HRCP objected to the deadline - how many days …"
	for j := 0; j+1 < len(q.toks); j++ {
		if q.toks[j] == "how" && (q.toks[j+1] == "many" || q.toks[j+1] == "much" || q.toks[j+1] == "long") {
			asked = j
			break
		}
	}
	for j, t := range q.fixed {
		if j > 0 && timeClauseWords[q.fixed[j-1]] {
			break // "set up after the Taliban returned": the rest dates the event
		}
		if j > asked && (t == "that" || t == "which") {
			break // "the attack that got pinned on HGB": the rest describes what it is about
		}
		if j < asked {
			continue // a preamble sets the scene; the question is what follows
		}
		if !(inflected(t) && strings.HasSuffix(t, "ed") || shortPasts[t]) || ix.stop[t] || q.spanToks[j] || j > 0 && q.fixed[j-1] == "so" {
			continue // "the so-called record" names, it says nothing happened
		}
		if recordVerbs[t] {
			continue // "how many attacks were recorded": the attacks are what happened
		}
		if takingPart[t] && j+1 < len(q.fixed) && q.fixed[j+1] == "in" {
			continue // "cadres involved in the assault": those who attacked; the assault says what happened
		}
		if j+1 < len(q.fixed) && !ix.stop[q.fixed[j+1]] && !ix.qwords[q.fixed[j+1]] && isWordy(q.fixed[j+1]) {
			continue // "documented refugees", "registered Afghans": it describes, it says nothing happened
		}
		for _, u := range q.units {
			if u.link != nil || len(u.stems) == 0 || u.stems[0] != q.fixedStems[j] {
				continue
			}
			if !u.known && !strings.HasPrefix(t, "re") {
				continue // an unknown verb may be a paraphrase ("stormed"); one of doing again ("reopened") is not
			}
			if !ix.covers(i, u) || b.saysOnlyNot(i, u) && !q.asksYesNo() {
				// Not said, or said not to have happened: PoR holders "are
				// not counted among the deportees". (Asked whether it
				// happened, that it did not is the answer: "has Afghanistan
				// ever recognised the Durand Line" — it never has.)
				return t
			}
			if shortPasts[t] {
				break
			}
			// The event asked about is said; a later participle describes
			// ("soldiers killed in the attack attributed to HGB").
			return ""
		}
	}
	return ""
}

// asksWhatAbout reports whether a question asks what words were about,
// its preposition left at its end: "what did Najiba Faiz tweet about" is
// answered by a tweet of hers about the airstrikes, not by her words.
func (q *query) asksWhatAbout() bool {
	return len(q.toks) > 2 && q.toks[0] == "what" && q.toks[len(q.toks)-1] == "about"
}

// shortPasts are past tenses too short for inflected to tell: "how many
// Chinese died" is not answered by attacks that hit them. Said, such a
// verb leaves the question's later ones to be checked: "how many troops
// died when Afghan forces retaliated" asks of the retaliation.
var shortPasts = setOf("died")

// asksYesNo reports whether q asks whether something is so: a question
// of fact that opens with an auxiliary ("was Faiz Hameed arrested").
func (q *query) asksYesNo() bool {
	return q.intent == IntentFact && len(q.toks) > 0 && (auxWords[q.toks[0]] || someoneWords[q.toks[0]] && (len(q.toks) == 1 || q.toks[1] != "else"))
}

// someoneWords open a yes-or-no question with its auxiliary left out:
// "anyone arrested?" is "was anyone arrested?" ("anyone else hit?" asks
// who).
var someoneWords = setOf(`anyone anybody someone somebody`)

// recordVerbs say only that a figure was recorded, not what happened.
var recordVerbs = setOf(`recorded reported documented logged tallied noted estimated`)

// saysOnlyNot reports whether fact i uses a word of unit u only shortly
// after a negation: "they are not counted among the deportees" does not
// say how many were deported.
func (b *Base) saysOnlyNot(i int, u unit) bool {
	toks := b.facts[i].textWords()
	seen := false
	for k, t := range toks {
		if !slices.Contains(u.stems, b.idx.stem(t)) {
			continue
		}
		negated := false
		for j := max(k-negationReach, 0); j < k; j++ {
			negated = negated || negationWords[toks[j]]
		}
		if !negated {
			return false
		}
		seen = true
	}
	return seen
}

// negationWords deny what follows them within negationReach words.
var negationWords = setOf(`not no never nor neither without`)

const negationReach = 4

// missesLedThing reports whether a "who leads/heads/runs X" question names
// X, as a known entity or in words, and fact i names neither it nor any of
// the words.
func (b *Base) missesLedThing(q *query, i int) bool {
	if q.intent != IntentWho {
		return false
	}
	ix := b.idx
	for j, t := range q.fixed {
		if !leadVerbs[t] {
			continue
		}
		words, covered := 0, false
		end := len(q.fixed)
		if q.also >= 0 && q.alsoAt > j {
			end = q.alsoAt // "who leads them and which provinces": the rest is another question
		}
		for k := j + 1; k < end && words < ledThingWords; k++ {
			w := q.fixed[k]
			if q.inLink(k) {
				// "who heads NACTA": a fact that never names NACTA says
				// nothing of who heads it.
				for _, l := range q.links {
					if l.start <= k && k < l.end {
						return !b.mentions(b.facts[i], i, l.entities)
					}
				}
				return false
			}
			if ix.stop[w] {
				continue
			}
			words++
			for _, u := range q.units {
				if u.link == nil && len(u.stems) > 0 && u.stems[0] == q.fixedStems[k] && ix.covers(i, u) {
					covered = true
				}
			}
		}
		return words > 0 && !covered
	}
	return false
}

// ledThingWords is how many words after "leads" or "heads" name what is
// led.
const ledThingWords = 2

// kinAsked returns the two people a question asks the kinship of ("how is
// Yaqoob related to Omar", "is Yar Mohammad Dostom Dostum's relative"), or
// nil.
func (q *query) kinAsked() []*link {
	if !slices.ContainsFunc(q.toks, func(t string) bool { return relatedWords[t] }) {
		return nil
	}
	var people []*link
	for k := range q.links {
		if q.links[k].entities[0].Kind == KindPerson {
			people = append(people, &q.links[k])
		}
	}
	return people
}

// relatedWords ask how two people are kin.
var relatedWords = setOf(`related relation relative relatives kin son father brother cousin nephew uncle`)

// requireVerbs ask what an agreement or rule obliged a party to do; a
// fact must say what was required ("what did the Doha deal require the
// Taliban to do" is not answered by what happened around it).
var requireVerbs = setOf(`require requires oblige obliges obligate bind binds`)

// meetVerbs ask whom someone met or visited; a fact must say a meeting or
// a visit took place.
// replyVerbs ask whether someone answered: a fact must say they did ("did
// Kakar write back" is not answered by what Kakar said first).
var (
	meetVerbs  = setOf(`meet meets met visit visits visited`)
	replyVerbs = setOf(`reply replied respond responded answer answered`)
)

// timeClauseWords open a clause that dates the event asked about, whose
// verbs are not the event itself.
var timeClauseWords = setOf(`after before since until following once during`)

// missesMainVerb reports whether fact i leaves out the verb of a "did"
// question when it is one of undoing or doing again ("reopen", "return",
// "resume"), of meeting or of replying: in "when did Pakistan reopen Torkham" the verb
// follows "did" and the names and small words after it. A fact about the
// closing does not say when it reopened, and one about a visit does not
// say whom the visitor met. Other verbs are too often paraphrased ("hit"
// for "attacked") for their absence to tell.
func (b *Base) missesMainVerb(q *query, i int) bool {
	ix := b.idx
	for j, t := range q.fixed {
		if t != "did" && t != "does" && t != "do" {
			continue
		}
		for k := j + 1; k < len(q.fixed); k++ {
			w := q.fixed[k]
			if q.inLink(k) || ix.stop[w] || q.spanToks[k] || strings.HasSuffix(w, "ly") {
				continue // "does the group reportedly have": an adverb, not the verb
			}
			if (!strings.HasPrefix(w, "re") || len(w) < 6 || notRedo(w)) && !meetVerbs[w] && !requireVerbs[w] && !replyVerbs[w] {
				return false
			}
			for _, u := range q.units {
				// A verb the pack never uses is missed all the more.
				if u.link == nil && len(u.stems) > 0 && u.stems[0] == q.fixedStems[k] {
					return !ix.covers(i, u)
				}
			}
			return false
		}
		return false
	}
	return false
}

// missesWhereVerb reports whether fact i never uses the verb of a "where
// did X …" question: "where did Zahir Shah live after the coup" is not
// answered by the coup, which names a country.
func (b *Base) missesWhereVerb(q *query, i int) bool {
	j := slices.IndexFunc(q.fixed, func(t string) bool { return t == "did" || t == "does" || t == "do" })
	if j < 0 {
		return false
	}
	for k := j + 1; k < len(q.fixed); k++ {
		if q.inLink(k) || b.idx.stop[q.fixed[k]] {
			continue
		}
		if !whereVerbs[q.fixed[k]] {
			return false
		}
		for _, u := range q.units {
			if u.link == nil && len(u.stems) > 0 && u.stems[0] == q.fixedStems[k] {
				return !b.idx.covers(i, u) || b.usesOnlyInNames(i, u)
			}
		}
		return false
	}
	return false
}

// asksWherePosted reports whether a where-question asks where something
// was posted or published: "where did the HRCP post that".
func asksWherePosted(toks []string) bool {
	return slices.ContainsFunc(toks, func(t string) bool { return postVerbs[t] })
}

// namesPlatform reports whether fact f names where words were posted: a
// social network ("on X", "on Twitter") or a website.
func namesPlatform(f *Fact) bool {
	toks := f.textWords()
	for k, t := range toks {
		if platformWords[t] || t == "x" && k > 0 && toks[k-1] == "on" || t == "media" && k > 0 && toks[k-1] == "social" {
			return true
		}
	}
	return false
}

// platformWords name where words are posted.
var platformWords = setOf("twitter instagram facebook youtube telegram tiktok website")

// usesOnlyInNames reports whether fact i uses the words of unit u only in
// the name of a person, group or organisation it names: the Center for
// Research and Security Studies says nothing of where anyone studied.
func (b *Base) usesOnlyInNames(i int, u unit) bool {
	f := b.facts[i]
	toks := f.textWords()
	inName := b.idx.inLongNames(f, toks, b.entityByID)
	inside := false
	for k, t := range toks {
		if slices.Contains(u.stems, b.idx.stem(t)) {
			if !inName[k] {
				return false
			}
			inside = true
		}
	}
	return inside
}

// livesWords say where someone is based or lives.
var livesWords = setOf(`based lives live living lived resides reside resided headquartered stationed exile exiled`)

// whereVerbs say where someone stayed or went: the fact must say so.
var whereVerbs = setOf(`live lived reside resided stay stayed settle settled flee fled escape escaped hide hid move moved relocate relocated retire retired die died
	study studied born raised educated trained`)

// takingPart, before "in", say only that someone took part in what follows.
var takingPart = setOf("involved engaged participated implicated")

// notRedoStarts begin words in "re" that say no doing again: "regard",
// "remain", "report".
var notRedoStarts = []string{"regard", "remain", "report", "receiv", "reach", "refus", "reject", "relat", "region", "regim", "religi", "recogni",
	"recruit", "request", "reduc", "requir", "respon", "resolv", "result", "reason", "recommend", "represent", "reveal", "refer", "record", "rebrand"}

// notRedo reports whether w, beginning "re", says no doing again.
func notRedo(w string) bool {
	return slices.ContainsFunc(notRedoStarts, func(p string) bool { return strings.HasPrefix(w, p) })
}

// missesRedoing reports whether the question names undoing or doing
// again ("the reopening date", "their return") and fact i says nothing of
// it: a fact on Torkham's closing gives no reopening date.
func (b *Base) missesRedoing(q *query, i int) bool {
	for k, t := range q.fixed {
		if !redoWords[t] {
			continue
		}
		for _, u := range q.units {
			if u.link == nil && len(u.stems) > 0 && u.stems[0] == q.fixedStems[k] {
				return !b.idx.covers(i, u)
			}
		}
	}
	return false
}

// redoWords name undoing something or doing it again.
var redoWords = setOf(`reopening reopen reopened reopens resumption resume resumed restart restarted reversal reversed reinstated reinstatement
	lifting lifted`)

// textUsesStem reports whether text uses a word of stem s or a lexicon
// synonym of it.
func (b *Base) textUsesStem(text, s string) bool {
	syn := b.idx.lex.syn[s]
	for _, t := range tokenize(text) {
		if st := b.idx.stem(t); st == s || contains(syn, st) {
			return true
		}
	}
	return false
}

// titleStartReach is how many words before a title a start word may stand
// and still say the post was taken up: "was appointed as Pakistan's
// special representative".
const titleStartReach = 6

// startsTitle reports whether text says someone took up the post whose
// title stems are given, head last: a start word shortly before the
// title's head ("became special representative"), not anywhere in it.
func (b *Base) startsTitle(text string, title []string) bool {
	head := title[len(title)-1]
	syn := b.idx.lex.syn[head]
	toks := tokenize(text)
	for j, t := range toks {
		if st := b.idx.stem(t); st != head && !contains(syn, st) {
			continue
		}
		for k := max(0, j-titleStartReach); k < j; k++ {
			if startWords[toks[k]] {
				return true
			}
		}
		if cameToPower(toks[j+1 : min(len(toks), j+1+titleStartReach+powerReach)]) {
			return true // "King Zahir Shah came to power in 1933"
		}
	}
	return false
}

// powerReach is how many words past a title and its holder's name "came
// to power" may end.
const powerReach = 3

// cameToPower reports whether toks say that someone took power: "came to
// power", "took power", "seized power".
func cameToPower(toks []string) bool {
	for k, t := range toks {
		if t == "power" && k > 0 && (powerVerbs[toks[k-1]] || toks[k-1] == "to" && k > 1 && powerVerbs[toks[k-2]]) {
			return true
		}
	}
	return false
}

// powerVerbs, before "power" or "to power", say that someone took it.
var powerVerbs = setOf(`came come comes took take takes seized seize rose rise assumed assume swept`)

// usesWordOf reports whether fact f's text uses a word of set.
func usesWordOf(f *Fact, set map[string]bool) bool {
	for _, t := range f.textWords() {
		if set[t] {
			return true
		}
	}
	return false
}

// kindMissing returns what a which- or whose-question asks for a thing
// of ("which party", "whose son", "which regiment" of the army), when fact
// i says none of the words of that noun phrase, nor names a thing its
// entities' summaries call by its noun; otherwise "". A phrase with a noun
// that any answer of the kind asked leaves unsaid ("which militant
// outfit", "which afghan warlord") asks nothing here.
func (b *Base) kindMissing(q *query, i int) string {
	wh, phrase := q.askedKind()
	if len(phrase) == 0 || q.also >= 0 || joinsAsks(q) {
		return "" // a joined question's other facts may say it
	}
	noun := ""
	for _, k := range phrase {
		if q.unitCredit(k, i) > 0 {
			return ""
		}
		noun = q.fixed[q.units[k].pos]
	}
	if b.namesKindAsked(q, i, noun) {
		return "" // "which party": the JUI-F, "a political party"
	}
	if first, last := q.units[phrase[0]].pos, q.units[phrase[len(phrase)-1]].pos; first < last && last-first < len(phrase) {
		return wh + " " + strings.Join(q.fixed[first:last+1], " ") // "which think tank", not "which tank"
	}
	return wh + " " + noun
}

// namesKindAsked reports whether fact i names a thing, other than those the
// question names, that its summary or name calls by noun: the JUI-F, "a
// political party", for "which party" (or a synonym of the noun, as the
// lexicon has them). With noun "", the noun is the
// question's own (askedKind).
func (b *Base) namesKindAsked(q *query, i int, noun string) bool {
	if noun == "" {
		_, phrase := q.askedKind()
		if len(phrase) == 0 {
			return false
		}
		noun = q.fixed[q.units[phrase[len(phrase)-1]].pos]
	}
	stem := b.idx.stem(noun)
	stems := append([]string{stem}, b.idx.lex.syn[stem]...) // "which outlet": a platform
	for _, id := range b.facts[i].Entities {
		if e := b.entityByID[id]; e != nil && !q.linked(id) && slices.ContainsFunc(stems, func(s string) bool { return b.textUsesStem(e.Summary+" "+e.Name, s) }) {
			return true
		}
	}
	return false
}

// askedKind returns the question word and the units of the noun phrase a
// which- or whose-question asks for a thing of: the words after it, up to
// an auxiliary, "of", a verb by its ending or asknounReach words. It
// returns no units when the phrase holds a name, a number or a noun any
// answer leaves unsaid (genericNouns, answer types, people, places).
func (q *query) askedKind() (string, []int) {
	for i, t := range q.toks {
		if t != "which" && t != "whose" {
			continue
		}
		var phrase []int
		reach := i + asknounReach
		for j := i + 1; j < len(q.toks) && j <= reach; j++ {
			w := q.fixed[j]
			if auxWords[w] || w == "of" || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") && !lyNouns[w] {
				break
			}
			if end := j; q.inLink(j) && len(phrase) == 0 {
				for end < len(q.toks) && q.inLink(end) {
					end++
				}
				if end < len(q.toks) && qualifiedNoun(q.fixed[end]) {
					// "which Afghan Taliban ally": the name qualifies the
					// noun after it, which is what is asked for.
					j, reach = end-1, end
					continue
				}
			}
			if q.inLink(j) || w[0] >= '0' && w[0] <= '9' || figureWords[w] || ordinalWords[w] ||
				genericNouns[w] || answerTypes[w] || personNouns[w] || placeNouns[w] || personPlurals[w] {
				return "", nil
			}
			for k, u := range q.units {
				if u.link == nil && u.pos == j {
					phrase = append(phrase, k)
				}
			}
		}
		return t, phrase
	}
	return "", nil
}

// qualifiedNoun reports whether w, after a name in a which-question, may
// be the noun the name qualifies: not a verb ("after which e-tazkiras
// wouldn't"), nor a short abbreviation ("which US op").
func qualifiedNoun(w string) bool {
	return !auxWords[w] && w != "of" && len(w) >= 4 && !strings.HasSuffix(w, "nt") && !strings.HasSuffix(w, "n't") && !strings.HasSuffix(w, "ed")
}

// lyNouns end like adverbs but are nouns: "which Taliban ally".
var lyNouns = setOf(`ally family assembly supply monopoly anomaly`)

// genericNouns are asked for by kind but never named by the answer:
// "which group claimed it" is answered "the TTP". Answer types, places and
// people, which askedKind passes over too, are in their own sets.
var genericNouns = setOf(`group groups body bodies thing things one ones kind sort type types way ways role roles post posts
	position positions job jobs title titles reason reasons factor factors step steps measure measures
	demand demands condition conditions objective objectives goal goals aim aims purpose issue issues
	point points name term terms word words phrase label number numbers figure share percentage days
	time times period era event events incident incidents development developments move moves action
	actions decision decisions nation nations state states men women leader member individual
	individuals side sides option options community communities happened happen source sources document
	documents paper article piece report`)

// asksLater reports whether the question asks what came after a post or a
// government: "a new post after the interior ministry", "after serving
// as", "the new government that came in after the caretakers".
func (q *query) asksLater() bool {
	for i, t := range q.toks {
		if t == "after" && i+1 < len(q.toks) && (q.toks[i+1] == "serving" || q.toks[i+1] == "leaving") {
			return true
		}
		if !laterAsks[t] {
			continue
		}
		for j := i + 1; j < len(q.toks) && j <= i+2; j++ {
			if postNouns[q.toks[j]] {
				return true
			}
		}
	}
	return false
}

// laterAsks, before a post, ask for the one after: "a new post", "his next
// job".
var laterAsks = setOf(`new next later subsequent`)

// postNouns are posts and governments a person may hold or form.
var postNouns = setOf(`post posts job jobs position positions role roles government govt pm ministry office portfolio leadership helm reins`)

// laterWords say that one thing followed another.
var laterWords = setOf(`succeeded replaced later subsequently became appointed afterwards next`)

// otherOrdinal returns the part the question asks for, an ordinal and
// the word after it ("second half"), when text gives that word only with
// another ordinal ("the first half"); otherwise "".
func otherOrdinal(toks []string, text string) string {
	var ft []string // text's words, read once the question is seen to ask an ordinal
	for i := 0; i+1 < len(toks); i++ {
		if !ordinalWords[toks[i]] {
			continue
		}
		if ft == nil {
			ft = tokenize(text)
		}
		same, other := false, false
		for j := 0; j+1 < len(ft); j++ {
			if ft[j+1] != toks[i+1] || !ordinalWords[ft[j]] {
				continue
			}
			if ft[j] == toks[i] {
				same = true
			} else {
				other = true
			}
		}
		if other && !same {
			return toks[i] + " " + toks[i+1]
		}
	}
	return ""
}

// otherSideOf returns the word of lateralWords the question uses when
// fact f, or another fact on what the question names, says the thing was
// of another side: the Taliban's pledge at the 22 September meeting says
// nothing of sides, the meeting's own fact calls it bilateral.
func (b *Base) otherSideOf(q *query, f *Fact) string {
	if !slices.ContainsFunc(q.fixed, func(t string) bool { return lateralWords[t] }) {
		return ""
	}
	if w := otherSide(q.fixed, f.Text); w != "" {
		return w
	}
	for _, l := range q.links {
		for _, e := range l.entities {
			if b.idx.broad(e.ID) || !slices.Contains(f.Entities, e.ID) {
				continue
			}
			for _, j := range b.idx.entityFacts[e.ID] {
				if w := otherSide(q.fixed, b.facts[j].Text); w != "" {
					return w
				}
			}
		}
	}
	return ""
}

// otherSide returns the word of lateralWords the question uses when text
// uses another and not it: a trilateral meeting asked, a bilateral one
// told; otherwise "".
func otherSide(toks []string, text string) string {
	ft := tokenize(text)
	for _, t := range toks {
		if lateralWords[t] && !slices.Contains(ft, t) && slices.ContainsFunc(ft, func(w string) bool { return lateralWords[w] }) {
			return t
		}
	}
	return ""
}

// currencyWords name money: a question using one asks a sum, which a
// fact using none does not give.
var currencyWords = setOf(`dollar dollars usd rupee rupees euro euros afghani afghanis money`)

// asksMoney reports whether the question asks for a sum of money: it names
// a currency or writes "$".
func (q *query) asksMoney() bool {
	return strings.Contains(q.norm, "$") || slices.ContainsFunc(q.toks, func(t string) bool { return currencyWords[t] || q.intent == IntentHowMany && moneyNouns[t] })
}

// moneyNouns, in a question of how much, ask for a sum of money: "cost
// estimate?", "their annual budget?".
var moneyNouns = setOf("cost costs budget budgets price prices expenditure expenditures spending funding")

// saidAbout returns the link of the specific thing a question asks what
// was said about ("what did Karzai say about the deportation of Afghans"),
// or nil.
func (q *query) saidAbout(ix *index) *link {
	for i, t := range q.toks {
		if t != "about" && t != "regarding" { // ("on" may be where it was said: "post on X")
			continue
		}
		for k := range q.links {
			if l := &q.links[k]; l.start > i && l.start <= i+4 && !ix.broad(l.entities[0].ID) && !q.carriedName(l.entities[0].ID) {
				return l
			}
		}
	}
	return nil
}

// onePersonAsked reports whether the question names one person and
// weighs no other against them ("was it Mujahid or Shaheen", "Kakar vs
// Bugti", "what did each say").
func (q *query) onePersonAsked() bool {
	n := 0
	for _, l := range q.links {
		if l.entities[0].Kind == KindPerson {
			n++
		}
	}
	return n == 1 && q.intent != IntentWho && !slices.ContainsFunc(q.toks, func(t string) bool {
		return t == "or" || t == "vs" || t == "versus" || t == "each" || t == "both"
	})
}

// writeVerbs ask what an author wrote.
var writeVerbs = setOf(`write writes wrote written`)

// topicHeads end a name for what was done with a word of their own,
// which what was said about it need not use: "the deportation policy",
// "the expulsion order".
var topicHeads = setOf(`policy policies order orders decision decisions plan plans move moves issue issues matter`)

// saidAboutShare is the least share of what a question asks someone's
// words about (by weight) that a fact of those words must cover.
const saidAboutShare = 0.5

// topicStart returns where a question about someone's words turns to what
// the words were about — "about", "regarding", or the "to" of "reaction
// to" — or -1.
func (q *query) topicStart() int {
	for i, t := range q.toks {
		if t == "about" || t == "regarding" || i > 0 && q.opinionOn(i-1) {
			return i // "Kugelman's take on the expulsions"
		}
		if t == "to" && i > 0 && (q.toks[i-1] == "reaction" || q.toks[i-1] == "response" || q.toks[i-1] == "respond" || q.toks[i-1] == "responded" || q.toks[i-1] == "react" || q.toks[i-1] == "reacted") {
			return i
		}
	}
	return -1
}

// partOfYearOnly reports whether a count asked of a whole year, of nothing
// more specific than a party or a country, is answered by fact f only for
// a month or a day of it.
func (b *Base) partOfYearOnly(q *query, f *Fact) bool {
	if q.intent != IntentHowMany || !q.hasSpan || q.from.Precision() != YearPrecision || q.to != q.from ||
		f.Date.Start.Precision() <= YearPrecision || f.Date.Start.Year != q.from.Year || f.Date.End.Year != 0 && f.Date.End != f.Date.Start ||
		slices.ContainsFunc(q.fixed, func(t string) bool { return partOfYear[t] || monthByName[t] > 0 }) ||
		!slices.ContainsFunc(q.fixed, func(t string) bool { return tallyWords[t] }) {
		return false // "in December 2021"; "how many Afghans were ordered out in 2023" counts one order
	}
	if slices.ContainsFunc(q.fixed, func(t string) bool { return eventPlurals[t] && !slices.Contains(q.counted, b.idx.stem(t)) }) {
		return false // "the death toll from those 2022 raids": of the raids, not the year
	}
	return !slices.ContainsFunc(q.links, func(l link) bool {
		e := l.entities[0]
		return !b.idx.broad(e.ID) && e.Kind != KindGroup && e.Kind != KindOrganisation
	})
}

// tallyWords count the violence of a year: its attacks and its dead.
var tallyWords = setOf(`attack attacks killed deaths died dead casualties fatalities bombings blasts incidents suicide`)

// asksRate reports whether the question asks for a rate: "what duty rate",
// "at what rate", "the tax rate".
func (q *query) asksRate() bool {
	return q.intent != IntentWhy && slices.ContainsFunc(q.toks, func(t string) bool { return t == "rate" || t == "rates" })
}

// lateralWords say how many parties something had; one excludes the others.
var lateralWords = setOf(`unilateral bilateral trilateral quadrilateral multilateral`)

// ordinalWords place a thing in a sequence: "the first half", "the last
// round".
var ordinalWords = setOf(`first second third fourth fifth sixth last final`)

// unknownPlace returns, capitalised, a word the pack never uses that the
// question gives as the name of a place ("the Chaman crossing", "Zhob
// district"), or "".
func (q *query) unknownPlace(b *Base) string { return q.unknownName(b, placeKindWords) }

// unknownName returns, capitalised, a word the pack never uses that the
// question gives as a name: before a word of kinds ("the Chaman
// crossing"), or, when kinds is nil, before any word a name may stand
// before ("the Zhob garrison attack", "the Ukraine war"), though not one a
// follow-up carried. "" when there is none.
func (q *query) unknownName(b *Base, kinds map[string]bool) string {
	for _, u := range q.units {
		if u.link != nil || u.known || u.pos+1 >= len(q.toks) {
			continue
		}
		next := q.toks[u.pos+1]
		if kinds != nil && !kinds[next] || kinds == nil && (u.carried || b.idx.stop[next] || !isWordy(next)) {
			continue
		}
		if w := q.toks[u.pos]; b.mayNamePlace(w) {
			return upperFirst(w)
		}
	}
	return ""
}

// reactorActedOn returns the party a question asks the response of ("how
// did the HGB respond to …") when fact i tells of a response (a word of
// responseWords) and the party is neither its first entity nor named
// before that word: it is what was responded to, not who responded. nil
// otherwise.
func (b *Base) reactorActedOn(q *query, f *Fact, i int) *link {
	if !q.asksReaction() || len(q.toks) < 3 || q.toks[0] != "how" || q.toks[1] != "did" && q.toks[1] != "does" && q.toks[1] != "do" {
		return nil
	}
	var l *link
	for k := range q.links {
		if q.links[k].start <= reactorReach { // "how did the HGB respond": the party after "did"
			l = &q.links[k]
			break
		}
	}
	if l == nil || len(l.entities) != 1 || len(f.Entities) > 0 && f.Entities[0] == l.entities[0].ID {
		return nil
	}
	toks := f.textWords()
	r := slices.IndexFunc(toks, func(t string) bool { return responseWords[t] })
	if r < 0 {
		return nil
	}
	names := b.idx.nameWords[l.entities[0].ID]
	if slices.ContainsFunc(toks[:r], func(t string) bool { return slices.Contains(names, b.idx.stem(t)) }) {
		return nil
	}
	return l
}

// reactorReach is the furthest place in the question a party asked the
// response of may start: "how did the HGB …" is at 3.
const reactorReach = 3

// missesKiller returns what a "who killed X" question asks, phrased to
// follow "don't say", when fact i never says the killing: "who killed
// Baitullah Mehsud" is not answered by what he led. "" otherwise.
func (b *Base) missesKiller(q *query, i int) string {
	if len(q.fixed) < 3 || q.fixed[0] != "who" || !killerAskWords[q.fixed[1]] {
		return ""
	}
	for _, u := range q.units {
		if u.link == nil && u.pos == 1 && !b.idx.covers(i, u) {
			if l := q.linkAt(2); l != nil {
				return "who " + q.fixed[1] + " " + l.entities[0].Name
			}
			return "who " + q.fixed[1] + " them"
		}
	}
	return ""
}

// killerAskWords ask who took a life.
var killerAskWords = setOf(`killed kill kills murdered assassinated executed shot`)

// unknownOwner returns, capitalised, a word the pack never uses that the
// question gives as the owner of what it asks about ("Nepal's interim
// government", "Bangladesh's army chief"), or "". A follow-up's carried
// words are the conversation's, not the question's.
func (q *query) unknownOwner(b *Base) string {
	padded := " " + q.norm + " "
	for _, u := range q.units {
		if u.link != nil || u.known || u.carried || u.pos >= len(q.toks) {
			continue
		}
		if w := q.toks[u.pos]; strings.Contains(padded, " "+w+"'s ") && b.mayNamePlace(w) {
			return upperFirst(w)
		}
	}
	return ""
}

// mayNamePlace reports whether w, a word the pack never uses, may be the
// name of a place: long enough not to be a typing slip, and no English
// word ("afterwards", "breakdown").
func (b *Base) mayNamePlace(w string) bool {
	return len(w) >= minPlaceName && isWordy(w) && !b.englishWord(w)
}

// placeKindWords, after a name, say it is a place's: "the Chaman crossing".
var placeKindWords = setOf(`crossing crossings border district province city town valley village camp camps prison airport`)

// minPlaceName is the shortest unknown word taken for a place's name:
// shorter ones are as often typing slips.
const minPlaceName = 4

// givesNoReason reports whether fact f tells what happened, what a
// figure is or who holds a post, and says outright of nothing that it
// caused or swelled something: the kind of fact that seldom answers a
// why-question. ("More than 40 factions merged into the TTP, swelling its
// ranks" says why its ranks grew.)
func givesNoReason(f *Fact) bool {
	return (f.Type == TypeEvent || f.Type == TypeFigure || f.Type == TypeRole) && !usesWordOf(f, outrightCauses)
}

// outrightCauses say outright that one thing brought about another; the
// wider causeWords may only hint at a reason ("after", "once").
var outrightCauses = setOf(`because caused swelling swelled`)

// causeWords give a reason.
var causeWords = setOf(`because due owing reason reasons cause causes caused so therefore after response
	amid fear fears concern concerns aim aims seeks seek sought wants want motive motives drive drives driven led lead
	prompted triggered blamed retaliation retaliate order once saying citing arguing insisting until unless swelling swelled`)

// startWords say that someone took up a post or something began.
var startWords = setOf(`became become becomes appointed appoint appointment named elected assumed took began begun started
	founded succeeded replaced installed sworn formed established created founding formation inception emerged appeared surfaced dates forged`)

// asksTenure reports whether a question asks since when someone has held
// a post: "since when has Noor Wali Mehsud been the TTP's chief".
func (q *query) asksTenure() bool {
	return q.intent == IntentWhen && q.linkedPerson() != nil && slices.Contains(q.toks, "been") &&
		hasPhrase(" "+strings.Join(q.toks, " ")+" ", "since when")
}

// asksEarlier reports whether the question asks what someone did before a
// post: "before he became", "before becoming", "prior to joining".
func (q *query) asksEarlier() bool {
	for i, t := range q.toks {
		if t != "before" && t != "prior" {
			continue
		}
		for j := i + 1; j < len(q.toks) && j <= i+earlierReach; j++ {
			if earlierVerbs[q.toks[j]] {
				return true
			}
		}
	}
	return false
}

// earlierReach is how far after "before" the verb of taking up a post may
// come: "before he became", "prior to joining".
const earlierReach = 3

// earlierVerbs, after "before", say someone took up a post.
var earlierVerbs = setOf(`became become becoming joined joining took taking appointed assumed`)

// earlierWords say what someone was or did before: a fact using none does
// not say.
var earlierWords = setOf(`former formerly previously earlier before prior ex once`)

// personalAttributes are personal details a question may ask of someone
// ("how old", "born"), each with the words a fact gives it by.
var personalAttributes = map[string]map[string]bool{
	"age":        setOf(`age aged born old`),
	"old":        setOf(`age aged born old`),
	"born":       setOf(`born birth`),
	"birthplace": setOf(`born birthplace birth`),
	"birthday":   setOf(`born birthday birth`),
	"hometown":   setOf(`hometown born native`),
	"salary":     setOf(`salary paid pay`),
	"height":     setOf(`height tall`),
	"religion":   setOf(`religion sunni shia faith`),
}

// deathWords, right after a person's name, ask how or when that person
// died: "how was Baitullah Mehsud killed", "Mullah Omar's death";
// deathTold are the words a fact tells a death by.
var (
	deathWords = setOf(`killed died die death assassinated slain`)
	deathTold  = setOf(`killed died death dead assassinated slain`)
)

// missesDeath reports whether the question asks of a person's death ("how
// was Baitullah Mehsud killed") and fact f does not speak of it.
func (b *Base) missesDeath(q *query, f *Fact) bool {
	for _, l := range q.links {
		if l.entities[0].Kind != KindPerson || l.end >= len(q.toks) || !deathWords[q.toks[l.end]] {
			continue
		}
		return !b.toldDeathOf(f, l.entities[0])
	}
	return false
}

// toldDeathOf reports whether fact f tells of e's death: a word of death
// (deathTold) near a word of e's name (deathReach, victimReach).
func (b *Base) toldDeathOf(f *Fact, e *Entity) bool {
	toks := f.textWords()
	names := b.idx.nameWords[e.ID]
	for i, t := range toks {
		if !deathTold[t] {
			continue
		}
		for k := max(0, i-deathReach); k < len(toks) && k <= i+victimReach; k++ {
			if slices.Contains(names, b.idx.stem(toks[k])) {
				return true
			}
		}
	}
	return false
}

// deathReach is how many words after a name a word of death may stand
// and still tell that one's death ("Baitullah Mehsud was killed"), and
// victimReach how many before it, the name its object ("covert operations
// killed TTP spokesperson Mufti Khalid Balti"). "Karmal's government …
// left one million people dead" tells others' deaths.
const (
	deathReach  = 4
	victimReach = 10
)

// missesAttribute returns what a question asks of a person that fact f
// does not give ("how old", "where he was born"), or "".
func (b *Base) missesAttribute(q *query, f *Fact) string {
	if q.linkedPerson() == nil {
		return ""
	}
	for i, t := range q.toks {
		words, ok := personalAttributes[t]
		if !ok || t == "old" && (i == 0 || q.toks[i-1] != "how") {
			continue // "old" asks an age only after "how"
		}
		if !usesWordOf(f, words) {
			return "that"
		}
	}
	return ""
}

// kinWords name a relative: asked whose relative someone is, a fact must
// say so.
var kinWords = setOf(`father mother dad mum mom son sons daughter daughters wife wives husband brother brothers sister sisters
	uncle nephew cousin grandson grandfather family relative relatives`)

// missesKin reports whether the question asks for a relative ("Mullah
// Yaqoob's father") that fact f never speaks of.
func (b *Base) missesKin(q *query, f *Fact) bool {
	for _, t := range q.toks {
		if kinWords[t] && !b.textUsesStem(f.Text, b.idx.stem(t)) {
			return true
		}
	}
	return false
}

// localPlaces are kinds of place within a country: a fact that names
// only countries does not say which one.
var localPlaces = setOf(`province provinces district districts town towns city cities village villages area areas`)

// namesLocalPlace reports whether fact f names a place the question does
// not, other than a country the pack mentions everywhere (a broad one).
func (b *Base) namesLocalPlace(q *query, f *Fact) bool {
	for _, id := range f.Entities {
		if e := b.entityByID[id]; e != nil && (e.Kind == KindPlace || e.Kind == KindCrossing) && !q.linked(id) && !b.idx.broad(id) {
			return true
		}
	}
	return false
}

// saysAfter reports whether fact f has a word of speech soon after a
// name of person p: "Faiz Hameed said", "Durrani told the Taliban".
func (b *Base) saysAfter(f *Fact, p *Entity) bool {
	name := map[string]bool{}
	addNameTokens(name, p)
	toks := f.textWords()
	for k, t := range toks {
		if !name[t] {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+speechReach; j++ {
			if speechWords[toks[j]] {
				return true
			}
		}
	}
	return false
}

// namesSourceOf reports whether the question names fact f's source, by
// its author or its title.
func (b *Base) namesSourceOf(q *query, f *Fact) bool {
	return slices.ContainsFunc(q.links, func(l link) bool { return b.idx.entityDoc[l.entities[0].ID] == f.Cite.Doc })
}

// repliedTo reports whether the question asks of a reply made to person
// p, not of p's own words: "has the US responded to Mujahid's statement".
func (q *query) repliedTo(p *Entity) bool {
	to := q.respondedTo()
	return to != nil && slices.Contains(to.entities, p)
}

// respondedTo returns the link to the person the question asks a reply was
// made to — "respond to Clinton", "say back to her" — or nil.
func (q *query) respondedTo() *link {
	for k := range q.links {
		s := q.links[k].start
		if s >= 2 && q.toks[s-1] == "to" && (reactionWords[q.toks[s-2]] || q.toks[s-2] == "back") && q.links[k].entities[0].Kind == KindPerson {
			return &q.links[k]
		}
	}
	return nil
}

// namedBefore reports whether fact f names first before second, by any
// of their names: the one a sentence opens with speaks, "Clinton,
// pressing Pakistan, …, warned".
func (b *Base) namedBefore(f *Fact, first, second *Entity) bool {
	at := func(e *Entity) int {
		name := map[string]bool{}
		addNameTokens(name, e)
		return slices.IndexFunc(f.textWords(), func(t string) bool { return name[t] && !b.idx.stop[t] })
	}
	i, j := at(first), at(second)
	return i >= 0 && (j < 0 || i < j)
}

// speechReach is how many words after a speaker's name the word of speech
// may stand: "Mujahid, the Taliban's spokesman, said".
const speechReach = 8

// endWords say that someone left a post or that something ended: a fact
// using none does not say when.
var endWords = setOf(`end ends ended ending until left leave leaving quit resigned resignation stepped replaced succeeded
	ousted ouster overthrown overthrew toppled deposed removed dismissed sacked withdrew withdrawal withdrawn withdrawing pulled
	exit exited expelled fled fell fall collapse collapsed revoked revocation scrapped cancelled called broke broken
	killed died death assassinated retired former formerly sidelined lost defeated abolished dissolved expired ceased`)

// asksSaid reports whether the question asks what someone said, as "what
// did X say about Y" does and "what do they call Y" does not.
func (q *query) asksSaid() bool {
	for i, t := range q.toks {
		switch t {
		case "warn", "warned":
			if len(q.toks) > 0 && q.toks[0] != "who" && q.toks[0] != "which" {
				return true // "what did Clinton warn Pakistan about" ("which researcher warned" asks who)
			}
		case "say", "said", "says", "tell", "told", "claim", "claimed", "statement", "remark", "remarks", "tweet", "tweeted", "posted",
			"recommend", "recommended", "recommends", "propose", "proposed", "proposes", "suggest", "suggested", "suggests":
			return true
		case "post":
			// "what did Imran Khan post": his words; "what post did he
			// hold" is a job.
			if i > 0 && q.toks[i-1] != "what" && q.toks[i-1] != "which" && slices.Contains(q.toks[:i], "did") {
				return true
			}
		}
	}
	return false
}

// asksOpinion reports whether the question asks what someone thinks of
// something: "Kugelman's take on the expulsions".
func (q *query) asksOpinion() bool {
	for i := range q.toks {
		if q.opinionOn(i) {
			return true
		}
	}
	return false
}

// opinionOn reports whether the word at i names an opinion and the next
// word says what it is on: "take on", "view of", "position on".
func (q *query) opinionOn(i int) bool {
	if i+1 >= len(q.toks) || !opinionNouns[q.toks[i]] {
		return false
	}
	next := q.toks[i+1]
	return next == "on" || next == "about" || next == "regarding" || next == "of" && q.toks[i] != "position"
}

// opinionNouns name what someone thinks of something.
var opinionNouns = setOf("take view views opinion opinions stance thoughts verdict assessment position")

// ofDocument reports whether f's subject is a document.
func (b *Base) ofDocument(f *Fact) bool {
	if len(f.Entities) == 0 {
		return false
	}
	e := b.entityByID[f.Entities[0]]
	return e != nil && e.Kind == KindDocument
}

// aboutLink returns the link to what a question asks was said about —
// "say about the TTP", "comments regarding Torkham" — or nil.
func (q *query) aboutLink() *link {
	for k := range q.links {
		if s := q.links[k].start; s > 0 && aboutWords[q.toks[s-1]] {
			return &q.links[k]
		}
		if s := q.links[k].start; s > 1 && q.toks[s-1] == "the" && aboutWords[q.toks[s-2]] {
			return &q.links[k]
		}
		if s := q.links[k].start; s > 1 && q.toks[s-1] == "on" && stanceNouns[q.toks[s-2]] {
			return &q.links[k] // "Zia's position on women's rights"
		}
	}
	return nil
}

// topicWordWeight is the least weight of a word that says what a remark
// was about: "deporting" does, "Afghans" beside it, a word most facts on
// the topic use, hardly.
const topicWordWeight = 1

// missesTopic reports whether fact i says nothing of what the question
// asks a remark was about, from the name at from on: of its words that
// weigh, none, and of its names, none but broad ones. A person asked about
// is held to the stricter test in missingPart, a share of the topic
// (saidAboutShare); this one, for any speaker, a state or a body among
// them, asks only that the fact speak of the topic at all.
func (b *Base) missesTopic(q *query, i, from int) bool {
	asked := false
	for _, u := range q.units {
		if u.pos < from || u.carried {
			continue
		}
		if u.link != nil {
			if !b.idx.broad(u.link.entities[0].ID) {
				if b.mentions(b.facts[i], i, u.link.entities) {
					return false
				}
				asked = true
			}
			continue
		}
		if u.weight >= topicWordWeight && len(u.stems) > 0 {
			if b.idx.covers(i, u) {
				return false
			}
			asked = true
		}
	}
	return asked
}

// stanceHolder returns the link to whose stance the question asks — the
// name right before "position on", "view on" — or nil.
func (q *query) stanceHolder() *link {
	for k := range q.links {
		if e := q.links[k].end; e+1 < len(q.toks) && stanceNouns[q.toks[e]] && q.toks[e+1] == "on" {
			return &q.links[k]
		}
	}
	return nil
}

// stanceNouns, before "on", introduce the topic of a stance: "position on",
// "view on".
var stanceNouns = setOf(`position positions stance stances view views take opinion opinions line`)

// aboutWords introduce the topic of a remark.
var aboutWords = setOf(`about regarding concerning re`)

// speechWords report what someone said.
var speechWords = setOf(`said say says saying told tell telling stated called calls warned warn described describes claimed claims
	promised pledged urged denied accused condemned criticised criticized demanded asked insisted argued argues
	wrote writes announced declared threatened rebuked vowed praised welcomed rejected dismissed blamed assured
	stressed reported noted added congratulated characterised characterized labelled labeled termed tweet tweeted tweets posted
	recommended recommends recommend proposed proposes suggested suggests advised advises committed
	notes observes observed recalls recalled reports judges concludes concluded predicts predicted insists stresses explains explained
	spoke speaks addressed addresses remarked`)

// datedBySource reports whether a fact's date is only its source's: the
// passage quoted names no date, and the fact's date is the source's own,
// or a coarser form of it ("2023" of a piece from October 2023).
func (b *Base) datedBySource(f *Fact) bool {
	src := b.sources[f.Cite.Doc]
	if src == nil || src.Date.IsZero() || f.Date.IsZero() || quoteDated(f.Cite.Quote) {
		return false
	}
	d, s := f.Date.Start, src.Date.Start
	return d.Year == s.Year && (d.Month == 0 || d.Month == s.Month) && (d.Day == 0 || d.Day == s.Day)
}

// quoteDated reports whether a quoted passage dates what it reports: it
// names a year or a month.
func quoteDated(quote string) bool {
	if textNamesAnyYear(quote) {
		return true
	}
	for _, t := range tokenize(quote) {
		if _, ok := monthByName[t]; ok && len(t) >= 4 && t != "may" { // ("may" is seldom the month, "sept" is)
			return true
		}
	}
	return false
}

// textNamesAnyYear reports whether text names a year.
func textNamesAnyYear(text string) bool {
	for _, t := range tokenize(text) {
		if _, ok := year(t); ok {
			return true
		}
	}
	return false
}

// withoutDatedTag returns fact text without a closing tag that dates what
// its source says: "…, Bhonsle notes in October 2023".
func withoutDatedTag(text string) string {
	i := strings.LastIndex(text, ", ")
	if i < 0 {
		return text
	}
	tail := strings.Fields(strings.TrimSuffix(text[i+2:], "."))
	for k := 1; k+1 < len(tail) && k <= claimTagWords; k++ {
		if tagVerbs[tail[k]] && (tail[k+1] == "in" || tail[k+1] == "on" || tail[k+1] == "around") {
			return text[:i]
		}
	}
	return text
}

// decline says honestly that the pack does not cover the question and
// suggests up to three things it does know, nearest first.
func (b *Base) decline(q *query, a Answer, ranked []scored) Answer {
	a.Answered = false
	if len(ranked) > 0 {
		a.Confidence = round2(ranked[0].conf)
	}
	// The nearest facts first, then what the pack says about the things
	// the question names.
	var near []*Fact
	for _, s := range ranked {
		near = append(near, b.facts[s.fact])
	}
	for _, l := range q.links {
		for _, e := range l.entities {
			for _, i := range b.idx.subjectOf[e.ID] {
				near = append(near, b.facts[i])
			}
		}
	}
	a.Suggestions = b.suggestFacts(near)
	if len(a.Suggestions) == 0 {
		a.Suggestions = b.defaultSuggestions()
	}
	a.Lines = []string{DeclineText}
	if len(a.Suggestions) > 0 {
		a.Lines = append(a.Lines, "You could ask: "+strings.Join(a.Suggestions, "; ")+".")
	}
	return a
}

// NearestText introduces, in a decline, what the sources do say about the
// thing asked about.
const NearestText = "What they do say:"

// nearest adds to a decline the fact the sources give about the very thing
// the question names, when there is one: "when did Torkham reopen" is not
// answered, but what the sources say about Torkham's closing is worth
// knowing. The answer stays a decline. lacksPart says the best fact was
// declined only for lacking the part asked, so it is the one to give.
func (b *Base) nearest(q *query, a *Answer, ranked []scored, lacksPart bool) {
	if len(ranked) == 0 {
		return
	}
	specific := 0
	for _, l := range q.links {
		if !b.idx.broad(l.entities[0].ID) {
			specific++
		}
	}
	if specific == 0 {
		return
	}
	usable := func(s scored) bool {
		f := b.facts[s.fact]
		return s.feat.MissedEntity == 0 && s.feat.Meta == 0 && !b.idx.docFact[s.fact] && coveredEntities(q, b, f, s.fact)
	}
	// Among the nearest few, a fact about the thing named says most about
	// it; otherwise the nearest that names everything asked about.
	var f *Fact
	for k, s := range ranked {
		if k == nearestLook || lacksPart {
			// A fact that lacks only the part asked is itself what the
			// sources say.
			break
		}
		if g := b.facts[s.fact]; usable(s) && len(g.Entities) > 0 && q.linked(g.Entities[0]) && !b.idx.broad(g.Entities[0]) {
			f = g
			break
		}
	}
	for k := 0; f == nil && k < len(ranked) && k < nearestLook; k++ {
		// The nearest that names everything asked about: the first, unless
		// a fact put first for the kind of answer it gives names less.
		if usable(ranked[k]) {
			f = b.facts[ranked[k].fact]
		}
	}
	if f == nil {
		return
	}
	a.Lines = append(a.Lines[:1:1], NearestText+" "+f.Stated())
	if len(a.Suggestions) > 0 {
		a.Lines = append(a.Lines, "You could ask: "+strings.Join(a.Suggestions, "; ")+".")
	}
	a.Facts = []*Fact{f}
	a.Sources = b.sourcesOf(a.Facts)
}

// nearestLook is how many of the nearest facts a decline looks through for
// one about the thing named.
const nearestLook = 5

// Limits on the work of suggesting.
const (
	maxSuggestions  = 3
	suggestionTries = 5 // alternate questions tried per decline, each a ranking
)

// suggestFacts offers, for up to three of the facts, an alternate question
// that durand answers with that very fact: a suggestion always works. Facts
// about one entity are offered once.
func (b *Base) suggestFacts(fs []*Fact) []string {
	var out []string
	seenFact := map[*Fact]bool{}
	seenSubject := map[string]bool{}
	tries := 0
	for _, f := range fs {
		if len(out) == maxSuggestions || tries >= suggestionTries {
			break
		}
		if seenFact[f] || len(f.Questions) == 0 || len(f.Entities) > 0 && seenSubject[f.Entities[0]] {
			continue
		}
		seenFact[f] = true
		for _, text := range f.Questions {
			tries++
			if b.answersWith(text, f) {
				out = append(out, text)
				if len(f.Entities) > 0 {
					seenSubject[f.Entities[0]] = true
				}
				break
			}
			if tries >= suggestionTries {
				break
			}
		}
	}
	return out
}

// answersWith reports whether durand answers question with fact f leading,
// confidently enough not to decline.
func (b *Base) answersWith(question string, f *Fact) bool {
	if ok, seen := b.verified.Load(question); seen {
		return ok.(bool)
	}
	ok := b.answersWithNow(question, f)
	b.verified.Store(question, ok)
	return ok
}

// answersWithNow is answersWith without the memory.
func (b *Base) answersWithNow(question string, f *Fact) bool {
	q := b.parse(Normalize(question))
	defer b.idx.release(q)
	if q.future || q.intent == IntentTimeline {
		return false
	}
	ranked := b.rank(q)
	if len(ranked) == 0 || b.facts[ranked[0].fact] != f || b.missingPart(q, ranked) != "" {
		return false
	}
	return b.idx.models.Confidence.prob(b.confInputs(q, ranked)) >= b.idx.models.Confidence.Threshold
}

// SuggestQuestion phrases a question about an entity that the pack can
// answer.
func SuggestQuestion(e *Entity) string {
	name := stripParen(e.Name)
	switch {
	case e.Kind == KindPerson:
		return "who is " + name
	case e.Kind == KindPlace || e.Kind == KindCrossing:
		return "what happened in " + name
	case e.Kind == KindEvent || e.Kind == KindOperation:
		return "when was the " + name
	case e.Kind == KindDocument:
		return "who wrote " + name
	case e.Abbr != "":
		return "what is the " + e.Abbr
	}
	return "tell me about " + name
}

// defaultSuggestions offers questions about the entities the pack says most
// about, for questions that name nothing it knows.
func (b *Base) defaultSuggestions() []string {
	var fs []*Fact
	for _, e := range b.idx.topEntities {
		for _, i := range b.idx.subjectOf[e.ID] {
			fs = append(fs, b.facts[i])
		}
	}
	return b.suggestFacts(fs)
}

// missesEvent reports whether fact i names what the question names but
// none of the words that say what happened to it: "when did Torkham reopen"
// asked of a fact about Torkham's closing. The question must have such
// words; entities alone ("when was the Mastung bombing") ask about
// themselves.
func (b *Base) missesEvent(q *query, i int) bool {
	ix := b.idx
	words := 0
	for _, u := range q.units {
		if u.link != nil {
			continue
		}
		words++
		if ix.covers(i, u) || asksStart(u) && (usesWordOf(b.facts[i], startWords) || b.datesEventAsked(q, i)) {
			// "when did the ties start" is answered by the ties being
			// forged: any word of starting says it began; "when did the
			// UN sanctions on the Taliban begin", by the date of the
			// sanctions' imposing.
			return false
		}
	}
	return words > 0
}

// datesEventAsked reports whether fact i, dated, is tagged with an event
// the question names: its date is when that event came about.
func (b *Base) datesEventAsked(q *query, i int) bool {
	f := b.facts[i]
	if f.Date.IsZero() {
		return false
	}
	for _, l := range q.links {
		if e := l.entities[0]; e.Kind == KindEvent && contains(f.Entities, e.ID) {
			return true
		}
	}
	return false
}

// missesOwnWords reports whether q is a follow-up's reading, with words
// carried from the conversation, whose own words fact i uses none of.
func (b *Base) missesOwnWords(q *query, i int) bool {
	own, carried := 0, false
	for _, u := range q.units {
		if u.carried {
			carried = true
			continue
		}
		if u.link != nil || u.weight == 0 {
			continue
		}
		own++
		if b.idx.covers(i, u) {
			return false
		}
	}
	return carried && own > 0
}

// sayVerbs, right after a name, make it the speaker asked about: "what did
// Beijing say". Another word makes the name an owner instead: "what did
// Pakistan's counter-terrorism authority tell the Senate".
var sayVerbs = setOf(`say said tell told think thought claim claimed describe described call called make
	argue argued warn warned respond responded react reacted announce announced state stated comment commented
	condemn condemned criticise criticised criticize criticized reaction response`)

// speaker returns the party whose words the question asks: its doer when
// it names two, or the one name it gives when that is a person or a body
// ("how did the HRCP react to the expulsion order"; a place, "how did
// Kabul react", may be answered by what was done there); nil otherwise.
func (q *query) speaker() *link {
	if q.doer != nil || len(q.links) != 1 {
		return q.doer
	}
	if e := q.links[0].entities[0]; len(q.links[0].entities) == 1 && speakerKind(e) {
		return &q.links[0]
	}
	return nil
}

// speakerKind reports whether e is of a kind that speaks for itself: a
// person or a body (a place may be answered by what was done there).
func speakerKind(e *Entity) bool { return e.Kind == KindPerson || isBody(e) }

// speaks reports whether the name l links is followed by a verb of saying,
// perhaps after a word like "itself" ("how did the TTP itself respond").
func (q *query) speaks(l *link) bool { return q.speechVerb(l) != "" }

// speechVerb returns the verb of saying that follows the name l links, as
// speaks finds it, or "".
func (q *query) speechVerb(l *link) string {
	j := l.end
	if j < len(q.toks) && (q.toks[j] == "itself" || q.toks[j] == "themselves" || q.toks[j] == "ever" || strings.HasSuffix(q.toks[j], "ly")) {
		j++ // "officially", "publicly", "openly"
	}
	if j < len(q.toks) && sayVerbs[q.toks[j]] {
		return q.toks[j]
	}
	return ""
}

// missesEventNamed reports whether the question names an event (an attack,
// an operation) that fact i does not: how many died in the Chitral attack
// is not answered by the toll of another attack that month.
func (b *Base) missesEventNamed(q *query, i int) bool {
	f := b.facts[i]
	for _, l := range q.links {
		e := l.entities[0]
		named := e.Kind == KindEvent || e.Kind == KindOperation || q.intent == IntentHowMany && e.Kind == KindPlace
		if len(l.entities) == 1 && named && !b.idx.broad(e.ID) &&
			!b.mentions(f, i, l.entities) {
			return true
		}
	}
	return false
}

// asksStart reports whether question word u says something started.
func asksStart(u unit) bool {
	return slices.ContainsFunc(u.stems, func(s string) bool { return s == "start" || s == "begin" || s == "launch" })
}

// nameAsked returns the words naming the thing whose name the question
// asks ("the name of the military operation": military, operation), or
// nil. A question asking a person's name is a who-question instead; a word
// that names an entity is not the thing asked about. A word just before
// "name" is the thing asked about too: "what was the bomber's name".
func (q *query) nameAsked(ix *index) []string {
	if q.intent == IntentWho {
		return nil
	}
	for i := 0; i+1 < len(q.toks); i++ {
		from := i + 2 // "name of the military operation"
		switch {
		case (q.toks[i] == "name" || q.toks[i] == "names" || q.toks[i] == "codename" || q.toks[i] == "codenames") && q.toks[i+1] == "of":
		case i == 0 && q.toks[i] == "what" && (q.toks[i+1] == "was" || q.toks[i+1] == "is") && calledAfter(q.toks):
			from = i + 2 // "what was the army offensive after the attack called"
			if from < len(q.toks) && (q.toks[from] == "that" || q.toks[from] == "this") {
				from++ // "what was that operation called": the operation, "that" no clause of it
			}
		case (q.toks[i+1] == "name" || q.toks[i+1] == "names") && !ix.stop[q.toks[i]] && !q.inLink(i) &&
			!roleNouns[q.toks[i]] && !personNouns[q.toks[i]] && !qualifiesName(q.toks[i]) && (q.toks[0] == "what" || q.toks[0] == "whats") &&
			slices.Contains(q.toks[max(0, i-2):i], "the"):
			from = -1 // "what was the bomber's name": the bomber
		default:
			continue
		}
		var out []string
		if from < 0 {
			return append(out, q.toks[i])
		}
		for j := from; j < len(q.toks) && len(out) < nameWords; j++ {
			t := q.toks[j]
			if auxWords[t] || qwordsEnd[t] || t == "called" || t == "named" {
				break // "what was the repatriation plan called": the plan, a name the pack knows
			}
			if ix.stop[t] || q.inLink(j) || q.spanToks[j] {
				continue // ("what was the 2009 USIP working paper called": the paper, which the pack names; 2009 is when)
			}
			out = append(out, t)
		}
		return out
	}
	return nil
}

// nameQualifiers say which of a thing's names is asked, not what thing:
// "what is its official name".
var nameQualifiers = setOf(`official formal full real proper first last new old current original`)

// qualifiesName reports whether w is one of nameQualifiers, or one
// mistyped ("offical").
func qualifiesName(w string) bool {
	if nameQualifiers[w] {
		return true
	}
	for q := range nameQualifiers {
		if len(q) > 4 && osaDistance(w, q) <= 1 {
			return true
		}
	}
	return false
}

// calledAfter reports whether a question ends by asking what something is
// called or named: "... called", "... officially called".
func calledAfter(toks []string) bool {
	for k := max(1, len(toks)-3); k < len(toks); k++ {
		if t := toks[k]; (t == "called" || t == "named" || t == "dubbed") && toks[k-1] != "so" {
			return true // not "the so-called Ankara Circle"
		}
	}
	return false
}

// nameWords is how many words after "name of" say what is named.
const nameWords = 2

// qwordsEnd end the phrase after "name of": "the plan that the UN
// criticised".
var qwordsEnd = setOf(`that which who whom when where to by in on for`)

// namesCapitalised reports whether text writes one of words with a capital
// as part of a name ("Operation Enduring Freedom", "Repatriation Plan").
// namesCapitalisedSynonym reports whether text names, in capitals, a
// synonym of one of words: a name asked for as a "scheme" may be a "Plan".
func (b *Base) namesCapitalisedSynonym(text string, words []string) bool {
	var syns []string
	for _, w := range words {
		syns = append(syns, b.idx.lex.syn[b.idx.stem(w)]...)
	}
	for _, w := range capitalisedWords(text) {
		if slices.Contains(syns, b.idx.stem(strings.ToLower(w))) {
			return true
		}
	}
	return false
}

// capitalisedWords returns the words of text that start with a capital,
// hyphenated ones whole.
func capitalisedWords(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			out = append(out, w)
		}
	}
	return out
}

func namesCapitalised(text string, words []string) bool {
	for _, w := range capitalisedWords(text) {
		for _, asked := range words {
			if strings.EqualFold(w, asked) || strings.EqualFold(strings.TrimSuffix(w, "s"), strings.TrimSuffix(asked, "s")) {
				return true
			}
		}
	}
	return false
}

// anyLeader are titles any person at the top of a body holds: "which
// Taliban leader" is answered by the Taliban prime minister.
var anyLeader = setOf(`leader leaders`)

// namesHolder reports whether fact f names its subject next to a title the
// question asks about: "ISI chief Faiz Hameed", "Faiz Hameed, the ISI chief".
// A name further off ("chaired by Kakar, with the army chief among those
// present") holds no title the question asks about. A title matches its
// lexicon synonyms ("spokesman", "spokesperson"); a question that asks for
// a person in general ("which official") is answered by any fact about one.
// With anyone, any person the fact names may be the holder, not only its
// subject: "the army chief at Kakar's meeting" is not Kakar but may be
// named beside him.
func (b *Base) namesHolder(q *query, f *Fact, anyone bool) bool {
	var people []*Entity
	for k, id := range f.Entities {
		if k > 0 && !anyone {
			break
		}
		if e := b.entityByID[id]; e != nil && e.Kind == KindPerson {
			people = append(people, e)
		}
	}
	if len(people) == 0 {
		return false
	}
	var asked []string // stems of the titles asked about, with their synonyms
	for _, t := range q.toks {
		if personNouns[t] || anyLeader[t] {
			return true
		}
		if roleNouns[t] {
			s := b.idx.stem(t)
			asked = append(append(asked, s), b.idx.lex.syn[s]...)
		}
	}
	name := map[string]bool{}
	for _, e := range people {
		addNameTokens(name, e)
	}
	toks := f.textWords()
	for p, t := range toks {
		if !roleNouns[t] || !contains(asked, b.idx.stem(t)) {
			continue
		}
		if q.current && slices.ContainsFunc(toks[max(p-2, 0):p], func(w string) bool { return w == "former" || w == "ex" }) {
			continue // "the current ISI chief" is not a former one
		}
		for d := -holderWindow; d <= holderWindow; d++ {
			if k := p + d; k >= 0 && k < len(toks) && name[toks[k]] {
				return true
			}
		}
	}
	// "which TTP founding deputy chief was freed": a fact naming Bajauri
	// among those freed names the holder when another fact gives him the
	// title.
	for _, e := range people {
		if q.linked(e.ID) {
			continue // "was Durrani ever ambassador": his title now is no answer
		}
		for _, i := range b.idx.subjectOf[e.ID] {
			if r := b.facts[i].Role; r != nil && slices.ContainsFunc(tokenize(r.Title), func(t string) bool { return roleNouns[t] && contains(asked, b.idx.stem(t)) }) {
				return true
			}
		}
	}
	return false
}

// namesRoleUnnamed reports whether fact f speaks of the post or kind of
// person a who-question asks about ("which Afghan diplomat", "the two
// officers") only without a name: every time it uses the noun, no name of
// a person it names stands right after it ("spokesperson Zabihullah
// Mujahid") or before it, across an article, a copula, a possessive or the
// title's other words ("Faiz Hameed, the ISI chief"; "Durrani was
// Pakistan's special envoy").
func (b *Base) namesRoleUnnamed(q *query, f *Fact) bool {
	t := q.holderNoun()
	if t == "" || anyLeader[t] || authorWords[t] || verbTitles[t] {
		return false
	}
	st := b.idx.stem(t)
	return b.unnamedBeside(f, append([]string{st}, b.idx.lex.syn[st]...), func(e *Entity) bool { return e.Kind == KindPerson })
}

// foundedUnnamed reports whether fact f, asked who founded something,
// says it was founded without saying by whom: "an opposition group created
// in January 2022", where "founded by Baitullah Mehsud" or "Mehsud formed
// the TTP" names a founder.
func (b *Base) foundedUnnamed(q *query, f *Fact) bool {
	if q.intent != IntentWho || q.linkedPerson() != nil || q.holderNoun() != "" {
		return false
	}
	who := slices.IndexFunc(q.toks, func(t string) bool { return t == "who" || t == "whos" })
	var asked []string
	for _, u := range q.units {
		if u.link == nil && who >= 0 && u.pos > who && u.pos <= who+foundedReach && slices.Contains(u.stems, b.idx.stem("founded")) {
			asked = u.stems // "who set up X", "who first formed X"; not "who leads X, set up in 2022"
		}
	}
	if asked == nil {
		return false
	}
	return b.unnamedBeside(f, asked, func(e *Entity) bool { return (e.Kind == KindPerson || isBody(e)) && !q.linked(e.ID) })
}

// foundedReach is how far after "who" the verb of founding must stand to
// be what the question asks: "who founded", "who originally set up".
const foundedReach = 2

// unnamedBeside reports whether fact f uses a word with one of the stems
// asked, and never with a name of an entity keep accepts beside it: right
// after it ("spokesperson Zabihullah Mujahid"; "founded in 2007 by
// Baitullah Mehsud"), or before it across an article, a copula, a
// possessive or a title's other words ("Faiz Hameed, the ISI chief";
// "Durrani was Pakistan's special envoy").
func (b *Base) unnamedBeside(f *Fact, asked []string, keep func(*Entity) bool) bool {
	name := map[string]bool{}
	for _, id := range f.Entities {
		if e := b.entityByID[id]; e != nil && keep(e) {
			addNameTokens(name, e)
		}
	}
	words := strings.Fields(f.Text)
	bare := func(w string) string { // the word as tokenize reads it
		if t := tokenize(w); len(t) > 0 {
			return t[0]
		}
		return ""
	}
	capital := func(w string) bool { return w != "" && unicode.IsUpper([]rune(w)[0]) }
	spoken := false
	for p, w := range words {
		if !contains(asked, b.idx.stem(bare(w))) {
			continue
		}
		spoken = true
		agent := false // after "by", any words may name the doer: "formed by disaffected TTP members"
		// (A comma ends the phrase unless a name opens what follows it:
		// "the Taliban's supreme leader, Mullah Haibatullah Akhundzada".)
		for k := p + 1; k < len(words) && k <= p+holderAfter && !strings.ContainsAny(words[k-1], ".;") && !(strings.Contains(words[k-1], ",") && !capital(words[k])); k++ {
			t := bare(words[k])
			if name[t] {
				return false
			}
			agent = agent || t == "by"
			if !agent && !capital(words[k]) && !titleLinkWords[t] && !holderLinks[t] && !isNumber(t) {
				break // "an Afghan diplomat over the attack"
			}
		}
		for k := p - 1; k >= 0 && k >= p-holderBefore; k-- {
			t := bare(words[k])
			if name[t] {
				return false
			}
			if !capital(words[k]) && !titleLinkWords[t] && !copulas[t] && !titleModifiers[t] && !roleNouns[t] && !holderLinks[t] && !strings.HasSuffix(words[k], "'s") {
				break // "with the army chief": no name across "with"
			}
		}
	}
	return spoken
}

// verbTitles are title nouns a question mostly uses as verbs: "which think
// tank does he head".
var verbTitles = setOf(`head heads chair chairs`)

// holderLinks may stand between a title and its holder's name: "envoy for
// Afghanistan Asif Durrani", "Haqqani acted as arbiter", "Rabbani became
// president".
var holderLinks = setOf(`as for to on in its their acted served serves became becomes remained remains named appointed`)

// holderAfter and holderBefore are how many words after a title, and
// before it across its other words, a name may stand and be its holder's.
const (
	holderAfter  = 6
	holderBefore = 8
)

// addNameTokens adds to name the words of e's name and aliases, as
// tokenize reads them.
func addNameTokens(name map[string]bool, e *Entity) {
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		for _, t := range tokenize(n) {
			name[t] = true
		}
	}
}

// holderWindow is how many words from a title a name may stand and still
// be the title's holder.
const holderWindow = 3

// otherHolder reports whether the question asks for one party's holder of a
// title ("the Taliban's ambassador") and fact f gives another party's
// ("Pakistan's ambassador").
func (b *Base) otherHolder(q *query, f *Fact) bool {
	asked := possessedTitles(q.norm, 1)
	for title, owner := range asked {
		if len(b.partyIDs(owner)) == 0 {
			delete(asked, title) // "secretary of state": a title's own words, no party
		}
	}
	if len(asked) == 0 {
		return false
	}
	for title, owner := range possessedTitles(strings.ToLower(f.Text), ownerWords) {
		if want, ok := asked[title]; ok && !slices.ContainsFunc(strings.Fields(owner), func(w string) bool { return b.sameParty(want, w) }) && !b.namesParty(f, want) {
			return true
		}
	}
	parties := func(w string) []string { // a person's name before a title is its holder, not its party
		var out []string
		for _, id := range b.partyIDs(w) {
			if e := b.entityByID[id]; e != nil && e.Kind != KindPerson {
				out = append(out, id)
			}
		}
		return out
	}
	for title, owner := range partyTitles(strings.ToLower(f.Text), parties) {
		for askedTitle, want := range asked {
			if b.sameTitle(askedTitle, title) && !b.sameParty(want, owner) {
				return true // "US special envoy" is not China's ambassador
			}
		}
	}
	// "special envoy Asif Durrani's remark" names no party, but Durrani's
	// post, as the pack records it, is Pakistan's: not the Taliban's
	// ambassador. A person with the post for the party asked is its holder.
	// Only envoys' posts are judged so: an envoy is one party's to another,
	// and the two are easily swapped; a minister's party the pack may name
	// as the government, the country or the movement.
	text := strings.ToLower(f.Text)
	for _, id := range f.Entities {
		if e := b.entityByID[id]; e == nil || e.Kind != KindPerson {
			continue
		}
		for askedTitle, want := range asked {
			if !envoyTitles[askedTitle] {
				continue
			}
			other, same := false, false
			for _, k := range b.idx.subjectOf[id] {
				r := b.facts[k].Role
				if r == nil || r.Of == "" {
					continue
				}
				words := strings.Fields(r.Title)
				if len(words) == 0 || !b.sameTitle(askedTitle, words[len(words)-1]) || !strings.Contains(text, words[len(words)-1]) {
					continue
				}
				if slices.Contains(b.partyIDs(want), r.Of) {
					same = true
				} else {
					other = true
				}
			}
			if other && !same {
				return true
			}
		}
	}
	return false
}

// representVerbs name a representative's post by what they do: "who
// represents the Taliban" asks for the Taliban's representative.
var representVerbs = setOf(`represent represents representing`)

// envoyTitles are the posts one party holds at or for another.
var envoyTitles = setOf(`ambassador ambassadors envoy envoys emissary representative rep`)

// sameTitle reports whether two title words are one title: the same stem
// or lexicon synonyms ("ambassador", "envoy").
func (b *Base) sameTitle(x, y string) bool {
	sx, sy := b.idx.stem(x), b.idx.stem(y)
	return sx == sy || contains(b.idx.lex.syn[sx], sy)
}

// partyTitles finds "<party> [modifiers] <title>" in text ("US special
// envoy", "Taliban foreign minister"), where the party is a one-word name
// the pack knows, and returns title -> party.
func partyTitles(text string, ids func(string) []string) map[string]string {
	out := map[string]string{}
	words := strings.Fields(text)
	for k, w := range words {
		title := strings.Trim(w, `"(.,;:!?)`)
		if !roleNouns[title] {
			continue
		}
		j := k - 1
		for j >= 0 && titleModifiers[strings.Trim(words[j], `"(.,;:!?)`)] {
			j--
		}
		if j < 0 || j == k-1 && k > 0 && strings.HasSuffix(words[j], "'s") {
			continue
		}
		// "Pakistan's special envoy": the owner is possessive before
		// modifiers.
		if owner := strings.TrimSuffix(strings.Trim(words[j], `"(.,;:!?)`), "'s"); len(ids(owner)) > 0 {
			if _, taken := out[title]; !taken {
				out[title] = owner
			}
		}
	}
	return out
}

// namesParty reports whether fact f is about the party a word names: "the
// leader of the Tehrik-e-Taliban Pakistan (TTP)" names the TTP.
func (b *Base) namesParty(f *Fact, w string) bool {
	for _, id := range b.partyIDs(w) {
		if contains(f.Entities, id) {
			return true
		}
	}
	return false
}

// possessedTitles finds "<owner>'s <title>" and "<title> of [the]
// <owner>" in text, for the titles of roleNouns, and returns title ->
// owner: up to ofWords words of its name ("the foreign minister of the
// Afghan Taliban government", "the Afghan Taliban government's interior
// minister": "afghan taliban government").
func possessedTitles(text string, ofWords int) map[string]string {
	out := map[string]string{}
	words := strings.Fields(text)
	for k := 0; k+1 < len(words); k++ {
		if title := strings.Trim(words[k], `"(.,;:!?)`); roleNouns[title] && words[k+1] == "of" {
			// "the prime minister of India", "the leader of the TTP"
			var owner []string
			for j := k + 2; j < len(words) && len(owner) < ofWords; j++ {
				w := strings.Trim(words[j], `"(.,;:!?)`)
				if w == "the" && len(owner) == 0 || w == "" {
					continue
				}
				owner = append(owner, strings.TrimSuffix(w, "'s"))
				if w != words[j] {
					break // the phrase ends at its punctuation
				}
			}
			if _, taken := out[title]; !taken && len(owner) > 0 {
				out[title] = strings.Join(owner, " ")
			}
			continue
		}
		if representVerbs[words[k]] {
			// "who represents the Taliban": the Taliban's representative.
			for j := k + 1; j < len(words) && j <= k+2; j++ {
				if w := strings.Trim(words[j], `"(.,;:!?)`); w != "the" && w != "" {
					out["representative"] = strings.TrimSuffix(w, "'s")
					break
				}
			}
			continue
		}
		owner, ok := strings.CutSuffix(strings.Trim(words[k], `"(`), "'s")
		if !ok || owner == "" {
			continue
		}
		for j := k - 1; j >= 0 && j > k-ofWords; j-- {
			// "the Afghan Taliban government's interior minister": the
			// owner's whole name, as after "of".
			w := strings.Trim(words[j], `"(`)
			if w == "the" || w != words[j] || strings.ContainsAny(w, `.,;:!?)`) {
				break
			}
			owner = w + " " + owner
		}
		// "Pakistan's foreign minister", "the Taliban's intelligence
		// chief": the title may follow a word or two that say which.
		for j := k + 1; j < len(words) && j <= k+titleWordsBefore+1; j++ {
			title := strings.Trim(words[j], `.,;:!?")`)
			if roleNouns[title] {
				out[title] = owner
				break
			}
			if !titleModifiers[title] && !ownedTitleWords[title] {
				break // "the TTP's spiritual leader" is no title of Pakistan's
			}
		}
	}
	return out
}

// titleWordsBefore is how many words may stand between a possessive and
// the title it owns: "Pakistan's (new) foreign minister".
const titleWordsBefore = 2

// ownedTitleWords, with titleModifiers, may stand between a possessive and
// the title it owns: "Pakistan's former spy chief".
var ownedTitleWords = setOf(`intelligence spy former new current`)

// ownerWords is how many words of its name a fact's title owner may take:
// "the foreign minister of the Afghan Taliban government".
const ownerWords = 3

// sameParty reports whether two owner words name one party: the same word,
// or names of one entity ("Islamabad" stands for Pakistan).
func (b *Base) sameParty(x, y string) bool {
	if x == y {
		return true
	}
	for _, a := range b.partyIDs(x) {
		if contains(b.partyIDs(y), a) {
			return true
		}
	}
	return false
}

// partyIDs returns the entities a one-word name or capital stands for,
// chat shorthand included ("pak").
func (b *Base) partyIDs(w string) []string {
	if full := b.idx.lex.shorthand[w]; len(full) == 1 {
		w = full[0]
	}
	var out []string
	for _, a := range b.idx.aliases[w] {
		if len(a.toks) == 1 {
			out = append(out, a.entity.ID)
		}
	}
	for _, e := range b.idx.lex.capitals[w] {
		out = append(out, e.ID)
	}
	return out
}

// missedOnly reports whether fact i misses some specific name q gives (a
// broad one, "the Taliban", is not counted missed) and every name it
// misses is one excused accepts.
func (b *Base) missedOnly(q *query, i int, excused func(u unit) bool) bool {
	missed := false
	for _, u := range q.units {
		if u.link == nil || b.idx.broad(u.link.entities[0].ID) || b.idx.covers(i, u) {
			continue
		}
		if !excused(u) {
			return false
		}
		missed = true
	}
	return missed
}

// missedOnlyAsTime reports whether every name the question gives that fact
// i misses comes after a word of time: "wrote to which Taliban leader after
// Chitral" dates the letter by the attack; it does not place the post.
func (b *Base) missedOnlyAsTime(q *query, i int) bool {
	return b.missedOnly(q, i, func(u unit) bool {
		s := u.link.start
		if s > 0 && q.toks[s-1] == "the" {
			s-- // "after the Chitral raid"
		}
		return s > 0 && timeClauseWords[q.toks[s-1]]
	})
}

// missedOnlyAsPost reports whether every name q gives that fact i does not
// mention is the party of a post, held now or before, of someone the fact
// names: "which US official warned Pakistan about snakes" is answered by
// Hillary Clinton's warning, she having been the US Secretary of State.
func (b *Base) missedOnlyAsPost(q *query, i int) bool {
	return b.missedOnly(q, i, func(u unit) bool { return b.postIn(b.facts[i], u.link.entities[0], true) })
}

// asksTitle reports whether a question asks the title of a piece of
// writing: "title of the op-ed", "what was the article's headline".
func asksTitle(toks []string) bool {
	return slices.ContainsFunc(toks, func(t string) bool { return titleWords[t] }) &&
		slices.ContainsFunc(toks, func(t string) bool { return sourceNouns[t] || t == "book" })
}

// quotedTitleRE matches words quoted as a title, two or more of them: not
// a spelling noted ("Barkat").
var quotedTitleRE = regexp.MustCompile(`["“][^"”]+ [^"”]+["”]`)

// titleWords name a piece's title (the piece is one of sourceNouns).
var titleWords = setOf(`title titles headline`)

// governmentWords, after a group's name, name the state it runs: "Taliban
// government", "Taliban regime".
var governmentWords = setOf(`government govt regime emirate authorities administration`)

// speaksFor reports whether entity g is the government of entity e,
// named as one of e's names and then a word for a government ("Taliban
// government", "Taliban de facto authorities" for the Taliban): what g
// says, e says.
func speaksFor(g, e *Entity) bool {
	for _, gn := range append([]string{g.Name}, g.Aliases...) {
		gn = strings.ToLower(gn)
		if !governmentWords[gn[strings.LastIndexByte(gn, ' ')+1:]] {
			continue
		}
		for _, en := range append([]string{e.Name}, e.Aliases...) {
			if strings.HasPrefix(gn, strings.ToLower(en)+" ") {
				return true
			}
		}
	}
	return false
}

// governsIn reports whether entity e is the government of one that fact f
// names: what the Taliban said, their government, and "Kabul" for it,
// said.
func (b *Base) governsIn(f *Fact, e *Entity) bool {
	return slices.ContainsFunc(f.Entities, func(id string) bool {
		g := b.entityByID[id]
		return g != nil && speaksFor(e, g)
	})
}

// officialIn reports whether fact f names someone who holds a post of
// party e's, or of its government's, by the role facts on them: what
// Zabihullah Mujahid, the Taliban government's spokesperson, said is what
// the Taliban said.
func (b *Base) officialIn(f *Fact, e *Entity) bool { return b.postIn(f, e, false) }

// postIn reports whether fact f names someone who holds a post of party
// e's or of its government's, or, with former, once held one.
func (b *Base) postIn(f *Fact, e *Entity, former bool) bool {
	for _, id := range f.Entities {
		if p := b.entityByID[id]; p == nil || p.Kind != KindPerson {
			continue
		}
		for _, k := range b.idx.subjectOf[id] {
			r := b.facts[k]
			if r.Role == nil || r.Role.Of == "" || r.Former() && !former {
				continue
			}
			if o := b.entityByID[r.Role.Of]; o != nil && (o == e || speaksFor(o, e) || speaksFor(e, o)) {
				return true
			}
		}
	}
	return false
}

// governedIn reports whether fact f names the government of entity e.
func (b *Base) governedIn(f *Fact, e *Entity) bool {
	return slices.ContainsFunc(f.Entities, func(id string) bool {
		g := b.entityByID[id]
		return g != nil && speaksFor(g, e)
	})
}

// countsOtherPeople reports whether a how-many question counts people of
// one nation ("Afghan nationals") and fact i's figures count those of
// another ("Chinese nationals"), not the asked one's.
func (b *Base) countsOtherPeople(q *query, i int) bool {
	asked := ""
	for _, s := range q.counted {
		// The question's own word for the people, not one the counted
		// noun's place was widened to ("refugees in Pak" counts no
		// Pakistanis).
		if nations[s] != "" && slices.ContainsFunc(q.toks, func(t string) bool { return b.idx.stem(t) == s }) {
			asked = nations[s]
			break
		}
	}
	if asked == "" {
		return false
	}
	other := false
	for s := range b.idx.counted[i] {
		switch n := nations[s]; {
		case n == asked:
			return false
		case n != "":
			other = true
		}
	}
	return other
}

// nations maps the stems of the words for a nation's people, as countedStems
// keeps them, to the nation: "afghans" and "afghan" are Afghanistan's. A
// country's own name is a place ("attacks inside Pakistan"), not whom a
// figure counts.
var nations = map[string]string{
	"afghan": "afghanistan", "pakistani": "pakistan", "chines": "china", "indian": "india",
	"iranian": "iran", "american": "united states", "russian": "russia", "uzbek": "uzbekistan", "tajik": "tajikistan",
}
