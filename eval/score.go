// Package eval scores an extractor's JSONL export against a gold file the
// way ../shared/eval/score.py does, figure for figure: entities by type
// (strict: the type must match and a name or alias form must be shared),
// relations by predicate (partner_of in either direction, ends compared
// through the predicted aliases, duplicates of one predicted triple counted
// once), positions as (person, title, org) and as looser (person, org)
// pairs; micro-averaged over the documents of the gold file.
package eval

import (
	"sort"
	"strings"
)

// Report is the outcome of Score.
type Report struct {
	Documents int // documents of the gold file scored
	// Rows holds per kind (KindEntity, KindRelation, KindPosition) a row per
	// type, predicate or position test; entities and relations also have
	// the micro-average over all of them, AllKey.
	Rows   map[string]map[string]Row
	Misses []Miss // gold facts not found and predicted facts not in the gold
}

// AllKey is the row of a kind's micro-average.
const AllKey = "ALL"

// Position rows: strict (person, title, org), and (person, org).
const (
	PositionTitleOrg  = "title+org"
	PositionPersonOrg = "person+org"
)

// symmetricPredicate is the predicate whose two ends may be given in either
// order.
const symmetricPredicate = "partner_of"

// Kinds lists the kinds of a report in the order they are printed.
var Kinds = []string{KindEntity, KindRelation, KindPosition}

// Row counts one type, predicate or position test.
type Row struct {
	TP, FP, FN int
	P, R, F1   float64 // rounded to three decimals, like Python's round(x, 3)
}

// Miss is one difference between the gold and the prediction.
type Miss struct {
	Doc  string
	What string // "missed entity", "extra relation", ...
	Fact string // "Hospital 北京大学第一医院", "郭燕红 司长 @ 国家卫生健康委应急司", ...
}

// Keys returns the row keys of a kind in the order score.py prints them:
// sorted, then AllKey.
func (r Report) Keys(kind string) []string {
	keys := make([]string, 0, len(r.Rows[kind]))
	hasAll := false
	for k := range r.Rows[kind] {
		if k == AllKey {
			hasAll = true
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if hasAll {
		keys = append(keys, AllKey)
	}
	return keys
}

// Score compares the predicted lines with the gold, document by document in
// the order of their names.
func Score(gold Gold, pred []Line) Report {
	p := indexPrediction(pred)
	tallies := map[string]*tally{KindEntity: newTally(), KindRelation: newTally(), KindPosition: newTally()}
	var misses []Miss
	docs := make([]string, 0, len(gold))
	for doc := range gold {
		docs = append(docs, doc)
	}
	sort.Strings(docs)
	for _, doc := range docs {
		s := docScorer{doc: doc, gold: gold[doc], gforms: goldForms(gold[doc]), pforms: p.forms}
		misses = append(misses, s.entities(tallies[KindEntity], p.entities[doc])...)
		misses = append(misses, s.relations(tallies[KindRelation], p.relations[doc])...)
		misses = append(misses, s.positions(tallies[KindPosition], p.positions[doc])...)
	}
	report := Report{Documents: len(docs), Rows: make(map[string]map[string]Row), Misses: misses}
	for _, kind := range Kinds {
		t := tallies[kind]
		rows := make(map[string]Row)
		for k := range t.keys {
			rows[k] = t.row(k)
		}
		if kind != KindPosition {
			rows[AllKey] = t.total()
		}
		report.Rows[kind] = rows
	}
	return report
}

// prediction is the predicted lines grouped by the base name of their
// documents, each group in the order of the lines.
type prediction struct {
	entities  map[string][]Line
	relations map[string][]Line
	positions map[string][]Line
	forms     map[string]formSet // form → forms of every entity that has it
}

func indexPrediction(lines []Line) prediction {
	p := prediction{
		entities: make(map[string][]Line), relations: make(map[string][]Line),
		positions: make(map[string][]Line), forms: make(map[string]formSet),
	}
	for _, l := range lines {
		switch l.Kind {
		case KindEntity:
			seen := make(map[string]bool)
			for _, d := range l.Docs {
				if b := baseName(d); !seen[b] {
					seen[b] = true
					p.entities[b] = append(p.entities[b], l)
				}
			}
			f := forms(l.Name, l.Aliases)
			for x := range f {
				if p.forms[x] == nil {
					p.forms[x] = formSet{}
				}
				for y := range f {
					p.forms[x][y] = struct{}{}
				}
			}
		case KindRelation:
			b := baseName(l.Doc)
			p.relations[b] = append(p.relations[b], l)
		case KindPosition:
			b := baseName(l.Doc)
			p.positions[b] = append(p.positions[b], l)
		}
	}
	return p
}

// baseName is score.py's base: what follows the last / or \.
func baseName(doc string) string {
	doc = strings.ReplaceAll(doc, `\`, "/")
	return doc[strings.LastIndex(doc, "/")+1:]
}

func goldForms(g GoldDocument) map[string]formSet {
	out := make(map[string]formSet, len(g.Entities))
	for _, e := range g.Entities {
		out[e.Name] = forms(e.Name, e.Aliases)
	}
	return out
}

// docScorer scores one document.
type docScorer struct {
	doc    string
	gold   GoldDocument
	gforms map[string]formSet // gold name → forms of that gold entity
	pforms map[string]formSet
}

// goldFormsOf returns the forms of a gold entity name (score.py's gf).
func (s docScorer) goldFormsOf(name string) formSet {
	if f, ok := s.gforms[name]; ok {
		return f
	}
	return forms(name, nil)
}

// predFormsOf returns the forms of the predicted entities a name stands for
// (score.py's pf).
func (s docScorer) predFormsOf(name string) formSet {
	n := Normalize(name)
	if f, ok := s.pforms[n]; ok {
		return f
	}
	return formSet{n: {}}
}

func (s docScorer) entities(t *tally, pred []Line) []Miss {
	gold := s.gold.Entities
	missed, extra := matchGreedy(gold, pred, s.sameEntity)
	countMatch(t, gold, missed, extra, func(g GoldEntity) string { return g.Type }, func(p Line) string { return p.Type })
	return append(
		describe(s.doc, "missed entity", missed, func(g GoldEntity) string { return g.Type + " " + g.Name }),
		describe(s.doc, "extra entity", extra, func(p Line) string { return p.Type + " " + p.Name })...)
}

func (s docScorer) relations(t *tally, pred []Line) []Miss {
	gold := s.gold.Relations
	pred = uniqueBy(pred, func(l Line) string { return Normalize(l.Subject) + "\x00" + l.Predicate + "\x00" + Normalize(l.Object) })
	missed, extra := matchGreedy(gold, pred, s.sameRelation)
	countMatch(t, gold, missed, extra, func(g GoldRelation) string { return g.Predicate }, func(p Line) string { return p.Predicate })
	return append(
		describe(s.doc, "missed relation", missed, func(g GoldRelation) string { return g.Subject + " " + g.Predicate + " " + g.Object }),
		describe(s.doc, "extra relation", extra, func(p Line) string { return p.Subject + " " + p.Predicate + " " + p.Object })...)
}

func (s docScorer) positions(t *tally, pred []Line) []Miss {
	gold := s.gold.Positions
	pred = uniqueBy(pred, func(l Line) string {
		return Normalize(l.Person) + "\x00" + Normalize(l.Title) + "\x00" + Normalize(l.Org)
	})
	missed, extra := matchGreedy(gold, pred, s.samePosition)
	t.add(PositionTitleOrg, len(gold)-len(missed), len(extra), len(missed))
	misses := append(
		describe(s.doc, "missed position", missed, func(g GoldPosition) string { return g.Person + " " + g.Title + " @ " + g.Org }),
		describe(s.doc, "extra position", extra, func(p Line) string { return p.Person + " " + p.Title + " @ " + p.Org })...)

	// (person, org) pairs: the gold's by their written names, the
	// prediction's by their normalised ones; not listed among the misses
	goldPairs := uniqueBy(gold, func(g GoldPosition) string { return g.Person + "\x00" + g.Org })
	predPairs := uniqueBy(pred, func(l Line) string { return Normalize(l.Person) + "\x00" + Normalize(l.Org) })
	missedPairs, extraPairs := matchGreedy(goldPairs, predPairs, func(g GoldPosition, p Line) bool {
		return s.samePersonOrg(g.Person, g.Org, p)
	})
	t.add(PositionPersonOrg, len(goldPairs)-len(missedPairs), len(extraPairs), len(missedPairs))
	return misses
}

// sameEntity reports whether a predicted entity line is the gold entity:
// the same type and a form in common.
func (s docScorer) sameEntity(g GoldEntity, p Line) bool {
	return g.Type == p.Type && s.goldFormsOf(g.Name).intersects(forms(p.Name, p.Aliases))
}

// sameRelation reports whether a predicted relation line states the gold
// relation: the same predicate, and ends sharing forms (either way round for
// partner_of).
func (s docScorer) sameRelation(g GoldRelation, p Line) bool {
	if g.Predicate != p.Predicate {
		return false
	}
	gs, gobj := s.goldFormsOf(g.Subject), s.goldFormsOf(g.Object)
	ps, pobj := s.predFormsOf(p.Subject), s.predFormsOf(p.Object)
	if gs.intersects(ps) && gobj.intersects(pobj) {
		return true
	}
	return g.Predicate == symmetricPredicate && gs.intersects(pobj) && gobj.intersects(ps)
}

// samePosition reports whether a predicted position line is the gold
// position: the same title, person and organisation.
func (s docScorer) samePosition(g GoldPosition, p Line) bool {
	return Normalize(g.Title) == Normalize(p.Title) && s.samePersonOrg(g.Person, g.Org, p)
}

func (s docScorer) samePersonOrg(person, org string, p Line) bool {
	return s.goldFormsOf(person).intersects(s.predFormsOf(p.Person)) && s.goldFormsOf(org).intersects(s.predFormsOf(p.Org))
}

// describe lists items as misses of one kind.
func describe[T any](doc, what string, items []T, fact func(T) string) []Miss {
	misses := make([]Miss, 0, len(items))
	for _, it := range items {
		misses = append(misses, Miss{Doc: doc, What: what, Fact: fact(it)})
	}
	return misses
}

// matchGreedy pairs each gold item, in order, with the first unused
// prediction that is the same; it returns the gold items left unpaired and
// the predictions left unused, each in their order.
func matchGreedy[G, P any](gold []G, pred []P, same func(G, P) bool) (missed []G, extra []P) {
	used := make([]bool, len(pred))
	for _, g := range gold {
		hit := -1
		for i, p := range pred {
			if !used[i] && same(g, p) {
				hit = i
				break
			}
		}
		if hit < 0 {
			missed = append(missed, g)
		} else {
			used[hit] = true
		}
	}
	for i, p := range pred {
		if !used[i] {
			extra = append(extra, p)
		}
	}
	return missed, extra
}

// uniqueBy keeps the first item of each key, in order.
func uniqueBy[T any](items []T, key func(T) string) []T {
	seen := make(map[string]bool, len(items))
	var out []T
	for _, it := range items {
		if k := key(it); !seen[k] {
			seen[k] = true
			out = append(out, it)
		}
	}
	return out
}
