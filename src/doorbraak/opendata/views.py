"""Pages: /mijn-open-data/ for the beleidsadviseur and functioneel beheerder (preview, concept
downloads, "Publiceren"), and /open-data/ for everyone (no login): what municipalities
published, and only that."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.privacy.services import origin_from_request
from doorbraak.reports import figures

from . import datasets, queries, services
from .forms import PeriodForm

JSON_NAME = "open-data.json"


def _labels() -> dict[str, str]:
    return {
        datasets.PATTERNS: _("Patterns"),
        datasets.SOLUTIONS: _("Structural solutions"),
        datasets.SPENDING: _("Spending per category"),
        datasets.OUTCOMES: _("Outcomes of requests"),
    }


def _municipality(request):
    municipality = queries.municipality_of(request.user)
    if municipality is None:
        raise PermissionDenied(_("Only a policy adviser of a municipality publishes open data."))
    return municipality


def _period(request):
    """The form and the period asked for (the last twelve months when nothing is asked)."""
    data = request.POST if request.method == "POST" else request.GET
    if "start" not in data and "end" not in data:
        period = figures.default_period(timezone.localdate())
        data = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    form = PeriodForm(data)
    if not form.is_valid():
        return form, None
    return form, (form.cleaned_data["start"], form.cleaned_data["end"])


def _summaries(doc) -> list[dict]:
    labels = _labels()
    out = []
    for name in datasets.DATASETS:
        part = doc["datasets"][name]
        rows = part["rijen"]
        numbers = sum(
            1
            for row in rows
            for column in datasets.COLUMNS[name]
            if column.type in ("integer", "decimal")
        )
        out.append(
            {
                "name": name,
                "label": labels[name],
                "rows": len(rows),
                "numbers": numbers,
                "suppressed": part["onderdrukt"],
                "all_suppressed": bool(numbers) and part["onderdrukt"] == numbers,
                "columns": part["kolommen"],
                "preview": [
                    [datasets.display(row.get(c)) for c in part["kolommen"]] for row in rows[:8]
                ],
            }
        )
    return out


@login_required
def index(request):
    municipality = _municipality(request)
    form, period = _period(request)
    context = {
        "form": form,
        "municipality": municipality,
        "slug": queries.slug_of(municipality),
        "snapshot": queries.published(municipality),
        "threshold": queries.threshold(),
    }
    if period is None:
        return render(request, "opendata/index.html", context, status=400)
    doc = queries.build(municipality, *period)
    context.update(
        period=period, datasets=_summaries(doc), query=f"start={period[0]}&end={period[1]}"
    )
    return render(request, "opendata/index.html", context)


def _file(body: str, name: str) -> HttpResponse:
    kind = "application/json" if name.endswith(".json") else "text/csv"
    response = HttpResponse(body, content_type=f"{kind}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def concept(request, dataset: str, kind: str):
    """The unpublished export, for the adviser who checks it before publishing."""
    municipality = _municipality(request)
    if kind not in ("csv", "json") or (kind == "csv" and dataset not in datasets.DATASETS):
        raise Http404
    if kind == "json" and dataset != "open-data":
        raise Http404
    form, period = _period(request)
    if period is None:
        return render(
            request,
            "opendata/index.html",
            {"form": form, "municipality": municipality, "threshold": queries.threshold()},
            status=400,
        )
    doc = queries.build(municipality, *period)
    slug = queries.slug_of(municipality)
    if kind == "json":
        return _file(datasets.to_json(doc), f"{slug}-concept-{JSON_NAME}")
    rows = doc["datasets"][dataset]["rijen"]
    return _file(datasets.to_csv(dataset, rows), f"{slug}-concept-{dataset}.csv")


@login_required
@require_POST
def publish(request):
    _municipality(request)
    form, period = _period(request)
    if period is None:
        return index(request)
    services.publish(
        origin=origin_from_request(request), actor=request.user, start=period[0], end=period[1]
    )
    messages.success(request, _("The open data are published."))
    return redirect("opendata:index")


# --- public, without login -------------------------------------------------------------------


def public_index(request):
    return render(
        request, "opendata/public_index.html", {"published": queries.published_municipalities()}
    )


def _published(slug: str):
    municipality = queries.municipality_by_slug(slug)
    snapshot = queries.published(municipality) if municipality else None
    return municipality, snapshot


def public_municipality(request, slug: str):
    municipality, snapshot = _published(slug)
    if snapshot is None:
        return render(request, "opendata/public_missing.html", {"slug": slug}, status=404)
    labels = _labels()
    return render(
        request,
        "opendata/public_municipality.html",
        {
            "municipality": municipality,
            "snapshot": snapshot,
            "slug": slug,
            "files": [(name, labels[name]) for name in datasets.DATASETS],
        },
    )


def public_file(request, slug: str, dataset: str, kind: str):
    municipality, snapshot = _published(slug)
    if snapshot is None:
        return render(request, "opendata/public_missing.html", {"slug": slug}, status=404)
    if kind == "json" and dataset == "open-data":
        return _file(snapshot.json_text, f"{slug}-{JSON_NAME}")
    if kind == "csv" and dataset in snapshot.csv_files:
        return _file(snapshot.csv_files[dataset], f"{slug}-{dataset}.csv")
    raise Http404
