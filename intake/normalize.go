package intake

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lostCharSeparator replaces a run of characters a scraper lost (`??`, U+FFFD,
// invalid bytes). The sentence splitter reads it as a space inside a
// sentence, and no recogniser glues a name across it.
const lostCharSeparator = '\u3000'

// pinyinLetters are the letters of a pinyin annotation: scrapers of some
// traditional-character sites leave one after every rare character, as in
// 醫(yī)院.
const pinyinLetters = "abcdefghijklmnopqrstuvwxyzāáǎàēéěèêīíǐìōóǒòūúǔùǖǘǚǜü"

const maxPinyinLetters = 7

// garbleWindow is how many characters after a run of lost characters may
// still belong to the same mis-decoded stretch (seed 004: 臨床??平ㄔO(shè)
// was 臨床專科建設(shè) before a byte went missing).
const garbleWindow = 4

// normalizer builds the normalised text and, for every byte of it, the
// offset of the source character it came from.
type normalizer struct {
	src    string
	out    []byte
	origin []int
}

// normalize turns decoded text into the text the recognisers read: no
// pinyin annotations, lost characters as one separator, ASCII instead of
// full-width forms, plain spaces and line breaks, no zero-width or control
// characters, simplified characters. It returns the text and the map from
// each of its byte offsets (and its length) to an offset of original.
func normalize(original string) (string, []int, error) {
	n := normalizer{src: original, out: make([]byte, 0, len(original)), origin: make([]int, 0, len(original)+1)}
	n.run()
	text, origin := string(n.out), n.origin
	if !hasTraditional(text) {
		return text, origin, nil
	}
	conv, err := loadSimplifier()
	if err != nil {
		return "", nil, err
	}
	text, origin = conv.convert(text, origin)
	return text, origin, nil
}

func (n *normalizer) emit(r rune, from int) {
	before := len(n.out)
	n.out = utf8.AppendRune(n.out, r)
	for range len(n.out) - before {
		n.origin = append(n.origin, from)
	}
}

func (n *normalizer) run() {
	src := n.src
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == '\r':
			if !strings.HasPrefix(src[i+size:], "\n") {
				n.emit('\n', i)
			}
		case r == '?' || r == utf8.RuneError:
			end, lost := n.lostRun(i)
			if lost {
				n.emit(lostCharSeparator, i)
			} else {
				for j := i; j < end; j++ {
					n.emit('?', j)
				}
			}
			size = end - i
		case (r == '(' || r == '（') && n.followsHan(i):
			if end := pinyinAnnotation(src, i); end > 0 {
				size = end - i
			} else {
				n.emit(foldWidth(r), i)
			}
		case isZeroWidth(r) || isControl(r):
			// dropped: invisible, and they would split or hide names
		case r == '\u2028' || r == '\u2029' || r == '\u0085':
			n.emit('\n', i)
		case r != lostCharSeparator && r != '\n' && r != '\t' && unicode.IsSpace(r):
			n.emit(' ', i)
		default:
			n.emit(foldWidth(r), i)
		}
		i += size
	}
	n.origin = append(n.origin, len(src))
}

// followsHan reports whether the character before offset i is a Chinese
// character: pinyin annotations are stripped only there, so ordinary
// parentheses after Latin text stay.
func (n *normalizer) followsHan(i int) bool {
	r, _ := utf8.DecodeLastRuneInString(n.src[:i])
	return unicode.Is(unicode.Han, r)
}

// pinyinAnnotation returns the end of the pinyin annotation that starts at
// offset i with an opening parenthesis, or 0 if there is none.
func pinyinAnnotation(src string, i int) int {
	r, size := utf8.DecodeRuneInString(src[i:])
	if r != '(' && r != '（' {
		return 0
	}
	return pinyinTail(src, i+size)
}

// pinyinTail returns the end of 1 to 7 pinyin letters and a closing
// parenthesis starting at i, or 0. Alone it is what remains of an
// annotation whose opening parenthesis was lost.
func pinyinTail(src string, i int) int {
	letters := 0
	for j := i; j < len(src); {
		r, size := utf8.DecodeRuneInString(src[j:])
		if r == ')' || r == '）' {
			if letters == 0 {
				return 0
			}
			return j + size
		}
		if letters == maxPinyinLetters || !strings.ContainsRune(pinyinLetters, r) {
			return 0
		}
		letters++
		j += size
	}
	return 0
}

// lostRun looks at the run of `?` or U+FFFD starting at i. It reports
// whether the run stands for lost characters, and where the mis-decoded
// stretch around it ends (or the run, if it is not lost). A `?` that ends a
// question (nothing Chinese follows) stays a question mark.
func (n *normalizer) lostRun(i int) (end int, lost bool) {
	src := n.src
	end, replaced := i, false
	for end < len(src) {
		r, size := utf8.DecodeRuneInString(src[end:])
		if r != '?' && r != utf8.RuneError {
			break
		}
		replaced = replaced || r == utf8.RuneError
		end += size
	}
	next, _ := utf8.DecodeRuneInString(src[end:])
	tail := pinyinTail(src, end)
	stray := strayAnnotationWithin(src, end)
	if !replaced && !unicode.Is(unicode.Han, next) && tail == 0 && stray == 0 {
		return end, false // a run of plain question marks
	}
	if tail > 0 {
		end = tail
		stray = strayAnnotationWithin(src, end)
	}
	if stray > 0 {
		end = stray
	}
	return end, true
}

// strayAnnotationWithin finds, within garbleWindow characters from i, a
// pinyin annotation that follows a lone Latin letter instead of a Chinese
// character: the letter is the second byte of a mis-decoded character, and
// everything from i up to the annotation is debris of the same accident. It
// returns the end of the annotation, or 0.
func strayAnnotationWithin(src string, i int) int {
	j := i
	for k := 0; k < garbleWindow && j < len(src); k++ {
		r, size := utf8.DecodeRuneInString(src[j:])
		if isASCIILetter(r) && !isASCIIAlnum(lastRune(src[:j])) {
			if end := pinyinAnnotation(src, j+size); end > 0 {
				return end
			}
		}
		if !isDebris(r) {
			return 0
		}
		j += size
	}
	return 0
}

// isDebris reports whether r can be part of a mis-decoded stretch: letters
// and symbols, never spaces or the punctuation that ends a clause.
func isDebris(r rune) bool {
	if unicode.IsSpace(r) || strings.ContainsRune(",，。;；:：!！?？、", r) {
		return false
	}
	return unicode.IsLetter(r) || r == ')' || r == ']'
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func isASCIIAlnum(r rune) bool { return isASCIILetter(r) || r >= '0' && r <= '9' }

// foldWidth maps full-width ASCII forms (！ to ～) to ASCII: the
// recognisers match 'A', '1' and '(' only once.
func foldWidth(r rune) rune {
	if r >= '\uff01' && r <= '\uff5e' {
		return r - 0xfee0
	}
	return r
}

func isZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f':
		return true
	}
	return false
}

// isControl reports control characters other than tab and line breaks.
func isControl(r rune) bool {
	return r != '\t' && r != '\n' && r != '\r' && r != '\u0085' && unicode.IsControl(r)
}

// stripPinyin removes the pinyin annotations after Chinese characters
// (醫(yī)院 → 醫院) and nothing else: the surface form of a name as the
// original writes it, traditional characters kept.
func stripPinyin(s string) string {
	// Every annotation opens with a parenthesis; most names hold none.
	if !strings.Contains(s, "(") && !strings.Contains(s, "（") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.Is(unicode.Han, r) {
				if end := pinyinAnnotation(s, i); end > 0 {
					i = end
					continue
				}
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}
