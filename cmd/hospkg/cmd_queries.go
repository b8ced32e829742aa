package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"hospkg/queries"
)

func newQueriesCommand() *cli.Command {
	return &cli.Command{
		Name:      "queries",
		Usage:     "list the named queries and their parameters (with a NAME: its full description and script)",
		ArgsUsage: "[NAME]",
		Action: func(c *cli.Context) error {
			return runQueries(c.App.Writer, c.Args().First())
		},
	}
}

func runQueries(w io.Writer, name string) error {
	if name != "" {
		q, err := queries.ByName(name)
		if err != nil {
			return fmt.Errorf("queries: %w", err)
		}
		return writeQueryDetail(w, q)
	}
	all, err := queries.All()
	if err != nil {
		return fmt.Errorf("queries: %w", err)
	}
	var b bytes.Buffer
	for _, q := range all {
		fmt.Fprintf(&b, "%s%s\n    %s\n", q.Name, paramSynopsis(q), q.Summary)
	}
	b.WriteString("\nrun one: hospkg query --name NAME --arg KEY=VALUE ... [--format table|json|csv] [--evidence]\n")
	_, err = w.Write(b.Bytes())
	return err
}

// paramSynopsis is " name=ENTITY hops=2" for the list.
func paramSynopsis(q *queries.Query) string {
	var b strings.Builder
	for _, p := range q.Params {
		value := strings.ToUpper(string(p.Kind))
		if p.Default != "" {
			value = p.Default
		}
		fmt.Fprintf(&b, " %s=%s", p.Name, value)
	}
	return b.String()
}

func writeQueryDetail(w io.Writer, q *queries.Query) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s: %s\n", q.Name, q.Summary)
	if q.About != "" {
		fmt.Fprintf(&b, "%s\n", q.About)
	}
	b.WriteString("\nparameters:\n")
	if len(q.Params) == 0 {
		b.WriteString("  none\n")
	}
	for _, p := range q.Params {
		def := ""
		if p.Default != "" {
			def = ", default " + p.Default
		}
		fmt.Fprintf(&b, "  %s (%s%s): %s\n", p.Name, p.Kind, def, p.Usage)
	}
	fmt.Fprintf(&b, "columns: %s\n", strings.Join(q.Columns, ", "))
	if q.Fact != nil {
		fmt.Fprintf(&b, "each row is the fact %s %s %s (--evidence shows its sentence)\n", q.Fact.Subject, q.Fact.Predicate, q.Fact.Object)
	}
	fmt.Fprintf(&b, "\n%s", q.Text)
	_, err := w.Write(b.Bytes())
	return err
}
