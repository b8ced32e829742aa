package pipeline

import (
	"context"
	"iter"

	"hospkg/nlp"
)

// Extractions runs the sources through the pipeline and returns every
// extraction, in the order of the sources: what training and
// cross-validation read, where a build would store them.
func Extractions(ctx context.Context, p *nlp.Pipeline, sources iter.Seq2[Source, error], opts Options) ([]*nlp.Extraction, Summary, error) {
	var kept keepSink
	sum, err := Run(ctx, p, sources, &kept, opts)
	return kept.xs, sum, err
}

// keepSink keeps the extractions it is given.
type keepSink struct{ xs []*nlp.Extraction }

func (k *keepSink) Add(_ context.Context, doc Built) error {
	k.xs = append(k.xs, doc.Extraction)
	return nil
}

func (k *keepSink) Flush() error { return nil }
