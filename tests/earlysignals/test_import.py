"""The import: all or nothing, bad lines named, duplicates merged, only the team leader,
the processing log written, identifiers only as keyed hashes."""

import pytest
from django.core.exceptions import PermissionDenied

from doorbraak.earlysignals import services
from doorbraak.earlysignals.models import Signal, SignalImport

from .conftest import GOOD, csv_bytes


def test_a_good_file_is_imported(imported, municipality):
    assert (imported.rows, imported.created, imported.merged) == (3, 3, 0)
    signals = Signal.objects.filter(municipality=municipality)
    assert signals.count() == 3
    first = signals.get(creditor="Woonstichting De Kade (test)")
    assert str(first.amount) == "1234.56"
    # no name, date or address in plain text anywhere in the row
    for value in (first.person_key, first.dedup_key, first.contact):
        assert "Anouk" not in value and "7511" not in value
    assert services.contact_of(first)["naam"] == "Anouk de Boer"


def test_a_broken_file_imports_nothing_and_names_each_line(leader):
    broken = [
        GOOD[0],
        GOOD[1].replace("250.00", "1,234"),
        GOOD[2].replace("2026-10-01", "31-02-2026"),
        GOOD[0].replace("1.234,56", "-12,00").replace("Anouk", "Annie"),
    ]
    with pytest.raises(services.ImportRefused) as refused:
        services.signals_import(actor=leader, file=csv_bytes(*broken))
    result = refused.value.result
    assert result.issue_count == 3
    assert result.issues[0].startswith("Regel 3 (bedrag)")
    assert "dubbelzinnig" in result.issues[0]
    assert result.issues[1].startswith("Regel 4 (datum_achterstand)")
    assert "negatief" in result.issues[2]
    assert not Signal.objects.exists()
    assert not SignalImport.objects.exists()


def test_a_wrong_header_is_refused_in_dutch(leader):
    with pytest.raises(services.ImportRefused) as refused:
        services.signals_import(
            actor=leader, file=csv_bytes(*GOOD, header="soort,schuldeiser,bedrag")
        )
    assert refused.value.result.issues[0].startswith("Regel 1: De eerste regel moet")
    assert not Signal.objects.exists()


def test_not_utf8_is_refused(leader):
    import io

    with pytest.raises(services.ImportRefused) as refused:
        services.signals_import(actor=leader, file=io.BytesIO(b"\xff\xfe\x00bad"))
    assert "UTF-8" in refused.value.result.issues[0]


def test_duplicates_merge_in_the_file_and_against_earlier_imports(imported, leader):
    same_person_other_spelling = GOOD[0].replace("Anouk de Boer", "ANOUK  de boer")
    result = services.signals_import(
        actor=leader, file=csv_bytes(GOOD[0], same_person_other_spelling, GOOD[1])
    )
    assert (result.rows, result.created, result.merged) == (3, 0, 3)
    assert Signal.objects.count() == 3
    kade = Signal.objects.get(creditor="Woonstichting De Kade (test)")
    assert kade.times_received == 3
    assert Signal.objects.get(creditor="Energie Oost (test)").times_received == 2
    # another arrear of the same person is a new signal
    later = GOOD[0].replace("01-09-2026", "01-11-2026")
    assert services.signals_import(actor=leader, file=csv_bytes(later)).created == 1


@pytest.mark.parametrize("role_fixture", ["worker", "consultant"])
def test_only_a_team_leader_imports(request, role_fixture):
    user = request.getfixturevalue(role_fixture)
    with pytest.raises(PermissionDenied):
        services.signals_import(actor=user, file=csv_bytes(*GOOD))


def test_the_import_page_shows_the_lines_and_logs(client, leader):
    from doorbraak.privacy.models import AuditRecord

    client.force_login(leader)
    broken = csv_bytes(GOOD[0], GOOD[1].replace("250.00", "1,234"))
    broken.name = "kapot.csv"
    response = client.post("/vroegsignalen/importeren/", {"file": broken})
    assert response.status_code == 400
    assert "Regel 3 (bedrag)" in response.content.decode()
    assert not Signal.objects.exists()
    good = csv_bytes(*GOOD)
    good.name = "goed.csv"
    response = client.post("/vroegsignalen/importeren/", {"file": good})
    assert response.status_code == 302
    assert Signal.objects.count() == 3
    assert AuditRecord.objects.filter(
        activity="vroegsignaal-importeren", result="ok", object_type="signal-import"
    ).exists()
    assert AuditRecord.objects.filter(activity="vroegsignaal-importeren", result="error").exists()


def test_import_page_refuses_other_roles(client, worker):
    client.force_login(worker)
    assert client.get("/vroegsignalen/importeren/").status_code == 403
