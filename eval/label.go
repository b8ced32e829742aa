package eval

// Label tells, for each predicted line of one document, whether the scorer
// pairs it with a gold fact of that document: the labels a learned decider
// trains on. Lines are matched as Score matches them (entities strictly by
// type and a shared form, relations and positions through the predicted
// aliases); a relation or position line repeating an earlier line's fact
// gets that line's label, as Score counts the fact once.
func Label(gold GoldDocument, pred []Line) []bool {
	labels := make([]bool, len(pred))
	p := indexPrediction(pred)
	s := docScorer{gold: gold, gforms: goldForms(gold), pforms: p.forms}
	var entities, relations, positions []int
	for i, l := range pred {
		switch l.Kind {
		case KindEntity:
			entities = append(entities, i)
		case KindRelation:
			relations = append(relations, i)
		case KindPosition:
			positions = append(positions, i)
		}
	}
	used := matchIndices(gold.Entities, pred, entities, s.sameEntity)
	for _, i := range used {
		labels[i] = true
	}

	relationKey := func(l Line) string { return Normalize(l.Subject) + "\x00" + l.Predicate + "\x00" + Normalize(l.Object) }
	first := firstOfKey(pred, relations, relationKey)
	used = matchIndices(gold.Relations, pred, uniqueIndices(relations, first), s.sameRelation)
	spread(labels, used, relations, first)

	positionKey := func(l Line) string {
		return Normalize(l.Person) + "\x00" + Normalize(l.Title) + "\x00" + Normalize(l.Org)
	}
	first = firstOfKey(pred, positions, positionKey)
	used = matchIndices(gold.Positions, pred, uniqueIndices(positions, first), s.samePosition)
	spread(labels, used, positions, first)
	return labels
}

// matchIndices is matchGreedy over the lines at the given indices; it
// returns the indices of the lines paired with a gold item.
func matchIndices[G any](gold []G, pred []Line, indices []int, same func(G, Line) bool) []int {
	used := make([]bool, len(indices))
	for _, g := range gold {
		for k, i := range indices {
			if !used[k] && same(g, pred[i]) {
				used[k] = true
				break
			}
		}
	}
	var out []int
	for k, i := range indices {
		if used[k] {
			out = append(out, i)
		}
	}
	return out
}

// firstOfKey maps each index to the index of the first line with its key.
func firstOfKey(pred []Line, indices []int, key func(Line) string) map[int]int {
	firstByKey := make(map[string]int, len(indices))
	first := make(map[int]int, len(indices))
	for _, i := range indices {
		k := key(pred[i])
		if f, ok := firstByKey[k]; ok {
			first[i] = f
			continue
		}
		firstByKey[k] = i
		first[i] = i
	}
	return first
}

// uniqueIndices keeps the indices that are the first of their key.
func uniqueIndices(indices []int, first map[int]int) []int {
	var out []int
	for _, i := range indices {
		if first[i] == i {
			out = append(out, i)
		}
	}
	return out
}

// spread labels every line as its key's first line is labelled.
func spread(labels []bool, used, indices []int, first map[int]int) {
	for _, i := range used {
		labels[i] = true
	}
	for _, i := range indices {
		labels[i] = labels[first[i]]
	}
}
