package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// sampleVectors is the shared 4k GloVe sample.
func sampleVectors(t *testing.T) string {
	return testkit.Shipped(t, testkit.DemoVectors)
}

// runJSONResults runs a command and decodes {"results":[…]}.
func runJSONResults(t *testing.T, cmd command, args ...string) []wordScore {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := cmd.run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("%s %v: %v (stderr %q)", cmd.name, args, err, stderr.String())
	}
	var out resultsJSON
	dec := json.NewDecoder(&stdout)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("decoding %q: %v", stdout.String(), err)
	}
	return out.Results
}

func TestNeighborsJSON(t *testing.T) {
	path := sampleVectors(t)
	got := runJSONResults(t, neighborsCommand(), "-vectors", path, "-word", "king", "-n", "7", "-json")
	if len(got) != 7 {
		t.Fatalf("got %d results, want 7", len(got))
	}
	// Same answer as the library, best first, query excluded.
	set, _, err := vectors.Load(context.Background(), path, vectors.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := set.NeighborsOf(context.Background(), "king", 7)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if got[i].Word != want[i].Word || got[i].Score != want[i].Score {
			t.Errorf("result %d: got %+v, want %+v", i, got[i], want[i])
		}
		if got[i].Word == "king" {
			t.Error("query word returned as its own neighbour")
		}
		if i > 0 && got[i].Score > got[i-1].Score {
			t.Errorf("results not best first at %d", i)
		}
	}
}

func TestNeighborsTable(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := runNeighbors(context.Background(), []string{"-vectors", sampleVectors(t), "-word", "king", "-n", "2"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 4 || !strings.Contains(lines[2], "prince") {
		t.Errorf("got table %q, want title, header and 2 rows starting with prince", stdout.String())
	}
}

func TestNeighborsErrors(t *testing.T) {
	path := sampleVectors(t)
	tests := []struct {
		name string
		args []string
		want error
	}{
		{"no vectors", []string{"-word", "king"}, errUsage},
		{"no word", []string{"-vectors", path}, errUsage},
		{"bad n", []string{"-vectors", path, "-word", "king", "-n", "0"}, errUsage},
		{"unknown word", []string{"-vectors", path, "-word", "qwertyuiop"}, vectors.ErrUnknownWord},
		{"missing file", []string{"-vectors", path + ".missing", "-word", "king"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := runNeighbors(context.Background(), tt.args, &stdout, &stderr)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}
