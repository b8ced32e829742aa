package nlp

import (
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"
)

// The lexicons below are dictionaries of kinds of names — suffixes, titles,
// surnames, words that cannot be part of a name — never names of particular
// organisations or people.

// orgSuffix tells what a name ending in a suffix is.
type orgSuffix struct {
	text string
	typ  EntityType
}

// orgSuffixes end the names of hospitals and institutions. Longer suffixes
// are tried first.
var orgSuffixes = indexOrgSuffixes([]orgSuffix{
	{"医院", Hospital}, {"校医院", Hospital}, {"卫生院", Hospital}, {"社区卫生服务中心", Hospital},
	{"卫生服务中心", Hospital}, {"卫生服务站", Hospital}, {"精神卫生中心", Hospital}, {"院区", Hospital},
	{"分院", Hospital}, {"总院", Hospital}, {"医疗集团", Hospital}, {"保健院", Hospital},
	{"妇幼保健院", Hospital}, {"医学中心", Hospital}, {"专科联盟", Hospital},
	{"医联体", Hospital}, {"医共体", Hospital}, {"联合体", Institution}, {"健共体", Hospital}, {"健共体集团", Hospital}, {"医疗联合体", Hospital}, {"医疗共同体", Hospital}, {"健康共同体", Hospital}, {"诊所", Hospital}, {"疗养院", Hospital},
	{"大学", Institution}, {"学院", Institution}, {"医学院", Institution},
	{"医学部", Institution}, {"党校", Institution}, {"卫生健康委员会", Institution},
	{"卫生健康委", Institution}, {"卫健委", Institution}, {"卫健局", Institution},
	{"卫生计生委", Institution}, {"卫计委", Institution}, {"卫生和计划生育委员会", Institution}, {"卫生计生局", Institution},
	{"管委会", Institution}, {"管理委员会", Institution}, {"党工委", Institution}, {"工委", Institution},
	{"荣总", Hospital}, {"荣民总医院", Hospital}, {"卫生所", Hospital}, {"卫生队", Hospital},
	{"卫生局", Institution}, {"卫生厅", Institution}, {"卫生健康局", Institution},
	{"政府", Institution}, {"人民政府", Institution}, {"县府", Institution}, {"市府", Institution}, {"省府", Institution}, {"党委", Institution},
	{"市委", Institution}, {"区委", Institution}, {"县委", Institution}, {"省委", Institution},
	{"州委", Institution}, {"纪委监委", Institution}, {"纪委", Institution}, {"监委", Institution}, {"政协", Institution}, {"人大", Institution}, {"人大常委会", Institution},
	{"医保局", Institution}, {"医疗保障局", Institution}, {"疾控中心", Institution},
	{"疾病预防控制中心", Institution}, {"研究所", Institution}, {"研究院", Institution},
	{"科学院", Institution}, {"工程院", Institution}, {"委员会", Institution},
	{"基金会", Institution}, {"协会", Institution}, {"学会", Institution}, {"慈善总会", Institution}, {"慈善会", Institution},
	{"公司", Institution}, {"全国重点实验室", Institution}, {"联盟", Institution},
	{"管理局", Institution}, {"监督局", Institution}, {"红十字会", Institution},
	// The other departments of a provincial or local government: kinds of
	// body, bare after a level word (省财政厅, 市人社局).
	{"财政厅", Institution}, {"财政局", Institution}, {"教育厅", Institution}, {"教育局", Institution},
	{"民政厅", Institution}, {"民政局", Institution}, {"科技厅", Institution}, {"科技局", Institution},
	{"人力资源和社会保障厅", Institution}, {"人力资源和社会保障局", Institution}, {"人社厅", Institution}, {"人社局", Institution},
	{"发展和改革委员会", Institution}, {"发改委", Institution}, {"市场监督管理局", Institution},
	// Any other bureau, department or commission of a government or Party
	// committee, named with its place or level (市信访局, 省商务厅, 县委政法委):
	// needsPlace holds them to it.
	{"局", Institution}, {"厅", Institution}, {"委", Institution}, {"署", Institution},
	// Zones with their own management, companies' groups, unions, and the
	// army's theatres and units.
	{"新区", Institution}, {"开发区", Institution}, {"经济开发区", Institution}, {"经济技术开发区", Institution},
	{"高新区", Institution}, {"示范区", Institution}, {"度假区", Institution},
	{"集团", Institution}, {"有限公司", Institution}, {"总工会", Institution}, {"工会", Institution},
	{"战区", Institution}, {"部队", Institution},
	{"医院联网", Hospital}, {"医院集团", Hospital},
	// Bodies that run a city's public hospitals (上海申康医院发展中心,
	// 无锡市医院管理中心), and associations of professions and members.
	{"医院发展中心", Institution}, {"医院管理中心", Institution},
	{"联席会", Institution}, {"公会", Institution},
})

// standaloneInstitutions are bodies named by a fixed word rather than by a
// suffix pattern.
var standaloneInstitutions = []string{"党中央", "中共中央", "国务院", "全国人大", "中央军委"}

// deptSuffixes end the names of units inside an organisation.
var deptSuffixes = newWordList([]string{
	"科", "室", "部", "办", "处", "司", "中心", "病房", "病区", "实验室", "门诊",
	"宁养院", "监护室", "办公室", "工作站", "研究室", "教研室",
})

// notDeptEndings are words that end in a department suffix but are not
// units (干部, 举办, 公司, 学科): a name ending in one of them is no department.
var notDeptEndings = newWordList([]string{
	"学科", "专科", "科室", "本科", "各科", "分科", "跨科", "建科",
	"干部", "内部", "外部", "全部", "局部", "部分", "北部", "南部", "东部", "西部", "中部",
	"基层部", "总部", "各部", "支部", "胸部", "腹部", "头部", "颈部", "面部", "腰部", "背部",
	"肺部", "脑部", "足部", "手部", "眼部", "胃部", "肝部", "肾部", "口腔部",
	"处理", "处置", "之处", "到处", "处于", "各处", "办理", "举办", "主办", "承办", "创办",
	"协办", "开办", "督办", "办公", "查办", "包办", "交办", "公司", "上司", "总司",
	"地下室", "换药室", "值班室", "会议室", "手术室", "诊室", "教室", "报告厅", "病室",
	"区域医疗中心", "区域性医疗中心", "医疗中心", "质控中心", "临床技能中心", "服务中心",
	"数据中心", "卫生服务中心", "重点实验室",
	"地处", "办事处", "指挥部", "会议中心", "商业中心", "体育中心", "文化中心", "政务中心", "活动中心", "文章中心",
})

// genericDeptNames are kinds of unit, not names of one.
var genericDeptNames = []string{
	"门诊", "急门诊", "门急诊", "特色门诊", "专家门诊", "专病门诊", "病房", "综合病房", "病区",
	"中心", "诊疗中心", "五大中心", "科室", "实验室", "办公室", "内科", "外科", "监护室", "工作站", "研究室", "教研室", "生物实验室",
}

// notDeptWords cannot be part of a department name.
var notDeptWords = []string{"各个", "多个", "我们", "全院", "职能", "临床医技"}

// titles are the positions an official holds, longest first.
var titles = newWordList([]string{
	"党委书记", "党委副书记", "党组书记", "党组副书记", "纪委书记", "总支书记", "支部书记",
	"党组成员", "党委委员", "常委", "党委常委",
	"书记", "副书记", "总书记",
	"院长", "总院长", "副院长", "常务副院长", "执行院长", "名誉院长", "院长助理", "业务副院长", "行政副院长",
	"主任", "副主任", "常务副主任", "名誉主任", "主任委员", "副主任委员", "主委", "副主委",
	"科长", "副科长", "处长", "副处长", "司长", "副司长", "局长", "副局长",
	"厅长", "副厅长", "部长", "副部长", "区长", "副区长", "市长", "副市长",
	"县长", "副县长", "省长", "副省长", "主席", "副主席", "所长", "副所长",
	"校长", "副校长", "护士长", "董事长", "副董事长", "总经理", "副总经理", "总裁", "副总裁", "总会计师",
	"秘书长", "副秘书长", "组长", "副组长", "主任医师", "副主任医师", "主治医师",
	"医生", "医师", "护士", "编辑", "责任编辑", "记者", "通讯员", "总编辑",
	"撰稿", "审核", "校对", "审校", "供稿", "作者", "摄影", "一级巡视员", "二级巡视员", "巡视员",
	"一级调研员", "二级调研员", "调研员",
	"工会主席", "工会副主席", "总监", "理事长", "副理事长", "会长", "副会长", "院士", "教授",
	"博士生导师", "硕士生导师",
	// Heads and members of every level of government and Party body.
	"州长", "副州长", "旗长", "副旗长", "盟长", "副盟长", "镇长", "副镇长", "乡长", "副乡长",
	"常务副省长", "常务副市长", "常务副县长", "常务副区长", "常务副州长", "常务副部长", "常务副局长",
	"常务副校长", "常务副主席", "党工委书记", "党工委副书记", "工委书记", "工委副书记", "党总支书记",
	"党支部书记", "党总支副书记", "议长", "副议长", "行政长官", "常任秘书长", "署长", "副署长",
	"次长", "政务次长", "常务次长", "执行长", "副执行长", "行政总裁", "行政总监", "联网总监",
	"总干事", "副总干事", "首席执行官", "董事局主席", "监事长", "社长", "副社长",
	// Military and police.
	"政委", "副政委", "政治委员", "司令员", "副司令员", "参谋长", "副参谋长",
	// Ranks of medicine, research and teaching.
	"副教授", "研究员", "副研究员", "讲师", "主任护师", "副主任护师", "主管护师", "护师",
	"主任药师", "副主任药师", "药师", "主任技师", "副主任技师", "技师", "住院医师",
	// Bylines.
	"主编", "副主编", "总编", "责编", "核稿", "初审", "复审", "终审", "采访人员", "特约通讯员",
	"全媒体记者", "实习记者", "见习记者", "特约记者",
	"专职副主任", "专职副书记", "三级调研员", "四级调研员", "名誉校长", "总执行长",
	"委员", "常委委员", "特派员", "副特派员", "监制", "一审", "二审", "三审", "文字", "图片",
	"师长", "副师长", "宣传部长", "组织部长", "统战部长", "荣誉院长", "荣誉主任", "文图",
})

// positionlessTitles name a person without tying them to an organisation in
// the article.
var positionlessTitles = map[string]bool{"总书记": true, "院士": true, "教授": true, "博士生导师": true, "硕士生导师": true}

// surnames are the common Chinese family names (single and compound), and
// the rarer ones of the Hundred Family Surnames that gse reads as names.
var surnames = func() map[string]bool {
	single := "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习"
	m := make(map[string]bool)
	for _, r := range single {
		m[string(r)] = true
	}
	// Rarer ones (赖, 萧, 傅) from a data package: surnames_gen.go.
	for _, s := range strings.Fields(listedSurnames) {
		m[s] = true
	}
	for _, s := range []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "端木", "西门", "南宫", "独孤", "呼延", "万俟"} {
		m[s] = true
	}
	return m
}()

// tibetanNameParts are the elements Tibetan personal names are made of, two
// to a name (扎西次仁, 次仁旺堆): such names have no family name, so the
// surname list cannot find them.
var tibetanNameParts = func() map[string]bool {
	m := make(map[string]bool)
	for _, p := range strings.Fields(`扎西 次仁 旺堆 多吉 卓玛 格桑 拉巴 普布 尼玛 达瓦 平措 顿珠 央金 德吉
		边巴 巴桑 索朗 洛桑 丹增 旦增 白玛 曲珍 罗布 强巴 次旦 阿旺 益西 米玛 仁青 土登 拉姆 卓嘎
		央宗 德庆 琼达 嘎玛 次珍 朗杰 欧珠 旺姆 白珍 扎巴 贡觉 旺久 措姆 玉珍 拉珍 次央 尼珍 巴珠
		格列 加措 嘉措 顿旦 多布杰 才旦 桑珠 贡布 群培 赤列 晋美 仓决 次顿 美朵 其美`) {
		m[p] = true
	}
	return m
}()

// notGivenName are characters that end a person's name in running text: they
// start the words that follow a name (在, 等, 说, 表示, 指出 ...). Words such
// as 强调 or 出席 end a name through gse's tokens instead, since 强 and 出
// are common given names.
const notGivenName = notFirstGivenName + "说表指是为以对向也都就将被把从到于作一二三四五六七八九十"

// notFirstGivenName are the characters that cannot follow a surname as the
// first given character: function words and punctuation. 强 or 出 may (李强),
// so they end a name only as its third character.
const notFirstGivenName = "在等和与及的了、,，.。:：;；!！?？“”\"'《》()（）[]【】 \u3000"

// boundaryWords cannot be inside an organisation name; a name starts after
// the last of them. They are the verbs, prepositions and generic nouns that
// stand before names in news text.
var boundaryWords = newWordList([]string{
	"在", "与", "和", "及", "同", "由", "对", "向", "到", "赴", "至", "从", "为", "是", "被",
	"将", "把", "让", "经", "据", "等", "的", "了", "于", "以", "或", "并", "且", "给", "跟",
	"派驻", "选派", "派出", "分赴", "邀请", "依托", "完成", "开设", "成立", "构建", "签约",
	"签订", "携手", "联合", "支援", "帮扶", "落户", "举办", "召开", "参加", "出席", "代表",
	"感谢", "前往", "来自", "获批", "通过", "成为", "加入", "担任", "任", "原", "现",
	"我们", "你们", "他们", "该", "各", "两", "这", "那", "其", "本", "我",
	"专家", "医生", "患者", "工作", "领导", "干部", "职工", "人员", "同志", "团队",
	"支持", "下", "上", "中", "内", "后", "前", "时", "里",
	"获", "首批", "首家", "全市", "全省", "全区", "全国各", "积极", "推进", "推动", "加强",
	"实现", "开展", "启动", "揭牌", "挂牌", "授牌", "隶属", "附属于", "属于", "作为",
	"包括", "涵盖", "带动", "帮助", "协助", "主营", "主管", "托管",
	"院长", "书记", "主任", "科长", "处长", "司长", "局长", "区长", "市长", "县长", "主席",
	"副", "分管", "负责", "协管", "联系", "举行", "主办", "承办", "授予", "评为", "入选", "荣获", "位列", "排名", "进入",
	"新增", "建设", "创建", "筹建", "成员单位", "一期", "二期", "即", "所", "均", "已", "又", "也", "还", "都", "再", "更",
	"就", "才", "共", "总", "新", "老", "大", "小", "分别", "先后", "陆续", "共同", "深入",
	"走进", "来到", "回到", "进驻", "入驻", "下沉", "输出", "合作", "共建", "医联体成员",
	"报", "报送", "新建", "任命", "免去", "兼任", "兼", "出任", "挂职", "当选", "发挥", "充分发挥", "学习", "借助", "依靠", "围绕", "对接", "承担", "申请", "获得",
	"获评", "打造", "建成", "参观", "考察", "调研", "走访", "慰问", "会同", "牵头", "协同",
	"委托", "批准", "认定", "确定", "命名", "看望", "听取", "邀请", "组织开展", "设置", "布局",
	"落实", "全面落实", "以来", "长期以来", "近年来", "期间", "以后", "之后", "目前", "当前", "如今", "今年", "去年",
	"之一", "全国", "省内外", "国内外", "区内外", "市内外",
	"暨", "利用", "调动", "辐射", "覆盖", "服务于", "学校", "我校", "本校", "该校", "部分",
	"随着", "随著", "名列", "波及", "先生", "女士", "专长",
})

// genericNamePrefixes carry no distinctive information: a name made only of
// them and its suffix is a description (区域医疗中心), not a name.
var genericNamePrefixes = newWordList([]string{
	"区域", "医疗", "国家", "省级", "市级", "县级", "区级", "医学", "临床", "重点", "全国",
	"质控", "综合", "三级", "二级", "一级", "甲等", "乙等", "公立", "民营", "基层", "社区",
	"乡镇", "县域", "城市", "定点", "救治", "互联网", "智慧", "示范", "龙头", "专科", "特色",
	"国际", "一流", "高水平", "兄弟", "成员", "合作", "项目", "上级", "下级", "地方", "当地",
	"附近", "周边", "知名", "高等", "其他", "全科", "这些", "人民", "中医", "西医", "医药",
	"卫生", "健康", "服务", "医院", "医联体", "物业", "紧密型", "松散型", "型", "总", "新", "分", "大", "院", "专业",
	"省内", "市内", "县内", "区内", "国内", "境内", "三甲", "二甲", "三乙", "二乙",
	"市直", "省直", "县直", "区直", "技能", "培训", "管理", "数据", "信息", "指挥", "运营", "联合", "医防", "融合",
	"综合性", "顶级", "优质", "大型", "小型", "现代化", "新型", "营利性", "非营利性", "部立",
	"市属", "省属", "区属", "县属", "部属", "委属", "直属", "所属", "边陲", "小镇", "偏远",
	"连锁", "社会办医", "办医", "民营医疗", "医药企业", "企业",
})

// orgSuffixIndex finds the suffixes a text ends with, by their last
// character, so that a sentence is scanned once instead of once per suffix.
type orgSuffixIndex struct{ byLast *runeIndex[orgSuffix] }

func indexOrgSuffixes(list []orgSuffix) orgSuffixIndex {
	groups := make(map[rune][]orgSuffix)
	for _, s := range list {
		r, _ := utf8.DecodeLastRuneInString(s.text)
		groups[r] = append(groups[r], s)
	}
	for _, l := range groups {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].text) > len(l[j].text) })
	}
	return orgSuffixIndex{newRuneIndex(groups)}
}

// endingWith lists, longest first, the suffixes whose last character is the
// last character of s.
func (idx orgSuffixIndex) endingWith(s string) []orgSuffix {
	r, _ := utf8.DecodeLastRuneInString(s)
	return idx.byLast.get(r)
}

// wordList is a lexicon indexed by first and last character: prefix and
// suffix look-ups touch only the words that can match.
type wordList struct {
	byFirst, byLast *runeIndex[string]
}

func newWordList(words []string) *wordList {
	byFirst, byLast := make(map[rune][]string), make(map[rune][]string)
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		last, _ := utf8.DecodeLastRuneInString(w)
		byFirst[first] = append(byFirst[first], w)
		byLast[last] = append(byLast[last], w)
	}
	for _, m := range []map[rune][]string{byFirst, byLast} {
		for _, ws := range m {
			sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
		}
	}
	return &wordList{byFirst: newRuneIndex(byFirst), byLast: newRuneIndex(byLast)}
}

// runeIndex groups values by a character of the Basic Multilingual Plane
// (the lexicons hold no other). A look-up is a bit test, and for the
// characters present a count of the set bits below it: the lexicons are
// consulted at nearly every character of a document, where a map's hashing
// showed in profiles.
type runeIndex[T any] struct {
	present runeSet
	// ranked[i] counts the characters present in the words of present
	// before word i; a character's group is groups[its rank].
	ranked [len(runeSet{})]uint16
	groups [][]T
}

func newRuneIndex[T any](groups map[rune][]T) *runeIndex[T] {
	x := new(runeIndex[T])
	for r := range groups {
		x.present.add(r)
	}
	n := 0
	for i, w := range x.present {
		x.ranked[i] = uint16(n)
		n += bits.OnesCount64(w)
	}
	x.groups = make([][]T, n)
	for r, g := range groups {
		if x.present.has(r) {
			x.groups[x.rank(r)] = g
		}
	}
	return x
}

func (x *runeIndex[T]) rank(r rune) int {
	w := r / 64
	return int(x.ranked[w]) + bits.OnesCount64(x.present[w]&(1<<(r%64)-1))
}

// has reports whether r has a group.
func (x *runeIndex[T]) has(r rune) bool { return x.present.has(r) }

// get returns the group of r, or nil.
func (x *runeIndex[T]) get(r rune) []T {
	if !x.present.has(r) {
		return nil
	}
	return x.groups[x.rank(r)]
}

// prefixOf returns the longest word s starts with, or "".
func (l *wordList) prefixOf(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if !l.byFirst.has(r) {
		return ""
	}
	return hasAnyPrefix(s, l.byFirst.get(r))
}

// suffixOf returns the longest word s ends with, or "".
func (l *wordList) suffixOf(s string) string {
	return hasAnySuffix(s, l.endingWith(s))
}

// endingWith lists, longest first, the words whose last character is the
// last character of s.
func (l *wordList) endingWith(s string) []string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return l.byLast.get(r)
}

// hasAnySuffix returns the longest word of words that s ends with.
func hasAnySuffix(s string, words []string) string {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

func hasAnyPrefix(s string, words []string) string {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}
