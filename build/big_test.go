package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
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
	out, err := cmd.CombinedOutput()
	took := time.Since(start)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	// Maxrss of a child counts what it was forked from too: this test
	// process, which holds no corpus and no dictionary, so the figure is a
	// slight overestimate.
	peak := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10
	t.Logf("%.0f MB in %s, %.2f MB/s, peak RSS %d MB\n%s", float64(size)/1e6, took.Round(time.Second), float64(size)/1e6/took.Seconds(), peak>>20, out)
	if peak >= 1<<30 {
		t.Errorf("peak RSS %d MB, want under 1 GB", peak>>20)
	}
}
