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

// StoredRankingQuads returns the ranking quads the store holds, found through
// their subjects: each ranking node, and its entry nodes from #1 on until
// one has no quads (and at least as far as the ranking's hk:entries says).
func StoredRankingQuads(ctx context.Context, qs graph.QuadStore) ([]quad.Quad, error) {
	var out []quad.Quad
	keep := func(q quad.Quad) error {
		if q.Label == RankingsLabel {
			out = append(out, q)
		}
		return nil
	}
	for _, ranking := range []quad.IRI{SupportersRanking, SupportedRanking} {
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

// RefreshRankings computes the rankings and writes them in place of those
// the store holds. Only the difference is written, deletions first and then
// additions, in two batches, for the reasons ReplaceDocument gives; no quad
// the store holds is added again (cayley #737, and the SQL backend's node
// counts). Builds and loads call it once they have written their last
// document, so that the top queries answer from the store in a few lookups.
func RefreshRankings(ctx context.Context, qs graph.QuadStore) error {
	r, err := ComputeRankings(ctx, qs)
	if err != nil {
		return err
	}
	old, err := StoredRankingQuads(ctx, qs)
	if err != nil {
		return err
	}
	deletions, additions := DiffQuads(old, RankingQuads(r))
	opts := graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	for _, batch := range [][]graph.Delta{deletions, additions} {
		if len(batch) == 0 {
			continue
		}
		if err := qs.ApplyDeltas(batch, opts); err != nil {
			return fmt.Errorf("refresh rankings: %w", err)
		}
	}
	return nil
}
