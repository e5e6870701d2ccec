package handlers

// Every route of the dashboard but the core ones registered in New: the
// Corpora and Ratios sections, the Train and Explore sections, and their
// JSON API. docs/api.md documents them.

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// registerCorpusRoutes adds the corpus page, ratio page, plots and their API.
func (s *Server) registerCorpusRoutes(e *echo.Echo) {
	e.GET("/corpora/:id", s.corpusDetail)
	e.POST("/corpora/:id/build", s.buildCorpus)
	e.GET("/corpora/:id/build-status", s.buildStatus)
	e.GET("/corpora/:id/ratio", s.ratioPage)
	e.GET("/corpora/:id/words", s.corpusWords)
	e.GET("/corpora/:id/words/:word", s.wordPage)
	e.GET("/corpora/:id/words/:word/plots/fit", s.wordFitPlot)
	e.GET("/corpora/:id/plots/:file", s.corpusPlot)

	e.GET("/api/corpora/:id/stats", s.apiCorpusStats)
	e.GET("/api/corpora/:id/zipf", s.apiZipf)
	e.GET("/api/corpora/:id/ratio", s.apiRatio)
	e.GET("/api/corpora/:id/pmi", s.apiPMI)
	e.GET("/api/corpora/:id/words", s.corpusWords)
	e.GET("/api/corpora/:id/words/:word", s.apiWord)
	e.POST("/api/corpora/:id/build", s.apiBuild)
	s.registerCorpusSpectrumRoutes(e)
	// Phrases (phrases.go).
	e.GET("/corpora/:id/download/:file", s.downloadPhrases)
	e.GET("/api/corpora/:id/phrases", s.apiPhrases)
}

func (s *Server) registerCorpusSpectrumRoutes(e *echo.Echo) {
	e.POST("/corpora/:id/spectrum", s.startCorpusSpectrum)
	e.GET("/corpora/:id/spectrum", s.corpusSpectrumNeedsPost)
	e.GET("/corpora/:id/spectra/:job", s.corpusSpectrumFragment)
	e.GET("/corpora/:id/spectra/:job/plot", s.corpusSpectrumPlot)
	e.POST("/api/corpora/:id/spectrum", s.apiStartCorpusSpectrum)
	e.GET("/api/corpora/:id/spectrum", s.corpusSpectrumNeedsPost)
	e.GET("/api/corpora/:id/spectra/:job", s.apiCorpusSpectrum)
}

func isUpload(c echo.Context) bool {
	if c.Request().Method != http.MethodPost {
		return false
	}
	p := c.Request().URL.Path
	return p == "/corpora" || p == "/vectors"
}

// registerModelRoutes adds the Train and Explore pages and their API.
func (s *Server) registerModelRoutes(e *echo.Echo) {
	e.GET("/train", s.trainPage)
	e.POST("/train", s.startRun)
	e.GET("/runs/compare", s.compareRuns)
	e.GET("/runs/compare/plot", s.comparePlot)
	e.GET("/runs/:id", s.runPage)
	e.GET("/runs/:id/progress", s.runProgress)
	e.POST("/runs/:id/cancel", s.cancelRun)
	e.GET("/runs/:id/fidelity", s.runFidelity)
	e.GET("/runs/:id/plots/loss", s.lossPlot)
	e.GET("/runs/:id/plots/fidelity", s.fidelityPlot)
	s.registerRunControlRoutes(e) // resume, retry and their API twins (runcontrol.go)

	e.GET("/explore", s.exploreList)
	e.GET("/vectors/:id/explore", s.explorePage)
	e.GET("/vectors/:id/neighbors", s.neighborsFragment)
	e.GET("/vectors/:id/analogy", s.analogyFragment)
	e.GET("/vectors/:id/map", s.mapFragment)
	e.POST("/vectors/:id/map", s.mapFragment) // t-SNE maps start a job: POST only
	e.GET("/vectors/:id/maps/:job", s.mapJobFragment)
	e.GET("/vectors/:id/spectrum", s.spectrumFragment)
	e.GET("/vectors/:id/words", s.vectorWords)
	e.GET("/vectors/:id/words/:word", s.vectorWordPage)
	e.GET("/vectors/:id/evaluation", s.evaluationFragment)
	e.GET("/vectors/:id/plots/:kind", s.vectorPlot)
	e.GET("/vectors/:id/download/:file", s.downloadVectors)

	e.GET("/api/runs", s.apiRuns)
	e.POST("/api/runs", s.apiStartRun)
	e.GET("/api/runs/:id", s.apiRun)
	e.GET("/api/vectors/:id/words", s.vectorWords)
	e.GET("/api/vectors/:id/words/:word", s.apiVectorWord)
	e.GET("/api/vectors/:id/neighbors", s.apiNeighbors)
	e.GET("/api/vectors/:id/analogy", s.apiAnalogy)
	e.GET("/api/vectors/:id/spectrum", s.apiVectorSpectrum)
	e.GET("/api/vectors/:id/map", s.apiMap)
	e.POST("/api/vectors/:id/map", s.apiMap)
	e.GET("/api/vectors/:id/maps/:job", s.apiMapJob)
	// Evaluation sets users upload (evalsets.go).
	e.POST("/evalsets", s.uploadEvalSet)
	e.POST("/evalsets/:id/delete", s.deleteEvalSet)
	e.GET("/api/evalsets", s.apiEvalSets)
	e.POST("/api/evalsets", s.apiUploadEvalSet)
	e.GET("/api/vectors/:id/maps", s.apiSavedMaps)
}

// registerCompareRoutes adds the Compare pages (issue 16): two vector sets
// aligned, and a set's concept axes and WEAT.
func (s *Server) registerCompareRoutes(e *echo.Echo) {
	e.GET("/compare/align", s.alignPage)
	e.POST("/compare/align", s.startAlign) // a job, for sets too large to align in a request
	e.GET("/compare/align/jobs/:job", s.alignJobFragment)
	e.POST("/api/compare/align", s.apiStartAlign)
	e.GET("/compare/plots/align", s.alignPlot)
	e.GET("/api/compare/align", s.apiAlign)
	e.GET("/vectors/:id/axes", s.axesPage)
	e.GET("/vectors/:id/plots/axes", s.axesPlot)
	e.GET("/vectors/:id/weat", s.weatPage)
	e.POST("/api/vectors/:id/weat", s.apiWEAT)
}
