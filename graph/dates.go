package graph

import (
	"context"

	"github.com/cayleygraph/quad"
)

// factDate returns, for a fact quad's label, the date the fact held — the
// date of the event its sentence tells, else its document's — and the
// document's own date.
func (r *graphReader) factDate(ctx context.Context, label quad.IRI) (date, asOf string, err error) {
	doc := docOfLabel(label)
	asOf, ok := r.dates[doc]
	if !ok {
		if asOf, err = r.firstString(ctx, doc, Date); err != nil {
			return "", "", err
		}
		r.dates[doc] = asOf
	}
	if sentenceIndex(label) >= 0 {
		told, err := r.firstString(ctx, label, Date)
		if err != nil {
			return "", "", err
		}
		if told != "" {
			return told, asOf, nil
		}
	}
	return asOf, asOf, nil
}

// firstString is the first string object of subject's predicate, or "".
func (r *graphReader) firstString(ctx context.Context, subject quad.Value, p quad.IRI) (string, error) {
	values, err := objectsOf(ctx, r.qs, subject, p)
	if err != nil || len(values) == 0 {
		return "", err
	}
	return stringOf(values[0]), nil
}

// formerIn reports whether a document states a position as held no longer.
func (r *graphReader) formerIn(ctx context.Context, position quad.IRI, doc quad.IRI) (bool, error) {
	docs, ok := r.former[position]
	if !ok {
		docs = make(map[quad.IRI]bool)
		err := EachQuad(ctx, r.qs, quad.Subject, position, func(q quad.Quad) error {
			if q.Predicate == Former {
				docs[docOfLabel(iriOf(q.Label))] = true
			}
			return nil
		})
		if err != nil {
			return false, err
		}
		r.former[position] = docs
	}
	return docs[doc], nil
}
