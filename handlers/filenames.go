package handlers

// The file names of artefacts (the naming half of the downloads
// convention in downloads.go): who an artefact belongs to, the one naming
// rule downloadName, and the Content-Disposition header that carries the
// name in ASCII and, when needed, in UTF-8.

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxNamePart is the most characters one part of a file name keeps.
const maxNamePart = 40

// fileOwner is what an artefact belongs to, as its file name says it:
// slug in the ASCII name, name in the UTF-8 one (filename*).
type fileOwner struct {
	slug, name string
}

// corpusOwner, setOwner and runOwner name what an artefact belongs to:
// a corpus or vector set by its name (transliterated to ASCII: "Tiếng
// Việt" is tieng-viet), a run by its number and its corpus's name. A
// name with nothing left in ASCII (日本) falls back to the kind and id.
func corpusOwner(id int64, name string) fileOwner { return ownerOf("corpus", id, name) }
func setOwner(id int64, name string) fileOwner    { return ownerOf("set", id, name) }
func runOwner(id int64, corpusName string) fileOwner {
	run := "run" + strconv.FormatInt(id, 10)
	o := fileOwner{slug: run, name: run}
	if n := transliterate(corpusName); n != "" {
		o.slug += "-" + n
	}
	if n := safeUTF8(corpusName); n != "" {
		o.name += "-" + n
	}
	return o
}

func ownerOf(kind string, id int64, name string) fileOwner {
	o := fileOwner{slug: transliterate(name), name: safeUTF8(name)}
	if o.slug == "" {
		o.slug = kind + strconv.FormatInt(id, 10)
	}
	if o.name == "" {
		o.name = o.slug
	}
	return o
}

// fileName is an artefact's file name: ASCII (filename=) and, when it
// differs, UTF-8 (filename*=).
type fileName struct {
	ascii, utf8 string
}

// downloadName is the file name of an artefact, the one naming rule of
// every download: gloveboard-<owner>-<what>[-<param>…].<ext>, e.g.
// gloveboard-demo-tsne-1000-seed1.png, gloveboard-news-ratio-king-queen.png,
// gloveboard-news-zipf.png, gloveboard-run7-news-loss.png. what is made
// by the server (ASCII); the owner is a transliterated name (fileOwner);
// each param (a word typed by a user, a method, a range) is transliterated
// and keeps ASCII letters, digits, '_' and '-' lower-cased, other runs of
// characters become one '-', at most maxNamePart characters. A param that
// lost anything that way gets six hex digits of its SHA-256, so two words
// never share a file name ("Ice" and "ice", two Chinese words). The ASCII
// name is safe in a quoted Content-Disposition and on every file system;
// the UTF-8 one keeps the names and words as typed (without separators
// or control characters).
func downloadName(owner fileOwner, what, ext string, params ...string) fileName {
	var a, u strings.Builder
	a.WriteString("gloveboard-" + owner.slug + "-" + what)
	u.WriteString("gloveboard-" + owner.name + "-" + what)
	for _, p := range params {
		sl, lossy := slug(p)
		if lossy {
			sum := sha256.Sum256([]byte(p))
			if sl != "" {
				sl += "-"
			}
			sl += hex.EncodeToString(sum[:3])
		}
		a.WriteString("-" + sl)
		if w := safeUTF8(p); w != "" {
			u.WriteString("-" + w)
		} else {
			u.WriteString("-" + sl)
		}
	}
	a.WriteString("." + ext)
	u.WriteString("." + ext)
	return fileName{ascii: a.String(), utf8: u.String()}
}

// transliterate is s in ASCII for a file name: diacritics dropped (NFD,
// then no combining marks; đ is d), lower case, other characters as '-'
// (see slug), "" when nothing is left.
func transliterate(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	out, _ := slug(b.String())
	return out
}

// safeUTF8 is s for the UTF-8 file name: NFC, spaces and characters that
// separate paths or break headers (/ \ " ; control characters) as '-',
// at most maxNamePart characters, trimmed of '-'.
func safeUTF8(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range norm.NFC.String(s) {
		if n == maxNamePart {
			break
		}
		if unicode.IsControl(r) || unicode.IsSpace(r) || strings.ContainsRune(`/\"';:*?<>|`, r) || r == utf8.RuneError {
			r = '-'
		}
		b.WriteRune(r)
		n++
	}
	return strings.Trim(b.String(), "-")
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

// contentDisposition is the header of an artefact named name: filename=
// with the ASCII name and, when the UTF-8 name differs, filename*= with
// it percent-encoded (RFC 6266, RFC 8187).
func contentDisposition(disp string, name fileName) string {
	h := disp + `; filename="` + name.ascii + `"`
	if name.utf8 != "" && name.utf8 != name.ascii {
		h += "; filename*=UTF-8''" + percentEncode(name.utf8)
	}
	return h
}

// percentEncode encodes s as RFC 8187's value-chars: attr-chars as they
// are, every other byte as %XX.
func percentEncode(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}
