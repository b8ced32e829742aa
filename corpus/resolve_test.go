package corpus

import (
	"testing"

	"hospkg/nlp"
)

func TestTarget(t *testing.T) {
	ix := NewIndex()
	ix.AddForm(nlp.Hospital, "北大医院", "Hospital/北京大学第一医院")
	ix.AddForm(nlp.Hospital, "北医", "Hospital/北大医院")
	ix.AddForm(nlp.Hospital, "协和医院", "Hospital/北京协和医院")
	ix.AddForm(nlp.Hospital, "协和医院", "Hospital/华中科技大学同济医学院附属协和医院")
	cases := []struct {
		name, id  string
		named     []string
		want      string
		ambiguous bool
	}{
		{"defined once", "Hospital/北大医院", nil, "Hospital/北京大学第一医院", false},
		{"through two short forms", "Hospital/北医", nil, "Hospital/北京大学第一医院", false},
		{"another type", "Institution/北大医院", nil, "", false},
		{"ambiguous", "Hospital/协和医院", nil, "", true},
		{"ambiguous, the document names one", "Hospital/协和医院", []string{"Hospital/北京协和医院"}, "Hospital/北京协和医院", false},
		{"ambiguous, the document names both", "Hospital/协和医院", []string{"Hospital/北京协和医院", "Hospital/华中科技大学同济医学院附属协和医院"}, "", true},
		{"a full name", "Hospital/北京大学第一医院", nil, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			named := map[string]bool{tc.id: true}
			for _, n := range tc.named {
				named[n] = true
			}
			got, ambiguous := Target(ix, tc.id, named)
			if got != tc.want || ambiguous != tc.ambiguous {
				t.Errorf("Target = %q, %v; want %q, %v", got, ambiguous, tc.want, tc.ambiguous)
			}
		})
	}
}

func TestRenameFollowsQualifiedIDs(t *testing.T) {
	x := &nlp.Extraction{
		Entities: []nlp.Entity{
			{ID: "Hospital/北大医院", Type: nlp.Hospital, Name: "北大医院", Confidence: 0.9},
			{ID: "Hospital/北京大学第一医院", Type: nlp.Hospital, Name: "北京大学第一医院", Confidence: 0.95},
			{ID: "Department/Hospital/北大医院/肿瘤内科", Type: nlp.Department, Name: "肿瘤内科", Parent: "Hospital/北大医院"},
			{ID: "Official/Department/Hospital/北大医院/肿瘤内科/王俊", Type: nlp.Official, Name: "王俊"},
			{ID: "Hospital/北大医院密云医院", Type: nlp.Hospital, Name: "北大医院密云医院"},
		},
		Mentions:  []nlp.Mention{{Entity: "Hospital/北大医院", Sentence: 1}},
		Relations: []nlp.Relation{{Subject: "Hospital/北大医院", Predicate: nlp.Supports, Object: "Hospital/北大医院密云医院"}, {Subject: "Hospital/北大医院", Predicate: nlp.PartnerOf, Object: "Hospital/北京大学第一医院"}},
		Positions: []nlp.Position{{Person: "Official/Department/Hospital/北大医院/肿瘤内科/王俊", Title: "主任", Org: "Department/Hospital/北大医院/肿瘤内科"}},
	}
	Rename(x, map[string]string{"Hospital/北大医院": "Hospital/北京大学第一医院"})
	if len(x.Entities) != 4 {
		t.Fatalf("entities %+v", x.Entities)
	}
	h := x.Entities[0]
	if h.ID != "Hospital/北京大学第一医院" || h.Name != "北京大学第一医院" || len(h.Aliases) != 1 || h.Aliases[0] != "北大医院" || h.Confidence != 0.95 {
		t.Errorf("merged hospital %+v", h)
	}
	if d := x.Entities[1]; d.ID != "Department/Hospital/北京大学第一医院/肿瘤内科" || d.Parent != "Hospital/北京大学第一医院" {
		t.Errorf("department %+v", d)
	}
	if p := x.Positions[0]; p.Person != "Official/Department/Hospital/北京大学第一医院/肿瘤内科/王俊" || p.Org != "Department/Hospital/北京大学第一医院/肿瘤内科" {
		t.Errorf("position %+v", p)
	}
	if x.Entities[3].ID != "Hospital/北大医院密云医院" {
		t.Errorf("a longer name was renamed: %s", x.Entities[3].ID)
	}
	if len(x.Relations) != 1 || x.Relations[0].Subject != "Hospital/北京大学第一医院" {
		t.Errorf("relations %+v", x.Relations)
	}
}

func BenchmarkResolve(b *testing.B) {
	ix := NewIndex()
	ix.AddForm(nlp.Hospital, "北大医院", "Hospital/北京大学第一医院")
	base := nlp.Extraction{
		Entities: []nlp.Entity{{ID: "Hospital/北大医院", Type: nlp.Hospital, Name: "北大医院"}, {ID: "Official/Hospital/北大医院/王俊", Type: nlp.Official, Name: "王俊"}},
		Mentions: []nlp.Mention{{Entity: "Hospital/北大医院", Sentence: 1}, {Entity: "Official/Hospital/北大医院/王俊", Sentence: 1}},
	}
	for b.Loop() {
		x := base
		x.Entities = append([]nlp.Entity(nil), base.Entities...)
		if res := Resolve(&x, ix); res.Mentions != 1 {
			b.Fatalf("%d mentions merged", res.Mentions)
		}
	}
}
