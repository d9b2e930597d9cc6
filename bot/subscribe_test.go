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

// TestDigestZones: "digest on" takes only IANA Area/Location names and UTC.
// A name that is no place (Local, posixrules, Factory, legacy or POSIX
// rules) is refused with a message naming it, never as a live link, and
// the subscription stays as it was.
func TestDigestZones(t *testing.T) {
	tests := []struct {
		zone string
		want string // the zone stored; "" when refused
	}{
		{"Asia/Karachi", "Asia/Karachi"},
		{"asia/karachi", "Asia/Karachi"},
		{"America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"},
		{"america/argentina/buenos_aires", "America/Argentina/Buenos_Aires"},
		{"America/Port-au-Prince", "America/Port-au-Prince"},
		{"UTC", "UTC"},
		{"utc", "UTC"},
		{"Local", ""},
		{"local", ""},
		{"LOCAL", ""},
		{"posixrules", ""},
		{"Posixrules", ""},
		{"Factory", ""},
		{"factory", ""},
		{"EST5EDT", ""},
		{"CET", ""},
		{"GMT", ""},
		{"Etc/GMT+5", ""},
		{"US/Eastern", ""},
		{"posix/Asia/Karachi", ""},
		{"right/Asia/Karachi", ""},
		{"Asia", ""},
		{"Asia/", ""},
		{"/Asia/Karachi", ""},
		{"Asia//Karachi", ""},
		{"Asia/../Asia/Karachi", ""},
		{"Mars/Olympus", ""},
		{"Asia/Atlantis", ""},
		{"https://evil.example/nitro", ""},
		{"[free](https://evil.example/nitro)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			store := bot.NewMemoryStore()
			r := newRouter(t)
			now := time.Date(2026, 11, 21, 22, 0, 0, 0, time.UTC)
			r.SetDigest(bot.DigestSettings{Store: store, Now: func() time.Time { return now }})
			ctx := context.Background()
			k := bot.ChannelKey{Platform: "slack", Channel: "C9"}
			if err := store.Subscribe(ctx, bot.Subscription{Platform: "slack", Channel: "C9", Hour: 6, Zone: "Asia/Kabul", Since: now}); err != nil {
				t.Fatal(err)
			}
			resp := r.Handle(ctx, bot.Message{Platform: "slack", Channel: "C9", User: "U1", Text: "digest on 08:00 " + tt.zone, Manager: true})
			s, err := store.Subscription(ctx, k)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != "" {
				if s.Zone != tt.want || s.Hour != 8 {
					t.Errorf("subscription %02d:%02d %s (reply %q), want 08:00 %s", s.Hour, s.Minute, s.Zone, resp.Lead, tt.want)
				}
				return
			}
			if s.Zone != "Asia/Kabul" || s.Hour != 6 {
				t.Errorf("subscription changed to %02d:%02d %s (reply %q)", s.Hour, s.Minute, s.Zone, resp.Lead)
			}
			if !strings.Contains(resp.Lead, "time zone") || !strings.Contains(resp.Lead, "nothing changed") {
				t.Errorf("reply %q: want it to say the time zone is unknown and nothing changed", resp.Lead)
			}
			for _, bad := range []string{"://", "](", "evil.example"} {
				if strings.Contains(resp.Text(), bad) {
					t.Errorf("reply %q echoes %q, which could render as a live link", resp.Text(), bad)
				}
			}
			if strings.IndexFunc(tt.zone, func(r rune) bool { return strings.ContainsRune(":.[]()", r) }) < 0 && !strings.Contains(resp.Lead, tt.zone) {
				t.Errorf("reply %q does not name the zone %q", resp.Lead, tt.zone)
			}
		})
	}
}

// FuzzLoadZone: any name is either refused or gives a zone named
// Area/Location (or UTC); nothing panics.
func FuzzLoadZone(f *testing.F) {
	for _, s := range []string{"Asia/Karachi", "asia/karachi", "UTC", "Local", "posixrules", "Factory", "America/Argentina/Buenos_Aires", "Asia/../Etc/UTC", "Asia/a__b", "Asia/_", "Europe/-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		loc, err := bot.LoadZone(name)
		if err != nil {
			return
		}
		area, place, ok := strings.Cut(loc.String(), "/")
		if loc.String() != "UTC" && (!ok || place == "" || strings.ContainsAny(loc.String(), ". ") || area == "Etc") {
			t.Errorf("LoadZone(%q) = %q, not an Area/Location name", name, loc)
		}
	})
}
