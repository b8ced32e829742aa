package graph

import (
	"fmt"

	"github.com/boltdb/bolt"
)

// mappedBudget is how much of a bolt file this process keeps mapped in
// memory before ReleaseMappedPages gives the pages back. Bolt reads its file
// through a shared mapping, and every page a write looks at stays in the
// process's RSS: building a 200 MB corpus into a 1.4 GB store took the peak
// RSS to 1.5 GB, of which the build's own memory was 300 MB.
const mappedBudget = 256 << 20

// ReleaseMappedPages gives back the pages of a bolt store's file that this
// process has mapped once they pass mappedBudget, as a long build calls it
// after each write. The pages stay in the kernel's page cache, so reading
// them again costs a minor fault, not a disk read. Other backends, and other
// systems than Linux, have nothing to release.
//
// The read transaction holds bolt's mapping in place while its pages are
// dropped: bolt remaps the file only when no transaction is reading it.
func (s *Store) ReleaseMappedPages() error {
	return s.releaseMappedPagesOver(mappedBudget)
}

func (s *Store) releaseMappedPagesOver(budget int64) error {
	if s.bolt == nil {
		return nil
	}
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

// releaseEvery is how many quads a long read passes between two calls of
// its page release.
const releaseEvery = 10_000

// pageReleaser gives back a store's mapped pages along a long read, such as
// the stats pass over every quad: every releaseEvery quads it calls release,
// which is nil for a read of a bare graph.QuadStore.
type pageReleaser struct {
	release func() error
	read    int
}

// quadRead counts one quad read.
func (r *pageReleaser) quadRead() error {
	r.read++
	if r.release == nil || r.read%releaseEvery != 0 {
		return nil
	}
	return r.release()
}
