package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	cgraph "github.com/cayleygraph/cayley/graph"

	"hospkg/queries"
)

// reservedParams are the URL parameters of GET /api/queries/NAME that bound
// and widen a run, as the flags of hospkg query do; every other parameter
// is one of the query's own. No named query may take one of these names
// (TestReservedParams).
var reservedParams = map[string]bool{"limit": true, "evidence": true, "min_confidence": true}

// queryInfo is one named query as GET /api/queries lists it.
type queryInfo struct {
	Name    string      `json:"name"`
	Summary string      `json:"summary"`
	About   string      `json:"about,omitempty"`
	Params  []paramInfo `json:"params"`
	Columns []string    `json:"columns"`
	// Evidence says the rows are facts, which ?evidence=1 gives the
	// sentences of.
	Evidence bool `json:"evidence"`
}

type paramInfo struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Default string `json:"default,omitempty"`
	Usage   string `json:"usage"`
}

// serveQueryList answers GET /api/queries: every named query, its
// parameters and columns, as hospkg queries lists them.
func (s *Server) serveQueryList(w http.ResponseWriter, r *http.Request) {
	all, err := queries.All()
	if err != nil {
		s.writeError(w, http.StatusInternalServerError, err)
		return
	}
	out := make([]queryInfo, 0, len(all))
	for _, q := range all {
		info := queryInfo{Name: q.Name, Summary: q.Summary, About: q.About, Params: []paramInfo{}, Columns: q.Columns, Evidence: q.Fact != nil}
		for _, p := range q.Params {
			info.Params = append(info.Params, paramInfo{Name: p.Name, Kind: string(p.Kind), Default: p.Default, Usage: p.Usage})
		}
		out = append(out, info)
	}
	s.writeJSON(w, http.StatusOK, out)
}

// serveNamedQuery answers GET /api/queries/NAME?PARAM=…: the rows hospkg
// query --name NAME --format json prints, byte for byte, names resolved
// through aliases in either script. ?limit= (at most the server's),
// ?evidence=1 and ?min_confidence= do what the flags do.
func (s *Server) serveNamedQuery(w http.ResponseWriter, r *http.Request) {
	q, err := queries.ByName(r.PathValue("name"))
	if err != nil {
		s.writeError(w, http.StatusNotFound, err)
		return
	}
	args := make(map[string]string)
	for key, values := range r.URL.Query() {
		if reservedParams[key] {
			continue
		}
		if len(values) != 1 {
			s.writeError(w, http.StatusBadRequest, fmt.Errorf("query %s: parameter %s given %d times", q.Name, key, len(values)))
			return
		}
		args[key] = values[0]
	}
	opts, err := s.runOptions(r)
	if err != nil {
		s.writeError(w, http.StatusBadRequest, fmt.Errorf("query %s: %w", q.Name, err))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	var table *queries.Table
	err = s.store.Guard(func(qs cgraph.QuadStore) error {
		var err error
		table, err = q.Run(ctx, qs, args, opts)
		return err
	})
	if errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, queries.ErrInterrupted) {
		err = fmt.Errorf("%w: %w", queries.ErrInterrupted, err)
	}
	if err != nil {
		if errors.Is(err, queries.ErrInterrupted) {
			err = fmt.Errorf("%w (the server's --timeout %v)", err, s.cfg.Timeout)
		}
		s.writeError(w, statusOf(err), err)
		return
	}
	var b bytes.Buffer
	if err := table.Write(&b, "json"); err != nil {
		s.writeError(w, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	s.sent(w.Write(b.Bytes()))
}

// runOptions reads ?limit=, ?evidence= and ?min_confidence=.
func (s *Server) runOptions(r *http.Request) (queries.Options, error) {
	opts := queries.Options{Limit: s.cfg.Limit}
	v := r.URL.Query()
	if raw := v.Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 {
			return opts, fmt.Errorf("limit %q: want a whole number from 1 to %d", raw, s.cfg.Limit)
		}
		opts.Limit = min(n, s.cfg.Limit)
	}
	if raw := v.Get("evidence"); raw != "" {
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return opts, fmt.Errorf("evidence %q: want 1 or 0", raw)
		}
		opts.Evidence = b
	}
	if raw := v.Get("min_confidence"); raw != "" {
		p, err := strconv.ParseFloat(raw, 64)
		if err != nil || p < 0 || p > 1 {
			return opts, fmt.Errorf("min_confidence %q: a confidence is between 0 and 1", raw)
		}
		opts.MinConfidence = p
	}
	return opts, nil
}
