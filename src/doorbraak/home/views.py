"""The start page (each role's own work), notifications and the help page."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.http import require_POST

from doorbraak.accounts import start as security_start
from doorbraak.approvals.models import Notification
from doorbraak.approvals.notifications import mark_read, target
from doorbraak.cases.queries import subject_ids_of_cases
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_processing, origin_from_request
from doorbraak.tables import queries as table_queries

from . import guide, menu, queries

INTRO_HIDDEN = "intro_hidden"


@login_required
def start(request):
    person = queries.person_of(request.user)
    page = queries.start_page(request.user)
    request.unread_notifications = page.unread_total  # read by context_processors.theme
    if page.meeting is not None and page.meeting.item_list:
        log_processing(
            origin_from_request(request),
            activity=Activity.TABLE_VIEW,
            action="read",
            object_type="meeting",
            object_id=page.meeting.pk,
            subject_ids=table_queries.subject_ids(page.meeting.item_list),
        )
    cases_shown = [*page.cases, *(access.case for access in page.shared)]
    if cases_shown:  # the key worker's and shared cases, by household name
        log_processing(
            origin_from_request(request),
            activity=Activity.CASE_LIST,
            action="read",
            object_type="case-list",
            object_id="start",
            subject_ids=subject_ids_of_cases(cases_shown),
        )
    if page.verhuisbox:  # VerhuisboxPlus trajectories, by household name
        log_processing(
            origin_from_request(request),
            activity=Activity.VERHUISBOX_VIEW,
            action="read",
            object_type="verhuisbox-trajectories",
            object_id="",
            subject_ids=subject_ids_of_cases([t.case for t in page.verhuisbox]),
        )
    let_shown = {s.case_id: s.case for s in [*page.let_triage, *page.let_checks]}
    if let_shown:
        log_processing(
            origin_from_request(request),
            activity=Activity.LET_VIEW,
            action="read",
            object_type="let-submissions",
            object_id="",
            subject_ids=subject_ids_of_cases(let_shown.values()),
        )
    return render(
        request,
        "home/start.html",
        {
            "page": page,
            "today": timezone.localdate(),
            "may_open_case": menu.may_open_case(person),
            "may_list_cases": menu.may_list_cases(person),
            "may_vote": menu.may_vote(person),
            "may_see_funds": menu.may_see_funds(person),
            "may_administer": menu.may_administer(person),
            "show_intro": not request.session.get(INTRO_HIDDEN),
            "security": security_start.notices(request),
        },
    )


@login_required
@require_POST
def intro_hide(request):
    request.session[INTRO_HIDDEN] = True
    return redirect("home:start")


@login_required
def notifications(request):
    page = Paginator(queries.notifications_page(request.user), 25).get_page(
        request.GET.get("pagina")
    )
    # Unread is `read_at` empty (approvals/notifications.py): nothing more to ask the database.
    waiting = any(n.read_at is None for n in page.object_list)
    return render(request, "home/notifications.html", {"page": page, "waiting": waiting})


@login_required
def notification_open(request, pk):
    """Mark one notification read and go where it leads."""
    notification = get_object_or_404(Notification, pk=pk, user_id=request.user.pk)
    mark_read(Notification.objects.filter(pk=notification.pk))
    return redirect(target(notification.kind, notification.request_id))


@login_required
@require_POST
def notifications_read(request):
    mark_read(Notification.objects.filter(user_id=request.user.pk))
    return redirect("home:notifications")


def help_page(request):
    return render(request, "home/help.html", {"guide": guide.guide()})


def favicon(request):
    """Browsers ask /favicon.ico on every page; answer with the icon instead of a 404."""
    return redirect(static("doorbraak/favicon.svg"), permanent=True)
