package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// fakeSlack is the least of Slack's Web API that `durand serve` needs to
// start (auth.test) plus response_url endpoints (anything posted under
// /response/), all answered at once.
type fakeSlack struct {
	authTests atomic.Int64
	responses atomic.Int64 // posts under /response/
	other     atomic.Int64 // other Web API calls, answered unknown_method
}

func (f *fakeSlack) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/auth.test", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		f.authTests.Add(1)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ok":true,"user_id":"ULOAD","team":"load"}`)
	})
	mux.HandleFunc("POST /api/", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		f.other.Add(1)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ok":false,"error":"unknown_method"}`)
	})
	mux.HandleFunc("POST /response/", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		f.responses.Add(1)
		w.WriteHeader(http.StatusOK)
	})
	return mux
}

// listenFakeSlack listens on addr, which must be loopback.
func listenFakeSlack(addr string) (net.Listener, error) {
	if err := checkLoopbackListen(addr); err != nil {
		return nil, fmt.Errorf("-fake-slack: %v", err)
	}
	return net.Listen("tcp", addr)
}

// serveFakeSlack serves f on ln until ctx is cancelled.
func serveFakeSlack(ctx context.Context, ln net.Listener, f *fakeSlack) error {
	srv := &http.Server{
		Handler:           f.handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ErrorLog:          slog.NewLogLogger(slog.DiscardHandler, slog.LevelError),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}
