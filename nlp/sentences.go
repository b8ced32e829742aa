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

// SplitSentences cuts the normalised text of doc into sentences with byte
// offsets. Blank sentences are dropped; offsets are kept so that every fact
// points back into the text.
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
