package handlers

// The JSON of the word page's concordance and run panel (part of
// GET /api/corpora/:id/words/:word), built from the same values as the
// page.

import (
	"math"

	"github.com/gloveboard/gloveboard/analysis/concord"
	"github.com/gloveboard/gloveboard/internal/app"
)

type apiConcordance struct {
	Lines     []apiConcordLine `json:"lines"`
	BytesRead int64            `json:"bytes_read"`
	Complete  bool             `json:"complete"`
}

type apiConcordLine struct {
	Line   int64             `json:"line"`
	Tokens []apiConcordToken `json:"tokens"`
}

type apiConcordToken struct {
	Text     string  `json:"text"`
	Role     string  `json:"role"` // keyword | window | outside | dropped
	Distance int     `json:"distance,omitempty"`
	Weight   float64 `json:"weight,omitempty"`
}

var roleNames = map[concord.Role]string{concord.Keyword: "keyword", concord.InWindow: "window", concord.Outside: "outside", concord.Dropped: "dropped"}

func apiConcordanceOf(res *app.Concordance) *apiConcordance {
	if res == nil {
		return nil
	}
	out := &apiConcordance{BytesRead: res.Bytes, Complete: res.Complete, Lines: []apiConcordLine{}}
	for _, l := range res.Lines {
		al := apiConcordLine{Line: l.Number}
		for _, t := range l.Tokens {
			al.Tokens = append(al.Tokens, apiConcordToken{Text: t.Text, Role: roleNames[t.Role], Distance: t.Distance, Weight: t.Weight})
		}
		out.Lines = append(out.Lines, al)
	}
	return out
}

type apiWordRun struct {
	Run       int64       `json:"run"`
	Runs      []int64     `json:"runs"`
	Error     string      `json:"error,omitempty"`
	Neighbors []apiScore  `json:"neighbors,omitempty"`
	PMITop    []apiScore  `json:"pmi_top,omitempty"`
	Overlap   int         `json:"overlap"`
	Fit       *apiWordFit `json:"fit,omitempty"`
}

type apiScore struct {
	Word  string  `json:"word"`
	Score float64 `json:"score"`
}

// apiWordFit: statistics are null when undefined (fewer than two
// partners, no spread).
type apiWordFit struct {
	Partners        int             `json:"partners"`
	XMax            float64         `json:"x_max"`
	Alpha           float64         `json:"alpha"`
	LogCountR       *float64        `json:"log_count_r"`
	LogCountR2      *float64        `json:"log_count_r2"`
	PMIR            *float64        `json:"pmi_r"`
	WeightedRMS     *float64        `json:"weighted_rms"`
	WordBias        float64         `json:"word_bias"`
	LogXW           float64         `json:"log_x_w"`
	LogS            float64         `json:"log_s"`
	MeanContextBias float64         `json:"mean_context_bias"`
	Worst           []apiFitPartner `json:"worst"`
}

type apiFitPartner struct {
	Word     string  `json:"word"`
	X        float64 `json:"x"`
	F        float64 `json:"f"`
	LogX     float64 `json:"log_x"`
	Model    float64 `json:"model"`
	Residual float64 `json:"residual"`
	Dot      float64 `json:"dot"`
	PMI      float64 `json:"pmi_nats"`
}

func orNull(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func apiWordRunOf(p *wordRun, l *app.Build) *apiWordRun {
	if p == nil {
		return nil
	}
	out := &apiWordRun{Run: p.run.ID, Error: p.errMsg, Overlap: p.overlap}
	for _, r := range p.runs {
		out.Runs = append(out.Runs, r.ID)
	}
	for _, n := range p.neighbors {
		out.Neighbors = append(out.Neighbors, apiScore{n.Word, n.Score})
	}
	for _, n := range p.pmiTop {
		out.PMITop = append(out.PMITop, apiScore{n.Word, n.Score})
	}
	if f := p.fit; f != nil {
		af := &apiWordFit{Partners: len(f.Cols), XMax: p.run.Params.XMax, Alpha: p.run.Params.Alpha,
			LogCountR: orNull(f.LogCountR), LogCountR2: orNull(f.LogCountR2), PMIR: orNull(f.PMIR), WeightedRMS: orNull(f.WeightedRMS),
			WordBias: f.WordBias, LogXW: f.LogRowSum, LogS: f.LogTotal, MeanContextBias: f.MeanContextBias}
		for _, k := range worstOf(f, worstFitted) {
			af.Worst = append(af.Worst, apiFitPartner{Word: l.Vocab.Word(f.Cols[k]), X: math.Exp(f.LogX[k]), F: f.Weight[k],
				LogX: f.LogX[k], Model: f.Model[k], Residual: f.Residual[k], Dot: f.Dot[k], PMI: f.PMI[k]})
		}
		out.Fit = af
	}
	return out
}
