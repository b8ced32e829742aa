package pipeline

import (
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"hospkg/seeds"
)

// Source is one document to build: its base name, which identifies the
// document in the store, where it comes from (shown in messages), its size
// when known (-1 otherwise), and how to read it. Read is called by a worker,
// so a corpus is never held in memory as a whole.
type Source struct {
	Name string
	Path string
	Size int64
	Read func() ([]byte, error)
}

// Sources yields the documents under paths lazily: files, and folders walked
// recursively without hidden entries, of which only text and web pages are
// read (a file named in paths is always read). A path that cannot be walked
// is yielded as an error with a Source naming it. No paths means the
// embedded seeds.
func Sources(paths []string) iter.Seq2[Source, error] {
	if len(paths) == 0 {
		return seedSources
	}
	return func(yield func(Source, error) bool) {
		for _, root := range paths {
			stopped := false
			err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				hidden := strings.HasPrefix(d.Name(), ".") && path != root
				if d.IsDir() {
					if hidden {
						return filepath.SkipDir
					}
					return nil
				}
				// A folder may hold other files beside the articles (scripts,
				// images); a file named on the command line is always read.
				if hidden || (path != root && !isDocumentName(d.Name())) {
					return nil
				}
				if !yield(fileSource(path, d), nil) {
					stopped = true
					return filepath.SkipAll
				}
				return nil
			})
			if stopped {
				return
			}
			if err != nil && !yield(Source{Name: filepath.Base(root), Path: root, Size: -1}, err) {
				return
			}
		}
	}
}

// documentExtensions are the files read from a folder: text and web pages,
// and files with no extension (scrapers often write those).
var documentExtensions = map[string]bool{"": true, ".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".md": true}

func isDocumentName(name string) bool {
	return documentExtensions[strings.ToLower(filepath.Ext(name))]
}

func fileSource(path string, d fs.DirEntry) Source {
	size := int64(-1)
	if info, err := d.Info(); err == nil {
		size = info.Size()
	}
	return Source{Name: filepath.Base(path), Path: path, Size: size, Read: func() ([]byte, error) { return os.ReadFile(path) }}
}

func seedSources(yield func(Source, error) bool) {
	names, _ := fs.Glob(seeds.FS, "*.txt") // the pattern is valid, so there is no error
	sort.Strings(names)
	for _, name := range names {
		size := int64(-1)
		if info, err := fs.Stat(seeds.FS, name); err == nil {
			size = info.Size()
		}
		src := Source{Name: name, Path: "seeds/" + name, Size: size, Read: func() ([]byte, error) { return seeds.FS.ReadFile(name) }}
		if !yield(src, nil) {
			return
		}
	}
}
