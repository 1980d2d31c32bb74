"""Pages: consults under /consulten/ (own list with the counts per topic, record in two steps:
write, then confirm the anonymised text; link to one of your cases)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases.queries import visible_cases
from doorbraak.forms_utrecht import apply_service_errors

from . import queries, services
from .forms import ConsultForm, LinkForm

CHECK, SAVE = "controleren", "opslaan"


def _require(request) -> None:
    if not services.may_record(request.user):
        raise PermissionDenied(_("Your role cannot record consults."))


@login_required
def consult_list(request):
    _require(request)
    page = Paginator(queries.own_consults(request.user), 25).get_page(request.GET.get("pagina"))
    counts = queries.counts_per_topic()
    return render(
        request,
        "consults/list.html",
        {"page": page, "counts": counts, "total": sum(n for _label, n, _w in counts)},
    )


@login_required
def consult_new(request):
    _require(request)
    step = request.POST.get("stap", CHECK) if request.method == "POST" else ""
    if request.method != "POST":
        form = ConsultForm(initial={"held_on": timezone.localdate()})
        return render(request, "consults/form.html", {"form": form, "confirm": False})
    form = ConsultForm(request.POST)
    confirm = False
    if form.is_valid():
        data = form.cleaned_data
        if step == SAVE:
            confirm = True
            try:
                consult = services.consult_record(actor=request.user, **data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Consult %(ref)s recorded, without the household's identity.")
                    % {"ref": consult.reference},
                )
                return redirect("consults:detail", pk=consult.pk)
        else:
            # Step two: the anonymised texts, for the writer to check and confirm.
            texts = services.anonymised({f: data[f] for f in services.TEXTS})
            form = ConsultForm({**request.POST.dict(), **texts})
            form.is_valid()
            confirm = True
            return render(request, "consults/form.html", {"form": form, "confirm": True})
    return render(request, "consults/form.html", {"form": form, "confirm": confirm}, status=400)


@login_required
def consult_detail(request, pk, form=None, status=200):
    _require(request)
    consult = queries.consult_or_404(request.user, pk)
    cases = visible_cases(request.user).filter(status="open").select_related("household")
    form = form or LinkForm(cases=cases, initial={"case": consult.case_id})
    return render(
        request, "consults/detail.html", {"consult": consult, "form": form}, status=status
    )


@login_required
@require_POST
def consult_link(request, pk):
    _require(request)
    consult = queries.consult_or_404(request.user, pk)  # 404 for anyone but the writer
    cases = visible_cases(request.user).filter(status="open").select_related("household")
    form = LinkForm(request.POST, cases=cases)
    if form.is_valid():
        try:
            services.consult_link(
                actor=request.user, consult=consult, case=form.cleaned_data["case"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Link saved."))
            return redirect("consults:detail", pk=pk)
    return consult_detail(request, pk, form=form, status=400)
