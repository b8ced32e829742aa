package t2s

import (
	"os"
	"strings"
	"testing"
)

// referenceTable is where the reference scorer's t2s.txt is found beside
// this repository (as .ci/run looks for it).
const referenceTable = "../../shared/eval/t2s.txt"

// TestTableEqualsScorerTable holds the generated table to score.py's
// t2s.txt, character for character and in order.
func TestTableEqualsScorerTable(t *testing.T) {
	data, err := os.ReadFile(referenceTable)
	if err != nil {
		t.Skip("score.py's t2s.txt is not beside this repository: " + err.Error())
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) < 2 {
		t.Fatalf("t2s.txt has %d lines, want 2", len(lines))
	}
	from, to := Table()
	if string(from) != lines[0] {
		t.Errorf("traditional characters differ from t2s.txt: %d against %d", len(from), len([]rune(lines[0])))
	}
	if string(to) != lines[1] {
		t.Errorf("simplified characters differ from t2s.txt: %d against %d", len(to), len([]rune(lines[1])))
	}
}

func TestTable(t *testing.T) {
	from, to := Table()
	if len(from) != len(to) || len(from) < 3000 {
		t.Fatalf("table of %d → %d characters", len(from), len(to))
	}
	m := make(map[rune]rune)
	for i, r := range from {
		if _, dup := m[r]; dup {
			t.Errorf("%c listed twice", r)
		}
		m[r] = to[i]
	}
	for tr, want := range map[rune]rune{'醫': '医', '衞': '卫', '臺': '台', '療': '疗', '總': '总'} {
		if m[tr] != want {
			t.Errorf("%c → %c, want %c", tr, m[tr], want)
		}
	}
}

func TestVariants(t *testing.T) {
	v := Variants()
	if v['衞'] != '卫' {
		t.Errorf("衞 → %c, want 卫", v['衞'])
	}
	// Characters of simplified text are never rewritten.
	for _, r := range "抬么著医院" {
		if _, ok := v[r]; ok {
			t.Errorf("%c is a variant: it is a GB2312 character", r)
		}
	}
}
