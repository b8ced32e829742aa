package graph

import (
	"bytes"
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
	n, err := Load(qs, strings.NewReader(line+line), "nquads")
	if err != nil || n != 2 {
		t.Fatalf("load: %d, %v", n, err)
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
