"""The API's exception handler: DRF's, with every refusal in Dutch and always a JSON object.

- Django's Http404 carries an English text ("No Fund matches the given query."): it becomes
  DRF's own "Niet gevonden.", which also says nothing about what exists.
- DRF's CSRF refusal for session clients is an English string: it becomes a Dutch one.
- A list of messages (a service's non-field ValidationError) becomes
  `{"non_field_errors": [...]}`, the shape DRF uses for them everywhere else, so the OpenAPI
  schema can promise an object.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF Failed"):
        exc = exceptions.PermissionDenied(
            _("The security check of the form failed (CSRF). Reload the page and try again.")
        )
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, list):
        response.data = {api_settings.NON_FIELD_ERRORS_KEY: response.data}
    return response
