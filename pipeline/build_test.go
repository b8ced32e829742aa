package pipeline

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"hospkg/corpus"
	"hospkg/graph"
	"hospkg/intake"
	"hospkg/nlp"
)

func newPipeline(tb testing.TB) *nlp.Pipeline {
	tb.Helper()
	p, err := nlp.NewPipeline()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func openBolt(tb testing.TB, path string) *graph.Store {
	tb.Helper()
	st, err := graph.Open("bolt", path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

func exportJSONL(tb testing.TB, st *graph.Store) string {
	tb.Helper()
	var b bytes.Buffer
	if err := graph.WriteJSONL(context.Background(), st.QuadStore(), &b); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

// storedQuads returns every quad of the store as sorted N-Quads lines.
func storedQuads(tb testing.TB, st *graph.Store) string {
	tb.Helper()
	var b bytes.Buffer
	if err := graph.WriteQuads(st.QuadStore(), &b, "nquads"); err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestBuildDoesNotDependOnWorkers builds the same corpus twice into fresh
// bolt stores, then a second version of half of it on top, with different
// worker counts and batch sizes, and against graph.ReplaceDocument applied
// one document at a time: the quads and the export must be the same.
func TestBuildDoesNotDependOnWorkers(t *testing.T) {
	p := newPipeline(t)
	sentences := seedSentences(t)
	first := collect(syntheticCorpus(sentences, 120_000, 2_000))
	// The second version rewrites every other document and repeats one name
	// within the run, which must replace the earlier one.
	var second []syntheticDocument
	for i, d := range collect(syntheticCorpus(sentences[len(sentences)/2:], 60_000, 2_000)) {
		second = append(second, syntheticDocument{name: first[2*i%len(first)].name, text: d.text})
	}
	second = append(second, syntheticDocument{name: second[0].name, text: first[1].text})

	cases := []struct {
		name       string
		workers    int
		batchQuads int
	}{
		{"one worker", 1, 0},
		{"two workers", 2, 0},
		{"four workers, small batches", 4, 300},
	}
	wantStore := openBolt(t, filepath.Join(t.TempDir(), "want"))
	for _, corpus := range [][]syntheticDocument{first, second} {
		for src := range memorySources(corpus) {
			raw, _ := src.Read()
			doc, err := intake.ReadDocument(src.Name, raw)
			if err != nil {
				t.Fatal(err)
			}
			x, err := p.Extract(doc)
			if err != nil {
				t.Fatal(err)
			}
			if err := graph.ReplaceDocument(context.Background(), wantStore.QuadStore(), x); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Run resolves short forms across documents and refreshes the
	// rankings after the last document; so does the reference.
	if _, err := corpus.ResolveStore(context.Background(), wantStore.QuadStore()); err != nil {
		t.Fatal(err)
	}
	if err := graph.RefreshRankings(context.Background(), wantStore.QuadStore()); err != nil {
		t.Fatal(err)
	}
	wantQuads, wantExport := storedQuads(t, wantStore), exportJSONL(t, wantStore)
	if err := wantStore.Close(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := openBolt(t, filepath.Join(t.TempDir(), "db"))
			defer st.Close()
			for _, corpus := range [][]syntheticDocument{first, second} {
				sink := NewStoreWriter(st.QuadStore(), tc.batchQuads)
				sum, err := Run(context.Background(), p, memorySources(corpus), sink, Options{Workers: tc.workers})
				if err != nil {
					t.Fatal(err)
				}
				if sum.Read != len(corpus) {
					t.Errorf("read %d documents, want %d", sum.Read, len(corpus))
				}
				if sum.Writing <= 0 || sum.Writing > sum.Took {
					t.Errorf("writer busy %s of a %s run", sum.Writing, sum.Took)
				}
			}
			if got := storedQuads(t, st); got != wantQuads {
				t.Errorf("quads differ from one ReplaceDocument per document (%d vs %d bytes)", len(got), len(wantQuads))
			}
			if got := exportJSONL(t, st); got != wantExport {
				t.Errorf("export differs from one ReplaceDocument per document")
			}
		})
	}
}

// cancelAfter is a sink that cancels the build once it has taken n
// documents, as a Ctrl-C in the middle of a build does.
type cancelAfter struct {
	Sink
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Add(ctx context.Context, doc Built) error {
	if err := c.Sink.Add(ctx, doc); err != nil {
		return err
	}
	if c.n--; c.n == 0 {
		c.cancel()
	}
	return nil
}

// TestInterruptedBuildLeavesWholeDocuments cancels a build of many small
// documents in the middle; the store must open again and hold each document
// either whole, with exactly the quads of its extraction, or not at all.
func TestInterruptedBuildLeavesWholeDocuments(t *testing.T) {
	p := newPipeline(t)
	docs := collect(syntheticCorpus(seedSentences(t), 200_000, 400))
	path := filepath.Join(t.TempDir(), "db")
	st := openBolt(t, path)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sink := &cancelAfter{Sink: NewStoreWriter(st.QuadStore(), 2000), n: 60, cancel: cancel}
	sum, err := Run(ctx, p, memorySources(docs), sink, Options{Workers: 2})
	if !errors.Is(err, ErrInterrupted) || !errors.Is(err, context.Canceled) {
		t.Fatalf("got error %v, want an interruption", err)
	}
	if sum.Read != 60 {
		t.Errorf("read %d documents, want 60", sum.Read)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st = openBolt(t, path)
	defer st.Close()
	whole := 0
	for _, d := range docs {
		doc, err := intake.ReadDocument(d.name, []byte(d.text))
		if err != nil {
			t.Fatal(err)
		}
		x, err := p.Extract(doc)
		if err != nil {
			t.Fatal(err)
		}
		want, err := graph.DocumentQuads(x)
		if err != nil {
			t.Fatal(err)
		}
		got, err := graph.StoredDocumentQuads(context.Background(), st.QuadStore(), d.name)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case len(got) == 0:
		case nquadSet(got) == nquadSet(want):
			whole++
		default:
			t.Errorf("%s is in the store in part: %d of %d quads", d.name, len(got), len(want))
		}
	}
	if whole != sum.Read {
		t.Errorf("%d documents whole in the store, want the %d read", whole, sum.Read)
	}
	if export := exportJSONL(t, st); !strings.Contains(export, `"kind":"entity"`) {
		t.Error("no entity in the export")
	}
}

func nquadSet(quads []quad.Quad) string {
	lines := make([]string, 0, len(quads))
	for _, q := range quads {
		lines = append(lines, q.NQuad())
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
