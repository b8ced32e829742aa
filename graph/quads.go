package graph

import (
	"fmt"

	"github.com/cayleygraph/quad"

	"hospkg/nlp"
)

// DocumentQuads returns the quads of one extraction, each exactly once.
//
// Every fact quad is labelled with the sentence it was read from (the
// document itself for document and sentence nodes, and for facts whose
// sentence is unknown), and every subject of a fact quad is mentioned by its
// label: that is the invariant ReplaceDocument relies on to find a document's
// old quads again without scanning labels, which KV backends do not index.
func DocumentQuads(x *nlp.Extraction) ([]quad.Quad, error) {
	if x == nil || x.Doc.Name == "" {
		return nil, fmt.Errorf("document quads: extraction has no document name")
	}
	b := newQuadBuilder(x)
	if err := b.entities(); err != nil {
		return nil, err
	}
	if err := b.relations(); err != nil {
		return nil, err
	}
	b.positions()
	// Last, so that only the sentences the facts and mentions used become
	// nodes: the others carry nothing to query, and storing them doubled
	// the quads of a corpus.
	b.document()
	return b.quads, nil
}

// quadBuilder collects the quads of one document without duplicates: adding a
// quad that already exists and removing it later leaks its nodes on KV
// backends (cayley issue #737), so a duplicate must never reach the store.
type quadBuilder struct {
	x         *nlp.Extraction
	doc       quad.IRI
	sentences map[int]bool
	used      map[int]bool // sentences that label a fact or a mention
	seen      map[quad.Quad]bool
	quads     []quad.Quad
}

func newQuadBuilder(x *nlp.Extraction) *quadBuilder {
	b := &quadBuilder{
		x:         x,
		doc:       DocIRI(x.Doc.Name),
		sentences: make(map[int]bool, len(x.Sentences)),
		used:      make(map[int]bool),
		seen:      make(map[quad.Quad]bool),
	}
	for _, s := range x.Sentences {
		b.sentences[s.Index] = true
	}
	return b
}

func (b *quadBuilder) add(s quad.Value, p quad.IRI, o quad.Value, label quad.IRI) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: label}
	if b.seen[q] {
		return
	}
	b.seen[q] = true
	b.quads = append(b.quads, q)
}

// fact adds a fact quad labelled with its sentence, and the mention of its
// subject by that sentence.
func (b *quadBuilder) fact(s quad.IRI, p quad.IRI, o quad.Value, sentence int) {
	label := b.label(sentence)
	b.add(label, Mentions, s, label)
	b.add(s, p, o, label)
}

// label is the sentence node of index, or the document node when the
// extraction has no such sentence.
func (b *quadBuilder) label(sentence int) quad.IRI {
	if b.sentences[sentence] {
		b.used[sentence] = true
		return SentenceIRI(b.x.Doc.Name, sentence)
	}
	return b.doc
}

func (b *quadBuilder) document() {
	d := b.x.Doc
	b.add(b.doc, Type, DocumentType, b.doc)
	b.add(b.doc, File, quad.String(d.Name), b.doc)
	if d.Title != "" {
		b.add(b.doc, DocTitle, quad.String(d.Title), b.doc)
	}
	if b.x.Date != "" {
		b.add(b.doc, Date, quad.String(b.x.Date), b.doc)
	}
	for _, s := range b.x.Sentences {
		if !b.used[s.Index] {
			continue
		}
		node := SentenceIRI(d.Name, s.Index)
		b.add(node, Type, SentenceType, b.doc)
		b.add(node, Text, quad.String(s.Evidence), b.doc)
		b.add(node, InDoc, b.doc, b.doc)
		b.add(node, Index, quad.Int(s.Index), b.doc)
		b.add(node, Start, quad.Int(s.Start), b.doc)
		b.add(node, End, quad.Int(s.End), b.doc)
		if s.Date != "" {
			b.add(node, Date, quad.String(s.Date), b.doc)
		}
	}
}

func (b *quadBuilder) entities() error {
	first := b.firstMentions()
	for _, e := range b.x.Entities {
		typ, err := TypeIRI(e.Type)
		if err != nil {
			return fmt.Errorf("document %s: entity %s: %w", b.x.Doc.Name, e.ID, err)
		}
		node := EntityIRI(e.ID)
		sentence, ok := first[e.ID]
		if !ok {
			sentence = 0
		}
		b.fact(node, Type, typ, sentence)
		b.fact(node, Name, quad.String(e.Name), sentence)
		for _, a := range e.Aliases {
			if a != e.Name {
				b.fact(node, Alias, quad.String(a), sentence)
			}
		}
		for _, a := range e.ShortForms {
			b.fact(node, ShortForm, quad.String(a), sentence)
		}
		for _, a := range e.Resolved {
			b.fact(node, ResolvedAlias, quad.String(a), sentence)
		}
		if e.Type == nlp.Department && e.Parent != "" {
			b.fact(node, DepartmentOf, EntityIRI(e.Parent), sentence)
		}
		if e.Confidence > 0 {
			b.fact(node, Confidence, quad.Float(e.Confidence), sentence)
		}
	}
	for _, m := range b.x.Mentions {
		label := b.label(m.Sentence)
		b.add(label, Mentions, EntityIRI(m.Entity), label)
	}
	return nil
}

// firstMentions maps each entity ID to the lowest sentence index naming it.
func (b *quadBuilder) firstMentions() map[string]int {
	first := make(map[string]int, len(b.x.Entities))
	for _, m := range b.x.Mentions {
		if i, ok := first[m.Entity]; !ok || m.Sentence < i {
			first[m.Entity] = m.Sentence
		}
	}
	return first
}

func (b *quadBuilder) relations() error {
	for _, r := range b.x.Relations {
		p, err := PredicateIRI(r.Predicate)
		if err != nil {
			return fmt.Errorf("document %s: relation %s %s %s: %w", b.x.Doc.Name, r.Subject, r.Predicate, r.Object, err)
		}
		b.fact(EntityIRI(r.Subject), p, EntityIRI(r.Object), r.Sentence)
		if r.Confidence > 0 {
			b.fact(RelationIRI(r.Subject, r.Predicate, r.Object), Confidence, quad.Float(r.Confidence), r.Sentence)
		}
	}
	return nil
}

func (b *quadBuilder) positions() {
	for _, p := range b.x.Positions {
		node := PositionIRI(p.Person, p.Title, p.Org)
		b.fact(EntityIRI(p.Person), HoldsPosition, node, p.Sentence)
		b.fact(node, Type, PositionType, p.Sentence)
		b.fact(node, Title, quad.String(p.Title), p.Sentence)
		b.fact(node, Org, EntityIRI(p.Org), p.Sentence)
		if p.Confidence > 0 {
			b.fact(node, Confidence, quad.Float(p.Confidence), p.Sentence)
		}
		if p.Former {
			b.fact(node, Former, quad.Bool(true), p.Sentence)
		}
	}
}
