package voorbeeld

// Codes of the regional codebook, written "Thema > Code" as in the logs.
const (
	cTeLaat         = "Zwangerschapszorg > Te laat in zorg"
	cVroeg          = "Zwangerschapszorg > Vroeg in beeld"
	cGoedeVK        = "Zwangerschapszorg > Goede verloskundige"
	cRoken          = "Zwangerschapszorg > Roken en leefstijl"
	cVroegBevallen  = "Zwangerschapszorg > Vroeg bevallen"
	cVertrouwen     = "Vroegsignalering > Vertrouwen in hulpverlener"
	cThuis          = "Vroegsignalering > Vragen over thuissituatie"
	cWarm           = "Vroegsignalering > Warme overdracht"
	cVast           = "Vroegsignalering > Doorverwijzing liep vast"
	cDrempel        = "Prenataal huisbezoek > Drempel"
	cWaardevol      = "Prenataal huisbezoek > Waardevol bezoek"
	cNietAangeboden = "Prenataal huisbezoek > Niet aangeboden"
	cAfvink         = "Prenataal huisbezoek > Afvinklijst"
	cUrenTekort     = "Kraamzorg > Uren tekort"
	cFijneKraam     = "Kraamzorg > Fijne kraamverzorgster"
	cGeenKraam      = "Kraamzorg > Geen kraamzorg gewild"
	cGeld           = "Bestaanszekerheid > Geldzorgen"
	cSnel           = "Bestaanszekerheid > Snelle hulp"
	cWachten        = "Bestaanszekerheid > Lang wachten op hulp"
	cToeslagen      = "Bestaanszekerheid > Toeslagen en regels"
	cVeroordeeld    = "Bejegening > Veroordeeld voelen"
	cSerieus        = "Bejegening > Serieus genomen"
	cNietSerieus    = "Bejegening > Niet serieus genomen"
	cTaal           = "Taal en begrip > Taalbarrière"
	cTolk           = "Taal en begrip > Tolk geregeld"
	cBrieven        = "Taal en begrip > Brieven onduidelijk"
	cAlleen         = "Netwerk en steun > Alleen staan"
	cFamilie        = "Netwerk en steun > Steun van familie of buren"
	cLotgenoten     = "Netwerk en steun > Lotgenoten"
	cCB             = "Netwerk en steun > Steun van consultatiebureau"
)

// Codes that are not in the codebook; coders use them now and then.
var onbekendeCodes = []string{"Kraamzorg > Te weinig uren", "Bestaanszekerheid > Schulden", "Zwangerschapszorg > Laat in zorg"}

// codeboekRij is one row of Codeboek.xlsx.
type codeboekRij struct {
	thema, code, omschrijving, indicatoren string
}

// codeboek is the regional codebook of the sample delivery.
var codeboek = []codeboekRij{
	{"Zwangerschapszorg", "Te laat in zorg", "Eerste afspraak bij de verloskundige pas laat in de zwangerschap of lang uitgesteld.", "KS01"},
	{"Zwangerschapszorg", "Vroeg in beeld", "Snel een eerste afspraak na een positieve test; ouder wist de weg.", "KS01"},
	{"Zwangerschapszorg", "Goede verloskundige", "Verloskundige neemt tijd, is bereikbaar en vraagt door.", ""},
	{"Zwangerschapszorg", "Roken en leefstijl", "Roken, stoppen met roken en leefstijladvies tijdens de zwangerschap.", "KS04"},
	{"Zwangerschapszorg", "Vroeg bevallen", "Vroeggeboorte, klein kindje, opname neonatologie.", "KS02; KS03"},
	{"Vroegsignalering", "Vertrouwen in hulpverlener", "Of een ouder zich veilig genoeg voelt om zorgen te delen.", "KS05;KS06"},
	{"Vroegsignalering", "Vragen over thuissituatie", "Ervaringen met vragen en vragenlijsten over geld, wonen en veiligheid.", "KS05"},
	{"Vroegsignalering", "Warme overdracht", "Doorverwijzing waarbij de hulpverlener zelf het contact legt.", "KS06"},
	{"Vroegsignalering", "Doorverwijzing liep vast", "Verwijzing zonder vervolg; van het kastje naar de muur.", "KS06"},
	{"Prenataal huisbezoek", "Drempel", "Aarzeling of angst om een huisbezoek toe te laten.", "KS07"},
	{"Prenataal huisbezoek", "Waardevol bezoek", "Huisbezoek als steunend en nuttig ervaren.", "KS07"},
	{"Prenataal huisbezoek", "Niet aangeboden", "Ouder kreeg geen huisbezoek aangeboden of wist niet dat het bestond.", "KS07"},
	{"Prenataal huisbezoek", "Afvinklijst", "Bezoek voelde als een lijstje afwerken, weinig aandacht.", "KS07"},
	{"Kraamzorg", "Uren tekort", "Minder kraamzorg dan geïndiceerd, steeds wisselende kraamverzorgenden.", "KS08"},
	{"Kraamzorg", "Fijne kraamverzorgster", "Positieve ervaring met de kraamverzorgende.", "KS08"},
	{"Kraamzorg", "Geen kraamzorg gewild", "Bewust (deels) afgezien van kraamzorg, bijvoorbeeld door de eigen bijdrage.", "KS08"},
	{"Bestaanszekerheid", "Geldzorgen", "Te weinig geld voor de basis, stress over rekeningen.", "KS09"},
	{"Bestaanszekerheid", "Snelle hulp", "Hulp bij geldzaken kwam snel op gang.", "KS09"},
	{"Bestaanszekerheid", "Lang wachten op hulp", "Lange wachttijd voordat hulp bij geldzaken startte.", "KS09"},
	{"Bestaanszekerheid", "Toeslagen en regels", "Ingewikkelde regels, toeslagen en bewijsstukken.", "KS09"},
	{"Bejegening", "Veroordeeld voelen", "Ouder voelt zich beoordeeld of weggezet.", ""},
	{"Bejegening", "Serieus genomen", "Ouder voelt zich gehoord en als gelijke behandeld.", ""},
	{"Bejegening", "Niet serieus genomen", "Zorgen van de ouder werden weggewuifd.", "n.v.t."},
	{"Taal en begrip", "Taalbarrière", "Communicatie lukt niet goed door taal.", ""},
	{"Taal en begrip", "Tolk geregeld", "Er was een (telefonische) tolk of vertaald materiaal.", ""},
	{"Taal en begrip", "Brieven onduidelijk", "Brieven en formulieren zijn moeilijk te begrijpen.", ""},
	{"Netwerk en steun", "Alleen staan", "Weinig of geen netwerk, eenzaamheid.", ""},
	{"Netwerk en steun", "Steun van familie of buren", "Praktische of emotionele steun uit de eigen omgeving.", ""},
	{"Netwerk en steun", "Lotgenoten", "Contact met andere ouders in een vergelijkbare situatie.", ""},
	{"Netwerk en steun", "Steun van consultatiebureau", "Consultatiebureau als plek waar de ouder steun vindt.", ""},
}

// fragment is a piece of a parent's story with its coding.
type fragment struct {
	tekst     string
	codes     []string
	toon      string // positief, negatief or gemengd
	doelgroep string // who typically tells it; "" = anyone
}

// soort is a kind of story; the scripts below say which kinds a coalitie
// collects in which quarter.
type soort int

const (
	laatNeg soort = iota // late in care, negative
	laatPos              // late last time, early now: coded Te laat in zorg, positive
	vroegPos
	goedeVK
	roken
	vroegBevallen
	vertrouwen
	thuisvragen
	warmPos
	vastNeg // referral got stuck
	drempel
	waardevolBezoek
	nietAangeboden
	afvink
	urenTekort
	fijneKraam
	geenKraam
	geldzorgen
	snelleHulp
	langWachten
	toeslagen
	veroordeeld
	serieus
	nietSerieus
	taal
	tolk
	brieven
	alleen
	familie
	lotgenoten
	consultatiebureau
	aantalSoorten
)

// bibliotheek holds the fictitious fragments per kind. A few contain
// invented personal details (a phone number, an address, a BSN that passes
// the eleven test) so that quoting can be checked for redaction.
var bibliotheek = [aantalSoorten][]fragment{
	laatNeg: {
		{"Ik dacht dat je pas na drie maanden naar de verloskundige hoefde. Toen ik belde, was ik al vijftien weken.", []string{cTeLaat}, "negatief", ""},
		{"Ik had geen zorgverzekering en dacht dat ik alles zelf moest betalen. Daarom heb ik lang gewacht met bellen.", []string{cTeLaat, cGeld}, "negatief", "arbeidsmigrant"},
		{"Mijn vorige zwangerschap ging mis. Ik durfde pas naar de verloskundige toen ik de baby voelde bewegen.", []string{cTeLaat}, "negatief", ""},
		{"In mijn land ga je pas naar de dokter als er iets mis is. Niemand had mij verteld dat het hier anders werkt.", []string{cTeLaat, cTaal}, "negatief", "statushouder"},
		{"Ik durfde het aan niemand te vertellen, ook niet aan mijn moeder. Pas toen het niet meer te verbergen was, ben ik gegaan.", []string{cTeLaat, cAlleen}, "negatief", "tienermoeder"},
		{"Ik werkte in ploegendienst en kreeg geen vrij. De eerste afspraak schoof steeds verder op.", []string{cTeLaat, cGeld}, "negatief", "arbeidsmigrant"},
		{"Ik gebruikte toen nog. Ik was zo bang dat ze mijn kind zouden afpakken dat ik nergens heen ging.", []string{cTeLaat, cVertrouwen}, "negatief", "verslavingsproblematiek"},
	},
	laatPos: {
		{"Bij mijn eerste kind was ik pas na vier maanden bij de verloskundige. Nu hielp de buurtmoeder me meteen met bellen. Ik was acht weken.", []string{cTeLaat, cVroeg}, "positief", ""},
		{"Vorige keer wachtte ik tot ik zeker wist dat het goed bleef gaan, en toen was ik te laat. Nu zei de huisarts: bel vandaag nog. Dat heb ik gedaan.", []string{cTeLaat, cVroeg}, "positief", ""},
		{"Mijn zus was bij haar eerste pas heel laat bij de verloskundige. In de taalles hadden we uitleg gekregen, dus ik belde meteen.", []string{cTeLaat, cVroeg}, "positief", "statushouder"},
		{"Vroeger dacht ik dat het niet uitmaakte wanneer je ging. Op het consultatiebureau legden ze uit waarom vroeg beter is. Deze keer was ik er met zeven weken.", []string{cTeLaat, cVroeg, cCB}, "positief", ""},
		{"Ik was bang dat ik weer te laat zou zijn, net als de vorige keer. De wijkverpleegkundige heeft samen met mij gebeld en het ging best snel.", []string{cTeLaat, cVroeg}, "gemengd", ""},
		{"Ik dacht dat ik zonder verzekering moest wachten, net als toen. Nu zeiden ze aan de telefoon dat ik gewoon mocht komen. Ik was er op tijd.", []string{cTeLaat, cVroeg}, "positief", "arbeidsmigrant"},
	},
	vroegPos: {
		{"Toen de test positief was, heb ik meteen gebeld. Ik kon dezelfde week al langskomen.", []string{cVroeg}, "positief", ""},
		{"Mijn vriendin zei: wacht niet, bel gewoon. Dat heb ik gedaan en ik was er heel vroeg bij.", []string{cVroeg, cFamilie}, "positief", ""},
		{"Bij de tweede zwangerschap wist ik de weg. Ze kenden me al, dus het ging vanzelf.", []string{cVroeg, cVertrouwen}, "positief", ""},
	},
	goedeVK: {
		{"Mijn verloskundige nam echt de tijd. Ze vroeg ook hoe het met mij ging, niet alleen met de baby.", []string{cGoedeVK}, "positief", ""},
		{"Ik kon haar altijd appen als ik twijfelde. Dat gaf zoveel rust, vooral 's nachts.", []string{cGoedeVK}, "positief", ""},
		{"Onze verloskundige Ilse belde me zelf terug op zaterdag, omdat ze zich zorgen maakte. Dat vergeet ik nooit.", []string{cGoedeVK, cSerieus}, "positief", ""},
	},
	roken: {
		{"Iedereen zei dat ik moest stoppen met roken. Niemand vroeg waarom ik rookte. Het was mijn enige rustmoment.", []string{cRoken, cVeroordeeld}, "negatief", ""},
		{"Ik ben gestopt toen ik zwanger was, maar mijn vriend rookt gewoon binnen. Wat heb je er dan aan?", []string{cRoken}, "gemengd", ""},
		{"De verloskundige gaf me het nummer van een coach om te stoppen. Het lukt nog niet helemaal, maar ik rook veel minder.", []string{cRoken, cGoedeVK}, "gemengd", ""},
	},
	vroegBevallen: {
		{"Ze kwam met 32 weken. Vier weken neonatologie, en ik moest elke dag met twee bussen heen en weer.", []string{cVroegBevallen}, "negatief", ""},
		{"Hij was zo klein, nog geen twee kilo. Ik durfde hem de eerste dagen bijna niet vast te houden.", []string{cVroegBevallen}, "negatief", ""},
	},
	vertrouwen: {
		{"Ze zei: je bent niet de eerste en niet de laatste. Toen durfde ik pas te vertellen hoe het thuis ging.", []string{cVertrouwen}, "positief", ""},
		{"Ik was bang dat ze jeugdzorg zouden bellen als ik eerlijk was. Bij de derde afspraak heb ik het toch verteld.", []string{cVertrouwen}, "gemengd", ""},
		{"Op de POP-poli keken ze naar mij, niet naar mijn verleden. Daardoor kon ik eerlijk zijn.", []string{cVertrouwen, cSerieus}, "positief", "verslavingsproblematiek"},
	},
	thuisvragen: {
		{"Ze vroeg gewoon: heb je genoeg geld voor eten? Dat had nog nooit iemand zo direct gevraagd. Eigenlijk was dat fijn.", []string{cThuis, cGeld}, "gemengd", ""},
		{"Er zat een vragenlijst bij over geld, wonen en veiligheid. Ik heb overal nee ingevuld, ik schaamde me.", []string{cThuis}, "negatief", ""},
		{"Bij de intake vroeg ze of ik me veilig voelde thuis. De eerste keer zei ik ja. De tweede keer durfde ik nee te zeggen.", []string{cThuis, cVertrouwen}, "gemengd", ""},
	},
	warmPos: {
		{"De verloskundige heeft de wijkcoach gewoon meegenomen naar de controle. Zo hoefde ik zelf niet te bellen.", []string{cWarm}, "positief", ""},
		{"Binnen twee dagen belde iemand van het wijkteam. Ik hoefde mijn verhaal niet opnieuw te doen, ze wist het al.", []string{cWarm, cSnel}, "positief", ""},
		{"Ze heeft samen met mij de schuldhulp gebeld, vanuit haar spreekkamer. Alleen had ik dat nooit gedaan.", []string{cWarm}, "positief", "ouders met schulden"},
	},
	vastNeg: {
		{"De verloskundige zei dat het wijkteam me zou bellen. Ik heb nooit meer iets gehoord.", []string{cVast}, "negatief", ""},
		{"Ik kreeg een folder met een telefoonnummer. Daar kreeg ik een bandje, en daarna niks.", []string{cVast}, "negatief", ""},
		{"Ik werd doorgestuurd naar de POP-poli, maar daar zeiden ze dat ik niet in hun groep viel. Terug naar af.", []string{cVast}, "negatief", ""},
		{"Het wijkteam zei dat de gemeente erover ging. De gemeente zei: bel het wijkteam. Zo ging het weken heen en weer.", []string{cVast, cNietSerieus}, "negatief", ""},
		{"In mijn papieren staat dat ik ben doorverwezen. Maar niemand heeft ooit contact met me opgenomen.", []string{cVast}, "negatief", ""},
		{"Drie keer heb ik mijn verhaal verteld aan iemand nieuw. Elke keer zeiden ze dat een ander het zou oppakken.", []string{cVast}, "negatief", ""},
		{"De verwijzing was naar het verkeerde team gestuurd. Toen ze dat merkten, was de baby er al.", []string{cVast}, "negatief", ""},
		{"Ze zeiden: u wordt gebeld. Na zes weken heb ik zelf gebeld. Toen bleek dat de aanmelding nooit was aangekomen.", []string{cVast}, "negatief", ""},
	},
	drempel: {
		{"Toen ze zei dat er iemand thuis zou komen, schrok ik. Ik dacht: ze komen kijken of mijn huis wel goed genoeg is.", []string{cDrempel, cVeroordeeld}, "negatief", ""},
		{"Ik heb het huisbezoek afgezegd. Mijn huis was een puinhoop en ik schaamde me.", []string{cDrempel}, "negatief", ""},
	},
	waardevolBezoek: {
		{"Dat bezoek was eigenlijk het fijnste van alles. Ze had tijd, het was bij mij thuis, ik hoefde nergens heen.", []string{cWaardevol}, "positief", ""},
		{"Ze vroeg of mijn man erbij wilde zijn. Voor het eerst praatte hij ook mee over de baby.", []string{cWaardevol}, "positief", ""},
		{"Ze bleef komen, ook toen ik een keer niet opendeed. Dat ze niet opgaf, heeft me echt geholpen.", []string{cWaardevol, cVertrouwen}, "positief", ""},
	},
	nietAangeboden: {
		{"Niemand heeft me verteld dat er een huisbezoek voor de geboorte bestond. Dat hoorde ik pas van een andere moeder.", []string{cNietAangeboden, cLotgenoten}, "negatief", ""},
		{"Mijn zus in een andere gemeente kreeg wel een huisbezoek. Bij mij is het nooit ter sprake gekomen.", []string{cNietAangeboden}, "negatief", ""},
	},
	afvink: {
		{"Het bezoek duurde een kwartier en ze zat de hele tijd te typen. Het voelde als een lijstje afwerken.", []string{cAfvink}, "negatief", ""},
		{"Het was een andere mevrouw dan beloofd en ze had mijn gegevens niet bij zich. Alles opnieuw vertellen.", []string{cAfvink}, "negatief", ""},
	},
	urenTekort: {
		{"We hadden 49 uur kraamzorg gekregen, maar er was maar drie dagen iemand. De rest moesten we zelf uitzoeken.", []string{cUrenTekort}, "negatief", ""},
		{"Elke dag kwam er een andere kraamverzorgster. Ik moest steeds opnieuw uitleggen hoe het ging met voeden.", []string{cUrenTekort}, "negatief", ""},
		{"Door het tekort kwam ze maar een paar uur per dag. Mijn partner moest vrij nemen en dat kostte ons loon.", []string{cUrenTekort, cGeld}, "negatief", ""},
		{"De kraamzorg kwam pas op dag drie. Ik heb een klacht gemaild naar klachten@kraamzorg-example.com, nooit antwoord gekregen.", []string{cUrenTekort, cAlleen}, "negatief", ""},
	},
	fijneKraam: {
		{"De kraamverzorgster leerde me rustig voeden. Ze maakte zelfs soep voor mijn andere kinderen.", []string{cFijneKraam}, "positief", ""},
		{"Ze zag meteen dat ik het zwaar had en heeft het met de verloskundige besproken. Daar ben ik haar dankbaar voor.", []string{cFijneKraam, cVertrouwen}, "positief", ""},
	},
	geenKraam: {
		{"Ik wilde geen vreemde in huis. Mijn moeder en mijn zus kwamen helpen, dat voelde veiliger.", []string{cGeenKraam, cFamilie}, "gemengd", ""},
		{"Die eigen bijdrage konden we niet betalen. Dus hebben we maar een paar dagen kraamzorg genomen.", []string{cGeenKraam, cGeld}, "negatief", "ouders met schulden"},
	},
	geldzorgen: {
		{"Luiers zijn zo duur. Ik heb weleens een luier langer laten zitten, daar schaam ik me nog steeds voor.", []string{cGeld}, "negatief", "ouders met schulden"},
		{"Ik werk wel, twee banen zelfs, maar het is niet genoeg. Mensen denken dat je geen hulp nodig hebt als je werkt.", []string{cGeld, cVeroordeeld}, "negatief", ""},
		{"Elke maand is het geld op voordat de maand voorbij is. Met een baby erbij weet ik niet hoe het verder moet.", []string{cGeld}, "negatief", "eenoudergezin"},
	},
	snelleHulp: {
		{"Via de voedselbank kwam ik bij het wijkteam. Daar ging het eigenlijk heel snel.", []string{cSnel, cGeld}, "gemengd", "ouders met schulden"},
		{"Binnen een week had ik een afspraak over mijn schulden. Sindsdien slaap ik weer.", []string{cSnel}, "positief", "ouders met schulden"},
		{"De wijkcoach gaf me haar nummer, 06-12345678, en zei: bel als het niet lukt. Ze regelde dat de huur even werd stopgezet.", []string{cSnel}, "positief", ""},
	},
	langWachten: {
		{"Ik heb me in maart aangemeld bij het wijkteam en pas in juni kreeg ik iemand te spreken. Toen waren de schulden alleen maar groter.", []string{cWachten, cGeld}, "negatief", "ouders met schulden"},
		{"Ze zeiden: er is een wachtlijst van acht weken. Acht weken, terwijl de deurwaarder al aan de deur stond.", []string{cWachten}, "negatief", ""},
		{"Ik heb zes weken gewacht op een eerste gesprek. In die tijd kwamen er alleen maar aanmaningen bij.", []string{cWachten}, "negatief", ""},
		{"Ze zeiden dat ik eerst alle papieren compleet moest hebben. Maar die papieren waren juist het probleem.", []string{cWachten, cToeslagen}, "negatief", ""},
		{"Na de aanmelding hoorde ik een maand niks. Toen ik belde, lag mijn dossier nog op de stapel.", []string{cWachten}, "negatief", ""},
	},
	toeslagen: {
		{"De toeslagen werden ineens stopgezet omdat ik een formulier verkeerd had ingevuld. Ik snapte er niks van.", []string{cToeslagen, cBrieven}, "negatief", ""},
		{"Je moet overal bewijs voor aanleveren. Bankafschriften, loonstroken, alles. Als je zwanger en moe bent, lukt dat gewoon niet.", []string{cToeslagen}, "negatief", ""},
		{"Bij elke instantie moest ik opnieuw mijn BSN opgeven, 123456782, alsof ze elkaar niet kennen. En dan nog kwam de toeslag niet.", []string{cToeslagen}, "negatief", ""},
	},
	veroordeeld: {
		{"De assistente zei hardop aan de balie: o, u bent die van het wijkteam. Iedereen in de wachtkamer hoorde het.", []string{cVeroordeeld}, "negatief", ""},
		{"Ik ben negentien en ik zag ze denken: weer zo'n tienermoeder. Niemand vroeg wat ík wilde.", []string{cVeroordeeld, cNietSerieus}, "negatief", "tienermoeder"},
	},
	serieus: {
		{"Op het consultatiebureau wogen ze niet alleen de baby. Ze vroegen ook hoe ik sliep, en ze luisterden echt.", []string{cSerieus, cCB}, "positief", ""},
		{"Voor het eerst had ik het gevoel dat ik mocht meepraten over wat er gebeurde.", []string{cSerieus}, "positief", ""},
	},
	nietSerieus: {
		{"Ik zei al weken dat ik me niet goed voelde. Pas toen mijn moeder meeging, werd er iets gedaan.", []string{cNietSerieus}, "negatief", ""},
		{"Op het consultatiebureau kreeg ik elke keer een ander advies. De een zegt dit, de ander dat.", []string{cNietSerieus}, "gemengd", ""},
	},
	taal: {
		{"Mijn dochter van elf moest tolken bij de verloskundige. Dat is toch niet goed voor een kind.", []string{cTaal}, "negatief", "arbeidsmigrant"},
		{"Omdat ik een hoofddoek draag, dachten ze dat ik geen Nederlands sprak. Ik ben hier gewoon geboren.", []string{cTaal, cVeroordeeld}, "negatief", ""},
		{"Ik begreep maar de helft van wat ze zei. Ik knikte maar, want ik wilde niet lastig zijn.", []string{cTaal}, "negatief", "statushouder"},
	},
	tolk: {
		{"Ze kwam met een tolk aan de telefoon. Dat was lastig, maar ik snapte wel het belangrijkste.", []string{cTolk, cWaardevol}, "gemengd", "statushouder"},
		{"Op het consultatiebureau hadden ze een folder in het Pools. Kleine moeite, maar het betekende veel voor mij.", []string{cTolk, cCB}, "positief", "arbeidsmigrant"},
	},
	brieven: {
		{"De brieven van de gemeente zijn zo moeilijk. Ik lees ze drie keer en dan weet ik nog niet wat ik moet doen.", []string{cBrieven}, "negatief", ""},
		{"Er lag ineens een brief op de mat dat ze zouden komen, met een datum erop. Niemand had het met mij besproken.", []string{cBrieven, cDrempel}, "negatief", ""},
		{"De post ging nog naar mijn oude adres, 7702 KL 15. Zo heb ik de oproep voor het huisbezoek gemist.", []string{cBrieven, cNietAangeboden}, "negatief", ""},
	},
	alleen: {
		{"Mijn familie woont ver weg. De eerste weken was ik de hele dag alleen met de baby.", []string{cAlleen}, "negatief", "eenoudergezin"},
		{"Er gaat hier maar twee keer per dag een bus. Elke afspraak kostte me een halve dag, en er was niemand die kon rijden.", []string{cAlleen}, "negatief", ""},
	},
	familie: {
		{"Mijn buurvrouw kwam elke ochtend even kijken. Zonder haar was ik de eerste weken niet doorgekomen.", []string{cFamilie}, "positief", ""},
		{"Mijn schoonmoeder kookte twee weken voor ons. Dat scheelde zoveel.", []string{cFamilie}, "positief", ""},
		{"De buurvrouw van Klaprooslaan 14 paste op de oudste als ik naar de controle moest. Anders had ik het niet gered.", []string{cFamilie}, "positief", ""},
	},
	lotgenoten: {
		{"Via de spiegelbijeenkomst ken ik nu drie moeders uit de buurt. We hebben een appgroep en helpen elkaar met kleren en spullen.", []string{cLotgenoten}, "positief", ""},
		{"Bij de moedergroep hoorde ik dat ik niet de enige was die het zwaar vond. Dat luchtte op.", []string{cLotgenoten}, "positief", ""},
	},
	consultatiebureau: {
		{"Op het consultatiebureau kan ik alles vragen. Ook dingen die niet over de baby gaan.", []string{cCB}, "positief", ""},
		{"De jeugdverpleegkundige belde na een week zelf op om te vragen hoe het ging.", []string{cCB, cSerieus}, "positief", ""},
	},
}

// draaiboek says per role which kinds of story are collected in each
// quarter of the window, 2024-K4 first. It plants the trends an evaluator
// can find:
//   - Havenstad: "Te laat in zorg" stories are negative in 2024 and 2025
//     and turn positive in 2026 (KS01 rises); "Lang wachten op hulp" grows
//     in 2026 (KS09 slips).
//   - Vechtmonde: "Doorverwijzing liep vast" stays negative every quarter
//     while KS06 improves; "Uren tekort" appears in 2026 (KS08 dips in the
//     second gemeente).
//   - Lindehoven and Dijkwaard: a stable mix.
var draaiboek = [4][aantalKwartalen][]soort{
	rolGroot: {
		{laatNeg, geldzorgen, alleen},
		{laatNeg, laatNeg, geldzorgen, goedeVK},
		{laatNeg, taal, snelleHulp, drempel},
		{laatNeg, vroegBevallen, urenTekort, consultatiebureau, veroordeeld},
		{laatNeg, vroegPos, waardevolBezoek, toeslagen},
		{laatPos, langWachten, lotgenoten, vertrouwen},
		{laatPos, laatPos, langWachten, geldzorgen, tolk},
		{laatPos, vroegPos, langWachten, langWachten},
	},
	rolMiddel: {
		{goedeVK, familie},
		{goedeVK, alleen, roken, thuisvragen},
		{laatNeg, fijneKraam, vertrouwen},
		{warmPos, geldzorgen, lotgenoten, nietSerieus},
		{waardevolBezoek, brieven, vroegPos},
		{afvink, familie, serieus, laatNeg},
		{snelleHulp, consultatiebureau, geenKraam},
		{vertrouwen, alleen, nietAangeboden},
	},
	rolKlein: {
		{alleen, consultatiebureau},
		{familie, alleen},
		{veroordeeld, laatNeg, toeslagen},
		{vroegPos, vastNeg},
		{warmPos, alleen},
		{serieus, thuisvragen},
		{consultatiebureau, snelleHulp},
		{waardevolBezoek, geldzorgen, familie},
	},
	rolRegio: {
		{vastNeg, taal},
		{vastNeg, taal, lotgenoten},
		{vastNeg, geldzorgen, waardevolBezoek},
		{vastNeg, vastNeg, tolk, serieus},
		{vastNeg, toeslagen, consultatiebureau},
		{vastNeg, urenTekort, fijneKraam, snelleHulp},
		{vastNeg, urenTekort, warmPos},
		{vastNeg, vastNeg, urenTekort, familie},
	},
}
