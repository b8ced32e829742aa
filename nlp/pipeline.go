package nlp

import "fmt"

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

// Extract reads the facts of one document.
func (p *Pipeline) Extract(doc Document) (*Extraction, error) {
	if doc.Name == "" {
		return nil, fmt.Errorf("extract: document has no name")
	}
	x := &Extraction{Doc: doc, Sentences: SplitSentences(&doc)}
	tokens := make([][]Token, len(x.Sentences))
	for i, s := range x.Sentences {
		tokens[i] = p.seg.Tokens(s)
	}
	_ = tokens // recognisers come next
	return x, nil
}
