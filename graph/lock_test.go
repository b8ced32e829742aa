package graph

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// holderEnv makes the test binary a helper process that holds a store until
// its stdin closes.
const holderEnv = "HOSPKG_TEST_HOLD_STORE"

func TestMain(m *testing.M) {
	if path := os.Getenv(holderEnv); path != "" {
		os.Exit(holdStore(path))
	}
	os.Exit(m.Run())
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
	first, err := open("bolt", path, nil, 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = open("bolt", path, nil, 300*time.Millisecond)
	if !errors.Is(err, ErrStoreInUse) {
		t.Fatalf("second open: got %v, want %v", err, ErrStoreInUse)
	}
	if waited := time.Since(start); waited < 300*time.Millisecond {
		t.Errorf("second open gave up after %v, want it to retry for 300ms", waited)
	}
	if want := fmt.Sprintf("(pid %d)", os.Getpid()); !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not name the holder %s", err, want)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := open("bolt", path, nil, 200*time.Millisecond)
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

	_, err = open("bolt", path, nil, 300*time.Millisecond)
	if !errors.Is(err, ErrStoreInUse) {
		t.Fatalf("open while another process holds the store: got %v, want %v", err, ErrStoreInUse)
	}
	if want := fmt.Sprintf("(pid %d)", holder.Process.Pid); !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not name the holder %s", err, want)
	}

	// The store is free again once the holder closes it, while we wait.
	done := make(chan error, 1)
	go func() { done <- holder.Wait() }()
	time.AfterFunc(200*time.Millisecond, func() { _ = stdin.Close() })
	st, err := open("bolt", path, nil, 3*time.Second)
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
