package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestQueriesList(t *testing.T) {
	code, out, errOut := hospkg(t, "queries")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"supporters name=ENTITY\n", "officials name=ENTITY at=DATE\n", "timeline name=ENTITY\n", "network name=ENTITY hops=2\n", "title_holders title=STRING\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = hospkg(t, "queries", "supporters")
	if code != 0 || !strings.Contains(out, "name (entity)") || !strings.Contains(out, `In("<hk:supports>")`) {
		t.Errorf("exit %d, detail:\n%s", code, out)
	}
}

func TestNamedQueryCommand(t *testing.T) {
	db := buildSeeds(t)
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"supporters as json", []string{"--name", "supporters", "--arg", "name=北大医院密云医院", "--format", "json"},
			[]string{`{"organisation":"北京大学第一医院密云医院","supporter":"北京大学第一医院"}`}},
		{"json is the default off a terminal", []string{"--name", "officials", "--arg", "name=柳州市工人医院"},
			[]string{`{"organisation":"柳州市工人医院","official":"黄海欣","title":"院长","date":"2023-01-22","status":"current"}`}},
		{"csv with evidence", []string{"--name", "officials", "--arg", "name=柳州市工人医院", "--format", "csv", "--evidence"},
			[]string{"organisation,official,title,date,status,doc,evidence\n", "柳州市工人医院,黄海欣,院长,2023-01-22,current,002_d37fa60af83e878e.txt,"}},
		{"officials at a date before any statement", []string{"--name", "officials", "--arg", "name=柳州市工人医院", "--arg", "at=2022", "--format", "csv"},
			[]string{"organisation,official,title,date,status\n"}},
		{"table", []string{"--name", "title_holders", "-a", "title=院长", "--format", "table"},
			[]string{"title  official  organisation\n", "院长   黄海欣    柳州市工人医院\n"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := hospkg(t, append([]string{"query", "--dbpath", db}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, want := range tc.want {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			if strings.Contains(tc.args[len(tc.args)-1], "json") {
				var rows []map[string]string
				if err := json.Unmarshal([]byte(out), &rows); err != nil {
					t.Errorf("not a JSON array of objects: %v", err)
				}
			}
		})
	}
}

func TestNamedQueryCommandErrors(t *testing.T) {
	db := buildSeeds(t)
	cases := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"unknown query", []string{"--name", "nope"}, "no such named query"},
		{"unknown entity", []string{"--name", "supporters", "--arg", "name=不存在的医院"}, "no entity named 不存在的医院"},
		{"bad arg", []string{"--name", "supporters", "--arg", "name"}, "want KEY=VALUE"},
		{"bad format", []string{"--name", "supporters", "--arg", "name=北大医院", "--format", "xml"}, "unknown --format"},
		{"both name and gizmo", []string{"--name", "supporters", "g.V().All()"}, "not both"},
		{"arg without name", []string{"--arg", "name=北大医院", "g.V().All()"}, "go with --name"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := hospkg(t, append([]string{"query", "--dbpath", db}, tc.args...)...)
			if code != exitFailure || !strings.Contains(errOut, tc.wantStderr) {
				t.Errorf("exit %d, stderr %q, want %q", code, errOut, tc.wantStderr)
			}
		})
	}
}

func TestNamedQueryRefusesABadDate(t *testing.T) {
	db := buildSeeds(t)
	code, _, errOut := hospkg(t, "query", "--dbpath", db, "--name", "officials", "--arg", "name=柳州市工人医院", "--arg", "at=June")
	if code != 1 || !strings.Contains(errOut, `parameter at: "June" is no date`) {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
