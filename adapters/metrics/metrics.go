// Package metrics exposes durand's Prometheus metrics: questions by
// platform and outcome, answer latency, digests posted and failed, platform
// API errors and rate-limit waits, requests rejected, feedback records
// kept, and the size of the pack.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/durandbot/durand/bot"
)

// Metrics holds durand's collectors in a registry of its own.
type Metrics struct {
	reg       *prometheus.Registry
	questions *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	digests   *prometheus.CounterVec
	apiErrors *prometheus.CounterVec
	rateWaits *prometheus.CounterVec
	facts     prometheus.Gauge
	entities  prometheus.Gauge
	reloads   *prometheus.CounterVec
	rejected  *prometheus.CounterVec
	feedback  *prometheus.CounterVec
}

// New registers durand's metrics, and the Go runtime's and the process's.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "durand_questions_total",
			Help: "Questions answered, by platform and outcome (answered, declined, limited, refused, error).",
		}, []string{"platform", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "durand_answer_seconds",
			Help:    "Time to answer a question, by platform.",
			Buckets: []float64{.00005, .0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
		}, []string{"platform"}),
		digests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "durand_digests_total",
			Help: "Daily digests, by platform and outcome (posted, failed, skipped).",
		}, []string{"platform", "outcome"}),
		apiErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "durand_platform_api_errors_total",
			Help: "Failed calls to a platform's API, by platform and kind (status code class or network).",
		}, []string{"platform", "kind"}),
		rateWaits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "durand_platform_rate_limited_total",
			Help: "Responses from a platform's API asking to wait (HTTP 429), by platform.",
		}, []string{"platform"}),
		facts: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "durand_pack_facts", Help: "Facts in the pack being served.",
		}),
		entities: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "durand_pack_entities", Help: "Entities in the pack being served.",
		}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "durand_pack_reloads_total", Help: "Pack reloads, by outcome (loaded, refused).",
		}, []string{"outcome"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "durand_requests_rejected_total",
			Help: "HTTP requests refused, by reason (unsigned, signature, stale, body_too_large, unreadable, method, not_found, malformed).",
		}, []string{"reason"}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "durand_feedback_total",
			Help: "Feedback records kept, by platform and rating (up, down, declined).",
		}, []string{"platform", "rating"}),
	}
	m.reg.MustRegister(m.questions, m.latency, m.digests, m.apiErrors, m.rateWaits, m.facts, m.entities, m.reloads, m.rejected, m.feedback,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Question counts a question's outcome and observes its latency.
func (m *Metrics) Question(platform, outcome string, d time.Duration) {
	m.questions.WithLabelValues(platform, outcome).Inc()
	m.latency.WithLabelValues(platform).Observe(d.Seconds())
}

// Digest counts a digest's outcome.
func (m *Metrics) Digest(platform, outcome string) {
	m.digests.WithLabelValues(platform, outcome).Inc()
}

// Pack records the size of the pack being served.
func (m *Metrics) Pack(facts, entities int) {
	m.facts.Set(float64(facts))
	m.entities.Set(float64(entities))
}

// Reload counts a pack reload's outcome.
func (m *Metrics) Reload(outcome string) { m.reloads.WithLabelValues(outcome).Inc() }

// Rejected counts a request refused for reason.
func (m *Metrics) Rejected(reason string) { m.rejected.WithLabelValues(reason).Inc() }

// Feedback counts a feedback record kept: a vote on an answer, or a
// declined question. Its signature is bot.FeedbackSettings.Observe's.
func (m *Metrics) Feedback(platform string, rating bot.Rating) {
	m.feedback.WithLabelValues(platform, string(rating)).Inc()
}

// Transport wraps next so that every call to a platform's API is watched:
// 429s count as rate-limit waits, 5xx, 4xx and network failures as API
// errors.
func (m *Metrics) Transport(platform string, next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return roundTripper{m: m, platform: platform, next: next}
}

type roundTripper struct {
	m        *Metrics
	platform string
	next     http.RoundTripper
}

func (t roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	switch {
	case err != nil:
		t.m.apiErrors.WithLabelValues(t.platform, "network").Inc()
	case resp.StatusCode == http.StatusTooManyRequests:
		t.m.rateWaits.WithLabelValues(t.platform).Inc()
	case resp.StatusCode >= 400:
		t.m.apiErrors.WithLabelValues(t.platform, strconv.Itoa(resp.StatusCode/100)+"xx").Inc()
	}
	return resp, err
}
