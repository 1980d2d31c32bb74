"""The text vectors out of learning_signature into their own table (issue 14): the recompute's
flag updates then rewrite rows of about 80 bytes instead of 1 kB. The vectors are copied in
one statement each way; on PostgreSQL the signature table is rewritten afterwards (CLUSTER,
allowed in the migration's transaction), since a dropped column keeps its bytes in every
row until the row is written again."""

import django.db.models.deletion
from django.db import migrations, models


def copy_vectors(apps, schema_editor):
    schema_editor.execute(
        "INSERT INTO learning_signaturevector (blocker_id, vector) "
        "SELECT blocker_id, vector FROM learning_signature"
    )


def copy_vectors_back(apps, schema_editor):
    schema_editor.execute(
        "UPDATE learning_signature SET vector = (SELECT v.vector FROM learning_signaturevector v "
        "WHERE v.blocker_id = learning_signature.blocker_id)"
    )


def rewrite_signatures(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CLUSTER learning_signature USING learning_signature_pkey")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_member_bsn_key_version"),
        ("learning", "0002_pattern_scope_and_signatures"),
    ]

    operations = [
        migrations.CreateModel(
            name="SignatureVector",
            fields=[
                (
                    "blocker",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="signature_vector",
                        serialize=False,
                        to="cases.blocker",
                    ),
                ),
                ("vector", models.BinaryField()),
            ],
        ),
        # Nullable first, so that going back can add the column empty and fill it.
        migrations.AlterField(
            model_name="signature", name="vector", field=models.BinaryField(null=True)
        ),
        migrations.RunPython(copy_vectors, copy_vectors_back),
        migrations.RemoveField(model_name="signature", name="vector"),
        migrations.RunPython(rewrite_signatures, migrations.RunPython.noop),
    ]
