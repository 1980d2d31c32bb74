"""The households' situations in the demo data, drawn from the seed texts (Dutch): questions
for help, blockers, support plans and notes. All invented; no real person is described."""

from typing import NamedTuple

from doorbraak.cases.models import LifeDomain

WONEN, FIN, INK = LifeDomain.HOUSING, LifeDomain.FINANCES, LifeDomain.INCOME_WORK
GEZ, JEUGD, ONDW = LifeDomain.HEALTH, LifeDomain.PARENTING_YOUTH, LifeDomain.EDUCATION
VEIL, NETW = LifeDomain.SAFETY, LifeDomain.SOCIAL_NETWORK


class Situation(NamedTuple):
    kind: str  # household composition, see _compose()
    sex: str  # "v", "m" or "" for the main resident's given name
    question: str
    domains: list
    blockers: list  # (organisation key, life domain, rule, effect)
    plan: tuple  # (goal, own contribution, support needed)
    notes: list
    access: tuple | None = None  # (username, reason): added to the first case only


S = Situation
# fmt: off
SITUATIONS = [
    S("eenouder", "v", "Net verhuisd naar een sociale huurwoning, maar de huurtoeslag is veel "
      "lager dan verwacht: er staat een onbekende persoon op het adres ingeschreven.", [WONEN, FIN],
      [("toeslagen", FIN, "Huurtoeslag wordt berekend met iedereen die op het adres staat "
        "ingeschreven, ook een onbekende spookbewoner.", "Elke maand ruim 200 euro minder "
        "huurtoeslag; de huur is niet op te brengen en er ontstaat een achterstand."),
       ("gemeente", WONEN, "Een adresonderzoek naar de ingeschreven persoon duurt weken tot "
        "maanden.", "Zolang het onderzoek loopt, blijft de huurtoeslag te laag.")],
      ("De huur weer zelf kunnen betalen, met de huurtoeslag waar ze recht op heeft.",
       "Meldt de spookbewoner bij het KCC, bewaart alle post van Toeslagen en betaalt wat ze kan.",
       "Signaal bij het adres naar Dienst Toeslagen, overbrugging van het huurtekort en een "
       "betalingsafspraak met de woningcorporatie."),
      ["Bewoner kent de ingeschreven persoon niet; de vorige huurder vertrok een jaar geleden.",
       "Adresonderzoek aangevraagd; gevraagd meteen het vinkje voor Dienst Toeslagen te zetten."],
      ("demo-inkomensconsulent", "Meedenken over overbrugging zolang het adresonderzoek loopt.")),
    S("alleen", "m", "Man met ernstige diabetes is net verhuisd en heeft geen geld voor een "
      "koelkast; zijn insuline kan niet koel bewaard worden.", [GEZ],
      [("gemeente", GEZ, "Bijzondere bijstand voor witgoed gaat via een lening bij de "
        "kredietbank; de aanvraag duurt weken.", "De insuline bederft: risico op ontregeling "
        "en ziekenhuisopname. Hij verloor al een been aan zijn ziekte.")],
      ("Stabiele bloedsuikers en zelfstandig blijven wonen.", "Houdt zijn waarden bij en gaat "
       "naar de diabetesverpleegkundige.", "Koelkast via het minimaatwerkbudget, rechtstreeks "
       "betaald aan de winkel; hulp bij het inrichten van de woning."),
      ["Huisbezoek: de insuline ligt in een koeltas bij de buurvrouw.",
       "Drie collega's gaven akkoord in de teamgroep; koelkast wordt donderdag bezorgd."]),
    S("eenouder", "v", "Bewoner liet door stress haar sleutels in de voordeur zitten; de "
      "sleutels zijn weg en ze voelt zich niet meer veilig in huis.", [VEIL],
      [("corporatie", VEIL, "Een nieuwe cilinder na verlies van sleutels is voor rekening van "
        "de huurder en moet vooraf betaald worden.", "Geen geld voor de slotenmaker; zij slaapt "
        "slecht en durft de kinderen niet alleen thuis te laten.")],
      ("Zich weer veilig en thuis voelen.", "Maakt met de gezinswerker een overzicht van wat de "
       "stress veroorzaakt.", "Slotenmaker via het minimaatwerkbudget; gesprek met de huisarts."),
      ["Slotenmaker kwam dezelfde dag; de rekening is rechtstreeks betaald.",
       "De stress komt vooral door een stapel ongeopende post."]),
    S("jongere", "", "Jongere van 21 kan uitstromen uit beschermd wonen, maar vindt geen "
      "woning met een huur onder de huurtoeslaggrens voor jongeren.", [WONEN, INK],
      [("toeslagen", WONEN, "Onder de 23 jaar geen huurtoeslag boven de kwaliteitskortingsgrens "
        "(442,46 euro).", "De aangeboden woning van 650 euro is onbetaalbaar: een gat van "
        "ongeveer 400 euro per maand."),
       ("gemeente", INK, "Woonkostentoeslag kent een verhuisplicht en alleen individuele "
        "beoordeling.", "Een tijdelijke oplossing betekent binnen een jaar weer verhuizen."),
       ("opvang", WONEN, "De plek in beschermd wonen blijft bezet zolang er geen woning is.",
        "De plek kost vele malen meer dan het huurgat, en anderen wachten erop.")],
      ("Zelfstandig wonen met ambulante begeleiding.", "Houdt de afspraken met de ambulant "
       "begeleider en volgt een budgettraining.", "Overbrugging van 400 euro per maand tot de "
       "23e verjaardag; woning uit de tijdelijke voorraad van de corporatie."),
      ["Urgentieverklaring is binnen; de corporatie biedt een woning in een sloopcomplex aan.",
       "Ambulant begeleider: zelfstandig wonen is haalbaar."],
      ("demo-tafellid", "Voorbereiding Doorbraaktafel: woning buiten de reguliere toewijzing.")),
    S("alleen", "m", "Forse schulden door wisselend werk. Wil schuldhulp, maar moet daarvoor "
      "zijn auto inleveren, die hij door zijn gezondheid niet kan missen.", [FIN, GEZ],
      [("schuldhulp", FIN, "Toelating tot de schuldregeling vraagt verkoop van een auto met "
        "waarde.", "Zonder auto kan hij niet naar zijn behandelingen en niet werken; hij ziet "
        "af van schuldhulp en de schulden groeien."),
       ("gemeente", INK, "Wisselende inkomsten worden achteraf verrekend met de bijstand.",
        "Steeds nieuwe terugvorderingen; hij is gestopt met werken.")],
      ("Schuldenvrij worden en weer werken, met behoud van de auto.", "Gaat weer werken en "
       "stemt in met budgetbeheer bij de gemeente.", "Uitzondering op de autoregel via het MDT "
       "van W&I; budgetbeheer zodat onregelmatig inkomen niet tot nieuwe schulden leidt."),
      ["Samen in kaart gebracht: 14 schuldeisers, in totaal ongeveer 18.000 euro.",
       "MDT van W&I akkoord: schuldhulp met behoud van de auto, mits budgetbeheer."]),
    S("gezin", "", "Tijdens de schuldregeling dook een oude schuld van 500 euro op; de hele "
      "regeling dreigt te mislukken.", [FIN],
      [("schuldhulp", FIN, "Een nieuwe schuld tijdens het traject kan reden zijn om de "
        "schuldregeling te beëindigen.", "Twee jaar aflossen dreigt voor niets te zijn geweest."),
       ("cjib", FIN, "Verhogingen op een oude verkeersboete lopen ook tijdens een schuldregeling "
        "door.", "Een boete van 140 euro is opgelopen tot bijna 500 euro.")],
      ("De schuldregeling afmaken en schuldenvrij zijn.", "Betaalt de afgesproken aflossing en "
       "meldt nieuwe post direct.", "De oude schuld betalen uit het minimaatwerkbudget, "
       "rechtstreeks aan de schuldeiser."),
      ["Schuldhulp bevestigt: als de schuld binnen vier weken is voldaan, loopt alles door."]),
    S("eenouder", "v", "Gedupeerde ouder in de hersteloperatie kinderopvangtoeslag; wil haar "
      "opleiding afmaken, maar het vertrouwen in instanties is weg.", [FIN, ONDW],
      [("toeslagen", FIN, "De integrale beoordeling in de hersteloperatie duurt al meer dan een "
        "jaar.", "Het gezin leeft al jaren onder het bestaansminimum."),
       ("gemeente", ONDW, "Opleidingskosten vallen buiten de bijzondere bijstand.", "Zij kan de "
        "opleiding tot pedagogisch medewerker niet afmaken.")],
      ("Opleiding afronden en werk vinden in de kinderopvang.", "Schrijft zich opnieuw in bij het "
       "mbo en regelt de opvang met haar moeder.", "Opleidingskosten, wasmachine en laptops voor "
       "de kinderen uit het toeslagenherstelpotje; één vast contactpersoon."),
      ["Ze wil geen nieuwe hulpverleners; alles loopt via één vast gezicht.",
       "Aanvraag toeslagenherstelpotje: drie keer ja in de groep, dus een go."]),
    S("oudere", "v", "Oudere vrouw met bijstand komt niet op afspraken bij W&I; haar uitkering "
      "dreigt te worden beëindigd.", [INK, NETW],
      [("gemeente", INK, "Zonder contact kan het recht op bijstand niet worden vastgesteld en "
        "wordt de uitkering beëindigd.", "Zij verliest haar enige inkomen; huurschuld en "
        "verder isolement dreigen.")],
      ("In haar eigen huis blijven en weer wat vaker naar buiten durven.", "Laat de "
       "buurtteammedewerker binnen en doet mee aan een zorgtraject.", "Pauze op de beëindiging "
       "van de uitkering en een zorgtraject tegen isolement."),
      ["Anoniem gespard met Handhaving; de consulent wacht met stopzetten.",
       "Huisbezoek: zij heeft pleinvrees en komt de deur bijna niet uit."]),
    S("gezin", "", "Statushoudersgezin moet van een tijdelijke naar een vaste woning verhuizen; "
      "verhuiskosten worden maar één keer vergoed.", [WONEN],
      [("gemeente", WONEN, "Een vergoeding voor verhuiskosten wordt maar één keer verstrekt.",
        "Geen geld voor de tweede verhuizing; het gezin dreigt de vaste woning mis te lopen.")],
      ("Een vaste woning en rust voor de kinderen op school.", "Pakt zelf in en regelt hulp "
       "van vrienden bij het verhuizen.", "Tweede verhuiskostenvergoeding als maatwerk; signaal "
       "naar beleid over deze weeffout."),
      ["Beleidsadviseur bevestigt: dit komt vaker voor bij statushouders."]),
    S("woningdelers", "", "Woningdeler betaalt zijn deel van huur en energie niet meer; de "
      "bewoner draait er alleen voor op.", [FIN, WONEN],
      [("corporatie", FIN, "Beide huurders zijn hoofdelijk aansprakelijk voor de hele huur.",
        "De huurachterstand loopt op op haar naam."),
       ("gemeente", FIN, "Geen bijzondere bijstand met terugwerkende kracht: een al gedane "
        "uitgave geldt niet als noodzakelijk.", "Zij betaalde de energie, kon daardoor de huur "
        "niet betalen en kwam in de schulden.")],
      ("Een eigen huurcontract en geen schulden.", "Zet op een rij wat zij heeft betaald.",
       "Eenmalige bijdrage uit het maatwerkbudget; splitsing van het huurcontract."),
      ["De woningdeler is vertrokken zonder een adres achter te laten."],
      ("demo-handhaver", "Met toestemming van de bewoner: meedenken over de kostendelersnorm "
       "nu de woningdeler is vertrokken.")),
    S("jongere", "m", "Dakloze jongere slaapt in zijn auto. Een briefadres is geregeld, maar "
      "zijn bijstandsaanvraag stokt.", [INK, WONEN],
      [("gemeente", INK, "Voor bijstand met een briefadres wordt steeds meer bewijs gevraagd dat "
        "hij echt dakloos is.", "Al maanden zonder inkomen."),
       ("cjib", FIN, "Boetes voor overnachten in de auto lopen op met verhogingen.",
        "De boetes zijn hoger dan de waarde van de auto.")],
      ("Een kamer, een inkomen en weer naar school.", "Komt naar elke afspraak en houdt bij "
       "waar hij slaapt.", "Casusoverleg met W&I over de bewijslast; betalingsregeling met het "
       "CJIB; plek in de jongerenopvang."),
      ["Casusoverleg: de consulent gaat ervan uit dat klopt wat het buurtteam zegt."]),
    S("gezin", "", "Na afwijzing van de WIA-aanvraag vordert UWV het voorschot terug; bijstand "
      "kan niet met terugwerkende kracht.", [FIN, INK],
      [("uwv", FIN, "Een voorschot op de WIA wordt teruggevorderd als de aanvraag wordt "
        "afgewezen.", "Een schuld van ruim 6.000 euro, ontstaan door de wachttijd bij UWV."),
       ("gemeente", INK, "Bijstand kan niet met terugwerkende kracht worden toegekend.",
        "Over de maanden van het voorschot is er achteraf geen inkomen.")],
      ("Geen schuld bij UWV en een passend inkomen.", "Levert alle stukken aan en solliciteert "
       "naar aangepast werk.", "Escalatie via het Maatwerkloket; kwijtschelding vragen."),
      ["Collega's kennen nog twee huishoudens met dezelfde terugvordering."],
      ("demo-regievoerder", "Escalatie naar het Landelijk Escalatie Team via het Maatwerkloket.")),
    S("jongere", "m", "Jongeman heeft werk gevonden, maar zijn portemonnee met ID-bewijs en "
      "rijbewijs is gestolen; geld voor nieuwe heeft hij niet.", [INK],
      [("gemeente", INK, "De werknemerscheck kan alleen met een getekend arbeidscontract.",
        "Zonder ID kan hij niet tekenen en verliest hij de baan.")],
      ("Aan het werk blijven.", "Doet aangifte en vraagt de documenten zelf aan.",
       "ID-bewijs en rijbewijs uit het minimaatwerkbudget."),
      ["De werkgever houdt de baan twee weken vast."]),
    S("eenouder", "v", "Moeder heeft al maanden kiespijn en kan de tandarts niet betalen; haar "
      "dochter heeft een beugel nodig.", [GEZ],
      [("verzekeraar", GEZ, "Tandzorg voor volwassenen en orthodontie vallen niet onder de "
        "basisverzekering.", "Pijn, moeite met eten en schaamte bij sollicitaties.")],
      ("Zonder pijn kunnen eten en lachen.", "Maakt zelf de afspraak en spaart iets per maand.",
       "Tandarts via de tariefafspraak in de wijk; collectieve zorgverzekering van de gemeente."),
      ["Tandartskosten komen vaak terug in het team; doorgegeven aan de beleidsadviseur."]),
    S("gezin", "", "Zes maanden premieachterstand bij de zorgverzekeraar; het gezin is "
      "aangemeld bij het CAK.", [GEZ, FIN],
      [("verzekeraar", GEZ, "Bij zes maanden premieachterstand volgt aanmelding bij het CAK.",
        "Een hogere premie wordt ingehouden en de aanvullende verzekering vervalt.")],
      ("Weer gewoon verzekerd zijn.", "Zet de premie in een automatische betaling.",
       "Betalingsregeling en afmelding bij het CAK; herstel van de aanvullende verzekering."),
      ["Betalingsregeling getekend."],
      ("demo-hanneke", "Tafellid zorgverzekeraar: herstel van de aanvullende verzekering.")),
    S("gezin", "", "Drie maanden huurachterstand na baanverlies; de corporatie is de "
      "ontruimingsprocedure gestart.", [WONEN, INK],
      [("corporatie", WONEN, "Bij drie maanden huurachterstand gaat het dossier naar de "
        "deurwaarder en volgt ontruiming.", "Het gezin dreigt op straat te komen."),
       ("uwv", INK, "De WW start pas na volledige beoordeling van de aanvraag.",
        "Zes weken zonder inkomen, waardoor de achterstand ontstond.")],
      ("In de woning blijven.", "Betaalt de lopende huur en doet mee aan budgetcoaching.",
       "Ontruiming opschorten via de Doorbraaktafel; deel van de achterstand uit het Voorkom "
       "Erger Potje, de corporatie scheldt de rest kwijt."),
      ["Tafellid corporatie: bij betaling van de helft scheldt de corporatie de rest kwijt."]),
    S("alleen", "", "Studieschuld bij DUO en sinds kort werkloos; de termijn wordt berekend op "
      "het inkomen van twee jaar geleden.", [FIN],
      [("duo", FIN, "De draagkracht wordt berekend op het inkomen van het peiljaar.",
        "Een termijn van 180 euro per maand terwijl er alleen bijstand is.")],
      ("Rondkomen en naar draagkracht aflossen.", "Vraagt zelf een verlaging aan.",
       "Verzoek om een ander peiljaar; tijdelijk uitstel van de aflossing."),
      ["Formulier voor een ander peiljaar samen ingevuld."]),
    S("oudere", "m", "Teruggekeerd naar Nederland na jaren in het buitenland: geen woning en "
      "een onvolledige AOW.", [INK, WONEN],
      [("svb", INK, "De AOW wordt per jaar in Nederland opgebouwd.", "Een AOW die bijna een "
        "derde lager is."),
       ("corporatie", WONEN, "Zonder binding met de regio geen urgentie.", "Slaapt bij familie "
        "op de bank.")],
      ("Een eigen woning en een inkomen op bijstandsniveau.", "Regelt zijn papieren en schrijft "
       "zich in als woningzoekende.", "Aanvullende inkomensvoorziening ouderen bij de SVB; "
       "maatwerk in de woningtoewijzing."),
      ["Papieren uit het buitenland zijn onderweg."]),
    S("gezin", "", "De kinderbijslag is stopgezet na een niet teruggestuurd formulier; het "
      "gezin komt elke maand tekort.", [JEUGD, FIN],
      [("svb", JEUGD, "De kinderbijslag stopt als een controleformulier niet op tijd terug is.",
        "Geen geld voor schoolspullen en de sportclub.")],
      ("De kinderen doen mee op school en bij de sportclub.", "Opent de post voortaan samen met "
       "de oudste dochter.", "Formulier alsnog indienen met herstel met terugwerkende kracht."),
      ["SVB herstelt de kinderbijslag na het gesprek."]),
    S("gezin", "v", "Moeder en kinderen wonen in de opvang omdat hun kamer onleefbaar was; de "
      "vader mag niet bij het gezin wonen.", [WONEN, JEUGD],
      [("opvang", WONEN, "Toelating tot de gezinsopvang geweigerd wegens eerder 'verwijtbaar "
        "gedrag' van de vader.", "Het gezin leeft gescheiden; de kinderen missen hun vader."),
       ("corporatie", WONEN, "Na een eerdere ontruiming staat de vader vijf jaar op een lijst.",
        "Geen nieuwe woning zolang de vader bij het huishouden hoort.")],
      ("Als gezin samen wonen.", "Vader volgt begeleiding; samen gezinsgesprekken.",
       "Mandaat van de teamleider om de vader toe te laten; woning via de Doorbraaktafel."),
      ["Mandaat ingezet: de vader mag in de opvang wonen. Vervolggesprek met de opvang gepland."]),
    S("alleen", "", "De digitale bijstandsaanvraag is buiten behandeling gesteld omdat stukken "
      "ontbraken; al maanden zonder inkomen.", [INK, FIN],
      [("gemeente", INK, "Een onvolledige aanvraag wordt buiten behandeling gesteld zonder "
        "telefonisch contact.", "Huurachterstand en een dreigende afsluiting van energie.")],
      ("Een vast inkomen.", "Verzamelt de ontbrekende stukken.", "Nieuwe aanvraag met hulp."),
      ["Ontbrekende stukken samen verzameld."]),
    S("eenouder", "v", "Zoon van 15 verzuimt al maanden van school; moeder werkt in "
      "ploegendienst.", [JEUGD, ONDW],
      [("zorg", JEUGD, "De wachtlijst voor jeugd-GGZ is negen maanden.", "De zoon dreigt zonder "
        "diploma van school te gaan."),
       ("gemeente", ONDW, "Bij langdurig verzuim maakt leerplicht proces-verbaal op.",
        "Een boete vergroot de geldzorgen en het wantrouwen.")],
      ("Zoon gaat weer naar school.", "Moeder en zoon spreken elke week af wat lukt.",
       "Jongerenwerker als overbrugging; voorrang bij de jeugd-GGZ via het casusoverleg."),
      ["Gesprek met de mentor en leerplicht; procesverbaal aangehouden."]),
    S("oudere", "v", "Oudere vrouw redt na een heupoperatie het huishouden niet; de "
      "Wmo-indicatie laat op zich wachten.", [GEZ],
      [("gemeente", GEZ, "Huishoudelijke hulp vraagt een apart huisbezoek van een "
        "Wmo-consulent, ook als de wijkverpleegkundige al komt.", "Zes weken wachten.")],
      ("Veilig thuis blijven wonen.", "Doet haar oefeningen en vraagt de buren om boodschappen.",
       "Indicatie van de wijkverpleegkundige overnemen (samen indiceren)."),
      ["Wijkverpleegkundige stuurt haar advies vandaag."]),
    S("gezin", "", "Hoge eindafrekening energie; de energietoeslag is afgewezen omdat het "
      "inkomen net boven de grens ligt.", [FIN],
      [("gemeente", FIN, "De energietoeslag kent een harde inkomensgrens.", "Een rekening van "
        "1.400 euro; het gezin verwarmt nog maar één kamer.")],
      ("Vaste lasten op orde en een warm huis.", "Sluit een betalingsregeling af.",
       "Maatwerk op de inkomensgrens; een energiecoach."),
      ["Energiecoach komt volgende week."]),
    S("alleen", "", "Na een signaal van vroegsignalering blijkt een stapel schulden; de "
      "wachttijd voor schuldhulp is tien weken.", [FIN],
      [("schuldhulp", FIN, "De wachttijd voor een intake bij schuldhulp is tien weken.",
        "Intussen lopen incassokosten en beslagen op.")],
      ("Overzicht over de schulden.", "Legt alle post in één map.",
       "Voorrang bij de intake en een moratorium aanvragen."),
      ["Alle post samen gesorteerd: elf schuldeisers."]),
]
GENERIC_NOTES = [
    "Kennismakingsgesprek thuis; de bewoner vertelt open over de situatie.",
    "Samen de post doorgenomen en gesorteerd op urgentie.",
    "Bewoner wil zelf de regie houden; volgende afspraak over twee weken.",
    "Gebeld met de instantie; terugbelverzoek staat uit.",
    "Netwerk in kaart gebracht: een zus helpt op woensdag met de kinderen.",
    "Afspraak niet doorgegaan wegens ziekte; nieuwe afspraak gemaakt.",
    "Casus anoniem besproken in het teamoverleg; collega's herkennen het knelpunt.",
    "Bewoner geeft aan dat het iets beter gaat; de spanning is minder.",
    "Huisbezoek samen met een collega van Werk en Inkomen.",
    "Signaal doorgegeven aan de beleidsadviseur: dit kan niet de bedoeling zijn.",
]
RESOLUTIONS = [
    "Opgelost via de Doorbraaktafel: de instantie maakt een uitzondering.",
    "Opgelost zonder geld: de contactpersoon heeft de zaak handmatig herzien.",
    "Opgelost via het minimaatwerkbudget, in natura betaald aan de leverancier.",
    "Voorliggende voorziening gevonden en binnen een week toegekend.",
]
CLOSE_REASON = "Doelen uit het plan bereikt; de bewoner kan zelf verder en weet ons te vinden."
# fmt: on
