// Package queries is the library of named Gizmo queries researchers run
// against a hospkg store: one .js file per query, embedded, each opening with
// a header comment that says what it answers and which parameters it takes.
// Parameters reach the script as JSON in a `var params = {...}` prelude, never
// spliced into its text; organisation and person names are resolved to their
// entity nodes in Go first, through canonical names and aliases, in either
// script.
package queries

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed *.js
var scripts embed.FS

// ParamKind says how a parameter value is turned into a script value.
type ParamKind string

const (
	// EntityParam is a name or alias; the script gets the list of matching
	// entity nodes, as IRIs for g.V.apply(g, params.x).
	EntityParam ParamKind = "entity"
	// StringParam is a plain string, simplified to the script the graph uses.
	StringParam ParamKind = "string"
	// IntParam is a whole number.
	IntParam ParamKind = "int"
	// DateParam is a date, 2023, 2023-06 or 2023-06-02, and may be left
	// out: the Go side of a @dated query reads it (at=…).
	DateParam ParamKind = "date"
)

// Param is one parameter of a named query.
type Param struct {
	Name    string
	Kind    ParamKind
	Default string // empty: the parameter is required
	Usage   string
}

// Fact says which fact quad a result row stands for, so that its evidence
// sentence can be found: the quad Subject Predicate Object, where Subject and
// Object are tags of the row.
type Fact struct {
	Subject string
	// Predicate is an IRI in the short form, like <hk:supports>, or the
	// tag of a row value that holds it.
	Predicate string
	Object    string
}

// Query is one named query.
type Query struct {
	Name    string
	Summary string   // the first header line, without the name
	About   string   // the rest of the header prose
	Params  []Param  // in header order
	Columns []string // the tags shown, in order; other tags stay hidden
	Fact    *Fact    // nil: rows are no facts and have no evidence
	// Ordered means the script emits its rows in their meaningful order
	// (a ranking); others are sorted by their columns.
	Ordered bool
	// Rankings means the script reads the rankings the store keeps, and
	// counts every organisation itself when they are marked stale
	// (graph.RankingsStale).
	Rankings bool
	// Dated means the rows' facts have dates: the columns "date" (when the
	// fact held, as its documents say) and "status" (current or former)
	// are filled in Go, and a date parameter "at" keeps, per subject of the
	// fact, the rows stated closest before that date.
	Dated bool
	// AlwaysEvidence means every row comes with its document and sentence,
	// as --evidence gives them.
	AlwaysEvidence bool
	Text           string // the script as written, header included
}

// All returns every named query, sorted by name.
func All() ([]*Query, error) {
	files, err := scripts.ReadDir(".")
	if err != nil {
		return nil, fmt.Errorf("named queries: %w", err)
	}
	var out []*Query
	for _, f := range files {
		b, err := scripts.ReadFile(f.Name())
		if err != nil {
			return nil, fmt.Errorf("named queries: %w", err)
		}
		q, err := Parse(strings.TrimSuffix(f.Name(), path.Ext(f.Name())), string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// ErrUnknownQuery is wrapped by ByName when no query has the name.
var ErrUnknownQuery = fmt.Errorf("no such named query")

// ByName returns the named query.
func ByName(name string) (*Query, error) {
	all, err := All()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, q := range all {
		if q.Name == name {
			return q, nil
		}
		names = append(names, q.Name)
	}
	return nil, fmt.Errorf("%w: %q (known: %s)", ErrUnknownQuery, name, strings.Join(names, ", "))
}

// Parse reads a query's header: the leading // comment lines.
//
//	// NAME: what it answers, on one line.
//	// More prose, any number of lines.
//	// @param NAME KIND[=DEFAULT] usage
//	// @columns TAG...
//	// @fact SUBJECT_TAG <PREDICATE> OBJECT_TAG
//	// @ordered
//	// @rankings
func Parse(name, script string) (*Query, error) {
	q := &Query{Name: name, Text: script}
	var about []string
	for i, line := range strings.Split(script, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "//") {
			break
		}
		text := strings.TrimSpace(strings.TrimPrefix(line, "//"))
		if i == 0 {
			summary, ok := strings.CutPrefix(text, name+":")
			if !ok {
				return nil, fmt.Errorf("query %s: the header must start with %q", name, "// "+name+": ")
			}
			q.Summary = strings.TrimSpace(summary)
			continue
		}
		if !strings.HasPrefix(text, "@") {
			if text != "" || len(about) > 0 {
				about = append(about, text)
			}
			continue
		}
		if err := q.parseDirective(text); err != nil {
			return nil, fmt.Errorf("query %s: %w", name, err)
		}
	}
	q.About = strings.TrimSpace(strings.Join(about, "\n"))
	if q.Summary == "" {
		return nil, fmt.Errorf("query %s: no header comment", name)
	}
	if len(q.Columns) == 0 {
		return nil, fmt.Errorf("query %s: no @columns", name)
	}
	return q, nil
}

func (q *Query) parseDirective(text string) error {
	fields := strings.Fields(text)
	switch fields[0] {
	case "@param":
		if len(fields) < 3 {
			return fmt.Errorf("@param needs a name and a kind: %q", text)
		}
		kind, def, _ := strings.Cut(fields[2], "=")
		p := Param{Name: fields[1], Kind: ParamKind(kind), Default: def, Usage: strings.Join(fields[3:], " ")}
		switch p.Kind {
		case EntityParam, StringParam, DateParam:
		case IntParam:
			if _, err := strconv.Atoi(def); def != "" && err != nil {
				return fmt.Errorf("@param %s: default %q is no number", p.Name, def)
			}
		default:
			return fmt.Errorf("@param %s: unknown kind %q", p.Name, kind)
		}
		q.Params = append(q.Params, p)
	case "@columns":
		q.Columns = fields[1:]
	case "@fact":
		if len(fields) != 4 {
			return fmt.Errorf("@fact needs a subject tag, a predicate and an object tag: %q", text)
		}
		q.Fact = &Fact{Subject: fields[1], Predicate: fields[2], Object: fields[3]}
	case "@ordered":
		q.Ordered = true
	case "@rankings":
		q.Rankings = true
	case "@dated":
		q.Dated = true
	case "@evidence":
		q.AlwaysEvidence = true
	default:
		return fmt.Errorf("unknown header directive %q", fields[0])
	}
	return nil
}

// Param returns the named parameter.
func (q *Query) Param(name string) (Param, bool) {
	for _, p := range q.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}
