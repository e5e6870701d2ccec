// Package runs carries out GloVe training runs for the dashboard: it checks
// the hyperparameters a user asked for, trains on a built corpus while
// recording the loss of every epoch in the store, saves the vectors as a
// vector set and the model in the run directory, and scores the result on
// the evaluation sets. The run's lifecycle (its record, job and status) is
// the application service's (internal/app).
package runs

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"

	"github.com/gloveboard/gloveboard/analysis/glove"
)

// Limits of the hyperparameters accepted from users. They are tighter than
// the glove package's: the dashboard trains in the background of a shared
// server.
const (
	MaxVectorSize = 1000
	MaxEpochs     = 1000
	MaxThreads    = 64
	// MaxAlpha bounds the weighting exponent α (from 0).
	MaxAlpha = 10.0
	// MaxEta bounds the learning rate η (above 0).
	MaxEta = 1e30
)

// The models a run can fit. Runs recorded before the SVD baseline have
// no model: they are GloVe runs.
const (
	ModelGloVe = "glove"
	// ModelSVDPPMI is the count-based baseline W = U_d Σ_d^p of the
	// corpus's PPMI matrix (analysis/svdembed): no epochs, no loss.
	ModelSVDPPMI = "svd-ppmi"
)

// Params are the hyperparameters of a run, as stored with it (JSON). An
// SVD-PPMI run uses VectorSize, Power and Seed (the start of the Lanczos
// iteration); the GloVe fields are zero.
type Params struct {
	CorpusID   int64  `json:"corpus_id"`
	CorpusName string `json:"corpus_name,omitempty"`
	// Model is ModelGloVe ("" in older runs) or ModelSVDPPMI.
	Model      string  `json:"model,omitempty"`
	VectorSize int     `json:"vector_size"`
	Epochs     int     `json:"epochs"`
	XMax       float64 `json:"x_max"`
	Alpha      float64 `json:"alpha"`
	Eta        float64 `json:"eta"`
	Threads    int     `json:"threads"`
	Seed       uint64  `json:"seed"`
	// Power is the eigenvalue weight p of an SVD-PPMI run (W = U_d Σ_d^p).
	Power float64 `json:"power,omitempty"`
	// Filled in when the run starts: the build's vocabulary, nonzeros and
	// context window (0 in runs recorded before it was kept).
	VocabSize int   `json:"vocab_size,omitempty"`
	NNZ       int64 `json:"nnz,omitempty"`
	Window    int   `json:"window,omitempty"`
}

// Encode returns p as stored with its run.
func (p Params) Encode() json.RawMessage {
	b, err := json.Marshal(p)
	if err != nil {
		panic("runs: encoding params: " + err.Error()) // plain numbers and strings
	}
	return b
}

// DecodeParams reads the params stored with a run.
func DecodeParams(raw json.RawMessage) (Params, error) {
	var p Params
	if err := json.Unmarshal(raw, &p); err != nil {
		return Params{}, fmt.Errorf("runs: stored params: %w", err)
	}
	return p, nil
}

// Encode returns r as stored with its run. Non-finite costs are stored as
// absent (JSON has no NaN).
func (r Results) Encode() (json.RawMessage, error) {
	if math.IsNaN(r.FinalCost) || math.IsInf(r.FinalCost, 0) {
		r.FinalCost = 0
	}
	return json.Marshal(r)
}

// DecodeResults reads the results stored with a run ({} before its job
// recorded any).
func DecodeResults(raw json.RawMessage) (Results, error) {
	var r Results
	if len(raw) == 0 {
		return r, nil
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return Results{}, fmt.Errorf("runs: stored results: %w", err)
	}
	return r, nil
}

// DefaultParams returns the Stanford defaults (d = 50, 15 epochs, x_max =
// 100, α = 0.75, η = 0.05, seed 1) with at most two threads.
func DefaultParams() Params {
	d := glove.DefaultOptions()
	return Params{Model: ModelGloVe, VectorSize: d.VectorSize, Epochs: d.Epochs, XMax: d.XMax, Alpha: d.Alpha, Eta: d.Eta,
		Threads: min(runtime.GOMAXPROCS(0), 2), Seed: 1}
}

// DefaultPower is the eigenvalue weight p of an SVD-PPMI run unless
// asked otherwise (the seed's W = U_d Σ_d^{1/2}).
const DefaultPower = 0.5

// MaxPower bounds p: beyond 1 the top directions swamp the others.
const MaxPower = 4.0

// SVDParams returns p as an SVD-PPMI run: its corpus, vector size, power
// and seed are kept, the GloVe hyperparameters cleared.
func (p Params) SVDParams() Params {
	return Params{CorpusID: p.CorpusID, CorpusName: p.CorpusName, Model: ModelSVDPPMI, VectorSize: p.VectorSize,
		Power: p.Power, Seed: p.Seed, VocabSize: p.VocabSize, NNZ: p.NNZ, Window: p.Window}
}

// IsSVD reports whether p describes an SVD-PPMI run.
func (p Params) IsSVD() bool { return p.Model == ModelSVDPPMI }

// ModelName returns the model of p for people: "GloVe" or "SVD-PPMI".
func (p Params) ModelName() string {
	if p.IsSVD() {
		return "SVD-PPMI"
	}
	return "GloVe"
}

// InvalidError names a hyperparameter outside its range. Its message is
// written for users; it wraps glove.ErrInvalidOptions.
type InvalidError struct {
	Field string
	Msg   string
}

func (e *InvalidError) Error() string { return e.Msg }
func (e *InvalidError) Unwrap() error { return glove.ErrInvalidOptions }

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Validate checks every hyperparameter and returns an *InvalidError for
// the first bad one.
func (p Params) Validate() error {
	bad := func(field, format string, args ...any) error {
		return &InvalidError{Field: field, Msg: fmt.Sprintf(format, args...)}
	}
	switch {
	case p.Model != "" && p.Model != ModelGloVe && p.Model != ModelSVDPPMI:
		return bad("model", "The model must be %q or %q; you gave %q.", ModelGloVe, ModelSVDPPMI, p.Model)
	case p.VectorSize < 1 || p.VectorSize > MaxVectorSize:
		return bad("vector_size", "The vector size must be a whole number from 1 to %d (50 is usual); you gave %d.", MaxVectorSize, p.VectorSize)
	case p.IsSVD() && (!finite(p.Power) || p.Power < 0 || p.Power > MaxPower):
		return bad("power", "The eigenvalue weight p must be a number from 0 to %g (0.5 is usual); you gave %v.", MaxPower, p.Power)
	case p.IsSVD():
		return nil
	case p.Epochs < 1 || p.Epochs > MaxEpochs:
		return bad("epochs", "The number of epochs must be a whole number from 1 to %d (15 is usual); you gave %d.", MaxEpochs, p.Epochs)
	case !finite(p.XMax) || p.XMax <= 0:
		return bad("x_max", "x_max must be a number greater than 0 (100 is usual); you gave %v.", p.XMax)
	case !finite(p.Alpha) || p.Alpha < 0 || p.Alpha > MaxAlpha:
		return bad("alpha", "α must be a number from 0 to %g (0.75 is usual); you gave %v.", MaxAlpha, p.Alpha)
	case !finite(p.Eta) || p.Eta <= 0 || p.Eta > MaxEta:
		return bad("eta", "The learning rate η must be a number greater than 0 and at most %g (0.05 is usual); you gave %v.", MaxEta, p.Eta)
	case p.Threads < 1 || p.Threads > MaxThreads:
		return bad("threads", "The number of threads must be a whole number from 1 to %d; you gave %d.", MaxThreads, p.Threads)
	}
	return nil
}

// Options converts p to training options.
func (p Params) Options() glove.Options {
	o := glove.DefaultOptions()
	o.VectorSize, o.Epochs, o.XMax, o.Alpha, o.Eta = p.VectorSize, p.Epochs, p.XMax, p.Alpha, p.Eta
	o.Workers, o.Seed = p.Threads, p.Seed
	return o
}

// Results is what a finished (or failed) run records.
type Results struct {
	VectorSetID int64   `json:"vector_set_id,omitempty"`
	Epochs      int     `json:"epochs"`
	FinalCost   float64 `json:"final_cost,omitempty"`
	Seconds     float64 `json:"seconds"`
	// Error is the user-facing reason of a failure or cancellation.
	Error string `json:"error,omitempty"`
	// DivergedEpoch is the epoch at which the cost became NaN or infinite.
	DivergedEpoch int         `json:"diverged_epoch,omitempty"`
	Evaluation    *Evaluation `json:"evaluation,omitempty"`
	// EvalNote says why there is no evaluation.
	EvalNote string `json:"eval_note,omitempty"`
	// InMemoryNonzeros is, for a run whose nonzeros did not fit in the
	// memory budget and were streamed from disk, how many the trainer
	// held at a time (0: all of them, in memory).
	InMemoryNonzeros int64 `json:"in_memory_nonzeros,omitempty"`
}

// DivergedError reports a run whose cost became NaN or infinite or grew
// past glove's divergence bounds. It wraps glove.ErrDiverged and its
// message is written for users.
type DivergedError struct {
	Epoch int
	Eta   float64
	Err   error
}

func (e *DivergedError) Error() string {
	cost := "a residual became NaN or infinite"
	var gd *glove.DivergedError
	if errors.As(e.Err, &gd) {
		cost = fmt.Sprintf("cost %.4g", gd.Cost)
	}
	return fmt.Sprintf("The training diverged at epoch %d (%s): lower the learning rate η (now %g; %g is a good next try).",
		e.Epoch, cost, e.Eta, e.Eta/10)
}
func (e *DivergedError) Unwrap() error { return e.Err }

// ErrModelMissing means a run has no saved model (it failed, or it was
// trained by an older version).
var ErrModelMissing = errors.New("this run has no saved model")
