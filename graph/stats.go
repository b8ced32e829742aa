package graph

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Stats counts what a store holds.
type Stats struct {
	// NodesByType counts the distinct nodes of each rdf:type (Hospital,
	// Document, Position, ...).
	NodesByType map[string]int64 `json:"nodes_by_type"`
	// EdgesByPredicate counts quads per predicate; a fact stated in two
	// sentences is two edges, each with its own evidence.
	EdgesByPredicate map[string]int64 `json:"edges_by_predicate"`
	Documents        int64            `json:"documents"`
	Sentences        int64            `json:"sentences"`
	Positions        int64            `json:"positions"`
	Quads            int64            `json:"quads"`
	// RankingsStale says the rankings are marked stale (RankingsStale).
	RankingsStale bool `json:"rankings_stale,omitempty"`
	// ResolvedAcross counts the (document, short name) pairs resolved to
	// an organisation another document defines the short form for
	// (ResolvedAlias), and MergedMentions the mentions of those
	// organisations in those documents: merged across documents.
	ResolvedAcross int64 `json:"resolved_across_documents"`
	MergedMentions int64 `json:"mentions_merged_across_documents"`
	// ShortForms counts the short forms documents define (ShortForm), and
	// AmbiguousShortForms those defined for more than one organisation of
	// a type, which are resolved only where a document names one of them.
	ShortForms          int64 `json:"short_forms"`
	AmbiguousShortForms int64 `json:"ambiguous_short_forms"`
}

// ComputeStats counts the store in one pass over its quads.
func ComputeStats(ctx context.Context, qs graph.QuadStore) (Stats, error) {
	st := Stats{NodesByType: make(map[string]int64), EdgesByPredicate: make(map[string]int64)}
	typed := make(map[string]bool)
	forms := make(map[string]map[quad.Value]bool) // type and short form → nodes
	type resolvedIn struct{ node, doc quad.IRI }
	resolved := make(map[resolvedIn]bool)
	it := qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		st.Quads++
		st.EdgesByPredicate[shortName(q.Predicate)]++
		switch q.Predicate {
		case StaleRanking:
			st.RankingsStale = true
		case ShortForm:
			typ, _, _ := strings.Cut(EntityID(iriOf(q.Subject)), "/")
			k := typ + "/" + stringOf(q.Object)
			if forms[k] == nil {
				forms[k] = make(map[quad.Value]bool)
			}
			forms[k][q.Subject] = true
		case ResolvedAlias:
			resolved[resolvedIn{iriOf(q.Subject), docOfLabel(iriOf(q.Label))}] = true
		}
		if q.Predicate == Type {
			key := q.Subject.String() + " " + q.Object.String()
			if !typed[key] {
				typed[key] = true
				st.NodesByType[shortName(q.Object)]++
			}
		}
	}
	if err := it.Err(); err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	st.ShortForms = int64(len(forms))
	for _, nodes := range forms {
		if len(nodes) > 1 {
			st.AmbiguousShortForms++
		}
	}
	st.ResolvedAcross = int64(len(resolved))
	for r := range resolved {
		err := EachQuad(ctx, qs, quad.Object, r.node, func(q quad.Quad) error {
			if q.Predicate == Mentions && docOfLabel(iriOf(q.Label)) == r.doc {
				st.MergedMentions++
			}
			return nil
		})
		if err != nil {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
	}
	st.Documents = st.NodesByType[shortName(DocumentType)]
	st.Sentences = st.NodesByType[shortName(SentenceType)]
	st.Positions = st.NodesByType[shortName(PositionType)]
	return st, nil
}

// shortName drops the hk: prefix of vocabulary IRIs.
func shortName(v quad.Value) string {
	return strings.TrimPrefix(stringOf(v), "hk:")
}

// WriteText writes the counts for people, one per line, sorted.
func (st Stats) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "documents: %d\nsentences: %d\npositions: %d\nquads: %d\n", st.Documents, st.Sentences, st.Positions, st.Quads)
	fmt.Fprintf(&b, "short forms defined: %d (ambiguous: %d)\nshort names resolved across documents: %d (mentions merged: %d)\n",
		st.ShortForms, st.AmbiguousShortForms, st.ResolvedAcross, st.MergedMentions)
	writeCounts(&b, "nodes by type", st.NodesByType)
	writeCounts(&b, "edges by predicate", st.EdgesByPredicate)
	if st.RankingsStale {
		fmt.Fprintf(&b, "warning: %s; top_supporters and top_supported count every organisation until one finishes\n", StaleRankingsWarning)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCounts(b *strings.Builder, title string, counts map[string]int64) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(b, "%s:\n", title)
	for _, k := range keys {
		fmt.Fprintf(b, "  %-18s %d\n", k, counts[k])
	}
}
