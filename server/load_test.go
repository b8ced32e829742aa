package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestConcurrentLoad: 50 clients for 10 s (2 s with -short) against the
// seeds served from bolt on 127.0.0.1, each asking in turn for the page,
// search, a named query, a neighbourhood and a Gizmo query: no error, and
// the latency percentiles logged (go test -v -run ConcurrentLoad ./server).
func TestConcurrentLoad(t *testing.T) {
	const clients = 50
	duration := 10 * time.Second
	if testing.Short() {
		duration = 2 * time.Second
	}
	ts := seedServer(t, Config{})
	type call struct{ method, path, body string }
	mix := []call{
		{"GET", "/?q=" + q("北大医院密云医院"), ""},
		{"GET", "/api/search?q=" + q("北大"), ""},
		{"GET", "/api/queries/supporters?name=" + q("北大医院密云医院"), ""},
		{"GET", "/api/queries/network?name=" + q("柳州市工人医院") + "&hops=2", ""},
		{"GET", "/api/neighbourhood?name=" + q("北大医院密云医院") + "&hops=2", ""},
		{"POST", "/api/v2/query?lang=gizmo", "g.V('北京大学第一医院').In('<hk:name>').Out('<hk:supports>').All()"},
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(t.Context(), duration)
	defer cancel()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  []string
		wg        sync.WaitGroup
	)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			var bad []string
			for i := c; ctx.Err() == nil; i++ {
				call := mix[i%len(mix)]
				start := time.Now()
				err := do(client, ts.URL, call.method, call.path, call.body)
				if ctx.Err() != nil && err != nil {
					break // cut by the end of the run, not by the server
				}
				mine = append(mine, time.Since(start))
				if err != nil {
					bad = append(bad, err.Error())
				}
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			failures = append(failures, bad...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))].Round(10 * time.Microsecond)
	}
	t.Logf("%d clients for %v: %d requests (%.0f/s), %d errors; latency p50 %v, p95 %v, p99 %v, max %v",
		clients, duration, len(latencies), float64(len(latencies))/duration.Seconds(), len(failures),
		pct(0.50), pct(0.95), pct(0.99), pct(1))
	if len(failures) > 0 {
		t.Errorf("%d of %d requests failed; the first: %s", len(failures), len(latencies), failures[0])
	}
	if len(latencies) < clients {
		t.Errorf("only %d requests in %v", len(latencies), duration)
	}
}

func do(client *http.Client, base, method, path, body string) error {
	req, err := http.NewRequest(method, base+path, nil)
	if body != "" {
		req, err = http.NewRequest(method, base+path, strings.NewReader(body))
	}
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: %s", method, path, resp.Status)
	}
	return nil
}
