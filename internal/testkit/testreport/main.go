// Command testreport reads `go test -json` events on standard input and
// prints a readable report: the output of every failed test, every skip
// for a missing tool or data set (lines holding testkit.SkipMarker), and
// go test's own package lines (ok / FAIL / build errors), then a summary.
// It exits 1 when a test failed or was skipped for a missing tool or data
// set, so that CI runs everything.
//
//	CI=true go test -json ./... | go run ./internal/testkit/testreport
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// event is one line of test2json output.
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

func main() {
	os.Exit(run(os.Stdin, os.Stdout))
}

// run reports on the events of in and returns the exit code.
func run(in io.Reader, out io.Writer) int {
	type key struct{ pkg, test string }
	outputs := map[key][]string{}
	var failed, missing []string
	passed, skipped := 0, 0
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Fprintln(out, sc.Text()) // not JSON: a build error from go itself
			continue
		}
		k := key{e.Package, e.Test}
		switch e.Action {
		case "output":
			if e.Test == "" {
				fmt.Fprint(out, e.Output) // ok/FAIL lines, build failures, panics outside tests
				continue
			}
			outputs[k] = append(outputs[k], e.Output)
			if strings.Contains(e.Output, testkit.SkipMarker) || strings.Contains(e.Output, testkit.MissingMarker) {
				missing = append(missing, fmt.Sprintf("%s %s: %s", e.Package, e.Test, strings.TrimSpace(e.Output)))
			}
		case "pass":
			if e.Test != "" {
				passed++
			}
			delete(outputs, k)
		case "skip":
			if e.Test != "" {
				skipped++
			}
			delete(outputs, k)
		case "fail":
			if e.Test != "" {
				failed = append(failed, fmt.Sprintf("%s %s (%.1fs)", e.Package, e.Test, e.Elapsed))
				fmt.Fprintf(out, "--- FAIL: %s %s\n%s", e.Package, e.Test, strings.Join(outputs[k], ""))
			}
			delete(outputs, k)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(out, "testreport: reading the events:", err)
		return 1
	}
	fmt.Fprintf(out, "\n== tests: %d passed, %d failed, %d skipped\n", passed, len(failed), skipped)
	sort.Strings(failed)
	for _, f := range failed {
		fmt.Fprintln(out, "FAILED  ", f)
	}
	for _, m := range missing {
		fmt.Fprintln(out, "MISSING ", m)
	}
	if len(missing) > 0 {
		fmt.Fprintf(out, "%d test(s) lack a tool or data set: CI must run everything\n", len(missing))
	}
	if len(failed) > 0 || len(missing) > 0 {
		return 1
	}
	return 0
}
