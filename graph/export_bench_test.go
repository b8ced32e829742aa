package graph

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
)

// BenchmarkWriteJSONLHubOfficial exports a store where one official holds
// one position in many documents: every document adds quads to the same
// position node, which once made the export quadratic in the number of
// documents (48 s for 1000). The benchmark reports the time per export and
// checks one position line per document.
func BenchmarkWriteJSONLHubOfficial(b *testing.B) {
	for _, docs := range []int{100, 1000} {
		b.Run(fmt.Sprint(docs, "docs"), func(b *testing.B) {
			qs := memstore.New()
			for i := 0; i < docs; i++ {
				if err := ReplaceDocument(context.Background(), qs, miyunV1(fmt.Sprintf("d%04d.txt", i))); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for b.Loop() {
				var out strings.Builder
				if err := WriteJSONL(context.Background(), graph.QuadStore(qs), &out); err != nil {
					b.Fatal(err)
				}
				if n := strings.Count(out.String(), `"kind":"position"`); n != docs {
					b.Fatalf("%d position lines, want %d", n, docs)
				}
			}
		})
	}
}
