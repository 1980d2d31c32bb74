"""The page for a form whose CSRF check failed (settings.CSRF_FAILURE_VIEW): Dutch, in the
base layout with the menu (Django's own view renders the template without the request, so
without the menu, the user and the theme)."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
