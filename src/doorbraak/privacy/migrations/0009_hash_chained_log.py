"""Hash-chains the processing log and the audit trail (docs/decisions/0013).

1. The chain columns, the pseudonym key version and the chain heads.
2. The rows already there are chained in this migration, in id order, in batches, into chain 0
   (no separate genesis: every row ever written is covered).
3. On PostgreSQL: `privacy_chain_links` (the links of one write, under the chain head's row
   lock) and the append-only triggers that refuse UPDATE and DELETE on both tables.
"""

from django.db import migrations, models

from doorbraak.privacy import chain

BATCH = 5000

LINKS_FUNCTION = """
CREATE OR REPLACE FUNCTION privacy_chain_links(p_chain integer, p_audit bytea, p_digests bytea[])
RETURNS TABLE(link_n bigint, link_chain smallint, link_seq bigint, link_prev varchar,
              link_hash varchar)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    a_seq bigint; a_hash bytea; p_seq bigint; p_hash bytea; i integer;
BEGIN
    SELECT h.audit_seq, decode(h.audit_hash, 'hex'), h.processing_seq, decode(h.processing_hash, 'hex')
      INTO a_seq, a_hash, p_seq, p_hash
      FROM privacy_chainhead h WHERE h.chain = p_chain FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO privacy_chainhead (chain, audit_seq, audit_hash, processing_seq, processing_hash)
        VALUES (p_chain, 0, repeat('0', 64), 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
        SELECT h.audit_seq, decode(h.audit_hash, 'hex'), h.processing_seq, decode(h.processing_hash, 'hex')
          INTO a_seq, a_hash, p_seq, p_hash
          FROM privacy_chainhead h WHERE h.chain = p_chain FOR UPDATE;
    END IF;
    link_chain := p_chain;
    link_n := 0; link_seq := a_seq + 1; link_prev := encode(a_hash, 'hex');
    a_hash := sha256(a_hash || p_audit); link_hash := encode(a_hash, 'hex');
    RETURN NEXT;
    FOR i IN 1 .. coalesce(array_length(p_digests, 1), 0) LOOP
        link_n := i; link_seq := p_seq + i; link_prev := encode(p_hash, 'hex');
        p_hash := sha256(p_hash || p_digests[i]); link_hash := encode(p_hash, 'hex');
        RETURN NEXT;
    END LOOP;
    UPDATE privacy_chainhead
       SET audit_seq = a_seq + 1, audit_hash = encode(a_hash, 'hex'),
           processing_seq = p_seq + coalesce(array_length(p_digests, 1), 0),
           processing_hash = encode(p_hash, 'hex')
     WHERE chain = p_chain;
END
$$;

CREATE OR REPLACE FUNCTION privacy_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'privacy log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER privacy_auditrecord_append_only BEFORE UPDATE OR DELETE ON privacy_auditrecord
    FOR EACH ROW EXECUTE FUNCTION privacy_refuse_change();
CREATE TRIGGER privacy_processingrecord_append_only BEFORE UPDATE OR DELETE
    ON privacy_processingrecord FOR EACH ROW EXECUTE FUNCTION privacy_refuse_change();
"""

DROP_SQL = """
DROP TRIGGER IF EXISTS privacy_auditrecord_append_only ON privacy_auditrecord;
DROP TRIGGER IF EXISTS privacy_processingrecord_append_only ON privacy_processingrecord;
DROP FUNCTION IF EXISTS privacy_refuse_change();
DROP FUNCTION IF EXISTS privacy_chain_links(integer, bytea, bytea[]);
"""


def _save_links(connection, model, batch):
    if connection.vendor != "postgresql":
        model.objects.bulk_update(batch, ["chain", "seq", "prev_hash", "hash"])
        return
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} t SET chain = 0, seq = v.seq, prev_hash = v.prev, hash = v.hash "  # noqa: S608
            "FROM unnest(%s::bigint[], %s::bigint[], %s::varchar[], %s::varchar[]) "
            "AS v(id, seq, prev, hash) WHERE t.id = v.id",
            [[r.id for r in batch], [r.seq for r in batch], [r.prev_hash for r in batch],
             [r.hash for r in batch]],
        )


def chain_existing_rows(apps, schema_editor):
    AuditRecord = apps.get_model("privacy", "AuditRecord")
    ProcessingRecord = apps.get_model("privacy", "ProcessingRecord")
    ChainHead = apps.get_model("privacy", "ChainHead")
    heads = {}
    for model, fields, kind in (
        (AuditRecord, chain.AUDIT_FIELDS, "audit"),
        (ProcessingRecord, chain.PROCESSING_FIELDS, "processing"),
    ):
        seq, prev, last_id = 0, chain.GENESIS, 0
        while True:
            batch = list(model.objects.filter(id__gt=last_id).order_by("id")[:BATCH])
            if not batch:
                break
            for row in batch:
                seq += 1
                row.chain, row.seq, row.prev_hash = 0, seq, prev
                row.hash = prev = chain.link(prev, chain.record_digest(row, fields))
            _save_links(schema_editor.connection, model, batch)
            last_id = batch[-1].id
        heads[kind] = (seq, prev)
    if heads["audit"][0] or heads["processing"][0]:
        ChainHead.objects.create(
            chain=0,
            audit_seq=heads["audit"][0],
            audit_hash=heads["audit"][1],
            processing_seq=heads["processing"][0],
            processing_hash=heads["processing"][1],
        )


def create_functions(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(LINKS_FUNCTION)  # no parameters: the % of RAISE stay as they are


def drop_functions(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(DROP_SQL)


def chain_fields():
    return [
        ("chain", models.PositiveSmallIntegerField(editable=False, null=True, verbose_name="chain")),
        ("seq", models.BigIntegerField(editable=False, null=True, verbose_name="sequence number")),
        ("prev_hash", models.CharField(blank=True, editable=False, max_length=64, verbose_name="previous hash")),
        ("hash", models.CharField(blank=True, editable=False, max_length=64, verbose_name="hash")),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0008_activity_ids_without_choices"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChainHead",
            fields=[
                ("chain", models.PositiveSmallIntegerField(primary_key=True, serialize=False, verbose_name="chain")),
                ("audit_seq", models.BigIntegerField(default=0)),
                ("audit_hash", models.CharField(default="0" * 64, max_length=64)),
                ("processing_seq", models.BigIntegerField(default=0)),
                ("processing_hash", models.CharField(default="0" * 64, max_length=64)),
            ],
            options={"verbose_name": "log chain head", "verbose_name_plural": "log chain heads"},
        ),
        migrations.AddField(
            model_name="processingrecord",
            name="key_version",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="pseudonym key version"),
        ),
        *[
            migrations.AddField(model_name=model, name=name, field=field)
            for model in ("auditrecord", "processingrecord")
            for name, field in chain_fields()
        ],
        migrations.RunPython(chain_existing_rows, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="auditrecord",
            constraint=models.UniqueConstraint(fields=("chain", "seq"), name="privacy_audit_chain_seq"),
        ),
        migrations.AddConstraint(
            model_name="processingrecord",
            constraint=models.UniqueConstraint(
                fields=("chain", "seq"), name="privacy_processing_chain_seq"
            ),
        ),
        migrations.RunPython(create_functions, drop_functions),
    ]
