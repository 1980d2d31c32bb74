"""The catalogue in the database: shipped defaults with sources, municipality overrides,
versions on every change, and the price index."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from doorbraak.accounts.models import Organisation
from doorbraak.accounts.roles import Role
from doorbraak.costbenefit import queries
from doorbraak.costbenefit.models import CostFigure, PriceIndexYear
from doorbraak.costbenefit.services import load_defaults
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_defaults_are_shipped_with_sources_and_loading_is_idempotent():
    figures = queries.figures_for(None)
    assert len(figures) == 11
    assert all(f.source for f in figures.values())
    assert figures["huisuitzetting_direct"].payer == "woningcorporatie"
    assert PriceIndexYear.objects.filter(year=2015, index=Decimal("100.00")).exists()
    assert load_defaults() == (0, 0)


def test_a_municipality_figure_replaces_the_default_there_only():
    gemeente = Organisation.objects.create(name="Gemeente Eigen", kind="gemeente")
    CostFigure.objects.create(
        key="huisuitzetting_direct",
        municipality=gemeente,
        label="Huisuitzetting (eigen onderzoek)",
        amount=Decimal("9000"),
        unit="per_case",
        price_year=2023,
        source="Eigen onderzoek 2023",
    )
    own = queries.catalogue_for(gemeente.pk)["huisuitzetting_direct"]
    default = queries.catalogue_for(None)["huisuitzetting_direct"]
    assert own.amount == Decimal("9000") and own.source == "Eigen onderzoek 2023"
    assert default.amount == Decimal("7500")


def test_inactive_figures_are_not_offered():
    CostFigure.objects.filter(key="uithuisplaatsing").update(active=False)
    assert "uithuisplaatsing" not in queries.catalogue_for(None)


def test_editing_a_figure_in_the_admin_makes_a_new_version(client):
    admin_user = UserFactory(role=Role.BEHEERDER, is_staff=True)
    admin_user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="costbenefit")
    )
    client.force_login(admin_user)
    figure = CostFigure.objects.get(key="jongerenopvang", municipality=None)
    response = client.post(
        reverse("admin:costbenefit_costfigure_change", args=[figure.pk]),
        {
            "key": figure.key,
            "label": figure.label,
            "amount": "23000.00",
            "unit": figure.unit,
            "price_year": figure.price_year,
            "source": figure.source,
            "note": figure.note,
            "payer": figure.payer,
            "active": "on",
        },
    )
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.amount == Decimal("23000.00") and figure.version == 2
    page = client.get(reverse("admin:costbenefit_costfigure_change", args=[figure.pk]))
    assert page.status_code == 200 and "Kengetal" in page.content.decode()


def test_target_price_year_is_configurable(settings):
    index = queries.price_index()
    assert queries.target_price_year(index) == 2024
    settings.PRICE_YEAR = 2020
    assert queries.target_price_year(index) == 2020
