"""The approvers' text keeps what the platform knows: organisations, funds, categories and
legal grounds are read from the database (one query, cached briefly) and passed to the
anonymiser as keep terms. Synthetic data only."""

import pytest

from doorbraak.proposals import anonymised
from tests.factories import OrganisationFactory


@pytest.fixture(autouse=True)
def _fresh_keep_terms():
    anonymised.clear_keep_terms()
    yield
    anonymised.clear_keep_terms()


@pytest.mark.django_db
def test_keep_terms_are_one_query_then_cached(django_assert_num_queries):
    OrganisationFactory(name="Incassobureau Kraaijeveld (demo)")
    with django_assert_num_queries(1):
        terms = anonymised.keep_terms()
    assert "Incassobureau Kraaijeveld (demo)" in terms
    assert "Participatiewet" in terms  # a law from the starter catalogue of legal grounds
    assert "Afstemming op de omstandigheden" in terms  # a legal ground's title
    assert "Wonen" in terms  # a category
    assert terms == tuple(sorted(set(terms)))
    with django_assert_num_queries(0):
        assert anonymised.keep_terms() == terms


@pytest.mark.django_db
def test_the_cache_expires(monkeypatch):
    first = anonymised.keep_terms()
    OrganisationFactory(name="Stichting Nieuw Onderdak (demo)")
    assert anonymised.keep_terms() == first  # still cached
    monkeypatch.setattr(anonymised, "KEEP_TERMS_SECONDS", 0.0)
    assert "Stichting Nieuw Onderdak (demo)" in anonymised.keep_terms()


@pytest.mark.django_db
def test_an_organisation_the_platform_knows_survives(case):
    OrganisationFactory(name="Kraaijeveld Bosman (demo)")
    text = (
        "Besproken met mevrouw Verhoeven van Kraaijeveld Bosman; Lotte Beekman woont op "
        "Hoograven 45A, 3526 KL Utrecht."
    )
    result = anonymised.anonymise_texts({"solution": text, "legitimacy": " "}, case=case)
    assert "Kraaijeveld Bosman" in result["solution"]
    for secret in ("Verhoeven", "Lotte", "Beekman", "Hoograven", "3526", "Utrecht"):
        assert secret not in result["solution"], secret
    assert result["legitimacy"] == ""


@pytest.mark.django_db
def test_blocker_texts_keep_organisations_too(case, blocker):
    blocker.rule = "Toeslagen rekent met de huur van de Hillevliet 23bis."
    result = anonymised.anonymise_blockers([blocker], case=case)
    assert result[0]["rule"].startswith("Toeslagen rekent")
    assert "Hillevliet" not in result[0]["rule"]
    assert result[0]["organisation"] == "Belastingdienst/Toeslagen (test)"
