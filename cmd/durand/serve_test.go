package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/durandbot/durand/internal/cli"

	"github.com/durandbot/durand/adapters/discord/discordtest"
	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/knowledge"
	"github.com/durandbot/durand/seeds"
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
	return startServeTuned(t, env, defaultTuning())
}

// startServeTuned is startServe with the HTTP server's timeouts, its
// connection cap and the shutdown budget set by tune.
func startServeTuned(t *testing.T, env map[string]string, tune serveTuning) (addr string, logs *lockedBuffer, stop func() error) {
	t.Helper()
	if _, ok := env["DURAND_DB"]; !ok {
		env["DURAND_DB"] = filepath.Join(t.TempDir(), "durand.db")
	}
	logs = &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, nil, func(k string) string { return env[k] }, logs, tune)
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
			case <-time.After(tune.Shutdown + 5*time.Second):
				t.Fatalf("serve did not stop within %v", tune.Shutdown+5*time.Second)
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

func TestServeUnreachablePostgresExits2(t *testing.T) {
	_, errs, code := runCmdEnv(t, map[string]string{
		"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
		"DURAND_DB": "postgres://durand:hunter2@127.0.0.1:1/durand?sslmode=disable&connect_timeout=2",
	}, "serve")
	if code != 2 || !strings.Contains(errs, "DURAND_DB:") || strings.Contains(errs, "hunter2") {
		t.Errorf("exit %d, stderr %q; want exit 2 naming DURAND_DB without the password", code, errs)
	}
}

func runCmdEnv(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := run(ctx, args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errb)
	code = cli.Status(err, &errb, "durand")
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

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// slash sends a signed /durand command and returns the reply body.
func slash(t *testing.T, base, secret, text, user string) string {
	t.Helper()
	form := strings.Replace(slacktest.SlashForm(text, "http://127.0.0.1:1/r"), "user_id=U1", "user_id="+user, 1)
	resp, err := http.DefaultClient.Do(slacktest.SignedRequest(t, base+"/slack/commands", "application/x-www-form-urlencoded", form, secret, time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestServeMetrics(t *testing.T) {
	f := slacktest.NewFake(t)
	addr, _, _ := startServe(t, map[string]string{
		"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-m", "SLACK_SIGNING_SECRET": "m-secret", "SLACK_API_URL": f.APIURL(),
		"DURAND_RATE": "2",
	})
	base := "http://" + addr
	slash(t, base, "m-secret", "who is asif durrani", "U1")
	slash(t, base, "m-secret", "what is the population of afghanistan", "U1")
	if body := slash(t, base, "m-secret", "who is imran khan", "U1"); !strings.Contains(body, "questions a minute") {
		t.Errorf("third question within the minute at DURAND_RATE=2: %s", body)
	}
	// Refused requests are counted by reason.
	status := func(method, path, body string) int {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for range 2 {
		if code := status(http.MethodPost, "/slack/events", `{"type":"url_verification"}`); code != http.StatusUnauthorized {
			t.Fatalf("unsigned event: %d", code)
		}
	}
	if code := status(http.MethodGet, "/slack/commands", ""); code != http.StatusMethodNotAllowed {
		t.Fatalf("GET /slack/commands: %d", code)
	}
	out := get(t, base+"/metrics")
	pack, err := knowledge.Load(seeds.FS())
	if err != nil {
		t.Fatal(err)
	}
	st := pack.Stats()
	for _, want := range []string{
		`durand_requests_rejected_total{reason="unsigned"} 2`,
		`durand_requests_rejected_total{reason="method"} 1`,
		`durand_questions_total{outcome="answered",platform="slack"} 1`,
		`durand_questions_total{outcome="declined",platform="slack"} 1`,
		`durand_questions_total{outcome="limited",platform="slack"} 1`,
		`durand_answer_seconds_count{platform="slack"} 3`,
		`durand_feedback_total{platform="slack",rating="declined"} 1`,
		fmt.Sprintf("durand_pack_facts %d", st.Facts), // the embedded pack's
		fmt.Sprintf("durand_pack_entities %d", st.Entities),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// copyPack copies the embedded pack's files from ../../seeds into dir.
func copyPack(t *testing.T, dir string) {
	t.Helper()
	for _, pat := range []string{"*.yaml", "entities/*.yaml", "facts/*.yaml"} {
		files, _ := filepath.Glob(filepath.Join("../../seeds", pat))
		for _, src := range files {
			rel, _ := filepath.Rel("../../seeds", src)
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755)
			if err := os.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestServePackReload(t *testing.T) {
	dir := t.TempDir()
	copyPack(t, dir)
	f := slacktest.NewFake(t)
	addr, logs, _ := startServe(t, map[string]string{
		"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-r", "SLACK_SIGNING_SECRET": "r-secret", "SLACK_API_URL": f.APIURL(),
		"DURAND_PACK": dir,
	})
	base := "http://" + addr
	ask := func(user string) string { return slash(t, base, "r-secret", "who is sarfraz bugti", user) }
	if body := ask("U1"); !strings.Contains(body, "interior minister") {
		t.Fatalf("before reload: %s", body)
	}
	factsFile := filepath.Join(dir, "facts", "002.yaml")
	orig, err := os.ReadFile(factsFile)
	if err != nil {
		t.Fatal(err)
	}
	// A valid change is picked up from the directory.
	changed := strings.Replace(string(orig), "interim (caretaker) interior minister", "interim (caretaker) interior minister, RELOADED", 1)
	if changed == string(orig) {
		t.Fatal("the fact to change was not found")
	}
	if err := os.WriteFile(factsFile, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	slacktest.Eventually(t, "the reloaded answer", func() bool { return strings.Contains(ask("U2"), "RELOADED") })
	// An invalid pack is refused; the last good one keeps serving.
	if err := os.WriteFile(factsFile, []byte(changed+"\n- id: broken\n  text: no citation\n  type: event\n  entities: [nobody]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	slacktest.Eventually(t, "the refusal logged", func() bool { return strings.Contains(logs.String(), "pack refused") })
	if body := ask("U3"); !strings.Contains(body, "RELOADED") {
		t.Errorf("after a refused reload: %s", body)
	}
	// SIGHUP reloads too (the file is still broken: refused again).
	before := strings.Count(logs.String(), "pack refused")
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	slacktest.Eventually(t, "a SIGHUP reload", func() bool {
		return strings.Count(logs.String(), "pack refused") > before && strings.Contains(logs.String(), `"why":"SIGHUP"`)
	})
	if !strings.Contains(get(t, base+"/metrics"), `durand_pack_reloads_total{outcome="refused"}`) {
		t.Error("refused reloads not counted")
	}
}
