// Command glove is the scriptable face of gloveboard's analysis code: the
// same vocabulary, co-occurrence, ratio, training and evaluation routines
// the dashboard uses, in the shape users of the Stanford GloVe tools expect.
//
// Usage:
//
//	glove <command> [flags] [args]
//
// Run "glove help" for the list of commands and "glove <command> -h" for
// the flags of one. Errors go to standard error with a non-zero exit.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// command is one subcommand of glove. run parses args itself (with a
// flag.FlagSet) and writes results to stdout; it returns flag.ErrHelp after
// printing usage for -h.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands lists every subcommand. Each lives in its own file.
func commands() []command {
	return []command{
		vocabCommand(),
		cooccurCommand(),
		ratioCommand(),
		statsCommand(),
		trainCommand(),
		neighborsCommand(), analogyCommand(), evalCommand(),
		projectCommand(), spectrumCommand(), zipfCommand(),
		plotCommand(),
		svdCommand(),
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the subcommand named by args[0] and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		printHelp(stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range cmds {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		default:
			if ctx.Err() != nil && !errors.Is(err, errInterrupted) {
				// Ctrl-C or SIGTERM stopped the work (training, counting).
				err = fmt.Errorf("%w: %w", errInterrupted, err)
			}
			fmt.Fprintf(stderr, "glove %s: %s\n", c.name, oneLine(err))
			return 1
		}
	}
	fmt.Fprintf(stderr, "glove: unknown command %q (run \"glove help\")\n", args[0])
	return 2
}

// oneLine renders err on a single line: errors.Join and some library
// errors put line breaks between their parts, and the contract is one
// line on standard error per failure.
func oneLine(err error) string {
	var parts []string
	for _, p := range strings.FieldsFunc(err.Error(), func(r rune) bool { return r == '\n' || r == '\r' }) {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

func printHelp(w io.Writer, cmds []command) {
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	fmt.Fprintln(w, "usage: glove <command> [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Run "glove <command> -h" for the flags of a command.`)
}

// errUsage marks a bad command line whose message has already been printed
// (by the flag package, usageError or usageFailure); run exits with status
// 2 without repeating it.
//
// A bad command line is whatever a command can tell is wrong before it
// reads any input: an unknown flag or a value that does not parse (the
// flag package), a missing required flag or argument, an unexpected
// argument, flags that conflict, a keyword outside its list (-tokenizer,
// -method, -format, …) or a number outside the range its flag takes (-n,
// -dim, -memory, …). Each is reported with usageError or usageFailure:
// one line naming the problem, then the usage. Settings that the analysis
// packages check (the window, minimum count and training options, as the
// dashboard does) and everything about the input data are exit 1.
var errUsage = errors.New("usage error")

// usageFailure is usageError for an error value: it prints err on one
// line and the usage, and returns an error that is errUsage (exit 2) and
// still wraps err.
func usageFailure(fs *flag.FlagSet, stderr io.Writer, cmd string, err error) error {
	usageError(fs, stderr, cmd, oneLine(err))
	return fmt.Errorf("%w: %w", errUsage, err)
}

// noArguments reports an argument left after the flags as a usage error:
// the flag package stops at the first non-flag, so the flags after it
// would be silently ignored.
func noArguments(fs *flag.FlagSet, stderr io.Writer, cmd string) error {
	if fs.NArg() > 0 {
		return usageError(fs, stderr, cmd, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	return nil
}

// newFlagSet returns a flag set that reports parse errors to stderr and does
// not exit the process, with a usage line naming the command.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("glove "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: glove %s %s\n\nflags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and maps the flag package's errors to errUsage
// (already printed) or flag.ErrHelp. An output flag naming an input file
// is a bad command line too (see checkOutputsAgainstInputs).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if err := checkOutputsAgainstInputs(fs); err != nil {
		return usageFailure(fs, fs.Output(), strings.TrimPrefix(fs.Name(), "glove "), err)
	}
	return nil
}
