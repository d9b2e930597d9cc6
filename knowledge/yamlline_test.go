package knowledge

import "testing"

// TestFirstBadLine: a YAML syntax error is placed at the line where the
// file stops parsing, not where the enclosing block began.
func TestFirstBadLine(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		want int
	}{
		{"- id: a\n  text: x\n  type: role\n- id: b\n  text: y\n type: role\n", 6},
		{"- id: a\n  text: x\n", 0},
		{"- id: a\n  text: [unclosed\n- id: b\n", 2},
	} {
		if got := firstBadLine([]byte(tc.yaml)); got != tc.want {
			t.Errorf("firstBadLine(%q) = %d, want %d", tc.yaml, got, tc.want)
		}
	}
}
