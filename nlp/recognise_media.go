package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mediaKinds end the names of news outlets wherever they stand (健康报 is
// left to the byline cues: 报 alone ends 汇报 and 简报 too).
var mediaKinds = []string{"日报社", "日报", "晚报", "早报", "时报", "商报", "都市报", "报社", "新闻网", "融媒体中心", "广播电视台", "电视台", "通讯社", "新闻社"}

// mediaEnds end an outlet's name in a byline: 生活报讯, 荆楚网讯, 联合报记者,
// (中央社澎湖县14日电).
var mediaEnds = []string{"报", "网", "社", "台", "新闻", "传媒"}

// bylineAfter are what follows an outlet's name in a byline.
var bylineAfter = []string{"讯", "记者", "通讯员", "全媒体记者", "特约记者", "见习记者", "实习记者", "报道", "消息", "编辑", "责任编辑", "责编", "摄影", "摄", "供稿", "审核"}

// The same as word lists indexed by character, looked up at every candidate
// character of every sentence.
var (
	mediaKindList   = newWordList(mediaKinds)
	mediaEndList    = newWordList(mediaEnds)
	bylineAfterList = newWordList(bylineAfter)
)

// sourceCues name the publisher of a text on a line of its own.
var sourceCues = []string{"来源:", "来源 :", "稿源:", "信息来源:", "文章来源:"}

// genericSources are 来源 values that name no one (本站, 网络, 原创).
var genericSources = []string{"本站", "本网", "网络", "原创", "互联网", "综合", "医院", "我院", "本院", "官网", "微信", "公众号", "未知"}

// recogniseMedia finds the news outlets a sentence names: by a kind that
// only outlets have (…日报, …融媒体中心), by a byline (X讯, X记者, X社…电), or
// as the value of a 来源 line. They are institutions: the publishers that
// bylines work for.
func recogniseMedia(st *sentenceText, orgs []*orgMention) []*orgMention {
	var out []*orgMention
	text := st.Text
	add := func(start, end int) {
		// 转自《衡水日报》: a title in book brackets names a publication.
		if end-start < len("报") || insideOrg(out, start) || strings.HasSuffix(st.at(st.Start, start), "《") {
			return
		}
		name := st.at(start, end)
		// 本报讯: the paper speaks of itself and names none.
		if utf8.RuneCountInString(name) < 2 || utf8.RuneCountInString(name) > 15 || hasAnyPrefix(name, genericSources) != "" || hasAnyPrefix(name, []string{"本", "我", "该"}) != "" {
			return
		}
		// 敦化市融媒体中心 was read as a unit (中心): it is an outlet.
		for _, o := range orgs {
			if o.start == start && o.end == end && o.typ == Department && o.parent == nil {
				o.typ, o.suffix, o.media = Institution, lastRunes(name, 1), true
				return
			}
		}
		for _, o := range orgs {
			if o.start == start && o.end == end {
				o.media = true
			}
		}
		if insideOrg(orgs, start) {
			return
		}
		out = append(out, &orgMention{start: start, end: end, name: name, typ: Institution, suffix: lastRunes(name, 1), media: true})
	}
	for _, cue := range sourceCues {
		if !st.mayContain(cue) {
			continue
		}
		for _, k := range indexAll(text, cue) {
			from := k + len(cue)
			for from < len(text) && (text[from] == ' ') {
				from++
			}
			end := from
			for end < len(text) {
				r, n := utf8.DecodeRuneInString(text[end:])
				if !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) {
					break
				}
				end += n
			}
			// 来源:澎湃新闻; an account's pen name (集贤微言) says no kind.
			if hasAnySuffix(text[from:end], mediaEnds) != "" || hasAnySuffix(text[from:end], mediaKinds) != "" {
				add(st.Start+from, st.Start+end)
			}
		}
	}
	// Most sentences hold no kind of outlet: the sentence's characters rule
	// them out before any character is looked at.
	possible := false
	for _, w := range mediaWords {
		if st.mayContain(w) {
			possible = true
			break
		}
	}
	if !possible {
		return out
	}
	for i, r := range text {
		// Most characters end no kind of outlet: a bit test rules them out.
		if !mediaLasts.has(r) {
			continue
		}
		upTo := i + utf8.RuneLen(r)
		kind := mediaKindList.suffixOf(text[:upTo])
		byline := ""
		if kind == "" {
			if end := mediaEndList.suffixOf(text[:upTo]); end != "" {
				// 联合报／ 记者胡蓬生: a slash or a space may stand between.
				after := strings.TrimLeft(text[upTo:], " /／|:")
				if w := bylineAfterList.prefixOf(after); w != "" || dispatchDateline(after) {
					kind, byline = end, "yes"
				}
			}
		}
		if kind == "" {
			continue
		}
		at := upTo - len(kind)
		end := st.Start + upTo
		// 即时报导: the kind must end a word, not start 报导.
		if byline == "" && !st.isCut(end) && end < st.End {
			continue
		}
		start := mediaStart(st, st.Start+at)
		if byline != "" && start == st.Start+at {
			continue // 报 alone, 网讯: no outlet named
		}
		add(start, end)
	}
	return out
}

// mediaWords are the kinds and ends of outlets' names together.
var mediaWords = append(append([]string{}, mediaKinds...), mediaEnds...)

// mediaLasts holds the last character of every mediaKinds and mediaEnds
// word.
var mediaLasts = func() *runeSet {
	s := new(runeSet)
	for _, w := range append(append([]string{}, mediaKinds...), mediaEnds...) {
		r, _ := utf8.DecodeLastRuneInString(w)
		s.add(r)
	}
	return s
}()

// dispatchDateline reports whether text opens a dateline after an agency's
// name: a place, a day and 电 (澎湖县14日电, 北京电).
func dispatchDateline(text string) bool {
	k := strings.Index(text, "电")
	if k <= 0 || k > len("乌鲁木齐5月25日")+3 {
		return false
	}
	return strings.HasSuffix(text[:k], "日") || places().provinces.prefixOf(text) != "" || places().divisions.prefixOf(text) != "" || places().prefectures.prefixOf(text) != ""
}

// mediaStart grows an outlet's name to the left of its kind, which starts at
// off: over the characters of names, to the start of the sentence, a bracket,
// a label's colon, a space or a word gse reads as a verb or function word.
func mediaStart(st *sentenceText, off int) int {
	start := off
	for start > st.Start {
		r, n := utf8.DecodeLastRuneInString(st.at(st.Start, start))
		if !unicode.Is(unicode.Han, r) {
			break
		}
		if t, ok := st.tokenEndingAt(start); ok && t.Start < start && functionPOS[t.POS] && utf8.RuneCountInString(t.Text) >= 2 {
			break
		}
		if boundaryWords.suffixOf(st.at(st.Start, start)) != "" && st.isCut(start) && utf8.RuneCountInString(boundaryWords.suffixOf(st.at(st.Start, start))) >= 2 {
			break
		}
		start -= n
		if off-start > 12*3 {
			return off
		}
	}
	return start
}
