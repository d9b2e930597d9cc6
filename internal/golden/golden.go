// Package golden compares test output with golden files under testdata/,
// and rewrites them when the tests run with -update.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Check compares got with the file at path, rewriting the file first when
// the test runs with -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if want := read(t, path, got); !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it)\ngot:\n%s", path, got)
	}
}

// CheckBinary is Check for a binary file: a difference is reported by the
// sizes and the first byte that differs, never by dumping the contents.
func CheckBinary(t testing.TB, path string, got []byte) {
	t.Helper()
	if want := read(t, path, got); !bytes.Equal(got, want) {
		at := 0
		for at < min(len(got), len(want)) && got[at] == want[at] {
			at++
		}
		t.Errorf("%s differs (go test -update rewrites it): %d bytes, want %d; first difference at byte %d", path, len(got), len(want), at)
	}
}

// read returns the golden file at path, after writing got there when the
// test runs with -update.
func read(t testing.TB, path string, got []byte) []byte {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	return want
}
