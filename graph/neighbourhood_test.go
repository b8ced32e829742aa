package graph

import (
	"context"
	"slices"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

func neighbourhoodStore(t testing.TB) graph.QuadStore {
	t.Helper()
	st, err := Open("memstore", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := ReplaceDocument(context.Background(), st.QuadStore(), miyunV1("a.txt")); err != nil {
		t.Fatal(err)
	}
	if err := ReplaceDocument(context.Background(), st.QuadStore(), otherDoc("b.txt")); err != nil {
		t.Fatal(err)
	}
	return st.QuadStore()
}

func TestReadNeighbourhood(t *testing.T) {
	qs := neighbourhoodStore(t)
	for _, tc := range []struct {
		name      string
		centre    string
		opts      NeighbourhoodOptions
		nodes     []string // names, in order
		edges     int
		truncated bool
		evidence  int // documents stating the supports fact, when drawn
	}{
		{"one hop", idMiyun, NeighbourhoodOptions{Hops: 1},
			[]string{"北京大学第一医院密云医院", "北京大学第一医院"}, 2, false, 2},
		{"two hops reach the department", idMiyun, NeighbourhoodOptions{Hops: 2},
			[]string{"北京大学第一医院密云医院", "北京大学第一医院", "整形烧伤外科"}, 3, false, 2},
		{"a position is an edge to the organisation", idNHC, NeighbourhoodOptions{Hops: 1},
			[]string{"国家卫生健康委应急司", "郭燕红"}, 1, false, 0},
		{"predicate filter", idMiyun, NeighbourhoodOptions{Hops: 2, Predicates: []string{"affiliated_with"}},
			[]string{"北京大学第一医院密云医院", "北京大学第一医院"}, 1, false, 0},
		{"type filter", idPKUFirst, NeighbourhoodOptions{Hops: 1, Types: []string{"Department"}},
			[]string{"北京大学第一医院", "整形烧伤外科"}, 1, false, 0},
		{"cap", idPKUFirst, NeighbourhoodOptions{Hops: 1, MaxNodes: 2},
			[]string{"北京大学第一医院", "北京大学第一医院密云医院"}, 2, true, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := ReadNeighbourhood(t.Context(), qs, []quad.IRI{EntityIRI(tc.centre)}, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, node := range n.Nodes {
				names = append(names, node.Name)
			}
			if !slices.Equal(names, tc.nodes) {
				t.Errorf("nodes %v, want %v", names, tc.nodes)
			}
			if len(n.Edges) != tc.edges || n.Truncated != tc.truncated {
				t.Errorf("%d edges (truncated %v), want %d (%v): %+v", len(n.Edges), n.Truncated, tc.edges, tc.truncated, n.Edges)
			}
			for _, e := range n.Edges {
				if e.Predicate == "supports" && len(e.Evidence) != tc.evidence {
					t.Errorf("supports stated by %d documents, want %d: %+v", len(e.Evidence), tc.evidence, e.Evidence)
				}
				for _, ev := range e.Evidence {
					if ev.Doc == "" || ev.Text == "" {
						t.Errorf("%s: evidence without a document or sentence: %+v", e.ID, ev)
					}
				}
			}
		})
	}
	if _, err := ReadNeighbourhood(t.Context(), qs, []quad.IRI{EntityIRI(idMiyun)}, NeighbourhoodOptions{Predicates: []string{"likes"}}); err == nil {
		t.Error("an unknown predicate is no error")
	}
}

func BenchmarkReadNeighbourhood(b *testing.B) {
	qs := neighbourhoodStore(b)
	centre := []quad.IRI{EntityIRI(idMiyun)}
	for b.Loop() {
		n, err := ReadNeighbourhood(b.Context(), qs, centre, NeighbourhoodOptions{Hops: 2})
		if err != nil || len(n.Nodes) != 3 {
			b.Fatalf("%v, %d nodes", err, len(n.Nodes))
		}
	}
}
