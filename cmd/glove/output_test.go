//go:build unix

package main

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// TestOutputThroughFIFO: a FIFO given as an output is written through
// and stays a FIFO (it used to be replaced by a regular file).
func TestOutputThroughFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until the writer opens
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := writeFileAtomic(fifo, writeString("through the pipe\n")); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "through the pipe\n" {
			t.Errorf("the reader got %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the reader got nothing in 5 s: the FIFO was not written through")
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("after writing, %s is %v (%v), want a FIFO", fifo, st.Mode(), err)
	}
}

// TestOutputThroughDevice writes to a null character device and checks it
// is still one. As root the device is a private node made with mknod, so
// that a regression can never replace the system's /dev/null; otherwise
// /dev/null itself, which a non-root process cannot replace.
func TestOutputThroughDevice(t *testing.T) {
	dev := "/dev/null"
	if os.Geteuid() == 0 {
		dev = filepath.Join(t.TempDir(), "null")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil { // major 1, minor 3: null
			t.Fatalf("mknod %s: %v", dev, err)
		}
	}
	if err := writeFileAtomic(dev, writeString("discarded\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Lstat(dev)
	if err != nil || st.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("after writing, %s is %v (%v), want a character device", dev, st.Mode(), err)
	}
	if b, err := os.ReadFile(dev); err != nil || len(b) != 0 {
		t.Errorf("reading %s gives %q, %v; want nothing (still the null device)", dev, b, err)
	}
}

// TestOutputKeepsMode: an existing 0600 file keeps its mode (it used to
// become 0644); a new file gets 0644.
func TestOutputKeepsMode(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	if err := os.WriteFile(secret, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(secret, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(secret, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(secret); st.Mode().Perm() != 0o600 {
		t.Errorf("existing file: mode %v, want 0600", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(secret); string(b) != "new" {
		t.Errorf("existing file holds %q", b)
	}
	fresh := filepath.Join(dir, "fresh.txt")
	if err := writeFileAtomic(fresh, writeString("x")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o644 {
		t.Errorf("new file: mode %v, want 0644", st.Mode().Perm())
	}
}

// TestOutputThroughSymlink: a link stays a link and its target (a 0600
// regular file) is replaced atomically with its mode kept; a dangling link
// gets its target created.
func TestOutputThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "real")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(sub, "target.txt")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("real/target.txt", link); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link is now %v (%v), want a symbolic link", st.Mode(), err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target holds %q, want new", b)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v, want 0600", st.Mode().Perm())
	}
	if leftovers, _ := filepath.Glob(filepath.Join(sub, ".target.txt-*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	dangling := filepath.Join(dir, "dangling.txt")
	if err := os.Symlink("real/later.txt", dangling); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(dangling, writeString("created")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(sub, "later.txt")); err != nil || string(b) != "created" {
		t.Errorf("dangling link target: %q, %v", b, err)
	}
	if st, err := os.Lstat(dangling); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the dangling link is now %v (%v), want a symbolic link", st.Mode(), err)
	}
}

// TestOutputEqualToInput: an output that is the input file, by its name
// or through a link, is a bad command line (exit 2, one line naming both
// flags, then the usage) and the input is left as it was.
func TestOutputEqualToInput(t *testing.T) {
	dir := t.TempDir()
	corpus := writeTestFile(t, dir, "corpus.txt", strings.Repeat("ice steam water\n", 10))
	link := filepath.Join(dir, "link.bin")
	if err := os.Symlink("corpus.txt", link); err != nil {
		t.Fatal(err)
	}
	vec := writeTestFile(t, dir, "vec.txt", "a 1 0\nb 0 1\nc 1 1\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"cooccur -out is the corpus", []string{"cooccur", "-corpus", corpus, "-out", corpus}, "-out " + corpus + " is the same file as the input -corpus " + corpus},
		{"cooccur -out links to the corpus", []string{"cooccur", "-corpus", corpus, "-out", link}, "-out " + link + " is the same file as the input -corpus " + corpus},
		{"cooccur -vocab-out is the corpus", []string{"cooccur", "-corpus", corpus, "-out", filepath.Join(dir, "x.bin"), "-vocab-out", corpus}, "-vocab-out " + corpus + " is the same file as the input -corpus"},
		{"svd -out is the corpus", []string{"svd", "-corpus", corpus, "-out", corpus}, "is the same file as the input -corpus"},
		{"plot -out is -in", []string{"plot", "-in", vec, "-out", vec, "zipf"}, "is the same file as the input -in"},
	}
	// Standard input redirected from the file -out names.
	redirected, err := os.Open(corpus)
	if err != nil {
		t.Fatal(err)
	}
	defer redirected.Close()
	tests = append(tests, struct {
		name string
		args []string
		want string
	}{"cooccur -corpus - < F -out F", []string{"cooccur", "-corpus", "-", "-out", corpus}, "-out " + corpus + " is the same file as the input -corpus - (standard input)"})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.args[2] == "-" {
				old := os.Stdin
				os.Stdin = redirected
				defer func() { os.Stdin = old }()
			}
			code, stdout, stderr := runGlove(t, tc.args...)
			if code != 2 || stdout != "" {
				t.Fatalf("exit %d, stdout %q; want 2 and nothing", code, stdout)
			}
			first, _, _ := strings.Cut(stderr, "\n")
			if !strings.Contains(first, tc.want) || !strings.HasPrefix(first, "glove "+tc.args[0]+": ") {
				t.Errorf("first line %q, want it to contain %q", first, tc.want)
			}
			if b, _ := os.ReadFile(corpus); string(b) != strings.Repeat("ice steam water\n", 10) {
				t.Errorf("the corpus was changed: %q", b)
			}
		})
	}
}
