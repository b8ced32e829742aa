package graph

import (
	"errors"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/graph"
	// The backends a user can name with --db.
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"
)

// lockWait is how long Open waits for another process to release a store
// before it gives up.
const lockWait = 3 * time.Second

// kvBackends are the backends that keep their data in files at the path and
// read a bloom filter option.
var kvBackends = map[string]bool{"bolt": true, "leveldb": true, "badger": true}

// Store is an open quad store, held exclusively by this process when it lives
// in local files.
type Store struct {
	qs   graph.QuadStore
	lock *storeLock
}

// Open opens the named Cayley backend at path, creating the store on first
// use. File-based stores are locked for this process first: bolt itself would
// wait forever for a store another process holds.
func Open(backend, path string, opts graph.Options) (*Store, error) {
	return open(backend, path, opts, lockWait)
}

func open(backend, path string, opts graph.Options, wait time.Duration) (*Store, error) {
	if !graph.IsRegistered(backend) {
		return nil, fmt.Errorf("open store: unknown backend %q (known: %v)", backend, graph.QuadStores())
	}
	if !graph.IsPersistent(backend) {
		qs, err := graph.NewQuadStore(backend, path, opts)
		if err != nil {
			return nil, fmt.Errorf("open %s store: %w", backend, err)
		}
		return &Store{qs: qs}, nil
	}
	if path == "" {
		return nil, fmt.Errorf("open %s store: no path given", backend)
	}
	st := &Store{}
	if kvBackends[backend] {
		lock, err := lockStore(path, wait)
		if err != nil {
			return nil, err
		}
		st.lock = lock
		opts = withDefault(opts, "no_bloom", true)
	}
	qs, err := initAndOpen(backend, path, opts)
	if err != nil {
		return nil, errors.Join(err, st.lock.release())
	}
	st.qs = qs
	return st, nil
}

func initAndOpen(backend, path string, opts graph.Options) (graph.QuadStore, error) {
	if err := graph.InitQuadStore(backend, path, opts); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
		return nil, fmt.Errorf("create %s store %s: %w", backend, path, err)
	}
	qs, err := graph.NewQuadStore(backend, path, opts)
	if err != nil {
		return nil, fmt.Errorf("open %s store %s: %w", backend, path, err)
	}
	return qs, nil
}

// withDefault returns a copy of opts with key set to value unless opts sets it.
// The bloom filters of the KV backends are sized for 100M entries: without
// no_bloom every open costs about a second and 100 MB.
func withDefault(opts graph.Options, key string, value interface{}) graph.Options {
	out := graph.Options{key: value}
	for k, v := range opts {
		out[k] = v
	}
	return out
}

// QuadStore returns the underlying store, with its optional capabilities
// (batch lookups, shape optimizer) that Gizmo uses.
func (s *Store) QuadStore() graph.QuadStore { return s.qs }

// Close closes the store and releases its lock.
func (s *Store) Close() error {
	var err error
	if s.qs != nil {
		err = s.qs.Close()
	}
	return errors.Join(err, s.lock.release())
}
