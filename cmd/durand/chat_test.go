package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/internal/cli"
)

// chat runs `durand chat` with env, typing stdin.
func chat(t *testing.T, env map[string]string, stdin string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"chat"}, func(k string) string { return env[k] }, strings.NewReader(stdin), &out, &errb)
	code = cli.Status(err, &errb, "durand")
	return out.String(), errb.String(), code
}

// TestChatKeepsFeedback chats with DURAND_DB set: the vote, its reason and
// the declined question reach the database, for durand gaps; with
// DURAND_GAPS=0, without their text.
func TestChatKeepsFeedback(t *testing.T) {
	const lines = "who is asif durrani\nbad wrong person\nbest biryani place in peshawar?\n"
	tests := []struct {
		gaps     string
		question string // of the declined record
		comment  string // of the 👎
	}{
		{"", "best biryani place in peshawar", "wrong person"},
		{"0", "", ""},
	}
	for _, tt := range tests {
		t.Run("DURAND_GAPS="+tt.gaps, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "durand.db")
			out, errs, code := chat(t, map[string]string{"DURAND_DB": db, "DURAND_GAPS": tt.gaps}, lines)
			if code != 0 || !strings.Contains(out, bot.Thanks) {
				t.Fatalf("exit %d: %s\n%s", code, errs, out)
			}
			got := map[bot.Rating]bot.Feedback{}
			for _, r := range feedbackIn(t, db) {
				got[r.Rating] = r
			}
			down, declined := got[bot.RatingDown], got[bot.RatingDeclined]
			if len(got) != 2 || down.Platform != "console" || down.Comment != tt.comment || len(down.Facts) == 0 {
				t.Errorf("records %+v; want a 👎 with comment %q and a declined question", got, tt.comment)
			}
			if !strings.HasPrefix(declined.Question, tt.question) || tt.question == "" && declined.Question != "" {
				t.Errorf("declined question kept as %q, want %q", declined.Question, tt.question)
			}
		})
	}
}

// TestChatStore checks chat's store: memory without DURAND_DB, nothing
// written; a bad DURAND_DB or DURAND_GAPS is one line naming it, exit 2.
func TestChatStore(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string // the variable named; "" for a chat that runs
	}{
		{"memory", map[string]string{}, ""},
		{"bad database", map[string]string{"DURAND_DB": filepath.Join(os.DevNull, "no", "durand.db")}, "DURAND_DB"},
		{"bad gaps", map[string]string{"DURAND_GAPS": "off"}, "DURAND_GAPS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			out, errs, code := chat(t, tt.env, "who is asif durrani\nbad\n")
			if tt.wantErr == "" {
				if code != 0 || !strings.Contains(out, bot.Thanks) {
					t.Fatalf("exit %d: %s\n%s", code, errs, out)
				}
				if files, _ := filepath.Glob("*"); len(files) != 0 {
					t.Errorf("chat without DURAND_DB wrote %v", files)
				}
				return
			}
			if code != 2 || !strings.HasPrefix(errs, "durand: "+tt.wantErr+":") || strings.Count(errs, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want one line naming %s and exit 2", code, errs, tt.wantErr)
			}
		})
	}
}

// TestChatFollowUps: the terminal chat over a pipe is one conversation —
// "he" is the person asked about, "why?" asks it of the last question, and
// "more" continues a timeline — and a bad DURAND_CONTEXT_TTL stops it.
func TestChatFollowUps(t *testing.T) {
	out, errs, code := chat(t, nil, "who is asif durrani\nwhat did he tell the taliban about the ttp?\nwhen did pakistan close torkham\nwhy?\ntimeline ttp\nmore\nthanks!\n")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"red line", "Chitral", "say “more” for the next 6", "You're welcome"} {
		if !strings.Contains(out, want) {
			t.Errorf("chat output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "Key dates:") != 2 {
		t.Errorf("want the timeline and its continuation:\n%s", out)
	}
	if _, errs, code := chat(t, map[string]string{"DURAND_CONTEXT_TTL": "forever"}, "hi\n"); code != 2 || !strings.Contains(errs, "DURAND_CONTEXT_TTL") {
		t.Errorf("DURAND_CONTEXT_TTL=forever: exit %d, %q; want 2 naming the variable", code, errs)
	}
}
