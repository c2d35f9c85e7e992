package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestBadInput puts good and bad files in one inbox: every bad one gets a
// Dutch message that names it and says what to do, the good ones are
// imported all the same, and the exit status is 1.
func TestBadInput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatalf("voorbeeld: %s", stderr)
	}
	src := filepath.Join(dir, "inbox")
	in := t.TempDir()
	copyFile := func(name, as string) []byte {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, as), b, 0o644); err != nil {
			t.Fatal(err)
		}
		return b
	}
	good := "Verloskundigenpraktijk_DeWieg_2025-Q1.xlsx"
	copyFile(good, good)
	wijk := "wijkteam_dalwijk_2025-K1.csv"
	copyFile(wijk, wijk)
	b := copyFile("Verloskundigen_Lindehoven_2025-Q3.xlsx", "Verloskundigen_Lindehoven_2025-Q3.xlsx")
	os.WriteFile(filepath.Join(in, "Verloskundigen_Lindehoven_2025-Q3.xlsx"), b[:len(b)/3], 0o644) // truncated
	os.WriteFile(filepath.Join(in, "wijkteam_havenstad_2025-K1.xlsx"), append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...), 0o644)
	os.WriteFile(filepath.Join(in, "Procesmonitor_Havenstad_2025-K1.xlsx"), nil, 0o644)
	os.WriteFile(filepath.Join(in, "notities.txt"), []byte("bellen met de JGZ"), 0o644)

	// A practice export without the column Datum eerste controle.
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]string{"Cliëntnummer", "Woonplaats", "Amenorroeduur eerste controle"})
	f.SetSheetRow("Sheet1", "A2", &[]string{"VK-1", "Havenstad", "8+1"})
	f.SaveAs(filepath.Join(in, "Verloskundigenpraktijk_DeWieg_2025-Q2.xlsx"))

	code, stdout, stderr := runCLI(t, "import", "-w", dir, in)
	if code != exitInvoer {
		t.Errorf("exit %d, want %d\n%s%s", code, exitInvoer, stdout, stderr)
	}
	for _, want := range []string{
		"ingelezen     " + good,
		"ingelezen     " + wijk,
		"Verloskundigen_Lindehoven_2025-Q3.xlsx: het bestand is beschadigd of niet volledig",
		"wijkteam_havenstad_2025-K1.xlsx: dit is een oud Excel-bestand",
		"'Opslaan als'",
		"Procesmonitor_Havenstad_2025-K1.xlsx: het bestand is leeg",
		"notities.txt: van welke partner is dit bestand?",
		"Verloskundigenpraktijk_DeWieg_2025-Q2.xlsx: geen kopregel gevonden met de kolommen 'Cliëntnummer', 'Woonplaats', 'Datum eerste controle'",
		"Klaar: 7 bestand(en): 2 ingelezen, 0 al eerder ingelezen (niets veranderd), 4 afgewezen, 1 niet herkend",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout+stderr, "panic") || strings.Contains(stdout+stderr, "goroutine") {
		t.Errorf("a stack trace reached the user:\n%s%s", stdout, stderr)
	}
}
