from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import FormParser, MultiPartParser

from .parsers import JSONParser


class ObtainTokenView(ObtainAuthToken):
    """`POST {"username", "password"}` → `{"token": "..."}`; failed attempts count toward
    the same lockout as the login page."""

    # ObtainAuthToken names its own parsers; ours refuses hostile JSON in Dutch.
    parser_classes = (FormParser, MultiPartParser, JSONParser)

    @extend_schema(
        summary="Token ophalen",
        request=inline_serializer(
            "TokenRequest",
            {"username": serializers.CharField(), "password": serializers.CharField()},
        ),
        responses={200: inline_serializer("TokenResponse", {"token": serializers.CharField()})},
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
