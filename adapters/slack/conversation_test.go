package slack

import (
	"strings"
	"testing"

	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/bot"
)

// conversing makes the test adapter's router keep conversations, in memory.
func conversing(c *Config) {
	c.Router.SetConversations(bot.ConversationSettings{Store: bot.NewMemoryStore()})
}

// TestThreadIsAConversation: a second mention in the thread durand answered
// in is read against the first — "he" is the person asked about — and is
// answered in that thread; the same words in another thread are not.
func TestThreadIsAConversation(t *testing.T) {
	f := slacktest.NewFake(t)
	a, srv, _ := testAdapter(t, f, conversing)
	postEvent(t, srv, slacktest.MentionEvent("Ev1", "U1", "", "<@"+testBotUser+"> who is asif durrani", "1700000000.000100", ""), "")
	slacktest.Eventually(t, "the first answer", func() bool { return len(f.Posts()) == 1 })
	postEvent(t, srv, slacktest.MentionEvent("Ev2", "U2", "", "<@"+testBotUser+"> what did he tell the taliban about the ttp?", "1700000050.000200", "1700000000.000100"), "")
	slacktest.Eventually(t, "the follow-up's answer", func() bool { return len(f.Posts()) == 2 })
	// The same follow-up as the first message of another thread has no
	// one to stand for "he".
	postEvent(t, srv, slacktest.MentionEvent("Ev3", "U1", "", "<@"+testBotUser+"> what did he tell the taliban about the ttp?", "1700000090.000300", ""), "")
	slacktest.Eventually(t, "the lone question's answer", func() bool { return len(f.Posts()) == 3 })
	a.Wait()
	posts := f.Posts()
	follow := posts[1]
	if follow.Get("thread_ts") != "1700000000.000100" || !strings.Contains(follow.Get("blocks"), "red line") {
		t.Errorf("follow-up answered in thread %q: %s", follow.Get("thread_ts"), follow.Get("blocks"))
	}
	if lone := posts[2]; lone.Get("thread_ts") != "1700000090.000300" || !strings.Contains(lone.Get("blocks"), "Who do you mean by") {
		t.Errorf("a follow-up in a new thread: %s, want durand to ask whom 'he' means", lone.Get("blocks"))
	}
}

// TestDirectMessageIsAConversation: in a direct message every message is
// answered, with no mention, and each is read against the one before; the
// answers go to the DM itself.
func TestDirectMessageIsAConversation(t *testing.T) {
	f := slacktest.NewFake(t)
	a, srv, _ := testAdapter(t, f, conversing)
	postEvent(t, srv, slacktest.DirectMessageEvent("EvD1", "U1", "when did pakistan close torkham", "1700000100.000100"), "")
	slacktest.Eventually(t, "the first answer", func() bool { return len(f.Posts()) == 1 })
	postEvent(t, srv, slacktest.DirectMessageEvent("EvD2", "U1", "sources", "1700000110.000100"), "")
	slacktest.Eventually(t, "the sources", func() bool { return len(f.Posts()) == 2 })
	a.Wait()
	posts := f.Posts()
	for _, p := range posts {
		if p.Get("channel") != "D1" || p.Get("thread_ts") != "" {
			t.Errorf("posted to %q thread %q, want the DM itself", p.Get("channel"), p.Get("thread_ts"))
		}
	}
	if b := posts[1].Get("blocks"); !strings.Contains(b, "That answer rests on") || !strings.Contains(b, "Torkham border crossing") {
		t.Errorf("'sources' after an answer: %s, want that answer's sources quoted", b)
	}
}
