"""Demo data for learning (synthetic): the starter rule catalogue, S9's spookbewoning in three
teams so a candidate pattern appears for demo-beleidsadviseur, and two signals.

The demo loads more households than it has situations, so each situation's blockers occur in
two or three cases word for word; matching rightly groups such copies, which gave some twenty
candidates of copied text. demo-beleidsadviseur has already dismissed those (a candidate
whose blockers all have one and the same rule text, with a note saying so), so the start page
shows the few patterns written by different professionals in their own words, S9 first."""

from doorbraak.accounts.models import User
from doorbraak.cases import services as cases
from doorbraak.cases.models import Blocker, Case, CaseStatus, LifeDomain
from doorbraak.learning import services as learning
from doorbraak.learning.matching import recompute_patterns
from doorbraak.learning.models import Pattern, PatternStatus
from doorbraak.learning.starter import load_starter_rules

#: How three professionals in three teams would write down the same spookbewoning blocker.
SPOOKBEWONING = [
    (
        "Medebewoner telt mee in de huurtoeslag: een spookbewoner staat nog op het adres "
        "ingeschreven.",
        "Veel minder huurtoeslag dan verwacht; huurachterstand dreigt.",
    ),
    (
        "Een onbekende persoon staat op het nieuwe adres ingeschreven en telt als medebewoner "
        "mee voor de huurtoeslag.",
        "Huurtoeslag fors lager, de vaste lasten zijn niet te betalen.",
    ),
    (
        "Ingeschreven medebewoner (spookbewoning) verlaagt de huurtoeslag.",
        "Krijgt maandenlang te weinig huurtoeslag tot het adresonderzoek klaar is.",
    ),
]

SIGNALS = [
    (
        "demo-gezinswerker",
        "toeslagen",
        "Iedereen die op het adres staat ingeschreven telt mee in de huurtoeslag, ook een "
        "spookbewoner.",
        "Nieuwe huurders krijgen maanden te weinig huurtoeslag en raken in de schulden.",
    ),
    (
        "demo-ayse",
        "gemeente",
        "Geen bijzondere bijstand met terugwerkende kracht.",
        "Wie eerst zelf een noodzakelijke uitgave betaalt, krijgt die later niet vergoed.",
    ),
]


def _spook_teams(toeslagen) -> set[int]:
    return set(
        Blocker.objects.filter(organisation=toeslagen, rule__icontains="spookbewon").values_list(
            "case__team_id", flat=True
        )
    )


def add_demo_learning(orgs: dict, users: dict[str, User]) -> dict[str, int]:
    rules = load_starter_rules()
    toeslagen = orgs["toeslagen"]
    texts = iter(SPOOKBEWONING)
    for username in ("demo-gezinswerker", "demo-ayse", "demo-daan", "demo-lotte"):
        worker = users[username]
        if worker.team_id in _spook_teams(toeslagen) or len(_spook_teams(toeslagen)) >= 3:
            continue
        case = Case.objects.filter(key_worker=worker, status=CaseStatus.OPEN).order_by("pk").first()
        rule, effect = next(texts)
        cases.blocker_add(
            actor=worker,
            case=case,
            organisation=toeslagen,
            rule=rule,
            effect=effect,
            life_domain=LifeDomain.FINANCES,
        )
    signals = 0
    for username, org, rule, effect in SIGNALS:
        worker = users[username]
        linked = Blocker.objects.filter(
            case__key_worker=worker, organisation=orgs[org], case__status=CaseStatus.OPEN
        ).order_by("pk")[:1]
        learning.signal_record(
            actor=worker, organisation=orgs[org], rule=rule, effect=effect, blockers=linked
        )
        signals += 1
    # The demo backdates blockers after recording them: find the patterns over the real dates.
    recompute_patterns()
    dismiss_copies(users["demo-beleidsadviseur"])
    found = Pattern.objects.filter(status=PatternStatus.CANDIDATE).count()
    return {"rules": rules, "signals": signals, "patterns": found}


COPIES_NOTE = (
    "Demo: dezelfde voorbeeldsituatie is in meer casussen geladen, woord voor woord; "
    "geen patroon uit de praktijk."
)


def dismiss_copies(adviser: User) -> int:
    """Dismiss the candidates whose blockers all carry one identical rule text (the demo's
    repeated situations). Dismissed patterns keep their items, so they do not come back."""
    dismissed = 0
    for pattern in Pattern.objects.filter(status=PatternStatus.CANDIDATE).order_by("pk"):
        texts = set(
            Blocker.objects.filter(pattern_link__pattern=pattern).values_list("rule", flat=True)
        )
        if len(texts) == 1 and not pattern.signals.exists():
            learning.pattern_decide(
                actor=adviser, pattern=pattern, status=PatternStatus.DISMISSED, note=COPIES_NOTE
            )
            dismissed += 1
    return dismissed
