package nlp

import (
	"testing"

	"hospkg/intake"
)

// The pairs are (alias, canonical name) pairs the extractor gives the real
// corpus articles (eval/corpus/docs).
func TestShortFormEvidence(t *testing.T) {
	cases := []struct {
		short, full string
		want        bool
	}{
		{"北大医院", "北京大学第一医院", true},
		{"衡水二院", "衡水市第二人民医院", true},
		{"哈医大二院", "哈尔滨医科大学附属第二医院", true},
		{"内蒙古自治区卫生健康委", "内蒙古自治区卫生健康委员会", true},
		{"北京天坛医院", "首都医科大学附属北京天坛医院", true},
		{"南投医院", "卫福部南投医院", true},
		{"青海省人民医院", "青海省玉树藏族自治州人民医院", false}, // another hospital
		{"自治区人民医院", "内蒙古自治区人民医院", false},
		{"市中心医院", "大连市中心医院", false},
		{"市政府", "眉山市人民政府", false},
		{"区委", "万州区委", false},
		{"中医院", "新昌县中医院", false},
		{"儿童医院", "附属儿童医院", false},
		{"肺科医院", "山西医科大学附属肺科医院", false},
		{"仁伯爵综合医院", "原由仁伯爵综合医院", false}, // a tail behind words that are no body
		{"第一附属医院", "皖南医学院第一附属医院", false},
	}
	for _, tc := range cases {
		t.Run(tc.short, func(t *testing.T) {
			if got := !genericShortName(tc.short) && abbreviatesAcross(tc.short, tc.full); got != tc.want {
				t.Errorf("%s of %s: %v, want %v", tc.short, tc.full, got, tc.want)
			}
		})
	}
}

func TestMarkShortFormsReadsDefinitions(t *testing.T) {
	x := &Extraction{
		Doc: intake.Document{Text: "中国科学院苏州生物医学工程技术研究所(以下简称“苏州医工所”)与本院签约。"},
		Entities: []Entity{
			{ID: "Institution/中国科学院苏州生物医学工程技术研究所", Type: Institution, Name: "中国科学院苏州生物医学工程技术研究所", Aliases: []string{"苏州医工所"}},
			{ID: "Hospital/本院", Type: Hospital, Name: "本院", Aliases: []string{"我院"}},
		},
	}
	MarkShortForms(x)
	if got := x.Entities[0].ShortForms; len(got) != 1 || got[0] != "苏州医工所" {
		t.Errorf("short forms %v", got)
	}
	if got := x.Entities[1].ShortForms; len(got) != 0 {
		t.Errorf("generic short forms %v", got)
	}
}
