//go:build unix

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildGlove compiles this command into a temporary directory.
func buildGlove(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "glove")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build of cmd/glove (%s): %v\n%s", goTool, err, out)
	}
	return bin
}

// TestReadFromFIFO: inputs that are FIFOs are read to the end, whether
// the writer comes before or after the command opens them, with what a
// regular file gives (vectors through the non-seekable path).
func TestReadFromFIFO(t *testing.T) {
	dir := t.TempDir()
	corpusText := strings.Repeat("ice steam water\nice gas\n", 5)
	vecText := "a 1 0\nb 0 1\nc 1 1\n"
	tests := []struct {
		name    string
		args    []string
		content string
		file    string // the same content as a regular file
	}{
		{"vocab", []string{"vocab", "-corpus", "FIFO", "-min-count", "1"}, corpusText, writeTestFile(t, dir, "corpus.txt", corpusText)},
		{"neighbors", []string{"neighbors", "-vectors", "FIFO", "-word", "a", "-n", "2"}, vecText, writeTestFile(t, dir, "vec.txt", vecText)},
	}
	for i, tc := range tests {
		for _, late := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, writer late %v", tc.name, late), func(t *testing.T) {
				fifo := filepath.Join(dir, fmt.Sprintf("fifo-%d-%v", i, late))
				if err := syscall.Mkfifo(fifo, 0o600); err != nil {
					t.Fatal(err)
				}
				go func() {
					if late {
						time.Sleep(200 * time.Millisecond)
					}
					w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
					if err != nil {
						return
					}
					w.WriteString(tc.content)
					w.Close()
				}()
				args := slices.Clone(tc.args)
				wantArgs := slices.Clone(tc.args)
				for k, a := range args {
					if a == "FIFO" {
						args[k], wantArgs[k] = fifo, tc.file
					}
				}
				code, got, stderr := runGlove(t, args...)
				_, want, _ := runGlove(t, wantArgs...)
				if code != 0 || got != want || got == "" {
					t.Errorf("exit %d (%s), output %q; want %q", code, stderr, got, want)
				}
			})
		}
	}
}

// TestSignalWhileBlockedOnInput starts the built glove on inputs that
// never deliver data, sends SIGTERM or SIGINT, and expects an exit within
// 2 s with one line on standard error and status 1. Before, the process
// sat in open(2) of the FIFO (or in read(2)) and ignored both signals.
func TestSignalWhileBlockedOnInput(t *testing.T) {
	bin := buildGlove(t)
	dir := t.TempDir()
	vec := writeTestFile(t, dir, "vec.txt", "a 1 0\nb 0 1\nc 1 1\n")
	tests := []struct {
		name string
		// args gets the FIFO path appended where "FIFO" appears.
		args []string
		// writer opens the FIFO for writing (and writes nothing) before
		// the signal: the command is blocked in a read, not in the open.
		writer bool
		// stdinPipe gives the command an idle pipe as standard input.
		stdinPipe bool
		sig       syscall.Signal
	}{
		{"vocab, FIFO without a writer, SIGTERM", []string{"vocab", "-corpus", "FIFO"}, false, false, syscall.SIGTERM},
		{"vocab, FIFO without a writer, SIGINT", []string{"vocab", "-corpus", "FIFO"}, false, false, syscall.SIGINT},
		{"vocab, FIFO with an idle writer", []string{"vocab", "-corpus", "FIFO"}, true, false, syscall.SIGTERM},
		{"stats, idle standard input", []string{"stats", "-corpus", "-"}, false, true, syscall.SIGTERM},
		{"cooccur, FIFO with an idle writer", []string{"cooccur", "-corpus", "FIFO", "-out", filepath.Join(dir, "x.bin")}, true, false, syscall.SIGTERM},
		{"zipf, FIFO without a writer", []string{"zipf", "-corpus", "FIFO"}, false, false, syscall.SIGTERM},
		{"neighbors, vectors FIFO", []string{"neighbors", "-vectors", "FIFO", "-word", "a"}, true, false, syscall.SIGTERM},
		{"eval, analogy FIFO", []string{"eval", "-vectors", vec, "-analogy", "FIFO"}, false, false, syscall.SIGTERM},
		{"project, words FIFO", []string{"project", "-vectors", vec, "-words", "FIFO"}, true, false, syscall.SIGTERM},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fifo := filepath.Join(dir, "in-"+string(rune('a'+i))+".fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			args := make([]string, len(tc.args))
			for k, a := range tc.args {
				if a == "FIFO" {
					a = fifo
				}
				args[k] = a
			}
			cmd := exec.Command(bin, args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if tc.stdinPipe {
				r, w, err := os.Pipe()
				if err != nil {
					t.Fatal(err)
				}
				defer w.Close() // the writer stays open and silent
				defer r.Close()
				cmd.Stdin = r
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			if tc.writer {
				// Opening for writing blocks until the command has opened
				// its end, so the command is past its open after this.
				w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				defer w.Close()
			}
			time.Sleep(300 * time.Millisecond) // let it block
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running 2 s after %v; stderr %q", tc.sig, stderr.String())
			}
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Errorf("exit status %d (%v), want 1", code, cmd.ProcessState)
			}
			msg := stderr.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "glove "+tc.args[0]+": interrupted") {
				t.Errorf("stderr %q, want one line starting \"glove %s: interrupted\"", msg, tc.args[0])
			}
		})
	}
}
