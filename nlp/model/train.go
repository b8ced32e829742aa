package model

import (
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
// for each kind, the weights from every candidate, the calibration and the
// thresholds from predictions for documents left out (folds folds, by
// document), and the priors from the rules' precision. The same documents
// in the same order give the same model.
func Train(docs []Document, folds int) *Model {
	if folds < 2 {
		folds = 2
	}
	all := label(docs)
	counts := goldCounts(docs)
	m := &Model{}
	for k := Kind(0); k < kinds; k++ {
		var items []labelled
		for _, l := range all {
			if l.Kind == k {
				items = append(items, l)
			}
		}
		z := outOfFoldLogits(items, folds)
		right := make([]bool, len(items))
		for i, l := range items {
			right[i] = l.right
		}
		d := Decider{Weights: trainLogistic(examples(items, -1, folds), defaultTraining)}
		d.A, d.B = platt(z, right)
		d.Thresholds = thresholds(items, z, d.A, d.B, counts)
		d.Priors = priors(items)
		m.Deciders[k] = d
	}
	return m
}

// examples are the items not in fold (all of them when fold < 0).
func examples(items []labelled, fold, folds int) []Example {
	var out []Example
	for _, l := range items {
		if fold < 0 || l.doc%folds != fold {
			out = append(out, Example{Features: l.Features, Right: l.right})
		}
	}
	return out
}

// outOfFoldLogits scores each item with weights trained on the folds its
// document is not in.
func outOfFoldLogits(items []labelled, folds int) []float64 {
	z := make([]float64, len(items))
	for f := 0; f < folds; f++ {
		w := trainLogistic(examples(items, f, folds), defaultTraining)
		for i, l := range items {
			if l.doc%folds == f {
				z[i] = w.Logit(l.Features)
			}
		}
	}
	return z
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

// subkinds lists the keys of a per-subkind map in order.
func subkinds[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
