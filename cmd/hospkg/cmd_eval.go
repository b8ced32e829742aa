package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/urfave/cli/v2"

	"hospkg/eval"
	"hospkg/graph"
	"hospkg/nlp"
	"hospkg/pipeline"
)

type evalOptions struct {
	gold       string   // the gold file
	paths      []string // files and folders; none means the embedded seeds
	misses     bool     // list every miss after the table
	jsonOutput bool     // write the rows as score.py --json does
	stdout     io.Writer
	stderr     io.Writer
}

func newEvalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "build documents into a scratch store and score the export against a gold file, as score.py does (no path: the five bundled seeds)",
		ArgsUsage: "[PATH...]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Required: true, Usage: "gold `FILE` (see the annotation guide)"},
			&cli.BoolFlag{Name: "misses", Usage: "list every missed and extra fact"},
			&cli.BoolFlag{Name: "json", Usage: "write the scores as JSON"},
		},
		Action: func(c *cli.Context) error {
			return runEval(c.Context, evalOptions{
				gold: c.String("gold"), paths: c.Args().Slice(),
				misses: c.Bool("misses"), jsonOutput: c.Bool("json"),
				stdout: c.App.Writer, stderr: c.App.ErrWriter,
			})
		},
	}
}

func runEval(ctx context.Context, opts evalOptions) error {
	gold, err := eval.ReadGoldFile(opts.gold)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	pipeline.TuneCollector()
	extractor, err := nlp.NewPipeline()
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	export, sum, err := buildAndExport(ctx, extractor, pipeline.Sources(opts.paths), opts.stderr)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	lines, err := eval.ReadLines(bytes.NewReader(export))
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	report := eval.Score(gold, lines)
	if opts.jsonOutput {
		err = report.WriteJSON(opts.stdout)
	} else {
		err = report.WriteText(opts.stdout)
	}
	if err == nil && opts.misses {
		err = report.WriteMisses(opts.stdout)
	}
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if failed := sum.Skipped - sum.Empty; failed > 0 {
		return fmt.Errorf("%d input(s) not scored: %w", failed, errInputSkipped)
	}
	return nil
}

// buildAndExport builds the sources into a store that lives only in memory,
// so nothing is left on disk to remove, and returns its JSONL export.
func buildAndExport(ctx context.Context, p *nlp.Pipeline, sources iter.Seq2[pipeline.Source, error], stderr io.Writer) ([]byte, pipeline.Summary, error) {
	st, err := graph.Open("memstore", "", nil)
	if err != nil {
		return nil, pipeline.Summary{}, err
	}
	var export bytes.Buffer
	sum, err := pipeline.Run(ctx, p, sources, pipeline.NewStoreWriter(st.QuadStore(), 0), pipeline.Options{Log: stderr})
	if err == nil {
		err = graph.WriteJSONL(ctx, st.QuadStore(), &export)
	}
	if err := errors.Join(err, st.Close()); err != nil {
		return nil, sum, err
	}
	return export.Bytes(), sum, nil
}
