package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// exportLines runs an export and decodes its JSONL lines.
func exportLines(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	code, out, errOut := hospkg(t, append([]string{"export", "--format", "jsonl"}, args...)...)
	if code != 0 {
		t.Fatalf("export %v: exit %d: %s", args, code, errOut)
	}
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		lines = append(lines, m)
	}
	return lines
}

// TestEveryFactHasAConfidence builds the seeds as a user does, with the
// embedded model, and expects a confidence between 0 and 1 on every line;
// --min-confidence keeps exactly the lines at least that sure whose ends
// are kept.
func TestEveryFactHasAConfidence(t *testing.T) {
	db := buildSeeds(t)
	all := exportLines(t, "--dbpath", db)
	kinds := map[string]int{}
	for _, l := range all {
		kinds[l["kind"].(string)]++
		p, ok := l["confidence"].(float64)
		if !ok || p <= 0 || p > 1 {
			t.Fatalf("line without a confidence in (0, 1]: %v", l)
		}
	}
	if kinds["entity"] < 100 || kinds["relation"] < 10 || kinds["position"] < 30 {
		t.Fatalf("export of the seeds has %v", kinds)
	}
	const min = 0.9
	sure := exportLines(t, "--dbpath", db, "--min-confidence", strconv.FormatFloat(min, 'f', -1, 64))
	names := map[string]bool{}
	for _, l := range sure {
		if l["confidence"].(float64) < min {
			t.Errorf("--min-confidence %v kept %v", min, l)
		}
		if l["kind"] == "entity" {
			names[l["name"].(string)] = true
		}
	}
	wantKept := 0
	for _, l := range all {
		if l["confidence"].(float64) < min {
			continue
		}
		switch l["kind"] {
		case "entity":
			wantKept++
		case "relation":
			if names[l["subject"].(string)] && names[l["object"].(string)] {
				wantKept++
			}
		case "position":
			if names[l["person"].(string)] && names[l["org"].(string)] {
				wantKept++
			}
		}
	}
	if len(sure) != wantKept || len(sure) >= len(all) {
		t.Errorf("--min-confidence %v kept %d of %d lines, want %d", min, len(sure), len(all), wantKept)
	}
	if code, _, errOut := hospkg(t, "export", "--dbpath", db, "--format", "nquads", "--min-confidence", "0.5"); code == 0 || !strings.Contains(errOut, "filters apply to the entity graph formats only") {
		t.Errorf("--min-confidence on raw quads: exit %d, %s", code, errOut)
	}
}

// TestQueryMinConfidence leaves out the rows of a named query less sure
// than asked.
func TestQueryMinConfidence(t *testing.T) {
	db := buildSeeds(t)
	rows := func(min string) int {
		code, out, errOut := hospkg(t, "query", "--dbpath", db, "--name", "departments", "--arg", "name=北京大学第一医院",
			"--format", "csv", "--min-confidence", min)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return strings.Count(out, "\n") - 1
	}
	if all, sure := rows("0"), rows("0.9"); sure >= all || sure == 0 {
		t.Errorf("departments of 北京大学第一医院: %d rows, %d at 0.9", all, sure)
	}
	for _, bad := range []string{"1.5", "-0.1"} {
		if code, _, errOut := hospkg(t, "query", "--dbpath", db, "--name", "departments", "--arg", "name=北京大学第一医院", "--min-confidence", bad); code != 1 || !strings.Contains(errOut, "between 0 and 1") {
			t.Errorf("--min-confidence %s: exit %d, %s", bad, code, errOut)
		}
	}
	if code, _, errOut := hospkg(t, "query", "--dbpath", db, "--min-confidence", "0.5", "g.V().All()"); code != 1 || !strings.Contains(errOut, "go with --name") {
		t.Errorf("--min-confidence on Gizmo: exit %d, %s", code, errOut)
	}
}

// TestRulesOnlyKeepsEveryFact: --rules-only keeps every fact of the rules,
// each with its kind's measured precision, so it keeps at least what the
// model keeps.
func TestRulesOnlyKeepsEveryFact(t *testing.T) {
	code, out, errOut := hospkg(t, "extract", "--format", "jsonl", "--rules-only")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	_, decided, _ := hospkg(t, "extract", "--format", "jsonl")
	rules, model := strings.Count(out, "\n"), strings.Count(decided, "\n")
	if rules < model || rules == 0 {
		t.Errorf("--rules-only wrote %d lines, the model %d", rules, model)
	}
	priors := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m struct {
			Kind       string   `json:"kind"`
			Type       string   `json:"type"`
			Confidence *float64 `json:"confidence"`
		}
		if err := json.Unmarshal([]byte(l), &m); err != nil || m.Confidence == nil {
			t.Fatalf("line %q: %v", l, err)
		}
		if m.Kind == "entity" {
			priors[m.Type+" "+strconv.FormatFloat(*m.Confidence, 'f', 3, 64)] = true
		}
	}
	// One prior per entity type, at most (an entity stated by two
	// documents combines two).
	if len(priors) > 8 {
		t.Errorf("entity confidences under --rules-only are not the priors of their types: %v", priors)
	}
}
