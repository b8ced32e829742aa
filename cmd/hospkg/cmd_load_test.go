package main

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func sortLines(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestLoadRoundTrip exports the seeds as N-Quads, loads them into a new
// store and exports again: the same quads, and the same JSONL.
func TestLoadRoundTrip(t *testing.T) {
	db := buildSeeds(t)
	file := filepath.Join(t.TempDir(), "seeds.nq")
	if code, _, errOut := hospkg(t, "export", "--dbpath", db, "--format", "nquads", "-o", file); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	loaded := filepath.Join(t.TempDir(), "db")
	code, out, errOut := hospkg(t, "load", "--dbpath", loaded, file)
	if code != 0 {
		t.Fatalf("load: exit %d: %s", code, errOut)
	}
	if n := strings.Count(string(want), "\n"); !strings.Contains(out, "quads read: ") || n < 1000 {
		t.Errorf("load said %q for %d quads", out, n)
	}
	_, got, _ := hospkg(t, "export", "--dbpath", loaded, "--format", "nquads")
	if sortLines(got) != sortLines(string(want)) {
		t.Error("N-Quads export after load differs from the export loaded")
	}
	_, jsonl1, _ := hospkg(t, "export", "--dbpath", db)
	_, jsonl2, _ := hospkg(t, "export", "--dbpath", loaded)
	if jsonl1 != jsonl2 {
		t.Error("JSONL export after load differs")
	}
}

func TestExportFormatsOnSeeds(t *testing.T) {
	db := buildSeeds(t)
	export := func(args ...string) string {
		t.Helper()
		code, out, errOut := hospkg(t, append([]string{"export", "--dbpath", db}, args...)...)
		if code != 0 {
			t.Fatalf("export %v: exit %d: %s", args, code, errOut)
		}
		return out
	}
	t.Run("graphml", func(t *testing.T) {
		var g struct {
			Nodes []struct {
				Data []string `xml:"data"`
			} `xml:"graph>node"`
			Edges []struct{} `xml:"graph>edge"`
		}
		if err := xml.Unmarshal([]byte(export("--format", "graphml")), &g); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, n := range g.Nodes {
			names = append(names, n.Data[0])
		}
		if len(g.Edges) == 0 || !strings.Contains(strings.Join(names, "\n"), "\n北京大学第一医院\n") {
			t.Errorf("%d nodes, %d edges, no 北京大学第一医院", len(g.Nodes), len(g.Edges))
		}
	})
	t.Run("csv positions", func(t *testing.T) {
		rows, err := csv.NewReader(strings.NewReader(export("--format", "csv", "--table", "positions"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			found = found || strings.Join(r[:3], " ") == "郭燕红 司长 国家卫生健康委应急司"
		}
		if !found {
			t.Errorf("no position of 郭燕红 in %d rows", len(rows))
		}
	})
	t.Run("dot around one hospital", func(t *testing.T) {
		out := export("--format", "dot", "--around", "北大医院", "--hops", "1", "--predicate", "supports", "--predicate", "affiliated_with")
		if !strings.Contains(out, `label="北京大学第一医院密云医院"`) || strings.Contains(out, `label="郭燕红"`) {
			t.Errorf("dot around 北大医院:\n%s", out)
		}
		if dot, err := exec.LookPath("dot"); err == nil {
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = strings.NewReader(out)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("dot: %v\n%.500s", err, msg)
			}
		}
	})
	t.Run("unknown format", func(t *testing.T) {
		if code, _, errOut := hospkg(t, "export", "--dbpath", db, "--format", "xml"); code != exitFailure || !strings.Contains(errOut, "graphml") {
			t.Errorf("exit %d: %s", code, errOut)
		}
	})
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.nq")
	if err := os.WriteFile(bad, []byte("no quads here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{bad}, {filepath.Join(dir, "missing.nq")}, {}} {
		code, _, errOut := hospkg(t, append([]string{"load", "--dbpath", filepath.Join(dir, "db")}, args...)...)
		if code != exitFailure || errOut == "" {
			t.Errorf("load %v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// TestLoadBadLineLoadsNothing: a bad line after more than one batch of good
// ones is named by its number, and the store is left as it was (here: not
// made); good input from stdin then loads and says how many quads it added.
func TestLoadBadLineLoadsNothing(t *testing.T) {
	dir := t.TempDir()
	var good, bad strings.Builder
	for i := 1; i <= 20001; i++ {
		line := fmt.Sprintf("<hk:e/x%d> <hk:name> \"名%d\" <hk:doc/x> .\n", i, i)
		if i <= 3 {
			good.WriteString(line)
		}
		if i == 15000 {
			line = "<hk:e/bad> <hk:name> \"unterminated <hk:doc/x> .\n"
		}
		bad.WriteString(line)
	}
	file := filepath.Join(dir, "bad.nq")
	if err := os.WriteFile(file, []byte(bad.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "db")
	code, out, errOut := hospkg(t, "load", "--dbpath", db, file)
	if code != exitFailure || out != "" {
		t.Errorf("exit %d, stdout %q; want %d and nothing", code, out, exitFailure)
	}
	want := "hospkg: load " + file + ": line 15000: incomplete N-Quad: \"<hk:e/bad> <hk:name> \\\"unterminated <hk:doc/x> .\"; nothing was loaded\n"
	if errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("the failed load made the store (%v)", err)
	}

	for _, wantOut := range []string{"quads read: 3\nquads added: 3\n", "quads read: 3\nquads added: 0\n"} {
		cmd := hospkgProcess("load", "--dbpath", db, "-")
		cmd.Stdin = strings.NewReader(good.String())
		got, err := cmd.Output()
		if err != nil || string(got) != wantOut {
			t.Errorf("load from stdin: %q, %v; want %q", got, err, wantOut)
		}
	}
}
