package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"hospkg/graph"
	"hospkg/server"
)

type serveOptions struct {
	store   storeOptions
	addr    string
	write   bool
	timeout time.Duration
	limit   int
	maxBody int64
	stderr  io.Writer // the request log and the messages
	// ready, when set, is told the address once the server listens.
	ready func(addr string)
}

func newServeCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve the store over HTTP: Cayley's API v2, the named queries, search, and a page to explore the network",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT` (127.0.0.1: this machine only)"},
			&cli.BoolFlag{Name: "write", Usage: "accept POST /api/v2/write and /api/v2/delete (refused with 403 otherwise); holds a bolt store alone"},
			&cli.DurationFlag{Name: "timeout", Value: server.DefaultTimeout, Usage: "stop any query running longer than this"},
			&cli.IntFlag{Name: "limit", Value: server.DefaultLimit, Usage: "at most this many rows or results per query"},
			&cli.Int64Flag{Name: "max-body", Value: server.DefaultMaxBody, Usage: "refuse request bodies over this many `BYTES` (413)"},
		),
		Action: func(c *cli.Context) error {
			return runServe(c.Context, serveOptions{
				store: storeOptionsFrom(c), addr: c.String("addr"), write: c.Bool("write"), timeout: c.Duration("timeout"),
				limit: c.Int("limit"), maxBody: c.Int64("max-body"), stderr: c.App.ErrWriter,
			})
		},
	}
}

// runServe serves the store until ctx ends (SIGINT, SIGTERM), then stops
// cleanly: no new connections, the requests under way finish or are
// interrupted within a second, the store is closed.
func runServe(ctx context.Context, opts serveOptions) error {
	if opts.timeout <= 0 || opts.limit <= 0 || opts.maxBody <= 0 {
		return fmt.Errorf("serve: --timeout, --limit and --max-body must be above 0")
	}
	var st *graph.Store
	var err error
	if opts.write {
		st, err = opts.store.open()
	} else {
		st, err = opts.store.openReader()
	}
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	cfg := server.Config{Write: opts.write, Timeout: opts.timeout, Limit: opts.limit, MaxBody: opts.maxBody,
		Log: log.New(opts.stderr, "", log.LstdFlags)}
	if opts.store.Backend == "postgres" || opts.store.Backend == "cockroach" {
		// Other processes write a database server: read the names for
		// search again now and then.
		cfg.NamesMaxAge = time.Minute
	}
	srv, err := server.New(st, cfg)
	if err != nil {
		return errJoin(err, st.Close())
	}
	l, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return errJoin(fmt.Errorf("serve: %w", err), st.Close())
	}
	mode := "read-only"
	if opts.write {
		mode = "writable"
	}
	where := opts.store.Path
	if strings.Contains(where, "://") {
		where = redactURL(where)
	}
	fmt.Fprintf(opts.stderr, "hospkg: serving %s (%s) on http://%s/\n", where, mode, l.Addr())
	if opts.ready != nil {
		opts.ready(l.Addr().String())
	}
	serveErr := srv.Serve(ctx, l)
	if serveErr == nil {
		fmt.Fprintln(opts.stderr, "hospkg: stopped serving")
	}
	return errJoin(serveErr, st.Close())
}
