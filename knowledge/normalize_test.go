package knowledge

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"who is Asif Durrani", "who is asif durrani"},
		{"@durand when did torkham close", "when did torkham close"},
		{"<@U024BE7LH> who is mullah yaqoob?", "who is mullah yaqoob?"},
		{"<@U024BE7LH|durand> hi", "hi"},
		{"<@!80351110224678912> wat is ttp", "wat is ttp"},
		{"hey can you tell me about the TTP", "the ttp"},
		{"Please tell me who leads the NRF", "who leads the nrf"},
		{"could you remind me who ruled afghanistan", "who ruled afghanistan"},
		{"remind me when torkham closed", "when torkham closed"},
		{"help me understand the TTP", "the ttp"},
		{"<@100> who is asif durrani @everyone <!here> <@&55> in <#C1|general>", "who is asif durrani in"},
		{"what do you know about torkham", "torkham"},
		{"What’s the “Moscow Format” — really?", `what's the "moscow format" - really?`},
		{"Démarche  issued\tin   Sept", "demarche issued in sept"},
		{"@askbot wat is the moscow format", "wat is the moscow format"},
		{"quick check: date of the chitral attack", "date of the chitral attack"},
		{"For a client note: who is Anatol Lieven?", "who is anatol lieven?"},
		{"q: who leads the nrf", "who leads the nrf"},
		{"quick question about the ttp", "quick question about the ttp"}, // no colon: part of the question
		{"@risk-desk: who leads the nrf", "who leads the nrf"},
		{"what did @durand_fan say", "what did @durand_fan say"}, // only an opening handle addresses the bot
		{"Whose article is that from, may I ask?", "whose article is that from?"},
		{"in which year, pray?", "in which year?"},
		{"where do the taliban pray?", "where do the taliban pray?"}, // a word of the question, not a courtesy
		{"durand line?", "durand line?"},                             // the border, not the bot's name
		{"hey durand line length", "durand line length"},
		{"durand, line up the ttp's attacks", "line up the ttp's attacks"}, // the name, then the question
		{"durand who leads the nrf", "who leads the nrf"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"the TTP's leader", []string{"the", "ttp", "leader"}},
		{"who's faiz hameed", []string{"whos", "faiz", "hameed"}},
		{"a 2,560-km border", []string{"a", "2560", "km", "border"}},
		{"1.7 million, 50% up", []string{"1.7", "million", "50", "percent", "up"}},
		{"Pul-e-Charkhi", []string{"pul", "e", "charkhi"}},
		{"Anwaar-ul-Haq Kakar", []string{"anwaar", "ul", "haq", "kakar"}},
		{"9/11 attacks", []string{"9", "11", "attacks"}},
		{"# of afghans", []string{"number", "of", "afghans"}},
		{"#ttp is #1", []string{"ttp", "is", "1"}},
		{"the US-led operation", []string{"the", "us", "operation"}},
		{"customs & revenue", []string{"customs", "and", "revenue"}},
		{"attacks+deaths", []string{"attacks", "and", "deaths"}},
		{"20+ factions", []string{"20", "factions"}},
		{"a Russia-led-dialogue", []string{"a", "russia", "dialogue"}},
		{"they led-ledger", []string{"they", "led", "ledger"}},
	}
	for _, tt := range tests {
		if got := tokenize(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOSADistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"torkam", "torkham", 1},
		{"lenght", "length", 1},
		{"durany", "durrani", 2},
		{"mujahed", "mujahid", 1},
		{"", "abc", 3},
		{"same", "same", 0},
	}
	for _, tt := range tests {
		if got := osaDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("osaDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	groups := [][]string{
		{"deported", "deporting", "deportation", "deportations", "deport"},
		{"leader", "leaders"},
		{"lead", "leads", "leading"},
		{"militant", "militants", "militancy"},
		{"negotiation", "negotiations", "negotiate", "negotiated"},
		{"killed", "killing", "kills", "kill"},
		{"form", "formed", "forming", "formation", "formations"},
		{"response", "responses"},
		{"responsible", "responsibility", "responsibly"},
		{"neutralise", "neutralize", "neutralising", "neutralizing", "neutralised", "neutralized"}, // British and American spellings meet
		{"recognise", "recognize", "recognised", "recognized"},
		{"organisation", "organization", "organisations"},
		{"prioritise", "prioritize", "prioritised"},
	}
	for _, g := range groups {
		want := stem(g[0])
		for _, w := range g[1:] {
			if got := stem(w); got != want {
				t.Errorf("stem(%q) = %q, want %q (as stem(%q))", w, got, want, g[0])
			}
		}
	}
	if stem("formation") == stem("format") {
		t.Errorf("stem(formation) = stem(format): a group's formation is not the Moscow Format")
	}
	if stem("promise") == stem("prom") || stem("rising") != stem("rise") {
		t.Errorf("stem(promise) = %q, stem(rising) = %q: a word whose -ise is no -ize ending is left alone", stem("promise"), stem("rising"))
	}
	if stem("responsible") == stem("response") {
		t.Errorf("stem(responsible) = stem(response): holding someone responsible is no reply")
	}
}

// FuzzNormalize checks that normalising never panics, always yields valid
// UTF-8 without mentions or surrounding space, and is idempotent.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"who is Asif Durrani", "<@U123> hi", "@durand wat is ttp", "“quoted”—dash", "\x00\xff", "hey can you tell me about x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) && utf8.ValidString(s) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if n != strings.TrimSpace(n) {
			t.Fatalf("Normalize(%q) = %q: untrimmed", s, n)
		}
		if strings.Contains(n, "<@") && mentionRE.MatchString(n) {
			t.Fatalf("Normalize(%q) = %q: mention left", s, n)
		}
		if nn := Normalize(n); nn != n && utf8.ValidString(s) {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, nn)
		}
		tokenize(n)
	})
}

// normalizeEveryTime is Normalize with both expressions run on every pass,
// as it was before it learnt to skip them: the reference its shortcuts
// must agree with.
func normalizeEveryTime(s string) string {
	s = foldText(foldAccents(s))
	for range 8 {
		t := strings.Join(strings.Fields(mentionRE.ReplaceAllString(s, " ")), " ")
		t = strings.TrimLeft(t, " ,:;-")
		t = strings.TrimSpace(politeRE.ReplaceAllString(t, ""))
		t = strings.TrimSpace(strings.TrimLeft(t, " ,:;-"))
		if t == s {
			break
		}
		s = t
	}
	return s
}

// TestNormalizeSkipsOnlyWhatCannotMatch: Normalize skips the mention
// expression without a "<" or "@", and the openers' without an opening
// word; on every alternate question of the pack, and on openers, mentions
// and broadcasts in every position, it agrees with running both always.
func TestNormalizeSkipsOnlyWhatCannotMatch(t *testing.T) {
	b := packFromDisk(t)
	inputs := []string{
		"hey, can you tell me who is durrani", "Hey hey could you please tell us about the TTP", "quick q: who is kakar",
		"for a client note - when did torkham close", "fyi: what is the durand line", "I'd like to know about nifma",
		"i want to know about the nrf", "do you know anything about the iskp", "what do you know about bugti",
		"help me understand the ttp", "explain to me the doha deal", "tell me more about the ttp", "please who is muttaqi",
		"<@U024BE7LH> who is kakar", "@durand: when did torkham close", "who is kakar <!here>", "@everyone who is kakar",
		"<#C1|general> hi", "okay so yo durand bot what", "heya who is kakar", "quickly, who is kakar", "q, ttp", "hi",
		"", "   ", "—who is durrani—", "So: when did the TTP form?", "whats up", "client asks: who leads the ttp",
	}
	for _, f := range b.facts {
		inputs = append(inputs, f.Questions...)
		for _, q := range f.Questions {
			inputs = append(inputs, "hey "+q, "<@U1> "+q, "can you tell me "+q, q+" @here")
		}
	}
	for _, in := range inputs {
		if got, want := Normalize(in), normalizeEveryTime(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// tokenizeCases are inputs on which the ASCII tokenizer must agree with
// the general one: every rule's edge, in both cases.
var tokenizeCases = []string{
	"the TTP'S leader", "WHO'S there", "it's", "`quoted`", "Bajaur's", "rock 'n' roll", "'s", "a'", "x'sy",
	"2,560", "1.7.", "1,", ",5", "3.x", "US-LED", "-led", "x-led", "x-ledger", "x-le", "a&b", "1+2", "a+b", "+",
	"#", "# 1", "#a", "a#", "%", "50%%", "tab\tand\nnewline", strings.Repeat("long", 40) + " word",
}

// TestTokenizeASCIIAgrees: the byte-wise tokenizer splits as the rune-wise
// one does, on the pack's every text and question and on each rule's edge.
func TestTokenizeASCIIAgrees(t *testing.T) {
	b := packFromDisk(t)
	inputs := slices.Clone(tokenizeCases)
	for _, f := range b.facts {
		inputs = append(inputs, f.Text, f.Cite.Quote)
		inputs = append(inputs, f.Questions...)
		inputs = append(inputs, f.Items...)
	}
	for _, e := range b.entities {
		inputs = append(inputs, e.Name, e.Summary)
		inputs = append(inputs, e.Aliases...)
	}
	n := 0
	for _, in := range inputs {
		if !isASCII(in) {
			continue
		}
		n++
		if got, want := tokenizeASCII(in), tokenizeRunes(in); !slices.Equal(got, want) {
			t.Errorf("tokenizeASCII(%q) = %q, want %q", in, got, want)
		}
	}
	if n < 1000 {
		t.Errorf("only %d ASCII inputs checked", n)
	}
}

func FuzzTokenizeASCII(f *testing.F) {
	for _, s := range tokenizeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		if got, want := tokenizeASCII(s), tokenizeRunes(s); !slices.Equal(got, want) {
			t.Fatalf("tokenizeASCII(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestScaledNumbers: a figure written short is read as the pack writes it.
func TestScaledNumbers(t *testing.T) {
	for _, tc := range []struct {
		tok  string
		want []string
	}{
		{"1.73m", []string{"1.73", "million"}},
		{"2mn", []string{"2", "million"}},
		{"3bn", []string{"3", "billion"}},
		{"40k", []string{"40000"}},
		{"1.5k", nil}, // not written out: 1.5 thousand is no token of the pack
		{"m", nil},
		{"1990s", nil},
		{"5km", nil},
		{"isk", nil},
	} {
		if got := scaledNumber(tc.tok); !slices.Equal(got, tc.want) {
			t.Errorf("scaledNumber(%q) = %q, want %q", tc.tok, got, tc.want)
		}
	}
	b := packFromDisk(t)
	q := b.parse(Normalize("who decided to expel the 1.73m afghans"))
	if !slices.Contains(q.toks, "million") {
		t.Errorf("tokens %q: want 1.73m read as 1.73 million", q.toks)
	}
}

// TestChatAndOpensAFollowUp: a follow-up opening with chat's "n" opens
// with "and"; elsewhere "n" is left to the parse.
func TestChatAndOpensAFollowUp(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{[]string{"n", "faiz", "hameed"}, []string{"and", "faiz", "hameed"}},
		{[]string{"&", "2020"}, []string{"and", "2020"}},
		{[]string{"the", "n", "waziristan", "attack"}, []string{"the", "n", "waziristan", "attack"}},
		{[]string{"n"}, []string{"n"}},
	} {
		if got := chatAnd(slices.Clone(tc.in)); !slices.Equal(got, tc.want) {
			t.Errorf("chatAnd(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
