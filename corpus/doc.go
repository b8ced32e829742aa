// Package corpus resolves organisation names across the documents of a
// corpus: a short form one article defines (北京大学第一医院（以下简称“北大医院”）,
// a bracket, a contraction such as 衡水二院 of 衡水市第二人民医院) names the same
// node in every other article that uses it alone, whatever the order the
// articles are built in.
//
// The stages, one file each (nlp.MarkShortForms has marked the aliases each
// document defines with real evidence, never a generic word such as 市政府
// or 本院): index.go gathers them over the corpus, short form → the organisations
// defining it; resolve.go renames a document's organisations that a short
// form names (an ambiguous one only when the document names exactly one of
// its organisations in full), with every ID qualified by them (officials,
// departments); store.go seeds the index from a store and merges the nodes
// that documents written earlier left under a short name.
package corpus
