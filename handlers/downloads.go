package handlers

// The one downloads convention of the dashboard. Every figure is served at
// an address ending in /plots/<what> (or, for a job's result, /plot) that
// takes ?format=png|svg|csv (default png) and ?download=1; the CSV holds
// the figure's rows. Every artefact (figures, their CSV rows, the vector
// files) goes out through sendArtefact, so all share:
//
//   - the file name rule of downloadName:
//     gloveboard-<what>-<owner>[-<param>…].<ext>, ASCII only;
//   - Content-Disposition: attachment with ?download=1 (and for files
//     that are only ever downloaded), inline otherwise, always with the
//     file name so that "Save as" proposes it;
//   - Cache-Control: "private, max-age=3600" for addresses versioned with
//     ?v= (they change with their content), "no-store" otherwise;
//   - the CSV-injection guard (internal/csvguard, through spreadsheetSafe)
//     on every cell of every CSV or TSV the server writes.

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/internal/csvguard"
)

// Content types of the artefacts.
const (
	ctypePNG = "image/png"
	ctypeSVG = "image/svg+xml"
	ctypeCSV = "text/csv; charset=utf-8"
	ctypeTSV = "text/tab-separated-values; charset=utf-8"
)

// maxNamePart is the most characters one part of a file name keeps.
const maxNamePart = 40

// corpusOwner, setOwner and runOwner name what an artefact belongs to in
// its file name: the kind and id (which make names distinct across
// corpora, vector sets and runs) and, when there is one, the name.
func corpusOwner(id int64, name string) string { return ownerPart("corpus", id, name) }
func setOwner(id int64, name string) string    { return ownerPart("set", id, name) }
func runOwner(id int64) string                 { return ownerPart("run", id, "") }

func ownerPart(kind string, id int64, name string) string {
	owner := kind + strconv.FormatInt(id, 10)
	if n, _ := slug(name); n != "" {
		owner += "-" + n
	}
	return owner
}

// downloadName is the file name of an artefact:
// gloveboard-<what>-<owner>[-<param>…].<ext>. what and owner are made by
// the server (ASCII); each param (a word typed by a user, a method, a
// range) keeps ASCII letters, digits, '_' and '-' lower-cased, other runs
// of characters become one '-', at most maxNamePart characters. A param
// that lost anything that way gets six hex digits of its SHA-256, so two
// words never share a file name ("Ice" and "ice", two Chinese words).
// The result is safe in a quoted Content-Disposition and on every file
// system.
func downloadName(what, owner, ext string, params ...string) string {
	var b strings.Builder
	b.WriteString("gloveboard-")
	b.WriteString(what)
	b.WriteString("-")
	b.WriteString(owner)
	for _, p := range params {
		s, lossy := slug(p)
		if lossy {
			sum := sha256.Sum256([]byte(p))
			if s != "" {
				s += "-"
			}
			s += hex.EncodeToString(sum[:3])
		}
		b.WriteString("-")
		b.WriteString(s)
	}
	b.WriteString(".")
	b.WriteString(ext)
	return b.String()
}

// slug is s as a file-name part (see downloadName) and whether anything
// was lost.
func slug(s string) (string, bool) {
	var b strings.Builder
	lossy, dash := false, false
	for _, r := range s {
		if b.Len() >= maxNamePart {
			lossy = true
			break
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
			lossy, dash = true, false
		case r == '-' && !dash:
			b.WriteRune(r)
			dash = true
		default:
			lossy = true
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.Trim(b.String(), "-")
	return out, lossy || len(out) != b.Len()
}

// spreadsheetSafe is a cell as the server writes it: a finite number (a
// negative value is data, not a formula) as it is, any other text through
// csvguard.Cell, which gives a cell that starts like a formula a leading
// apostrophe.
func spreadsheetSafe(cell string) string {
	if v, err := strconv.ParseFloat(cell, 64); err == nil && isFinite(v) {
		return cell
	}
	return csvguard.Cell(cell)
}

// writeCSV writes header and rows as CSV, every cell through
// spreadsheetSafe.
func writeCSV(dst io.Writer, header []string, rows [][]string) error {
	w := csv.NewWriter(dst)
	rec := make([]string, 0, len(header))
	for _, row := range append([][]string{header}, rows...) {
		rec = rec[:0]
		for _, cell := range row {
			rec = append(rec, spreadsheetSafe(cell))
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// wantsDownload reports whether the request asks for an attachment.
func wantsDownload(c echo.Context) bool { return c.QueryParam("download") != "" }

// artefactHeaders sets the headers every artefact shares (see the top of
// this file): its type, its file name name, attachment or inline, and
// caching.
func artefactHeaders(c echo.Context, ctype, name string, attach bool) {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, ctype)
	disp := "inline"
	if attach {
		disp = "attachment"
	}
	h.Set(echo.HeaderContentDisposition, disp+`; filename="`+name+`"`)
	if c.QueryParam("v") != "" {
		h.Set(echo.HeaderCacheControl, "private, max-age=3600")
	} else {
		h.Set(echo.HeaderCacheControl, "no-store")
	}
}

// sendArtefact writes body as an artefact.
func sendArtefact(c echo.Context, ctype, name string, attach bool, body []byte) error {
	artefactHeaders(c, ctype, name, attach)
	c.Response().WriteHeader(http.StatusOK)
	_, err := c.Response().Write(body)
	return err
}
