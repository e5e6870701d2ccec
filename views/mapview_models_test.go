package views

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// TestMapDataBlock: the map's JSON rides in a data block that no word can
// close early, and reads back as it was written.
func TestMapDataBlock(t *testing.T) {
	words := []string{`</script><script>alert(1)</script>`, `<!--`, `a&b`, `"quoted"`}
	for _, escape := range []bool{true, false} {
		var data bytes.Buffer
		enc := json.NewEncoder(&data)
		enc.SetEscapeHTML(escape) // a caller that forgot to escape is covered too
		if err := enc.Encode(map[string]any{"points": words}); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := MapViewerBlock(MapViewer{SetID: 3, Data: strings.TrimSpace(data.String()), Plot: "/vectors/3/plots/map?job=1", Words: 4}).Render(context.Background(), &out); err != nil {
			t.Fatal(err)
		}
		page := out.String()
		start := strings.Index(page, `<script type="application/json" class="mapview-data">`)
		if start < 0 {
			t.Fatalf("no data block in %s", page)
		}
		body := page[start+len(`<script type="application/json" class="mapview-data">`):]
		end := strings.Index(body, "</script>")
		if end < 0 || strings.Contains(body[:end], "<") {
			t.Fatalf("escape %v: the data block holds a '<' or does not end: %q", escape, body[:max(0, end)])
		}
		var got struct{ Points []string }
		if err := json.Unmarshal([]byte(body[:end]), &got); err != nil || strings.Join(got.Points, "|") != strings.Join(words, "|") {
			t.Errorf("escape %v: read back %q, %v; want %q", escape, got.Points, err, words)
		}
	}
}

// TestMapJobFragmentsVietnamese: a map job's progress and failure speak
// the page's language, the job's English message translated where shown.
func TestMapJobFragmentsVietnamese(t *testing.T) {
	ctx := WithLocale(context.Background(), NewLocale(Vietnamese))
	for _, tc := range []struct {
		name string
		c    interface {
			Render(context.Context, io.Writer) error
		}
		want []string
	}{
		{"pending", MapPendingFragment(MapPending{SetID: 1, JobID: 7, Status: "queued", Percent: 0.42, Message: "waiting for a worker (position 2 in the queue)"}),
			[]string{"Bản đồ t-SNE: tác vụ 7", ">đang chờ<", "42%", "đang chờ tiến trình xử lý (vị trí thứ 2 trong hàng đợi)"}},
		{"failed", MapFailedFragment(MapPending{SetID: 1, JobID: 7, Status: "cancelled"}), []string{"Bản đồ t-SNE (tác vụ 7) đã hủy"}},
	} {
		var out bytes.Buffer
		if err := tc.c.Render(ctx, &out); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: %s lacks %q", tc.name, out.String(), w)
			}
		}
	}
}
