// Command quotegen gives each fact of the knowledge pack its quote: the
// words of the source document the fact rests on, which readers see under
// the source and `durand check --sources` verifies. The quote is the
// sentence that holds the fact's anchor phrase, or the part of it that fits
// the limit (see knowledge.WidenAnchor).
//
// From the repository root, with the source documents in ../shared/seeds:
//
//	go run ./internal/quotegen -pack seeds -sources ../shared/seeds
//
// It adds a "quote:" line after the "anchor:" line of every fact that has
// none, and leaves quotes already written alone, so a curator may shorten or
// widen one by hand. After each quote it adds a "via:" line, when the
// document credits someone for the passage by an in-text citation (see
// knowledge.CitedAfter) and the fact has none. The files are rewritten in
// place; nothing else in them changes.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/durandbot/durand/knowledge"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quotegen:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("quotegen", flag.ContinueOnError)
	pack := fl.String("pack", "seeds", "the knowledge pack `DIR`")
	sources := fl.String("sources", "../shared/seeds", "the source documents' `DIR`")
	if err := fl.Parse(args); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(*pack, "facts", "*.yaml"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no fact files in %s", filepath.Join(*pack, "facts"))
	}
	docs := map[string]string{}
	doc := func(id string) (string, error) {
		if t, ok := docs[id]; ok {
			return t, nil
		}
		b, err := os.ReadFile(filepath.Join(*sources, id))
		if err != nil {
			return "", err
		}
		docs[id] = string(b)
		return docs[id], nil
	}
	var added int
	var errs []error
	for _, file := range files {
		n, err := quoteFile(file, doc)
		added += n
		if err != nil {
			errs = append(errs, err)
		}
	}
	fmt.Fprintf(stdout, "quotes and vias added: %d\n", added)
	return errors.Join(errs...)
}

// fact is what quotegen reads of a fact.
type fact struct {
	ID   string `yaml:"id"`
	Cite struct {
		Doc    string `yaml:"doc"`
		Anchor string `yaml:"anchor"`
		Quote  string `yaml:"quote"`
		Via    string `yaml:"via"`
	} `yaml:"cite"`
}

var (
	idLine     = regexp.MustCompile(`^- id: *(\S+)`)
	anchorLine = regexp.MustCompile(`^( +)anchor: `)
	quoteLine  = regexp.MustCompile(`^( +)quote: `)
)

// quoteFile adds the missing quotes and vias of one fact file, returning
// how many lines it added.
func quoteFile(file string, doc func(string) (string, error)) (int, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	var facts []fact
	if err := yaml.Unmarshal(data, &facts); err != nil {
		return 0, fmt.Errorf("%s: %w", file, err)
	}
	want := map[string]string{} // fact id → quote to add
	vias := map[string]string{} // fact id → via to add
	var errs []error
	for _, f := range facts {
		if f.Cite.Quote != "" && f.Cite.Via != "" {
			continue
		}
		text, err := doc(f.Cite.Doc)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: fact %s: %w", file, f.ID, err))
			continue
		}
		q := f.Cite.Quote
		if q == "" {
			if q, err = knowledge.WidenAnchor(text, f.Cite.Anchor); err != nil {
				errs = append(errs, fmt.Errorf("%s: fact %s: %w", file, f.ID, err))
				continue
			}
			want[f.ID] = q
		}
		if v := knowledge.CitedAfter(text, q); v != "" && f.Cite.Via == "" {
			vias[f.ID] = v
		}
	}
	if len(want) == 0 && len(vias) == 0 {
		return 0, errors.Join(errs...)
	}
	var out bytes.Buffer
	id, added := "", 0
	via := func(indent string) { // the fact's via line, once
		if v, ok := vias[id]; ok {
			fmt.Fprintf(&out, "%svia: %s\n", indent, yamlString(v))
			delete(vias, id)
			added++
		}
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if m := idLine.FindStringSubmatch(line); m != nil {
			id = strings.Trim(m[1], `"'`)
		}
		m := quoteLine.FindStringSubmatch(line)
		if m != nil && blockScalar(line) {
			via(m[1]) // a quote written over several lines: the via goes before it
		}
		out.WriteString(line)
		if m != nil {
			via(m[1])
		}
		if m := anchorLine.FindStringSubmatch(line); m != nil {
			if q, ok := want[id]; ok {
				fmt.Fprintf(&out, "%squote: %s\n", m[1], yamlString(q))
				delete(want, id)
				added++
				via(m[1])
			}
		}
	}
	for id := range want {
		errs = append(errs, fmt.Errorf("%s: fact %s: no anchor line to put the quote after", file, id))
	}
	if err := os.WriteFile(file, out.Bytes(), 0o644); err != nil {
		return 0, err
	}
	return added, errors.Join(errs...)
}

// blockScalar reports whether a "key: value" line opens a value written on
// the lines after it ("quote: >-").
func blockScalar(line string) bool {
	_, v, _ := strings.Cut(line, ": ")
	v = strings.TrimSpace(v)
	return strings.HasPrefix(v, ">") || strings.HasPrefix(v, "|")
}

// yamlString writes s as a double-quoted YAML scalar on one line.
func yamlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
