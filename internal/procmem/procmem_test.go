package procmem

import (
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// TestMain makes the test binary, started with PROCMEM_TEST_ALLOC=N, a child
// that touches N MiB of heap, holds it a while and exits.
func TestMain(m *testing.M) {
	mib, err := strconv.Atoi(os.Getenv("PROCMEM_TEST_ALLOC"))
	if err != nil {
		os.Exit(m.Run())
	}
	held := make([]byte, mib<<20)
	for i := range held {
		held[i] = byte(i)
	}
	time.Sleep(300 * time.Millisecond)
	runtime.KeepAlive(held)
	os.Exit(0)
}

func TestParse(t *testing.T) {
	status := Parse([]byte("Name:\thospkg\nVmHWM:\t  843192 kB\nRssAnon:\t  481020 kB\nThreads:\t7\n"))
	cases := []struct {
		name string
		want int64
		ok   bool
	}{
		{"VmHWM", 843192 << 10, true},
		{"RssAnon", 481020 << 10, true},
		{"Threads", 0, false},
		{"Name", 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got, ok := status[tc.name]; got != tc.want || ok != tc.ok {
				t.Errorf("got %d, %v; want %d, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestRunSeesAnonymousMemory runs children holding 8 and 96 MiB: the peak
// anonymous memory must tell them apart.
func TestRunSeesAnonymousMemory(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	peaks := make(map[int]Peak)
	for _, mib := range []int{8, 96} {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "PROCMEM_TEST_ALLOC="+strconv.Itoa(mib))
		peak, err := Run(cmd, 10*time.Millisecond)
		if err != nil {
			t.Fatalf("%d MiB: %v", mib, err)
		}
		t.Logf("%d MiB: peak anonymous %d MiB, RSS %d MiB, %d samples", mib, peak.Anon>>20, peak.RSS>>20, peak.Samples)
		if peak.RSS < peak.Anon {
			t.Errorf("%d MiB: peak RSS %d below peak anonymous %d", mib, peak.RSS, peak.Anon)
		}
		peaks[mib] = peak
	}
	if small, big := peaks[8].Anon, peaks[96].Anon; small >= 64<<20 || big < 96<<20 {
		t.Errorf("peak anonymous %d and %d MiB, want under 64 and at least 96", small>>20, big>>20)
	}
}
