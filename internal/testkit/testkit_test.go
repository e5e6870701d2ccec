package testkit

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// recorder is a TB that records instead of stopping the test.
type recorder struct {
	skipped, failed string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Skipf(format string, a ...any)  { r.skipped = fmt.Sprintf(format, a...) }
func (r *recorder) Fatalf(format string, a ...any) { r.failed = fmt.Sprintf(format, a...) }

// TestMissingSkipsOrFails checks the rule for every kind of optional
// dependency: CI unset → one skip line with the marker, what is missing
// and how to get it; CI set → a failure naming it, never a skip.
func TestMissingSkipsOrFails(t *testing.T) {
	cases := []struct {
		name  string
		env   map[string]string
		call  func(tb TB)
		names []string // words the message must hold
	}{
		{"shared", nil, func(tb TB) { Shared(tb, "corpora/no-such-file.txt", "checks nothing") },
			[]string{"../shared/data/corpora/no-such-file.txt", "checks nothing", "SOURCES.md"}},
		{"browser", map[string]string{BrowserEnv: "/nonexistent/chromium"}, func(tb TB) { Browser(tb, "drives a page") },
			[]string{"Chromium", "/nonexistent/chromium", "apt-get install chromium", "drives a page"}},
		{"python", map[string]string{PythonEnv: "/nonexistent/python3"}, func(tb TB) { Python(tb, "compares with numpy", "numpy", "gensim") },
			[]string{"numpy, gensim", "/nonexistent/python3", "python3-numpy python3-gensim", "compares with numpy"}},
	}
	for _, c := range cases {
		for _, ci := range []string{"", "true"} {
			t.Run(c.name+"/CI="+ci, func(t *testing.T) {
				t.Setenv("CI", ci)
				for k, v := range c.env {
					t.Setenv(k, v)
				}
				var r recorder
				c.call(&r)
				got, other := r.skipped, r.failed
				marker := SkipMarker
				if ci != "" {
					got, other, marker = r.failed, r.skipped, MissingMarker
				}
				if other != "" || !strings.HasPrefix(got, marker) || strings.Contains(got, "\n") {
					t.Fatalf("CI=%q: skipped %q, failed %q; want one line starting %q in the other", ci, r.skipped, r.failed, marker)
				}
				for _, w := range c.names {
					if !strings.Contains(got, w) {
						t.Errorf("message %q does not mention %q", got, w)
					}
				}
			})
		}
	}
}

func TestInCI(t *testing.T) {
	for _, c := range []struct {
		v    string
		want bool
	}{{"", false}, {"0", false}, {"false", false}, {"FALSE", false}, {"true", true}, {"1", true}, {"yes", true}} {
		t.Setenv("CI", c.v)
		if got := InCI(); got != c.want {
			t.Errorf("CI=%q: InCI() = %v, want %v", c.v, got, c.want)
		}
	}
}

// TestPythonMissingModule checks that a Python that lacks a module is
// reported with the import error (uses whatever python3 exists; skipped
// when there is none, since the check is about the message).
func TestPythonMissingModule(t *testing.T) {
	py, err := FindPython()
	if err != nil {
		t.Skipf("no Python at %s to try a missing module with", py)
	}
	_, err = FindPython("gloveboard_no_such_module")
	if err == nil || !strings.Contains(err.Error(), "gloveboard_no_such_module") {
		t.Fatalf("FindPython(missing module) error = %v, want one naming the module", err)
	}
}

// TestBrowserFromEnv checks that GLOVEBOARD_BROWSER wins over PATH and
// must be an executable file.
func TestBrowserFromEnv(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(BrowserEnv, exe)
	if got, err := FindBrowser(); err != nil || got != exe {
		t.Errorf("FindBrowser() = %q, %v; want %q", got, err, exe)
	}
	t.Setenv(BrowserEnv, t.TempDir())
	if _, err := FindBrowser(); err == nil {
		t.Error("FindBrowser() accepted a directory")
	}
	t.Setenv(BrowserEnv, "")
	t.Setenv("PATH", t.TempDir())
	if _, err := FindBrowser(); err == nil || !strings.Contains(err.Error(), "chromium-browser") {
		t.Errorf("FindBrowser() with an empty PATH: %v, want an error listing the names tried", err)
	}
}

func TestShipped(t *testing.T) {
	for _, rel := range []string{DemoCorpus, DemoVectors} {
		var r recorder
		if p := Shipped(&r, rel); r.failed != "" || !strings.HasSuffix(p, rel) {
			t.Errorf("Shipped(%s) = %q, failure %q", rel, p, r.failed)
		}
	}
	var r recorder
	Shipped(&r, "internal/demo/no-such-file")
	if r.failed == "" || r.skipped != "" {
		t.Errorf("a missing shipped file: skipped %q, failed %q; want a failure", r.skipped, r.failed)
	}
}

func TestJSONClose(t *testing.T) {
	want := `{"a": 1.0, "b": [1, "x", true, null], "c": {"d": 1e6}}`
	for _, c := range []struct {
		got string
		ok  bool
	}{
		{`{"c": {"d": 1000000.0000001}, "b": [1.0000000001, "x", true, null], "a": 1}`, true},
		{`{"a": 1.001, "b": [1, "x", true, null], "c": {"d": 1e6}}`, false},
		{`{"a": 1, "b": [1, "y", true, null], "c": {"d": 1e6}}`, false},
		{`{"a": 1, "b": [1, "x", true], "c": {"d": 1e6}}`, false},
		{`{"a": 1, "b": [1, "x", true, null], "c": {"e": 1e6}}`, false},
		{`{"a": 1, "b": [1, "x", true, null], "c": {"d": 1.1e6}}`, false},
	} {
		err := JSONClose([]byte(c.got), []byte(want), 1e-9)
		if (err == nil) != c.ok {
			t.Errorf("JSONClose(%s) = %v, want ok=%v", c.got, err, c.ok)
		}
	}
}
