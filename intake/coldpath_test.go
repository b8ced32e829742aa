package intake_test

import (
	"context"
	"os"
	"os/exec"
	"runtime"
	"testing"

	hkgraph "hospkg/graph"
	"hospkg/intake"
	"hospkg/nlp"
	"hospkg/queries"
)

// coldPathEnv marks the child process of TestNamedQueriesLoadNoDictionaries.
const coldPathEnv = "HOSPKG_COLD_PATH_CHILD"

// TestNamedQueriesLoadNoDictionaries guards the cold path of `hospkg query`:
// a fresh process that runs a named query with names in simplified
// characters must build neither the t2s dictionaries' tries (a third of such
// a process's time before they were skipped) nor gse's dictionary (164 MB of
// allocations and 0.4 s). It runs every named query in a child process, so
// that what other tests of this binary loaded does not count.
func TestNamedQueriesLoadNoDictionaries(t *testing.T) {
	if os.Getenv(coldPathEnv) == "1" {
		runEveryNamedQuery(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestNamedQueriesLoadNoDictionaries$", "-test.v")
	cmd.Env = append(os.Environ(), coldPathEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child process: %v\n%s", err, out)
	}
	t.Logf("child process:\n%s", out)
}

// heapBudget bounds what the child may allocate in all: the queries on a
// small store take a few MB, gse's dictionary alone 164 MB.
const heapBudget = 32 << 20

func runEveryNamedQuery(t *testing.T) {
	ctx := context.Background()
	st, err := hkgraph.Open("memstore", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	qs := st.QuadStore()
	if err := hkgraph.ReplaceDocument(ctx, qs, coldPathExtraction()); err != nil {
		t.Fatal(err)
	}
	if err := hkgraph.RefreshRankings(ctx, qs); err != nil {
		t.Fatal(err)
	}
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range all {
		args := make(map[string]string)
		for _, p := range q.Params {
			switch {
			case p.Kind == queries.IntParam:
			case p.Kind == queries.DateParam:
				args[p.Name] = "2024"
			case q.Name == "official":
				args[p.Name] = "郭燕红"
			case p.Name == "title":
				args[p.Name] = "院长"
			case p.Name == "b":
				args[p.Name] = "密云区卫生健康委"
			default:
				args[p.Name] = "北大医院"
			}
		}
		if _, err := q.Run(ctx, qs, args, queries.Options{}); err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
	}
	if intake.SimplifierLoaded() {
		t.Error("a named query built the t2s dictionaries for names in simplified characters")
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.Logf("%d named queries, %.1f MB allocated in all", len(all), float64(m.TotalAlloc)/(1<<20))
	if m.TotalAlloc > heapBudget {
		t.Errorf("the process allocated %d MB, over %d MB: did a query load gse's dictionary?", m.TotalAlloc>>20, heapBudget>>20)
	}
}

// coldPathExtraction is one small document: a hospital supporting another
// and an agency, a department, an official.
func coldPathExtraction() *nlp.Extraction {
	hospital := nlp.Entity{ID: nlp.EntityID(nlp.Hospital, "北京大学第一医院", ""), Type: nlp.Hospital, Name: "北京大学第一医院", Aliases: []string{"北大医院"}}
	helped := nlp.Entity{ID: nlp.EntityID(nlp.Hospital, "北京大学第一医院密云医院", ""), Type: nlp.Hospital, Name: "北京大学第一医院密云医院"}
	agency := nlp.Entity{ID: nlp.EntityID(nlp.Institution, "密云区卫生健康委", ""), Type: nlp.Institution, Name: "密云区卫生健康委"}
	dept := nlp.Entity{ID: nlp.EntityID(nlp.Department, "肿瘤内科", hospital.ID), Type: nlp.Department, Name: "肿瘤内科", Parent: hospital.ID}
	official := nlp.Entity{ID: nlp.EntityID(nlp.Official, "郭燕红", hospital.ID), Type: nlp.Official, Name: "郭燕红"}
	text := "北京大学第一医院院长郭燕红与密云区卫生健康委共同支援北京大学第一医院密云医院。"
	x := &nlp.Extraction{
		Doc:       intake.Document{Name: "cold.txt", Title: "cold"},
		Sentences: []nlp.Sentence{{Index: 0, Start: 0, End: len(text), Text: text, Evidence: text}},
		Entities:  []nlp.Entity{hospital, helped, agency, dept, official},
		Relations: []nlp.Relation{
			{Subject: hospital.ID, Predicate: nlp.Supports, Object: helped.ID},
			{Subject: agency.ID, Predicate: nlp.Supports, Object: helped.ID},
			{Subject: hospital.ID, Predicate: nlp.PartnerOf, Object: agency.ID},
			{Subject: helped.ID, Predicate: nlp.AffiliatedWith, Object: hospital.ID},
		},
		Positions: []nlp.Position{{Person: official.ID, Title: "院长", Org: hospital.ID}},
	}
	for _, e := range x.Entities {
		x.Mentions = append(x.Mentions, nlp.Mention{Entity: e.ID})
	}
	return x
}
