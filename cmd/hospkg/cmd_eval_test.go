package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"hospkg/eval"
)

const seedsGold = "../../eval/testdata/seeds.gold.json"

func TestEval(t *testing.T) {
	missingGold := filepath.Join(t.TempDir(), "missing.json")
	cases := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout []string
		wantStderr string
	}{
		{"seeds table", []string{"--gold", seedsGold}, 0,
			[]string{"documents scored: 5\n", "entity    ALL              P=", "relation  supports         P=", "position  title+org        P="}, ""},
		{"one seed with misses", []string{"--gold", seedsGold, "--misses", "../../seeds/001_cbff99e1412477c5.txt"}, 0,
			[]string{"documents scored: 5\n", "000_33eeb2f7b386c43b.txt\tmissed entity\t", "004_156b9b7868ec6fd3.txt\tmissed position\t"}, ""},
		{"json", []string{"--gold", seedsGold, "--json"}, 0, []string{`{"entity": {`, `"ALL": {"tp": `}, ""},
		{"missing input", []string{"--gold", seedsGold, "no-such-file.txt"}, exitSkipped, []string{"documents scored: 5\n"}, "no-such-file.txt"},
		{"missing gold", []string{"--gold", missingGold}, exitFailure, nil, "eval: read gold"},
		{"no gold", nil, exitFailure, nil, "gold"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := hospkg(t, append([]string{"eval"}, tc.args...)...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tc.wantCode, errOut)
			}
			for _, want := range tc.wantStdout {
				if !strings.Contains(out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, out)
				}
			}
			if !strings.Contains(errOut, tc.wantStderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.wantStderr, errOut)
			}
		})
	}
}

// eval scores exactly what build and export write to a store on disk.
func TestEvalScoresTheExport(t *testing.T) {
	db := buildSeeds(t)
	_, export, _ := hospkg(t, "export", "--dbpath", db, "--format", "jsonl")
	lines, err := eval.ReadLines(strings.NewReader(export))
	if err != nil {
		t.Fatal(err)
	}
	gold, err := eval.ReadGoldFile(seedsGold)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := eval.Score(gold, lines).WriteJSON(&want); err != nil {
		t.Fatal(err)
	}
	code, got, errOut := hospkg(t, "eval", "--gold", seedsGold, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got != want.String() {
		t.Errorf("eval --json:\n%s\nscore of the export:\n%s", got, want.String())
	}
	if !json.Valid([]byte(got)) {
		t.Errorf("eval --json wrote no valid JSON:\n%s", got)
	}
}
