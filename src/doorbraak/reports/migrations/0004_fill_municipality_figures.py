"""Fill the municipality summary from the team summary.

0003 created `MunicipalityFigure` empty. A database that already had requests then showed a
municipality's dashboard without them, until the nightly full refresh (02:15), and the
changes kept since were added to rows that were not there: a municipality's figures held only
what happened after the upgrade. This recounts every municipality's rows from the team rows,
as `reports.summary.refresh_all` does. On a new database both are empty: nothing to do."""

from django.db import migrations
from django.db.models import Sum

KEY = ("category_id", "month", "status", "alternative")


def fill(apps, schema_editor):
    RequestFigure = apps.get_model("reports", "RequestFigure")
    MunicipalityFigure = apps.get_model("reports", "MunicipalityFigure")
    counts = [
        f.name
        for f in MunicipalityFigure._meta.concrete_fields
        if not f.primary_key and not f.is_relation and f.name not in KEY
    ]
    MunicipalityFigure.objects.all().delete()
    grouped = (
        RequestFigure.objects.filter(team__neighbourhood__municipality_id__isnull=False)
        .values("team__neighbourhood__municipality_id", *KEY)
        .annotate(**{f"sum_{name}": Sum(name) for name in counts})
        .order_by()
    )
    MunicipalityFigure.objects.bulk_create(
        (
            MunicipalityFigure(
                municipality_id=g["team__neighbourhood__municipality_id"],
                **{key: g[key] for key in KEY},
                **{name: g[f"sum_{name}"] for name in counts},
            )
            for g in grouped.iterator(chunk_size=2000)
        ),
        batch_size=2000,
    )


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_municipality_figures")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
