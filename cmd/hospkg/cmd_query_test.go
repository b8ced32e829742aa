package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"hospkg/graph"
)

// TestJSONArrayWriter: results that all came print as a JSON array; results
// cut off by an error end without the closing bracket, so no parser takes
// them for a whole answer, and the error says so.
func TestJSONArrayWriter(t *testing.T) {
	cutOff := errors.New("query interrupted")
	cases := []struct {
		name    string
		results []any
		err     error
		want    string
		wantErr string // empty: no error
	}{
		{"no results", nil, nil, "[]\n", ""},
		{"two results", []any{1, map[string]string{"id": "<hk:e/a>"}}, nil, "[\n1,\n{\"id\":\"<hk:e/a>\"}\n]\n", ""},
		{"cut off after two", []any{1, 2}, cutOff, "[\n1,\n2\n", "query interrupted; the output stops after 2 results, without the closing ]"},
		{"cut off before the first", nil, cutOff, "", "query interrupted"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			a := newJSONArrayWriter(&out)
			for _, r := range tc.results {
				if err := a.write(r); err != nil {
					t.Fatal(err)
				}
			}
			err := a.close(tc.err)
			if out.String() != tc.want {
				t.Errorf("output %q, want %q", out.String(), tc.want)
			}
			if json.Valid(out.Bytes()) != (tc.wantErr == "") {
				t.Errorf("output %q: valid JSON %v", out.String(), json.Valid(out.Bytes()))
			}
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("error %v", err)
			case tc.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) || !errors.Is(err, tc.err)):
				t.Errorf("error %v, want %q… wrapping %v", err, tc.wantErr, tc.err)
			}
		})
	}
}

// TestQueryCutOff: a query stopped by --timeout after some results prints
// them without the closing bracket, exits 1 and says so on stderr.
func TestQueryCutOff(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	st, err := graph.Open("bolt", db, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := hospkg(t, "query", "--dbpath", db, "--timeout", "200ms", "g.Emit(1); g.Emit({a: 'b'}); while (true) {}")
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if out != "[\n1,\n{\"a\":\"b\"}\n" || json.Valid([]byte(out)) {
		t.Errorf("stdout %q, want the two results without the closing ]", out)
	}
	for _, want := range []string{"ran past its time limit (--timeout 200ms)", "the output stops after 2 results", "does not parse as JSON"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q lacks %q", errOut, want)
		}
	}
	// The same results, not cut off, are a JSON array.
	code, out, errOut = hospkg(t, "query", "--dbpath", db, "--timeout", "10s", "g.Emit(1); g.Emit({a: 'b'})")
	var got []any
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || len(got) != 2 {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and a JSON array of 2", code, out, errOut)
	}
}
