package graph

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrStoreInUse means another process holds the store.
var ErrStoreInUse = errors.New("the store is in use by another process")

// storeLock is an exclusive flock on "<store path>.lock". flock belongs to an
// open file description, so a second Open in the same process conflicts just
// as another process does.
type storeLock struct {
	file *os.File
}

func lockPath(storePath string) string {
	return strings.TrimRight(storePath, string(os.PathSeparator)) + ".lock"
}

// lockStore takes the lock of the store at path, retrying for wait: a
// writer's is exclusive, and it writes this process's pid into the lock file
// for the error message of the next one; readers share theirs. A reader
// that cannot open the lock file (a read-only folder, a lock file it may
// not write) goes without: bolt's own shared lock keeps writers out.
func lockStore(path string, wait time.Duration, shared bool) (*storeLock, error) {
	name := lockPath(path)
	var f *os.File
	var err error
	if shared {
		f, err = os.Open(name)
		if err != nil {
			return nil, nil
		}
	} else {
		// The lock file is taken before the store exists, so its folder may not.
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return nil, fmt.Errorf("lock store %s: %w", path, err)
		}
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("lock store %s: %w", path, err)
		}
	}
	how := syscall.LOCK_EX
	if shared {
		how = syscall.LOCK_SH
	}
	deadline := time.Now().Add(wait)
	for {
		err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errors.Join(fmt.Errorf("lock store %s: %w", path, err), f.Close())
		}
		if time.Now().After(deadline) {
			holder := fileHolder(name)
			if holder == "" {
				holder = readHolder(f)
			}
			return nil, errors.Join(fmt.Errorf("store %s: %w%s; try again when it finishes", path, ErrStoreInUse, holder), f.Close())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !shared {
		if err := writePid(f); err != nil {
			return nil, errors.Join(fmt.Errorf("lock store %s: %w", path, err), f.Close())
		}
	}
	return &storeLock{file: f}, nil
}

// readHolder returns " (pid N)" naming the process that holds the lock, or
// nothing when the lock file does not say.
func readHolder(f *os.File) string {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0) // a short or failed read only loses the pid in a message
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil || pid <= 0 {
		return ""
	}
	return fmt.Sprintf(" (pid %d)", pid)
}

func writePid(f *os.File) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return err
}

// release unlocks and closes the lock file; a nil lock is a no-op. The file
// stays: removing it could let two processes lock different files.
func (l *storeLock) release() error {
	if l == nil || l.file == nil {
		return nil
	}
	err := syscall.Flock(int(l.file.Fd()), syscall.LOCK_UN)
	err = errors.Join(err, l.file.Close())
	l.file = nil
	return err
}
