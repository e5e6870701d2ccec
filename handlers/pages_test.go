package handlers_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestAboutListsEveryNotice: the About page carries the notice of every
// data file that ships (issue 12): the demo corpus and vectors, the
// evaluation sets and the Vietnamese corpus.
func TestAboutListsEveryNotice(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	rec := a.get("/about")
	if rec.Code != http.StatusOK {
		t.Fatalf("/about: %d", rec.Code)
	}
	body := rec.Body.String()
	for _, want := range []string{"Princeton University", "PDDL", "Google analogy", "Mikolov", "WS-353", "Mozilla Public Licence 2.0", "MPL-2.0-LICENSE", "Mozilla Public License Version 2.0"} {
		if !strings.Contains(body, want) {
			t.Errorf("the About page lacks %q", want)
		}
	}
}
