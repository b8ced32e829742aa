package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/cayleygraph/quad/nquads"
	"github.com/urfave/cli/v2"

	"hospkg/graph"
	"hospkg/nlp"
	"hospkg/pipeline"
)

type extractOptions struct {
	paths   []string // files and folders; none means the embedded seeds
	format  string   // nquads or jsonl
	output  string   // file name; empty means stdout
	workers int
	stdout  io.Writer
	stderr  io.Writer
}

func newExtractCommand() *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "read documents and write their facts without a store: N-Quads for `hospkg load` (extract shards on many machines), or JSONL",
		ArgsUsage: "[PATH...]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "nquads", Usage: "nquads (exactly the quads build stores) or jsonl (the export contract)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of stdout"},
			workersFlag(),
		},
		Action: func(c *cli.Context) error {
			return runExtract(c.Context, extractOptions{
				paths: c.Args().Slice(), format: c.String("format"), output: c.String("output"),
				workers: c.Int("workers"), stdout: c.App.Writer, stderr: c.App.ErrWriter,
			})
		},
	}
}

func runExtract(ctx context.Context, opts extractOptions) error {
	if opts.format != "nquads" && opts.format != "jsonl" {
		return fmt.Errorf("extract: unknown format %q (known: nquads, jsonl)", opts.format)
	}
	start := time.Now()
	pipeline.TuneCollector()
	extractor, err := nlp.NewPipeline()
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	dictionaryLoad := time.Since(start)
	w, closeOutput, err := openOutput(opts.output, opts.stdout)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	sources := pipeline.Sources(opts.paths)
	buildOpts := pipeline.Options{
		Workers: opts.workers, Log: opts.stderr,
		Progress: pipeline.NewProgress(opts.stderr, isTerminal(opts.stderr), sources),
	}
	var sum pipeline.Summary
	if opts.format == "nquads" {
		qw := nquads.NewWriter(w)
		sum, err = pipeline.Run(ctx, extractor, sources, pipeline.NewQuadWriter(qw), buildOpts)
		err = errors.Join(err, qw.Close())
	} else {
		sum, err = extractJSONL(ctx, extractor, sources, w, buildOpts)
	}
	if err := errors.Join(err, closeOutput()); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if err := sum.WriteRates(opts.stderr, dictionaryLoad); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if failed := sum.Skipped - sum.Empty; failed > 0 {
		return fmt.Errorf("%d input(s) not extracted: %w", failed, errInputSkipped)
	}
	return nil
}

// extractJSONL builds the sources into a store in memory and writes its
// JSONL export, so the lines are exactly those an export of a build gives.
func extractJSONL(ctx context.Context, p *nlp.Pipeline, sources iter.Seq2[pipeline.Source, error], w io.Writer, opts pipeline.Options) (pipeline.Summary, error) {
	st, err := graph.Open("memstore", "", nil)
	if err != nil {
		return pipeline.Summary{}, err
	}
	sum, err := pipeline.Run(ctx, p, sources, pipeline.NewStoreWriter(st.QuadStore(), 0), opts)
	if err == nil {
		err = graph.WriteJSONL(ctx, st.QuadStore(), w)
	}
	return sum, errors.Join(err, st.Close())
}
