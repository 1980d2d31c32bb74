"""The register of processing activities (verwerkingsregister, AVG art. 30) as far as Doorbraak
performs them: for every `Activity` id its purpose, legal ground, categories of data subjects
and of personal data, recipients and retention. Pure Python (no Django import).

The register is kept per *purpose* (`Purpose`): the activities of one purpose share its
legal ground and categories; each activity id maps to exactly one purpose in `ACTIVITY_PURPOSE`.
A new member of `Activity` needs a line there (tests/privacy/test_register.py fails until it
has one): that is the moment to decide its purpose and legal ground.

The text is the municipality's register text, in Dutch. The legal grounds name the usual
basis of a Dutch municipality's social domain; the municipality's privacy officer confirms or
adapts them in its own register (docs/privacy.md).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Purpose:
    code: str
    name: str
    purpose: str
    legal_ground: str
    data_subjects: str
    data_categories: str
    recipients: str
    retention: str


_CASE_DATA = (
    "Identificerende gegevens (naam, geboortejaar, BSN versleuteld), samenstelling van het "
    "huishouden, leefgebieden, knelpunten, ondersteuningsplan, notities, financiële gegevens "
    "(schulden, inkomen, betalingen); bijzondere persoonsgegevens over gezondheid waar de "
    "hulpvraag die betreft"
)
_CASE_SUBJECTS = "Leden van huishoudens die ondersteuning krijgen; contactpersonen"
_CASE_GROUND = (
    "AVG art. 6 lid 1 sub e (taak van algemeen belang: Wmo 2015 art. 2.3.2, Participatiewet "
    "art. 7, Jeugdwet art. 2.3, Wet gemeentelijke schuldhulpverlening art. 3); gezondheid: "
    "AVG art. 9 lid 2 sub h met UAVG art. 30 lid 3; BSN: UAVG art. 46 met Wmo 2015 art. 5.1.1 "
    "en Jeugdwet art. 7.1.1.1"
)
_CASE_RETENTION = (
    "Dossier: termijn van de Selectielijst gemeenten 2020 voor het sociaal domein, na "
    "afsluiten van de casus; jeugddossiers 20 jaar (Jeugdwet art. 7.3.8). Zie de module "
    "bewaartermijnen."
)
_LOG_RETENTION = "Verwerkingslog en audittrail: zo lang als het dossier waarover zij gaan."

PURPOSES = {
    p.code: p
    for p in (
        Purpose(
            "casusregie",
            "Casusregie sociaal domein",
            "Ondersteunen van huishoudens met problemen op meerdere leefgebieden door één vaste "
            "contactpersoon: casus registreren, raadplegen, bijwerken en overdragen.",
            _CASE_GROUND,
            _CASE_SUBJECTS,
            _CASE_DATA,
            "Medewerkers van het buurtteam met toegang tot de casus (besluit 0001)",
            f"{_CASE_RETENTION} {_LOG_RETENTION}",
        ),
        Purpose(
            "maatwerk",
            "Maatwerk aanvragen en besluiten",
            "Een maatwerkoplossing onderbouwen, laten beoordelen (geanonimiseerd), besluiten en "
            "betalen in natura.",
            _CASE_GROUND + "; bijzondere bijstand: Participatiewet art. 35",
            _CASE_SUBJECTS,
            _CASE_DATA + "; onderbouwing (waardendriehoek, kosten-baten), besluit, betaling",
            "Beoordelaars (alleen geanonimiseerde tekst), fondsbeheer, leverancier of schuldeiser "
            "(betaling)",
            "Besluit en betaling: Selectielijst gemeenten 2020 en de financiële "
            f"verantwoordingstermijn (7 jaar). {_LOG_RETENTION}",
        ),
        Purpose(
            "escalatie",
            "Escaleren en doorbreken (mandaat, Doorbraaktafel)",
            "Een vastgelopen casus escaleren naar casusoverleg, een mandaathouder of een "
            "Doorbraaktafel; besluiten en vervolgacties vastleggen.",
            _CASE_GROUND,
            _CASE_SUBJECTS + "; tafelleden en mandaathouders (als medewerker)",
            _CASE_DATA + "; besluit en vervolgacties",
            "Mandaathouder; tafelleden alleen met toestemming van het huishouden",
            f"{_CASE_RETENTION} {_LOG_RETENTION}",
        ),
        Purpose(
            "doorbraaktafel",
            "Casus bespreken aan een Doorbraaktafel",
            "De casus met partnerorganisaties met mandaat bespreken om een knelpunt te doorbreken.",
            "AVG art. 6 lid 1 sub a (toestemming van het huishouden om te delen met de tafel) "
            "en sub e; gezondheid: AVG art. 9 lid 2 sub a",
            _CASE_SUBJECTS,
            _CASE_DATA + " (alleen wat voor de agenda nodig is)",
            "Tafelleden van partnerorganisaties (woningcorporatie, zorgverzekeraar, UWV, SVB, "
            "DUO, CJIB, Belastingdienst/Toeslagen, schuldhulp, opvang)",
            f"{_CASE_RETENTION} Toestemming: zo lang als het dossier. {_LOG_RETENTION}",
        ),
        Purpose(
            "let",
            "Voorleggen aan het Landelijk Escalatie Team",
            "Een casus via het Maatwerkloket (PMM) geanonimiseerd voorleggen aan het LET en het "
            "besluit en de opvolging vastleggen.",
            "AVG art. 6 lid 1 sub e (taak van algemeen belang); alleen geanonimiseerde tekst "
            "gaat naar de regievoerder",
            _CASE_SUBJECTS,
            "Geanonimiseerde casusbeschrijving, knelpunt, besluit en opvolging",
            "Regievoerders van het Maatwerkloket (geanonimiseerd)",
            f"{_CASE_RETENTION} {_LOG_RETENTION}",
        ),
        Purpose(
            "generiek-maatwerk",
            "Generiek maatwerk en benaderen van getroffenen",
            "Eén besluit voor een groep, gevolgd door het benaderen van ieder huishouden "
            "(bellijst).",
            _CASE_GROUND,
            "Huishoudens die onder een generiek besluit vallen",
            "Naam, contactgegevens, casusnummer, belpogingen en uitkomst",
            "Medewerkers van het belteam",
            f"{_CASE_RETENTION} {_LOG_RETENTION}",
        ),
        Purpose(
            "hersteloperatie",
            "Brede ondersteuning gedupeerden hersteloperatie toeslagen",
            "Gedupeerde ouders van de kinderopvangtoeslagaffaire met voorrang en een vast gezicht "
            "helpen naar een nieuwe start: de markering, kwijtgescholden schulden en het "
            "ondersteuningsplan.",
            _CASE_GROUND + "; Wet hersteloperatie toeslagen (brede ondersteuning door gemeenten)",
            "Gedupeerde ouders en hun huishouden",
            "Markering (bron, datum), kwijtgescholden schulden per schuldeiser, "
            "ondersteuningsplan; nooit zichtbaar voor beoordelaars of in geanonimiseerde tekst",
            "Medewerkers met toegang tot de casus (besluit 0001)",
            f"{_CASE_RETENTION} {_LOG_RETENTION}",
        ),
        Purpose(
            "pauzeknop",
            "Pauzeknop: beëindiging of sanctie pauzeren",
            "De beëindiging van een uitkering, een sanctie of een terugvordering tijdelijk "
            "pauzeren terwijl de oorzaak wordt onderzocht, en na de herbeoordeling besluiten.",
            "AVG art. 6 lid 1 sub e (Participatiewet art. 7 en 18; Algemene wet bestuursrecht "
            "art. 3:2, zorgvuldige voorbereiding)",
            _CASE_SUBJECTS,
            "Casusnummer, organisatie en maatregel, reden, periode, herbeoordeling en uitkomst",
            "Inkomensconsulenten en handhavers van de organisatie; medewerkers met toegang tot "
            "de casus",
            f"{_CASE_RETENTION} {_LOG_RETENTION}",
        ),
        Purpose(
            "rechten-betrokkenen",
            "Rechten van betrokkenen en bewaartermijnen",
            "Inzage, rectificatie en beperking van de verwerking op verzoek van een betrokkene "
            "(AVG art. 15, 16 en 18); vernietigen na de bewaartermijn met een tweede persoon.",
            "AVG art. 6 lid 1 sub c (AVG art. 12, 15, 16, 18; Archiefwet 1995 art. 3 en 5 met de "
            "Selectielijst gemeenten 2020)",
            "Betrokkenen die een verzoek doen; leden van huishoudens waarvan de termijn verstreken "
            "is",
            "Alles wat Doorbraak over de betrokkene bewaart (zie het inzage-export), verzoeken en "
            "hun afhandeling, de vernietigingsverklaring",
            "Functioneel beheerder (privacy); de betrokkene zelf (inzage)",
            "Verzoeken en vernietigingsverklaringen: zo lang als het dossier, de verklaring "
            "blijvend. " + _LOG_RETENTION,
        ),
        Purpose(
            "gebruikersbeheer",
            "Gebruikers- en toegangsbeheer",
            "Rollen, teams en toegang van medewerkers beheren en controleren (BIO).",
            "AVG art. 6 lid 1 sub c en e (beveiliging, AVG art. 32; BIO)",
            "Medewerkers van de gemeente en partnerorganisaties",
            "Naam, gebruikersnaam, organisatie, team, rol, laatste aanmelding",
            "Functioneel beheerder",
            "Zo lang als het account bestaat; daarna de audittrail (zo lang als die van het "
            "dossier).",
        ),
        Purpose(
            "verantwoording",
            "Verantwoording over verwerkingen (privacy)",
            "De verwerkingsgeschiedenis van een betrokkene tonen aan de privacyfunctionaris en "
            "het verwerkingsregister raadplegen.",
            "AVG art. 6 lid 1 sub c (AVG art. 5 lid 2, 15 en 30)",
            "Betrokkenen van wie de verwerkingen worden getoond; medewerkers als uitvoerder",
            "Pseudoniem van de betrokkene, activiteit, tijdstip, uitkomst, uitvoerder",
            "Privacyfunctionaris, functioneel beheerder",
            _LOG_RETENTION,
        ),
    )
}

#: Every `Activity` value → the code of its purpose in `PURPOSES`.
ACTIVITY_PURPOSE = {
    "casuslijst-raadplegen": "casusregie",
    "casus-raadplegen": "casusregie",
    "casus-zoeken-bsn": "casusregie",
    "casus-registreren": "casusregie",
    "casus-bijwerken": "casusregie",
    "casus-overdragen": "casusregie",
    "api-casussen": "casusregie",
    "api-huishoudens": "casusregie",
    "api-knelpunten": "casusregie",
    "voorstel-indienen": "maatwerk",
    "voorstel-raadplegen": "maatwerk",
    "onderbouwing-exporteren": "maatwerk",
    "api-voorstellen": "maatwerk",
    "voorstel-beoordelen": "maatwerk",
    "gebruiker-beheren": "gebruikersbeheer",
    "escalatie-indienen": "escalatie",
    "escalatie-raadplegen": "escalatie",
    "escalatie-besluiten": "escalatie",
    "acties-raadplegen": "escalatie",
    "api-escalaties": "escalatie",
    "api-acties": "escalatie",
    "mandaat-gebruiken": "escalatie",
    "mandaatgebruik-raadplegen": "escalatie",
    "api-mandaatgebruik": "escalatie",
    "let-voorleggen": "let",
    "let-raadplegen": "let",
    "let-besluiten": "let",
    "let-exporteren": "let",
    "api-let": "let",
    "tafel-raadplegen": "doorbraaktafel",
    "tafel-besluiten": "doorbraaktafel",
    "besluitenlijst-exporteren": "doorbraaktafel",
    "toestemming-vastleggen": "doorbraaktafel",
    "api-tafels": "doorbraaktafel",
    "generiek-maatwerk-besluiten": "generiek-maatwerk",
    "bellijst-raadplegen": "generiek-maatwerk",
    "belpoging-vastleggen": "generiek-maatwerk",
    "api-bellijst": "generiek-maatwerk",
    "verwerkingsregister-raadplegen": "verantwoording",
    "verwerkingsgeschiedenis-raadplegen": "verantwoording",
    "verwerking-geweigerd": "verantwoording",
    "hersteloperatie-raadplegen": "hersteloperatie",
    "hersteloperatie-vastleggen": "hersteloperatie",
    "api-hersteloperatie": "hersteloperatie",
    "authenticatie": "gebruikersbeheer",
    "toegang-beoordelen": "gebruikersbeheer",
    "jaarverslag-exporteren": "verantwoording",
    "pauze-vastleggen": "pauzeknop",
    "pauze-raadplegen": "pauzeknop",
    "api-pauzes": "pauzeknop",
    "betrokkene-zoeken-bsn": "rechten-betrokkenen",
    "inzageverzoek": "rechten-betrokkenen",
    "rectificatieverzoek": "rechten-betrokkenen",
    "beperking-verwerking": "rechten-betrokkenen",
    "vernietiging-voorstellen": "rechten-betrokkenen",
    "vernietiging-uitvoeren": "rechten-betrokkenen",
    "budgetcheck-raadplegen": "casusregie",
    "budgetcheck-vastleggen": "casusregie",
    "api-budgetcheck": "casusregie",
    "indicatie-vastleggen": "casusregie",  # samen indiceren: Wmo 2015 art. 2.3.2 (indications/)
    "indicatie-raadplegen": "casusregie",
    "api-indicaties": "casusregie",
    "ambassadeur-vastleggen": "gebruikersbeheer",
    "spel-sessie": "gebruikersbeheer",
    "vroegsignaal-importeren": "casusregie",
    "vroegsignaal-raadplegen": "casusregie",
    "vroegsignaal-opvolgen": "casusregie",
    "api-vroegsignalen": "casusregie",
    "verhuisbox-raadplegen": "casusregie",
    "verhuisbox-vastleggen": "casusregie",
    "api-verhuisbox": "casusregie",
    "betaalopdracht-raadplegen": "maatwerk",  # betalen in natura (funds/)
    "betaalbatch-vastleggen": "maatwerk",
    "betaalbestand-exporteren": "maatwerk",
    "api-betalingen": "maatwerk",
    "toestemming-raadplegen": "doorbraaktafel",
}


@dataclass(frozen=True)
class Entry:
    activity: str
    activity_name: str
    purpose: Purpose


def entries(activities) -> list[Entry]:
    """One register entry per activity, `activities` as (id, name) pairs; KeyError for an
    activity without a purpose."""
    return [Entry(a, str(name), PURPOSES[ACTIVITY_PURPOSE[a]]) for a, name in activities]
