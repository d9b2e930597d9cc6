package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/durandbot/durand/internal/cli"

	"github.com/durandbot/durand/adapters/console"
	"github.com/durandbot/durand/bot"
)

// runChat runs the terminal chat.
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
	limit, err := packMax(getenv)
	if err != nil {
		return err
	}
	base, err := loadPack(*packDir, limit)
	if err != nil {
		return fmt.Errorf("chat: loading the pack: %w", err)
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
	c := &console.Adapter{Router: router, In: stdin, Out: stdout, User: user}
	return c.Run(ctx)
}
