package queries

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// benchArgs are the arguments each named query runs with on the synthetic
// store: a big hospital (many supported, many members), an ordinary one.
var benchArgs = map[string]map[string]string{
	"supporters":     {"name": syntheticHospital(1000)},
	"supported":      {"name": syntheticHospital(3)},
	"affiliations":   {"name": syntheticHospital(3)},
	"partners":       {"name": syntheticHospital(1000)},
	"officials":      {"name": syntheticHospital(1000)},
	"departments":    {"name": syntheticHospital(1000)},
	"official":       {"name": "王广发"},
	"network":        {"name": syntheticHospital(1000), "hops": "2"},
	"title_holders":  {"title": "院长"},
	"common":         {"a": syntheticHospital(3), "b": syntheticHospital(5)},
	"evidence":       {"name": syntheticHospital(1000)},
	"timeline":       {"name": syntheticHospital(3)},
	"top_supporters": {},
	"top_supported":  {},
}

func BenchmarkNamedQueries(b *testing.B) {
	qs, n := syntheticQuadStore(b)
	b.Logf("synthetic store: %d quads", n)
	all, err := All()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range all {
		args, ok := benchArgs[q.Name]
		if !ok {
			b.Fatalf("no benchmark arguments for %s", q.Name)
		}
		b.Run(q.Name, func(b *testing.B) {
			t, err := q.Run(ctx, qs, args, Options{Limit: 100})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := q.Run(ctx, qs, args, Options{Limit: 100}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(t.Rows)), "rows")
		})
	}
}

// BenchmarkNamedQueriesCold runs each named query as `hospkg query` in a
// fresh process on the synthetic bolt store, as a user's one call does:
// process start, package init, opening the store, the first query of a
// process and closing it. It reports the wall time (ns/op) and the CPU time
// of the process (cpu-ms/op). The store's file stays in the page cache, as
// the build or a previous query leaves it; HOSPKG_BENCH_EVICT=1 drops it
// from the cache before each call (Linux), so that every page the query
// reads is read from disk.
func BenchmarkNamedQueriesCold(b *testing.B) {
	path := syntheticStorePath(b)
	bin := hospkgBinary(b)
	evict := os.Getenv("HOSPKG_BENCH_EVICT") == "1"
	all, err := All()
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range all {
		args := []string{"query", "--dbpath", path, "--name", q.Name, "--format", "json"}
		for k, v := range benchArgs[q.Name] {
			args = append(args, "--arg", k+"="+v)
		}
		b.Run(q.Name, func(b *testing.B) {
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				if evict {
					b.StopTimer()
					if err := dropFromPageCache(filepath.Join(path, "indexes.bolt")); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				cmd := exec.Command(bin, args...)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v: %v\n%s", args, err, out)
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

var (
	binaryOnce sync.Once
	binary     string
	binaryErr  error
)

// hospkgBinary builds the hospkg command once per test binary.
func hospkgBinary(b *testing.B) string {
	b.Helper()
	binaryOnce.Do(func() {
		dir, err := tempDir()
		if err != nil {
			binaryErr = err
			return
		}
		binary = filepath.Join(dir, "hospkg")
		if out, err := exec.Command("go", "build", "-o", binary, "hospkg/cmd/hospkg").CombinedOutput(); err != nil {
			binaryErr = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if binaryErr != nil {
		b.Fatal(binaryErr)
	}
	return binary
}

// seedBenchArgs are the arguments of each named query on the seeds.
var seedBenchArgs = map[string]map[string]string{
	"supporters":     {"name": "北大医院密云医院"},
	"supported":      {"name": "北大医院"},
	"affiliations":   {"name": "柳州市工人医院"},
	"partners":       {"name": "柳州市工人医院"},
	"officials":      {"name": "柳州市工人医院"},
	"departments":    {"name": "北京大学第一医院密云医院"},
	"official":       {"name": "梁君奎"},
	"network":        {"name": "柳州市工人医院"},
	"title_holders":  {"title": "院长"},
	"common":         {"a": "北大医院", "b": "密云区委"},
	"evidence":       {"name": "衡水市第二人民醫院"},
	"top_supporters": {},
	"top_supported":  {},
}

func BenchmarkNamedQueriesOnSeeds(b *testing.B) {
	qs := seedQuadStore(b)
	all, err := All()
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range all {
		args, ok := seedBenchArgs[q.Name]
		if !ok {
			b.Fatalf("no seed arguments for %s", q.Name)
		}
		b.Run(q.Name, func(b *testing.B) {
			var rows int
			for i := 0; i < b.N; i++ {
				t, err := q.Run(context.Background(), qs, args, Options{})
				if err != nil {
					b.Fatal(err)
				}
				rows = len(t.Rows)
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}
