package bot_test

import (
	"testing"

	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/bot/storetest"
)

func TestMemoryStore(t *testing.T) {
	storetest.Run(t, func(*testing.T) bot.Store { return bot.NewMemoryStore() })
}
