package corpus

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	hgraph "hospkg/graph"
)

// SeedIndex adds to ix every short form the store holds (hk:short_form), so
// that documents built into it later resolve against what it has.
func SeedIndex(ctx context.Context, qs graph.QuadStore, ix *Index) error {
	err := hgraph.EachQuad(ctx, qs, quad.Predicate, hgraph.ShortForm, func(q quad.Quad) error {
		node, ok := q.Subject.(quad.IRI)
		s, isString := q.Object.(quad.String)
		if !ok || !isString {
			return nil
		}
		id := hgraph.EntityID(node)
		typ, _ := nameOfID(id)
		ix.AddForm(typ, string(s), id)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read the short forms of the store: %w", err)
	}
	return nil
}

// Merged is what MergeStored did.
type Merged struct {
	Documents int // documents rewritten
	Nodes     int // nodes renamed in some document
	Mentions  int // mentions of those nodes, merged across documents
	// Ambiguous lists each short name ("Type/short") left apart in some
	// document, sorted.
	Ambiguous []string
}

// MergeStored renames, in every document the store holds, the organisations
// named by a short form that ix now resolves: those written before the
// document that defines it. Each such document's quads are read back
// (graph.StoredExtraction), resolved as Resolve does at write time, and
// replaced by their difference, the deletions of every document in one
// write and the additions in another, as graph.ReplaceDocument does, after
// marking the rankings stale.
func MergeStored(ctx context.Context, qs graph.QuadStore, ix *Index) (Merged, error) {
	var m Merged
	docs := make(map[string]bool)
	ambiguous := make(map[string]bool)
	for _, sn := range ix.ShortNodes() {
		node := hgraph.EntityIRI(sn.ID)
		if qs.ValueOf(node) == nil {
			continue
		}
		err := hgraph.EachQuad(ctx, qs, quad.Object, node, func(q quad.Quad) error {
			if q.Predicate == hgraph.Mentions {
				if label, ok := q.Label.(quad.IRI); ok {
					docs[docIRIOf(label)] = true
				}
			}
			return nil
		})
		if err != nil {
			return m, fmt.Errorf("merge across documents: %w", err)
		}
	}
	names := make([]string, 0, len(docs))
	for doc := range docs {
		names = append(names, doc)
	}
	sort.Strings(names)
	var deletions, additions []graph.Delta
	files := make([]string, len(names))
	for i, doc := range names {
		name, err := fileOf(ctx, qs, quad.IRI(doc))
		if err != nil {
			return m, fmt.Errorf("merge across documents: %w", err)
		}
		files[i] = name
	}
	reader := hgraph.NewDocumentReader(qs, files)
	for i := range names {
		name := files[i]
		old, err := reader.Quads(ctx, name)
		if err != nil {
			return m, fmt.Errorf("merge across documents: %w", err)
		}
		x, err := hgraph.ExtractionOfQuads(name, old)
		if err != nil {
			return m, fmt.Errorf("merge across documents: %w", err)
		}
		res := Resolve(x, ix)
		for _, a := range res.Ambiguous {
			ambiguous[a] = true
		}
		if len(res.Renamed) == 0 {
			continue
		}
		fresh, err := hgraph.DocumentQuads(x)
		if err != nil {
			return m, fmt.Errorf("merge across documents: %w", err)
		}
		del, add := hgraph.DiffQuads(old, fresh)
		deletions, additions = append(deletions, del...), append(additions, add...)
		m.Documents++
		m.Nodes += len(res.Renamed)
		m.Mentions += res.Mentions
	}
	for a := range ambiguous {
		m.Ambiguous = append(m.Ambiguous, a)
	}
	sort.Strings(m.Ambiguous)
	if len(deletions)+len(additions) == 0 {
		return m, nil
	}
	if err := hgraph.MarkRankingsStale(ctx, qs); err != nil {
		return m, fmt.Errorf("merge across documents: %w", err)
	}
	opts := graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	for _, batch := range [][]graph.Delta{deletions, additions} {
		if len(batch) == 0 {
			continue
		}
		if err := qs.ApplyDeltas(batch, opts); err != nil {
			return m, fmt.Errorf("merge across documents: rewrite %d documents: %w", m.Documents, err)
		}
	}
	return m, nil
}

// docIRIOf is the document node of a quad label.
func docIRIOf(label quad.IRI) string {
	s := string(label)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return s
}

// fileOf is the file name a document node was read from.
func fileOf(ctx context.Context, qs graph.QuadStore, doc quad.IRI) (string, error) {
	var name string
	err := hgraph.EachQuad(ctx, qs, quad.Subject, doc, func(q quad.Quad) error {
		if s, ok := q.Object.(quad.String); ok && q.Predicate == hgraph.File {
			name = string(s)
		}
		return nil
	})
	if err == nil && name == "" {
		err = fmt.Errorf("document %s has no file name", doc)
	}
	return name, err
}

// ResolveStore resolves the organisations of every document in the store
// against every short form it holds: SeedIndex, then MergeStored. Builds
// and loads call it after their last document, so the result depends on
// which documents the store holds, not on the order they came in.
func ResolveStore(ctx context.Context, qs graph.QuadStore) (Merged, error) {
	ix := NewIndex()
	if err := SeedIndex(ctx, qs, ix); err != nil {
		return Merged{}, err
	}
	return MergeStored(ctx, qs, ix)
}
