package handlers_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/gloveboard/gloveboard/internal/durable"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// corpusText is n bytes of plain words.
func corpusText(n int) []byte {
	return bytes.Repeat([]byte("the king and the queen walk to the castle\n"), n/42+1)[:n]
}

// TestDiskFullUploadAnswers507 fills the simulated disk (durable.Space)
// while an upload is being staged: the answer is 507 with the one
// disk-full message, and nothing is left in the upload folder or the
// catalogue.
func TestDiskFullUploadAnswers507(t *testing.T) {
	space := durable.NewSpace(1 << 40)
	a := newAppConfig(t, func(o *appOptions) { o.service.Syncer = durable.Syncer{Space: space} })
	before, err := a.st.Corpora(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	space.Set(1000)
	for _, path := range []string{"/corpora", "/vectors"} {
		rec := a.upload(t, path, "big", "big.txt", corpusText(20000))
		if rec.Code != http.StatusInsufficientStorage {
			t.Fatalf("%s: status %d, want 507", path, rec.Code)
		}
		body := rec.Body.String()
		if !strings.Contains(body, "disk is full:") || !strings.Contains(body, "MiB free") {
			t.Errorf("%s: the page does not give the disk-full message:\n%s", path, body)
		}
		a.tmpEmpty(t)
	}
	after, err := a.st.Corpora(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("%d corpora after a failed upload, want %d", len(after), len(before))
	}
}

// TestDiskFullOnRealTmpfs runs the server on a real file system of a few
// MiB (tmpfs), fills it, and checks that an upload answers 507 with the
// free space, that a delete either succeeds (freeing space) or answers
// 507, never 500, and that uploads work again once space is freed. It
// needs root and mount(8); it is an extra to the simulated-disk tests.
func TestDiskFullOnRealTmpfs(t *testing.T) {
	dir := t.TempDir()
	if os.Geteuid() != 0 || exec.Command("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", dir).Run() != nil {
		testkit.Missing(t, "fills a real tmpfs (the simulated-disk tests cover the same paths)", "root and mount -t tmpfs", "run the tests as root, as .ci/run does")
		return
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	a := startApp(t, dir, func(*appOptions) {})
	corpora, err := a.st.Corpora(t.Context())
	if err != nil || len(corpora) == 0 {
		t.Fatalf("demo corpora: %v, %v", corpora, err)
	}
	// Fill the file system to the last block.
	filler := filepath.Join(dir, "filler")
	f, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	f.Close()

	rec := a.upload(t, "/corpora", "big", "big.txt", corpusText(200<<10))
	if rec.Code != http.StatusInsufficientStorage || !strings.Contains(rec.Body.String(), "disk is full: 0 MiB free") {
		t.Errorf("upload on a full tmpfs: status %d, want 507 with “disk is full: 0 MiB free”:\n%s", rec.Code, rec.Body.String())
	}
	a.tmpEmpty(t)

	req := httptest.NewRequest(http.MethodPost, "/corpora/"+strconv.FormatInt(corpora[0].ID, 10)+"/delete?_csrf="+a.tok, nil)
	rec = a.do(req)
	t.Logf("delete on a full tmpfs: status %d", rec.Code)
	if rec.Code != http.StatusSeeOther && rec.Code != http.StatusInsufficientStorage {
		t.Errorf("delete on a full tmpfs: status %d, want 303 or 507:\n%s", rec.Code, rec.Body.String())
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if rec := a.upload(t, "/corpora", "small", "small.txt", corpusText(10<<10)); rec.Code != http.StatusSeeOther {
		t.Errorf("upload after freeing space: status %d, want 303", rec.Code)
	}
}
