package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"hospkg/nlp"
)

// ReplaceDocument writes the quads of one extraction in place of those the
// same document wrote before: building a document again replaces exactly its
// facts and leaves every other document's alone.
//
// Only the difference is written, deletions first, then additions, as two
// batches. Cayley v0.7.7's KV backends get node reference counts wrong when
// one batch both deletes and adds quads sharing nodes (nodes still in use are
// deleted; the suite's "v2 replaces v1" case shows it on bolt), and apply the
// additions of a batch before its deletions. A failure between the two
// batches leaves the document without facts; building it again repairs it.
//
// The rankings are marked stale first (MarkRankingsStale): call
// RefreshRankings after the last document.
func ReplaceDocument(ctx context.Context, qs graph.QuadStore, x *nlp.Extraction) error {
	fresh, err := DocumentQuads(x)
	if err != nil {
		return err
	}
	old, err := StoredDocumentQuads(ctx, qs, x.Doc.Name)
	if err != nil {
		return err
	}
	deletions, additions := DiffQuads(old, fresh)
	if len(deletions)+len(additions) == 0 {
		return nil
	}
	if err := MarkRankingsStale(ctx, qs); err != nil {
		return fmt.Errorf("replace document %s: %w", x.Doc.Name, err)
	}
	opts := graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	for _, batch := range [][]graph.Delta{deletions, additions} {
		if len(batch) == 0 {
			continue
		}
		if err := qs.ApplyDeltas(batch, opts); err != nil {
			return fmt.Errorf("replace document %s: %w", x.Doc.Name, err)
		}
	}
	return nil
}

// DiffQuads returns the deletions of the quads only in old and the additions
// of those only in fresh.
func DiffQuads(old, fresh []quad.Quad) (deletions, additions []graph.Delta) {
	if len(old) == 0 {
		// A document new to the store, as most are in a build: formatting
		// its quads to compare them was an eighth of the writer's time.
		additions = make([]graph.Delta, len(fresh))
		for i, q := range fresh {
			additions[i] = graph.Delta{Quad: q, Action: graph.Add}
		}
		return nil, additions
	}
	freshKeys := make(map[string]bool, len(fresh))
	for _, q := range fresh {
		freshKeys[q.NQuad()] = true
	}
	oldKeys := make(map[string]bool, len(old))
	for _, q := range old {
		k := q.NQuad()
		oldKeys[k] = true
		if !freshKeys[k] {
			deletions = append(deletions, graph.Delta{Quad: q, Action: graph.Delete})
		}
	}
	for _, q := range fresh {
		if !oldKeys[q.NQuad()] {
			additions = append(additions, graph.Delta{Quad: q, Action: graph.Add})
		}
	}
	return deletions, additions
}

// StoredDocumentQuads returns the quads the named document has in the store,
// found by traversal: the document node, its sentences (? hk:in_doc doc) and
// every node the document or its sentences mention; of the quads where one of
// these is subject or object, those labelled with the document or one of its
// sentences.
func StoredDocumentQuads(ctx context.Context, qs graph.QuadStore, name string) ([]quad.Quad, error) {
	r := &DocumentReader{qs: qs} // one document: nothing to share
	return r.Quads(ctx, name)
}

// DocumentReader reads many documents' stored quads (StoredDocumentQuads)
// where they share nodes: each node is read once, and its quads labelled by
// the documents to be read are kept by document, instead of reading a node
// (a hospital that thousands of documents mention) once per document. It
// holds the quads of those documents, which their reader holds anyway.
type DocumentReader struct {
	qs graph.QuadStore
	// docs are the documents to be read; nil reads nodes afresh every time.
	docs map[quad.IRI]bool
	// nodes holds, per node read, its quads grouped by document.
	nodes map[string]map[quad.IRI][]quad.Quad
}

// NewDocumentReader returns a reader of the named documents of qs, for a
// store that does not change while it reads.
func NewDocumentReader(qs graph.QuadStore, names []string) *DocumentReader {
	r := &DocumentReader{qs: qs, docs: make(map[quad.IRI]bool, len(names)), nodes: make(map[string]map[quad.IRI][]quad.Quad)}
	for _, n := range names {
		r.docs[DocIRI(n)] = true
	}
	return r
}

// Quads returns the quads the named document has in the store.
func (r *DocumentReader) Quads(ctx context.Context, name string) ([]quad.Quad, error) {
	qs := r.qs
	doc := DocIRI(name)
	nodes := []quad.Value{doc}
	sentences, err := subjectsOf(ctx, qs, InDoc, doc)
	if err != nil {
		return nil, err
	}
	nodes = append(nodes, sentences...)
	for _, holder := range append([]quad.Value{doc}, sentences...) {
		mentioned, err := objectsOf(ctx, qs, holder, Mentions)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, mentioned...)
	}

	seen := make(map[string]bool)
	var out []quad.Quad
	keep := func(q quad.Quad) error {
		if !labelledBy(q, doc) {
			return nil
		}
		if k := q.NQuad(); !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
		return nil
	}
	visited := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		key := n.String()
		if visited[key] {
			continue
		}
		visited[key] = true
		if err := r.eachQuadOf(ctx, n, doc, keep); err != nil {
			return nil, fmt.Errorf("stored quads of document %s: %w", name, err)
		}
	}
	return out, nil
}

// eachQuadOf calls fn with the quads that have n as subject or object: all
// of them for a reader without documents, else those of doc.
func (r *DocumentReader) eachQuadOf(ctx context.Context, n quad.Value, doc quad.IRI, fn func(quad.Quad) error) error {
	if r.docs == nil {
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			if err := EachQuad(ctx, r.qs, d, n, fn); err != nil {
				return err
			}
		}
		return nil
	}
	key := n.String()
	byDoc, ok := r.nodes[key]
	if !ok {
		byDoc = make(map[quad.IRI][]quad.Quad)
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			err := EachQuad(ctx, r.qs, d, n, func(q quad.Quad) error {
				if label, ok := q.Label.(quad.IRI); ok {
					if owner := docOfLabel(label); r.docs[owner] {
						byDoc[owner] = append(byDoc[owner], q)
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		r.nodes[key] = byDoc
	}
	for _, q := range byDoc[doc] {
		if err := fn(q); err != nil {
			return err
		}
	}
	return nil
}

// labelledBy reports whether q is labelled with doc or one of its sentences.
func labelledBy(q quad.Quad, doc quad.IRI) bool {
	label, ok := q.Label.(quad.IRI)
	if !ok {
		return false
	}
	return label == doc || strings.HasPrefix(string(label), string(doc)+"#")
}
