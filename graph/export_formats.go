package graph

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	// The raw quad formats, found by name through quad.FormatByName.
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"
)

// ExportFormats are the formats Export writes.
var ExportFormats = []string{"jsonl", "nquads", "jsonld", "csv", "graphml", "gml", "dot"}

// ExportOptions say what Export writes.
type ExportOptions struct {
	Format string
	Filter Filter
	// Table is the CSV table: "relations" (the default) or "positions".
	Table string
}

// Export writes the graph in one of ExportFormats. nquads and jsonld are the
// raw quads, labels included, and take no filter; the others are the entity
// graph: entities named by their canonical names and the facts between them.
func Export(ctx context.Context, qs graph.QuadStore, w io.Writer, opts ExportOptions) error {
	switch opts.Format {
	case "nquads", "jsonld":
		if !opts.Filter.empty() {
			return fmt.Errorf("export %s: filters apply to the entity graph formats only, not to raw quads", opts.Format)
		}
		return WriteQuads(qs, w, opts.Format)
	case "jsonl":
		if opts.Filter.empty() {
			return WriteJSONL(ctx, qs, w)
		}
	case "csv", "graphml", "gml", "dot":
	default:
		return fmt.Errorf("export: unknown format %q (known: %s)", opts.Format, strings.Join(ExportFormats, ", "))
	}
	g, err := readEntityGraph(ctx, qs)
	if err != nil {
		return fmt.Errorf("export %s: %w", opts.Format, err)
	}
	if g, err = g.filter(opts.Filter); err != nil {
		return fmt.Errorf("export %s: %w", opts.Format, err)
	}
	bw := bufio.NewWriter(w)
	switch opts.Format {
	case "jsonl":
		err = writeEntityJSONL(g, bw)
	case "csv":
		err = writeCSV(g, bw, opts.Table)
	case "graphml":
		err = writeGraphML(g, bw)
	case "gml":
		err = writeGML(g, bw)
	case "dot":
		err = writeDOT(g, bw)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", opts.Format, err)
	}
	return nil
}

// WriteQuads streams every quad of the store with quad's writer of the named
// format (nquads or jsonld).
//
// The JSON-LD writer of quad holds the whole dataset until Close and its
// reader (gojsonld) drops quads it cannot express, so nquads is the format
// that round-trips; jsonld is offered for RDF tools that want it.
func WriteQuads(qs graph.QuadStore, w io.Writer, format string) error {
	f := quad.FormatByName(format)
	if f == nil || f.Writer == nil {
		return fmt.Errorf("export: no quad writer for format %q", format)
	}
	qw := f.Writer(w)
	r := graph.NewQuadStoreReader(qs)
	_, copyErr := quad.Copy(qw, r)
	if err := errors.Join(copyErr, qw.Close(), r.Close()); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// writeEntityJSONL writes the JSONL lines (see DESIGN.md) of a filtered
// entity graph: entity lines, then relation and position lines, each sorted.
func writeEntityJSONL(g *entityGraph, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	nodes := append([]entityNode(nil), g.nodes...)
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].line.ID < nodes[j].line.ID })
	for _, n := range nodes {
		if err := enc.Encode(n.line); err != nil {
			return err
		}
	}
	var relations []RelationLine
	var positions []PositionLine
	for _, e := range g.edges {
		switch e.predicate {
		case "department_of": // a department's parent is a field of its entity line
		case "holds_position":
			positions = append(positions, PositionLine{Kind: "position", Person: g.nameOf(e.from), Title: e.title,
				Org: g.nameOf(e.to), Doc: e.doc, Evidence: e.evidence, Date: e.date, AsOf: e.asOf, Former: e.former,
				Confidence: e.confidence})
		default:
			relations = append(relations, RelationLine{Kind: "relation", Subject: g.nameOf(e.from), Predicate: e.predicate,
				Object: g.nameOf(e.to), Doc: e.doc, Evidence: e.evidence, Date: e.date, Confidence: e.confidence})
		}
	}
	if err := encodeSorted(enc, relations, compareRelations); err != nil {
		return err
	}
	return encodeSorted(enc, positions, comparePositions)
}

// link is one edge of a viewer's graph: the facts with the same endpoints,
// predicate and title, however many documents state them.
type link struct {
	from, to  int
	predicate string
	title     string
	docs      []string
}

// label is what a viewer writes on the edge: the title of a position, else
// the predicate.
func (l link) label() string {
	if l.title != "" {
		return l.title
	}
	return l.predicate
}

// links merges the per-document edges of g: a viewer wants one line per fact,
// weighted by the number of documents stating it.
func (g *entityGraph) links() []link {
	var out []link
	at := make(map[string]int)
	for _, e := range g.edges {
		from, okFrom := g.index[e.from]
		to, okTo := g.index[e.to]
		if !okFrom || !okTo {
			continue
		}
		key := strings.Join([]string{string(e.from), e.predicate, string(e.to), e.title}, "\x00")
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, link{from: from, to: to, predicate: e.predicate, title: e.title})
		}
		if !slices.Contains(out[i].docs, e.doc) {
			out[i].docs = append(out[i].docs, e.doc)
		}
	}
	return out
}

// displayNames returns the label of each node: its canonical name, with the
// entity ID added where two entities share a name (two people called 李刚),
// because networkx's read_gml refuses duplicate labels and a viewer would
// show two indistinguishable nodes.
func (g *entityGraph) displayNames() []string {
	count := make(map[string]int)
	for _, n := range g.nodes {
		count[n.line.Name]++
	}
	out := make([]string, len(g.nodes))
	for i, n := range g.nodes {
		out[i] = n.line.Name
		if count[n.line.Name] > 1 {
			out[i] = n.line.Name + " (" + n.line.ID + ")"
		}
	}
	return out
}

// GraphML is written here rather than with quad's graphml writer: that one
// makes a node of every quad value, labels them in N-Quads syntax
// (&#34;郭燕红&#34;, <hk:e/…>) and drops the quad label, so Gephi and
// Cytoscape would show IRIs and sentence nodes instead of names.
type graphMLKey struct {
	XMLName xml.Name `xml:"key"`
	ID      string   `xml:"id,attr"`
	For     string   `xml:"for,attr"`
	Name    string   `xml:"attr.name,attr"`
	Type    string   `xml:"attr.type,attr"`
}

type graphMLData struct {
	XMLName xml.Name `xml:"data"`
	Key     string   `xml:"key,attr"`
	Value   string   `xml:",chardata"`
}

type graphMLNode struct {
	XMLName xml.Name      `xml:"node"`
	ID      string        `xml:"id,attr"`
	Data    []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	XMLName xml.Name      `xml:"edge"`
	ID      string        `xml:"id,attr"`
	Source  string        `xml:"source,attr"`
	Target  string        `xml:"target,attr"`
	Data    []graphMLData `xml:"data"`
}

func writeGraphML(g *entityGraph, w io.Writer) error {
	if _, err := io.WriteString(w, xml.Header+`<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`+"\n"); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	keys := []graphMLKey{
		{ID: "label", For: "node", Name: "label", Type: "string"},
		{ID: "type", For: "node", Name: "type", Type: "string"},
		{ID: "entity", For: "node", Name: "entity", Type: "string"},
		{ID: "aliases", For: "node", Name: "aliases", Type: "string"},
		{ID: "docs", For: "all", Name: "docs", Type: "string"},
		{ID: "elabel", For: "edge", Name: "label", Type: "string"},
		{ID: "predicate", For: "edge", Name: "predicate", Type: "string"},
		{ID: "title", For: "edge", Name: "title", Type: "string"},
		{ID: "weight", For: "edge", Name: "weight", Type: "int"},
	}
	for _, k := range keys {
		if err := enc.Encode(k); err != nil {
			return err
		}
	}
	graphStart := xml.StartElement{Name: xml.Name{Local: "graph"},
		Attr: []xml.Attr{{Name: xml.Name{Local: "id"}, Value: "hospkg"}, {Name: xml.Name{Local: "edgedefault"}, Value: "directed"}}}
	if err := enc.EncodeToken(graphStart); err != nil {
		return err
	}
	for i, name := range g.displayNames() {
		n := g.nodes[i].line
		node := graphMLNode{ID: nodeID(i), Data: []graphMLData{
			{Key: "label", Value: name}, {Key: "type", Value: n.Type}, {Key: "entity", Value: n.ID},
			{Key: "aliases", Value: strings.Join(n.Aliases, "; ")}, {Key: "docs", Value: strings.Join(n.Docs, "; ")},
		}}
		if err := enc.Encode(node); err != nil {
			return err
		}
	}
	for i, l := range g.links() {
		edge := graphMLEdge{ID: "e" + strconv.Itoa(i), Source: nodeID(l.from), Target: nodeID(l.to), Data: []graphMLData{
			{Key: "elabel", Value: l.label()}, {Key: "predicate", Value: l.predicate}, {Key: "title", Value: l.title},
			{Key: "docs", Value: strings.Join(l.docs, "; ")}, {Key: "weight", Value: strconv.Itoa(len(l.docs))},
		}}
		if err := enc.Encode(edge); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(graphStart.End()); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n</graphml>\n")
	return err
}

func nodeID(i int) string { return "n" + strconv.Itoa(i) }

// writeGML writes GML itself rather than with quad's gml writer, which labels
// nodes in N-Quads syntax and writes raw UTF-8: GML is ASCII, and networkx
// refuses anything else. Non-ASCII is written as &#NNNN; entities, which
// networkx, igraph and Gephi decode.
func writeGML(g *entityGraph, w io.Writer) error {
	bw := &errWriter{w: w}
	bw.printf("graph [\n  directed 1\n  multigraph 1\n")
	for i, name := range g.displayNames() {
		n := g.nodes[i].line
		bw.printf("  node [\n    id %d\n    label %s\n    type %s\n    entity %s\n  ]\n",
			i, gmlString(name), gmlString(n.Type), gmlString(n.ID))
	}
	for _, l := range g.links() {
		bw.printf("  edge [\n    source %d\n    target %d\n    label %s\n    predicate %s\n    title %s\n    weight %d\n  ]\n",
			l.from, l.to, gmlString(l.label()), gmlString(l.predicate), gmlString(l.title), len(l.docs))
	}
	bw.printf("]\n")
	return bw.err
}

// gmlString quotes s for GML: ASCII only, and '"' and '&' as entities
// because GML strings have no backslash escapes.
func gmlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r > 0x7e || r < 0x20 || r == '"' || r == '&' {
			fmt.Fprintf(&b, "&#%d;", r)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// writeDOT writes Graphviz DOT itself rather than with quad's dot writer,
// which labels nodes in N-Quads syntax (<hk:e/…>, "\"郭燕红\"") and drops the
// quad label. Labels are quoted UTF-8, which Graphviz reads as is.
func writeDOT(g *entityGraph, w io.Writer) error {
	bw := &errWriter{w: w}
	bw.printf("digraph hospkg {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Noto Sans CJK SC\"];\n  edge [fontname=\"Noto Sans CJK SC\", fontsize=10];\n")
	for i, name := range g.displayNames() {
		n := g.nodes[i].line
		bw.printf("  %s [label=%s, type=%s, fillcolor=%s];\n", nodeID(i), dotString(name), dotString(n.Type), dotString(typeColour[n.Type]))
	}
	for _, l := range g.links() {
		bw.printf("  %s -> %s [label=%s, predicate=%s, weight=%d, color=%s];\n",
			nodeID(l.from), nodeID(l.to), dotString(l.label()), dotString(l.predicate), len(l.docs), dotString(predicateColour[l.predicate]))
	}
	bw.printf("}\n")
	return bw.err
}

// Colours tell the kinds apart in a rendered picture.
var (
	typeColour      = map[string]string{"Hospital": "#cfe8ff", "Official": "#ffe3c2", "Department": "#e6f5d0", "Institution": "#eeeeee", "": "#ffffff"}
	predicateColour = map[string]string{"supports": "#1f77b4", "affiliated_with": "#2ca02c", "partner_of": "#9467bd", "department_of": "#7f7f7f", "holds_position": "#ff7f0e"}
)

// dotString quotes s for DOT: in a quoted ID only '"' needs escaping, but a
// backslash would start a label escape (\n, \l), so it is doubled too.
func dotString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}

// errWriter keeps the first write error, so that a long run of prints is
// checked once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...interface{}) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
