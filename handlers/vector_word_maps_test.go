package handlers_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestVectorWordOnSavedMaps saves a map of king and its neighbours and
// finds king's place on it from king's vector word page and its JSON
// twin, with the coordinates of the map's own JSON; a word the map does
// not show lists no map.
func TestVectorWordOnSavedMaps(t *testing.T) {
	a := newModelApp(t, "")
	setID := demoSet(t, a)
	job, resultURL := a.startJobByAPI(t, fmt.Sprintf("/api/vectors/%d/map", setID), "method=pca&source=neighbors&word=king&n=30&save=1")
	var m apiMapAnswer
	if err := json.Unmarshal(a.getOK(t, resultURL), &m); err != nil {
		t.Fatal(err)
	}
	onMap := map[string]bool{}
	var kx, ky float64
	var kGroup string
	for _, p := range m.Points {
		onMap[p.Word] = true
		if p.Word == "king" {
			kx, ky, kGroup = p.X, p.Y, p.Group
		}
	}
	if !onMap["king"] {
		t.Fatalf("king is not on its own neighbours' map: %+v", m.Points)
	}

	type wordMaps struct {
		Maps []struct {
			MapID  int64   `json:"map_id"`
			Method string  `json:"method"`
			N      int     `json:"n"`
			X      float64 `json:"x"`
			Y      float64 `json:"y"`
			Group  string  `json:"group"`
			URL    string  `json:"url"`
		} `json:"maps"`
	}
	var got wordMaps
	if err := json.Unmarshal(a.getOK(t, fmt.Sprintf("/api/vectors/%d/words/king", setID)), &got); err != nil {
		t.Fatal(err)
	}
	wantURL := fmt.Sprintf("/vectors/%d/maps/%d#pin=king", setID, job)
	if len(got.Maps) != 1 {
		t.Fatalf("king is on %d saved maps, want 1: %+v", len(got.Maps), got.Maps)
	}
	if g := got.Maps[0]; g.MapID != job || g.Method != "pca" || g.N != len(m.Points) || g.X != kx || g.Y != ky || g.Group != kGroup || g.URL != wantURL {
		t.Errorf("king on the map: got %+v, want map %d (pca, %d words) at (%v, %v) in %q, %s", g, job, len(m.Points), kx, ky, kGroup, wantURL)
	}

	page := a.get(fmt.Sprintf("/vectors/%d/words/king", setID)).Body.String()
	doc := parse(t, page)
	table := find(doc, "table", "vword-maps-table")
	if table == nil {
		t.Fatal("king's page has no table of saved maps")
	}
	var hrefs []string
	for _, l := range findAll(table, "a") {
		hrefs = append(hrefs, attr(l, "href"))
	}
	if len(hrefs) != 1 || hrefs[0] != wantURL {
		t.Errorf("map links %v, want [%s]", hrefs, wantURL)
	}

	// A word far down the demo file, not among king's 30 neighbours.
	other := "zone"
	if onMap[other] {
		t.Fatalf("%s is on the map; the test needs a word that is not", other)
	}
	var none wordMaps
	if err := json.Unmarshal(a.getOK(t, fmt.Sprintf("/api/vectors/%d/words/%s", setID, other)), &none); err != nil {
		t.Fatal(err)
	}
	if none.Maps == nil || len(none.Maps) != 0 {
		t.Errorf("%s lists maps %+v, want an empty list", other, none.Maps)
	}
	if body := a.get(fmt.Sprintf("/vectors/%d/words/%s", setID, other)).Body.String(); !strings.Contains(body, "No saved map of this vector set shows") {
		t.Errorf("%s's page does not say that no saved map shows it", other)
	}
}
