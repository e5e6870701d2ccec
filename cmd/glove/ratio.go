package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/gloveboard/gloveboard/analysis/ratio"
)

func ratioCommand() command {
	return command{
		name:    "ratio",
		summary: "probability-ratio table P(k|i)/P(k|j) (Pennington et al. Table 1)",
		run:     runRatio,
	}
}

func runRatio(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ratio", "-corpus F -i ice -j steam [-probes solid,gas,water,fashion] [-window N] [-top N] [-json]", stderr)
	var cf corpusFlags
	cf.register(fs, 10)
	def := ratio.DefaultOptions()
	wi := fs.String("i", "", "first word i (required)")
	wj := fs.String("j", "", "second word j (required)")
	probes := fs.String("probes", strings.Join(def.Probes, ","), "comma-separated probe words k")
	top := fs.Int("top", def.Top, "discovered words with the largest and smallest ratios (0: none)")
	smoothing := fs.Float64("smoothing", 0, "additive smoothing λ added to every count (0: none)")
	thin := fs.Float64("thin", def.ThinBelow, "flag rows whose X_ik or X_jk is below this")
	minEvidence := fs.Float64("min-evidence", def.MinEvidence, "least X_ik + X_jk for a discovered word")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseCommand(fs, args, stderr, "ratio", "corpus", "i", "j"); err != nil {
		return err
	}
	opt, err := cf.checkedOptionsContext(ctx, fs, stderr, "ratio")
	if err != nil {
		return err
	}
	var probeList []string
	for _, p := range strings.Split(*probes, ",") {
		if p = strings.TrimSpace(p); p != "" {
			probeList = append(probeList, p)
		}
	}
	ropt := ratio.Options{Probes: probeList, Smoothing: *smoothing, ThinBelow: *thin, Top: *top, MinEvidence: *minEvidence}
	res, err := countCorpus(ctx, cf.corpus, opt)
	if err != nil {
		return err
	}
	t, err := ratio.Compute(res.Matrix, res.Vocab, *wi, *wj, ropt)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(t)
	}
	printRatioTable(stdout, t)
	return nil
}

// printRatioTable prints the table in the paper's layout: a column per
// probe, rows P(k|i), P(k|j) and the ratio, with the raw counts below.
func printRatioTable(w io.Writer, t *ratio.Table) {
	if len(t.Rows) > 0 {
		printRatioColumns(w, t)
	} else {
		// -probes "" with discovery: no table, only the lists below.
		fmt.Fprintf(w, "no probe words k; the words with the most extreme P(k|%s)/P(k|%s) follow\n", t.I, t.J)
	}
	for _, r := range t.Rows {
		switch {
		case !r.InVocab:
			fmt.Fprintf(w, "note: %q is not in the vocabulary\n", r.K)
		case r.Thin:
			fmt.Fprintf(w, "note: k = %s rests on thin evidence (X below the threshold)\n", r.K)
		}
	}
	for _, side := range []struct {
		title string
		rows  []ratio.Row
	}{{"largest ratios", t.Largest}, {"smallest ratios", t.Smallest}} {
		if len(side.rows) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:", side.title)
		for _, r := range side.rows {
			fmt.Fprintf(w, " %s (%s)", r.K, formatRatio(r))
		}
		fmt.Fprintln(w)
	}
}

// printRatioColumns prints the table proper, one column per probe.
func printRatioColumns(w io.Writer, t *ratio.Table) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "Probability and Ratio\t")
	for _, r := range t.Rows {
		fmt.Fprintf(tw, "k = %s\t", r.K)
	}
	fmt.Fprintln(tw)
	line := func(label string, f func(ratio.Row) string) {
		fmt.Fprintf(tw, "%s\t", label)
		for _, r := range t.Rows {
			fmt.Fprintf(tw, "%s\t", f(r))
		}
		fmt.Fprintln(tw)
	}
	line(fmt.Sprintf("P(k|%s)", t.I), func(r ratio.Row) string { return fmt.Sprintf("%.2e", r.PIK) })
	line(fmt.Sprintf("P(k|%s)", t.J), func(r ratio.Row) string { return fmt.Sprintf("%.2e", r.PJK) })
	line(fmt.Sprintf("P(k|%s)/P(k|%s)", t.I, t.J), formatRatio)
	line(fmt.Sprintf("X(%s,k)", t.I), func(r ratio.Row) string { return fmt.Sprintf("%.1f", r.XIK) })
	line(fmt.Sprintf("X(%s,k)", t.J), func(r ratio.Row) string { return fmt.Sprintf("%.1f", r.XJK) })
	tw.Flush()
}

func formatRatio(r ratio.Row) string {
	switch r.Kind {
	case ratio.Finite:
		if r.Ratio >= 100 || r.Ratio < 0.01 {
			return fmt.Sprintf("%.2e", r.Ratio)
		}
		return fmt.Sprintf("%.2f", r.Ratio)
	case ratio.Inf:
		return "inf"
	case ratio.Zero:
		return "0"
	}
	return "undefined"
}
