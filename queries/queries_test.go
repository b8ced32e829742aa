package queries

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"

	hkgraph "hospkg/graph"
)

// row is one expected row, as column → value; a row matches when it has
// these values in these columns.
type row map[string]string

func TestNamedQueriesOnSeeds(t *testing.T) {
	qs := seedQuadStore(t)
	cases := []struct {
		name  string
		query string
		args  map[string]string
		opts  Options
		want  []row
		// check, when set, is asserted of every row.
		check func(t *testing.T, r row)
	}{
		{"supporters of 北大医院密云医院", "supporters", map[string]string{"name": "北大医院密云医院"}, Options{},
			[]row{{"organisation": "北京大学第一医院密云医院", "supporter": "北京大学第一医院"}}, nil},
		{"supporters through the alias 密云医院", "supporters", map[string]string{"name": "密云医院"}, Options{},
			[]row{{"supporter": "北京大学第一医院"}, {"supporter": "密云区委"}}, nil},
		{"supporters with evidence", "supporters", map[string]string{"name": "密云医院"}, Options{Evidence: true},
			[]row{{"supporter": "北京大学第一医院", "doc": "001_cbff99e1412477c5.txt"}},
			func(t *testing.T, r row) {
				if r["evidence"] == "" {
					t.Errorf("no evidence sentence in %v", r)
				}
			}},
		{"supporters of a traditional-script name", "supporters", map[string]string{"name": "衡水市第二人民醫院"}, Options{},
			[]row{{"organisation": "衡水市第二人民医院"}}, nil},
		{"supported by 北大医院", "supported", map[string]string{"name": "北大医院"}, Options{},
			[]row{{"organisation": "北京大学第一医院", "supported": "北京大学第一医院密云医院"}}, nil},
		{"affiliations of 柳州市工人医院", "affiliations", map[string]string{"name": "柳州市工人医院"}, Options{},
			[]row{{"member": "柳州市工人医院互联网医院", "parent": "柳州市工人医院"}}, nil},
		{"partners of 柳州市工人医院", "partners", map[string]string{"name": "柳州市工人医院"}, Options{},
			[]row{{"organisation": "柳州市工人医院", "partner": "合山市人民医院"}}, nil},
		{"partners with evidence", "partners", map[string]string{"name": "合山市人民医院"}, Options{Evidence: true},
			[]row{{"partner": "柳州市工人医院", "doc": "002_d37fa60af83e878e.txt"}}, nil},
		{"officials of 柳州市工人医院", "officials", map[string]string{"name": "柳州市工人医院"}, Options{},
			[]row{{"official": "黄海欣", "title": "院长"}, {"official": "李兵", "title": "党委书记"}}, nil},
		{"officials of 北京大学第一医院密云医院", "officials", map[string]string{"name": "北京大学第一医院密云医院"}, Options{},
			[]row{{"official": "王广发", "title": "院长"}}, nil},
		{"officials of 柳州市工人医院 as of 2023, dated", "officials", map[string]string{"name": "柳州市工人医院", "at": "2023"}, Options{},
			[]row{{"official": "黄海欣", "title": "院长", "date": "2023-01-22", "status": "current"}},
			func(t *testing.T, r row) {
				if r["date"] > "2023-12-31" {
					t.Errorf("a post stated after 2023: %v", r)
				}
			}},
		{"timeline of 柳州市工人医院, in date order", "timeline", map[string]string{"name": "柳州市工人医院"}, Options{},
			[]row{
				{"date": "2017-07", "subject": "柳州市工人医院互联网医院", "fact": "affiliated_with", "object": "柳州市工人医院"},
				{"subject": "黄海欣", "fact": "院长", "object": "柳州市工人医院", "status": "current", "doc": "002_d37fa60af83e878e.txt"},
			},
			func(t *testing.T, r row) {
				if r["evidence"] == "" || r["date"] == "" {
					t.Errorf("a timeline row without its date or sentence: %v", r)
				}
			}},
		{"departments of 北京大学第一医院密云医院", "departments", map[string]string{"name": "北京大学第一医院密云医院"}, Options{},
			[]row{{"department": "医务科"}, {"department": "肿瘤内科"}}, nil},
		{"official 梁君奎 in two positions", "official", map[string]string{"name": "梁君奎"}, Options{Evidence: true},
			[]row{{"title": "副主席", "organisation": "市政协"}, {"title": "院长", "organisation": "衡水市第二人民医院"}}, nil},
		{"network of 柳州市工人医院", "network", map[string]string{"name": "柳州市工人医院", "hops": "2"}, Options{},
			[]row{{"organisation": "合山市人民医院", "depth": "1"}, {"organisation": "三江县人民医院", "depth": "1"}}, nil},
		{"title_holders 院长", "title_holders", map[string]string{"title": "院长"}, Options{},
			[]row{{"official": "黄海欣", "organisation": "柳州市工人医院"}, {"official": "杨尹默", "organisation": "北京大学第一医院"}}, nil},
		{"title_holders in traditional script", "title_holders", map[string]string{"title": "院長"}, Options{},
			[]row{{"official": "黄海欣"}}, nil},
		{"common to 北大医院 and 密云区委", "common", map[string]string{"a": "北大医院", "b": "密云区委"}, Options{},
			[]row{{"common": "北京大学第一医院密云医院"}}, nil},
		{"evidence about 柳州市工人医院", "evidence", map[string]string{"name": "柳州市工人医院"}, Options{},
			[]row{{"entity": "柳州市工人医院", "doc": "002_d37fa60af83e878e.txt"}},
			func(t *testing.T, r row) {
				if r["evidence"] == "" {
					t.Errorf("no evidence sentence in %v", r)
				}
			}},
		{"top_supporters", "top_supporters", nil, Options{},
			[]row{{"organisation": "南通市肿瘤医院", "supports": "4"}}, nil},
		{"top_supported", "top_supported", map[string]string{"n": "1"}, Options{},
			[]row{{"organisation": "北京大学第一医院密云医院", "supporters": "4"}}, nil},
	}
	tested := make(map[string]bool)
	for _, tc := range cases {
		tested[tc.query] = true
		t.Run(tc.name, func(t *testing.T) {
			q, err := ByName(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			table, err := q.Run(context.Background(), qs, tc.args, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			rows := rowsOf(table)
			for _, want := range tc.want {
				if !containsRow(rows, want) {
					t.Errorf("no row %v in\n%v", want, rows)
				}
			}
			if tc.check != nil {
				for _, r := range rows {
					tc.check(t, r)
				}
			}
			for _, r := range rows {
				for col, v := range r {
					if strings.HasPrefix(v, "hk:") {
						t.Errorf("column %s shows an IRI: %s", col, v)
					}
				}
			}
		})
	}
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range all {
		if !tested[q.Name] {
			t.Errorf("named query %s has no test case", q.Name)
		}
	}
}

func TestEvidenceSentencesNameTheEntity(t *testing.T) {
	qs := seedQuadStore(t)
	q, err := ByName("evidence")
	if err != nil {
		t.Fatal(err)
	}
	table, err := q.Run(context.Background(), qs, map[string]string{"name": "北京大学第一医院密云医院"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	for _, r := range rowsOf(table) {
		if strings.Contains(r["evidence"], "密云医院") {
			named++
		}
	}
	if named < 10 {
		t.Errorf("%d of %d evidence sentences name 密云医院, want at least 10", named, len(table.Rows))
	}
}

func TestNamedQueryErrors(t *testing.T) {
	qs := seedQuadStore(t)
	cases := []struct {
		name  string
		query string
		args  map[string]string
		opts  Options
		want  error
		text  string
	}{
		{"unknown name", "supporters", map[string]string{"name": "不存在的医院"}, Options{}, ErrNoEntity, "no entity named 不存在的医院"},
		{"script in a name", "supporters", map[string]string{"name": `"); g.Emit("x"); //`}, Options{}, ErrNoEntity, "no entity named"},
		{"missing parameter", "supporters", nil, Options{}, nil, `parameter "name" is required`},
		{"unknown parameter", "supporters", map[string]string{"name": "北大医院", "nme": "x"}, Options{}, nil, `unknown parameter "nme"`},
		{"hops not a number", "network", map[string]string{"name": "北大医院", "hops": "two"}, Options{}, nil, "no whole number"},
		{"evidence of no facts", "network", map[string]string{"name": "北大医院"}, Options{Evidence: true}, nil, "no evidence"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q, err := ByName(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			_, err = q.Run(context.Background(), qs, tc.args, tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.text) || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Errorf("error %v, want %q", err, tc.text)
			}
		})
	}
}

func TestParamsAreData(t *testing.T) {
	qs := seedQuadStore(t)
	q, err := ByName("title_holders")
	if err != nil {
		t.Fatal(err)
	}
	hostile := `院长"); g.Emit({title: "injected"}); ("`
	table, err := q.Run(context.Background(), qs, map[string]string{"title": hostile}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(table.Rows) != 0 {
		t.Errorf("a title with script in it gave rows: %v", table.Rows)
	}
}

func TestTimeoutInterrupts(t *testing.T) {
	qs := seedQuadStore(t)
	q, err := Parse("spin", "// spin: never ends.\n// @columns x\nwhile (true) {}\n")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := q.Run(ctx, qs, nil, Options{}); !errors.Is(err, ErrInterrupted) {
		t.Errorf("error %v, want ErrInterrupted", err)
	}
}

func TestLimitCapsRows(t *testing.T) {
	qs := seedQuadStore(t)
	q, err := ByName("title_holders")
	if err != nil {
		t.Fatal(err)
	}
	table, err := q.Run(context.Background(), qs, map[string]string{"title": "院长"}, Options{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(table.Rows) != 2 {
		t.Errorf("%d rows, want 2", len(table.Rows))
	}
}

func TestHeaders(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 13 {
		t.Errorf("%d named queries, want at least 13", len(all))
	}
	for _, q := range all {
		t.Run(q.Name, func(t *testing.T) {
			if q.Summary == "" || len(q.Columns) == 0 {
				t.Errorf("header incomplete: %+v", q)
			}
			for _, p := range q.Params {
				if p.Usage == "" {
					t.Errorf("parameter %s has no usage", p.Name)
				}
			}
		})
	}
	bad := []struct{ name, script, want string }{
		{"no header", "g.V().All()", "no header comment"},
		{"header without the name", "// other: y\n// @columns a\n", "must start with"},
		{"unknown directive", "// x: y\n// @colums a\n", "unknown header directive"},
		{"bad kind", "// x: y\n// @param a float usage\n// @columns a\n", "unknown kind"},
		{"no columns", "// x: y\n", "no @columns"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse("x", tc.script); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestFormats(t *testing.T) {
	table := &Table{Columns: []string{"organisation", "n"}, Rows: [][]string{{"北京大学第一医院", "1"}, {"a,\"b\"", "22"}}}
	cases := []struct{ format, want string }{
		{"json", "[\n{\"organisation\":\"北京大学第一医院\",\"n\":\"1\"},\n{\"organisation\":\"a,\\\"b\\\"\",\"n\":\"22\"}\n]\n"},
		{"csv", "organisation,n\n北京大学第一医院,1\n\"a,\"\"b\"\"\",22\n"},
		{"table", "organisation      n\n----------------  --\n北京大学第一医院  1\na,\"b\"             22\n(2 rows)\n"},
	}
	for _, tc := range cases {
		t.Run(tc.format, func(t *testing.T) {
			var b strings.Builder
			if err := table.Write(&b, tc.format); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tc.want)
			}
		})
	}
}

func rowsOf(t *Table) []row {
	out := make([]row, len(t.Rows))
	for i, r := range t.Rows {
		out[i] = make(row, len(r))
		for j, cell := range r {
			out[i][t.Columns[j]] = cell
		}
	}
	return out
}

func containsRow(rows []row, want row) bool {
	for _, r := range rows {
		match := true
		for col, v := range want {
			if r[col] != v {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// TestTopQueriesReadTheRanking checks the top queries against the whole
// graph: n above the ranking's size takes the slow path, which counts every
// supports edge, and on the seeds both list every organisation, so they must
// agree row for row; a store without rankings takes the slow path too.
func TestTopQueriesReadTheRanking(t *testing.T) {
	qs := seedQuadStore(t)
	bare, err := buildSeedStoreWithoutRankings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"top_supporters", "top_supported"} {
		t.Run(name, func(t *testing.T) {
			q, err := ByName(name)
			if err != nil {
				t.Fatal(err)
			}
			if want := fmt.Sprintf("params.n <= %d ", hkgraph.RankingSize); !strings.Contains(q.Text, want) {
				t.Fatalf("the script does not test %q: the ranking keeps %d places", want, hkgraph.RankingSize)
			}
			run := func(qs graph.QuadStore, n int) [][]string {
				table, err := q.Run(context.Background(), qs, map[string]string{"n": strconv.Itoa(n)}, Options{})
				if err != nil {
					t.Fatal(err)
				}
				return table.Rows
			}
			fast, slow := run(qs, hkgraph.RankingSize), run(qs, hkgraph.RankingSize+1)
			if len(fast) < 5 {
				t.Fatalf("%d rows from the ranking, want every supporting organisation of the seeds", len(fast))
			}
			if !reflect.DeepEqual(fast, slow) {
				t.Errorf("ranking\n%v\nwhole graph\n%v", fast, slow)
			}
			if old := run(bare, hkgraph.RankingSize); !reflect.DeepEqual(old, fast) {
				t.Errorf("store without rankings\n%v\nwant\n%v", old, fast)
			}
			if top := run(qs, 3); !reflect.DeepEqual(top, fast[:3]) {
				t.Errorf("n=3 gives %v, want %v", top, fast[:3])
			}
		})
	}
}
