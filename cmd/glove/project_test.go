package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// runProjectJSON runs glove project with -json and decodes the output.
func runProjectJSON(t *testing.T, args ...string) projectJSON {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := runProject(context.Background(), append(args, "-json"), &stdout, &stderr); err != nil {
		t.Fatalf("project %v: %v (stderr %q)", args, err, stderr.String())
	}
	var out projectJSON
	dec := json.NewDecoder(&stdout)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("decoding %q: %v", stdout.String(), err)
	}
	return out
}

func TestProjectJSONShape(t *testing.T) {
	vec := testkit.Shipped(t, testkit.DemoVectors)
	groupFile := filepath.Join(t.TempDir(), "groups.txt")
	if err := os.WriteFile(groupFile, []byte("# test\nfruit\tapple\nfruit\tbanana\nking royal\nqueen royal\nzzzunknown other\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		method     string
		engine     string
		points     int
		firstGroup string
	}{
		{"pca of the built-in groups", []string{"-method", "pca"}, "pca", "pca", 120, "country"},
		{"tsne small is exact", []string{"-method", "tsne", "-n", "150", "-iterations", "300", "-seed", "3"}, "tsne", "exact", 150, ""},
		{"tsne larger is barnes-hut", []string{"-method", "tsne", "-n", "300", "-iterations", "300"}, "tsne", "barnes-hut", 300, ""},
		{"tsne-exact forced", []string{"-method", "tsne-exact", "-n", "60", "-iterations", "100", "-perplexity", "10"}, "tsne-exact", "exact", 60, ""},
		{"pca of a word file", []string{"-words", groupFile}, "pca", "pca", 4, "fruit"},
		{"umap of the top words", []string{"-method", "umap", "-n", "300", "-neighbors", "10", "-min-dist", "0.2"}, "umap", "umap-spectral", 300, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := runProjectJSON(t, append([]string{"-vectors", vec}, tc.args...)...)
			if out.Method != tc.method || out.Engine != tc.engine || len(out.Points) != tc.points {
				t.Fatalf("got method %q engine %q with %d points, want %q %q %d", out.Method, out.Engine, len(out.Points), tc.method, tc.engine, tc.points)
			}
			if out.Points[0].Group != tc.firstGroup {
				t.Errorf("first point %+v, want group %q", out.Points[0], tc.firstGroup)
			}
			if tc.method == "pca" && len(out.ExplainedVarianceRatio) != 50 {
				t.Errorf("explained_variance_ratio has %d values, want 50", len(out.ExplainedVarianceRatio))
			}
			if strings.HasPrefix(tc.method, "tsne") && (out.ExplainedVarianceRatio != nil || out.KL == nil) {
				t.Errorf("t-SNE output: ratios %v, kl %v", out.ExplainedVarianceRatio, out.KL)
			}
			if tc.method == "umap" && (out.ExplainedVarianceRatio != nil || out.KL != nil) {
				t.Errorf("UMAP output: ratios %v, kl %v", out.ExplainedVarianceRatio, out.KL)
			}
			if tc.points > 20 && (out.Trustworthiness == nil || *out.Trustworthiness <= 0.5 || *out.Trustworthiness > 1) {
				t.Errorf("trustworthiness %v", out.Trustworthiness)
			}
		})
	}
	// UMAP maps are reproducible: the same seed gives the same points.
	a := runProjectJSON(t, "-vectors", vec, "-method", "umap", "-n", "200", "-seed", "9")
	b := runProjectJSON(t, "-vectors", vec, "-method", "umap", "-n", "200", "-seed", "9")
	for i := range a.Points {
		if a.Points[i] != b.Points[i] {
			t.Fatalf("seed 9 twice: point %d %+v vs %+v", i, a.Points[i], b.Points[i])
		}
	}
	// The word file's unknown word is reported, not mapped.
	out := runProjectJSON(t, "-vectors", vec, "-words", groupFile)
	if len(out.Skipped) != 1 || out.Skipped[0] != "zzzunknown" {
		t.Errorf("skipped %v, want [zzzunknown]", out.Skipped)
	}
}

func TestProjectErrors(t *testing.T) {
	vec := testkit.Shipped(t, testkit.DemoVectors)
	for _, tc := range []struct {
		args []string
		want error
	}{
		{[]string{"-method", "pca"}, errUsage},
		{[]string{"-vectors", vec, "-n", "5", "-words", "x"}, errUsage},
		{[]string{"-vectors", vec, "-init", "spiral"}, errUsage},
		{[]string{"-vectors", vec, "-method", "umap", "-neighbors", "1"}, errUsage},
		{[]string{"-vectors", vec, "-method", "umap", "-min-dist", "1.5"}, errUsage},
	} {
		var stdout, stderr bytes.Buffer
		if err := runProject(context.Background(), tc.args, &stdout, &stderr); !errors.Is(err, tc.want) {
			t.Errorf("project %v: got %v, want %v", tc.args, err, tc.want)
		}
	}
	var stdout, stderr bytes.Buffer
	if err := runProject(context.Background(), []string{"-vectors", vec, "-method", "mds"}, &stdout, &stderr); err == nil {
		t.Errorf("-method mds: no error")
	}
	if err := runProject(context.Background(), []string{"-vectors", vec, "-method", "tsne", "-n", "20"}, &stdout, &stderr); err == nil {
		t.Errorf("perplexity 30 with 20 words: no error")
	}
}
