package console

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/durandbot/durand/internal/golden"

	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
	"github.com/durandbot/durand/seeds"
)

func TestRenderGolden(t *testing.T) {
	resp := bot.Response{
		Kind:  bot.KindAnswer,
		Lead:  "Asif Durrani is Pakistan's special representative on Afghanistan.",
		Lines: []string{"He met Amir Khan Muttaqi on 22 September 2023."},
		Sources: []bot.Source{
			{Doc: "000_3fe99d22d84a294d.txt", Title: "Pakistan's Viewpoint of Afghanistan", Author: "Imtiaz Gul", Section: "5.2 Further strain in ties"},
			{Doc: "001_d9af7352ab9a518c.txt", Title: "Untitled", Section: "¶20"},
		},
	}
	decline := bot.Response{Kind: bot.KindDecline, Lead: knowledge.DeclineText, Suggestions: []string{"who is Imran Khan", "what is the TTP"}}
	timeline := bot.Response{Kind: bot.KindTimeline, Lead: "5 September 2023 — attack", Lines: []string{"9 September 2023 — démarche"}, More: 4}
	got := Render(resp) + "\n---\n" + Render(decline) + "\n---\n" + Render(timeline) + "\n"
	golden.Check(t, "testdata/render.golden", []byte(got))
}

func TestRunPipe(t *testing.T) {
	kb, err := knowledge.Load(seeds.FS())
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	a := &Adapter{Router: bot.NewRouter(kb, nil), In: strings.NewReader("who is asif durrani\n\n  \nexit\nwho is imran khan\n"), Out: &out}
	if err := a.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "special representative") || strings.Contains(out.String(), "Imran") {
		t.Errorf("output = %q", out.String())
	}
	if strings.Contains(out.String(), prompt) {
		t.Error("a pipe should get no prompt")
	}
}
