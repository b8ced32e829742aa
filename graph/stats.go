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
}

// ComputeStats counts the store in one pass over its quads.
func ComputeStats(ctx context.Context, qs graph.QuadStore) (Stats, error) {
	st := Stats{NodesByType: make(map[string]int64), EdgesByPredicate: make(map[string]int64)}
	typed := make(map[string]bool)
	it := qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		st.Quads++
		st.EdgesByPredicate[shortName(q.Predicate)]++
		if q.Predicate == StaleRanking {
			st.RankingsStale = true
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
