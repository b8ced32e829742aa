package pipeline

import (
	"bytes"
	"context"
	"iter"
	"strconv"
	"strings"
	"testing"

	"hospkg/graph"
	"hospkg/nlp/model"
)

// TestJSONLWriterEqualsStoreExport extracts the real corpus and the seeds
// twice, decided by the embedded model as the commands do, into a store and
// into a JSONLWriter: the collector's JSONL, confidences included, must be
// the store's export byte for byte, since extract --format jsonl promises
// the lines of a build's export.
func TestJSONLWriterEqualsStoreExport(t *testing.T) {
	p := newPipeline(t)
	m, err := model.Default()
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Decide: m.Decide}
	paths := []string{"../eval/corpus/docs"}
	st, err := graph.Open("memstore", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	stored, err := Run(ctx, p, concat(Sources(paths), Sources(nil)), NewStoreWriter(st.QuadStore(), 0), opts)
	if err != nil {
		t.Fatal(err)
	}
	c := graph.NewJSONLCollector()
	collected, err := Run(ctx, p, concat(Sources(paths), Sources(nil)), NewJSONLWriter(c), opts)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Read != collected.Read || stored.Read < 200 {
		t.Fatalf("read %d and %d documents", stored.Read, collected.Read)
	}
	var got bytes.Buffer
	if err := c.WriteJSONL(&got); err != nil {
		t.Fatal(err)
	}
	want := exportJSONL(t, st)
	if n := strings.Count(want, `"confidence":`); n < strings.Count(want, "\n") {
		t.Fatalf("%d of %d lines carry a confidence", n, strings.Count(want, "\n"))
	}
	if got.String() != want {
		t.Fatalf("the collector's JSONL differs from the store's export:\n%s", firstLineDiff(got.String(), want))
	}
}

// concat yields the sources of a, then those of b.
func concat(a, b iter.Seq2[Source, error]) iter.Seq2[Source, error] {
	return func(yield func(Source, error) bool) {
		for src, err := range a {
			if !yield(src, err) {
				return
			}
		}
		for src, err := range b {
			if !yield(src, err) {
				return
			}
		}
	}
}

// firstLineDiff shows the first line where got and want differ.
func firstLineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + "\ngot  " + gl + "\nwant " + wl
		}
	}
	return ""
}
