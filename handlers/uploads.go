package handlers

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// multipartSlack is room for the multipart framing and small text fields
// on top of the file limit.
const multipartSlack = 64 << 10

// maxFieldLen caps text fields of upload forms.
const maxFieldLen = 1024

// upload is a received multipart upload: its text fields and the staged
// file.
type upload struct {
	name     string
	filename string
	file     *store.Staged
}

// receive streams a multipart upload: the "file" part goes straight to a
// staged temporary file (hashed and size-checked on the way), the "name"
// part is read into memory. On any error nothing is left on disk.
func (s *Server) receive(c echo.Context) (up upload, err error) {
	req := c.Request()
	req.Body = http.MaxBytesReader(c.Response(), req.Body, s.maxUpload+multipartSlack)
	mr, err := req.MultipartReader()
	if err != nil {
		return upload{}, public(ErrBadRequest, "Expected a file upload (multipart/form-data).")
	}
	defer func() {
		if err != nil && up.file != nil {
			up.file.Discard()
			up.file = nil
		}
	}()
	for {
		part, perr := mr.NextPart()
		if perr == io.EOF {
			break
		}
		if perr != nil {
			return up, s.uploadReadError(perr)
		}
		switch part.FormName() {
		case "name":
			b, rerr := io.ReadAll(io.LimitReader(part, maxFieldLen+1))
			if rerr != nil {
				return up, s.uploadReadError(rerr)
			}
			if len(b) > maxFieldLen || !utf8.Valid(b) {
				return up, public(ErrBadRequest, "The name must be valid text of at most "+strconv.Itoa(maxFieldLen)+" bytes.")
			}
			up.name = string(b)
		case "file":
			if up.file != nil {
				return up, public(ErrBadRequest, "Upload one file at a time.")
			}
			if part.FileName() == "" {
				// A form submitted without choosing a file.
				if _, err := io.Copy(io.Discard, io.LimitReader(part, 1)); err != nil {
					return up, s.uploadReadError(err)
				}
				continue
			}
			up.filename = part.FileName()
			f, serr := s.st.Stage(part, s.maxUpload)
			if serr != nil {
				if errors.Is(serr, store.ErrEmptyUpload) {
					return up, public(store.ErrEmptyUpload, "The file is empty.")
				}
				return up, s.uploadReadError(serr)
			}
			up.file = f
		default:
			if _, err := io.Copy(io.Discard, io.LimitReader(part, maxFieldLen)); err != nil {
				return up, s.uploadReadError(err)
			}
		}
	}
	if up.file == nil {
		return up, public(ErrBadRequest, "Choose a file to upload.")
	}
	return up, nil
}

// uploadReadError classifies a failure while reading an upload.
func (s *Server) uploadReadError(err error) error {
	var mbe *http.MaxBytesError
	switch {
	case errors.Is(err, store.ErrTooLarge), errors.As(err, &mbe):
		return public(store.ErrTooLarge, s.tooLargeMessage())
	default:
		// The client went away or sent a broken body.
		return public(ErrBadRequest, "The upload was interrupted or is malformed. Please try again.")
	}
}

// decodedPerUploadByte bounds the decoded size of a gzip upload as a
// multiple of the upload limit: beyond it the file is treated as a gzip
// bomb (real text compresses 3–5×).
const decodedPerUploadByte = 8

// checkCorpus reads a staged corpus to the end, so that what would make a
// build fail is refused now with a 4xx: a damaged or truncated gzip
// stream, more decoded text than decodedPerUploadByte × the upload limit,
// UTF-16, NUL bytes, invalid UTF-8 (reported with its line) and text with
// no letter or digit at all.
func (s *Server) checkCorpus(f *store.Staged) error {
	raw, err := f.Open()
	if err != nil {
		return err
	}
	defer raw.Close()
	limit := s.maxUpload * decodedPerUploadByte
	err = corpus.Check(raw, corpus.ReadOptions{MaxBytes: limit})
	var textErr *corpus.TextError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, corpus.ErrTooLarge):
		return public(store.ErrTooLarge, fmt.Sprintf("The file decompresses to more than %s, %d times the upload limit; it looks like a gzip bomb. Upload the text in smaller parts.",
			views.Bytes(limit), decodedPerUploadByte))
	case errors.Is(err, corpus.ErrCorruptGzip):
		return public(err, "The file is gzip-compressed but its data is truncated or damaged, so it cannot be read to the end. Compress it again and upload it once more.")
	case errors.Is(err, corpus.ErrUTF16):
		return public(err, "The file is UTF-16 text. Save it as UTF-8 (for example with iconv -f UTF-16 -t UTF-8) and upload it again.")
	case errors.Is(err, corpus.ErrBinary):
		return public(err, "This does not look like a text file: it contains NUL bytes, which text never has. Corpora must be UTF-8 text (or gzip of it).")
	case errors.As(err, &textErr) && errors.Is(err, corpus.ErrInvalidUTF8):
		return public(corpus.ErrBinary, fmt.Sprintf("the file is not valid UTF-8 text: line %d has an invalid byte (0x%02X at byte %d of the file). Convert it to UTF-8 (for example with iconv -f LATIN1 -t UTF-8) and upload it again.",
			textErr.Line, textErr.Byte, textErr.Offset))
	case errors.Is(err, corpus.ErrEmptyCorpus):
		return public(err, "The file contains no letters or digits, only punctuation, symbols or spaces, so there are no words to count.")
	default:
		return err
	}
}

// uploadFormError shows the upload page (/corpora or /vectors) again
// after a refused upload: err's message in the upload form, which keeps
// the name sent, with err's status. Server errors go to the error page.
func (s *Server) uploadFormError(c echo.Context, up upload, err error) error {
	status, msg := s.resolve(err)
	if status >= 500 {
		return err
	}
	if c.Request().URL.Path == "/vectors" {
		vs, lerr := s.vectorRows(c)
		if lerr != nil {
			return lerr
		}
		return s.render(c, status, views.Vectors(views.VectorsData{Page: s.page(c, "Vector sets", views.SectionExplore),
			Vectors: vs, MaxUpload: s.maxUpload, Name: up.name, Error: msg}))
	}
	cs, lerr := s.corpusRows(c)
	if lerr != nil {
		return lerr
	}
	return s.render(c, status, views.Corpora(views.CorporaData{Page: s.page(c, "Corpora", views.SectionCorpora),
		Corpora: cs, MaxUpload: s.maxUpload, Name: up.name, Error: msg}))
}

func (s *Server) uploadCorpus(c echo.Context) error {
	up, err := s.receive(c)
	if err != nil {
		return s.uploadFormError(c, up, err)
	}
	if err := s.checkCorpus(up.file); err != nil {
		up.file.Discard()
		return s.uploadFormError(c, up, err)
	}
	corp, err := s.st.AddCorpus(ctx(c), store.NewCorpus{Name: up.name, Filename: up.filename}, up.file)
	if dup := (*store.DuplicateError)(nil); errors.As(err, &dup) {
		return c.Redirect(http.StatusSeeOther, "/corpora/"+strconv.FormatInt(dup.ID, 10)+"?duplicate=1")
	}
	if err != nil {
		return s.uploadFormError(c, up, err)
	}
	return c.Redirect(http.StatusSeeOther, "/corpora/"+strconv.FormatInt(corp.ID, 10))
}

func (s *Server) uploadVectors(c echo.Context) error {
	up, err := s.receive(c)
	if err != nil {
		return s.uploadFormError(c, up, err)
	}
	if up.file.Gzipped {
		up.file.Discard()
		return s.uploadFormError(c, up, public(vectors.ErrNotText, "Compressed vector files are not supported: please upload the uncompressed text file."))
	}
	r, err := up.file.Open()
	if err != nil {
		up.file.Discard()
		return err
	}
	info, err := vectors.ScanText(ctx(c), r)
	r.Close()
	if err != nil {
		up.file.Discard()
		if errors.Is(err, vectors.ErrNotText) {
			err = public(vectors.ErrNotText, "That file is not a word-vector text file ("+err.Error()+").")
		}
		return s.uploadFormError(c, up, err)
	}
	v, err := s.st.AddVectorSet(ctx(c), store.NewVectorSet{Name: up.name, Filename: up.filename,
		Source: store.SourceUpload, Count: info.Count, Dim: info.Dim}, up.file)
	if dup := (*store.DuplicateError)(nil); errors.As(err, &dup) {
		return c.Redirect(http.StatusSeeOther, "/vectors/"+strconv.FormatInt(dup.ID, 10)+"?duplicate=1")
	}
	if err != nil {
		return s.uploadFormError(c, up, err)
	}
	return c.Redirect(http.StatusSeeOther, "/vectors/"+strconv.FormatInt(v.ID, 10))
}
