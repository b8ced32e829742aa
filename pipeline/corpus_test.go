package pipeline

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hospkg/seeds"
)

// seedSentences returns the sentences of the seed documents, each ending
// with its full stop, in the order of the files.
func seedSentences(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for src, err := range Sources(nil) {
		if err != nil {
			tb.Fatal(err)
		}
		raw, err := seeds.FS.ReadFile(src.Name)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			for _, s := range strings.SplitAfter(line, "。") {
				if s = strings.TrimSpace(s); len(s) > 6 {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// corpusParagraphs returns the paragraphs of prose (lines with a full stop)
// of the real articles in eval/corpus/docs, each ending with a newline.
func corpusParagraphs(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "eval", "corpus", "docs", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no articles in eval/corpus/docs: %v", err)
	}
	var out []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if line = strings.TrimSpace(line); strings.Contains(line, "。") {
				out = append(out, line+"\n")
			}
		}
	}
	return out
}

// syntheticDocument is one recombined document: a name and its text.
type syntheticDocument struct {
	name, text string
}

// syntheticCorpus yields documents of about docBytes each, totalling about
// totalBytes, made of sentences or paragraphs picked by a fixed random sequence, so
// every call yields the same corpus.
func syntheticCorpus(sentences []string, totalBytes, docBytes int) iter.Seq[syntheticDocument] {
	return func(yield func(syntheticDocument) bool) {
		rng := rand.New(rand.NewPCG(8, 8))
		for i, written := 0, 0; written < totalBytes; i++ {
			var b strings.Builder
			for b.Len() < docBytes {
				b.WriteString(sentences[rng.IntN(len(sentences))])
				if rng.IntN(4) == 0 {
					b.WriteByte('\n')
				}
			}
			written += b.Len()
			if !yield(syntheticDocument{name: fmt.Sprintf("doc%06d.txt", i), text: b.String()}) {
				return
			}
		}
	}
}

// memorySources yields the documents as sources read from memory.
func memorySources(docs []syntheticDocument) iter.Seq2[Source, error] {
	return func(yield func(Source, error) bool) {
		for _, d := range docs {
			src := Source{Name: d.name, Path: d.name, Size: int64(len(d.text)), Read: func() ([]byte, error) { return []byte(d.text), nil }}
			if !yield(src, nil) {
				return
			}
		}
	}
}

func collect(docs iter.Seq[syntheticDocument]) []syntheticDocument {
	var out []syntheticDocument
	for d := range docs {
		out = append(out, d)
	}
	return out
}

// writeCorpus writes the documents as files into dir, one at a time, and
// returns their total size.
func writeCorpus(tb testing.TB, dir string, docs iter.Seq[syntheticDocument]) int64 {
	tb.Helper()
	var total int64
	for d := range docs {
		if err := os.WriteFile(filepath.Join(dir, d.name), []byte(d.text), 0o644); err != nil {
			tb.Fatal(err)
		}
		total += int64(len(d.text))
	}
	return total
}
