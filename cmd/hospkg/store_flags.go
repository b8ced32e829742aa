package main

import (
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
	return o
}

func (o storeOptions) open() (*graph.Store, error) {
	return graph.Open(o.Backend, o.Path, nil)
}
