package pipeline

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"hospkg/corpus"
	hgraph "hospkg/graph"
	"hospkg/intake"
	"hospkg/nlp"
)

// DefaultBatchQuads is how many quads a StoreWriter gathers before it writes:
// the batch cayley's own quad writer uses.
const DefaultBatchQuads = 10000 // quad.DefaultBatch in cayley/quad v1.1.0

// StoreWriter replaces the facts of documents in a store as
// graph.ReplaceDocument does, several documents per write: the deletions of
// the gathered documents in one batch, then their additions in another.
// Batches never mix deletions and additions, which Cayley v0.7.7's KV
// backends get wrong when the quads share nodes (see graph.ReplaceDocument).
// Documents of one write have different names, so each one's old quads,
// found by traversal before the write, are what ReplaceDocument would find:
// they are labelled with that document, which no other document's quads are.
type StoreWriter struct {
	qs         graph.QuadStore
	batchQuads int
	names      map[string]bool // documents gathered since the last write
	deletions  []graph.Delta
	additions  []graph.Delta
	// Merged is what resolving short forms across the store's documents
	// did in Finish.
	Merged corpus.Merged
}

// NewStoreWriter returns a writer into qs that writes every batchQuads quads
// or so; 0 means DefaultBatchQuads.
func NewStoreWriter(qs graph.QuadStore, batchQuads int) *StoreWriter {
	if batchQuads <= 0 {
		batchQuads = DefaultBatchQuads
	}
	return &StoreWriter{qs: qs, batchQuads: batchQuads, names: make(map[string]bool)}
}

// Add gathers the replacement of one document's facts, writing the batch
// first when it is full or holds a document of the same name.
func (w *StoreWriter) Add(ctx context.Context, doc Built) error {
	name := doc.Extraction.Doc.Name
	if w.names[name] {
		if err := w.Flush(); err != nil {
			return err
		}
	}
	old, err := hgraph.StoredDocumentQuads(ctx, w.qs, name)
	if err != nil {
		return err
	}
	w.names[name] = true
	deletions, additions := hgraph.DiffQuads(old, doc.Quads)
	w.deletions, w.additions = append(w.deletions, deletions...), append(w.additions, additions...)
	if len(w.deletions)+len(w.additions) >= w.batchQuads {
		return w.Flush()
	}
	return nil
}

// Flush writes the gathered deletions, then the gathered additions, once it
// has marked the rankings stale (graph.MarkRankingsStale): a build killed or
// failed before Finish leaves rankings that say so.
func (w *StoreWriter) Flush() error {
	if len(w.deletions)+len(w.additions) > 0 {
		if err := hgraph.MarkRankingsStale(context.Background(), w.qs); err != nil {
			return fmt.Errorf("write %d documents: %w", len(w.names), err)
		}
	}
	opts := graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	for _, batch := range [][]graph.Delta{w.deletions, w.additions} {
		if len(batch) == 0 {
			continue
		}
		if err := w.qs.ApplyDeltas(batch, opts); err != nil {
			return fmt.Errorf("write %d documents: %w", len(w.names), err)
		}
	}
	w.deletions, w.additions = w.deletions[:0], w.additions[:0]
	clear(w.names)
	return nil
}

// Finish resolves short forms across every document of the store
// (corpus.ResolveStore: a short form one document defines names the same
// node in all of them), then refreshes the rankings of the store and takes
// their stale mark away (graph.RefreshRankings): Run calls it after the
// last write, so the top queries read the new facts.
func (w *StoreWriter) Finish(ctx context.Context) error {
	merged, err := corpus.ResolveStore(ctx, w.qs)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	w.Merged = merged
	if err := hgraph.RefreshRankings(ctx, w.qs); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

// QuadWriter writes each document's quads, exactly those
// graph.ReplaceDocument would store, to a quad writer such as N-Quads, for
// a later bulk load. A name read twice is written twice.
type QuadWriter struct {
	w quad.Writer
}

// NewQuadWriter returns a sink writing to w.
func NewQuadWriter(w quad.Writer) *QuadWriter { return &QuadWriter{w: w} }

// Add writes the quads of one document.
func (s *QuadWriter) Add(_ context.Context, doc Built) error {
	if _, err := s.w.WriteQuads(doc.Quads); err != nil {
		return fmt.Errorf("write quads of %s: %w", doc.Extraction.Doc.Name, err)
	}
	return nil
}

// Flush has nothing to do: the quad writer's own buffering is its caller's.
func (s *QuadWriter) Flush() error { return nil }

// JSONLWriter gathers each document's facts into a graph.JSONLCollector,
// whose JSONL export its caller writes once the run is over: the lines of a
// build's export, without building a store. Short forms resolve across the
// documents as a build's do (corpus.ResolveStore), so each document's
// facts are held, without their text, until Finish.
type JSONLWriter struct {
	c    *hgraph.JSONLCollector
	docs []*nlp.Extraction
	ix   *corpus.Index
	// Merged is what resolving short forms across the documents did
	// (Mentions stays 0: the writer keeps no mentions).
	Merged corpus.Merged
}

// NewJSONLWriter returns a sink gathering into c.
func NewJSONLWriter(c *hgraph.JSONLCollector) *JSONLWriter {
	return &JSONLWriter{c: c, ix: corpus.NewIndex()}
}

// Add keeps the facts of one document.
func (s *JSONLWriter) Add(_ context.Context, doc Built) error {
	x := *doc.Extraction
	x.Doc = intake.Document{Name: x.Doc.Name, Title: strings.Clone(x.Doc.Title)}
	x.Tokens = nil
	// Mentions are read by nothing after resolution here (Merged.Mentions
	// is not counted on this path): dropping them is a fifth of what is kept.
	x.Mentions = nil
	// Only the sentences that state a relation or position are read again
	// (for their evidence and date), and their evidence is copied, so that
	// the document's text is not held until the run ends.
	stating := make(map[int]bool, len(x.Relations)+len(x.Positions))
	for _, r := range x.Relations {
		stating[r.Sentence] = true
	}
	for _, p := range x.Positions {
		stating[p.Sentence] = true
	}
	// Names and titles may be slices of the text: copy them too.
	x.Entities = append([]nlp.Entity(nil), x.Entities...)
	for i := range x.Entities {
		e := &x.Entities[i]
		e.Name = strings.Clone(e.Name)
		e.Aliases = append([]string(nil), e.Aliases...)
		for k := range e.Aliases {
			e.Aliases[k] = strings.Clone(e.Aliases[k])
		}
		e.ShortForms = append([]string(nil), e.ShortForms...)
		for k := range e.ShortForms {
			e.ShortForms[k] = strings.Clone(e.ShortForms[k])
		}
	}
	x.Positions = append([]nlp.Position(nil), x.Positions...)
	for i := range x.Positions {
		x.Positions[i].Title = strings.Clone(x.Positions[i].Title)
	}
	x.Sentences = nil
	for _, sn := range doc.Extraction.Sentences {
		if stating[sn.Index] {
			sn.Text, sn.Evidence = "", strings.Clone(sn.Evidence)
			x.Sentences = append(x.Sentences, sn)
		}
	}
	s.ix.Add(&x)
	s.docs = append(s.docs, &x)
	return nil
}

// Flush has nothing to do: the collector is written when the run is over.
func (s *JSONLWriter) Flush() error { return nil }

// QuadFree says the collector reads the extractions only, so the workers
// make no quads for it.
func (s *JSONLWriter) QuadFree() {}

// Finish resolves the documents' short forms against each other and
// gathers their facts into the collector.
func (s *JSONLWriter) Finish(context.Context) error {
	ambiguous := make(map[string]bool)
	for i, x := range s.docs {
		s.docs[i] = nil // the collector holds what it needs of it
		res := corpus.Resolve(x, s.ix)
		for _, a := range res.Ambiguous {
			ambiguous[a] = true
		}
		if len(res.Renamed) > 0 {
			s.Merged.Documents++
			s.Merged.Nodes += len(res.Renamed)
			s.Merged.Mentions += res.Mentions
		}
		if err := s.c.Add(x); err != nil {
			return err
		}
	}
	s.docs = nil
	for a := range ambiguous {
		s.Merged.Ambiguous = append(s.Merged.Ambiguous, a)
	}
	sort.Strings(s.Merged.Ambiguous)
	return nil
}
