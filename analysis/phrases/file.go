package phrases

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// fileHeader is the first comment line of a model file.
const fileHeader = "# gloveboard phrases: pass, left, right, count, score (tab-separated); phrase = left_right"

// maxLineBytes bounds a line of a model file: two parts of at most a few
// joined tokens each.
const maxLineBytes = 1 << 16

// WriteTo writes the model as text, best first (see the package
// documentation for the format).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	write := func(s string) {
		k, _ := bw.WriteString(s)
		n += int64(k)
	}
	write(fileHeader + "\n")
	if m != nil && m.header != "" {
		write("# " + m.header + "\n")
	}
	var line []byte
	for _, p := range m.Phrases() {
		line = strconv.AppendInt(line[:0], int64(p.Pass), 10)
		line = append(line, '\t')
		line = append(line, p.Left...)
		line = append(line, '\t')
		line = append(line, p.Right...)
		line = append(line, '\t')
		line = strconv.AppendInt(line, p.Count, 10)
		line = append(line, '\t')
		line = strconv.AppendFloat(line, p.Score, 'g', -1, 64)
		line = append(line, '\n')
		k, _ := bw.Write(line)
		n += int64(k)
	}
	return n, bw.Flush()
}

// ReadModel reads a model written by WriteTo. Blank lines and lines
// starting with # are skipped; any other line must hold the five
// tab-separated fields. Errors wrap ErrBadModel and name the line.
func ReadModel(r io.Reader) (*Model, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxLineBytes)
	var list []Phrase
	lineNo := 0
	for sc.Scan() {
		lineNo++
		text := bytes.TrimSuffix(sc.Bytes(), []byte("\r"))
		if lineNo == 1 {
			text = bytes.TrimPrefix(text, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(text)) == 0 || text[0] == '#' {
			continue
		}
		p, err := parseLine(string(text))
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrBadModel, lineNo, err)
		}
		list = append(list, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %v", ErrBadModel, lineNo+1, err)
	}
	return NewModel(list)
}

// parseLine parses "pass left right count score".
func parseLine(line string) (Phrase, error) {
	f := strings.Split(line, "\t")
	if len(f) != 5 {
		return Phrase{}, fmt.Errorf("want 5 tab-separated fields (pass, left, right, count, score), got %d", len(f))
	}
	pass, err := strconv.Atoi(f[0])
	if err != nil {
		return Phrase{}, fmt.Errorf("pass %q is not an integer", clip(f[0]))
	}
	count, err := strconv.ParseInt(f[3], 10, 64)
	if err != nil {
		return Phrase{}, fmt.Errorf("count %q is not an integer", clip(f[3]))
	}
	score, err := strconv.ParseFloat(f[4], 64)
	if err != nil {
		return Phrase{}, fmt.Errorf("score %q is not a number", clip(f[4]))
	}
	p := Phrase{Text: f[1] + Joiner + f[2], Left: f[1], Right: f[2], Count: count, Score: score, Pass: pass}
	return p, checkPhrase(p)
}

// clip shortens a field for an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
