package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"math"
	"os"
	"reflect"
	"slices"
	"sync"
	"time"

	"kansrijk/bestand"
)

// vingerafdruk is a hash of everything a report model holds, as WritePDF
// and WriteHTML see it: every field, exported or not, pointers followed,
// maps in key order. Two models with the same fingerprint render to the
// same bytes with the same program. Models are trees: a cycle of
// pointers would not end.
func vingerafdruk(v any) (string, error) {
	h := sha256.New()
	if err := afdruk(h, reflect.ValueOf(v)); err != nil {
		return "", fmt.Errorf("vingerafdruk: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

var (
	tijdType    = reflect.TypeFor[time.Time]()
	locatieType = reflect.TypeFor[time.Location]()
)

// afdruk writes v to h, each value tagged with its kind and each
// variable-length part with its length, so different values never write
// the same bytes.
func afdruk(h hash.Hash, v reflect.Value) error {
	var buf [9]byte
	schrijf := func(tag byte, n uint64) {
		buf[0] = tag
		binary.LittleEndian.PutUint64(buf[1:], n)
		h.Write(buf[:])
	}
	tekst := func(s string) {
		schrijf('s', uint64(len(s)))
		io.WriteString(h, s)
	}
	if !v.IsValid() {
		schrijf('0', 0)
		return nil
	}
	// A time is what it prints: its instant and the zone it is shown in.
	// The fields of a Location cache the zone of the moment it was
	// loaded, which says nothing about the report.
	switch t := v.Type(); {
	case (t == tijdType || t == locatieType) && !v.CanInterface():
		return fmt.Errorf("%s in een niet-geëxporteerd veld", t)
	case t == tijdType:
		tm := v.Interface().(time.Time)
		tekst(tm.Format(time.RFC3339Nano) + " " + tm.Location().String())
		return nil
	case t == locatieType:
		// Printed in a zone: the offset of a moment tells the zone apart.
		l := v.Interface().(time.Location)
		tekst(time.Unix(0, 0).In(&l).Format(time.RFC3339) + " " + l.String())
		return nil
	}
	switch v.Kind() {
	case reflect.Bool:
		b := uint64(0)
		if v.Bool() {
			b = 1
		}
		schrijf('b', b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		schrijf('i', uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		schrijf('u', v.Uint())
	case reflect.Float32, reflect.Float64:
		schrijf('f', math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		schrijf('c', math.Float64bits(real(c)))
		schrijf('c', math.Float64bits(imag(c)))
	case reflect.String:
		tekst(v.String())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			schrijf('n', 0)
			return nil
		}
		schrijf('l', uint64(v.Len()))
		for i := range v.Len() {
			if err := afdruk(h, v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if v.IsNil() {
			schrijf('n', 0)
			return nil
		}
		// Map order is random: print each entry apart and sort them.
		var paren [][]byte
		for it := v.MapRange(); it.Next(); {
			e := sha256.New()
			if err := afdruk(e, it.Key()); err != nil {
				return err
			}
			if err := afdruk(e, it.Value()); err != nil {
				return err
			}
			paren = append(paren, e.Sum(nil))
		}
		slices.SortFunc(paren, bytes.Compare)
		schrijf('m', uint64(len(paren)))
		for _, p := range paren {
			h.Write(p)
		}
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			schrijf('n', 0)
			return nil
		}
		if v.Kind() == reflect.Interface {
			tekst(v.Elem().Type().String())
		}
		schrijf('p', 0)
		return afdruk(h, v.Elem())
	case reflect.Struct:
		schrijf('{', uint64(v.NumField()))
		for i := range v.NumField() {
			if err := afdruk(h, v.Field(i)); err != nil {
				return fmt.Errorf("%s.%s: %w", v.Type(), v.Type().Field(i).Name, err)
			}
		}
	default: // func, chan, unsafe pointer: nothing a report model holds
		return fmt.Errorf("%s kan niet in een vingerafdruk", v.Type())
	}
	return nil
}

// programma is a hash of the running program: a report written by
// another build of kansrijk may look different, so a new binary writes
// every report again.
var programma = sync.OnceValues(func() (string, error) {
	// On Linux /proc/self/exe is the running program itself, even when
	// a new build has replaced the file since it started.
	f, err := os.Open("/proc/self/exe")
	if err != nil {
		pad, err := os.Executable()
		if err != nil {
			return "", &bestand.Fout{Pad: "het programma kansrijk", Wat: "het vinden", Err: err}
		}
		if f, err = os.Open(pad); err != nil {
			return "", &bestand.Fout{Pad: pad, Wat: "het lezen van het programma", Err: err}
		}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", &bestand.Fout{Pad: f.Name(), Wat: "het lezen van het programma", Err: err}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
})
