package knowledge

// Small talk: greetings, thanks and questions about durand itself get a
// short, friendly reply and three questions the pack answers well; never a
// fact, and never a decline.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// smallTalkReplies are the replies, by what the message is: the whole
// message, folded, must be one of the phrases (see smallTalk).
var smallTalkReplies = []struct {
	phrases []string
	reply   string
}{
	{[]string{"hi", "hello", "hey", "hiya", "yo", "howdy", "greetings", "good morning", "good afternoon", "good evening", "gm", "good day",
		"salaam", "salam", "assalamualaikum", "assalam o alaikum", "asalam o alaikum", "hi there", "hello there", "hey there",
		"hi durand", "hello durand", "hey durand", "morning"},
		"Hello! I answer questions about Pakistan–Afghanistan relations from five source documents, citing each one."},
	{[]string{"thanks", "thank you", "thx", "ty", "cheers", "thanks a lot", "thank you so much", "thanks so much", "many thanks",
		"much appreciated", "great thanks", "ok thanks", "okay thanks", "thanks durand", "thank you durand", "shukriya", "great", "perfect", "nice", "cool"},
		"You're welcome."},
	{[]string{"ack"}, // acknowledgements, see ackWords
		"Sure — ask me another whenever you like."},
	{[]string{"bad bot", "wrong", "that's wrong", "thats wrong", "that is wrong", "not helpful", "that's not helpful", "useless", "that's useless",
		"not what i asked", "that's not what i asked", "thats not what i asked", "that's not right", "thats not right", "not right", "nope", "no that's wrong"},
		"Sorry that missed. Try asking again with a name, a place or a date in it."},
	{[]string{"bye", "goodbye", "good bye", "good day to you", "see you", "see ya", "later", "good night", "night", "nite", "gn", "night night", "that's all for tonight", "thats all for tonight", "brb", "gtg", "got to go", "gotta go", "ttyl", "talk later", "afk"},
		"Goodbye — ask again any time."},
	{[]string{"how are you", "how are you doing", "how's it going", "hows it going", "what's up", "whats up", "sup"},
		"All well, thanks — ready for a question."},
	{[]string{"who made you", "who built you", "who created you", "who wrote you", "who are you", "what are you",
		"are you a bot", "you a bot", "are you human", "are you real", "you a human", "are you a person", "are you an ai", "who is durand"},
		"I'm durand, a bot that answers from a curated pack of facts drawn from five documents on Pakistan–Afghanistan relations. I cite where each answer comes from, and I decline rather than guess."},
	{[]string{"help", "help me", "what can you do", "what do you do", "what can i ask", "what can i ask you", "what should i ask",
		"how do i use this", "how do i use you", "how does this work", "how do you work", "what do you know", "what do you know about",
		"what can you tell me", "how can you help", "how can you help me", "what can you help me with", "what can you help with", "what questions can i ask",
		"what are you able to do", "what are you able to help with", "what are you able to help me with",
		"what topics do you cover", "instructions", "usage"},
		"Ask me about the people, groups, events, figures and dates in the sources — who someone is, when something happened, how many, why. Say “timeline” and a topic for events in order; after an answer, “sources” shows the words it rests on."},
}

// thanksWords open thanks; appreciation may follow them: "thanks, that's
// really helpful".
var (
	thanksWords  = setOf("thanks thank thx thnx thanx tks tx ty ta cheers shukriya great gr8 perfect nice cool awesome brilliant excellent amazing lovely helpful useful appreciated obliged much most kind")
	appreciation = setOf("you so much very a lot that that's thats it's its is was really helpful useful great good nice perfect ok okay durand again for the help info answer all mate clear interesting " +
		"it now everything done set fine today bye one stuff you're youre star job work bot appreciated super i all needed need wanted " +
		"plenty enough tonight night nite evening later") // "thanks, that's it for now", "ok thanks, that's all I needed", "thx, that's plenty for tonight"
)

// ackWords acknowledge an answer, or react to it, without thanks or a
// question: "ok", "noted", "roger that", "lol", "interesting", "i see",
// "never mind". A
// message made only of them is answered as "ack".
var ackWords = setOf("ok okay k kk noted understood roger that alright right sure fine gotcha got it i see makes sense fair enough " +
	"interesting wow whoa hmm hm lol haha ha oh ah huh np no problem worries good bot well done job nice one sounds will do " +
	"never mind nevermind nvm forget") // "ok never mind", "forget it"

// thanksRemark is the most words a remark before closing thanks may have
// ("this is gold, ty"): a longer one is a question ("afghani to usd
// exchange rate thanks").
const thanksRemark = 3

// greetingWords may open thanks or a question about durand: "hey thanks",
// "oh hi, what can you do".
var greetingWords = setOf("hey hi hello yo oh ah")

// asksSomething reports whether w, beside thanks, asks something of its
// own: a question word, a follow-up's word ("more", "sources") or a
// figure ("thanks. and 2023?").
func (b *Base) asksSomething(w string) bool {
	return b.idx.qwords[w] || moreCore[w] || sourceWords[w] || w[0] >= '0' && w[0] <= '9'
}

// yesNoStarts open a yes-or-no question: "is that useful" asks.
var yesNoStarts = setOf("is was are were isn't wasn't do does did can could would will")

// plainThanks thank wherever they stand: "that's useful, thanks".
var plainThanks = setOf("thanks thank thx thnx thanx tks tx ty cheers shukriya obliged")

// capabilityEnds may close a question about what durand knows: "what kind
// of stuff do you know about". Any other word asks about something.
var capabilityEnds = setOf("about of on here exactly really")

// capabilityTail is how many words longer than other small talk a
// question about what durand knows may be.
const capabilityTail = 3

// asides add nothing to small talk: "who made you btw".
var asides = setOf("btw anyway anyways again though just else actually really incidentally")

// capabilityRE matches questions about what durand can be asked: "what
// kind of questions can I ask?", "which topics do you cover?".
var capabilityRE = regexp.MustCompile(`^(what|which)( kinds?| sorts?| types?)?( of)? (questions|things|topics|stuff|subjects)( can| should| could| do)? (i|we|you) (ask|answer|cover|know|handle)`)

// smallTalkMaxBytes bounds the messages even looked at as small talk: the
// longest phrase, with a mention or two around it, is well under it.
const smallTalkMaxBytes = 120

// smallTalkMaxWords bounds the messages read as small talk, asides left
// out: a longer one is a question.
const smallTalkMaxWords = 7

// smallTalk answers a greeting, thanks, goodbye or question about durand.
// It reports false for anything else.
func (b *Base) smallTalk(question string) (Answer, bool) {
	if len(question) > smallTalkMaxBytes {
		return Answer{}, false // every question passes here: the long ones at once
	}
	words := strings.FieldsFunc(withoutMentions(foldText(foldAccents(question))), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	words = slices.DeleteFunc(words, func(w string) bool { return asides[w] }) // "who made you btw"
	for i, w := range words {
		if w == "u" || w == "ya" {
			words[i] = "you" // "what can u do"
		}
	}
	if len(words) == 0 || len(words) > smallTalkMaxWords+capabilityTail {
		return Answer{}, false
	}
	lead := 0
	for lead < len(words) && (plainThanks[words[lead]] || thanksWords[words[lead]] || ackWords[words[lead]] || greetingWords[words[lead]]) {
		lead++
	}
	for l := lead; l > 0 && l < len(words) && len(words) > 2; l-- {
		// "ty. what else can you help with?", "great thanks! what else
		// can you do": thanks, then the question about durand is what is
		// answered. ("Most kind. Good day to you": the thanks end before
		// the "good" that opens the farewell.)
		if a, ok := b.smallTalk(strings.Join(words[l:], " ")); ok {
			a.Question = question
			return a, true
		}
	}
	if slices.ContainsFunc(words, func(w string) bool { return plainThanks[w] }) {
		// "thx, noted for the briefing", "ok thanks, v helpful": thanks,
		// then words that ask nothing and name nothing the pack knows.
		// Thanks that close the message ("ha, a competitor. thx") follow
		// no word of the facts either: "tank fort casualties thanks" asks.
		rest := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return plainThanks[w] || ackWords[w] || greetingWords[w] })
		first := slices.ContainsFunc(words[:lead], func(w string) bool { return plainThanks[w] })
		if len(rest) == 0 || !yesNoStarts[rest[0]] && !slices.ContainsFunc(rest, b.asksSomething) && !b.namesSomething(strings.Join(rest, " "), false) &&
			(first || len(rest) <= thanksRemark && !slices.ContainsFunc(rest, b.idx.factWord)) {
			return b.smallTalkReply(question, "thanks")
		}
	}
	s := strings.Join(words, " ")
	if m := capabilityRE.FindString(s); m != "" && !slices.ContainsFunc(strings.Fields(s[len(m):]), func(w string) bool { return !capabilityEnds[w] }) {
		s = "help" // "what kind of stuff do you know about"
	} else if len(words) > smallTalkMaxWords {
		return b.smallTalkReply(question, s) // only a phrase of its own, however long: "what are you able to help me with"
	}
	grateful := thanksWords[words[0]] || slices.ContainsFunc(words, func(w string) bool { return plainThanks[w] }) ||
		len(words) <= 3 && !b.idx.qwords[words[0]] && !yesNoStarts[words[0]] && slices.ContainsFunc(words, func(w string) bool { return thanksWords[w] }) // "that's helpful", not "is that useful"
	switch {
	case grateful && !slices.ContainsFunc(words, func(w string) bool { return !appreciation[w] && !thanksWords[w] && !ackWords[w] }):
		s = "thanks" // "thanks, that's helpful", "thank you so much", "that's useful, thanks"
	case !slices.ContainsFunc(words, func(w string) bool { return !ackWords[w] }):
		s = "ack" // "ok", "noted", "roger that", "lol"
	}
	return b.smallTalkReply(question, s)
}

// smallTalkReply returns the reply to question when s, what it was read
// as, is one of the small-talk phrases, with three questions the pack
// answers well; it reports false otherwise.
func (b *Base) smallTalkReply(question, s string) (Answer, bool) {
	k, ok := b.idx.smallTalk[s]
	if !ok {
		return Answer{}, false
	}
	a := Answer{Question: question, Reply: true, Lines: []string{smallTalkReplies[k].reply}}
	if ex := b.defaultSuggestions(); len(ex) > 0 {
		a.Suggestions = ex[:min(3, len(ex))]
		a.Lines = append(a.Lines, "You could ask: "+strings.Join(a.Suggestions, "; ")+".")
	}
	return a, true
}

// smallTalkKeys maps every way of saying a small-talk phrase — the phrase
// itself, with "please" or "durand" after it, or "ok", "hey", "hi" or
// "great" before it — to the place of its reply in smallTalkReplies. A
// way shared by two replies goes to the first, as reading them in order
// would.
func smallTalkKeys() map[string]int {
	keys := map[string]int{}
	for k, st := range smallTalkReplies {
		for _, p := range st.phrases {
			for _, s := range []string{p, p + " please", "ok " + p, "hey " + p, "hi " + p, "great " + p, p + " durand"} {
				if _, ok := keys[s]; !ok {
					keys[s] = k
				}
			}
		}
	}
	return keys
}
