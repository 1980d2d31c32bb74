"""Using a mandate (PRIO) on a case, and one mandate use with its verzoeningsgesprek. Every
page that shows a household's data writes the processing log; the write goes through
`mandate_services`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.cases import queries as case_queries
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request
from doorbraak.ui.display import shortdate

from . import mandate_queries, mandate_rules, mandate_services
from .forms import MandateUseForm


def _no_mandate(user, today) -> str:
    own = list(mandate_queries.own_mandates(user))
    ended = [m for m in own if m.valid_until is not None and m.valid_until < today]
    if ended:
        return _("Your mandate ended on %(date)s; it can no longer be used.") % {
            "date": shortdate(ended[0].valid_until)
        }
    if own:
        return _("Your mandate is not valid yet.")
    return _("You hold no mandate in the register. The functional administrator records them.")


@login_required
def mandate_use_new(request, case_pk):
    try:
        case = case_queries.visible_case_or_404(request.user, case_pk)
    except Http404:
        log_request(request, Activity.MANDATE_USE, "read", "case", case_pk, [], Outcome.DENIED)
        raise
    today = timezone.localdate()
    mandates = mandate_queries.usable_mandates(request.user, today)
    if not mandates.exists():
        raise PermissionDenied(_no_mandate(request.user, today))
    escalations = mandate_queries.open_escalations(case)
    preset = request.GET.get("escalatie", "")
    initial = {
        "reconciliation_due": mandate_rules.reconciliation_due(today),
        "escalation": int(preset) if preset.isdigit() else None,
    }
    only = list(mandates[:2])
    if len(only) == 1:
        initial |= {"mandate": only[0].pk, "overruled_organisation": only[0].organisation_id}
    form = MandateUseForm(
        request.POST or None, mandates=mandates, escalations=escalations, initial=initial
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                use = mandate_services.mandate_use(
                    actor=request.user, case=case, **form.cleaned_data
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                log_request(
                    request,
                    Activity.MANDATE_USE,
                    "create",
                    "mandate-use",
                    use.pk,
                    case_queries.subject_ids_of_case(case),
                )
                messages.success(
                    request,
                    _("Decision %(ref)s is recorded; a reconciliation talk is in your actions.")
                    % {"ref": use.reference},
                )
                return redirect("escalation:mandate-use", use.pk)
    log_request(
        request, Activity.CASE_VIEW, "read", "case", case.pk, case_queries.subject_ids_of_case(case)
    )
    return render(
        request, "escalation/mandate_use_new.html", {"case": case, "form": form}, status=status
    )


@login_required
def mandate_use_detail(request, pk):
    try:
        use = mandate_queries.mandate_use_detail(request.user, pk)
    except Http404:
        log_request(
            request, Activity.MANDATE_USE_VIEW, "read", "mandate-use", pk, [], Outcome.DENIED
        )
        raise
    log_request(
        request,
        Activity.MANDATE_USE_VIEW,
        "read",
        "mandate-use",
        use.pk,
        case_queries.subject_ids_of_case(use.case),
    )
    return render(request, "escalation/mandate_use.html", {"use": use, "case": use.case})
