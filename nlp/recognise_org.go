package nlp

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// orgMention is an organisation or department named in a sentence, before
// alias resolution. Offsets are byte offsets into Document.Text.
type orgMention struct {
	start, end int
	name       string
	typ        EntityType
	suffix     string
	// parent is the organisation a department is named with (北大医院整形烧伤外科),
	// or nil.
	parent *orgMention
	// ref marks a reference to the article's own hospital (我院, 本院, 总院).
	ref bool
	// body is the character by which a department's own body is named
	// before it (局 of 局人事科): the publisher of a notice, if it is one.
	body string
	// teaching marks a body named as the one a hospital teaches for
	// (成为浙江大学医学院教学医院): the mention is the body.
	teaching bool
	// media marks a news outlet (生活报, 敦化市融媒体中心): bylines in its
	// sentence work for it.
	media bool
}

// sentenceText gives positions inside one sentence: tokens tell where gse
// cut the text, which decides whether a one-character boundary word really
// stands on its own.
type sentenceText struct {
	Sentence
	// toks are in text order, one after another with no gap (gse cuts the
	// whole sentence), so the token at an offset is found by binary search
	// rather than through a per-byte index the size of the text.
	toks []Token
	// chars holds the characters of the sentence, so that a word with a
	// character the sentence lacks is not searched for.
	chars charFilter
	// boundary remembers, per byte offset and for names without and with
	// connectors inside, the length of the boundary word ending there (-1:
	// none, 0: not looked up yet).
	boundary [2][]int8
}

func newSentenceText(s Sentence, toks []Token) *sentenceText {
	st := &sentenceText{Sentence: s, toks: toks}
	for i := 0; i+2 < len(s.Text); i++ {
		if utf8.RuneStart(s.Text[i]) {
			st.chars.add(s.Text[i : i+3])
		}
	}
	return st
}

// mayContain reports whether word can occur in the sentence: false means
// it certainly does not, and saves a search through the text. Where word
// occurs, every character of it starts a window of the sentence too.
func (st *sentenceText) mayContain(word string) bool {
	for i := 0; i+2 < len(word); i++ {
		if utf8.RuneStart(word[i]) && !st.chars.has(word[i:i+3]) {
			return false
		}
	}
	return true
}

// at returns the text between two document offsets inside the sentence.
func (st *sentenceText) at(start, end int) string {
	return st.Text[start-st.Start : end-st.Start]
}

// firstTokenFrom returns the index of the first token that starts at or
// after the document offset off, or len(st.toks).
func (st *sentenceText) firstTokenFrom(off int) int {
	lo, hi := 0, len(st.toks)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if st.toks[mid].Start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// isCut reports whether gse cut the text at the document offset off.
func (st *sentenceText) isCut(off int) bool {
	_, starts := st.tokenAt(off)
	_, ends := st.tokenEndingAt(off)
	return starts || ends
}

// tokenAt returns the token starting at off, if any.
func (st *sentenceText) tokenAt(off int) (Token, bool) {
	if i := st.firstTokenFrom(off); i < len(st.toks) && st.toks[i].Start == off {
		return st.toks[i], true
	}
	return Token{}, false
}

// tokenEndingAt returns the token that ends at off, if any: the last one
// starting before off, as tokens do not overlap.
func (st *sentenceText) tokenEndingAt(off int) (Token, bool) {
	if i := st.firstTokenFrom(off); i > 0 && st.toks[i-1].End == off {
		return st.toks[i-1], true
	}
	return Token{}, false
}

// orgRefs are the words an article uses for its own hospital, and
// schoolRefs those a university's article uses for the university.
var (
	orgRefs    = []string{"我院", "本院", "总院", "该院"}
	schoolRefs = []string{"我校", "本校"}
)

// recogniseOrganisations finds the hospitals, institutions and departments
// named in one sentence. A name is found from its suffix (…医院, …大学, …科)
// and grown to the left until a word that cannot be part of a name.
func recogniseOrganisations(st *sentenceText) []*orgMention {
	var orgs []*orgMention
	text := st.Text
	for i, r := range text {
		// Most characters end no suffix: look no further for them.
		if !suffixEnds.has(r) {
			continue
		}
		if before := suffixPenults[r]; before != nil {
			if p, _ := utf8.DecodeLastRuneInString(text[:i]); !before.has(p) {
				continue
			}
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		if m := orgEndingAt(st, st.Start+i+n); m != nil {
			orgs = append(orgs, m)
		}
	}
	// Most sentences hold none of the fixed names and references.
	for _, w := range standaloneInstitutions {
		if !st.mayContain(w) {
			continue
		}
		for _, k := range indexAll(text, w) {
			s := st.Start + k
			orgs = append(orgs, &orgMention{start: s, end: s + len(w), name: w, typ: Institution, suffix: w})
		}
	}
	for _, w := range orgRefs {
		if !st.mayContain(w) {
			continue
		}
		for _, k := range indexAll(text, w) {
			// 总院长: the title of a hospital's head, not its main site.
			if strings.HasPrefix(text[k+len(w):], "长") {
				continue
			}
			s := st.Start + k
			orgs = append(orgs, &orgMention{start: s, end: s + len(w), name: w, typ: Hospital, ref: true})
		}
	}
	for _, w := range schoolRefs {
		if !st.mayContain(w) {
			continue
		}
		for _, k := range indexAll(text, w) {
			s := st.Start + k
			orgs = append(orgs, &orgMention{start: s, end: s + len(w), name: w, typ: Institution, ref: true})
		}
	}
	extendByPlaceBracket(st, orgs)
	orgs = append(orgs, knownOrganisations(st, orgs)...)
	orgs = append(orgs, recogniseMedia(st, orgs)...)
	orgs = completeLists(st, orgs)
	orgs = sharedKinds(st, orgs)
	orgs = splitParents(promoteOrgans(orgs))
	cutOverlaps(orgs)
	return splitCoordinated(dropNested(orgs))
}

// extendByPlaceBracket takes a place in brackets right after a hospital's
// name into it: 山东大学齐鲁医院(青岛) is the Qingdao hospital of 山东大学齐鲁医院,
// a hospital of its own.
func extendByPlaceBracket(st *sentenceText, orgs []*orgMention) {
	for _, o := range orgs {
		if o.typ != Hospital || o.ref {
			continue
		}
		inner, n := bracketAt(st.at(o.end, st.End))
		if n == 0 || placeAt(inner) != inner && places().prefectures.prefixOf(inner) != inner {
			continue
		}
		o.end += n
		o.name = st.at(o.start, o.end)
	}
}

// orgFinals are the characters an organisation's name without a suffix
// rule still ends in: 哈医大, 北医三院, 中组部, 联合报.
const orgFinals = "院大部报社委局所办"

// knownOrganisations finds the organisations gse's dictionary knows by name
// (nt): abbreviations no suffix rule reads (哈医大, 哈医大二院, 北医三院).
// Kinds of body (人民政府, 卫生院) and generic words are left out.
func knownOrganisations(st *sentenceText, orgs []*orgMention) []*orgMention {
	var out []*orgMention
	for i := range st.toks {
		t := &st.toks[i]
		if t.POS != "nt" || len(t.Text) < 9 || insideOrg(orgs, t.Start) || insideOrg(orgs, t.End-1) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(t.Text)
		if !strings.ContainsRune(orgFinals, last) {
			continue
		}
		if suf := orgSuffixOf(t.Text, ""); suf != nil && (suf.text == t.Text || stripGeneric(strings.TrimSuffix(t.Text, suf.text)) == "") {
			continue
		}
		if d := deptSuffixOf(t.Text, ""); d != "" && !strings.HasSuffix(t.Text, "部") {
			continue
		}
		typ := Institution
		if last == '院' && hasAnySuffix(t.Text, []string{"学院", "研究院", "科学院", "工程院", "法院", "检察院", "国务院", "书院", "党校"}) == "" {
			typ = Hospital
		}
		out = append(out, &orgMention{start: t.Start, end: t.End, name: t.Text, typ: typ, suffix: string(last)})
	}
	return out
}

// cutOverlaps starts a hospital name that begins inside another one after
// it (体集团坎门分院 of 某健共体集团坎门分院 → 坎门分院): gse cut the group's
// name apart, and the branch's own name follows it.
func cutOverlaps(ms []*orgMention) {
	for _, m := range ms {
		if m.typ != Hospital || m.ref {
			continue
		}
		for _, o := range ms {
			if o != m && o.typ != Department && !o.ref && o.start < m.start && m.start < o.end && o.end < m.end {
				m.name = m.name[o.end-m.start:]
				m.start = o.end
			}
		}
	}
}

// splitParents cuts the organisation off the front of a department named
// with it (北大医院整形烧伤外科 → 整形烧伤外科 of 北大医院). A longer
// organisation read inside the department's name (某医院党委 of
// 某医院党委办公室) is a misreading and goes.
func splitParents(ms []*orgMention) []*orgMention {
	misread := make(map[*orgMention]bool)
	for _, d := range ms {
		if d.typ != Department {
			continue
		}
		// The longest organisation that leaves a unit's name: 某医院党委办公室
		// is 党委办公室 of the hospital, not 办公室 of its 党委.
		var best *orgMention
		for _, o := range ms {
			if o == d || o.typ == Department || o.start != d.start || o.end >= d.end || !isDeptName(d.name[o.end-d.start:], d.suffix) {
				continue
			}
			if best == nil || o.end > best.end {
				best = o
			}
		}
		if best == nil {
			continue
		}
		for _, o := range ms {
			if o != d && o.typ != Department && o.start == d.start && o.end > best.end && o.end < d.end {
				misread[o] = true
			}
		}
		d.name = d.name[best.end-d.start:]
		d.start = best.end
		d.parent = best
	}
	if len(misread) == 0 {
		return ms
	}
	out := ms[:0]
	for _, o := range ms {
		if !misread[o] {
			out = append(out, o)
		}
	}
	return out
}

// orgEndingAt returns the organisation or department whose name ends at the
// document offset end, if one does.
func orgEndingAt(st *sentenceText, end int) *orgMention {
	before := st.at(st.Start, end)
	// Most characters end no suffix: look no further for them.
	if last, _ := utf8.DecodeLastRuneInString(before); !suffixEnds.has(last) {
		return nil
	}
	after := st.at(end, st.End)
	if designation(after) {
		return nil
	}
	if suf := orgSuffixOf(before, after); suf != nil {
		if suffixInsideVerb(st, end-len(suf.text)) {
			return nil
		}
		// 台中荣总院长: 院 opens the title after 荣总 (荣民总医院), not a 总院;
		// 台北荣民总医院总院长: a hospital's head over its branches.
		if suf.text == "总院" && strings.HasPrefix(after, "长") && (strings.HasSuffix(before, "荣总院") || strings.HasSuffix(before, "医院总院")) {
			return nil
		}
		// 市委常委, 党委委员: a title that ends in the suffix's character.
		if t := titles.suffixOf(before); len(t) > len(suf.text) {
			return nil
		}
		// Bodies named by their place (市信访局) hold a place or a level
		// word: without one near, no need to read where a name would start.
		if suf.typ == Institution && needsPlace(suf.text) && !bareAllowed(suf.text) {
			if near := lastRunes(strings.TrimSuffix(before, suf.text), 15); !strings.ContainsAny(near, "省市县区州旗盟镇乡") && !namedByField(near) && placeAt(near) == "" {
				return nil
			}
		}
		start := nameStart(st, end-len(suf.text), suf.text)
		if suf.typ == Institution && !bareAllowed(suf.text) && needsPlace(suf.text) {
			name := st.at(start, end)
			// 五指山市人民政府委市合作: a body's name right before is no
			// part of another's (委 and 市 of 委市合作).
			if orgSuffixOf(strings.TrimSuffix(name, suf.text), "") != nil {
				return nil
			}
			if placeAt(name) == "" && !levelWordAt(name) {
				// 衞生署, 醫務衞生局: a body named by its field alone.
				if !namedByField(name) || utf8.RuneCountInString(name) < 3 {
					return nil
				}
				return &orgMention{start: start, end: end, name: name, typ: Institution, suffix: suf.text}
			}
		}
		// 入院区, 住院区: 院 belongs to the verb before it, not to a campus;
		// 医院区域 holds a hospital, not a campus.
		if suf.text == "院区" && hasAnySuffix(strings.TrimSuffix(before, "院区"), []string{"入", "出", "住", "来", "到", "回", "医"}) != "" {
			return nil
		}
		// 指导长沙市望城区人民医院: a verb of unit names (指导, 管理) before a
		// place is the sentence's verb; the name starts at the place.
		if t, ok := st.tokenAt(start); ok && t.End < end && len(t.Text) > 3 && (strings.HasPrefix(t.POS, "v") || isNameVerb(t.Text)) && startsPlace(st, t.End) {
			start = t.End
		}
		// 第五家医院南平鹭康医院: a bare 医院 before a name is the word, not
		// part of the name.
		if rest := st.at(start, end-len(suf.text)); strings.HasPrefix(rest, "医院") && len(rest) > len("医院") && suf.typ == Hospital {
			start += len("医院")
		}
		name := st.at(start, end)
		// 94755部队: a military unit is named by its number.
		if suf.text == "部队" {
			for start > st.Start {
				r, n := utf8.DecodeLastRuneInString(st.at(st.Start, start))
				if r < '0' || r > '9' {
					break
				}
				start -= n
			}
			name = st.at(start, end)
		}
		// Zones and the army's units are named by a place or a number
		// (城南新区, 94755部队); 防控示范区 names a kind.
		if zoneKinds[suf.text] && !hasNameAnchor(st, start, name, suf.text) && !unicode.IsDigit(firstRune(name)) {
			return nil
		}
		// 作为黑龙江省癌症中心, 区域性口腔医学中心: a title given, not a name;
		// 湖南省肿瘤医院技术指导医院 is what the one is to the other.
		if isDesignatedCentre(st, start, name) || strings.Contains(name, "区域") || hasAnySuffix(name, roleKinds) != "" {
			return nil
		}
		// 醫院管理局(醫管局): a body the text gives a short name of its own
		// is named, whatever words it is made of.
		if isDistinctiveName(st, start, name, suf.text, suf.typ) || introducesShortName(name, st.at(end, st.End)) || isSchoolHospital(st, start, name) {
			// 获批浙江中医药大学附属医院: approved as the university's
			// affiliated hospital, a title, not a hospital of that name.
			if strings.HasSuffix(name, "附属医院") && hasAnySuffix(st.at(st.Start, start), []string{"获批", "获批为", "批准为"}) != "" {
				if m := teachingBody(start, strings.TrimSuffix(name, "附属医院")+"教学医院"); m != nil {
					return m
				}
			}
			if m := teachingBody(start, name); m != nil {
				return m
			}
			return &orgMention{start: start, end: end, name: name, typ: suf.typ, suffix: suf.text}
		}
		// 19家社区卫生服务中心 is a kind of hospital, not a department; a
		// 医学中心 named by words of medicine and no place (远程医学中心,
		// 生殖医学中心) is a hospital's unit.
		if suf.text != "医学中心" || !madeOfWords(st, start, end-len(suf.text)) {
			return nil
		}
	}
	if dsuf := deptSuffixOf(before, after); dsuf != "" {
		// 干部, 全部, 学科: most candidates end in a word that is no unit;
		// reject them before reading where a name would start.
		if e := notDeptEndings.suffixOf(before); e != "" && !strings.HasSuffix(before, "医学科") && len(e) > len(dsuf) {
			return nil
		}
		if suffixInsideVerb(st, end-len(dsuf)) {
			return nil
		}
		start := nameStart(st, end-len(dsuf), dsuf)
		// 医院护理部: the bare word 医院 is the article's hospital, not part of the name.
		if rest := st.at(start, end-len(dsuf)); strings.HasPrefix(rest, "医院") && len(rest) > len("医院") {
			start += len("医院")
		}
		// 局人事科, 委办公室: a notice names its own body by one character.
		body := ""
		if rest := st.at(start, end-len(dsuf)); len(rest) > 3 {
			if b := firstRunes(rest, 1); strings.Contains("局委厅", b) {
				body = b
				start += len(b)
			}
		}
		name := st.at(start, end)
		// 胸痛中心联盟: a unit's kind naming an alliance is no unit.
		if hasAnyPrefix(after, []string{"联盟", "专科联盟", "医联体"}) != "" {
			return nil
		}
		if isDeptName(name, dsuf) && !followsNumber(st, start) && !isVerbWord(st, start, end) && !ownedByMany(st, start) &&
			st.isCut(start) && !isDesignatedCentre(st, start, name) && !shortUnitMisread(st, start, name, dsuf) {
			// 中组部, 人社部: a ministry named by its abbreviation.
			if dsuf == "部" && isAbbreviatedBody(st, start, end) {
				return &orgMention{start: start, end: end, name: name, typ: Institution, suffix: dsuf}
			}
			return &orgMention{start: start, end: end, name: name, typ: Department, suffix: dsuf, body: body}
		}
	}
	return nil
}

// zoneKinds are suffixes of bodies named only by a place or a number.
var zoneKinds = map[string]bool{
	"新区": true, "开发区": true, "经济开发区": true, "经济技术开发区": true, "高新区": true, "示范区": true, "度假区": true,
	"战区": true, "部队": true,
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// roleKinds name what one hospital is to another (X技术指导医院, X协作医院):
// a role, never a hospital's name.
var roleKinds = []string{"技术指导医院", "指导医院", "协作医院", "合作医院", "帮扶医院", "托管医院", "定点医院", "成员医院", "对口医院", "受援医院", "支援医院", "联盟医院"}

// introducesShortName reports whether a name is followed by a bracket
// holding a shorter name made of its characters in order (医院管理局(医管局)).
func introducesShortName(name, after string) bool {
	inner, n := bracketAt(after)
	return n > 0 && utf8.RuneCountInString(inner) >= 2 && len(inner) < len(name) && isSubsequence(inner, name) && firstRunes(inner, 1) == firstRunes(name, 1)
}

// placeKinds end the names of government bodies that are named by their
// place (江苏省中医药局, 省商务厅, 市信访局, 县委政法委): without a place or a
// level word before them they name no one in particular.
var placeKinds = []string{"局", "厅", "委", "署"}

func needsPlace(suffix string) bool { return slices.Contains(placeKinds, suffix) }

// governmentFields name what a bureau or department of a government is for:
// Hong Kong's, Macau's and Taiwan's are named by their field alone
// (衞生署, 醫務衞生局, 食物及衞生局), as a mainland body is by its place.
var governmentFields = []string{"卫生", "医务", "福利", "食物", "社会", "劳工", "民政", "保安", "公安", "财政", "统计", "教育", "环境", "渔农"}

// namedByField reports whether a body's name holds a field of government.
func namedByField(name string) bool {
	for _, f := range governmentFields {
		if strings.Contains(name, f) {
			return true
		}
	}
	return false
}

// levelWordAt reports whether a name opens with a level word that stands
// for the local place (市信访局, 省商务厅, 县委政法委).
func levelWordAt(name string) bool {
	return strings.ContainsAny(firstRunes(name, 1), "省市县区州旗") && utf8.RuneCountInString(name) > 2
}

// designationVerbs make what follows a title given to the subject
// (作为黑龙江省癌症中心, 被确定为…治疗中心): a centre named after one of them
// is a designation, not an organisation.
var designationVerbs = []string{"作为", "成为", "确定为", "认定为", "评为", "列为", "被确定为", "是", "为", "获批", "获评", "挂牌"}

// isDesignatedCentre reports whether a …中心 starting at start follows a
// designation verb, or the list of centres it stands in does.
func isDesignatedCentre(st *sentenceText, start int, name string) bool {
	if !strings.HasSuffix(name, "中心") {
		return false
	}
	// 成为国家癌症中心首批…基地: the centre names the one that designates.
	if after := st.at(start+len(name), st.End); after != "" && hasAnyPrefix(after, []string{",", "，", "、", "和", "及", "。", ";", "；", "等", "建设", "工作", "的"}) == "" {
		return false
	}
	before := st.at(st.Start, start)
	// 是黑龙江省传染病防治中心和黑龙江省…治疗中心: a list of designations.
	for _, sep := range []string{"和", "、", "及"} {
		if k := strings.LastIndex(before, sep); k >= 0 && k+len(sep) == len(before) {
			if c := strings.LastIndexAny(before[:k], ",，。;；"); c >= 0 {
				before = before[:c+1] + before[:k][c+1:]
			}
			if strings.HasSuffix(before[:k], "中心") {
				inner := before[:k]
				if c := strings.LastIndexAny(inner, ",，。;；"); c >= 0 {
					inner = inner[c+1:]
				}
				return hasAnyPrefix(inner, designationVerbs) != "" || strings.Contains(inner, "作为") || strings.Contains(inner, "是")
			}
		}
	}
	return hasAnySuffix(before, designationVerbs) != ""
}

// shortUnitMisread reports whether a two-character unit name is a word of
// the sentence rather than a unit: a 处, 部, 司 or 室 named by one character
// (做到实处, 6所部立), or a 办 or 科 after a character gse reads as an adverb,
// verb or function word (越办越好).
func shortUnitMisread(st *sentenceText, start int, name, suffix string) bool {
	// 扬州市中医专科联盟越办: the unit left once its organisation is cut off.
	if n := utf8.RuneCountInString(name); n > 2 && len(suffix) == 3 {
		tail := lastRunes(name, 2)
		if orgSuffixOf(strings.TrimSuffix(name, tail), "") != nil {
			return shortUnitMisread(st, start+len(name)-len(tail), tail, suffix)
		}
	}
	if utf8.RuneCountInString(name) != 2 || len(suffix) != 3 {
		return false
	}
	switch suffix {
	case "处", "部", "司", "室":
		return true
	}
	t, ok := st.tokenAt(start)
	return ok && utf8.RuneCountInString(t.Text) == 1 && functionPOS[t.POS]
}

// isAbbreviatedBody reports whether a unit name is a body's abbreviation:
// one word gse knows as an organisation (中组部/nt), or two characters gse
// cut one by one before the suffix (人/社/部, 卫/福/部).
func isAbbreviatedBody(st *sentenceText, start, end int) bool {
	if t, ok := st.tokenAt(start); ok && t.End == end {
		return t.POS == "nt"
	}
	n := 0
	for _, t := range st.toks[st.firstTokenFrom(start):] {
		if t.Start >= end {
			break
		}
		if utf8.RuneCountInString(t.Text) != 1 {
			return false
		}
		n++
	}
	return n == 3
}

// partyOrgans are the units of a Party committee or a government that are
// bodies of their own (市委组织部, 县委宣传部, 市政府办公室).
var partyOrgans = []string{"组织部", "宣传部", "统战部", "政法委", "办公室", "编办", "网信办", "巡察办", "农办", "台办", "外办", "侨办", "研究室", "政研室"}

// committeeOrGovernment matches a place's Party committee or government:
// 市委, 中共上海市委, 自治区党委, 开发区党工委, 县政府, and a university's
// Party committee (暨南大学党委, 校党委), whose organs are bodies too; not a
// hospital's 党委, whose offices are its units.
var committeeOrGovernment = regexp.MustCompile(`^((中共)?[^院校司]*[省市县区州旗盟](委|党委|党工委|工委|政府|人民政府)|[^院]*(大学|学院|学校|校)党委)$`)

// promoteOrgans makes a Party committee's or a government's organ named
// with it (市委组织部) an institution of its own; the committee read inside
// its name goes (GUIDE.md: an organisation inside another's name).
func promoteOrgans(ms []*orgMention) []*orgMention {
	misread := make(map[*orgMention]bool)
	for _, d := range ms {
		if d.typ != Department {
			continue
		}
		for _, o := range ms {
			if o == d || o.typ != Institution || o.start != d.start || o.end >= d.end || !committeeOrGovernment.MatchString(o.name) {
				continue
			}
			if slices.Contains(partyOrgans, d.name[o.end-d.start:]) {
				d.typ = Institution
				misread[o] = true
			}
		}
	}
	if len(misread) == 0 {
		return ms
	}
	out := ms[:0]
	for _, o := range ms {
		if !misread[o] {
			out = append(out, o)
		}
	}
	return out
}

// manyOwners are words for a set of unnamed organisations: a unit named
// after one (成员单位卒中中心, 各分院胸痛中心) belongs to none the text names.
var manyOwners = []string{"成员单位", "各成员单位", "各分院", "各医院", "基层医院", "各单位"}

// ownedByMany reports whether a unit name starting at start follows one of
// the manyOwners.
func ownedByMany(st *sentenceText, start int) bool {
	before := st.at(st.Start, start)
	if hasAnySuffix(before, manyOwners) != "" {
		return true
	}
	// 帮助受援医院加强胸痛中心建设: the units of the hospitals helped,
	// whichever they are.
	if c := strings.LastIndexAny(before, ",，;；。"); c >= 0 {
		before = before[c:]
	}
	return strings.Contains(before, "受援医院") || strings.Contains(before, "受援单位")
}

// madeOfWords reports whether the text from start to end is one or more
// words of gse's dictionary: no characters it could not read as words, as
// it cannot in an unknown place name (好/a 怀/v 密/a).
func madeOfWords(st *sentenceText, start, end int) bool {
	if start >= end {
		return false
	}
	for _, t := range st.toks[st.firstTokenFrom(start):] {
		if t.Start >= end {
			break
		}
		if utf8.RuneCountInString(t.Text) < 2 || t.POS == "ns" || t.POS == "nr" {
			return false
		}
	}
	return true
}

// designation reports whether what follows a name turns it into a title
// given to something else (…病房示范基地, …医院建设单位).
func designation(after string) bool {
	return hasAnyPrefix(after, []string{"示范", "基地", "试点", "建设单位", "创建单位"}) != ""
}

// suffixInsideVerb reports whether the suffix starts inside a verb (入院区).
func suffixInsideVerb(st *sentenceText, off int) bool {
	// The only token that can hold off is the last one starting before it.
	if i := st.firstTokenFrom(off); i > 0 {
		if t := st.toks[i-1]; off < t.End {
			// 落到实处/l, 越办越好: a suffix inside an idiom or a verb; 控制中心/l
			// is a unit's kind.
			if t.POS == "l" || t.POS == "i" {
				return !isNameVerb(st.at(t.Start, off))
			}
			return (t.POS == "v" || t.POS == "vn") && !isNameVerb(t.Text)
		}
	}
	return false
}

// followsNumber reports whether a name stands after a number (三大病区): it
// counts units rather than naming one.
func followsNumber(st *sentenceText, off int) bool {
	r, _ := utf8.DecodeLastRuneInString(st.at(st.Start, off))
	// Arabic digits before a unit are a date or time (08:28宣传科), not a count.
	return strings.ContainsRune("一二三四五六七八九十百千几多两双", r)
}

// isVerbWord reports whether the whole name is one token that gse reads as a
// verb (建科).
func isVerbWord(st *sentenceText, start, end int) bool {
	t, ok := st.tokenAt(start)
	return ok && t.End == end && (t.POS == "v" || t.POS == "vn")
}

func orgSuffixOf(before, after string) *orgSuffix {
	candidates := orgSuffixes.endingWith(before)
	for i := range candidates {
		suf := &candidates[i]
		if !strings.HasSuffix(before, suf.text) {
			continue
		}
		if continuesWord(suf.text, after) {
			return nil
		}
		return suf
	}
	return nil
}

// suffixBreakers are what may follow a suffix when the suffix is really the
// start of a longer word (大学生, 学院派, 中心城区).
var suffixBreakers = map[string][]string{
	"大学":  {"生", "城", "路", "堂"},
	"学院":  {"派", "路"},
	"医院":  {"感染", "管理"},
	"中心":  {"城", "任务", "工作", "思想", "组学习", "组成员", "校区", "地位", "医院", "卫生院"},
	"联盟":  {"单位", "成员"},
	"医联体": {"建设", "内"},
	"党委":  {"书记", "副书记", "委员", "成员", "领导", "会", "常委"},
	"委":   {"员", "托", "派", "屈", "会"},
	"部队":  {"伍"},
	"局":   {"长", "面", "势", "部", "限"},
	"署":   {"长", "名", "理", "期"},
	"厅":   {"长", "堂"},
	"科":   {"学", "研", "技", "普", "室", "级", "教", "员", "系", "博", "协", "创", "大", "医院", "考", "目", "类"},
	"室":   {"内", "外"},
	"部":   {"门", "分", "署", "队", "长"},
	"办":   {"公", "理", "法", "实事", "医", "学", "好", "成"},
	"处":   {"理", "置", "于", "长"},
	"司":   {"机", "法", "长"},
	"门诊":  {"量", "楼", "部", "大厅", "患者", "服务", "流程", "系统", "综合楼"},
	"病房":  {"楼"},
	"病区":  {"楼", "域"},
}

func continuesWord(suffix, after string) bool {
	// 研究院士, 工程院士: 院 starts 院士.
	if strings.HasSuffix(suffix, "院") && strings.HasPrefix(after, "士") {
		return true
	}
	for _, b := range suffixBreakers[suffix] {
		if strings.HasPrefix(after, b) {
			return true
		}
	}
	return false
}

func deptSuffixOf(before, after string) string {
	for _, suf := range deptSuffixes.endingWith(before) {
		if !strings.HasSuffix(before, suf) {
			continue
		}
		if continuesWord(suf, after) {
			return ""
		}
		// 处处长, 科科长: the suffix starts the title, not the unit.
		if suffixStartsTitle(suf, after) {
			continue
		}
		return suf
	}
	return ""
}

// suffixStartsTitle reports whether suf is the first character of a title
// that after completes (处 of 处长 in 医政医管处处长), unless after holds a
// title of its own.
func suffixStartsTitle(suf, after string) bool {
	if titles.prefixOf(after) != "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(suf)
	for _, t := range titles.byFirst.get(r) {
		if len(t) > len(suf) && strings.HasPrefix(t, suf) && strings.HasPrefix(after, t[len(suf):]) {
			return true
		}
	}
	return false
}

// nameStart grows a name to the left of its suffix (which starts at
// suffixStart) and returns the offset where the name begins.
func nameStart(st *sentenceText, suffixStart int, suffix string) int {
	return placeStart(st, wordStart(st, suffixStart, suffix), suffixStart)
}

// properParts are gse's tags of the words proper names are made of.
var properParts = map[string]bool{"nt": true, "ns": true, "nz": true, "nr": true, "nrt": true, "j": true}

// placeStart starts a name at the first place it holds when only words of
// the sentence stand before that place (使/晴隆县人民医院, 助力/阿里地区人民医院):
// no word gse knows as part of a proper name, no character that ends a body's
// name (北京大学肿瘤医院内蒙古医院 keeps its start).
func placeStart(st *sentenceText, start, suffixStart int) int {
	for i := st.firstTokenFrom(start); i < len(st.toks) && st.toks[i].Start < suffixStart; i++ {
		k := st.toks[i].Start
		if k > start {
			if p := placeFrom(st.at(k, st.End)); p != "" && k+len(p) <= suffixStart {
				// 始兴县人民医院: a name that opens with a place keeps it
				// whole (兴县 is another county).
				if q := placeFrom(st.at(start, st.End)); q != "" && start+len(q) >= k+len(p) {
					return start
				}
				prefix := st.at(start, k)
				if strings.ContainsAny(prefix, "院学委局部厅会社所军团司") {
					return start
				}
				for _, t := range st.toks[st.firstTokenFrom(start):] {
					if t.Start >= k {
						break
					}
					if properParts[t.POS] {
						return start
					}
				}
				return k
			}
		}
	}
	return start
}

// wordStart grows a name to the left of its suffix (which starts at
// suffixStart) over the characters of names, to the last boundary word or
// word gse reads as no part of a name.
func wordStart(st *sentenceText, suffixStart int, suffix string) int {
	start := suffixStart
	runes := 0
	for start > st.Start && runes < 30 {
		r, n := utf8.DecodeLastRuneInString(st.at(st.Start, start))
		if !isNameRune(r) {
			break
		}
		start -= n
		runes++
	}
	// A date stands before the name: 15日柳州市…
	if start > st.Start {
		r, _ := utf8.DecodeLastRuneInString(st.at(st.Start, start))
		if unicode.IsDigit(r) {
			if c, n := utf8.DecodeRuneInString(st.at(start, suffixStart)); strings.ContainsRune("年月日号届期批次个家名", c) {
				start += n
			}
		}
	}
	// The name starts after the last boundary word before the suffix, or
	// after the last word gse reads as a verb, adverb or function word.
	connectorsInside := suffix == "实验室"
	for p := suffixStart; p > start; {
		// A verb of unit names right before the suffix is the unit's own
		// word (规划建设部), not the verb before a name (建设卒中中心).
		if w := boundaryWordEndingAt(st, start, p, connectorsInside); w != "" && !(p == suffixStart && len(w) > 3 && isNameVerb(w)) && !placeCovers(st, p-len(w), p) {
			// 成大医院: one character and 大 before the suffix are a
			// university's short name, not the adjective.
			if w == "大" && (p == suffixStart || strings.HasPrefix(st.at(p, st.End), "医院")) {
				if _, n := utf8.DecodeLastRuneInString(st.at(st.Start, p-len(w))); n > 0 && p-len(w)-n >= start && isUniversityShortForm(st, p-len(w)-n, st.at(p-len(w)-n, p)) {
					return p - len(w) - n
				}
			}
			if left, ok := joinedDiscipline(st, start, p-len(w), w, suffix); ok {
				return left
			}
			return p
		}
		// 应急/vn 司, 改革/vn 司: a verbal noun right before the suffix is the
		// unit's field, but no government is named by one (调动政府).
		field := p == suffixStart && !bareAllowed(suffix)
		// 昌平区南部医联体, 七台河七煤医院: a direction or a numeral right after
		// a place goes on with the name.
		afterPlace := false
		t, ok := st.tokenEndingAt(p)
		if ok && (t.POS == "f" || t.POS == "m") {
			afterPlace = placeEndsAt(st, t.Start)
		}
		if ok && t.Start >= start && cutsName(t, connectorsInside) && !(field && t.POS == "vn") && !afterPlace && !placeRunsThrough(st, t.Start, p) && !placeCovers(st, t.Start, t.End) && !continuesPlace(st, t) && !namesUniversity(st, t) && !ordinalBeforeSuffix(st, t, suffixStart) {
			return p
		}
		_, n := utf8.DecodeLastRuneInString(st.at(start, p))
		p -= n
	}
	return start
}

// cutsName reports whether a token cannot be inside a name: a verb, adverb,
// pronoun or function word, unless it is one of the verbs that name medical
// services (急诊, 放疗, 转化).
func cutsName(t Token, connectorsInside bool) bool {
	// Laboratory names are long descriptions (Ⅲ期肺癌精准低毒放疗转化研究实验室,
	// 肺结节及早期肺癌治疗实验室): inside them only a verb ends the name.
	if connectorsInside {
		return t.POS == "v" && !isNameVerb(t.Text)
	}
	// gse tags the characters of unknown place names as it can (正/d 安县,
	// 务/d 川/j, 道/q 真/d 自治县): a one-character token says too little to
	// cut a name. The function characters that do are boundary words.
	if utf8.RuneCountInString(t.Text) == 1 && t.POS != "m" {
		return false
	}
	switch t.POS {
	case "v", "vn", "vd", "vi", "d", "ad", "p", "c", "r", "u", "uj", "ul", "uz", "uv", "ud", "ug", "y", "e", "o", "f", "t", "q", "l", "i":
		return !isNameVerb(t.Text)
	case "m":
		return !strings.HasPrefix(t.Text, "第")
	}
	return false
}

// ordinalBeforeSuffix reports whether a numeral gse cut off is the ordinal
// of a hospital written without 第 (湘雅/二/医院, 附/二/院): one numeral
// character right before the suffix, after a character of the name. A count
// (三家医院) has a measure word between the numeral and the suffix.
func ordinalBeforeSuffix(st *sentenceText, t Token, suffixStart int) bool {
	if t.End != suffixStart || utf8.RuneCountInString(t.Text) != 1 || !strings.Contains("一二三四五六七八九十", t.Text) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(st.at(st.Start, t.Start))
	return unicode.Is(unicode.Han, r)
}

// namesUniversity reports whether a token gse read as a verb is the place a
// university is named after (遵义/v 医科大学): a verb never stands right
// before 医科大学 or 医学院 in news text.
func namesUniversity(st *sentenceText, t Token) bool {
	return hasAnyPrefix(st.at(t.End, st.End), []string{"医科大学", "医学院", "大学", "学院", "师范"}) != ""
}

// continuesPlace reports whether a one-character token gse read as a word
// of its own (直 "directly", 天 "day") is the first character of a place
// below the one before it: 金坛区直溪镇, 天宁区 after a list. A place name
// goes on past an administrative suffix.
func continuesPlace(st *sentenceText, t Token) bool {
	before := st.at(st.Start, t.Start)
	// 金坛/区直/溪镇: gse glued the suffix of one place to the next one.
	if first, _ := utf8.DecodeRuneInString(t.Text); strings.ContainsRune("区县市镇乡", first) && utf8.RuneCountInString(t.Text) == 2 {
		if r, _ := utf8.DecodeLastRuneInString(before); unicode.Is(unicode.Han, r) {
			return true
		}
	}
	if utf8.RuneCountInString(t.Text) != 1 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	if strings.ContainsRune("区县市镇乡省州旗", r) {
		return true
	}
	after := st.at(t.End, st.End)
	// 泽/普/县: a character right before an administrative suffix belongs to
	// the place name, whatever gse tagged it.
	if next, _ := utf8.DecodeRuneInString(after); strings.ContainsRune("区县市镇乡旗", next) {
		return true
	}
	// 、天宁区: a list of places or units starts a name after the comma.
	return strings.HasSuffix(before, "、") && strings.ContainsAny(firstRunes(after, 2), "区县市镇乡")
}

// placeEndsAt reports whether the name of a division of the gazetteer ends
// at the document offset off (昌平区 before 南部医联体).
func placeEndsAt(st *sentenceText, off int) bool {
	last, _ := utf8.DecodeLastRuneInString(st.at(st.Start, off))
	// A division's full name ends in its kind; else only a city's short
	// form (七台河) can end there.
	full := strings.ContainsRune("省市县区州旗盟镇乡", last)
	pl := places()
	k := off
	for n := 1; n <= 8 && k > st.Start; n++ {
		_, size := utf8.DecodeLastRuneInString(st.at(st.Start, k))
		k -= size
		if n < 2 {
			continue
		}
		rest := st.at(k, st.End)
		if full {
			if w := pl.divisions.prefixOf(rest); k+len(w) == off {
				return true
			}
		} else if w := pl.cities.prefixOf(rest); w != "" && k+len(w) == off {
			return true
		}
	}
	return false
}

// placeRunsThrough reports whether a place name starts inside [from, to)
// and goes on past it: gse cut 任内/蒙古 and 七台/河, but 内蒙古 and 七台河
// start the name.
func placeRunsThrough(st *sentenceText, from, to int) bool {
	for k := from; k < to; {
		if p := placeFrom(st.at(k, st.End)); p != "" && k+len(p) > to {
			return true
		}
		_, n := utf8.DecodeRuneInString(st.at(k, st.End))
		k += n
	}
	return false
}

// placeCovers reports whether a place name that starts before the document
// offset from runs to to or past it: gse cut 台/中 of 台中, and 中 is no
// direction or boundary word there.
func placeCovers(st *sentenceText, from, to int) bool {
	// Only a character gse cut off alone can be the tail of a place.
	if _, n := utf8.DecodeRuneInString(st.at(from, to)); n != to-from {
		return false
	}
	first := places().first
	k := from
	for n := 0; n < 3 && k > st.Start; n++ {
		r, size := utf8.DecodeLastRuneInString(st.at(st.Start, k))
		k -= size
		if !first.has(r) {
			continue
		}
		if p := placeAt(st.at(k, st.End)); p != "" && k+len(p) >= to {
			return true
		}
	}
	return false
}

// isNameVerb reports whether a word is one of the nameVerbs or part of one
// (治 of 治疗: gse may cut the verb apart).
func isNameVerb(w string) bool { return nameVerbSet[w] }

// nameVerbSet holds the nameVerbs and every part of them, so that a token
// is looked up once instead of searched for in the list.
var nameVerbSet = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(nameVerbs) {
		rs := []rune(w)
		for i := range rs {
			for j := i + 1; j <= len(rs); j++ {
				m[string(rs[i:j])] = true
			}
		}
	}
	return m
}()

// nameVerbs are verbs that stand inside the names of units and institutions.
const nameVerbs = "省立 市立 县立 区立 国立 私立 部立 结合 诊疗 急诊 放疗 化疗 转化 烧伤 介入 预防 控制 保健 康复 护理 治疗 防治 监护 评价 指导 管理 研究 整合 服务 规划 建设 检验 体检 创伤 透析 麻醉 移植 筛查 发展 教学 培训 研发 救援 急救 输血 病理 影像 超声 消毒 供应 采购 审计 宣传 保卫 组织 统战 纪检 监察 科研 工会 团委 信息 运营 营养 药学 感染 重症 老年 诊断 会诊 推拿 针灸 理疗 转诊 随访 转运 咨询 代谢 消化 呼吸 生殖 疼痛 睡眠 依赖 干预 监测 评估 矫治 种植 修复 正畸"

// boundaryWordEndingAt reports the boundary word that ends at p, if any. A
// one-character word counts only where gse cut the text around it, so that
// 大 in 北京大学 or 新 in 新疆 do not cut a name.
func boundaryWordEndingAt(st *sentenceText, lo, p int, connectorsInside bool) string {
	// Names are grown from every suffix over the same characters: the
	// answer at p, searched back to the sentence start, is remembered for
	// the sentence. It is the answer for lo too when it starts at lo or
	// after: the word found is the first that fits of a fixed order, and
	// the checks on it do not depend on lo.
	c := 0
	if connectorsInside {
		c = 1
	}
	if st.boundary[c] == nil {
		st.boundary[c] = make([]int8, len(st.Text)+1)
	}
	k := p - st.Start
	v := st.boundary[c][k]
	if v == 0 {
		w := boundaryWordEndingAtFrom(st, st.Start, p, connectorsInside)
		v = int8(len(w))
		if w == "" {
			v = -1
		}
		st.boundary[c][k] = v
	}
	switch {
	case v < 0:
		return ""
	case p-int(v) >= lo:
		return st.at(p-int(v), p)
	}
	return boundaryWordEndingAtFrom(st, lo, p, connectorsInside)
}

func boundaryWordEndingAtFrom(st *sentenceText, lo, p int, connectorsInside bool) string {
	prefix := st.at(lo, p)
	if t := titles.suffixOf(prefix); t != "" {
		return t
	}
	for _, w := range boundaryWords.endingWith(prefix) {
		if !strings.HasSuffix(prefix, w) {
			continue
		}
		if connectorsInside && (w == "与" || w == "及" || w == "和") {
			continue
		}
		if utf8.RuneCountInString(w) == 1 {
			// 和县/域: gse glued a connector to the place word after it;
			// a generic word (县域, 城市) after it starts no name with it.
			if !st.isCut(p) || !st.isCut(p-len(w)) {
				if after := st.at(p, st.End); !startsWithPlace(after) && hasAnyPrefix(after, genericAreaWords) == "" {
					continue
				}
			}
			// Checked last, as few characters get this far. 新城区中蒙医院: a
			// character right after a place goes on with the name.
			// 新北市, 大理: the boundary character starts a place's name.
			if inMedicalTerm(st, p-len(w), p) || startsPlaceName(w, st.at(p, st.End)) {
				continue
			}
			if !functionWordAt(st, p-len(w)) && (placeEndsAt(st, p-len(w)) ||
				len(placeFrom(st.at(p-len(w), st.End))) > len(w) && hasAnyPrefix(st.at(p, st.End), genericAreaWords) == "") {
				continue
			}
		}
		return w
	}
	return ""
}

// joinedDiscipline returns the start of the field a 与 joins to the rest of
// a unit's name (呼吸与危重症医学科, 内分泌与代谢科): two to four characters
// after a list comma, the sentence start or a hospital's name.
func joinedDiscipline(st *sentenceText, lo, at int, w, suffix string) (int, bool) {
	// 集团与福建医科大学: a place after 与 starts the name of another
	// organisation.
	if w != "与" || !strings.HasSuffix(suffix, "科") || startsWithPlace(st.at(at+len(w), st.End)) || places().prefectures.prefixOf(st.at(at+len(w), st.End)) != "" {
		return 0, false
	}
	left := st.at(lo, at)
	if k := strings.LastIndex(left, "院"); k >= 0 {
		left = left[k+len("院"):]
	} else if r, _ := utf8.DecodeLastRuneInString(st.at(st.Start, lo)); lo > st.Start && !strings.ContainsRune("、，,：:（(", r) {
		return 0, false
	}
	n := utf8.RuneCountInString(left)
	if n < 2 || n > 4 || strings.ContainsAny(left, "科室部中心") || boundaryWords.suffixOf(left) != "" || hasAnySuffix(left, groupWords) != "" {
		return 0, false
	}
	for _, r := range left {
		if !unicode.Is(unicode.Han, r) {
			return 0, false
		}
	}
	return at - len(left), true
}

// startsPlaceName reports whether a one-character boundary word that also
// starts place names (大, 新, 上, 都) starts a township's or county's name
// here: one or two characters and 镇 or 乡 follow (大畈镇, 新市镇, 上沙乡), or
// one and 县 (都昌县).
func startsPlaceName(w, after string) bool {
	if !strings.Contains("大小新老上下中东西南北都", w) {
		return false
	}
	k := 0
	for _, r := range after {
		if k >= 1 && (r == '镇' || r == '乡') {
			return true
		}
		// 都昌县: a county's name is two characters.
		if k == 1 && r == '县' {
			return true
		}
		if k == 2 || !unicode.Is(unicode.Han, r) {
			return false
		}
		k++
	}
	return false
}

// startsPlace reports whether a place name starts at off: a province, a
// prefecture-level city, or a word gse tags as a place.
func startsPlace(st *sentenceText, off int) bool {
	rest := st.at(off, st.End)
	if startsWithPlace(rest) || places().prefectures.prefixOf(rest) != "" {
		return true
	}
	t, ok := st.tokenAt(off)
	return ok && t.POS == "ns"
}

// genericAreaWords say what area something serves (县域医共体, 城市医疗集团).
var genericAreaWords = []string{"县域", "区域", "城市", "省级", "市级", "县级", "区级"}

// medicalTerms are words of medicine that hold a boundary character (中 of
// 卒中中心, 中医科): gse may cut them apart, but they are inside a name.
var medicalTerms = []string{"卒中", "中医", "中西医", "中药", "中毒", "中风"}

// inMedicalTerm reports whether the text from lo to hi lies inside one of the
// medicalTerms.
func inMedicalTerm(st *sentenceText, lo, hi int) bool {
	for _, t := range medicalTerms {
		for k := lo - len(t) + (hi - lo); k <= lo; k++ {
			if k >= st.Start && k+len(t) <= st.End && st.at(k, k+len(t)) == t {
				return true
			}
		}
	}
	return false
}

// startsWithPlace reports whether text starts with a province-level place
// name, which always starts a name (任内蒙古医科大学 → 内蒙古医科大学).
func startsWithPlace(text string) bool {
	return places().provinces.prefixOf(text) != ""
}

// isBrandName reports whether a hospital or group is named by a trade name
// (鹭康医疗集团): two or three characters gse knows no word for, each its own
// token, before the suffix and its generic words. Private hospitals and
// groups are named so, with no place.
func isBrandName(st *sentenceText, start int, name, suffix string) bool {
	rest := strings.TrimSuffix(name, suffix)
	core := rest
	for w := genericNamePrefixes.suffixOf(core); w != "" && w != core; w = genericNamePrefixes.suffixOf(core) {
		core = strings.TrimSuffix(core, w)
	}
	n := utf8.RuneCountInString(core)
	if n < 2 || n > 3 {
		return false
	}
	end := start + len(core)
	for _, t := range st.toks[st.firstTokenFrom(start):] {
		if t.Start >= end {
			break
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		// Characters gse reads as verbs or adjectives (筑牢医院, 好怀密)
		// describe; a trade name is made of nouns and name characters.
		noun := strings.HasPrefix(t.POS, "n") || t.POS == "g" || t.POS == "j"
		if t.End > end || utf8.RuneCountInString(t.Text) != 1 || !unicode.Is(unicode.Han, r) || strings.ContainsRune(notGivenName, r) || !noun {
			return false
		}
	}
	return st.isCut(start)
}

// levelDesignation matches ranks given to a hospital or unit (三级甲等,
// 市级, Ⅰ级创伤中心): a name holding one describes, it does not name.
func isLevelDesignation(name string) bool {
	return strings.Contains(name, "级") && levelDesignation.MatchString(name)
}

var levelDesignation = regexp.MustCompile(`(^|[^自治区])(省|市|县|州|旗|乡|镇|地市|国家|[一二三Ⅰ-Ⅻ])级`)

func isNameRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 'Ⅰ' && r <= 'Ⅻ')
}

// isDistinctiveName reports whether name says which organisation it is,
// rather than describing a kind (区域医疗中心, 三级医院, 医联体).
func isDistinctiveName(st *sentenceText, start int, name, suffix string, typ EntityType) bool {
	// 醫院管理局: the hospital authority of the place the text is about, as
	// 衛生局 is its health bureau.
	if name == "医院管理局" {
		return true
	}
	rest := strings.TrimSuffix(name, suffix)
	if isLevelDesignation(name) {
		return false
	}
	if bareAllowed(suffix) {
		// 各设区市卫生健康委: a kind of city, not one.
		if hasAnySuffix(rest, []string{"设区市", "地级市", "县级市", "市州", "县区", "县市区"}) == rest && rest != "" {
			return false
		}
		if rest == "" {
			// 衛生局: the health bureau of the place the text is about
			// (Macau's, a county's), as 市委 is.
			return strings.Contains("医保局 医疗保障局 疾控中心 市委 区委 县委 省委 州委 卫生局", suffix)
		}
		return !strings.HasSuffix(rest, "院") && !strings.HasSuffix(rest, "医院")
	}
	// 建设浙江省区域精神卫生中心: a region's centre is a designation to
	// reach, not a name.
	if hasAnySuffix(rest, []string{"区域", "区域性"}) != "" {
		return false
	}
	// “某某医院分院”: a hospital's name and 分院 is the kind of its
	// branches (挂牌“通山县医疗健康总院分院”), not one branch's name.
	if suffix == "分院" && strings.HasSuffix(rest, "院") {
		return false
	}
	rest = stripGeneric(rest)
	if rest == "" {
		return false
	}
	if typ == Hospital && suffix != "院区" && suffix != "分院" && !hasNameAnchor(st, start, name, suffix) && !isUniversityShortForm(st, start, strings.TrimSuffix(name, suffix)) {
		return false
	}
	// 学术委员会, 伦理委员会, 胸痛中心联盟: a committee or alliance named by
	// its field alone is a kind, not an organisation the text names.
	if (suffix == "委员会" || suffix == "联盟" || suffix == "联席会") && !hasNameAnchor(st, start, name, suffix) {
		return false
	}
	// 第一次联席会, 第三届理事会: a meeting or a term, not a body.
	if sessionOrdinal.MatchString(rest) {
		return false
	}
	// A level word alone (市, 区, 省) before a non-government suffix is generic.
	// 市妇幼保健院 is the city's one such hospital, as 市中医院 is.
	if utf8.RuneCountInString(rest) == 1 && strings.Contains("市区县省镇乡村院级家个所", rest) {
		return suffix == "政协" || suffix == "人大" || (suffix == "妇幼保健院" && strings.Contains("市区县省", rest))
	}
	return !countsUnits(rest)
}

// isUniversityShortForm reports whether the words before a hospital's
// suffix are a university called by one character and 大 (成大医院 of 成功
// 大学, 台大医院): gse knows no such word, or knows it as an abbreviation,
// while 扩大, 重大, 较大 are words of the language.
func isUniversityShortForm(st *sentenceText, start int, rest string) bool {
	if utf8.RuneCountInString(rest) != 2 || !strings.HasSuffix(rest, "大") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(rest)
	if strings.ContainsRune("一二三四五六七八九十百千万最较很太更扩重强伟庞盛", first) {
		return false
	}
	t, ok := st.tokenAt(start)
	if !ok {
		return false
	}
	if t.Text == rest {
		return t.POS == "j" || t.POS == "nt" || t.POS == "nz"
	}
	return utf8.RuneCountInString(t.Text) == 1 && !functionPOS[t.POS]
}

// sessionOrdinal matches the number of a meeting or a term (第一次, 第三届).
var sessionOrdinal = regexp.MustCompile(`^第[一二三四五六七八九十百零〇0-9]+[次届期]`)

// schoolHospital matches a university's hospital named without the
// university (附属医院, 附属口腔医院, 第一附属医院, 附属盛京医院).
var schoolHospital = regexp.MustCompile(`^(第[一二三四五六七八九十]+)?附属[\p{Han}]{0,4}医院$`)

// isSchoolHospital reports whether a name is a school hospital's and the
// sentence names a school before it (西藏民族大学医学院…、附属医院党委书记,
// 我校附属口腔医院, 学校第一附属医院): the school's own hospital.
func isSchoolHospital(st *sentenceText, start int, name string) bool {
	if !strings.Contains(name, "附属") || !schoolHospital.MatchString(name) {
		return false
	}
	// 附属医院 alone is as often the kind (履行好附属医院职责, 学校及附属
	// 医院): only a title after it (附属医院党委书记) makes it one hospital.
	if name == "附属医院" && titleAt(st.at(start+len(name), st.End)) == "" {
		return false
	}
	before := st.at(st.Start, start)
	for _, w := range []string{"大学", "学院", "学校", "我校", "本校", "医学部"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// bareAllowed lists suffixes that name a body on their own or after a level
// word (市委, 区政府, 医保局, 市卫生健康委).
func bareAllowed(suffix string) bool {
	switch suffix {
	case "政府", "人民政府", "县府", "市府", "省府", "市委", "区委", "县委", "省委", "州委", "政协", "人大", "纪委监委", "纪委", "监委",
		"卫健委", "卫生健康委", "卫生健康委员会", "医保局", "医疗保障局", "卫健局", "卫生健康局", "卫计委", "卫生计生委",
		"疾控中心", "疾病预防控制中心", "卫生局",
		"财政厅", "财政局", "教育厅", "教育局", "民政厅", "民政局", "科技厅", "科技局",
		"人力资源和社会保障厅", "人力资源和社会保障局", "人社厅", "人社局", "发展和改革委员会", "发改委", "市场监督管理局":
		return true
	}
	return false
}

// stripGeneric removes generic words from both ends of s.
func stripGeneric(s string) string {
	for changed := true; changed && s != ""; {
		changed = false
		if w := genericNamePrefixes.prefixOf(s); w != "" {
			s, changed = s[len(w):], true
		}
		if w := genericNamePrefixes.suffixOf(s); w != "" {
			s, changed = s[:len(s)-len(w)], true
		}
	}
	return s
}

// countsUnits reports whether a name starts with a count (三家, 19个, 双):
// 三江县 and 四川 start with numerals too, but no measure word follows.
func countsUnits(rest string) bool {
	r, n := utf8.DecodeRuneInString(rest)
	if unicode.IsDigit(r) {
		return true
	}
	if !strings.ContainsRune("一二三四五六七八九十百千几多双两", r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest[n:])
	return next == utf8.RuneError || strings.ContainsRune("家个所名大级类批院十百千万", next)
}

// deptGenericWords describe a unit without naming it (区域医疗中心, 综合病房);
// 健康管理中心 and 护理部 are names, so the list is shorter than the one for
// hospitals.
var deptGenericWords = newWordList([]string{
	"区域", "区域性", "医疗", "国家", "省级", "市级", "县级", "区级", "综合", "临床", "重点", "全国", "地区", "健康", "卫生",
	"质控", "五大", "四大", "三大", "新", "大", "总", "各", "院", "医院", "全院", "职能", "智慧",
})

func stripDeptGeneric(s string) string {
	for changed := true; changed && s != ""; {
		changed = false
		if w := deptGenericWords.prefixOf(s); w != "" {
			s, changed = s[len(w):], true
		}
		if w := deptGenericWords.suffixOf(s); w != "" {
			s, changed = s[:len(s)-len(w)], true
		}
	}
	return s
}

// isDeptName reports whether name is a named unit rather than a generic word.
func isDeptName(name, suffix string) bool {
	if slices.Contains(genericDeptNames, name) || isLevelDesignation(name) {
		return false
	}
	// A one- or two-character suffix alone (科, 中心) names no unit; a
	// longer one can (宁养院).
	if name == suffix && utf8.RuneCountInString(suffix) < 3 {
		return false
	}
	if e := notDeptEndings.suffixOf(name); e != "" && !strings.HasSuffix(name, "医学科") {
		return false
	}
	for _, w := range notDeptWords {
		if strings.Contains(name, w) {
			return false
		}
	}
	// 科科, 室速室: the suffix character starts the word too.
	if name != suffix && strings.HasPrefix(name, suffix) {
		return false
	}
	rest := strings.TrimSuffix(name, suffix)
	if rest != "" && stripDeptGeneric(rest) == "" && suffix != "科" {
		return false
	}
	// A count (三个病区) is no name; an ordinal in the hospital the unit is
	// named with (第一附属医院神经内科) is the hospital's.
	unit := name
	if k := strings.LastIndex(unit, "院"); k >= 0 {
		unit = unit[k+len("院"):]
	}
	for _, r := range unit {
		if unicode.IsDigit(r) || strings.ContainsRune("一二三四五六七八九十百千几多", r) {
			return false
		}
	}
	return utf8.RuneCountInString(name) >= 2
}

// dropNested keeps, of mentions that overlap, the longest, so that
// 北京大学第一医院密云医院 is one hospital, not two. A department that starts
// with an organisation name is split: the organisation becomes its parent.
func dropNested(ms []*orgMention) []*orgMention {
	var out []*orgMention
	for _, m := range ms {
		inside := false
		for _, o := range ms {
			if o == m {
				continue
			}
			if o.start <= m.start && m.end <= o.end && (o.end-o.start > m.end-m.start || (o.end-o.start == m.end-m.start && o.typ != Department && m.typ == Department)) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// hasNameAnchor reports whether a hospital or institution name holds what
// makes it a proper name: a place (北京, 柳州市, 伊宁县), a level word that
// stands for the local place (市肿瘤医院), or a university or other body
// (北京大学肿瘤医院). 项目医院 and 智慧医院 have none.
func hasNameAnchor(st *sentenceText, start int, name, suffix string) bool {
	for _, t := range st.toks[st.firstTokenFrom(start):] {
		if t.Start >= start+len(name) {
			break
		}
		if t.POS == "nt" || t.POS == "ns" {
			return true
		}
		// 玛丽医院, 基督教联合医院, 九龙医院: a hospital named after a person,
		// a faith or a place gse knows by another tag.
		if (t.POS == "nr" || t.POS == "nz" || t.POS == "nrt") && len(t.Text) >= 6 && t.End <= start+len(name)-len(suffix) && genericNamePrefixes.prefixOf(t.Text) != t.Text {
			return true
		}
	}
	if isBrandName(st, start, name, suffix) {
		return true
	}
	if startsWithPlace(name) || places().prefectures.prefixOf(name) != "" || strings.ContainsAny(firstRunes(name, 1), "市区县省州") {
		return true
	}
	// 三军总医院, 国军台中总医院, 空军医院: the army's hospitals are named by
	// the service (驻军医院 names none); 荣民 names Taiwan's veterans'
	// hospitals.
	for _, w := range []string{"市", "县", "区", "省", "州", "旗", "镇", "乡", "街道", "大学", "学院", "医科", "中医药", "中国", "国家", "人民", "第", "荣民"} {
		k := strings.Index(name, w)
		if k > 0 && k < len(name)-len(suffix) {
			return true
		}
	}
	for _, w := range []string{"三军", "国军", "空军", "陆军", "海军", "解放军", "火箭军", "武警"} {
		if k := strings.Index(name, w); k >= 0 && k < len(name)-len(suffix) {
			return true
		}
	}
	return false
}

// runeSet is a bitmap over the Basic Multilingual Plane: a membership test
// costs a shift and a mask, which matters at every character of a corpus.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 0x10000 {
		s[r/64] |= 1 << (r % 64)
	}
}

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r/64]&(1<<(r%64)) != 0
}

// charFilter is a 1024-bit filter over the three bytes that start each
// character (a Chinese character exactly), small enough to keep one per
// sentence: has never answers false for a window added, and seldom answers
// true for one that was not. Bytes rather than runes, so that neither the
// sentence nor the word needs decoding.
type charFilter [1024 / 64]uint64

// bit spreads a window over the filter by Fibonacci hashing: the top ten
// bits of its three bytes times 2³² divided by the golden ratio.
func (charFilter) bit(w string) uint32 {
	return (uint32(w[0])<<16 | uint32(w[1])<<8 | uint32(w[2])) * 0x9e3779b1 >> 22
}

func (f *charFilter) add(w string) {
	k := f.bit(w)
	f[k/64] |= 1 << (k % 64)
}

func (f *charFilter) has(w string) bool {
	k := f.bit(w)
	return f[k/64]&(1<<(k%64)) != 0
}

// suffixEnds holds the last character of every organisation and department
// suffix.
var suffixEnds = func() *runeSet {
	s := new(runeSet)
	for i, w := range orgSuffixes.byLast.present {
		s[i] |= w | deptSuffixes.byLast.present[i]
	}
	return s
}()

// suffixPenults holds, for each character that ends only suffixes of two
// characters or more (学 of 大学, 心 of 中心), the characters that stand
// right before it in them: elsewhere the character ends no suffix, and the
// recogniser need not look.
var suffixPenults = func() map[rune]*runeSet {
	out := make(map[rune]*runeSet)
	for i := range suffixEnds {
		for b := 0; b < 64; b++ {
			r := rune(i*64 + b)
			if !suffixEnds.has(r) {
				continue
			}
			var words []string
			for _, o := range orgSuffixes.byLast.get(r) {
				words = append(words, o.text)
			}
			words = append(words, deptSuffixes.byLast.get(r)...)
			set := new(runeSet)
			for _, w := range words {
				rest := strings.TrimSuffix(w, string(r))
				if rest == "" {
					set = nil // a one-character suffix ends after anything
					break
				}
				p, _ := utf8.DecodeLastRuneInString(rest)
				set.add(p)
			}
			if set != nil {
				out[r] = set
			}
		}
	}
	return out
}()

// trailingOrdinal matches 第一 at the end of a name.
var trailingOrdinal = regexp.MustCompile(`第[一二三四五六七八九十]+$`)

// teachingKinds end a hospital's title as the teaching site of a university.
var teachingKinds = []string{"非直属附属医院", "直属附属医院", "教学医院", "临床医学院", "临床学院", "实习医院", "教学基地"}

// teachingBody reads 浙江大学医学院教学医院 as the university body
// 浙江大学医学院, marked so that relate makes the hospital affiliated with it.
func teachingBody(start int, name string) *orgMention {
	kind := hasAnySuffix(name, teachingKinds)
	if kind == "" {
		return nil
	}
	body := strings.TrimSuffix(name, kind)
	// 三峡大学第一临床医学院: the ordinal numbers the site, not the body.
	if m := trailingOrdinal.FindString(body); m != "" {
		body = strings.TrimSuffix(body, m)
	}
	suffix := hasAnySuffix(body, []string{"医科大学", "大学", "医学院", "学院", "医学部"})
	if suffix == "" {
		return nil
	}
	return &orgMention{start: start, end: start + len(body), name: body, typ: Institution, suffix: suffix, teaching: true}
}
