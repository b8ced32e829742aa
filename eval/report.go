package eval

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteText writes the table score.py prints: the number of documents, then
// one line per kind and key.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "documents scored: %d\n", r.Documents)
	for _, kind := range Kinds {
		for _, k := range r.Keys(kind) {
			row := r.Rows[kind][k]
			fmt.Fprintf(&b, "%-9s %-16s P=%.3f R=%.3f F1=%.3f  (tp %d, fp %d, fn %d)\n",
				kind, k, row.P, row.R, row.F1, row.TP, row.FP, row.FN)
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// WriteMisses writes the misses as score.py --misses does: document, what,
// fact, separated by tabs.
func (r Report) WriteMisses(w io.Writer) error {
	var b strings.Builder
	for _, m := range r.Misses {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", m.Doc, m.What, m.Fact)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write misses: %w", err)
	}
	return nil
}

// WriteJSON writes the rows byte for byte as score.py --json does (Python's
// json.dumps with ensure_ascii=False), so either output can stand in for the
// other.
func (r Report) WriteJSON(w io.Writer) error {
	var b strings.Builder
	b.WriteByte('{')
	for i, kind := range Kinds {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pythonString(kind) + ": {")
		for j, k := range r.Keys(kind) {
			if j > 0 {
				b.WriteString(", ")
			}
			row := r.Rows[kind][k]
			fmt.Fprintf(&b, `%s: {"tp": %d, "fp": %d, "fn": %d, "p": %s, "r": %s, "f1": %s}`,
				pythonString(k), row.TP, row.FP, row.FN, pythonFloat(row.P), pythonFloat(row.R), pythonFloat(row.F1))
		}
		b.WriteByte('}')
	}
	b.WriteString("}\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// pythonString quotes s as json.dumps does with ensure_ascii=False.
func pythonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// pythonFloat writes x as Python's repr does for the rounded figures of a
// report (between 0 and 1, at most three decimals): 1.0, 0.5, 0.931.
func pythonFloat(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
