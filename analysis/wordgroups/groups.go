package wordgroups

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Group is a named set of words.
type Group struct {
	Name  string
	Words []string
}

// Pair is two words related the same way as the other pairs of a family
// (country→capital, male→female, singular→plural).
type Pair struct{ A, B string }

// Family is a list of pairs whose first words form group GroupA and whose
// second words form group GroupB.
type Family struct {
	GroupA, GroupB string
	Pairs          []Pair
}

// Pairs returns the built-in pair families.
func Pairs() []Family {
	return []Family{
		{"country", "capital", []Pair{
			{"france", "paris"}, {"germany", "berlin"}, {"italy", "rome"}, {"spain", "madrid"},
			{"japan", "tokyo"}, {"china", "beijing"}, {"russia", "moscow"}, {"britain", "london"},
			{"egypt", "cairo"}, {"greece", "athens"}, {"canada", "ottawa"}, {"australia", "canberra"},
			{"india", "delhi"}, {"iran", "tehran"}, {"iraq", "baghdad"}, {"afghanistan", "kabul"},
			{"pakistan", "islamabad"}, {"turkey", "ankara"}, {"poland", "warsaw"}, {"ukraine", "kiev"},
			{"austria", "vienna"}, {"ireland", "dublin"}, {"portugal", "lisbon"}, {"sweden", "stockholm"},
			{"norway", "oslo"}, {"netherlands", "amsterdam"}, {"belgium", "brussels"}, {"cuba", "havana"},
			{"thailand", "bangkok"}, {"vietnam", "hanoi"}, {"korea", "seoul"}, {"indonesia", "jakarta"},
			{"philippines", "manila"}, {"kenya", "nairobi"}, {"syria", "damascus"}, {"lebanon", "beirut"},
			{"peru", "lima"}, {"colombia", "bogota"}, {"venezuela", "caracas"}, {"hungary", "budapest"},
			{"denmark", "copenhagen"}, {"finland", "helsinki"}, {"serbia", "belgrade"}, {"brazil", "brasilia"},
			{"nigeria", "abuja"}, {"libya", "tripoli"}, {"sudan", "khartoum"}, {"jordan", "amman"},
			{"qatar", "doha"}, {"usa", "washington"},
		}},
		{"male", "female", []Pair{
			{"king", "queen"}, {"man", "woman"}, {"boy", "girl"}, {"father", "mother"},
			{"son", "daughter"}, {"brother", "sister"}, {"husband", "wife"}, {"he", "she"},
			{"his", "her"}, {"men", "women"}, {"prince", "princess"}, {"uncle", "aunt"},
			{"actor", "actress"}, {"mr", "mrs"}, {"gentleman", "lady"}, {"male", "female"},
			{"boys", "girls"}, {"kings", "queens"}, {"nephew", "niece"}, {"grandfather", "grandmother"},
			{"groom", "bride"}, {"sons", "daughters"}, {"brothers", "sisters"}, {"fathers", "mothers"},
		}},
		{"singular", "plural", []Pair{
			{"car", "cars"}, {"house", "houses"}, {"city", "cities"}, {"country", "countries"},
			{"child", "children"}, {"year", "years"}, {"day", "days"}, {"week", "weeks"},
			{"month", "months"}, {"dog", "dogs"}, {"book", "books"}, {"game", "games"},
			{"team", "teams"}, {"school", "schools"}, {"player", "players"}, {"state", "states"},
			{"company", "companies"}, {"government", "governments"}, {"word", "words"},
			{"family", "families"}, {"life", "lives"}, {"friend", "friends"}, {"student", "students"},
			{"church", "churches"},
		}},
	}
}

// Builtin returns the built-in groups, in the order country, capital,
// male, female, singular, plural.
func Builtin() []Group {
	var out []Group
	for _, f := range Pairs() {
		a := Group{Name: f.GroupA}
		b := Group{Name: f.GroupB}
		for _, p := range f.Pairs {
			a.Words = append(a.Words, p.A)
			b.Words = append(b.Words, p.B)
		}
		out = append(out, a, b)
	}
	return out
}

// Assignment maps words to group names in a stable order.
type Assignment struct {
	Words  []string          // in first-seen order
	Groups map[string]string // word → group ("" for none)
}

// Add assigns word to group unless the word already has an assignment.
func (a *Assignment) Add(word, group string) {
	if a.Groups == nil {
		a.Groups = map[string]string{}
	}
	if _, ok := a.Groups[word]; ok {
		return
	}
	a.Groups[word] = group
	a.Words = append(a.Words, word)
}

// Group returns the group of word ("" when it has none or is not listed).
func (a *Assignment) Group(word string) string { return a.Groups[word] }

// FromGroups assigns the words of groups in order (first group wins).
func FromGroups(groups []Group) *Assignment {
	a := &Assignment{Groups: map[string]string{}}
	for _, g := range groups {
		for _, w := range g.Words {
			a.Add(w, g.Name)
		}
	}
	return a
}

// ErrBadLine reports a malformed line of a word-group file, including a
// line too long to read (maxLineBytes or more with its line feed).
var ErrBadLine = errors.New("malformed word-group line")

// maxLineBytes is the longest line Parse reads, its line feed included.
const maxLineBytes = 1 << 20

// Parse reads a word-group file (see the package documentation).
func Parse(r io.Reader) (*Assignment, error) {
	a := &Assignment{Groups: map[string]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLineBytes)
	line := 1
	for ; sc.Scan(); line++ {
		raw := sc.Text()
		if line == 1 {
			raw = trimBOM(raw)
		}
		text := strings.TrimSpace(raw)
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if group, word, ok := strings.Cut(raw, "\t"); ok {
			group, word = strings.TrimSpace(group), strings.TrimSpace(word)
			if group == "" || word == "" {
				return nil, fmt.Errorf("%w %d: %q (want group<TAB>word)", ErrBadLine, line, text)
			}
			a.Add(word, group)
			continue
		}
		fields := strings.Fields(text)
		word := fields[0]
		group := strings.TrimSpace(strings.TrimPrefix(text, word))
		a.Add(word, group)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%w %d: too long (1 MiB or more)", ErrBadLine, line)
		}
		return nil, err
	}
	return a, nil
}

// trimBOM drops a UTF-8 byte-order mark (U+FEFF) from the start of the
// first line, so that a file saved with one reads as if it were absent:
// strings.TrimSpace keeps U+FEFF, which would otherwise join the first
// word or group, or hide a "#" comment. Elsewhere it is left as it is.
func trimBOM(first string) string { return strings.TrimPrefix(first, "\ufeff") }

// Name is the family's name, "GroupA-GroupB" (e.g. "country-capital").
func (f Family) Name() string { return f.GroupA + "-" + f.GroupB }

// FamilyNamed returns the built-in family called name (see Family.Name).
func FamilyNamed(name string) (Family, bool) {
	for _, f := range Pairs() {
		if f.Name() == name {
			return f, true
		}
	}
	return Family{}, false
}
