package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Gold is a gold file: what a careful reader puts into the graph, per
// document file name (see ../shared/eval/GUIDE.md).
type Gold map[string]GoldDocument

// GoldDocument is the gold annotation of one document.
type GoldDocument struct {
	Entities  []GoldEntity   `json:"entities"`
	Relations []GoldRelation `json:"relations"`
	Positions []GoldPosition `json:"positions"`
}

// GoldEntity is an entity with the fullest name the document gives.
type GoldEntity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
	Parent  string   `json:"parent,omitempty"`
}

// GoldRelation refers to its ends by their entity names.
type GoldRelation struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Evidence  string `json:"evidence,omitempty"`
}

// GoldPosition is one (person, title, organisation) the text states.
type GoldPosition struct {
	Person string `json:"person"`
	Title  string `json:"title"`
	Org    string `json:"org"`
}

// ReadGoldFile reads and checks a gold file.
func ReadGoldFile(path string) (Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	defer f.Close() // read only: closing cannot lose data
	gold, err := ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return gold, nil
}

// ReadGold reads a gold file and checks that every entity, relation and
// position has the fields score.py looks up without a default (it would stop
// with a KeyError where ReadGold returns an error).
func ReadGold(r io.Reader) (Gold, error) {
	var gold Gold
	if err := json.NewDecoder(r).Decode(&gold); err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	for doc, g := range gold {
		if err := g.check(); err != nil {
			return nil, fmt.Errorf("read gold: %s: %w", doc, err)
		}
	}
	return gold, nil
}

func (g GoldDocument) check() error {
	var errs []error
	for i, e := range g.Entities {
		if e.Name == "" || e.Type == "" {
			errs = append(errs, fmt.Errorf("entity %d lacks a name or type", i+1))
		}
	}
	for i, r := range g.Relations {
		if r.Subject == "" || r.Predicate == "" || r.Object == "" {
			errs = append(errs, fmt.Errorf("relation %d lacks a subject, predicate or object", i+1))
		}
	}
	for i, p := range g.Positions {
		if p.Person == "" || p.Title == "" || p.Org == "" {
			errs = append(errs, fmt.Errorf("position %d lacks a person, title or org", i+1))
		}
	}
	return errors.Join(errs...)
}

// Kinds of JSONL lines the scorer reads; lines of other kinds are ignored.
const (
	KindEntity   = "entity"
	KindRelation = "relation"
	KindPosition = "position"
)

// Line is one line of the JSONL export with the fields the scorer reads (see
// DESIGN.md). A field the line lacks reads as "".
type Line struct {
	Kind string `json:"kind"`
	// entity
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases"`
	Docs    []string `json:"docs"`
	// relation
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	// position
	Person string `json:"person"`
	Title  string `json:"title"`
	Org    string `json:"org"`
	// relation and position
	Doc string `json:"doc"`
}

// ReadLines reads JSONL export lines of the three scored kinds, skipping
// blank lines and lines of other kinds.
func ReadLines(r io.Reader) ([]Line, error) {
	var lines []Line
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		text, readErr := br.ReadString('\n')
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			return nil, fmt.Errorf("read jsonl: line %d: %w", n, readErr)
		}
		if text = strings.TrimSpace(text); text != "" {
			line, scored, err := parseLine(text)
			if err != nil {
				return nil, fmt.Errorf("read jsonl: line %d: %w", n, err)
			}
			if scored {
				lines = append(lines, line)
			}
		}
		if readErr != nil {
			return lines, nil
		}
	}
}

// parseLine decodes one line; scored is false for a kind the scorer ignores,
// whose other fields may then hold anything.
func parseLine(text string) (line Line, scored bool, err error) {
	var head struct {
		Kind json.RawMessage `json:"kind"`
	}
	if err := json.Unmarshal([]byte(text), &head); err != nil {
		return Line{}, false, fmt.Errorf("not a JSON object: %w", err)
	}
	var kind string
	if json.Unmarshal(head.Kind, &kind) != nil { // a missing or non-string kind is no kind scored
		return Line{}, false, nil
	}
	switch kind {
	case KindEntity, KindRelation, KindPosition:
	default:
		return Line{}, false, nil
	}
	if err := json.Unmarshal([]byte(text), &line); err != nil {
		return Line{}, false, fmt.Errorf("%s line: %w", kind, err)
	}
	return line, true, nil
}
