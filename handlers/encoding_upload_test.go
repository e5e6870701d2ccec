package handlers_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	service "github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
)

// cp1252Corpus is text saved as Windows-1252: 0x92 is its apostrophe,
// 0x93 and 0x94 its curly quotes.
const cp1252Corpus = "the king\x92s castle and the queen\x92s city\nthe \x93king\x94 walks to the castle\n"

func TestLegacyEncodingNamesTheRightCommand(t *testing.T) {
	a := newApp(t, 1<<20)
	rec := a.upload(t, "/corpora", "legacy", "legacy.txt", []byte(cp1252Corpus))
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", rec.Code)
	}
	msg := text(find(parse(t, rec.Body.String()), "main", ""))
	for _, want := range []string{"line 1", "0x92", "Windows-1252", "iconv -f WINDOWS-1252 -t UTF-8", "replace invalid bytes and continue"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "LATIN1") {
		t.Errorf("message advises LATIN1, which turns 0x92 into the control character U+0092: %s", msg)
	}
	a.tmpEmpty(t)
}

func TestReplaceInvalidBytesAndContinue(t *testing.T) {
	a := newApp(t, 1<<20)
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, _ := w.CreateFormFile("file", "legacy.txt")
	fw.Write([]byte(cp1252Corpus))
	w.WriteField("replace_invalid", "1")
	w.Close()
	req := httptest.NewRequest(http.MethodPost, "/corpora?_csrf="+a.tok, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	rec := a.do(req)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload with replace_invalid: %d %s", rec.Code, rec.Body)
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
	sum, err := a.svc.BuildSummary(id)
	if err != nil {
		t.Fatal(err)
	}
	if sum.InvalidUTF8 != 4 {
		t.Errorf("the build replaced %d bytes, want the 4 of the file", sum.InvalidUTF8)
	}
	page := a.get("/corpora/" + strconv.FormatInt(id, 10))
	if !strings.Contains(page.Body.String(), "4 invalid UTF-8") {
		t.Errorf("the corpus page does not report the 4 replaced bytes")
	}
}
