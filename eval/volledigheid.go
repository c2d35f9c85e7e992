package eval

import (
	"strings"

	"kansrijk"
)

// Volledigheidsstatus says whether a coalitie figure is there.
type Volledigheidsstatus string

const (
	Volledig        Volledigheidsstatus = "volledig"         // a computable figure
	NietAangeleverd Volledigheidsstatus = "niet aangeleverd" // no figure at all
	NietBerekenbaar Volledigheidsstatus = "niet berekenbaar" // delivered, but no value
)

// Noot is the completeness of one coalitie figure: whether it is there,
// and on which leveringen it rests, with a Dutch note for a footnote.
type Noot struct {
	Coalitie  string
	Indicator string
	Kwartaal  kansrijk.Kwartaal
	Status    Volledigheidsstatus
	// Ontbrekend are the partners delivering the indicator's bron for the
	// coalitie that did not deliver this kwartaal.
	Ontbrekend []string
	// Gecorrigeerd are the partners whose levering for this kwartaal was
	// replaced by a correction; only when there is a figure.
	Gecorrigeerd []string
	// Tekst is the note, e.g. "niet aangeleverd door Sociaal wijkteam
	// Lindehoven" or "gebaseerd op een gecorrigeerde levering van
	// Verloskundigen Lindehoven"; "" for a complete figure on original
	// leveringen.
	Tekst string
}

// Volledigheid returns a Noot for every coalitie × indicator × kwartaal
// of cfg and kwartalen (in that order), from the coalitie figures among
// cijfers and the delivery statuses of Aanleveringen. A partner is linked
// to an indicator by its bron (Partner.Bron = Indicator.Bron) and to a
// coalitie by the gemeenten it serves.
func Volledigheid(cijfers []Cijfer, aanleveringen []Aanlevering, cfg *kansrijk.Config, kwartalen []kansrijk.Kwartaal) []Noot {
	type sleutel struct {
		coalitie, wie string // wie: an indicator or a partner
		q             int
	}
	fig := map[sleutel]Cijfer{}
	for _, c := range cijfers {
		if c.Gemeente == "" {
			fig[sleutel{c.Coalitie, c.Indicator, c.Kwartaal.Index()}] = c
		}
	}
	geleverd := map[sleutel]Aanleverstatus{}
	for _, a := range aanleveringen {
		geleverd[sleutel{a.Coalitie, a.Partner, a.Kwartaal.Index()}] = a.Status
	}

	var out []Noot
	bed := nieuweBediening(cfg)
	for _, co := range cfg.Coalities {
		for _, in := range cfg.Indicatoren {
			var partners []string
			for i, p := range cfg.Partners {
				if p.Bron == in.Bron && bed.bedient(i, co) {
					partners = append(partners, p.Naam)
				}
			}
			for _, q := range kwartalen {
				n := Noot{Coalitie: co.Naam, Indicator: in.Code, Kwartaal: q}
				c, bestaat := fig[sleutel{co.Naam, in.Code, q.Index()}]
				for _, p := range partners {
					switch geleverd[sleutel{co.Naam, p, q.Index()}] {
					case Ontbreekt:
						n.Ontbrekend = append(n.Ontbrekend, p)
					case Gecorrigeerd:
						if bestaat {
							n.Gecorrigeerd = append(n.Gecorrigeerd, p)
						}
					}
				}
				switch {
				case !bestaat:
					n.Status = NietAangeleverd
				case c.Berekenbaar() && c.Noemer > 0:
					n.Status = Volledig
				default:
					n.Status = NietBerekenbaar
				}
				n.Tekst = nootTekst(n, c.Status)
				out = append(out, n)
			}
		}
	}
	return out
}

// nootTekst words a Noot; s is the status of the figure, if any.
func nootTekst(n Noot, s Status) string {
	var delen []string
	switch n.Status {
	case NietAangeleverd:
		t := "niet aangeleverd"
		if len(n.Ontbrekend) > 0 {
			t += " door " + opsomming(n.Ontbrekend)
		}
		delen = append(delen, t)
	case NietBerekenbaar:
		t := "niet berekenbaar: "
		switch {
		case s == StatusBronOnderdrukt:
			t += "de partner leverde <5 aan"
		case len(n.Ontbrekend) > 0:
			t += "niet aangeleverd door " + opsomming(n.Ontbrekend)
		case s == StatusNietBeschikbaar:
			t += "niet beschikbaar bij de partner of voor een van de gemeenten"
		default:
			t += "niemand om mee te tellen (0 van 0)"
		}
		delen = append(delen, t)
	}
	if len(n.Gecorrigeerd) > 0 {
		delen = append(delen, "gebaseerd op een gecorrigeerde levering van "+opsomming(n.Gecorrigeerd))
	}
	return strings.Join(delen, "; ")
}

// opsomming lists names the Dutch way: "A", "A en B", "A, B en C".
func opsomming(namen []string) string {
	if len(namen) == 1 {
		return namen[0]
	}
	return strings.Join(namen[:len(namen)-1], ", ") + " en " + namen[len(namen)-1]
}
