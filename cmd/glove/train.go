package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/analysis/vectors"
)

func trainCommand() command {
	return command{
		name:    "train",
		summary: "train GloVe vectors (AdaGrad, Hogwild) from a corpus or a cooccurrence.bin",
		run:     runTrain,
	}
}

// trainFlags are the flags of glove train besides the corpus flags.
type trainFlags struct {
	cooccurPath, vocabPath     string
	out, vectorsKind, lossOut  string
	checkpointPath, resumePath string
	cpuProfile                 string
	vectorSize, iter           int
	xMax, alpha, eta, biasEta  float64
	gradClip                   float64
	seed                       uint64
}

// modelFlags are the flags that define the model; with -resume they come
// from the checkpoint and must not be given.
var modelFlags = []string{"vector-size", "x-max", "alpha", "seed"}

func runTrain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("train", "(-corpus F | -cooccur X.bin -vocab vocab.txt) -out vectors.txt [-vector-size 50] [-iter 15] [-x-max 100] [-alpha 0.75] [-eta 0.05] [-threads N] [-seed N] [-window 10] [-min-count 5] [-loss-out loss.csv] [-checkpoint F] [-resume F] [-memory GB] [-temp-dir D] [-cpuprofile F]", stderr)
	var cf corpusFlags
	var tf trainFlags
	registerTrainFlags(fs, &cf, &tf)
	if err := parseCommand(fs, args, stderr, "train", "out"); err != nil {
		return err
	}
	set, countOpt, err := checkTrainFlags(fs, stderr, &cf, &tf)
	if err != nil {
		return err
	}
	if tf.cpuProfile != "" {
		stop, err := startCPUProfile(tf.cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	loadStart := time.Now()
	data, err := loadTrainingData(ctx, cf, tf, stderr)
	if err != nil {
		return err
	}
	defer data.close()
	trainer, opt, err := newTrainer(ctx, data, cf, tf, set, countOpt, stderr)
	if err != nil {
		return err
	}
	defer trainer.Close()
	data.records = nil // the trainer holds its own copy (a counted matrix can go)
	how := "in memory"
	if chunk, ok := trainer.Streamed(); ok {
		how = fmt.Sprintf("streamed from a block file in %d blocks of up to %d nonzeros (-memory %g GiB)",
			(trainer.NNZ()+chunk-1)/chunk, chunk, cf.memoryGB)
	}
	fmt.Fprintf(stderr, "loaded and shuffled %d nonzeros in %.2fs, %s\n", trainer.NNZ(), time.Since(loadStart).Seconds(), how)
	if err := trainEpochs(ctx, trainer, opt, tf, data.vocab.Len(), stdout, stderr); err != nil {
		return err
	}
	return writeTrainedVectors(trainer, data.vocab, tf, stderr)
}

// registerTrainFlags adds glove train's flags: the corpus flags shared
// with the counting commands, and the training ones into tf.
func registerTrainFlags(fs *flag.FlagSet, cf *corpusFlags, tf *trainFlags) {
	cf.register(fs, 10)
	fs.Lookup("threads").Usage = "goroutines for counting (with -corpus) and for training (0: all cores)"
	fs.Lookup("memory").Usage = "memory budget in GiB: beyond it, counting spills sorted runs to temporary files, and training on -cooccur streams the nonzeros (16 bytes each) from a shuffled block file instead of holding them"
	fs.Lookup("temp-dir").Usage = "directory for spill files and the training block file (default: the system temporary directory)"
	def := glove.DefaultOptions()
	fs.StringVar(&tf.cooccurPath, "cooccur", "", "train on this Stanford cooccurrence.bin instead of -corpus (needs -vocab)")
	fs.StringVar(&tf.vocabPath, "vocab", "", "vocabulary of -cooccur, Stanford vocab.txt format")
	fs.StringVar(&tf.out, "out", "", "write vectors here, GloVe text format: word v1 … vd; gzip if the name ends in .gz (required)")
	fs.StringVar(&tf.vectorsKind, "vectors", "sum", "which vectors to write: sum (W+W̃, as the paper), word (W) or context (W̃)")
	fs.StringVar(&tf.lossOut, "loss-out", "", "write the per-epoch cost as CSV here")
	fs.StringVar(&tf.checkpointPath, "checkpoint", "", "save the full training state here after every epoch")
	fs.StringVar(&tf.resumePath, "resume", "", "continue from this checkpoint; -iter is the total epoch count (default: the checkpoint's)")
	fs.IntVar(&tf.vectorSize, "vector-size", def.VectorSize, "dimension d of the vectors")
	fs.IntVar(&tf.iter, "iter", def.Epochs, "total number of epochs")
	fs.Float64Var(&tf.xMax, "x-max", def.XMax, "cutoff of the weighting function f")
	fs.Float64Var(&tf.alpha, "alpha", def.Alpha, "exponent of the weighting function f")
	fs.Float64Var(&tf.eta, "eta", def.Eta, "AdaGrad learning rate of the vectors")
	fs.Float64Var(&tf.biasEta, "bias-eta", def.BiasEta, "AdaGrad learning rate of the biases (Stanford glove: 1)")
	fs.Float64Var(&tf.gradClip, "grad-clip", def.GradClip, "clip each gradient component to ±this")
	fs.Uint64Var(&tf.seed, "seed", def.Seed, "random seed (initialisation and visiting order)")
	fs.StringVar(&tf.cpuProfile, "cpuprofile", "", "write a CPU profile of loading and training to this file")
}

// checkTrainFlags refuses contradictory or unusable flags before any input
// is read (exit 2 for the command line, 1 for an unwritable output) and
// returns the flags given explicitly and the counting options.
func checkTrainFlags(fs *flag.FlagSet, stderr io.Writer, cf *corpusFlags, tf *trainFlags) (map[string]bool, cooccur.Options, error) {
	kind := tf.vectorsKind
	if kind != "sum" && kind != "word" && kind != "context" {
		return nil, cooccur.Options{}, usageError(fs, stderr, "train", fmt.Sprintf("-vectors must be sum, word or context, not %q", kind))
	}
	if (cf.corpus == "") == (tf.cooccurPath == "") {
		return nil, cooccur.Options{}, usageError(fs, stderr, "train", "give exactly one of -corpus and -cooccur")
	}
	if tf.cooccurPath != "" && tf.vocabPath == "" {
		return nil, cooccur.Options{}, usageError(fs, stderr, "train", "-cooccur needs -vocab (the vocab.txt written with it)")
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if tf.resumePath != "" {
		for _, name := range modelFlags {
			if set[name] {
				return nil, cooccur.Options{}, usageError(fs, stderr, "train", fmt.Sprintf("-%s cannot be changed when resuming; it comes from the checkpoint", name))
			}
		}
	}
	countOpt, err := cf.checkedOptions(fs, stderr, "train")
	if err != nil {
		return nil, cooccur.Options{}, err
	}
	// Refuse unwritable outputs now rather than after training.
	for _, o := range []struct{ flag, path string }{{"out", tf.out}, {"loss-out", tf.lossOut}, {"checkpoint", tf.checkpointPath}} {
		if err := checkOutputPath(o.flag, o.path); err != nil {
			return nil, cooccur.Options{}, err
		}
	}
	return set, countOpt, nil
}

// newTrainer builds the trainer over data: from the flags, or from the
// checkpoint of -resume with the flags given explicitly (set) overriding
// the ones a resumed run may change.
func newTrainer(ctx context.Context, data *trainingData, cf corpusFlags, tf trainFlags, set map[string]bool, countOpt cooccur.Options, stderr io.Writer) (*glove.Trainer, glove.Options, error) {
	vocabSize := data.vocab.Len()
	if tf.resumePath == "" {
		opt := glove.Options{
			VectorSize: tf.vectorSize, Epochs: tf.iter, XMax: tf.xMax, Alpha: tf.alpha,
			Eta: tf.eta, BiasEta: tf.biasEta, GradClip: tf.gradClip, Workers: cf.threads, Seed: tf.seed,
			MemoryBytes: countOpt.MemoryBytes, TempDir: countOpt.TempDir,
		}
		trainer, err := glove.NewTrainerBin(ctx, data.records, data.size, vocabSize, opt)
		if err != nil {
			return nil, opt, data.wrap(err)
		}
		return trainer, opt, nil
	}
	ck, err := readCheckpointFile(tf.resumePath)
	if err != nil {
		return nil, glove.Options{}, err
	}
	opt := ck.Options
	if set["iter"] {
		opt.Epochs = tf.iter
	}
	if set["eta"] {
		opt.Eta = tf.eta
	}
	if set["bias-eta"] {
		opt.BiasEta = tf.biasEta
	}
	if set["grad-clip"] {
		opt.GradClip = tf.gradClip
	}
	opt.Workers = cf.threads
	opt.MemoryBytes, opt.TempDir = countOpt.MemoryBytes, countOpt.TempDir
	ck.Options = opt
	trainer, err := glove.ResumeBin(ctx, data.records, data.size, vocabSize, ck)
	if err != nil {
		return nil, opt, data.wrap(err)
	}
	fmt.Fprintf(stderr, "resuming from %s at epoch %d of %d\n", tf.resumePath, ck.Epoch, opt.Epochs)
	return trainer, opt, nil
}

// trainEpochs runs the epochs, printing one line each, writing the
// checkpoint after each and the loss CSV at the end (also after a failed
// or cancelled run, so the curve so far is kept).
func trainEpochs(ctx context.Context, trainer *glove.Trainer, opt glove.Options, tf trainFlags, vocabSize int, stdout, stderr io.Writer) error {
	var ckErr error
	trainer.SetProgress(func(st glove.EpochStats) {
		fmt.Fprintf(stdout, "epoch %3d/%d  cost %.6f  %7.2fs  %6.2f M nonzeros/s\n",
			st.Epoch, opt.Epochs, st.Cost, st.Elapsed.Seconds(), st.NonzerosPerSecond/1e6)
		if tf.checkpointPath != "" && ckErr == nil {
			ckErr = writeFileAtomic(tf.checkpointPath, trainer.WriteCheckpoint)
		}
	})
	fmt.Fprintf(stderr, "training d=%d on %d words, %d nonzeros, %d epochs\n", opt.VectorSize, vocabSize, trainer.NNZ(), opt.Epochs)
	runErr := trainer.Run(ctx)
	if ckErr != nil {
		return fmt.Errorf("writing checkpoint: %w", ckErr)
	}
	if tf.lossOut != "" {
		if err := writeFileAtomic(tf.lossOut, func(w io.Writer) error { return writeLossCSV(w, trainer.History()) }); err != nil {
			return err
		}
	}
	return runErr
}

// writeTrainedVectors writes the vectors -vectors asks for to -out.
func writeTrainedVectors(trainer *glove.Trainer, vocab *corpus.Vocabulary, tf trainFlags, stderr io.Writer) error {
	// The nonzeros are no longer needed: return their memory before the
	// float64 model is built, so that peak memory is that of training.
	trainer.Close()
	debug.FreeOSMemory()
	model := trainer.Model()
	vecs := model.Sum()
	switch tf.vectorsKind {
	case "word":
		vecs = model.Word
	case "context":
		vecs = model.Context
	}
	vs, err := vectorSet(vocab, vecs)
	if err != nil {
		return err
	}
	if err := saveVectorsText(tf.out, vs); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %d vectors of size %d to %s\n", vs.Len(), vs.Dim(), tf.out)
	return nil
}

// trainingData is what glove train trains on: a vocabulary and the
// nonzeros as a cooccurrence.bin stream of size bytes, which the trainer
// reads (or streams) itself: the open -cooccur file, or the records of the
// matrix counted from -corpus.
type trainingData struct {
	vocab   *corpus.Vocabulary
	records io.Reader
	size    int64
	bin     *os.File // -cooccur
}

func (d *trainingData) close() {
	if d.bin != nil {
		d.bin.Close()
	}
}

// wrap names the -cooccur file in an error about its contents.
func (d *trainingData) wrap(err error) error {
	if d.bin != nil && (errors.Is(err, cooccur.ErrBadBinFile) || errors.Is(err, glove.ErrNoCooccurrences)) {
		return fmt.Errorf("%s: %w", d.bin.Name(), err)
	}
	return err
}

// loadTrainingData returns the vocabulary and the nonzeros, counted from
// -corpus or read from -cooccur.
func loadTrainingData(ctx context.Context, cf corpusFlags, tf trainFlags, stderr io.Writer) (*trainingData, error) {
	if tf.cooccurPath != "" {
		vf, err := os.Open(tf.vocabPath)
		if err != nil {
			return nil, err
		}
		vocab, err := corpus.ReadVocabulary(vf)
		vf.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", tf.vocabPath, err)
		}
		if vocab.Len() == 0 {
			// glove.NewTrainer panics on an empty vocabulary.
			return nil, fmt.Errorf("%s: %w: the vocabulary file lists no words", tf.vocabPath, corpus.ErrBadVocabulary)
		}
		cfile, err := os.Open(tf.cooccurPath)
		if err != nil {
			return nil, err
		}
		st, err := cfile.Stat()
		if err != nil {
			cfile.Close()
			return nil, err
		}
		if !st.Mode().IsRegular() {
			cfile.Close()
			return nil, fmt.Errorf("%s: not a regular file", tf.cooccurPath)
		}
		return &trainingData{vocab: vocab, records: cfile, size: st.Size(), bin: cfile}, nil
	}
	opt, err := cf.options()
	if err != nil {
		return nil, err
	}
	in, err := openCorpus(cf.corpus, os.Stdin)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	start := time.Now()
	res, err := cooccur.Count(ctx, in, opt)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "counted %d tokens: vocabulary %d words, %d nonzeros in %.1fs\n",
		res.Stats.Tokens, res.Vocab.Len(), res.NNZ, time.Since(start).Seconds())
	recs := res.Matrix.Records()
	return &trainingData{vocab: res.Vocab, records: recs, size: recs.Size()}, nil
}

// startCPUProfile starts a CPU profile written to path and returns the
// function that stops it.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func readCheckpointFile(path string) (*glove.Checkpoint, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ck, err := glove.ReadCheckpoint(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ck, nil
}

// writeLossCSV writes one line per epoch: epoch, Stanford cost, seconds,
// nonzeros per second.
func writeLossCSV(w io.Writer, history []glove.EpochStats) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "epoch,cost,seconds,nonzeros_per_second")
	for _, st := range history {
		fmt.Fprintf(bw, "%d,%.9g,%.4f,%.0f\n", st.Epoch, st.Cost, st.Elapsed.Seconds(), st.NonzerosPerSecond)
	}
	return bw.Flush()
}

// vectorSet converts the chosen V×d vectors to a vectors.Set named by the
// vocabulary, for vectors.SaveText.
func vectorSet(vocab *corpus.Vocabulary, vecs *mat.Dense) (*vectors.Set, error) {
	rows, d := vecs.Dims()
	data := make([]float32, 0, rows*d)
	for i := range rows {
		for _, v := range vecs.RawRowView(i) {
			data = append(data, float32(v))
		}
	}
	return vectors.New(vocab.Words(), d, data)
}
