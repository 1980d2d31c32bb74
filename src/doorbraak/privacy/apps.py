import os
import sys

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def serves_requests(argv: list[str], environ) -> bool:
    """True in the process that `manage.py runserver` serves requests from: the autoreloader's
    child (RUN_MAIN=true), or the only process with --noreload. Not in tests, migrate,
    load_demo or the reloader's parent, which never handle a request."""
    if len(argv) < 2 or argv[1] != "runserver":
        return False
    return environ.get("RUN_MAIN") == "true" or "--noreload" in argv


class PrivacyConfig(AppConfig):
    name = "doorbraak.privacy"
    label = "privacy"
    verbose_name = _("Privacy and logging")

    def ready(self) -> None:
        from doorbraak.privacy.tracecontext import install_log_record_factory  # noqa: PLC0415

        install_log_record_factory()
        # The first "Controleer de tekst voor beoordelaars" would otherwise wait for deduce.
        # (WSGI servers preload in doorbraak.wsgi.)
        if serves_requests(sys.argv, os.environ):
            from doorbraak.privacy.anonymiser import preload_anonymiser  # noqa: PLC0415

            preload_anonymiser()
