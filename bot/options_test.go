package bot_test

import (
	"bytes"
	"context"
	"fmt"
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
	if resp := r.Handle(context.Background(), bot.Message{Platform: "slack", User: "U1", Text: "help"}); resp.Kind != bot.KindInfo {
		t.Errorf("help was not limited: %q", resp.Lead)
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
	if counts["slack/answered"] != 22 || counts["slack/limited"] != 3 {
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

// writeCounter is a MemoryStore that counts subscription writes.
type writeCounter struct {
	*bot.MemoryStore
	mu     sync.Mutex
	writes int
}

func (w *writeCounter) Subscribe(ctx context.Context, s bot.Subscription) error {
	w.mu.Lock()
	w.writes++
	w.mu.Unlock()
	return w.MemoryStore.Subscribe(ctx, s)
}

func (w *writeCounter) Unsubscribe(ctx context.Context, k bot.ChannelKey) (bool, error) {
	w.mu.Lock()
	w.writes++
	w.mu.Unlock()
	return w.MemoryStore.Unsubscribe(ctx, k)
}

// TestRateLimitEveryCommand: commands that are not questions take a token
// from the user's bucket too; over the limit they get the limited reply
// and are counted as limited.
func TestRateLimitEveryCommand(t *testing.T) {
	kb, err := packBase()
	if err != nil {
		t.Fatal(err)
	}
	const perMinute = 3
	for _, text := range []string{"help", "", "sources", "about", "timeline", "digest status", "digest preview", "digest frobnicate", "digest on 25:00", "digest off", strings.Repeat("x", 1001)} {
		t.Run(text[:min(len(text), 20)], func(t *testing.T) {
			now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
			var obs observed
			store := &writeCounter{MemoryStore: bot.NewMemoryStore()}
			r := bot.NewRouter(kb, nil)
			r.SetOptions(bot.Options{RatePerMinute: perMinute, Now: func() time.Time { return now }, Observe: obs.observe})
			r.SetDigest(bot.DigestSettings{Store: store, Now: func() time.Time { return now }})
			say := func(user string) bot.Response {
				return r.Handle(context.Background(), bot.Message{Platform: "slack", Channel: "C1", User: user, Text: text, Manager: true})
			}
			for i := range perMinute {
				if resp := say("U1"); strings.Contains(resp.Lead, "faster than") {
					t.Fatalf("message %d limited: %q", i+1, resp.Lead)
				}
			}
			resp := say("U1")
			if resp.Kind != bot.KindInfo || !strings.Contains(resp.Lead, "faster than I can keep up with") {
				t.Errorf("message %d: %v %q, want the limited reply", perMinute+1, resp.Kind, resp.Lead)
			}
			if resp := say("U2"); strings.Contains(resp.Lead, "faster than") {
				t.Errorf("another user was limited: %q", resp.Lead)
			}
			limited := 0
			for _, o := range obs.outcomes {
				if o == "slack/limited" {
					limited++
				}
			}
			if limited != 1 {
				t.Errorf("observed %v, want the limited message counted as limited", obs.outcomes)
			}
		})
	}
}

// TestRateLimitSettings: changing a channel's digest has its own, smaller
// bucket; over it the reply says nothing changed, and the store is not
// written.
func TestRateLimitSettings(t *testing.T) {
	kb, err := packBase()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	store := &writeCounter{MemoryStore: bot.NewMemoryStore()}
	r := bot.NewRouter(kb, nil)
	r.SetOptions(bot.Options{RatePerMinute: 20, Now: func() time.Time { return now }})
	r.SetDigest(bot.DigestSettings{Store: store, Now: func() time.Time { return now }})
	say := func(user, text string) bot.Response {
		return r.Handle(context.Background(), bot.Message{Platform: "discord", Channel: "C1", User: user, Text: text, Manager: true})
	}
	limitedReplies := 0
	for i := range 15 {
		text := fmt.Sprintf("digest on %02d:00 Asia/Karachi", i)
		if i%2 == 1 {
			text = "digest off"
		}
		resp := say("U1", text)
		if strings.Contains(resp.Lead, "nothing changed") && strings.Contains(resp.Lead, "minute") {
			limitedReplies++
		}
	}
	if store.writes > 5 || store.writes == 0 {
		t.Errorf("15 digest changes in a minute wrote the store %d times, want a few (at most 5)", store.writes)
	}
	if limitedReplies != 15-store.writes {
		t.Errorf("%d limited replies for %d refused changes", limitedReplies, 15-store.writes)
	}
	before := store.writes
	if resp := say("U1", "digest status"); strings.Contains(resp.Lead, "faster than") || strings.Contains(resp.Lead, "nothing changed") {
		t.Errorf("digest status after the settings limit: %q", resp.Lead)
	}
	if resp := say("U2", "digest on 09:30 Asia/Kabul"); !strings.Contains(resp.Lead, "09:30 Asia/Kabul") {
		t.Errorf("another user was limited: %q", resp.Lead)
	}
	if store.writes != before+1 {
		t.Errorf("writes %d, want %d", store.writes, before+1)
	}
	now = now.Add(time.Minute)
	if resp := say("U1", "digest on 07:00 Asia/Karachi"); !strings.Contains(resp.Lead, "07:00 Asia/Karachi") {
		t.Errorf("a minute later: %q", resp.Lead)
	}
}
