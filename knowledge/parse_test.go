package knowledge

import (
	"slices"
	"strings"
	"testing"
)

// TestClassify pins how questions are read: the noun after "which" or
// "what", the words that ask for a figure, a name or a duration.
func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want Intent
	}{
		{"which afghan provinces did the jets hit", IntentWhere},
		{"iskp leader", IntentWho},                                                 // a title and its party, and nothing more, asks who holds it
		{"head of the isi", IntentWho},                                             // the title first
		{"army chief's name deportation undocumented afghans pakistan", IntentWho}, // a post's holder's name, with a reading's carried words after
		{"what was the army chief's name", IntentWho},
		{"taliban spokesman statement on the border", IntentStatement}, // the statement is asked for
		{"ttp leaders", IntentFact},                                    // who they are is a list
		{"exact number killed in the march 2024 airstrikes", IntentHowMany},
		{"how much leverage does pakistan have over afghan revenue", IntentFact}, // how far a hold reaches, in words
		{"how much money does afghanistan make from customs", IntentHowMany},
		{"what is islamabad really doing with the refugees", IntentWhy}, // what it does them for
		{"what is the taliban playing at", IntentWhy},
		{"what does bhonsle think pakistan is up to with the refugees", IntentWhy},       // what it does them for
		{"what did the un report say al-qaida is up to in afghanistan", IntentStatement}, // what it does, in the report's words
		{"what was the reason for the expulsions", IntentWhy},                            // a reason, however asked
		{"what was the purpose of the visit", IntentWhy},
		{"what's behind the rise in attacks", IntentWhy},
		{"what did the report say caused the collapse", IntentWhy},                          // a cause, in its words: not what it said of other things
		{"what was the hrcp's criticism of the expulsions", IntentStatement},                // a criticism is something said
		{"dates of the 2 ceasefires between pakistan and the ttp", IntentWhen},              // dates are asked, not a list
		{"the bajaur bombing and the mastung blast - dates for both", IntentWhen},           // "dates for" asks when
		{"the death count for the mastung blast", IntentHowMany},                            // a count is a figure
		{"where did the ttp get all the new manpower from", IntentWhere},                    // a word of counting does not outweigh "where"
		{"why were the casualties so high in 2023", IntentWhy},                              // nor "why"
		{"why so many attacks, give me the numbers", IntentHowMany},                         // unless a count is asked outright
		{"what's the budget of the deportation programme", IntentHowMany},                   // a budget is a sum
		{"month and year the ttp was formed", IntentWhen},                                   // a month and year are a date
		{"what did the ttp want in return for peace with islamabad", IntentList},            // what it wanted: its demands, each of them
		{"attacks in 2021 and the percent rise on 2020", IntentHowMany},                     // so is a percentage
		{"where did the ttp fighters go when the army launched zarb-e-azb", IntentWhere},    // "when" opens a clause
		{"when ghosh writes of the 'irredentist' claims, what does she mean", IntentDefine}, // a clause on her words, then the question
		{"who is meant by the establishment in the op-ed", IntentDefine},                    // what a term stands for
		{"the mastung bombing: dates please", IntentWhen},                                   // no question word, but a date is asked
		{"walk me through march 2024", IntentTimeline},
		{"how did the taliban rise in the 90s, year by year", IntentTimeline}, // year by year asks the years in order
		{"what happened to the afghan refugees after 2001", IntentFact},       // what became of them, not the year's events
		{"what did the ttp want in return for peace", IntentList},             // its demands, each of them
		{"what's gul's view on recognising the taliban", IntentStatement},     // a view is what someone holds and says
		{"what does the ttp think of the durand line", IntentStatement},
		{"kugelman's take?", IntentStatement},              // a take, after a name, is a view
		{"kakar's words on the refugees", IntentStatement}, // words on a thing are what was said of it
		{"and his take", IntentStatement},
		{"did they take", IntentFact},                                       // a verb
		{"and china's angle?", IntentWhy},                                   // a country's angle is its motive: why it is engaged
		{"por and acc holders in pakistan - figures?", IntentHowMany},       // figures asked are numbers
		{"which ttp figures did the taliban release from jail", IntentList}, // figures asked by "which" are people, not numbers
		{"what did the expulsion plan cost pakistan", IntentHowMany},
		{"give me the sequence from the coup to the invasion", IntentTimeline},
		{"march 2024 sequence: the mir ali attack to the airstrikes", IntentTimeline}, // a sequence alone asks the events in order
		{"in what order were the 2022 opposition groups set up", IntentTimeline},
		{"key milestones in the group's history", IntentTimeline},
		{"the taliban's rise, with years", IntentTimeline},
		{"trace how the tensions escalated", IntentTimeline},
		{"what yr was the group set up", IntentWhen},
		{"which army chief was at the meeting", IntentWho},
		{"which pakistani official called it a nightmare", IntentWho},
		{"what did the army chief say", IntentStatement},
		{"which leaders were freed", IntentList},
		{"how long has he been prime minister", IntentWhen},
		{"how long did the hrcp say afghans had to leave", IntentHowMany}, // a time allowed, not since when
		{"how long is the border", IntentHowMany},
		{"exact date the jets struck", IntentWhen},
		{"what ttp", IntentDefine},
		{"name of the group's first supreme leader", IntentWho},
		{"current army chief name?", IntentWho}, // a title, then "name"
		{"afghanistan from zahir shah to the soviet invasion, key years", IntentTimeline},
		{"durrani's quote on afghan peace?", IntentStatement},
		{"list the reasons the republic collapsed", IntentList},
		{"why did pakistan back the movement when it emerged", IntentWhy}, // "when" opens a clause
		{"why did the republic collapse", IntentWhy},
		{"what economic screws should pakistan tighten", IntentFact}, // asks about something, not what it is
		{"what figures for attacks in 2023", IntentHowMany},
		{"date of the bombing", IntentWhen},
		{"the report's publication date", IntentWhen},
		{"the year 2023", IntentFact},
		{"torkham closure", IntentFact},
		{"nrf fighting strength", IntentHowMany},
		{"estimate of the group's size", IntentHowMany},
		{"how old is the ttp chief", IntentHowMany},
		{"two main drivers of the tension", IntentList},
		{"per ghosh, what are the two principal reasons for tension", IntentList},         // counted: each of them
		{"what factors did sigar give for why the afghan republic collapsed", IntentList}, // the factors, not why
		{"what reasons did iran give for deporting afghans", IntentWhy},                   // its justification
		{"he ruled for two years", IntentFact},
		{"daily trade volume through the crossing", IntentHowMany},
		{"names of the officers killed", IntentWho},
		{"name of the operation that ousted the taliban", IntentFact},
		{"name the guy heading the nrf", IntentWho},
		{"name china's envoy to kabul", IntentWho},
		{"which ttp leaders were freed", IntentList},
		{"who was pm when kabul fell", IntentWho},
		{"what did the envoy tell the taliban", IntentStatement},
		{"what was the taliban told", IntentStatement},
		{"tell me about the ttp", IntentFact},
		{"which big names were freed", IntentList},
		{"loyal to which afghan strongman", IntentWho},
		{"how far do the claims extend into pakistan", IntentWhere},
		{"how far into pakistan do they claim land", IntentWhere},
		{"how far do the taliban claim", IntentWhere},
		{"how far is kabul from peshawar", IntentHowMany},
		{"how many soldiers died when the border forces hit back", IntentHowMany},
		{"what three aims did pakistan have when it backed the taliban", IntentList},
		{"what was agreed and when", IntentWhen},
		{"when and where was the attack", IntentWhen},
	} {
		if got := classify(tokenize(tc.q), false); got != tc.want {
			t.Errorf("%q: intent %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestNamesCapitalised: a name is written with capitals; the same word in
// lower case is only a description.
func TestNamesCapitalised(t *testing.T) {
	for _, tc := range []struct {
		text  string
		words []string
		want  bool
	}{
		{"the US launched Operation Enduring Freedom in 2001", []string{"operation"}, true},
		{"the government calls it the Illegal Foreigners Repatriation Plan", []string{"deportation", "plan"}, true},
		{"Uzbekistan plans major infrastructure projects", []string{"railway", "project"}, false},
		{"Operations against the TTP went on", []string{"operation"}, true},
		{"an army operation followed", []string{"operation"}, false},
	} {
		if got := namesCapitalised(tc.text, tc.words); got != tc.want {
			t.Errorf("namesCapitalised(%q, %q) = %v, want %v", tc.text, tc.words, got, tc.want)
		}
	}
}

// TestCounted: "how many" finds what is counted, and a fact what it
// counts, so "how many attacks" prefers "294 attacks" to "136 killed".
func TestCounted(t *testing.T) {
	b := packFromDisk(t)
	ix := b.idx
	for _, tc := range []struct {
		q    string
		want string // a stem that must be counted, "" for none
	}{
		{"how many ttp attacks were there in 2021", "attack"},
		{"how many fighters does the group have", "fighter"},
		{"how many were killed", ""},
		{"how many of those killed in the attack were children", "children"}, // what is counted is said last
		{"how many of tehrik-e-taliban pakistan were in chitral", "fighter"}, // a group's fighters, not the place they were in
	} {
		q := b.parse(Normalize(tc.q))
		if tc.want == "" {
			if len(q.counted) != 0 {
				t.Errorf("%q: counts %v, want nothing", tc.q, q.counted)
			}
			continue
		}
		if !slices.Contains(q.counted, ix.stem(tc.want)) {
			t.Errorf("%q: counts %v, want %q", tc.q, q.counted, ix.stem(tc.want))
		}
	}
	// A name, a year or "this year's" before the noun counted describes it.
	if c := b.parse(Normalize("how many of pakistan's 2023 suicide bombings did kakar blame on afghans")).counted; slices.Contains(c, ix.stem("pakistan")) || slices.Contains(c, "2023") {
		t.Errorf("Pakistan's 2023 suicide bombings: counts %v, want neither Pakistan nor 2023", c)
	}
	if c := b.parse(Normalize("how many of this year's suicide bombings did bugti blame on afghans")).counted; slices.Contains(c, ix.stem("year")) {
		t.Errorf("this year's suicide bombings: counts %v, want no year", c)
	}
	// Those counted, then what befell them: the verb is not counted.
	for q, not := range map[string]string{"how many militants died in the attack": "die", "how many kids died in the blast": "dead"} {
		if c := b.parse(Normalize(q)).counted; slices.Contains(c, not) {
			t.Errorf("%q: counts %v, want no %q", q, c, not)
		}
	}
	// A source or a person named after the count is not what is counted.
	for _, q := range []string{"how many afghans per bhonsle", "how many fighters per the op-ed on the expulsions"} {
		pq := b.parse(Normalize(q))
		for _, w := range []string{"bhonsle", "op", "ed", "expulsions"} {
			if slices.Contains(pq.counted, ix.stem(w)) {
				t.Errorf("%q: counts %v, which holds %q", q, pq.counted, w)
			}
		}
	}
	got := ix.countedStems(&Fact{Text: "Militants killed at least 59 people; the group claimed 294 attacks in 2021."}, nil)
	for _, w := range []string{"killed", "people", "attacks"} {
		if !got[ix.stem(w)] {
			t.Errorf("countedStems: %q not counted in %v", w, got)
		}
	}
	if got[ix.stem("militants")] {
		t.Errorf("countedStems: %q is too far from any figure", "militants")
	}
}

// TestNamedNeedsTheWholeName: a fact names "Islamic State" only if the
// words stand together, not when one says "Islamic Emirate" and another
// "states".
func TestNamedNeedsTheWholeName(t *testing.T) {
	if !containsRun([]string{"the", "islam", "state", "said"}, []string{"islam", "state"}) {
		t.Error("containsRun misses a run in the middle")
	}
	if containsRun([]string{"islam", "emir", "state"}, []string{"islam", "state"}) {
		t.Error("containsRun joins words that are apart")
	}
	b := packFromDisk(t)
	// A person's one-word alias ("Noor") inside another person's name
	// ("Atta Mohammad Noor") is that other person.
	q := b.parse(Normalize("what does noor wali mehsud want"))
	for k, u := range q.units {
		for i, f := range b.facts {
			if u.link != nil && f.ID == "fnf-atta-noor-role" && q.named[k][i] {
				t.Errorf("%s is taken to name %s: %q", f.ID, u.link.entities[0].ID, f.Text)
			}
		}
	}
	q = b.parse(Normalize("who leads islamic state"))
	for k, u := range q.units {
		if u.link == nil {
			continue
		}
		for i, f := range b.facts {
			// It says "the Afghan Taliban government's interior minister, the
			// FNF paper states", and is tagged with the Islamic Emirate.
			if f.ID == "fnf-sirajuddin-haqqani-role" && q.named[k][i] {
				t.Errorf("%s is taken to name %s: %q", f.ID, u.link.entities[0].ID, f.Text)
			}
		}
	}
	// "Durand" is a word of the Durand Line's name, not the bot's name to
	// be dropped from it: a "hard line" is not the Durand Line.
	q = b.parse(Normalize("why do the taliban reject the durand line"))
	for k, u := range q.units {
		for i, f := range b.facts {
			if u.link != nil && u.link.entities[0].ID == "durand-line" && f.ID == "op-policy-shift-cause" && q.named[k][i] {
				t.Errorf("%s is taken to name the Durand Line: %q", f.ID, f.Text)
			}
		}
	}
}

// TestClauseTime: "who was X when Z" dates Z from the pack and asks about
// the post then; the clause's words leave the question.
func TestClauseTime(t *testing.T) {
	b := packFromDisk(t)
	q := b.parse(Normalize("who was pakistan's prime minister when the taliban took kabul"))
	if !q.hasSpan || q.from.Year != 2021 || q.from.Month != 8 {
		t.Fatalf("span %v–%v (has %v), want August 2021", q.from, q.to, q.hasSpan)
	}
	if got := b.idx.stem("minister"); len(q.title) == 0 || q.title[len(q.title)-1] != got || q.titleOwner != "pakistan" {
		t.Errorf("title %v of %q, want ...%s of pakistan", q.title, q.titleOwner, got)
	}
	for _, u := range q.units {
		if u.link != nil && u.link.entities[0].ID == "kabul" {
			t.Errorf("the clause's Kabul is still a unit of the question")
		}
	}
	// Not dated when the clause is not answered: the question is left as it is.
	q = b.parse(Normalize("who was pakistan's prime minister when the moon landing happened"))
	if q.hasSpan {
		t.Errorf("an undated clause set the span %v–%v", q.from, q.to)
	}
	// Nor when the clause points back to what the question names.
	q = b.parse(Normalize("which former spy chief told reporters not to worry, and where was he when he said it"))
	if q.hasSpan {
		t.Errorf("a clause about 'he' set the span %v–%v", q.from, q.to)
	}
}

// TestEnglishWordsAreNotNames: a common English word a letter from a name
// is taken as typed, and a word nearer a word of the pack than a name is
// that word; a misspelt name is still corrected.
func TestEnglishWordsAreNotNames(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q, word string
		linked  bool
	}{
		{"when was the durand line drawn", "drawn", false}, // not Dawn
		{"best biryani place in peshawar", "best", false},  // not Tom West
		{"who is mullah yakoob", "yakoob", true},
		{"who is the defence minster", "minster", false},           // minister, one letter off, not Theresa Winter, two
		{"how many militant attcks hit pakistan", "attcks", false}, // attacks, a word of the facts though a name has it too, not Attock
	} {
		q := b.parse(Normalize(tc.q))
		j := slices.Index(q.toks, tc.word)
		if j < 0 {
			j = slices.Index(tokenize(Normalize(tc.q)), tc.word) // as typed: a misspelt post is rewritten in q.toks
		}
		if j < 0 || j >= len(q.toks) {
			t.Fatalf("%q: no token %q in %v", tc.q, tc.word, q.toks)
		}
		if got := q.inLink(j); got != tc.linked {
			t.Errorf("%q: %q linked %v, want %v (links %v)", tc.q, tc.word, got, tc.linked, q.links)
		}
	}
}

// TestCountedGate: a how-many question is not answered by a figure that
// counts something else, and a word that only describes what a figure
// counts ("65 militant attacks") is not counted.
func TestCountedGate(t *testing.T) {
	checkMissingParts(t, []missingCase{
		{"how many ttp militants did pakistani forces kill in 2023", "cookie-picss-september-toll", "how many"},
		{"how many fighters does the ttp have", "op-40-factions-joined-ttp", "how many"}, // factions, however jihadist
		{"how many militant attacks did pakistan see in september 2023", "cookie-picss-september-toll", ""},
		{"how many afghans got citizen cards in 2017", "cookie-acc-holders", ""},                           // Afghan refugees are Afghans
		{"how big is the ttp these days", "op-40-factions-joined-ttp", "how many"},                         // a group's size is its fighters, not its factions
		{"how many of the ttp are afghan nationals", "recal-chinese-nationals-targeted", "how many"},       // Chinese nationals are not Afghans
		{"how many attacks hit chinese nationals after 2021", "recal-chinese-nationals-targeted", ""},      // the people asked about
		{"number of refugees in pak per unhcr", "cookie-unhcr-documented", ""},                             // "in Pak" is a place, counting no Pakistanis
		{"how many pakistani soldiers took part in the chitral raid", "cookie-chitral-attack", "how many"}, // "Tehreek-e-Taliban Pakistan cadres" count no Pakistanis
		{"how many pakistani soldiers died in the chitral raid", "cookie-chitral-attack", "how many died"}, // nor do its cadres who attacked die
	})
}

func TestAsksPeople(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string]bool{
		"which ttp leaders were freed":         true,
		"what figures were released":           true,
		"which groups oppose the taliban":      false,
		"what did the leaders of the ttp want": false,
	} {
		if got := b.parse(Normalize(q)).asksPeople(); got != want {
			t.Errorf("%q: asksPeople %v, want %v", q, got, want)
		}
	}
}

// TestAsksTimeNoun: a time noun asks for a date unless a number or a word
// like "last" makes it a period.
func TestAsksTimeNoun(t *testing.T) {
	for _, tc := range []struct {
		q    string
		word string
		want bool
	}{
		{"who set it up and in what month", "month", true},
		{"founder + year it was set up", "year", true},
		{"attacks in the last year", "year", false},
		{"a four year stay", "year", false},
		{"month 3 of the truce", "month", false},
		{"the first month of the truce", "month", false},
		{"the 2023 year in review", "year", false},
	} {
		toks := tokenize(tc.q)
		i := slices.Index(toks, tc.word)
		if i < 0 {
			t.Fatalf("%q: no %q", tc.q, tc.word)
		}
		if got := asksTimeNoun(toks, i); got != tc.want {
			t.Errorf("asksTimeNoun(%q, %q) = %v, want %v", tc.q, tc.word, got, tc.want)
		}
	}
}

func TestShortYear(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want int // 0: not a year
	}{
		{"who formed the northern alliance in 92", 1992},
		{"what happened in 01 and after", 2001},
		{"attacks in 24 hours", 0},
		{"ttp leader in 55", 0},
		{"chapter 92", 0},
		{"mazar-i-sharif 98 - how many were killed", 1998}, // a past year after a name, at a phrase's end
		{"killed 98 and injured more", 0},
	} {
		toks := tokenize(tc.q)
		got := 0
		for i := range toks {
			if y, ok := shortYear(toks, i); ok {
				got = y
			}
		}
		if got != tc.want {
			t.Errorf("shortYear in %q = %d, want %d", tc.q, got, tc.want)
		}
	}
}

// TestPhraseAfterATime: "go after" is "act against" when a target
// follows it, and no phrase when a time does; so with "get in" and "call
// in" before a year.
func TestPhraseAfterATime(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string][]string{
		"did the ttp go after chinese nationals": {"did", "the", "ttp", "act", "against", "chinese", "nationals"},
		"where did dostum go after that":         {"where", "did", "dostum", "go", "after", "that"},
		"where did he go after 1998":             {"where", "did", "he", "go", "after", "1998"},
		"who went after march":                   {"who", "went", "after", "march"},
		"who went after that group":              {"who", "act", "against", "that", "group"}, // "that" opens what was gone after
		"how bad did ttp violence get in 2023":   {"how", "bad", "did", "ttp", "violence", "get", "in", "2023"},
		"how did they get in":                    {"how", "did", "they", "enter"},
		"what did zahir shah call in 1964":       {"what", "did", "zahir", "shah", "call", "in", "1964"},
		"how many back in 2015":                  {"how", "many", "in", "2015"}, // a phrase that keeps its "in"
	} {
		if got := b.idx.rewriteTokens(tokenize(q)); !slices.Equal(got, want) {
			t.Errorf("rewriteTokens(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestSplitPhrasalVerb: a phrasal verb is read whether its object comes
// after the particle or between verb and particle.
func TestSplitPhrasalVerb(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string][]string{
		"why not kick the ttp out":        {"why", "not", "expel", "the", "ttp"},
		"why not kick out the ttp":        {"why", "not", "expel", "the", "ttp"},
		"they kick a ball around and out": {"they", "kick", "a", "ball", "around", "and", "out"}, // too far apart
		"who got taken out":               {"who", "got", "killed"},                              // "taken out" is a phrase; "got … out" is not "get out"
	} {
		if got := b.idx.rewriteTokens(tokenize(q)); !slices.Equal(got, want) {
			t.Errorf("rewriteTokens(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestBaselineYear: a year a change is measured against is no time asked
// about; two years asked about still make a span.
func TestBaselineYear(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q        string
		from, to int
	}{
		{"how many attacks in 2021, and by what percent were they up on 2020", 2021, 2021},
		{"were deaths in 2022 higher than 2021", 2022, 2022},
		{"attacks between 2020 and 2021", 2020, 2021},
		{"what happened on 2021", 2021, 2021}, // no change asked, no other year: the year asked
		{"outline the taliban's rise 1995-97", 1995, 1997},
	} {
		q := b.parse(Normalize(tc.q))
		if !q.hasSpan || q.from.Year != tc.from || q.to.Year != tc.to {
			t.Errorf("%q: span %v %d-%d, want %d-%d", tc.q, q.hasSpan, q.from.Year, q.to.Year, tc.from, tc.to)
		}
	}
}

// TestYearRanges: a range of years with its end written short runs to
// that end; two digits after a full year are no range when they come
// before it.
func TestYearRanges(t *testing.T) {
	for in, want := range map[string]string{
		"taliban's rise 1995-97":   "taliban's rise 1995 1997",
		"attacks in 2021/22":       "attacks in 2021 2022",
		"what happened in 2019-05": "what happened in 2019-05",
		"killed 22 people in 2021": "killed 22 people in 2021",
	} {
		if got := yearRanges(in); got != want {
			t.Errorf("yearRanges(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestClosePhrasalVerbs: a phrasal verb parted by a pronoun is closed up
// before the pronoun is named, so the name cannot part it further.
func TestClosePhrasalVerbs(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string]string{
		"why did they turn it down":    "why did they reject it",
		"why not kick them out":        "why not expel them",
		"why not kick the ttp out":     "why not kick the ttp out", // no pronoun: left for rewriteTokens
		"did they turn down the offer": "did they turn down the offer",
	} {
		if got := strings.Join(b.idx.closePhrasalVerbs(tokenize(q)), " "); got != want {
			t.Errorf("closePhrasalVerbs(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestSpanNamedIsNoTimeAsked: a year inside a name names the thing, and a
// fact about that thing is not out of the span, whenever it is dated.
func TestSpanNamedIsNoTimeAsked(t *testing.T) {
	b := packFromDisk(t)
	q := b.parse(Normalize("why did the ttp reject pakistan's amnesty offer to the ttp (2021)"))
	if !slices.Equal(q.spanNamers, []string{"ttp-amnesty-offer-2021"}) {
		t.Errorf("span namers %q, want the amnesty offer", q.spanNamers)
	}
	f := b.factByID["fnf-ttp-declined-amnesty"]
	if ft := b.features(q, b.idx.factIndex[f]); ft.Signs[signSpanOut] != 0 {
		t.Errorf("%s is out of the span its entity's name gives", f.ID)
	}
	if q := b.parse(Normalize("how many died in the march 2024 strikes")); len(q.spanNamers) != 0 {
		t.Errorf("a time asked outside a name: span namers %q, want none", q.spanNamers)
	}
}

// TestAsksName: a question asking what something is called asks its name,
// whatever word it uses for naming; one reporting what someone called
// something asks what was said.
func TestAsksName(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q      string
		want   bool
		intent Intent
	}{
		{"what is the expulsion drive officially called", true, IntentDefine},
		{"whats the resistance council's nickname", true, IntentDefine},
		{"the official name of the border", true, IntentFact},
		{"which group is known as the ankara circle", true, IntentFact},
		{"what name does the src go by", true, IntentDefine},
		{"what term does the op-ed use for the taliban's claims beyond the border", true, IntentFact}, // what it calls them
		{"what did kakar call the ttp", false, IntentStatement},
		{"who called the deportations unacceptable", false, IntentWho},
		{"what did pakistani officials say", false, IntentStatement},
	} {
		q := b.parse(Normalize(tc.q))
		if q.asksName != tc.want || q.intent != tc.intent {
			t.Errorf("%q: asksName %v intent %v, want %v %v", tc.q, q.asksName, q.intent, tc.want, tc.intent)
		}
	}
}

// TestAuthorSpeaks: an author named as the one who says, argues or
// recommends is the source of the answer, not its topic.
func TestAuthorSpeaks(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q      string
		source bool
	}{
		{"what does gul recommend for afghan girls' schooling", true},
		{"why does ghosh think the taliban will not act against the ttp", true},
		{"according to ghosh what drove the tension", true},
		{"what does anwesha ghosh see as the main causes of tension", true}, // "see as" is read "regard as"
		{"what does bhonsle consider the real test", true},
		{"which books has imtiaz gul written on pakistan", false},
		{"who is anwesha ghosh", false},
		{"gul's numbers on afghans in pakistan: registered vs undocumented", true}, // his figures: his paper's
		{"bhonsle piece - how many afghans were told to leave", true},
		{"which outlet published bhonsle's article", false}, // the article is asked about
	} {
		if got := b.parse(Normalize(tc.q)).sourceDoc != ""; got != tc.source {
			t.Errorf("%q: source named %v, want %v", tc.q, got, tc.source)
		}
	}
}

// TestGistOf: a question that names a source, by author or title, and
// asks only what it argues, asks for its gist; one that also names a topic
// asks about that topic.
func TestGistOf(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q, doc string
	}{
		{"what does anwesha ghosh argue", "004_885226bb7d670f93.txt"},
		{"whats bhonsle's bottom line", "002_d0d87716d6dda9e2.txt"},
		{"gist of the op-ed", "001_d9af7352ab9a518c.txt"},
		{"what is ghosh's article about", "004_885226bb7d670f93.txt"},
		{"main argument of the fnf paper", "000_3fe99d22d84a294d.txt"},
		{"what does ghosh say about the durand line", ""}, // a topic
		{"who is anwesha ghosh", ""},                      // who she is
		{"what did ghosh argue in 2022", ""},              // a date narrows it
		{"what does kugelman argue", ""},                  // quoted, no source of his own
		{"tell me about ghosh", ""},                       // about her, not her piece
	} {
		q := b.parse(Normalize(tc.q))
		if got := b.gistOf(q); got != tc.doc {
			t.Errorf("%q: gist of %q, want %q", tc.q, got, tc.doc)
		}
	}
}

// TestWithoutApposition: a description set after a question, "- the group
// the eviction order hits", is set aside; a second question, a list of what
// is asked, or a short question keeps it.
func TestWithoutApposition(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"how many afghans crossed into pakistan after kabul fell - the group the eviction order hits", "how many afghans crossed into pakistan after kabul fell"},
		{"how many afghans moved into pak after the taliban took kabul (the group hit by the eviction order)", "how many afghans moved into pak after the taliban took kabul"},
		{"when did torkham close - and why?", "when did torkham close - and why?"},
		{"what happened after the chitral attack - the demarche, the closure and the meeting", "what happened after the chitral attack - the demarche, the closure and the meeting"},
		{"who leads it - the ttp", "who leads it - the ttp"},
	} {
		if got := withoutApposition(Normalize(tc.q)); got != tc.want {
			t.Errorf("withoutApposition(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestAsksNextMove: "what might Pakistan do" asks the options the sources
// see; what someone said it would do, or what might push it to, does not.
func TestAsksNextMove(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"what might pakistan do next", true},
		{"what does ghosh think pakistan might do next with the taliban", true},
		{"what could islamabad do about the ttp", true},
		{"what did the iea say it would do with ttp commanders", false},
		{"what might push islamabad to do so", false},
		{"what did pakistan do next", false},
	} {
		if got := asksNextMove(tokenize(Normalize(tc.q))); got != tc.want {
			t.Errorf("asksNextMove(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestAsksNext: a follow-up that asks only what came next, however it
// says it; one that asks anything else, with "after" in it, does not.
func TestAsksNext(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"what happened after?", true},
		{"what happened after that", true},
		{"and after?", true},
		{"what came after", true},
		{"what happened the year after", true},
		{"and then?", true},
		{"what happened next", true},
		{"what happened after the ceasefire", false}, // names what it is after
		{"who came after him", false},
		{"after", true},
		{"what happened", false},
	} {
		if got := asksNext(strings.Fields(Normalize(tc.q))); got != tc.want {
			t.Errorf("asksNext(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestFiguresInWords: a number written as a word states a figure, except
// "one", which rarely counts anything; a number after a label noun
// ("recommendation 7") names one thing and counts nothing.
func TestFiguresInWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"SIGAR named six key factors behind the collapse", true},
		{"the paper makes eleven recommendations", true},
		{"one of the leaders of the council", false},
		{"on 5 September 2023 militants attacked", false},
		{"294 attacks in 2021", true},
		{"recommendation 7 of the paper: promote distance learning", false}, // a label, not a count
		{"whose tweet the paper reproduces as figure 1", false},
		{"the paper's 11 recommendations", true},
	} {
		if got := len(figures(tokenize(tc.text))) > 0; got != tc.want {
			t.Errorf("%q states a figure: %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestOrdinaryWordWinsWhenNoNameIsSpelt: a misspelling as near an ordinary
// word as a word of a name is the ordinary word when no name is spelt.
func TestOrdinaryWordWinsWhenNoNameIsSpelt(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct{ q, typo, want string }{
		{"the wolf unit is loyl to which warlord", "loyl", "loyal"},
		{"who is asif durani", "durani", "durrani"},
		{"the border post attacked before the air raids was near which town", "town", "town"}, // a summary's word, not "down"
		{"which paper is recomending economic pressure", "recomending", "recommending"},
		{"whats the fee", "fee", "fee"},                       // not lengthened into the Free Afghans Front
		{"who was presdent in 1992", "presdent", "president"}, // a letter left out, not one added to "present"
		{"mastung blast deth toll", "deth", "death"},          // not the "depth" of strategic depth       // a letter undoubled: the pack says "recommends"
	} {
		q := b.parse(Normalize(tc.q))
		i := slices.Index(q.toks, tc.typo)
		if i < 0 {
			i = slices.Index(tokenize(Normalize(tc.q)), tc.typo) // as typed: a misspelt post is rewritten in q.toks
		}
		if i < 0 || i >= len(q.fixed) {
			t.Fatalf("%q: no %q in %v", tc.q, tc.typo, q.toks)
		}
		if q.fixed[i] != tc.want {
			t.Errorf("%q: %q corrected to %q, want %q", tc.q, tc.typo, q.fixed[i], tc.want)
		}
	}
}

// TestAgent: the party right after "did" or "has" does what the question
// asks about, when the question names another party too.
func TestAgent(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct{ q, want string }{
		{"what did pakistan demand of the ttp", "pakistan"},
		{"what conditions did the ttp set for pakistan", "ttp"},
		{"what did pakistan demand", ""}, // one party: nothing to tell apart
		{"who is the ttp's leader", ""},
		{"list the demands pakistan placed on the ttp", "pakistan"}, // the party that made them
		{"what did imran khan's govt offer ttp militants", ""},      // "offer" is the verb here
		{"what were the demands of pakistan and the ttp", ""},       // no verb after the party
	} {
		a := b.parse(Normalize(tc.q)).doer
		got := ""
		if a != nil {
			got = a.entities[0].ID
		}
		if got != tc.want {
			t.Errorf("%q: agent %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestChatAnd: chat's "n" before a question word joins two questions; "n"
// before a name is left alone.
// TestFunctionWordTypos: a mistyped function word is read as the word it
// misspells, a long one included, and chat shorthand as what it stands
// for; a word of the pack, or one as near to another word, stays as typed.
func TestFunctionWordTypos(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct{ q, want string }{
		{"wen did durrani go to kabul", "when"},
		{"how many afghans left acording to bhonsle", "according"},
		{"who actualy chaired the meeting", "actually"},
		{"what specificaly did kakar say", "specifically"},
		{"durrani's talks w muttaqi", "with"},
		{"attacks in h1 2023", "first half"},
		{"torkham, quick def", "definition"},
		{"why'd the ttp quit the talks", "why did"},
		{"wtf is the nrf", "what"},
		{"nrf aka what", "also known as"},
		{"attacks in 2021 acc to ghosh", "according to"},
		{"were was the mastung bombing", "where"}, // a real word, typed for another
		{"where did the new recruits come form", "from"},
	} {
		q := b.parse(Normalize(tc.q))
		if !strings.Contains(" "+strings.Join(q.toks, " ")+" ", " "+tc.want+" ") {
			t.Errorf("%q: read as %v, want %q in it", tc.q, q.toks, tc.want)
		}
	}
	for _, tc := range []struct{ q, kept string }{
		{"who stormed the police post", "stormed"}, // a word of its own, not a typo
		{"who heads the ttp", "heads"},             // middling words are words of their own
	} {
		if q := b.parse(Normalize(tc.q)); !slices.Contains(q.toks, tc.kept) {
			t.Errorf("%q: read as %v, want %q kept", tc.q, q.toks, tc.kept)
		}
	}
}

func TestChatAnd(t *testing.T) {
	b := packFromDisk(t)
	if q := b.parse(Normalize("who leads the ftt n where do they operate")); q.also < 0 {
		t.Errorf("'n where' did not join a second question: %v", q.toks)
	}
	if q := b.parse(Normalize("when was the n waziristan attack")); slices.Contains(q.toks, "and") {
		t.Errorf("'n waziristan' read as 'and': %v", q.toks)
	}
}

// TestLeaderNamedByGroup: a person named beside a group they lead is named
// by the group's facts, so "Ahmad Masoud's NRF" misses nothing in a fact
// about the NRF alone.
func TestLeaderNamedByGroup(t *testing.T) {
	b := packFromDisk(t)
	q := b.parse(Normalize("ahmad masoud nrf presence where"))
	i := slices.IndexFunc(b.facts, func(f *Fact) bool { return f.ID == "fnf-nrf-little-presence" })
	if i < 0 {
		t.Fatal("no fact fnf-nrf-little-presence")
	}
	for k, u := range q.units {
		if u.link != nil && u.link.entities[0].ID == "ahmad-masoud" && !q.named[k][i] {
			t.Errorf("Masoud is not named by the NRF's fact")
		}
	}
	if b.holdsPostIn("ahmad-masoud", "ttp") {
		t.Error("Masoud holds no post in the TTP")
	}
}

// TestRelativeYear: "last year" is never a word a fact must use, and with
// a source named it is that source's year less one.
func TestRelativeYear(t *testing.T) {
	b := packFromDisk(t)
	q := b.parse(Normalize("how many terror fatalities did pakistan see last year per the leverage analysis"))
	for _, u := range q.units {
		if u.link == nil && (contains(u.stems, "last") || contains(u.stems, "year")) {
			t.Errorf("'last year' is a unit: %v", u.stems)
		}
	}
	if src := b.sources[q.sourceDoc]; src == nil || !q.hasSpan || q.from.Year != src.Date.Start.Year-1 {
		t.Errorf("span %v–%v (has %v) for source %q, want the year before the source's", q.from, q.to, q.hasSpan, q.sourceDoc)
	}
	if q := b.parse(Normalize("how many attacks were there last year")); q.hasSpan {
		t.Errorf("no source named, yet a span: %v", q.from)
	}
}

// TestEst: chat's "est." after a verb is established, elsewhere estimated.
func TestEst(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string]string{
		"nifma founder and year it was est.": "established",
		"est. ttp manpower":                  "estimated",
	} {
		if toks := b.parse(Normalize(q)).toks; !slices.Contains(toks, want) {
			t.Errorf("%q: tokens %v, want %q", q, toks, want)
		}
	}
}

// TestDescribedSource: a source described by what it says ("per the piece
// citing 2,867 deaths") is the document whose facts use those words, and
// the words describe the source, not the topic.
func TestDescribedSource(t *testing.T) {
	b := packFromDisk(t)
	q := b.parse(Normalize("how many afghans had left by late 2023 per the article criticising the expulsion policy"))
	if q.sourceDoc != "001_d9af7352ab9a518c.txt" {
		t.Fatalf("source %q for the description, want the op-ed on the expulsions", q.sourceDoc)
	}
	for _, u := range q.units {
		if u.link == nil && contains(u.stems, b.idx.stem("criticising")) {
			t.Errorf("a word of the description is a unit: %v", u.stems)
		}
	}
	if q := b.parse(Normalize("how many afghans left pakistan")); q.sourceDoc != "" {
		t.Errorf("no description, yet source %q", q.sourceDoc)
	}
	// A source named ("the op-ed") and then described: the description's
	// words are not the topic.
	q = b.parse(Normalize("how many fighters does the ttp have per the op-ed on the harder stance towards kabul"))
	for _, u := range q.units {
		if u.link == nil && (contains(u.stems, b.idx.stem("harder")) || contains(u.stems, b.idx.stem("stance"))) {
			t.Errorf("a word of the named source's description is a unit: %v", u.stems)
		}
	}
	// "account" is a kind of source too.
	if q := b.parse(Normalize("who founded the northern alliance according to the account of pakistan's slipping leverage")); q.sourceDoc == "" {
		t.Error("no source found for the historical account")
	}
	// "the history piece" is the one that tells of the past, though
	// another uses the word "history" more.
	if q := b.parse(Normalize("how many people died in terror attacks in pakistan last year per the taliban history piece")); q.sourceDoc != "003_534ad4cd82bd50f1.txt" {
		t.Errorf("source %q for the history piece, want the leverage analysis, whose facts lie furthest back", q.sourceDoc)
	}
}

// TestSourceDescribedInPassing: a source described with no "per" ("as
// cited in the blog post on the rift", "the op-ed about the expulsions
// gives") is set aside up to the next question word or verb of saying; the
// words that ask stay, and a question that is mostly the description, or
// asks who wrote it, is read as it is.
func TestSourceDescribedInPassing(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q       string
		aside   []string // words set aside as the source's description
		kept    []string // words still read as the topic
		docFrom string   // the source's file name prefix, or "" for none found
	}{
		{"UNHCR figure for documented Afghan refugees in Pakistan, as cited in the blog post on the rift",
			[]string{"cited", "blog", "post", "rift"}, []string{"unhcr", "figure", "documented"}, ""},
		{"TTP fighter strength? the op-ed about the expulsions gives a range i think",
			[]string{"op", "ed", "expulsions"}, []string{"strength", "gives", "range"}, "001_"},
		{"how many afghans had already left, the piece that says anger can't be a policy",
			[]string{"piece", "says", "anger", "policy"}, []string{"afghans", "already", "left"}, ""},
		{"In the commentary on Islamabad's tougher stance, how many deaths did Kakar attribute to militancy",
			[]string{"commentary", "tougher", "stance"}, []string{"deaths", "kakar", "militancy"}, ""},
		{"the op-ed that describes the harsh winter exodus - how many had left by then",
			[]string{"op", "ed", "harsh", "winter", "exodus"}, []string{"left"}, ""},
		{"how many killings in 2022 in the analysis recomending economic pressure on the taliban",
			[]string{"recomending", "economic", "pressure"}, []string{"killings"}, ""}, // the attacher as mended
		{"who wrote the piece arguing for a recalibration", nil, []string{"piece", "arguing", "recalibration"}, ""},
		{"what does the analysis on leverage say", nil, []string{"analysis", "leverage"}, ""},
		{"how many soldiers died at the border post", nil, []string{"border", "post"}, ""},
	} {
		q := b.parse(Normalize(tc.q))
		at := map[string]bool{}
		for i, tok := range q.toks {
			at[tok] = q.sourceToks[i]
		}
		for _, w := range tc.aside {
			if !at[w] {
				t.Errorf("%q: %q not set aside (tokens %q, aside %v)", tc.q, w, q.toks, q.sourceToks)
			}
		}
		for _, w := range tc.kept {
			if at[w] {
				t.Errorf("%q: %q set aside, want it read as the topic", tc.q, w)
			}
		}
		if tc.docFrom != "" && !strings.HasPrefix(q.sourceDoc, tc.docFrom) {
			t.Errorf("%q: source %q, want %s…", tc.q, q.sourceDoc, tc.docFrom)
		}
	}
}

// TestDropClaims: a figure the asker has and wants checked is no topic and
// no year to keep to; a number that is part of the question stays.
func TestDropClaims(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"border length? draft says 2,640 km, pls check", "border length pls check"},
		{"ttp founding date, our copy just says 2007", "ttp founding date"},
		{"when was the ttp formed, we say 2007, want the month", "when was the ttp formed want the month"},
		{"how many soldiers died, we have 7", "how many soldiers died"},
		{"what do we have on the 2007 founding of the ttp", "what do we have on the 2007 founding of the ttp"},
		{"i have a question about 2007", "i have a question about 2007"},
	} {
		if got := strings.Join(dropClaims(tokenize(Normalize(tc.q))), " "); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestDropPhrases: idioms that ask nothing of their words go, and "in the
// op-ed author's view" keeps only the source it names.
func TestDropPhrases(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"where did the talks take place", "where did the talks"},
		{"why, in the author's view, would the taliban not expel the ttp", "why would the taliban not expel the ttp"},
		{"in his view, what went wrong", "what went wrong"},
		{"and the rest of the recommendations?", "list the recommendations"},
		{"what did the rest of the west do", "what did the rest of the west do"}, // the others, not a list asked for
		{"the rest of the decision?", "the rest of the decision"},                // more of one thing
		{"why, in the op-ed writer's opinion, did pakistan change course", "why per the op ed did pakistan change course"},
		{"what is in view of the border", "what is in view of the border"},           // no holder: a view of something
		{"who lives in the author's home town", "who lives in the author home town"}, // no view noun
	} {
		if got := strings.Join(dropPhrases(tokenize(Normalize(tc.q))), " "); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestExactDate: "exact" or "precise" before a date asks for the day.
func TestExactDate(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string]bool{
		"what was the exact signing date of the doha deal": true,
		"precise start date of the deportations":           true,
		"when did the deportations start":                  false,
		"exact number of deportees and the date":           false,
	} {
		if got := b.parse(Normalize(q)).asksDay; got != want {
			t.Errorf("%q: asks the day %v, want %v", q, got, want)
		}
	}
}

// TestEnglishWordForms: a regular form of an English word near a word of
// the pack is taken as typed, not corrected into the pack's word
// ("leaning" is not "learning"); a misspelling still is.
func TestEnglishWordForms(t *testing.T) {
	b := packFromDisk(t)
	for w, want := range map[string]bool{"lean": true, "leaning": true, "stormed": true, "storms": true, "lernng": false, "bugty": false} {
		if got := b.englishWord(w); got != want {
			t.Errorf("englishWord(%q) = %v, want %v", w, got, want)
		}
	}
	if q := b.parse(Normalize("why was china leaning on pakistan")); slices.Contains(q.fixed, "learning") {
		t.Errorf("corrected %v: leaning read as learning", q.fixed)
	}
}

// TestEnglishWordInName: an English word a letter from a name's word is
// read as that word after the name's first word ("imtiaz gull" is Imtiaz
// Gul), and as typed anywhere else; so is a word the pack uses, after a
// person's first name ("heiko mass" is Heiko Maas).
func TestEnglishWordInName(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string]string{
		"who is imtiaz gull":                "imtiaz-gul",
		"what did imtiaz gull write":        "imtiaz-gul",
		"is a gull a bird":                  "",
		"who is imtiaz gul, the fnf author": "imtiaz-gul",
		"who is heiko mass":                 "heiko-maas",
		"what did heiko mass say":           "heiko-maas",
	} {
		got := ""
		for _, l := range b.parse(Normalize(q)).links {
			if id := l.entities[0].ID; id == "imtiaz-gul" || id == "heiko-maas" {
				got = id
			}
		}
		if got != want {
			t.Errorf("%q: linked %q, want %q", q, got, want)
		}
	}
	// A title after the person named describes the person; it is not asked.
	if q := b.parse(Normalize("who is imtiaz gul, the fnf paper author")); q.titleAsked() {
		t.Error("the appositive title is taken as asked")
	}
	if q := b.parse(Normalize("who played referee between pakistani officials and the ttp")); q.titleAsked() {
		t.Error("the officials after the verb are taken as the title asked")
	}
}

// TestPairNotName: two names joined by a hyphen before a word of relations
// are two parties ("pak-taliban ties"), not the name the words spell (the
// Pakistani Taliban); unjoined, they are the name.
func TestPairNotName(t *testing.T) {
	b := packFromDisk(t)
	for q, ttp := range map[string]bool{
		"how are pak-taliban ties now":         false,
		"pakistan-taliban relations in 2023":   false,
		"who leads the pakistan taliban":       true,
		"what does the pakistani taliban want": true,
	} {
		got := false
		for _, l := range b.parse(Normalize(q)).links {
			got = got || l.entities[0].ID == "ttp"
		}
		if got != ttp {
			t.Errorf("%q: linked the TTP %v, want %v", q, got, ttp)
		}
	}
	// Shorthand may spell a phrase: "goin forward" is "going forward".
	if toks := b.parse(Normalize("ties goin forward")).toks; slices.Contains(toks, "forward") {
		t.Errorf("tokens %v: the phrase was not read", toks)
	}
}

// TestFrameWordTypos: a misspelt word that frames the question is read as
// the word it misspells, though no fact uses it; a word of the pack's is
// read as it is.
func TestFrameWordTypos(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q                     string
		succession, asksStart bool
	}{
		{"who succeded faiz hameed as isi chief", true, false},
		{"when did noor wali mehsud becom ttp chief", false, true},
		{"who chaired the meeting on the expulsions", false, false},
		{"when did asif durrani take that job", false, true},                                   // taking up a post in other words
		{"in what year did noor wali mehsud take over the leadership of the ttp", false, true}, // the leadership is a post
	} {
		q := b.parse(Normalize(tc.q))
		if q.succession != tc.succession || q.asksStart != tc.asksStart {
			t.Errorf("%q: succession %v, asksStart %v; want %v, %v", tc.q, q.succession, q.asksStart, tc.succession, tc.asksStart)
		}
	}
}

// TestAlternateQuestionTypos: an alternate question written with a typo
// ("afganistan") does not make the typo a word of the pack's, so a reader
// who types it is still linked to the name; and an inflected typo of a word
// of the pack ("recieved") is corrected like any other.
func TestAlternateQuestionTypos(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct{ q, entity, fixed string }{
		{"when did the soviets leave afganistan", "afghanistan", ""},
		{"how many afghans recieved citizen cards", "", "received"},
	} {
		q := b.parse(Normalize(tc.q))
		if tc.entity != "" && !q.linked(tc.entity) {
			t.Errorf("%q: %s not linked (links %v)", tc.q, tc.entity, q.links)
		}
		if tc.fixed != "" && !slices.Contains(q.fixed, tc.fixed) {
			t.Errorf("%q: read as %v, want %q", tc.q, q.fixed, tc.fixed)
		}
	}
}

// TestTypoHidesIntent: a misspelt word that says what is asked is read
// once corrected; arrows between events ask for a sequence.
func TestTypoHidesIntent(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q    string
		want Intent
	}{
		{"what were pakistan's demnads to the ttp", IntentList},
		{"the claim goes up to which distrcit", IntentWhere},
		{"daoud coup -> soviet invasion, years", IntentTimeline},         // arrows ask for a sequence
		{"nineties: when herat, when kabul, when mazar", IntentTimeline}, // so do three whens
	} {
		if q := b.parse(Normalize(tc.q)); q.intent != tc.want {
			t.Errorf("%q: intent %v, want %v", tc.q, q.intent, tc.want)
		}
	}
}

// TestKindMissing: a which- or whose-question asks for a thing of a kind;
// a fact that says nothing of that kind does not answer it, and a noun any
// answer leaves unsaid asks nothing.
func TestKindMissing(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct{ q, want string }{
		{"whose son is yaqoob", "whose son"},
		{"kakar is from which party", "which party"},
		{"bhonsle served in which regiment", "which regiment"},
		{"which militant outfit do the taliban see as the main threat", ""}, // the answer names the outfit, not the word
		{"which foreign nationals did the ttp attack", ""},                  // the fact says "nationals"
	} {
		q, ranked, ok := rankFor(b, tc.q, "")
		if !ok {
			t.Fatalf("%q: nothing ranked", tc.q)
		}
		if got := b.kindMissing(q, ranked[0].fact); got != tc.want {
			t.Errorf("%q (%s): kindMissing = %q, want %q", tc.q, b.facts[ranked[0].fact].ID, got, tc.want)
		}
	}
}

// TestSecondQuestionAfterPreposition: "and in which year", "and by whom"
// join a second question as "and which year" does; so does a yes-or-no
// question with a subject of its own, after a question, and "and date of
// Y" after "date of X". (-1 is no second
// question.)
func TestSecondQuestionAfterPreposition(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q          string
		first, two Intent
	}{
		{"which general formed nifma, and in which year", IntentWho, IntentWhen},
		{"when was the ttp formed and by whom", IntentWhen, IntentWho},
		{"on what date did pakistan begin deporting afghans and was iran doing the same", IntentWhen, IntentFact},
		{"who led the ttp and was killed in 2013", IntentWho, -1},                             // no subject: one question
		{"the taliban took kabul and was the republic ready", IntentFact, -1},                 // no question before it
		{"chitral: date of the ttp assault and date of the demarche", IntentWhen, IntentWhen}, // the same slot asked again, of something else
		{"the date of the attack and its aftermath", IntentWhen, -1},                          // nothing asked again
	} {
		q := b.parse(Normalize(tc.q))
		if q.intent != tc.first || q.also != tc.two {
			t.Errorf("%q: intents %v and %v, want %v and %v", tc.q, q.intent, q.also, tc.first, tc.two)
		}
	}
}

// TestAskedAbout: "what is" before more than a name asks about the topic;
// before a name alone, or with a cue of meaning, what the topic is.
func TestAskedAbout(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q    string
		want Intent
	}{
		{"what's the hgb blamed for in march 2024", IntentFact},                          // a period: what it is has no date
		{"what was the hrcp's stance on the expulsion decision", IntentStatement},        // a stance is what someone said, not what a name is
		{"what was the exact signing date of the doha deal", IntentWhen},                 // a date is asked
		{"what is the hgb", IntentDefine},                                                // a name alone
		{"what is the red line", IntentDefine},                                           // a term the pack does not know is still a term
		{"what is the nrf and what does it stand for", IntentDefine},                     // a cue of meaning
		{"what was the official name of the expulsion scheme for afghans", IntentDefine}, // its name is asked
	} {
		if q := b.parse(Normalize(tc.q)); q.intent != tc.want {
			t.Errorf("%q: intent %v, want %v", tc.q, q.intent, tc.want)
		}
	}
}

// TestNumberedSource: a source named by its file's number, as citations
// show it, is the source; the number and "author" or "essay" name no topic.
func TestNumberedSource(t *testing.T) {
	b := packFromDisk(t)
	q := b.parse(Normalize("what does the 003 author want islamabad to do to the taliban economically"))
	if !strings.HasPrefix(q.sourceDoc, "003_") {
		t.Fatalf("source %q, want the 003 document", q.sourceDoc)
	}
	for _, u := range q.units {
		if u.link == nil && contains(u.stems, b.idx.stem("author")) {
			t.Errorf("\"author\" is a unit of the question")
		}
	}
	if q := b.parse(Normalize("what happened in 2001")); q.sourceDoc != "" {
		t.Errorf("a year named the source %q", q.sourceDoc)
	}
}

// TestJoinAsks: a second question after a comma, semicolon, dash or
// question mark, or a repeated "how many", is joined with "and"; a lead-in with no question of
// its own, or a join already written, is left alone.
func TestJoinAsks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"how many attacks, how many killed", "how many attacks and how many killed"},
		{"when did torkham close; why", "when did torkham close and why"},
		{"who leads the nff - when was it formed", "who leads the nff and when was it formed"},
		{"how many attacks how many deaths", "how many attacks and how many deaths"},
		{"in kabul, what happened", "in kabul, what happened"},                             // nothing asked before the comma
		{"the nff - who leads it", "the nff - who leads it"},                               // a topic, then the question
		{"how many attacks, and how many killed", "how many attacks, and how many killed"}, // joined already
		{"how many attacks n how many killed", "how many attacks n how many killed"},       // chat's "n" joins already
		{"what does picss say about attacks in 2023", "what does picss say about attacks in 2023"},
		{"ttp chief 2023? where does he live", "ttp chief 2023? and where does he live"}, // a question mark ends a question
	} {
		if got := joinAsks(tc.in); got != tc.want {
			t.Errorf("joinAsks(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestEpithetHasNoSurname: the last word of an epithet ("Lion of
// Panjshir") is no surname: "panjshir" alone is the valley, not Massoud.
func TestEpithetHasNoSurname(t *testing.T) {
	b := packFromDisk(t)
	q := b.parse(Normalize("does the nrf hold ground in panjshir"))
	for _, l := range q.links {
		for _, e := range l.entities {
			if e.ID == "ahmad-shah-massoud" {
				t.Errorf("%q links Massoud: %v", q.norm, q.links)
			}
		}
	}
}

// TestAsksResult: the questions that ask whether something worked, and
// some that only look alike.
func TestAsksResult(t *testing.T) {
	for q, want := range map[string]bool{
		"did the ceasefires work":         true,
		"did it work tho":                 true,
		"how did the truces turn out":     true,
		"did pakistan's gamble pay off":   true,
		"was the amnesty successful":      true,
		"did the talks get anywhere":      true,
		"where did the talks go":          false,
		"who did the ttp work with":       false,
		"what work did abdul sayed cite":  false,
		"when did the ceasefire collapse": false,
		"did the taliban turn on the ttp": false,
	} {
		if got := asksResult(tokenize(q)); got != want {
			t.Errorf("asksResult(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestSpanInClause: a span in a clause on what is asked for says which
// things are asked about; a span the question asks of does not.
func TestSpanInClause(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string]bool{
		"list the opposition groups that emerged after aug 2021": true,
		"which groups that formed in 2022 oppose the taliban":    true,
		"list the ttp attacks in 2023":                           false,
		"what did the groups do after aug 2021":                  false,
	} {
		if got := b.parse(Normalize(q)).spanDescribes; got != want {
			t.Errorf("%q: spanDescribes = %v, want %v", q, got, want)
		}
	}
}

// TestAfterPrefixRead: "post-" before a word reads as "after" it.
func TestAfterPrefixRead(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"post-takeover afghan arrivals", "after takeover afghan arrivals"},
		{"pakistan's post-2021 policy", "pakistan's after 2021 policy"},
		{"the staging post for the war", "the staging post for the war"}, // a post, not a prefix
		{"post- office", "post- office"},
	} {
		if got := afterPrefixRead(tt.in); got != tt.want {
			t.Errorf("afterPrefixRead(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCountedLeavesTheUnit: "how much aid in dollars" counts aid; the
// dollars are the unit it is counted in.
func TestCountedLeavesTheUnit(t *testing.T) {
	b := packFromDisk(t)
	q := b.parse(Normalize("how much humanitarian aid in dollars did pakistan give"))
	if slices.Contains(q.counted, "dollar") || !slices.Contains(q.counted, "aid") {
		t.Errorf("counted %v, want aid and not dollar", q.counted)
	}
}

// TestDoNextAsksNoNext: "what might Pakistan do next" asks what it might
// do; "next" is no word a fact must use.
func TestDoNextAsksNoNext(t *testing.T) {
	b := packFromDisk(t)
	q := b.parse(Normalize("what might pakistan do next according to ghosh"))
	for _, u := range q.units {
		if u.link == nil && slices.Contains(u.stems, "next") {
			t.Errorf("units %v: 'next' is a word to match", q.units)
		}
	}
}

// TestOpenSpans: "after August 2021" and "since" run on to the present,
// "before" back from its date; a bare year after "after" is when something
// began, and stays that year.
func TestOpenSpans(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q        string
		from, to int // years
	}{
		{"which groups formed after august 2021", 2021, openYear},
		{"attacks since september 2023", 2023, openYear},
		{"what happened before october 2001", 1, 2001},
		{"why did pakistan back the taliban after 2001", 2001, 2001},
		{"timeline of afghan politics from 1933 onwards", 1933, openYear},
		{"timeline from 1933 on", 1933, openYear},
		{"afghan history timeline from zahir shah onwards", 1933, openYear}, // from his first dated fact
	} {
		q := b.parse(Normalize(tc.q))
		if !q.hasSpan || q.from.Year != tc.from || q.to.Year != tc.to {
			t.Errorf("%q: span %d–%d, want %d–%d", tc.q, q.from.Year, q.to.Year, tc.from, tc.to)
		}
	}
	// "Since the Taliban takeover" dates from the takeover, not from the
	// Taliban's first dated fact (1994).
	if q := b.parse(Normalize("timeline of ttp attacks since the taliban takeover")); q.hasSpan && q.from.Year < 2021 {
		t.Errorf("since the taliban takeover: span %d–%d, want none or from 2021", q.from.Year, q.to.Year)
	}
	// "From the TTP on Pakistan" names who attacked whom: no time.
	if q := b.parse(Normalize("timeline of attacks from the ttp on pakistan")); q.hasSpan {
		t.Errorf("attacks from the ttp on pakistan: span %d–%d, want none", q.from.Year, q.to.Year)
	}
}

// TestElseIsNoTopic: "else" asks for more of the same, and is no word of
// the topic a fact must use ("what else should Pakistan do" once weighed
// it as an unknown word, and declined).
func TestElseIsNoTopic(t *testing.T) {
	b := packFromDisk(t)
	for _, q := range []string{"what else should pakistan do to squeeze the afghan taliban", "who else was freed in 2021", "anything else on the ttp"} {
		for _, u := range b.parse(Normalize(q)).units {
			if slices.Contains(u.stems, "els") || slices.Contains(u.stems, "else") {
				t.Errorf("%q: a unit of %v", q, u.stems)
			}
		}
	}
}

// TestSeasonSpan: a season before a year is its months; winter, which
// runs across two years, is no span of its own.
func TestSeasonSpan(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q        string
		from, to Point
	}{
		{"what happened in spring 2022", Point{Year: 2022, Month: 3}, Point{Year: 2022, Month: 5}},
		{"ttp attacks in the autumn of 2023", Point{Year: 2023}, Point{Year: 2023}}, // "of" between: the year
		{"what happened in autumn 2023", Point{Year: 2023, Month: 9}, Point{Year: 2023, Month: 11}},
		{"deaths in winter 2023", Point{Year: 2023}, Point{Year: 2023}},
	} {
		q := b.parse(Normalize(tc.q))
		if !q.hasSpan || q.from != tc.from || q.to != tc.to {
			t.Errorf("%q: span %v–%v, want %v–%v", tc.q, q.from, q.to, tc.from, tc.to)
		}
	}
}

// TestDisambiguate: of two things one name names, the question's other
// words keep the one whose facts use them; words both use keep both.
func TestDisambiguate(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string][]string{
		"when did the pdpa stage its coup":              {"pdpa-1965"},
		"which pdpa is the anti-taliban opposition one": {"pdpa-2022"},
		"when was the pdpa founded":                     {"pdpa-2022", "pdpa-1965"}, // both were founded
	} {
		var got []string
		for _, l := range b.parse(Normalize(q)).links {
			if strings.HasPrefix(l.entities[0].ID, "pdpa") {
				for _, e := range l.entities {
					got = append(got, e.ID)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: linked %q, want %q", q, got, want)
		}
	}
}

// TestOtherKinds: the kind a follow-up asks for others of.
func TestOtherKinds(t *testing.T) {
	for in, want := range map[string]string{
		"any other opposition groups?": "opposition groups",
		"other groups like that":       "groups",
		"the other analyst":            "",
		"what other reasons are there": "reasons",
		"who else was released":        "",
	} {
		if got := otherKinds(strings.Fields(in)); got != want {
			t.Errorf("otherKinds(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestConversionAsked: the currency a follow-up asks a figure in.
func TestConversionAsked(t *testing.T) {
	for in, want := range map[string]string{
		"how much is that in dollars?": "dollars",
		"whats it in rupees":           "rupees",
		"how much money is that":       "",
		"how much aid in dollars":      "", // a sum asked, not the last figure converted
	} {
		if got := conversionAsked(strings.Fields(in)); got != want {
			t.Errorf("conversionAsked(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStatesSizeInWords: a force's size told in words, with no figure,
// answers how strong it is; a word of size beside anything else does not.
func TestStatesSizeInWords(t *testing.T) {
	for text, want := range map[string]bool{
		"the NRF has little presence in the country":      true,
		"hardly any fighters even in the Panjshir Valley": true,
		"a handful of members remain":                     true,
		"a strong following among the young":              true,
		"the TTP is equipped with assault rifles":         false,
		"little has changed since the takeover":           false,
		"the group has between 4,000 and 6,000 fighters":  false, // a figure, which hasFigure finds
	} {
		if got := statesSizeInWords(tokenize(Normalize(text))); got != want {
			t.Errorf("statesSizeInWords(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestGovernmentSpeaksForItsGroup: what the Taliban government said, the
// Taliban said; what it said is still not another country's word.
func TestGovernmentSpeaksForItsGroup(t *testing.T) {
	checkMissingParts(t, []missingCase{
		{"how did the taliban respond to pakistan's march 2024 airstrikes", "fnf-afghanistan-condemns-airstrikes", ""},
		{"what did the taliban say about the 2024 pakistani air strikes", "fnf-afghanistan-condemns-airstrikes", ""},
		{"how did china respond to pakistan's march 2024 airstrikes", "fnf-afghanistan-condemns-airstrikes", "what China said"},
		{"how did pakistan respond to the tank fort attack", "fnf-hot-pursuit-khost-kunar", ""}, // a state's response may be what it did
		{"how did pakistan officially respond to the tank fort attack", "fnf-hot-pursuit-khost-kunar", ""},
	})
}

// TestSaidAbout: what someone said about a thing is answered by their
// words on it, however the question names it ("air strikes", "the
// expulsion order"); an author's word is only in the author's source.
func TestSaidAbout(t *testing.T) {
	checkMissingParts(t, []missingCase{
		{"what did zabihullah mujahid say about pakistan's air strikes in march 2024", "fnf-mujahid-civilian-casualties", ""},
		{"what did mujahid say about the deportation policy", "cookie-mujahid-unacceptable", ""},
		{"how did yaqoob react to pakistan's expulsion order", "cookie-yaqoob-horror-barbaric", ""},
		{"what did ghosh say about pakistan's 2024 airstrikes", "fnf-afghanistan-condemns-airstrikes", "what Anwesha Ghosh said"},
		{"what did bhonsle write about the airstrikes of march 2024", "fnf-afghanistan-condemns-airstrikes", "what Rahul K Bhonsle said"},
	})
}

// TestKindAskedBySynonym: "which outlet" is answered by a fact naming a
// thing its summary calls by a synonym: the Khorasan Diary, a platform;
// "which firm" by one naming Bhonsle's consultancy.
func TestKindAskedBySynonym(t *testing.T) {
	checkMissingParts(t, []missingCase{
		{"which outlet does iftikhar firdous write for", "fnf-iftikhar-firdous-role", ""},
		{"which party is iftikhar firdous from", "fnf-iftikhar-firdous-role", "which party"},
		{"which firm does rahul bhonsle run", "cookie-author-director", ""}, // Sasia Security-Risks.com, a consultancy
	})
}

// missingCase is a question, a fact, and the part of the question the fact
// leaves unsaid ("" when it answers it).
type missingCase struct{ q, fact, missing string }

// checkMissingParts checks what each case's fact, scored as the best for
// its question, leaves unsaid (missingPart).
func checkMissingParts(t *testing.T, cases []missingCase) {
	t.Helper()
	b := packFromDisk(t)
	for _, tc := range cases {
		f := b.factByID[tc.fact]
		if f == nil {
			t.Fatalf("no fact %s", tc.fact)
		}
		q := b.parse(Normalize(tc.q))
		if got := b.missingPart(q, []scored{b.score(q, b.idx.factIndex[f])}); got != tc.missing {
			t.Errorf("%q, %s: missing part %q, want %q", tc.q, tc.fact, got, tc.missing)
		}
	}
}

// TestDeedNamedWithoutItsDemonym: "the pak airstrikes in khost and kunar"
// names the April 2022 airstrikes, though "pak" is not "Pakistani"; a name
// left so wide that it could be another deed's ("airstrikes in
// afghanistan") or another country's ("civil war") names nothing.
func TestDeedNamedWithoutItsDemonym(t *testing.T) {
	b := packFromDisk(t)
	for _, tt := range []struct {
		q, id string
		want  bool
	}{
		{"what happened with the pak airstrikes in khost and kunar in 2022", "airstrikes-april-2022", true},
		{"where did pakistan's airstrikes in afghanistan hit in april 2022", "airstrikes-march-2024", false},
		{"can someone explain the sri lankan civil war", "afghan-civil-war-1990s", false},
	} {
		q := b.parse(Normalize(tt.q))
		if got := q.linked(tt.id); got != tt.want {
			t.Errorf("%q links %s: %v, want %v", tt.q, tt.id, got, tt.want)
		}
		b.idx.release(q)
	}
}
