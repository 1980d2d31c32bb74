"""Pages under /spel/: the sessions, starting one (facilitator), the shared-screen board
(htmx polling every 2 s; the poll answers 204 while nothing changed), a player's phone page
(their team's cases, answers, cards and secret assignment; polling too) and the facilitator's
page (next round, scores, secret assignments done). At the end every player sees the
maatwerkambassadeurs (ambassadors/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.ambassadors.queries import directory
from doorbraak.forms_utrecht import apply_service_errors

from . import queries, services
from .forms import AnswerForm, ArgumentForm, ScoreForm, SessionForm
from .models import Stage, Team, TrainingCase


def _error_text(error: ValidationError) -> str:
    return " ".join(m for ms in error.message_dict.values() for m in ms)


@login_required
def index(request):
    if not (request.user.is_active and request.user.role):
        raise PermissionDenied
    return render(
        request,
        "game/index.html",
        {
            "sessions": queries.visible_sessions(request.user)[:20],
            "may_start": services.may_facilitate(request.user),
        },
    )


@login_required
def session_new(request):
    if not services.may_facilitate(request.user):
        raise PermissionDenied(
            _("Only a team leader, project leader or policy adviser can start a game.")
        )
    form = SessionForm(request.POST or None, players=queries.possible_players())
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_start(
                actor=request.user, title=form.cleaned_data["title"], teams=form.dealt()
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("The game has started. Put the board on the shared screen.")
            )
            return redirect("game:lead", pk=session.pk)
    return render(request, "game/new.html", {"form": form}, status=400 if form.errors else 200)


def _board_context(session):
    context = {"session": session, **queries.board_state(session)}
    if session.stage == Stage.FINISHED:
        context["ambassadors"] = list(directory().filter(kind="maatwerkambassadeur")[:20])
    return context


@login_required
def board(request, pk):
    session = queries.session_or_404(request.user, pk)
    return render(request, "game/board.html", _board_context(session))


@login_required
def board_state(request, pk):
    """The poll of the shared screen: 204 while the version is the one shown."""
    session = queries.session_or_404(request.user, pk)
    if request.GET.get("versie") == str(session.version):
        return HttpResponse(status=204)
    return render(request, "game/_board.html", _board_context(session))


def _phone_context(request, session, **forms):
    team = services.player_team(request.user, session)
    context = {"session": session, **queries.phone_state(session, team), **forms}
    if team is None:
        return context
    cases = list(session.cases.order_by("number"))
    if session.stage == Stage.ROUND1:
        context["case_forms"] = [
            (
                case,
                forms.get(f"answer_{case.pk}")
                or AnswerForm(
                    prefix=f"casus{case.pk}",
                    initial={
                        "maatwerk": {True: "ja", False: "nee"}.get(
                            getattr(context["answers"].get(case.pk), "maatwerk", None)
                        ),
                        "reason": getattr(context["answers"].get(case.pk), "reason", ""),
                    },
                ),
            )
            for case in cases
        ]
    elif session.stage == Stage.ROUND2:
        context["cases"] = cases
        context["argument_form"] = forms.get("argument_form") or ArgumentForm(
            cases=session.cases.order_by("number")
        )
        context["argument"] = getattr(team, "argument", None) if hasattr(team, "argument") else None
    else:
        context.update(queries.board_state(session))
        if session.stage == Stage.FINISHED:
            context["ambassadors"] = list(directory().filter(kind="maatwerkambassadeur")[:20])
    return context


@login_required
def phone(request, pk):
    session = queries.session_or_404(request.user, pk)
    return render(request, "game/phone.html", _phone_context(request, session))


@login_required
def phone_state(request, pk):
    """The phone's poll: 204 while nothing changed; a new stage reloads the page."""
    session = queries.session_or_404(request.user, pk)
    if request.GET.get("versie") == str(session.version):
        return HttpResponse(status=204)
    if request.GET.get("fase") != session.stage:
        response = HttpResponse(status=200)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "game/_phone_board.html", _phone_context(request, session))


@login_required
@require_POST
def answer(request, pk, case_pk):
    session = queries.session_or_404(request.user, pk)
    case = get_object_or_404(TrainingCase, pk=case_pk, session=session)
    form = AnswerForm(request.POST, prefix=f"casus{case.pk}")
    if form.is_valid():
        try:
            services.answer_give(
                actor=request.user, session=session, case=case, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Answer saved for case %(n)s.") % {"n": case.number})
            return redirect("game:phone", pk=pk)
    context = _phone_context(request, session, **{f"answer_{case.pk}": form})
    return render(request, "game/phone.html", context, status=400)


@login_required
@require_POST
def argue(request, pk):
    session = queries.session_or_404(request.user, pk)
    form = ArgumentForm(request.POST, cases=session.cases.order_by("number"))
    if form.is_valid():
        try:
            services.argument_give(actor=request.user, session=session, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Argument and calculation saved."))
            return redirect("game:phone", pk=pk)
    context = _phone_context(request, session, argument_form=form)
    return render(request, "game/phone.html", context, status=400)


@login_required
@require_POST
def roll(request, pk):
    session = queries.session_or_404(request.user, pk)
    try:
        done = services.die_roll(actor=request.user, session=session)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _("You rolled %(die)s: from square %(start)s to %(end)s.")
            % {"die": done.die, "start": done.start, "end": done.end},
        )
    return redirect("game:phone", pk=pk)


@login_required
def lead(request, pk):
    session = queries.session_or_404(request.user, pk)
    if session.facilitator_id != request.user.pk:
        raise PermissionDenied(_("Only the facilitator of this session can do that."))
    teams = queries.teams_of(session)
    return render(
        request,
        "game/lead.html",
        {
            "session": session,
            "teams": [
                (t, ScoreForm(initial={"score": t.score}, prefix=f"team{t.pk}")) for t in teams
            ],
            "cases": list(session.cases.order_by("number")),
        },
    )


def _lead_post(request, pk, action):
    session = queries.session_or_404(request.user, pk)
    try:
        action(session)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("game:lead", pk=pk)


@login_required
@require_POST
def stage_next(request, pk):
    return _lead_post(request, pk, lambda s: services.stage_next(actor=request.user, session=s))


@login_required
@require_POST
def team_score(request, pk, team_pk):
    def act(session):
        team = get_object_or_404(Team, pk=team_pk, session=session)
        form = ScoreForm(request.POST, prefix=f"team{team.pk}")
        if not form.is_valid():
            raise ValidationError({"score": [_("Give a score from 0 to 10.")]})
        services.score_give(actor=request.user, team=team, score=form.cleaned_data["score"])

    return _lead_post(request, pk, act)


@login_required
@require_POST
def team_secret(request, pk, team_pk):
    def act(session):
        team = get_object_or_404(Team, pk=team_pk, session=session)
        services.secret_done(actor=request.user, team=team, done=request.POST.get("klaar") == "ja")

    return _lead_post(request, pk, act)
