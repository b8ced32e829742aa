package corpus

import (
	"slices"
	"sort"
	"strings"

	"hospkg/nlp"
)

// maxChain bounds how many short forms one name is followed through
// (北医 → 北大医院 → 北京大学第一医院).
const maxChain = 8

// Resolution is what resolving one document did.
type Resolution struct {
	// Renamed maps each organisation ID the document had to the node it
	// now names.
	Renamed map[string]string
	// Mentions counts the mentions of the renamed organisations: merged
	// with another document's node.
	Mentions int
	// Ambiguous lists the short names ("Type/short") the document uses
	// alone that stand for several organisations, none of which it names:
	// kept apart.
	Ambiguous []string
}

// Resolve renames the organisations of x that the index resolves (see
// Target), with every reference to them, and returns what it did.
func Resolve(x *nlp.Extraction, ix *Index) Resolution {
	res := Resolution{Renamed: make(map[string]string)}
	named := make(map[string]bool, len(x.Entities))
	for _, e := range x.Entities {
		named[e.ID] = true
	}
	for _, e := range x.Entities {
		if !nlp.IsResolvable(e) {
			continue
		}
		to, ambiguous := Target(ix, e.ID, named)
		if ambiguous {
			res.Ambiguous = append(res.Ambiguous, e.ID)
		}
		if to != "" {
			res.Renamed[e.ID] = to
		}
	}
	if len(res.Renamed) == 0 {
		return res
	}
	for _, m := range x.Mentions {
		if _, ok := res.Renamed[m.Entity]; ok {
			res.Mentions++
		}
	}
	Rename(x, res.Renamed)
	return res
}

// Target returns the organisation the node id resolves to in a document
// naming the nodes in named, following short forms: a short form defined
// for one organisation resolves to it; one defined for several, to the one
// the document names, when it names exactly one, else it stays (and
// ambiguous is true). "" when id stays itself.
func Target(ix *Index, id string, named map[string]bool) (to string, ambiguous bool) {
	seen := map[string]bool{id: true}
	at := id
	for range maxChain {
		typ, name := nameOfID(at)
		var cands []string
		for _, c := range ix.Targets(typ, name) {
			if !seen[c] {
				cands = append(cands, c)
			}
		}
		if len(cands) > 1 {
			var inDoc []string
			for _, c := range cands {
				if named[c] {
					inDoc = append(inDoc, c)
				}
			}
			if len(inDoc) != 1 {
				return result(at, id), at == id
			}
			cands = inDoc
		}
		if len(cands) == 0 {
			break
		}
		at = cands[0]
		seen[at] = true
	}
	return result(at, id), false
}

func result(at, id string) string {
	if at == id {
		return ""
	}
	return at
}

// Rename gives the entities of x whose IDs are keys of to the IDs they map
// to, organisation IDs all (nlp.EntityID of a type and a name): their names
// become the targets' names, the old names aliases and Resolved. Every ID
// qualified by a renamed one (the officials and departments of the
// organisation) is renamed with it, and every reference (mentions,
// relations, positions, parents) follows. Entities that become one are
// merged: aliases and marks joined, the higher confidence kept.
func Rename(x *nlp.Extraction, to map[string]string) {
	if len(to) == 0 {
		return
	}
	olds := make([]string, 0, len(to))
	for old := range to {
		olds = append(olds, old)
	}
	sort.Strings(olds)
	id := func(s string) string { return renameID(s, olds, to) }

	var entities []nlp.Entity
	at := make(map[string]int)
	for _, e := range x.Entities {
		if target, ok := to[e.ID]; ok {
			_, name := nameOfID(target)
			old := e.Name
			e.ID, e.Name = target, name
			e.Aliases = addAll(without(e.Aliases, name), old)
			e.Resolved = addAll(e.Resolved, old)
			e.ShortForms = without(e.ShortForms, name)
		} else {
			e.ID = id(e.ID)
		}
		e.Parent = id(e.Parent)
		k, seen := at[e.ID]
		if !seen {
			at[e.ID] = len(entities)
			entities = append(entities, e)
			continue
		}
		have := &entities[k]
		have.Aliases = addAll(have.Aliases, append([]string{e.Name}, e.Aliases...)...)
		have.Aliases = without(have.Aliases, have.Name)
		have.ShortForms = addAll(have.ShortForms, e.ShortForms...)
		have.Resolved = addAll(have.Resolved, e.Resolved...)
		if have.Parent == "" {
			have.Parent = e.Parent
		}
		have.Confidence = max(have.Confidence, e.Confidence)
	}
	// New slices throughout: x may share its arrays with another copy.
	x.Entities = entities
	mentions := make([]nlp.Mention, len(x.Mentions))
	for i, m := range x.Mentions {
		m.Entity = id(m.Entity)
		mentions[i] = m
	}
	x.Mentions = mentions
	relations := make([]nlp.Relation, 0, len(x.Relations))
	for _, r := range x.Relations {
		r.Subject, r.Object = id(r.Subject), id(r.Object)
		if r.Subject != r.Object { // two names the document kept apart, now one
			relations = append(relations, r)
		}
	}
	x.Relations = relations
	positions := make([]nlp.Position, len(x.Positions))
	for i, p := range x.Positions {
		p.Person, p.Org = id(p.Person), id(p.Org)
		positions[i] = p
	}
	x.Positions = positions
}

// renameID renames s if it is one of olds, or if it is qualified by one:
// Official/Hospital/北大医院/王俊 with Hospital/北大医院.
func renameID(s string, olds []string, to map[string]string) string {
	if t, ok := to[s]; ok {
		return t
	}
	for _, old := range olds {
		for from := 0; ; {
			k := strings.Index(s[from:], old)
			if k < 0 {
				break
			}
			at := from + k
			end := at + len(old)
			// A whole qualifier: after a type's "/" and before the name's.
			if at > 0 && s[at-1] == '/' && end < len(s) && s[end] == '/' {
				s = s[:at] + to[old] + s[end:]
				from = at + len(to[old])
				continue
			}
			from = at + 1
		}
	}
	return s
}

// addAll adds each of add to list unless it is there or empty.
func addAll(list []string, add ...string) []string {
	for _, a := range add {
		if a != "" && !slices.Contains(list, a) {
			list = append(list, a)
		}
	}
	return list
}

// without returns list without s.
func without(list []string, s string) []string {
	out := list[:0:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}
