package model

import (
	"bytes"
	"math"
	"testing"

	"hospkg/intake"
	"hospkg/nlp"
)

// handMade is a small extraction: a hospital with a department, a second
// department, an official holding a post at the hospital, an isolated
// institution and a relation between the hospital and another hospital.
func handMade() *nlp.Extraction {
	text := "甲市人民医院骨科主任张三表示，甲市人民医院与乙县医院签约，心内科和某某委员会参加。"
	doc := intake.Document{Name: "hand.txt", Text: text, Original: text}
	return &nlp.Extraction{
		Doc:       doc,
		Sentences: []nlp.Sentence{{Index: 0, Start: 0, End: len(text), Text: text, Evidence: text}},
		Entities: []nlp.Entity{
			{ID: "Hospital/甲市人民医院", Type: nlp.Hospital, Name: "甲市人民医院"},
			{ID: "Department/Hospital/甲市人民医院/骨科", Type: nlp.Department, Name: "骨科", Parent: "Hospital/甲市人民医院"},
			{ID: "Department/Hospital/甲市人民医院/心内科", Type: nlp.Department, Name: "心内科", Parent: "Hospital/甲市人民医院"},
			{ID: "Official/张三", Type: nlp.Official, Name: "张三"},
			{ID: "Hospital/乙县医院", Type: nlp.Hospital, Name: "乙县医院"},
			{ID: "Institution/某某委员会", Type: nlp.Institution, Name: "某某委员会"},
		},
		Mentions: []nlp.Mention{
			{Entity: "Hospital/甲市人民医院", Sentence: 0, Start: 0, End: len("甲市人民医院")},
			{Entity: "Institution/某某委员会", Sentence: 0, Start: len(text) - len("某某委员会参加。"), End: len(text) - len("参加。")},
		},
		Relations: []nlp.Relation{{Subject: "Hospital/甲市人民医院", Predicate: nlp.PartnerOf, Object: "Hospital/乙县医院", Sentence: 0, Rule: "sign"}},
		Positions: []nlp.Position{{Person: "Official/张三", Title: "主任", Org: "Department/Hospital/甲市人民医院/骨科", Sentence: 0}},
	}
}

// constant is a model that gives every candidate of the three kinds of fact
// the same confidence, sigmoid(bias), and drops those below threshold; it
// adds no names and retypes nothing.
func constant(bias [3]float64, threshold [3]float64) *Model {
	m := &Model{}
	for k := EntityKind; k <= PositionKind; k++ {
		m.Deciders[k] = Decider{Weights: &Logistic{Bias: bias[k], Weights: map[uint32]float64{}}, A: 1,
			Thresholds: map[string]float64{}, Priors: map[string]float64{}}
		for _, sub := range []string{"Hospital", "Department", "Official", "Institution", "supports", "affiliated_with", "partner_of", "position"} {
			m.Deciders[k].Thresholds[sub] = threshold[k]
			m.Deciders[k].Priors[sub] = 0.25
		}
	}
	return m
}

func TestDecideKeepsWhatFactsVouchFor(t *testing.T) {
	x := handMade()
	// Every entity below its threshold; relations and positions above.
	m := constant([3]float64{-3, 3, 3}, [3]float64{0.5, 0.5, 0.5})
	m.Decide(x)
	var kept []string
	for _, e := range x.Entities {
		kept = append(kept, e.Name)
		if e.Confidence != round3(sigmoid(-3)) {
			t.Errorf("%s: confidence %v, want %v", e.Name, e.Confidence, round3(sigmoid(-3)))
		}
	}
	// 骨科 holds a kept position and vouches for its parent; the two
	// hospitals are the ends of a kept relation; 心内科 and the institution
	// have no fact and go.
	want := []string{"甲市人民医院", "骨科", "张三", "乙县医院"}
	if !equal(kept, want) {
		t.Fatalf("kept %v, want %v", kept, want)
	}
	if len(x.Mentions) != 1 || x.Mentions[0].Entity != "Hospital/甲市人民医院" {
		t.Errorf("mentions of dropped entities kept: %+v", x.Mentions)
	}
	if len(x.Relations) != 1 || len(x.Positions) != 1 {
		t.Errorf("kept %d relations and %d positions, want 1 and 1", len(x.Relations), len(x.Positions))
	}
	if x.Relations[0].Confidence != round3(sigmoid(3)) {
		t.Errorf("relation confidence %v", x.Relations[0].Confidence)
	}
}

func TestDecideDropsFactsOfDroppedEntities(t *testing.T) {
	x := handMade()
	// Everything below threshold: nothing vouches, everything goes.
	m := constant([3]float64{-3, -3, -3}, [3]float64{0.5, 0.5, 0.5})
	m.Decide(x)
	if len(x.Entities)+len(x.Mentions)+len(x.Relations)+len(x.Positions) != 0 {
		t.Fatalf("left %+v", x)
	}
}

func TestPriorKeepsEverything(t *testing.T) {
	x := handMade()
	m := constant([3]float64{-3, -3, -3}, [3]float64{0.5, 0.5, 0.5})
	m.Prior(x)
	if len(x.Entities) != 6 || len(x.Relations) != 1 || len(x.Positions) != 1 {
		t.Fatalf("Prior dropped facts: %+v", x)
	}
	for _, e := range x.Entities {
		if e.Confidence != 0.25 {
			t.Errorf("%s: confidence %v, want the prior 0.25", e.Name, e.Confidence)
		}
	}
}

func TestCandidatesFollowTheExtraction(t *testing.T) {
	x := handMade()
	cands := Candidates(x)
	if len(cands) != len(x.Entities)+len(x.Relations)+len(x.Positions) {
		t.Fatalf("%d candidates", len(cands))
	}
	for _, c := range cands {
		if len(c.Features) < 5 {
			t.Errorf("%v %d: only %d features", c.Kind, c.Index, len(c.Features))
		}
		for _, f := range c.Features {
			if f >= 1<<featureBits {
				t.Errorf("feature %d outside the hashed space", f)
			}
		}
	}
	lines := Lines(x)
	if len(lines) != len(cands) || lines[6].Subject != "甲市人民医院" || lines[7].Org != "骨科" {
		t.Errorf("lines do not follow the candidates: %+v", lines)
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	m := constant([3]float64{-1, 0.5, 2}, [3]float64{0.3, 0, 0.1})
	m.Deciders[EntityKind].Weights.Weights[7] = 0.25
	m.Deciders[EntityKind].A, m.Deciders[EntityKind].B = 0.8, -0.1
	var first bytes.Buffer
	if err := m.Encode(&first); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(first.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var second bytes.Buffer
	if err := back.Encode(&second); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatal("a model read back encodes differently")
	}
	c := Candidate{Kind: EntityKind, Features: []uint32{7, 9}}
	if m.Confidence(c) != back.Confidence(c) {
		t.Errorf("confidence %v, read back %v", m.Confidence(c), back.Confidence(c))
	}
	for _, bad := range [][]byte{nil, []byte("hospkg-model-0\n"), first.Bytes()[:len(first.Bytes())-3], append(first.Bytes(), 0)} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode accepted %d bytes of a damaged model", len(bad))
		}
	}
}

func TestPlattCalibrates(t *testing.T) {
	// Logits twice too confident: the true probability is sigmoid(z/2).
	var z []float64
	var right []bool
	for i := 0; i < 4000; i++ {
		zi := float64(i%81-40) / 10
		z = append(z, zi)
		// deterministic labels at the rate sigmoid(zi/2)
		right = append(right, float64((i*7919)%1000)/1000 < sigmoid(zi/2))
	}
	a, b := platt(z, right)
	if math.Abs(a-0.5) > 0.08 || math.Abs(b) > 0.15 {
		t.Errorf("platt gave a=%.3f b=%.3f, want about 0.5 and 0", a, b)
	}
	if a, b := platt([]float64{1, 2}, []bool{true, true}); a != 1 || b != 0 {
		t.Errorf("one-class data gave a=%v b=%v, want the logits as they are", a, b)
	}
}

func TestThresholdsMaximiseF1(t *testing.T) {
	// Three right candidates above two wrong ones: dropping the wrong ones
	// raises F1, with one more gold fact the rules missed.
	items := []labelled{
		{sub: "Hospital", right: true}, {sub: "Hospital", right: true}, {sub: "Hospital", right: true},
		{sub: "Hospital", right: false}, {sub: "Hospital", right: false},
	}
	z := []float64{3, 2, 1, -1, -2}
	got := thresholds(items, z, 1, 0, map[string]int{"Hospital": 4})
	if want := round3(sigmoid(1)); got["Hospital"] != want {
		t.Errorf("threshold %v, want %v", got["Hospital"], want)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
