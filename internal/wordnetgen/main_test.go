package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fixtureIndex holds index lines in WordNet's format; offsets do not matter
// to morphology.
var fixtureIndex = map[POS][]string{
	Noun: {
		"army n 1 1 @ 1 0 00000001  ",
		"bos n 1 1 @ 1 0 00000002  ",
		"boss n 1 1 @ 1 0 00000003  ",
		"box n 1 1 @ 1 0 00000004  ",
		"boxful n 1 1 @ 1 0 00000005  ",
		"cease-fire n 1 1 @ 1 0 00000006  ",
		"deportation n 1 1 @ 1 0 00000007  ",
		"glass n 1 1 @ 1 0 00000008  ",
		"leader n 1 1 @ 1 0 00000009  ",
		"militant n 1 1 @ 1 0 00000010  ",
		"news n 1 1 @ 1 0 00000011  ",
		"woman n 1 1 @ 1 0 00000012  ",
		"church n 1 1 @ 1 0 00000013  ",
	},
	Verb: {
		"deport v 1 1 + 1 0 00000020  ",
		"find v 1 1 + 1 0 00000021  ",
		"found v 1 1 + 1 0 00000022  ",
		"hop v 1 1 + 1 0 00000023  ",
		"hope v 1 1 + 1 0 00000024  ",
		"kill v 1 1 + 1 0 00000025  ",
		"slay v 1 1 + 1 0 00000026  ",
		"try v 1 1 + 1 0 00000027  ",
		"use v 1 1 + 1 0 00000028  ",
		"oust v 1 1 + 1 0 00000029  ",
		"flee v 1 1 + 1 0 00000030  ",
	},
	Adj: {
		"large a 1 1 & 1 0 00000040  ",
		"good a 1 1 & 1 0 00000041  ",
		"used a 1 1 & 1 0 00000042  ",
	},
	Adv: {
		"quickly r 1 1 \\ 1 0 00000050  ",
	},
}

// fixtureExc holds exception-list lines in WordNet's format.
var fixtureExc = map[POS][]string{
	Noun: {"women woman"},
	Verb: {"found find", "slain slay", "fled flee", "tried try"},
	Adj:  {"better good well"},
}

func fixtureLexicon(t *testing.T) *Lexicon {
	t.Helper()
	l := NewLexicon()
	for pos, lines := range fixtureIndex {
		for _, line := range lines {
			e, err := ParseIndexLine(line)
			if err != nil {
				t.Fatalf("fixture %q: %v", line, err)
			}
			if e.POS != pos {
				t.Fatalf("fixture %q: pos %c, want %c", line, e.POS, pos)
			}
			l.AddLemma(pos, e.Lemma)
		}
	}
	for pos, lines := range fixtureExc {
		for _, line := range lines {
			l.AddExceptionLine(pos, line)
		}
	}
	return l
}

func TestMorph(t *testing.T) {
	l := fixtureLexicon(t)
	tests := []struct {
		word string
		pos  POS
		want []string
	}{
		{"deported", Verb, []string{"deport"}},
		{"deporting", Verb, []string{"deport"}},
		{"deports", Verb, []string{"deport"}},
		{"killed", Verb, []string{"kill"}},
		{"hoped", Verb, []string{"hope"}}, // "ed"→"e" is tried before "ed"→""
		{"hoping", Verb, []string{"hope"}},
		{"tries", Verb, []string{"try"}},
		{"tried", Verb, []string{"try"}}, // exception list
		{"used", Verb, []string{"use"}},
		{"used", Adj, []string{"used"}},
		{"ousted", Verb, []string{"oust"}},
		{"slain", Verb, []string{"slay"}},
		{"fled", Verb, []string{"flee"}},
		{"found", Verb, []string{"found", "find"}}, // a lemma itself, and on the exception list
		{"militants", Noun, []string{"militant"}},
		{"leaders", Noun, []string{"leader"}},
		{"armies", Noun, []string{"army"}},
		{"boxes", Noun, []string{"box"}},
		{"glasses", Noun, []string{"glass"}},
		{"churches", Noun, []string{"church"}},
		{"women", Noun, []string{"woman"}},
		{"boxesful", Noun, []string{"boxful"}},
		{"boss", Noun, []string{"boss"}}, // never detached to "bos"
		{"news", Noun, []string{"news"}},
		{"ceasefire", Noun, []string{"cease-fire"}},
		{"ceasefires", Noun, []string{"cease-fire"}},
		{"Militants", Noun, []string{"militant"}},
		{"larger", Adj, []string{"large"}},
		{"largest", Adj, []string{"large"}},
		{"better", Adj, []string{"good"}},
		{"quickly", Adv, []string{"quickly"}},
		{"deported", Noun, nil},
		{"quicker", Adv, nil}, // no rules for adverbs
		{"unknown", Verb, nil},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%c", tc.word, tc.pos), func(t *testing.T) {
			if got := l.Morph(tc.word, tc.pos); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Morph(%q, %c) = %q, want %q", tc.word, tc.pos, got, tc.want)
			}
		})
	}
}

func TestParseIndexLine(t *testing.T) {
	tests := []struct {
		line    string
		want    IndexEntry
		wantErr bool
	}{
		{
			line: "deport v 3 3 @ ~ + 3 0 02518161 02503365 02499312  ",
			want: IndexEntry{Lemma: "deport", POS: Verb, Offsets: []int64{2518161, 2503365, 2499312}},
		},
		{
			line: "found a 1 3 ! & ^ 1 1 01450713  ",
			want: IndexEntry{Lemma: "found", POS: Adj, Offsets: []int64{1450713}, Tagged: 1},
		},
		{
			line: "cease-fire n 1 1 @ 1 0 13970912  ",
			want: IndexEntry{Lemma: "cease-fire", POS: Noun, Offsets: []int64{13970912}},
		},
		{
			line: "truce n 1 0 1 0 13970912",
			want: IndexEntry{Lemma: "truce", POS: Noun, Offsets: []int64{13970912}},
		},
		{line: "deport v 3 3 @ ~ + 3 0 02518161 02503365", wantErr: true}, // one offset short
		{line: "deport x 1 0 1 0 02518161", wantErr: true},                // bad part of speech
		{line: "deport v one 0 1 0 02518161", wantErr: true},
		{line: "deport v 1 0 1 x 02518161", wantErr: true}, // bad tagsense_cnt
		{line: "deport v 1 0 1 0 0251816x", wantErr: true},
		{line: "deport v", wantErr: true},
	}
	for _, tc := range tests {
		got, err := ParseIndexLine(tc.line)
		if tc.wantErr {
			if err == nil {
				t.Errorf("ParseIndexLine(%q) = %+v, want an error", tc.line, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseIndexLine(%q): %v", tc.line, err)
		} else if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseIndexLine(%q) = %+v, want %+v", tc.line, got, tc.want)
		}
	}
}

func TestParseDataLine(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    Synset
		wantErr bool
	}{
		{
			name: "verb with lexical pointers and frames",
			line: "02499312 41 v 03 expatriate 0 deport 0 exile 0 003 @ 02501738 v 0000 + 10071139 n 0202 + 00207761 n 0202 01 + 09 00 | expel from a country; \"The poet was exiled\"  ",
			want: Synset{Offset: 2499312, POS: Verb, Words: []string{"expatriate", "deport", "exile"}, Pointers: []Pointer{
				{Symbol: "@", Offset: 2501738, POS: Verb},
				{Symbol: "+", Offset: 10071139, POS: Noun, Source: 2, Target: 2},
				{Symbol: "+", Offset: 207761, POS: Noun, Source: 2, Target: 2},
			}},
		},
		{
			name: "noun without pointers",
			line: "13970912 26 n 03 armistice 0 cease-fire 0 truce 0 000 | a state of peace agreed to between opponents  ",
			want: Synset{Offset: 13970912, POS: Noun, Words: []string{"armistice", "cease-fire", "truce"}},
		},
		{
			name: "adjective satellite with a marker, a pertainym and a hex word count",
			line: "03046257 01 s 0b afghan(a) 0 afghani 0 a 0 b 0 c 0 d 0 e 0 f 0 g 0 h 0 i 0 001 \\ 08750334 n 0101 | of or relating to Afghanistan",
			want: Synset{Offset: 3046257, POS: Adj, Words: []string{"afghan", "afghani", "a", "b", "c", "d", "e", "f", "g", "h", "i"}, Pointers: []Pointer{
				{Symbol: `\`, Offset: 8750334, POS: Noun, Source: 1, Target: 1},
			}},
		},
		{
			name: "gloss containing a bar is not read",
			line: "00000001 00 n 01 word 0 000 | a | b 12 n 0101",
			want: Synset{Offset: 1, POS: Noun, Words: []string{"word"}},
		},
		{name: "too short", line: "00000001 00 n", wantErr: true},
		{name: "words cut short", line: "00000001 00 n 02 word 0 | gloss", wantErr: true},
		{name: "pointers cut short", line: "00000001 00 n 01 word 0 002 @ 00000002 n 0000 | gloss", wantErr: true},
		{name: "bad source/target", line: "00000001 00 n 01 word 0 001 + 00000002 n 01 | gloss", wantErr: true},
		{name: "bad pointer pos", line: "00000001 00 n 01 word 0 001 + 00000002 q 0101 | gloss", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDataLine(tc.line)
			if tc.wantErr {
				if err == nil {
					t.Errorf("ParseDataLine = %+v, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDataLine: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseDataLine = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// writeDB writes a tiny WordNet database to dir. Synsets are given with
// placeholders {name} for the offsets of other synsets (each "name" is its
// lemma list's key); it computes the byte offsets the way WordNet lays them.
func writeDB(t *testing.T, dir string, header string, data map[POS][][2]string, index map[POS][]string, exc map[POS][]string) {
	t.Helper()
	offsets := map[string]int{}
	for _, pos := range AllPOS {
		at := len(header)
		for _, s := range data[pos] {
			offsets[s[0]] = at
			at += len(fillOffsets(s[1], nil)) + 1
		}
	}
	for _, pos := range AllPOS {
		var b strings.Builder
		b.WriteString(header)
		for _, s := range data[pos] {
			b.WriteString(fillOffsets(s[1], offsets) + "\n")
		}
		write(t, filepath.Join(dir, "data."+pos.FileName()), b.String())
		var ix strings.Builder
		ix.WriteString(header)
		for _, line := range index[pos] {
			ix.WriteString(fillOffsets(line, offsets) + "\n")
		}
		write(t, filepath.Join(dir, "index."+pos.FileName()), ix.String())
		write(t, filepath.Join(dir, pos.FileName()+".exc"), strings.Join(exc[pos], "\n"))
	}
}

// fillOffsets replaces each {name} in s by the 8-digit offset of name, or
// by zeros when offsets is nil.
func fillOffsets(s string, offsets map[string]int) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s, '}')
		b.WriteString(s[:i])
		fmt.Fprintf(&b, "%08d", offsets[s[i+1:j]])
		s = s[j+1:]
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const fixtureHeader = "  1 This software and database is being provided to you  \n  2   \n  3 WordNet 3.0 Copyright 2006 by Princeton University.  \n"

func TestRelated(t *testing.T) {
	dir := t.TempDir()
	writeDB(t, dir, fixtureHeader,
		map[POS][][2]string{
			Verb: {
				{"behave", "{behave} 41 v 02 behave 0 deport 0 001 + {deportment} n 0201 01 + 09 00 | behave in a certain manner  "},
				{"expatriate", "{expatriate} 41 v 03 expatriate 0 deport 0 exile 0 003 + {deportee} n 0201 + {deportation} n 0201 + {exiled} n 0301 01 + 09 00 | expel from a country  "},
				{"kill", "{kill} 35 v 01 kill 0 001 + {killer} n 0101 02 + 08 00 + 11 00 | cause to die  "},
				{"obscure", "{obscure} 35 v 02 kill 0 defeat 0 000 | fourth sense: no synonyms taken  "},
			},
			Noun: {
				{"deportment", "{deportment} 07 n 01 deportment 0 000 | bearing  "},
				{"deportee", "{deportee} 18 n 02 deportee 0 expellee 0 000 | someone deported  "},
				{"deportation", "{deportation} 04 n 02 deportation 0 transportation 0 000 | the act of deporting  "},
				{"exiled", "{exiled} 18 n 02 exile 0 expat 0 000 | someone exiled  "},
				{"killer", "{killer} 18 n 02 killer 0 slayer 0 000 | someone who kills  "},
				{"usarmy", "{usarmy} 14 n 03 army 0 USA 0 U.S._Army 0 000 | the army of the USA  "},
				{"afghanistan", "{afghanistan} 15 n 01 Afghanistan 0 000 | a country  "},
			},
			Adj: {
				{"afghan", "{afghan} 01 a 02 Afghan 0 Afghanistani 0 001 \\ {afghanistan} n 0101 | of Afghanistan  "},
			},
		},
		map[POS][]string{
			Verb: {
				"deport v 2 1 + 2 0 {behave} {expatriate}  ",
				"kill v 4 1 + 4 0 {kill} {kill} {kill} {obscure}  ",
			},
			Noun: {
				"army n 1 0 1 0 {usarmy}  ",
			},
			Adj: {
				"afghan a 1 1 \\ 1 0 {afghan}  ",
			},
		},
		map[POS][]string{Verb: {"slain kill"}},
	)
	d, err := LoadDict(dir)
	if err != nil {
		t.Fatal(err)
	}
	stop := map[string]bool{"the": true}
	tests := []struct {
		word string
		want []string
	}{
		{"deport", []string{"behave", "deportation", "deportee", "deportment", "exile", "expatriate"}},
		{"deported", []string{"behave", "deport", "deportation", "deportee", "deportment", "exile", "expatriate"}},
		{"kill", []string{"killer"}},
		{"slain", []string{"kill", "killer"}},
		{"afghan", []string{"afghanistan", "afghanistani"}}, // pertainym and synonym
		{"army", nil}, // USA is an abbreviation
		{"unknown", nil},
	}
	for _, tc := range tests {
		got, err := d.Related(tc.word, stop)
		if err != nil {
			t.Errorf("Related(%q): %v", tc.word, err)
		} else if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Related(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}

	lic, err := License(d.data[Noun])
	if err != nil {
		t.Fatal(err)
	}
	wantLic := "WordNet Release 3.0\n\nThis software and database is being provided to you\n\nWordNet 3.0 Copyright 2006 by Princeton University.\n"
	if lic != wantLic {
		t.Errorf("License = %q, want %q", lic, wantLic)
	}
}

func TestRelatedCapAndOrder(t *testing.T) {
	dir := t.TempDir()
	var nouns [][2]string
	ptrs := ""
	for i := range 8 {
		name := fmt.Sprintf("d%d", i)
		word := "derived" + string(rune('a'+i))
		nouns = append(nouns, [2]string{name, fmt.Sprintf("{%s} 04 n 01 %s 0 000 | derived form  ", name, word)})
		ptrs += fmt.Sprintf(" + {%s} n 0101", name)
	}
	synonyms := func(prefix string) string {
		var ws []string
		for i := range 4 {
			ws = append(ws, fmt.Sprintf("%s%c 0", prefix, 'a'+i))
		}
		return strings.Join(ws, " ")
	}
	writeDB(t, dir, fixtureHeader,
		map[POS][][2]string{
			Verb: {
				{"s1", "{s1} 41 v 05 root 0 " + synonyms("firstsense") + " 008" + ptrs + " | first sense  "},
				{"s2", "{s2} 41 v 05 root 0 " + synonyms("secondsense") + " 000 | second sense  "},
			},
			Noun: nouns,
		},
		map[POS][]string{Verb: {"root v 2 1 + 2 0 {s1} {s2}  "}},
		nil,
	)
	d, err := LoadDict(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Related("root", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"deriveda", "derivedb", "derivedc", "derivedd", "derivede", "derivedf", "derivedg", "derivedh", "firstsensea", "firstsenseb", "firstsensec", "firstsensed"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Related = %q, want %q (derived forms, then first-sense synonyms, at most %d)", got, want, MaxRelated)
	}
}

func TestTokens(t *testing.T) {
	got := Tokens("Pakistan's expulsion of Afghans (2023), de-facto “rulers”; TTP é an")
	want := []string{"pakistan", "expulsion", "afghans", "facto", "rulers", "ttp"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

func TestVocabulary(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"facts", "entities"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(dir, "facts", "a.yaml"), `
- id: f1
  text: >-
    Pakistan deported the refugees.
  items: [Torkham crossing, {label: Chaman}]
  questions:
    - Who was expelled?
  cite: {anchor: ignored words here}
`)
	write(t, filepath.Join(dir, "entities", "a.yaml"), `
- id: e1
  name: Asif Durrani
  aliases: [Durrani]
  summary: The special envoy.
  kind: person
`)
	got, err := Vocabulary(dir, map[string]bool{"the": true, "who": true, "was": true})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"asif", "chaman", "crossing", "deported", "durrani", "envoy", "expelled", "pakistan", "refugees", "special", "torkham"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Vocabulary = %q, want %q", got, want)
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	writeDB(t, dir, fixtureHeader,
		map[POS][][2]string{Noun: {{"truce", "{truce} 26 n 03 armistice 0 cease-fire 0 truce 0 000 | peace  "}}},
		map[POS][]string{Noun: {"armistice n 1 0 1 0 {truce}  ", "cease-fire n 1 0 1 0 {truce}  ", "truce n 1 0 1 0 {truce}  "}},
		nil,
	)
	d, err := LoadDict(dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, []string{"ceasefire", "nothing", "truce"}, nil, "go run ./internal/wordnetgen", "0123abcd"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "#") || !strings.Contains(out, "#   go run ./internal/wordnetgen\n") || !strings.Contains(out, "WordNet 3.0") {
		t.Errorf("header missing:\n%s", out)
	}
	var body []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, "#") {
			body = append(body, line)
		}
	}
	want := []string{"ceasefire: armistice truce", "truce: armistice"}
	if !reflect.DeepEqual(body, want) {
		t.Errorf("body = %q, want %q", body, want)
	}
}

// TestNearNames: an English word a letter or two from a name is listed,
// unless it is itself a name's word or a word of the pack.
func TestNearNames(t *testing.T) {
	english := map[string]bool{"drawn": true, "best": true, "walk": true, "kabul": true, "table": true, "deported": true, "cat": true}
	names := map[string]bool{"dawn": true, "west": true, "wali": true, "kabul": true, "tom": true, "deputed": true}
	vocab := map[string]bool{"deported": true}
	got := NearNames(english, names, vocab)
	want := []string{"best", "drawn", "walk"} // not kabul (a name), table (far), deported (the pack's), cat (too short)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NearNames = %v, want %v", got, want)
	}
}

// TestNearWords: an English word one edit from a word of the pack is
// listed, unless it is the pack's own; two edits off, or too short, it is
// not.
func TestNearWords(t *testing.T) {
	english := map[string]bool{"stormed": true, "stormers": true, "formed": true, "warmed": true, "deported": true, "cat": true}
	vocab := map[string]bool{"stormer": true, "deported": true, "formed": true, "cab": true}
	got := NearWords(english, vocab)
	want := []string{"stormed", "stormers"} // not formed or deported (the pack's), warmed (two off), cat (too short)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NearWords = %v, want %v", got, want)
	}
}

func TestRegularForms(t *testing.T) {
	for _, tc := range []struct {
		w    string
		pos  POS
		want []string
	}{
		{"walk", Verb, []string{"walks", "walked", "walking"}},
		{"close", Verb, []string{"closes", "closed", "closing"}},
		{"city", Noun, []string{"cities"}},
		{"match", Noun, []string{"matches"}},
		{"high", Adj, []string{"higher", "highest"}},
		{"fast", Adv, nil},
	} {
		if got := regularForms(tc.w, tc.pos); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("regularForms(%q, %v) = %v, want %v", tc.w, tc.pos, got, tc.want)
		}
	}
}

func TestOSA(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"drawn", "dawn", 1}, {"best", "west", 1}, {"form", "from", 1}, {"kabul", "kabul", 0}, {"abc", "", 3},
	} {
		if got := osa(tc.a, tc.b); got != tc.want {
			t.Errorf("osa(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestTablesMatchPack fails when seeds/wordnet.txt or seeds/english.txt was
// generated for another version of the pack: a fact, alternate question or
// entity has changed since, and the tables miss its words.
func TestTablesMatchPack(t *testing.T) {
	const pack = "../../seeds"
	stop := map[string]bool{}
	for _, w := range StopWords {
		stop[w] = true
	}
	words, err := Vocabulary(pack, stop)
	if err != nil {
		t.Fatal(err)
	}
	names, err := NameTokens(pack)
	if err != nil {
		t.Fatal(err)
	}
	want := Fingerprint(words, names)
	for _, file := range []string{"wordnet.txt", "english.txt"} {
		b, err := os.ReadFile(filepath.Join(pack, file))
		if err != nil {
			t.Fatal(err)
		}
		var got string
		for _, line := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(line, FingerprintPrefix); ok {
				got = rest
			}
		}
		if got != want {
			t.Errorf("seeds/%s was made for pack %q, the pack is now %q: regenerate it with the command in its header", file, got, want)
		}
	}
}
