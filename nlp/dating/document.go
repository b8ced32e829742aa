package dating

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"hospkg/intake"
)

// Rule names how a document's date was found.
type Rule string

// The rules of OfDocument, in the order they are tried.
const (
	FromMeta     Rule = "meta"     // the page's <meta> publication time
	FromLabel    Rule = "label"    // a 发布时间 / 发布日期 / 日期 … line
	FromDateline Rule = "dateline" // a short line of date and source near the top
	FromTitle    Rule = "title"    // a date in the title
	FromEvent    Rule = "event"    // the first full date the text gives
	NoRule       Rule = ""
)

// publishLabels introduce a publication date, the surest first; the
// generic ones (日期, 时间) only count in the head of the page.
var publishLabels = []string{
	"发布时间", "发布日期", "发布于", "发表时间", "发表日期", "发稿时间", "发文日期", "成文日期", "刊发时间",
	"上传时间", "来源时间", "更新时间", "更新日期", "日期", "时间",
}

// genericLabels are publishLabels that also introduce other dates (活动时间,
// 出生日期) and so count only alone at the start of a line in the head.
var genericLabels = map[string]bool{"日期": true, "时间": true, "更新时间": true, "更新日期": true}

// datelineWords mark a short line near the top as the page's byline:
// the date beside its source, author, editor or view count.
var datelineWords = []string{"来源", "稿源", "作者", "编辑", "责任编辑", "浏览", "点击", "阅读", "字号", "供稿", "发布", "访问量", "次数", "打印"}

// headLines is how many non-blank lines of the text count as the head of
// the page, where bylines stand.
const headLines = 40

// OfDocument returns the date a document was published and the rule that
// found it, or "" and NoRule.
func OfDocument(doc intake.Document) (Date, Rule) {
	if d := first(doc.Published, 0, false); d != "" {
		return d, FromMeta
	}
	if d := labelled(doc.Text); d != "" {
		return d, FromLabel
	}
	if d := anyLabelled(headOf(doc.Text)); d != "" {
		return d, FromLabel
	}
	if d := dateline(doc.Text); d != "" {
		return d, FromDateline
	}
	if d := first(doc.Title, 0, false); d != "" && d.Precision() == 3 {
		return d, FromTitle
	}
	if d := event(doc.Text); d != "" {
		return d, FromEvent
	}
	return "", NoRule
}

// first is the first date of a text.
func first(text string, year int, minguo bool) Date {
	for _, f := range scan(text, year, minguo) {
		return f.date
	}
	return ""
}

// labelled finds a date right after a publication label: the surest label
// first, anywhere for the specific ones and at the start of a line of the
// head for the generic ones. Every label ends in 时间, 日期 or 于, so one
// pass over their occurrences finds them all.
func labelled(text string) Date {
	headEnd := len(headOf(text))
	best, bestRank := Date(""), len(publishLabels)
	for _, tail := range []string{"时间", "日期", "于"} {
		for off := 0; ; {
			i := strings.Index(text[off:], tail)
			if i < 0 {
				break
			}
			end := off + i + len(tail)
			off = end
			rank := labelEndingAt(text, end)
			if rank >= bestRank {
				continue
			}
			label := publishLabels[rank]
			at := end - len(label)
			if genericLabels[label] && (end > headEnd || !startsLine(text, at)) {
				continue
			}
			rest := strings.TrimLeft(text[end:], " \t:：】]　")
			if d := dateStarting(rest); d != "" {
				best, bestRank = d, rank
			}
		}
	}
	return best
}

// labelEndingAt is the rank among publishLabels of the surest label ending
// at byte end of text, or len(publishLabels).
func labelEndingAt(text string, end int) int {
	for rank, label := range publishLabels {
		if strings.HasSuffix(text[:end], label) {
			return rank
		}
	}
	return len(publishLabels)
}

// anyLabelled finds, in the head, a line that starts with a short label
// ending in 日期 or 时间 (建档日期, 成稿时间) and goes on with a date.
func anyLabelled(head string) Date {
	for _, line := range strings.Split(head, "\n") {
		line = strings.TrimLeft(line, " \t　【[|")
		for _, end := range []string{"日期", "时间"} {
			i := strings.Index(line, end)
			if i < 0 || utf8.RuneCountInString(line[:i]) > 4 || containsAny(line[:i], []string{"活动", "会议", "出生", "报名", "开放", "截止"}) {
				continue
			}
			rest := strings.TrimLeft(line[i+len(end):], " \t:：】]　")
			if d := dateStarting(rest); d != "" {
				return d
			}
		}
	}
	return ""
}

// dateStarting is the date that starts s, Minguo years allowed (a label
// says it is a date).
func dateStarting(s string) Date {
	if f, ok := dateAt(s, 0, 0, true); ok && f.date.Precision() >= 2 {
		return f.date
	}
	return ""
}

// startsLine reports whether byte i of text begins a line, blanks and
// brackets aside.
func startsLine(text string, i int) bool {
	line := text[strings.LastIndexByte(text[:i], '\n')+1 : i]
	return strings.Trim(line, " \t　【[|") == ""
}

// headOf is the first headLines non-blank lines of text.
func headOf(text string) string {
	n, end := 0, 0
	for end < len(text) && n < headLines {
		next := strings.IndexByte(text[end:], '\n')
		if next < 0 {
			return text
		}
		if strings.TrimSpace(text[end:end+next]) != "" {
			n++
		}
		end += next + 1
	}
	return text[:end]
}

// dateline finds a full date on a short line of the head that reads as a
// byline (source, author, views) or is the date alone.
func dateline(text string) Date {
	for _, line := range strings.Split(headOf(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || utf8.RuneCountInString(line) > 80 || containsAny(line, footerWords) {
			continue
		}
		dates := scan(line, 0, false)
		if len(dates) == 0 {
			if d := shortYearStamp(line); d != "" {
				return d
			}
			continue
		}
		rest := strings.TrimSpace(line[:dates[0].start] + line[dates[0].end:])
		short := utf8.RuneCountInString(rest) <= 12
		switch {
		case dates[0].date.Precision() == 3 && (short || containsAny(line, datelineWords)):
			return dates[0].date
		case dates[0].date.Precision() == 2 && short && strings.Contains(rest, "期"):
			return dates[0].date // an issue: 2017年1月 第1期
		}
	}
	return ""
}

// shortYearStamp reads a time stamp with a two-digit year (20-06-22
// 08:41) or a day-first date (24.11.2016 06:33), as content systems print
// them beside a headline: only on a line that is the stamp and little else.
func shortYearStamp(line string) Date {
	fields := strings.Fields(line)
	if len(fields) < 2 || len(fields) > 4 || !strings.Contains(fields[1], ":") {
		return ""
	}
	var a, b, c int
	parts := strings.FieldsFunc(fields[0], func(r rune) bool { return r == '-' || r == '.' || r == '/' })
	if len(parts) != 3 {
		return ""
	}
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return ""
		}
		switch i {
		case 0:
			a = v
		case 1:
			b = v
		case 2:
			c = v
		}
	}
	switch {
	case len(parts[0]) == 2 && len(parts[2]) == 2 && strings.Contains(fields[0], "-"):
		return makeDate(2000+a, b, c) // 20-06-22
	case len(parts[2]) == 4 && strings.Contains(fields[0], "."):
		return makeDate(c, b, a) // 24.11.2016
	}
	return ""
}

// event is the first full date in the text outside copyright lines.
func event(text string) Date {
	for _, line := range strings.Split(text, "\n") {
		if containsAny(line, footerWords) {
			continue
		}
		for _, f := range scan(line, 0, false) {
			if f.date.Precision() == 3 {
				return f.date
			}
		}
	}
	return ""
}

// footerWords mark the copyright and registration lines of a page, whose
// dates are no article's.
var footerWords = []string{"版权", "Copyright", "copyright", "©", "备案", "ICP"}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// InSentence returns the date of the event a sentence tells: the first
// date it gives with at least a month, a month and day taking the
// document's year (the year before when that would put the event after
// the document was published); "" when it gives none.
func InSentence(text string, doc Date) Date {
	year := doc.Year()
	for _, f := range scan(text, year, false) {
		d := f.date
		if d.Precision() < 2 {
			continue
		}
		if doc.Precision() == 3 && d.Precision() == 3 && d > doc && strings.HasPrefix(string(d), string(doc[:4])) && !hasYear(text[f.start:f.end]) {
			// 12月28日 in an article of 2024-01-05 happened in 2023
			if earlier := makeDate(year-1, month(d), day(d)); earlier != "" {
				d = earlier
			}
		}
		return d
	}
	return ""
}

// hasYear reports whether a date as written gives its year.
func hasYear(written string) bool {
	return strings.Contains(written, "年") || strings.ContainsAny(written, "-/.")
}

func month(d Date) int {
	if len(d) < 7 {
		return 0
	}
	m := int(d[5]-'0')*10 + int(d[6]-'0')
	return m
}

func day(d Date) int {
	if len(d) < 10 {
		return 0
	}
	return int(d[8]-'0')*10 + int(d[9]-'0')
}
