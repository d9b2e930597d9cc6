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

func TestUnlink(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"no link here: a.b (c) [d]", "no link here: a.b (c) [d]"},
		{"https://evil.example/nitro", "https:\u200b//evil.example/nitro"},
		{"[nitro](https://evil.example/nitro)", "[nitro](https:\u200b//evil.example/nitro)"},
		{"<https://evil.example|nitro>", "<https:\u200b//evil.example|nitro>"},
		{"HTTP://A ftp://b steam://c", "HTTP:\u200b//A ftp:\u200b//b steam:\u200b//c"},
		{"go to www.evil.example or WWW.EVIL.EXAMPLE", "go to www\u200b.evil.example or WWW\u200b.EVIL.EXAMPLE"},
		{":// www. é://ü", ":\u200b// www\u200b. é:\u200b//ü"},
		{"bad \xff://", "bad \xff:\u200b//"},
	}
	for _, tt := range tests {
		if got := Unlink(tt.in); got != tt.want {
			t.Errorf("Unlink(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Unlink(tt.in); strings.Contains(got, "://") || strings.Contains(strings.ToLower(got), "www.") {
			t.Errorf("Unlink(%q) = %q: still a link", tt.in, got)
		}
	}
}
