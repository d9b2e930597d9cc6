package discord

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/durandbot/durand/adapters/discord/discordtest"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
	"github.com/durandbot/durand/seeds"
)

const testToken = "test-token-discord"

var packBase = sync.OnceValues(func() (*knowledge.Base, error) { return knowledge.Load(seeds.FS()) })

// logBuffer collects the adapter's log while it runs.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// start runs an adapter against the fake until the test ends.
func start(t testing.TB, f *discordtest.Fake, mutate func(*Config)) (*Adapter, *logBuffer) {
	t.Helper()
	return startWith(t, f, mutate, nil)
}

// startWith is start with tweak applied to the adapter before it connects
// (e.g. to wrap its HTTP transport).
func startWith(t testing.TB, f *discordtest.Fake, mutate func(*Config), tweak func(*Adapter)) (*Adapter, *logBuffer) {
	t.Helper()
	kb, err := packBase()
	if err != nil {
		t.Fatal(err)
	}
	logs := &logBuffer{}
	cfg := Config{Token: testToken, APIURL: f.APIURL(), Router: bot.NewRouter(kb, nil), Log: slog.New(slog.NewTextHandler(logs, nil))}
	if mutate != nil {
		mutate(&cfg)
	}
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if tweak != nil {
		tweak(a)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return")
		}
		if strings.Contains(logs.String(), testToken) {
			t.Error("log leaks the bot token")
		}
	})
	f.WaitReady(t)
	discordtest.Eventually(t, "commands registered", func() bool { return len(f.CallsTo("PUT", "/api/v9/applications/")) > 0 })
	return a, logs
}

// replies returns the messages the bot posted to channel.
func replies(f *discordtest.Fake, channel string) []discordtest.Call {
	var out []discordtest.Call
	for _, c := range f.CallsTo("POST", "/api/v9/channels/"+channel+"/messages") {
		if c.Status < 300 {
			out = append(out, c)
		}
	}
	return out
}

func embedText(t *testing.T, body map[string]any) string {
	t.Helper()
	b, err := json.Marshal(body["embeds"])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// assertNoMentions checks a request body allows no mentions at all.
func assertNoMentions(t *testing.T, body map[string]any) {
	t.Helper()
	am, ok := body["allowed_mentions"].(map[string]any)
	if !ok {
		t.Fatalf("no allowed_mentions in %v", body)
	}
	if p, ok := am["parse"].([]any); !ok || len(p) != 0 {
		t.Errorf("allowed_mentions.parse = %v, want []", am["parse"])
	}
	if am["replied_user"] == true || am["users"] != nil || am["roles"] != nil {
		t.Errorf("allowed_mentions %v allows pings", am)
	}
}

func TestIdentifyAndRegistration(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, func(c *Config) { c.GuildID = discordtest.GuildID })
	ids := f.Identifies()
	if len(ids) == 0 {
		t.Fatal("no IDENTIFY")
	}
	intents := int(ids[0]["intents"].(float64))
	const guildMessages, directMessages, messageContent = 1 << 9, 1 << 12, 1 << 15
	if intents != guildMessages|directMessages || intents&messageContent != 0 {
		t.Errorf("intents = %d, want guild and direct messages only (%d)", intents, guildMessages|directMessages)
	}
	puts := f.CallsTo("PUT", "/api/v9/applications/"+discordtest.AppID+"/guilds/"+discordtest.GuildID+"/commands")
	if len(puts) != 1 || !strings.Contains(puts[0].RawBody, `"autocomplete":true`) || !strings.Contains(puts[0].RawBody, `"name":"durand"`) {
		t.Errorf("guild command registration: %+v", puts)
	}
	if len(f.CallsTo("PUT", "/api/v9/applications/"+discordtest.AppID+"/commands")) != 0 {
		t.Error("registered globally although DISCORD_GUILD_ID is set")
	}
}

func TestMentionAnsweredAsReply(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, nil)
	msg := f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is asif durrani @everyone")
	f.Dispatch(t, "MESSAGE_CREATE", msg)
	discordtest.Eventually(t, "one reply", func() bool { return len(replies(f, discordtest.ChannelID)) == 1 })
	c := replies(f, discordtest.ChannelID)[0]
	ref, _ := c.Body["message_reference"].(map[string]any)
	if ref == nil || ref["message_id"] != msg["id"] {
		t.Errorf("reply is not a reply to %v: %v", msg["id"], c.Body["message_reference"])
	}
	assertNoMentions(t, c.Body)
	if e := embedText(t, c.Body); !strings.Contains(e, "special representative") || !strings.Contains(e, `"name":"Sources","value":"📄 **`) {
		t.Errorf("embed %s", e)
	}
	if strings.Contains(c.RawBody, "@everyone") {
		t.Errorf("reply echoes a live @everyone: %s", c.RawBody)
	}
	if c.Auth != "Bot "+testToken {
		t.Errorf("Authorization %q", c.Auth)
	}
}

func TestWhatIsIgnored(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, nil)
	botMsg := f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan")
	botMsg["author"] = map[string]any{"id": "500000000000000001", "username": "otherbot", "bot": true, "discriminator": "0"}
	self := f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan")
	self["author"] = map[string]any{"id": discordtest.BotUserID, "username": "durand", "bot": true, "discriminator": "0"}
	f.Dispatch(t, "MESSAGE_CREATE", botMsg)
	f.Dispatch(t, "MESSAGE_CREATE", self)
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "who is imran khan, anyone?")) // no mention
	edited := f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan")
	f.Dispatch(t, "MESSAGE_UPDATE", edited)
	// A direct message needs no mention; it proves the others were seen first.
	dm := f.UserMessage("400000000000000009", "who is sarfraz bugti")
	delete(dm, "guild_id")
	delete(dm, "member")
	f.Dispatch(t, "MESSAGE_CREATE", dm)
	discordtest.Eventually(t, "the DM answered", func() bool { return len(replies(f, "400000000000000009")) == 1 })
	time.Sleep(100 * time.Millisecond) // let any wrong reply to the earlier events land
	if n := len(replies(f, discordtest.ChannelID)); n != 0 {
		t.Errorf("%d replies in the guild channel; bots, itself, unmentioned messages and edits must get none", n)
	}
	if e := embedText(t, replies(f, "400000000000000009")[0].Body); !strings.Contains(e, "interior minister") {
		t.Errorf("DM answer %s", e)
	}
}

func interactionCallbacks(f *discordtest.Fake, it map[string]any) []discordtest.Call {
	return f.CallsTo("POST", "/api/v9/interactions/"+it["id"].(string)+"/")
}

func TestSlashCommandAnswered(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, nil)
	it := f.SlashCommand(discordtest.ChannelID, "durand", map[string]any{"question": "who is noor wali mehsud"})
	f.Dispatch(t, "INTERACTION_CREATE", it)
	discordtest.Eventually(t, "the callback", func() bool { return len(interactionCallbacks(f, it)) == 1 })
	c := interactionCallbacks(f, it)[0]
	if c.Status >= 300 || int(c.Body["type"].(float64)) != 4 {
		t.Fatalf("callback %d %v", c.Status, c.Body)
	}
	data := c.Body["data"].(map[string]any)
	assertNoMentions(t, data)
	if e := embedText(t, data); !strings.Contains(e, "Noor Wali Mehsud") {
		t.Errorf("embed %s", e)
	}
	if strings.Contains(c.Path, it["token"].(string)) && !strings.HasSuffix(c.Path, "/callback") {
		t.Errorf("odd callback path %s", c.Path)
	}
}

func TestSlowSlashCommandDeferred(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, func(c *Config) { c.AnswerTimeout = time.Nanosecond })
	it := f.SlashCommand(discordtest.ChannelID, "durand", map[string]any{"question": "timeline of the ttp"})
	f.Dispatch(t, "INTERACTION_CREATE", it)
	edits := func() []discordtest.Call {
		return f.CallsTo("PATCH", "/api/v9/webhooks/"+discordtest.AppID+"/"+it["token"].(string)+"/messages/@original")
	}
	discordtest.Eventually(t, "the callback and the edit", func() bool {
		return len(interactionCallbacks(f, it)) == 1 && len(edits()) == 1
	})
	cb := interactionCallbacks(f, it)[0]
	if typ := int(cb.Body["type"].(float64)); typ != 5 && typ != 4 {
		t.Errorf("callback type %d", typ)
	}
	if typ := int(cb.Body["type"].(float64)); typ == 5 {
		e := edits()[0]
		if e.Status >= 300 {
			t.Fatalf("edit status %d: %s", e.Status, e.RawBody)
		}
		assertNoMentions(t, e.Body)
		if !strings.Contains(embedText(t, e.Body), "2007") {
			t.Errorf("deferred answer %s", e.RawBody)
		}
	}
}

func TestAutocomplete(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, nil)
	it := f.SlashCommand(discordtest.ChannelID, "durand", map[string]any{"question": "durr"})
	it["type"] = 4 // APPLICATION_COMMAND_AUTOCOMPLETE
	opts := it["data"].(map[string]any)["options"].([]any)
	opts[0].(map[string]any)["focused"] = true
	f.Dispatch(t, "INTERACTION_CREATE", it)
	discordtest.Eventually(t, "the choices", func() bool { return len(interactionCallbacks(f, it)) == 1 })
	c := interactionCallbacks(f, it)[0]
	if int(c.Body["type"].(float64)) != 8 {
		t.Fatalf("callback %v", c.Body)
	}
	choices := c.Body["data"].(map[string]any)["choices"].([]any)
	if len(choices) == 0 || len(choices) > 25 {
		t.Fatalf("%d choices", len(choices))
	}
	found := false
	for _, ch := range choices {
		m := ch.(map[string]any)
		name, value := m["name"].(string), m["value"].(string)
		found = found || strings.Contains(name, "Asif Durrani")
		if utf8.RuneCountInString(name) > 100 || utf8.RuneCountInString(value) > 100 {
			t.Errorf("choice too long: %q", name)
		}
	}
	if !found {
		t.Errorf("choices %v lack Asif Durrani", choices)
	}
}

func TestLongAnswerWithinLimits(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, nil)
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> list the recommendations in the fnf paper and timeline of the ttp"))
	discordtest.Eventually(t, "a reply", func() bool { return len(replies(f, discordtest.ChannelID)) == 1 })
	c := replies(f, discordtest.ChannelID)[0]
	for _, e := range c.Body["embeds"].([]any) {
		em := e.(map[string]any)
		desc, _ := em["description"].(string)
		if n := utf8.RuneCountInString(desc); n > 4096 {
			t.Errorf("description of %d runes", n)
		}
		total := utf8.RuneCountInString(desc)
		for _, fl := range asSlice(em["fields"]) {
			fm := fl.(map[string]any)
			v, _ := fm["value"].(string)
			if utf8.RuneCountInString(v) > 1024 {
				t.Errorf("field value of %d runes", utf8.RuneCountInString(v))
			}
			total += utf8.RuneCountInString(v) + utf8.RuneCountInString(fm["name"].(string))
		}
		if total > 6000 {
			t.Errorf("embed of %d runes", total)
		}
	}
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func TestReconnectsAfterDrop(t *testing.T) {
	f := discordtest.NewFake(t)
	a, _ := start(t, f, nil)
	f.DropConnection()
	discordtest.EventuallyReconnected(t, "the adapter to notice", func() bool { return !a.Ready() || f.Resumes() > 0 || len(f.Identifies()) > 1 })
	f.WaitReady(t)
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is faiz hameed"))
	discordtest.Eventually(t, "an answer after reconnecting", func() bool { return len(replies(f, discordtest.ChannelID)) == 1 })
	if f.Resumes() == 0 && len(f.Identifies()) < 2 {
		t.Error("neither resumed nor identified again")
	}
	if !a.Ready() {
		t.Error("not ready after reconnecting")
	}
	if len(f.CallsTo("PUT", "/api/v9/applications/")) != 1 {
		t.Error("commands registered again on reconnect")
	}
}

func TestRateLimitedReplyRetried(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, nil)
	f.FailNext("POST", "/api/v9/channels/", http.StatusTooManyRequests)
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan"))
	discordtest.Eventually(t, "the reply after 429", func() bool { return len(replies(f, discordtest.ChannelID)) == 1 })
	all := f.CallsTo("POST", "/api/v9/channels/"+discordtest.ChannelID+"/messages")
	if len(all) != 2 || all[0].Status != http.StatusTooManyRequests {
		t.Errorf("calls %d, first status %d; want a 429 then a success", len(all), all[0].Status)
	}
}

func TestErrorsLoggedByRouteWithoutTokens(t *testing.T) {
	f := discordtest.NewFake(t)
	_, logs := start(t, f, nil)
	f.FailNext("POST", "/api/v9/interactions/", http.StatusForbidden)
	it := f.SlashCommand(discordtest.ChannelID, "durand", map[string]any{"question": "who is imran khan"})
	f.Dispatch(t, "INTERACTION_CREATE", it)
	discordtest.Eventually(t, "the error logged", func() bool { return strings.Contains(logs.String(), "interaction response failed") })
	l := logs.String()
	if !strings.Contains(l, "route=") || strings.Contains(l, it["token"].(string)) || strings.Contains(l, testToken) {
		t.Errorf("log:\n%s", l)
	}
}

func TestRedact(t *testing.T) {
	err := errString(`HTTP 404 Not Found, POST https://discord.com/api/v9/interactions/123456/aW50ZXJhY3Rpb246c2VjcmV0/callback; PATCH https://x/api/v9/webhooks/987/c2VjcmV0LXRva2Vu/messages/@original`)
	got := redact(err)
	if strings.Contains(got, "aW50ZXJhY3Rpb246c2VjcmV0") || strings.Contains(got, "c2VjcmV0LXRva2Vu") {
		t.Errorf("redact left a token: %s", got)
	}
	if !strings.Contains(got, "interactions/123456/:token/callback") {
		t.Errorf("redact lost the route: %s", got)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestNewRejectsBadConfig(t *testing.T) {
	kb, _ := packBase()
	r := bot.NewRouter(kb, nil)
	for _, cfg := range []Config{
		{Router: r},
		{Token: "t"},
		{Token: "t", Router: r, ShardID: 4, ShardCount: 4},
		{Token: "t", Router: r, APIURL: "ftp://x"},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) accepted", cfg)
		}
	}
}

func TestDigestCommandNeedsManageChannels(t *testing.T) {
	f := discordtest.NewFake(t)
	store := bot.NewMemoryStore()
	start(t, f, func(c *Config) {
		kb, _ := packBase()
		c.Router = bot.NewRouter(kb, nil)
		c.Router.SetDigest(bot.DigestSettings{Store: store})
	})
	run := func(perms string) string {
		it := f.SlashCommand(discordtest.ChannelID, DigestCommandName, nil)
		it["data"].(map[string]any)["options"] = []any{map[string]any{"name": "on", "type": 1, "options": []any{
			map[string]any{"name": "time", "type": 3, "value": "08:00"}, map[string]any{"name": "zone", "type": 3, "value": "Asia/Karachi"}}}}
		it["member"].(map[string]any)["permissions"] = perms
		f.Dispatch(t, "INTERACTION_CREATE", it)
		discordtest.Eventually(t, "the reply", func() bool { return len(interactionCallbacks(f, it)) == 1 })
		return embedText(t, interactionCallbacks(f, it)[0].Body["data"].(map[string]any))
	}
	k := bot.ChannelKey{Platform: "discord", Channel: discordtest.ChannelID}
	if reply := run("0"); !strings.Contains(reply, "Only members with the Manage Channels permission") {
		t.Errorf("without Manage Channels: %s", reply)
	}
	if _, err := store.Subscription(context.Background(), k); err == nil {
		t.Fatal("subscribed without permission")
	}
	if reply := run("16"); !strings.Contains(reply, "08:00 Asia/Karachi") {
		t.Errorf("with Manage Channels: %s", reply)
	}
	if s, err := store.Subscription(context.Background(), k); err != nil || s.Hour != 8 || s.Zone != "Asia/Karachi" {
		t.Errorf("subscription %+v, %v", s, err)
	}
}

func TestBackgroundPanicIsLogged(t *testing.T) {
	f := discordtest.NewFake(t)
	a, logs := start(t, f, nil)
	a.background(func(context.Context) { panic("embed blew up") })
	discordtest.Eventually(t, "the panic logged", func() bool { return strings.Contains(logs.String(), "embed blew up") })
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan"))
	discordtest.Eventually(t, "an answer after the panic", func() bool { return len(replies(f, discordtest.ChannelID)) == 1 })
}

// TestMalformedInteractionsAnswered sends the interactions that used to
// crash the process: each command is answered with unreadableText and
// changes nothing, each autocomplete gets no choices, and durand goes on
// answering.
func TestMalformedInteractionsAnswered(t *testing.T) {
	f := discordtest.NewFake(t)
	store := bot.NewMemoryStore()
	start(t, f, func(c *Config) {
		kb, _ := packBase()
		c.Router = bot.NewRouter(kb, nil)
		c.Router.SetDigest(bot.DigestSettings{Store: store})
	})
	digestOn := func(opts ...any) any {
		return []any{map[string]any{"name": "on", "type": 1, "options": opts}}
	}
	tests := []struct {
		name         string
		autocomplete bool
		data         any // the interaction's "data"; missing when nil
	}{
		{"data missing", false, nil},
		{"data a string", false, "durand"},
		{"question a number", false, map[string]any{"name": "durand", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": 42}}}},
		{"question null", false, map[string]any{"name": "durand", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": nil}}}},
		{"options null", false, map[string]any{"name": "durand", "type": 1, "options": []any{nil}}},
		{"digest time an integer", false, map[string]any{"name": DigestCommandName, "type": 1, "options": digestOn(map[string]any{"name": "time", "type": 4, "value": 8})}},
		{"digest time null", false, map[string]any{"name": DigestCommandName, "type": 1, "options": digestOn(map[string]any{"name": "time", "type": 3, "value": nil})}},
		{"digest zone a number", false, map[string]any{"name": DigestCommandName, "type": 1, "options": digestOn(
			map[string]any{"name": "time", "type": 3, "value": "08:00"}, map[string]any{"name": "zone", "type": 3, "value": 5})}},
		{"digest subcommand null", false, map[string]any{"name": DigestCommandName, "type": 1, "options": []any{nil}}},
		{"autocomplete data missing", true, nil},
		{"autocomplete data a string", true, "durand"},
		{"autocomplete question a number", true, map[string]any{"name": "durand", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": 42, "focused": true}}}},
		{"autocomplete question null", true, map[string]any{"name": "durand", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": nil, "focused": true}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := f.SlashCommand(discordtest.ChannelID, CommandName, nil)
			delete(it, "data")
			if tt.data != nil {
				it["data"] = tt.data
			}
			if tt.autocomplete {
				it["type"] = 4
			}
			f.Dispatch(t, "INTERACTION_CREATE", it)
			discordtest.Eventually(t, "the callback", func() bool { return len(interactionCallbacks(f, it)) == 1 })
			c := interactionCallbacks(f, it)[0]
			if c.Status >= 300 {
				t.Fatalf("callback refused (%d): %s", c.Status, c.RawBody)
			}
			data, _ := c.Body["data"].(map[string]any)
			if tt.autocomplete {
				if typ := c.Body["type"]; typ != 8.0 || len(asSlice(data["choices"])) != 0 {
					t.Errorf("callback %s, want type 8 and no choices", c.RawBody)
				}
				return
			}
			if typ := c.Body["type"]; typ != 4.0 || !strings.Contains(embedText(t, data), "couldn't read that command") {
				t.Errorf("callback %s, want the unreadable answer", c.RawBody)
			}
			assertNoMentions(t, data)
		})
	}
	if _, err := store.Subscription(context.Background(), bot.ChannelKey{Platform: "discord", Channel: discordtest.ChannelID}); err == nil {
		t.Error("a malformed digest command subscribed the channel")
	}
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> who is imran khan"))
	discordtest.Eventually(t, "an answer after them", func() bool { return len(replies(f, discordtest.ChannelID)) == 1 })
}

// TestHandlersTakeEmptyEvents calls each event handler with the empty
// events a null "d" or a missing field makes: none panics (not even into
// the recover) and none answers.
func TestHandlersTakeEmptyEvents(t *testing.T) {
	f := discordtest.NewFake(t)
	logged := &panics{}
	a, _ := start(t, f, func(c *Config) { c.Log = slog.New(logged) })
	before := len(f.Calls())
	a.onReady(a.s, &discordgo.Ready{})
	a.onReady(a.s, nil)
	a.onMessage(a.s, &discordgo.MessageCreate{})
	a.onMessage(a.s, nil)
	a.onMessage(a.s, &discordgo.MessageCreate{Message: &discordgo.Message{ID: "1", ChannelID: discordtest.ChannelID,
		Author: &discordgo.User{ID: discordtest.UserID}, GuildID: discordtest.GuildID, Mentions: []*discordgo.User{nil}}})
	a.onInteraction(a.s, &discordgo.InteractionCreate{})
	a.onInteraction(a.s, nil)
	a.onInteraction(a.s, &discordgo.InteractionCreate{Interaction: &discordgo.Interaction{Type: discordgo.InteractionApplicationCommand}})
	a.onInteraction(a.s, &discordgo.InteractionCreate{Interaction: &discordgo.Interaction{Type: discordgo.InteractionMessageComponent}})
	a.onInteraction(a.s, &discordgo.InteractionCreate{Interaction: &discordgo.Interaction{Type: discordgo.InteractionModalSubmit}})
	a.work.Wait()
	if p := logged.take(); len(p) > 0 {
		t.Errorf("logged:\n%s", strings.Join(p, "\n"))
	}
	if calls := f.Calls()[before:]; len(calls) > 0 {
		t.Errorf("answered an empty event: %+v", calls)
	}
	if id, _ := a.botID.Load().(string); id != discordtest.BotUserID {
		t.Errorf("bot id %q after an empty READY", id)
	}
}

// TestAutocompleteRateLimited sends one user's autocompletes past the
// limit: the rest get no choices, while another user still gets them.
func TestAutocompleteRateLimited(t *testing.T) {
	f := discordtest.NewFake(t)
	const perMinute = 2
	start(t, f, func(c *Config) {
		kb, _ := packBase()
		c.Router = bot.NewRouter(kb, nil)
		now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) // no tokens come back
		c.Router.SetOptions(bot.Options{RatePerMinute: perMinute, Now: func() time.Time { return now }})
	})
	choices := func(user string) int {
		t.Helper()
		it := f.SlashCommand(discordtest.ChannelID, CommandName, map[string]any{"question": "durr"})
		it["type"] = 4
		it["data"].(map[string]any)["options"].([]any)[0].(map[string]any)["focused"] = true
		it["member"].(map[string]any)["user"].(map[string]any)["id"] = user
		f.Dispatch(t, "INTERACTION_CREATE", it)
		discordtest.Eventually(t, "the choices", func() bool { return len(interactionCallbacks(f, it)) == 1 })
		c := interactionCallbacks(f, it)[0]
		if c.Status >= 300 || c.Body["type"] != 8.0 {
			t.Fatalf("callback %d %s", c.Status, c.RawBody)
		}
		return len(asSlice(c.Body["data"].(map[string]any)["choices"]))
	}
	allowed := perMinute * bot.CompletionsPerQuestion
	for i := range allowed {
		if n := choices(discordtest.UserID); n == 0 {
			t.Fatalf("autocomplete %d of %d allowed got no choices", i+1, allowed)
		}
	}
	if n := choices(discordtest.UserID); n != 0 {
		t.Errorf("autocomplete over the limit got %d choices, want none", n)
	}
	if n := choices("200000000000000002"); n == 0 {
		t.Error("another user's autocomplete got no choices")
	}
}

// TestEchoedTextNeverLinks sends, through the fake, each kind of message
// whose answer repeats what the user typed — an unknown digest command,
// time or zone, and the question shown under a command's answer — with a
// masked link or a URL in it. The answer shows the text, but neither
// link is live and no markdown in it is.
func TestEchoedTextNeverLinks(t *testing.T) {
	f := discordtest.NewFake(t)
	start(t, f, func(c *Config) {
		kb, _ := packBase()
		c.Router = bot.NewRouter(kb, nil)
		c.Router.SetDigest(bot.DigestSettings{Store: bot.NewMemoryStore()})
	})
	const dm = "400000000000000008"
	on := func(opts ...any) map[string]any {
		return map[string]any{"name": DigestCommandName, "type": 1, "options": []any{map[string]any{"name": "on", "type": 1, "options": opts}}}
	}
	str := func(name, v string) any { return map[string]any{"name": name, "type": 3, "value": v} }
	tests := []struct {
		name    string
		message string         // a DM, or
		command map[string]any // an interaction's data
		echoed  string         // what the answer must show of it
	}{
		{name: "unknown digest command", message: "digest [free-nitro](https://evil.example/nitro)", echoed: "evil.example/nitro"},
		{name: "unknown digest command, as in the issue", message: "<@" + discordtest.BotUserID + "> digest [claim your free nitro](https://evil.example/nitro)", echoed: "claim"},
		{name: "unknown digest command, a URL", message: "digest https://evil.example/nitro", echoed: "evil.example/nitro"},
		{name: "not a time of day", message: "digest on [8](https://evil.example/nitro)", echoed: "evil.example/nitro"},
		{name: "unknown zone", message: "digest on 08:00 [Asia/Karachi](https://evil.example/nitro)", echoed: "evil?example/nitro"}, // the bot shows a refused zone with no punctuation
		{name: "unknown zone, www", message: "digest on 08:00 www.evil.example", echoed: "evil?example"},
		{name: "the question under the answer", command: map[string]any{"name": CommandName, "type": 1,
			"options": []any{str("question", "who is [Asif Durrani](https://evil.example/nitro)")}}, echoed: "evil.example/nitro"},
		{name: "digest time option", command: on(str("time", "[8](https://evil.example/nitro)")), echoed: "evil.example/nitro"},
		{name: "digest zone option", command: on(str("time", "08:00"), str("zone", "https://evil.example/nitro")), echoed: "evil.example/nitro"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body map[string]any
			if tt.message != "" {
				m := f.UserMessage(dm, tt.message)
				delete(m, "guild_id")
				delete(m, "member")
				n := len(replies(f, dm))
				f.Dispatch(t, "MESSAGE_CREATE", m)
				discordtest.Eventually(t, "the reply", func() bool { return len(replies(f, dm)) == n+1 })
				body = replies(f, dm)[n].Body
			} else {
				it := f.SlashCommand(discordtest.ChannelID, CommandName, nil)
				it["data"] = tt.command
				it["member"].(map[string]any)["permissions"] = "16" // Manage Channels
				f.Dispatch(t, "INTERACTION_CREATE", it)
				discordtest.Eventually(t, "the callback", func() bool { return len(interactionCallbacks(f, it)) == 1 })
				body, _ = interactionCallbacks(f, it)[0].Body["data"].(map[string]any)
			}
			var embeds []*discordgo.MessageEmbed
			if err := json.Unmarshal([]byte(js(t, body["embeds"])), &embeds); err != nil || len(embeds) != 1 {
				t.Fatalf("embeds %v: %v", body["embeds"], err)
			}
			e := embeds[0]
			shown := e.Description
			if e.Footer != nil {
				shown += "\n" + e.Footer.Text
			}
			if !strings.Contains(strings.ReplaceAll(shown, "\u200b", ""), tt.echoed) {
				t.Fatalf("the answer does not show %q: %s", tt.echoed, js(t, body))
			}
			if l := live(e.Description); l != "" {
				t.Errorf("description %q: %s", e.Description, l)
			}
			walk(body, func(s string) {
				if l := link(s); l != "" {
					t.Errorf("%s in %q", l, s)
				}
			})
		})
	}
}

// TestMentionBeforeReadyHandler: discordgo runs each event's handlers in
// goroutines of their own, so a mention may be handled before onReady has
// stored the bot's id. The session's state, which discordgo fills from
// READY before any handler runs, names the bot then, and the mention is
// answered rather than dropped.
func TestMentionBeforeReadyHandler(t *testing.T) {
	f := discordtest.NewFake(t)
	a, _ := start(t, f, nil)
	f.WaitReady(t)
	discordtest.Eventually(t, "the session's state to hold the bot", func() bool { return a.selfID(a.s) == discordtest.BotUserID })
	a.botID.Store("") // onReady has not run yet
	if got := a.selfID(a.s); got != discordtest.BotUserID {
		t.Fatalf("selfID = %q before onReady, want the state's %q", got, discordtest.BotUserID)
	}
	before := len(replies(f, discordtest.ChannelID))
	a.onMessage(a.s, &discordgo.MessageCreate{Message: &discordgo.Message{ID: "9001", ChannelID: discordtest.ChannelID, GuildID: discordtest.GuildID,
		Author: &discordgo.User{ID: discordtest.UserID}, Content: "<@" + discordtest.BotUserID + "> who is imran khan",
		Mentions: []*discordgo.User{{ID: discordtest.BotUserID}}}})
	a.work.Wait()
	if got := len(replies(f, discordtest.ChannelID)) - before; got != 1 {
		t.Errorf("%d replies to a mention handled before onReady, want 1", got)
	}
}
