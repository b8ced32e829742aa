package graph

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// loadBatch is how many quads Load writes in one transaction.
const loadBatch = 10000

// LoadResult counts the quads of a load.
type LoadResult struct {
	Read  int // quads in the input
	Added int // quads written: those the store did not hold, each once
}

// Load reads quads in the named format (nquads or jsonld) into the store,
// all or nothing as far as the input goes: every quad is read and checked
// first (CheckQuads), and only then are they written (LoadInto). Quads the
// store already holds are skipped, so loading the same file twice changes
// nothing.
func Load(qs graph.QuadStore, r io.Reader, format string) (LoadResult, error) {
	in, err := CheckQuads(r, format)
	if err != nil {
		return LoadResult{}, err
	}
	res, err := in.LoadInto(qs)
	return res, errors.Join(err, in.Close())
}

// CheckedQuads is input whose every quad has been read and found good,
// ready to be loaded.
type CheckedQuads struct {
	format string
	src    io.ReadSeeker // the input again, from start
	start  int64
	temp   *os.File // the copy of input that could not be read again, if any
	n      int
}

// CheckQuads reads every quad of r in the named format (nquads or jsonld)
// and returns the input checked, or an error naming the first bad quad: by
// its line for N-Quads, by its place for JSON-LD. N-Quads are read a line at
// a time, so the input need not fit in memory (JSON-LD is one document,
// which cayley's reader holds whole). Input that can be read again from
// where it starts (a file) is read again to be loaded; other input (a pipe)
// is copied as it is checked to a temporary file in os.TempDir, which Close
// removes.
func CheckQuads(r io.Reader, format string) (in *CheckedQuads, err error) {
	if f := quad.FormatByName(format); f == nil || f.Reader == nil {
		return nil, fmt.Errorf("no quad reader for format %q", format)
	}
	in = &CheckedQuads{format: format}
	src := r
	if rs, ok := r.(io.ReadSeeker); ok {
		if start, err := rs.Seek(0, io.SeekCurrent); err == nil {
			in.src, in.start = rs, start
		}
	}
	if in.src == nil {
		if in.temp, err = os.CreateTemp("", "hospkg-load-*."+format); err != nil {
			return nil, fmt.Errorf("copy the input: %w", err)
		}
		in.src = in.temp
		src = io.TeeReader(r, in.temp)
	}
	err = readQuads(src, format, func(quad.Quad) error {
		in.n++
		return nil
	})
	if err == nil && in.temp != nil {
		// The rest, which a reader that stops at the end of its document
		// did not ask for, so that the copy is the input.
		_, err = io.Copy(io.Discard, src)
	}
	if err != nil {
		return nil, errors.Join(fmt.Errorf("%w; nothing was loaded", err), in.Close())
	}
	return in, nil
}

// Len returns how many quads the input holds.
func (in *CheckedQuads) Len() int { return in.n }

// Close removes the copy of the input, if CheckQuads made one.
func (in *CheckedQuads) Close() error {
	if in.temp == nil {
		return nil
	}
	err := errors.Join(in.temp.Close(), os.Remove(in.temp.Name()))
	in.temp = nil
	return err
}

// LoadInto writes the checked quads into the store in batches of loadBatch
// through cayley's writer, each batch a transaction. Should a write fail,
// the result counts the quads written before it: they stay, and loading the
// input again adds the rest.
func (in *CheckedQuads) LoadInto(qs graph.QuadStore) (LoadResult, error) {
	if _, err := in.src.Seek(in.start, io.SeekStart); err != nil {
		return LoadResult{}, fmt.Errorf("read the input again: %w", err)
	}
	qw, err := writer.NewSingle(qs, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	if err != nil {
		return LoadResult{}, err
	}
	b := newUniqueBatcher(qs, graph.NewWriter(qw))
	err = readQuads(in.src, in.format, b.add)
	if err == nil {
		err = errors.Join(b.flush(), b.w.Close())
	}
	res := LoadResult{Read: b.read, Added: b.added}
	if err == nil && res.Read != in.n {
		err = fmt.Errorf("the input changed after it was checked: %d quads, then %d", in.n, res.Read)
	}
	if err != nil {
		return res, fmt.Errorf("%d of %d quads written, then: %w", res.Added, in.n, err)
	}
	return res, nil
}

// readQuads calls fn with each quad of r in the named format, in order.
func readQuads(r io.Reader, format string, fn func(quad.Quad) error) (err error) {
	if format == "nquads" {
		return eachNQuad(r, fn)
	}
	qr := quad.FormatByName(format).Reader(r)
	n := 0
	// cayley's readers panic on some malformed input; a bad file is an
	// error, not a crash.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("quad %d: malformed input: %v", n+1, p)
		}
	}()
	for {
		q, err := qr.ReadQuad()
		if err == io.EOF {
			return qr.Close()
		}
		if err != nil {
			return errors.Join(fmt.Errorf("quad %d: %w", n+1, err), qr.Close())
		}
		n++
		if err := fn(q); err != nil {
			return errors.Join(err, qr.Close())
		}
	}
}

// eachNQuad calls fn with the quad of each line of N-Quads that holds one,
// as cayley's N-Quads reader reads them (blank lines and # comments hold
// none), and names a bad line by its number.
func eachNQuad(r io.Reader, fn func(quad.Quad) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var line []byte
	for number := 1; ; number++ {
		line = line[:0]
		var err error
		for {
			var part []byte
			var more bool
			part, more, err = br.ReadLine()
			line = append(line, part...)
			if err != nil || !more {
				break
			}
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("line %d: %w", number, err)
		}
		if err == io.EOF && len(line) == 0 {
			return nil
		}
		q, ok, perr := parseNQuad(line)
		if perr != nil {
			return fmt.Errorf("line %d: %w: %s", number, perr, quoteStart(line))
		}
		if ok {
			if err := fn(q); err != nil {
				return err
			}
		}
	}
}

// parseNQuad parses one line; ok is false for a line without a quad.
func parseNQuad(line []byte) (q quad.Quad, ok bool, err error) {
	text := string(bytes.TrimSpace(line))
	if len(text) == 0 || text[0] == '#' {
		return quad.Quad{}, false, nil
	}
	// The parser panics on some malformed escapes (\u without four hex
	// digits).
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed escape: %v", p)
		}
	}()
	q, err = nquads.Parse(text)
	if err != nil {
		return quad.Quad{}, false, err
	}
	if !q.IsValid() {
		return quad.Quad{}, false, errors.New("no whole quad (subject, predicate and object)")
	}
	return q, true, nil
}

// quoteStart quotes a line for a message, cut to its first 80 bytes.
func quoteStart(line []byte) string {
	const most = 80
	if len(line) <= most {
		return fmt.Sprintf("%q", line)
	}
	return fmt.Sprintf("%q…", line[:most])
}

// uniqueBatcher writes quads in batches without a duplicate inside a batch:
// IgnoreDup only skips quads already stored, and a quad added twice in one
// transaction leaks its nodes on KV backends when it is removed later
// (cayley issue #737).
type uniqueBatcher struct {
	qs          graph.QuadStore
	w           graph.BatchWriter
	batch       []quad.Quad
	seen        map[quad.Quad]bool
	read, added int
}

func newUniqueBatcher(qs graph.QuadStore, w graph.BatchWriter) *uniqueBatcher {
	return &uniqueBatcher{qs: qs, w: w, batch: make([]quad.Quad, 0, loadBatch), seen: make(map[quad.Quad]bool, loadBatch)}
}

func (b *uniqueBatcher) add(q quad.Quad) error {
	b.read++
	q.Subject, q.Object, q.Label = plainString(q.Subject), plainString(q.Object), plainString(q.Label)
	if b.seen[q] {
		return nil
	}
	b.seen[q] = true
	b.batch = append(b.batch, q)
	if len(b.batch) == loadBatch {
		return b.flush()
	}
	return nil
}

func (b *uniqueBatcher) flush() error {
	if len(b.batch) == 0 {
		return nil
	}
	// Writing a quad the store already holds, even with IgnoreDup, makes
	// cayley's SQL backend count its nodes twice (they then outlive their
	// quads): write only what is new.
	fresh, err := notStored(context.Background(), b.qs, b.batch)
	if err != nil {
		return err
	}
	n, err := b.w.WriteQuads(fresh)
	b.added += n
	b.batch, b.seen = b.batch[:0], make(map[quad.Quad]bool, loadBatch)
	return err
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
