package graph

import (
	"hospkg/intake"
	"hospkg/nlp"
)

// Sentences of seeds/001_cbff99e1412477c5.txt, as the fixtures' evidence.
const (
	sentenceMeeting = "4月13日-14日,北京大学第一医院密云医院开展“以文化建设助学科提升 以高质量发展促三甲创建”为主题的2024年工作研讨暨干部培训会,国家卫生健康委应急司司长郭燕红,市卫生健康委党委书记钟东波出席并讲话,密云区副区长施辉阳作开场致辞。"
	sentenceGuo     = "郭燕红司长指出,两院深度融合以来,密云医院作为北大医院“一体两翼”发展战略中的关键“一翼”,发挥了重要作用。"
	sentenceExperts = "融合以来,北大医院本着医疗先行学科统筹管理督导的原则,立足快速提升医疗服务能力,加快人才培养的目标,全面加强管理,持续安排专家到密云医院开展临床教学等工作。"
)

// Entity IDs shared by the fixtures.
var (
	idPKUFirst = nlp.EntityID(nlp.Hospital, "北京大学第一医院", "")
	idMiyun    = nlp.EntityID(nlp.Hospital, "北京大学第一医院密云医院", "")
	idGuo      = nlp.EntityID(nlp.Official, "郭燕红", "")
	idNHC      = nlp.EntityID(nlp.Institution, "国家卫生健康委应急司", "")
	idBurns    = nlp.EntityID(nlp.Department, "整形烧伤外科", idPKUFirst)
)

func sentences(texts ...string) []nlp.Sentence {
	out := make([]nlp.Sentence, len(texts))
	start := 0
	for i, t := range texts {
		out[i] = nlp.Sentence{Index: i, Start: start, End: start + len(t), Text: t, Evidence: t}
		start += len(t)
	}
	return out
}

// miyunV1 is the seed article about 北大医院密云医院 with the facts the gold
// file lists for it.
func miyunV1(name string) *nlp.Extraction {
	return &nlp.Extraction{
		Doc:       intake.Document{Name: name, Title: "北大医院密云医院召开2024年工作研讨暨干部培训会"},
		Sentences: sentences(sentenceMeeting, sentenceGuo, sentenceExperts),
		Entities: []nlp.Entity{
			{ID: idPKUFirst, Type: nlp.Hospital, Name: "北京大学第一医院", Aliases: []string{"北大医院"}},
			{ID: idMiyun, Type: nlp.Hospital, Name: "北京大学第一医院密云医院", Aliases: []string{"密云医院"}},
			{ID: idGuo, Type: nlp.Official, Name: "郭燕红"},
			{ID: idNHC, Type: nlp.Institution, Name: "国家卫生健康委应急司"},
			{ID: idBurns, Type: nlp.Department, Name: "整形烧伤外科", Parent: idPKUFirst},
		},
		Mentions: []nlp.Mention{
			{Entity: idMiyun, Sentence: 0}, {Entity: idNHC, Sentence: 0}, {Entity: idGuo, Sentence: 0},
			{Entity: idGuo, Sentence: 1}, {Entity: idMiyun, Sentence: 1}, {Entity: idPKUFirst, Sentence: 1},
			{Entity: idPKUFirst, Sentence: 2}, {Entity: idMiyun, Sentence: 2},
		},
		Relations: []nlp.Relation{
			{Subject: idPKUFirst, Predicate: nlp.Supports, Object: idMiyun, Sentence: 2},
			{Subject: idMiyun, Predicate: nlp.AffiliatedWith, Object: idPKUFirst, Sentence: 1},
		},
		Positions: []nlp.Position{{Person: idGuo, Title: "司长", Org: idNHC, Sentence: 0}},
	}
}

// miyunV2 is the same document read differently: no affiliation, no
// department, another alias and the position from another sentence.
func miyunV2(name string) *nlp.Extraction {
	x := miyunV1(name)
	x.Entities = []nlp.Entity{
		{ID: idPKUFirst, Type: nlp.Hospital, Name: "北京大学第一医院", Aliases: []string{"北大"}},
		{ID: idMiyun, Type: nlp.Hospital, Name: "北京大学第一医院密云医院", Aliases: []string{"密云医院"}},
		{ID: idGuo, Type: nlp.Official, Name: "郭燕红"},
		{ID: idNHC, Type: nlp.Institution, Name: "国家卫生健康委应急司"},
	}
	x.Relations = x.Relations[:1]
	x.Positions = []nlp.Position{{Person: idGuo, Title: "司长", Org: idNHC, Sentence: 1}}
	return x
}

// otherDoc is a second document naming 北京大学第一医院, so that the two
// documents share an entity node.
func otherDoc(name string) *nlp.Extraction {
	return &nlp.Extraction{
		Doc:       intake.Document{Name: name, Title: "其他"},
		Sentences: sentences(sentenceExperts),
		Entities: []nlp.Entity{
			{ID: idPKUFirst, Type: nlp.Hospital, Name: "北京大学第一医院", Aliases: []string{"北大一院"}},
			{ID: idMiyun, Type: nlp.Hospital, Name: "北京大学第一医院密云医院"},
		},
		Mentions:  []nlp.Mention{{Entity: idPKUFirst, Sentence: 0}, {Entity: idMiyun, Sentence: 0}},
		Relations: []nlp.Relation{{Subject: idPKUFirst, Predicate: nlp.Supports, Object: idMiyun, Sentence: 0}},
	}
}
