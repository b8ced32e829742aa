package intake

import (
	"testing"

	"github.com/liuzl/gocc"
)

func TestSimplify(t *testing.T) {
	cases := []struct{ in, want string }{
		{"頭髮", "头发"},
		{"瞭解", "了解"},
		{"醫院", "医院"},
		{"乾燥", "干燥"},
		{"衡水市第二人民醫院", "衡水市第二人民医院"},
		// Hong Kong's 衞 is left alone by OpenCC's t2s, not by hk2s.
		{"衞生署", "卫生署"},
		{"食物及衞生局", "食物及卫生局"},
		{"北京大学第一医院", "北京大学第一医院"},
		// GB2312 characters that a variant table would rewrite stay.
		{"什么", "什么"},
		{"著名", "著名"},
		{"ICU病房", "ICU病房"},
		{"", ""},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			if got := Simplify(tc.in); got != tc.want {
				t.Errorf("Simplify(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestSimplifyMatchesGocc guards the reimplemented dictionary walk: it must
// convert exactly as gocc's own Convert does.
func TestSimplifyMatchesGocc(t *testing.T) {
	cc, err := gocc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range seedNames(t) {
		t.Run(seed, func(t *testing.T) {
			text := string(readSeed(t, seed))
			want, err := cc.Convert(text)
			if err != nil {
				t.Fatal(err)
			}
			if got := Simplify(text); got != want {
				t.Fatalf("Simplify differs from gocc:\n%s", firstDifference(got, want))
			}
		})
	}
}

func TestHasTraditional(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"北京大学第一医院整形烧伤外科", false},
		{"了解情况", false},
		{"醫院", true},
		{"瞭解", true}, // 瞭 changes only inside a phrase
		{"衞生署", true},
		{"hospital", false},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			if got := hasTraditional(tc.text); got != tc.want {
				t.Errorf("hasTraditional(%q) = %v", tc.text, got)
			}
		})
	}
}

// TestConvertOffsets checks the map of a conversion on its own: one entry a
// byte, each simplified character pointing at its traditional one.
func TestConvertOffsets(t *testing.T) {
	conv, err := loadSimplifier()
	if err != nil {
		t.Fatal(err)
	}
	text, origin := conv.convert("我瞭解醫院a", nil)
	if text != "我了解医院a" {
		t.Fatalf("convert = %q", text)
	}
	want := []int{0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9, 12, 12, 12, 15, 16}
	if len(origin) != len(want) {
		t.Fatalf("origin = %v, want %v", origin, want)
	}
	for i := range want {
		if origin[i] != want[i] {
			t.Fatalf("origin = %v, want %v", origin, want)
		}
	}
}
