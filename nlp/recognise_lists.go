package nlp

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Member lists name many organisations of one kind in a row (A、B、C和D).
// The suffix rules find most of them; an item they miss is usually a name
// gse does not know (圣母医院, 东元综合医院, 新北市立联合医院). Its neighbours
// say what it is: between two separators stands a whole name, nothing else.

// listConjunctions join the last item of a list to the one before.
var listConjunctions = []string{"以及", "和", "及", "与", "暨"}

// listItem is one item of a list: the byte offsets in the document.
type listItem struct{ start, end int }

// completeLists finds the lists of a sentence in which at least two items
// are organisations of one type, each an item on its own, and reads every
// other item that ends in a suffix of that type as a name of its own. An
// item a shorter name was found in the tail of (忠孝院区 of
// 台北市联合医院忠孝院区) is read whole.
func completeLists(st *sentenceText, orgs []*orgMention) []*orgMention {
	// A list needs 、 and two organisations beside one to vouch for it.
	if len(orgs) < 2 || !st.mayContain("、") || listedOrgs(st, orgs) < 2 {
		return orgs
	}
	added := false
	for _, list := range sentenceLists(st) {
		typ, ok := listType(list, orgs)
		if !ok {
			continue
		}
		for i, it := range list {
			if i == 0 || exactOrg(orgs, it) != nil {
				continue // the first item holds the words before the list
			}
			name := st.at(it.start, it.end)
			if !isListedName(st, it, name, typ) {
				continue
			}
			suf := orgSuffixOf(name, st.at(it.end, st.End))
			kept := orgs[:0]
			for _, o := range orgs {
				if o.start < it.start || o.end > it.end {
					kept = append(kept, o)
				}
			}
			orgs = append(kept, &orgMention{start: it.start, end: it.end, name: name, typ: typ, suffix: suf.text})
			added = true
		}
	}
	if added {
		slices.SortStableFunc(orgs, func(a, b *orgMention) int { return cmp.Compare(a.start, b.start) })
	}
	return orgs
}

// listedOrgs counts the organisations that stand next to a 、.
func listedOrgs(st *sentenceText, orgs []*orgMention) int {
	n := 0
	for _, o := range orgs {
		if strings.HasPrefix(st.at(o.end, st.End), "、") || strings.HasSuffix(st.at(st.Start, o.start), "、") {
			n++
		}
	}
	return n
}

// clauseDelimiters end the clause a list stands in.
const clauseDelimiters = ",，;；。:：!！?？()（）“”\"「」《》【】 \n"

// sentenceLists cuts each clause of a sentence that holds 、 into its
// items. The last item ends where the next word after its name begins: at
// 等 (…医院等12家医院), or at the end of an organisation found in it.
func sentenceLists(st *sentenceText) [][]listItem {
	var lists [][]listItem
	text := st.Text
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], "、")
		if k < 0 {
			break
		}
		at := from + k
		start := strings.LastIndexAny(text[:at], clauseDelimiters) + 1
		if start > 0 {
			_, n := utf8.DecodeRuneInString(text[start-1:])
			start += n - 1 // past the whole delimiter
		}
		end := len(text)
		if e := strings.IndexAny(text[at:], clauseDelimiters); e >= 0 {
			end = at + e
		}
		if l := clauseList(st, start, end); len(l) >= 3 {
			lists = append(lists, l)
		}
		from = end
	}
	return lists
}

// listSeparatorRunes are the first characters of 、 and the conjunctions.
const listSeparatorRunes = "、以和及与暨"

// clauseList returns the items of the clause text[from:to] (offsets in the
// sentence), or nil if it holds no 、. Items are cut at 、 and at the
// conjunctions gse reads as words (A与B、C和D); the first item holds the
// words before the list as well.
func clauseList(st *sentenceText, from, to int) []listItem {
	clause := st.Text[from:to]
	if !strings.Contains(clause, "、") {
		return nil
	}
	var items []listItem
	start := st.Start + from
	for i := 0; i < len(clause); {
		k := strings.IndexAny(clause[i:], listSeparatorRunes)
		if k < 0 {
			break
		}
		i += k
		off := st.Start + from + i
		sep := ""
		if strings.HasPrefix(clause[i:], "、") {
			sep = "、"
		} else if t, ok := st.tokenAt(off); ok && slices.Contains(listConjunctions, t.Text) {
			sep = t.Text
		}
		if sep == "" {
			_, n := utf8.DecodeRuneInString(clause[i:])
			i += n
			continue
		}
		items = append(items, listItem{start, off})
		start = off + len(sep)
		i += len(sep)
	}
	tail := listItem{start, st.Start + to}
	if end := lastItemEnd(st, tail); end > tail.start {
		items = append(items, listItem{tail.start, end})
	}
	return items
}

// lastItemEnd returns where the last item of a list ends: before 等, or
// else at the end of the first organisation suffix in it; it.start if no
// name ends there.
func lastItemEnd(st *sentenceText, it listItem) int {
	text := st.at(it.start, it.end)
	if k := strings.Index(text, "等"); k > 0 {
		return it.start + k
	}
	n := 0
	for i, r := range text {
		// A name is no longer than twenty-odd characters.
		if n++; n > 24 {
			break
		}
		if !suffixEnds.has(r) {
			continue
		}
		end := i + utf8.RuneLen(r)
		if orgSuffixOf(text[:end], text[end:]) != nil {
			return it.start + end
		}
	}
	return it.start
}

// listType returns the type that at least two items of the list are
// organisations of, each found alone as the whole item (or ending the
// first).
func listType(list []listItem, orgs []*orgMention) (EntityType, bool) {
	count := make(map[EntityType]int)
	for i, it := range list {
		o := exactOrg(orgs, it)
		// The first item holds the words before the list (由于广华医院).
		if i == 0 {
			o = orgEndingIn(orgs, it)
		}
		if o != nil && !o.ref && o.typ != Department {
			count[o.typ]++
		}
	}
	for _, t := range []EntityType{Hospital, Institution} {
		if count[t] >= 2 {
			return t, true
		}
	}
	return "", false
}

// exactOrg returns the organisation that is exactly the item, or nil.
func exactOrg(orgs []*orgMention, it listItem) *orgMention {
	for _, o := range orgs {
		if o.start == it.start && o.end == it.end {
			return o
		}
	}
	return nil
}

// orgEndingIn returns the organisation that ends the item, or nil.
func orgEndingIn(orgs []*orgMention, it listItem) *orgMention {
	for _, o := range orgs {
		if o.start >= it.start && o.end == it.end {
			return o
		}
	}
	return nil
}

// isListedName reports whether a list item is an organisation's name of
// type typ: Chinese characters only, a suffix of that type after words
// that say which one it is (not 各级医院, 3家医院).
func isListedName(st *sentenceText, it listItem, name string, typ EntityType) bool {
	n := utf8.RuneCountInString(name)
	if n < 3 || n > 20 {
		return false
	}
	for _, r := range name {
		if !isNameRune(r) {
			return false
		}
	}
	suf := orgSuffixOf(name, st.at(it.end, st.End))
	if suf == nil || suf.typ != typ || suf.text == name {
		return false
	}
	rest := stripGeneric(strings.TrimSuffix(name, suf.text))
	if rest == "" || countsUnits(rest) {
		return false
	}
	// 三所院校与天津医院: function words and counts belong to a sentence,
	// not to a name.
	for i := st.firstTokenFrom(it.start); i < len(st.toks) && st.toks[i].Start < it.end; i++ {
		t := st.toks[i]
		if t.POS == "p" || t.POS == "c" || t.POS == "r" || strings.HasPrefix(t.POS, "u") || (t.POS == "m" && countsUnits(t.Text)) {
			return false
		}
	}
	// A designation (区域医疗中心) is no name in a list either.
	return !isLevelDesignation(name) && !strings.Contains(name, "区域")
}

// A list of places may share the kind of body named after its last one
// (阜新市、朝阳市和锡林郭勒盟卫生健康委, 临夏县、康乐县人民医院): each place
// names a body of that kind (GUIDE.md: names split across a list).

// sharedKinds adds the bodies of the places listed before an organisation
// named by a place and a kind; the mention spans the place, its name is the
// place and the kind.
func sharedKinds(st *sentenceText, orgs []*orgMention) []*orgMention {
	if !st.mayContain("、") {
		return orgs
	}
	var more []*orgMention
	for _, o := range orgs {
		if o.ref || o.typ == Department {
			continue
		}
		place := placeAt(o.name)
		kind := o.name[len(place):]
		if !endsWithLevel(place) || kind == "" || !isKindOnly(kind) {
			continue
		}
		// Back over the list: 、, 和 or 及 and a place, again and again.
		end := o.start
		for {
			sep := hasAnySuffix(st.at(st.Start, end), []string{"、", "和", "及"})
			if sep == "" {
				break
			}
			itemEnd := end - len(sep)
			start := itemEnd
			for start > st.Start {
				_, n := utf8.DecodeLastRuneInString(st.at(st.Start, start))
				if p := st.at(start-n, itemEnd); placeAt(p) == p && endsWithLevel(p) {
					start -= n
					break
				}
				start -= n
				if itemEnd-start > 3*12 {
					start = itemEnd
					break
				}
			}
			item := st.at(start, itemEnd)
			if item == "" || placeAt(item) != item || !endsWithLevel(item) {
				break
			}
			more = append(more, &orgMention{start: start, end: itemEnd, name: item + kind, typ: o.typ, suffix: o.suffix})
			end = start
		}
	}
	if len(more) == 0 {
		return orgs
	}
	orgs = append(orgs, more...)
	slices.SortStableFunc(orgs, func(a, b *orgMention) int { return cmp.Compare(a.start, b.start) })
	return orgs
}

// endsWithLevel reports whether a place is written with its level
// (朝阳市, 锡林郭勒盟, 临夏县), not by a short form that might start a word.
func endsWithLevel(place string) bool {
	return hasAnySuffix(place, []string{"省", "市", "县", "区", "州", "盟", "旗"}) != ""
}

// isKindOnly reports whether what follows a place in a name is a kind of
// body and nothing more (人民医院, 卫生健康委), so that other places can take
// it.
func isKindOnly(kind string) bool {
	suf := orgSuffixOf(kind, "")
	return suf != nil && stripGeneric(strings.TrimSuffix(kind, suf.text)) == ""
}
