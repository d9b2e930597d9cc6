// Package discord connects durand to Discord: messages that mention the bot
// and direct messages are answered as replies, and the /durand application
// command answers with autocomplete on its question, all as embeds that can
// never ping anyone. Answers carry 👍 and 👎 buttons whose votes the Router
// keeps for the curators.
package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/durandbot/durand/internal/work"

	"github.com/bwmarrin/discordgo"

	"github.com/durandbot/durand/bot"
)

// Config configures the Discord adapter.
type Config struct {
	Token string // the bot token
	// APIURL is the REST base with its version, e.g.
	// http://127.0.0.1:PORT/api/v9/; Discord's own when empty. The gateway
	// URL is whatever GET gateway there returns.
	APIURL  string
	GuildID string // register commands in this guild (instant) instead of globally

	ShardID, ShardCount int

	Router *bot.Router
	Log    *slog.Logger
	// Transport carries REST calls (e.g. to count them); the default
	// transport when nil.
	Transport http.RoundTripper
	// AnswerTimeout is how long an interaction's answer may take before
	// the adapter defers it and answers in a follow-up.
	AnswerTimeout time.Duration
	// WorkTimeout bounds the work a message starts, answering and posting
	// included, after which it is abandoned: DefaultWorkTimeout when zero.
	WorkTimeout time.Duration
}

// DefaultWorkTimeout is how long an answer may take, posting included,
// before it is abandoned: long enough for retries after a 429 or a 5xx,
// well within an interaction token's 15 minutes.
const DefaultWorkTimeout = 30 * time.Second

// Adapter serves Discord. It is safe for concurrent use.
type Adapter struct {
	cfg Config
	s   *discordgo.Session
	log *slog.Logger

	botID      atomic.Value // string: the bot's user id, from READY
	registered atomic.Bool  // application commands registered
	ready      atomic.Bool

	work *work.Group // answers still being worked on or sent
}

// CommandName is the application command durand registers.
const CommandName = "durand"

// New checks the configuration and prepares a session; Run connects.
func New(cfg Config) (*Adapter, error) {
	if cfg.Router == nil {
		return nil, errors.New("discord: no router")
	}
	if cfg.Token == "" {
		return nil, errors.New("discord: DISCORD_BOT_TOKEN is not set")
	}
	if cfg.ShardCount < 0 || cfg.ShardID < 0 || (cfg.ShardCount > 0 && cfg.ShardID >= cfg.ShardCount) {
		return nil, fmt.Errorf("discord: shard %d of %d is out of range", cfg.ShardID, cfg.ShardCount)
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.AnswerTimeout <= 0 {
		cfg.AnswerTimeout = 2 * time.Second
	}
	if cfg.WorkTimeout <= 0 {
		cfg.WorkTimeout = DefaultWorkTimeout
	}
	s, err := discordgo.New("Bot " + cfg.Token)
	if err != nil {
		return nil, fmt.Errorf("discord: %w", err)
	}
	transport := cfg.Transport
	if transport == nil {
		transport = http.DefaultTransport
	}
	if cfg.APIURL != "" {
		base, err := url.Parse(cfg.APIURL)
		if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
			return nil, fmt.Errorf("discord: DISCORD_API_URL %q is not an http(s) URL", cfg.APIURL)
		}
		if !strings.HasSuffix(base.Path, "/") {
			base.Path += "/"
		}
		transport = rebase{to: base, next: transport}
	}
	transport = retry5xx{next: transport, attempts: 4, backoff: 250 * time.Millisecond}
	s.Client = &http.Client{Transport: transport, Timeout: 20 * time.Second}
	s.Identify.Intents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if cfg.ShardCount > 0 {
		s.ShardID, s.ShardCount = cfg.ShardID, cfg.ShardCount
	}
	s.ShouldRetryOnRateLimit = true // honour 429 Retry-After
	s.MaxRestRetries = 0            // 5xx are retried by retry5xx, with backoff
	s.ShouldReconnectOnError = true
	s.LogLevel = -1 // errors are logged here, by route, never with the token
	a := &Adapter{cfg: cfg, s: s, log: cfg.Log.With("platform", "discord")}
	a.work = work.New(cfg.WorkTimeout, a.log)
	a.botID.Store("")
	s.AddHandler(a.onReady)
	s.AddHandler(a.onConnect)
	s.AddHandler(a.onDisconnect)
	s.AddHandler(a.onResumed)
	s.AddHandler(a.onMessage)
	s.AddHandler(a.onInteraction)
	return a, nil
}

// rebase sends requests for Discord's REST API to another base URL.
type rebase struct {
	to   *url.URL
	next http.RoundTripper
}

func (r rebase) RoundTrip(req *http.Request) (*http.Response, error) {
	u := req.URL.String()
	if !strings.HasPrefix(u, discordgo.EndpointAPI) {
		return r.next.RoundTrip(req)
	}
	target, err := url.Parse(r.to.String() + strings.TrimPrefix(u, discordgo.EndpointAPI))
	if err != nil {
		return nil, err
	}
	req = req.Clone(req.Context())
	req.URL = target
	req.Host = target.Host
	return r.next.RoundTrip(req)
}

// Run connects to the gateway and serves until ctx is done, then closes
// the connection and waits for answers still being sent, until Shutdown
// abandons them.
func (a *Adapter) Run(ctx context.Context) error {
	if err := a.s.Open(); err != nil {
		return fmt.Errorf("discord: connecting to the gateway: %w", err)
	}
	<-ctx.Done()
	a.ready.Store(false)
	err := a.s.Close()
	a.work.Wait()
	if err != nil {
		return fmt.Errorf("discord: closing: %w", err)
	}
	return nil
}

// Ready reports whether the gateway session is up.
func (a *Adapter) Ready() bool { return a.ready.Load() }

func (a *Adapter) onConnect(_ *discordgo.Session, _ *discordgo.Connect) {
	a.log.Info("discord gateway connected")
}

func (a *Adapter) onDisconnect(_ *discordgo.Session, _ *discordgo.Disconnect) {
	a.ready.Store(false)
	a.log.Warn("discord gateway disconnected; reconnecting")
}

func (a *Adapter) onResumed(_ *discordgo.Session, _ *discordgo.Resumed) {
	a.ready.Store(true)
	a.log.Info("discord session resumed")
}

func (a *Adapter) onReady(s *discordgo.Session, r *discordgo.Ready) {
	defer a.recovered("READY")
	if r == nil || r.User == nil || r.User.ID == "" {
		a.log.Warn("discord READY without the bot's user; ignored")
		return
	}
	a.botID.Store(r.User.ID)
	a.ready.Store(true)
	a.log.Info("discord ready", "bot_user", r.User.ID, "shard", s.ShardID, "shards", s.ShardCount)
	if a.registered.Load() {
		return
	}
	appID := r.User.ID
	if r.Application != nil && r.Application.ID != "" {
		appID = r.Application.ID
	}
	// Commands are registered once per process; a failure is retried on the
	// next READY.
	if _, err := s.ApplicationCommandBulkOverwrite(appID, a.cfg.GuildID, commands()); err != nil {
		a.log.Error("registering application commands failed", "route", "PUT applications/commands", "guild", a.cfg.GuildID, "err", redact(err))
		return
	}
	a.registered.Store(true)
	where := "globally"
	if a.cfg.GuildID != "" {
		where = "in guild " + a.cfg.GuildID
	}
	a.log.Info("application commands registered " + where)
}

// DigestCommandName is the application command for digest settings.
const DigestCommandName = "durand-digest"

// commands are durand's application commands: /durand question:<text> and
// /durand-digest on|off|status|preview.
func commands() []*discordgo.ApplicationCommand {
	str := func(name, desc string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: desc, Required: required}
	}
	sub := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: desc, Options: opts}
	}
	return []*discordgo.ApplicationCommand{{
		Name:        CommandName,
		Description: "Ask about Pakistan–Afghanistan relations, 2021–2024",
		Options: []*discordgo.ApplicationCommandOption{{
			Type:         discordgo.ApplicationCommandOptionString,
			Name:         "question",
			Description:  "e.g. who is Asif Durrani · timeline September 2023 · help",
			Required:     true,
			Autocomplete: true,
			MaxLength:    1000,
		}},
	}, {
		Name:        DigestCommandName,
		Description: "The daily digest in this channel",
		Options: []*discordgo.ApplicationCommandOption{
			sub("on", "Post a digest here every day", str("time", "Local time, e.g. 08:00", true), str("zone", "Time zone, e.g. Asia/Karachi", false)),
			sub("off", "Stop the daily digest here"),
			sub("status", "When this channel gets its digest"),
			sub("preview", "Today's digest for this channel"),
		},
	}}
}

// recovered is deferred first by every handler of a gateway event that
// carries data: discordgo runs handlers on goroutines of their own, where a
// panic would end the process, Slack and all. It logs the panic; the checks
// in the handlers are what keep a malformed event from getting this far.
func (a *Adapter) recovered(event string) {
	if p := recover(); p != nil {
		a.log.Error("panic handling a gateway event", "event", event, "panic", fmt.Sprint(p))
	}
}

// Shutdown waits for the answers still being worked on or sent until ctx
// is done, then abandons the rest, so that their calls to Discord return
// at once; their number is logged and returned.
func (a *Adapter) Shutdown(ctx context.Context) int { return a.work.Shutdown(ctx) }

// background runs f on its own goroutine, with a context that ends after
// WorkTimeout, or when Shutdown abandons it.
func (a *Adapter) background(f func(ctx context.Context)) { a.work.Go(context.Background(), f) }

// selfID is the bot's user id: as onReady stored it, or, when a message's
// handler runs before onReady's (discordgo runs each handler in a
// goroutine of its own), as the session's state holds it, which discordgo
// fills from READY before any handler runs. "" before READY.
func (a *Adapter) selfID(s *discordgo.Session) string {
	if id, _ := a.botID.Load().(string); id != "" {
		return id
	}
	if s == nil || s.State == nil {
		return ""
	}
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.User != nil {
		return s.State.User.ID
	}
	return ""
}

// onMessage answers a message that mentions the bot, or any direct
// message, as a reply. Bots (durand included) are ignored; edits arrive as
// MESSAGE_UPDATE, which durand does not handle. A message without an id,
// channel or author cannot be answered and is ignored.
func (a *Adapter) onMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	defer a.recovered("MESSAGE_CREATE")
	if m == nil || m.Message == nil || m.ID == "" || m.ChannelID == "" || m.Author == nil || m.Author.Bot || m.Author.System {
		return
	}
	self := a.selfID(s)
	follows := repliesTo(m.Message, self)
	if m.Author.ID == self || !(m.GuildID == "" || follows != "" || mentions(m.Message, self)) {
		return
	}
	a.background(func(ctx context.Context) {
		msg := bot.Message{Platform: "discord", Channel: m.ChannelID, User: m.Author.ID, Text: m.Content,
			Manager: m.GuildID == "", ManagerHint: "members with the Manage Channels permission, using /" + DigestCommandName,
			CuratorHint: "members with the Manage Channels permission, using /" + CommandName + " in a server"}
		// A direct message is one conversation. In a server, each question
		// starts one, and a reply to durand's answer continues it: the
		// answer replied to the question the conversation was kept under.
		msg.Conversation, msg.Follows = m.ChannelID+":"+m.ID, follows
		if m.GuildID == "" {
			msg.Conversation, msg.Follows = m.ChannelID, ""
		}
		resp := a.cfg.Router.Handle(ctx, msg)
		r := Render(resp, "")
		_, err := s.ChannelMessageSendComplex(m.ChannelID, &discordgo.MessageSend{
			Content:    r.Content,
			Embeds:     r.Embeds,
			Components: r.Components,
			Reference: &discordgo.MessageReference{
				MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: new(bool),
			},
			AllowedMentions: NoMentions(),
		}, discordgo.WithContext(ctx))
		if err != nil {
			a.log.Error("reply failed", "route", "POST channels/messages", "channel", m.ChannelID, "err", redact(err))
		}
	})
}

// repliesTo returns, for a reply to one of durand's answers, the key of
// the conversation that answer belongs to — the channel and the question
// it replied to — or "" when m replies to nothing of durand's. Discord
// sends the message replied to along with the reply.
func repliesTo(m *discordgo.Message, self string) string {
	ref := m.ReferencedMessage
	if self == "" || m.MessageReference == nil || ref == nil || ref.Author == nil || ref.Author.ID != self ||
		ref.MessageReference == nil || ref.MessageReference.MessageID == "" {
		return ""
	}
	return m.ChannelID + ":" + ref.MessageReference.MessageID
}

// mentions reports whether m mentions the bot: in its mentions list, or
// as <@ID> or <@!ID> in its text.
func mentions(m *discordgo.Message, self string) bool {
	if self == "" {
		return false
	}
	for _, u := range m.Mentions {
		if u != nil && u.ID == self {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+self+">") || strings.Contains(m.Content, "<@!"+self+">")
}

// onInteraction answers /durand, /durand-digest and /durand's
// autocomplete, and the vote buttons on answers and the 👎 modal. An
// interaction without an id or token cannot be answered and is ignored; a
// command whose data or options are not what it takes is answered with
// unreadableText and changes nothing; such an autocomplete gets no
// choices; a button press or a modal submission that is no vote is
// answered with unreadableVoteText and keeps nothing.
func (a *Adapter) onInteraction(s *discordgo.Session, i *discordgo.InteractionCreate) {
	defer a.recovered("INTERACTION_CREATE")
	if i == nil || i.Interaction == nil || i.ID == "" || i.Token == "" {
		return
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		a.autocomplete(s, i)
	case discordgo.InteractionApplicationCommand:
		d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			a.unreadable(s, i, unreadableText)
			return
		}
		var text string
		switch d.Name {
		case CommandName:
			text, ok = question(d)
		case DigestCommandName:
			text, ok = digestText(d)
		default:
			return // not ours
		}
		if !ok {
			a.unreadable(s, i, unreadableText)
			return
		}
		a.command(s, i, text)
	case discordgo.InteractionMessageComponent:
		a.vote(s, i)
	case discordgo.InteractionModalSubmit:
		a.voteSubmit(s, i)
	}
}

// unreadableText answers a command whose data Discord sent in a shape
// durand does not know.
const unreadableText = "I couldn't read that command: its options are not what it takes. Nothing changed."

// unreadable answers an interaction that could not be read with text,
// seen by its user alone.
func (a *Adapter) unreadable(s *discordgo.Session, i *discordgo.InteractionCreate, text string) {
	a.log.Warn("unreadable interaction", "type", int(i.Type))
	r := Render(bot.Response{Kind: bot.KindInfo, Lead: text}, "")
	err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Embeds: r.Embeds, AllowedMentions: NoMentions(), Flags: discordgo.MessageFlagsEphemeral},
	})
	if err != nil {
		a.log.Error("interaction response failed", "route", "POST interactions/callback", "err", redact(err))
	}
}

// digestText turns /durand-digest's subcommand and options into the
// words the Router understands: "digest on 08:00 Asia/Karachi". ok is
// false when they are not subcommands holding string options.
func digestText(d discordgo.ApplicationCommandInteractionData) (text string, ok bool) {
	words := []string{"digest"}
	for _, sub := range d.Options {
		if sub == nil || sub.Type != discordgo.ApplicationCommandOptionSubCommand {
			return "", false
		}
		words = append(words, sub.Name)
		for _, o := range sub.Options {
			if o == nil {
				return "", false
			}
			if o.Name == "time" || o.Name == "zone" {
				v, ok := stringOption(o)
				if !ok {
					return "", false
				}
				words = append(words, strings.Fields(v)...)
			}
		}
	}
	return strings.Join(words, " "), true
}

// question returns the question option of /durand or its autocomplete:
// "" when there is none. ok is false when there is one that is not a
// string, or an option that is null.
func question(d discordgo.ApplicationCommandInteractionData) (q string, ok bool) {
	for _, o := range d.Options {
		if o == nil {
			return "", false
		}
		if o.Name == "question" {
			return stringOption(o)
		}
	}
	return "", true
}

// stringOption returns the value of a string option; ok is false when o
// is not a string option holding a string.
func stringOption(o *discordgo.ApplicationCommandInteractionDataOption) (v string, ok bool) {
	if o.Type != discordgo.ApplicationCommandOptionString {
		return "", false
	}
	v, ok = o.Value.(string)
	return v, ok
}

// manager reports whether the member who used a command may manage the
// channel: Manage Channels or Administrator in a guild; anyone in a DM.
// A guild interaction without its member is no manager's.
func manager(i *discordgo.InteractionCreate) bool {
	if i.Member == nil {
		return i.GuildID == ""
	}
	return i.Member.Permissions&(discordgo.PermissionManageChannels|discordgo.PermissionAdministrator) != 0
}

func user(i *discordgo.InteractionCreate) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// maxChoices is Discord's limit on autocomplete choices; a choice's name
// and value are at most 100 characters.
const maxChoices = 25

// autocomplete offers questions matching what the user has typed; none
// when the interaction's data is not /durand's.
func (a *Adapter) autocomplete(s *discordgo.Session, i *discordgo.InteractionCreate) {
	var matches []string
	if d, ok := i.Data.(discordgo.ApplicationCommandInteractionData); ok && d.Name == CommandName {
		if typed, ok := question(d); ok {
			matches = a.cfg.Router.Complete(bot.Message{Platform: "discord", Channel: i.ChannelID, User: user(i), Text: typed}, maxChoices)
		}
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, q := range matches {
		q = trimWords(q, 100)
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: q, Value: q})
	}
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	})
	if err != nil {
		a.log.Error("autocomplete failed", "route", "POST interactions/callback", "err", redact(err))
	}
}

// command answers /durand within Discord's 3 seconds: at once when the
// answer is ready within AnswerTimeout, otherwise deferred and then
// edited in.
func (a *Adapter) command(s *discordgo.Session, i *discordgo.InteractionCreate, q string) {
	done := make(chan Rendered, 1)
	msg := bot.Message{Platform: "discord", Channel: i.ChannelID, User: user(i), Text: q,
		Manager: manager(i), ManagerHint: "members with the Manage Channels permission",
		Curator: i.Member != nil && manager(i), CuratorHint: "members with the Manage Channels permission, in a server"}
	a.background(func(ctx context.Context) {
		done <- Render(a.cfg.Router.Handle(ctx, msg), q)
	})
	select {
	case r := <-done:
		err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: r.Content, Embeds: r.Embeds, Components: r.Components, AllowedMentions: NoMentions()},
		})
		if err != nil {
			a.log.Error("interaction response failed", "route", "POST interactions/callback", "err", redact(err))
		}
		return
	case <-time.After(a.cfg.AnswerTimeout):
	}
	if err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
	}); err != nil {
		a.log.Error("deferring failed", "route", "POST interactions/callback", "err", redact(err))
		return
	}
	a.background(func(ctx context.Context) {
		var r Rendered
		select {
		case r = <-done:
		case <-ctx.Done():
			return
		}
		content := r.Content
		if _, err := s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{
			Content: &content, Embeds: &r.Embeds, Components: &r.Components, AllowedMentions: NoMentions(),
		}, discordgo.WithContext(ctx)); err != nil {
			a.log.Error("deferred answer failed", "route", "PATCH webhooks/messages/@original", "err", redact(err))
		}
	})
}

// tokenInPath matches the secret parts of interaction and webhook routes.
var tokenInPath = regexp.MustCompile(`(interactions/\d+/|webhooks/\d+/)[^/\s"]+`)

// redact removes interaction and webhook tokens from an error's text, so
// that errors are logged by route, never with a token.
func redact(err error) string {
	return tokenInPath.ReplaceAllString(err.Error(), "${1}:token")
}
