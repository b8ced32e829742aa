package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"hospkg/graph"
)

// static holds the page's script and style and the vendored cytoscape.js
// with its licence: the page needs nothing from outside the binary.
//
//go:embed static
var static embed.FS

//go:embed templates/*.html
var templateFiles embed.FS

// templates are the page and the facts panel, which /facts also serves
// alone so that the page re-centres with the same HTML it starts with.
var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"confidence": func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	},
	"join": strings.Join,
}).ParseFS(templateFiles, "templates/*.html"))

// staticFiles serves static/ under /static/, cached for an hour.
func staticFiles() (http.Handler, error) {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		return nil, fmt.Errorf("serve: static files: %w", err)
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	}), nil
}

// pageData is what the page and the facts panel show.
type pageData struct {
	Query   string // ?q= as given
	Hops    int
	Error   string
	Status  int
	Centres []entityFacts
}

// entityFacts is one centre entity with the facts it takes part in.
type entityFacts struct {
	graph.NeighbourNode
	Facts     []factRow
	Truncated bool
	Omitted   int
}

// factRow is one fact of the facts panel, read as a sentence:
// Subject Predicate (Title) Object.
type factRow struct {
	SubjectID, Subject, Predicate, Title, ObjectID, Object string
	Confidence                                             *float64
	Evidence                                               []graph.Evidence
}

// servePage answers GET / and GET /?q=NAME: the page, and with q the
// entity's facts and evidence already in the HTML, so that they can be
// read, copied and reached by a screen reader without the drawing.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	data := s.factsData(r)
	s.render(w, data.Status, "page", data)
}

// serveFacts answers GET /facts?id=…|name=…: the facts panel alone, as HTML.
func (s *Server) serveFacts(w http.ResponseWriter, r *http.Request) {
	data := s.factsData(r)
	if data.Query == "" && data.Error == "" && r.URL.Query().Get("id") == "" {
		data.Error, data.Status = "give name= or id=", http.StatusBadRequest
	}
	s.render(w, data.Status, "facts", data)
}

// factsData reads the facts of the entity ?q=, ?name= or ?id= names.
func (s *Server) factsData(r *http.Request) pageData {
	v := r.URL.Query()
	data := pageData{Query: strings.TrimSpace(v.Get("q")), Hops: 1, Status: http.StatusOK}
	if data.Query != "" && v.Get("name") == "" {
		v.Set("name", data.Query)
	}
	if data.Query == "" {
		data.Query = v.Get("name")
	}
	if v.Get("name") == "" && v.Get("id") == "" {
		return data
	}
	// The panel lists the centre's own facts: one hop, the page's filters
	// and limit.
	hops := v.Get("hops")
	v.Del("hops")
	r2 := r.Clone(r.Context())
	r2.URL.RawQuery = v.Encode()
	n, err := s.neighbourhood(r2, 1)
	if hops == "2" || hops == "3" {
		data.Hops = int(hops[0] - '0')
	}
	if err != nil {
		data.Error, data.Status = err.Error(), statusOf(err)
		return data
	}
	for _, id := range n.Centre {
		data.Centres = append(data.Centres, centreFacts(n, id))
	}
	return data
}

// centreFacts picks the facts of one centre entity out of its neighbourhood.
func centreFacts(n *graph.Neighbourhood, id string) entityFacts {
	names := make(map[string]graph.NeighbourNode, len(n.Nodes))
	for _, node := range n.Nodes {
		names[node.ID] = node
	}
	out := entityFacts{NeighbourNode: names[id], Truncated: n.Truncated, Omitted: n.Omitted}
	for _, e := range n.Edges {
		if e.Source != id && e.Target != id {
			continue
		}
		out.Facts = append(out.Facts, factRow{SubjectID: e.Source, Subject: names[e.Source].Name, Predicate: e.Predicate,
			Title: e.Title, ObjectID: e.Target, Object: names[e.Target].Name, Confidence: e.Confidence, Evidence: e.Evidence})
	}
	sort.SliceStable(out.Facts, func(i, j int) bool { return factRank[out.Facts[i].Predicate] < factRank[out.Facts[j].Predicate] })
	return out
}

// factRank orders the facts panel: links between organisations, then
// positions, then departments, each as the edges come (by ID).
var factRank = map[string]int{"supports": 0, "affiliated_with": 1, "partner_of": 2, "holds_position": 3, "department_of": 4}

// render executes a template into a buffer first, so that a failure is a
// 500 and not half a page.
func (s *Server) render(w http.ResponseWriter, code int, name string, data pageData) {
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		s.writeError(w, http.StatusInternalServerError, fmt.Errorf("page: %w", err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	s.sent(w.Write(b.Bytes()))
}
