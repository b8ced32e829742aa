package pipeline

import (
	"fmt"
	"io"
	"strings"
	"time"

	"hospkg/graph"
	"hospkg/nlp"
)

// WriteText writes the summary of a build into a store whose stats are
// given; dictionaryLoad is the start-up cost, shown apart from the rate.
func (s Summary) WriteText(w io.Writer, stats graph.Stats, dictionaryLoad time.Duration) error {
	var b strings.Builder
	fmt.Fprintf(&b, "documents read: %d\nskipped: %d", s.Read, s.Skipped)
	if s.Empty > 0 {
		fmt.Fprintf(&b, " (%d empty)", s.Empty)
	}
	b.WriteString("\nentities by type:\n")
	for _, t := range []nlp.EntityType{nlp.Hospital, nlp.Institution, nlp.Department, nlp.Official} {
		fmt.Fprintf(&b, "  %-16s %d\n", t, len(s.Entities[t]))
	}
	b.WriteString("relations by predicate:\n")
	for _, p := range []nlp.Predicate{nlp.Supports, nlp.AffiliatedWith, nlp.PartnerOf} {
		fmt.Fprintf(&b, "  %-16s %d\n", p, s.Relations[p])
	}
	fmt.Fprintf(&b, "positions: %d\nsentences in store: %d\nquads in store: %d\n", s.Positions, stats.Sentences, stats.Quads)
	fmt.Fprintf(&b, "seconds: %.2f\n", (dictionaryLoad + s.Took).Seconds())
	s.writeRates(&b, dictionaryLoad)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteRates writes the size and rates of a run, without the store figures.
func (s Summary) WriteRates(w io.Writer, dictionaryLoad time.Duration) error {
	var b strings.Builder
	fmt.Fprintf(&b, "documents read: %d\nskipped: %d\n", s.Read, s.Skipped)
	s.writeRates(&b, dictionaryLoad)
	_, err := io.WriteString(w, b.String())
	return err
}

func (s Summary) writeRates(b *strings.Builder, dictionaryLoad time.Duration) {
	fmt.Fprintf(b, "MB read: %.2f\nMB/s: %.2f\ndocuments/s: %.1f\ndictionary load seconds: %.2f\n",
		float64(s.Bytes)/1e6, s.MBPerSecond(), s.DocumentsPerSecond(), dictionaryLoad.Seconds())
	if s.Took > 0 {
		fmt.Fprintf(b, "writer busy: %.0f%% of the run\n", 100*s.Writing.Seconds()/s.Took.Seconds())
	}
}
