package main

import (
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/slack/slacktest"
)

// slackEnv is the environment of a serve with Slack over HTTP against f.
func slackEnv(f *slacktest.Fake, secret string) map[string]string {
	return map[string]string{
		"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-limits", "SLACK_SIGNING_SECRET": secret, "SLACK_API_URL": f.APIURL(),
	}
}

// TestServeClosesIdleConnections holds a keep-alive connection idle after
// a request, and sends a body that stops arriving: the server closes both
// within its (shortened) timeouts.
func TestServeClosesIdleConnections(t *testing.T) {
	tune := defaultTuning()
	tune.ReadTimeout, tune.IdleTimeout = 300*time.Millisecond, 300*time.Millisecond
	addr, _, _ := startServeTuned(t, slackEnv(slacktest.NewFake(t), "idle-secret"), tune)
	tests := []struct {
		name, send, reply string
	}{
		{"idle keep-alive", "GET /healthz HTTP/1.1\r\nHost: durand\r\n\r\n", "200 OK"},
		{"stalled body", "POST /slack/events HTTP/1.1\r\nHost: durand\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"type\":", "400 Bad Request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := io.WriteString(conn, tt.send); err != nil {
				t.Fatal(err)
			}
			// The reply, then EOF when the server closes the connection.
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			got, err := io.ReadAll(conn)
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("the connection is still open after 5 s (timeouts 300 ms); read %q", got)
			}
			if !strings.Contains(string(got), tt.reply) {
				t.Errorf("reply %q, want %s", got, tt.reply)
			}
		})
	}
}

// TestServeCapsConnections fills the connection cap with silent
// connections: a new request waits until the server drops them.
func TestServeCapsConnections(t *testing.T) {
	tune := defaultTuning()
	tune.MaxConns, tune.ReadHeaderTimeout = 2, time.Second
	addr, _, _ := startServeTuned(t, slackEnv(slacktest.NewFake(t), "cap-secret"), tune)
	for range tune.MaxConns {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
	}
	quick := &http.Client{Timeout: 150 * time.Millisecond}
	if resp, err := quick.Get("http://" + addr + "/healthz"); err == nil {
		resp.Body.Close()
		t.Fatalf("/healthz answered %d beside %d open connections; want it to wait for a free one", resp.StatusCode, tune.MaxConns)
	}
	// The silent connections are dropped after ReadHeaderTimeout; then
	// there is room again.
	patient := &http.Client{Timeout: 5 * time.Second}
	resp, err := patient.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatalf("/healthz once the silent connections are dropped: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz: %d", resp.StatusCode)
	}
}

func TestMaxConns(t *testing.T) {
	tests := []struct {
		nofile uint64
		want   int
	}{
		{1024, 768},                  // a quarter kept for everything else
		{4096, 3072},                 // likewise
		{256, 128},                   // at least minReserve kept
		{200, 72},                    // likewise
		{100, minConns},              // too few for the reserve: the floor
		{0, minConns},                // likewise
		{1 << 20, maxConnsCeiling},   // the ceiling
		{1<<64 - 1, maxConnsCeiling}, // RLIM_INFINITY
	}
	for _, tt := range tests {
		if got := maxConns(tt.nofile); got != tt.want {
			t.Errorf("maxConns(%d) = %d, want %d", tt.nofile, got, tt.want)
		}
	}
	// The reserve holds the calls to Slack and Discord at their cap, with
	// room for the store.
	if outbound := outboundHosts * outboundConnsPerHost; outbound > minReserve*3/4 {
		t.Errorf("%d outbound connections leave too little of the %d reserved for the store", outbound, minReserve)
	}
	if got := outboundTransport().MaxConnsPerHost; got != outboundConnsPerHost {
		t.Errorf("outbound transport: %d connections per host, want %d", got, outboundConnsPerHost)
	}
	// The cap with the process's own limit leaves the reserve free.
	if n, lim := maxConns(nofileLimit()), nofileLimit(); lim > minReserve+minConns && uint64(n)+minReserve > lim {
		t.Errorf("cap %d leaves less than %d of %d descriptors", n, minReserve, lim)
	}
}
