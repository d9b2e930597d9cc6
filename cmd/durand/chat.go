package main

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"time"

	"github.com/durandbot/durand/internal/cli"

	"github.com/durandbot/durand/adapters/console"
	"github.com/durandbot/durand/bot"
)

// runChat runs the terminal chat. Digest settings made in it last as long
// as the chat; votes and declined questions are kept in DURAND_DB when it
// is set.
func runChat(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("chat", flag.ContinueOnError)
	fl.SetOutput(stderr)
	packDir := fl.String("pack", "", "answer from the pack in `DIR` instead of the embedded one")
	if err := fl.Parse(args); err != nil {
		return &cli.ExitError{Code: 2}
	}
	if fl.NArg() > 0 {
		return cli.Usage("chat takes no arguments, got %q", fl.Args())
	}
	base, err := loadPackFor("chat", *packDir, getenv)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	user := getenv("USER")
	if user == "" {
		user = "you"
	}
	router := bot.NewRouter(base, log)
	// Digest settings can be tried out; they last as long as the chat.
	zone := time.UTC
	if tz := getenv("DURAND_TZ"); tz != "" {
		if zone, err = bot.LoadZone(tz); err != nil {
			return cli.Usage("DURAND_TZ: %v", err)
		}
	}
	router.SetDigest(bot.DigestSettings{Store: bot.NewMemoryStore(), DefaultZone: zone})
	// Votes and declined questions go where serve keeps them, for durand
	// gaps, when DURAND_DB is set; otherwise they last as long as the chat.
	keepText, err := gapsVar(getenv)
	if err != nil {
		return err
	}
	store, err := feedbackStore(ctx, getenv("DURAND_DB"))
	if err != nil {
		return err
	}
	defer store.Close()
	router.SetFeedback(bot.FeedbackSettings{Store: store, KeepText: keepText})
	// The chat is one conversation, kept in memory.
	ttl, err := contextTTL(getenv)
	if err != nil {
		return err
	}
	router.SetConversations(bot.ConversationSettings{Store: bot.NewMemoryStore(), TTL: ttl})
	c := &console.Adapter{Router: router, In: stdin, Out: stdout, User: user}
	return c.Run(ctx)
}

// feedbackStore opens the store db names, checked as serve checks it, or
// a memory store when db is empty.
func feedbackStore(ctx context.Context, db string) (bot.Store, error) {
	if db == "" {
		return bot.NewMemoryStore(), nil
	}
	store, err := openStore(ctx, db)
	if err != nil {
		return nil, cli.Usage("DURAND_DB: %v", err)
	}
	if err := pingStore(ctx, store); err != nil {
		store.Close()
		return nil, cli.Usage("DURAND_DB: %v", err)
	}
	return store, nil
}
