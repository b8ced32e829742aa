package queries

import (
	"context"
	"io/fs"
	"sync"
	"testing"

	"github.com/cayleygraph/cayley/graph"

	hkgraph "hospkg/graph"
	"hospkg/intake"
	"hospkg/nlp"
	"hospkg/seeds"
)

var (
	seedOnce  sync.Once
	seedStore graph.QuadStore
	seedErr   error
)

// seedQuadStore returns a memstore holding the five seeds and their
// rankings, built once per test binary: extraction loads the segmenter and
// takes about a second.
func seedQuadStore(t testing.TB) graph.QuadStore {
	t.Helper()
	seedOnce.Do(func() { seedStore, seedErr = buildSeedStore(context.Background()) })
	if seedErr != nil {
		t.Fatalf("build the seed store: %v", seedErr)
	}
	return seedStore
}

func buildSeedStore(ctx context.Context) (graph.QuadStore, error) {
	qs, err := buildSeedStoreWithoutRankings(ctx)
	if err != nil {
		return nil, err
	}
	// As a build does after its last document.
	if err := hkgraph.RefreshRankings(ctx, qs); err != nil {
		return nil, err
	}
	return qs, nil
}

// buildSeedStoreWithoutRankings is a store written before rankings existed.
func buildSeedStoreWithoutRankings(ctx context.Context) (graph.QuadStore, error) {
	pipeline, err := nlp.NewPipeline()
	if err != nil {
		return nil, err
	}
	st, err := hkgraph.Open("memstore", "", nil)
	if err != nil {
		return nil, err
	}
	files, err := fs.ReadDir(seeds.FS, ".")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		raw, err := fs.ReadFile(seeds.FS, f.Name())
		if err != nil {
			return nil, err
		}
		doc, err := intake.ReadDocument(f.Name(), raw)
		if err != nil {
			return nil, err
		}
		x, err := pipeline.Extract(doc)
		if err != nil {
			return nil, err
		}
		if err := hkgraph.ReplaceDocument(ctx, st.QuadStore(), x); err != nil {
			return nil, err
		}
	}
	return st.QuadStore(), nil
}
