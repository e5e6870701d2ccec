package handlers

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/views"
)

// The messages users read are written in English where they are raised
// (internal/app, the job bodies, the handlers' parsers and guards) and
// translated at display by their format (views.Locale.Message). These
// tests read those sources with go/ast, collect every message format they
// pass to the functions that make user-facing messages, and fail when the
// Vietnamese locale leaves one untranslated.

// messageSources are the files whose messages are checked: the service,
// the job bodies, and the handler files that raise messages through the
// shared helpers (params, errors, guard, pages) or for training runs and
// their plots.
var messageSources = []string{
	"../internal/app/*.go",
	"../internal/runs/*.go",
	"../internal/corpusbuild/*.go",
	"../internal/jobs/*.go",
	"params.go", "errors.go", "guard.go", "i18n.go", "pages.go",
	"training.go", "runcontrol.go", "runs_compare.go", "downloads.go",
}

// messageArg maps a function (or method) name to the index of its
// message argument. apperr's New and Wrap are matched only as apperr.X.
var messageArg = map[string]int{
	"apperr.New": 1, "apperr.Wrap": 2,
	"Invalidf": 0, "NotFoundf": 0, "Conflictf": 0, "Unprocessablef": 0,
	"public":   1,
	"Progress": 1, "progress": 1, // jobs.Run.Progress and the run closures
	"badMap": 0, "no": 0, // format helpers of maps.go and runcontrol.go
	"bad":   1, // runs.Params.Validate's
	"jobOf": 4, // its not-found message
	// the reason recorded on jobs a restart interrupted
	"InterruptActiveJobs": 1,
	"loadResult":          4, // its message when the result is gone
}

// messageFields are the fields whose assigned strings users read: a job's
// message and error, a spectrum's note and fit error, a run's evaluation
// note.
var messageFields = map[string]bool{"Message": true, "Error": true, "Note": true, "FitError": true, "EvalNote": true, "ResumeNote": true}

// messageFuncs are functions whose results are messages for users: every
// string literal they return or assign, and every format they pass to
// fmt.Sprintf, is a message (or a part that is translated inside one,
// such as DivergedError's "cost %.4g").
var messageFuncs = map[string]bool{
	"buildUnreadableMessage": true, "DivergedError.Error": true,
	"evalSetsForRun":  true, // its note for the run page
	"MapRequest.Name": true, // a map's name
}

// funcName is "F" for func F and "T.M" for a method M of T or *T.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	typ := fd.Recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// nounArg maps the functions naming a missing thing to their noun
// argument: each noun gets its own whole message ("There is no corpus
// with id %d. ..."), so that the noun is translated with the sentence.
var nounArg = map[string]int{"NotFound": 1, "notFound": 1, "parseID": 1, "idParam": 2, "parseIDText": 1}

// labelArg maps the number parsers to their field label argument.
var labelArg = map[string]int{"wholeNumber": 1, "realNumber": 1, "badNumber": 1}

// collected is what collectMessages finds: formats and nouns with the
// place they were found, and messages it could not resolve to a format.
type collected struct {
	formats map[string]string
	nouns   map[string]string
	labels  map[string]string
	dynamic []string // "file:line: expression" of messages made at run time
}

func parseSources(t *testing.T, patterns []string) (*token.FileSet, []*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, pattern := range patterns {
		names, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		if len(names) == 0 {
			t.Fatalf("no source matches %s", pattern)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}
	return fset, files
}

// callName is "apperr.New" for apperr.New(...), "Progress" for
// run.Progress(...), "public" for public(...).
func callName(call *ast.CallExpr) string {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.IndexExpr: // wholeNumber[int](...)
		if id, ok := fn.X.(*ast.Ident); ok {
			return id.Name
		}
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok && x.Name == "apperr" {
			return "apperr." + fn.Sel.Name
		}
		return fn.Sel.Name
	}
	return ""
}

// collectMessages walks files and collects the message formats.
func collectMessages(t *testing.T, fset *token.FileSet, files []*ast.File) collected {
	t.Helper()
	// values maps an identifier to the expressions assigned to it
	// anywhere (consts, vars, :=), to resolve message variables; consts
	// only to those declared (const, var), to resolve nouns and labels.
	values, consts := map[string][]ast.Expr{}, map[string][]ast.Expr{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						values[name.Name] = append(values[name.Name], n.Values[i])
						consts[name.Name] = append(consts[name.Name], n.Values[i])
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							values[id.Name] = append(values[id.Name], n.Rhs[i])
						}
					}
				}
			}
			return true
		})
	}
	c := collected{formats: map[string]string{}, nouns: map[string]string{}, labels: map[string]string{}}
	var resolve func(e ast.Expr, depth int, values map[string][]ast.Expr) ([]string, bool)
	resolve = func(e ast.Expr, depth int, values map[string][]ast.Expr) ([]string, bool) {
		formats := func(e ast.Expr, depth int) ([]string, bool) { return resolve(e, depth, values) }
		switch e := e.(type) {
		case *ast.BasicLit:
			if e.Kind == token.STRING {
				s, err := strconv.Unquote(e.Value)
				return []string{s}, err == nil
			}
		case *ast.ParenExpr:
			return formats(e.X, depth)
		case *ast.CallExpr:
			if sel, ok := e.Fun.(*ast.SelectorExpr); ok && len(e.Args) > 0 {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "fmt" && (sel.Sel.Name == "Sprintf" || sel.Sel.Name == "Errorf") {
					return formats(e.Args[0], depth)
				}
			}
		case *ast.Ident:
			if depth > 3 {
				return nil, false
			}
			var out []string
			for _, v := range values[e.Name] {
				fs, ok := formats(v, depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, fs...)
			}
			return out, len(out) > 0
		}
		return nil, false
	}
	formats := func(e ast.Expr, depth int) ([]string, bool) { return resolve(e, depth, values) }
	declared := func(e ast.Expr, depth int) ([]string, bool) { return resolve(e, depth, consts) }
	at := func(n ast.Node) string {
		p := fset.Position(n.Pos())
		return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				name := callName(n)
				if i, ok := messageArg[name]; ok && i < len(n.Args) && !(name == "Progress" && len(n.Args) != 2) {
					fs, ok := formats(n.Args[i], 0)
					if !ok {
						c.dynamic = append(c.dynamic, at(n)+": "+name)
					}
					for _, s := range fs {
						if s != "" {
							c.formats[s] = at(n)
						}
					}
				}
				if i, ok := nounArg[name]; ok && i < len(n.Args) {
					if fs, ok := declared(n.Args[i], 0); ok {
						for _, s := range fs {
							c.nouns[s] = at(n)
						}
					}
				}
				if i, ok := labelArg[name]; ok && i < len(n.Args) {
					if fs, ok := declared(n.Args[i], 0); ok {
						for _, s := range fs {
							c.labels[s] = at(n)
						}
					}
				}
			case *ast.AssignStmt:
				// e.job.Message = "cancelled", e.job.Error = ReasonShutdown,
				// r.Note = fmt.Sprintf(...)
				for i, l := range n.Lhs {
					sel, ok := l.(*ast.SelectorExpr)
					if !ok || !messageFields[sel.Sel.Name] || i >= len(n.Rhs) {
						continue
					}
					if fs, ok := formats(n.Rhs[i], 0); ok {
						for _, s := range fs {
							c.formats[s] = at(n)
						}
					}
				}
			case *ast.FuncDecl:
				if !messageFuncs[funcName(n)] || n.Body == nil {
					return true
				}
				ast.Inspect(n.Body, func(m ast.Node) bool {
					var exprs []ast.Expr
					switch m := m.(type) {
					case *ast.ReturnStmt:
						exprs = m.Results
					case *ast.AssignStmt:
						exprs = m.Rhs
					case *ast.CallExpr:
						exprs = []ast.Expr{m}
					}
					for _, e := range exprs {
						switch e.(type) {
						case *ast.BasicLit, *ast.CallExpr:
							if fs, ok := formats(e, 0); ok {
								for _, s := range fs {
									c.formats[s] = at(e)
								}
							}
						}
					}
					return true
				})
			case *ast.ValueSpec:
				// jobFailures: the messages of sentinel errors.
				for i, name := range n.Names {
					if name.Name != "jobFailures" || i >= len(n.Values) {
						continue
					}
					ast.Inspect(n.Values[i], func(m ast.Node) bool {
						if lit, ok := m.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							s, _ := strconv.Unquote(lit.Value)
							c.formats[s] = at(lit)
						}
						return true
					})
				}
			}
			return true
		})
	}
	return c
}

// sampleVerb fills a message format with sample arguments.
var sampleVerb = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

func sample(format string) string {
	return sampleVerb.ReplaceAllStringFunc(format, func(v string) string {
		switch v[len(v)-1] {
		case '%':
			return "%"
		case 'd':
			return "7"
		case 'q':
			return `"zqx"`
		case 'g', 'f', 'e':
			return "0.5"
		}
		return "Zqx"
	})
}

func TestMessagesHaveVietnamese(t *testing.T) {
	fset, files := parseSources(t, messageSources)
	c := collectMessages(t, fset, files)
	if len(c.formats) < 100 {
		t.Fatalf("found only %d message formats: the collector no longer sees the sources", len(c.formats))
	}
	vi := views.NewLocale(views.Vietnamese)
	var missing []string
	for format, where := range c.formats {
		if strings.TrimSpace(format) == "" {
			continue
		}
		s := sample(format)
		if got := vi.Message(s); got == s {
			missing = append(missing, where+": "+strconv.Quote(format))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no Vietnamese in messagesVI for %s", m)
	}
	for _, d := range c.dynamic {
		t.Logf("message made at run time, not checked: %s", d)
	}
}

// TestMessageNounsHaveVietnamese checks that the messages naming a
// missing thing or a bad id are translated with their noun, for every
// noun the sources use and every job kind's target.
func TestMessageNounsHaveVietnamese(t *testing.T) {
	fset, files := parseSources(t, []string{"*.go", "../internal/app/*.go"})
	c := collectMessages(t, fset, files)
	for _, k := range app.Kinds() {
		c.nouns[app.Describe(string(k)).Target] = "kinds.go"
	}
	c.nouns[app.Describe("no such kind").Target] = "kinds.go"
	if len(c.nouns) < 5 {
		t.Fatalf("found only %d nouns: %v", len(c.nouns), c.nouns)
	}
	vi := views.NewLocale(views.Vietnamese)
	for noun, where := range c.nouns {
		for _, format := range []string{
			"There is no %s with id 7. It may have been deleted.",
			"That is not a valid %s id: ids are whole numbers such as 1 or 42.",
		} {
			s := strings.Replace(format, "%s", noun, 1)
			if got := vi.Message(s); got == s || strings.Contains(got, noun) {
				t.Errorf("%s: noun %q: Vietnamese %q", where, noun, got)
			}
		}
	}
}

// TestNumberLabelsHaveVietnamese checks the field labels given to the
// number parsers in every handler file (a label in quotes, such as
// “n”, names a parameter and stays as it is).
func TestNumberLabelsHaveVietnamese(t *testing.T) {
	fset, files := parseSources(t, []string{"*.go"})
	c := collectMessages(t, fset, files)
	if len(c.labels) < 10 {
		t.Fatalf("found only %d labels", len(c.labels))
	}
	vi := views.NewLocale(views.Vietnamese)
	for label, where := range c.labels {
		if strings.HasPrefix(label, "“") {
			continue
		}
		s := label + " must be a whole number from 1 to 255; “0” is not."
		if got := vi.Message(s); strings.Contains(got, label) {
			t.Errorf("%s: label %q stays English: %q", where, label, got)
		}
	}
}

// TestErrorTableHasVietnamese checks the messages of the central error
// table, echo's HTTP errors and the status texts shown for codes without
// a message.
func TestErrorTableHasVietnamese(t *testing.T) {
	vi := views.NewLocale(views.Vietnamese)
	msgs := []string{internalMessage, (&Server{maxUpload: 512 << 20}).tooLargeMessage()}
	for _, m := range DefaultErrorMappings() {
		msgs = append(msgs, m.Message)
	}
	for _, m := range httpMessages {
		msgs = append(msgs, m)
	}
	for _, status := range codeStatus {
		msgs = append(msgs, http.StatusText(status))
	}
	for _, m := range msgs {
		if got := vi.Message(m); got == m {
			t.Errorf("no Vietnamese for %q", m)
		}
	}
}

// TestMessagesTranslated translates whole messages: a noun, a field
// label and a run's progress nested in their formats, numbers written with
// the Vietnamese separators, quoted user input kept as it was.
func TestMessagesTranslated(t *testing.T) {
	vi := views.NewLocale(views.Vietnamese)
	for _, tc := range []struct{ in, want string }{
		{"There is no corpus with id 42. It may have been deleted.", "Không có kho ngữ liệu nào mang mã số 42. Có thể nó đã bị xóa."},
		{"The window must be a whole number from 1 to 255; “0” is not.", "Cửa sổ ngữ cảnh phải là một số nguyên từ 1 đến 255; “0” không hợp lệ."},
		{"The file is larger than the upload limit of 1.5 GiB.", "Tệp lớn hơn giới hạn tải lên 1,5 GiB."},
		// A single word stays as it is, even one that is also a message.
		{"done and its 1,000 nearest neighbours", "done và 1.000 láng giềng gần nhất của nó"},
		{"run 3: epoch 2 of 50 · cost 0.01234 · 1.2M nonzeros/s", "lần chạy 3: vòng 2 trên 50 · giá trị mất mát 0,01234 · 1,2M phần tử khác không/giây"},
	} {
		if got := vi.Message(tc.in); got != tc.want {
			t.Errorf("Message(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
