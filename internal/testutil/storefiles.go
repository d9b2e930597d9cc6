// Package testutil holds test helpers shared by several packages' tests.
package testutil

import (
	"database/sql"
	"os"
	"os/exec"
	"testing"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// ReadOnly makes the file at path impossible to write, for this process
// too: read-only mode, or the immutable attribute when running as root
// (which ignores the mode). It skips the test when neither is possible,
// and undoes itself when the test ends.
func ReadOnly(t testing.TB, path string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(path, 0o644) })
		return
	}
	if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
		t.Skipf("running as root without chattr +i, a file cannot be made read-only: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
}

// CorruptSQLiteTable overwrites the root page of table in the SQLite file
// at path, which no one may have open, with junk, as a torn write or a bad
// disk would.
func CorruptSQLiteTable(t testing.TB, path, table string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var root, size int64
	err = db.QueryRow(`SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&root)
	if err == nil {
		err = db.QueryRow(`PRAGMA page_size`).Scan(&size)
	}
	db.Close()
	if err != nil {
		t.Fatalf("finding table %s in %s: %v", table, path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := make([]byte, size)
	for i := range junk {
		junk[i] = 0xa5
	}
	if _, err := f.WriteAt(junk, (root-1)*size); err != nil {
		t.Fatal(err)
	}
}
