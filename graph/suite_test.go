package graph

import (
	"bytes"
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"

	"hospkg/intake"
	"hospkg/nlp"
)

// storeOpener opens a fresh, empty store that is closed when the test ends.
type storeOpener func(t *testing.T) graph.QuadStore

// backends are the stores the shared suite runs on, as cayley's graphtest
// runs one suite on every backend. PostgreSQL runs when HOSPKG_TEST_POSTGRES
// names a server (see postgres_test.go), in a fresh database per store, and
// is skipped otherwise.
var backends = []struct {
	name string
	open storeOpener
	// available skips the suite when the backend's server is not there;
	// nil for embedded backends.
	available func(t *testing.T)
	// checkedOpen, when set, opens a store that also checks the backend's
	// own bookkeeping when the test ends (PostgreSQL: cayley's node
	// reference counts). The shared suite uses it; tests of other paths
	// use open.
	checkedOpen storeOpener
}{
	{"memstore", func(t *testing.T) graph.QuadStore { return openTestStore(t, "memstore", "") }, nil, nil},
	{"bolt", func(t *testing.T) graph.QuadStore {
		return openTestStore(t, "bolt", filepath.Join(t.TempDir(), "db"))
	}, nil, nil},
	{"postgres", openPostgresTestStore, func(t *testing.T) { postgresAdminURL(t) }, openCheckedPostgresTestStore},
}

func openTestStore(t *testing.T, backend, path string) graph.QuadStore {
	t.Helper()
	st, err := Open(backend, path, nil)
	if err != nil {
		t.Fatalf("open %s: %v", backend, err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Errorf("close %s: %v", backend, err)
		}
	})
	return st.QuadStore()
}

func TestStoreSuite(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			if b.available != nil {
				b.available(t)
			}
			open := b.open
			if b.checkedOpen != nil {
				open = b.checkedOpen
			}
			runStoreSuite(t, open)
		})
	}
}

// runStoreSuite is the behaviour every backend must show.
func runStoreSuite(t *testing.T, open storeOpener) {
	t.Run("replace", func(t *testing.T) { testReplace(t, open) })
	t.Run("export", func(t *testing.T) { testExport(t, open) })
	t.Run("stats", func(t *testing.T) { testStats(t, open) })
	t.Run("stale rankings", func(t *testing.T) { testStaleRankings(t, open) })
}

func testReplace(t *testing.T, open storeOpener) {
	cases := []struct {
		name  string
		build []*nlp.Extraction // built in order into one store
		want  []*nlp.Extraction // built into a fresh store: what must remain
	}{
		{"rebuild same document", []*nlp.Extraction{miyunV1("a.txt"), miyunV1("a.txt")}, []*nlp.Extraction{miyunV1("a.txt")}},
		{"v2 replaces v1", []*nlp.Extraction{miyunV1("a.txt"), miyunV2("a.txt")}, []*nlp.Extraction{miyunV2("a.txt")}},
		{"v1 back after v2", []*nlp.Extraction{miyunV1("a.txt"), miyunV2("a.txt"), miyunV1("a.txt")}, []*nlp.Extraction{miyunV1("a.txt")}},
		{"shared entity keeps other document's quads",
			[]*nlp.Extraction{otherDoc("b.txt"), miyunV1("a.txt"), miyunV2("a.txt")},
			[]*nlp.Extraction{otherDoc("b.txt"), miyunV2("a.txt")}},
		{"rebuilding other document leaves first alone",
			[]*nlp.Extraction{miyunV1("a.txt"), otherDoc("b.txt"), otherDoc("b.txt")},
			[]*nlp.Extraction{miyunV1("a.txt"), otherDoc("b.txt")}},
		{"document emptied of facts",
			[]*nlp.Extraction{miyunV1("a.txt"), {Doc: intake.Document{Name: "a.txt"}}},
			[]*nlp.Extraction{{Doc: intake.Document{Name: "a.txt"}}}},
		{"similar names stay apart",
			[]*nlp.Extraction{miyunV1("a"), miyunV1("a#b"), miyunV2("a")},
			[]*nlp.Extraction{miyunV1("a#b"), miyunV2("a")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := open(t)
			build(t, got, tc.build...)
			want := open(t)
			build(t, want, tc.want...)
			if g, w := dumpQuads(t, got), dumpQuads(t, want); g != w {
				t.Errorf("quads differ from a fresh build\ngot:\n%s\nwant:\n%s", g, w)
			}
			// Leaked nodes would show in queries and stats: see cayley #737.
			if g, w := dumpNodes(t, got), dumpNodes(t, want); g != w {
				t.Errorf("nodes differ from a fresh build\ngot:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

func testExport(t *testing.T, open storeOpener) {
	qs := open(t)
	build(t, qs, miyunV1("a.txt"), otherDoc("b.txt"))
	got := exportString(t, qs)
	wantLines := []string{
		`{"kind":"entity","id":"Department/Hospital/北京大学第一医院/整形烧伤外科","name":"整形烧伤外科","type":"Department","parent":"北京大学第一医院","aliases":[],"docs":["a.txt"]}`,
		`{"kind":"entity","id":"Hospital/北京大学第一医院","name":"北京大学第一医院","type":"Hospital","aliases":["北大一院","北大医院"],"docs":["a.txt","b.txt"]}`,
		`{"kind":"entity","id":"Official/郭燕红","name":"郭燕红","type":"Official","aliases":[],"docs":["a.txt"]}`,
		`{"kind":"relation","subject":"北京大学第一医院","predicate":"supports","object":"北京大学第一医院密云医院","doc":"a.txt","evidence":"` + sentenceExperts + `"}`,
		`{"kind":"relation","subject":"北京大学第一医院","predicate":"supports","object":"北京大学第一医院密云医院","doc":"b.txt","evidence":"` + sentenceExperts + `"}`,
		`{"kind":"relation","subject":"北京大学第一医院密云医院","predicate":"affiliated_with","object":"北京大学第一医院","doc":"a.txt","evidence":"` + sentenceGuo + `"}`,
		`{"kind":"position","person":"郭燕红","title":"司长","org":"国家卫生健康委应急司","doc":"a.txt","evidence":"` + sentenceMeeting + `"}`,
	}
	for _, line := range wantLines {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("export lacks line\n%s\nexport:\n%s", line, got)
		}
	}
	if n := strings.Count(got, "\n"); n != 5+3+1 {
		t.Errorf("export has %d lines, want 9 (5 entities, 3 relations, 1 position):\n%s", n, got)
	}

	reversed := open(t)
	build(t, reversed, otherDoc("b.txt"), miyunV1("a.txt"))
	if again := exportString(t, reversed); again != got {
		t.Errorf("export depends on build order\nfirst:\n%s\nsecond:\n%s", got, again)
	}
}

func testStats(t *testing.T, open storeOpener) {
	qs := open(t)
	build(t, qs, miyunV1("a.txt"), otherDoc("b.txt"), otherDoc("b.txt"))
	st, err := ComputeStats(context.Background(), qs)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want int64
	}{
		{"documents", st.Documents, 2},
		{"sentences", st.Sentences, 4},
		{"positions", st.Positions, 1},
		{"hospitals", st.NodesByType["Hospital"], 2},
		{"departments", st.NodesByType["Department"], 1},
		{"supports edges", st.EdgesByPredicate["supports"], 2},
		{"quads", st.Quads, int64(strings.Count(dumpQuads(t, qs), "\n"))},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
}

func build(t *testing.T, qs graph.QuadStore, docs ...*nlp.Extraction) {
	t.Helper()
	for _, x := range docs {
		if err := ReplaceDocument(context.Background(), qs, x); err != nil {
			t.Fatalf("replace %s: %v", x.Doc.Name, err)
		}
	}
}

func exportString(t *testing.T, qs graph.QuadStore) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSONL(context.Background(), qs, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// dumpQuads returns every quad of the store as sorted N-Quads lines.
func dumpQuads(t *testing.T, qs graph.QuadStore) string {
	t.Helper()
	it := qs.QuadsAllIterator()
	defer it.Close()
	var lines []string
	for it.Next(context.Background()) {
		lines = append(lines, qs.Quad(it.Result()).NQuad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return sortedLines(lines)
}

// dumpNodes returns every node of the store, sorted, one a line.
func dumpNodes(t *testing.T, qs graph.QuadStore) string {
	t.Helper()
	it := qs.NodesAllIterator()
	defer it.Close()
	var lines []string
	for it.Next(context.Background()) {
		lines = append(lines, qs.NameOf(it.Result()).String())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return sortedLines(lines)
}

func sortedLines(lines []string) string {
	sort.Strings(lines)
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}
