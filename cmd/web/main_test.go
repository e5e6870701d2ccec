package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/store"
)

func TestByteSizeFlag(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"512MiB", 512 << 20, true},
		{"100MB", 100e6, true},
		{"64k", 64 << 10, true},
		{"1048576", 1 << 20, true},
		{"2 GiB", 2 << 30, true},
		{"0", 0, false},
		{"-5MB", 0, false},
		{"lots", 0, false},
	}
	for _, tc := range tests {
		var b byteSize
		err := b.Set(tc.in)
		if (err == nil) != tc.ok || (tc.ok && int64(b) != tc.want) {
			t.Errorf("Set(%q) = %d, %v; want %d ok=%v", tc.in, b, err, tc.want, tc.ok)
		}
	}
}

// TestRunServesAndShutsDown starts the real command on a free port with a
// fresh data directory, fetches the home page and stops it as SIGINT would.
func TestRunServesAndShutsDown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-data", t.TempDir(), "-workers", "2"}, pw, io.Discard)
		pw.Close()
	}()
	var url string
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "gloveboard listening on "); ok {
			url = rest
			break
		}
	}
	if url == "" {
		t.Fatalf("no listening line; run returned %v", <-done)
	}
	go io.Copy(io.Discard, pr)
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "WordNet glosses (demo)") {
		t.Errorf("home: %d, demo corpus listed: %v", resp.StatusCode, strings.Contains(string(body), "WordNet glosses (demo)"))
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("server did not shut down")
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-workers", "0"}, {"-max-upload", "huge"}, {"-nope"}} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}

// startRun starts the command with args on a free port and returns its
// URL and a function stopping it (as SIGINT would) and returning run's
// error.
func startRun(t *testing.T, args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw, io.Discard)
		pw.Close()
	}()
	var url string
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "gloveboard listening on "); ok {
			url = rest
			break
		}
	}
	if url == "" {
		cancel()
		t.Fatalf("no listening line; run returned %v", <-done)
	}
	go io.Copy(io.Discard, pr)
	return url, func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(20 * time.Second):
			t.Fatal("server did not shut down")
			return nil
		}
	}
}

// TestAllowedHostsFlag: the server answers to the address it listens as
// and to the names of -allowed-hosts, and refuses any other Host (a
// DNS-rebinding page) with 421.
func TestAllowedHostsFlag(t *testing.T) {
	url, stop := startRun(t, "-data", t.TempDir(), "-allowed-hosts", "gloveboard.test, dash.test:8443")
	defer stop()
	port := url[strings.LastIndex(url, ":")+1:]
	client := &http.Client{Timeout: 10 * time.Second}
	tests := []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, http.StatusOK},
		{"localhost:" + port, http.StatusOK},
		{"gloveboard.test", http.StatusOK},
		{"gloveboard.test:" + port, http.StatusOK},
		{"dash.test:8443", http.StatusOK},
		{"dash.test:" + port, http.StatusMisdirectedRequest},
		{"attacker.example:" + port, http.StatusMisdirectedRequest},
		{"127.0.0.1:1", http.StatusMisdirectedRequest},
	}
	for _, tc := range tests {
		req, _ := http.NewRequest(http.MethodGet, url+"/healthz", nil)
		req.Host = tc.host
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("Host %s: %d, want %d", tc.host, resp.StatusCode, tc.want)
		}
	}
	if err := run(context.Background(), []string{"-allowed-hosts", "http://x.test/"}, io.Discard, io.Discard); err == nil {
		t.Error("-allowed-hosts with a URL accepted")
	}
}

// TestBindFailureLeavesNoJob: a port already in use stops the command
// before the service opens, so no demo build is queued and then left
// interrupted in the data directory.
func TestBindFailureLeavesNoJob(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := filepath.Join(t.TempDir(), "data")
	if err := run(context.Background(), []string{"-addr", ln.Addr().String(), "-data", dir}, io.Discard, io.Discard); err == nil {
		t.Fatal("run on a port in use succeeded")
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		st, err := store.Open(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if js, _ := st.Jobs(context.Background(), 0); len(js) != 0 {
			t.Errorf("the failed start left %d jobs, the first %s", len(js), js[0].Status)
		}
	}
}
