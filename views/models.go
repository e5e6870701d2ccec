// Package views renders the dashboard's HTML with templ components. It
// only knows view models (plain structs built by the handlers); it never
// imports handlers, the store or the analysis packages' web-unaware logic.
package views

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Nav sections; Page.Section selects the highlighted header link.
const (
	SectionHome    = "home"
	SectionCorpora = "corpora"
	SectionTrain   = "train"
	SectionExplore = "explore"
)

// Page carries what the layout needs on every page.
type Page struct {
	Title   string
	Section string
	CSRF    string // token for state-changing requests
	// Path is the request's path and query; the language switch comes
	// back to it.
	Path string
}

// hxHeaders is the hx-headers value putting the CSRF token on every htmx
// request.
func (p Page) hxHeaders() string {
	b, _ := json.Marshal(map[string]string{"X-CSRF-Token": p.CSRF})
	return string(b)
}

// action returns path with the CSRF token as query parameter.
//
// Deprecated: the token then shows in the address bar (after a refused
// form), the history and logs. Give the form a plain action and put
// @csrfField(page) first in it. Kept until the forms of other branches
// (compare, runs, evaluation sets, word page) have moved.
func (p Page) action(path string) string {
	return path + "?_csrf=" + url.QueryEscape(p.CSRF)
}

// CorpusRow is one corpus in a list or on its page.
type CorpusRow struct {
	ID        int64
	Name      string
	Filename  string
	Source    string
	Size      int64
	SHA256    string
	Gzipped   bool
	Created   string
	Built     bool
	Tokens    int64
	Types     int64
	VocabSize int64
}

// VectorRow is one vector set in a list or on its page.
type VectorRow struct {
	ID       int64
	Name     string
	Filename string
	Source   string
	RunID    int64
	Size     int64
	SHA256   string
	Count    int
	Dim      int
	Created  string
}

// JobRow is one job in the job list.
type JobRow struct {
	ID     int64
	Kind   string
	Target string // human description of what it works on ("vector set “demo”")
	// TargetLink is the page of what it works on ("" when deleted).
	TargetLink string
	// Link is the page of a finished job's result ("" when it has none).
	Link     string
	Status   string
	Progress float64
	Message  string
	Error    string
	Position int // place in the queue, 1-based; 0 when not queued
	Created  string
}

// Active reports whether the job can still change.
func (j JobRow) Active() bool { return j.Status == "queued" || j.Status == "running" }

// Jobs is the job list fragment. Poll makes it refresh itself every
// second (set while any job is active).
type Jobs struct {
	Rows    []JobRow
	Poll    bool
	Workers int
}

// HomeData is the home page.
type HomeData struct {
	Page    Page
	Corpora []CorpusRow
	Vectors []VectorRow
	Jobs    Jobs
	// Example is the paper's ice/steam table on the demo corpus (nil
	// when the demo corpus was deleted).
	Example *HomeExample
	// Examples link the ratio examples of the demo corpora.
	Examples []RatioExample
}

// HomeExample leads the home page to Table 1 of the GloVe paper.
type HomeExample struct {
	CorpusName string
	Built      bool
	RatioURL   string // the ice/steam ratio table
	CorpusURL  string
	WordURL    string // the word page of "solid"
}

// RatioExample is a ratio page's example on one corpus.
type RatioExample struct {
	Link
	CorpusID int64
	Corpus   string // its name
	Gloss    string // the words in English, when they are not (shown on English pages)
}

// CorporaData is the corpus list and upload page.
type CorporaData struct {
	Page      Page
	Corpora   []CorpusRow
	MaxUpload int64
	// Name and Error are the name sent with a refused upload and the
	// reason, shown in the upload form (whose file must be chosen again).
	Name, Error string
}

// VectorsData is the vector list and upload page.
type VectorsData struct {
	Page      Page
	Vectors   []VectorRow
	MaxUpload int64
	// Name and Error are the name sent with a refused upload and the
	// reason, shown in the upload form (whose file must be chosen again).
	Name, Error string
}

// VectorPageData is the page of one vector set.
type VectorPageData struct {
	Page      Page
	Vectors   VectorRow
	Duplicate bool
}

// ErrorData is an error page.
type ErrorData struct {
	Page   Page
	Status int
	// Heading is the catalogue key of the page's heading.
	Heading string
	// Message is the user-facing message in English, as the error
	// carries it; the page shows its translation (Msg).
	Message string
}

// AboutData is the about / licences page.
type AboutData struct {
	Page           Page
	WordNetLicense string
	GloVeNotice    string
	// AnalogyNotice and SimilarityLicense are the notices of the
	// evaluation sets built into the binary.
	AnalogyNotice     string
	SimilarityLicense string
	// MPLLicense is the licence of the Vietnamese demo corpus.
	MPLLicense string
}

// Bytes formats a byte count for people in binary units, as the upload
// limit is given: 17 B, 4.0 KiB, 2.9 MiB, 512 MiB.
func Bytes(n int64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	v := float64(n) / float64(div)
	if n%div == 0 || v >= 100 {
		return fmt.Sprintf("%.0f %ciB", v, "KMGTPE"[exp])
	}
	return fmt.Sprintf("%.1f %ciB", v, "KMGTPE"[exp])
}

// Count formats an integer with thousands separators: 1,470,521.
func Count[T ~int | ~int64](n T) string {
	s := strconv.FormatInt(int64(n), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Percent formats a fraction in [0, 1] as a whole percentage.
func Percent(f float64) string {
	return strconv.Itoa(int(f*100+0.5)) + "%"
}

func idPath(prefix string, id int64) string {
	return prefix + strconv.FormatInt(id, 10)
}

func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}
