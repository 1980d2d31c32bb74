"""Token login for the API, with the web's second factor and re-authentication (issue 16,
item 5).

A token is issued for username and password, and a `code` from the authenticator app (or a
recovery code) from everyone who has one — mandatory for the functional administrator and
every admin-site user (`accounts.mfa.required_for`), as at the web's login. Asking for a token
again with password (and code) is the API's re-authentication: the token keeps its key and
its `created` moves to now. A money action over the API above `DOORBRAAK_REAUTH_ABOVE` euro
(`refuse_unless_reauthenticated`) needs a token issued within the last
`DOORBRAAK_REAUTH_VALID_MINUTES` — as the web needs a confirmation that recent."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from doorbraak.accounts import mfa, reauth

from .parsers import FormParser, JSONParser, MultiPartParser


class TokenRequestSerializer(AuthTokenSerializer):
    """Bounded before anyone is asked: an overlong username would not fit the lockout log
    (varchar 255 on PostgreSQL) and end in a server error."""

    username = serializers.CharField(label="Gebruikersnaam", max_length=150, write_only=True)
    password = serializers.CharField(
        label="Wachtwoord",
        max_length=4096,
        style={"input_type": "password"},
        trim_whitespace=False,
        write_only=True,
    )
    code = serializers.CharField(
        label="Code", max_length=32, required=False, allow_blank=True, write_only=True
    )


def second_factor_needed(user) -> bool:
    """As at the web's login: whoever must use a second factor, and whoever has one."""
    if not settings.DOORBRAAK_MFA_ENFORCED:
        return False
    return mfa.required_for(user) or mfa.confirmed_device(user) is not None


class ObtainTokenView(ObtainAuthToken):
    """`POST {"username", "password", "code"}` → `{"token": "..."}`; failed attempts count
    toward the same lockout as the login page; a wrong code toward the second factor's."""

    # ObtainAuthToken names its own parsers; ours refuses hostile JSON in Dutch.
    parser_classes = (FormParser, MultiPartParser, JSONParser)
    serializer_class = TokenRequestSerializer

    @extend_schema(
        summary="Token ophalen",
        description=(
            "Met gebruikersnaam en wachtwoord, en de code uit de authenticator-app (of een "
            "herstelcode) voor wie tweestapsverificatie heeft of moet hebben. Opnieuw een token "
            "ophalen is opnieuw inloggen: nodig voor geldacties boven het drempelbedrag."
        ),
        request=inline_serializer(
            "TokenRequest",
            {
                "username": serializers.CharField(max_length=150),
                "password": serializers.CharField(max_length=4096),
                "code": serializers.CharField(max_length=32, required=False),
            },
        ),
        responses={200: inline_serializer("TokenResponse", {"token": serializers.CharField()})},
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        if second_factor_needed(user):
            code = serializer.validated_data.get("code", "")
            if not code:
                message = (
                    _("Enter the code from your authenticator app.")
                    if mfa.confirmed_device(user)
                    else _("Set up two-step verification first.")
                )
                raise serializers.ValidationError({"code": [message]})
            try:
                mfa.verify(request, user, code, action="api-token")
            except DjangoValidationError as error:
                raise serializers.ValidationError({"code": error.messages}) from None
        with transaction.atomic():
            token, created = Token.objects.select_for_update().get_or_create(user=user)
            if not created:
                token.created = timezone.now()
                token.save(update_fields=["created"])
        return Response({"token": token.key})


def refuse_unless_reauthenticated(request, amount) -> None:
    """The API's `reauth.reauthenticate_first`: a 403 with a Dutch message when a money action
    of `amount` needs a re-authentication that is not recent enough. Over a token: the token's
    issue (ObtainTokenView); in a browser session (the browsable API): the web's."""
    if not isinstance(request.successful_authenticator, TokenAuthentication):
        if reauth.needed(request, amount):
            raise PermissionDenied(_("Confirm it is you on the web first (above the threshold)."))
        return
    limit = reauth.threshold()
    if not settings.DOORBRAAK_MFA_ENFORCED or limit is None or amount is None:
        return
    if Decimal(amount) <= limit:
        return
    valid = datetime.timedelta(minutes=settings.DOORBRAAK_REAUTH_VALID_MINUTES)
    if timezone.now() - request.auth.created > valid:
        raise PermissionDenied(
            _(
                "Amounts above € %(limit)s need a recent login: ask for a new token with your "
                "password (and code) and try again within %(minutes)s minutes."
            )
            % {"limit": f"{limit:.2f}".replace(".", ","), "minutes": valid.seconds // 60}
        )
