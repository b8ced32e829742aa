package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildFolderReadsDocumentsOnly checks that a corpus folder's other files
// (a script, an image) are not read as articles, while a file named on the
// command line is read whatever its extension.
func TestBuildFolderReadsDocumentsOnly(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"article.txt":  "柳州市工人医院院长黄海欣出席会议。",
		"page.html":    "<html><head><title>新闻</title></head><body><p>南通市肿瘤医院院长王琴出席会议。</p></body></html>",
		"noextension":  "合山市人民医院召开会议。",
		"scrape.go":    "package scrape // 北京大学第一医院",
		"notes.csv":    "a,b\n",
		"README.MD":    "衡水市第二人民医院召开会议。",
		"picture.jpeg": "\xff\xd8\xff\xe0",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name     string
		args     []string
		wantRead string
	}{
		{"folder", []string{dir}, "documents read: 4\n"},
		{"file named explicitly", []string{filepath.Join(dir, "scrape.go")}, "documents read: 1\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "db")
			code, out, errOut := hospkg(t, append([]string{"build", "--dbpath", db}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			if !strings.Contains(out, tc.wantRead) {
				t.Errorf("stdout lacks %q:\n%s", tc.wantRead, out)
			}
		})
	}
}
