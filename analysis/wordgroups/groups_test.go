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

// TestParseBOM: a UTF-8 byte-order mark at the start of the file is read
// as if it were absent; further on it is an ordinary character.
func TestParseBOM(t *testing.T) {
	const bom = "\ufeff"
	tests := []struct {
		name, in   string
		wantWords  []string
		wantGroups []string
		wantErr    bool
	}{
		{"word group", bom + "apple fruit\nparis city\n", []string{"apple", "paris"}, []string{"fruit", "city"}, false},
		{"group TAB word", bom + "fruit\tapple\n", []string{"apple"}, []string{"fruit"}, false},
		{"comment", bom + "# my groups\napple fruit\n", []string{"apple"}, []string{"fruit"}, false},
		{"lone word", bom + "apple\n", []string{"apple"}, []string{""}, false},
		{"empty group before a TAB", bom + "\tapple\n", nil, nil, true},
		{"only the first BOM is dropped", bom + bom + "apple fruit\n", []string{bom + "apple"}, []string{"fruit"}, false},
		{"a BOM further on is part of a word", "apple fruit\n" + bom + "pear fruit\n", []string{"apple", bom + "pear"}, []string{"fruit", "fruit"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(strings.NewReader(tt.in))
			if tt.wantErr {
				if !errors.Is(err, ErrBadLine) || !strings.Contains(err.Error(), "line 1:") {
					t.Fatalf("got %v, want ErrBadLine at line 1", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var groups []string
			for _, w := range a.Words {
				groups = append(groups, a.Group(w))
			}
			if !slices.Equal(a.Words, tt.wantWords) || !slices.Equal(groups, tt.wantGroups) {
				t.Errorf("words %q in groups %q, want %q in %q", a.Words, groups, tt.wantWords, tt.wantGroups)
			}
		})
	}
}

// TestParseLineTooLong: a line longer than the scanner takes is a
// malformed line (ErrBadLine) naming its number, not a bare
// bufio.ErrTooLong.
func TestParseLineTooLong(t *testing.T) {
	const limit = 1 << 20 // bytes of a line, its line feed included
	long := strings.Repeat("x", limit)
	tests := []struct {
		name, in string
		wantLine string // "" when the input is valid
	}{
		{"first line", long + "\n", "line 1:"},
		{"third line", "apple fruit\n\n" + long + " g\nb\n", "line 3:"},
		{"last line without a line feed", "apple fruit\n" + long + long, "line 2:"},
		{"a line just below the limit", "apple fruit\n" + long[:limit-3] + " g\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in))
			if tt.wantLine == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, ErrBadLine) || !strings.Contains(err.Error(), tt.wantLine) {
				t.Fatalf("got %v, want ErrBadLine naming %q", err, tt.wantLine)
			}
		})
	}
}
