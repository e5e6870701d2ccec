package glove

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"time"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// CheckpointMagic starts every checkpoint file; the version follows it.
const CheckpointMagic = "GLOVECKP"

const checkpointVersion = 2 // 2: the data checksum is order-free (nonzeroHash)

// Checkpoint is a saved training state, read by ReadCheckpoint and turned
// back into a Trainer by Resume. Options, Epoch and History are exported
// so a caller can inspect them and change Options (more Epochs, other
// Workers, a Progress callback, even another Eta) before resuming.
type Checkpoint struct {
	Options Options
	Epoch   int
	History []EpochStats

	vocabSize, nnz int
	checksum       uint64
	rng            []byte
	rows           []float32 // 2·vocabSize rows of 2(d+1) floats, no padding
}

// checkpointHeader is the fixed-size part of the file, little-endian.
type checkpointHeader struct {
	VocabSize, NNZ, Checksum             uint64
	VectorSize, Epochs, Workers, Seed    uint64
	XMax, Alpha, Eta, BiasEta, GradClip  float64
	Epoch, HistoryLen, RNGLen, RowFloats uint64
}

type checkpointEpoch struct {
	Epoch             uint64
	Cost              float64
	ElapsedNanos      int64
	NonzerosPerSecond float64
}

// WriteCheckpoint saves the training state to w in a little-endian
// binary format ending with a CRC-32: options, epoch, cost history, the
// generator state, and every parameter with its AdaGrad accumulator.
func (t *Trainer) WriteCheckpoint(w io.Writer) error {
	rng, err := t.pcg.MarshalBinary()
	if err != nil {
		return fmt.Errorf("glove: saving generator state: %w", err)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	crc := crc32.NewIEEE()
	out := io.MultiWriter(bw, crc)
	rowFloats := 2 * (t.lay.dim + 1)
	o := t.opt
	hdr := checkpointHeader{
		VocabSize: uint64(t.vocabSize), NNZ: uint64(t.nnz), Checksum: t.checksum,
		VectorSize: uint64(o.VectorSize), Epochs: uint64(o.Epochs), Workers: uint64(o.Workers), Seed: o.Seed,
		XMax: o.XMax, Alpha: o.Alpha, Eta: o.Eta, BiasEta: o.BiasEta, GradClip: o.GradClip,
		Epoch: uint64(t.epoch), HistoryLen: uint64(len(t.history)), RNGLen: uint64(len(rng)), RowFloats: uint64(rowFloats),
	}
	io.WriteString(out, CheckpointMagic)
	binary.Write(out, binary.LittleEndian, uint32(checkpointVersion))
	binary.Write(out, binary.LittleEndian, &hdr)
	for _, h := range t.history {
		binary.Write(out, binary.LittleEndian, checkpointEpoch{uint64(h.Epoch), h.Cost, int64(h.Elapsed), h.NonzerosPerSecond})
	}
	out.Write(rng)
	buf := make([]byte, 4*rowFloats)
	for r := 0; r < 2*t.vocabSize; r++ {
		row := t.params[r*t.lay.stride : r*t.lay.stride+rowFloats]
		for k, v := range row {
			binary.LittleEndian.PutUint32(buf[4*k:], math.Float32bits(v))
		}
		out.Write(buf)
	}
	binary.Write(bw, binary.LittleEndian, crc.Sum32())
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("glove: writing checkpoint: %w", err)
	}
	return nil
}

// ReadCheckpoint reads a checkpoint written by WriteCheckpoint. A
// truncated, corrupt or foreign file is an error wrapping
// ErrBadCheckpoint.
func ReadCheckpoint(r io.Reader) (*Checkpoint, error) {
	crc := crc32.NewIEEE()
	in := io.TeeReader(bufio.NewReaderSize(r, 1<<20), crc)
	hdr, err := readCheckpointHeader(in)
	if err != nil {
		return nil, err
	}
	c := &Checkpoint{
		Options:   hdr.options(),
		Epoch:     int(hdr.Epoch),
		vocabSize: int(hdr.VocabSize),
		nnz:       int(hdr.NNZ),
		checksum:  hdr.Checksum,
		rng:       make([]byte, hdr.RNGLen),
	}
	for range hdr.HistoryLen {
		var h checkpointEpoch
		if err := binary.Read(in, binary.LittleEndian, &h); err != nil {
			return nil, shortCheckpoint("cost history", err)
		}
		c.History = append(c.History, EpochStats{Epoch: int(h.Epoch), Cost: h.Cost, Elapsed: time.Duration(h.ElapsedNanos), NonzerosPerSecond: h.NonzerosPerSecond})
	}
	if _, err := io.ReadFull(in, c.rng); err != nil {
		return nil, shortCheckpoint("generator state", err)
	}
	// Grow the parameters as they are read rather than trusting the
	// header's size, so a corrupt header cannot demand terabytes.
	buf := make([]byte, 4*hdr.RowFloats)
	for range 2 * hdr.VocabSize {
		if _, err := io.ReadFull(in, buf); err != nil {
			return nil, shortCheckpoint("parameters", err)
		}
		for k := range buf[:len(buf)/4] {
			c.rows = append(c.rows, math.Float32frombits(binary.LittleEndian.Uint32(buf[4*k:])))
		}
	}
	want := crc.Sum32()
	var got uint32
	if err := binary.Read(in, binary.LittleEndian, &got); err != nil {
		return nil, shortCheckpoint("checksum", err)
	}
	if got != want {
		return nil, badCheckpoint("CRC-32 is %08x, contents hash to %08x (file corrupted)", got, want)
	}
	return c, nil
}

// CheckpointEpoch reads the header of a checkpoint written by
// WriteCheckpoint and returns its options and the number of epochs it
// holds, without reading (or checking) the rest of the file: a cheap look
// at a checkpoint that ReadCheckpoint reads in full. A foreign or
// implausible header is an error wrapping ErrBadCheckpoint.
func CheckpointEpoch(r io.Reader) (Options, int, error) {
	hdr, err := readCheckpointHeader(bufio.NewReader(r))
	if err != nil {
		return Options{}, 0, err
	}
	return hdr.options(), int(hdr.Epoch), nil
}

// options are the training options a checkpoint header records.
func (hdr checkpointHeader) options() Options {
	return Options{
		VectorSize: int(hdr.VectorSize), Epochs: int(hdr.Epochs), Workers: int(hdr.Workers), Seed: hdr.Seed,
		XMax: hdr.XMax, Alpha: hdr.Alpha, Eta: hdr.Eta, BiasEta: hdr.BiasEta, GradClip: hdr.GradClip,
	}
}

// badCheckpoint is an error wrapping ErrBadCheckpoint.
func badCheckpoint(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadCheckpoint, fmt.Sprintf(format, args...))
}

// shortCheckpoint is the error of a failed read of what: a truncated
// file is a bad checkpoint, other errors are the reader's.
func shortCheckpoint(what string, err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return badCheckpoint("file ends inside the %s (truncated?)", what)
	}
	return fmt.Errorf("glove: reading checkpoint %s: %w", what, err)
}

// readCheckpointHeader reads and checks the magic number, version and
// header of a checkpoint from in.
func readCheckpointHeader(in io.Reader) (checkpointHeader, error) {
	var hdr checkpointHeader
	magic := make([]byte, len(CheckpointMagic))
	if _, err := io.ReadFull(in, magic); err != nil {
		return hdr, shortCheckpoint("magic number", err)
	}
	if string(magic) != CheckpointMagic {
		return hdr, badCheckpoint("not a gloveboard checkpoint (starts with %q)", magic)
	}
	var version uint32
	if err := binary.Read(in, binary.LittleEndian, &version); err != nil {
		return hdr, shortCheckpoint("version", err)
	}
	if version == 1 {
		return hdr, badCheckpoint("version 1 (written before block streaming) checks its data with a checksum this build no longer computes; train again")
	}
	if version != checkpointVersion {
		return hdr, badCheckpoint("version %d, this build reads version %d", version, checkpointVersion)
	}
	if err := binary.Read(in, binary.LittleEndian, &hdr); err != nil {
		return hdr, shortCheckpoint("header", err)
	}
	const maxRows = 1 << 31
	switch {
	case hdr.VectorSize < 1 || hdr.VectorSize > MaxVectorSize || hdr.RowFloats != 2*(hdr.VectorSize+1):
		return hdr, badCheckpoint("vector size %d with %d floats per row", hdr.VectorSize, hdr.RowFloats)
	case hdr.VocabSize < 1 || hdr.VocabSize > maxRows || hdr.VocabSize*hdr.RowFloats > 1<<36:
		return hdr, badCheckpoint("implausible vocabulary size %d", hdr.VocabSize)
	case hdr.HistoryLen != hdr.Epoch || hdr.Epoch > 1<<20 || hdr.RNGLen > 1024:
		return hdr, badCheckpoint("implausible epoch count %d / history %d / generator state %d bytes", hdr.Epoch, hdr.HistoryLen, hdr.RNGLen)
	}
	return hdr, nil
}

// Resume rebuilds a Trainer from a checkpoint and the entries it was
// trained on, with c.Options (which the caller may have changed: raise
// Epochs to train further). It fails with an error wrapping
// ErrCheckpointMismatch if the nonzeros, vocabulary size or vector size
// differ from the checkpoint's, and with ErrInvalidOptions as NewTrainer.
// The nonzeros are compared as a set (an order-free checksum): given in
// another order, they are accepted and training goes on in the order they
// shuffle to. With one worker and the same data in the same order,
// resuming gives bit-for-bit the run that never stopped.
func Resume(entries []cooccur.Entry, vocabSize int, c *Checkpoint) (*Trainer, error) {
	if err := c.precheck(vocabSize, int64(len(entries))); err != nil {
		return nil, err
	}
	t, err := newTrainerState(entries, vocabSize, c.Options)
	if err != nil {
		return nil, err
	}
	return t, t.restore(c)
}

// ResumeBin is Resume on a cooccurrence.bin stream, read (and streamed
// when c.Options.MemoryBytes asks) as by NewTrainerBin.
func ResumeBin(ctx context.Context, r io.Reader, size int64, vocabSize int, c *Checkpoint) (*Trainer, error) {
	if err := c.precheck(vocabSize, size/entryBytes); err != nil {
		return nil, err
	}
	t, err := newTrainerStateBin(ctx, r, size, vocabSize, c.Options)
	if err != nil {
		return nil, err
	}
	if err := t.restore(c); err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

// precheck compares the sizes of the data with the checkpoint's before
// any is read.
func (c *Checkpoint) precheck(vocabSize int, nnz int64) error {
	if vocabSize != c.vocabSize || nnz != int64(c.nnz) {
		return fmt.Errorf("%w: checkpoint has %d words and %d nonzeros, data has %d and %d",
			ErrCheckpointMismatch, c.vocabSize, c.nnz, vocabSize, nnz)
	}
	if 2*vocabSize*2*(c.Options.VectorSize+1) != len(c.rows) {
		return fmt.Errorf("%w: checkpoint holds vectors of size %d, options ask for %d",
			ErrCheckpointMismatch, len(c.rows)/(4*vocabSize)-1, c.Options.VectorSize)
	}
	return nil
}

// restore copies the checkpoint's state into a fresh trainer.
func (t *Trainer) restore(c *Checkpoint) error {
	if t.checksum != c.checksum {
		return fmt.Errorf("%w: the co-occurrence entries differ from those the checkpoint was trained on", ErrCheckpointMismatch)
	}
	if err := t.pcg.UnmarshalBinary(c.rng); err != nil {
		return fmt.Errorf("%w: generator state: %v", ErrBadCheckpoint, err)
	}
	rowFloats := 2 * (t.lay.dim + 1)
	for r := 0; r < 2*t.vocabSize; r++ {
		copy(t.params[r*t.lay.stride:r*t.lay.stride+rowFloats], c.rows[r*rowFloats:(r+1)*rowFloats])
	}
	t.epoch = c.Epoch
	t.history = append([]EpochStats(nil), c.History...)
	return nil
}
