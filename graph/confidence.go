package graph

import (
	"context"
	"math"
	"slices"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Confidence of facts. A document states each fact with a confidence
// (<hk:confidence>, labelled with the stating sentence); a fact stated by
// several documents is as sure as all of them together: the documents'
// confidences combine by noisy-or, 1 − ∏(1 − p), each document counting
// once with its highest.

// combineConfidence combines the per-document confidences of one fact;
// ok is false when no document gave one.
func combineConfidence(perDoc map[string]float64) (float64, bool) {
	if len(perDoc) == 0 {
		return 0, false
	}
	ps := make([]float64, 0, len(perDoc))
	for _, p := range perDoc {
		ps = append(ps, p)
	}
	slices.Sort(ps) // the same product whatever the map's order
	doubt := 1.0
	for _, p := range ps {
		doubt *= 1 - math.Min(math.Max(p, 0), 1)
	}
	return math.Round((1-doubt)*1000) / 1000, true
}

// noteConfidence keeps the highest confidence a document gives a fact.
func noteConfidence(perDoc map[string]float64, doc string, p float64) map[string]float64 {
	if perDoc == nil {
		perDoc = make(map[string]float64, 1)
	}
	if old, ok := perDoc[doc]; !ok || p > old {
		perDoc[doc] = p
	}
	return perDoc
}

// confidenceValue reads a confidence quad's object.
func confidenceValue(v quad.Value) (float64, bool) {
	switch x := v.(type) {
	case quad.Float:
		return float64(x), true
	case quad.Int:
		return float64(x), true
	}
	return 0, false
}

// confidencePointer is the JSON field of a combined confidence: absent when
// no document gave one (a store built before confidences were kept).
func confidencePointer(p float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &p
}

// FactConfidence is the combined confidence of an entity, relation or
// position node; ok is false when the store holds none for it.
func FactConfidence(ctx context.Context, qs graph.QuadStore, node quad.IRI) (p float64, ok bool, err error) {
	var perDoc map[string]float64
	err = EachQuad(ctx, qs, quad.Subject, node, func(q quad.Quad) error {
		if q.Predicate != Confidence {
			return nil
		}
		if v, ok := confidenceValue(q.Object); ok {
			perDoc = noteConfidence(perDoc, string(docOfLabel(iriOf(q.Label))), v)
		}
		return nil
	})
	if err != nil {
		return 0, false, err
	}
	p, ok = combineConfidence(perDoc)
	return p, ok, nil
}

// RelationNode is the node of the relation fact between two entity nodes
// (RelationIRI), the subject of its confidence; predicate is the export
// name (supports, affiliated_with, partner_of).
func RelationNode(subject quad.IRI, predicate string, object quad.IRI) quad.IRI {
	const sep = "%7C"
	return quad.IRI(relationPrefix + strings.TrimPrefix(string(subject), entityPrefix) + sep + escapeIRI(predicate, "") + sep +
		strings.TrimPrefix(string(object), entityPrefix))
}

// confidenceOf is the combined confidence of the fact a node stands for (a
// relation or position node), cached per node.
func (r *graphReader) confidenceOf(ctx context.Context, node quad.IRI) (float64, bool, error) {
	if c, ok := r.confidences[node]; ok {
		return c.p, c.ok, nil
	}
	p, ok, err := FactConfidence(ctx, r.qs, node)
	if err != nil {
		return 0, false, err
	}
	r.confidences[node] = combined{p, ok}
	return p, ok, nil
}

type combined struct {
	p  float64
	ok bool
}

// positionNode is PositionIRI for the nodes of a person and an
// organisation.
func positionNode(person quad.IRI, title string, org quad.IRI) quad.IRI {
	const sep = "%7C"
	return quad.IRI(positionPrefix + strings.TrimPrefix(string(person), entityPrefix) + sep + escapeIRI(title, "") + sep +
		strings.TrimPrefix(string(org), entityPrefix))
}
