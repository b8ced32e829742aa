package graph

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
	// The backends a user can name with --db.
	cayleybolt "github.com/cayleygraph/cayley/graph/kv/bolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
)

// lockWait is how long Open waits for another process to release a store
// before it gives up.
const lockWait = 3 * time.Second

// fileBackends are the backends that keep their data in files at the path:
// Open locks the path for this process and turns their bloom filters off.
var fileBackends = map[string]bool{"bolt": true, "leveldb": true, "badger": true}

// sqlDrivers maps the SQL backends, whose path is a connection URL, to the
// database/sql driver cayley registers for them. The database server handles
// concurrent writers, so these stores are not locked.
var sqlDrivers = map[string]string{"postgres": "postgres", "cockroach": "pgx"}

// Store is an open quad store, held exclusively by this process when it lives
// in local files.
type Store struct {
	qs   graph.QuadStore
	lock *storeLock
	// where names the store in messages (displayPath).
	where string
}

// ErrNoStore means a reader was pointed at a store that does not exist.
var ErrNoStore = errors.New("no store there")

// Open opens the named Cayley backend at path for writing, creating the
// store on first use. For the SQL backends (postgres, cockroach) path is a
// connection URL such as postgres://user:pw@host/db?sslmode=disable.
// File-based stores are locked for this process first, and bolt's own lock
// on its file is waited for no longer than lockWait: another program that
// holds it (cayley http, flock) gets ErrStoreInUse, not a hang.
func Open(backend, path string, opts graph.Options) (*Store, error) {
	return open(backend, path, opts, lockWait, false)
}

// OpenReader opens an existing store for reading only: it creates nothing,
// writes nothing (a read-only folder will do), refuses a store that does
// not exist (ErrNoStore) or whose files are damaged (ErrStoreDamaged), and
// shares the store with other readers; a writer holding it gives
// ErrStoreInUse within lockWait.
func OpenReader(backend, path string) (*Store, error) {
	return open(backend, path, nil, lockWait, true)
}

func open(backend, path string, opts graph.Options, wait time.Duration, readOnly bool) (*Store, error) {
	if !graph.IsRegistered(backend) {
		return nil, fmt.Errorf("open store: unknown backend %q (known: %v)", backend, graph.QuadStores())
	}
	if !graph.IsPersistent(backend) {
		qs, err := graph.NewQuadStore(backend, path, opts)
		if err != nil {
			return nil, fmt.Errorf("open %s store: %w", backend, err)
		}
		return &Store{qs: qs, where: backend}, nil
	}
	if path == "" {
		if _, isSQL := sqlDrivers[backend]; isSQL {
			return nil, fmt.Errorf("open %s store: no connection URL given (--dbpath postgres://user:password@host/database)", backend)
		}
		return nil, fmt.Errorf("open %s store: no path given", backend)
	}
	st := &Store{where: displayPath(backend, path)}
	if fileBackends[backend] {
		if readOnly {
			if _, err := os.Stat(path); err != nil {
				return nil, fmt.Errorf("open %s store %s: %w (build one first)", backend, path, ErrNoStore)
			}
		}
		lock, err := lockStore(path, wait, readOnly)
		if err != nil {
			return nil, err
		}
		st.lock = lock
		opts = withDefault(opts, "no_bloom", true)
	}
	if err := st.initAndOpen(backend, path, opts, wait, readOnly); err != nil {
		return nil, errors.Join(err, st.lock.release())
	}
	return st, nil
}

func (st *Store) initAndOpen(backend, path string, opts graph.Options, wait time.Duration, readOnly bool) error {
	where := displayPath(backend, path)
	if backend == cayleybolt.Type {
		if err := st.openBolt(path, opts, wait, readOnly); errors.Is(err, ErrStoreDamaged) {
			return err // it names the store
		} else if err != nil {
			return fmt.Errorf("open %s store %s: %w", backend, where, err)
		}
		return nil
	}
	initialized, err := sqlSchemaExists(backend, path)
	if err != nil {
		return fmt.Errorf("open %s store %s: %w", backend, where, err)
	}
	if !initialized {
		if _, isSQL := sqlDrivers[backend]; isSQL && readOnly {
			return fmt.Errorf("open %s store %s: %w (build one first)", backend, where, ErrNoStore)
		}
		if err := graph.InitQuadStore(backend, path, opts); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return fmt.Errorf("create %s store %s: %w", backend, where, err)
		}
	}
	st.qs, err = graph.NewQuadStore(backend, path, opts)
	if err != nil {
		return fmt.Errorf("open %s store %s: %w", backend, where, err)
	}
	return nil
}

// boltFile is the file of a bolt store in its folder, as cayley names it.
func boltFile(path string) string { return filepath.Join(path, "indexes.bolt") }

// openBolt opens (and for a writer, creates on first use) a bolt store as
// cayley's bolt backend does, through its KV quad store, but with bolt's
// own options: a timeout on bolt's lock of the file, which cayley leaves
// unbounded, and read-only opens that share it. An existing file is checked
// first, and opened as it is: bolt crashes on one cut short, and cayley's
// Init would write a fresh store into one whose pages it cannot read.
func (st *Store) openBolt(path string, opts graph.Options, wait time.Duration, readOnly bool) (err error) {
	file := boltFile(path)
	_, statErr := os.Stat(file)
	existed := statErr == nil
	empty := !existed
	switch {
	case existed:
		if empty, err = checkBoltFile(path); err != nil {
			return err
		}
	case readOnly:
		return fmt.Errorf("%w (no %s; build one first)", ErrNoStore, filepath.Base(file))
	default:
		if err := os.MkdirAll(path, 0o700); err != nil {
			return err
		}
	}
	db, err := hbolt.Open(file, &bolt.Options{Timeout: wait, ReadOnly: readOnly})
	if errors.Is(err, bolt.ErrTimeout) {
		return fmt.Errorf("%w%s: it holds %s; try again when it finishes", ErrStoreInUse, fileHolder(file), file)
	}
	if err != nil {
		return err
	}
	// Reading the first pages can crash on damage the check cannot see.
	defer func() {
		if err != nil {
			err = errors.Join(err, db.Close())
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer catchDamage(st.where, &err)
	// As cayley's backend does: sync unless told not to.
	noSync, err := opts.BoolKey("nosync", false)
	if err != nil {
		return err
	}
	db.DB().NoSync, db.DB().NoGrowSync = noSync, noSync
	if !readOnly && empty {
		// A new file, or one a writer stopped before it wrote anything.
		if err := kv.Init(db, opts); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return err
		}
	}
	qs, err := kv.New(db, opts)
	if errors.Is(err, graph.ErrNotInitialized) {
		return damaged(st.where, "%s holds no quad store", filepath.Base(file))
	}
	if err != nil {
		return err
	}
	st.qs = qs
	return nil
}

// sqlSchemaExists reports whether the SQL database at connURL already holds
// cayley's tables, so that Open creates them only on first use: cayley logs
// an error line on every InitQuadStore of an existing database. Non-SQL
// backends answer false and are initialised as before (their init is quiet).
// Two first opens racing each other still work: the loser's InitQuadStore
// returns ErrDatabaseExists, which initAndOpen ignores.
func sqlSchemaExists(backend, connURL string) (bool, error) {
	driver, isSQL := sqlDrivers[backend]
	if !isSQL {
		return false, nil
	}
	db, err := sql.Open(driver, connURL)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var tables int
	err = db.QueryRow(`SELECT count(*) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name IN ('nodes', 'quads')`).Scan(&tables)
	if err != nil {
		return false, err
	}
	return tables == 2, nil
}

// displayPath returns path fit for a message: the password of a connection
// URL is replaced by xxxxx, and a key=value connection string, which may hold
// one too, is not shown at all.
func displayPath(backend, path string) string {
	if _, isSQL := sqlDrivers[backend]; !isSQL {
		return path
	}
	u, err := url.Parse(path)
	if err != nil || u.Scheme == "" {
		if strings.Contains(path, "password") {
			return "(connection string)"
		}
		return path
	}
	return u.Redacted()
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
