package handlers_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	service "github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
)

// TestRatioPageDefaultsFit builds a corpus whose two most frequent tokens
// are 500-letter runs (longer than a ratio request accepts) and opens its
// ratio page without words: the page picks the next frequent words that
// fit instead of refusing itself with a 400.
func TestRatioPageDefaultsFit(t *testing.T) {
	a := newApp(t, 1<<20)
	long1, long2 := strings.Repeat("a", 500), strings.Repeat("b", 500)
	var b strings.Builder
	for i := range 200 {
		b.WriteString(long1 + " " + long2 + " " + long1 + " " + long2 + " river stone ")
		if i%2 == 0 {
			b.WriteString("river ")
		}
		b.WriteString("\n")
	}
	rec := a.upload(t, "/corpora", "long words", "long.txt", []byte(b.String()))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(rec.Header().Get("Location"), "/corpora/"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	settings := service.DefaultBuildSettings()
	settings.MinCount = 1
	j, err := a.svc.StartBuild(context.Background(), id, settings)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if info, err := a.svc.WaitJob(ctx, j.ID); err != nil || info.Status != store.JobDone {
		t.Fatalf("build: %+v %v", info, err)
	}
	page := a.get("/corpora/" + strconv.FormatInt(id, 10) + "/ratio")
	if page.Code != http.StatusOK {
		t.Fatalf("ratio page without words: %d, want 200: %s", page.Code, text(find(parse(t, page.Body.String()), "main", "")))
	}
	if body := page.Body.String(); !strings.Contains(body, "river") || !strings.Contains(body, "stone") {
		t.Errorf("the defaults are not the frequent words that fit (river, stone)")
	}
}
