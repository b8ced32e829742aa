package graph

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
)

// TestReleaseMappedPages fills a bolt store, reads all of it so that its
// file is mapped in, and releases the pages as the store's watcher does
// past its budget: the process's mapped file memory must drop, and the
// store must read and write the same afterwards.
func TestReleaseMappedPages(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("pages are released on Linux only")
	}
	ctx := context.Background()
	st, err := Open("bolt", filepath.Join(t.TempDir(), "db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := range 400 {
		if err := ReplaceDocument(ctx, st.QuadStore(), otherDoc(fmt.Sprintf("doc%03d.txt", i))); err != nil {
			t.Fatal(err)
		}
	}
	var before bytes.Buffer
	if err := WriteJSONL(ctx, st.QuadStore(), &before); err != nil {
		t.Fatal(err)
	}
	mapped, err := mappedFileBytes()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.releaseMappedPagesOver(0); err != nil {
		t.Fatal(err)
	}
	released, err := mappedFileBytes()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("mapped file memory %d kB, %d kB after the release", mapped>>10, released>>10)
	if mapped-released < 1<<20 {
		t.Errorf("mapped file memory went from %d to %d kB, want it at least 1 MB lower", mapped>>10, released>>10)
	}
	var after bytes.Buffer
	if err := WriteJSONL(ctx, st.QuadStore(), &after); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before.Bytes(), after.Bytes()) {
		t.Error("the store reads differently after its pages were released")
	}
	if err := ReplaceDocument(ctx, st.QuadStore(), otherDoc("doc000.txt")); err != nil {
		t.Fatalf("writing after the release: %v", err)
	}
}

// TestPageWatcherBesideReadsAndWrites runs the store's page watcher with no
// budget, so that it drops the file's pages every few milliseconds, while
// documents are written and the store is read: what is read must be what
// was written, and the watcher must stop cleanly with the store.
func TestPageWatcherBesideReadsAndWrites(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("pages are released on Linux only")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "db")
	reference, err := Open("memstore", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	st, err := Open("bolt", path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.stopWatching(); err != nil {
		t.Fatal(err)
	}
	st.watchMappedPages(0)
	for i := range 300 {
		x := otherDoc(fmt.Sprintf("doc%03d.txt", i))
		for _, s := range []*Store{st, reference} {
			if err := ReplaceDocument(ctx, s.QuadStore(), x); err != nil {
				t.Fatal(err)
			}
		}
		if i%50 == 0 {
			if got, want := exportOf(t, st), exportOf(t, reference); got != want {
				t.Fatalf("after %d documents the bolt store reads differently from memstore", i+1)
			}
		}
	}
	if got, want := exportOf(t, st), exportOf(t, reference); got != want {
		t.Fatal("the bolt store reads differently from memstore")
	}
	if n := st.watcher.checks.Load(); n < 3 {
		t.Errorf("the watcher looked %d times, want several", n)
	}
	if err := st.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
}

func exportOf(t *testing.T, st *Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteJSONL(context.Background(), st.QuadStore(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
