package reports

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/stories"
)

// Ouders is the terugkoppeling aan ouders of one coalitie: one page in
// plain Dutch (B1) on what parents told the coalitie over the past year
// and what changed since. It holds words only: no figure of any kind is
// shown to parents, so none can give a parent away. Basis.Ouders fills it;
// WriteOudersPDF and WriteOudersHTML render it.
type Ouders struct {
	Coalitie kansrijk.Coalitie
	Kwartaal kansrijk.Kwartaal // the last kwartaal of the year looked back on
	Gemaakt  time.Time
	// Verhalen reports whether parents told the coalitie anything in the
	// year (withdrawn stories do not count).
	Verhalen bool
	// Themas are the themes most parents talked about in the year, most
	// first: at most oudersMaxThemas, each touched by at least
	// oudersDrempel stories.
	Themas []OudersThema
	// Veranderd is what got better in the year, one plain sentence each:
	// indicators that clearly improved, then aandachtspunten of the
	// procesmonitor that were realised.
	Veranderd []string
	// Citaten are short quotes with consent openbaar, redacted, without
	// digits: at most oudersMaxCitaten.
	Citaten []stories.Citaat
}

// OudersThema is a theme parents talked about, in their words.
type OudersThema struct {
	Thema string // as the codebook names it
	Tekst string // in plain words: "de kraamzorg na de geboorte"
	Toon  string // a plain sentence on how it went, "" when unknown
}

const (
	// oudersDrempel stories make "veel ouders vertelden over": fewer are
	// not mentioned at all, so a count of 1 to 4 never shows, not even as
	// a word.
	oudersDrempel    = 5
	oudersMaxThemas  = 3
	oudersMaxCitaten = 3
	// oudersMaxVeranderd keeps the page short; the PDF may show fewer
	// to stay on one page.
	oudersMaxVeranderd = 5
	// oudersCitaatLengte is the longest quote in runes: parents read
	// the page in a minute.
	oudersCitaatLengte = 190
)

// Ouders gathers coalitie co's terugkoppeling aan ouders over the year
// (four kwartalen) up to the kwartaal of the Basis, from the stories, the
// procesmonitor and eval's analysis of the figures.
func (b *Basis) Ouders(co kansrijk.Coalitie) (*Ouders, error) {
	eigen := b.analyse[b.opt.Kwartaal.Index()][co.Naam]
	return oudersUitMet(b.cfg, co, b.opt, b.verhalen, b.tonen, b.tonenErr, b.borging[co.Naam], eigen)
}

// oudersUit makes the page from the stories, the coalitie's
// procesmonitor and eval's analysis of its figures in opt.Kwartaal.
func oudersUit(cfg *kansrijk.Config, co kansrijk.Coalitie, opt Opties, v *stories.Verhalen, borging *eval.BorgingCoalitie, bs []eval.Beoordeling) (*Ouders, error) {
	tonen, err := v.Tonen()
	return oudersUitMet(cfg, co, opt, v, tonen, err, borging, bs)
}

// oudersUitMet is oudersUit with v.Tonen() worked out once for all
// coalities.
func oudersUitMet(cfg *kansrijk.Config, co kansrijk.Coalitie, opt Opties, v *stories.Verhalen, tonen []stories.Toon, tonenErr error, borging *eval.BorgingCoalitie, bs []eval.Beoordeling) (*Ouders, error) {
	q := opt.Kwartaal
	van := q.Add(-3)
	o := &Ouders{Coalitie: co, Kwartaal: q, Gemaakt: opt.Gemaakt}
	inJaar := func(k kansrijk.Kwartaal) bool { return k.Index() >= van.Index() && k.Index() <= q.Index() }
	for _, f := range v.Fragmenten {
		if strings.EqualFold(f.Coalitie, co.Naam) && inJaar(f.Kwartaal) {
			o.Verhalen = true
			break
		}
	}

	// Themes: Tonen counts each story once per theme it touches.
	if tonenErr != nil && !errors.Is(tonenErr, stories.ErrGeenCodeboek) {
		return nil, tonenErr
	}
	type telling struct {
		thema                     string
		n, positief, negatief, nr int
	}
	volgorde := map[string]int{}
	for i, t := range v.Codeboek.Themas() {
		volgorde[t] = i
	}
	per := map[string]*telling{}
	var tellingen []*telling
	for _, t := range tonen {
		if !strings.EqualFold(t.Coalitie, co.Naam) || !inJaar(t.Kwartaal) {
			continue
		}
		tl := per[t.Thema]
		if tl == nil {
			tl = &telling{thema: t.Thema, nr: volgorde[t.Thema]}
			per[t.Thema] = tl
			tellingen = append(tellingen, tl)
		}
		tl.n += t.Fragmenten()
		tl.positief += t.Positief
		tl.negatief += t.Negatief
	}
	sort.SliceStable(tellingen, func(i, j int) bool {
		if tellingen[i].n != tellingen[j].n {
			return tellingen[i].n > tellingen[j].n
		}
		return tellingen[i].nr < tellingen[j].nr
	})
	for _, tl := range tellingen {
		if tl.n < oudersDrempel || len(o.Themas) == oudersMaxThemas {
			break
		}
		th := OudersThema{Thema: tl.thema, Tekst: themaInWoorden(tl.thema)}
		switch {
		case 2*tl.positief > tl.n:
			th.Toon = "Vaak ging het over wat goed ging."
		case 2*tl.negatief > tl.n:
			th.Toon = "Vaak ging het over wat beter kan."
		default:
			th.Toon = "Het ging over wat goed ging én over wat beter kan."
		}
		o.Themas = append(o.Themas, th)
	}

	// Quotes: first one per theme of the page, so that parents hear
	// their themes in their own words; then the newest others.
	gebruikt := map[string]bool{}
	neem := func(c stories.Citaat) {
		if len(o.Citaten) < oudersMaxCitaten && !gebruikt[c.VerhaalID] && oudersCitaat(c) {
			gebruikt[c.VerhaalID] = true
			o.Citaten = append(o.Citaten, c)
		}
	}
	keuzes, err := v.Kies(cfg, stories.ThemaSelectie{Coalitie: co.Naam, Van: van, Tot: q, PerThema: 10, Openbaar: true})
	if err != nil && !errors.Is(err, stories.ErrGeenCodeboek) {
		return nil, err
	}
	for _, th := range o.Themas {
		for _, k := range keuzes {
			if k.Thema == th.Thema && oudersCitaat(k.Citaat) && !gebruikt[k.VerhaalID] {
				neem(k.Citaat)
				break
			}
		}
	}
	for _, c := range v.Citaten(cfg, stories.Selectie{Coalitie: co.Naam, Kwartaal: q, Terug: 3, AlleenOpenbaar: true}) {
		neem(c)
	}

	o.Veranderd = veranderd(cfg, bs, borging, q)
	return o, nil
}

// oudersCitaat reports whether a quote may go on the parents' page:
// consent openbaar (checked again here, whatever selected it), short, and
// without digits, so that no number reaches the page through a quote.
func oudersCitaat(c stories.Citaat) bool {
	t := strings.TrimSpace(c.Tekst)
	return c.Toestemming == stories.Openbaar && t != "" && utf8.RuneCountInString(t) <= oudersCitaatLengte &&
		strings.IndexFunc(t, unicode.IsDigit) < 0
}

// veranderd lists what got better in the year up to q, plainly: first
// the aandachtspunten about parents that were realised in the year, then
// the indicators whose trend improves or that clearly improved since a
// year before (eval decides both, from figures that may be shown), then
// the other aandachtspunten realised in the year.
func veranderd(cfg *kansrijk.Config, bs []eval.Beoordeling, b *eval.BorgingCoalitie, q kansrijk.Kwartaal) []string {
	var ouders, indicatoren, overig []string
	for _, in := range cfg.Indicatoren {
		if in.Bron == kansrijk.BronProcesmonitor {
			continue // the aandachtspunten say it better
		}
		for _, be := range bs {
			if be.Indicator != in.Code || be.Kwartaal != q {
				continue
			}
			beter := be.Trend.Oordeel == eval.TrendVerbetert
			if vj := be.VorigJaar; !beter && be.Getoond && vj != nil && vj.Duidelijk() {
				beter = richtingWoord(vj.Procentpunten, in.Beter) == "verbetering"
			}
			if beter {
				indicatoren = append(indicatoren, indicatorInWoorden(in))
			}
		}
	}
	for _, p := range gerealiseerdInJaar(b, q) {
		if p.Nr == 7 || p.Nr == 8 { // samenwerken met de doelgroep, terugkoppeling aan ouders
			ouders = append(ouders, aandachtspuntInWoorden(p))
		} else {
			overig = append(overig, aandachtspuntInWoorden(p))
		}
	}
	uit := append(append(ouders, indicatoren...), overig...)
	return uit[:min(len(uit), oudersMaxVeranderd)]
}

// gerealiseerdInJaar are the aandachtspunten that are Gerealiseerd or
// Geborgd in the latest procesmonitor of the year up to q and were not a
// year before (or, without one, in the year's first procesmonitor).
func gerealiseerdInJaar(b *eval.BorgingCoalitie, q kansrijk.Kwartaal) []eval.Aandachtspunt {
	if b == nil {
		return nil
	}
	nu, toen := -1, -1
	for i, k := range b.Kwartalen {
		switch {
		case k.Kwartaal.Index() <= q.Add(-4).Index():
			toen = i
		case k.Kwartaal.Index() <= q.Index():
			nu = i
		}
	}
	if toen < 0 && nu > 0 {
		toen = 0
	}
	if nu < 0 || toen < 0 || toen >= nu {
		return nil // nothing to compare: no change to tell
	}
	var uit []eval.Aandachtspunt
	for _, p := range b.Punten {
		if nu < len(p.Status) && borgingNiveau(p.Status[nu]) >= 3 && borgingNiveau(p.Status[toen]) < 3 {
			uit = append(uit, p)
		}
	}
	return uit
}

// themaInWoorden names a theme of the regional codebook the way parents
// would: "Bestaanszekerheid" is "geldzorgen en hulp bij geld". A theme
// the codebook adds later keeps its own name.
func themaInWoorden(thema string) string {
	switch stories.Sleutel(thema) {
	case "zwangerschapszorg":
		return "de zorg tijdens de zwangerschap"
	case "vroegsignalering":
		return "praten over zorgen thuis, en de hulp die daarna kwam"
	case "prenataalhuisbezoek":
		return "het huisbezoek tijdens de zwangerschap"
	case "kraamzorg":
		return "de kraamzorg na de geboorte"
	case "bestaanszekerheid":
		return "geldzorgen en hulp bij geld"
	case "bejegening":
		return "hoe hulpverleners met jullie omgingen"
	case "taalenbegrip":
		return "taal, brieven en elkaar goed begrijpen"
	case "netwerkensteun":
		return "steun van familie, buren en andere ouders"
	}
	return strings.ToLower(thema)
}

// indicatorInWoorden says that an indicator got better, without its
// name or code. An indicator the configuration adds later gets a plain
// sentence with its name.
func indicatorInWoorden(in kansrijk.Indicator) string {
	switch in.Code {
	case "KS01":
		return "Meer zwangeren gaan al vroeg in de zwangerschap naar de verloskundige."
	case "KS02":
		return "Minder baby's worden te vroeg geboren."
	case "KS03":
		return "Minder baby's worden te klein geboren."
	case "KS04":
		return "Minder zwangere vrouwen roken."
	case "KS06":
		return "Als er zorgen zijn, krijgen meer ouders de hulp die ze nodig hebben."
	case "KS07":
		return "Meer ouders krijgen al tijdens de zwangerschap een huisbezoek van het consultatiebureau."
	case "KS08":
		return "Meer gezinnen krijgen alle uren kraamzorg die voor hen bedoeld zijn."
	case "KS09":
		return "Ouders met geldzorgen krijgen sneller hulp."
	}
	return "Het gaat beter met: " + strings.ToLower(in.Naam) + "."
}

// aandachtspuntInWoorden says that an aandachtspunt of the procesmonitor
// was realised, as parents would put it.
func aandachtspuntInWoorden(p eval.Aandachtspunt) string {
	switch p.Nr {
	case 1:
		return "De organisaties hebben samen bepaald waar ze naartoe willen."
	case 2:
		return "Er zijn nu vaste mensen die de aanpak trekken."
	case 3:
		return "Hulpverleners hebben afspraken gemaakt over hoe ze samenwerken."
	case 4:
		return "De organisaties hebben de samenwerking op papier gezet."
	case 5:
		return "De bestuurders hebben beloofd dat ze samen doorgaan."
	case 6:
		return "Er is geld geregeld om de aanpak de komende jaren door te zetten."
	case 7:
		return "Ouders praten nu mee over de aanpak."
	case 8:
		return "We vertellen ouders wat we met hun verhalen doen. Deze pagina hoort daarbij."
	case 9:
		return "We houden goed bij wat werkt: met cijfers én met verhalen van ouders."
	case 10:
		return "Hulpverleners hebben extra geleerd, zodat ze ouders beter kunnen helpen."
	}
	return "Er is werk gemaakt van: " + strings.ToLower(p.Naam) + "."
}

// The texts of the page, shared by the PDF and the HTML. Plain Dutch
// (B1): short sentences, no jargon, no numbers.
const (
	oudersTitel        = "Wat hebben we gedaan met jullie verhalen?"
	oudersKopThemas    = "Waar vertelden jullie over?"
	oudersKopVeranderd = "Wat is er veranderd?"
	oudersKopCitaten   = "Wat ouders zeiden"
	oudersKopMeedoen   = "Wil je ook iets vertellen?"
	oudersThemasIntro  = "Veel ouders vertelden over:"
	oudersGeenThemas   = "Jullie vertelden ons over heel verschillende dingen. We noemen hier geen losse onderwerpen, " +
		"zodat niemand herkenbaar is. Alle verhalen tellen mee."
	oudersGeenVerhalen  = "Het afgelopen jaar hebben we nog geen verhalen van ouders opgehaald. Daar willen we graag mee beginnen."
	oudersGeenVeranderd = "Veranderen kost tijd. We werken eraan en vertellen jullie later wat er anders is geworden."
	oudersMeedoen       = "Dat kan altijd. Vraag ernaar bij je verloskundige, het consultatiebureau of het wijkteam. " +
		"Ook als het niet goed ging, willen we het graag horen."
	oudersPrivacy = "We noemen nooit namen. Dingen waaraan je iemand kunt herkennen, laten we weg. " +
		"We gebruiken alleen woorden van ouders die ons daar toestemming voor gaven."
)

// oudersPlaats is where the coalitie works, as parents know it: its
// gemeenten, or its name.
func oudersPlaats(o *Ouders) string {
	if len(o.Coalitie.Gemeenten) > 0 {
		return opsommen(o.Coalitie.Gemeenten)
	}
	return o.Coalitie.Naam
}

// oudersPeriode is the year looked back on in words: "oktober 2025 tot
// en met september 2026".
func oudersPeriode(o *Ouders) string {
	begin := o.Kwartaal.Add(-3).Start()
	eind := o.Kwartaal.End().AddDate(0, 0, -1)
	return fmt.Sprintf("%s %d tot en met %s %d", pdfMaanden[begin.Month()-1], begin.Year(), pdfMaanden[eind.Month()-1], eind.Year())
}

// oudersIntro opens the page.
func oudersIntro(o *Ouders) string {
	if !o.Verhalen {
		return fmt.Sprintf("Kansrijke Start %s wil dat ieder kind een goede start krijgt. Daarom willen we graag horen "+
			"hoe het met jullie gaat: tijdens de zwangerschap, bij de geboorte en daarna.", oudersPlaats(o))
	}
	return fmt.Sprintf("Het afgelopen jaar vertelden ouders in %s ons hoe het met hen ging: tijdens de zwangerschap, "+
		"bij de geboorte en daarna. Dank jullie wel daarvoor! Met jullie verhalen maken de verloskundigen, de kraamzorg, "+
		"het consultatiebureau en het wijkteam hun hulp beter.", oudersPlaats(o))
}

// oudersVeranderdIntro opens "Wat is er veranderd?".
func oudersVeranderdIntro(o *Ouders) string {
	return fmt.Sprintf("We hebben jullie verhalen gedeeld met de organisaties van Kansrijke Start %s. Dit is er het afgelopen jaar beter geworden:", o.Coalitie.Naam)
}

// oudersHerkomst is the line under a quote: no werkvorm, persona or
// doelgroep, which in a small place could point to someone.
func oudersHerkomst(o *Ouders) string { return "— een ouder uit " + oudersPlaats(o) }

// oudersGemaakt is the date line: month and year only.
func oudersGemaakt(o *Ouders) string {
	if o.Gemaakt.IsZero() {
		return ""
	}
	return fmt.Sprintf("Kansrijke Start %s · %s %d", o.Coalitie.Naam, pdfMaanden[o.Gemaakt.Month()-1], o.Gemaakt.Year())
}

// OudersBestandsnaam is the base name of a coalitie's parent page.
func OudersBestandsnaam(co kansrijk.Coalitie, q kansrijk.Kwartaal) string {
	return kansrijk.OudersNaam(co, q)
}
