package graph

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// EntityLine is an entity of the JSONL export (see DESIGN.md).
type EntityLine struct {
	Kind    string   `json:"kind"`
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Parent  string   `json:"parent,omitempty"`
	Aliases []string `json:"aliases"`
	Docs    []string `json:"docs"`
	// Confidence is the probability that the entity is right, its
	// documents' combined; absent in a store built without confidences.
	Confidence *float64 `json:"confidence,omitempty"`
}

// RelationLine is one relation stated by one document.
type RelationLine struct {
	Kind      string `json:"kind"`
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Doc       string `json:"doc"`
	Evidence  string `json:"evidence"`
	// Date is when the document says the fact held: the date of the event
	// its evidence sentence tells, else the document's date; "" when the
	// document gives none.
	Date string `json:"date,omitempty"`
	// Confidence is the fact's, every document stating it combined.
	Confidence *float64 `json:"confidence,omitempty"`
}

// PositionLine is one position stated by one document.
type PositionLine struct {
	Kind     string `json:"kind"`
	Person   string `json:"person"`
	Title    string `json:"title"`
	Org      string `json:"org"`
	Doc      string `json:"doc"`
	Evidence string `json:"evidence"`
	// Date is as RelationLine's; AsOf is the document's own date, the day
	// the post is stated to hold; Former marks a post the document says is
	// held no longer (原院长).
	Date   string `json:"date,omitempty"`
	AsOf   string `json:"as_of,omitempty"`
	Former bool   `json:"former,omitempty"`
	// Confidence is the fact's, every document stating it combined.
	Confidence *float64 `json:"confidence,omitempty"`
}

// exportedRelations are the predicates written as relation lines, with their
// names in the export.
var exportedRelations = map[quad.IRI]string{
	Supports:       "supports",
	AffiliatedWith: "affiliated_with",
	PartnerOf:      "partner_of",
}

// WriteJSONL writes the graph as JSON lines: entities sorted by id, then
// relations, then positions, each sorted, so that two exports of the same
// graph are byte-for-byte equal. Entity lines are written as they are read;
// only relation and position lines are held until they are sorted.
func WriteJSONL(ctx context.Context, qs graph.QuadStore, w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	r := newGraphReader(qs)

	entities, err := r.entityNodes(ctx)
	if err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	var relations []RelationLine
	var positions []PositionLine
	for _, node := range entities {
		e, err := r.readEntity(ctx, node)
		if err != nil {
			return fmt.Errorf("export jsonl: entity %s: %w", node, err)
		}
		if err := enc.Encode(e.line); err != nil {
			return fmt.Errorf("export jsonl: %w", err)
		}
		rels, err := r.relationLines(ctx, e)
		if err != nil {
			return fmt.Errorf("export jsonl: relations of %s: %w", node, err)
		}
		relations = append(relations, rels...)
		pos, err := r.positionLines(ctx, e)
		if err != nil {
			return fmt.Errorf("export jsonl: positions of %s: %w", node, err)
		}
		positions = append(positions, pos...)
	}
	if err := encodeSorted(enc, relations, compareRelations); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	if err := encodeSorted(enc, positions, comparePositions); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	return nil
}

// encodeSorted sorts lines and writes each as a JSON line: the relation and
// position lines of every JSONL writer, so that they agree byte for byte.
func encodeSorted[T any](enc *json.Encoder, lines []T, compare func(a, b T) int) error {
	slices.SortFunc(lines, compare)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return nil
}

// compareRelations orders relation lines by subject, predicate, object,
// document and evidence: the order of those fields joined by NUL, compared
// without building the joined key.
func compareRelations(a, b RelationLine) int {
	return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Predicate, b.Predicate), cmp.Compare(a.Object, b.Object),
		cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Evidence, b.Evidence))
}

// comparePositions orders position lines by person, title, organisation,
// document and evidence.
func comparePositions(a, b PositionLine) int {
	return cmp.Or(cmp.Compare(a.Person, b.Person), cmp.Compare(a.Title, b.Title), cmp.Compare(a.Org, b.Org),
		cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Evidence, b.Evidence))
}
