package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// EntityName is the names one entity goes by: what a search box completes.
type EntityName struct {
	ID      string // EntityID
	Type    string // Hospital, Official, Department, Institution
	Name    string // canonical
	Aliases []string
}

// EntityNames returns the names and aliases of every entity, sorted by ID.
// It reads the type index for the entities and two (subject, predicate)
// index prefixes per entity, never an entity's other quads: on the
// 1M-quad synthetic store that is a few seconds, once, for a server's
// search index.
func EntityNames(ctx context.Context, qs graph.QuadStore) ([]EntityName, error) {
	var out []EntityName
	seen := make(map[quad.IRI]bool)
	for _, typ := range []quad.IRI{HospitalType, OfficialType, DepartmentType, InstitutionType} {
		subjects, err := subjectsOf(ctx, qs, Type, typ)
		if err != nil {
			return nil, err
		}
		for _, s := range subjects {
			node, ok := s.(quad.IRI)
			if !ok || seen[node] {
				continue
			}
			seen[node] = true
			names, err := objectValues(ctx, qs, node, Name)
			if err != nil {
				return nil, err
			}
			aliases, err := objectValues(ctx, qs, node, Alias)
			if err != nil {
				return nil, err
			}
			e := EntityName{ID: EntityID(node), Type: strings.TrimPrefix(string(typ), "hk:"), Name: EntityID(node)}
			if names = sortedUnique(names); len(names) > 0 {
				e.Name = names[0]
				aliases = append(aliases, names[1:]...)
			}
			for _, a := range sortedUnique(aliases) {
				if a != e.Name {
					e.Aliases = append(e.Aliases, a)
				}
			}
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// objectValues returns the distinct objects of the quads subject p ?, as
// text, through one scan of the (subject, predicate) index prefix: the
// shape of objects, not of quads, is what cayley turns into that scan.
func objectValues(ctx context.Context, qs graph.QuadStore, subject quad.IRI, p quad.IRI) ([]string, error) {
	it := shape.BuildIterator(qs, shape.NodesFrom{Dir: quad.Object, Quads: shape.Quads{
		{Dir: quad.Subject, Values: shape.Lookup{subject}},
		{Dir: quad.Predicate, Values: shape.Lookup{p}},
	}})
	defer it.Close()
	var out []string
	for it.Next(ctx) {
		out = append(out, stringOf(qs.NameOf(it.Result())))
	}
	return out, it.Err()
}
