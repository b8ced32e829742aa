package intake

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/liuzl/da"
	"github.com/liuzl/gocc"

	"hospkg/t2s"
)

// simplifier converts traditional to simplified Chinese with OpenCC's t2s
// dictionaries. It walks the dictionaries itself, the way gocc's Convert
// does, so that it knows which source span every replacement came from and
// can keep the offset map of a document exact.
type simplifier struct {
	// dicts are tried in order at every position; the first one with a match
	// wins, with its longest key (OpenCC's phrases before characters).
	dicts []*da.Dict
	// variants are the Hong Kong and Taiwan forms t2s leaves alone (衞 of
	// 衞生署): after the dictionaries, each becomes its simplified character.
	variants map[rune]rune
}

var (
	loadSimplifierOnce sync.Once
	sharedSimplifier   *simplifier
	errSimplifier      error
)

// loadSimplifier builds the t2s dictionaries once per process: they are
// compiled into gocc but take milliseconds to turn into tries.
func loadSimplifier() (*simplifier, error) {
	loadSimplifierOnce.Do(func() {
		sharedSimplifier, errSimplifier = newSimplifier()
	})
	return sharedSimplifier, errSimplifier
}

func newSimplifier() (*simplifier, error) {
	cc, err := gocc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("load t2s dictionaries: %w", err)
	}
	// t2s is a single group: TSPhrases then TSCharacters. Anything else means
	// gocc changed under us and the conversion below would not match it.
	if len(cc.DictChains) != 1 || len(cc.DictChains[0].Dicts) != 2 {
		return nil, fmt.Errorf("load t2s dictionaries: unexpected conversion chain %v", cc.DictChains)
	}
	return &simplifier{dicts: cc.DictChains[0].Dicts, variants: t2s.Variants()}, nil
}

var (
	traditionalOnce sync.Once
	// traditionalBits has bit r set for every character of traditionalChars.
	traditionalBits []uint64
)

// isTraditional reports whether t2s may change the character r. It reads
// traditionalChars, not the dictionaries: a text in simplified characters,
// such as a name typed into a query, is told apart without building the
// dictionaries' tries, which took a third of a query's process.
func isTraditional(r rune) bool {
	if r < 0x3400 {
		return false // no Han character below: a quick exit for ASCII and punctuation
	}
	traditionalOnce.Do(func() {
		chars := []rune(traditionalChars)
		traditionalBits = make([]uint64, chars[len(chars)-1]/64+1)
		for _, c := range chars {
			traditionalBits[c/64] |= 1 << (c % 64)
		}
	})
	word := int(r / 64)
	return word < len(traditionalBits) && traditionalBits[word]&(1<<(r%64)) != 0
}

// hasTraditional reports whether text contains a character t2s may change.
func hasTraditional(text string) bool {
	for _, r := range text {
		if isTraditional(r) {
			return true
		}
	}
	return false
}

// longestMatch returns the replacement for the longest dictionary key that
// starts text, and the key's length in bytes; 0 when nothing matches.
func (s *simplifier) longestMatch(text []byte) (string, int) {
	for _, d := range s.dicts {
		ids := d.Trie.PrefixMatch(text, 0)
		// PrefixMatch lists matches from the shortest key to the longest.
		for k := len(ids) - 1; k >= 0; k-- {
			key, err := d.Trie.Key(ids[k])
			if err != nil {
				continue
			}
			v, err := d.Trie.Value(ids[k])
			if err != nil || v < 0 || v >= len(d.Values) || len(d.Values[v]) == 0 {
				continue
			}
			return d.Values[v][0], len(key)
		}
	}
	if r, n := utf8.DecodeRune(text); s.variants[r] != 0 {
		return string(s.variants[r]), n
	}
	return "", 0
}

// convert simplifies text. origin, when not nil, maps each byte offset of
// text (len(text)+1 entries) to an offset elsewhere; the result's map is
// composed with it, so it points wherever origin pointed. A replacement of
// the same number of characters maps character by character; one that
// changes length maps wholly to the start of its key, which keeps the map
// monotonic.
func (s *simplifier) convert(text string, origin []int) (string, []int) {
	src := []byte(text)
	out := make([]byte, 0, len(text))
	mapped := make([]int, 0, len(text)+1)
	at := func(i int) int {
		if origin == nil {
			return i
		}
		return origin[i]
	}
	for i := 0; i < len(src); {
		replacement, keyLen := s.longestMatch(src[i:])
		if keyLen == 0 {
			_, n := utf8.DecodeRune(src[i:])
			out = append(out, src[i:i+n]...)
			for range n {
				mapped = append(mapped, at(i))
			}
			i += n
			continue
		}
		key := text[i : i+keyLen]
		if utf8.RuneCountInString(key) == utf8.RuneCountInString(replacement) {
			j := i
			for _, r := range replacement {
				_, n := utf8.DecodeRuneInString(text[j:])
				for range utf8.RuneLen(r) {
					mapped = append(mapped, at(j))
				}
				j += n
			}
		} else {
			for range len(replacement) {
				mapped = append(mapped, at(i))
			}
		}
		out = append(out, replacement...)
		i += keyLen
	}
	mapped = append(mapped, at(len(src)))
	return string(out), mapped
}

// Simplify converts traditional Chinese to simplified (OpenCC t2s phrases,
// then characters), for canonical names and for names users type in
// queries. Text without traditional characters comes back unchanged, and so
// does everything if the compiled-in dictionaries cannot be loaded.
func Simplify(s string) string {
	if !hasTraditional(s) {
		return s
	}
	conv, err := loadSimplifier()
	if err != nil {
		return s
	}
	out, _ := conv.convert(s, nil)
	return out
}
