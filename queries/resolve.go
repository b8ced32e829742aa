package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"

	hkgraph "hospkg/graph"
	"hospkg/intake"
)

// ErrNoEntity is wrapped when a name given as a parameter names no entity.
var ErrNoEntity = errors.New("no entity named")

// ResolveEntities returns the entity nodes whose canonical name or alias is
// name, as typed or simplified (衡水市第二人民醫院 finds 衡水市第二人民医院).
// It reads the object index only: quads ? <hk:name> "name" and
// ? <hk:alias> "name", so it costs a lookup or two whatever the store's size.
func ResolveEntities(ctx context.Context, qs graph.QuadStore, name string) ([]quad.IRI, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, fmt.Errorf("%w \"\": give a name", ErrNoEntity)
	}
	forms := []string{name}
	if simple := intake.Simplify(name); simple != name {
		forms = append(forms, simple)
	}
	seen := make(map[quad.IRI]bool)
	var nodes []quad.IRI
	for _, form := range forms {
		// The subjects of the quads, not the quads: cayley reads them off
		// the (object, predicate, subject) index, while reading the quads
		// fetches each one, and a hospital named in a thousand documents has
		// a thousand name quads.
		it := shape.BuildIterator(qs, shape.NodesFrom{Dir: quad.Subject, Quads: shape.Quads{
			{Dir: quad.Object, Values: shape.Lookup{quad.String(form)}},
			{Dir: quad.Predicate, Values: shape.Lookup{hkgraph.Name, hkgraph.Alias}},
		}})
		for it.Next(ctx) {
			if iri, ok := qs.NameOf(it.Result()).(quad.IRI); ok && !seen[iri] {
				seen[iri] = true
				nodes = append(nodes, iri)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return nil, fmt.Errorf("resolve %s: %w", name, err)
		}
	}
	if len(nodes) == 0 {
		return nil, fmt.Errorf("%w %s", ErrNoEntity, name)
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i] < nodes[j] })
	return nodes, nil
}

// lookup reads names and evidence of nodes, remembering names it has read:
// one query shows the same organisation in many rows.
type lookup struct {
	qs    graph.QuadStore
	names map[quad.IRI]string
	// facts holds, per subject read, the labels of its quads by predicate
	// and object; dates the date of each label and document read; former,
	// per position node, the labels stating it former.
	facts  map[string]map[string][]quad.Value
	dates  map[quad.IRI]string
	former map[string]map[quad.Value]bool
}

func newLookup(qs graph.QuadStore) *lookup {
	return &lookup{qs: qs, names: make(map[quad.IRI]string), facts: make(map[string]map[string][]quad.Value),
		dates: make(map[quad.IRI]string), former: make(map[string]map[quad.Value]bool)}
}

// objects returns the objects of the quads subject p ?.
func (l *lookup) objects(ctx context.Context, subject quad.Value, p quad.IRI) ([]quad.Value, error) {
	var out []quad.Value
	err := hkgraph.EachQuad(ctx, l.qs, quad.Subject, subject, func(q quad.Quad) error {
		if q.Predicate == p {
			out = append(out, q.Object)
		}
		return nil
	})
	return out, err
}

// name returns the canonical name of an entity node, or the IRI without its
// brackets for a node that has none.
func (l *lookup) name(ctx context.Context, node quad.IRI) (string, error) {
	if n, ok := l.names[node]; ok {
		return n, nil
	}
	// An entity's IRI ends with its canonical name (nlp.EntityID): reading
	// it there spares a store look-up per row, which was half the time of a
	// query returning a hundred organisations.
	if n := nameInIRI(node); n != "" {
		l.names[node] = n
		return n, nil
	}
	v, err := l.firstObject(ctx, node, hkgraph.Name)
	if err != nil {
		return "", err
	}
	n := string(node)
	if v != nil {
		n = stringOf(v)
	}
	l.names[node] = n
	return n, nil
}

// firstObject returns the object of one quad subject p ?, or nil. It reads
// the (subject, predicate) index and stops at the first quad: a hospital
// named in a thousand documents has a thousand name quads, one per label.
func (l *lookup) firstObject(ctx context.Context, subject quad.Value, p quad.IRI) (quad.Value, error) {
	// The objects of the quads, not the quads: cayley turns only that shape
	// into one scan of the (subject, predicate) index prefix; the quads
	// alone become an intersection that reads every quad of the subject.
	it := shape.BuildIterator(l.qs, shape.NodesFrom{Dir: quad.Object, Quads: shape.Quads{
		{Dir: quad.Subject, Values: shape.Lookup{subject}},
		{Dir: quad.Predicate, Values: shape.Lookup{p}},
	}})
	defer it.Close()
	if it.Next(ctx) {
		return l.qs.NameOf(it.Result()), nil
	}
	return nil, it.Err()
}

// sentence is where a fact was read: a document's file name and the text of
// the sentence (empty when the fact is labelled with the document only).
type sentence struct {
	doc, text string
	// date is when the statement says the fact held: the event date of the
	// sentence, else its document's date; former marks a position the
	// sentence says is held no longer.
	date   string
	post   bool // the fact is a position
	former bool
}

// status is how a dated row reads: a post current or former; other facts
// have none.
func (s sentence) status() string {
	if !s.post {
		return ""
	}
	if s.former {
		return "former"
	}
	return "current"
}

// evidence returns the sentences labelling the quads subject p object; for
// partner_of, stored once in either direction, the reverse quads too.
func (l *lookup) evidence(ctx context.Context, subject quad.Value, p quad.IRI, object quad.Value) ([]sentence, error) {
	return l.statements(ctx, subject, p, object, true)
}

// statements are the sentences stating the fact subject p object, with
// their dates (and former marks for posts); withText reads their documents
// and texts too, else only what dates them.
func (l *lookup) statements(ctx context.Context, subject quad.Value, p quad.IRI, object quad.Value, withText bool) ([]sentence, error) {
	labels, err := l.labelsOf(ctx, subject, p, object)
	if err != nil {
		return nil, err
	}
	if p == hkgraph.PartnerOf {
		back, err := l.labelsOf(ctx, object, p, subject)
		if err != nil {
			return nil, err
		}
		labels = append(append([]quad.Value(nil), labels...), back...)
	}
	out := make([]sentence, 0, len(labels))
	for _, label := range labels {
		var s sentence
		if withText {
			if s, err = l.sentence(ctx, label); err != nil {
				return nil, err
			}
		} else if s.date, err = l.dateOf(ctx, label); err != nil {
			return nil, err
		}
		if p == hkgraph.HoldsPosition {
			s.post = true
			if s.former, err = l.formerAt(ctx, object, label); err != nil {
				return nil, err
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// labelsOf returns the labels of the quads subject p object: the subject's
// quads are read once and kept by predicate and object, since the rows of a
// query share their subjects.
func (l *lookup) labelsOf(ctx context.Context, subject quad.Value, p quad.IRI, object quad.Value) ([]quad.Value, error) {
	key := subject.String()
	facts, ok := l.facts[key]
	if !ok {
		facts = make(map[string][]quad.Value)
		err := hkgraph.EachQuad(ctx, l.qs, quad.Subject, subject, func(q quad.Quad) error {
			if q.Label != nil && q.Object != nil {
				k := q.Predicate.String() + "\x00" + q.Object.String()
				facts[k] = append(facts[k], q.Label)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		l.facts[key] = facts
	}
	return facts[p.String()+"\x00"+object.String()], nil
}

// dateOf is the date a statement's label gives: its sentence's event date,
// else its document's, each read once.
func (l *lookup) dateOf(ctx context.Context, label quad.Value) (string, error) {
	iri, ok := label.(quad.IRI)
	if !ok {
		return "", nil
	}
	if d, ok := l.dates[iri]; ok {
		return d, nil
	}
	date := ""
	dates, err := l.objects(ctx, iri, hkgraph.Date)
	if err != nil {
		return "", err
	}
	if len(dates) > 0 {
		date = stringOf(dates[0])
	} else if i := strings.Index(string(iri), "#s"); i >= 0 {
		if date, err = l.dateOf(ctx, quad.IRI(string(iri)[:i])); err != nil {
			return "", err
		}
	}
	l.dates[iri] = date
	return date, nil
}

// formerAt reports whether the position node is stated former by the
// sentence label.
func (l *lookup) formerAt(ctx context.Context, position, label quad.Value) (bool, error) {
	key := position.String()
	labels, ok := l.former[key]
	if !ok {
		labels = make(map[quad.Value]bool)
		err := hkgraph.EachQuad(ctx, l.qs, quad.Subject, position, func(q quad.Quad) error {
			if q.Predicate == hkgraph.Former && q.Label != nil {
				labels[q.Label] = true
			}
			return nil
		})
		if err != nil {
			return false, err
		}
		l.former[key] = labels
	}
	return labels[label], nil
}

func (l *lookup) sentence(ctx context.Context, label quad.Value) (sentence, error) {
	texts, err := l.objects(ctx, label, hkgraph.Text)
	if err != nil {
		return sentence{}, err
	}
	doc := label
	if docs, err := l.objects(ctx, label, hkgraph.InDoc); err != nil {
		return sentence{}, err
	} else if len(docs) > 0 {
		doc = docs[0]
	}
	files, err := l.objects(ctx, doc, hkgraph.File)
	if err != nil {
		return sentence{}, err
	}
	var s sentence
	if len(texts) > 0 {
		s.text = stringOf(texts[0])
	}
	if len(files) > 0 {
		s.doc = stringOf(files[0])
	}
	s.date, err = l.dateOf(ctx, label)
	return s, err
}

// stringOf is the plain text of a value: a string without quotes, an IRI
// without brackets, a number in decimal.
func stringOf(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.IRI:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	}
	return fmt.Sprint(v.Native())
}

// nameInIRI returns the canonical name an entity IRI ends with, or "" for a
// node that is no entity.
func nameInIRI(node quad.IRI) string {
	if !strings.HasPrefix(string(node), entityPrefix) {
		return ""
	}
	id := hkgraph.EntityID(node)
	return id[strings.LastIndex(id, "/")+1:]
}
