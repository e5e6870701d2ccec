package csvguard

import (
	"strings"
	"unicode/utf8"
)

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (or, for the control characters, that some readers
// skip before looking for one).
const formulaStarts = "=+-@\t\r\n＝＋－＠"

// Cell returns s, with a leading apostrophe when its first character could
// start a formula.
func Cell(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if s != "" && r != utf8.RuneError && strings.ContainsRune(formulaStarts, r) {
		return "'" + s
	}
	return s
}
