package server

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds Debian's chromium (.ci/run installs it). Without one the
// browser test skips, except under CI=true, where it must run.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium on PATH: CI must run the browser test (.ci/run installs Debian's chromium)")
	}
	t.Skip("no chromium on PATH: install it (apt-get install chromium) to run the browser test")
	return ""
}

// TestBrowser loads /?q=北大医院密云医院 on the seeds in headless Chromium:
// the page names 北京大学第一医院 and shows an evidence sentence as text,
// clicking the edge from 北京大学第一医院 shows that fact's evidence, and a
// screenshot is saved (to $HOSPKG_SCREENSHOT when set: the README's
// docs/serve.png is made so).
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	ts := seedServer(t, Config{})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.WindowSize(1280, 760),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(t.Context(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithErrorf(t.Logf))
	defer cancel()
	// The first Run starts the browser, for as long as ctx lives: the
	// bound goes on the steps after it.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?q="+q("北大医院密云医院"))); err != nil {
		t.Fatalf("load the page: %v", err)
	}
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTime()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.hospkg && window.hospkg.ready && window.hospkg.loads > 0`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the page did not draw the neighbourhood: %v", err)
	}
	facts, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#facts")))
	if err != nil {
		t.Fatal(err)
	}
	firstSentence, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#facts q.sentence")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(facts, "北京大学第一医院") {
		t.Errorf("the facts panel does not name 北京大学第一医院:\n%.2000s", facts)
	}
	if len([]rune(firstSentence)) < 10 {
		t.Errorf("no evidence sentence in the facts panel (first: %q)", firstSentence)
	}
	t.Logf("first evidence sentence: %s", firstSentence)
	type counts struct{ Nodes, Edges int }
	drawn, err := chromedp.Run(ctx, chromedp.Evaluate[counts](`({nodes: hospkg.cy.nodes().length, edges: hospkg.cy.edges().length})`))
	if err != nil {
		t.Fatal(err)
	}
	if drawn.Nodes < 5 || drawn.Edges < 4 {
		t.Errorf("drew %d nodes and %d edges", drawn.Nodes, drawn.Edges)
	}

	// A real click at the middle of the edge 北京大学第一医院 → 北京大学第一医院密云医院.
	const pick = `(() => {
		const e = hospkg.cy.edges().filter(e => e.data("sourceName") === "北京大学第一医院" && e.data("predicate") === "supports")[0];
		const m = e.renderedMidpoint(), r = document.getElementById("cy").getBoundingClientRect();
		return {x: r.left + m.x, y: r.top + m.y};
	})()`
	type point struct{ X, Y float64 }
	at, err := chromedp.Run(ctx, chromedp.Evaluate[point](pick))
	if err != nil {
		t.Fatalf("find the edge: %v", err)
	}
	err = chromedp.Do(ctx, chromedp.MouseClickXY(at.X, at.Y), chromedp.WaitVisible(chromedp.CSS("#edge")))
	if err != nil {
		t.Fatalf("click the edge at (%.0f, %.0f): %v", at.X, at.Y, err)
	}
	edge, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#edge")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(edge, "北京大学第一医院 supports 北京大学第一医院密云医院") || !strings.Contains(edge, "001_cbff99e1412477c5.txt") {
		t.Errorf("the edge panel after the click:\n%s", edge)
	}
	t.Logf("edge panel: %s", strings.Join(strings.Fields(edge), " "))

	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := os.Getenv("HOSPKG_SCREENSHOT")
	if path == "" {
		path = filepath.Join(t.TempDir(), "serve.png")
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%s)", path, fmt.Sprintf("%d KB", len(png)/1024))
}
