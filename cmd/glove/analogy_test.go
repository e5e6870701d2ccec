package main

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

func TestAnalogyKingQueen(t *testing.T) {
	path := sampleVectors(t)
	for _, method := range []string{"add", "mul"} {
		got := runJSONResults(t, analogyCommand(), "-vectors", path, "-method", method, "-n", "5", "-json", "man", "king", "woman")
		if len(got) != 5 || got[0].Word != "queen" {
			t.Fatalf("%s: got %+v, want 5 results led by queen", method, got)
		}
		for i, r := range got {
			if r.Word == "man" || r.Word == "king" || r.Word == "woman" {
				t.Errorf("%s: query word %q returned", method, r.Word)
			}
			if i > 0 && r.Score > got[i-1].Score {
				t.Errorf("%s: not best first at %d", method, i)
			}
		}
	}
}

func TestAnalogyErrors(t *testing.T) {
	path := sampleVectors(t)
	tests := []struct {
		name string
		args []string
		want error
	}{
		{"two words", []string{"-vectors", path, "man", "king"}, errUsage},
		{"four words", []string{"-vectors", path, "a", "b", "c", "d"}, errUsage},
		{"bad method", []string{"-vectors", path, "-method", "sub", "man", "king", "woman"}, errUsage},
		{"no vectors", []string{"man", "king", "woman"}, errUsage},
		{"unknown word", []string{"-vectors", path, "man", "king", "qwertyuiop"}, vectors.ErrUnknownWord},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := runAnalogy(context.Background(), tt.args, &stdout, &stderr); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}
