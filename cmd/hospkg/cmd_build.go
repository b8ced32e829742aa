package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"hospkg/graph"
	"hospkg/nlp"
	"hospkg/pipeline"
)

type buildOptions struct {
	store   storeOptions
	paths   []string // files and folders; none means the embedded seeds
	workers int      // documents extracted at once; 0 means one per CPU
	stdout  io.Writer
	stderr  io.Writer
}

func newBuildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "read documents and replace their facts in the store (no path: the five bundled seeds)",
		ArgsUsage: "[PATH...]",
		Flags:     append(storeFlags(), workersFlag()),
		Action: func(c *cli.Context) error {
			return runBuild(c.Context, buildOptions{
				store: storeOptionsFrom(c), paths: c.Args().Slice(), workers: c.Int("workers"),
				stdout: c.App.Writer, stderr: c.App.ErrWriter,
			})
		},
	}
}

func workersFlag() cli.Flag {
	return &cli.IntFlag{Name: "workers", Value: runtime.NumCPU(), Usage: "how many documents to extract at once"}
}

func runBuild(ctx context.Context, opts buildOptions) error {
	start := time.Now()
	pipeline.TuneCollector()
	extractor, err := nlp.NewPipeline()
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	dictionaryLoad := time.Since(start)
	st, err := opts.store.open()
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	sources := pipeline.Sources(opts.paths)
	sum, buildErr := pipeline.Run(ctx, extractor, sources, pipeline.NewStoreWriter(st.QuadStore(), 0), pipeline.Options{
		Workers: opts.workers, Log: opts.stderr,
		Progress: pipeline.NewProgress(opts.stderr, isTerminal(opts.stderr), sources),
	})
	var stats graph.Stats
	if buildErr == nil || errors.Is(buildErr, pipeline.ErrInterrupted) {
		// A fresh context: an interrupted build still says what the store
		// holds.
		var statsErr error
		stats, statsErr = graph.ComputeStats(context.WithoutCancel(ctx), st.QuadStore())
		buildErr = errors.Join(buildErr, statsErr)
	}
	buildErr = errors.Join(buildErr, st.Close())
	if buildErr != nil && !errors.Is(buildErr, pipeline.ErrInterrupted) {
		return fmt.Errorf("build: %w", buildErr)
	}
	if err := sum.WriteText(opts.stdout, stats, dictionaryLoad); err != nil {
		return fmt.Errorf("build: %w", errors.Join(buildErr, err))
	}
	if buildErr != nil {
		return fmt.Errorf("build: %w", buildErr)
	}
	if failed := sum.Skipped - sum.Empty; failed > 0 {
		return fmt.Errorf("%d input(s) not built: %w", failed, errInputSkipped)
	}
	return nil
}

// isTerminal reports whether w is a terminal, where a progress bar can be
// redrawn in place.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
