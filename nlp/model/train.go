package model

import (
	"maps"
	"slices"
	"sort"

	"hospkg/eval"
	"hospkg/nlp"
)

// Document is one document as the rules extracted it, with its gold.
type Document struct {
	Name string
	X    *nlp.Extraction
	Gold eval.GoldDocument
	// Group names the set of documents it came from (its gold file):
	// cross-validation reports each group apart.
	Group string
}

// labelled is one candidate of a training document with its label.
type labelled struct {
	Candidate
	sub   string // subkind
	right bool
	doc   int // index of the document among those trained on
}

// Lines are the JSONL lines of one extraction that the scorer reads, in the
// order of Candidates: an entity line per entity, a relation line per
// relation and a position line per position, ends named by their entities'
// names.
func Lines(x *nlp.Extraction) []eval.Line {
	names := make(map[string]string, len(x.Entities))
	for _, e := range x.Entities {
		names[e.ID] = e.Name
	}
	name := func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return id
	}
	doc := x.Doc.Name
	lines := make([]eval.Line, 0, len(x.Entities)+len(x.Relations)+len(x.Positions))
	for _, e := range x.Entities {
		var aliases []string
		for _, a := range e.Aliases {
			if a != e.Name {
				aliases = append(aliases, a)
			}
		}
		lines = append(lines, eval.Line{Kind: eval.KindEntity, Name: e.Name, Type: string(e.Type), Aliases: aliases, Docs: []string{doc}})
	}
	for _, r := range x.Relations {
		lines = append(lines, eval.Line{Kind: eval.KindRelation, Subject: name(r.Subject), Predicate: string(r.Predicate), Object: name(r.Object), Doc: doc})
	}
	for _, p := range x.Positions {
		lines = append(lines, eval.Line{Kind: eval.KindPosition, Person: name(p.Person), Title: p.Title, Org: name(p.Org), Doc: doc})
	}
	return lines
}

// label lists the candidates of every document with their labels.
func label(docs []Document) []labelled {
	var out []labelled
	for i, d := range docs {
		cands := Candidates(d.X)
		right := eval.Label(d.Gold, Lines(d.X))
		for k, c := range cands {
			out = append(out, labelled{Candidate: c, sub: subkind(d.X, c), right: right[k], doc: i})
		}
	}
	return out
}

// goldCounts counts the gold facts of the documents per subkind.
func goldCounts(docs []Document) map[string]int {
	n := make(map[string]int)
	for _, d := range docs {
		for _, e := range d.Gold.Entities {
			n[e.Type]++
		}
		for _, r := range d.Gold.Relations {
			n[r.Predicate]++
		}
		n["position"] += len(d.Gold.Positions)
	}
	return n
}

// Train learns a model from documents the rules extracted and their gold:
// for each kind (the rules' entities, relations and positions, the
// organisations' other types, the names to add), the weights from every
// candidate, the calibration and the thresholds from predictions for
// documents left out (folds folds, by document), and the priors from the
// rules' precision. The same documents in the same order give the same
// model.
func Train(docs []Document, folds int) *Model {
	if folds < 2 {
		folds = 2
	}
	all := label(docs)
	counts := goldCounts(docs)
	m := &Model{}
	for _, k := range []Kind{EntityKind, RelationKind, PositionKind} {
		var items []labelled
		for _, l := range all {
			if l.Kind == k {
				items = append(items, l)
			}
		}
		d, z := fitCalibrated(items, func(l labelled) (Example, int) {
			return Example{Features: l.Features, Right: l.right}, l.doc
		}, folds)
		d.Thresholds = thresholds(items, z, d.A, d.B, counts)
		d.Priors = priors(items)
		m.Deciders[k] = d
	}
	m.Deciders[RetypeKind] = trainRetypes(docs, folds)
	for _, k := range slices.Sorted(maps.Keys(additionSources)) {
		m.Deciders[k] = trainAdditions(docs, additionSources[k], all, counts, folds)
	}
	return m
}

// thresholds picks, per subkind, the confidence threshold that maximises
// the subkind's F1 on the out-of-fold predictions, counting every gold fact
// the rules missed as missed whatever the threshold; 0 (keep everything)
// wins ties.
func thresholds(items []labelled, z []float64, a, b float64, counts map[string]int) map[string]float64 {
	type scored struct {
		p     float64
		right bool
	}
	bySub := make(map[string][]scored)
	for i, l := range items {
		bySub[l.sub] = append(bySub[l.sub], scored{round3(sigmoid(float64(a*z[i]) + b)), l.right})
	}
	out := make(map[string]float64, len(bySub))
	for sub, list := range bySub {
		sort.Slice(list, func(i, j int) bool { return list[i].p > list[j].p })
		gold := counts[sub]
		f1 := func(tp, fp int) float64 {
			if tp == 0 {
				return 0
			}
			return 2 * float64(tp) / float64(2*tp+fp+(gold-tp))
		}
		tp, fp := 0, 0
		for _, s := range list {
			if s.right {
				tp++
			} else {
				fp++
			}
		}
		best, bestT := f1(tp, fp), 0.0
		// Raise the threshold one distinct confidence at a time, from the
		// bottom.
		for i := len(list) - 1; i > 0; i-- {
			if list[i].right {
				tp--
			} else {
				fp--
			}
			if list[i-1].p == list[i].p {
				continue
			}
			if v := f1(tp, fp); v > best+1e-12 {
				best, bestT = v, list[i-1].p
			}
		}
		out[sub] = bestT
	}
	return out
}

// priors is the share of right candidates per subkind.
func priors(items []labelled) map[string]float64 {
	right, all := make(map[string]int), make(map[string]int)
	for _, l := range items {
		all[l.sub]++
		if l.right {
			right[l.sub]++
		}
	}
	out := make(map[string]float64, len(all))
	for sub, n := range all {
		out[sub] = round3(float64(right[sub]) / float64(n))
	}
	return out
}

// fitCalibrated trains a decider's weights on the examples of every item
// and calibrates them on logits for items of documents left out (example
// gives an item's example and document; a document is in fold doc mod
// folds); it returns those logits too, in the items' order.
func fitCalibrated[T any](items []T, example func(T) (Example, int), folds int) (Decider, []float64) {
	exs := make([]Example, len(items))
	doc := make([]int, len(items))
	right := make([]bool, len(items))
	for i, it := range items {
		exs[i], doc[i] = example(it)
		right[i] = exs[i].Right
	}
	z := make([]float64, len(exs))
	for fold := 0; fold < folds; fold++ {
		var train []Example
		for i, ex := range exs {
			if doc[i]%folds != fold {
				train = append(train, ex)
			}
		}
		w := trainLogistic(train, defaultTraining)
		for i, ex := range exs {
			if doc[i]%folds == fold {
				z[i] = w.Logit(ex.Features)
			}
		}
	}
	d := Decider{Weights: trainLogistic(exs, defaultTraining)}
	d.A, d.B = platt(z, right)
	return d, z
}

// bestF1Threshold is the confidence from which facts added to those the
// rules found (tp right and fp wrong of gold in all) raise the F1 most,
// the added facts given in the order they would be added, most believed
// first; ok is false when none raises it.
func bestF1Threshold(added []scoredFact, tp, fp, gold int) (threshold float64, ok bool) {
	sort.SliceStable(added, func(i, j int) bool { return added[i].p > added[j].p })
	f1 := func(tp, fp int) float64 {
		if tp == 0 {
			return 0
		}
		return 2 * float64(tp) / float64(2*tp+fp+(gold-tp))
	}
	best, bestAt := f1(tp, fp), -1
	for i, s := range added {
		if s.right {
			tp++
		} else {
			fp++
		}
		if i+1 < len(added) && added[i+1].p == s.p {
			continue
		}
		if v := f1(tp, fp); v > best+1e-12 {
			best, bestAt = v, i
		}
	}
	if bestAt < 0 {
		return 0, false
	}
	return added[bestAt].p, true
}

// scoredFact is a fact the model would add, with its confidence and label.
type scoredFact struct {
	p     float64
	right bool
}

// rulesTally counts the rules' right and wrong facts per subkind.
func rulesTally(all []labelled, k Kind) (tp, fp map[string]int) {
	tp, fp = make(map[string]int), make(map[string]int)
	for _, l := range all {
		if l.Kind != k {
			continue
		}
		if l.right {
			tp[l.sub]++
		} else {
			fp[l.sub]++
		}
	}
	return tp, fp
}
