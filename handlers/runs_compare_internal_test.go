package handlers

import (
	"slices"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// testRun is a GloVe run on corpus 1 with the defaults, changed by edit.
func testRun(id int64, edit func(p *app.RunParams)) app.Run {
	p := app.DefaultRunParams()
	p.CorpusID, p.CorpusName, p.VocabSize, p.NNZ, p.Window, p.Threads = 1, "demo", 100, 2000, 10, 1
	if edit != nil {
		edit(&p)
	}
	return app.Run{Run: store.Run{ID: id, CorpusID: p.CorpusID}, Params: p}
}

func svdRun(id int64, d int) app.Run {
	return testRun(id, func(p *app.RunParams) { *p = p.SVDParams(); p.Model, p.VectorSize, p.Power = app.ModelSVDPPMI, d, 0.5 })
}

func TestCompareLabels(t *testing.T) {
	for _, tc := range []struct {
		name string
		runs []app.Run
		want []string
	}{
		{"identical, newest first", []app.Run{testRun(3, nil), testRun(2, func(p *app.RunParams) { p.Eta = 0.1 }), testRun(1, nil)},
			[]string{"run 3: seed 1, d 50, η 0.05 (same settings as run 1)", "run 2: seed 1, d 50, η 0.1", "run 1: seed 1, d 50, η 0.05"}},
		{"three identical", []app.Run{testRun(1, nil), testRun(5, nil), testRun(4, nil)},
			[]string{"run 1: seed 1, d 50", "run 5: seed 1, d 50 (same settings as run 1)", "run 4: seed 1, d 50 (same settings as run 1)"}},
		{"seeds and sizes", []app.Run{testRun(1, nil), testRun(2, func(p *app.RunParams) { p.Seed, p.VectorSize = 2, 100 })},
			[]string{"run 1: seed 1, d 50", "run 2: seed 2, d 100"}},
		{"other corpus (its build not named)", []app.Run{testRun(1, nil), testRun(2, func(p *app.RunParams) { p.CorpusID, p.CorpusName, p.NNZ = 2, "news", 9 })},
			[]string{"run 1: seed 1, d 50, on demo", "run 2: seed 1, d 50, on news"}},
		{"rebuilt corpus", []app.Run{testRun(1, nil), testRun(2, func(p *app.RunParams) { p.NNZ, p.Window = 3000, 5 })},
			[]string{"run 1: seed 1, d 50, build 100 words, 2,000 nonzeros, window 10", "run 2: seed 1, d 50, build 100 words, 3,000 nonzeros, window 5"}},
		{"GloVe and SVD-PPMI", []app.Run{testRun(1, nil), svdRun(2, 50)},
			[]string{"run 1: seed 1, d 50, GloVe", "run 2: seed 1, d 50, SVD-PPMI, p 0.5"}},
		{"one run", []app.Run{testRun(7, func(p *app.RunParams) { p.XMax = 10 })}, []string{"run 7: seed 1, d 50"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := compareLabels(views.NewLocale(views.English), tc.runs)
			if !slices.Equal(got, tc.want) {
				t.Errorf("labels\n got %q\nwant %q", got, tc.want)
			}
			for i := range got {
				for j := range i {
					if got[i] == got[j] {
						t.Errorf("runs %d and %d share the label %q", i, j, got[i])
					}
				}
			}
		})
	}
}

func TestCostRanking(t *testing.T) {
	for _, tc := range []struct {
		name      string
		runs      []app.Run
		costs     []float64
		ok        []bool
		wantRanks []string
		wantNote  string // substring; "" for none
	}{
		{"same settings, tie shares a rank", []app.Run{testRun(1, nil), testRun(2, func(p *app.RunParams) { p.Seed = 2 }), testRun(3, nil)},
			[]float64{0.2, 0.1, 0.2}, []bool{true, true, true}, []string{"2 of 3", "1 of 3", "2 of 3"}, ""},
		{"different d", []app.Run{testRun(1, nil), testRun(2, func(p *app.RunParams) { p.VectorSize = 100 })},
			[]float64{0.2, 0.1}, []bool{true, true}, []string{"", ""}, "d (50; 100)"},
		{"different corpus and x_max", []app.Run{testRun(1, nil), testRun(2, func(p *app.RunParams) { p.CorpusID, p.CorpusName, p.XMax = 2, "news", 10 })},
			[]float64{0.2, 0.1}, []bool{true, true}, []string{"", ""}, "corpus (demo; news)"},
		{"α and window", []app.Run{testRun(1, nil), testRun(2, func(p *app.RunParams) { p.Alpha, p.Window = 0.5, 5 })},
			[]float64{0.2, 0.1}, []bool{true, true}, []string{"", ""}, "window (10; 5)"},
		{"η may differ", []app.Run{testRun(1, nil), testRun(2, func(p *app.RunParams) { p.Eta = 0.1 })},
			[]float64{0.2, 0.1}, []bool{true, true}, []string{"2 of 2", "1 of 2"}, ""},
		{"SVD-PPMI left out", []app.Run{testRun(1, nil), svdRun(2, 100), testRun(3, nil)},
			[]float64{0.2, 0, 0.3}, []bool{true, false, true}, []string{"1 of 2", "", "2 of 2"}, ""},
		{"one cost", []app.Run{testRun(1, nil), svdRun(2, 50)},
			[]float64{0.2, 0}, []bool{true, false}, []string{"", ""}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ranks, note := costRanking(views.NewLocale(views.English), tc.runs, tc.costs, tc.ok)
			if !slices.Equal(ranks, tc.wantRanks) {
				t.Errorf("ranks %q, want %q", ranks, tc.wantRanks)
			}
			if (tc.wantNote == "") != (note == "") || !strings.Contains(note, tc.wantNote) {
				t.Errorf("note %q, want one containing %q", note, tc.wantNote)
			}
		})
	}
}

// TestCompareInVietnamese checks that labels, ranks and notes of a
// comparison are written in the page's language, numbers included, and
// that the language changes neither which runs count as twins nor which
// settings differ.
func TestCompareInVietnamese(t *testing.T) {
	vi := views.NewLocale(views.Vietnamese)
	runs := []app.Run{testRun(3, func(p *app.RunParams) { p.NNZ = 12345 }), testRun(2, func(p *app.RunParams) { p.Eta, p.NNZ = 0.125, 12345 }),
		testRun(1, func(p *app.RunParams) { p.NNZ = 12345 })}
	want := []string{"lần chạy 3: seed 1, d 50, η 0,05 (cùng tham số với lần chạy 1)", "lần chạy 2: seed 1, d 50, η 0,125", "lần chạy 1: seed 1, d 50, η 0,05"}
	if got := compareLabels(vi, runs); !slices.Equal(got, want) {
		t.Errorf("labels\n got %q\nwant %q", got, want)
	}
	rebuilt := []app.Run{testRun(1, func(p *app.RunParams) { p.NNZ = 2000 }), testRun(2, func(p *app.RunParams) { p.NNZ = 12345 })}
	want = []string{"lần chạy 1: seed 1, d 50, bản xây dựng 100 từ, 2.000 phần tử khác 0", "lần chạy 2: seed 1, d 50, bản xây dựng 100 từ, 12.345 phần tử khác 0"}
	if got := compareLabels(vi, rebuilt); !slices.Equal(got, want) {
		t.Errorf("labels of a rebuilt corpus\n got %q\nwant %q", got, want)
	}
	ranks, note := costRanking(vi, runs, []float64{0.2, 0.1, 0.3}, []bool{true, true, true})
	if want := []string{"2 trên 3", "1 trên 3", "3 trên 3"}; !slices.Equal(ranks, want) || note != "" {
		t.Errorf("ranks %q, note %q; want %q and no note", ranks, note, want)
	}
	_, note = costRanking(vi, []app.Run{testRun(1, nil), testRun(2, func(p *app.RunParams) { p.Alpha = 0.5 })}, []float64{0.2, 0.1}, []bool{true, true})
	if !strings.HasPrefix(note, "Các giá trị mất mát cuối không được xếp hạng") || !strings.Contains(note, "α (0,75; 0,5)") {
		t.Errorf("note %q, want the Vietnamese note naming α (0,75; 0,5)", note)
	}
}
