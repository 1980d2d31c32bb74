"""The starter catalogues shipped with Doorbraak: spending categories and legal grounds.
Municipalities edit them in the administration. Check the legal texts on wetten.overheid.nl
against your own verordeningen; the explanations are summaries, not legal advice."""

CATEGORIES = [
    ("wonen", "Wonen"),
    ("huisraad", "Huisraad"),
    ("gezondheid", "Gezondheid"),
    ("werk", "Werk"),
    ("onderwijs", "Onderwijs"),
    ("schulden", "Schulden"),
    ("vervoer", "Vervoer"),
    ("inkomen", "Inkomen"),
    ("opvoeding-jeugd", "Opvoeding en jeugd"),
    ("sociaal-netwerk", "Sociaal netwerk"),
    ("veiligheid", "Veiligheid"),
    ("overig", "Overig"),
]

# (law, article, title, kind, explanation)
LEGAL_GROUNDS = [
    (
        "Participatiewet",
        "art. 18 lid 1",
        "Afstemming op de omstandigheden",
        "artikel",
        "Het college stemt de bijstand af op de omstandigheden, mogelijkheden en middelen van de "
        "belanghebbende: de wettelijke opdracht tot maatwerk.",
    ),
    (
        "Participatiewet",
        "art. 35",
        "Bijzondere bijstand",
        "artikel",
        "Bijstand voor noodzakelijke kosten die voortvloeien uit bijzondere omstandigheden en die "
        "niet uit de bijstandsnorm, inkomen of vermogen betaald kunnen worden.",
    ),
    (
        "Participatiewet",
        "art. 16",
        "Zeer dringende redenen",
        "discretionair",
        "Het college kan in afwijking van de regels bijstand verlenen als zeer dringende redenen "
        "daartoe noodzaken.",
    ),
    (
        "Participatiewet",
        "art. 58",
        "Afzien van terugvordering",
        "discretionair",
        "Het college kan geheel of gedeeltelijk afzien van terugvordering als daarvoor dringende "
        "redenen aanwezig zijn.",
    ),
    (
        "Wmo 2015",
        "art. 2.3.5",
        "Maatwerkvoorziening",
        "artikel",
        "Het college beslist over een maatwerkvoorziening die bijdraagt aan zelfredzaamheid en "
        "participatie, rekening houdend met de persoonlijke situatie.",
    ),
    (
        "Wmo 2015",
        "art. 2.3.2",
        "Onderzoek naar de hulpvraag",
        "artikel",
        "Het onderzoek bekijkt de hele situatie: wat iemand zelf kan, het netwerk en andere "
        "voorzieningen, zodat de ondersteuning passend is.",
    ),
    (
        "Jeugdwet",
        "art. 2.3",
        "Individuele voorziening jeugdhulp",
        "artikel",
        "Het college zorgt voor een passende individuele voorziening als jeugdige of ouders het "
        "niet op eigen kracht of met het netwerk kunnen.",
    ),
    (
        "Algemene wet bestuursrecht",
        "art. 4:84",
        "Afwijken van beleidsregels",
        "beleidsregel",
        "Het bestuursorgaan wijkt af van een beleidsregel als de gevolgen voor een belanghebbende "
        "door bijzondere omstandigheden onevenredig zijn.",
    ),
    (
        "Algemene wet bestuursrecht",
        "art. 3:4 lid 2",
        "Evenredigheid",
        "artikel",
        "De nadelige gevolgen van een besluit mogen niet onevenredig zijn in verhouding tot de "
        "doelen ervan.",
    ),
    (
        "Gemeentelijke verordening",
        "",
        "Hardheidsclausule",
        "hardheidsclausule",
        "De verordening laat het college afwijken van de regels als toepassing ervan tot een "
        "onbillijkheid van overwegende aard leidt.",
    ),
    (
        "Discretionaire bevoegdheid",
        "",
        "Kan-bepaling: ruimte voor afweging",
        "discretionair",
        'De regel geeft het bestuursorgaan ruimte ("kan"): de professional weegt de situatie af en '
        "legt uit waarom deze oplossing past.",
    ),
]


def load(category_model, legal_ground_model) -> None:
    """Add the missing starter rows; never overwrite an edited one. Takes the model classes
    so the data migration can pass its historical models."""
    for order, (key, label) in enumerate(CATEGORIES):
        category_model.objects.get_or_create(key=key, defaults={"label": label, "order": order})
    for law, article, title, kind, explanation in LEGAL_GROUNDS:
        legal_ground_model.objects.get_or_create(
            law=law,
            article=article,
            title=title,
            defaults={"kind": kind, "explanation": explanation},
        )
