package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/discord/discordtest"
	"github.com/durandbot/durand/adapters/slack/slacktest"
)

// lockedBuffer collects the server's log while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe runs `durand serve` with env until the test ends and returns
// the address it listens on and its log.
func startServe(t *testing.T, env map[string]string) (addr string, logs *lockedBuffer, stop func() error) {
	t.Helper()
	if _, ok := env["DURAND_DB"]; !ok {
		env["DURAND_DB"] = filepath.Join(t.TempDir(), "durand.db")
	}
	logs = &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve"}, func(k string) string { return env[k] }, strings.NewReader(""), io.Discard, logs)
	}()
	slacktest.Eventually(t, "durand serving", func() bool {
		sc := bufio.NewScanner(strings.NewReader(logs.String()))
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "durand serving" {
				addr = line.Addr
				return true
			}
		}
		select {
		case err := <-done:
			t.Fatalf("serve exited early: %v\n%s", err, logs)
		default:
		}
		return false
	})
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("serve did not stop within 5 seconds")
			}
		})
		return err
	}
	t.Cleanup(func() { stop() })
	return addr, logs, stop
}

func TestServeSlackEndToEnd(t *testing.T) {
	const secret = "e2e-signing-secret"
	f := slacktest.NewFake(t)
	addr, logs, stop := startServe(t, map[string]string{
		"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-e2e-token", "SLACK_SIGNING_SECRET": secret, "SLACK_API_URL": f.APIURL(),
	})
	base := "http://" + addr

	for _, path := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}

	// A signed slash command is answered.
	req := slacktest.SignedRequest(t, base+"/slack/commands", "application/x-www-form-urlencoded",
		slacktest.SlashForm("how many fighters does the ttp have", f.ResponseURL("e2e")), secret, time.Now())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "4,000") {
		t.Errorf("slash command: %d %s", resp.StatusCode, body)
	}

	// An unsigned one is refused.
	unsigned, _ := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(slacktest.SlashForm("who is imran khan", "")))
	unsigned.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, err := http.DefaultClient.Do(unsigned); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned slash command: %v %v", resp, err)
	}

	// A mention is answered in its thread.
	ev := slacktest.MentionEvent("EvE2E", "U1", "", "<@"+slacktest.BotUser+"> when did torkham close", "1700000900.000100", "")
	resp, err = http.DefaultClient.Do(slacktest.SignedRequest(t, base+"/slack/events", "application/json", ev, secret, time.Now()))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("event: %v %v", resp, err)
	}
	slacktest.Eventually(t, "the threaded reply", func() bool { return len(f.Posts()) == 1 })
	p := f.Posts()[0]
	if p.Get("thread_ts") != "1700000900.000100" || !strings.Contains(p.Get("blocks"), "Torkham") {
		t.Errorf("reply %v", p)
	}

	if err := stop(); err != nil {
		t.Errorf("serve returned %v", err)
	}
	for _, secretish := range []string{"xoxb-e2e-token", secret} {
		if strings.Contains(logs.String(), secretish) {
			t.Errorf("log leaks %q", secretish)
		}
	}
	if !strings.Contains(logs.String(), "shutting down") {
		t.Errorf("no shutdown in log:\n%s", logs)
	}
}

func TestServeBadSlackToken(t *testing.T) {
	f := slacktest.NewFake(t)
	f.FailNext("auth.test", http.StatusUnauthorized, http.StatusUnauthorized, http.StatusUnauthorized, http.StatusUnauthorized)
	_, errs, code := runCmdEnv(t, map[string]string{
		"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-bad", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": f.APIURL(),
		"DURAND_DB": filepath.Join(t.TempDir(), "durand.db"),
	}, "serve")
	if code == 0 || !strings.Contains(errs, "auth.test") || strings.Contains(errs, "xoxb-bad") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestServeBadDatabaseExits2(t *testing.T) {
	_, errs, code := runCmdEnv(t, map[string]string{
		"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
		"DURAND_DB": filepath.Join(t.TempDir(), "no", "such", "dir", "durand.db"),
	}, "serve")
	if code != 2 || !strings.HasPrefix(strings.TrimPrefix(errs, "durand: "), "DURAND_DB:") || strings.Count(errs, "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want one line naming DURAND_DB and exit 2", code, errs)
	}
}

func runCmdEnv(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := run(ctx, args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errb)
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

func TestServeDiscordBesideSlackEndToEnd(t *testing.T) {
	fs := slacktest.NewFake(t)
	fd := discordtest.NewFake(t)
	addr, logs, stop := startServe(t, map[string]string{
		"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-e2e", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": fs.APIURL(),
		"DISCORD_BOT_TOKEN": "discord-e2e-token", "DISCORD_API_URL": fd.APIURL(), "DISCORD_GUILD_ID": discordtest.GuildID,
	})
	fd.WaitReady(t)
	slacktest.Eventually(t, "readyz", func() bool {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	msg := fd.UserMessage(discordtest.ChannelID, "<@"+discordtest.BotUserID+"> how many afghans fled to pakistan during the soviet invasion")
	fd.Dispatch(t, "MESSAGE_CREATE", msg)
	slacktest.Eventually(t, "the Discord reply", func() bool {
		return len(fd.CallsTo("POST", "/api/v9/channels/"+discordtest.ChannelID+"/messages")) == 1
	})
	c := fd.CallsTo("POST", "/api/v9/channels/"+discordtest.ChannelID+"/messages")[0]
	if !strings.Contains(c.RawBody, "five million") || !strings.Contains(c.RawBody, `"allowed_mentions":{"parse":[]`) {
		t.Errorf("reply %s", c.RawBody)
	}
	if err := stop(); err != nil {
		t.Errorf("serve returned %v", err)
	}
	if strings.Contains(logs.String(), "discord-e2e-token") {
		t.Error("log leaks the Discord token")
	}
}
