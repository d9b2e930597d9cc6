package slack

import (
	"sync"
	"testing"

	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
	"github.com/durandbot/durand/seeds"
)

const (
	testSecret   = "8f742231b10e8888abcd99yyyzzz85a5"
	testBotToken = "xoxb-test-token"
	testAppToken = "xapp-test-token"
	testBotUser  = slacktest.BotUser
)

var packBase = sync.OnceValues(func() (*knowledge.Base, error) { return knowledge.Load(seeds.FS()) })

func testRouter(t testing.TB) *bot.Router {
	t.Helper()
	kb, err := packBase()
	if err != nil {
		t.Fatal(err)
	}
	return bot.NewRouter(kb, nil)
}
