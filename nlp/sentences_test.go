package nlp_test

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"hospkg/intake"
	"hospkg/nlp"
)

// unpunctuated returns the held-out articles run together with their
// sentence ends and line breaks removed, repeated to at least size bytes: the
// one-line page without punctuation that a scraper can write.
func unpunctuated(t testing.TB, size int) string {
	t.Helper()
	entries, err := os.ReadDir("testdata/heldout")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		raw, err := os.ReadFile("testdata/heldout/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(strings.Map(func(r rune) rune {
			if strings.ContainsRune("。！？!?；;\n\r", r) {
				return -1
			}
			return r
		}, string(raw)))
	}
	one := b.String()
	text := strings.Repeat(one, size/len(one)+1)
	for !utf8.ValidString(text[:size]) {
		size++
	}
	return text[:size]
}

func TestSplitSentencesBoundsLength(t *testing.T) {
	text := unpunctuated(t, 300_000)
	doc, err := intake.ReadDocument("line.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	sentences := nlp.SplitSentences(&doc)
	if len(sentences) < len(doc.Text)/nlp.MaxSentenceBytes {
		t.Fatalf("%d sentences for %d bytes", len(sentences), len(doc.Text))
	}
	end := 0
	for _, s := range sentences {
		if n := s.End - s.Start; n > nlp.MaxSentenceBytes {
			t.Errorf("sentence %d has %d bytes, more than %d", s.Index, n, nlp.MaxSentenceBytes)
		}
		// Nothing but space between sentences: every byte is read.
		if gap := doc.Text[end:s.Start]; strings.TrimSpace(gap) != "" {
			t.Fatalf("sentence %d: %q lost before it", s.Index, gap)
		}
		end = s.End
		// The text has commas everywhere, so every cut is after one.
		if s.End < len(doc.Text) {
			last, _ := utf8.DecodeLastRuneInString(doc.Text[:s.End])
			next, _ := utf8.DecodeRuneInString(doc.Text[s.End:])
			if !strings.ContainsRune("，,、：: \t", last) && !strings.ContainsRune(" \t", next) {
				t.Errorf("sentence %d ends %q, not after a pause", s.Index, doc.Text[max(0, s.End-12):s.End])
			}
		}
	}
}

// TestLongLineTakesLinearTime extracts one line without punctuation at two
// sizes: eight times the text must take about eight times as long, where a
// cost that grows with the square of a sentence took 64 times (and a 256 KB
// line ten seconds).
func TestLongLineTakesLinearTime(t *testing.T) {
	p, err := nlp.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	took := func(size int) time.Duration {
		doc, err := intake.ReadDocument("line.txt", []byte(unpunctuated(t, size)))
		if err != nil {
			t.Fatal(err)
		}
		best := time.Duration(1 << 62)
		for range 2 {
			start := time.Now()
			if _, err := p.Extract(doc); err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := took(64<<10), took(512<<10)
	t.Logf("64 KB in %s, 512 KB in %s: %.1f×", small, large, float64(large)/float64(small))
	if large > 20*small {
		t.Errorf("eight times the text took %.1f times as long", float64(large)/float64(small))
	}
}
