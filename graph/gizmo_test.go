package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestCheckGizmo(t *testing.T) {
	cases := []struct {
		query string
		bad   bool
	}{
		{"g.V().Out('<p>', null).All()", true},
		{"g.V().Out({}).All()", true},
		{"g.V().Out('<p>', {}).All()", true},
		{"g.V().Out(null, null).All()", true},
		{"g.V().Out('<p>', 1).All()", true},
		{"g.V().In('<p>', true).All()", true},
		{"g.V().Both({}).All()", true},
		{"g.V().Out(['<p>', null]).All()", true},
		{"g.V().Out('<p>', ['x', null]).All()", true},
		{"g.V().Out('<p>', 'x', undefined).All()", true},
		{"g.V().FollowRecursive({}).All()", true},
		{"g.V().FollowRecursive('<p>', 2, null).All()", true},
		{"g.V().LabelContext({}).All()", true},
		{"g.V().LabelContext('<l>', null).All()", true},
		{"g.V()\n  .out('<p>', null).all()", true},
		{"g.V().Out('<p>').All()", false},
		{"g.V().Out(null).All()", false},
		{"g.V().Out([null]).All()", false},
		{"g.V().Out(['<p>', '<q>'], 'x').All()", false},
		{"g.V().Out(g.V('<p>'), ['x', 'y']).All()", false},
		{"g.V().FollowRecursive('<p>', 2, 'depth').All()", false},
		{"var p = '<p>'; g.V().Out(p, name).All()", false},
		{"g.V().Tag(null).Save('<p>', null).All() // Out({}) in a comment", false},
		{"g.V('Out({})').All()", false},
		{"g.Emit({a: 1})", false},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			err := CheckGizmo(tc.query)
			if got := errors.Is(err, ErrBadGizmoCall); got != tc.bad {
				t.Errorf("CheckGizmo(%q) = %v, want bad=%v", tc.query, err, tc.bad)
			}
		})
	}
}

const supportsRow = `map[id:<hk:e/Hospital/北京大学第一医院密云医院> o:<hk:e/Hospital/北京大学第一医院密云医院> s:<hk:e/Hospital/北京大学第一医院>]`

func TestRunGizmo(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			qs := b.open(t)
			build(t, qs, miyunV1("a.txt"), otherDoc("b.txt"))
			cases := []struct {
				name    string
				query   string
				limit   int
				want    []string
				wantErr bool
			}{
				{"documents", "g.V('<hk:Document>').In('<rdf:type>').Out('<hk:file>').All()", 0, []string{`map[id:a.txt]`, `map[id:b.txt]`}, false},
				{"who supports whom", "g.V().Tag('s').Out('<hk:supports>').Tag('o').All()", 0,
					// one path per quad: both documents state it
					[]string{supportsRow, supportsRow}, false},
				{"limit", "g.V('<hk:Sentence>').In('<rdf:type>').All()", 2, []string{"", ""}, false},
				{"emit", "g.Emit(g.V('<hk:Document>').In('<rdf:type>').Count())", 0, []string{"2"}, false},
				{"syntax error", "g.V(.All()", 0, nil, true},
				{"runtime error", "g.V().Nope()", 0, nil, true},
				{"crashing shape refused", "g.V().Out({}).All()", 0, nil, true},
			}
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					var got []string
					err := RunGizmo(context.Background(), qs, tc.query, tc.limit, func(r interface{}) error {
						got = append(got, fmt.Sprint(r))
						return nil
					})
					if (err != nil) != tc.wantErr {
						t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
					}
					sort.Strings(got)
					if tc.name == "limit" {
						if len(got) != tc.limit {
							t.Errorf("got %d results, want %d", len(got), tc.limit)
						}
						return
					}
					if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
						t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
					}
				})
			}
		})
	}
}

func TestRunGizmoTimeout(t *testing.T) {
	qs := backends[0].open(t)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := RunGizmo(ctx, qs, "while (true) {}", 0, func(interface{}) error { return nil })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want deadline exceeded", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("query ran for %v after its deadline", time.Since(start))
	}
}
