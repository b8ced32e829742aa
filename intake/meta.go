package intake

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedKeys are the <meta> names and properties in which pages give
// the time they were published, lower-cased: Open Graph's and Dublin
// Core's, schema.org's itemprop, and those of the content systems Chinese
// government and hospital sites run (TRS's PubDate, firstpublishedtime).
var publishedKeys = map[string]bool{
	"article:published_time": true, "og:published_time": true, "og:release_date": true,
	"pubdate": true, "publishdate": true, "publish_date": true, "publishtime": true, "publish-date": true,
	"publication_date": true, "datepublished": true, "dc.date": true, "dc.date.issued": true,
	"dc.date.created": true, "dcterms.created": true, "dcterms.issued": true,
	"firstpublishedtime": true, "sailthru.date": true, "parsely-pub-date": true, "date": true,
	"created": true, "weibo:article:create_at": true,
}

// publishedMeta returns the publication time a page's <meta> tags give, as
// written, or "". It reads tokens up to the page's body, so a long page
// costs only its head.
func publishedMeta(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Body:
				return ""
			case atom.Meta:
				var key, content string
				for _, a := range tok.Attr {
					switch strings.ToLower(a.Key) {
					case "name", "property", "itemprop", "http-equiv":
						key = strings.ToLower(strings.TrimSpace(a.Val))
					case "content":
						content = strings.TrimSpace(a.Val)
					}
				}
				if publishedKeys[key] && content != "" {
					return content
				}
			}
		}
	}
}
