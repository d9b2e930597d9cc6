package knowledge

import (
	"slices"
	"strings"
	"testing"
)

// TestSmallTalk: greetings, thanks and questions about durand are small
// talk, whatever is around them; questions about the sources, however
// short, are not.
func TestSmallTalk(t *testing.T) {
	b := packFromDisk(t)
	for q, want := range map[string]bool{
		"hi":                                  true,
		"ok never mind":                       true,
		"nvm":                                 true,
		"forget it":                           true,
		"thanks, that's really helpful":       true,
		"what can you do?":                    true,
		"ok. what else can you help me with?": true,
		"what can you help me with":           true,
		"who made you btw":                    true,
		"hi btw - what can you actually help me with?": true,
		"what did he really say":                       false,
		"what kinds of questions can i ask":            true,
		"what else did he say":                         false,
		"anything else?":                               false,
		"who is durrani":                               false,
		"what can you tell me about the ttp":           false,
		"help me understand the durand line":           false,
		"that's useful, thanks":                        true,
		"very helpful thank you":                       true,
		"what kind of stuff do you know about":         true,
		"what kind of stuff do you know about the ttp": false,
		"is that useful":                               false,
		"what else can u do btw":                       true,
		"thanks, that's it for now":                    true,
		"ty. what else can you help with?":             true,
		"thanks. who is durrani":                       false,
		"thanks, now what about the ttp":               false,
		"noted":                                        true,
		"roger that":                                   true,
		"lol":                                          true,
		"great, ta":                                    true,
		"ok thanks, night":                             true, // a sign-off, not night-vision gear
		"thx thats plenty for tonight":                 true,
		"what happened that night":                     false,
		"thx, noted for the brief":                     true, // thanks, then nothing asked or named
		"ok thanks, v helpful":                         true,
		"thanks, the ttp":                              false, // names something: asks of it
		"thanks for the ttp numbers":                   false,
		"gr8 thanks":                                   true, // chat's spellings
		"thnx":                                         true,
		"much obliged":                                 true, // a formal register
		"Most kind. Good day to you.":                  true, // thanks, then a farewell that opens with "good"
		"Much obliged. Incidentally, what else are you able to help me with?": true,
		"most of the attacks were where":                                      false,
		"how much of the ttp is afghan":                                       false,
		"that's helpful":                                                      true,
		"that's wrong":                                                        true,
		"gm":                                                                  true,
		"brb":                                                                 true,
		"ok so what about chaman":                                             false,
		"right, and when did it reopen":                                       false,
		"interesting, why":                                                    false,
		"wrong crossing":                                                      false,
		"ok got it ty":                                                        true,
		"hey thanks. u a bot?":                                                true,  // a greeting, thanks, and a question about durand
		"ok ty, this is gold":                                                 true,  // a remark beside thanks
		"ha, a competitor. thx":                                               true,  // thanks closing a remark
		"great thx, thats a LOT of acronyms lol":                              true,  // thanks, then a longer remark
		"tank fort attack casualties thanks":                                  false, // thanks closing a question
		"afghani to usd exchange rate thanks":                                 false, // a question the sources cannot answer, still a question
		"thanks. and 2023?":                                                   false, // a follow-up
		"thx, more":                                                           false,
		"thanks, super useful":                                                true,
		"ok thanks, that's all i needed":                                      true,
		"great thanks! what else can you do btw?":                             true,
		"ok thanks, what about chaman":                                        false,
	} {
		if _, got := b.smallTalk(q); got != want {
			t.Errorf("smallTalk(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestAsksSources: the short messages that ask where the last answer came
// from, and some that ask something else.
func TestAsksSources(t *testing.T) {
	for q, want := range map[string]bool{
		"sources?":                                     true,
		"where's that from?":                           true,
		"link/source?":                                 true,
		"link / which doc?":                            true,
		"link/source for that piece":                   true,
		"where's that quote from":                      true,
		"the ttp/taliban link":                         false,
		"which document is that from":                  true,
		"which org published that":                     true,
		"who published that?":                          true,
		"who wrote it":                                 true,
		"who published the fnf paper":                  false, // no "that": a question of its own
		"which org runs the ttp":                       false,
		"who said that":                                false, // the speaker, not the source
		"link pls":                                     true,
		"who reported those numbers":                   true,
		"who collected that data":                      true,
		"who collected the taxes":                      false,
		"got a link?":                                  true,
		"the link between ttp and aq":                  false,
		"src?":                                         true,
		"ref?":                                         true,
		"source for the 500 figure?":                   true, // a part of the last answer
		"sources of the ttp funding in 2023":           false,
		"which doc?":                                   true,
		"per who?":                                     true,
		"according to whom":                            true,
		"who says":                                     true,
		"what is the src":                              false, // the Supreme Resistance Council
		"which doc says the ttp grew":                  false,
		"which doc has the bugti number":               true, // the figure just given
		"what paper gives that figure":                 true,
		"which report has the most ttp attacks":        false,
		"which doc for the april number":               true,
		"which doc is the 375k from":                   true,
		"which doc for afghan history":                 false,
		"who compiled those":                           true, // the figures just given
		"who killed those":                             false,
		"whose piece is that from":                     true,
		"whose analysis is this":                       true,
		"whose analysis of the ttp is best":            false, // no "that": a question of its own
		"who says that":                                true,
		"how does the author know that":                true,
		"where did that quote originally run":          true,
		"who wrote that piece":                         false, // the piece the answer names, asked of
		"who's the author btw":                         true,  // of what the conversation is reading
		"who wrote this piece, by the way?":            true,
		"who is the author of the ttp charter":         false, // a question of its own
		"on whose account is that, may I ask":          true,
		"on whose authority is that":                   true,
		"src for that?":                                true,
		"src for the ttp":                              false,
		"whose take is this":                           true,
		"where's the pm's number from?":                true, // whose words the figure is in
		"where does the paper take that account from?": true, // a claim's source, asked at length
		"where did the author get those figures from":  true,
		"where did that group get its weapons from":    false, // of the group
		"where does the ttp get that money from":       false,
		"where is the ttp chief from":                  false,
	} {
		if got := asksSources(strings.Fields(strings.Trim(Normalize(q), " ?!.,;:"))); got != want { // as answerIn reads it
			t.Errorf("asksSources(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestAsksMore: "anything else" with words that only point back at the
// last answer ("in that section", "from that data") asks for more of it;
// with anything else it is a question of its own.
func TestAsksMore(t *testing.T) {
	for q, want := range map[string]bool{
		"more":                           true,
		"anything else?":                 true,
		"anything else in that section":  true,
		"anything else from that data":   true,
		"anything else in that analysis": true,
		"what else does it say":          true,
		"anything else from bhonsle":     false,
		"what else did he say":           false,
	} {
		if got := asksMore(strings.Fields(strings.Trim(Normalize(q), " ?!.,;:"))); got != want {
			t.Errorf("asksMore(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestCitedWithin: the outlets a fact says it has its words from, and no
// body it only names.
func TestCitedWithin(t *testing.T) {
	b := packFromDisk(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"The TTP claimed 45 attacks in December 2021, the FNF paper says, citing BBC Monitoring.", []string{"BBC Monitoring"}}, // not the BBC as well
		{"Pakistan saw 65 attacks, according to the Pakistan Institute for Conflict and Security Studies (PICSS).", []string{"Pakistan Institute for Conflict and Security Studies (PICSS)"}},
		{"Amu TV reported in 2024 that the Taliban denounced US drone surveillance.", []string{"Amu TV"}},
		{"The airstrikes targeted the TTP, according to the FNF paper.", nil}, // the TTP is what it is about
		{"The Human Rights Commission of Pakistan condemned the order.", nil}, // named, not cited
	} {
		if got := b.citedWithin([]*Fact{{Text: tc.text}}); !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}
