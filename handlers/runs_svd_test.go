package handlers_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	service "github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// TestSVDRunOnDemoBesideGloVe computes the SVD-PPMI baseline on the demo
// corpus through the API, trains a short GloVe run beside it, and finds
// both scored on the built-in sets, side by side on /runs/compare (the
// SVD run without a loss curve, its cost left out) and in the runs table
// of the Train page, whose score cells are the API's scores.
func TestSVDRunOnDemoBesideGloVe(t *testing.T) {
	a := newModelApp(t, "")
	a.buildDemo(t)
	cs, err := a.st.Corpora(t.Context())
	if err != nil || len(cs) == 0 {
		t.Fatal(cs, err)
	}
	// The English demo (the Vietnamese one has no analogy questions).
	var wordnet store.Corpus
	for _, c := range cs {
		if c.Name == demo.CorpusName {
			wordnet = c
		}
	}
	if wordnet.ID == 0 {
		t.Fatalf("no %s among %+v", demo.CorpusName, cs)
	}
	start := func(body string) int64 {
		t.Helper()
		rec := a.postAPI("/api/runs", body)
		var got struct {
			RunID int64 `json:"run_id"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusAccepted {
			t.Fatalf("POST /api/runs %s: %d %s", body, rec.Code, rec.Body)
		}
		return got.RunID
	}
	svd := start(fmt.Sprintf(`{"corpus_id": %d, "model": "svd-ppmi", "vector_size": 25}`, wordnet.ID))
	glove := start(fmt.Sprintf(`{"corpus_id": %d, "vector_size": 10, "epochs": 1, "threads": 1}`, wordnet.ID))
	for _, id := range []int64{svd, glove} {
		if r := a.modelWaitRun(t, id); r.Status != store.RunDone {
			t.Fatalf("run %d ended %s: %s", id, r.Status, r.Results)
		}
	}

	var runs struct {
		Runs []struct {
			ID      int64               `json:"id"`
			Params  service.RunParams   `json:"params"`
			Results *service.RunResults `json:"results"`
			Loss    []json.RawMessage   `json:"loss"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(a.get("/api/runs").Body.Bytes(), &runs); err != nil {
		t.Fatal(err)
	}
	scores := map[int64]*service.Evaluation{}
	for _, r := range runs.Runs {
		if r.Results == nil || r.Results.Evaluation == nil || r.Results.Evaluation.Analogy == nil || len(r.Results.Evaluation.Similarity) < 3 {
			t.Fatalf("run %d is not scored: %+v", r.ID, r.Results)
		}
		ev := r.Results.Evaluation
		scores[r.ID] = ev
		if ev.Analogy.Total.Covered < 1000 {
			t.Errorf("run %d covers %d analogy questions", r.ID, ev.Analogy.Total.Covered)
		}
		if r.ID == svd && (r.Params.Model != "svd-ppmi" || r.Params.Power != 0.5 || r.Params.VectorSize != 25 || len(r.Loss) != 0) {
			t.Errorf("SVD run: params %+v, %d loss points", r.Params, len(r.Loss))
		}
		t.Logf("run %d (%s): analogy %.3f (sem %.3f, syn %.3f) over %d; similarity %s", r.ID, r.Params.ModelName(),
			ev.Analogy.Total.Accuracy, ev.Analogy.Semantic.Accuracy, ev.Analogy.Syntactic.Accuracy, ev.Analogy.Total.Covered, simText(ev))
	}
	if scores[svd].Analogy.Total.Correct == 0 {
		t.Errorf("the SVD-PPMI vectors answer no analogy on the demo corpus")
	}

	doc := parse(t, a.get(fmt.Sprintf("/runs/compare?runs=%d,%d", glove, svd)).Body.String())
	table := find(doc, "section", "compare-table")
	if table == nil || find(doc, "figure", "compare-plot") == nil {
		t.Fatal("comparison lacks its table or figure")
	}
	if got := text(table); !strings.Contains(got, fmt.Sprintf("Run %d is an SVD-PPMI run", svd)) || !strings.Contains(got, "no loss curve") {
		t.Errorf("comparison does not say the SVD run has no curve: %q", got)
	}
	for _, id := range []int64{glove, svd} {
		row := find(table, "tr", "compare-run-"+strconv.FormatInt(id, 10))
		if row == nil {
			t.Fatalf("run %d missing from the comparison", id)
		}
		ev := scores[id]
		cells := text(row)
		for _, want := range []string{
			views.AccuracyText(views.NewLocale(views.English), ev.Analogy.Total.Correct, ev.Analogy.Total.Covered),
			views.AccuracyText(views.NewLocale(views.English), ev.Analogy.Semantic.Correct, ev.Analogy.Semantic.Covered),
			strconv.FormatFloat(*ev.Similarity[0].Spearman, 'f', 3, 64),
			strconv.FormatFloat(*ev.Similarity[2].Spearman, 'f', 3, 64),
		} {
			if !strings.Contains(cells, want) {
				t.Errorf("comparison row of run %d %q lacks %q", id, cells, want)
			}
		}
	}

	// The Train page's runs table shows the same scores.
	train := parse(t, a.get("/train").Body.String())
	row := find(train, "tr", "run-"+strconv.FormatInt(svd, 10))
	if row == nil {
		t.Fatal("SVD run missing from the runs table")
	}
	ev := scores[svd]
	if got := text(row); !strings.Contains(got, "SVD-PPMI") || !strings.Contains(got, views.AccuracyText(views.NewLocale(views.English), ev.Analogy.Syntactic.Correct, ev.Analogy.Syntactic.Covered)) ||
		!strings.Contains(got, strconv.FormatFloat(*ev.Similarity[1].Spearman, 'f', 3, 64)) {
		t.Errorf("runs table row of the SVD run: %q", got)
	}
}

func simText(ev *service.Evaluation) string {
	var parts []string
	for _, s := range ev.Similarity {
		v := "n/a"
		if s.Spearman != nil {
			v = strconv.FormatFloat(*s.Spearman, 'f', 3, 64)
		}
		parts = append(parts, fmt.Sprintf("%s %s (%d pairs)", s.Name, v, s.Pairs))
	}
	return strings.Join(parts, ", ")
}
