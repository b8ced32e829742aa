package queries

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	hkgraph "hospkg/graph"
)

// TestNativeMatchesScript holds each Go twin to its script: the same rows,
// duplicates included (a limit counts them), in the same order for an
// @ordered query.
func TestNativeMatchesScript(t *testing.T) {
	ctx := context.Background()
	// On bolt too: there the twins read the KV indexes themselves.
	st, err := hkgraph.Open("bolt", filepath.Join(t.TempDir(), "db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var deltas []graph.Delta
	seeds := seedQuadStore(t)
	it := seeds.QuadsAllIterator()
	for it.Next(ctx) {
		deltas = append(deltas, graph.Delta{Quad: seeds.Quad(it.Result()), Action: graph.Add})
	}
	if err := errors.Join(it.Err(), it.Close()); err != nil {
		t.Fatal(err)
	}
	if err := st.QuadStore().ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreDup: true}); err != nil {
		t.Fatal(err)
	}
	for _, store := range []struct {
		name string
		qs   graph.QuadStore
	}{{"memstore", seeds}, {"bolt", st.QuadStore()}} {
		t.Run(store.name, func(t *testing.T) { testNativeMatchesScript(t, store.qs) })
	}
}

func testNativeMatchesScript(t *testing.T, qs graph.QuadStore) {
	ctx := context.Background()
	names := []string{"北大医院", "北京大学第一医院密云医院", "柳州市工人医院", "密云区委", "衡水市第二人民醫院", "梁君奎", "北大医院密云医院"}
	tests := []struct {
		query string
		args  []map[string]string
	}{
		{"supported", argsOf("name", names)},
		{"affiliations", argsOf("name", names)},
		{"network", append(argsOf("name", names), map[string]string{"name": "北大医院", "hops": "1"}, map[string]string{"name": "柳州市工人医院", "hops": "4"})},
		{"common", []map[string]string{{"a": "北大医院", "b": "密云区委"}, {"a": "柳州市工人医院", "b": "北大医院"}, {"a": "密云区委", "b": "北京大学第一医院密云医院"}}},
	}
	for _, tc := range tests {
		q, err := ByName(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range tc.args {
			t.Run(fmt.Sprintf("%s %v", tc.query, args), func(t *testing.T) {
				params, err := q.paramValues(ctx, qs, args)
				if err != nil {
					t.Skipf("no such entity in the seeds: %v", err)
				}
				native, ok, err := natives[q.Name](ctx, qs, params)
				if err != nil || !ok {
					t.Fatalf("native: ok %v, error %v", ok, err)
				}
				script, err := q.script(params)
				if err != nil {
					t.Fatal(err)
				}
				want, err := runScript(ctx, qs, script, 0)
				if err != nil {
					t.Fatal(err)
				}
				got, exp := rowKeys(native), rowKeys(want)
				if !q.Ordered {
					sort.Strings(got)
					sort.Strings(exp)
				}
				if strings.Join(got, "\n") != strings.Join(exp, "\n") {
					t.Errorf("native rows:\n%s\nscript rows:\n%s", strings.Join(got, "\n"), strings.Join(exp, "\n"))
				}
			})
		}
	}
}

func argsOf(param string, values []string) []map[string]string {
	out := make([]map[string]string, len(values))
	for i, v := range values {
		out[i] = map[string]string{param: v}
	}
	return out
}

// rowKeys writes each raw row as one line, tags sorted, without the id
// Gizmo adds (the node a path ends on), which no table shows.
func rowKeys(rows []map[string]quad.Value) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		var cells []string
		for tag, v := range r {
			if tag != "id" {
				cells = append(cells, tag+"="+v.String())
			}
		}
		sort.Strings(cells)
		out[i] = strings.Join(cells, " ")
	}
	return out
}

func TestJSLess(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"a", "b", true},
		{"ab", "a", false},
		{"a", "ab", true},
		{"\U00020000", "\uFF01", true}, // a surrogate pair sorts before U+FF01 in JavaScript
		{"\uFF01", "\U00020000", false},
		{"北", "南", true},
	}
	for _, tc := range tests {
		if got := jsLess(tc.a, tc.b); got != tc.want {
			t.Errorf("jsLess(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
