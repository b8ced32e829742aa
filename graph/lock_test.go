package graph

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// holderEnv makes the test binary a helper process that holds a store until
// its stdin closes.
const holderEnv = "HOSPKG_TEST_HOLD_STORE"

// flockEnv makes the test binary a helper that holds a bare flock on a file,
// as another program (cayley http, flock(1)) holds a bolt file.
const flockEnv = "HOSPKG_TEST_FLOCK_FILE"

func TestMain(m *testing.M) {
	if path := os.Getenv(holderEnv); path != "" {
		os.Exit(holdStore(path))
	}
	if name := os.Getenv(flockEnv); name != "" {
		os.Exit(holdFlock(name))
	}
	os.Exit(m.Run())
}

func holdFlock(name string) int {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("held")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	return 0
}

// startHelper runs this test binary as a helper with env set, waits until it
// says it holds what it holds, and returns a function that lets it go.
func startHelper(t *testing.T, env string) (pid int, release func()) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	helper := exec.Command(exe, "-test.run=^$")
	helper.Env = append(os.Environ(), env)
	stdin, err := helper.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := helper.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	helper.Stderr = os.Stderr
	if err := helper.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "held" {
		t.Fatalf("helper did not take hold: %q, %v", line, err)
	}
	return helper.Process.Pid, func() {
		_ = stdin.Close()
		if err := helper.Wait(); err != nil {
			t.Errorf("helper: %v", err)
		}
	}
}

// TestForeignHolder: another program that holds the bolt file itself (not
// hospkg's lock file) makes writers and readers give up with ErrStoreInUse,
// naming it, within the wait — never a hang.
func TestForeignHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	st, err := Open("bolt", path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	pid, release := startHelper(t, flockEnv+"="+boltFile(path))
	defer release()
	for _, readOnly := range []bool{false, true} {
		start := time.Now()
		st, err := open("bolt", path, nil, 500*time.Millisecond, readOnly)
		if err == nil {
			_ = st.Close()
			t.Fatalf("read-only %v: open succeeded while another process holds the file", readOnly)
		}
		if !errors.Is(err, ErrStoreInUse) {
			t.Errorf("read-only %v: got %v, want %v", readOnly, err, ErrStoreInUse)
		}
		if waited := time.Since(start); waited > 3*time.Second {
			t.Errorf("read-only %v: gave up after %v", readOnly, waited)
		}
		if want := fmt.Sprintf("pid %d", pid); !strings.Contains(err.Error(), want) {
			t.Errorf("read-only %v: error %q does not name the holder (%s)", readOnly, err, want)
		}
	}
}

// TestReadersShare: readers open a store together; a writer waits for them.
func TestReadersShare(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	st, err := Open("bolt", path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	first, err := OpenReader("bolt", path)
	if err != nil {
		t.Fatal(err)
	}
	second, err := open("bolt", path, nil, 300*time.Millisecond, true)
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	if _, err := open("bolt", path, nil, 300*time.Millisecond, false); !errors.Is(err, ErrStoreInUse) {
		t.Errorf("writer while readers read: got %v, want %v", err, ErrStoreInUse)
	}
	for _, r := range []*Store{first, second} {
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReaderRefusals: a reader refuses a store that does not exist, creating
// nothing, and one whose file is cut short or empty; it reads a store in a
// folder it may not write.
func TestReaderRefusals(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	if _, err := OpenReader("bolt", missing); !errors.Is(err, ErrNoStore) {
		t.Errorf("missing store: got %v, want %v", err, ErrNoStore)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("the reader created %s", missing)
	}
	path := filepath.Join(dir, "db")
	st, err := Open("bolt", path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(st.QuadStore(), strings.NewReader("<a> <b> <c> .\n"), "nquads"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	file := boltFile(path)
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int64{info.Size() / 2, 0} {
		cut := filepath.Join(dir, fmt.Sprintf("cut%d", size))
		if err := os.MkdirAll(cut, 0o755); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(boltFile(cut), data[:size], 0o644); err != nil {
			t.Fatal(err)
		}
		for _, readOnly := range []bool{true, false} {
			if st, err := open("bolt", cut, nil, time.Second, readOnly); !errors.Is(err, ErrStoreDamaged) {
				if err == nil {
					_ = st.Close()
				}
				t.Errorf("file cut to %d bytes, read-only %v: got %v, want %v", size, readOnly, err, ErrStoreDamaged)
			}
		}
	}
	// A reader writes nothing: without a lock file it makes none.
	if err := os.Remove(lockPath(path)); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReader("bolt", path)
	if err != nil {
		t.Fatalf("reader without a lock file: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(lockPath(path)); err == nil {
		t.Errorf("the reader created %s", lockPath(path))
	}
	if os.Getuid() == 0 {
		t.Log("running as root, which may write anywhere: the read-only folder itself is not tried")
		return
	}
	if err := os.Chmod(path, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(path, 0o755)
	if err := os.Chmod(boltFile(path), 0o444); err != nil {
		t.Fatal(err)
	}
	r, err = OpenReader("bolt", path)
	if err != nil {
		t.Fatalf("reader of a read-only folder: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
}

func holdStore(path string) int {
	st, err := Open("bolt", path, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("held")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // any end of stdin releases the store
	if err := st.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func TestLockInSameProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	first, err := open("bolt", path, nil, 200*time.Millisecond, false)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = open("bolt", path, nil, 300*time.Millisecond, false)
	if !errors.Is(err, ErrStoreInUse) {
		t.Fatalf("second open: got %v, want %v", err, ErrStoreInUse)
	}
	if waited := time.Since(start); waited < 300*time.Millisecond {
		t.Errorf("second open gave up after %v, want it to retry for 300ms", waited)
	}
	if want := fmt.Sprintf("pid %d", os.Getpid()); !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not name the holder %s", err, want)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := open("bolt", path, nil, 200*time.Millisecond, false)
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	if err := again.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestLockAcrossProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	holder := exec.Command(exe, "-test.run=^$")
	holder.Env = append(os.Environ(), holderEnv+"="+path)
	stdin, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	holder.Stderr = os.Stderr
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "held" {
		t.Fatalf("helper did not take the store: %q, %v", line, err)
	}

	_, err = open("bolt", path, nil, 300*time.Millisecond, false)
	if !errors.Is(err, ErrStoreInUse) {
		t.Fatalf("open while another process holds the store: got %v, want %v", err, ErrStoreInUse)
	}
	if want := fmt.Sprintf("pid %d", holder.Process.Pid); !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not name the holder %s", err, want)
	}

	// The store is free again once the holder closes it, while we wait.
	done := make(chan error, 1)
	go func() { done <- holder.Wait() }()
	time.AfterFunc(200*time.Millisecond, func() { _ = stdin.Close() })
	st, err := open("bolt", path, nil, 3*time.Second, false)
	if err != nil {
		t.Fatalf("open after the holder released the store: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Errorf("helper: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	cases := []struct {
		name, backend, path string
	}{
		{"unknown backend", "nosuchdb", "x"},
		{"bolt without path", "bolt", ""},
		{"memstore with path", "memstore", "x"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, err := Open(tc.backend, tc.path, nil)
			if err == nil {
				_ = st.Close()
				t.Fatal("open succeeded, want an error")
			}
		})
	}
}
