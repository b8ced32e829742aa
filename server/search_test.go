package server

import (
	"fmt"
	"testing"

	"hospkg/graph"
	"hospkg/intake"
)

func entriesOf(names ...graph.EntityName) []nameEntry {
	var out []nameEntry
	for i := range names {
		e := &names[i]
		out = append(out, nameEntry{form: e.Name, simple: intake.Simplify(e.Name), entity: e})
		for _, a := range e.Aliases {
			out = append(out, nameEntry{form: a, simple: intake.Simplify(a), alias: true, entity: e})
		}
	}
	return out
}

func TestSearchRanking(t *testing.T) {
	entries := entriesOf(
		graph.EntityName{ID: "H/1", Type: "Hospital", Name: "北京大学第一医院", Aliases: []string{"北大医院"}},
		graph.EntityName{ID: "H/2", Type: "Hospital", Name: "北京大学第一医院密云医院", Aliases: []string{"北大医院密云医院", "密云医院"}},
		graph.EntityName{ID: "H/3", Type: "Hospital", Name: "衡水市第二人民医院", Aliases: []string{"衡水二院", "衡水市第二人民醫院"}},
	)
	for _, tc := range []struct {
		q    string
		want []string // IDs, in order
	}{
		{"北大医院", []string{"H/1", "H/2"}},      // the alias whole, then the one it starts
		{"密云医院", []string{"H/2"}},             // an alias whole beats containing it
		{"北京大学第一醫院", []string{"H/1", "H/2"}},  // traditional typed
		{"衡水市第二人民醫院", []string{"H/3"}},        // a traditional alias
		{"医院", []string{"H/1", "H/3", "H/2"}}, // contained: shorter names first
		{"无此", nil},
	} {
		t.Run(tc.q, func(t *testing.T) {
			var got []string
			for _, m := range search(entries, tc.q, 10) {
				got = append(got, m.ID)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("search %s: %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

// BenchmarkSearch completes a two-character prefix among 100,000 names,
// the size of a million-quad store's index.
func BenchmarkSearch(b *testing.B) {
	var names []graph.EntityName
	for i := range 100000 {
		names = append(names, graph.EntityName{ID: fmt.Sprint(i), Type: "Hospital", Name: fmt.Sprintf("第%d人民医院", i)})
	}
	entries := entriesOf(names...)
	for b.Loop() {
		if got := search(entries, "第99", 10); len(got) != 10 {
			b.Fatalf("%d matches", len(got))
		}
	}
}
