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
