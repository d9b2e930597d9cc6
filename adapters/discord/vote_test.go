package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/durandbot/durand/adapters/discord/discordtest"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
)

// startVoting runs an adapter whose Router keeps feedback in the
// returned store.
func startVoting(t *testing.T, f *discordtest.Fake, mutate func(*Config)) *bot.MemoryStore {
	t.Helper()
	store := bot.NewMemoryStore()
	start(t, f, func(c *Config) {
		kb, _ := packBase()
		c.Router = bot.NewRouter(kb, nil)
		c.Router.SetFeedback(bot.FeedbackSettings{Store: store, KeepText: true})
		if mutate != nil {
			mutate(c)
		}
	})
	return store
}

// feedback returns what store keeps.
func feedback(t *testing.T, store bot.Store) []bot.Feedback {
	t.Helper()
	recs, err := store.FeedbackSince(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// votes returns the records of votes (not of declined questions).
func votes(t *testing.T, store bot.Store) []bot.Feedback {
	t.Helper()
	var out []bot.Feedback
	for _, r := range feedback(t, store) {
		if r.Rating != bot.RatingDeclined {
			out = append(out, r)
		}
	}
	return out
}

// buttons returns the custom ids of the buttons in a message's (or a
// request body's) components, by their emoji.
func buttons(t *testing.T, msg map[string]any) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, r := range asSlice(msg["components"]) {
		row, _ := r.(map[string]any)
		if row["type"] != 1.0 {
			t.Errorf("component %v is not an action row", r)
		}
		for _, c := range asSlice(row["components"]) {
			b, _ := c.(map[string]any)
			emoji, _ := b["emoji"].(map[string]any)
			out[fmt.Sprint(emoji["name"])] = fmt.Sprint(b["custom_id"])
		}
	}
	return out
}

// botReply returns the bot's message in channel replying to the message
// with id to.
func botReply(t *testing.T, f *discordtest.Fake, channel, to string) map[string]any {
	t.Helper()
	var found map[string]any
	discordtest.Eventually(t, "the reply", func() bool {
		for _, m := range f.Messages(channel) {
			if ref, _ := m["message_reference"].(map[string]any); ref["message_id"] == to {
				found = m
				return true
			}
		}
		return false
	})
	return found
}

// wantEphemeral checks an interaction was answered with an ephemeral
// message holding text, with no buttons, allowing no mentions.
func wantEphemeral(t *testing.T, f *discordtest.Fake, it map[string]any, text string) {
	t.Helper()
	discordtest.Eventually(t, "the callback", func() bool { return len(interactionCallbacks(f, it)) == 1 })
	c := interactionCallbacks(f, it)[0]
	data, _ := c.Body["data"].(map[string]any)
	if c.Status >= 300 || c.Body["type"] != 4.0 {
		t.Fatalf("callback %d %s, want a message (type 4)", c.Status, c.RawBody)
	}
	if data["flags"] != 64.0 {
		t.Errorf("flags %v, want 64 (ephemeral)", data["flags"])
	}
	if !strings.Contains(embedText(t, data), text) {
		t.Errorf("callback %s, want %q", c.RawBody, text)
	}
	if len(asSlice(data["components"])) != 0 {
		t.Errorf("the reply to a vote has buttons: %s", c.RawBody)
	}
	assertNoMentions(t, data)
}

// TestVoteUpOnMention presses 👍 on the reply to a mention: the vote is
// kept with the question (recovered from the message replied to, as the
// custom id may not hold it), the voter alone is thanked, and the shared
// message keeps its buttons.
func TestVoteUpOnMention(t *testing.T) {
	f := discordtest.NewFake(t)
	store := startVoting(t, f, nil)
	msg := f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> Who is Asif Durrani?")
	f.Dispatch(t, "MESSAGE_CREATE", msg)
	reply := botReply(t, f, discordtest.ChannelID, msg["id"].(string))
	ids := buttons(t, reply)
	if !strings.HasPrefix(ids["👍"], VoteUpID) || !strings.HasPrefix(ids["👎"], VoteDownID) || len(ids) != 2 {
		t.Fatalf("buttons %v, want 👍 %s… and 👎 %s…", ids, VoteUpID, VoteDownID)
	}

	press := f.ComponentPress(discordtest.ChannelID, reply["id"].(string), ids["👍"])
	f.Dispatch(t, "INTERACTION_CREATE", press)
	wantEphemeral(t, f, press, bot.Thanks)
	recs := votes(t, store)
	if len(recs) != 1 {
		t.Fatalf("%d votes kept, want 1: %+v", len(recs), recs)
	}
	r := recs[0]
	if r.Rating != bot.RatingUp || r.Platform != "discord" || r.Channel != discordtest.ChannelID ||
		r.Question != knowledge.Normalize("Who is Asif Durrani?") || len(r.Facts) == 0 || r.Confidence <= 0 || r.Comment != "" {
		t.Errorf("kept %+v", r)
	}
	if edits := f.CallsTo("PATCH", "/api/v9/channels/"); len(edits) != 0 {
		t.Errorf("the shared message was edited: %+v", edits)
	}
	if after := f.Messages(discordtest.ChannelID); len(buttons(t, after[0])) != 2 {
		t.Errorf("the shared message lost its buttons: %v", after[0]["components"])
	}
}

// TestVoteDownWithComment presses 👎 on a /durand answer: a modal asks
// what was wrong, and its submission keeps the vote with the comment.
func TestVoteDownWithComment(t *testing.T) {
	f := discordtest.NewFake(t)
	store := startVoting(t, f, nil)
	cmd := f.SlashCommand(discordtest.ChannelID, CommandName, map[string]any{"question": "who is noor wali mehsud"})
	f.Dispatch(t, "INTERACTION_CREATE", cmd)
	var answer map[string]any
	discordtest.Eventually(t, "the answer", func() bool { answer = f.Original(cmd["token"].(string)); return answer != nil })
	down := buttons(t, answer)["👎"]
	if !strings.HasPrefix(down, VoteDownID) {
		t.Fatalf("buttons %v", answer["components"])
	}

	press := f.ComponentPress(discordtest.ChannelID, answer["id"].(string), down)
	f.Dispatch(t, "INTERACTION_CREATE", press)
	discordtest.Eventually(t, "the modal", func() bool { return len(interactionCallbacks(f, press)) == 1 })
	c := interactionCallbacks(f, press)[0]
	if c.Status >= 300 || c.Body["type"] != 9.0 {
		t.Fatalf("callback %d %s, want a modal (type 9)", c.Status, c.RawBody)
	}
	modal := f.Modal(press["token"].(string))
	if modal["custom_id"] != down {
		t.Errorf("modal custom_id %v, want the button's %s", modal["custom_id"], down)
	}
	rows := asSlice(modal["components"])
	if len(rows) != 1 {
		t.Fatalf("modal rows %v", rows)
	}
	in, _ := asSlice(rows[0].(map[string]any)["components"])[0].(map[string]any)
	if in["type"] != 4.0 || in["style"] != 2.0 || in["label"] != "What was wrong?" || in["required"] != false {
		t.Errorf("text input %v, want an optional paragraph \"What was wrong?\"", in)
	}
	if len(votes(t, store)) != 0 {
		t.Error("a vote was kept before the modal was submitted")
	}

	sub := f.ModalSubmit(discordtest.ChannelID, answer["id"].(string), down, map[string]string{in["custom_id"].(string): "  He was killed in 2023? <@&1> @everyone  "})
	f.Dispatch(t, "INTERACTION_CREATE", sub)
	wantEphemeral(t, f, sub, bot.Thanks)
	recs := votes(t, store)
	if len(recs) != 1 {
		t.Fatalf("%d votes kept, want 1", len(recs))
	}
	r := recs[0]
	if r.Rating != bot.RatingDown || r.Question != "who is noor wali mehsud" || r.Comment != "He was killed in 2023? <@&1> @everyone" || len(r.Facts) == 0 {
		t.Errorf("kept %+v", r)
	}

	// Submitted empty, the modal keeps a vote without a comment.
	sub = f.ModalSubmit(discordtest.ChannelID, answer["id"].(string), down, map[string]string{in["custom_id"].(string): ""})
	f.Dispatch(t, "INTERACTION_CREATE", sub)
	wantEphemeral(t, f, sub, bot.Thanks)
	if recs := votes(t, store); len(recs) != 2 || recs[1].Rating != bot.RatingDown || recs[1].Comment != "" {
		t.Errorf("kept %+v", recs)
	}
}

// TestDeferredAnswerHasButtons: an answer edited in after deferring
// carries the buttons too.
func TestDeferredAnswerHasButtons(t *testing.T) {
	f := discordtest.NewFake(t)
	startVoting(t, f, func(c *Config) { c.AnswerTimeout = time.Nanosecond })
	it := f.SlashCommand(discordtest.ChannelID, CommandName, map[string]any{"question": "timeline of the ttp"})
	f.Dispatch(t, "INTERACTION_CREATE", it)
	discordtest.Eventually(t, "the answer", func() bool {
		m := f.Original(it["token"].(string))
		return m != nil && len(asSlice(m["embeds"])) > 0
	})
	if ids := buttons(t, f.Original(it["token"].(string))); len(ids) != 2 || !strings.HasPrefix(ids["👍"], VoteUpID) {
		t.Errorf("buttons %v", ids)
	}
}

// TestNoButtonsOffAnswers: declines, help, info and the digest carry no
// buttons, and declines are still kept as declined.
func TestNoButtonsOffAnswers(t *testing.T) {
	f := discordtest.NewFake(t)
	store := startVoting(t, f, nil)
	for _, q := range []string{"what is the capital of peru", "help", "sources", "digest status"} {
		t.Run(q, func(t *testing.T) {
			msg := f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> "+q)
			f.Dispatch(t, "MESSAGE_CREATE", msg)
			if reply := botReply(t, f, discordtest.ChannelID, msg["id"].(string)); len(asSlice(reply["components"])) != 0 {
				t.Errorf("buttons on the reply to %q: %v", q, reply["components"])
			}
		})
	}
	if recs := feedback(t, store); len(recs) != 1 || recs[0].Rating != bot.RatingDeclined {
		t.Errorf("kept %+v, want the one declined question", recs)
	}
}

// TestVoteLongQuestion asks questions too long for a custom id: the
// buttons keep within Discord's 100 characters (the fake refuses more),
// and the vote keeps the whole question, recovered from the message (the
// /durand answer's footer, or the mention it replies to) — or, where the
// message shows none, no question at all.
func TestVoteLongQuestion(t *testing.T) {
	long := "timeline of the ttp attacks on pakistani troops and border guards from afghanistan in the years of the taliban government after august 2021"
	f := discordtest.NewFake(t)
	store := startVoting(t, f, nil)

	cmd := f.SlashCommand(discordtest.ChannelID, CommandName, map[string]any{"question": long})
	f.Dispatch(t, "INTERACTION_CREATE", cmd)
	var answer map[string]any
	discordtest.Eventually(t, "the answer", func() bool { answer = f.Original(cmd["token"].(string)); return answer != nil })
	msg := f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> "+long)
	f.Dispatch(t, "MESSAGE_CREATE", msg)
	reply := botReply(t, f, discordtest.ChannelID, msg["id"].(string))

	want := knowledge.Normalize(long)
	for _, m := range []map[string]any{answer, reply} {
		ids := buttons(t, m)
		if len(ids) != 2 {
			t.Fatalf("buttons %v on %v", m["components"], m["embeds"])
		}
		if _, ref, _ := parseVote(ids["👍"]); ref.Question == want {
			t.Fatalf("the question fits in %s; the test needs a longer one", ids["👍"])
		}
		for _, id := range ids {
			if n := utf8.RuneCountInString(id); n > 100 {
				t.Errorf("custom_id of %d characters: %s", n, id)
			}
		}
		press := f.ComponentPress(discordtest.ChannelID, m["id"].(string), ids["👍"])
		f.Dispatch(t, "INTERACTION_CREATE", press)
		wantEphemeral(t, f, press, bot.Thanks)
	}
	recs := votes(t, store)
	if len(recs) != 2 {
		t.Fatalf("%d votes", len(recs))
	}
	for _, r := range recs {
		if r.Question != want {
			t.Errorf("kept question %q, want %q", r.Question, want)
		}
	}

	// On a message that shows no question (here, one the fake has not
	// seen), a custom id full to the limit may hold a cut question: the
	// vote is kept without it. A shorter one holds the whole question.
	full := buttons(t, answer)["👍"]
	short := VoteUpID + ":0.80|durrani-role|who is asif durrani"
	for _, id := range []string{full, short} {
		press := f.ComponentPress(discordtest.ChannelID, "500000000000000099", id)
		f.Dispatch(t, "INTERACTION_CREATE", press)
		wantEphemeral(t, f, press, bot.Thanks)
	}
	recs = votes(t, store)
	if len(recs) != 4 {
		t.Fatalf("%d votes", len(recs))
	}
	if r := recs[2]; r.Question != "" || len(r.Facts) == 0 || r.Confidence <= 0 {
		t.Errorf("vote with a cut question kept %+v, want fact ids and confidence alone", r)
	}
	if r := recs[3]; r.Question != "who is asif durrani" || len(r.Facts) != 1 || r.Facts[0] != "durrani-role" || r.Confidence != 0.8 {
		t.Errorf("vote with a whole question kept %+v", r)
	}
}

// TestVoteButtonsFit renders answers with long fact ids and questions:
// each custom id keeps within 100 characters and reads back with the
// leading fact, and what of the question it holds.
func TestVoteButtonsFit(t *testing.T) {
	long := strings.Repeat("f", 90)
	tests := []struct {
		name string
		ref  bot.AnswerRef
	}{
		{"short", bot.AnswerRef{Question: "who is asif durrani", Facts: []string{"durrani-role"}, Confidence: 0.9}},
		{"long question", bot.AnswerRef{Question: strings.Repeat("très long ", 40), Facts: []string{"a", "b"}, Confidence: 1}},
		{"long facts", bot.AnswerRef{Question: "q", Facts: []string{"lead-" + long[:60], "second-" + long[:60], "third"}, Confidence: 0.5}},
		{"a fact too long for any id", bot.AnswerRef{Question: "q", Facts: []string{long}, Confidence: 0.5}},
		{"no facts", bot.AnswerRef{Confidence: 0.25}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref := tt.ref
			r := Render(bot.Response{Kind: bot.KindAnswer, Lead: "Lead.", Answer: &ref}, ref.Question)
			checkMessage(t, r)
			var body map[string]any
			if err := json.Unmarshal(marshal(t, Rendered{Components: r.Components}), &body); err != nil {
				t.Fatal(err)
			}
			ids := buttons(t, map[string]any{"components": body["Components"]})
			for emoji, want := range map[string]bot.Rating{"👍": bot.RatingUp, "👎": bot.RatingDown} {
				id := ids[emoji]
				if n := utf8.RuneCountInString(id); n > 100 || !utf8.ValidString(id) {
					t.Errorf("%s custom_id of %d characters: %q", emoji, n, id)
				}
				rating, got, ok := parseVote(id)
				if !ok || rating != want || got.Confidence != ref.Confidence {
					t.Fatalf("%s %q reads back as %v %+v %v", emoji, id, rating, got, ok)
				}
				if len(ref.Facts) > 0 && len(ref.Facts[0]) < 70 && (len(got.Facts) == 0 || got.Facts[0] != ref.Facts[0]) {
					t.Errorf("%s %q lost the leading fact %s", emoji, id, ref.Facts[0])
				}
				if !strings.HasPrefix(knowledge.Normalize(ref.Question), got.Question) {
					t.Errorf("%s %q: question %q is not the start of %q", emoji, id, got.Question, ref.Question)
				}
			}
		})
	}
}

// TestMalformedVotes sends component presses and modal submissions that
// are not durand's votes: each gets a short ephemeral answer, nothing is
// kept, nothing panics, and durand goes on answering.
func TestMalformedVotes(t *testing.T) {
	f := discordtest.NewFake(t)
	store := startVoting(t, f, nil)
	good := VoteUpID + ":0.90|durrani-role|who is asif durrani"
	tests := []struct {
		name string
		kind int // 3 component, 5 modal submit
		data any // the interaction's "data"; missing when nil
	}{
		{"component data missing", 3, nil},
		{"component data a string", 3, "durand"},
		{"component data null custom id", 3, map[string]any{"custom_id": nil, "component_type": 2}},
		{"component unknown custom id", 3, map[string]any{"custom_id": "approve", "component_type": 2}},
		{"component prefix only", 3, map[string]any{"custom_id": VoteUpID, "component_type": 2}},
		{"component bad ref", 3, map[string]any{"custom_id": VoteUpID + ":garbage", "component_type": 2}},
		{"component confidence over 1", 3, map[string]any{"custom_id": VoteUpID + ":2.00|a|q", "component_type": 2}},
		{"component other prefix", 3, map[string]any{"custom_id": "durand_feedback_sideways:0.90|a|q", "component_type": 2}},
		{"modal data missing", 5, nil},
		{"modal data a string", 5, "durand"},
		{"modal a 👍", 5, map[string]any{"custom_id": good, "components": []any{}}},
		{"modal bad ref", 5, map[string]any{"custom_id": VoteDownID + ":nope", "components": []any{}}},
		{"modal components null", 5, map[string]any{"custom_id": VoteDownID + ":0.90|a|q", "components": []any{nil}}},
		{"modal unknown component", 5, map[string]any{"custom_id": VoteDownID + ":0.90|a|q", "components": []any{map[string]any{"type": 99}}}},
		{"modal row of nulls", 5, map[string]any{"custom_id": VoteDownID + ":0.90|a|q", "components": []any{map[string]any{"type": 1, "components": []any{nil}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := f.ComponentPress(discordtest.ChannelID, "500000000000000077", good)
			it["type"] = tt.kind
			delete(it, "data")
			if tt.data != nil {
				it["data"] = tt.data
			}
			f.Dispatch(t, "INTERACTION_CREATE", it)
			wantEphemeral(t, f, it, "couldn't read that vote")
		})
	}
	if recs := feedback(t, store); len(recs) != 0 {
		t.Errorf("malformed votes kept %+v", recs)
	}
	msg := f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan")
	f.Dispatch(t, "MESSAGE_CREATE", msg)
	botReply(t, f, discordtest.ChannelID, msg["id"].(string))
}

// TestAskedIn reads the question back from the message a vote's button
// is on.
func TestAskedIn(t *testing.T) {
	footer := func(text string) *discordgo.Message {
		return &discordgo.Message{Embeds: []*discordgo.MessageEmbed{{Description: "x", Footer: &discordgo.MessageEmbedFooter{Text: text}}}}
	}
	long := strings.Repeat("word ", 60)
	tests := []struct {
		name  string
		m     *discordgo.Message
		q     string
		whole bool
	}{
		{"none", nil, "", false},
		{"no footer", &discordgo.Message{Embeds: []*discordgo.MessageEmbed{{Description: "x"}, nil}}, "", false},
		{"footer", footer("Q: who is asif durrani"), "who is asif durrani", true},
		{"footer as rendered", Render(bot.Response{Kind: bot.KindAnswer, Lead: "x"}, "ask <@123> and @everyone about https://x.example *now*").message(), "ask <@123> and @everyone about https://x.example *now*", true},
		{"footer cut", Render(bot.Response{Kind: bot.KindAnswer, Lead: "x"}, long).message(), long, false},
		{"reply to a mention", &discordgo.Message{ReferencedMessage: &discordgo.Message{Content: "<@1> who is imran khan"}}, "<@1> who is imran khan", true},
		{"reply to nothing", &discordgo.Message{MessageReference: &discordgo.MessageReference{MessageID: "1"}}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, whole := askedIn(tt.m)
			if whole != tt.whole || (tt.whole && q != tt.q) || (!tt.whole && (!strings.HasPrefix(tt.q, q) || (q == "") != (tt.q == ""))) {
				t.Errorf("askedIn = %q, %v; want %q, %v", q, whole, tt.q, tt.whole)
			}
		})
	}
}

// message is r as the message Discord would show.
func (r Rendered) message() *discordgo.Message {
	return &discordgo.Message{Content: r.Content, Embeds: r.Embeds}
}
