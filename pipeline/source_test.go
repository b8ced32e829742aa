package pipeline

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// walked lists what Sources yields for paths: "name" for a document, and
// "name: error" for an input it could not read.
func walked(paths ...string) []string {
	var out []string
	for src, err := range Sources(paths) {
		if err != nil {
			msg := "unreadable"
			if errors.Is(err, ErrDuplicateName) {
				msg = "duplicate"
			}
			out = append(out, src.Name+": "+msg)
			continue
		}
		out = append(out, src.Name)
	}
	return out
}

func writeFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("北京大学第一医院。"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSourcesNamesAndLinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "one/a.txt", "one/x/a.txt", "one/y/a.txt", "two/a.txt", "two/b.html", "two/notes.pdf", "c.txt")
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(filepath.Join(dir, "one"), filepath.Join(dir, "linked")))
	must(os.Symlink(filepath.Join(dir, "c.txt"), filepath.Join(dir, "two", "c.txt")))
	must(os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "two", "dangling.txt")))
	must(os.Symlink(dir, filepath.Join(dir, "two", "loop")))
	in := func(names ...string) []string {
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = filepath.Join(dir, n)
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		paths []string
		want  string
	}{
		{"nested names are relative to the folder named", in("one"), "a.txt x/a.txt y/a.txt"},
		{"a linked folder named on the command line is followed", in("linked"), "a.txt x/a.txt y/a.txt"},
		{"links to files are read, dangling ones named, links to folders left", in("two"),
			"a.txt b.html c.txt dangling.txt: unreadable"},
		{"the same name from two folders is refused, not replaced", in("one", "two"),
			"a.txt x/a.txt y/a.txt a.txt: duplicate b.html c.txt dangling.txt: unreadable"},
		{"a file named twice is read once", in("c.txt", "c.txt"), "c.txt c.txt: duplicate"},
		{"a path that does not exist is named", in("none", "c.txt"), "none: unreadable c.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(walked(tc.paths...), " "); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestSourcesGoOnAfterUnreadableFolder checks that a folder the user may not
// read is named and its siblings are still built. Root reads every folder,
// so as root the walk runs in a child process as nobody.
func TestSourcesGoOnAfterUnreadableFolder(t *testing.T) {
	if dir := os.Getenv("HOSPKG_WALK_DIR"); dir != "" {
		fmt.Println(strings.Join(walked(dir), " "))
		return
	}
	dir := t.TempDir()
	writeFiles(t, dir, "docs/a.txt", "docs/locked/b.txt", "docs/z/c.txt")
	docs := filepath.Join(dir, "docs")
	locked := filepath.Join(docs, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	want := "a.txt locked: unreadable z/c.txt"
	if os.Geteuid() != 0 {
		if got := strings.Join(walked(docs), " "); got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
		return
	}
	// nobody must reach the folder and run a copy of this test binary.
	bin := filepath.Join(dir, "bin", "pipeline.test")
	raw, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, raw, 0o755); err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if info, err := os.Stat(d); err == nil && info.Mode().Perm()&0o005 != 0o005 {
			if err := os.Chmod(d, info.Mode().Perm()|0o005); err != nil {
				t.Fatal(err)
			}
		}
		if d == filepath.Clean(os.TempDir()) || d == filepath.Dir(d) {
			break
		}
	}
	cmd := exec.Command(bin, "-test.run=^TestSourcesGoOnAfterUnreadableFolder$")
	cmd.Env = append(os.Environ(), "HOSPKG_WALK_DIR="+docs)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	if got := strings.SplitN(string(out), "\n", 2)[0]; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
