package durable_test

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/gloveboard/gloveboard/internal/durable"
)

// codedError stands for a database driver's error with a result code
// (modernc.org/sqlite's *sqlite.Error).
type codedError int

func (c codedError) Error() string { return fmt.Sprintf("sqlite error %d", int(c)) }
func (c codedError) Code() int     { return int(c) }

func TestIsDiskFull(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"ENOSPC", syscall.ENOSPC, true},
		{"EDQUOT in a path error", &fs.PathError{Op: "write", Path: "x", Err: syscall.EDQUOT}, true},
		{"EROFS wrapped twice", fmt.Errorf("saving: %w", fmt.Errorf("renaming: %w", syscall.EROFS)), true},
		{"SQLITE_FULL", fmt.Errorf("recording corpus: %w", codedError(13)), true},
		{"SQLITE_BUSY", codedError(5), false},
		{"EACCES", syscall.EACCES, false},
		{"EOF", io.EOF, false},
		{"joined", errors.Join(io.EOF, syscall.ENOSPC), true},
	}
	for _, tt := range tests {
		if got := durable.IsDiskFull(tt.err); got != tt.want {
			t.Errorf("%s: IsDiskFull = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSpaceWriterFailsWhenFull(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	space := durable.NewSpace(10)
	w := durable.Syncer{Space: space}.Writer(f)
	if n, err := w.Write([]byte("0123456")); n != 7 || err != nil {
		t.Fatalf("first write: %d, %v; want 7, nil", n, err)
	}
	n, err := w.Write([]byte("789abc"))
	if n != 3 || !errors.Is(err, syscall.ENOSPC) || !durable.IsDiskFull(err) {
		t.Fatalf("second write: %d, %v; want a short write of 3 and ENOSPC", n, err)
	}
	if got := space.Left(); got != 0 {
		t.Errorf("space left %d, want 0", got)
	}
	if raw, _ := os.ReadFile(f.Name()); string(raw) != "0123456789" {
		t.Errorf("file holds %q", raw)
	}
	if w := (durable.Syncer{}).Writer(f); w != io.Writer(f) {
		t.Errorf("without a Space, Writer is not the file itself")
	}
}

func TestWriteFileOnFullDiskLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vocab.txt")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sy := durable.Syncer{Space: durable.NewSpace(100)}
	err := sy.WriteFile(path, 0o644, func(w io.Writer) error {
		_, err := io.Copy(w, strings.NewReader(strings.Repeat("word 1\n", 100)))
		return err
	})
	if !durable.IsDiskFull(err) {
		t.Fatalf("WriteFile on a full disk: %v, want a disk-full error", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the old file", len(entries))
	}
	if raw, _ := os.ReadFile(path); string(raw) != "old\n" {
		t.Errorf("old file now %q", raw)
	}
}

func TestFreeBytes(t *testing.T) {
	free, err := durable.FreeBytes(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if free <= 0 {
		t.Errorf("FreeBytes = %d on a writable temporary directory", free)
	}
}
