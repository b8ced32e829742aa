// Package nlp turns the text of hospital news into facts: given a document
// from intake, it splits sentences, segments them with gse, recognises
// hospitals, institutions, departments and officials, resolves aliases, and
// extracts positions and the supports / affiliated_with / partner_of
// relations, each fact pointing back at the sentence it was read from.
package nlp

import "hospkg/intake"

// EntityType is the kind of a named thing in the graph.
type EntityType string

// The four entity types of the schema (see ../shared/eval/GUIDE.md).
const (
	Hospital    EntityType = "Hospital"
	Official    EntityType = "Official"
	Department  EntityType = "Department"
	Institution EntityType = "Institution"
)

// IsOrg reports whether entities of this type can hold departments, positions
// and organisation-to-organisation relations.
func (t EntityType) IsOrg() bool { return t == Hospital || t == Institution || t == Department }

// Predicate names a relation between two organisations.
type Predicate string

// The relation predicates of the schema.
const (
	Supports       Predicate = "supports"        // helper → helped
	AffiliatedWith Predicate = "affiliated_with" // member/branch → parent
	PartnerOf      Predicate = "partner_of"      // symmetric, stored once
)

// Sentence is a span of a document's normalised text.
type Sentence struct {
	Index int
	// Start and End are byte offsets into Document.Text.
	Start, End int
	// Text is Document.Text[Start:End].
	Text string
	// Evidence is the same sentence as it stands in Document.Original.
	Evidence string
	// Date is the date of the event the sentence tells, when it gives one
	// (nlp/dating.InSentence): its facts happened then rather than on the
	// document's date.
	Date string
}

// Token is one segment of a sentence, with byte offsets into Document.Text.
type Token struct {
	Text       string
	Start, End int
	POS        string
}

// Entity is one real-world thing named in a document.
type Entity struct {
	// ID is the identity of the thing across documents: two entities with the
	// same ID are one node in the graph.
	ID   string
	Type EntityType
	// Name is the canonical name: the fullest form, in simplified characters.
	Name string
	// Aliases are the other surface forms the document uses for it.
	Aliases []string
	// Parent is the ID of the organisation a Department belongs to.
	Parent string
	// Confidence is the probability that the entity is right, as the
	// learned decider (nlp/model) or, with the rules alone, the rules'
	// measured precision give it; 0 when nothing has judged it.
	Confidence float64
	// ShortForms are the aliases the document defines as short forms of
	// this organisation with real evidence (以下简称, a bracket, a
	// contraction such as 北大医院 of 北京大学第一医院): other documents may
	// resolve them to it (MarkShortForms marks them, package corpus
	// resolves them).
	ShortForms []string
	// Resolved are the short names by which the document named this
	// organisation and which resolved to it through another document's
	// definition (package corpus): the mentions merged across documents.
	Resolved []string
}

// Mention records that a sentence names an entity.
type Mention struct {
	Entity     string // Entity.ID
	Sentence   int
	Start, End int // byte offsets into Document.Text
}

// Relation is a directed fact between two organisations (PartnerOf is
// symmetric and listed once).
type Relation struct {
	Subject   string // Entity.ID
	Predicate Predicate
	Object    string // Entity.ID
	Sentence  int
	// Rule names the pattern that stated it (dispatch, supportVerbs, …),
	// for tracing a wrong relation to its cause.
	Rule string
	// Confidence is the probability that the relation is right (see
	// Entity.Confidence).
	Confidence float64
}

// Position is an official holding a title at an organisation.
type Position struct {
	Person   string // Entity.ID of an Official
	Title    string
	Org      string // Entity.ID of a Hospital, Institution or Department
	Sentence int
	// Former marks a post the sentence says was held and is no longer
	// (原院长, 不再担任, 免去…职务).
	Former bool
	// Confidence is the probability that the position is right (see
	// Entity.Confidence).
	Confidence float64
}

// Extraction is everything read from one document.
type Extraction struct {
	Doc intake.Document
	// Date is the date the document was published (nlp/dating), ISO 8601
	// as precise as the page gives it, and DateRule the rule that found
	// it; "" when the page gives none.
	Date, DateRule string
	Sentences      []Sentence
	// Tokens[i] are gse's tokens of Sentences[i], for the learned decider
	// (nlp/model); nothing is stored of them.
	Tokens    [][]Token
	Entities  []Entity
	Mentions  []Mention
	Relations []Relation
	Positions []Position
}

// Entity returns the entity of the extraction with the given ID.
func (x *Extraction) Entity(id string) (Entity, bool) {
	for _, e := range x.Entities {
		if e.ID == id {
			return e, true
		}
	}
	return Entity{}, false
}

// EntityID builds the identity of an entity. Departments are qualified by
// their parent's ID and officials by the organisation that identifies them,
// so that 肿瘤内科 of two hospitals, or two people called 李刚, stay apart.
func EntityID(t EntityType, name, qualifier string) string {
	// Concatenation, not fmt.Sprintf: IDs are built for every mention.
	if qualifier == "" {
		return string(t) + "/" + name
	}
	return string(t) + "/" + qualifier + "/" + name
}
