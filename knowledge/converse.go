package knowledge

// Conversations: a follow-up ("what did he say?", "and when?", "what about
// the TTP?", "more", "sources") read against what the conversation asked
// and was shown before; small talk answered as such.

import (
	"fmt"
	"iter"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Context is what a conversation remembers of its last turn, so that a
// follow-up can be read against it. It is chat-neutral plain data: the bot
// keeps it between messages, as JSON, for as long as the conversation
// lasts. The zero Context is a conversation's start.
type Context struct {
	// Question is the last question with its follow-ups resolved ("what
	// did Asif Durrani say about the TTP").
	Question string `json:"question,omitempty"`
	// Entities are what it was about: the entities the question named,
	// then those of the answer's lead fact, most salient first.
	Entities []string `json:"entities,omitempty"`
	// Facts are the facts the last answer gave, lead first: "sources" and
	// "when was that?" are about them.
	Facts []string `json:"facts,omitempty"`
	// Shown are the timeline entries shown so far, and More how many
	// were left out: "more" shows the next ones.
	Shown []string `json:"shown,omitempty"`
	More  int      `json:"more,omitempty"`
	// Led are the facts earlier answers of the conversation led with,
	// oldest first: "what else did they commit to?" asks beyond them.
	Led []string `json:"led,omitempty"`
	// Asked is a question durand asked back about, with Pronoun the word
	// it could not resolve: the next message may say whom it meant ("who
	// do you mean by 'he'?" — "Durrani").
	Asked   string `json:"asked,omitempty"`
	Pronoun string `json:"pronoun,omitempty"`
	// After, when not 0, is the date (as Point.Key) a timeline shown to
	// its end went on from: "more" goes on in date order.
	After int `json:"after,omitempty"`
	// Before is the last question answered, when Question was declined:
	// "russia?" after China's aims and a question about its ambassador
	// the sources do not answer may be asked of the aims.
	Before string `json:"before,omitempty"`
}

// Limits on what a context holds, so that it stays small in the store.
const (
	contextEntities = 12  // entities remembered
	contextShown    = 200 // timeline entries remembered as shown
	contextLed      = 12  // answers' lead facts remembered
)

// AnswerIn answers a question asked in a conversation whose last turn left
// c, and returns the answer and the context the conversation keeps for its
// next turn. A follow-up is resolved against c: a pronoun names the
// entity it stands for, an ellipsis ("why?", "and Bugti?") takes the rest
// of the last question, "more" continues a timeline, and "sources" or
// "quote" cites the last answer. A pronoun with nothing to stand for is
// asked about rather than guessed. Small talk is answered as in Answer and
// leaves c as it was.
func (b *Base) AnswerIn(c Context, question string) (Answer, Context) {
	a, next, read := b.answerIn(c, question, nil)
	if fu := b.idx.models.FollowUp; fu != nil && a.Answered && read {
		// Read against the conversation, the answer is a reading's: its
		// chance is the recalibrated one (see models.FollowUp). "more" and
		// "sources" read nothing: they keep theirs.
		a.Confidence = round2(fu.prob([]float64{logit(clampChance(a.Confidence))}))
	}
	return a, next
}

// namesSomething reports whether question names an entity; when specific,
// one more specific than a country or a people.
func (b *Base) namesSomething(question string, specific bool) bool {
	q := b.parse(Normalize(question))
	defer b.idx.release(q)
	for _, l := range q.links {
		if !specific || slices.ContainsFunc(l.entities, func(e *Entity) bool { return !b.idx.broad(e.ID) }) {
			return true
		}
	}
	return false
}

// heldVerbs, after "it", say that it is an event: a meeting is held.
var heldVerbs = setOf("held hosted convened staged organised organized chaired")

// withPossessives gives back toks with a name typed with an "s" and no
// apostrophe before a word of its own made possessive, as chat types it:
// "and pakistans demands?" is "and pakistan's demands?". A word that is a
// name or a word in its own right ("afghans") is left as typed.
func (b *Base) withPossessives(toks []string) []string {
	ix := b.idx
	var out []string
	for k, t := range toks {
		base, ok := strings.CutSuffix(t, "s")
		if !ok || k+1 == len(toks) || len(base) < minPossessiveName || !isWordy(t) || ix.stop[toks[k+1]] || !isWordy(toks[k+1]) ||
			len(ix.aliases[t]) > 0 || ix.spell.known(t) || !slices.ContainsFunc(ix.aliases[base], func(a alias) bool { return len(a.toks) == 1 && !a.short }) {
			continue
		}
		if out == nil {
			out = slices.Clone(toks)
		}
		out[k] = base + "'s"
	}
	if out == nil {
		return toks
	}
	return out
}

// minPossessiveName is the shortest name withPossessives reads an "s"
// after as possessive: "ttps" is the TTP's, but "uns" is no UN's.
const minPossessiveName = 3

// bareAndMax is the most words a first message opening "and" may have
// and still be a follow-up with nothing to stand on: "and the numbers?".
const bareAndMax = 4

// thingPronouns stand for a thing or an event, never a person: asked back
// about, they are asked "what", not "who".
var thingPronouns = setOf("that this it those these")

// bareAsks are the words a follow-up with nothing to stand on may use
// beside its question words: "and then what happened", "what next".
var bareAsks = setOf("happened happen happens next then come else died killed dead injured wounded " +
	"one ones other first second third last " + // "what about the second one?"
	"again number numbers figure figures") // "what was the number again?"

// deicticAfter are the words after which a closing "that" or "this" points
// at something said before, as in "what happened after that" or "the number
// for that": not a conjunction, and with nothing said before, nothing.
var deicticAfter = setOf("after before for about since of on from like")

// bareFollowUp reports whether toks only ask a question word of what went
// before ("why?", "how many?", "since when?", "and then what happened"),
// naming nothing: a follow-up, which needs a conversation to stand on.
func (b *Base) bareFollowUp(toks []string) bool {
	q := b.parse(strings.Join(toks, " "))
	defer b.idx.release(q)
	if len(q.links) > 0 || len(q.toks) == 0 {
		return false
	}
	if q.hasSpan || slices.Contains(q.toks, "same") {
		// "and in 2022?", "the same year?": a time alone, of nothing.
		return len(q.toks) <= bareAndMax && bareSpan(q)
	}
	asks := q.toks[0] == "and" && len(q.toks) <= bareAndMax // "and the numbers?": of what?
	if asks {
		for _, t := range q.toks[1:] {
			if (pronounKind[t] != "" || t == "that" || t == "this" || t == "those") && !timeWords[q.toks[1]] {
				return false // ("and when was that?": whom "that" means is asked, in resolve; "and after that?" has no time to go on from)
			}
		}
		return true
	}
	for k, t := range q.toks {
		switch {
		case (t == "that" || t == "this") && k == len(q.toks)-1 && k > 0 && deicticAfter[q.toks[k-1]]:
			// "so what happened after that": after what is asked back.
		case pronounKind[t] != "" || t == "that" || t == "this" || t == "those":
			return false // "why did they do that": whom "they" means is asked (resolve)
		case b.idx.qwords[t] && t != "what" || t == "what" && len(q.toks) > 1:
			asks = true
		case b.idx.stop[t] || bareAsks[t]:
		default:
			return false
		}
	}
	return asks
}

// askBackLine asks whom or what missing, the words a follow-up points
// back with, stands for: between either's two people, when it names them.
func askBackLine(missing string, either []*Entity) string {
	det, noun, pair := strings.Cut(missing, " ")
	switch {
	case either != nil:
		return "Who do you mean by “" + missing + "”: " + either[0].Name + " or " + either[1].Name + "?"
	case thingPronouns[missing]:
		return "What do you mean by “" + missing + "”? Name it and I'll look it up."
	case pair && (det == "that" || det == "those" || det == "these") && referentNouns[noun]:
		return "Which " + noun + " do you mean? Name it and I'll look it up." // "that attack", first thing said
	case missing == "there" || missing == "here":
		return "What do you mean by “" + missing + "”? Name the place and I'll look it up."
	case missing == "by then":
		return "What do you mean by “" + missing + "”? Name the time or the event and I'll look it up."
	case pair && noun == "one":
		return "Which one do you mean by “" + missing + "”? Name it and I'll look it up."
	case pair && noun == "ones":
		return "Which ones do you mean by “" + missing + "”? Name them and I'll look it up."
	case pair && det == "the" && otherOf(noun) != "":
		return "Which " + otherOf(noun) + " do you mean by “" + missing + "”? Name it and I'll look it up."
	}
	return "Who do you mean by “" + missing + "”? Name them and I'll look it up."
}

// unnamedPiece reports whether toks ask of "the piece", "the report" or
// "the author" and of nothing else, naming no source: "who wrote the
// piece", "what did the article argue".
func (b *Base) unnamedPiece(toks []string) bool {
	q := b.parse(strings.Join(toks, " "))
	defer b.idx.release(q)
	if len(q.links) > 0 || q.sourceDoc != "" || q.hasSpan {
		return false
	}
	piece := false
	for k, t := range q.toks {
		switch {
		case (paperNouns[t] || t == "author" || t == "writer") && k > 0 && (q.toks[k-1] == "the" || q.toks[k-1] == "that" || q.toks[k-1] == "this"):
			piece = true
		case b.idx.stop[t] || b.idx.qwords[t] || pieceAsks[t]:
		default:
			return false
		}
	}
	return piece
}

// pieceAsks are what a question may ask of a piece it does not name: who
// wrote it, what it argues, when it came out.
var pieceAsks = setOf(`wrote write written writes author authored argue argues argued conclude concludes concluded say says said
	about main point points thesis gist summary summarise summarize published publish came out title called`)

// bareTimeWords, with a time, ask of nothing else: "and in 2022?", "the
// same year?".
var bareTimeWords = setOf("and the in during for same of year month day week time period")

// bareSpan reports whether every word of q but its time is one of
// bareTimeWords, and there is one: it asks a time of nothing named.
func bareSpan(q *query) bool {
	more := false // "2023?" alone asks what happened then
	for k, t := range q.toks {
		switch {
		case q.spanToks[k]:
		case bareTimeWords[t]:
			more = true
		default:
			return false
		}
	}
	return more
}

// ownWords parses question once: the words it asks besides what it names
// and its question words ("role" of "bajauri's role"; none of "the USIP
// paper"); whether it names something more specific than a country or a
// people (as namesSomething does); and the entities of the names that
// stand for nothing broader ("Imran Khan", not "Islamabad", which is also
// the government).
func (b *Base) ownWords(question string) (asked []string, names bool, specific []*Entity) {
	q := b.parse(Normalize(question))
	defer b.idx.release(q)
	for k, t := range q.toks {
		if !q.inLink(k) && !b.idx.stop[t] && !b.idx.qwords[t] {
			asked = append(asked, t)
		}
	}
	for _, l := range q.links {
		names = names || slices.ContainsFunc(l.entities, func(e *Entity) bool { return !b.idx.broad(e.ID) })
		if !slices.ContainsFunc(l.entities, func(e *Entity) bool { return b.idx.broad(e.ID) }) {
			specific = append(specific, l.entities...)
		}
	}
	return asked, names, specific
}

// lacks reports whether fact f uses none of words, and there are some.
func (b *Base) lacks(f *Fact, words []string) bool {
	text := strings.Join(append([]string{f.Text}, f.Items...), " ")
	return len(words) > 0 && !slices.ContainsFunc(words, func(w string) bool {
		// ("bugti's figure?" is said by a fact that gives his figure in
		// numbers, though never in the word.)
		return b.textUsesStem(text, b.idx.stem(w)) || figureNouns[w] && hasFigure(f)
	})
}

// onTopic reports whether a's lead fact is on something the conversation c
// has spoken of, more specific than a country or a people.
func (b *Base) onTopic(c Context, a Answer) bool {
	if !a.Answered || len(a.Facts) == 0 {
		return false
	}
	return slices.ContainsFunc(a.Facts[0].Entities, func(id string) bool {
		return slices.Contains(c.Entities, id) && !b.idx.broad(id)
	})
}

// aboutDocument reports whether the last answer's lead fact is about a
// document, as "the 2009 USIP paper listed six failings" is: "who's the
// author?" then asks who wrote that document.
func (b *Base) aboutDocument(c Context) bool {
	if len(c.Facts) == 0 {
		return false
	}
	f := b.factByID[c.Facts[0]]
	return f != nil && b.ofDocument(f)
}

// clampChance keeps a chance off 0 and 1, where its log-odds is infinite.
func clampChance(p float64) float64 { return min(max(p, 0.005), 0.995) }

// answerIn is AnswerIn with the single-question model's confidence. read
// reports whether the answer is to a reading of the question other than
// its words: the answers AnswerIn recalibrates. When collect is not nil,
// the readings a follow-up's is chosen among are kept in it, and the
// rules' choice is answered: what the reading model is fitted on.
func (b *Base) answerIn(c Context, question string, collect *readingChoice) (a Answer, next Context, read bool) {
	if t, ok := b.smallTalk(question); ok {
		return t, c, false
	}
	norm := Normalize(question)
	typed := chatAnd(strings.Fields(strings.Trim(norm, " ?!.,;:"))) // as typed: the comma of "and iran, when did it…" kept
	toks := b.withContextNames(c, b.withPossessives(typed))
	if c.Question == "" && len(c.Facts) == 0 && b.bareFollowUp(toks) {
		// "why?" or "and then what happened" as the first message: of
		// what is asked back, not declined as if asked of nothing.
		a := Answer{Question: question, Reply: true,
			Lines:       []string{"What do you mean by “" + strings.Join(toks, " ") + "”? Ask it of something by name, and I'll look it up."},
			Suggestions: b.defaultSuggestions()}
		return a, c, false
	}
	if c.Question == "" && len(c.Facts) == 0 && b.unnamedPiece(toks) {
		// "who wrote the piece?" as the first message: which of the
		// sources is asked back, with the sources named.
		names := make([]string, 0, len(b.srcOrder))
		for _, src := range b.srcOrder {
			names = append(names, src.Named())
		}
		a := Answer{Question: question, Reply: true,
			Lines:       []string{"Which piece do you mean? I have " + strings.Join(names, "; ") + ". Name one and I'll look it up."},
			Suggestions: b.defaultSuggestions()}
		return a, c, false
	}
	if shifted, ok := b.relativeTime(c, toks); ok {
		// "how did the civilian toll compare to the month before that",
		// after September 2023's figures: to August 2023.
		toks = shifted
	}
	author := authorAsked(withoutAsides(toks)) // "who's the author btw"
	if lead := b.factByID[first(c.Facts)]; !author && lead != nil && !b.citesDocument(lead) && authorAsked(thatAsThis(withoutAsides(toks))) {
		// "who wrote that piece?" after an answer that cites no other
		// document: the piece it came from.
		author = true
	}
	switch {
	case asksMore(toks):
		a, next = b.more(c, question)
		return a, next, false
	case (asksSources(toks) || author || b.slangPartSource(toks)) && len(c.Facts) > 0 && !(author && b.aboutDocument(c)):
		a := b.cited(c, question, author)
		return a, b.withAuthors(c, a), false
	case asksNext(toks) && len(c.Facts) > 0:
		if a, next, ok := b.whatCameNext(c, question); ok {
			return a, next, false
		}
	}
	if a, ok := b.ordinalItem(c, toks, question); ok {
		// "and the third aim?" after Pakistan's aims: the list's third.
		return a, b.nextContext(c, c.Question, a), false
	}
	if a, ok := b.whenSaid(c, toks, question); ok {
		// "when did he say it?" after Durrani's "nightmare" remark: when
		// that remark was made, or that the sources don't say.
		return a, b.nextContext(c, a.Resolved, a), true
	}
	if a, ok := b.detailOfLast(c, toks, question); ok {
		// "increase?" after 2,867 deaths in 2022, "a 50 percent rise on
		// 2021": the last answer says it.
		return a, b.nextContext(c, a.Resolved, a), true
	}
	var skip map[string]bool
	moreOf := false
	if rest, ok := moreAbout(toks, question); ok && c.Question != "" && len(rest) > 0 {
		// "tell me more about the TTP": what the sources say of it that
		// the conversation has not been shown.
		toks, skip, moreOf = rest, map[string]bool{}, true
		for _, id := range slices.Concat(c.Shown, c.Facts) {
			skip[id] = true
		}
	}
	if cur := conversionAsked(toks); cur != "" && len(c.Facts) > 0 {
		if f := b.factByID[c.Facts[0]]; f != nil && !b.textUsesStem(f.Text, b.idx.stem(cur)) {
			// "what's that in dollars" after a share of revenue: the
			// sources give no sum in dollars, and nothing is converted.
			a := Answer{Question: question, Lines: []string{"The sources I have don't give that in " + cur + "."},
				Suggestions: b.contextSuggestions(c)}
			a.Lines = append(a.Lines, "You could ask: "+strings.Join(a.Suggestions, "; ")+".")
			return a, c, false
		}
	}
	if name := b.unknownAlone(toks); name != "" && b.asksOfPlace(c.Question) {
		// "and Chaman?" after the Torkham closure: a place the pack never
		// names, which no reading of the last question answers. (After a
		// question of no place, "breakdown?" is a word, not a name.)
		a := Answer{Question: question, Lines: []string{"The sources I have don't say anything about " + name + "."},
			Suggestions: b.contextSuggestions(c)}
		if len(a.Suggestions) > 0 {
			a.Lines = append(a.Lines, "You could ask: "+strings.Join(a.Suggestions, "; ")+".")
		}
		return a, c, false
	}
	if noun := b.otherUnseen(c, toks); noun != "" {
		// "and the other attack?" when the conversation has spoken of one
		// attack, or of none: which is meant is asked, not guessed.
		a := Answer{Question: question, Reply: true,
			Lines:       []string{"Which other " + noun + " do you mean? Name it and I'll look it up."},
			Suggestions: b.contextSuggestions(c)}
		return a, c, false
	}
	readings, own, missing, guess := b.resolve(c, toks)
	if moreOf && missing == "" && b.namesSomething(strings.Join(toks, " "), false) {
		// "tell me more about the SRC": all the sources say of it, not
		// only at the last question's time.
		readings = []string{strings.Join(toks, " ")}
	}
	if missing != "" && b.pointsWithin(toks, missing) {
		// "who leads the TTP and where does he live": "he" is whom the
		// first question's answer names, and the question, answered as
		// it stands, says so. (Not answered so, it is asked about.)
		if own := strings.Join(toks, " "); b.answerWith(own, asking{}).Answered {
			readings, missing = []string{own}, ""
		}
	}
	if missing != "" && personPronoun(missing) && b.authorSpokenOf(c) {
		// "what does he say Pakistan should do instead" after the main
		// argument of the piece by an author it does not name: "he" is
		// its author, and the question is asked of the piece.
		byAuthor := withPronounAs(toks, missing, "the author")
		if r, _, m, _ := b.resolve(c, strings.Fields(strings.Join(byAuthor, " "))); m == "" && len(r) > 0 {
			readings, missing = r, ""
		}
	}
	if r := b.whoOfLastPredicate(c, toks); r != "" {
		// "are they hit by the eviction order?" — "so who is?": who is
		// hit by it, not who the refugees are, nor the answer that said
		// they are not.
		readings, missing = []string{r}, ""
		if len(c.Facts) > 0 && skip == nil {
			skip = map[string]bool{c.Facts[0]: true}
		}
	}
	if post := b.unnamedPost(c, toks); post != "" {
		// "whats his name" after "with the army chief among those
		// present": the army chief's, whom the last answer did not name,
		// not the named chair's.
		readings, missing = []string{b.withTopicCarried(c, post+"'s name")}, ""
	}
	if r := b.dislocated(typed); r != "" {
		// "and faiz, what happened to him since": what happened to Faiz
		// since, asked of him by name, not of the conversation's topic.
		readings, missing = []string{r}, ""
	}
	if r := b.askedOfOtherSource(c, toks); r != "" {
		// "is that consistent w the gul paper" after how many attacks
		// Ghosh counts in December 2021: the last question, asked of
		// Gul's paper.
		readings, missing = []string{r}, ""
	}
	var either []*Entity
	if missing == "" {
		if pr, pair := b.eitherAsked(c, toks); pair != nil {
			// "what's his title" after "what did Kakar and Bugti say
			// about suicide bombers": which of the two is asked back.
			missing, either = pr, pair
		}
	}
	if missing != "" {
		a := Answer{Question: question, Reply: true, Lines: []string{askBackLine(missing, either)}, Suggestions: b.contextSuggestions(c)}
		asked := c
		asked.Asked, asked.Pronoun = strings.Join(toks, " "), missing
		return a, asked, false
	}
	if r := b.clarified(c, toks); r != "" {
		// "i mean Durrani": the question asked back about, of whom the
		// message names, first; the message alone after it.
		readings = append([]string{r}, slices.DeleteFunc(readings, func(x string) bool { return x == r })...)
	}
	// The likeliest reading is answered; when the sources answer it not,
	// the next one that they do.
	// "which provinces?" asks what the last answer did not say: that
	// answer's lead is left out of the readings' answers.
	if (asksNewFact(toks) || asksOtherTopic(toks) || thatAsSubject(toks)) && len(c.Facts) > 0 && skip == nil {
		// ("what does the author think that shows": what the last answer
		// means, which that answer does not say of itself.)
		skip = map[string]bool{c.Facts[0]: true}
	}
	if skip == nil && len(c.Facts) > 0 && slices.ContainsFunc(toks, func(t string) bool { t = strings.Trim(t, "?!.,'"); return t == "else" || t == "further" }) {
		// "what else did they commit to?": not what the conversation's
		// answers have led with.
		skip = map[string]bool{c.Facts[0]: true}
		for _, id := range c.Led {
			skip[id] = true
		}
		if p := b.salientKind(c, KindPerson); p != nil && asksOtherPerson(toks) {
			// "who else has been saying that": someone else's words, so
			// nothing of the person spoken of that names nobody else.
			for _, i := range b.idx.entityFacts[p.ID] {
				if f := b.facts[i]; !slices.ContainsFunc(f.Entities, func(id string) bool { return id != p.ID && b.isPerson(id) }) {
					skip[f.ID] = true
				}
			}
			if lead := b.factByID[c.Facts[0]]; lead != nil && namesOtherHolder(lead.Text) {
				// "who else attended?" after the meeting Kakar chaired
				// "with the army chief among those present": the last
				// answer names the other one.
				delete(skip, lead.ID)
			}
			for id := range skip {
				if f := b.factByID[id]; f != nil && b.listedWith(f, p) {
					// "who else got out?" after how Bajauri left prison:
					// the answer that named him with Khalid Bulti, freed
					// with him, though it was shown before.
					delete(skip, id)
				}
			}
			if own := strings.Join(slices.DeleteFunc(slices.Clone(toks), func(t string) bool { return t == "and" || t == "so" }), " "); !slices.Contains(readings, own+" "+strings.ToLower(p.Name)) {
				// "anyone else released?" after Bajauri's speech in Kunar:
				// who was released with him, not who else spoke in Kunar.
				readings = append([]string{own + " " + strings.ToLower(p.Name)}, readings...)
			}
		}
	}
	if kind := otherKinds(toks); kind != "" && len(c.Facts) > 0 {
		// "any other opposition groups?" after the NFF: the list of them,
		// not the NFF again.
		readings = append([]string{"list the " + kind}, readings...)
		if skip == nil {
			skip = map[string]bool{}
			for _, id := range c.Facts {
				skip[id] = true
			}
		}
	}
	said := b.saidIn(own)
	floor := 0.0
	if moreOf {
		floor = moreFloor
	}
	answerReading := func(r string) Answer {
		alt := b.answerWith(r, asking{shown: skip, said: said, floor: floor})
		if r == guess.reading && (alt.Confidence < guessFloor || len(alt.Facts) > 0 && guess.stands != nil &&
			!b.mentions(alt.Facts[0], b.idx.factIndex[alt.Facts[0]], []*Entity{guess.stands})) {
			// Another thing "it" may stand for, answered only when surely,
			// and by what is said of that thing: after the NFF's leader,
			// "how many fighters does it have" is not the TTP's count.
			alt.Answered = false
		}
		return alt
	}
	if e := b.eventSpokenOf(c, toks); e != nil {
		// "where was that meeting held" after the Durrani–Muttaqi
		// meeting: of that meeting, or of none. A reading answered by
		// another meeting answers another question.
		plain := answerReading
		answerReading = func(r string) Answer {
			alt := plain(r)
			if alt.Answered && len(alt.Facts) > 0 && !b.mentions(alt.Facts[0], b.idx.factIndex[alt.Facts[0]], []*Entity{e}) {
				alt.Answered = false
			}
			return alt
		}
	}
	answered := map[string]Answer{} // readings are tried more than once; their answers do not change
	plainReading := answerReading
	answerReading = func(r string) Answer {
		if x, ok := answered[r]; ok {
			return x
		}
		x := plainReading(r)
		answered[r] = x
		return x
	}
	resolved := readings[0]
	a = answerReading(resolved)
	counted := b.countedInstead(c, toks) // "and factions joining?": how many of those, on the topic
	for _, r := range readings[1:] {
		if a.Answered {
			break
		}
		if asked, _, specific := b.ownWords(r); len(asked) == 0 && len(specific) == 0 && !b.namesSomething(r, true) {
			continue // "why pakistan", all a declined question's topic leaves: no question
		}
		alt := answerReading(r)
		if a.lacks != "" && !b.namesSomething(r, true) && !b.onTopic(c, alt) && r != counted {
			// The sources found what was asked about and lack the part
			// asked for ("how many civilians died?" of the March 2024
			// strikes): a reading that names nothing of its own is
			// answered only on the conversation's topic, never of
			// something else. (One that counts something else of the
			// same topic is on it.)
			continue
		}
		if alt.Answered {
			a, resolved = alt, r
		}
	}
	// The follow-up's own words, without the "and" that joins it on.
	alone := ownReading(toks)
	asked, names, specific := b.ownWords(strings.Join(toks, " "))
	if a.Answered && len(a.Facts) > 0 && len(c.Facts) > 0 && slices.ContainsFunc(toks, func(t string) bool { return isTimeWord(strings.Trim(t, "?!.,")) }) {
		// (Parsed only when a time is said: most follow-ups say none.)
		if from, to, ok := b.timeAlone(alone); ok && !ofTime(a.Facts[0], from, to) {
			// "and in 2018?" after who the TTP's first leader was: the
			// first leader is no answer of 2018; what the sources say of
			// the TTP then is.
			r := b.withTopicCarried(c, alone)
			if alt := answerReading(r); alt.Answered && len(alt.Facts) > 0 && ofTime(alt.Facts[0], from, to) {
				a, resolved = alt, r
			}
		}
	}
	if !a.Answered && a.lacks == "" && len(asked) == 0 && names && len(c.Facts) > 0 {
		// "and the Free Tigers of Turkistan?" after the NFF leader's
		// previous post: no reading has an answer, and a name alone asks
		// what the sources say of it, on the conversation's topic.
		r := b.withTopicCarried(c, alone)
		if alt := answerReading(r); alt.Answered {
			a, resolved = alt, r
		}
	}
	if !a.Answered && names && !slices.Contains(readings, alone) &&
		slices.ContainsFunc(asked, func(w string) bool { return !roleNouns[w] && !titleModifiers[w] && !postWords[w] }) &&
		!slices.ContainsFunc(strings.Fields(alone), func(w string) bool { return personPronoun(strings.Trim(w, "?!.,")) }) {
		// "are they deporting people with PoR cards too?": no reading with
		// the conversation's words has an answer, or one that lacks the
		// part asked ("and where did Dostum go after it": the massacre
		// says not where), but the follow-up names what it asks of, and
		// asks a question of its own. (One that asks
		// of "her" asks of the person spoken of, or of no one; a name with
		// its post, "and the former spy chief, Faiz Hameed?", asks the
		// last question of him.)
		if alt := answerReading(alone); alt.Answered {
			a, resolved = alt, alone
		}
	}
	if !a.Answered && isQuestionWord(first(strings.Fields(alone))) && resolved != alone &&
		!slices.ContainsFunc(strings.Fields(alone), func(w string) bool {
			_, ok := pronounKind[w]
			return ok || thingPronouns[w] || w == "then" || w == "time"
		}) &&
		b.namesSomething(alone, false) {
		// "who was the TTP's first chief?" after the Peshawar school
		// attack: a whole question of its own, which the attack carried
		// left unanswered. (One that points back, "who ran the TTP
		// then", is asked of the conversation's time.)
		if alt := answerReading(alone); alt.Answered {
			a, resolved = alt, alone
		}
	}
	if !a.Answered && a.lacks == lacksDate && names && b.onlyNamesAndTime(alone) {
		// "and Bajaur in July?" after who claimed the Mastung bombing:
		// nothing answers the last question of Bajaur then, so the
		// follow-up asks what the sources say of Bajaur then. (A time
		// alone, "and in 2018?", keeps to the last question: what else
		// happened then may be no answer to it.)
		if alt := answerReading(alone); alt.Answered {
			a, resolved = alt, alone
		}
	}
	if a.Answered && len(a.Facts) > 0 && len(c.Facts) > 0 && a.Facts[0].ID == c.Facts[0] && names && b.lacks(a.Facts[0], asked) {
		// The reading gives the last answer again, though the follow-up
		// names something of its own and asks what that answer does not
		// say: another reading that answers with something new is
		// likelier what was asked. "bajauri's role?" after the release
		// that freed him asks his post, not the release. ("when were
		// they?" names nothing, and "what did they ask Kabul for" asks
		// what the démarche said: the same fact may well answer them.)
		tries := slices.Clone(readings)
		if own, _, _ := b.ownWords(alone); len(own) > 0 {
			tries = append(tries, alone) // "and bajauri's role?": his role ("and the USIP paper?" asks the last question of it)
		}
		for _, r := range tries {
			if r == resolved {
				continue
			}
			if alt := answerReading(r); alt.Answered && len(alt.Facts) > 0 && alt.Facts[0].ID != c.Facts[0] {
				a, resolved = alt, r
				break
			}
		}
	}
	if a.Answered && len(a.Facts) > 0 && len(specific) > 0 && !b.mentions(a.Facts[0], b.idx.factIndex[a.Facts[0]], specific) {
		// The follow-up names something of its own and the answer is not
		// about it: "and Imran Khan's offer?" after the talks is not
		// answered by the talks' arbiter. A reading whose answer is about
		// what it names is likelier what was asked; so, last, are the
		// follow-up's own words.
		for _, r := range append(slices.Clone(readings), alone) {
			if r == resolved {
				continue
			}
			if alt := answerReading(r); alt.Answered && len(alt.Facts) > 0 && b.mentions(alt.Facts[0], b.idx.factIndex[alt.Facts[0]], specific) {
				a, resolved = alt, r
				break
			}
		}
	}
	if a.Answered && len(a.Facts) > 0 && len(c.Facts) > 0 && a.Facts[0].ID == c.Facts[0] && len(asked) == 0 && len(specific) > 0 && skip == nil {
		// "and the NRF?" after how big a threat ISKP is: the list of
		// threats that answered, which names the NRF too, is not what was
		// asked again. What else answers the reading, about the NRF, is.
		alt := b.answerWith(resolved, asking{shown: map[string]bool{c.Facts[0]: true}, said: said})
		if alt.Answered && len(alt.Facts) > 0 && b.mentions(alt.Facts[0], b.idx.factIndex[alt.Facts[0]], specific) {
			a = alt
		}
	}
	if a.Answered && len(a.Facts) > 0 && len(asked) == 0 && len(specific) > 0 && skip == nil {
		// "and China?" after what Russia wants in Afghanistan: a fact on
		// what both want names the one the last question asked of; one
		// on China alone is what was asked.
		if old := b.swappedOut(c, specific); old != nil && b.mentions(a.Facts[0], b.idx.factIndex[a.Facts[0]], []*Entity{old}) {
			passed := map[string]bool{a.Facts[0].ID: true}
			for range swapTries {
				alt := b.answerWith(resolved, asking{shown: passed, said: said})
				if !alt.Answered || len(alt.Facts) == 0 || !b.mentions(alt.Facts[0], b.idx.factIndex[alt.Facts[0]], specific) {
					break
				}
				if !b.mentions(alt.Facts[0], b.idx.factIndex[alt.Facts[0]], []*Entity{old}) {
					a = alt
					break
				}
				passed[alt.Facts[0].ID] = true
			}
		}
	}
	if party := b.partyAlone(alone, asked, specific, stanceNouns); party != nil && skip == nil && len(c.Led) >= 1 &&
		(!a.Answered || len(a.Facts) == 0 || a.Facts[0].Type != TypeStatement || !b.mentions(a.Facts[0], b.idx.factIndex[a.Facts[0]], []*Entity{party})) {
		// "and the UN?" after what the HRCP said about the expulsions
		// and then how many days the migrants were given, "and Kabul's
		// take?" after what Pakistan's foreign office said: what the
		// party said about the topic of the last statement, not what it
		// is.
		if said := b.lastSaid(c.Led); said != nil {
			speakers := b.speakersFor(party)
			topics := b.saidAbout(said)
			if a.Answered && len(a.Facts) > 0 && (a.Facts[0].Type == TypeRole || a.Facts[0].Type == TypeDefinition) {
				// "and Lieven?" after the lesson Maas drew from
				// Afghanistan, answered with who Lieven is: what he
				// said of what the last question asked about.
				topics = append(topics, b.askedTopics(c.Question)...)
			}
			for _, topic := range topics {
				r := "what did " + strings.ToLower(party.Name) + " say about " + topic
				if alt := answerReading(r); alt.Answered && len(alt.Facts) > 0 && alt.Facts[0].Type == TypeStatement &&
					b.mentions(alt.Facts[0], b.idx.factIndex[alt.Facts[0]], speakers) {
					a, resolved = alt, r
					break
				}
			}
		}
	}
	if phrase, role := b.describedSpeaker(alone, asked, specific); phrase != "" && skip == nil && len(c.Led) >= 1 &&
		(!a.Answered || len(a.Facts) == 0 || a.Facts[0].Type != TypeStatement || !usesWordOf(a.Facts[0], role)) {
		// "and the Taliban spokesman?" after what the HRCP said about the
		// expulsions: what the one the words describe said about it, as
		// "and Mujahid?" asks (above).
		if said := b.lastSaid(c.Led); said != nil {
			for _, topic := range b.saidAbout(said) {
				r := "what did " + phrase + " say about " + topic
				if alt := answerReading(r); alt.Answered && len(alt.Facts) > 0 && alt.Facts[0].Type == TypeStatement && usesWordOf(alt.Facts[0], role) {
					a, resolved = alt, r
					break
				}
			}
		}
	}
	// (A follow-up read as asking a new fact skips only the last answer's
	// lead, which bars no reaction to an earlier event.)
	if party := b.partyAlone(alone, asked, specific, partyNouns); party != nil && (skip == nil || len(skip) == 1 && len(c.Facts) > 0 && skip[c.Facts[0]]) &&
		!b.spokeFor(a, party) {
		// "kabul's reaction?" after how many soldiers the attack that set
		// off the March 2024 strikes killed, when the reading carried
		// finds nothing of Kabul: how the party met one of the events the
		// conversation spoke of, latest first, that it is said to have
		// met.
		for _, ev := range b.spokenEvents(c, reactedEventsMax) {
			r := "how did " + strings.ToLower(party.Name) + " react to " + strings.ToLower(ev.Name)
			if alt := answerReading(r); b.spokeFor(alt, party) && b.mentions(alt.Facts[0], b.idx.factIndex[alt.Facts[0]], []*Entity{ev}) {
				a, resolved = alt, r
				break
			}
		}
	}
	if len(specific) == 1 && skip == nil && len(c.Facts) > 0 && !slices.ContainsFunc(asked, func(t string) bool { return !documentPickers[t] }) {
		// "and the USIP paper?" after what SIGAR's report found: what the
		// USIP paper found, not SIGAR's findings, which name it in passing.
		// "And SIGAR?" after what the USIP paper found asks the same of
		// SIGAR's report.
		lead := b.factByID[c.Facts[0]]
		if doc := b.reportOf(specific[0]); doc != nil && lead != nil && b.isDocument(first(lead.Entities)) && first(lead.Entities) != doc.ID &&
			(!a.Answered || len(a.Facts) == 0 || first(a.Facts[0].Entities) != doc.ID) {
			r := "what did " + ownName(alone) + " find"
			if alt := answerReading(r); alt.Answered && len(alt.Facts) > 0 && first(alt.Facts[0].Entities) == doc.ID {
				a, resolved = alt, r
			}
		}
	}
	if !a.Answered && !a.Reply && len(c.Facts) > 0 && asksFurther(toks) && !asksOtherPerson(toks) && !slices.Contains(toks, "who") {
		// "anything else on how they evolved?", "the rest of the
		// decision?": no reading answers it as a question of its own, and
		// it asks for more of what the conversation is on, which the
		// sources may well give. (Who else attended is no more of it.)
		if m, mnext := b.more(c, question); m.Answered && b.onItsWords(m, toks, b.factByID[c.Facts[0]]) {
			return m, mnext, false
		}
	}
	if lead := b.factByID[first(c.Facts)]; lead != nil && bareWhy(toks) && (!a.Answered || len(a.Facts) > 0 && a.Facts[0] == lead) {
		// "why?" that no reading answers but with the very fact it asks
		// about: the reason its source gives beside it.
		if r, ok := b.reasonBeside(c, lead); ok {
			a, resolved = r, r.Resolved
		}
	}
	if m := b.idx.models.Reading; m != nil || collect != nil {
		// The rules' reading against the others, as the reading model
		// weighs them (see readings.go).
		rc := readingChoice{c: c, toks: toks, asked: asked, names: names, specific: specific}
		b.addCandidates(&rc, candidate{reading: resolved, a: a}, readings, answerReading)
		if collect != nil {
			*collect = rc
		} else if j := b.chooseReading(m, &rc); j > 0 {
			a, resolved = rc.cands[j].a, rc.cands[j].reading
		}
	}
	if collect == nil && len(asked) == 0 && names {
		b.withEventStated(c, &a)
	}
	a.Question = question
	a.Resolved = resolved
	a.MoreHint = a.More > 0
	next = b.nextContext(c, resolved, a)
	if moreOf {
		// What "more about" has shown stays shown: the next time asks
		// beyond it.
		next.Shown = append(slices.Collect(maps.Keys(skip)), next.Shown...)
		slices.Sort(next.Shown[:len(skip)])
		if len(next.Shown) > contextShown {
			next.Shown = next.Shown[len(next.Shown)-contextShown:]
		}
	}
	return a, next, resolved != norm
}

// withEventStated adds to the answer of a follow-up that only names
// something new ("and the Bajaur rally attack?" after who claimed the
// Mastung bombing) what the event its lead is about was, when the lead
// does not say it: the last question's frame, carried, may be what was
// asked, or the event itself may be, and the reader needs what it was
// either way.
func (b *Base) withEventStated(c Context, a *Answer) {
	if !a.Answered || len(a.Facts) == 0 || a.Facts[0].Type == TypeEvent {
		return
	}
	for _, id := range a.Facts[0].Entities {
		e := b.entityByID[id]
		if e == nil || !isDeed(e) || slices.Contains(c.Entities, id) {
			continue
		}
		for _, i := range b.idx.subjectOf[id] {
			if f := b.facts[i]; f.Type == TypeEvent && !slices.Contains(a.Facts, f) {
				b.withSecondLine(a, f.Stated(), f)
				return
			}
		}
		return // (the first deed the lead names, only)
	}
}

// withSecondLine puts line, which states f, right after an answer's first
// line, and cites f after the answer's facts.
func (b *Base) withSecondLine(a *Answer, line string, f *Fact) {
	a.Lines = slices.Insert(a.Lines, 1, line)
	a.Facts = append(a.Facts, f)
	a.Sources = b.sourcesOf(a.Facts)
}

// onwardLeast is how many entries of what came next the last page of a
// timeline's span shows at least, however full: "go on" after the years
// up to the Soviet invasion reaches past it.
const onwardLeast = 2

// moreFloor is the chance at which "tell me more about X" is answered
// with what else the sources say of X: what they say of it is the answer,
// and a reading that is a little off still gives that.
const moreFloor = 0.25

// placeKindNouns, said alone, ask which place of that kind: "province?",
// "district?".
var placeKindNouns = setOf("province district city town country region village")

// swapTries is how many answers naming the subject swapped out are passed
// over for one about the subject swapped in alone.
const swapTries = 3

// swappedOut returns the country, person or group the last question named,
// of the kind of the one a follow-up names instead ("and China?" after
// Russia: Russia), or nil when it named none, or named the new one too.
func (b *Base) swappedOut(c Context, named []*Entity) *Entity {
	pq := b.parse(Normalize(c.Question))
	defer b.idx.release(pq)
	for _, l := range pq.links {
		e := l.entities[0]
		if b.idx.broad(e.ID) || slices.Contains(named, e) || e.Kind != KindPlace && e.Kind != KindPerson && e.Kind != KindGroup {
			continue // (a paper or a body set beside another may well name it: "and the USIP paper?" after SIGAR's)
		}
		if slices.ContainsFunc(named, func(n *Entity) bool { return n.Kind == e.Kind }) {
			return e
		}
	}
	return nil
}

// otherKindNouns are the kinds of entity "the other …" may point at, by the
// noun; "one" points at any kind.
var otherKindNouns = map[string][]string{
	"attack": {KindEvent}, "bombing": {KindEvent}, "raid": {KindEvent}, "strike": {KindEvent}, "event": {KindEvent},
	"report": {KindDocument}, "paper": {KindDocument}, "piece": {KindDocument}, "article": {KindDocument}, "study": {KindDocument}, "source": {KindDocument},
	"group": {KindGroup, KindOrganisation}, "outfit": {KindGroup, KindOrganisation},
	"one": nil, // ("the other guy" is asked about as a pronoun is)
}

// otherUnseen returns the noun of "the other attack", "that other report",
// "the other one" in a follow-up when the conversation c has not spoken of
// two such things, so that which one is meant cannot be told; "" otherwise.
// (A question that opens a conversation is answered as asked.)
func (b *Base) otherUnseen(c Context, toks []string) string {
	k := slices.IndexFunc(toks, func(t string) bool { return t == "other" })
	if c.Question == "" || k < 1 || k+1 >= len(toks) || toks[k-1] != "the" && toks[k-1] != "that" {
		return ""
	}
	noun := strings.Trim(toks[k+1], "?!.,'")
	kinds, ok := otherKindNouns[noun]
	if !ok {
		return ""
	}
	count := map[string]int{}
	for _, id := range c.Entities {
		if e := b.entityByID[id]; e != nil && (kinds == nil || slices.Contains(kinds, e.Kind)) {
			count[e.Kind]++
		}
	}
	if kinds == nil || slices.Contains(kinds, KindDocument) {
		docs := map[string]bool{}
		for _, id := range c.Facts {
			if f := b.factByID[id]; f != nil {
				docs[f.Cite.Doc] = true
			}
		}
		count[KindDocument] = max(count[KindDocument], len(docs))
	}
	for _, n := range count {
		if n >= 2 {
			return ""
		}
	}
	return noun
}

// chatAnd writes chat's shorthand for "and" out where a follow-up opens
// with it: "n faiz hameed?", "& 2020?". (Elsewhere "n" may be north: "the
// n waziristan attack"; the parse reads a question's own.)
func chatAnd(toks []string) []string {
	if len(toks) > 1 && (toks[0] == "n" || toks[0] == "&" || toks[0] == "nd") {
		toks[0] = "and"
	}
	return toks
}

// onlyNamesAndTime reports whether a follow-up says nothing but a time
// and perhaps names: "in 2018?", "Bajaur in July?".
func (b *Base) onlyNamesAndTime(followUp string) bool {
	q := b.parse(Normalize(followUp))
	defer b.idx.release(q)
	timed := false
	for k, t := range q.toks {
		t = strings.Trim(t, "?!.,'")
		switch {
		case isYear(t) || monthByName[t] > 0:
			timed = true
		case q.inLink(k) || t == "in" || t == "during" || t == "what" || t == "about" || t == "":
		default:
			return false
		}
	}
	return timed
}

// partyAlone returns the party a follow-up names alone, or with nothing
// but one of nouns for its stance ("and the UN?", "Kabul's take?"), given the
// follow-up's own words and what ownWords found in them; nil if it names
// none or asks more. A party the pack holds broad (Kabul, the TTP) is
// named too.
func (b *Base) partyAlone(alone string, asked []string, specific []*Entity, nouns map[string]bool) *Entity {
	if slices.ContainsFunc(asked, func(t string) bool { return !nouns[t] }) || len(specific) > 1 ||
		slices.ContainsFunc(strings.Fields(ownName(alone)), func(t string) bool { return isQuestionWord(t) || pronounKind[t] != "" }) {
		return nil // ("and Faiz, what happened to him since" asks more than his words)
	}
	if len(specific) == 1 {
		if b.canSpeak(specific[0]) {
			return specific[0]
		}
		return nil
	}
	if len(asked) == 0 {
		return nil // "and Pakistan?" asks of a country, not its words
	}
	q := b.parse(Normalize(alone))
	defer b.idx.release(q)
	if len(q.links) != 1 || !b.canSpeak(q.links[0].entities[0]) {
		return nil
	}
	return q.links[0].entities[0]
}

// unnamedPost returns the post ("army chief") whose holder a short
// follow-up asks the name of with a pronoun ("whats his name"), when the
// last answer's lead fact speaks of the post and names no one as holding
// it; "" otherwise.
func (b *Base) unnamedPost(c Context, toks []string) string {
	words := bareWords(toks)
	if len(words) > nameAskMax || !slices.Contains(words, "name") || !slices.ContainsFunc(words, personPronoun) || roleAskedBefore(c, words) != "" {
		return "" // (a post the last question asked of is resolve's to read)
	}
	f := b.factByID[first(c.Facts)]
	if f == nil {
		return ""
	}
	text := f.textWords()
	for i, w := range text {
		if !roleNouns[w] || strings.HasSuffix(w, "s") {
			continue
		}
		st := b.idx.stem(w)
		if !b.unnamedBeside(f, append([]string{st}, b.idx.lex.syn[st]...), func(e *Entity) bool { return e.Kind == KindPerson }) {
			continue
		}
		if i > 0 && !b.idx.stop[text[i-1]] {
			return text[i-1] + " " + w // "army chief"
		}
		return w
	}
	return ""
}

// whoOfLastPredicate reads "so who is?" or "who does, then?" after a
// yes-no question ("are documented refugees hit by the eviction order?")
// as who the question's predicate holds of: "who is hit by the eviction
// order". It returns "" for any other follow-up, or when the last question
// did not ask whether something named did or was something.
func (b *Base) whoOfLastPredicate(c Context, toks []string) string {
	words := bareWords(toks)
	for len(words) > 0 && followUpOpeners[words[0]] {
		words = words[1:]
	}
	if n := len(words); n > 0 && words[n-1] == "then" {
		words = words[:n-1]
	}
	if len(words) != 2 || words[0] != "who" || !auxWords[words[1]] || c.Question == "" {
		return ""
	}
	pq := b.parse(Normalize(c.Question))
	defer b.idx.release(pq)
	if len(pq.toks) == 0 || !auxWords[pq.toks[0]] || len(pq.links) == 0 || pq.links[0].start > subjectLead {
		return "" // not "are <someone> …?"
	}
	pred := pq.toks[pq.links[0].end:]
	if len(pred) == 0 {
		return ""
	}
	return "who " + words[1] + " " + strings.Join(pred, " ")
}

// followUpOpeners may open a follow-up and say nothing of what it asks: "and
// how many attacks in 2021?", "so who is?".
var followUpOpeners = setOf("and so but ok okay also well")

// subjectLead is how many words may stand between the opening verb of a
// yes-no question and the name of its subject: "are documented Afghan
// refugees", "were the PoR card holders".
const subjectLead = 3

// nameAskMax is the most words a follow-up asking a name may have: "what
// was his name again then".
const nameAskMax = 7

// reportOf returns the document e is, when it names one alone: itself, or
// the one document whose name or aliases use the abbreviation of the
// organisation it is ("SIGAR": its report); nil otherwise.
func (b *Base) reportOf(e *Entity) *Entity {
	if e.Kind == KindDocument {
		return e
	}
	if e.Kind != KindOrganisation || e.Abbr == "" {
		return nil
	}
	abbr := strings.ToLower(e.Abbr)
	names := func(n string) bool { return slices.Contains(tokenize(Normalize(n)), abbr) }
	var doc *Entity
	for _, d := range b.entities {
		if d.Kind != KindDocument || !names(d.Name) && !slices.ContainsFunc(d.Aliases, names) {
			continue
		}
		if doc != nil {
			return nil // two of its documents: which is not said
		}
		doc = d
	}
	return doc
}

// describedSpeaker returns the words a follow-up describes a speaker with,
// a party and the post held in it, named alone ("and the Taliban
// spokesman?", "the Taliban defence minister?"), and that post; "" when it
// names a person or anything else, or asks more.
func (b *Base) describedSpeaker(alone string, asked []string, specific []*Entity) (string, map[string]bool) {
	if len(asked) == 0 || len(asked) > maxPostWords || len(specific) > 0 || !roleNouns[asked[len(asked)-1]] {
		return "", nil
	}
	phrase := ownName(alone)
	if slices.ContainsFunc(strings.Fields(phrase), func(t string) bool { return isQuestionWord(t) || pronounKind[t] != "" }) {
		return "", nil
	}
	q := b.parse(Normalize(phrase))
	defer b.idx.release(q)
	if len(q.links) != 1 || !b.canSpeak(q.links[0].entities[0]) || q.links[0].entities[0].Kind == KindPerson {
		return "", nil
	}
	return phrase, setOf(asked[len(asked)-1])
}

// maxPostWords is how many words a post may take after the party it is
// held in: "defence minister", "deputy foreign minister".
const maxPostWords = 3

// speakersFor returns who speaks for party: itself, and for a capital its
// government ("Kabul's take" is the Taliban government's).
func (b *Base) speakersFor(party *Entity) []*Entity {
	return append([]*Entity{party}, b.idx.lex.capitals[strings.ToLower(party.Name)]...)
}

// canSpeak reports whether e may say something: a person, an
// organisation, a group, or a capital that stands for its government
// ("Kabul's take").
func (b *Base) canSpeak(e *Entity) bool {
	switch e.Kind {
	case KindPerson, KindOrganisation, KindGroup:
		return true
	}
	return len(b.idx.lex.capitals[strings.ToLower(e.Name)]) > 0
}

// lastSaid returns the latest statement of led, the lead facts of a
// conversation's answers, or nil.
func (b *Base) lastSaid(led []string) *Fact {
	for _, id := range slices.Backward(led) {
		if f := b.factByID[id]; f != nil && f.Type == TypeStatement {
			return f
		}
	}
	return nil
}

// saidAbout names what statement f may have been about: its entities that
// are neither a speaker (a person, an organisation) nor a whole country,
// in order, but a place where it was said after the rest ("the Serena
// Hotel" is where Faiz Hameed spoke of the takeover).
func (b *Base) saidAbout(f *Fact) []string {
	var topics, places []string
	for _, id := range f.Entities {
		if e := b.entityByID[id]; e != nil && e.Kind != KindPerson && e.Kind != KindOrganisation && !b.idx.broad(id) {
			if e.Kind == KindPlace {
				places = append(places, strings.ToLower(e.Name))
			} else {
				topics = append(topics, strings.ToLower(e.Name))
			}
		}
	}
	return append(topics, places...)
}

// askedTopics names what question asked of besides its speakers: the
// things and places it names, whole countries too ("what lesson did Heiko
// Maas draw from Afghanistan": afghanistan).
func (b *Base) askedTopics(question string) []string {
	q := b.parse(Normalize(question))
	defer b.idx.release(q)
	var out []string
	for _, l := range q.links {
		if e := l.entities[0]; e.Kind != KindPerson && e.Kind != KindOrganisation && e.Kind != KindDocument {
			out = append(out, strings.ToLower(e.Name))
		}
	}
	return out
}

// documentPickers, beside a document's name, tell which document is
// meant and ask nothing of it: "and the earlier USIP paper?".
var documentPickers = setOf(`earlier older later newer other previous prior original`)

// ownName is a bare name follow-up without what joins it on, asks about
// it or picks it out: "and the earlier USIP paper?" is "the usip paper".
func ownName(alone string) string {
	w := strings.Fields(strings.Trim(alone, " ?!.,"))
	for len(w) > 1 && (w[0] == "what" || w[0] == "about" || w[0] == "how" || w[0] == "and") {
		w = w[1:]
	}
	return strings.Join(slices.DeleteFunc(w, func(t string) bool { return documentPickers[t] }), " ")
}

// askedPost reports whether a question asked a person's post: "what's
// Mullah Yaqoob's job".
func (b *Base) askedPost(question string) bool {
	q := b.parse(Normalize(question))
	defer b.idx.release(q)
	return q.asksPostOf()
}

// timeAlone returns the span a follow-up names when it says nothing but
// a time: "and in 2018?", "in march 2024?".
func (b *Base) timeAlone(followUp string) (from, to Point, ok bool) {
	q := b.parse(Normalize(followUp))
	defer b.idx.release(q)
	if !q.hasSpan || len(q.links) > 0 {
		return from, to, false
	}
	for k, t := range q.toks {
		if !q.spanToks[k] && !yearSwapFillers[t] && t != "in" && t != "during" {
			return from, to, false
		}
	}
	return q.from, q.to, true
}

// ofTime reports whether a fact is of the span from..to: dated in it, or
// naming one of its years.
func ofTime(f *Fact, from, to Point) bool {
	return f.Date.Overlaps(from, to) || textNamesYear(f.Text, from.Year, to.Year)
}

// nextContext is what a conversation whose last turn left prev keeps of an
// answer to resolved.
func (b *Base) nextContext(prev Context, resolved string, a Answer) Context {
	next := Context{Question: resolved}
	add := func(id string) {
		if id != "" && !slices.Contains(next.Entities, id) && len(next.Entities) < contextEntities {
			next.Entities = append(next.Entities, id)
		}
	}
	var lead []string
	if len(a.Facts) > 0 && a.Answered {
		lead = a.Facts[0].Entities
		if len(prev.Facts) > 0 && prev.Facts[0] == a.Facts[0].ID &&
			!slices.ContainsFunc(a.Entities, func(e *Entity) bool { return !slices.Contains(prev.Entities, e.ID) }) {
			// "when was it?" answered by the same fact, naming nothing
			// new: what "it" meant still leads.
			for _, id := range prev.Entities {
				add(id)
			}
		}
	}
	if a.Intent == IntentWho && slices.Contains([]string{"who", "whom", "whos", "whose", "which"}, strings.ReplaceAll(first(strings.Fields(resolved)), "'", "")) {
		// "who had tea with Faiz Hameed?" — "Mansour Ahmed Khan": the
		// person the answer names is whom "he" means next. ("What is
		// Bajauri's role", a who-question of a person named, is about
		// him.) When neither the question nor the lead names anyone, the
		// person a later fact names is the answer: "mediated by the
		// Taliban government; interior minister Sirajuddin Haqqani acted
		// as arbiter".
		facts := a.Facts
		if slices.ContainsFunc(a.Entities, func(e *Entity) bool { return e.Kind == KindPerson }) || slices.ContainsFunc(lead, b.isPerson) {
			facts = facts[:min(1, len(facts))]
		}
		for _, f := range facts {
			for _, id := range f.Entities {
				if b.isPerson(id) && !slices.ContainsFunc(a.Entities, func(q *Entity) bool { return q.ID == id }) {
					add(id)
				}
			}
		}
	}
	if len(lead) > 0 && asksWhich(resolved) && !slices.ContainsFunc(a.Entities, func(q *Entity) bool { return q.ID == lead[0] }) {
		// "which group do the Taliban see as the biggest threat?" —
		// ISKP: what the answer is about, which the question did not
		// name, is what "it" means next.
		if e := b.entityByID[lead[0]]; e != nil && !b.idx.broad(e.ID) {
			add(e.ID)
		}
	}
	for _, e := range a.Entities {
		add(e.ID)
	}
	for _, id := range lead {
		add(id)
	}
	for _, f := range a.Facts {
		next.Facts = append(next.Facts, f.ID)
	}
	switch {
	case a.Answered:
		next.Shown = next.Facts
		next.More = a.More
	case len(a.Facts) > 0:
		// A decline that says what the sources do say showed those facts:
		// "sources" cites them, and "more" shows the next ones.
		next.Shown = next.Facts
	default:
		// A bare decline shows nothing: "sources" and "when was that?"
		// still mean the last answer given.
		next.Facts, next.Shown, next.More = prev.Facts, prev.Shown, prev.More
	}
	if !a.Answered {
		next.Before = prev.Before
		if next.Before == "" {
			next.Before = prev.Question
		}
	}
	for _, id := range prev.Entities {
		add(id) // what was spoken of before stays, behind what is new
	}
	next.Led = prev.Led
	if a.Answered && len(a.Facts) > 0 && !slices.Contains(prev.Led, a.Facts[0].ID) {
		next.Led = append(slices.Clone(prev.Led), a.Facts[0].ID)
		if len(next.Led) > contextLed {
			next.Led = next.Led[len(next.Led)-contextLed:]
		}
	}
	return next
}

// more continues the last answer: a timeline's next entries, or the next
// facts that answer the last question, leaving out what was shown. A list
// given whole is given again, said to be whole.
func (b *Base) more(c Context, question string) (Answer, Context) {
	all := Answer{Question: question, Reply: true, Lines: []string{"That was all the sources give on it."}, Suggestions: b.contextSuggestions(c)}
	if c.Question == "" {
		all.Lines = []string{"There is nothing to continue yet: ask a question, or for a timeline (“timeline TTP”), and then say “more”."}
		return all, c
	}
	if len(c.Facts) == 0 {
		return all, c // the last question was declined, with nothing near it either
	}
	for k, id := range c.Facts[1:] {
		// "the USIP paper identified six failings": a list the last answer
		// named without its items gives them first.
		if f := b.factByID[id]; f != nil && len(f.Items) > 0 && withItems(f) != f.Text && c.More == 0 {
			a := Answer{Question: question, Answered: true, Confidence: 1, Intent: IntentList,
				Lines: []string{withItems(f)}, Facts: []*Fact{f}}
			a.Sources = b.sourcesOf(a.Facts)
			next := c
			next.Facts = append([]string{id}, slices.Delete(slices.Clone(c.Facts), k+1, k+2)...)
			return a, next
		}
	}
	shown := make(map[string]bool, len(c.Shown))
	for _, id := range c.Shown {
		shown[id] = true
	}
	if asksInSource(strings.Fields(Normalize(question))) && c.After == 0 {
		// "anything else in that section?": what the source says next,
		// not more answers to the last question from anywhere.
		seen := maps.Clone(shown)
		for _, id := range c.Facts[1:] {
			seen[id] = true
		}
		if gs := b.goesOn(c, seen); len(gs) > 0 {
			a := Answer{Question: question, Answered: true, Confidence: 1, Intent: IntentFact,
				Lines: []string{goesOnLine(gs)}, Facts: gs}
			a.Sources = b.sourcesOf(a.Facts)
			next := b.nextContext(c, c.Question, a)
			next.Shown = slices.Clone(c.Shown)
			for _, g := range gs {
				next.Shown = append(next.Shown, g.ID)
			}
			return a, next
		}
	}
	if f := b.factByID[c.Facts[0]]; f != nil && len(f.Items) > 0 && c.More == 0 {
		a := Answer{Question: question, Answered: true, Confidence: 1, Intent: IntentList,
			Lines: []string{"That was the whole list: " + withItems(f)}, Facts: []*Fact{f}}
		next := c
		if g := b.continuation(c, shown); g != nil {
			// "anything else?" after Ghosh's two causes of tension: the
			// source goes on with a third.
			a.Lines = append(a.Lines, goesOnLine([]*Fact{g}))
			a.Facts = append(a.Facts, g)
			next.Shown = append(slices.Clone(c.Shown), g.ID)
		}
		a.Sources = b.sourcesOf(a.Facts)
		return a, next
	}
	if nth := nextOrdinal(c.Question); nth != "" && !asksRest(question) && b.parse(Normalize(c.Question)).intent != IntentTimeline {
		// "Gul's first recommendation" — "next": his second. ("The rest"
		// wants all the others; "next" after a timeline of the Taliban's
		// first rise pages on through it.)
		if a := b.answerWith(nth, asking{shown: shown}); a.Answered {
			a.Question, a.Resolved = question, nth
			next := b.nextContext(c, nth, a)
			next.Shown = append(slices.Clone(c.Shown), next.Shown...)
			return a, next
		}
	}
	for _, f := range b.restatingLists(shown) {
		// "anything else?" after Ghosh's two causes of tension, given one
		// by one: the list of the two is nothing more.
		shown[f.ID] = true
	}
	resolved := c.Question
	how := asking{shown: shown, after: pointOfKey(c.After)}
	a := b.answerWith(resolved, how)
	otherSource := false
	if len(a.Facts) > 0 {
		// "anything else?" after what Ghosh names: another source's
		// words are not more of what she says.
		doc := b.parse(Normalize(resolved)).sourceDoc
		otherSource = doc != "" && a.Facts[0].Cite.Doc != doc
	}
	if lead := b.factByID[c.Facts[0]]; lead != nil && c.After == 0 && a.Intent != IntentTimeline &&
		(!a.Answered && len(a.Facts) == 0 || otherSource) {
		// Nothing further answers the question, nor is near it: the
		// source going on from the last answer may say more.
		if gs := b.goesOn(c, shown); len(gs) > 0 {
			a = Answer{Question: question, Answered: true, Confidence: a.Confidence, Intent: a.Intent,
				Lines: []string{goesOnLine(gs)}, Facts: gs, Entities: a.Entities}
			a.Sources = b.sourcesOf(a.Facts)
		}
	}
	if !a.Answered && len(a.Facts) == 0 && c.After == 0 {
		// A timeline shown to its end goes on with what came next.
		if onward, end := b.onward(c.Question); onward != "" {
			if on := b.answerWith(onward, asking{shown: shown, after: end}); on.Answered {
				on.Lines = append([]string{"That was all up to " + end.String() + ". What came next:"}, on.Lines...)
				a, resolved, how.after = on, onward, end
			}
		}
	}
	if a.Answered && a.Intent == IntentTimeline && a.More == 0 && c.After == 0 {
		// The last of a timeline's span fills its page with what came
		// next: "next" after the years up to the Soviet invasion goes
		// on past it.
		if onward, end := b.onward(c.Question); onward != "" {
			seen := maps.Clone(shown)
			for _, f := range a.Facts {
				seen[f.ID] = true
			}
			if on := b.answerWith(onward, asking{shown: seen, after: end, limit: max(TimelineCap-len(a.Facts), onwardLeast)}); on.Answered {
				a.Lines = append(append(a.Lines, "That was all up to "+end.String()+". What came next:"), on.Lines...)
				a.Facts = append(a.Facts, on.Facts...)
				a.Sources = b.sourcesOf(a.Facts)
				a.More = on.More
				resolved, how.after = onward, end
			}
		}
	}
	a.Question = question
	a.Resolved = resolved
	if !a.Answered && len(a.Facts) == 0 {
		if asksNext(strings.Fields(Normalize(question))) {
			// "next?" when nothing more is said of what was asked: what
			// came next.
			if n, next, ok := b.whatCameNext(c, question); ok {
				return n, next
			}
		}
		return all, c // nothing further, not even near what was asked
	}
	if !a.Answered {
		// After "the sources don't cover that", "more" is more of what
		// they do say near it: not the decline again.
		a.Lines = []string{"Also near what you asked, the sources say: " + a.Facts[0].Stated()}
		// More of what the conversation is on is what "more" asks: a fact
		// on its topic answers it, however loosely it fits the question.
		a.Answered = slices.ContainsFunc(a.Facts[0].Entities, func(id string) bool { return slices.Contains(c.Entities, id) && !b.idx.broad(id) })
	}
	if a.Answered && a.Intent != IntentTimeline && len(a.Facts) > 0 && len(a.Facts[0].Items) == 0 {
		// "anything else?": a few more of what answers the question, not
		// one at a time.
		seen := maps.Clone(shown)
		for _, f := range a.Facts {
			seen[f.ID] = true
		}
		for len(a.Facts) < moreFacts {
			for _, f := range b.restatingLists(seen) {
				seen[f.ID] = true // Ghosh's list of two causes, after each is given
			}
			nx := b.answerWith(resolved, asking{shown: seen, after: how.after})
			if !nx.Answered || len(nx.Facts) == 0 || nx.Intent == IntentTimeline {
				break
			}
			g := nx.Facts[0]
			a.Lines = append(a.Lines, g.Stated())
			a.Facts = append(a.Facts, g)
			seen[g.ID] = true
		}
		if n := moreFacts - len(a.Facts); n > 0 && c.After == 0 {
			// Nothing more answers the question: the source going on
			// from the last answer fills the page ("anything else?" after
			// Ghosh's two causes of tension: the interference she adds).
			if gs := b.goesOn(c, seen); len(gs) > 0 {
				gs = gs[:min(n, len(gs))]
				a.Lines = append(a.Lines, goesOnLine(gs))
				a.Facts = append(a.Facts, gs...)
			}
		}
		a.Sources = b.sourcesOf(a.Facts)
	}
	a.MoreHint = a.More > 0
	next := b.nextContext(c, resolved, a)
	next.After = how.after.Key()
	next.Shown = append(slices.Clone(c.Shown), next.Shown...)
	if len(next.Shown) > contextShown {
		next.Shown = next.Shown[len(next.Shown)-contextShown:]
	}
	return a, next
}

// moreFacts is how many facts "more" gives when it goes on with what
// answers the last question: a page, as a timeline's is, though shorter.
const moreFacts = 3

// ordinalFillers may stand around the ordinal of "and the third one?".
var ordinalFillers = setOf("and the what whats what's about was is were his her their its one ones")

// ordinalItem answers a follow-up that asks only for an item of a list by
// its place ("and the third aim?", "the second one?"): of a list the last
// answer gave, or one whose items it gave in part, on the same words.
// ok is false for anything else, or when no such list has that many items.
func (b *Base) ordinalItem(c Context, toks []string, question string) (Answer, bool) {
	if len(c.Facts) == 0 || len(toks) > 5 {
		return Answer{}, false
	}
	var words []string
	for _, t := range toks {
		if t = strings.Trim(t, "?!.,'"); t != "" && !ordinalFillers[t] {
			words = append(words, t)
		}
	}
	if len(words) == 0 || len(words) > 2 {
		return Answer{}, false
	}
	n := -1
	for _, list := range ordinalsInOrder {
		if k := slices.Index(list, words[0]); k >= 0 {
			n = k
		}
	}
	if n < 0 || len(words) == 2 && (b.namesSomething(words[1], false) || isQuestionWord(words[1])) {
		return Answer{}, false
	}
	var list *Fact
	for _, id := range c.Facts {
		if f := b.factByID[id]; f != nil && len(f.Items) > n {
			list = f
			break
		}
	}
	if list == nil {
		// The last answer gave some of a list's items as facts of
		// their own, on the same words of the source: the list they
		// come from.
		quotes := map[string]bool{}
		for _, id := range c.Facts {
			if f := b.factByID[id]; f != nil {
				quotes[f.Cite.Quote] = true
			}
		}
		for _, f := range b.facts {
			if len(f.Items) > n && quotes[f.Cite.Quote] {
				list = f
				break
			}
		}
	}
	if list == nil {
		return Answer{}, false
	}
	a := Answer{Question: question, Answered: true, Confidence: 1, Intent: IntentList, Facts: []*Fact{list},
		Lines: []string{fmt.Sprintf("The %s of %d: %s.", ordinalsInOrder[0][n], len(list.Items), strings.TrimSuffix(list.Items[n], ".")), list.Stated()}}
	a.Sources = b.sourcesOf(a.Facts)
	return a, true
}

// asksRest reports whether a request for more wants all that is left:
// "and the rest?", "the others".
func asksRest(question string) bool {
	return slices.ContainsFunc(strings.Fields(Normalize(question)), func(t string) bool {
		t = strings.Trim(t, "?!.,")
		return t == "rest" || t == "remaining" || t == "others" || t == "all"
	})
}

// ordinalsInOrder are the ordinals "next" counts on by, as words and as
// numbers.
var ordinalsInOrder = [][]string{
	{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"},
	{"1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"},
}

// nextOrdinal returns question with its ordinal one further on ("the
// first recommendation" → "the second recommendation"), or "" when it
// has none, or the last.
func nextOrdinal(question string) string {
	toks := strings.Fields(Normalize(question))
	for i, t := range toks {
		for _, list := range ordinalsInOrder {
			if k := slices.Index(list, t); k >= 0 && k+1 < len(list) {
				toks[i] = list[k+1]
				return strings.Join(toks, " ")
			}
		}
	}
	return ""
}

// continuation returns the fact that goes on from the last answer's lead in
// its source: of the same section, on something the lead is about, neither
// shown nor resting on the words of a fact shown or of a list's item shown;
// the next in the pack's order (the document's) first. It returns nil when there is none.
func (b *Base) continuation(c Context, shown map[string]bool) *Fact {
	lead := b.factByID[c.Facts[0]]
	if lead == nil {
		return nil
	}
	quotes := map[string][]string{} // a shown fact's quote, and the anchors shown on it
	var items []string              // a list's items, which facts of their own may restate
	for id := range shown {
		if f := b.factByID[id]; f != nil {
			quotes[f.Cite.Quote] = append(quotes[f.Cite.Quote], f.Cite.Anchor)
			for _, it := range f.Items {
				items = append(items, strings.ToLower(it))
			}
		}
	}
	restates := func(f *Fact) bool {
		q := strings.ToLower(f.Cite.Quote)
		return slices.ContainsFunc(items, func(it string) bool { return strings.Contains(q, it) })
	}
	// A fact on the words of a fact shown restates it, unless it tells of
	// something done in another clause of that sentence: "passports and
	// visas" after "only until Oct 31", both of the committee's one
	// sentence. (Who someone is, said in passing there, is no more of it.)
	restated := func(f *Fact) bool {
		anchors, ok := quotes[f.Cite.Quote]
		return ok && (f.Type != TypeEvent || slices.ContainsFunc(anchors, func(a string) bool {
			return anchorsOverlap(f.Cite.Quote, a, f.Cite.Anchor)
		}))
	}
	at := b.idx.factIndex[lead]
	var before *Fact
	for i, f := range b.facts {
		if f.Cite.Doc != lead.Cite.Doc || f.Cite.Section != lead.Cite.Section || shown[f.ID] || f == lead || restated(f) || f.Meta || restates(f) ||
			!slices.ContainsFunc(f.Entities, func(id string) bool { return contains(lead.Entities, id) }) {
			continue
		}
		if f.Cite.Quote == lead.Cite.Quote {
			return f // the rest of the sentence the last answer stood on
		}
		if i > at+continuationReach || i < at-continuationReach {
			continue // further on in the section is on another point
		}
		if i > at {
			return f
		}
		if before == nil {
			before = f
		}
	}
	return before
}

// goesOn returns what the source says next after the last answer, none of
// it in shown: up to moreFacts facts, as continuation finds them one by one.
func (b *Base) goesOn(c Context, shown map[string]bool) []*Fact {
	seen := maps.Clone(shown)
	var out []*Fact
	for len(out) < moreFacts {
		g := b.continuation(c, seen)
		if g == nil {
			break
		}
		out = append(out, g)
		seen[g.ID] = true
	}
	return out
}

// goesOnLine is the line that gives facts as what the source says next, a
// sentence each.
func goesOnLine(fs []*Fact) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Stated()
	}
	return "The source goes on: " + strings.Join(parts, " ")
}

// restatingLists returns the lists not shown whose every item a fact shown
// already says, citing the same passage: "Ghosh's two causes of tension"
// after each cause was given as a fact of its own.
func (b *Base) restatingLists(shown map[string]bool) []*Fact {
	type passage struct{ doc, section string }
	said := map[passage][]map[string]bool{} // a passage's shown facts, as stems
	for id := range shown {
		if f := b.factByID[id]; f != nil {
			at := passage{f.Cite.Doc, f.Cite.Section}
			said[at] = append(said[at], b.stemSet(f.Text))
		}
	}
	var out []*Fact
	for _, f := range b.facts {
		said := said[passage{f.Cite.Doc, f.Cite.Section}]
		if len(f.Items) == 0 || shown[f.ID] || len(said) == 0 {
			continue
		}
		if !slices.ContainsFunc(f.Items, func(it string) bool {
			item := b.stemSet(it)
			return !slices.ContainsFunc(said, func(s map[string]bool) bool { return covers(s, item, restatedShare) })
		}) {
			out = append(out, f)
		}
	}
	return out
}

// restatedShare is the least share of a list item's words a fact must use
// to say what the item says: "differences over the demarcation of the
// Durand Line" against "disagreement over demarcating the Durand Line".
const restatedShare = 0.6

// stemSet returns the stems of the words of s that are not stop words.
func (b *Base) stemSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokenize(Normalize(s)) {
		if !b.idx.stop[t] {
			out[b.idx.stem(t)] = true
		}
	}
	return out
}

// covers reports whether set has at least share of the words of part.
func covers(set, part map[string]bool, share float64) bool {
	n := 0
	for w := range part {
		if set[w] {
			n++
		}
	}
	return len(part) > 0 && float64(n) >= share*float64(len(part))
}

// anchorsOverlap reports whether anchors a and b, both phrases of quote,
// share words of it: facts on the same clause say the same thing. An
// anchor not found in the quote is taken to overlap.
func anchorsOverlap(quote, a, b string) bool {
	q := strings.ToLower(quote)
	i, j := strings.Index(q, strings.ToLower(a)), strings.Index(q, strings.ToLower(b))
	if i < 0 || j < 0 {
		return true
	}
	return i < j+len(b) && j < i+len(a)
}

// continuationReach is how many facts before or after the last answer's
// lead, in the pack's order, a continuation may stand: the pack follows
// its documents sentence by sentence, each sentence giving a fact or a
// few.
const continuationReach = 6

// pointOfKey is the Point whose Key is k; 0 is the zero Point.
func pointOfKey(k int) Point { return Point{Year: k / 10000, Month: k / 100 % 100, Day: k % 100} }

// onward returns, for a timeline question that ends at a date or an event
// ("from Zahir Shah to the Soviet invasion"), the timeline of what it is
// about from that end to the last date the pack knows, and the end; or ""
// for any other question.
func (b *Base) onward(question string) (string, Point) {
	q := b.parse(Normalize(question))
	if q.intent != IntentTimeline {
		return "", Point{}
	}
	_, end, ends, between := b.fromTo(q)
	if !between {
		if !q.hasSpan {
			return "", Point{}
		}
		end = q.to
	}
	var topic []string
	for _, l := range q.links {
		if !slices.ContainsFunc(l.entities, func(e *Entity) bool { return slices.Contains(ends, e.ID) }) {
			topic = append(topic, q.toks[l.start:l.end]...)
		}
	}
	if len(b.idx.byDate) == 0 {
		return "", Point{}
	}
	last := b.facts[b.idx.byDate[len(b.idx.byDate)-1]].Date
	if last.End.Year != 0 {
		last.Start = last.End
	}
	return strings.Join(append(append([]string{"timeline"}, topic...), strconv.Itoa(end.Year)+"-"+strconv.Itoa(last.Start.Year)), " "), end
}

// cited answers "sources" or "quote" after an answer: where each of its
// facts comes from, with the document's words. Asked for the author
// (author), of an unsigned piece, it says the document names none.
func (b *Base) cited(c Context, question string, author bool) Answer {
	a := Answer{Question: question, Answered: true, Confidence: 1, Intent: IntentFact}
	var remark *Fact
	if a.Facts = b.factsOfPart(c, question); len(a.Facts) == 0 {
		for _, id := range c.Facts {
			if f := b.factByID[id]; f != nil {
				a.Facts = append(a.Facts, f)
			}
		}
		if !author {
			remark = b.remarkOfSpeaker(c)
		}
	}
	if author && len(a.Facts) > 1 {
		// "who wrote it?" asks of the piece the answer led with, not of
		// another document a later fact of it came from.
		lead := a.Facts[0].Cite.Doc
		a.Facts = slices.DeleteFunc(slices.Clone(a.Facts), func(f *Fact) bool { return f.Cite.Doc != lead })
	}
	a.Sources = b.sourcesOf(a.Facts)
	if len(a.Sources) == 0 {
		return Answer{Question: question, Reply: true, Lines: []string{"The last answer cited nothing I can show."}}
	}
	line := "That answer rests on these words of " + b.citedDocs(a.Sources)
	if cited := b.citedWithin(a.Facts); len(cited) > 0 {
		// "who says so": the document has it from an outlet it names,
		// which is whom an analyst asking means.
		line += ", which cite in turn " + strings.Join(cited, " and ")
	}
	if quoted := b.quotedWithin(a.Facts); len(quoted) > 0 {
		// "where's that from" of Kakar's count: his press conference, as
		// the article reports it.
		line += ", quoting " + strings.Join(quoted, " and ")
	}
	if remark != nil {
		// "source pls" after "what's his name" of the envoy whose
		// "nightmare" remark the conversation opened with: the name's
		// source, and the remark's, which is what an analyst cites.
		rs := b.sourcesOf([]*Fact{remark})
		line += "; the remark before it, on these words of " + b.citedDocs(rs)
		a.Facts = append(a.Facts, remark)
		a.Sources = append(a.Sources, rs...)
	}
	a.Lines = []string{line + "."}
	if author && !slices.ContainsFunc(a.Sources, func(s SourceRef) bool { return s.Author != "" }) {
		// "who's the author?" of an unsigned piece: the sources do not
		// say, and the reply says what they are instead.
		a.Answered = false
		a.Lines = []string{"The sources don't say: the document names no author. " + line + "."}
	}
	return a
}

// citedDocs names the documents of sources, with their authors, their
// publishers and the sections quoted: whose words they are, and who
// published them ("which org published that").
func (b *Base) citedDocs(sources []SourceRef) string {
	var docs []string
	for _, s := range sources {
		t := s.Title
		if s.Author != "" {
			t += " by " + s.Author
		}
		if src := b.sources[s.Doc]; src != nil && src.Outlet != "" {
			outlet, _, _ := strings.Cut(src.Outlet, ", ") // "…(FNF), Neighbourhood Perspectives series": the publisher
			t += " for the " + strings.TrimPrefix(outlet, "the ")
		}
		if t += ", " + s.Section; !slices.Contains(docs, t) {
			docs = append(docs, t)
		}
	}
	return strings.Join(docs, "; ")
}

// remarkOfSpeaker returns the statement an earlier answer led with, when
// the last answer only said who made it (his name, his post): the remark
// is what the conversation is about, and what its source is asked for.
// Nil otherwise, or when the last answer cites the remark itself.
func (b *Base) remarkOfSpeaker(c Context) *Fact {
	lead := b.factByID[first(c.Facts)]
	if lead == nil || lead.Type != TypeRole && lead.Type != TypeDefinition || len(lead.Entities) == 0 || !b.isPerson(lead.Entities[0]) || len(c.Led) < 2 {
		return nil
	}
	said := b.lastSaid(c.Led[:len(c.Led)-1])
	if said == nil || slices.Contains(c.Facts, said.ID) || !slices.Contains(said.Entities, lead.Entities[0]) {
		return nil
	}
	return said
}

// slangPartSource reports whether a message asks in chat slang for the
// source of a part of what was said that it names by no name: "src for
// the toll?" (but "src for the TTP" may ask what the Supreme Resistance
// Council, the SRC, thinks of the TTP).
func (b *Base) slangPartSource(toks []string) bool {
	if len(toks) < 4 || len(toks) > 5 || !sourceSlang[toks[0]] || toks[1] != "for" || toks[2] != "the" {
		return false
	}
	_, names, specific := b.ownWords(strings.Join(toks[3:], " "))
	return !names && len(specific) == 0
}

// partNouns name a part of what was said: "the Chitral bit".
var partNouns = setOf("bit bits part parts stuff")

// partFillers are the words of a request for a part's source that do
// not say which part: "source for the logistics bit", "where's the
// Chitral part from".
var partFillers = setOf("for the of on in from where wheres is that this those these bit bits part parts stuff line lines one bout about what whats who reported said say says")

// factsOfPart returns the facts shown in the conversation that a request
// for the source of a part of it names ("source for the Yaqoob quote",
// "where's the Chitral bit from", "source for the 500?"): of the last
// answer's facts, the timeline entries shown and the earlier answers'
// leads, those that use the most of its words, each a name, a word or a
// time; none when it names no part, or no fact uses its words.
func (b *Base) factsOfPart(c Context, question string) []*Fact {
	var part []string
	for _, t := range strings.Fields(Normalize(question)) {
		if t = strings.Trim(t, "?!.,'"); t != "" && !partFillers[t] && !sourceWords[t] && !sourceSlang[t] && !linkFillers[t] && !linkWords[t] &&
			!tallyNouns[t] && !analysisNouns[t] && !dataNouns[t] && !documentWordsAsked[t] {
			part = append(part, t)
		}
	}
	if len(part) == 0 {
		return nil
	}
	q := b.parse(strings.Join(part, " "))
	defer b.idx.release(q)
	score := func(f *Fact) int {
		n := 0
		for _, l := range q.links {
			if slices.ContainsFunc(l.entities, func(e *Entity) bool { return slices.Contains(f.Entities, e.ID) }) {
				n += 2
			}
		}
		text := strings.Join(append([]string{f.Text}, f.Items...), " ")
		for k, t := range q.toks {
			if !q.inLink(k) && !q.spanToks[k] && !b.idx.stop[t] && b.textUsesStem(text, b.idx.stem(t)) {
				n++
			}
		}
		if q.hasSpan && ofTime(f, q.from, q.to) {
			n++
		}
		return n
	}
	var out []*Fact
	best := 0
	seen := map[string]bool{}
	for _, id := range slices.Concat(c.Facts, c.Shown, c.Led) {
		f := b.factByID[id]
		if f == nil || seen[id] {
			continue
		}
		seen[id] = true
		switch n := score(f); {
		case n > best:
			out, best = []*Fact{f}, n
		case n == best && n > 0:
			out = append(out, f)
		}
	}
	return out
}

// quotedWithin names the people whose words facts report, each named and
// then said to speak ("Sarfraz Bugti claimed", "Mujahid said"), other
// than the documents' own authors: whom the words come from.
func (b *Base) quotedWithin(facts []*Fact) []string {
	var out []string
	for _, f := range facts {
		toks := f.textWords()
		for _, id := range f.Entities {
			e := b.entityByID[id]
			if e == nil || e.Kind != KindPerson || b.idx.entityDoc[id] != "" || slices.Contains(out, e.Name) {
				continue
			}
			for at, n := range nameRuns(toks, e) {
				if speaksAt(toks, at, n) {
					out = append(out, e.Name)
					break
				}
			}
		}
	}
	return out
}

// nameRuns yields, for each of e's name and aliases that toks spell out,
// where its first run in toks starts and how many words it takes.
func nameRuns(toks []string, e *Entity) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			if run := tokenize(name); len(run) > 0 {
				if at := indexRun(toks, run); at >= 0 && !yield(at, len(run)) {
					return
				}
			}
		}
	}
}

// speaksAt reports whether the name at toks[at:at+n] is said to speak:
// a word of speech right after it ("Mujahid said"), after what it is of
// ("Iftikhar Firdous of the Khorasan Diary says"), or right before it
// ("…, says Iftikhar Firdous").
func speaksAt(toks []string, at, n int) bool {
	end := at + n
	if end < len(toks) && toks[end] == "of" {
		for k := end + 1; k < len(toks) && k <= end+speakerOfReach; k++ {
			if speechWords[toks[k]] {
				return true
			}
		}
	}
	return end < len(toks) && speechWords[toks[end]] || at > 0 && speechWords[toks[at-1]]
}

// speakerOfReach is how many words after a name its "of …" may run before
// the word of speech: "of the Khorasan Diary says".
const speakerOfReach = 5

// citedWithin returns the names of the outlets and bodies, of any the pack
// knows, that the facts say they have their words from: "…, according to the Pakistan Institute for
// Conflict and Security Studies (PICSS)", "citing BBC Monitoring", "Amu TV
// reported".
func (b *Base) citedWithin(facts []*Fact) []string {
	var out []string
	for _, f := range facts {
		toks := f.textWords()
		type found struct {
			name     string
			at, size int
		}
		var fs []found
		for _, e := range b.entities {
			if e.Kind != KindOrganisation {
				continue
			}
			name := e.Name
			if e.Abbr != "" && e.Abbr != e.Name {
				name += " (" + e.Abbr + ")"
			}
			for _, n := range append([]string{e.Name, e.Abbr}, e.Aliases...) {
				if run := tokenize(n); len(run) > 0 {
					if at := indexRun(toks, run); attributedAt(toks, at, len(run)) {
						fs = append(fs, found{name, at, len(run)})
						break
					}
				}
			}
		}
		for _, x := range fs {
			// "citing BBC Monitoring" names BBC Monitoring, not the BBC.
			within := slices.ContainsFunc(fs, func(y found) bool { return y.size > x.size && y.at <= x.at && x.at+x.size <= y.at+y.size })
			if !within && !slices.Contains(out, x.name) {
				out = append(out, x.name)
			}
		}
		if v := viaName(f.Cite.Via); v != "" && !slices.ContainsFunc(out, func(n string) bool {
			return strings.HasPrefix(v, n) || strings.HasPrefix(n, strings.SplitN(v, " (", 2)[0])
		}) {
			out = append(out, v) // the document's own citation: "(Amu TV, 2024)"
		}
	}
	return out
}

// viaName writes a citation's Via as a reader says it: "Amu TV, 2024" is
// "Amu TV (2024)".
func viaName(via string) string {
	if via == "" {
		return ""
	}
	via = viaSpacing.Replace(via) // an endnote's “ Title.”Outlet reads “Title.” Outlet
	if k := strings.LastIndexAny(via, ", "); k > 0 {
		if year := strings.TrimSpace(via[k+1:]); len(year) >= 4 && year[0] >= '0' && year[0] <= '9' {
			return strings.TrimRight(via[:k], ", ") + " (" + year + ")"
		}
	}
	return via
}

// viaSpacing mends the spacing of endnotes around their quotation marks.
var viaSpacing = strings.NewReplacer("“ ", "“", "”", "” ", "” ,", "”,", "” .", "”.")

// attributedAt reports whether the name at toks[at:at+n] is said to be
// where words come from: "according to (the) X", "citing X", "sourced to
// X", "reported by X", "X reported", "told X".
func attributedAt(toks []string, at, n int) bool {
	if at < 0 || at+n < len(toks) && sourceNouns[toks[at+n]] {
		return false // "according to the FNF paper": the document itself
	}
	before := toks[max(0, at-5):at]
	for len(before) > 0 && outletWords[before[len(before)-1]] {
		before = before[:len(before)-1] // "according to the Atlantic Council", "quoted by the newspaper Dawn"
	}
	switch {
	case len(before) >= 2 && before[len(before)-2] == "according" && before[len(before)-1] == "to",
		len(before) >= 2 && before[len(before)-2] == "sourced" && before[len(before)-1] == "to",
		len(before) >= 1 && (before[len(before)-1] == "citing" || before[len(before)-1] == "cites"),
		len(before) >= 1 && (before[len(before)-1] == "told" || before[len(before)-1] == "tells"), // "an official told Dawn"
		len(before) >= 2 && before[len(before)-1] == "by" && (before[len(before)-2] == "reported" || before[len(before)-2] == "quoted"):
		return true
	}
	return at+n < len(toks) && (toks[at+n] == "reported" || toks[at+n] == "reports")
}

// asksMembers reports whether a follow-up asks who a body is made of:
// "who makes up most of it", "who's in it", "its members".
func asksMembers(words []string) bool {
	s := " " + strings.Join(words, " ") + " "
	return slices.ContainsFunc([]string{" makes up ", " make up ", " made up ", " members ", " member ", " composed ", " consists ", " consist ", " who is in ", " who's in ", " whos in "},
		func(p string) bool { return strings.Contains(s, p) })
}

// outletWords may stand between a word of attribution and the outlet it
// names: "quoted by the newspaper Dawn".
var outletWords = setOf("the a newspaper daily broadcaster channel outlet magazine website")

// withAuthors returns c with the authors of the documents a cites, and the
// documents themselves, behind the entities it was about: after "source
// pls" names Anwesha Ghosh, "where does she work?" asks about her and
// "when did she write it?" of her viewpoint, while a "he" or a "they" the
// conversation already had stands for what it did.
func (b *Base) withAuthors(c Context, a Answer) Context {
	next := c
	next.Entities = slices.Clone(c.Entities)
	for _, s := range a.Sources {
		for _, e := range b.entities {
			if (e.Kind == KindPerson || e.Kind == KindDocument) && b.idx.entityDoc[e.ID] == s.Doc && !slices.Contains(next.Entities, e.ID) && len(next.Entities) < contextEntities {
				next.Entities = append(next.Entities, e.ID)
			}
		}
	}
	return next
}

// contextSuggestions are questions to offer when a follow-up cannot be
// read: about what the conversation was about, or the pack's best.
func (b *Base) contextSuggestions(c Context) []string {
	var fs []*Fact
	for _, id := range c.Facts {
		if f := b.factByID[id]; f != nil {
			fs = append(fs, f)
		}
	}
	if len(fs) > 0 {
		if s := b.suggestFacts(fs); len(s) > 0 {
			return s
		}
	}
	return b.defaultSuggestions()
}

// morePhrases continue an answer: "more", "next", "the rest", "go on".
var morePhrases = []string{"more", "next", "the rest", "rest", "continue", "go on", "keep going", "show more",
	"more please", "what else", "and then", "then what", "what next", "next ones", "show me more", "tell me more", "any more", "anything else"}

// moreAboutRE matches a message that asks for more about something
// named: "tell me more about the TTP", "anything else on his group?".
var moreAboutRE = regexp.MustCompile(`^(?:(?:can|could) you |please |pls )?(?:(?:tell|show|give) (?:me|us) )?(?:some )?(?:more|anything else|something else|what else)(?: can you tell me| do you have| is there)? (?:about|on|regarding) `)

// moreAbout reports whether question asks for more about something, and
// returns toks (its normalised words) without the asking: what it is
// about. Normalize strips some of the asking already ("tell me more
// about"); the question as typed says it was asked.
func moreAbout(toks []string, question string) ([]string, bool) {
	if !moreAboutRE.MatchString(foldText(foldAccents(question))) {
		return nil, false
	}
	for i, t := range toks {
		if t == "about" || t == "on" || t == "regarding" {
			if i <= 4 && slices.ContainsFunc(toks[:i], func(w string) bool { return moreCore[w] || w == "else" }) {
				return toks[i+1:], true
			}
			break
		}
	}
	return toks, true // the asking was stripped already
}

// asksMore reports whether the message only asks for more of the last
// answer: "more", "show the rest", "ok, next please", "what else?".
func asksMore(toks []string) bool {
	s := strings.Join(toks, " ")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "and "), "ok ")
	if slices.Contains(morePhrases, s) {
		return true
	}
	core := false
	for _, t := range toks {
		t = strings.Trim(t, "?!.,'")
		switch {
		case moreCore[t]:
			core = true
		case !moreFillers[t]:
			return false
		}
	}
	return core && len(toks) <= 6
}

// onItsWords reports whether a's lead fact, given for a request for more
// after the answer led by fact last, is on what the request names or asks
// besides asking for more, or else on what last was about: "what else
// does it say about Central Asia" wants Central Asia; "the rest of what
// they decided" a decision or more of the one last told of, not whatever
// else answers the last question.
func (b *Base) onItsWords(a Answer, toks []string, last *Fact) bool {
	if len(a.Facts) == 0 {
		return false
	}
	f := a.Facts[0]
	if last != nil && slices.ContainsFunc(f.Entities, func(id string) bool { return contains(last.Entities, id) && !b.idx.broad(id) }) {
		return true
	}
	asked, _, specific := b.ownWords(strings.Join(toks, " "))
	asked = slices.DeleteFunc(asked, func(w string) bool { w = strings.Trim(w, "?!.,'"); return moreCore[w] || moreFillers[w] })
	if len(specific) > 0 && b.mentions(f, b.idx.factIndex[f], specific) {
		return true
	}
	return len(asked) == 0 && len(specific) == 0 || !b.lacks(f, asked)
}

// asksFurther reports whether a follow-up asks for more beyond what was
// shown, whatever else it says: "anything else on the aftermath?", "who
// else got out?", "the rest of the decision?".
func asksFurther(toks []string) bool {
	return slices.ContainsFunc(toks, func(t string) bool {
		t = strings.Trim(t, "?!.,'")
		return t == "else" || t == "more" || t == "rest" || t == "further"
	})
}

// asksInSource reports whether a request for more asks what the source
// says there, after the last answer: "anything else in that section?",
// "what else does it say", "the rest of that bit".
func asksInSource(toks []string) bool {
	for i, t := range toks {
		t = strings.Trim(t, "?!.,'")
		switch {
		case sourcePlaces[t] && i > 0 && (toks[i-1] == "that" || toks[i-1] == "this" || toks[i-1] == "the" && i > 1 && toks[i-2] == "in"):
			return true // "in that section", "the rest of this bit"
		case t == "there" && i > 0 && toks[i-1] == "in":
			return true // "anything else in there?"
		case t == "say" && i > 1 && toks[i-2] == "does" && (toks[i-1] == "it" || toks[i-1] == "that" || sourcePlaces[toks[i-1]]):
			return true // "what else does it say"
		}
	}
	return false
}

// sourcePlaces are the words for a part of a source, or for the source.
var sourcePlaces = setOf("section bit passage part paragraph chapter piece article analysis paper report study document doc source")

// asksNext reports whether a follow-up asks what happened after what was
// last said: "what came next?", "and after that?", "walk me through the
// timeline after that".
func asksNext(toks []string) bool {
	later := false
	for i, t := range toks {
		t = strings.Trim(t, "?!.,'")
		switch {
		case t == "next" || t == "afterwards" || t == "later" || t == "followed" || t == "after" && i+1 < len(toks) && strings.Trim(toks[i+1], "?!.,'") == "that" ||
			t == "after" && i == len(toks)-1 || // "what happened after?", "and after?", "what happened the year after"
			t == "then" && (i > 0 && strings.Trim(toks[i-1], "?!.,'") == "and" || i == 0 && len(toks) > 1): // "and then?", "then what?"
			later = true
		case !nextFillers[t]:
			return false
		}
	}
	return later && len(toks) <= 9
}

// nextFillers may stand around what asks what came next.
var nextFillers = setOf("and so ok okay then what whats what's happened happen came come took place that timeline walk me through tell show the events event was were is year month day week")

// joinedAsks reports whether q, parsed, asks two things ("when did he come
// to power, and how did his rule end"), each answered by a fact of its own.
func joinedAsks(q *query) bool {
	return q.also >= 0 || joinAsks(q.norm) != q.norm
}

// sharesSpecific reports whether facts f and g name a same entity more
// specific than a country or a people.
func (b *Base) sharesSpecific(f, g *Fact) bool {
	return slices.ContainsFunc(f.Entities, func(id string) bool { return !b.idx.broad(id) && slices.Contains(g.Entities, id) })
}

// whatCameNext answers "what came next?": the timeline of what the last
// answer was about, in date order, from the date of its lead fact (or, for
// two things asked, of the latest fact on the same thing it gave with it)
// on, or of the span the last question named. ok is false when neither
// gives a date.
func (b *Base) whatCameNext(c Context, question string) (a Answer, next Context, ok bool) {
	pq := b.parse(Normalize(c.Question))
	var from Point
	switch f := b.factByID[c.Facts[0]]; {
	case c.After != 0 || pq.intent == IntentTimeline:
		// After a timeline, what came after the last of its entries shown.
		for _, id := range c.Facts {
			if f := b.factByID[id]; f != nil && f.Date.Start.Key() > from.Key() {
				from = f.Date.Start
			}
		}
	case f != nil && f.Date.Start.Year != 0:
		// After the lead, or, when the last question asked two things,
		// after the latest fact on the same thing the answer gave with it:
		// "when did Zahir Shah come to power, and how did his rule end"
		// ends in 1973, not 1933.
		from = f.Date.Start
		if len(c.Facts) > 1 && joinedAsks(pq) {
			for _, id := range c.Facts[1:] {
				if g := b.factByID[id]; g != nil && g.Date.Start.Key() > from.Key() && b.sharesSpecific(f, g) {
					from = g.Date.Start
				}
			}
		}
	case pq.hasSpan:
		from = pq.from // "why did Pakistan back the Taliban in the 90s": from the 1990s on
	}
	if from.Year == 0 {
		return a, c, false
	}
	// What the last question named is the topic; failing that, what its
	// answer was about.
	var topic []string
	for _, l := range pq.links {
		if len(topic) < carryEntities {
			topic = append(topic, strings.Join(pq.toks[l.start:l.end], " "))
		}
	}
	for _, id := range c.Entities {
		if e := b.entityByID[id]; e != nil && len(topic) == 0 && !b.idx.broad(id) {
			topic = append(topic, strings.ToLower(e.Name))
		}
	}
	// Failing that, those the last answer's lead speaks of beside it:
	// after the Northern Alliance's founding, what its founders did next.
	var beside []string
	if f := b.factByID[c.Facts[0]]; f != nil {
		for _, id := range f.Entities {
			if e := b.entityByID[id]; e != nil && len(beside) < carryEntities && !b.idx.broad(id) && !slices.Contains(topic, strings.ToLower(e.Name)) && !pq.linked(id) {
				beside = append(beside, strings.ToLower(e.Name))
			}
		}
	}
	shown := map[string]bool{}
	for _, id := range c.Shown {
		shown[id] = true
	}
	how := asking{shown: shown, after: from}
	var resolved string
	// Of "the Taliban" and "Herat", after the Taliban took Herat: what
	// either did next, each alone too, whichever came soonest after. (One
	// alone must say what came after; the two together may answer as
	// before.)
	soonest := Point{}
	for k, t := range append([][]string{topic}, singles(topic)...) {
		if len(t) == 0 {
			continue
		}
		r := "timeline " + strings.Join(t, " and ")
		alt := b.answerWith(r, how)
		first := firstDatedAfter(alt.Facts, from)
		if !alt.Answered || (k > 0 || len(topic) == 1) && first.Year == 0 {
			continue // (a topic alone must say what came after)
		}
		if !a.Answered || first.Year != 0 && (soonest.Year == 0 || first.Key() < soonest.Key()) {
			a, resolved, soonest = alt, r, first
		}
	}
	if !a.Answered && len(beside) > 0 {
		resolved = "timeline " + strings.Join(beside, " and ")
		a = b.answerWith(resolved, how)
	}
	if !a.Answered {
		// Nothing more on what it was about: what came next in the
		// sources at all. After the Northern Alliance's founding in 1992,
		// the Taliban's rise.
		resolved = fmt.Sprintf("timeline %d to %d", from.Year, from.Year+nextYears)
		a = b.answerWith(resolved, how)
	}
	if !a.Answered {
		return a, c, false
	}
	a.Question, a.Resolved, a.MoreHint = question, resolved, a.More > 0
	next = b.nextContext(c, resolved, a)
	next.After = how.after.Key()
	return a, next, true
}

// singles returns each of names alone, when there are several.
func singles(names []string) [][]string {
	if len(names) < 2 {
		return nil
	}
	out := make([][]string, len(names))
	for k, n := range names {
		out[k] = []string{n}
	}
	return out
}

// firstDatedAfter returns the earliest start date of facts later than
// from, or the zero Point when none is.
func firstDatedAfter(facts []*Fact, from Point) Point {
	var first Point
	for _, f := range facts {
		if d := f.Date.Start; d.Year != 0 && d.Key() > from.Key() && (first.Year == 0 || d.Key() < first.Key()) {
			first = d
		}
	}
	return first
}

// nextYears is how far past the last answer's date "what happened next"
// looks for what came next in the sources at all, when nothing more is
// said of what the answer was about.
const nextYears = 10

// moreCore ask for more; moreFillers may stand around them.
var (
	moreCore    = setOf("more rest next continue others remaining else")
	moreFillers = setOf("and ok okay show give me us tell the please some any anything what's whats what is are there of them it list all go keep on going let's see " +
		"in from that this same section data article piece source paper report part analysis bit passage chapter study document doc does say says") // "anything else in that section", "what else does it say"
)

// sourceWords ask where an answer comes from.
var sourceWords = setOf("source sources quote quotes cite citation citations cited reference references ref refs provenance")

// sourceSlang asks for the sources only as the whole message, fillers
// aside: "src?", "sauce pls". ("what is the SRC" asks about the Supreme
// Resistance Council.)
var sourceSlang = setOf("src srcs sauce")

// linkWords, alone but for linkFillers, ask for the last answer's source:
// "link pls".
var (
	linkWords   = setOf("link links url urls")
	linkFillers = setOf("pls plz please any a the got have you share send me give")
)

// documentWordsAsked ask which document an answer came from: "which
// document is that from?", "what paper says that?".
var documentWordsAsked = setOf("document doc paper article report piece org organisation organization outlet publisher publication file")

// holdVerbs, after "which doc", ask which one holds what was said: "which
// doc has the Bugti number".
var holdVerbs = setOf("has have had gives gave says said mentions mentioned cites cited contains carries reports reported")

// quoteNouns name words quoted: "which paper has that quote".
var quoteNouns = setOf("quote quotes line lines remark remarks claim claims statement")

// dataNouns, after "who compiled that", name what a source gathered.
var dataNouns = setOf("data stats statistics report research study survey")

// publishVerbs, asked of "that", ask who put out the source: "who
// published that?", "who collected that data".
var publishVerbs = setOf("published publishes publish wrote authored reported compiled collected gathered recorded counted")

// sourcePhrases ask it without those words.
var sourcePhrases = []string{"where is that from", "where's that from", "where does that come from", "says who",
	"how do you know", "how do you know that", "where did you get that", "what does the document say", "exact words",
	"who says", "who says so", "who said so", "says whom", "per who", "per whom", "according to who", "according to whom",
	"where did u get that", "where'd you get that", "where did you get this", "where's this from", "what's that from", "whats that from",
	"what is that based on", "based on what", "what's that based on", "whats that based on",
	"who says that", "how does the author know", "how does the author know that", "how do they know", "how do they know that",
	"where's that quote from", "where is that quote from", "where's the quote from", "where's that quoted from", "where was that quoted"}

// slashParts splits toks at every slash, one standing alone or within a
// token ("link/source?"), into the parts on either side that hold words;
// toks alone when it has no slash.
func slashParts(toks []string) [][]string {
	if !slices.ContainsFunc(toks, func(t string) bool { return strings.Contains(t, "/") }) {
		return [][]string{toks}
	}
	var parts [][]string
	var cur []string
	for _, t := range toks {
		for k, piece := range strings.Split(t, "/") {
			if k > 0 && len(cur) > 0 {
				parts, cur = append(parts, cur), nil
			}
			if piece != "" {
				cur = append(cur, piece)
			}
		}
	}
	if len(cur) > 0 {
		parts = append(parts, cur)
	}
	return parts
}

// asksSources reports whether a short message asks for the last answer's
// sources or quote: "sources?", "quote please", "where is that from".
func asksSources(toks []string) bool {
	if parts := slashParts(toks); len(parts) > 1 {
		// "link/source?", "link / which doc?": either asks it.
		return slices.ContainsFunc(parts, asksSources)
	}
	toks = withoutAsides(toks)
	if authorAsked(toks) {
		return true
	}
	if len(toks) >= 3 && len(toks) <= 8 && toks[0] == "on" && toks[1] == "whose" && (toks[2] == "account" || toks[2] == "authority" || toks[2] == "word") {
		return true // "on whose account is that, may I ask?", "on whose authority?"
	}
	if sourceOfClaim(toks) {
		return true
	}
	if len(toks) == 0 || len(toks) > 6 {
		return false
	}
	s := strings.Join(toks, " ")
	if slices.Contains(sourcePhrases, s) {
		return true
	}
	if rest := slices.DeleteFunc(slices.Clone(toks), func(t string) bool { return linkFillers[strings.Trim(t, "?!.,'")] }); len(rest) == 1 {
		switch w := strings.Trim(rest[0], "?!.,'"); {
		case linkWords[w], sourceSlang[w]:
			return true // "link pls", "got a link?", "src?" (but "the link between the TTP and al-Qaeda" asks a question)
		}
	}
	if rest := slices.DeleteFunc(slices.Clone(toks), func(t string) bool { return linkFillers[strings.Trim(t, "?!.,'")] }); len(rest) == 3 &&
		linkWords[rest[0]] && rest[1] == "to" && documentWordsAsked[strings.Trim(rest[2], "?!.,'")] {
		return true // "link to the doc?"
	}
	if len(toks) >= 3 && len(toks) <= 4 && sourceSlang[toks[0]] && toks[1] == "for" && (toks[2] == "that" || toks[2] == "this" || toks[2] == "it") {
		return true // "src for that?" (the SRC is the Supreme Resistance Council only when it is what is asked about)
	}
	if len(toks) <= 2 && (toks[0] == "which" || toks[0] == "what") && documentWordsAsked[strings.Trim(toks[len(toks)-1], "?!.,'")] {
		return true // "which doc?", "what paper?"
	}
	if last := strings.Trim(toks[len(toks)-1], "?!.,'"); len(toks) >= 4 && (toks[0] == "which" || toks[0] == "what") && documentWordsAsked[toks[1]] &&
		((holdVerbs[toks[2]] || toks[2] == "for") && (tallyNouns[last] || dataNouns[last] || analysisNouns[last] || quoteNouns[last]) ||
			(toks[2] == "is" || toks[2] == "was" || toks[2] == "are") && last == "from") {
		// "which doc has the bugti number", "which doc for the april
		// number", "which doc is the 375k from": the one the answer's
		// figure is from.
		return true
	}
	demonstrative := slices.ContainsFunc(toks, func(t string) bool { t = strings.Trim(t, "?!.,'"); return t == "that" || t == "this" || t == "it" })
	if (toks[0] == "which" || toks[0] == "what") && slices.ContainsFunc(toks, func(t string) bool { return documentWordsAsked[strings.Trim(t, "?!.,'")] }) && demonstrative &&
		!slices.ContainsFunc(toks, func(t string) bool { return isTimeWord(strings.TrimSuffix(strings.Trim(t, "?!.,'"), "'s")) }) {
		return true // "which document is that from?", "which org published that" (but "what year was that report" asks when it came out)
	}
	plural := slices.ContainsFunc(toks, func(t string) bool { t = strings.Trim(t, "?!.,'"); return t == "those" || t == "these" })
	if toks[0] == "who" && (len(toks) <= 3 && (demonstrative || plural) || len(toks) == 4 && (toks[2] == "those" || toks[2] == "these" || toks[2] == "that" || toks[2] == "this") &&
		(tallyNouns[strings.Trim(toks[3], "?!.,'")] || dataNouns[strings.Trim(toks[3], "?!.,'")] || analysisNouns[strings.Trim(toks[3], "?!.,'")])) &&
		slices.ContainsFunc(toks, func(t string) bool { return publishVerbs[t] }) {
		return true // "who published that?", "who reported those numbers", "who wrote that analysis?" ("that piece" may be one it cites)
	}
	if w := strings.ReplaceAll(toks[0], "'", ""); (w == "where" || w == "wheres") && strings.Trim(toks[len(toks)-1], "?!.,'") == "from" &&
		(demonstrative || slices.ContainsFunc(toks, func(t string) bool { return analysisNouns[t] || tallyNouns[t] || dataNouns[t] || partNouns[t] })) {
		return true // "where's the PM's number from?": whose words the number is in; "where's the Chitral bit from?"
	}
	if toks[0] == "whose" && len(toks) >= 3 && (documentWordsAsked[toks[1]] || analysisNouns[toks[1]] || tallyNouns[toks[1]] || dataNouns[toks[1]]) &&
		(demonstrative || slices.ContainsFunc(toks, func(t string) bool { t = strings.Trim(t, "?!.,'"); return t == "those" || t == "these" })) {
		return true // "whose piece is that from?", "whose analysis is this"
	}
	for i, t := range toks {
		if sourceWords[strings.Trim(t, "?!.,'")] && !(i >= 2 && auxWords[toks[i-2]] && !determiners[toks[i-1]]) {
			// ("source for the logistics bit?": the source of a part of
			// the last answer; "where did that quote first run?": where
			// its words were published.)
			// ("what did he quote Clinton saying": a verb, after whoever
			// did the quoting, asks what was quoted.)
			return len(toks) <= 4 || strings.HasPrefix(s, "what") || strings.HasPrefix(s, "show") || strings.HasPrefix(s, "give") ||
				i == 0 && toks[1] == "for" || strings.HasPrefix(s, "where") && demonstrative
		}
	}
	return false
}

// sourceOfClaimWords bounds a where-from question that asks a claim's
// source in a longer way than asksSources' short forms.
const sourceOfClaimWords = 9

// sourceOfClaim reports whether a where-from question points at a claim of
// the last answer, "that" or "this" right before the noun for it, and so
// asks its source: "where does the paper take that account from?", "where
// did the author get those figures from". ("Where did that group get its
// money from" asks of the group.)
func sourceOfClaim(toks []string) bool {
	if len(toks) > 0 && (toks[0] == "and" || toks[0] == "so") {
		toks = toks[1:] // "and where did they get that figure from?"
	}
	if len(toks) < 4 || len(toks) > sourceOfClaimWords || strings.ReplaceAll(toks[0], "'", "") != "where" || strings.Trim(toks[len(toks)-1], "?!.,'") != "from" {
		return false
	}
	for i, t := range toks[1 : len(toks)-2] {
		if t != "that" && t != "this" && t != "those" && t != "these" {
			continue
		}
		if n := toks[i+2]; analysisNouns[n] || tallyNouns[n] || dataNouns[n] {
			return true
		}
	}
	return false
}

// chatAsides are words a chat message may add that ask nothing: "who's
// the author btw", "source again?".
var chatAsides = setOf("btw anyway again pls plz please tho though")

// withoutAsides returns toks without chat's asides, "by the way" among
// them; toks itself is left as it was.
func withoutAsides(toks []string) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		t := strings.Trim(toks[i], "?!.,'")
		if i+2 < len(toks) && t == "by" && toks[i+1] == "the" && strings.Trim(toks[i+2], "?!.,'") == "way" {
			i += 2
			continue
		}
		if !chatAsides[t] {
			out = append(out, toks[i])
		}
	}
	return out
}

// authorAsked reports whether a message asks only who wrote what the
// conversation is reading: "who's the author", "who is the writer of
// this", "who wrote this piece". ("Who wrote that piece" may ask of a
// piece the answer names.)
func authorAsked(toks []string) bool {
	if len(toks) < 2 || len(toks) > 6 {
		return false
	}
	switch strings.ReplaceAll(toks[0], "'", "") {
	case "who", "whos":
	default:
		return false
	}
	author, this := false, false
	for _, t := range toks[1:] {
		switch t = strings.Trim(t, "?!.,'"); {
		case t == "author" || t == "writer":
			author = true
		case t == "this":
			this = true
		case t == "wrote" || t == "authored" || t == "is" || t == "was" || t == "the" || t == "of":
		case documentWordsAsked[t] || analysisNouns[t]:
		default:
			return false
		}
	}
	return author || this && slices.ContainsFunc(toks, func(t string) bool { return t == "wrote" || t == "authored" })
}

// thatAsThis is toks with "that" or "it" read as "this": "who wrote that
// piece", "who wrote it?" as "who wrote this piece".
func thatAsThis(toks []string) []string {
	out := slices.Clone(toks)
	for i, t := range out {
		if t := strings.Trim(t, "?!.,"); t == "that" || t == "it" {
			out[i] = "this"
		}
	}
	return out
}

// analysisNouns, after "whose", name the writing an answer came from:
// "whose analysis is this". ("Who wrote that piece" asks of the piece the
// answer names, as a question.)
var analysisNouns = setOf("account accounts analysis analyses writeup op-ed oped column viewpoint essay commentary study take view argument claim figure figures numbers data")

// pronounKind is what each pronoun stands for: a person, a group, a place,
// or any thing that is not a person.
var pronounKind = map[string]string{
	"he": kindHe, "him": kindHe, "his": kindHe, "himself": kindHe,
	"she": kindShe, "her": kindShe, "hers": kindShe, "herself": kindShe,
	"they": KindGroup, "them": KindGroup, "their": KindGroup, "theirs": KindGroup,
	"it": "thing", "its": "thing",
	"there": KindPlace,
}

// possessivePronouns stand for an owner, and a name put in their place
// takes "'s". ("Her" may be an object: "what did they tell her".)
var possessivePronouns = setOf("his their its")

// tieNouns, before "with them", are what countries have with each other.
var tieNouns = setOf("ties relations relationship relationships links dealings")

// objectOf reports whether pronoun w is the object of its verb: "him",
// "them", which stand for someone other than the subject before them.
func objectOf(w string) bool { return w == "him" || w == "them" }

// postVerbs put words out: "where did he post it".
var postVerbs = setOf("post posted tweet tweeted publish published share shared say said write wrote")

// asksWords reports whether question asks what someone said: "what did
// Imran Khan say when Kabul fell".
func asksWords(question string) bool {
	toks := strings.Fields(Normalize(question))
	return len(toks) >= 4 && toks[0] == "what" && auxWordsAfterHead[toks[1]] && slices.ContainsFunc(toks[2:], func(t string) bool { return t == "say" || t == "write" || t == "tweet" || t == "post" })
}

// thatEventLeads, before a "that" that ends a question, make it the event
// the conversation spoke of: "in retaliation for that", "a response to
// that".
var thatEventLeads = setOf("for to against")

// eventPreps, before "them" or "it" in a question of the dead or hurt,
// make it an event: "how many died in them".
var eventPreps = setOf("in during by")

// governmentNouns after "that" or "this" stand for the organisation last
// spoken of: "that government", "this regime".
var governmentNouns = setOf("government govt gov regime administration cabinet setup")

// groupNouns after "that", "this" or "the" stand for the group last
// spoken of: "that group", "the outfit".
var groupNouns = setOf("group outfit organisation organization movement militants")

// passiveAfter reports whether the pronoun at words[i] is the subject of a
// passive: "are they affected", "will they be hit", "what have they been
// accused of".
func passiveAfter(words []string, i int) bool {
	k := i + 1
	for k < len(words) && (words[k] == "be" || words[k] == "been" || words[k] == "being" || verbAdverbs[words[k]]) {
		k++
	}
	if k >= len(words) || !strings.HasSuffix(words[k], "ed") && !irregularParticiples[words[k]] {
		return false
	}
	return k > i+1 || i > 0 && passiveAux[words[i-1]] // "were they deported", "they been accused"
}

// doneToVerbs, before "them", say what a measure does to people: "does
// the eviction order affect them".
var doneToVerbs = setOf("affect affects affected hit hits cover covers covered include includes included target targets targeted spare spares spared exempt exempts exempted")

// irregularParticiples are past participles that do not end in "ed": "are
// they hit by the eviction order".
var irregularParticiples = setOf("hit struck caught taken given held kept sent driven thrown made told left")

// asksGroup reports whether words ask which group did something ("which
// group was she pushing them to go after", "what network …"): then "they"
// and "them" are not that group.
func asksGroup(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if (words[i] == "which" || words[i] == "what") && (groupNouns[words[i+1]] || words[i+1] == "network" || words[i+1] == "faction") {
			return true
		}
	}
	return false
}

// pairJoins join two names said together: "Kakar and Bugti", "Kakar vs
// Bugti".
var pairJoins = setOf("and vs versus or")

// personPronoun reports whether a pronoun can only stand for a person: one
// with nothing to stand for is asked about; "they" or "it" may stand for
// what the question leaves unsaid ("how many did they deport").
func personPronoun(w string) bool { return pronounKind[w] == kindHe || pronounKind[w] == kindShe }

// kindShe and kindHe are what "she" and "he" stand for: a person the pack
// calls "she" (Entity.Pronoun), or any other person.
const (
	kindShe = "person: she"
	kindHe  = "person: he"
)

// objectFollowers follow "her" as an object rather than as a possessive:
// "what did Kakar tell her about".
var objectFollowers = setOf("about to for with from by and or in on at after before over of as")

// followFillers add nothing to a bare question word: "and when was that?"
// asks when, of what was last said.
var followFillers = setOf("and so but ok okay then also was is were are did does do that this it happen happened exactly precisely roughly approximately mainly mostly specifically the reason date year again not " +
	"say said says claim claimed wrote write reported report many much few")

// askedVerbs are the fillers that still say what is asked of the fact a
// bare follow-up is about: "who claimed it?" asks for a claim.
var askedVerbs = setOf("say said says claim claimed wrote write reported report")

// followLeads start a follow-up that names only something new: "what
// about the TTP?", "and Bugti?".
var followLeads = [][]string{{"what", "about"}, {"how", "about"}, {"what", "of"}, {"and", "what", "about"}, {"and"}}

// questionHeads are the question words a bare follow-up may be: "why?",
// "how many?".
var questionHeads = [][]string{{"how", "many"}, {"how", "much"}, {"how", "long"}, {"why"}, {"when"}, {"where"}, {"who"}, {"what"}, {"which"}, {"how"}}

// resolve rewrites a follow-up as questions that stand alone, reading it
// against c: the likeliest reading first, then others to try when the
// sources answer it not. When a pronoun has nobody to stand for, it
// returns that pronoun instead. Guess is the reading of "it" or "they"
// past the likeliest thing, when one of the readings is.
func (b *Base) resolve(c Context, toks []string) (readings []string, own, missing string, guess guessed) {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = strings.Trim(t, "?!.,;:\"")
	}
	words = b.idx.closePhrasalVerbs(words) // "why did they turn it down": reject it
	own = strings.Join(words, " ")
	// A reading is followed by the others worth trying when the sources
	// answer it not: with or without the last topic.
	withAlts := func(q string, alts ...string) []string {
		out := []string{q}
		for _, a := range alts {
			if a != "" && !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
		return out
	}
	if q, ok := b.sizeOfGroup(c, words); ok {
		// "current fighter strength?" after which prisons freed TTP
		// men: how many fighters the group has, not the prisons again.
		return withAlts(q), own, "", guessed{}
	}
	if dated, ok := b.withThatTime(c, words); ok {
		words = dated // "who was PM at that point?": at the last answer's date
		if at := slices.Index(words, "in"); at >= 0 && !slices.ContainsFunc(words[:at], func(w string) bool { return !elseFillers[w] }) && slices.Contains(words[:at], "else") {
			// "anything else big that spring?": what else happened then.
			return withAlts("what else happened " + strings.Join(words[at:], " ")), own, "", guessed{}
		}
	}
	words = b.withSourceNamed(c, words)
	pointed := false // a person pointed at is named, as a pronoun names one
	if named, phrase := b.pointedPerson(c, words); phrase != "" {
		// "what did that minister say about it": the person the
		// conversation spoke of who is one, or, when it spoke of none,
		// a question back.
		if named == nil {
			return nil, "", phrase, guessed{}
		}
		words, pointed = named, true
	}
	if q, ok := b.withOtherTime(c, words); ok {
		return withAlts(q), own, "", guessed{}
	}
	if q, ok := b.withNewSubject(c, words); ok {
		before := ""
		if c.Before != "" {
			// The last question declined, the one answered before it
			// may be what the new subject is asked of.
			cb := c
			cb.Question = c.Before
			before, _ = b.withNewSubject(cb, words)
		}
		counted := b.countedInstead(c, words)
		if counted != "" && (!strings.HasPrefix(q, "how many ") || strings.HasPrefix(q, c.Question+" ")) {
			// "and PoR card holders?" after how many Afghans came: how
			// many of those, before what the sources say of them. (A new
			// subject only added to the last question, "and suicide
			// bombings that year?" after how many soldiers died, is no
			// count of its own.)
			return withAlts(counted, q, before), own, "", guessed{}
		}
		return withAlts(q, before, counted), own, "", guessed{}
	}
	for len(words) > 2 && followUpOpeners[words[0]] {
		words = words[1:] // "and how many attacks in 2021?"
	}
	if q, ok := b.whereOfAnswer(c, words); ok {
		return withAlts(q), own, "", guessed{}
	}
	if q, ok := b.withNewQuestionWord(c, words); ok {
		return withAlts(q, b.whyNot(c, words), b.withTopicCarried(c, strings.Join(words, " "))), own, "", guessed{}
	}
	if f := b.factByID[first(c.Facts)]; len(words) == 1 && roleNouns[words[0]] && f != nil && f.Date.Start.Year != 0 {
		// "leader?" after the Taliban renamed the country in 1997: who
		// led then.
		return withAlts(b.withTopicCarried(c, fmt.Sprintf("who was the %s in %d", words[0], f.Date.Start.Year))), own, "", guessed{}
	}
	if len(words) == 1 && roleNouns[words[0]] && c.Question != "" {
		// "leader?" after what ISKP is: who leads it, which the sources
		// may not say.
		return withAlts(b.withTopicCarried(c, "who is the "+words[0])), own, "", guessed{}
	}
	if role := roleAskedBefore(c, words); role != "" && (!slices.ContainsFunc(words, personPronoun) || b.salientKind(c, KindPerson) == nil) {
		// ("what's his name?" after what the interior minister said is
		// the minister the answer named.)
		// "where does their leader live?" — "name?": who the leader is.
		return withAlts(b.withTopicCarried(c, "who is the "+role)), own, "", guessed{}
	}
	if len(words) == 1 && placeKindNouns[words[0]] && c.Question != "" {
		// "province?" after the Mastung bombing: which province it was in.
		return withAlts(b.withTopicCarried(c, "which "+words[0])), own, "", guessed{}
	}
	if len(words) == 1 && casualtyNouns[words[0]] && c.Question != "" {
		// "casualties?", "deaths?": how many, of what was last spoken of.
		return withAlts(b.withTopicCarried(c, "how many "+words[0])), own, "", guessed{}
	}
	if q, ok := totalAsked(c.Question, words); ok {
		// "total?" after how many were deported, or after by how much
		// terror deaths rose: how many in all.
		return withAlts(q), own, "", guessed{}
	}
	if n := len(words); c.Question != "" && n >= 2 && n <= 3 && words[n-1] == "by" && !slices.ContainsFunc(words, isQuestionWord) {
		// "claimed by?", "led by whom" cut short: who did it, of what was
		// last spoken of.
		return withAlts(b.withTopicCarried(c, "who "+strings.Join(words[:n-1], " "))), own, "", guessed{}
	}
	q, missing, named := b.withPronounsNamed(c, words)
	if missing != "" {
		return nil, "", missing, guessed{}
	}
	// When the sources answer neither, "it" and "they" may stand for the
	// next thing of their kind the conversation spoke of: "how many
	// Afghans did it push back" after the UN's words on Pakistan's plan.
	next := b.nextReading(c, words, q)
	counted := b.countedInstead(c, words)
	if (named || pointed) && !reactsToNothing(words) && !b.asksBareReason(strings.Join(words, " ")) {
		// "what was his job?": the person or group the pronoun names is
		// the topic. A country ("they" for Pakistan) is too broad to be
		// one, and the last topic goes with it.
		return withAlts(q, b.withTopicCarried(c, q), next.reading, counted), q, "", next
	}
	return withAlts(b.withTopicCarried(c, q), q, next.reading, counted), q, "", next
}

// sizeOfGroup reads a follow-up that asks only how big a group is
// ("fighter strength?", "and their manpower now?") as how big the group the
// conversation spoke of last is.
func (b *Base) sizeOfGroup(c Context, words []string) (string, bool) {
	var asked []string
	now := false
	for _, w := range words {
		switch {
		case currentWords[w]:
			now = true
		case !sizeFillers[w]:
			asked = append(asked, w)
		}
	}
	if !slices.ContainsFunc(groupSizeAsks, func(ask []string) bool { return slices.Equal(ask, asked) }) {
		return "", false
	}
	g := b.salientKind(c, KindGroup, KindOrganisation)
	if g == nil {
		return "", false
	}
	q := "how big is " + strings.ToLower(g.Name) // its fighters, or its members, or in words
	if slices.ContainsFunc(asked, func(w string) bool { return w == "headcount" || w == "manpower" }) {
		q = "how many fighters does " + strings.ToLower(g.Name) + " have" // a number, or nothing
	}
	if now {
		q += " now"
	}
	return q, true
}

// groupSizeAsks are the words, all of a follow-up's own, that ask how big a
// group is; sizeFillers may stand beside them.
var (
	groupSizeAsks = [][]string{{"fighter", "strength"}, {"fighting", "strength"}, {"strength"}, {"manpower"}, {"size"}, {"headcount"}}
	sizeFillers   = setOf("and so their its the overall estimated estimate rough roughly approx")
)

// reasonAskWords ask for a reason given and nothing else: "what reason did
// they give", "what was their excuse".
var reasonAskWords = setOf("reason reasons give gave given giving cite cited offer offered explanation explanations justification justifications excuse excuses grounds why")

// asksBareReason reports whether a follow-up asks only what reason was
// given, with no word of its own on what for: "what reason did they give"
// after the TTP ended its ceasefire asks why they ended it, which the last
// question's topic carried says; the group alone says nothing of it.
func (b *Base) asksBareReason(followUp string) bool {
	asked, _, _ := b.ownWords(followUp)
	return len(asked) > 0 && !slices.ContainsFunc(asked, func(w string) bool { return !reasonAskWords[w] && pronounKind[w] == "" })
}

// countedInstead reads "and factions joining?" after "how many fighters
// does the TTP have" as asking how many of those, of the same topic: a
// reading tried when the last question's words, with these added, have no
// answer. "" when the follow-up is no bare plural, or the last question
// counted nothing.
func (b *Base) countedInstead(c Context, words []string) string {
	if len(words) > 0 && words[0] == "and" {
		words = words[1:]
	}
	core := words // "suicide bombings in 2023": the time asked of is no part of what is counted
	for len(core) > 1 && (isTimeWord(core[len(core)-1]) || core[len(core)-1] == "in" || core[len(core)-1] == "during") {
		core = core[:len(core)-1]
	}
	if !strings.HasPrefix(c.Question, "how many ") || len(words) == 0 || len(core) > countedInsteadWords || !plural(core[0]) && (!plural(core[len(core)-1]) || core[len(core)-1] == "ones") ||
		slices.ContainsFunc(words, func(w string) bool { _, ok := pronounKind[w]; return ok || isQuestionWord(w) }) {
		return ""
	}
	return b.withTopicCarried(c, "how many "+strings.Join(words, " "))
}

// countedInsteadWords is the longest bare plural countedInstead reads:
// "factions joining it since 2020" asks more than what is counted.
const countedInsteadWords = 3

// clauseOpeners open a clause of time or reason whose subject may be one
// the question named before it, a country too: "when they went in".
var clauseOpeners = setOf("when after before as because while once since until whenever")

// whereOfAnswer reads a bare "where?" after a question for which group or
// who ("which militant group is the biggest threat to the Taliban") as
// asking where the one the answer named is: "strongest where?" asks where
// ISKP is strongest, not where the question's words were.
func (b *Base) whereOfAnswer(c Context, words []string) (string, bool) {
	if !slices.Contains(words, "where") || slices.ContainsFunc(words, func(w string) bool { return w != "where" && !whereFillers[w] }) {
		return "", false
	}
	if c.Question == "" || !asksWhich(c.Question) && !strings.HasPrefix(c.Question, "who ") {
		return "", false
	}
	f := b.factByID[first(c.Facts)]
	if f == nil {
		return "", false
	}
	pq := b.parse(Normalize(c.Question))
	defer b.idx.release(pq)
	for _, id := range f.Entities {
		e := b.entityByID[id]
		if e == nil || pq.linked(id) || (e.Kind != KindGroup && e.Kind != KindOrganisation && e.Kind != KindPerson) {
			continue
		}
		rest := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return w == "where" || w == "and" || w == "so" })
		return strings.Join(append([]string{"where is", strings.ToLower(e.Name)}, rest...), " "), true
	}
	return "", false
}

// whereFillers may stand beside a bare "where": "where mostly?",
// "strongest where?", "and based where?".
var whereFillers = setOf("and so then mostly mainly chiefly largely primarily strongest active based operating operate operates present")

// elseFillers, with "else" and a time, ask what else happened then:
// "anything else big that spring?", "what else of note that year".
var elseFillers = setOf("anything else something big major notable important significant of note what happened happen went on")

// withContextNames writes out in full a person's name that a follow-up
// gives in part, when the part names someone else on its own but is a
// word of the name of a person the conversation spoke of: "and Faiz now?"
// after Faiz Hameed is Faiz Hameed, not Najiba Faiz.
func (b *Base) withContextNames(c Context, words []string) []string {
	var out []string
	changed := false
	for i, word := range words {
		w := strings.Trim(word, "?!.,;:") // "and faiz, what happened to him"
		if len(w) < minContextName || b.idx.stop[w] || isQuestionWord(w) {
			out = append(out, word)
			continue
		}
		var full []string
		for _, id := range c.Entities {
			e := b.entityByID[id]
			if e == nil || e.Kind != KindPerson {
				continue
			}
			name := tokenize(e.Name)
			if !slices.Contains(name, w) || len(name) < 2 || slices.ContainsFunc(name, func(n string) bool { return n != w && slices.Contains(words, n) }) {
				continue // not a word of the name, or the name is written out already
			}
			q := b.parse(w)
			other := len(q.links) > 0 && !slices.ContainsFunc(q.links[0].entities, func(x *Entity) bool { return x.ID == id })
			b.idx.release(q)
			if other {
				full = name
			}
			break // the person spoken of most recently
		}
		if full != nil && (i == 0 || !slices.Contains(full, words[i-1])) {
			out, changed = append(out, full...), true
			continue
		}
		out = append(out, word)
	}
	if !changed {
		return words
	}
	return out
}

// minContextName is the shortest part of a name a follow-up may give for
// the whole: shorter words are too often other words.
const minContextName = 4

// guessFloor is the confidence an answer to another reading of "it" or
// "they" than the likeliest must have to be given: a pronoun read past the
// thing it most likely stands for answers, wrongly, what the sources do
// not say.
const guessFloor = 0.8

// nextReading returns the follow-up read with its first "it" or "they"
// standing for the thing of its kind the conversation spoke of after the
// one that q, the first reading, took; or none.
func (b *Base) nextReading(c Context, words []string, q string) guessed {
	for _, w := range words {
		kind := pronounKind[w]
		if kind != "thing" && kind != KindGroup {
			continue
		}
		first := b.salient(c, kind, nil)
		if first == nil {
			return guessed{}
		}
		rest := c
		rest.Entities = slices.DeleteFunc(slices.Clone(c.Entities), func(id string) bool { return id == first.ID })
		if r, missing, _ := b.withPronounsNamed(rest, words); missing == "" && r != q {
			return guessed{reading: r, stands: b.newlyNamed(q, r)}
		}
		return guessed{}
	}
	return guessed{}
}

// newlyNamed returns an entity reading r names that reading q does not,
// or nil.
func (b *Base) newlyNamed(q, r string) *Entity {
	pq, pr := b.parse(Normalize(q)), b.parse(Normalize(r))
	defer b.idx.release(pq)
	defer b.idx.release(pr)
	for _, l := range pr.links {
		if !slices.ContainsFunc(l.entities, func(e *Entity) bool { return pq.linked(e.ID) }) {
			return l.entities[0]
		}
	}
	return nil
}

// guessed is a reading of a follow-up with its "it" or "they" standing
// for the next thing of its kind the conversation spoke of, and that
// thing.
type guessed struct {
	reading string
	stands  *Entity
}

// sourcePointers, after "the", point at the document the last answer
// came from: "what does the author want Pakistan to do", "the writer's
// bottom line", "what else does the piece say".
var sourcePointers = setOf("author author's writer writer's piece piece's article article's")

// withSourceNamed names the last answer's source where words point at it
// ("the author", "the piece"): by its author, or, for an unsigned one, by
// the name the pack gives the document ("the leverage analysis"), so that
// the question is asked of that source.
func (b *Base) withSourceNamed(c Context, words []string) []string {
	f := b.factByID[first(c.Facts)]
	if f == nil {
		return words
	}
	src := b.sources[f.Cite.Doc]
	if src == nil {
		return words
	}
	if slices.ContainsFunc(words, personPronoun) {
		return words // "what did she tell the author": whom "she" means is asked first
	}
	for i := 0; i+1 < len(words); i++ {
		w := strings.TrimSuffix(words[i+1], "'s")
		that := (words[i] == "that" || words[i] == "this") && (w == "author" || w == "writer" || paperNouns[w] && w != "book" && !b.citesDocument(f))
		// ("that author"; "that piece" is the source the answer came
		// from unless the answer names a document it cites.)
		if words[i] != "the" && !that || !sourcePointers[words[i+1]] && !that || i > 0 && words[i-1] == "in" {
			continue // ("in the author's view" says nothing: dropPhrases)
		}
		name := strings.ToLower(src.Author)
		if name == "" {
			for _, e := range b.entities {
				if e.Kind == KindDocument && b.idx.entityDoc[e.ID] == src.ID && len(e.Aliases) > 0 {
					name = "the " + strings.ToLower(e.Aliases[0])
					break
				}
			}
		}
		if name == "" {
			return words
		}
		if strings.HasSuffix(words[i+1], "'s") {
			name += "'s"
		}
		return slices.Concat(words[:i], strings.Fields(name), words[i+2:])
	}
	return words
}

// pointedNouns, after "that", "this" or "the other", point at a person
// the conversation spoke of by what they are: "that minister", "the other
// analyst".
var pointedNouns = setOf(`minister envoy ambassador spokesman spokesperson official diplomat general commander chief leader analyst expert
	judge researcher scholar journalist reporter academic author writer president premier governor cleric politician officer`)

// anyoneNouns point at a person without saying what they are: "that man",
// "the other guy" is any person the conversation spoke of (a woman only
// one the pack calls "she").
var anyoneNouns = setOf(`guy man person fellow chap woman lady`)

// speakerNouns, after "the" and before a verb of saying or ruling, point
// at a person as "that" does: "what did the judge rule on it". (The
// heads of groups, "the leader", are asked about by role instead.)
var speakerNouns = setOf(`minister envoy ambassador spokesman spokesperson official diplomat analyst expert judge researcher scholar
	journalist reporter academic author writer president premier governor cleric politician officer general`)

// speechVerbs say or rule something.
var speechVerbs = setOf(`say said says tell told rule ruled rules claim claimed claims argue argued argues think thinks thought write wrote writes call called calls`)

// pointedPerson finds in words a person pointed at by what they are
// ("that minister", "the other analyst"), and returns words with the name
// of the person the conversation spoke of who is one, by their name or
// their summary. When it spoke of none, named is nil and phrase is the
// words pointing, to ask about. phrase is "" when nothing points.
func (b *Base) pointedPerson(c Context, words []string) (named []string, phrase string) {
	for i, w := range words {
		if n, ok := personOrdinals[w]; ok && i+1 < len(words) && (i == 0 || words[i-1] == "the" || words[i-1] == "that") {
			noun, owner := strings.CutSuffix(words[i+1], "'s")
			if !anyoneNouns[noun] {
				continue
			}
			// "what was the second guy's job" after the two men at the
			// Serena: the second the last answer named.
			start := i
			if i > 0 {
				start = i - 1
			}
			phrase = strings.Join(words[start:i+2], " ")
			e := b.nthPersonNamed(c, n)
			if e == nil {
				return nil, phrase
			}
			name := tokenize(e.Name)
			if owner {
				name[len(name)-1] += "'s"
			}
			return slices.Concat(words[:start], name, words[i+2:]), phrase
		}
		j, other := i+1, false
		switch {
		case (w == "that" || w == "this") && j < len(words):
		case w == "the" && j+1 < len(words) && words[j] == "other":
			j, other = j+1, true
		case w == "the" && j+1 < len(words) && speakerNouns[words[j]] && speechVerbs[words[j+1]]:
			// "what did the judge rule", "what did the minister say":
			// the one who spoke, pointed at.
		default:
			continue
		}
		noun, owner := strings.CutSuffix(words[j], "'s") // "the other guy's job"
		if !pointedNouns[noun] && !anyoneNouns[noun] {
			continue
		}
		phrase = strings.Join(words[i:j+1], " ")
		named := func(e *Entity) []string {
			name := tokenize(e.Name)
			if owner {
				name[len(name)-1] += "'s"
			}
			return slices.Concat(words[:i], name, words[j+1:])
		}
		if other && anyoneNouns[noun] {
			// "what was the other guy's job" after the two men in the
			// Serena photo: the second the last answer named.
			if e := b.nthPersonNamed(c, 1); e != nil {
				return named(e), phrase
			}
		}
		st := b.idx.stem(noun)
		var last []string // "the other analyst" is not the one the last answer spoke of
		if f := b.factByID[first(c.Facts)]; f != nil && other {
			last = f.Entities
		}
		if other {
			// Nor is "the other" the person most spoken of: with one
			// person in the conversation, there is no other.
			if k := slices.IndexFunc(c.Entities, b.isPerson); k >= 0 {
				last = append(slices.Clone(last), c.Entities[k])
			}
		}
		fits := func(e *Entity) bool {
			switch noun {
			case "woman", "lady":
				return e.Pronoun == "she"
			}
			return anyoneNouns[noun] || b.textUsesStem(e.Name+" "+e.Summary, st)
		}
		for _, id := range c.Entities {
			if e := b.entityByID[id]; e != nil && e.Kind == KindPerson && !slices.Contains(last, id) && fits(e) {
				return named(e), phrase
			}
		}
		if (noun == "author" || noun == "writer") && b.namesSource(words) {
			// "in the Cookie Crumbled piece, why does the author think …":
			// the author of the piece the question names.
			return nil, ""
		}
		return nil, phrase
	}
	return nil, ""
}

// lastAuthor returns the author of the last answer's source, when the
// conversation spoke of that source, the pack names its author and pronoun
// kind fits them; or nil.
func (b *Base) lastAuthor(c Context, kind string) *Entity {
	f := b.factByID[first(c.Facts)]
	if f == nil || !slices.ContainsFunc(c.Entities, func(id string) bool { return b.idx.entityDoc[id] == f.Cite.Doc }) {
		return nil
	}
	for _, e := range b.entities {
		if e.Kind == KindPerson && b.idx.entityDoc[e.ID] == f.Cite.Doc && kindFits(e, kind) {
			return e
		}
	}
	return nil
}

// authorSpokenOf reports whether the last question asked of the author of
// a source that names none: "the author's main argument in the piece
// saying anger cannot be a policy".
func (b *Base) authorSpokenOf(c Context) bool {
	f := b.factByID[first(c.Facts)]
	if f == nil || b.sources[f.Cite.Doc] == nil || b.sources[f.Cite.Doc].Author != "" {
		return false
	}
	return slices.ContainsFunc(strings.Fields(c.Question), func(w string) bool {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "s'")
		return w == "author" || w == "writer" || w == "columnist"
	})
}

// citesDocument reports whether fact f names a document other than the
// one it comes from, as the FNF paper's summary of SIGAR's report does.
func (b *Base) citesDocument(f *Fact) bool {
	return slices.ContainsFunc(f.Entities, func(id string) bool {
		e := b.entityByID[id]
		return e != nil && e.Kind == KindDocument && b.idx.entityDoc[id] != f.Cite.Doc
	})
}

// namesSource reports whether words name a source document or its author.
func (b *Base) namesSource(words []string) bool {
	q := b.parse(strings.Join(words, " "))
	defer b.idx.release(q)
	return slices.ContainsFunc(q.links, func(l link) bool { return b.idx.entityDoc[l.entities[0].ID] != "" })
}

// personOrdinals point at a person by the place the last answer named
// them in: "the second guy".
var personOrdinals = map[string]int{"first": 0, "second": 1, "third": 2}

// nthPersonNamed returns the person the last answer's lead fact names n-th
// (from 0), in the order its text names them, or nil.
func (b *Base) nthPersonNamed(c Context, n int) *Entity {
	f := b.factByID[first(c.Facts)]
	if f == nil {
		return nil
	}
	text := strings.ToLower(f.Text)
	type named struct {
		e  *Entity
		at int
	}
	var people []named
	for _, id := range f.Entities {
		e := b.entityByID[id]
		if e == nil || e.Kind != KindPerson {
			continue
		}
		at := -1
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			if k := strings.Index(text, strings.ToLower(name)); k >= 0 && (at < 0 || k < at) {
				at = k
			}
		}
		if at >= 0 {
			people = append(people, named{e, at})
		}
	}
	slices.SortStableFunc(people, func(x, y named) int { return x.at - y.at })
	if n >= len(people) {
		return nil
	}
	return people[n].e
}

// roleAskedBefore returns, for a follow-up that asks only a name ("name?",
// "his name?"), the title the last question spoke of ("leader"), or "".
func roleAskedBefore(c Context, words []string) string {
	w := slices.DeleteFunc(slices.Clone(words), func(t string) bool {
		return t == "his" || t == "her" || t == "their" || t == "whats" || t == "what's" || t == "what" || t == "is" || t == "was" || t == "the" || t == "full"
	})
	if len(w) != 1 || w[0] != "name" && w[0] != "names" || c.Question == "" {
		return ""
	}
	for _, t := range strings.Fields(Normalize(c.Question)) {
		if roleNouns[t] {
			return t
		}
	}
	return ""
}

// saidWords are the stems and the entities a follow-up says, its pronouns
// named: what a reading of it asks, as against what it carries from the
// conversation.
type saidWords struct {
	stems    map[string]bool
	entities map[string]bool
	// result says the follow-up asks whether something worked ("did it
	// work?"), which its reading, ending in what it carries, no longer
	// shows.
	result bool
	// span says the follow-up names a time of its own.
	span bool
}

// saidIn returns the words said in own, a follow-up with its pronouns
// named.
func (b *Base) saidIn(own string) *saidWords {
	q := b.parse(Normalize(own))
	s := &saidWords{stems: map[string]bool{}, entities: map[string]bool{}, result: q.asksResult, span: q.hasSpan}
	for _, u := range q.units {
		if u.link != nil {
			for _, e := range u.link.entities {
				s.entities[e.ID] = true
			}
			continue
		}
		s.stems[u.stems[0]] = true
	}
	return s
}

// carriedShare is what a word a follow-up's reading carries from the
// conversation weighs, against one the follow-up says: "which provinces?"
// after the drone flights asks first of all for provinces, and the drone
// flights only say of what.
const carriedShare = 0.5

// weighCarried weighs the question's words and names that a follow-up did
// not say (said; nil for a question asked as typed) at carriedShare. A
// follow-up that counts the dead or wounded counts only them: "how many
// killed?" after the Chitral attack is not answered by the 200 who
// attacked, though the reading carries "attack" after the count.
func (q *query) weighCarried(ix *index, said *saidWords) {
	if said == nil {
		return
	}
	if q.hasSpan && !said.span && q.from.Day != 0 && q.from.Year == q.to.Year && q.from.Month == q.to.Month {
		// A day the reading carries dates the conversation's topic, not
		// what the follow-up asks of it: Bugti's count, after Kakar's of
		// his 8 October press conference, is of that October.
		q.from.Day, q.to.Day = 0, 0
	}
	if q.intent == IntentHowMany && len(q.counted) > 0 {
		if counted, plurals := q.countedWords(ix, said); slices.ContainsFunc(counted, func(s string) bool { return ix.casualtyStem(s) }) {
			q.counted, q.countedPlural = counted, plurals
		}
	}
	if said.result && !q.asksResult {
		// "did it work?" read as "did it work <what it carries>": it
		// asks what came of it, in whatever words.
		q.asksResult = true
		for k, u := range q.units {
			if u.link == nil && u.pos < len(q.toks) && resultAskWords[q.toks[u.pos]] {
				q.units[k].weight = 0 // the fact need not say "work"
			}
		}
	}
	for k := range q.units {
		u := &q.units[k]
		if u.link != nil {
			u.carried = !slices.ContainsFunc(u.link.entities, func(e *Entity) bool { return said.entities[e.ID] })
		} else {
			u.carried = !said.stems[u.stems[0]]
		}
		if u.carried {
			u.weight *= carriedShare
		}
	}
}

// asksWhich reports whether a question asks which thing, or what thing,
// rather than about a thing it names: "which group …", "what's the biggest
// threat to …".
func asksWhich(question string) bool {
	toks := strings.Fields(strings.Trim(Normalize(question), " ?!.,"))
	for k := 0; k < len(toks) && k <= whichPreamble; k++ {
		toks[k] = strings.ReplaceAll(strings.Trim(toks[k], ",;:"), "'", "") // "what's" is "whats"
		if k > 0 && toks[k] == "which" {
			return true // "in the Gul paper, which group …"
		}
		if isQuestionWord(toks[k]) {
			break
		}
	}
	if slices.ContainsFunc(toks[1:min(5, len(toks))], func(t string) bool { return claimNouns[t] }) {
		return false // "what's the argument of the piece": what it says, not a thing it names
	}
	return len(toks) > 1 && (toks[0] == "which" || (toks[0] == "what" || toks[0] == "whats") && slices.ContainsFunc(toks[1:min(3, len(toks))], func(t string) bool { return t == "is" || t == "was" || t == "the" || t == "are" }))
}

// claimNouns, asked for ("what's the argument of …"), ask what someone
// says, not which thing.
var claimNouns = setOf("argument arguments point points gist thesis conclusion conclusions message takeaway takeaways verdict case claim claims idea ideas view views take argue argues")

// whichPreamble is how many words may stand before "which" and leave it
// the question's: "in the Gul paper, which group …".
const whichPreamble = 6

// carriedKinds are the kinds of entity a follow-up takes from the last
// answer: what happened and where, not who reported it.
var carriedKinds = map[string]bool{KindEvent: true, KindOperation: true, KindPlace: true, KindCrossing: true, KindAgreement: true}

// carryEntities is how many of the last answer's specific entities a
// follow-up that names nothing new takes along.
const carryEntities = 2

// carryMaxWords bounds the follow-ups that take the last question's topic:
// a longer one says what it is about.
const carryMaxWords = 9

// withQuestionTopic is withTopicCarried of what the last question asked
// alone, none of what its answer named.
func (b *Base) withQuestionTopic(c Context, question string) string {
	c.Facts = nil
	return b.withTopicCarried(c, question)
}

// withTopicCarried adds to a short follow-up that names nothing new — no
// entity the conversation has not spoken of, and asks no timeline — what
// the last question was about: "how did the Taliban respond?" after the
// April 2022 strikes asks about those strikes, and "what changed in 2018?"
// after the TTP's first leader asks about the TTP.
func (b *Base) withTopicCarried(c Context, question string) string {
	if c.Question == "" || len(strings.Fields(question)) > carryMaxWords {
		return question
	}
	q := b.parse(question)
	if q.intent == IntentTimeline {
		return question
	}
	if q.asksResult && len(q.links) > 0 || q.asksFate && q.linkedPerson() != nil {
		return question // "did the ceasefire talks work", "what's happened to Hameed since then": what came of what it names
	}
	reacts := reactsToNothing(strings.Fields(question))
	if len(q.links) >= 2 && !reacts && isQuestionWord(first(q.toks)) && (slices.ContainsFunc(q.units, func(u unit) bool { return u.link == nil }) || slices.ContainsFunc(q.toks, func(t string) bool { return plainVerbs[t] })) {
		return question // "and when did the Taliban seize Kabul", "what does Russia want in Afghanistan": a whole question, with its own parties and verb
	}
	lastDoc := "" // (asked its gist, "and the author's bottom line?", a source is asked of itself)
	if f := b.factByID[first(c.Facts)]; f != nil && b.gistOf(q) == "" {
		lastDoc = f.Cite.Doc
	}
	for _, l := range q.links {
		for _, e := range l.entities {
			if lastDoc != "" && b.idx.entityDoc[e.ID] == lastDoc {
				continue // "what does the author think that shows": the last answer's source, asked of its topic
			}
			if !reacts && !slices.Contains(c.Entities, e.ID) && !b.idx.broad(e.ID) && !b.standsFor(q.toks[l.start:l.end], c.Entities) {
				return question // something new: a question of its own
			}
		}
	}
	thatAll := thatAsSubject(q.toks) // "why does that matter": all the last question asked
	pq := b.parse(Normalize(c.Question))
	have := map[string]bool{}
	for _, t := range q.toks {
		have[t] = true
	}
	var add []string
	var starts []int // where in add each thing carried starts
	group := func() {
		if len(add) > 0 && (len(starts) == 0 || starts[len(starts)-1] != len(add)) {
			starts = append(starts, len(add))
		}
	}
	keep := func(i int) {
		if t := pq.toks[i]; !have[t] && !b.idx.stop[t] {
			add = append(add, t)
			have[t] = true
		}
	}
	// "and who got injured?" after Balti's role in the covert operations
	// that killed him: someone else, in the operations, not Balti.
	otherPerson := q.intent == IntentWho && q.linkedPerson() == nil && slices.ContainsFunc(c.Entities, func(id string) bool {
		e := b.entityByID[id]
		return e != nil && (e.Kind == KindEvent || e.Kind == KindOperation)
	})
	for _, l := range pq.links {
		if b.idx.broad(l.entities[0].ID) && len(q.links) > 0 && !thatAll {
			continue // a broad one the follow-up may mean otherwise; with no name at all, or "that" for all the last question asked, it is all there is
		}
		if q.asksResult && inTimeClause(pq.toks, l.start) {
			continue // "did it work?" of backing the Taliban after the US invasion: of the backing, not of the invasion
		}
		if otherPerson && l.entities[0].Kind == KindPerson {
			continue
		}
		if q.linked(l.entities[0].ID) {
			continue // named again, maybe spelt right this time: "durand lin" adds nothing to "durand line"
		}
		group()
		if (pq.sourceToks[l.start] || pq.namesSource(b.idx, &l)) && !have["per"] {
			// "… per Ghosh" — "where did most of them happen?": still
			// per Ghosh, a source, not something the facts must name.
			add = append(add, "per")
			have["per"] = true
		}
		for i := l.start; i < l.end; i++ {
			keep(i)
		}
	}
	if thatAll {
		// "why does that matter?" after whether TTP attacks hit Chinese
		// nationals: "that" is what the last question asked about, all
		// of it, not only what it named.
		group()
		for i, t := range pq.toks {
			if !pq.inLink(i) && !b.idx.qwords[t] && !auxWordsAfterHead[t] {
				keep(i)
			}
		}
	}
	group()
	// "how did that war end" after who the Soviets installed in 1979: the
	// end came after the year the last question asked of.
	asksEnd := slices.ContainsFunc(q.toks, func(t string) bool { return endVerbs[t] })
	if !q.asksResult && !q.namesYear() && !asksEnd {
		// (What came of something came after it: "did it work?" of the
		// 2001 policy is not asked of 2001. A follow-up with a date of its
		// own asks of that date: "what happened to them after 2001" after
		// the 1980s exodus.)
		for i := range pq.toks {
			if !pq.spanToks[i] {
				continue
			}
			if i >= 3 && pq.toks[i-1] == "of" && (pq.toks[i-2] == "half" || pq.toks[i-2] == "quarter") && partOrdinals[pq.toks[i-3]] && !have[pq.toks[i-2]] {
				// "deaths?" after attacks in the first half of 2023: in
				// that half, not in all of 2023.
				add = append(add, "in", "the", pq.toks[i-3], pq.toks[i-2], "of")
				have[pq.toks[i-2]] = true
			}
			keep(i)
		}
	}
	group()
	// "how many militant attacks hit Pakistan in September 2023?" —
	// "deaths?": in those attacks. Only things done are a topic: "how many
	// people were killed" counts people, and the attack is the topic.
	n := countedNoun(c.Question)
	if k := slices.IndexFunc(n, func(t string) bool { return eventPlurals[t] }); k >= 0 {
		for _, t := range n[:k+1] {
			if !have[t] && !b.idx.stop[t] {
				add = append(add, t)
				have[t] = true
			}
		}
	}
	// What the last answer was about, where the question named less: "the
	// April 2022 strikes" were in Khost and Kunar. A question that named
	// what happened is about that, not about what the answer said of it
	// ("what triggered the March 2024 airstrikes": not the Mir Ali attack).
	namedEvent := slices.ContainsFunc(pq.links, func(l link) bool {
		k := l.entities[0].Kind
		return k == KindEvent || k == KindOperation || k == KindAgreement
	})
	if e := b.eventPointedAt(c, q.toks, pq); e != nil {
		// "how many died in those strikes" after Pakistan's response to
		// the Mir Ali attack: the strikes the answer spoke of, not the
		// attack the last question named.
		var own []string
		for _, t := range tokenize(e.Name) {
			if !slices.Contains(q.toks, t) && !slices.Contains(own, t) && !b.idx.stop[t] {
				own = append(own, t)
			}
		}
		return strings.TrimSpace(question + " " + strings.Join(own, " "))
	}
	var fromFact []string // the entities of the last answer carried
	if f := b.factByID[first(c.Facts)]; f != nil && !namedEvent && !thatAll {
		n := 0
		for _, id := range f.Entities {
			e := b.entityByID[id]
			if e == nil || b.idx.broad(id) || n == carryEntities || !carriedKinds[e.Kind] && !(e.Kind == KindConcept && b.pointsBack(q.toks)) {
				continue // a source's author or outlet is not what was asked about
			}
			if otherPerson && e.Kind == KindPerson {
				continue
			}
			if q.intent == IntentWhere && (e.Kind == KindPlace || e.Kind == KindCrossing) {
				// "where did he study" after Imtiaz Gul's think tank in
				// Islamabad: the place is what is asked, not the topic.
				continue
			}
			if q.asksResult && e.Kind != KindEvent && e.Kind != KindAgreement {
				// What came of something is asked of it, not of the places
				// or the operations its answer named: "did it work?" of
				// Pakistan's backing of the Taliban is not asked of Kabul
				// or of Enduring Freedom; of the ceasefires, it is.
				continue
			}
			if slices.ContainsFunc(pq.links, func(l link) bool { return l.entities[0].ID == id || l.entities[0].Within == id }) {
				continue // named, or holds a place named: Bajaur says more than Khyber Pakhtunkhwa
			}
			group()
			for _, t := range tokenize(e.Name) {
				if !have[t] && !b.idx.stop[t] {
					add = append(add, t)
					have[t] = true
				}
			}
			fromFact = append(fromFact, id)
			n++
			if n == 1 && id == f.Entities[0] && isDeed(e) {
				break // the answer was about an event: it is the topic, not the occasion or the place beside it
			}
		}
	}
	if len(add) == 0 {
		return question
	}
	carried := question + " " + strings.Join(add, " ")
	if b.namesOtherThan(carried, func(id string) bool { return q.linked(id) || pq.linked(id) || slices.Contains(fromFact, id) }) {
		// Words carried side by side may name something neither question
		// named: "pakistan" and "taliban" are the Pakistani Taliban. Kept
		// apart, they name what they named.
		var sb strings.Builder
		sb.WriteString(question)
		for k, t := range add {
			if k > 0 && slices.Contains(starts, k) {
				sb.WriteString(" and")
			}
			sb.WriteString(" " + t)
		}
		carried = sb.String()
	}
	return carried
}

// eventPointedAt returns the event or operation of the last answer that
// the question points at with "that", "those" and a word of its name
// ("those strikes" for the March 2024 airstrikes), when the last question
// did not name it; nil otherwise.
func (b *Base) eventPointedAt(c Context, toks []string, pq *query) *Entity {
	f := b.factByID[first(c.Facts)]
	if f == nil {
		return nil
	}
	return b.pointedEvent(toks, slices.DeleteFunc(slices.Clone(f.Entities), pq.linked))
}

// eventSpokenOf returns the event the conversation spoke of that the
// follow-up points at with "that", "this", "those" or "these" and a word
// of its name ("that meeting" for the Durrani–Muttaqi meeting), or nil.
func (b *Base) eventSpokenOf(c Context, toks []string) *Entity {
	return b.pointedEvent(toks, c.Entities)
}

// pointedEvent returns the first event or operation of ids that toks
// point at with "that", "those", "this" or "these" and a word of its name,
// or nil.
func (b *Base) pointedEvent(toks, ids []string) *Entity {
	for i, t := range toks[:max(len(toks)-1, 0)] {
		if t != "that" && t != "those" && t != "this" && t != "these" {
			continue
		}
		if bodyNouns[strings.Trim(toks[i+1], "?!.,'")] {
			continue // "that government" is the government, not its announcement
		}
		noun := b.idx.stem(strings.Trim(toks[i+1], "?!.,'"))
		for _, id := range ids {
			if e := b.entityByID[id]; e != nil && (e.Kind == KindEvent || e.Kind == KindOperation) && b.idx.nameHasStem(id, noun) {
				return e
			}
		}
	}
	return nil
}

// bodyNouns name a body that acts, which an event's name may hold ("the
// Taliban interim government announcement") but "that government" never
// points at the event by.
var bodyNouns = setOf("government governments regime administration cabinet")

// inTimeClause reports whether toks[i] stands in a clause that says when,
// a few words after "after", "before", "since" or "during": "after the
// 2001 US invasion".
func inTimeClause(toks []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-timeClauseReach; j-- {
		switch toks[j] {
		case "after", "before", "since", "during", "until":
			return true
		}
	}
	return false
}

// timeClauseReach is how many words before a name a word opening a time
// clause may stand: "after the 2001 US invasion".
const timeClauseReach = 3

// namesYear reports whether the question dates what it asks with a year
// of its own: "after 2001" does; "in December alone" leaves the year to
// what came before, and "the increase from 2020" compares with 2020.
func (q *query) namesYear() bool {
	for i := range q.spanToks {
		if isYear(q.toks[i]) && (i == 0 || !comparedWith[q.toks[i-1]]) {
			return true
		}
	}
	return false
}

// eventOfOtherTime reports whether e is an event, operation or agreement
// that began years away from the year the follow-up q names: a follow-up
// with a time of its own is not asked of it.
func (b *Base) eventOfOtherTime(q *query, e *Entity) bool {
	if !q.namesYear() || e.Kind != KindEvent && e.Kind != KindOperation && e.Kind != KindAgreement {
		return false
	}
	at := b.firstDated(e)
	return at.Year != 0 && abs(at.Year-q.from.Year) > eventYearReach
}

// withoutOtherTimes returns question without the names of the events it
// asks of that began years away from the year follow-up q names: "did most
// go back after the Soviet invasion" — "and after Kabul fell in 2021?" is
// asked of 2021 alone.
func (b *Base) withoutOtherTimes(question string, q *query) string {
	if !q.namesYear() {
		return question
	}
	pq := b.parse(Normalize(question))
	defer b.idx.release(pq)
	drop := make([]bool, len(pq.toks))
	any := false
	for _, l := range pq.links {
		if b.eventOfOtherTime(q, l.entities[0]) {
			for i := l.start; i < l.end; i++ {
				drop[i] = true
			}
			any = true
		}
	}
	if !any {
		return question
	}
	var out []string
	for i, t := range pq.toks {
		if !drop[i] && !(t == "and" && (i+1 == len(pq.toks) || drop[i+1] || i > 0 && drop[i-1])) {
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

// eventYearReach is how many years from the year a follow-up names an
// event the last question asked of may have begun and still be what the
// follow-up asks of: the ceasefire talks of 2021 are asked of "in 2022".
const eventYearReach = 3

// comparedWith, before a year, make it what a figure is set against, not
// when it is asked of: "the increase from 2020", "up on 2022".
var comparedWith = setOf("from than vs versus on over")

// thatAsSubject reports whether "that" or "this", right after an
// auxiliary, is what a question asks the weight of: "why does that
// matter", "what did that mean for Pakistan", "why is this significant".
// It stands for what the last question asked about.
func thatAsSubject(toks []string) bool {
	for i := 1; i+1 < len(toks); i++ {
		if (toks[i] == "that" || toks[i] == "this") && auxWordsAfterHead[toks[i-1]] && weightWords[toks[i+1]] {
			return true
		}
		if thatShownAt(toks, i) {
			return true // "what does the author think that shows"
		}
	}
	return false
}

// thatShownAt reports whether toks[i] is a "that" or "this" whose meaning
// a question asks a source's view of: "what does the author think that
// shows".
func thatShownAt(toks []string, i int) bool {
	return i > 0 && i+1 < len(toks) && (toks[i] == "that" || toks[i] == "this") && opinionVerbs[toks[i-1]] && showVerbs[toks[i+1]]
}

// opinionVerbs and showVerbs, around "that", ask what something said
// shows: "what does Ghosh think that says about the Taliban".
var (
	opinionVerbs = setOf("think thinks say says reckon believe feel")
	showVerbs    = setOf("shows show showed says say said reveals reveal revealed tells tell told suggests suggest signals signal proves prove indicates indicate")
)

// weightWords ask what something means or why it counts.
var weightWords = setOf("matter matters mattered mean means meant important significant signify concern worrying")

// pointsBack reports whether toks point at what was said with "that",
// "this" or "those" before a word of substance: "how should Pakistan use
// that leverage" asks of the leverage the last answer spoke of, and a
// concept it named (transit trade) is carried as a place or an event is.
// ("saying that for years": "that" is what was said, no pointer.)
func (b *Base) pointsBack(toks []string) bool {
	for i, t := range toks[:max(len(toks)-1, 0)] {
		if (t == "that" || t == "this" || t == "those" || t == "these") && !b.idx.stop[toks[i+1]] {
			return true
		}
	}
	return false
}

// namesOtherThan reports whether question names an entity that is not
// named.
func (b *Base) namesOtherThan(question string, named func(id string) bool) bool {
	r := b.parse(Normalize(question))
	defer b.idx.release(r)
	for _, l := range r.links {
		for _, e := range l.entities {
			if !named(e.ID) {
				return true
			}
		}
	}
	return false
}

// clarifyLeads open a message that says whom a question asked back about
// meant: "i mean Durrani".
var clarifyLeads = [][]string{{"i", "mean"}, {"i", "meant"}, {"i", "m", "asking", "about"}, {"meaning"}, {"sorry"}, {"ok"}}

// clarified returns the question durand asked back about (c.Asked) with
// its pronoun replaced by what toks name — "what did he say about it?",
// then "i mean Iftikhar Firdous, on the Taliban policy" — or "" when
// nothing was asked back, or toks ask a question of their own.
func (b *Base) clarified(c Context, toks []string) string {
	if c.Asked == "" || len(toks) == 0 {
		return ""
	}
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		if w := strings.Trim(t, "?!.,;:\"-–—"); w != "" {
			words = append(words, w)
		}
	}
	for _, lead := range clarifyLeads {
		if len(words) > len(lead) && slices.Equal(words[:len(lead)], lead) {
			words = words[len(lead):]
			break
		}
	}
	words = withoutCorrectionWords(words) // "Faiz i mean", "Durrani, sorry"
	if len(words) == 0 || isQuestionWord(words[0]) || auxWordsAfterHead[words[0]] || words[0] == "and" {
		return "" // "who is Najiba Faiz?", "and Russia?": a question of its own
	}
	if kind, ok := pronounKind[first(strings.Fields(c.Pronoun))]; ok {
		q := b.parse(strings.Join(words, " "))
		misfit := len(q.links) > 0 && !slices.ContainsFunc(q.links, func(l link) bool { return kindFits(l.entities[0], kind) })
		b.idx.release(q)
		if misfit {
			return "" // "Russia" is not who "his" is
		}
	}
	asked := strings.Fields(c.Asked)
	for i, w := range asked {
		if strings.Trim(w, "?!.,;:\"") == first(strings.Fields(c.Pronoun)) {
			end := i + len(strings.Fields(c.Pronoun))
			if possessivePronouns[strings.Trim(w, "?!.,;:\"")] && !strings.HasSuffix(words[len(words)-1], "'s") {
				// "what was his job" — "Faiz": Faiz's job.
				words = append(words[:len(words)-1:len(words)-1], words[len(words)-1]+"'s")
			}
			return strings.Join(slices.Concat(asked[:i], words, asked[end:]), " ")
		}
	}
	return ""
}

// correctionWords, at either end of a short message, say that it corrects
// the last one: "Durrani, sorry", "sorry, Bugti", "Faiz i mean".
var correctionWords = [][]string{{"sorry"}, {"i", "mean"}, {"i", "meant"}, {"oops"}}

// withoutCorrectionWords returns words without the words that say a
// message corrects the last one, at its start or its end, when a word is
// left; words itself is left as it was.
func withoutCorrectionWords(words []string) []string {
	for _, c := range correctionWords {
		if len(words) > len(c) && slices.Equal(words[len(words)-len(c):], c) {
			words = words[:len(words)-len(c)]
		}
		if len(words) > len(c) && slices.Equal(words[:len(c)], c) {
			words = words[len(c):]
		}
	}
	return words
}

// partyNouns, after a party's name, ask how it met what was spoken of:
// "Mujahid's take", "the Taliban's reaction", "Kabul's response". (A
// party's angle is what it is after, not how it reacted.)
var partyNouns = setOf("take reaction reactions response responses view views stance position line verdict")

// partyStance reports whether words are only a party's stance asked, "the
// Taliban's reaction", and returns the party's words ("the taliban").
func (b *Base) partyStance(words []string) (string, bool) {
	if len(words) < 2 || len(words) > 4 || !partyNouns[words[len(words)-1]] {
		return "", false
	}
	owner := slices.Clone(words[:len(words)-1])
	owner[len(owner)-1] = strings.TrimSuffix(owner[len(owner)-1], "'s")
	q := b.parse(strings.Join(owner, " "))
	if len(q.links) != 1 || q.links[0].end != len(q.toks) || q.links[0].start > 1 {
		return "", false
	}
	switch e := q.links[0].entities[0]; e.Kind {
	case KindPerson, KindGroup, KindOrganisation, KindPlace:
		if e.Kind == KindPlace && !b.idx.statePlace(e.ID) {
			return "", false // "the Durand Line's angle" is no one's
		}
		return strings.Join(owner, " "), true
	}
	return "", false
}

// asksStance reports whether question asks what someone said or thinks:
// "what did Kakar say about the TTP", "what was Maas's position".
func (b *Base) asksStance(question string) bool {
	q := b.parse(Normalize(question))
	return q.intent == IntentStatement || slices.ContainsFunc(q.toks, func(t string) bool { return stanceNouns[t] || partyNouns[t] })
}

// withNewSubject reads "what about the TTP?" and "and Bugti?" as the last
// question asked of something else.
func (b *Base) withNewSubject(c Context, words []string) (string, bool) {
	if c.Question == "" {
		return "", false
	}
	words = withoutCorrectionWords(words)
	rest := words
	for _, lead := range followLeads {
		if len(words) > len(lead) && slices.Equal(words[:len(lead)], lead) {
			rest = words[len(lead):]
			break
		}
	}
	if len(rest) == len(words) && len(words) > 3 {
		return "", false // not "what about …", and more than a bare name
	}
	if slices.ContainsFunc(rest, isQuestionWord) {
		return "", false // "and how did the TTP react": a question of its own
	}
	if q, ok := otherHolderAsked(c.Question, rest); ok {
		return q, true
	}
	if len(rest) >= 2 && (rest[0] == "his" || rest[0] == "her" || rest[0] == "their" || rest[0] == "its") {
		return "", false // "and his books?": the pronoun names whose, below
	}
	if party, ok := b.partyStance(rest); ok && !b.asksStance(c.Question) {
		// "mujahid's take?", "and the Taliban's reaction?": how that
		// party met what the conversation is about, however new to it.
		// (After what Kakar said, "and Bugti's view?" is that question
		// of Bugti, below.)
		return b.withTopicCarried(c, "how did "+party+" react"), true
	}
	if len(rest) > 2 && rest[0] == "back" && timeWords[rest[1]] {
		rest = rest[1:] // "and back in the Soviet war?": in it
	}
	if len(rest) < len(words) && len(rest) > 0 && (timeWords[rest[0]] || rest[0] == "under" && len(rest) > 1 || rest[0] == "for" && slices.ContainsFunc(rest, isTimeWord)) {
		// "and during the Soviet invasion?": the last question, of
		// another time. "And under Ghani?" is of his time in power.
		prev := strings.Fields(c.Question)
		for i := len(prev) - 1; i > 0; i-- {
			if timeWords[prev[i]] && (prev[i] != "in" || i+1 < len(prev) && (prev[i+1] == "the" || isTimeWord(prev[i+1]))) {
				prev = prev[:i] // ("live in Pakistan" is no time)
				break
			}
		}
		tq := b.parse(strings.Join(rest, " "))
		defer b.idx.release(tq)
		return b.withoutOtherTimes(strings.Join(prev, " "), tq) + " " + strings.Join(rest, " "), true
	}
	if len(rest) > 1 && len(rest) < len(words) && topicLeads[rest[0]] {
		// "and about the deportations?" after "what did Mujahid say when
		// Pakistan accused Kabul": the same question of another topic, in
		// place of what it was about.
		// ("how did Mujahid respond to Pakistan's accusations" — "and on
		// the deportations?": how he responded on them.)
		prev := strings.Fields(c.Question)
		for i := 2; i < len(prev); i++ {
			if topicLeads[prev[i]] || prev[i] == "when" || prev[i] == "to" && reactionWords[prev[i-1]] {
				prev = prev[:i]
				break
			}
		}
		return strings.Join(append(prev, rest...), " "), true
	}
	if len(rest) == 1 && (rest[0] == "theirs" || rest[0] == "his" || rest[0] == "hers") {
		// "and theirs?" after "what were Pakistan's demands on the TTP":
		// the party acted on, as the one acting (withOwnDoer passes over
		// the one that acted).
		pq := b.parse(Normalize(c.Question))
		for _, l := range pq.links {
			if kindFits(l.entities[0], pronounKind[rest[0]]) {
				own := append(slices.Clone(pq.toks[l.start:l.end]), "own")
				if q, ok := b.withOwnDoer(c, own, b.parse(strings.Join(own, " "))); ok {
					return q, true
				}
			}
		}
	}
	rq := b.parse(strings.Join(rest, " "))
	if q, ok := b.withOwnDoer(c, rest, rq); ok {
		return q, true
	}
	if rs, re, ok := rq.titleSpan(); ok && len(rq.links) == 0 {
		// "and the interior minister?" after "who is the Taliban's
		// defence minister": the same question of the other post.
		pq := b.parse(Normalize(c.Question))
		if ps, pe, ok := pq.titleSpan(); ok {
			for rs > 0 && !b.idx.stop[rq.toks[rs-1]] {
				rs-- // "the spiritual leader": every word before the noun
			}
			out := append(slices.Clone(pq.toks[:ps]), rq.toks[rs:re+1]...)
			return strings.Join(append(out, pq.toks[pe+1:]...), " "), true
		}
	}
	if rs, re, ok := rq.titleSpan(); ok && re == len(rq.toks)-1 && !slices.ContainsFunc(rq.links, func(l link) bool { return l.end > rs }) {
		// (A name before the post owns it: "and the Taliban PM?"; a word
		// after it asks something of its own: "and the PM's figure?")
		pq := b.parse(Normalize(c.Question))
		for rs > 0 && !b.idx.stop[rq.toks[rs-1]] {
			rs--
		}
		for _, l := range pq.links {
			if l.entities[0].Kind != KindPerson {
				continue
			}
			// "how did Mujahid react to the eviction order" — "and the
			// defence minister?": the same question of whoever holds
			// that post, in the person's place.
			start := l.start
			for start > 0 && (roleNouns[pq.toks[start-1]] || titleModifiers[pq.toks[start-1]]) && !pq.inLink(start-1) {
				start--
			}
			out := append(append(slices.Clone(pq.toks[:start]), "the"), rq.toks[rs:re+1]...)
			return strings.Join(append(out, pq.toks[l.end:]...), " "), true
		}
	}
	covered := 0 // the words a name covers, as counted in named
	for _, l := range rq.links {
		for _, t := range rq.toks[l.start:l.end] {
			if !b.idx.stop[t] {
				covered++ // ("the Taliban's reaction": "the" is no word of the name's)
			}
		}
	}
	named := 0
	for _, t := range rq.toks {
		if !b.idx.stop[t] {
			named++
		}
	}
	for _, t := range rq.toks {
		if entityNouns[t] {
			named-- // "ACC holders" names the card's holders
		}
	}
	if slices.ContainsFunc(rq.links, func(l link) bool { return l.entities[0].Kind == KindPerson }) {
		for k, t := range rq.toks {
			if !rq.inLink(k) && !entityNouns[t] && (roleNouns[t] || titleModifiers[t] || postWords[t]) {
				named-- // "and the former spy chief, Faiz Hameed?": his post, said with his name
			}
		}
	}
	if len(rq.links) == 0 || covered < named {
		if n := countedNoun(c.Question); len(rest) == 1 && len(rq.links) == 0 && len(n) >= 2 && rest[0] != n[len(n)-1] && countModifiers[rest[0]] {
			// "how many registered Afghans …" — "undocumented?": the
			// undocumented ones.
			return strings.Replace(c.Question, strings.Join(n, " "), rest[0]+" "+strings.Join(n[1:], " "), 1), true
		}
		if k := slices.IndexFunc(rest, func(t string) bool { return figureNouns[t] }); named > 0 && k > 0 && k == len(rest)-1 && (len(rest) < len(words) || strings.HasSuffix(rest[k-1], "'s")) {
			// "and Bugti's number?", "bugti's number?" after Kakar's
			// figures: the figure Bugti gave.
			who := strings.TrimSuffix(strings.Join(rest[:k], " "), "'s")
			return b.withTopicCarried(c, "what figure did "+who+" give"), true
		}
		if len(rest) == len(words) || named == 0 {
			return "", false
		}
		if last := rest[len(rest)-1]; (last == "ones" || last == "one") && len(rest) >= 2 {
			if n := countedNoun(c.Question); len(n) >= 2 {
				// "how many registered Afghans …" — "and undocumented
				// ones?": undocumented Afghans.
				mod := strings.Join(rest[:len(rest)-1], " ")
				return strings.Replace(c.Question, strings.Join(n, " "), mod+" "+strings.Join(n[1:], " "), 1), true
			}
		}
		if q, ok := b.withDescribedPerson(c, rest, rq); ok && len(rest) < len(words) {
			return q, true
		}
		if owned := ownedThing(rest, b.idx.stop); owned || slices.ContainsFunc(rest, func(t string) bool { return attributeNouns[t] || stanceNouns[t] }) {
			// "and the length of the border?", "and Lieven's take?": a
			// question of its own, about what the last one was about.
			// (A party's own thing is asked of what the last question
			// asked, not of what its answer named: "and Pakistan's
			// demands?" after the TTP's conditions, which include the old
			// FATA, asks nothing of FATA. A reaction is to what the
			// answer told.)
			if owned && !slices.ContainsFunc(rest, func(t string) bool { return attributeNouns[t] || stanceNouns[t] || partyNouns[t] }) {
				return b.withQuestionTopic(c, "what is "+strings.Join(rest, " ")), true
			}
			return b.withTopicCarried(c, "what is "+strings.Join(rest, " ")), true
		}
		if q, ok := b.withTopicSwapped(c, rest); ok && len(rest) < len(words) {
			return q, true
		}
		if len(rq.links) == 0 && len(rest) < len(words) {
			// "what did Shaheen say about where TTP attacks come from" —
			// "and the evictions?": what he said about them, in place of
			// what he was asked about.
			prev := strings.Fields(c.Question)
			for i := 3; i+1 < len(prev); i++ {
				if prev[i] == "about" && speechWords[prev[i-1]] {
					return strings.Join(append(prev[:i+1:i+1], rest...), " "), true
				}
			}
		}
		// "and suicide attacks?": the last question, of this as well.
		var add []string
		for _, t := range rest {
			if t != "ones" && t != "one" {
				add = append(add, t)
			}
		}
		if strings.HasPrefix(c.Question, "when ") && len(rest) < len(words) {
			// "when did the US strike bin Laden's camps" — "and the UN
			// sanctions?": when they were, not the strikes again.
			return "when " + strings.Join(add, " "), true
		}
		return b.withoutOtherTimes(c.Question, rq) + " " + strings.Join(add, " "), true
	}
	x := rq.links[0].entities[0]
	pq := b.parse(Normalize(c.Question))
	pick, sameKind := -1, false
	for i, l := range pq.links {
		if e := l.entities[0]; e.Kind == x.Kind {
			pick, sameKind = i, true // the same kind of thing: "and Bugti?" after Kakar
			break
		} else if pick < 0 && !b.idx.broad(e.ID) {
			pick = i
		}
	}
	capital := len(b.idx.lex.capitals[strings.Join(rq.toks[rq.links[0].start:rq.links[0].end], " ")]) > 0
	if q, ok := reactorSwapped(pq.toks, rest); ok && (capital || x.Kind == KindGroup || x.Kind == KindOrganisation || x.Kind == KindPerson) {
		// "how did Pakistani rights groups react to the expulsion
		// decision" — "what about Kabul?": how Kabul reacted to it.
		return q, true
	}
	if !sameKind && !capital && len(rest) < len(words) && (x.Kind == KindPlace || x.Kind == KindConcept) && slices.ContainsFunc(pq.links, func(l link) bool {
		k := l.entities[0].Kind
		return k == KindGroup || k == KindPerson || k == KindOrganisation
	}) {
		// "and the Durand Line?" after whom the TTP pledge allegiance
		// to: a place is no party to swap in; what the conversation's
		// parties have to do with it.
		// A party is carried when some fact speaks of it and the place
		// together ("the Taliban regard the Durand Line as…").
		q := strings.Join(rest, " ")
		for _, l := range pq.links {
			if k := l.entities[0].Kind; (k == KindGroup || k == KindPerson || k == KindOrganisation) && b.spokenOfTogether(x.ID, l.entities[0].ID) {
				q += " " + strings.Join(pq.toks[l.start:l.end], " ")
			}
		}
		if q == strings.Join(rest, " ") {
			return b.withTopicCarried(c, q), true
		}
		return q, true
	}
	if pick < 0 {
		if len(pq.links) == 0 {
			return "", false
		}
		pick = 0
	}
	l := pq.links[pick]
	start := l.start
	if x.Kind == KindPerson && l.entities[0].Kind == KindPerson {
		// "what happened to TTP spokesman Khalid Balti" — "and Mufti
		// Burjan?": Burjan's title is not Balti's.
		for start > 0 && (roleNouns[pq.toks[start-1]] || titleModifiers[pq.toks[start-1]]) && !pq.inLink(start-1) {
			start--
		}
	}
	out := append(slices.Clone(pq.toks[:start]), rq.toks...)
	out = append(out, pq.toks[l.end:]...)
	return b.withoutOtherTimes(strings.Join(out, " "), rq), true
}

// unknownAlone returns, capitalised, the one word a follow-up such as
// "and Chaman?" or "what about zhob" names when the pack never uses it and
// it corrects to nothing; "" otherwise.
func (b *Base) unknownAlone(toks []string) string {
	var rest []string
	for _, t := range toks {
		if t = strings.Trim(t, "?!.,;:'\""); t != "" {
			rest = append(rest, t)
		}
	}
	for _, lead := range followLeads {
		if len(rest) > len(lead) && slices.Equal(rest[:len(lead)], lead) {
			rest = rest[len(lead):]
			break
		}
	}
	if len(rest) > 0 && rest[0] == "the" {
		rest = rest[1:]
	}
	if len(rest) != 1 || !b.mayNamePlace(rest[0]) {
		return "" // ("and afterwards?" asks the last question again)
	}
	q := b.parse(rest[0])
	defer b.idx.release(q)
	if len(q.links) > 0 || len(q.units) != 1 || q.units[0].known || q.edits > 0 || q.intent != IntentFact && q.intent != IntentDefine {
		return ""
	}
	return upperFirst(rest[0])
}

// asksOfPlace reports whether question names a place or a crossing more
// specific than a country.
func (b *Base) asksOfPlace(question string) bool {
	if question == "" {
		return false
	}
	q := b.parse(Normalize(question))
	defer b.idx.release(q)
	return slices.ContainsFunc(q.links, func(l link) bool {
		e := l.entities[0]
		return (e.Kind == KindPlace || e.Kind == KindCrossing) && !b.idx.broad(e.ID)
	})
}

// namesOtherHolder reports whether text names two holders of posts or
// more ("chaired by the prime minister, with the army chief present"):
// asked who else was there, it may say.
func namesOtherHolder(text string) bool {
	n := 0
	for _, t := range tokenize(text) {
		if roleNouns[t] {
			n++
		}
	}
	return n >= 2
}

// otherHolderAsked reads "current one?" or "and the latest one?" after
// "who was the TTP's first leader" as the same post asked of another time:
// "who was the TTP's current leader".
func otherHolderAsked(question string, rest []string) (string, bool) {
	if len(rest) > 0 && rest[0] == "the" {
		rest = rest[1:]
	}
	if len(rest) != 2 || rest[1] != "one" || !(currentWords[rest[0]] || ordinalWord(rest[0]) || holderTimes[rest[0]]) {
		return "", false
	}
	prev := strings.Fields(question)
	for i, w := range prev {
		if !roleNouns[w] {
			continue
		}
		if i > 0 && (currentWords[prev[i-1]] || ordinalWord(prev[i-1]) || holderTimes[prev[i-1]]) {
			prev[i-1] = rest[0] // "first leader": "current leader"
			return strings.Join(prev, " "), true
		}
		return strings.Join(slices.Concat(prev[:i], rest[:1], prev[i:]), " "), true
	}
	return "", false
}

// holderTimes, before a post, say which of its holders: "the previous
// chief", "the new one".
var holderTimes = setOf("previous former new next founding incoming outgoing")

// reactorSwapped reads a question of how someone reacted ("how did the
// HRCP react to the expulsions") as the same question of party instead,
// party's words in the reacting one's place.
func reactorSwapped(toks, party []string) (string, bool) {
	if len(toks) < 4 || toks[0] != "how" || !auxWords[toks[1]] {
		return "", false
	}
	for k := 3; k < len(toks); k++ {
		if reactionVerbs[toks[k]] {
			return strings.Join(slices.Concat(toks[:2], party, toks[k:]), " "), true
		}
	}
	return "", false
}

// withTopicSwapped reads "and the drones?" after "what did Mujahid say on
// the March 2024 airstrikes" as the same question of the drones: the last
// question ended on an event after "on" or "about", and the follow-up
// names another thing in its place.
func (b *Base) withTopicSwapped(c Context, rest []string) (string, bool) {
	pq := b.parse(Normalize(c.Question))
	defer b.idx.release(pq)
	if len(pq.links) == 0 {
		return "", false
	}
	l := pq.links[len(pq.links)-1]
	if k := l.entities[0].Kind; l.end != len(pq.toks) || k != KindEvent && k != KindOperation {
		return "", false
	}
	at := l.start - 1
	for at > 0 && (pq.toks[at] == "the" || pq.spanToks[at]) {
		at--
	}
	if at < 2 || !topicLeads[pq.toks[at]] {
		return "", false
	}
	return strings.Join(append(slices.Clone(pq.toks[:at+1]), rest...), " "), true
}

// timelineSpan returns the words that give the span of question, "in the
// 90s", when it asks for a timeline over a span; nil otherwise.
func (b *Base) timelineSpan(question string) []string {
	if question == "" {
		return nil
	}
	q := b.parse(Normalize(question))
	defer b.idx.release(q)
	if q.intent != IntentTimeline || !q.hasSpan || q.from.Year == q.to.Year {
		return nil
	}
	var span []string
	for i, t := range q.toks {
		if q.spanToks[i] {
			span = append(span, t)
		}
	}
	if len(span) > 0 && !timeWords[span[0]] {
		span = append([]string{"in"}, span...)
	}
	return span
}

// thatTimes are the phrases that put a follow-up at the time of the last
// answer: "who was PM at that point?".
var thatTimes = [][]string{{"at", "that", "point"}, {"at", "that", "time"}, {"at", "the", "time"}, {"back", "then"}, {"by", "then"}, {"at", "that", "stage"},
	{"during", "that", "stretch"}, {"during", "that", "period"}, {"during", "that", "time"}, {"in", "that", "period"}, {"over", "that", "period"}}

// withThatTime puts the last answer's date in place of a phrase that
// points at it ("at that point"), so the follow-up asks of that time.
func (b *Base) withThatTime(c Context, words []string) ([]string, bool) {
	f := b.factByID[first(c.Facts)]
	if f == nil || f.Date.IsZero() {
		return nil, false
	}
	for i := range words {
		for _, p := range thatTimes {
			if i+len(p) <= len(words) && slices.Equal(words[i:i+len(p)], p) {
				when := strings.Fields(strings.ToLower("in " + f.Date.Start.String()))
				if span := b.timelineSpan(c.Question); len(span) > 0 {
					// "why did Pakistan back them back then?" after the
					// Taliban's rise in the 90s: then is the 90s, not the
					// first entry's year.
					when = span
				}
				return slices.Concat(words[:i], when, words[i+len(p):]), true
			}
		}
		if i > 0 && (words[i-1] == "that" || words[i-1] == "same") {
			// "that year's suicide bombings", "that month": of the last
			// answer's year, or month.
			y := strconv.Itoa(f.Date.Start.Year)
			switch words[i] {
			case "year's", "years":
				return slices.Concat(words[:i-1], []string{y}, words[i+1:]), true
			case "year":
				return slices.Concat(words[:i-1], []string{"in", y}, words[i+1:]), true
			case "month", "month's", "months":
				if m := f.Date.Start.Month; m >= 1 && m <= 12 {
					when := []string{strings.ToLower(time.Month(m).String()), y}
					if words[i] == "month" {
						when = append([]string{"in"}, when...)
					}
					return slices.Concat(words[:i-1], when, words[i+1:]), true
				}
			}
		}
		if words[i] == "year" && i >= 3 && words[i-1] == "the" && words[i-2] == "of" && yearParts[words[i-3]] {
			// "and the first half of the year?": of the last answer's
			// year.
			return slices.Concat(words[:i-1], []string{strconv.Itoa(f.Date.Start.Year)}, words[i+1:]), true
		}
		if _, ok := monthByName[words[i]]; ok && i > 0 && (words[i-1] == "that" || words[i-1] == "this") && f.Date.Start.Year != 0 {
			// "what else happened that april": in April of the last
			// answer's year.
			when := []string{"in", words[i], strconv.Itoa(f.Date.Start.Year)}
			return slices.Concat(words[:i-1], when, words[i+1:]), true
		}
		if _, ok := seasonMonths[words[i]]; ok && i > 0 && (words[i-1] == "that" || words[i-1] == "this") {
			// "what else happened that spring": in the spring of the last
			// answer's year.
			when := []string{"in", words[i], strconv.Itoa(f.Date.Start.Year)}
			return slices.Concat(words[:i-1], when, words[i+1:]), true
		}
	}
	return nil, false
}

// yearParts, before "of the year", name a part of the year meant: the
// year spoken of.
var yearParts = setOf("half quarter rest end start beginning middle course")

// reactionWords, before "to", say what is reacted to: "respond to the
// accusations".
var reactionWords = setOf("respond responded responds react reacted reacts reply replied replies reaction response")

// topicLeads open what a question is about: "what did he say about the
// TTP", "his view on the fence".
var topicLeads = setOf("about on regarding")

// withOwnDoer reads "and the TTP's own terms?" or "and the TTP's
// conditions?" after "what does Pakistan demand of the TTP" as the last
// question with the parties swapped: "what does the TTP demand". The party
// named before "own", or as the owner of what is asked, acts in place of
// the one that did, and is no longer what is acted on.
func (b *Base) withOwnDoer(c Context, rest []string, rq *query) (string, bool) {
	if len(rq.links) == 0 {
		return "", false
	}
	x := rq.links[0]
	own := slices.Contains(rest, "own")
	if !own && (b.possessor(strings.Join(rest, " "), rq) != &rq.links[0] ||
		slices.ContainsFunc(rest, func(t string) bool { return attributeNouns[t] || stanceNouns[t] })) {
		return "", false // ("and Kabul's reaction?": a question of its own, about what was last spoken of)
	}
	pq := b.parse(Normalize(c.Question))
	d := pq.doer
	poss := false // the doer was named as an owner: "Pakistan's demands"
	if d == nil {
		d = b.possessor(c.Question, pq) // "what were Pakistan's demands on the TTP"
		poss = d != nil
	}
	if d == nil || slices.ContainsFunc(d.entities, func(e *Entity) bool { return containsEntity(x.entities, e) }) {
		return "", false
	}
	if !own && !slices.ContainsFunc(pq.links, func(l link) bool {
		return slices.ContainsFunc(l.entities, func(e *Entity) bool { return containsEntity(x.entities, e) })
	}) {
		// "and Bugti's number?" after Kakar's: a party the last question
		// did not speak of is swapped in for the one it did, not read as
		// acting on it.
		return "", false
	}
	var out []string
	for i := 0; i < len(pq.toks); i++ {
		if i == d.start {
			name := slices.Clone(rq.toks[x.start:x.end])
			if e := x.entities[0]; e.Abbr != "" {
				name = []string{strings.ToLower(e.Abbr)} // "the TTP": its full name holds "Pakistan", which would read as the other party
			}
			if poss {
				name[len(name)-1] += "'s" // "the TTP's demands", not "TTP demands", which a name ending "Pakistan" misreads
			}
			out = append(out, name...)
			i = d.end - 1
			continue
		}
		if l := pq.linkAt(i); l != nil && slices.ContainsFunc(l.entities, func(e *Entity) bool { return containsEntity(x.entities, e) }) {
			for len(out) > 0 && (out[len(out)-1] == "the" || objectFollowers[out[len(out)-1]]) {
				out = out[:len(out)-1] // "of the TTP" goes whole
			}
			i = l.end - 1
			continue
		}
		out = append(out, pq.toks[i])
	}
	return strings.Join(out, " "), true
}

// possessor returns the link of q (parsed from question) whose name the
// question writes as a possessive ("Pakistan's demands"), or nil.
func (b *Base) possessor(question string, q *query) *link {
	for _, w := range strings.Fields(Normalize(question)) {
		w = strings.Trim(w, "?!.,;:")
		name, ok := strings.CutSuffix(w, "'s")
		for k := range q.links {
			l := &q.links[k]
			if ok && q.toks[l.end-1] == name {
				return l
			}
			if !ok && q.toks[l.end-1] == w && strings.HasSuffix(w, "s") && !strings.HasSuffix(strings.ToLower(l.entities[0].Name), "s") {
				return l // "pakistans demands", the apostrophe left out
			}
		}
	}
	return nil
}

// attributeNouns ask for a measure, a name or an outcome of something:
// "and the length of the border?", "and the army's response?" are
// questions of their own, about what was last spoken of.
var attributeNouns = setOf("length number size population date name toll figure cost area distance age share percentage count total budget " +
	"response reaction outcome result results consequence consequences impact aftermath reason reasons role position stance view")

// countModifiers, alone as a follow-up to a count, ask the count of the
// others: "undocumented?" after registered Afghans.
var countModifiers = setOf("registered undocumented documented illegal legal unregistered civilian civilians military suicide")

// figureNouns ask for a figure someone gave: "and Bugti's number?".
var figureNouns = setOf("number numbers figure figures count tally estimate")

// entityNouns may follow a name without making it a question of its own:
// "and ACC holders?", "and the TTP's members?".
var entityNouns = setOf("holders holder card cards members member people fighters leaders leader")

// withDescribedPerson reads "and the official quoted by Dawn?" after
// "what did the HRCP say about the expulsion order" as the same question of
// the one described: someone who names no one, put in the place of the
// party the last question asked of, which it opened with.
func (b *Base) withDescribedPerson(c Context, rest []string, rq *query) (string, bool) {
	if len(rest) < 2 || rest[0] != "the" || !personNouns[rest[1]] && !roleNouns[rest[1]] ||
		slices.ContainsFunc(rq.links, func(l link) bool { return l.start <= 1 || l.entities[0].Kind == KindPerson }) {
		return "", false // ("quoted by Dawn" may name the paper, not the person)
	}
	pq := b.parse(Normalize(c.Question))
	defer b.idx.release(pq)
	for _, l := range pq.links {
		if k := l.entities[0].Kind; k != KindPerson && k != KindOrganisation && k != KindGroup {
			continue
		}
		start := l.start
		for start > 0 && pq.toks[start-1] == "the" {
			start--
		}
		if start < 2 || !isQuestionWord(pq.toks[0]) || !auxWords[pq.toks[start-1]] || l.end >= len(pq.toks) || !speechVerbs[pq.toks[l.end]] {
			return "", false // only a party that opens the question and speaks
		}
		out := slices.Concat(pq.toks[:start], rest, pq.toks[l.end:])
		return strings.Join(out, " "), true
	}
	return "", false
}

// ownedThing reports whether rest names something of someone's ("the
// TTP's allegiance", "China's interest in Afghanistan"): a possessive, then
// a word of substance.
func ownedThing(rest []string, stop map[string]bool) bool {
	for i, t := range rest[:len(rest)-1] {
		if strings.HasSuffix(t, "'s") && !stop[rest[i+1]] {
			return true
		}
	}
	return false
}

// postWords, beside role nouns and title modifiers, say what post a person
// holds or held: "the former spy chief, Faiz Hameed".
var postWords = setOf("former ex retired spy")

// totalAsked reads a follow-up that asks only for the total ("total?",
// "in total?", "overall number?") as the last question's count in all:
// that question again when it asked how many, or how many of what it
// asked the rise or fall of ("by how much did terror deaths rise").
func totalAsked(last string, words []string) (string, bool) {
	total := false
	for _, w := range words {
		switch {
		case totalWords[w]:
			total = true
		case !totalFillers[w]:
			return "", false
		}
	}
	if !total || last == "" {
		return "", false
	}
	toks := strings.Fields(last)
	if len(toks) > 2 && toks[0] == "how" && (toks[1] == "many" || toks[1] == "much") {
		return last + " in total", true
	}
	at := slices.Index(toks, "much")
	if at < 1 || toks[at-1] != "how" || at+1 >= len(toks) || !auxWordsAfterHead[toks[at+1]] {
		return "", false
	}
	var counted []string
	for _, t := range toks[at+2:] {
		if changeVerbs[t] {
			return "how many " + strings.Join(counted, " "), len(counted) > 0
		}
		counted = append(counted, t)
	}
	return "", false
}

// totalWords ask for a count in all; totalFillers may stand around them.
var (
	totalWords   = setOf("total overall altogether combined")
	totalFillers = setOf("and so the in what what's whats is was number figure count")
)

// whenSaid answers "when did he say that?", "when did she write it
// exactly?": when the words the conversation was last given were said,
// from the fact that gives them (the one before, when the last question
// only asked the speaker's post), or that the sources don't say. ok is
// false for any other follow-up, or when that fact reports no words.
func (b *Base) whenSaid(c Context, toks []string, question string) (Answer, bool) {
	words := slices.DeleteFunc(bareWords(toks), func(w string) bool { return w == "exactly" || w == "again" })
	if len(words) != 5 || words[0] != "when" || !auxWords[words[1]] || !saidVerbs[words[3]] {
		return Answer{}, false
	}
	if last := words[4]; last != "it" && last != "that" && last != "this" && last != "so" {
		return Answer{}, false
	}
	ids := c.Facts
	if len(c.Led) >= 2 && b.askedPost(c.Question) {
		ids = []string{c.Led[len(c.Led)-2]} // "what's his title" asked in passing
	}
	f := b.factByID[first(ids)]
	if f == nil || f.Type != TypeStatement && !usesWordOf(f, speechWords) {
		return Answer{}, false
	}
	r := "when was that said"
	a := b.answerWith(r, asking{within: []string{f.ID}})
	if !a.Answered && a.lacks != "" && len(a.Facts) == 0 {
		// Its source dates the remark no more than itself: say so, with
		// the remark.
		b.withSecondLine(&a, NearestText+" "+f.Stated(), f)
	}
	if len(a.Facts) == 0 || a.Facts[0] != f {
		return Answer{}, false
	}
	a.Question, a.Resolved = question, r
	return a, true
}

// bareWords returns a follow-up's words without the punctuation typed
// around them ("increase?", "it.").
func bareWords(toks []string) []string {
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		if t = strings.Trim(t, "?!.,'"); t != "" {
			words = append(words, t)
		}
	}
	return words
}

// saidVerbs ask when words were said: "when did he say it".
var saidVerbs = setOf("say said tell told write wrote make made")

// detailOfLast answers a follow-up that asks only a detail the last
// answer's lead fact states, from that fact: how a count changed
// ("increase?", "and compared to 2020?", of the year or month asked),
// over what period ("over what period?", "in how long?": "in the first
// ten months of 2023") or out of how many ("out of how many?": "15 of the
// 24"). ok is false when the follow-up asks more than that, or the fact
// does not state it; the follow-up is then read as any other.
func (b *Base) detailOfLast(c Context, toks []string, question string) (Answer, bool) {
	if len(c.Facts) == 0 || c.Question == "" {
		return Answer{}, false
	}
	f := b.factByID[c.Facts[0]]
	if f == nil {
		return Answer{}, false
	}
	var years, months []string
	change, period, share, parts, it := false, false, false, false, false
	joined := " " + strings.Join(bareWords(toks), " ") + " "
	for _, p := range sharePhrases {
		if strings.Contains(joined, " "+p+" ") {
			share = true
			joined = strings.Replace(joined, " "+p+" ", " ", 1)
		}
	}
	for _, p := range breakdownPhrases {
		if strings.Contains(joined, " "+p+" ") {
			parts = true
			joined = strings.Replace(joined, " "+p+" ", " ", 1)
		}
	}
	for _, t := range strings.Fields(joined) {
		switch {
		case changeVerbs[t] || changeNouns[t]:
			change = true
		case periodNouns[t]:
			period = true
		case isYear(t):
			years = append(years, t)
		case monthByName[t] > 0 && len(t) > 3:
			months = append(months, t)
		case t == "it":
			it = true // "how did it compare with 2020"; "how long is it" asks a length
		case !detailFillers[t]:
			return Answer{}, false
		}
	}
	if it && !change {
		return Answer{}, false
	}
	base, before := changeBase(c.Question)
	times := slices.Concat(years, months)
	if !change && !period && !share && before && len(times) > 0 {
		change = true // "2020?" after "vs 2021?": compared with 2020
	}
	var asked string
	switch {
	case change && !period && !share && statesChange(f.Text):
		asked = " change"
		if len(times) > 0 {
			asked = " vs " + strings.Join(times, " ")
		}
		text := strings.ToLower(f.Text)
		for _, w := range times {
			if !strings.Contains(text, w) {
				return Answer{}, false // "compared to august?" of a rise the fact dates to no August
			}
		}
	case period && !change && !share && len(times) == 0 && statesPeriod(f.Text):
		asked = " over what period"
	case share && !change && !period && len(times) == 0 && statesShare(f.Text):
		asked = " out of how many"
	case parts && !change && !period && !share && len(times) == 0 && len(f.Numbers) >= breakdownFigures:
		asked = " broken down" // "breakdown?" after 2.18 million: its 1.3 million and 880,000
	default:
		return Answer{}, false
	}
	a := b.answerWith(c.Question, asking{within: c.Facts[:1]})
	if !a.Answered || len(a.Facts) == 0 || a.Facts[0] != f {
		return Answer{}, false
	}
	a.Question, a.Resolved = question, base+asked
	return a, true
}

// The words of a follow-up that asks a detail of the last answer
// (detailOfLast): how a count changed ("increase?", "and the jump vs
// 2020?", "compared to august?"), over what period ("over what period?",
// "in how long?", "timeframe?"), or out of how many; and the words that
// may stand around them.
var (
	changeNouns  = setOf("increase rise jump growth change spike surge up down compared compare vs versus")
	periodNouns  = setOf("period timeframe timespan span long duration frame")
	sharePhrases = []string{"out of how many", "of how many", "out of what", "out of"}
	// breakdownPhrases ask the parts of a count: a fact giving the whole
	// and its parts answers them.
	breakdownPhrases = []string{"break that down", "break it down", "broken down", "break down", "breakdown", "split", "the split"}
	detailFillers    = setOf("and so the a what whats what's which was is by how hows how's much does do did from to with on over against relative since in of that this percentage percent time")
)

// breakdownFigures is the fewest figures a fact must give to break a
// count down: the whole and a part, or two parts.
const breakdownFigures = 2

// statesChange reports whether a fact's text says how a count changed:
// by a share ("a 50 percent rise on 2021") or a multiple ("three times the
// 2020 toll").
func statesChange(text string) bool {
	for _, t := range tokenize(text) {
		if t == "percent" || t == "times" || t == "thrice" || t == "doubled" || t == "tripled" || changeVerbs[t] || t == "up" {
			return true
		}
	}
	return strings.Contains(text, "%") || strings.Contains(text, "per cent")
}

// statesPeriod reports whether a fact's text says over what period
// something happened: "in the first ten months of 2023", "within 30
// days", "between 2021 and 2023".
func statesPeriod(text string) bool {
	toks := tokenize(text)
	for i, t := range toks {
		switch t {
		case "months", "weeks", "days", "years", "decades":
			return i > 0
		case "half", "quarter":
			return i+1 < len(toks) && toks[i+1] == "of"
		case "between", "since":
			return true
		}
	}
	return false
}

// statesShare reports whether a fact's text gives a count out of a whole:
// "15 of the 24 suicide bombings".
func statesShare(text string) bool {
	toks := tokenize(text)
	for i := 0; i+2 < len(toks); i++ {
		if isNumber(toks[i]) && toks[i+1] == "of" && (isNumber(toks[i+2]) || toks[i+2] == "the" && i+3 < len(toks) && isNumber(toks[i+3])) {
			return true
		}
	}
	return false
}

// changeBase returns the question a change was asked of, without the
// change a reading of detailOfLast added ("… vs 2021", "… change"), and
// whether it had one.
func changeBase(q string) (string, bool) {
	if s, ok := strings.CutSuffix(q, " change"); ok {
		return s, true
	}
	if k := strings.LastIndex(q, " vs "); k > 0 && !slices.ContainsFunc(strings.Fields(q[k+4:]), func(w string) bool { return !isYear(w) && monthByName[w] == 0 }) {
		return q[:k], true
	}
	return q, false
}

// changeVerbs say a count rose or fell: "by how much did deaths rise".
var changeVerbs = setOf("rise rose risen increase increased grow grew fall fell drop dropped decline declined jump jumped climb climbed go went change changed")

// casualtyNouns, alone as a follow-up, ask how many: "deaths?".
var casualtyNouns = setOf("casualties deaths dead fatalities killed injured wounded victims losses")

// casualtyStem reports whether stem s is the stem of one of casualtyNouns.
func (ix *index) casualtyStem(s string) bool {
	for w := range casualtyNouns {
		if ix.stem(w) == s {
			return true
		}
	}
	return false
}

// withOtherTime reads "vs 2021?", "and in 2021?" and "april 22?" as the
// last question of another year or month: its time swapped, or added when
// it named none. A year alone follows something ("and 2021?"); a month, with
// or without its year, may stand alone ("april 22?" after December 2021 is
// April 2022).
func (b *Base) withOtherTime(c Context, words []string) (string, bool) {
	if c.Question == "" || len(words) > 7 {
		return "", false
	}
	rest := words
	for len(rest) > 0 && yearSwapFillers[rest[0]] {
		rest = rest[1:]
	}
	if len(rest) == 1 && nowWords[rest[0]] || len(rest) == 2 && rest[0] == "these" && rest[1] == "days" {
		return b.askedNow(c.Question)
	}
	var month, year, part string
	bare := false  // a year alone, "2020?", swaps only a year the last question gave
	whole := false // "and all of 2021?": the whole year, a month the last question gave dropped
	if n := len(rest); n >= 2 && isYear(rest[n-1]) && wholeYearWords[strings.Join(rest[:n-1], " ")] {
		rest, whole = rest[n-1:], true
	}
	switch {
	case len(rest) == 4 && partOrdinals[rest[0]] && (rest[1] == "half" || rest[1] == "quarter") && rest[2] == "of" && isYear(rest[3]):
		part = strings.Join(rest, " ") // "and the first half of 2023?"
	case len(rest) == 1 && isYear(rest[0]):
		year, bare = rest[0], len(rest) == len(words)
	case len(rest) == 1 && monthByName[rest[0]] > 0 && len(rest[0]) > 3:
		month = rest[0] // ("may?" and "march?" are spelled out: "mar?" and "dec?" ask nothing of a month)
	case len(rest) == 2 && monthByName[rest[0]] > 0 && isYear(rest[1]):
		month, year = rest[0], rest[1]
	case len(rest) == 2 && monthByName[rest[0]] > 0 && len(rest[1]) == 2 && isNumber(rest[1]):
		v, _ := strconv.Atoi(rest[1])
		if v > shortYearPivot {
			return "", false // "april 29": a day
		}
		month, year = rest[0], strconv.Itoa(2000+v) // "april 22": 2022
	default:
		return "", false
	}
	pq := b.parse(Normalize(c.Question))
	defer b.idx.release(pq)
	prev := slices.Clone(pq.fixed) // as corrected: "decmber 2021"
	at, end := -1, -1              // the last question's time, prev[at:end]
	for i, t := range prev {
		switch {
		case monthByName[t] > 0:
			at, end = i, i+1
			if i+1 < len(prev) && isYear(prev[i+1]) {
				end = i + 2
			}
		case isYear(t) && at < 0:
			at, end = i, i+1
			if i >= 3 && prev[i-1] == "of" && (prev[i-2] == "half" || prev[i-2] == "quarter") && partOrdinals[prev[i-3]] {
				// "the first half of 2023": a month swapped in takes
				// the whole part's place, and keeps its year.
				at = i - 3
				if at > 0 && prev[at-1] == "the" {
					at--
				}
			}
		default:
			continue
		}
		break
	}
	switch {
	case part != "" && at < 0:
		return c.Question + " in the " + part, true
	case part != "":
		prev = slices.Concat(prev[:at], []string{"the " + part}, prev[end:]) // the whole time swapped
	case bare && (at < 0 || !isYear(prev[end-1])):
		return "", false
	case month != "" && year == "" && at >= 0 && end-at > 1 && !(monthByName[prev[at]] > 0):
		prev = slices.Concat(prev[:at], []string{month, prev[end-1]}, prev[end:]) // "and october?" after the first half of 2023
	case year == "" && (at < 0 || !(monthByName[prev[at]] > 0)):
		return "", false // "in december?" of a year: which year is not said
	case at < 0:
		return c.Question + " in " + strings.TrimSpace(month+" "+year), true
	case month == "" && whole:
		prev = slices.Concat(prev[:at], []string{year}, prev[end:]) // "and all of 2021?" after April 2022: 2021, not April 2021
	case month == "":
		prev[end-1] = year // "and 2021?": the year swapped, the month kept
	case year == "" && isYear(prev[end-1]):
		prev = slices.Concat(prev[:at], []string{month, prev[end-1]}, prev[end:]) // "march?": the month swapped, the year kept
	default:
		prev = slices.Concat(prev[:at], []string{strings.TrimSpace(month + " " + year)}, prev[end:])
	}
	return strings.Join(prev, " "), true
}

// plainVerbs are verbs too common to search by ("want", "need") that
// still make a question whole.
var plainVerbs = setOf("want wants wanted need needs needed get gets got make makes made")

// wholeYearWords, before a year, ask of all of it: "and all of 2021?".
var wholeYearWords = map[string]bool{"all of": true, "the whole of": true, "whole of": true, "the full year": true, "full year": true,
	"the entire year": true, "entire year": true, "the year": true, "year": true, "the whole year": true, "whole year": true}

// nowWords ask the last question of the present: "and now?".
var nowWords = setOf("now today currently nowadays")

// thenPhrases date a question to a time gone by, and give way to "now".
var thenPhrases = [][]string{
	{"at", "the", "start"}, {"at", "first"}, {"at", "the", "time"}, {"at", "that", "time"}, {"back", "then"},
	{"in", "the", "beginning"}, {"at", "the", "outset"}, {"on", "its", "founding"}, {"at", "its", "founding"},
	{"initially"}, {"originally"}, {"then"},
}

// askedNow is the last question asked of the present ("and now?"): its
// own time left out ("at the start", "in 2021", "when the Taliban took
// Kabul"), in the present tense, and "now". ok is false when it had no
// time of its own: "now" would ask it again.
func (b *Base) askedNow(question string) (string, bool) {
	pq := b.parse(Normalize(question))
	defer b.idx.release(pq)
	toks, dated := slices.Clone(pq.toks), false
	if k := slices.Index(toks, "when"); k > 0 {
		toks, dated = toks[:k], true // "who was PM when the Taliban took Kabul"
	}
	var out []string
	for i := 0; i < len(toks); i++ {
		if pq.spanToks[i] {
			dated = true
			if len(out) > 0 && timeWords[out[len(out)-1]] {
				out = out[:len(out)-1] // "in" of "in 2021"
			}
			continue
		}
		if k := slices.IndexFunc(thenPhrases, func(p []string) bool { return i+len(p) <= len(toks) && slices.Equal(toks[i:i+len(p)], p) }); k >= 0 {
			i += len(thenPhrases[k]) - 1
			dated = true
			continue
		}
		if firstOfRole[toks[i]] && i+1 < len(toks) && !pq.spanToks[i+1] {
			dated = true // "the first leader": the one at the start, not now
			continue
		}
		switch t := toks[i]; t {
		case "was":
			out = append(out, "is")
		case "were":
			out = append(out, "are")
		case "did":
			out = append(out, "does")
		default:
			out = append(out, t)
		}
	}
	if !dated || len(out) == 0 {
		return "", false
	}
	return strings.Join(out, " ") + " now", true
}

// firstOfRole date who held a post to its start: "and now?" after the
// TTP's first leader asks its leader now.
var firstOfRole = setOf("first founding original initial")

// partOrdinals say which part of a year: "the first half of 2023".
var partOrdinals = setOf("first second third fourth last 1st 2nd 3rd 4th")

// shortYearPivot is the last two digits after a month that stand for a
// year of this century ("april 22"); a larger number is a day ("april
// 29"), and the years before 2000 are written out.
const shortYearPivot = 24

// yearSwapFillers may come before the year a follow-up asks the last
// question of: "vs 2021?", "and in 2022?", "how does that compare with
// 2020?".
var yearSwapFillers = setOf("vs versus and in compared compare to what about how does do that this it with for the")

// isTimeWord reports whether w says when: a year, a month, or a part of a
// year ("the first half of the year").
func isTimeWord(w string) bool {
	_, month := monthByName[w]
	return month || isYear(w) || w == "year" || w == "half" || w == "quarter" || w == "months" || w == "weeks"
}

// isYear reports whether w is a year the sources could speak of.
func isYear(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && len(w) == 4 && n >= 1800 && n <= 2100
}

// timeWords open a phrase that says when: "during the Soviet invasion",
// "in 2021", "after the takeover".
var timeWords = setOf("during after before since in until by around")

// pointsWithin reports whether the pronoun p, unresolved, stands in the
// second of two questions a message joins with "and" ("who leads the TTP
// and where does he live"), where the first may name whom it stands for,
// or in a question after the topic it asks of and a comma or dash ("the
// snakes line, who said it").
func (b *Base) pointsWithin(toks []string, p string) bool {
	if len(toks) == 0 {
		return false
	}
	if !isQuestionWord(toks[0]) {
		// "the 'snakes in your backyard' line, who said it", "kakar's
		// letter to akhund - what was it about": the topic named first,
		// then the question of it. ("The second one - when was that"
		// names no topic: it points back too.)
		for k := minTopicFirst; k < len(toks); k++ {
			if !slices.ContainsFunc(toks[:k], func(t string) bool {
				t = strings.Trim(t, "'\",:;")
				return isWordy(t) && !b.idx.stop[t] && !bareAsks[t] && !ordinalWord(t)
			}) {
				continue
			}
			q := k
			if toks[k] == "-" || toks[k] == "—" || toks[k] == "–" {
				q = k + 1
			} else if !strings.HasSuffix(toks[k-1], ",") && !strings.HasSuffix(toks[k-1], ":") {
				continue
			}
			if q < len(toks) && isQuestionWord(toks[q]) {
				return slices.ContainsFunc(toks[q+1:], func(t string) bool { return strings.Trim(t, "?!.,") == p })
			}
		}
		return false
	}
	for k := 1; k+1 < len(toks); k++ {
		if !andWords[toks[k]] || !isQuestionWord(toks[k+1]) && !auxWords[toks[k+1]] {
			continue
		}
		return slices.ContainsFunc(toks[k+1:], func(t string) bool { return strings.Trim(t, "?!.,") == p })
	}
	return false
}

// minTopicFirst is the fewest words a topic named before its question
// may have: "the snakes line, who said it" (but not "so, who said it").
const minTopicFirst = 2

// andWords join two questions in one message as typed: "who leads the TTP
// and where does he live", "whos the ttp leader n where does he live".
var andWords = setOf("and n & +")

// isQuestionWord reports whether w asks a question: "how", "why", "who",
// "what's" (as typed, with or without the apostrophe).
func isQuestionWord(w string) bool {
	switch w {
	case "how", "why", "who", "whom", "whose", "when", "where", "what", "which",
		"what's", "whats", "who's", "whos", "where's", "wheres", "when's", "whens", "how's", "hows":
		return true
	}
	return false
}

// standsFor reports whether a name is a capital standing for an entity the
// conversation spoke of: "Islamabad" for Pakistan.
func (b *Base) standsFor(name []string, ids []string) bool {
	for _, e := range b.idx.lex.capitals[strings.Join(name, " ")] {
		if slices.Contains(ids, e.ID) {
			return true
		}
	}
	return false
}

// outcomeVerbs say how something counted turned out: "did they work?",
// "how many lives did they claim?" — of the ceasefires or attacks counted,
// not of those who made them.
var outcomeVerbs = setOf("work worked help helped last lasted end ended fail failed succeed succeeded happen happened turn turned hold held collapse collapsed " +
	"claim claimed kill killed cause caused cost")

// reactionVerbs answer something said or done before: "how did the
// Taliban react?", "did they accept?", "what did they say?".
var reactionVerbs = setOf("react reacted reaction respond responded response reply replied retaliate retaliated " +
	"accept accepted reject rejected agree agreed refuse refused say said")

// reactsToNothing reports whether a follow-up asks how someone met
// something without saying what — the verb ends it, or "to it" does — so
// that what was last spoken of is what they met, whoever they are.
func reactsToNothing(words []string) bool {
	for i, w := range words {
		if !reactionVerbs[w] {
			continue
		}
		rest := words[i+1:]
		return len(rest) == 0 || len(rest) == 2 && rest[0] == "to" && (rest[1] == "it" || rest[1] == "that" || rest[1] == "this")
	}
	return false
}

// countedNoun returns the words a how-many question counts: "militant
// attacks" in "how many militant attacks in September 2023", or nil.
func countedNoun(question string) []string {
	toks := strings.Fields(question)
	for i := 0; i+2 < len(toks); i++ {
		if toks[i] != "how" || toks[i+1] != "many" {
			continue
		}
		var n []string
		for k, t := range toks[i+2:] {
			if auxWordsAfterHead[t] || timeWords[t] || objectFollowers[t] || t == "per" || t == "according" || attackVerbs[t] || len(n) == 3 ||
				len(n) > 0 && (countedDeeds[t] || strings.HasSuffix(t, "ed")) {
				break // ("how many attacks hit Pakistan", "how many Afghans fled": the attacks, the Afghans)
			}
			if len(n) > 0 && countedHolding[t] {
				// "how many Afghans hold PoR cards": PoR card holders.
				held := toks[i+3+k:]
				held = held[:min(len(held), 2)]
				if len(held) == 0 {
					break
				}
				held = slices.Clone(held)
				if last := held[len(held)-1]; last == "holders" || last == "holder" {
					return held // "how many refugees hold ACC holders", a swap gone awry: the holders
				}
				held[len(held)-1] = strings.TrimSuffix(held[len(held)-1], "s")
				return append(held, "holders")
			}
			n = append(n, t)
		}
		return n
	}
	return nil
}

// countedDeeds are past verbs, not ending in "-ed", that end what was
// counted: "how many Afghans fled to Pakistan".
var countedDeeds = setOf("fled came went left got took fought ran fell made became sought")

// countedHolding are verbs that say those counted by what they hold:
// "how many Afghans hold PoR cards" counts PoR card holders.
var countedHolding = setOf("hold holds carry carries")

// movementVerbs, after "they", say where the people counted went: "how
// many Afghans fled to Pakistan" — "did they go back?": the Afghans.
var movementVerbs = setOf("go went return returned come came leave left flee fled stay stayed move moved enter entered arrive arrived cross crossed")

// movesAt reports whether words[k] says that someone went somewhere: a
// verb of movement, or "get in" ("how did they get in?").
func movesAt(words []string, k int) bool {
	if k >= len(words) {
		return false
	}
	return movementVerbs[words[k]] || (words[k] == "get" || words[k] == "got") && k+1 < len(words) && entryParticles[words[k+1]]
}

// entryParticles, after "get", say that someone went in: "get in", "got
// across".
var entryParticles = setOf("in into across over there here")

// undergoVerbs, after "they", say what was done to the people last
// counted: "are they affected by the eviction?" after how many PoR
// holders there are.
var undergoVerbs = setOf("affected exempt exempted targeted deported expelled spared covered included excluded impacted evicted")

// passiveUndergo say what was done to the people last counted only in the
// passive: "are they hit by the eviction?" (but "what did they hit in
// Tank" asks what they struck).
var passiveUndergo = setOf("hit")

// undergoAux stand between "they" and what was done to them: "will they
// be hit", "are they all exempt".
var undergoAux = setOf("be been being get getting all")

// eventPlurals are the plural nouns for things done that "they" may stand
// for: "who were they aimed at?" after the airstrikes.
var eventPlurals = setOf("airstrikes strikes attacks bombings raids operations ceasefires truces talks deportations expulsions protests clashes negotiations drones flights")

// eventDeeds, after "of them were", say that those counted are things
// done: "how many of them were carried out by Afghans".
var eventDeeds = setOf("carried conducted launched staged perpetrated executed mounted claimed committed")

// passiveAux come before "they" when they are what was done: "were they
// aimed at the TTP".
var passiveAux = setOf("were are was")

// verbAfter returns the word after words[i], past adverbs ("they mostly
// happen"), or "".
func verbAfter(words []string, i int) string {
	for _, w := range words[i+1:] {
		if !verbAdverbs[w] {
			return w
		}
	}
	return ""
}

// verbAdverbs may stand between a pronoun and its verb.
var verbAdverbs = setOf("mostly mainly largely actually really all still also first usually finally eventually ultimately")

// eventNoun returns the plural noun for things done that question asks
// about, or "": as typed, or mistyped by one letter ("ceasfires").
func eventNoun(question string) string {
	fields := strings.Fields(question)
	for _, t := range fields {
		if eventPlurals[t] {
			return t
		}
	}
	for _, t := range fields {
		if len(t) < minMistypedEventNoun {
			continue
		}
		for _, p := range eventPluralList {
			if osaDistance(t, p) == 1 && t+"s" != p {
				return p // (not the singular: "the deportation" is not "they")
			}
		}
	}
	return ""
}

// minMistypedEventNoun is the least length of a word read as an event
// noun mistyped: shorter words are one letter from too many others.
const minMistypedEventNoun = 7

// eventPluralList is eventPlurals in order, so that a mistyped word is
// read the same way every time.
var eventPluralList = slices.Sorted(maps.Keys(eventPlurals))

// eventCalled returns the name of the event the conversation spoke of
// most recently that noun n names, when the pack has more than one it
// names ("airstrikes": the April 2022 strikes in Khost and Kunar, when
// those were spoken of, not the March 2024 ones); otherwise n itself.
func (b *Base) eventCalled(c Context, n string) string {
	s := b.idx.stem(n)
	called := func(e *Entity) bool {
		return isDeed(e) && b.idx.nameHasStem(e.ID, s)
	}
	e := b.firstSpoken(c, called)
	if e == nil {
		return n
	}
	named := 0
	for _, x := range b.entities {
		if called(x) {
			named++
		}
	}
	if named < 2 {
		return n
	}
	return strings.ToLower(e.Name)
}

// withNewQuestionWord reads a bare question word — "why?", "and when was
// that?", "how many?" — as that question asked of what was last said.
func (b *Base) withNewQuestionWord(c Context, words []string) (string, bool) {
	var head []string
	for _, h := range questionHeads {
		for k := 0; k+len(h) <= len(words) && k <= 1; k++ {
			if slices.Equal(words[k:k+len(h)], h) && (k == 0 || followFillers[words[0]] || words[0] == "for" || words[0] == "since" || words[0] == "from" || words[0] == "until" || words[0] == "till") {
				head, words = h, slices.Clone(words[k+len(h):]) // "for how long?": the head is what asks
				break
			}
		}
		if head != nil {
			break
		}
	}
	if head == nil {
		return "", false
	}
	if asksNoun := len(head) == 1 && (head[0] == "which" || head[0] == "what"); asksNoun &&
		len(words) > 0 && !followFillers[words[0]] && !isQuestionWord(words[0]) && len(words[0]) > 2 && !slices.ContainsFunc(words[1:], func(w string) bool { return !followFillers[w] }) {
		// "which provinces?": the noun asked for goes with the question
		// word, about what was last spoken of.
		if c.Question == "" {
			return "", false
		}
		return b.withTopicCarried(c, strings.Join(head, " ")+" "+words[0]), true
	}
	aboutThat := ""
	doesSomething := slices.ContainsFunc(words, func(w string) bool { return w == "did" || w == "do" || w == "does" })
	var verbs []string // "who claimed it?": the claim is what is asked of the fact
	for _, w := range words {
		that := w == "that" || w == "this" || w == "it" || w == "those" || w == "these" ||
			(w == "they" || w == "them") && !doesSomething // "when were they?": the fact's; "what did they say?": the pronoun's
		if !followFillers[w] && !that {
			return "", false // "why did the TTP split": a question of its own
		}
		if that && aboutThat == "" {
			aboutThat = w
		}
		if askedVerbs[w] {
			verbs = append(verbs, w)
		}
	}
	if c.Question == "" {
		return "", false // nothing before: "when was that?" is asked about below
	}
	wh := strings.Join(head, " ")
	if (wh == "what" || wh == "which") && slices.ContainsFunc(words, func(w string) bool { return w == "year" || w == "date" }) {
		wh = "when" // "what year?": when it was
	}
	if ev := b.salientEvent(c); ev != nil && aboutThat == "it" && (len(verbs) > 0 || wh == "who" && doesSomething) {
		// "who claimed it?" after the Mastung bombing: the claim of the
		// event, not of every word the last answer said about it. "Who
		// did it?" asks who carried it out.
		if len(verbs) == 0 {
			verbs = []string{"carried", "out"}
		}
		return strings.Join(append(append([]string{wh}, verbs...), strings.ToLower(ev.Name)), " "), true
	}
	counted := countedNoun(c.Question)
	if f := b.factByID[first(c.Facts)]; f != nil && (aboutThat != "" || !startsWithAux(c.Question) || slices.Contains(words, "not")) &&
		(aboutThat != "" || len(counted) == 0 || wh == "why") {
		// ("where mostly?" after how many attacks there were asks where
		// the attacks were, not where the count was given.)
		// "when was that?", "why not?": of the fact last given.
		return strings.Join(append(append([]string{wh}, verbs...), claimOf(f.Text)), " "), true
	}
	rest := dropQuestionHead(strings.Fields(c.Question))
	var when []string // "these days", "now": said after what is counted
	for len(rest) > 0 && fateTimeWords[rest[len(rest)-1]] || len(rest) > 1 && rest[len(rest)-2] == "these" && rest[len(rest)-1] == "days" {
		k := len(rest) - 1
		if rest[k] == "days" {
			k--
		}
		when, rest = append(slices.Clone(rest[k:]), when...), rest[:k]
	}
	q := wh + " " + strings.Join(rest, " ")
	if n := counted; len(n) > 0 && !strings.HasPrefix(wh, "how many") {
		// "how many ceasefires did the Taliban broker?" — "when?": when
		// the ceasefires were, which the head took with it. "Why so
		// many?" asks why there are so many of them ("why does the TTP
		// have so many fighters these days").
		for _, much := range []string{"many", "much", "few"} {
			if slices.Contains(words, much) {
				q += " so " + much
				break
			}
		}
		q += " " + strings.Join(n, " ")
	}
	if len(when) > 0 {
		q += " " + strings.Join(when, " ")
	}
	if slices.Contains(words, "not") {
		q += " not" // "why not?"
	}
	return q, true
}

// whyNot reads "why not?" after a yes-or-no question as that question
// asked why, negated after its subject: "does Afghanistan recognise the
// Durand Line" — "why not?": why does Afghanistan not recognise it. ""
// when the follow-up is no such question, or the last question asked no
// yes or no.
func (b *Base) whyNot(c Context, words []string) string {
	if len(words) != 2 || words[0] != "why" || words[1] != "not" || !startsWithAux(c.Question) {
		return ""
	}
	q := b.parse(Normalize(c.Question))
	defer b.idx.release(q)
	toks := q.toks
	at := 2 // after the auxiliary and a one-word subject
	for _, l := range q.links {
		if l.start == 1 || l.start == 2 && toks[1] == "the" {
			at = l.end
			break
		}
	}
	if at >= len(toks) {
		return ""
	}
	return "why " + strings.Join(slices.Concat(toks[:at], []string{"not"}, toks[at:]), " ")
}

// listedWith reports whether fact f names person p in one breath with
// another person, "Faqir Muhammad Bajauri and Mufti Khalid Bulti", so that
// it says who else did what it says p did.
func (b *Base) listedWith(f *Fact, p *Entity) bool {
	toks := f.textWords()
	span := func(e *Entity) (int, int) {
		for at, n := range nameRuns(toks, e) {
			return at, at + n // the first name found
		}
		return -1, -1
	}
	ps, pe := span(p)
	if ps < 0 {
		return false
	}
	for _, id := range f.Entities {
		e := b.entityByID[id]
		if e == nil || id == p.ID || e.Kind != KindPerson {
			continue
		}
		qs, qe := span(e)
		if qs < 0 || pe > qs && qe > ps {
			continue // not named, or the two names overlap ("Faiz" in "Faiz Hameed")
		}
		if gap := toks[min(pe, qe):max(ps, qs)]; len(gap) <= listGap && slices.ContainsFunc(gap, func(t string) bool { return t == "and" || t == "with" || t == "alongside" }) {
			return true
		}
	}
	return false
}

// eitherAsked returns the singular pronoun of a follow-up that names no
// one, and the two people the last question named together ("Kakar and
// Bugti"), when it may stand for either: asked of each, it has an answer,
// and not the same one. Otherwise pair is nil.
func (b *Base) eitherAsked(c Context, toks []string) (pronoun string, pair []*Entity) {
	if c.Question == "" {
		return "", nil
	}
	for _, t := range toks {
		if t = strings.Trim(t, "?!.,;:"); t == "he" || t == "him" || t == "his" {
			pronoun = t
			break
		}
	}
	if pronoun == "" || slices.ContainsFunc(toks, func(t string) bool { return pickWords[strings.Trim(t, "?!.,;:")] }) {
		return "", nil
	}
	persons := func(question string) []*Entity {
		q := b.parse(Normalize(question))
		defer b.idx.release(q)
		var ps []*Entity
		for k, l := range q.links {
			e := l.entities[0]
			if e.Kind != KindPerson || e.Pronoun != "" || slices.Contains(ps, e) {
				continue
			}
			if len(ps) == 1 && !(k > 0 && l.start >= 1 && pairJoins[q.toks[l.start-1]]) {
				return nil // not named together: "Durrani told Muttaqi"
			}
			ps = append(ps, e)
		}
		return ps
	}
	if len(persons(strings.Join(toks, " "))) > 0 {
		return "", nil
	}
	pair = persons(c.Question)
	if len(pair) == 0 && b.asksWho(c.Question) {
		pair = b.answeredPersons(c)
	}
	if len(pair) != 2 {
		return "", nil
	}
	var leads [2]*Fact
	for k, p := range pair {
		a := b.answerWith(strings.Join(withPronounAs(toks, pronoun, p.Name), " "), asking{})
		if !a.Answered || len(a.Facts) == 0 || !b.mentions(a.Facts[0], b.idx.factIndex[a.Facts[0]], []*Entity{p}) {
			return "", nil
		}
		leads[k] = a.Facts[0]
	}
	if leads[0] == leads[1] {
		return "", nil
	}
	return pronoun, pair
}

// asksWho reports whether question asks who, naming no one: "who was in
// the Serena Hotel photo".
func (b *Base) asksWho(question string) bool {
	q := b.parse(Normalize(question))
	defer b.idx.release(q)
	return q.intent == IntentWho && q.linkedPerson() == nil
}

// answeredPersons returns the two people the last answer's lead fact
// named in one breath, when it named two and no more: the answer to "who
// was in the photo" is Faiz Hameed and Mansour Ahmed Khan, and "his job"
// may be either's.
func (b *Base) answeredPersons(c Context) []*Entity {
	f := b.factByID[first(c.Facts)]
	if f == nil {
		return nil
	}
	var ps []*Entity
	for _, id := range f.Entities {
		if e := b.entityByID[id]; e != nil && e.Kind == KindPerson && e.Pronoun == "" && !slices.Contains(ps, e) {
			ps = append(ps, e)
		}
	}
	if len(ps) != 2 || !b.listedWith(f, ps[0]) {
		return nil // (named apart, they did different things: "Daoud overthrew Zahir Shah")
	}
	return ps
}

// pickWords pick one of two people spoken of: "the first guy", "the
// other one".
var pickWords = setOf(`first second other latter former last`)

// withPronounAs returns toks with pronoun standing for the person named
// name: "his" (or "her") as "name's".
func withPronounAs(toks []string, pronoun, name string) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		switch {
		case strings.Trim(t, "?!.,;:") != pronoun:
			out = append(out, t)
		case pronoun == "his" || pronoun == "her":
			out = append(out, strings.ToLower(name)+"'s")
		default:
			out = append(out, strings.ToLower(name))
		}
	}
	return out
}

// listGap is how many words may stand between two names listed together:
// "and", and a title ("Bajauri and Mufti Khalid Bulti").
const listGap = 3

// asksOtherPerson reports whether a follow-up asks for a person besides
// the one spoken of: "who else said so", "anyone else?".
func asksOtherPerson(toks []string) bool {
	for i := 0; i+1 < len(toks); i++ {
		if w := strings.Trim(toks[i+1], "?!.,'"); w == "else" && (toks[i] == "who" || toks[i] == "anyone" || toks[i] == "anybody" || toks[i] == "whom") {
			return true
		}
	}
	return false
}

// asksNewFact reports whether a bare follow-up asks which or what of the
// last answer — "which provinces?", "what group?" — something that answer
// did not give, or it would not be asked.
// asksOtherTopic reports whether a follow-up asks the last question of
// another topic: "and on the deportations?" after how Mujahid answered the
// charge of sheltering the TTP. His answer to that is not the answer.
func asksOtherTopic(toks []string) bool {
	return len(toks) >= 3 && toks[0] == "and" && topicLeads[toks[1]] && !slices.ContainsFunc(toks[2:], func(t string) bool { return isQuestionWord(strings.Trim(t, "?!.,")) })
}

func asksNewFact(toks []string) bool {
	var words []string
	for _, t := range toks {
		if w := strings.Trim(t, "?!.,;:\""); w != "" && w != "and" && w != "so" && w != "over" && w != "in" && w != "for" {
			words = append(words, w)
		}
	}
	if len(words) > 0 && len(words) <= 3 && sequelNouns[words[len(words)-1]] {
		return true // "Kabul's reaction?", "and the outcome?"
	}
	return len(words) == 2 && (words[0] == "which" || words[0] == "what") && !followFillers[words[1]] && !isQuestionWord(words[1])
}

// sequelNouns, ending a short follow-up, ask what came of what the last
// answer told: never that answer again.
var sequelNouns = setOf(`reaction reactions response responses outcome outcomes result results consequence consequences impact aftermath fallout`)

// conversionAsked returns the currency a follow-up asks the last answer's
// figure in ("how much is that in dollars", "what's it in rupees"), or "".
func conversionAsked(toks []string) string {
	for i := 0; i+2 < len(toks); i++ {
		if (toks[i] == "that" || toks[i] == "it" || toks[i] == "this") && toks[i+1] == "in" {
			if cur := strings.Trim(toks[i+2], "?!.,;:"); currencyWords[cur] && cur != "money" {
				return cur
			}
		}
	}
	return ""
}

// otherKinds returns the kind of thing a follow-up asks for others of —
// "opposition groups" of "any other opposition groups?", "groups" of
// "other groups like that" — or "": up to three words after "other",
// the last a plural.
func otherKinds(toks []string) string {
	k := slices.IndexFunc(toks, func(t string) bool { return strings.Trim(t, "?!.,;:") == "other" })
	if k < 0 {
		return ""
	}
	var kind []string
	for _, t := range toks[k+1:] {
		t = strings.Trim(t, "?!.,;:\"")
		if t == "" || isQuestionWord(t) || otherStops[t] || len(kind) == 3 {
			break
		}
		kind = append(kind, t)
		if plural(t) {
			return strings.Join(kind, " ")
		}
	}
	return ""
}

// otherStops end the kind after "other": "other groups like that", "other
// militant groups there".
var otherStops = setOf("like there then than in on at of from and or but besides apart")

// dummyIt reports whether the "it" at i stands for nothing, only for a
// clause to come: "how hard would it be to deport them", "is it true that
// …" ("was it closed to trade" is of a thing).
func dummyIt(words []string, i int) bool {
	k := i + 1
	if k < len(words) && (words[k] == "be" || words[k] == "is" || words[k] == "was") {
		k++
	} else if i == 0 || words[i-1] != "is" && words[i-1] != "was" {
		return false
	}
	for k < len(words) && verbAdverbs[words[k]] {
		k++
	}
	return k < len(words) && (dummyAdjectives[words[k]] || words[k] == "to" && k == i+2) // ("how hard would it be to")
}

// dummyAdjectives, after "it is", say something of a clause to come: "it
// is hard to", "is it true that".
var dummyAdjectives = setOf("hard easy possible impossible true likely unlikely difficult feasible realistic doable necessary important safe clear fair right wrong")

// bareAboutThat returns the demonstrative a bare follow-up is about —
// "that" in "and when was that?" — or "" when it names anything else.
func bareAboutThat(words []string) string {
	that := ""
	for _, w := range words {
		switch {
		case w == "that" || w == "this" || w == "those" || w == "these":
			if that == "" {
				that = w
			}
		case !followFillers[w] && !isQuestionWord(w) && w != "many" && w != "much" && w != "long":
			return ""
		}
	}
	return that
}

// pointsAtNothing returns the words of a first message, naming nothing,
// that point back at something said before: "that attack" or "those
// talks", a thing of a kind referentNouns name; "that" as the subject
// after its verb ("when was that announced", "was this before 2021"); "it"
// whose result is asked ("did it work"); or "".
func pointsAtNothing(words []string) string {
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = strings.Trim(words[i+1], "?!.,;:")
		}
		switch {
		case (w == "that" || w == "those" || w == "these") && referentNouns[next]:
			return w + " " + next // "that attack - how many died", "the outcome of those talks"
		case (w == "that" || w == "this") && i > 0 && auxWords[words[i-1]] &&
			(i == len(words)-1 || strings.HasSuffix(words[i+1], "ed") || beforeAfterWords[words[i+1]]):
			return w
		case w == "it" && asksResult(words):
			return w
		case (w == "that" || w == "this") && i == 1 && auxWords[words[0]] && !referentNouns[next]:
			return w // "is that still the case?", "is that right", "does this still hold"
		case (w == "that" || w == "this" || w == "those" || w == "these") && (next == "one" || next == "ones"):
			return w + " " + next // "how many died in that one"
		case (w == "that" || w == "this") && i == len(words)-1 && i > 0 && pointerPreps[words[i-1]]:
			return w // "and the numbers on that?"
		case w == "then" && i > 0 && words[i-1] == "by":
			return "by then" // "so how many left by then?"
		case w == "other" && i > 0 && words[i-1] == "the" && next != "":
			return "the other " + next // "what about the other group then"
		}
	}
	return ""
}

// otherOf returns the thing of "other group", when it is a group or a
// thing pointed at; "" otherwise ("the other guy" is a person: who).
func otherOf(noun string) string {
	if rest, ok := strings.CutPrefix(noun, "other "); ok && (groupNouns[rest] || referentNouns[rest]) {
		return rest
	}
	return ""
}

// pointerPreps, before a closing "that", make it point back: "the numbers
// on that", "what about that".
var pointerPreps = setOf("on about of for from over behind")

// referentNouns, after "that" or "those", point at a thing of their kind
// said before: with nothing said, which one is asked back.
var referentNouns = setOf(`attack attacks talks meeting meetings deal deals strike strikes airstrikes raid raids operation operations
	ceasefire ceasefires truce truces letter bombing blast speech statement decision order plan report piece article paper
	interview tweet visit numbers figures figure agreement accord crackdown offensive incident`)

// beforeAfterWords place one time against another: "was that before 2021".
var beforeAfterWords = setOf("before after")

// auxWordsAfterHead open the rest of a question after its question word:
// "when *did* Pakistan close Torkham".
var auxWordsAfterHead = setOf("did does do is was were are has have had will would could can")

// startsWithAux reports whether q, after its question word, goes on with
// an auxiliary verb, so that another question word can take its place:
// "when did Pakistan close Torkham" → "why did Pakistan close Torkham".
func startsWithAux(q string) bool {
	rest := dropQuestionHead(strings.Fields(q))
	return len(rest) > 0 && auxWordsAfterHead[rest[0]]
}

// dropQuestionHead removes the question word(s) a question starts with.
func dropQuestionHead(toks []string) []string {
	for _, h := range questionHeads {
		if len(toks) > len(h) && slices.Equal(toks[:len(h)], h) {
			rest := toks[len(h):]
			if len(h) == 2 && h[0] == "how" && len(rest) > 0 && !auxWordsAfterHead[rest[0]] {
				rest = rest[1:] // "how many Afghans were deported": the counted noun goes with the head
			}
			return rest
		}
	}
	return toks
}

// withPronounsNamed puts in place of each pronoun the entity it stands for:
// the most salient one of its kind the conversation has spoken of. A
// pronoun that follows a name of its kind in the same question stands for
// that name and is left. named reports whether a pronoun now names a
// person or a group.
func (b *Base) withPronounsNamed(c Context, words []string) (question, missing string, named bool) {
	q := b.parse(strings.Join(words, " "))
	// A pronoun after a name of its own kind in the same question stands
	// for that name: "did the TTP keep its word". "They" after a country,
	// or "it" as an object ("how did the Taliban react to it?"), still
	// points back past the question.
	namedBefore := func(pos int, w, kind string) bool {
		if w == "it" {
			// "and China, why is it worried": "it", asking of a name the
			// follow-up opens with, is that name.
			return pos > 0 && auxWords[words[pos-1]] && slices.ContainsFunc(q.links, func(l link) bool {
				return l.start <= 1 && l.end < pos && kindFits(l.entities[0], kind) && (l.start == 0 || words[0] == "and" || words[0] == "so")
			})
		}
		for _, l := range q.links {
			e := l.entities[0]
			if l.start < pos && kindFits(e, kind) && !(kind == KindGroup && e.Kind == KindPlace && !(pos > 0 && clauseOpeners[words[pos-1]])) {
				// ("Who did the Soviets put in charge after they
				// invaded": a country is the subject of a clause the
				// question opens after naming it.)
				return true
			}
		}
		return false
	}
	if len(c.Entities) == 0 && len(q.links) == 0 && bareAboutThat(words) != "" {
		return "", bareAboutThat(words), false // "and when was that?", first thing said
	}
	if len(c.Entities) == 0 && c.Question == "" && len(q.links) == 0 {
		if w := pointsAtNothing(words); w != "" {
			return "", w, false // "when was that announced", "did it work", first thing said
		}
	}
	out := make([]string, 0, len(words))
	changed := false
	var used []string // "why did they reject it": two pronouns, two things
	sameKind := map[string]*Entity{}
	sameWord := map[string]string{} // the pronoun that named sameKind's entity
	for i := 0; i < len(words); i++ {
		w := words[i]
		kind, ok := pronounKind[w]
		group := false
		if !ok && (w == "that" || w == "this" || w == "the") && i+1 < len(words) && groupNouns[words[i+1]] {
			kind, ok, group = kindGroupNamed, true, true
		}
		if !ok && (w == "that" || w == "this") && i+1 < len(words) && governmentNouns[words[i+1]] && b.salientKind(c, KindOrganisation) != nil {
			// "who makes up that government?" after when the Taliban
			// declared the Islamic Emirate: the government spoken of, not
			// the declaration that names it.
			kind, ok, group = KindOrganisation, true, true
		}
		if !ok && (w == "that" || w == "this") && i+1 < len(words) && (paperNouns[words[i+1]] || words[i+1] == "one") && b.salientKind(c, KindDocument) != nil &&
			slices.ContainsFunc(words, func(t string) bool { return t == "when" || isTimeWord(t) }) {
			// "what year was that paper", "when was that one written": the
			// paper the conversation spoke of, the USIP paper. (Who wrote
			// "that piece" is asked of the source, as sources are.)
			kind, ok, group = KindDocument, true, true
		}
		if !ok && (w == "that" || w == "this") && i+1 < len(words) && publishWords[words[i+1]] && i > 0 && words[i-1] != "is" && b.salientKind(c, KindDocument) != nil &&
			slices.ContainsFunc(words, func(t string) bool { return t == "when" || isTimeWord(t) }) {
			// "when was that published?" after the USIP paper's findings:
			// the paper.
			kind, ok = KindDocument, true
		}
		if w == "that" && i > 0 && thatEventLeads[words[i-1]] && i == len(words)-1 {
			// "what did Pakistan do in retaliation for that?" after the
			// Tank fort attack: the event spoken of.
			if ev := b.salientEvent(c); ev != nil {
				out = append(out, strings.ToLower(ev.Name))
				changed = true
				continue
			}
		}
		if (w == "them" || w == "it" || w == "those" && i == len(words)-1) && i > 0 && eventPreps[words[i-1]] && slices.ContainsFunc(words, func(t string) bool { return casualtyNouns[t] || t == "died" }) {
			// "how many were killed in them?" after Kabul's response to
			// the March 2024 strikes: the strikes, not Kabul.
			if ev := b.salientEvent(c); ev != nil {
				out = append(out, strings.ToLower(ev.Name))
				changed = true
				continue
			}
		}
		if w == "those" && (i == len(words)-1 || auxWords[words[i+1]] || objectFollowers[words[i+1]] || strings.HasSuffix(words[i+1], "ed")) {
			// "when were those issued?" after how many ACC holders there
			// are: those counted. (Before a noun, "those attacks" names
			// its own; nothing counted, "those" is left to the topic.)
			if n := countedNoun(c.Question); len(n) > 0 && !slices.Contains(words[:i], n[len(n)-1]) {
				out = append(out, n...)
				changed = true
				continue
			}
		}
		if !ok || !(objectOf(w) && i > 0 && words[i-1] != "to") && namedBefore(i, w, kind) || w == "it" && dummyIt(words, i) {
			// ("why did Pakistan back the Taliban against them": "them" is
			// not the Taliban. Reacting "to them" leaves them to the topic
			// the last question carries.)
			out = append(out, w)
			continue
		}
		if n := eventNoun(c.Question); n != "" && w == "them" && i >= 2 && (words[i-1] == "to" && reactionVerbs[words[i-2]] || words[i-2] == "do" && (words[i-1] == "about" || words[i-1] == "after")) {
			// "where did Pakistan carry out airstrikes in April 2022?" —
			// "how did Kabul react to them?" (or "what did Kabul do about
			// them?"): the airstrikes, not Pakistan;
			// nor the soldiers counted after them ("how many soldiers
			// killed?"): what is reacted to is what was done.
			out = append(out, b.eventCalled(c, n))
			changed = true
			continue
		}
		if n := countedNoun(c.Question); len(n) > 0 && !slices.Contains(words[:i], n[len(n)-1]) && (w == "them" || w == "those" || w == "they" && i+1 < len(words) && (outcomeVerbs[words[i+1]] || movesAt(words, i+1) || undergoVerbs[words[i+1]] ||
			i+2 < len(words) && undergoAux[words[i+1]] && (undergoVerbs[words[i+2]] || passiveUndergo[words[i+2]]) ||
			i > 0 && passiveAux[words[i-1]] && passiveUndergo[words[i+1]]) ||
			w == "it" && eventPlurals[n[len(n)-1]] && outcomeVerbs[verbAfter(words, i)]) {
			// (Not "why do Afghans resent them" after how many Afghans
			// fled: "them" is someone else.)
			// "how many ceasefires …?" — "did they work?": the ceasefires.
			out = append(out, n...)
			changed = true
			if len(n) >= 2 {
				// "when did they start deporting them": the undocumented
				// Afghans, named, and of the time the count was asked of
				// ("how many died in them?": the September attacks).
				named = true
				pq := b.parse(Normalize(c.Question))
				var span []string
				for k, t := range pq.toks {
					if pq.spanToks[k] {
						span = append(span, t)
					}
				}
				if len(span) > 0 {
					out = append(append(out, "in"), span...)
				}
			}
			continue
		}
		if n := eventNoun(c.Question); n != "" && (w == "them" || w == "those") && i > 0 && words[i-1] == "of" && i+2 < len(words) && passiveAux[words[i+1]] && eventDeeds[words[i+2]] {
			// "suicide attacks?" after Kakar's claims — "how many of them
			// were carried out by Afghans": the attacks, which are carried
			// out; not the Taliban.
			out = append(out, b.eventCalled(c, n))
			changed = true
			continue
		}
		if n, v := eventNoun(c.Question), verbAfter(words, i); n != "" && (w == "they" || w == "them" && outcomeVerbs[v]) && v != "" && (outcomeVerbs[v] || i > 0 && passiveAux[words[i-1]] && (strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "ing"))) {
			// "what triggered the March 2024 airstrikes?" — "who were they
			// aimed at?": the airstrikes, which nobody aims at anyone.
			out = append(out, b.eventCalled(c, n))
			changed = true
			continue
		}
		if (w == "it" || w == "that" || w == "this") && asksResult(words) {
			// "did it work?": what was last asked about, not a thing in it
			// (the topic is carried); when that was a person ("what's his
			// job?" of the talks' arbiter), the event the conversation
			// spoke of.
			changed = true
			if ev := b.salientEvent(c); ev != nil && b.asksOfPersonOnly(c.Question) {
				out = append(out, strings.ToLower(ev.Name))
			}
			continue
		}
		e := sameKind[kind] // "he … his": one person
		if e != nil && objectOf(w) && !objectOf(sameWord[kind]) {
			e = nil // "how was he related to him": another person
		}
		if e == nil && (w == "they" && passiveAfter(words, i) || w == "them" && i > 0 && doneToVerbs[words[i-1]]) {
			// "are they affected by the eviction order?", "does the
			// eviction order affect them?" after the Afghan refugees in
			// Pakistan: what is done to "them" is done to people, not to
			// the country that does it.
			e = b.firstSpoken(c, func(p *Entity) bool { return p.Pronoun == "they" && !slices.Contains(used, p.ID) })
		}
		if e == nil && kind == KindGroup && i >= 2 && words[i-1] == "with" && tieNouns[words[i-2]] {
			// "how did that affect Pakistan's ties with them?" after TTP
			// attacks on Chinese nationals: a country has ties, China,
			// not the TTP.
			e = b.firstSpoken(c, func(p *Entity) bool { return p.Kind == KindPlace && !slices.Contains(used, p.ID) && !q.linked(p.ID) })
		}
		if e == nil && kind == KindGroup && asksGroup(words) {
			// "which group was she pushing them to go after?": the group
			// is what is asked, so "them" is the country pressed.
			e = b.firstSpoken(c, func(p *Entity) bool { return p.Kind == KindPlace && b.idx.broad(p.ID) })
		}
		if e == nil {
			passed := used
			if objectOf(w) {
				// "what did Gul discuss with him": not Gul, whom the
				// follow-up names as the one who discussed.
				for _, l := range q.links {
					if l.start < i && kindFits(l.entities[0], kind) {
						passed = append(slices.Clip(passed), l.entities[0].ID)
					}
				}
			}
			e = b.salient(c, kind, passed)
		}
		if e == nil && (kind == kindHe || kind == kindShe) {
			// "does he think the Taliban will shut the bases?" after what
			// the Cookie Crumbled piece argues: its author, the only
			// person the conversation has in view.
			e = b.lastAuthor(c, kind)
		}
		if e == nil && (w == "his" || w == "her") && i+1 < len(words) && groupNouns[words[i+1]] {
			// "how big is his group?" after Hafiz Gul Bahadur's group: the
			// group spoken of, named for no person spoken of.
			if g := b.salient(c, kindGroupNamed, used); g != nil {
				e, group = g, true
			}
		}
		if w == "it" && i > 0 && auxWordsAfterHead[words[i-1]] && (e == nil || e.Kind != KindPerson) {
			n := b.thingAsked(c.Question) // (parsed only for an "it" that may be the thing asked)
			// "what letter did Kakar send to Kabul?" — "what was it
			// about?": the letter, Kakar's letter to Akhund if the
			// conversation named it, not Kabul. ("What could push it" of
			// the options Ghosh sees for Pakistan is Pakistan.)
			if t := b.namedWith(c, n); t != nil {
				e = t
			} else if n != "" && (e == nil || e.Kind == KindPlace) {
				out = append(out, "the", n)
				changed = true
				continue
			}
		}
		if w == "it" && i > 0 && postVerbs[words[i-1]] && asksWords(c.Question) {
			// "what did Imran Khan say when Kabul fell?" — "where'd he post
			// it?": his words, which the question asks where of; not
			// a thing the answer named.
			changed = true
			continue
		}
		if w == "it" && slices.ContainsFunc(words, func(t string) bool { return publishWords[t] || t == "write" || t == "wrote" || t == "writes" }) {
			// "where was it published?" after who wrote the Dawn piece:
			// the piece, not the group it was about.
			if d := b.salientKind(c, KindDocument); d != nil {
				e = d
			}
		}
		if w == "it" && heldVerbs[verbAfter(words, i)] {
			// "where was it held?" after who led Pakistan's side at the
			// 22 September meeting: a meeting is held, not a person or a
			// group.
			if ev := b.salientEvent(c); ev != nil {
				e = ev
			}
		}
		if w == "it" && i > 0 && (objectFollowers[words[i-1]] || words[i-1] == "behind") {
			// "who did the TTP blame for it?", "who was behind it?": an
			// event before a group.
			if ev := b.salientEvent(c); ev != nil {
				e = ev
			}
		}
		if w == "it" && (asksMembers(words) || i >= 2 && words[i-1] == "of" && (roleNouns[words[i-2]] || words[i-2] == "pm")) {
			// "who makes up most of it?", "who's the pm of it?" after the
			// interim government's announcement: the government, which
			// has members and posts, not the announcement.
			// (A group spoken of as "they" is not "it".)
			if g := b.firstSpoken(c, func(g *Entity) bool {
				return (g.Kind == KindGroup || g.Kind == KindOrganisation) && g.Pronoun != "they"
			}); g != nil {
				e = g
			}
		}
		if e == nil {
			namesPerson := slices.ContainsFunc(q.links, func(l link) bool { return l.entities[0].Kind == KindPerson })
			firstThem := len(c.Entities) == 0 && c.Question == "" && (w == "them" || w == "they") &&
				!slices.ContainsFunc(q.links, func(l link) bool { return l.start < i && kindFits(l.entities[0], KindGroup) })
			if personPronoun(w) && !namesPerson || len(q.links) == 0 && len(c.Entities) == 0 || firstThem {
				// ("how many of them came to Pakistan?", said first: who
				// "them" are is asked; Pakistan, after it, is where.)
				if group {
					w += " " + words[i+1]
				}
				return "", w, false
			}
			out = append(out, w)
			continue
		}
		if w == "there" && e.Kind == KindPlace && b.idx.broad(e.ID) && !existentialThere(words, i) {
			if ev := b.salientEvent(c); ev != nil && !b.idx.broad(ev.ID) {
				// "how many soldiers died there" after the Chitral attack:
				// there is the attack, not the whole of Pakistan.
				e = ev
			}
		}
		name := spokenName(e)
		switch {
		case group:
			i++ // "that group"
		case w == "his" || w == "their" || w == "its" || w == "hers" || w == "theirs" ||
			w == "her" && i+1 < len(words) && !objectFollowers[words[i+1]]:
			name += "'s"
		case w == "there" && (i == 0 || !objectFollowers[words[i-1]]):
			name = "in " + name
		}
		out = append(out, name)
		changed = true
		used = append(used, e.ID)
		sameKind[kind] = e
		sameWord[kind] = w
		named = named || e.Kind == KindPerson || e.Kind == KindGroup || e.Kind == KindOrganisation
	}
	if !changed {
		return strings.Join(words, " "), "", false
	}
	return strings.Join(out, " "), "", named
}

// existentialThere reports whether "there" at words[i] says that
// something exists rather than where: "is there a bounty", "how many are
// there", "there were talks".
func existentialThere(words []string, i int) bool {
	return i > 0 && copulas[words[i-1]] || i+1 < len(words) && copulas[words[i+1]]
}

// thingAsked returns the noun a what- or which-question asks about, when
// it names no entity there and a person is its doer ("letter" of "what
// letter did Kakar send"), or "".
func (b *Base) thingAsked(question string) string {
	q := b.parse(Normalize(question))
	defer b.idx.release(q)
	toks := q.toks
	if len(toks) < 3 || toks[0] != "what" && toks[0] != "which" {
		return ""
	}
	n := toks[1]
	if b.idx.stop[n] || b.idx.qwords[n] || !isWordy(n) || q.inLink(1) || !auxWordsAfterHead[toks[2]] {
		return ""
	}
	if !slices.ContainsFunc(q.links, func(l link) bool { return l.start == 3 && l.entities[0].Kind == KindPerson }) {
		return "" // ("what options does Pakistan have" — "what could push it": Pakistan, which had them)
	}
	return n
}

// namedWith returns the entity the conversation spoke of whose name has
// noun n ("letter": Kakar's letter to Hasan Akhund), or nil.
func (b *Base) namedWith(c Context, n string) *Entity {
	if n == "" {
		return nil
	}
	s := b.idx.stem(n)
	for _, id := range c.Entities {
		if e := b.entityByID[id]; e != nil && b.idx.nameHasStem(id, s) {
			return e
		}
	}
	return nil
}

// paperNouns, after "that", point at a document the conversation spoke
// of: "when was that report published".
var paperNouns = setOf("paper report study piece article book document")

// salient returns the entity of the given kind the conversation spoke of
// most recently, other than those already used in the question, or nil;
// for "it", anything before a country ("Torkham" before "Pakistan").
func (b *Base) salient(c Context, kind string, used []string) *Entity {
	if kind == KindGroup {
		// "they" is a group spoken of before it is a country: after "why
		// did Pakistan back the Taliban", "when did they take Kabul" is
		// the Taliban.
		for _, id := range c.Entities {
			if e := b.entityByID[id]; e != nil && (e.Kind == KindGroup || e.Kind == KindPlace && namedAsPlural(c.Question, e)) && !slices.Contains(used, id) {
				// (A place asked of as states, "the Central Asian states",
				// is "they" too.)
				return e
			}
		}
	}
	var broad, group *Entity
	for _, id := range c.Entities {
		e := b.entityByID[id]
		if e == nil || !kindFits(e, kind) || slices.Contains(used, id) {
			continue
		}
		if kind == "thing" && e.Pronoun == "they" {
			// "it" is seldom a people or a movement spoken of as "they":
			// after the Taliban's view of the Durand Line, "has
			// Afghanistan recognised it" means the line.
			if group == nil {
				group = e
			}
			continue
		}
		if kind != "thing" || e.Kind != KindPlace || !b.idx.broad(id) {
			return e // "it" is seldom a country: "why did it close?" means Torkham
		}
		if broad == nil {
			broad = e
		}
	}
	if group != nil {
		return group
	}
	return broad
}

// namedAsPlural reports whether question names place e by a name in the
// plural: "the Central Asian states", "the Gulf countries".
func namedAsPlural(question string, e *Entity) bool {
	question = strings.ToLower(question)
	return slices.ContainsFunc(e.Aliases, func(a string) bool {
		words := strings.Fields(strings.ToLower(a))
		return len(words) > 1 && pluralPlaceHeads[words[len(words)-1]] && strings.Contains(question, strings.Join(words, " "))
	})
}

// pluralPlaceHeads end the names of places spoken of as several.
var pluralPlaceHeads = setOf("states republics countries nations neighbours neighbors")

// salientKind returns the entity of one of kinds the conversation spoke
// of most recently, or nil.
func (b *Base) salientKind(c Context, kinds ...string) *Entity {
	return b.firstSpoken(c, func(e *Entity) bool { return slices.Contains(kinds, e.Kind) })
}

// firstSpoken returns the entity the conversation c spoke of most recently
// that ok accepts, or nil.
func (b *Base) firstSpoken(c Context, ok func(*Entity) bool) *Entity {
	for _, id := range c.Entities {
		if e := b.entityByID[id]; e != nil && ok(e) {
			return e
		}
	}
	return nil
}

// reactedEventsMax is how many of the events a conversation spoke of a
// party's reaction alone ("Kabul's reaction?") is tried against.
const reactedEventsMax = 3

// spokenEvents returns up to n of the events, operations and agreements
// the conversation spoke of, latest first.
func (b *Base) spokenEvents(c Context, n int) []*Entity {
	var out []*Entity
	for _, id := range c.Entities {
		if e := b.entityByID[id]; e != nil && isDeed(e) {
			if out = append(out, e); len(out) == n {
				break
			}
		}
	}
	return out
}

// spokeFor reports whether answer a leads with what party said or did: a
// statement that mentions it or who speaks for it, or another fact that
// mentions it or a speaker narrower than a whole country (a fact that
// names Afghanistan as where the strikes fell is not Kabul's reaction).
func (b *Base) spokeFor(a Answer, party *Entity) bool {
	if !a.Answered || len(a.Facts) == 0 {
		return false
	}
	f := a.Facts[0]
	speakers := b.speakersFor(party)
	if f.Type != TypeStatement {
		speakers = slices.DeleteFunc(speakers, func(e *Entity) bool { return e != party && b.idx.broad(e.ID) })
	}
	return b.mentions(f, b.idx.factIndex[f], speakers)
}

// isPerson reports whether entity id is a person.
func (b *Base) isPerson(id string) bool {
	e := b.entityByID[id]
	return e != nil && e.Kind == KindPerson
}

// isDocument reports whether id is an entity of the document kind.
func (b *Base) isDocument(id string) bool {
	e := b.entityByID[id]
	return e != nil && e.Kind == KindDocument
}

// spokenOfTogether reports whether some fact names both entities.
func (b *Base) spokenOfTogether(a, c string) bool {
	return slices.ContainsFunc(b.idx.entityFacts[a], func(i int) bool { return contains(b.facts[i].Entities, c) })
}

// asksOfPersonOnly reports whether question names a person and nothing
// else ("what's sirajuddin haqqani's job").
func (b *Base) asksOfPersonOnly(question string) bool {
	q := b.parse(Normalize(question))
	defer b.idx.release(q)
	return len(q.links) > 0 && !slices.ContainsFunc(q.links, func(l link) bool { return l.entities[0].Kind != KindPerson }) && eventNoun(question) == ""
}

// salientEvent returns the event, operation or agreement the conversation
// spoke of most recently, or nil.
func (b *Base) salientEvent(c Context) *Entity {
	return b.firstSpoken(c, isDeed)
}

// isDeed reports whether e is something done or agreed: an event, an
// operation or an agreement, which a follow-up may react to or ask the
// end of.
func isDeed(e *Entity) bool {
	return e.Kind == KindEvent || e.Kind == KindOperation || e.Kind == KindAgreement
}

// spokenName is how a follow-up's reading names e, in lower case. A deed
// keeps the date in its brackets, the time it is asked of, and a document
// its year ("that report's year?"); anything else drops a bracket with a
// year in it, which tells it from a namesake ("People's Democratic Party
// of Afghanistan (1965 party)"): "when did it seize power" asks no
// question of 1965.
func spokenName(e *Entity) string {
	name := e.Name
	if bare := stripParen(name); !isDeed(e) && e.Kind != KindDocument && bare != name && strings.ContainsAny(name[len(bare):], "0123456789") {
		name = bare
	}
	return strings.ToLower(name)
}

// kindGroupNamed is what "that group" stands for: a group or an
// organisation, never a country or a place, as "they" may be.
const kindGroupNamed = "named group"

// kindFits reports whether entity e can be what a pronoun of kind stands
// for: "they" stands for a group, an organisation or a country, "there"
// for a place or a crossing, "it" for anything but a person.
func kindFits(e *Entity, kind string) bool {
	switch kind {
	case KindPerson:
		return e.Kind == KindPerson
	case kindShe:
		return e.Kind == KindPerson && e.Pronoun == "she"
	case kindHe:
		return e.Kind == KindPerson && e.Pronoun != "she"
	case KindGroup:
		// "they" may be a country too: "when did they close the border?"
		return e.Kind == KindGroup || e.Kind == KindOrganisation || e.Kind == KindPlace
	case kindGroupNamed:
		return e.Kind == KindGroup || e.Kind == KindOrganisation
	case KindPlace:
		return e.Kind == KindPlace || e.Kind == KindCrossing
	case KindDocument:
		return e.Kind == KindDocument
	case KindOrganisation:
		return e.Kind == KindOrganisation
	}
	return e.Kind != KindPerson
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// bareWhy reports whether a follow-up is only "why?" ("and why?", "why
// so?", "why is that?").
func bareWhy(toks []string) bool {
	n := 0
	for _, t := range toks {
		switch strings.Trim(t, "?!.,") {
		case "why":
			n++
		case "and", "so", "but", "is", "was", "that", "though", "exactly", "then", "":
		default:
			return false
		}
	}
	return n == 1
}

// reasonBeside answers "why?" of lead from the facts its source gives as
// causes in the same section, which the conversation has not been shown:
// after Ghosh's options for Pakistan, the domestic pressure and Chinese
// concerns she says may push it there.
func (b *Base) reasonBeside(c Context, lead *Fact) (Answer, bool) {
	seen := map[string]bool{}
	for _, id := range slices.Concat(c.Shown, c.Led, c.Facts) {
		seen[id] = true
	}
	var within []string
	for _, f := range b.facts {
		if f.Type == TypeCause && !seen[f.ID] && f.Cite.Doc == lead.Cite.Doc && f.Cite.Section == lead.Cite.Section {
			within = append(within, f.ID)
		}
	}
	if len(within) == 0 {
		return Answer{}, false
	}
	r := "why " + claimOf(lead.Text)
	a := b.answerWith(r, asking{within: within})
	a.Resolved = r
	return a, a.Answered
}

// claimOf is what fact text f claims, as a follow-up asks of it ("why?",
// "when was that?"): its sentence without the full stop, the source's tag
// ("…, according to the FNF paper", "…, Ghosh notes") or a closing clause
// that only adds detail ("…, halting movement of people and trade for
// several days"), which would have the question ask of all of it. (What
// someone said, "…, saying Kabul is not responsible", is no detail.)
func claimOf(text string) string {
	s := strings.TrimSuffix(lowerFirst(text), ".")
	if i := strings.LastIndex(s, ", according to "); i > 0 {
		s = s[:i]
	}
	if i := strings.LastIndex(s, ", "); i > 0 {
		tail := strings.Fields(s[i+2:])
		if n := len(tail); n >= 2 && n <= claimTagWords && tagVerbs[tail[n-1]] {
			s = s[:i] // ", the FNF paper reports"
		}
	}
	if i := strings.LastIndex(s, ", "); i > 0 {
		if tail := strings.Fields(s[i+2:]); len(tail) > 0 && strings.HasSuffix(tail[0], "ing") && tail[0] != "saying" && len(strings.Fields(s[:i])) >= claimMinWords {
			s = s[:i] // ", halting movement …"
		}
	}
	return s
}

// claimTagWords is the most words a source's closing tag has: ", the
// opinion article says".
const claimTagWords = 5

// claimMinWords is the fewest words a claim keeps when a closing detail
// is dropped from it.
const claimMinWords = 6

// tagVerbs close a source's tag on a claim: "…, Bhonsle writes".
var tagVerbs = setOf(`says said reports reported notes noted writes wrote argues argued adds added recalls recalled explains explained judges judged claims claimed observes observed states stated`)

// lowerFirst lowers a sentence's first letter, unless it starts a name.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// relativeTime rewrites a time told relative to the last question's — "the
// month before that", "the year before", "the previous year", "a year
// later" — as the month or year it is, when the last question asked of
// one month or one year: after September 2023, "the month before that"
// is "august 2023"; after the first half of 2023, "the year before" is
// "2022". A question of what came next ("what happened the year after")
// is left to whatCameNext.
func (b *Base) relativeTime(c Context, toks []string) ([]string, bool) {
	if c.Question == "" || asksNext(toks) {
		return nil, false
	}
	start, end, unit, shift := -1, 0, "", 0
	for i := 0; i+1 < len(toks) && start < 0; i++ {
		t, u := strings.Trim(toks[i], "?!.,"), strings.Trim(toks[i+1], "?!.,")
		switch {
		case (t == "the" || t == "a") && (u == "month" || u == "year") && i+2 < len(toks):
			if d, ok := relativeShifts[strings.Trim(toks[i+2], "?!.,")]; ok {
				start, end, unit, shift = i, i+3, u, d
			}
		case (u == "month" || u == "year") && relativeOrder[t] != 0:
			start, end, unit, shift = i, i+2, u, relativeOrder[t]
			if i > 0 && toks[i-1] == "the" {
				start--
			}
		}
	}
	if start < 0 {
		return nil, false
	}
	if end < len(toks) && relativeRefs[strings.Trim(toks[end], "?!.,")] {
		end++ // "the month before that"
	}
	pq := b.parse(Normalize(c.Question))
	if !pq.hasSpan || pq.from.Year == 0 || pq.from.Year != pq.to.Year || pq.to.Year == openYear {
		return nil, false
	}
	var when []string
	switch {
	case unit == "month" && pq.from.Month != 0 && pq.from.Month == pq.to.Month:
		y, m := pq.from.Year, pq.from.Month+shift
		if m < 1 {
			y, m = y-1, 12
		} else if m > 12 {
			y, m = y+1, 1
		}
		when = []string{strings.ToLower(MonthName(m)), strconv.Itoa(y)}
	case unit == "year":
		when = []string{strconv.Itoa(pq.from.Year + shift)}
	default:
		return nil, false
	}
	if start == 0 || !timePrepositions[toks[start-1]] {
		when = append([]string{"in"}, when...)
	}
	return slices.Concat(toks[:start], when, toks[end:]), true
}

// relativeShifts say which way a month or year told from another lies:
// "the month before", "a year later".
var relativeShifts = map[string]int{"before": -1, "earlier": -1, "prior": -1, "after": 1, "later": 1}

// relativeOrder are the same, said before the unit: "the previous year".
var relativeOrder = map[string]int{"previous": -1, "prior": -1, "preceding": -1, "following": 1}

// relativeRefs may close a relative time: "the month before that".
var relativeRefs = setOf("that then it this")

// timePrepositions may stand before a time: "compared to August 2023", not
// "compared to in August 2023".
var timePrepositions = setOf("to in for than with from on during since by until vs versus and or of")

// dislocated reads a follow-up that names something, then asks of it
// with a pronoun after a comma, as the question asked of that name:
// "and faiz, what happened to him since" is "what happened to faiz
// since", "and iran, when did it start deporting" is "when did iran
// start deporting". It returns "" for any other follow-up.
func (b *Base) dislocated(toks []string) string {
	start := 0
	for start < len(toks) && followUpOpeners[toks[start]] {
		start++
	}
	k := slices.IndexFunc(toks[start:], func(t string) bool { return strings.HasSuffix(t, ",") })
	if k < 0 {
		return ""
	}
	k += start
	head := slices.Clone(toks[start : k+1])
	head[len(head)-1] = strings.TrimSuffix(head[len(head)-1], ",")
	rest := toks[k+1:]
	if len(rest) < 2 {
		return ""
	}
	if w, _, _ := strings.Cut(rest[0], "'"); !isQuestionWord(w) && !auxWords[w] || !b.namesSomething(strings.Join(head, " "), false) {
		return "" // ("where'd they end up" asks where)
	}
	name := strings.Join(head, " ")
	for j, t := range rest {
		w := strings.Trim(t, "?!.,")
		if _, ok := pronounKind[w]; !ok && w != "that" || w == "there" {
			continue
		}
		if w == "that" && j+1 < len(rest) {
			continue // "when was that" stands for the name; "that deal" does not
		}
		switch w {
		case "his", "her", "its", "their":
			name += "'s"
		}
		return strings.Join(slices.Concat(rest[:j], []string{name}, rest[j+1:]), " ")
	}
	return ""
}

// checkWords ask whether one source bears out what another said: "is that
// consistent with the Gul paper", "does Ghosh agree".
var checkWords = setOf(`consistent inconsistent match matches agree agrees tally tallies square squares align aligns confirm confirms corroborate corroborates contradict contradicts`)

// askedOfOtherSource reads a follow-up that asks whether a source named in
// it bears out the last answer as the last question asked of that
// source: "is that consistent w the gul paper" after "how many TTP
// attacks in December 2021 according to Ghosh" asks how many the Gul paper
// counts. The last question's own source, if it named one, is dropped.
// It returns "" when the follow-up asks no such thing.
func (b *Base) askedOfOtherSource(c Context, toks []string) string {
	if c.Question == "" || !slices.ContainsFunc(toks, func(t string) bool { return checkWords[strings.Trim(t, "?!.,")] }) {
		return ""
	}
	q := b.parse(Normalize(strings.Join(toks, " ")))
	defer b.idx.release(q)
	var source []string
	for _, l := range q.links {
		if b.idx.entityDoc[l.entities[0].ID] == "" {
			continue
		}
		source = slices.Clone(q.toks[l.start:l.end])
		if l.end < len(q.toks) && authorNouns[q.toks[l.end]] {
			source = append(source, q.toks[l.end]) // "the gul paper"
		}
		break
	}
	if source == nil {
		return ""
	}
	last := b.parse(Normalize(c.Question))
	defer b.idx.release(last)
	var kept []string
	for k := 0; k < len(last.toks); k++ {
		if l := last.linkAt(k); l != nil && b.idx.entityDoc[l.entities[0].ID] != "" {
			for len(kept) > 0 && sourceNamers[kept[len(kept)-1]] {
				kept = kept[:len(kept)-1] // "according to", "per"
			}
			k = l.end - 1
			if l.end < len(last.toks) && authorNouns[last.toks[l.end]] {
				k++ // "in Gul's paper"
			}
			continue
		}
		kept = append(kept, last.toks[k])
	}
	if len(kept) == 0 {
		return ""
	}
	return strings.Join(kept, " ") + " per " + strings.Join(source, " ")
}

// sourceNamers stand before a source a question names: "according to
// Ghosh", "per Bhonsle", "in the Gul paper".
var sourceNamers = setOf(`according to per in by from the`)
