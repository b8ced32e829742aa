package intake

import (
	"bytes"
	"errors"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

const seed004 = "004_156b9b7868ec6fd3.txt"

// seedNames lists the seed documents of ../seeds.
func seedNames(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	return names
}

func readSeed(t testing.TB, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("../seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func mustRead(t testing.TB, name string, raw []byte) Document {
	t.Helper()
	doc, err := ReadDocument(name, raw)
	if err != nil {
		t.Fatalf("ReadDocument(%s): %v", name, err)
	}
	checkOrigin(t, doc)
	return doc
}

// checkOrigin asserts the invariants of a document's offset map.
func checkOrigin(t testing.TB, doc Document) {
	t.Helper()
	if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Original) {
		t.Fatalf("%s: text or original is not valid UTF-8", doc.Name)
	}
	if doc.origin == nil {
		if doc.Text != doc.Original {
			t.Fatalf("%s: no offset map but Text != Original", doc.Name)
		}
		return
	}
	if len(doc.origin) != len(doc.Text)+1 {
		t.Fatalf("%s: offset map has %d entries for %d bytes", doc.Name, len(doc.origin), len(doc.Text))
	}
	for i, off := range doc.origin {
		if off < 0 || off > len(doc.Original) {
			t.Fatalf("%s: offset %d maps out of range to %d", doc.Name, i, off)
		}
		if i > 0 && off < doc.origin[i-1] {
			t.Fatalf("%s: offset map decreases at %d", doc.Name, i)
		}
	}
	if last := doc.origin[len(doc.Text)]; last != len(doc.Original) {
		t.Fatalf("%s: end of Text maps to %d, not the end of Original %d", doc.Name, last, len(doc.Original))
	}
}

func encodeWith(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

// canonicalPinyin is the test's own, simpler view of a pinyin annotation.
var canonicalPinyin = regexp.MustCompile(`(\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)`)

// big5Subset keeps the lines of a text that Big5 can encode once the pinyin
// annotations (tone marks are not in Big5) are gone.
func big5Subset(t testing.TB, s string) string {
	s = canonicalPinyin.ReplaceAllString(s, "$1")
	var kept []string
	for line := range strings.SplitSeq(s, "\n") {
		if _, err := traditionalchinese.Big5.NewEncoder().String(line); err == nil {
			kept = append(kept, line)
		}
	}
	if len(kept) < 5 {
		t.Fatalf("only %d lines of the seed are Big5", len(kept))
	}
	return strings.Join(kept, "\n")
}

// Markers of page furniture that must never reach Text.
const (
	navMarker       = "导航首页新闻中心"
	scriptMarker    = "脚本里的医院"
	footerMarker    = "版权所有页脚医院"
	breadcrumbMark  = "当前位置面包屑"
	shareMarker     = "分享到微信"
	styleMarkerRule = "body{font-family:宋体}"
)

// htmlPage wraps text as a news page: a title, a menu, scripts, a
// breadcrumb, share buttons and a footer around one paragraph a line.
func htmlPage(title, text, charset string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"" + charset + "\">\n")
	b.WriteString("<title>" + html.EscapeString(title) + "</title>\n")
	b.WriteString("<style>" + styleMarkerRule + "</style>\n")
	b.WriteString("<script>var h = \"" + scriptMarker + "\";</script>\n</head>\n<body>\n")
	b.WriteString("<nav><ul><li><a href=\"/\">" + navMarker + "</a></li></ul></nav>\n")
	b.WriteString("<div class=\"top-menu\"><a href=\"#\">" + navMarker + "</a></div>\n")
	b.WriteString("<div id=\"breadcrumb\">" + breadcrumbMark + "</div>\n")
	b.WriteString("<div class=\"article-content\">\n")
	for line := range strings.SplitSeq(text, "\n") {
		b.WriteString("  <p>" + html.EscapeString(line) + "</p>\n")
	}
	b.WriteString("</div>\n<div class=\"share-bar\">" + shareMarker + "</div>\n")
	b.WriteString("<footer><p>" + footerMarker + "</p></footer>\n")
	b.WriteString("<script>document.title = \"" + scriptMarker + "\";</script>\n</body>\n</html>\n")
	return b.String()
}

func withoutSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestReadDocumentShapes reads every seed in every shape it may arrive in and
// expects the Text of the plain UTF-8 file.
func TestReadDocumentShapes(t *testing.T) {
	type shape struct {
		name string
		file string // the file name ReadDocument sees
		raw  func(t testing.TB, text string) []byte
		html bool // compare without white space; no page furniture
	}
	shapes := []shape{
		{"utf8-bom", "a.txt", func(t testing.TB, s string) []byte { return append([]byte("\ufeff"), s...) }, false},
		{"utf16le-bom", "a.txt", func(t testing.TB, s string) []byte {
			return encodeWith(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), s)
		}, false},
		{"utf16be-bom", "a.txt", func(t testing.TB, s string) []byte {
			return encodeWith(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), s)
		}, false},
		{"utf16le-no-bom", "a.txt", func(t testing.TB, s string) []byte {
			return encodeWith(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), s)
		}, false},
		{"utf16be-no-bom", "a.txt", func(t testing.TB, s string) []byte {
			return encodeWith(t, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), s)
		}, false},
		{"gb18030", "a.txt", func(t testing.TB, s string) []byte { return encodeWith(t, simplifiedchinese.GB18030, s) }, false},
		{"crlf", "a.txt", func(t testing.TB, s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r\n")) }, false},
		{"html", "a.html", func(t testing.TB, s string) []byte { return []byte(htmlPage("标题", s, "utf-8")) }, true},
		{"html-sniffed", "a.txt", func(t testing.TB, s string) []byte { return []byte(htmlPage("标题", s, "utf-8")) }, true},
		{"html-gb18030-meta", "a.htm", func(t testing.TB, s string) []byte {
			return encodeWith(t, simplifiedchinese.GB18030, htmlPage("标题", s, "gb18030"))
		}, true},
		{"html-utf16le", "a.html", func(t testing.TB, s string) []byte {
			return encodeWith(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), htmlPage("标题", s, "utf-16"))
		}, true},
	}
	for _, seed := range seedNames(t) {
		text := string(readSeed(t, seed))
		plain := mustRead(t, seed, []byte(text))
		for _, sh := range shapes {
			t.Run(seed+"/"+sh.name, func(t *testing.T) {
				doc := mustRead(t, sh.file, sh.raw(t, text))
				if !sh.html {
					if doc.Text != plain.Text {
						t.Fatalf("Text differs from the plain UTF-8 seed:\n%s", firstDifference(doc.Text, plain.Text))
					}
					return
				}
				if got, want := withoutSpace(doc.Text), withoutSpace(plain.Text); got != want {
					t.Fatalf("Text differs from the plain UTF-8 seed:\n%s", firstDifference(got, want))
				}
				for _, marker := range []string{navMarker, scriptMarker, footerMarker, breadcrumbMark, shareMarker, "font-family"} {
					if strings.Contains(doc.Text, marker) {
						t.Errorf("page furniture %q reached Text", marker)
					}
				}
				if doc.Title != "标题" {
					t.Errorf("Title = %q, want the page title", doc.Title)
				}
			})
		}
	}
	// Big5 cannot hold the pinyin tone marks nor simplified characters:
	// compare on the lines of the traditional seed it can hold.
	t.Run(seed004+"/big5", func(t *testing.T) {
		text := big5Subset(t, string(readSeed(t, seed004)))
		plain := mustRead(t, seed004, []byte(text))
		doc := mustRead(t, seed004, encodeWith(t, traditionalchinese.Big5, text))
		if doc.Text != plain.Text {
			t.Fatalf("Text differs from the UTF-8 file:\n%s", firstDifference(doc.Text, plain.Text))
		}
	})
}

func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-30)
	return "got:  " + strings.ToValidUTF8(got[from:min(len(got), i+60)], "·") + "\nwant: " + strings.ToValidUTF8(want[from:min(len(want), i+60)], "·")
}

func TestReadDocumentSeed004(t *testing.T) {
	doc := mustRead(t, seed004, readSeed(t, seed004))
	if m := canonicalPinyin.FindString(doc.Text); m != "" {
		t.Errorf("Text keeps a pinyin annotation: %q", m)
	}
	if m := regexp.MustCompile(`\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)`).FindString(doc.Text); m != "" {
		t.Errorf("Text keeps a stray pinyin annotation: %q", m)
	}
	if strings.ContainsAny(doc.Text, "?\ufffd") {
		i := strings.IndexAny(doc.Text, "?\ufffd")
		t.Errorf("Text keeps a lost character near %q", doc.Text[max(0, i-20):min(len(doc.Text), i+20)])
	}
	for _, want := range []string{"衡水市第二人民医院", "临床\u3000,推进医学", "精益求精勇\u3000展重任", "以\u3000展带动"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("Text lacks %q", want)
		}
	}
	if !strings.Contains(doc.Original, "醫(yī)院") {
		t.Errorf("Original lost the annotation 醫(yī)院")
	}
	if doc.Title != "发布时间:2022-01-17 发布:管理员 阅读:" {
		t.Errorf("Title = %q", doc.Title)
	}
	name := "衡水市第二人民医院"
	at := strings.Index(doc.Text, name)
	if got, want := doc.OriginalSpan(at, at+len(name)), "衡水市第二人民醫(yī)院"; got != want {
		t.Errorf("OriginalSpan of %s = %q, want %q", name, got, want)
	}
}

// TestReadDocumentUTF16WithoutZeroBytes: Chinese alone in UTF-16 without a
// BOM has few zero bytes (一 is 4E 00) or none to give it away; it is read
// in the byte order whose characters are common ones.
func TestReadDocumentUTF16WithoutZeroBytes(t *testing.T) {
	for _, seed := range seedNames(t) {
		for _, keep := range []func(rune) bool{
			func(r rune) bool { return unicode.Is(unicode.Han, r) },
			func(r rune) bool { return unicode.Is(unicode.Han, r) && r&0xff != 0 }, // no zero byte at all
		} {
			han := strings.Map(func(r rune) rune {
				if keep(r) {
					return r
				}
				return -1
			}, string(readSeed(t, seed)))
			plain := mustRead(t, seed, []byte(han))
			for _, order := range []xunicode.Endianness{xunicode.LittleEndian, xunicode.BigEndian} {
				raw := encodeWith(t, xunicode.UTF16(order, xunicode.IgnoreBOM), han)
				if doc := mustRead(t, seed, raw); doc.Text != plain.Text {
					t.Errorf("%s: %s", seed, firstDifference(doc.Text, plain.Text))
				}
			}
		}
	}
}

func TestReadDocumentRejects(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	randomBytes := func(n int, nul bool) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if !nul && b[i] == 0 {
				b[i] = 0x80
			}
		}
		return b
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\\r\xa8f")
	cases := []struct {
		name string
		file string
		raw  []byte
		want error
	}{
		{"empty", "a.txt", nil, ErrEmpty},
		{"white space", "a.txt", []byte(" \n\t\r\n  "), ErrEmpty},
		{"bom only", "a.txt", []byte("\ufeff"), ErrEmpty},
		{"utf16 spaces", "a.txt", []byte("\xff\xfe \x00\n\x00\x000"), ErrEmpty},
		{"zero-width only", "a.txt", []byte("\u200b\u200b\n"), ErrEmpty},
		{"html furniture only", "a.html", []byte(htmlPage("", "", "utf-8")), ErrEmpty},
		{"png", "a.png", png, ErrNotText},
		{"png named txt", "a.txt", append(png, randomBytes(2000, true)...), ErrNotText},
		{"random with nul", "a.txt", randomBytes(4096, true), ErrNotText},
		{"random high bytes", "a.txt", randomBytes(4096, false), ErrNotText},
		{"random after utf16 bom", "a.txt", append([]byte{0xff, 0xfe}, randomBytes(4096, false)...), ErrNotText},
		{"control characters", "a.txt", []byte("\x01\x02\x03\x04abc\x05\x06"), ErrNotText},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDocument(tc.file, tc.raw)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), tc.file+": ") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

// TestReadDocumentBrokenUTF8 reads UTF-8 with a damaged character in the
// middle and a truncated one at the end as UTF-8, each loss a separator.
func TestReadDocumentBrokenUTF8(t *testing.T) {
	for _, seed := range seedNames(t) {
		t.Run(seed, func(t *testing.T) {
			raw := readSeed(t, seed)
			plain := mustRead(t, seed, raw)
			at := bytes.IndexByte(raw, ',')
			broken := append(append(append([]byte{}, raw[:at]...), "院"[:2]...), raw[at:]...)
			broken = append(broken, "院"[:2]...)
			doc := mustRead(t, seed, broken)
			i := strings.IndexByte(plain.Text, ',')
			want := plain.Text[:i] + "\u3000" + plain.Text[i:] + "\u3000"
			if doc.Text != want {
				t.Fatalf("want one separator for each broken character:\n%s", firstDifference(doc.Text, want))
			}
		})
	}
}

// TestOriginalOffsets checks that every run of Chinese characters in Text
// points back at the Original text it was normalised from.
func TestOriginalOffsets(t *testing.T) {
	hanRun := regexp.MustCompile(`\p{Han}+`)
	for _, seed := range seedNames(t) {
		for _, shape := range []struct{ name, file string }{{"plain", seed}, {"html", "a.html"}} {
			t.Run(seed+"/"+shape.name, func(t *testing.T) {
				raw := readSeed(t, seed)
				if shape.name == "html" {
					raw = []byte(htmlPage("标题", string(raw), "utf-8"))
				}
				doc := mustRead(t, shape.file, raw)
				runs := hanRun.FindAllStringIndex(doc.Text, -1)
				if len(runs) < 50 {
					t.Fatalf("only %d runs of Chinese characters", len(runs))
				}
				for _, r := range runs {
					want := doc.Text[r[0]:r[1]]
					got, _, err := normalize(doc.OriginalSpan(r[0], r[1]))
					if err != nil {
						t.Fatal(err)
					}
					if strings.TrimFunc(got, IsSpace) != want {
						t.Fatalf("span %v: Original %q normalises to %q, want %q", r, doc.OriginalSpan(r[0], r[1]), got, want)
					}
				}
			})
		}
	}
}

func BenchmarkReadDocument(b *testing.B) {
	raw := readSeed(b, seed004)
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for b.Loop() {
		doc, err := ReadDocument(seed004, raw)
		if err != nil {
			b.Fatal(err)
		}
		if !strings.Contains(doc.Text, "衡水市第二人民医院") {
			b.Fatal("Text not simplified")
		}
	}
}
