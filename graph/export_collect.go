package graph

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"hospkg/nlp"
)

// JSONLCollector gathers extractions into the JSONL export without a store:
// a compact index of entities by node (names, aliases, types, parents and
// documents as small sets) and the relation and position facts, each once
// per document with its earliest sentence. WriteJSONL then writes exactly
// the lines WriteJSONL of a store built from the same documents gives, in
// time and memory linear in the facts, where building the store first costs
// its indexes. Documents must have different names.
type JSONLCollector struct {
	nodes     map[string]*collectedEntity // by entity ID
	docs      map[string]bool
	relations []collectedFact
	positions []collectedFact
}

// collectedEntity is what the store would hold about one entity node.
type collectedEntity struct {
	iri     quad.IRI
	typed   bool // some document lists it as an entity
	types   []string
	names   []string
	aliases []string
	parents []*collectedEntity // for departments
	docs    []string
	// confidence holds the entity's confidence in each of docs, in order.
	confidence []float64
}

// collectedFact is one relation or position line before names are known:
// subject and object are nodes, and for a position the object is the
// organisation and title its title. Strings a document's facts share
// (its name, dates, evidence sentences) are held once.
type collectedFact struct {
	subject, object *collectedEntity
	predicate       string // export name of a relation; "" for a position
	title           string
	doc, evidence   string
	date, asOf      string
	former          bool
	confidence      float64 // the highest the document gives the fact; 0: none
}

// NewJSONLCollector returns an empty collector.
func NewJSONLCollector() *JSONLCollector {
	return &JSONLCollector{nodes: make(map[string]*collectedEntity), docs: make(map[string]bool)}
}

// node returns the node of an entity ID, made on first use.
func (c *JSONLCollector) node(id string) *collectedEntity {
	e := c.nodes[id]
	if e == nil {
		id = strings.Clone(id)
		e = &collectedEntity{iri: EntityIRI(id)}
		c.nodes[id] = e
	}
	return e
}

// addUnique appends s to a small set kept as a slice, copying s so that the
// set never holds on to a document's text.
func addUnique(set []string, s string) []string {
	for _, x := range set {
		if x == s {
			return set
		}
	}
	return append(set, strings.Clone(s))
}

// Add gathers the facts of one extraction, as DocumentQuads would store them.
func (c *JSONLCollector) Add(x *nlp.Extraction) error {
	if x == nil || x.Doc.Name == "" {
		return fmt.Errorf("jsonl: extraction has no document name")
	}
	if c.docs[x.Doc.Name] {
		return fmt.Errorf("jsonl: document %s given twice", x.Doc.Name)
	}
	doc := strings.Clone(x.Doc.Name)
	c.docs[doc] = true
	for _, e := range x.Entities {
		typ, err := TypeIRI(e.Type)
		if err != nil {
			return fmt.Errorf("document %s: entity %s: %w", doc, e.ID, err)
		}
		n := c.node(e.ID)
		n.typed = true
		n.types = addUnique(n.types, strings.TrimPrefix(stringOf(typ), "hk:"))
		n.names = addUnique(n.names, e.Name)
		for _, a := range e.Aliases {
			if a != e.Name {
				n.aliases = addUnique(n.aliases, a)
			}
		}
		if e.Type == nlp.Department && e.Parent != "" {
			if p := c.node(e.Parent); !slices.Contains(n.parents, p) {
				n.parents = append(n.parents, p)
			}
		}
		// Documents come one at a time, each once: appending is enough.
		if len(n.docs) == 0 || n.docs[len(n.docs)-1] != doc {
			n.docs = append(n.docs, doc)
			n.confidence = append(n.confidence, 0)
		}
		if last := len(n.confidence) - 1; e.Confidence > n.confidence[last] {
			n.confidence[last] = e.Confidence
		}
	}
	sentences := make(map[int]nlp.Sentence, len(x.Sentences))
	for _, s := range x.Sentences {
		sentences[s.Index] = s
	}
	// The earliest sentence of each fact in this document, and its highest
	// confidence; a fact whose sentence the extraction lacks is labelled
	// with the document, which counts as earlier than any sentence.
	type statement struct {
		sentence   int
		confidence float64
		former     bool
	}
	earliest := make(map[collectedFact]statement)
	state := func(f collectedFact, sentence int, confidence float64, former bool) {
		if _, ok := sentences[sentence]; !ok {
			sentence = -1
		}
		old, seen := earliest[f]
		if !seen || sentence < old.sentence {
			old.sentence = sentence
		}
		old.confidence = max(old.confidence, confidence)
		old.former = old.former || former
		earliest[f] = old
	}
	for _, r := range x.Relations {
		if _, err := PredicateIRI(r.Predicate); err != nil {
			return fmt.Errorf("document %s: relation %s %s %s: %w", doc, r.Subject, r.Predicate, r.Object, err)
		}
		state(collectedFact{subject: c.node(r.Subject), predicate: string(r.Predicate), object: c.node(r.Object), doc: doc},
			r.Sentence, r.Confidence, false)
	}
	for _, p := range x.Positions {
		state(collectedFact{subject: c.node(p.Person), title: p.Title, object: c.node(p.Org), doc: doc},
			p.Sentence, p.Confidence, p.Former)
	}
	// Facts of one sentence share its evidence and date.
	evidence := make(map[int]string)
	told := make(map[int]string)
	asOf := strings.Clone(x.Date)
	for f, st := range earliest {
		f.former, f.confidence = st.former, st.confidence
		f.date, f.asOf = asOf, asOf
		if st.sentence >= 0 {
			if _, ok := evidence[st.sentence]; !ok {
				s := sentences[st.sentence]
				evidence[st.sentence] = strings.Clone(s.Evidence)
				told[st.sentence] = strings.Clone(s.Date)
			}
			f.evidence = evidence[st.sentence]
			if d := told[st.sentence]; d != "" {
				f.date = d
			}
		}
		f.title = strings.Clone(f.title)
		if f.predicate != "" {
			c.relations = append(c.relations, f)
		} else {
			c.positions = append(c.positions, f)
		}
	}
	return nil
}

// nameOf is the canonical name of a node, as graphReader.nameOf reads it.
func (c *JSONLCollector) nameOf(e *collectedEntity) string {
	if len(e.names) > 0 {
		return e.names[0] // sorted by WriteJSONL before names are asked for
	}
	return EntityID(e.iri)
}

// factKey identifies a fact across documents: its node in the store.
type factKey struct {
	subject, object *collectedEntity
	predicate       string
	title           string
}

// combined is every fact's confidence, its documents' combined.
func combinedConfidences(facts []collectedFact) map[factKey]*float64 {
	perDoc := make(map[factKey]map[string]float64)
	for _, f := range facts {
		if f.confidence <= 0 {
			continue
		}
		k := factKey{f.subject, f.object, f.predicate, f.title}
		perDoc[k] = noteConfidence(perDoc[k], f.doc, f.confidence)
	}
	out := make(map[factKey]*float64, len(perDoc))
	for k, m := range perDoc {
		out[k] = confidencePointer(combineConfidence(m))
	}
	return out
}

// WriteJSONL writes the gathered graph as JSON lines, in the order and form
// of WriteJSONL over a store.
func (c *JSONLCollector) WriteJSONL(w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var entities []*collectedEntity
	for _, e := range c.nodes {
		sort.Strings(e.names)
		if e.typed {
			entities = append(entities, e)
		}
	}
	slices.SortFunc(entities, func(a, b *collectedEntity) int { return strings.Compare(string(a.iri), string(b.iri)) })
	for _, e := range entities {
		if err := enc.Encode(c.entityLine(e)); err != nil {
			return fmt.Errorf("export jsonl: %w", err)
		}
	}
	confidence := combinedConfidences(c.relations)
	relations := make([]RelationLine, 0, len(c.relations))
	for _, f := range c.relations {
		if !f.subject.typed {
			continue
		}
		relations = append(relations, RelationLine{Kind: "relation", Subject: c.nameOf(f.subject), Predicate: f.predicate,
			Object: c.nameOf(f.object), Doc: f.doc, Evidence: f.evidence, Date: f.date,
			Confidence: confidence[factKey{f.subject, f.object, f.predicate, ""}]})
	}
	if err := encodeSorted(enc, relations, compareRelations); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	relations = nil
	confidence = combinedConfidences(c.positions)
	positions := make([]PositionLine, 0, len(c.positions))
	for _, f := range c.positions {
		if !f.subject.typed {
			continue
		}
		positions = append(positions, PositionLine{Kind: "position", Person: c.nameOf(f.subject), Title: f.title,
			Org: c.nameOf(f.object), Doc: f.doc, Evidence: f.evidence, Date: f.date, AsOf: f.asOf, Former: f.former,
			Confidence: confidence[factKey{f.subject, f.object, "", f.title}]})
	}
	if err := encodeSorted(enc, positions, comparePositions); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	return nil
}

// entityLine is the line of one entity node, as graphReader.readEntity
// makes it: the first name in order is the name and the others aliases.
func (c *JSONLCollector) entityLine(e *collectedEntity) EntityLine {
	id := EntityID(e.iri)
	line := EntityLine{Kind: "entity", ID: id, Name: id, Aliases: []string{}, Docs: []string{}}
	aliases := append([]string(nil), e.aliases...)
	if len(e.names) > 0 {
		line.Name = e.names[0]
		aliases = append(aliases, e.names[1:]...)
	}
	if types := sortedUnique(append([]string(nil), e.types...)); len(types) > 0 {
		line.Type = types[0]
	}
	for _, a := range sortedUnique(aliases) {
		if a != line.Name {
			line.Aliases = append(line.Aliases, a)
		}
	}
	if len(e.parents) > 0 {
		first := slices.MinFunc(e.parents, func(a, b *collectedEntity) int { return strings.Compare(string(a.iri), string(b.iri)) })
		line.Parent = c.nameOf(first)
	}
	line.Docs = sortedUnique(append(line.Docs, e.docs...))
	perDoc := make(map[string]float64, len(e.docs))
	for i, d := range e.docs {
		if e.confidence[i] > 0 {
			perDoc[d] = e.confidence[i]
		}
	}
	line.Confidence = confidencePointer(combineConfidence(perDoc))
	return line
}
