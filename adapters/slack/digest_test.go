package slack

import (
	"context"
	"strings"
	"testing"

	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/bot"
)

func sampleDigest() bot.Digest {
	return bot.Digest{
		Date:  "2025-09-05",
		Title: "durand digest — Friday 5 September 2025",
		Sections: []bot.DigestSection{
			{Heading: "On this day", Lines: []string{"5 September 2023 — TTP militants attacked military posts in Chitral <!channel>."}},
			{Heading: "Fact of the day", Lines: []string{"Pakistan and Afghanistan share a 2,560-kilometre border."}},
			{Heading: "Focus: TTP", Lines: []string{"December 2007 — The TTP was founded.", "November 2022 — The TTP ended its ceasefire."}},
		},
		Sources: []bot.Source{{Doc: "000_3fe99d22d84a294d.txt", Title: "Pakistan's Viewpoint of Afghanistan", Author: "Imtiaz Gul", Section: "5.2 Further strain in ties"}},
	}
}

func TestRenderDigestGolden(t *testing.T) {
	checkGolden(t, "render_digest.json", RenderDigest(sampleDigest()))
}

func TestPostDigest(t *testing.T) {
	f := slacktest.NewFake(t)
	a, _, _ := testAdapter(t, f, nil)
	id, err := a.PostDigest(context.Background(), "C42", sampleDigest())
	if err != nil {
		t.Fatal(err)
	}
	posts := f.Posts()
	if len(posts) != 1 || posts[0].Get("channel") != "C42" || id == "" || !strings.HasPrefix(id, "C42/") {
		t.Fatalf("posts %v, id %q", posts, id)
	}
	blocks := posts[0].Get("blocks")
	for _, want := range []string{`"type":"header"`, "On this day", "Chitral", "Imtiaz Gul"} {
		if !strings.Contains(blocks, want) {
			t.Errorf("digest blocks lack %q: %s", want, blocks)
		}
	}
	if strings.Contains(blocks, "<!channel>") {
		t.Error("digest carries a live @channel")
	}
}
