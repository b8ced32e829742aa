package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// ErrStoreDamaged means the store's files are cut short or overwritten: bolt
// would crash on them (SIGBUS, SIGSEGV, "invalid page type") rather than
// say so.
var ErrStoreDamaged = errors.New("the store is damaged")

// bolt's file starts with two meta pages, each a 16-byte page header and
// then magic, version, page size, flags, the root bucket (16 bytes), the
// freelist page, the high-water page id, the transaction id and an FNV-64a
// checksum of the fields before it.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	boltMetaOffset = 16
	boltMetaSize   = 64
	boltSumOffset  = 56
)

// boltMeta is what checkBoltFile reads of one meta page.
type boltMeta struct {
	pageSize uint32
	highMark uint64 // pages 0 … highMark-1 are in use
	txid     uint64
}

// checkBoltFile checks that the bolt file at name holds a valid meta page
// and every page that meta page says is in use: a file cut short (to half,
// or to nothing) is damaged, not an empty store.
func checkBoltFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	size := info.Size()
	if size == 0 {
		return fmt.Errorf("%w: %s is empty", ErrStoreDamaged, name)
	}
	first, err := readBoltMeta(f, 0)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrStoreDamaged, name, err)
	}
	best := first
	if second, err := readBoltMeta(f, int64(first.pageSize)); err == nil && second.txid > first.txid {
		best = second
	}
	if need := int64(best.highMark) * int64(best.pageSize); size < need {
		return fmt.Errorf("%w: %s is %d bytes, but its pages reach to %d", ErrStoreDamaged, name, size, need)
	}
	return nil
}

// readBoltMeta reads and validates the meta page at offset.
func readBoltMeta(r io.ReaderAt, offset int64) (boltMeta, error) {
	buf := make([]byte, boltMetaSize)
	if _, err := r.ReadAt(buf, offset+boltMetaOffset); err != nil {
		return boltMeta{}, fmt.Errorf("no meta page at %d: %v", offset, err)
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
	m := boltMeta{pageSize: le.Uint32(buf[8:]), highMark: le.Uint64(buf[40:]), txid: le.Uint64(buf[48:])}
	if m.pageSize < 512 || m.pageSize > 1<<20 {
		return boltMeta{}, fmt.Errorf("page size %d", m.pageSize)
	}
	return m, nil
}
