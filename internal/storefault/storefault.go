// Package storefault tells a crash caused by a damaged store file from a bug.
// bolt reads its file through memory-mapped pages and trusts what it finds:
// on a file cut short, zeroed or overwritten it panics ("invalid page
// type", an index out of range) or touches memory past the end of the file,
// which kills the process with SIGBUS or SIGSEGV unless the goroutine has
// asked for faults to panic (debug.SetPanicOnFault). The code that reads a
// store recovers those panics and reports them as a damaged store; every
// other panic stays a bug.
package storefault

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

// ErrDamaged is what every Error is.
var ErrDamaged = errors.New("the store is damaged")

// Error is a damaged store: which one, when known, and what was found.
type Error struct {
	Store  string // the store's path; empty when the code that found the damage does not know it
	Detail string
}

func (e *Error) Error() string {
	if e.Store == "" {
		return fmt.Sprintf("%v: %s", ErrDamaged, e.Detail)
	}
	return fmt.Sprintf("the store at %s is damaged: %s (remove it and build it again, or restore a copy)", e.Store, e.Detail)
}

// Is makes errors.Is(err, ErrDamaged) true for every Error.
func (e *Error) Is(target error) bool { return target == ErrDamaged }

// boltPackage is the import path of the code that reads the store's pages.
const boltPackage = "github.com/boltdb/bolt."

// Recovered returns the damage p stands for, a panic value the caller has
// just recovered, or nil when p did not come from reading a store file. p
// came from the store file when it is a fault on memory at an address,
// which only mapped memory gives in Go code once debug.SetPanicOnFault is
// on, or a panic raised inside bolt. Call it in the deferred function that
// recovered p: the frames that panicked are still on the stack then. A
// panic raised again by a deferred function on the way (as goja's VM does,
// wrapping the value in a new error) is traced back to the first one.
func Recovered(p any) *Error {
	if f, ok := p.(interface{ Addr() uintptr }); ok {
		return &Error{Detail: fmt.Sprintf("reading its memory-mapped file faulted at address %#x", f.Addr())}
	}
	fault, inBolt := firstPanic()
	switch {
	case fault:
		return &Error{Detail: "reading its memory-mapped file faulted"}
	case inBolt:
		return &Error{Detail: fmt.Sprintf("bolt: %v", p)}
	}
	return nil
}

// firstPanic looks at the frames that raised the first panic on the
// goroutine's stack, those after the last runtime.gopanic: whether it was a
// fault on memory at an address, and whether bolt raised it.
func firstPanic() (fault, inBolt bool) {
	pcs := make([]uintptr, 256)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	var raised []string
	for {
		f, more := frames.Next()
		if f.Function == "runtime.gopanic" {
			raised = raised[:0]
		} else {
			raised = append(raised, f.Function)
		}
		if !more {
			break
		}
	}
	for _, fn := range raised {
		if fn == "runtime.panicmemAddr" {
			return true, false
		}
		if !strings.HasPrefix(fn, "runtime.") {
			return false, strings.HasPrefix(fn, boltPackage)
		}
	}
	return false, false
}
