package model_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"hospkg/intake"
	"hospkg/nlp"
	"hospkg/nlp/model"
)

// corpusDocuments reads the real corpus's articles.
func corpusDocuments(b *testing.B) []intake.Document {
	b.Helper()
	paths, err := filepath.Glob("../../eval/corpus/docs/*.txt")
	if err != nil || len(paths) < 200 {
		b.Fatalf("corpus: %d files, %v", len(paths), err)
	}
	sort.Strings(paths)
	var docs []intake.Document
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := intake.ReadDocument(filepath.Base(p), raw)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
}

// BenchmarkExtractCorpus is the rules over the real corpus, gse included:
// what BenchmarkDecideCorpus adds to (README: the model's cost).
func BenchmarkExtractCorpus(b *testing.B) {
	docs := corpusDocuments(b)
	p, err := nlp.NewPipeline()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := p.Extract(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDecideCorpus is the embedded model deciding the extractions of
// the same corpus: features, weights and the decision.
func BenchmarkDecideCorpus(b *testing.B) {
	docs := corpusDocuments(b)
	p, err := nlp.NewPipeline()
	if err != nil {
		b.Fatal(err)
	}
	m, err := model.Default()
	if err != nil {
		b.Fatal(err)
	}
	var xs []*nlp.Extraction
	for _, d := range docs {
		x, err := p.Extract(d)
		if err != nil {
			b.Fatal(err)
		}
		xs = append(xs, x)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, x := range xs {
			m.Decide(model.Clone(x))
		}
	}
}
