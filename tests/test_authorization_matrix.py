"""The authorization matrix (issue 11): every URL pattern of the project, pages, API and
/beheer/, requested with GET by every demo role and by an anonymous visitor, against the
expected answer kept in tests/authorization_matrix.csv.

Parametrised URLs are filled with real objects of the demo city (`load_demo`, once for this
module, rolled back afterwards), chosen by what they are, not by number: a case of
demo-gezinswerker shared with demo-tafellid, the approved request on it, a vote request to
demo-teamleider, the team's and a programme fund, a batch on each. A pattern with several such
targets has one row per target: `funds:detail[team]`, `funds:detail[programme]`.

A cell is the class of the answer: 200 (any 2xx), login (a redirect to a login page), 302 (any
other redirect), or the status code (400, 401, 403, 404, 405). POST-only endpoints are in the
table with what a GET gets (405, or the page with the form). A HEAD must answer as the GET
(in /beheer/, Django's own admin, checked for the anonymous visitor only, to save time).

A URL pattern without a row fails the test: add the row, with the answer each role SHOULD get
(who sees this, who handles money, who administers), not just what it gets today. To see the
current answers, run with AUTHZ_MATRIX_WRITE=1: it writes tests/authorization_matrix.csv from
what the code answers; check every changed cell before committing it.
"""

import csv
import os
import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from doorbraak.accounts.models import User
from doorbraak.ambassadors.models import Ambassador
from doorbraak.approvals.models import ApprovalPolicy, Notification
from doorbraak.budget.models import BudgetCheck, PaymentPlan
from doorbraak.cases.models import Blocker, CaseAccess
from doorbraak.consults.models import Consult
from doorbraak.costbenefit.models import CostFigure
from doorbraak.demo.accounts import ROLE_ACCOUNTS
from doorbraak.documents.models import Document
from doorbraak.earlysignals.models import Signal as EarlySignal
from doorbraak.escalation.models import Escalation, EscalationLevel, FollowUpAction, MandateUse
from doorbraak.funds.models import Fund, PaymentBatch, PaymentOrder
from doorbraak.game.models import Session as GameSession
from doorbraak.generic.models import GenericDecision, OutreachRow
from doorbraak.indications.models import Indication
from doorbraak.knowledge.models import Article
from doorbraak.learning.models import Pattern, Rule, Signal
from doorbraak.let.models import LetSubmission
from doorbraak.pauses.models import Pause
from doorbraak.proposals import lifecycle
from doorbraak.proposals.models import Category, LegalGround
from doorbraak.recovery.models import ForgivenDebt, RecoveryMark
from doorbraak.tables.models import AgendaItem, Consent, Meeting, Table
from doorbraak.verhuisbox.models import Trajectory
from doorbraak.worktables.models import Session, StructuralSolution, WorkTable

TABLE = Path(__file__).with_name("authorization_matrix.csv")
ANONYMOUS = "anoniem"
ROLES = [ANONYMOUS, *(account.removeprefix("demo-") for account in ROLE_ACCOUNTS)]
LOGIN_PATHS = ("/inloggen/", "/beheer/login/")


def walk(patterns, prefix="", namespace=None):
    """(name or None, route, pattern) for every URL pattern, through includes."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            joined = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), joined)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield name, prefix + str(pattern.pattern), pattern


def pattern_key(name, route, pattern) -> str:
    """The table's name of a pattern: its URL name, `.json` for the API's format-suffix twin,
    or the route for an unnamed pattern."""
    groups = set(pattern.pattern.regex.groupindex)
    if name is None:
        return route
    return f"{name}.json" if "format" in groups else name


def patterns() -> dict[str, tuple[str, str, set]]:
    found = {}
    for name, route, pattern in walk(get_resolver().url_patterns):
        key = pattern_key(name, route, pattern)
        assert key not in found, f"two URL patterns give the row name {key!r}"
        found[key] = (name, route, set(pattern.pattern.regex.groupindex))
    return found


# --- real objects of the demo city --------------------------------------------------------


def demo_targets() -> dict[str, object]:
    """The objects the parametrised URLs are filled with."""
    access = CaseAccess.objects.get(
        case__key_worker__username="demo-gezinswerker", user__username="demo-tafellid"
    )
    case = access.case
    team_fund = Fund.objects.get(owner_team__isnull=False)
    programme = Fund.objects.get(programme="Uitstroom beschermd wonen")
    # A batch on the programme fund, made by its project leader as the demo's team leader made
    # the team fund's: the matrix then shows who handles which fund's money.
    lifecycle.batch_create(fund=programme, actor=User.objects.get(username="demo-projectleider"))
    # A PDF demo-regievoerder asked for (still being made): only they see its page.
    Document.objects.create(
        kind="let-voorlegging",
        object_id=LetSubmission.objects.order_by("pk").first().pk,
        requested_by=User.objects.get(username="demo-regievoerder"),
    )
    return {
        "person": User.objects.get(username="demo-fleur"),  # in demo-teamleider's team
        "case": case,
        "access": access,
        "blocker": Blocker.objects.filter(case=case).order_by("pk").first(),
        "member": case.household.members.order_by("pk").first(),
        "request": case.requests.order_by("pk").first(),
        "notification": Notification.objects.get(
            user__username="demo-teamleider", request__case=case
        ),
        "fund[team]": team_fund,
        "fund[programme]": programme,
        "batch[team]": PaymentBatch.objects.get(fund=team_fund),
        "batch[programme]": PaymentBatch.objects.get(fund=programme),
        "order[team]": PaymentOrder.objects.filter(fund=team_fund).order_by("pk").first(),
        "order[programme]": PaymentOrder.objects.filter(fund=programme).order_by("pk").first(),
        "user": User.objects.get(username="demo-gezinswerker"),
        "policy": ApprovalPolicy.objects.order_by("pk").first(),
        "legal ground": LegalGround.objects.order_by("pk").first(),
        "escalation": Escalation.objects.order_by("pk").first(),
        "action": FollowUpAction.objects.get(
            owner__username="demo-gezinswerker", due_date__lt=timezone.localdate()
        ),
        "level": EscalationLevel.objects.order_by("pk").first(),
        "mandate use": MandateUse.objects.get(),  # demo-sem's, S11 (demo/escalations.py)
        # the UWV case's LET decision, its check due for demo-regievoerder (demo/let.py)
        "let submission": LetSubmission.objects.order_by("pk").first(),
        "document": Document.objects.get(),
        "table": Table.objects.order_by("pk").first(),
        "meeting": Meeting.objects.order_by("pk").first(),
        "agenda item": AgendaItem.objects.order_by("pk").first(),
        "consent": Consent.objects.order_by("pk").first(),
        # demo-gezinswerker's signal and the candidate spookbewoning pattern (demo/learning.py)
        "signal": Signal.objects.filter(created_by__username="demo-gezinswerker").first(),
        "pattern": Pattern.objects.filter(organisation__kind="belastingdienst-toeslagen")
        .order_by("-cases_count")
        .first(),
        "rule": Rule.objects.order_by("pk").first(),
        # the spookbewoning werktafel, its first session and its flag (demo/worktables.py)
        "worktable": WorkTable.objects.order_by("pk").first(),
        "session": Session.objects.order_by("pk").first(),
        "solution": StructuralSolution.objects.order_by("pk").first(),
        # S12 (demo/generic.py): the UWV decision, a household of demo-gezinswerker on its list
        "generic decision": GenericDecision.objects.get(),
        "outreach row": OutreachRow.objects.filter(case__key_worker__username="demo-gezinswerker")
        .order_by("pk")
        .first(),
        # the spookbewoning article with two versions (demo/knowledge.py); the gedupeerde
        # household's mark and a debt (demo/recovery.py)
        "article": Article.objects.order_by("-version", "pk").first(),
        "recovery mark": RecoveryMark.objects.order_by("pk").first(),
        "forgiven debt": ForgivenDebt.objects.order_by("pk").first(),
        # S10 (demo/pauses.py): the consultant's pause, the buurtteam worker's consult
        "pause": Pause.objects.filter(created_by__username="demo-inkomensconsulent").first(),
        "consult": Consult.objects.order_by("pk").first(),
        "budget check": BudgetCheck.objects.order_by("pk").first(),  # demo/budget.py
        "payment plan": PaymentPlan.objects.order_by("pk").first(),
        # samen indiceren (demo/indications.py): the advice awaiting the consultant's review
        "indication": Indication.objects.filter(status="ingediend").order_by("pk").first(),
        "ambassador": Ambassador.objects.order_by("pk").first(),  # demo/ambassadors.py
        "game session": GameSession.objects.order_by("pk").first(),  # demo/game.py
        "early signal": EarlySignal.objects.order_by("pk").first(),  # demo/earlysignals.py
        # demo-gezinswerker's newly registered household (demo/verhuisbox.py)
        "trajectory": Trajectory.objects.order_by("pk").first(),
    }


#: Per URL name (without namespace for the API): the target of its `pk` with variants.
PK_TARGETS = {
    "cases:": ["case"],
    "proposals:": ["request"],
    "approvals:": ["request"],
    "home:notification-open": ["notification"],
    "funds:detail": ["fund[team]", "fund[programme]"],
    "funds:batch-new": ["fund[team]", "fund[programme]"],
    "funds:batch-": ["batch[team]", "batch[programme]"],
    "case-": ["case"],
    "household-": ["household"],
    "blocker-": ["blocker"],
    "request-": ["request"],
    "approval-policy-": ["policy"],
    "legal-ground-": ["legal ground"],
    "approval-": ["request"],
    "fund-": ["fund[team]", "fund[programme]"],
    "payment-order-": ["order[team]", "order[programme]"],
    "payment-batch-": ["batch[team]", "batch[programme]"],
    "escalation:": ["escalation"],
    "escalation:action-done": ["action"],
    "escalation-": ["escalation"],
    "escalation-level-": ["level"],
    "follow-up-action-": ["action"],
    "escalation:mandate-use": ["mandate use"],
    "mandate-use-": ["mandate use"],
    "let:": ["let submission"],
    "let-submission-": ["let submission"],
    "documents:": ["document"],
    "tables:meeting": ["meeting"],
    "tables:item": ["agenda item"],
    "tables:consent-withdraw": ["consent"],
    "table-": ["table"],
    "meeting-": ["meeting"],
    "agenda-item-": ["agenda item"],
    "learning:signal": ["signal"],
    "learning:pattern": ["pattern"],
    "signal-": ["signal"],
    "pattern-": ["pattern"],
    "rule-": ["rule"],
    "worktables:": ["worktable"],
    "worktables:session": ["session"],
    "worktables:session-add": ["worktable"],
    "worktables:solution": ["solution"],
    "worktables:solution-new": ["worktable"],
    "worktables:signal-send": ["solution"],
    "worktable-": ["worktable"],
    "structural-solution-": ["solution"],
    "generic:": ["generic decision"],
    "generic-decision-": ["generic decision"],
    "outreach-row-": ["outreach row"],
    "knowledge:": ["article"],
    "article-": ["article"],
    "recovery:": ["case"],
    "recovery-mark-": ["recovery mark"],
    "forgiven-debt-": ["forgiven debt"],
    "accounts:access-": ["person"],
    "pauses:": ["pause"],
    "pause-": ["pause"],
    "consults:": ["consult"],
    "consult-": ["consult"],
    "earlysignals:": ["early signal"],
    "early-signal-": ["early signal"],
    "subjectrights:": ["member"],
    "budget:": ["budget check"],
    "budget:plan": ["payment plan"],
    "budget:plan-propose": ["budget check"],
    "budget:letter": ["payment plan"],
    "budget-check-": ["budget check"],
    "payment-plan-": ["payment plan"],
    "indications:": ["indication"],
    "indication-": ["indication"],
    "ambassadors:": ["ambassador"],
    "ambassador-": ["ambassador"],
    "game:": ["game session"],
    "game-session-": ["game session"],
    "verhuisbox:": ["trajectory"],
    "verhuisbox-trajectory-": ["trajectory"],
}


def fill(key, name, route, groups, targets) -> dict[str, str]:
    """{row: URL} for one pattern: one row, or one per target variant."""
    base = (name or "").split(".")[0]
    kwargs: dict[str, object] = {}
    variants = [""]
    if "pk" in groups:
        prefixes = [p for p in sorted(PK_TARGETS, key=len, reverse=True) if base.startswith(p)]
        assert prefixes, f"{key}: say in PK_TARGETS which demo object fills its id"
        prefix = prefixes[0]
        variants = PK_TARGETS[prefix]
    rows = {}
    for variant in variants:
        target = targets.get(variant) if variant else None
        if variant == "household":
            kwargs["pk"] = targets["case"].household_id
        elif target is not None:
            kwargs["pk"] = target.pk
        kwargs.update(_other_kwargs(base, route, groups, targets))
        suffix = f"[{variant.split('[')[1]}" if "[" in variant else ""
        rows[key + suffix] = _url(name, route, kwargs)
    return rows


def _other_kwargs(base, route, groups, targets) -> dict[str, object]:
    kwargs: dict[str, object] = {}
    if "blocker_pk" in route:
        kwargs["blocker_pk"] = targets["blocker"].pk
    if "case_pk" in route:
        kwargs["case_pk"] = targets["case"].pk
    if "row_pk" in route:
        kwargs["row_pk"] = targets["outreach row"].pk
    if "escalation_pk" in route:
        kwargs["escalation_pk"] = targets["let submission"].escalation_id
    if "access_pk" in route:
        kwargs["access_pk"] = targets["access"].pk
    if "team_pk" in route:  # the game's facilitator actions (POST only)
        kwargs["team_pk"] = 1
    if "debt_pk" in route:
        kwargs["debt_pk"] = targets["forgiven debt"].pk
    if "share_pk" in route:
        kwargs["share_pk"] = targets["payment plan"].shares.order_by("pk").first().pk
    if "line_pk" in route:
        kwargs["line_pk"] = targets["budget check"].debts.order_by("pk").first().pk
    if "<int:number>" in route:
        kwargs["number"] = 1
    if "<str:kind>" in route:
        kwargs["kind"] = "xml"
    if "<slug:table>" in route:
        kwargs["table"], kwargs["kind"] = "status", "csv"
    if "format" in groups:
        kwargs["format"] = "json"
    if "key" in groups:
        kwargs["key"] = _first_key(base)
    if "object_id" in route or "<id>" in route:
        kwargs["object_id" if "object_id" in route else "id"] = _admin_object(route, targets)
    if "content_type_id" in route:
        kwargs["content_type_id"] = ContentType.objects.get_for_model(Fund).pk
    if "app_label" in groups:
        kwargs["app_label"] = "funds"
    if "url" in groups:
        kwargs["url"] = "bestaat-niet/"
    if "<int:year>" in route:
        kwargs["year"] = 2025  # a past year: the table stays true next year
    if "<slug:dataset>" in route:  # open data: the demo city's published outcomes
        kwargs["dataset"], kwargs["kind"] = "uitkomsten", "csv"
    if "<slug:slug>" in route:
        kwargs["slug"] = "gemeente-voorbeeldstad-demo"
    return kwargs


def _first_key(base) -> str:
    model = Category if base.startswith("category") else CostFigure
    return model.objects.order_by("pk").values_list("key", flat=True).first()


def _admin_object(route, targets) -> str:
    """The first object of an admin page's model (the case worker's own account for users)."""
    if "/r/" in route:  # view on site: the team fund
        return str(targets["fund[team]"].pk)
    _beheer, app_label, model_name, *_rest = route.split("/")
    if (app_label, model_name) == ("accounts", "user"):
        return str(targets["user"].pk)
    model = ContentType.objects.get(app_label=app_label, model=model_name).model_class()
    pk = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
    return "0" if pk is None else str(pk)  # none in the demo: an id that does not exist


def _url(name, route, kwargs) -> str:
    if name is not None:
        try:
            return reverse(name, kwargs=kwargs or None)
        except NoReverseMatch:
            raise AssertionError(
                f"{name} ({route}): fill its parameters in _other_kwargs"
            ) from None
    # Unnamed: admin's catch-all, or its redirect from an object's URL to its change page.
    if route.endswith("(?P<url>.*)$"):
        return "/" + route.removesuffix("(?P<url>.*)$") + "bestaat-niet/"
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), route)


# --- the answers ---------------------------------------------------------------------------


def answer_class(response) -> str:
    if 200 <= response.status_code < 300:
        return "200"
    if response.status_code in (301, 302, 303, 307, 308):
        location = response.get("Location", "")
        return "login" if location.startswith(LOGIN_PATHS) else "302"
    return str(response.status_code)


def read_table() -> dict[str, dict[str, str]]:
    if not TABLE.exists():
        return {}
    with TABLE.open(encoding="utf-8") as handle:
        return {row["url"]: row for row in csv.DictReader(handle)}


def write_table(observed: dict[str, dict[str, str]], urls: dict[str, str]) -> None:
    with TABLE.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["url", "example", *ROLES])
        for row in sorted(observed):
            writer.writerow([row, urls[row], *(observed[row][role] for role in ROLES)])


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo city, loaded once for this module in a transaction rolled back at its end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", "--force", stdout=StringIO())
            targets = demo_targets()
            urls = {}
            for key, (name, route, groups) in patterns().items():
                urls.update(fill(key, name, route, groups, targets))
            yield urls
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


OBSERVED: dict[str, dict[str, str]] = {}
#: Where HEAD may answer otherwise than GET, and why.
HEAD_DIFFERS = {
    # Django's admin login sends a signed-in administrator on to the index only for a GET.
    "admin:login",
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_table_says(demo, role):
    client = Client(raise_request_exception=False)  # a server error is a cell too: 500
    if role != ANONYMOUS:
        client.force_login(User.objects.get(username=f"demo-{role}"))
    table = read_table()
    wrong = []
    for row, url in demo.items():
        got = answer_class(client.get(url))
        OBSERVED.setdefault(row, {})[role] = got
        expected = table.get(row, {}).get(role)
        if expected is not None and expected != got:
            wrong.append(f"{row} {url}: expected {expected}, got {got}")
        if url.startswith("/beheer/") and role != ANONYMOUS:
            continue  # Django's own admin: HEAD checked for the anonymous visitor only (time)
        head = answer_class(client.head(url))
        if head != got and row not in HEAD_DIFFERS:
            wrong.append(f"{row} {url}: HEAD answers {head}, GET {got}")
    if os.environ.get("AUTHZ_MATRIX_WRITE") == "1" and role == ROLES[-1]:
        write_table(OBSERVED, demo)
    assert not wrong, f"{role}: " + "; ".join(wrong)


@pytest.mark.django_db
def test_every_url_pattern_has_a_row_in_the_table(demo):
    table = read_table()
    missing = sorted(set(demo) - set(table))
    assert not missing, (
        f"URL patterns without a row in {TABLE.name}: {missing}. Add a row per pattern with "
        "the answer every role should get (200, login, 302, 401, 403, 404, 405)."
    )
    stale = sorted(set(table) - set(demo))
    assert not stale, f"Rows in {TABLE.name} for URL patterns that no longer exist: {stale}"
    for row in table.values():
        assert all(row[role] for role in ROLES), f"{row['url']}: a role without an answer"
