package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/durandbot/durand/internal/cli"
	"github.com/durandbot/durand/internal/work"

	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
)

// askOutput is the JSON contract of `durand ask --json`, one object per
// question.
type askOutput struct {
	Question    string      `json:"question"`
	Answered    bool        `json:"answered"`
	Text        string      `json:"text"`
	Sources     []askSource `json:"sources"`
	Confidence  float64     `json:"confidence"`
	Suggestions []string    `json:"suggestions"`
}

type askSource struct {
	Doc     string `json:"doc"`
	Title   string `json:"title"` // a title we supplied is in square brackets
	Section string `json:"section"`
	Quote   string `json:"quote"`         // the document's words, verbatim
	URL     string `json:"url,omitempty"` // where the document gives its address
}

// runAsk answers the questions on the command line, or one per line from
// stdin when there are none or the only one is "-", flushing after each.
func runAsk(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("ask", flag.ContinueOnError)
	fl.SetOutput(stderr)
	asJSON := fl.Bool("json", false, "print one JSON object per question")
	packDir := fl.String("pack", "", "answer from the pack in `DIR` instead of the embedded one")
	explain := fl.Int("explain", 0, "show how the question was understood and the best `N` candidate facts")
	session := fl.Bool("session", false, "read stdin as one conversation: each line may follow up the ones before")
	if err := fl.Parse(args); err != nil {
		return &cli.ExitError{Code: 2}
	}
	base, err := loadPackFor("ask", *packDir, getenv)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	var conv knowledge.Context // the conversation so far, with --session
	answer := func(q string) error {
		if *explain > 0 {
			fmt.Fprintln(out, base.Explain(q, *explain))
		}
		var a knowledge.Answer
		if *session {
			a, conv = base.AnswerIn(conv, q)
		} else {
			a = base.Answer(q)
		}
		if *asJSON {
			if err := writeJSON(out, a); err != nil {
				return err
			}
		} else {
			writePlain(out, a)
		}
		return out.Flush()
	}
	qs := fl.Args()
	if len(qs) == 0 || (len(qs) == 1 && qs[0] == "-") {
		sc := bufio.NewScanner(stdin)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		if *session || *explain > 0 {
			// A conversation's turns read one another; an explanation is
			// written beside its answer.
			for sc.Scan() {
				if err := answer(sc.Text()); err != nil {
					return err
				}
			}
			return sc.Err()
		}
		// Questions that stand alone are answered on every core, and
		// printed in the order asked, each as soon as it and those before
		// it are answered.
		next := func() (string, bool) {
			if !sc.Scan() {
				return "", false
			}
			return sc.Text(), true
		}
		render := func(q string) []byte {
			var buf bytes.Buffer
			a := base.Answer(q)
			if *asJSON {
				_ = writeJSON(&buf, a) // a bytes.Buffer takes every write
			} else {
				writePlain(&buf, a)
			}
			return buf.Bytes()
		}
		emit := func(b []byte) error {
			if _, err := out.Write(b); err != nil {
				return err
			}
			return out.Flush() // each answer as soon as it is out: a reader may wait on it
		}
		if err := work.InOrder(runtime.GOMAXPROCS(0), next, render, emit); err != nil {
			return err
		}
		return sc.Err()
	}
	return answer(strings.Join(qs, " "))
}

func writeJSON(w io.Writer, a knowledge.Answer) error {
	o := askOutput{
		Question:    a.Question,
		Answered:    a.Answered,
		Text:        a.Text(),
		Sources:     []askSource{},
		Confidence:  a.Confidence,
		Suggestions: a.Suggestions,
	}
	if o.Suggestions == nil {
		o.Suggestions = []string{}
	}
	for _, s := range a.Sources {
		o.Sources = append(o.Sources, askSource{Doc: s.Doc, Title: s.Title, Section: s.Section, Quote: s.Quote, URL: s.URL})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(o)
}

func writePlain(w io.Writer, a knowledge.Answer) {
	fmt.Fprintln(w, a.Text())
	for _, s := range a.Sources {
		by := ""
		if s.Author != "" {
			by = ", " + s.Author
		}
		fmt.Fprintf(w, "  source: %s%s, %s [%s]\n", s.Title, by, s.Section, s.Doc)
		if q := bot.Source(s).QuoteLine(); q != "" {
			fmt.Fprintf(w, "    %s\n", q)
		}
	}
}
