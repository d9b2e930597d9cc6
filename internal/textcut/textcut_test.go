package textcut

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTrim(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"unbreakableword", 8, "unbreak…"},
		{"tom &amp; jerry", 8, "tom…"},
		{"x", 0, ""},
		{"ab\xffcd", 10, "ab\uFFFDcd"},
		{"e\u0301e\u0301e\u0301e\u0301", 4, "e\u0301…"},
	}
	for _, tt := range tests {
		if got := Trim(tt.in, tt.max); got != tt.want {
			t.Errorf("Trim(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestSplit(t *testing.T) {
	text := strings.Repeat("word ", 1000) + "\n" + strings.Repeat("é", 3000)
	parts := Split(text, 300)
	var total int
	for _, p := range parts {
		if n := utf8.RuneCountInString(p); n > 300 || !utf8.ValidString(p) {
			t.Fatalf("part of %d runes (valid %v)", n, utf8.ValidString(p))
		}
		total += len(strings.Fields(p))
	}
	if !strings.HasSuffix(parts[len(parts)-1], "é") || total < 1000 {
		t.Errorf("%d parts lost text", len(parts))
	}
}

func TestDistinct(t *testing.T) {
	got := Distinct([]string{"a", " ", "b\n c", "a", "d", "e"}, 3)
	if strings.Join(got, "|") != "a|b c|d" {
		t.Errorf("Distinct = %q", got)
	}
}
