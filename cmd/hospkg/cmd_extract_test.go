package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"hospkg/graph"
	"hospkg/intake"
	"hospkg/internal/procmem"
	"hospkg/nlp"
	"hospkg/seeds"
)

// TestMain lets a test run hospkg's main in a child process: the test binary
// started with HOSPKG_TEST_MAIN=1 is hospkg, with its arguments.
func TestMain(m *testing.M) {
	if os.Getenv("HOSPKG_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// hospkgProcess returns the command that runs hospkg in a child process.
func hospkgProcess(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "HOSPKG_TEST_MAIN=1")
	return cmd
}

// writeSeeds writes the seed files into two folders (the shards of two
// extract runs) and returns them.
func writeSeeds(t *testing.T) []string {
	t.Helper()
	dirs := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
	names, err := seeds.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range names {
		raw, err := seeds.FS.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		dir := dirs[i%2]
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dirs
}

// TestExtractShardsLoadAsBuild extracts two shards of the seeds to N-Quads,
// loads both into a store and checks that its export is the export of a
// build of the same files; the JSONL of extract is that export too.
func TestExtractShardsLoadAsBuild(t *testing.T) {
	shards := writeSeeds(t)
	built := filepath.Join(t.TempDir(), "built")
	if code, out, errOut := hospkg(t, append([]string{"build", "--dbpath", built}, shards...)...); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
	}
	_, want, _ := hospkg(t, "export", "--dbpath", built, "--format", "jsonl")

	loaded := filepath.Join(t.TempDir(), "loaded")
	for i, shard := range shards {
		nq := filepath.Join(t.TempDir(), fmt.Sprintf("shard%d.nq", i))
		if code, _, errOut := hospkg(t, "extract", "--workers", "2", "-o", nq, shard); code != 0 {
			t.Fatalf("extract %s: exit %d: %s", shard, code, errOut)
		}
		if code, _, errOut := hospkg(t, "load", "--dbpath", loaded, nq); code != 0 {
			t.Fatalf("load %s: exit %d: %s", nq, code, errOut)
		}
	}
	cases := []struct {
		name string
		args []string
	}{
		{"nquads loaded", []string{"export", "--dbpath", loaded, "--format", "jsonl"}},
		{"jsonl", append([]string{"extract", "--format", "jsonl"}, shards...)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, got, errOut := hospkg(t, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if got != want || !strings.Contains(got, `"kind":"relation"`) {
				t.Errorf("output differs from the export of a build (%d vs %d bytes)", len(got), len(want))
			}
		})
	}
}

// TestReadOnlyCommandsDoNotLoadDictionary runs commands in child processes
// and compares their peak anonymous memory: loading gse's dictionary takes
// about 80 MB of heap, so a command above dictionaryAnon has loaded it.
// extract, which must load it, is the control that shows the measure sees
// the load. The total RSS would also count the pages of the binary and of
// bolt's mapped file, which say nothing about the dictionary.
func TestReadOnlyCommandsDoNotLoadDictionary(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	const dictionaryAnon = 60 << 20
	db := buildSeeds(t)
	one := filepath.Join(t.TempDir(), "one.txt")
	if err := os.WriteFile(one, []byte("南通市肿瘤医院召开会议。"), 0o644); err != nil {
		t.Fatal(err)
	}
	nq := filepath.Join(t.TempDir(), "one.nq")
	cases := []struct {
		name      string
		args      []string
		loadsDict bool
	}{
		{"extract", []string{"extract", "-o", nq, one}, true},
		{"export", []string{"export", "--dbpath", db, "--format", "jsonl"}, false},
		{"stats", []string{"stats", "--dbpath", db}, false},
		{"query", []string{"query", "--dbpath", db, "g.V('<hk:Document>').In('<rdf:type>').Count()"}, false},
		{"load", []string{"load", "--dbpath", db, nq}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cmd := hospkgProcess(tc.args...)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			// The dictionary stays loaded for the whole of a run, so a 5 ms
			// sample cannot miss it.
			peak, err := procmem.Run(cmd, 5*time.Millisecond)
			if err != nil {
				t.Fatalf("%v: %v: %s", tc.args, err, out.String())
			}
			t.Logf("peak anonymous %d MiB, peak RSS %d MiB, %d samples", peak.Anon>>20, peak.RSS>>20, peak.Samples)
			if loaded := peak.Anon > dictionaryAnon; loaded != tc.loadsDict {
				t.Errorf("peak anonymous %d MiB: dictionary loaded %v, want %v", peak.Anon>>20, loaded, tc.loadsDict)
			}
		})
	}
}

// TestBuildInterruptedBySignal sends SIGINT to a build of many small
// documents once it has reported progress: the build must say it was
// interrupted, exit non-zero, and leave a store that opens, exports, and
// holds each document with all of its sentences or not at all.
func TestBuildInterruptedBySignal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 3000 documents")
	}
	dir := t.TempDir()
	texts := make(map[string]string)
	// Places vary per document, so that no node gathers the facts of
	// thousands of documents, which would make the export slow.
	places := []string{"柳州", "南通", "衡水", "合山", "密云", "江门", "佛山", "桂林", "梧州", "钦州"}
	for i := range 3000 {
		name := fmt.Sprintf("doc%04d.txt", i)
		a, b := places[i%10]+places[i/10%10], places[i/100%10]+places[i%7]
		texts[name] = fmt.Sprintf("%s市人民医院院长黄海欣出席会议。%s市人民医院帮扶%s县人民医院。\n%s县人民医院与%s市中医院签约。", a, a, b, b, a)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(texts[name]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "db")
	cmd := hospkgProcess("build", "--workers", "2", "--dbpath", db, dir)
	var stdout strings.Builder
	cmd.Stdout = &stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	lines := bufio.NewScanner(stderr)
	signalled := false
	for lines.Scan() {
		errOut.WriteString(lines.Text() + "\n")
		if !signalled && strings.HasPrefix(lines.Text(), "progress:") {
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			signalled = true
		}
	}
	err = cmd.Wait()
	if !signalled {
		t.Fatalf("no progress line before the end: %v\n%s", err, errOut.String())
	}
	if err == nil || !strings.Contains(errOut.String(), "interrupted") {
		t.Fatalf("want a non-zero exit saying interrupted, got %v\n%s%s", err, stdout.String(), errOut.String())
	}
	t.Logf("%s%s", stdout.String(), errOut.String())

	st, err := graph.Open("bolt", db, nil)
	if err != nil {
		t.Fatalf("store does not open again: %v", err)
	}
	defer st.Close()
	// The sentences of each document, counted in one pass over the store.
	var dump bytes.Buffer
	if err := graph.WriteQuads(st.QuadStore(), &dump, "nquads"); err != nil {
		t.Fatal(err)
	}
	stored := make(map[quad.Value]int)
	quads := nquads.NewReader(&dump, false)
	for {
		q, err := quads.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if q.Predicate == graph.InDoc {
			stored[q.Object]++
		}
	}
	present := 0
	for name, text := range texts {
		doc, err := intake.ReadDocument(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		want, got := len(nlp.SplitSentences(&doc)), stored[graph.DocIRI(name)]
		if got != 0 {
			present++
		}
		if got != 0 && got != want {
			t.Errorf("%s has %d of its %d sentences", name, got, want)
		}
	}
	if present == 0 || present == len(texts) {
		t.Errorf("%d of %d documents in the store, want some but not all", present, len(texts))
	}
	if err := graph.WriteJSONL(context.Background(), st.QuadStore(), new(strings.Builder)); err != nil {
		t.Errorf("export: %v", err)
	}
}
