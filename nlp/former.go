package nlp

import "strings"

// formerMarks are the words that, right before a title, say the post was
// held and is no longer: 原院长, 前任院长.
var formerMarks = []string{"原任", "原", "前任", "曾任", "历任"}

// endingWords say in a sentence that posts end: 不再担任, 免去…职务.
var endingWords = []string{"不再担任", "免去", "卸任", "离任", "退休"}

// markFormer marks the positions whose sentence says the post was held
// and is no longer.
func markFormer(x *Extraction) {
	text := make(map[int]string, len(x.Sentences))
	for _, s := range x.Sentences {
		text[s.Index] = s.Text
	}
	for i := range x.Positions {
		p := &x.Positions[i]
		p.Former = formerPost(text[p.Sentence], p.Title)
	}
}

// formerPost reports whether a sentence states title as a former post: the
// title written after 原 (or 前任, 曾任), or a sentence that ends posts
// (不再担任, 免去) and names the title after it.
func formerPost(sentence, title string) bool {
	if title == "" {
		return false
	}
	for off := 0; ; {
		i := strings.Index(sentence[off:], title)
		if i < 0 {
			break
		}
		at := off + i
		before := sentence[:at]
		for _, m := range formerMarks {
			if strings.HasSuffix(before, m) {
				return true
			}
		}
		for _, w := range endingWords {
			if j := strings.LastIndex(before, w); j >= 0 && !strings.ContainsAny(before[j:], "，。；;") {
				return true
			}
		}
		off = at + len(title)
	}
	return false
}
