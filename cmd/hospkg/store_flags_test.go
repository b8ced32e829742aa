package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// boltLayout is what a test needs of a bolt file's newer meta page.
type boltLayout struct {
	pageSize, root, freelist, pages int64
}

// readBoltLayout reads the meta page of the later transaction: its page
// size, the pages of the root bucket and the freelist, and how many pages
// are in use. Each meta page is a 16-byte page header, then magic, version,
// page size, flags, root page, root sequence, freelist, page count and
// transaction id.
func readBoltLayout(t *testing.T, data []byte) boltLayout {
	t.Helper()
	le := binary.LittleEndian
	meta := func(at int64) (boltLayout, uint64) {
		m := data[at+16:]
		return boltLayout{
			pageSize: int64(le.Uint32(m[8:])), root: int64(le.Uint64(m[16:])),
			freelist: int64(le.Uint64(m[32:])), pages: int64(le.Uint64(m[40:])),
		}, le.Uint64(m[48:])
	}
	first, tx1 := meta(0)
	if second, tx2 := meta(first.pageSize); tx2 > tx1 {
		return second
	}
	return first
}

// TestDamagedStore: a bolt file cut short, or overwritten where the check
// before opening does not look, makes every command say that the store is
// damaged and exit 1, in a process of its own (no SIGBUS, SIGSEGV or Go
// panic), and leaves no -o file behind nor changes one already there.
func TestDamagedStore(t *testing.T) {
	db := buildSeeds(t)
	orig, err := os.ReadFile(filepath.Join(db, "indexes.bolt"))
	if err != nil {
		t.Fatal(err)
	}
	l := readBoltLayout(t, orig)
	used := l.pages * l.pageSize
	if used < 16*l.pageSize || used > int64(len(orig)) {
		t.Fatalf("the seed store uses %d pages of %d bytes in a file of %d bytes", l.pages, l.pageSize, len(orig))
	}
	cut := func(size int64) func([]byte) []byte {
		return func(b []byte) []byte { return b[:size] }
	}
	quads := filepath.Join(t.TempDir(), "one.nq")
	if err := os.WriteFile(quads, []byte("<hk:e/a> <hk:name> \"甲\" .\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name   string
		damage func([]byte) []byte
		detail string // what stderr says the damage is
	}{
		{"cut to 0 bytes", cut(0), "indexes.bolt is empty"},
		{"cut inside the first meta page", cut(50), "indexes.bolt: no meta page at 0"},
		{"cut to one page", cut(l.pageSize), "but its pages reach to"},
		{"cut to half its pages", cut(used / 2), "but its pages reach to"},
		{"cut one page short", cut(used - l.pageSize), "but its pages reach to"},
		{"first meta page overwritten", func(b []byte) []byte {
			copy(b[16:], bytes.Repeat([]byte{0xff}, 64))
			return b
		}, "indexes.bolt: no bolt file (bad magic at 0)"},
		{"root bucket page zeroed", func(b []byte) []byte {
			clear(b[l.root*l.pageSize : (l.root+1)*l.pageSize])
			return b
		}, "says it is page 0"},
		// The check reads the meta, root and freelist pages only: bolt
		// itself meets the zeroed pages and panics.
		{"every other page zeroed", func(b []byte) []byte {
			for p := int64(2); p < l.pages; p++ {
				if p != l.root && p != l.freelist {
					clear(b[p*l.pageSize : (p+1)*l.pageSize])
				}
			}
			return b
		}, "bolt: invalid page type"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "db")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			damaged := tc.damage(bytes.Clone(orig))
			if err := os.WriteFile(filepath.Join(dir, "indexes.bolt"), damaged, 0o644); err != nil {
				t.Fatal(err)
			}
			outDir := t.TempDir()
			kept := filepath.Join(outDir, "kept.jsonl")
			if err := os.WriteFile(kept, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"stats", "--dbpath", dir},
				{"query", "--dbpath", dir, "g.V().Has('<rdf:type>').All()"},
				{"query", "--dbpath", dir, "--name", "top_supporters", "--format", "json"},
				{"export", "--dbpath", dir, "-o", filepath.Join(outDir, "new.jsonl")},
				{"export", "--dbpath", dir, "--format", "nquads", "-o", kept},
				{"load", "--dbpath", dir, quads},
			} {
				var stdout, stderr bytes.Buffer
				cmd := hospkgProcess(args...)
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				var exit *exec.ExitError
				code := 0
				if errors.As(err, &exit) {
					code = exit.ExitCode() // -1 when a signal ended it
				} else if err != nil {
					t.Fatal(err)
				}
				want := "the store at " + dir + " is damaged: "
				if code != exitFailure || !strings.Contains(stderr.String(), want) || !strings.Contains(stderr.String(), tc.detail) ||
					strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), "internal error") {
					t.Errorf("%s: exit %d (%v), stderr %q; want %d, %q and %q", args[0], code, err, stderr.String(), exitFailure, want, tc.detail)
				}
				if stdout.Len() > 0 {
					t.Errorf("%s: stdout %q", args[0], stdout.String())
				}
			}
			entries, err := os.ReadDir(outDir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 {
				t.Errorf("the output folder holds %d files, want only kept.jsonl", len(entries))
			}
			if b, err := os.ReadFile(kept); err != nil || string(b) != "old\n" {
				t.Errorf("the file a failed export was to replace: %q, %v", b, err)
			}
			if after, err := os.ReadFile(filepath.Join(dir, "indexes.bolt")); err != nil || !bytes.Equal(after, damaged) {
				t.Errorf("the damaged file was changed (%v)", err)
			}
		})
	}
}
