package model

import (
	"fmt"
	"maps"
	"slices"

	"hospkg/eval"
	"hospkg/nlp"
)

// CrossValidation is the outcome of CrossValidate: the rules alone and the
// rules with the model, each scored on documents the model was not trained
// on, and how well the confidences held there.
type CrossValidation struct {
	Folds int
	// Deciding lists the kinds whose facts the model decided; the others
	// kept every fact of the rules.
	Deciding    []Kind
	Rules       eval.Report
	Model       eval.Report
	Reliability []Bin
	// Groups holds the two reports for the documents of each group
	// (Document.Group) when there are several.
	Groups map[string][2]eval.Report
}

// Bin is one row of a reliability table: the candidates whose confidence
// fell in [Lo, Hi), how many there were, their mean confidence and how many
// were right.
type Bin struct {
	Lo, Hi float64
	Count  int
	Mean   float64
	Right  int
}

// Scorer scores a set of extractions against the gold, the way the JSONL
// export of a store built from them would be scored.
type Scorer func([]*nlp.Extraction) (eval.Report, error)

// CrossValidate splits the documents into folds by document (document i
// is in fold i mod folds), trains a model on all folds but one, decides the
// documents of that fold with it (the facts of the kinds deciding only;
// the others keep every fact of the rules), and scores the rules'
// extractions and the decided ones over all documents.
func CrossValidate(docs []Document, folds int, deciding []Kind, score Scorer) (*CrossValidation, error) {
	if folds < 2 || folds > len(docs) {
		return nil, fmt.Errorf("cross-validation: %d folds for %d documents", folds, len(docs))
	}
	rules := make([]*nlp.Extraction, len(docs))
	decided := make([]*nlp.Extraction, len(docs))
	var conf []float64
	var right []bool
	for f := 0; f < folds; f++ {
		var train []Document
		for i, d := range docs {
			if i%folds != f {
				train = append(train, d)
			}
		}
		m := Train(train, folds)
		m.Keep(deciding)
		for i, d := range docs {
			if i%folds != f {
				continue
			}
			rules[i] = d.X
			for _, l := range label([]Document{d}) {
				conf = append(conf, m.Confidence(l.Candidate))
				right = append(right, l.right)
			}
			// And the names the model adds.
			for _, k := range slices.Sorted(maps.Keys(additionSources)) {
				items := labelAdditions([]Document{d}, additionSources[k])
				as := make([]Addition, len(items))
				for i, l := range items {
					as[i] = l.Addition
				}
				names := m.added(k, as)
				for i, index := range names.index {
					conf = append(conf, names.p[i])
					right = append(right, items[index].right)
				}
			}
			x := Clone(d.X)
			m.Decide(x)
			decided[i] = x
		}
	}
	cv := &CrossValidation{Folds: folds, Deciding: deciding, Reliability: reliability(conf, right)}
	var err error
	if cv.Rules, err = score(rules); err != nil {
		return nil, fmt.Errorf("cross-validation: rules: %w", err)
	}
	if cv.Model, err = score(decided); err != nil {
		return nil, fmt.Errorf("cross-validation: model: %w", err)
	}
	groups := make(map[string][]int)
	for i, d := range docs {
		groups[d.Group] = append(groups[d.Group], i)
	}
	if len(groups) < 2 {
		return cv, nil
	}
	cv.Groups = make(map[string][2]eval.Report, len(groups))
	for g, members := range groups {
		var r, m []*nlp.Extraction
		for _, i := range members {
			r, m = append(r, rules[i]), append(m, decided[i])
		}
		var reports [2]eval.Report
		if reports[0], err = score(r); err != nil {
			return nil, fmt.Errorf("cross-validation: rules, %s: %w", g, err)
		}
		if reports[1], err = score(m); err != nil {
			return nil, fmt.Errorf("cross-validation: model, %s: %w", g, err)
		}
		cv.Groups[g] = reports
	}
	return cv, nil
}

// reliability bins confidences by tenths.
func reliability(conf []float64, right []bool) []Bin {
	bins := make([]Bin, 10)
	for i := range bins {
		bins[i].Lo, bins[i].Hi = float64(i)/10, float64(i+1)/10
	}
	for i, p := range conf {
		b := int(p * 10)
		if b > 9 {
			b = 9
		}
		if b < 0 {
			b = 0
		}
		bins[b].Count++
		bins[b].Mean += p
		if right[i] {
			bins[b].Right++
		}
	}
	for i := range bins {
		if bins[i].Count > 0 {
			bins[i].Mean /= float64(bins[i].Count)
		}
	}
	return bins
}

// Clone copies an extraction deeply enough that Decide on the copy leaves
// the original as it was.
func Clone(x *nlp.Extraction) *nlp.Extraction {
	c := *x
	c.Entities = append([]nlp.Entity(nil), x.Entities...)
	c.Mentions = append([]nlp.Mention(nil), x.Mentions...)
	c.Relations = append([]nlp.Relation(nil), x.Relations...)
	c.Positions = append([]nlp.Position(nil), x.Positions...)
	return &c
}

// AllKinds lists the kinds of fact.
var AllKinds = []Kind{EntityKind, RelationKind, PositionKind, PersonKind}

// Wins lists the kinds whose row (Row) the model raised on the folds left
// out by at least margin, over all the documents: a kind that helps many
// news articles and harms a few annual reports is decided (Groups shows
// each group apart).
func (cv *CrossValidation) Wins(margin float64) []Kind {
	var out []Kind
	for _, k := range cv.Deciding {
		kind, key := k.Row()
		if cv.Model.Rows[kind][key].F1 >= cv.Rules.Rows[kind][key].F1+margin {
			out = append(out, k)
		}
	}
	return out
}

// Row names the row of a report that tells whether the model deciding the
// kind helps: the kind's overall F1; for positions, title and organisation;
// for the officials it adds, the officials'.
func (k Kind) Row() (kind, key string) {
	switch k {
	case PositionKind:
		return PositionKind.String(), eval.PositionTitleOrg
	case PersonKind:
		return EntityKind.String(), string(nlp.Official)
	}
	return k.String(), eval.AllKey
}

// Keep makes the model decide the facts of the kinds listed only: the
// thresholds of every other kind go to 0, so that it keeps all their facts
// and gives only their confidence, and a kind that adds names (or retypes
// organisations, when entities are not decided) loses its thresholds, so
// that it adds (or retypes) none.
func (m *Model) Keep(deciding []Kind) {
	for k := Kind(0); k < kinds; k++ {
		on := slices.Contains(deciding, k)
		if k == RetypeKind {
			// Retyping is part of deciding entities.
			on = slices.Contains(deciding, EntityKind)
		}
		if on {
			continue
		}
		if _, adds := additionSources[k]; adds || k == RetypeKind {
			m.Deciders[k].Thresholds = map[string]float64{}
			continue
		}
		for sub := range m.Deciders[k].Thresholds {
			m.Deciders[k].Thresholds[sub] = 0
		}
	}
}
