package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/urfave/cli/v2"

	"hospkg/graph"
	"hospkg/queries"
)

type queryOptions struct {
	store         storeOptions
	query         string // the Gizmo text; empty when file or name is given
	file          string
	name          string   // a named query of package queries
	args          []string // its parameters, as key=value
	format        string   // table, json or csv; empty: table on a terminal, else json
	withEvidence  bool
	minConfidence float64 // named queries: drop rows less sure than this
	limit         int
	timeout       time.Duration
	stdout        io.Writer
	stderr        io.Writer // warnings
}

func newQueryCommand() *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a named query (--name, see `hospkg queries`) or a Gizmo query, printing JSON",
		ArgsUsage: "[GIZMO]",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "file", Aliases: []string{"f"}, Usage: "read the query from `FILE`"},
			&cli.StringFlag{Name: "name", Usage: "run the named query `NAME` (hospkg queries lists them)"},
			&cli.StringSliceFlag{Name: "arg", Aliases: []string{"a"}, Usage: "a parameter of the named query, `KEY=VALUE` (repeatable)"},
			&cli.StringFlag{Name: "format", Usage: "named queries: table, json or csv (default: table on a terminal, json otherwise)"},
			&cli.BoolFlag{Name: "evidence", Usage: "named queries: add the document and sentence each fact was read from"},
			&cli.Float64Flag{Name: "min-confidence", Usage: "named queries: leave out rows showing an entity, or standing for a fact, less sure than `P` (0 to 1)"},
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: 100, Usage: "at most this many results (0: all)"},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "stop a query running longer than this"},
		),
		Action: func(c *cli.Context) error {
			return runQuery(c.Context, queryOptions{
				store: storeOptionsFrom(c), query: c.Args().First(), file: c.String("file"),
				name: c.String("name"), args: c.StringSlice("arg"), format: c.String("format"),
				withEvidence: c.Bool("evidence"), minConfidence: c.Float64("min-confidence"),
				limit: c.Int("limit"), timeout: c.Duration("timeout"), stdout: c.App.Writer, stderr: c.App.ErrWriter,
			})
		},
	}
}

func runQuery(ctx context.Context, opts queryOptions) error {
	if opts.name != "" {
		return runNamedQuery(ctx, opts)
	}
	if len(opts.args) > 0 || opts.withEvidence || opts.minConfidence != 0 || (opts.format != "" && opts.format != "json") {
		return fmt.Errorf("query: --arg, --evidence, --min-confidence and --format table|csv go with --name; a Gizmo query prints JSON (read <hk:confidence> in it instead)")
	}
	text, err := opts.text()
	if err != nil {
		return err
	}
	// Refuse a crashing query before opening the store, so no lock is held.
	if err := graph.CheckGizmo(text); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	st, err := opts.store.openReader()
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	ctx, cancel := opts.bound(ctx)
	defer cancel()
	out := newJSONArrayWriter(opts.stdout)
	runErr := st.Guard(func(qs cgraph.QuadStore) error {
		return graph.RunGizmo(ctx, qs, text, opts.limit, out.write)
	})
	if errors.Is(runErr, context.DeadlineExceeded) {
		runErr = fmt.Errorf("%w (--timeout %v)", queries.ErrInterrupted, opts.timeout)
	}
	if err := out.close(errJoin(runErr, st.Close())); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	return nil
}

// runNamedQuery runs one query of package queries. Its parameters are
// resolved against the store before the script runs (names through aliases,
// in either script), and handed to it as JSON, never as code.
func runNamedQuery(ctx context.Context, opts queryOptions) error {
	if opts.query != "" || opts.file != "" {
		return fmt.Errorf("query: give --name or a Gizmo query, not both")
	}
	q, err := queries.ByName(opts.name)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	if opts.minConfidence < 0 || opts.minConfidence > 1 {
		return fmt.Errorf("query %s: --min-confidence %g: a confidence is between 0 and 1", q.Name, opts.minConfidence)
	}
	args, err := parseQueryArgs(opts.args)
	if err != nil {
		return fmt.Errorf("query %s: %w", q.Name, err)
	}
	format := opts.format
	if format == "" {
		format = defaultFormat(opts.stdout)
	}
	if !slices.Contains(queries.Formats, format) {
		return fmt.Errorf("query: unknown --format %q (known: %s)", format, strings.Join(queries.Formats, ", "))
	}
	st, err := opts.store.openReader()
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	ctx, cancel := opts.bound(ctx)
	defer cancel()
	var table *queries.Table
	runErr := st.Guard(func(qs cgraph.QuadStore) (err error) {
		if q.Rankings {
			if err := warnStaleRankings(ctx, qs, q.Name, opts.stderr); err != nil {
				return err
			}
		}
		table, err = q.Run(ctx, qs, args, queries.Options{Limit: opts.limit, Evidence: opts.withEvidence, MinConfidence: opts.minConfidence})
		return err
	})
	if errors.Is(runErr, graph.ErrStoreDamaged) {
		runErr = fmt.Errorf("query %s: %w", q.Name, runErr)
	}
	if err := errJoin(runErr, st.Close()); err != nil {
		return err
	}
	if err := table.Write(opts.stdout, format); err != nil {
		return fmt.Errorf("query %s: %w", q.Name, err)
	}
	return nil
}

// warnStaleRankings says when the rankings a query reads are marked stale:
// the answer is still right, the query counts every organisation itself, but
// it takes longer, and a build or load did not finish.
func warnStaleRankings(ctx context.Context, qs cgraph.QuadStore, name string, stderr io.Writer) error {
	stale, err := graph.RankingsStale(ctx, qs)
	if err != nil || !stale || stderr == nil {
		return err
	}
	_, err = fmt.Fprintf(stderr, "hospkg: warning: %s; %s counts every organisation itself until one finishes\n", graph.StaleRankingsWarning, name)
	return err
}

// parseQueryArgs reads key=value pairs; a key given twice is an error.
func parseQueryArgs(pairs []string) (map[string]string, error) {
	args := make(map[string]string, len(pairs))
	for _, pair := range pairs {
		key, value, ok := strings.Cut(pair, "=")
		key = strings.TrimSpace(key)
		if !ok || key == "" {
			return nil, fmt.Errorf("--arg %q: want KEY=VALUE", pair)
		}
		if _, dup := args[key]; dup {
			return nil, fmt.Errorf("--arg %s given twice", key)
		}
		args[key] = value
	}
	return args, nil
}

// defaultFormat is table for a terminal and json for pipes and files, which
// scripts read.
func defaultFormat(w io.Writer) string {
	if f, ok := w.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			return "table"
		}
	}
	return "json"
}

// bound returns ctx limited by --timeout (0: unlimited). The bound reaches
// Gizmo only through the context its iterator's Next is given.
func (o queryOptions) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	if o.timeout > 0 {
		return context.WithTimeout(ctx, o.timeout)
	}
	return context.WithCancel(ctx)
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
		return "", fmt.Errorf("query: no query given (a Gizmo argument, --file or --name)")
	}
	return o.query, nil
}

// jsonArrayWriter prints results as one JSON array, a result a line, as
// they come: a result cut off by a time limit, an interrupt or an error
// lacks the closing bracket, so that no JSON parser takes it for a whole
// one.
type jsonArrayWriter struct {
	w io.Writer
	n int
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

// close ends the array when the query ended without err, and otherwise
// ends the last line but not the array, and says so in the error.
func (a *jsonArrayWriter) close(err error) error {
	switch {
	case err == nil && a.n == 0:
		_, err = io.WriteString(a.w, "[]\n")
		return err
	case err == nil:
		_, err = io.WriteString(a.w, "\n]\n")
		return err
	case a.n == 0:
		return err
	}
	_, werr := io.WriteString(a.w, "\n")
	return errJoin(fmt.Errorf("%w; the output stops after %d results, without the closing ], so it does not parse as JSON", err, a.n), werr)
}
