package views

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/a-h/templ"
)

// richT renders the catalogue string key, in the locale of the context it
// is rendered with, with args of which some are markup: an argument that
// is a templ.Component (notation such as X<sub>ik</sub>, a link, a badge)
// is rendered in place, any other is written as escaped text. A translation may move its arguments
// (%[2]s), so the markup follows its argument wherever the language puts
// it. The catalogue string itself is escaped like any text.
//
// Sentences of the ratio and word pages mix words of the corpus, numbers
// and notation; without this they would be cut into untranslatable
// pieces. Catalogue strings rendered with it use %s (or %[n]s) only.
func richT(key string, args ...any) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		// Each argument is replaced by a marker no catalogue string or
		// argument contains (U+001A SUBSTITUTE), then the formatted
		// string is split at the markers.
		markers := make([]any, len(args))
		for n := range args {
			markers[n] = "\x1a" + strconv.Itoa(n) + "\x1a"
		}
		loc := LocaleFrom(ctx)
		s := loc.T(key, markers...)
		if loc.pseudo {
			// The pseudo locale marks each piece of catalogue text
			// between the arguments instead of the whole, so that a
			// piece after markup is still seen as catalogue text.
			s = strings.TrimSuffix(strings.TrimPrefix(s, "⟦"), "⟧")
		}
		text := func(piece string) error {
			if loc.pseudo && strings.TrimSpace(piece) != "" {
				piece = "⟦" + piece + "⟧"
			}
			_, err := io.WriteString(w, templ.EscapeString(piece))
			return err
		}
		last := 0
		for _, m := range richMarker.FindAllStringSubmatchIndex(s, -1) {
			if err := text(s[last:m[0]]); err != nil {
				return err
			}
			last = m[1]
			n, _ := strconv.Atoi(s[m[2]:m[3]])
			if err := writeRichArg(ctx, w, args[n]); err != nil {
				return err
			}
		}
		return text(s[last:])
	})
}

var richMarker = regexp.MustCompile("\x1a([0-9]+)\x1a")

func writeRichArg(ctx context.Context, w io.Writer, arg any) error {
	switch a := arg.(type) {
	case templ.Component:
		return a.Render(ctx, w)
	case string:
		_, err := io.WriteString(w, templ.EscapeString(a))
		return err
	default:
		_, err := io.WriteString(w, templ.EscapeString(fmt.Sprint(a)))
		return err
	}
}
