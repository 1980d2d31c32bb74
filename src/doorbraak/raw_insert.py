"""Columns and values for the few inserts written as raw SQL (one statement instead of several
ORM round trips: the processing log, the ledger; docs/decisions/0008). The ORM's own field
logic prepares every value, so defaults, `auto_now_add` and encryption behave as in `save()`."""

from django.db import connection


def insert_fields(model) -> list:
    """The model's concrete fields without the primary key, in the order `insert_values` uses."""
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def db_value(field, instance):
    """The value `save()` would insert for this field of an unsaved instance."""
    return field.get_db_prep_save(field.pre_save(instance, True), connection)


def insert_values(instance) -> list:
    """The database values of an unsaved instance, for `insert_fields(type(instance))`."""
    return [db_value(f, instance) for f in insert_fields(type(instance))]
