// Package archtest holds no code: its test checks the import direction of
// the whole module (cmd → handlers → views, analysis; analysis never
// imports the web stack).
package archtest
