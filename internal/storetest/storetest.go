// Package storetest holds quad store wrappers for tests of what a writer
// leaves behind when it stops part-way.
package storetest

import (
	"errors"

	"github.com/cayleygraph/cayley/graph"
)

// ErrServerGone is what FailingWrites returns once its writes fail.
var ErrServerGone = errors.New("the server closed the connection")

// FailingWrites is a store whose writes succeed OK times and then fail with
// ErrServerGone, as a PostgreSQL server that goes away in the middle of a
// build. Reads go on working.
type FailingWrites struct {
	graph.QuadStore
	OK int
}

// ApplyDeltas writes while the store has writes left, and fails after.
func (s *FailingWrites) ApplyDeltas(deltas []graph.Delta, opts graph.IgnoreOpts) error {
	if s.OK <= 0 {
		return ErrServerGone
	}
	s.OK--
	return s.QuadStore.ApplyDeltas(deltas, opts)
}
