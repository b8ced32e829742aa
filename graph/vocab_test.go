package graph

import (
	"testing"

	"github.com/cayleygraph/quad"

	"hospkg/nlp"
)

func TestNodeIRIs(t *testing.T) {
	cases := []struct {
		name string
		got  quad.IRI
		want quad.IRI
	}{
		{"entity", EntityIRI("Hospital/北京大学第一医院"), "hk:e/Hospital/北京大学第一医院"},
		{"department", EntityIRI("Department/Hospital/北京大学第一医院/肿瘤内科"), "hk:e/Department/Hospital/北京大学第一医院/肿瘤内科"},
		{"illegal characters", EntityIRI("Hospital/a b<c>\"{|}^`\\%"), "hk:e/Hospital/a%20b%3Cc%3E%22%7B%7C%7D%5E%60%5C%25"},
		{"document", DocIRI("001_cbff99e1412477c5.txt"), "hk:doc/001_cbff99e1412477c5.txt"},
		{"document with #", DocIRI("a#b.txt"), "hk:doc/a%23b.txt"},
		{"sentence", SentenceIRI("a.txt", 12), "hk:doc/a.txt#s12"},
		{"position", PositionIRI("Official/郭燕红", "司长", "Institution/国家卫生健康委应急司"), "hk:pos/Official/郭燕红%7C司长%7CInstitution/国家卫生健康委应急司"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %s, want %s", tc.got, tc.want)
			}
		})
	}
}

func TestEntityIDRoundTrip(t *testing.T) {
	for _, id := range []string{"Hospital/北京大学第一医院", "Official/x/李 刚", "Hospital/100%|a"} {
		t.Run(id, func(t *testing.T) {
			if got := EntityID(EntityIRI(id)); got != id {
				t.Errorf("EntityID(EntityIRI(%q)) = %q", id, got)
			}
		})
	}
}

func TestDocumentQuadsHaveNoDuplicates(t *testing.T) {
	x := miyunV1("a.txt")
	x.Mentions = append(x.Mentions, x.Mentions...)
	x.Relations = append(x.Relations, x.Relations...)
	x.Positions = append(x.Positions, x.Positions...)
	quads, err := DocumentQuads(x)
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool)
	for _, q := range quads {
		if seen[q.NQuad()] {
			t.Errorf("duplicate quad %s", q.NQuad())
		}
		seen[q.NQuad()] = true
	}
}

func TestDocumentQuadsRejectsUnknownNames(t *testing.T) {
	cases := []struct {
		name   string
		change func(x *nlp.Extraction)
	}{
		{"entity type", func(x *nlp.Extraction) { x.Entities[0].Type = "Place" }},
		{"predicate", func(x *nlp.Extraction) { x.Relations[0].Predicate = "likes" }},
		{"no document name", func(x *nlp.Extraction) { x.Doc.Name = "" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := miyunV1("a.txt")
			tc.change(x)
			if _, err := DocumentQuads(x); err == nil {
				t.Error("no error")
			}
		})
	}
}
