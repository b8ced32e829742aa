// Package model is hospkg's learned decider: the rules of package nlp
// propose entities, relations and positions, and logistic regressions over
// hashed features of each proposal (its name's shape, its context, the rule
// that proposed it, the cue words around it) decide which to keep, which
// type an organisation is (Retypes) and how sure to be; another adds the
// officials the rules missed (Persons). It is trained on gold in score.py's
// format (Train), checked by document-level cross-validation
// (CrossValidate), and the model trained on the repository's corpus is
// embedded in the binary (Default).
//
// The rules stay readable and runnable without it: a pipeline that never
// calls Decide gets the rules' facts, and Prior gives them the rules'
// measured precision as their confidence.
package model

import (
	"maps"
	"slices"

	"hospkg/nlp"
)

// Model decides the candidates of each kind.
type Model struct {
	Deciders [kinds]Decider
}

// Decider is the learned part for one kind of fact.
type Decider struct {
	Weights *Logistic
	// A and B calibrate the logits into probabilities: sigmoid(A·z + B),
	// fitted on predictions for documents the weights were not trained on.
	A, B float64
	// Thresholds holds, per subkind (entity type, predicate, "position"),
	// the confidence below which a candidate is dropped; 0 keeps all. For
	// names the rules missed (PersonKind) it holds, under "Official", the
	// confidence from which a name is added as an official; without it
	// none is.
	Thresholds map[string]float64
	// Priors holds, per subkind, the share of the rules' proposals that
	// were right in the training gold: the confidence of a fact when the
	// model is off.
	Priors map[string]float64
}

// subkind is the group a candidate's threshold and prior belong to.
func subkind(x *nlp.Extraction, c Candidate) string {
	switch c.Kind {
	case EntityKind:
		return string(x.Entities[c.Index].Type)
	case RelationKind:
		return string(x.Relations[c.Index].Predicate)
	}
	return "position"
}

// Confidence is the calibrated probability that the candidate is right.
func (m *Model) Confidence(c Candidate) float64 {
	d := &m.Deciders[c.Kind]
	if d.Weights == nil {
		return 0.5
	}
	return sigmoid(float64(d.A*d.Weights.Logit(c.Features)) + d.B)
}

// Decide gives every fact of the extraction its confidence and drops those
// below their subkind's threshold. Dropping an entity drops the facts that
// need it: its mentions, the relations and positions it is an end of, and
// the departments it is the parent of.
//
// An entity that is an end of a relation or a position the model keeps, or
// the parent of a department it keeps, is kept whatever its own
// confidence: the fact vouches for it, and dropping it would drop the fact.
//
// Then an organisation the retype decider reads as another type gets it
// (Retypes), and the names the person decider believes are added as
// officials (Persons), each with its confidence.
func (m *Model) Decide(x *nlp.Extraction) {
	f := newFeaturizer(x)
	cands := f.candidates()
	keep := make([]bool, len(cands))
	vouched := make(map[string]bool)
	retypes := m.chooseRetypes(x, f)
	for id := range retypes {
		vouched[id] = true
	}
	// Names are chosen on the rules' extraction, as they were in training,
	// and added once the rules' facts are decided.
	names := m.chooseNames(f)
	mainOrg := f.topOrg
	for i, c := range cands {
		p := m.Confidence(c)
		keep[i] = p >= m.Deciders[c.Kind].Thresholds[subkind(x, c)]
		setConfidence(x, c, round3(p))
		if !keep[i] {
			continue
		}
		switch c.Kind {
		case RelationKind:
			r := x.Relations[c.Index]
			vouched[r.Subject], vouched[r.Object] = true, true
		case PositionKind:
			p := x.Positions[c.Index]
			vouched[p.Person], vouched[p.Org] = true, true
		}
	}
	for i, c := range cands {
		if c.Kind == EntityKind && keep[i] {
			vouched[x.Entities[c.Index].ID] = true
		}
	}
	// A kept department vouches for its parent, and so on up.
	for changed := true; changed; {
		changed = false
		for _, e := range x.Entities {
			if vouched[e.ID] && e.Parent != "" && !vouched[e.Parent] {
				vouched[e.Parent] = true
				changed = true
			}
		}
	}
	for i, c := range cands {
		if c.Kind == EntityKind && vouched[x.Entities[c.Index].ID] {
			keep[i] = true
		}
	}
	apply(x, cands, keep)
	if _, ok := x.Entity(mainOrg); !ok {
		mainOrg = ""
	}
	for _, id := range slices.Sorted(maps.Keys(retypes)) {
		retypeEntity(x, id, retypes[id], mainOrg)
	}
	addNames(x, names, mainOrg)
}

// Prior gives every fact of the extraction the rules' measured precision
// for its subkind (subkind's groups) as its confidence, and keeps them all;
// it computes no features.
func (m *Model) Prior(x *nlp.Extraction) {
	prior := func(k Kind, sub string) float64 {
		if p, ok := m.Deciders[k].Priors[sub]; ok {
			return round3(p)
		}
		return 0.5
	}
	for i := range x.Entities {
		x.Entities[i].Confidence = prior(EntityKind, string(x.Entities[i].Type))
	}
	for i := range x.Relations {
		x.Relations[i].Confidence = prior(RelationKind, string(x.Relations[i].Predicate))
	}
	for i := range x.Positions {
		x.Positions[i].Confidence = prior(PositionKind, "position")
	}
}

func setConfidence(x *nlp.Extraction, c Candidate, p float64) {
	switch c.Kind {
	case EntityKind:
		x.Entities[c.Index].Confidence = p
	case RelationKind:
		x.Relations[c.Index].Confidence = p
	case PositionKind:
		x.Positions[c.Index].Confidence = p
	}
}

// round3 rounds a probability to three decimals, the precision stored and
// exported.
func round3(p float64) float64 {
	return float64(int64(p*1000+0.5)) / 1000
}

// apply keeps the candidates marked keep and what depends only on kept
// entities.
func apply(x *nlp.Extraction, cands []Candidate, keep []bool) {
	dropped := make(map[string]bool)
	var keepRel, keepPos []bool
	for i, c := range cands {
		switch c.Kind {
		case EntityKind:
			if !keep[i] {
				dropped[x.Entities[c.Index].ID] = true
			}
		case RelationKind:
			keepRel = append(keepRel, keep[i])
		case PositionKind:
			keepPos = append(keepPos, keep[i])
		}
	}
	// A department whose parent goes goes with it, and so on down.
	for changed := true; changed; {
		changed = false
		for _, e := range x.Entities {
			if !dropped[e.ID] && e.Parent != "" && dropped[e.Parent] {
				dropped[e.ID] = true
				changed = true
			}
		}
	}
	entities := x.Entities[:0]
	for _, e := range x.Entities {
		if !dropped[e.ID] {
			entities = append(entities, e)
		}
	}
	x.Entities = entities
	mentions := x.Mentions[:0]
	for _, mn := range x.Mentions {
		if !dropped[mn.Entity] {
			mentions = append(mentions, mn)
		}
	}
	x.Mentions = mentions
	relations := x.Relations[:0]
	for i, r := range x.Relations {
		if keepRel[i] && !dropped[r.Subject] && !dropped[r.Object] {
			relations = append(relations, r)
		}
	}
	x.Relations = relations
	positions := x.Positions[:0]
	for i, p := range x.Positions {
		if keepPos[i] && !dropped[p.Person] && !dropped[p.Org] {
			positions = append(positions, p)
		}
	}
	x.Positions = positions
}
