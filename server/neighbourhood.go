package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"hospkg/graph"
	"hospkg/queries"
)

// Neighbourhoods are capped: the page asks for more with "more…".
const (
	neighbourhoodDefault = 60
	neighbourhoodMax     = 1000
	hopsMax              = 3
)

// serveNeighbourhood answers GET /api/neighbourhood?name=…|id=…: the
// entities within hops (1 to 3, default 1) facts of the entity, at most
// limit of them (default 60, "truncated" says when more were in reach), and
// the facts between them with their evidence; predicate= and type= (each
// repeatable) and min_confidence= filter. See graph.Neighbourhood.
func (s *Server) serveNeighbourhood(w http.ResponseWriter, r *http.Request) {
	n, err := s.neighbourhood(r, 1)
	if err != nil {
		s.writeError(w, statusOf(err), err)
		return
	}
	s.writeJSON(w, http.StatusOK, n)
}

// neighbourhood reads the neighbourhood a request asks for, hops deep
// unless it says otherwise.
func (s *Server) neighbourhood(r *http.Request, hops int) (*graph.Neighbourhood, error) {
	v := r.URL.Query()
	opts := graph.NeighbourhoodOptions{Hops: hops, MaxNodes: neighbourhoodDefault, Predicates: v["predicate"], Types: v["type"]}
	if raw := v.Get("hops"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > hopsMax {
			return nil, fmt.Errorf("hops %q: want 1, 2 or 3", raw)
		}
		opts.Hops = n
	}
	if raw := v.Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > neighbourhoodMax {
			return nil, fmt.Errorf("limit %q: want a whole number from 1 to %d", raw, neighbourhoodMax)
		}
		opts.MaxNodes = n
	}
	if raw := v.Get("min_confidence"); raw != "" {
		p, err := strconv.ParseFloat(raw, 64)
		if err != nil || p < 0 || p > 1 {
			return nil, fmt.Errorf("min_confidence %q: a confidence is between 0 and 1", raw)
		}
		opts.MinConfidence = p
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	var out *graph.Neighbourhood
	err := s.store.Guard(func(qs cgraph.QuadStore) error {
		centre, err := centreOf(ctx, qs, v)
		if err != nil {
			return err
		}
		out, err = graph.ReadNeighbourhood(ctx, qs, centre, opts)
		return err
	})
	if errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("%w (the server's --timeout %v): %w", queries.ErrInterrupted, s.cfg.Timeout, err)
	}
	return out, err
}

// centreOf resolves ?id= (an entity ID, as the answers give them) or ?name=
// (a name or alias, either script; every entity going by it).
func centreOf(ctx context.Context, qs cgraph.QuadStore, v url.Values) ([]quad.IRI, error) {
	if id := strings.TrimSpace(v.Get("id")); id != "" {
		node := graph.EntityIRI(id)
		if qs.ValueOf(node) == nil {
			return nil, fmt.Errorf("%w %s: no entity has this id", queries.ErrNoEntity, id)
		}
		return []quad.IRI{node}, nil
	}
	name := v.Get("name")
	if name == "" {
		return nil, fmt.Errorf("give name= (a name or alias) or id= (an entity id)")
	}
	return queries.ResolveEntities(ctx, qs, name)
}
