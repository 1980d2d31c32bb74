"""409 Conflict: a money action that the current state does not allow (a request closed while
it was being paid, a batch already paid). The body is the usual {"detail": "<Dutch text>"}."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import APIException


class Conflict(APIException):
    status_code = 409
    default_detail = _("This cannot be done in the current state; reload and try again.")
    default_code = "conflict"
