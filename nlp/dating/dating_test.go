package dating

import (
	"testing"

	"hospkg/intake"
)

func TestScanFormats(t *testing.T) {
	for _, c := range []struct {
		text string
		year int
		want Date
	}{
		{"2023-06-02 10:21:00", 0, "2023-06-02"},
		{"2023/6/2", 0, "2023-06-02"},
		{"2023.06.02", 0, "2023-06-02"},
		{"2023年6月2日上午", 0, "2023-06-02"},
		{"2023年06月02号", 0, "2023-06-02"},
		{"二〇二三年六月二日", 0, "2023-06-02"},
		{"二〇二三年十二月二十三日", 0, "2023-12-23"},
		{"2023年6月", 0, "2023-06"},
		{"2023年度", 0, "2023"},
		{"6月2日，", 2024, "2024-06-02"},
		{"6月2日", 0, ""},               // no year to give it
		{"2023年2月30日", 0, ""},         // no such day
		{"12023年6月2日", 0, ""},         // not a year
		{"近10年来", 0, ""},              // a count of years
		{"电话0731-8888888", 0, ""},     // a telephone number
		{"2023-13-01", 0, ""},         // no such month
		{"第5期 2022-09", 0, "2022-09"}, // a year and month
	} {
		got := first(c.text, c.year, false)
		if got != c.want {
			t.Errorf("first(%q, %d) = %q, want %q", c.text, c.year, got, c.want)
		}
	}
}

func TestMinguoYearsAfterALabel(t *testing.T) {
	doc := intake.Document{Text: "部立醫院新聞\n發布日期：112-05-03\n內容", Title: "部立醫院新聞"}
	doc.Text = "部立医院新闻\n发布日期：112-05-03\n内容"
	if d, rule := OfDocument(doc); d != "2023-05-03" || rule != FromLabel {
		t.Errorf("OfDocument = %q, %q; want 2023-05-03 by label", d, rule)
	}
}

func TestOfDocumentRules(t *testing.T) {
	for _, c := range []struct {
		name string
		doc  intake.Document
		want Date
		rule Rule
	}{
		{"meta first", intake.Document{Published: "2022-09-07T10:21:00+08:00", Text: "发布时间：2023-01-01"}, "2022-09-07", FromMeta},
		{"publication label", intake.Document{Text: "标题\n来源：卫健委 发布时间：2023-06-02 10:21\n正文2020年1月1日"}, "2023-06-02", FromLabel},
		{"generic label only at a line's start", intake.Document{Text: "活动时间：2021年3月1日\n日期：2023-06-02"}, "2023-06-02", FromLabel},
		{"dateline", intake.Document{Text: "某某医院与某某县医院签约\n2026-01-15 15:46:41 来源:百家号\n正文"}, "2026-01-15", FromDateline},
		{"title", intake.Document{Title: "2023年6月2日 医联体揭牌", Text: "医联体揭牌仪式举行，双方签约。"}, "2023-06-02", FromTitle},
		{"event", intake.Document{Text: "2023年6月2日，某某医院与某某县医院签约。\n版权所有 2024年1月1日"}, "2023-06-02", FromEvent},
		{"copyright is no date", intake.Document{Text: "医院签约。\n版权所有 ©2024-01-01"}, "", NoRule},
	} {
		d, rule := OfDocument(c.doc)
		if d != c.want || rule != c.rule {
			t.Errorf("%s: OfDocument = %q, %q; want %q, %q", c.name, d, rule, c.want, c.rule)
		}
	}
}

func TestInSentence(t *testing.T) {
	for _, c := range []struct {
		text string
		doc  Date
		want Date
	}{
		{"3月5日，双方签署协议。", "2023-06-02", "2023-03-05"},
		{"12月28日，双方签署协议。", "2024-01-05", "2023-12-28"}, // before the article
		{"2021年3月5日，双方签署协议。", "2023-06-02", "2021-03-05"},
		{"2021年，医院成立。", "2023-06-02", ""}, // a year alone refines nothing
		{"双方签署协议。", "2023-06-02", ""},
		{"3月5日，双方签署协议。", "", ""},
	} {
		if got := InSentence(c.text, c.doc); got != c.want {
			t.Errorf("InSentence(%q, %q) = %q, want %q", c.text, c.doc, got, c.want)
		}
	}
}

func TestFittedFormats(t *testing.T) {
	for _, c := range []struct {
		name string
		text string
		want Date
	}{
		{"spaced", "标题\n2025 年 3 月 20 日上午，签约仪式举行。", "2025-03-20"},
		{"any label ending in 日期", "标题\n建档日期:113-03-15\n正文", "2024-03-15"},
		{"two-digit year stamp", "标题\n20-06-22 08:41\n正文", "2020-06-22"},
		{"day-first stamp", "标题\n24.11.2016 06:33\n正文", "2016-11-24"},
		{"an issue", "院报\n2017年1月 第1期\n正文", "2017-01"},
	} {
		if got, _ := OfDocument(intake.Document{Text: c.text}); got != c.want {
			t.Errorf("%s: OfDocument = %q, want %q", c.name, got, c.want)
		}
	}
}
