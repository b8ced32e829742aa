package graph

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// RankingSize is how many organisations a ranking keeps: the top queries can
// list at most this many.
const RankingSize = 1000

// RankEntry is one place of a ranking.
type RankEntry struct {
	Entity quad.IRI
	Count  int
}

// Rankings are the orderings the top queries read, kept in the store because
// computing them reads every organisation.
type Rankings struct {
	// Supporters ranks organisations by how many distinct others they
	// support (the subject side of hk:supports).
	Supporters []RankEntry
	// Supported ranks organisations by how many distinct others support them.
	Supported []RankEntry
}

// RankingEntryIRI returns the node of place rank (from 1) of a ranking.
func RankingEntryIRI(ranking quad.IRI, rank int) quad.IRI {
	return quad.IRI(string(ranking) + "#" + strconv.Itoa(rank))
}

// ComputeRankings counts, for every organisation (a node typed Hospital or
// Institution), the distinct nodes it supports and those supporting it, and
// returns the top RankingSize of each, by count and then by IRI. It reads
// the type quads of the two organisation types through the object index and
// then two (node, predicate) index prefixes per organisation, so it costs
// time in proportion to the organisations, not to the store.
func ComputeRankings(ctx context.Context, qs graph.QuadStore) (Rankings, error) {
	var orgs []quad.IRI
	seen := make(map[quad.IRI]bool)
	for _, typ := range []quad.IRI{HospitalType, InstitutionType} {
		subjects, err := subjectsOf(ctx, qs, Type, typ)
		if err != nil {
			return Rankings{}, fmt.Errorf("rankings: %w", err)
		}
		for _, s := range subjects {
			if iri, ok := s.(quad.IRI); ok && !seen[iri] {
				seen[iri] = true
				orgs = append(orgs, iri)
			}
		}
	}
	var r Rankings
	for _, org := range orgs {
		out, err := distinctLinked(ctx, qs, quad.Subject, org, Supports, quad.Object)
		if err != nil {
			return Rankings{}, fmt.Errorf("rankings: %w", err)
		}
		if out > 0 {
			r.Supporters = append(r.Supporters, RankEntry{Entity: org, Count: out})
		}
		in, err := distinctLinked(ctx, qs, quad.Object, org, Supports, quad.Subject)
		if err != nil {
			return Rankings{}, fmt.Errorf("rankings: %w", err)
		}
		if in > 0 {
			r.Supported = append(r.Supported, RankEntry{Entity: org, Count: in})
		}
	}
	r.Supporters, r.Supported = topEntries(r.Supporters), topEntries(r.Supported)
	return r, nil
}

// distinctLinked counts the distinct nodes in direction to of the quads with
// node in direction from and predicate p, read through the (node, predicate)
// index prefix: a hospital mentioned by thousands of sentences is not read
// whole for its few supports quads.
func distinctLinked(ctx context.Context, qs graph.QuadStore, from quad.Direction, node quad.Value, p quad.IRI, to quad.Direction) (int, error) {
	it := shape.BuildIterator(qs, shape.Quads{
		{Dir: from, Values: shape.Lookup{node}},
		{Dir: quad.Predicate, Values: shape.Lookup{p}},
	})
	defer it.Close()
	// One fact read in several sentences is several quads: count nodes.
	nodes := make(map[string]bool)
	for it.Next(ctx) {
		nodes[qs.Quad(it.Result()).Get(to).String()] = true
	}
	return len(nodes), it.Err()
}

// topEntries sorts by count, most first, then by IRI, and keeps RankingSize.
func topEntries(entries []RankEntry) []RankEntry {
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].Count != entries[j].Count {
			return entries[i].Count > entries[j].Count
		}
		return entries[i].Entity < entries[j].Entity
	})
	if len(entries) > RankingSize {
		entries = entries[:RankingSize]
	}
	return entries
}

// RankingQuads returns the quads that store r (see the rankings section of
// vocab.go), each once, labelled RankingsLabel.
func RankingQuads(r Rankings) []quad.Quad {
	var out []quad.Quad
	for _, ranking := range []struct {
		node    quad.IRI
		entries []RankEntry
	}{{SupportersRanking, r.Supporters}, {SupportedRanking, r.Supported}} {
		out = append(out, quad.Quad{Subject: ranking.node, Predicate: RankingEntries, Object: quad.Int(len(ranking.entries)), Label: RankingsLabel})
		for i, e := range ranking.entries {
			entry := RankingEntryIRI(ranking.node, i+1)
			out = append(out,
				quad.Quad{Subject: entry, Predicate: RankedEntity, Object: e.Entity, Label: RankingsLabel},
				quad.Quad{Subject: entry, Predicate: RankedCount, Object: quad.Int(e.Count), Label: RankingsLabel},
			)
		}
	}
	return out
}

// rankingNodes are the nodes of the rankings the store keeps.
var rankingNodes = []quad.IRI{SupportersRanking, SupportedRanking}

// StoredRankingQuads returns the ranking quads the store holds, found through
// their subjects: each ranking node, and its entry nodes from #1 on until
// one has no quads (and at least as far as the ranking's hk:entries says).
// The marks of stale rankings are not among them (see staleMarks).
func StoredRankingQuads(ctx context.Context, qs graph.QuadStore) ([]quad.Quad, error) {
	var out []quad.Quad
	keep := func(q quad.Quad) error {
		if q.Label == RankingsLabel && q.Predicate != StaleRanking {
			out = append(out, q)
		}
		return nil
	}
	for _, ranking := range rankingNodes {
		size := 0
		err := EachQuad(ctx, qs, quad.Subject, ranking, func(q quad.Quad) error {
			if n, ok := q.Object.(quad.Int); ok && q.Predicate == RankingEntries && int(n) > size {
				size = int(n)
			}
			return keep(q)
		})
		if err != nil {
			return nil, fmt.Errorf("stored rankings: %w", err)
		}
		for rank := 1; ; rank++ {
			before := len(out)
			if err := EachQuad(ctx, qs, quad.Subject, RankingEntryIRI(ranking, rank), keep); err != nil {
				return nil, fmt.Errorf("stored rankings: %w", err)
			}
			if len(out) == before && rank > size {
				break
			}
		}
	}
	return out, nil
}

// staleMark is the quad that marks ranking stale.
func staleMark(ranking quad.IRI) quad.Quad {
	return quad.Quad{Subject: ranking, Predicate: StaleRanking, Object: quad.Bool(true), Label: RankingsLabel}
}

// staleMarks returns the stale marks the store holds, one lookup per ranking.
func staleMarks(ctx context.Context, qs graph.QuadStore) ([]quad.Quad, error) {
	var out []quad.Quad
	for _, ranking := range rankingNodes {
		err := EachQuad(ctx, qs, quad.Subject, ranking, func(q quad.Quad) error {
			if q.Predicate == StaleRanking {
				out = append(out, q)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("stale rankings: %w", err)
		}
	}
	return out, nil
}

// StaleRankingsWarning is what stats and the top queries tell a user about
// a store whose rankings are marked stale.
const StaleRankingsWarning = "the rankings are stale: a build or load changed facts and did not refresh them (it was killed, failed or is still running)"

// RankingsStale reports whether the store's rankings are marked stale: a
// writer changed facts after they were computed and has not refreshed them,
// because it was killed, failed or is still running. The top queries then
// count every organisation themselves.
func RankingsStale(ctx context.Context, qs graph.QuadStore) (bool, error) {
	marks, err := staleMarks(ctx, qs)
	return len(marks) > 0, err
}

// MarkRankingsStale marks both rankings stale, in a write of its own, unless
// they are marked already; it costs one lookup per ranking when they are.
// Every writer of facts calls it before each write (ReplaceDocument,
// pipeline.StoreWriter, hospkg load), and RefreshRankings takes the marks
// away: so the rankings are never old without saying so, whatever stops a
// writer between its first write and its refresh (SIGKILL, a PostgreSQL
// error, a bad line in a load). Marking before each write, not once, puts a
// mark back that another writer's refresh took away while this one was
// still writing (two processes writing one PostgreSQL store).
func MarkRankingsStale(ctx context.Context, qs graph.QuadStore) error {
	marks, err := staleMarks(ctx, qs)
	if err != nil {
		return err
	}
	marked := make(map[quad.Value]bool, len(marks))
	for _, q := range marks {
		marked[q.Subject] = true
	}
	var deltas []graph.Delta
	for _, ranking := range rankingNodes {
		if !marked[ranking] {
			deltas = append(deltas, graph.Delta{Quad: staleMark(ranking), Action: graph.Add})
		}
	}
	if len(deltas) == 0 {
		return nil
	}
	// Only what is missing: the SQL backend counts the nodes of a quad it
	// already holds again, even with IgnoreDup.
	if err := qs.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return fmt.Errorf("mark rankings stale: %w", err)
	}
	return nil
}

// RefreshRankings computes the rankings and writes them in place of those
// the store holds, then takes away the stale marks that were there when it
// began: a mark a writer puts meanwhile stays, since that writer's facts may
// be missing from what was counted. Only the difference is written,
// deletions first and then additions, in two batches, for the reasons
// ReplaceDocument gives; no quad the store holds is added again (cayley
// #737, and the SQL backend's node counts). The marks go last, in a third
// batch: killed before it, the refresh leaves rankings that are right but
// still marked, which costs the top queries time, never a wrong answer.
// Builds and loads call it once they have written their last document, so
// that the top queries answer from the store in a few lookups.
func RefreshRankings(ctx context.Context, qs graph.QuadStore) error {
	marks, err := staleMarks(ctx, qs)
	if err != nil {
		return err
	}
	return refreshRankings(ctx, qs, marks)
}

// refreshRankings is RefreshRankings once it has read the marks to take away.
func refreshRankings(ctx context.Context, qs graph.QuadStore, marks []quad.Quad) error {
	r, err := ComputeRankings(ctx, qs)
	if err != nil {
		return err
	}
	old, err := StoredRankingQuads(ctx, qs)
	if err != nil {
		return err
	}
	deletions, additions := DiffQuads(old, RankingQuads(r))
	var unmark []graph.Delta
	for _, q := range marks {
		unmark = append(unmark, graph.Delta{Quad: q, Action: graph.Delete})
	}
	opts := graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	for _, batch := range [][]graph.Delta{deletions, additions, unmark} {
		if len(batch) == 0 {
			continue
		}
		if err := qs.ApplyDeltas(batch, opts); err != nil {
			return fmt.Errorf("refresh rankings: %w", err)
		}
	}
	return nil
}
