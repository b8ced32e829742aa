package queries

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/cayley/graph"

	hkgraph "hospkg/graph"
	"hospkg/intake"
	"hospkg/nlp"
)

// The synthetic corpus: documents shaped like the seeds (about 40 sentences,
// a home hospital, its departments and officials, and relations to other
// organisations), over pools of seed-like names, so that the store holds
// just over a million quads labelled the way real builds label them.
const (
	syntheticDocs         = 3650 // 1,003,831 quads
	syntheticHospitals    = 8000
	syntheticInstitutions = 2000
	sentencesPerDoc       = 40
	// bigHospitals are the first hospitals of the pool: national and
	// provincial centres that support many others, as 北京大学第一医院 does.
	bigHospitals = 40
)

var (
	cities     = strings.Split("北京 柳州 衡水 南通 石家庄 合山 如皋 贵德 伊宁 武宣 三江 密云 包头 呼和浩特 成都 西宁 桂林 南宁 保定 唐山 苏州 无锡 扬州 盐城 绵阳 德阳 乐山 宜宾 邯郸 邢台", " ")
	orgKinds   = strings.Split("人民医院 中医医院 妇幼保健院 肿瘤医院 工人医院 中心医院", " ")
	agencies   = strings.Split("卫生健康委 医保局 区委 区政府 疾控中心 政协", " ")
	units      = strings.Split("医务科 肿瘤内科 放射科 全科医学科 感染科 泌尿外科 门诊办 护理部 药剂科 急诊科", " ")
	surnames   = strings.Split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗", " ")
	givenNames = strings.Split("广发 海欣 尹默 燕红 东波 辉阳 文平 万卉 亚娟 英智 秀梅 立志 高仁 庆彪 君奎 书学 永正 继敏 春雷 立平", " ")
	orgTitles  = strings.Split("院长 副院长 党委书记 党委副书记", " ")
	unitTitles = strings.Split("主任 副主任 科长 副科长", " ")
)

func syntheticHospital(i int) string {
	return fmt.Sprintf("%s市第%d%s", cities[i%len(cities)], i/len(cities)+1, orgKinds[i%len(orgKinds)])
}

func syntheticInstitution(i int) string {
	return fmt.Sprintf("%s市%s%d", cities[i%len(cities)], agencies[i%len(agencies)], i/len(cities)+1)
}

// syntheticDoc builds the extraction of document n.
func syntheticDoc(rng *rand.Rand, n int) *nlp.Extraction {
	x := &nlp.Extraction{Doc: intake.Document{Name: fmt.Sprintf("synthetic_%05d.txt", n), Title: fmt.Sprintf("第%d篇", n)}}
	for s := 0; s < sentencesPerDoc; s++ {
		text := fmt.Sprintf("第%d篇第%d句，医院召开工作会议，推动优质医疗资源下沉。", n, s)
		x.Sentences = append(x.Sentences, nlp.Sentence{Index: s, Start: s * 100, End: s*100 + len(text), Text: text, Evidence: text})
	}
	added := make(map[string]bool)
	entity := func(e nlp.Entity) string {
		if !added[e.ID] {
			added[e.ID] = true
			x.Entities = append(x.Entities, e)
		}
		return e.ID
	}
	mention := func(id string, s int) { x.Mentions = append(x.Mentions, nlp.Mention{Entity: id, Sentence: s}) }
	hospital := func(i int) string {
		name := syntheticHospital(i)
		short := strings.TrimSuffix(name, orgKinds[i%len(orgKinds)]) + "院"
		return entity(nlp.Entity{ID: nlp.EntityID(nlp.Hospital, name, ""), Type: nlp.Hospital, Name: name, Aliases: []string{short}})
	}
	institution := func(i int) string {
		name := syntheticInstitution(i)
		return entity(nlp.Entity{ID: nlp.EntityID(nlp.Institution, name, ""), Type: nlp.Institution, Name: name})
	}
	sentence := func() int { return rng.Intn(sentencesPerDoc) }

	home := rng.Intn(syntheticHospitals)
	homeID := hospital(home)
	for s := 0; s < sentencesPerDoc; s += 3 {
		mention(homeID, s)
	}
	// Relations: the home hospital is helped by a big hospital and an agency,
	// helps a few smaller ones, belongs to a parent, partners another.
	relate := func(subject string, p nlp.Predicate, object string) {
		s := sentence()
		mention(subject, s)
		mention(object, s)
		x.Relations = append(x.Relations, nlp.Relation{Subject: subject, Predicate: p, Object: object, Sentence: s})
	}
	relate(hospital(rng.Intn(bigHospitals)), nlp.Supports, homeID)
	relate(institution(rng.Intn(syntheticInstitutions)), nlp.Supports, homeID)
	for k := 0; k < 2; k++ {
		relate(homeID, nlp.Supports, hospital(rng.Intn(syntheticHospitals)))
	}
	relate(homeID, nlp.AffiliatedWith, hospital(rng.Intn(bigHospitals*5)))
	relate(homeID, nlp.PartnerOf, hospital(rng.Intn(syntheticHospitals)))
	// Departments of the home hospital, each with a head.
	position := func(person, title, org string) {
		s := sentence()
		mention(person, s)
		x.Positions = append(x.Positions, nlp.Position{Person: person, Title: title, Org: org, Sentence: s})
	}
	official := func(org string, i int) string {
		name := surnames[i%len(surnames)] + givenNames[(i/len(surnames))%len(givenNames)]
		return entity(nlp.Entity{ID: nlp.EntityID(nlp.Official, name, org), Type: nlp.Official, Name: name})
	}
	for k := 0; k < 4; k++ {
		unit := units[(home+k)%len(units)]
		dept := entity(nlp.Entity{ID: nlp.EntityID(nlp.Department, unit, homeID), Type: nlp.Department, Name: unit, Parent: homeID})
		mention(dept, sentence())
		position(official(dept, home*7+k), unitTitles[k%len(unitTitles)], dept)
	}
	for k := 0; k < len(orgTitles); k++ {
		position(official(homeID, home*3+k), orgTitles[k], homeID)
	}
	return x
}

var (
	syntheticOnce sync.Once
	// synthetic is the store the benchmarks query: on bolt, opened for
	// reading only, so that hospkg processes can read it too.
	synthetic      *hkgraph.Store
	syntheticPath  string // the bolt store's folder; "" in memory
	syntheticQuads int
	syntheticErr   error
	// syntheticDir is the temporary folder of the bolt store and of the
	// hospkg binary, removed by TestMain when the benchmarks are done.
	syntheticDir string
)

func TestMain(m *testing.M) {
	code := m.Run()
	var err error
	if synthetic != nil {
		err = synthetic.Close()
	}
	if syntheticDir != "" {
		err = errors.Join(err, os.RemoveAll(syntheticDir))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "close the synthetic store:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// syntheticQuadStore builds the synthetic corpus once per test binary, into
// a bolt store under a temporary folder, in about a minute on two cores
// (HOSPKG_BENCH_DB=memstore: in memory; HOSPKG_BENCH_KEEP=PATH: build it at
// PATH once and reuse it in later runs), and returns it with its number of
// quads (-1 when kept from an earlier run).
func syntheticQuadStore(b *testing.B) (graph.QuadStore, int) {
	b.Helper()
	syntheticOnce.Do(func() {
		synthetic, syntheticPath, syntheticQuads, syntheticErr = buildSyntheticStore(context.Background())
	})
	if syntheticErr != nil {
		b.Fatalf("build the synthetic store: %v", syntheticErr)
	}
	return synthetic.QuadStore(), syntheticQuads
}

// syntheticStorePath returns the folder of the synthetic bolt store.
func syntheticStorePath(b *testing.B) string {
	b.Helper()
	syntheticQuadStore(b)
	if syntheticPath == "" {
		b.Skip("the synthetic store is in memory (HOSPKG_BENCH_DB=memstore): no process can open it")
	}
	return syntheticPath
}

// tempDir is syntheticDir, made on first use.
func tempDir() (string, error) {
	if syntheticDir != "" {
		return syntheticDir, nil
	}
	dir, err := os.MkdirTemp("", "hospkg-bench-")
	syntheticDir = dir
	return dir, err
}

func buildSyntheticStore(ctx context.Context) (st *hkgraph.Store, path string, quads int, err error) {
	if os.Getenv("HOSPKG_BENCH_DB") == "memstore" {
		st, err := hkgraph.Open("memstore", "", nil)
		if err != nil {
			return nil, "", 0, err
		}
		n, err := writeSyntheticCorpus(ctx, st.QuadStore())
		return st, "", n, err
	}
	path = os.Getenv("HOSPKG_BENCH_KEEP")
	kept := false
	if path == "" {
		dir, err := tempDir()
		if err != nil {
			return nil, "", 0, err
		}
		path = filepath.Join(dir, "db")
	} else if _, err := os.Stat(path); err == nil {
		kept = true
	}
	writer, err := hkgraph.Open("bolt", path, nil)
	if err != nil {
		return nil, "", 0, err
	}
	quads = -1
	if kept {
		// A store kept by an older run may have no rankings, or old ones.
		err = hkgraph.RefreshRankings(ctx, writer.QuadStore())
	} else {
		quads, err = writeSyntheticCorpus(ctx, writer.QuadStore())
	}
	if err := errors.Join(err, writer.Close()); err != nil {
		return nil, "", 0, err
	}
	st, err = hkgraph.OpenReader("bolt", path)
	return st, path, quads, err
}

// writeSyntheticCorpus writes the synthetic documents and their rankings
// into qs, as a build does, and returns how many quads it wrote.
func writeSyntheticCorpus(ctx context.Context, qs graph.QuadStore) (int, error) {
	rng := rand.New(rand.NewSource(6))
	var batch []graph.Delta
	total := 0
	flush := func() error {
		err := qs.ApplyDeltas(batch, graph.IgnoreOpts{IgnoreDup: true})
		total += len(batch)
		batch = batch[:0]
		return err
	}
	for n := 0; n < syntheticDocs; n++ {
		quads, err := hkgraph.DocumentQuads(syntheticDoc(rng, n))
		if err != nil {
			return 0, err
		}
		for _, q := range quads {
			batch = append(batch, graph.Delta{Quad: q, Action: graph.Add})
		}
		if len(batch) >= 50000 {
			if err := flush(); err != nil {
				return 0, err
			}
		}
	}
	if err := flush(); err != nil {
		return 0, err
	}
	// As a build does after its last document.
	return total, hkgraph.RefreshRankings(ctx, qs)
}
