package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/urfave/cli/v2"

	"hospkg/graph"
)

type loadOptions struct {
	store  storeOptions
	file   string // "-" is stdin
	format string // empty: from the file's extension
	stdin  io.Reader
	stdout io.Writer
}

func newLoadCommand() *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "read quads (N-Quads, or JSON-LD for .jsonld) into the store, such as an export or the output of other extract runs; all of them, or none if one is bad",
		ArgsUsage: "FILE (- for stdin)",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "format", Usage: "nquads or jsonld (default: jsonld for .jsonld, else nquads)"},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("load: give exactly one FILE (- for stdin)")
			}
			return runLoad(loadOptions{store: storeOptionsFrom(c), file: c.Args().First(), format: c.String("format"),
				stdin: c.App.Reader, stdout: c.App.Writer})
		},
	}
}

// runLoad checks every quad of the input before it opens the store, so a
// bad line leaves the store as it was (not even created), and then writes
// them and refreshes the rankings.
func runLoad(opts loadOptions) (err error) {
	format := opts.format
	if format == "" {
		format = "nquads"
		if strings.EqualFold(filepath.Ext(opts.file), ".jsonld") {
			format = "jsonld"
		}
	}
	input := opts.stdin
	if opts.file != "-" {
		f, err := os.Open(opts.file)
		if err != nil {
			return fmt.Errorf("load: %w", err)
		}
		defer func() { err = errJoin(err, f.Close()) }()
		input = f
	}
	in, err := graph.CheckQuads(input, format)
	if err != nil {
		return fmt.Errorf("load %s: %w", opts.file, err)
	}
	defer func() { err = errJoin(err, in.Close()) }()
	st, err := opts.store.open()
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	var res graph.LoadResult
	loadErr := st.Guard(func(qs cgraph.QuadStore) (err error) {
		res, err = loadQuads(context.Background(), qs, in)
		return err
	})
	if err := errJoin(loadErr, st.Close()); err != nil {
		if res.Added > 0 {
			err = fmt.Errorf("%w (loading it again adds the rest: quads already in the store are skipped)", err)
		}
		return fmt.Errorf("load %s: %w", opts.file, err)
	}
	fmt.Fprintf(opts.stdout, "quads read: %d\nquads added: %d\n", res.Read, res.Added)
	return nil
}

// loadQuads writes checked quads into qs between marking the rankings stale
// and refreshing them: a load killed part-way leaves rankings that say they
// are stale, and one that failed part-way has them describe whatever landed.
// The loaded quads may add supports facts, or bring another store's
// rankings, so they are computed again from what the store holds. A damaged
// store is left alone.
func loadQuads(ctx context.Context, qs cgraph.QuadStore, in *graph.CheckedQuads) (graph.LoadResult, error) {
	if err := graph.MarkRankingsStale(ctx, qs); err != nil {
		return graph.LoadResult{}, err
	}
	res, err := in.LoadInto(qs)
	if errors.Is(err, graph.ErrStoreDamaged) {
		return res, err
	}
	return res, errJoin(err, graph.RefreshRankings(ctx, qs))
}
