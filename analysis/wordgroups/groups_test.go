package wordgroups

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestBuiltin(t *testing.T) {
	groups := Builtin()
	var names []string
	seen := map[string]string{}
	for _, g := range groups {
		names = append(names, g.Name)
		if len(g.Words) < 20 {
			t.Errorf("group %s has only %d words", g.Name, len(g.Words))
		}
		for _, w := range g.Words {
			if w != strings.ToLower(w) {
				t.Errorf("%s: %q is not lower case", g.Name, w)
			}
			if prev, ok := seen[w]; ok {
				t.Errorf("%q is in both %s and %s", w, prev, g.Name)
			}
			seen[w] = g.Name
		}
	}
	want := []string{"country", "capital", "male", "female", "singular", "plural"}
	if !slices.Equal(names, want) {
		t.Errorf("got groups %v, want %v", names, want)
	}
	a := FromGroups(groups)
	for _, tc := range []struct{ word, group string }{{"france", "country"}, {"paris", "capital"}, {"queen", "female"}, {"cars", "plural"}, {"zebra", ""}} {
		if got := a.Group(tc.word); got != tc.group {
			t.Errorf("Group(%q) = %q, want %q", tc.word, got, tc.group)
		}
	}
}

func TestParse(t *testing.T) {
	in := "# comment\n\nfruit\tapple\nfruit\tbanana\ncar vehicle\nbig truck  heavy vehicles \nlonely\napple other\ncity names\tNew York\n"
	a, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	wantWords := []string{"apple", "banana", "car", "big", "lonely", "New York"}
	if !slices.Equal(a.Words, wantWords) {
		t.Errorf("words %q, want %q", a.Words, wantWords)
	}
	for _, tc := range []struct{ word, group string }{
		{"apple", "fruit"}, {"banana", "fruit"}, {"car", "vehicle"}, {"big", "truck  heavy vehicles"}, {"lonely", ""}, {"New York", "city names"},
	} {
		if got := a.Group(tc.word); got != tc.group {
			t.Errorf("Group(%q) = %q, want %q", tc.word, got, tc.group)
		}
	}
	for _, bad := range []string{"\tword\n", "group\t\n"} {
		if _, err := Parse(strings.NewReader(bad)); !errors.Is(err, ErrBadLine) {
			t.Errorf("Parse(%q): got %v, want ErrBadLine", bad, err)
		}
	}
}
