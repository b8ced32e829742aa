package nlp_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"hospkg/intake"
	"hospkg/nlp"
)

// One pipeline per test binary: loading gse's dictionary takes about half a
// second, and a Pipeline holds nothing per document.
var (
	sharedPipeline     *nlp.Pipeline
	sharedPipelineErr  error
	sharedPipelineOnce sync.Once
)

func pipeline(tb testing.TB) *nlp.Pipeline {
	tb.Helper()
	sharedPipelineOnce.Do(func() { sharedPipeline, sharedPipelineErr = nlp.NewPipeline() })
	if sharedPipelineErr != nil {
		tb.Fatalf("new pipeline: %v", sharedPipelineErr)
	}
	return sharedPipeline
}

// extractText runs the whole pipeline over text as if it were a file: read
// (so traditional characters and pinyin annotations are normalised), then
// extracted.
func extractText(tb testing.TB, text string) *nlp.Extraction {
	tb.Helper()
	doc, err := intake.ReadDocument("case.txt", []byte(text))
	if err != nil {
		tb.Fatalf("read document: %v", err)
	}
	x, err := pipeline(tb).Extract(doc)
	if err != nil {
		tb.Fatalf("extract: %v", err)
	}
	return x
}

// loadCases reads every golden file of a testdata folder into cases of type C.
func loadCases[C any](t *testing.T, dir string) map[string][]C {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files in testdata/%s: %v", dir, err)
	}
	out := make(map[string][]C)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cases []C
		if err := json.Unmarshal(raw, &cases); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = cases
	}
	return out
}

// expectedRelation is a relation written with canonical names. Evidence, when
// given, must be part of the sentence the relation was read from.
type expectedRelation struct {
	Subject   string        `json:"subject"`
	Predicate nlp.Predicate `json:"predicate"`
	Object    string        `json:"object"`
	Evidence  string        `json:"evidence,omitempty"`
}

// entityName is the canonical name behind an entity ID ("" if none).
func entityName(x *nlp.Extraction, id string) string {
	e, _ := x.Entity(id)
	return e.Name
}

// findRelation returns the relation (subject, predicate, object) of x;
// partner_of matches either way round.
func findRelation(x *nlp.Extraction, subject string, p nlp.Predicate, object string) (nlp.Relation, bool) {
	for _, r := range x.Relations {
		s, o := entityName(x, r.Subject), entityName(x, r.Object)
		if r.Predicate != p {
			continue
		}
		if s == subject && o == object || p == nlp.PartnerOf && s == object && o == subject {
			return r, true
		}
	}
	return nlp.Relation{}, false
}

func checkRelations(t *testing.T, x *nlp.Extraction, want []expectedRelation) {
	t.Helper()
	for _, w := range want {
		r, ok := findRelation(x, w.Subject, w.Predicate, w.Object)
		if !ok {
			t.Errorf("missing relation %s %s %s; have %s", w.Subject, w.Predicate, w.Object, describeRelations(x))
			continue
		}
		if ev := x.Sentences[r.Sentence].Evidence; !strings.Contains(ev, w.Evidence) {
			t.Errorf("relation %s %s %s: evidence %q does not contain %q", w.Subject, w.Predicate, w.Object, ev, w.Evidence)
		}
	}
}

func describeRelations(x *nlp.Extraction) string {
	var b strings.Builder
	for _, r := range x.Relations {
		b.WriteString("\n\t" + entityName(x, r.Subject) + " " + string(r.Predicate) + " " + entityName(x, r.Object))
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func describeEntities(x *nlp.Extraction) string {
	var b strings.Builder
	for _, e := range x.Entities {
		b.WriteString("\n\t" + string(e.Type) + " " + e.Name)
		if len(e.Aliases) > 0 {
			b.WriteString(" aka " + strings.Join(e.Aliases, "/"))
		}
		if e.Parent != "" {
			b.WriteString(" of " + entityName(x, e.Parent))
		}
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

// recogniseCase is one golden case of testdata/recognise.
type recogniseCase struct {
	Name     string `json:"name"`
	Text     string `json:"text"`
	KnownGap string `json:"known_gap,omitempty"`
	Expect   struct {
		// Entities must be found with this canonical name and type; Parent
		// (a canonical name) and Aliases are checked when given.
		Entities []struct {
			Name    string         `json:"name"`
			Type    nlp.EntityType `json:"type"`
			Parent  string         `json:"parent,omitempty"`
			Aliases []string       `json:"aliases,omitempty"`
		} `json:"entities"`
		// Absent names must be neither the name nor an alias of any entity.
		Absent []string `json:"absent"`
		// NoEntities says the text names nothing at all.
		NoEntities bool `json:"no_entities"`
		// Positions must be found, with canonical names.
		Positions []struct {
			Person string `json:"person"`
			Title  string `json:"title"`
			Org    string `json:"org"`
		} `json:"positions"`
		// PositionsOf is the exact number of positions of a person.
		PositionsOf map[string]int `json:"positions_of"`
		// EntityCount is the exact number of entities of a type.
		EntityCount map[nlp.EntityType]int `json:"entity_count"`
		// Relations check that a resolved mention (我院) lands on an entity.
		Relations []expectedRelation `json:"relations"`
	} `json:"expect"`
}

// TestRecognise runs the recogniser golden files: one file per recogniser
// family (hospitals and institutions, departments, officials, aliases), each
// case a real passage of a seed.
func TestRecognise(t *testing.T) {
	for family, cases := range loadCases[recogniseCase](t, "recognise") {
		t.Run(family, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.Name, func(t *testing.T) {
					if tc.KnownGap != "" {
						t.Skip("known gap: " + tc.KnownGap)
					}
					checkRecognise(t, tc, extractText(t, tc.Text))
				})
			}
		})
	}
}

func checkRecognise(t *testing.T, tc recogniseCase, x *nlp.Extraction) {
	want := tc.Expect
	if want.NoEntities && len(x.Entities) > 0 {
		t.Errorf("want no entity, have %s", describeEntities(x))
	}
	for _, w := range want.Entities {
		e, ok := entityNamed(x, w.Name, w.Type)
		if !ok {
			t.Errorf("missing %s %s; have %s", w.Type, w.Name, describeEntities(x))
			continue
		}
		if w.Parent != "" && entityName(x, e.Parent) != w.Parent {
			t.Errorf("%s: parent %q, want %q", w.Name, entityName(x, e.Parent), w.Parent)
		}
		for _, a := range w.Aliases {
			if !containsString(e.Aliases, a) {
				t.Errorf("%s: aliases %q lack %q", w.Name, e.Aliases, a)
			}
		}
	}
	for _, name := range want.Absent {
		for _, e := range x.Entities {
			if e.Name == name || containsString(e.Aliases, name) {
				t.Errorf("%q must name no entity; have %s %s (aliases %q)", name, e.Type, e.Name, e.Aliases)
			}
		}
	}
	for typ, n := range want.EntityCount {
		got := 0
		for _, e := range x.Entities {
			if e.Type == typ {
				got++
			}
		}
		if got != n {
			t.Errorf("%d entities of type %s, want %d; have %s", got, typ, n, describeEntities(x))
		}
	}
	for _, w := range want.Positions {
		if !hasPosition(x, w.Person, w.Title, w.Org) {
			t.Errorf("missing position %s %s at %s; have %s", w.Person, w.Title, w.Org, describePositions(x))
		}
	}
	for person, n := range want.PositionsOf {
		got := 0
		for _, p := range x.Positions {
			if entityName(x, p.Person) == person {
				got++
			}
		}
		if got != n {
			t.Errorf("%s holds %d positions, want %d; have %s", person, got, n, describePositions(x))
		}
	}
	checkRelations(t, x, want.Relations)
}

func entityNamed(x *nlp.Extraction, name string, typ nlp.EntityType) (nlp.Entity, bool) {
	for _, e := range x.Entities {
		if e.Name == name && e.Type == typ {
			return e, true
		}
	}
	return nlp.Entity{}, false
}

func hasPosition(x *nlp.Extraction, person, title, org string) bool {
	for _, p := range x.Positions {
		if entityName(x, p.Person) == person && p.Title == title && entityName(x, p.Org) == org {
			return true
		}
	}
	return false
}

func describePositions(x *nlp.Extraction) string {
	var b strings.Builder
	for _, p := range x.Positions {
		b.WriteString("\n\t" + entityName(x, p.Person) + " " + p.Title + " " + entityName(x, p.Org))
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
