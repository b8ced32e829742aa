package intake

import (
	"strings"
	"testing"
)

// htmlCases are pages and the title and text extractHTML reads from them;
// treeOnly marks what only the parsed tree tells (classes, <pre>).
var htmlCases = []struct {
	name, page, title, text string
	treeOnly                bool
}{
	{
		name:  "paragraphs and breaks",
		page:  "<html><head><title> 院内 新闻 </title></head><body><p>第一段</p><div>第二段<br>第三行</div></body></html>",
		title: "院内 新闻",
		text:  "第一段\n第二段\n第三行",
	},
	{
		name: "inline elements stay in the line",
		page: "<p>北京大学<b>第一</b><a href=x>医院</a>整形烧伤外科</p>",
		text: "北京大学第一医院整形烧伤外科",
	},
	{
		name: "boilerplate tags",
		page: "<body><header>网站首页</header><nav>菜单</nav><aside>热点</aside><form>搜索</form><p>正文</p><noscript>请启用</noscript><iframe>广告</iframe><footer>版权</footer></body>",
		text: "正文",
	},
	{
		name:     "boilerplate classes and ids",
		treeOnly: true,
		page:     "<div class=\"main-menu\">菜单</div><div id=\"Breadcrumb\">位置</div><ul class=\"share-list\"><li>微信</li></ul><div class=\"copyright\">版权</div><div class=\"content\">正文</div><div class=\"sidebar-right\">热点</div>",
		text:     "正文",
	},
	{
		name: "table rows and cells",
		page: "<table><tr><td>院长</td><td>张三</td></tr><tr><th>书记</th><td>李四</td></tr></table>",
		text: "院长 张三\n书记 李四",
	},
	{
		name: "markup white space collapses, nbsp stays",
		page: "<p>北京\n   医院&nbsp;&nbsp;眼科</p>",
		text: "北京 医院\u00a0\u00a0眼科",
	},
	{
		name: "entities",
		page: "<p>A&amp;B &lt;医院&gt;</p>",
		text: "A&B <医院>",
	},
	{
		name:     "pre keeps lines",
		treeOnly: true,
		page:     "<pre>一\n二</pre>",
		text:     "一\n二",
	},
}

func TestExtractHTML(t *testing.T) {
	for _, tc := range htmlCases {
		t.Run(tc.name, func(t *testing.T) {
			title, text, err := extractHTML(tc.page)
			if err != nil {
				t.Fatal(err)
			}
			if title != tc.title || text != tc.text {
				t.Errorf("extractHTML = %q, %q; want %q, %q", title, text, tc.title, tc.text)
			}
		})
	}
}

func TestIsHTML(t *testing.T) {
	cases := []struct {
		name, file, content string
		want                bool
	}{
		{"html name", "a.HTML", "plain", true},
		{"htm name", "a.htm", "plain", true},
		{"doctype", "a.txt", "\n  <!DOCTYPE html><html>", true},
		{"html tag after bom", "a", "\ufeff<html lang=zh>", true},
		{"plain text", "a.txt", "北京医院<p>", false},
		{"xml", "a.xml", "<?xml version=\"1.0\"?>", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := isHTML(tc.file, []byte(tc.content)); got != tc.want {
				t.Errorf("isHTML = %v", got)
			}
		})
	}
}

func TestDeclaredCharset(t *testing.T) {
	cases := []struct{ page, want string }{
		{`<meta charset="gbk">`, "gbk"},
		{`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "gbk"},
		{`<meta charset=big5>`, "big5"},
		{`<p>nothing declared</p>`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.page, func(t *testing.T) {
			if got := declaredCharset([]byte(tc.page)); got != tc.want {
				t.Errorf("declaredCharset = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTokenText reads the same pages token by token, as a page the parser
// refuses is read.
func TestTokenText(t *testing.T) {
	for _, tc := range htmlCases {
		if tc.treeOnly {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			if title, text := tokenText(tc.page); title != tc.title || text != tc.text {
				t.Errorf("tokenText = %q, %q; want %q, %q", title, text, tc.title, tc.text)
			}
		})
	}
}

// TestDeeplyNestedPage: html.Parse refuses more than 512 open elements; the
// article in ten thousand nested <div>s is read all the same.
func TestDeeplyNestedPage(t *testing.T) {
	page := "<html><head><title>医联体签约</title></head><body>" + strings.Repeat("<div>", 10000) +
		"<p>北京大学第一医院与密云区医院签约。</p><script>var a = 1;</script><p>院长黄海欣出席。</p>" +
		strings.Repeat("</div>", 10000) + "</body></html>"
	doc, err := ReadDocument("nested.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "医联体签约" || doc.Text != "北京大学第一医院与密云区医院签约。\n院长黄海欣出席。" {
		t.Errorf("title %q, text %q", doc.Title, doc.Text)
	}
}
