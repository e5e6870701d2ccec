package app

import (
	"bufio"
	"os"
	"path/filepath"

	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/internal/runs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// resumable reports whether interrupted or cancelled run r can be resumed
// from its directory dir: it holds a checkpoint that glove reads back
// whole (glove.ReadCheckpoint checks its structure and sizes; stricter
// than runs.Resumable, which the run page asks cheaply and which reads
// the header only). Start-up reconciliation (store.RemoveRunDirs) keeps
// such directories for a resume and removes the model and partial files
// of the others, and of every failed run.
func resumable(_ store.Run, dir string) bool {
	f, err := os.Open(filepath.Join(dir, runs.CheckpointFile))
	if err != nil {
		return false
	}
	defer f.Close()
	_, err = glove.ReadCheckpoint(bufio.NewReaderSize(f, 1<<20))
	return err == nil
}
