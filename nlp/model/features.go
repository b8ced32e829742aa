package model

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"hospkg/nlp"
	"hospkg/nlp/gazetteer"
)

// Kind is the kind of fact a candidate proposes.
type Kind int

// The three kinds of fact the rules propose and the model decides, the
// names of officials the rules missed that the model may add (Persons), and
// the other type it may give an organisation (Retypes), part of deciding
// entities.
const (
	EntityKind Kind = iota
	RelationKind
	PositionKind
	PersonKind
	RetypeKind
	kinds
)

// String names the kind as the JSONL export does.
func (k Kind) String() string {
	switch k {
	case EntityKind:
		return "entity"
	case RelationKind:
		return "relation"
	case PositionKind:
		return "position"
	case PersonKind:
		return "person"
	case RetypeKind:
		return "retype"
	}
	return "kind" + strconv.Itoa(int(k))
}

// featureBits is the size of the hashed feature space, 2^featureBits.
const featureBits = 20

// Candidate is one fact the rules proposed, with the hashed features the
// model decides it by. Index points into the extraction's Entities,
// Relations or Positions.
type Candidate struct {
	Kind     Kind
	Index    int
	Features []uint32
}

// cueWords are words whose presence in a relation's sentence says which
// relation it states.
var cueWords = []string{
	"帮扶", "对口", "支援", "托管", "派驻", "派出", "派遣", "专家", "进驻", "下沉", "指导",
	"签约", "签署", "协议", "合作", "共建", "联盟", "医联体", "医共体", "牵头", "成员",
	"附属", "分院", "院区", "挂牌", "揭牌", "授牌", "更名", "隶属", "教学", "基地", "领办",
	"主办", "成立", "组建", "加入", "集团",
}

// featurizer turns the candidates of one extraction into features; it
// indexes the extraction once.
type featurizer struct {
	x          *nlp.Extraction
	entities   map[string]*nlp.Entity
	mentions   map[string][]nlp.Mention // by entity ID, in document order
	bySentence map[int][]nlp.Mention
	sentences  map[int]nlp.Sentence
	tokens     map[int][]nlp.Token // by sentence index
	positions  map[string]int      // positions per person ID
	relations  map[int]int         // relations per sentence
	involved   map[string]int      // relations and positions per entity ID
	postsAt    map[string]int      // positions per organisation ID
	topOrg     string              // the most mentioned organisation
	counts     map[string]int      // occurrences in the text, by string (occurrences)
	buf        []uint32            // the features of the candidate being read
	block      []uint32            // where kept features are copied (keep)
}

func newFeaturizer(x *nlp.Extraction) *featurizer {
	f := &featurizer{
		x:          x,
		entities:   make(map[string]*nlp.Entity, len(x.Entities)),
		mentions:   make(map[string][]nlp.Mention, len(x.Entities)),
		bySentence: make(map[int][]nlp.Mention),
		sentences:  make(map[int]nlp.Sentence, len(x.Sentences)),
		tokens:     make(map[int][]nlp.Token, len(x.Tokens)),
		positions:  make(map[string]int),
		relations:  make(map[int]int),
		involved:   make(map[string]int),
		postsAt:    make(map[string]int),
	}
	for i := range x.Entities {
		f.entities[x.Entities[i].ID] = &x.Entities[i]
	}
	for _, m := range x.Mentions {
		f.mentions[m.Entity] = append(f.mentions[m.Entity], m)
		f.bySentence[m.Sentence] = append(f.bySentence[m.Sentence], m)
	}
	for i, s := range x.Sentences {
		f.sentences[s.Index] = s
		if i < len(x.Tokens) {
			f.tokens[s.Index] = x.Tokens[i]
		}
	}
	for _, p := range x.Positions {
		f.positions[p.Person]++
		f.involved[p.Org]++
		f.postsAt[p.Org]++
	}
	for _, r := range x.Relations {
		f.relations[r.Sentence]++
		f.involved[r.Subject]++
		f.involved[r.Object]++
	}
	best := 0
	for _, e := range x.Entities {
		if e.Type == nlp.Hospital || e.Type == nlp.Institution {
			if n := len(f.mentions[e.ID]); n > best || (n == best && e.ID < f.topOrg) {
				best, f.topOrg = n, e.ID
			}
		}
	}
	return f
}

// Candidates lists every fact of the extraction as a candidate with its
// features: entities, then relations, then positions, each in the
// extraction's order.
func Candidates(x *nlp.Extraction) []Candidate {
	return newFeaturizer(x).candidates()
}

func (f *featurizer) candidates() []Candidate {
	x := f.x
	n := len(x.Entities) + len(x.Relations) + len(x.Positions)
	out := make([]Candidate, 0, n)
	for i := range x.Entities {
		out = append(out, Candidate{Kind: EntityKind, Index: i, Features: f.keep(f.entity(&x.Entities[i]), n)})
	}
	for i := range x.Relations {
		out = append(out, Candidate{Kind: RelationKind, Index: i, Features: f.keep(f.relation(&x.Relations[i]), n)})
	}
	for i := range x.Positions {
		out = append(out, Candidate{Kind: PositionKind, Index: i, Features: f.keep(f.position(&x.Positions[i]), n)})
	}
	return out
}

// keep copies a candidate's features out of the buffer the next candidate
// reuses, into one block shared by the candidates of the document (a
// block sized for about n candidates more): one allocation for many.
func (f *featurizer) keep(features []uint32, n int) []uint32 {
	if cap(f.block)-len(f.block) < len(features) {
		f.block = make([]uint32, 0, max(n*48, 4*len(features)))
	}
	start := len(f.block)
	f.block = append(f.block, features...)
	return f.block[start:len(f.block):len(f.block)]
}

// occurrences counts the occurrences of s in the document's text, once per
// string.
func (f *featurizer) occurrences(s string) int {
	if n, ok := f.counts[s]; ok {
		return n
	}
	if f.counts == nil {
		f.counts = make(map[string]int)
	}
	n := strings.Count(f.x.Doc.Text, s)
	f.counts[s] = n
	return n
}

// FNV-1a, 32 bits: the hash of a feature's name.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// add adds the feature named by its parts joined by U+001F, hashed into
// the feature space without building the name.
func (f *featurizer) add(parts ...string) {
	f.buf = append(f.buf, featureHash(parts...)&(1<<featureBits-1))
}

// featureHash is the FNV-1a hash of the parts joined by U+001F.
func featureHash(parts ...string) uint32 {
	h := uint32(fnvOffset)
	for i, part := range parts {
		if i > 0 {
			h ^= 0x1f
			h *= fnvPrime
		}
		for k := 0; k < len(part); k++ {
			h ^= uint32(part[k])
			h *= fnvPrime
		}
	}
	return h
}

// entity: the name's shape (suffix, prefix, length, digits, letters), how
// often and where it is named, what stands around its first mention, and
// what the document says of it (positions, parent).
func (f *featurizer) entity(e *nlp.Entity) []uint32 {
	f.buf = f.buf[:0]
	t := string(e.Type)
	f.add("bias", t)
	f.add("s1", t, lastRunes(e.Name, 1))
	f.add("s2", t, lastRunes(e.Name, 2))
	f.add("s3", t, lastRunes(e.Name, 3))
	f.add("p1", t, firstRunes(e.Name, 1))
	f.add("p2", t, firstRunes(e.Name, 2))
	n := utf8.RuneCountInString(e.Name)
	f.add("len", t, bucket(n, 2, 3, 4, 5, 7, 10, 15, 25))
	f.add("shape", t, shape(e.Name))
	for i, r := range e.Name {
		if i == 0 {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(e.Name[:i])
		f.add("bigram", t, e.Name[i-utf8.RuneLen(prev):i+utf8.RuneLen(r)])
	}
	ms := f.mentions[e.ID]
	f.add("mentions", t, bucket(len(ms), 1, 2, 3, 5, 10))
	f.add("aliases", t, bucket(len(e.Aliases), 1, 2, 3))
	if len(ms) > 0 {
		m := ms[0]
		text := f.x.Doc.Text
		before, after := runeBefore(text, m.Start), runeAfter(text, m.End)
		f.add("before", t, before)
		f.add("after", t, after)
		f.add("beforeClass", t, runeClass(before))
		f.add("afterClass", t, runeClass(after))
		f.add("first", t, bucket(m.Sentence, 1, 2, 5, 20))
		f.add("crowd", t, bucket(len(f.bySentence[m.Sentence]), 2, 3, 5, 8, 13))
		if s, ok := f.sentences[m.Sentence]; ok {
			f.add("slen", t, bucket(utf8.RuneCountInString(s.Text), 15, 30, 60, 120, 250))
			f.add("spunct", t, bucket(strings.Count(s.Text, "、")+strings.Count(s.Text, " "), 1, 3, 6, 12))
		}
	}
	spread := map[int]bool{}
	for k, m := range ms {
		spread[m.Sentence] = true
		if k < 3 {
			f.tokenContext(t, m)
			text := f.x.Doc.Text
			f.add("mb", t, runeBefore(text, m.Start))
			f.add("ma", t, runeAfter(text, m.End))
			if m.Start >= 2*3 {
				f.add("mb2", t, lastRunes(text[:m.Start], 2))
			}
		}
	}
	inv := bucket(f.involved[e.ID], 1, 2, 4)
	f.add("involved", t, inv)
	ment := bucket(len(ms), 2, 4)
	f.add("s1×involved", t, lastRunes(e.Name, 1), inv)
	f.add("s2×mentions", t, lastRunes(e.Name, 2), ment)
	f.add("involved×mentions", t, inv, ment)
	f.add("len×mentions", t, bucket(n, 3, 5, 8), ment)
	if level, rest := placePrefix(e.Name); level != "" {
		f.add("place", t, level, bucket(utf8.RuneCountInString(rest), 2, 3, 4, 6, 9))
		f.add("placeS2", t, level, lastRunes(e.Name, 2))
	} else {
		f.add("noplace", t)
	}
	f.add("sentences", t, bucket(len(spread), 2, 3, 5, 10))
	switch e.Type {
	case nlp.Department:
		parent := "none"
		if p := f.entities[e.Parent]; p != nil {
			parent = string(p.Type)
			if p.ID == f.topOrg {
				parent += "-top"
			}
		}
		f.add("parent", parent)
		f.add("parentS1", parent, lastRunes(e.Name, 1))
	case nlp.Official:
		f.add("positions", bucket(f.positions[e.ID], 1, 2, 3))
		f.add("nameLen", strconv.Itoa(n))
	default:
		f.add("top", t, strconv.FormatBool(e.ID == f.topOrg))
		f.add("positionsAt", t, bucket(f.postsAt[e.ID], 1, 2, 4))
	}
	// Is the entity named on its own, or only inside other names?
	alone := 0
	for _, m := range ms {
		inside := false
		for _, o := range f.bySentence[m.Sentence] {
			if o.Entity != e.ID && o.Start <= m.Start && o.End >= m.End && o.End-o.Start > m.End-m.Start {
				inside = true
				break
			}
		}
		if !inside {
			alone++
		}
	}
	f.add("alone", t, bucket(alone, 1, 2, 4))
	for _, other := range f.x.Entities {
		if other.ID != e.ID && other.Type.IsOrg() && e.Type.IsOrg() && len(other.Name) < len(e.Name) && strings.Contains(e.Name, other.Name) {
			where := "inside"
			switch {
			case strings.HasSuffix(e.Name, other.Name):
				where = "ends"
			case strings.HasPrefix(e.Name, other.Name):
				where = "starts"
			}
			f.add("contains", t, string(other.Type), where)
			break
		}
	}
	return f.buf
}

// tokenContext adds gse's reading around a mention: the words and parts of
// speech before and after it, and whether its ends fall between words.
func (f *featurizer) tokenContext(t string, m nlp.Mention) {
	toks := f.tokens[m.Sentence]
	// Tokens are in order: start at the last one ending before the
	// mention.
	from := sort.Search(len(toks), func(i int) bool { return toks[i].End >= m.Start })
	startAligned, endAligned := false, false
	for i, tok := range toks[from:] {
		if tok.End == m.Start {
			f.add("tokBefore", t, tok.Text)
			f.add("posBefore", t, tok.POS)
		}
		if tok.Start == m.End {
			f.add("tokAfter", t, tok.Text)
			f.add("posAfter", t, tok.POS)
		}
		if tok.Start == m.Start {
			startAligned = true
			f.add("posFirst", t, tok.POS)
		}
		if tok.End == m.End {
			endAligned = true
			f.add("posLast", t, tok.POS)
			f.add("tokLast", t, tok.Text)
		}
		if tok.Start < m.Start && tok.End > m.Start {
			f.add("startInside", t, tok.POS)
		}
		if tok.Start < m.End && tok.End > m.End {
			f.add("endInside", t, tok.POS)
		}
		if i > 0 && tok.Start >= m.End {
			break
		}
	}
	f.add("aligned", t, strconv.FormatBool(startAligned), strconv.FormatBool(endAligned))
}

// relation: the predicate with the rule that proposed it, the types and
// suffixes of its ends, the cue words of its sentence, and where the ends
// stand in it.
func (f *featurizer) relation(r *nlp.Relation) []uint32 {
	f.buf = f.buf[:0]
	p := string(r.Predicate)
	f.add("bias", p)
	f.add("rule", p, r.Rule)
	subj, obj := f.entities[r.Subject], f.entities[r.Object]
	st, ot, sn, on := "none", "none", "", ""
	if subj != nil {
		st, sn = string(subj.Type), subj.Name
	}
	if obj != nil {
		ot, on = string(obj.Type), obj.Name
	}
	f.add("types", p, st, ot)
	f.add("ruleTypes", p, r.Rule, st, ot)
	f.add("subjS1", p, lastRunes(sn, 1))
	f.add("objS1", p, lastRunes(on, 1))
	f.add("subjS2", p, lastRunes(sn, 2))
	f.add("objS2", p, lastRunes(on, 2))
	f.add("subjTop", p, strconv.FormatBool(r.Subject == f.topOrg))
	f.add("objTop", p, strconv.FormatBool(r.Object == f.topOrg))
	f.add("subjMentions", p, bucket(len(f.mentions[r.Subject]), 1, 2, 4, 8))
	f.add("objMentions", p, bucket(len(f.mentions[r.Object]), 1, 2, 4, 8))
	f.add("many", p, bucket(f.relations[r.Sentence], 1, 2, 3, 5, 9))
	s, ok := f.sentences[r.Sentence]
	if !ok {
		f.add("nosentence", p)
		return f.buf
	}
	f.add("slen", p, bucket(utf8.RuneCountInString(s.Text), 20, 40, 80, 160))
	f.add("crowd", p, bucket(len(f.bySentence[r.Sentence]), 2, 3, 4, 6, 10))
	for _, cue := range cueWords {
		if strings.Contains(s.Text, cue) {
			f.add("cue", p, cue)
		}
	}
	ss, so := f.firstIn(r.Subject, r.Sentence), f.firstIn(r.Object, r.Sentence)
	switch {
	case ss < 0 && so < 0:
		f.add("order", p, "neither")
	case ss < 0:
		f.add("order", p, "noSubject")
	case so < 0:
		f.add("order", p, "noObject")
	default:
		f.add("order", p, strconv.FormatBool(ss < so))
		gap := so - ss
		if gap < 0 {
			gap = -gap
		}
		f.add("gap", p, bucket(gap/3, 2, 5, 10, 20, 40))
	}
	return f.buf
}

// firstIn is the offset of the entity's first mention in the sentence, or
// -1.
func (f *featurizer) firstIn(entity string, sentence int) int {
	for _, m := range f.bySentence[sentence] {
		if m.Entity == entity {
			return m.Start
		}
	}
	return -1
}

// position: the title and the kind of organisation it is given to, whether
// the person and the organisation are named in its sentence and how far
// apart, and how many posts the person holds.
func (f *featurizer) position(p *nlp.Position) []uint32 {
	f.buf = f.buf[:0]
	f.add("bias")
	f.add("title", p.Title)
	f.add("titleS1", lastRunes(p.Title, 1))
	org := f.entities[p.Org]
	ot, on := "none", ""
	if org != nil {
		ot, on = string(org.Type), org.Name
	}
	f.add("orgType", ot)
	f.add("titleOrg", lastRunes(p.Title, 2), ot)
	f.add("orgS1", ot, lastRunes(on, 1))
	f.add("orgS2", ot, lastRunes(on, 2))
	f.add("orgTop", strconv.FormatBool(p.Org == f.topOrg))
	f.add("posts", bucket(f.positions[p.Person], 1, 2, 3, 5))
	f.add("orgMentions", bucket(len(f.mentions[p.Org]), 1, 2, 4, 8))
	s, ok := f.sentences[p.Sentence]
	if !ok {
		f.add("nosentence")
		return f.buf
	}
	person, orgAt := f.firstIn(p.Person, p.Sentence), f.firstIn(p.Org, p.Sentence)
	f.add("orgHere", strconv.FormatBool(orgAt >= 0), ot)
	f.add("personHere", strconv.FormatBool(person >= 0))
	if t := strings.Index(s.Text, p.Title); t >= 0 && person >= 0 {
		at := s.Start + t
		d := at - person
		side := "after"
		if d < 0 {
			side, d = "before", -d
		}
		f.add("titleSide", side, bucket(d/3, 1, 3, 5, 8, 15))
		if orgAt >= 0 {
			f.add("orgBeforeTitle", strconv.FormatBool(orgAt < at), ot)
		}
		if t >= len("原") && strings.HasSuffix(s.Text[:t], "原") {
			f.add("former")
		}
	} else {
		f.add("titleAbsent")
	}
	f.add("crowd", bucket(len(f.bySentence[p.Sentence]), 2, 3, 4, 6, 10))
	f.add("slen", bucket(utf8.RuneCountInString(s.Text), 20, 40, 80, 160))
	return f.buf
}

var (
	placesOnce sync.Once
	places     map[string]gazetteer.Level // full names and short forms
	placeRunes int                        // the longest, in runes
)

// loadPlaces reads the administrative divisions' names and short forms,
// once.
func loadPlaces() {
	placesOnce.Do(func() {
		places = make(map[string]gazetteer.Level)
		for _, d := range gazetteer.Divisions() {
			for _, n := range []string{d.Name, d.Short} {
				if n == "" {
					continue
				}
				if old, ok := places[n]; !ok || d.Level < old {
					places[n] = d.Level
				}
				placeRunes = max(placeRunes, utf8.RuneCountInString(n))
			}
		}
	})
}

// isPlace reports whether s is an administrative division's name or short
// form.
func isPlace(s string) bool {
	loadPlaces()
	_, ok := places[s]
	return ok
}

// placePrefix is the level of the longest administrative division that
// begins the name, and the rest of the name; "" when none does.
func placePrefix(name string) (string, string) {
	loadPlaces()
	// The byte offsets of the first placeRunes rune ends, longest first.
	var ends []int
	for i, n := 0, 0; i < len(name) && n < placeRunes; n++ {
		_, size := utf8.DecodeRuneInString(name[i:])
		i += size
		ends = append(ends, i)
	}
	for k := len(ends) - 1; k >= 0; k-- {
		end := ends[k]
		if end == len(name) {
			continue
		}
		if level, ok := places[name[:end]]; ok {
			return strconv.Itoa(int(level)), name[end:]
		}
	}
	return "", name
}

// bucket names the interval of n among increasing bounds: "<b0", "<b1", …,
// ">=last". Bounds up to maxBound have their names made once.
func bucket(n int, bounds ...int) string {
	for _, b := range bounds {
		if n < b {
			return boundName(lessNames, "<", b)
		}
	}
	return boundName(atLeastNames, ">=", bounds[len(bounds)-1])
}

const maxBound = 256

var lessNames, atLeastNames = boundNames("<"), boundNames(">=")

func boundNames(prefix string) []string {
	names := make([]string, maxBound+1)
	for b := range names {
		names[b] = prefix + strconv.Itoa(b)
	}
	return names
}

func boundName(names []string, prefix string, b int) string {
	if b >= 0 && b < len(names) {
		return names[b]
	}
	return prefix + strconv.Itoa(b)
}

func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func runeBefore(text string, at int) string {
	if at <= 0 || at > len(text) {
		return "^"
	}
	r, _ := utf8.DecodeLastRuneInString(text[:at])
	return string(r)
}

func runeAfter(text string, at int) string {
	if at < 0 || at >= len(text) {
		return "$"
	}
	r, _ := utf8.DecodeRuneInString(text[at:])
	return string(r)
}

// runeClass is a coarse class of a one-rune string.
func runeClass(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case s == "^" || s == "$":
		return s
	case unicode.Is(unicode.Han, r):
		return "han"
	case unicode.IsDigit(r):
		return "digit"
	case unicode.IsLetter(r):
		return "letter"
	case unicode.IsSpace(r):
		return "space"
	}
	return "punct"
}

// shape says whether a name holds digits, Chinese numerals or Latin
// letters.
func shape(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < utf8.RuneSelf && unicode.IsDigit(r):
			b.WriteByte('d')
		case strings.ContainsRune("一二三四五六七八九十第", r):
			b.WriteByte('n')
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			b.WriteByte('a')
		default:
			continue
		}
	}
	s := b.String()
	if len(s) > 3 {
		s = s[:3]
	}
	return s
}

func boolName(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
