"""The baseline for the web benchmark: a bare Django view with session authentication and one
trivial query, served by the same stack. Only mounted when DOORBRAAK_BENCH=1."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from doorbraak.accounts.models import Team


@login_required
def bare(request):
    found = Team.objects.filter(pk=request.user.team_id).exists()
    return HttpResponse(f"ok {int(found)}", content_type="text/plain")
