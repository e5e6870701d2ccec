package testkit

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// BrowserEnv names an explicit Chrome or Chromium binary; when it is set,
// PATH is not searched.
const BrowserEnv = "GLOVEBOARD_BROWSER"

// BrowserNames are the names under which Chromium or Chrome is looked up
// on PATH, in order.
var BrowserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}

const browserHowTo = "Debian/Ubuntu: apt-get install chromium; or put Chrome/Chromium on PATH as one of chromium, chromium-browser, google-chrome, google-chrome-stable, headless-shell, or set " + BrowserEnv + " to its binary"

// FindBrowser returns the Chromium binary to drive: $GLOVEBOARD_BROWSER
// when set, else the first of BrowserNames on PATH.
func FindBrowser() (string, error) {
	if p := os.Getenv(BrowserEnv); p != "" {
		st, err := os.Stat(p)
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", BrowserEnv, p, err)
		}
		if st.IsDir() || st.Mode()&0o111 == 0 {
			return "", fmt.Errorf("%s=%s is not an executable file", BrowserEnv, p)
		}
		return p, nil
	}
	for _, name := range BrowserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("none of %s on PATH", strings.Join(BrowserNames, ", "))
}

// Browser returns the path of a Chromium binary for chromedp. checks says
// what the calling test checks. When none is found the test is skipped, or
// fails under CI.
func Browser(tb TB, checks string) string {
	tb.Helper()
	p, err := FindBrowser()
	if err != nil {
		missing(tb, checks, "a headless Chromium ("+err.Error()+")", browserHowTo)
		return ""
	}
	return p
}

// PythonEnv names the Python interpreter of the reference tests; the
// default is DefaultPython (Debian's, where apt installs numpy & co).
const PythonEnv = "GLOVEBOARD_PYTHON"

// DefaultPython is Debian's python3.
const DefaultPython = "/usr/bin/python3"

// pythonPackages maps an importable module to the Debian package holding it.
var pythonPackages = map[string]string{
	"numpy":   "python3-numpy",
	"scipy":   "python3-scipy",
	"sklearn": "python3-sklearn",
	"gensim":  "python3-gensim",
}

// probeModules imports the modules named in argv and reads their
// __version__.
const probeModules = `import importlib, sys
for name in sys.argv[1:]:
    if getattr(importlib.import_module(name), "__version__", None) is None:
        raise SystemExit("%s is not a working install (it has no __version__)" % name)`

// FindPython returns the interpreter ($GLOVEBOARD_PYTHON, default
// /usr/bin/python3) after checking that it imports every module.
func FindPython(modules ...string) (string, error) {
	py := os.Getenv(PythonEnv)
	if py == "" {
		py = DefaultPython
	}
	if _, err := os.Stat(py); err != nil {
		return py, fmt.Errorf("no Python at %s", py)
	}
	if len(modules) == 0 {
		return py, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// A bare "import numpy" also succeeds for a stray directory named
	// numpy on sys.path (an implicit namespace package): ask each module
	// for its version, which only a real install has.
	out, err := exec.CommandContext(ctx, py, append([]string{"-c", probeModules}, modules...)...).CombinedOutput()
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:] // the exception line, e.g. ModuleNotFoundError: No module named 'numpy'
		}
		return py, fmt.Errorf("%s cannot import %s: %s", py, strings.Join(modules, ", "), msg)
	}
	return py, nil
}

// Python returns the Python interpreter after checking that it imports
// every module (e.g. "numpy", "sklearn", "gensim"). checks says what the
// calling test checks. When it cannot, the test is skipped, or fails under
// CI.
func Python(tb TB, checks string, modules ...string) string {
	tb.Helper()
	py, err := FindPython(modules...)
	if err != nil {
		var pkgs []string
		for _, m := range modules {
			if p, ok := pythonPackages[m]; ok {
				pkgs = append(pkgs, p)
			}
		}
		howTo := "Debian/Ubuntu: apt-get install python3 " + strings.Join(pkgs, " ") + "; or set " + PythonEnv + " to a Python that has them"
		missing(tb, checks, "Python with "+strings.Join(modules, ", ")+" ("+err.Error()+")", howTo)
		return ""
	}
	return py
}
