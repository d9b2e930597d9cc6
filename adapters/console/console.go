// Package console is durand's terminal chat: the same Router, commands and
// answers as Slack and Discord, with no tokens needed. On a terminal it
// offers a prompt with line editing and history; on a pipe it reads one
// message per line and prints each reply. Right after an answer, good or
// bad [why] rates it, as the 👍 and 👎 buttons do elsewhere.
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

	// last is the answer just given, if the last reply was one; rated
	// says it has been voted on.
	last  *bot.AnswerRef
	rated bool
	// answers counts the answers given, for the vote hint.
	answers int
}

// Voting on answers.
const (
	// hintEvery is how often an answer shows how to rate it: with the
	// first answer, then every hintEvery-th, so that it is found without
	// cluttering every reply.
	hintEvery = 5
	// voteHint is the hint.
	voteHint = "Rate this answer: good, or bad and what was wrong."
	// nothingToRate answers a vote when no answer was just given.
	nothingToRate = "There's nothing to rate: good, or bad and what was wrong, rates the answer just given."
	// alreadyRated answers a second vote on one answer.
	alreadyRated = "You've rated that answer already."
)

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
		fmt.Fprintln(w, a.turn(ctx, line))
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
		fmt.Fprintln(a.Out, a.turn(ctx, line))
	}
	return nil
}

// turn answers one line, rendered: a vote on the answer just given, or
// anything else, for the Router.
func (a *Adapter) turn(ctx context.Context, line string) string {
	if rating, comment, ok := parseVote(line); ok {
		return Render(a.vote(ctx, rating, comment))
	}
	resp := a.Router.Handle(ctx, a.message(line))
	a.last, a.rated = resp.Answer, false
	hint := false
	if resp.Answer != nil {
		hint = a.answers%hintEvery == 0
		a.answers++
	}
	return present(resp, hint)
}

// vote records a vote on the answer just given, once; with none to rate,
// it says so and records nothing.
func (a *Adapter) vote(ctx context.Context, rating bot.Rating, comment string) bot.Response {
	switch {
	case a.last == nil:
		return bot.Response{Kind: bot.KindInfo, Lead: nothingToRate}
	case a.rated:
		return bot.Response{Kind: bot.KindInfo, Lead: alreadyRated}
	}
	resp := a.Router.Vote(ctx, a.message(""), *a.last, rating, comment)
	a.rated = resp.Lead == bot.Thanks // a vote refused may be tried again
	return resp
}

// message is text from the console's user.
func (a *Adapter) message(text string) bot.Message {
	// The chat is one conversation: follow-ups read against what came
	// before, for as long as the router's conversations keep it.
	return bot.Message{Platform: "console", Channel: "console", User: a.User, Text: text, Conversation: "console",
		Manager: true, Curator: true, DigestHint: consoleDigestHint}
}

// consoleDigestHint tells a terminal user that a digest subscription here
// posts nothing: the chat keeps it in memory and runs no schedule.
const consoleDigestHint = "The terminal keeps this setting for this session only and posts nothing on its own: run “durand digest” to see a day's digest."

// parseVote reads a vote: good, or bad with an optional reason, in any
// case. Anything else, "good morning" included, is no vote.
func parseVote(line string) (rating bot.Rating, comment string, ok bool) {
	word, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	switch strings.ToLower(strings.TrimRight(word, ".!")) {
	case "good":
		if strings.TrimSpace(rest) == "" {
			return bot.RatingUp, "", true
		}
	case "bad":
		return bot.RatingDown, strings.TrimSpace(rest), true
	}
	return "", "", false
}

// present renders a reply, with the vote hint when hint is set.
func present(r bot.Response, hint bool) string {
	s := Render(r)
	if hint {
		s += "\n\n  " + voteHint
	}
	return s
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
	if l := r.MoreLine(); l != "" {
		b.WriteString("\n  " + l)
	}
	for i, c := range bot.Group(r.Sources) {
		label := "        "
		if i == 0 {
			label = "Sources:"
			b.WriteString("\n")
		}
		b.WriteString("\n  " + label + " " + c.Line())
		for _, q := range c.Quotes {
			b.WriteString("\n             " + q) // under the title, two further in
		}
	}
	if len(r.Suggestions) > 0 {
		b.WriteString("\n  Try: " + strings.Join(r.Suggestions, " · "))
	}
	return b.String()
}
