// Package reports renders evaluation reports: one PDF and one
// self-contained HTML file per coalitie per kwartaal, with the same
// content. All text is Dutch. Data comes only from eval and stories.
package reports

import (
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/stories"
)

// Rapport is everything one coalitie's report shows. Basis.Rapport fills it;
// WritePDF and WriteHTML render it.
type Rapport struct {
	Regio     string
	Coalitie  kansrijk.Coalitie
	Kwartaal  kansrijk.Kwartaal   // the reporting quarter
	Kwartalen []kansrijk.Kwartaal // the series shown, oldest first, ending at Kwartaal
	Gemaakt   time.Time           // printed on the cover and stored in the PDF

	Indicatoren []Reeks
	// Borging is the procesmonitor's detail behind KS10, cut to the
	// kwartalen of Kwartalen; nil when the coalitie has no procesmonitor.
	Borging *eval.BorgingCoalitie
	// Aanleveringen is the delivery status of every partner of the
	// coalitie in every kwartaal of Kwartalen, by partner and kwartaal.
	Aanleveringen []eval.Aanlevering
	// Samenhangen are the joint displays (tellen én vertellen) of the
	// report's kwartaal, one per theme of the codebook; nil without a
	// codebook.
	Samenhangen []eval.Samenhang
	// Personas are the coalitie's persona's, in the order of the persona
	// table.
	Personas []Persona
	// Citaten are quotes the joint display and the persona's do not
	// already show.
	Citaten []stories.Citaat
	Bronnen []Bron
}

// Persona is one persona of the coalitie with what its stories touch, up
// to the report's kwartaal.
type Persona struct {
	stories.PersonaPagina
	// Citaat is a quote from the persona's stories with consent rapport
	// or openbaar that the joint display does not show; nil if there is
	// none. ZieThema then names the theme of the joint display that
	// quotes the persona, if one does.
	Citaat   *stories.Citaat
	ZieThema string
}

// Reeks is one indicator's figures over Rapport.Kwartalen.
type Reeks struct {
	Indicator kansrijk.Indicator
	// Coalitie holds one figure per kwartaal of Rapport.Kwartalen; a
	// kwartaal without a figure has Status "" (not delivered).
	Coalitie []eval.Cijfer
	// Gemeenten holds the same per gemeente, for coalities of more than
	// one gemeente.
	Gemeenten []GemeenteReeks
	// Beoordelingen holds eval's analysis of the coalitie's figure per
	// kwartaal of Rapport.Kwartalen. The one of Rapport.Kwartaal is what
	// the report discusses; the others give the chart its intervals.
	// Empty when there is no analysis.
	Beoordelingen []eval.Beoordeling
	// Noten holds the completeness of the coalitie's figure per kwartaal
	// of Rapport.Kwartalen; empty when unknown.
	Noten []eval.Noot
}

// GemeenteReeks is one gemeente's figures over Rapport.Kwartalen.
type GemeenteReeks struct {
	Gemeente string
	Cijfers  []eval.Cijfer
}

// Bron is one levering the figures rest on.
type Bron struct {
	Partner   string
	Bestand   string
	Periode   string
	Ingelezen time.Time
}
