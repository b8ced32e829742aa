package pipeline

import (
	"fmt"
	"io"
	"iter"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Progress reports a build as it goes: a progress bar (documents, MB, rate,
// time left) on a terminal, else a plain line every logEvery documents or
// logInterval, whichever comes first. The totals are counted by a walk of
// their own beside the build, so that the build never waits for them.
type Progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar // nil when not on a terminal
	start time.Time
	quit  chan struct{}

	mu          sync.Mutex
	docs        int
	bytes       int64
	totalDocs   int   // -1 until counted
	totalBytes  int64 // -1 until counted
	lastLogDocs int
	lastLog     time.Time
}

// How often the plain lines are written.
const (
	logEvery    = 1000
	logInterval = 10 * time.Second
)

// NewProgress returns a progress report to w for the given sources: a bar
// when terminal is true. The sources are walked once more to count them.
func NewProgress(w io.Writer, terminal bool, sources iter.Seq2[Source, error]) *Progress {
	now := time.Now()
	p := &Progress{w: w, start: now, lastLog: now, totalDocs: -1, totalBytes: -1, quit: make(chan struct{})}
	if terminal {
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionSetDescription("documents 0"),
			progressbar.OptionClearOnFinish(),
		)
	}
	go p.count(sources)
	return p
}

func (p *Progress) count(sources iter.Seq2[Source, error]) {
	docs, bytes := 0, int64(0)
	for src, err := range sources {
		select {
		case <-p.quit:
			return
		default:
		}
		if err == nil {
			docs++
			bytes += max(src.Size, 0)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.totalDocs, p.totalBytes = docs, bytes
	if p.bar != nil {
		p.bar.ChangeMax64(bytes)
	}
}

// document records one document done, built or skipped, of size bytes.
func (p *Progress) document(size int64) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.docs++
	p.bytes += size
	if p.bar != nil {
		p.bar.Describe(p.documentsText())
		_ = p.bar.Add64(size) // a failed redraw is no reason to stop a build
		return
	}
	if now := time.Now(); p.docs-p.lastLogDocs >= logEvery || now.Sub(p.lastLog) >= logInterval {
		p.lastLogDocs, p.lastLog = p.docs, now
		fmt.Fprintln(p.w, p.line(now))
	}
}

func (p *Progress) documentsText() string {
	if p.totalDocs < 0 {
		return fmt.Sprintf("documents %d", p.docs)
	}
	return fmt.Sprintf("documents %d/%d", p.docs, p.totalDocs)
}

// line is one plain progress line: documents, MB, rates and, once the
// totals are counted, the time left at the current rate.
func (p *Progress) line(now time.Time) string {
	secs := now.Sub(p.start).Seconds()
	mbps := float64(p.bytes) / 1e6 / secs
	s := fmt.Sprintf("progress: %s, %.1f MB, %.2f MB/s, %.1f documents/s", p.documentsText(), float64(p.bytes)/1e6, mbps, float64(p.docs)/secs)
	if p.totalBytes > 0 && p.bytes > 0 {
		left := time.Duration(float64(p.totalBytes-p.bytes) / float64(p.bytes) * secs * float64(time.Second))
		s += fmt.Sprintf(", about %s left", left.Round(time.Second))
	}
	return s
}

// finish stops the count and clears the bar.
func (p *Progress) finish() {
	if p == nil {
		return
	}
	close(p.quit)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish() // only a redraw
	}
}
