// Package static holds the dashboard's stylesheet and the vendored htmx
// script, embedded so that the binary is self-contained.
package static

import "embed"

// FS contains style.css and htmx.min.js (htmx 2.0.11, 0BSD, see
// htmx.LICENSE).
//
//go:embed style.css app.js autocomplete.js model.js mapview.js mapview-controls.js htmx.min.js htmx.LICENSE favicon.svg
var FS embed.FS
