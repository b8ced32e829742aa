package nlp

// The lexicons the learned decider (nlp/model) reads to propose what the
// rules did not find.

// IsSurname reports whether s is a family name, single or compound.
func IsSurname(s string) bool { return surnames[s] }

// TitleEnding returns the longest title that text ends with (院长,
// 责任编辑, 二级巡视员), or "".
func TitleEnding(text string) string { return titles.suffixOf(text) }
