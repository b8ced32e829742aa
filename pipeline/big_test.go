package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBigCorpusPeakRSS builds a 200 MB corpus of recombined seed sentences
// with the hospkg binary and checks its peak RSS stays under 1 GB. It takes
// minutes, so it runs only with HOSPKG_BIG=1.
func TestBigCorpusPeakRSS(t *testing.T) {
	if os.Getenv("HOSPKG_BIG") != "1" {
		t.Skip("set HOSPKG_BIG=1 to build a 200 MB corpus")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if err := os.Mkdir(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	size := writeCorpus(t, corpus, syntheticCorpus(seedSentences(t), 200_000_000, 20_000))
	bin := filepath.Join(dir, "hospkg")
	if out, err := exec.Command("go", "build", "-o", bin, "hospkg/cmd/hospkg").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	start := time.Now()
	cmd := exec.Command(bin, "build", "--dbpath", filepath.Join(dir, "db"), corpus)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The peak RSS is the kernel's VmHWM; the anonymous part, sampled while
	// the build runs, is the build's own memory, and the rest is mostly
	// pages of bolt's mapped file (graph.Store.ReleaseMappedPages).
	var peakAnon, peakTotal int64
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	for waiting := true; waiting; {
		select {
		case err = <-done:
			waiting = false
		case <-time.After(200 * time.Millisecond):
			anon, total := memoryOf(cmd.Process.Pid)
			peakAnon, peakTotal = max(peakAnon, anon), max(peakTotal, total)
		}
	}
	took := time.Since(start)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out.String())
	}
	t.Logf("%.0f MB in %s, %.2f MB/s, peak RSS %d MB, of which anonymous %d MB\n%s",
		float64(size)/1e6, took.Round(time.Second), float64(size)/1e6/took.Seconds(), peakTotal>>10, peakAnon>>10, out.String())
	if peakTotal >= 1<<20 {
		t.Errorf("peak RSS %d MB, want under 1 GB", peakTotal>>10)
	}
}

// memoryOf returns the anonymous RSS and the peak RSS (VmHWM) of a process,
// in KiB; zero when it has gone.
func memoryOf(pid int) (anon, peak int64) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		var kib int64
		if rest, ok := strings.CutPrefix(line, "RssAnon:"); ok {
			fmt.Sscanf(strings.TrimSpace(rest), "%d", &kib)
			anon = kib
		} else if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			fmt.Sscanf(strings.TrimSpace(rest), "%d", &kib)
			peak = kib
		}
	}
	return anon, peak
}
