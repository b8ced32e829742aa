package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestOpenOutput: an -o file appears whole or not at all; a file already
// there is replaced only by a whole one, keeps its mode, and a symbolic
// link keeps pointing at it.
func TestOpenOutput(t *testing.T) {
	failed := errors.New("the command failed")
	cases := []struct {
		name     string
		existing string // the file's content before; empty: none
		mode     os.FileMode
		link     bool // -o names a symbolic link to the file
		err      error
		want     string // the file's content after; empty: no file
	}{
		{"new file", "", 0, false, nil, "new\n"},
		{"new file, failed", "", 0, false, failed, ""},
		{"replaced", "old\n", 0o644, false, nil, "new\n"},
		{"replaced, failed", "old\n", 0o644, false, failed, "old\n"},
		{"mode kept", "old\n", 0o600, false, nil, "new\n"},
		{"through a link", "old\n", 0o644, true, nil, "new\n"},
		{"through a link, failed", "old\n", 0o644, true, failed, "old\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "out.jsonl")
			if tc.existing != "" {
				if err := os.WriteFile(file, []byte(tc.existing), tc.mode); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(file, tc.mode); err != nil { // past the umask
					t.Fatal(err)
				}
			}
			name := file
			if tc.link {
				name = filepath.Join(dir, "link.jsonl")
				if err := os.Symlink("out.jsonl", name); err != nil {
					t.Fatal(err)
				}
			}
			w, finish, err := openOutput(name, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.WriteString(w, "new\n"); err != nil {
				t.Fatal(err)
			}
			if err := finish(tc.err); !errors.Is(err, tc.err) {
				t.Errorf("finish: %v, want %v", err, tc.err)
			}
			b, err := os.ReadFile(file)
			switch {
			case tc.want == "" && !errors.Is(err, os.ErrNotExist):
				t.Errorf("file %q, %v; want none", b, err)
			case tc.want != "" && (err != nil || string(b) != tc.want):
				t.Errorf("file %q, %v; want %q", b, err, tc.want)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			wantFiles := 0
			if tc.want != "" {
				wantFiles++
			}
			if tc.link {
				wantFiles++
			}
			if len(entries) != wantFiles {
				t.Errorf("%d files in the folder, want %d (no temporary file left)", len(entries), wantFiles)
			}
			if tc.mode != 0 {
				if info, err := os.Stat(file); err != nil || info.Mode().Perm() != tc.mode {
					t.Errorf("mode %v (%v), want %v", info.Mode().Perm(), err, tc.mode)
				}
			}
			if tc.link {
				if info, err := os.Lstat(name); err != nil || info.Mode()&os.ModeSymlink == 0 {
					t.Errorf("the link was replaced (%v)", err)
				}
			}
		})
	}
	t.Run("not a regular file", func(t *testing.T) {
		w, finish, err := openOutput(os.DevNull, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, "new\n"); err != nil {
			t.Fatal(err)
		}
		if err := finish(nil); err != nil {
			t.Errorf("finish: %v", err)
		}
		if info, err := os.Stat(os.DevNull); err != nil || info.Mode().IsRegular() {
			t.Errorf("%s became a file (%v)", os.DevNull, err)
		}
	})
}
