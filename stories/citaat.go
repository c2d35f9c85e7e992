// Package stories reads the coded parent stories (ouderverhalen), the
// codebook and the persona's, and selects what may be quoted.
package stories

import "kansrijk"

// Toestemming is a fragment's consent.
type Toestemming string

const (
	Intern      Toestemming = "intern"      // count, never quote
	Rapport     Toestemming = "rapport"     // may be quoted to bestuurders
	Openbaar    Toestemming = "openbaar"    // may be quoted anywhere
	Ingetrokken Toestemming = "ingetrokken" // withdrawn: gone from every output
)

// Citaat is a fragment that may be quoted in a report.
type Citaat struct {
	VerhaalID   string
	Coalitie    string
	Kwartaal    kansrijk.Kwartaal
	Werkvorm    string
	Persona     string
	Doelgroep   string
	Toestemming Toestemming
	Tekst       string // already redacted
	Codes       []string
	Toon        string
}
