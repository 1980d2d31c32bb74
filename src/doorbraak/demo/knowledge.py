"""Demo articles for the knowledge base (synthetic, plausible Dutch content; not legal
advice). Written by demo-beleidsadviseur; one article has a second version, so the history
and its changes can be seen."""

from doorbraak.accounts.models import Organisation, User
from doorbraak.knowledge import services
from doorbraak.learning.models import Pattern
from doorbraak.proposals.models import Category, LegalGround

# (title, tags, category keys, (law, article) of legal grounds, organisation kinds, body)
ARTICLES = [
    (
        "Huurtoeslag en een ingeschreven medebewoner (spookbewoning)",
        ["huurtoeslag", "medebewoner", "spookbewoning", "toeslagen"],
        ["wonen", "inkomen"],
        [("Algemene wet bestuursrecht", "art. 4:84")],
        ["belastingdienst-toeslagen"],
        """Staat er op het adres nog iemand ingeschreven die er niet woont, dan telt Dienst
Toeslagen die persoon mee als **medebewoner**. Het inkomen van die persoon verlaagt de
huurtoeslag, soms tot nul.

## Wat je kunt doen

1. Vraag bij de gemeente een **adresonderzoek** aan (BRP). Noteer de datum van de melding.
2. Meld bij Dienst Toeslagen dat de medebewoner er niet woont en dat het onderzoek loopt.
3. Overbrug de maanden tot het besluit: een betalingsregeling met de verhuurder, of een
   bijdrage uit het minimaatwerkbudget, rechtstreeks aan de verhuurder.

## Goed om te weten

- Na een uitschrijving met terugwerkende kracht kan de huurtoeslag worden herzien.
- Zie je dit vaker? Leg het vast als signaal: het patroon *spookbewoning* loopt bij de
  beleidsadviseur.
""",
    ),
    (
        "Bijzondere bijstand: eerst de voorliggende voorziening",
        ["bijzondere bijstand", "voorliggende voorziening", "participatiewet"],
        ["huisraad", "gezondheid", "inkomen"],
        [("Participatiewet", "art. 35"), ("Participatiewet", "art. 18 lid 1")],
        ["gemeente"],
        """Bijzondere bijstand (Participatiewet art. 35) is er voor **noodzakelijke kosten** die
iemand niet uit inkomen of vermogen kan betalen. Het potje komt pas daarna.

## Checklist

- Is er een verzekering, de Wmo of een toeslag die het betaalt?
- Duurt de aanvraag te lang voor wat nu nodig is? Zeg dat in de aanvraag: dan mag het potje
  overbruggen.
- Denk aan de draagkracht: een klein inkomen boven de norm sluit bijzondere bijstand niet uit.

Tip: noteer in *Eerst geprobeerd* wat de uitkomst was, ook als de aanvraag nog loopt.
""",
    ),
    (
        "Schuldhulp: een oude schuld die de regeling bedreigt",
        ["schuldhulp", "schuldregeling", "schulden"],
        ["schulden"],
        [("Participatiewet", "art. 16")],
        ["schuldhulpverlening"],
        """Soms dreigt een **oude schuld** buiten de regeling een hele schuldregeling te laten
vallen. Betalen uit een potje is dan vaak goedkoper dan opnieuw beginnen.

## Zo pak je het aan

1. Vraag de schuldhulpverlener schriftelijk: loopt de regeling door als deze schuld binnen
   vier weken is voldaan?
2. Betaal rechtstreeks aan de schuldeiser, nooit contant aan de inwoner.
3. Leg in de waardendriehoek uit wat de inwoner zelf doet (de aflossing volhouden).

Let op de grens van het potje: een bedrag boven het plafond gaat een route hoger.
""",
    ),
    (
        "Hersteloperatie kinderopvangtoeslag: wat de gemeente doet",
        ["toeslagenherstel", "hersteloperatie", "gedupeerde ouders", "kwijtschelding"],
        ["schulden", "onderwijs", "huisraad"],
        [("Gemeentelijke verordening", ""), ("Participatiewet", "art. 58")],
        ["belastingdienst-toeslagen", "gemeente"],
        """Gedupeerde ouders van de kinderopvangtoeslagaffaire krijgen van de gemeente een
**stap extra**: één vast gezicht, geen nieuwe route.

## Wat er kan

- Een **ondersteuningsplan voor een nieuwe start** langs vijf leefgebieden: financiën, wonen,
  werk en opleiding, gezondheid, gezin en netwerk. Gebruik het sjabloon op de casus.
- **Schulden bij de gemeente** worden meestal kwijtgescholden; houd per schuldeiser bij wat
  is aangevraagd, toegezegd en kwijtgescholden.
- Het **toeslagenherstelpotje** voor maatwerk: drie keer ja is een go; boven € 5.000 moeten
  vier rollen akkoord geven.

## Privacy

Dat een huishouden gedupeerd is, zien alleen de mensen die aan de casus werken. Wie stemt,
ziet alleen *prioriteit*, nooit waarom.
""",
    ),
    (
        "Witgoed en huisraad: wasmachine, koelkast, bed",
        ["witgoed", "huisraad", "wasmachine", "koelkast"],
        ["huisraad"],
        [("Discretionaire bevoegdheid", "")],
        [],
        """Een kapotte koelkast of wasmachine is vaak een kleine aanvraag met grote gevolgen
(insuline die niet koel blijft, kinderen zonder schone kleren).

- Vraag een offerte van een winkel: het potje betaalt de **leverancier**.
- Een kleine aanvraag onder het bedrag van het fonds is zo licht als het appje dat je vroeger
  stuurde: wat en waarom, bedrag, categorie, leverancier.
""",
    ),
]


def add_demo_knowledge() -> dict:
    author = User.objects.get(username="demo-beleidsadviseur")
    count = 0
    for title, tags, categories, grounds, kinds, body in ARTICLES:
        legal = [
            g
            for law, article in grounds
            for g in LegalGround.objects.filter(law=law, article=article)[:1]
        ]
        patterns = (
            list(
                Pattern.objects.filter(rule__icontains="medebewoner").exclude(status="afgewezen")[
                    :1
                ]
            )
            if "medebewoner" in tags
            else []
        )
        article = services.article_save(
            actor=author,
            title=title,
            body=body,
            tags=tags,
            categories=list(Category.objects.filter(key__in=categories)),
            legal_grounds=legal,
            organisations=list(Organisation.objects.filter(kind__in=kinds)[:2]),
            patterns=patterns,
            note="Eerste versie",
        )
        count += 1
        if "medebewoner" in tags:
            services.article_save(
                actor=author,
                article=article,
                title=title,
                body=body.replace(
                    "3. Overbrug",
                    "3. Vraag of Dienst Toeslagen de huurtoeslag voorlopig ongewijzigd laat.\n"
                    "4. Overbrug",
                ),
                tags=tags,
                categories=list(article.categories.all()),
                legal_grounds=list(article.legal_grounds.all()),
                organisations=list(article.organisations.all()),
                patterns=list(article.patterns.all()),
                note="Stap toegevoegd: voorlopig ongewijzigd laten",
            )
    return {"articles": count}
