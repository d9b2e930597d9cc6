package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/postgres/pgtest"
	"github.com/durandbot/durand/adapters/slack/slacktest"
)

// replicaDBs are the databases two replicas may share: a fresh PostgreSQL
// schema, the store meant for replicas, and a SQLite file shared by two
// processes, which works the same way.
func replicaDBs() []struct {
	name string
	db   func(t *testing.T) string
} {
	return []struct {
		name string
		db   func(t *testing.T) string
	}{
		{"postgres", func(t *testing.T) string { return pgtest.FreshURL(t, pgtest.Server(t)) }},
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "durand.db") }},
	}
}

// sendEvent posts a signed Events API body to a serve at addr, as Slack's
// retry retry ("" for the first delivery), and wants it taken.
func sendEvent(t *testing.T, addr, secret, body, retry string) {
	t.Helper()
	req := slacktest.SignedRequest(t, "http://"+addr+"/slack/events", "application/json", body, secret, time.Now())
	if retry != "" {
		req.Header.Set("X-Slack-Retry-Num", retry)
		req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("event to %s: status %d", addr, resp.StatusCode)
	}
}

// TestServeReplicasAnswerRetryOnce runs two `durand serve`s, each with its
// own adapters and memory, on one database, as two replicas behind a load
// balancer: a mention goes to one, and Slack's retries of it to the other
// (and back). Each mention is answered exactly once, with or without an
// event_id. PostgreSQL is the store meant for replicas; a SQLite file
// shared by two processes works the same way.
func TestServeReplicasAnswerRetryOnce(t *testing.T) {
	for _, tt := range replicaDBs() {
		t.Run(tt.name, func(t *testing.T) {
			const secret = "replica-secret"
			db := tt.db(t)
			f := slacktest.NewFake(t)
			env := func() map[string]string {
				return map[string]string{
					"DURAND_ADDR": "127.0.0.1:0", "DURAND_DB": db,
					"SLACK_BOT_TOKEN": "xoxb-replica", "SLACK_SIGNING_SECRET": secret, "SLACK_API_URL": f.APIURL(),
				}
			}
			addrA, _, stopA := startServe(t, env())
			addrB, logsB, stopB := startServe(t, env())
			send := func(addr, body, retry string) { t.Helper(); sendEvent(t, addr, secret, body, retry) }
			withID := slacktest.MentionEvent("EvReplicated", "U1", "", "<@"+slacktest.BotUser+"> when did torkham close", "1700002000.000100", "")
			withoutID := slacktest.MentionEvent("", "U1", "", "<@"+slacktest.BotUser+"> who is asif durrani", "1700002100.000100", "")
			send(addrA, withID, "")
			send(addrB, withID, "1")
			send(addrA, withID, "2")
			send(addrB, withoutID, "")
			send(addrA, withoutID, "1")
			slacktest.Eventually(t, "both mentions answered", func() bool { return len(f.Posts()) >= 2 })
			for _, stop := range []func() error{stopA, stopB} {
				if err := stop(); err != nil {
					t.Errorf("serve returned %v", err)
				}
			}
			threads := map[string]int{}
			for _, p := range f.Posts() {
				threads[p.Get("thread_ts")]++
			}
			if len(f.Posts()) != 2 || threads["1700002000.000100"] != 1 || threads["1700002100.000100"] != 1 {
				t.Errorf("replies by thread %v; want one in each of 1700002000.000100 and 1700002100.000100", threads)
			}
			if !strings.Contains(logsB.String(), "duplicate event ignored") {
				t.Errorf("the second replica did not log a duplicate:\n%s", logsB)
			}
		})
	}
}

// TestServeReplicasShareAThread runs two `durand serve`s on one database:
// the first mention in a thread goes to one replica and the follow-up,
// saying "he", to the other, which reads it against the first — the
// conversation lives in the store, not in either process.
func TestServeReplicasShareAThread(t *testing.T) {
	for _, tt := range replicaDBs() {
		t.Run(tt.name, func(t *testing.T) {
			const secret = "replica-secret"
			db := tt.db(t)
			f := slacktest.NewFake(t)
			env := map[string]string{
				"DURAND_ADDR": "127.0.0.1:0", "DURAND_DB": db, "DURAND_CONTEXT_TTL": "10m",
				"SLACK_BOT_TOKEN": "xoxb-replica", "SLACK_SIGNING_SECRET": secret, "SLACK_API_URL": f.APIURL(),
			}
			addrA, _, stopA := startServe(t, env)
			addrB, _, stopB := startServe(t, env)
			send := func(addr, body string) { t.Helper(); sendEvent(t, addr, secret, body, "") }
			const thread = "1700003000.000100"
			send(addrA, slacktest.MentionEvent("EvFirst", "U1", "", "<@"+slacktest.BotUser+"> who is asif durrani", thread, ""))
			slacktest.Eventually(t, "the first answer", func() bool { return len(f.Posts()) == 1 })
			send(addrB, slacktest.MentionEvent("EvFollow", "U1", "", "<@"+slacktest.BotUser+"> what did he tell the taliban about the ttp?", "1700003050.000100", thread))
			slacktest.Eventually(t, "the follow-up's answer", func() bool { return len(f.Posts()) == 2 })
			for _, stop := range []func() error{stopA, stopB} {
				if err := stop(); err != nil {
					t.Errorf("serve returned %v", err)
				}
			}
			p := f.Posts()[1]
			if p.Get("thread_ts") != thread || !strings.Contains(p.Get("blocks"), "red line") {
				t.Errorf("the other replica answered the follow-up in %q with %s; want what Durrani told the Taliban, in the thread", p.Get("thread_ts"), p.Get("blocks"))
			}
		})
	}
}
