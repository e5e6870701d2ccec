package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	const pkg = `"Package":"example.com/p"`
	events := strings.Join([]string{
		`{"Action":"run",` + pkg + `,"Test":"TestA"}`,
		`{"Action":"output",` + pkg + `,"Test":"TestA","Output":"noise of a passing test\n"}`,
		`{"Action":"pass",` + pkg + `,"Test":"TestA","Elapsed":0.1}`,
		`{"Action":"output",` + pkg + `,"Test":"TestB","Output":"    b_test.go:9: got 1, want 2\n"}`,
		`{"Action":"fail",` + pkg + `,"Test":"TestB","Elapsed":0.2}`,
		`{"Action":"output",` + pkg + `,"Test":"TestC","Output":"    c_test.go:3: gloveboard-skip: this test drives a page; it needs Chromium\n"}`,
		`{"Action":"skip",` + pkg + `,"Test":"TestC","Elapsed":0}`,
		`{"Action":"output",` + pkg + `,"Test":"TestD","Output":"    d_test.go:3: no GPU here\n"}`,
		`{"Action":"skip",` + pkg + `,"Test":"TestD","Elapsed":0}`,
		`{"Action":"output",` + pkg + `,"Output":"FAIL\texample.com/p\t0.5s\n"}`,
	}, "\n")
	cases := []struct {
		name, in string
		code     int
		want     []string
		notWant  []string
	}{
		{"all", events, 1,
			[]string{"--- FAIL: example.com/p TestB", "got 1, want 2", "FAIL\texample.com/p\t0.5s", "1 passed, 1 failed, 2 skipped",
				"MISSING  example.com/p TestC", "lack a tool or data set"},
			[]string{"noise of a passing test", "no GPU here"}},
		{"clean", strings.Join([]string{
			`{"Action":"pass",` + pkg + `,"Test":"TestA","Elapsed":0.1}`,
			`{"Action":"output",` + pkg + `,"Test":"TestD","Output":"no GPU here\n"}`,
			`{"Action":"skip",` + pkg + `,"Test":"TestD"}`,
		}, "\n"), 0, []string{"1 passed, 0 failed, 1 skipped"}, []string{"MISSING", "FAILED"}},
	}
	for _, c := range cases {
		var out strings.Builder
		if code := run(strings.NewReader(c.in), &out); code != c.code {
			t.Errorf("%s: exit %d, want %d\n%s", c.name, code, c.code, out.String())
		}
		for _, w := range c.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: report lacks %q:\n%s", c.name, w, out.String())
			}
		}
		for _, w := range c.notWant {
			if strings.Contains(out.String(), w) {
				t.Errorf("%s: report holds %q:\n%s", c.name, w, out.String())
			}
		}
	}
}
