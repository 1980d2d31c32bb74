"""Pages under /ambassadeurs/: the directory (every signed-in professional, searchable by
organisation, wijk and topic) and its upkeep by the beheerder and the beleidsadviseur."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.forms_utrecht import apply_service_errors

from . import queries, services
from .forms import AmbassadorForm, SearchForm
from .models import Ambassador


def _signed_in_professional(request) -> None:
    if not (request.user.is_active and request.user.role):
        raise PermissionDenied


def _manager(request) -> None:
    if not services.may_manage(request.user):
        raise PermissionDenied(_("Only the administrator or a policy adviser keeps the directory."))


@login_required
def directory(request):
    _signed_in_professional(request)
    form = SearchForm(request.GET or None)
    q, organisation, wijk = "", None, None
    if form.is_valid():
        q = form.cleaned_data["q"] or ""
        organisation, wijk = form.cleaned_data["organisation"], form.cleaned_data["wijk"]
    rows = queries.directory(q=q, organisation=organisation, neighbourhood=wijk)
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    searched = {k: v for k, v in request.GET.items() if k in form.fields and v}
    return render(
        request,
        "ambassadors/index.html",
        {
            "form": form,
            "page": page,
            "searched": bool(searched),
            "query": urlencode(searched) + "&" if searched else "",
            "may_manage": services.may_manage(request.user),
        },
        status=200 if form.is_bound is False or form.is_valid() else 400,
    )


def _form_page(request, ambassador=None):
    _manager(request)
    initial = {}
    if ambassador is not None:
        initial = {f: getattr(ambassador, f) for f in services.FIELDS}
    form = AmbassadorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.ambassador_save(
                actor=request.user, ambassador=ambassador, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s is in the directory.") % {"name": saved.name})
            return redirect(f"{redirect('ambassadors:index').url}?{urlencode({'q': saved.name})}")
    return render(
        request,
        "ambassadors/form.html",
        {"form": form, "ambassador": ambassador},
        status=400 if form.errors else 200,
    )


@login_required
def ambassador_new(request):
    return _form_page(request)


@login_required
def ambassador_edit(request, pk):
    _manager(request)
    return _form_page(request, get_object_or_404(Ambassador, pk=pk))


@login_required
@require_POST
def ambassador_deactivate(request, pk):
    _manager(request)
    ambassador = get_object_or_404(Ambassador, pk=pk)
    services.ambassador_set_active(actor=request.user, ambassador=ambassador, active=False)
    messages.success(
        request, _("%(name)s is no longer shown in the directory.") % {"name": ambassador.name}
    )
    return redirect("ambassadors:index")
