package eval

import (
	"reflect"
	"testing"
)

func TestLabel(t *testing.T) {
	gold := GoldDocument{
		Entities: []GoldEntity{
			{Name: "北京大学第一医院", Type: "Hospital", Aliases: []string{"北大医院"}},
			{Name: "密云医院", Type: "Hospital"},
			{Name: "王俊", Type: "Official"},
		},
		Relations: []GoldRelation{{Subject: "北京大学第一医院", Predicate: "supports", Object: "密云医院"}},
		Positions: []GoldPosition{{Person: "王俊", Title: "院长", Org: "北京大学第一医院"}},
	}
	pred := []Line{
		{Kind: KindEntity, Name: "北大医院", Type: "Hospital"},    // an alias of the gold name
		{Kind: KindEntity, Name: "密云医院", Type: "Institution"}, // wrong type
		{Kind: KindEntity, Name: "进一步提高医院", Type: "Hospital"}, // junk
		{Kind: KindRelation, Subject: "北大医院", Predicate: "supports", Object: "密云医院"},
		{Kind: KindRelation, Subject: "北大医院", Predicate: "supports", Object: "密云医院"}, // the same fact again
		{Kind: KindRelation, Subject: "密云医院", Predicate: "supports", Object: "北大医院"}, // the wrong way round
		{Kind: KindPosition, Person: "王俊", Title: "院长", Org: "北大医院"},
		{Kind: KindPosition, Person: "王俊", Title: "书记", Org: "北大医院"},
	}
	got := Label(gold, pred)
	want := []bool{true, false, false, true, true, false, true, false}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("labels %v, want %v", got, want)
	}
}
