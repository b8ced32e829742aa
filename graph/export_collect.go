package graph

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
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
	nodes     map[quad.IRI]*collectedEntity
	docs      map[string]bool
	relations []collectedFact
	positions []collectedFact
	// confidence holds per fact node (relation or position) the highest
	// confidence each document gave it.
	confidence map[quad.IRI]map[string]float64
}

// collectedEntity is what the store would hold about one entity node.
type collectedEntity struct {
	typed   bool // some document lists it as an entity
	types   []string
	names   []string
	aliases []string
	parents []string // parent node IRIs, for departments
	docs    []string
	// confidence is the highest each document gave the entity.
	confidence map[string]float64
}

// collectedFact is one relation or position line before names are known:
// subject and object are nodes, and for a position the object is the
// organisation and title its title.
type collectedFact struct {
	subject, object quad.IRI
	predicate       string // export name of a relation; "" for a position
	title           string
	doc, evidence   string
	date, asOf      string
	former          bool
}

// NewJSONLCollector returns an empty collector.
func NewJSONLCollector() *JSONLCollector {
	return &JSONLCollector{nodes: make(map[quad.IRI]*collectedEntity), docs: make(map[string]bool),
		confidence: make(map[quad.IRI]map[string]float64)}
}

func (c *JSONLCollector) node(iri quad.IRI) *collectedEntity {
	e := c.nodes[iri]
	if e == nil {
		e = &collectedEntity{}
		c.nodes[iri] = e
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
	doc := x.Doc.Name
	if c.docs[doc] {
		return fmt.Errorf("jsonl: document %s given twice", doc)
	}
	c.docs[doc] = true
	for _, e := range x.Entities {
		typ, err := TypeIRI(e.Type)
		if err != nil {
			return fmt.Errorf("document %s: entity %s: %w", doc, e.ID, err)
		}
		n := c.node(EntityIRI(e.ID))
		n.typed = true
		n.types = addUnique(n.types, strings.TrimPrefix(stringOf(typ), "hk:"))
		n.names = addUnique(n.names, e.Name)
		for _, a := range e.Aliases {
			if a != e.Name {
				n.aliases = addUnique(n.aliases, a)
			}
		}
		if e.Type == nlp.Department && e.Parent != "" {
			n.parents = addUnique(n.parents, string(EntityIRI(e.Parent)))
		}
		n.docs = addUnique(n.docs, doc)
		if e.Confidence > 0 {
			n.confidence = noteConfidence(n.confidence, string(DocIRI(doc)), e.Confidence)
		}
	}
	evidence := make(map[int]string, len(x.Sentences))
	told := make(map[int]string)
	for _, s := range x.Sentences {
		evidence[s.Index] = s.Evidence
		if s.Date != "" {
			told[s.Index] = s.Date
		}
	}
	// The earliest sentence of each fact in this document; a fact whose
	// sentence the extraction lacks is labelled with the document, which
	// counts as earlier than any sentence.
	earliest := make(map[collectedFact]int)
	state := func(f collectedFact, sentence int) {
		if _, ok := evidence[sentence]; !ok {
			sentence = -1
		}
		if old, seen := earliest[f]; !seen || sentence < old {
			earliest[f] = sentence
		}
	}
	for _, r := range x.Relations {
		if _, err := PredicateIRI(r.Predicate); err != nil {
			return fmt.Errorf("document %s: relation %s %s %s: %w", doc, r.Subject, r.Predicate, r.Object, err)
		}
		state(collectedFact{subject: EntityIRI(r.Subject), predicate: string(r.Predicate), object: EntityIRI(r.Object), doc: doc}, r.Sentence)
		if r.Confidence > 0 {
			node := RelationIRI(r.Subject, r.Predicate, r.Object)
			c.confidence[node] = noteConfidence(c.confidence[node], string(DocIRI(doc)), r.Confidence)
		}
	}
	former := make(map[collectedFact]bool)
	for _, p := range x.Positions {
		f := collectedFact{subject: EntityIRI(p.Person), title: p.Title, object: EntityIRI(p.Org), doc: doc}
		state(f, p.Sentence)
		if p.Former {
			former[f] = true
		}
		if p.Confidence > 0 {
			node := PositionIRI(p.Person, p.Title, p.Org)
			c.confidence[node] = noteConfidence(c.confidence[node], string(DocIRI(doc)), p.Confidence)
		}
	}
	for f, sentence := range earliest {
		f.former = former[f]
		f.date, f.asOf = x.Date, x.Date
		if sentence >= 0 {
			f.evidence = strings.Clone(evidence[sentence])
			if d, ok := told[sentence]; ok {
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
func (c *JSONLCollector) nameOf(iri quad.IRI) string {
	if e := c.nodes[iri]; e != nil && len(e.names) > 0 {
		return e.names[0] // sorted by WriteJSONL before names are asked for
	}
	return EntityID(iri)
}

// WriteJSONL writes the gathered graph as JSON lines, in the order and form
// of WriteJSONL over a store.
func (c *JSONLCollector) WriteJSONL(w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var entities []quad.IRI
	for iri, e := range c.nodes {
		sort.Strings(e.names)
		if e.typed {
			entities = append(entities, iri)
		}
	}
	sort.Slice(entities, func(i, j int) bool { return entities[i] < entities[j] })
	for _, iri := range entities {
		if err := enc.Encode(c.entityLine(iri)); err != nil {
			return fmt.Errorf("export jsonl: %w", err)
		}
	}
	relations := make([]RelationLine, 0, len(c.relations))
	for _, f := range c.relations {
		if c.nodes[f.subject] == nil || !c.nodes[f.subject].typed {
			continue
		}
		relations = append(relations, RelationLine{Kind: "relation", Subject: c.nameOf(f.subject), Predicate: f.predicate,
			Object: c.nameOf(f.object), Doc: f.doc, Evidence: f.evidence, Date: f.date,
			Confidence: confidencePointer(combineConfidence(c.confidence[relationNode(f.subject, f.predicate, f.object)]))})
	}
	sort.Slice(relations, func(i, j int) bool { return relationKey(relations[i]) < relationKey(relations[j]) })
	for _, l := range relations {
		if err := enc.Encode(l); err != nil {
			return fmt.Errorf("export jsonl: %w", err)
		}
	}
	positions := make([]PositionLine, 0, len(c.positions))
	for _, f := range c.positions {
		if c.nodes[f.subject] == nil || !c.nodes[f.subject].typed {
			continue
		}
		positions = append(positions, PositionLine{Kind: "position", Person: c.nameOf(f.subject), Title: f.title,
			Org: c.nameOf(f.object), Doc: f.doc, Evidence: f.evidence, Date: f.date, AsOf: f.asOf, Former: f.former,
			Confidence: confidencePointer(combineConfidence(c.confidence[positionNode(f.subject, f.title, f.object)]))})
	}
	sort.Slice(positions, func(i, j int) bool { return positionKey(positions[i]) < positionKey(positions[j]) })
	for _, l := range positions {
		if err := enc.Encode(l); err != nil {
			return fmt.Errorf("export jsonl: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	return nil
}

// entityLine is the line of one entity node, as graphReader.readEntity
// makes it: the first name in order is the name and the others aliases.
func (c *JSONLCollector) entityLine(iri quad.IRI) EntityLine {
	e := c.nodes[iri]
	line := EntityLine{Kind: "entity", ID: EntityID(iri), Name: EntityID(iri), Aliases: []string{}, Docs: []string{}}
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
	if parents := sortedUnique(append([]string(nil), e.parents...)); len(parents) > 0 {
		line.Parent = c.nameOf(quad.IRI(parents[0]))
	}
	line.Docs = sortedUnique(append(line.Docs, e.docs...))
	line.Confidence = confidencePointer(combineConfidence(e.confidence))
	return line
}
