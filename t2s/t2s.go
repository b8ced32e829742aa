// Package t2s holds the one-to-one traditional → simplified character table
// of OpenCC 1.1.6 (its t2s conversion, then the Hong Kong and Taiwan variants
// of hk2s and tw2s), generated into table.go by gen/ from Debian's opencc
// package. It is the table ../shared/eval/score.py reads from t2s.txt, so
// that hospkg eval compares names exactly as the reference scorer does, and
// the variant characters that OpenCC's t2s leaves alone (衞 of 衞生署) are
// written simplified by the recognisers too.
package t2s

//go:generate go run ./gen -o table.go

// Table maps each traditional or variant character of the Basic
// Multilingual Plane to its one simplified character, in the order of
// score.py's table (later duplicates never override earlier ones).
func Table() (traditional, simplified []rune) {
	return []rune(traditionalChars), []rune(simplifiedChars)
}

// Variants maps the variant characters that OpenCC's t2s conversion leaves
// unchanged but hk2s or tw2s simplify (衞 → 卫, 衹 → 只), restricted to
// characters outside GB2312: a character of the simplified national set
// (抬, 么, 著) is simplified text already and stays as it is.
func Variants() map[rune]rune {
	from, to := []rune(variantFrom), []rune(variantTo)
	m := make(map[rune]rune, len(from))
	for i := range from {
		m[from[i]] = to[i]
	}
	return m
}
