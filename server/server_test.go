package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hospkg/graph"
	"hospkg/queries"
)

// An evidence sentence of the seeds: 北京大学第一医院 supports its Miyun hospital.
const supportSentence = "北京大学第一医院"

type request struct {
	method, path, body string
}

func (r request) do(t *testing.T, base string) (int, string) {
	t.Helper()
	method := r.method
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequest(method, base+r.path, strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func q(s string) string { return url.QueryEscape(s) }

// TestEndpoints runs every endpoint on the seeds, with good and bad input,
// in order: the crashing queries come first, and the server answers the
// rest.
func TestEndpoints(t *testing.T) {
	ts := seedServer(t, Config{})
	gizmo := "/api/v2/query?lang=gizmo"
	for _, tc := range []struct {
		name string
		req  request
		code int
		want []string // in the body
	}{
		{"gizmo crash, object predicate", request{"POST", gizmo, "g.V().Out({}).All()"}, 400, []string{"cannot work"}},
		{"gizmo crash, graph as predicate", request{"POST", gizmo, "g.V().Out(g).All()"}, 400, []string{"the query failed"}},
		{"gizmo crash, object in a variable", request{"POST", gizmo, "var p = {}; g.V().Out(p).All()"}, 400, []string{"the query failed"}},
		{"gizmo crash, cyclic emit", request{"POST", gizmo, "var a = {}; a.a = a; g.Emit(a)"}, 400, []string{"error"}},
		{"gizmo syntax error", request{"POST", gizmo, "g.V(("}, 400, []string{"SyntaxError"}},
		{"gizmo runtime error", request{"POST", gizmo, "g.V().Nope()"}, 400, []string{"error"}},
		{"gizmo empty", request{"POST", gizmo, ""}, 400, []string{"query is empty"}},
		{"query without language", request{"POST", "/api/v2/query", "g.V().All()"}, 400, []string{"not specified"}},
		{"query in an unknown language", request{"POST", "/api/v2/query?lang=sparql", "x"}, 400, []string{"unknown query language"}},
		{"gizmo", request{"POST", gizmo, "g.V('北京大学第一医院').In('<hk:name>').Out('<hk:supports>').All()"}, 200,
			[]string{`"result"`, "北京大学第一医院密云医院"}},
		{"gizmo by GET", request{"GET", gizmo + "&qu=" + q("g.V('北京大学第一医院').In('<hk:name>').All()"), ""}, 200,
			[]string{"<hk:e/Hospital/北京大学第一医院>"}},
		{"gizmo crash by GET", request{"GET", gizmo + "&qu=" + q("g.V().Out({}).All()"), ""}, 400, []string{"cannot work"}},
		{"formats", request{"GET", "/api/v2/formats", ""}, 200, []string{`"id":"nquads"`, `"id":"jsonld"`}},
		{"read nquads", request{"GET", "/api/v2/read?format=nquads&pred=" + q("<hk:supports>"), ""}, 200, []string{"<hk:supports>"}},
		{"read jsonld", request{"GET", "/api/v2/read?format=jsonld&sub=" + q("<hk:e/Hospital/北京大学第一医院>"), ""}, 200, []string{`"@id"`}},
		{"write refused", request{"POST", "/api/v2/write", "<a> <b> <c> .\n"}, 403, []string{"read-only"}},
		{"delete refused", request{"POST", "/api/v2/delete", "<a> <b> <c> .\n"}, 403, []string{"read-only"}},
		{"node delete refused", request{"POST", "/api/v2/node/delete", "<a>"}, 403, []string{"read-only"}},
		{"query list", request{"GET", "/api/queries", ""}, 200, []string{`"name":"supporters"`, `"params":[{"name":"name","kind":"entity"`}},
		{"named query", request{"GET", "/api/queries/supporters?name=" + q("北大医院密云医院"), ""}, 200,
			[]string{`{"organisation":"北京大学第一医院密云医院","supporter":"北京大学第一医院"}`}},
		{"named query, traditional alias", request{"GET", "/api/queries/supporters?name=" + q("北大醫院密雲醫院"), ""}, 200,
			[]string{`"supporter":"北京大学第一医院"`}},
		{"named query with hops", request{"GET", "/api/queries/network?name=" + q("柳州市工人医院") + "&hops=2", ""}, 200,
			[]string{`{"organisation":"三江县人民医院","depth":"1"}`}},
		{"named query with evidence", request{"GET", "/api/queries/supporters?evidence=1&name=" + q("北大医院密云医院"), ""}, 200,
			[]string{`"evidence":"`, `"doc":"001_cbff99e1412477c5.txt"`}},
		{"named query, unknown", request{"GET", "/api/queries/nope", ""}, 404, []string{"no such named query"}},
		{"named query, no name", request{"GET", "/api/queries/supporters", ""}, 400, []string{"required"}},
		{"named query, unknown entity", request{"GET", "/api/queries/supporters?name=nobody", ""}, 404, []string{"no entity named nobody"}},
		{"named query, unknown parameter", request{"GET", "/api/queries/supporters?name=a&colour=red", ""}, 400, []string{"unknown parameter"}},
		{"named query, parameter twice", request{"GET", "/api/queries/supporters?name=a&name=b", ""}, 400, []string{"given 2 times"}},
		{"named query, bad hops", request{"GET", "/api/queries/network?name=" + q("柳州市工人医院") + "&hops=x", ""}, 400, []string{"no whole number"}},
		{"named query, bad limit", request{"GET", "/api/queries/supporters?name=a&limit=0", ""}, 400, []string{"limit"}},
		{"named query, bad confidence", request{"GET", "/api/queries/supporters?name=a&min_confidence=2", ""}, 400, []string{"between 0 and 1"}},
		{"search", request{"GET", "/api/search?q=" + q("北大"), ""}, 200,
			[]string{`"name":"北京大学第一医院","type":"Hospital","alias":"北大医院"`}},
		{"search, traditional", request{"GET", "/api/search?q=" + q("衡水市第二人民醫院"), ""}, 200, []string{`"name":"衡水市第二人民医院"`}},
		{"search, inside a name", request{"GET", "/api/search?q=" + q("密云医院"), ""}, 200, []string{`"name":"北京大学第一医院密云医院"`}},
		{"search, nothing", request{"GET", "/api/search?q=" + q("无此医院"), ""}, 200, []string{"[]"}},
		{"search, empty", request{"GET", "/api/search?q=", ""}, 200, []string{"[]"}},
		{"search, too long", request{"GET", "/api/search?q=" + strings.Repeat("医", 101), ""}, 400, []string{"at most 100"}},
		{"search, bad limit", request{"GET", "/api/search?q=a&limit=500", ""}, 400, []string{"limit"}},
		{"neighbourhood", request{"GET", "/api/neighbourhood?name=" + q("北大医院密云医院"), ""}, 200,
			[]string{`"centre":["Hospital/北京大学第一医院密云医院"]`, `"predicate":"supports"`, `"evidence":[{"doc":"001_cbff99e1412477c5.txt"`}},
		{"neighbourhood by id, filtered", request{"GET", "/api/neighbourhood?id=" + q("Hospital/北京大学第一医院密云医院") + "&hops=2&predicate=supports&type=Hospital", ""}, 200,
			[]string{`"name":"北京大学第一医院"`}},
		{"neighbourhood, dated evidence", request{"GET", "/api/neighbourhood?name=" + q("柳州市工人医院"), ""}, 200,
			[]string{`"doc":"002_d37fa60af83e878e.txt"`, `"date":"2023-01-22"`}},
		{"neighbourhood, capped", request{"GET", "/api/neighbourhood?name=" + q("北大医院密云医院") + "&limit=3", ""}, 200, []string{`"truncated":true`}},
		{"neighbourhood, no entity", request{"GET", "/api/neighbourhood", ""}, 400, []string{"give name="}},
		{"neighbourhood, unknown id", request{"GET", "/api/neighbourhood?id=Hospital/nobody", ""}, 404, []string{"no entity"}},
		{"neighbourhood, hops 4", request{"GET", "/api/neighbourhood?name=a&hops=4", ""}, 400, []string{"1, 2 or 3"}},
		{"neighbourhood, bad predicate", request{"GET", "/api/neighbourhood?name=" + q("北大医院") + "&predicate=likes", ""}, 400, []string{"unknown predicate"}},
		{"neighbourhood, bad type", request{"GET", "/api/neighbourhood?name=" + q("北大医院") + "&type=Person", ""}, 400, []string{"unknown entity type"}},
		{"page", request{"GET", "/", ""}, 200, []string{"<title>hospkg</title>", "/static/vendor/cytoscape.min.js"}},
		{"page of an entity", request{"GET", "/?q=" + q("北大医院密云医院"), ""}, 200,
			[]string{`data-id="Hospital/北京大学第一医院密云医院"`, `<span class="predicate">supports</span>`, `class="sentence">`, supportSentence}},
		{"page of nobody", request{"GET", "/?q=nobody", ""}, 404, []string{"no entity named nobody", "<html"}},
		{"page escapes", request{"GET", "/?q=" + q(`<script>alert(1)</script>`), ""}, 404, []string{"&lt;script&gt;"}},
		{"facts", request{"GET", "/facts?id=" + q("Hospital/北京大学第一医院密云医院"), ""}, 200, []string{`class="sentence"`}},
		{"facts of nothing", request{"GET", "/facts", ""}, 400, []string{"give name= or id="}},
		{"vendored cytoscape", request{"GET", "/static/vendor/cytoscape.min.js", ""}, 200, []string{"cytoscape"}},
		{"cytoscape licence", request{"GET", "/static/vendor/cytoscape.LICENSE", ""}, 200, []string{"Cytoscape Consortium"}},
		{"script", request{"GET", "/static/app.js", ""}, 200, []string{"/api/neighbourhood"}},
		{"unknown path", request{"GET", "/nope", ""}, 404, nil},
		{"body too large", request{"POST", gizmo, strings.Repeat(" ", DefaultMaxBody+1)}, 413, []string{"over 1048576 bytes"}},
		{"gizmo after the crashes", request{"POST", gizmo, "g.V('<hk:Hospital>').In('<rdf:type>').Count()"}, 200, []string{`"result"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := tc.req.do(t, ts.URL)
			if code != tc.code {
				t.Errorf("%s %s: status %d, want %d\n%.500s", tc.req.method, tc.req.path, code, tc.code, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s %s: no %q in\n%.1500s", tc.req.method, tc.req.path, w, body)
				}
			}
		})
	}
}

// TestReservedParams: no named query takes a parameter the server reads
// itself.
func TestReservedParams(t *testing.T) {
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, qu := range all {
		for _, p := range qu.Params {
			if reservedParams[p.Name] {
				t.Errorf("query %s takes %s, which GET /api/queries/%s reads itself", qu.Name, p.Name, qu.Name)
			}
		}
	}
}

// TestTimeout: a query running past the timeout is interrupted with a 4xx
// or 504 that says so, and the server answers the next one.
func TestTimeout(t *testing.T) {
	ts := seedServer(t, Config{Timeout: 300 * time.Millisecond})
	start := time.Now()
	code, body := request{"POST", "/api/v2/query?lang=gizmo", "while (true) {}"}.do(t, ts.URL)
	if code != http.StatusBadRequest || !strings.Contains(body, "deadline exceeded") {
		t.Errorf("endless Gizmo: %d %s; want 400 and deadline exceeded", code, body)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("endless Gizmo took %v with a 300 ms timeout", took)
	}
	code, body = request{"GET", "/api/queries/supporters?name=" + q("北大医院密云医院"), ""}.do(t, ts.URL)
	if code != http.StatusOK {
		t.Errorf("after the timeout: %d %s", code, body)
	}

	ts = seedServer(t, Config{Timeout: time.Nanosecond})
	for _, path := range []string{
		"/api/queries/network?name=" + q("柳州市工人医院") + "&hops=3",
		"/api/neighbourhood?name=" + q("柳州市工人医院") + "&hops=3",
	} {
		code, body := request{"GET", path, ""}.do(t, ts.URL)
		if code != http.StatusGatewayTimeout || !strings.Contains(body, "time limit") {
			t.Errorf("%s with a 1 ns timeout: %d %s; want 504 and time limit", path, code, body)
		}
	}
}

// TestLimit: the row limit bounds Gizmo and the named queries.
func TestLimit(t *testing.T) {
	ts := seedServer(t, Config{Limit: 2})
	code, body := request{"POST", "/api/v2/query?lang=gizmo", "g.V('<hk:Hospital>').In('<rdf:type>').All()"}.do(t, ts.URL)
	var got struct{ Result []any }
	if err := json.Unmarshal([]byte(body), &got); code != 200 || err != nil || len(got.Result) != 2 {
		t.Errorf("Gizmo with limit 2: %d, %d results (%v)", code, len(got.Result), err)
	}
	code, body = request{"GET", "/api/queries/departments?name=" + q("北京大学第一医院密云医院") + "&limit=100", ""}.do(t, ts.URL)
	var rows []map[string]string
	if err := json.Unmarshal([]byte(body), &rows); code != 200 || err != nil || len(rows) != 2 {
		t.Errorf("named query with limit 2: %d, %d rows (%v)", code, len(rows), err)
	}
}

// TestWrite: with Write, a write lands, marks the rankings stale (as every
// writer does) and reaches search.
func TestWrite(t *testing.T) {
	ts := seedServer(t, Config{Write: true})
	if code, body := (request{"GET", "/api/search?q=" + q("测试医院"), ""}).do(t, ts.URL); code != 200 || body != "[]\n" {
		t.Fatalf("before the write: %d %s", code, body)
	}
	nq := `<hk:e/Hospital/测试医院> <rdf:type> <hk:Hospital> <hk:doc/test.txt> .
<hk:e/Hospital/测试医院> <hk:name> "测试医院" <hk:doc/test.txt> .
`
	if code, body := (request{"POST", "/api/v2/write", nq}).do(t, ts.URL); code != 200 || !strings.Contains(body, "Successfully wrote 2 quads") {
		t.Fatalf("write: %d %s", code, body)
	}
	code, body := request{"GET", "/api/search?q=" + q("测试医院"), ""}.do(t, ts.URL)
	if code != 200 || !strings.Contains(body, `"id":"Hospital/测试医院"`) {
		t.Errorf("search after the write: %d %s", code, body)
	}
	code, body = request{"POST", "/api/v2/query?lang=gizmo", "g.V('<hk:ranking/supporters>').Out('<hk:stale>').All()"}.do(t, ts.URL)
	if code != 200 || !strings.Contains(body, "true") {
		t.Errorf("the rankings are not marked stale after a write: %d %s", code, body)
	}
}

// TestNamesOfSeeds: the search index reads every entity with its aliases.
func TestNamesOfSeeds(t *testing.T) {
	st := seedStore(t, false)
	names, err := graph.EntityNames(t.Context(), st.QuadStore())
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, n := range names {
		if n.Name == "北京大学第一医院" && n.Type == "Hospital" && strings.Contains(strings.Join(n.Aliases, " "), "北大医院") {
			found = true
		}
	}
	if !found || len(names) < 100 {
		t.Errorf("%d names, 北京大学第一医院 with its alias found: %v", len(names), found)
	}
}
