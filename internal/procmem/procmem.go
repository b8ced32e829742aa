// Package procmem measures the memory of a child process while it runs, from
// /proc/PID/status. Its figure is the anonymous memory (RssAnon): the
// process's own heap and stacks, which nothing else can reclaim. The total
// RSS also counts the pages of files the process maps, such as bolt's store
// file; those are page cache, shared and reclaimed by the kernel under
// pressure, so a budget on them measures nothing a user pays for.
package procmem

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// Peak is what a process held at most while it was sampled, in bytes.
type Peak struct {
	// Anon is the largest RssAnon sampled.
	Anon int64
	// RSS is the largest VmHWM sampled: the kernel's own high-water mark of
	// the whole RSS, so it misses nothing between samples.
	RSS int64
	// Samples is how many times the status was read.
	Samples int
}

// ErrNoProc means /proc/PID/status could not be read even once.
var ErrNoProc = errors.New("no /proc/PID/status to sample")

// Run starts cmd, reads its status every interval until it exits, and
// returns the peaks and cmd's own error. The anonymous peak is sampled, so a
// rise and fall shorter than interval can be missed.
func Run(cmd *exec.Cmd, interval time.Duration) (Peak, error) {
	var peak Peak
	if err := cmd.Start(); err != nil {
		return peak, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(interval)
	defer tick.Stop()
	path := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
	peak.sample(path)
	for {
		select {
		case err := <-done:
			if err == nil && peak.Samples == 0 {
				err = fmt.Errorf("%w: %s", ErrNoProc, path)
			}
			return peak, err
		case <-tick.C:
			peak.sample(path)
		}
	}
}

// sample reads one status; a process that has gone or turned zombie
// (no RssAnon line any more) is not counted.
func (p *Peak) sample(path string) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return
	}
	status := Parse(raw)
	anon, ok := status["RssAnon"]
	if !ok {
		return
	}
	p.Samples++
	p.Anon = max(p.Anon, anon)
	p.RSS = max(p.RSS, status["VmHWM"])
}

// Parse returns the fields of a /proc/PID/status counted in kB, in bytes.
func Parse(raw []byte) map[string]int64 {
	out := make(map[string]int64)
	lines := bufio.NewScanner(bytes.NewReader(raw))
	for lines.Scan() {
		name, value, ok := bytes.Cut(lines.Bytes(), []byte(":"))
		if !ok {
			continue
		}
		kib, unit, ok := bytes.Cut(bytes.TrimSpace(value), []byte(" "))
		if !ok || string(unit) != "kB" {
			continue
		}
		n, err := strconv.ParseInt(string(kib), 10, 64)
		if err != nil {
			continue
		}
		out[string(name)] = n << 10
	}
	return out
}
