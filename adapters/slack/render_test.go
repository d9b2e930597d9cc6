package slack

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/durandbot/durand/internal/golden"

	"github.com/durandbot/durand/internal/textcut"

	slackgo "github.com/slack-go/slack"

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
			{Doc: "000_3fe99d22d84a294d.txt", Title: "Pakistan's Viewpoint of Afghanistan", Section: "Border management",
				Quote: "Pakistan temporarily closed the Torkham border crossing, bringing the two-way movement of people and trade to a halt for several days."},
			{Doc: "001_0a1b2c3d4e5f6a7b.txt", Title: "Crossings <2023>", Author: "A. Writer", Section: "§4", Quote: "trade *and* travel stopped <again>"},
			{Doc: "002_d0d87716d6dda9e2.txt", Title: "[A title we supplied]", Section: "¶3", URL: "https://example.org/notes", Quote: "Torkham links the two provinces."},
		},
		Confidence: 0.93,
		Answer:     &bot.AnswerRef{Question: "what is torkham?", Facts: []string{"torkham-crossing", "torkham-closures-2023"}, Confidence: 0.93},
	}
	declineResp = bot.Response{
		Kind: bot.KindDecline,
		Lead: "The sources I have don't cover that.",
		Suggestions: []string{
			"who is asif durrani",
			"what happened in september 2023",
			"what did the sources say about the repatriation plan announced in october 2023 and its deadline for leaving",
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
		Answer:  &bot.AnswerRef{Question: "timeline september 2023", Facts: []string{"torkham-closed-2023-09", "torkham-reopened-2023-09"}, Confidence: 0.81},
	}
	errorResp = bot.Response{
		Kind:        bot.KindError,
		Lead:        "I couldn't answer that just now. Please try again in a minute.",
		Lines:       []string{"not shown"},
		Sources:     []bot.Source{{Doc: "x.txt", Title: "not shown"}},
		Suggestions: []string{"not shown"},
	}
)

// evil is what a hostile user might type.
const evil = "<!everyone> & <@U123> <https://evil|click> <!channel> <!here> @channel @Here @everyone"

func TestRenderGolden(t *testing.T) {
	tests := []struct {
		name string
		resp bot.Response
		opts RenderOptions
	}{
		{"answer", answerResp, RenderOptions{Question: "what is torkham?", Share: true}},
		{"decline", declineResp, RenderOptions{Question: "what is the capital of peru?"}},
		{"timeline", timelineResp, RenderOptions{Question: "what happened in september 2023", Share: true}},
		{"shared", answerResp, RenderOptions{Question: "what is torkham?", SharedBy: "U024BE7LH"}},
		{"voted", answerResp, RenderOptions{Question: "what is torkham?", Share: true, Voted: true}},
		{"error", errorResp, RenderOptions{Question: "what is torkham?", Share: true, SharedBy: "U024BE7LH"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, "render_"+tt.name+".json", Render(tt.resp, tt.opts))
		})
	}
}

// checkGolden checks a rendering against testdata/name.
func checkGolden(t *testing.T, name string, r Rendered) {
	t.Helper()
	checkMessage(t, r)
	golden.Check(t, filepath.Join("testdata", name), marshal(t, r))
}

func TestRenderShape(t *testing.T) {
	tests := []struct {
		name  string
		resp  bot.Response
		opts  RenderOptions
		check func(t *testing.T, r Rendered)
	}{
		{"error is the lead alone", errorResp, RenderOptions{Question: "q", Share: true, SharedBy: "U1"}, func(t *testing.T, r Rendered) {
			want := "⚠️ I couldn't answer that just now. Please try again in a minute."
			if len(r.Blocks) != 1 || sectionText(r.Blocks[0]) != want || r.Text != want {
				t.Errorf("got text %q, blocks %s", r.Text, marshal(t, r))
			}
		}},
		{"empty error still says something", bot.Response{Kind: bot.KindError}, RenderOptions{}, func(t *testing.T, r Rendered) {
			if len(r.Blocks) != 1 || !strings.HasPrefix(r.Text, "⚠️ ") || len(r.Text) < 10 {
				t.Errorf("got %q, %d blocks", r.Text, len(r.Blocks))
			}
		}},
		{"lead, then bullets, then sources", answerResp, RenderOptions{}, func(t *testing.T, r Rendered) {
			if len(r.Blocks) != 4 || r.Blocks[3].ID() != blockFeedback {
				t.Fatalf("got %d blocks, want lead, lines, sources, votes", len(r.Blocks))
			}
			if got := sectionText(r.Blocks[0]); got != answerResp.Lead || r.Text != answerResp.Lead {
				t.Errorf("lead section %q, text %q", got, r.Text)
			}
			wantLines := "• It links Khyber Pakhtunkhwa with Nangarhar province.\n• Trade &amp; travel through it stopped several times in 2023."
			if got := sectionText(r.Blocks[1]); got != wantLines {
				t.Errorf("lines section %q, want %q", got, wantLines)
			}
			srcs := contextTexts(r.Blocks[2])
			want := []string{"📄 *Pakistan's Viewpoint of Afghanistan* — Border management\n" +
				"“Pakistan temporarily closed the Torkham border crossing, bringing the two-way movement of people and trade to a halt for several days.”\n" +
				"📄 *Crossings &lt;2023&gt;* — A. Writer, §4\n“…trade *and* travel stopped &lt;again&gt;…”\n" +
				"📄 *<https://example.org/notes|[A title we supplied]>* — ¶3\n“Torkham links the two provinces.”"}
			if strings.Join(srcs, "|") != strings.Join(want, "|") {
				t.Errorf("sources %q, want %q", srcs, want)
			}
		}},
		{"quotes under their source, a section named once", bot.Response{Lead: "x", Sources: []bot.Source{
			{Doc: "a.txt", Title: "[A title of ours]", Section: "¶2", Quote: "The border was closed <for days>."},
			{Doc: "b.txt", Title: "Linked", Section: "§1", URL: "https://example.org/paper", Quote: "trade stopped, and"},
			{Doc: "a.txt", Title: "[A title of ours]", Section: "¶2", Quote: "It reopened."},
		}}, RenderOptions{}, func(t *testing.T, r Rendered) {
			want := "📄 *[A title of ours]* — ¶2\n“The border was closed &lt;for days&gt;.”\n“It reopened.”\n" +
				"📄 *<https://example.org/paper|Linked>* — §1\n“…trade stopped, and…”"
			if srcs := contextTexts(r.Blocks[1]); len(srcs) != 1 || srcs[0] != want {
				t.Errorf("sources %q, want %q", srcs, want)
			}
		}},
		{"timeline counts what is left out", timelineResp, RenderOptions{}, func(t *testing.T, r Rendered) {
			if got := sectionText(r.Blocks[1]); !strings.HasSuffix(got, "\n…and 7 more") || strings.Count(got, "• ") != 3 {
				t.Errorf("timeline section %q", got)
			}
		}},
		{"question and sharer above the answer", answerResp, RenderOptions{Question: "  what\nis *torkham*? ", SharedBy: "U024BE7LH"}, func(t *testing.T, r Rendered) {
			c, ok := r.Blocks[0].(*slackgo.ContextBlock)
			if !ok || c.BlockID != blockQuestion || len(c.ContextElements.Elements) != 2 {
				t.Fatalf("first block %s", marshal(t, r))
			}
			q := c.ContextElements.Elements[0].(*slackgo.TextBlockObject)
			if q.Type != slackgo.PlainTextType || q.Text != "Q: what is *torkham*?" {
				t.Errorf("question element %+v: want plain_text, so *torkham* is not bold", q)
			}
			if got := c.ContextElements.Elements[1].(*slackgo.TextBlockObject).Text; got != "Shared by <@U024BE7LH>" {
				t.Errorf("shared by %q", got)
			}
		}},
		{"suggestions are buttons with unique ids", declineResp, RenderOptions{}, func(t *testing.T, r Rendered) {
			a := actions(t, r)
			if a.BlockID != blockSuggestions || len(a.Elements.ElementSet) != 3 {
				t.Fatalf("actions %s", marshal(t, r))
			}
			for i, el := range a.Elements.ElementSet {
				b := el.(*slackgo.ButtonBlockElement)
				if baseAction(b.ActionID) != ActionAsk || b.Value != declineResp.Suggestions[i] || b.Style != "" {
					t.Errorf("button %d: %+v", i, b)
				}
			}
			if got := a.Elements.ElementSet[0].(*slackgo.ButtonBlockElement).ActionID; got != ActionAsk {
				t.Errorf("first suggestion's action id %q, want %q", got, ActionAsk)
			}
		}},
		{"share alone", bot.Response{Kind: bot.KindTimeline, Lead: "x"}, RenderOptions{Question: "what is torkham?", Share: true}, func(t *testing.T, r Rendered) {
			a := actions(t, r)
			b := a.Elements.ElementSet[0].(*slackgo.ButtonBlockElement)
			if a.BlockID != blockShare || len(a.Elements.ElementSet) != 1 ||
				b.ActionID != ActionShare || b.Value != "what is torkham?" || b.Style != slackgo.StylePrimary || b.Text.Text != "Share in channel" {
				t.Errorf("actions %s", marshal(t, r))
			}
		}},
		{"share, then the votes", answerResp, RenderOptions{Question: "what is torkham?", Share: true}, func(t *testing.T, r Rendered) {
			a := actions(t, r)
			var ids, values []string
			for _, el := range a.Elements.ElementSet {
				b := el.(*slackgo.ButtonBlockElement)
				ids, values = append(ids, b.ActionID), append(values, b.Value)
			}
			want := answerResp.Answer.Encode(maxButtonValue)
			if a.BlockID != blockShare || strings.Join(ids, ",") != "durand_share,durand_feedback_up,durand_feedback_down" || values[1] != want || values[2] != want {
				t.Errorf("actions %s", marshal(t, r))
			}
		}},
		{"votes alone, on an answer in the channel", answerResp, RenderOptions{}, func(t *testing.T, r Rendered) {
			if a := actions(t, r); a.BlockID != blockFeedback || len(a.Elements.ElementSet) != 2 {
				t.Errorf("actions %s", marshal(t, r))
			}
		}},
		{"voted: the thanks in place of the votes", answerResp, RenderOptions{Question: "q", Share: true, Voted: true}, func(t *testing.T, r Rendered) {
			a := actions(t, r)
			last := r.Blocks[len(r.Blocks)-1]
			if len(a.Elements.ElementSet) != 1 || last.ID() != blockVoted || !strings.Contains(contextTexts(last)[0], bot.Thanks) {
				t.Errorf("blocks %s", marshal(t, r))
			}
		}},
		{"no votes on a decline, help or info", declineResp, RenderOptions{Share: true, Question: "q", Voted: true}, func(t *testing.T, r Rendered) {
			for _, resp := range []bot.Response{declineResp, {Kind: bot.KindHelp, Lead: "help"}, {Kind: bot.KindInfo, Lead: "info"}, errorResp} {
				for _, o := range []RenderOptions{{}, {Share: true, Question: "q"}, {Voted: true}} {
					js := string(marshal(t, Render(resp, o)))
					if strings.Contains(js, "durand_feedback") || strings.Contains(js, bot.Thanks) {
						t.Errorf("%v %+v: %s", resp.Kind, o, js)
					}
				}
			}
		}},
		{"a long question still fits the votes' value", bot.Response{Kind: bot.KindAnswer, Lead: "x", Answer: &bot.AnswerRef{Question: strings.Repeat("ژ", 1000), Facts: []string{"a", "b"}, Confidence: 0.5}}, RenderOptions{}, func(t *testing.T, r Rendered) {
			b := actions(t, r).Elements.ElementSet[0].(*slackgo.ButtonBlockElement)
			ref, ok := bot.DecodeAnswerRef(b.Value)
			if len(b.Value) > maxButtonValue || !ok || strings.Join(ref.Facts, ",") != "a,b" || !utf8.ValidString(b.Value) {
				t.Errorf("value of %d bytes reads as %+v, %v", len(b.Value), ref, ok)
			}
		}},
		{"share joins the suggestions", declineResp, RenderOptions{Question: "q", Share: true}, func(t *testing.T, r Rendered) {
			a := actions(t, r)
			els := a.Elements.ElementSet
			if a.BlockID != blockSuggestions || len(els) != 4 || els[3].(*slackgo.ButtonBlockElement).ActionID != ActionShare {
				t.Errorf("actions %s", marshal(t, r))
			}
		}},
		{"at most five suggestions, no repeats", bot.Response{Kind: bot.KindDecline, Lead: "No.", Suggestions: []string{"a", "a", "b", " ", "c", "d", "e", "f", "g"}}, RenderOptions{Share: true, Question: "q"}, func(t *testing.T, r Rendered) {
			var got []string
			for _, el := range actions(t, r).Elements.ElementSet {
				got = append(got, el.(*slackgo.ButtonBlockElement).Value)
			}
			if strings.Join(got, ",") != "a,b,c,d,e,q" {
				t.Errorf("button values %q", got)
			}
		}},
		{"a long quote is trimmed on a word boundary", bot.Response{Lead: "x", Sources: []bot.Source{{Doc: "a.txt", Title: "A", Quote: strings.Repeat("naïve 🇵🇰 words ", 200) + "end."}}}, RenderOptions{}, func(t *testing.T, r Rendered) {
			srcs := contextTexts(r.Blocks[1])
			lines := strings.Split(strings.Join(srcs, ""), "\n")
			if len(lines) != 2 || !strings.HasPrefix(lines[1], "“…naïve") || !strings.HasSuffix(lines[1], "…") || utf8.RuneCountInString(lines[1]) > maxQuote {
				t.Errorf("quote line of %d runes: %q", utf8.RuneCountInString(lines[len(lines)-1]), lines)
			}
		}},
		{"sources past 3,000 characters are counted", bot.Response{Lead: "x", Sources: manySources(14)}, RenderOptions{}, func(t *testing.T, r Rendered) {
			srcs := contextTexts(r.Blocks[len(r.Blocks)-1])
			if len(srcs) != 1 || utf8.RuneCountInString(srcs[0]) > maxText {
				t.Fatalf("sources %q", srcs)
			}
			lines := strings.Split(srcs[0], "\n")
			if last := lines[len(lines)-1]; last != "…and 4 more sources" || !strings.Contains(srcs[0], "📄 *Source 10*\n“Quote ") {
				t.Errorf("sources end %q", last)
			}
		}},
		{"a source with no title shows its id", bot.Response{Lead: "x", Sources: []bot.Source{{Doc: "003_a.txt"}, {}}}, RenderOptions{}, func(t *testing.T, r Rendered) {
			if srcs := contextTexts(r.Blocks[1]); len(srcs) != 1 || srcs[0] != "📄 *003_a.txt*" {
				t.Errorf("sources %q", srcs)
			}
		}},
		{"no lead: the first line is the fallback", bot.Response{Kind: bot.KindHelp, Lines: []string{"ask <anything>", "sources"}}, RenderOptions{}, func(t *testing.T, r Rendered) {
			if r.Text != "ask &lt;anything&gt;" || len(r.Blocks) != 1 {
				t.Errorf("text %q, blocks %s", r.Text, marshal(t, r))
			}
		}},
		{"a sharer id that is not one is not a mention", answerResp, RenderOptions{SharedBy: "U1> <!channel"}, func(t *testing.T, r Rendered) {
			if got := contextTexts(r.Blocks[0]); len(got) != 1 || got[0] != "Shared by U1&gt; &lt;!channel" {
				t.Errorf("shared by %q", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Render(tt.resp, tt.opts)
			checkMessage(t, r)
			tt.check(t, r)
		})
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"a & b", "a &amp; b"},
		{"&amp;", "&amp;amp;"},
		{"<!everyone>", "&lt;!everyone&gt;"},
		{"<!channel> <!here>", "&lt;!channel&gt; &lt;!here&gt;"},
		{"<@U123>", "&lt;@U123&gt;"},
		{"<https://x|y>", "&lt;https:\u200b//x|y&gt;"},
		{"[nitro](https://evil.example) www.evil.example", "[nitro](https:\u200b//evil.example) www\u200b.evil.example"},
		{"@channel look", "@" + zwj + "channel look"},
		{"hey @HERE and @Everyone", "hey @" + zwj + "HERE and @" + zwj + "Everyone"},
		{"(@here)", "(@" + zwj + "here)"},
		{"mail me@here.example", "mail me@here.example"}, // not a mention: @ inside a word
		{"@hereafter", "@" + zwj + "hereafter"},
		{"@someone", "@someone"},
		{"é & 🇵🇰 @here", "é &amp; 🇵🇰 @" + zwj + "here"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRenderNeverLinksUserText puts hostile text everywhere a response or
// the options carry text, and checks that nothing shown is a live mention
// or link, except the one mention of the user who shared.
func TestRenderNeverLinksUserText(t *testing.T) {
	resp := bot.Response{
		Kind:        bot.KindAnswer,
		Lead:        evil,
		Lines:       []string{evil, evil},
		Sources:     []bot.Source{{Doc: evil, Title: evil, Author: evil, Section: evil}},
		Suggestions: []string{evil},
	}
	for _, kind := range []bot.Kind{bot.KindAnswer, bot.KindTimeline, bot.KindDecline, bot.KindHelp, bot.KindInfo, bot.KindError} {
		resp.Kind = kind
		r := Render(resp, RenderOptions{Question: evil, Share: true, SharedBy: "U999"})
		checkMessage(t, r)
		js := marshal(t, r)
		var doc any
		if err := json.Unmarshal(js, &doc); err != nil {
			t.Fatal(err)
		}
		shown := 0
		walk(doc, "", func(key, s string) {
			if key == "value" {
				// A button's value is never displayed: it comes back in the
				// interaction payload as the question, verbatim.
				if s != evil {
					t.Errorf("%v: button value %q, want the text as typed", kind, s)
				}
				return
			}
			shown++
			s = strings.Replace(s, "Shared by <@U999>", "", 1)
			for _, bad := range []string{"<!", "<@", "<http", "<#", "@channel", "@here", "@everyone", "://"} {
				if strings.Contains(strings.ToLower(s), strings.ToLower(bad)) {
					t.Errorf("%v: %q is live in %q", kind, bad, s)
				}
			}
		})
		if shown == 0 {
			t.Fatalf("%v: nothing checked in %s", kind, js)
		}
		if kind != bot.KindError && !bytes.Contains(js, []byte(`"Shared by <@U999>"`)) {
			t.Errorf("%v: the sharer's mention is missing from %s", kind, js)
		}
	}
}

func TestRenderLimits(t *testing.T) {
	t.Run("a long lead is split into sections that add up", func(t *testing.T) {
		for _, word := range []string{"word", "é", "naïve", "🇵🇰", "👩🏽‍💻", "a&b", "<x>"} {
			lead := strings.TrimSpace(strings.Repeat(word+" ", 10000/(utf8.RuneCountInString(word)+1)+1))
			r := Render(bot.Response{Lead: lead}, RenderOptions{})
			checkMessage(t, r)
			if len(r.Blocks) < 4 {
				t.Errorf("%q: %d sections for %d runes", word, len(r.Blocks), utf8.RuneCountInString(lead))
			}
			var joined strings.Builder
			for _, b := range r.Blocks {
				joined.WriteString(sectionText(b))
			}
			if got, want := stripSpace(joined.String()), stripSpace(Escape(lead)); got != want {
				t.Errorf("%q: sections do not add up to the lead: %d vs %d bytes", word, len(got), len(want))
			}
			if n := utf8.RuneCountInString(r.Text); n > maxText || !strings.HasSuffix(r.Text, "…") || !strings.HasPrefix(Escape(lead), strings.TrimSuffix(r.Text, "…")) {
				t.Errorf("%q: fallback text of %d runes: %q…", word, n, r.Text[:min(40, len(r.Text))])
			}
		}
	})
	t.Run("text with no spaces is cut between runes, never inside an entity", func(t *testing.T) {
		for _, word := range []string{"x", "é", "😀", "&", "<", "e\u0301", "👍🏿"} {
			lead := "x" + strings.Repeat(word, 7001) // the x moves the cuts off entity boundaries
			r := Render(bot.Response{Lead: lead}, RenderOptions{})
			checkMessage(t, r)
			var joined strings.Builder
			for _, b := range r.Blocks {
				s := sectionText(b)
				if rest := strings.NewReplacer("&amp;", "", "&lt;", "").Replace(s); strings.Contains(rest, "&") {
					t.Errorf("%q: a section ends inside an entity: …%q", word, s[max(0, len(s)-8):])
				}
				if r, _ := utf8.DecodeRuneInString(s); textcut.Joins(r) {
					t.Errorf("%q: a section starts with %U, torn from the rune before it", word, r)
				}
				joined.WriteString(s)
			}
			if joined.String() != Escape(lead) {
				t.Errorf("%q: sections do not add up to the lead", word)
			}
		}
	})
	t.Run("lines prefer line breaks", func(t *testing.T) {
		var lines []string
		for i := 0; i < 200; i++ {
			lines = append(lines, strings.Repeat("é", 20)+" fact "+strings.Repeat("😀", 20))
		}
		r := Render(bot.Response{Lead: "Lead.", Lines: lines, Sources: manySources(1)}, RenderOptions{Share: true, Question: "q"})
		checkMessage(t, r)
		n := 0
		for _, b := range r.Blocks[2:] { // after the question and the lead
			for _, l := range strings.Split(sectionText(b), "\n") {
				if l != "" && l != "• "+lines[0] {
					t.Fatalf("a section breaks inside a line: %q", l)
				}
				n += strings.Count(l, "•")
			}
		}
		if n != 200 {
			t.Errorf("%d of 200 lines shown", n)
		}
	})
	t.Run("200 long lines fit in 50 blocks, keeping sources and buttons", func(t *testing.T) {
		var lines []string
		for i := 0; i < 200; i++ {
			lines = append(lines, strings.Repeat("fact ", 590)) // 2,950 characters: one section each
		}
		resp := bot.Response{Lead: "Lead.", Lines: lines, Sources: manySources(2), Suggestions: []string{"a", "b"}}
		r := Render(resp, RenderOptions{Question: "q", Share: true, SharedBy: "U1"})
		checkMessage(t, r)
		if len(r.Blocks) != maxBlocks {
			t.Fatalf("%d blocks, want %d", len(r.Blocks), maxBlocks)
		}
		ids := blockIDs(r.Blocks)
		want := []string{blockTrimmed, blockSources, blockSuggestions}
		if got := ids[len(ids)-3:]; strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("last blocks %q, want %q", got, want)
		}
		if ids[0] != blockQuestion || sectionText(r.Blocks[1]) != "Lead." {
			t.Errorf("first blocks %q", ids[:2])
		}
		// 50 blocks: question, lead, 45 line sections, notice, sources, actions.
		if got := contextTexts(r.Blocks[47]); len(got) != 1 || got[0] != "…trimmed (155 more sections not shown)" {
			t.Errorf("notice %q", got)
		}
	})
	t.Run("long buttons and values are trimmed", func(t *testing.T) {
		long := strings.Repeat("pourquoi l'été à Kaboul 🇦🇫 ", 100) // 2,700 runes
		sugg := []string{long, strings.Repeat("é", 100)}
		r := Render(bot.Response{Kind: bot.KindDecline, Lead: "No.", Suggestions: sugg}, RenderOptions{Question: long, Share: true})
		checkMessage(t, r)
		els := actions(t, r).Elements.ElementSet
		for i, s := range sugg {
			b := els[i].(*slackgo.ButtonBlockElement)
			label, trimmed := strings.CutSuffix(b.Text.Text, "…")
			if n := utf8.RuneCountInString(b.Text.Text); n > maxButtonText || !trimmed || !strings.HasPrefix(s, label) {
				t.Errorf("button %q (%d runes)", b.Text.Text, n)
			}
			if strings.Contains(s, " ") && !strings.HasPrefix(s[len(label):], " ") {
				t.Errorf("button %q cut mid-word", b.Text.Text)
			}
			value, trimmed := strings.CutSuffix(b.Value, "…")
			if utf8.RuneCountInString(s) > maxButtonValue && (!trimmed || !strings.HasPrefix(s, value)) || utf8.RuneCountInString(s) <= maxButtonValue && b.Value != s {
				t.Errorf("button value of %d runes for a suggestion of %d", utf8.RuneCountInString(b.Value), utf8.RuneCountInString(s))
			}
		}
		share := els[len(els)-1].(*slackgo.ButtonBlockElement)
		if v, trimmed := strings.CutSuffix(share.Value, "…"); share.ActionID != ActionShare || !trimmed || !strings.HasPrefix(long, v) {
			t.Errorf("share value of %d runes", utf8.RuneCountInString(share.Value))
		}
		q := contextTexts(r.Blocks[0])[0]
		if n := utf8.RuneCountInString(q); n > len("Q: ")+maxQuestion || !strings.HasSuffix(q, "…") {
			t.Errorf("question line of %d runes", n)
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
		{"a bcdefghij", 5, "a…"},
		{"supercalifragilistic", 6, "super…"},
		{"ééééé ééééé", 8, "ééééé…"},
		{"😀😀😀😀", 3, "😀😀…"},
		{"a b", 1, "…"},
		{"a b", 0, ""},
		{"fish &amp; chips", 8, "fish…"},
		{"fish&amp;chips", 7, "fish…"}, // not "fish&a…"
	}
	for _, tt := range tests {
		got := trimWords(tt.s, tt.max)
		if got != tt.want {
			t.Errorf("trimWords(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
		if utf8.RuneCountInString(got) > tt.max || !utf8.ValidString(got) {
			t.Errorf("trimWords(%q, %d) = %q: too long or not UTF-8", tt.s, tt.max, got)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want []string
	}{
		{"", 5, nil},
		{"  ", 5, nil},
		{"abc", 5, []string{"abc"}},
		{"one two three", 7, []string{"one two", "three"}},
		{"one\ntwo three four", 14, []string{"one\ntwo three", "four"}},
		{"• aaa bbb\n• ccc ddd", 15, []string{"• aaa bbb", "• ccc ddd"}}, // a line break beats a later space
		{"abcdefgh", 3, []string{"abc", "def", "gh"}},
		{"a b", 3, []string{"a b"}},
		{"aaa bbbbbbbbb", 5, []string{"aaa", "bbbbb", "bbbb"}},
		{"a&amp;b", 5, []string{"a", "&amp;", "b"}},
		{"ab\u200dcd", 3, []string{"a", "b\u200dc", "d"}},
		{"ée\u0301e", 2, []string{"é", "e\u0301", "e"}},
	}
	for _, tt := range tests {
		got := split(tt.s, tt.max)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("split(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
	}
}

func TestBaseAction(t *testing.T) {
	for id, want := range map[string]string{
		ActionAsk:           ActionAsk,
		askAction(0):        ActionAsk,
		askAction(4):        ActionAsk,
		ActionAsk + "_x":    ActionAsk + "_x",
		ActionShare:         ActionShare,
		ActionVoteUp:        ActionVoteUp,
		ActionVoteDown:      ActionVoteDown,
		ActionVoteUp + "_2": ActionVoteUp,
		"durand_feedback":   "durand_feedback",
		"durand_askew":      "durand_askew",
		"something_else_2":  "something_else_2",
	} {
		if got := baseAction(id); got != want {
			t.Errorf("baseAction(%q) = %q, want %q", id, got, want)
		}
	}
}

// checkMessage checks r against Slack's limits: at most 50 blocks with
// unique ids; every text object 1–3,000 characters of valid UTF-8 (what
// slack-go's Validate checks); context blocks of at most 10 elements;
// buttons with unique action ids in their block, labels of at most 75
// characters and values of at most 2,000; fallback text of at most 3,000;
// and JSON that slack-go reads back into as many blocks.
func checkMessage(t *testing.T, r Rendered) {
	t.Helper()
	if len(r.Blocks) > maxBlocks {
		t.Errorf("%d blocks, Slack takes %d", len(r.Blocks), maxBlocks)
	}
	if n := utf8.RuneCountInString(r.Text); n > maxText || !utf8.ValidString(r.Text) {
		t.Errorf("fallback text of %d runes, valid UTF-8 %v", n, utf8.ValidString(r.Text))
	}
	text := func(where string, o *slackgo.TextBlockObject) {
		t.Helper()
		if o == nil {
			t.Errorf("%s: no text", where)
			return
		}
		if err := o.Validate(); err != nil || !utf8.ValidString(o.Text) {
			t.Errorf("%s: %v (valid UTF-8 %v) in %.60q", where, err, utf8.ValidString(o.Text), o.Text)
		}
	}
	seen := make(map[string]bool)
	for i, b := range r.Blocks {
		if id := b.ID(); id != "" {
			if seen[id] {
				t.Errorf("block id %q twice", id)
			}
			seen[id] = true
		}
		switch b := b.(type) {
		case *slackgo.SectionBlock:
			text("section", b.Text)
		case *slackgo.HeaderBlock:
			text("header", b.Text)
			if n := utf8.RuneCountInString(b.Text.Text); n > 150 || b.Text.Type != slackgo.PlainTextType {
				t.Errorf("header of %d runes, type %s", n, b.Text.Type)
			}
		case *slackgo.ContextBlock:
			els := b.ContextElements.Elements
			if len(els) == 0 || len(els) > maxContextElems {
				t.Errorf("context block %d has %d elements", i, len(els))
			}
			for _, el := range els {
				o, _ := el.(*slackgo.TextBlockObject)
				text("context", o)
			}
		case *slackgo.ActionBlock:
			ids := make(map[string]bool)
			if n := len(b.Elements.ElementSet); n == 0 || n > maxSuggestions+3 { // suggestions, Share, 👍 and 👎
				t.Errorf("actions block with %d elements", n)
			}
			for _, el := range b.Elements.ElementSet {
				btn := el.(*slackgo.ButtonBlockElement)
				if ids[btn.ActionID] {
					t.Errorf("action id %q twice in block %q", btn.ActionID, b.BlockID)
				}
				ids[btn.ActionID] = true
				text("button", btn.Text)
				if n := utf8.RuneCountInString(btn.Text.Text); n > maxButtonText {
					t.Errorf("button text of %d runes", n)
				}
				if n := utf8.RuneCountInString(btn.Value); n > maxButtonValue || !utf8.ValidString(btn.Value) {
					t.Errorf("button value of %d runes", n)
				}
			}
		default:
			t.Errorf("unexpected block %T", b)
		}
	}
	var back struct {
		Blocks slackgo.Blocks `json:"blocks"`
	}
	if err := json.Unmarshal(marshal(t, r), &back); err != nil {
		t.Fatalf("slack-go cannot read the blocks back: %v", err)
	}
	if len(back.Blocks.BlockSet) != len(r.Blocks) {
		t.Errorf("slack-go read back %d of %d blocks", len(back.Blocks.BlockSet), len(r.Blocks))
	}
}

// marshal is the message as indented JSON with < > & written as they are,
// not as \u003c \u003e \u0026, so that the golden files and the checks
// see the characters Slack reads. (slack-go's own MarshalJSON methods
// escape them whatever the encoder is told, hence unescapeHTML.)
func marshal(t testing.TB, r Rendered) []byte {
	t.Helper()
	js, err := json.MarshalIndent(struct {
		Text   string          `json:"text"`
		Blocks []slackgo.Block `json:"blocks"`
	}{r.Text, r.Blocks}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(unescapeHTML(js), '\n')
}

// unescapeHTML turns the escapes \u003c \u003e \u0026 in JSON back into
// < > &, leaving every other escape (\\u003c included) alone.
func unescapeHTML(js []byte) []byte {
	out := make([]byte, 0, len(js))
	for i := 0; i < len(js); i++ {
		if js[i] != '\\' || i+1 == len(js) {
			out = append(out, js[i])
			continue
		}
		if js[i+1] == 'u' && i+6 <= len(js) {
			switch string(js[i+2 : i+6]) {
			case "003c":
				out, i = append(out, '<'), i+5
				continue
			case "003e":
				out, i = append(out, '>'), i+5
				continue
			case "0026":
				out, i = append(out, '&'), i+5
				continue
			}
		}
		out, i = append(out, js[i], js[i+1]), i+1
	}
	return out
}

// walk calls f with every string in a decoded JSON value and the key it is
// under.
func walk(v any, key string, f func(key, s string)) {
	switch v := v.(type) {
	case string:
		f(key, v)
	case []any:
		for _, e := range v {
			walk(e, key, f)
		}
	case map[string]any:
		for k, e := range v {
			walk(e, k, f)
		}
	}
}

func sectionText(b slackgo.Block) string {
	if s, ok := b.(*slackgo.SectionBlock); ok && s.Text != nil {
		return s.Text.Text
	}
	return ""
}

func contextTexts(b slackgo.Block) []string {
	c, ok := b.(*slackgo.ContextBlock)
	if !ok {
		return nil
	}
	var out []string
	for _, el := range c.ContextElements.Elements {
		if o, ok := el.(*slackgo.TextBlockObject); ok {
			out = append(out, o.Text)
		}
	}
	return out
}

func actions(t *testing.T, r Rendered) *slackgo.ActionBlock {
	t.Helper()
	for _, b := range r.Blocks {
		if a, ok := b.(*slackgo.ActionBlock); ok {
			return a
		}
	}
	t.Fatalf("no actions block in %s", marshal(t, r))
	return nil
}

func blockIDs(blocks []slackgo.Block) []string {
	ids := make([]string, len(blocks))
	for i, b := range blocks {
		ids[i] = b.ID()
	}
	return ids
}

func manySources(n int) []bot.Source {
	out := make([]bot.Source, n)
	for i := range out {
		out[i] = bot.Source{Doc: "doc.txt", Title: "Source " + strconv.Itoa(i+1), Quote: "Quote " + strings.Repeat("word ", 50) + "end."}
	}
	return out
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
