package discordtest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

const testIntents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentMessageContent

// noLeaks fails the test if goroutines started during it outlive its
// cleanups. Call it first, so its cleanup runs last.
func noLeaks(t *testing.T) {
	t.Helper()
	base := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(10 * time.Second)
		for runtime.NumGoroutine() > base {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				n := runtime.Stack(buf, true)
				t.Errorf("goroutines leaked: %d running, %d before the test\n%s", runtime.NumGoroutine(), base, buf[:n])
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

// rewrite sends discordgo's requests for discordgo.EndpointAPI to the fake,
// the way the adapter points discordgo at it.
type rewrite struct {
	api  string
	base http.RoundTripper
}

func (r rewrite) RoundTrip(req *http.Request) (*http.Response, error) {
	if u := req.URL.String(); strings.HasPrefix(u, discordgo.EndpointAPI) {
		to, err := url.Parse(r.api + strings.TrimPrefix(u, discordgo.EndpointAPI))
		if err != nil {
			return nil, err
		}
		req = req.Clone(req.Context())
		req.URL, req.Host = to, to.Host
	}
	return r.base.RoundTrip(req)
}

// newSession is a discordgo session talking to f, not yet open.
func newSession(t *testing.T, f *Fake, token string) *discordgo.Session {
	t.Helper()
	s, err := discordgo.New(token)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	s.Client = &http.Client{Transport: rewrite{api: f.APIURL(), base: tr}, Timeout: 10 * time.Second}
	s.Identify.Intents = testIntents
	return s
}

// openSession opens s, closing it at cleanup.
func openSession(t *testing.T, s *discordgo.Session) {
	t.Helper()
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
}

func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

// restError returns the HTTP status and Discord error code of a REST error.
func restError(t *testing.T, err error) (status, code int) {
	t.Helper()
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		t.Fatalf("want a *discordgo.RESTError, got %T %v", err, err)
	}
	if re.Message != nil {
		code = re.Message.Code
	}
	return re.Response.StatusCode, code
}

func TestGatewayIdentifyDispatchHeartbeatReconnect(t *testing.T) {
	noLeaks(t)
	f := NewFake(t)
	s := newSession(t, f, "Bot test-token")
	readies := make(chan *discordgo.Ready, 10)
	messages := make(chan *discordgo.MessageCreate, 10)
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { readies <- r })
	s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { messages <- m })
	openSession(t, s)
	f.WaitReady(t)

	ids := f.Identifies()
	if len(ids) != 1 {
		t.Fatalf("identifies = %d, want 1", len(ids))
	}
	if ids[0]["token"] != "Bot test-token" {
		t.Errorf("identify token = %v", ids[0]["token"])
	}
	if ids[0]["intents"] != float64(testIntents) {
		t.Errorf("identify intents = %v, want %d", ids[0]["intents"], testIntents)
	}
	if props, _ := ids[0]["properties"].(map[string]any); len(props) == 0 {
		t.Errorf("identify properties = %v", ids[0]["properties"])
	}
	r := recv(t, readies, "READY")
	if r.Version != 9 || r.User == nil || r.User.ID != BotUserID || !r.User.Bot || r.SessionID == "" ||
		r.Application == nil || r.Application.ID != AppID {
		t.Errorf("READY = %+v", r)
	}

	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(ChannelID, "<@"+BotUserID+"> hello"))
	m := recv(t, messages, "MESSAGE_CREATE")
	if m.Content != "<@"+BotUserID+"> hello" || m.Author.ID != UserID || m.ChannelID != ChannelID || m.GuildID != GuildID {
		t.Errorf("message = %+v", m.Message)
	}
	if len(m.Mentions) != 1 || m.Mentions[0].ID != BotUserID {
		t.Errorf("mentions = %v", m.Mentions)
	}

	Eventually(t, "two heartbeat ACKs", func() bool { return f.HeartbeatsAcked() >= 2 })

	if err := s.UpdateGameStatus(0, "with tests"); err != nil {
		t.Fatal(err)
	}
	Eventually(t, "a presence update", func() bool { return len(f.Presences()) == 1 })

	// The network drops: discordgo reconnects and resumes the session.
	f.DropConnection()
	f.WaitReady(t)
	if f.Resumes() < 1 || len(f.Identifies()) != 1 {
		t.Errorf("after a drop: resumes = %d, identifies = %d; want a resume", f.Resumes(), len(f.Identifies()))
	}
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(ChannelID, "after resume"))
	if m := recv(t, messages, "MESSAGE_CREATE after resume"); m.Content != "after resume" {
		t.Errorf("content = %q", m.Content)
	}

	// The session cannot be resumed: INVALID_SESSION, then a new IDENTIFY.
	resumes := f.Resumes()
	f.InvalidateSessions()
	f.DropConnection()
	f.WaitReady(t)
	if f.Resumes() <= resumes {
		t.Errorf("no RESUME attempted after the second drop")
	}
	ids = f.Identifies()
	if len(ids) != 2 || ids[1]["token"] != "Bot test-token" || ids[1]["intents"] != float64(testIntents) {
		t.Fatalf("identifies after an invalid session = %v", ids)
	}
	if r2 := recv(t, readies, "second READY"); r2.SessionID == r.SessionID {
		t.Errorf("second READY reuses session %q", r.SessionID)
	}
	f.Dispatch(t, "MESSAGE_CREATE", f.UserMessage(ChannelID, "after identify"))
	if m := recv(t, messages, "MESSAGE_CREATE after identify"); m.Content != "after identify" {
		t.Errorf("content = %q", m.Content)
	}
	acked := f.HeartbeatsAcked()
	Eventually(t, "heartbeats on the new connection", func() bool { return f.HeartbeatsAcked() > acked })
}

func TestRESTIdentityAndMessages(t *testing.T) {
	noLeaks(t)
	f := NewFake(t)
	s := newSession(t, f, "Bot test-token")

	me, err := s.User("@me")
	if err != nil || me.ID != BotUserID || !me.Bot || me.Username != BotName {
		t.Fatalf("User(@me) = %+v, %v", me, err)
	}
	app, err := s.Application("@me")
	if err != nil || app.ID != AppID {
		t.Fatalf("Application(@me) = %+v, %v", app, err)
	}
	gw, err := s.Gateway()
	if err != nil || gw != f.GatewayURL()+"/" {
		t.Fatalf("Gateway() = %q, %v", gw, err)
	}
	gb, err := s.GatewayBot()
	if err != nil || gb.URL != f.GatewayURL()+"/" || gb.Shards != 1 {
		t.Fatalf("GatewayBot() = %+v, %v", gb, err)
	}

	sent, err := s.ChannelMessageSendComplex(ChannelID, &discordgo.MessageSend{
		Content: "hello",
		Embeds:  []*discordgo.MessageEmbed{{Title: "Result", Description: "42"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sent.ID == "" || sent.ChannelID != ChannelID || sent.Content != "hello" || sent.Author == nil || sent.Author.ID != BotUserID {
		t.Errorf("sent = %+v", sent)
	}
	if len(sent.Embeds) != 1 || sent.Embeds[0].Title != "Result" || sent.Embeds[0].Type != discordgo.EmbedTypeRich {
		t.Errorf("embeds = %+v", sent.Embeds)
	}
	calls := f.CallsTo("POST", "/api/v9/channels/")
	if len(calls) != 1 {
		t.Fatalf("calls = %+v", calls)
	}
	c := calls[0]
	if c.Path != "/api/v9/channels/"+ChannelID+"/messages" || c.Auth != "Bot test-token" || c.Status != 200 || c.Body["content"] != "hello" {
		t.Errorf("call = %+v", c)
	}
	if e, _ := c.Body["embeds"].([]any); len(e) != 1 || e[0].(map[string]any)["title"] != "Result" {
		t.Errorf("recorded embeds = %v", c.Body["embeds"])
	}
	if !strings.Contains(c.RawBody, `"content":"hello"`) {
		t.Errorf("raw body = %s", c.RawBody)
	}

	reply, err := s.ChannelMessageSendReply(ChannelID, "a reply", sent.Reference())
	if err != nil || reply.Type != discordgo.MessageTypeReply || reply.ReferencedMessage == nil || reply.ReferencedMessage.ID != sent.ID {
		t.Errorf("reply = %+v, %v", reply, err)
	}
	_, err = s.ChannelMessageSendReply(ChannelID, "to nothing", &discordgo.MessageReference{MessageID: "999", ChannelID: ChannelID})
	if st, code := restError(t, err); st != 400 || code != 50035 {
		t.Errorf("reply to an unknown message: %d %d", st, code)
	}

	edited, err := s.ChannelMessageEdit(ChannelID, sent.ID, "edited")
	if err != nil || edited.Content != "edited" || edited.EditedTimestamp == nil || edited.ID != sent.ID {
		t.Errorf("edit = %+v, %v", edited, err)
	}

	withFile, err := s.ChannelMessageSendComplex(ChannelID, &discordgo.MessageSend{
		Content: "see attached",
		Files:   []*discordgo.File{{Name: "report.txt", ContentType: "text/plain", Reader: strings.NewReader("the report")}},
	})
	if err != nil || len(withFile.Attachments) != 1 || withFile.Attachments[0].Filename != "report.txt" || withFile.Attachments[0].Size != 10 {
		t.Fatalf("with file = %+v, %v", withFile, err)
	}
	calls = f.CallsTo("POST", "/api/v9/channels/")
	last := calls[len(calls)-1]
	if last.Body["content"] != "see attached" || len(last.Files) != 1 || last.Files[0].Name != "report.txt" || string(last.Files[0].Data) != "the report" {
		t.Errorf("multipart call = %+v", last)
	}

	if err := s.ChannelTyping(ChannelID); err != nil {
		t.Errorf("typing: %v", err)
	}

	// Discord's answers to common mistakes.
	_, err = s.ChannelMessageSend(ChannelID, "  ")
	if st, code := restError(t, err); st != 400 || code != 50006 {
		t.Errorf("empty message: %d %d", st, code)
	}
	_, err = s.ChannelMessageSend(ChannelID, strings.Repeat("x", 2001))
	if st, code := restError(t, err); st != 400 || code != 50035 {
		t.Errorf("2001 characters: %d %d", st, code)
	}
	if _, err := s.ChannelMessageSend(ChannelID, strings.Repeat("é", 2000)); err != nil {
		t.Errorf("2000 characters: %v", err)
	}
	_, err = s.ChannelMessageSend("general", "hi")
	if st, code := restError(t, err); st != 400 || code != 50035 {
		t.Errorf("channel name for id: %d %d", st, code)
	}
	_, err = s.Request("GET", discordgo.EndpointAPI+"nothing/here", nil)
	var re *discordgo.RESTError
	if !errors.As(err, &re) || re.Response.StatusCode != 404 || re.Message == nil || re.Message.Message != "404: Not Found" {
		t.Errorf("unknown route: %v", err)
	}
	_, err = newSession(t, f, "test-token").User("@me")
	if st, _ := restError(t, err); st != 401 {
		t.Errorf("token without Bot prefix: status %d", st)
	}
	for _, call := range f.Calls() {
		if call.Status == 0 {
			t.Errorf("call without status: %+v", call)
		}
	}
}

func TestCommands(t *testing.T) {
	noLeaks(t)
	f := NewFake(t)
	s := newSession(t, f, "Bot test-token")
	cmds := []*discordgo.ApplicationCommand{{
		Name: "ask", Description: "Ask durand",
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "What to ask", Required: true},
			{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Only for you"},
		},
	}, {Name: "help", Description: "How to use durand"}}

	got, err := s.ApplicationCommandBulkOverwrite(AppID, "", cmds)
	if err != nil || len(got) != 2 {
		t.Fatalf("global overwrite = %v, %v", got, err)
	}
	if got[0].ID == "" || got[0].ApplicationID != AppID || got[0].Name != "ask" || len(got[0].Options) != 2 || got[0].Version == "" {
		t.Errorf("command = %+v", got[0])
	}
	again, err := s.ApplicationCommandBulkOverwrite(AppID, "", cmds[:1])
	if err != nil || len(again) != 1 || again[0].ID != got[0].ID {
		t.Errorf("overwrite keeps ids of same-named commands: %v, %v", again, err)
	}
	list, err := s.ApplicationCommands(AppID, "")
	if err != nil || len(list) != 1 || list[0].Name != "ask" {
		t.Errorf("list = %v, %v", list, err)
	}

	guild, err := s.ApplicationCommandBulkOverwrite(AppID, GuildID, cmds)
	if err != nil || len(guild) != 2 || guild[0].GuildID != GuildID {
		t.Fatalf("guild overwrite = %v, %v", guild, err)
	}
	puts := f.CallsTo("PUT", "/api/v9/applications/")
	if len(puts) != 3 || puts[2].Path != "/api/v9/applications/"+AppID+"/guilds/"+GuildID+"/commands" || len(puts[2].List) != 2 || puts[2].Body != nil {
		t.Errorf("PUT calls = %+v", puts)
	}

	bad := map[string][]*discordgo.ApplicationCommand{
		"upper-case name": {{Name: "Ask", Description: "x"}},
		"no description":  {{Name: "ask"}},
		"duplicate name":  {{Name: "ask", Description: "x"}, {Name: "ask", Description: "y"}},
		"required after optional": {{Name: "ask", Description: "x", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "a", Description: "a"},
			{Type: discordgo.ApplicationCommandOptionString, Name: "b", Description: "b", Required: true},
		}}},
	}
	for what, cmds := range bad {
		_, err := s.ApplicationCommandBulkOverwrite(AppID, "", cmds)
		if st, code := restError(t, err); st != 400 || code != 50035 {
			t.Errorf("%s: %d %d", what, st, code)
		}
	}
	// A message command has a name with spaces and capitals, and no description.
	if _, err := s.ApplicationCommandBulkOverwrite(AppID, "", []*discordgo.ApplicationCommand{{Name: "Ask Durand", Type: discordgo.MessageApplicationCommand}}); err != nil {
		t.Errorf("message command: %v", err)
	}
}

func TestFailNext(t *testing.T) {
	noLeaks(t)
	f := NewFake(t)
	s := newSession(t, f, "Bot test-token")

	// 429: discordgo waits retry_after and retries.
	f.FailNext("POST", "/api/v9/channels/", 429)
	start := time.Now()
	m, err := s.ChannelMessageSend(ChannelID, "rate limited once")
	if err != nil || m.Content != "rate limited once" {
		t.Fatalf("send after 429 = %+v, %v", m, err)
	}
	if d := time.Since(start); d < 250*time.Millisecond {
		t.Errorf("retried after %v, before retry_after", d)
	}
	calls := f.CallsTo("POST", "/api/v9/channels/")
	if len(calls) != 2 || calls[0].Status != 429 || calls[1].Status != 200 || calls[0].Body["content"] != "rate limited once" {
		t.Errorf("calls = %+v", calls)
	}

	// The 429 looks like Discord's.
	f.FailNext("GET", "/api/v9/users/@me", 429)
	req, _ := http.NewRequest("GET", f.APIURL()+"users/@me", nil)
	req.Header.Set("Authorization", "Bot test-token")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	http.DefaultClient.CloseIdleConnections()
	var rl map[string]any
	_ = json.Unmarshal(body, &rl)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" || resp.Header.Get("X-RateLimit-Reset-After") != "0.300" ||
		rl["message"] != "You are being rate limited." || rl["retry_after"] != 0.3 || rl["global"] != false {
		t.Errorf("429 = %d %v %s", resp.StatusCode, resp.Header, body)
	}

	// 500 is not retried; the next call succeeds.
	f.FailNext("POST", "/api/v9/channels/", 500)
	_, err = s.ChannelMessageSend(ChannelID, "boom")
	if st, _ := restError(t, err); st != 500 {
		t.Errorf("500: status %d", st)
	}
	if _, err := s.ChannelMessageSend(ChannelID, "fine"); err != nil {
		t.Errorf("after 500: %v", err)
	}

	// 502 is retried by discordgo, codes are used in order.
	f.FailNext("POST", "/api/v9/channels/", 502, 502)
	if _, err := s.ChannelMessageSend(ChannelID, "bad gateway twice"); err != nil {
		t.Errorf("after 502s: %v", err)
	}
	calls = f.CallsTo("POST", "/api/v9/channels/")
	var statuses []int
	for _, c := range calls[len(calls)-3:] {
		statuses = append(statuses, c.Status)
	}
	if statuses[0] != 502 || statuses[1] != 502 || statuses[2] != 200 {
		t.Errorf("statuses = %v", statuses)
	}
}

// interactionSession opens a session on a fresh fake, ready, whose
// interactions arrive on the returned channel.
func interactionSession(t *testing.T) (*Fake, *discordgo.Session, chan *discordgo.InteractionCreate) {
	t.Helper()
	noLeaks(t)
	f := NewFake(t)
	s := newSession(t, f, "Bot test-token")
	ics := make(chan *discordgo.InteractionCreate, 10)
	s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { ics <- i })
	openSession(t, s)
	f.WaitReady(t)
	return f, s, ics
}

func TestInteractions(t *testing.T) {
	f, s, ics := interactionSession(t)
	cmds, err := s.ApplicationCommandBulkOverwrite(AppID, GuildID, []*discordgo.ApplicationCommand{{
		Name: "ask", Description: "Ask durand", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "What", Required: true}},
	}})
	if err != nil {
		t.Fatal(err)
	}

	f.Dispatch(t, "INTERACTION_CREATE", f.SlashCommand(ChannelID, "ask", map[string]any{"question": "why?"}))
	ic := recv(t, ics, "slash command")
	if ic.Type != discordgo.InteractionApplicationCommand || ic.ChannelID != ChannelID || ic.GuildID != GuildID ||
		ic.AppID != AppID || ic.Member == nil || ic.Member.User.ID != UserID || ic.Token == "" {
		t.Fatalf("interaction = %+v", ic.Interaction)
	}
	data := ic.ApplicationCommandData()
	if data.Name != "ask" || data.ID != cmds[0].ID || len(data.Options) != 1 || data.Options[0].StringValue() != "why?" {
		t.Errorf("data = %+v", data)
	}

	_, err = s.FollowupMessageCreate(ic.Interaction, true, &discordgo.WebhookParams{Content: "too early"})
	if st, code := restError(t, err); st != 404 || code != 10015 {
		t.Errorf("follow-up before the response: %d %d", st, code)
	}
	defer0 := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if err := s.InteractionRespond(ic.Interaction, defer0); err != nil {
		t.Fatalf("defer: %v", err)
	}
	if st, code := restError(t, s.InteractionRespond(ic.Interaction, defer0)); st != 400 || code != 40060 {
		t.Errorf("second response: %d %d", st, code)
	}
	orig, err := s.InteractionResponse(ic.Interaction)
	if err != nil || orig.Flags&discordgo.MessageFlagsLoading == 0 || orig.ChannelID != ChannelID {
		t.Errorf("deferred original = %+v, %v", orig, err)
	}
	// The first follow-up after deferring replaces the "thinking..." message.
	fu, err := s.FollowupMessageCreate(ic.Interaction, true, &discordgo.WebhookParams{Content: "the answer"})
	if err != nil || fu.ID != orig.ID || fu.Content != "the answer" || fu.Flags&discordgo.MessageFlagsLoading != 0 {
		t.Errorf("first follow-up = %+v, %v", fu, err)
	}
	fu2, err := s.FollowupMessageCreate(ic.Interaction, true, &discordgo.WebhookParams{Content: "more"})
	if err != nil || fu2.ID == orig.ID || fu2.Content != "more" || fu2.WebhookID != AppID || fu2.Author.ID != BotUserID {
		t.Errorf("second follow-up = %+v, %v", fu2, err)
	}
	if fu3, err := s.FollowupMessageCreate(ic.Interaction, false, &discordgo.WebhookParams{Content: "no wait"}); err != nil || fu3 != nil {
		t.Errorf("follow-up without wait = %+v, %v", fu3, err)
	}
	if c := f.CallsTo("POST", "/api/v9/webhooks/"); len(c) != 4 || c[3].Status != 204 || c[2].Query != "wait=true" {
		t.Errorf("webhook calls = %+v", c)
	}
	final := "final answer"
	edited, err := s.InteractionResponseEdit(ic.Interaction, &discordgo.WebhookEdit{Content: &final})
	if err != nil || edited.ID != orig.ID || edited.Content != final || edited.EditedTimestamp == nil {
		t.Errorf("edit original = %+v, %v", edited, err)
	}
	if c := f.CallsTo("PATCH", "/api/v9/webhooks/"+AppID+"/"+ic.Token+"/messages/@original"); len(c) != 1 || c[0].Body["content"] != final {
		t.Errorf("PATCH calls = %+v", c)
	}

	// A button on a message the bot sent.
	sent, err := s.ChannelMessageSendComplex(ChannelID, &discordgo.MessageSend{
		Content: "Approve?",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Approve", Style: discordgo.PrimaryButton, CustomID: "approve"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.Dispatch(t, "INTERACTION_CREATE", f.ComponentPress(ChannelID, sent.ID, "approve"))
	press := recv(t, ics, "button press")
	if press.Type != discordgo.InteractionMessageComponent || press.MessageComponentData().CustomID != "approve" ||
		press.Message == nil || press.Message.ID != sent.ID || len(press.Message.Components) != 1 {
		t.Fatalf("press = %+v", press.Interaction)
	}
	err = s.InteractionRespond(press.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{Content: "Approved", Components: []discordgo.MessageComponent{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if m, err := s.ChannelMessage(ChannelID, sent.ID); err != nil || m.Content != "Approved" || len(m.Components) != 0 {
		t.Errorf("updated message = %+v, %v", m, err)
	}

	// Responding too late.
	f.mu.Lock()
	f.ackWindow = 50 * time.Millisecond
	f.mu.Unlock()
	f.Dispatch(t, "INTERACTION_CREATE", f.SlashCommand(ChannelID, "ask", map[string]any{"question": "slow?"}))
	slow := recv(t, ics, "slow slash command")
	time.Sleep(100 * time.Millisecond)
	err = s.InteractionRespond(slow.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "late"}})
	if st, code := restError(t, err); st != 404 || code != 10062 {
		t.Errorf("late response: %d %d", st, code)
	}
}

// rawGateway dials the fake's gateway and reads HELLO.
func rawGateway(t *testing.T, f *Fake) *websocket.Conn {
	t.Helper()
	c, resp, err := websocket.DefaultDialer.Dial(f.GatewayURL()+"?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	t.Cleanup(func() { c.Close() })
	var hello struct {
		Op int `json:"op"`
		D  struct {
			HeartbeatInterval int `json:"heartbeat_interval"`
		} `json:"d"`
	}
	if err := c.ReadJSON(&hello); err != nil || hello.Op != 10 || hello.D.HeartbeatInterval != int(HeartbeatInterval.Milliseconds()) {
		t.Fatalf("HELLO = %+v, %v", hello, err)
	}
	return c
}

func readPayload(t *testing.T, c *websocket.Conn) map[string]any {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	var p map[string]any
	if err := c.ReadJSON(&p); err != nil {
		t.Fatalf("read: %v", err)
	}
	return p
}

func wantClose(t *testing.T, c *websocket.Conn, code int) {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, _, err := c.ReadMessage()
	if !websocket.IsCloseError(err, code) {
		t.Errorf("want close %d, got %v", code, err)
	}
}

func TestGatewayProtocol(t *testing.T) {
	noLeaks(t)
	f := NewFake(t)

	c := rawGateway(t, f)
	_ = c.WriteJSON(map[string]any{"op": 1, "d": nil})
	if p := readPayload(t, c); p["op"] != 11.0 {
		t.Errorf("heartbeat answer = %v", p)
	}
	_ = c.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": "Bot x", "intents": 513, "shard": []int{0, 1},
		"properties": map[string]any{"os": "linux", "browser": "test", "device": "test"}}})
	ready := readPayload(t, c)
	d, _ := ready["d"].(map[string]any)
	if ready["op"] != 0.0 || ready["t"] != "READY" || ready["s"] != 1.0 || d["v"] != 9.0 || d["session_id"] == "" ||
		d["resume_gateway_url"] != f.GatewayURL() || d["application"].(map[string]any)["id"] != AppID {
		t.Errorf("READY = %v", ready)
	}
	if sh, _ := d["shard"].([]any); len(sh) != 2 || sh[0] != 0.0 || sh[1] != 1.0 {
		t.Errorf("READY shard = %v", d["shard"])
	}
	f.WaitReady(t)
	f.Dispatch(t, "TYPING_START", map[string]any{"channel_id": ChannelID, "user_id": UserID})
	if p := readPayload(t, c); p["t"] != "TYPING_START" || p["s"] != 2.0 {
		t.Errorf("dispatch = %v", p)
	}
	sessionID := d["session_id"]

	// The connection drops; RESUME on a new one replays what the client
	// says it missed (seq 1 means it lost TYPING_START), then RESUMED.
	f.DropConnection()
	if _, _, err := c.ReadMessage(); err == nil {
		t.Fatal("read after DropConnection succeeded")
	}
	c2 := rawGateway(t, f)
	_ = c2.WriteJSON(map[string]any{"op": 6, "d": map[string]any{"token": "Bot x", "session_id": sessionID, "seq": 1}})
	if p := readPayload(t, c2); p["t"] != "TYPING_START" || p["s"] != 2.0 {
		t.Errorf("replayed = %v", p)
	}
	if p := readPayload(t, c2); p["t"] != "RESUMED" || p["s"] != 3.0 {
		t.Errorf("RESUMED = %v", p)
	}
	f.WaitReady(t)
	if f.Resumes() != 1 || len(f.Identifies()) != 1 {
		t.Errorf("resumes = %d, identifies = %d", f.Resumes(), len(f.Identifies()))
	}

	// Unknown session: INVALID_SESSION, then IDENTIFY works on the same socket.
	c3 := rawGateway(t, f)
	_ = c3.WriteJSON(map[string]any{"op": 6, "d": map[string]any{"token": "Bot x", "session_id": "nope", "seq": 1}})
	if p := readPayload(t, c3); p["op"] != 9.0 || p["d"] != false {
		t.Errorf("resume of an unknown session = %v", p)
	}
	_ = c3.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": "Bot x", "intents": 0, "properties": map[string]any{}}})
	if p := readPayload(t, c3); p["t"] != "READY" {
		t.Errorf("identify after INVALID_SESSION = %v", p)
	}
	// IDENTIFY again on an identified connection.
	_ = c3.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": "Bot x", "intents": 0, "properties": map[string]any{}}})
	wantClose(t, c3, 4005)

	// Close codes for protocol errors.
	c4 := rawGateway(t, f)
	_ = c4.WriteJSON(map[string]any{"op": 3, "d": map[string]any{"status": "online"}})
	wantClose(t, c4, 4003)
	c5 := rawGateway(t, f)
	_ = c5.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": "", "intents": 0}})
	wantClose(t, c5, 4004)
	c6 := rawGateway(t, f)
	_ = c6.WriteJSON(map[string]any{"op": 42, "d": nil})
	wantClose(t, c6, 4001)
	c7 := rawGateway(t, f)
	_ = c7.WriteMessage(websocket.TextMessage, []byte("{not json"))
	wantClose(t, c7, 4002)
	c8, resp, err := websocket.DefaultDialer.Dial(f.GatewayURL()+"?v=6&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	defer c8.Close()
	wantClose(t, c8, 4012)
}

// TestComponentsAndModals checks the fake refuses the component and modal
// mistakes Discord refuses, records a modal, and dispatches a modal's
// submission with the text typed and the message its button was on —
// including an interaction's own response.
func TestComponentsAndModals(t *testing.T) {
	f, s, ics := interactionSession(t)

	button := func(label, id string) discordgo.MessageComponent {
		return discordgo.Button{Label: label, Style: discordgo.SecondaryButton, CustomID: id}
	}
	row := func(cs ...discordgo.MessageComponent) []discordgo.MessageComponent {
		return []discordgo.MessageComponent{discordgo.ActionsRow{Components: cs}}
	}
	long := strings.Repeat("x", 101)
	tests := []struct {
		name       string
		components []discordgo.MessageComponent
		field      string // the form error's path; "" for accepted
	}{
		{"ok", row(button("Yes", "yes"), button("No", "no")), ""},
		{"100-character custom id", row(button("Yes", long[:100])), ""},
		{"emoji, no label", row(discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "👍"}, Style: discordgo.SecondaryButton, CustomID: "up"}), ""},
		{"101-character custom id", row(button("Yes", long)), "components"},
		{"no custom id", row(button("Yes", "")), "components"},
		{"duplicate custom id", row(button("Yes", "a"), button("No", "a")), "components"},
		{"no label or emoji", row(button("", "a")), "components"},
		{"empty row", row(), "components"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ChannelMessageSendComplex(ChannelID, &discordgo.MessageSend{Content: "vote", Components: tt.components})
			if tt.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if st, code := restError(t, err); st != 400 || code != 50035 || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("got %d %d (%v), want a 400 form error on %s", st, code, err, tt.field)
			}
		})
	}

	// A button on a slash command's response opens a modal.
	f.Dispatch(t, "INTERACTION_CREATE", f.SlashCommand(ChannelID, "ask", map[string]any{"question": "why?"}))
	cmd := recv(t, ics, "slash command")
	err := s.InteractionRespond(cmd.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "because", Components: row(button("Wrong", "down"))},
	})
	if err != nil {
		t.Fatal(err)
	}
	orig := f.Original(cmd.Token)
	if orig == nil || orig["content"] != "because" {
		t.Fatalf("original = %v", orig)
	}
	f.Dispatch(t, "INTERACTION_CREATE", f.ComponentPress(ChannelID, orig["id"].(string), "down"))
	press := recv(t, ics, "button press")
	if press.Message == nil || press.Message.ID != orig["id"] || press.Message.Content != "because" {
		t.Fatalf("press message = %+v", press.Message)
	}
	input := func(label string, style discordgo.TextInputStyle, max int) []discordgo.MessageComponent {
		return row(discordgo.TextInput{CustomID: "why", Label: label, Style: style, MaxLength: max})
	}
	modal := func(id, title string, cs []discordgo.MessageComponent) *discordgo.InteractionResponse {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseModal,
			Data: &discordgo.InteractionResponseData{CustomID: id, Title: title, Components: cs}}
	}
	for _, bad := range []struct {
		name string
		resp *discordgo.InteractionResponse
	}{
		{"101-character custom id", modal(long, "Why?", input("Why?", discordgo.TextInputParagraph, 1000))},
		{"46-character title", modal("m", strings.Repeat("t", 46), input("Why?", discordgo.TextInputParagraph, 1000))},
		{"no label", modal("m", "Why?", input("", discordgo.TextInputParagraph, 1000))},
		{"max_length over 4000", modal("m", "Why?", input("Why?", discordgo.TextInputParagraph, 4001))},
		{"a button", modal("m", "Why?", row(button("No", "no")))},
	} {
		if st, code := restError(t, s.InteractionRespond(press.Interaction, bad.resp)); st != 400 || code != 50035 {
			t.Errorf("modal with %s: %d %d, want a 400 form error", bad.name, st, code)
		}
	}
	if f.Modal(press.Token) != nil {
		t.Error("a refused modal was recorded")
	}
	if err := s.InteractionRespond(press.Interaction, modal("m1", "Why?", input("Why?", discordgo.TextInputParagraph, 1000))); err != nil {
		t.Fatal(err)
	}
	if m := f.Modal(press.Token); m == nil || m["custom_id"] != "m1" || m["title"] != "Why?" {
		t.Errorf("recorded modal = %v", m)
	}

	f.Dispatch(t, "INTERACTION_CREATE", f.ModalSubmit(ChannelID, orig["id"].(string), "m1", map[string]string{"why": "it is wrong"}))
	sub := recv(t, ics, "modal submission")
	if sub.Type != discordgo.InteractionModalSubmit || sub.Message == nil || sub.Message.ID != orig["id"] {
		t.Fatalf("submission = %+v", sub.Interaction)
	}
	d := sub.ModalSubmitData()
	var got string
	if len(d.Components) == 1 {
		if r, ok := d.Components[0].(*discordgo.ActionsRow); ok && len(r.Components) == 1 {
			if in, ok := r.Components[0].(*discordgo.TextInput); ok && in.CustomID == "why" {
				got = in.Value
			}
		}
	}
	if d.CustomID != "m1" || got != "it is wrong" {
		t.Errorf("submission data = %+v (text %q)", d, got)
	}
	// A modal's submission cannot be answered with another modal.
	if st, _ := restError(t, s.InteractionRespond(sub.Interaction, modal("m2", "Why?", input("Why?", discordgo.TextInputParagraph, 10)))); st != 400 {
		t.Errorf("modal after a modal: %d, want 400", st)
	}
}

// TestInteractionKeysFoldCase: the client reads an interaction's keys as
// encoding/json does, case aside, so an interaction dispatched again with
// its token under "tokeN" is a new one to answer, as the client sees it,
// not the one answered before.
func TestInteractionKeysFoldCase(t *testing.T) {
	f, s, ics := interactionSession(t)
	first := f.SlashCommand(ChannelID, "ask", map[string]any{"question": "why?"})
	f.Dispatch(t, "INTERACTION_CREATE", first)
	ic := recv(t, ics, "slash command")
	pong := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if err := s.InteractionRespond(ic.Interaction, pong); err != nil {
		t.Fatalf("first response: %v", err)
	}
	again := clone(first)
	again["tokeN"] = again["token"]
	delete(again, "token")
	f.Dispatch(t, "INTERACTION_CREATE", again)
	ic = recv(t, ics, "the same interaction, its token's key cased otherwise")
	if ic.Token == "" {
		t.Fatal("the client read no token")
	}
	if err := s.InteractionRespond(ic.Interaction, pong); err != nil {
		t.Errorf("response to the interaction dispatched again: %v", err)
	}
}
