package kansrijk

// Aandachtspunten are the 10 aandachtspunten of the borging in the
// domain reference; Aandachtspunten[0] is number 1.
var Aandachtspunten = [10]string{
	"Stip op de horizon (gedeelde visie)",
	"Kartrekker(s) aangewezen",
	"Afspraken op uitvoeringsniveau",
	"Afspraken op organisatieniveau",
	"Afspraken op bestuursniveau (intentieverklaring)",
	"Structurele financiering",
	"Samenwerken met de doelgroep",
	"Terugkoppeling aan ouders",
	"Monitoring en evaluatie (tellen en vertellen)",
	"Deskundigheidsbevordering",
}

// BorgingStatussen are the statuses of an aandachtspunt in the
// procesmonitor, from least to most advanced. The last two count as
// realised for KS10.
var BorgingStatussen = [4]string{"Niet gestart", "In ontwikkeling", "Gerealiseerd", "Geborgd"}
