package graph

import "testing"

func TestCombineConfidence(t *testing.T) {
	for _, c := range []struct {
		perDoc map[string]float64
		want   float64
		ok     bool
	}{
		{nil, 0, false},
		{map[string]float64{"a": 0.8}, 0.8, true},
		{map[string]float64{"a": 0.5, "b": 0.5}, 0.75, true},
		{map[string]float64{"a": 0.9, "b": 0.2, "c": 0.1}, 0.928, true},
		{map[string]float64{"a": 1.2}, 1, true}, // clamped
	} {
		got, ok := combineConfidence(c.perDoc)
		if got != c.want || ok != c.ok {
			t.Errorf("combine %v = %v, %v; want %v, %v", c.perDoc, got, ok, c.want, c.ok)
		}
	}
	perDoc := noteConfidence(nil, "a", 0.3)
	perDoc = noteConfidence(perDoc, "a", 0.6)
	perDoc = noteConfidence(perDoc, "a", 0.4)
	if perDoc["a"] != 0.6 {
		t.Errorf("a document's highest confidence is %v, want 0.6", perDoc["a"])
	}
}
