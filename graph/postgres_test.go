package graph

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"

	"hospkg/intake"
	"hospkg/nlp"
	"hospkg/seeds"
)

// postgresURLVar names the PostgreSQL server the tests use, e.g.
// postgres://hospkg:hospkg@127.0.0.1:5432/hospkg_test?sslmode=disable. Its
// role must be allowed to CREATE DATABASE: every test gets a database of its
// own, dropped when the test ends.
const postgresURLVar = "HOSPKG_TEST_POSTGRES"

// requirePostgresVar, when set to 1 (CI sets it), turns a missing
// HOSPKG_TEST_POSTGRES from a skip into a failure.
const requirePostgresVar = "HOSPKG_REQUIRE_POSTGRES"

// postgresAdminURL returns the server URL from the environment, or skips the
// test when there is none.
func postgresAdminURL(t *testing.T) string {
	t.Helper()
	adminURL := os.Getenv(postgresURLVar)
	if adminURL != "" {
		return adminURL
	}
	if os.Getenv(requirePostgresVar) == "1" {
		t.Fatalf("%s=1 but %s is not set: CI must test PostgreSQL", requirePostgresVar, postgresURLVar)
	}
	t.Skipf("PostgreSQL tests skipped: set %s=postgres://USER:PASSWORD@127.0.0.1:5432/DB?sslmode=disable (a role that may CREATE DATABASE) to run them", postgresURLVar)
	return ""
}

// createPostgresTestDatabase creates an empty database with a unique name on
// the server of adminURL, drops it when the test ends, and returns its URL.
func createPostgresTestDatabase(t *testing.T, adminURL string) string {
	t.Helper()
	suffix := make([]byte, 6)
	if _, err := rand.Read(suffix); err != nil {
		t.Fatal(err)
	}
	name := "hospkg_t_" + hex.EncodeToString(suffix)
	admin, err := sql.Open("postgres", adminURL)
	if err != nil {
		t.Fatalf("connect to %s: %v", postgresURLVar, err)
	}
	t.Cleanup(func() { admin.Close() })
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database %s (the role of %s needs CREATEDB): %v", name, postgresURLVar, err)
	}
	t.Cleanup(func() {
		// FORCE ends connections a failed test left open (PostgreSQL 13+).
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(adminURL)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", postgresURLVar, err)
	}
	u.Path = "/" + name
	return u.String()
}

// openPostgresTestStore opens a store in a fresh database.
func openPostgresTestStore(t *testing.T) graph.QuadStore {
	t.Helper()
	return openTestStore(t, "postgres", createPostgresTestDatabase(t, postgresAdminURL(t)))
}

// openCheckedPostgresTestStore opens a store in a fresh database and, when
// the test ends, before the database is dropped, checks cayley's node
// reference counts against the quads.
//
// Not every path keeps them right: cayley's SQL backend counts the nodes of
// an added quad even when IgnoreDup skips the quad because it is stored
// already, so adding a stored quad again (Load of quads already there) leaves
// its nodes counted twice, and they outlive their last quad.
func openCheckedPostgresTestStore(t *testing.T) graph.QuadStore {
	t.Helper()
	dbURL := createPostgresTestDatabase(t, postgresAdminURL(t))
	qs := openTestStore(t, "postgres", dbURL)
	t.Cleanup(func() { checkPostgresNodeRefs(t, dbURL) })
	return qs
}

// checkPostgresNodeRefs reports nodes whose reference count in cayley's
// nodes table differs from the number of quad positions naming them: a count
// too high leaks the node, one too low deletes a node still in use.
func checkPostgresNodeRefs(t *testing.T, dbURL string) {
	t.Helper()
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		t.Errorf("check node refs: %v", err)
		return
	}
	defer db.Close()
	rows, err := db.Query(`
		WITH used AS (
			SELECT h, count(*) AS n FROM (
				SELECT subject_hash AS h FROM quads
				UNION ALL SELECT predicate_hash FROM quads
				UNION ALL SELECT object_hash FROM quads
				UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL
			) AS positions GROUP BY h)
		SELECT coalesce(n.value_string, encode(coalesce(n.hash, u.h), 'hex')), coalesce(n.refs, 0), coalesce(u.n, 0)
		FROM nodes n FULL OUTER JOIN used u ON n.hash = u.h
		WHERE coalesce(n.refs, 0) <> coalesce(u.n, 0)`)
	if err != nil {
		t.Errorf("check node refs: %v", err)
		return
	}
	defer rows.Close()
	for rows.Next() {
		var node string
		var refs, used int64
		if err := rows.Scan(&node, &refs, &used); err != nil {
			t.Errorf("check node refs: %v", err)
			return
		}
		t.Errorf("node %s: refs = %d, used by %d quad positions", node, refs, used)
	}
	if err := rows.Err(); err != nil {
		t.Errorf("check node refs: %v", err)
	}
}

func TestPostgresOpen(t *testing.T) {
	dbURL := createPostgresTestDatabase(t, postgresAdminURL(t))
	ctx := context.Background()

	first, err := Open("postgres", dbURL, nil)
	if err != nil {
		t.Fatalf("open a new database: %v", err)
	}
	if err := ReplaceDocument(ctx, first.QuadStore(), miyunV1("a.txt")); err != nil {
		t.Fatal(err)
	}
	want := dumpQuads(t, first.QuadStore())

	// No flock for a URL: a second open while the first is still open
	// succeeds at once, and reopening finds the tables already there.
	second, err := Open("postgres", dbURL, nil)
	if err != nil {
		t.Fatalf("open the database a second time: %v", err)
	}
	if got := dumpQuads(t, second.QuadStore()); got != want {
		t.Errorf("second open sees other quads\ngot:\n%s\nwant:\n%s", got, want)
	}
	if err := errors.Join(second.Close(), first.Close()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(lockPath(dbURL)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a lock file was made for a URL: stat %s: %v", lockPath(dbURL), err)
	}

	reopened := openTestStore(t, "postgres", dbURL)
	if got := dumpQuads(t, reopened); got != want {
		t.Errorf("reopened store has other quads\ngot:\n%s\nwant:\n%s", got, want)
	}
}

func TestPostgresOpenErrorHidesPassword(t *testing.T) {
	adminURL := postgresAdminURL(t)
	u, err := url.Parse(adminURL)
	if err != nil {
		t.Fatal(err)
	}
	const wrongPassword = "not-the-password-4711"
	u.User = url.UserPassword(u.User.Username(), wrongPassword)
	st, err := Open("postgres", u.String(), nil)
	if err == nil {
		st.Close()
		t.Fatal("open with a wrong password succeeded")
	}
	if strings.Contains(err.Error(), wrongPassword) {
		t.Errorf("error shows the password: %v", err)
	}
}

// TestExportSameOnBoltAndPostgres builds the five seeds into bolt and into
// PostgreSQL, the second time twice, and compares the JSONL exports, the
// quads and the nodes.
func TestExportSameOnBoltAndPostgres(t *testing.T) {
	postgresAdminURL(t) // skip before the costly extraction
	extractions := extractSeeds(t)

	bolt := openTestStore(t, "bolt", filepath.Join(t.TempDir(), "db"))
	build(t, bolt, extractions...)
	postgres := openCheckedPostgresTestStore(t)
	build(t, postgres, extractions...)
	build(t, postgres, extractions...) // rebuilding must change nothing

	boltExport, postgresExport := exportString(t, bolt), exportString(t, postgres)
	if boltExport != postgresExport {
		t.Errorf("JSONL exports differ\nbolt:\n%s\npostgres:\n%s", boltExport, postgresExport)
	}
	if n := strings.Count(boltExport, "\n"); n < 100 {
		t.Errorf("bolt export of the seeds has %d lines, expected hundreds", n)
	}
	if b, p := dumpQuads(t, bolt), dumpQuads(t, postgres); b != p {
		t.Errorf("quads differ between bolt (%d) and postgres (%d)", strings.Count(b, "\n"), strings.Count(p, "\n"))
	}
	if b, p := dumpNodes(t, bolt), dumpNodes(t, postgres); b != p {
		t.Errorf("nodes differ between bolt (%d) and postgres (%d)", strings.Count(b, "\n"), strings.Count(p, "\n"))
	}
}

// extractSeeds reads the five seed documents through the NLP pipeline.
func extractSeeds(t *testing.T) []*nlp.Extraction {
	t.Helper()
	pipeline, err := nlp.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 5 {
		t.Fatalf("found %d seeds, want 5", len(names))
	}
	var out []*nlp.Extraction
	for _, name := range names {
		raw, err := seeds.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := intake.ReadDocument(name, raw)
		if err != nil {
			t.Fatal(err)
		}
		x, err := pipeline.Extract(doc)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, x)
	}
	return out
}
