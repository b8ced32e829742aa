package nlp

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// personMention is an official named in a sentence.
type personMention struct {
	start, end int
	name       string
}

// positionMention ties a person to a title and, where the text gives one, an
// organisation.
type positionMention struct {
	person *personMention
	title  string
	org    *orgMention
	// ownHospital marks a title given to the article's own hospital (院长 with
	// no organisation, 院党委书记).
	ownHospital bool
	// group is the word (联盟, 医联体) by which the text refers back to the
	// one alliance or group it names, holding the title (当选为联盟理事长).
	group string
	// reMention marks NAME TITLE (郭燕红司长指出): usually a person already
	// introduced, whose position is not restated.
	reMention bool
}

// hospitalTitles are titles that, given with no organisation, belong to the
// hospital the article is about.
var hospitalTitles = map[string]bool{
	"党委书记": true, "党委副书记": true, "书记": true, "副书记": true, "纪委书记": true,
	"院长": true, "副院长": true, "常务副院长": true, "执行院长": true, "名誉院长": true, "院长助理": true,
	"业务副院长": true, "行政副院长": true, "摄影": true,
	"主任": true, "副主任": true, "科长": true, "副科长": true, "护士长": true, "医生": true,
	"医师": true, "主任医师": true, "副主任医师": true, "主治医师": true, "护士": true,
	"编辑": true, "责任编辑": true, "总编辑": true, "记者": true, "通讯员": true, "审核": true,
	"撰稿": true, "供稿": true, "校对": true, "审校": true, "作者": true, "总会计师": true,
	"工会主席": true, "工会副主席": true,
}

// placeTitles are the heads of a local government: 密云区副区长 is a
// position at 密云区政府.
var placeTitles = map[string]string{"区长": "区", "副区长": "区", "市长": "市", "副市长": "市", "县长": "县", "副县长": "县", "省长": "省", "副省长": "省"}

// committeePlace matches a Party committee named by its place (建德市委).
var committeePlace = regexp.MustCompile(`^(.+[省市县区州])委$`)

// recognisePositions finds officials and their titles in one sentence:
// TITLE NAME (院长杨尹默), NAME TITLE (郭燕红司长), ORG TITLE NAME, lists that
// share a title (副院长孙万卉、刘亚娟) and titles that share a name (党委书记、主任王文平).
func recognisePositions(st *sentenceText, orgs []*orgMention) ([]*positionMention, []*orgMention) {
	var out []*positionMention
	var placeOrgs []*orgMention
	type pending struct {
		title       string
		org         *orgMention
		ownHospital bool
		group       string
	}
	var chain []pending // titles waiting for their name
	var chainOrg *orgMention
	chainOwn := false
	lastGroup := "" // the group word last seen before a title
	text := st.Text
	// next is where reading resumes after a title and the names it holds.
	next := 0
	for i, r := range text {
		// Most characters start no title: a bit test rules them out before
		// any look-up.
		if i < next || !titles.byFirst.has(r) {
			continue
		}
		pos := st.Start + i
		title := titleAt(text[i:])
		if title == "" || insideOrg(orgs, pos) {
			continue
		}
		ts, te := pos, pos+len(title)
		org := orgEndsAt(orgs, ts)
		// 重症医学科（ICU）主任: a note in brackets between unit and title.
		if org == nil {
			if note := bracketNoteBefore(st.at(st.Start, ts)); note != "" {
				org = orgEndsAt(orgs, ts-len(note))
			}
		}
		own := false
		if org == nil && strings.HasSuffix(st.at(st.Start, ts), "院") && !insideOrg(orgs, ts-len("院")) {
			own = true
		}
		if org == nil && !own {
			if place, ok := placeTitles[title]; ok {
				if m := placeBefore(st, ts, place); m != nil {
					org = m
					placeOrgs = append(placeOrgs, m)
				}
			}
		}
		prev := strings.TrimRight(st.at(st.Start, ts), " \u3000")
		// 到遂溪县人民医院挂职副院长: a secondment names the post after the
		// organisation; 来自…心血管内科的主任医师王立峰 joins them with 的.
		for _, gap := range []string{"挂职", "的"} {
			if org == nil && !own && strings.HasSuffix(prev, gap) {
				org = orgEndsAt(orgs, ts-len(gap))
			}
		}
		if org == nil && !own && strings.HasSuffix(prev, "、") {
			org, own = chainOrg, chainOwn
			// 建德市委副书记、市长黄海峰: the mayor heads the government of
			// the committee's place, not the committee.
			if _, ok := placeTitles[title]; ok && org != nil {
				if m := committeePlace.FindStringSubmatch(org.name); m != nil {
					org = &orgMention{start: org.end, end: org.end, name: m[1] + "政府", typ: Institution, suffix: "政府"}
					placeOrgs = append(placeOrgs, org)
				}
			}
		}
		if org != nil || own {
			chainOrg, chainOwn = org, own
		}
		// 南华大学党委书记谢建文,校长刘振宇: a school's head after a comma
		// heads the university just named; 学校副校长 the university the
		// article names.
		if org == nil && !own && schoolTitles[title] {
			if chainOrg != nil && hasAnySuffix(chainOrg.name, []string{"大学", "学院"}) != "" && strings.HasSuffix(prev, ",") {
				org = chainOrg
			}
		}
		group := ""
		if org == nil && !own && schoolTitles[title] && hasAnySuffix(prev, []string{"学校", "校"}) != "" {
			group = "大学"
		}
		if org == nil && !own && group == "" {
			// groupWords (relate.go) also refer back to the group the article
			// names in full: 当选为联盟理事长.
			if w := hasAnySuffix(prev, groupWords); w != "" {
				group, lastGroup = w, w
			} else if groupTitles[title] {
				// …当选为联盟理事长,…当选为副理事长: the same group.
				group = lastGroup
			}
		}
		j := te
		for j < st.End {
			r, n := utf8.DecodeRuneInString(st.at(j, st.End))
			if r != ' ' && r != '\u3000' && r != ':' && r != '：' {
				break
			}
			j += n
		}
		// 副院长（主持工作）刘强: a note on the post stands before the name.
		j += len(bracketNoteAt(st.at(j, st.End)))
		person := readName(st, j, orgs)
		if person == nil {
			lead := ts
			if org != nil && org.end <= ts {
				lead = org.start
			} else if group != "" && strings.HasSuffix(prev, group) {
				lead = ts - len(group)
			}
			var last *personMention
			if len(out) > 0 {
				last = out[len(out)-1].person
			}
			if p := appointee(st, lead, orgs, last); p != nil {
				for _, c := range chain {
					out = append(out, &positionMention{person: p, title: c.title, org: c.org, ownHospital: c.ownHospital, group: c.group})
				}
				out = append(out, &positionMention{person: p, title: title, org: org, ownHospital: own, group: group})
				chain = nil
				next = te - st.Start
				continue
			}
			// 副院长、…; 副院长兼医务部主任: titles waiting for one name.
			if strings.HasPrefix(st.at(j, st.End), "、") || strings.HasPrefix(st.at(j, st.End), "兼") {
				chain = append(chain, pending{title, org, own, group})
			} else if p := nameBefore(st, ts, orgs); p != nil && org == nil && !own {
				out = append(out, &positionMention{person: p, title: title, reMention: true})
				chain, chainOrg, chainOwn = nil, nil, false
			} else if p := nameBeforeComma(st, ts, orgs); p != nil && org == nil && !own {
				// 专家简介:黄志强,主任医师,教授: a profile names the person first.
				out = append(out, &positionMention{person: p, title: title})
				chain, chainOrg, chainOwn = nil, nil, false
			} else {
				chain, chainOrg, chainOwn = nil, nil, false
			}
			next = te - st.Start
			continue
		}
		for _, c := range chain {
			out = append(out, &positionMention{person: person, title: c.title, org: c.org, ownHospital: c.ownHospital, group: c.group})
		}
		chain = nil
		out = append(out, &positionMention{person: person, title: title, org: org, ownHospital: own, group: group})
		// 副院长孙万卉、刘亚娟、刁英智: names that share the title.
		k := person.end
		for strings.HasPrefix(st.at(k, st.End), "、") {
			next := readName(st, k+len("、"), orgs)
			if next == nil || titleAt(st.at(next.end, st.End)) != "" {
				break
			}
			out = append(out, &positionMention{person: next, title: title, org: org, ownHospital: own})
			k = next.end
		}
		next = k - st.Start
	}
	return out, placeOrgs
}

// schoolTitles are the heads of a university or college.
var schoolTitles = map[string]bool{"校长": true, "副校长": true}

// groupTitles are the offices of an alliance, association or society.
var groupTitles = map[string]bool{
	"理事长": true, "副理事长": true, "秘书长": true, "副秘书长": true, "会长": true, "副会长": true,
}

// appointCues stand between an appointee and the post (陈建国同志任…院长,
// 罗国华将担任…院长, 杨志刚当选为…理事长, 黄振宇同志到…医院挂职副院长,
// 免去黄明辉同志的…院长职务), longest first.
var appointCues = []string{"当选为", "兼任", "担任", "出任", "当选", "任", "到", "赴", "的"}

// appointee reads the person of an appointment or removal notice, named
// before the organisation and title that start at lead; last is the person
// read before in the sentence, whom 免去其…职务 refers to.
func appointee(st *sentenceText, lead int, orgs []*orgMention, last *personMention) *personMention {
	// 担任我院重症医学科名誉主任: a unit named with 我院 is the post's
	// organisation as a whole.
	if o := orgEndsAt(orgs, lead); o != nil && o.ref {
		lead = o.start
	}
	before := st.at(st.Start, lead)
	if strings.HasSuffix(before, "免去其") || strings.HasSuffix(before, "其兼任") {
		return last
	}
	// 聘任原…副院长黄秋生为南平鹭康医院执行院长: 为 after a name appoints
	// only after a verb of hiring.
	if strings.HasSuffix(before, "为") && hasAnySuffix(before, appointCues) == "" {
		if clause := before[strings.LastIndexAny(before, ",，;；")+1:]; strings.Contains(clause, "聘任") || strings.Contains(clause, "任命") || strings.Contains(clause, "聘请") {
			return nameBefore(st, lead-len("为"), orgs)
		}
		return nil
	}
	cue := hasAnySuffix(before, appointCues)
	if cue == "" {
		return nil
	}
	off := lead - len(cue)
	comrade := strings.HasSuffix(st.at(st.Start, off), "同志")
	if comrade {
		off -= len("同志")
	}
	// 到 and 的 join a name to an organisation in many other sentences: only
	// a notice's 同志, or a secondment (来到我院挂职副院长), makes them an
	// appointment.
	secondment := strings.HasPrefix(st.at(lead, st.End), "我院挂职") || strings.HasPrefix(st.at(lead, st.End), "本院挂职")
	if !comrade && !secondment && (cue == "到" || cue == "赴" || cue == "的") {
		return nil
	}
	if secondment {
		off -= len(hasAnySuffix(st.at(st.Start, off), []string{"来", "回"}))
	}
	if cue == "的" && !strings.Contains(st.at(st.Start, off), "免去") {
		return nil
	}
	if !comrade {
		off -= len(hasAnySuffix(st.at(st.Start, off), []string{"将", "拟", "已"}))
	}
	return nameBefore(st, off, orgs)
}

// titleAt returns the longest title text starts with.
func titleAt(text string) string {
	return titles.prefixOf(text)
}

func insideOrg(orgs []*orgMention, off int) bool {
	for _, o := range orgs {
		if o.start <= off && off < o.end {
			return true
		}
	}
	return false
}

func orgEndsAt(orgs []*orgMention, off int) *orgMention {
	for _, o := range orgs {
		if o.end == off {
			return o
		}
	}
	return nil
}

// placeBefore finds a place name such as 密云区 right before off and returns
// the government it stands for (密云区政府).
func placeBefore(st *sentenceText, off int, level string) *orgMention {
	before := st.at(st.Start, off)
	if !strings.HasSuffix(before, level) {
		return nil
	}
	start := off - len(level)
	runes := 0
	for start > st.Start && runes < 4 {
		r, n := utf8.DecodeLastRuneInString(st.at(st.Start, start))
		if !unicode.Is(unicode.Han, r) {
			break
		}
		start -= n
		runes++
	}
	for p := off - len(level); p > start; {
		if boundaryWordEndingAt(st, start, p, false) != "" {
			start = p
			break
		}
		_, n := utf8.DecodeLastRuneInString(st.at(start, p))
		p -= n
	}
	if off-len(level)-start < len("密云") {
		return nil
	}
	place := st.at(start, off)
	// An empty span: the place (密云区) is no surface form of the government.
	return &orgMention{start: off, end: off, name: place + "政府", typ: Institution, suffix: "政府"}
}

// readName reads a person's name (surname and one or two given characters)
// at off, or returns nil.
func readName(st *sentenceText, off int, orgs []*orgMention) *personMention {
	rest := st.at(off, st.End)
	if p := readTibetanName(st, off, orgs); p != nil {
		return p
	}
	if p := readDottedName(st, off, orgs); p != nil {
		return p
	}
	surname := ""
	for _, r := range []int{2, 1} {
		if s := firstRunes(rest, r); surnames[s] && utf8.RuneCountInString(s) == r {
			surname = s
			break
		}
	}
	if surname == "" || insideOrg(orgs, off) {
		return nil
	}
	// A dictionary word starting at the surname (管理, 黄金) is not a name,
	// unless gse itself calls it a name or place, or the word stands alone
	// up to a comma or the end (校长高松、…): a word that ends where a name
	// would is the name.
	if t, ok := st.tokenAt(off); ok && utf8.RuneCountInString(t.Text) >= 2 && len(t.Text) > len(surname) && commonWordPOS(t.POS) {
		next, _ := utf8.DecodeRuneInString(st.at(t.End, st.End))
		// A verb is no name, delimited or not (院长强调,…).
		delimited := (t.End == st.End || strings.ContainsRune("、,，;；。:：!！?？ \u3000\n", next)) && !strings.HasPrefix(t.POS, "v")
		if utf8.RuneCountInString(t.Text) > 3 || (!delimited && !endsWithNameChar(st, t)) {
			return nil
		}
	}
	given := rest[len(surname):]
	n := 0
	size := 0
	for _, r := range given {
		stop := notGivenName
		if n == 0 {
			stop = notFirstGivenName
		}
		if n == 2 || !unicode.Is(unicode.Han, r) || strings.ContainsRune(stop, r) {
			break
		}
		at := off + len(surname) + size
		if n == 1 && (titleAt(given[size:]) != "" || startsLongToken(st, at) || insideOrg(orgs, at)) {
			break
		}
		if n == 0 && (titleAt(given[size:]) != "" || insideOrg(orgs, at)) {
			break
		}
		n++
		size += utf8.RuneLen(r)
	}
	if n == 0 {
		return nil
	}
	end := off + len(surname) + size
	return &personMention{start: off, end: end, name: st.at(off, end)}
}

// readTibetanName reads a name of two Tibetan name elements at off.
func readTibetanName(st *sentenceText, off int, orgs []*orgMention) *personMention {
	rest := st.at(off, st.End)
	first := firstRunes(rest, 2)
	if !tibetanNameParts[first] || insideOrg(orgs, off) {
		return nil
	}
	for _, k := range []int{3, 2} {
		second := firstRunes(rest[len(first):], k)
		if utf8.RuneCountInString(second) == k && tibetanNameParts[second] {
			end := off + len(first) + len(second)
			return &personMention{start: off, end: end, name: st.at(off, end)}
		}
	}
	return nil
}

// wordStartsAt reports whether a word that is no name starts at off: a
// verb, preposition or conjunction gse knows, or a character that ends names.
func wordStartsAt(st *sentenceText, off int) bool {
	if r, _ := utf8.DecodeRuneInString(st.at(off, st.End)); strings.ContainsRune(notGivenName, r) {
		return true
	}
	t, ok := st.tokenAt(off)
	if !ok || strings.HasPrefix(t.POS, "n") {
		return false
	}
	return utf8.RuneCountInString(t.Text) >= 2 || t.POS == "p" || t.POS == "c"
}

// bracketNoteAt returns a short bracketed note that opens text ((主持工作),
// （正处级）), or "".
func bracketNoteAt(text string) string {
	inner, n := bracketAt(text)
	if n == 0 || utf8.RuneCountInString(inner) > 9 {
		return ""
	}
	return text[:n]
}

// bracketNoteBefore returns a short bracketed note that closes text
// ((ICU), （主持工作）), or "".
func bracketNoteBefore(text string) string {
	for _, b := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if !strings.HasSuffix(text, b[1]) {
			continue
		}
		k := strings.LastIndex(text, b[0])
		if k < 0 || utf8.RuneCountInString(text[k:]) > 12 {
			return ""
		}
		return text[k:]
	}
	return ""
}

// nameDots separate the parts of a transcribed name (艾尼瓦尔·买买提).
const nameDots = "·•・‧"

// readDottedName reads a Uyghur, Kazakh or foreign name written as two or
// three parts joined by a middle dot (艾尼瓦尔·买买提), which has no family
// name the surname list could find.
func readDottedName(st *sentenceText, off int, orgs []*orgMention) *personMention {
	if insideOrg(orgs, off) {
		return nil
	}
	end, parts, n := off, 0, 0
	text := st.at(off, st.End)
	for i, r := range text {
		// After a dot the name ends where a word of its own starts
		// (买买提/出席, 买买提/院长).
		if parts > 0 && n >= 2 && (titleAt(text[i:]) != "" || wordStartsAt(st, off+i)) {
			return &personMention{start: off, end: end, name: st.at(off, end)}
		}
		switch {
		case unicode.Is(unicode.Han, r) && n < 6:
			n++
			end = off + i + utf8.RuneLen(r)
		case strings.ContainsRune(nameDots, r) && n >= 1 && parts < 2:
			parts++
			n = 0
		default:
			if parts > 0 && n >= 1 {
				return &personMention{start: off, end: end, name: st.at(off, end)}
			}
			return nil
		}
	}
	if parts > 0 && n >= 1 {
		return &personMention{start: off, end: end, name: st.at(off, end)}
	}
	return nil
}

// nameBefore reads a name that ends right before a title (郭燕红司长).
func nameBefore(st *sentenceText, off int, orgs []*orgMention) *personMention {
	before := st.at(st.Start, off)
	for _, k := range []int{3, 2} {
		cand := lastRunes(before, k)
		if utf8.RuneCountInString(cand) != k {
			continue
		}
		start := off - len(cand)
		ahead := st.at(st.Start, start)
		r, _ := utf8.DecodeLastRuneInString(ahead)
		atBoundary := ahead == "" || !unicode.Is(unicode.Han, r) || boundaryWordEndingAt(st, st.Start, start, false) != ""
		// Inside running text the name must stand where gse cut the text
		// and the word before it ends (领悟/习近平总书记), or gse must tag it as
		// a name.
		if !atBoundary {
			t, ok := st.tokenAt(start)
			_, cutBefore := st.tokenEndingAt(start)
			if !ok || (!strings.HasPrefix(t.POS, "nr") && !(k == 3 && cutBefore && positionlessTitles[titleAt(st.at(off, st.End))])) {
				continue
			}
		}
		p := readName(st, start, orgs)
		if p != nil && p.end == off {
			return p
		}
	}
	return nil
}

// endsWithNameChar reports whether a two-character word is followed by one
// character gse reads as part of a name and then a delimiter (程文/n 斌/nr ，):
// gse cut an unknown three-character name after a word it knows.
func endsWithNameChar(st *sentenceText, t Token) bool {
	if utf8.RuneCountInString(t.Text) != 2 {
		return false
	}
	next, ok := st.tokenAt(t.End)
	if !ok || utf8.RuneCountInString(next.Text) != 1 || !strings.HasPrefix(next.POS, "nr") {
		return false
	}
	if next.End == st.End {
		return true
	}
	// Then a delimiter, or a word of its own (程文/n 斌/nr 出席/v).
	r, _ := utf8.DecodeRuneInString(st.at(next.End, st.End))
	after, ok := st.tokenAt(next.End)
	return strings.ContainsRune("、,，;；。:：!！?？ \u3000\n", r) || ok && utf8.RuneCountInString(after.Text) >= 2
}

func startsLongToken(st *sentenceText, off int) bool {
	t, ok := st.tokenAt(off)
	return ok && utf8.RuneCountInString(t.Text) >= 2 && !strings.HasPrefix(t.POS, "nr")
}

func commonWordPOS(pos string) bool {
	switch pos {
	case "v", "vn", "vd", "a", "ad", "an", "d", "p", "c", "u", "r", "m", "q", "t", "f", "n", "l", "i":
		return true
	}
	return false
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// nameBeforeComma reads a name that stands alone between a boundary and a
// comma right before a title (黄志强,主任医师), as profiles and captions
// write it.
func nameBeforeComma(st *sentenceText, off int, orgs []*orgMention) *personMention {
	before := st.at(st.Start, off)
	if !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, "，") {
		return nil
	}
	_, n := utf8.DecodeLastRuneInString(before)
	end := off - n
	for _, k := range []int{3, 2} {
		cand := lastRunes(st.at(st.Start, end), k)
		start := end - len(cand)
		ahead := st.at(st.Start, start)
		r, _ := utf8.DecodeLastRuneInString(ahead)
		if utf8.RuneCountInString(cand) != k || (ahead != "" && unicode.Is(unicode.Han, r)) {
			continue
		}
		if p := readName(st, start, orgs); p != nil && p.end == end {
			return p
		}
	}
	return nil
}
