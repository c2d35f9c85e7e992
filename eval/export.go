package eval

import (
	"io"
	"math"
	"strconv"

	"kansrijk/csvuit"
)

// ExportKolommen are the columns of the figures export, a stable
// contract for scripts.
var ExportKolommen = []string{"coalitie", "gemeente", "kwartaal", "indicator", "teller", "noemer", "waarde", "status"}

// WriteCSV writes figures as CSV: one row per figure, gemeente empty on
// coalitie totals, numbers with a decimal point, waarde empty when it is
// not computable. Exact small numbers are kept; status flags them. Text
// goes through csvuit, so a coalitie named =1+2 never runs as a formula.
func WriteCSV(w io.Writer, cijfers []Cijfer) error {
	cw := csvuit.NewWriter(w)
	if err := cw.Write(ExportKolommen); err != nil {
		return err
	}
	for _, c := range cijfers {
		teller, noemer, waarde := "", "", ""
		if c.Status != StatusBronOnderdrukt && c.Status != StatusNietBeschikbaar {
			teller, noemer = num(c.Teller), num(c.Noemer)
		}
		if v, ok := c.Waarde(); ok {
			waarde = strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
		}
		rec := []string{c.Coalitie, c.Gemeente, c.Kwartaal.String(), c.Indicator, teller, noemer, waarde, string(c.Status)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return nil
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
