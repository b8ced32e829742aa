// Command hospkg builds a knowledge graph of hospitals, officials and their
// relations from Chinese hospital news, and queries and exports it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"hospkg/graph"
)

// Exit codes main maps errors to.
const (
	exitFailure = 1 // the command failed
	exitSkipped = 2 // the command finished, but some input was skipped
	exitInUse   = 3 // another hospkg process holds the store
)

// errInputSkipped means some input could not be read; the rest was built.
var errInputSkipped = errors.New("some input was skipped")

// stopGrace is how long a command may go on after an interrupt: extraction
// stops between sentences and the store keeps whole documents, and what is
// still busy after that (a wait for a held store, a slow write) is cut.
const stopGrace = 1500 * time.Millisecond

// main runs the command line; an interrupt (Ctrl-C) or SIGTERM cancels the
// context, and a build stops between sentences, keeping whole documents. The
// process ends within stopGrace of the signal; a second signal kills.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
		time.AfterFunc(stopGrace, func() {
			// Bolt and SQL write in transactions: cut here, the store
			// holds what the last finished write left, whole documents.
			fmt.Fprintln(os.Stderr, "hospkg: interrupted")
			os.Exit(exitFailure)
		})
	}()
	code := run(ctx, os.Args, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs the command line and returns the exit code. A Go panic, which
// would exit 2 like a build that skipped input, is reported as a failure.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "hospkg: internal error (a bug; please report it with the command): %v\n", r)
			code = exitFailure
		}
	}()
	app := newApp(stdout, stderr)
	err := app.RunContext(ctx, args)
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "hospkg:", err)
	switch {
	case errors.Is(err, errInputSkipped):
		return exitSkipped
	case errors.Is(err, graph.ErrStoreInUse):
		return exitInUse
	}
	return exitFailure
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:      "hospkg",
		Usage:     "a knowledge graph of hospitals from Chinese hospital news",
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors are printed once, by run, and mapped to exit codes there.
		ExitErrHandler: func(*cli.Context, error) {},
		Commands: []*cli.Command{
			newBuildCommand(),
			newQueryCommand(),
			newQueriesCommand(),
			newExportCommand(),
			newStatsCommand(),
			newLoadCommand(),
			newEvalCommand(),
			newExtractCommand(),
			newTrainCommand(),
			newServeCommand(),
		},
	}
}
