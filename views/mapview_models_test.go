package views

import (
	"bytes"
	"context"
	"encoding/json"
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
