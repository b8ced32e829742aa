package intake

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestDecodeLegacy encodes the seeds in each legacy encoding and expects the
// detector to read them back exactly, and to refuse the wrong guess.
func TestDecodeLegacy(t *testing.T) {
	type fixture struct {
		name, text string
		enc        encoding.Encoding
	}
	var fixtures []fixture
	for _, seed := range seedNames(t) {
		text := string(readSeed(t, seed))
		fixtures = append(fixtures, fixture{seed + "/gb18030", text, simplifiedchinese.GB18030})
		if _, err := simplifiedchinese.GBK.NewEncoder().String(text); err == nil {
			fixtures = append(fixtures, fixture{seed + "/gbk", text, simplifiedchinese.GBK})
		}
	}
	fixtures = append(fixtures, fixture{seed004 + "/big5", big5Subset(t, string(readSeed(t, seed004))), traditionalchinese.Big5})
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			got, err := decodeText(encodeWith(t, fx.enc, fx.text), "")
			if err != nil {
				t.Fatal(err)
			}
			if got != fx.text {
				t.Fatalf("decoded text differs:\n%s", firstDifference(got, fx.text))
			}
		})
	}
}

// TestLegacyScore ranks the right decoding of each seed above the wrong one.
func TestLegacyScore(t *testing.T) {
	cases := []struct {
		name       string
		text       string
		right      encoding.Encoding
		wrong      encoding.Encoding
		wrongValid bool // whether the wrong decoding may still pass as text
	}{
		{"simplified as big5", string(readSeed(t, "001_cbff99e1412477c5.txt")), simplifiedchinese.GB18030, traditionalchinese.Big5, false},
		{"traditional gb18030 as big5", string(readSeed(t, seed004)), simplifiedchinese.GB18030, traditionalchinese.Big5, false},
		{"big5 as gb18030", big5Subset(t, string(readSeed(t, seed004))), traditionalchinese.Big5, simplifiedchinese.GB18030, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			raw := encodeWith(t, tc.right, tc.text)
			right, err := tc.right.NewDecoder().String(string(raw))
			if err != nil {
				t.Fatal(err)
			}
			wrong, err := tc.wrong.NewDecoder().String(string(raw))
			if err != nil {
				t.Fatal(err)
			}
			rightScore, rightOK := legacyScore(right)
			wrongScore, wrongOK := legacyScore(wrong)
			if !rightOK || rightScore <= wrongScore || wrongOK != tc.wrongValid {
				t.Errorf("right %.2f (%v), wrong %.2f (%v)", rightScore, rightOK, wrongScore, wrongOK)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	gbkPage := encodeWith(t, simplifiedchinese.GBK, "<meta charset=gb2312>北京大学第一医院")
	cases := []struct {
		name, hint string
		raw        []byte
		want       string
		err        error
	}{
		{"utf-8", "", []byte("北京医院"), "北京医院", nil},
		{"utf-8 bom", "", []byte("\ufeff北京医院"), "北京医院", nil},
		{"utf-16le bom", "", []byte("\xff\xfe\x17\x53\xac\x4e"), "北京", nil},
		{"utf-16be bom", "", []byte("\xfe\xff\x53\x17\x4e\xac"), "北京", nil},
		{"truncated utf-8", "", []byte("北京医院北京医院北京医院" + "院"[:2]), "北京医院北京医院北京医院\ufffd", nil},
		{"declared gbk", "gb2312", gbkPage, "<meta charset=gb2312>北京大学第一医院", nil},
		{"nul", "", []byte("abc\x00def"), "", ErrNotText},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeText(tc.raw, tc.hint)
			if !errors.Is(err, tc.err) || got != tc.want {
				t.Fatalf("decodeText = %q, %v; want %q, %v", got, err, tc.want, tc.err)
			}
		})
	}
}

func TestCommonChineseRunes(t *testing.T) {
	common := commonChineseRunes()
	for _, r := range "医院北京大学醫院衛生發展" {
		if !common[r] {
			t.Errorf("%c is not common", r)
		}
	}
	for _, r := range strings.Split("蚳扢", "") {
		if common[[]rune(r)[0]] {
			t.Errorf("%s is common", r)
		}
	}
}
