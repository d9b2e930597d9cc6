package bot_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/bot"
)

func TestDigestCommands(t *testing.T) {
	store := bot.NewMemoryStore()
	r := newRouter(t)
	now := time.Date(2026, 11, 21, 22, 0, 0, 0, time.UTC)
	r.SetDigest(bot.DigestSettings{Store: store, DefaultZone: time.UTC, Now: func() time.Time { return now }})
	ctx := context.Background()
	k := bot.ChannelKey{Platform: "slack", Channel: "C9"}
	say := func(text string, manager bool) bot.Response {
		return r.Handle(ctx, bot.Message{Platform: "slack", Channel: "C9", User: "U1", Text: text, Manager: manager, ManagerHint: "users listed in DURAND_ADMINS"})
	}
	sub := func() (bot.Subscription, bool) {
		s, err := store.Subscription(ctx, k)
		return s, !errors.Is(err, bot.ErrNotFound)
	}

	steps := []struct {
		text    string
		manager bool
		lead    string // a substring of the reply
		hour    int    // the subscription afterwards; -1: none
		min     int
		zone    string
	}{
		{"digest status", false, "no daily digest", -1, 0, ""},
		{"digest on 08:00 Asia/Karachi", false, "Only users listed in DURAND_ADMINS", -1, 0, ""},
		{"<@U0BOT> digest on 08:00 Asia/Karachi", true, "every day at 08:00 Asia/Karachi (next: Sunday 22 November, 08:00)", 8, 0, "Asia/Karachi"},
		{"digest on 25:00 Asia/Karachi", true, "not a time of day", 8, 0, "Asia/Karachi"},
		{"digest on 07:30 Mars/Olympus", true, "don't know the time zone", 8, 0, "Asia/Karachi"},
		{"digest on", true, "Say when", 8, 0, "Asia/Karachi"},
		{"digest on 7:30 asia/kabul", true, "07:30 Asia/Kabul", 7, 30, "Asia/Kabul"},
		{"digest on 6pm", true, "18:00 UTC", 18, 0, "UTC"},
		{"digest status", false, "every day at 18:00 UTC", 18, 0, "UTC"},
		{"digest frobnicate", true, "don't know", 18, 0, "UTC"},
		{"digest off", false, "Only users", 18, 0, "UTC"},
		{"digest off", true, "off", -1, 0, ""},
		{"digest off", true, "nothing changed", -1, 0, ""},
	}
	for _, st := range steps {
		resp := say(st.text, st.manager)
		if !strings.Contains(resp.Lead, st.lead) {
			t.Errorf("%q: reply %q, want %q", st.text, resp.Lead, st.lead)
		}
		s, ok := sub()
		switch {
		case st.hour < 0 && ok:
			t.Errorf("%q: subscription %+v, want none", st.text, s)
		case st.hour >= 0 && (!ok || s.Hour != st.hour || s.Minute != st.min || s.Zone != st.zone):
			t.Errorf("%q: subscription %+v (exists %v), want %02d:%02d %s", st.text, s, ok, st.hour, st.min, st.zone)
		}
	}
}

func TestDigestPreview(t *testing.T) {
	r := newRouter(t)
	r.SetDigest(bot.DigestSettings{Store: bot.NewMemoryStore(), Now: func() time.Time { return time.Date(2026, 9, 5, 9, 0, 0, 0, time.UTC) }})
	resp := r.Handle(context.Background(), bot.Message{Platform: "console", Channel: "console", Text: "digest preview"})
	if resp.Digest == nil || !strings.Contains(resp.Lead, "5 September 2026") || !strings.Contains(resp.Digest.Text(), "Fact of the day") {
		t.Errorf("preview %+v", resp)
	}
}

func TestDigestCommandsOff(t *testing.T) {
	resp := newRouter(t).Handle(context.Background(), bot.Message{Text: "digest on 08:00", Manager: true})
	if !strings.Contains(resp.Lead, "not set up") {
		t.Errorf("without a store: %q", resp.Lead)
	}
}
