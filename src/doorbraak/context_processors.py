from django.conf import settings
from django.urls import reverse
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
        "funds": _("Funds"),
        "patterns": _("Patterns"),
        "signals": _("Signals"),
        "calculator": _("Calculator"),
        "admin": _("Administration"),
        "help": _("Help"),
    }


def theme(request):
    user = getattr(request, "user", None)
    unread = 0
    items = []
    if user is not None and user.is_authenticated:
        from doorbraak.approvals.queries import unread_count

        unread = unread_count(user)
        labels = _labels()
        path = request.path
        for item in menu.menu(person_of(user)):
            url = reverse(item.url_name)
            current = path == url if url == "/" else path.startswith(url)
            items.append(
                {"key": item.key, "label": labels[item.key], "url": url, "current": current}
            )
    return {
        "UNREAD_NOTIFICATIONS": unread,
        "MENU": items,
        "THEME_CSS": settings.THEME_CSS,
        "THEME_CLASS": settings.THEME_CLASS,
        "OIDC_ENABLED": settings.OIDC_ENABLED,
    }
