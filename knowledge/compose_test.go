package knowledge

import (
	"strings"
	"testing"
)

// TestPartner: a question that joins two asks is answered by the two facts
// that give its parts; a question that asks one thing gets no partner.
func TestPartner(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		question string
		want     []string // in the answer, from both facts
		pair     bool
	}{
		// One claim, one fact: both its figures, no partner.
		{"kakar's figures for the rise in terrorism and in suicide attacks", []string{"60 percent", "500 percent"}, false},
		// A second "how many" is asked on its own, though it names nothing.
		{"how many afghans hold por cards and how many got citizen cards", []string{"1.3 million", "Citizen Cards"}, false},
		// A qualifier only the partner gives ("undocumented") is not a
		// part the answer lacks.
		{"how many registered and how many undocumented afghans live in pakistan", []string{"2.2 million", "1.7 million"}, true},
		// A joined word that weighs little is still asked for.
		{"by how much did terrorism and suicide attacks rise after the taliban came back, per the caretaker pm", []string{"60 percent", "500 percent"}, false},
		{"how many militant attacks did pakistan see in september 2023", []string{"65"}, false},
		{"who is asif durrani", []string{"Durrani"}, false},
	} {
		t.Run(tc.question, func(t *testing.T) {
			q := b.parse(Normalize(tc.question))
			ranked := b.rank(q)
			if len(ranked) == 0 {
				t.Fatal("nothing ranked")
			}
			rs, gain := b.partners(q, ranked)
			if (len(rs) > 0) != tc.pair {
				t.Errorf("partners = %v (gain %.2f), want partners: %v", rs, gain, tc.pair)
			}
			if len(rs) > 0 {
				// What the partners say is not missed by the answer.
				var with []int
				for _, r := range rs {
					with = append(with, ranked[r].fact)
				}
				alone, _ := b.missedWords(q, ranked[0].fact, nil)
				together, _ := b.missedWords(q, ranked[0].fact, with)
				if together >= alone {
					t.Errorf("missed with the partner %.2f, want less than alone %.2f", together, alone)
				}
			}
			a := b.Answer(tc.question)
			if !a.Answered {
				t.Fatalf("declined: %s", a.Text())
			}
			for _, w := range tc.want {
				if !strings.Contains(a.Text(), w) {
					t.Errorf("answer lacks %q: %s", w, a.Text())
				}
			}
		})
	}
}

func TestJoinsAsks(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string]bool{
		"registered vs undocumented afghans": true,
		"attacks + deaths in sept 2023":      true,
		"who is asif durrani":                false,
		"when did torkham close":             false,
	} {
		if got := joinsAsks(b.parse(Normalize(q))); got != want {
			t.Errorf("joinsAsks(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestEventWordsInTimeClause: a verb in a clause that dates the event ("after
// the Taliban returned") or in "so called" is not the event asked about, so
// its absence from the fact does not decline it.
func TestEventWordsInTimeClause(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct{ question, want string }{
		{"how many attacks did the ttp claim in its so called record month", "54"},
		{"when was nifma formed after the taliban returned", "March 2022"},
		{"when was the pdpa opposition group founded after the taliban returned to power", "April 2022"},
	} {
		a := b.Answer(tc.question)
		if !a.Answered || !strings.Contains(a.Text(), tc.want) {
			t.Errorf("%q: answered %v %q, want an answer with %q", tc.question, a.Answered, a.Text(), tc.want)
		}
	}
}

// TestMissesLedThing: "who heads X" needs a fact about X, when X is words
// and not a known entity.
func TestMissesLedThing(t *testing.T) {
	b := packFromDisk(t)
	crss, ok := b.Fact("fnf-imtiaz-gul-heads-crss")
	if !ok {
		t.Fatal("no fact on who heads the CRSS")
	}
	i := b.idx.factIndex[crss]
	for q, want := range map[string]bool{
		"who heads the afghan embassy in islamabad": true,
		"who heads the think tank":                  false,
		"who heads crss":                            false, // named as an entity
	} {
		if got := b.missesLedThing(b.parse(Normalize(q)), i); got != want {
			t.Errorf("missesLedThing(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestClauseAnswers: two questions joined by "and" are each answered, even
// when the whole question's best fact answers only one, or none: each
// clause is then asked alone. A yes-or-no question may follow a question,
// and "they" in the second clause stands for the first clause's subject.
func TestClauseAnswers(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"date of the chitral attack and when did pakistan lodge the demarche", []string{"5 September 2023", "9 September 2023"}},
		{"the mar 2024 pak airstrikes followed an attack where? and which groups were they aimed at", []string{"Mir Ali", "Hafiz Gul Bahadur"}},
		{"on what date did pak begin deporting undocumented afghans, and was iran doing anything similar at the time", []string{"1 November 2023", "Iran"}},
		{"anatol lieven - where is he a fellow and who does he blame most for the shift into nation building", []string{"Quincy", "European"}},
	} {
		a := b.Answer(tc.q)
		if !a.Answered {
			t.Errorf("%q: declined: %s", tc.q, a.Text())
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(a.Text(), w) {
				t.Errorf("%q: answer lacks %q: %s", tc.q, w, a.Text())
			}
		}
	}
}

func TestJoinClauses(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"Pakistan saw 65 attacks.", "The attacks killed 136.", "Pakistan saw 65 attacks; the attacks killed 136."},
		{"The paper says 2.2 million.", "Pakistan hosts 1.7 million more.", "The paper says 2.2 million; Pakistan hosts 1.7 million more."},
		{"In 1995 the Taliban took Herat.", "In 1996 they took Kabul.", "In 1995 the Taliban took Herat; in 1996 they took Kabul."},
	} {
		if got := joinClauses(tc.a, tc.b); got != tc.want {
			t.Errorf("joinClauses(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestListPrintedOnce: a list fact whose text already names its items by
// their initials is printed with the items in their place, not twice; one
// whose text names them in full is printed as it is.
func TestListPrintedOnce(t *testing.T) {
	for _, tc := range []struct {
		f    Fact
		want string
	}{
		{Fact{Text: "The paper lists three groups: RMJ, NFF and PF.", Items: []string{"Resistance Movement for Justice (RMJ)", "National Freedom Front (NFF)", "Patriotic Front (PF)"}},
			"The paper lists three groups: Resistance Movement for Justice (RMJ); National Freedom Front (NFF); Patriotic Front (PF)."},
		{Fact{Text: "The paper names two demands: surrender and disarm.", Items: []string{"surrender", "disarm"}},
			"The paper names two demands: surrender and disarm."},
		{Fact{Text: "Pakistan made four demands.", Items: []string{"surrender", "disarm"}},
			"Pakistan made four demands: surrender; disarm."},
	} {
		if got := withItems(&tc.f); got != tc.want {
			t.Errorf("withItems(%q) = %q, want %q", tc.f.Text, got, tc.want)
		}
	}
	b := packFromDisk(t)
	got := withItems(b.factByID["fnf-opposition-groups-list"])
	if n := strings.Count(got, "RMJ"); n != 1 {
		t.Errorf("the opposition groups' list names RMJ %d times: %q", n, got)
	}
}

// TestListParts counts the entries a short list in a fact's text gives, so
// that a list given in short is replaced by its items, not followed by them.
func TestListParts(t *testing.T) {
	for text, want := range map[string]int{
		"surrender to the state, accept the constitution, drop demands, and disband": 4,
		"halting its campaign and backing anti-Taliban groups":                       2,
		"RMJ, NFF and PF":              3,
		"two of them. Both were freed": 0,
	} {
		if got := listParts(text); got != want {
			t.Errorf("listParts(%q) = %d, want %d", text, got, want)
		}
	}
	f := &Fact{Text: "Pakistan put two demands to the TTP: surrender and disband.", Items: []string{"surrender to the state", "disband the organisation"}}
	if got, want := withItems(f), "Pakistan put two demands to the TTP: surrender to the state; disband the organisation."; got != want {
		t.Errorf("withItems = %q, want %q", got, want)
	}
}

// TestSharperDate: a lead that dates its event to the month or the year is
// made exact by the fact that dates the same event to the day, and only
// when that day is the one the pack gives within the lead's date.
func TestSharperDate(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		lead, want string // fact ids; want "" for none
	}{
		{"fnf-airstrikes-cause-mir-ali", "fnf-prism-airstrikes-18-march"}, // March 2024 → 18 March 2024
		{"recal-peshawar-school-attack", "recal-endnote-peshawar-141"},    // 2014 → 16 December 2014
		{"fnf-prism-airstrikes-18-march", ""},                             // already to the day
		{"op-expulsion-counterproductive", ""},                            // 31 October or 1 November: unknown which
		{"fnf-prism-good-taliban", ""},                                    // about a group, not a deed
	} {
		t.Run(tc.lead, func(t *testing.T) {
			f := b.factByID[tc.lead]
			if f == nil {
				t.Fatalf("no fact %s", tc.lead)
			}
			got := ""
			if g := b.sharperDate(f); g != nil {
				got = g.ID
			}
			if got != tc.want {
				t.Errorf("sharperDate = %q, want %q", got, tc.want)
			}
		})
	}
	// End to end: the day is in the answer's first sentence.
	a := b.Answer("when did pakistan retaliate for the mir ali attack")
	if first, _, _ := strings.Cut(a.Text(), ". "); !strings.Contains(first, "18 March 2024") {
		t.Errorf("answer does not lead with the day: %s", a.Text())
	}
}

// TestSameWordsTogether: a fact drawn from the very words of the source the
// answer's lead was drawn from joins it when there is room, however far
// down the ranking: the source said the two at once.
func TestSameWordsTogether(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		question, want string
	}{
		// The definition leads; the deadline the same sentence gives joins.
		{"whats the deal with e-tazkiras", "31 October 2023"},
		{"what came out of the sept 22 durrani - muttaqi meeting", "concrete steps"},
	} {
		a := b.Answer(tc.question)
		if !a.Answered || !strings.Contains(a.Text(), tc.want) {
			t.Errorf("%q: %q (answered %v), want %q from the same words of the source", tc.question, a.Text(), a.Answered, tc.want)
		}
	}
}
