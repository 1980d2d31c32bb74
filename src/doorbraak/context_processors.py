from django.conf import settings


def theme(request):
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        from doorbraak.approvals.queries import unread_count

        unread = unread_count(user)
    return {
        "UNREAD_NOTIFICATIONS": unread,
        "THEME_CSS": settings.THEME_CSS,
        "THEME_CLASS": settings.THEME_CLASS,
        "OIDC_ENABLED": settings.OIDC_ENABLED,
    }
