package graph

import (
	"fmt"
	"strings"
	"unicode"
)

// ErrBadGizmoCall is wrapped by CheckGizmo's errors.
var ErrBadGizmoCall = fmt.Errorf("gizmo call cannot work")

// viaMethods take a predicate (a string, list or path) and then tag names.
// Gizmo v0.7.7 converts their arguments in a goroutine of its own and panics
// there on an object as the predicate, or on a tag that is not a string.
var viaMethods = map[string]bool{
	"out": true, "in": true, "both": true, "followrecursive": true, "labelcontext": true,
}

// CheckGizmo rejects the argument shapes that crash Gizmo v0.7.7 (found by
// running them): Out({}), Out(['<p>', null]), Out('<p>', null),
// Out('<p>', 1), FollowRecursive('<p>', 2, null), LabelContext({}) and the
// like. The panic happens in a goroutine Gizmo starts, where nobody can
// recover it, and kills the process. CheckGizmo reads literal arguments
// only: a variable holding an object still gets through.
func CheckGizmo(q string) error {
	toks := tokenize(q)
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].text != "." || toks[i+1].kind != tokIdent || toks[i+2].text != "(" {
			continue
		}
		method := strings.ToLower(toks[i+1].text)
		if !viaMethods[method] {
			continue
		}
		for n, arg := range splitArgs(toks[i+3:]) {
			if len(arg) == 0 {
				continue
			}
			ok := predicateArgOK(arg)
			if n > 0 {
				depth := method == "followrecursive" && n == 1 && len(arg) == 1 && arg[0].kind == tokNumber
				ok = depth || tagArgOK(arg)
			}
			if !ok {
				return fmt.Errorf("%w: %s(...) argument %d, %s, at line %d: give a predicate (string, list or path) first and tag names as strings after it",
					ErrBadGizmoCall, toks[i+1].text, n+1, describe(arg), lineOf(q, arg[0].pos))
			}
		}
	}
	return nil
}

// predicateArgOK reports whether a predicate argument is safe: no object
// literal anywhere, and no null in a list.
func predicateArgOK(arg []token) bool {
	for _, t := range arg {
		if t.text == "{" {
			return false
		}
		if arg[0].text == "[" && len(arg) > 3 && (t.text == "null" || t.text == "undefined") {
			return false
		}
	}
	return true
}

// tagArgOK reports whether a tag argument is a string, a name (a variable,
// which cannot be checked), or a list of those.
func tagArgOK(arg []token) bool {
	if len(arg) == 1 {
		return arg[0].kind == tokString || (arg[0].kind == tokIdent && !jsLiteral[arg[0].text])
	}
	if arg[0].text == "{" {
		return false
	}
	if arg[0].text != "[" || arg[len(arg)-1].text != "]" {
		return true // an expression: cannot be judged from its text
	}
	for _, t := range arg[1 : len(arg)-1] {
		if t.text != "," && t.kind != tokString {
			return false
		}
	}
	return true
}

var jsLiteral = map[string]bool{"null": true, "undefined": true, "true": true, "false": true, "NaN": true}

func describe(arg []token) string {
	var b strings.Builder
	for _, t := range arg {
		b.WriteString(t.text)
	}
	return b.String()
}

func lineOf(q string, pos int) int {
	return 1 + strings.Count(q[:pos], "\n")
}

type tokenKind int

const (
	tokPunct tokenKind = iota
	tokIdent
	tokNumber
	tokString
)

type token struct {
	kind tokenKind
	text string
	pos  int
}

// tokenize splits JavaScript into identifiers, numbers, strings and single
// punctuation characters, dropping comments and white space. It is enough to
// see method calls and the first token of each argument.
func tokenize(q string) []token {
	var out []token
	rs := []rune(q)
	offset := func(i int) int { return len(string(rs[:i])) }
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '/' && i+1 < len(rs) && rs[i+1] == '/':
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
		case r == '/' && i+1 < len(rs) && rs[i+1] == '*':
			i += 2
			for i+1 < len(rs) && !(rs[i] == '*' && rs[i+1] == '/') {
				i++
			}
			i += 2
		case r == '"' || r == '\'' || r == '`':
			start := i
			for i++; i < len(rs) && rs[i] != r; i++ {
				if rs[i] == '\\' {
					i++
				}
			}
			i++
			out = append(out, token{tokString, "string", offset(start)})
		case r == '_' || r == '$' || unicode.IsLetter(r):
			start := i
			for i < len(rs) && (rs[i] == '_' || rs[i] == '$' || unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])) {
				i++
			}
			out = append(out, token{tokIdent, string(rs[start:i]), offset(start)})
		case unicode.IsDigit(r) || (r == '-' && i+1 < len(rs) && unicode.IsDigit(rs[i+1])):
			start := i
			for i++; i < len(rs) && (unicode.IsDigit(rs[i]) || rs[i] == '.'); i++ {
			}
			out = append(out, token{tokNumber, string(rs[start:i]), offset(start)})
		default:
			out = append(out, token{tokPunct, string(r), offset(i)})
			i++
		}
	}
	return out
}

// splitArgs returns the top-level arguments of a call whose tokens start
// just after its opening parenthesis.
func splitArgs(toks []token) [][]token {
	var args [][]token
	var cur []token
	depth := 0
	for _, t := range toks {
		switch t.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			if depth == 0 {
				if len(cur) > 0 || len(args) > 0 {
					args = append(args, cur)
				}
				return args
			}
			depth--
		case ",":
			if depth == 0 {
				args = append(args, cur)
				cur = nil
				continue
			}
		}
		cur = append(cur, t)
	}
	return append(args, cur)
}
