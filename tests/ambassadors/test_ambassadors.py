"""The ambassadors directory: kept by the beheerder and the beleidsadviseur only, work contact
details only (Dutch messages, nothing saved), searchable by organisation, wijk and topic, read
by every signed-in role (page and API), and shown as "Wie kan hier helpen?" on the escalation
and blocker pages for the organisation involved."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from doorbraak.accounts.models import Neighbourhood
from doorbraak.accounts.roles import Role
from doorbraak.ambassadors import queries, services
from doorbraak.ambassadors.models import Ambassador
from doorbraak.cases import services as case_services
from doorbraak.privacy.models import AuditRecord
from tests.factories import OrganisationFactory, UserFactory, api_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def adviser(db):
    return UserFactory(username="adviseur", role=Role.BELEIDSADVISEUR)


@pytest.fixture
def town(db):
    return OrganisationFactory(name="Gemeente Test", kind="gemeente")


@pytest.fixture
def corporation(db):
    return OrganisationFactory(name="Woningcorporatie (test)", kind="woningcorporatie")


def _save(actor, org, **overrides):
    data = {
        "name": "Karim Bouzid",
        "kind": "maatwerkambassadeur",
        "organisation": org,
        "neighbourhood": None,
        "department": "Huurincasso",
        "topics": "Huurachterstand, ontruiming,  huurachterstand",
        "work_email": "karim@corporatie.example",
        "work_phone": "0123 45 67 04",
        "reachable": "werkdagen 9-12 uur",
    }
    data.update(overrides)
    return services.ambassador_save(actor=actor, **data)


def test_the_adviser_adds_an_ambassador_and_it_is_logged(adviser, corporation):
    ambassador = _save(adviser, corporation)
    assert ambassador.topics == "huurachterstand, ontruiming"
    assert ambassador.topic_list == ["huurachterstand", "ontruiming"]
    record = AuditRecord.objects.filter(object_type="ambassador").get()
    assert record.activity == "ambassadeur-vastleggen" and record.action == "create"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"work_email": "karim@gmail.com"}, "work_email", "werk-e-mailadres"),
        ({"work_email": "", "work_phone": ""}, "work_email", "werk-e-mailadres of"),
        ({"work_phone": "bel me"}, "work_phone", "telefoonnummer"),
        ({"topics": " , "}, "topics", "onderwerp"),
        ({"name": ""}, "name", "naam"),
        ({"kind": "held"}, "kind", "maatwerkambassadeur"),
        ({"organisation": None}, "organisation", "organisatie"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_saved(
    adviser, corporation, overrides, field, message
):
    from django.utils import translation

    with translation.override("nl"), pytest.raises(ValidationError) as error:
        _save(adviser, corporation, **overrides)
    assert message in " ".join(error.value.message_dict[field])
    assert not Ambassador.objects.exists()


@pytest.mark.parametrize(
    "role", [r for r in Role if r not in (Role.BEHEERDER, Role.BELEIDSADVISEUR)]
)
def test_only_the_administrator_and_the_adviser_keep_the_directory(role, corporation):
    with pytest.raises(PermissionDenied):
        _save(UserFactory(role=role), corporation)


def test_search_by_topic_organisation_and_wijk(adviser, town, corporation):
    north = Neighbourhood.objects.create(name="Noord", municipality=town)
    south = Neighbourhood.objects.create(name="Zuid", municipality=town)
    karim = _save(adviser, corporation)
    els = _save(
        adviser,
        corporation,
        name="Els Vermeer",
        kind="aanjager",
        neighbourhood=south,
        topics="overlast",
    )
    fatima = _save(adviser, town, name="Fatima el Idrissi", topics="bijstand, terugvordering")
    assert list(queries.directory(q="ontruiming")) == [karim]
    assert list(queries.directory(q="TERUGVORDERING")) == [fatima]
    assert set(queries.directory(organisation=corporation)) == {karim, els}
    assert set(queries.directory(neighbourhood=north)) == {karim, fatima}  # whole-org ones too
    assert set(queries.directory(neighbourhood=south)) == {karim, els, fatima}
    services.ambassador_set_active(actor=adviser, ambassador=karim, active=False)
    assert list(queries.directory(q="ontruiming")) == []


def test_every_role_reads_the_directory_page_and_api(adviser, corporation, client):
    _save(adviser, corporation)
    for role in Role:
        user = UserFactory(role=role)
        client.force_login(user)
        page = client.get(reverse("ambassadors:index"), {"q": "ontruiming"})
        assert page.status_code == 200 and "Karim Bouzid" in page.content.decode()
        manage = reverse("ambassadors:new") in page.content.decode()
        assert manage == (role in (Role.BEHEERDER, Role.BELEIDSADVISEUR))
        response = api_for(user).get("/api/v1/ambassadors/", {"q": "ontruiming"})
        assert response.status_code == 200
        assert response.json()["results"][0]["topics"] == ["huurachterstand", "ontruiming"]


def test_the_form_page_shows_errors_and_saves(adviser, corporation, client):
    client.force_login(adviser)
    url = reverse("ambassadors:new")
    bad = client.post(url, {"name": "Karim", "kind": "trekker", "organisation": corporation.pk})
    assert bad.status_code == 400
    assert "werk-e-mailadres" in bad.content.decode() and not Ambassador.objects.exists()
    good = client.post(
        url,
        {
            "name": "Karim Bouzid",
            "kind": "trekker",
            "organisation": corporation.pk,
            "topics": "wonen",
            "work_phone": "0123 45 67 04",
        },
    )
    assert good.status_code == 302
    ambassador = Ambassador.objects.get()
    client.force_login(UserFactory(role=Role.GEZINSWERKER))
    assert client.get(reverse("ambassadors:edit", args=[ambassador.pk])).status_code == 403
    assert client.post(reverse("ambassadors:deactivate", args=[ambassador.pk])).status_code == 403


def test_who_can_help_on_the_blocker_and_escalation_pages(
    adviser, corporation, town, client, case_a, worker_a
):
    karim = _save(adviser, corporation)
    _save(adviser, town, name="Fatima el Idrissi", topics="bijstand")
    blocker = case_services.blocker_add(
        actor=worker_a,
        case=case_a,
        organisation=corporation,
        rule="Ontruiming bij twee maanden achterstand",
        effect="Het gezin dreigt dakloos te worden",
        life_domain="wonen",
    )
    client.force_login(worker_a)
    page = client.get(reverse("cases:blocker-resolve", args=[case_a.pk, blocker.pk]))
    html = page.content.decode()
    assert "Wie kan hier helpen?" in html or "Who can help here?" in html
    assert karim.name in html and "Fatima el Idrissi" not in html

    from doorbraak.escalation import services as escalation

    item = escalation.escalate(
        actor=worker_a,
        case=case_a,
        blocker=blocker,
        question="Mag de achterstand bevroren worden?",
        tried="Betalingsregeling",
    )
    html = client.get(reverse("escalation:detail", args=[item.pk])).content.decode()
    assert karim.name in html and "Fatima el Idrissi" not in html
