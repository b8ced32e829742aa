package graph

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"html"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad/nquads"
)

func exportFormat(t *testing.T, qs graph.QuadStore, opts ExportOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(context.Background(), qs, &buf, opts); err != nil {
		t.Fatalf("export %s: %v", opts.Format, err)
	}
	return buf.String()
}

func fixtureStore(t *testing.T) graph.QuadStore {
	t.Helper()
	qs := openTestStore(t, "memstore", "")
	build(t, qs, miyunV1("001.txt"), otherDoc("002.txt"))
	return qs
}

func TestExportNQuadsParsesBack(t *testing.T) {
	qs := fixtureStore(t)
	out := exportFormat(t, qs, ExportOptions{Format: "nquads"})
	r := nquads.NewReader(strings.NewReader(out), false)
	n, labelled := 0, 0
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("read quad %d: %v", n, err)
		}
		n++
		if q.Label != nil {
			labelled++
		}
	}
	if want := strings.Count(dumpQuads(t, qs), "\n"); n != want {
		t.Errorf("read %d quads, the store holds %d", n, want)
	}
	if labelled != n {
		t.Errorf("%d of %d quads lost their label", n-labelled, n)
	}
}

func TestExportJSONLDIsJSON(t *testing.T) {
	out := exportFormat(t, fixtureStore(t), ExportOptions{Format: "jsonld"})
	var v interface{}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("jsonld is no JSON: %v", err)
	}
	if !strings.Contains(out, "北京大学第一医院") {
		t.Error("jsonld lacks 北京大学第一医院")
	}
}

func TestExportCSV(t *testing.T) {
	qs := fixtureStore(t)
	cases := []struct {
		name    string
		opts    ExportOptions
		header  string
		wantRow string
	}{
		{"relations", ExportOptions{Format: "csv"}, "subject,subject_type,predicate,object,object_type,doc,evidence",
			"北京大学第一医院|Hospital|supports|北京大学第一医院密云医院|Hospital|001.txt|" + sentenceExperts},
		{"positions", ExportOptions{Format: "csv", Table: PositionsTable}, "person,title,org,org_type,doc,evidence",
			"郭燕红|司长|国家卫生健康委应急司|Institution|001.txt|" + sentenceMeeting},
		{"department_of", ExportOptions{Format: "csv", Filter: Filter{Predicates: []string{"department_of"}}}, "subject,subject_type,predicate,object,object_type,doc,evidence",
			"整形烧伤外科|Department|department_of|北京大学第一医院|Hospital|001.txt|" + sentenceMeeting},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := csv.NewReader(strings.NewReader(exportFormat(t, qs, tc.opts))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < 2 || strings.Join(rows[0], ",") != tc.header {
				t.Fatalf("rows %q, want header %s and data", rows, tc.header)
			}
			var joined []string
			for _, r := range rows[1:] {
				joined = append(joined, strings.Join(r, "|"))
			}
			if !slices.Contains(joined, tc.wantRow) {
				t.Errorf("no row %s in\n%s", tc.wantRow, strings.Join(joined, "\n"))
			}
		})
	}
}

// graphML is the part of GraphML the test reads back.
type graphML struct {
	Keys  []struct{ ID, For, Name string } `xml:"key"`
	Graph struct {
		Nodes []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Data   []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func TestExportGraphMLParsesBack(t *testing.T) {
	out := exportFormat(t, fixtureStore(t), ExportOptions{Format: "graphml"})
	var g graphML
	if err := xml.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("graphml: %v\n%s", err, out)
	}
	labels := make(map[string]string)
	for _, n := range g.Graph.Nodes {
		for _, d := range n.Data {
			if d.Key == "label" {
				labels[n.ID] = d.Value
			}
		}
	}
	for _, name := range []string{"北京大学第一医院", "北京大学第一医院密云医院", "郭燕红", "国家卫生健康委应急司", "整形烧伤外科"} {
		if !slices.Contains(values(labels), name) {
			t.Errorf("no node labelled %s in %v", name, labels)
		}
	}
	var edges []string
	for _, e := range g.Graph.Edges {
		var label string
		for _, d := range e.Data {
			if d.Key == "elabel" {
				label = d.Value
			}
		}
		edges = append(edges, labels[e.Source]+" "+label+" "+labels[e.Target])
	}
	for _, want := range []string{"北京大学第一医院 supports 北京大学第一医院密云医院", "郭燕红 司长 国家卫生健康委应急司", "整形烧伤外科 department_of 北京大学第一医院"} {
		if !slices.Contains(edges, want) {
			t.Errorf("no edge %s in %q", want, edges)
		}
	}
}

var (
	gmlNode = regexp.MustCompile(`node \[\s+id (\d+)\s+label "([^"]*)"`)
	gmlEdge = regexp.MustCompile(`edge \[\s+source (\d+)\s+target (\d+)\s+label "([^"]*)"`)
)

func TestExportGMLParsesBack(t *testing.T) {
	out := exportFormat(t, fixtureStore(t), ExportOptions{Format: "gml"})
	for i, r := range out {
		if r > 0x7e {
			t.Fatalf("non-ASCII %q at byte %d: networkx refuses it", r, i)
		}
	}
	if strings.Count(out, "[") != strings.Count(out, "]") || !strings.HasPrefix(out, "graph [") {
		t.Fatalf("unbalanced gml:\n%s", out)
	}
	labels := make(map[string]string)
	for _, m := range gmlNode.FindAllStringSubmatch(out, -1) {
		labels[m[1]] = html.UnescapeString(m[2])
	}
	var edges []string
	for _, m := range gmlEdge.FindAllStringSubmatch(out, -1) {
		edges = append(edges, labels[m[1]]+" "+html.UnescapeString(m[3])+" "+labels[m[2]])
	}
	if !slices.Contains(values(labels), "北京大学第一医院") {
		t.Errorf("no node labelled 北京大学第一医院 in %v", labels)
	}
	if !slices.Contains(edges, "郭燕红 司长 国家卫生健康委应急司") {
		t.Errorf("no position edge in %q", edges)
	}
}

func TestExportDOT(t *testing.T) {
	out := exportFormat(t, fixtureStore(t), ExportOptions{Format: "dot"})
	if !strings.HasPrefix(out, "digraph hospkg {") || !strings.HasSuffix(out, "}\n") {
		t.Fatalf("not a digraph:\n%s", out)
	}
	for _, want := range []string{`label="北京大学第一医院"`, `label="司长"`, ` -> `} {
		if !strings.Contains(out, want) {
			t.Errorf("dot lacks %s:\n%s", want, out)
		}
	}
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Log("graphviz is not installed: checked the DOT text only")
		return
	}
	png := filepath.Join(t.TempDir(), "g.png")
	cmd := exec.Command(dot, "-Tpng", "-o", png)
	cmd.Stdin = strings.NewReader(out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dot -Tpng: %v\n%s", err, msg)
	}
}

func TestExportFilters(t *testing.T) {
	qs := fixtureStore(t)
	relations := func(f Filter) []string {
		rows, err := csv.NewReader(strings.NewReader(exportFormat(t, qs, ExportOptions{Format: "csv", Filter: f}))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows[1:] {
			out = append(out, r[0]+" "+r[2]+" "+r[3])
		}
		return sortedUnique(out)
	}
	cases := []struct {
		name   string
		filter Filter
		want   []string
	}{
		{"predicate", Filter{Predicates: []string{"supports"}}, []string{"北京大学第一医院 supports 北京大学第一医院密云医院"}},
		{"type", Filter{Type: "Department"}, []string{"整形烧伤外科 department_of 北京大学第一医院"}},
		{"around an alias", Filter{Around: "密云医院", Hops: 1, Predicates: []string{"supports", "affiliated_with"}},
			[]string{"北京大学第一医院 supports 北京大学第一医院密云医院", "北京大学第一医院密云医院 affiliated_with 北京大学第一医院"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := relations(tc.filter); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	t.Run("around in jsonl", func(t *testing.T) {
		out := exportFormat(t, qs, ExportOptions{Format: "jsonl", Filter: Filter{Around: "郭燕红"}})
		if !strings.Contains(out, `"person":"郭燕红"`) || strings.Contains(out, `"predicate":"supports"`) {
			t.Errorf("jsonl around 郭燕红:\n%s", out)
		}
	})
	for _, bad := range []ExportOptions{
		{Format: "csv", Filter: Filter{Predicates: []string{"likes"}}},
		{Format: "csv", Filter: Filter{Type: "Person"}},
		{Format: "csv", Filter: Filter{Around: "无名医院"}},
		{Format: "csv", Table: "people"},
		{Format: "nquads", Filter: Filter{Type: "Hospital"}},
		{Format: "xml"},
	} {
		if err := Export(context.Background(), qs, io.Discard, bad); err == nil {
			t.Errorf("export %+v: no error", bad)
		}
	}
}

func values(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
