package corpus_test

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"hospkg/graph"
	"hospkg/nlp"
	"hospkg/pipeline"
)

var (
	pipelineOnce sync.Once
	sharedNLP    *nlp.Pipeline
	nlpErr       error
)

func newNLP(t testing.TB) *nlp.Pipeline {
	t.Helper()
	pipelineOnce.Do(func() { sharedNLP, nlpErr = nlp.NewPipeline() })
	if nlpErr != nil {
		t.Fatal(nlpErr)
	}
	return sharedNLP
}

// files yields the named test files in the order given.
func files(names ...string) iter.Seq2[pipeline.Source, error] {
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join("testdata", n)
	}
	return pipeline.Sources(paths)
}

// build runs each list of files as one build into one memstore, in turn
// (incremental builds), and returns the store's JSONL export and stats.
func build(t *testing.T, runs ...[]string) (string, graph.Stats) {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open("memstore", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, run := range runs {
		if _, err := pipeline.Run(ctx, newNLP(t), files(run...), pipeline.NewStoreWriter(st.QuadStore(), 0), pipeline.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := graph.WriteJSONL(ctx, st.QuadStore(), &out); err != nil {
		t.Fatal(err)
	}
	stats, err := graph.ComputeStats(ctx, st.QuadStore())
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), stats
}

// extract is extract --format jsonl over the files.
func extract(t *testing.T, names ...string) string {
	t.Helper()
	c := graph.NewJSONLCollector()
	if _, err := pipeline.Run(context.Background(), newNLP(t), files(names...), pipeline.NewJSONLWriter(c), pipeline.Options{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := c.WriteJSONL(&out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// entities returns the entity lines of an export by ID.
func entities(t *testing.T, export string) map[string]graph.EntityLine {
	t.Helper()
	out := make(map[string]graph.EntityLine)
	for _, line := range strings.Split(strings.TrimSpace(export), "\n") {
		var e graph.EntityLine
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		if e.Kind == "entity" {
			out[e.ID] = e
		}
	}
	return out
}

func TestShortFormResolvesInEitherOrder(t *testing.T) {
	a, b := "pair/a_defines.txt", "pair/b_uses.txt"
	cases := []struct {
		name string
		runs [][]string
	}{
		{"defining first", [][]string{{a, b}}},
		{"using first", [][]string{{b, a}}},
		{"incremental, defining first", [][]string{{a}, {b}}},
		{"incremental, using first", [][]string{{b}, {a}}},
	}
	var want string
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			export, stats := build(t, tc.runs...)
			es := entities(t, export)
			h, ok := es["Hospital/北京大学第一医院"]
			if !ok || strings.Join(h.Docs, ",") != "a_defines.txt,b_uses.txt" || strings.Join(h.Aliases, ",") != "北大医院" {
				t.Errorf("北京大学第一医院: %+v", h)
			}
			if _, ok := es["Hospital/北大医院"]; ok {
				t.Error("北大医院 is a node of its own")
			}
			if o := es["Official/Hospital/北京大学第一医院/王俊"]; len(o.Docs) != 2 {
				t.Errorf("王俊 is not one node of both documents: %+v", o)
			}
			if stats.ResolvedAcross != 1 || stats.MergedMentions < 1 {
				t.Errorf("stats: %d resolved across documents, %d mentions", stats.ResolvedAcross, stats.MergedMentions)
			}
			if want == "" {
				want = export
			} else if export != want {
				t.Errorf("the export differs from the first build's:\n%s\nwant\n%s", export, want)
			}
			if got := extract(t, tc.runs[0]...); len(tc.runs) == 1 && got != export {
				t.Errorf("extract --format jsonl differs from the build's export:\n%s\nwant\n%s", got, export)
			}
		})
	}
}

func TestAmbiguousShortFormStaysApart(t *testing.T) {
	c1, c2, d := "ambiguous/c1_beijing.txt", "ambiguous/c2_wuhan.txt", "ambiguous/d_uses.txt"
	cases := []struct {
		name string
		runs [][]string
	}{
		{"one build", [][]string{{c1, c2, d}}},
		{"using one first", [][]string{{d, c2, c1}}},
		{"incremental", [][]string{{c1}, {c2}, {d}}},
	}
	var want string
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			export, stats := build(t, tc.runs...)
			es := entities(t, export)
			if e, ok := es["Hospital/协和医院"]; !ok || strings.Join(e.Docs, ",") != "d_uses.txt" {
				t.Errorf("协和医院 of d_uses.txt is not kept apart: %+v", e)
			}
			for _, id := range []string{"Hospital/北京协和医院", "Hospital/华中科技大学同济医学院附属协和医院"} {
				if e := es[id]; len(e.Docs) != 1 {
					t.Errorf("%s: %+v", id, e)
				}
			}
			if stats.AmbiguousShortForms != 1 || stats.ResolvedAcross != 0 {
				t.Errorf("stats: %d ambiguous short forms, %d resolved", stats.AmbiguousShortForms, stats.ResolvedAcross)
			}
			if want == "" {
				want = export
			} else if export != want {
				t.Errorf("the export differs from the first build's")
			}
		})
	}
}

// TestStoredExtractionRoundTrip reads back every seed and corpus article's
// quads as an extraction: DocumentQuads of it must be the same quads, since
// merging across documents rewrites stored documents that way.
func TestStoredExtractionRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the corpus")
	}
	xs, _, err := pipeline.Extractions(context.Background(), newNLP(t), pipeline.Sources([]string{"../eval/corpus/docs", "../seeds"}), pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(xs) < 200 {
		t.Fatalf("%d documents", len(xs))
	}
	for _, x := range xs {
		quads, err := graph.DocumentQuads(x)
		if err != nil {
			t.Fatal(err)
		}
		back, err := graph.ExtractionOfQuads(x.Doc.Name, quads)
		if err != nil {
			t.Fatal(err)
		}
		again, err := graph.DocumentQuads(back)
		if err != nil {
			t.Fatal(err)
		}
		del, add := graph.DiffQuads(quads, again)
		if len(del)+len(add) > 0 {
			t.Errorf("%s: read back, %d quads lost and %d added; first: %v %v", x.Doc.Name, len(del), len(add), del[:min(1, len(del))], add[:min(1, len(add))])
		}
	}
}
