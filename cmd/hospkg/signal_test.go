package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"hospkg/graph"
	"hospkg/seeds"
)

// signalAfter starts cmd, sends it SIGTERM once ready reports true (polled
// every 50 ms) and wait has passed, and returns how long it took to end
// after the signal, its error and its stderr.
func signalAfter(t *testing.T, cmd *exec.Cmd, ready func() bool, wait time.Duration) (time.Duration, error, string) {
	t.Helper()
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for ready != nil && !ready() {
		select {
		case err := <-done:
			t.Fatalf("ended before the signal: %v\n%s", err, errOut.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	select {
	case err := <-done:
		t.Fatalf("ended before the signal: %v\n%s", err, errOut.String())
	case <-time.After(wait):
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	sent := time.Now()
	select {
	case err := <-done:
		return time.Since(sent), err, errOut.String()
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("still running 30 s after SIGTERM\n%s", errOut.String())
	}
	return 0, nil, ""
}

// TestSignalStopsLongDocument sends SIGTERM while a build is busy on one long
// document (the seeds run together without punctuation, 8 MB): extraction
// looks at the signal between sentences, so the build ends within 2 s, says
// it was interrupted, and the store holds no part of the document.
func TestSignalStopsLongDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts an 8 MB document")
	}
	var one strings.Builder
	entries, err := seeds.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		raw, err := seeds.FS.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		one.WriteString(strings.Map(func(r rune) rune {
			if strings.ContainsRune("。！？!?；;\n\r", r) {
				return -1
			}
			return r
		}, string(raw)))
	}
	dir := t.TempDir()
	long := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(long, []byte(strings.Repeat(one.String(), 8<<20/one.Len()+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "db")
	// The store is opened once the dictionary is loaded, just before the
	// document is read; two seconds later the 8 MB are decoded (intake does
	// not look at the signal) and extraction, which does, is under way.
	opened := func() bool {
		_, err := os.Stat(filepath.Join(db, "indexes.bolt"))
		return err == nil
	}
	took, err, errOut := signalAfter(t, hospkgProcess("build", "--dbpath", db, long), opened, 2*time.Second)
	t.Logf("ended %v after SIGTERM: %v\n%s", took, err, errOut)
	// The build itself stops, not the last-resort exit of main.
	if err == nil || !strings.Contains(errOut, "build interrupted") {
		t.Errorf("want a non-zero exit saying the build was interrupted, got %v", err)
	}
	if took > 2*time.Second {
		t.Errorf("took %v after the signal, want under 2 s", took)
	}
	st, err := graph.OpenReader("bolt", db)
	if err != nil {
		t.Fatalf("the store does not open: %v", err)
	}
	defer st.Close()
	if docs, err := graph.StoredDocumentQuads(t.Context(), st.QuadStore(), "long.txt"); err != nil || len(docs) != 0 {
		t.Errorf("the store holds %d quads of the cut document (%v)", len(docs), err)
	}
}

// TestSignalStopsWaitForHeldStore sends SIGTERM while a build waits for a
// store another process holds: it ends within 2 s of the signal.
func TestSignalStopsWaitForHeldStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	st, err := graph.Open("bolt", db, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(db, "indexes.bolt"), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	// The dictionary loads first; the wait for the store starts after it.
	took, err, errOut := signalAfter(t, hospkgProcess("build", "--dbpath", db), nil, 1200*time.Millisecond)
	t.Logf("ended %v after SIGTERM: %v\n%s", took, err, errOut)
	if err == nil {
		t.Error("want a non-zero exit")
	}
	if took > 2*time.Second {
		t.Errorf("took %v after the signal, want under 2 s", took)
	}
}
