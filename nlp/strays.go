package nlp

import "unicode/utf8"

// A name that is another organisation's full name with words before it
// (使北医三院延庆医院, 据兰州晚报, 进一步提高某某医院) is a boundary error of
// recognition: the words before are a verb, preposition or adverb of the
// sentence, not part of any name. Recognition tries not to make such names;
// this is the safety net of resolution, which folds them into the
// organisation they end with, so that no query ever lists them.

// strayLeadPOS are the parts of speech of words that never begin an
// organisation's name: verbs, prepositions, adverbs and conjunctions.
var strayLeadPOS = map[string]bool{"v": true, "vd": true, "p": true, "d": true, "ad": true, "c": true}

// foldStrayLeads cuts the stray lead off every name that is one plus
// another organisation's full name (of four characters or more, named in the
// document): the mentions of the name start after the lead, and every name
// that resolved to it resolves to that organisation.
func (r *resolution) foldStrayLeads(all []docOrg, facts []sentenceFacts) {
	full := make(map[string]bool)
	for _, o := range all {
		if !o.ref && o.typ != Department && utf8.RuneCountInString(o.name) >= 4 {
			full[r.canonical[o.name]] = true
		}
	}
	rests := make(map[string]string) // name with a stray lead → the name it ends with
	for _, o := range all {
		if o.ref || o.typ == Department || r.canonical[o.name] == "" || rests[o.name] != "" {
			continue
		}
		st := facts[o.sent].st
		for i := st.firstTokenFrom(o.start); i < len(st.toks) && st.toks[i].Start < o.end; i++ {
			cut := st.toks[i].Start
			if cut == o.start || st.at(o.start, o.end) != o.name {
				continue
			}
			rest := st.at(cut, o.end)
			target := r.canonical[rest]
			if !full[rest] || target == "" || target == r.canonical[o.name] || !strayLead(st, o.start, cut) {
				continue
			}
			rests[o.name] = rest
			old := r.canonical[o.name]
			for name, c := range r.canonical {
				if c == old {
					r.canonical[name] = target
				}
			}
			break
		}
	}
	if len(rests) == 0 {
		return
	}
	for _, o := range all {
		if rest := rests[o.name]; rest != "" && o.end-o.start == len(o.name) {
			o.start += len(o.name) - len(rest)
			o.name = rest
		}
	}
}

// strayLead reports whether the text [start, end) of a sentence is whole
// tokens, each a verb, preposition, adverb or conjunction.
func strayLead(st *sentenceText, start, end int) bool {
	i := st.firstTokenFrom(start)
	if i >= len(st.toks) || st.toks[i].Start != start {
		return false
	}
	for ; i < len(st.toks) && st.toks[i].Start < end; i++ {
		if st.toks[i].End > end || !strayLeadPOS[st.toks[i].POS] {
			return false
		}
	}
	return true
}
