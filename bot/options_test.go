package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/durandbot/durand/bot"
)

type observed struct {
	mu       sync.Mutex
	outcomes []string
}

func (o *observed) observe(platform, outcome string, _ time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.outcomes = append(o.outcomes, platform+"/"+outcome)
}

func TestRateLimitPerUser(t *testing.T) {
	kb, err := packBase()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	var obs observed
	r := bot.NewRouter(kb, nil)
	r.SetOptions(bot.Options{RatePerMinute: 20, Now: func() time.Time { return now }, Observe: obs.observe})
	ask := func(user string) bot.Response {
		return r.Handle(context.Background(), bot.Message{Platform: "slack", User: user, Text: "who is asif durrani"})
	}
	for i := 0; i < 20; i++ {
		if resp := ask("U1"); resp.Kind != bot.KindAnswer {
			t.Fatalf("question %d: %v %q", i+1, resp.Kind, resp.Lead)
		}
	}
	resp := ask("U1")
	if resp.Kind != bot.KindInfo || !strings.Contains(resp.Lead, "20 questions a minute") {
		t.Errorf("21st question: %v %q", resp.Kind, resp.Lead)
	}
	if resp := ask("U2"); resp.Kind != bot.KindAnswer {
		t.Errorf("another user was limited: %q", resp.Lead)
	}
	if resp := r.Handle(context.Background(), bot.Message{Platform: "slack", User: "U1", Text: "help"}); resp.Kind != bot.KindHelp {
		t.Errorf("help was limited: %q", resp.Lead)
	}
	now = now.Add(3 * time.Second) // one token back
	if resp := ask("U1"); resp.Kind != bot.KindAnswer {
		t.Errorf("after 3 s: %q", resp.Lead)
	}
	if resp := ask("U1"); resp.Kind != bot.KindInfo {
		t.Errorf("only one token came back: %q", resp.Lead)
	}
	counts := map[string]int{}
	for _, o := range obs.outcomes {
		counts[o]++
	}
	if counts["slack/answered"] != 22 || counts["slack/limited"] != 2 {
		t.Errorf("observed %v", counts)
	}
}

func TestTooLongAndLogging(t *testing.T) {
	kb, _ := packBase()
	var logs bytes.Buffer
	var obs observed
	r := bot.NewRouter(kb, slog.New(slog.NewJSONHandler(&logs, nil)))
	r.SetOptions(bot.Options{Observe: obs.observe})
	long := strings.Repeat("who is asif durrani ", 60)
	resp := r.Handle(context.Background(), bot.Message{Platform: "discord", Text: long})
	if resp.Kind != bot.KindInfo || !strings.Contains(resp.Lead, "under 1000") {
		t.Errorf("long input: %v %q", resp.Kind, resp.Lead)
	}
	r.Handle(context.Background(), bot.Message{Platform: "discord", Channel: "42", Text: "Who is Asif Durrani?"})
	out := logs.String()
	if strings.Contains(out, "Who is Asif") {
		t.Errorf("question text logged without DURAND_LOG_QUESTIONS:\n%s", out)
	}
	for _, want := range []string{`"msg":"question"`, `"platform":"discord"`, `"outcome":"answered"`, `"entity":"asif-durrani"`, `"latency_ms"`, `"outcome":"refused"`} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
	logs.Reset()
	r.SetOptions(bot.Options{LogQuestions: true})
	r.Handle(context.Background(), bot.Message{Platform: "discord", Text: "what is the ttp"})
	if !strings.Contains(logs.String(), `"text":"what is the ttp"`) {
		t.Errorf("LogQuestions did not log the text:\n%s", logs.String())
	}
	if len(obs.outcomes) != 2 || obs.outcomes[0] != "discord/refused" || obs.outcomes[1] != "discord/answered" {
		t.Errorf("observed %v", obs.outcomes)
	}
}
