package reports

import (
	"bytes"
	"context"
	"errors"
	"strings"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/store"
	"kansrijk/stories"
)

// ExportTabellen are the sheets of the Excel export (kansrijk export and
// the web page): the figures, the delivery status and, once a codebook
// is in, the stories tables.
func ExportTabellen(ctx context.Context, db *store.DB, cfg *kansrijk.Config, cijfers []eval.Cijfer) ([]Tabel, error) {
	as, err := eval.Aanleveringen(ctx, db, cfg)
	if err != nil {
		return nil, err
	}
	out := []Tabel{CijferTabel(cijfers), AanleverTabel(as)}
	vs, err := stories.Tabellen(ctx, db, cfg)
	if errors.Is(err, stories.ErrGeenCodeboek) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	for _, v := range vs {
		var buf bytes.Buffer
		if err := v.Write(&buf); err != nil {
			return nil, err
		}
		naam := "Verhalen " + strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(v.Naam, "verhalen_"), ".csv"), "_", " ")
		t, err := TabelUitCSV(naam, buf.Bytes())
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}
