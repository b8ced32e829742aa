// Package graph turns the facts nlp reads from one document into quads of a
// Cayley quad store and back: the vocabulary, opening a store, replacing the
// facts of one document, statistics, and the JSONL export.
package graph

import (
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"hospkg/nlp"
)

// Predicates between entities. Every quad using them is labelled with the IRI
// of the sentence it was read from.
const (
	// Supports links a helper organisation to the one it helps (帮扶, 对口支援).
	Supports = quad.IRI("hk:supports")
	// AffiliatedWith links a member, branch or campus to its parent.
	AffiliatedWith = quad.IRI("hk:affiliated_with")
	// PartnerOf links two organisations cooperating as equals; stored once.
	PartnerOf = quad.IRI("hk:partner_of")
	// DepartmentOf links a Department to the organisation it belongs to.
	DepartmentOf = quad.IRI("hk:department_of")
	// HoldsPosition links an Official to a Position node.
	HoldsPosition = quad.IRI("hk:holds_position")
	// Title is the title of a Position node (院长), as a string.
	Title = quad.IRI("hk:title")
	// Org links a Position node to the organisation the title is held at.
	Org = quad.IRI("hk:org")
	// Name is the canonical name of an entity, as a string.
	Name = quad.IRI("hk:name")
	// Alias is one other surface form of an entity, as a string.
	Alias = quad.IRI("hk:alias")
	// ShortForm is an alias the document defines as a short form of an
	// organisation (以下简称, a bracket, a contraction), as a string: what
	// corpus-level resolution resolves in other documents.
	ShortForm = quad.IRI("hk:short_form")
	// ResolvedAlias is a short name by which the document named an
	// organisation and which resolved to it through another document's
	// ShortForm, as a string: a mention merged across documents.
	ResolvedAlias = quad.IRI("hk:resolved_alias")
	// Type is rdf:type, written in the short form Gizmo queries use.
	Type = quad.IRI("rdf:type")
)

// Provenance predicates: they describe documents and sentences.
const (
	// Text is the text of a Sentence node as it stands in the original file.
	Text = quad.IRI("hk:text")
	// InDoc links a Sentence node to its Document node.
	InDoc = quad.IRI("hk:in_doc")
	// Index is the position of a sentence in its document (quad.Int).
	Index = quad.IRI("hk:index")
	// Start is the byte offset where a sentence starts in the normalised text.
	Start = quad.IRI("hk:start")
	// End is the byte offset where a sentence ends in the normalised text.
	End = quad.IRI("hk:end")
	// Mentions links a sentence to every node its facts talk about; it is how
	// rebuilding a document finds the quads it wrote before.
	Mentions = quad.IRI("hk:mentions")
	// File is the base name of the file a Document node was read from.
	File = quad.IRI("hk:file")
	// DocTitle is the title of a Document node. It is not Title, so that a
	// query for position titles never meets a document title.
	DocTitle = quad.IRI("hk:doc_title")
	// Confidence is how sure the extractor is of a fact, a probability
	// (quad.Float): on an entity node, a position node or a relation node
	// (RelationIRI), labelled with the sentence that states it.
	Confidence = quad.IRI("hk:confidence")
	// Date is when something happened, an ISO 8601 string as precise as the
	// text gives it ("2023", "2023-06", "2023-06-02"): on a Document node
	// the date it was published, on a Sentence node the date of the event
	// it tells.
	Date = quad.IRI("hk:date")
	// Former marks a position node as stated to be held no longer (原院长),
	// labelled with the sentence that says so.
	Former = quad.IRI("hk:former")
)

// Rankings: orderings the store keeps so that the top queries need not read
// every organisation. They are no entities or facts: the JSONL export and
// the entity exports never show them. All their quads are labelled
// RankingsLabel and written by RefreshRankings, which builds and loads call
// after their last document:
//
//	<hk:ranking/supporters> <hk:entries> N                (quad.Int)
//	<hk:ranking/supporters#1> <hk:ranked_entity> <hk:e/…> (the first place)
//	<hk:ranking/supporters#1> <hk:ranked_count> 12        (quad.Int)
//	… down to #N, N at most RankingSize; the same for <hk:ranking/supported>.
//
// Each place is its own node, so reading the top n costs n subject lookups
// whatever the store's size; hk:entries says the ranking exists (0 when no
// organisation supports another) and how far its places go.
//
// A writer marks both rankings stale before it changes facts, and
// RefreshRankings takes the marks away once the rankings describe the facts
// again (MarkRankingsStale):
//
//	<hk:ranking/supporters> <hk:stale> true
//
// so a build or load that is killed or fails part-way leaves rankings that
// say they are stale, and the top queries read every organisation instead.
const (
	// RankingsLabel labels every ranking quad.
	RankingsLabel = quad.IRI("hk:rankings")
	// SupportersRanking ranks organisations by how many others they support.
	SupportersRanking = quad.IRI("hk:ranking/supporters")
	// SupportedRanking ranks organisations by how many others support them.
	SupportedRanking = quad.IRI("hk:ranking/supported")
	// RankingEntries is the number of places of a ranking (quad.Int).
	RankingEntries = quad.IRI("hk:entries")
	// RankedEntity is the organisation at one place of a ranking.
	RankedEntity = quad.IRI("hk:ranked_entity")
	// RankedCount is the count an organisation is ranked by (quad.Int).
	RankedCount = quad.IRI("hk:ranked_count")
	// StaleRanking marks a ranking as not describing the facts (quad.Bool
	// true): facts have changed, or are changing, since it was computed.
	StaleRanking = quad.IRI("hk:stale")
)

// Node types, the objects of rdf:type quads.
const (
	HospitalType    = quad.IRI("hk:Hospital")
	OfficialType    = quad.IRI("hk:Official")
	DepartmentType  = quad.IRI("hk:Department")
	InstitutionType = quad.IRI("hk:Institution")
	DocumentType    = quad.IRI("hk:Document")
	SentenceType    = quad.IRI("hk:Sentence")
	PositionType    = quad.IRI("hk:Position")
)

// entityTypes maps the entity types of nlp to their node types.
var entityTypes = map[nlp.EntityType]quad.IRI{
	nlp.Hospital:    HospitalType,
	nlp.Official:    OfficialType,
	nlp.Department:  DepartmentType,
	nlp.Institution: InstitutionType,
}

// relationPredicates maps the relation predicates of nlp to their IRIs.
var relationPredicates = map[nlp.Predicate]quad.IRI{
	nlp.Supports:       Supports,
	nlp.AffiliatedWith: AffiliatedWith,
	nlp.PartnerOf:      PartnerOf,
}

// TypeIRI returns the node type of an entity type.
func TypeIRI(t nlp.EntityType) (quad.IRI, error) {
	iri, ok := entityTypes[t]
	if !ok {
		return "", fmt.Errorf("unknown entity type %q", t)
	}
	return iri, nil
}

// PredicateIRI returns the IRI of a relation predicate.
func PredicateIRI(p nlp.Predicate) (quad.IRI, error) {
	iri, ok := relationPredicates[p]
	if !ok {
		return "", fmt.Errorf("unknown relation predicate %q", p)
	}
	return iri, nil
}

// Prefixes of node IRIs.
const (
	entityPrefix   = "hk:e/"
	docPrefix      = "hk:doc/"
	positionPrefix = "hk:pos/"
	relationPrefix = "hk:rel/"
	sentenceMark   = "#s"
)

// EntityIRI returns the node of an entity, from its nlp.Entity.ID.
func EntityIRI(id string) quad.IRI { return quad.IRI(entityPrefix + escapeIRI(id, "")) }

// DocIRI returns the node of the document read from the file with this base
// name. '#' is escaped too, because it separates a document from its
// sentences: the sentences of "a" must never look like those of "a#b".
func DocIRI(name string) quad.IRI { return quad.IRI(docPrefix + escapeIRI(name, "#")) }

// SentenceIRI returns the node of sentence index of the named document.
func SentenceIRI(name string, index int) quad.IRI {
	return quad.IRI(fmt.Sprintf("%s%s%d", string(DocIRI(name)), sentenceMark, index))
}

// PositionIRI returns the node of one (person, title, organisation) triple.
// The three parts are joined by '|', which IRIs may not contain, so it is
// written percent-escaped (%7C); a '|' inside a part is escaped the same way
// but its '%' is escaped first, so the joint stays unambiguous.
func PositionIRI(personID, title, orgID string) quad.IRI {
	const sep = "%7C"
	return quad.IRI(positionPrefix + escapeIRI(personID, "") + sep + escapeIRI(title, "") + sep + escapeIRI(orgID, ""))
}

// RelationIRI returns the node that stands for one relation fact, the
// subject of its confidence: its parts are joined as PositionIRI joins
// them.
func RelationIRI(subjectID string, p nlp.Predicate, objectID string) quad.IRI {
	return RelationNode(EntityIRI(subjectID), string(p), EntityIRI(objectID))
}

// docOfLabel returns the document IRI a quad label belongs to: the label
// itself for document-level quads, the part before '#' for sentences.
func docOfLabel(label quad.IRI) quad.IRI {
	s := string(label)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return quad.IRI(s[:i])
	}
	return label
}

// escapeIRI percent-escapes the characters an IRI may not contain (space,
// <>"{}|^`\ and control characters), '%' so that escaping can be undone, and
// any of extra.
func escapeIRI(s, extra string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(" <>\"{}|^`\\%", r) || strings.ContainsRune(extra, r) {
			fmt.Fprintf(&b, "%%%02X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
