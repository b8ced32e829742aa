package model

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"hospkg/nlp"
)

// personCuesBefore and personCuesAfter are the marks that stand next to
// names in news text, besides titles (nlp.TitleEnding).
var (
	personCuesBefore = []string{"/", ":", "(", "、", " ", ",", "。"}
	personCuesAfter  = []string{"同志", "摄", "等", "、", ")", " ", ",", "。", "先生", "女士", "主持", "表示", "指出", "出席", "介绍", "强调", "说", "率", "担任"}
)

// bylineMarks say that a sentence is a byline or a credit line.
var bylineMarks = []string{"摄", "编辑", "记者", "通讯员", "文/", "图/", "作者", "审核", "来源", "供稿", "校对", "撰稿"}

// Persons lists, in order, the names the rules may have missed: a word gse
// tags as a person's name, or a family name followed by one or two
// characters gse could not join into words (李/佃/贵: a name its dictionary
// lacks), each place with the lengths its name may have. The person
// decider weighs them by what stands around them, how gse cut them, and
// whether its dictionary knows them or the words they would make with
// their neighbours; Model.Decide adds the ones it believes enough as
// officials.
func Persons(x *nlp.Extraction) []Addition {
	return newFeaturizer(x).persons(true)
}

// persons lists the names of Persons; without found, it leaves out the
// places where the rules found a name, which no decision adds to.
func (f *featurizer) persons(found bool) []Addition {
	x := f.x
	officials := make(map[string]bool)
	for _, e := range x.Entities {
		if e.Type == nlp.Official {
			officials[e.Name] = true
		}
	}
	var out []Addition
	var places []personPlace
	proposed := make(map[string]int) // places proposing each name
	text := x.Doc.Text
	site := 0
	var spans [][2]int
	for si, s := range x.Sentences {
		if si >= len(x.Tokens) {
			break
		}
		toks := x.Tokens[si]
		covered := f.bySentence[s.Index]
		spans = spans[:0] // the names' starts and ends
		add := func(start, end int) {
			if start < end && allHan(text[start:end]) {
				spans = append(spans, [2]int{start, end})
			}
		}
		for k, tok := range toks {
			runes := utf8.RuneCountInString(tok.Text)
			switch {
			case strings.HasPrefix(tok.POS, "nr") && runes >= 2 && runes <= 4:
				add(tok.Start, tok.End)
			case (runes == 1 || runes == 2) && nlp.IsSurname(tok.Text):
				// The surname, then one or two words of one character.
				end := tok.End
				for j := k + 1; j < len(toks) && j <= k+2; j++ {
					next := toks[j]
					if next.Start != end || utf8.RuneCountInString(next.Text) != 1 {
						break
					}
					end = next.End
					add(tok.Start, end)
				}
			}
		}
		if len(spans) == 0 {
			continue
		}
		slices.SortFunc(spans, func(a, b [2]int) int {
			if a[0] != b[0] {
				return a[0] - b[0]
			}
			return a[1] - b[1]
		})
		spans = slices.Compact(spans)
		byline := false
		for _, m := range bylineMarks {
			if strings.Contains(s.Text, m) {
				byline = true
				break
			}
		}
		for i := 0; i < len(spans); {
			j := i
			for j < len(spans) && spans[j][0] == spans[i][0] {
				j++
			}
			names := make([]Addition, j-i)
			anyFound := false
			for k, sp := range spans[i:j] {
				names[k] = Addition{Type: nlp.Official, Sentence: s.Index, Start: sp[0], End: sp[1], Name: text[sp[0]:sp[1]], Site: site}
				names[k].Found = officials[names[k].Name] || overlaps(covered, sp[0], sp[1])
				anyFound = anyFound || names[k].Found
				proposed[names[k].Name]++
			}
			i = j
			site++
			if anyFound && !found {
				continue
			}
			places = append(places, personPlace{names, toks, byline, s})
		}
	}
	// Features, once every place is known: how often a name is proposed
	// says how often the document names it.
	total := 0
	for _, pl := range places {
		total += len(pl.names)
	}
	for _, pl := range places {
		for k := range pl.names {
			a := &pl.names[k]
			a.Features = f.keep(f.person(a, cueBefore(text[pl.sentence.Start:a.Start]), cueAfter(text[a.End:pl.sentence.End]), pl.toks, pl.byline, proposed[a.Name]), total)
		}
		out = append(out, pl.names...)
	}
	return out
}

// personPlace is a place where a name may stand, with what its features
// read of its sentence.
type personPlace struct {
	names    []Addition
	toks     []nlp.Token
	byline   bool
	sentence nlp.Sentence
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

func overlaps(ms []nlp.Mention, start, end int) bool {
	for _, m := range ms {
		if m.Start < end && start < m.End {
			return true
		}
	}
	return false
}

// cueBefore names what stands before a name: a title, a mark, the start of
// the sentence; "" when nothing that stands before names does.
func cueBefore(before string) string {
	if before == "" {
		return "^"
	}
	if t := nlp.TitleEnding(before); t != "" {
		return "title"
	}
	for _, c := range personCuesBefore {
		if strings.HasSuffix(before, c) {
			return c
		}
	}
	return ""
}

// cueAfter names what stands after a name; "" when nothing that stands
// after names does.
func cueAfter(after string) string {
	if after == "" {
		return "$"
	}
	for _, c := range personCuesAfter {
		if strings.HasPrefix(after, c) {
			return c
		}
	}
	return ""
}

// person: the name's characters and length, what stands around it, how
// gse segments it, how many places propose it, and whether its sentence is
// a byline.
func (f *featurizer) person(p *Addition, before, after string, toks []nlp.Token, byline bool, proposed int) []uint32 {
	f.buf = f.buf[:0]
	n := utf8.RuneCountInString(p.Name)
	ln := bucket(n, 2, 3, 4)
	f.add("p-bias", ln)
	surname := firstRunes(p.Name, 1)
	if n >= 3 && nlp.IsSurname(firstRunes(p.Name, 2)) {
		surname = firstRunes(p.Name, 2)
	}
	given := p.Name[len(surname):]
	f.add("p-surname", surname)
	f.add("p-surnameLen", surname, ln)
	for _, r := range given {
		f.add("p-given", string(r))
	}
	f.add("p-lastGiven", ln, lastRunes(p.Name, 1))
	f.add("p-before", ln, before)
	f.add("p-after", ln, after)
	text := f.x.Doc.Text
	f.add("p-cues", before, after)
	if t := nlp.TitleEnding(text[:p.Start]); t != "" {
		f.add("p-title", t)
		f.add("p-titleLast", lastRunes(t, 1), ln)
	}
	next := runeAfter(text, p.End)
	f.add("p-next", ln, next)
	f.add("p-prev", ln, runeBefore(text, p.Start))
	if p.End < len(text) {
		f.add("p-next2", ln, firstRunes(text[p.End:], 2))
		f.add("p-nextSurname", ln, boolName(nlp.IsSurname(next)))
	}
	f.add("p-byline", ln, boolName(byline))
	f.add("p-proposed", ln, bucket(proposed, 2, 3, 5))
	officials := 0
	for _, m := range f.bySentence[p.Sentence] {
		if e := f.entities[m.Entity]; e != nil && e.Type == nlp.Official {
			officials++
		}
	}
	f.add("p-officialsHere", ln, bucket(officials, 1, 2, 4))
	k := sort.Search(len(toks), func(i int) bool { return toks[i].End > p.Start })
	if k > 0 && toks[k-1].End == p.Start {
		f.add("p-tokBefore", toks[k-1].Text)
		f.add("p-posBefore", ln, toks[k-1].POS)
	}
	startAligned, endAligned := false, false
	for ; k < len(toks) && toks[k].Start < p.End+len(next); k++ {
		tok := toks[k]
		switch {
		case tok.Start == p.Start && tok.End == p.End:
			f.add("p-wholeToken", tok.POS)
		case tok.Start <= p.Start && tok.End > p.Start:
			f.add("p-firstPOS", ln, tok.POS)
		}
		if tok.Start == p.Start {
			startAligned = true
		}
		if tok.End == p.End {
			endAligned = true
		}
		if tok.Start < p.End && tok.End > p.End {
			f.add("p-endInside", ln, tok.POS)
			f.add("p-endInsideTok", tok.Text)
		}
		if tok.Start == p.End {
			f.add("p-posAfter", ln, tok.POS)
			f.add("p-tokAfter", tok.Text)
		}
	}
	f.add("p-aligned", ln, boolName(startAligned), boolName(endAligned))
	f.add("p-place", boolName(isPlace(p.Name) || isPlace(firstRunes(p.Name, 2))))
	seg, err := nlp.LoadSegmenter()
	if err != nil {
		return f.buf
	}
	// What gse's dictionary knows of the name, its parts, and the words it
	// would make with the characters around it.
	glued := lastRunes(p.Name, 1) + firstRunes(text[p.End:], 1)
	for _, w := range []struct{ name, text string }{{"p-dict", p.Name}, {"p-dictGlued", glued}} {
		if pos, freq, ok := seg.Word(w.text); ok {
			f.add(w.name, ln, pos, bucket(int(freq), 10, 100, 1000, 10000))
		} else {
			f.add(w.name, ln, "none")
		}
	}
	return f.buf
}
