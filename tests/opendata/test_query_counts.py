"""The open-data pages run a fixed number of queries, however many requests, patterns and
solutions the municipality has (tests/test_query_counts.py does the same for the other pages)."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from doorbraak.cases.models import Blocker
from doorbraak.learning.models import Pattern, PatternBlocker
from doorbraak.proposals.models import Category, Request
from doorbraak.worktables.models import StructuralSolution
from tests.factories import CaseFactory


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _grow(city, n):
    worker, adviser = city["worker"], city["adviser"]
    category = Category.objects.get_or_create(key="wonen", defaults={"label": "Wonen"})[0]
    pattern = city["pattern"]
    for _ in range(n):
        case = CaseFactory(actor=worker)
        Request.objects.create(
            case=case, solution="s", category=category, amount=Decimal("10.00"),
            supplier_iban="NL91ABNA0417164300", recurrence_prevention="r",
            status="afgewezen", created_by=worker,
        )  # fmt: skip
        blocker = Blocker.objects.create(
            case=case, organisation=pattern.organisation, rule="r", effect="e",
            life_domain="wonen", created_by=worker,
        )  # fmt: skip
        other = Pattern.objects.create(
            organisation=pattern.organisation, municipality=city["municipality"],
            summary="s", reference_blocker=blocker, rule="r",
        )  # fmt: skip
        PatternBlocker.objects.create(pattern=other, blocker=blocker, similarity=Decimal("1"))
        StructuralSolution.objects.create(
            pattern=other, title="t", kind="regelwijziging", owner_text="o",
            status="ingevoerd", proposed_on=timezone.localdate(),
            agreed_on=timezone.localdate(),
            implemented_on=timezone.localdate() - datetime.timedelta(days=40),
            created_by=adviser,
        )  # fmt: skip


def test_the_open_data_pages_do_not_grow(city):
    client = Client()
    client.force_login(city["adviser"])
    client.post(reverse("opendata:publish"))
    anonymous = Client()
    slug = "gemeente-testdorp"
    urls = [
        (client, reverse("opendata:index")),
        (client, reverse("opendata:concept", args=["open-data", "json"])),
        (anonymous, reverse("opendata:public")),
        (anonymous, reverse("opendata:public-municipality", args=[slug])),
        (anonymous, reverse("opendata:public-file", args=[slug, "open-data", "json"])),
        (anonymous, "/api/v1/open-data/"),
        (anonymous, f"/api/v1/open-data/{slug}/"),
    ]
    few = [_count(c, url) for c, url in urls]
    _grow(city, 4)
    client.post(reverse("opendata:publish"))
    assert [_count(c, url) for c, url in urls] == few
