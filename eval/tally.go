package eval

import "strconv"

// tally counts true positives, false positives and false negatives per key.
type tally struct {
	tp, fp, fn map[string]int
	keys       map[string]bool
}

func newTally() *tally {
	return &tally{tp: map[string]int{}, fp: map[string]int{}, fn: map[string]int{}, keys: map[string]bool{}}
}

func (t *tally) add(key string, tp, fp, fn int) {
	t.keys[key] = true
	t.tp[key] += tp
	t.fp[key] += fp
	t.fn[key] += fn
}

// count adds the outcome of a match by key, as score.py does: each gold item
// not missed is a true positive, each missed one a false negative, each
// prediction left over a false positive.
func countMatch[G, P any](t *tally, gold, missed []G, extra []P, goldKey func(G) string, predKey func(P) string) {
	for _, g := range gold {
		t.add(goldKey(g), 1, 0, 0)
	}
	for _, g := range missed {
		t.add(goldKey(g), -1, 0, 1)
	}
	for _, p := range extra {
		t.add(predKey(p), 0, 1, 0)
	}
}

func (t *tally) row(key string) Row {
	return newRow(t.tp[key], t.fp[key], t.fn[key])
}

// total is the micro-average over all keys.
func (t *tally) total() Row {
	var tp, fp, fn int
	for k := range t.keys {
		tp, fp, fn = tp+t.tp[k], fp+t.fp[k], fn+t.fn[k]
	}
	return newRow(tp, fp, fn)
}

// newRow computes precision, recall and F1 in score.py's order of
// operations, so that the rounded figures agree to the last digit.
func newRow(tp, fp, fn int) Row {
	var p, r, f float64
	if tp+fp != 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn != 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	return Row{TP: tp, FP: fp, FN: fn, P: round3(p), R: round3(r), F1: round3(f)}
}

// round3 rounds like Python's round(x, 3): to the nearest of the decimals,
// ties to even, from the exact binary value.
func round3(x float64) float64 {
	rounded, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	if err != nil { // FormatFloat wrote a number
		return x
	}
	return rounded
}
