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
	// titleEnd is where the title of NAME TITLE ends, so that a list of
	// names after it (张学文院长、杨薇、柳克祥副院长) can go on from it.
	titleEnd int
	// removed marks a post the person is relieved of (免去, 不再担任).
	removed bool
}

// removal reports whether the text of an appointment, from the person to
// the post, or the clause before the person, relieves them of it.
func removal(st *sentenceText, personEnd, lead int) bool {
	between := ""
	if personEnd <= lead {
		between = st.at(personEnd, lead)
	}
	clause := st.at(st.Start, lead)
	if c := strings.LastIndexAny(clause, ",，;；。"); c >= 0 {
		clause = clause[c:]
	}
	return strings.Contains(between, "不再") || strings.Contains(clause, "免去") || strings.Contains(clause, "免职")
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
	"工会主席": true, "工会副主席": true, "主任护师": true, "副主任护师": true, "主管护师": true, "护师": true,
	"主任药师": true, "副主任药师": true, "药师": true, "主任技师": true, "副主任技师": true, "技师": true,
	"住院医师": true, "文图": true, "主编": true, "副主编": true, "总编": true, "责编": true, "核稿": true, "初审": true,
	"复审": true, "终审": true, "采访人员": true, "特约通讯员": true, "全媒体记者": true, "实习记者": true, "见习记者": true,
}

// placeTitles are the heads of a local government: 密云区副区长 is a
// position at 密云区政府.
var placeTitles = map[string]string{
	"区长": "区", "副区长": "区", "常务副区长": "区", "市长": "市", "副市长": "市", "常务副市长": "市",
	"县长": "县", "副县长": "县", "常务副县长": "县", "省长": "省", "副省长": "省", "常务副省长": "省",
	"州长": "州", "副州长": "州", "常务副州长": "州", "旗长": "旗", "副旗长": "旗", "盟长": "盟", "副盟长": "盟",
	"镇长": "镇", "副镇长": "镇", "乡长": "乡", "副乡长": "乡",
	// The Chief Executive heads the government of a Special Administrative Region.
	"行政长官": "特区",
}

// committeePlace matches a Party committee named by its place (建德市委).
var committeePlace = regexp.MustCompile(`^(.*[省市县区州旗])委$`)

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
		// 委员会 is a committee, not its 委员.
		if strings.HasSuffix(title, "委员") && strings.HasPrefix(text[i+len(title):], "会") {
			continue
		}

		// 学校对 holds no 校对, but 医政医管处处长 holds 处长 however gse
		// cut it (处处 is a word): a name that ends there marks the start.
		// 衛生局長楊文志, 成大醫院長李經維: the body's last character opens
		// its head's title (局 of 局长).
		contracted := contractedTitleOrg(orgs, pos, title)
		if title == "" || contracted == nil && insideOrg(orgs, pos) || titleStraddlesWord(st, pos, pos+len(title)) && orgEndsAt(orgs, pos) == nil && contracted == nil {
			continue
		}
		ts, te := pos, pos+len(title)
		org := orgEndsAt(orgs, ts)
		if contracted != nil {
			org = contracted
		}
		// 阳曲县中医院新任院长关炜, 桃园分院原院长王德芳: a word for when the
		// post is held stands between the body and the title.
		if org == nil {
			if w := hasAnySuffix(st.at(st.Start, ts), tenureWords); w != "" {
				org = orgEndsAt(orgs, ts-len(w))
			}
		}
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
		// 医管局主席范鸿龄及行政总裁高拔升: 及 goes on with the body as 、 does.
		if org == nil && !own && (strings.HasSuffix(prev, "、") || strings.HasSuffix(prev, "及") && chainOrg != nil) && (chainOrg == nil || titleFitsOrg(title, chainOrg.name)) {
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
			if r != ' ' && r != '\u3000' && r != ':' && r != '：' && r != '/' && r != '／' {
				break
			}
			j += n
		}
		// 副院长（主持工作）刘强: a note on the post stands before the name.
		j += len(bracketNoteAt(st.at(j, st.End)))
		person := readName(st, j, orgs)
		// 副市长和朱岷副主任: the name after a conjunction is another
		// person's, whom the title does not name.
		if person != nil && person.start != j {
			person = nil
		}
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
				// 免去…职务, 不再担任: the person is named, the post is not
				// theirs (GUIDE.md).
				removed := removal(st, p.end, lead)
				for _, c := range chain {
					out = append(out, &positionMention{person: p, title: c.title, org: c.org, ownHospital: c.ownHospital, group: c.group, removed: removed})
				}
				out = append(out, &positionMention{person: p, title: title, org: org, ownHospital: own, group: group, removed: removed})
				chain = nil
				next = te - st.Start
				continue
			}
			var before *personMention
			if org == nil && !own {
				before = nameBefore(st, ts, orgs)
			}
			// 副院长、…; 副院长兼医务部主任: titles waiting for one name, unless
			// a name stands right before the title (南京军区南京总医院茅建华
			// 副院长、南京中医药大学…, 赵萍、詹桂湘主任、以及…).
			if (strings.HasPrefix(st.at(j, st.End), "、") || strings.HasPrefix(st.at(j, st.End), "兼")) && before == nil {
				chain = append(chain, pending{title, org, own, group})
			} else if p := before; p != nil {
				// 吉林大学第二医院张学文院长, 我院王林院长: the organisation
				// named right before the name holds the title; a name alone
				// (郭燕红司长指出) is a person introduced before.
				named := orgEndsAt(orgs, p.start)
				listed := namesListedBefore(st, p.start, orgs)
				// 医务处领导李猛处长, 北苑中医医院专家团队王克珍、赵萍主任: a word
				// for the people of a body stands between it and the names.
				first := p.start
				if len(listed) > 0 {
					first = listed[0].start
				}
				if named == nil {
					if w := hasAnySuffix(st.at(st.Start, first), peopleOfBody); w != "" {
						named = orgEndsAt(orgs, first-len(w))
						if named != nil && len(listed) == 0 {
							named = nil // a lone NAME TITLE there may be anyone's
							if o := orgEndsAt(orgs, first-len(w)); o != nil && w == "领导" {
								named = o
							}
						}
					}
				}
				if named == nil && len(listed) > 0 {
					// 张学文院长、杨薇、柳克祥副院长: the list goes on from the
					// position before it, and shares its organisation.
					if last := lastPositionEndingAt(out, listed[0].start-len("、")); last != nil {
						named = last.org
					}
				}
				for _, q := range append(listed, p) {
					out = append(out, &positionMention{person: q, title: title, org: named, reMention: named == nil, titleEnd: te})
				}
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
		for {
			// 作者:赖玉萍 王其奇, (通讯员 陶莉莉 曾凯): a byline's names are
			// apart by spaces too.
			sep := hasAnyPrefix(st.at(k, st.End), []string{"、"})
			if sep == "" && bylineTitles[title] {
				sep = hasAnyPrefix(st.at(k, st.End), []string{" ", "\u3000"})
			}
			if sep == "" {
				break
			}
			next := readName(st, k+len(sep), orgs)
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

// titleKinds tie the titles that head one kind of body to the words that
// end such bodies' names: 院长 heads a hospital or an institute, 校长 a
// school, 局长 a bureau.
var titleKinds = map[string][]string{
	"院长": {"院", "医院", "院区", "中心"}, "副院长": {"院", "医院", "院区", "中心"}, "常务副院长": {"院", "医院", "中心"},
	"执行院长": {"院", "医院", "中心"}, "名誉院长": {"院", "医院", "中心"}, "院长助理": {"院", "医院", "中心"},
	"校长": {"大学", "学院", "学校", "校", "党校"}, "副校长": {"大学", "学院", "学校", "校", "党校"},
	"局长": {"局"}, "副局长": {"局"}, "处长": {"处"}, "副处长": {"处"}, "科长": {"科"}, "副科长": {"科"},
	"厅长": {"厅"}, "副厅长": {"厅"}, "司长": {"司"}, "副司长": {"司"}, "所长": {"所"}, "副所长": {"所"},
	"署长": {"署"}, "副署长": {"署"},
}

// titleFitsOrg reports whether a title can be held at an organisation of
// that name: 院长 at a hospital, not at the 市政府 a chain of titles named
// before it (大连市政府副秘书长、卫健委主任赵作伟、院长王若雨).
func titleFitsOrg(title, org string) bool {
	kinds, ok := titleKinds[title]
	if !ok {
		if _, place := placeTitles[title]; place {
			return strings.HasSuffix(org, "政府") || strings.HasSuffix(org, "委")
		}
		return true
	}
	return hasAnySuffix(org, kinds) != ""
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

// contractedTitleOrg returns the organisation whose name's last character
// opens a title at off (卫生局 and 局长 in 卫生局长, 医院 and 院长 in 医院长),
// or nil.
func contractedTitleOrg(orgs []*orgMention, off int, title string) *orgMention {
	if !strings.HasSuffix(title, "长") || utf8.RuneCountInString(title) != 2 {
		return nil
	}
	for _, o := range orgs {
		if !o.ref && o.end == off+len(title)-len("长") && o.start < off && strings.HasSuffix(o.name, strings.TrimSuffix(title, "长")) {
			return o
		}
	}
	return nil
}

// tenureWords say when a post is held; they may stand between a body and
// its title.
var tenureWords = []string{"新任", "现任", "时任", "前任", "首任", "原", "代理"}

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
	// 副市长和朱岷副主任, 书记和王卫明院长: a conjunction gse cut off
	// before a surname joins two people; 和 is a surname too, but not here.
	if c := firstRunes(rest, 1); (c == "和" || c == "与" || c == "及" || c == "同") && functionWordAt(st, off) && surnames[firstRunes(rest[len(c):], 1)] {
		return readName(st, off+len(c), orgs)
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
		// A word before a colon is a label (单位：, 时间：), not a name.
		delimited := (t.End == st.End || strings.ContainsRune("、,，;；。!！?？ \u3000\n", next)) && !strings.HasPrefix(t.POS, "v")
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
		// 宋卫平等出席: 平等 is the name's end and 等, not a word.
		if n == 1 && (titleAt(given[size:]) != "" || startsLongToken(st, at) && !endsWithDeng(st, at) || insideOrg(orgs, at)) {
			break
		}
		// 院长曾应邀, 院長都曾於: a surname character gse reads as an
		// adverb, followed by a verb or adverb, is the sentence going on.
		if n == 0 && (titleAt(given[size:]) != "" || insideOrg(orgs, at) || functionWordAt(st, off) && (startsFunctionWord(st, at) || functionWordAt(st, at)) || pronounAt(st, at)) {
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

// titleStraddlesWord reports whether a title read at [start, end) begins
// inside a word of gse's that ends inside the title (学校/对 holds no 校对).
func titleStraddlesWord(st *sentenceText, start, end int) bool {
	i := st.firstTokenFrom(start)
	if i == 0 || i > len(st.toks) {
		return false
	}
	t := st.toks[i-1]
	return t.Start < start && start < t.End && t.End < end
}

// namesListedBefore reads the names listed before the one starting at off
// (杨薇、柳克祥副院长: 杨薇), each after a list comma, in text order.
func namesListedBefore(st *sentenceText, off int, orgs []*orgMention) []*personMention {
	var out []*personMention
	for strings.HasSuffix(st.at(st.Start, off), "、") {
		end := off - len("、")
		var found *personMention
		for _, k := range []int{3, 2} {
			cand := lastRunes(st.at(st.Start, end), k)
			start := end - len(cand)
			if utf8.RuneCountInString(cand) != k {
				continue
			}
			ahead := st.at(st.Start, start)
			r, _ := utf8.DecodeLastRuneInString(ahead)
			// The name before stands after a list comma, a title that ended
			// the position before, or the start of a clause.
			if ahead != "" && unicode.Is(unicode.Han, r) && titles.suffixOf(ahead) == "" && hasAnySuffix(ahead, peopleOfBody) == "" {
				continue
			}
			if p := readName(st, start, orgs); p != nil && p.end == end {
				found = p
				break
			}
		}
		if found == nil {
			break
		}
		out = append([]*personMention{found}, out...)
		off = found.start
	}
	return out
}

// peopleOfBody are words for the people of a body, written between its
// name and theirs.
var peopleOfBody = []string{"专家团队", "专家组", "专家", "团队", "领导", "一行"}

// lastPositionEndingAt is the position read last whose title ends at off.
func lastPositionEndingAt(out []*positionMention, off int) *positionMention {
	if len(out) == 0 {
		return nil
	}
	last := out[len(out)-1]
	if last.titleEnd != off {
		return nil
	}
	return last
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
		// 副市长和朱岷副主任: a conjunction gse cut off joins two people.
		if k == 3 && functionWordAt(st, start) {
			continue
		}
		ahead := st.at(st.Start, start)
		r, _ := utf8.DecodeLastRuneInString(ahead)
		// An organisation's name ends where a person's begins (南京医科大学张前德副校长).
		atBoundary := ahead == "" || !unicode.Is(unicode.Han, r) || boundaryWordEndingAt(st, st.Start, start, false) != "" || orgEndsAt(orgs, start) != nil
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

// functionPOS are gse's tags of words that are never part of a name.
var functionPOS = map[string]bool{"v": true, "vn": true, "vd": true, "vi": true, "d": true, "p": true, "c": true, "u": true, "uj": true, "ul": true, "uz": true, "uv": true, "ud": true, "ug": true, "r": true}

// startsFunctionWord reports whether a word of two or more characters that
// gse reads as a verb, adverb or function word starts at off (应邀).
func startsFunctionWord(st *sentenceText, off int) bool {
	t, ok := st.tokenAt(off)
	return ok && utf8.RuneCountInString(t.Text) >= 2 && functionPOS[t.POS]
}

// functionWordAt reports whether gse cut one character at off on its own
// and reads it as an adverb or function word (都/d, 曾/d, 和/c).
func functionWordAt(st *sentenceText, off int) bool {
	t, ok := st.tokenAt(off)
	// 何/r is a surname as often as a pronoun: pronouns are left out.
	return ok && utf8.RuneCountInString(t.Text) == 1 && functionPOS[t.POS] && t.POS != "v" && t.POS != "vn" && t.POS != "r"
}

// pronounAt reports whether gse cut a one-character pronoun at off (由其, 由该):
// no given name starts with one.
func pronounAt(st *sentenceText, off int) bool {
	t, ok := st.tokenAt(off)
	return ok && utf8.RuneCountInString(t.Text) == 1 && t.POS == "r"
}

// endsWithDeng reports whether the two-character word at off ends in 等
// ("and others"), which follows names.
func endsWithDeng(st *sentenceText, off int) bool {
	t, ok := st.tokenAt(off)
	return ok && utf8.RuneCountInString(t.Text) == 2 && strings.HasSuffix(t.Text, "等")
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
