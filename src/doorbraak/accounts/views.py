"""Login with a second factor, the set-up of an authenticator app, re-authentication before
money actions (issue 16, item 5) and the periodic access review (item 6)."""

from decimal import Decimal, InvalidOperation

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_processing, origin_from_request

from . import mfa, reauth, review, totp
from .forms import LoginForm, ReauthForm, SetupForm, VerifyForm
from .models import ReviewDecision, User

SETUP_CODES = "mfa_new_recovery_codes"


def _next(request, default="home:start") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


class LoginView(auth_views.LoginView):
    """The password step. A person with an authenticator app goes on to the verification;
    a person who must have one and has none goes on to the set-up (middleware.py)."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        if mfa.confirmed_device(form.get_user()) is not None:
            self.request.session[mfa.PENDING] = True
            return redirect(f"{reverse('accounts:mfa-verify')}?{_query(self.get_success_url())}")
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["idle_logout"] = self.request.GET.get("verlopen") == "1"
        context["idle_minutes"] = settings.DOORBRAAK_IDLE_TIMEOUT_MINUTES
        return context


def _query(next_url: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"next": next_url})


def _qr_svg(uri: str) -> str:
    """The QR code as inline SVG, made on the server (no external service)."""
    svg = segno.make(uri, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
    return mark_safe(svg)  # noqa: S308  (segno's own markup, no user input in it but the URI)


@login_required
def mfa_setup(request):
    """Set up an authenticator app: a QR code and the key to type over, then the first code."""
    codes = request.session.pop(SETUP_CODES, None)
    if codes:
        return render(
            request,
            "accounts/recovery_codes.html",
            {"codes": codes, "next": _next(request)},
        )
    form = SetupForm(request.POST or None)
    device = mfa.pending_device(request.user)
    if request.method == "POST" and device is not None and form.is_valid():
        try:
            codes = mfa.enrolment_confirm(request, request.user, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            # Shown once, on the next page (a reload shows them no more).
            request.session[SETUP_CODES] = codes
            return redirect(f"{reverse('accounts:mfa-setup')}?{_query(_next(request))}")
    if device is None or request.method == "GET":
        device = mfa.enrolment_start(request.user) if device is None else device
    secret = mfa.secret_of(device)
    account = f"{request.user.username}"
    return render(
        request,
        "accounts/mfa_setup.html",
        {
            "form": form,
            "qr": _qr_svg(totp.provisioning_uri(secret, account)),
            "key": totp.grouped(secret),
            "required": mfa.required_for(request.user),
            "has_device": mfa.confirmed_device(request.user) is not None,
            "next": _next(request),
        },
        status=400 if form.errors else 200,
    )


@login_required
def mfa_verify(request):
    """The second step after the password."""
    if request.session.get(mfa.VERIFIED):
        return redirect(_next(request))
    if mfa.confirmed_device(request.user) is None:
        return redirect(f"{reverse('accounts:mfa-setup')}?{_query(_next(request))}")
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mfa.verify(request, request.user, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            mfa.mark_verified(request)
            return redirect(_next(request))
    return render(
        request,
        "accounts/mfa_verify.html",
        {"form": form, "next": _next(request)},
        status=400 if form.errors else 200,
    )


#: The largest amount the confirmation page repeats; the link comes from Doorbraak's own pages,
#: anything else in it is not an amount of a money action and is left out.
_AMOUNT_SHOWN_MAX = Decimal("1000000000")


def _amount_shown(text: str) -> Decimal | None:
    """The amount the link says the action moves, or None when it is not a plain amount
    (text, "NaN", "Infinity", "1e999999", below zero or absurdly large)."""
    try:
        amount = Decimal(text[:40])
    except InvalidOperation:
        return None
    if not amount.is_finite() or not 0 < amount <= _AMOUNT_SHOWN_MAX:
        return None
    return amount.quantize(Decimal("0.01"))


@login_required
def reauthenticate(request):
    """Confirm it is you before a money action above the threshold (reauth.py)."""
    has_device = mfa.confirmed_device(request.user) is not None
    form = ReauthForm(request.POST or None, with_code=has_device)
    amount = _amount_shown(request.GET.get("bedrag", ""))
    if request.method == "POST" and form.is_valid():
        if not request.user.check_password(form.cleaned_data["password"]):
            form.add_error("password", _("This password is not right."))
            log_processing(
                origin_from_request(request),
                activity=Activity.AUTHENTICATION,
                action="reauthenticate",
                object_type="user",
                object_id=request.user.pk,
                result=Outcome.DENIED,
            )
        elif has_device:
            try:
                mfa.verify(
                    request, request.user, form.cleaned_data["code"], action="reauthenticate"
                )
            except ValidationError as error:
                form.add_error("code", error)
        if not form.errors:
            if not has_device:
                log_processing(
                    origin_from_request(request),
                    activity=Activity.AUTHENTICATION,
                    action="reauthenticate",
                    object_type="user",
                    object_id=request.user.pk,
                )
            mfa.mark_reauthenticated(request)
            messages.success(request, _("Confirmed. Do the action again to finish it."))
            return redirect(_next(request))
    return render(
        request,
        "accounts/reauth.html",
        {
            "form": form,
            "amount": amount,
            "threshold": reauth.threshold(),
            "minutes": settings.DOORBRAAK_REAUTH_VALID_MINUTES,
            "next": _next(request),
        },
        status=400 if form.errors else 200,
    )


def _require_reviewer(request) -> None:
    if not review.is_reviewer(request.user):
        raise PermissionDenied(
            _("The access review is for team leaders and the functional administrator.")
        )


@login_required
def access_review(request):
    """Per team: who has which role, how many cases, last login; confirm or revoke."""
    _require_reviewer(request)
    teams = review.report(request.user)
    log_processing(
        origin_from_request(request),
        activity=Activity.ACCESS_REVIEW,
        action="read",
        object_type="access-review",
        object_id=request.user.team_id or "",
    )
    return render(
        request,
        "accounts/access_review.html",
        {
            "teams": teams,
            "period_days": settings.DOORBRAAK_ACCESS_REVIEW_DAYS,
            "term_days": settings.DOORBRAAK_ACCESS_REVIEW_TERM_DAYS,
            "is_administrator": request.user.role == "beheerder",
        },
    )


@login_required
def access_person(request, pk):
    """One person's access: the cases they can see and why, and the decision."""
    _require_reviewer(request)
    person = get_object_or_404(User.objects.filter(is_active=True), pk=pk)
    if not review.may_review(request.user, person):
        raise PermissionDenied(_("You may not review this person's access."))
    cases = review.cases_of(person)
    openable = review.openable(request.user, [case.pk for case, _why in cases])
    total = review.cases_counts([person])[person.pk]
    log_processing(
        origin_from_request(request),
        activity=Activity.ACCESS_REVIEW,
        action="read",
        object_type="user",
        object_id=person.pk,
    )
    return render(
        request,
        "accounts/access_person.html",
        {
            "person": person,
            "cases": [(case, why, case.pk in openable) for case, why in cases],
            "total": total,
            "is_administrator": request.user.role == "beheerder",
            "reviews": person.access_reviews.select_related("reviewer")[:5],
        },
    )


@login_required
@require_POST
def access_decide(request, pk):
    _require_reviewer(request)
    person = get_object_or_404(User.objects.filter(is_active=True), pk=pk)
    decision = request.POST.get("decision", "")
    if decision not in ReviewDecision.values:
        messages.error(request, _("Choose confirm or revoke."))
        return redirect("accounts:access-review")
    review.decide(request, person=person, decision=decision)
    if decision == ReviewDecision.CONFIRMED:
        text = _("Access of %(name)s confirmed.")
    else:
        text = _("Access of %(name)s revoked.")
    messages.success(request, format_html("{}", text % {"name": person}))
    return redirect("accounts:access-review")
