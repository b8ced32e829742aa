// Package server serves one hospkg store over HTTP: Cayley's HTTP API v2 for
// tools (api_v2.go), the named queries (named.go), name completion
// (search.go), the neighbourhood of an entity with its evidence
// (neighbourhood.go), and a page for researchers that draws it
// (page.go, static/). It is read-only unless told otherwise, bounds every
// query in time and rows and every request body in size, turns a crashing
// query or a damaged store into an error response, and logs each request in
// one line.
package server

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"

	"hospkg/graph"
)

// Config says how a Server serves its store.
type Config struct {
	// Write allows POST /api/v2/write and /api/v2/delete; otherwise they
	// are refused with 403.
	Write bool
	// Timeout bounds every query (0: 30 s).
	Timeout time.Duration
	// Limit caps the rows of every query (0: 1000).
	Limit int
	// MaxBody caps request bodies in bytes (0: 1 MiB); larger get 413.
	MaxBody int64
	// NamesMaxAge is how long the search index of names is used before it
	// is read again: 0 for a store no other process writes (a bolt store
	// this process holds), a minute or so for a server database.
	NamesMaxAge time.Duration
	// Log receives one line per request; nil logs nothing.
	Log *log.Logger
}

// Defaults of Config's zero fields.
const (
	DefaultTimeout = 30 * time.Second
	DefaultLimit   = 1000
	DefaultMaxBody = 1 << 20
)

func (c Config) withDefaults() Config {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Limit <= 0 {
		c.Limit = DefaultLimit
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	return c
}

// Server is the HTTP handler of one store.
type Server struct {
	store   *graph.Store
	cfg     Config
	names   *nameIndex
	handler http.Handler
}

// New returns the server of st; st stays open until the caller closes it,
// after Serve returns.
func New(st *graph.Store, cfg Config) (*Server, error) {
	s := &Server{store: st, cfg: cfg.withDefaults()}
	s.names = newNameIndex(st, s.cfg.NamesMaxAge)
	mux := http.NewServeMux()
	v2, err := s.apiV2()
	if err != nil {
		return nil, err
	}
	mux.Handle("/api/v2/", v2)
	mux.HandleFunc("GET /api/queries", s.serveQueryList)
	mux.HandleFunc("GET /api/queries/{name}", s.serveNamedQuery)
	mux.HandleFunc("GET /api/search", s.serveSearch)
	mux.HandleFunc("GET /api/neighbourhood", s.serveNeighbourhood)
	mux.HandleFunc("GET /facts", s.serveFacts)
	files, err := staticFiles()
	if err != nil {
		return nil, err
	}
	mux.Handle("GET /static/", files)
	mux.HandleFunc("GET /{$}", s.servePage)
	s.handler = s.logged(s.guarded(s.limitBody(mux)))
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// shutdownGrace is how long requests under way may finish after ctx ends
// before they are cut: hospkg ends 1.5 s after a signal whatever happens.
const shutdownGrace = time.Second

// Serve serves on l until ctx ends, then stops accepting, lets the requests
// under way finish for shutdownGrace, interrupts the queries still running
// and returns. It returns nil after a stop through ctx.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	base, cancelQueries := context.WithCancel(context.Background())
	defer cancelQueries()
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.Timeout,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          s.cfg.Log,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	// Read the names for search while nobody waits for them yet.
	go func() {
		if _, err := s.names.get(base); err != nil && base.Err() == nil {
			s.logf("search index: %v (searches will try again)", err)
		}
	}()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	grace, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := srv.Shutdown(grace)
	if errors.Is(err, context.DeadlineExceeded) {
		cancelQueries()
		err = srv.Close()
	}
	if serveErr := <-done; !errors.Is(serveErr, http.ErrServerClosed) {
		err = errors.Join(err, serveErr)
	}
	if err != nil {
		return fmt.Errorf("serve: stopping: %w", err)
	}
	return nil
}

// logf writes one line to the request log.
func (s *Server) logf(format string, args ...any) {
	if s.cfg.Log != nil {
		s.cfg.Log.Printf(format, args...)
	}
}
