package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"hospkg/graph"
	"hospkg/intake"
	"hospkg/nlp"
	"hospkg/pipeline"
)

// supportingDoc is a document in which the hospital helper supports each of
// helped, one sentence each: enough to put helper first among the seeds'
// supporters.
func supportingDoc(name, helper string, helped ...string) *nlp.Extraction {
	x := &nlp.Extraction{Doc: intake.Document{Name: name}}
	hospital := func(n string) string {
		id := nlp.EntityID(nlp.Hospital, n, "")
		x.Entities = append(x.Entities, nlp.Entity{ID: id, Type: nlp.Hospital, Name: n})
		return id
	}
	subject := hospital(helper)
	start := 0
	for i, h := range helped {
		object := hospital(h)
		text := helper + "帮扶" + h + "。"
		x.Sentences = append(x.Sentences, nlp.Sentence{Index: i, Start: start, End: start + len(text), Text: text, Evidence: text})
		start += len(text)
		x.Mentions = append(x.Mentions, nlp.Mention{Entity: subject, Sentence: i}, nlp.Mention{Entity: object, Sentence: i})
		x.Relations = append(x.Relations, nlp.Relation{Subject: subject, Predicate: nlp.Supports, Object: object, Sentence: i})
	}
	return x
}

// newTopSupporter is a document that makes 甲医院 the first supporter.
func newTopSupporter() *nlp.Extraction {
	var helped []string
	for i := 1; i <= 12; i++ {
		helped = append(helped, fmt.Sprintf("乙%d医院", i))
	}
	return supportingDoc("stale.txt", "甲医院", helped...)
}

// topSupporters runs top_supporters on db and returns its rows, its stderr,
// and the first rows of counting every organisation (n above the ranking's
// size): what the facts say.
func topSupporters(t *testing.T, db string) (got []map[string]string, stderr string, facts []map[string]string) {
	t.Helper()
	rows := func(n int) ([]map[string]string, string) {
		code, out, errOut := hospkg(t, "query", "--dbpath", db, "--name", "top_supporters", "--arg", fmt.Sprintf("n=%d", n), "--format", "json")
		if code != 0 {
			t.Fatalf("top_supporters n=%d: exit %d: %s", n, code, errOut)
		}
		var r []map[string]string
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("top_supporters n=%d: %v\n%s", n, err, out)
		}
		return r, errOut
	}
	got, stderr = rows(5)
	facts, _ = rows(graph.RankingSize + 1)
	if len(facts) > len(got) {
		facts = facts[:len(got)]
	}
	return got, stderr, facts
}

func checkTopSupporters(t *testing.T, db string, wantWarning bool) {
	t.Helper()
	got, stderr, facts := topSupporters(t, db)
	if !reflect.DeepEqual(got, facts) {
		t.Errorf("top_supporters answers\n%v\nthe facts say\n%v", got, facts)
	}
	if len(got) == 0 || got[0]["organisation"] != "甲医院" {
		t.Errorf("top_supporters %v, want 甲医院 first", got)
	}
	if warned := strings.Contains(stderr, graph.StaleRankingsWarning); warned != wantWarning {
		t.Errorf("top_supporters warned = %v, want %v: %q", warned, wantWarning, stderr)
	}
	_, stats, _ := hospkg(t, "stats", "--dbpath", db)
	if warned := strings.Contains(stats, "warning: "+graph.StaleRankingsWarning); warned != wantWarning {
		t.Errorf("stats warned = %v, want %v:\n%s", warned, wantWarning, stats)
	}
}

// TestStaleRankingsAfterKilledBuild writes a document into the seeds' store
// as a build does and stops before the refresh, where a SIGKILL leaves it
// (issue 13, BAD 3): stats and the top query say the rankings are stale, and
// the query answers from the facts; a load that finishes, even of nothing,
// refreshes them.
func TestStaleRankingsAfterKilledBuild(t *testing.T) {
	db := buildSeeds(t)
	st, err := graph.Open("bolt", db, nil)
	if err != nil {
		t.Fatal(err)
	}
	x := newTopSupporter()
	quads, err := graph.DocumentQuads(x)
	if err != nil {
		t.Fatal(err)
	}
	w := pipeline.NewStoreWriter(st.QuadStore(), 0)
	if err := w.Add(context.Background(), pipeline.Built{Extraction: x, Quads: quads}); err != nil {
		t.Fatal(err)
	}
	if err := errJoin(w.Flush(), st.Close()); err != nil {
		t.Fatal(err)
	}
	checkTopSupporters(t, db, true)

	if code, _, errOut := hospkg(t, "load", "--dbpath", db, os.DevNull); code != 0 {
		t.Fatalf("load nothing: exit %d: %s", code, errOut)
	}
	checkTopSupporters(t, db, false)
}

// writeNQuads writes quads as an N-Quads file, the line bad after the first
// `before` of them, and returns its path.
func writeNQuads(t *testing.T, quads []quad.Quad, before int, bad string) string {
	t.Helper()
	var b strings.Builder
	w := nquads.NewWriter(&b)
	if _, err := w.WriteQuads(quads[:before]); err != nil {
		t.Fatal(err)
	}
	b.WriteString(bad)
	if _, err := w.WriteQuads(quads[before:]); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "more.nq")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// staleQuads are the quads of newTopSupporter and, after them, enough
// sentence quads of another document that a load writes a batch or more
// before it reaches a line in the middle.
func staleQuads(t *testing.T) []quad.Quad {
	t.Helper()
	quads, err := graph.DocumentQuads(newTopSupporter())
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12000 {
		s := graph.SentenceIRI("filler.txt", i)
		quads = append(quads, quad.Quad{Subject: s, Predicate: graph.Index, Object: quad.Int(i), Label: s})
	}
	return quads
}

// TestLoadFailedPartWayRefreshesRankings loads a file with a bad line in the
// middle (issue 13, BAD 3 and 8): whatever part of it landed, the rankings
// are refreshed and describe it, and nothing says they are stale.
func TestLoadFailedPartWayRefreshesRankings(t *testing.T) {
	db := buildSeeds(t)
	quads := staleQuads(t)
	file := writeNQuads(t, quads, len(quads)-10, "<a> <b> \"no end\n")
	if code, _, errOut := hospkg(t, "load", "--dbpath", db, file); code != exitFailure {
		t.Fatalf("load of a bad file: exit %d: %s", code, errOut)
	}
	got, _, facts := topSupporters(t, db)
	if !reflect.DeepEqual(got, facts) {
		t.Errorf("top_supporters answers\n%v\nthe facts say\n%v", got, facts)
	}
	_, stats, _ := hospkg(t, "stats", "--dbpath", db)
	if strings.Contains(stats, graph.StaleRankingsWarning) {
		t.Errorf("stats warn after a load that refreshed the rankings:\n%s", stats)
	}
	t.Logf("the load wrote 甲医院's supports before the bad line: %v", len(got) > 0 && got[0]["organisation"] == "甲医院")
}

// diesAtRankings is a store whose process dies as it writes the rankings:
// every write before that lands, that one and none after.
type diesAtRankings struct {
	cgraph.QuadStore
	dead bool
}

func (s *diesAtRankings) ApplyDeltas(deltas []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	for _, d := range deltas {
		s.dead = s.dead || d.Quad.Predicate == graph.RankedEntity || d.Quad.Predicate == graph.RankingEntries
	}
	if s.dead {
		return fmt.Errorf("killed")
	}
	return s.QuadStore.ApplyDeltas(deltas, opts)
}

// TestStaleRankingsAfterKilledLoad loads a file as `hospkg load` does into a
// store whose process dies as the refresh writes the rankings, the last
// step a SIGKILL can interrupt (issue 13, BAD 3).
func TestStaleRankingsAfterKilledLoad(t *testing.T) {
	db := buildSeeds(t)
	f, err := os.Open(writeNQuads(t, staleQuads(t), 0, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := graph.Open("bolt", db, nil)
	if err != nil {
		t.Fatal(err)
	}
	in, err := graph.CheckQuads(f, "nquads")
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if _, err := loadQuads(context.Background(), &diesAtRankings{QuadStore: st.QuadStore()}, in); err == nil {
		t.Fatal("the load finished in a process that died")
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	checkTopSupporters(t, db, true)
}
