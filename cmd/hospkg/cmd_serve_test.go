package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// serveSeeds serves db in this process on a free port of 127.0.0.1 until
// the test ends, and returns its address.
func serveSeeds(t *testing.T, db string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var log strings.Builder
	go func() {
		done <- runServe(ctx, serveOptions{store: storeOptions{Backend: "bolt", Path: db}, addr: "127.0.0.1:0",
			timeout: 30 * time.Second, limit: 100, maxBody: 1 << 20, stderr: &syncWriter{w: &log},
			ready: func(addr string) { ready <- addr }})
	}()
	select {
	case addr := <-ready:
		t.Cleanup(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		})
		return "http://" + addr
	case err := <-done:
		cancel()
		t.Fatalf("serve: %v", err)
	}
	return ""
}

func get(t *testing.T, method, u, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// TestServeAnswersAsQuery: the same Gizmo query and named query through
// HTTP and through hospkg query give the same result; a build of the
// served store is refused within seconds (exit 3), not left waiting.
func TestServeAnswersAsQuery(t *testing.T) {
	db := buildSeeds(t)
	base := serveSeeds(t, db)

	for _, gizmo := range []string{
		"g.V().Tag('helper').Out('<hk:supports>').Tag('helped').All()",
		"g.V('郭燕红').In('<hk:name>').Out('<hk:holds_position>').Out('<hk:title>').All()",
		"g.Emit(g.V('<hk:Sentence>').In('<rdf:type>').Count())",
	} {
		code, body := get(t, "POST", base+"/api/v2/query?lang=gizmo", gizmo)
		var overHTTP struct{ Result []any }
		if err := json.Unmarshal([]byte(body), &overHTTP); code != 200 || err != nil {
			t.Fatalf("%s over HTTP: %d %v\n%s", gizmo, code, err, body)
		}
		exit, out, errOut := hospkg(t, "query", "--dbpath", db, gizmo)
		var fromCLI []any
		if err := json.Unmarshal([]byte(out), &fromCLI); exit != 0 || err != nil {
			t.Fatalf("hospkg query %s: exit %d %v\n%s%s", gizmo, exit, err, out, errOut)
		}
		if len(fromCLI) == 0 || !reflect.DeepEqual(overHTTP.Result, fromCLI) {
			t.Errorf("%s:\nHTTP %v\nCLI  %v", gizmo, overHTTP.Result, fromCLI)
		}
	}

	for _, tc := range []struct{ name, params string }{
		{"supporters", "name=北大医院密云医院"},
		{"network", "name=柳州市工人医院&hops=2"},
		{"title_holders", "title=院長"},
	} {
		v, err := url.ParseQuery(tc.params)
		if err != nil {
			t.Fatal(err)
		}
		code, body := get(t, "GET", base+"/api/queries/"+tc.name+"?"+v.Encode(), "")
		args := []string{"query", "--dbpath", db, "--name", tc.name, "--format", "json"}
		for key := range v {
			args = append(args, "--arg", key+"="+v.Get(key))
		}
		exit, out, errOut := hospkg(t, args...)
		if code != 200 || exit != 0 || body != out || !strings.Contains(out, "{") {
			t.Errorf("%s?%s: HTTP %d, CLI exit %d\nHTTP %s\nCLI  %s%s", tc.name, tc.params, code, exit, body, out, errOut)
		}
	}

	start := time.Now()
	exit, _, errOut := hospkg(t, "build", "--dbpath", db)
	if exit != exitInUse || !strings.Contains(errOut, "in use") {
		t.Errorf("build of a served store: exit %d, %q; want %d and in use", exit, errOut, exitInUse)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("build of a served store took %v to give up", took)
	}
	// Readers share the store with the server.
	if exit, out, errOut := hospkg(t, "stats", "--dbpath", db); exit != 0 {
		t.Errorf("stats of a served store: exit %d\n%s%s", exit, out, errOut)
	}
}

// TestServeStopsOnSignal: SIGTERM stops a serving hospkg cleanly, exit 0,
// within the 2 s every command keeps to.
func TestServeStopsOnSignal(t *testing.T) {
	db := buildSeeds(t)
	took, err, errOut := signalAfter(t, hospkgProcess("serve", "--dbpath", db, "--addr", "127.0.0.1:0"), nil, 1500*time.Millisecond)
	if err != nil || !strings.Contains(errOut, "stopped serving") {
		t.Errorf("after SIGTERM: %v\n%s", err, errOut)
	}
	if took > 2*time.Second {
		t.Errorf("took %v to stop", took)
	}
}

// syncWriter lets the server's goroutines log into one builder.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
