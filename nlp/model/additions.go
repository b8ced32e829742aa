package model

import (
	"maps"
	"slices"
	"sort"

	"hospkg/eval"
	"hospkg/nlp"
)

// Addition is a name the rules did not find that the model may add as an
// entity: a person's name (Persons).
// Each place in the text is a site with the lengths its name may have; the
// model adds at most one of them.
type Addition struct {
	Type       nlp.EntityType
	Sentence   int
	Start, End int // byte offsets into the document's text
	Name       string
	// Site numbers the place: the lengths of one name share it.
	Site int
	// Found marks a name the rules already read: it overlaps a mention,
	// or an entity of the document has that name. Found names teach the
	// model what names look like; they are never added.
	Found    bool
	Features []uint32
}

// additionSources are the kinds of the model that add names, with what
// lists their candidates.
// The source lists every name with found, and leaves out the places where
// the rules found one without.
var additionSources = map[Kind]func(f *featurizer, found bool) []Addition{
	PersonKind: (*featurizer).persons,
}

// labelledAddition is a name of a training document with its label.
type labelledAddition struct {
	Addition
	right bool
	doc   int
}

// labelAdditions lists the names of every document with their labels: a
// name is right when the document's gold has an entity of its type by that
// name, and, for a name the rules did not find, when no entity the rules
// found is already that gold entity (a second name for it would be one
// entity too many).
func labelAdditions(docs []Document, source func(*featurizer, bool) []Addition) []labelledAddition {
	var out []labelledAddition
	for i, d := range docs {
		byForm := make(map[string]int) // type and form → gold entity
		for g, e := range d.Gold.Entities {
			for _, name := range append([]string{e.Name}, e.Aliases...) {
				byForm[e.Type+"\x00"+eval.Normalize(name)] = g
			}
		}
		claimed := make(map[int]bool)
		for _, e := range d.X.Entities {
			for _, name := range append([]string{e.Name}, e.Aliases...) {
				if g, ok := byForm[string(e.Type)+"\x00"+eval.Normalize(name)]; ok {
					claimed[g] = true
				}
			}
		}
		for _, a := range source(newFeaturizer(d.X), true) {
			g, ok := byForm[string(a.Type)+"\x00"+eval.Normalize(a.Name)]
			out = append(out, labelledAddition{Addition: a, right: ok && (a.Found || !claimed[g]), doc: i})
		}
	}
	return out
}

// trainAdditions learns the decider of a kind that adds names: weights
// from every name (found or not), calibration from names of documents
// left out, and per entity type the confidence from which a name the
// rules did not find is added, chosen on those documents to raise the
// type's F1 over the rules' entities (no entry: none of that type is
// added).
func trainAdditions(docs []Document, source func(*featurizer, bool) []Addition, all []labelled, counts map[string]int, folds int) Decider {
	items := labelAdditions(docs, source)
	if len(items) == 0 {
		return Decider{}
	}
	d, z := fitCalibrated(items, func(l labelledAddition) (Example, int) {
		return Example{Features: l.Features, Right: l.right}, l.doc
	}, folds)
	adds := make([]Addition, len(items))
	p := make([]float64, len(items))
	for i, l := range items {
		adds[i], p[i] = l.Addition, round3(sigmoid(float64(d.A*z[i])+d.B))
	}
	added := make(map[string][]scoredFact)
	for start := 0; start < len(items); {
		end := start
		for end < len(items) && items[end].doc == items[start].doc {
			end++
		}
		for _, k := range chooseAdditions(adds[start:end], p[start:end]) {
			t := string(items[start+k].Type)
			added[t] = append(added[t], scoredFact{p[start+k], items[start+k].right})
		}
		start = end
	}
	tp, fp := rulesTally(all, EntityKind)
	d.Thresholds = make(map[string]float64)
	for _, t := range slices.Sorted(maps.Keys(added)) {
		if threshold, ok := bestF1Threshold(added[t], tp[t], fp[t], counts[t]); ok {
			d.Thresholds[t] = threshold
		}
	}
	return d
}

// chooseAdditions picks, among one document's names, those the model
// would add in the order it would add them: per site where the rules found
// none, the length it believes most; then, most believed first, each name
// that overlaps no name picked before and repeats none. It returns their
// indices.
func chooseAdditions(as []Addition, p []float64) []int {
	var best []int
	for start := 0; start < len(as); {
		end, b, found := start, start, false
		for end < len(as) && as[end].Site == as[start].Site {
			if p[end] > p[b] {
				b = end
			}
			found = found || as[end].Found
			end++
		}
		start = end
		if !found {
			best = append(best, b)
		}
	}
	sort.SliceStable(best, func(i, j int) bool { return p[best[i]] > p[best[j]] })
	var out []int
	names := make(map[string]bool)
	for _, i := range best {
		clash := names[as[i].Name]
		for _, k := range out {
			if as[k].Start < as[i].End && as[i].Start < as[k].End {
				clash = true
				break
			}
		}
		if !clash {
			names[as[i].Name] = true
			out = append(out, i)
		}
	}
	return out
}

// chosenNames are the names the deciders of the adding kinds would add to
// an extraction, most believed first, with their confidences and their
// indices among the names they were chosen from.
type chosenNames struct {
	names []Addition
	p     []float64
	index []int
}

// chooseNames picks, on the rules' extraction, the names the deciders of
// the adding kinds believe enough to add.
func (m *Model) chooseNames(f *featurizer) chosenNames {
	var out chosenNames
	for _, k := range slices.Sorted(maps.Keys(additionSources)) {
		d := &m.Deciders[k]
		if d.Weights == nil || len(d.Thresholds) == 0 {
			continue
		}
		names := m.added(k, additionSources[k](f, false))
		out.names = append(out.names, names.names...)
		out.p = append(out.p, names.p...)
	}
	return out
}

// added picks the names of as that the decider of kind k adds: those
// chooseAdditions gives whose confidence reaches their type's threshold.
func (m *Model) added(k Kind, as []Addition) chosenNames {
	var out chosenNames
	d := &m.Deciders[k]
	if d.Weights == nil || len(d.Thresholds) == 0 {
		return out
	}
	p := make([]float64, len(as))
	for i := range as {
		p[i] = round3(m.Confidence(Candidate{Kind: k, Features: as[i].Features}))
	}
	for _, i := range chooseAdditions(as, p) {
		if t, ok := d.Thresholds[string(as[i].Type)]; ok && p[i] >= t {
			out.names = append(out.names, as[i])
			out.p = append(out.p, p[i])
			out.index = append(out.index, i)
		}
	}
	return out
}

// addNames adds the chosen names to the extraction: officials qualified by
// the document's main organisation (or the document), departments under
// that organisation (none when it has none), hospitals and institutions by
// their names; a name whose entity the extraction has already is skipped.
func addNames(x *nlp.Extraction, chosen chosenNames, mainOrg string) {
	for i, a := range chosen.names {
		qualifier, parent := "", ""
		switch a.Type {
		case nlp.Official:
			qualifier = mainOrg
			if qualifier == "" {
				qualifier = "doc:" + x.Doc.Name
			}
		case nlp.Department:
			if mainOrg == "" {
				continue
			}
			qualifier, parent = mainOrg, mainOrg
		}
		id := nlp.EntityID(a.Type, a.Name, qualifier)
		if _, exists := x.Entity(id); exists {
			continue
		}
		x.Entities = append(x.Entities, nlp.Entity{ID: id, Type: a.Type, Name: a.Name, Parent: parent, Confidence: chosen.p[i]})
		x.Mentions = append(x.Mentions, nlp.Mention{Entity: id, Sentence: a.Sentence, Start: a.Start, End: a.End})
	}
}
