package knowledge

// Linking: the entities a question names, typos and capitals included.

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// link is an entity the question names, with the tokens that named it.
type link struct {
	entities   []*Entity // more than one when the name is ambiguous
	start, end int
	edits      int
	spelling   []string // the alias's tokens, as the pack spells them
}

// link finds the entities a question names. Each word is tried as typed
// and, when the pack does not know it, as the nearest known words; the
// longest alias that the candidate words spell wins, with the fewest edits.
func (b *Base) link(q *query) {
	ix := b.idx
	n := len(q.toks)
	type cand struct {
		tok  string
		dist int
	}
	cands := make([][]cand, n)
	// inName are, for an English word, the names' words it is a letter
	// from: read so only after a name's first word as typed ("imtiaz
	// gull" is Imtiaz Gul; "gull" alone is a bird).
	inName := make([][]cand, n)
	corrected := map[string][]cand{} // a word's candidates, made once per question
	for i, t := range q.toks {
		cands[i] = []cand{{t, 0}}
		// (A word the pack uses is read so too, after a person's first
		// name: "heiko mass" is Heiko Maas.)
		afterFirst := func() bool {
			return i > 0 && slices.ContainsFunc(ix.aliases[q.toks[i-1]], func(a alias) bool { return len(a.toks) > 1 && a.entity.Kind == KindPerson })
		}
		if isWordy(t) && !ix.stop[t] && !ix.qwords[t] && !q.spanToks[i] && len(t) > minNameTypo &&
			(!ix.spell.known(t) && b.englishWord(t) || ix.spell.known(t) && !ix.spell.vocab[t].alias && afterFirst()) {
			for _, c := range ix.suggest(t) {
				if c.dist == 1 && ix.spell.vocab[c.word].alias {
					inName[i] = append(inName[i], cand{c.word, c.dist})
				}
			}
			for k := range len(t) {
				// A letter doubled or added to a short name ("gull" for
				// Gul), which the speller does not index.
				if d := t[:k] + t[k+1:]; ix.spell.vocab[d] != nil && ix.spell.vocab[d].alias && !slices.Contains(inName[i], cand{d, 1}) {
					inName[i] = append(inName[i], cand{d, 1})
				}
			}
		}
		if ix.spell.known(t) || ix.stop[t] || ix.qwords[t] || q.spanToks[i] || !isWordy(t) || b.englishWord(t) {
			continue // "drawn" is meant as typed, not as "Dawn"
		}
		if c, ok := corrected[t]; ok {
			cands[i] = c
			continue
		}
		if len(corrected) == maxCorrections {
			continue
		}
		// A word the pack knows only in another form ("bugty" stems as
		// "bugti") may still be a misspelt name, never another word.
		namesOnly := ix.knownWord(t)
		sugg := append(ix.suggest(t), ix.spell.lengthen(t)...) // (read only: suggest's slice is shared)
		// A name further off than an ordinary word of the pack is not
		// meant: "minster" is "minister", not "Winter".
		// (A word the facts use is an ordinary word, though a name has it
		// too: "attcks" is "attacks", of the 9/11 attacks and of the
		// facts, not "Attock".)
		nearestWord := math.MaxInt
		for _, c := range sugg {
			if !ix.spell.vocab[c.word].alias || len(ix.postings[ix.stem(c.word)]) > 0 {
				nearestWord = min(nearestWord, c.dist)
			}
			if c.word == t+"g" && !ix.spell.vocab[c.word].alias {
				nearestWord = 0 // "leadin" is "leading", the "-in'" of chat, not the name "Ladin"
			}
		}
		for _, c := range sugg {
			// Two-letter corrections are only trusted for names; a word
			// the pack knows in another form is not an ordinary word
			// mistyped. (An English word one letter from a word of the
			// pack is in english.txt, and taken as typed above.)
			if (namesOnly || c.dist > 1) && !ix.spell.vocab[c.word].alias {
				continue
			}
			if ix.spell.vocab[c.word].alias && c.dist > nearestWord {
				continue
			}
			cands[i] = append(cands[i], cand{c.word, c.dist})
		}
		if len(cands[i]) == 1 {
			if w := ix.doubledLetter(t); w != "" {
				cands[i] = append(cands[i], cand{w, 1})
			}
		}
		corrected[t] = cands[i]
	}
	for i := 0; i < n; {
		var best *link
		bestLen := 0
		for _, c := range cands[i] {
			for _, a := range ix.aliases[c.tok] {
				k := len(a.toks)
				if i+k > n || k < bestLen {
					continue
				}
				edits, ok := c.dist, true
				for j := 1; j < k && ok; j++ {
					ok = false
					more := cands[i+j]
					if c.dist == 0 {
						more = append(slices.Clip(more), inName[i+j]...)
					}
					for _, c2 := range more {
						if c2.tok == a.toks[j] {
							edits += c2.dist
							ok = true
							break
						}
					}
				}
				if !ok || (a.short && (edits > 0 || k == 1 && ix.stop[q.toks[i]])) {
					continue
				}
				// A one-letter-off match on a short word is too loose.
				if edits > 0 && k == 1 && (len(a.toks[0]) <= 4 && !ix.spell.vocab[a.toks[0]].alias || len(q.toks[i]) <= 3) {
					continue
				}
				switch {
				case best == nil || k > bestLen || (k == bestLen && edits < best.edits):
					best = &link{entities: []*Entity{a.entity}, start: i, end: i + k, edits: edits, spelling: a.toks}
					bestLen = k
				case k == bestLen && edits == best.edits && !containsEntity(best.entities, a.entity):
					best.entities = append(best.entities, a.entity)
				}
			}
		}
		if best == nil {
			// No alias starts here: keep the best spelling for search. No
			// name was spelt, so of two words as near an ordinary one is
			// meant ("loyl" is "loyal", not the "loya" of Loya Jirga).
			if len(cands[i]) > 1 && len(q.toks[i]) > lengthenedWord {
				// (A three-letter word is lengthened only into a name:
				// "fee" is no misspelt "Free" of the Free Afghans Front.)
				// Of two as near, a word the facts use wins over one only
				// a name has; then a letter left out is the commoner slip
				// ("presdent" is "president" before "present"); then a
				// word no name has ("deth" is "death", not the "depth" of
				// strategic depth).
				nameOnly := func(w string) bool { return ix.spell.vocab[w].alias && len(ix.postings[ix.stem(w)]) == 0 }
				better := func(o, c cand) bool {
					switch {
					case nameOnly(o.tok) != nameOnly(c.tok):
						return !nameOnly(o.tok)
					case len(o.tok) != len(c.tok):
						return len(o.tok) > len(c.tok)
					}
					return ix.spell.vocab[c.tok].alias && !ix.spell.vocab[o.tok].alias
				}
				c := cands[i][1]
				for _, o := range cands[i][2:] {
					if o.dist == c.dist && better(o, c) {
						c = o
					}
				}
				q.fixed[i] = c.tok
				q.edits += c.dist
			}
			i++
			continue
		}
		if q.pairNotName(best) {
			// "pak-taliban ties" are Pakistan's ties with the Taliban,
			// not the Pakistani Taliban's: each word is read on its own.
			i++
			continue
		}
		if best.end-best.start == 1 && best.start > 0 && q.toks[best.start-1] == "the" && (best.end == n || ix.stop[q.toks[best.end]] && !sourceNouns[q.toks[best.end]]) {
			// "in the winter since …": a surname alone after "the", with
			// no noun after it ("the Gul paper"), is a word, not Theresa
			// Winter.
			best.entities = slices.DeleteFunc(best.entities, func(e *Entity) bool { return e.Kind == KindPerson })
			if len(best.entities) == 0 {
				i++
				continue
			}
		}
		if q.hasSpan {
			// "were there Pakistani airstrikes in Afghanistan in 2022":
			// not the strikes of March 2024 whose name the words are, but
			// whatever the words find in 2022.
			best.entities = slices.DeleteFunc(best.entities, func(e *Entity) bool { return datedOutside(e, q.from.Year, q.to.Year) })
			if len(best.entities) == 0 {
				i++
				continue
			}
		}
		// Search with the pack's spelling of what was typed.
		copy(q.fixed[best.start:best.end], best.spelling)
		q.edits += best.edits
		q.links = append(q.links, *best)
		i = best.end
	}
	b.disambiguate(q)
	b.linkCapitals(q)
}

// disambiguate keeps, of two things one name names, the one whose facts
// use the question's other words: "when was the PDPA founded, and when did
// it stage its coup" is of the party of 1965, not the group of 2022. When
// the words do not tell them apart, both stay.
func (b *Base) disambiguate(q *query) {
	ix := b.idx
	var context [][]string // each word's stem and its synonyms', read at the first name in doubt
	for k := range q.links {
		l := &q.links[k]
		if len(l.entities) < 2 || slices.ContainsFunc(l.entities, func(e *Entity) bool { return ix.broad(e.ID) || ix.entityDoc[e.ID] != "" }) {
			continue // (an author's words are the document's, not the facts about the author)
		}
		if context == nil {
			context = [][]string{}
			for j, t := range q.toks {
				if !q.inLink(j) && !ix.stop[t] && !ix.qwords[t] && !q.spanToks[j] && isWordy(t) {
					s := ix.stem(t)
					context = append(context, append([]string{s}, ix.lex.syn[s]...))
				}
			}
		}
		if len(context) == 0 {
			return
		}
		best, second, at := -1, -1, -1
		for j, e := range l.entities {
			n := 0
			for _, stems := range context {
				if slices.ContainsFunc(ix.entityFacts[e.ID], func(i int) bool {
					return slices.ContainsFunc(stems, func(s string) bool { return ix.tf(i, s) > 0 })
				}) {
					n++
				}
			}
			switch {
			case n > best:
				best, second, at = n, best, j
			case n > second:
				second = n
			}
		}
		if best > second {
			l.entities = []*Entity{l.entities[at]}
		}
	}
}

// linkCapitals lets a capital stand for its government: "what does
// Islamabad want" is about Pakistan. A capital already linked as a place
// gains the entities it stands for; one the pack does not name is linked to
// them alone.
func (b *Base) linkCapitals(q *query) {
	caps := b.idx.lex.capitals
	if len(caps) == 0 {
		return
	}
	for i := range q.links {
		l := &q.links[i]
		for _, e := range caps[strings.Join(q.fixed[l.start:l.end], " ")] {
			if !containsEntity(l.entities, e) {
				l.entities = append(l.entities, e)
			}
		}
	}
	for j := 0; j < len(q.fixed); j++ {
		for _, k := range []int{2, 1} {
			if j+k > len(q.fixed) || q.inLink(j) || q.inLink(j+k-1) {
				continue
			}
			if es := caps[strings.Join(q.fixed[j:j+k], " ")]; len(es) > 0 {
				q.links = append(q.links, link{entities: append([]*Entity(nil), es...), start: j, end: j + k, spelling: q.fixed[j : j+k]})
				break
			}
		}
	}
	sort.SliceStable(q.links, func(i, j int) bool { return q.links[i].start < q.links[j].start })
}

func containsEntity(es []*Entity, e *Entity) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// inLink reports whether token j is part of a name the question links.
func (q *query) inLink(j int) bool { return q.linkAt(j) != nil }

// linkAt returns the link token j is part of, or nil.
func (q *query) linkAt(j int) *link {
	for k := range q.links {
		if l := &q.links[k]; j >= l.start && j < l.end {
			return l
		}
	}
	return nil
}

// linked reports whether the question named entity id.
func (q *query) linked(id string) bool {
	for _, l := range q.links {
		for _, e := range l.entities {
			if e.ID == id {
				return true
			}
		}
	}
	return false
}

// linkedPerson returns the first person the question names, if any.
func (q *query) linkedPerson() *Entity {
	for _, l := range q.links {
		for _, e := range l.entities {
			if e.Kind == KindPerson {
				return e
			}
		}
	}
	return nil
}

// linkedEvent returns the first event or operation the question names,
// or nil.
func (q *query) linkedEvent() *Entity {
	for _, l := range q.links {
		for _, e := range l.entities {
			if e.Kind == KindEvent || e.Kind == KindOperation {
				return e
			}
		}
	}
	return nil
}

// carriedName reports whether entity id is named only by words a
// follow-up's reading carried from the conversation: "what did the TTP
// say" after Imran Khan's offer asks nothing of Imran Khan's words.
func (q *query) carriedName(id string) bool {
	for _, u := range q.units {
		if u.link != nil && slices.ContainsFunc(u.link.entities, func(e *Entity) bool { return e.ID == id }) {
			return u.carried
		}
	}
	return false
}

// doubledLetter mends the commonest misspelling, a letter doubled or not
// ("recomending", "occured", "embarrased"): it returns t with one letter
// doubled or undoubled when that form's stem is a stem of the pack and t's
// is not, or "". The speller cannot: the mended form is often not a word
// of the pack itself, only another form of one ("recommends").
func (ix *index) doubledLetter(t string) string {
	if len(t) < minDoubledTypo || len(t) > ix.spell.longest+1 || len(ix.postings[ix.stem(t)]) > 0 {
		return ""
	}
	for k := 1; k < len(t); k++ {
		var w string
		switch {
		case t[k] == t[k-1]:
			w = t[:k] + t[k+1:]
		case !strings.ContainsRune("aeiouy", rune(t[k])):
			w = t[:k] + t[k:k+1] + t[k:]
		default:
			continue
		}
		if len(ix.postings[stem(w)]) > 0 {
			return w
		}
	}
	return ""
}

// minDoubledTypo is the shortest word doubledLetter mends: in shorter ones
// a letter more or less is as likely another word.
const minDoubledTypo = 6

// englishWord reports whether t is one of english.txt's words or a regular
// form of one: "leaning" is lean's, not a misspelt "learning"; "stormed"
// is storm's.
func (b *Base) englishWord(t string) bool {
	if b.english[t] {
		return true
	}
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		base, ok := strings.CutSuffix(t, suf)
		if !ok || len(base) < minEnglishBase {
			continue
		}
		if b.english[base] || b.english[base+"e"] { // "leaning", "leaving"
			return true
		}
		if n := len(base); base[n-1] == base[n-2] && b.english[base[:n-1]] { // "stopping"
			return true
		}
		if suf == "es" && strings.HasSuffix(base, "i") && b.english[strings.TrimSuffix(base, "i")+"y"] { // "parties"
			return true
		}
	}
	return false
}

// minEnglishBase is the shortest base an English word's form is read from:
// shorter, and "bugs" would be "bug" for any word ending in s.
const minEnglishBase = 3

// lengthenedWord is the length of the words the speller lengthens by a
// letter (speller.lengthen), and only into a name.
const lengthenedWord = 3

// minNameTypo is the shortest English word that may be read as a name's
// misspelt word after the name's first word: "gull" after "imtiaz".
const minNameTypo = 3

// pairNotName reports whether link l is two words the question joins with
// a hyphen before a word of relations ("pak-taliban ties", "pakistan-
// taliban relationship"): two parties, not the name the two words spell.
func (q *query) pairNotName(l *link) bool {
	if l.end-l.start != 2 || l.end >= len(q.toks) || !relationNouns[q.toks[l.end]] {
		return false
	}
	return strings.Contains(q.norm, "-"+q.toks[l.start+1]+" ")
}

// relationNouns name how two parties stand with each other.
var relationNouns = setOf(`ties relations relationship relationships rift tensions tension talks dialogue engagement`)

// datedOutside reports whether deed e's name dates it, in brackets, only
// to years outside from..to: "Pakistani airstrikes in Afghanistan (March
// 2024)" is not what a question about 2022 names.
func datedOutside(e *Entity, from, to int) bool {
	if !isDeed(e) {
		return false
	}
	dated := false
	for _, t := range tokenize(e.Name[len(stripParen(e.Name)):]) {
		if !isYear(t) {
			continue
		}
		if n, _ := strconv.Atoi(t); n >= from && n <= to {
			return false
		}
		dated = true
	}
	return dated
}
