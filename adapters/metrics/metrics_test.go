package metrics

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/bot"
)

func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestMetrics(t *testing.T) {
	m := New()
	m.Question("slack", "answered", 80*time.Microsecond)
	m.Question("slack", "answered", 2*time.Millisecond)
	m.Question("discord", "declined", time.Millisecond)
	m.Digest("slack", "posted")
	m.Digest("discord", "failed")
	m.Pack(751, 316)
	m.Reload("refused")
	for range 3 {
		m.Rejected("signature")
	}
	m.Rejected("body_too_large")
	m.Feedback("slack", bot.RatingDeclined)
	m.Feedback("slack", bot.RatingDeclined)
	m.Feedback("discord", bot.RatingDown)

	codes := []int{200, 429, 500, 404}
	i := 0
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(codes[i%len(codes)])
		i++
	}))
	defer api.Close()
	client := &http.Client{Transport: m.Transport("slack", nil)}
	for range codes {
		resp, err := client.Get(api.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	if _, err := client.Get("http://127.0.0.1:1/"); err == nil {
		t.Fatal("expected a network error")
	}

	out := scrape(t, m)
	for _, want := range []string{
		`durand_questions_total{outcome="answered",platform="slack"} 2`,
		`durand_questions_total{outcome="declined",platform="discord"} 1`,
		`durand_answer_seconds_bucket{platform="slack",le="0.0001"} 1`,
		`durand_answer_seconds_count{platform="slack"} 2`,
		`durand_digests_total{outcome="posted",platform="slack"} 1`,
		`durand_digests_total{outcome="failed",platform="discord"} 1`,
		`durand_pack_facts 751`,
		`durand_pack_entities 316`,
		`durand_pack_reloads_total{outcome="refused"} 1`,
		`durand_requests_rejected_total{reason="signature"} 3`,
		`durand_requests_rejected_total{reason="body_too_large"} 1`,
		`durand_platform_rate_limited_total{platform="slack"} 1`,
		`durand_platform_api_errors_total{kind="5xx",platform="slack"} 1`,
		`durand_platform_api_errors_total{kind="4xx",platform="slack"} 1`,
		`durand_platform_api_errors_total{kind="network",platform="slack"} 1`,
		`durand_feedback_total{platform="slack",rating="declined"} 2`,
		`durand_feedback_total{platform="discord",rating="down"} 1`,
		`go_goroutines`,
		`process_resident_memory_bytes`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
