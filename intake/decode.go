package intake

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Thresholds that separate text from garbage. Real Chinese news decoded with
// the right encoding has almost no bad characters and overwhelmingly common
// ones; bytes decoded with the wrong one, or binary data, have neither.
const (
	// maxBadShare is the largest share of bad characters (controls,
	// replacement, private-use, unassigned) a decoded text may have.
	maxBadShare = 0.05
	// minCommonShare is the smallest share of common characters among the
	// non-ASCII ones for a guessed legacy encoding to be believed.
	minCommonShare = 0.6
	// minValidUTF8Share is the share of non-ASCII bytes that must form valid
	// UTF-8 sequences for a file with a few broken ones (a truncated
	// character, a damaged byte) to still be read as UTF-8.
	minValidUTF8Share = 0.9
)

// decoding is one way to read the bytes of a file.
type decoding struct {
	name     string
	encoding encoding.Encoding
}

// The legacy encodings tried when a file is not UTF-8 and has no BOM.
// GB18030 decodes everything GBK and GB2312 do.
var legacyDecodings = []decoding{
	{"gb18030", simplifiedchinese.GB18030},
	{"big5", traditionalchinese.Big5},
}

// decodeText turns the bytes of a file into UTF-8 text, or reports that they
// are not text. charsetHint is the charset an HTML page declares, if any.
func decodeText(raw []byte, charsetHint string) (string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xef, 0xbb, 0xbf}):
		return checkText(strings.ToValidUTF8(string(raw[3:]), "\ufffd"))
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}):
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), raw)
	case bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), raw)
	case bytes.IndexByte(raw, 0) >= 0:
		// NUL never occurs in text outside UTF-16: an ASCII character
		// there has one zero byte, so this is UTF-16 without its BOM or
		// not text at all.
		if text, ok := guessUTF16(raw); ok {
			return text, nil
		}
		return "", ErrNotText
	case utf8.Valid(raw):
		return checkText(string(raw))
	case mostlyUTF8(raw):
		return checkText(strings.ToValidUTF8(string(raw), "\ufffd"))
	}
	if enc := hintedDecoding(charsetHint); enc != nil {
		if text, err := decodeWith(enc, raw); err == nil {
			return text, nil
		}
	}
	best, bestScore := "", -1.0
	for _, d := range legacyDecodings {
		text, err := d.encoding.NewDecoder().String(string(raw))
		if err != nil {
			continue // a decoder error means the bytes are not in this encoding
		}
		if score, ok := legacyScore(text); ok && score > bestScore {
			best, bestScore = text, score
		}
	}
	if bestScore < 0 {
		// Chinese in UTF-16 has no zero byte to show it.
		if text, ok := guessUTF16(raw); ok {
			return text, nil
		}
		return "", ErrNotText
	}
	return best, nil
}

// guessUTF16 reads raw as UTF-16 without a byte order mark, in the byte order
// that gives believable text: ASCII, or mostly common Chinese characters.
func guessUTF16(raw []byte) (string, bool) {
	if len(raw)%2 != 0 {
		return "", false
	}
	best, bestScore := "", -1.0
	for _, order := range []xunicode.Endianness{xunicode.LittleEndian, xunicode.BigEndian} {
		text, err := decodeWith(xunicode.UTF16(order, xunicode.IgnoreBOM), raw)
		if err != nil {
			continue
		}
		score, ok := 1.0, true
		if !isASCII(text) {
			score, ok = legacyScore(text)
		}
		if ok && score > bestScore {
			best, bestScore = text, score
		}
	}
	return best, bestScore >= 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hintedDecoding returns the encoding an HTML page declares if it is one
// hospkg reads, else nil.
func hintedDecoding(label string) encoding.Encoding {
	if label == "" {
		return nil
	}
	enc, name := charset.Lookup(label)
	switch name {
	case "gbk", "gb18030", "big5":
		return enc
	}
	return nil
}

func decodeWith(enc encoding.Encoding, raw []byte) (string, error) {
	text, err := enc.NewDecoder().String(string(raw))
	if err != nil {
		return "", ErrNotText
	}
	return checkText(text)
}

// checkText rejects decoded text with too many bad characters.
func checkText(text string) (string, error) {
	total, bad := 0, 0
	for _, r := range text {
		total++
		if isBadRune(r) {
			bad++
		}
	}
	// One bad character is forgiven in any text, so that a short file cut
	// in the middle of its last character still reads.
	if float64(bad) > maxBadShare*float64(total)+1 {
		return "", ErrNotText
	}
	return text, nil
}

// mostlyUTF8 reports whether raw is UTF-8 with a few broken sequences, as a
// file cut in the middle of a character is.
func mostlyUTF8(raw []byte) bool {
	valid, broken := 0, 0
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			broken++
		} else {
			valid += size
		}
		i += size
	}
	return valid > 0 && float64(valid) >= minValidUTF8Share*float64(valid+broken)
}

// legacyScore rates text decoded with a guessed legacy encoding: the share of
// common characters among the non-ASCII ones, less a heavy penalty for bad
// ones. ok is false when the text is not believable at all.
func legacyScore(text string) (score float64, ok bool) {
	common := commonChineseRunes()
	total, nonASCII, usual, bad := 0, 0, 0, 0
	for _, r := range text {
		total++
		switch {
		case isBadRune(r):
			bad++
			nonASCII++
		case r < utf8.RuneSelf:
		case common[r] || isCommonPunctuation(r):
			usual++
			nonASCII++
		default:
			nonASCII++
		}
	}
	if nonASCII == 0 || float64(bad) > maxBadShare*float64(total) {
		return 0, false
	}
	score = float64(usual-3*bad) / float64(nonASCII)
	return score, score >= minCommonShare
}

// isBadRune reports characters that do not occur in real text: controls
// other than line breaks and tabs, the replacement character, private-use,
// surrogate and unassigned code points.
func isBadRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
		return false
	case r == utf8.RuneError:
		return true
	case unicode.Is(unicode.Cf, r):
		return false // zero-width characters are invisible, not garbage
	}
	return !unicode.IsGraphic(r) || unicode.Is(unicode.Co, r)
}

func isCommonPunctuation(r rune) bool {
	return r >= 0x3000 && r <= 0x303f || // CJK symbols and punctuation
		r >= 0xff01 && r <= 0xff5e || // full-width forms
		r >= 0x2010 && r <= 0x2027 || // dashes, quotes, ellipsis
		r == 0xb7 || r == 0xd7
}

var (
	commonChineseOnce sync.Once
	commonChinese     map[rune]bool
)

// commonChineseRunes returns the 3755 characters of GB2312 level 1 — the
// most frequent simplified characters — and their traditional forms. A text
// decoded with the wrong legacy encoding is made of rarer characters.
func commonChineseRunes() map[rune]bool {
	commonChineseOnce.Do(func() {
		commonChinese = make(map[rune]bool, 6000)
		dec := simplifiedchinese.GBK.NewDecoder()
		for lead := 0xb0; lead <= 0xd7; lead++ {
			for trail := 0xa1; trail <= 0xfe; trail++ {
				s, err := dec.Bytes([]byte{byte(lead), byte(trail)})
				if err != nil {
					continue
				}
				if r, _ := utf8.DecodeRune(s); unicode.Is(unicode.Han, r) {
					commonChinese[r] = true
				}
			}
		}
		for _, r := range traditionalChars {
			if simple := []rune(Simplify(string(r))); len(simple) == 1 && commonChinese[simple[0]] {
				commonChinese[r] = true
			}
		}
	})
	return commonChinese
}
