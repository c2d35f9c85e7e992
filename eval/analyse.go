package eval

import (
	"math"

	"kansrijk"
)

// Verdicts of the comparison with the other coalities (user-facing).
const (
	BovenGemiddelde = "hoger dan gemiddeld"
	OnderGemiddelde = "lager dan gemiddeld"
	ZoalsGemiddelde = "niet te onderscheiden van het gemiddelde"
)

// vergelijkMinimum coalities are needed for a comparison: with two, the
// "mean" is half the comparison itself.
const vergelijkMinimum = 3

// Beoordeling is the analysis of one indicator for one coalitie in the
// reporting kwartaal: the figure with its uncertainty, how it changed, how
// far it is from the streefwaarde, how it compares with the other
// coalities, and its trend.
//
// Units: Waarde, Interval and the streefwaarde are fractions (0.25 =
// 25%), like Cijfer.Waarde; every difference (changes, distance to the
// streefwaarde, trend slope) is in procentpunten.
//
// Small numbers: only figures that may be shown (Toonbaar) are used for
// anything shown. A figure that is not Toonbaar gets Getoond false and no
// value, interval, change, distance or comparison; a change needs both
// figures Toonbaar (one and the difference would give away the other);
// the trend and the mean of the coalities leave such figures out.
type Beoordeling struct {
	Coalitie  string
	Indicator string
	Kwartaal  kansrijk.Kwartaal
	// Status of the coalitie's figure in Kwartaal; "" when there is none.
	Status Status
	// Getoond reports whether the figure may be shown; everything below
	// but Trend is empty when it is false.
	Getoond bool
	Waarde  float64
	// Interval is the 95% Wilson interval; nil for indicators that do not
	// count people (KS08, KS10).
	Interval      *Interval
	VorigKwartaal *Verschil // change since the kwartaal before
	VorigJaar     *Verschil // change since the same kwartaal a year before
	// SindsBaseline is the change since the indicator's baseline
	// kwartaal (Indicator.Baseline), when both figures may be shown.
	SindsBaseline *Verschil
	Streef        *Streef // nil when the indicator has no streefwaarde
	// Vergelijking with the mean of the coalities; nil for indicators that
	// do not count people, or with fewer than 3 coalities to compare.
	Vergelijking *Vergelijking
	Trend        Trend
}

// Verschil is the change of a figure since an earlier kwartaal.
type Verschil struct {
	Sinds         kansrijk.Kwartaal
	Procentpunten float64 // now minus then
	// Onder..Boven is the 95% interval of the change in procentpunten
	// (Newcombe's hybrid score method); MetInterval is false, and they
	// are zero, for indicators that do not count people.
	MetInterval  bool
	Onder, Boven float64
}

// Duidelijk reports whether the change is larger than chance alone
// explains: its 95% interval excludes zero.
func (v Verschil) Duidelijk() bool {
	return v.MetInterval && (v.Onder > 0 || v.Boven < 0)
}

// Streef is the distance of a figure to the indicator's streefwaarde.
type Streef struct {
	Streefwaarde float64 // fraction
	// Verschil is waarde minus streefwaarde in procentpunten.
	Verschil float64
	// NogTeGaan is how many procentpunten the figure must still move in
	// the better direction; 0 once the streefwaarde is reached.
	NogTeGaan float64
	Bereikt   bool
}

// Vergelijking places a coalitie's figure against the mean of the
// coalities, as in a funnel plot (Spiegelhalter 2005): the mean is the
// pooled proportion p0 = Σteller/Σnoemer, and a figure differs from it
// only if it lies outside p0 ± 1.96·sqrt(p0(1−p0)/n), n being the
// coalitie's noemer. The limits widen for small coalities, so a small
// coalitie is not called different for what chance explains.
type Vergelijking struct {
	Oordeel      string
	Gemiddelde   float64 // p0, fraction
	Onder, Boven float64 // the 95% limits for this coalitie's noemer, within [0, 1]
	Coalities    int     // coalities in the mean
}

// Analyse assesses every indicator of cfg for every coalitie in kwartaal
// q, from the coalitie figures (Gemeente empty) among cijfers, in the
// order of cfg's coalities and indicators.
func Analyse(cijfers []Cijfer, cfg *kansrijk.Config, q kansrijk.Kwartaal) []Beoordeling {
	type sleutel struct {
		coalitie, indicator string
		q                   int
	}
	fig := map[sleutel]Cijfer{}
	for _, c := range cijfers {
		if c.Gemeente == "" {
			fig[sleutel{c.Coalitie, c.Indicator, c.Kwartaal.Index()}] = c
		}
	}
	zichtbaar := func(coalitie, ind string, k kansrijk.Kwartaal) (Cijfer, bool) {
		c, ok := fig[sleutel{coalitie, ind, k.Index()}]
		return c, ok && c.Toonbaar() && c.Noemer > 0
	}

	// The figures the mean of the coalities is made of are the same for
	// every coalitie: gather them once per indicator.
	alleVan := make(map[string][]Cijfer, len(cfg.Indicatoren))
	for _, in := range cfg.Indicatoren {
		var alle []Cijfer
		for _, ander := range cfg.Coalities {
			if c, ok := zichtbaar(ander.Naam, in.Code, q); ok {
				alle = append(alle, c)
			}
		}
		alleVan[in.Code] = alle
	}

	var out []Beoordeling
	for _, co := range cfg.Coalities {
		for _, in := range cfg.Indicatoren {
			personen := TeltPersonen(in.Code)
			b := Beoordeling{Coalitie: co.Naam, Indicator: in.Code, Kwartaal: q}
			var ps []punt
			for _, k := range kansrijk.Between(q.Add(1-trendVenster), q) {
				if c, ok := zichtbaar(co.Naam, in.Code, k); ok {
					ps = append(ps, punt{float64(k.Index()), c.Teller, c.Noemer})
				}
			}
			b.Trend = bepaalTrend(ps, in.Beter, personen)

			nu, toon := zichtbaar(co.Naam, in.Code, q)
			b.Status = nu.Status // "" when there is no figure
			if !toon {
				out = append(out, b)
				continue
			}
			b.Getoond = true
			b.Waarde = nu.Teller / nu.Noemer
			if personen {
				lo, hi, _ := Wilson(nu.Teller, nu.Noemer)
				b.Interval = &Interval{lo, hi}
			}
			if c, ok := zichtbaar(co.Naam, in.Code, q.Add(-1)); ok {
				b.VorigKwartaal = verschil(nu, c, personen)
			}
			if c, ok := zichtbaar(co.Naam, in.Code, q.Add(-4)); ok {
				b.VorigJaar = verschil(nu, c, personen)
			}
			if base, err := kansrijk.ParseKwartaal(in.Baseline); err == nil && base.Index() < q.Index() {
				if c, ok := zichtbaar(co.Naam, in.Code, base); ok {
					b.SindsBaseline = verschil(nu, c, personen)
				}
			}
			b.Streef = streef(b.Waarde, in)
			if personen {
				b.Vergelijking = vergelijk(nu, alleVan[in.Code])
			}
			out = append(out, b)
		}
	}
	return out
}

// verschil is the change from figure dan to figure nu.
func verschil(nu, dan Cijfer, personen bool) *Verschil {
	v := &Verschil{Sinds: dan.Kwartaal, Procentpunten: 100 * (nu.Teller/nu.Noemer - dan.Teller/dan.Noemer)}
	if personen {
		lo, hi, ok := newcombe(nu.Teller, nu.Noemer, dan.Teller, dan.Noemer)
		v.MetInterval, v.Onder, v.Boven = ok, 100*lo, 100*hi
	}
	return v
}

// streef measures the distance to the streefwaarde in the indicator's
// better direction; nil without a streefwaarde or a better direction.
func streef(waarde float64, in kansrijk.Indicator) *Streef {
	if in.Streefwaarde <= 0 || (in.Beter != "hoger" && in.Beter != "lager") {
		return nil
	}
	s := &Streef{Streefwaarde: in.Streefwaarde, Verschil: 100 * (waarde - in.Streefwaarde)}
	nog := s.Verschil
	if in.Beter == "hoger" {
		nog = -nog
	}
	s.NogTeGaan = math.Max(0, nog)
	s.Bereikt = s.NogTeGaan == 0
	return s
}

// vergelijk places nu against the pooled mean of alle (which includes
// nu); nil with fewer than vergelijkMinimum coalities.
func vergelijk(nu Cijfer, alle []Cijfer) *Vergelijking {
	if len(alle) < vergelijkMinimum {
		return nil
	}
	var t, n float64
	for _, c := range alle {
		t += c.Teller
		n += c.Noemer
	}
	p0 := t / n
	half := z975 * math.Sqrt(p0*(1-p0)/nu.Noemer)
	v := &Vergelijking{Gemiddelde: p0, Coalities: len(alle), Oordeel: ZoalsGemiddelde}
	p := nu.Teller / nu.Noemer
	switch {
	case p > p0+half:
		v.Oordeel = BovenGemiddelde
	case p < p0-half:
		v.Oordeel = OnderGemiddelde
	}
	v.Onder, v.Boven = math.Max(0, p0-half), math.Min(1, p0+half)
	return v
}
