package nlp_test

import (
	"os"
	"testing"

	"hospkg/intake"
	"hospkg/nlp"
)

// benchSeed is the longest seed: a meeting report naming two hospitals, a
// national and a city commission, departments and some thirty officials.
const benchSeed = "../seeds/001_cbff99e1412477c5.txt"

func readBenchSeed(b *testing.B) intake.Document {
	b.Helper()
	raw, err := os.ReadFile(benchSeed)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := intake.ReadDocument("001_cbff99e1412477c5.txt", raw)
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkExtract runs the whole pipeline over one real article and checks
// it still reads what it read when this benchmark was written.
func BenchmarkExtract(b *testing.B) {
	p := pipeline(b)
	doc := readBenchSeed(b)
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for b.Loop() {
		x, err := p.Extract(doc)
		if err != nil {
			b.Fatal(err)
		}
		if len(x.Entities) < 50 || len(x.Positions) < 25 || len(x.Relations) < 4 {
			b.Fatalf("read %d entities, %d positions, %d relations; want at least 50, 25, 4",
				len(x.Entities), len(x.Positions), len(x.Relations))
		}
	}
}

// BenchmarkSegmentOnly runs only gse segmentation over the same sentences, so
// that one run shows what the recognisers add on top of it.
func BenchmarkSegmentOnly(b *testing.B) {
	seg, err := nlp.LoadSegmenter()
	if err != nil {
		b.Fatal(err)
	}
	doc := readBenchSeed(b)
	sentences := nlp.SplitSentences(&doc)
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, s := range sentences {
			n += len(seg.Tokens(s))
		}
		if n < 1000 {
			b.Fatalf("%d tokens, want at least 1000", n)
		}
	}
}
