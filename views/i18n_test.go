package views

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// verbs returns the argument verbs of a catalogue format as "index:verb",
// sorted, so that formats with reordered arguments compare equal.
func verbs(format string) []string {
	var out []string
	next := 0
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		verb := m[0][len(m[0])-1:]
		if verb == "%" {
			continue
		}
		idx := next
		if m[1] != "" {
			idx = int(m[1][0]-'0') - 1
		}
		out = append(out, string(rune('0'+idx))+":"+verb)
		next = idx + 1
	}
	sort.Strings(out)
	return out
}

func TestCatalogueKeysMatch(t *testing.T) {
	en, vi := catalogueEN(), catalogueVI()
	for k := range en {
		if _, ok := vi[k]; !ok {
			t.Errorf("key %q is in the English catalogue, not the Vietnamese", k)
		}
	}
	for k := range vi {
		if _, ok := en[k]; !ok {
			t.Errorf("key %q is in the Vietnamese catalogue, not the English", k)
		}
	}
	for k, e := range en {
		v, ok := vi[k]
		if !ok {
			continue
		}
		if got, want := strings.Join(verbs(v), " "), strings.Join(verbs(e), " "); got != want {
			t.Errorf("key %q: Vietnamese verbs %q, English %q", k, got, want)
		}
		if strings.TrimSpace(v) == "" || strings.TrimSpace(e) == "" {
			t.Errorf("key %q has an empty string", k)
		}
	}
}

// keyUse finds catalogue keys in sources: T(ctx, "key"), loc.T("key"),
// gloveboard.t("key") and keys written as string literals elsewhere
// ("corpus.kind.build" in a table).
var keyUse = regexp.MustCompile(`"((?:frame|corpus|ratio|word|train|explore|map|compare|messages|js)\.[A-Za-z0-9_.\-]+)"`)

// sourceKeys returns every catalogue-like key literal in the project's
// templates, Go files and page scripts, with the file it was found in.
func sourceKeys(t *testing.T) map[string]string {
	t.Helper()
	found := make(map[string]string)
	for _, pattern := range []string{"*.templ", "*.go", "../handlers/*.go", "../static/*.js"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_templ.go") || strings.HasSuffix(f, "_test.go") || strings.HasPrefix(filepath.Base(f), "catalogue_") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range keyUse.FindAllStringSubmatch(string(b), -1) {
				found[m[1]] = f
			}
		}
	}
	return found
}

// TestCatalogueCoversSources fails when a template, handler or script
// uses a key the catalogue lacks, and when a catalogue key is used
// nowhere (a key built at run time is written in full in a comment or
// table beside the code that builds it).
func TestCatalogueCoversSources(t *testing.T) {
	en := catalogueEN()
	used := sourceKeys(t)
	for k, f := range used {
		if _, ok := en[k]; !ok && !strings.HasSuffix(k, ".") {
			t.Errorf("%s uses key %q, which the catalogue lacks", f, k)
		}
	}
	for k := range en {
		if _, ok := used[k]; !ok {
			t.Errorf("catalogue key %q is used nowhere", k)
		}
	}
}

func TestLocaleNumbers(t *testing.T) {
	en, vi := NewLocale(English), NewLocale(Vietnamese)
	for _, tc := range []struct {
		name           string
		en, vi         func(Locale) string
		wantEN, wantVI string
	}{
		{name: "int", en: func(l Locale) string { return l.Int(1470521) }, wantEN: "1,470,521", wantVI: "1.470.521"},
		{name: "negative int", en: func(l Locale) string { return l.Int(-1234) }, wantEN: "-1,234", wantVI: "-1.234"},
		{name: "fixed", en: func(l Locale) string { return l.Fixed(1234.5, 2) }, wantEN: "1234.50", wantVI: "1234,50"},
		{name: "sig", en: func(l Locale) string { return l.Sig(0.0123456) }, wantEN: "0.0123", wantVI: "0,0123"},
		{name: "sci", en: func(l Locale) string { return l.Sci(1.9e-4) }, wantEN: "1.9×10⁻⁴", wantVI: "1,9×10⁻⁴"},
		{name: "count float", en: func(l Locale) string { return l.CountF(12345.5) }, wantEN: "12,345.50", wantVI: "12.345,50"},
		{name: "bytes", en: func(l Locale) string { return l.Bytes(3 << 20 / 2) }, wantEN: "1.5 MiB", wantVI: "1,5 MiB"},
		{name: "percent", en: func(l Locale) string { return l.Percent(0.125) }, wantEN: "13%", wantVI: "13%"},
		{name: "NaN", en: func(l Locale) string { return l.Fixed(nan(), 3) }, wantEN: "—", wantVI: "—"},
	} {
		if got := tc.en(en); got != tc.wantEN {
			t.Errorf("%s: English %q, want %q", tc.name, got, tc.wantEN)
		}
		if got := tc.en(vi); got != tc.wantVI {
			t.Errorf("%s: Vietnamese %q, want %q", tc.name, got, tc.wantVI)
		}
	}
}

func TestMessagePatterns(t *testing.T) {
	l := Locale{lang: Vietnamese, messages: compileMessages(map[string]string{
		"Corpus %d not found.":               "Không tìm thấy kho ngữ liệu %d.",
		"%s must be %s; “%s” is not.":        "%[1]s phải là %[2]s; “%[3]s” thì không.",
		"Lanczos SVD: %d of %d converged":    "SVD Lanczos: đã hội tụ %d trên %d",
		"%s":                                 "never chosen over a longer format",
		"Progress at 50%% of %s":             "Đạt 50%% của %s",
		"weighting the top %s words (%s)":    "đánh trọng số %[1]s từ đầu (%[2]s)",
		"η must be at most %s; “%s” is not.": "η tối đa là %s; “%s” thì không.",
	}), decimal: ',', group: '.'}
	for _, tc := range []struct{ in, want string }{
		{"Corpus 7 not found.", "Không tìm thấy kho ngữ liệu 7."},
		{"Epochs must be a whole number from 1 to 1,000; “abc” is not.", "Epochs phải là a whole number from 1 to 1,000; “abc” thì không."},
		{"Lanczos SVD: 3 of 50 converged", "SVD Lanczos: đã hội tụ 3 trên 50"},
		{"Progress at 50% of x", "Đạt 50% của x"},
		{"something else", "never chosen over a longer format"},
		{"weighting the top 5,000 words (ppmi)", "đánh trọng số 5.000 từ đầu (ppmi)"},
		{"η must be at most 0.5; “1.5” is not.", "η tối đa là 0,5; “1.5” thì không."},
	} {
		if got := l.Message(tc.in); got != tc.want {
			t.Errorf("Message(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got, want := NewLocale(English).Message("Corpus 7 not found."), "Corpus 7 not found."; got != want {
		t.Errorf("English Message = %q, want %q", got, want)
	}
}

func TestMessagesVICompile(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("messagesVI: %v", r)
		}
	}()
	compileMessages(messagesVI())
	for en, vi := range messagesVI() {
		if got, want := len(verbs(vi)), len(verbs(en)); got != want {
			t.Errorf("message %q: %d verbs in Vietnamese, %d in English", en, got, want)
		}
	}
}

func TestLocaleFromContext(t *testing.T) {
	ctx := WithLocale(context.Background(), NewLocale(Vietnamese))
	if got, want := T(ctx, "frame.nav.home"), "Trang chủ"; got != want {
		t.Errorf("T = %q, want %q", got, want)
	}
	if got, want := T(context.Background(), "frame.nav.home"), "Home"; got != want {
		t.Errorf("T without locale = %q, want %q", got, want)
	}
	if got, want := PseudoLocale().T("frame.nav.home"), "⟦Home⟧"; got != want {
		t.Errorf("pseudo T = %q, want %q", got, want)
	}
	if got, want := langHref(Vietnamese, "/ratio?a=ice&b=steam"), "/lang/vi?next=%2Fratio%3Fa%3Dice%26b%3Dsteam"; got != want {
		t.Errorf("langHref = %q, want %q", got, want)
	}
}

func nan() float64 { return math.NaN() }
