package graph

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// EachQuad calls fn with every quad that has node in direction d. A node the
// store does not know has no quads.
func EachQuad(ctx context.Context, qs graph.QuadStore, d quad.Direction, node quad.Value, fn func(quad.Quad) error) error {
	ref := qs.ValueOf(node)
	if ref == nil {
		return nil
	}
	it := qs.QuadIterator(d, ref)
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(qs.Quad(it.Result())); err != nil {
			return err
		}
	}
	return it.Err()
}

// objectsOf returns the objects of the quads subject p ?, in store order.
func objectsOf(ctx context.Context, qs graph.QuadStore, subject quad.Value, p quad.IRI) ([]quad.Value, error) {
	return linked(ctx, qs, quad.Subject, subject, p, quad.Object)
}

// subjectsOf returns the subjects of the quads ? p object, in store order.
func subjectsOf(ctx context.Context, qs graph.QuadStore, p quad.IRI, object quad.Value) ([]quad.Value, error) {
	return linked(ctx, qs, quad.Object, object, p, quad.Subject)
}

// linked returns the values in direction to of the quads with predicate p
// and node in direction from.
func linked(ctx context.Context, qs graph.QuadStore, from quad.Direction, node quad.Value, p quad.IRI, to quad.Direction) ([]quad.Value, error) {
	var out []quad.Value
	err := EachQuad(ctx, qs, from, node, func(q quad.Quad) error {
		if q.Predicate == p {
			out = append(out, q.Get(to))
		}
		return nil
	})
	return out, err
}
