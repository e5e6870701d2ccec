package jobs_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

func ExampleManager_Submit() {
	dir, _ := os.MkdirTemp("", "jobs-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, _ := store.Open(ctx, dir)
	defer st.Close()
	m, _ := jobs.New(ctx, st, jobs.Options{Workers: 1})
	defer m.Close(ctx)

	job, _ := m.Submit("build-corpus", 1, func(ctx context.Context, run jobs.Run) error {
		for i := range 4 {
			if err := ctx.Err(); err != nil {
				return err // cancelled
			}
			run.Progress(float64(i+1)/4, fmt.Sprintf("chunk %d of 4", i+1))
		}
		return nil
	})
	wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	info, _ := m.Wait(wctx, job.ID)
	fmt.Println(info.Status, info.Progress, info.Message)
	// Output: done 1 chunk 4 of 4
}
