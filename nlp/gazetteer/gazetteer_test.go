package gazetteer

import "testing"

func TestShortForm(t *testing.T) {
	cases := map[string]string{
		"内蒙古自治区":      "内蒙古",
		"广西壮族自治区":     "广西",
		"香港特别行政区":     "香港",
		"恩施土家族苗族自治州":  "恩施",
		"黔西南布依族苗族自治州": "黔西南",
		"长阳土家族自治县":    "长阳",
		"宁乡市":         "宁乡",
		"沙县":          "",
		"城区":          "",
		"伊犁哈萨克自治州":    "伊犁",
		"博尔塔拉蒙古自治州":   "博尔塔拉",
		"东乡族自治县":      "东乡",
	}
	for name, want := range cases {
		if got := ShortForm(name); got != want {
			t.Errorf("ShortForm(%s) = %q, want %q", name, got, want)
		}
	}
}

func TestDivisions(t *testing.T) {
	count := make(map[Level]int)
	byName := make(map[string]Division)
	for _, d := range Divisions() {
		count[d.Level]++
		if _, ok := byName[d.Name]; !ok {
			byName[d.Name] = d
		}
	}
	// 31 mainland provinces plus Hong Kong, Macau and Taiwan's entry.
	if count[Province] != 31 {
		t.Errorf("%d provinces, want 31", count[Province])
	}
	if count[Prefecture] < 330 || count[County] < 2800 || count[Outside] < 300 {
		t.Errorf("levels: %v", count)
	}
	for name, want := range map[string]Division{
		"河北省":     {Level: Province, Province: "河北省"},
		"柳州市":     {Level: Prefecture, Province: "广西壮族自治区"},
		"密云区":     {Level: County, Province: "北京市"},
		"宁乡县":     {Level: County, Province: "湖南省", Former: true},
		"莱芜市":     {Level: Prefecture, Province: "山东省", Former: true},
		"香港特别行政区": {Level: Outside, Province: "香港特别行政区"},
		"沙田区":     {Level: Outside, Province: "香港特别行政区"},
		"氹仔":      {Level: Outside, Province: "澳门特别行政区"},
		"新北市":     {Level: Outside, Province: "台湾省"},
	} {
		d, ok := byName[name]
		if !ok {
			t.Errorf("%s is missing", name)
			continue
		}
		if d.Level != want.Level || d.Province != want.Province || d.Former != want.Former {
			t.Errorf("%s = %+v, want level %d in %s, former %v", name, d, want.Level, want.Province, want.Former)
		}
	}
}
