package graph

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadRoundTrip(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			src := b.open(t)
			build(t, src, miyunV1("001.txt"), otherDoc("002.txt"))
			for _, format := range []string{"nquads", "jsonld"} {
				t.Run(format, func(t *testing.T) {
					var out bytes.Buffer
					if err := WriteQuads(src, &out, format); err != nil {
						t.Fatal(err)
					}
					dst := b.open(t)
					for i := 0; i < 2; i++ { // the second load finds every quad there already
						if _, err := Load(dst, bytes.NewReader(out.Bytes()), format); err != nil {
							t.Fatalf("load %d: %v", i, err)
						}
					}
					if got, want := dumpQuads(t, dst), dumpQuads(t, src); got != want {
						t.Errorf("loaded store differs:\n%s\nwant\n%s", got, want)
					}
					if got, want := exportString(t, dst), exportString(t, src); got != want {
						t.Errorf("jsonl export differs after load")
					}
				})
			}
		})
	}
}

func TestLoadDuplicateLines(t *testing.T) {
	qs := openTestStore(t, "memstore", "")
	line := "<hk:e/a> <hk:name> \"甲\" <hk:doc/x> .\n"
	res, err := Load(qs, strings.NewReader(line+line), "nquads")
	if err != nil || res != (LoadResult{Read: 2, Added: 1}) {
		t.Fatalf("load: %+v, %v", res, err)
	}
	if got := dumpQuads(t, qs); strings.Count(got, "\n") != 1 {
		t.Errorf("store holds\n%s", got)
	}
}

func TestLoadErrors(t *testing.T) {
	qs := openTestStore(t, "memstore", "")
	for _, tc := range []struct{ name, input, format string }{
		{"not n-quads", "this is no quad\n", "nquads"},
		{"not json", "{", "jsonld"},
		{"unknown format", "", "turtle"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Load(qs, strings.NewReader(tc.input), tc.format); err == nil {
				t.Error("no error")
			}
		})
	}
}

// nquadLines returns n N-Quads lines, each a new quad, with line bad (from
// 1; 0 for none) replaced by text.
func nquadLines(n, bad int, text string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if i == bad {
			b.WriteString(text + "\n")
			continue
		}
		fmt.Fprintf(&b, "<hk:e/x%d> <hk:name> \"名%d\" <hk:doc/x> .\n", i, i)
	}
	return b.String()
}

// onlyReader hides every method but Read: input that cannot be read twice,
// as a pipe.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// TestLoadAllOrNothing: a bad quad anywhere loads nothing and names its
// line; the first 10,000 quads of a batch are not written before it.
func TestLoadAllOrNothing(t *testing.T) {
	cases := []struct {
		name, input, format string
		wantErr             string // empty: loads
		want                LoadResult
	}{
		{"bad line after a whole batch", nquadLines(loadBatch+5001, loadBatch+5000, `<hk:e/bad> <hk:name> "unterminated <hk:doc/x> .`),
			"nquads", `line 15000: incomplete N-Quad: "<hk:e/bad>`, LoadResult{}},
		{"malformed escape, which makes cayley's parser panic", nquadLines(3, 2, `<hk:e/a> <hk:name> "\UFFFFFFFF" .`),
			"nquads", "line 2: malformed escape", LoadResult{}},
		{"comments and blank lines count as lines", "# a comment\n\n" + nquadLines(2, 2, "<a> <b>"),
			"nquads", "line 4: ", LoadResult{}},
		{"a last line without a newline", strings.TrimSuffix(nquadLines(3, 0, ""), "\n"), "nquads", "", LoadResult{Read: 3, Added: 3}},
		{"windows line ends", strings.ReplaceAll(nquadLines(3, 0, ""), "\n", "\r\n"), "nquads", "", LoadResult{Read: 3, Added: 3}},
		{"bad json-ld", `{"@id": "x", "name": [}`, "jsonld", "quad 1: ", LoadResult{}},
	}
	for _, tc := range cases {
		for _, pipe := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, pipe %v", tc.name, pipe), func(t *testing.T) {
				qs := openTestStore(t, "bolt", filepath.Join(t.TempDir(), "db"))
				var r io.Reader = strings.NewReader(tc.input)
				if pipe {
					r = onlyReader{r}
				}
				temps := loadTemps(t)
				res, err := Load(qs, r, tc.format)
				if got := loadTemps(t); got != temps {
					t.Errorf("%d temporary copies of the input left, want %d", got, temps)
				}
				if tc.wantErr == "" {
					if err != nil || res != tc.want {
						t.Fatalf("load: %+v, %v; want %+v", res, err, tc.want)
					}
					return
				}
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), "nothing was loaded") {
					t.Errorf("error %v, want it to contain %q and nothing was loaded", err, tc.wantErr)
				}
				if dump := dumpQuads(t, qs); dump != "" {
					t.Errorf("the store holds %d quads after a failed load", strings.Count(dump, "\n"))
				}
			})
		}
	}
}

// loadTemps counts CheckQuads's copies of piped input in os.TempDir.
func loadTemps(t *testing.T) int {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(os.TempDir(), "hospkg-load-*"))
	if err != nil {
		t.Fatal(err)
	}
	return len(names)
}

func TestLoadCounts(t *testing.T) {
	qs := openTestStore(t, "memstore", "")
	first := nquadLines(3, 0, "")
	if res, err := Load(qs, strings.NewReader(first), "nquads"); err != nil || res != (LoadResult{Read: 3, Added: 3}) {
		t.Fatalf("first load: %+v, %v", res, err)
	}
	// Two quads the store holds, one new, and that one twice.
	more := nquadLines(2, 0, "") + "<hk:e/y> <hk:name> \"乙\" .\n<hk:e/y> <hk:name> \"乙\" .\n"
	if res, err := Load(qs, strings.NewReader(more), "nquads"); err != nil || res != (LoadResult{Read: 4, Added: 1}) {
		t.Fatalf("second load: %+v, %v; want 4 read, 1 added", res, err)
	}
}

// TestLoadReadsFromWhereTheInputStands: input that can be read again is
// read again from where it stood, not from its start.
func TestLoadReadsFromWhereTheInputStands(t *testing.T) {
	qs := openTestStore(t, "memstore", "")
	r := strings.NewReader("not a quad\n" + nquadLines(2, 0, ""))
	if _, err := r.Seek(int64(len("not a quad\n")), io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if res, err := Load(qs, r, "nquads"); err != nil || res.Added != 2 {
		t.Fatalf("load: %+v, %v", res, err)
	}
}
