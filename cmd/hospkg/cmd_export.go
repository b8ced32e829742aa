package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"hospkg/graph"
)

type exportOptions struct {
	store  storeOptions
	format string
	output string // file name; empty means stdout
	stdout io.Writer
}

func newExportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the graph in an exchange format (jsonl: see DESIGN.md)",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "format", Value: "jsonl", Usage: "output format: jsonl"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of stdout"},
		),
		Action: func(c *cli.Context) error {
			return runExport(c.Context, exportOptions{
				store: storeOptionsFrom(c), format: c.String("format"), output: c.String("output"), stdout: c.App.Writer,
			})
		},
	}
}

func runExport(ctx context.Context, opts exportOptions) error {
	if opts.format != "jsonl" {
		return fmt.Errorf("export: unknown format %q (known: jsonl)", opts.format)
	}
	st, err := opts.store.open()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	w, closeOutput, err := openOutput(opts.output, opts.stdout)
	if err != nil {
		return errJoin(fmt.Errorf("export: %w", err), st.Close())
	}
	writeErr := graph.WriteJSONL(ctx, st.QuadStore(), w)
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
