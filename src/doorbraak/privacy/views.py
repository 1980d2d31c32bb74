"""The privacy officer's pages (functional administrator): the register of processing
activities (AVG art. 30; page and CSV) and one data subject's processing history. Every look
is itself in the processing log."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from doorbraak.accounts.roles import ADMIN_ROLES
from doorbraak.cases.models import Case, Member
from doorbraak.cases.services import bsn_search_keys

from . import queries
from .activities import Activity
from .forms import HistoryForm
from .models import Outcome
from .services import log_request


def may_see_privacy(user) -> bool:
    return bool(user.is_active and getattr(user, "role", None) in ADMIN_ROLES)


def _require(request):
    if not may_see_privacy(request.user):
        log_request(request, Activity.REGISTER_VIEW, "read", "register", "", [], Outcome.DENIED)
        raise PermissionDenied


def register_page(request):
    _require(request)
    entries = queries.register_entries()
    log_request(request, Activity.REGISTER_VIEW, "read", "register", "", [])
    return render(request, "privacy/register.html", {"entries": entries})


def register_csv(request):
    _require(request)
    entries = queries.register_entries()
    log_request(request, Activity.REGISTER_VIEW, "export", "register", "csv", [])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verwerkingsregister.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 with a BOM
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Activity id"),
            _("Activity"),
            _("Purpose"),
            _("Description of the purpose"),
            _("Legal ground"),
            _("Data subjects"),
            _("Personal data"),
            _("Recipients"),
            _("Retention"),
        ]
    )
    for e in entries:
        p = e.purpose
        writer.writerow(
            [
                e.activity,
                e.activity_name,
                p.name,
                p.purpose,
                p.legal_ground,
                p.data_subjects,
                p.data_categories,
                p.recipients,
                p.retention,
            ]
        )
    return response


def _subjects(bsn: str, case_id: int | None) -> tuple[dict, str]:
    """Subject id → label of the people asked about, and the object logged."""
    if bsn:
        members = Member.objects.filter(bsn_index__in=bsn_search_keys(bsn)).select_related(
            "household"
        )
        obj = "bsn"
    else:
        members = Member.objects.filter(household__cases__id=case_id).select_related("household")
        obj = f"C-{case_id:06d}"
    return {str(m.subject_id): f"{m} ({m.household})" for m in members}, obj


def history_page(request):
    _require(request)
    form = HistoryForm(request.GET or None)
    context = {"form": form, "rows": None}
    if request.GET and form.is_valid():
        bsn, case_id = form.cleaned_data["bsn"], form.cleaned_data["case"]
        if case_id is not None and not bsn and not Case.objects.filter(pk=case_id).exists():
            form.add_error("case", _("There is no case with this number."))
        else:
            subjects, obj = _subjects(bsn, case_id)
            rows, more = queries.history(subjects)
            log_request(
                request, Activity.HISTORY_VIEW, "read", "processing history", obj, list(subjects)
            )
            context.update(rows=rows, more=more, subjects=sorted(subjects.values()))
    if form.is_bound and form.errors:
        log_request(
            request, Activity.HISTORY_VIEW, "read", "processing history", "", [], Outcome.DENIED
        )
    return render(request, "privacy/history.html", context)
