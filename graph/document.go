package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"hospkg/intake"
	"hospkg/nlp"
)

// StoredExtraction reads back, from the quads the named document has in the
// store, the extraction that DocumentQuads would turn into exactly those
// quads: what corpus-level resolution renames when a later document defines
// a short form an earlier one used. It holds what the store keeps — no
// token, no byte offset of a mention, no sentence that states nothing — and
// nil when the store holds no such document.
func StoredExtraction(ctx context.Context, qs graph.QuadStore, name string) (*nlp.Extraction, error) {
	quads, err := StoredDocumentQuads(ctx, qs, name)
	if err != nil {
		return nil, err
	}
	if len(quads) == 0 {
		return nil, nil
	}
	x, err := ExtractionOfQuads(name, quads)
	if err != nil {
		return nil, fmt.Errorf("stored document %s: %w", name, err)
	}
	return x, nil
}

// entityTypeOf is the nlp type of each entity type IRI.
var entityTypeOf = func() map[quad.IRI]nlp.EntityType {
	out := make(map[quad.IRI]nlp.EntityType, len(entityTypes))
	for t, iri := range entityTypes {
		out[iri] = t
	}
	return out
}()

// predicateOf is the nlp predicate of each relation IRI.
var predicateOf = func() map[quad.IRI]nlp.Predicate {
	out := make(map[quad.IRI]nlp.Predicate, len(relationPredicates))
	for p, iri := range relationPredicates {
		out[iri] = p
	}
	return out
}()

// ExtractionOfQuads is the extraction that DocumentQuads turns into quads,
// the quads of one document named name (see StoredExtraction).
func ExtractionOfQuads(name string, quads []quad.Quad) (*nlp.Extraction, error) {
	x := &nlp.Extraction{Doc: intake.Document{Name: name}}
	doc := DocIRI(name)
	type labelled struct {
		node  quad.IRI
		label quad.IRI
	}
	entities := make(map[quad.IRI]*nlp.Entity)
	entityLabel := make(map[quad.IRI]int) // sentence labelling each entity's quads
	sentences := make(map[quad.IRI]*nlp.Sentence)
	confidence := make(map[labelled]float64)
	former := make(map[labelled]bool)
	titles := make(map[labelled]string)
	orgs := make(map[labelled]string)
	sentence := func(node quad.IRI) *nlp.Sentence {
		s := sentences[node]
		if s == nil {
			s = &nlp.Sentence{Index: sentenceIndex(node)}
			sentences[node] = s
		}
		return s
	}
	entity := func(node quad.IRI) *nlp.Entity {
		e := entities[node]
		if e == nil {
			e = &nlp.Entity{ID: EntityID(node)}
			entities[node] = e
		}
		return e
	}
	isEntity := func(v quad.Value) bool { return strings.HasPrefix(string(iriOf(v)), entityPrefix) }
	var holds []quad.Quad
	var mentions []quad.Quad
	for _, q := range quads {
		s, label := iriOf(q.Subject), iriOf(q.Label)
		at := labelled{s, label}
		switch {
		case s == doc:
			switch q.Predicate {
			case File:
				x.Doc.Name = stringOf(q.Object)
			case DocTitle:
				x.Doc.Title = stringOf(q.Object)
			case Date:
				x.Date = stringOf(q.Object)
			case Mentions:
				mentions = append(mentions, q)
			}
		case q.Predicate == Mentions:
			mentions = append(mentions, q)
		case docOfLabel(s) == doc && s != doc:
			st := sentence(s)
			switch q.Predicate {
			case Text:
				st.Evidence = stringOf(q.Object)
			case Start:
				st.Start = intOf(q.Object)
			case End:
				st.End = intOf(q.Object)
			case Date:
				st.Date = stringOf(q.Object)
			}
		case isEntity(q.Subject):
			e := entity(s)
			switch q.Predicate {
			case Type:
				t, ok := entityTypeOf[iriOf(q.Object)]
				if !ok {
					return nil, fmt.Errorf("entity %s has type %s", s, q.Object)
				}
				e.Type = t
				entityLabel[s] = sentenceIndex(label)
			case Name:
				e.Name = stringOf(q.Object)
			case Alias:
				e.Aliases = append(e.Aliases, stringOf(q.Object))
			case ShortForm:
				e.ShortForms = append(e.ShortForms, stringOf(q.Object))
			case ResolvedAlias:
				e.Resolved = append(e.Resolved, stringOf(q.Object))
			case DepartmentOf:
				e.Parent = EntityID(iriOf(q.Object))
			case Confidence:
				e.Confidence, _ = confidenceValue(q.Object)
			case HoldsPosition:
				holds = append(holds, q)
			default:
				if p, ok := predicateOf[iriOf(q.Predicate)]; ok {
					x.Relations = append(x.Relations, nlp.Relation{Subject: e.ID, Predicate: p, Object: EntityID(iriOf(q.Object)), Sentence: sentenceIndex(label)})
				}
			}
		default: // position and relation nodes
			switch q.Predicate {
			case Confidence:
				confidence[at], _ = confidenceValue(q.Object)
			case Former:
				former[at] = true
			case Title:
				titles[at] = stringOf(q.Object)
			case Org:
				orgs[at] = EntityID(iriOf(q.Object))
			}
		}
	}
	for _, st := range sentences {
		x.Sentences = append(x.Sentences, *st)
	}
	sort.Slice(x.Sentences, func(i, j int) bool { return x.Sentences[i].Index < x.Sentences[j].Index })
	for _, e := range entities {
		if e.Type == "" {
			continue // a node this document only points at
		}
		x.Entities = append(x.Entities, *e)
	}
	sort.Slice(x.Entities, func(i, j int) bool { return x.Entities[i].ID < x.Entities[j].ID })
	// Each entity's quads are labelled with its first mention: a mention
	// before it was written by a fact, which writes it again.
	for _, q := range mentions {
		node := iriOf(q.Object)
		if !isEntity(node) {
			continue
		}
		at := sentenceIndex(iriOf(q.Label))
		if first, ok := entityLabel[node]; ok && at < first {
			continue
		}
		x.Mentions = append(x.Mentions, nlp.Mention{Entity: EntityID(node), Sentence: at})
	}
	sort.Slice(x.Mentions, func(i, j int) bool {
		a, b := x.Mentions[i], x.Mentions[j]
		return a.Sentence < b.Sentence || a.Sentence == b.Sentence && a.Entity < b.Entity
	})
	for i, r := range x.Relations {
		x.Relations[i].Confidence = confidence[labelled{RelationIRI(r.Subject, r.Predicate, r.Object), sentenceLabel(doc, r.Sentence)}]
	}
	for _, q := range holds {
		pos, label := iriOf(q.Object), iriOf(q.Label)
		at := labelled{pos, label}
		x.Positions = append(x.Positions, nlp.Position{Person: EntityID(iriOf(q.Subject)), Title: titles[at], Org: orgs[at],
			Sentence: sentenceIndex(label), Former: former[at], Confidence: confidence[at]})
	}
	return x, nil
}

// sentenceLabel is the label DocumentQuads gives a fact of sentence index:
// the sentence, or the document for -1.
func sentenceLabel(doc quad.IRI, index int) quad.IRI {
	if index < 0 {
		return doc
	}
	return quad.IRI(fmt.Sprintf("%s%s%d", string(doc), sentenceMark, index))
}

func intOf(v quad.Value) int {
	if n, ok := v.(quad.Int); ok {
		return int(n)
	}
	return 0
}
