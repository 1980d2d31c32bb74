"""Funds for the team: utilisation, categories, outcomes; batches for who handles payments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.accounts.reauth import reauthenticate_first
from doorbraak.home.menu import may_see_funds
from doorbraak.home.queries import person_of
from doorbraak.privacy import subjects
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_request
from doorbraak.proposals import lifecycle
from doorbraak.proposals.models import AlternativeKind, RequestStatus
from doorbraak.recovery import queries as recovery_queries
from doorbraak.reports.suppression import MINIMUM_THRESHOLD
from doorbraak.ui import display

from . import export, queries, services
from .forms import BatchCancelForm
from .models import BatchStatus, PaymentBatch
from .permissions import may_handle_payments


def _order_subjects(batch) -> list:
    """A batch's payment orders (creditor, IBAN, remittance) are about the households of
    their requests: the members of those households."""
    return subjects.of_requests(batch.orders.values("request_id"))


def _log_orders(request, activity, action, batch, subject_ids=None) -> None:
    """One processing record per data subject of the batch's orders."""
    if subject_ids is None:
        subject_ids = _order_subjects(batch)
    log_request(request, activity, action, "payment-batch", batch.pk, subject_ids)


def _require_fund_role(request) -> None:
    """Partners at the table and enforcement see no funds (home/menu.py)."""
    if not may_see_funds(person_of(request.user)):
        raise PermissionDenied(_("Funds are for the teams and the municipality's roles."))


@login_required
def fund_list(request):
    _require_fund_role(request)
    funds = [(fund, services.utilisation(fund)) for fund in queries.visible_funds(request.user)]
    return render(request, "funds/list.html", {"funds": funds})


def _fund_or_404(request, pk):
    _require_fund_role(request)
    return get_object_or_404(queries.visible_funds(request.user), pk=pk)


@login_required
def fund_detail(request, pk):
    fund = _fund_or_404(request, pk)
    counts = queries.outcomes(fund)
    labels = {
        **dict(RequestStatus.choices),
        **{
            f"elders-opgelost:{k}": f"{RequestStatus.SOLVED_OTHERWISE.label}: {v}"
            for k, v in AlternativeKind.choices
        },
    }
    total = sum(counts.values())
    return render(
        request,
        "funds/detail.html",
        {
            "fund": fund,
            "use": services.utilisation(fund),
            "categories": services.spent_by_category(fund),
            "outcomes": [(labels.get(k, k), n) for k, n in sorted(counts.items())],
            "solved_otherwise": sum(
                n for k, n in counts.items() if k.startswith("elders-opgelost")
            ),
            "total_requests": total,
            "may_pay": may_handle_payments(request.user, fund),
            "batches": queries.batches(fund) if may_handle_payments(request.user, fund) else [],
            # what a batch made now takes, and the instalments due later (apart)
            "open_orders": lifecycle.batchable_orders(fund).count(),
            "later_orders": fund.payment_orders.filter(
                status="open", due_date__gt=timezone.localdate()
            ).count(),
            # Hersteloperatie (recovery/): marked households served; None for other funds.
            "recovery_served": _small_count(recovery_queries.households_served(fund)),
        },
    )


def _small_count(n: int | None) -> str | None:
    """A count of households with special personal data is shown as "fewer than 5" below the
    smallest cell the reports ever publish (reports/suppression.py)."""
    if n is None:
        return None
    if 0 < n < MINIMUM_THRESHOLD:
        return _("fewer than %(n)s") % {"n": MINIMUM_THRESHOLD}
    return str(n)


def _handled_fund_or_404(request, pk):
    """Payment handling answers 404 to whoever does not handle this fund's money, as for a
    fund they cannot see (funds/permissions.py)."""
    _require_fund_role(request)
    return get_object_or_404(queries.handled_funds(request.user), pk=pk)


@login_required
@require_POST
def batch_new(request, pk):
    fund = _handled_fund_or_404(request, pk)
    # Re-authentication above DOORBRAAK_REAUTH_ABOVE (accounts/reauth.py, issue 16 item 5).
    amount = lifecycle.batchable_orders(fund).aggregate(s=Sum("amount"))["s"]
    back = reverse("funds:detail", args=[fund.pk])
    if (again := reauthenticate_first(request, amount, back=back)) is not None:
        return again
    try:
        batch = lifecycle.batch_create(fund=fund, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _log_orders(request, Activity.PAYMENT_RECORD, "create", batch)
        messages.success(request, _("Batch %(id)s made.") % {"id": batch.message_id})
    return redirect("funds:detail", pk=fund.pk)


def _batch(request, pk) -> PaymentBatch:
    _require_fund_role(request)
    return get_object_or_404(queries.handled_batches(request.user).select_related("fund"), pk=pk)


@login_required
def batch_file(request, pk, kind):
    if kind not in ("xml", "csv"):
        raise Http404
    batch = _batch(request, pk)
    # Re-authentication above DOORBRAAK_REAUTH_ABOVE (accounts/reauth.py, issue 16 item 5).
    amount = batch.orders.aggregate(s=Sum("amount"))["s"]
    if (again := reauthenticate_first(request, amount, back=request.get_full_path())) is not None:
        return again
    refusal = queries.export_refusal(batch)
    if refusal:
        messages.error(request, refusal)
        return redirect("funds:detail", pk=batch.fund_id)
    if kind == "xml":
        try:
            content, mime = export.pain001(batch), "application/xml"
        except export.ExportError as error:
            messages.error(request, _("No SEPA file: %(error)s") % {"error": error})
            return redirect("funds:detail", pk=batch.fund_id)
    else:
        content, mime = export.csv_export(batch), "text/csv; charset=utf-8"
    _log_orders(request, Activity.PAYMENT_EXPORT, "export", batch)
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{export.filename(batch, kind)}"'
    return response


@login_required
@require_POST
def batch_paid(request, pk):
    batch = _batch(request, pk)
    # Re-authentication above DOORBRAAK_REAUTH_ABOVE (accounts/reauth.py, issue 16 item 5).
    amount = batch.orders.aggregate(s=Sum("amount"))["s"]
    back = reverse("funds:detail", args=[batch.fund_id])
    if (again := reauthenticate_first(request, amount, back=back)) is not None:
        return again
    try:
        lifecycle.batch_mark_paid(batch=batch, actor=request.user)
    except lifecycle.MoneyConflict as error:
        messages.error(request, error.message)
    else:
        _log_orders(request, Activity.PAYMENT_RECORD, "update", batch)
        messages.success(
            request, _("Batch %(id)s is paid; the ledger is posted.") % {"id": batch.message_id}
        )
    return redirect("funds:detail", pk=batch.fund_id)


@login_required
def batch_cancel(request, pk):
    """The way out of a batch that must not be paid as it is (docs/decisions/0010)."""
    batch = _batch(request, pk)
    if batch.status != BatchStatus.OPEN:
        messages.error(request, _("Only a batch that is not paid yet can be cancelled."))
        return redirect("funds:detail", pk=batch.fund_id)
    form = BatchCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        affected = _order_subjects(batch)  # the cancel takes the orders out of the batch
        try:
            lifecycle.batch_cancel(batch=batch, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error("reason", message)
        except lifecycle.MoneyConflict as error:
            form.add_error(None, error.message)
        else:
            _log_orders(request, Activity.PAYMENT_RECORD, "update", batch, affected)
            messages.success(
                request,
                _("Batch %(id)s is cancelled; its payments are in the next batch.")
                % {"id": batch.message_id},
            )
            return redirect("funds:detail", pk=batch.fund_id)
    return render(
        request,
        "cases/form.html",
        {
            "form": form,
            "title": _("Cancel batch"),
            "facts": [
                (_("Batch"), batch.message_id),
                (_("Fund"), batch.fund.name),
                (_("Payments"), batch.orders.count()),
                (_("Made on"), display.shortdatetime(batch.created_at)),
            ],
            "submit": _("Cancel batch"),
            "back": (reverse("funds:detail", args=[batch.fund_id]), batch.fund.name),
        },
        status=400 if form.errors else 200,
    )
