// Package textcut lays out text for chat platforms: it shortens and splits
// text for their length limits — on line or word boundaries where it can,
// and never inside a rune, a grapheme cluster (joiners, combining marks,
// variation selectors, skin tones) or an HTML entity such as &amp; —
// renders lines as bullets, and breaks links so that they show as text.
package textcut

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// zwsp is a zero-width space: it breaks a link without showing.
const zwsp = "\u200b"

// Unlink breaks what a chat client or a browser would turn into a link — a
// scheme's "://" and "www." (in any case) — with a zero-width space after
// the colon or the "www", so that a URL a user typed shows as it was typed
// but links nowhere: "https:\u200b//x", "www\u200b.x". Other bytes, invalid
// UTF-8 included, are kept as they are.
func Unlink(s string) string {
	if !strings.Contains(s, "://") && !containsWWW(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "://"):
			b.WriteString(":" + zwsp + "//")
			i += len("://")
		case len(s)-i >= len("www.") && strings.EqualFold(s[i:i+len("www.")], "www."):
			b.WriteString(s[i:i+len("www")] + zwsp + ".")
			i += len("www.")
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// containsWWW reports whether s holds "www." in any case.
func containsWWW(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
			return true
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// OneLine collapses s's white space, line breaks included, to single spaces.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Distinct returns up to max of items, each on one line, leaving out blank
// ones and repeats, in order.
func Distinct(items []string, max int) []string {
	var out []string
	seen := make(map[string]bool)
	for _, s := range items {
		if len(out) == max {
			break
		}
		if s = OneLine(s); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Bullets renders lines as "• " bullets, one per line, each passed through
// escape (the platform's), then moreLine, escaped, when it is not empty: it
// says how many more were left out ("…and 7 more"). Blank lines are
// skipped.
func Bullets(lines []string, moreLine string, escape func(string) string) string {
	var b strings.Builder
	for _, l := range lines {
		if l = OneLine(l); l != "" {
			b.WriteString("• " + escape(l) + "\n")
		}
	}
	if moreLine = OneLine(moreLine); moreLine != "" {
		b.WriteString(escape(moreLine) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Trim shortens s to at most max runes, ending in "…" on a word boundary
// when it has to cut (or mid-word, at a cluster boundary, when the last
// word is too long). Invalid UTF-8 is replaced by U+FFFD first, so what it
// returns is always valid.
func Trim(s string, max int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	if max < 1 {
		return ""
	}
	head := ""
	if max > 1 {
		head, _ = Cut(s, max-1)
	}
	return strings.TrimRightFunc(head, unicode.IsSpace) + "…"
}

// Split breaks s into parts of at most max runes, on line boundaries where
// it can, else on word boundaries, else between runes. The white space at
// each break is dropped.
func Split(s string, max int) []string {
	var parts []string
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return parts
		}
		if utf8.RuneCountInString(s) <= max {
			return append(parts, s)
		}
		head, rest := Cut(s, max)
		parts = append(parts, head)
		s = rest
	}
}

// Cut splits s, which is longer than max runes (max ≥ 1), into a head of at
// most max runes and the rest: at the last line break if it is in the second
// half of the head, else at the last space, else between two runes, though
// never inside an HTML entity (&amp;) or before a joiner, combining mark or
// variation selector. The white space at the break is dropped.
func Cut(s string, max int) (head, rest string) {
	end := runeOffset(s, max)
	_, size := utf8.DecodeRuneInString(s[end:])
	look := s[:end+size] // the head, plus the next rune in case it is a space
	i := strings.LastIndexByte(look, '\n')
	if i <= end/2 {
		i = strings.LastIndexFunc(look, isBreak)
	}
	if i <= 0 {
		i = hardCut(s, end)
		return s[:i], s[i:]
	}
	return strings.TrimRightFunc(s[:i], unicode.IsSpace), strings.TrimLeftFunc(s[i:], unicode.IsSpace)
}

// isBreak reports whether text may be broken at r: white space other than
// no-break spaces.
func isBreak(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u2007' && r != '\u202f'
}

// hardCut moves a cut at byte end of s back to before an entity it would
// split, and off a joiner, combining mark or variation selector; if that
// leaves nothing, it cuts at end.
func hardCut(s string, end int) int {
	i := end
	if j := strings.LastIndexByte(s[:i], '&'); j >= 0 && i-j < len("&amp;") && !strings.Contains(s[j:i], ";") {
		i = j
	}
	for i > 0 {
		next, _ := utf8.DecodeRuneInString(s[i:])
		prev, n := utf8.DecodeLastRuneInString(s[:i])
		if !Joins(next) && prev != '\u200d' {
			break
		}
		i -= n
	}
	if i == 0 {
		return end
	}
	return i
}

// Joins reports whether r belongs with the rune before it: a zero-width
// joiner, combining mark, variation selector or skin-tone modifier.
func Joins(r rune) bool {
	return r == '\u200d' ||
		unicode.In(r, unicode.Mn, unicode.Me) ||
		'\ufe00' <= r && r <= '\ufe0f' ||
		'\U0001f3fb' <= r && r <= '\U0001f3ff'
}

// runeOffset is the byte offset in s after its first n runes.
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
