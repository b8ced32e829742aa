package graph

import (
	"fmt"
	"os"
	"syscall"
)

// mappedFileBytes is how much of this process's resident memory is pages of
// mapped files (the third field of /proc/self/statm, in pages): bolt's file
// and the program's own text.
func mappedFileBytes() (int64, error) {
	raw, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, err
	}
	var size, resident, shared int64
	if _, err := fmt.Sscan(string(raw), &size, &resident, &shared); err != nil {
		return 0, fmt.Errorf("read /proc/self/statm: %w", err)
	}
	return shared * int64(os.Getpagesize()), nil
}

// dropMappedPages unmaps the pages of the shared, read-only file mapping at
// [addr, addr+length) from this process; the next read maps them again from
// the page cache.
func dropMappedPages(addr, length uintptr) error {
	if length == 0 {
		return nil
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, addr, length, syscall.MADV_DONTNEED); errno != 0 {
		return fmt.Errorf("madvise: %w", errno)
	}
	return nil
}
