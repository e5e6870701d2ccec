package handlers_test

import (
	"bytes"
	"compress/gzip"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

func gzipBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// uploadFiles posts files (form field, file name, content) to /vectors.
func (a *app) uploadFiles(t *testing.T, files ...[3]string) *httptest.ResponseRecorder {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range files {
		fw, err := w.CreateFormFile(f[0], f[1])
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(f[2]))
	}
	w.Close()
	req := httptest.NewRequest(http.MethodPost, "/vectors?_csrf="+a.tok, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return a.do(req)
}

// TestVectorUploadFormatsRoundTrip uploads a hand-made set as text, then
// each file gloveboard exports for it (word2vec binary, the Projector
// pair as two fields or as one field twice, in either order) and gzip of
// the text and of the binary: each is read, stored as the same GloVe text
// and so recognised as a duplicate of the first upload.
func TestVectorUploadFormatsRoundTrip(t *testing.T) {
	a := newApp(t, 1<<20)
	rec := a.upload(t, "/vectors", "hand-made", "v.txt", []byte("king 0.5 -1.25 3\nqueen 0.25 1e-07 -2\ndon't 1 2 3\nKöln -0.125 0 7.5\n"))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("text upload: %d %s", rec.Code, rec.Body)
	}
	loc := rec.Header().Get("Location")
	download := func(name string) string {
		t.Helper()
		r := a.get(loc + "/download/" + name)
		if r.Code != http.StatusOK {
			t.Fatalf("download %s: %d", name, r.Code)
		}
		return r.Body.String()
	}
	glove, bin, vec, meta := download("glove.txt"), download("word2vec.bin"), download("vectors.tsv"), download("metadata.tsv")
	// The canonical text: what a converted upload is stored as.
	rec = a.upload(t, "/vectors", "canonical", "glove.txt", []byte(glove))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("glove.txt upload: %d %s", rec.Code, rec.Body)
	}
	canonical := strings.TrimSuffix(rec.Header().Get("Location"), "?duplicate=1")

	tests := []struct {
		name  string
		files [][3]string
	}{
		{"word2vec binary", [][3]string{{"file", "word2vec.bin", bin}}},
		{"gzip text", [][3]string{{"file", "glove.txt.gz", string(gzipBytes(t, []byte(glove)))}}},
		{"gzip binary", [][3]string{{"file", "word2vec.bin.gz", string(gzipBytes(t, []byte(bin)))}}},
		{"Projector pair, two fields", [][3]string{{"file", "vectors.tsv", vec}, {"metadata", "metadata.tsv", meta}}},
		{"Projector pair, one field, metadata first", [][3]string{{"file", "metadata.tsv", meta}, {"file", "vectors.tsv", vec}}},
	}
	for _, tt := range tests {
		rec := a.uploadFiles(t, tt.files...)
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != canonical+"?duplicate=1" {
			t.Errorf("%s: %d to %q, want 303 to %s?duplicate=1: %s", tt.name, rec.Code, rec.Header().Get("Location"), canonical, rec.Body)
		}
		a.tmpEmpty(t)
	}
	vs, err := a.st.VectorSets(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if "/vectors/"+strconv.FormatInt(v.ID, 10) == canonical && (v.Count != 4 || v.Dim != 3) {
			t.Errorf("stored set %d×%d, want 4×3", v.Count, v.Dim)
		}
	}
}

func TestVectorUploadRefusesNULWords(t *testing.T) {
	a := newApp(t, 1<<20)
	bin := "2 1\na\x00b \x00\x00\x80\x3f\nc \x00\x00\x00\x40\n"
	for _, files := range [][][3]string{
		{{"file", "v.txt", "a\x00b 1 2\nc 3 4\n"}},
		{{"file", "v.bin", bin}},
		{{"file", "vectors.tsv", "1\n2\n"}, {"metadata", "metadata.tsv", "a\x00b\nc\n"}},
	} {
		rec := a.uploadFiles(t, files...)
		if rec.Code < 400 || rec.Code >= 500 || !strings.Contains(rec.Body.String(), "NUL") {
			t.Errorf("%s: %d, want a 4xx naming the NUL byte: %s", files[0][1], rec.Code, rec.Body)
		}
		a.tmpEmpty(t)
	}
}
