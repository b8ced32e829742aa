package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbeddedModelIsWhatTrainingWrites trains on the corpus and the seeds
// with the command the README gives and compares the model with the one
// embedded in the binary, byte for byte: the committed model is what the
// committed gold and rules give.
func TestEmbeddedModelIsWhatTrainingWrites(t *testing.T) {
	out := filepath.Join(t.TempDir(), "model")
	var stdout, stderr bytes.Buffer
	err := runTrain(context.Background(), trainOptions{
		gold:    []string{"../../eval/corpus/gold.json", "../../eval/testdata/seeds.gold.json"},
		docs:    []string{"../../eval/corpus/docs", "../../seeds"},
		output:  out,
		folds:   5,
		workers: 2,
		stdout:  &stdout, stderr: &stderr,
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../nlp/model/default.model")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("training writes a model of %d bytes that differs from the embedded one (%d bytes): run\n"+
			"go run ./cmd/hospkg train --gold eval/corpus/gold.json --docs eval/corpus/docs --gold eval/testdata/seeds.gold.json --docs seeds -o nlp/model/default.model",
			len(got), len(want))
	}
	for _, want := range []string{"5-fold cross-validation by document", "| entity | ALL |", "reliability of the confidences"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, stdout.String())
		}
	}
}

func TestTrainRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.json")
	if err := os.WriteFile(gold, []byte(`{"missing.txt": {"entities": [], "relations": [], "positions": []}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, opts := range map[string]trainOptions{
		"more gold than folders": {gold: []string{gold, gold}, docs: []string{dir}},
		"a document not there":   {gold: []string{gold}, docs: []string{dir}},
		"no gold file":           {gold: []string{filepath.Join(dir, "none.json")}, docs: []string{dir}},
	} {
		var stderr bytes.Buffer
		opts.stdout, opts.stderr, opts.workers = &bytes.Buffer{}, &stderr, 1
		if err := runTrain(context.Background(), opts); err == nil {
			t.Errorf("%s: train succeeded", name)
		}
	}
}
