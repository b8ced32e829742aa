package model

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"hospkg/intake"
	"hospkg/nlp"
)

// TestPersonsOnRealArticles reads articles of the corpus (testdata/
// persons.tsv: the article, officials a reader finds in it that the rules
// miss, and words that look like names and are not) and checks that the
// names are proposed and that the embedded model adds them and none of the
// others. The model was trained on these articles: this checks what the
// model does, not how well it generalises (that is the cross-validation).
func TestPersonsOnRealArticles(t *testing.T) {
	f, err := os.Open("testdata/persons.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := nlp.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	rows := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 {
			t.Fatalf("bad row %q", sc.Text())
		}
		rows++
		source, wants, nots := cols[0], strings.Fields(cols[1]), strings.Fields(cols[2])
		raw, err := os.ReadFile("../../eval/corpus/docs/" + source)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := intake.ReadDocument(source, raw)
		if err != nil {
			t.Fatal(err)
		}
		x, err := p.Extract(doc)
		if err != nil {
			t.Fatal(err)
		}
		rules := officialNames(x)
		proposed := make(map[string]bool)
		for _, a := range Persons(x) {
			if !a.Found {
				proposed[a.Name] = true
			}
		}
		for _, want := range wants {
			if rules[want] {
				t.Errorf("%s: the rules already find %s; the row tests nothing", source, want)
			}
			if !proposed[want] {
				t.Errorf("%s: %s is not proposed", source, want)
			}
		}
		m.Decide(x)
		got := officialNames(x)
		for _, want := range wants {
			if !got[want] {
				t.Errorf("%s: the model does not add %s", source, want)
			}
		}
		for _, not := range nots {
			if got[not] {
				t.Errorf("%s: the model adds %s", source, not)
			}
		}
	}
	if rows < 5 {
		t.Fatalf("only %d rows", rows)
	}
}

func officialNames(x *nlp.Extraction) map[string]bool {
	out := make(map[string]bool)
	for _, e := range x.Entities {
		if e.Type == nlp.Official {
			out[e.Name] = true
		}
	}
	return out
}

// TestAddNamesAddsOfficialsOnce: a name the decider believes is added once,
// as an official of the document's main organisation, with its mention;
// a name the rules found is not added again.
func TestAddNamesAddsOfficialsOnce(t *testing.T) {
	x := handMade()
	x.Tokens = [][]nlp.Token{{
		{Text: "甲市人民医院", Start: 0, End: len("甲市人民医院"), POS: "nt"},
		{Text: "骨科", Start: len("甲市人民医院"), End: len("甲市人民医院骨科"), POS: "n"},
		{Text: "主任", Start: len("甲市人民医院骨科"), End: len("甲市人民医院骨科主任"), POS: "n"},
		{Text: "张三", Start: len("甲市人民医院骨科主任"), End: len("甲市人民医院骨科主任张三"), POS: "nr"},
	}}
	x.Mentions = append(x.Mentions, nlp.Mention{Entity: "Official/张三", Sentence: 0, Start: len("甲市人民医院骨科主任"), End: len("甲市人民医院骨科主任张三")})
	m := &Model{}
	m.Deciders[PersonKind] = Decider{Weights: &Logistic{Bias: 3, Weights: map[uint32]float64{}}, A: 1, Thresholds: map[string]float64{"Official": 0.5}}
	before := len(x.Entities)
	addNames(x, m.chooseNames(newFeaturizer(x)), "Hospital/甲市人民医院")
	if len(x.Entities) != before {
		t.Fatalf("张三, found by the rules, was added again: %+v", x.Entities[before:])
	}
	// Without the rules' 张三, the name is added, once.
	x = handMade()
	x.Entities = x.Entities[:3]
	x.Positions = nil
	x.Tokens = [][]nlp.Token{{
		{Text: "主任", Start: len("甲市人民医院骨科"), End: len("甲市人民医院骨科主任"), POS: "n"},
		{Text: "张三", Start: len("甲市人民医院骨科主任"), End: len("甲市人民医院骨科主任张三"), POS: "nr"},
	}}
	addNames(x, m.chooseNames(newFeaturizer(x)), "Hospital/甲市人民医院")
	added := x.Entities[len(x.Entities)-1]
	if added.Name != "张三" || added.Type != nlp.Official || added.ID != nlp.EntityID(nlp.Official, "张三", "Hospital/甲市人民医院") || added.Confidence != round3(sigmoid(3)) {
		t.Fatalf("added %+v", added)
	}
	last := x.Mentions[len(x.Mentions)-1]
	if last.Entity != added.ID || x.Doc.Text[last.Start:last.End] != "张三" {
		t.Errorf("mention %+v", last)
	}
	// A model whose person decider has no threshold adds nothing.
	x = handMade()
	x.Entities = x.Entities[:3]
	m.Keep([]Kind{EntityKind})
	n := len(x.Entities)
	addNames(x, m.chooseNames(newFeaturizer(x)), "Hospital/甲市人民医院")
	if len(x.Entities) != n {
		t.Errorf("a model not deciding persons added %+v", x.Entities[n:])
	}
}

// TestRetypeEntity: an institution retyped as a department takes the main
// organisation as its parent and a new identity, and the facts naming it
// follow; one retyped into an entity the document already has becomes it.
func TestRetypeEntity(t *testing.T) {
	x := handMade()
	x.Relations = append(x.Relations, nlp.Relation{Subject: "Institution/某某委员会", Predicate: nlp.Supports, Object: "Hospital/乙县医院"})
	retypeEntity(x, "Institution/某某委员会", chosenRetype{nlp.Department, 0.9}, "Hospital/甲市人民医院")
	e, ok := x.Entity("Department/Hospital/甲市人民医院/某某委员会")
	if !ok || e.Parent != "Hospital/甲市人民医院" || e.Confidence != 0.9 {
		t.Fatalf("retyped entity %+v (found %v)", e, ok)
	}
	if x.Mentions[1].Entity != e.ID || x.Relations[1].Subject != e.ID {
		t.Errorf("facts still name the old entity: %+v %+v", x.Mentions[1], x.Relations[1])
	}
	// A department retyped as a hospital that the document names already.
	x = handMade()
	x.Entities = append(x.Entities, nlp.Entity{ID: "Department/Hospital/甲市人民医院/乙县医院", Type: nlp.Department, Name: "乙县医院", Parent: "Hospital/甲市人民医院", Aliases: []string{"乙县院"}})
	n := len(x.Entities)
	retypeEntity(x, "Department/Hospital/甲市人民医院/乙县医院", chosenRetype{nlp.Hospital, 0.8}, "Hospital/甲市人民医院")
	if len(x.Entities) != n-1 {
		t.Fatalf("%d entities, want %d", len(x.Entities), n-1)
	}
	if e, _ := x.Entity("Hospital/乙县医院"); len(e.Aliases) != 1 || e.Aliases[0] != "乙县院" {
		t.Errorf("merged entity %+v", e)
	}
	// Without a main organisation, nothing becomes a department.
	x = handMade()
	retypeEntity(x, "Institution/某某委员会", chosenRetype{nlp.Department, 0.9}, "")
	if _, ok := x.Entity("Institution/某某委员会"); !ok {
		t.Error("an institution became a department with no parent")
	}
}
