package handlers

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// multipartSlack is room for the multipart framing and small text fields
// on top of the file limit.
const multipartSlack = 64 << 10

// maxFieldLen caps text fields of upload forms.
const maxFieldLen = 1024

// upload is a received multipart upload: its text fields and the staged
// file (two for a Projector pair: vectors.tsv and metadata.tsv).
type upload struct {
	name     string
	filename string
	file     *store.Staged
	// second is the other file of a two-file upload (a "metadata" field,
	// or a second "file"), with its name; nil for one file.
	second     *store.Staged
	secondName string
	// replaceInvalid is the corpus form's "replace invalid bytes and
	// continue" checkbox.
	replaceInvalid bool
}

// discard removes the staged files not yet added.
func (up *upload) discard() {
	for _, f := range []*store.Staged{up.file, up.second} {
		if f != nil {
			f.Discard()
		}
	}
	up.file, up.second = nil, nil
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
		if err != nil {
			up.discard()
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
		case "file", "metadata":
			if up.second != nil {
				return up, public(ErrBadRequest, "Upload one file at a time (or the two files of a Projector pair).")
			}
			if part.FileName() == "" {
				// A form submitted without choosing a file.
				if _, err := io.Copy(io.Discard, io.LimitReader(part, 1)); err != nil {
					return up, s.uploadReadError(err)
				}
				continue
			}
			f, serr := s.st.Stage(part, s.maxUpload)
			if serr != nil {
				if errors.Is(serr, store.ErrEmptyUpload) {
					return up, public(store.ErrEmptyUpload, "The file is empty.")
				}
				return up, s.uploadReadError(serr)
			}
			if up.file == nil {
				up.file, up.filename = f, part.FileName()
			} else {
				up.second, up.secondName = f, part.FileName()
			}
		case "replace_invalid":
			b, rerr := io.ReadAll(io.LimitReader(part, maxFieldLen))
			if rerr != nil {
				return up, s.uploadReadError(rerr)
			}
			up.replaceInvalid = len(b) > 0 && string(b) != "0" && string(b) != "false"
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
	case store.IsDiskFull(err):
		// The staging file could not take the bytes: say so (507), not
		// "interrupted"; Stage has removed what it had written.
		return s.st.DiskFullError(err)
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
//
// With replaceInvalid (the form's "replace invalid bytes and continue")
// invalid UTF-8 is accepted: the build replaces those bytes and reports
// how many on the corpus page.
func (s *Server) checkCorpus(f *store.Staged, replaceInvalid bool) error {
	raw, err := f.Open()
	if err != nil {
		return err
	}
	defer raw.Close()
	limit := s.maxUpload * decodedPerUploadByte
	if replaceInvalid {
		_, err = corpus.CheckReplacing(raw, corpus.ReadOptions{MaxBytes: limit})
	} else {
		err = corpus.Check(raw, corpus.ReadOptions{MaxBytes: limit})
	}
	var textErr *corpus.TextError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, corpus.ErrTooLarge):
		return public(store.ErrTooLarge, fmt.Sprintf("The file decompresses to more than %s, %d times the upload limit; it looks like a gzip bomb. Upload the text in smaller parts.",
			views.Bytes(limit), decodedPerUploadByte))
	case errors.Is(err, corpus.ErrCorruptGzip):
		return public(err, "The file is gzip-compressed but its data is truncated or damaged, so it cannot be read to the end. Compress it again and upload it once more.")
	case errors.As(err, &textErr) && errors.Is(err, corpus.ErrUTF16):
		return public(err, fmt.Sprintf("The file is %v text without a byte-order mark. Save it as UTF-8 (for example with %s < file > file-utf8.txt) and upload it again.",
			textErr.Likely, textErr.Likely.Iconv()))
	case errors.Is(err, corpus.ErrUTF16):
		return public(err, "The file is UTF-16 text. Save it as UTF-8 (for example with iconv -f UTF-16 -t UTF-8) and upload it again.")
	case errors.Is(err, corpus.ErrBinary):
		return public(err, "This does not look like a text file: it contains NUL bytes, which text never has. Corpora must be UTF-8 text (or gzip of it).")
	case errors.As(err, &textErr) && errors.Is(err, corpus.ErrInvalidUTF8):
		return public(corpus.ErrBinary, invalidUTF8Message(textErr))
	case errors.Is(err, corpus.ErrEmptyCorpus):
		return public(err, "The file contains no letters or digits, only punctuation, symbols or spaces, so there are no words to count.")
	default:
		return err
	}
}

// invalidUTF8Message says where a corpus stops being UTF-8, which
// encoding it is likely in and the command that converts it, and points
// to the form's "replace invalid bytes and continue".
func invalidUTF8Message(e *corpus.TextError) string {
	where := fmt.Sprintf("The file is not valid UTF-8 text: line %d has an invalid byte (0x%02X at byte %d of the file).", e.Line, e.Byte, e.Offset)
	fix := "Convert it to UTF-8 (find its encoding with file -i, then iconv -f THAT-ENCODING -t UTF-8)"
	if cmd := e.Likely.Iconv(); cmd != "" {
		where += fmt.Sprintf(" Its bytes look like %v.", e.Likely)
		fix = fmt.Sprintf("Convert it to UTF-8 with %s < file > file-utf8.txt", cmd)
	}
	return where + " " + fix + " and upload it again, or tick “replace invalid bytes and continue” to upload it as it is: the build then replaces such bytes and says how many."
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
	return s.render(c, status, views.Corpora(views.CorporaData{Page: s.page(c, locale(c).T("corpus.list.title"), views.SectionCorpora),
		Corpora: cs, MaxUpload: s.maxUpload, Name: up.name, Error: msg}))
}

func (s *Server) uploadCorpus(c echo.Context) error {
	up, err := s.receive(c)
	if err != nil {
		return s.uploadFormError(c, up, err)
	}
	if up.second != nil {
		up.discard()
		return s.uploadFormError(c, up, public(ErrBadRequest, "Upload one corpus file at a time."))
	}
	if err := s.checkCorpus(up.file, up.replaceInvalid); err != nil {
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
	file, count, dim, err := s.vectorFile(c, &up)
	if err != nil {
		up.discard()
		return s.uploadFormError(c, up, err)
	}
	if prev, err := s.st.FindVectorSetBySHA(ctx(c), file.SHA256); err == nil {
		file.Discard()
		return c.Redirect(http.StatusSeeOther, "/vectors/"+strconv.FormatInt(prev.ID, 10)+"?duplicate=1")
	} else if !errors.Is(err, store.ErrNotFound) {
		file.Discard()
		return err
	}
	// The lookup above is a fast path; two identical uploads at once
	// (a double click) are told apart inside AddVectorSet's transaction.
	v, err := s.st.AddVectorSet(ctx(c), store.NewVectorSet{Name: up.name, Filename: up.filename,
		Source: store.SourceUpload, Count: count, Dim: dim}, file)
	if dup := (*store.DuplicateError)(nil); errors.As(err, &dup) {
		return c.Redirect(http.StatusSeeOther, "/vectors/"+strconv.FormatInt(dup.ID, 10)+"?duplicate=1")
	}
	if err != nil {
		return s.uploadFormError(c, up, err)
	}
	return c.Redirect(http.StatusSeeOther, "/vectors/"+strconv.FormatInt(v.ID, 10))
}

// vectorFile checks an uploaded vector file and returns the staged text
// file to add, with its rows and dimension. Plain text (GloVe, or
// word2vec with its "n d" header) is checked as it streams
// (vectors.ScanText) and kept as uploaded; word2vec binary, gzip of any
// format and a Projector pair (vectors.tsv with metadata.tsv) are read
// whole (vectors.ReadUpload, vectors.ReadProjector) and stored as GloVe
// text, so every stored vector set has one format. up's files are
// consumed (the returned file is a new one when converted).
func (s *Server) vectorFile(c echo.Context, up *upload) (*store.Staged, int, int, error) {
	if up.second != nil {
		return s.convertVectors(c, up, func(r io.Reader) (*vectors.Set, error) {
			return s.readProjector(c, up, r)
		})
	}
	if up.file.Gzipped || vectors.SniffBinary(up.file.Head) {
		return s.convertVectors(c, up, func(r io.Reader) (*vectors.Set, error) {
			set, _, err := vectors.ReadUpload(ctx(c), r, vectors.UploadOptions{MaxDecoded: s.maxUpload * decodedPerUploadByte})
			return set, err
		})
	}
	if vectors.LooksLikeProjectorVectors(up.file.Head) {
		return nil, 0, 0, public(vectors.ErrNotText, "This looks like the vectors.tsv of a TensorFlow Projector pair: its rows hold numbers only. Choose it together with its metadata.tsv (the words) and upload both at once.")
	}
	r, err := up.file.Open()
	if err != nil {
		return nil, 0, 0, err
	}
	info, err := vectors.ScanText(ctx(c), r)
	r.Close()
	if err != nil {
		if errors.Is(err, vectors.ErrNotText) {
			err = public(vectors.ErrNotText, "That file is not a word-vector text file ("+err.Error()+").")
		}
		return nil, 0, 0, err
	}
	f := up.file
	up.file = nil
	return f, info.Count, info.Dim, nil
}

// readProjector reads the Projector pair of up: the file whose head looks
// like rows of numbers is vectors.tsv, the other metadata.tsv.
func (s *Server) readProjector(c echo.Context, up *upload, first io.Reader) (*vectors.Set, error) {
	second, err := up.second.Open()
	if err != nil {
		return nil, err
	}
	defer second.Close()
	vec, meta := first, io.Reader(second)
	if !vectors.LooksLikeProjectorVectors(up.file.Head) && vectors.LooksLikeProjectorVectors(up.second.Head) {
		vec, meta = meta, vec
	}
	return vectors.ReadProjector(ctx(c), vec, meta)
}

// convertVectors reads up's file with read and stages the set as GloVe
// text. Read errors get their message here.
func (s *Server) convertVectors(c echo.Context, up *upload, read func(io.Reader) (*vectors.Set, error)) (*store.Staged, int, int, error) {
	r, err := up.file.Open()
	if err != nil {
		return nil, 0, 0, err
	}
	set, err := read(r)
	r.Close()
	switch {
	case errors.Is(err, vectors.ErrTooLarge):
		return nil, 0, 0, public(store.ErrTooLarge, fmt.Sprintf("The file decompresses to more than %s, %d times the upload limit; it looks like a gzip bomb. Upload the vectors in smaller parts.",
			views.Bytes(s.maxUpload*decodedPerUploadByte), decodedPerUploadByte))
	case err != nil && apperr.CodeOf(err) == apperr.Internal && !store.IsDiskFull(err) && isVectorDataError(err):
		return nil, 0, 0, public(err, "This vector file could not be read: "+err.Error()+".")
	case err != nil:
		return nil, 0, 0, err
	}
	stg, err := s.st.NewStaging(0)
	if err != nil {
		return nil, 0, 0, err
	}
	defer stg.Discard()
	bw := bufio.NewWriterSize(stg, 1<<20)
	if err := vectors.WriteText(bw, set, false); err != nil {
		return nil, 0, 0, err
	}
	if err := bw.Flush(); err != nil {
		return nil, 0, 0, err
	}
	f, err := stg.Finish()
	if err != nil {
		return nil, 0, 0, err
	}
	up.discard()
	return f, set.Len(), set.Dim(), nil
}

// isVectorDataError reports whether err is one of the vector readers'
// data errors (the file's fault, told to the user with its line).
func isVectorDataError(err error) bool {
	for _, sentinel := range []error{vectors.ErrNotText, vectors.ErrNotNumber, vectors.ErrRaggedRow, vectors.ErrEmpty,
		vectors.ErrBlankLine, vectors.ErrHeaderMismatch, vectors.ErrTruncated, vectors.ErrDuplicateWord, vectors.ErrNonFinite} {
		if errors.Is(err, sentinel) {
			return true
		}
	}
	return false
}
