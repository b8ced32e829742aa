package nlp

import (
	"context"
	"os"
	"testing"

	"hospkg/intake"
)

// BenchmarkRecognise times what Extract does after gse segmentation, over
// the same seed as BenchmarkExtract: the part the recognisers and relations
// add to segmentation.
func BenchmarkRecognise(b *testing.B) {
	raw, err := os.ReadFile("../seeds/001_cbff99e1412477c5.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := intake.ReadDocument("001_cbff99e1412477c5.txt", raw)
	if err != nil {
		b.Fatal(err)
	}
	seg, err := LoadSegmenter()
	if err != nil {
		b.Fatal(err)
	}
	sentences := SplitSentences(&doc)
	toks := make([][]Token, len(sentences))
	for i, s := range sentences {
		toks[i] = seg.Tokens(s)
	}
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for b.Loop() {
		x, err := extractSegmented(context.Background(), doc, sentences, toks)
		if err != nil {
			b.Fatal(err)
		}
		if len(x.Entities) < 50 || len(x.Positions) < 25 || len(x.Relations) < 4 {
			b.Fatalf("read %d entities, %d positions, %d relations; want at least 50, 25, 4",
				len(x.Entities), len(x.Positions), len(x.Relations))
		}
	}
}
