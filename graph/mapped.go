package graph

import (
	"fmt"
	"sync/atomic"
	"time"

	"github.com/boltdb/bolt"
)

// Bolt reads its file through a shared mapping, and every page a read or
// write looks at stays in the process's RSS; with the kernel mapping the
// pages around each one a lookup faults in (fault-around), a random lookup
// maps tens of kilobytes. Building a 200 MB corpus took the peak RSS to
// 1.5 GB, of which the build's own memory was 300 MB, and one rankings
// lookup of a well-connected hospital could map 500 MB in 50 ms. So an open
// bolt store watches its mapped pages and gives them back past a budget.
const (
	// mappedBudget is how much mapped file memory the process keeps before
	// the watcher releases the store's pages.
	mappedBudget = 192 << 20
	// mappedCheckInterval is how often the watcher looks.
	mappedCheckInterval = 10 * time.Millisecond
)

// pageWatcher releases a bolt store's mapped pages from its own goroutine
// until it is stopped.
type pageWatcher struct {
	stop   chan struct{}
	done   chan error
	checks atomic.Int64 // how many times it looked, for tests
}

// watchMappedPages starts releasing the store's mapped pages every
// mappedCheckInterval once the process's mapped file memory passes budget.
func (s *Store) watchMappedPages(budget int64) {
	w := &pageWatcher{stop: make(chan struct{}), done: make(chan error, 1)}
	go func() {
		tick := time.NewTicker(mappedCheckInterval)
		defer tick.Stop()
		for {
			select {
			case <-w.stop:
				w.done <- nil
				return
			case <-tick.C:
				w.checks.Add(1)
				if err := s.releaseMappedPagesOver(budget); err != nil {
					w.done <- err
					return
				}
			}
		}
	}()
	s.watcher = w
}

// stopWatching stops the watcher and returns the error that stopped it
// before, if any.
func (s *Store) stopWatching() error {
	if s.watcher == nil {
		return nil
	}
	close(s.watcher.stop)
	err := <-s.watcher.done
	s.watcher = nil
	return err
}

// releaseMappedPagesOver drops the pages of the bolt file that this process
// has mapped when the process's mapped file memory passes budget. The pages
// stay in the kernel's page cache, so reading them again costs a minor
// fault, not a disk read. Other systems than Linux have nothing to release.
//
// It is safe beside the store's readers and writer: the read transaction
// holds bolt's mapping in place while its pages are dropped (bolt remaps
// the file only when no transaction is reading it), and a dropped page of
// a shared file mapping is mapped again, unchanged, on its next read.
func (s *Store) releaseMappedPagesOver(budget int64) error {
	mapped, err := mappedFileBytes()
	if err != nil || mapped < budget {
		return err
	}
	err = s.bolt.View(func(tx *bolt.Tx) error {
		return dropMappedPages(s.bolt.Info().Data, uintptr(tx.Size()))
	})
	if err != nil {
		return fmt.Errorf("release the store's mapped pages: %w", err)
	}
	return nil
}
