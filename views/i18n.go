package views

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Lang is an interface language, as a BCP 47 base tag ("en", "vi").
type Lang string

// The interface languages.
const (
	English    Lang = "en"
	Vietnamese Lang = "vi"
)

// Languages returns the interface languages, the default first.
func Languages() []Lang { return []Lang{English, Vietnamese} }

// Name returns the language's name in itself, as the language switch
// shows it ("English", "Tiếng Việt").
func (l Lang) Name() string {
	if l == Vietnamese {
		return "Tiếng Việt"
	}
	return "English"
}

// Locale is what a page needs to speak one language: the catalogue of its
// strings, the translations of the messages produced below the web layer
// and its number format. A Locale is immutable once built, so one value
// serves every request of its language.
//
// Catalogue strings are fmt formats. Their verbs are %s (numbers are
// formatted by the caller with Int, Fixed, Sig, Percent or Bytes, so that
// they follow the language's convention) and %d for identifiers such as
// run numbers, which are never grouped. A translation may reorder its
// arguments with explicit indexes (%[2]s).
type Locale struct {
	lang     Lang
	strings  map[string]string
	messages []messagePattern  // longest literal first
	names    map[string]string // names of the shipped demo data → translation
	// namePatterns are the formats of names the application makes
	// ("Run %d · %s · %dd"), from the entries of names with verbs.
	namePatterns []messagePattern
	// pseudo marks every catalogue string with ⟦ ⟧ (English text). Tests
	// render pages with it to find text that did not come from the
	// catalogue.
	pseudo bool
	// group and decimal are the number separators: "," and "." in
	// English (1,234.5); "." and "," in Vietnamese (1.234,5), as TCVN and
	// CLDR write numbers for Vietnamese.
	group, decimal byte
}

// NewLocale returns the locale of lang; an unknown lang gives English.
func NewLocale(lang Lang) Locale {
	if lang == Vietnamese {
		return Locale{lang: Vietnamese, strings: catalogueVI(), messages: compileMessages(messagesVI()),
			names: namesVI(), namePatterns: compileMessages(nameFormats(namesVI())), group: '.', decimal: ','}
	}
	return Locale{lang: English, strings: catalogueEN(), group: ',', decimal: '.'}
}

// PseudoLocale returns an English locale that wraps every string it
// translates in ⟦ and ⟧. A page rendered with it shows, outside those
// marks, only data (words, names, numbers): any other text on it was
// written into a template or handler instead of the catalogue.
func PseudoLocale() Locale {
	l := NewLocale(English)
	l.pseudo = true
	identity := make(map[string]string)
	for format := range messagesVI() {
		identity[format] = format
	}
	l.messages = compileMessages(identity)
	return l
}

// Lang returns the locale's language.
func (l Locale) Lang() Lang {
	if l.lang == "" {
		return English
	}
	return l.lang
}

// T returns the catalogue string of key formatted with args. A key the
// catalogue lacks is returned as it is (the catalogue tests keep that
// from reaching users).
func (l Locale) T(key string, args ...any) string {
	if l.strings == nil {
		l = NewLocale(English)
	}
	format, ok := l.strings[key]
	if !ok {
		return key
	}
	s := format
	if len(args) > 0 {
		s = fmt.Sprintf(format, args...)
	}
	if l.pseudo {
		return "⟦" + s + "⟧"
	}
	return s
}

// Message translates a message written in English below the web layer
// (a user-facing error, a job's progress or failure): the message is
// matched against the known English formats and re-rendered with the
// translation, its arguments (names, numbers) carried over as they were
// written. A message no format matches is returned unchanged.
//
// An unquoted argument that is itself a known message is translated too
// (a field label such as "The window" in a parser's message, or the
// progress message after "run 12: "), so that messages made of a format
// and such parts need no format for every combination.
func (l Locale) Message(english string) string {
	s, ok := l.message(english, 0)
	if ok && l.pseudo {
		return "⟦" + s + "⟧"
	}
	return s
}

// maxMessageDepth bounds how deep messages nest in arguments, and
// minNestedLiteral keeps formats of (almost) nothing but verbs from
// translating arguments.
const (
	maxMessageDepth  = 3
	minNestedLiteral = 3
)

// message translates english, reporting whether a format matched; depth
// counts the arguments it is nested in.
func (l Locale) message(english string, depth int) (string, bool) {
	for _, m := range l.messages {
		if depth > 0 && m.literal < minNestedLiteral {
			break // sorted by literal: only catch-alls remain
		}
		args := m.re.FindStringSubmatch(english)
		if args == nil {
			continue
		}
		args = args[1:]
		for i, a := range args {
			// Numbers the message wrote get the language's separators;
			// quoted input stays as the user typed it.
			switch {
			case m.quoted[i]:
			case numberRE.MatchString(a):
				args[i] = l.localize(a)
			case depth < maxMessageDepth && strings.ContainsAny(a, " -"):
				// Only phrases: a single word is a corpus word or a
				// name more often than a message ("done").
				args[i], _ = l.message(a, depth+1)
			}
		}
		return m.render(args), true
	}
	return english, false
}

// Name returns how the locale shows the name of a corpus or vector set:
// the names of the demo data gloveboard ships are translated ("WordNet
// glosses (demo)"); names people gave are data and stay as they are.
//
// Names the application makes from a format (a trained run's vector set,
// "Run 3 · WordNet glosses (demo) · 50d") are translated by their format,
// the names inside them in turn.
func (l Locale) Name(name string) string {
	if tr, ok := l.names[name]; ok {
		return tr
	}
	for _, m := range l.namePatterns {
		args := m.re.FindStringSubmatch(name)
		if args == nil {
			continue
		}
		args = args[1:]
		for i, a := range args {
			if len(a) < len(name) {
				args[i] = l.Name(a)
			}
		}
		return m.render(args)
	}
	return name
}

// nameFormats returns the entries of names that are formats.
func nameFormats(names map[string]string) map[string]string {
	formats := make(map[string]string)
	for en, tr := range names {
		if verbRE.MatchString(en) {
			formats[en] = tr
		}
	}
	return formats
}

// Strings returns the catalogue strings whose keys start with prefix, for
// page scripts: the layout puts those under "js." into the page as JSON,
// where static/app.js reads them (gloveboard.t).
func (l Locale) Strings(prefix string) map[string]string {
	sub := make(map[string]string)
	for k := range l.strings {
		if strings.HasPrefix(k, prefix) {
			sub[k] = l.T(k)
		}
	}
	return sub
}

// The number formats below are those of the package functions Count,
// CountF, Fixed, Sig, Sci, Percent and Bytes, written with the language's
// separators. English and Vietnamese write numbers with the same digits
// and exponents; they differ in the separators only.

// Int formats an integer with group separators: 1,470,521 or 1.470.521.
func (l Locale) Int(n int64) string { return l.localize(Count(n)) }

// CountF formats a count held in a float64 (CountF).
func (l Locale) CountF(v float64) string { return l.localize(CountF(v)) }

// Fixed formats v with d decimals (Fixed): 0.125 or 0,125.
func (l Locale) Fixed(v float64, d int) string { return l.localize(Fixed(v, d)) }

// Sig formats v with 3 significant digits (Sig): 0.0123 or 0,0123.
func (l Locale) Sig(v float64) string { return l.localize(Sig(v)) }

// Sci formats v as m×10ⁿ (Sci): 1.9×10⁻⁴ or 1,9×10⁻⁴.
func (l Locale) Sci(v float64) string { return l.localize(Sci(v)) }

// Percent formats a fraction in [0, 1] as a whole percentage (Percent).
func (l Locale) Percent(f float64) string { return l.localize(Percent(f)) }

// Bytes formats a byte count in binary units (Bytes): 2.9 MiB or 2,9 MiB.
func (l Locale) Bytes(n int64) string { return l.localize(Bytes(n)) }

// DecimalComma reports whether the language writes a decimal comma
// (plots' tick labels follow it: plot.Output.DecimalComma).
func (l Locale) DecimalComma() bool { return l.decimal == ',' }

// localize swaps the English separators of a formatted number for the
// language's.
func (l Locale) localize(s string) string {
	if l.decimal == 0 || l.decimal == '.' {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		switch c {
		case ',':
			b[i] = l.group
		case '.':
			b[i] = l.decimal
		}
	}
	return string(b)
}

// langHref is the language switch's link to path in lang.
func langHref(lang Lang, path string) string {
	if path == "" {
		path = "/"
	}
	return "/lang/" + string(lang) + "?next=" + url.QueryEscape(path)
}

// The context carries the request's locale to templ components.
type localeKey struct{}

// WithLocale returns ctx carrying l; components rendered with it speak l.
func WithLocale(ctx context.Context, l Locale) context.Context {
	return context.WithValue(ctx, localeKey{}, l)
}

// LocaleFrom returns the locale ctx carries, English when none.
func LocaleFrom(ctx context.Context) Locale {
	if l, ok := ctx.Value(localeKey{}).(Locale); ok {
		return l
	}
	return NewLocale(English)
}

// T is Locale.T for templ components: { T(ctx, "nav.home") }.
func T(ctx context.Context, key string, args ...any) string { return LocaleFrom(ctx).T(key, args...) }

// Loc is LocaleFrom for templ components, short for use in expressions:
// { Loc(ctx).Sig(r.Ratio) }.
func Loc(ctx context.Context) Locale { return LocaleFrom(ctx) }

// DataName is Locale.Name for templ components: the name of a corpus or
// vector set as ctx's language shows it.
func DataName(ctx context.Context, name string) string { return LocaleFrom(ctx).Name(name) }

// Msg translates a message from below the web layer (Locale.Message).
func Msg(ctx context.Context, english string) string { return LocaleFrom(ctx).Message(english) }

// messagePattern matches messages made from one English format and
// renders them with its translation.
type messagePattern struct {
	re      *regexp.Regexp
	pieces  []string // translation literals, len(refs)+1
	refs    []int    // argument index of each verb of the translation
	literal int      // literal characters of the English format (for ordering)
	// quoted marks the arguments the English format quotes (%q, or a verb
	// right after a quotation mark): what a user typed, repeated as typed.
	quoted []bool
}

// numberRE matches a number as English messages write it: 1,234.5, 0.05,
// -3, 1e-07, with the units Bytes, Percent and rates add: 2.9 MiB, 13%,
// 1.2M.
var numberRE = regexp.MustCompile(`^-?(?:\d{1,3}(?:,\d{3})*|\d+)(?:\.\d+)?(?:e[-+]?\d+)?(?: [KMGTPE]iB| B|%|[kM])?$`)

// verbRE finds fmt verbs with an optional explicit index and flags.
var verbRE = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

// compileMessages builds the patterns of formats (English → translation),
// longest literal text first so that the most specific format wins.
// It panics on a translation that refers to an argument its English
// format lacks: the catalogue tests find that before any user does.
func compileMessages(formats map[string]string) []messagePattern {
	out := make([]messagePattern, 0, len(formats))
	for en, tr := range formats {
		var re strings.Builder
		re.WriteString("^")
		last, nargs, literal := 0, 0, 0
		var quotes []bool
		for _, loc := range verbRE.FindAllStringIndex(en, -1) {
			re.WriteString(regexp.QuoteMeta(en[last:loc[0]]))
			literal += loc[0] - last
			if en[loc[1]-1] == '%' {
				re.WriteString("%")
			} else {
				re.WriteString("(.+?)")
				nargs++
				before := en[:loc[0]]
				quotes = append(quotes, en[loc[1]-1] == 'q' || strings.HasSuffix(before, "“") ||
					strings.HasSuffix(before, "\"") || strings.HasSuffix(before, "'") || strings.HasSuffix(before, "‘"))
			}
			last = loc[1]
		}
		re.WriteString(regexp.QuoteMeta(en[last:]))
		literal += len(en) - last
		re.WriteString("$")
		p := messagePattern{re: regexp.MustCompile(re.String()), literal: literal, quoted: quotes}
		var piece strings.Builder
		last, next := 0, 0
		for _, m := range verbRE.FindAllStringSubmatchIndex(tr, -1) {
			piece.WriteString(tr[last:m[0]])
			last = m[1]
			if tr[m[1]-1] == '%' {
				piece.WriteByte('%')
				continue
			}
			idx := next
			if m[2] >= 0 {
				n, _ := strconv.Atoi(tr[m[2]:m[3]])
				idx = n - 1
			}
			if idx < 0 || idx >= nargs {
				panic(fmt.Sprintf("views: translation %q refers to argument %d of %q", tr, idx+1, en))
			}
			p.pieces = append(p.pieces, piece.String())
			piece.Reset()
			p.refs = append(p.refs, idx)
			next = idx + 1
		}
		piece.WriteString(tr[last:])
		p.pieces = append(p.pieces, piece.String())
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].literal != out[j].literal {
			return out[i].literal > out[j].literal
		}
		return out[i].re.String() < out[j].re.String()
	})
	return out
}

// render writes the translation with the matched arguments.
func (p messagePattern) render(args []string) string {
	var b strings.Builder
	for i, ref := range p.refs {
		b.WriteString(p.pieces[i])
		b.WriteString(args[ref])
	}
	b.WriteString(p.pieces[len(p.pieces)-1])
	return b.String()
}
