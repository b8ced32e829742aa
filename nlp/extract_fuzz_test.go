package nlp_test

import (
	"os"
	"testing"
	"time"

	"hospkg/intake"
	"hospkg/nlp"
)

// FuzzExtract feeds arbitrary text through the whole pipeline: whatever the
// input, extraction must not panic, and every fact must point at a sentence
// and at entities the extraction holds.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"../seeds/001_cbff99e1412477c5.txt", "testdata/heldout/zheyi_jiande.txt"} {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw[:min(len(raw), 2000)])
	}
	f.Add([]byte("在与、的大力支持下,由主营主管。是的成员单位(浙大)"))
	f.Add([]byte("院长、副院长、、编辑:"))
	p := pipeline(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := intake.ReadDocument("fuzz.txt", raw)
		if err != nil {
			return
		}
		type result struct {
			x   *nlp.Extraction
			err error
		}
		done := make(chan result, 1)
		go func() {
			x, err := p.Extract(doc)
			done <- result{x, err}
		}()
		var x *nlp.Extraction
		select {
		case r := <-done:
			if r.err != nil {
				t.Fatal(r.err)
			}
			x = r.x
		case <-time.After(10 * time.Second):
			t.Fatalf("extraction of %d bytes took over 10 s", len(raw))
		}
		ids := make(map[string]bool)
		for _, e := range x.Entities {
			ids[e.ID] = true
		}
		for _, r := range x.Relations {
			if !ids[r.Subject] || !ids[r.Object] || r.Sentence < 0 || r.Sentence >= len(x.Sentences) {
				t.Fatalf("relation %+v points outside the extraction", r)
			}
		}
		for _, ps := range x.Positions {
			if !ids[ps.Person] || !ids[ps.Org] || ps.Sentence < 0 || ps.Sentence >= len(x.Sentences) {
				t.Fatalf("position %+v points outside the extraction", ps)
			}
		}
	})
}
