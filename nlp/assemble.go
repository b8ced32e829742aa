package nlp

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"hospkg/intake"
)

// sentenceFacts are the mentions found in one sentence.
type sentenceFacts struct {
	st        *sentenceText
	orgs      []*orgMention
	positions []*positionMention
}

// assemble turns the mentions of all sentences into the document's entities,
// mentions and positions, with aliases resolved; short holds the short names
// the article introduced in brackets.
func assemble(doc *intake.Document, facts []sentenceFacts, short map[string]*orgMention) (*resolution, []Position, map[*orgMention]string) {
	r := newResolution(doc)
	var all []docOrg
	for i, f := range facts {
		for _, o := range f.orgs {
			all = append(all, docOrg{o, i, lineName(f) == o})
		}
		for _, p := range f.positions {
			if p.org != nil && !containsOrg(f.orgs, p.org) {
				all = append(all, docOrg{p.org, i, false}) // 密云区政府 from 密云区副区长
			}
		}
	}
	r.listedApart = listedApart(facts)
	r.resolveOrganisations(all)
	r.mergeRenamed(renamings(facts))
	r.resolveSignatureNames(facts)
	// Longest first: a short name can be another's full name (天津医院 →
	// 万州区天津医院 → 万州区第一人民医院), and the longer link must be
	// resolved before the shorter one reads it. In map order the chain came
	// out differently from run to run.
	for _, abbr := range shortNameOrder(short) {
		full := short[abbr]
		// A hospital named only at the head of its branch's name, and by
		// this short form (吉大二院), is named after all.
		if _, ok := r.canonical[full.name]; !ok {
			r.canonical[full.name] = full.name
			r.orgType[full.name] = full.typ
		}
		r.canonical[abbr] = r.canonical[full.name]
	}
	r.foldStrayLeads(all, facts)
	mainName := r.chooseMain(all)
	if mainName != "" {
		r.main = EntityID(Hospital, mainName, "")
	}
	r.self = r.main
	if self := r.chooseSelf(all, mainName); self != "" {
		r.self = EntityID(Hospital, self, "")
	}
	if school := r.chooseSchool(all); school != "" {
		r.mainSchool = EntityID(Institution, school, "")
	}

	// A government read from a place title (密云区副区长 → 密云区政府) is an
	// entity only where the text names it too (区政府): a title tied only to
	// a place holds no position.
	named := make(map[string]bool)
	for _, o := range all {
		if o.start < o.end {
			named[r.canonical[o.name]] = true
		}
	}
	orgID := make(map[*orgMention]string)
	// Hospitals and institutions first: departments and positions refer to them.
	for _, o := range all {
		switch {
		case o.start == o.end && !named[r.canonical[o.name]]:
		case o.ref:
			id := r.main
			if o.name == "我院" || o.name == "本院" {
				id = r.self
			}
			if o.name == "该院" {
				id = r.antecedent(all, o)
			}
			if o.typ == Institution {
				id = r.mainSchool
			}
			if id != "" {
				orgID[o.orgMention] = id
				r.mentions = append(r.mentions, Mention{Entity: id, Sentence: o.sent, Start: o.start, End: o.end})
			}
		case o.typ == Department:
		default:
			name := r.canonical[o.name]
			orgID[o.orgMention] = r.addEntity(Entity{ID: EntityID(o.typ, name, ""), Type: o.typ, Name: name}, o.sent, o.start, o.end, o.name)
		}
	}
	r.orgIDs = orgID
	r.publisher = publisher(facts, orgID)
	// Units named with their parent first: a unit the text also names
	// alone, before or after (来源:医政医管处), is then found as that one.
	slices.SortStableFunc(all, func(a, b docOrg) int { return cmp.Compare(btoi(a.parent == nil), btoi(b.parent == nil)) })
	for _, o := range all {
		if o.typ != Department || o.ref {
			continue
		}
		if o.suffix == "中心" && o.parent == nil && centreType(o.name) == Institution {
			orgID[o.orgMention] = r.addEntity(Entity{ID: EntityID(Institution, o.name, ""), Type: Institution, Name: o.name}, o.sent, o.start, o.end, o.name)
			continue
		}
		parent := r.departmentParent(o, facts[o.sent].orgs, orgID)
		if parent == "" {
			continue
		}
		orgID[o.orgMention] = r.addDepartment(o, parent)
	}
	return r, r.assemblePositions(facts, orgID), orgID
}

// antecedent is the hospital 该院 ("that hospital") refers to: the last one
// named before it in its sentence or the three before (新建的南平鹭康医院宣布
// 开业。该院由集团全资设立), else the article's own. A campus is where something
// happened, not what 该院 names.
func (r *resolution) antecedent(all []docOrg, ref docOrg) string {
	var best *docOrg
	for i := range all {
		o := &all[i]
		if o.ref || o.typ != Hospital || o.end > ref.start || o.sent < ref.sent-3 || o.sent > ref.sent {
			continue
		}
		// 该院 is a hospital, not a group of them.
		if hasAnySuffix(o.name, []string{"院区", "分院"}) != "" || hasAnySuffix(o.name, groupWords) != "" {
			continue
		}
		if best == nil || o.end > best.end {
			best = o
		}
	}
	if best == nil {
		return r.main
	}
	return EntityID(Hospital, r.canonical[best.name], "")
}

// groupNamed returns the ID of the one hospital or institution whose name
// ends in word (广西神经内科专科联盟 for 联盟), or "" if the text names none or
// several.
func (r *resolution) groupNamed(word string) string {
	found := ""
	for _, id := range r.order {
		e := r.entities[id]
		if (e.Type != Hospital && e.Type != Institution) || len(e.Name) <= len(word) || !strings.HasSuffix(e.Name, word) {
			continue
		}
		if found != "" {
			return ""
		}
		found = id
	}
	return found
}

// bylineTitles are the roles of the people who wrote and checked a text
// (编辑 方晓雯, 摄影:何俊): they work for whoever published it.
var bylineTitles = map[string]bool{
	"编辑": true, "责任编辑": true, "总编辑": true, "记者": true, "通讯员": true, "审核": true,
	"撰稿": true, "供稿": true, "校对": true, "审校": true, "作者": true, "摄影": true, "文图": true,
	"主编": true, "副主编": true, "总编": true, "责编": true, "核稿": true, "初审": true, "复审": true,
	"终审": true, "一审": true, "二审": true, "三审": true, "监制": true, "文字": true, "图片": true, "采访人员": true, "特约通讯员": true, "全媒体记者": true, "实习记者": true, "见习记者": true, "特约记者": true,
}

// publisher returns the ID of the organisation that published the text, if
// the text says: the one a 来源 line names, else an institution whose name
// opens a headline that names no hospital (安徽省卫生健康委员会关于…的通知,
// 南华大学新增…). Otherwise bylines belong to the article's own hospital.
func publisher(facts []sentenceFacts, orgID map[*orgMention]string) string {
	// The normalised text is simplified and half-width (來源： → 来源:).
	const cue = "来源:"
	for _, f := range facts {
		k := strings.Index(f.st.Text, cue)
		if k < 0 {
			continue
		}
		from := f.st.Start + k + len(cue)
		from += len(f.st.Text[from-f.st.Start:]) - len(strings.TrimLeft(f.st.Text[from-f.st.Start:], " "))
		for _, o := range f.orgs {
			if o.start == from && o.typ != Department && !o.ref {
				return orgID[o]
			}
		}
	}
	if len(facts) == 0 {
		return ""
	}
	head := facts[0]
	for _, o := range head.orgs {
		if o.typ == Hospital {
			return ""
		}
	}
	for _, o := range head.orgs {
		if o.start == head.st.Start && o.typ == Institution {
			return orgID[o]
		}
	}
	return ""
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func containsOrg(list []*orgMention, o *orgMention) bool {
	for _, x := range list {
		if x == o {
			return true
		}
	}
	return false
}

// departmentParent is the organisation a department belongs to: the one it is
// named with, else the nearest organisation earlier in the same clause, else
// the hospital the article is about.
func (r *resolution) departmentParent(d docOrg, sentenceOrgs []*orgMention, orgID map[*orgMention]string) string {
	if d.parent != nil {
		return orgID[d.parent]
	}
	if d.body != "" {
		if p := r.entities[r.publisher]; p != nil && strings.HasSuffix(strings.TrimSuffix(p.Name, "员会"), d.body) {
			return p.ID
		}
	}
	var nearest *orgMention
	for _, o := range sentenceOrgs {
		if o.end > d.start || o == d.orgMention {
			continue
		}
		if nearest == nil || o.end > nearest.end {
			nearest = o
		}
	}
	if nearest != nil && !strings.ContainsAny(r.doc.Text[nearest.end:d.start], ",，;；") {
		if nearest.typ == Department && nearest.parent != nil {
			return orgID[nearest.parent]
		}
		if id := orgID[nearest]; id != "" && !strings.HasPrefix(id, string(Department)) {
			return id
		}
	}
	return r.main
}

// addDepartment records a department of parent. A unit of a government body
// keeps the body in its name (国家卫生健康委应急司); a unit of a hospital is
// named on its own (整形烧伤外科), its full form kept as an alias.
func (r *resolution) addDepartment(d docOrg, parentID string) string {
	parent := r.entities[parentID]
	name := d.name
	var aliases []string
	// A unit of a body written with it (国家卫生健康委应急司) keeps the body
	// in its name; one written alone (教务处, 医政医管处) keeps its own
	// name, as the text writes it; 局人事科 names its body by one character.
	if parent != nil && (d.parent != nil || d.body != "") {
		full := parent.Name + d.name
		if parent.Type == Institution {
			name, aliases = full, []string{d.name}
		} else {
			aliases = []string{full}
		}
	}
	// 整形科 is short for 整形烧伤外科 of the same parent; a unit named without
	// its parent is the one the article named with it (北大医院整形烧伤外科).
	for _, id := range r.order {
		e := r.entities[id]
		if e.Type != Department {
			continue
		}
		if d.parent == nil && parentID == r.main && e.Parent != parentID && (e.Name == name || slices.Contains(e.Aliases, name) || isDeptShortForm(name, e.Name)) {
			return r.addEntity(Entity{ID: e.ID, Type: Department, Name: e.Name, Parent: e.Parent}, d.sent, d.start, d.end, "")
		}
		if e.Parent == parentID && isDeptShortForm(name, e.Name) {
			return r.addEntity(Entity{ID: e.ID, Type: Department, Name: e.Name, Parent: parentID, Aliases: append(aliases, name)}, d.sent, d.start, d.end, "")
		}
	}
	return r.addEntity(Entity{ID: EntityID(Department, name, parentID), Type: Department, Name: name, Parent: parentID, Aliases: aliases}, d.sent, d.start, d.end, d.name)
}

// assemblePositions turns position mentions into officials and positions.
// NAME TITLE re-mentions (郭燕红司长指出) add no position for a person whose
// position the article already gave.
func (r *resolution) assemblePositions(facts []sentenceFacts, orgID map[*orgMention]string) []Position {
	var out []Position
	personID := make(map[string]string) // name → Official ID, within the document
	seen := make(map[Position]bool)
	for pass := 0; pass < 2; pass++ {
		for i, f := range facts {
			for _, p := range f.positions {
				if p.reMention != (pass == 1) {
					continue
				}
				org := ""
				switch {
				case p.org != nil:
					org = orgID[p.org]
				case p.group != "":
					org = r.groupNamed(p.group)
				case p.ownHospital:
					org = r.hospitalBefore(f, p.person.start, orgID)
				case bylineTitles[p.title]:
					org = r.bylineOrg(f, p)
				case placeTitles[p.title] != "":
					// 副州长郑权: the one government of that level the text
					// names (州政府), if it names one.
					org = r.governmentOf(placeTitles[p.title])
				case hospitalTitles[p.title]:
					org = r.main
				}
				if p.reMention && personID[p.person.name] != "" {
					continue
				}
				id := personID[p.person.name]
				if id == "" {
					qualifier := org
					if qualifier == "" {
						qualifier = r.main
					}
					if qualifier == "" {
						qualifier = "doc:" + r.doc.Name
					}
					id = EntityID(Official, p.person.name, qualifier)
					personID[p.person.name] = id
				}
				r.addEntity(Entity{ID: id, Type: Official, Name: p.person.name}, i, p.person.start, p.person.end, p.person.name)
				// 院士 or 教授 alone names no post; 中国工程院院士 does. A
				// doctor called 医生 by name alone (劉楚釗醫生) is addressed,
				// not posted.
				if org == "" || positionlessTitles[p.title] && p.org == nil || p.removed || p.reMention && honorifics[p.title] {
					continue
				}
				pos := Position{Person: id, Title: p.title, Org: org, Sentence: i}
				key := pos
				key.Sentence = 0
				if !seen[key] {
					seen[key] = true
					out = append(out, pos)
				}
			}
		}
	}
	return out
}

// hospitalBefore is the hospital 医院 before a title refers to (沧州市第四医院
// 党委副书记、院长刘玲,…、医院党委书记张耀清): the last one its sentence names
// before off, not a group or a campus; else the article's own.
func (r *resolution) hospitalBefore(f sentenceFacts, off int, orgID map[*orgMention]string) string {
	best := ""
	end := -1
	for _, o := range f.orgs {
		if o.ref || o.typ != Hospital || o.end > off || o.end <= end {
			continue
		}
		e := r.entities[orgID[o]]
		// 我院与中国地质大学医院…,院党委书记熊国良: the partner named with
		// 我院 is not the 院 of the title.
		if e == nil || isGroupName(e) || hasAnySuffix(e.Name, []string{"院区", "分院"}) != "" || r.besideOwnHospital(o) {
			continue
		}
		best, end = e.ID, o.end
	}
	if best == "" {
		return r.main
	}
	return best
}

// honorifics are roles a text also puts after a name in address (刘楚钊医生).
var honorifics = map[string]bool{"医生": true, "医师": true, "教授": true, "护士": true}

// bylineOrg is the organisation a byline (记者, 编辑, 摄影) works for: the
// news outlet its sentence names before it (生活报讯(采访人员吕晓艳)), else
// the publisher of the text, else the article's own hospital — unless the
// article is about several hospitals, when it is none (GUIDE.md).
func (r *resolution) bylineOrg(f sentenceFacts, p *positionMention) string {
	var outlet *orgMention
	for _, o := range f.orgs {
		if o.media && o.end <= p.person.start {
			outlet = o
		}
	}
	if outlet != nil {
		if id := r.orgIDs[outlet]; id != "" {
			return id
		}
	}
	if r.publisher != "" {
		return r.publisher
	}
	// The one outlet the text names anywhere (新京报 on a line of its own).
	only := ""
	for o, id := range r.orgIDs {
		if o.media && id != "" {
			if only != "" && only != id {
				only = "-"
				break
			}
			only = id
		}
	}
	if only != "" && only != "-" {
		return only
	}
	if r.aboutSeveral {
		return ""
	}
	return r.main
}

// governmentOf returns the one government of the level (州, 县, 市) that the
// text names, or "" if it names none or several.
func (r *resolution) governmentOf(level string) string {
	found := ""
	for _, id := range r.order {
		e := r.entities[id]
		if e.Type != Institution || hasAnySuffix(e.Name, []string{level + "政府", level + "人民政府", level + "府"}) == "" {
			continue
		}
		if found != "" && found != id {
			return ""
		}
		found = id
	}
	return found
}

// coordinatedGovernment matches 密云区委区政府 and 市委市政府: a Party committee
// and a government of one place, named together.
var coordinatedGovernment = regexp.MustCompile(`^(.*?)(自治区|[省市县区州])(党)?委(和|、|及|与)?(自治区|[省市县区州])?(人民)?政府$`)

// listSeparators stand between the items of a list of organisations.
var listSeparators = []string{"、", "和", "及", "与", "以及", "暨"}

// listedApart returns the pairs of organisation names that a sentence lists
// side by side (A、B和C): items of one list are different organisations,
// however alike their names (台安医院 and 台南市立安南医院).
func listedApart(facts []sentenceFacts) map[[2]string]bool {
	var apart map[[2]string]bool // most texts list none: no map then
	var list []string
	for _, f := range facts {
		list = list[:0]
		prevEnd := -1
		for _, o := range f.orgs {
			if o.ref || o.typ == Department {
				continue
			}
			if prevEnd < 0 || o.start < prevEnd || !slices.Contains(listSeparators, f.st.at(prevEnd, o.start)) {
				apart = markApart(apart, list)
				list = list[:0]
			}
			list = append(list, o.name)
			prevEnd = o.end
		}
		apart = markApart(apart, list)
	}
	return apart
}

// markApart records every pair of a list's names as apart.
func markApart(apart map[[2]string]bool, list []string) map[[2]string]bool {
	for i, a := range list {
		for _, b := range list[i+1:] {
			if a == b {
				continue
			}
			if apart == nil {
				apart = make(map[[2]string]bool)
			}
			apart[[2]string{a, b}], apart[[2]string{b, a}] = true, true
		}
	}
	return apart
}

// splitCoordinated cuts 密云区委区政府 (or 阜平县委和县政府, 内蒙古自治区党委
// 政府) into the committee and the government.
func splitCoordinated(orgs []*orgMention) []*orgMention {
	var out []*orgMention
	for _, o := range orgs {
		// The pattern needs 委 and a final 政府: a cheap test spares most
		// names the regular expression.
		var m []string
		if strings.HasSuffix(o.name, "政府") && strings.Contains(o.name, "委") {
			m = coordinatedGovernment.FindStringSubmatch(o.name)
		}
		if m == nil {
			out = append(out, o)
			continue
		}
		committee := m[1] + m[2] + m[3] + "委"
		cut := o.start + len(committee)
		level := m[5]
		if level == "" {
			level = m[2] // 自治区党委政府: the government of the same level
		}
		out = append(out,
			&orgMention{start: o.start, end: cut, name: committee, typ: Institution, suffix: "委"},
			&orgMention{start: cut + len(m[4]), end: o.end, name: m[1] + level + m[6] + "政府", typ: Institution, suffix: "政府"})
	}
	return out
}

// isDeptShortForm reports whether short abbreviates the unit name full,
// keeping its first and last characters (整形科 of 整形烧伤外科).
func isDeptShortForm(short, full string) bool {
	return len(short) < len(full) && utf8.RuneCountInString(short) >= 2 &&
		firstRunes(short, 1) == firstRunes(full, 1) && lastRunes(short, 1) == lastRunes(full, 1) &&
		isSubsequence(short, full)
}

// affiliationParent returns the body a hospital's name says it is affiliated
// with (内蒙古医科大学 of 内蒙古医科大学附属肿瘤医院, 郑州大学 of
// 郑州大学第一附属医院), or "".
func affiliationParent(name string) string {
	k := strings.Index(name, "附属")
	// 某大学第一附属医院医联体: a group named after its leading hospital is
	// not the university's.
	if k <= 0 || hasAnySuffix(name, groupWords) != "" {
		return ""
	}
	// 复旦大学附属华山医院福建医院, 南京医科大学第二附属医院迈皋桥院区: 附属
	// names the parent of the hospital whose branch this is; the branch's
	// own parent is read from its name prefix.
	if tail := name[k+len("附属"):]; strings.Count(tail, "医院") > 1 || strings.Contains(tail, "医院") && !strings.HasSuffix(tail, "医院") {
		return ""
	}
	parent := trailingOrdinal.ReplaceAllString(name[:k], "")
	if hasAnySuffix(parent, []string{"大学", "医学院", "学院", "医科大学", "医学部", "医院"}) == "" {
		return ""
	}
	return parent
}

// schoolParent returns the university a school is named under (中南大学 of
// 中南大学湘雅口腔医学院), or "".
func schoolParent(name string) string {
	k := strings.Index(name, "大学")
	if k <= 0 || hasAnySuffix(name, []string{"学院", "医学部"}) == "" {
		return ""
	}
	rest := name[k+len("大学"):]
	if utf8.RuneCountInString(rest) < 3 {
		return ""
	}
	return name[:k+len("大学")]
}

// resolveSignatureNames reads the sign-off of a report: a hospital's names on
// lines of their own, one after the other (北京大学肿瘤医院内蒙古医院 /
// 内蒙古医科大学附属肿瘤医院), are one hospital.
func (r *resolution) resolveSignatureNames(facts []sentenceFacts) {
	for i := 1; i < len(facts); i++ {
		first, second := lineName(facts[i-1]), lineName(facts[i])
		if first == nil || second == nil || first.typ != Hospital || second.typ != Hospital {
			continue
		}
		a, b := r.canonical[first.name], r.canonical[second.name]
		if a == "" || b == "" || a == b {
			continue
		}
		for name, c := range r.canonical {
			if c == b {
				r.canonical[name] = a
			}
		}
	}
}

// lineName returns the organisation a sentence consists of, if it is nothing
// but one name.
func lineName(f sentenceFacts) *orgMention {
	if len(f.orgs) != 1 || f.orgs[0].ref {
		return nil
	}
	o := f.orgs[0]
	if o.start != f.st.Start || o.end != f.st.End {
		return nil
	}
	return o
}
