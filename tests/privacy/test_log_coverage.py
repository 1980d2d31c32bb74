"""Every view, API endpoint, admin page and Celery task that touches personal data writes its
processing-log records (issue 16, "Done when"), enumerated like the authorization matrix.

The walk: every URL pattern of the project (pages, API, /beheer/), filled with the demo
city's objects exactly as tests/test_authorization_matrix.py fills them, is requested with
GET by the first role that the matrix says gets a 200. It must then be

- in `LOGGED`, with the processing activity it logs: the GET wrote at least one processing
  record with that activity, for data subjects of the demo city (household members' or staff
  accounts' pseudonyms; for a page about one case, that case's members among them); or
- in `NO_PERSONAL_DATA`, the reviewed allow-list, with the reason it shows no personal data of
  a data subject: the GET wrote no processing record at all.

URL patterns no demo role reads with a 200 (POST-only actions, redirects, pages only the
technical administrator opens) are in `NOT_READ` with the activity their write logs (checked
in the view's or its service's code, and by the app's own tests) or the reason they need none.

Every Celery task is in `TASKS` (run here on the demo city, with the activity it must log) or
in `TASKS_WITHOUT_PERSONAL_DATA` with a reason.

A new URL pattern or task in none of these fails the test: decide what it processes, log it
(`privacy.services.log_request` / `log_processing`) and add its line."""

import csv
import importlib
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.test import Client
from django.urls import resolve

from doorbraak.accounts.models import User
from doorbraak.cases.models import Member
from doorbraak.earlysignals.models import Signal
from doorbraak.earlysignals.services import subject_id
from doorbraak.jobs.celery_app import app as celery_app
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from doorbraak.privacy.services import subject_pseudonym
from tests.test_authorization_matrix import ROLES, TABLE, demo  # noqa: F401 - the fixture

A = Activity

#: The API lists of payment orders and batches: empty for the first role that reads them (a
#: professional handles no fund's money), so they are read as `READ_AS` says.
PAYMENT_LISTS = ("payment-order-list", "payment-batch-list")
ADMIN_READS = ("change", "changelist", "history")

#: Rows of `LOGGED` that show nobody in the demo city, for every role that reads them: the GET
#: must write the audit record of its activity, naming no data subject; the test named proves
#: the records per data subject with data.
EMPTY_IN_DEMO = {
    "meeting-candidates": "tests/privacy/test_closed_gaps.py::test_the_meetings_candidates_log",
    "meeting-candidates.json": "as meeting-candidates",
}

#: Rows read by another role than the first that gets a 200, because that role sees nothing.
READ_AS = {f"{name}{ext}": "teamleider" for name in PAYMENT_LISTS for ext in ("", ".json")}

#: Rows read with a GET that show personal data, and the activity their record names.
LOGGED: dict[str, Activity] = {
    "home:start": A.CASE_LIST,
    "agenda-item-detail": A.API_TABLES,
    "agenda-item-detail.json": A.API_TABLES,
    "blocker-detail": A.API_BLOCKERS,
    "blocker-detail.json": A.API_BLOCKERS,
    "blocker-list": A.API_BLOCKERS,
    "blocker-list.json": A.API_BLOCKERS,
    "case-detail": A.API_CASES,
    "case-detail.json": A.API_CASES,
    "case-list": A.API_CASES,
    "case-list.json": A.API_CASES,
    "cases:access-add": A.CASE_VIEW,
    "cases:blocker-add": A.CASE_VIEW,
    "cases:blocker-resolve": A.CASE_VIEW,
    "cases:close": A.CASE_VIEW,
    "cases:detail": A.CASE_VIEW,
    "cases:handover": A.CASE_VIEW,
    "cases:list": A.CASE_LIST,
    "cases:member-add": A.CASE_VIEW,
    "cases:note-add": A.CASE_VIEW,
    "cases:plan": A.CASE_VIEW,
    "cases:reopen": A.CASE_VIEW,
    "cases:request-new": A.CASE_VIEW,
    "escalation-detail": A.API_ESCALATIONS,
    "escalation-detail.json": A.API_ESCALATIONS,
    "escalation-list": A.API_ESCALATIONS,
    "escalation-list.json": A.API_ESCALATIONS,
    "escalation:actions": A.ACTIONS_VIEW,
    "escalation:detail": A.ESCALATION_VIEW,
    "escalation:escalate": A.CASE_VIEW,
    "escalation:mandate-use-new": A.CASE_VIEW,
    "follow-up-action-detail": A.API_ACTIONS,
    "follow-up-action-detail.json": A.API_ACTIONS,
    "follow-up-action-list": A.API_ACTIONS,
    "follow-up-action-list.json": A.API_ACTIONS,
    "forgiven-debt-detail": A.API_RECOVERY,
    "forgiven-debt-detail.json": A.API_RECOVERY,
    "forgiven-debt-list": A.API_RECOVERY,
    "forgiven-debt-list.json": A.API_RECOVERY,
    "generic:attempt-new": A.OUTREACH_VIEW,
    "generic:decision": A.OUTREACH_VIEW,
    "household-detail": A.API_HOUSEHOLDS,
    "household-detail.json": A.API_HOUSEHOLDS,
    "household-list": A.API_HOUSEHOLDS,
    "household-list.json": A.API_HOUSEHOLDS,
    "let-submission-detail": A.API_LET,
    "let-submission-detail.json": A.API_LET,
    "let-submission-list": A.API_LET,
    "let-submission-list.json": A.API_LET,
    "let:detail": A.LET_VIEW,
    "let:index": A.LET_VIEW,
    "outreach-row-detail": A.API_OUTREACH,
    "outreach-row-detail.json": A.API_OUTREACH,
    "outreach-row-list": A.API_OUTREACH,
    "outreach-row-list.json": A.API_OUTREACH,
    "pause-detail": A.API_PAUSES,
    "pause-detail.json": A.API_PAUSES,
    "pause-list": A.API_PAUSES,
    "pause-list.json": A.API_PAUSES,
    "pauses:detail": A.PAUSE_VIEW,
    "proposals:detail": A.REQUEST_VIEW,
    "recovery-mark-detail": A.API_RECOVERY,
    "recovery-mark-detail.json": A.API_RECOVERY,
    "recovery-mark-list": A.API_RECOVERY,
    "recovery-mark-list.json": A.API_RECOVERY,
    "recovery:case": A.RECOVERY_VIEW,
    "recovery:plan": A.RECOVERY_VIEW,
    "recovery:summary": A.RECOVERY_VIEW,
    "request-detail": A.API_REQUESTS,
    "request-detail.json": A.API_REQUESTS,
    "request-list": A.API_REQUESTS,
    "request-list.json": A.API_REQUESTS,
    "subjectrights:person": A.SUBJECT_ACCESS,
    "tables:consent": A.CONSENT_RECORD,
    "tables:item": A.TABLE_VIEW,
    "tables:meeting": A.TABLE_VIEW,
    # issue 18 and 17 (stop 26): budget check, vroegsignalering, VerhuisboxPlus, indications
    **{
        f"{name}{ext}": A.API_BUDGET
        for name in (
            "budget-check-detail",
            "budget-check-list",
            "payment-plan-detail",
            "payment-plan-list",
        )
        for ext in ("", ".json")
    },
    **{
        p: A.BUDGET_VIEW
        for p in ("budget:check", "budget:index", "budget:letter", "budget:plan", "budget:plan-csv")
    },
    **{
        f"{name}{ext}": A.API_EARLY_SIGNALS
        for name in ("early-signal-detail", "early-signal-list")
        for ext in ("", ".json")
    },
    "earlysignals:detail": A.EARLY_SIGNAL_VIEW,
    "earlysignals:index": A.EARLY_SIGNAL_VIEW,
    **{
        f"{name}{ext}": A.API_INDICATIONS
        for name in ("indication-detail", "indication-list")
        for ext in ("", ".json")
    },
    "indications:detail": A.INDICATION_VIEW,
    "indications:list": A.INDICATION_VIEW,
    **{
        f"{name}{ext}": A.API_VERHUISBOX
        for name in ("verhuisbox-trajectory-detail", "verhuisbox-trajectory-list")
        for ext in ("", ".json")
    },
    "verhuisbox:detail": A.VERHUISBOX_VIEW,
    "verhuisbox:index": A.VERHUISBOX_VIEW,
    "verhuisbox:new": A.VERHUISBOX_RECORD,
    "verhuisbox:register": A.VERHUISBOX_RECORD,
    # issue 16: payment orders and batches (creditor, IBAN, remittance), per request's household
    **{f"funds:batch-file[{fund}]": A.PAYMENT_EXPORT for fund in ("team", "programme")},
    **{
        f"{name}{ext}[{fund}]": A.API_PAYMENTS
        for name in (
            "payment-order-detail",
            "payment-batch-detail",
            "payment-batch-csv",
            "payment-batch-pain001",
        )
        for ext in ("", ".json")
        for fund in ("team", "programme")
    },
    **{f"{name}{ext}": A.API_PAYMENTS for name in PAYMENT_LISTS for ext in ("", ".json")},
    **{f"admin:funds_paymentorder_{page}": A.PAYMENT_VIEW for page in ADMIN_READS},
    "meeting-candidates": A.API_TABLES,
    "meeting-candidates.json": A.API_TABLES,
    "pauses:list": A.PAUSE_VIEW,
    "proposals:solved-otherwise": A.REQUEST_VIEW,
    "proposals:withdraw": A.REQUEST_VIEW,
    **{f"admin:tables_consent_{page}": A.CONSENT_VIEW for page in ADMIN_READS},
}

#: Rows read with a GET that show no personal data of a data subject, and why.
_CONFIG = "configuration or reference data (rules, funds, categories, cost figures); no person"
_STAFF = (
    "staff accounts and their access only (no resident); changes are logged as gebruiker-beheren"
)
_OWN = "the signed-in professional's own security settings"
_AGGREGATE = "counts and amounts per team, category or period; no household"
_ANONYMISED = (
    "anonymised text only (decision 0007): no household is named; the audit record names the object"
)
_KNOWLEDGE = "knowledge articles and system learning: anonymised blockers, signals and patterns"
_WORKTABLE = "structural work tables: rules and solutions, anonymised signals only"
_EMPTY_FORM = "an empty form, before any person is chosen or looked up"
_PRIVACY = "the register of processing activities or the log's own pages (which log their reads)"
_AMBASSADORS = "maatwerkambassadeurs: professionals' work contact details, no household"
_GAME = "the training game: anonymised training copies and the players (professionals)"
_PUBLIC = "public pages, the API's description or the login; no personal data"
_BATCHES = (
    "a fund's amounts and its batches' numbers, dates, status and number of payments; no "
    "creditor, IBAN or remittance"
)

NO_PERSONAL_DATA: dict[str, str] = {
    "accounts:access-person": _STAFF,
    "accounts:access-review": _STAFF,
    "accounts:mfa-setup": _OWN,
    "accounts:mfa-verify": _OWN,
    "accounts:reauth": _OWN,
    "agenda-item-list": "empty for this role; agenda items log in agenda-item-detail",
    "agenda-item-list.json": "as agenda-item-list",
    "api-docs": _PUBLIC,
    "api-figures": _AGGREGATE,
    "api-open-data": _PUBLIC,
    "api-open-data-detail": _PUBLIC,
    "api-root": _PUBLIC,
    "api-root.json": _PUBLIC,
    "api-schema": _PUBLIC,
    "approval-detail": _ANONYMISED,
    "approval-detail.json": _ANONYMISED,
    "approval-list": _ANONYMISED,
    "approval-list.json": _ANONYMISED,
    "approval-policy-detail": _CONFIG,
    "approval-policy-detail.json": _CONFIG,
    "approval-policy-list": _CONFIG,
    "approval-policy-list.json": _CONFIG,
    "approvals:inbox": _ANONYMISED,
    "approvals:review": _ANONYMISED,
    "article-detail": _KNOWLEDGE,
    "article-detail.json": _KNOWLEDGE,
    "article-list": _KNOWLEDGE,
    "article-list.json": _KNOWLEDGE,
    "article-versions": _KNOWLEDGE,
    "article-versions.json": _KNOWLEDGE,
    "cases:open": _EMPTY_FORM,
    "category-detail": _CONFIG,
    "category-detail.json": _CONFIG,
    "category-list": _CONFIG,
    "category-list.json": _CONFIG,
    "consult-detail": "an anonymous consultation question (buurtteam); no household named",
    "consult-detail.json": "as consult-detail",
    "consult-list": "as consult-detail",
    "consult-list.json": "as consult-detail",
    "consult-topics": _CONFIG,
    "consult-topics.json": _CONFIG,
    "consults:detail": "as consult-detail",
    "consults:list": "as consult-detail",
    "consults:new": _EMPTY_FORM,
    "cost-figure-detail": _CONFIG,
    "cost-figure-detail.json": _CONFIG,
    "cost-figure-list": _CONFIG,
    "cost-figure-list.json": _CONFIG,
    "costbenefit:calculator": _EMPTY_FORM,
    "documents:detail": "a document's status and file name; its download is logged",
    "escalation-level-detail": _CONFIG,
    "escalation-level-detail.json": _CONFIG,
    "escalation-level-list": _CONFIG,
    "escalation-level-list.json": _CONFIG,
    "fund-detail.json[programme]": _AGGREGATE,
    "fund-detail.json[team]": _AGGREGATE,
    "fund-detail[programme]": _AGGREGATE,
    "fund-detail[team]": _AGGREGATE,
    "fund-list": _AGGREGATE,
    "fund-list.json": _AGGREGATE,
    "funds:list": _AGGREGATE,
    "generic-decision-detail": "a generic decision and its counts; the outreach rows log",
    "generic-decision-detail.json": "as generic-decision-detail",
    "generic-decision-list": "as generic-decision-detail",
    "generic-decision-list.json": "as generic-decision-detail",
    "generic:decision-new": _EMPTY_FORM,
    "generic:decisions": "as generic-decision-detail",
    "home:help": _PUBLIC,
    "home:notifications": "notifications: a request's reference and a link only",
    "knowledge:detail": _KNOWLEDGE,
    "knowledge:edit": _KNOWLEDGE,
    "knowledge:history": _KNOWLEDGE,
    "knowledge:index": _KNOWLEDGE,
    "knowledge:new": _KNOWLEDGE,
    "knowledge:suggestions": _KNOWLEDGE,
    "knowledge:version": _KNOWLEDGE,
    "learning:pattern": _KNOWLEDGE,
    "learning:patterns": _KNOWLEDGE,
    "learning:signal": _KNOWLEDGE,
    "learning:signal-new": _KNOWLEDGE,
    "learning:signals": _KNOWLEDGE,
    "legal-ground-detail": _CONFIG,
    "legal-ground-detail.json": _CONFIG,
    "legal-ground-list": _CONFIG,
    "legal-ground-list.json": _CONFIG,
    "login": _PUBLIC,
    "mandate-use-list": "empty for this role; mandate-use-detail and the web page log",
    "mandate-use-list.json": "as mandate-use-list",
    "meeting-detail": "a meeting's table, date and place; its agenda items log (agenda-item-*)",
    "meeting-detail.json": "as meeting-detail",
    "meeting-list": "as meeting-detail",
    "meeting-list.json": "as meeting-detail",
    "opendata:concept": _AGGREGATE,
    "opendata:index": _AGGREGATE,
    "opendata:public": _PUBLIC,
    "opendata:public-file": _PUBLIC,
    "opendata:public-municipality": _PUBLIC,
    "pattern-detail": _KNOWLEDGE,
    "pattern-detail.json": _KNOWLEDGE,
    "pattern-list": _KNOWLEDGE,
    "pattern-list.json": _KNOWLEDGE,
    "privacy:history": _EMPTY_FORM,
    "privacy:register": _PRIVACY,
    "privacy:register-csv": _PRIVACY,
    "reports:categories": _AGGREGATE,
    "reports:export": _AGGREGATE,
    "reports:index": _AGGREGATE,
    "reports:yearly_report": _AGGREGATE,
    "rule-detail": _KNOWLEDGE,
    "rule-detail.json": _KNOWLEDGE,
    "rule-list": _KNOWLEDGE,
    "rule-list.json": _KNOWLEDGE,
    "signal-detail": _KNOWLEDGE,
    "signal-detail.json": _KNOWLEDGE,
    "signal-list": _KNOWLEDGE,
    "signal-list.json": _KNOWLEDGE,
    "structural-solution-detail": _WORKTABLE,
    "structural-solution-detail.json": _WORKTABLE,
    "structural-solution-list": _WORKTABLE,
    "structural-solution-list.json": _WORKTABLE,
    "subjectrights:index": _EMPTY_FORM + "; the demo has no restricted household",
    "subjectrights:retention": "counts per kind of record due for destruction; no person",
    "table-detail": _CONFIG,
    "table-detail.json": _CONFIG,
    "table-list": _CONFIG,
    "table-list.json": _CONFIG,
    "tables:index": "the tables and their meetings; agenda items log (tables:meeting)",
    "worktable-detail": _WORKTABLE,
    "worktable-detail.json": _WORKTABLE,
    "worktable-list": _WORKTABLE,
    "worktable-list.json": _WORKTABLE,
    "worktables:detail": _WORKTABLE,
    "worktables:index": _WORKTABLE,
    "worktables:session": _WORKTABLE,
    "worktables:solution": _WORKTABLE,
    "worktables:solution-new": _WORKTABLE,
    # funds/: these pages show no payment order's creditor, IBAN or remittance (checked in
    # tests/privacy/test_closed_gaps.py); the batch files and the API, which do, log.
    **{f"funds:detail[{fund}]": _BATCHES for fund in ("team", "programme")},
    "funds:batch-cancel[programme]": _BATCHES,
    **{f"admin:funds_paymentbatch_{page}": _BATCHES for page in ADMIN_READS},
    # Django's admin (/beheer/) as the functional administrator
    "admin:app_list": _CONFIG,
    "admin:index": _CONFIG,
    "admin:jsi18n": _PUBLIC,
    "admin:login": _PUBLIC,
    "admin:password_change": _OWN,
    "admin:password_change_done": _OWN,
    # stop 26
    "early-signal-funnel": _AGGREGATE,
    "early-signal-funnel.json": _AGGREGATE,
    "earlysignals:import": _EMPTY_FORM,
    "verhuisbox:figures": _AGGREGATE,
    **{
        name: _AMBASSADORS
        for name in (
            "ambassador-detail",
            "ambassador-detail.json",
            "ambassador-list",
            "ambassador-list.json",
            "ambassadors:edit",
            "ambassadors:index",
            "ambassadors:new",
        )
    },
    **{
        name: _GAME
        for name in (
            "game-session-detail",
            "game-session-detail.json",
            "game-session-list",
            "game-session-list.json",
            "game:board",
            "game:board-state",
            "game:index",
            "game:lead",
            "game:new",
            "game:phone",
            "game:phone-state",
        )
    },
}
for _model, _why in {
    "accounts_mandate": _CONFIG,
    "accounts_neighbourhood": _CONFIG,
    "accounts_organisation": _CONFIG,
    "accounts_team": _CONFIG,
    "accounts_user": _STAFF,
    "approvals_approvalgroup": _CONFIG,
    "approvals_approvalpolicy": _CONFIG,
    "costbenefit_costfigure": _CONFIG,
    "costbenefit_priceindexyear": _CONFIG,
    "escalation_escalationroute": _CONFIG,
    "funds_fund": _CONFIG,
    "learning_rule": _CONFIG,
    "privacy_auditrecord": "the audit trail: staff actions, no data subject",
    "privacy_processingrecord": "the processing log: keyed pseudonyms only, never a person",
    "proposals_category": _CONFIG,
    "proposals_legalground": _CONFIG,
    "recovery_recoveryfund": _CONFIG,
    "tables_table": _CONFIG,
    "tables_meeting": "a meeting's table, date and place (agenda items are not in the admin)",
    "funds_ledgertransaction": "ledger postings: amounts, accounts and a request's reference",
    "funds_reservation": "reservations: amounts and a request's reference",
    "budget_bijstandsnorm": _CONFIG,
}.items():
    for _page in ("add", "change", "changelist", "delete", "history"):
        NO_PERSONAL_DATA.setdefault(f"admin:{_model}_{_page}", _why)

#: Reads of personal data that write no record YET: found by this test, not fixed in this
#: round. The test fails when one starts logging (move it to LOGGED) — and names them.
#: Empty since issue 16's last round (payment orders and batches, meeting candidates, the
#: pauses list, the request forms and the consent admin log now).
KNOWN_GAPS: dict[str, str] = {}

#: Rows no demo role reads with a 200: the activity their write logs, or why none.
_NAV = "a redirect or a flag on the signed-in professional's own session or notifications"
_SUPERUSER = "technical administrator (superuser) only: no case data in these models"
_WORK = "structural work table or knowledge action: anonymised, no person"
NOT_READ: dict[str, Activity | str] = {
    "home:intro-hide": _NAV,
    "home:notifications-read": _NAV,
    "home:notification-open": _NAV,
    "favicon.ico": _NAV,
    "logout": _NAV,
    "set_language": _NAV,
    "accounts:access-decide": A.ACCESS_REVIEW,
    "cases:search": A.CASE_SEARCH,
    "cases:access-revoke": A.CASE_UPDATE,
    "approvals:vote": A.REQUEST_REVIEW,
    "approval-vote": A.REQUEST_REVIEW,
    "approval-vote.json": A.REQUEST_REVIEW,
    **{
        f"funds:batch-{action}[{fund}]": A.PAYMENT_RECORD
        for action in ("new", "paid")
        for fund in ("team", "programme")
    },
    "funds:batch-cancel[team]": A.PAYMENT_RECORD,  # a paid batch: redirected to the fund
    **{
        f"payment-batch-{action}{ext}[{fund}]": A.API_PAYMENTS
        for action in ("cancel", "mark-paid")
        for ext in ("", ".json")
        for fund in ("team", "programme")
    },
    "escalation:decide": A.ESCALATION_DECIDE,
    "escalation:action-add": A.ESCALATION_DECIDE,
    "escalation:mandate-use": A.MANDATE_USE_VIEW,
    "escalation:action-done": A.ESCALATION_DECIDE,
    "escalation-decide": A.ESCALATION_DECIDE,
    "escalation-decide.json": A.ESCALATION_DECIDE,
    "follow-up-action-done": A.API_ACTIONS,
    "follow-up-action-done.json": A.API_ACTIONS,
    "mandate-use-detail": A.API_MANDATE_USES,
    "mandate-use-detail.json": A.API_MANDATE_USES,
    "tables:meeting-plan": A.TABLE_DECIDE,
    "tables:consent-withdraw": A.CONSENT_RECORD,
    "agenda-item-decide": A.API_TABLES,
    "agenda-item-decide.json": A.API_TABLES,
    "let:submit": A.LET_SUBMIT,
    "let:triage": A.LET_DECIDE,
    "let:decide": A.LET_DECIDE,
    "let:check": A.LET_DECIDE,
    "let-submission-check": A.API_LET,
    "let-submission-check.json": A.API_LET,
    "let-submission-decide": A.API_LET,
    "let-submission-decide.json": A.API_LET,
    "let-submission-triage": A.API_LET,
    "let-submission-triage.json": A.API_LET,
    "documents:request": "queues a PDF; the render task and the download log (TASKS)",
    "documents:download": A.LET_EXPORT,
    "learning:pattern-decide": _WORK,
    "worktables:start": _WORK,
    "worktables:outcome-add": _WORK,
    "worktables:session-add": _WORK,
    "worktables:finish": _WORK,
    "worktables:solution-step": _WORK,
    "worktables:signal-send": _WORK,
    "worktable-finish": _WORK,
    "worktable-finish.json": _WORK,
    "worktable-outcomes": _WORK,
    "worktable-outcomes.json": _WORK,
    "structural-solution-send": _WORK,
    "structural-solution-send.json": _WORK,
    "structural-solution-step": _WORK,
    "structural-solution-step.json": _WORK,
    "generic:decision-refresh": A.GENERIC_DECIDE,
    "outreach-row-attempts": A.API_OUTREACH,
    "outreach-row-attempts.json": A.API_OUTREACH,
    "recovery:mark": A.RECOVERY_RECORD,
    "recovery:mark-remove": A.RECOVERY_RECORD,
    "recovery:debt-add": A.RECOVERY_RECORD,
    "recovery:debt-status": A.RECOVERY_RECORD,
    "opendata:publish": "publishes aggregated figures; no person",
    "pauses:approve": A.PAUSE_RECORD,
    "pauses:review": A.PAUSE_RECORD,
    "pauses:new": A.PAUSE_RECORD,
    "pause-approval": A.API_PAUSES,
    "pause-approval.json": A.API_PAUSES,
    "pause-review": A.API_PAUSES,
    "pause-review.json": A.API_PAUSES,
    "consults:link": "links an anonymous consultation to a blocker pattern; no person",
    "consult-link": "as consults:link",
    "consult-link.json": "as consults:link",
    "subjectrights:export-json": A.SUBJECT_LOOKUP,
    "subjectrights:export-pdf": A.SUBJECT_LOOKUP,
    "subjectrights:restrict": A.SUBJECT_LOOKUP,
    "subjectrights:lift": A.SUBJECT_LOOKUP,
    "subjectrights:rectification": A.SUBJECT_LOOKUP,
    "subjectrights:handle": A.SUBJECT_LOOKUP,
    "subjectrights:retention-propose": "retention: the destruction record is its trail",
    "subjectrights:retention-confirm": "as subjectrights:retention-propose",
    "subjectrights:retention-withdraw": "as subjectrights:retention-propose",
    "api-token": "issues an API token; a refused one counts toward the lockout",
    "api-cost-benefit": "a calculation from figures sent in; nothing stored, no person",
    "api-not-found": _NAV,
    "admin:logout": _NAV,
    "admin:autocomplete": "autocomplete of the admin's own configuration fields",
    "admin:view_on_site": _NAV,
    "admin:auth_user_password_change": _STAFF,
    "admin:accounts_user_delete": _STAFF,
    "beheer/(?P<url>.*)$": _NAV,
    # stop 26
    "ambassadors:deactivate": A.AMBASSADOR_RECORD,
    **{
        p: A.BUDGET_RECORD
        for p in (
            "budget:cost-add",
            "budget:debt-add",
            "budget:income-add",
            "budget:line-remove",
            "budget:plan-propose",
        )
    },
    "early-signal-step": A.API_EARLY_SIGNALS,
    "early-signal-step.json": A.API_EARLY_SIGNALS,
    "earlysignals:make_case": A.EARLY_SIGNAL_WORK,
    "earlysignals:step": A.EARLY_SIGNAL_WORK,
    **{
        p: _GAME
        for p in (
            "game-session-roll",
            "game-session-roll.json",
            "game:answer",
            "game:argue",
            "game:next",
            "game:roll",
            "game:score",
            "game:secret",
        )
    },
    **{
        f"indication-{a}{ext}": A.API_INDICATIONS
        for a in ("answer", "review")
        for ext in ("", ".json")
    },
    "indications:answer": A.INDICATION_RECORD,
    "indications:new": A.INDICATION_RECORD,
    "indications:review": A.INDICATION_RECORD,
    **{
        f"verhuisbox-trajectory-{a}{ext}": A.API_VERHUISBOX
        for a in ("advice", "bijstand", "costs", "handover", "housed", "sites", "stop")
        for ext in ("", ".json")
    },
    **{
        f"verhuisbox:{a}": A.VERHUISBOX_RECORD
        for a in ("advice", "bijstand", "cost", "handover", "housed", "site", "stop")
    },
}
for _row in (
    "auth_group",
    "authtoken_tokenproxy",
    "axes_accessattempt",
    "axes_accesslog",
    "axes_accessfailurelog",
    "accounts_totpdevice",
    "accounts_accessreview",
    "knowledge_article",
    "schedule_taskrun",
):
    for _page in ("add", "change", "changelist", "delete", "history"):
        NOT_READ[f"admin:{_row}_{_page}"] = _SUPERUSER
for _row in (
    "auth/group",
    "authtoken/tokenproxy",
    "axes/accessattempt",
    "axes/accesslog",
    "axes/accessfailurelog",
    "accounts/user",
    "accounts/organisation",
    "accounts/neighbourhood",
    "accounts/team",
    "accounts/mandate",
    "accounts/totpdevice",
    "accounts/accessreview",
    "schedule/taskrun",
    "privacy/auditrecord",
    "privacy/processingrecord",
    "costbenefit/costfigure",
    "costbenefit/priceindexyear",
    "proposals/category",
    "proposals/legalground",
    "approvals/approvalgroup",
    "approvals/approvalpolicy",
    "funds/fund",
    "funds/ledgertransaction",
    "funds/reservation",
    "funds/paymentorder",
    "funds/paymentbatch",
    "escalation/escalationroute",
    "tables/table",
    "tables/meeting",
    "tables/consent",
    "learning/rule",
    "knowledge/article",
    "recovery/recoveryfund",
    "budget/bijstandsnorm",
):
    NOT_READ[f"beheer/{_row}/<path:object_id>/"] = "the admin's redirect to the change page"
for _row in (
    "privacy_auditrecord_add",
    "privacy_auditrecord_delete",
    "privacy_processingrecord_add",
    "privacy_processingrecord_delete",
    "costbenefit_costfigure_delete",
    "approvals_approvalpolicy_delete",
    "funds_fund_delete",
    "funds_ledgertransaction_add",
    "funds_ledgertransaction_delete",
    "funds_reservation_add",
    "funds_reservation_delete",
    "funds_paymentorder_add",
    "funds_paymentorder_delete",
    "funds_paymentbatch_add",
    "funds_paymentbatch_delete",
    "escalation_escalationroute_delete",
    "tables_meeting_add",
    "tables_meeting_delete",
    "tables_consent_add",
    "tables_consent_delete",
    "budget_bijstandsnorm_delete",
):
    NOT_READ[f"admin:{_row}"] = "nobody may add or delete these in the admin (403)"


def _table():
    with TABLE.open(encoding="utf-8") as handle:
        return {row["url"]: row for row in csv.DictReader(handle)}


def _reader(row) -> str | None:
    if row.get("url") in READ_AS and row.get(READ_AS[row["url"]]) == "200":
        return READ_AS[row["url"]]
    return next((role for role in ROLES if row.get(role) == "200"), None)


def _known_subjects() -> set[str]:
    ids = [str(s) for s in Member.objects.values_list("subject_id", flat=True)]
    ids += [str(pk) for pk in User.objects.values_list("pk", flat=True)]
    # Vroegsignalering: a signal's person is not (yet) a household member.
    ids += [subject_id(key) for key in Signal.objects.values_list("person_key", flat=True)]
    return {subject_pseudonym(i) for i in ids}


def _app_source(url: str) -> str:
    """The code of the app a URL's view belongs to (its package's modules)."""
    view = resolve(url).func
    owner = getattr(view, "view_class", None) or getattr(view, "cls", None) or view
    package = Path(sys.modules[owner.__module__].__file__).parent
    return "\n".join(f.read_text(encoding="utf-8") for f in package.glob("*.py"))


def _check(row, url, role, status, records, known, audited=()) -> str | None:
    activities = sorted({r.activity for r in records})
    if status != 200:
        return f"{row} {url} as {role}: {status}"
    if row in LOGGED and row in EMPTY_IN_DEMO:
        if records or LOGGED[row] not in audited:
            return f"{row} {url} as {role}: no empty read {LOGGED[row]} (audit {audited})"
        return None
    if row in LOGGED:
        if LOGGED[row] not in activities:
            return f"{row} {url} as {role}: no record {LOGGED[row]}, got {activities}"
        if {r.data_subject for r in records} - known:
            return f"{row}: records for data subjects that are not in the demo"
        return None
    if row in NO_PERSONAL_DATA or row in KNOWN_GAPS:
        which = "NO_PERSONAL_DATA" if row in NO_PERSONAL_DATA else "KNOWN_GAPS"
        return f"{row} is in {which} but logs {activities}: move it" if records else None
    return f"{row} {url}: not in LOGGED, NO_PERSONAL_DATA or KNOWN_GAPS (logs {activities})"


@pytest.mark.django_db
def test_every_url_that_reads_personal_data_logs_it(demo):  # noqa: F811
    table, known, clients, wrong = _table(), _known_subjects(), {}, []
    for row, url in sorted(demo.items()):
        role = _reader(table.get(row, {}))
        if role is None:
            continue  # test_every_url_that_no_role_reads_is_listed
        if role not in clients:
            clients[role] = Client(raise_request_exception=False)
            if role != "anoniem":
                clients[role].force_login(User.objects.get(username=f"demo-{role}"))
        last = ProcessingRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        last_audit = AuditRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        status = clients[role].get(url).status_code
        records = list(ProcessingRecord.objects.filter(pk__gt=last))
        audited = set(
            AuditRecord.objects.filter(pk__gt=last_audit).values_list("activity", flat=True)
        )
        if problem := _check(row, url, role, status, records, known, audited):
            wrong.append(problem)
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_every_url_that_no_role_reads_is_listed(demo):  # noqa: F811
    """POST-only actions, redirects and pages only the technical administrator opens: each
    named with the activity its write logs (and that activity is in its app's code) or the
    reason it needs none."""
    table, wrong = _table(), []
    for row, url in sorted(demo.items()):
        if _reader(table.get(row, {})) is not None:
            if row in NOT_READ:
                wrong.append(f"{row}: a role reads it now; move it from NOT_READ")
            continue
        entry = NOT_READ.get(row)
        if entry is None:
            wrong.append(f"{row} {url}: no role reads it; add it to NOT_READ")
        elif isinstance(entry, Activity) and f"Activity.{entry.name}" not in _app_source(url):
            wrong.append(f"{row}: its app never logs {entry.name}")
    assert not wrong, "\n".join(wrong)


def test_the_lists_are_disjoint_and_name_registered_activities():
    assert not set(LOGGED) & set(NO_PERSONAL_DATA)
    assert not set(LOGGED) & set(KNOWN_GAPS)
    assert not set(NO_PERSONAL_DATA) & set(KNOWN_GAPS)
    assert all(reason.strip() for reason in [*NO_PERSONAL_DATA.values(), *KNOWN_GAPS.values()])
    assert set(LOGGED.values()) <= set(Activity)
    assert set(EMPTY_IN_DEMO) <= set(LOGGED)


# --- Celery tasks --------------------------------------------------------------------------

#: Tasks that touch personal data: how to run one on the demo city, and the activity it logs.
TASKS = {
    "doorbraak.documents.tasks.render_document": A.LET_EXPORT,
}

#: Tasks that touch no personal data of a data subject, and why.
TASKS_WITHOUT_PERSONAL_DATA = {
    "doorbraak.approvals.tasks.flag_overdue": "notifies team leaders with a request's reference",
    "doorbraak.reports.tasks.refresh_figures": "recounts aggregated figures",
    "doorbraak.privacy.tasks.export_chain_heads": "copies the log's chain heads (hashes) out",
    "doorbraak.learning.tasks.match_blocker": "compares anonymised blocker texts of one "
    "organisation to find a pattern; stores a count",
    "doorbraak.learning.tasks.match_signal": "as match_blocker, for a signal",
    "doorbraak.documents.tasks.delete_old_documents": "deletes the day-old copies of PDFs whose "
    "making and download were logged",
    "doorbraak.documents.tasks.requeue_waiting_documents": "sends the render job again for "
    "document ids still waiting; the job logs what it reads",
    "doorbraak.escalation.tasks.remind_due_actions": "e-mails a professional an action's "
    "reference and a link (never household details)",
    "doorbraak.escalation.tasks.flag_overdue_escalations": "as remind_due_actions",
    "doorbraak.schedule.tasks.tick": "the scale test's probe: adds one to a counter",
    "doorbraak.schedule.tasks.forget_old_task_runs": "deletes the runs of scheduled tasks "
    "(task names and slots) older than 90 days",
}


def _our_tasks() -> set[str]:
    for config in apps.get_app_configs():  # the worker's autodiscovery, done here
        if config.name.startswith("doorbraak.") and (Path(config.path) / "tasks.py").exists():
            importlib.import_module(f"{config.name}.tasks")
    return {name for name in celery_app.tasks if name.startswith("doorbraak.")}


def test_every_task_is_listed():
    unlisted = _our_tasks() - set(TASKS) - set(TASKS_WITHOUT_PERSONAL_DATA)
    assert not unlisted, (
        f"Celery tasks in neither TASKS nor TASKS_WITHOUT_PERSONAL_DATA: {unlisted}"
    )
    assert not set(TASKS) & set(TASKS_WITHOUT_PERSONAL_DATA)
    stale = (set(TASKS) | set(TASKS_WITHOUT_PERSONAL_DATA)) - _our_tasks()
    assert not stale, f"listed tasks that no longer exist: {stale}"


@pytest.mark.django_db
def test_the_render_task_logs_the_document_it_makes(demo):  # noqa: F811
    from doorbraak.documents.models import Document
    from doorbraak.documents.tasks import render_document

    document = Document.objects.get()  # demo-regievoerder's LET PDF, still waiting
    last = ProcessingRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    render_document.apply(args=[document.pk])
    records = ProcessingRecord.objects.filter(pk__gt=last)
    assert {r.activity for r in records} == {TASKS[render_document.name]}
    assert {r.data_subject for r in records} <= _known_subjects()
    audit = AuditRecord.objects.filter(activity=A.LET_EXPORT).order_by("-pk").first()
    assert (audit.action, audit.actor.username, audit.origin) == (
        "render",
        "demo-regievoerder",
        "task",
    )
