package main

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/urfave/cli/v2"

	"hospkg/graph"
)

// storeOptions says which store a command opens: --db and --dbpath, given
// after the command name.
type storeOptions struct {
	Backend string
	Path    string
}

func storeFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "db", Value: "bolt", Usage: "Cayley backend: bolt, memstore, postgres or cockroach"},
		&cli.StringFlag{Name: "dbpath", Value: "./hospkg.db", Usage: "where the store lives: a path, or for postgres and cockroach a URL (postgres://user:password@host/db?sslmode=disable)"},
	}
}

func storeOptionsFrom(c *cli.Context) storeOptions {
	o := storeOptions{Backend: c.String("db"), Path: c.String("dbpath")}
	if o.Backend == "memstore" && !c.IsSet("dbpath") {
		o.Path = "" // memstore keeps nothing on disk
	}
	// A connection URL names its backend: postgres://… without --db is a
	// PostgreSQL store, not a bolt folder named after the URL.
	if !c.IsSet("db") && isPostgresURL(o.Path) {
		o.Backend = "postgres"
	}
	return o
}

// isPostgresURL reports whether a --dbpath is a PostgreSQL connection URL.
func isPostgresURL(path string) bool {
	return strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://")
}

// check refuses a store path that cannot be meant: a connection URL for a
// file store would become a folder named after it, password and all.
func (o storeOptions) check() error {
	if (o.Backend == "bolt" || o.Backend == "leveldb") && strings.Contains(o.Path, "://") {
		return fmt.Errorf("--dbpath %q is a URL, but --db %s keeps its store in a folder: use --db postgres (or cockroach) for a server", redactURL(o.Path), o.Backend)
	}
	return nil
}

// redactURL hides the password of a connection URL.
func redactURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	return "(a URL)"
}

// open opens the store for writing, creating it on first use.
func (o storeOptions) open() (*graph.Store, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	return graph.Open(o.Backend, o.Path, nil)
}

// openReader opens an existing store for reading, shared with other
// readers: a store that does not exist is an error, not an empty answer.
func (o storeOptions) openReader() (*graph.Store, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	return graph.OpenReader(o.Backend, o.Path)
}
