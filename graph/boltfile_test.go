package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
)

// cutWhileOpen returns a store opened for reading whose file another
// program then cut to its two meta pages: the next read of its other mapped
// pages faults, which would kill the process with SIGBUS.
func cutWhileOpen(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "db")
	st, err := Open("bolt", path, nil)
	if err != nil {
		t.Fatal(err)
	}
	var quads strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&quads, "<hk:e/x%d> <hk:name> \"名%d\" <hk:doc/x> .\n", i, i)
	}
	if _, err := Load(st.QuadStore(), strings.NewReader(quads.String()), "nquads"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = OpenReader("bolt", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	if err := os.Truncate(boltFile(path), int64(2*os.Getpagesize())); err != nil {
		t.Fatal(err)
	}
	return st, path
}

// TestGuard: a fault on the store's mapped file, in the calling goroutine
// or in Gizmo's, is an error inside Guard that names the store; a panic
// that is no damage goes on.
func TestGuard(t *testing.T) {
	cases := []struct {
		name string
		read func(qs graph.QuadStore) error
	}{
		{"stats", func(qs graph.QuadStore) error {
			_, err := ComputeStats(context.Background(), qs)
			return err
		}},
		{"gizmo, in a goroutine of its own", func(qs graph.QuadStore) error {
			return RunGizmo(context.Background(), qs, "g.V().Out('<hk:name>').All()", 0, func(any) error { return nil })
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, path := cutWhileOpen(t)
			err := st.Guard(tc.read)
			if !errors.Is(err, ErrStoreDamaged) || !strings.HasPrefix(err.Error(), "the store at "+path+" is damaged: ") {
				t.Errorf("reading the store cut short: %v, want the store at %s is damaged: …", err, path)
			}
		})
	}
	t.Run("a bug", func(t *testing.T) {
		st := &Store{qs: openTestStore(t, "memstore", ""), where: "memstore"}
		defer func() {
			if p := recover(); p != "a bug" {
				t.Errorf("recovered %v, want the panic Guard was given", p)
			}
		}()
		_ = st.Guard(func(graph.QuadStore) error { panic("a bug") })
		t.Error("Guard stopped a panic that is no damage")
	})
}
