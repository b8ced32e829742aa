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

// Neighbourhood is the part of the entity graph within a few facts of some
// entities: what a viewer draws around the entity a reader chose. It is read
// entity by entity from the store's indexes, never from the whole graph, and
// stops at a number of entities, so that it costs the same on a million
// quads as on the seeds.
type Neighbourhood struct {
	// Centre holds the IDs of the entities it is drawn around.
	Centre []string        `json:"centre"`
	Nodes  []NeighbourNode `json:"nodes"` // by depth, then ID
	Edges  []NeighbourEdge `json:"edges"` // by ID
	// Truncated says more entities were within reach than MaxNodes; Omitted
	// counts those seen and left out (more lie beyond them).
	Truncated bool `json:"truncated"`
	Omitted   int  `json:"omitted"`
}

// NeighbourNode is one entity of a neighbourhood.
type NeighbourNode struct {
	ID         string   `json:"id"` // EntityID, as the JSONL export's
	Name       string   `json:"name"`
	Type       string   `json:"type"`
	Parent     string   `json:"parent,omitempty"`
	Aliases    []string `json:"aliases"`
	Docs       []string `json:"docs"`
	Confidence *float64 `json:"confidence,omitempty"`
	// Depth is the number of facts on the shortest way from the centre.
	Depth int `json:"depth"`
}

// NeighbourEdge is one fact between two entities of a neighbourhood, with
// every document that states it.
type NeighbourEdge struct {
	ID        string `json:"id"`
	Source    string `json:"source"` // node IDs
	Target    string `json:"target"`
	Predicate string `json:"predicate"`       // supports, …, holds_position
	Title     string `json:"title,omitempty"` // holds_position only
	// Confidence is the fact's, every document combined; absent when the
	// store holds none (department_of has none of its own).
	Confidence *float64   `json:"confidence,omitempty"`
	Evidence   []Evidence `json:"evidence"` // by document
}

// Evidence is the earliest sentence of one document stating a fact.
type Evidence struct {
	Doc  string `json:"doc"`
	Text string `json:"text"`
	// Date is when the document says the fact held (the sentence's event
	// date, else the document's); "" when it gives none.
	Date string `json:"date,omitempty"`
}

// NeighbourhoodOptions bound and filter ReadNeighbourhood.
type NeighbourhoodOptions struct {
	// Hops is how many facts away from the centre to go; less than 1 is 1.
	Hops int
	// MaxNodes caps the entities, the centre included; less than 1 is 100.
	MaxNodes int
	// Predicates keeps only facts with these predicates (Filter's names);
	// empty keeps all.
	Predicates []string
	// Types keeps only entities of these types, besides the centre; empty
	// keeps all.
	Types []string
	// MinConfidence drops facts and entities less sure than this.
	MinConfidence float64
}

// incident is one fact quad touching an entity, before its names and
// provenance are read: those are read only for the facts kept.
type incident struct {
	q         quad.Quad // the stating quad (for a position: holds_position)
	from, to  quad.IRI  // entity nodes
	predicate string
	position  quad.IRI // holds_position only
}

func (i incident) other(node quad.IRI) quad.IRI {
	if i.from == node {
		return i.to
	}
	return i.from
}

// ReadNeighbourhood reads the entities within opts.Hops facts of centre,
// following facts either way, breadth first, entities of one depth in ID
// order, and the facts between the entities it reached. Past opts.MaxNodes
// entities it reaches no further and says so (Truncated).
func ReadNeighbourhood(ctx context.Context, qs graph.QuadStore, centre []quad.IRI, opts NeighbourhoodOptions) (*Neighbourhood, error) {
	if len(centre) == 0 {
		return nil, fmt.Errorf("neighbourhood: no entity to start from")
	}
	if opts.Hops < 1 {
		opts.Hops = 1
	}
	if opts.MaxNodes < 1 {
		opts.MaxNodes = 100
	}
	for _, p := range opts.Predicates {
		if !edgePredicates[p] {
			return nil, fmt.Errorf("neighbourhood: unknown predicate %q (known: %s)", p, strings.Join(slices.Sorted(maps.Keys(edgePredicates)), ", "))
		}
	}
	known := entityTypeNames()
	for _, t := range opts.Types {
		if !known[t] {
			return nil, fmt.Errorf("neighbourhood: unknown entity type %q (known: %s)", t, strings.Join(slices.Sorted(maps.Keys(known)), ", "))
		}
	}
	n := &neighbourhoodReader{r: newGraphReader(qs), opts: opts, lines: make(map[quad.IRI]*EntityLine), texts: make(map[quad.IRI]string),
		depth: make(map[quad.IRI]int), omitted: make(map[quad.IRI]bool)}
	return n.read(ctx, centre)
}

type neighbourhoodReader struct {
	r       *graphReader
	texts   map[quad.IRI]string // sentence texts: facts share sentences
	opts    NeighbourhoodOptions
	lines   map[quad.IRI]*EntityLine
	depth   map[quad.IRI]int
	order   []quad.IRI
	omitted map[quad.IRI]bool
}

func (n *neighbourhoodReader) read(ctx context.Context, centre []quad.IRI) (*Neighbourhood, error) {
	out := &Neighbourhood{Nodes: []NeighbourNode{}, Edges: []NeighbourEdge{}}
	frontier := slices.Clone(centre)
	slices.Sort(frontier)
	frontier = slices.Compact(frontier)
	for _, c := range frontier {
		n.depth[c] = 0
		n.order = append(n.order, c)
		out.Centre = append(out.Centre, EntityID(c))
	}
	facts := make(map[string]incident)
	// Every reached entity is expanded, the outer ring too, so that facts
	// between two entities of the outer ring are drawn; entities found from
	// the outer ring are not added.
	for depth := 0; len(frontier) > 0; depth++ {
		var next []quad.IRI
		for _, node := range frontier {
			// The store's iterators do not look at ctx: the walk does,
			// entity by entity.
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			found, err := n.incidents(ctx, node)
			if err != nil {
				return nil, err
			}
			for _, f := range found {
				other := f.other(node)
				if _, reached := n.depth[other]; !reached {
					if depth+1 > n.opts.Hops {
						continue
					}
					ok, err := n.admits(ctx, other, f)
					if err != nil {
						return nil, err
					}
					if !ok {
						continue
					}
					if len(n.order) >= n.opts.MaxNodes {
						n.omitted[other] = true
						continue
					}
					n.depth[other] = depth + 1
					n.order = append(n.order, other)
					next = append(next, other)
				}
				facts[incidentKey(f)] = f
			}
		}
		frontier = next
	}
	out.Truncated, out.Omitted = len(n.omitted) > 0, len(n.omitted)
	for _, node := range n.order {
		line, err := n.line(ctx, node)
		if err != nil {
			return nil, err
		}
		out.Nodes = append(out.Nodes, NeighbourNode{ID: line.ID, Name: line.Name, Type: line.Type, Parent: line.Parent,
			Aliases: line.Aliases, Docs: line.Docs, Confidence: line.Confidence, Depth: n.depth[node]})
	}
	sort.SliceStable(out.Nodes, func(i, j int) bool {
		if out.Nodes[i].Depth != out.Nodes[j].Depth {
			return out.Nodes[i].Depth < out.Nodes[j].Depth
		}
		return out.Nodes[i].ID < out.Nodes[j].ID
	})
	edges, err := n.edges(ctx, facts)
	if err != nil {
		return nil, err
	}
	out.Edges = edges
	return out, nil
}

// admits reports whether an entity reached through fact f passes the type
// and confidence filters, and the fact the confidence filter.
func (n *neighbourhoodReader) admits(ctx context.Context, node quad.IRI, f incident) (bool, error) {
	line, err := n.line(ctx, node)
	if err != nil {
		return false, err
	}
	if len(n.opts.Types) > 0 && !slices.Contains(n.opts.Types, line.Type) {
		return false, nil
	}
	if !n.sure(line.Confidence) {
		return false, nil
	}
	if node := confidenceNodeOf(f); n.opts.MinConfidence > 0 && node != "" {
		p, ok, err := n.r.confidenceOf(ctx, node)
		if err != nil {
			return false, err
		}
		return n.sure(confidencePointer(p, ok)), nil
	}
	return true, nil
}

// confidenceNodeOf is the node holding a fact's confidence: the position
// node, or the relation node; "" for department_of, which has none.
func confidenceNodeOf(f incident) quad.IRI {
	switch f.predicate {
	case "holds_position":
		return f.position
	case "department_of":
		return ""
	}
	return RelationNode(f.from, f.predicate, f.to)
}

func (n *neighbourhoodReader) sure(p *float64) bool {
	return n.opts.MinConfidence <= 0 || p == nil || *p >= n.opts.MinConfidence
}

func (n *neighbourhoodReader) line(ctx context.Context, node quad.IRI) (*EntityLine, error) {
	if l, ok := n.lines[node]; ok {
		return l, nil
	}
	e, err := n.r.readEntity(ctx, node)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", node, err)
	}
	n.lines[node] = &e.line
	return &e.line, nil
}

func (n *neighbourhoodReader) wants(predicate string) bool {
	return len(n.opts.Predicates) == 0 || slices.Contains(n.opts.Predicates, predicate)
}

// incidents returns the fact quads with node at either end, relations
// first, then positions, then departments, each in the order of the entity
// at the other end: relations and departments both ways, the
// positions an official holds, and the positions held at an organisation.
func (n *neighbourhoodReader) incidents(ctx context.Context, node quad.IRI) ([]incident, error) {
	var out []incident
	var positions []quad.IRI
	err := EachQuad(ctx, n.r.qs, quad.Subject, node, func(q quad.Quad) error {
		switch {
		case q.Predicate == DepartmentOf && n.wants("department_of"):
			out = append(out, incident{q: q, from: node, to: iriOf(q.Object), predicate: "department_of"})
		case q.Predicate == HoldsPosition && n.wants("holds_position"):
			_, orgs, err := n.r.positionParts(ctx, iriOf(q.Object))
			if err != nil || len(orgs) == 0 {
				return err // a position without an organisation is no edge
			}
			out = append(out, incident{q: q, from: node, to: iriOf(orgs[0]), predicate: "holds_position", position: iriOf(q.Object)})
		default:
			if p, ok := exportedRelations[iriOf(q.Predicate)]; ok && n.wants(p) {
				out = append(out, incident{q: q, from: node, to: iriOf(q.Object), predicate: p})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = EachQuad(ctx, n.r.qs, quad.Object, node, func(q quad.Quad) error {
		switch {
		case q.Predicate == DepartmentOf && n.wants("department_of"):
			out = append(out, incident{q: q, from: iriOf(q.Subject), to: node, predicate: "department_of"})
		case q.Predicate == Org && n.wants("holds_position"):
			positions = append(positions, iriOf(q.Subject))
		default:
			if p, ok := exportedRelations[iriOf(q.Predicate)]; ok && n.wants(p) {
				out = append(out, incident{q: q, from: iriOf(q.Subject), to: node, predicate: p})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, pos := range slices.Compact(positions) {
		err := EachQuad(ctx, n.r.qs, quad.Object, pos, func(q quad.Quad) error {
			if q.Predicate == HoldsPosition {
				out = append(out, incident{q: q, from: iriOf(q.Subject), to: node, predicate: "holds_position", position: pos})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	kept := out[:0]
	for _, f := range out {
		if f.from != "" && f.to != "" && f.from != f.to {
			kept = append(kept, f)
		}
	}
	// Past the cap, the links between organisations matter most, then
	// people, then the long lists of departments.
	sort.SliceStable(kept, func(i, j int) bool {
		if a, b := predicateRank[kept[i].predicate], predicateRank[kept[j].predicate]; a != b {
			return a < b
		}
		return kept[i].other(node) < kept[j].other(node)
	})
	return kept, nil
}

// predicateRank orders the facts of an entity for the cap.
var predicateRank = map[string]int{"supports": 0, "affiliated_with": 0, "partner_of": 0, "holds_position": 1, "department_of": 2}

// incidentKey is one stating quad: the same fact met from both its ends
// counts once.
func incidentKey(f incident) string {
	return strings.Join([]string{f.q.Subject.String(), f.q.Predicate.String(), f.q.Object.String(), f.q.Label.String()}, "\x00")
}

// edges turns the fact quads between reached entities into edges, one per
// fact, with the earliest sentence of each document stating it.
func (n *neighbourhoodReader) edges(ctx context.Context, facts map[string]incident) ([]NeighbourEdge, error) {
	type factKey struct {
		from, to         quad.IRI
		predicate, title string
	}
	byFact := make(map[factKey]*NeighbourEdge)
	// the earliest sentence per fact and document
	earliest := make(map[string]incident)
	for _, f := range facts {
		if _, ok := n.depth[f.from]; !ok {
			continue
		}
		if _, ok := n.depth[f.to]; !ok {
			continue
		}
		label := iriOf(f.q.Label)
		key := incidentKey(incident{q: quad.Quad{Subject: f.from, Predicate: quad.IRI(f.predicate), Object: f.to, Label: docOfLabel(label)}})
		if old, ok := earliest[key]; !ok || sentenceIndex(label) < sentenceIndex(iriOf(old.q.Label)) {
			earliest[key] = f
		}
	}
	keys := make([]string, 0, len(earliest))
	for k := range earliest {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f := earliest[k]
		fk := factKey{from: f.from, to: f.to, predicate: f.predicate}
		if f.predicate == "holds_position" {
			titles, _, err := n.r.positionParts(ctx, f.position)
			if err != nil {
				return nil, err
			}
			if len(titles) > 0 {
				fk.title = stringOf(titles[0])
			}
		}
		confidenceNode := confidenceNodeOf(f)
		e := byFact[fk]
		if e == nil {
			e = &NeighbourEdge{Source: EntityID(f.from), Target: EntityID(f.to), Predicate: f.predicate, Title: fk.title, Evidence: []Evidence{}}
			e.ID = e.Source + "|" + e.Predicate + "|" + e.Title + "|" + e.Target
			if confidenceNode != "" {
				p, ok, err := n.r.confidenceOf(ctx, confidenceNode)
				if err != nil {
					return nil, err
				}
				e.Confidence = confidencePointer(p, ok)
			}
			byFact[fk] = e
		}
		doc, text, err := n.provenance(ctx, f.q)
		if err != nil {
			return nil, err
		}
		date, _, err := n.r.factDate(ctx, iriOf(f.q.Label))
		if err != nil {
			return nil, err
		}
		e.Evidence = append(e.Evidence, Evidence{Doc: doc, Text: text, Date: date})
	}
	out := make([]NeighbourEdge, 0, len(byFact))
	for _, e := range byFact {
		if !n.sure(e.Confidence) {
			continue
		}
		sort.Slice(e.Evidence, func(i, j int) bool { return e.Evidence[i].Doc < e.Evidence[j].Doc })
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// provenance is graphReader.provenance through the (subject, predicate)
// index prefix of the sentence, not all its quads (a sentence mentions
// many entities), and remembered per sentence.
func (n *neighbourhoodReader) provenance(ctx context.Context, q quad.Quad) (doc, text string, err error) {
	label := iriOf(q.Label)
	if doc, err = n.r.fileOf(ctx, docOfLabel(label)); err != nil || sentenceIndex(label) < 0 {
		return doc, "", err
	}
	if t, ok := n.texts[label]; ok {
		return doc, t, nil
	}
	texts, err := objectValues(ctx, n.r.qs, label, Text)
	if err != nil {
		return "", "", err
	}
	if len(texts) > 0 {
		text = texts[0]
	}
	n.texts[label] = text
	return doc, text, nil
}
