package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/durandbot/durand/internal/cli"
)

const testSecret = "load-secret"

// slashServer is a stand-in for durand's /slack/commands: it verifies
// each request as durand does and records what it saw.
type slashServer struct {
	t      *testing.T
	status int // answer with this status instead of an answer, when set

	mu        sync.Mutex
	requests  int
	badSig    int
	users     map[string]int
	questions map[string]int
	responses map[string]bool
}

func newSlashServer(t *testing.T, status int) (*slashServer, *httptest.Server) {
	s := &slashServer{t: t, status: status, users: map[string]int{}, questions: map[string]int{}, responses: map[string]bool{}}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func (s *slashServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	if r.Method != http.MethodPost || r.URL.Path != "/slack/commands" {
		s.t.Errorf("%s %s", r.Method, r.URL.Path)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		s.t.Errorf("Content-Type %q", ct)
	}
	if err := verify(r.Header, body, testSecret); err != nil {
		s.badSig++
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		s.t.Errorf("form: %v", err)
	}
	for _, k := range []string{"command", "text", "user_id", "channel_id", "team_id", "response_url", "trigger_id"} {
		if form.Get(k) == "" {
			s.t.Errorf("no %s in %s", k, body)
		}
	}
	if form.Get("command") != "/durand" {
		s.t.Errorf("command %q", form.Get("command"))
	}
	s.users[form.Get("user_id")]++
	s.questions[form.Get("text")]++
	s.responses[form.Get("response_url")] = true
	if s.status != 0 {
		http.Error(w, "no", s.status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"response_type": "ephemeral", "text": "answer to " + form.Get("text")})
}

func runLoad(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb strings.Builder
	err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &errb)
	code = cli.Status(err, &errb, "durand-load")
	return out.String(), errb.String(), code
}

var loadLine = regexp.MustCompile(`(?m)^load: requests=(\d+) errors=(\d+) rps=(\d+) p50_ms=([0-9.]+) p99_ms=([0-9.]+)$`)

// lastLoadLine returns the figures of the machine-readable line, which
// must be the last line of the report.
func lastLoadLine(t *testing.T, out string) (requests, errs int) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	m := loadLine.FindStringSubmatch(lines[len(lines)-1])
	if m == nil {
		t.Fatalf("last line is not the load line:\n%s", out)
	}
	requests, _ = strconv.Atoi(m[1])
	errs, _ = strconv.Atoi(m[2])
	return requests, errs
}

func TestRunSignedLoad(t *testing.T) {
	s, srv := newSlashServer(t, 0)
	out, errs, code := runLoad(t, "-url", srv.URL+"/slack/commands", "-secret", testSecret,
		"-requests", "300", "-duration", "30s", "-concurrency", "8", "-users", "50",
		"-check-rps", "1", "-check-p99", "5s")
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	requests, nerr := lastLoadLine(t, out)
	if requests != 300 || nerr != 0 {
		t.Fatalf("requests=%d errors=%d, want 300 and 0:\n%s", requests, nerr, out)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.requests != 300 || s.badSig != 0 {
		t.Errorf("server saw %d requests, %d badly signed", s.requests, s.badSig)
	}
	if len(s.users) != 50 {
		t.Errorf("%d distinct users, want 50", len(s.users))
	}
	for u, n := range s.users {
		if n != 6 {
			t.Errorf("user %s sent %d, want 6 (users take turns)", u, n)
		}
	}
	if len(s.questions) < 30 {
		t.Errorf("only %d distinct questions in 300 requests", len(s.questions))
	}
	if len(s.responses) != 300 {
		t.Errorf("%d distinct response_urls, want one per request", len(s.responses))
	}
	for rurl := range s.responses {
		if _, err := checkLoopbackURL(rurl); err != nil {
			t.Errorf("response_url %s: %v", rurl, err)
		}
		break
	}
	if !strings.Contains(errs, "check passed") {
		t.Errorf("no check line: %s", errs)
	}
}

func TestRunCountsErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		secret string
		kind   string
	}{
		{"unauthorized", 0, "wrong-secret", "status_401"},
		{"server error", http.StatusInternalServerError, testSecret, "status_500"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, srv := newSlashServer(t, tc.status)
			args := []string{"-url", srv.URL + "/slack/commands", "-secret", tc.secret, "-requests", "40", "-concurrency", "4"}
			out, errs, code := runLoad(t, args...)
			if code != 0 {
				t.Fatalf("without checks, exit %d: %s", code, errs)
			}
			requests, nerr := lastLoadLine(t, out)
			if requests != 40 || nerr != 40 {
				t.Errorf("requests=%d errors=%d, want 40 and 40", requests, nerr)
			}
			if !regexp.MustCompile(`(?m)^\s+` + tc.kind + `\s+40$`).MatchString(out) {
				t.Errorf("no %q count in:\n%s", tc.kind, out)
			}
			_, errs, code = runLoad(t, append(args, "-check-rps", "1")...)
			if code != 1 || !strings.Contains(errs, "check failed") || !strings.Contains(errs, tc.kind+"=40") {
				t.Errorf("with -check-rps: exit %d, stderr %q", code, errs)
			}
		})
	}
}

func TestRunCountsBadBodies(t *testing.T) {
	for _, tc := range []struct{ body, kind string }{
		{`{"text":""}`, "empty_text"},
		{`{"blocks":[]}`, "empty_text"},
		{`ok`, "bad_json"},
		{`{"text":"You're asking faster than I can keep up with (20 questions a minute); please try again in a little while."}`, "rate_limited"},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			io.WriteString(w, tc.body)
		}))
		out, _, _ := runLoad(t, "-url", srv.URL, "-secret", "s", "-requests", "5", "-concurrency", "2")
		srv.Close()
		if _, nerr := lastLoadLine(t, out); nerr != 5 || !strings.Contains(out, tc.kind) {
			t.Errorf("body %s: errors=%d, want 5 %s:\n%s", tc.body, nerr, tc.kind, out)
		}
	}
}

func TestRunDurationBound(t *testing.T) {
	_, srv := newSlashServer(t, 0)
	start := time.Now()
	out, errs, code := runLoad(t, "-url", srv.URL+"/slack/commands", "-secret", testSecret, "-duration", "300ms", "-concurrency", "4")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a 300ms run took %v", d)
	}
	if requests, nerr := lastLoadLine(t, out); requests == 0 || nerr != 0 {
		t.Errorf("requests=%d errors=%d", requests, nerr)
	}
}

func TestRunRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unbounded", []string{"-url", "http://127.0.0.1:1/slack/commands", "-secret", "s", "-duration", "0"}, "unbounded"},
		{"private host", []string{"-url", "http://10.0.0.1:8080/slack/commands", "-secret", "s"}, "not a loopback"},
		{"named host", []string{"-url", "http://example.com/slack/commands", "-secret", "s"}, "not a loopback"},
		{"remote response_url", []string{"-url", "http://127.0.0.1:1/", "-secret", "s", "-response-url", "https://hooks.slack.com/commands/"}, "not a loopback"},
		{"no secret", []string{"-url", "http://127.0.0.1:1/"}, "-secret"},
		{"no url", []string{"-secret", "s"}, "-url"},
		{"fake on every interface", []string{"-fake-slack", ":0"}, "every interface"},
		{"fake elsewhere", []string{"-fake-slack", "10.0.0.1:0"}, "not a loopback"},
		{"no users", []string{"-url", "http://127.0.0.1:1/", "-secret", "s", "-users", "0"}, "-users"},
		{"missing questions", []string{"-url", "http://127.0.0.1:1/", "-secret", "s", "-questions", "/nonexistent/q.txt"}, "-questions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := runLoad(t, tc.args...)
			if code != 2 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tc.want)
			}
		})
	}
}

func TestRunQuestionsFileAndSecretFromEnv(t *testing.T) {
	s, srv := newSlashServer(t, 0)
	qf := t.TempDir() + "/q.txt"
	if err := os.WriteFile(qf, []byte("# comment\nwho is asif durrani\n\nwat is ttp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	getenv := func(k string) string {
		if k == "SLACK_SIGNING_SECRET" {
			return testSecret
		}
		return ""
	}
	err := run(context.Background(), []string{"-url", srv.URL + "/slack/commands", "-requests", "20", "-questions", qf},
		getenv, strings.NewReader(""), &out, &errb)
	if code := cli.Status(err, &errb, "durand-load"); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if _, nerr := lastLoadLine(t, out.String()); nerr != 0 {
		t.Fatalf("errors:\n%s", out.String())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.questions) != 2 || s.questions["who is asif durrani"]+s.questions["wat is ttp"] != 20 {
		t.Errorf("questions %v", s.questions)
	}
}

func TestRunSamplesRSS(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	_, srv := newSlashServer(t, 0)
	out, errs, code := runLoad(t, "-url", srv.URL+"/slack/commands", "-secret", testSecret,
		"-requests", "20", "-pid", strconv.Itoa(os.Getpid()))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	m := regexp.MustCompile(`load-rss: start_kib=(\d+) max_kib=(\d+) end_kib=(\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no rss line:\n%s", out)
	}
	start, _ := strconv.Atoi(m[1])
	peak, _ := strconv.Atoi(m[2])
	if start <= 0 || peak < start {
		t.Errorf("rss start %d max %d", start, peak)
	}
	if _, errs, code := runLoad(t, "-url", srv.URL, "-secret", "s", "-requests", "1", "-pid", "999999999"); code != 2 {
		t.Errorf("missing pid: exit %d, %s", code, errs)
	}
}

func TestFakeSlack(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errb strings.Builder
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-fake-slack", "127.0.0.1:0"}, func(string) string { return "" }, strings.NewReader(""), pw, &errb)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	addr := strings.TrimSpace(line)
	if err := checkLoopbackListen(addr); err != nil {
		t.Fatalf("printed %q: %v", line, err)
	}

	resp, err := http.Post("http://"+addr+"/api/auth.test", "application/x-www-form-urlencoded", strings.NewReader("token=xoxb-load"))
	if err != nil {
		t.Fatal(err)
	}
	var auth map[string]any
	json.NewDecoder(resp.Body).Decode(&auth)
	resp.Body.Close()
	if resp.StatusCode != 200 || auth["ok"] != true || auth["user_id"] != "ULOAD" || auth["team"] != "load" {
		t.Errorf("auth.test: %d %v", resp.StatusCode, auth)
	}
	for _, p := range []string{"/response/1", "/response/a/b"} {
		resp, err := http.Post("http://"+addr+p, "application/json", strings.NewReader(`{"text":"late"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("POST %s: %d", p, resp.StatusCode)
		}
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("fake slack: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("fake slack did not stop")
	}
	if want := "auth.test 1, response_url posts 2"; !strings.Contains(errb.String(), want) {
		t.Errorf("stderr %q lacks %q", errb.String(), want)
	}
}
