package pipeline

import (
	"os"
	"runtime/debug"
)

// Extraction allocates a great deal of short-lived memory: gse's
// segmentation and Cayley's writes. At Go's default GOGC of 100 the
// collector took about a sixth of a build's CPU, and two workers extracted
// 1.6× as fast as one; at 300, builds ran 15-20% faster and two workers
// 1.85× as fast. The heap grows with it: the 200 MB
// corpus's build peaked at 837 MB RSS (471 MB anonymous) against 538 MB at
// the default, still under the 1 GB target. The soft memory limit makes
// the collector work harder before the heap could pass it, whatever the
// corpus.
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
