package pipeline

import (
	"os"
	"runtime/debug"
)

// Extraction allocates a great deal of short-lived memory: gse's
// segmentation and Cayley's writes. At Go's default GOGC of 100 the
// collector took about a sixth of a build's CPU, and two workers extracted
// 1.6× as fast as one; at 300, builds ran 15-20% faster and two workers
// 1.85× as fast. The heap grows with it, and the soft memory limit makes
// the collector work harder before the heap could pass it, whatever the
// corpus: a build of 200 MB of the real articles' paragraphs peaked at
// 500 MiB of anonymous memory, against the 1 GiB target (see the README).
const (
	extractionGCPercent   = 300
	extractionMemoryLimit = 512 << 20
)

// TuneCollector sets Go's garbage collector for extraction, as the build,
// extract and eval commands and this package's benchmarks run it, unless
// the user set GOGC or GOMEMLIMIT, which then win. It changes the whole
// process, so only commands call it, not Run.
func TuneCollector() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(extractionGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(extractionMemoryLimit)
	}
}
