package nlp

import (
	"strings"

	"hospkg/nlp/gazetteer"
)

// orgLevel is where an organisation stands in the health system, read from
// its name: help flows from higher to lower (a university's hospital helps a
// county's, a county's hospital its townships' health centres).
type orgLevel int

const (
	levelUnknown  orgLevel = iota
	levelTownship          // 卫生院, 社区卫生服务中心, …镇…
	levelCounty            // a county, county-level city or district (县, 旗, 区)
	levelCity              // a prefecture-level city (市, 州, 盟, 地区)
	levelProvince          // a province, or a university's hospital
	levelNational          // 国家…, 中国…, the army's general hospital
)

// levelOf reads the level of an organisation from its name: its kind
// (卫生院), the body that runs it (大学, 国家), else the lowest division its
// leading places name (北京市昌平区中医医院 is a district's).
func levelOf(name string) orgLevel {
	switch {
	case hasAnySuffix(name, []string{"卫生院", "社区卫生服务中心", "社区卫生服务站", "卫生室", "卫生所"}) != "":
		return levelTownship
	case hasAnyPrefix(name, []string{"国家", "中国", "中华", "中央", "中日友好", "中国人民解放军总医院", "解放军总医院"}) != "":
		return levelNational
	case strings.Contains(name, "大学") || strings.Contains(name, "医学院") || strings.Contains(name, "附属") ||
		hasAnySuffix(name, []string{"附院", "附一院", "附二院", "附三院"}) != "" || strings.Contains(name, "医大") || strings.Contains(name, "交大") ||
		strings.Contains(name, "战区总医院"):
		return levelProvince
	}
	level := levelUnknown
	rest := name
	for rest != "" {
		p, l := leadingPlace(rest)
		if p == "" {
			break
		}
		level = l
		rest = rest[len(p):]
	}
	if level != levelUnknown {
		return level
	}
	// 省人民医院, 市中医院, 县医院: a level word for the article's own place.
	switch {
	case strings.HasPrefix(name, "省"):
		return levelProvince
	case strings.HasPrefix(name, "市") || strings.HasPrefix(name, "州"):
		return levelCity
	case strings.HasPrefix(name, "县") || strings.HasPrefix(name, "区") || strings.HasPrefix(name, "旗"):
		return levelCounty
	}
	// 杨凌示范区医院, 某某县中医院: a place the gazetteer does not hold,
	// told by the level word it ends in.
	head := name
	if suf := orgSuffixOf(name, ""); suf != nil {
		head = strings.TrimSuffix(name, suf.text)
	}
	switch {
	case hasAnySuffix(head, []string{"示范区", "新区", "开发区", "高新区", "县", "旗"}) != "" || strings.Contains(head, "县"):
		return levelCounty
	case hasAnySuffix(head, []string{"市", "州", "盟", "地区"}) != "":
		return levelCity
	}
	return levelUnknown
}

// leadingPlace returns the place that starts text and the level of the
// division it names, or "".
func leadingPlace(text string) (string, orgLevel) {
	pl := places()
	best, level := "", levelUnknown
	consider := func(w string, l orgLevel) {
		if len(w) > len(best) {
			best, level = w, l
		}
	}
	consider(pl.provinces.prefixOf(text), levelProvince)
	consider(pl.cities.prefixOf(text), levelCity)
	consider(pl.prefectures.prefixOf(text), levelCounty) // the county-level cities
	if w := pl.divisions.prefixOf(text); w != "" {
		switch pl.level[w] {
		case gazetteer.Province:
			consider(w, levelProvince)
		case gazetteer.Prefecture:
			consider(w, levelCity)
		case gazetteer.County:
			consider(w, levelCounty)
		case gazetteer.Outside:
			consider(w, levelCity)
		}
	}
	// 北京市, 黔南州: the level word after a short form goes with it.
	if best != "" && !strings.HasSuffix(best, "市") && !strings.HasSuffix(best, "州") {
		if w := hasAnyPrefix(text[len(best):], []string{"市", "州"}); w != "" {
			best += w
		}
	}
	return best, level
}

// helpsDown orders two organisations that a text says help one another
// (A 与 B 建立对口帮扶关系): the one at the higher level is the helper. It
// returns the pair as given when their levels are the same or unknown.
func helpsDown(a, b *Entity) (helper, helped *Entity) {
	la, lb := levelOf(a.Name), levelOf(b.Name)
	if la != levelUnknown && lb != levelUnknown && lb > la {
		return b, a
	}
	return a, b
}
