import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from doorbraak.home import menu
from doorbraak.home.queries import person_of


def _labels() -> dict[str, str]:
    return {
        "start": _("Start"),
        "cases": _("Cases"),
        "open-case": _("Open a case"),
        "votes": _("Votes"),
        "actions": _("My actions"),
        "tables": _("Tables"),
        "let": _("LET"),
        "funds": _("Funds"),
        "patterns": _("Patterns"),
        "worktables": _("Werktafels"),
        "signals": _("Signals"),
        "figures": _("Figures"),
        "generic": _("Generic maatwerk"),
        "calculator": _("Calculator"),
        "admin": _("Administration"),
        "rights": _("Data subject rights"),
        "help": _("Help"),
    }


@functools.lru_cache(maxsize=256)
def _entries(person: menu.Person, language: str, urlconf, prefix: str) -> tuple:
    """The menu of one kind of person in one language: (key, label, url) per item. The same
    for everyone with the same role flags, so built once per process (it ran on every page)."""
    labels = _labels()
    return tuple(
        (item.key, labels[item.key], reverse(item.url_name, urlconf=urlconf))
        for item in menu.menu(person)
    )


def theme(request):
    user = getattr(request, "user", None)
    unread = 0
    items = []
    if user is not None and user.is_authenticated:
        from doorbraak.approvals.queries import unread_count

        # A page that counted them already says so (the start page); others ask once.
        unread = getattr(request, "unread_notifications", None)
        if unread is None:
            unread = unread_count(user)
        path = request.path
        entries = _entries(
            person_of(user), translation.get_language(), get_urlconf(), get_script_prefix()
        )
        for key, label, url in entries:
            current = path == url if url == "/" else path.startswith(url)
            items.append({"key": key, "label": label, "url": url, "current": current})
    return {
        "UNREAD_NOTIFICATIONS": unread,
        "MENU": items,
        "THEME_CSS": settings.THEME_CSS,
        "THEME_CLASS": settings.THEME_CLASS,
        "OIDC_ENABLED": settings.OIDC_ENABLED,
    }
