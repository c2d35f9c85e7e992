package kansrijk

import (
	"fmt"
	"strings"
)

// RapportNaam is the base name of a coalitie's report files (PDF and
// HTML) about kwartaal q. It lives here rather than in reports so that
// the configuration can refuse two coalities whose reports would get the
// same name (see BestandsDeel) before anything is written.
func RapportNaam(co Coalitie, q Kwartaal) string {
	return fmt.Sprintf("Kansrijke_Start_%s_%s", BestandsDeel(co.Naam), q)
}

// BestandsDeel is a name as it appears in a file name: every character
// that some file system forbids, control characters and spaces become
// "_". Two names with the same BestandsDeel (ignoring case, as Windows
// and macOS do) would write the same file.
func BestandsDeel(naam string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>| `, r) || r < ' ' {
			return '_'
		}
		return r
	}, naam)
}

// OudersNaam is the base name of a coalitie's page for parents.
func OudersNaam(co Coalitie, q Kwartaal) string {
	return RapportNaam(Coalitie{Naam: co.Naam + " ouders"}, q)
}

// OverzichtNaam is the base name of the overview of all coalities.
func OverzichtNaam(q Kwartaal) string { return fmt.Sprintf("Kansrijke_Start_overzicht_%s", q) }
