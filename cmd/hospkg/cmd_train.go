package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"hospkg/eval"
	"hospkg/graph"
	"hospkg/nlp"
	"hospkg/nlp/model"
	"hospkg/pipeline"
)

type trainOptions struct {
	gold    []string // gold files in score.py's format
	docs    []string // folders of the documents each gold file annotates
	output  string   // model file; empty writes none
	folds   int      // cross-validation folds; < 2 skips it
	workers int
	stdout  io.Writer
	stderr  io.Writer
}

func newTrainCommand() *cli.Command {
	return &cli.Command{
		Name:  "train",
		Usage: "learn the model that decides the rules' facts from gold in score.py's format, cross-validating it first by document; a kind of fact it does not improve on the folds left out keeps all the rules' facts",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "gold", Required: true, Usage: "gold `FILE` (see the annotation guide); repeat it with --docs for more corpora"},
			&cli.StringSliceFlag{Name: "docs", Required: true, Usage: "`FOLDER` of the documents the gold file of the same place names"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the model to `FILE` (the embedded one is nlp/model/default.model)"},
			&cli.IntFlag{Name: "folds", Value: 5, Usage: "cross-validation folds, by document (below 2: none, and every kind is on)"},
			workersFlag(),
		},
		Action: func(c *cli.Context) error {
			return runTrain(c.Context, trainOptions{
				gold: c.StringSlice("gold"), docs: c.StringSlice("docs"), output: c.String("output"),
				folds: c.Int("folds"), workers: c.Int("workers"),
				stdout: c.App.Writer, stderr: c.App.ErrWriter,
			})
		},
	}
}

func runTrain(ctx context.Context, opts trainOptions) error {
	if len(opts.gold) != len(opts.docs) {
		return fmt.Errorf("train: %d --gold files for %d --docs folders: give one folder per gold file", len(opts.gold), len(opts.docs))
	}
	gold := eval.Gold{}
	var docs []model.Document
	for i, name := range opts.gold {
		g, err := eval.ReadGoldFile(name)
		if err != nil {
			return fmt.Errorf("train: %w", err)
		}
		more, err := goldDocuments(ctx, g, opts.docs[i], opts.workers, opts.stderr)
		if err != nil {
			return fmt.Errorf("train: %s: %w", name, err)
		}
		for doc, gd := range g {
			if _, dup := gold[doc]; dup {
				return fmt.Errorf("train: document %s is in two gold files", doc)
			}
			gold[doc] = gd
		}
		for k := range more {
			more[k].Group = name
		}
		docs = append(docs, more...)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Name < docs[j].Name })
	m := model.Train(docs, max(opts.folds, 2))
	if opts.folds >= 2 {
		// Each kind decided alone, to see which the model improves by
		// itself; then those together, which is the model written.
		var trials []*model.CrossValidation
		var wins []model.Kind
		for _, k := range model.AllKinds {
			cv, err := model.CrossValidate(docs, opts.folds, []model.Kind{k}, scoreExtractions(gold))
			if err != nil {
				return fmt.Errorf("train: %w", err)
			}
			trials = append(trials, cv)
			wins = append(wins, cv.Wins(winMargin)...)
		}
		var cv *model.CrossValidation
		for _, t := range trials {
			if slices.Equal(t.Deciding, wins) {
				cv = t
			}
		}
		if cv == nil {
			var err error
			if cv, err = model.CrossValidate(docs, opts.folds, wins, scoreExtractions(gold)); err != nil {
				return fmt.Errorf("train: %w", err)
			}
		}
		m.Keep(wins)
		if err := writeCrossValidation(opts.stdout, trials, cv); err != nil {
			return fmt.Errorf("train: %w", err)
		}
	}
	if opts.output == "" {
		return nil
	}
	w, finish, err := openOutput(opts.output, opts.stdout)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	if err := finish(m.Encode(w)); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	return nil
}

// goldDocuments extracts, with the rules alone, every document of the gold
// from the folder, in the order of their names.
func goldDocuments(ctx context.Context, gold eval.Gold, folder string, workers int, stderr io.Writer) ([]model.Document, error) {
	names := make([]string, 0, len(gold))
	for name := range gold {
		names = append(names, name)
	}
	sort.Strings(names)
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(folder, n)
	}
	extractor, err := nlp.NewPipeline()
	if err != nil {
		return nil, err
	}
	xs, sum, err := pipeline.Extractions(ctx, extractor, pipeline.Sources(paths), pipeline.Options{Workers: workers, Log: stderr})
	if err != nil {
		return nil, err
	}
	if sum.Skipped > 0 {
		return nil, fmt.Errorf("%d of the gold's documents could not be read from %s", sum.Skipped, folder)
	}
	docs := make([]model.Document, len(xs))
	for i, x := range xs {
		docs[i] = model.Document{Name: x.Doc.Name, X: x, Gold: gold[x.Doc.Name]}
	}
	return docs, nil
}

// scoreExtractions scores extractions as hospkg eval scores a store built
// from them: through the JSONL export, against the gold of their
// documents.
func scoreExtractions(gold eval.Gold) model.Scorer {
	return func(xs []*nlp.Extraction) (eval.Report, error) {
		c := graph.NewJSONLCollector()
		theirs := make(eval.Gold, len(xs))
		for _, x := range xs {
			if err := c.Add(x); err != nil {
				return eval.Report{}, err
			}
			if g, ok := gold[x.Doc.Name]; ok {
				theirs[x.Doc.Name] = g
			}
		}
		var buf bytes.Buffer
		if err := c.WriteJSONL(&buf); err != nil {
			return eval.Report{}, err
		}
		lines, err := eval.ReadLines(&buf)
		if err != nil {
			return eval.Report{}, err
		}
		return eval.Score(theirs, lines), nil
	}
}

// winMargin is how much a kind's F1 must rise on the folds left out for the
// model to decide it: less is within what the choice of folds moves (the
// positions' gain went from 0.003 to 0.009 as the documents were split
// into folds four ways).
const winMargin = 0.01

// writeCrossValidation prints the fold tables (each kind decided alone, and
// the kinds that won together) and the reliability table as Markdown.
func writeCrossValidation(w io.Writer, trials []*model.CrossValidation, cv *model.CrossValidation) error {
	p := &printer{w: w}
	p.printf("%d-fold cross-validation by document: every figure is for documents the model was not trained on\n", cv.Folds)
	tables := trials
	if !slices.Contains(trials, cv) {
		tables = append(tables, cv)
	}
	for _, t := range tables {
		alone := ""
		if len(t.Deciding) == 1 && len(trials) > 1 && slices.Contains(trials, t) {
			alone = " alone"
		}
		p.printf("\nthe model deciding %s%s\n\n", kindList(t.Deciding), alone)
		p.printf("| kind | row | rules P / R / F1 | rules + model P / R / F1 | ΔF1 |\n| --- | --- | --- | --- | --- |\n")
		for _, kind := range eval.Kinds {
			for _, key := range t.Rules.Keys(kind) {
				if kind == eval.KindPosition && key != eval.PositionTitleOrg {
					continue
				}
				r, m := t.Rules.Rows[kind][key], t.Model.Rows[kind][key]
				p.printf("| %s | %s | %.3f / %.3f / %.3f | %.3f / %.3f / %.3f | %+.3f |\n", kind, key, r.P, r.R, r.F1, m.P, m.R, m.F1, m.F1-r.F1)
			}
		}
		groups := make([]string, 0, len(t.Groups))
		for g := range t.Groups {
			groups = append(groups, g)
		}
		sort.Strings(groups)
		for _, g := range groups {
			r, m := t.Groups[g][0], t.Groups[g][1]
			p.printf("\n%s alone: entities %.3f → %.3f, relations %.3f → %.3f, positions %.3f → %.3f\n", g,
				r.Rows[eval.KindEntity][eval.AllKey].F1, m.Rows[eval.KindEntity][eval.AllKey].F1,
				r.Rows[eval.KindRelation][eval.AllKey].F1, m.Rows[eval.KindRelation][eval.AllKey].F1,
				r.Rows[eval.KindPosition][eval.PositionTitleOrg].F1, m.Rows[eval.KindPosition][eval.PositionTitleOrg].F1)
		}
	}
	p.printf("\nthe model written decides %s; the other kinds keep every fact of the rules, with the model's confidence\n", kindList(cv.Deciding))
	p.printf("\nreliability of the confidences on the folds left out\n\n| confidence | facts | mean confidence | right |\n| --- | --- | --- | --- |\n")
	for _, b := range cv.Reliability {
		if b.Count == 0 {
			continue
		}
		p.printf("| %.1f–%.1f | %d | %.3f | %.3f |\n", b.Lo, b.Hi, b.Count, b.Mean, float64(b.Right)/float64(b.Count))
	}
	return p.err
}

func kindList(kinds []model.Kind) string {
	if len(kinds) == 0 {
		return "nothing"
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = strings.Replace(k.String()+"s", "ys", "ies", 1)
	}
	return strings.Join(names, ", ")
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}
