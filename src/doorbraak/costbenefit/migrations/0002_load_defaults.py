from django.db import migrations


def load(apps, schema_editor):
    from doorbraak.costbenefit import defaults

    defaults.load(apps.get_model("costbenefit", "CostFigure"),
                  apps.get_model("costbenefit", "PriceIndexYear"))


class Migration(migrations.Migration):
    dependencies = [("costbenefit", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
