// Command web serves the gloveboard dashboard.
//
// Usage:
//
//	go run ./cmd/web [-addr 127.0.0.1:8080] [-allowed-hosts NAME,...] [-data ./gloveboard-data] [-max-upload 512MiB] [-memory-budget 4GiB] [-workers 1] [-eval-dir DIR]
//
// The server answers only requests whose Host header is an address it
// listens as (127.0.0.1:PORT, localhost:PORT, [::1]:PORT, or the -addr
// host) or a name of -allowed-hosts (for a deployment behind a proxy or
// a DNS name; an entry without a port admits any port); others get 421,
// which defeats DNS rebinding.
//
// Finished training runs are scored on the evaluation sets embedded in
// the binary (internal/evalsets: the Google analogy set, WS-353,
// SimLex-999 and MEN) with no flag. -eval-dir adds a folder in the same
// layout (analogy/questions-words.txt, similarity/EN-*.txt): its analogy
// file replaces the embedded one, a similarity set of the same name
// replaces the embedded set, others are added.
//
// All state lives in the data directory (default ./gloveboard-data,
// relative to the working directory): the SQLite catalogue gloveboard.db
// and the uploaded or computed files, named by id. On first start the
// embedded demo corpus (WordNet glosses) and demo vectors (GloVe 6B 50d,
// 4k words) are registered there. SIGINT or SIGTERM shut the server down
// gracefully; jobs still running are marked interrupted.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gloveboard/gloveboard/handlers"
	"github.com/gloveboard/gloveboard/internal/app"
)

// DefaultDataDir is where the dashboard keeps its state unless -data says
// otherwise.
const DefaultDataDir = "gloveboard-data"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "gloveboard:", err)
		}
		os.Exit(1)
	}
}

// byteSize is a flag value accepting 512MiB, 100MB, 64k, 1048576, ...
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Set(s string) error {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("invalid size %q (examples: 512MiB, 100MB, 1048576)", s)
	}
	*b = byteSize(n * mult)
	return nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("web", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dataDir := fs.String("data", DefaultDataDir, "data directory (catalogue database and files)")
	maxUpload := byteSize(handlers.DefaultMaxUpload)
	fs.Var(&maxUpload, "max-upload", "largest accepted upload, e.g. 512MiB")
	memoryBudget := byteSize(app.DefaultMemoryBudget)
	fs.Var(&memoryBudget, "memory-budget", "memory one job may use (matrix, model, t-SNE map); larger jobs are refused, e.g. 4GiB")
	workers := fs.Int("workers", 1, "number of heavy jobs run at the same time")
	evalDir := fs.String("eval-dir", "", "folder with more evaluation sets (analogy/questions-words.txt, similarity/EN-*.txt) besides the embedded ones")
	allowed := fs.String("allowed-hosts", "", "comma-separated host names (host or host:port) the server answers to besides the addresses it listens as, e.g. gloveboard.example.org")
	if err := fs.Parse(args); err != nil {
		return err
	}
	extraHosts, err := parseHosts(*allowed)
	if err != nil {
		return err
	}
	if *evalDir != "" {
		if st, err := os.Stat(*evalDir); err != nil || !st.IsDir() {
			return fmt.Errorf("-eval-dir %s: not a directory", *evalDir)
		}
	}
	if *workers < 1 {
		return fmt.Errorf("-workers must be at least 1")
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))

	// Bind first: a port in use must not leave the data directory with
	// a demo build queued and then interrupted.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	svc, err := app.Open(ctx, app.Config{DataDir: *dataDir, Workers: *workers, MemoryBudget: int64(memoryBudget),
		EvalDir: *evalDir, Logger: logger})
	if err != nil {
		ln.Close()
		return err
	}
	e, err := handlers.New(handlers.Config{Service: svc, MaxUpload: int64(maxUpload), Logger: logger,
		AllowedHosts: append(listenHosts(ln.Addr()), extraHosts...)})
	if err != nil {
		ln.Close()
		svc.Close(context.Background())
		return err
	}
	srv := &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	fmt.Fprintf(stdout, "gloveboard data directory: %s\n", svc.Store().Dir())
	fmt.Fprintf(stdout, "gloveboard listening on http://%s\n", ln.Addr())
	fmt.Fprintf(stdout, "gloveboard answers to Host: %s (more with -allowed-hosts)\n", strings.Join(append(listenHosts(ln.Addr()), extraHosts...), ", "))

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		svc.Close(context.Background())
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "gloveboard shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	shutErr := srv.Shutdown(sctx)
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("serve", "err", err)
	}
	if err := svc.Close(sctx); err != nil {
		logger.Error("stopping jobs", "err", err)
	}
	return shutErr
}

// parseHosts reads the -allowed-hosts list: host names or IP addresses,
// each optionally with a port.
func parseHosts(list string) ([]string, error) {
	var out []string
	for _, h := range strings.Split(list, ",") {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if strings.ContainsAny(h, "/ @?#") {
			return nil, fmt.Errorf("-allowed-hosts: %q is not a host name (give names like gloveboard.example.org or 10.0.0.5:8080, not URLs)", h)
		}
		out = append(out, h)
	}
	return out, nil
}

// listenHosts are the Host header values that reach a server listening
// on addr without a name: the loopback names on its port, and its own
// address when it is neither loopback nor unspecified (0.0.0.0, ::).
func listenHosts(addr net.Addr) []string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return nil
	}
	port := strconv.Itoa(tcp.Port)
	hosts := []string{net.JoinHostPort("127.0.0.1", port), net.JoinHostPort("localhost", port), net.JoinHostPort("::1", port)}
	if !tcp.IP.IsLoopback() && !tcp.IP.IsUnspecified() {
		hosts = append(hosts, net.JoinHostPort(tcp.IP.String(), port))
	}
	return hosts
}
