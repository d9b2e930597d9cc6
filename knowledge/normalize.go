package knowledge

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// mentionRE matches chat mentions of the bot: Slack's <@U123> or <@U123|name>,
// Discord's <@123> and <@!123>, a typed @durand, and a typed @name opening
// the message (a workspace may call the bot anything).
// Broadcasts (<!here>, @everyone), role and channel mentions (<@&1>, <#C1|x>)
// are dropped too: they are not part of a question.
var mentionRE = regexp.MustCompile(`(?i)<@[!&]?[a-z0-9]+(\|[^>]*)?>|<#[a-z0-9]+(\|[^>]*)?>|<![a-z]+(\^[^>]*)?(\|[^>]*)?>|(^|\s)@(durand|everyone|here|channel)\b[:,]?|^@[a-z0-9_.-]+[:,]?(\s|$)`)

// politeRE matches conversational openers that carry no meaning for the
// question: "hey", "quick check:", "for a client note:", "can you tell me",
// "remind me", "please", "I want to know".
var politeRE = regexp.MustCompile(`^(?:(?:hey|hi|hello|ok|okay|so|yo|durand|bot)[,!.]?\s+)*` +
	`(?:(?:quick\s+(?:check|q|question)|for\s+(?:a|the|my)\s+(?:client\s+)?(?:note|brief|memo|report)|client\s+(?:asks|asking)|fyi|q)\s*[:,-]\s*)?` +
	`(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:tell|show|give|remind)\s+(?:me|us)\s+(?:about\s+)?|` +
	`(?:please\s+)?(?:tell|remind)\s+(?:me|us)\s+(?:about\s+)?|i\s+(?:want|would\s+like|'d\s+like)\s+to\s+know\s+(?:about\s+)?|` +
	`do\s+you\s+know\s+(?:anything\s+)?(?:about\s+)?|what\s+do\s+you\s+know\s+about\s+|help\s+me\s+understand\s+|` +
	`(?:can\s+you\s+)?(?:please\s+)?explain\s+(?:to\s+me\s+)?|tell\s+me\s+more\s+about\s+|please\s+)?`)

// politeEndRE matches a courtesy that closes a question and asks nothing:
// "whose article is that, may I ask?", "…, if you don't mind". Those that
// may be words of the question ("why do they pray") only after a comma.
var politeEndRE = regexp.MustCompile(`(?:[,;]?\s+(?:may i ask|if i may ask|if you don't mind|if you dont mind)|[,;]\s*(?:pray|if i may|if you please))\s*([?!.]*)$`)

// Normalize turns chat input into a plain question: mentions removed,
// accents, quotes and dashes folded, case folded, conversational openers
// stripped, white space collapsed. Numbers and dates are kept. It is
// idempotent: normalising its result changes nothing.
func Normalize(s string) string {
	s = foldText(foldAccents(s))
	// Stripping one mention or opener can expose another ("hey hey can you
	// tell me", "@durand@durand"): repeat until nothing changes.
	for range 8 {
		t := s
		t = withoutMentions(t)
		t = strings.Join(strings.Fields(t), " ")
		t = strings.TrimLeft(t, " ,:;-")
		if lead := leadingLetters(t); openerWords[lead] && (lead != "what" || strings.HasPrefix(t, whatOpener)) {
			rest := politeRE.ReplaceAllString(t, "")
			if opener := t[:len(t)-len(rest)]; strings.HasSuffix(opener, "durand ") && leadingLetters(rest) == "line" {
				rest = "durand " + rest // "durand line?" asks of the border, not the bot
			}
			t = rest
		}
		t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), " ,:;-"))
		if strings.Contains(t, " ") && mayEndPolitely(t) {
			t = politeEndRE.ReplaceAllString(t, "$1")
		}
		if t == s {
			break
		}
		s = t
	}
	return s
}

// openerWords are the words politeRE's openers begin with: a question
// that begins otherwise has none, and the expression need not run.
var openerWords = setOf(`hey hi hello ok okay so yo durand bot quick for client fyi q can could would will please tell remind i do what help explain`)

// whatOpener is the one opener of politeRE's that begins "what": a
// question that begins "what" otherwise, as most do, has none, and the
// expression need not run. (t is then in single spaces, as Normalize
// leaves it.)
const whatOpener = "what do you know about "

// politeEnds are the courtesies politeEndRE matches, as they end.
var politeEnds = []string{"may i ask", "if i may ask", "if you don't mind", "if you dont mind", "pray", "if i may", "if you please"}

// mayEndPolitely reports whether t may end in a courtesy politeEndRE
// matches: whether, its closing ?!. and then white space trimmed, it ends
// in one. One that does not cannot match, and the expression, which would
// try every place in t, need not run: every message passes here.
func mayEndPolitely(t string) bool {
	t = strings.TrimRight(strings.TrimRight(t, "?!."), " \t\n\f\r")
	for _, end := range politeEnds {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

// withoutMentions blanks out the mentions in t (see mentionRE). Every
// mention holds a "<" or an "@", so text with neither is left alone
// without running the expression: every message passes here.
func withoutMentions(t string) string {
	if !strings.ContainsAny(t, "<@") {
		return t
	}
	return mentionRE.ReplaceAllString(t, " ")
}

// leadingLetters returns the letters s begins with.
func leadingLetters(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return s[:i]
		}
	}
	return s
}

// foldAccents removes diacritics: "démarche" becomes "demarche".
func foldAccents(s string) string {
	for _, r := range s {
		if r >= 0x80 {
			t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
			out, _, err := transform.String(t, s)
			if err != nil {
				return s
			}
			return out
		}
	}
	return s
}

// tokenize splits normalised text into word tokens: letters and digits, with
// decimal points and thousands separators kept inside numbers ("1.7",
// "2560"), possessive 's dropped, apostrophes removed ("who's" becomes
// "whos") and hyphens treated as spaces.
func tokenize(s string) []string {
	if isASCII(s) {
		return tokenizeASCII(s)
	}
	return tokenizeRunes(s)
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// tokenizeASCII is tokenizeRunes for ASCII text, byte by byte: most
// questions and all of the pack's own words, which it reads without
// converting to runes or folding.
func tokenizeASCII(s string) []string {
	var toks []string
	var buf [64]byte
	cur := buf[:0]
	// start is where cur began in s, and same whether cur is s's own
	// bytes from there, as a lower-case word mostly is: then the token is
	// a slice of s, not a copy.
	start, same := 0, false
	flush := func() {
		if len(cur) > 0 {
			if same {
				toks = append(toks, s[start:start+len(cur)])
			} else {
				toks = append(toks, string(cur))
			}
			cur = cur[:0]
		}
	}
	add := func(i int, c byte) {
		if len(cur) == 0 {
			start, same = i, true
		}
		same = same && start+len(cur) == i && s[i] == c
		cur = append(cur, c)
	}
	lower := func(c byte) byte {
		if c == '`' {
			return '\'' // as foldRune reads it
		}
		return lowerRaw(c)
	}
	for i := 0; i < len(s); i++ {
		r := lower(s[i])
		switch {
		case asciiLetter(r) || asciiDigit(r):
			add(i, r)
		case (r == '.' || r == ',') && len(cur) > 0 && asciiDigit(cur[len(cur)-1]) && i+1 < len(s) && asciiDigit(s[i+1]):
			if r == '.' {
				add(i, r)
			}
		case r == '\'':
			if i+1 < len(s) && lowerRaw(s[i+1]) == 's' && (i+2 == len(s) || !asciiLetter(s[i+2])) && !contraction(string(cur)) {
				i++
				flush()
			}
		case r == '%':
			flush()
			toks = append(toks, "percent")
		case r == '-' && len(cur) > 0 && len(s)-i-1 >= 3 && strings.EqualFold(s[i+1:i+4], "led") && (len(s)-i-1 == 3 || !asciiLetter(s[i+4])):
			flush()
			i += len("led")
		case r == '&' || r == '+' && (len(cur) == 0 || !asciiDigit(cur[len(cur)-1])):
			flush()
			toks = append(toks, "and")
		case r == '#' && len(cur) == 0 && (i+1 == len(s) || !asciiLetter(s[i+1]) && !asciiDigit(s[i+1])):
			toks = append(toks, "number")
		default:
			flush()
		}
	}
	flush()
	return toks
}

// lowerRaw lower-cases an ASCII letter, as strings.ToLower does.
func lowerRaw(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// tokenizeRunes is tokenize for any text.
func tokenizeRunes(s string) []string {
	s = foldAccents(s)
	var toks []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			toks = append(toks, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(strings.ToLower(s))
	for i := 0; i < len(rs); i++ {
		r := foldRune(rs[i])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, r)
		case (r == '.' || r == ',') && len(cur) > 0 && unicode.IsDigit(cur[len(cur)-1]) && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			if r == '.' {
				cur = append(cur, r)
			} // a thousands separator is dropped: 2,560 -> 2560
		case r == '\'':
			// possessive: drop "'s" at the end of a word; otherwise join ("who's" -> "whos")
			if i+1 < len(rs) && rs[i+1] == 's' && (i+2 == len(rs) || !unicode.IsLetter(rs[i+2])) && !contraction(string(cur)) {
				i++
				flush()
			}
		case r == '%':
			flush()
			toks = append(toks, "percent")
		case r == '-' && len(cur) > 0 && ledSuffix(rs[i+1:]):
			// "US-led operation", "Russia-led dialogue": the compound
			// names who leads it, it asks nothing about leading.
			flush()
			i += len("led")
		case r == '&' || r == '+' && (len(cur) == 0 || !unicode.IsDigit(cur[len(cur)-1])):
			// "customs & total revenues", "attacks + deaths": two asks
			// joined; "20+ factions" is a figure.
			flush()
			toks = append(toks, "and")
		case r == '#' && len(cur) == 0 && (i+1 == len(rs) || !unicode.IsLetter(rs[i+1]) && !unicode.IsDigit(rs[i+1])):
			// "# of afghans deported": the number of; "#ttp" is a tag
			// and "#1" a rank, and the sign is dropped.
			toks = append(toks, "number")
		default:
			flush()
		}
	}
	flush()
	return toks
}

// ledSuffix reports whether rs starts with "led" ending a word.
func ledSuffix(rs []rune) bool {
	return len(rs) >= 3 && string(rs[:3]) == "led" && (len(rs) == 3 || !unicode.IsLetter(rs[3]))
}

// contraction reports whether word + "'s" is a contraction whose s matters
// for the question word: who's, what's, where's, when's, how's.
func contraction(word string) bool {
	switch word {
	case "who", "what", "where", "when", "how", "that", "it", "there":
		return true
	}
	return false
}

// asciiLetter reports whether c is an ASCII letter.
func asciiLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// asciiDigit reports whether c is an ASCII digit.
func asciiDigit(c byte) bool { return '0' <= c && c <= '9' }
