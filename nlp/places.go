package nlp

import (
	"strings"
	"sync"
	"unicode/utf8"

	"hospkg/nlp/gazetteer"
)

// placeLexicons are the place names the recognisers use, read from the
// gazetteer of administrative divisions.
type placeLexicons struct {
	// provinces are the short forms of the provinces and of Hong Kong,
	// Macau and Taiwan (内蒙古, 香港): they always start a name.
	provinces *wordList
	// prefectures are the short forms of the prefecture-level divisions and
	// of the county-level cities (龙岩, 恩施, 义乌), which hospitals' names
	// often open without 市 or 州.
	prefectures *wordList
	// cities are the short forms of the prefecture-level divisions alone.
	cities *wordList
	// divisions are the full names of every division, former ones and
	// those of Hong Kong, Macau and Taiwan included (密云区, 宁乡县, 沙田区).
	divisions *wordList
	// level is the level of each full name.
	level map[string]gazetteer.Level
	// first holds the first characters of every name above.
	first *runeSet
}

var (
	placesOnce sync.Once
	placesData *placeLexicons
)

// places returns the place lexicons, built once per process.
func places() *placeLexicons {
	placesOnce.Do(func() { placesData = buildPlaces() })
	return placesData
}

// ambiguousPOS are gse's parts of speech of words that are not names:
// a short form gse reads as one of them (合作 of 合作市, 大同) is a word of
// the language first and starts no name.
var ambiguousPOS = map[string]bool{
	"v": true, "vn": true, "vd": true, "vi": true, "a": true, "ad": true, "an": true, "d": true,
	"i": true, "l": true, "c": true, "p": true, "m": true, "q": true, "r": true, "t": true, "f": true, "u": true,
}

func buildPlaces() *placeLexicons {
	seg, _ := LoadSegmenter() // without gse, no short form is taken for a word
	isWord := func(w string) bool {
		if seg == nil {
			return false
		}
		_, pos, ok := seg.seg.Find(w)
		return ok && ambiguousPOS[pos]
	}
	var provinces, prefectures, cities, divisions []string
	level := make(map[string]gazetteer.Level)
	for _, d := range gazetteer.Divisions() {
		if _, ok := level[d.Name]; !ok {
			level[d.Name] = d.Level
		}
		if len([]rune(d.Name)) >= 2 {
			divisions = append(divisions, d.Name)
		}
		if d.Short == "" {
			continue
		}
		switch {
		case d.Level == gazetteer.Province, d.Level == gazetteer.Outside && d.Name == d.Province:
			provinces = append(provinces, d.Short)
		case d.Level == gazetteer.Prefecture, d.Level == gazetteer.County && strings.HasSuffix(d.Name, "市"),
			d.Level == gazetteer.Outside && hasAnySuffix(d.Name, []string{"市", "县"}) != "":
			if !isWord(d.Short) {
				prefectures = append(prefectures, d.Short)
				if d.Level == gazetteer.Prefecture {
					cities = append(cities, d.Short)
				}
			}
		}
	}
	first := new(runeSet)
	for _, list := range [][]string{provinces, prefectures, divisions} {
		for _, w := range list {
			r, _ := utf8.DecodeRuneInString(w)
			first.add(r)
		}
	}
	return &placeLexicons{
		first:       first,
		provinces:   newWordList(provinces),
		prefectures: newWordList(prefectures),
		cities:      newWordList(cities),
		divisions:   newWordList(divisions),
		level:       level,
	}
}

// placeAt returns the place name that starts text: a province, a
// prefecture-level or county-level city by its short form, or any division
// by its full name; "" if none does.
func placeAt(text string) string {
	pl := places()
	best := pl.provinces.prefixOf(text)
	for _, w := range []string{pl.prefectures.prefixOf(text), pl.divisions.prefixOf(text)} {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// placeFrom returns the place name that starts text and certainly names a
// place there: a province, a prefecture-level city by its short form, or a
// division by its full name (county-level cities' short forms, such as 化州
// in 强化州级, are words of the language as often).
func placeFrom(text string) string {
	pl := places()
	best := pl.provinces.prefixOf(text)
	for _, w := range []string{pl.cities.prefixOf(text), pl.divisions.prefixOf(text)} {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}
