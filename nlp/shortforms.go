package nlp

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// MarkShortForms sets Entity.ShortForms of each organisation of x: those of
// its aliases the document gives real evidence for. The evidence is a
// definition in the text — the alias in a bracket right after another of
// the organisation's names, with or without 以下简称 — or the shape of an
// abbreviation: a contraction keeping the first character and characters in
// order (北大医院 of 北京大学第一医院, 衡水二院 of 衡水市第二人民医院), 委 for
// 委员会, or the name without the body it is attached to
// (北京天坛医院 of 首都医科大学附属北京天坛医院). Tails and level words
// (市政府, 区委, 中医院, 自治区人民医院) name a different body in every other
// article and are never short forms across documents.
func MarkShortForms(x *Extraction) {
	for i := range x.Entities {
		e := &x.Entities[i]
		e.ShortForms = nil
		if !IsResolvable(*e) {
			continue
		}
		for _, a := range e.Aliases {
			if a == e.Name || genericShortName(a) || slices.Contains(e.ShortForms, a) {
				continue
			}
			if definedInBracket(x.Doc.Text, *e, a) || abbreviatesAcross(a, e.Name) {
				e.ShortForms = append(e.ShortForms, a)
			}
		}
	}
}

// IsResolvable reports whether e is an organisation that corpus resolution
// renames or resolves to: a hospital or institution, whose ID is its type
// and name alone. Departments belong to their parents and stay there.
func IsResolvable(e Entity) bool {
	return (e.Type == Hospital || e.Type == Institution) && e.ID == EntityID(e.Type, e.Name, "")
}

// genericStarts open names that name a different body in every article: the
// article's own (本院, 我院), or a level (市, 省, 自治区) with no place.
var genericStarts = []string{"本", "我", "该", "此", "医院", "附属", "第", "省", "市", "区", "县", "州", "旗", "盟", "镇", "乡", "村", "自治", "特区", "全国", "国家", "中国", "中央"}

// genericShortName reports whether a short name cannot stand for one organisation
// across documents: shorter than three characters, or opening with a level
// word or a word for the article's own body.
func genericShortName(name string) bool {
	if utf8.RuneCountInString(name) < 3 {
		return true
	}
	for _, w := range genericStarts {
		if strings.HasPrefix(name, w) {
			return true
		}
	}
	return false
}

// definedInBracket reports whether text introduces short in a bracket right
// after another name of e: 北京大学第一医院（以下简称“北大医院”）.
func definedInBracket(text string, e Entity, short string) bool {
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], short)
		if k < 0 {
			return false
		}
		at := from + k
		from = at + len(short)
		before := trimAnySuffix(text[:at], []string{"“", "\"", "「", "‘", "'"})
		before = trimAnySuffix(before, []string{"以下简称", "以下称", "下称", "简称"})
		opened := trimAnySuffix(before, []string{"(", "（"})
		if opened == before {
			continue
		}
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			if f != short && f != "" && strings.HasSuffix(opened, f) {
				return true
			}
		}
	}
	return false
}

func trimAnySuffix(s string, suffixes []string) string {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return strings.TrimSuffix(s, x)
		}
	}
	return s
}

// attachedHeads end the name of a body another is attached to, which the
// attached one drops when named alone: 首都医科大学附属 of
// 首都医科大学附属北京天坛医院, 卫福部 of 卫福部南投医院.
var attachedHeads = []string{"附属", "卫福部", "卫福部立", "卫生福利部"}

// kindWords open names of a kind of hospital rather than one hospital
// (肺科医院, 儿童医院): the tail of an attached hospital's name that starts
// with one names a different hospital in every article.
var kindWords = []string{"儿童", "肺科", "胸科", "肿瘤", "口腔", "眼科", "妇产", "妇幼", "妇女", "中医", "中西医", "人民", "中心", "传染", "精神", "骨科", "康复", "附属", "总医院", "医学", "职工"}

func startsWithKind(name string) bool {
	for _, w := range kindWords {
		if strings.HasPrefix(name, w) {
			return true
		}
	}
	return false
}

// levelRunes are the administrative levels a contraction may drop only
// right after the place it keeps (衡水[市]二院), never as a place of their
// own (青海省[玉树藏族自治州]人民医院 is another hospital).
const levelRunes = "省市县区州旗盟"

// abbreviatesAcross reports whether short has the shape of an abbreviation of full.
func abbreviatesAcross(short, full string) bool {
	if len(short) >= len(full) {
		return false
	}
	// 委 for 委员会: 内蒙古自治区卫生健康委 of 内蒙古自治区卫生健康委员会.
	if strings.HasSuffix(full, "委员会") && short == strings.TrimSuffix(full, "员会") {
		return true
	}
	if strings.HasSuffix(full, short) {
		head := strings.TrimSuffix(full, short)
		for _, h := range attachedHeads {
			// 附属 alone is attached to nothing named.
			if strings.HasSuffix(head, h) && (h != "附属" || len(head) > len(h)) {
				return !startsWithKind(short)
			}
		}
		return false
	}
	if strings.Contains(full, short) {
		return false // a part of the name, not a short form of it
	}
	return contractionOf(short, full)
}

// contractionOf reports whether short keeps full's first character and some
// of the others in order, dropping no administrative level but the one
// right after the place both open with.
func contractionOf(short, full string) bool {
	s, f := []rune(short), []rune(full)
	if s[0] != f[0] {
		return false
	}
	// The place both open with, and its level word.
	k := 0
	for k < len(s) && s[k] == f[k] {
		k++
	}
	j := k
	if j < len(f) && strings.ContainsRune(levelRunes, f[j]) && (k >= len(s) || s[k] != f[j]) {
		j++
	}
	for i := k; i < len(s); i++ {
		for j < len(f) && f[j] != s[i] {
			if strings.ContainsRune(levelRunes, f[j]) {
				return false
			}
			j++
		}
		if j == len(f) {
			return false
		}
		j++
	}
	// What is left after the last character kept is the kind of body
	// (医院 of 北大医院): short must end where a kind of body ends.
	return lastRuneOf(short) == lastRuneOf(full)
}

func lastRuneOf(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
