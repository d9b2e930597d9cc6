package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/adapters/sqlite"
	"github.com/durandbot/durand/bot"
)

// feedbackIn returns every feedback record in the SQLite file at path.
func feedbackIn(t *testing.T, path string) []bot.Feedback {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	recs, err := s.FeedbackSince(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestServeGapsText asks serve, through the fake Slack, a question it
// declines: the record is kept and counted either way, its text only
// without DURAND_GAPS=0 — and then nowhere in the database's files.
func TestServeGapsText(t *testing.T) {
	const question = "what is the population of afghanistan"
	tests := []struct {
		gaps     string
		wantText bool
	}{
		{"", true},
		{"1", true},
		{"0", false},
	}
	for _, tt := range tests {
		t.Run("DURAND_GAPS="+tt.gaps, func(t *testing.T) {
			f := slacktest.NewFake(t)
			dir := t.TempDir()
			db := filepath.Join(dir, "durand.db")
			addr, _, stop := startServe(t, map[string]string{
				"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-g", "SLACK_SIGNING_SECRET": "g-secret", "SLACK_API_URL": f.APIURL(),
				"DURAND_DB": db, "DURAND_GAPS": tt.gaps,
			})
			base := "http://" + addr
			if body := slash(t, base, "g-secret", question, "U1"); !strings.Contains(body, "don't cover") {
				t.Fatalf("the question was not declined: %s", body)
			}
			if out := get(t, base+"/metrics"); !strings.Contains(out, `durand_feedback_total{platform="slack",rating="declined"} 1`) {
				t.Errorf("the declined question is not counted:\n%s", out)
			}
			if err := stop(); err != nil {
				t.Fatal(err)
			}
			recs := feedbackIn(t, db)
			if len(recs) != 1 || recs[0].Rating != bot.RatingDeclined || recs[0].Platform != "slack" {
				t.Fatalf("records %+v, want one declined on slack", recs)
			}
			if got := recs[0].Question != ""; got != tt.wantText {
				t.Errorf("question kept %q; want text kept %v", recs[0].Question, tt.wantText)
			}
			// The text is in the database's files exactly when it is kept.
			files, _ := filepath.Glob(db + "*")
			found := false
			for _, file := range files {
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				found = found || strings.Contains(string(data), "population")
			}
			if found != tt.wantText {
				t.Errorf("the question's text found in %v: %v; want %v", files, found, tt.wantText)
			}
		})
	}
}

// retentionRuns returns how many deletions serve has logged, and the
// records each deleted.
func retentionRuns(logs *lockedBuffer) []int {
	var deleted []int
	sc := bufio.NewScanner(strings.NewReader(logs.String()))
	for sc.Scan() {
		var line struct {
			Msg     string
			Deleted int
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "old feedback records deleted" {
			deleted = append(deleted, line.Deleted)
		}
	}
	return deleted
}

// TestServeFeedbackRetention runs serve on a database with a record older
// than DURAND_GAPS_DAYS and a recent one, on a clock the test moves: the
// old one is deleted at start, the other once the clock has moved past
// its time and the next run comes.
func TestServeFeedbackRetention(t *testing.T) {
	start := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	var clock atomic.Pointer[time.Time]
	clock.Store(&start)
	db := filepath.Join(t.TempDir(), "durand.db")
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for _, age := range []int{40, 1} {
		f := bot.Feedback{Time: start.AddDate(0, 0, -age), Platform: "slack", Channel: "C1", Question: fmt.Sprintf("asked %d days ago", age), Rating: bot.RatingDeclined}
		if err := s.AddFeedback(context.Background(), f); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	tune := defaultTuning()
	tune.Now = func() time.Time { return *clock.Load() }
	tune.RetentionEvery = 20 * time.Millisecond
	fake := slacktest.NewFake(t)
	_, logs, stop := startServeTuned(t, map[string]string{
		"DURAND_ADDR": "127.0.0.1:0", "SLACK_BOT_TOKEN": "xoxb-r", "SLACK_SIGNING_SECRET": "r", "SLACK_API_URL": fake.APIURL(),
		"DURAND_DB": db, "DURAND_GAPS_DAYS": "30",
	}, tune)
	slacktest.Eventually(t, "the old record deleted at start", func() bool {
		runs := retentionRuns(logs)
		return len(runs) > 0 && runs[0] == 1
	})
	before := len(retentionRuns(logs))
	slacktest.Eventually(t, "another run", func() bool { return len(retentionRuns(logs)) > before })
	later := start.AddDate(0, 0, 30)
	clock.Store(&later)
	slacktest.Eventually(t, "the other record deleted once 30 days old", func() bool {
		runs := retentionRuns(logs)
		return runs[len(runs)-1] == 1
	})
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if recs := feedbackIn(t, db); len(recs) != 0 {
		t.Errorf("records left %+v", recs)
	}
	if !strings.Contains(logs.String(), `"older_than_days":30`) {
		t.Errorf("DURAND_GAPS_DAYS not in the log:\n%s", logs)
	}
}
