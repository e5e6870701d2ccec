package handlers

import (
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/vecscan"
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

// checkText rejects files that are clearly not text: NUL bytes or invalid
// UTF-8 in the first bytes (a rune cut at the end of the sample is fine).
func checkText(head []byte) bool {
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == 0 {
			return false
		}
		if r == utf8.RuneError && size == 1 {
			return len(head)-i < utf8.UTFMax && !utf8.FullRune(head[i:])
		}
		i += size
	}
	return true
}

// checkCorpus validates a staged corpus: a readable gzip stream of text,
// or text.
func checkCorpus(f *store.Staged) error {
	head := f.Head
	if f.Gzipped {
		r, err := f.Open()
		if err != nil {
			return err
		}
		defer r.Close()
		zr, err := gzip.NewReader(r)
		if err != nil {
			return public(ErrBadRequest, "The file starts like gzip but is not a valid gzip file.")
		}
		buf := make([]byte, 512)
		n, err := io.ReadFull(zr, buf)
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
			return public(ErrBadRequest, "The gzip file is damaged and cannot be decompressed.")
		}
		if n == 0 {
			return public(store.ErrEmptyUpload, "The gzip file contains no text.")
		}
		head = buf[:n]
	}
	if !checkText(head) {
		return public(ErrBadRequest, "This does not look like a text file: corpora must be UTF-8 text (or gzip of it).")
	}
	return nil
}

func (s *Server) uploadCorpus(c echo.Context) error {
	up, err := s.receive(c)
	if err != nil {
		return err
	}
	if err := checkCorpus(up.file); err != nil {
		up.file.Discard()
		return err
	}
	if prev, err := s.st.FindCorpusBySHA(ctx(c), up.file.SHA256); err == nil {
		up.file.Discard()
		return c.Redirect(http.StatusSeeOther, "/corpora/"+strconv.FormatInt(prev.ID, 10)+"?duplicate=1")
	} else if !errors.Is(err, store.ErrNotFound) {
		up.file.Discard()
		return err
	}
	corp, err := s.st.AddCorpus(ctx(c), store.NewCorpus{Name: up.name, Filename: up.filename}, up.file)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/corpora/"+strconv.FormatInt(corp.ID, 10))
}

func (s *Server) uploadVectors(c echo.Context) error {
	up, err := s.receive(c)
	if err != nil {
		return err
	}
	if up.file.Gzipped {
		up.file.Discard()
		return public(vecscan.ErrFormat, "Compressed vector files are not supported: please upload the uncompressed text file.")
	}
	r, err := up.file.Open()
	if err != nil {
		up.file.Discard()
		return err
	}
	info, err := vecscan.Scan(r)
	r.Close()
	if err != nil {
		up.file.Discard()
		if errors.Is(err, vecscan.ErrFormat) {
			return public(vecscan.ErrFormat, "That file is not a word-vector text file ("+err.Error()+").")
		}
		return err
	}
	if prev, err := s.st.FindVectorSetBySHA(ctx(c), up.file.SHA256); err == nil {
		up.file.Discard()
		return c.Redirect(http.StatusSeeOther, "/vectors/"+strconv.FormatInt(prev.ID, 10)+"?duplicate=1")
	} else if !errors.Is(err, store.ErrNotFound) {
		up.file.Discard()
		return err
	}
	v, err := s.st.AddVectorSet(ctx(c), store.NewVectorSet{Name: up.name, Filename: up.filename,
		Source: store.SourceUpload, Count: info.Count, Dim: info.Dim}, up.file)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/vectors/"+strconv.FormatInt(v.ID, 10))
}
