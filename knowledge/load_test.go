package knowledge

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// overlay returns the valid test pack with the files under testdata/broken/name
// laid over it.
func overlay(t *testing.T, name string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	for _, root := range []string{"testdata/valid", filepath.Join("testdata/broken", name)} {
		if name == "" && root != "testdata/valid" {
			continue
		}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func TestLoadValid(t *testing.T) {
	b, err := Load(overlay(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.Stats(), (Stats{Sources: 2, Entities: 2, Facts: 3, Conflicts: 1}); got != want {
		t.Errorf("Stats() = %+v, want %+v", got, want)
	}
	f, ok := b.Fact("ag-founded")
	if !ok {
		t.Fatal("fact ag-founded missing")
	}
	if got := f.Date.String(); got != "December 2007" {
		t.Errorf("date = %q, want December 2007", got)
	}
	if f2, _ := b.Fact("ag-size-b"); f2.Conflict != "ag-size" {
		t.Errorf("ag-size-b conflict = %q, want ag-size", f2.Conflict)
	}
}

func TestLoadBroken(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"dup-fact-id", "facts/doc-b.yaml", "fact ag-founded: duplicate id (also in facts/doc-a.yaml)"},
		{"unknown-entity", "facts/doc-b.yaml", `fact ag-size-b: unknown entity "charlie-person"`},
		{"bad-date", "facts/doc-a.yaml", `fact ag-founded: date "2007-13": month out of range`},
		{"unknown-section", "facts/doc-b.yaml", `fact ag-size-b: cites unknown section "p9" of doc-b.txt`},
		{"unknown-source", "facts/doc-b.yaml", `fact ag-size-b: cites unknown source "doc-z.txt"`},
		{"uncited", "facts/doc-b.yaml", "fact ag-size-b: not cited"},
		{"dup-entity-id", "entities/all.yaml", "entity alpha-group: duplicate id"},
		{"unknown-kind", "entities/all.yaml", `entity bravo-town: unknown kind "planet"`},
		{"conflict-unknown-fact", "conflicts.yaml", `conflict ag-size: unknown fact "ag-size-c"`},
		{"unknown-field", "facts/doc-b.yaml", "line 4: a field the pack does not have"},
		{"bad-yaml", "facts/doc-b.yaml", "line 1: not valid YAML"},
		{"dup-alt-question", "facts/doc-b.yaml", `fact ag-size-b: alternate question "How big is the Alpha Group?" given twice`},
		{"open-no-part", "facts/doc-b.yaml", "fact ag-size-b: open: no part (what the sources do not say)"},
		{"lexicon-unknown-capital", "lexicon.yaml", `capitals kabul: unknown entity "nowhere-land"`},
		{"lexicon-bad-decade", "lexicon.yaml", "decades nineties: 1995 is not the first year of a decade"},
		{"lexicon-lone-synonym", "lexicon.yaml", "synonyms 1: a group needs two or more words"},
		{"lexicon-short-phrase", "lexicon.yaml", "phrases kick: want two or more words"},
		{"lexicon-empty-related", "lexicon.yaml", "related respond: want one word and the words related to it"},
		{"role-title", "facts/doc-c.yaml", `fact cp-leads-ag: role title "president" is not worded so in the text`},
		{"role-not-role", "facts/doc-c.yaml", "fact cp-leads-ag: role given for a fact of type event"},
		{"role-owner", "facts/doc-c.yaml", `fact cp-leads-ag: role of unknown entity "delta-group"`},
		{"role-by-group", "facts/doc-c.yaml", "fact cp-leads-ag: role held by alpha-group, a group, not a person"},
		{"role-dates", "facts/doc-c.yaml", "fact cp-leads-ag: role ends (2008) before it begins (2010)"},
		{"untagged-entity", "entities/all.yaml", "entity echo-paper: no fact is tagged with it"},
		{"within-unknown", "entities/all.yaml", `entity bravo-town: within "nowhere-land", which is not a known place`},
		{"within-not-place", "entities/all.yaml", `entity alpha-group: within "bravo-town", but it is not a place`},
		{"role-no-asof", "facts/doc-c.yaml", "fact cp-leads-ag: role fact has no as_of"},
		{"asof-not-role", "facts/doc-c.yaml", "fact cp-leads-ag: as_of given for a fact of type event"},
		{"source-bad-url", "sources.yaml", `source doc-b.txt: url "javascript:alert(1)" is not an http(s) address`},
		{"gist-unknown-fact", "sources.yaml", `source doc-a.txt: gist names unknown fact "ag-thesis"`},
		{"gist-other-source", "sources.yaml", `source doc-a.txt: gist fact "ag-size-b" cites doc-b.txt, not this source`},
		{"quote-missing", "facts/doc-b.yaml", "fact ag-size-b: citation has no quote"},
		{"quote-long", "facts/doc-b.yaml", "fact ag-size-b: quote has 2 words; a quote has 3 to 40"},
		{"quote-anchor", "facts/doc-b.yaml", `fact ag-size-b: quote does not contain the anchor "500 fighters"`},
		{"within-cycle", "entities/all.yaml", `entity bravo-town: within itself by way of "bravo-town"`},
		{"pronoun-not-person", "entities/all.yaml", `entity alpha-group: pronoun "she": only "she", of a person, or "they", of a group or a people`},
		{"pronoun-they-not-group", "entities/all.yaml", `entity bravo-town: pronoun "they": only "she", of a person, or "they", of a group or a people`}, // (a group may be "they")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(overlay(t, tt.name))
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Load() error = %v, want a *ValidationError", err)
			}
			for _, p := range ve.Problems {
				if p.File == tt.file && strings.Contains(p.String(), tt.want) {
					return
				}
			}
			t.Errorf("no problem in %s containing %q; got:\n%v", tt.file, tt.want, ve.Problems)
		})
	}
}

func TestVerifyAnchors(t *testing.T) {
	b, err := Load(overlay(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	r := b.VerifyAnchors(os.DirFS("testdata/docs"))
	if r.Verified != 3 || len(r.Missing) != 0 {
		t.Errorf("VerifyAnchors = %+v, want 3 verified, none missing", r)
	}
	if r.QuotesVerified != 3 || r.MissingQuotes != 0 {
		t.Errorf("VerifyAnchors = %+v, want 3 quotes verified, none missing", r)
	}
	f, _ := b.Fact("ag-size-b")
	f.Cite.Anchor = "600 fighters"
	r = b.VerifyAnchors(os.DirFS("testdata/docs"))
	if r.Verified != 2 || len(r.Missing) != 1 || !strings.Contains(r.Missing[0].String(), "ag-size-b") {
		t.Errorf("after breaking an anchor: %+v, want ag-size-b missing", r)
	}
	f.Cite.Anchor = "500 fighters"
	f.Cite.Quote = "It has 600 fighters."
	r = b.VerifyAnchors(os.DirFS("testdata/docs"))
	if r.QuotesVerified != 2 || r.MissingQuotes != 1 || len(r.Missing) != 1 ||
		!strings.Contains(r.Missing[0].String(), `ag-size-b: quote "It has 600 fighters." not found in doc-b.txt`) {
		t.Errorf("after breaking a quote: %+v, want ag-size-b's quote missing", r)
	}
	f.Cite.Quote = "It has 500 fighters."
	f.Cite.Via = "Nobody, 2099"
	r = b.VerifyAnchors(os.DirFS("testdata/docs"))
	if len(r.Missing) != 1 || !strings.Contains(r.Missing[0].String(), `ag-size-b: via "Nobody, 2099" not found in doc-b.txt`) {
		t.Errorf("after a via the document lacks: %+v, want ag-size-b's via missing", r)
	}
}

// TestCitedAfter: whom a document credits for a quote is the citation in
// parentheses in or right after its sentence, or the one that closes its
// paragraph; never a later sentence's.
func TestCitedAfter(t *testing.T) {
	doc := "Intro.\n\nThe strikes hit two provinces (Amu TV, 2024). Then a lull.\n\n" +
		"Drones were seen over Kunar. Kabul protested. Daesh claimed fewer attacks. (Amu TV, 2024)\n\n" +
		"The euphoria was short-lived. As Hippler put it (Baqai & Wasi, 2021), history matters. More text.\n\n" +
		"Fighters were freed (Abdul Sayed 2022).\n\nNo citation here at all.\n\n" +
		"There were 294 attacks in 2021.[1] Most hit the north. A raid killed 141 people[2], and more.\n\n" +
		"Endnotes :\n\n[1]Jane Roe, “ Attacks Rise.”Example.org, Jan 13, 2014. Available at: example.org\n[2] “A Raid.” The Daily, May 2, 2015.\n"
	for _, tc := range []struct{ quote, want string }{
		{"The strikes hit two provinces", "Amu TV, 2024"}, // in its sentence
		{"Drones were seen over Kunar.", "Amu TV, 2024"},  // closing its paragraph
		{"The euphoria was short-lived.", ""},             // a later sentence's, mid-paragraph
		{"Fighters were freed", "Abdul Sayed 2022"},       // no comma before the year
		{"No citation here at all.", ""},
		{"A sentence the document lacks.", ""},
		{"There were 294 attacks in 2021.", "Jane Roe, “ Attacks Rise.”Example.org, Jan 13, 2014"}, // a numbered endnote: its words before the link
		{"There were 294 attacks in 2021.[1] Most hit the north.", "Jane Roe, “ Attacks Rise.”Example.org, Jan 13, 2014"},
		{"Most hit the north.", ""}, // the next sentence's marker is not its
		{"A raid killed 141 people[2], and more.", "“A Raid.” The Daily, May 2, 2015"}, // a marker within the quote
		{"[2] “A Raid.”", ""}, // the note itself credits nothing
	} {
		if got := CitedAfter(doc, tc.quote); got != tc.want {
			t.Errorf("CitedAfter(%q) = %q, want %q", tc.quote, got, tc.want)
		}
	}
}

func TestWidenAnchor(t *testing.T) {
	long := "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty, " +
		"twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty; " +
		"thirty-one thirty-two thirty-three thirty-four thirty-five thirty-six thirty-seven thirty-eight thirty-nine forty forty-one the anchor is here and the sentence goes on."
	tests := []struct {
		name, doc, anchor, want string
	}{
		{"the sentence", "First one. The group has about 400\n fighters, it says. Next one.", "about 400 fighters",
			"The group has about 400 fighters, it says."},
		{"folded", "He said “stop” — now. Then left.", `said "stop" - now`, "He said “stop” — now."},
		{"abbreviation", "Lt. Gen. Faiz Hameed drank tea in Kabul. Then left.", "tea in Kabul", "Lt. Gen. Faiz Hameed drank tea in Kabul."},
		{"initials", "The U.S. Army left. Then others.", "Army left", "The U.S. Army left."},
		{"lower case after a stop", "Dawn, 2023) ,asking for action. later on it was done.", "later on", "Dawn, 2023) ,asking for action. later on it was done."},
		{"emphasis", "**Pakistan can** serve as the pressure point.", "pakistan can serve", "Pakistan can serve as the pressure point."},
		{"heading", "Date\nApril 2024\nMore text here.", "Date", "Date April 2024"},
		{"long sentence from a clause break", long, "the anchor is here",
			"twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty; " +
				"thirty-one thirty-two thirty-three thirty-four thirty-five thirty-six thirty-seven thirty-eight thirty-nine forty forty-one the anchor is here and the sentence goes on."},
		{"list item with its lead-in", "Intro text.\nThe demands were to:\n- surrender,\n- disband.\nAfter.", "disband",
			"The demands were to: - surrender, - disband."},
		{"lead-in with its items", "Priorities include\n- **peace** and stability\n- trade\nAfter it.", "priorities include",
			"Priorities include - peace and stability - trade"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := WidenAnchor(tt.doc, tt.anchor)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("WidenAnchor(%q) =\n%q, want\n%q", tt.anchor, got, tt.want)
			}
			if n := wordCount(got); n < MinQuoteWords || n > MaxQuoteWords {
				t.Errorf("%d words", n)
			}
			if !strings.Contains(foldText(tt.doc), foldText(got)) {
				t.Errorf("quote %q is not in the document", got)
			}
		})
	}
	if _, err := WidenAnchor("Some text here.", "not there"); err == nil {
		t.Error("WidenAnchor found an anchor that is not in the document")
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		prec     Precision
		wantErr  bool
	}{
		{"2023", "2023", YearPrecision, false},
		{"2023-09", "September 2023", MonthPrecision, false},
		{"2023-09-05", "5 September 2023", DayPrecision, false},
		{"late 2022-11", "late November 2022", MonthPrecision, false},
		{"2022-06/2022-09", "June–September 2022", MonthPrecision, false},
		{"1994/1998", "1994–1998", YearPrecision, false},
		{"", "", NoDate, false},
		{"2023-02-29", "", 0, true},
		{"2024-02-29", "29 February 2024", DayPrecision, false},
		{"2023/2021", "", 0, true},
		{"sometime 2023", "", 0, true},
		{"23-09", "", 0, true},
		{"2023-9", "", 0, true},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if d.String() != tt.want || d.Precision() != tt.prec {
			t.Errorf("ParseDate(%q) = %q (precision %d), want %q (%d)", tt.in, d, d.Precision(), tt.want, tt.prec)
		}
	}
}

func TestDateOverlaps(t *testing.T) {
	d, _ := ParseDate("2022-06/2022-09")
	if !d.Overlaps(Point{2022, 8, 0}, Point{2022, 8, 0}) {
		t.Error("June–September 2022 should overlap August 2022")
	}
	if d.Overlaps(Point{2022, 10, 0}, Point{2022, 12, 0}) {
		t.Error("June–September 2022 should not overlap October–December 2022")
	}
	y, _ := ParseDate("2023")
	if !y.Overlaps(Point{2023, 9, 0}, Point{2023, 9, 0}) {
		t.Error("2023 should overlap September 2023")
	}
	if !d.Within(Point{2022, 0, 0}, Point{2022, 0, 0}) {
		t.Error("June–September 2022 should lie within 2022")
	}
	if y.Within(Point{2023, 9, 0}, Point{2023, 9, 0}) {
		t.Error("2023 should not lie within September 2023")
	}
	var zero Date
	if zero.Within(Point{2023, 0, 0}, Point{2023, 0, 0}) || zero.Overlaps(Point{2023, 0, 0}, Point{2023, 0, 0}) {
		t.Error("an unknown date lies nowhere")
	}
}

// TestLoadErrorsQuoteNoContent: a file that is not a pack file, such as a
// password file, gets a problem naming the file and the line, never its
// contents: the log must not carry what a stray or planted file holds.
func TestLoadErrorsQuoteNoContent(t *testing.T) {
	tests := []struct {
		name    string
		content string
		secrets []string // words of the file that must not appear
		line    string   // the line the problem names; "" when none can be
	}{
		{"passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n", []string{"root", "daemon", "bash", "nologin"}, "line 1"},
		{"unknown field", "- id: ag-size-b\n  sauce: hunter2secret\n", []string{"sauce", "hunter2secret"}, "line 2: a field the pack does not have"},
		{"wrong kind", "- id: ag-size-b\n  entities: s3cr3t\n", []string{"s3cr3t"}, "line 2"},
		{"mapping not list", "apikey: sk-live-0123456789\n", []string{"apikey", "sk-live"}, "line 1"},
		{"syntax", "- id: ag-size-b\n  text: [unclosed topsecretword\n", []string{"unclosed", "topsecretword"}, "line"},
		{"unknown anchor", "- id: *secretanchor\n", []string{"secretanchor"}, ""},
		{"duplicate key", "- id: a\n  id: dupsecretvalue\n", []string{"dupsecretvalue"}, "line 2: a field given twice"},
		{"binary", "\x00\x01secretbinary\xff\xfe", []string{"secretbinary"}, ""},
		{"tab indent", "- id: a\n\ttext: tabsecret\n", []string{"tabsecret"}, "line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := overlay(t, "").(fstest.MapFS)
			m["facts/doc-b.yaml"] = &fstest.MapFile{Data: []byte(tt.content)}
			_, err := Load(m)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Load() error = %v, want a *ValidationError", err)
			}
			found := false
			for _, p := range ve.Problems {
				for _, s := range tt.secrets {
					if strings.Contains(p.String(), s) {
						t.Errorf("problem %q quotes the file (%q)", p, s)
					}
				}
				if p.File == "facts/doc-b.yaml" && p.Entry == "" && strings.Contains(p.Msg, tt.line) {
					found = true
				}
			}
			if !found {
				t.Errorf("want a problem naming facts/doc-b.yaml and %q; got %v", tt.line, ve.Problems)
			}
		})
	}
}
