package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"hospkg/graph"
)

type exportOptions struct {
	store  storeOptions
	export graph.ExportOptions
	output string // file name; empty means stdout
	stdout io.Writer
}

func newExportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the graph in an exchange format (jsonl: see DESIGN.md; graphml, gml, dot, csv: the entity graph; nquads, jsonld: the raw quads)",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "format", Value: "jsonl", Usage: "output format: " + strings.Join(graph.ExportFormats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of stdout"},
			&cli.StringSliceFlag{Name: "predicate", Usage: "keep only facts with this predicate (repeatable): supports, affiliated_with, partner_of, department_of, holds_position"},
			&cli.StringFlag{Name: "type", Usage: "keep only facts with an entity of this type: Hospital, Official, Department, Institution"},
			&cli.StringFlag{Name: "around", Usage: "keep only the entities near the one with this `NAME` (canonical name or alias)"},
			&cli.IntFlag{Name: "hops", Value: 1, Usage: "how many facts away from --around to reach"},
			&cli.StringFlag{Name: "table", Value: graph.RelationsTable, Usage: "csv table: relations or positions"},
		),
		Action: func(c *cli.Context) error {
			return runExport(c.Context, exportOptions{
				store: storeOptionsFrom(c),
				export: graph.ExportOptions{
					Format: c.String("format"),
					Table:  c.String("table"),
					Filter: graph.Filter{Predicates: c.StringSlice("predicate"), Type: c.String("type"),
						Around: c.String("around"), Hops: c.Int("hops")},
				},
				output: c.String("output"), stdout: c.App.Writer,
			})
		},
	}
}

func runExport(ctx context.Context, opts exportOptions) error {
	if !contains(graph.ExportFormats, opts.export.Format) {
		// Checked before the store is opened or the output file created.
		return fmt.Errorf("export: unknown format %q (known: %s)", opts.export.Format, strings.Join(graph.ExportFormats, ", "))
	}
	st, err := opts.store.openReader()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	w, closeOutput, err := openOutput(opts.output, opts.stdout)
	if err != nil {
		return errJoin(fmt.Errorf("export: %w", err), st.Close())
	}
	writeErr := graph.Export(ctx, st.QuadStore(), w, opts.export)
	if err := errJoin(writeErr, closeOutput(), st.Close()); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// openOutput returns a writer for the named file, or stdout for no name, and
// the function that finishes writing it.
func openOutput(name string, stdout io.Writer) (io.Writer, func() error, error) {
	if name == "" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, nil, err
	}
	bw := bufio.NewWriter(f)
	return bw, func() error { return errJoin(bw.Flush(), f.Close()) }, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
