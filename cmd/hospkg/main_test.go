package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"hospkg/graph"
)

// hospkg runs the command line in this process and returns its exit code,
// stdout and stderr.
func hospkg(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), append([]string{"hospkg"}, args...), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// buildSeeds builds the embedded seeds into a fresh bolt store and returns
// its path. Fact assertions on the seeds (北京大学第一医院 supports
// 北京大学第一医院密云医院; 郭燕红 is 司长 at 国家卫生健康委应急司) are a query or
// an export of this store away.
func buildSeeds(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "db")
	if code, out, errOut := hospkg(t, "build", "--dbpath", db); code != 0 {
		t.Fatalf("build seeds: exit %d\n%s%s", code, out, errOut)
	}
	return db
}

func TestSeedsEndToEnd(t *testing.T) {
	db := buildSeeds(t)
	_, export, _ := hospkg(t, "export", "--dbpath", db, "--format", "jsonl")
	_, stats, _ := hospkg(t, "stats", "--dbpath", db)

	t.Run("stats count the seeds", func(t *testing.T) {
		for _, want := range []string{"documents: 5\n", "Document           5\n"} {
			if !strings.Contains(stats, want) {
				t.Errorf("stats lack %q:\n%s", want, stats)
			}
		}
		if strings.Contains(stats, "sentences: 0\n") {
			t.Errorf("no sentences:\n%s", stats)
		}
	})
	t.Run("facts of the seeds", func(t *testing.T) {
		for _, want := range []string{
			`{"kind":"relation","subject":"北京大学第一医院","predicate":"supports","object":"北京大学第一医院密云医院","doc":"001_cbff99e1412477c5.txt"`,
			`{"kind":"position","person":"郭燕红","title":"司长","org":"国家卫生健康委应急司","doc":"001_cbff99e1412477c5.txt"`,
		} {
			if !strings.Contains(export, want) {
				t.Errorf("export lacks %s", want)
			}
		}
	})
	t.Run("query lists the documents", func(t *testing.T) {
		code, out, errOut := hospkg(t, "query", "--dbpath", db, "g.V('<hk:Document>').In('<rdf:type>').Out('<hk:file>').All()")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		for _, name := range []string{"000_33eeb2f7b386c43b.txt", "004_156b9b7868ec6fd3.txt"} {
			if !strings.Contains(out, `{"id":"`+name+`"}`) {
				t.Errorf("no %s in\n%s", name, out)
			}
		}
	})
	t.Run("rebuild gives the same stats and export", func(t *testing.T) {
		if code, _, errOut := hospkg(t, "build", "--dbpath", db); code != 0 {
			t.Fatalf("rebuild: exit %d: %s", code, errOut)
		}
		_, export2, _ := hospkg(t, "export", "--dbpath", db, "--format", "jsonl")
		_, stats2, _ := hospkg(t, "stats", "--dbpath", db)
		if export2 != export {
			t.Error("export changed after rebuilding the same seeds")
		}
		if stats2 != stats {
			t.Errorf("stats changed after rebuilding the same seeds:\n%s\nthen\n%s", stats, stats2)
		}
	})
	t.Run("export to a file equals stdout", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "out.jsonl")
		if code, _, errOut := hospkg(t, "export", "--dbpath", db, "-o", file); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != export {
			t.Error("export -o wrote something else than stdout")
		}
	})
}

func TestBuildBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("北京大学第一医院派专家到密云医院。"))
	empty := write("empty.txt", nil)
	binary := write("binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 1, 2})
	write(".hidden.txt", []byte{0, 0, 0}) // would be skipped with an error if read

	cases := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr []string
		wantStdout string
	}{
		{"folder with a binary file", []string{dir}, exitSkipped, []string{"binary.txt", "not a text document", "empty"}, "documents read: 1\n"},
		{"missing path", []string{good, filepath.Join(dir, "missing.txt")}, exitSkipped, []string{"missing.txt"}, "documents read: 1\n"},
		{"empty only", []string{empty}, 0, []string{"empty.txt: the file is empty"}, "documents read: 0\n"},
		{"binary only", []string{binary}, exitSkipped, []string{"binary.txt"}, "documents read: 0\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "db")
			code, out, errOut := hospkg(t, append([]string{"build", "--dbpath", db}, tc.args...)...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tc.wantCode, errOut)
			}
			for _, want := range tc.wantStderr {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
			if !strings.Contains(out, tc.wantStdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.wantStdout, out)
			}
			if strings.Contains(errOut, ".hidden") {
				t.Errorf("hidden file was read:\n%s", errOut)
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	// A mistyped --dbpath is refused, not answered with an empty store.
	if code, _, errOut := hospkg(t, "query", "--dbpath", db, "g.V().All()"); code != exitFailure || !strings.Contains(errOut, "no store there") {
		t.Errorf("query of a missing store: exit %d, stderr %q; want %d and no store there", code, errOut, exitFailure)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("query created %s", db)
	}
	st, err := graph.Open("bolt", db, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"crashing shape", []string{"g.V().Out('<p>', null).All()"}, "gizmo call cannot work"},
		{"syntax error", []string{"g.V(.All()"}, "query:"},
		{"no query", nil, "no query given"},
		{"missing file", []string{"--file", filepath.Join(db, "nope.js")}, "nope.js"},
		{"timeout", []string{"--timeout", "100ms", "while (true) {}"}, "ran past its time limit (--timeout 100ms)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"query", "--dbpath", db}, tc.args...)
			code, _, errOut := hospkg(t, args...)
			if code != exitFailure {
				t.Errorf("exit %d, want %d", code, exitFailure)
			}
			if !strings.Contains(errOut, tc.wantStderr) || strings.Contains(errOut, "goroutine") {
				t.Errorf("stderr %q, want it to contain %q and no stack trace", errOut, tc.wantStderr)
			}
		})
	}
}

// TestHeldStore: a store whose bolt file another program holds (cayley
// http, flock) makes every command say so and exit 3 within seconds.
func TestHeldStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	st, err := graph.Open("bolt", db, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// flock belongs to an open file: a second open in this process
	// conflicts as another process's would.
	f, err := os.OpenFile(filepath.Join(db, "indexes.bolt"), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"stats", "--dbpath", db},
		{"export", "--dbpath", db, "--format", "jsonl"},
		{"build", "--dbpath", db, "testdata"},
	} {
		start := time.Now()
		code, _, errOut := hospkg(t, args...)
		if code != exitInUse || !strings.Contains(errOut, "in use by another process") {
			t.Errorf("%s: exit %d, stderr %q; want %d and in use", args[0], code, errOut, exitInUse)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s: took %v, want under 5 s", args[0], took)
		}
	}
}

// TestURLPath: a connection URL given to a folder store is refused, and no
// folder named after it (password and all) is made.
func TestURLPath(t *testing.T) {
	dir := t.TempDir()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code, _, errOut := hospkg(t, "stats", "--db", "bolt", "--dbpath", "postgres://u:secret@localhost/db")
	if code != exitFailure || !strings.Contains(errOut, "is a URL") || strings.Contains(errOut, "secret") {
		t.Errorf("exit %d, stderr %q; want %d, a URL, and no password", code, errOut, exitFailure)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) > 0 {
		t.Errorf("the refused command made %s", entries[0].Name())
	}
}
