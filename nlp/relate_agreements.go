package nlp

import (
	"slices"
	"strings"
)

// signingCues say that organisations signed or began something together.
var signingCues = []string{"签署", "签订", "签约", "合作协议", "战略合作", "合作共建", "共建"}

// relateListSigning: 河南省人民医院、新乡市平原城乡一体化示范区签署合作协议 —
// two organisations listed without 与 and then a signing partner each other.
func relateListSigning(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for i := 0; i+1 < len(spans); i++ {
		if text[spans[i].end-base:spans[i+1].start-base] != "、" {
			continue
		}
		// 与新疆医科大学第一附属医院、喀什大学签署: the objects of a 与;
		// 共建济南市疾病预防控制中心、济南市儿童医院签约: what is built.
		if hasAnySuffix(text[:spans[i].start-base], []string{"与", "和", "同", "及", "共建", "建设", "组建", "成立", "挂牌", "揭牌"}) != "" {
			continue
		}
		if i > 0 && joinsList(text[spans[i-1].end-base:spans[i].start-base]) {
			continue
		}
		// 闵行区政府、上海交通大学、上海紫竹高新区、瑞金医院负责人签署共建
		// 合作协议: a longer list signs together when the signing follows
		// it at once; otherwise it is a list of members or guests.
		if i+2 < len(spans) && joinsList(text[spans[i+1].end-base:spans[i+2].start-base]) {
			last := i + 1
			for last+1 < len(spans) && joinsList(text[spans[last].end-base:spans[last+1].start-base]) {
				last++
			}
			if !signsAtOnce(text[spans[last].end-base:]) {
				i = last
				continue
			}
			for a := i; a <= last; a++ {
				for b := a + 1; b <= last; b++ {
					s.add(spans[a].id, PartnerOf, spans[b].id)
				}
			}
			i = last
			continue
		}
		from := spans[i+1].end
		to := st.End
		if c := strings.IndexAny(text[from-base:], ",，。;；"); c >= 0 {
			to = from + c
		}
		// 青岛市人民政府、青岛大学共建青岛大学青岛医学院战略合作协议签约仪式:
		// names between count for nothing.
		limit := 24
		for _, sp := range spans[i+2:] {
			if sp.start < to && sp.start-from < limit {
				limit += sp.end - sp.start
			}
		}
		if to-from > limit {
			to = from + limit
		}
		if hasCueToken(st, from, to, []string{"签署", "签订", "签约"}) {
			s.add(spans[i].id, PartnerOf, spans[i+1].id)
		}
	}
}

// signsAtOnce reports whether a signing follows a list at once, with no more
// than the words for who signs between (负责人签署, 四方共同签订).
func signsAtOnce(after string) bool {
	for {
		w := hasAnyPrefix(after, []string{"负责人", "代表", "领导", "三方", "四方", "五方", "共同", "正式", "分别"})
		if w == "" {
			break
		}
		after = after[len(w):]
	}
	return hasAnyPrefix(after, []string{"签署", "签订", "签约"}) != ""
}

// relateBothSides: 双方 after two organisations joined by 与 in the
// sentence or the one before means them: 双方签署了合作协议 is a partnership.
func relateBothSides(s *relationSet, spans []orgSpan, st *sentenceText) {
	if !s.bothSides {
		return
	}
	if p := lastPairWithYu(s, spans, st); p[0] != "" {
		s.pair = p
	}
	if !st.mayContain("双方") && !st.mayContain("两院") {
		return
	}
	text := st.Text
	k := -1
	for _, w := range []string{"双方", "两院"} {
		if j := strings.Index(text, w); j >= 0 && (k < 0 || j < k) {
			k = j
		}
	}
	if k < 0 || !hasCueToken(st, st.Start+k, st.End, append(signingCues, "合作")) {
		return
	}
	a, b := s.pair[0], s.pair[1]
	if a == "" || b == "" {
		return
	}
	s.add(a, PartnerOf, b)
}

// lastPairWithYu returns the organisations a sentence joins by 与 (A 与 B),
// the last such pair, or the empty pair.
func lastPairWithYu(s *relationSet, spans []orgSpan, st *sentenceText) [2]string {
	var pair [2]string
	text, base := st.Text, st.Start
	for _, conj := range []string{"与", "和", "同"} {
		for _, at := range s.find(text, conj) {
			k := orgRightAfter(spans, base+at+len(conj))
			o := lastBefore(spans, base+at)
			if k < 0 || o == nil || strings.ContainsAny(text[o.end-base:at], ",，。;；") || o.end != base+at {
				continue
			}
			pair = [2]string{s.subjectBefore(spans, base+at), spans[k].id}
		}
	}
	return pair
}

// supportActs follow 对 B 进行 (A 对 B 进行托管): the subject helps B.
var supportActs = []string{"托管", "帮扶", "对口支援", "对口帮扶", "指导", "技术指导", "业务指导", "支援", "扶持"}

// relateSupportActs: 湖南省人民医院将对即将建成的长沙县人民医院进行整体托管 —
// the one before 对 supports the one after it.
func relateSupportActs(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, at := range s.find(text, "对") {
		k := firstAfter(spans, base+at+len("对"))
		if k >= len(spans) {
			continue
		}
		// Only a few words between 对 and B (即将建成的).
		if gap := text[at+len("对") : spans[k].start-base]; len(gap) > 18 || strings.ContainsAny(gap, ",，。;；") {
			continue
		}
		clause := text[spans[k].end-base:]
		if c := strings.IndexAny(clause, ",，。;；"); c >= 0 {
			clause = clause[:c]
		}
		act := -1
		for _, verb := range []string{"进行", "开展", "实施", "实行", "给予"} {
			if j := strings.Index(clause, verb); j >= 0 && j < 18 {
				act = j + len(verb)
				break
			}
		}
		if act < 0 {
			continue
		}
		rest := clause[act:]
		for w := hasAnyPrefix(rest, []string{"整体", "全面", "全方位", "深度", "紧密型"}); w != ""; w = hasAnyPrefix(rest, []string{"整体", "全面", "全方位", "深度", "紧密型"}) {
			rest = rest[len(w):]
		}
		if hasAnyPrefix(rest, supportActs) == "" {
			continue
		}
		if o := lastBefore(spans, base+at); o != nil && !strings.ContainsAny(text[o.end-base:at], "。;；") {
			s.add(s.subjectBefore(spans, base+at), Supports, spans[k].id)
		}
	}
}

// relateSignatories: 副省长宋争辉与…北京大学第六医院院长陆林…签约 — people who
// sign for their bodies make the bodies partners.
func relateSignatories(s *relationSet, _ []orgSpan, st *sentenceText) {
	f, orgID := s.facts, s.orgID
	if !mayContainAny(st, []string{"签约", "签署", "签订"}) {
		return
	}
	text := st.Text
	for _, at := range indexAll(text, "与") {
		off := st.Start + at
		clauseEnd := st.End
		if c := strings.IndexAny(text[at:], "。;；"); c >= 0 {
			clauseEnd = off + c
		}
		if !hasCueToken(st, off, clauseEnd, []string{"签约", "签署", "签订"}) {
			continue
		}
		// …与南投医院院长洪弘昌代表签约,军医局长吴怡昌…出席: those named
		// after the signing attend it.
		cue := clauseEnd
		for _, w := range []string{"签约", "签署", "签订"} {
			if k := strings.Index(st.at(off, clauseEnd), w); k >= 0 && off+k < cue {
				cue = off + k
			}
		}
		clauseEnd = cue
		var left, right []string
		for _, p := range f.positions {
			id := ""
			if p.org != nil {
				id = orgID[p.org]
			}
			if id == "" {
				continue
			}
			switch {
			case p.person.end <= off && !strings.ContainsAny(text[p.person.end-st.Start:at], "，;；。"):
				left = append(left, id)
			case p.person.start >= off && p.person.start < clauseEnd:
				right = append(right, id)
			}
		}
		if len(left) == 0 || len(right) == 0 {
			continue
		}
		for _, r := range right {
			s.add(left[len(left)-1], PartnerOf, r)
		}
	}
}

// allianceDashes join the two hospitals of a named alliance or agreement:
// 武汉大学中南医院——公安县人民医院胃肠外科专科联盟.
var allianceDashes = []string{"——", "—", "-", "－", "–"}

// relateDashedPairs: A——B 专科联盟/医联体/合作 — the two partner each other.
func relateDashedPairs(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for i := 0; i+1 < len(spans); i++ {
		gap := strings.TrimSpace(text[spans[i].end-base : spans[i+1].start-base])
		if !slices.Contains(allianceDashes, gap) {
			continue
		}
		rest := text[spans[i+1].end-base:]
		if c := strings.IndexAny(rest, ",，。;；"); c >= 0 {
			rest = rest[:c]
		}
		if len(rest) > 45 {
			rest = rest[:45]
		}
		for _, cue := range []string{"联盟", "医联体", "合作", "协作", "共建", "签约"} {
			if strings.Contains(rest, cue) {
				s.add(spans[i].id, PartnerOf, spans[i+1].id)
				break
			}
		}
	}
}
