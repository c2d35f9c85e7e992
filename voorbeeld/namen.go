package voorbeeld

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
)

// plaatsnaam is an invented place name with the two letters used for
// dossier and story numbers (Beek+wijk → "BW").
type plaatsnaam struct {
	naam string
	code string
}

// Parts of invented, Dutch-sounding place names. Every name is one word, so
// that no wijkteam_<gemeente>_* pattern can match another gemeente's file.
var (
	naamBegin = []string{
		"Aalder", "Beek", "Berken", "Bram", "Broek", "Dollen", "Eiken", "Elzen",
		"Esch", "Gaster", "Hazel", "Heide", "Hulsen", "Kolder", "Laar", "Meer",
		"Moer", "Nesse", "Olden", "Peel", "Ruiven", "Schoon", "Steen", "Ulven",
		"Veen", "Vlier", "Wester", "Wilgen", "Zand", "Zwaluw",
	}
	naamEind = []string{
		"dorp", "wijk", "veld", "hoven", "rade", "horst", "loo", "broek",
		"dam", "kerk", "zijl", "haven", "burg", "hem", "mond", "stede",
		"waard", "dijk", "berg", "meer", "oord", "ga", "huizen", "lo",
	}
	// Qualifiers for when the plain combinations run out (schaal > ~80).
	naamVoor = []string{"", "Nieuw", "Oud", "Groot", "Klein", "Hoog", "Laag"}
)

// gereserveerd are the names of the reference example; generated names
// never repeat them.
var gereserveerd = []string{
	"havenstad", "lindehoven", "dijkwaard", "ommerveld", "dalwijk",
	"vechtmonde", "zuiderveen", "rivierland", "noord",
}

var (
	basisNamen     []plaatsnaam
	basisNamenOnce sync.Once
)

// basis returns all plain prefix+suffix names in a fixed shuffled order, so
// that consecutive blocks get unrelated-looking names.
func basis() []plaatsnaam {
	basisNamenOnce.Do(func() {
		for _, b := range naamBegin {
			for _, e := range naamEind {
				naam := b + e
				lb := strings.ToLower(b)
				if strings.HasSuffix(lb, e) || isGereserveerd(naam) {
					continue
				}
				code := b[:1] + strings.ToUpper(e[:1])
				basisNamen = append(basisNamen, plaatsnaam{naam: naam, code: code})
			}
		}
		r := rand.New(rand.NewPCG(20250101, 20260930))
		r.Shuffle(len(basisNamen), func(i, j int) {
			basisNamen[i], basisNamen[j] = basisNamen[j], basisNamen[i]
		})
	})
	return basisNamen
}

func isGereserveerd(naam string) bool {
	n := strings.ToLower(naam)
	for _, g := range gereserveerd {
		if n == g {
			return true
		}
	}
	return false
}

// plaats returns the i-th generated place name. The sequence does not
// depend on schaal, so block n always gets the same names.
func plaats(i int) plaatsnaam {
	b := basis()
	p := b[i%len(b)]
	ronde := i / len(b)
	if ronde == 0 {
		return p
	}
	if ronde < len(naamVoor) {
		voor := naamVoor[ronde]
		return plaatsnaam{naam: voor + strings.ToLower(p.naam), code: voor[:1] + p.code[1:]}
	}
	// Far beyond any practical schaal: keep names unique with a number.
	return plaatsnaam{naam: p.naam + strconv.Itoa(ronde), code: p.code}
}

// Fictitious people who fill in the procesmonitor and the story logs of
// generated coalities.
var (
	initialen  = []string{"A.", "B.", "C.", "D.", "E.", "F.", "H.", "I.", "J.", "K.", "L.", "M.", "N.", "P.", "R.", "S.", "T.", "W.", "Y."}
	achternaam = []string{
		"de Boer", "Visser", "Mulder", "de Groot", "Bos", "Vos", "Peters",
		"Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
		"Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Vermeulen",
		"van den Berg", "Koster", "Prins", "Huisman", "Kaya", "Yilmaz",
		"Bouzid", "Nguyen", "Pinas", "Wouters", "Veenstra",
	}
)

func persoon(r *rand.Rand) string {
	return initialen[r.IntN(len(initialen))] + " " + achternaam[r.IntN(len(achternaam))]
}
