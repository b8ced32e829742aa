package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"hospkg/seeds"
)

// Source is one document to build: its name (see Sources), which identifies
// the document in the store, where it comes from (shown in messages), its size
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
// read (a file named in paths is always read). A folder named in paths may
// be a symbolic link; links inside folders are not followed. A document is
// named by its path relative to the folder named (a/b.txt), or by its base
// name when the file itself is named, and names are unique in one run: a
// second document of the same name is yielded as an error naming both
// files. A path that cannot be walked, or a subfolder that cannot be read,
// is yielded as an error with a Source naming it, and the walk goes on. No
// paths means the embedded seeds.
func Sources(paths []string) iter.Seq2[Source, error] {
	if len(paths) == 0 {
		return seedSources
	}
	return func(yield func(Source, error) bool) {
		taken := make(map[string]string) // document name → its path
		for _, root := range paths {
			if !walkRoot(root, taken, yield) {
				return
			}
		}
	}
}

// walkRoot yields the documents of one path named on the command line; it
// returns false when yield asked to stop.
func walkRoot(root string, taken map[string]string, yield func(Source, error) bool) bool {
	info, err := os.Stat(root) // follows a link named on the command line
	if err != nil {
		return yield(Source{Name: filepath.Base(root), Path: root, Size: -1}, err)
	}
	if !info.IsDir() {
		src := Source{Name: filepath.Base(root), Path: root, Size: info.Size(), Read: readFile(root)}
		return yieldUnique(src, taken, yield)
	}
	// Walking root/ rather than root follows root itself when it is a
	// link; the names are the same either way.
	walked := strings.TrimSuffix(root, string(filepath.Separator)) + string(filepath.Separator)
	stopped := false
	_ = filepath.WalkDir(walked, func(path string, d fs.DirEntry, err error) error {
		rel, relErr := filepath.Rel(walked, path)
		if relErr != nil {
			rel = path
		}
		name := filepath.ToSlash(rel)
		if rel == "." {
			name = filepath.Base(root)
		}
		if err != nil {
			// An unreadable subfolder (or root) is named, and the walk
			// goes on with its siblings.
			if !yield(Source{Name: name, Path: filepath.Join(root, rel), Size: -1}, err) {
				stopped = true
				return filepath.SkipAll
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if rel == "." {
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".")
		if d.IsDir() {
			if hidden {
				return filepath.SkipDir
			}
			return nil
		}
		// A folder may hold other files beside the articles (scripts,
		// images), which are left alone, and links to files are read;
		// links to folders are not followed, so a walk cannot loop.
		if hidden || !isDocumentName(d.Name()) {
			return nil
		}
		if ok, err := isFile(path, d); !ok {
			if err != nil && !yield(Source{Name: name, Path: filepath.Join(root, rel), Size: -1}, err) {
				stopped = true
				return filepath.SkipAll
			}
			return nil
		}
		if !yieldUnique(fileSource(name, filepath.Join(root, rel), d), taken, yield) {
			stopped = true
			return filepath.SkipAll
		}
		return nil
	})
	return !stopped
}

// ErrDuplicateName is the error of a document whose name another document of
// the same run already has: the store keeps one document per name, so the
// second would silently replace the first's facts.
var ErrDuplicateName = errors.New("another document of this run has the same name")

// yieldUnique yields src, or an error when its name is taken.
func yieldUnique(src Source, taken map[string]string, yield func(Source, error) bool) bool {
	if other, ok := taken[src.Name]; ok {
		return yield(Source{Name: src.Name, Path: src.Path, Size: src.Size},
			fmt.Errorf("%w (%s); document names must be unique in a corpus: rename one, or put the folders under one and name that", ErrDuplicateName, other))
	}
	taken[src.Name] = src.Path
	return yield(src, nil)
}

// documentExtensions are the files read from a folder: text and web pages,
// and files with no extension (scrapers often write those).
var documentExtensions = map[string]bool{"": true, ".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".md": true}

func isDocumentName(name string) bool {
	return documentExtensions[strings.ToLower(filepath.Ext(name))]
}

func fileSource(name, path string, d fs.DirEntry) Source {
	size := int64(-1)
	if info, err := d.Info(); err == nil {
		size = info.Size()
	}
	return Source{Name: name, Path: path, Size: size, Read: readFile(path)}
}

// isFile reports whether a walked entry is a file or a link to one; the
// error is that of a link that leads nowhere.
func isFile(path string, d fs.DirEntry) (bool, error) {
	if d.Type().IsRegular() {
		return true, nil
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false, nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	return info.Mode().IsRegular(), nil
}

func readFile(path string) func() ([]byte, error) {
	return func() ([]byte, error) { return os.ReadFile(path) }
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
