from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken

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


class ObtainTokenView(ObtainAuthToken):
    """`POST {"username", "password"}` → `{"token": "..."}`; failed attempts count toward
    the same lockout as the login page."""

    # ObtainAuthToken names its own parsers; ours refuses hostile JSON in Dutch.
    parser_classes = (FormParser, MultiPartParser, JSONParser)
    serializer_class = TokenRequestSerializer

    @extend_schema(
        summary="Token ophalen",
        request=inline_serializer(
            "TokenRequest",
            {
                "username": serializers.CharField(max_length=150),
                "password": serializers.CharField(max_length=4096),
            },
        ),
        responses={200: inline_serializer("TokenResponse", {"token": serializers.CharField()})},
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
