package gizmo

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"
)

// run runs a query to its end and returns its error.
func run(t *testing.T, q string) error {
	t.Helper()
	qs := memstore.New(quad.MakeIRI("a", "p", "b", ""))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	it, err := NewSession(qs).Execute(ctx, q, query.Options{Collation: query.JSON})
	if err != nil {
		return err
	}
	for it.Next(ctx) {
	}
	err = it.Err()
	if cerr := it.Close(); err == nil {
		err = cerr
	}
	return err
}

// TestQueriesThatCrashedCayley: shapes that panicked in cayley's query
// goroutine, and a self-referencing value that overflowed the stack, end
// their query with an error and leave the process running.
func TestQueriesThatCrashedCayley(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		{"g.V().Out(g).All()", "the query failed"},
		{"g.V().Out(g.V).All()", "the query failed"},
		{"g.V().In(g.Emit).All()", "the query failed"},
		{"var a = {}; a.a = a; g.Emit(a)", "contains itself"},
		{"var a = [], b = a; for (var i = 0; i < 100; i++) { var c = []; b.push(c); b = c }; g.Emit(a)", "nested deeper"},
	} {
		err := run(t, tc.query)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error with %q", tc.query, err, tc.want)
		}
	}
	// A well-formed query still runs.
	if err := run(t, "g.Emit({x: [1, {y: 2}]}); g.V('<a>').Out('<p>').All()"); err != nil {
		t.Errorf("a well-formed query: %v", err)
	}
}
