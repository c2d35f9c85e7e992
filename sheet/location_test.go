package sheet

import "testing"

func TestLocation(t *testing.T) {
	rec := Record{Kind: "Cliëntnummer", Key: "VK-0042"}
	tests := []struct {
		l    Location
		want string
		cel  string
	}{
		{Location{File: "a.xlsx", Sheet: "Export", Row: 95, Col: 5, Header: "Amenorroeduur", Record: rec},
			"a.xlsx, blad 'Export', cel E95 (kolom 'Amenorroeduur'), Cliëntnummer VK-0042", "E95"},
		{Location{File: "a.xlsx", Sheet: "Export", Col: 7, Header: "Roken"}, "a.xlsx, blad 'Export', kolom G (kolom 'Roken')", "G"},
		{Location{File: "w.csv", Row: 3, Col: 2, Record: Record{Kind: "Dossiernummer", Key: "WT-1"}}, "w.csv, cel B3, Dossiernummer WT-1", "B3"},
		{Location{File: "w.csv", CSV: true, Row: 3}, "w.csv, regel 3", ""},
		{Location{File: "j.xlsx", Sheet: "K", Row: 8, Col: 3, Record: Record{Key: "Havenstad, 2025-K2"}}, "j.xlsx, blad 'K', cel C8, Havenstad, 2025-K2", "C8"},
		{Location{File: "p.xlsx", Sheet: "P", Row: 12}, "p.xlsx, blad 'P', rij 12", ""},
	}
	for _, tt := range tests {
		if got := tt.l.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
		if got := tt.l.Cell(); got != tt.cel {
			t.Errorf("Cell() = %q, want %q", got, tt.cel)
		}
		if tt.cel == "" {
			continue
		}
		col, row, ok := ParseCell(tt.cel)
		if !ok || col != tt.l.Col || row != tt.l.Row {
			t.Errorf("ParseCell(%q) = %d, %d, %v; want %d, %d", tt.cel, col, row, ok, tt.l.Col, tt.l.Row)
		}
	}
	e := &Error{Location: Location{File: "a.xlsx", Sheet: "S", Row: 2, Col: 1}, Msg: "kapot"}
	if got, want := e.Error(), "a.xlsx, blad 'S', cel A2: kapot"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	for _, s := range []string{"", "5", "e5", "E0", "ABCD1", "E5x", "kolom 3, rij 4"} {
		if _, _, ok := ParseCell(s); ok {
			t.Errorf("ParseCell(%q) ok, want not", s)
		}
	}
}
