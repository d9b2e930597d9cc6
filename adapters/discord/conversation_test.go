package discord

import (
	"strings"
	"testing"

	"github.com/durandbot/durand/adapters/discord/discordtest"
	"github.com/durandbot/durand/bot"
)

// conversing makes the adapter's router keep conversations, in memory.
func conversing(c *Config) {
	c.Router.SetConversations(bot.ConversationSettings{Store: bot.NewMemoryStore()})
}

// replyTo is MESSAGE_CREATE data for the user's reply to message to, with
// no mention of durand: Discord sends the message replied to along.
func replyTo(f *discordtest.Fake, to map[string]any, content string) map[string]any {
	m := f.UserMessage(discordtest.ChannelID, content)
	m["type"] = 19 // REPLY
	m["message_reference"] = map[string]any{"message_id": to["id"], "channel_id": discordtest.ChannelID, "guild_id": discordtest.GuildID}
	m["referenced_message"] = to
	return m
}

// TestReplyChainIsAConversation: a reply to durand's answer is answered
// with no mention, read against the question that answer replied to —
// "he" is the person asked about — and a reply to that answer goes on
// with the same conversation.
func TestReplyChainIsAConversation(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, conversing)
	q := f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is asif durrani")
	f.Dispatch(t, "MESSAGE_CREATE", q)
	first := botReply(t, f, discordtest.ChannelID, q["id"].(string))
	follow := replyTo(f, first, "what did he tell the taliban about the ttp?")
	f.Dispatch(t, "MESSAGE_CREATE", follow)
	discordtest.Eventually(t, "the follow-up's answer", func() bool { return len(replies(f, discordtest.ChannelID)) == 2 })
	second := replies(f, discordtest.ChannelID)[1]
	assertNoMentions(t, second.Body)
	if ref, _ := second.Body["message_reference"].(map[string]any); ref == nil || ref["message_id"] != follow["id"] {
		t.Errorf("the follow-up's answer does not reply to it: %v", second.Body["message_reference"])
	}
	if e := embedText(t, second.Body); !strings.Contains(e, "red line") {
		t.Errorf("follow-up answer %s, want what Durrani told the Taliban", e)
	}
	// The chain goes on: "sources" now means the last answer's.
	f.Dispatch(t, "MESSAGE_CREATE", replyTo(f, botReply(t, f, discordtest.ChannelID, follow["id"].(string)), "sources"))
	discordtest.Eventually(t, "the sources", func() bool { return len(replies(f, discordtest.ChannelID)) == 3 })
	if e := embedText(t, replies(f, discordtest.ChannelID)[2].Body); !strings.Contains(e, "That answer rests on") || !strings.Contains(e, "red line") {
		t.Errorf("'sources' in the chain: %s", e)
	}
	// A reply to someone else's message, with no mention, is not for durand.
	other := replyTo(f, f.UserMessage(discordtest.ChannelID, "who is he?"), "and what did he say?")
	f.Dispatch(t, "MESSAGE_CREATE", other)
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> hi"))
	discordtest.Eventually(t, "the greeting answered", func() bool { return len(replies(f, discordtest.ChannelID)) == 4 })
	if e := embedText(t, replies(f, discordtest.ChannelID)[3].Body); !strings.Contains(e, "Hello") {
		t.Errorf("a reply to someone else was answered, or the greeting was not: %s", e)
	}
}

// TestDirectMessagesAreAConversation: in a DM each message follows the
// one before.
func TestDirectMessagesAreAConversation(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, conversing)
	const dmChannel = "400000000000000019"
	for i, q := range []string{"when did pakistan close torkham", "why?"} {
		m := f.UserMessage(dmChannel, q)
		delete(m, "guild_id")
		delete(m, "member")
		f.Dispatch(t, "MESSAGE_CREATE", m)
		discordtest.Eventually(t, "an answer", func() bool { return len(replies(f, dmChannel)) == i+1 })
	}
	if e := embedText(t, replies(f, dmChannel)[1].Body); !strings.Contains(e, "Chitral") {
		t.Errorf("'why?' in a DM: %s, want the reason Torkham was closed", e)
	}
}
