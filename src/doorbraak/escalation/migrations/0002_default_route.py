from django.db import migrations


def load(apps, schema_editor):
    from doorbraak.escalation import starter

    starter.load(
        apps.get_model("escalation", "EscalationRoute"),
        apps.get_model("escalation", "EscalationLevel"),
        apps.get_model("escalation", "RouteVersion"),
    )


class Migration(migrations.Migration):
    dependencies = [("escalation", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
