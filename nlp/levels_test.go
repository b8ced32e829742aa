package nlp

import "testing"

// TestLevelOf reads the levels of hospitals named in the corpus's articles.
func TestLevelOf(t *testing.T) {
	cases := []struct {
		name string
		want orgLevel
	}{
		{"二十里堡卫生院", levelTownship},
		{"马鞍山市雨山区安民街道社区卫生服务中心", levelTownship},
		{"国家癌症中心", levelNational},
		{"中日友好医院江西医院", levelNational},
		{"西安交通大学第二附属医院", levelProvince},
		{"西安交大二附院", levelProvince},
		{"哈医大肿瘤医院", levelProvince},
		{"中国人民解放军中部战区总医院", levelNational},
		{"浙江省人民医院", levelProvince},
		{"青海省妇女儿童医院", levelProvince},
		{"省人民医院", levelProvince},
		{"广州市第一人民医院", levelCity},
		{"黔南州人民医院", levelCity},
		{"娄底市中心医院", levelCity},
		{"市人民医院", levelCity},
		{"北京市昌平区中医医院", levelCounty},
		{"华阴市人民医院", levelCounty},
		{"杭锦后旗医院", levelCounty},
		{"卓资县中蒙医医院", levelCounty},
		{"县人民医院", levelCounty},
		{"积水潭医院", levelUnknown},
	}
	for _, c := range cases {
		if got := levelOf(c.name); got != c.want {
			t.Errorf("levelOf(%s) = %d, want %d", c.name, got, c.want)
		}
	}
}
