package nlp_test

import (
	"strings"
	"testing"

	"hospkg/nlp"
)

// relateCase is one golden case of testdata/relate: a real seed passage and
// the relations it states, with canonical names.
type relateCase struct {
	Name     string `json:"name"`
	Text     string `json:"text"`
	KnownGap string `json:"known_gap,omitempty"`
	Expect   struct {
		Relations []expectedRelation `json:"relations"`
		// Absent relations must not be read.
		Absent []expectedRelation `json:"absent"`
		// NoPredicate lists predicates the text must not yield at all.
		NoPredicate []nlp.Predicate `json:"no_predicate"`
		// NoneFrom is a cue: no relation may be read from a sentence
		// containing it.
		NoneFrom string `json:"none_from"`
		// Count, when set, is the exact number of relations.
		Count *int `json:"count"`
	} `json:"expect"`
}

// TestRelate runs the relation golden files: one file per predicate family,
// one case per cue pattern, each a real sentence of a seed with the context
// it needs.
func TestRelate(t *testing.T) {
	for family, cases := range loadCases[relateCase](t, "relate") {
		t.Run(family, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.Name, func(t *testing.T) {
					if tc.KnownGap != "" {
						t.Skip("known gap: " + tc.KnownGap)
					}
					checkRelate(t, tc, extractText(t, tc.Text))
				})
			}
		})
	}
}

func checkRelate(t *testing.T, tc relateCase, x *nlp.Extraction) {
	want := tc.Expect
	checkRelations(t, x, want.Relations)
	for _, a := range want.Absent {
		if _, ok := findRelation(x, a.Subject, a.Predicate, a.Object); ok {
			t.Errorf("unwanted relation %s %s %s", a.Subject, a.Predicate, a.Object)
		}
	}
	for _, r := range x.Relations {
		for _, p := range want.NoPredicate {
			if r.Predicate == p {
				t.Errorf("unwanted %s relation %s %s %s", p, entityName(x, r.Subject), r.Predicate, entityName(x, r.Object))
			}
		}
		if want.NoneFrom != "" && containsText(x.Sentences[r.Sentence].Text, want.NoneFrom) {
			t.Errorf("relation %s %s %s read from %q", entityName(x, r.Subject), r.Predicate, entityName(x, r.Object), x.Sentences[r.Sentence].Text)
		}
	}
	if want.Count != nil && len(x.Relations) != *want.Count {
		t.Errorf("%d relations, want %d; have %s", len(x.Relations), *want.Count, describeRelations(x))
	}
}

func containsText(s, sub string) bool { return sub != "" && strings.Contains(s, sub) }
