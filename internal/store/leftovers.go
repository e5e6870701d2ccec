package store

import (
	"os"
	"path/filepath"

	"github.com/gloveboard/gloveboard/internal/durable"
)

// removeTempLeftovers deletes, inside each build and run directory
// (builds/<id>/, runs/<id>/), the temporary files through which their
// artefacts are written (durable.WriteFile, by corpusbuild and runs). A
// process killed mid-write leaves one behind, as large as the artefact,
// and removeOrphans only looks at the top level of the data directory.
// Open calls it before any job can be writing there.
func (s *Store) removeTempLeftovers() error {
	for _, sub := range []string{"builds", "runs"} {
		entries, err := os.ReadDir(filepath.Join(s.dir, sub))
		if err != nil {
			return err
		}
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			if err := durable.RemoveTemps(filepath.Join(s.dir, sub, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
