package pipeline

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"hospkg/internal/procmem"
)

// bigAnonBudget is what the commands may hold of their own memory on a
// 200 MB corpus.
const bigAnonBudget = 1 << 30

// TestBigCorpusPeakMemory builds a 200 MB corpus of recombined paragraphs
// of the real articles with the hospkg binary, and extracts it to N-Quads,
// and checks that each command's peak anonymous memory (RssAnon, sampled
// every 100 ms) stays under 1 GB. extract --format jsonl is left out: it
// holds the whole graph in memory by design (2.4 GiB a third of the
// way through this corpus). The peak RSS is logged, not checked: beyond the
// anonymous memory it counts the pages of bolt's mapped file, which are page
// cache the kernel reclaims when it needs them.
//
// It takes many minutes, so it runs only with HOSPKG_BIG=1. HOSPKG_BIG_DIR
// keeps the corpus, the binary and the outputs in a folder, and reuses a
// corpus already there; -run Big/build runs one command.
func TestBigCorpusPeakMemory(t *testing.T) {
	if os.Getenv("HOSPKG_BIG") != "1" {
		t.Skip("set HOSPKG_BIG=1 to build a 200 MB corpus")
	}
	dir := os.Getenv("HOSPKG_BIG_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	corpus := bigCorpus(t, filepath.Join(dir, "corpus"))
	size, files := folderSize(t, corpus)
	bin := filepath.Join(dir, "hospkg")
	if out, err := exec.Command("go", "build", "-o", bin, "hospkg/cmd/hospkg").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "db")
	cases := []struct {
		name string
		args []string
		// fresh is removed first, so that the command starts from nothing.
		fresh string
	}{
		{"build", []string{"build", "--dbpath", db, corpus}, db},
		{"extract_nquads", []string{"extract", "--format", "nquads", "-o", filepath.Join(dir, "out.nq"), corpus}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.RemoveAll(tc.fresh); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, tc.args...)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			start := time.Now()
			peak, err := procmem.Run(cmd, 100*time.Millisecond)
			took := time.Since(start)
			if err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
			t.Logf("%.0f MB in %d files, %s, %.2f MB/s: peak anonymous %d MiB, peak RSS %d MiB (%d samples)\n%s",
				float64(size)/1e6, files, took.Round(time.Second), float64(size)/1e6/took.Seconds(),
				peak.Anon>>20, peak.RSS>>20, peak.Samples, lastLines(out.String(), 12))
			if peak.Anon >= bigAnonBudget {
				t.Errorf("peak anonymous memory %d MiB, want under %d MiB", peak.Anon>>20, bigAnonBudget>>20)
			}
		})
	}
}

// bigCorpus writes the 200 MB corpus into dir unless a finished one is
// there: about 4 KB per document, the mean of the real articles.
func bigCorpus(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Stat(dir); err == nil {
		return dir
	}
	partial := dir + ".partial"
	if err := os.RemoveAll(partial); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(partial, 0o755); err != nil {
		t.Fatal(err)
	}
	writeCorpus(t, partial, syntheticCorpus(corpusParagraphs(t), 200_000_000, 4_000))
	if err := os.Rename(partial, dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// folderSize returns the total size and number of the files in dir.
func folderSize(t *testing.T, dir string) (size int64, files int) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		size += info.Size()
		files++
	}
	return size, files
}

// lastLines returns the last n lines of s: the summary of a command.
func lastLines(s string, n int) string {
	lines := bytes.Split(bytes.TrimRight([]byte(s), "\n"), []byte("\n"))
	return string(bytes.Join(lines[max(0, len(lines)-n):], []byte("\n")))
}
