// Package intake turns the bytes of one input file into clean text: it
// guesses the encoding (UTF-8, UTF-16, GB18030/GBK, Big5), takes the article
// out of an HTML page, folds widths, drops zero-width characters and scraped
// pinyin, and writes traditional characters simplified. Its product is a
// Document whose offset map leads every byte of the clean Text back to the
// Original as it arrived, so that evidence is quoted as the source wrote it.
package intake

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// Errors that tell a caller why a file was skipped.
var (
	// ErrEmpty means the file holds no text.
	ErrEmpty = errors.New("empty document")
	// ErrNotText means the file is binary or in an encoding hospkg cannot read.
	ErrNotText = errors.New("not a text document")
)

// ReadDocument decodes the bytes of one input file and normalises its text,
// so that an article gives the same Text whatever shape it arrives in: UTF-8
// with or without BOM, UTF-16 with BOM, GB18030/GBK or Big5, plain text or an
// HTML page. name is the file's base name.
func ReadDocument(name string, raw []byte) (Document, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return Document{}, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	page := isHTML(name, raw)
	hint := ""
	if page {
		hint = declaredCharset(raw)
	}
	decoded, err := decodeText(raw, hint)
	if err != nil {
		return Document{}, fmt.Errorf("%s: %w", name, err)
	}
	doc := Document{Name: name, Original: decoded}
	// A UTF-16 page only shows it is HTML once decoded.
	if page || startsLikeHTML(decoded[:min(len(decoded), 256)]) {
		title, body, err := extractHTML(decoded)
		if err != nil {
			return Document{}, fmt.Errorf("%s: parse html: %w", name, err)
		}
		doc.Original = body
		doc.Published = publishedMeta(decoded)
		if doc.Title, _, err = normalize(strings.TrimSpace(title)); err != nil {
			return Document{}, fmt.Errorf("%s: %w", name, err)
		}
	}
	doc.Text, doc.origin, err = normalize(doc.Original)
	if err != nil {
		return Document{}, fmt.Errorf("%s: %w", name, err)
	}
	if strings.TrimFunc(doc.Text, IsSpace) == "" {
		return Document{}, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if doc.Text == doc.Original {
		doc.origin = nil // the identity map costs eight bytes a byte
	}
	doc.Title = strings.TrimFunc(doc.Title, IsSpace)
	if doc.Title == "" {
		doc.Title = firstLine(doc.Text)
	}
	return doc, nil
}

// firstLine returns the first line of text that is not blank, trimmed.
func firstLine(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		if line = strings.TrimFunc(line, IsSpace); line != "" {
			return line
		}
	}
	return ""
}
