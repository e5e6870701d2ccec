package wordgroups

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// FuzzParse: errors are ErrBadLine naming a line (a line too long for the
// scanner included); a success lists each word once, non-empty and trimmed,
// with a trimmed group, every word and group taken from one line of the
// input, and a group on a line with a TAB never empty.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"# my groups\nfruit\tapple\nfruit\tpear\nparis city\n",
		"# comment\n\nfruit\tapple\nfruit\tbanana\ncar vehicle\nbig truck  heavy vehicles \nlonely\napple other\ncity names\tNew York\n",
		"\tword\n",  // empty group
		"group\t\n", // empty word
		"  \t \n",
		"g\ta\tb\n",
		"a b\r\nc\td\r\n",
		"\ufeffapple fruit\n", // BOM
		"\ufeff# comment\n",
		"\ufeff\tword\n",
		"\ufeff\ufeffapple fruit\n",       // only the first BOM is skipped
		"apple fruit\n\ufeffpear fruit\n", // a BOM further on is part of a word
		"new\u00a0york city\n",
		"a\xffb g\xfe\n",
		"a\na\nb\ta\n", // duplicates
		"",
		"#",
	} {
		f.Add([]byte(s))
	}
	badLine := regexp.MustCompile(`^malformed word-group line [1-9][0-9]*: `)
	f.Fuzz(func(t *testing.T, in []byte) {
		a, err := Parse(bytes.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrBadLine) || !badLine.MatchString(err.Error()) {
				t.Fatalf("want ErrBadLine naming a line, got %v", err)
			}
			return
		}
		if len(a.Words) != len(a.Groups) {
			t.Fatalf("%d words, %d assignments", len(a.Words), len(a.Groups))
		}
		// Lines as Parse reads them, after the byte-order mark it skips.
		lines := strings.Split(strings.TrimPrefix(string(in), "\ufeff"), "\n")
		for _, w := range a.Words {
			g, ok := a.Groups[w]
			if !ok {
				t.Fatalf("word %q has no assignment", w)
			}
			if w == "" || w != strings.TrimSpace(w) || g != strings.TrimSpace(g) || strings.Contains(w, "\n") || strings.Contains(g, "\n") {
				t.Fatalf("word %q, group %q", w, g)
			}
			if a.Group(w) != g {
				t.Fatalf("Group(%q) = %q, want %q", w, a.Group(w), g)
			}
			// The first line naming w is where its group comes from.
			found := false
			for _, l := range lines {
				text := strings.TrimSpace(l)
				if text == "" || strings.HasPrefix(text, "#") {
					continue
				}
				if group, word, tab := strings.Cut(l, "\t"); tab {
					if strings.TrimSpace(word) != w {
						continue
					}
					if strings.TrimSpace(group) != g || g == "" {
						t.Fatalf("word %q in group %q, its first line %q", w, g, l)
					}
				} else if fields := strings.Fields(text); fields[0] != w {
					continue
				} else if !strings.HasSuffix(text, g) {
					t.Fatalf("word %q in group %q, its first line %q", w, g, l)
				}
				found = true
				break
			}
			if !found {
				t.Fatalf("word %q is on no line of the input", w)
			}
		}
	})
}
