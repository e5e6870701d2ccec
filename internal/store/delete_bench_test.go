package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/store"
)

// catalogueAt fills a store as the load test left it: jobs
// builds and maps on corpora and vector sets, runs with their loss, and
// saved results.
func catalogueAt(tb testing.TB, st *store.Store, jobs int) (corpora, sets []int64) {
	tb.Helper()
	ctx := context.Background()
	for i := range 20 {
		f, err := st.Stage(strings.NewReader(fmt.Sprintf("corpus %d text\n", i)), 0)
		if err != nil {
			tb.Fatal(err)
		}
		c, err := st.AddCorpus(ctx, store.NewCorpus{Name: fmt.Sprint("c", i)}, f)
		if err != nil {
			tb.Fatal(err)
		}
		corpora = append(corpora, c.ID)
		f, err = st.Stage(strings.NewReader(fmt.Sprintf("w%d 1 2\n", i)), 0)
		if err != nil {
			tb.Fatal(err)
		}
		v, err := st.AddVectorSet(ctx, store.NewVectorSet{Name: fmt.Sprint("v", i), Source: store.SourceUpload, Count: 1, Dim: 2}, f)
		if err != nil {
			tb.Fatal(err)
		}
		sets = append(sets, v.ID)
	}
	tx, err := st.DB().BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	for i := range jobs {
		kind, target := "tsne", sets[i%len(sets)]
		if i%2 == 0 {
			kind, target = "build-corpus", corpora[i%len(corpora)]
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO jobs (kind, target_id, status, created) VALUES (?, ?, 'done', '2026-01-01T00:00:00Z')`, kind, target); err != nil {
			tb.Fatal(err)
		}
	}
	for i := range jobs / 10 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO runs (corpus_id, status, created, job_id) VALUES (?, 'done', '2026-01-01T00:00:00Z', ?)`, corpora[i%len(corpora)], i+1); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	return corpora, sets
}

// TestDeletesUseIndexes checks with EXPLAIN QUERY PLAN that what a delete
// of a corpus or vector set looks up — its results, and the runs whose
// corpus it was (the foreign key's ON DELETE SET NULL) — is found
// through an index, not by scanning tables that grow with every job.
func TestDeletesUseIndexes(t *testing.T) {
	st := open(t, t.TempDir())
	catalogueAt(t, st, 200)
	for _, q := range []string{
		`DELETE FROM job_results WHERE corpus_id = 1`,
		`DELETE FROM job_results WHERE vector_set_id = 1`,
		`UPDATE runs SET corpus_id = NULL WHERE corpus_id = 1`, // what the foreign key does
		`SELECT id FROM vector_sets WHERE run_id = 1`,          // a deleted run's vector sets
	} {
		rows, err := st.DB().Query(`EXPLAIN QUERY PLAN ` + q)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		joined := strings.Join(plan, "; ")
		if strings.Contains(joined, "SCAN") || !strings.Contains(joined, "INDEX") {
			t.Errorf("%s: plan %q scans", q, joined)
		}
	}
}

// BenchmarkDeleteAt8500Jobs deletes a corpus and a vector set from a
// catalogue of 8,500 jobs and 850 runs (the issue measured 45 ms).
func BenchmarkDeleteAt8500Jobs(b *testing.B) {
	st, err := store.Open(context.Background(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	corpora, sets := catalogueAt(b, st, 8500)
	ctx := context.Background()
	n := 0
	for b.Loop() {
		if n == len(corpora) {
			b.StopTimer()
			more, moreSets := catalogueAt(b, st, 0)
			corpora, sets = append(corpora, more...), append(sets, moreSets...)
			b.StartTimer()
		}
		if err := st.DeleteCorpus(ctx, corpora[n]); err != nil {
			b.Fatal(err)
		}
		if err := st.DeleteVectorSet(ctx, sets[n]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(2*n)/1000, "ms/delete")
}
