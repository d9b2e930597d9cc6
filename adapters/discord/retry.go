package discord

import (
	"io"
	"math/rand/v2"
	"net/http"
	"time"
)

// retry5xx retries requests that Discord answered with a server error
// (500, 502, 503, 504), a bounded number of times with exponential backoff
// and jitter. discordgo itself retries 429s and, once, 502s. Network
// errors are not retried: a POST that may have been received must not be
// sent twice.
type retry5xx struct {
	next     http.RoundTripper
	attempts int           // in all, the first included
	backoff  time.Duration // before the first retry; doubled after each
}

func (t retry5xx) RoundTrip(req *http.Request) (*http.Response, error) {
	wait := t.backoff
	for attempt := 1; ; attempt++ {
		resp, err := t.next.RoundTrip(req)
		if err != nil || attempt >= t.attempts || !serverError(resp.StatusCode) || (req.Body != nil && req.GetBody == nil) {
			return resp, err
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		jittered := wait/2 + rand.N(wait/2+1)
		select {
		case <-time.After(jittered):
		case <-req.Context().Done():
			return nil, req.Context().Err()
		}
		wait *= 2
		if req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			req = req.Clone(req.Context())
			req.Body = body
		}
	}
}

func serverError(code int) bool {
	switch code {
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}
