package corpus

import (
	"sort"
	"strings"

	"hospkg/nlp"
)

// Index gathers the short forms of a corpus: for each type and short form,
// the organisations that documents define it for. It only grows, so the
// answer for a short form does not depend on the order documents came in,
// only on which have.
type Index struct {
	forms map[formKey]map[string]bool // → organisation IDs
}

type formKey struct {
	typ   nlp.EntityType
	short string
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{forms: make(map[formKey]map[string]bool)} }

// Add learns the short forms x's organisations define (Entity.ShortForms,
// see nlp.MarkShortForms).
func (ix *Index) Add(x *nlp.Extraction) {
	for _, e := range x.Entities {
		if !nlp.IsResolvable(e) {
			continue
		}
		for _, s := range e.ShortForms {
			ix.AddForm(e.Type, s, e.ID)
		}
	}
}

// AddForm learns that a document defines short for the organisation id of
// type typ.
func (ix *Index) AddForm(typ nlp.EntityType, short, id string) {
	k := formKey{typ, short}
	if ix.forms[k] == nil {
		ix.forms[k] = make(map[string]bool)
	}
	ix.forms[k][id] = true
}

// Targets returns, sorted, the organisations of type typ that short is
// defined for.
func (ix *Index) Targets(typ nlp.EntityType, short string) []string {
	set := ix.forms[formKey{typ, short}]
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// ShortNode is a short form with the node a document naming an
// organisation by it alone gives it (nlp.EntityID of its type and name).
type ShortNode struct {
	Type  nlp.EntityType
	Short string
	ID    string
}

// ShortNodes returns every short form the index knows, sorted.
func (ix *Index) ShortNodes() []ShortNode {
	out := make([]ShortNode, 0, len(ix.forms))
	for k := range ix.forms {
		out = append(out, ShortNode{Type: k.typ, Short: k.short, ID: nlp.EntityID(k.typ, k.short, "")})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Ambiguous returns, sorted, the short forms defined for more than one
// organisation of a type, as "Type/short".
func (ix *Index) Ambiguous() []string {
	var out []string
	for k, ids := range ix.forms {
		if len(ids) > 1 {
			out = append(out, string(k.typ)+"/"+k.short)
		}
	}
	sort.Strings(out)
	return out
}

// nameOfID is the name in an organisation's ID: resolvable IDs are their
// type and name.
func nameOfID(id string) (nlp.EntityType, string) {
	t, name, _ := strings.Cut(id, "/")
	return nlp.EntityType(t), name
}
