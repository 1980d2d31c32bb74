"""Starter rule catalogue from the seeds: rules that got in the way in real cases, per kind
of organisation. `load_starter_rules()` adds them to every organisation of that kind (the
demo, and `doorbraak load_rule_catalogue`); it never changes a rule that exists. The
functional administrator edits, adds and deactivates rules in /beheer/."""

from django.db import transaction

from doorbraak.accounts.models import Organisation, OrganisationKind

K = OrganisationKind

# kind, rule, explanation, source (seed)
STARTER_RULES = [
    (
        K.TAX_BENEFITS,
        "Medebewoner telt mee in de huurtoeslag",
        "Iedereen die op het adres ingeschreven staat telt mee in de berekening van de "
        "huurtoeslag, ook een spookbewoner die er niet woont.",
        "Tilburg, spookbewoning (seed 002)",
    ),
    (
        K.TAX_BENEFITS,
        "Terugvordering van een voorschot in één keer",
        "Een te hoog voorschot wordt in één keer teruggevorderd na de definitieve berekening.",
        "",
    ),
    (
        K.MUNICIPALITY,
        "Geen bijstand met terugwerkende kracht",
        "Bijstand en bijzondere bijstand worden niet met terugwerkende kracht toegekend: een "
        "uitgave die al gedaan is, geldt niet als noodzakelijk.",
        "UWV maatwerkplaats en Leeuwarden (seed 002)",
    ),
    (
        K.MUNICIPALITY,
        "Adresonderzoek BRP duurt weken tot maanden",
        "Een onderzoek naar wie er werkelijk op een adres woont (inschrijving BRP) duurt lang; "
        "in de tussentijd blijft de inschrijving staan.",
        "Tilburg, spookbewoning (seed 002)",
    ),
    (
        K.UWV,
        "Terugvordering voorschot bij afgewezen WIA-aanvraag",
        "Wie een voorschot kreeg en wiens WIA-aanvraag werd afgewezen, moet het voorschot "
        "terugbetalen; bijstand met terugwerkende kracht kan het gat niet dichten.",
        "UWV, professionele buikpijn (seed 002)",
    ),
    (
        K.HOUSING_CORPORATION,
        "Zonder binding met de regio geen urgentie",
        "",
        "",
    ),
]


@transaction.atomic
def load_starter_rules() -> int:
    from .models import Rule

    created = 0
    for kind, title, explanation, source in STARTER_RULES:
        for organisation in Organisation.objects.filter(kind=kind):
            _, new = Rule.objects.get_or_create(
                organisation=organisation,
                title=title,
                defaults={"explanation": explanation, "source": source},
            )
            created += new
    return created
