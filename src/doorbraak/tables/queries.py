"""Reads shared by the table pages, the start page and the API.

`visibility` is the one place that decides who sees a table, a meeting or an agenda item: the
active contact persons of that table, nobody else (not even members of another table). How an
item shows the household is decided by `presentations`: in full to whoever may see the case
(cases.queries), with the household's name to a table with valid consent on the meeting date
and today, and anonymised to everyone else.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.cases.models import Member
from doorbraak.cases.queries import visible_cases
from doorbraak.escalation.models import Escalation, FollowUpAction, Status
from doorbraak.proposals.anonymised import anonymise_texts

from . import consent as consent_rules
from .models import AgendaItem, Consent, Meeting, Table, TableMember

FULL, IDENTITY, IDENTITY_AND_TEXTS, ANONYMOUS = "full", "identity", "identity-texts", "anonymous"
MODES = (FULL, IDENTITY, IDENTITY_AND_TEXTS, ANONYMOUS)


def member_table_ids(user):
    """A subquery: the tables `user` is an active contact person of."""
    if not (user and user.is_authenticated and user.is_active):
        return TableMember.objects.none().values("table_id")
    return TableMember.objects.filter(user_id=user.pk, active=True).values("table_id")


def visible_tables(user) -> QuerySet[Table]:
    return Table.objects.filter(pk__in=member_table_ids(user), active=True)


def visible_meetings(user) -> QuerySet[Meeting]:
    return Meeting.objects.filter(table_id__in=member_table_ids(user))


def visible_items(user) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(meeting__table_id__in=member_table_ids(user))


def _item_relations(queryset):
    return queryset.select_related(
        "meeting__table",
        "escalation__case__household",
        "escalation__request",
        "escalation__blocker__organisation",
        "escalation__route_version",
        "fund",
        "decided_by",
    ).prefetch_related(
        Prefetch("escalation__case__household__members", queryset=Member.objects.order_by("pk"))
    )


def table_list(user) -> QuerySet[Table]:
    return visible_tables(user).order_by("name")


def meeting_list(user) -> QuerySet[Meeting]:
    return visible_meetings(user).select_related("table").order_by("-date", "-pk")


def meeting_detail(user, pk) -> Meeting:
    try:
        meeting = visible_meetings(user).select_related("table").get(pk=pk)
    except (Meeting.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    meeting.item_list = list(_item_relations(meeting.items.order_by("position", "pk")))
    return meeting


def item_list(user) -> QuerySet[AgendaItem]:
    return _item_relations(visible_items(user)).order_by("-meeting__date", "position", "pk")


def item_detail(user, pk) -> AgendaItem:
    try:
        item = _item_relations(visible_items(user)).get(pk=pk)
    except (AgendaItem.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    item.action_list = list(
        FollowUpAction.objects.filter(escalation_id=item.escalation_id)
        .select_related("owner__organisation")
        .order_by("due_date", "pk")
    )
    return item


# --- The API's reads (tables/api.py): the same visibility, a fixed number of queries -----


def table_api_list(user) -> QuerySet[Table]:
    """The user's tables with their active contact persons (one query for all of them)."""
    contacts = TableMember.objects.filter(active=True).select_related("organisation", "user")
    return table_list(user).prefetch_related(
        Prefetch("members", queryset=contacts.order_by("organisation__name", "pk"))
    )


def meeting_api_list(user, table_id: int | None = None) -> QuerySet[Meeting]:
    meetings = meeting_list(user).annotate(item_count=Count("items"))
    return meetings if table_id is None else meetings.filter(table_id=table_id)


def item_api_list(user, meeting_id: int | None = None) -> QuerySet[AgendaItem]:
    """Agenda items with their commitments (prefetched: one query for any number)."""
    actions = FollowUpAction.objects.select_related("owner__organisation").order_by(
        "due_date", "pk"
    )
    items = item_list(user).prefetch_related(Prefetch("escalation__actions", queryset=actions))
    return items if meeting_id is None else items.filter(meeting_id=meeting_id)


def routed_escalations(user) -> QuerySet[Escalation]:
    """Escalations (open or not) at the route and level of a table the user sits at: what a
    contact person may name when putting an item on an agenda. The service refuses the
    closed ones, and those of another of the user's tables, in Dutch."""
    tables = visible_tables(user).filter(
        route_id=OuterRef("route_version__route_id"), level=OuterRef("level")
    )
    return Escalation.objects.filter(Exists(tables))


def candidates(table: Table) -> QuerySet[Escalation]:
    """Open escalations routed to this table: its route, its level."""
    return (
        Escalation.objects.filter(
            route_version__route_id=table.route_id, level=table.level, status=Status.OPEN
        )
        .select_related("request", "blocker__organisation")
        .order_by("due_date", "pk")
    )


def next_meeting(user, today: datetime.date | None = None) -> Meeting | None:
    """The user's next meeting (today or later) with its agenda, or None."""
    today = today or timezone.localdate()
    meeting = (
        visible_meetings(user)
        .filter(date__gte=today)
        .select_related("table")
        .order_by("date", "pk")
        .first()
    )
    if meeting is not None:
        meeting.item_list = list(_item_relations(meeting.items.order_by("position", "pk")))
    return meeting


# --- How an item shows the household -----------------------------------------------------


def modes(user, items, today: datetime.date | None = None) -> dict[int, str]:
    """Per agenda item id: FULL, IDENTITY, IDENTITY_AND_TEXTS or ANONYMOUS. Two queries for
    any number of items (the cases the user may see; the consents of these cases)."""
    today = today or timezone.localdate()
    items = list(items)
    if not items:
        return {}
    case_ids = {item.escalation.case_id for item in items}
    own = set(visible_cases(user).filter(pk__in=case_ids).values_list("pk", flat=True))
    consents: dict[tuple[int, int], list[Consent]] = {}
    rows = Consent.objects.filter(
        case_id__in=case_ids - own,
        table_id__in={item.meeting.table_id for item in items},
        withdrawn_at__isnull=True,
    )
    for row in rows:
        consents.setdefault((row.case_id, row.table_id), []).append(row)
    result = {}
    for item in items:
        case_id = item.escalation.case_id
        if case_id in own:
            result[item.pk] = FULL
            continue
        valid = [
            c
            for c in consents.get((case_id, item.meeting.table_id), [])
            if consent_rules.shows_identity(
                [c.period()], meeting_date=item.meeting.date, today=today
            )
        ]
        if any(c.scope == consent_rules.IDENTITY_AND_TEXTS for c in valid):
            result[item.pk] = IDENTITY_AND_TEXTS
        elif valid:
            result[item.pk] = IDENTITY
        else:
            result[item.pk] = ANONYMOUS
    return result


@dataclass(frozen=True)
class Shown:
    item: AgendaItem
    mode: str
    household: str
    question: str
    tried: str
    item_label: str

    @property
    def anonymous(self) -> bool:
        return self.mode == ANONYMOUS


def present(item: AgendaItem, mode: str) -> Shown:
    escalation = item.escalation
    case = escalation.case
    texts = {"question": escalation.question, "tried": escalation.tried}
    if mode not in (FULL, IDENTITY_AND_TEXTS):
        texts = anonymise_texts(texts, case=case)
    household = (
        case.household.name
        if mode != ANONYMOUS
        else _("Household %(ref)s") % {"ref": item.reference}
    )
    return Shown(item, mode, household, texts["question"], texts["tried"], item_label(escalation))


def item_label(escalation: Escalation) -> str:
    """What is on the agenda, without the household: the request, or the blocker's
    organisation."""
    if escalation.request_id:
        return escalation.request.reference
    return _("Blocker at %(org)s") % {"org": escalation.blocker.organisation}


def presentations(user, items, today=None) -> list[Shown]:
    found = modes(user, items, today)
    return [present(item, found[item.pk]) for item in items]


def subject_ids(items) -> list:
    """Household members whose data an item page or list shows (prefetched: no query)."""
    return [
        member.subject_id
        for item in items
        for member in item.escalation.case.household.members.all()
    ]


def consents_of(case) -> list[Consent]:
    return list(
        Consent.objects.filter(case_id=case.pk)
        .select_related("table", "member", "recorded_by")
        .order_by("-recorded_at", "-pk")
    )


def member_of(user, table_id) -> bool:
    return TableMember.objects.filter(
        Q(table_id=table_id) & Q(user_id=user.pk) & Q(active=True)
    ).exists()


def besluitenlijst_rows(meeting) -> list[dict]:
    """Each agenda item for the besluitenlijst, every text anonymised (also the decision: a
    table may have written a name), commitments by organisation. One query for the actions."""
    actions: dict[int, list] = {}
    for action in (
        FollowUpAction.objects.filter(
            escalation_id__in=[i.escalation_id for i in meeting.item_list]
        )
        .select_related("owner__organisation")
        .order_by("due_date", "pk")
    ):
        actions.setdefault(action.escalation_id, []).append(action)
    rows = []
    for item in meeting.item_list:
        shown = present(item, ANONYMOUS)
        case = item.escalation.case
        decision = None
        if item.is_decided:
            decision = anonymise_texts(
                {
                    "decision": item.decision,
                    "legitimacy": item.legitimacy,
                    "involvement": item.involvement,
                    "returns": item.returns,
                },
                case=case,
            )
        committed = [
            {
                "organisation": a.owner.organisation or a.owner,
                "description": anonymise_texts({"d": a.description}, case=case)["d"],
                "due_date": a.due_date,
            }
            for a in actions.get(item.escalation_id, [])
        ]
        rows.append(
            {
                "item": item,
                "item_label": shown.item_label,
                "question": shown.question,
                "decision": decision,
                "actions": committed,
            }
        )
    return rows
