package main

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/durandbot/durand/adapters/metrics"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
)

// writeComments writes a YAML file of n bytes of comments: valid, and
// empty once parsed, so that only a size cap refuses it.
func writeComments(t *testing.T, name string, n int) {
	t.Helper()
	line := "# " + strings.Repeat("padding ", 12) + "\n"
	data := bytes.Repeat([]byte(line), n/len(line)+1)[:n]
	data[n-1] = '\n'
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReloadRefusesOversizePack: a pack over DURAND_PACK_MAX (32 MiB by
// default) is refused before it is parsed, and the last good pack keeps
// serving.
func TestReloadRefusesOversizePack(t *testing.T) {
	dir := t.TempDir()
	copyPack(t, dir)
	good, err := knowledge.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	writeComments(t, filepath.Join(dir, "facts", "zz-padding.yaml"), 33<<20)
	var logs bytes.Buffer
	router := bot.NewRouter(good, nil)
	r := &reloader{dir: dir, router: router, store: bot.NewMemoryStore(), metrics: metrics.New(), log: slog.New(slog.NewJSONHandler(&logs, nil))}
	err = r.reload(context.Background(), "test")
	if err == nil || !strings.Contains(err.Error(), "DURAND_PACK_MAX") {
		t.Errorf("reload of a 33 MiB pack: %v, want it refused naming DURAND_PACK_MAX", err)
	}
	if router.Base() != good {
		t.Error("the last good pack no longer serves")
	}
	if !strings.Contains(logs.String(), "pack refused") || !strings.Contains(logs.String(), "DURAND_PACK_MAX") {
		t.Errorf("log %s", logs.String())
	}
}

// TestLoadPackLimits: the pack's files together may hold at most the
// given size; no symbolic link may lead out of the pack directory (one
// inside it may); and what a refused file holds is never quoted.
func TestLoadPackLimits(t *testing.T) {
	outside := t.TempDir()
	passwd := filepath.Join(outside, "passwd")
	if err := os.WriteFile(passwd, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	outFacts := filepath.Join(outside, "facts")
	copyPack(t, outside)
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		max   int64
		want  string // in the error; "" when the pack loads
	}{
		{"the pack as it is", func(*testing.T, string) {}, defaultPackMax, ""},
		{"a link inside the directory", func(t *testing.T, dir string) {
			if err := os.Rename(filepath.Join(dir, "facts", "002.yaml"), filepath.Join(dir, "002.yaml")); err != nil {
				t.Fatal(err)
			}
			symlink(t, "../002.yaml", filepath.Join(dir, "facts", "002.yaml"))
		}, defaultPackMax, ""},
		{"a file linked from outside", func(t *testing.T, dir string) {
			symlink(t, passwd, filepath.Join(dir, "facts", "zz.yaml"))
		}, defaultPackMax, "facts/zz.yaml"},
		{"a relative link out", func(t *testing.T, dir string) {
			rel, err := filepath.Rel(filepath.Join(dir, "facts"), passwd)
			if err != nil {
				t.Fatal(err)
			}
			symlink(t, rel, filepath.Join(dir, "facts", "zz.yaml"))
		}, defaultPackMax, "facts/zz.yaml"},
		{"a directory linked from outside", func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, "facts")); err != nil {
				t.Fatal(err)
			}
			symlink(t, outFacts, filepath.Join(dir, "facts"))
		}, defaultPackMax, "facts"},
		{"a link to nowhere", func(t *testing.T, dir string) {
			symlink(t, filepath.Join(dir, "gone.yaml"), filepath.Join(dir, "facts", "zz.yaml"))
		}, defaultPackMax, "facts/zz.yaml"},
		{"over the cap", func(t *testing.T, dir string) {
			writeComments(t, filepath.Join(dir, "facts", "zz.yaml"), 2<<20)
		}, 2 << 20, "DURAND_PACK_MAX"},
		{"over the cap in all, under it in each", func(t *testing.T, dir string) {
			writeComments(t, filepath.Join(dir, "facts", "zz-1.yaml"), 1<<20)
			writeComments(t, filepath.Join(dir, "entities", "zz-2.yaml"), 1<<20)
		}, 2 << 20, "DURAND_PACK_MAX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			copyPack(t, dir)
			tt.setup(t, dir)
			_, err := loadPack(dir, tt.max)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("loadPack: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("loadPack: %v, want an error naming %s", err, tt.want)
			case err != nil && strings.Contains(err.Error(), "root:"):
				t.Errorf("the error quotes the linked file: %v", err)
			}
		})
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// TestCheckRefusesLinkOut: `durand check --pack` refuses a link out of the
// directory, whatever it leads to — a valid pack file or a password file —
// and quotes nothing of it.
func TestCheckRefusesLinkOut(t *testing.T) {
	tests := []struct {
		name    string
		content string // of the file outside, linked as facts/zz.yaml; "" moves facts/002.yaml out
	}{
		{"a password file", "root:x:0:0:root:/root:/bin/bash\n"},
		{"a valid pack file", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, outside := t.TempDir(), t.TempDir()
			copyPack(t, dir)
			target := filepath.Join(outside, "target.yaml")
			var err error
			if tt.content == "" {
				err = os.Rename(filepath.Join(dir, "facts", "002.yaml"), target)
			} else {
				err = os.WriteFile(target, []byte(tt.content), 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			symlink(t, target, filepath.Join(dir, "facts", "zz.yaml"))
			out, errs, code := runCmd(t, "", "check", "--pack", dir)
			if code == 0 || strings.Contains(out+errs, "root:") || !strings.Contains(out+errs, "facts/zz.yaml") || !strings.Contains(out+errs, "out of the pack directory") {
				t.Errorf("exit %d, output %q %q: want a refusal of the link out, naming facts/zz.yaml and quoting nothing", code, out, errs)
			}
		})
	}
}

// growingFS is a file system whose files say they are small but go on.
type growingFS struct{ fstest.MapFS }

func (g growingFS) Open(name string) (fs.File, error) {
	f, err := g.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return smallStat{f}, nil
}

type smallStat struct{ fs.File }

func (s smallStat) Stat() (fs.FileInfo, error) {
	info, err := s.File.Stat()
	return smallInfo{info}, err
}

type smallInfo struct{ fs.FileInfo }

func (smallInfo) Size() int64 { return 1 }

// TestBudgetFS: the files read through a budgetFS hold at most its limit
// together: a file over what is left is refused when opened, and one that
// grows after the pack was measured is cut off.
func TestBudgetFS(t *testing.T) {
	files := fstest.MapFS{"a.yaml": {Data: make([]byte, 600)}, "b.yaml": {Data: make([]byte, 600)}}
	tests := []struct {
		name string
		fsys fs.FS
		a, b bool // whether each file reads whole
	}{
		{"sizes known", files, true, false},
		{"files growing", growingFS{files}, true, false},
		{"both fit", fstest.MapFS{"a.yaml": {Data: make([]byte, 500)}, "b.yaml": {Data: make([]byte, 500)}}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &budgetFS{fsys: tt.fsys, limit: 1000}
			for _, f := range []struct {
				name string
				want bool
			}{{"a.yaml", tt.a}, {"b.yaml", tt.b}} {
				_, err := fs.ReadFile(b, f.name)
				if (err == nil) != f.want || err != nil && !errors.Is(err, errPackTooLarge) {
					t.Errorf("%s: %v, want read whole %v", f.name, err, f.want)
				}
			}
		})
	}
}

func TestPackMax(t *testing.T) {
	tests := []struct {
		in   string
		want int64 // 0: refused, naming DURAND_PACK_MAX
	}{
		{"", defaultPackMax},
		{"1048576", 1 << 20},
		{"512KiB", 512 << 10},
		{"64MiB", 64 << 20},
		{"64 MiB", 64 << 20},
		{"2GiB", 2 << 30},
		{"0", 0},
		{"-1MiB", 0},
		{"1.5GiB", 0},
		{"64MB", 0},
		{"lots", 0},
		{"99999999999GiB", 0},
	}
	for _, tt := range tests {
		got, err := packMax(env("DURAND_PACK_MAX", tt.in))
		switch {
		case tt.want == 0 && (err == nil || !strings.Contains(err.Error(), "DURAND_PACK_MAX")):
			t.Errorf("%q: %d, %v; want an error naming DURAND_PACK_MAX", tt.in, got, err)
		case tt.want != 0 && (err != nil || got != tt.want):
			t.Errorf("%q: %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}
