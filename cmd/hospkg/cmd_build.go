package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"hospkg/graph"
	"hospkg/nlp"
	"hospkg/seeds"
)

type buildOptions struct {
	store  storeOptions
	paths  []string // files and folders; none means the embedded seeds
	stdout io.Writer
	stderr io.Writer
}

func newBuildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "read documents and replace their facts in the store (no path: the five bundled seeds)",
		ArgsUsage: "[PATH...]",
		Flags:     storeFlags(),
		Action: func(c *cli.Context) error {
			return runBuild(c.Context, buildOptions{
				store: storeOptionsFrom(c), paths: c.Args().Slice(),
				stdout: c.App.Writer, stderr: c.App.ErrWriter,
			})
		},
	}
}

// input is one file to build: its base name and how to read it.
type input struct {
	name string
	path string // shown in messages
	read func() ([]byte, error)
}

// buildSummary counts what one build read and wrote.
type buildSummary struct {
	read, skipped, empty int
	entities             map[nlp.EntityType]map[string]bool
	relations            map[nlp.Predicate]int
	positions            int
}

func runBuild(ctx context.Context, opts buildOptions) error {
	start := time.Now()
	inputs, missing := collectInputs(opts.paths, opts.stderr)
	pipeline, err := nlp.NewPipeline()
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	st, err := opts.store.open()
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	sum := buildSummary{skipped: missing, entities: make(map[nlp.EntityType]map[string]bool), relations: make(map[nlp.Predicate]int)}
	buildErr := buildInputs(ctx, st, pipeline, inputs, &sum, opts.stderr)
	var stats graph.Stats
	if buildErr == nil {
		stats, buildErr = graph.ComputeStats(ctx, st.QuadStore())
	}
	if err := errors.Join(buildErr, st.Close()); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if err := sum.write(opts.stdout, stats, time.Since(start)); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if failed := sum.skipped - sum.empty; failed > 0 {
		return fmt.Errorf("%d input(s) not built: %w", failed, errInputSkipped)
	}
	return nil
}

// buildInputs reads, extracts and stores each input. A file that cannot be
// read is reported and skipped; a store error stops the build.
func buildInputs(ctx context.Context, st *graph.Store, p *nlp.Pipeline, inputs []input, sum *buildSummary, stderr io.Writer) error {
	seen := make(map[string]string)
	for _, in := range inputs {
		if other, ok := seen[in.name]; ok {
			fmt.Fprintf(stderr, "note: %s has the same name as %s and replaces its facts\n", in.path, other)
		}
		seen[in.name] = in.path
		x, err := extract(p, in)
		switch {
		case errors.Is(err, nlp.ErrEmpty):
			fmt.Fprintf(stderr, "note: skipping %s: the file is empty\n", in.path)
			sum.skipped++
			sum.empty++
			continue
		case err != nil:
			fmt.Fprintf(stderr, "skipping %s: %v\n", in.path, err)
			sum.skipped++
			continue
		}
		if err := graph.ReplaceDocument(ctx, st.QuadStore(), x); err != nil {
			return err
		}
		sum.add(x)
	}
	return nil
}

func extract(p *nlp.Pipeline, in input) (*nlp.Extraction, error) {
	raw, err := in.read()
	if err != nil {
		return nil, err
	}
	doc, err := nlp.ReadDocument(in.name, raw)
	if err != nil {
		return nil, err
	}
	return p.Extract(doc)
}

// collectInputs expands paths into files, folders recursively and without
// hidden files; it reports each path it cannot use and returns their number.
// No path means the embedded seeds.
func collectInputs(paths []string, stderr io.Writer) ([]input, int) {
	if len(paths) == 0 {
		return seedInputs(), 0
	}
	var inputs []input
	missing := 0
	for _, root := range paths {
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
			if !hidden && (path == root || isDocumentName(d.Name())) {
				inputs = append(inputs, fileInput(path))
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(stderr, "skipping %s: %v\n", root, err)
			missing++
		}
	}
	return inputs, missing
}

// documentExtensions are the files read from a folder: text and web pages,
// and files with no extension (scrapers often write those).
var documentExtensions = map[string]bool{"": true, ".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".md": true}

func isDocumentName(name string) bool {
	return documentExtensions[strings.ToLower(filepath.Ext(name))]
}

func fileInput(path string) input {
	return input{name: filepath.Base(path), path: path, read: func() ([]byte, error) { return os.ReadFile(path) }}
}

func seedInputs() []input {
	names, _ := fs.Glob(seeds.FS, "*.txt") // the pattern is valid, so there is no error
	sort.Strings(names)
	inputs := make([]input, 0, len(names))
	for _, name := range names {
		inputs = append(inputs, input{name: name, path: "seeds/" + name, read: func() ([]byte, error) { return seeds.FS.ReadFile(name) }})
	}
	return inputs
}

func (s *buildSummary) add(x *nlp.Extraction) {
	s.read++
	for _, e := range x.Entities {
		if s.entities[e.Type] == nil {
			s.entities[e.Type] = make(map[string]bool)
		}
		s.entities[e.Type][e.ID] = true
	}
	for _, r := range x.Relations {
		s.relations[r.Predicate]++
	}
	s.positions += len(x.Positions)
}

func (s *buildSummary) write(w io.Writer, stats graph.Stats, took time.Duration) error {
	var b strings.Builder
	fmt.Fprintf(&b, "documents read: %d\nskipped: %d", s.read, s.skipped)
	if s.empty > 0 {
		fmt.Fprintf(&b, " (%d empty)", s.empty)
	}
	b.WriteString("\nentities by type:\n")
	for _, t := range []nlp.EntityType{nlp.Hospital, nlp.Institution, nlp.Department, nlp.Official} {
		fmt.Fprintf(&b, "  %-16s %d\n", t, len(s.entities[t]))
	}
	b.WriteString("relations by predicate:\n")
	for _, p := range []nlp.Predicate{nlp.Supports, nlp.AffiliatedWith, nlp.PartnerOf} {
		fmt.Fprintf(&b, "  %-16s %d\n", p, s.relations[p])
	}
	fmt.Fprintf(&b, "positions: %d\nsentences in store: %d\nquads in store: %d\nseconds: %.2f\n",
		s.positions, stats.Sentences, stats.Quads, took.Seconds())
	_, err := io.WriteString(w, b.String())
	return err
}
