package eval

import (
	"regexp"
	"strings"
	"sync"
	"unicode"

	"hospkg/t2s"
)

// pinyinAnnotation is the pinyin a scraped site writes after a character,
// as in 發(fā)布; score.py's PINYIN.
var pinyinAnnotation = regexp.MustCompile(`\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)`)

// The traditional → simplified table of score.py (T2S), copied character
// for character so that a name in either script compares equal. Some
// characters appear twice; as with Python's str.maketrans the last wins.
const (
	traditionalChars = "醫院長黨書記協會衛務護區員辦導師總監療險應發業學華莊國縣門廠廳東專屬聯體聯網絡腫瘤內針灸藥劑檢驗" +
		"實驗設計輸練組織經濟環濟農鄉鎮縣雲貴陝遼寧龍廣圖書館電視臺灣蘇州揚鄭關於為與從來這個們對時間現開" +
		"進過還麼後處傳統計劃營養質量術語錄評審導調查研討論講話議題執紀檢察勞動權獎勵優秀團結隊軍區衛兵將" +
		"癥狀態嚴重癥癒傷寫憶風險戰勝難題兒婦產齒頸領導員幹部層級別價值積極參與創建設備儀器機構"
	simplifiedChars = "医院长党书记协会卫务护区员办导师总监疗险应发业学华庄国县门厂厅东专属联体联网络肿瘤内针灸药剂检验" +
		"实验设计输练组织经济环济农乡镇县云贵陕辽宁龙广图书馆电视台湾苏州扬郑关于为与从来这个们对时间现开" +
		"进过还么后处传统计划营养质量术语录评审导调查研讨论讲话议题执纪检察劳动权奖励优秀团结队军区卫兵将" +
		"症状态严重症愈伤写忆风险战胜难题儿妇产齿颈领导员干部层级别价值积极参与创建设备仪器机构"
)

// traditionalToSimplified is score.py's T2S: the base table above, then the
// full OpenCC character table (t2s.txt there, package t2s here) for every
// character the base table does not already map. It is built on first use,
// not at start-up: every hospkg command links eval, few score.
var traditionalToSimplified = sync.OnceValue(func() map[rune]rune {
	table := pairRunes(traditionalChars, simplifiedChars)
	from, to := t2s.Table()
	for i, r := range from {
		if _, ok := table[r]; !ok {
			table[r] = to[i]
		}
	}
	return table
})

// pairRunes maps the i-th rune of from to the i-th rune of to. The two
// constants have the same length; a test holds them to it.
func pairRunes(from, to string) map[rune]rune {
	f, t := []rune(from), []rune(to)
	table := make(map[rune]rune, len(f))
	for i := 0; i < len(f) && i < len(t); i++ {
		table[f[i]] = t[i]
	}
	return table
}

// isPythonSpace is what Python's \s matches in a str pattern: Go's
// unicode.IsSpace plus the four separators U+001C..U+001F.
func isPythonSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// Normalize is score.py's norm: it removes pinyin annotations, then all
// whitespace, and writes the traditional characters of the table simplified.
func Normalize(s string) string {
	s = pinyinAnnotation.ReplaceAllString(s, "")
	table := traditionalToSimplified()
	return strings.Map(func(r rune) rune {
		if isPythonSpace(r) {
			return -1
		}
		if simple, ok := table[r]; ok {
			return simple
		}
		return r
	}, s)
}

// formSet is the set of normalised forms of one name.
type formSet map[string]struct{}

// forms returns the normalised name and aliases, without the empty form.
func forms(name string, aliases []string) formSet {
	out := formSet{}
	for _, s := range append([]string{name}, aliases...) {
		if n := Normalize(s); n != "" {
			out[n] = struct{}{}
		}
	}
	return out
}

func (a formSet) intersects(b formSet) bool {
	if len(b) < len(a) {
		a, b = b, a
	}
	for s := range a {
		if _, ok := b[s]; ok {
			return true
		}
	}
	return false
}
