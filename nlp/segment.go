package nlp

import (
	"fmt"
	"sync"

	"github.com/go-ego/gse"
)

// Segmenter cuts sentences into tokens with gse. Its dictionary is loaded once
// per process and shared: a loaded gse.Segmenter is safe for concurrent reads.
type Segmenter struct {
	seg *gse.Segmenter
}

var (
	sharedSegmenter     *Segmenter
	sharedSegmenterErr  error
	sharedSegmenterOnce sync.Once
)

// LoadSegmenter returns the process-wide segmenter, loading gse's simplified
// Chinese dictionary on first use.
func LoadSegmenter() (*Segmenter, error) {
	sharedSegmenterOnce.Do(func() {
		seg := new(gse.Segmenter)
		// Tokens rarer than this add load time and memory, not accuracy on
		// news text; names are found by the recognisers, not the dictionary.
		seg.MinTokenFreq = 5
		seg.SkipLog = true
		if err := seg.LoadDictEmbed("zh_s"); err != nil {
			sharedSegmenterErr = fmt.Errorf("load gse dictionary: %w", err)
			return
		}
		sharedSegmenter = &Segmenter{seg: seg}
	})
	return sharedSegmenter, sharedSegmenterErr
}

// Tokens segments one sentence; token offsets are byte offsets into the
// document's normalised text.
func (s *Segmenter) Tokens(sent Sentence) []Token {
	segs := s.seg.Segment([]byte(sent.Text))
	out := make([]Token, 0, len(segs))
	for _, sg := range segs {
		tok := sg.Token()
		out = append(out, Token{
			// A slice of the sentence, not tok.Text(), which builds a new string.
			Text:  sent.Text[sg.Start():sg.End()],
			Start: sent.Start + sg.Start(),
			End:   sent.Start + sg.End(),
			POS:   tok.Pos(),
		})
	}
	return out
}

// Word looks a word up in gse's dictionary: its part of speech and
// frequency, and whether it is there.
func (s *Segmenter) Word(w string) (pos string, freq float64, ok bool) {
	freq, pos, ok = s.seg.Find(w)
	return pos, freq, ok
}
