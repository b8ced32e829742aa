// Package dating finds when things happened: the date a document was
// published (OfDocument), by rules over what pages show — a publication
// time in the page's <meta> tags, a 发布时间/发布日期/日期 line, a dateline
// under the title, a date in the title — and the date of an event a
// sentence tells (InSentence), whose missing year comes from the document.
// Dates are ISO 8601 as precise as the text allows: "2023", "2023-06",
// "2023-06-02". A file's modification time is never used.
package dating

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Date is an ISO 8601 calendar date, year, or year and month; "" is no
// date.
type Date string

// Year is the date's year, or 0.
func (d Date) Year() int {
	if len(d) < 4 {
		return 0
	}
	y, err := strconv.Atoi(string(d[:4]))
	if err != nil {
		return 0
	}
	return y
}

// Precision is how many of year, month and day the date gives.
func (d Date) Precision() int {
	switch len(d) {
	case 4:
		return 1
	case 7:
		return 2
	case 10:
		return 3
	}
	return 0
}

// minYear and maxYear bound the years read as dates: news about hospitals
// in this century and the last decade of the previous one.
const (
	minYear = 1980
	maxYear = 2100
)

// makeDate builds a date from its parts, 0 for a part not given, or ""
// when the parts are no date.
func makeDate(y, m, d int) Date {
	if y < minYear || y > maxYear {
		return ""
	}
	if m == 0 {
		return Date(fmt.Sprintf("%04d", y))
	}
	if m < 1 || m > 12 {
		return ""
	}
	if d == 0 {
		return Date(fmt.Sprintf("%04d-%02d", y, m))
	}
	if d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return ""
	}
	return Date(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
}

// found is one date read from a text, with where it stands.
type found struct {
	date       Date
	start, end int // byte offsets of the date in the text
}

// scan reads the dates of a text in order: years with month and day
// (2023-06-02, 2023/6/2, 2023.06.02, 2023年6月2日, 二〇二三年六月二日),
// years with month (2023年6月, 2023-06), and month and day alone (6月2日),
// which take their year from year when it is not 0. Minguo years (112年,
// 民国112年) count from 1912 when minguo is set.
func scan(text string, year int, minguo bool) []found {
	var out []found
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !mayStartDate(r) {
			i += size
			continue
		}
		f, ok := dateAt(text, i, year, minguo)
		if ok {
			out = append(out, f)
			i = f.end
			continue
		}
		i += size
	}
	return out
}

// dateAt reads a date starting at byte i of text, if one starts there.
func dateAt(text string, i, year int, minguo bool) (found, bool) {
	if i > 0 {
		// A date starts a number: 12023年 is no 2023年.
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); isDigit(r) {
			return found{}, false
		}
	}
	start := i
	if minguo && strings.HasPrefix(text[i:], "民国") {
		i += len("民国")
	}
	y, n := number(text[i:])
	if n == 0 {
		return found{}, false
	}
	yearDigits := utf8.RuneCountInString(text[i : i+n])
	i += n
	switch {
	case yearDigits == 4:
	case minguo && (yearDigits == 2 || yearDigits == 3) && y >= 1 && y <= 150:
		y += 1911
	case yearDigits <= 2 && y >= 1 && y <= 12:
		// a month and day alone: 6月2日
		m, d, end, ok := monthDay(text, i, y)
		if !ok || year == 0 {
			return found{}, false
		}
		if date := makeDate(year, m, d); date != "" {
			return found{date: date, start: start, end: end}, true
		}
		return found{}, false
	default:
		return found{}, false
	}
	if j := skipSpaces(text, i); strings.HasPrefix(text[j:], "年") {
		i = j // 2025 年 3 月 20 日, as some pages space it
	}
	sep, size := utf8.DecodeRuneInString(text[i:])
	switch sep {
	case '年':
		i += size
		j := skipSpaces(text, i)
		m, n := number(text[j:])
		k := skipSpaces(text, j+n)
		if n == 0 || !strings.HasPrefix(text[k:], "月") {
			if date := makeDate(y, 0, 0); date != "" && yearOnly(text, i) {
				return found{date: date, start: start, end: i}, true
			}
			return found{}, false
		}
		i = k + len("月")
		j = skipSpaces(text, i)
		d, n := number(text[j:])
		k = skipSpaces(text, j+n)
		if n > 0 && (strings.HasPrefix(text[k:], "日") || strings.HasPrefix(text[k:], "号")) {
			if date := makeDate(y, m, d); date != "" {
				return found{date: date, start: start, end: k + len("日")}, true
			}
			return found{}, false
		}
		if date := makeDate(y, m, 0); date != "" {
			return found{date: date, start: start, end: i}, true
		}
	case '-', '/', '.':
		i += size
		m, n := number(text[i:])
		if n == 0 || n > 2 {
			return found{}, false
		}
		i += n
		if next, size := utf8.DecodeRuneInString(text[i:]); next == sep {
			d, n := number(text[i+size:])
			if n == 0 || n > 2 {
				return found{}, false
			}
			if date := makeDate(y, m, d); date != "" {
				return found{date: date, start: start, end: i + size + n}, true
			}
			return found{}, false
		}
		// 2023-06: a year and month only with a dash, and two digits
		if sep == '-' && n == 2 {
			if date := makeDate(y, m, 0); date != "" {
				return found{date: date, start: start, end: i}, true
			}
		}
	}
	return found{}, false
}

// skipSpaces returns the offset after the spaces at byte i of text.
func skipSpaces(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != ' ' && r != '\u3000' && r != '\t' {
			break
		}
		i += size
	}
	return i
}

// yearOnly reports whether 年 at i stands for a year on its own (2023年,
// 2023年度), not a count of years (10年).
func yearOnly(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r == '度' || r == '，' || r == ',' || r == '、' || r == '）' || r == ')' || unicode.IsSpace(r) || r == utf8.RuneError ||
		unicode.Is(unicode.Han, r)
}

// monthDay reads 月D日 after a month number m at byte i.
func monthDay(text string, i, m int) (month, day, end int, ok bool) {
	if !strings.HasPrefix(text[i:], "月") {
		return 0, 0, 0, false
	}
	i += len("月")
	d, n := number(text[i:])
	if n == 0 || !(strings.HasPrefix(text[i+n:], "日") || strings.HasPrefix(text[i+n:], "号")) {
		return 0, 0, 0, false
	}
	return m, d, i + n + len("日"), true
}

// mayStartDate reports whether a date can start with r: a digit, a
// Chinese numeral or 民 (民国). Scanning skips every other rune at once.
func mayStartDate(r rune) bool {
	if isDigit(r) || r == '十' || r == '民' {
		return true
	}
	_, ok := chineseDigit(r)
	return ok
}

// chineseDigit is the value of a numeral dates are written in besides 0–9.
func chineseDigit(r rune) (int, bool) {
	switch r {
	case '〇', '零', 'О', '○':
		return 0, true
	case '一':
		return 1, true
	case '二':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// number reads a number at the start of s: ASCII digits (at most four), or
// Chinese numerals — digit by digit for a year (二〇二三), with 十 for
// months and days (十二, 二十三). It returns the value and the bytes read.
func number(s string) (int, int) {
	n, i := 0, 0
	for i < len(s) && i < 4 && isDigit(rune(s[i])) {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i > 0 {
		if i < len(s) && isDigit(rune(s[i])) {
			return 0, 0 // five digits or more: no date part
		}
		return n, i
	}
	// Chinese numerals: digit by digit (二〇二三), or around 十 (十二,
	// 二十, 二十三).
	var digits []int
	ten := -1 // where 十 stands among the numerals read
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if d, ok := chineseDigit(r); ok {
			digits = append(digits, d)
		} else if r == '十' && ten < 0 {
			ten = len(digits)
		} else {
			break
		}
		i += size
	}
	switch {
	case ten < 0 && len(digits) == 0:
		return 0, 0
	case ten < 0:
		for _, d := range digits {
			n = n*10 + d
		}
		return n, i
	case ten > 1 || len(digits)-ten > 1:
		return 0, 0 // 一二十, 十二三: no number
	}
	tens, units := 1, 0
	if ten == 1 {
		tens = digits[0]
	}
	if len(digits) > ten {
		units = digits[ten]
	}
	return tens*10 + units, i
}
