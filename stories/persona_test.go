package stories

import (
	"testing"

	"kansrijk/store"
)

func TestOnbekendePersonas(t *testing.T) {
	v := &Verhalen{
		Personas: []store.Persona{{Voornaam: "Samira"}, {Voornaam: "Kim"}},
		Fragmenten: []Fragment{
			{Bestand: "b.xlsx", Rij: 4, VerhaalID: "X-3", Persona: "Kimberley"},
			{Bestand: "a.xlsx", Rij: 2, VerhaalID: "X-1", Persona: "samira"},
			{Bestand: "a.xlsx", Rij: 3, VerhaalID: "X-2", Persona: ""},
		},
	}
	got := v.OnbekendePersonas()
	if len(got) != 1 || got[0].Persona != "Kimberley" || got[0].Rij != 4 {
		t.Fatalf("OnbekendePersonas = %+v, want only Kimberley in row 4", got)
	}
	if m := got[0].Melding(); m.File != "b.xlsx" || m.Waarde != "Kimberley" {
		t.Errorf("Melding = %+v", m)
	}
	if (&Verhalen{Fragmenten: v.Fragmenten}).OnbekendePersonas() != nil {
		t.Error("without persona's nothing can be checked, want nil")
	}
}
