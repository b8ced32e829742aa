package nlp

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Errors that tell a caller why a file was skipped.
var (
	// ErrEmpty means the file holds no text.
	ErrEmpty = errors.New("empty document")
	// ErrNotText means the file is binary or in an encoding hospkg cannot read.
	ErrNotText = errors.New("not a text document")
)

// ReadDocument decodes the bytes of one input file and normalises its text.
// name is the file's base name.
func ReadDocument(name string, raw []byte) (Document, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return Document{}, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if bytes.IndexByte(raw, 0) >= 0 || !utf8.Valid(raw) {
		return Document{}, fmt.Errorf("%s: %w", name, ErrNotText)
	}
	text := strings.TrimPrefix(string(raw), "\ufeff")
	title, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return Document{Name: name, Title: strings.TrimSpace(title), Original: text, Text: text}, nil
}
