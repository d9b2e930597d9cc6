package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/durandbot/durand/internal/cli"
	"github.com/durandbot/durand/knowledge"
	"github.com/durandbot/durand/seeds"
)

// defaultPackMax is DURAND_PACK_MAX's default: the most a pack directory's
// files may hold together. The embedded pack is under 1 MiB; parsing takes
// tens of times a file's size in memory (a 200 MB file passed 8 GiB), so
// 32 MiB leaves room to grow while a reload stays well under a gigabyte.
const defaultPackMax = 32 << 20

// snapshotGCPercent is the garbage collector's target while the embedded
// pack's snapshot is decoded: its ten megabytes are all kept, so the heap
// may grow fivefold before a collection (the default is twofold).
const snapshotGCPercent = 400

// errPackTooLarge is a pack refused for its size.
var errPackTooLarge = errors.New("the pack is too large")

// tooLarge says that a pack is over limit bytes.
func tooLarge(limit int64) error {
	return fmt.Errorf("%w: its files hold more than DURAND_PACK_MAX (%s)", errPackTooLarge, sizeText(limit))
}

// packMax reads DURAND_PACK_MAX: a number of bytes, or of KiB, MiB or GiB
// ("64MiB"); defaultPackMax when unset.
func packMax(getenv func(string) string) (int64, error) {
	v := getenv("DURAND_PACK_MAX")
	if v == "" {
		return defaultPackMax, nil
	}
	num, unit := v, int64(1)
	for _, u := range []struct {
		suffix string
		size   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}} {
		if s, ok := strings.CutSuffix(v, u.suffix); ok {
			num, unit = strings.TrimSpace(s), u.size
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/unit {
		return 0, cli.Usage("DURAND_PACK_MAX: %q is not a size: want a positive number of bytes, KiB, MiB or GiB (e.g. 64MiB)", v)
	}
	return n * unit, nil
}

// loadPackFor loads the pack for command cmd from dir (the embedded pack
// when empty), within DURAND_PACK_MAX: a bad DURAND_PACK_MAX is returned
// as the usage error it is, a pack that does not load as cmd's error.
func loadPackFor(cmd, dir string, getenv func(string) string) (*knowledge.Base, error) {
	limit, err := packMax(getenv)
	if err != nil {
		return nil, err
	}
	base, err := loadPack(dir, limit)
	if err != nil {
		return nil, fmt.Errorf("%s: loading the pack: %w", cmd, err)
	}
	return base, nil
}

// loadPack loads the pack in dir, or the embedded pack when dir is empty.
//
// A directory is read through an os.Root, so that no symbolic link leads
// out of it, and it is refused before anything is parsed when its files
// hold more than limit bytes together, or when a link in it leads out of it
// or nowhere. Reads are counted too, so a file that grows after that check
// (a copy under way when a reload starts) is cut off at limit.
func loadPack(dir string, limit int64) (*knowledge.Base, error) {
	if dir == "" {
		// Everything a snapshot's decoding allocates stays live: a
		// collection while it runs finds nothing to free, and would take
		// a third of the start-up.
		defer debug.SetGCPercent(debug.SetGCPercent(snapshotGCPercent))
		return knowledge.LoadSnapshot(seeds.FS(), seeds.Snapshot())
	}
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such directory: %w", dir, err)
	}
	if err != nil {
		return nil, fmt.Errorf("opening the pack: %w", err)
	}
	defer root.Close()
	fsys := root.FS()
	var total int64
	err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := fs.Stat(fsys, name) // follows a link, only inside root
		if err != nil {
			if d.Type()&fs.ModeSymlink != 0 {
				return fmt.Errorf("%s: a symbolic link that leads out of the pack directory, or to nothing", name)
			}
			return err
		}
		if info.Mode().IsRegular() {
			total += info.Size()
		}
		if total > limit {
			return tooLarge(limit)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return knowledge.Load(&budgetFS{fsys: fsys, limit: limit})
}

// sizeText writes a size in the largest binary unit that divides it.
func sizeText(n int64) string {
	for _, u := range []struct {
		name string
		size int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + " " + u.name
		}
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// budgetFS is a file system whose files may be read for limit bytes in all:
// a file that would take more is refused when opened, or cut off.
type budgetFS struct {
	fsys  fs.FS
	limit int64
	read  atomic.Int64 // bytes read so far
}

// Open opens name, refusing it when its size is over what is left.
func (b *budgetFS) Open(name string) (fs.File, error) {
	f, err := b.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.IsDir() && info.Size() > b.limit-b.read.Load() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: tooLarge(b.limit)}
	}
	return &budgetFile{File: f, fs: b, name: name}, nil
}

// ReadDir reads a directory (fs.Glob needs it).
func (b *budgetFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(b.fsys, name) }

// budgetFile counts what is read from it against its budgetFS.
type budgetFile struct {
	fs.File
	fs   *budgetFS
	name string
}

func (f *budgetFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	if f.fs.read.Add(int64(n)) > f.fs.limit {
		return 0, &fs.PathError{Op: "read", Path: f.name, Err: tooLarge(f.fs.limit)}
	}
	return n, err
}
