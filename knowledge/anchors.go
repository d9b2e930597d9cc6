package knowledge

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AnchorReport is the outcome of checking every citation's anchor phrase
// against the source documents.
type AnchorReport struct {
	Verified       int // anchors found
	QuotesVerified int // quotes found
	ViasVerified   int // vias found (Citation.Via), for the facts that have one
	Missing        []Problem
	MissingQuotes  int // how many of Missing are quotes
}

// VerifyAnchors looks up each fact's anchor phrase, quote and via in its
// source document, read from docs by the source id (its file name). Case, quotes,
// dashes, emphasis asterisks and white space are folded on both sides first.
// Each is counted and reported apart.
func (b *Base) VerifyAnchors(docs fs.FS) AnchorReport {
	var r AnchorReport
	texts := map[string]string{}
	for _, s := range b.srcOrder {
		data, err := fs.ReadFile(docs, s.ID)
		if err != nil {
			r.Missing = append(r.Missing, Problem{File: s.ID, Msg: "source document not readable: " + err.Error()})
			continue
		}
		texts[s.ID] = foldText(string(data))
	}
	for _, f := range b.facts {
		text, ok := texts[f.Cite.Doc]
		if !ok {
			continue
		}
		if strings.Contains(text, foldText(f.Cite.Anchor)) {
			r.Verified++
		} else {
			r.Missing = append(r.Missing, Problem{File: f.file, Entry: "fact " + f.ID,
				Msg: "anchor " + quote(f.Cite.Anchor) + " not found in " + f.Cite.Doc})
		}
		if f.Cite.Via != "" {
			if strings.Contains(text, foldText(f.Cite.Via)) {
				r.ViasVerified++
			} else {
				r.Missing = append(r.Missing, Problem{File: f.file, Entry: "fact " + f.ID,
					Msg: "via " + quote(f.Cite.Via) + " not found in " + f.Cite.Doc})
			}
		}
		if strings.Contains(text, foldText(f.Cite.Quote)) {
			r.QuotesVerified++
		} else {
			r.MissingQuotes++
			r.Missing = append(r.Missing, Problem{File: f.file, Entry: "fact " + f.ID,
				Msg: "quote " + quote(f.Cite.Quote) + " not found in " + f.Cite.Doc})
		}
	}
	return r
}

func quote(s string) string { return "\"" + s + "\"" }

// CitedAfter returns whom document doc credits for quote, by a numbered
// endnote marker after it in its sentence ("[4]": the note's words), or by
// the first in-text citation in parentheses ("(Amu TV, 2024)", "(Abdul
// Sayed 2022)") that follows the quote, without the parentheses: in the
// quote's own sentence or right after it, or, past other sentences, at the
// end of the paragraph, which it credits whole. It returns "" when there is none, or
// the quote is not in doc: a citation mid-paragraph, sentences on, is
// another sentence's. It is what internal/quotegen uses to fill in a
// citation's Via.
func CitedAfter(doc, quote string) string {
	q := strings.Join(strings.Fields(strings.ReplaceAll(quote, "*", "")), " ")
	if q == "" {
		return ""
	}
	for _, para := range paragraphRE.Split(doc, -1) {
		p := strings.Join(strings.Fields(strings.ReplaceAll(para, "*", "")), " ")
		at := strings.Index(p, q)
		if at < 0 {
			continue
		}
		rest := p[at+len(q):]
		if note := endnoteAfter(doc, q, rest); note != "" {
			return note
		}
		m := inTextCitationRE.FindStringSubmatchIndex(rest)
		if m == nil {
			return ""
		}
		between, after := rest[:m[0]], strings.Trim(rest[m[1]:], " .")
		if sentenceBreakRE.MatchString(q[len(q)-1:]+between) && after != "" { // (the quote may end its sentence)
			return "" // another sentence's citation, not the paragraph's
		}
		return rest[m[2]:m[3]]
	}
	return ""
}

// endnoteAfter returns the endnote a numbered marker credits the quote q
// to, when the marker stands in q or follows it in its sentence ("… in
// December alone.[1]"), rest being what follows q in its paragraph: the
// note's words before its link ("Available at"). It returns "" when there
// is no such marker, or no note of that number in doc.
func endnoteAfter(doc, q, rest string) string {
	var n string
	if m := endnoteMarkRE.FindStringSubmatch(q); m != nil && !strings.HasPrefix(q, m[0]) {
		n = m[1] // within the quote: its words draw on the note (a quote of the note itself starts with the marker)
	} else if m := endnoteMarkRE.FindStringSubmatchIndex(rest); m != nil && !sentenceBreakRE.MatchString(q[len(q)-1:]+rest[:m[0]]) {
		n = rest[m[2]:m[3]]
	}
	if n == "" {
		return ""
	}
	for _, line := range strings.Split(doc, "\n") {
		note, ok := strings.CutPrefix(strings.TrimSpace(line), "["+n+"]")
		if !ok {
			continue
		}
		if k := strings.Index(note, "Available"); k > 0 {
			note = note[:k]
		}
		return strings.TrimRight(strings.TrimSpace(note), " .,:")
	}
	return ""
}

var (
	// endnoteMarkRE matches a numbered endnote marker: "[4]".
	endnoteMarkRE = regexp.MustCompile(`\[(\d{1,2})\]`)
	// paragraphRE splits a document into paragraphs at blank lines.
	paragraphRE = regexp.MustCompile(`\n[ \t]*\n`)
	// sentenceBreakRE finds where one sentence ends and another starts.
	sentenceBreakRE = regexp.MustCompile(`[.!?]["”']?\s+["“]?[A-Z]`)
	// inTextCitationRE matches an author–date citation in parentheses:
	// a capitalised name, then a year, perhaps with a letter.
	inTextCitationRE = regexp.MustCompile(`\(([A-Z][^()]{1,60}?,? (?:19|20)\d\d[a-z]?)\)`)
)

// Limits on a citation's quote: the words of the document a fact rests on,
// shown under the source so that a reader can judge the claim by them.
const (
	// MinQuoteWords is the fewest words a quote may have: fewer cannot
	// carry a claim ("Kakar", "the TTP").
	MinQuoteWords = 3
	// MaxQuoteWords is the most: a quote is a sentence or the part of one
	// that holds the anchor, not a paragraph.
	MaxQuoteWords = 40
)

// checkQuote reports what is wrong with a citation's quote on its own,
// without the document: its length, and that it holds the anchor.
func checkQuote(c Citation) string {
	n := wordCount(c.Quote)
	switch {
	case strings.TrimSpace(c.Quote) == "":
		return "citation has no quote (go run ./internal/quotegen fills it in from the documents)"
	case n < MinQuoteWords || n > MaxQuoteWords:
		return fmt.Sprintf("quote has %d words; a quote has %d to %d", n, MinQuoteWords, MaxQuoteWords)
	case c.Anchor != "" && !strings.Contains(foldText(c.Quote), foldText(c.Anchor)):
		return "quote does not contain the anchor " + quote(c.Anchor)
	}
	return ""
}

// docWord is one white-space-separated word of a source document.
type docWord struct {
	raw       string
	fold      string // foldText(raw)
	line      int    // lines are paragraphs, headings and list items
	lineStart bool   // first word of its line
	bullet    bool   // the line is a list item: "- surrender to the state,"
	mark      bool   // the list item's mark, "-": no quote starts with one
}

// WidenAnchor returns the quote for an anchor phrase of the document doc:
// the sentence that holds it, verbatim but for white space, or, where that
// sentence runs past MaxQuoteWords, the part of it from the last clause
// break that leaves room for the anchor; an anchor in a line shorter than
// MinQuoteWords (a heading) takes in the words after it. It fails when the
// anchor is not in the document. It is what internal/quotegen uses to give
// each fact its quote.
func WidenAnchor(doc, anchor string) (string, error) {
	var words []docWord
	for n, line := range strings.Split(doc, "\n") {
		fields := strings.Fields(line)
		bullet := len(fields) > 1 && listMarks[fields[0]]
		first := true
		for i, w := range fields {
			w = strings.ReplaceAll(w, "*", "") // emphasis marks
			f := foldText(w)
			if f == "" {
				continue
			}
			words = append(words, docWord{raw: w, fold: f, line: n, lineStart: first, bullet: bullet, mark: bullet && i == 0})
			first = false
		}
	}
	// The folded document, and the word each byte of it belongs to.
	var text strings.Builder
	var owner []int
	for i, w := range words {
		if i > 0 {
			text.WriteByte(' ')
			owner = append(owner, i)
		}
		text.WriteString(w.fold)
		for range len(w.fold) {
			owner = append(owner, i)
		}
	}
	a := foldText(anchor)
	at := strings.Index(text.String(), a)
	if a == "" || at < 0 {
		return "", fmt.Errorf("anchor %s not found", quote(anchor))
	}
	first, last := owner[at], owner[at+len(a)-1]
	start, end := first, last
	for start > 0 && !sentenceStarts(words, start) {
		start--
	}
	for end+1 < len(words) && !sentenceStarts(words, end+1) {
		end++
	}
	switch {
	case last-first+1 >= MaxQuoteWords:
		start, end = first, first+MaxQuoteWords-1
	case last-start+1 > MaxQuoteWords:
		// The sentence is too long to start at its beginning: start at
		// the earliest clause break that leaves the anchor in reach.
		from := last - MaxQuoteWords + 1
		start = from
		for k := from; k <= first; k++ {
			if strings.ContainsAny(lastRune(words[k-1].raw), ",;:") {
				start = k
				break
			}
		}
		end = min(end, start+MaxQuoteWords-1)
	default:
		end = min(end, start+MaxQuoteWords-1)
	}
	if words[start].mark && start < end {
		start++
	}
	start, end = withListLeadIn(words, start, end)
	for end-start+1 < MinQuoteWords && end+1 < len(words) {
		end++
	}
	raw := make([]string, 0, end-start+1)
	for _, w := range words[start : end+1] {
		raw = append(raw, w.raw)
	}
	return strings.Join(raw, " "), nil
}

// listMarks begin a list item's line.
var listMarks = setOf("- * • – —")

// shortItem is the most words a list item has for its quote to take in the
// list's lead-in: "surrender to the state" says nothing without "Pakistan's
// demands on the TTP were to:".
const shortItem = 8

// withListLeadIn widens a quote that leads in to a list (see leadsIn) to
// the list items that follow it, and a short list item back to the lead-in that introduces it,
// as far as whole lines fit in MaxQuoteWords.
func withListLeadIn(words []docWord, start, end int) (int, int) {
	lineEnd := func(i int) int { // the last word of words[i]'s line
		for i+1 < len(words) && words[i+1].line == words[i].line {
			i++
		}
		return i
	}
	if !words[end].bullet && leadsIn(words[end].raw) && end+1 < len(words) && words[end+1].mark {
		for next := end + 1; next < len(words) && words[next].mark; next = end + 1 {
			last := lineEnd(next)
			if last-start+1 > MaxQuoteWords {
				break
			}
			end = last
		}
		return start, end
	}
	if !words[start].bullet || end-start+1 > shortItem {
		return start, end
	}
	// Back over the items before this one to the lead-in.
	k := start - 1
	for k >= 0 && words[k].bullet {
		k--
	}
	if k < 0 || !leadsIn(words[k].raw) {
		return start, end
	}
	from := k
	for from > 0 && !sentenceStarts(words, from) {
		from--
	}
	if end-from+1 <= MaxQuoteWords {
		return from, end
	}
	return start, end
}

// leadsIn reports whether a line ending in word w introduces the list after
// it: it ends in a colon, or in no full stop at all ("priorities include").
func leadsIn(w string) bool {
	return strings.HasSuffix(w, ":") || !strings.ContainsAny(lastRune(strings.TrimRight(w, `"'”’)]`)), ".?!")
}

// sentenceStarts reports whether words[i] begins a sentence: it begins a
// line, or the word before it ends one ("." "?" "!", closing quotes and
// brackets after them allowed) and is no abbreviation such as "Lt." or
// "U.S.", and words[i] does not start in lower case.
func sentenceStarts(words []docWord, i int) bool {
	if i == 0 || words[i].lineStart {
		return true
	}
	prev := strings.TrimRight(words[i-1].fold, `"')]`)
	if prev == "" || !strings.ContainsAny(lastRune(prev), ".?!") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(words[i].raw); unicode.IsLower(r) {
		return false
	}
	stem := strings.TrimSuffix(prev, ".")
	return !abbreviations[stem] && !(len(stem) <= 1 || strings.Contains(stem, "."))
}

// abbreviations end in a full stop that ends no sentence.
var abbreviations = setOf("mr mrs ms dr lt gen col maj capt brig st no nos vs etc al approx fig jan feb mar apr jun jul aug sep sept oct nov dec prof sen rep gov hon cf pp vol ed eds")

func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}
