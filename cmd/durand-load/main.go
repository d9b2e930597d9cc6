// Command durand-load sends load to `durand serve`: Slack slash commands,
// signed and shaped exactly as Slack sends them, from many users with
// varied questions, and reports throughput and latency. It only ever
// talks to loopback (127.0.0.0/8, ::1, localhost).
//
// Usage:
//
//	durand-load -url http://127.0.0.1:PORT/slack/commands -secret S
//	            [-duration 10s] [-requests N] [-concurrency 64] [-users 20000]
//	            [-questions FILE] [-response-url URL] [-pid P]
//	            [-check-rps N] [-check-p99 D]
//	durand-load -fake-slack 127.0.0.1:0
//
// A run stops at whichever bound comes first, -duration or -requests; a
// run with neither is refused. A request counts as an error unless it
// gets HTTP 200 with a JSON body whose "text" is not empty; durand's
// per-user rate-limit reply (200, text containing -limited-text) counts as
// error rate_limited. Latency is measured from sending the request to
// reading the whole answer, over every counted request, failed ones
// included. The last line of the report is machine-readable:
//
//	load: requests=N errors=N rps=N p50_ms=N p99_ms=N
//
// With -check-rps or -check-p99 the exit status is 1 when rps is below
// the floor, p99 above the ceiling, or any request failed.
//
// durand limits each user to DURAND_RATE questions a minute (default 20,
// with a burst of as many). Requests go to the -users ids in turn, so each
// user sends rps×60/users a minute: 3,000 rps over 20,000 users is 9 a
// minute, but 10,000 rps is 30 — limited once a user's burst is spent. Give
// enough users (-users ≥ rps×3 for the default), or start durand with
// DURAND_RATE=1000000 to measure without the limit; the report prints the
// per-user rate reached.
//
// -fake-slack ADDR serves, until killed, the part of Slack's Web API that
// `durand serve` needs to start — POST /api/auth.test — and answers 200 to
// anything posted under /response/; it prints the bound address (one
// line, host:port) on stdout. Point durand at it with
// SLACK_API_URL=http://ADDR/api/.
//
// -pid P samples VmRSS of process P from /proc every second and reports
// its start, maximum and end.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/durandbot/durand/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(cli.Status(err, os.Stderr, "durand-load"))
}

// run is the whole program: main only supplies the process's environment.
// getenv supplies SLACK_SIGNING_SECRET when -secret is not given; stdin
// supplies questions for -questions -.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("durand-load", flag.ContinueOnError)
	fl.SetOutput(stderr)
	target := fl.String("url", "", "the slash command endpoint, e.g. http://127.0.0.1:8080/slack/commands (loopback only)")
	secret := fl.String("secret", "", "Slack signing secret (default $SLACK_SIGNING_SECRET)")
	duration := fl.Duration("duration", 10*time.Second, "stop starting requests after this long (0: no time bound)")
	requests := fl.Int64("requests", 0, "stop after this many requests (0: no count bound)")
	concurrency := fl.Int("concurrency", 64, "requests in flight at once")
	users := fl.Int("users", 20000, "distinct Slack user ids to spread requests over (durand limits each user per minute)")
	questionsFile := fl.String("questions", "", "read questions from `FILE`, one per line (- for stdin) instead of the built-in list")
	responseURL := fl.String("response-url", "", "response_url prefix to send (loopback only; default: a sink inside this process)")
	timeout := fl.Duration("timeout", 10*time.Second, "per-request timeout")
	seed := fl.Uint64("seed", 1, "seed for the choice of questions")
	limitedText := fl.String("limited-text", "asking faster than", "an answer containing this `TEXT` is durand's per-user rate-limit reply and counts as error rate_limited (\"\" to not check)")
	checkRPS := fl.Float64("check-rps", 0, "exit 1 unless requests/s is at least `N` and no request failed")
	checkP99 := fl.Duration("check-p99", 0, "exit 1 unless p99 latency is at most `D` and no request failed")
	pid := fl.Int("pid", 0, "sample VmRSS of process `P` every second and report start/max/end")
	fake := fl.String("fake-slack", "", "serve a fake Slack Web API on `ADDR` (loopback) until killed, instead of sending load")
	if err := fl.Parse(args); err != nil {
		return &cli.ExitError{Code: 2}
	}
	if fl.NArg() > 0 {
		return cli.Usage("unexpected arguments: %s", strings.Join(fl.Args(), " "))
	}

	if *fake != "" {
		return runFakeSlack(ctx, *fake, stdout, stderr)
	}

	if *target == "" {
		return cli.Usage("-url is required (or -fake-slack ADDR)")
	}
	u, err := checkLoopbackURL(*target)
	if err != nil {
		return cli.Usage("-url: %v", err)
	}
	if *secret == "" {
		*secret = getenv("SLACK_SIGNING_SECRET")
	}
	if *secret == "" {
		return cli.Usage("-secret is required (or set SLACK_SIGNING_SECRET)")
	}
	switch {
	case *duration < 0 || *requests < 0:
		return cli.Usage("-duration and -requests must not be negative")
	case *duration == 0 && *requests == 0:
		return cli.Usage("refusing to run unbounded: give -duration or -requests")
	case *concurrency < 1 || *concurrency > 10000:
		return cli.Usage("-concurrency must be between 1 and 10000")
	case *users < 1:
		return cli.Usage("-users must be at least 1")
	case *timeout <= 0:
		return cli.Usage("-timeout must be positive")
	case *checkRPS < 0 || *checkP99 < 0:
		return cli.Usage("-check-rps and -check-p99 must not be negative")
	}
	questions := builtinQuestions
	if *questionsFile != "" {
		if questions, err = loadQuestions(*questionsFile, stdin); err != nil {
			return cli.Usage("-questions: %v", err)
		}
	}

	// Answers slower than durand's acknowledgement deadline come later, to
	// the response_url: by default to a sink here, so they stay on loopback.
	var sink *fakeSlack
	if *responseURL == "" {
		ln, err := listenFakeSlack("127.0.0.1:0")
		if err != nil {
			return err
		}
		sink = &fakeSlack{}
		sinkCtx, stopSink := context.WithCancel(context.WithoutCancel(ctx))
		sinkDone := make(chan error, 1)
		go func() { sinkDone <- serveFakeSlack(sinkCtx, ln, sink) }()
		defer func() { stopSink(); <-sinkDone }()
		*responseURL = "http://" + ln.Addr().String() + "/response/"
	} else if _, err := checkLoopbackURL(*responseURL); err != nil {
		return cli.Usage("-response-url: %v", err)
	} else if !strings.HasSuffix(*responseURL, "/") {
		*responseURL += "/"
	}

	var rss *rssSampler
	if *pid != 0 {
		if rss, err = startRSS(ctx, *pid, time.Second); err != nil {
			return cli.Usage("%v", err)
		}
	}

	l := &loader{
		Target: u.String(), Secret: *secret, Questions: questions, Users: *users,
		Concurrency: *concurrency, Requests: *requests, Duration: *duration,
		ResponseURL: *responseURL, LimitedText: *limitedText, Seed: *seed, Client: newClient(*concurrency, *timeout), Now: time.Now,
	}
	bounds := []string{}
	if *duration > 0 {
		bounds = append(bounds, "for "+duration.String())
	}
	if *requests > 0 {
		bounds = append(bounds, fmt.Sprintf("at most %d requests", *requests))
	}
	fmt.Fprintf(stdout, "durand-load: %s, %s, concurrency %d, %d users, %d questions\n",
		u, strings.Join(bounds, " or "), *concurrency, *users, len(questions))

	res := l.run(ctx)
	l.Client.CloseIdleConnections()
	if rss != nil {
		res.RSS = rss.finish()
	}
	if sink != nil {
		// Give answers acknowledged late a moment to arrive.
		if res.Requests > 0 {
			time.Sleep(50 * time.Millisecond)
		}
		res.Late = int(sink.responses.Load())
	}
	res.report(stdout)

	if ctx.Err() != nil {
		return &cli.ExitError{Code: 1, Msg: "interrupted before the run's bound"}
	}
	if *checkRPS > 0 || *checkP99 > 0 {
		if fails := res.check(*checkRPS, *checkP99); len(fails) > 0 {
			return &cli.ExitError{Code: 1, Msg: "check failed: " + strings.Join(fails, "; ")}
		}
		passed := []string{"no errors"}
		if *checkRPS > 0 {
			passed = append(passed, fmt.Sprintf("rps %.1f >= %g", res.rps(), *checkRPS))
		}
		if *checkP99 > 0 {
			passed = append(passed, fmt.Sprintf("p99 %v <= %v", percentile(res.Latencies, 99).Round(10*time.Microsecond), *checkP99))
		}
		fmt.Fprintf(stderr, "durand-load: check passed: %s\n", strings.Join(passed, ", "))
	}
	return nil
}

func loadQuestions(name string, stdin io.Reader) ([]string, error) {
	if name == "-" {
		return readQuestions(stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readQuestions(f)
}

// runFakeSlack serves the fake Slack until ctx is cancelled.
func runFakeSlack(ctx context.Context, addr string, stdout, stderr io.Writer) error {
	ln, err := listenFakeSlack(addr)
	if err != nil {
		return cli.Usage("%v", err)
	}
	f := &fakeSlack{}
	fmt.Fprintln(stdout, ln.Addr().String())
	fmt.Fprintf(stderr, "durand-load: fake Slack on http://%s (SLACK_API_URL=http://%s/api/); stop with SIGINT or SIGTERM\n", ln.Addr(), ln.Addr())
	err = serveFakeSlack(ctx, ln, f)
	fmt.Fprintf(stderr, "durand-load: fake Slack stopped: auth.test %d, response_url posts %d, other calls %d\n",
		f.authTests.Load(), f.responses.Load(), f.other.Load())
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
