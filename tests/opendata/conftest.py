"""A small synthetic municipality for the open data: teams in a wijk, households with requests,
a pattern with a structural solution and a generic decision naming a catalogue rule. Every
free-text field of the source rows gets a unique marker (`MARKERS`): none may reach an export."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.db import models
from django.utils import timezone

from doorbraak.accounts.models import Neighbourhood, Organisation, OrganisationKind, Team
from doorbraak.accounts.roles import Role
from doorbraak.cases.models import Blocker, Case, Household, Member
from doorbraak.generic.models import GenericDecision
from doorbraak.learning.models import Pattern, PatternBlocker, Rule, Signal
from doorbraak.proposals.models import Category, Request
from doorbraak.worktables.models import Outcome, Session, StructuralSolution, WorkTable
from tests.factories import CaseFactory, UserFactory

#: Names from the catalogues: they may be published (organisation, category, catalogue rule).
PUBLISHED_NAMES = {
    (Rule, "title"),
    (Category, "label"),
    (Category, "key"),
    (Organisation, "name"),
}
#: Coded values and technical keys, not free text.
CODED = {"status", "kind", "alternative", "frequency", "life_domain", "household_role"}

MARKERS: list[str] = []
_counter = itertools.count(1)


def mark_free_text(queryset) -> None:
    """Put a unique marker in every free-text field (char, text, JSON) of these rows."""
    model = queryset.model
    for obj in queryset:
        changes = {}
        for field in model._meta.concrete_fields:
            if (model, field.name) in PUBLISHED_NAMES or field.name in CODED or field.choices:
                continue
            if isinstance(field, models.JSONField):
                marker = f"Qz{next(_counter)}mark"
                changes[field.name] = (
                    {"tekst": marker} if field.name != "prior_provisions" else [marker]
                )
            elif isinstance(field, (models.CharField, models.TextField)) and not isinstance(
                field, models.SlugField
            ):
                marker = f"Qz{next(_counter)}mark"
                if field.max_length and len(marker) > field.max_length:
                    continue
                changes[field.name] = marker
            else:
                continue
            MARKERS.append(marker)
        if changes:
            model.objects.filter(pk=obj.pk).update(**changes)


@pytest.fixture
def city(db):
    """Gemeente Testdorp with 12 households in one wijk: 12 paid requests in category Huisraad
    this month (publishable at 10), 3 in Reis (withheld), a confirmed pattern of 12 households
    with an implemented solution."""
    municipality = Organisation.objects.create(
        name="Gemeente Testdorp", kind=OrganisationKind.MUNICIPALITY
    )
    partner = Organisation.objects.create(
        name="Dienst Toeslagen (test)", kind=OrganisationKind.TAX_BENEFITS
    )
    wijk = Neighbourhood.objects.create(name="Centrum", municipality=municipality)
    team = Team.objects.create(name="Buurtteam Centrum", organisation=partner, neighbourhood=wijk)
    worker = UserFactory(username="od-werker", team=team)
    adviser = UserFactory(
        username="od-adviseur", role=Role.BELEIDSADVISEUR, organisation=municipality
    )
    huisraad = Category.objects.get_or_create(key="huisraad", defaults={"label": "Huisraad"})[0]
    reis = Category.objects.get_or_create(key="reis", defaults={"label": "Reis"})[0]
    cases = [CaseFactory(actor=worker) for _ in range(12)]
    blockers = []
    for i, case in enumerate(cases):
        Request.objects.create(
            case=case,
            solution="oplossing",
            category=huisraad,
            amount=Decimal("100.00"),
            supplier_iban="NL91ABNA0417164300",
            recurrence_prevention="voorkomen",
            status="betaald",
            created_by=worker,
        )
        if i < 3:
            Request.objects.create(
                case=case,
                solution="reis",
                category=reis,
                amount=Decimal("40.00"),
                supplier_iban="NL91ABNA0417164300",
                recurrence_prevention="voorkomen",
                status="goedgekeurd",
                created_by=worker,
            )
        blockers.append(
            Blocker.objects.create(
                case=case,
                organisation=partner,
                rule="regel",
                effect="effect",
                life_domain="wonen",
                created_by=worker,
            )
        )
    pattern = Pattern.objects.create(
        organisation=partner,
        municipality=municipality,
        status="bevestigd",
        summary="samenvatting",
        reference_blocker=blockers[0],
        rule="regel",
        cases_count=12,
        teams_count=1,
    )
    for blocker in blockers:
        PatternBlocker.objects.create(pattern=pattern, blocker=blocker, similarity=Decimal("0.9"))
    rule = Rule.objects.create(organisation=partner, title="Toeslag stopt bij spookbewoning")
    today = timezone.localdate()
    GenericDecision.objects.create(
        organisation=partner,
        catalogue_rule=rule,
        rule="regel",
        title="titel",
        period_start=today - datetime.timedelta(days=400),
        period_end=today,
        reasons="redenen",
        pattern=pattern,
        created_by=adviser,
    )
    worktable = WorkTable.objects.create(
        pattern=pattern, title="werktafel", question="vraag", created_by=adviser
    )
    Session.objects.create(worktable=worktable, number=1, date=today, notes="notities")
    Outcome.objects.create(worktable=worktable, text="uitkomst", created_by=adviser)
    StructuralSolution.objects.create(
        pattern=pattern,
        worktable=worktable,
        title="oplossing",
        description="beschrijving",
        kind="afspraak-partner",
        owner_text="eigenaar",
        status="ingevoerd",
        proposed_on=today - datetime.timedelta(days=90),
        agreed_on=today - datetime.timedelta(days=80),
        implemented_on=today - datetime.timedelta(days=60),
        created_by=adviser,
    )
    for model in (
        Household, Member, Case, Blocker, Request, Pattern, Rule, GenericDecision,
        WorkTable, Session, Outcome, StructuralSolution, Signal,
    ):  # fmt: skip
        mark_free_text(model.objects.all())
    return {"municipality": municipality, "adviser": adviser, "worker": worker, "pattern": pattern}
