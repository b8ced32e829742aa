package intake

import (
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// boilerplateTags never hold article text.
var boilerplateTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Iframe: true, atom.Template: true, atom.Svg: true, atom.Button: true,
	atom.Select: true, atom.Head: true,
}

// boilerplateMarks are words in a class or id that news sites give their
// menus, share buttons and copyright lines.
var boilerplateMarks = []string{
	"nav", "menu", "breadcrumb", "crumb", "footer", "sidebar", "share",
	"copyright", "toolbar", "pagination", "banner",
}

// blockTags start a new line: the text of two paragraphs must not run
// together into one sentence or one name.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Tr: true, atom.Table: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Blockquote: true,
	atom.Pre: true, atom.Hr: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Figure: true, atom.Figcaption: true, atom.Body: true,
}

// cellTags are table cells, kept apart by a space.
var cellTags = map[atom.Atom]bool{atom.Td: true, atom.Th: true}

// isHTML reports whether a file is an HTML page, by its name or by how its
// content starts.
func isHTML(name string, content []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return startsLikeHTML(string(content[:min(len(content), 256)]))
}

// startsLikeHTML reports whether text opens with the markup of a page.
func startsLikeHTML(text string) bool {
	text = strings.TrimLeft(strings.TrimPrefix(text, "\ufeff"), " \t\r\n")
	start := strings.ToLower(text[:min(len(text), 16)])
	for _, prefix := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(start, prefix) {
			return true
		}
	}
	return false
}

// declaredCharset returns the charset an HTML page declares in its first
// kilobyte (<meta charset> or http-equiv), or "" if none.
func declaredCharset(raw []byte) string {
	if len(raw) > 1024 {
		raw = raw[:1024]
	}
	_, name, _ := charset.DetermineEncoding(raw, "text/html")
	// DetermineEncoding guesses windows-1252 when a page declares nothing;
	// that guess is no declaration.
	if name == "windows-1252" {
		return ""
	}
	return name
}

// htmlText collects the article text of a parsed page.
type htmlText struct {
	title strings.Builder
	body  strings.Builder
}

// extractHTML returns the title and the article text of an HTML page, one
// block element a line, without scripts, menus and other boilerplate.
// A page the parser refuses (html.Parse gives up on more than 512 open
// elements, as in a page of ten thousand nested <div>s) is read token by
// token instead (tokenText): the text is kept, only menus marked by class
// are not recognised.
func extractHTML(page string) (title, text string, err error) {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		title, text = tokenText(page)
		return title, text, nil
	}
	var t htmlText
	t.walk(root, false)
	return strings.TrimSpace(collapseSpaces(t.title.String())), tidyLines(t.body.String()), nil
}

// tokenText returns the title and text of a page read as a stream of tokens,
// with no tree: block elements start lines, and the content of boilerplate
// elements (scripts, styles, navigation) is skipped while they are open.
func tokenText(page string) (title, text string) {
	var t htmlText
	z := html.NewTokenizer(strings.NewReader(page))
	skipping := make(map[atom.Atom]int) // boilerplate elements open
	open := 0
	inTitle := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF: a string reader fails in no other way
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			a := tok.DataAtom
			if a == atom.Title {
				inTitle = tt == html.StartTagToken
				continue
			}
			if boilerplateTags[a] && a != atom.Head && tt != html.SelfClosingTagToken {
				before := skipping[a]
				if tt == html.StartTagToken {
					skipping[a]++
				} else if before > 0 {
					skipping[a]--
				}
				open += skipping[a] - before
			}
			switch {
			case blockTags[a]:
				t.body.WriteByte('\n')
			case cellTags[a] && tt == html.EndTagToken:
				t.body.WriteByte(' ')
			}
		case html.TextToken:
			switch {
			case inTitle:
				if t.title.Len() == 0 {
					t.title.WriteString(tok.Data)
				}
			case open == 0:
				t.body.WriteString(collapseSpaces(tok.Data))
			}
		}
	}
	return strings.TrimSpace(collapseSpaces(t.title.String())), tidyLines(t.body.String())
}

func (t *htmlText) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			t.body.WriteString(n.Data)
		} else {
			t.body.WriteString(collapseSpaces(n.Data))
		}
		return
	case html.ElementNode:
		if n.DataAtom == atom.Title {
			if t.title.Len() == 0 {
				t.title.WriteString(nodeText(n))
			}
			return
		}
		if boilerplateTags[n.DataAtom] || isBoilerplate(n) {
			// <title> may sit in <head>; find it before skipping the rest.
			if n.DataAtom == atom.Head {
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.DataAtom == atom.Title && t.title.Len() == 0 {
						t.title.WriteString(nodeText(c))
					}
				}
			}
			return
		}
		pre = pre || n.DataAtom == atom.Pre
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		t.body.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.walk(c, pre)
	}
	switch {
	case block:
		t.body.WriteByte('\n')
	case n.Type == html.ElementNode && cellTags[n.DataAtom]:
		t.body.WriteByte(' ')
	}
}

// isBoilerplate reports elements whose class or id marks them as navigation,
// sharing or copyright blocks.
func isBoilerplate(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		value := strings.ToLower(a.Val)
		for _, mark := range boilerplateMarks {
			if strings.Contains(value, mark) {
				return true
			}
		}
	}
	return false
}

// nodeText returns all the text under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			collect(c)
		}
	}
	collect(n)
	return b.String()
}

// collapseSpaces turns every run of HTML white space into one space, as a
// browser shows it. Non-breaking and ideographic spaces are text, not markup
// white space, and stay.
func collapseSpaces(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space && b.Len() > 0 {
		b.WriteByte(' ')
	}
	return b.String()
}

// tidyLines trims every line and drops the empty ones that nested blocks
// leave.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	kept := lines[:0]
	for _, line := range lines {
		if line = strings.Trim(line, " \t\r"); line != "" {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}
