package queries

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"
	"hospkg/intake"
	"hospkg/internal/gizmo"
)

// Options bound and widen a run.
type Options struct {
	// Limit caps the rows the script may produce (0: no cap).
	Limit int
	// Evidence adds the doc and evidence columns: the file and the sentence
	// each row's fact was read from, one row per sentence.
	Evidence bool
	// MinConfidence drops the rows that show an entity, or stand for a
	// fact, less sure than this (see graph.FactConfidence); entities and
	// facts the store holds no confidence for are kept.
	MinConfidence float64
}

// Table is the answer of a query: names, not IRIs.
type Table struct {
	Columns []string
	Rows    [][]string
}

// ErrInterrupted is wrapped when a query runs past its context's deadline.
var ErrInterrupted = errors.New("query interrupted: it ran past its time limit")

// intParamMax bounds whole-number parameters; larger values only make a
// query run until its time limit.
const intParamMax = 10000

// Script returns the query's script behind a prelude that defines params
// from args: entity names resolved to their nodes, strings simplified, whole
// numbers checked. Values go in as JSON, so no argument can change the code.
func (q *Query) Script(ctx context.Context, qs graph.QuadStore, args map[string]string) (string, error) {
	params, err := q.paramValues(ctx, qs, args)
	if err != nil {
		return "", err
	}
	script, err := q.script(params)
	if err != nil {
		return "", fmt.Errorf("query %s: %w", q.Name, err)
	}
	return script, nil
}

// script is the query's script behind the prelude that defines params.
func (q *Query) script(params map[string]interface{}) (string, error) {
	js := make(map[string]interface{}, len(params))
	for name, v := range params {
		if nodes, ok := v.([]quad.IRI); ok {
			iris := make([]string, len(nodes))
			for i, n := range nodes {
				iris[i] = n.String()
			}
			v = iris
		}
		js[name] = v
	}
	prelude, err := json.Marshal(js)
	if err != nil {
		return "", fmt.Errorf("params: %w", err)
	}
	return "var params = " + string(prelude) + ";\n" + q.Text, nil
}

// paramValues checks args and returns the value of every parameter: the
// nodes ([]quad.IRI) of an entity, an int, or a simplified string.
func (q *Query) paramValues(ctx context.Context, qs graph.QuadStore, args map[string]string) (map[string]interface{}, error) {
	params := make(map[string]interface{}, len(q.Params))
	for name := range args {
		if _, ok := q.Param(name); !ok {
			return nil, fmt.Errorf("query %s: unknown parameter %q (it takes %s)", q.Name, name, q.paramList())
		}
	}
	for _, p := range q.Params {
		raw, ok := args[p.Name]
		if !ok {
			if p.Kind == DateParam {
				continue // a date may be left out
			}
			if p.Default == "" {
				return nil, fmt.Errorf("query %s: parameter %q is required (--arg %s=...)", q.Name, p.Name, p.Name)
			}
			raw = p.Default
		}
		v, err := paramValue(ctx, qs, p, raw)
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", q.Name, err)
		}
		params[p.Name] = v
	}
	return params, nil
}

func paramValue(ctx context.Context, qs graph.QuadStore, p Param, raw string) (interface{}, error) {
	switch p.Kind {
	case EntityParam:
		return ResolveEntities(ctx, qs, raw)
	case DateParam:
		d := strings.TrimSpace(raw)
		if !validDate(d) {
			return nil, fmt.Errorf("parameter %s: %q is no date (2023, 2023-06 or 2023-06-02)", p.Name, raw)
		}
		return d, nil
	case IntParam:
		n, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil || n < 1 || n > intParamMax {
			return nil, fmt.Errorf("parameter %s: %q is no whole number from 1 to %d", p.Name, raw, intParamMax)
		}
		return n, nil
	}
	return intake.Simplify(strings.TrimSpace(raw)), nil
}

func (q *Query) paramList() string {
	if len(q.Params) == 0 {
		return "no parameters"
	}
	names := make([]string, len(q.Params))
	for i, p := range q.Params {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// Run runs the query with args in a fresh Gizmo session and returns its rows,
// with names in place of entity nodes. ctx bounds the run: a query still
// running when it ends is interrupted and ErrInterrupted returned.
func (q *Query) Run(ctx context.Context, qs graph.QuadStore, args map[string]string, opts Options) (*Table, error) {
	opts.Evidence = opts.Evidence || q.AlwaysEvidence
	if opts.Evidence && q.Fact == nil {
		return nil, fmt.Errorf("query %s: its rows are no single facts, so they have no evidence", q.Name)
	}
	params, err := q.paramValues(ctx, qs, args)
	if err != nil {
		return nil, err
	}
	raw, err := q.results(ctx, qs, params, opts.Limit)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", q.Name, err)
	}
	if opts.MinConfidence > 0 {
		if raw, err = q.sureRows(ctx, qs, raw, opts.MinConfidence); err != nil {
			return nil, fmt.Errorf("query %s: %w", q.Name, err)
		}
	}
	at, _ := params["at"].(string)
	t, err := q.table(ctx, newLookup(qs), raw, opts.Evidence, at)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", q.Name, err)
	}
	return t, nil
}

// results are the raw results of the query: from its Go twin when it has
// one that can answer (see native.go), else from its script.
func (q *Query) results(ctx context.Context, qs graph.QuadStore, params map[string]interface{}, limit int) ([]map[string]quad.Value, error) {
	if raw, ok, err := q.nativeResults(ctx, qs, params, limit); err != nil || ok {
		return raw, err
	}
	script, err := q.script(params)
	if err != nil {
		return nil, err
	}
	return runScript(ctx, qs, script, limit)
}

// runScript runs Gizmo and returns each result as tag → value. Results sent
// with g.Emit come back as values too: strings as quad values
// (quad.StringToValue, so "<hk:e/…>" is a node again), numbers as quad.Int.
func runScript(ctx context.Context, qs graph.QuadStore, script string, limit int) ([]map[string]quad.Value, error) {
	session := gizmo.NewSession(qs)
	it, err := session.Execute(ctx, script, query.Options{Collation: query.Raw, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	var out []map[string]quad.Value
	for (limit <= 0 || len(out) < limit) && it.Next(ctx) {
		r, ok := it.Result().(*gizmo.Result)
		if !ok || r.Meta {
			continue
		}
		if row := resultRow(qs, r); len(row) > 0 {
			out = append(out, row)
		}
	}
	err = it.Err()
	if cerr := it.Close(); err == nil {
		err = cerr
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return nil, fmt.Errorf("%w (%v)", ErrInterrupted, err)
	case err != nil:
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	return out, nil
}

func resultRow(qs graph.QuadStore, r *gizmo.Result) map[string]quad.Value {
	row := make(map[string]quad.Value)
	if r.Tags != nil {
		for tag, ref := range r.Tags {
			if v := qs.NameOf(ref); v != nil {
				row[tag] = v
			}
		}
		return row
	}
	emitted, ok := r.Val.(map[string]interface{})
	if !ok {
		return nil
	}
	for key, val := range emitted {
		switch val := val.(type) {
		case string:
			row[key] = quad.StringToValue(val)
		case int64:
			row[key] = quad.Int(val)
		case float64:
			row[key] = quad.Int(int64(val))
		default:
			row[key] = quad.String(fmt.Sprint(val))
		}
	}
	return row
}

// table turns raw results into rows of names: one per distinct row, or, with
// evidence, one per distinct row and sentence. A @dated query's rows get
// their dates, and with at only those stated closest before it.
func (q *Query) table(ctx context.Context, l *lookup, raw []map[string]quad.Value, withEvidence bool, at string) (*Table, error) {
	t := &Table{Columns: append([]string(nil), q.Columns...)}
	if withEvidence {
		t.Columns = append(t.Columns, "doc", "evidence")
	}
	seen := make(map[string]bool)
	var dated []datedRow
	for _, r := range raw {
		var statements []sentence
		if withEvidence || q.Dated {
			var err error
			if statements, err = q.statements(ctx, l, r, withEvidence); err != nil {
				return nil, err
			}
		}
		if q.Dated && !withEvidence {
			// one row per fact: its latest statement (before at) dates it
			statements = latest(statements, at)
			switch {
			case len(statements) > 0:
				statements = statements[:1]
			case at != "":
				continue
			default:
				statements = []sentence{{}} // a fact no sentence dates
			}
		}
		if !withEvidence && !q.Dated {
			statements = []sentence{{}}
		}
		for _, s := range statements {
			if q.Dated && at != "" && !notAfter(s.date, at) {
				continue
			}
			row := make([]string, 0, len(t.Columns))
			for _, col := range q.Columns {
				switch {
				case q.Dated && col == "date":
					row = append(row, s.date)
				case q.Dated && col == "status":
					row = append(row, s.status())
				default:
					v, err := l.display(ctx, r[col])
					if err != nil {
						return nil, err
					}
					row = append(row, v)
				}
			}
			if withEvidence {
				row = append(row, s.doc, s.text)
			}
			key := strings.Join(row, "\x00")
			if seen[key] {
				continue
			}
			seen[key] = true
			if at != "" {
				dated = append(dated, datedRow{row: row, subject: r[q.Fact.Subject], date: s.date, former: s.former})
				continue
			}
			t.Rows = append(t.Rows, row)
		}
	}
	if at != "" {
		t.Rows = closestBefore(dated)
	}
	if !q.Ordered {
		sort.SliceStable(t.Rows, func(i, j int) bool { return rowLess(t.Rows[i], t.Rows[j]) })
	}
	return t, nil
}

// statements are the sentences stating a row's fact; withText reads their
// documents and texts too.
func (q *Query) statements(ctx context.Context, l *lookup, r map[string]quad.Value, withText bool) ([]sentence, error) {
	f := q.Fact
	predicate := f.Predicate
	if !strings.HasPrefix(predicate, "<") {
		predicate = "<" + stringOf(r[predicate]) + ">"
	}
	return l.statements(ctx, r[f.Subject], quad.IRI(strings.Trim(predicate, "<>")), r[f.Object], withText)
}

// datedRow is a row of a @dated query asked at a date.
type datedRow struct {
	row     []string
	subject quad.Value
	date    string
	former  bool
}

// closestBefore keeps, per subject (the official of a position), the rows
// of its latest date, and of those the posts not stated as former.
func closestBefore(rows []datedRow) [][]string {
	best := make(map[string]string)
	for _, r := range rows {
		k := r.subject.String()
		if r.date > best[k] {
			best[k] = r.date
		}
	}
	var out [][]string
	for _, r := range rows {
		if r.date == best[r.subject.String()] && !r.former {
			out = append(out, r.row)
		}
	}
	return out
}

// latest orders statements latest first, leaving out those after at (when
// given) and those without a date when another has one.
func latest(statements []sentence, at string) []sentence {
	var out []sentence
	for _, s := range statements {
		if at == "" || notAfter(s.date, at) {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].date != out[j].date {
			return out[i].date > out[j].date
		}
		return out[i].former && !out[j].former // a former statement the same day wins
	})
	return out
}

// notAfter reports whether a date is no later than at, compared at at's
// precision (2023-06-02 is not after 2023); an undated statement is not.
func notAfter(date, at string) bool {
	if date == "" {
		return false
	}
	if len(date) > len(at) {
		date = date[:len(at)]
	}
	return date <= at
}

// validDate reports whether s is a date as the store writes them.
func validDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i, r := range s {
		if i == 4 || i == 7 {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// entityPrefix starts the IRIs of entity nodes, the nodes shown by name.
const entityPrefix = "hk:e/"

// display is how a value is shown: an entity by its canonical name.
func (l *lookup) display(ctx context.Context, v quad.Value) (string, error) {
	if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), entityPrefix) {
		return l.name(ctx, iri)
	}
	return stringOf(v), nil
}

// rowLess orders rows column by column, numbers by value.
func rowLess(a, b []string) bool {
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		x, errX := strconv.Atoi(a[i])
		y, errY := strconv.Atoi(b[i])
		if errX == nil && errY == nil {
			return x < y
		}
		return a[i] < b[i]
	}
	return false
}
