package main

import (
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// checkOutputPath reports, before any work is done, an output flag whose
// path cannot be written: a directory, or a file in a directory that does
// not exist. "" (flag not given) and "-" (standard output) pass.
func checkOutputPath(flagName, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("-%s %s is a directory; give a file name", flagName, path)
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("-%s %s: directory %s does not exist", flagName, path, dir)
	case err != nil:
		return fmt.Errorf("-%s %s: %w", flagName, path, pathErrCause(err))
	case !st.IsDir():
		return fmt.Errorf("-%s %s: %s is not a directory", flagName, path, dir)
	}
	return nil
}

// pathErrCause strips the *fs.PathError wrapper, whose path may be a
// temporary name the user never gave.
func pathErrCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// atomicFile is an output file. Where the path names a regular file, or
// nothing, it is written under a temporary name in the directory of that
// file and renamed into place by commit, so that a failed or interrupted
// run never leaves a truncated file behind; an existing file keeps its
// permissions. A symbolic link is followed: its target is written
// (atomically when the target is a regular file or does not exist) and the
// link stays. A path that is not a regular file (a device such as
// /dev/null, a FIFO) is opened and written directly, since renaming a file
// over it would replace the device or pipe with a regular file.
// abort removes the temporary file unless commit succeeded; defer it.
type atomicFile struct {
	*os.File
	path      string      // the path the user gave, for messages
	final     string      // where commit renames the file; "" when writing in place
	mode      fs.FileMode // permissions of the final file
	committed bool
}

// newFileMode is the mode of an output file that did not exist: what
// os.Create gives under the usual umask.
const newFileMode fs.FileMode = 0o644

func createAtomic(path string) (*atomicFile, error) {
	target, st, err := resolveOutput(path)
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, pathErrCause(err))
	}
	if st != nil && !st.Mode().IsRegular() {
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("cannot write %s: %w", path, pathErrCause(err))
		}
		return &atomicFile{File: f, path: path}, nil
	}
	mode := newFileMode
	if st != nil {
		mode = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+"-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, pathErrCause(err))
	}
	return &atomicFile{File: f, path: path, final: target, mode: mode}, nil
}

// resolveOutput follows symbolic links from path to the file to write. st
// describes that file, or is nil when it does not exist yet (path, or the
// end of a chain of links, names nothing).
func resolveOutput(path string) (target string, st fs.FileInfo, err error) {
	st, err = os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		target, err = danglingTarget(path)
		return target, nil, err
	case err != nil:
		return "", nil, err
	}
	target, err = filepath.EvalSymlinks(path)
	return target, st, err
}

// maxLinks bounds the links followed by danglingTarget, as the kernel's
// ELOOP limit does.
const maxLinks = 40

// danglingTarget returns the path a missing file would be created at by
// os.Create(path): path itself, or, when path is a symbolic link to
// nothing, the end of its chain of links.
func danglingTarget(path string) (string, error) {
	for range maxLinks {
		st, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", fmt.Errorf("more than %d symbolic links", maxLinks)
}

// commit closes the file and, for a file written under a temporary name,
// gives it its mode (the mode of the file it replaces, or newFileMode)
// and renames it to its final path.
func (a *atomicFile) commit() error {
	if err := a.Close(); err != nil {
		return fmt.Errorf("%s: %w", a.path, pathErrCause(err))
	}
	if a.final == "" {
		a.committed = true
		return nil
	}
	if err := os.Chmod(a.Name(), a.mode); err != nil {
		return fmt.Errorf("%s: %w", a.path, pathErrCause(err))
	}
	if err := os.Rename(a.Name(), a.final); err != nil {
		return fmt.Errorf("cannot write %s: %w", a.path, errors.Unwrap(err))
	}
	a.committed = true
	return nil
}

// abort closes the file and removes it if it was a temporary one. What was
// written to a device or FIFO cannot be taken back.
func (a *atomicFile) abort() {
	if a.committed {
		return
	}
	a.Close()
	if a.final != "" {
		os.Remove(a.Name())
	}
}

// writeFileAtomic writes path through an atomicFile: the file appears,
// complete, only when write succeeded.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	defer f.abort()
	if err := write(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.commit()
}

// saveVectorsText writes s to path in GloVe text format (no header),
// gzip-compressed when path ends in ".gz", atomically (vectors.SaveText
// writes in place and would leave a partial file on failure).
func saveVectorsText(path string, s *vectors.Set) error {
	return writeFileAtomic(path, func(w io.Writer) error {
		if !strings.HasSuffix(path, ".gz") {
			return vectors.WriteText(w, s, false)
		}
		zw := gzip.NewWriter(w)
		if err := vectors.WriteText(zw, s, false); err != nil {
			return err
		}
		return zw.Close()
	})
}

// outputFlags name the flags that give a file to write, and inputFlags
// those that give files to read (similarity: a comma-separated list). A
// command has only some of them. -resume is not an input here: resuming
// from the -checkpoint being written is the point of it.
var (
	outputFlags = []string{"out", "vocab-out", "loss-out", "checkpoint"}
	inputFlags  = []string{"corpus", "vectors", "cooccur", "vocab", "in", "words", "analogy", "similarity"}
)

// namedFile is a file named by a flag, for checkOutputsAgainstInputs.
type namedFile struct {
	flag, path string
	info       os.FileInfo
}

// flagFiles returns the files that exist among the values of the named
// flags of fs (split: a comma-separated list). "-" is standard input when
// stdin is set, and only when that is a regular file (a redirect from a
// file that -out could name); otherwise it is skipped, as are "" and
// directories.
func flagFiles(fs *flag.FlagSet, names []string, split bool, stdin *os.File) []namedFile {
	var out []namedFile
	for _, name := range names {
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		paths := []string{f.Value.String()}
		if split {
			paths = strings.Split(paths[0], ",")
		}
		for _, p := range paths {
			var st os.FileInfo
			var err error
			switch p = strings.TrimSpace(p); {
			case p == "":
				continue
			case p == "-" && stdin == nil:
				continue
			case p == "-":
				if st, err = stdin.Stat(); err == nil && !st.Mode().IsRegular() {
					continue
				}
			default:
				st, err = os.Stat(p)
			}
			if err == nil && !st.IsDir() {
				out = append(out, namedFile{name, p, st})
			}
		}
	}
	return out
}

// checkOutputsAgainstInputs refuses, before anything is read, an output
// flag naming the same file as an input flag (os.SameFile, so through a
// symbolic link, another name or a redirect of standard input too) or as
// another output flag: the input would be replaced by the output, one
// output by the other. Paths that do not exist yet pass.
func checkOutputsAgainstInputs(fs *flag.FlagSet) error {
	outputs := flagFiles(fs, outputFlags, false, nil)
	inputs := flagFiles(fs, inputFlags, true, os.Stdin)
	for i, o := range outputs {
		for _, in := range inputs {
			if os.SameFile(o.info, in.info) {
				name := in.path
				if name == "-" {
					name = "- (standard input)"
				}
				return fmt.Errorf("-%s %s is the same file as the input -%s %s; write the output elsewhere", o.flag, o.path, in.flag, name)
			}
		}
		for _, other := range outputs[i+1:] {
			if os.SameFile(o.info, other.info) && o.info.Mode().IsRegular() {
				return fmt.Errorf("-%s %s and -%s %s are the same file; give each output its own", o.flag, o.path, other.flag, other.path)
			}
		}
	}
	return nil
}
