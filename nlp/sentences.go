package nlp

import (
	"strings"
	"unicode/utf8"

	"hospkg/intake"
)

// endsSentence reports whether r ends a sentence; closing quotes and
// brackets that follow it stay with the sentence (closesSentence). Switches
// rather than strings.ContainsRune: they run at every character of a document.
func endsSentence(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '\n':
		return true
	}
	return false
}

func closesSentence(r rune) bool {
	switch r {
	case '”', '’', '」', '』', ')', '）', '】':
		return true
	}
	return false
}

// MaxSentenceBytes bounds a sentence. Recognition costs more than linear
// time in the length of a sentence, and a page without punctuation (a
// scraped table, a file of one line) would otherwise be one sentence of
// megabytes; the longest sentence of the real corpus has 1.5 KB.
const MaxSentenceBytes = 2048

// SplitSentences cuts the normalised text of doc into sentences with byte
// offsets. Blank sentences are dropped; offsets are kept so that every fact
// points back into the text. A sentence that reaches MaxSentenceBytes is cut
// at its last comma, enumeration comma, colon or space in its second half,
// or else where it reached the bound.
func SplitSentences(doc *intake.Document) []Sentence {
	text := doc.Text
	var out []Sentence
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if !isSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !isSpace(r) {
				break
			}
			e -= n
		}
		if e > s {
			out = append(out, Sentence{
				Index:    len(out),
				Start:    s,
				End:      e,
				Text:     text[s:e],
				Evidence: strings.TrimSpace(doc.OriginalSpan(s, e)),
			})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if !endsSentence(r) {
			if i-start >= MaxSentenceBytes {
				emit(start + safeCut(text[start:i]))
			}
			continue
		}
		for i < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[i:])
			if !closesSentence(r2) {
				break
			}
			i += n2
		}
		emit(i)
	}
	emit(len(text))
	return out
}

func isSpace(r rune) bool { return intake.IsSpace(r) }

// safeCut returns where to end an overlong sentence: after the last pause in
// its second half, where no name is cut, or else at its end.
func safeCut(s string) int {
	half := len(s) / 2
	if k := strings.LastIndexAny(s[half:], "，,、：: \t"); k >= 0 {
		_, n := utf8.DecodeRuneInString(s[half+k:])
		return half + k + n
	}
	return len(s)
}
