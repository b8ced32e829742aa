package graph

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Filter selects part of the entity graph for an export. The zero Filter
// selects everything.
type Filter struct {
	// Predicates keeps only facts with these predicates (supports,
	// affiliated_with, partner_of, department_of, holds_position), and only
	// the entities they link.
	Predicates []string
	// Type keeps only facts with an endpoint of this entity type (Hospital,
	// Official, Department, Institution), and those entities.
	Type string
	// Around keeps only the entities within Hops facts of the entity with
	// this canonical name or alias, and the facts between them.
	Around string
	// Hops is how far Around reaches; less than 1 means 1.
	Hops int
	// MinConfidence keeps only the entities and facts at least this sure
	// (see Confidence), and the facts whose ends are kept; facts and
	// entities a store holds no confidence for are kept.
	MinConfidence float64
}

func (f Filter) empty() bool {
	return len(f.Predicates) == 0 && f.Type == "" && f.Around == "" && f.MinConfidence <= 0
}

// sure reports whether a confidence passes the filter's minimum.
func (f Filter) sure(confidence *float64) bool {
	return f.MinConfidence <= 0 || confidence == nil || *confidence >= f.MinConfidence
}

// edgePredicates are the facts between entities an entity graph holds. A
// position is an edge from the official to the organisation, with its title.
var edgePredicates = map[string]bool{
	"supports": true, "affiliated_with": true, "partner_of": true,
	"department_of": true, "holds_position": true,
}

// entityNode is one entity of the entity graph.
type entityNode struct {
	node quad.IRI
	line EntityLine
}

// factEdge is one fact between two entities as stated by one document.
type factEdge struct {
	from, to  quad.IRI
	predicate string
	title     string // holds_position only
	doc       string
	evidence  string
	// confidence is the fact's combined confidence; nil when the store
	// holds none (and for department_of, which has none of its own).
	confidence *float64
	// date, asOf and former are as the JSONL lines have them.
	date, asOf string
	former     bool
}

// entityGraph is the graph of entities and the facts between them: what
// viewers and analysis tools want, rather than quads with sentence nodes.
// It holds names and evidence, never the quads, so it is far smaller than
// the store.
type entityGraph struct {
	nodes []entityNode // sorted by node
	index map[quad.IRI]int
	edges []factEdge // sorted
}

// readEntityGraph reads every entity and the facts between them.
func readEntityGraph(ctx context.Context, qs graph.QuadStore) (*entityGraph, error) {
	r := newGraphReader(qs)
	nodes, err := r.entityNodes(ctx)
	if err != nil {
		return nil, err
	}
	g := &entityGraph{index: make(map[quad.IRI]int, len(nodes))}
	for _, node := range nodes {
		e, err := r.readEntity(ctx, node)
		if err != nil {
			return nil, fmt.Errorf("entity %s: %w", node, err)
		}
		g.index[node] = len(g.nodes)
		g.nodes = append(g.nodes, entityNode{node: node, line: e.line})
		edges, err := r.factEdges(ctx, e)
		if err != nil {
			return nil, fmt.Errorf("facts of %s: %w", node, err)
		}
		g.edges = append(g.edges, edges...)
	}
	sort.Slice(g.edges, func(i, j int) bool { return g.edges[i].key() < g.edges[j].key() })
	// A fact may name an organisation no document typed; it still becomes a
	// node, so that no edge of an export dangles.
	for _, e := range g.edges {
		if _, ok := g.index[e.to]; ok {
			continue
		}
		name, err := r.nameOf(ctx, e.to)
		if err != nil {
			return nil, err
		}
		g.index[e.to] = len(g.nodes)
		g.nodes = append(g.nodes, entityNode{node: e.to, line: EntityLine{Kind: "entity", ID: EntityID(e.to), Name: name,
			Aliases: []string{}, Docs: []string{}}})
	}
	return g, nil
}

func (e factEdge) key() string {
	return strings.Join([]string{string(e.from), e.predicate, string(e.to), e.title, e.doc, e.evidence}, "\x00")
}

// factEdges returns one edge per (fact, document) of the entity as subject,
// with the evidence of the earliest sentence, as the JSONL lines do.
func (r *graphReader) factEdges(ctx context.Context, e *entityFacts) ([]factEdge, error) {
	// readEntity keeps department_of only as a parent name; the edges need
	// the quads, for their provenance.
	var departments []quad.Quad
	err := EachQuad(ctx, r.qs, quad.Subject, e.node, func(q quad.Quad) error {
		if q.Predicate == DepartmentOf {
			departments = append(departments, q)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []factEdge
	for _, q := range earliestPerDoc(append(departments, e.relations...)) {
		edge := factEdge{from: e.node, to: iriOf(q.Object), predicate: "department_of"}
		if q.Predicate != DepartmentOf {
			edge.predicate = exportedRelations[iriOf(q.Predicate)]
			p, ok, err := r.confidenceOf(ctx, RelationNode(e.node, edge.predicate, edge.to))
			if err != nil {
				return nil, err
			}
			edge.confidence = confidencePointer(p, ok)
		}
		if edge.doc, edge.evidence, err = r.provenance(ctx, q); err != nil {
			return nil, err
		}
		if edge.predicate != "department_of" {
			if edge.date, _, err = r.factDate(ctx, iriOf(q.Label)); err != nil {
				return nil, err
			}
		}
		out = append(out, edge)
	}
	for _, q := range earliestPerDoc(e.positions) {
		titles, orgs, err := r.positionParts(ctx, iriOf(q.Object))
		if err != nil {
			return nil, err
		}
		if len(orgs) == 0 {
			continue // a position without an organisation is no edge
		}
		edge := factEdge{from: e.node, to: iriOf(orgs[0]), predicate: "holds_position"}
		if len(titles) > 0 {
			edge.title = stringOf(titles[0])
		}
		p, ok, err := r.confidenceOf(ctx, iriOf(q.Object))
		if err != nil {
			return nil, err
		}
		edge.confidence = confidencePointer(p, ok)
		if edge.doc, edge.evidence, err = r.provenance(ctx, q); err != nil {
			return nil, err
		}
		if edge.date, edge.asOf, err = r.factDate(ctx, iriOf(q.Label)); err != nil {
			return nil, err
		}
		if edge.former, err = r.formerIn(ctx, iriOf(q.Object), docOfLabel(iriOf(q.Label))); err != nil {
			return nil, err
		}
		out = append(out, edge)
	}
	return out, nil
}

// node returns the entity of an IRI, and false for a node that is no entity
// (an organisation a fact names but no document typed).
func (g *entityGraph) node(iri quad.IRI) (entityNode, bool) {
	i, ok := g.index[iri]
	if !ok {
		return entityNode{}, false
	}
	return g.nodes[i], true
}

// nameOf returns the canonical name of a node, or its entity ID.
func (g *entityGraph) nameOf(iri quad.IRI) string {
	if n, ok := g.node(iri); ok {
		return n.line.Name
	}
	return EntityID(iri)
}

func (g *entityGraph) typeOf(iri quad.IRI) string {
	n, _ := g.node(iri)
	return n.line.Type
}

// filter returns the part of the graph f selects.
func (g *entityGraph) filter(f Filter) (*entityGraph, error) {
	if f.empty() {
		return g, nil
	}
	preds := make(map[string]bool)
	for _, p := range f.Predicates {
		if !edgePredicates[p] {
			return nil, fmt.Errorf("unknown predicate %q (known: %s)", p, strings.Join(slices.Sorted(maps.Keys(edgePredicates)), ", "))
		}
		preds[p] = true
	}
	if f.Type != "" {
		if _, ok := entityTypeNames()[f.Type]; !ok {
			return nil, fmt.Errorf("unknown entity type %q (known: Department, Hospital, Institution, Official)", f.Type)
		}
	}
	if f.MinConfidence > 1 {
		return nil, fmt.Errorf("a minimum confidence of %g keeps nothing: confidences are between 0 and 1", f.MinConfidence)
	}
	sureNode := func(iri quad.IRI) bool {
		n, ok := g.node(iri)
		return !ok || f.sure(n.line.Confidence)
	}
	var edges []factEdge
	keep := make(map[quad.IRI]bool)
	for _, e := range g.edges {
		if len(preds) > 0 && !preds[e.predicate] {
			continue
		}
		if !f.sure(e.confidence) || !sureNode(e.from) || !sureNode(e.to) {
			continue
		}
		if f.Type != "" && g.typeOf(e.from) != f.Type && g.typeOf(e.to) != f.Type {
			continue
		}
		edges = append(edges, e)
		keep[e.from], keep[e.to] = true, true
	}
	// Without a predicate filter every entity stays (of the type asked
	// for); with one, only the entities the kept facts link, so that a
	// picture of one relation is not buried under isolated nodes.
	if len(preds) == 0 {
		for _, n := range g.nodes {
			if (f.Type == "" || n.line.Type == f.Type) && f.sure(n.line.Confidence) {
				keep[n.node] = true
			}
		}
	}
	if f.Around != "" {
		reached, err := g.around(f.Around, f.Hops, edges)
		if err != nil {
			return nil, err
		}
		for n := range keep {
			if !reached[n] {
				delete(keep, n)
			}
		}
		for n := range reached {
			keep[n] = true
		}
		kept := edges[:0:0]
		for _, e := range edges {
			if reached[e.from] && reached[e.to] {
				kept = append(kept, e)
			}
		}
		edges = kept
	}
	out := &entityGraph{index: make(map[quad.IRI]int), edges: edges}
	for _, n := range g.nodes {
		if keep[n.node] {
			out.index[n.node] = len(out.nodes)
			out.nodes = append(out.nodes, n)
		}
	}
	return out, nil
}

// around returns the nodes within hops edges of the entities named name,
// following edges either way: who supports a hospital matters as much as
// whom it supports.
func (g *entityGraph) around(name string, hops int, edges []factEdge) (map[quad.IRI]bool, error) {
	if hops < 1 {
		hops = 1
	}
	reached := make(map[quad.IRI]bool)
	var frontier []quad.IRI
	for _, n := range g.nodes {
		if n.line.Name == name || slices.Contains(n.line.Aliases, name) {
			reached[n.node] = true
			frontier = append(frontier, n.node)
		}
	}
	if len(frontier) == 0 {
		return nil, fmt.Errorf("no entity is named %q", name)
	}
	neighbours := make(map[quad.IRI][]quad.IRI)
	for _, e := range edges {
		neighbours[e.from] = append(neighbours[e.from], e.to)
		neighbours[e.to] = append(neighbours[e.to], e.from)
	}
	for i := 0; i < hops && len(frontier) > 0; i++ {
		var next []quad.IRI
		for _, n := range frontier {
			for _, m := range neighbours[n] {
				if !reached[m] {
					reached[m] = true
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	return reached, nil
}

// entityTypeNames are the type names entity lines carry.
func entityTypeNames() map[string]bool {
	out := make(map[string]bool, len(entityTypes))
	for _, iri := range entityTypes {
		out[strings.TrimPrefix(string(iri), "hk:")] = true
	}
	return out
}
