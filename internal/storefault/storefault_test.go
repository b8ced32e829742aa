package storefault

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"

	"github.com/boltdb/bolt"
)

// recovered runs fn and reports whether it panicked and, if so, the damage
// Recovered took the panic for.
func recovered(fn func()) (panicked bool, damage *Error) {
	defer func() {
		if p := recover(); p != nil {
			panicked, damage = true, Recovered(p)
		}
	}()
	fn()
	return false, nil
}

// damagedBolt returns a bolt file whose pages after the two meta pages are
// zeroes: bolt panics with "invalid page type" on its first look-up.
func damagedBolt(t *testing.T) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "x.bolt")
	db, err := bolt.Open(name, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("b"))
		if err != nil {
			return err
		}
		for i := range 1000 {
			if err := b.Put(fmt.Appendf(nil, "key%04d", i), make([]byte, 100)); err != nil {
				return err
			}
		}
		return nil
	})
	if err := errors.Join(err, db.Close()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	page := os.Getpagesize()
	clear(data[2*page:])
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func readBucket(t *testing.T, name string) func() {
	return func() {
		db, err := bolt.Open(name, 0, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		_ = db.View(func(tx *bolt.Tx) error {
			tx.Bucket([]byte("b")).Get([]byte("key0500"))
			return nil
		})
	}
}

func TestRecovered(t *testing.T) {
	bolt := damagedBolt(t)
	cases := []struct {
		name   string
		fn     func()
		detail string // of the damage; empty: no damage, a bug
	}{
		{"bolt panics on a damaged page", readBucket(t, bolt), "bolt: invalid page type"},
		{"the panic raised again by a deferred function, as goja does", func() {
			defer func() {
				if p := recover(); p != nil {
					panic(fmt.Errorf("Panic at 9: %v", p))
				}
			}()
			readBucket(t, bolt)()
		}, "bolt: Panic at 9: invalid page type"},
		{"a fault on mapped memory past the end of its file", readPastEnd(t), "reading its memory-mapped file faulted at address 0x"},
		{"the fault raised again", func() {
			defer func() {
				if p := recover(); p != nil {
					panic(fmt.Errorf("Panic at 9: %v", p))
				}
			}()
			readPastEnd(t)()
		}, "reading its memory-mapped file faulted"},
		{"a bug of our own", func() { panic("a bug") }, ""},
		{"an index out of range of our own", func() {
			var s []int
			i := 3
			_ = s[i]
		}, ""},
		{"a nil pointer", func() {
			var p *int
			sink = byte(*p)
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			panicked, damage := recovered(tc.fn)
			if !panicked {
				t.Fatal("no panic")
			}
			switch {
			case tc.detail == "" && damage != nil:
				t.Errorf("a bug taken for damage: %v", damage)
			case tc.detail != "" && (damage == nil || !strings.HasPrefix(damage.Detail, tc.detail)):
				t.Errorf("damage %v, want detail %q…", damage, tc.detail)
			}
		})
	}
}

// readPastEnd maps a file, cuts the file short and reads the mapped memory
// that no longer has a file behind it: SIGBUS, a panic once faults panic.
func readPastEnd(t *testing.T) func() {
	return func() {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		name := filepath.Join(t.TempDir(), "mapped")
		size := 4 * os.Getpagesize()
		if err := os.WriteFile(name, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		data, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
		if err != nil {
			t.Fatal(err)
		}
		defer syscall.Munmap(data)
		if err := os.Truncate(name, 0); err != nil {
			t.Fatal(err)
		}
		sink = data[size-1]
	}
}

// sink keeps the compiler from dropping a read whose value is not used.
var sink byte

func TestError(t *testing.T) {
	err := fmt.Errorf("stats: %w", &Error{Store: "db", Detail: "indexes.bolt is empty"})
	if !errors.Is(err, ErrDamaged) || !strings.HasPrefix(err.Error(), "stats: the store at db is damaged: indexes.bolt is empty (") {
		t.Errorf("%v", err)
	}
	if got := (&Error{Detail: "x"}).Error(); got != "the store is damaged: x" {
		t.Errorf("%q", got)
	}
}
