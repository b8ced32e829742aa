package graph

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
)

// loadBatch is how many quads Load writes in one transaction.
const loadBatch = 10000

// Load reads quads in the named format (nquads or jsonld) into the store, in
// batches through cayley's writer, and returns how many it read. Quads the
// store already holds are skipped, so loading the same file twice changes
// nothing.
func Load(qs graph.QuadStore, r io.Reader, format string) (n int, err error) {
	f := quad.FormatByName(format)
	if f == nil || f.Reader == nil {
		return 0, fmt.Errorf("load: no quad reader for format %q", format)
	}
	// The N-Quads parser panics on some malformed escapes; a bad file is an
	// error, not a crash.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("load %s: malformed input after %d quads: %v", format, n, p)
		}
	}()
	qw, err := writer.NewSingle(qs, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	if err != nil {
		return 0, fmt.Errorf("load: %w", err)
	}
	bw := graph.NewWriter(qw)
	qr := f.Reader(r)
	n, err = copyUnique(qs, bw, qr)
	if err = errors.Join(err, bw.Close(), qr.Close()); err != nil {
		return n, fmt.Errorf("load %s: %w", format, err)
	}
	return n, nil
}

// copyUnique copies quads in batches without a duplicate inside a batch:
// IgnoreDup only skips quads already stored, and a quad added twice in one
// transaction leaks its nodes on KV backends when it is removed later
// (cayley issue #737).
func copyUnique(qs graph.QuadStore, w graph.BatchWriter, r quad.Reader) (int, error) {
	n := 0
	batch := make([]quad.Quad, 0, loadBatch)
	seen := make(map[quad.Quad]bool, loadBatch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		// Writing a quad the store already holds, even with IgnoreDup, makes
		// cayley's SQL backend count its nodes twice (they then outlive their
		// quads): write only what is new.
		fresh, err := notStored(context.Background(), qs, batch)
		if err != nil {
			return err
		}
		_, err = w.WriteQuads(fresh)
		batch, seen = batch[:0], make(map[quad.Quad]bool, loadBatch)
		return err
	}
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			return n, flush()
		}
		if err != nil {
			return n, err
		}
		n++
		q.Subject, q.Object, q.Label = plainString(q.Subject), plainString(q.Object), plainString(q.Label)
		if seen[q] {
			continue
		}
		seen[q] = true
		batch = append(batch, q)
		if len(batch) == loadBatch {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
}

// xsdString is the datatype RDF 1.1 gives every plain string literal.
const xsdString = quad.IRI("http://www.w3.org/2001/XMLSchema#string")

// plainString turns "…"^^xsd:string into the plain string it means. The
// JSON-LD reader (gojsonld) types every string so; without this, a store
// loaded from JSON-LD would hold strings no name lookup finds.
func plainString(v quad.Value) quad.Value {
	if ts, ok := v.(quad.TypedString); ok && ts.Type == xsdString {
		return quad.String(ts.Value)
	}
	return v
}

// notStored returns the quads of batch that the store does not hold yet. A
// quad whose subject the store does not know is new without a look-up, so a
// bulk load into an empty store costs one ValueOf per quad.
func notStored(ctx context.Context, qs graph.QuadStore, batch []quad.Quad) ([]quad.Quad, error) {
	fresh := make([]quad.Quad, 0, len(batch))
	stored := make(map[quad.Value]map[quad.Quad]bool)
	for _, q := range batch {
		have, ok := stored[q.Subject]
		if !ok {
			have = make(map[quad.Quad]bool)
			err := EachQuad(ctx, qs, quad.Subject, q.Subject, func(s quad.Quad) error {
				have[s] = true
				return nil
			})
			if err != nil {
				return nil, err
			}
			stored[q.Subject] = have
		}
		if !have[q] {
			fresh = append(fresh, q)
		}
	}
	return fresh, nil
}
