package nlp

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"hospkg/intake"
	"hospkg/nlp/dating"
)

// Pipeline runs the extraction stages over one document at a time. It holds
// the shared segmenter and nothing per document, so one Pipeline serves many
// goroutines.
type Pipeline struct {
	seg *Segmenter
}

// NewPipeline loads the segmenter (once per process) and returns a pipeline.
func NewPipeline() (*Pipeline, error) {
	seg, err := LoadSegmenter()
	if err != nil {
		return nil, err
	}
	return &Pipeline{seg: seg}, nil
}

// Extract reads the facts of one document: sentences, then per sentence the
// organisations, departments and positions, then the document-level
// resolution of aliases, and finally the relations.
func (p *Pipeline) Extract(doc intake.Document) (*Extraction, error) {
	return p.ExtractContext(context.Background(), doc)
}

// ExtractContext is Extract stopping early, with ctx's error, once ctx is
// done: it looks between sentences, and sentences are bounded
// (MaxSentenceBytes), so a long document stops within milliseconds.
func (p *Pipeline) ExtractContext(ctx context.Context, doc intake.Document) (*Extraction, error) {
	if doc.Name == "" {
		return nil, fmt.Errorf("extract: document has no name")
	}
	sentences := SplitSentences(&doc)
	toks := make([][]Token, len(sentences))
	for i, s := range sentences {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("extract %s: %w", doc.Name, context.Cause(ctx))
		}
		toks[i] = p.seg.Tokens(s)
	}
	return extractSegmented(ctx, doc, sentences, toks)
}

// extractSegmented runs the stages after segmentation: toks[i] are the
// tokens of sentences[i]. It is apart from Extract so that a benchmark can
// time the recognisers without gse.
func extractSegmented(ctx context.Context, doc intake.Document, sentences []Sentence, toks [][]Token) (*Extraction, error) {
	x := &Extraction{Doc: doc, Sentences: sentences, Tokens: toks}
	date, rule := dating.OfDocument(doc)
	x.Date, x.DateRule = string(date), string(rule)
	for i := range x.Sentences {
		x.Sentences[i].Date = string(dating.InSentence(x.Sentences[i].Text, date))
	}
	facts := make([]sentenceFacts, len(x.Sentences))
	for i, s := range x.Sentences {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("extract %s: %w", doc.Name, context.Cause(ctx))
		}
		st := newSentenceText(s, toks[i])
		facts[i] = sentenceFacts{st: st, orgs: recogniseOrganisations(st)}
	}
	short := bracketAbbreviations(facts)
	for _, more := range []map[string]*orgMention{affiliatedShortNames(facts), hospitalAbbreviations(facts)} {
		for name, full := range more {
			if _, ok := short[name]; !ok && full != nil {
				short[name] = full
			}
		}
	}
	abbrs := shortNameOrder(short)
	for i := range facts {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("extract %s: %w", doc.Name, context.Cause(ctx))
		}
		f := &facts[i]
		if len(short) > 0 {
			f.orgs = addAbbreviationMentions(f.st, f.orgs, abbrs, short)
			slices.SortStableFunc(f.orgs, func(a, b *orgMention) int { return cmp.Compare(a.start, b.start) })
		}
		f.positions, _ = recognisePositions(f.st, f.orgs)
	}
	r, positions, orgID := assemble(&x.Doc, facts, short)
	if ctx.Err() != nil {
		return nil, fmt.Errorf("extract %s: %w", doc.Name, context.Cause(ctx))
	}
	x.Positions = positions
	markFormer(x)
	x.Relations = relate(r, facts, orgID)
	for _, id := range r.order {
		x.Entities = append(x.Entities, *r.entities[id])
	}
	x.Mentions = r.mentions
	slices.SortStableFunc(x.Mentions, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	MarkShortForms(x)
	return x, nil
}
