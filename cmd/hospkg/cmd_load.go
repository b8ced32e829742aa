package main

import (
	"context"
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
	file   string
	format string // empty: from the file's extension
	stdout io.Writer
}

func newLoadCommand() *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "read quads (N-Quads, or JSON-LD for .jsonld) into the store, such as an export or the output of other extract runs",
		ArgsUsage: "FILE",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "format", Usage: "nquads or jsonld (default: jsonld for .jsonld, else nquads)"},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("load: give exactly one FILE")
			}
			return runLoad(loadOptions{store: storeOptionsFrom(c), file: c.Args().First(), format: c.String("format"), stdout: c.App.Writer})
		},
	}
}

func runLoad(opts loadOptions) error {
	format := opts.format
	if format == "" {
		format = "nquads"
		if strings.EqualFold(filepath.Ext(opts.file), ".jsonld") {
			format = "jsonld"
		}
	}
	f, err := os.Open(opts.file)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	st, err := opts.store.open()
	if err != nil {
		return errJoin(fmt.Errorf("load: %w", err), f.Close())
	}
	n, loadErr := loadQuads(context.Background(), st.QuadStore(), f, format)
	if err := errJoin(loadErr, f.Close(), st.Close()); err != nil {
		return fmt.Errorf("load %s: %w", opts.file, err)
	}
	fmt.Fprintf(opts.stdout, "quads read: %d\n", n)
	return nil
}

// loadQuads reads quads into qs (graph.Load) between marking the rankings
// stale and refreshing them: a load killed part-way leaves rankings that say
// they are stale, and one that failed part-way has them describe whatever
// landed. The loaded quads may add supports facts, or bring another store's
// rankings, so they are computed again from what the store holds.
func loadQuads(ctx context.Context, qs cgraph.QuadStore, r io.Reader, format string) (int, error) {
	if err := graph.MarkRankingsStale(ctx, qs); err != nil {
		return 0, err
	}
	n, err := graph.Load(qs, r, format)
	return n, errJoin(err, graph.RefreshRankings(ctx, qs))
}
