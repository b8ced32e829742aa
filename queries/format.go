package queries

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/width"
)

// Formats a Table can be written in.
var Formats = []string{"table", "json", "csv"}

// Write writes t in the named format: "table" (aligned columns for a
// terminal), "json" (an array of objects, keys in column order) or "csv".
func (t *Table) Write(w io.Writer, format string) error {
	switch format {
	case "table":
		return t.writeAligned(w)
	case "json":
		return t.writeJSON(w)
	case "csv":
		return t.writeCSV(w)
	}
	return fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Formats, ", "))
}

func (t *Table) writeAligned(w io.Writer) error {
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = cellWidth(c)
	}
	for _, r := range t.Rows {
		for i, cell := range r {
			widths[i] = max(widths[i], cellWidth(cell))
		}
	}
	var b bytes.Buffer
	line := func(cells []string) {
		for i, cell := range cells {
			b.WriteString(cell)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cellWidth(cell)+2))
			}
		}
		b.WriteByte('\n')
	}
	line(t.Columns)
	rule := make([]string, len(t.Columns))
	for i := range rule {
		rule[i] = strings.Repeat("-", widths[i])
	}
	line(rule)
	for _, r := range t.Rows {
		line(r)
	}
	fmt.Fprintf(&b, "(%d rows)\n", len(t.Rows))
	_, err := w.Write(b.Bytes())
	return err
}

// cellWidth is how many terminal columns s takes: Chinese characters take two.
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func (t *Table) writeJSON(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString("[")
	for n, r := range t.Rows {
		if n > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n{")
		for i, cell := range r {
			if i > 0 {
				b.WriteString(",")
			}
			if err := writeJSONString(&b, t.Columns[i]); err != nil {
				return err
			}
			b.WriteString(":")
			if err := writeJSONString(&b, cell); err != nil {
				return err
			}
		}
		b.WriteString("}")
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

func writeJSONString(b *bytes.Buffer, s string) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // the newline Encode adds
	return nil
}

func (t *Table) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	return cw.Error()
}
