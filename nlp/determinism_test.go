package nlp_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
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
	// Sentences of the corpus recombined (a document of the 30 MB speed
	// corpus) where a short name is another's full name: 天津医院 →
	// 万州区天津医院 → 万州区第一人民医院 resolved in map order.
	paths = append(paths, "testdata/determinism/short_name_chain.txt")
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
		repeats := 3
		if !strings.Contains(path, "corpus") {
			repeats = 15 // one run in two went the other way
		}
		for range repeats {
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
