package nlp

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"hospkg/intake"
)

// docOrg is an organisation mention with the sentence it stands in.
type docOrg struct {
	*orgMention
	sent int
	// wholeLine marks a mention that is its sentence's whole text: a
	// sign-off line or a caption naming the hospital.
	wholeLine bool
}

// resolution is what the document-level stage decides: one entity per real
// thing, the canonical name of every surface form, and the article's own
// hospital.
type resolution struct {
	doc       *intake.Document
	entities  map[string]*Entity // by ID
	order     []string           // IDs in order of first mention
	canonical map[string]string  // organisation surface name → canonical name
	orgType   map[string]EntityType
	main      string // ID of the article's own hospital, or ""
	// self is the ID of the hospital the text calls 我院 or 本院: main,
	// unless that is a hospital 我院 goes to (chooseSelf).
	self string
	// mainSchool is the ID of the university a text written as 我校 is
	// about, or "".
	mainSchool string
	// aboutSeveral says the article is about more than one hospital: another
	// one is named at least three quarters as often as its own (the
	// headline counting extra).
	aboutSeveral bool
	// orgIDs is the entity of each organisation mention, once assembled.
	orgIDs    map[*orgMention]string
	publisher string // ID of the organisation that published the text, or ""
	// listedApart holds the pairs of names a sentence lists side by side,
	// which are never one organisation.
	listedApart map[[2]string]bool
	mentions    []Mention
}

func newResolution(doc *intake.Document) *resolution {
	return &resolution{
		doc:       doc,
		entities:  make(map[string]*Entity),
		canonical: make(map[string]string),
		orgType:   make(map[string]EntityType),
	}
}

// resolveOrganisations decides the canonical name and type of every
// organisation name in the document: short forms and abbreviations
// (密云医院, 北大医院, 区委) resolve to the fullest form the document gives.
func (r *resolution) resolveOrganisations(orgs []docOrg) {
	var names []string
	seen := make(map[string]bool)
	for _, o := range orgs {
		if o.ref || o.typ == Department {
			continue
		}
		if !seen[o.name] {
			seen[o.name] = true
			names = append(names, o.name)
			r.orgType[o.name] = o.typ
		}
	}
	// Longest first, so that every name is compared with fuller ones only.
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	implied := impliedParents(names, r.orgType)
	for i, short := range names {
		r.canonical[short] = short
		// Of the fuller names, the shortest that short abbreviates: 北大医院 is
		// 北京大学第一医院, not 北京大学第一医院密云医院.
		best := ""
		for _, full := range append(names[:i:i], implied...) {
			typ, named := r.orgType[full]
			if !named {
				typ = Hospital // an implied parent
			}
			if len(full) <= len(short) || typ != r.orgType[short] || r.listedApart[[2]string{short, full}] || !isShortFormOf(short, full) {
				continue
			}
			if best == "" || len(full) < len(best) {
				best = full
			}
		}
		if best == "" {
			continue
		}
		// 吉大二院 of 吉林大学第二医院, which the text names only at the
		// head of its branch's name (吉林大学第二医院通榆医院): the
		// hospital is named after all.
		if _, named := r.orgType[best]; !named {
			r.orgType[best] = Hospital
			r.canonical[best] = best
		}
		r.canonical[short] = r.canonical[best]
	}
}

// impliedParentOf returns the hospital a hospital's name opens with
// (吉林大学第二医院 of 吉林大学第二医院通榆医院), or "".
func impliedParentOf(name string) string {
	k := strings.Index(name, "医院")
	if k < 0 {
		return ""
	}
	parent := name[:k+len("医院")]
	rest := name[len(parent):]
	if rest == "" || utf8.RuneCountInString(parent) < 5 || utf8.RuneCountInString(rest) < 3 || hasAnySuffix(rest, []string{"医院", "分院", "院区"}) == "" {
		return ""
	}
	return parent
}

// impliedParents returns the hospitals that other hospitals are named after
// (吉林大学第二医院 of 吉林大学第二医院通榆医院) and that the text does not
// name on their own: a short form may stand for one.
func impliedParents(names []string, types map[string]EntityType) []string {
	var out []string
	seen := make(map[string]bool)
	for _, n := range names {
		if types[n] != Hospital {
			continue
		}
		parent := impliedParentOf(n)
		if parent == "" {
			continue
		}
		if _, named := types[parent]; named || seen[parent] {
			continue
		}
		seen[parent] = true
		out = append(out, parent)
	}
	return out
}

// isShortFormOf reports whether short is a shorter name the text uses for
// full: its tail (密云医院 of 北京大学第一医院密云医院, 区委 of 密云区委) or an
// abbreviation keeping the first and last characters (北大医院 of
// 北京大学第一医院, 衡水二院 of 衡水市第二人民医院).
func isShortFormOf(short, full string) bool {
	if len(short) >= len(full) {
		return false
	}
	if strings.HasSuffix(full, short) {
		head := strings.TrimSuffix(full, short)
		// 市委 is not short for 党委; the head must name a place or body.
		return utf8.RuneCountInString(head) >= 2 || strings.ContainsAny(short[:3], "市区县省")
	}
	if isLevelShortForm(short, full) {
		return true
	}
	// 辽宁省卫生健康委 of 辽宁省卫生健康委员会: 委 for 委员会.
	if strings.HasSuffix(full, "委员会") && short == strings.TrimSuffix(full, "员会") {
		return true
	}
	// 台北荣总 of 台北荣民总医院: 荣总 for 荣民总医院.
	if strings.Contains(full, "荣民总医院") && short == strings.Replace(full, "荣民总医院", "荣总", 1) {
		return true
	}
	// 国军台中总院 of 国军台中总医院: 院 for 医院.
	if strings.HasSuffix(full, "医院") && short == strings.TrimSuffix(full, "医院")+"院" && utf8.RuneCountInString(short) >= 4 {
		return true
	}
	// 海南省人民医院 and 海南省第二人民医院 are two hospitals: a name that is
	// another without its ordinal is no short form of it.
	if withoutOrdinal(full) == short {
		return false
	}
	// A name that starts another is its parent (北京大学第一医院 of
	// 北京大学第一医院密云医院), not a short form of it.
	if strings.HasPrefix(full, short) || utf8.RuneCountInString(short) < 3 || firstRunes(short, 1) != firstRunes(full, 1) {
		return false
	}
	// 哈医大二院, 吉大一院: a hospital called by its ordinal, short for
	// 哈尔滨医科大学附属第二医院.
	if n := lastRunes(short, 2); strings.HasSuffix(n, "院") && strings.ContainsAny(firstRunes(n, 1), "一二三四五六七八九") &&
		strings.HasSuffix(full, "医院") && strings.Contains(full, "第"+firstRunes(n, 1)) {
		return isSubsequence(strings.TrimSuffix(short, "院"), full)
	}
	// Abbreviations keep the kind of body: 北大医院 and 北京大学第一医院 both end
	// in 医院, 密云区委 and 密云区卫生健康委 do not share 区委.
	suffix := lastRunes(short, 2)
	if !strings.HasSuffix(full, suffix) {
		return false
	}
	// 四川大学华西厦门医院 is a branch of 四川大学华西医院 named by its place,
	// not the long form of it: the short name whole, with words inserted
	// before its suffix, names another hospital.
	// An inserted generic word keeps the name (建德市政府, 建德市人民政府).
	stem := strings.TrimSuffix(short, suffix)
	if strings.HasPrefix(full, stem) {
		if inserted := full[len(stem) : len(full)-len(suffix)]; stripGeneric(inserted) != "" {
			return false
		}
	}
	return isSubsequence(short, full)
}

// ordinal matches the ordinal of a numbered hospital or body (第二, 第十二).
var ordinal = regexp.MustCompile(`第[一二三四五六七八九十百零〇]+`)

// withoutOrdinal returns name with its first ordinal taken out, or name if
// it has none.
func withoutOrdinal(name string) string {
	if !strings.Contains(name, "第") {
		return name
	}
	if loc := ordinal.FindStringIndex(name); loc != nil {
		return name[:loc[0]] + name[loc[1]:]
	}
	return name
}

// isLevelShortForm reports whether short names a government body by its
// level word and a short form of its kind (省卫生健康委 of
// 湖南省卫生健康委员会, 市卫健委 of 湛江市卫生健康委员会), as a text does after
// naming the body in full.
func isLevelShortForm(short, full string) bool {
	level := firstRunes(short, 1)
	if !strings.Contains("省市区县州", level) || !bareAllowed(hasAnySuffix(short, []string{"卫生健康委员会", "卫生健康委", "卫健委", "卫生计生委", "卫计委", "卫生健康局", "卫健局", "医疗保障局", "医保局", "人民政府", "政府"})) {
		return false
	}
	k := strings.Index(full, level)
	if k <= 0 {
		return false
	}
	tail := full[k:]
	// 委 is short for 委员会.
	if strings.HasSuffix(tail, "委员会") {
		tail = strings.TrimSuffix(tail, "员会")
	}
	return short == tail || (lastRunes(short, 1) == lastRunes(tail, 1) && isSubsequence(short, tail))
}

func isSubsequence(short, full string) bool {
	rs := []rune(short)
	k := 0
	for _, r := range full {
		if k < len(rs) && rs[k] == r {
			k++
		}
	}
	return k == len(rs)
}

// chooseMain picks the article's own hospital: the one named most often,
// with the headline, a line of its own and the 来源 line counting extra. A
// hospital the text sets beside its own (我院与 B, A 与我院) is another one.
func (r *resolution) chooseMain(orgs []docOrg) string {
	count := make(map[string]int)
	first := make(map[string]int)
	other := make(map[string]bool)
	for i, o := range orgs {
		if o.ref || o.typ != Hospital {
			continue
		}
		c := r.canonical[o.name]
		if _, ok := first[c]; !ok {
			first[c] = i
		}
		count[c]++
		// The headline, or a line of its own (the sign-off of a report or a
		// letter), names the hospital the article is about; so does the
		// line that says where the text comes from.
		if o.sent == 0 || o.wholeLine || r.followsSource(o.start) {
			count[c] += 5
		}
		if r.besideOwnHospital(o.orgMention) {
			other[c] = true
		}
	}
	// A campus (南白象院区) or a hospital's online service (互联网医院)
	// is where things happen, not who the article is about,
	// unless no other hospital is named.
	isPart := func(c string) bool { return hasAnySuffix(c, []string{"院区", "分院", "互联网医院"}) != "" }
	best := ""
	for c, n := range count {
		switch {
		case best == "":
			best = c
		case other[best] != other[c]:
			if other[best] {
				best = c
			}
		case isPart(best) != isPart(c):
			if isPart(best) {
				best = c
			}
		case n > count[best] || (n == count[best] && first[c] < first[best]):
			best = c
		}
	}
	// 我院 and 本院 name the article's own hospital too.
	own := count[best]
	for _, o := range orgs {
		if o.ref && o.typ == Hospital && o.name != "该院" {
			own++
		}
	}
	for c, n := range count {
		if c != best && !isPart(c) && !other[c] && 4*n >= 3*own {
			r.aboutSeveral = true
		}
	}
	return best
}

// chooseSelf picks the hospital the article calls 我院 or 本院 when that is
// not the one it is about: a report by a hospital that sends its people to
// another (我院院长…赴卓资县中蒙医医院考察调研) names the other most. It is
// the hospital named most often, the first on a tie, among those the text
// neither joins to 我院 (我院与 X) nor sends 我院 to or from (赴 X, X 来我院);
// "" when the article's own is its main hospital or no other is left.
func (r *resolution) chooseSelf(orgs []docOrg, main string) string {
	other := r.visitedByOwn(orgs)
	if !other[main] {
		return ""
	}
	count := make(map[string]int)
	first := make(map[string]int)
	for i, o := range orgs {
		if o.ref || o.typ != Hospital {
			continue
		}
		c := r.canonical[o.name]
		if other[c] || r.besideOwnHospital(o.orgMention) || hasAnySuffix(c, []string{"院区", "分院", "互联网医院"}) != "" || isGroupName(&Entity{Name: c}) {
			other[c] = true
			continue
		}
		if _, ok := first[c]; !ok {
			first[c] = i
		}
		count[c]++
	}
	best := ""
	for c, n := range count {
		if other[c] {
			continue
		}
		if best == "" || n > count[best] || n == count[best] && first[c] < first[best] {
			best = c
		}
	}
	return best
}

// chooseSchool picks the university or college a text that says 我校 is
// about: the one named most often, the first on a tie; "" if the text says
// no 我校 or names no school.
func (r *resolution) chooseSchool(orgs []docOrg) string {
	says := false
	for _, o := range orgs {
		says = says || (o.ref && o.typ == Institution)
	}
	if !says {
		return ""
	}
	count := make(map[string]int)
	best := ""
	for _, o := range orgs {
		if o.ref || o.typ != Institution || hasAnySuffix(o.name, []string{"大学", "学院", "医学部", "党校"}) == "" {
			continue
		}
		c := r.canonical[o.name]
		count[c]++
		if best == "" || count[c] > count[best] {
			best = c
		}
	}
	return best
}

// ownRefsBeside are the ways a text joins another organisation to its own
// hospital: 与我院 after the other's name, 我院与 before it.
var (
	ownRefsAfter  = []string{"与我院", "和我院", "同我院", "与本院", "和本院"}
	ownRefsBefore = []string{"我院与", "我院和", "本院与", "本院和"}
)

// besideOwnHospital reports whether a hospital is named as the partner of the
// article's own (青岛市城阳区人民医院与我院建立帮扶关系).
func (r *resolution) besideOwnHospital(o *orgMention) bool {
	text := r.doc.Text
	if o.end > len(text) || o.start > o.end {
		return false
	}
	return hasAnyPrefix(text[o.end:], ownRefsAfter) != "" || hasAnySuffix(text[:o.start], ownRefsBefore) != ""
}

// ownMoves are the words by which the article's own hospital (我院) goes to
// or acts on another one named after them in its sentence (我院专家赴 X,
// 我院…对口帮扶 X); ownVisited those by which another comes to it (X 一行
// 来我院, 莅临我院).
var (
	ownMoves   = []string{"赴", "到", "前往", "来到", "走进", "深入", "进驻", "派驻", "下沉", "帮扶", "支援", "托管", "考察", "调研", "看望", "慰问", "指导"}
	ownVisited = []string{"来我院", "到我院", "莅临我院", "赴我院", "走进我院", "来本院", "到本院", "莅临本院"}
)

// visitedByOwn returns the hospitals that the article's own hospital, called
// 我院 or 本院, goes to or helps in a sentence, or that come to it: they are
// not the article's own.
func (r *resolution) visitedByOwn(orgs []docOrg) map[string]bool {
	out := make(map[string]bool)
	text := r.doc.Text
	// The hospitals of each sentence, so that a document naming 我院 often
	// costs time in proportion to its names, not their square.
	hospitals := make(map[int][]docOrg)
	for _, o := range orgs {
		if !o.ref && o.typ == Hospital && o.end <= len(text) {
			hospitals[o.sent] = append(hospitals[o.sent], o)
		}
	}
	for _, ref := range orgs {
		if !ref.ref || (ref.name != "我院" && ref.name != "本院") {
			continue
		}
		for _, o := range hospitals[ref.sent] {
			switch {
			case o.start >= ref.end:
				between := text[ref.end:o.start]
				if strings.ContainsAny(between, "。;；") || utf8.RuneCountInString(between) > 80 {
					continue
				}
				for _, w := range ownMoves {
					if strings.Contains(between, w) {
						out[r.canonical[o.name]] = true
						break
					}
				}
			case o.end <= ref.start:
				between := text[o.end:ref.end]
				if strings.ContainsAny(between, "。;；") || utf8.RuneCountInString(between) > 40 {
					continue
				}
				if hasAnySuffix(between, ownVisited) != "" {
					out[r.canonical[o.name]] = true
				}
			}
		}
	}
	return out
}

// followsSource reports whether a name stands right after a 来源 label
// (来源:陇南市武都区第一人民医院).
func (r *resolution) followsSource(start int) bool {
	if start > len(r.doc.Text) {
		return false
	}
	before := strings.TrimRight(r.doc.Text[:start], " ")
	return strings.HasSuffix(before, "来源:")
}

// centreType decides whether a …中心 is an institution of its own (国家癌症中心,
// 内蒙古自治区科学技术成果转化中心) or a unit of a hospital (市癌症防治中心).
func centreType(name string) EntityType {
	if strings.HasPrefix(name, "国家") || strings.HasPrefix(name, "全国") || strings.HasPrefix(name, "中国") {
		return Institution
	}
	if p := places().provinces.prefixOf(name); p != "" {
		rest := name[len(p):]
		if strings.HasPrefix(rest, "省") || strings.HasPrefix(rest, "自治区") || strings.HasPrefix(rest, "市") || strings.HasPrefix(rest, "壮族") || strings.HasPrefix(rest, "回族") || strings.HasPrefix(rest, "维吾尔") {
			return Institution
		}
	}
	return Department
}

// addEntity records an entity (merging aliases) and a mention of it.
func (r *resolution) addEntity(e Entity, sent, start, end int, surface string) string {
	have, ok := r.entities[e.ID]
	if !ok {
		have = &Entity{ID: e.ID, Type: e.Type, Name: e.Name, Parent: e.Parent}
		r.entities[e.ID] = have
		r.order = append(r.order, e.ID)
	}
	for _, a := range e.Aliases {
		have.addAlias(a)
	}
	have.addAlias(surface)
	have.addAlias(r.originalSurface(start, end))
	if sent >= 0 {
		r.mentions = append(r.mentions, Mention{Entity: e.ID, Sentence: sent, Start: start, End: end})
	}
	return e.ID
}

// addAlias records a as another name of e, unless it is empty or known.
func (e *Entity) addAlias(a string) {
	if a != "" && a != e.Name && !slices.Contains(e.Aliases, a) {
		e.Aliases = append(e.Aliases, a)
	}
}

// originalSurface is the name as the original text writes it (traditional
// characters kept), without scraper annotations.
func (r *resolution) originalSurface(start, end int) string {
	if start >= end {
		return ""
	}
	s := r.doc.OriginalSurface(start, end)
	if strings.ContainsAny(s, "?\ufffd \n") {
		return ""
	}
	return s
}
