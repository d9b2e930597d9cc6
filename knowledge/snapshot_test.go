package knowledge

import (
	"errors"
	"io/fs"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
	"unsafe"

	"github.com/durandbot/durand/internal/golden"
	"github.com/durandbot/durand/seeds"
)

// TestSnapshotCurrent keeps seeds/pack.snap, the embedded pack's snapshot,
// in step with the pack and with the code that indexes it. After changing
// either:
//
//	go test ./knowledge -run TestSnapshotCurrent -update
func TestSnapshotCurrent(t *testing.T) {
	fsys := seeds.FS()
	b, snap := loadAndSnapshot(t, fsys)
	golden.CheckBinary(t, "../seeds/pack.snap", snap)
	if t.Failed() || string(snap) != seeds.Snapshot() {
		return // the embedded copy is the one this test binary was built with
	}
	got, err := DecodeSnapshot(fsys, seeds.Snapshot())
	if err != nil {
		t.Fatalf("the embedded snapshot: %v", err)
	}
	sameBase(t, b, got)
}

// TestLoadDeterministic checks that loading a pack twice builds the same
// index, to the order of every list: a snapshot is compared byte for byte,
// and answers must not depend on the order a map is walked in.
func TestLoadDeterministic(t *testing.T) {
	fsys := packCopy(t)
	var bases [2]*Base
	for i := range bases {
		b, err := Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		bases[i] = b
	}
	sameBase(t, bases[0], bases[1])
}

// TestSnapshotRoundTrip checks that a snapshot gives back the pack it was
// taken of, in every field, on a pack of its own.
func TestSnapshotRoundTrip(t *testing.T) {
	fsys := packCopy(t)
	b, snap := loadAndSnapshot(t, fsys)
	got, err := DecodeSnapshot(fsys, string(snap))
	if err != nil {
		t.Fatal(err)
	}
	sameBase(t, b, got)
	for _, q := range []string{"who is asif durrani", "when did torkham close", "how many afghans were deported", "who is kakr"} {
		if a, c := b.Answer(q), got.Answer(q); !reflect.DeepEqual(a, c) {
			t.Errorf("%q: loaded %+v, from the snapshot %+v", q, a, c)
		}
	}
}

// TestSnapshotRefused checks that a snapshot of other files, or a damaged
// one, is refused, and that LoadSnapshot then loads the files themselves.
func TestSnapshotRefused(t *testing.T) {
	fsys := packCopy(t)
	_, snap := loadAndSnapshot(t, fsys)
	edited := packCopy(t)
	f := edited["facts/"+firstFactFile(t, edited)]
	f.Data = append(append([]byte(nil), f.Data...), "\n# an edit\n"...)
	flipped := slices.Clone(snap)
	flipped[len(flipped)/2] ^= 0x40
	tests := []struct {
		name string
		fsys fstest.MapFS
		snap string
		want error
	}{
		{"another pack", edited, string(snap), ErrStaleSnapshot},
		{"empty", fsys, "", ErrStaleSnapshot},
		{"not a snapshot", fsys, "facts: []", ErrStaleSnapshot},
		{"older format", fsys, snapshotMagic[:len(snapshotMagic)-1] + "\x00" + string(snap[len(snapshotMagic):]), ErrStaleSnapshot},
		{"cut short", fsys, string(snap[:len(snap)/3]), errBadSnapshot},
		{"a byte flipped", fsys, string(flipped), errBadSnapshot},
		{"checksum only", fsys, snapshotMagic, errBadSnapshot},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := DecodeSnapshot(tt.fsys, tt.snap); !errors.Is(err, tt.want) {
				t.Fatalf("DecodeSnapshot: %v, want %v", err, tt.want)
			}
			loaded, err := LoadSnapshot(tt.fsys, tt.snap)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Load(tt.fsys)
			if err != nil {
				t.Fatal(err)
			}
			sameBase(t, want, loaded)
		})
	}
}

// TestSnapshotDecoderBounds damages a snapshot's body behind a valid
// checksum, as a bug in the encoder would, and checks that the decoder
// stops with an error rather than reading past the end or allocating what
// a bad count claims.
func TestSnapshotDecoderBounds(t *testing.T) {
	tests := []struct {
		name string
		s    string
		read func(d *decoder) any // what it read, which should be nothing
	}{
		{"ends inside a varint", "\x80", func(d *decoder) any { return d.uint() }},
		{"count beyond the bytes left", "\xff\xff\xff\xff\x0f", func(d *decoder) any { return d.strs() }},
		{"string longer than what is left", "\x05ab", func(d *decoder) any { return d.str() }},
		{"entity beyond the pack", "\x07", func(d *decoder) any { return d.ref() }},
		{"float cut short", "\x01\x02\x03", func(d *decoder) any { return d.float() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &decoder{s: tt.s}
			if got := tt.read(d); !reflect.ValueOf(got).IsZero() {
				t.Errorf("read %v", got)
			}
			if !errors.Is(d.err, errBadSnapshot) {
				t.Errorf("err = %v, want %v", d.err, errBadSnapshot)
			}
			if d.off != len(d.s) {
				t.Errorf("stopped at byte %d of %d: later reads would go on", d.off, len(d.s))
			}
		})
	}
}

// loadAndSnapshot loads the pack in fsys and takes its snapshot.
func loadAndSnapshot(t *testing.T, fsys fs.FS) (*Base, []byte) {
	t.Helper()
	b, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := b.Snapshot(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return b, snap
}

// packCopy returns the embedded pack as a map the test may change.
func packCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(seeds.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(seeds.FS(), name)
		m[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// firstFactFile names the first file of facts in m.
func firstFactFile(t *testing.T, m fstest.MapFS) string {
	t.Helper()
	files, err := fs.Glob(m, "facts/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fact files: %v", err)
	}
	return files[0][len("facts/"):]
}

// sameBase fails t unless got equals want in every field. The index's map
// from facts to their places is keyed by pointer, so it is checked by what
// it maps each fact to.
func sameBase(t *testing.T, want, got *Base) {
	t.Helper()
	for _, b := range []*Base{want, got} {
		if len(b.idx.factIndex) != len(b.facts) {
			t.Fatalf("factIndex holds %d facts of %d", len(b.idx.factIndex), len(b.facts))
		}
		for i, f := range b.facts {
			if b.idx.factIndex[f] != i {
				t.Fatalf("factIndex[%s] = %d, want %d", f.ID, b.idx.factIndex[f], i)
			}
		}
	}
	wi, gi := want.idx.factIndex, got.idx.factIndex
	want.idx.factIndex, got.idx.factIndex = nil, nil
	defer func() { want.idx.factIndex, got.idx.factIndex = wi, gi }()
	if reflect.DeepEqual(want, got) {
		return
	}
	for _, v := range [][2]any{{want, got}, {want.idx, got.idx}, {want.idx.spell, got.idx.spell}, {&want.idx.lex, &got.idx.lex}} {
		w, g := reflect.ValueOf(v[0]).Elem(), reflect.ValueOf(v[1]).Elem()
		for i := range w.NumField() {
			if !reflect.DeepEqual(readable(w.Field(i)), readable(g.Field(i))) {
				t.Errorf("%s.%s differs", w.Type().Name(), w.Type().Field(i).Name)
			}
		}
	}
	t.Errorf("the pack from the snapshot differs from the pack loaded")
}

// readable returns field f's value, unexported or not, for comparison.
func readable(f reflect.Value) any {
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface()
}
