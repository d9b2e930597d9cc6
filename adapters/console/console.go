// Package console is durand's terminal chat: the same Router, commands and
// answers as Slack and Discord, with no tokens needed. On a terminal it
// offers a prompt with line editing and history; on a pipe it reads one
// message per line and prints each reply.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/peterh/liner"
	"golang.org/x/term"

	"github.com/durandbot/durand/bot"
)

// Adapter runs a chat session in a terminal or over a pipe.
type Adapter struct {
	Router *bot.Router
	In     io.Reader
	Out    io.Writer
	User   string // who is chatting, for the Router
}

const prompt = "durand> "

const greeting = "durand — ask about Pakistan–Afghanistan relations. Type help for commands, quit to leave."

// Run chats until the input ends, the user types quit, or ctx is done.
func (a *Adapter) Run(ctx context.Context) error {
	if f, ok := a.In.(*os.File); ok && term.IsTerminal(int(f.Fd())) && a.Out == os.Stdout {
		return a.runTerminal(ctx)
	}
	return a.runPipe(ctx)
}

// runPipe answers one message per input line, flushing after each.
func (a *Adapter) runPipe(ctx context.Context) error {
	sc := bufio.NewScanner(a.In)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	w := bufio.NewWriter(a.Out)
	defer w.Flush()
	for sc.Scan() {
		if ctx.Err() != nil {
			return nil
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if quit(line) {
			return nil
		}
		fmt.Fprintln(w, Render(a.reply(ctx, line)))
		if err := w.Flush(); err != nil {
			return fmt.Errorf("console: writing: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("console: reading: %w", err)
	}
	return nil
}

// runTerminal offers a prompt with line editing and history.
func (a *Adapter) runTerminal(ctx context.Context) error {
	ln := liner.NewLiner()
	defer ln.Close()
	ln.SetCtrlCAborts(true)
	fmt.Fprintln(a.Out, greeting)
	for ctx.Err() == nil {
		line, err := ln.Prompt(prompt)
		if errors.Is(err, liner.ErrPromptAborted) || errors.Is(err, io.EOF) {
			fmt.Fprintln(a.Out)
			return nil
		}
		if err != nil {
			return fmt.Errorf("console: reading: %w", err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		ln.AppendHistory(line)
		if quit(line) {
			return nil
		}
		fmt.Fprintln(a.Out, Render(a.reply(ctx, line)))
	}
	return nil
}

func (a *Adapter) reply(ctx context.Context, text string) bot.Response {
	return a.Router.Handle(ctx, bot.Message{Platform: "console", Channel: "console", User: a.User, Text: text, Manager: true})
}

func quit(line string) bool {
	switch strings.ToLower(line) {
	case "quit", "exit", "bye", ":q":
		return true
	}
	return false
}

// Render formats a response for the terminal: the answer, supporting lines
// as bullets, the sources, and any suggestions.
func Render(r bot.Response) string {
	if r.Digest != nil {
		return r.Digest.Text()
	}
	var b strings.Builder
	b.WriteString(r.Lead)
	for _, l := range r.Lines {
		b.WriteString("\n  • " + l)
	}
	if r.More > 0 {
		fmt.Fprintf(&b, "\n  …and %d more", r.More)
	}
	for i, s := range r.Sources {
		label := "         "
		if i == 0 {
			label = "Sources:"
			b.WriteString("\n")
		}
		b.WriteString("\n  " + label + " " + SourceLine(s))
	}
	if len(r.Suggestions) > 0 {
		b.WriteString("\n  Try: " + strings.Join(r.Suggestions, " · "))
	}
	return b.String()
}

// SourceLine names a source: title, author and section.
func SourceLine(s bot.Source) string {
	line := s.Title
	if s.Author != "" {
		line += " — " + s.Author
	}
	if s.Section != "" {
		line += ", " + s.Section
	}
	return line
}
