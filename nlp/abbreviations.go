package nlp

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Articles introduce a short name in brackets after the full one:
// 浙江大学医学院附属第一医院(浙大一院). Later mentions of the short name are
// the same organisation, though no suffix rule would find them.

// bracketAbbreviations returns, for every short name an article introduces in
// brackets after an organisation, that organisation's mention.
func bracketAbbreviations(facts []sentenceFacts) map[string]*orgMention {
	out := make(map[string]*orgMention)
	for _, f := range facts {
		for _, o := range f.orgs {
			if o.ref || o.typ == Department {
				continue
			}
			short := bracketedAfter(f.st.at(o.end, f.st.End))
			// 某医院(北院区) names a campus of the hospital, not the hospital.
			if hasAnySuffix(short, []string{"院区", "分院", "院部", "校区"}) != "" {
				continue
			}
			// 安徽省胸科医院(呼吸) labels the hospital's field: a short name
			// keeps characters of the full one in order (浙大一院), a second
			// name is a name of its own kind (四川省中医医院).
			if short != "" && !isSubsequence(short, o.name) && !isSecondName(short) {
				continue
			}
			// A long bracket is a second full name or an explanation.
			if utf8.RuneCountInString(short) > 8 && !isSecondName(short) {
				continue
			}
			if short != "" && short != o.name && !strings.HasPrefix(o.name, short) {
				out[short] = o
			}
		}
	}
	return out
}

// isSecondName reports whether a bracketed name is a hospital's name of its
// own kind (四川省中医医院, 上海市红房子妇产科医院, 洛阳市妇女儿童医疗保健中心),
// which the hospital also goes by.
func isSecondName(name string) bool {
	return orgSuffixOf(name, "") != nil || strings.HasSuffix(name, "保健中心")
}

// bracketAt reads the bracket, half- or full-width, that opens text: its
// inner text and the byte length of the whole bracket, 0 when text opens
// none or it is not closed.
func bracketAt(text string) (inner string, n int) {
	for _, b := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if !strings.HasPrefix(text, b[0]) {
			continue
		}
		k := strings.Index(text[len(b[0]):], b[1])
		if k < 0 {
			return "", 0
		}
		return text[len(b[0]) : len(b[0])+k], len(b[0]) + k + len(b[1])
	}
	return "", 0
}

// bracketedAfter returns the text of a bracket that opens text, if it is a
// short or second name: two to sixteen Chinese characters.
func bracketedAfter(text string) string {
	inner, size := bracketAt(text)
	if size == 0 {
		return ""
	}
	// (以下简称“苏州医工所”): the short name after the words that announce it.
	for _, w := range []string{"以下简称", "以下称", "下称", "简称"} {
		if strings.HasPrefix(inner, w) {
			inner = strings.Trim(strings.TrimPrefix(inner, w), "“”\"'‘’:： ")
			break
		}
	}
	n := utf8.RuneCountInString(inner)
	if n < 2 || n > 16 {
		return ""
	}
	for _, r := range inner {
		if !unicode.Is(unicode.Han, r) {
			return ""
		}
	}
	return inner
}

// addAbbreviationMentions adds a mention for every occurrence of a bracketed
// short name in the sentence. A name found by the suffix rules that starts
// inside the short name (院之江院区 of 浙大一院之江院区) is cut to start after it.
// The short names are read in the order of abbrs (shortNameOrder), so that a
// longer one covers a shorter one inside it whatever the map's order.
func addAbbreviationMentions(st *sentenceText, orgs []*orgMention, abbrs []string, short map[string]*orgMention) []*orgMention {
	for _, abbr := range abbrs {
		full := short[abbr]
		// Most sentences hold none of the short names.
		if !st.mayContain(abbr) {
			continue
		}
		for _, k := range indexAll(st.Text, abbr) {
			start, end := st.Start+k, st.Start+k+len(abbr)
			covered := false
			for _, o := range orgs {
				if o.start <= start && end <= o.end {
					covered = true
				}
				// A second name the suffix rules read as a unit
				// (…医疗保健中心) is the organisation's.
				if o.start == start && o.end == end && o.typ == Department && full.typ != Department {
					o.typ, o.suffix, o.parent = full.typ, full.suffix, nil
				}
			}
			if covered {
				continue
			}
			for _, o := range orgs {
				if start < o.start && o.start < end && end < o.end {
					o.start = end
					o.name = st.at(end, o.end)
				}
			}
			orgs = append(orgs, &orgMention{start: start, end: end, name: abbr, typ: full.typ, suffix: full.suffix})
		}
	}
	return orgs
}

// shortNameOrder lists the short names longest first, then in byte order.
func shortNameOrder(short map[string]*orgMention) []string {
	abbrs := make([]string, 0, len(short))
	for abbr := range short {
		abbrs = append(abbrs, abbr)
	}
	slices.SortFunc(abbrs, func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return abbrs
}

// specialtyWords name the kind of a hospital: 肿瘤医院 after 附属 is no short
// name of its own, since every city has one.
var specialtyWords = newWordList([]string{
	"肿瘤", "口腔", "儿童", "妇产", "妇幼", "眼科", "中医", "中西医结合", "传染病", "精神", "胸科",
	"心血管", "人民", "中心", "骨科", "康复", "第一", "第二", "第三", "第四", "第五", "第六", "第七",
	"第八", "第九", "第十", "医学院", "临床",
})

// affiliatedShortNames returns, for hospitals named X大学附属Y医院, X大学Y医院
// or after their place (天津市海河医院, 北京积水潭医院) in the
// article, the short name Y医院 (仁济医院 of 上海交通大学医学院附属仁济医院),
// which articles use on their own afterwards. A Y that only says what kind
// of hospital it is (肿瘤医院, 第一医院) is left out.
func affiliatedShortNames(facts []sentenceFacts) map[string]*orgMention {
	out := make(map[string]*orgMention)
	for _, f := range facts {
		for _, o := range f.orgs {
			if o.ref || o.typ != Hospital {
				continue
			}
			tail := ""
			if k := strings.LastIndex(o.name, "附属"); k >= 0 {
				tail = o.name[k+len("附属"):]
			} else if p := placeAt(o.name); p != "" && hasAnyPrefix(o.name[len(p):], []string{"市", "省", "县", "区"}) == "" {
				// 北京积水潭医院, 天津市海河医院: the name without its place.
				tail = strings.TrimPrefix(strings.TrimPrefix(o.name[len(p):], "市"), "省")
			} else if k := strings.LastIndex(o.name, "大学"); k > 0 && strings.Count(o.name, "医院") == 1 {
				// 首都医科大学宣武医院: the name without its university.
				tail = o.name[k+len("大学"):]
			}
			if tail == "" || tail == o.name {
				continue
			}
			core := strings.TrimSuffix(tail, "医院")
			for w := specialtyWords.prefixOf(core); w != ""; w = specialtyWords.prefixOf(core) {
				core = core[len(w):]
			}
			if utf8.RuneCountInString(core) < 2 || !strings.HasSuffix(tail, "医院") || strings.ContainsAny(firstRunes(core, 1), "市省县区第") {
				continue
			}
			// Two hospitals with one short name: it names neither.
			if have, ok := out[tail]; ok && have != nil && have.name != o.name {
				out[tail] = nil
				continue
			}
			out[tail] = o
		}
	}
	return out
}

// mayContainAny reports whether one of words may occur in the sentence.
func mayContainAny(st *sentenceText, words []string) bool {
	for _, w := range words {
		if st.mayContain(w) {
			return true
		}
	}
	return false
}

// hospitalAbbreviations finds short names made of characters of a hospital's
// full name in order, ending in 院 (温医大附一院 of 温州医科大学附属第一医院,
// 衡水二院 of 衡水市第二人民医院), which no suffix rule finds, and returns
// them with the mention of the full name.
func hospitalAbbreviations(facts []sentenceFacts) map[string]*orgMention {
	var fulls []*orgMention
	named := make(map[string]bool) // every name the suffix rules found
	for _, f := range facts {
		for _, o := range f.orgs {
			if !o.ref && o.typ == Hospital && utf8.RuneCountInString(o.name) >= 6 && !named[o.name] {
				fulls = append(fulls, o)
			}
			named[o.name] = true
		}
	}
	out := make(map[string]*orgMention)
	if len(fulls) == 0 {
		return out
	}
	// 吉大二院 may stand for 吉林大学第二医院, which the text names only at
	// the head of its branch's name (吉林大学第二医院通榆医院).
	// branchRest holds, for such a parent, what its branches' names add
	// (新疆医院 of 西安交通大学第二附属医院新疆医院): 西安交大二附院新疆医院
	// is the branch, not the parent.
	branchRest := make(map[*orgMention][]string)
	for _, full := range fulls {
		p := impliedParentOf(full.name)
		if p == "" {
			continue
		}
		if !named[p] {
			named[p] = true
			parent := &orgMention{start: full.start, end: full.start + len(p), name: p, typ: Hospital, suffix: "医院"}
			fulls = append(fulls, parent)
			branchRest[parent] = append(branchRest[parent], full.name[len(p):])
			continue
		}
		for m := range branchRest {
			if m.name == p {
				branchRest[m] = append(branchRest[m], full.name[len(p):])
			}
		}
	}
	var firsts runeSet
	var firstChars []string
	for _, full := range fulls {
		r, _ := utf8.DecodeRuneInString(full.name)
		if !firsts.has(r) {
			firstChars = append(firstChars, firstRunes(full.name, 1))
		}
		firsts.add(r)
	}
	for _, f := range facts {
		text := f.st.Text
		if !strings.Contains(text, "院") || !mayContainAny(f.st, firstChars) {
			continue
		}
		// Three to seven characters ending in 院 (北大医院 is found by its
		// suffix already): look back from every 院 for a first character.
		for at := 0; ; {
			k := strings.Index(text[at:], "院")
			if k < 0 {
				break
			}
			end := at + k + len("院")
			at = end
			i := end - len("院")
			for n := 2; n <= 7 && i > 0; n++ {
				r, size := utf8.DecodeLastRuneInString(text[:i])
				i -= size
				if n < 3 || !firsts.has(r) {
					continue
				}
				cand := text[i:end]
				// 浙江大学医学院 is a body of its own, not short for
				// 浙江大学医学院附属第一医院.
				if strings.Contains(cand, "医院") || named[cand] ||
					hasAnySuffix(cand, []string{"学院", "研究院", "科学院", "工程院", "疗养院", "保健院", "卫生院", "书院"}) != "" {
					continue
				}
				for _, full := range fulls {
					if first, _ := utf8.DecodeRuneInString(full.name); first != r {
						continue
					}
					// 吉大一院 is short for 吉林大学第一医院, not for its
					// branch 吉林大学第一医院敦化医院: the shortest full name.
					if isSubsequence(cand, full.name) && cand != full.name && (out[cand] == nil || len(full.name) < len(out[cand].name)) {
						if hasAnyPrefix(text[end:], branchRest[full]) != "" {
							continue
						}
						out[cand] = full
					}
				}
			}
		}
	}
	return out
}
