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
        "pauses": _("Pauses"),
        "indications": _("Wmo indications"),
        "consults": _("Consults"),
        "ambassadors": _("Ambassadors"),
        "game": _("Op Maat game"),
        "earlysignals": _("Early signals"),
        "figures": _("Figures"),
        "opendata": _("Open data"),
        "generic": _("Generic maatwerk"),
        "calculator": _("Calculator"),
        "budget": _("Budget check"),
        "knowledge": _("Knowledge base"),
        "admin": _("Administration"),
        "privacy": _("Privacy"),
        "rights": _("Data subject rights"),
        "help": _("Help"),
        "verhuisbox": _("VerhuisboxPlus"),
    }


def _group_labels() -> dict[str, str]:
    return {
        "together": _("Together"),
        "money": _("Money"),
        "learning": _("Learning"),
        "more": _("More"),
    }


@functools.lru_cache(maxsize=256)
def _entries(person: menu.Person, language: str, urlconf, prefix: str) -> tuple:
    """The menu of one kind of person in one language: (key, label, url, members) per entry,
    members being the (key, label, url) of a group's items (empty for a plain item). The same
    for everyone with the same role flags, so built once per process (it ran on every page)."""
    labels, group_labels = _labels(), _group_labels()

    def item(entry):
        return (entry.key, labels[entry.key], reverse(entry.url_name, urlconf=urlconf))

    return tuple(
        (entry.key, group_labels[entry.key], "", tuple(item(i) for i in entry.items))
        if isinstance(entry, menu.MenuGroup)
        else (*item(entry), ())
        for entry in menu.grouped(menu.menu(person))
    )


def _is_current(path: str, url: str) -> bool:
    return path == url if url == "/" else path.startswith(url)


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
        for key, label, url, members in entries:
            children = [
                {"key": k, "label": lab, "url": u, "current": _is_current(path, u)}
                for k, lab, u in members
            ]
            current = any(c["current"] for c in children) if members else _is_current(path, url)
            items.append(
                {"key": key, "label": label, "url": url, "current": current, "items": children}
            )
    return {
        "UNREAD_NOTIFICATIONS": unread,
        "MENU": items,
        "THEME_CSS": settings.THEME_CSS,
        "THEME_CLASS": settings.THEME_CLASS,
        "OIDC_ENABLED": settings.OIDC_ENABLED,
    }
