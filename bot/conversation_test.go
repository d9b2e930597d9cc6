package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/bot"
)

// TestConversations: a message with a conversation key is read against
// that conversation's last turn, and only that one's; a conversation is
// forgotten once its TTL has passed since its last message; small talk and
// a question back are neither answers nor declines.
func TestConversations(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	store := bot.NewMemoryStore()
	r := newRouter(t)
	r.SetConversations(bot.ConversationSettings{Store: store, TTL: 10 * time.Minute, Now: func() time.Time { return now }})
	msg := func(conv, text string) bot.Message {
		return bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: text, Conversation: conv}
	}
	r.Handle(ctx, msg("C1:t1", "who is asif durrani"))
	r.Handle(ctx, msg("C1:t2", "who is imran khan"))

	if resp := r.Handle(ctx, msg("C1:t1", "what did he tell the taliban about the ttp?")); !strings.Contains(resp.Lead, "red line") {
		t.Errorf("follow-up in t1: %q, want Durrani's red line", resp.Text())
	}
	if resp := r.Handle(ctx, msg("C1:t2", "what did he offer the ttp?")); !strings.Contains(resp.Text(), "amnesty") || strings.Contains(resp.Text(), "Durrani") {
		t.Errorf("follow-up in t2: %q, want Imran Khan's amnesty", resp.Text())
	}
	// The same words with no conversation stand alone.
	if resp := r.Handle(ctx, msg("", "what did he tell the taliban about the ttp?")); strings.Contains(resp.Text(), "red line") {
		t.Errorf("a message with no conversation was read against one: %q", resp.Text())
	}
	// "sources" in a conversation cites its last answer; elsewhere it lists
	// the documents.
	if resp := r.Handle(ctx, msg("C1:t1", "sources")); !strings.HasPrefix(resp.Lead, "That answer rests on") || len(resp.Sources) == 0 || resp.Sources[0].Quote == "" {
		t.Errorf("sources in t1: %+v", resp)
	}
	if resp := r.Handle(ctx, msg("", "sources")); resp.Lead != "I answer from these documents:" {
		t.Errorf("sources alone: %q", resp.Lead)
	}
	// Small talk: a reply with examples, no fact, nothing to vote on.
	if resp := r.Handle(ctx, msg("C1:t1", "thanks!")); resp.Kind != bot.KindInfo || resp.Answer != nil || len(resp.Sources) != 0 || len(resp.Suggestions) != 3 {
		t.Errorf("thanks: %+v", resp)
	}
	// ... which leaves the conversation where it was.
	if resp := r.Handle(ctx, msg("C1:t1", "when was that?")); !strings.Contains(resp.Text(), "2023") {
		t.Errorf("after small talk, 'when was that?': %q", resp.Text())
	}
	// Past the TTL the conversation is gone: "he" is asked about.
	now = now.Add(11 * time.Minute)
	resp := r.Handle(ctx, msg("C1:t1", "what did he say?"))
	if resp.Kind != bot.KindInfo || !strings.Contains(resp.Lead, "Who do you mean by “he”") {
		t.Errorf("after the TTL: %s %q, want durand to ask whom 'he' means", resp.Kind, resp.Lead)
	}
	// The answer to that ask-back, kept in the store, says whom: the
	// question asked back about is answered of him.
	if resp := r.Handle(ctx, msg("C1:t1", "i mean asif durrani")); !strings.Contains(resp.Lead, "red line") {
		t.Errorf("'i mean asif durrani' after the ask-back: %s %q, want what Durrani said", resp.Kind, resp.Lead)
	}
	if n, err := store.DeleteExpiredContexts(ctx, now.Add(11*time.Minute)); err != nil || n == 0 {
		t.Errorf("DeleteExpiredContexts = %d, %v; want the idle conversations deleted", n, err)
	}
}

// TestTimelineSaysHowToSeeMore: in a conversation a timeline says how to
// see the rest, and "more" shows the next entries; outside one it only
// counts them.
func TestTimelineSaysHowToSeeMore(t *testing.T) {
	ctx := context.Background()
	r := newRouter(t)
	r.SetConversations(bot.ConversationSettings{Store: bot.NewMemoryStore()})
	first := r.Handle(ctx, bot.Message{Platform: "discord", Channel: "C", User: "U", Text: "timeline ttp", Conversation: "C:1"})
	if first.Kind != bot.KindTimeline || !strings.HasSuffix(first.MoreLine(), "— say “more” for the next 6") {
		t.Fatalf("timeline: %s, more line %q", first.Kind, first.MoreLine())
	}
	next := r.Handle(ctx, bot.Message{Platform: "discord", Channel: "C", User: "U", Text: "more", Conversation: "C:1"})
	if next.Kind != bot.KindTimeline || len(next.Lines) == 0 {
		t.Fatalf("more: %+v", next)
	}
	for _, l := range next.Lines {
		for _, shown := range first.Lines {
			if l == shown && !strings.HasPrefix(l, "Key dates") {
				t.Errorf("'more' repeats %q", l)
			}
		}
	}
	thread := r.Handle(ctx, bot.Message{Platform: "slack", Channel: "C", User: "U", Text: "timeline ttp", Conversation: "C:2", MentionsNeeded: true})
	if !strings.HasSuffix(thread.MoreLine(), "— mention me with “more” for the next 6") {
		t.Errorf("in a Slack thread: more line %q, want it to say to mention durand", thread.MoreLine())
	}
	alone := r.Handle(ctx, bot.Message{Platform: "discord", Channel: "C", User: "U", Text: "timeline ttp"})
	if l := alone.MoreLine(); l == "" || strings.Contains(l, "say") {
		t.Errorf("a timeline outside a conversation: more line %q, want a count alone", l)
	}
}

// TestUnreadableContextStartsAfresh: a context the store returns that is
// not one (a bad row, an older shape) costs the follow-up, not the answer.
func TestUnreadableContextStartsAfresh(t *testing.T) {
	ctx := context.Background()
	now := time.Now()
	store := bot.NewMemoryStore()
	if err := store.SaveContext(ctx, "slack:C1:t9", []byte("{not json"), now, time.Hour); err != nil {
		t.Fatal(err)
	}
	r := newRouter(t)
	r.SetConversations(bot.ConversationSettings{Store: store})
	resp := r.Handle(ctx, bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: "who is asif durrani", Conversation: "C1:t9"})
	if resp.Kind != bot.KindAnswer || !strings.Contains(resp.Lead, "Asif Durrani") {
		t.Errorf("with an unreadable context: %s %q", resp.Kind, resp.Lead)
	}
	data, err := store.LoadContext(ctx, "slack:C1:t9", time.Now())
	if err != nil || !strings.Contains(string(data), "asif-durrani") {
		t.Errorf("the turn was not kept over the bad context: %s, %v", data, err)
	}
}
