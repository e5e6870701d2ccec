package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// sniffSize is how much decoded text is inspected for binary content.
const sniffSize = 64 << 10

// ReadOptions configures NewReader.
type ReadOptions struct {
	// MaxBytes bounds the decoded size of the input; 0 means no bound.
	// Exceeding it yields ErrTooLarge.
	MaxBytes int64
}

// NewReader returns a reader of the decoded text of r: gzip is detected by
// its magic bytes and decompressed; UTF-16 and binary input are refused
// (ErrUTF16, ErrBinary; UTF-16 without a byte-order mark is recognised
// by its zero bytes and reported as a *TextError wrapping ErrUTF16 with
// its Likely byte order). Read errors from a damaged gzip stream wrap
// ErrCorruptGzip; going past opt.MaxBytes yields ErrTooLarge.
func NewReader(r io.Reader, opt ReadOptions) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic, err := br.Peek(2)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	var text io.Reader = br
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrCorruptGzip, err)
		}
		text = &gzipErrReader{r: zr}
	}
	if opt.MaxBytes > 0 {
		text = &limitReader{r: text, left: opt.MaxBytes, limit: opt.MaxBytes}
	}
	tb := bufio.NewReaderSize(text, sniffSize)
	head, err := tb.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	if len(head) >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == 0xfe && head[1] == 0xff)) {
		return nil, ErrUTF16
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		if enc, ok := guessUTF16(head); ok {
			return nil, &TextError{Err: ErrUTF16, Line: 1, Likely: enc}
		}
		return nil, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	return tb, nil
}

// gzipErrReader marks errors of the gzip decoder with ErrCorruptGzip.
type gzipErrReader struct{ r *gzip.Reader }

func (g *gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%w: %v", ErrCorruptGzip, err)
	}
	return n, err
}

// limitReader fails with ErrTooLarge once more than limit bytes are read.
type limitReader struct {
	r           io.Reader
	left, limit int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, fmt.Errorf("%w (%d bytes)", ErrTooLarge, l.limit)
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, fmt.Errorf("%w (%d bytes)", ErrTooLarge, l.limit)
	}
	return n, err
}
