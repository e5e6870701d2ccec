// Package app is gloveboard's application service: everything the
// dashboard does besides parsing requests and rendering pages. The web
// layer (package handlers) calls a *Service; cmd/web only parses flags,
// calls Open and serves.
//
// The service owns:
//
//   - the catalogue (internal/store) and the job manager (internal/jobs),
//     opened and reconciled by Open: jobs and runs a killed process left
//     active are marked interrupted, corpus builds and the catalogue are
//     brought back in line, vector sets of runs that did not finish are
//     removed, the demo data is installed and its build queued;
//   - the registry of job kinds (kinds.go): each Kind has a title, the noun
//     of its target and a body func(ctx, jobs.Run) error. A body sees its
//     own job id from its first line, reports progress without blocking
//     and says what users read when it fails with an *apperr.Error;
//   - the lifecycle of a training run (runs.go). A run is recorded in the
//     same transaction as its training job and its status is the job's
//     (store.Run.Status is derived from the job row when it is read), so the
//     two can never disagree: nothing patches a run's status afterwards
//     and reading a run never writes;
//   - the memory budgets that refuse work too large for one job
//     (budget.go);
//   - saved results (results.go): every finished result (t-SNE maps,
//     co-occurrence spectra) is written as results/<job>.json holding
//     {"kind", "version", "result"}, read back after a restart;
//   - the in-memory caches, all of them lru.LRU: loaded corpus builds and
//     vector sets (bounded by bytes, each cache by the memory budget),
//     finished results, and computed figures (Zipf fits,
//     covariance spectra, fidelity samples, evaluations).
//
// Errors: methods return *apperr.Error for anything a user should read
// (with the sentinel of the analysis or store package wrapped inside, so
// errors.Is still works); anything else is internal. The messages format
// counts and sizes with views.Count and views.Bytes, so that they read as
// the pages do (views is a leaf package: it imports no project package).
//
// Some types are the internal packages' own, named here (Build, RunParams,
// JobInfo, ...) so that the web layer needs none of those packages.
package app
