package handlers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/views"
)

// trainMessageFuncs are the functions of the train area whose public(…)
// messages users read, by file; "" takes every function of the file.
var trainMessageFuncs = map[string][]string{
	"training.go":     {""},
	"runcontrol.go":   {""},
	"runs_compare.go": {""},
	"downloads.go":    {"fidelityPlot", "sendLoss", "comparePlot"},
}

// trainSampleVerb fills a format's verbs with sample arguments, as a message
// made from it would read.
var trainSampleVerb = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z]`)

// TestTrainMessagesTranslated reads the train area's handlers with
// go/ast, collects the English messages they raise with public(…) (a
// literal, or the format of fmt.Sprintf) and the literals they assign to
// ResumeNote, and fails when the Vietnamese locale leaves one of them as
// it is. (The texts the loss and fidelity plots write on their own come
// from the catalogue: plot.LossText, plot.FidelityText.)
func TestTrainMessagesTranslated(t *testing.T) {
	vi := views.NewLocale(views.Vietnamese)
	var formats []string
	fset := token.NewFileSet()
	for file, funcs := range trainMessageFuncs {
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || (funcs[0] != "" && !slices.Contains(funcs, fd.Name.Name)) {
				continue
			}
			ast.Inspect(fd, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "public" && len(n.Args) == 2 {
						if s, ok := messageFormat(n.Args[1]); ok {
							formats = append(formats, s)
						} else {
							t.Errorf("%s: %s raises a message that is not a literal format", file, fd.Name.Name)
						}
					}
				case *ast.AssignStmt:
					if sel, ok := n.Lhs[0].(*ast.SelectorExpr); ok && sel.Sel.Name == "ResumeNote" {
						if s, ok := messageFormat(n.Rhs[0]); ok {
							formats = append(formats, s)
						}
					}
				}
				return true
			})
		}
	}
	if len(formats) < 8 {
		t.Fatalf("found %d messages in the train handlers, want at least 8: %q", len(formats), formats)
	}
	for _, format := range formats {
		english := trainSampleVerb.ReplaceAllString(strings.ReplaceAll(format, "%%", "%"), "12")
		if got := vi.Message(english); got == english {
			t.Errorf("%q is not translated into Vietnamese", english)
		}
	}
}

// messageFormat returns the literal of e, or the literal format of a
// fmt.Sprintf call.
func messageFormat(e ast.Expr) (string, bool) {
	if call, ok := e.(*ast.CallExpr); ok {
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Sprintf" || len(call.Args) == 0 {
			return "", false
		}
		e = call.Args[0]
	}
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
