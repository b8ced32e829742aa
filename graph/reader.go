package graph

import (
	"context"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// graphReader reads entities and their facts back from a store, caching the
// few lookups many facts share: file names of documents and entity names.
type graphReader struct {
	qs    graph.QuadStore
	files map[quad.IRI]string
	names map[quad.IRI]string
	// positions caches the title and organisation of a position node: one
	// node serves every document that states the position, so without the
	// cache an official named in n documents costs n² quad reads.
	positions map[quad.IRI]positionValues
	// confidences caches the combined confidence of relation and position
	// nodes.
	confidences map[quad.IRI]combined
	// dates caches the date of each document; former, per position node,
	// the documents stating it is held no longer.
	dates  map[quad.IRI]string
	former map[quad.IRI]map[quad.IRI]bool
}

type positionValues struct{ titles, orgs []quad.Value }

func newGraphReader(qs graph.QuadStore) *graphReader {
	return &graphReader{qs: qs, files: make(map[quad.IRI]string), names: make(map[quad.IRI]string),
		positions: make(map[quad.IRI]positionValues), confidences: make(map[quad.IRI]combined),
		dates: make(map[quad.IRI]string), former: make(map[quad.IRI]map[quad.IRI]bool)}
}

// entityFacts is one entity with the quads it is the subject of that become
// relation and position lines.
type entityFacts struct {
	node      quad.IRI
	line      EntityLine
	relations []quad.Quad
	positions []quad.Quad
}

// entityNodes returns every node typed as an entity, sorted.
func (r *graphReader) entityNodes(ctx context.Context) ([]quad.IRI, error) {
	seen := make(map[quad.IRI]bool)
	var out []quad.IRI
	for _, typ := range []quad.IRI{HospitalType, OfficialType, DepartmentType, InstitutionType} {
		subjects, err := subjectsOf(ctx, r.qs, Type, typ)
		if err != nil {
			return nil, err
		}
		for _, s := range subjects {
			iri, ok := s.(quad.IRI)
			if ok && !seen[iri] {
				seen[iri] = true
				out = append(out, iri)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

func (r *graphReader) readEntity(ctx context.Context, node quad.IRI) (*entityFacts, error) {
	e := &entityFacts{node: node}
	var types, names, aliases, parents []string
	docs := make(map[quad.IRI]bool)
	var confidence map[string]float64
	err := EachQuad(ctx, r.qs, quad.Subject, node, func(q quad.Quad) error {
		switch q.Predicate {
		case Confidence:
			if p, ok := confidenceValue(q.Object); ok {
				confidence = noteConfidence(confidence, string(docOfLabel(iriOf(q.Label))), p)
			}
		case Type:
			types = append(types, strings.TrimPrefix(stringOf(q.Object), "hk:"))
			if label, ok := q.Label.(quad.IRI); ok {
				docs[docOfLabel(label)] = true
			}
		case Name:
			names = append(names, stringOf(q.Object))
		case Alias:
			aliases = append(aliases, stringOf(q.Object))
		case DepartmentOf:
			if parent, ok := q.Object.(quad.IRI); ok {
				parents = append(parents, string(parent))
			}
		case HoldsPosition:
			e.positions = append(e.positions, q)
		default:
			if _, ok := exportedRelations[iriOf(q.Predicate)]; ok {
				e.relations = append(e.relations, q)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	names = sortedUnique(names)
	e.line = EntityLine{Kind: "entity", ID: EntityID(node), Aliases: []string{}, Docs: []string{}}
	if len(names) > 0 {
		// Documents agree on a canonical name almost always; when they do
		// not, the first in order is the name and the others are aliases.
		e.line.Name = names[0]
		aliases = append(aliases, names[1:]...)
	} else {
		e.line.Name = e.line.ID
	}
	r.names[node] = e.line.Name
	e.line.Confidence = confidencePointer(combineConfidence(confidence))
	if types = sortedUnique(types); len(types) > 0 {
		e.line.Type = types[0]
	}
	for _, a := range sortedUnique(aliases) {
		if a != e.line.Name {
			e.line.Aliases = append(e.line.Aliases, a)
		}
	}
	if parents = sortedUnique(parents); len(parents) > 0 {
		if e.line.Parent, err = r.nameOf(ctx, quad.IRI(parents[0])); err != nil {
			return nil, err
		}
	}
	for doc := range docs {
		file, err := r.fileOf(ctx, doc)
		if err != nil {
			return nil, err
		}
		e.line.Docs = append(e.line.Docs, file)
	}
	e.line.Docs = sortedUnique(e.line.Docs)
	return e, nil
}

// relationLines returns one line per (relation, document) of the entity as
// subject, with the evidence of the earliest sentence stating it.
func (r *graphReader) relationLines(ctx context.Context, e *entityFacts) ([]RelationLine, error) {
	var out []RelationLine
	for _, q := range earliestPerDoc(e.relations) {
		object, err := r.nameOf(ctx, iriOf(q.Object))
		if err != nil {
			return nil, err
		}
		doc, evidence, err := r.provenance(ctx, q)
		if err != nil {
			return nil, err
		}
		predicate := exportedRelations[iriOf(q.Predicate)]
		p, ok, err := r.confidenceOf(ctx, RelationNode(e.node, predicate, iriOf(q.Object)))
		if err != nil {
			return nil, err
		}
		date, _, err := r.factDate(ctx, iriOf(q.Label))
		if err != nil {
			return nil, err
		}
		out = append(out, RelationLine{Kind: "relation", Subject: e.line.Name, Predicate: predicate,
			Object: object, Doc: doc, Evidence: evidence, Date: date, Confidence: confidencePointer(p, ok)})
	}
	return out, nil
}

// positionParts returns the title and organisation values of a position node.
func (r *graphReader) positionParts(ctx context.Context, pos quad.IRI) (titles, orgs []quad.Value, err error) {
	if v, ok := r.positions[pos]; ok {
		return v.titles, v.orgs, nil
	}
	if titles, err = objectsOf(ctx, r.qs, pos, Title); err != nil {
		return nil, nil, err
	}
	if orgs, err = objectsOf(ctx, r.qs, pos, Org); err != nil {
		return nil, nil, err
	}
	r.positions[pos] = positionValues{titles, orgs}
	return titles, orgs, nil
}

// positionLines returns one line per (position, document) of the entity.
func (r *graphReader) positionLines(ctx context.Context, e *entityFacts) ([]PositionLine, error) {
	var out []PositionLine
	for _, q := range earliestPerDoc(e.positions) {
		titles, orgs, err := r.positionParts(ctx, iriOf(q.Object))
		if err != nil {
			return nil, err
		}
		line := PositionLine{Kind: "position", Person: e.line.Name}
		if len(titles) > 0 {
			line.Title = stringOf(titles[0])
		}
		if len(orgs) > 0 {
			if line.Org, err = r.nameOf(ctx, iriOf(orgs[0])); err != nil {
				return nil, err
			}
		}
		if line.Doc, line.Evidence, err = r.provenance(ctx, q); err != nil {
			return nil, err
		}
		p, ok, err := r.confidenceOf(ctx, iriOf(q.Object))
		if err != nil {
			return nil, err
		}
		line.Confidence = confidencePointer(p, ok)
		if line.Date, line.AsOf, err = r.factDate(ctx, iriOf(q.Label)); err != nil {
			return nil, err
		}
		if line.Former, err = r.formerIn(ctx, iriOf(q.Object), docOfLabel(iriOf(q.Label))); err != nil {
			return nil, err
		}
		out = append(out, line)
	}
	return out, nil
}

// earliestPerDoc keeps, of the quads stating the same fact in one document,
// the one from the earliest sentence.
func earliestPerDoc(quads []quad.Quad) []quad.Quad {
	best := make(map[string]quad.Quad)
	for _, q := range quads {
		label := iriOf(q.Label)
		key := q.Predicate.String() + " " + q.Object.String() + " " + string(docOfLabel(label))
		if old, ok := best[key]; !ok || sentenceIndex(label) < sentenceIndex(iriOf(old.Label)) {
			best[key] = q
		}
	}
	out := make([]quad.Quad, 0, len(best))
	for _, q := range best {
		out = append(out, q)
	}
	return out
}

// sentenceIndex is the index in a sentence label, -1 for a document label.
func sentenceIndex(label quad.IRI) int {
	i := strings.LastIndex(string(label), sentenceMark)
	if i < 0 {
		return -1
	}
	n, err := strconv.Atoi(string(label[i+len(sentenceMark):]))
	if err != nil {
		return -1
	}
	return n
}

// provenance returns the file name and evidence sentence of a fact quad.
func (r *graphReader) provenance(ctx context.Context, q quad.Quad) (doc, evidence string, err error) {
	label := iriOf(q.Label)
	if doc, err = r.fileOf(ctx, docOfLabel(label)); err != nil {
		return "", "", err
	}
	if sentenceIndex(label) < 0 {
		return doc, "", nil
	}
	texts, err := objectsOf(ctx, r.qs, label, Text)
	if err != nil || len(texts) == 0 {
		return doc, "", err
	}
	return doc, stringOf(texts[0]), nil
}

// fileOf returns the base file name of a document node.
func (r *graphReader) fileOf(ctx context.Context, doc quad.IRI) (string, error) {
	if f, ok := r.files[doc]; ok {
		return f, nil
	}
	files, err := objectsOf(ctx, r.qs, doc, File)
	if err != nil {
		return "", err
	}
	f := unescapeIRI(strings.TrimPrefix(string(doc), docPrefix))
	if len(files) > 0 {
		f = stringOf(files[0])
	}
	r.files[doc] = f
	return f, nil
}

// nameOf returns the canonical name of an entity node, or its ID when the
// store holds no name for it.
func (r *graphReader) nameOf(ctx context.Context, node quad.IRI) (string, error) {
	if n, ok := r.names[node]; ok {
		return n, nil
	}
	values, err := objectsOf(ctx, r.qs, node, Name)
	if err != nil {
		return "", err
	}
	names := make([]string, 0, len(values))
	for _, v := range values {
		names = append(names, stringOf(v))
	}
	n := EntityID(node)
	if names = sortedUnique(names); len(names) > 0 {
		n = names[0]
	}
	r.names[node] = n
	return n, nil
}

// EntityID returns the nlp.Entity.ID an entity node stands for.
func EntityID(node quad.IRI) string {
	return unescapeIRI(strings.TrimPrefix(string(node), entityPrefix))
}

func unescapeIRI(s string) string {
	out, err := url.PathUnescape(s)
	if err != nil {
		return s // not written by escapeIRI: show it as it is
	}
	return out
}

func iriOf(v quad.Value) quad.IRI {
	iri, _ := v.(quad.IRI)
	return iri
}

func stringOf(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.IRI:
		return string(v)
	case nil:
		return ""
	}
	return quad.StringOf(v)
}

func sortedUnique(in []string) []string {
	sort.Strings(in)
	out := in[:0]
	for i, s := range in {
		if i == 0 || s != in[i-1] {
			out = append(out, s)
		}
	}
	return out
}
