package knowledge

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// inflected reports whether w carries a regular English verb or adverb
// ending. Such a word unknown to the pack is most likely ordinary English
// ("mentioned", "triggered") rather than a misspelt name or an unknown
// topic, so it is neither corrected into a general word nor weighed as a
// topic.
func inflected(w string) bool {
	for _, suf := range []string{"ed", "ing", "ly", "ion", "ions", "ment", "ness"} {
		if strings.HasSuffix(w, suf) && len(w) >= len(suf)+4 {
			return true
		}
	}
	return false
}

// stem reduces a lower-case word to its Snowball (Porter2) English stem so
// that inflections meet: deported, deporting and deportations all become
// "deport". It is applied alike to the pack and to questions. Numbers and
// words of three letters or fewer are left as they are.
func stem(w string) string {
	if len(w) <= 3 || w[0] >= '0' && w[0] <= '9' {
		return w
	}
	if strings.HasSuffix(w, "is") {
		// Porter2 takes "isis" to "isi", the name of another body; words in
		// -is (crisis, basis) have no plural -s to strip anyway.
		return w
	}
	if w == "formation" || w == "formations" {
		// Porter2 takes "formation" to "format", as in the Moscow Format;
		// a group's formation is its forming.
		return "form"
	}
	if strings.HasPrefix(w, "responsib") || strings.HasPrefix(w, "irresponsib") {
		// Porter2 takes "responsible" to "respons", the stem of "response":
		// holding Kabul responsible is no reply.
		return strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "ly"), "ility"), "le")
	}
	return english.Stem(americanSpelling(w), true)
}

// americanSpelling writes a British -ise verb, and its -isation noun, as
// the stemmer knows them, in -ize: the pack spells "neutralising" and
// "recognised", and an analyst may type "neutralize" or "recognized".
// Words whose -ise is no such ending ("promise", "rise", "expertise")
// are left alone.
func americanSpelling(w string) string {
	for _, suf := range britishEndings {
		root, ok := strings.CutSuffix(w, suf)
		if !ok || len(root) < 4 || notIse[root+"ise"] {
			continue
		}
		return root + "iz" + suf[2:]
	}
	return w
}

// britishEndings are the endings of British -ise verbs and -isation nouns,
// longest first.
var britishEndings = []string{"isations", "isation", "isers", "ising", "ised", "ises", "iser", "ise"}

// notIse are words ending in -ise that are not -ize verbs in British dress.
var notIse = setOf(`arise raise praise otherwise likewise clockwise promise compromise premise demise surprise enterprise exercise
	expertise advise devise revise supervise televise improvise comprise despise disguise franchise merchandise noise poise cruise
	treatise precise concise paradise excise incise chastise apprise reprise`)
