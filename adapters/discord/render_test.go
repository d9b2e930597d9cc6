package discord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/durandbot/durand/internal/golden"

	"github.com/durandbot/durand/internal/textcut"

	"github.com/bwmarrin/discordgo"

	"github.com/durandbot/durand/bot"
)

// Hand-built responses, one of each shape durand sends.
var (
	answerResp = bot.Response{
		Kind: bot.KindAnswer,
		Lead: "Torkham is the main crossing on the Pakistan–Afghanistan border.",
		Lines: []string{
			"It links Khyber Pakhtunkhwa with Nangarhar province.",
			"Trade & travel through it stopped several times in 2023.",
		},
		Sources: []bot.Source{
			{Doc: "000_3fe99d22d84a294d.txt", Title: "Pakistan's Viewpoint of Afghanistan", Author: "Imtiaz Gul", Section: "Border management",
				Quote: "Pakistan temporarily closed the Torkham border crossing, bringing the two-way movement of people and trade to a halt for several days."},
			{Doc: "001_0a1b2c3d4e5f6a7b.txt", Title: "Crossings <2023>", Author: "A. Writer", Section: "§4", Quote: "trade *and* travel stopped <again>"},
			{Doc: "002_d0d87716d6dda9e2.txt", Title: "[A title we supplied]", Section: "¶3", URL: "https://example.org/notes", Quote: "Torkham links the two provinces."},
		},
		Confidence: 0.93,
		Answer:     &bot.AnswerRef{Question: "What is Torkham?", Facts: []string{"torkham-crossing", "torkham-closures-2023"}, Confidence: 0.93},
	}
	declineResp = bot.Response{
		Kind: bot.KindDecline,
		Lead: "The sources I have don't cover that.",
		Suggestions: []string{
			"who is asif durrani",
			"what happened in september 2023",
			"what is the TTP",
		},
	}
	timelineResp = bot.Response{
		Kind: bot.KindTimeline,
		Lead: "September–October 2023, in order:",
		Lines: []string{
			"6 Sep 2023 — Torkham crossing closed after clashes at the border.",
			"15 Sep 2023 — Torkham crossing reopened.",
			"3 Oct 2023 — Pakistan told undocumented foreigners to leave by 1 November.",
		},
		More:    7,
		Sources: []bot.Source{{Doc: "002_9f8e7d6c5b4a3f2e.txt", Title: "Border Notes", Author: "B. Analyst"}},
		Answer:  &bot.AnswerRef{Question: "what happened in september 2023", Facts: []string{"torkham-closed-2023-09", "torkham-reopened-2023-09", "pakistan-deadline-2023-10"}, Confidence: 0.81},
	}
	errorResp = bot.Response{
		Kind:        bot.KindError,
		Lead:        "I couldn't answer that just now. Please try again in a minute.",
		Lines:       []string{"not shown"},
		Sources:     []bot.Source{{Doc: "x.txt", Title: "not shown"}},
		Suggestions: []string{"not shown"},
	}
)

// longResp is an answer far too big for one embed: 200 supporting lines,
// 40 sources and more suggestions than are shown.
func longResp() bot.Response {
	r := bot.Response{
		Kind:   bot.KindAnswer,
		Lead:   "Pakistan and the Taliban government disagreed about the TTP throughout 2023.",
		Answer: &bot.AnswerRef{Question: "tell me everything about the TTP", Facts: []string{"ttp-" + strings.Repeat("long-fact-id-", 4), "ttp-second"}, Confidence: 0.7},
	}
	for i := 1; i <= 200; i++ {
		r.Lines = append(r.Lines, "Entry "+strconv.Itoa(i)+": talks in Kabul and Islamabad went on; é and 🇵🇰 included.")
	}
	r.Sources = manySources(40)
	for i := 1; i <= 8; i++ {
		r.Suggestions = append(r.Suggestions, "what happened in month "+strconv.Itoa(i))
	}
	return r
}

// evil is what a hostile user (or a careless pack entry) might write.
const evil = "@everyone @Here <@123> <@!123> <@&456> <#789> **bold** __u__ *i* `code` ~~s~~ ||spoiler|| a_b_c \\ > q\n> quote\n# big\n-# small\n- item" +
	" [free nitro](https://evil.example/nitro) <https://evil.example/a> www.evil.example"

func TestRenderGolden(t *testing.T) {
	tests := []struct {
		name     string
		resp     bot.Response
		question string
	}{
		{"answer", answerResp, "what is torkham?"},
		{"decline", declineResp, "what is the capital of peru?"},
		{"timeline", timelineResp, "what happened in september 2023"},
		{"long", longResp(), "tell me everything about the TTP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, "render_"+tt.name+".json", Render(tt.resp, tt.question))
		})
	}
}

// checkGolden checks a rendering against testdata/name.
func checkGolden(t *testing.T, name string, r Rendered) {
	t.Helper()
	checkMessage(t, r)
	golden.Check(t, filepath.Join("testdata", name), marshal(t, r))
}

func TestRenderKinds(t *testing.T) {
	tests := []struct {
		kind  bot.Kind
		title string
		color int
	}{
		{bot.KindAnswer, "", 0x2E7D32},
		{bot.KindTimeline, "Timeline", 0x1565C0},
		{bot.KindDecline, "Not in my sources", 0x9E9E9E},
		{bot.KindHelp, "durand — help", 0x1565C0},
		{bot.KindInfo, "durand", 0x1565C0},
		{bot.KindError, "⚠️ Something went wrong", 0xC62828},
		{bot.Kind(99), "", 0x1565C0},
	}
	for _, tt := range tests {
		t.Run(tt.kind.String(), func(t *testing.T) {
			r := Render(bot.Response{Kind: tt.kind, Lead: "Lead."}, "q")
			checkMessage(t, r)
			e := r.Embeds[0]
			if e.Title != tt.title || e.Color != tt.color {
				t.Errorf("title %q, color %#x; want %q, %#x", e.Title, e.Color, tt.title, tt.color)
			}
			if r.Content != "" {
				t.Errorf("content %q, want the embed to carry everything", r.Content)
			}
			if e.Description != "Lead." || e.Footer == nil || e.Footer.Text != "Q: q" {
				t.Errorf("description %q, footer %+v", e.Description, e.Footer)
			}
		})
	}
}

func TestRenderShape(t *testing.T) {
	tests := []struct {
		name     string
		resp     bot.Response
		question string
		check    func(t *testing.T, e *discordgo.MessageEmbed)
	}{
		{"answer: lead, a blank line, bullets; sources in one field, quotes beneath, a supplied title in brackets and linked", answerResp, "", func(t *testing.T, e *discordgo.MessageEmbed) {
			want := "Torkham is the main crossing on the Pakistan–Afghanistan border.\n\n" +
				"• It links Khyber Pakhtunkhwa with Nangarhar province.\n" +
				"• Trade & travel through it stopped several times in 2023."
			if e.Description != want {
				t.Errorf("description\n%q, want\n%q", e.Description, want)
			}
			wantFields := []*discordgo.MessageEmbedField{{
				Name: "Sources",
				Value: "📄 **Pakistan's Viewpoint of Afghanistan** — Imtiaz Gul, Border management\n" +
					"> “Pakistan temporarily closed the Torkham border crossing, bringing the two-way movement of people and trade to a halt for several days.”\n" +
					"📄 **Crossings <2023\\>** — A. Writer, §4\n> “…trade \\*and\\* travel stopped <again\\>…”\n" +
					"📄 **[\\[A title we supplied\\]](https://example.org/notes)** — ¶3\n> “Torkham links the two provinces.”",
			}}
			if !reflect.DeepEqual(e.Fields, wantFields) {
				t.Errorf("fields %s", js(t, e.Fields))
			}
			if e.Footer != nil {
				t.Errorf("footer %+v with no question", e.Footer)
			}
		}},
		{"decline: suggestions as bullets under Did you mean", declineResp, "x", func(t *testing.T, e *discordgo.MessageEmbed) {
			want := []*discordgo.MessageEmbedField{{
				Name:  "Did you mean",
				Value: "• who is asif durrani\n• what happened in september 2023\n• what is the TTP",
			}}
			if e.Description != declineResp.Lead || !reflect.DeepEqual(e.Fields, want) {
				t.Errorf("description %q, fields %s", e.Description, js(t, e.Fields))
			}
		}},
		{"timeline: says how many more", timelineResp, "", func(t *testing.T, e *discordgo.MessageEmbed) {
			if !strings.HasSuffix(e.Description, "\n• 3 Oct 2023 — Pakistan told undocumented foreigners to leave by 1 November.\n…and 7 more") {
				t.Errorf("description %q", e.Description)
			}
		}},
		{"error: the lead alone", errorResp, "what is torkham?", func(t *testing.T, e *discordgo.MessageEmbed) {
			if e.Description != errorResp.Lead || e.Fields != nil || e.Footer.Text != "Q: what is torkham?" {
				t.Errorf("got %s", js(t, e))
			}
		}},
		{"empty error still says something", bot.Response{Kind: bot.KindError}, "", func(t *testing.T, e *discordgo.MessageEmbed) {
			if e.Description != defaultErrorLead {
				t.Errorf("description %q", e.Description)
			}
		}},
		{"an empty answer is not an empty embed", bot.Response{}, "", func(t *testing.T, e *discordgo.MessageEmbed) {
			if e.Title != "durand" {
				t.Errorf("got %s", js(t, e))
			}
		}},
		{"lines only", bot.Response{Kind: bot.KindHelp, Lines: []string{"ask me who or what", "  ", "say help"}}, "", func(t *testing.T, e *discordgo.MessageEmbed) {
			if e.Description != "• ask me who or what\n• say help" {
				t.Errorf("description %q", e.Description)
			}
		}},
		{"suggestions on an answer are not 'did you mean'", bot.Response{Lead: "Yes.", Suggestions: []string{"who is X"}}, "", func(t *testing.T, e *discordgo.MessageEmbed) {
			if len(e.Fields) != 1 || e.Fields[0].Name != "You could also ask" || e.Fields[0].Value != "• who is X" {
				t.Errorf("fields %s", js(t, e.Fields))
			}
		}},
		{"at most five distinct suggestions", bot.Response{Kind: bot.KindDecline, Lead: "No.", Suggestions: []string{"a", "a", " ", "b", "c", "d", "e", "f"}}, "", func(t *testing.T, e *discordgo.MessageEmbed) {
			if len(e.Fields) != 1 || e.Fields[0].Value != "• a\n• b\n• c\n• d\n• e" {
				t.Errorf("fields %s", js(t, e.Fields))
			}
		}},
		{"sources: repeats merged, the title falls back to the id, empty ones skipped", bot.Response{Lead: "Yes.", Sources: []bot.Source{
			{Doc: "a.txt", Title: "A"}, {Doc: "a.txt", Title: "A"}, {Doc: "b_1.txt", Section: "¶2"}, {}, {Doc: "c.txt", Title: "C", Author: "Au"},
		}}, "", func(t *testing.T, e *discordgo.MessageEmbed) {
			want := "📄 **A**\n📄 **b\\_1.txt** — ¶2\n📄 **C** — Au"
			if len(e.Fields) != 1 || e.Fields[0].Value != want {
				t.Errorf("fields %s", js(t, e.Fields))
			}
		}},
		{"a long question is trimmed in the footer", bot.Response{Lead: "Yes."}, strings.Repeat("why did it happen ", 40), func(t *testing.T, e *discordgo.MessageEmbed) {
			f := e.Footer.Text
			if n := utf8.RuneCountInString(f); n > maxQuestion || !strings.HasPrefix(f, "Q: why did it happen") || !strings.HasSuffix(f, "…") || strings.HasSuffix(f, " …") {
				t.Errorf("footer of %d runes: %q", n, f)
			}
		}},
		{"the footer shows the question as typed, on one line", bot.Response{Lead: "Yes."}, "  what is   a_b *c*\n`d`?  ", func(t *testing.T, e *discordgo.MessageEmbed) {
			// Footers render no markdown: a backslash would show.
			if e.Footer.Text != "Q: what is a_b *c* `d`?" {
				t.Errorf("footer %q", e.Footer.Text)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Render(tt.resp, tt.question)
			checkMessage(t, r)
			if r.Content != "" || len(r.Embeds) != 1 {
				t.Fatalf("content %q and %d embeds, want one embed", r.Content, len(r.Embeds))
			}
			tt.check(t, r.Embeds[0])
		})
	}
}

func TestNoMentions(t *testing.T) {
	b, err := json.Marshal(NoMentions())
	if err != nil {
		t.Fatal(err)
	}
	// discordgo always writes replied_user; false is what we want anyway.
	if want := `{"parse":[],"replied_user":false}`; string(b) != want {
		t.Errorf("NoMentions marshals as %s, want %s", b, want)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if p, ok := back["parse"].([]any); !ok || len(p) != 0 {
		t.Errorf("parse is %v, want an empty list (null would allow every mention)", back["parse"])
	}
	for k, v := range back {
		if k != "parse" && v != false {
			t.Errorf("%s: %v allows something", k, v)
		}
	}

	msg, err := json.Marshal(&discordgo.MessageSend{Content: "x", AllowedMentions: NoMentions()})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(msg, []byte(`"allowed_mentions":{"parse":[]`)) {
		t.Errorf("message %s", msg)
	}

	a := NoMentions()
	a.Parse = append(a.Parse, discordgo.AllowedMentionTypeEveryone)
	a.Users = append(a.Users, "1")
	if b := NoMentions(); a == b || len(b.Parse) != 0 || b.Parse == nil || len(b.Users) != 0 {
		t.Errorf("NoMentions shares state between calls: %+v", b)
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"@everyone", "@\u200beveryone"},
		{"@here", "@\u200bhere"},
		{"<@123>", "<\u200b@123\\>"},
		{"<@!123>", "<\u200b@!123\\>"},
		{"<@&456>", "<\u200b@&456\\>"},
		{"<#789>", "<\u200b#789\\>"},
		{"**bold**", `\*\*bold\*\*`},
		{"`code`", "\\`code\\`"},
		{"> quote", `\> quote`},
		{"a_b_c", `a\_b\_c`},
		{"~~gone~~ ||hidden||", `\~\~gone\~\~ \|\|hidden\|\|`},
		{`back\slash \*`, `back\\slash \\\*`},
		{"```go\nx\n```", "\\`\\`\\`go\nx\n\\`\\`\\`"},
		{"# big\n## less\n-# small\n- item\n  - nested", "\\# big\n\\## less\n\\-# small\n\\- item\n  \\- nested"},
		{"Tehrik-e-Taliban #1 a > b", `Tehrik-e-Taliban #1 a \> b`},
		{"@EVERYONE @Here e-mail@here.org", "@\u200bEVERYONE @\u200bHere e-mail@\u200bhere.org"},
		{"@someone <:emoji:1> <t:1700000000>", "@someone <:emoji:1\\> <t:1700000000\\>"},
		{"é 🇵🇰 👩🏽‍💻 Kābul", "é 🇵🇰 👩🏽‍💻 Kābul"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"", ""},
		{"[free nitro](https://evil.example/nitro)", "\\[free nitro\\]\\(https:\u200b//evil.example/nitro\\)"},
		{"see https://evil.example/x and <http://evil.example>", "see https:\u200b//evil.example/x and <http:\u200b//evil.example\\>"},
		{"(www.evil.example)", "\\(www\u200b.evil.example\\)"},
	}
	for _, tt := range tests {
		got := Escape(tt.in)
		if got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if l := live(got); l != "" {
			t.Errorf("Escape(%q) = %q: %s", tt.in, got, l)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Escape(%q) = %q: not UTF-8", tt.in, got)
		}
	}
	if l := live(Escape(evil)); l != "" {
		t.Errorf("Escape(evil): %s", l)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{evil, "@@everyone", "<<@1>>", "\\\\*", "\n-\n#", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Escape(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Escape(%q) = %q: not UTF-8", s, got)
		}
		if l := live(got); l != "" {
			t.Fatalf("Escape(%q) = %q: %s", s, got, l)
		}
		if n := neutralise(s); pings(n) != "" || link(n) != "" {
			t.Fatalf("neutralise(%q) = %q: %s%s", s, n, pings(n), link(n))
		}
	})
}

// TestRenderNeverPings puts hostile text everywhere a response carries
// text, in every kind, and checks that no string in the message is a live
// mention, and no markdown in it but durand's own.
func TestRenderNeverPings(t *testing.T) {
	resp := bot.Response{
		Lead:        evil,
		Lines:       []string{evil, evil},
		Sources:     []bot.Source{{Doc: evil, Title: evil, Author: evil, Section: evil}, {Doc: evil}},
		Suggestions: []string{evil},
	}
	for _, kind := range []bot.Kind{bot.KindAnswer, bot.KindTimeline, bot.KindDecline, bot.KindHelp, bot.KindInfo, bot.KindError} {
		resp.Kind = kind
		r := Render(resp, evil)
		checkMessage(t, r)
		var doc any
		if err := json.Unmarshal(marshal(t, r), &doc); err != nil {
			t.Fatal(err)
		}
		n := 0
		walk(doc, func(s string) {
			n++
			if p := pings(s) + link(s); p != "" {
				t.Errorf("%v: %s in %q", kind, p, s)
			}
		})
		if n < 3 {
			t.Fatalf("%v: only %d strings checked", kind, n)
		}
		e := r.Embeds[0]
		if l := live(e.Description); l != "" {
			t.Errorf("%v: description: %s", kind, l)
		}
		for _, f := range e.Fields {
			v := f.Value
			if f.Name == "Sources" {
				v = strings.ReplaceAll(v, "**", "") // durand's own bold titles
			}
			if l := live(v); l != "" {
				t.Errorf("%v: field %q: %s", kind, f.Name, l)
			}
		}
		if want := trimWords("Q: "+neutralise(textcut.OneLine(evil)), maxQuestion); e.Footer.Text != want {
			t.Errorf("%v: footer %q, want %q", kind, e.Footer.Text, want)
		}
	}
}

func TestRenderLimits(t *testing.T) {
	t.Run("a 10,000-character lead, 200 lines, 40 sources, any script", func(t *testing.T) {
		for _, word := range []string{"word", "é", "naïve", "🇵🇰", "👩🏽‍💻", "a_b", "@here", "<@1>"} {
			lead := strings.TrimSpace(strings.Repeat(word+" ", 10000/(utf8.RuneCountInString(word)+1)+1))
			var lines []string
			for i := 0; i < 200; i++ {
				lines = append(lines, strings.Repeat(word+" ", 10)+strconv.Itoa(i))
			}
			sources := manySources(40)
			for i := range sources {
				sources[i].Title = strings.Repeat(word+" ", 30)
				sources[i].Author = strings.Repeat(word, 100)
				sources[i].Quote = strings.Repeat(word+" ", 200) + "end."
			}
			long := strings.Repeat(word+" ", 500)
			resp := bot.Response{Kind: bot.KindDecline, Lead: lead, Lines: lines, More: 3, Sources: sources,
				Suggestions: []string{long, long + "x", long + "y", long + "z", long + "w", long + "v"}}
			r := Render(resp, long)
			checkMessage(t, r)
			e := r.Embeds[0]
			if !strings.HasSuffix(e.Description, "…") || !strings.HasPrefix(Escape(lead), strings.TrimSuffix(e.Description, "…")) {
				t.Errorf("%q: description of %d runes is not the lead, trimmed: …%q", word, utf8.RuneCountInString(e.Description), tail(e.Description))
			}
			if n := embedLen(e); n < maxEmbedTotal-200 {
				t.Errorf("%q: the embed has %d characters: trimmed more than it needed to", word, n)
			}
			if len(e.Fields) != 2 {
				t.Fatalf("%q: %d fields, want sources and suggestions", word, len(e.Fields))
			}
			if e.Fields[0].Value != packLines(sourceLines(sources), maxFieldValue, "sources") {
				t.Errorf("%q: the sources lost lines to make room: the description should have", word)
			}
			if e.Fields[1].Value != packLines(suggestionLines(resp.Suggestions), maxFieldValue, "suggestions") {
				t.Errorf("%q: the suggestions lost lines to make room: the description should have", word)
			}
			// Each source is a line and its quote, trimmed, beneath it.
			src := strings.Split(e.Fields[0].Value, "\n")
			last := src[len(src)-1]
			more, ok := strings.CutPrefix(last, "…and ")
			more, ok2 := strings.CutSuffix(more, " more sources")
			shown := (len(src) - 1) / 2
			if m, err := strconv.Atoi(more); !ok || !ok2 || err != nil || m+shown != 40 || shown == 0 {
				t.Errorf("%q: %d sources shown and %q, want them to add up to 40", word, shown, last)
			}
			for i, l := range src[:len(src)-1] {
				if i%2 == 0 && !strings.HasPrefix(l, "📄 **") {
					t.Errorf("%q: source line %q", word, l)
				}
				if i%2 == 1 && (!strings.HasPrefix(l, "> “") || !strings.HasSuffix(l, "…") || utf8.RuneCountInString(l) > maxQuote+2) {
					t.Errorf("%q: quote line of %d runes: %q", word, utf8.RuneCountInString(l), tail(l))
				}
			}
		}
	})
	t.Run("200 lines end in …", func(t *testing.T) {
		r := Render(longResp(), "q")
		checkMessage(t, r)
		d := r.Embeds[0].Description
		if n := utf8.RuneCountInString(d); n < 3000 || !strings.HasSuffix(d, "…") || !strings.HasPrefix(d, longResp().Lead+"\n\n• Entry 1: ") {
			t.Errorf("description of %d runes: %q…%q", n, d[:40], tail(d))
		}
	})
	t.Run("text with no spaces is cut between runes, never inside a cluster", func(t *testing.T) {
		for _, word := range []string{"x", "é", "😀", "e\u0301", "👍🏿", "👩🏽‍💻", "_"} {
			lead := "x" + strings.Repeat(word, 7001)
			r := Render(bot.Response{Lead: lead}, "")
			checkMessage(t, r)
			d := r.Embeds[0].Description
			head := strings.TrimSuffix(d, "…")
			esc := Escape(lead)
			if !strings.HasSuffix(d, "…") || !strings.HasPrefix(esc, head) {
				t.Fatalf("%q: description is not the lead, trimmed", word)
			}
			if next, _ := utf8.DecodeRuneInString(esc[len(head):]); textcut.Joins(next) {
				t.Errorf("%q: cut before %U, tearing it from the rune before", word, next)
			}
			if prev, _ := utf8.DecodeLastRuneInString(head); prev == '\u200d' {
				t.Errorf("%q: cut after a zero-width joiner", word)
			}
		}
	})
	t.Run("over 6,000: the description goes first, then the last field lines", func(t *testing.T) {
		var fields []field
		for i := 0; i < 30; i++ {
			var lines []string
			for j := 0; j < 30; j++ {
				lines = append(lines, fmt.Sprintf("line %d.%d %s", i, j, strings.Repeat("é", 40)))
			}
			fields = append(fields, field{name: strings.Repeat("N", 300), lines: lines, noun: "lines"})
		}
		e := fit(strings.Repeat("t ", 200), strings.Repeat("desc ", 3000), strings.Repeat("f ", 1500), 1, fields)
		checkEmbed(t, e)
		if n := utf8.RuneCountInString(e.Description); n > minDescription || n < minDescription-10 {
			t.Errorf("description of %d runes, want about %d", n, minDescription)
		}
		if len(e.Fields) == 0 {
			t.Fatal("no fields left")
		}
		if e.Fields[0].Value != packLines(fields[0].lines, maxFieldValue, "lines") {
			t.Errorf("the first field lost lines before the last ones")
		}
		last := e.Fields[len(e.Fields)-1].Value
		if len(e.Fields) >= maxFields || !strings.Contains(last, " more lines") {
			t.Errorf("%d fields, the last ending %q", len(e.Fields), tail(last))
		}
		if n := embedLen(e); n > maxEmbedTotal || n < maxEmbedTotal-maxFieldName-maxFieldValue {
			t.Errorf("embed of %d characters", n)
		}
	})
	t.Run("25 fields at most", func(t *testing.T) {
		var fields []field
		for i := 0; i < 40; i++ {
			fields = append(fields, field{name: "f" + strconv.Itoa(i), lines: []string{"v"}, noun: "x"})
		}
		e := fit("", "", "", 1, fields)
		checkEmbed(t, e)
		if len(e.Fields) != maxFields || e.Fields[24].Name != "f24" {
			t.Errorf("%d fields", len(e.Fields))
		}
	})
	t.Run("a description trimmed to the total stays within it", func(t *testing.T) {
		e := fit("", strings.Repeat("a ", 5000), strings.Repeat("f ", 1500), 1, nil)
		checkEmbed(t, e)
		if n := embedLen(e); n > maxEmbedTotal {
			t.Errorf("embed of %d characters", n)
		}
	})
}

func TestTrimWords(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"the quick brown fox", 12, "the quick…"},
		{"the quick brown fox", 10, "the quick…"},
		{"the quick brown fox", 9, "the…"},
		{"line one\nline two", 12, "line one…"},
		{"a bcdefghij", 5, "a…"},
		{"supercalifragilistic", 6, "super…"},
		{"ééééé ééééé", 8, "ééééé…"},
		{"😀😀😀😀", 3, "😀😀…"},
		{"a👍🏿👍🏿", 3, "a…"},                         // not "a👍…", torn from its skin tone
		{"ae\u0301e\u0301", 3, "a…"},               // nor "ae…", torn from its accent
		{"no\u00a0break here", 8, "no\u00a0brea…"}, // a no-break space is no place to break
		{"a b", 1, "…"},
		{"a b", 0, ""},
		{"ab\xffcd", 10, "ab\ufffdcd"},
		{"", 5, ""},
	}
	for _, tt := range tests {
		got := trimWords(tt.s, tt.max)
		if got != tt.want {
			t.Errorf("trimWords(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
		if utf8.RuneCountInString(got) > max(tt.max, 0) || !utf8.ValidString(got) {
			t.Errorf("trimWords(%q, %d) = %q: too long or not UTF-8", tt.s, tt.max, got)
		}
	}
}

func TestPackLines(t *testing.T) {
	ten := strings.Repeat("a", 10)
	tests := []struct {
		lines []string
		max   int
		want  string
	}{
		{nil, 100, ""},
		{[]string{"a", "b"}, 3, "a\nb"},
		{[]string{ten, ten, ten, ten}, 43, ten + "\n" + ten + "\n" + ten + "\n" + ten},
		{[]string{ten, ten, ten, ten, ten, ten, ten, ten, ten, ten}, 40, ten + "\n" + ten + "\n…and 8 more x"},
		{[]string{ten, ten}, 20, "aaaaa…\n…and 1 more x"}, // too small for a whole line and the count
		{[]string{"a b c d e f g h"}, 6, "a b c…"},
		{[]string{ten, ten}, 14, ""},
		{[]string{"a"}, 0, ""},
	}
	for _, tt := range tests {
		got := packLines(tt.lines, tt.max, "x")
		if got != tt.want {
			t.Errorf("packLines(%q, %d) = %q, want %q", tt.lines, tt.max, got, tt.want)
		}
		if utf8.RuneCountInString(got) > tt.max {
			t.Errorf("packLines(%q, %d): %d runes", tt.lines, tt.max, utf8.RuneCountInString(got))
		}
	}
}

// checkMessage checks r against Discord's limits: content of at most 2,000
// characters, at most 10 embeds, each within checkEmbed's limits, and JSON
// that discordgo reads back as it was.
func checkMessage(t *testing.T, r Rendered) {
	t.Helper()
	if n := utf8.RuneCountInString(r.Content); n > maxContent || !utf8.ValidString(r.Content) {
		t.Errorf("content of %d runes, valid UTF-8 %v", n, utf8.ValidString(r.Content))
	}
	if len(r.Embeds) == 0 && r.Content == "" {
		t.Errorf("an empty message")
	}
	if len(r.Embeds) > 10 {
		t.Errorf("%d embeds, Discord takes 10", len(r.Embeds))
	}
	for _, e := range r.Embeds {
		checkEmbed(t, e)
	}
	var raw struct {
		Content    string
		Embeds     []*discordgo.MessageEmbed
		Components []json.RawMessage
	}
	if err := json.Unmarshal(marshal(t, r), &raw); err != nil {
		t.Fatalf("cannot read the message back: %v", err)
	}
	back := Rendered{Content: raw.Content, Embeds: raw.Embeds}
	for _, c := range raw.Components {
		mc, err := discordgo.MessageComponentFromJSON(c)
		if err != nil {
			t.Fatalf("cannot read a component back: %v", err)
		}
		back.Components = append(back.Components, mc)
	}
	if !reflect.DeepEqual(back, r) {
		t.Errorf("the message does not survive JSON:\n%s", marshal(t, back))
	}
}

// checkEmbed checks an embed against Discord's limits, in characters: title
// 256, description 4,096, 25 fields with names of 1–256 and values of
// 1–1,024, footer 2,048, and 6,000 in all (title, description, field names
// and values, footer and author name, as Discord counts them); every string
// valid UTF-8, and something in it to show.
func checkEmbed(t *testing.T, e *discordgo.MessageEmbed) {
	t.Helper()
	limit := func(what, s string, lo, hi int) {
		t.Helper()
		if n := utf8.RuneCountInString(s); n < lo || n > hi || !utf8.ValidString(s) {
			t.Errorf("%s of %d runes (want %d–%d), valid UTF-8 %v: %.60q", what, n, lo, hi, utf8.ValidString(s), s)
		}
	}
	total := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	limit("title", e.Title, 0, maxTitle)
	limit("description", e.Description, 0, maxDescription)
	if len(e.Fields) > maxFields {
		t.Errorf("%d fields", len(e.Fields))
	}
	for _, f := range e.Fields {
		limit("field name", f.Name, 1, maxFieldName)
		limit("field value", f.Value, 1, maxFieldValue)
		total += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	if e.Footer != nil {
		limit("footer", e.Footer.Text, 1, maxFooter)
		total += utf8.RuneCountInString(e.Footer.Text)
	}
	if e.Author != nil {
		total += utf8.RuneCountInString(e.Author.Name)
	}
	if total > maxEmbedTotal {
		t.Errorf("embed of %d characters, Discord takes %d", total, maxEmbedTotal)
	}
	if total == 0 {
		t.Errorf("an empty embed")
	}
}

// marshal is the message as indented JSON, with < > & written as they
// are (not \u003c \u003e \u0026) so the golden files read as Discord gets
// them.
func marshal(t testing.TB, r Rendered) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func js(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// pings says which live mention s holds, or "" if none.
func pings(s string) string {
	low := strings.ToLower(s)
	for _, bad := range []string{"@everyone", "@here", "<@", "<#"} {
		if strings.Contains(low, bad) {
			return bad + " is live"
		}
	}
	return ""
}

// live says which live mention, link or markdown s holds, or "" if none:
// a mention, a URL, or one of * _ ~ ` | > [ ] ( ) anywhere or # - at the
// start of a line without a backslash before it.
func live(s string) string {
	if p := pings(s); p != "" {
		return p
	}
	if l := link(s); l != "" {
		return l
	}
	escaped, lineStart := false, true
	for i, r := range s {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
		case strings.ContainsRune("*_~`|>[]()", r), lineStart && (r == '#' || r == '-'):
			return fmt.Sprintf("%q at byte %d is live", r, i)
		}
		switch {
		case r == '\n':
			lineStart = true
		case r != ' ' && r != '\t':
			lineStart = false
		}
	}
	return ""
}

// link says which link s holds, or "" if none: a scheme's "://" or
// "www.", which Discord or a browser would follow.
func link(s string) string {
	for _, bad := range []string{"://", "www."} {
		if strings.Contains(strings.ToLower(s), bad) {
			return bad + " is a live link"
		}
	}
	return ""
}

// walk calls f with every string in a decoded JSON value that Discord
// may show. A component's custom_id is never shown — it only comes back
// to the bot when the component is pressed — so it is skipped: a 👍's
// custom_id carries the question as typed.
func walk(v any, f func(s string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, e := range v {
			walk(e, f)
		}
	case map[string]any:
		for k, e := range v {
			if k != "custom_id" {
				walk(e, f)
			}
		}
	}
}

// tail is the last few runes of s, for messages.
func tail(s string) string {
	r := []rune(s)
	return string(r[max(0, len(r)-20):])
}

func manySources(n int) []bot.Source {
	out := make([]bot.Source, n)
	for i := range out {
		out[i] = bot.Source{Doc: fmt.Sprintf("%03d_0123456789abcdef.txt", i), Title: "Source " + strconv.Itoa(i+1), Author: "Author", Section: "§" + strconv.Itoa(i+1)}
	}
	return out
}
