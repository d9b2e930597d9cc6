package knowledge_test

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/durandbot/durand/knowledge"
)

// conversation is one line of testdata/conversations.jsonl: turns of one
// conversation, each with what its answer must contain.
type conversation struct {
	ID    string `json:"id"`
	Turns []struct {
		Q      string     `json:"q"`
		Kind   string     `json:"kind"` // first, pronoun, ellipsis, more, sources, unresolved, smalltalk
		Must   [][]string `json:"must"`
		Expect string     `json:"expect"`
	} `json:"turns"`
}

// minFollowUps is the least share of follow-up turns of the conversation
// set that must be right: a floor under what durand scores today (78.3% of
// the five batches pooled, 288/368), so that no change slips back
// unnoticed. The goal is 90%; most misses left are answers the ranker gets
// wrong however the follow-up is read.
const minFollowUps = 0.77

// TestConversationSet runs each conversation of testdata/conversations.jsonl
// through AnswerIn, turn by turn, and scores the follow-ups: a turn is right
// when its answer holds an alternative of every must group (its text, with
// its sources' titles and ids for a "sources" turn); small talk must be a
// reply with no fact and no source; an unresolved pronoun must be asked
// about. The set was written from the documents alone, without sight of
// the pack.
func TestConversationSet(t *testing.T) {
	path := "testdata/conversations.jsonl"
	if p := os.Getenv("DURAND_CONVERSATIONS"); p != "" {
		path = p // another set, scored the same way: go test -run TestConversationSet -v
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := base(t)
	right, total := map[string]int{}, map[string]int{}
	firstRight, firsts := 0, 0 // first turns, which stand alone: not scored, but logged for comparison
	var misses []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var c conversation
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("bad line %q: %v", sc.Text(), err)
		}
		var ctx knowledge.Context
		for i, turn := range c.Turns {
			var a knowledge.Answer
			a, ctx = b.AnswerIn(ctx, turn.Q)
			if turn.Kind == "first" {
				if ok, _ := turnRight(a, turn.Kind, turn.Must); ok {
					firstRight++
				}
				firsts++
				continue
			}
			total[turn.Kind]++
			if ok, why := turnRight(a, turn.Kind, turn.Must); ok {
				right[turn.Kind]++
			} else {
				misses = append(misses, c.ID+"#"+string(rune('1'+i))+" ["+turn.Kind+"] "+turn.Q+" → "+a.Resolved+" — "+why+": "+trimTo(a.Text(), 140))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	sumRight, sumTotal := 0, 0
	for k := range total {
		kinds = append(kinds, k)
		sumRight += right[k]
		sumTotal += total[k]
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("%-10s %3d/%3d", k, right[k], total[k])
	}
	share := float64(sumRight) / float64(sumTotal)
	t.Logf("follow-ups right: %d/%d = %.1f%% (first turns, standing alone: %d/%d)", sumRight, sumTotal, 100*share, firstRight, firsts)
	for _, m := range misses {
		t.Log("miss: " + m)
	}
	if share < minFollowUps {
		t.Errorf("follow-ups right %.1f%%, want at least %.0f%%", 100*share, 100*minFollowUps)
	}
}

// turnRight scores one follow-up turn.
func turnRight(a knowledge.Answer, kind string, must [][]string) (bool, string) {
	text := a.Text()
	switch kind {
	case "smalltalk":
		if !a.Reply || a.Answered || len(a.Sources) > 0 || len(a.Facts) > 0 {
			return false, "not a reply free of facts"
		}
		return true, ""
	case "unresolved":
		if !a.Reply {
			return false, "not asked back"
		}
	case "sources":
		for _, s := range a.Sources {
			text += " " + s.Doc + " " + s.Title + " " + s.Quote
		}
	}
	hay := fold(text)
	for _, group := range must {
		found := false
		for _, alt := range group {
			if strings.Contains(hay, fold(alt)) {
				found = true
				break
			}
		}
		if !found {
			return false, "missing " + strings.Join(group, " | ")
		}
	}
	return true, ""
}

// fold is the scorer's folding: case, curly quotes, white space.
func fold(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

func trimTo(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
