//go:build linux && (amd64 || arm64)

package queries

import (
	"fmt"
	"os"
	"syscall"
)

// dropFromPageCache asks the kernel to drop the file's clean pages from the
// page cache (posix_fadvise POSIX_FADV_DONTNEED), so that the next reader
// reads them from disk.
func dropFromPageCache(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	const fadvDontNeed = 4
	if _, _, errno := syscall.Syscall6(syscall.SYS_FADVISE64, f.Fd(), 0, 0, fadvDontNeed, 0, 0); errno != 0 {
		return fmt.Errorf("fadvise %s: %w", path, errno)
	}
	return nil
}
