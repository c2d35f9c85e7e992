package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// parseCSV decodes a partner's CSV whatever Excel saved it as: UTF-8
// with or without BOM, UTF-16 with BOM, or Windows-1252; separated by
// semicolons (Dutch Excel), commas or tabs; CRLF, LF or CR-only lines;
// rows of different lengths.
func parseCSV(data []byte) ([][]string, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(text, 0) >= 0 {
		return nil, errors.New("het bestand bevat binaire gegevens (NUL-tekens); is het wel een CSV-bestand? " +
			"Sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'")
	}
	// CR-only line endings (old Mac Excel) would otherwise be one record.
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n"))

	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sniffDelimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var recs [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("regel %d is geen geldige CSV: %v", pe.Line, pe.Err)
			}
			return nil, fmt.Errorf("geen geldige CSV: %v", err)
		}
		recs = append(recs, rec)
	}
	if len(recs) == 0 {
		return nil, errors.New("het bestand bevat geen regels")
	}
	return recs, nil
}

func decodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false), nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true), nil
	case looksUTF16(data):
		return nil, errors.New("het bestand lijkt UTF-16 zonder kenmerk (BOM); sla het in Excel op als 'CSV UTF-8' of 'CSV (gescheiden door lijstscheidingsteken)'")
	case utf8.Valid(data):
		return data, nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("onbekende tekenset: %v", err)
	}
	return out, nil
}

// looksUTF16 spots UTF-16 without a BOM: many NUL bytes in the first
// bytes, at alternating positions.
func looksUTF16(data []byte) bool {
	n := min(len(data), 512)
	if n < 4 {
		return false
	}
	nul := 0
	for _, b := range data[:n] {
		if b == 0 {
			nul++
		}
	}
	return nul > n/4
}

func decodeUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// sniffDelimiter picks the separator that occurs most in the first line,
// outside quotes.
func sniffDelimiter(text []byte) rune {
	line := text
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		line = text[:i]
	}
	best, bestN := ';', -1
	for _, d := range []rune{';', ',', '\t', '|'} {
		n, quoted := 0, false
		for _, c := range string(line) {
			switch {
			case c == '"':
				quoted = !quoted
			case c == d && !quoted:
				n++
			}
		}
		if n > bestN {
			best, bestN = d, n
		}
	}
	return best
}
