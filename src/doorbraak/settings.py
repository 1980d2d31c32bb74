"""Django settings for Doorbraak.

Every setting comes from an environment variable (12-factor). The defaults are safe for
production: DEBUG off, secure cookies, HSTS, a strict Content Security Policy. `make run`
exports development values; `.env.example` documents every variable.
"""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from doorbraak.health.storage import storage_backend
from doorbraak.opendata.codes import parse_codes

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-development-key-do-not-use-in-production"
    else:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "doorbraak.csrf.csrf_failure"  # Dutch, in the base layout

# Keys that protect personal data. BSNs are encrypted with the field key and found by a
# keyed hash (blind index); data subjects appear in the processing log only as a keyed
# pseudonym. Both keys must be set in production and kept out of database dumps.
FIELD_ENCRYPTION_KEY = env("DOORBRAAK_FIELD_ENCRYPTION_KEY")
PSEUDONYM_KEY = env("DOORBRAAK_PSEUDONYM_KEY")
if not (FIELD_ENCRYPTION_KEY and PSEUDONYM_KEY):
    if DEBUG:
        FIELD_ENCRYPTION_KEY = (
            FIELD_ENCRYPTION_KEY or "ZGV2ZWxvcG1lbnQtb25seS1maWVsZC1rZXktMzJieXQ="
        )
        PSEUDONYM_KEY = PSEUDONYM_KEY or "development-only-pseudonym-key"
    else:
        raise ImproperlyConfigured(
            "DOORBRAAK_FIELD_ENCRYPTION_KEY and DOORBRAAK_PSEUDONYM_KEY must be set "
            "when DJANGO_DEBUG is off."
        )
# Pseudonym key rotation (docs/privacy.md): the current key's version, earlier keys as JSON.
PSEUDONYM_KEY_VERSION = int(env("DOORBRAAK_PSEUDONYM_KEY_VERSION", "1"))
PSEUDONYM_KEYS_OLD = json.loads(env("DOORBRAAK_PSEUDONYM_KEYS_OLD", "{}"))
# The field (BSN) key: its version and the keys before it, during a rotation (privacy/bsn_keys.py).
FIELD_ENCRYPTION_KEY_VERSION = int(env("DOORBRAAK_FIELD_ENCRYPTION_KEY_VERSION", "1"))
FIELD_ENCRYPTION_KEYS_OLD = json.loads(env("DOORBRAAK_FIELD_ENCRYPTION_KEYS_OLD", "{}"))
# The log's chain heads, exported nightly to this append-only file (privacy/heads.py).
PRIVACY_HEADS_FILE = env("DOORBRAAK_PRIVACY_HEADS_FILE", "")
#: Vroegsignalering: days for the first contact attempt after a signal (docs/earlysignals.md).
EARLYSIGNALS_FIRST_CONTACT_DAYS = int(env("DOORBRAAK_EARLYSIGNALS_FIRST_CONTACT_DAYS", "28"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "doorbraak.accounts",
    "doorbraak.cases",
    "doorbraak.privacy",
    "doorbraak.costbenefit",
    "doorbraak.proposals",
    "doorbraak.approvals",
    "doorbraak.funds",
    "doorbraak.escalation",
    "doorbraak.tables",
    "doorbraak.let",
    "doorbraak.documents",
    "doorbraak.learning",
    "doorbraak.reports",
    "doorbraak.worktables",
    "doorbraak.generic",
    "doorbraak.opendata",
    "doorbraak.pauses",
    "doorbraak.consults",
    "doorbraak.ambassadors",
    "doorbraak.game",
    "doorbraak.subjectrights",
    "doorbraak.demo",
    "doorbraak.ui",
    "doorbraak.home",
    "doorbraak.jobs",
    "doorbraak.knowledge",
    "doorbraak.recovery",
    "doorbraak.budget",
    "doorbraak.indications",
    "doorbraak.earlysignals",
    "doorbraak.verhuisbox",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "doorbraak.privacy.middleware.TraceMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "doorbraak.urls"
WSGI_APPLICATION = "doorbraak.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "doorbraak.context_processors.theme",
            ],
        },
    },
]

DATA_DIR = Path(env("DOORBRAAK_DATA_DIR", str(REPO_DIR / "var")))
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Model choice fields iterate with .iterator(): without this every select box on a page
    # becomes DECLARE CURSOR WITH HOLD + FETCH + CLOSE, and it breaks behind PgBouncer's
    # transaction pooling. Pages never stream large result sets, so nothing is lost.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    # Server-side binding with prepared statements: psycopg prepares a statement the second
    # time a connection runs it, and PostgreSQL then parses and plans it once instead of on
    # every request (planning was most of a page's database time: docs/benchmarks.md,
    # decision 0011). PgBouncer before 1.21 in transaction mode cannot carry prepared
    # statements: set DOORBRAAK_DB_PREPARED=0 there.
    if env_bool("DOORBRAAK_DB_PREPARED", True):
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            {"server_side_binding": True, "prepare_threshold": 2}
        )
elif DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded database serves the threads of `make run` at once. A transaction that reads
    # first and writes later (SQLite's default, DEFERRED) fails at once with "database is
    # locked" when another thread writes meanwhile; IMMEDIATE takes the write lock when the
    # transaction begins, so the other waits (up to `timeout` seconds) instead of failing. Two
    # PDFs asked for at the same moment gave HTTP 500 before.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background jobs (Celery; doorbraak/jobs/). With DOORBRAAK_REDIS_URL set, tasks go to Redis
# and run in `celery -A doorbraak.jobs worker`, periodic ones are sent by `celery -A
# doorbraak.jobs beat` (see README, Production). Without it (the embedded `make run`, the test
# suite) every task runs at once, in the process that sends it.

REDIS_URL = env("DOORBRAAK_REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
# Sessions live in the database (Django's default engine, said here so nobody switches to a
# per-process one); the cache is Redis when there is one, so every instance shares it (issue 19).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True  # a task whose worker dies is run again: every task is idempotent
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = int(env("DOORBRAAK_TASK_TIME_LIMIT", "600"))
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BEAT_SCHEDULE = {
    "flag-overdue-requests": {"task": "doorbraak.approvals.tasks.flag_overdue", "schedule": 3600.0},
    # a PDF still waiting after DOCUMENT_REQUEUE_AFTER seconds lost its message: send it again
    "requeue-waiting-documents": {
        "task": "doorbraak.documents.tasks.requeue_waiting_documents",
        "schedule": 60.0,
    },
    "delete-old-documents": {
        "task": "doorbraak.documents.tasks.delete_old_documents",
        "schedule": crontab(hour=3, minute=30),
    },
    "flag-overdue-escalations": {
        "task": "doorbraak.escalation.tasks.flag_overdue_escalations",
        "schedule": crontab(hour=8, minute=5),
    },
    "refresh-figures": {
        "task": "doorbraak.reports.tasks.refresh_figures",
        "schedule": crontab(hour=2, minute=15),
    },
    "remind-due-actions": {
        "task": "doorbraak.escalation.tasks.remind_due_actions",
        "schedule": crontab(hour="8,12", minute=0),
    },
}
CELERY_BEAT_SCHEDULE["forget-old-task-runs"] = {  # schedule/: runs are kept 90 days
    "task": "doorbraak.schedule.tasks.forget_old_task_runs",
    "schedule": crontab(hour=3, minute=45),
}
CELERY_BEAT_SCHEDULE["export-chain-heads"] = {  # privacy/heads.py
    "task": "doorbraak.privacy.tasks.export_chain_heads",
    "schedule": crontab(hour=0, minute=5),
}
# Scheduled tasks run once per slot (doorbraak/schedule/, docs/operations.md "Scheduled
# tasks"): beat sends each with its slot; interval entries run on a fixed grid. A message is
# acknowledged after its task ran (ACKS_LATE); a worker process that dies gives its message
# back at once (REJECT_ON_WORKER_LOST); a whole worker killed leaves it unacknowledged in
# Redis, which hands it out again after the visibility timeout — longer than the time limit,
# so a task still running is never handed to a second worker.
INSTALLED_APPS.append("doorbraak.schedule")
CELERY_BEAT_SCHEDULER = "doorbraak.schedule.beat:SlotScheduler"
BROKER_VISIBILITY_TIMEOUT = int(
    env("DOORBRAAK_BROKER_VISIBILITY_TIMEOUT", str(2 * CELERY_TASK_TIME_LIMIT))
)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": BROKER_VISIBILITY_TIMEOUT,
    # how often a worker looks for messages past it: every 100 s (kombu's default) from a
    # timeout of 1,000 s on, more often below (the scale test's 20 s: every second)
    "unacked_restore_interval": min(10, max(1, BROKER_VISIBILITY_TIMEOUT // 100)),
    "unacked_restore_throttle": 10 if BROKER_VISIBILITY_TIMEOUT >= 1000 else 1,
}
DOCUMENT_REQUEUE_AFTER = int(env("DOORBRAAK_DOCUMENT_REQUEUE_AFTER", "300"))
# The scale test (bench/scale.py) only: a probe task and the hourly check every N seconds.
if BEAT_FAST := float(env("DOORBRAAK_BEAT_FAST", "0")):
    CELERY_BEAT_SCHEDULE["flag-overdue-requests"]["schedule"] = 2 * BEAT_FAST
    CELERY_BEAT_SCHEDULE["requeue-waiting-documents"]["schedule"] = 2 * BEAT_FAST
    CELERY_BEAT_SCHEDULE["scale-test-tick"] = {
        "task": "doorbraak.schedule.tasks.tick",
        "schedule": BEAT_FAST,
        "kwargs": {"hold": BEAT_FAST / 2},
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home:start"
LOGOUT_REDIRECT_URL = "login"

# Lockout after repeated failed logins (django-axes): per username and address, and
# (accounts/lockout.py) per address over any usernames, against password spraying: at
# LOGIN_ADDRESS_FAILURE_LIMIT failures from one address within the cool-off time that address
# is refused until they are older than the cool-off time. 0 switches the address limit off.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "doorbraak.accounts.lockout.AddressLimitHandler"
# Behind a reverse proxy: its addresses, so the lockout and the audit trail see the client's
# address from X-Forwarded-For (accounts/client_ip.py), and nobody else can set it.
TRUSTED_PROXIES = env_list("DOORBRAAK_TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "doorbraak.accounts.client_ip.client_address"
LOGIN_ADDRESS_FAILURE_LIMIT = int(env("DOORBRAAK_LOGIN_ADDRESS_FAILURE_LIMIT", "20"))

# Optional single sign-on through OpenID Connect (Keycloak, Entra ID); see docs/oidc.md.
OIDC_ENABLED = bool(env("OIDC_RP_CLIENT_ID"))
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.insert(1, "doorbraak.accounts.oidc.DoorbraakOIDCBackend")
    OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
    OIDC_USERNAME_CLAIM = env("OIDC_USERNAME_CLAIM", "preferred_username")
    OIDC_CREATE_USER = env_bool("OIDC_CREATE_USER", False)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(DATA_DIR / "static")))
NODE_MODULES = Path(env("DOORBRAAK_NODE_MODULES", str(REPO_DIR / "node_modules")))
STATICFILES_DIRS = [BASE_DIR / "static"] + [
    (prefix, NODE_MODULES / path)
    for prefix, path in [
        ("vendor/utrecht", "@utrecht/component-library-css/dist"),
        ("vendor/voorbeeld", "@nl-design-system-unstable/voorbeeld-design-tokens/dist"),
        ("vendor/htmx", "htmx.org/dist"),
    ]
    if (NODE_MODULES / path).is_dir()
]
#: Generated files (PDFs for download); a shared volume or bucket when there are several
#: instances (issue 19).
MEDIA_ROOT = Path(env("DOORBRAAK_MEDIA_ROOT", str(REPO_DIR / "var" / "media")))
STORAGES = {
    # DOORBRAAK_STORAGE: file:///path (default MEDIA_ROOT) or s3://bucket (health/storage.py)
    "default": storage_backend(
        env("DOORBRAAK_STORAGE", ""), default_root=str(MEDIA_ROOT), env=dict(os.environ)
    ),
    "staticfiles": {
        "BACKEND": env(
            "DJANGO_STATICFILES_STORAGE",
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# NL Design System theme: any token package that defines the Utrecht component tokens on a
# class works. The neutral "voorbeeld" theme ships by default.
THEME_CSS = env("DOORBRAAK_THEME_CSS", "vendor/voorbeeld/theme.css")
THEME_CLASS = env("DOORBRAAK_THEME_CLASS", "voorbeeld-theme")

# Security: safe by default, relaxed only by explicit development settings.
SECURE_COOKIES = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(env("DJANGO_SESSION_AGE_SECONDS", str(8 * 3600)))
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # Bad input is a Dutch 400, never a 500 (deep nesting, lone surrogates, NUL, huge bodies).
    "DEFAULT_PARSER_CLASSES": [
        "doorbraak.api.parsers.JSONParser",
        "doorbraak.api.parsers.FormParser",
        "doorbraak.api.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "doorbraak.api.exceptions.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Doorbraak API",
    "DESCRIPTION": "Maatwerk in het sociaal domein: casussen, huishoudens en knelpunten. "
    "Elke response met persoonsgegevens wordt vastgelegd in het verwerkingenlogboek.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every operation documents its refusals (400, 401, 403, 404, 405, 409) with the error body.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "doorbraak.api.schema.document_errors",
        "doorbraak.api.version.declare_version_header",
    ],
    "ENUM_NAME_OVERRIDES": {
        "LifeDomainEnum": "doorbraak.cases.models.LifeDomain",
        "RequestStatusEnum": "doorbraak.proposals.models.RequestStatus",
        "OrderStatusEnum": "doorbraak.funds.models.OrderStatus",
        "BatchStatusEnum": "doorbraak.funds.models.BatchStatus",
        "CaseStatusEnum": "doorbraak.cases.models.CaseStatus",
        "BlockerStatusEnum": "doorbraak.cases.models.BlockerStatus",
        "EscalationStatusEnum": "doorbraak.escalation.models.Status",
        "LevelKindEnum": "doorbraak.escalation.models.LevelKind",
        "ActionKindEnum": "doorbraak.escalation.models.ActionKind",
        "KindEnum": "doorbraak.proposals.models.GroundKind",
        "TableKindEnum": "doorbraak.tables.models.TableKind",
        "TableOutcomeEnum": "doorbraak.tables.services.OUTCOMES",
        "AgendaItemModeEnum": "doorbraak.tables.queries.MODES",
        "SolutionStatusEnum": "doorbraak.worktables.models.SolutionStatus",
        "VerhuisboxStatusEnum": "doorbraak.verhuisbox.models.Status",
        "VerhuisboxStopReasonEnum": "doorbraak.verhuisbox.models.StopReason",
        "VerhuisboxCostKindEnum": "doorbraak.verhuisbox.models.CostKind",
        "EarlySignalStatusEnum": "doorbraak.earlysignals.models.SignalStatus",
        "CloseReasonEnum": "doorbraak.earlysignals.models.CloseReason",
        "PauseOutcomeEnum": "doorbraak.pauses.models.Outcome",
    },
}

# Cost-benefit: the price year figures are indexed to (default: the latest year in the price
# index) and the request amount from which a calculation is required on the return side.
PRICE_YEAR = int(env("DOORBRAAK_PRICE_YEAR", "0")) or None
COST_BENEFIT_REQUIRED_FROM = env("DOORBRAAK_COST_BENEFIT_REQUIRED_FROM", "500.00")

# Patterns (learning/): at least this many distinct cases within this many months, and the
# text similarity (0..1) from which a blocker or signal counts as "the same rule". Checked at
# start-up by learning.grouping.check (k >= 2, window >= 1 month, 0 < similarity <= 1).
PATTERN_MIN_CASES = int(env("DOORBRAAK_PATTERN_MIN_CASES", "3"))
PATTERN_WINDOW_MONTHS = int(env("DOORBRAAK_PATTERN_WINDOW_MONTHS", "12"))
PATTERN_SIMILARITY = float(env("DOORBRAAK_PATTERN_SIMILARITY", "0.38"))
if PATTERN_MIN_CASES < 2 or PATTERN_WINDOW_MONTHS < 1 or not 0 < PATTERN_SIMILARITY <= 1:
    raise ImproperlyConfigured(
        "DOORBRAAK_PATTERN_MIN_CASES moet minstens 2 zijn, DOORBRAAK_PATTERN_WINDOW_MONTHS "
        "minstens 1 en DOORBRAAK_PATTERN_SIMILARITY groter dan 0 en hoogstens 1."
    )

# The address people open Doorbraak on: links in e-mails point here.
SITE_URL = env("DOORBRAAK_SITE_URL", "http://127.0.0.1:8000")
# The user guide shown in the app at /hulp/ (Markdown).
HELP_FILE = Path(env("DOORBRAAK_HELP_FILE", str(REPO_DIR / "docs" / "gebruikershandleiding.md")))

# Mounts /bench/bare/, the baseline of the web benchmark (bench/web.py). Never in production.
BENCH_ENDPOINTS = env_bool("DOORBRAAK_BENCH", False)

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "doorbraak@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Generic maatwerk: attempts without an answer before the belteam marks a row "not reached".
OUTREACH_MAX_ATTEMPTS = max(1, int(env("DOORBRAAK_OUTREACH_MAX_ATTEMPTS", "3")))

# Authentication (issue 16, item 5; docs/oidc.md): a second factor (TOTP) is mandatory for the
# functional administrator and admin-site users, a session idle for DOORBRAAK_IDLE_TIMEOUT_MINUTES
# is logged out, and a money action above DOORBRAAK_REAUTH_ABOVE euro asks for the password (and
# a code) again, valid for DOORBRAAK_REAUTH_VALID_MINUTES. Empty DOORBRAAK_REAUTH_ABOVE: off.
from decimal import Decimal  # noqa: E402

MIDDLEWARE.append("doorbraak.accounts.middleware.SessionSecurityMiddleware")
DOORBRAAK_MFA_ENFORCED = env_bool("DOORBRAAK_MFA_ENFORCED", True)
DOORBRAAK_MFA_FAILURE_LIMIT = int(env("DOORBRAAK_MFA_FAILURE_LIMIT", "5"))
DOORBRAAK_IDLE_TIMEOUT_MINUTES = int(env("DOORBRAAK_IDLE_TIMEOUT_MINUTES", "30"))
_reauth_above = env("DOORBRAAK_REAUTH_ABOVE", "1000")
DOORBRAAK_REAUTH_ABOVE = Decimal(_reauth_above) if _reauth_above else None
DOORBRAAK_REAUTH_VALID_MINUTES = int(env("DOORBRAAK_REAUTH_VALID_MINUTES", "5"))
# OIDC: a login counts as two-factor only when the ID token's `amr` holds one of these, or
# its `acr` is one of OIDC_MFA_ACR_VALUES; otherwise it is refused (OIDC_REQUIRE_MFA=0: off).
OIDC_REQUIRE_MFA = env_bool("OIDC_REQUIRE_MFA", True)
OIDC_MFA_AMR_VALUES = env_list("OIDC_MFA_AMR_VALUES", "mfa,otp,hwk,swk,fido")
OIDC_MFA_ACR_VALUES = env_list("OIDC_MFA_ACR_VALUES", "")
# Access review (issue 16, item 6): each account confirmed once per period; flagged to the
# functional administrator when not confirmed within the term after it became due.
DOORBRAAK_ACCESS_REVIEW_DAYS = int(env("DOORBRAAK_ACCESS_REVIEW_DAYS", "91"))
DOORBRAAK_ACCESS_REVIEW_TERM_DAYS = int(env("DOORBRAAK_ACCESS_REVIEW_TERM_DAYS", "30"))
OPEN_DATA_MIN_CELL = int(env("DOORBRAAK_OPEN_DATA_MIN_CELL", "10"))
# The pause button (pauses/): a pause longer than this many weeks needs a second person's approval.
DOORBRAAK_PAUSE_MAX_WEEKS = max(1, int(env("DOORBRAAK_PAUSE_MAX_WEEKS", "13")))
# Operations (issue 19, doorbraak/health/, docs/operations.md): /health/live, /health/ready and
# /metrics are answered by the first middleware, before the host check, HTTPS redirect and
# login. /metrics needs a bearer token (DOORBRAAK_METRICS_TOKEN) or a client address in
# DOORBRAAK_METRICS_ALLOWED_IPS (addresses or networks; default loopback). Behind a proxy the
# address is the proxy's: use the token there.
INSTALLED_APPS.append("doorbraak.health")
MIDDLEWARE.insert(0, "doorbraak.health.middleware.HealthMiddleware")
MIDDLEWARE.insert(1, "doorbraak.api.version.APIVersionMiddleware")  # API-Version header
# One installation per municipality (decision 0015): the CBS code of each municipality it
# serves, "gemeente-utrecht=GM0344,...", carried by the published open data.
try:
    MUNICIPALITY_CODES = parse_codes(env("DOORBRAAK_MUNICIPALITY_CODES", ""))
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None
METRICS_TOKEN = env("DOORBRAAK_METRICS_TOKEN", "")
METRICS_ALLOWED_IPS = env_list("DOORBRAAK_METRICS_ALLOWED_IPS", "127.0.0.1,::1")
# Logs as one JSON object per line (time, level, logger, message; the access log adds
# trace_id, method, path, status, duration_ms): on in production, off with DJANGO_DEBUG.
# DOORBRAAK_ACCESS_LOG writes one line per request (default: with the JSON logs).
JSON_LOGS = env_bool("DOORBRAAK_JSON_LOGS", not DEBUG)
ACCESS_LOG = env_bool("DOORBRAAK_ACCESS_LOG", JSON_LOGS)
if JSON_LOGS:
    LOGGING["formatters"] = {"json": {"()": "doorbraak.health.jsonlog.JsonFormatter"}}
    LOGGING["handlers"]["console"]["formatter"] = "json"
    CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # workers log through the same JSON handler
