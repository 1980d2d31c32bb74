"""The functional administrator names the hersteloperatie's fund here. Marks and debts are
special personal data: not in the admin, only on the case's own page."""

from django.contrib import admin

from .models import RecoveryFund


@admin.register(RecoveryFund)
class RecoveryFundAdmin(admin.ModelAdmin):
    list_display = ["fund"]
