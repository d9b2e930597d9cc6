package discord

import (
	"context"
	"strings"
	"testing"

	"github.com/durandbot/durand/adapters/discord/discordtest"
	"github.com/durandbot/durand/bot"
)

func sampleDigest() bot.Digest {
	return bot.Digest{
		Date:  "2025-09-05",
		Title: "durand digest — Friday 5 September 2025",
		Sections: []bot.DigestSection{
			{Heading: "On this day", Lines: []string{"5 September 2023 — TTP militants attacked military posts in Chitral @everyone."}},
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
	f := discordtest.NewFake(t)
	a, _ := start(t, f, nil)
	id, err := a.PostDigest(context.Background(), discordtest.ChannelID, sampleDigest())
	if err != nil {
		t.Fatal(err)
	}
	calls := replies(f, discordtest.ChannelID)
	if len(calls) != 1 || id == "" {
		t.Fatalf("%d posts, id %q", len(calls), id)
	}
	assertNoMentions(t, calls[0].Body)
	if e := embedText(t, calls[0].Body); !strings.Contains(e, "Chitral") || !strings.Contains(e, "Fact of the day") || !strings.Contains(e, "Imtiaz Gul") {
		t.Errorf("digest embed %s", e)
	}
	if strings.Contains(calls[0].RawBody, "@everyone") {
		t.Error("digest carries a live @everyone")
	}
}
