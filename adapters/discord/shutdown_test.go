package discord

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/discord/discordtest"
	"github.com/durandbot/durand/internal/testutil"
)

// hangReplies picks the bot's replies in the test channel.
func hangReplies(r *http.Request) bool {
	return r.Method == http.MethodPost && r.URL.Path == "/api/v9/channels/"+discordtest.ChannelID+"/messages"
}

// TestReplyBoundedByWorkTimeout answers a mention into a REST call that
// never returns: the work gives up at WorkTimeout, not at the client's
// 20-second timeout.
func TestReplyBoundedByWorkTimeout(t *testing.T) {
	t.Parallel()
	f := discordtest.NewFake(t)
	h := newHangingDiscord(t, f, hangReplies)
	a, logs := start(t, f, func(c *Config) { c.APIURL, c.WorkTimeout = h.URL()+"/api/v9/", 300*time.Millisecond })
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan"))
	discordtest.Eventually(t, "the reply to hang", func() bool { return h.Hung() == 1 })
	testutil.ReturnsWithin(t, "the hanging reply", 3*time.Second, a.work.Wait)
	if !strings.Contains(logs.String(), "reply failed") {
		t.Errorf("the failed reply is not logged:\n%s", logs)
	}
}

// TestShutdownAbandonsWork leaves work in flight — a reply that hangs, or
// an answer still being worked on — and shuts down: Shutdown returns at
// its deadline, logs what it abandoned, and nothing more is sent.
func TestShutdownAbandonsWork(t *testing.T) {
	t.Parallel()
	const deadline = 200 * time.Millisecond
	tests := []struct {
		name  string
		block bool // the answer itself never finishes
	}{
		{"hanging reply", false},
		{"answer in flight", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := discordtest.NewFake(t)
			h := newHangingDiscord(t, f, hangReplies)
			kb, err := packBase()
			if err != nil {
				t.Fatal(err)
			}
			router, release := testutil.BlockingRouter(t, kb)
			if !tt.block {
				release()
			}
			a, logs := start(t, f, func(c *Config) { c.APIURL, c.Router = h.URL()+"/api/v9/", router })
			f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan"))
			if !tt.block {
				discordtest.Eventually(t, "the reply to hang", func() bool { return h.Hung() == 1 })
			} else {
				discordtest.Eventually(t, "the answer to start", func() bool { return a.work.Busy() == 1 })
			}
			ctx, cancel := context.WithTimeout(context.Background(), deadline)
			defer cancel()
			var n int
			testutil.ReturnsWithin(t, "Shutdown", deadline+time.Second, func() { n = a.Shutdown(ctx) })
			if n != 1 {
				t.Errorf("Shutdown abandoned %d tasks, want 1", n)
			}
			if !strings.Contains(logs.String(), "unfinished work abandoned") {
				t.Errorf("the abandoned work is not logged:\n%s", logs)
			}
			if !tt.block {
				discordtest.Eventually(t, "the abandoned reply to return", func() bool { return a.work.Busy() == 0 })
			}
			release()
			if rs := replies(f, discordtest.ChannelID); len(rs) != 0 {
				t.Errorf("abandoned work still replied: %v", rs)
			}
		})
	}
}
