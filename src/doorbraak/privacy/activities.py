"""The processing activities (verwerkingsactiviteiten) Doorbraak performs on personal data.

Each record in the processing log names one of these, so an auditor can tie every look at
personal data to a purpose in the municipality's register of processing activities.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Activity(models.TextChoices):
    CASE_LIST = "casuslijst-raadplegen", _("View case list")
    CASE_VIEW = "casus-raadplegen", _("View case file")
    CASE_SEARCH = "casus-zoeken-bsn", _("Search case by BSN")
    CASE_REGISTER = "casus-registreren", _("Register case")
    CASE_UPDATE = "casus-bijwerken", _("Update case file")
    CASE_HANDOVER = "casus-overdragen", _("Hand over case")
    API_CASES = "api-casussen", _("Case data via API")
    API_HOUSEHOLDS = "api-huishoudens", _("Household data via API")
    API_BLOCKERS = "api-knelpunten", _("Blocker data via API")
    REQUEST_SUBMIT = "voorstel-indienen", _("Submit maatwerk request")
    REQUEST_VIEW = "voorstel-raadplegen", _("View maatwerk request")
    REQUEST_EXPORT = "onderbouwing-exporteren", _("Export onderbouwing (PDF)")
    API_REQUESTS = "api-voorstellen", _("Maatwerk request data via API")
    REQUEST_REVIEW = "voorstel-beoordelen", _("Review a request (anonymised)")
    USER_ADMIN = "gebruiker-beheren", _("Change a user's role, team or access")
    ESCALATION_CREATE = "escalatie-indienen", _("Escalate a request or blocker")
    ESCALATION_VIEW = "escalatie-raadplegen", _("View an escalation")
    ESCALATION_DECIDE = "escalatie-besluiten", _("Record an escalation decision or action")
    ACTIONS_VIEW = "acties-raadplegen", _("View own follow-up actions")
    API_ESCALATIONS = "api-escalaties", _("Escalation data via API")
    API_ACTIONS = "api-acties", _("Follow-up actions via API")
    MANDATE_USE = "mandaat-gebruiken", _("Record a decision taken with a mandate (PRIO)")
    MANDATE_USE_VIEW = "mandaatgebruik-raadplegen", _("View a decision taken with a mandate")
    API_MANDATE_USES = "api-mandaatgebruik", _("Mandate uses via API")
    LET_SUBMIT = "let-voorleggen", _("Submit a case to the LET via the Maatwerkloket")
    LET_VIEW = "let-raadplegen", _("View a LET submission (anonymised)")
    LET_DECIDE = "let-besluiten", _("Triage, decide or check a LET submission (regievoerder)")
    LET_EXPORT = "let-exporteren", _("Export a LET submission (PDF, anonymised)")
    API_LET = "api-let", _("LET submissions via API")
    TABLE_VIEW = "tafel-raadplegen", _("View a table's meeting or agenda item (table member)")
    TABLE_DECIDE = "tafel-besluiten", _("Record a table's decision on an agenda item")
    TABLE_EXPORT = "besluitenlijst-exporteren", _("Export a meeting's list of decisions (PDF)")
    CONSENT_RECORD = "toestemming-vastleggen", _("Record or withdraw consent to share with a table")
    API_TABLES = "api-tafels", _("Tables, meetings and agenda items via API")
    GENERIC_DECIDE = (
        "generiek-maatwerk-besluiten",
        _("Take a generic decision (list affected cases)"),
    )
    OUTREACH_VIEW = "bellijst-raadplegen", _("View an outreach list (belteam)")
    OUTREACH_ATTEMPT = "belpoging-vastleggen", _("Record an outreach attempt")
    API_OUTREACH = "api-bellijst", _("Outreach list via API")
    REGISTER_VIEW = (
        "verwerkingsregister-raadplegen",
        _("View the register of processing activities"),
    )
    HISTORY_VIEW = (
        "verwerkingsgeschiedenis-raadplegen",
        _("View a data subject's processing history (privacy officer)"),
    )
    REFUSED = "verwerking-geweigerd", _("Processing refused: unknown processing activity")
    RECOVERY_VIEW = (
        "hersteloperatie-raadplegen",
        _("View a household's hersteloperatie mark, forgiven debts or fresh-start plan"),
    )
    RECOVERY_RECORD = (
        "hersteloperatie-vastleggen",
        _("Record or remove a hersteloperatie mark, a forgiven debt or a fresh-start plan"),
    )
    API_RECOVERY = "api-hersteloperatie", _("Hersteloperatie marks and forgiven debts via API")
    AUTHENTICATION = "authenticatie", _("Second factor, re-authentication (security events)")
    ACCESS_REVIEW = "toegang-beoordelen", _("Review a person's access (periodic access review)")
    YEARLY_REPORT_EXPORT = "jaarverslag-exporteren", _("Export the yearly report of figures (PDF)")
    PAUSE_RECORD = (
        "pauze-vastleggen",
        _("Pause a benefit termination or sanction, approve or review it"),
    )
    PAUSE_VIEW = "pauze-raadplegen", _("View a pause of a benefit termination or sanction")
    API_PAUSES = "api-pauzes", _("Pauses via API")
    SUBJECT_LOOKUP = "betrokkene-zoeken-bsn", _("Find a data subject by BSN (rights request)")
    SUBJECT_ACCESS = "inzageverzoek", _("Access request: export all data held about a person")
    SUBJECT_RECTIFICATION = "rectificatieverzoek", _("Record or handle a rectification request")
    SUBJECT_RESTRICTION = "beperking-verwerking", _("Restrict processing or lift a restriction")
    RETENTION_PROPOSE = "vernietiging-voorstellen", _("Propose destruction after retention term")
    RETENTION_DESTROY = "vernietiging-uitvoeren", _("Destroy personal data after retention term")
    BUDGET_VIEW = "budgetcheck-raadplegen", _("View a household's budget check or payment plan")
    BUDGET_RECORD = (
        "budgetcheck-vastleggen",
        _("Record a budget check (income, fixed costs, debts) or propose a payment plan"),
    )
    API_BUDGET = "api-budgetcheck", _("Budget checks and payment plans via API")
    INDICATION_RECORD = (
        "indicatie-vastleggen",
        _("Write, review or answer an advisory Wmo indication"),
    )
    INDICATION_VIEW = "indicatie-raadplegen", _("View an advisory Wmo indication")
    API_INDICATIONS = "api-indicaties", _("Advisory Wmo indications via API")
    AMBASSADOR_RECORD = (
        "ambassadeur-vastleggen",
        _("Record or change an ambassador's work contact details (ambassadors directory)"),
    )
    GAME_SESSION = (
        "spel-sessie",
        _("Run a training game session: players in teams, their answers and scores"),
    )
    EARLY_SIGNAL_IMPORT = "vroegsignaal-importeren", _("Import payment-arrears signals")
    EARLY_SIGNAL_VIEW = "vroegsignaal-raadplegen", _("View payment-arrears signals")
    EARLY_SIGNAL_WORK = "vroegsignaal-opvolgen", _("Follow up a payment-arrears signal")
    API_EARLY_SIGNALS = "api-vroegsignalen", _("Payment-arrears signals via API")
    VERHUISBOX_VIEW = "verhuisbox-raadplegen", _("View a VerhuisboxPlus trajectory")
    VERHUISBOX_RECORD = (
        "verhuisbox-vastleggen",
        _("Register a VerhuisboxPlus trajectory or record a step of it"),
    )
    API_VERHUISBOX = "api-verhuisbox", _("VerhuisboxPlus trajectories via API")
    PAYMENT_VIEW = (
        "betaalopdracht-raadplegen",
        _("View payment orders of a fund (creditor, IBAN, description on the transfer)"),
    )
    PAYMENT_RECORD = (
        "betaalbatch-vastleggen",
        _("Make a payment batch of a fund, mark it paid or cancel it"),
    )
    PAYMENT_EXPORT = "betaalbestand-exporteren", _("Export a payment batch (SEPA or CSV file)")
    API_PAYMENTS = "api-betalingen", _("Payment orders and batches via API")
    CONSENT_VIEW = (
        "toestemming-raadplegen",
        _("View a household's consent to share with a table (administration site)"),
    )
