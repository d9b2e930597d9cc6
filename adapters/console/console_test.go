package console

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

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
			{Doc: "000_3fe99d22d84a294d.txt", Title: "Pakistan's Viewpoint of Afghanistan", Author: "Imtiaz Gul", Section: "5.2 Further strain in ties",
				Quote: "On September 22, in a high-level bilateral meeting led by Pakistan's special representative on Afghanistan, Asif Durrani"},
			{Doc: "001_d9af7352ab9a518c.txt", Title: "[A title we supplied]", Section: "¶20", URL: "https://example.org/notes", Quote: "Durrani conveyed the message."},
			{Doc: "000_3fe99d22d84a294d.txt", Title: "Pakistan's Viewpoint of Afghanistan", Author: "Imtiaz Gul", Section: "5.2 Further strain in ties",
				Quote: "the Taliban pledged \"concrete steps\" to combat the TTP (Gul, 2023b)."},
		},
	}
	decline := bot.Response{Kind: bot.KindDecline, Lead: knowledge.DeclineText, Suggestions: []string{"who is Imran Khan", "what is the TTP"}}
	timeline := bot.Response{Kind: bot.KindTimeline, Lead: "5 September 2023 — attack", Lines: []string{"9 September 2023 — démarche"}, More: 4}
	answer := resp
	answer.Answer = &bot.AnswerRef{Question: "who is asif durrani", Facts: []string{"f1"}, Confidence: 0.9}
	got := Render(resp) + "\n---\n" + Render(decline) + "\n---\n" + Render(timeline) + "\n---\n" + present(answer, true) + "\n"
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

// session runs lines through a console on the embedded pack whose feedback
// goes to a memory store, and returns the output and the records kept.
func session(t *testing.T, kb *knowledge.Base, lines string) (string, []bot.Feedback) {
	t.Helper()
	store := bot.NewMemoryStore()
	r := bot.NewRouter(kb, nil)
	r.SetFeedback(bot.FeedbackSettings{Store: store, KeepText: true})
	var out bytes.Buffer
	a := &Adapter{Router: r, In: strings.NewReader(lines), Out: &out, User: "tester"}
	if err := a.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	recs, err := store.FeedbackSince(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), recs
}

func TestConsoleVotes(t *testing.T) {
	kb, err := knowledge.Load(seeds.FS())
	if err != nil {
		t.Fatal(err)
	}
	const answered = "who is asif durrani\n"
	type vote struct {
		rating  bot.Rating
		comment string
	}
	tests := []struct {
		name  string
		lines string
		votes []vote // the up and down records kept, in order
		say   []string
	}{
		{"good", answered + "good\n", []vote{{bot.RatingUp, ""}}, []string{bot.Thanks}},
		{"good, capitalised", answered + "Good!\n", []vote{{bot.RatingUp, ""}}, []string{bot.Thanks}},
		{"bad", answered + "bad\n", []vote{{bot.RatingDown, ""}}, []string{bot.Thanks}},
		{"bad why", answered + "bad wrong person\n", []vote{{bot.RatingDown, "wrong person"}}, []string{bot.Thanks}},
		{"bad why, as typed", answered + "BAD  He left in 2024.\n", []vote{{bot.RatingDown, "He left in 2024."}}, []string{bot.Thanks}},
		{"good with nothing asked", "good\n", nil, []string{nothingToRate}},
		{"bad with nothing asked", "bad wrong person\n", nil, []string{nothingToRate}},
		{"twice", answered + "good\nbad\n", []vote{{bot.RatingUp, ""}}, []string{bot.Thanks, alreadyRated}},
		{"after a decline", "best biryani place in peshawar?\ngood\n", nil, []string{nothingToRate}},
		{"after help", answered + "help\nbad\n", nil, []string{nothingToRate}},
		{"each answer once", answered + "good\n" + answered + "bad not him\n",
			[]vote{{bot.RatingUp, ""}, {bot.RatingDown, "not him"}}, []string{bot.Thanks}},
		{"good morning is no vote", answered + "good morning\n", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, recs := session(t, kb, tt.lines)
			var got []vote
			for _, r := range recs {
				if r.Rating == bot.RatingDeclined {
					continue
				}
				got = append(got, vote{r.Rating, r.Comment})
				if r.Platform != "console" || len(r.Facts) == 0 || r.Question != "who is asif durrani" || r.Confidence <= 0 {
					t.Errorf("record %+v: want the answer's platform, question, facts and confidence", r)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.votes) {
				t.Errorf("votes %v, want %v\n%s", got, tt.votes, out)
			}
			for _, want := range tt.say {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			if len(tt.votes) == 0 && strings.Contains(out, bot.Thanks) {
				t.Errorf("thanks for no vote:\n%s", out)
			}
		})
	}
}

// TestConsoleVoteHint shows how to vote with the first answer, then with
// every hintEvery-th; never with what is not an answer.
func TestConsoleVoteHint(t *testing.T) {
	kb, err := knowledge.Load(seeds.FS())
	if err != nil {
		t.Fatal(err)
	}
	a := &Adapter{Router: bot.NewRouter(kb, nil), User: "tester"}
	var got, want []bool
	for i := range 2*hintEvery + 1 {
		got = append(got, strings.Contains(a.turn(context.Background(), "who is asif durrani"), voteHint))
		want = append(want, i%hintEvery == 0)
		if strings.Contains(a.turn(context.Background(), "best biryani place in peshawar?"), voteHint) {
			t.Error("a decline shows the hint")
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("hints %v, want %v", got, want)
	}
}

// TestConsoleDigestSaysNothingPosts: turning the digest on at the terminal
// says plainly that the setting lasts the session and nothing is posted,
// instead of promising a post that never comes.
func TestConsoleDigestSaysNothingPosts(t *testing.T) {
	kb, err := knowledge.Load(seeds.FS())
	if err != nil {
		t.Fatal(err)
	}
	r := bot.NewRouter(kb, nil)
	r.SetDigest(bot.DigestSettings{Store: bot.NewMemoryStore()})
	var out bytes.Buffer
	a := &Adapter{Router: r, In: strings.NewReader("digest on 08:00 UTC\n"), Out: &out, User: "tester"}
	if err := a.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "Daily digest on") || !strings.Contains(got, "posts nothing") {
		t.Errorf("output = %q, want the digest turned on and a word that the terminal posts nothing", got)
	}
}
