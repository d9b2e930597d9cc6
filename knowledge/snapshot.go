package knowledge

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math"
	"slices"
	"strings"
)

// A snapshot is a loaded pack and its index written out, so that a process
// starts from it in a few milliseconds rather than parsing the YAML and
// building the index again (Load). It records a digest of the pack files it
// was taken of; LoadSnapshot uses it only for exactly those files. A CRC-32C
// of everything before it ends the snapshot, so damage is found before
// anything is read.
//
// The encoding is durand's own and deterministic: counts and integers as
// varints, strings as a length and their bytes, maps in key order, and
// every slice or map as its length plus one, or 0 for nil, so that the
// decoded pack is equal to the loaded one in every field. Entities and
// facts are referred to by their place in the pack.

// snapshotMagic begins every snapshot. Its last byte is the format's
// version: raise it whenever the encoding changes.
const snapshotMagic = "durand snapshot\x08"

// ErrStaleSnapshot is returned by DecodeSnapshot for a snapshot taken of
// other pack files than those given, or in an older format.
var ErrStaleSnapshot = errors.New("the snapshot is not of this pack")

// packDigest returns the SHA-256 digest of every regular file in fsys,
// names and contents, in name order: what a snapshot is checked against.
func packDigest(fsys fs.FS) ([32]byte, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
		return nil
	})
	var sum [32]byte
	if err != nil {
		return sum, fmt.Errorf("digesting the pack: %w", err)
	}
	h.Sum(sum[:0])
	return sum, nil
}

// LoadSnapshot returns the pack in fsys from snap when snap is a snapshot
// of exactly fsys's files, and otherwise loads fsys as Load does: a stale
// or damaged snapshot costs start-up time, never a wrong answer.
func LoadSnapshot(fsys fs.FS, snap string) (*Base, error) {
	if b, err := DecodeSnapshot(fsys, snap); err == nil {
		return b, nil
	}
	return Load(fsys)
}

// DecodeSnapshot returns the pack snap holds, after checking that it was
// taken of fsys's files; ErrStaleSnapshot when it was not.
func DecodeSnapshot(fsys fs.FS, snap string) (*Base, error) {
	sum, err := packDigest(fsys)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(snap, snapshotMagic) {
		return nil, ErrStaleSnapshot
	}
	body, sum32, ok := cutChecksum(snap)
	if !ok || stringChecksum(body) != sum32 {
		return nil, errBadSnapshot
	}
	d := &decoder{s: body, off: len(snapshotMagic)}
	if d.take(len(sum)) != string(sum[:]) {
		return nil, ErrStaleSnapshot
	}
	// The fitted models are parsed from their JSON while the snapshot is
	// decoded, on another core: each takes a good part of start-up, and
	// neither needs the other until both are done.
	type parsed struct {
		m   models
		err error
	}
	fitted := make(chan parsed, 1)
	go func() {
		m, err := loadModels()
		fitted <- parsed{m, err}
	}()
	b := d.base()
	if d.err == nil && d.off != len(d.s) {
		d.fail()
	}
	p := <-fitted
	switch {
	case p.err != nil:
		return nil, p.err
	case d.err != nil:
		return nil, d.err
	}
	b.idx.models = p.m
	return b, nil
}

// Snapshot writes b out for DecodeSnapshot, recording the digest of the
// pack files it was loaded from, fsys.
func (b *Base) Snapshot(fsys fs.FS) ([]byte, error) {
	sum, err := packDigest(fsys)
	if err != nil {
		return nil, err
	}
	e := &encoder{buf: append([]byte(snapshotMagic), sum[:]...), entity: map[*Entity]int{}}
	for i, x := range b.entities {
		e.entity[x] = i
	}
	e.base(b)
	return binary.LittleEndian.AppendUint32(e.buf, crc32.Checksum(e.buf, crcTable)), nil
}

// crcTable is the CRC-32C table that the checksum ending a snapshot uses.
var crcTable = crc32.MakeTable(crc32.Castagnoli)

// stringChecksum is the CRC-32C of s, taken through a small buffer rather
// than a copy of all of s.
func stringChecksum(s string) uint32 {
	var buf [32 << 10]byte
	var sum uint32
	for len(s) > 0 {
		n := copy(buf[:], s)
		sum = crc32.Update(sum, crcTable, buf[:n])
		s = s[n:]
	}
	return sum
}

// cutChecksum splits snap into its body and the checksum that ends it.
func cutChecksum(snap string) (body string, sum uint32, ok bool) {
	if len(snap) < 4 {
		return "", 0, false
	}
	body, tail := snap[:len(snap)-4], snap[len(snap)-4:]
	return body, binary.LittleEndian.Uint32([]byte(tail)), true
}

// encoder appends a snapshot to buf.
type encoder struct {
	buf    []byte
	entity map[*Entity]int // place in the pack
}

func (e *encoder) uint(n uint64) {
	for n >= 0x80 {
		e.buf = append(e.buf, byte(n)|0x80)
		n >>= 7
	}
	e.buf = append(e.buf, byte(n))
}

func (e *encoder) int(n int) { e.uint(uint64(n<<1) ^ uint64(n>>63)) }

func (e *encoder) bool(v bool) {
	if v {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

func (e *encoder) float(f float64) { e.fixed(math.Float64bits(f)) }

// fixed writes u in eight bytes, little-endian: a hash, which a varint
// would only lengthen.
func (e *encoder) fixed(u uint64) {
	for range 8 {
		e.buf = append(e.buf, byte(u))
		u >>= 8
	}
}

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// count writes a slice's or a map's length plus one, or 0 for nil.
func (e *encoder) count(n int, isNil bool) {
	if isNil {
		e.uint(0)
		return
	}
	e.uint(uint64(n) + 1)
}

func (e *encoder) ref(x *Entity) {
	if x == nil {
		e.uint(0)
		return
	}
	e.uint(uint64(e.entity[x]) + 1)
}

func (e *encoder) date(d Date) {
	for _, p := range []Point{d.Start, d.End} {
		e.int(p.Year)
		e.int(p.Month)
		e.int(p.Day)
	}
	e.str(d.Part)
}

func (e *encoder) strs(s []string)    { putSlice(e, s, (*encoder).str) }
func (e *encoder) ints(s []int)       { putSlice(e, s, (*encoder).int) }
func (e *encoder) bools(s []bool)     { putSlice(e, s, (*encoder).bool) }
func (e *encoder) refs(s []*Entity)   { putSlice(e, s, (*encoder).ref) }
func (e *encoder) floats(s []float64) { putSlice(e, s, (*encoder).float) }
func (e *encoder) int32s(s []int32) {
	putSlice(e, s, func(e *encoder, n int32) { e.int(int(n)) })
}
func (e *encoder) strMap(m map[string]string)    { putMap(e, m, (*encoder).str) }
func (e *encoder) strsMap(m map[string][]string) { putMap(e, m, (*encoder).strs) }
func (e *encoder) intsMap(m map[string][]int)    { putMap(e, m, (*encoder).ints) }
func (e *encoder) boolMap(m map[string]bool)     { putMap(e, m, (*encoder).bool) }
func (e *encoder) intMap(m map[string]int)       { putMap(e, m, (*encoder).int) }
func (e *encoder) int32Map(m map[string]int32) {
	putMap(e, m, func(e *encoder, n int32) { e.int(int(n)) })
}
func (e *encoder) refsMap(m map[string][]*Entity) { putMap(e, m, (*encoder).refs) }

// putSlice writes s, each element by put.
func putSlice[T any](e *encoder, s []T, put func(*encoder, T)) {
	e.count(len(s), s == nil)
	for _, v := range s {
		put(e, v)
	}
}

// putMap writes m in key order, each value by put.
func putMap[V any](e *encoder, m map[string]V, put func(*encoder, V)) {
	e.count(len(m), m == nil)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		e.str(k)
		put(e, m[k])
	}
}

// decoder reads a snapshot from s, which every string it returns shares.
// A read past the end, or a count larger than what is left, sets err and
// returns zero values from then on.
type decoder struct {
	s        string
	off      int
	err      error
	entities []*Entity
}

// errBadSnapshot is a snapshot that ends early or holds an impossible count.
var errBadSnapshot = errors.New("the snapshot is damaged")

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errBadSnapshot
	}
	d.off = len(d.s)
}

func (d *decoder) take(n int) string {
	if n < 0 || n > len(d.s)-d.off {
		d.fail()
		return ""
	}
	s := d.s[d.off : d.off+n]
	d.off += n
	return s
}

func (d *decoder) uint() uint64 {
	var n uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.off >= len(d.s) {
			break
		}
		c := d.s[d.off]
		d.off++
		n |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return n
		}
	}
	d.fail()
	return 0
}

func (d *decoder) int() int {
	u := d.uint()
	return int(u>>1) ^ -int(u&1)
}

func (d *decoder) bool() bool { return d.take(1) == "\x01" }

func (d *decoder) float() float64 { return math.Float64frombits(d.fixed()) }

func (d *decoder) fixed() uint64 {
	s := d.take(8)
	if len(s) < 8 {
		return 0
	}
	var u uint64
	for i := 7; i >= 0; i-- {
		u = u<<8 | uint64(s[i])
	}
	return u
}

func (d *decoder) str() string { return d.take(int(min(d.uint(), uint64(len(d.s))+1))) }

// count reads what encoder.count wrote: -1 for nil. Every element takes at
// least a byte, so a count beyond the bytes left is damage, caught before
// anything is allocated for it.
func (d *decoder) count() int {
	n := d.uint()
	if n == 0 {
		return -1
	}
	if n-1 > uint64(len(d.s)-d.off) {
		d.fail()
		return -1
	}
	return int(n - 1)
}

func (d *decoder) ref() *Entity {
	n := d.uint()
	if n == 0 {
		return nil
	}
	if n > uint64(len(d.entities)) {
		d.fail()
		return nil
	}
	return d.entities[n-1]
}

func (d *decoder) date() Date {
	var ps [2]Point
	for i := range ps {
		ps[i] = Point{Year: d.int(), Month: d.int(), Day: d.int()}
	}
	return Date{Start: ps[0], End: ps[1], Part: d.str()}
}

func (d *decoder) strs() []string    { return getSlice(d, (*decoder).str) }
func (d *decoder) ints() []int       { return getSlice(d, (*decoder).int) }
func (d *decoder) bools() []bool     { return getSlice(d, (*decoder).bool) }
func (d *decoder) refs() []*Entity   { return getSlice(d, (*decoder).ref) }
func (d *decoder) floats() []float64 { return getSlice(d, (*decoder).float) }
func (d *decoder) int32s() []int32 {
	return getSlice(d, func(d *decoder) int32 { return int32(d.int()) })
}
func (d *decoder) strMap() map[string]string    { return getMap(d, (*decoder).str) }
func (d *decoder) strsMap() map[string][]string { return getMap(d, (*decoder).strs) }
func (d *decoder) intsMap() map[string][]int    { return getMap(d, (*decoder).ints) }
func (d *decoder) boolMap() map[string]bool     { return getMap(d, (*decoder).bool) }
func (d *decoder) intMap() map[string]int       { return getMap(d, (*decoder).int) }
func (d *decoder) int32Map() map[string]int32 {
	return getMap(d, func(d *decoder) int32 { return int32(d.int()) })
}
func (d *decoder) refsMap() map[string][]*Entity { return getMap(d, (*decoder).refs) }

// getSlice reads a slice putSlice wrote, each element by get.
func getSlice[T any](d *decoder, get func(*decoder) T) []T {
	n := d.count()
	if n < 0 {
		return nil
	}
	s := make([]T, n)
	for i := range s {
		s[i] = get(d)
	}
	return s
}

// getMap reads a map putMap wrote, each value by get.
func getMap[V any](d *decoder, get func(*decoder) V) map[string]V {
	n := d.count()
	if n < 0 {
		return nil
	}
	m := make(map[string]V, n)
	for range n {
		k := d.str()
		m[k] = get(d)
	}
	return m
}

// base writes the pack: its records, then its index.
func (e *encoder) base(b *Base) {
	putSlice(e, b.srcOrder, (*encoder).source)
	putSlice(e, b.entities, (*encoder).entityRecord)
	putSlice(e, b.facts, (*encoder).fact)
	putSlice(e, b.conflicts, func(e *encoder, c *Conflict) {
		e.str(c.ID)
		e.str(c.Kind)
		e.str(c.Topic)
		e.strs(c.Facts)
	})
	e.bool(b.lexicon != nil)
	if lx := b.lexicon; lx != nil {
		e.strs(lx.Synonyms)
		e.strMap(lx.Shorthand)
		e.strMap(lx.Phrases)
		e.intMap(lx.Decades)
		e.strsMap(lx.Capitals)
		e.strMap(lx.Related)
	}
	e.strsMap(b.related)
	e.boolMap(b.english)
	e.refs(b.focus)
	e.index(b.idx)
}

func (d *decoder) base() *Base {
	b := &Base{
		sources:      map[string]*Source{},
		entityByID:   map[string]*Entity{},
		factByID:     map[string]*Fact{},
		conflictByID: map[string]*Conflict{},
	}
	b.srcOrder = getSlice(d, (*decoder).source)
	for _, s := range b.srcOrder {
		b.sources[s.ID] = s
	}
	b.entities = getSlice(d, (*decoder).entityRecord)
	d.entities = b.entities
	for _, x := range b.entities {
		b.entityByID[x.ID] = x
	}
	b.facts = getSlice(d, (*decoder).fact)
	for _, f := range b.facts {
		b.factByID[f.ID] = f
	}
	b.conflicts = getSlice(d, func(d *decoder) *Conflict {
		return &Conflict{ID: d.str(), Kind: d.str(), Topic: d.str(), Facts: d.strs()}
	})
	for _, c := range b.conflicts {
		b.conflictByID[c.ID] = c
	}
	if d.bool() {
		b.lexicon = &Lexicon{
			Synonyms:  d.strs(),
			Shorthand: d.strMap(),
			Phrases:   d.strMap(),
			Decades:   d.intMap(),
			Capitals:  d.strsMap(),
			Related:   d.strMap(),
		}
	}
	b.related = d.strsMap()
	b.english = d.boolMap()
	b.focus = d.refs()
	b.idx = d.index(b)
	b.historical = b.mostHistorical()
	return b
}

func (e *encoder) source(s *Source) {
	for _, v := range []string{s.ID, s.Title, s.TitleNote, s.Author, s.AuthorNote, s.Outlet, s.OutletNote, s.Kind, s.RawDate, s.DateNote, s.URL, s.URLNote} {
		e.str(v)
	}
	putSlice(e, s.Sections, func(e *encoder, sec Section) {
		e.str(sec.ID)
		e.str(sec.Title)
	})
	e.strs(s.Gist)
	e.date(s.Date)
}

func (d *decoder) source() *Source {
	s := &Source{}
	for _, v := range []*string{&s.ID, &s.Title, &s.TitleNote, &s.Author, &s.AuthorNote, &s.Outlet, &s.OutletNote, &s.Kind, &s.RawDate, &s.DateNote, &s.URL, &s.URLNote} {
		*v = d.str()
	}
	s.Sections = getSlice(d, func(d *decoder) Section { return Section{ID: d.str(), Title: d.str()} })
	s.Gist = d.strs()
	s.Date = d.date()
	return s
}

func (e *encoder) entityRecord(x *Entity) {
	for _, v := range []string{x.ID, x.Name, x.Kind, x.Abbr, x.Summary, x.Within, x.Pronoun} {
		e.str(v)
	}
	e.strs(x.Aliases)
}

func (d *decoder) entityRecord() *Entity {
	x := &Entity{}
	for _, v := range []*string{&x.ID, &x.Name, &x.Kind, &x.Abbr, &x.Summary, &x.Within, &x.Pronoun} {
		*v = d.str()
	}
	x.Aliases = d.strs()
	return x
}

func (e *encoder) fact(f *Fact) {
	for _, v := range []string{f.ID, f.Text, f.Type, f.RawDate, f.RawAsOf, f.Conflict, f.file,
		f.Cite.Doc, f.Cite.Section, f.Cite.Anchor, f.Cite.Quote, f.Cite.Via} {
		e.str(v)
	}
	e.strs(f.Entities)
	putSlice(e, f.Numbers, func(e *encoder, n Number) {
		e.float(n.Value)
		e.str(n.Unit)
	})
	e.strs(f.Items)
	e.strs(f.Questions)
	e.bool(f.Open != nil)
	if f.Open != nil {
		e.str(f.Open.Part)
		e.strs(f.Open.Questions)
	}
	e.bool(f.Role != nil)
	if r := f.Role; r != nil {
		for _, v := range []string{r.Title, r.Of, r.RawFrom, r.RawTo} {
			e.str(v)
		}
		e.bool(r.Former)
		e.date(r.From)
		e.date(r.To)
	}
	e.date(f.Date)
	e.date(f.AsOf)
	e.bool(f.Meta)
}

func (d *decoder) fact() *Fact {
	f := &Fact{}
	for _, v := range []*string{&f.ID, &f.Text, &f.Type, &f.RawDate, &f.RawAsOf, &f.Conflict, &f.file,
		&f.Cite.Doc, &f.Cite.Section, &f.Cite.Anchor, &f.Cite.Quote, &f.Cite.Via} {
		*v = d.str()
	}
	f.Entities = d.strs()
	f.Numbers = getSlice(d, func(d *decoder) Number { return Number{Value: d.float(), Unit: d.str()} })
	f.Items = d.strs()
	f.Questions = d.strs()
	if d.bool() {
		f.Open = &Open{Part: d.str(), Questions: d.strs()}
	}
	if d.bool() {
		r := &Role{}
		for _, v := range []*string{&r.Title, &r.Of, &r.RawFrom, &r.RawTo} {
			*v = d.str()
		}
		r.Former = d.bool()
		r.From = d.date()
		r.To = d.date()
		f.Role = r
	}
	f.Date = d.date()
	f.AsOf = d.date()
	f.Meta = d.bool()
	return f
}

// index writes what buildIndex derives from the pack; newIndex's part,
// which needs no pack, is made again when the snapshot is read.
func (e *encoder) index(ix *index) {
	e.lex(ix.lex)
	e.speller(ix.spell)
	putMap(e, ix.aliases, func(e *encoder, as []alias) {
		putSlice(e, as, func(e *encoder, a alias) {
			e.strs(a.toks)
			e.ref(a.entity)
			e.bool(a.short)
		})
	})
	putMap(e, ix.postings, func(e *encoder, ps []posting) {
		putSlice(e, ps, func(e *encoder, p posting) {
			e.int(p.fact)
			e.int(p.tf)
		})
	})
	e.ints(ix.docLen)
	e.float(ix.avgLen)
	putSlice(e, ix.terms, func(e *encoder, tc termCounts) {
		putSlice(e, tc, func(e *encoder, c termCount) {
			e.int(int(c.no))
			e.int(int(c.c))
		})
	})
	e.int32Map(ix.termNo)
	putMap(e, ix.mainTerms, func(e *encoder, ts []term) {
		putSlice(e, ts, func(e *encoder, t term) {
			e.int(int(t.no))
			e.float(t.idf)
		})
	})
	putSlice(e, ix.textStems, (*encoder).strs)
	e.strsMap(ix.byPrefix)
	e.strMap(ix.frames)
	e.int(ix.frameLongest)
	e.strMap(ix.stemOf)
	e.intsMap(ix.entityFacts)
	e.intsMap(ix.subjectOf)
	e.intsMap(ix.namedBy)
	putMap(e, ix.nameStems, func(e *encoder, names [][]string) { putSlice(e, names, (*encoder).strs) })
	e.strsMap(ix.mainStems)
	e.strsMap(ix.nameWords)
	e.bools(ix.figure)
	e.bools(ix.duration)
	e.bools(ix.sized)
	e.bools(ix.region)
	putSlice(e, ix.nestedPlaces, (*encoder).uint)
	putSlice(e, ix.counted, (*encoder).boolMap)
	e.bools(ix.docFact)
	e.ints(ix.byDate)
	e.count(len(ix.byDay), ix.byDay == nil)
	days := make([]int, 0, len(ix.byDay))
	for k := range ix.byDay {
		days = append(days, k)
	}
	slices.Sort(days)
	for _, k := range days {
		e.int(k)
		e.ints(ix.byDay[k])
	}
	e.refs(ix.topEntities)
	e.strs(ix.completions)
	e.strMap(ix.entityDoc)
	putMap(e, ix.docStems, (*encoder).boolMap)
	e.float(ix.maxIDF)
	putSlice(e, ix.altQs, func(e *encoder, aq altQuestion) {
		e.int(aq.fact)
		e.str(aq.key)
		e.strs(aq.stems)
		e.int32s(aq.ids)
		e.floats(aq.idf)
		e.float(aq.total)
		e.refs(aq.names)
		e.bool(aq.open)
		e.int(int(aq.asks))
	})
	e.int32Map(ix.altStemID)
	putMap(e, ix.altPosts, func(e *encoder, ps []altPost) {
		putSlice(e, ps, func(e *encoder, p altPost) {
			e.int(int(p.n))
			e.int(int(p.k))
		})
	})
	putSlice(e, ix.factAlts, (*encoder).ints)
}

func (d *decoder) index(b *Base) *index {
	ix := newIndex(models{}) // the models are set by DecodeSnapshot
	ix.lex = d.lex()
	ix.spell = d.speller()
	ix.aliases = getMap(d, func(d *decoder) []alias {
		return getSlice(d, func(d *decoder) alias { return alias{toks: d.strs(), entity: d.ref(), short: d.bool()} })
	})
	ix.postings = getMap(d, func(d *decoder) []posting {
		return getSlice(d, func(d *decoder) posting { return posting{fact: d.int(), tf: d.int()} })
	})
	ix.docLen = d.ints()
	ix.avgLen = d.float()
	ix.terms = getSlice(d, func(d *decoder) termCounts {
		return getSlice(d, func(d *decoder) termCount { return termCount{no: int32(d.int()), c: int32(d.int())} })
	})
	ix.termNo = d.int32Map()
	ix.mainTerms = getMap(d, func(d *decoder) []term {
		return getSlice(d, func(d *decoder) term { return term{no: int32(d.int()), idf: d.float()} })
	})
	ix.textStems = getSlice(d, (*decoder).strs)
	ix.byPrefix = d.strsMap()
	ix.frames = d.strMap()
	ix.frameLongest = d.int()
	ix.stemOf = d.strMap()
	ix.entityFacts = d.intsMap()
	ix.subjectOf = d.intsMap()
	ix.namedBy = d.intsMap()
	ix.nameStems = getMap(d, func(d *decoder) [][]string { return getSlice(d, (*decoder).strs) })
	ix.mainStems = d.strsMap()
	ix.nameWords = d.strsMap()
	ix.figure = d.bools()
	ix.duration = d.bools()
	ix.sized = d.bools()
	ix.region = d.bools()
	ix.nestedPlaces = getSlice(d, (*decoder).uint)
	ix.counted = getSlice(d, (*decoder).boolMap)
	ix.docFact = d.bools()
	ix.byDate = d.ints()
	if n := d.count(); n < 0 {
		ix.byDay = nil
	} else {
		ix.byDay = make(map[int][]int, n)
		for range n {
			k := d.int()
			ix.byDay[k] = d.ints()
		}
	}
	ix.topEntities = d.refs()
	ix.completions = d.strs()
	ix.entityDoc = d.strMap()
	ix.docStems = getMap(d, (*decoder).boolMap)
	ix.maxIDF = d.float()
	ix.altQs = getSlice(d, func(d *decoder) altQuestion {
		return altQuestion{fact: d.int(), key: d.str(), stems: d.strs(), ids: d.int32s(), idf: d.floats(),
			total: d.float(), names: d.refs(), open: d.bool(), asks: Intent(d.int())}
	})
	ix.altStemID = d.int32Map()
	ix.altPosts = getMap(d, func(d *decoder) []altPost {
		return getSlice(d, func(d *decoder) altPost { return altPost{int32(d.int()), uint8(d.int())} })
	})
	ix.factAlts = getSlice(d, (*decoder).ints)
	for i, f := range b.facts {
		ix.factIndex[f] = i
	}
	ix.finish(b)
	return ix
}

func (e *encoder) lex(lx lexIndex) {
	e.strsMap(lx.syn)
	e.strsMap(lx.related)
	e.strsMap(lx.shorthand)
	putMap(e, lx.phrases, func(e *encoder, rs []rewrite) {
		putSlice(e, rs, func(e *encoder, r rewrite) {
			e.strs(r.from)
			e.strs(r.to)
		})
	})
	e.intMap(lx.decades)
	e.refsMap(lx.capitals)
}

func (d *decoder) lex() lexIndex {
	return lexIndex{
		syn:       d.strsMap(),
		related:   d.strsMap(),
		shorthand: d.strsMap(),
		phrases: getMap(d, func(d *decoder) []rewrite {
			return getSlice(d, func(d *decoder) rewrite { return rewrite{from: d.strs(), to: d.strs()} })
		}),
		decades:  d.intMap(),
		capitals: d.refsMap(),
	}
}

func (e *encoder) speller(s *speller) {
	putMap(e, s.vocab, func(e *encoder, w *word) {
		e.int(w.freq)
		e.bool(w.alias)
	})
	e.count(len(s.hashes), s.hashes == nil)
	for _, h := range s.hashes {
		e.fixed(h)
	}
	e.int32s(s.starts)
	e.int32s(s.ids)
	e.strs(s.words)
	e.strsMap(s.byHead)
	e.int(s.longest)
}

func (d *decoder) speller() *speller {
	s := &speller{}
	if n := d.count(); n >= 0 {
		words := make([]word, n)
		s.vocab = make(map[string]*word, n)
		for i := range words {
			k := d.str()
			words[i] = word{freq: d.int(), alias: d.bool()}
			s.vocab[k] = &words[i]
		}
	}
	s.hashes = getSlice(d, (*decoder).fixed)
	s.starts = d.int32s()
	s.ids = d.int32s()
	if len(s.starts) != len(s.hashes)+1 || len(s.ids) != int(s.starts[len(s.starts)-1]) {
		d.fail()
	}
	s.words = d.strs()
	s.byHead = d.strsMap()
	s.longest = d.int()
	return s
}
