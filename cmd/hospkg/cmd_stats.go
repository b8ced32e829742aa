package main

import (
	"context"
	"fmt"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/urfave/cli/v2"

	"hospkg/graph"
)

type statsOptions struct {
	store  storeOptions
	stdout io.Writer
}

func newStatsCommand() *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "count documents, sentences, nodes by type and edges by predicate",
		Flags: storeFlags(),
		Action: func(c *cli.Context) error {
			return runStats(c.Context, statsOptions{store: storeOptionsFrom(c), stdout: c.App.Writer})
		},
	}
}

func runStats(ctx context.Context, opts statsOptions) error {
	st, err := opts.store.openReader()
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	var stats graph.Stats
	err = st.Guard(func(qs cgraph.QuadStore) (err error) {
		stats, err = graph.ComputeStats(ctx, qs)
		return err
	})
	if err := errJoin(err, st.Close()); err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	if err := stats.WriteText(opts.stdout); err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	return nil
}
