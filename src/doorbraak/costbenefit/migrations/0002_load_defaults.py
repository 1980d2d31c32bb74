from django.db import migrations


def load(apps, schema_editor):
    from doorbraak.costbenefit.defaults import default_figures, default_index

    CostFigure = apps.get_model("costbenefit", "CostFigure")
    PriceIndexYear = apps.get_model("costbenefit", "PriceIndexYear")
    for row in default_figures():
        CostFigure.objects.get_or_create(key=row["key"], municipality=None, defaults=row)
    for row in default_index():
        PriceIndexYear.objects.get_or_create(year=row["year"], defaults=row)


class Migration(migrations.Migration):
    dependencies = [("costbenefit", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
