package intake

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"pinyin after han", "發(fā)布", "发布"},
		{"pinyin in a name", "衡水市第二人民醫(yī)院", "衡水市第二人民医院"},
		{"pinyin full-width parens", "衛（wèi）生", "卫生"},
		{"parenthesis after latin stays", "CT(ab)检查", "CT(ab)检查"},
		{"uppercase stays", "除颤器(ICD)", "除颤器(ICD)"},
		{"too long for pinyin", "医院(zhuangyuan)", "医院(zhuangyuan)"},
		{"lost characters between han", "加強臨床??平ㄔO(shè),推進", "加强临床\u3000,推进"},
		{"lost character with annotation debris", "勇?lián)l(fā)展重任", "勇\u3000展重任"},
		{"lost characters before debris", "以??瓢l(fā)展帶動", "以\u3000展带动"},
		{"replacement characters", "北京\ufffd\ufffd医院", "北京\u3000医院"},
		{"replacement at the end", "医院\ufffd", "医院\u3000"},
		{"question mark ends a question", "为什么?\nWhy?", "为什么?\nWhy?"},
		{"question mark in latin", "Really? Yes", "Really? Yes"},
		{"full-width ascii", "ＣＴ室，１２３！（Ａ）", "CT室,123!(A)"},
		{"zero-width", "医\u200b院\u200d\ufeff", "医院"},
		{"spaces", "北京\u00a0医院\u2003科室\u3000主任", "北京 医院 科室\u3000主任"},
		{"line breaks", "一\r\n二\r三\u2028四", "一\n二\n三\n四"},
		{"controls", "医\x01院\x7f", "医院"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, origin, err := normalize(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Fatalf("normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			checkOrigin(t, Document{Name: tc.name, Original: tc.in, Text: got, origin: origin})
		})
	}
}

// FuzzNormalize feeds arbitrary bytes to ReadDocument, as a plain file and as
// a page: it must never panic, only refuse with its sentinel errors, and
// every document it returns must carry a sound offset map.
func FuzzNormalize(f *testing.F) {
	for _, seed := range []string{
		"發(fā)布時間:2022-01-17\n衡水市第二人民醫(yī)院",
		"加強臨床??平ㄔO(shè),推進醫(yī)學",
		"精益求精勇?lián)l(fā)展重任",
		"北京\ufffd医院\r\nＣＴ\u200b室",
		"\ufeff北京大学第一医院",
		"\xff\xfe\x2d\x53\x62\x96",
		"<html><title>医院</title><body><p>北京医院</p><script>x</script></body></html>",
		"\xd2\xbd\xd4\xba", // 医院 in GBK
		"\xc2\xe5\xb0\x7c", // 醫院 in Big5
		"医(",
		"?(a)",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, name := range []string{"fuzz.txt", "fuzz.html"} {
			doc, err := ReadDocument(name, raw)
			if err != nil {
				if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotText) {
					t.Fatalf("%s: unexpected error %v", name, err)
				}
				continue
			}
			checkOrigin(t, doc)
			if !utf8.ValidString(doc.Title) || strings.TrimFunc(doc.Text, IsSpace) == "" {
				t.Fatalf("%s: bad title %q or blank text", name, doc.Title)
			}
		}
	})
}
