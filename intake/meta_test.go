package intake

import "testing"

func TestPublishedMeta(t *testing.T) {
	for _, c := range []struct{ page, want string }{
		{`<html><head><meta property="article:published_time" content="2023-06-02T10:21:00+08:00"><title>t</title></head><body>x</body></html>`, "2023-06-02T10:21:00+08:00"},
		{`<html><head><META NAME="PubDate" CONTENT="2022-09-07 10:21"></head><body>x</body></html>`, "2022-09-07 10:21"},
		{`<html><head><meta name="description" content="2020-01-01"></head><body><meta name="pubdate" content="2021-01-01"></body></html>`, ""},
		{`<p>no head</p>`, ""},
	} {
		if got := publishedMeta(c.page); got != c.want {
			t.Errorf("publishedMeta(%q) = %q, want %q", c.page, got, c.want)
		}
	}
	doc, err := ReadDocument("a.html", []byte(`<html><head><meta name="publishdate" content="2023-06-02"><title>标题</title></head><body><p>正文。</p></body></html>`))
	if err != nil || doc.Published != "2023-06-02" {
		t.Errorf("ReadDocument: Published %q, %v", doc.Published, err)
	}
}
