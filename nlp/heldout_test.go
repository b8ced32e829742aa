package nlp_test

import (
	"os"
	"testing"

	"hospkg/intake"
	"hospkg/nlp"
)

// TestHeldOutArticles runs the pipeline over articles that are not seeds,
// written (not found: see testdata/heldout/README.md) in the style of real
// hospital news with names the lexicons do not list, and checks the facts a
// reader would put in the graph. It guards the rules against regressions;
// the real, blind-scored corpus is eval/corpus.
func TestHeldOutArticles(t *testing.T) {
	// fact is a relation (subject, predicate, object) or a position (person,
	// title, organisation).
	type fact struct{ subject, predicate, object string }
	cases := []struct {
		file      string
		entities  map[string]nlp.EntityType
		aliases   map[string]string // alias → canonical name
		relations []fact
		positions []fact // person, title, org
		// onlyRelations: the text states no relation beyond relations.
		onlyRelations bool
	}{
		{
			file: "zhengzhou_denfeng.txt",
			entities: map[string]nlp.EntityType{
				"郑州大学第一附属医院": nlp.Hospital, "登封市人民医院": nlp.Hospital, "复旦大学附属中山医院": nlp.Hospital,
				"云南省富宁县人民医院": nlp.Hospital, "上海交通大学医学院附属瑞金医院": nlp.Hospital, "四川省人民医院": nlp.Hospital,
				"河南省卫生健康委员会": nlp.Institution,
				"神经内科":       nlp.Department, "心血管内科": nlp.Department,
			},
			relations: []fact{
				{"郑州大学第一附属医院", "supports", "登封市人民医院"},
				{"复旦大学附属中山医院", "supports", "云南省富宁县人民医院"},
				{"上海交通大学医学院附属瑞金医院", "partner_of", "四川省人民医院"},
			},
			positions: []fact{
				{"刘章锁", "党委书记", "郑州大学第一附属医院"},
				{"刘宏建", "院长", "郑州大学第一附属医院"},
				{"赵振华", "院长", "登封市人民医院"},
				{"黄红霞", "副主任", "河南省卫生健康委员会"},
			},
		},
		{
			file: "zheyi_jiande.txt",
			entities: map[string]nlp.EntityType{
				"浙江大学医学院附属第一医院": nlp.Hospital, "建德市第一人民医院": nlp.Hospital, "之江院区": nlp.Hospital,
				"余杭院区": nlp.Hospital, "浙江大学医学院": nlp.Institution, "杭州市卫生健康委员会": nlp.Institution,
				"建德市委": nlp.Institution,
			},
			aliases: map[string]string{"浙大一院": "浙江大学医学院附属第一医院", "建德市政府": "建德市人民政府"},
			relations: []fact{
				{"浙江大学医学院附属第一医院", "supports", "建德市第一人民医院"},
				{"之江院区", "affiliated_with", "浙江大学医学院附属第一医院"},
				{"余杭院区", "affiliated_with", "浙江大学医学院附属第一医院"},
			},
			positions: []fact{
				{"梁廷波", "党委书记", "浙江大学医学院附属第一医院"},
				{"黄海峰", "副书记", "建德市委"},
				{"黄海峰", "市长", "建德市人民政府"},
				{"张新华", "执行院长", "建德市第一人民医院"},
				{"刘芳", "副院长", "建德市第一人民医院"},
				{"李强", "副院长", "建德市第一人民医院"},
				{"谢永明", "副主任", "杭州市卫生健康委员会"},
			},
		},
		{
			// Traditional characters with scraper pinyin, as in seed 004.
			file: "nanchang_jian_traditional.txt",
			entities: map[string]nlp.EntityType{
				"南昌大学第二附属医院": nlp.Hospital, "吉安市中心人民医院": nlp.Hospital, "吉安市卫生健康委员会": nlp.Institution, "心血管内科": nlp.Department, "神经外科": nlp.Department,
			},
			aliases: map[string]string{"南昌大學第二附屬醫院": "南昌大学第二附属医院", "吉安市中心人民醫院": "吉安市中心人民医院"},
			relations: []fact{
				{"南昌大学第二附属医院", "supports", "吉安市中心人民医院"},
				{"吉安市中心人民医院", "affiliated_with", "南昌大学第二附属医院"},
			},
			positions: []fact{
				{"刘建平", "副院长", "南昌大学第二附属医院"},
				{"陈志强", "党委书记", "吉安市中心人民医院"},
				{"胡晓东", "院长", "吉安市中心人民医院"},
				{"周文斌", "副主任", "吉安市卫生健康委员会"},
			},
		},
		{
			file: "yichang_zigui.txt",
			entities: map[string]nlp.EntityType{
				"宜昌市中心人民医院": nlp.Hospital, "秭归县人民医院": nlp.Hospital, "秭归县中医医院": nlp.Hospital,
				"秭归县妇幼保健院": nlp.Hospital, "宜昌市中心人民医院心血管专科联盟": nlp.Hospital,
				"宜昌市卫生健康委员会": nlp.Institution, "秭归县委": nlp.Institution, "心血管内科": nlp.Department,
			},
			relations: []fact{
				{"宜昌市中心人民医院", "supports", "秭归县人民医院"},
				{"秭归县中医医院", "affiliated_with", "宜昌市中心人民医院心血管专科联盟"},
				{"秭归县妇幼保健院", "affiliated_with", "宜昌市中心人民医院心血管专科联盟"},
				{"宜昌市中心人民医院", "affiliated_with", "三峡大学"},
			},
			positions: []fact{
				{"周娟", "副书记", "秭归县委"},
				{"王红", "党组书记", "宜昌市卫生健康委员会"},
				{"王红", "主任", "宜昌市卫生健康委员会"},
				{"刘丰", "党委书记", "宜昌市中心人民医院"},
				{"刘宏", "院长", "宜昌市中心人民医院"},
				{"杨军", "院长", "秭归县人民医院"},
				{"张明", "主任医师", "心血管内科"},
			},
		},
		{
			// An annual report in the first person (我院), with a hospital
			// group, a 托管 township centre and short names after 附属.
			file: "changzhou_annual_report.txt",
			entities: map[string]nlp.EntityType{
				"常州市第三人民医院": nlp.Hospital, "上海交通大学医学院附属仁济医院": nlp.Hospital,
				"西藏日喀则市人民医院": nlp.Hospital, "新疆克州人民医院": nlp.Hospital, "金坛区直溪镇卫生院": nlp.Hospital,
				"武进区洛阳镇卫生院": nlp.Hospital, "天宁区青龙街道社区卫生服务中心": nlp.Hospital,
				"常州市第三人民医院医疗集团": nlp.Hospital, "南京医科大学": nlp.Institution,
				"常州市卫生健康委员会": nlp.Institution, "眼科": nlp.Department, "医务科": nlp.Department, "护理部": nlp.Department,
			},
			aliases: map[string]string{"仁济医院": "上海交通大学医学院附属仁济医院"},
			relations: []fact{
				{"常州市第三人民医院", "supports", "西藏日喀则市人民医院"},
				{"常州市第三人民医院", "supports", "新疆克州人民医院"},
				{"常州市第三人民医院", "supports", "金坛区直溪镇卫生院"},
				{"常州市第三人民医院", "partner_of", "上海交通大学医学院附属仁济医院"},
				{"常州市第三人民医院", "affiliated_with", "南京医科大学"},
			},
			positions: []fact{
				{"徐国强", "党委书记", "常州市第三人民医院"},
				{"李建华", "院长", "常州市第三人民医院"},
				{"王志刚", "副院长", "常州市第三人民医院"},
			},
		},
		{
			// National-commission news: departments named with their body,
			// branches named after their parent plus a place.
			file: "regional_centres.txt",
			entities: map[string]nlp.EntityType{
				"四川大学华西医院": nlp.Hospital, "四川大学华西厦门医院": nlp.Hospital, "复旦大学附属华山医院": nlp.Hospital,
				"复旦大学附属华山医院福建医院": nlp.Hospital, "北京协和医院": nlp.Hospital, "宁夏回族自治区人民医院": nlp.Hospital,
				"国家卫生健康委": nlp.Institution, "国家卫生健康委医政司": nlp.Department, "国家中医药管理局医政司": nlp.Department,
				"厦门市人民政府": nlp.Institution,
			},
			aliases: map[string]string{"华西医院": "四川大学华西医院"},
			relations: []fact{
				{"复旦大学附属华山医院福建医院", "affiliated_with", "复旦大学附属华山医院"},
				{"北京协和医院", "supports", "宁夏回族自治区人民医院"},
				{"四川大学华西医院", "partner_of", "厦门市人民政府"},
			},
			positions: []fact{
				{"焦雅辉", "司长", "国家卫生健康委医政司"},
				{"薛海宁", "副司长", "国家卫生健康委体制改革司"},
				{"严华国", "司长", "国家中医药管理局医政司"},
				{"韩丁", "副院长", "北京协和医院"},
			},
		},
		{
			// The ways officials are written: ORG TITLE、TITLE NAME, 据…介绍,
			// a profile (NAME,TITLE), 巡视员 ranks and bylines.
			file: "xiamen_officials.txt",
			entities: map[string]nlp.EntityType{
				"厦门大学附属中山医院": nlp.Hospital, "厦门市卫生健康委员会": nlp.Institution,
				"医务部": nlp.Department,
			},
			relations: nil, // 厦门大学 stands only inside the hospital's name (GUIDE.md)
			positions: []fact{
				{"王效春", "院长", "厦门大学附属中山医院"},
				{"王效春", "党委副书记", "厦门大学附属中山医院"},
				{"陈明", "主任", "医务部"},
				{"林桂平", "副院长", "厦门大学附属中山医院"},
				{"黄志强", "主任医师", "厦门大学附属中山医院"},
				{"杨叔禹", "副主任", "厦门市卫生健康委员会"},
				{"杨叔禹", "一级巡视员", "厦门市卫生健康委员会"},
				{"刘敏", "撰稿", "厦门大学附属中山医院"},
				{"张伟", "审核", "厦门大学附属中山医院"},
			},
		},
		{
			// Many organisations, few relations: sister hospitals attending a
			// meeting are no partners, a commission's line no support.
			file: "quanzhou_no_relations.txt",
			entities: map[string]nlp.EntityType{
				"泉州市第一医院": nlp.Hospital, "泉州市第二医院": nlp.Hospital, "泉州市中医院": nlp.Hospital,
				"泉州市妇幼保健院": nlp.Hospital, "泉州市卫生健康委员会": nlp.Institution, "省纪委监委": nlp.Institution,
				"市纪委监委": nlp.Institution, "福建医科大学": nlp.Institution, "护理部": nlp.Department,
			},
			relations: []fact{
				{"泉州市第一医院", "affiliated_with", "福建医科大学"},
				{"泉州市第二医院", "affiliated_with", "福建医科大学"},
			},
			positions: []fact{
				{"郑俊毅", "党委副书记", "泉州市第一医院"},
				{"郑俊毅", "院长", "泉州市第一医院"},
				{"陈鸿彬", "党委书记", "泉州市第一医院"},
			},
			onlyRelations: true,
		},
		{
			// Group aid (组团式援疆): lists of helpers, three-party agreements,
			// 托管 lists and a group the hospital leads.
			file: "kashgar_aid.txt",
			entities: map[string]nlp.EntityType{
				"喀什地区第一人民医院": nlp.Hospital, "上海市第六人民医院": nlp.Hospital,
				"上海交通大学医学院附属瑞金医院": nlp.Hospital, "新疆医科大学第一附属医院": nlp.Hospital,
				"莎车县人民医院": nlp.Hospital, "泽普县人民医院": nlp.Hospital, "喀什地区医疗联合体": nlp.Hospital,
				"喀什大学": nlp.Institution,
			},
			relations: []fact{
				{"上海市第六人民医院", "supports", "喀什地区第一人民医院"},
				{"上海交通大学医学院附属瑞金医院", "supports", "喀什地区第一人民医院"},
				{"喀什地区第一人民医院", "partner_of", "新疆医科大学第一附属医院"},
				{"喀什地区第一人民医院", "partner_of", "喀什大学"},
				{"喀什地区第一人民医院", "supports", "莎车县人民医院"},
				{"喀什地区第一人民医院", "supports", "泽普县人民医院"},
				{"喀什地区第一人民医院", "supports", "喀什地区医疗联合体"},
			},
			positions: []fact{
				{"李明", "院长", "喀什地区第一人民医院"},
				{"李明", "副院长", "上海市第六人民医院"},
			},
			onlyRelations: true,
		},
		{
			// A campus in brackets, 该院, and an abbreviation made of the full
			// name's characters (温医大附一院).
			file: "wenzhou_campus.txt",
			entities: map[string]nlp.EntityType{
				"温州医科大学附属第一医院": nlp.Hospital, "南白象院区": nlp.Hospital, "泌尿外科": nlp.Department, "麻醉科": nlp.Department, "消化内镜中心": nlp.Department,
			},
			aliases: map[string]string{"温医大附一院": "温州医科大学附属第一医院"},
			relations: []fact{
				{"南白象院区", "affiliated_with", "温州医科大学附属第一医院"},
			},
			positions: []fact{
				{"吴坚", "主任", "泌尿外科"},
				{"吴坚", "主任医师", "泌尿外科"},
				{"金胜威", "副主任", "麻醉科"},
			},
			onlyRelations: true,
		},
		{
			// A county medical community: a named group, its members listed,
			// the hospital leading it, and support from a university hospital.
			file: "deqing_county_community.txt",
			entities: map[string]nlp.EntityType{
				"德清县人民医院": nlp.Hospital, "德清县人民医院健康共同体": nlp.Hospital, "新市镇卫生院": nlp.Hospital,
				"乾元镇卫生院": nlp.Hospital, "浙江大学医学院附属邵逸夫医院": nlp.Hospital, "县卫健局": nlp.Institution,
				"湖州市卫生健康委员会": nlp.Institution,
			},
			aliases: map[string]string{"邵逸夫医院": "浙江大学医学院附属邵逸夫医院"},
			relations: []fact{
				{"新市镇卫生院", "affiliated_with", "德清县人民医院健康共同体"},
				{"乾元镇卫生院", "affiliated_with", "德清县人民医院健康共同体"},
				{"德清县人民医院", "supports", "德清县人民医院健康共同体"},
				{"浙江大学医学院附属邵逸夫医院", "supports", "德清县人民医院"},
				{"浙江大学医学院附属邵逸夫医院", "partner_of", "德清县人民医院"},
			},
			positions: []fact{
				{"沈建华", "局长", "县卫健局"},
				{"朱国强", "副主任", "湖州市卫生健康委员会"},
			},
		},
		{
			// A new-year letter in the first person: the hospital is named
			// only in the sign-off, which makes it the article's hospital.
			file: "ganzhou_new_year_letter.txt",
			entities: map[string]nlp.EntityType{
				"赣州市人民医院": nlp.Hospital, "瑞金市人民医院": nlp.Hospital, "江西省肿瘤医院": nlp.Hospital,
				"解放军总医院第一医学中心": nlp.Hospital, "赣州市委": nlp.Institution, "赣州市政府": nlp.Institution,
				"省卫生健康委": nlp.Institution,
			},
			relations: []fact{
				{"赣州市人民医院", "supports", "瑞金市人民医院"},
				{"赣州市人民医院", "partner_of", "解放军总医院第一医学中心"},
				{"赣州市人民医院", "partner_of", "江西省肿瘤医院"},
			},
			positions: []fact{
				{"曾建平", "党委书记", "赣州市人民医院"},
				{"胡伟", "院长", "赣州市人民医院"},
			},
		},
		{
			// The ways support is written, and place names gse cannot read
			// (正安县, 务川自治县, 道真自治县, 遵义医科大学).
			file: "zunyi_support_phrasings.txt",
			entities: map[string]nlp.EntityType{
				"遵义医科大学附属医院": nlp.Hospital, "正安县人民医院": nlp.Hospital, "遵义市第一人民医院": nlp.Hospital,
				"务川自治县人民医院": nlp.Hospital, "贵州省人民医院": nlp.Hospital, "道真自治县人民医院": nlp.Hospital,
				"湄潭县人民医院": nlp.Hospital, "遵义市妇幼保健院": nlp.Hospital},
			relations: []fact{
				{"遵义医科大学附属医院", "supports", "正安县人民医院"},
				{"遵义市第一人民医院", "supports", "务川自治县人民医院"},
				{"贵州省人民医院", "supports", "道真自治县人民医院"},
				{"湄潭县人民医院", "partner_of", "遵义市妇幼保健院"},
			},
			onlyRelations: true,
		},
		{
			// A university and a city government building a hospital; a
			// president whose name is also a word (高松).
			file: "sysu_eighth_hospital.txt",
			entities: map[string]nlp.EntityType{
				"中山大学附属第八医院": nlp.Hospital, "中山大学": nlp.Institution, "广州市人民政府": nlp.Institution,
				"广州市卫生健康委员会": nlp.Institution, "广东省卫生健康委员会": nlp.Institution,
			},
			aliases: map[string]string{"广州市政府": "广州市人民政府"},
			relations: []fact{
				{"中山大学附属第八医院", "affiliated_with", "中山大学"},
				{"中山大学", "partner_of", "广州市人民政府"},
				// A school named under its university is its unit, as
				// 南华大学衡阳医学院 is 南华大学's.
				{"中山大学中山医学院", "affiliated_with", "中山大学"},
			},
			positions: []fact{
				{"高松", "校长", "中山大学"},
				{"王焕清", "副市长", "广州市人民政府"},
				{"宋尔卫", "院长", "中山大学中山医学院"},
				{"朱宏", "主任", "广东省卫生健康委员会"},
			},
			onlyRelations: true,
		},
		{
			// International cooperation, joining an association, and
			// hospitals that only attend.
			file: "qingdao_international.txt",
			entities: map[string]nlp.EntityType{
				"青岛大学附属医院": nlp.Hospital, "香港大学深圳医院": nlp.Hospital, "青岛市市立医院": nlp.Hospital,
				"青岛市中心医院": nlp.Hospital, "中国医院协会": nlp.Institution, "心脏中心": nlp.Department,
			},
			relations: []fact{
				{"青岛大学附属医院", "affiliated_with", "中国医院协会"},
				{"美国梅奥诊所", "partner_of", "青岛大学附属医院"},
			},
			positions: []fact{
				{"王东", "副院长", "青岛大学附属医院"},
				{"王东", "主任", "心脏中心"},
			},
			onlyRelations: true,
		},
		{
			// A traditional-medicine hospital with a second name in brackets,
			// union and assistant titles, and an alliance it leads.
			file: "chengdu_tcm_report.txt",
			entities: map[string]nlp.EntityType{
				"成都中医药大学附属医院": nlp.Hospital, "成都中医药大学": nlp.Institution, "四川省中医药管理局": nlp.Institution,
				"四川省中医专科联盟": nlp.Hospital, "甘孜藏族自治州中藏医院": nlp.Hospital, "阿坝州中藏医院": nlp.Hospital,
				"针灸科": nlp.Department, "治未病中心": nlp.Department,
			},
			aliases: map[string]string{"四川省中医医院": "成都中医药大学附属医院"},
			relations: []fact{
				{"成都中医药大学附属医院", "affiliated_with", "成都中医药大学"},
				{"成都中医药大学附属医院", "supports", "四川省中医专科联盟"},
				{"成都中医药大学附属医院", "supports", "甘孜藏族自治州中藏医院"},
				{"成都中医药大学附属医院", "supports", "阿坝州中藏医院"},
			},
			positions: []fact{
				{"田兴军", "局长", "四川省中医药管理局"},
				{"刘毅", "党委书记", "成都中医药大学"},
				{"谢春光", "院长", "成都中医药大学附属医院"},
				{"彭成", "党委书记", "成都中医药大学附属医院"},
				{"李燕", "工会主席", "成都中医药大学附属医院"},
				{"张明", "院长助理", "成都中医药大学附属医院"},
			},
			onlyRelations: true,
		},
		{
			// A provincial commission's notice: a list of designated
			// hospitals (brackets naming their field, not a short name),
			// a byline the commission owns, and one cooperation.
			file: "anhui_designated_centres.txt",
			entities: map[string]nlp.EntityType{
				"安徽省卫生健康委员会": nlp.Institution, "阜阳市人民医院": nlp.Hospital, "安庆市立医院": nlp.Hospital,
				"宿州市立医院": nlp.Hospital, "亳州市人民医院": nlp.Hospital, "皖南医学院第一附属医院": nlp.Hospital,
				"蚌埠医学院第一附属医院": nlp.Hospital, "安徽省儿童医院": nlp.Hospital, "安徽省胸科医院": nlp.Hospital,
				"安徽中医药大学第一附属医院": nlp.Hospital, "芜湖市中医医院": nlp.Hospital, "安徽医科大学第一附属医院": nlp.Hospital,
				"省财政厅": nlp.Institution, "省医保局": nlp.Institution, "安徽省卫生健康委员会医政医管处": nlp.Department,
				"介入诊疗中心": nlp.Department, "儿童重症监护室": nlp.Department,
			},
			aliases: map[string]string{"省卫生健康委": "安徽省卫生健康委员会"},
			relations: []fact{
				{"安徽医科大学第一附属医院", "supports", "阜阳市人民医院"},
				{"安徽医科大学第一附属医院", "partner_of", "阜阳市人民医院"},
			},
			positions: []fact{
				{"程立新", "党组书记", "安徽省卫生健康委员会"},
				{"程立新", "主任", "安徽省卫生健康委员会"},
				{"许慧琳", "党组成员", "安徽省卫生健康委员会"},
				{"许慧琳", "副主任", "安徽省卫生健康委员会"},
				{"邢海波", "院长", "阜阳市人民医院"},
				{"顾兴华", "党委书记", "皖南医学院第一附属医院"},
				{"方晓雯", "编辑", "安徽省卫生健康委员会"},
				{"汪明远", "审核", "安徽省卫生健康委员会"},
			},
			onlyRelations: true,
		},
		{
			// Personnel notices: NAME同志任/兼任 ORG TITLE, 副院长(主持工作),
			// 免去…职务, secondments (到 ORG 挂职 TITLE) and the bureau's own
			// unit named by one character (局人事科).
			file: "zhanjiang_appointments.txt",
			entities: map[string]nlp.EntityType{
				"湛江市卫生健康局": nlp.Institution, "湛江市第一中医医院": nlp.Hospital, "湛江市妇幼保健院": nlp.Hospital,
				"广东医科大学附属医院": nlp.Hospital, "遂溪县人民医院": nlp.Hospital, "湛江中心人民医院": nlp.Hospital,
				"廉江市中医院": nlp.Hospital, "市人力资源和社会保障局": nlp.Institution, "湛江市卫生健康局人事科": nlp.Department,
				"消化内科": nlp.Department, "针灸科": nlp.Department,
			},
			relations: []fact{
				{"广东医科大学附属医院", "supports", "遂溪县人民医院"},
				{"湛江中心人民医院", "supports", "徐闻县人民医院"},
				{"湛江市第一中医医院", "supports", "廉江市中医院"},
			},
			positions: []fact{
				{"陈建国", "院长", "湛江市第一中医医院"},
				{"吴丽华", "副院长", "湛江市第二人民医院"},
				{"林海涛", "党委副书记", "湛江市妇幼保健院"},
				{"梁秀英", "院长", "湛江市第四人民医院"},
				// 免去…职务 relieves of a post: no position, as 不再担任
				// gives none (GUIDE.md); 梁秀英's 副院长 and 黄明辉's 院长.
				{"黄振宇", "副主任医师", "消化内科"},
				{"黄振宇", "副院长", "遂溪县人民医院"},
				{"郑晓峰", "副院长", "徐闻县人民医院"},
				{"蔡文杰", "副主任", "针灸科"},
				{"蔡文杰", "业务副院长", "廉江市中医院"},
			},
			onlyRelations: true,
		},
		{
			// Group aid to Tibet (组团式援藏): a list of sending hospitals,
			// Tibetan names, ordinals without 第 (湘雅二医院), 将担任, and
			// bylines of the commission that published it.
			file: "shannan_aid_team.txt",
			entities: map[string]nlp.EntityType{
				"山南市人民医院": nlp.Hospital, "中南大学湘雅医院": nlp.Hospital, "中南大学湘雅二医院": nlp.Hospital,
				"中南大学湘雅三医院": nlp.Hospital, "湖南省妇幼保健院": nlp.Hospital, "西藏自治区人民医院": nlp.Hospital,
				"湖南省卫生健康委员会": nlp.Institution, "山南市委": nlp.Institution, "新生儿科": nlp.Department,
			},
			aliases: map[string]string{"湘雅二医院": "中南大学湘雅二医院", "省卫生健康委": "湖南省卫生健康委员会"},
			relations: []fact{
				{"中南大学湘雅医院", "supports", "山南市人民医院"},
				{"中南大学湘雅二医院", "supports", "山南市人民医院"},
				{"中南大学湘雅三医院", "supports", "山南市人民医院"},
				{"湖南省人民医院", "supports", "山南市人民医院"},
				{"湖南省肿瘤医院", "supports", "山南市人民医院"},
				{"湖南省儿童医院", "supports", "山南市人民医院"},
				{"湖南省妇幼保健院", "supports", "山南市人民医院"},
				{"山南市人民医院", "partner_of", "西藏自治区人民医院"},
			},
			positions: []fact{
				{"扎西次仁", "常委", "山南市委"},
				{"罗国华", "副院长", "中南大学湘雅二医院"},
				{"罗国华", "院长", "山南市人民医院"},
				{"次仁旺堆", "党委书记", "山南市人民医院"},
				{"王立峰", "主任医师", "心血管内科"},
				{"刘晓燕", "副主任", "新生儿科"},
				{"刘思远", "通讯员", "湖南省卫生健康委员会"},
				{"周敏", "摄影", "湖南省卫生健康委员会"},
				{"唐晓丽", "责任编辑", "湖南省卫生健康委员会"},
			},
		},
		{
			// A specialty alliance: the hospital that leads it, its member
			// units, offices held in 联盟, and a department that signs for
			// its hospital.
			file: "guangxi_specialty_alliance.txt",
			entities: map[string]nlp.EntityType{
				"广西医科大学第一附属医院": nlp.Hospital, "广西神经内科专科联盟": nlp.Hospital, "桂林医学院附属医院": nlp.Hospital,
				"右江民族医学院附属医院": nlp.Hospital, "梧州市红十字会医院": nlp.Hospital, "北海市人民医院": nlp.Hospital,
				"广西壮族自治区卫生健康委员会": nlp.Institution, "广西医科大学": nlp.Institution, "神经内科": nlp.Department,
				"宣传部": nlp.Department,
			},
			relations: []fact{
				{"广西医科大学第一附属医院", "supports", "广西神经内科专科联盟"},
				{"桂林医学院附属医院", "affiliated_with", "广西神经内科专科联盟"},
				{"右江民族医学院附属医院", "affiliated_with", "广西神经内科专科联盟"},
				{"玉林市第一人民医院", "affiliated_with", "广西神经内科专科联盟"},
				{"钦州市第一人民医院", "affiliated_with", "广西神经内科专科联盟"},
				{"贵港市人民医院", "affiliated_with", "广西神经内科专科联盟"},
				{"河池市人民医院", "affiliated_with", "广西神经内科专科联盟"},
				{"梧州市红十字会医院", "affiliated_with", "广西神经内科专科联盟"},
				{"北海市人民医院", "affiliated_with", "广西神经内科专科联盟"},
				{"广西医科大学第一附属医院", "affiliated_with", "广西医科大学"},
				{"玉林市第一人民医院", "partner_of", "广西医科大学第一附属医院"},
			},
			positions: []fact{
				{"庞宇峰", "党组成员", "广西壮族自治区卫生健康委员会"},
				{"庞宇峰", "副主任", "广西壮族自治区卫生健康委员会"},
				{"韦永宁", "党委副书记", "广西医科大学"},
				{"韦永宁", "校长", "广西医科大学"},
				{"卢宏杰", "党委书记", "广西医科大学第一附属医院"},
				{"蒙国华", "院长", "广西医科大学第一附属医院"},
				{"杨志刚", "主任", "神经内科"},
				{"杨志刚", "理事长", "广西神经内科专科联盟"},
				{"唐建军", "副院长", "桂林医学院附属医院"},
				{"农丽娟", "副理事长", "广西神经内科专科联盟"},
				{"陆文龙", "副主任", "神经内科"},
				{"陆文龙", "秘书长", "广西神经内科专科联盟"},
				{"覃丽萍", "编辑", "广西医科大学第一附属医院"},
				{"梁振东", "审核", "广西医科大学第一附属医院"},
			},
			onlyRelations: true,
		},
		{
			// A university press release: 直属/非直属附属医院 and 教学医院
			// given to lists of hospitals, heads of the university after a
			// comma or as 学校副校长.
			file: "nanhua_university_affiliated.txt",
			entities: map[string]nlp.EntityType{
				"南华大学": nlp.Institution, "南华大学衡阳医学院": nlp.Institution, "郴州市第一人民医院": nlp.Hospital,
				"株洲市中心医院": nlp.Hospital, "永州市中心医院": nlp.Hospital, "娄底市中心医院": nlp.Hospital,
				"南华大学附属第一医院": nlp.Hospital, "南华大学附属南华医院": nlp.Hospital, "郴州市人民政府": nlp.Institution,
				"株洲市卫生健康委员会": nlp.Institution,
			},
			aliases: map[string]string{"衡阳医学院": "南华大学衡阳医学院"},
			relations: []fact{
				{"郴州市第一人民医院", "affiliated_with", "南华大学"},
				{"株洲市中心医院", "affiliated_with", "南华大学"},
				{"永州市中心医院", "affiliated_with", "南华大学"},
				{"岳阳市人民医院", "affiliated_with", "南华大学"},
				{"邵阳市中心医院", "affiliated_with", "南华大学"},
				{"娄底市中心医院", "affiliated_with", "南华大学"},
				{"南华大学附属第一医院", "affiliated_with", "南华大学"},
				{"南华大学附属第二医院", "affiliated_with", "南华大学"},
				{"南华大学附属南华医院", "affiliated_with", "南华大学"},
			},
			positions: []fact{
				{"谢建文", "党委书记", "南华大学"},
				{"刘振宇", "校长", "南华大学"},
				{"欧阳新平", "副校长", "南华大学"},
				{"欧阳新平", "院长", "南华大学衡阳医学院"},
				{"邓晓军", "副市长", "郴州市人民政府"},
				{"彭正良", "党组书记", "株洲市卫生健康委员会"},
				{"彭正良", "主任", "株洲市卫生健康委员会"},
				{"黄锦程", "院长", "郴州市第一人民医院"},
				{"周建华", "院长", "株洲市中心医院"},
				{"李婉清", "编辑", "南华大学"},
				{"何俊", "摄影", "南华大学"},
			},
		},
		{
			// A county's 紧密型医共体 as a 总院: the leading hospital, member
			// units, township health centres hung out as branches (挂牌“…分院”),
			// a 总院 title holder, townships gse cuts (大畈镇), units named
			// with 与 (呼吸与危重症医学科) and verbs (远程心电诊断中心).
			file: "tongshan_health_group.txt",
			entities: map[string]nlp.EntityType{
				"通山县医疗健康总院": nlp.Hospital, "通山县人民医院": nlp.Hospital, "通山县中医医院": nlp.Hospital,
				"大畈镇卫生院": nlp.Hospital, "武汉大学人民医院": nlp.Hospital, "咸宁市卫生健康委员会": nlp.Institution,
				"通山县卫生健康局": nlp.Institution, "呼吸与危重症医学科": nlp.Department, "远程心电诊断中心": nlp.Department,
				"卒中中心": nlp.Department,
			},
			relations: []fact{
				{"通山县人民医院", "supports", "通山县医疗健康总院"},
				{"通山县中医医院", "affiliated_with", "通山县医疗健康总院"},
				{"通山县妇幼保健院", "affiliated_with", "通山县医疗健康总院"},
				{"南林桥镇卫生院", "affiliated_with", "通山县医疗健康总院"},
				{"大畈镇卫生院", "affiliated_with", "通山县医疗健康总院"},
				{"九宫山镇卫生院", "affiliated_with", "通山县医疗健康总院"},
				{"厦铺镇卫生院", "affiliated_with", "通山县医疗健康总院"},
				{"武汉大学人民医院", "partner_of", "通山县人民医院"},
				{"武汉大学人民医院", "supports", "通山县人民医院"},
			},
			positions: []fact{
				{"程文斌", "党组成员", "咸宁市卫生健康委员会"},
				{"程文斌", "副主任", "咸宁市卫生健康委员会"},
				{"吴晓峰", "县长", "通山县人民政府"},
				{"柯美玲", "副县长", "通山县人民政府"},
				{"徐建平", "院长", "通山县医疗健康总院"},
				{"朱红霞", "院长", "大畈镇卫生院"},
				{"成海燕", "局长", "通山县卫生健康局"},
				{"阮志刚", "通讯员", "通山县卫生健康局"},
			},
			onlyRelations: true,
		},
		{
			// A 妇幼保健院 writing of itself as 我院 with its partner in the
			// headline; second names in brackets; a TCM 治未病中心 and
			// 针灸推拿科; a specialty alliance it leads (牵头组建了, 吸纳…为成员单位).
			file: "luoyang_maternal_child.txt",
			entities: map[string]nlp.EntityType{
				"洛阳市妇幼保健院": nlp.Hospital, "复旦大学附属妇产科医院": nlp.Hospital, "洛阳市妇幼专科联盟": nlp.Hospital,
				"针灸推拿科": nlp.Department, "中医妇儿治未病中心": nlp.Department,
			},
			aliases: map[string]string{
				"洛阳市妇女儿童医疗保健中心": "洛阳市妇幼保健院", "上海市红房子妇产科医院": "复旦大学附属妇产科医院",
			},
			relations: []fact{
				{"洛阳市妇幼保健院", "partner_of", "复旦大学附属妇产科医院"},
				{"复旦大学附属妇产科医院", "supports", "洛阳市妇幼保健院"},
				{"洛阳市妇幼保健院", "supports", "洛阳市妇幼专科联盟"},
				{"偃师区妇幼保健院", "affiliated_with", "洛阳市妇幼专科联盟"},
				{"宜阳县妇幼保健院", "affiliated_with", "洛阳市妇幼专科联盟"},
			},
			positions: []fact{
				{"郭卫东", "党委书记", "洛阳市妇幼保健院"},
				{"段慧敏", "院长", "洛阳市妇幼保健院"},
				{"汪丽华", "副院长", "复旦大学附属妇产科医院"},
				{"孙晓峰", "主任", "妇科内分泌科"},
				{"杜雨萌", "编辑", "洛阳市妇幼保健院"},
			},
		},
		{
			// A private hospital group run by a company: trade names with no
			// place (鹭康医疗集团), cities gse does not tag (龙岩, 三明),
			// 董事长/总裁/总经理, 等成员医院, 聘任…为…执行院长.
			file: "lukang_private_group.txt",
			entities: map[string]nlp.EntityType{
				"鹭康医疗集团": nlp.Hospital, "龙岩鹭康医院": nlp.Hospital, "三明鹭康眼科医院": nlp.Hospital,
				"南平鹭康医院": nlp.Hospital, "厦门鹭康健康产业股份有限公司": nlp.Institution, "医疗质量管理部": nlp.Department,
			},
			relations: []fact{
				{"鹭康医疗集团", "affiliated_with", "厦门鹭康健康产业股份有限公司"},
				{"漳州鹭康医院", "affiliated_with", "鹭康医疗集团"},
				{"三明鹭康眼科医院", "affiliated_with", "鹭康医疗集团"},
				{"福建医科大学附属协和医院", "partner_of", "鹭康医疗集团"},
				{"漳州鹭康医院", "partner_of", "漳州市芗城区浦南镇卫生院"},
			},
			positions: []fact{
				{"陈立群", "董事长", "厦门鹭康健康产业股份有限公司"},
				{"陈立群", "总裁", "鹭康医疗集团"},
				{"蔡文娟", "总经理", "鹭康医疗集团"},
				{"吴志伟", "副总经理", "鹭康医疗集团"},
				{"黄秋生", "执行院长", "南平鹭康医院"},
				{"林淑贞", "院长", "龙岩鹭康医院"},
			},
		},
		{
			// East–west aid told by the helped hospital (我院): its name only
			// on the 来源 line, the helper joined to 我院 by 与, a 挂职副院长
			// and a 名誉主任 from the helper, gifts (为我院捐赠), 与…的协作.
			file: "wudu_east_west_aid.txt",
			entities: map[string]nlp.EntityType{
				"陇南市武都区第一人民医院": nlp.Hospital, "青岛市城阳区人民医院": nlp.Hospital, "青岛市第八人民医院": nlp.Hospital,
				"城阳区卫生健康局": nlp.Institution, "卒中中心": nlp.Department, "重症医学科": nlp.Department,
			},
			relations: []fact{
				{"青岛市城阳区人民医院", "supports", "陇南市武都区第一人民医院"},
				{"城阳区卫生健康局", "supports", "陇南市武都区第一人民医院"},
				{"陇南市武都区第一人民医院", "partner_of", "青岛市第八人民医院"},
				{"陇南市武都区第一人民医院", "partner_of", "青岛市城阳区人民医院"},
			},
			positions: []fact{
				{"孙海波", "副主任医师", "骨科"},
				{"孙海波", "副院长", "陇南市武都区第一人民医院"},
				{"刘玉霞", "名誉主任", "重症医学科"},
				{"赵建军", "党委书记", "陇南市武都区第一人民医院"},
				{"杨志华", "院长", "陇南市武都区第一人民医院"},
				{"王晓燕", "副区长", "青岛市城阳区人民政府"},
			},
			onlyRelations: true,
		},
		{
			// An internet hospital and its telemedicine network: the
			// hospital, not its 互联网医院 in the headline, is the article's;
			// a list of partners after 与; 为…提供远程会诊服务; 远程医学中心.
			file: "yinchuan_internet_hospital.txt",
			entities: map[string]nlp.EntityType{
				"银川市第一人民医院": nlp.Hospital, "银川市第一人民医院互联网医院": nlp.Hospital, "中日友好医院": nlp.Hospital,
				"宁夏智联健康科技有限公司": nlp.Institution, "远程医学中心": nlp.Department, "信息中心": nlp.Department,
			},
			relations: []fact{
				{"银川市第一人民医院互联网医院", "affiliated_with", "银川市第一人民医院"},
				{"银川市第一人民医院", "partner_of", "宁夏智联健康科技有限公司"},
				{"银川市第一人民医院", "partner_of", "固原市人民医院"},
				{"银川市第一人民医院", "partner_of", "泾源县人民医院"},
				{"银川市第一人民医院", "partner_of", "隆德县人民医院"},
				{"银川市第一人民医院", "partner_of", "永宁县人民医院"},
				{"银川市第一人民医院", "partner_of", "贺兰县人民医院"},
				{"银川市第一人民医院", "partner_of", "西吉县人民医院"},
				{"银川市第一人民医院", "partner_of", "中日友好医院"},
				{"中日友好医院", "supports", "银川市第一人民医院"},
			},
			positions: []fact{
				{"何建新", "党委书记", "银川市第一人民医院"},
				{"金永刚", "院长", "银川市第一人民医院"},
				{"韩雪梅", "主任", "远程医学中心"},
				{"马国栋", "二级巡视员", "宁夏回族自治区卫生健康委员会"},
				{"田甜", "编辑", "银川市第一人民医院"},
			},
			onlyRelations: true,
		},
		{
			// A mental-health centre under its second name in brackets,
			// approved as a university's affiliated hospital (获批…附属医院),
			// its 党委办公室 on the 来源 line, 给予我院…支持, and a 医联体
			// agreement followed by 将派驻医师 (written after the rules for
			// the five before it, as a check that they carry over).
			file: "shaoxing_mental_health.txt",
			entities: map[string]nlp.EntityType{
				"上海市精神卫生中心": nlp.Hospital, "皋埠街道社区卫生服务中心": nlp.Hospital, "浙江中医药大学": nlp.Institution,
				"党委办公室": nlp.Department, "物质依赖科": nlp.Department, "心理危机干预中心": nlp.Department,
			},
			aliases: map[string]string{
				"绍兴市第七人民医院": "浙江中医药大学附属绍兴市第七人民医院", "绍兴市精神卫生中心": "浙江中医药大学附属绍兴市第七人民医院",
			},
			relations: []fact{
				{"浙江中医药大学附属绍兴市第七人民医院", "affiliated_with", "浙江中医药大学"},
				{"浙江中医药大学", "supports", "浙江中医药大学附属绍兴市第七人民医院"},
				{"浙江中医药大学附属绍兴市第七人民医院", "partner_of", "上海市精神卫生中心"},
				{"上海市精神卫生中心", "supports", "浙江中医药大学附属绍兴市第七人民医院"},
				{"浙江中医药大学附属绍兴市第七人民医院", "partner_of", "皋埠街道社区卫生服务中心"},
				{"浙江中医药大学附属绍兴市第七人民医院", "supports", "马山街道社区卫生服务中心"},
			},
			positions: []fact{
				{"俞国平", "副主任", "绍兴市卫生健康委员会"},
				{"金卫东", "党委书记", "浙江中医药大学附属绍兴市第七人民医院"},
				{"沈建新", "院长", "浙江中医药大学附属绍兴市第七人民医院"},
				{"王佳", "编辑", "浙江中医药大学附属绍兴市第七人民医院"},
			},
		},
		{
			// A stomatology hospital's annual report in numbered sections,
			// its president on a line of his own: a school named under its
			// university, 对口帮扶 of other hospitals' units, 指导 before a
			// place, staff sent elsewhere to learn (赴…进修, no relation).
			file: "changsha_dental_report.txt",
			entities: map[string]nlp.EntityType{
				"长沙市口腔医院": nlp.Hospital, "四川大学华西口腔医院": nlp.Hospital, "长沙市望城区人民医院": nlp.Hospital,
				"中南大学湘雅口腔医学院": nlp.Institution, "口腔种植中心": nlp.Department,
				"正畸科": nlp.Department, "纪检监察室": nlp.Department,
			},
			aliases: map[string]string{"华西口腔医院": "四川大学华西口腔医院"},
			relations: []fact{
				{"长沙市口腔医院", "partner_of", "中南大学湘雅口腔医学院"},
				{"长沙市口腔医院", "partner_of", "四川大学华西口腔医院"},
				{"四川大学华西口腔医院", "supports", "长沙市口腔医院"},
				{"长沙市口腔医院", "supports", "浏阳市人民医院"},
				{"长沙市口腔医院", "supports", "宁乡市中医医院"},
				{"长沙市口腔医院", "supports", "长沙市望城区人民医院"},
			},
			positions: []fact{
				{"谭建华", "院长", "长沙市口腔医院"},
				{"刘晓峰", "党委书记", "长沙市口腔医院"},
			},
			onlyRelations: true,
		},
		{
			// A commission's notice of 对口帮扶 pairs, one to a line (一、A——B),
			// a county gse cuts after the boundary 都 (都昌县), the units the
			// helped hospitals must build (no named parent), 各设区市卫生健康委.
			file: "jiangxi_pairing_notice.txt",
			entities: map[string]nlp.EntityType{
				"江西省卫生健康委员会": nlp.Institution, "都昌县人民医院": nlp.Hospital, "赣南医科大学第一附属医院": nlp.Hospital,
				"江西省卫生健康委员会医政医管处": nlp.Department,
			},
			aliases: map[string]string{"省卫生健康委": "江西省卫生健康委员会"},
			relations: []fact{
				{"南昌大学第一附属医院", "supports", "修水县第一人民医院"},
				{"江西省人民医院", "supports", "永修县人民医院"},
				{"江西省肿瘤医院", "supports", "都昌县人民医院"},
				{"赣南医科大学第一附属医院", "supports", "安远县人民医院"},
				{"九江市第一人民医院", "supports", "彭泽县人民医院"},
			},
			onlyRelations: true,
		},
		{
			// A joint laboratory with a research institute introduced by
			// (以下简称“苏州医工所”), a company partner, past partners in a list
			// after 先后与, and units the hospital builds with a company
			// (智慧病房, no unit).
			file: "xuzhou_joint_lab.txt",
			entities: map[string]nlp.EntityType{
				"徐州医科大学附属医院": nlp.Hospital, "中国科学院苏州生物医学工程技术研究所": nlp.Institution,
				"江苏云医信息科技有限公司": nlp.Institution, "南京大学医学院附属鼓楼医院": nlp.Hospital, "科研处": nlp.Department,
			},
			aliases: map[string]string{"苏州医工所": "中国科学院苏州生物医学工程技术研究所"},
			relations: []fact{
				{"徐州医科大学附属医院", "partner_of", "中国科学院苏州生物医学工程技术研究所"},
				{"中国科学院苏州生物医学工程技术研究所", "supports", "徐州医科大学附属医院"},
				{"徐州医科大学附属医院", "partner_of", "江苏云医信息科技有限公司"},
				{"徐州医科大学附属医院", "partner_of", "东南大学"},
				{"徐州医科大学附属医院", "partner_of", "南京大学医学院附属鼓楼医院"},
			},
			positions: []fact{
				{"唐志明", "所长", "中国科学院苏州生物医学工程技术研究所"},
				{"夏文斌", "校长", "徐州医科大学"},
				{"韩立新", "院长", "徐州医科大学附属医院"},
				{"赵敏", "副院长", "徐州医科大学附属医院"},
				{"李娜", "处长", "科研处"},
			},
		},
	}
	p := pipeline(t)
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			raw, err := os.ReadFile("testdata/heldout/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := intake.ReadDocument(tc.file, raw)
			if err != nil {
				t.Fatal(err)
			}
			x, err := p.Extract(doc)
			if err != nil {
				t.Fatal(err)
			}
			for name, typ := range tc.entities {
				if _, ok := entityNamed(x, name, typ); !ok {
					t.Errorf("entity %s %s not read:%s", typ, name, describeEntities(x))
				}
			}
			for alias, name := range tc.aliases {
				e, _ := entityNamed(x, name, nlp.Hospital)
				if e.ID == "" {
					e, _ = entityNamed(x, name, nlp.Institution)
				}
				found := false
				for _, a := range e.Aliases {
					found = found || a == alias
				}
				if !found {
					t.Errorf("%s is not an alias of %s (aliases %v)", alias, name, e.Aliases)
				}
			}
			for _, want := range tc.relations {
				if _, ok := findRelation(x, want.subject, nlp.Predicate(want.predicate), want.object); !ok {
					t.Errorf("relation %v not read:%s", want, describeRelations(x))
				}
			}
			if tc.onlyRelations && len(x.Relations) != len(tc.relations) {
				t.Errorf("%d relations, want only the %d listed:%s", len(x.Relations), len(tc.relations), describeRelations(x))
			}
			for _, want := range tc.positions {
				if !hasPosition(x, want.subject, want.predicate, want.object) {
					t.Errorf("position %v not read:%s", want, describePositions(x))
				}
			}
		})
	}
}
