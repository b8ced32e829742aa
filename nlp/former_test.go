package nlp

import "testing"

func TestFormerPost(t *testing.T) {
	for _, c := range []struct {
		sentence, title string
		want            bool
	}{
		{"原院长张三出席会议。", "院长", true},
		{"前任院长张三出席会议。", "院长", true},
		{"张三曾任院长。", "院长", true},
		{"决定免去张三的院长职务。", "院长", true},
		{"张三不再担任副院长。", "副院长", true},
		{"院长张三出席会议。", "院长", false},
		{"免去李四职务，任命张三为院长。", "院长", false}, // the ending is another clause's
		{"原来如此，院长张三说。", "院长", false},
	} {
		if got := formerPost(c.sentence, c.title); got != c.want {
			t.Errorf("formerPost(%q, %q) = %v, want %v", c.sentence, c.title, got, c.want)
		}
	}
}
