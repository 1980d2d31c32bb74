from django.conf import settings


def theme(request):
    return {
        "THEME_CSS": settings.THEME_CSS,
        "THEME_CLASS": settings.THEME_CLASS,
        "OIDC_ENABLED": settings.OIDC_ENABLED,
    }
