package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/gloveboard/gloveboard"

type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// listPackages runs `go list -e -json -deps=false ./...` at the module root
// (the build list of the module's own packages, each with its direct
// imports and transitive dependencies).
func listPackages(t *testing.T) map[string]pkg {
	t.Helper()
	root, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	cmd := exec.Command("go", "list", "-e", "-json=ImportPath,Imports,Deps", "./...")
	cmd.Dir = strings.TrimSpace(string(root))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs := make(map[string]pkg)
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs[p.ImportPath] = p
	}
	return pkgs
}

// oneOf reports whether path is one of the packages given.
func oneOf(path string, pkgs ...string) bool {
	for _, p := range pkgs {
		if path == p {
			return true
		}
	}
	return false
}

func under(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

func TestImportDirection(t *testing.T) {
	pkgs := listPackages(t)
	for _, need := range []string{module + "/handlers", module + "/views", module + "/cmd/web", module + "/internal/app"} {
		if _, ok := pkgs[need]; !ok {
			t.Fatalf("go list did not report %s; the check would be vacuous", need)
		}
	}
	// Nothing under analysis may depend, even indirectly, on the web
	// stack or the web layer's packages.
	forbidden := []string{
		"github.com/labstack/echo",
		"github.com/a-h/templ",
		"net/http",
		module + "/handlers",
		module + "/views",
		module + "/internal/store",
		module + "/internal/jobs",
		module + "/cmd",
	}
	rules := []struct {
		name    string
		applies func(path string) bool
		deps    func(p pkg) []string
		bad     func(dep string) bool
	}{
		{
			name:    "analysis must not depend on the web stack",
			applies: func(p string) bool { return under(p, module+"/analysis") },
			deps:    func(p pkg) []string { return p.Deps },
			bad: func(dep string) bool {
				for _, f := range forbidden {
					if under(dep, f) {
						return true
					}
				}
				return false
			},
		},
		{
			name:    "only analysis/plot imports gonum.org/v1/plot",
			applies: func(p string) bool { return !under(p, module+"/analysis/plot") },
			deps:    func(p pkg) []string { return p.Imports },
			bad:     func(dep string) bool { return under(dep, "gonum.org/v1/plot") },
		},
		{
			name:    "views must not depend on handlers",
			applies: func(p string) bool { return under(p, module+"/views") },
			deps:    func(p pkg) []string { return p.Deps },
			bad:     func(dep string) bool { return under(dep, module+"/handlers") || under(dep, module+"/cmd") },
		},
		{
			name:    "the web layer's internals must not depend on handlers or views",
			applies: func(p string) bool { return under(p, module+"/internal/store") || under(p, module+"/internal/jobs") },
			deps:    func(p pkg) []string { return p.Deps },
			bad: func(dep string) bool {
				return under(dep, module+"/handlers") || under(dep, module+"/views") || under(dep, "github.com/labstack/echo")
			},
		},
		{
			name:    "handlers reach jobs, runs and builds through the application service",
			applies: func(p string) bool { return under(p, module+"/handlers") },
			deps:    func(p pkg) []string { return p.Imports },
			bad: func(dep string) bool {
				return oneOf(dep, module+"/internal/jobs", module+"/internal/runs", module+"/internal/corpusbuild", module+"/internal/durable")
			},
		},
		{
			name:    "cmd/web starts the application service, not its parts",
			applies: func(p string) bool { return p == module+"/cmd/web" },
			deps:    func(p pkg) []string { return p.Imports },
			bad: func(dep string) bool {
				return oneOf(dep, module+"/internal/jobs", module+"/internal/runs", module+"/internal/corpusbuild",
					module+"/internal/store", module+"/internal/demo", module+"/internal/durable")
			},
		},
		{
			name:    "the application service does not depend on the web layer",
			applies: func(p string) bool { return under(p, module+"/internal/app") },
			deps:    func(p pkg) []string { return p.Deps },
			bad: func(dep string) bool {
				return under(dep, module+"/handlers") || under(dep, module+"/cmd") || under(dep, "github.com/labstack/echo")
			},
		},
		{
			// Test helpers (internal/testkit) take a small TB interface
			// instead, so that no binary links the testing package.
			name:    "non-test code does not import testing",
			applies: func(p string) bool { return true },
			deps:    func(p pkg) []string { return p.Imports },
			bad:     func(dep string) bool { return dep == "testing" || under(dep, "testing") },
		},
	}
	// cmd/web serves the handlers over the service it opens.
	if web := pkgs[module+"/cmd/web"]; !slices.Contains(web.Imports, module+"/handlers") || !slices.Contains(web.Imports, module+"/internal/app") {
		t.Errorf("cmd/web imports %v; want handlers and internal/app among them", web.Imports)
	}
	for _, r := range rules {
		for path, p := range pkgs {
			if !r.applies(path) {
				continue
			}
			for _, d := range r.deps(p) {
				if r.bad(d) {
					t.Errorf("%s: %s imports %s", r.name, path, d)
				}
			}
		}
	}
}
