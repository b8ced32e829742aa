package server

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"

	"hospkg/graph"
	"hospkg/intake"
)

// Search answers at most this many entities, 10 unless asked.
const (
	searchDefault = 10
	searchMax     = 50
	searchMaxRune = 100 // a longer q is no name
)

// match is one entity found by GET /api/search.
type match struct {
	ID   string `json:"id"`
	Name string `json:"name"` // canonical
	Type string `json:"type"`
	// Alias is the alias that matched, when it was not the name.
	Alias string `json:"alias,omitempty"`
}

// serveSearch answers GET /api/search?q=…[&limit=N]: the entities a name or
// alias of which starts with q (those first) or contains it, typed in
// either script (醫院 finds 医院), the nearest to q first.
func (s *Server) serveSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	limit := searchDefault
	if raw := r.URL.Query().Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > searchMax {
			s.writeError(w, http.StatusBadRequest, fmt.Errorf("search: limit %q: want a whole number from 1 to %d", raw, searchMax))
			return
		}
		limit = n
	}
	if n := len([]rune(q)); n > searchMaxRune {
		s.writeError(w, http.StatusBadRequest, fmt.Errorf("search: q is %d characters long; names are at most %d", n, searchMaxRune))
		return
	}
	if q == "" {
		s.writeJSON(w, http.StatusOK, []match{})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	entries, err := s.names.get(ctx)
	if err != nil {
		s.writeError(w, statusOf(err), fmt.Errorf("search: %w", err))
		return
	}
	s.writeJSON(w, http.StatusOK, search(entries, q, limit))
}

// nameEntry is one name or alias of an entity, with its simplified form.
type nameEntry struct {
	form, simple string
	alias        bool
	entity       *graph.EntityName
}

// search ranks the entries matching q: the whole name, then names starting
// with it, then names containing it; shorter names first, each entity once.
func search(entries []nameEntry, q string, limit int) []match {
	forms := []string{q}
	if simple := intake.Simplify(q); simple != q {
		forms = append(forms, simple)
	}
	type scored struct {
		e     *nameEntry
		score int
	}
	best := make(map[string]scored)
	for i := range entries {
		e := &entries[i]
		score := -1
		for _, f := range forms {
			for _, name := range []string{e.form, e.simple} {
				switch {
				case name == f:
					score = 0
				case score != 0 && strings.HasPrefix(name, f):
					score = 1
				case score < 0 && strings.Contains(name, f):
					score = 2
				}
			}
		}
		if score < 0 {
			continue
		}
		if old, ok := best[e.entity.ID]; !ok || score < old.score || (score == old.score && old.e.alias && !e.alias) {
			best[e.entity.ID] = scored{e, score}
		}
	}
	found := make([]scored, 0, len(best))
	for _, s := range best {
		found = append(found, s)
	}
	sort.Slice(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.score != b.score {
			return a.score < b.score
		}
		if la, lb := len([]rune(a.e.form)), len([]rune(b.e.form)); la != lb {
			return la < lb
		}
		if a.e.form != b.e.form {
			return a.e.form < b.e.form
		}
		return a.e.entity.ID < b.e.entity.ID
	})
	out := make([]match, 0, min(limit, len(found)))
	for _, s := range found[:min(limit, len(found))] {
		m := match{ID: s.e.entity.ID, Name: s.e.entity.Name, Type: s.e.entity.Type}
		if s.e.alias {
			m.Alias = s.e.form
		}
		out = append(out, m)
	}
	return out
}

// nameIndex holds every name and alias of the store for search, read once
// (graph.EntityNames) and again after a write through the API, or when
// older than maxAge (0: never), for a store other processes write. Until
// the new one is read, searches use the old one.
type nameIndex struct {
	store  *graph.Store
	maxAge time.Duration

	mu      sync.Mutex
	entries []nameEntry
	read    time.Time // zero: never read, or invalidated
	loading chan struct{}
	err     error // of the last load
	// generation counts invalidations: a load that began before the last
	// one read names a write has since changed.
	generation int
}

func newNameIndex(st *graph.Store, maxAge time.Duration) *nameIndex {
	return &nameIndex{store: st, maxAge: maxAge}
}

// invalidate makes the next search read the names again and wait for
// them: after a write, the old names are wrong, not just old.
func (x *nameIndex) invalidate() {
	x.mu.Lock()
	x.read, x.entries = time.Time{}, nil
	x.generation++
	x.mu.Unlock()
}

// get returns the index, reading it first if need be; ctx bounds only the
// wait, not the reading, which other searches share.
func (x *nameIndex) get(ctx context.Context) ([]nameEntry, error) {
	x.mu.Lock()
	fresh := !x.read.IsZero() && (x.maxAge <= 0 || time.Since(x.read) < x.maxAge)
	if fresh {
		defer x.mu.Unlock()
		return x.entries, nil
	}
	if x.loading == nil {
		x.loading = make(chan struct{})
		go x.load(x.loading, x.generation)
	}
	loading, stale := x.loading, x.entries
	x.mu.Unlock()
	if stale != nil {
		return stale, nil // the old names while the new are read
	}
	select {
	case <-loading:
	case <-ctx.Done():
		return nil, fmt.Errorf("%w: reading the names of the store", ctx.Err())
	}
	x.mu.Lock()
	if x.err != nil {
		defer x.mu.Unlock()
		return nil, x.err
	}
	if x.read.IsZero() {
		// Invalidated while it was read: read again.
		x.mu.Unlock()
		return x.get(ctx)
	}
	defer x.mu.Unlock()
	return x.entries, nil
}

// loadTimeout bounds one reading of the names.
const loadTimeout = 5 * time.Minute

func (x *nameIndex) load(done chan struct{}, generation int) {
	ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
	defer cancel()
	names, err := x.readNames(ctx)
	var entries []nameEntry
	for i := range names {
		e := &names[i]
		entries = append(entries, nameEntry{form: e.Name, simple: intake.Simplify(e.Name), entity: e})
		for _, a := range e.Aliases {
			entries = append(entries, nameEntry{form: a, simple: intake.Simplify(a), alias: true, entity: e})
		}
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.loading = nil
	x.err = err
	if err == nil && generation == x.generation {
		x.entries, x.read = entries, time.Now()
	}
	close(done)
}

// readNames reads the names inside the store's Guard. This goroutine is no
// request's: a bug here must not end the server, nor leave searches waiting
// for ever.
func (x *nameIndex) readNames(ctx context.Context) (names []graph.EntityName, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error reading the names (a bug; please report it): %v", p)
		}
	}()
	err = x.store.Guard(func(qs cgraph.QuadStore) error {
		var err error
		names, err = graph.EntityNames(ctx, qs)
		return err
	})
	return names, err
}
