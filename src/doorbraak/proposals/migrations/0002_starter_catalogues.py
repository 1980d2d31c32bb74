from django.db import migrations


def load(apps, schema_editor):
    from doorbraak.proposals import starter

    starter.load(apps.get_model("proposals", "Category"), apps.get_model("proposals", "LegalGround"))


class Migration(migrations.Migration):
    dependencies = [("proposals", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
