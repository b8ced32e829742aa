package server

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"

	"hospkg/graph"
	// Gizmo as hospkg registers it, under cayley's name "gizmo": a query
	// that panics gets an error, not a dead server.
	_ "hospkg/internal/gizmo"
)

// apiV2 is cayley's HTTP API v2 as cayley serves it (query, read, formats,
// write, delete), bounded by the server's timeout and row limit, with three
// things around it: a Gizmo query is checked for the calls that crash
// Gizmo v0.7.7 before it runs (graph.CheckGizmo), a read of quads is cut
// off after the timeout, and a write first marks the stored rankings stale
// (as every writer of hospkg does) and afterwards has the search index read
// again. Writes are refused with cayley's 403 unless Config.Write.
func (s *Server) apiV2() (http.Handler, error) {
	qs := s.store.QuadStore()
	h := &cgraph.Handle{QuadStore: qs}
	if s.cfg.Write {
		w, err := cgraph.NewQuadWriter("single", qs, nil)
		if err != nil {
			return nil, fmt.Errorf("serve: writer: %w", err)
		}
		h.QuadWriter = w
	}
	// The routes are registered before the switch to read-only, so that
	// a write gets cayley's 403 "database is read-only", not a 404.
	api := cayleyhttp.NewAPIv2Writer(h, "single", nil)
	api.SetReadOnly(!s.cfg.Write)
	api.SetQueryTimeout(s.cfg.Timeout)
	api.SetQueryLimit(s.cfg.Limit)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v2/query":
			if err := checkQuery(r); err != nil {
				s.writeError(w, http.StatusBadRequest, err)
				return
			}
		case "/api/v2/read":
			// The quads stream for as long as they last: the timeout
			// bounds the whole answer, as it bounds a query.
			if err := http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.cfg.Timeout)); err != nil {
				s.logf("read: no write deadline: %v", err)
			}
		case "/api/v2/write", "/api/v2/delete", "/api/v2/node/delete":
			if s.cfg.Write && r.Method == http.MethodPost {
				if err := graph.MarkRankingsStale(r.Context(), qs); err != nil {
					s.writeError(w, http.StatusInternalServerError, fmt.Errorf("marking the rankings stale before the write: %w", err))
					return
				}
				defer s.names.invalidate()
			}
		}
		api.ServeHTTP(w, r)
	}), nil
}

// checkQuery refuses a Gizmo query that would crash Gizmo v0.7.7 in a
// goroutine of its own, with the reason. The body has been read whole by
// limitBody, so reading it here and again in cayley's handler is free.
func checkQuery(r *http.Request) error {
	if !strings.EqualFold(r.URL.Query().Get("lang"), "gizmo") {
		return nil
	}
	text := r.URL.Query().Get("qu")
	if r.Method == http.MethodPost {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return fmt.Errorf("reading the query: %w", err)
		}
		text = string(body)
		r.Body = io.NopCloser(strings.NewReader(text))
	}
	return graph.CheckGizmo(text)
}
