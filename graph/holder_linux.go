package graph

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// fileHolder names the process that holds a lock on the file name, as the
// kernel lists it in /proc/locks (" (pid 1234, cayley)"), or "" when it
// cannot tell.
func fileHolder(name string) string {
	info, err := os.Stat(name)
	if err != nil {
		return ""
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	f, err := os.Open("/proc/locks")
	if err != nil {
		return ""
	}
	defer f.Close()
	self := os.Getpid()
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		// 1: FLOCK  ADVISORY  WRITE 1234 00:2f:5678 0 EOF; blocked
		// waiters are marked "->" and hold nothing.
		fields := strings.Fields(lines.Text())
		if len(fields) < 6 || fields[1] == "->" {
			continue
		}
		dev := strings.Split(fields[5], ":")
		if len(dev) != 3 {
			continue
		}
		inode, err := strconv.ParseUint(dev[2], 10, 64)
		if err != nil || inode != st.Ino {
			continue
		}
		pid, err := strconv.Atoi(fields[4])
		if err != nil || pid <= 0 || pid == self {
			continue
		}
		comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
		if name := strings.TrimSpace(string(comm)); name != "" {
			return fmt.Sprintf(" (pid %d, %s)", pid, name)
		}
		return fmt.Sprintf(" (pid %d)", pid)
	}
	return ""
}
