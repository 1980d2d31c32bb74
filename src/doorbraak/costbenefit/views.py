"""The calculator page: usable on its own, at a Doorbraaktafel. Nothing is stored and no
personal data is involved."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import calculator, parsing, queries
from .api import calculate_for
from .forms import HorizonForm, SolutionFormSet, avoided_formset, error_lines, rows
from .presentation import present


@login_required
def calculator_page(request):
    municipality_id = queries.municipality_id(request.user.team)
    figures = queries.catalogue_for(municipality_id)
    data = request.POST or None
    horizon = HorizonForm(data)
    solution = SolutionFormSet(data, prefix="solution")
    avoided = avoided_formset(data, figures=figures)
    result = error = None
    errors = []
    if data is not None and not all(f.is_valid() for f in (horizon, solution, avoided)):
        errors = error_lines(horizon, solution, avoided)
    elif data is not None:
        payload = {
            "horizon_months": horizon.cleaned_data["horizon_months"],
            "solution": rows(solution),
            "avoided": rows(avoided),
        }
        try:
            result = present(parsing.serialise(calculate_for(payload, municipality_id)))
        except calculator.CalculationError as exc:
            error = parsing.error_message(exc)
    template = (
        "costbenefit/_result.html"
        if request.headers.get("HX-Request")
        else ("costbenefit/calculator.html")
    )
    return render(
        request,
        template,
        {
            "horizon": horizon,
            "solution": solution,
            "avoided": avoided,
            "result": result,
            "error": error,
            "errors": errors,
            "price_year": queries.target_price_year(queries.price_index()),
        },
        status=400 if error or errors else 200,
    )
