"""Pages: write an advisory Wmo indication on a case (/casussen/<id>/indicatie/), one
indication with its review, questions and answers (/indicaties/<id>/), and the list of the
adviser's or the consultant's indications with their statutory terms (/indicaties/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases.models import Case, Member
from doorbraak.cases.queries import may_see, valid_pk
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_processing, origin_from_request

from . import access, queries, services
from .forms import AnswerForm, IndicationForm, ReviewForm
from .messages import message
from .models import IndicationStatus


def _log_read(request, indications) -> None:
    households = {i.case.household_id for i in indications}
    if not households:
        return
    log_processing(
        origin_from_request(request),
        activity=Activity.INDICATION_VIEW,
        action="read",
        object_type="indication",
        object_id=indications[0].pk if len(indications) == 1 else "",
        subject_ids=Member.objects.filter(household_id__in=households).values_list(
            "subject_id", flat=True
        ),
    )


@login_required
def indication_list(request):
    if not access.may_list(request.user.role, request.user.is_active):
        raise PermissionDenied(_("Your role cannot use this page."))
    today = timezone.localdate()
    waiting = queries.annotate_terms(queries.list_page(request.user, status="open")[:50], today)
    page = Paginator(queries.list_page(request.user), 25).get_page(request.GET.get("pagina"))
    page.object_list = queries.annotate_terms(page.object_list, today)
    _log_read(request, [*waiting, *page.object_list])
    return render(
        request,
        "indications/list.html",
        {
            "page": page,
            "waiting": waiting,
            "overdue": queries.overdue_count(waiting),
            "reviewer": access.may_review(request.user.role, request.user.is_active),
        },
    )


@login_required
def indication_new(request, case_pk):
    if not access.may_write(request.user.role, request.user.is_active):
        raise PermissionDenied(message("not_writer"))
    case = Case.objects.select_related("household").filter(pk=valid_pk(case_pk)).first()
    if case is None or not services.is_linked(request.user, case):
        raise PermissionDenied(message("not_linked"))
    form = IndicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            indication = services.indication_write(
                actor=request.user,
                case=case,
                origin=origin_from_request(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Indication %(ref)s sent to the Wmo consultant.") % {"ref": indication.reference},
            )
            return redirect("indications:detail", pk=indication.pk)
    return render(
        request,
        "indications/form.html",
        {"form": form, "case": case},
        status=400 if form.errors else 200,
    )


def _detail(request, pk, *, review_form=None, answer_form=None, status=200):
    indication = queries.indication_or_404(request.user, valid_pk(pk))
    user = request.user
    may_review = (
        indication.status == IndicationStatus.SUBMITTED
        and access.may_review(user.role, user.is_active)
        and indication.adviser_id != user.pk
    )
    may_answer = (
        indication.status == IndicationStatus.QUESTION
        and indication.adviser_id == user.pk
        and access.may_write(user.role, user.is_active)
    )
    if may_review and review_form is None:
        review_form = ReviewForm(
            initial={"decided_on": timezone.localdate()},
            ask_applied=indication.applied_on is None,
        )
    if may_answer and answer_form is None:
        answer_form = AnswerForm()
    _log_read(request, [indication])
    return render(
        request,
        "indications/detail.html",
        {
            "indication": indication,
            "terms": indication.terms_on(timezone.localdate()),
            "case_visible": may_see(user, indication.case),
            "review_form": review_form if may_review else None,
            "answer_form": answer_form if may_answer else None,
        },
        status=status,
    )


@login_required
def indication_detail(request, pk):
    return _detail(request, pk)


@login_required
@require_POST
def indication_review(request, pk):
    indication = queries.indication_or_404(request.user, valid_pk(pk))
    form = ReviewForm(request.POST, ask_applied=indication.applied_on is None)
    if form.is_valid():
        try:
            services.indication_review(
                actor=request.user,
                indication=indication,
                origin=origin_from_request(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Review of the indication recorded."))
            return redirect("indications:detail", pk=indication.pk)
    return _detail(request, pk, review_form=form, status=400)


@login_required
@require_POST
def indication_answer(request, pk):
    indication = queries.indication_or_404(request.user, valid_pk(pk))
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.indication_answer(
                actor=request.user,
                indication=indication,
                origin=origin_from_request(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Answer sent to the Wmo consultant."))
            return redirect("indications:detail", pk=indication.pk)
    return _detail(request, pk, answer_form=form, status=400)
