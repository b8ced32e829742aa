package eval

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// referenceScorer is score.py, beside this repository; the tests run it
// where it and python3 are found, and the golden files in testdata always.
const referenceScorer = "../../shared/eval/score.py"

var update = flag.Bool("update", false, "rewrite testdata/*.score.{json,txt} with score.py")

// scoreCases are the gold and prediction pairs compared with score.py: the
// seeds as built at one commit, and a small hand-made set with traditional
// characters, pinyin artifacts, aliases, a reversed partner_of, duplicates,
// paths in docs, an unknown predicate and lines of other kinds.
var scoreCases = []struct{ name, gold, pred string }{
	{"seeds", "testdata/seeds.gold.json", "testdata/seeds.export.jsonl"},
	{"small", "testdata/small.gold.json", "testdata/small.jsonl"},
}

func TestScoreEqualsScorePy(t *testing.T) {
	python, pyErr := exec.LookPath("python3")
	_, scorerErr := os.Stat(referenceScorer)
	live := pyErr == nil && scorerErr == nil
	if *update && !live {
		t.Fatal("-update needs python3 and " + referenceScorer)
	}
	for _, tc := range scoreCases {
		t.Run(tc.name, func(t *testing.T) {
			report := scoreFiles(t, tc.gold, tc.pred)
			var gotJSON, gotText bytes.Buffer
			if err := report.WriteJSON(&gotJSON); err != nil {
				t.Fatal(err)
			}
			if err := errors.Join(report.WriteText(&gotText), report.WriteMisses(&gotText)); err != nil {
				t.Fatal(err)
			}
			goldenJSON := strings.TrimSuffix(tc.pred, filepath.Ext(tc.pred))
			goldenJSON = strings.TrimSuffix(goldenJSON, ".export") + ".score.json"
			goldenText := strings.TrimSuffix(goldenJSON, ".json") + ".txt"
			if *update {
				writeFile(t, goldenJSON, runScorePy(t, python, tc.gold, tc.pred, "--json"))
				writeFile(t, goldenText, runScorePy(t, python, tc.gold, tc.pred, "--misses"))
			}
			compare(t, "golden "+goldenJSON, readFile(t, goldenJSON), gotJSON.String())
			compare(t, "golden "+goldenText, readFile(t, goldenText), gotText.String())
			if !live {
				t.Logf("python3 or %s not found: compared with the golden files only", referenceScorer)
				return
			}
			compare(t, "score.py --json", runScorePy(t, python, tc.gold, tc.pred, "--json"), gotJSON.String())
			compare(t, "score.py --misses", runScorePy(t, python, tc.gold, tc.pred, "--misses"), gotText.String())
		})
	}
}

func scoreFiles(t *testing.T, goldPath, predPath string) Report {
	t.Helper()
	gold, err := ReadGoldFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(predPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines, err := ReadLines(f)
	if err != nil {
		t.Fatal(err)
	}
	return Score(gold, lines)
}

func runScorePy(t *testing.T, python string, args ...string) string {
	t.Helper()
	out, err := exec.Command(python, append([]string{referenceScorer}, args...)...).Output()
	if err != nil {
		t.Fatalf("score.py %v: %v", args, err)
	}
	return string(out)
}

func compare(t *testing.T, what, want, got string) {
	t.Helper()
	if got != want {
		t.Errorf("differs from %s:\n--- want\n%s--- got\n%s", what, want, got)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"traditional", "衡水市第二人民醫院", "衡水市第二人民医院"},
		{"pinyin annotation", "發(fā)布會(huì)", "发布会"},
		{"pinyin with ü", "綠(lǜ)色", "绿色"},
		{"a character of the full OpenCC table", "衞生署轄下診所", "卫生署辖下诊所"},
		{"too long for pinyin", "医院(abcdefgh)", "医院(abcdefgh)"},
		{"capitals are no pinyin", "医院(AB)", "医院(AB)"},
		{"whitespace of every kind", "北京 大学\u3000第一\t医院\u001c", "北京大学第一医院"},
		{"pinyin removed before spaces", "醫(y ī)院", "医(yī)院"},
		{"empty", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// The table is copied from score.py: both strings must pair up, and, where
// score.py is at hand, both must be found in it.
func TestTraditionalTableIsScorePys(t *testing.T) {
	if a, b := utf8.RuneCountInString(traditionalChars), utf8.RuneCountInString(simplifiedChars); a != b {
		t.Fatalf("%d traditional and %d simplified characters", a, b)
	}
	src, err := os.ReadFile(referenceScorer)
	if err != nil {
		t.Skipf("score.py not found: %v", err)
	}
	flat := strings.NewReplacer("\"\n    \"", "").Replace(string(src))
	for _, s := range []string{traditionalChars, simplifiedChars} {
		if !strings.Contains(flat, `"`+s+`"`) {
			t.Errorf("score.py lacks the table string %.20s…", s)
		}
	}
}

func TestReadLinesErrors(t *testing.T) {
	cases := []struct {
		name, in, wantErr string
		wantLines         int
	}{
		{"blank lines and other kinds", "\n{\"kind\":\"sentence\",\"name\":5}\n  \n{\"kind\":\"entity\",\"name\":\"甲\"}", "", 1},
		{"kind not a string", `{"kind":7}`, "", 0},
		{"not JSON", "{\"kind\":\"entity\"}\n{oops", "line 2", 0},
		{"not an object", `["entity"]`, "line 1: not a JSON object", 0},
		{"wrong field type", `{"kind":"relation","subject":3}`, "relation line", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lines, err := ReadLines(strings.NewReader(tc.in))
			if tc.wantErr == "" {
				if err != nil || len(lines) != tc.wantLines {
					t.Errorf("got %d lines, %v; want %d lines", len(lines), err, tc.wantLines)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want one with %q", err, tc.wantErr)
			}
		})
	}
}

func TestReadGoldErrors(t *testing.T) {
	cases := []struct{ name, in, wantErr string }{
		{"not JSON", `{`, "read gold"},
		{"entity without type", `{"a.txt":{"entities":[{"name":"甲"}]}}`, "a.txt: entity 1 lacks a name or type"},
		{"relation without object", `{"a.txt":{"relations":[{"subject":"甲","predicate":"supports"}]}}`, "relation 1"},
		{"position without title", `{"a.txt":{"positions":[{"person":"甲","org":"乙"}]}}`, "position 1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadGold(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want one with %q", err, tc.wantErr)
			}
		})
	}
}

func TestScoreEmpty(t *testing.T) {
	report := Score(Gold{}, nil)
	var out bytes.Buffer
	if err := report.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	want := "documents scored: 0\n" +
		"entity    ALL              P=0.000 R=0.000 F1=0.000  (tp 0, fp 0, fn 0)\n" +
		"relation  ALL              P=0.000 R=0.000 F1=0.000  (tp 0, fp 0, fn 0)\n"
	compare(t, "expected", want, out.String())
}
