package glove

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

func checkpointBytes(t *testing.T, tr *Trainer) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := tr.WriteCheckpoint(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadCheckpointRejectsDamage(t *testing.T) {
	tr := newTestTrainer(t, zipfEntries(2000, 100, 1), 100, smallOptions(2, 1))
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	good := checkpointBytes(t, tr)
	if _, err := ReadCheckpoint(bytes.NewReader(good)); err != nil {
		t.Fatalf("intact checkpoint: %v", err)
	}
	flip := func(at int) []byte {
		b := append([]byte(nil), good...)
		b[at] ^= 0x10
		return b
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"foreign file", []byte("word 0.1 0.2 0.3\nother 0.4 0.5 0.6\n")},
		{"truncated header", good[:20]},
		{"truncated parameters", good[:len(good)/2]},
		{"missing checksum", good[:len(good)-4]},
		{"flipped parameter bit", flip(len(good) / 2)},
		{"flipped last byte", flip(len(good) - 1)},
		{"bad version", flip(len(CheckpointMagic))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCheckpoint(bytes.NewReader(tc.data))
			if !errors.Is(err, ErrBadCheckpoint) {
				t.Fatalf("got %v, want an error wrapping ErrBadCheckpoint", err)
			}
		})
	}
}

func TestResumeRejectsOtherData(t *testing.T) {
	entries := zipfEntries(2000, 100, 1)
	tr := newTestTrainer(t, entries, 100, smallOptions(1, 1))
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	data := checkpointBytes(t, tr)
	changed := append(entries[:0:0], entries...)
	changed[17].Value++
	tests := []struct {
		name    string
		entries []cooccur.Entry
		vocab   int
		modify  func(*Options)
		want    error
	}{
		{"same data", entries, 100, nil, nil},
		{"one count changed", changed, 100, nil, ErrCheckpointMismatch},
		{"fewer nonzeros", entries[1:], 100, nil, ErrCheckpointMismatch},
		{"other vocabulary size", entries, 101, nil, ErrCheckpointMismatch},
		{"other vector size", entries, 100, func(o *Options) { o.VectorSize = 9 }, ErrCheckpointMismatch},
		{"invalid eta", entries, 100, func(o *Options) { o.Eta = -1 }, ErrInvalidOptions},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ck, err := ReadCheckpoint(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if tc.modify != nil {
				tc.modify(&ck.Options)
			}
			_, err = Resume(tc.entries, tc.vocab, ck)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

func TestCheckpointKeepsOptionsAndHistory(t *testing.T) {
	opt := smallOptions(3, 1)
	opt.XMax, opt.Alpha, opt.Eta, opt.BiasEta, opt.GradClip, opt.Seed = 30, 0.6, 0.02, 0.5, 7, 99
	tr := newTestTrainer(t, zipfEntries(2000, 100, 2), 100, opt)
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	ck, err := ReadCheckpoint(bytes.NewReader(checkpointBytes(t, tr)))
	if err != nil {
		t.Fatal(err)
	}
	got := ck.Options
	if got.VectorSize != opt.VectorSize || got.Epochs != opt.Epochs || got.XMax != opt.XMax || got.Alpha != opt.Alpha ||
		got.Eta != opt.Eta || got.BiasEta != opt.BiasEta || got.GradClip != opt.GradClip || got.Seed != opt.Seed || got.Workers != opt.Workers {
		t.Errorf("options came back as %+v, want %+v", got, opt)
	}
	want := tr.History()
	if len(ck.History) != len(want) {
		t.Fatalf("history has %d rows, want %d", len(ck.History), len(want))
	}
	for i := range want {
		if ck.History[i] != want[i] {
			t.Errorf("history row %d: %+v, want %+v", i, ck.History[i], want[i])
		}
	}
}

// TestCheckpointEpoch reads the epoch and options from the header alone:
// a checkpoint whose parameters are cut off still answers, a foreign or
// truncated header does not.
func TestCheckpointEpoch(t *testing.T) {
	opt := smallOptions(3, 1)
	tr := newTestTrainer(t, zipfEntries(2000, 100, 1), 100, opt)
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	good := checkpointBytes(t, tr)
	for _, data := range [][]byte{good, good[:len(good)/2]} {
		got, epoch, err := CheckpointEpoch(bytes.NewReader(data))
		if err != nil || epoch != 3 || got.VectorSize != opt.VectorSize || got.Epochs != opt.Epochs || got.Seed != opt.Seed || got.Eta != opt.Eta {
			t.Errorf("CheckpointEpoch of %d bytes = %+v, %d, %v; want epoch 3 and %+v", len(data), got, epoch, err, opt)
		}
	}
	for _, data := range [][]byte{nil, []byte("GLOVECKP"), good[:20], []byte("not a checkpoint at all, just text")} {
		if _, _, err := CheckpointEpoch(bytes.NewReader(data)); !errors.Is(err, ErrBadCheckpoint) {
			t.Errorf("CheckpointEpoch(%q…) = %v, want ErrBadCheckpoint", data[:min(len(data), 12)], err)
		}
	}
}
