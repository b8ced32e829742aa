package intake

// Document is one input file after intake: decoded to UTF-8 and normalised.
type Document struct {
	// Name is the base name of the input file; it identifies the document.
	Name string
	// Title is the page title of an HTML document, else the first line.
	Title string
	// Published is the publication time an HTML page's <meta> tags give,
	// as written ("2023-06-02T10:21:00+08:00"); "" for text and for pages
	// without one. The date rules (nlp/dating) read it first.
	Published string
	// Original is the decoded text as it arrived (artifacts and all); evidence
	// sentences are quoted from it.
	Original string
	// Text is the normalised text the recognisers read: simplified
	// characters, no pinyin annotations, no zero-width or full-width ASCII.
	Text string
	// origin maps every byte offset of Text (and len(Text)) to a byte offset
	// of Original; nil means Text == Original.
	origin []int
}

// OriginalOffset maps a byte offset of d.Text to the matching byte offset of
// d.Original.
func (d *Document) OriginalOffset(off int) int {
	if d.origin == nil {
		return off
	}
	if off < 0 {
		return 0
	}
	if off >= len(d.origin) {
		return len(d.Original)
	}
	return d.origin[off]
}

// OriginalSpan returns the text of Original behind the span [start, end) of
// Text.
func (d *Document) OriginalSpan(start, end int) string {
	s, e := d.OriginalOffset(start), d.OriginalOffset(end)
	if s > e || e > len(d.Original) {
		return ""
	}
	return d.Original[s:e]
}

// OriginalSurface is the text of Original behind [start, end) of Text
// without the pinyin annotations scrapers add (醫(yī)院 → 醫院): a name as the
// original writes it, traditional characters kept.
func (d *Document) OriginalSurface(start, end int) string {
	s := d.OriginalSpan(start, end)
	// Scrapers' pinyin is gone from a text that normalising left as it was.
	if d.origin != nil {
		s = stripPinyin(s)
	}
	return s
}

// IsSpace reports whether r is white space in Chinese news text: ASCII
// blanks, the ideographic space, the no-break space and a stray BOM.
func IsSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\ufeff':
		return true
	}
	return false
}
