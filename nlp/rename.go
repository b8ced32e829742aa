package nlp

import "strings"

// A hospital renamed or given a plaque (更名为, 改名为, 加挂, 挂牌) is one
// hospital under two names: the corpus convention (eval/corpus/README.md)
// keeps one entity, the new name with the old one as an alias.

// renameCues stand between the old name and the new one.
var renameCues = []string{"正式更名为", "更名为", "正式改名为", "改名为", "将挂牌", "正式挂牌为", "挂牌为", "挂牌", "加挂"}

// renamings returns the pairs (old, new) of hospital names that a sentence
// gives one hospital: A 更名为 B, A 将挂牌 B, A 加挂“B”牌子.
func renamings(facts []sentenceFacts) [][2]string {
	var out [][2]string
	for _, f := range facts {
		if !mayContainAny(f.st, []string{"更名", "改名", "挂牌", "加挂"}) {
			continue
		}
		for i, a := range f.orgs {
			if a.ref || a.typ != Hospital {
				continue
			}
			after := f.st.at(a.end, f.st.End)
			cue := hasAnyPrefix(after, renameCues)
			if cue == "" || strings.HasPrefix(after[len(cue):], "成立") {
				continue
			}
			at := a.end + len(cue)
			if q := hasAnyPrefix(f.st.at(at, f.st.End), []string{"“", "\"", "「"}); q != "" {
				at += len(q)
			}
			for _, b := range f.orgs[i+1:] {
				if b.start == at && !b.ref && b.typ == Hospital && b.name != a.name {
					out = append(out, [2]string{a.name, b.name})
				}
			}
		}
	}
	return out
}

// mergeRenamed makes the old name of each renamed hospital resolve to the
// new one, with every name that resolved to the old.
func (r *resolution) mergeRenamed(pairs [][2]string) {
	for _, p := range pairs {
		old, renamed := r.canonical[p[0]], r.canonical[p[1]]
		if old == "" || renamed == "" || old == renamed {
			continue
		}
		for name, c := range r.canonical {
			if c == old {
				r.canonical[name] = renamed
			}
		}
	}
}
