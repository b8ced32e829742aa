package queries

import (
	"context"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	hgraph "hospkg/graph"
)

// sureRows keeps the rows whose entities, and whose fact for a query whose
// rows are facts, are at least min sure. A partner_of fact is stored once,
// in either direction, so both are tried.
func (q *Query) sureRows(ctx context.Context, qs graph.QuadStore, raw []map[string]quad.Value, min float64) ([]map[string]quad.Value, error) {
	known := make(map[quad.IRI]bool)
	sure := func(node quad.IRI) (bool, error) {
		if ok, seen := known[node]; seen {
			return ok, nil
		}
		p, has, err := hgraph.FactConfidence(ctx, qs, node)
		if err != nil {
			return false, err
		}
		known[node] = !has || p >= min
		return known[node], nil
	}
	var out []map[string]quad.Value
	for _, row := range raw {
		keep := true
		for _, v := range row {
			if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), entityPrefix) {
				ok, err := sure(iri)
				if err != nil {
					return nil, err
				}
				keep = keep && ok
			}
		}
		if keep && q.Fact != nil {
			ok, err := q.sureFact(row, sure)
			if err != nil {
				return nil, err
			}
			keep = ok
		}
		if keep {
			out = append(out, row)
		}
	}
	return out, nil
}

// sureFact reports whether the fact a row stands for passes: a position by
// its node, a relation by the node of the relation between its ends.
func (q *Query) sureFact(row map[string]quad.Value, sure func(quad.IRI) (bool, error)) (bool, error) {
	subject, _ := row[q.Fact.Subject].(quad.IRI)
	object, _ := row[q.Fact.Object].(quad.IRI)
	if subject == "" || object == "" {
		return true, nil
	}
	switch predicate := strings.TrimPrefix(strings.Trim(q.Fact.Predicate, "<>"), "hk:"); predicate {
	case "holds_position":
		return sure(object)
	case "supports", "affiliated_with":
		return sure(hgraph.RelationNode(subject, predicate, object))
	case "partner_of":
		// Either direction may be the one stored; a direction never stored
		// has no confidence and passes, so both must pass.
		ok, err := sure(hgraph.RelationNode(subject, predicate, object))
		if err != nil || !ok {
			return ok, err
		}
		return sure(hgraph.RelationNode(object, predicate, subject))
	}
	return true, nil
}
