"""Demo open data: demo-beleidsadviseur published the demo city's open data once (the last
twelve months). The demo is small, so most numbers are withheld: the page says so."""

from django.utils import timezone

from doorbraak.accounts.models import User
from doorbraak.opendata import services
from doorbraak.privacy.services import Origin
from doorbraak.reports import figures


def add_demo_opendata(orgs: dict, users: dict[str, User]) -> dict[str, int]:
    adviser = users["demo-beleidsadviseur"]
    period = figures.default_period(timezone.localdate())
    origin = Origin(
        trace_id="0" * 32, span_id="0" * 16, parent_span_id="", actor=adviser, origin="demo"
    )
    services.publish(origin=origin, actor=adviser, start=period.start, end=period.end)
    return {"open_data_snapshots": 1}
