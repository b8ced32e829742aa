package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"hospkg/graph"
)

type queryOptions struct {
	store   storeOptions
	query   string // the Gizmo text; empty when file is given
	file    string
	limit   int
	timeout time.Duration
	stdout  io.Writer
}

func newQueryCommand() *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a Gizmo query and print its results as a JSON array",
		ArgsUsage: "GIZMO",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "file", Aliases: []string{"f"}, Usage: "read the query from `FILE`"},
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: 100, Usage: "at most this many results (0: all)"},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "stop a query running longer than this"},
		),
		Action: func(c *cli.Context) error {
			return runQuery(c.Context, queryOptions{
				store: storeOptionsFrom(c), query: c.Args().First(), file: c.String("file"),
				limit: c.Int("limit"), timeout: c.Duration("timeout"), stdout: c.App.Writer,
			})
		},
	}
}

func runQuery(ctx context.Context, opts queryOptions) error {
	text, err := opts.text()
	if err != nil {
		return err
	}
	// Refuse a crashing query before opening the store, so no lock is held.
	if err := graph.CheckGizmo(text); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	st, err := opts.store.open()
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	if opts.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.timeout)
		defer cancel()
	}
	out := newJSONArrayWriter(opts.stdout)
	runErr := graph.RunGizmo(ctx, st.QuadStore(), text, opts.limit, out.write)
	if err := errJoin(runErr, out.close(), st.Close()); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	return nil
}

func (o queryOptions) text() (string, error) {
	switch {
	case o.file != "" && o.query != "":
		return "", fmt.Errorf("query: give the query as an argument or with --file, not both")
	case o.file != "":
		b, err := os.ReadFile(o.file)
		if err != nil {
			return "", fmt.Errorf("query: %w", err)
		}
		return string(b), nil
	case o.query == "":
		return "", fmt.Errorf("query: no query given (an argument, or --file)")
	}
	return o.query, nil
}

// jsonArrayWriter prints results as one JSON array, a result a line.
type jsonArrayWriter struct {
	w   io.Writer
	n   int
	err error
}

func newJSONArrayWriter(w io.Writer) *jsonArrayWriter { return &jsonArrayWriter{w: w} }

func (a *jsonArrayWriter) write(v interface{}) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // IRIs are <...>: keep them readable
	if err := enc.Encode(v); err != nil {
		return err
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	sep := ",\n"
	if a.n == 0 {
		sep = "[\n"
	}
	a.n++
	_, err := fmt.Fprintf(a.w, "%s%s", sep, b)
	return err
}

func (a *jsonArrayWriter) close() error {
	end := "\n]\n"
	if a.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(a.w, end)
	return err
}
