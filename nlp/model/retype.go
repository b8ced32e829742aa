package model

import (
	"slices"
	"sort"
	"unicode/utf8"

	"hospkg/eval"
	"hospkg/nlp"
)

// Retype is another type the model may give an organisation the rules
// found: a 司 of Macau's government read as a department is an
// institution, a 医务中心 read as a department a hospital. Deciding
// entities (EntityKind) includes deciding their type: the retype decider
// weighs the other types of every organisation, and Model.Decide gives an
// organisation the one it believes most when it believes it enough.
type Retype struct {
	Entity   int // index into the extraction's Entities
	Type     nlp.EntityType
	Features []uint32
}

var orgTypes = []nlp.EntityType{nlp.Hospital, nlp.Institution, nlp.Department}

// Retypes lists the other types of every hospital, institution and
// department of the extraction, entity by entity.
func Retypes(x *nlp.Extraction) []Retype {
	return newFeaturizer(x).retypes()
}

func (f *featurizer) retypes() []Retype {
	x := f.x
	names := make(map[string]bool, len(x.Entities))
	for _, e := range x.Entities {
		names[string(e.Type)+"\x00"+e.Name] = true
	}
	var out []Retype
	for i := range x.Entities {
		e := &x.Entities[i]
		if !e.Type.IsOrg() {
			continue
		}
		base := slices.Clone(f.retypeBase(e))
		for _, t := range orgTypes {
			if t != e.Type {
				out = append(out, Retype{Entity: i, Type: t, Features: retypeFeatures(base, e.Type, t, names[string(t)+"\x00"+e.Name])})
			}
		}
	}
	return out
}

// retypeBase: what an organisation's retypes are decided by, whatever the
// new type: the name's suffix, start, length and place, and what the
// document says of it (its parent, its relations, posts held at it).
func (f *featurizer) retypeBase(e *nlp.Entity) []uint32 {
	f.buf = f.buf[:0]
	f.add("r-bias")
	f.add("r-s1", lastRunes(e.Name, 1))
	f.add("r-s2", lastRunes(e.Name, 2))
	f.add("r-s3", lastRunes(e.Name, 3))
	f.add("r-p1", firstRunes(e.Name, 1))
	f.add("r-len", bucket(utf8.RuneCountInString(e.Name), 3, 4, 5, 7, 10, 15))
	if level, _ := placePrefix(e.Name); level != "" {
		f.add("r-place", level)
	} else {
		f.add("r-noplace")
	}
	parent := "none"
	if p := f.entities[e.Parent]; p != nil {
		parent = string(p.Type)
	}
	f.add("r-parent", parent)
	f.add("r-involved", bucket(f.involved[e.ID], 1, 2))
	f.add("r-postsAt", bucket(f.postsAt[e.ID], 1, 2))
	f.add("r-mentions", bucket(len(f.mentions[e.ID]), 2, 3, 5))
	return f.buf
}

// retypeFeatures are the base features of an organisation conjoined with
// the change of type (each hashed with it, so that every change has
// weights of its own), and whether the document names it with the new
// type elsewhere.
func retypeFeatures(base []uint32, from, to nlp.EntityType, known bool) []uint32 {
	h := featureHash(string(from), string(to))
	out := make([]uint32, 0, len(base)+1)
	for _, b := range base {
		v := (b ^ h) * fnvPrime
		v ^= v >> 15
		out = append(out, v&(1<<featureBits-1))
	}
	return append(out, featureHash("r-known", string(from), string(to), boolName(known))&(1<<featureBits-1))
}

// labelledRetype is a retype of a training document with its label and its
// entity's.
type labelledRetype struct {
	Retype
	right, entityRight bool
	doc                int
}

// labelRetypes lists the retypes of every document with their labels: a
// retype is right when the scorer pairs the entity under its new type with
// a gold entity that no entity of the rules already claims.
func labelRetypes(docs []Document) []labelledRetype {
	var out []labelledRetype
	for i, d := range docs {
		rs := Retypes(d.X)
		if len(rs) == 0 {
			continue
		}
		lines := Lines(d.X)
		n := len(lines)
		entityRight := eval.Label(d.Gold, lines)
		for _, r := range rs {
			l := lines[r.Entity]
			l.Type = string(r.Type)
			lines = append(lines, l)
		}
		right := eval.Label(d.Gold, lines)
		for k, r := range rs {
			out = append(out, labelledRetype{Retype: r, right: right[n+k], entityRight: entityRight[r.Entity], doc: i})
		}
	}
	return out
}

// trainRetypes learns the retype decider: the weights from every retype,
// the calibration from retypes of documents left out, and the confidence
// from which an organisation's best retype replaces its type, chosen on
// those documents to right the most entities net of those it makes wrong
// (no entry: none is retyped).
func trainRetypes(docs []Document, folds int) Decider {
	items := labelRetypes(docs)
	if len(items) == 0 {
		return Decider{}
	}
	d, z := fitCalibrated(items, func(l labelledRetype) (Example, int) {
		return Example{Features: l.Features, Right: l.right}, l.doc
	}, folds)
	type scored struct {
		p    float64
		gain int // +1 rights a wrong entity, -1 wrongs a right one
	}
	var list []scored
	for start := 0; start < len(items); {
		end, best := start, start
		for end < len(items) && items[end].doc == items[start].doc && items[end].Entity == items[start].Entity {
			if z[end] > z[best] {
				best = end
			}
			end++
		}
		start = end
		b := items[best]
		list = append(list, scored{round3(sigmoid(float64(d.A*z[best]) + d.B)), btoi(b.right) - btoi(b.entityRight)})
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].p > list[j].p })
	gain, best, bestAt := 0, 0, -1
	for i, s := range list {
		gain += s.gain
		if i+1 < len(list) && list[i+1].p == s.p {
			continue
		}
		if gain > best {
			best, bestAt = gain, i
		}
	}
	d.Thresholds = make(map[string]float64)
	if bestAt >= 0 {
		d.Thresholds[retypeGroup] = list[bestAt].p
	}
	return d
}

// retypeGroup is the key of the retype decider's one threshold.
const retypeGroup = "retype"

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// chooseRetypes picks, per organisation of the extraction, the type the
// retype decider believes most, when it reaches its threshold; the map is
// by entity ID.
func (m *Model) chooseRetypes(x *nlp.Extraction, f *featurizer) map[string]chosenRetype {
	d := &m.Deciders[RetypeKind]
	t, ok := d.Thresholds[retypeGroup]
	if d.Weights == nil || !ok {
		return nil
	}
	var out map[string]chosenRetype
	rs := f.retypes()
	for start := 0; start < len(rs); {
		end, best, bestP := start, start, -1.0
		for end < len(rs) && rs[end].Entity == rs[start].Entity {
			if p := m.Confidence(Candidate{Kind: RetypeKind, Features: rs[end].Features}); p > bestP {
				best, bestP = end, p
			}
			end++
		}
		start = end
		if round3(bestP) >= t {
			if out == nil {
				out = make(map[string]chosenRetype)
			}
			out[x.Entities[rs[best].Entity].ID] = chosenRetype{rs[best].Type, round3(bestP)}
		}
	}
	return out
}

// chosenRetype is the type an entity is given, with the confidence.
type chosenRetype struct {
	Type nlp.EntityType
	p    float64
}

// retypeEntity gives the entity with the given ID its new type: a new
// identity, and every fact naming it names the new one; when the document
// already has an entity of that identity, the two become one. A
// department needs a parent: an organisation that becomes one is given the
// document's main organisation, and keeps its type when there is none.
func retypeEntity(x *nlp.Extraction, id string, r chosenRetype, mainOrg string) {
	i := slices.IndexFunc(x.Entities, func(e nlp.Entity) bool { return e.ID == id })
	if i < 0 {
		return
	}
	old := x.Entities[i]
	parent := ""
	if r.Type == nlp.Department {
		if mainOrg == "" || mainOrg == id {
			return
		}
		parent = mainOrg
	}
	newID := nlp.EntityID(r.Type, old.Name, parent)
	if j := slices.IndexFunc(x.Entities, func(e nlp.Entity) bool { return e.ID == newID }); j >= 0 && j != i {
		into := &x.Entities[j]
		for _, a := range old.Aliases {
			if a != into.Name && !slices.Contains(into.Aliases, a) {
				into.Aliases = append(into.Aliases, a)
			}
		}
		into.Confidence = max(into.Confidence, r.p)
		x.Entities = slices.Delete(x.Entities, i, i+1)
	} else {
		e := &x.Entities[i]
		e.ID, e.Type, e.Parent, e.Confidence = newID, r.Type, parent, r.p
	}
	for k := range x.Mentions {
		if x.Mentions[k].Entity == id {
			x.Mentions[k].Entity = newID
		}
	}
	for k := range x.Entities {
		if x.Entities[k].Parent == id {
			x.Entities[k].Parent = newID
		}
	}
	for k := range x.Relations {
		r := &x.Relations[k]
		if r.Subject == id {
			r.Subject = newID
		}
		if r.Object == id {
			r.Object = newID
		}
	}
	x.Relations = slices.DeleteFunc(x.Relations, func(r nlp.Relation) bool { return r.Subject == r.Object })
	for k := range x.Positions {
		if x.Positions[k].Org == id {
			x.Positions[k].Org = newID
		}
	}
}
