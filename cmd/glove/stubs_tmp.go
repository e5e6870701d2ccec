package main

import (
	"context"
	"errors"
	"io"
)

// Temporary: replaced by real commands in this session.
func vocabCommand() command   { return command{name: "vocab", run: notYet} }
func cooccurCommand() command { return command{name: "cooccur", run: notYet} }
func ratioCommand() command   { return command{name: "ratio", run: notYet} }
func statsCommand() command   { return command{name: "stats", run: notYet} }

func notYet(context.Context, []string, io.Writer, io.Writer) error { return errors.New("not yet") }
