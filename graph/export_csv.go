package graph

import (
	"encoding/csv"
	"fmt"
	"io"
)

// CSV tables Export writes, for pandas, R or a spreadsheet.
const (
	// RelationsTable has one row per (fact, document) between entities:
	// supports, affiliated_with, partner_of and department_of.
	RelationsTable = "relations"
	// PositionsTable has one row per (position, document).
	PositionsTable = "positions"
)

// writeCSV writes one table of g. Positions are a table of their own because
// their title is a column no other relation has.
func writeCSV(g *entityGraph, w io.Writer, table string) error {
	cw := csv.NewWriter(w)
	switch table {
	case "", RelationsTable:
		if err := cw.Write([]string{"subject", "subject_type", "predicate", "object", "object_type", "doc", "evidence"}); err != nil {
			return err
		}
		for _, e := range g.edges {
			if e.predicate == "holds_position" {
				continue
			}
			row := []string{g.nameOf(e.from), g.typeOf(e.from), e.predicate, g.nameOf(e.to), g.typeOf(e.to), e.doc, e.evidence}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	case PositionsTable:
		if err := cw.Write([]string{"person", "title", "org", "org_type", "doc", "evidence"}); err != nil {
			return err
		}
		for _, e := range g.edges {
			if e.predicate != "holds_position" {
				continue
			}
			if err := cw.Write([]string{g.nameOf(e.from), e.title, g.nameOf(e.to), g.typeOf(e.to), e.doc, e.evidence}); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("unknown csv table %q (known: %s, %s)", table, RelationsTable, PositionsTable)
	}
	cw.Flush()
	return cw.Error()
}
