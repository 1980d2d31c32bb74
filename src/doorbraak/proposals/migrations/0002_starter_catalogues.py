from django.db import migrations


def load(apps, schema_editor):
    from doorbraak.proposals.starter import CATEGORIES, LEGAL_GROUNDS

    Category = apps.get_model("proposals", "Category")
    LegalGround = apps.get_model("proposals", "LegalGround")
    for order, (key, label) in enumerate(CATEGORIES):
        Category.objects.get_or_create(key=key, defaults={"label": label, "order": order})
    for law, article, title, kind, explanation in LEGAL_GROUNDS:
        LegalGround.objects.get_or_create(
            law=law, article=article, title=title,
            defaults={"kind": kind, "explanation": explanation},
        )


class Migration(migrations.Migration):
    dependencies = [("proposals", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
