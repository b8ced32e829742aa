package graph

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"hospkg/intake"
	"hospkg/internal/storetest"
	"hospkg/nlp"
)

// supportsDoc is a document whose sentence i states supports[i]: a pair of
// organisation names, subject first. Names starting with 委 are
// institutions, the others hospitals.
func supportsDoc(name string, supports ...[2]string) *nlp.Extraction {
	x := &nlp.Extraction{Doc: intake.Document{Name: name}}
	seen := make(map[string]bool)
	entity := func(n string) string {
		typ := nlp.Hospital
		if n[:len("委")] == "委" {
			typ = nlp.Institution
		}
		id := nlp.EntityID(typ, n, "")
		if !seen[id] {
			seen[id] = true
			x.Entities = append(x.Entities, nlp.Entity{ID: id, Type: typ, Name: n})
		}
		return id
	}
	var texts []string
	for i, s := range supports {
		texts = append(texts, fmt.Sprintf("%s帮扶%s。", s[0], s[1]))
		subject, object := entity(s[0]), entity(s[1])
		x.Mentions = append(x.Mentions, nlp.Mention{Entity: subject, Sentence: i}, nlp.Mention{Entity: object, Sentence: i})
		x.Relations = append(x.Relations, nlp.Relation{Subject: subject, Predicate: nlp.Supports, Object: object, Sentence: i})
	}
	x.Sentences = sentences(texts...)
	return x
}

func hospitalIRI(name string) quad.IRI { return EntityIRI(nlp.EntityID(nlp.Hospital, name, "")) }

// slowRankings counts supports in one pass over every quad of the store:
// the reference ComputeRankings must agree with.
func slowRankings(t *testing.T, qs graph.QuadStore) Rankings {
	t.Helper()
	orgs := make(map[quad.IRI]bool)
	out := make(map[quad.IRI]map[string]bool)
	in := make(map[quad.IRI]map[string]bool)
	add := func(m map[quad.IRI]map[string]bool, k quad.IRI, v quad.Value) {
		if m[k] == nil {
			m[k] = make(map[string]bool)
		}
		m[k][v.String()] = true
	}
	it := qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(context.Background()) {
		q := qs.Quad(it.Result())
		switch {
		case q.Predicate == Type && (q.Object == HospitalType || q.Object == InstitutionType):
			orgs[q.Subject.(quad.IRI)] = true
		case q.Predicate == Supports:
			add(out, q.Subject.(quad.IRI), q.Object)
			add(in, q.Object.(quad.IRI), q.Subject)
		}
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	ranked := func(m map[quad.IRI]map[string]bool) []RankEntry {
		var r []RankEntry
		for org, others := range m {
			if orgs[org] {
				r = append(r, RankEntry{Entity: org, Count: len(others)})
			}
		}
		return topEntries(r)
	}
	return Rankings{Supporters: ranked(out), Supported: ranked(in)}
}

func storedRankings(t *testing.T, qs graph.QuadStore) []string {
	t.Helper()
	stored, err := StoredRankingQuads(context.Background(), qs)
	if err != nil {
		t.Fatal(err)
	}
	lines := make([]string, len(stored))
	for i, q := range stored {
		lines[i] = q.NQuad()
	}
	sort.Strings(lines)
	return lines
}

func rankingLines(r Rankings) []string {
	var lines []string
	for _, q := range RankingQuads(r) {
		lines = append(lines, q.NQuad())
	}
	sort.Strings(lines)
	return lines
}

func TestRefreshRankings(t *testing.T) {
	ctx := context.Background()
	qs := openTestStore(t, "bolt", filepath.Join(t.TempDir(), "db"))
	first := supportsDoc("a.txt",
		[2]string{"甲医院", "乙医院"}, [2]string{"甲医院", "丙医院"}, [2]string{"甲医院", "丁医院"},
		[2]string{"甲医院", "乙医院"}, // the same fact again: still one supported
		[2]string{"委卫健委", "乙医院"})
	second := supportsDoc("b.txt", [2]string{"丙医院", "乙医院"}, [2]string{"甲医院", "乙医院"})
	build(t, qs, first, second)
	export := exportString(t, qs)

	if err := RefreshRankings(ctx, qs); err != nil {
		t.Fatal(err)
	}
	got, err := ComputeRankings(ctx, qs)
	if err != nil {
		t.Fatal(err)
	}
	if want := slowRankings(t, qs); !reflect.DeepEqual(got, want) {
		t.Errorf("rankings %+v, want %+v", got, want)
	}
	if got.Supporters[0] != (RankEntry{Entity: hospitalIRI("甲医院"), Count: 3}) {
		t.Errorf("first supporter %+v, want 甲医院 with 3", got.Supporters[0])
	}
	if got.Supported[0] != (RankEntry{Entity: hospitalIRI("乙医院"), Count: 3}) {
		t.Errorf("first supported %+v, want 乙医院 with 3", got.Supported[0])
	}
	if s, w := storedRankings(t, qs), rankingLines(got); !reflect.DeepEqual(s, w) {
		t.Errorf("stored ranking quads\n%v\nwant\n%v", s, w)
	}
	if e := exportString(t, qs); e != export {
		t.Errorf("the rankings changed the export:\n%s\nwas\n%s", e, export)
	}

	// Refreshing again writes nothing and leaks no node.
	quads, nodes := dumpQuads(t, qs), dumpNodes(t, qs)
	if err := RefreshRankings(ctx, qs); err != nil {
		t.Fatal(err)
	}
	if q, n := dumpQuads(t, qs), dumpNodes(t, qs); q != quads || n != nodes {
		t.Errorf("a second refresh changed the store:\n%s\nwas\n%s", q, quads)
	}

	// The first document read again with fewer supports facts: 甲医院 now
	// supports 乙医院 only, 丁医院 is supported by nobody.
	build(t, qs, supportsDoc("a.txt", [2]string{"甲医院", "乙医院"}))
	if err := RefreshRankings(ctx, qs); err != nil {
		t.Fatal(err)
	}
	want := Rankings{
		Supporters: []RankEntry{{hospitalIRI("丙医院"), 1}, {hospitalIRI("甲医院"), 1}},
		Supported:  []RankEntry{{hospitalIRI("乙医院"), 2}},
	}
	sort.Slice(want.Supporters, func(i, j int) bool { return want.Supporters[i].Entity < want.Supporters[j].Entity })
	if got := slowRankings(t, qs); !reflect.DeepEqual(got, want) {
		t.Fatalf("reference rankings after the rebuild %+v, want %+v", got, want)
	}
	if s, w := storedRankings(t, qs), rankingLines(want); !reflect.DeepEqual(s, w) {
		t.Errorf("stored ranking quads after the rebuild\n%v\nwant\n%v", s, w)
	}
	// Only the ranking quads of the new rankings are left: a store built
	// with the same documents from scratch holds the same quads and nodes.
	fresh := openTestStore(t, "bolt", filepath.Join(t.TempDir(), "fresh"))
	build(t, fresh, supportsDoc("a.txt", [2]string{"甲医院", "乙医院"}), second)
	if err := RefreshRankings(ctx, fresh); err != nil {
		t.Fatal(err)
	}
	if q, w := dumpQuads(t, qs), dumpQuads(t, fresh); q != w {
		t.Errorf("rebuilt store\n%s\nfresh store\n%s", q, w)
	}
	if n, w := dumpNodes(t, qs), dumpNodes(t, fresh); n != w {
		t.Errorf("rebuilt store's nodes\n%s\nfresh store's\n%s", n, w)
	}
}

func TestRankingsKeepTheTop(t *testing.T) {
	var entries []RankEntry
	for i := 0; i < RankingSize+5; i++ {
		entries = append(entries, RankEntry{Entity: quad.IRI(fmt.Sprintf("hk:e/%05d", i)), Count: i % 7})
	}
	top := topEntries(entries)
	if len(top) != RankingSize {
		t.Fatalf("%d places, want %d", len(top), RankingSize)
	}
	for i := 1; i < len(top); i++ {
		a, b := top[i-1], top[i]
		if a.Count < b.Count || a.Count == b.Count && a.Entity > b.Entity {
			t.Fatalf("place %d %+v before %+v", i, a, b)
		}
	}
}

func TestEmptyStoreHasAnEmptyRanking(t *testing.T) {
	ctx := context.Background()
	qs := openTestStore(t, "memstore", "")
	if err := RefreshRankings(ctx, qs); err != nil {
		t.Fatal(err)
	}
	// hk:entries 0 says the ranking exists and is empty.
	want := []string{
		quad.Quad{Subject: SupportedRanking, Predicate: RankingEntries, Object: quad.Int(0), Label: RankingsLabel}.NQuad(),
		quad.Quad{Subject: SupportersRanking, Predicate: RankingEntries, Object: quad.Int(0), Label: RankingsLabel}.NQuad(),
	}
	if got := storedRankings(t, qs); !reflect.DeepEqual(got, want) {
		t.Errorf("stored %v, want %v", got, want)
	}
}

func checkStale(t *testing.T, qs graph.QuadStore, want bool) {
	t.Helper()
	stale, err := RankingsStale(context.Background(), qs)
	if err != nil {
		t.Fatal(err)
	}
	if stale != want {
		t.Fatalf("rankings stale = %v, want %v", stale, want)
	}
	st, err := ComputeStats(context.Background(), qs)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	if err := st.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if warned := strings.Contains(text.String(), "warning: "+StaleRankingsWarning); st.RankingsStale != want || warned != want {
		t.Errorf("stats say stale = %v and warn = %v, want %v:\n%s", st.RankingsStale, warned, want, text.String())
	}
}

func refresh(t *testing.T, qs graph.QuadStore) {
	t.Helper()
	if err := RefreshRankings(context.Background(), qs); err != nil {
		t.Fatal(err)
	}
}

// testStaleRankings: a writer marks the rankings stale before it changes
// facts, and only a refresh takes the mark away, so that what a build
// killed or failed part-way leaves says it is stale (issue 13, BAD 3 and 9).
func testStaleRankings(t *testing.T, open storeOpener) {
	ctx := context.Background()
	qs := open(t)
	build(t, qs, miyunV1("a.txt"))
	// Facts written and no refresh: what a build killed before it leaves.
	checkStale(t, qs, true)
	refresh(t, qs)
	checkStale(t, qs, false)
	build(t, qs, miyunV1("a.txt")) // nothing to write: still fresh
	checkStale(t, qs, false)

	// The server goes away after the mark and one document: the second
	// document is not written, nor are the rankings refreshed.
	b := supportsDoc("b.txt", [2]string{"甲医院", "乙医院"}, [2]string{"甲医院", "丙医院"})
	c := supportsDoc("c.txt", [2]string{"丁医院", "乙医院"})
	failing := &storetest.FailingWrites{QuadStore: qs, OK: 2}
	build(t, failing, b)
	if err := ReplaceDocument(ctx, failing, c); !errors.Is(err, storetest.ErrServerGone) {
		t.Fatalf("replace with the server gone: %v", err)
	}
	checkStale(t, qs, true)
	computed, err := ComputeRankings(ctx, qs)
	if err != nil {
		t.Fatal(err)
	}
	if s, c := storedRankings(t, qs), rankingLines(computed); reflect.DeepEqual(s, c) {
		t.Fatalf("the stored rankings describe the facts already: the case tests nothing\n%v", s)
	}

	// A build that finishes refreshes them, and leaves what a fresh build
	// of the same documents holds: no mark, no leaked node.
	build(t, qs, c)
	refresh(t, qs)
	checkStale(t, qs, false)
	want := open(t)
	build(t, want, miyunV1("a.txt"), b, c)
	refresh(t, want)
	if g, w := dumpQuads(t, qs), dumpQuads(t, want); g != w {
		t.Errorf("quads differ from a fresh build\ngot:\n%s\nwant:\n%s", g, w)
	}
	if g, w := dumpNodes(t, qs), dumpNodes(t, want); g != w {
		t.Errorf("nodes differ from a fresh build\ngot:\n%s\nwant:\n%s", g, w)
	}
}

// TestRefreshKeepsAMarkPutMeanwhile: a refresh takes away only the marks
// that were there when it began counting; one put while it counted belongs
// to a writer whose facts the count may have missed (two processes writing
// one PostgreSQL store).
func TestRefreshKeepsAMarkPutMeanwhile(t *testing.T) {
	ctx := context.Background()
	qs := openTestStore(t, "memstore", "")
	build(t, qs, supportsDoc("a.txt", [2]string{"甲医院", "乙医院"}))
	refresh(t, qs)
	marks, err := staleMarks(ctx, qs) // the refresh begins: no marks
	if err != nil {
		t.Fatal(err)
	}
	build(t, qs, supportsDoc("b.txt", [2]string{"丙医院", "乙医院"})) // another writer
	if err := refreshRankings(ctx, qs, marks); err != nil {
		t.Fatal(err)
	}
	checkStale(t, qs, true)
	refresh(t, qs)
	checkStale(t, qs, false)
}
