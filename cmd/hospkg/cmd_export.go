package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
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
			&cli.Float64Flag{Name: "min-confidence", Usage: "keep only the entities and facts at least this sure (`P` between 0 and 1; facts built without confidences are kept)"},
			&cli.StringFlag{Name: "table", Value: graph.RelationsTable, Usage: "csv table: relations or positions"},
		),
		Action: func(c *cli.Context) error {
			return runExport(c.Context, exportOptions{
				store: storeOptionsFrom(c),
				export: graph.ExportOptions{
					Format: c.String("format"),
					Table:  c.String("table"),
					Filter: graph.Filter{Predicates: c.StringSlice("predicate"), Type: c.String("type"),
						Around: c.String("around"), Hops: c.Int("hops"), MinConfidence: c.Float64("min-confidence")},
				},
				output: c.String("output"), stdout: c.App.Writer,
			})
		},
	}
}

func runExport(ctx context.Context, opts exportOptions) error {
	if !slices.Contains(graph.ExportFormats, opts.export.Format) {
		// Checked before the store is opened or the output file created.
		return fmt.Errorf("export: unknown format %q (known: %s)", opts.export.Format, strings.Join(graph.ExportFormats, ", "))
	}
	st, err := opts.store.openReader()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	w, finishOutput, err := openOutput(opts.output, opts.stdout)
	if err != nil {
		return errJoin(fmt.Errorf("export: %w", err), st.Close())
	}
	writeErr := st.Guard(func(qs cgraph.QuadStore) error {
		return graph.Export(ctx, qs, w, opts.export)
	})
	if err := finishOutput(errJoin(writeErr, st.Close())); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// openOutput returns a writer for the named file, or stdout for no name,
// and the function that finishes the output: given nil it completes the
// file, given an error it drops what was written and returns the error. A
// file is written under a temporary name in its folder and renamed over the
// name only when complete, so a command that fails or is interrupted leaves
// no part of a file, and a file already there stays as it was. A name that
// is no regular file (/dev/stdout, a pipe) is written directly.
func openOutput(name string, stdout io.Writer) (io.Writer, func(error) error, error) {
	if name == "" {
		return stdout, func(err error) error { return err }, nil
	}
	target := name
	var keepMode os.FileMode // an existing file's, which the new one gets
	if info, err := os.Stat(name); err == nil {
		if !info.Mode().IsRegular() {
			return openDirect(name)
		}
		// Replace the file a symbolic link points to, not the link.
		if target, err = filepath.EvalSymlinks(name); err != nil {
			return nil, nil, err
		}
		keepMode = info.Mode().Perm()
	}
	f, err := createTemp(target)
	if err == nil && keepMode != 0 {
		if err = f.Chmod(keepMode); err != nil {
			err = errJoin(err, f.Close(), os.Remove(f.Name()))
		}
	}
	if err != nil {
		return nil, nil, err
	}
	bw := bufio.NewWriter(f)
	finish := func(err error) error {
		if err == nil {
			err = errJoin(bw.Flush(), f.Sync())
		}
		err = errJoin(err, f.Close())
		if err == nil {
			err = os.Rename(f.Name(), target)
		}
		if err != nil {
			return errJoin(err, os.Remove(f.Name()))
		}
		return nil
	}
	return bw, finish, nil
}

// createTemp creates a new file beside target to be renamed to it, with the
// mode os.Create gives (os.CreateTemp's is 0600).
func createTemp(target string) (*os.File, error) {
	dir, base := filepath.Split(target)
	for i := 0; ; i++ {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%d-%d.part", base, os.Getpid(), i))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
}

// openDirect writes to a name that is not a regular file, as os.Create does.
func openDirect(name string) (io.Writer, func(error) error, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, nil, err
	}
	bw := bufio.NewWriter(f)
	return bw, func(err error) error {
		if err == nil {
			err = bw.Flush()
		}
		return errJoin(err, f.Close())
	}, nil
}
