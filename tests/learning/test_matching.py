"""Patterns found automatically: k distinct cases, paraphrases, other rules, dismissal."""

import pytest
from django.core.management import CommandError, call_command

from doorbraak.learning import matching, services
from doorbraak.learning.models import Pattern, PatternBlocker
from tests.learning.conftest import OTHER, SPOOK, add

pytestmark = pytest.mark.django_db


def test_a_pattern_appears_at_k_distinct_cases_and_not_at_k_minus_one(toeslagen, workers):
    first = add(workers[0], toeslagen, SPOOK[0])
    add(workers[1], toeslagen, SPOOK[1])
    assert Pattern.objects.count() == 0  # k - 1 = 2 cases
    third = add(workers[2], toeslagen, SPOOK[2])
    pattern = Pattern.objects.get()
    assert pattern.status == "kandidaat"
    assert pattern.cases_count == 3
    assert pattern.teams_count == 3
    assert pattern.organisation == toeslagen
    assert set(pattern.blocker_links.values_list("blocker_id", flat=True)) >= {first.pk, third.pk}


def test_k_follows_the_setting(settings, toeslagen, workers):
    settings.PATTERN_MIN_CASES = 2
    add(workers[0], toeslagen, SPOOK[0])
    assert Pattern.objects.count() == 0
    add(workers[1], toeslagen, SPOOK[3])
    assert Pattern.objects.get().cases_count == 2


def test_paraphrases_group_and_another_rule_of_the_same_organisation_does_not(toeslagen, workers):
    spook = [add(workers[i], toeslagen, SPOOK[i]) for i in range(4)]
    other = [add(workers[i], toeslagen, OTHER[i]) for i in range(3)]
    pattern = Pattern.objects.get()
    members = set(pattern.blocker_links.values_list("blocker_id", flat=True))
    assert members == {b.pk for b in spook}
    assert not members & {b.pk for b in other}
    assert pattern.cases_count == 4
    similarities = list(pattern.blocker_links.values_list("similarity", flat=True))
    assert all(0.38 <= s <= 1 for s in similarities)


def test_another_organisation_with_the_same_words_is_another_pattern(toeslagen, workers):
    from tests.factories import OrganisationFactory

    gemeente = OrganisationFactory(name="Gemeente Test", kind="gemeente")
    add(workers[0], toeslagen, SPOOK[0])
    add(workers[1], gemeente, SPOOK[1])
    add(workers[2], toeslagen, SPOOK[2])
    assert Pattern.objects.count() == 0


def test_two_blockers_of_one_case_count_once(toeslagen, workers):
    first = add(workers[0], toeslagen, SPOOK[0])
    add(workers[0], toeslagen, SPOOK[1], case=first.case)
    add(workers[1], toeslagen, SPOOK[2])
    assert Pattern.objects.count() == 0  # three blockers, two cases
    add(workers[2], toeslagen, SPOOK[3])
    pattern = Pattern.objects.get()
    assert pattern.blocker_links.count() == 4
    assert pattern.cases_count == 3


def test_a_later_blocker_joins_the_pattern(toeslagen, workers):
    for i in range(3):
        add(workers[i], toeslagen, SPOOK[i])
    fourth = add(workers[3], toeslagen, SPOOK[3])
    pattern = Pattern.objects.get()
    assert PatternBlocker.objects.get(blocker=fourth).pattern == pattern
    assert pattern.cases_count == 4


def test_dismissed_stays_dismissed(toeslagen, workers, adviser):
    blockers = [add(workers[i], toeslagen, SPOOK[i]) for i in range(3)]
    pattern = Pattern.objects.get()
    services.pattern_decide(actor=adviser, pattern=pattern, status="afgewezen", note="Toeval")
    for blocker in blockers:
        assert matching.pattern_match_blocker(blocker.pk) == pattern
    call_command("recompute_patterns", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Pattern.objects.values_list("status", flat=True)) == ["afgewezen"]
    # New similar blockers from new cases may form a new candidate, without the old items.
    add(workers[3], toeslagen, SPOOK[3])
    assert Pattern.objects.count() == 1
    new = [add(workers[i], toeslagen, SPOOK[i]) for i in range(2)]  # three new cases now
    candidate = Pattern.objects.get(status="kandidaat")
    members = set(candidate.blocker_links.values_list("blocker_id", flat=True))
    assert not members & {b.pk for b in blockers}
    assert {b.pk for b in new} <= members
    assert candidate.cases_count == 3


def test_recompute_finds_the_same_pattern(toeslagen, workers):
    for i in range(3):
        add(workers[i], toeslagen, SPOOK[i])
    before = set(PatternBlocker.objects.values_list("blocker_id", flat=True))
    call_command("recompute_patterns", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Pattern.objects.count() == 1
    assert set(PatternBlocker.objects.values_list("blocker_id", flat=True)) == before


@pytest.mark.parametrize(
    "args, message",
    [
        (["--min-cases", "1"], "minstens 2"),
        (["--window-months", "0"], "minstens 1 maand"),
        (["--similarity", "0"], "groter dan 0"),
    ],
)
def test_recompute_refuses_bad_settings_in_dutch(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("recompute_patterns", *args)


def test_blockers_outside_the_window_do_not_count(toeslagen, workers):
    import datetime

    from django.utils import timezone

    from doorbraak.cases.models import Blocker

    old = add(workers[0], toeslagen, SPOOK[0])
    Blocker.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    add(workers[1], toeslagen, SPOOK[1])
    add(workers[2], toeslagen, SPOOK[2])
    assert Pattern.objects.count() == 0


def test_patterns_group_across_teams_of_a_municipality_never_across_municipalities(toeslagen):
    from doorbraak.accounts.models import Neighbourhood
    from tests.factories import OrganisationFactory, TeamFactory, UserFactory

    def worker(municipality, name):
        wijk = Neighbourhood.objects.get_or_create(name="Centrum", municipality=municipality)[0]
        team = TeamFactory(neighbourhood=wijk)
        return UserFactory(username=name, team=team, organisation=team.organisation)

    tilburg = OrganisationFactory(name="Gemeente Tilburg (test)", kind="gemeente")
    breda = OrganisationFactory(name="Gemeente Breda (test)", kind="gemeente")
    t1, t2, t3 = (worker(tilburg, f"tilburg-{i}") for i in range(3))
    b1, b2 = (worker(breda, f"breda-{i}") for i in range(2))
    add(t1, toeslagen, SPOOK[0])
    add(t2, toeslagen, SPOOK[1])
    add(b1, toeslagen, SPOOK[2])
    add(b2, toeslagen, SPOOK[3])
    assert Pattern.objects.count() == 0  # four cases, but two in each municipality
    third = add(t3, toeslagen, SPOOK[2])
    pattern = Pattern.objects.get()
    assert pattern.municipality == tilburg
    assert (pattern.cases_count, pattern.teams_count) == (3, 3)
    wijken = pattern.blocker_links.values_list("blocker__case__team__neighbourhood", flat=True)
    assert set(wijken) == {t1.team.neighbourhood_id}
    assert third.pk in set(pattern.blocker_links.values_list("blocker_id", flat=True))
    # The same after a full recompute: still one pattern, only Tilburg's cases.
    call_command("recompute_patterns", stdout=open("/dev/null", "w"))  # noqa: SIM115
    pattern = Pattern.objects.get()
    assert (pattern.municipality, pattern.cases_count) == (tilburg, 3)
    # A third Breda case makes Breda's own pattern.
    add(worker(breda, "breda-2"), toeslagen, SPOOK[0])
    assert set(Pattern.objects.values_list("municipality", "cases_count")) == {
        (tilburg.pk, 3),
        (breda.pk, 3),
    }
