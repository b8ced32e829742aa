package server

import (
	"bytes"
	"context"
	"io/fs"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"hospkg/graph"
	"hospkg/intake"
	"hospkg/nlp"
	"hospkg/nlp/model"
	"hospkg/seeds"
)

var (
	seedOnce  sync.Once
	seedQuads []byte // the seed store as N-Quads
	seedErr   error
)

// seedNQuads returns the store `hospkg build` makes of the five seeds, as
// N-Quads, extracted once per test binary (the segmenter takes a second to
// load).
func seedNQuads(t testing.TB) []byte {
	t.Helper()
	seedOnce.Do(func() { seedQuads, seedErr = buildSeeds(context.Background()) })
	if seedErr != nil {
		t.Fatalf("build the seed store: %v", seedErr)
	}
	return seedQuads
}

func buildSeeds(ctx context.Context) ([]byte, error) {
	pipeline, err := nlp.NewPipeline()
	if err != nil {
		return nil, err
	}
	// As hospkg build decides, so that facts carry their confidence.
	decider, err := model.Default()
	if err != nil {
		return nil, err
	}
	st, err := graph.Open("memstore", "", nil)
	if err != nil {
		return nil, err
	}
	defer st.Close()
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
		decider.Decide(x)
		if err := graph.ReplaceDocument(ctx, st.QuadStore(), x); err != nil {
			return nil, err
		}
	}
	if err := graph.RefreshRankings(ctx, st.QuadStore()); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := graph.WriteQuads(st.QuadStore(), &b, "nquads"); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// seedStore opens the seeds as a bolt store, read-only, as hospkg serve
// opens it; with writable, as serve --write does.
func seedStore(t testing.TB, writable bool) *graph.Store {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "db")
	st, err := graph.Open("bolt", dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := graph.Load(st.QuadStore(), bytes.NewReader(seedNQuads(t)), "nquads"); err != nil {
		t.Fatal(err)
	}
	if writable {
		t.Cleanup(func() { st.Close() })
		return st
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err = graph.OpenReader("bolt", dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// seedServer serves the seeds with cfg on 127.0.0.1.
func seedServer(t testing.TB, cfg Config) *httptest.Server {
	t.Helper()
	s, err := New(seedStore(t, cfg.Write), cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}
