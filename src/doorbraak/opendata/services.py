"""Publishing open data: one transaction that stores the snapshot and its audit record. Only a
beleidsadviseur or functioneel beheerder of the municipality publishes (PermissionDenied
otherwise). The content is aggregated and suppressed: no data subject is processed."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.privacy.services import Origin, log_processing

from . import datasets, queries
from .models import Snapshot


@transaction.atomic
def publish(
    *, origin: Origin, actor, start: datetime.date, end: datetime.date, now=None
) -> Snapshot:
    municipality = queries.municipality_of(actor)
    if municipality is None:
        raise PermissionDenied(_("Only a policy adviser of a municipality publishes open data."))
    now = now or timezone.now()
    doc = queries.build(municipality, start, end, now=now)
    snapshot = Snapshot.objects.create(
        municipality=municipality,
        period_start=start,
        period_end=end,
        min_cell=doc["minimum_huishoudens"],
        json_text=datasets.to_json(doc),
        csv_files={
            name: datasets.to_csv(name, doc["datasets"][name]["rijen"])
            for name in datasets.DATASETS
        },
        published_at=now,
        published_by=actor,
    )
    log_processing(
        origin,
        activity="",
        action="open-data-publiceren",
        object_type="opendata.Snapshot",
        object_id=snapshot.pk,
    )
    return snapshot
