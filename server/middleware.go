package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
)

// recorder remembers what a handler answered, for the log line and for the
// error a crash turns into, which can only be sent before anything else.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (write
// deadlines, flushing).
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Flush passes flushes on: cayley's handlers stream.
func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// logged logs each request in one line: client, method and address (the
// query string unescaped, the whole quoted so that no parameter can start
// a line of its own), status, bytes and time taken.
func (s *Server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		defer func() {
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			s.logf("%s %s %s %d %dB %s", r.RemoteAddr, r.Method, strconv.Quote(readableURI(r.URL)), status, rec.bytes,
				time.Since(start).Round(10*time.Microsecond))
		}()
		next.ServeHTTP(rec, r)
	})
}

// readableURI is the path and query with percent-escapes undone where that
// gives valid text (names are Chinese), at most 300 bytes.
func readableURI(u *url.URL) string {
	s := u.RequestURI()
	if un, err := url.QueryUnescape(s); err == nil {
		s = un
	}
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// guarded runs a request inside the store's Guard, so that a damaged store
// file gives a 500 naming the store rather than a crash, and turns any
// other panic of a handler into a 500 that says it is a bug. The server goes
// on either way.
func (s *Server) guarded(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec, _ := w.(*recorder)
		fail := func(err error) {
			s.logf("%s %s: %v", r.Method, r.URL.Path, err)
			if rec == nil || rec.status == 0 {
				s.writeError(w, http.StatusInternalServerError, err)
			}
		}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				fail(fmt.Errorf("internal error (a bug; please report it with the request): %v\n%s", p, debug.Stack()))
			}
		}()
		err := s.store.Guard(func(cgraph.QuadStore) error {
			next.ServeHTTP(w, r)
			return nil
		})
		if err != nil {
			fail(err)
		}
	})
}

// limitBody reads a request's body whole before the handler runs, up to
// MaxBody bytes: a larger one gets 413 and the handler never sees it.
// cayley's handlers would read on and fail half-way with a 400 or 500.
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		tooLarge := func() {
			s.writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("the request body is over %d bytes", s.cfg.MaxBody))
		}
		if r.ContentLength > s.cfg.MaxBody {
			tooLarge()
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			tooLarge()
			return
		case err != nil:
			s.writeError(w, http.StatusBadRequest, fmt.Errorf("reading the request body: %w", err))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}
