package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"hospkg/internal/gizmo"
)

// RunGizmo runs a Gizmo query in a fresh session and calls fn with each
// result, collated as JSON-ready values, up to limit results (0: no limit).
// The query is checked first (see CheckGizmo): some malformed calls make
// Gizmo panic in a goroutine of its own, which no caller can recover from.
// ctx bounds the run; a query still running when it ends is interrupted.
func RunGizmo(ctx context.Context, qs graph.QuadStore, q string, limit int, fn func(result interface{}) error) error {
	if err := CheckGizmo(q); err != nil {
		return err
	}
	session := gizmo.NewSession(qs)
	it, err := session.Execute(ctx, q, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return fmt.Errorf("gizmo: %w", err)
	}
	for n := 0; (limit <= 0 || n < limit) && it.Next(ctx); n++ {
		if err := fn(it.Result()); err != nil {
			return errJoinClose(err, it)
		}
	}
	if err := it.Err(); err != nil {
		return errJoinClose(fmt.Errorf("gizmo: %w", err), it)
	}
	return it.Close()
}

func errJoinClose(err error, it query.Iterator) error {
	if cerr := it.Close(); cerr != nil {
		return fmt.Errorf("%w (closing: %v)", err, cerr)
	}
	return err
}
