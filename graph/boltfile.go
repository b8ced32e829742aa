package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/cayleygraph/cayley/graph"

	"hospkg/internal/storefault"
)

// ErrStoreDamaged means the store's files are cut short or overwritten. bolt
// would crash on them (SIGBUS, SIGSEGV, "invalid page type") rather than
// say so: the file is checked on open, and what the check cannot see is
// caught while the store is read (Store.Guard). Errors wrapping it name the
// store: "the store at DB is damaged: …".
var ErrStoreDamaged = storefault.ErrDamaged

// damaged returns the error of the damaged store at path.
func damaged(path, format string, args ...any) error {
	return &storefault.Error{Store: path, Detail: fmt.Sprintf(format, args...)}
}

// Guard calls fn with the store's quads and turns a crash on a damaged store
// file into an error wrapping ErrStoreDamaged that names the store: a panic
// raised in bolt, or a fault on its memory-mapped file, which Guard makes a
// panic in its goroutine while fn runs. Any other panic goes on. Every use
// of an open store runs inside Guard; a goroutine fn starts needs its own
// (internal/gizmo's query goroutine has one).
func (s *Store) Guard(fn func(qs graph.QuadStore) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer catchDamage(s.where, &err)
	return fn(s.qs)
}

// catchDamage, deferred by a function that reads the store at where, turns
// a panic storefault traces to the store file into an error, and names the
// store in a damage error found without it (by Gizmo's goroutine). It must
// be the deferred function itself, so that its recover stops the panic.
func catchDamage(where string, err *error) {
	if p := recover(); p != nil {
		d := storefault.Recovered(p)
		if d == nil {
			panic(p)
		}
		d.Store = where
		*err = d
		return
	}
	var d *storefault.Error
	if errors.As(*err, &d) && d.Store == "" {
		*err = &storefault.Error{Store: where, Detail: d.Detail}
	}
}

// bolt's file starts with two meta pages, each a 16-byte page header and
// then magic, version, page size, flags, the root bucket (its page, then a
// sequence), the freelist page, the high-water page id, the transaction id
// and an FNV-64a checksum of the fields before it. A page header is the
// page's id, flags, element count and overflow.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	boltMetaOffset = 16
	boltMetaSize   = 64
	boltSumOffset  = 56
	boltHeaderSize = 16

	boltBranchPage   = 0x01
	boltLeafPage     = 0x02
	boltFreelistPage = 0x10
)

// boltMeta is what checkBoltFile reads of one meta page.
type boltMeta struct {
	pageSize uint32
	root     uint64 // the page of the root bucket
	freelist uint64
	highMark uint64 // pages 0 … highMark-1 are in use
	txid     uint64
}

// boltPage is a page header.
type boltPage struct {
	id    uint64
	flags uint16
	count uint16
}

// checkBoltFile checks the bolt file of the store at path before bolt maps
// it, reading it as a file: a valid meta page, every page that meta page
// says is in use, and a root bucket page and a freelist page where it says.
// A file cut short (to half, or to nothing) or overwritten at its start is
// damaged, not an empty store. empty reports a file that holds no bucket:
// one a writer stopped before it wrote anything.
func checkBoltFile(path string) (empty bool, err error) {
	name := boltFile(path)
	base := filepath.Base(name)
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return false, err
	}
	size := info.Size()
	if size == 0 {
		return false, damaged(path, "%s is empty", base)
	}
	first, err := readBoltMeta(f, 0)
	if err != nil {
		return false, damaged(path, "%s: %v", base, err)
	}
	// bolt reads the meta page of the later transaction, if it is valid.
	m := first
	if second, err := readBoltMeta(f, int64(first.pageSize)); err == nil && second.txid > first.txid {
		m = second
	}
	if need := int64(m.highMark) * int64(m.pageSize); size < need {
		return false, damaged(path, "%s is %d bytes, but its pages reach to %d", base, size, need)
	}
	root, err := readBoltPage(f, m, m.root)
	if err == nil && root.flags != boltBranchPage && root.flags != boltLeafPage {
		err = fmt.Errorf("page %d, the root bucket, has page type %#x", m.root, root.flags)
	}
	if err != nil {
		return false, damaged(path, "%s: %v", base, err)
	}
	freelist, err := readBoltPage(f, m, m.freelist)
	if err == nil && freelist.flags != boltFreelistPage {
		err = fmt.Errorf("page %d, the freelist, has page type %#x", m.freelist, freelist.flags)
	}
	if err != nil {
		return false, damaged(path, "%s: %v", base, err)
	}
	return root.flags == boltLeafPage && root.count == 0, nil
}

// readBoltPage reads the header of page id, which must be in use and say
// it is that page.
func readBoltPage(r io.ReaderAt, m boltMeta, id uint64) (boltPage, error) {
	if id < 2 || id >= m.highMark {
		return boltPage{}, fmt.Errorf("page %d is out of bounds (%d pages)", id, m.highMark)
	}
	buf := make([]byte, boltHeaderSize)
	if _, err := r.ReadAt(buf, int64(id)*int64(m.pageSize)); err != nil {
		return boltPage{}, fmt.Errorf("page %d: %w", id, err)
	}
	le := binary.LittleEndian
	p := boltPage{id: le.Uint64(buf[0:]), flags: le.Uint16(buf[8:]), count: le.Uint16(buf[10:])}
	if p.id != id {
		return boltPage{}, fmt.Errorf("page %d says it is page %d", id, p.id)
	}
	return p, nil
}

// readBoltMeta reads and validates the meta page at offset.
func readBoltMeta(r io.ReaderAt, offset int64) (boltMeta, error) {
	buf := make([]byte, boltMetaSize)
	if _, err := r.ReadAt(buf, offset+boltMetaOffset); err != nil {
		return boltMeta{}, fmt.Errorf("no meta page at %d: %w", offset, err)
	}
	le := binary.LittleEndian
	if le.Uint32(buf[0:]) != boltMagic {
		return boltMeta{}, fmt.Errorf("no bolt file (bad magic at %d)", offset)
	}
	if v := le.Uint32(buf[4:]); v != boltVersion {
		return boltMeta{}, fmt.Errorf("bolt file version %d, want %d", v, boltVersion)
	}
	h := fnv.New64a()
	h.Write(buf[:boltSumOffset])
	if sum := le.Uint64(buf[boltSumOffset:]); sum != 0 && sum != h.Sum64() {
		return boltMeta{}, fmt.Errorf("meta page at %d fails its checksum", offset)
	}
	m := boltMeta{pageSize: le.Uint32(buf[8:]), root: le.Uint64(buf[16:]), freelist: le.Uint64(buf[32:]),
		highMark: le.Uint64(buf[40:]), txid: le.Uint64(buf[48:])}
	if m.pageSize < 512 || m.pageSize > 1<<20 {
		return boltMeta{}, fmt.Errorf("page size %d", m.pageSize)
	}
	return m, nil
}
