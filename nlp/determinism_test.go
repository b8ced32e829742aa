package nlp_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"hospkg/intake"
	"hospkg/nlp"
)

// TestExtractionIsDeterministic extracts every article of the real corpus
// several times: the same text must give the same facts each time, whatever
// order Go walks a map in (a short name read in map order once gave one
// campus two different aliases from run to run).
func TestExtractionIsDeterministic(t *testing.T) {
	paths, err := filepath.Glob("../eval/corpus/docs/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no corpus articles in ../eval/corpus/docs")
	}
	p, err := nlp.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := intake.ReadDocument(filepath.Base(path), raw)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		first, err := p.Extract(doc)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for range 3 {
			again, err := p.Extract(doc)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if !reflect.DeepEqual(first, again) {
				t.Errorf("%s: two extractions of the same text differ", filepath.Base(path))
				break
			}
		}
	}
}
