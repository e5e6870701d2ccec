package runs

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/store"
)

// runArtefacts returns the bytes of run id's vector set file and model.
func runArtefacts(t *testing.T, st *store.Store, id int64, res Results) (vecs, model []byte) {
	t.Helper()
	v, err := st.VectorSet(context.Background(), res.VectorSetID)
	if err != nil {
		t.Fatal(err)
	}
	if vecs, err = os.ReadFile(v.Path); err != nil {
		t.Fatal(err)
	}
	dir, err := st.RunDir(id)
	if err != nil {
		t.Fatal(err)
	}
	if model, err = os.ReadFile(filepath.Join(dir, ModelFile)); err != nil {
		t.Fatal(err)
	}
	return vecs, model
}

// TestResumeIsBitIdentical cancels a run of 10 epochs (one thread, seed
// 7) after epoch 3, resumes it from its checkpoint as the service does
// (store.ResumeRun, then Execute with Resume) and compares its saved
// vectors and model byte for byte with a run that was never stopped; the
// loss curve goes on in the same run, one point an epoch.
func TestResumeIsBitIdentical(t *testing.T) {
	for _, tc := range []struct {
		name   string
		memory int64 // 0: nonzeros in memory; else streamed from disk
	}{{"in memory", 0}, {"streamed", 640}} {
		t.Run(tc.name, func(t *testing.T) {
			st, _ := tinyBuild(t, store.Options{})
			ctx := context.Background()
			p := DefaultParams()
			p.VectorSize, p.Epochs, p.XMax, p.Threads, p.Seed = 8, 10, 10, 1, 7
			dir := st.CorpusBuildDir(1)
			train := func(id int64, runCtx context.Context, progress func(float64, string), resume bool) (Results, error) {
				return Execute(runCtx, Training{Store: st, RunID: id, Params: p, BuildDir: dir, MemoryBytes: tc.memory,
					TempDir: t.TempDir(), Progress: progress, Resume: resume})
			}

			whole, _, err := st.CreateRun(ctx, "train", 1, p.Encode())
			if err != nil {
				t.Fatal(err)
			}
			wholeRes, err := train(whole.ID, ctx, nil, false)
			if err != nil {
				t.Fatal(err)
			}
			if streamed := wholeRes.InMemoryNonzeros > 0; streamed != (tc.memory > 0) {
				t.Fatalf("streamed = %v (%d nonzeros in memory) with a bound of %d bytes", streamed, wholeRes.InMemoryNonzeros, tc.memory)
			}

			stopped, job, err := st.CreateRun(ctx, "train", 1, p.Encode())
			if err != nil {
				t.Fatal(err)
			}
			cctx, cancel := context.WithCancel(ctx)
			_, err = train(stopped.ID, cctx, func(_ float64, msg string) {
				if strings.HasPrefix(msg, "epoch 3 of 10") {
					cancel()
				}
			}, false)
			cancel()
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled run ended with %v", err)
			}
			runDir, _ := st.RunDir(stopped.ID)
			if !Resumable(runDir) {
				t.Fatal("no checkpoint after a cancelled run")
			}
			at, err := CheckpointEpoch(runDir)
			if err != nil || at != 3 { // checkpoints of this size are written every epoch
				t.Fatalf("checkpoint at epoch %d (%v), want 3", at, err)
			}
			if _, err := st.ResumeRun(ctx, stopped.ID, job.ID, "train", at); err != nil {
				t.Fatal(err)
			}
			res, err := train(stopped.ID, ctx, nil, true)
			if err != nil {
				t.Fatal(err)
			}
			if res.Epochs != 10 || res.FinalCost != wholeRes.FinalCost {
				t.Errorf("resumed run: %d epochs, final cost %v; uninterrupted: %d, %v", res.Epochs, res.FinalCost, wholeRes.Epochs, wholeRes.FinalCost)
			}
			gotV, gotM := runArtefacts(t, st, stopped.ID, res)
			wantV, wantM := runArtefacts(t, st, whole.ID, wholeRes)
			if !bytes.Equal(gotV, wantV) || !bytes.Equal(gotM, wantM) {
				t.Errorf("resumed run's vectors (%d bytes) or model (%d bytes) differ from the uninterrupted run's (%d, %d)",
					len(gotV), len(gotM), len(wantV), len(wantM))
			}
			loss, err := st.Loss(ctx, stopped.ID)
			if err != nil {
				t.Fatal(err)
			}
			wantLoss, _ := st.Loss(ctx, whole.ID)
			if len(loss) != 10 {
				t.Fatalf("resumed run has %d loss points, want 10", len(loss))
			}
			for i, l := range loss {
				if l.Epoch != i+1 || l.Cost != wantLoss[i].Cost {
					t.Errorf("loss point %d: epoch %d cost %v, want epoch %d cost %v", i, l.Epoch, l.Cost, i+1, wantLoss[i].Cost)
				}
				if i > 0 && l.Seconds < loss[i-1].Seconds {
					t.Errorf("loss point %d: %v s after %v s", i, l.Seconds, loss[i-1].Seconds)
				}
			}
		})
	}
}

// TestResumeWithoutCheckpoint: a run directory without a checkpoint is
// not resumable and Execute says so; a damaged one is unusable.
func TestResumeWithoutCheckpoint(t *testing.T) {
	st, _ := tinyBuild(t, store.Options{})
	ctx := context.Background()
	p := DefaultParams()
	p.VectorSize, p.Epochs, p.XMax, p.Threads = 8, 3, 10, 1
	run, _, err := st.CreateRun(ctx, "train", 1, p.Encode())
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := st.RunDir(run.ID)
	if Resumable(dir) {
		t.Error("an empty run directory is resumable")
	}
	_, err = Execute(ctx, Training{Store: st, RunID: run.ID, Params: p, BuildDir: st.CorpusBuildDir(1), Resume: true})
	if !errors.Is(err, ErrNoCheckpoint) {
		t.Errorf("resume without checkpoint: %v, want ErrNoCheckpoint", err)
	}
	if err := os.WriteFile(filepath.Join(dir, CheckpointFile), []byte("GLOVECKP and then nonsense"), 0o644); err != nil {
		t.Fatal(err)
	}
	if Resumable(dir) {
		t.Error("a file starting like a checkpoint but damaged is resumable")
	}
	if _, err := CheckpointEpoch(dir); !errors.Is(err, ErrCheckpointUnusable) {
		t.Errorf("damaged checkpoint: %v, want ErrCheckpointUnusable", err)
	}
}

// TestExecuteSVD computes a small SVD-PPMI run: its vector set has the
// vocabulary and dimension asked for, no loss is recorded, and a vector
// size above the vocabulary is refused.
func TestExecuteSVD(t *testing.T) {
	st, b := tinyBuild(t, store.Options{})
	ctx := context.Background()
	p := Params{CorpusID: 1, Model: ModelSVDPPMI, VectorSize: 4, Power: 0.5, Seed: 1}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	run, _, err := st.CreateRun(ctx, "svd-ppmi", 1, p.Encode())
	if err != nil {
		t.Fatal(err)
	}
	res, err := ExecuteSVD(ctx, SVDTraining{Store: st, RunID: run.ID, Params: p, Build: b})
	if err != nil {
		t.Fatal(err)
	}
	v, err := st.VectorSet(ctx, res.VectorSetID)
	if err != nil || v.Count != b.Vocab.Len() || v.Dim != 4 {
		t.Fatalf("vector set %+v %v", v, err)
	}
	if loss, _ := st.Loss(ctx, run.ID); len(loss) != 0 {
		t.Errorf("an SVD run recorded %d loss points", len(loss))
	}
	p.VectorSize = b.Vocab.Len() + 1
	if _, err := ExecuteSVD(ctx, SVDTraining{Store: st, RunID: run.ID, Params: p, Build: b}); !errors.Is(err, ErrSVDTooLarge) {
		t.Errorf("d above the vocabulary: %v", err)
	}
}
