package nlp

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// orgSpan is an organisation named in a sentence, resolved to its entity.
type orgSpan struct {
	start, end int
	id         string
	teaching   bool // the hospital before it is its teaching hospital
}

// relationCues are the words that state a relation, found by relate and
// tied to the organisations around them.
var (
	// supportUnder: 在 A、B 的大力支持下 C … → A, B support C.
	supportUnderEnds = []string{"的大力支持下", "的支持下", "的帮扶下", "的大力帮扶下", "的帮助下", "的指导下", "的关心支持下", "的鼎力支持下", "的倾力帮扶下", "支持下", "帮扶下", "指导下", "帮助下", "赋能下", "带领下", "的赋能下", "的带领下"}
	// dispatch: A 派驻/选派 … 到/赴/至 B → A supports B.
	dispatchCues = append([]string{"派驻", "选派", "派出", "下派", "派专家", "安排专家", "委派", "输送", "选送专家"}, dispatchNouns...)
	// dispatchNouns name the team that goes: 专家团队赴 B.
	dispatchNouns = []string{"专家团队", "专家组", "专家一行", "医疗队", "帮扶团队", "巡回医疗队"}
	// destinations after a dispatch cue.
	destinationCues = []string{"分赴", "到", "赴", "至", "进驻", "入驻", "常驻", "驻扎", "派驻", "任", "前往", "下沉到", "支援", "来到", "来"}
	// movementCues are the destination cues that say where people go; 来
	// (来院, 来我院) comes to the article's own hospital, never elsewhere.
	movementCues = map[string]bool{"分赴": true, "到": true, "赴": true, "至": true, "前往": true, "下沉到": true}
	// supportVerbs: A 帮扶/对口支援/托管/带动 B → A supports B.
	supportVerbs = []string{"对口支援", "对口帮扶", "帮扶", "托管", "带动", "带领", "支援", "援建", "援助", "驰援", "扶持", "输出", "指导", "支持", "帮助"}
	// partnerVerbs follow 与 B: A 与 B 签约/合作/共建 → A partner_of B.
	partnerVerbs = []string{"签约", "签订", "签署", "合作", "共建", "构建", "组建", "携手", "联合", "并肩作战", "结成", "开展合作", "战略合作", "协作", "医联体", "专科联盟", "联盟"}
	// affiliationUnder: 由 A 主营主管/托管 → the subject is affiliated with A.
	affiliationUnderEnds = []string{"主营主管", "主办", "主管", "托管", "管理", "举办", "全资设立", "投资设立", "投资举办", "设立"}
	// bases: 在 A 成立 …基地 → the subject supports A.
	baseCues  = []string{"成立", "建立", "设立", "挂牌成立", "揭牌成立"}
	baseKinds = []string{"基地", "工作站", "分中心", "示范点", "专家工作室"}
)

// sentencePatterns are the patterns read in every sentence that names an
// organisation, in this order, each by the rule name its relations carry.
var sentencePatterns = []struct {
	rule string
	read func(s *relationSet, spans []orgSpan, st *sentenceText)
}{
	{"supportUnder", relateSupportUnder},
	{"dispatch", relateDispatch},
	{"supportVerbs", relateSupportVerbs},
	{"partners", relatePartners},
	{"affiliationUnder", relateAffiliationUnder},
	{"bases", relateBases},
	{"invitations", relateInvitations},
	{"alliances", relateAlliances},
	{"reliance", relateReliance},
	{"membership", relateMembership},
	{"teaching", relateTeaching},
	{"backing", relateBacking},
	{"pairs", relatePairs},
	{"listSigning", relateListSigning},
	{"dashedPairs", relateDashedPairs},
	{"supportActs", relateSupportActs},
	{"helperUnits", relateHelperUnits},
	{"signatories", relateSignatories},
	{"bothSides", relateBothSides},
}

// relate finds the supports, affiliated_with and partner_of relations of a
// document: from cue words around the organisations of each sentence, and
// from names (北京大学第一医院密云医院 is affiliated with 北京大学第一医院).
func relate(r *resolution, facts []sentenceFacts, orgID map[*orgMention]string) []Relation {
	rel := newRelationSet(r, orgID)
	rel.bothSides = strings.Contains(r.doc.Text, "双方")
	for i, f := range facts {
		spans := rel.sentenceOrgs(f)
		if len(spans) == 0 {
			continue // every pattern needs a named organisation
		}
		rel.startSentence(i, f)
		for _, p := range sentencePatterns {
			rel.rule = p.rule
			p.read(rel, spans, f.st)
		}
	}
	rel.rule = "byName"
	relateByName(rel, facts, orgID)
	return rel.out
}

// relationSet collects relations without duplicates; partner_of is stored
// once whichever way round it was stated.
type relationSet struct {
	r        *resolution
	orgID    map[*orgMention]string
	sentence int
	rule     string // the pattern reading now, given to what it adds
	seen     map[[3]string]bool
	out      []Relation
	// st is the current sentence: a cue word with a character it lacks is
	// not looked for (most are not there); facts are what it names.
	st    *sentenceText
	facts sentenceFacts
	// pair is the last two organisations joined by 与, for 双方, looked for
	// only when the document says 双方 (bothSides).
	pair      [2]string
	bothSides bool
	// spanBuf and mergedBuf hold the spans of the sentence being read.
	spanBuf, mergedBuf []orgSpan
	// found holds where the cues looked for in the sentence are.
	found map[string][]int
}

// startSentence sets the sentence the patterns read next.
func (s *relationSet) startSentence(i int, f sentenceFacts) {
	s.sentence = i
	s.st = f.st
	s.facts = f
	clear(s.found)
}

// find returns the byte offsets of word in the current sentence's text.
func (s *relationSet) find(text, word string) []int {
	if !s.st.mayContain(word) {
		return nil
	}
	// Patterns look for the same cues (在, 与, 为) again: each once.
	if text == s.st.Text {
		if at, ok := s.found[word]; ok {
			return at
		}
		at := indexAll(text, word)
		s.found[word] = at
		return at
	}
	return indexAll(text, word)
}

func newRelationSet(r *resolution, orgID map[*orgMention]string) *relationSet {
	return &relationSet{r: r, orgID: orgID, seen: make(map[[3]string]bool), found: make(map[string][]int)}
}

func (s *relationSet) add(subject string, p Predicate, object string) {
	if subject == "" || object == "" || subject == object {
		return
	}
	se, oe := s.r.entities[subject], s.r.entities[object]
	if se == nil || oe == nil || se.Type == Official || oe.Type == Official {
		return
	}
	// A unit hangs from its parent (GUIDE.md): it joins no group itself.
	if p == AffiliatedWith && se.Type == Department {
		return
	}
	// A hospital leading its own departments states no relation between
	// organisations.
	if se.Parent == object || oe.Parent == subject {
		return
	}
	if p == PartnerOf && object < subject {
		subject, object = object, subject
	}
	// Help goes one way: a reading that has it back the other way (对口支援
	// B(市肿瘤医院) read with B's short name) is the mistake.
	if p == Supports && s.seen[[3]string{object, string(p), subject}] {
		return
	}
	key := [3]string{subject, string(p), object}
	if s.seen[key] {
		return
	}
	s.seen[key] = true
	s.out = append(s.out, Relation{Subject: subject, Predicate: p, Object: object, Sentence: s.sentence, Rule: s.rule})
}

// placeEndingAt returns the place name that text ends with, written whole
// (眉山市, 北京市) or by its short form (眉山), or "".
func placeEndingAt(text string) string {
	for n := 2; n <= 8; n++ {
		p := lastRunes(text, n)
		if utf8.RuneCountInString(p) < n {
			break
		}
		if placeAt(p) == p {
			// The place opens its clause: nothing but a date or an opener
			// stands before it.
			if opensClause(strings.TrimSuffix(text, p)) {
				return p
			}
		}
	}
	return ""
}

// governmentOfPlace returns the government or Party committee the text
// names for a place (眉山市人民政府 for 眉山), or "".
func (r *resolution) governmentOfPlace(place string) string {
	short := strings.TrimRight(place, "省市县区州")
	for _, id := range r.order {
		e := r.entities[id]
		if e.Type != Institution || !strings.HasPrefix(e.Name, short) {
			continue
		}
		rest := strings.TrimPrefix(strings.TrimPrefix(e.Name, short), strings.TrimPrefix(place, short))
		rest = strings.TrimLeft(rest, "省市县区州")
		if rest == "人民政府" || rest == "政府" {
			return id
		}
	}
	return ""
}

// addHelpBetween adds supports between two organisations that the text
// joins as equals (A 与 B 建立对口帮扶关系): from the one at the higher level
// (levelOf), else from a to b.
func (s *relationSet) addHelpBetween(a, b string) {
	ea, eb := s.r.entities[a], s.r.entities[b]
	if ea == nil || eb == nil {
		return
	}
	helper, helped := helpsDown(ea, eb)
	// 温医一院与玉环县人民政府签订托管协议: the help goes to the
	// government's hospital, which the text names on its own if at all.
	if helped.Type != Hospital {
		return
	}
	s.add(helper.ID, Supports, helped.ID)
}

// sentenceOrgs lists the organisations of a sentence in text order, with the
// bare word 医院 used for the article's own hospital (入驻医院, 医院邀请).
func (s *relationSet) sentenceOrgs(f sentenceFacts) []orgSpan {
	r, orgID := s.r, s.orgID
	// The spans of one sentence are read before the next one's are made:
	// the same two buffers serve every sentence.
	spans := s.spanBuf[:0]
	for _, o := range f.orgs {
		if id := orgID[o]; id != "" {
			spans = append(spans, orgSpan{o.start, o.end, id, o.teaching})
		}
	}
	if r.main != "" && f.st.mayContain("医院") {
		text := f.st.Text
		for off := 0; ; {
			k := strings.Index(text[off:], "医院")
			if k < 0 {
				break
			}
			s := f.st.Start + off + k
			off += k + len("医院")
			if insideOrg(f.orgs, s) {
				continue
			}
			before := text[:s-f.st.Start]
			if before == "" || strings.HasSuffix(before, ",") || strings.HasSuffix(before, "入驻") || strings.HasSuffix(before, "到") || strings.HasSuffix(before, "为") {
				spans = append(spans, orgSpan{start: s, end: s + len("医院"), id: r.main})
			}
		}
	}
	// slices.SortFunc runs the same pdqsort as sort.Slice, so ties end in the
	// same order, without sort.Slice's reflection.
	slices.SortFunc(spans, func(a, b orgSpan) int { return cmp.Compare(a.start, b.start) })
	// Spans overlap only where two readings of one name survived (a teaching
	// body inside a hospital name): keep the first, so that the text between
	// consecutive spans is always well defined.
	kept := spans[:0]
	for _, sp := range spans {
		if n := len(kept); n > 0 && sp.start < kept[n-1].end {
			// The same name read twice (三峡大学 as a name and as the body of
			// a teaching site): one span that keeps both readings.
			if sp.start == kept[n-1].start && sp.end == kept[n-1].end && sp.id == kept[n-1].id {
				kept[n-1].teaching = kept[n-1].teaching || sp.teaching
			}
			continue
		}
		kept = append(kept, sp)
	}
	spans = kept
	s.spanBuf = spans
	// A unit named with its government body acts for itself
	// (河北省卫生健康委医疗评价指导中心专家组来院指导): one span, the unit's.
	merged := s.mergedBuf[:0]
	for i := 0; i < len(spans); i++ {
		if i+1 < len(spans) && spans[i].end == spans[i+1].start {
			unit, body := r.entities[spans[i+1].id], r.entities[spans[i].id]
			if unit != nil && body != nil && unit.Type == Department && unit.Parent == body.ID && body.Type == Institution {
				merged = append(merged, orgSpan{start: spans[i].start, end: spans[i+1].end, id: unit.ID})
				i++
				continue
			}
			// A hospital's department (与…医院神经内科签约共建) commits its
			// hospital: relations are between organisations, a unit hangs
			// from its parent.
			if unit != nil && body != nil && unit.Type == Department && unit.Parent == body.ID && body.Type == Hospital {
				merged = append(merged, orgSpan{start: spans[i].start, end: spans[i+1].end, id: body.ID})
				i++
				continue
			}
		}
		merged = append(merged, spans[i])
	}
	s.mergedBuf = merged
	return merged
}

// joinsList reports whether the text between two organisations makes them
// one list: nothing (区委区政府), 、, 和, 及, 以及 or 与.
func joinsList(gap string) bool {
	switch gap {
	case "", "、", "和", "及", "以及", "与":
		return true
	}
	return false
}

// listAfter returns the organisations named one after another from index i:
// 如皋市人民医院、新疆伊宁县人民医院、青海贵德县人民医院.
func listAfter(spans []orgSpan, i int, text string, base int) []orgSpan {
	if i >= len(spans) {
		return nil
	}
	out := []orgSpan{spans[i]}
	for k := i + 1; k < len(spans); k++ {
		if !joinsList(text[spans[k-1].end-base : spans[k].start-base]) {
			break
		}
		out = append(out, spans[k])
	}
	return out
}

// orgRightAfter is the index of the organisation that starts exactly at the
// document offset off (the one a cue word stands right before), or -1.
func orgRightAfter(spans []orgSpan, off int) int {
	k := firstAfter(spans, off)
	if k < len(spans) && spans[k].start == off {
		return k
	}
	return -1
}

// firstAfter is the index of the first organisation starting at or after off.
func firstAfter(spans []orgSpan, off int) int {
	for i, s := range spans {
		if s.start >= off {
			return i
		}
	}
	return len(spans)
}

// lastBefore is the organisation that ends last at or before off, or nil.
func lastBefore(spans []orgSpan, off int) *orgSpan {
	var best *orgSpan
	for i := range spans {
		if spans[i].end <= off {
			best = &spans[i]
		}
	}
	return best
}

// subjectBefore is the organisation a cue at off speaks of: the nearest one
// before it in the sentence, else the article's own hospital.
func (s *relationSet) subjectBefore(spans []orgSpan, off int) string {
	if o := lastBefore(spans, off); o != nil {
		// 心血管内科、神经外科专家赴…: a hospital's departments act for it.
		if e := s.r.entities[o.id]; e != nil && e.Type == Department {
			if p := s.r.entities[e.Parent]; p != nil && p.Type == Hospital {
				return p.ID
			}
		}
		return o.id
	}
	return s.r.main
}

// subjectsBefore is the list of organisations a cue at off speaks of: the
// nearest one before it and those named with it (秭归县中医医院、秭归县妇幼保健院也已加入…),
// else the article's own hospital.
func (s *relationSet) subjectsBefore(spans []orgSpan, text string, base, off int) []string {
	last := -1
	for i := range spans {
		if spans[i].end <= off {
			last = i
		}
	}
	if last < 0 {
		return []string{s.r.main}
	}
	first := last
	for first > 0 {
		if !joinsList(text[spans[first-1].end-base : spans[first].start-base]) {
			break
		}
		first--
	}
	out := []string{s.subjectBefore(spans, spans[last].end)}
	for i := first; i < last; i++ {
		out = append(out, s.subjectBefore(spans, spans[i].end))
	}
	return out
}

func indexAll(text, word string) []int {
	var out []int
	for off := 0; ; {
		k := strings.Index(text[off:], word)
		if k < 0 {
			return out
		}
		out = append(out, off+k)
		off += k + len(word)
	}
}

// relateSupportUnder: 在区委区政府、区卫生健康委及北大医院的大力支持下,密云医院… .
func relateSupportUnder(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, at := range s.find(text, "在") {
		rest := text[at:]
		end := -1
		for _, cue := range supportUnderEnds {
			if !s.st.mayContain(cue) {
				continue
			}
			if k := strings.Index(rest, cue); k >= 0 && (end < 0 || k < end) {
				end = k
			}
		}
		if end < 0 || strings.ContainsAny(rest[:end], ",，。;；") {
			continue
		}
		helpers := listAfter(spans, firstAfter(spans, base+at), text, base)
		var helped string
		if o := lastBefore(spans, base+at); o != nil && !strings.ContainsAny(text[o.end-base:at], "。;；") {
			// 市中心医院加入…联盟,在上海瑞金医院指导下完成手术: the subject
			// of the sentence is helped.
			helped = s.subjectBefore(spans, spans[0].end)
		} else if k := firstAfter(spans, base+at+end); k < len(spans) {
			helped = spans[k].id
		} else {
			helped = s.r.main
		}
		for _, h := range helpers {
			if h.end <= base+at+end {
				s.add(h.id, Supports, helped)
			}
		}
	}
}

// relateDispatch: A 选派专家分赴 B、C; 派驻 A 专家任 B; A 陆续派驻医疗专家.
func relateDispatch(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, cue := range dispatchCues {
		for _, at := range s.find(text, cue) {
			cueEnd := at + len(cue)
			// 派出单位, 选派医院: the noun for the sender sends no one here;
			// 选派的第24批博士服务团成员 describes people, it sends them
			// nowhere the sentence says.
			if hasAnyPrefix(text[cueEnd:], []string{"单位", "医院", "机构", "方", "的"}) != "" {
				continue
			}
			helper := s.subjectBefore(spans, base+at)
			helpers := []string{helper}
			// 由 A、B、C 等11家医院选派…派驻 D: every hospital of the list sends.
			if o := lastBefore(spans, base+at); o != nil && strings.HasPrefix(text[o.end-base:at], "等") && !strings.ContainsAny(text[o.end-base:at], ",，") {
				helpers = s.subjectsBefore(spans, text, base, base+at)
			}
			// 派驻北京大学肿瘤医院专家任…: the sender is named right after the cue.
			if k := firstAfter(spans, base+cueEnd); k < len(spans) && spans[k].start == base+cueEnd && strings.HasPrefix(text[spans[k].end-base:], "专家") {
				helper = spans[k].id
				helpers = []string{helper}
				cueEnd = spans[k].end - base
			}
			clause := text[cueEnd:]
			if k := strings.IndexAny(clause, "。;；"); k >= 0 {
				clause = clause[:k]
			}
			// 选派骨干赴北京大学口腔医院进修: people sent to learn are helped
			// by where they go, not helping it.
			if learns(clause) {
				continue
			}
			found, elsewhere := false, false
			for _, dest := range destinationCues {
				if !s.st.mayContain(dest) {
					continue
				}
				for _, d := range indexAll(clause, dest) {
					// 选派…到县级医院: a movement in the cue's own clause.
					if movementCues[dest] && !strings.ContainsAny(clause[:d], ",，") {
						elsewhere = true
					}
					k := orgRightAfter(spans, base+cueEnd+d+len(dest))
					// 选派专家到集团各医院: the group the article names, by its word.
					if k < 0 && movementCues[dest] {
						if w := hasAnyPrefix(clause[d+len(dest):], groupWords); w != "" {
							if g := s.r.groupNamed(w); g != "" {
								for _, h := range helpers {
									s.add(h, Supports, g)
								}
								found = true
							}
						}
					}
					if k >= 0 {
						for _, o := range listAfter(spans, k, text, base) {
							for _, h := range helpers {
								s.add(h, Supports, o.id)
							}
							found = true
						}
					}
				}
			}
			// 北京大学肿瘤医院陆续派驻医疗专家百余名: sent to the article's
			// hospital. Only a verb sends; 专家团队 alone may be received.
			// Experts sent to a place the text does not name (选派…到县级医院)
			// are not sent to the article's hospital.
			if !found && !elsewhere && helper != s.r.main && !slices.Contains(dispatchNouns, cue) {
				if o := lastBefore(spans, base+at); o != nil && !strings.ContainsAny(text[o.end-base:at], ",，") {
					s.add(helper, Supports, s.r.main)
				}
			}
		}
	}
}

// pairDashes join a helper and the hospital it helps on a line of a list.
var pairDashes = []string{"——", "—", "--", "－－", "―", "→"}

// relatePairs: a notice whose title is about 对口帮扶 lists its pairs one to
// a line, 一、A——B: A supports B.
func relatePairs(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	if len(spans) != 2 {
		return
	}
	title := s.r.doc.Title
	if !strings.Contains(title, "帮扶") && !strings.Contains(title, "支援") && !strings.Contains(title, "托管") {
		return
	}
	gap := text[spans[0].end-base : spans[1].start-base]
	if !slices.Contains(pairDashes, strings.TrimSpace(gap)) {
		return
	}
	// Nothing else on the line but a list number.
	if strings.TrimSpace(text[spans[1].end-base:]) != "" || utf8.RuneCountInString(text[:spans[0].start-base]) > 4 {
		return
	}
	s.add(spans[0].id, Supports, spans[1].id)
}

// learns reports whether a dispatch clause sends people to learn (进修,
// 跟岗学习) rather than to help.
func learns(clause string) bool {
	if c := strings.IndexAny(clause, ",，"); c >= 0 {
		clause = clause[:c]
	}
	return strings.Contains(clause, "进修") || strings.Contains(clause, "跟岗") || strings.Contains(clause, "学习")
}

// backingVerbs are the support verbs of everyday language: they state
// support only as backsDevelopment allows.
var backingVerbs = map[string]bool{"支持": true, "帮助": true}

// backsDevelopment reports whether 支持 or 帮助 at at, with the organisation
// spans[k] right after it, is a named body backing that organisation (山西省
// 中医院…,全力支持阳曲县中医院做好振兴发展工作): the backer is named before it
// in the sentence, the clauses between going on with it, and not as one
// who is cared for (关心支持); and what is backed is the organisation, not
// its dealings with others (支持 X 与…合作, 支持 X 在…).
func backsDevelopment(spans []orgSpan, text string, base, at, k int) bool {
	o := lastBefore(spans, base+at)
	if o == nil || strings.ContainsAny(text[o.end-base:at], ";；。:：") || strings.HasSuffix(text[:at], "关心") {
		return false
	}
	return hasAnyPrefix(text[spans[k].end-base:], []string{"与", "和", "在", "对", "同"}) == ""
}

// relateSupportVerbs: A 帮扶/对口支援/托管/带领 B; 在 B … 支援.
func relateSupportVerbs(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, cue := range supportVerbs {
		for _, at := range s.find(text, cue) {
			k := orgRightAfter(spans, base+at+len(cue))
			if k >= 0 && backingVerbs[cue] && !backsDevelopment(spans, text, base, at, k) {
				continue
			}
			if k >= 0 {
				// 上海市第六人民医院、瑞金医院等5家医院组团式支援 C: every helper.
				for _, helper := range s.subjectsBefore(spans, text, base, base+at) {
					for _, o := range listAfter(spans, k, text, base) {
						s.add(helper, Supports, o.id)
					}
				}
				continue
			}
			// 在石家庄市人民医院重症病区…支援抗疫: supporting where one works.
			if cue == "支援" || cue == "驰援" || cue == "援助" {
				for _, in := range indexAll(text[:at], "在") {
					k := firstAfter(spans, base+in+len("在"))
					if k < len(spans) && spans[k].start == base+in+len("在") && !strings.HasSuffix(text[:spans[k].start-base], "与") {
						s.add(s.r.main, Supports, spans[k].id)
					}
				}
			}
		}
	}
}

// relatePartners: A 与 B 签约/合作/构建医联体; 与 B 医护并肩作战. The cue must
// be a word of its own: 资源整合作用 holds 合作 but states no cooperation.
func relatePartners(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, conj := range []string{"与", "和", "同"} {
		for _, at := range s.find(text, conj) {
			k := orgRightAfter(spans, base+at+len(conj))
			if k < 0 {
				continue
			}
			// 与新疆医科大学第一附属医院、喀什大学签署三方合作协议: the cue
			// follows the whole list, and every organisation of it partners.
			list := listAfter(spans, k, text, base)
			from := list[len(list)-1].end
			to := st.End
			if c := strings.IndexAny(text[from-base:], ",，。;；"); c >= 0 {
				to = from + c
				// …召开帮扶座谈会,签订第二轮对口帮扶协议: a clause that goes
				// on with the signing.
				next := strings.TrimLeft(text[from-base+c:], ",，")
				if w := hasAnyPrefix(next, []string{"签订", "签署", "共同签署", "并签订", "并签署", "正式签订", "正式签署"}); w != "" {
					to = from + c + (len(text[from-base+c:]) - len(next)) + len(w)
				}
			}
			// 与双鸭山双矿医院、七台河七煤医院举行黑龙江省肿瘤专科联盟医联体签约仪式:
			// the cue may follow a name; the names in between count for nothing.
			limit := 48
			for _, sp := range spans {
				if sp.start >= from && sp.end <= to && sp.start-from < limit {
					limit += sp.end - sp.start
				}
			}
			if to-from > limit {
				to = from + limit
			}
			// A support cue past another organisation is that one's
			// (…签约及海南省人民医院托管海南省第二人民医院).
			supportTo := to
			for _, sp := range spans[firstAfter(spans, from):] {
				if sp.start >= supportTo {
					break
				}
				named := false
				for _, o := range list {
					named = named || o.id == sp.id
				}
				if !named && sp.id != s.subjectBefore(spans, base+at) {
					supportTo = sp.start
					break
				}
			}
			supportCue := hasCueToken(st, from, supportTo, []string{"托管", "对口支援", "对口帮扶", "帮扶"})
			if !supportCue && !hasCueToken(st, from, to, partnerVerbs) {
				continue
			}
			// 与…联合组成 G, 与…联合举办: they make up or hold something
			// together, which other patterns read; no agreement between them.
			if !supportCue && jointMaking(text[from-base:to-base]) {
				continue
			}
			// 哈尔滨市儿童医院、…、哈尔滨市胸科医院将与哈尔滨医科大学开展合作:
			// every organisation of the list before 与 partners.
			subjects := s.subjectsBefore(spans, text, base, base+at)
			if o := lastBefore(spans, base+at); o == nil || o.end != base+at && strings.ContainsAny(text[o.end-base:at], ",，") {
				subjects = []string{s.r.main}
				// 天大与海河医院…: a name the recognisers did not read (it
				// ends as organisations do) is nobody's, though 集团与 is the
				// group the article names; a verb or nothing before 与
				// leaves the article's hospital.
				if last, _ := utf8.DecodeLastRuneInString(text[:at]); (strings.ContainsRune(orgFinals, last) || hasAnySuffix(text[:at], groupWords) != "") && !opensClause(text[:at]) {
					subjects = nil
					if w := hasAnySuffix(text[:at], groupWords); w != "" {
						if g := s.r.groupNamed(w); g != "" {
							subjects = []string{g}
						}
					}
				}
				// 眉山与四川大学签订…: a place acts through its government,
				// where the text names it (GUIDE.md: the place is then an
				// alias of the government); else it is no party.
				if p := placeEndingAt(text[:at]); p != "" {
					subjects = nil
					if g := s.r.governmentOfPlace(p); g != "" {
						subjects = []string{g}
					}
				}
			}
			// A 与 B 建立对口帮扶关系 / 签署托管协议: an agreement to run or
			// help the other is support in the direction of the help, and,
			// since the two signed, partnership as well (GUIDE.md).
			predicate := PartnerOf
			clauseEnd := st.End
			if c := strings.IndexAny(text[from-base:], ",，。;；"); c >= 0 {
				clauseEnd = from + c
			}
			signed := !supportCue || hasCueToken(st, from, clauseEnd, []string{"签约", "签订", "签署", "协议", "合作"})
			for _, a := range subjects {
				for _, o := range list {
					if signed {
						s.add(a, PartnerOf, o.id)
					}
					if supportCue {
						s.addHelpBetween(a, o.id)
					}
				}
				// 我院与 A、B 签订医联体协议,将派驻医师定期坐诊: the subject
				// of the agreement sends people to the partners, named
				// nowhere else.
				if predicate == PartnerOf && s.sendsAfter(spans, text, base, from) {
					for _, o := range list {
						s.add(a, Supports, o.id)
					}
				}
			}
		}
	}
}

// sendsAfter reports whether the clause after the one holding the document
// offset from sends people (将派驻医师…) and names no other organisation
// than units.
func (s *relationSet) sendsAfter(spans []orgSpan, text string, base, from int) bool {
	rest := text[from-base:]
	c := strings.IndexAny(rest, ",，。;；")
	if c < 0 || !strings.HasPrefix(rest[c:], ",") && !strings.HasPrefix(rest[c:], "，") {
		return false
	}
	rest = strings.TrimLeft(rest[c:], ",，")
	clauseStart := base + len(text) - len(rest)
	if e := strings.IndexAny(rest, ",，。;；"); e >= 0 {
		rest = rest[:e]
	}
	for _, sp := range spans {
		if sp.start >= clauseStart && sp.start < clauseStart+len(rest) {
			if e := s.r.entities[sp.id]; e == nil || e.Type != Department {
				return false
			}
		}
	}
	return hasAnyPrefix(rest, []string{"将派驻", "派驻", "将选派", "选派", "将下派", "下派", "将派出", "派出"}) != ""
}

// hasCueToken reports whether one of cues starts a gse token in [from, to).
func hasCueToken(st *sentenceText, from, to int, cues []string) bool {
	for _, t := range st.toks[st.firstTokenFrom(from):] {
		if t.Start >= to {
			break
		}
		if hasAnyPrefix(st.at(t.Start, st.End), cues) != "" {
			return true
		}
	}
	return false
}

// relateAffiliationUnder: (医院)由北京大学肿瘤医院主营主管; 隶属于 A.
func relateAffiliationUnder(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, at := range s.find(text, "由") {
		k := orgRightAfter(spans, base+at+len("由"))
		if k < 0 {
			// 该院由集团全资设立: the group the article names, by its word.
			rest := text[at+len("由"):]
			if w := hasAnyPrefix(rest, groupWords); w != "" && hasAnyPrefix(rest[len(w):], affiliationUnderEnds) != "" {
				for _, member := range s.subjectsBefore(spans, text, base, base+at) {
					s.add(member, AffiliatedWith, s.r.groupNamed(w))
				}
			}
			continue
		}
		after := text[spans[k].end-base:]
		// 健康共同体由德清县人民医院牵头: the hospital leads the group.
		if hasAnyPrefix(after, []string{"牵头", "领衔"}) != "" {
			for _, group := range s.subjectsBefore(spans, text, base, base+at) {
				s.add(spans[k].id, Supports, group)
			}
			continue
		}
		if hasAnyPrefix(after, affiliationUnderEnds) == "" {
			continue
		}
		for _, member := range s.subjectsBefore(spans, text, base, base+at) {
			s.add(member, AffiliatedWith, spans[k].id)
		}
	}
	for _, cue := range []string{"隶属于", "隶属", "附属于", "归属于", "加入", "成为"} {
		for _, at := range s.find(text, cue) {
			k := orgRightAfter(spans, base+at+len(cue))
			if k < 0 {
				continue
			}
			// 加入/成为 make a member only of a group (加入浙大一院医疗联合体).
			if (cue == "加入" || cue == "成为") && !isGroupName(s.r.entities[spans[k].id]) &&
				hasAnyPrefix(text[spans[k].end-base:], groupWords) == "" {
				continue
			}
			members := s.subjectsBefore(spans, text, base, base+at)
			// 我院…与 B 建立机制,并加入 C: past a comma, the sentence's
			// subject joins.
			if o := lastBefore(spans, base+at); o != nil && strings.ContainsAny(text[o.end-base:at], ",，;；") {
				members = []string{s.clauseSubject(spans, text, base, base+at)}
			}
			for _, member := range members {
				s.add(member, AffiliatedWith, spans[k].id)
			}
		}
	}
}

// relateBases: 分别在三江县人民医院、武宣县人民医院成立肿瘤学科基层示范基地.
func relateBases(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, at := range s.find(text, "在") {
		k := orgRightAfter(spans, base+at+len("在"))
		if k < 0 {
			continue
		}
		list := listAfter(spans, k, text, base)
		after := text[list[len(list)-1].end-base:]
		if hasAnyPrefix(after, baseCues) == "" {
			continue
		}
		clause := after
		if c := strings.IndexAny(clause, ",，。;；"); c >= 0 {
			clause = clause[:c]
		}
		kind := false
		for _, b := range baseKinds {
			kind = kind || strings.Contains(clause, b)
		}
		if !kind {
			continue
		}
		helper := s.subjectBefore(spans, base+at)
		for _, o := range list {
			s.add(helper, Supports, o.id)
		}
	}
}

// relateInvitations: 医院邀请河北省卫生健康委医疗评价指导中心专家组来院指导.
func relateInvitations(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, at := range s.find(text, "邀请") {
		k := orgRightAfter(spans, base+at+len("邀请"))
		if k < 0 {
			continue
		}
		rest := text[spans[k].end-base:]
		if c := strings.IndexAny(rest, "。;；"); c >= 0 {
			rest = rest[:c]
		}
		if strings.Contains(rest, "来院") || strings.Contains(rest, "到院") || strings.Contains(rest, "指导") || strings.Contains(rest, "帮扶") {
			s.add(spans[k].id, Supports, s.subjectBefore(spans, base+at))
		}
	}
}

// relateByName reads affiliations from names: a hospital named after another
// (北京大学第一医院密云医院, 柳州市工人医院互联网医院), X大学附属Y医院, and a
// campus or branch (鱼峰山院区) of the article's own hospital.
func relateByName(s *relationSet, facts []sentenceFacts, orgID map[*orgMention]string) {
	// A hospital is named many times: look its name-parent up once.
	parentOf := make(map[string]string)
	for i, f := range facts {
		s.sentence = i
		for _, o := range f.orgs {
			id := orgID[o]
			e := s.r.entities[id]
			if e != nil && e.Type == Institution && !o.ref {
				// 中南大学湘雅口腔医学院 is a school of 中南大学.
				if p := s.r.canonical[schoolParent(o.name)]; p != "" {
					s.add(id, AffiliatedWith, s.entityID(p))
				}
				continue
			}
			if e == nil || e.Type != Hospital || o.ref {
				continue
			}
			if p := s.r.canonical[affiliationParent(o.name)]; p != "" {
				s.add(id, AffiliatedWith, s.entityID(p))
			}
			// 附属口腔医院, 第一附属医院: the hospital of the school the
			// article is about.
			if schoolHospital.MatchString(e.Name) {
				s.add(id, AffiliatedWith, s.articleSchool())
			}
			// 常州市第三人民医院医疗集团 is led by the hospital it is named
			// after, not a member of it.
			if isGroupName(e) {
				continue
			}
			parent, known := parentOf[o.name]
			if !known {
				// The hospital or the body its name opens with, written
				// whole or after a province (新疆石河子大学医学院第一附属医院
				// of 石河子大学), named on its own in the text: 衛福部花蓮醫院
				// is the ministry's, 北京大学第一医院密云医院 the hospital's.
				named := o.name
				if p := places().provinces.prefixOf(named); p != "" && len(p) < len(named) {
					named = named[len(p):]
				}
				longest := ""
				for name, canon := range s.r.canonical {
					if name == o.name || len(name) <= len(longest) || !strings.HasPrefix(o.name, name) && !strings.HasPrefix(named, name) {
						continue
					}
					if s.r.orgType[name] == Hospital || s.r.orgType[name] == Institution && hasAnySuffix(name, parentBodyKinds) != "" && s.mentionedAlone(name, facts) {
						longest, parent = name, canon
					}
				}
				parentOf[o.name] = parent
			}
			if parent != "" {
				s.add(id, AffiliatedWith, s.entityID(parent))
			} else if (o.suffix == "院区" || o.suffix == "分院") && s.r.main != "" && !namesOwnHospital(o.name, o.suffix) {
				// 鱼峰山院区: a campus named by its place alone is the
				// article's hospital's; 友谊医院通州院区 is 友谊医院's, named
				// or not.
				s.add(id, AffiliatedWith, s.r.main)
			}
		}
	}
}

// articleSchool returns the university the article is about: the one it
// calls 我校, else the one university it names (an entity of its own, not
// only the head of a longer name); "" if none or several.
func (s *relationSet) articleSchool() string {
	if s.r.mainSchool != "" {
		return s.r.mainSchool
	}
	found := ""
	for _, id := range s.r.order {
		e := s.r.entities[id]
		if e.Type != Institution || hasAnySuffix(e.Name, []string{"大学", "大學"}) == "" {
			continue
		}
		if found != "" {
			return ""
		}
		found = id
	}
	return found
}

// parentBodyKinds end the names of bodies a hospital named after them
// belongs to: universities and their schools, ministries and commissions.
var parentBodyKinds = []string{"大学", "医科大学", "医学院", "学院", "医学部", "部", "卫健委", "卫生健康委", "卫生健康委员会"}

// mentionedAlone reports whether an organisation's name is written in the
// text other than at the start of a longer name: followed by no character,
// by a character that is no part of a name, by 与, 和 or 的, by a title or a
// word of its own that gse reads as no noun (四川大学签订, 吉林大学党委书记).
func (s *relationSet) mentionedAlone(name string, facts []sentenceFacts) bool {
	for _, f := range facts {
		if !f.st.mayContain(name) {
			continue
		}
		for _, k := range indexAll(f.st.Text, name) {
			at := f.st.Start + k + len(name)
			next, _ := utf8.DecodeRuneInString(f.st.at(at, f.st.End))
			if at == f.st.End || !unicode.Is(unicode.Han, next) || hasAnyPrefix(f.st.at(at, f.st.End), []string{"与", "和", "的"}) != "" {
				return true
			}
			// 吉林大学党委书记: a title names the body's people.
			if t, ok := f.st.tokenAt(at); ok && (!nounPOS[t.POS] || titleAt(f.st.at(at, f.st.End)) != "" || hasAnyPrefix(t.Text, []string{"党委", "党组"}) != "") {
				return true
			}
		}
	}
	return false
}

// nounPOS are gse's tags of the words that may go on with a name.
var nounPOS = map[string]bool{"n": true, "nr": true, "nrt": true, "ns": true, "nt": true, "nz": true, "j": true, "ng": true, "b": true, "m": true, "x": true}

// namesOwnHospital reports whether a campus or branch name starts with the
// name of the hospital it belongs to (友谊医院通州院区, 某医院大别山分院).
func namesOwnHospital(name, suffix string) bool {
	return strings.Contains(strings.TrimSuffix(name, suffix), "医院")
}

// entityID finds the entity with a canonical organisation name.
func (s *relationSet) entityID(name string) string {
	for _, t := range []EntityType{Hospital, Institution} {
		id := EntityID(t, name, "")
		if s.r.entities[id] != nil {
			return id
		}
	}
	return ""
}

// relateAlliances: 加强市肿瘤专科联盟建设 — the article's hospital leads the
// alliance it builds up.
func relateAlliances(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, cue := range []string{"加强", "推进", "牵头组建", "牵头成立", "牵头", "领衔", "引领", "组建"} {
		for _, at := range s.find(text, cue) {
			// 医院牵头组建的四川省中医专科联盟, 牵头组建了…联盟: the group
			// may follow 的 or 了.
			after := base + at + len(cue)
			if w := hasAnyPrefix(text[after-base:], []string{"的", "了"}); w != "" {
				after += len(w)
			}
			k := orgRightAfter(spans, after)
			if k < 0 {
				continue
			}
			if !isGroupName(s.r.entities[spans[k].id]) {
				continue
			}
			s.add(s.clauseSubject(spans, text, base, base+at), Supports, spans[k].id)
		}
	}
}

// clauseSubject is the organisation a cue at off speaks of when a comma may
// stand between them (A 已托管 B、C,牵头组建 D): the nearest one in the same
// clause, else the first of the sentence, else the article's own hospital.
func (s *relationSet) clauseSubject(spans []orgSpan, text string, base, off int) string {
	o := lastBefore(spans, off)
	if o == nil {
		return s.r.main
	}
	if !strings.ContainsAny(text[o.end-base:off-base], ",，;；") {
		return s.subjectBefore(spans, off)
	}
	return s.subjectBefore(spans, spans[0].end)
}

// relateReliance: 密云医院要依托北大医院帮扶 — the one relied on for help
// supports the one relying on it.
func relateReliance(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, cue := range []string{"依托", "借助", "依靠"} {
		for _, at := range s.find(text, cue) {
			k := orgRightAfter(spans, base+at+len(cue))
			if k < 0 {
				continue
			}
			rest := strings.TrimPrefix(text[spans[k].end-base:], "的")
			if hasAnyPrefix(rest, []string{"帮扶", "对口帮扶", "对口支援", "支持", "技术", "专家", "资源", "优质", "优势", "力量", "平台"}) == "" {
				continue
			}
			s.add(spans[k].id, Supports, s.subjectBefore(spans, base+at))
		}
	}
}

// helperUnits name what one organisation is to another it helps: A 是 B 的
// 对口帮扶单位.
var helperUnits = []string{"对口帮扶单位", "对口支援单位", "帮扶单位", "支援单位", "对口帮扶医院", "对口支援医院", "帮扶医院", "支援医院", "托管单位", "技术指导单位", "指导医院"}

// relateHelperUnits: 中山大学附属肿瘤医院是河源市人民医院的对口帮扶单位 —
// the one is the other's helper.
func relateHelperUnits(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, unit := range helperUnits {
		for _, k := range s.find(text, "的"+unit) {
			relateHelperUnit(s, spans, text, base, k)
		}
	}
}

// relateHelperUnit reads A 是 B 的… with the 的 at at.
func relateHelperUnit(s *relationSet, spans []orgSpan, text string, base, at int) {
	helped := lastBefore(spans, base+at)
	if helped == nil || helped.end != base+at {
		return
	}
	// A 是 B 的…, A 作为 B 的…: the helper is the subject before.
	before := text[:helped.start-base]
	verb := hasAnySuffix(before, []string{"是", "作为", "为", "成为"})
	if verb == "" {
		return
	}
	if h := lastBefore(spans, base+len(before)-len(verb)); h != nil && h.end == base+len(before)-len(verb) {
		s.add(h.id, Supports, helped.id)
	}
}

// groupWords name a group that hospitals join (a hospital that joins an
// association is one of its member units).
var groupWords = []string{"医疗集团", "医联体", "医疗联合体", "联合体", "医共体", "医疗共同体", "健康共同体", "健共体", "专科联盟", "联盟", "集团", "总院", "协会", "学会", "联席会", "医院联网"}

// memberEnds close a list of members: A、B 为成员单位; A、B 等成员医院.
var memberEnds = []string{"为成员单位", "为成员医院", "等成员单位", "等成员医院", "等集团成员"}

// relateMemberLists: G 由 A 牵头, B、C 为成员单位; A、B 等成员医院院长… (the
// members of the group the sentence or, failing it, the article names);
// A、B 同步挂牌“G分院” (branches of G).
func relateMemberLists(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, cue := range memberEnds {
		for _, at := range s.find(text, cue) {
			o := lastBefore(spans, base+at)
			if o == nil || strings.ContainsAny(text[o.end-base:at], ",，;；。") {
				continue
			}
			members := s.subjectsBefore(spans, text, base, base+at)
			group := ""
			for _, sp := range spans {
				if sp.end <= base+at && isGroupName(s.r.entities[sp.id]) && !slices.Contains(members, sp.id) {
					group = sp.id
					break
				}
			}
			if group == "" {
				group = s.soleGroup()
			}
			for _, m := range members {
				s.add(m, AffiliatedWith, group)
			}
		}
	}
	for _, at := range s.find(text, "挂牌") {
		after := at + len("挂牌")
		if w := hasAnyPrefix(text[after:], []string{"“", "\"", "成为"}); w != "" {
			after += len(w)
		}
		k := orgRightAfter(spans, base+after)
		if k < 0 || hasAnyPrefix(text[spans[k].end-base:], []string{"分院", "成员单位"}) == "" {
			continue
		}
		for _, m := range s.subjectsBefore(spans, text, base, base+at) {
			s.add(m, AffiliatedWith, spans[k].id)
		}
	}
}

// soleGroup returns the one group (集团, 联盟, 医共体…) the article names,
// or "" if it names none or several.
func (s *relationSet) soleGroup() string {
	found := ""
	for _, id := range s.r.order {
		if e := s.r.entities[id]; e.Type != Department && isGroupName(e) {
			if found != "" {
				return ""
			}
			found = id
		}
	}
	return found
}

// groupReferredBefore returns the group a clause refers back to by a
// group word before at (联盟首批成员单位包括… for the one 专科联盟 the text
// names), or "".
func (s *relationSet) groupReferredBefore(text string, at int) string {
	clause := text[:at]
	if c := strings.LastIndexAny(clause, ",，。;；"); c >= 0 {
		clause = clause[c:]
	}
	for _, w := range groupWords {
		if strings.Contains(clause, w) {
			if g := s.r.groupNamed(w); g != "" {
				return g
			}
		}
	}
	return ""
}

// isGroupName reports whether an organisation is a group that hospitals join
// (医疗集团, 医联体, 专科联盟).
func isGroupName(e *Entity) bool {
	return e != nil && hasAnySuffix(e.Name, groupWords) != ""
}

// relateTeaching: 挂牌成为浙江大学医学院教学医院 — the hospital the sentence
// speaks of is affiliated with the university body; so is every hospital of
// a list (A、B、C成为南华大学教学医院).
func relateTeaching(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, sp := range spans {
		if sp.teaching {
			for _, h := range s.subjectsBefore(spans, text, base, sp.start) {
				s.add(h, AffiliatedWith, sp.id)
			}
		}
	}
}

// memberKinds end what one organisation is of another: 吉安市中心人民医院是
// 南昌大学第二附属医院的紧密型医联体成员单位.
var memberKinds = []string{"成员单位", "成员医院", "成员", "分院", "院区", "附属医院", "协作医院", "托管医院", "教学医院", "直属单位", "下属单位"}

// relateMembership: A 是 B 的(紧密型医联体)成员单位 → A affiliated_with B;
// B(a group)…成员单位包括 C、D → C, D affiliated_with B.
func relateMembership(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, cue := range []string{"成员单位", "成员医院", "成员"} {
		for _, at := range s.find(text, cue) {
			// 成员单位包括 A、B; 发起成员单位共13家,包括:A、B.
			after := memberListStart(text[at+len(cue):])
			if after < 0 {
				continue
			}
			k := orgRightAfter(spans, base+at+len(cue)+after)
			if k < 0 {
				continue
			}
			group := s.clauseSubject(spans, text, base, base+at)
			if !isGroupName(s.r.entities[group]) {
				group = s.groupReferredBefore(text, at)
			}
			if group == "" {
				group = s.soleGroup() // the one group the article names
			}
			if group == "" {
				continue
			}
			for _, member := range listAfter(spans, k, text, base) {
				s.add(member.id, AffiliatedWith, group)
			}
		}
	}
	relateMemberLists(s, spans, st)
	relateComposition(s, spans, st)
	relateLeadUnits(s, spans, st)
	// 组建了…联盟,吸纳 A、B、C 等14家机构为成员单位: the members of the group
	// named before.
	for _, cue := range []string{"吸纳", "吸收", "纳入"} {
		for _, at := range s.find(text, cue) {
			k := orgRightAfter(spans, base+at+len(cue))
			if k < 0 {
				continue
			}
			members := listAfter(spans, k, text, base)
			rest := text[members[len(members)-1].end-base:]
			if c := strings.IndexAny(rest, "，,。;；"); c >= 0 {
				rest = rest[:c]
			}
			if !strings.HasSuffix(rest, "成员单位") {
				continue
			}
			group := ""
			if o := lastBefore(spans, base+at); o != nil && isGroupName(s.r.entities[o.id]) {
				group = o.id
			}
			for _, m := range members {
				s.add(m.id, AffiliatedWith, group)
			}
		}
	}
	for _, at := range s.find(text, "是") {
		k := orgRightAfter(spans, base+at+len("是"))
		if k < 0 {
			continue
		}
		rest := text[spans[k].end-base:]
		if !strings.HasPrefix(rest, "的") && hasAnyPrefix(rest, []string{"直属", "下属", "所属"}) == "" {
			continue
		}
		clause := rest
		if c := strings.IndexAny(clause, ",，。;；、"); c >= 0 {
			clause = clause[:c]
		}
		// 中日友好医院是国家卫生健康委直属的…医院: run by it.
		direct := hasAnyPrefix(strings.TrimPrefix(clause, "的"), []string{"直属", "下属", "所属", "附属"}) != ""
		if !direct && (len(clause) > 40 || hasAnySuffix(clause, memberKinds) == "") {
			continue
		}
		for _, member := range s.subjectsBefore(spans, text, base, base+at) {
			s.add(member, AffiliatedWith, spans[k].id)
		}
	}
}

// memberCount matches the count a member list may give first (共13家,).
var memberCount = regexp.MustCompile(`^(共|计|达)?[0-9一二三四五六七八九十百]+(家|个|所)[,，]?`)

// memberListStart returns where the list of members begins in the text
// after 成员单位: after 包括, 有, 为 or 是, a count before it and a colon
// after it; -1 if no list follows.
func memberListStart(after string) int {
	n := 0
	if m := memberCount.FindString(after); m != "" {
		n = len(m)
	}
	w := hasAnyPrefix(after[n:], []string{"包括", "包含", "有", "为", "是"})
	if w == "" {
		return -1
	}
	n += len(w)
	if c := hasAnyPrefix(after[n:], []string{":", "："}); c != "" {
		n += len(c)
	}
	return n
}

// relateBacking: B 得到 A 的大力支持 → A supports B; A 为 B 捐赠救护车 → A
// supports B.
func relateBacking(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, cue := range []string{"得到", "获得"} {
		for _, at := range s.find(text, cue) {
			k := orgRightAfter(spans, base+at+len(cue))
			if k < 0 || hasAnyPrefix(strings.TrimPrefix(text[spans[k].end-base:], "的"), []string{"大力支持", "支持", "帮扶", "帮助", "指导", "援助", "资助", "捐赠", "捐助"}) == "" {
				continue
			}
			for _, helped := range s.subjectsBefore(spans, text, base, base+at) {
				s.add(spans[k].id, Supports, helped)
			}
		}
	}
	// 在学科建设等方面给予我院全方位支持: help given to B.
	for _, at := range s.find(text, "给予") {
		k := orgRightAfter(spans, base+at+len("给予"))
		if k < 0 {
			continue
		}
		rest := text[spans[k].end-base:]
		if c := strings.IndexAny(rest, ",，。;；"); c >= 0 {
			rest = rest[:c]
		}
		if len(rest) > 30 || hasAnySuffix(rest, []string{"支持", "帮扶", "指导", "帮助", "援助"}) == "" {
			continue
		}
		s.add(s.subjectBefore(spans, base+at), Supports, spans[k].id)
	}
	// 某公司向宁波市第二医院捐赠救护车: a gift is support.
	for _, at := range s.find(text, "向") {
		k := orgRightAfter(spans, base+at+len("向"))
		if k >= 0 && hasAnyPrefix(text[spans[k].end-base:], []string{"捐赠", "捐建", "捐助", "捐资", "资助"}) != "" {
			s.add(s.subjectBefore(spans, base+at), Supports, spans[k].id)
		}
	}
	for _, at := range s.find(text, "为") {
		k := orgRightAfter(spans, base+at+len("为"))
		if k < 0 {
			continue
		}
		after := text[spans[k].end-base:]
		// 为 B 提供远程会诊服务: services given to B help it, as gifts do.
		provides := strings.HasPrefix(after, "提供") && !strings.HasPrefix(after, "提供场地")
		if !provides && hasAnyPrefix(after, []string{"捐赠", "捐建", "捐助", "援建", "培训", "培养"}) == "" {
			continue
		}
		s.add(s.subjectBefore(spans, base+at), Supports, spans[k].id)
	}
}

// compositionEnds close the list of what a group is made of: G 由 A、B…组成.
var compositionEnds = []string{"联合组成", "共同组成", "组成", "共同组建", "一起组建", "组建", "构成", "发起成立", "共同发起"}

// relateComposition: 天津大学医教联合体由天津大学、…三所院校与天津医院、…七家医院联合组成;
// 河北省中医医疗机构联合会…是由河北省中医院牵头,保定市第一中医院、…作为发起单位一起组建
// — every organisation between 由 and the end of the list is a member of the
// group named before 由, but the one that leads it (牵头) supports it.
func relateComposition(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, at := range s.find(text, "由") {
		g := lastBefore(spans, base+at)
		if g == nil || !isGroupName(s.r.entities[g.id]) || strings.ContainsAny(text[g.end-base:at], "。;；") {
			continue
		}
		rest := text[at:]
		end := -1
		for _, cue := range compositionEnds {
			if k := strings.Index(rest, cue); k >= 0 && (end < 0 || k < end) {
				end = k
			}
		}
		if end < 0 || strings.ContainsAny(rest[:end], "。;；") {
			continue
		}
		for _, sp := range spans {
			if sp.start < base+at || sp.end > base+at+end || sp.id == g.id {
				continue
			}
			if hasAnyPrefix(text[sp.end-base:], []string{"牵头", "领衔"}) != "" {
				s.add(sp.id, Supports, g.id)
				continue
			}
			s.add(sp.id, AffiliatedWith, g.id)
		}
	}
	// 将其纳入昌平区南部医联体: the partners of the 与 before it join.
	for _, at := range s.find(text, "纳入") {
		k := orgRightAfter(spans, base+at+len("纳入"))
		if k < 0 || !isGroupName(s.r.entities[spans[k].id]) {
			continue
		}
		with := strings.LastIndex(text[:at], "与")
		if with < 0 {
			continue
		}
		if j := orgRightAfter(spans, base+with+len("与")); j >= 0 {
			for _, m := range listAfter(spans, j, text, base) {
				s.add(m.id, AffiliatedWith, spans[k].id)
			}
		}
	}
	// 还包含昌平区中西医结合医院、京都儿童医院、回龙观医院等成员单位: members of
	// the group the sentence names, else the article's one group.
	for _, cue := range []string{"包含", "包括", "涵盖"} {
		for _, at := range s.find(text, cue) {
			k := orgRightAfter(spans, base+at+len(cue))
			if k < 0 {
				continue
			}
			list := listAfter(spans, k, text, base)
			after := text[list[len(list)-1].end-base:]
			if hasAnyPrefix(after, []string{"等成员单位", "等成员医院", "成员单位", "等单位为成员"}) == "" {
				continue
			}
			group := ""
			for _, sp := range spans {
				if sp.end <= base+at && isGroupName(s.r.entities[sp.id]) {
					group = sp.id
				}
			}
			if group == "" {
				group = s.soleGroup()
			}
			for _, m := range list {
				s.add(m.id, AffiliatedWith, group)
			}
		}
	}
}

// leadCues name the one organisation that leads a group: A 作为牵头单位,
// 以 A 为牵头单位, A 为牵头单位.
var leadCues = []string{"作为牵头单位", "为牵头单位", "是牵头单位", "作为牵头医院", "为牵头医院"}

// relateLeadUnits: 积水潭医院作为牵头单位…; 联盟以扬州市中医院为牵头单位 — the
// leader supports the group the sentence names, else the article's one group.
func relateLeadUnits(s *relationSet, spans []orgSpan, st *sentenceText) {
	text, base := st.Text, st.Start
	for _, cue := range leadCues {
		for _, at := range s.find(text, cue) {
			lead := lastBefore(spans, base+at)
			if lead == nil || strings.ContainsAny(text[lead.end-base:at], ",，。;；") {
				continue
			}
			group := ""
			for _, sp := range spans {
				if sp.id != lead.id && isGroupName(s.r.entities[sp.id]) {
					group = sp.id
					break
				}
			}
			if group == "" {
				group = s.soleGroup()
			}
			s.add(lead.id, Supports, group)
		}
	}
}

// clauseOpeners are the words that may stand between the start of a clause
// and its 与 when the subject is the article's own hospital (近日,与…).
var clauseOpeners = []string{"近日", "日前", "目前", "今年", "去年", "此前", "近年来", "同时", "并", "还", "也", "先后", "已", "将", "正式", "积极", "主动", "分别", "又", "再次", "首次", "此次", "本次"}

// opensClause reports whether the text before a 与 in its sentence leaves
// its clause without a subject of its own: nothing, a date or an opener.
func opensClause(before string) bool {
	if c := strings.LastIndexAny(before, ",，。;；:：\n"); c >= 0 {
		before = before[c+1:]
	}
	before = strings.TrimSpace(before)
	for changed := true; changed && before != ""; {
		changed = false
		if w := hasAnySuffix(before, clauseOpeners); w != "" {
			before, changed = strings.TrimSuffix(before, w), true
		}
	}
	for _, r := range before {
		if !unicode.IsDigit(r) && !strings.ContainsRune("年月日号 上下午", r) {
			return false
		}
	}
	return true
}

// jointMaking reports whether the only partner cue of a clause is 联合 or 共同
// before a verb of making or holding (联合组成, 联合举办, 共同发起).
func jointMaking(clause string) bool {
	for _, cue := range partnerVerbs {
		if cue == "联合" {
			continue
		}
		if strings.Contains(clause, cue) {
			return false
		}
	}
	for _, w := range []string{"联合", "共同"} {
		if k := strings.Index(clause, w); k >= 0 && hasAnyPrefix(clause[k+len(w):], []string{"组成", "组建", "举办", "主办", "承办", "发起", "成立"}) != "" {
			return true
		}
	}
	return false
}
