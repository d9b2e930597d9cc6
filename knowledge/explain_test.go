package knowledge

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/durandbot/durand/internal/golden"
)

// TestExplainGolden pins how each question in testdata/explain/questions.txt
// is understood, ranked and answered. A change of weights, features or pack
// shows in review as a diff of these files:
//
//	go test ./knowledge -run TestExplainGolden -update
func TestExplainGolden(t *testing.T) {
	b := packFromDisk(t)
	f, err := os.Open("testdata/explain/questions.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			qs = append(qs, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(qs) < 40 {
		t.Fatalf("%d questions, want at least 40", len(qs))
	}
	for i, question := range qs {
		name := fmt.Sprintf("%02d-%s.golden", i+1, slug(question))
		t.Run(name, func(t *testing.T) {
			a := b.Answer(question)
			got := b.Explain(question, 3) + "\n--- answer (answered " + fmt.Sprint(a.Answered) + fmt.Sprintf(", confidence %.2f)\n", a.Confidence) + a.Text() + "\n"
			golden.Check(t, filepath.Join("testdata", "explain", name), []byte(got))
		})
	}
}

// slug turns a question into a short file-name part.
func slug(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		if sb.Len() >= 40 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			sb.WriteRune(r)
		case sb.Len() > 0 && !strings.HasSuffix(sb.String(), "-"):
			sb.WriteByte('-')
		}
	}
	return strings.Trim(sb.String(), "-")
}
