package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestWordConcordancePhrasesVietnamese builds the Vietnamese demo corpus
// with phrases and reads the word page of the phrase word văn_bản: its
// "In context" section shows lines, each with văn_bản once as the
// keyword, joined as the build joined it (issue 17: the concordance read
// the raw syllables and found nothing).
func TestWordConcordancePhrasesVietnamese(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	id := a.vietnameseDemo(t)
	page := fmt.Sprintf("/corpora/%d", id)
	if rec := a.postForm(page+"/build", phrasesForm); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)

	const word = "văn_bản"
	c := getWordExtras(t, a, "/api"+page+"/words/"+url.PathEscape(word)).Concordance
	// văn_bản occurs hundreds of times: the first 50 are shown.
	if len(c.Lines) != 50 || c.Complete {
		t.Errorf("%d lines (complete %v), want the first 50", len(c.Lines), c.Complete)
	}
	for _, l := range c.Lines {
		var keywords []string
		for i, tk := range l.Tokens {
			if tk.Role == "keyword" {
				keywords = append(keywords, tk.Text)
			}
			if i > 0 && l.Tokens[i-1].Text == "văn" && tk.Text == "bản" {
				t.Errorf("line %d: văn bản left unjoined", l.Line)
			}
		}
		if len(keywords) != 1 || keywords[0] != word {
			t.Errorf("line %d: keywords %q, want one %q", l.Line, keywords, word)
		}
	}

	rec := a.get(page + "/words/" + url.PathEscape(word))
	if rec.Code != http.StatusOK {
		t.Fatalf("word page = %d", rec.Code)
	}
	table := find(parse(t, rec.Body.String()), "table", "concordance-table")
	if table == nil {
		t.Fatalf("no concordance table on the word page of %s: %s", word, mainText(t, rec))
	}
	if rows := findAll(table, "tr"); len(rows) != len(c.Lines) {
		t.Errorf("page shows %d lines, API %d", len(rows), len(c.Lines))
	}
	var kws []string
	for _, span := range findAll(table, "span") {
		if attr(span, "class") == "kw" {
			kws = append(kws, text(span))
		}
	}
	if len(kws) != len(c.Lines) || len(kws) == 0 || strings.Trim(kws[0], " ") != word {
		t.Errorf("page keywords %q", kws)
	}
}
