package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/durandbot/durand/internal/cli"

	"github.com/durandbot/durand/knowledge"
)

// sharedSeeds is where the source documents live beside a checkout.
const sharedSeeds = "../../../shared/seeds"

func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(stdin), &out, &errb)
	code = cli.Status(err, &errb, "durand")
	return out.String(), errb.String(), code
}

func TestAskJSONContract(t *testing.T) {
	out, errs, code := runCmd(t, "", "ask", "--json", "who is Asif Durrani")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"question", "answered", "text", "sources", "confidence", "suggestions"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("missing key %q in %s", k, out)
		}
	}
	var a askOutput
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Question != "who is Asif Durrani" || !a.Answered || !strings.Contains(a.Text, "special representative") {
		t.Errorf("answer = %+v", a)
	}
	// Two documents name his role; either may lead.
	if len(a.Sources) == 0 || a.Sources[0].Doc != "000_3fe99d22d84a294d.txt" && a.Sources[0].Doc != "001_d9af7352ab9a518c.txt" || a.Sources[0].Title == "" || a.Sources[0].Section == "" {
		t.Errorf("sources = %+v", a.Sources)
	}
	if a.Confidence <= 0 || a.Confidence > 1 {
		t.Errorf("confidence = %v", a.Confidence)
	}
	// Each source quotes the document's words its fact rests on.
	for _, s := range a.Sources {
		if n := len(strings.Fields(s.Quote)); n < knowledge.MinQuoteWords || n > knowledge.MaxQuoteWords || !strings.Contains(s.Quote, "Durrani") {
			t.Errorf("source %s quote %q: want 3–40 words naming Durrani", s.Doc, s.Quote)
		}
	}
	if _, ok := raw["sources"]; ok && !strings.Contains(string(raw["sources"]), `"quote":`) {
		t.Errorf("sources lack the quote key: %s", raw["sources"])
	}
}

func TestAskDeclineJSON(t *testing.T) {
	out, _, _ := runCmd(t, "", "ask", "--json", "best biryani place in peshawar?")
	var a askOutput
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Answered || len(a.Suggestions) == 0 || a.Sources == nil {
		t.Errorf("decline = %+v; want answered=false, suggestions, sources []", a)
	}
}

func TestAskStdinOneLinePerQuestion(t *testing.T) {
	askLines(t, []string{"who is noor wali mehsud", "", "what is the population of afghanistan", "wat is ttp"}, "ask", "--json", "-")
}

// TestAskStdinManyInOrder: questions read from stdin are answered on
// every core, and printed in the order asked, however long each takes.
func TestAskStdinManyInOrder(t *testing.T) {
	kinds := []string{"timeline ttp", "hi", "who is asif durrani", "how many afghans were deported", "wat is teh ttp", "who won the 2022 world cup"}
	var qs []string
	for i := range 120 {
		qs = append(qs, fmt.Sprintf("%s %d", kinds[i%len(kinds)], i))
	}
	askLines(t, qs, "ask", "--json")
}

// askLines runs `durand args...` with the questions qs on stdin, one a
// line, and wants one JSON object back per question, each naming its
// question as typed; it returns them.
func askLines(t *testing.T, qs []string, args ...string) []askOutput {
	t.Helper()
	out, errs, code := runCmd(t, strings.Join(qs, "\n")+"\n", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(qs) {
		t.Fatalf("%d lines for %d questions:\n%s", len(lines), len(qs), out)
	}
	as := make([]askOutput, len(lines))
	for i, l := range lines {
		if err := json.Unmarshal([]byte(l), &as[i]); err != nil || as[i].Question != qs[i] {
			t.Errorf("line %d = %s (err %v), want question %q", i, l, err, qs[i])
		}
	}
	return as
}

// TestAskSession: with --session, stdin is one conversation and each line
// follows up the ones before; without it, the same lines stand alone. One
// JSON object per line either way, each carrying the question as typed.
func TestAskSession(t *testing.T) {
	qs := []string{"who is asif durrani", "what did he tell the taliban about the ttp?", "hi", "sources"}
	as := askLines(t, qs, "ask", "--json", "--session")
	if !as[1].Answered || !strings.Contains(as[1].Text, "red line") {
		t.Errorf("follow-up: %+v, want what Durrani told the Taliban", as[1])
	}
	if as[2].Answered || len(as[2].Sources) != 0 || len(as[2].Suggestions) != 3 || !strings.Contains(as[2].Text, "Hello") {
		t.Errorf("small talk: %+v, want a greeting, not answered, no sources, three examples", as[2])
	}
	if len(as[3].Sources) == 0 || !strings.Contains(as[3].Sources[0].Quote, "red line") {
		t.Errorf("sources: %+v, want the follow-up's source and quote", as[3])
	}
	// Without --session the follow-up stands alone: "he" is nobody.
	if alone := askLines(t, qs[:2], "ask", "--json"); strings.Contains(alone[1].Text, "red line") {
		t.Errorf("without --session the follow-up was read against the line before: %q", alone[1].Text)
	}
}

// TestAskStdinFlushes proves each answer is written before the next
// question is read, as the eval's lockstep mode needs.
func TestAskStdinFlushes(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(context.Background(), []string{"ask", "--json"}, func(string) string { return "" }, inR, outW, io.Discard)
		outW.Close()
	}()
	rd := bufio.NewReader(outR)
	for _, q := range []string{"who is sarfraz bugti", "when was the chitral attack"} {
		if _, err := io.WriteString(inW, q+"\n"); err != nil {
			t.Fatal(err)
		}
		line := make(chan string, 1)
		go func() { l, _ := rd.ReadString('\n'); line <- l }()
		select {
		case l := <-line:
			if !strings.Contains(l, `"question":"`+q+`"`) {
				t.Errorf("got %q for %q", l, q)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no answer to %q while stdin stays open: output not flushed", q)
		}
	}
	inW.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestCheck(t *testing.T) {
	out, errs, code := runCmd(t, "", "check")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "ok: sources=5 entities=") || !strings.Contains(last, " facts=") || !strings.Contains(last, " conflicts=") {
		t.Errorf("last line %q", last)
	}
}

func TestCheckSources(t *testing.T) {
	if _, err := os.Stat(sharedSeeds); err != nil {
		t.Skipf("source documents not found at %s: %v", sharedSeeds, err)
	}
	out, errs, code := runCmd(t, "", "check", "--sources", sharedSeeds)
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	if !strings.Contains(out, "anchors: verified=") || !strings.Contains(out, " missing=0\nquotes: verified=") || !strings.Contains(out, " missing=0\nok: ") {
		t.Errorf("output %q", out)
	}
}

func TestCheckBrokenPack(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"entities", "facts"} {
		if err := os.MkdirAll(dir+"/"+d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, s string) {
		if err := os.WriteFile(dir+"/"+name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sources.yaml", "- {id: a.txt, title: A, author: B, sections: [{id: '1', title: One}]}\n")
	write("entities/e.yaml", "- {id: x, name: X, kind: person, summary: s}\n")
	write("facts/f.yaml", "- {id: f1, text: X did a thing, type: event, entities: [x, y], cite: {doc: a.txt, section: '2', anchor: a thing}}\n")
	out, _, code := runCmd(t, "", "check", "--pack", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{`facts/f.yaml: fact f1: unknown entity "y"`, `facts/f.yaml: fact f1: cites unknown section "2" of a.txt`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"check", "extra"}, {"ask", "--nope"}} {
		_, _, code := runCmd(t, "", args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestCheckMissingPack: a --pack directory that does not exist is named
// as missing.
func TestCheckMissingPack(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nowhere")
	_, errs, code := runCmd(t, "", "check", "--pack", dir)
	if code == 0 || !strings.Contains(errs, dir+": no such directory") {
		t.Errorf("check --pack %s: exit %d, stderr %q; want a failure saying there is no such directory", dir, code, errs)
	}
}

// TestDigestBadDate: a date shaped right that the calendar lacks is named
// as such, apart from one in the wrong shape; both are usage errors.
func TestDigestBadDate(t *testing.T) {
	for _, tc := range []struct{ date, want string }{
		{"2024-13-01", "is no such date"},
		{"2023-02-30", "is no such date"},
		{"tomorrow", "is not YYYY-MM-DD"},
		{"2024-1-01", "is not YYYY-MM-DD"},
	} {
		_, errs, code := runCmd(t, "", "digest", "--date", tc.date)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("digest --date %s: exit %d, stderr %q; want 2 and %q", tc.date, code, errs, tc.want)
		}
	}
}

func TestChatOverPipe(t *testing.T) {
	out, errs, code := runCmd(t, "help\nwho is durany\nsources\ndocuments\nquit\nwho is imran khan\n", "chat")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// "sources" after an answer quotes it; "documents" lists them all.
	for _, want := range []string{"timeline <topic", "Asif Durrani", "Sources:", "That answer rests on", "Expect a Recalibration"} {
		if !strings.Contains(out, want) {
			t.Errorf("chat output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Imran Khan") {
		t.Error("chat went on after quit")
	}
}
