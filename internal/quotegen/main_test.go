package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	pack, docs := filepath.Join(dir, "pack"), filepath.Join(dir, "docs")
	for _, d := range []string{filepath.Join(pack, "facts"), docs} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	doc := "Title\nThe group was founded in 2007 by two \"brothers\". It grew (Smith, 2020).\n\nIt has 500 fighters.\n"
	facts := `# a comment stays
- id: a
  text: The group was founded in 2007.
  cite:
    doc: d.txt
    section: "1"
    anchor: founded in 2007
- id: b
  text: It has 500 fighters.
  cite:
    doc: d.txt
    section: "1"
    anchor: 500 fighters
    quote: "It has 500 fighters."
`
	file := filepath.Join(pack, "facts", "f.yaml")
	if err := os.WriteFile(filepath.Join(docs, "d.txt"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(facts), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{"-pack", pack, "-sources", docs}, &out); err != nil {
		t.Fatal(err)
	}
	if out.String() != "quotes and vias added: 2\n" {
		t.Errorf("output %q, want one quote and one via added", out.String())
	}
	got, _ := os.ReadFile(file)
	// The paragraph credits Smith after the quote; the second fact's
	// paragraph credits no one.
	want := strings.Replace(facts, "    anchor: founded in 2007\n",
		"    anchor: founded in 2007\n    quote: \"The group was founded in 2007 by two \\\"brothers\\\".\"\n    via: \"Smith, 2020\"\n", 1)
	if string(got) != want {
		t.Errorf("file after:\n%s\nwant:\n%s", got, want)
	}

	// A second run adds nothing and changes nothing.
	out.Reset()
	if err := run([]string{"-pack", pack, "-sources", docs}, &out); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(file); out.String() != "quotes and vias added: 0\n" || string(again) != want {
		t.Errorf("second run: %q, file changed: %v", out.String(), string(again) != want)
	}

	// An anchor the document lacks is an error naming the fact.
	bad := strings.Replace(facts, "anchor: founded in 2007", "anchor: founded in 1999", 1)
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	err := run([]string{"-pack", pack, "-sources", docs}, &out)
	if err == nil || !strings.Contains(err.Error(), `fact a: anchor "founded in 1999" not found`) {
		t.Errorf("err = %v, want the missing anchor named", err)
	}
}

// TestViaBeforeBlockQuote: a quote written over several lines keeps them;
// the via goes before it, where it cannot end up inside the quote.
func TestViaBeforeBlockQuote(t *testing.T) {
	dir := t.TempDir()
	pack, docs := filepath.Join(dir, "pack"), filepath.Join(dir, "docs")
	for _, d := range []string{filepath.Join(pack, "facts"), docs} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	doc := "Drones were seen over Kunar in April. Kabul protested (Amu TV, 2024).\n"
	facts := `- id: a
  text: Drones were seen over Kunar.
  cite:
    doc: d.txt
    section: "1"
    anchor: seen over Kunar
    quote: >-
      Drones were seen over
      Kunar in April.
`
	file := filepath.Join(pack, "facts", "f.yaml")
	if err := os.WriteFile(filepath.Join(docs, "d.txt"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(facts), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{"-pack", pack, "-sources", docs}, &out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(file)
	want := strings.Replace(facts, "    quote: >-\n", "    via: \"Amu TV, 2024\"\n    quote: >-\n", 1)
	if string(got) != want {
		t.Errorf("file after:\n%s\nwant:\n%s", got, want)
	}
}
