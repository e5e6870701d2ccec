// Package csvguard keeps text cells of the CSV and TSV files the server
// writes from being run as formulas when a spreadsheet opens them (CSV or
// formula injection): a word such as =HYPERLINK(…), +1+2, -2+3 or
// @SUM(…) from an uploaded corpus or vector file would otherwise be
// evaluated by Excel, LibreOffice or Google Sheets.
//
// The rule is OWASP's: a cell whose first character starts a formula (=,
// +, -, @), or is a tab, carriage return or line feed, gets a leading
// apostrophe, which spreadsheets take as "text" and do not show. The
// full-width forms (＝ ＋ － ＠), which some spreadsheets in East Asian
// locales treat like the ASCII ones, are guarded too. Cells that cannot
// start a formula are returned unchanged, so every ordinary word
// round-trips. Guard text cells only: numbers the server formats itself
// (a negative count, -0.5) are not formulas and must stay numbers.
package csvguard
