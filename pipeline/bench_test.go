package pipeline

import (
	"context"
	"io"
	"path/filepath"
	"sync"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	hgraph "hospkg/graph"
	"hospkg/intake"
	"hospkg/nlp"
	"hospkg/nlp/model"
)

// benchCorpus is about 2 MB of documents of about 10 kB, recombined from
// the seed sentences, the same in every benchmark.
var benchCorpus = sync.OnceValue(func() []syntheticDocument {
	return collect(syntheticCorpus(seedSentences(&testing.B{}), 2_000_000, 10_000))
})

func corpusBytes(docs []syntheticDocument) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.text))
	}
	return n
}

// startCorpusBenchmark sets the collector as the commands do
// (TuneCollector), loads the dictionary and the corpus before the clock
// starts, and makes MB/s the benchmark's rate.
func startCorpusBenchmark(b *testing.B) (*nlp.Pipeline, []syntheticDocument) {
	TuneCollector()
	p := newPipeline(b)
	docs := benchCorpus()
	b.SetBytes(corpusBytes(docs))
	b.ResetTimer()
	return p, docs
}

// benchmarkBuild builds the corpus into a fresh bolt store per iteration.
func benchmarkBuild(b *testing.B, workers int) {
	p, docs := startCorpusBenchmark(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := openBolt(b, filepath.Join(b.TempDir(), "db"))
		b.StartTimer()
		sum, err := Run(context.Background(), p, memorySources(docs), NewStoreWriter(st.QuadStore(), 0), Options{Workers: workers, Decide: decideByDefault(b)})
		if err != nil {
			b.Fatal(err)
		}
		if sum.Read != len(docs) {
			b.Fatalf("read %d documents, want %d", sum.Read, len(docs))
		}
		b.StopTimer()
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

func BenchmarkBuildWorkers1(b *testing.B) { benchmarkBuild(b, 1) }
func BenchmarkBuildWorkers2(b *testing.B) { benchmarkBuild(b, 2) }

// loadCorpus is the corpus extracted once: the documents as the workers
// leave them, and all their quads for cayley's writer.
type loadCorpus struct {
	docs  []Built
	quads []quad.Quad
}

var benchExtractions = sync.OnceValues(func() (loadCorpus, error) {
	var c loadCorpus
	p, err := nlp.NewPipeline()
	if err != nil {
		return c, err
	}
	for _, d := range benchCorpus() {
		doc, err := intake.ReadDocument(d.name, []byte(d.text))
		if err != nil {
			return c, err
		}
		x, err := p.Extract(doc)
		if err != nil {
			return c, err
		}
		quads, err := hgraph.DocumentQuads(x)
		if err != nil {
			return c, err
		}
		c.docs = append(c.docs, Built{Extraction: x, Quads: quads})
		c.quads = append(c.quads, quads...)
	}
	return c, nil
})

// benchmarkLoad writes the corpus's quads into a fresh bolt store per
// iteration with write, and reports quads per second.
func benchmarkLoad(b *testing.B, write func(*hgraph.Store, loadCorpus) error) {
	TuneCollector()
	c, err := benchExtractions()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := openBolt(b, filepath.Join(b.TempDir(), "db"))
		b.StartTimer()
		if err := write(st, c); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		stats, err := hgraph.ComputeStats(context.Background(), st.QuadStore())
		if err != nil {
			b.Fatal(err)
		}
		// A build's writer marks the rankings stale before its first
		// write (the mark's quads, under the rankings' label, come on top).
		if got := stats.Quads - stats.EdgesByPredicate["stale"]; got != int64(len(c.quads)) {
			b.Fatalf("%d quads in the store besides a stale mark, want %d", got, len(c.quads))
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(len(c.quads))*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
}

// BenchmarkLoadStoreWriter is the writer of a build: per-document
// replacement, several documents per write.
func BenchmarkLoadStoreWriter(b *testing.B) {
	benchmarkLoad(b, func(st *hgraph.Store, c loadCorpus) error {
		w := NewStoreWriter(st.QuadStore(), 0)
		for _, doc := range c.docs {
			if err := w.Add(context.Background(), doc); err != nil {
				return err
			}
		}
		return w.Flush()
	})
}

// BenchmarkLoadCayleyWriter is cayley's own batch writer, with its default
// batch, over the same quads: what the store can take.
func BenchmarkLoadCayleyWriter(b *testing.B) {
	benchmarkLoad(b, func(st *hgraph.Store, c loadCorpus) error {
		qw, err := writer.NewSingle(st.QuadStore(), graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
		if err != nil {
			return err
		}
		w := graph.NewWriter(qw)
		for _, q := range c.quads {
			if err := w.WriteQuad(q); err != nil {
				return err
			}
		}
		return w.Close()
	})
}

// decideByDefault is the decision the commands make unless told
// --rules-only: the embedded model's.
func decideByDefault(b *testing.B) func(*nlp.Extraction) {
	m, err := model.Default()
	if err != nil {
		b.Fatal(err)
	}
	return m.Decide
}

// benchmarkExtract runs the pipeline over the corpus into N-Quads that are
// thrown away, as `hospkg extract` does: the extraction stage alone, without
// the store's single writer. decide is the model's decision, or nil for the
// rules alone.
func benchmarkExtract(b *testing.B, workers int, decide func(*nlp.Extraction)) {
	p, docs := startCorpusBenchmark(b)
	for i := 0; i < b.N; i++ {
		qw := nquads.NewWriter(io.Discard)
		if _, err := Run(context.Background(), p, memorySources(docs), NewQuadWriter(qw), Options{Workers: workers, Decide: decide}); err != nil {
			b.Fatal(err)
		}
		if err := qw.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractWorkers1(b *testing.B) { benchmarkExtract(b, 1, decideByDefault(b)) }
func BenchmarkExtractWorkers2(b *testing.B) { benchmarkExtract(b, 2, decideByDefault(b)) }

// BenchmarkExtractRulesOnlyWorkers1 is BenchmarkExtractWorkers1 without the
// model (--rules-only): the two give the model's cost.
func BenchmarkExtractRulesOnlyWorkers1(b *testing.B) { benchmarkExtract(b, 1, nil) }

// benchmarkExtractJSONL runs `hospkg extract --format jsonl`: the pipeline
// into a JSONLWriter, then the JSONL written out and thrown away.
func benchmarkExtractJSONL(b *testing.B, workers int) {
	p, docs := startCorpusBenchmark(b)
	for i := 0; i < b.N; i++ {
		c := hgraph.NewJSONLCollector()
		if _, err := Run(context.Background(), p, memorySources(docs), NewJSONLWriter(c), Options{Workers: workers, Decide: decideByDefault(b)}); err != nil {
			b.Fatal(err)
		}
		if err := c.WriteJSONL(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractJSONLWorkers1(b *testing.B) { benchmarkExtractJSONL(b, 1) }
func BenchmarkExtractJSONLWorkers2(b *testing.B) { benchmarkExtractJSONL(b, 2) }

// BenchmarkSegmentOnly is gse alone over the sentences of the same corpus, on
// one goroutine: the floor every path above is compared with, in the same
// run (README, Speed and scale).
func BenchmarkSegmentOnly(b *testing.B) {
	seg, err := nlp.LoadSegmenter()
	if err != nil {
		b.Fatal(err)
	}
	var sentences []nlp.Sentence
	docs := benchCorpus()
	for _, d := range docs {
		doc, err := intake.ReadDocument(d.name, []byte(d.text))
		if err != nil {
			b.Fatal(err)
		}
		sentences = append(sentences, nlp.SplitSentences(&doc)...)
	}
	b.SetBytes(corpusBytes(docs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sentences {
			seg.Tokens(s)
		}
	}
}
