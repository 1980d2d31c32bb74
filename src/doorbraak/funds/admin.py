"""Funds are opened through the service (accounts + budget allocation). The ledger, orders
and batches are read-only here: money moves only through the services."""

from django.contrib import admin

from doorbraak.privacy import subjects
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.admin import LoggedAdminMixin, ReadOnlyAdmin

from . import services
from .models import (
    Fund,
    LedgerEntry,
    LedgerTransaction,
    PaymentBatch,
    PaymentOrder,
    Reservation,
)


@admin.register(Fund)
class FundAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "owner_team",
        "programme",
        "period_start",
        "period_end",
        "total_budget",
        "ceiling_per_request",
        "active",
    ]
    list_filter = ["active", "owner_team"]
    filter_horizontal = ["categories"]

    def get_readonly_fields(self, request, obj=None):
        # The budget is allocated on the ledger when the fund opens; a top-up or correction
        # is a new ledger transaction, not an edit.
        return ["total_budget"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
        else:
            services.fund_open(obj, actor=request.user)

    def has_delete_permission(self, request, obj=None):
        return False


class EntryInline(admin.TabularInline):
    model = LedgerEntry
    extra = 0
    can_delete = False
    readonly_fields = ["account", "amount_cents"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LedgerTransaction)
class LedgerTransactionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "fund", "kind", "idempotency_key", "request", "actor"]
    list_filter = ["fund", "kind"]
    search_fields = ["idempotency_key", "memo"]
    inlines = [EntryInline]


@admin.register(Reservation)
class ReservationAdmin(ReadOnlyAdmin):
    list_display = ["ref", "fund", "amount_cents", "paid_cents", "released_cents"]
    list_filter = ["fund"]


@admin.register(PaymentOrder)
class PaymentOrderAdmin(LoggedAdminMixin, ReadOnlyAdmin):
    list_display = ["request", "sequence", "creditor_name", "amount", "due_date", "status"]
    list_filter = ["fund", "status"]
    # Creditor, IBAN and remittance are about the request's household: logged per member.
    log_activity = Activity.PAYMENT_VIEW
    log_object_type = "payment-order"

    def log_subject_ids(self, objects):
        return subjects.of_requests([order.request_id for order in objects])


@admin.register(PaymentBatch)
class PaymentBatchAdmin(ReadOnlyAdmin):
    list_display = ["message_id", "fund", "created_at", "status", "paid_at"]
    list_filter = ["fund", "status"]
