package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/adapters/slack/slacktest"
	"github.com/durandbot/durand/bot"
)

// The vote buttons' action id prefixes: a contract tested from outside.
const (
	upPrefix   = "durand_feedback_up"
	downPrefix = "durand_feedback_down"
)

// voteAdapter starts an adapter whose router keeps feedback in a memory
// store, against a fake Slack.
func voteAdapter(t *testing.T, f *slacktest.Fake) (*Adapter, string, *bot.MemoryStore) {
	t.Helper()
	store := bot.NewMemoryStore()
	a, srv, _ := testAdapter(t, f, func(c *Config) { c.Router.SetFeedback(bot.FeedbackSettings{Store: store, KeepText: true}) })
	return a, srv.URL, store
}

// records returns what the store kept.
func records(t *testing.T, store *bot.MemoryStore) []bot.Feedback {
	t.Helper()
	recs, err := store.FeedbackSince(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// answerRef is the AnswerRef of durand's answer to q.
func answerRef(t *testing.T, q string) bot.AnswerRef {
	t.Helper()
	resp := testRouter(t).Handle(context.Background(), bot.Message{Platform: "slack", Channel: "C0", User: "U0", Text: q})
	if resp.Answer == nil {
		t.Fatalf("%q is not answered: %+v", q, resp)
	}
	return *resp.Answer
}

// buttons returns the buttons of a Block Kit message body, by action id.
func buttons(t *testing.T, body any) map[string]string {
	t.Helper()
	out := map[string]string{}
	var visit func(v any)
	visit = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["type"] == "button" {
				id, _ := v["action_id"].(string)
				val, _ := v["value"].(string)
				out[id] = val
			}
			for _, x := range v {
				visit(x)
			}
		case []any:
			for _, x := range v {
				visit(x)
			}
		}
	}
	visit(body)
	return out
}

// voteButtons returns the values of the 👍 and 👎 buttons in body, "" for
// one that is missing.
func voteButtons(t *testing.T, body any) (up, down string) {
	t.Helper()
	for id, v := range buttons(t, body) {
		switch {
		case strings.HasPrefix(id, upPrefix):
			up = v
		case strings.HasPrefix(id, downPrefix):
			down = v
		}
	}
	return up, down
}

func postInteraction(t *testing.T, base, body string) (int, string) {
	t.Helper()
	return do(t, slacktest.SignedRequest(t, base+"/slack/interactions", form, body, testSecret, time.Now()))
}

// TestAnswersCarryVoteButtons asks through the slash command: answers and
// timelines carry 👍 and 👎 whose values read back as the answer's ref;
// declines, help and info carry none.
func TestAnswersCarryVoteButtons(t *testing.T) {
	f := slacktest.NewFake(t)
	_, base, _ := voteAdapter(t, f)
	tests := []struct {
		text  string
		votes bool
	}{
		{"who is asif durrani", true},
		{"timeline september 2023", true},
		{"what is the capital of peru", false},
		{"help", false},
		{"sources", false},
		{"about", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			code, body := do(t, slacktest.SignedRequest(t, base+"/slack/commands", form, slacktest.SlashForm(tt.text, f.ResponseURL("c")), testSecret, time.Now()))
			if code != http.StatusOK {
				t.Fatalf("status %d: %s", code, body)
			}
			var msg any
			if err := json.Unmarshal([]byte(body), &msg); err != nil {
				t.Fatal(err)
			}
			up, down := voteButtons(t, msg)
			if !tt.votes {
				if up != "" || down != "" || strings.Contains(body, "durand_feedback") {
					t.Errorf("vote buttons on %q: %s", tt.text, body)
				}
				return
			}
			if up == "" || down == "" || up != down {
				t.Fatalf("vote buttons %q %q on %q: %s", up, down, tt.text, body)
			}
			ref, ok := bot.DecodeAnswerRef(up)
			if !ok || ref.Question != tt.text || len(ref.Facts) == 0 {
				t.Errorf("button value %q reads as %+v, %v", up, ref, ok)
			}
			if _, ok := buttons(t, msg)[ActionShare]; !ok {
				t.Errorf("no Share button beside the votes: %s", body)
			}
		})
	}
}

// TestVoteUp presses 👍 on an ephemeral answer and on one in the channel:
// the vote is kept, with no user id; on the ephemeral answer the voter's
// copy shows the answer with the thanks in place of the buttons, and on
// the shared one the message stays and the voter alone is thanked.
func TestVoteUp(t *testing.T) {
	ref := answerRef(t, "who is asif durrani")
	for _, ephemeral := range []bool{true, false} {
		name := map[bool]string{true: "ephemeral", false: "in channel"}[ephemeral]
		t.Run(name, func(t *testing.T) {
			f := slacktest.NewFake(t)
			a, base, store := voteAdapter(t, f)
			code, body := postInteraction(t, base, slacktest.MessageActionPayload(upPrefix, ref.Encode(maxButtonValue), f.ResponseURL("up"), ephemeral))
			if code != http.StatusOK || body != "" {
				t.Fatalf("status %d, body %q", code, body)
			}
			slacktest.Eventually(t, "the thanks", func() bool { return len(f.Responses()) > 0 })
			a.Wait()
			recs := records(t, store)
			if len(recs) != 1 {
				t.Fatalf("%d records, want 1: %+v", len(recs), recs)
			}
			r := recs[0]
			if r.Rating != bot.RatingUp || r.Platform != "slack" || r.Channel != "C1" || !slices.Equal(r.Facts, ref.Facts) || r.Question != "who is asif durrani" || r.Comment != "" {
				t.Errorf("kept %+v", r)
			}
			rs := f.Responses()
			if len(rs) != 1 {
				t.Fatalf("%d response_url posts, want 1: %+v", len(rs), rs)
			}
			got := rs[0].Body
			js := mustJSON(t, got)
			if got["response_type"] != "ephemeral" || !strings.Contains(js, bot.Thanks) || got["delete_original"] == true {
				t.Errorf("thanks %s", js)
			}
			if ephemeral {
				up, down := voteButtons(t, got)
				if got["replace_original"] != true || !strings.Contains(js, "special representative") || up != "" || down != "" {
					t.Errorf("the ephemeral answer is not redrawn with the thanks in place of its buttons: %s", js)
				}
			} else if got["replace_original"] != false {
				t.Errorf("the shared answer would be replaced for everyone: %s", js)
			}
		})
	}
}

// TestVoteDownWithComment presses 👎: a modal opens on the press's
// trigger, and nothing is kept until it is submitted; its submission keeps
// the vote with the comment (or none), closes the modal and thanks the
// voter.
func TestVoteDownWithComment(t *testing.T) {
	ref := answerRef(t, "who is asif durrani")
	comment := "  wrong person, it was his predecessor  "
	tests := []struct {
		name      string
		ephemeral bool
		comment   *string
		want      string
	}{
		{"ephemeral, with a comment", true, &comment, "wrong person, it was his predecessor"},
		{"in channel, with a comment", false, &comment, "wrong person, it was his predecessor"},
		{"no comment", true, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := slacktest.NewFake(t)
			a, base, store := voteAdapter(t, f)
			code, _ := postInteraction(t, base, slacktest.MessageActionPayload(downPrefix, ref.Encode(maxButtonValue), f.ResponseURL("down"), tt.ephemeral))
			if code != http.StatusOK {
				t.Fatalf("status %d", code)
			}
			slacktest.Eventually(t, "views.open", func() bool { return len(f.Views()) == 1 })
			a.Wait()
			v := f.Views()[0]
			callback, meta, block, action := modalOf(t, v)
			if v.TriggerID != slacktest.TriggerID || !strings.Contains(mustJSON(t, v.View), "What was wrong?") || len(meta) > 3000 {
				t.Errorf("views.open %+v", v)
			}
			if n := len(records(t, store)); n != 0 || len(f.Responses()) != 0 {
				t.Fatalf("%d records and %d responses before the modal was submitted", n, len(f.Responses()))
			}
			code, body := postInteraction(t, base, slacktest.ViewSubmissionPayload(callback, meta, map[string]map[string]*string{block: {action: tt.comment}}))
			if code != http.StatusOK || (body != "" && !strings.Contains(body, `"clear"`)) {
				t.Fatalf("submission: status %d, body %q: the modal does not close", code, body)
			}
			slacktest.Eventually(t, "the thanks", func() bool { return len(f.Responses()) > 0 })
			a.Wait()
			recs := records(t, store)
			if len(recs) != 1 || recs[0].Rating != bot.RatingDown || recs[0].Comment != tt.want || recs[0].Channel != "C1" || !slices.Equal(recs[0].Facts, ref.Facts) {
				t.Fatalf("kept %+v", recs)
			}
			rs := f.Responses()
			if len(rs) != 1 || rs[0].Path != "/response/down" || !strings.Contains(mustJSON(t, rs[0].Body), bot.Thanks) {
				t.Fatalf("thanks %+v", rs)
			}
			if got := rs[0].Body["replace_original"]; got != tt.ephemeral {
				t.Errorf("replace_original %v on an answer ephemeral %v", got, tt.ephemeral)
			}
		})
	}
}

// modalOf reads what a test needs of an opened modal: its callback_id,
// private_metadata, and the ids of its one multiline, optional input.
func modalOf(t *testing.T, v slacktest.ViewOpen) (callback, meta, block, action string) {
	t.Helper()
	callback, _ = v.View["callback_id"].(string)
	meta, _ = v.View["private_metadata"].(string)
	blocks, _ := v.View["blocks"].([]any)
	var inputs []map[string]any
	for _, b := range blocks {
		if b, ok := b.(map[string]any); ok && b["type"] == "input" {
			inputs = append(inputs, b)
		}
	}
	if v.View["type"] != "modal" || callback == "" || meta == "" || len(inputs) != 1 {
		t.Fatalf("not a modal with one input: %s", mustJSON(t, v.View))
	}
	el, _ := inputs[0]["element"].(map[string]any)
	if el["type"] != "plain_text_input" || el["multiline"] != true || inputs[0]["optional"] != true {
		t.Errorf("the input is not an optional multiline text: %s", mustJSON(t, inputs[0]))
	}
	block, _ = inputs[0]["block_id"].(string)
	action, _ = el["action_id"].(string)
	return callback, meta, block, action
}

// TestVoteBadValues presses vote buttons whose values are malformed or
// forged, and submits modals whose metadata is: each gets a short message
// saying nothing was kept, and nothing is kept or opened.
func TestVoteBadValues(t *testing.T) {
	good := answerRef(t, "who is asif durrani").Encode(maxButtonValue)
	f := slacktest.NewFake(t)
	a, base, store := voteAdapter(t, f)
	presses := []struct{ name, action, value string }{
		{"empty", upPrefix, ""},
		{"not a ref", upPrefix, "who is asif durrani"},
		{"confidence out of range", upPrefix, "7.00|x|who"},
		{"not a number", downPrefix, "high|x|who"},
		{"one field", downPrefix, "0.90"},
	}
	for _, p := range presses {
		t.Run(p.name, func(t *testing.T) {
			n := len(f.Responses())
			code, _ := postInteraction(t, base, slacktest.MessageActionPayload(p.action, p.value, f.ResponseURL("bad"), true))
			if code != http.StatusOK {
				t.Fatalf("status %d", code)
			}
			slacktest.Eventually(t, "the message", func() bool { return len(f.Responses()) > n })
			a.Wait()
			r := f.Responses()[n].Body
			if r["replace_original"] == true || !strings.Contains(mustJSON(t, r), "nothing was recorded") {
				t.Errorf("answered %s", mustJSON(t, r))
			}
		})
	}
	// A modal whose metadata durand did not make.
	elsewhere := "http://127.0.0.1:1/hook"
	forged := []struct{ name, meta string }{
		{"garbage", "garbage"},
		{"empty", ""},
		{"a response_url not Slack's", "e\nC1\n" + elsewhere + "\n" + good},
		{"a bad ref", "e\nC1\n" + f.ResponseURL("x") + "\n" + "9|x|q"},
	}
	for _, fm := range forged {
		t.Run("modal, "+fm.name, func(t *testing.T) {
			code, body := postInteraction(t, base, slacktest.ViewSubmissionPayload(callbackFeedback, fm.meta, nil))
			if code != http.StatusOK || !strings.Contains(body, `"response_action":"errors"`) || !strings.Contains(body, "nothing was recorded") {
				t.Errorf("status %d, body %s", code, body)
			}
		})
	}
	a.Wait()
	if n := len(records(t, store)); n != 0 || len(f.Views()) != 0 {
		t.Errorf("bad votes kept %d records and opened %d modals", n, len(f.Views()))
	}
}

// TestVoteMetadataFits opens the modal for an answer to the longest
// question: its metadata, which carries the ref, the channel and the
// response_url, keeps within Slack's 3,000 characters and reads back.
func TestVoteMetadataFits(t *testing.T) {
	f := slacktest.NewFake(t)
	a, _, _ := voteAdapter(t, f)
	ref := bot.AnswerRef{Question: strings.Repeat("ب", 1000), Facts: []string{"a", "b", "c", "d"}, Confidence: 0.5}
	long := "https://hooks.slack.com/actions/T1/" + strings.Repeat("9", 200)
	meta, err := a.voteMetadata(voteTarget{Channel: "C1", ResponseURL: long, Ephemeral: true}, ref)
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(meta)); n > maxMetadata {
		t.Errorf("metadata of %d characters", n)
	}
	target, back, err := a.readVoteMetadata(meta)
	if err != nil || target.Channel != "C1" || target.ResponseURL != long || !target.Ephemeral || !slices.Equal(back.Facts, ref.Facts) || !strings.HasPrefix(ref.Question, back.Question) {
		t.Errorf("read back %+v %+v %v", target, back, err)
	}
}

// TestSocketModeVotes votes 👍 and 👎 with a comment over Socket Mode.
func TestSocketModeVotes(t *testing.T) {
	ref := answerRef(t, "who is asif durrani").Encode(maxButtonValue)
	f := slacktest.NewFake(t)
	s := newFakeSocket(t, f)
	store := bot.NewMemoryStore()
	a, _, stop := startSocketMode(t, f, func(c *Config) { c.Router.SetFeedback(bot.FeedbackSettings{Store: store, KeepText: true}) })
	c := s.conn(t, 1)
	envelope := func(id, payload string) map[string]any {
		form, err := url.ParseQuery(payload)
		if err != nil {
			t.Fatal(err)
		}
		return map[string]any{"envelope_id": id, "type": "interactive", "accepts_response_payload": false,
			"payload": json.RawMessage(form.Get("payload"))}
	}
	c.send(t, envelope("env-up", slacktest.MessageActionPayload(upPrefix, ref, f.ResponseURL("up"), false)))
	c.send(t, envelope("env-down", slacktest.MessageActionPayload(downPrefix, ref, f.ResponseURL("down"), true)))
	s.ack(t, "env-up")
	s.ack(t, "env-down")
	slacktest.Eventually(t, "views.open", func() bool { return len(f.Views()) == 1 })
	callback, meta, block, action := modalOf(t, f.Views()[0])
	why := "the date is wrong"
	c.send(t, envelope("env-submit", slacktest.ViewSubmissionPayload(callback, meta, map[string]map[string]*string{block: {action: &why}})))
	if ack := s.ack(t, "env-submit"); len(ack.Payload) != 0 && string(ack.Payload) != "null" && !strings.Contains(string(ack.Payload), `"clear"`) {
		t.Errorf("the submission's ack does not close the modal: %s", ack.Payload)
	}
	slacktest.Eventually(t, "both votes kept", func() bool { return len(records(t, store)) == 2 })
	slacktest.Eventually(t, "both thanks", func() bool { return len(f.Responses()) == 2 })
	a.Wait()
	stop()
	recs := records(t, store)
	ratings := map[bot.Rating]string{}
	for _, r := range recs {
		ratings[r.Rating] = r.Comment
	}
	if len(ratings) != 2 || ratings[bot.RatingDown] != why {
		t.Errorf("kept %+v", recs)
	}
	for _, r := range f.Responses() {
		if !strings.Contains(mustJSON(t, r.Body), bot.Thanks) {
			t.Errorf("%s got %s", r.Path, mustJSON(t, r.Body))
		}
	}
}

// TestVoteDownModalFails: when views.open fails, the voter is told, and
// nothing is kept.
func TestVoteDownModalFails(t *testing.T) {
	ref := answerRef(t, "who is asif durrani")
	f := slacktest.NewFake(t)
	f.FailNext("views.open", http.StatusBadRequest)
	a, base, store := voteAdapter(t, f)
	if code, _ := postInteraction(t, base, slacktest.MessageActionPayload(downPrefix, ref.Encode(maxButtonValue), f.ResponseURL("down"), true)); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	slacktest.Eventually(t, "the message", func() bool { return len(f.Responses()) > 0 })
	a.Wait()
	r := f.Responses()[0].Body
	if r["replace_original"] != false || !strings.Contains(mustJSON(t, r), "couldn't open the feedback form") {
		t.Errorf("told %s", mustJSON(t, r))
	}
	if n := len(records(t, store)); n != 0 || f.Calls("views.open") != 1 {
		t.Errorf("%d records, %d views.open calls", n, f.Calls("views.open"))
	}
}
